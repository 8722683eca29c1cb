#include "fleet/fleetsession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
