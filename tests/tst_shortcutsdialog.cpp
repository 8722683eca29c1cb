// ShortcutsDialog: the shortcuts are gathered from what a window registers (menu actions, actions on
// widgets, QShortcuts in tabs and docks), so a new one is listed without anyone updating a table; and the
// console's own window lists its tab shortcuts, which are also in View > Go to tab.

#include "mainwindow.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ShortcutsDialog;

namespace {

QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}

const ShortcutsDialog::Entry *find(const QList<ShortcutsDialog::Entry> &entries, const QString &action)
{
    for (const ShortcutsDialog::Entry &entry : entries) {
        if (entry.action == action)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestShortcutsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gathersWhatTheWindowRegisters()
    {
        QMainWindow window;
        QMenu *file = window.menuBar()->addMenu(u"&File"_s);
        QMenu *recent = file->addMenu(u"&Recent"_s);
        recent->addAction(u"&Open last"_s)->setShortcut(Qt::CTRL | Qt::Key_L);
        file->addAction(u"No shortcut"_s);
        auto *tabs = new QTabWidget(&window);
        window.setCentralWidget(tabs);
        auto *page = new QWidget;
        tabs->addTab(page, u"&Devices"_s);
        auto *apply = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), page);
        apply->setWhatsThis(u"Apply"_s);
        auto *dock = new QDockWidget(u"Device"_s, &window);
        dock->setWidget(new QWidget);
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        auto *reload = new QAction(u"Re&load && check"_s, dock->widget());
        reload->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
        dock->widget()->addAction(reload);
        // Added to the window without being its child: found all the same, and once.
        QAction orphan(u"Orphan"_s);
        orphan.setShortcut(Qt::CTRL | Qt::Key_O);
        window.addAction(&orphan);
        page->addAction(&orphan);

        const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::collect(&window);
        QCOMPARE(entries.size(), 4);
        const auto *open = find(entries, u"Open last"_s);
        QVERIFY(open);
        QCOMPARE(open->keys, keys(Qt::CTRL | Qt::Key_L));
        QCOMPARE(open->where, u"File \u203a Recent"_s);
        const auto *applyEntry = find(entries, u"Apply"_s);
        QVERIFY(applyEntry);
        QCOMPARE(applyEntry->where, u"Devices"_s);
        const auto *reloadEntry = find(entries, u"Reload & check"_s);
        QVERIFY(reloadEntry);
        QCOMPARE(reloadEntry->keys, keys(Qt::Key_F5) + u", "_s + keys(Qt::CTRL | Qt::Key_R));
        QCOMPARE(reloadEntry->where, u"Device"_s);
        QVERIFY(find(entries, u"Orphan"_s));

        ShortcutsDialog dialog(&window);
        QCOMPARE(dialog.table()->rowCount(), 4);
        QCOMPARE(dialog.table()->columnCount(), 3);
    }

    // The console's window without a session: its menus still define every window shortcut, the tabs'
    // included, each in a menu.
    void consoleWindowListsTabsAndHelp()
    {
        fleet::MainWindow window(nullptr);
        const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::collect(&window);
        QStringList tabKeys;
        for (const ShortcutsDialog::Entry &entry : entries) {
            QVERIFY2(!entry.action.isEmpty(), qPrintable(entry.keys));
            if (entry.where.endsWith(u"Go to tab"_s))
                tabKeys.append(entry.keys);
        }
        QStringList expected;
        for (int tab = 0; tab < fleet::MainWindow::TabCount; ++tab)
            expected.append(keys(Qt::CTRL | Qt::Key(Qt::Key_1 + tab)));
        tabKeys.sort();
        QCOMPARE(tabKeys, expected);
        const auto *connections = find(entries, u"Connections…"_s);
        QVERIFY(connections);
        QCOMPARE(connections->keys, keys(Qt::CTRL | Qt::Key_K));
        QVERIFY(find(entries, u"Keyboard shortcuts"_s));
        QVERIFY(find(entries, u"User guide"_s));
    }
};

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
