#include "commandtimelineview.h"
#include "fleet/fleetsession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void showsTitleMenusAndStatus()
    {
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"Fleet Console"_s);
        QCOMPARE(window.menuBar()->actions().size(), 3); // File, View, Help
        QVERIFY(window.connectionLabel()->isVisible());
        QCOMPARE(window.connectionLabel()->text(), u"Not connected"_s);
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 0);
    }

    void showDeviceOpensItsDetailAndCommands()
    {
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        window.showDevice(u"dev-9"_s);
        QCOMPARE(window.deviceTimelineView()->device(), u"dev-9"_s);
        QVERIFY(window.detailDock()->windowTitle().contains(u"dev-9"_s));
    }

    void layoutIsRemembered()
    {
        QSettings().clear();
        int width = 0;
        QString tableName;
        {
            fleet::FleetSession session;
            fleet::MainWindow window(&session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.tabs()->setCurrentIndex(fleet::MainWindow::CommandsTab);
            const auto tables = window.timelineView()->findChildren<QTableView *>();
            QVERIFY(!tables.isEmpty());
            QTableView *table = tables.first();
            tableName = table->objectName();
            QVERIFY(!tableName.isEmpty());
            table->horizontalHeader()->resizeSection(1, 211);
            width = table->horizontalHeader()->sectionSize(1);
            window.close();
        }
        fleet::FleetSession session;
        fleet::MainWindow window(&session);
        QCOMPARE(window.tabs()->currentIndex(), int(fleet::MainWindow::CommandsTab));
        auto *table = window.findChild<QTableView *>(tableName);
        QVERIFY(table);
        QCOMPARE(table->horizontalHeader()->sectionSize(1), width);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
