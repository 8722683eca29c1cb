// ItemViewActions offscreen: a mirrored action follows its button (text, tooltip, enabled, hidden) and clicks
// it; Copy puts the selected rows on the clipboard as the view shows them (visual column order, hidden
// columns and rows left out, a delegate's wording, tabs between cells, a newline between rows), in tables,
// trees and lists; Copy cell and Copy path take the current cell; all of them are disabled with nothing
// selected; Ctrl+C in the view is Copy, not the view's own copy of the current cell.

#include "itemviewactions.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ItemViewActions;

namespace {

constexpr int PathRole = Qt::UserRole + 7;

// rows x columns cells named "r<row>c<column>".
std::unique_ptr<QStandardItemModel> grid(int rows, int columns)
{
    auto model = std::make_unique<QStandardItemModel>(rows, columns);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            auto *item = new QStandardItem(u"r%1c%2"_s.arg(row).arg(column));
            item->setData(u"/row/%1/%2"_s.arg(row).arg(column), PathRole);
            model->setItem(row, column, item);
        }
    }
    return model;
}

QAction *named(const QWidget *view, const QString &name)
{
    for (QAction *action : view->actions()) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

void selectRows(QAbstractItemView *view, const QList<int> &rows)
{
    view->selectionModel()->clear();
    for (const int row : rows)
        view->selectionModel()->select(view->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QString clipboard()
{
    return QGuiApplication::clipboard()->text();
}

// Words a cell in initStyleOption(), as DeviceItemDelegate does, where only the view can see it.
class WordingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text = u"worded "_s + option->text;
    }
};

} // namespace

class TestItemViewActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void mirrorFollowsItsButton()
    {
        QWidget host;
        auto *button = new QPushButton(u"&Approve"_s, &host);
        button->setObjectName(u"approveButton"_s);
        button->setToolTip(u"Approve the request"_s);
        auto *view = new QTableView(&host);
        auto model = grid(2, 2);
        view->setModel(model.get());
        auto *layout = new QVBoxLayout(&host);
        layout->addWidget(view);
        layout->addWidget(button);

        QAction *action = ItemViewActions::mirror(button, view);
        QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(view->actions().contains(action));
        QCOMPARE(action->objectName(), u"approveButtonAction"_s);
        QCOMPARE(action->text(), u"&Approve"_s); // the mnemonic works in the menu too
        QCOMPARE(action->toolTip(), u"Approve the request"_s);
        QVERIFY(action->isEnabled());
        // Not yet shown is not hidden.
        QVERIFY(action->isVisible());

        QSignalSpy clicked(button, &QPushButton::clicked);
        action->trigger();
        QCOMPARE(clicked.count(), 1);

        button->setEnabled(false);
        QVERIFY(!action->isEnabled());
        action->trigger();
        QCOMPARE(clicked.count(), 1);
        button->setEnabled(true);
        QVERIFY(action->isEnabled());
        // Disabled with a parent: the button's isEnabled() changes, and the action with it.
        host.setEnabled(false);
        QVERIFY(!action->isEnabled());
        host.setEnabled(true);
        QVERIFY(action->isEnabled());

        button->setToolTip(u"Approve it now"_s);
        QCOMPARE(action->toolTip(), u"Approve it now"_s);
        button->hide();
        QVERIFY(!action->isVisible());
        button->show();
        QVERIFY(action->isVisible());

        // setText() has no signal: the action follows once the button is repainted, or shown.
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        button->setText(u"Approve &all"_s);
        QTRY_COMPARE(action->text(), u"Approve &all"_s);
        button->hide();
        button->setText(u"Approve &once"_s);
        button->show();
        QCOMPARE(action->text(), u"Approve &once"_s);

        // The button gone, its action goes.
        QPointer<QAction> guard(action);
        delete button;
        QTRY_VERIFY(guard.isNull());
        QVERIFY(view->actions().isEmpty());
    }

    void copyTakesTheSelectedRowsAsShown()
    {
        auto model = grid(4, 4);
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        QAction *copy = ItemViewActions::addCopy(&view);
        QCOMPARE(copy->objectName(), u"copyAction"_s);
        QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(copy->shortcutContext(), Qt::WidgetShortcut);
        QCOMPARE(view.contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(named(&view, u"copyCellAction"_s));

        // Columns in the header's order, the hidden one left out; rows in the order shown, not selected.
        view.horizontalHeader()->moveSection(3, 0);
        view.hideColumn(1);
        selectRows(&view, {2, 0});
        copy->trigger();
        QCOMPARE(clipboard(), u"r0c3\tr0c0\tr0c2\nr2c3\tr2c0\tr2c2"_s);
        QCOMPARE(ItemViewActions::selectedRowsText(&view), clipboard());

        // A hidden row is not copied, even selected.
        selectRows(&view, {1, 3});
        view.hideRow(3);
        copy->trigger();
        QCOMPARE(clipboard(), u"r1c3\tr1c0\tr1c2"_s);
        view.showRow(3);

        // A cell's own tabs and newlines would split it into cells and rows of its own.
        model->item(1, 0)->setText(u"a\tb\nc"_s);
        copy->trigger();
        QCOMPARE(clipboard(), u"r1c3\ta b c\tr1c2\nr3c3\tr3c0\tr3c2"_s);
        // Copy cell keeps them.
        view.selectionModel()->setCurrentIndex(model->index(1, 0), QItemSelectionModel::ClearAndSelect |
                                                                       QItemSelectionModel::Rows);
        named(&view, u"copyCellAction"_s)->trigger();
        QCOMPARE(clipboard(), u"a\tb\nc"_s);
    }

    void copyCellAndRoleTakeTheCurrentCell()
    {
        auto model = grid(3, 3);
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        ItemViewActions::addCopy(&view);
        QAction *cell = named(&view, u"copyCellAction"_s);
        QAction *path = ItemViewActions::addCopyRole(&view, u"Copy path"_s, PathRole);
        QVERIFY(cell);

        view.selectionModel()->setCurrentIndex(model->index(1, 2), QItemSelectionModel::ClearAndSelect |
                                                                       QItemSelectionModel::Rows);
        cell->trigger();
        QCOMPARE(clipboard(), u"r1c2"_s);
        path->trigger();
        QCOMPARE(clipboard(), u"/row/1/2"_s);
    }

    void disabledWithNothingSelected()
    {
        auto model = grid(3, 2);
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        QAction *copy = ItemViewActions::addCopy(&view);
        QAction *cell = named(&view, u"copyCellAction"_s);
        QAction *path = ItemViewActions::addCopyRole(&view, u"Copy path"_s, PathRole);
        QVERIFY(!copy->isEnabled());
        QVERIFY(!cell->isEnabled());
        QVERIFY(!path->isEnabled());

        // A current cell without a selection (as focus gives one) is not something to copy.
        view.selectionModel()->setCurrentIndex(model->index(0, 0), QItemSelectionModel::NoUpdate);
        QVERIFY(!cell->isEnabled());
        QGuiApplication::clipboard()->setText(u"untouched"_s);
        cell->trigger();
        copy->trigger();
        QCOMPARE(clipboard(), u"untouched"_s);

        view.selectRow(1);
        QVERIFY(copy->isEnabled());
        QVERIFY(cell->isEnabled());
        QVERIFY(path->isEnabled());
        view.clearSelection();
        QVERIFY(!copy->isEnabled());

        // A reset empties the selection without a signal from the selection model.
        view.selectRow(2);
        QVERIFY(copy->isEnabled());
        model->clear();
        QVERIFY(!copy->isEnabled());
        QVERIFY(!cell->isEnabled());
    }

    void copyUsesTheDelegatesWords()
    {
        auto model = grid(2, 2);
        QTableView view;
        view.setModel(model.get());
        view.setItemDelegateForColumn(1, new WordingDelegate(&view));
        ItemViewActions::addCopy(&view);
        view.selectRow(0);
        QCOMPARE(ItemViewActions::selectedRowsText(&view), u"r0c0\tworded r0c1"_s);
        QCOMPARE(ItemViewActions::cellText(&view, model->index(1, 1)), u"worded r1c1"_s);
    }

    void copyInATreeAndAList()
    {
        QStandardItemModel model;
        auto *parent = new QStandardItem(u"desired"_s);
        parent->appendRow({new QStandardItem(u"led"_s), new QStandardItem(u"\"red\""_s)});
        parent->appendRow({new QStandardItem(u"fan"_s), new QStandardItem(u"3"_s)});
        model.appendRow({parent, new QStandardItem(QString())});
        model.appendRow({new QStandardItem(u"reported"_s), new QStandardItem(QString())});
        QTreeView tree;
        tree.setModel(&model);
        tree.setSelectionMode(QAbstractItemView::ExtendedSelection);
        tree.expandAll();
        ItemViewActions::addCopy(&tree);
        // Selected bottom up; copied as the tree shows them, a parent before its children.
        const auto select = [&tree](const QModelIndex &index) {
            tree.selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        };
        select(model.index(1, 0));
        select(model.index(1, 0, model.index(0, 0)));
        select(model.index(0, 0));
        QCOMPARE(ItemViewActions::selectedRowsText(&tree), u"desired\t\nfan\t3\nreported\t"_s);

        QListWidget list;
        list.addItems({u"Version 1"_s, u"Version 2"_s, u"Version 3"_s});
        list.setSelectionMode(QAbstractItemView::ExtendedSelection);
        QAction *copy = ItemViewActions::addCopy(&list);
        list.item(2)->setSelected(true);
        list.item(0)->setSelected(true);
        copy->trigger();
        QCOMPARE(clipboard(), u"Version 1\nVersion 3"_s);
    }

    // After the view's own actions, Copy comes after a separator.
    void separatedFromTheButtons()
    {
        QWidget host;
        auto *button = new QPushButton(u"Retry"_s, &host);
        auto *view = new QTableView(&host);
        auto model = grid(1, 1);
        view->setModel(model.get());
        ItemViewActions::mirror(button, view);
        ItemViewActions::addCopy(view);
        const QList<QAction *> actions = view->actions();
        QCOMPARE(actions.size(), 4);
        QCOMPARE(actions.at(0)->text(), u"Retry"_s);
        QVERIFY(actions.at(1)->isSeparator());
        QCOMPARE(actions.at(2)->objectName(), u"copyAction"_s);
        QCOMPARE(actions.at(3)->objectName(), u"copyCellAction"_s);
    }

    void ctrlCInTheViewCopiesTheRows()
    {
        auto model = grid(3, 2);
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        ItemViewActions::addCopy(&view);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setFocus();
        selectRows(&view, {0, 1});
        view.selectionModel()->setCurrentIndex(model->index(1, 1), QItemSelectionModel::NoUpdate);
        QTest::keySequence(&view, QKeySequence::Copy);
        // The view's own Ctrl+C would have copied the current cell alone.
        QCOMPARE(clipboard(), u"r0c0\tr0c1\nr1c0\tr1c1"_s);
    }
};

QTEST_MAIN(TestItemViewActions)
#include "tst_itemviewactions.moc"
