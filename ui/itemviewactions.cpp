#include "itemviewactions.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListView>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Keeps a mirrored action worded, enabled and shown as its button. A button has no signal for any of these;
// its events are the only news. setText() sends no event at all, but a button on screen repaints after it,
// and a button off screen receives Show before it is on screen again.
class ButtonMirror final : public QObject
{
public:
    ButtonMirror(QAbstractButton *button, QAction *action)
        : QObject(action)
        , m_button(button)
        , m_action(action)
    {
        button->installEventFilter(this);
        sync();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::EnabledChange:
        case QEvent::ToolTipChange:
        case QEvent::ShowToParent:
        case QEvent::HideToParent:
        case QEvent::Show:
        case QEvent::Paint:
            sync();
            break;
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void sync()
    {
        // Each setter compares first, so a repaint costs no changed() signal.
        m_action->setText(m_button->text());
        m_action->setToolTip(m_button->toolTip());
        m_action->setEnabled(m_button->isEnabled());
        // Only a button hidden on purpose hides its action: every child is "hidden" until its window is
        // first shown.
        m_action->setVisible(
            !(m_button->isHidden() && m_button->testAttribute(Qt::WA_WState_ExplicitShowHide)));
    }

    QAbstractButton *m_button;
    QAction *m_action;
};

// initStyleOption() is protected, and it is where a delegate words a cell (DeviceItemDelegate writes the
// connectivity and the last seen time there). A pointer to it taken through a subclass may be called on
// any delegate, and the call stays virtual.
struct DelegateAccess : QStyledItemDelegate
{
    using QStyledItemDelegate::initStyleOption;
};

void setEnabledWhile(QAbstractItemView *view, QAction *action, std::function<bool()> condition)
{
    const auto update = [action, condition = std::move(condition)] { action->setEnabled(condition()); };
    QItemSelectionModel *selection = view->selectionModel();
    QObject::connect(selection, &QItemSelectionModel::selectionChanged, action, update);
    QObject::connect(selection, &QItemSelectionModel::currentChanged, action, update);
    // A reset clears the selection with the selection model's signals blocked.
    QObject::connect(view->model(), &QAbstractItemModel::modelReset, action, update);
    update();
}

bool currentIsSelected(const QAbstractItemView *view)
{
    const QModelIndex current = view->currentIndex();
    return current.isValid() && view->selectionModel()->isSelected(current);
}

QList<int> visibleColumns(const QAbstractItemView *view)
{
    const QHeaderView *header = nullptr;
    if (const auto *table = qobject_cast<const QTableView *>(view))
        header = table->horizontalHeader();
    else if (const auto *tree = qobject_cast<const QTreeView *>(view))
        header = tree->header();
    else if (const auto *list = qobject_cast<const QListView *>(view))
        return {list->modelColumn()};
    if (!header)
        return {0};
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

bool isRowHidden(const QAbstractItemView *view, const QModelIndex &row)
{
    if (const auto *table = qobject_cast<const QTableView *>(view))
        return table->isRowHidden(row.row());
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->isRowHidden(row.row(), row.parent());
    if (const auto *list = qobject_cast<const QListView *>(view))
        return list->isRowHidden(row.row());
    return false;
}

// Where a row is on screen, as a sort key: a tree shows its rows in model order, parents first; a table's
// vertical header may have moved them.
QList<int> position(const QAbstractItemView *view, const QModelIndex &row)
{
    QList<int> path;
    for (QModelIndex index = row; index.isValid(); index = index.parent())
        path.prepend(index.row());
    if (const auto *table = qobject_cast<const QTableView *>(view); table && path.size() == 1)
        path[0] = table->verticalHeader()->visualIndex(path[0]);
    return path;
}

void copyToClipboard(const QString &text)
{
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

} // namespace

QAction *ItemViewActions::mirror(QAbstractButton *button, QAbstractItemView *view)
{
    auto *action = new QAction(view);
    if (!button->objectName().isEmpty())
        action->setObjectName(button->objectName() + u"Action"_s);
    new ButtonMirror(button, action);
    QObject::connect(action, &QAction::triggered, button, &QAbstractButton::click);
    // A button gone takes its action with it: the menu must not offer what nothing can do.
    QObject::connect(button, &QObject::destroyed, action, &QObject::deleteLater);
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

QAction *ItemViewActions::addCopy(QAbstractItemView *view)
{
    Q_ASSERT(view->selectionModel());
    if (!view->actions().isEmpty()) {
        auto *separator = new QAction(view);
        separator->setSeparator(true);
        view->addAction(separator);
    }
    auto *copy = new QAction(tr("Copy"), view);
    copy->setObjectName(u"copyAction"_s);
    copy->setShortcut(QKeySequence::Copy);
    // Ctrl+C copies in whichever widget has focus: a window-wide shortcut would be ambiguous between the
    // tables, and would take it from the text fields beside them.
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] { copyToClipboard(selectedRowsText(view)); });
    setEnabledWhile(view, copy, [view] { return view->selectionModel()->hasSelection(); });

    auto *cell = new QAction(tr("Copy cell"), view);
    cell->setObjectName(u"copyCellAction"_s);
    QObject::connect(cell, &QAction::triggered, view, [view] {
        if (currentIsSelected(view))
            copyToClipboard(cellText(view, view->currentIndex()));
    });
    setEnabledWhile(view, cell, [view] { return currentIsSelected(view); });

    view->addActions({copy, cell});
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return copy;
}

QAction *ItemViewActions::addCopyRole(QAbstractItemView *view, const QString &text, int role)
{
    Q_ASSERT(view->selectionModel());
    auto *action = new QAction(text, view);
    QObject::connect(action, &QAction::triggered, view, [view, role] {
        if (currentIsSelected(view))
            copyToClipboard(view->currentIndex().data(role).toString());
    });
    setEnabledWhile(view, action, [view] { return currentIsSelected(view); });
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

QString ItemViewActions::selectedRowsText(const QAbstractItemView *view)
{
    const QItemSelectionModel *selection = view->selectionModel();
    const QAbstractItemModel *model = view->model();
    if (!selection || !model)
        return {};
    // By range, not selectedIndexes(): Ctrl+A on 100,000 devices is a single range, and would be a million
    // indexes.
    QSet<QModelIndex> seen;
    std::vector<std::pair<QList<int>, QModelIndex>> rows;
    for (const QItemSelectionRange &range : selection->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const QModelIndex index = model->index(row, 0, range.parent());
            if (!index.isValid() || isRowHidden(view, index) || seen.contains(index))
                continue;
            seen.insert(index);
            rows.emplace_back(position(view, index), index);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    const QList<int> columns = visibleColumns(view);
    QStringList lines;
    lines.reserve(qsizetype(rows.size()));
    for (const auto &row : rows) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const int column : columns) {
            QString text = cellText(view, row.second.siblingAtColumn(column));
            // One line per row, one field per cell, as a spreadsheet reads a paste: a payload or a detail may
            // hold tabs and newlines of its own.
            text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
            cells.append(text);
        }
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

QString ItemViewActions::cellText(const QAbstractItemView *view, const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    if (const auto *delegate = qobject_cast<const QStyledItemDelegate *>(view->itemDelegateForIndex(index))) {
        QStyleOptionViewItem option;
        option.widget = view;
        option.locale = view->locale();
        (delegate->*(&DelegateAccess::initStyleOption))(&option, index);
        // QStyledItemDelegate draws a newline as a line separator; whoever pastes wants the newline.
        return option.text.replace(QChar::LineSeparator, u'\n');
    }
    return index.data(Qt::DisplayRole).toString();
}

} // namespace fleet
