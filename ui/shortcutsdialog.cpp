#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QSet>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

QString withoutMnemonics(QString text)
{
    // "&&" is a literal ampersand; a single one marks the mnemonic.
    text.replace(u"&&"_s, u"\u0001"_s);
    text.remove(u'&');
    text.replace(u'\u0001', u'&');
    return text;
}

QString keysText(const QList<QKeySequence> &sequences)
{
    QStringList keys;
    for (const QKeySequence &sequence : sequences) {
        if (!sequence.isEmpty())
            keys.append(sequence.toString(QKeySequence::NativeText));
    }
    return keys.join(u", "_s);
}

// "View > Go to tab" for a menu nested in the menu bar.
QString menuPath(const QMenu *menu)
{
    QStringList titles;
    for (const QWidget *w = menu; const auto *m = qobject_cast<const QMenu *>(w); w = w->parentWidget())
        titles.prepend(withoutMnemonics(m->title()));
    return titles.join(u" \u203a "_s);
}

// Where a shortcut that is in no menu works: the dock or the tab holding widget, else the whole window.
QString placeOf(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        if (const auto *dock = qobject_cast<const QDockWidget *>(w))
            return withoutMnemonics(dock->windowTitle());
        const QWidget *stack = w->parentWidget();
        if (qobject_cast<const QStackedWidget *>(stack)) {
            if (const auto *tabs = qobject_cast<const QTabWidget *>(stack->parentWidget())) {
                if (const int index = tabs->indexOf(const_cast<QWidget *>(w)); index >= 0)
                    return withoutMnemonics(tabs->tabText(index));
            }
        }
    }
    return ShortcutsDialog::tr("Main window");
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget *window)
{
    QList<Entry> entries;
    if (!window)
        return entries;
    // Actions are found both as children (menus' own, docks' toggles) and as actions added to a widget
    // without being its child; each is listed once.
    QSet<const QAction *> seen;
    QList<QAction *> actions = window->findChildren<QAction *>();
    actions += window->actions();
    for (const QWidget *widget : window->findChildren<QWidget *>())
        actions += widget->actions();
    for (const QAction *action : std::as_const(actions)) {
        if (seen.contains(action))
            continue;
        seen.insert(action);
        const QString keys = keysText(action->shortcuts());
        if (keys.isEmpty())
            continue;
        Entry entry;
        entry.keys = keys;
        entry.action = withoutMnemonics(action->text());
        for (const QObject *object : action->associatedObjects()) {
            if (const auto *menu = qobject_cast<const QMenu *>(object)) {
                entry.where = menuPath(menu);
                break;
            }
        }
        if (entry.where.isEmpty())
            entry.where = placeOf(qobject_cast<const QWidget *>(action->parent()), window);
        entries.append(entry);
    }
    // A QShortcut has no text: what it does is in its whatsThis.
    for (const QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        const QString keys = keysText(shortcut->keys());
        if (keys.isEmpty())
            continue;
        const QString what = shortcut->whatsThis().isEmpty() ? shortcut->objectName() : shortcut->whatsThis();
        entries.append({keys, what, placeOf(qobject_cast<const QWidget *>(shortcut->parent()), window)});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.where, a.action, a.keys) < std::tie(b.where, b.action, b.keys);
    });
    // Two tables of one tab (Approvals' waiting and decided lists) each have their own Copy: one line.
    const auto same = [](const Entry &a, const Entry &b) {
        return a.where == b.where && a.action == b.action && a.keys == b.keys;
    };
    entries.erase(std::unique(entries.begin(), entries.end(), same), entries.end());
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 520);
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Shortcut"), tr("Action"), tr("Where")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QList<Entry> entries = collect(window);
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const Entry &entry = entries.at(row);
        int column = 0;
        for (const QString &text : {entry.keys, entry.action, entry.where})
            m_table->setItem(row, column++, new QTableWidgetItem(text));
    }
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
}

} // namespace fleet
