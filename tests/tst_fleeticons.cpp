#include "fleeticons.h"

#include <QApplication>
#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandExecution;
using fleet::Device;
using fleet::FleetIcons;

class TestFleetIcons final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The window icon in the sizes a task bar and a window manager ask for, drawn, not scaled from one size.
    void applicationIconHasTheDesktopSizes()
    {
        const QIcon icon = FleetIcons::application();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (int size : {16, 32, 48, 64, 256})
            QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
        const QImage small = icon.pixmap(16, 16).toImage();
        QCOMPARE(small.size(), QSize(16, 16));
        QVERIFY(qAlpha(small.pixel(8, 8)) == 255);
    }

    void applicationIdNamesTheDesktopEntry()
    {
        // resources/ installs the desktop entry, the metadata and the icons under this name.
        QCOMPARE(FleetIcons::applicationId(), u"org.fleetconsole.FleetConsole"_s);
    }

    // Every name the console asks for is drawn (a typo would give an empty button).
    void everyGlyphTheConsoleUsesExists()
    {
        for (const QString &name :
             {u"connections"_s, u"new-window"_s, u"send-command"_s, u"approvals"_s, u"pause"_s, u"resume"_s,
              u"filter"_s, u"overview"_s, u"devices"_s, u"timeline"_s, u"rollback"_s, u"traffic"_s,
              u"topics"_s, u"publish"_s, u"audit"_s})
            QVERIFY2(!FleetIcons::glyph(name).isNull(), qPrintable(name));
        QVERIFY(FleetIcons::glyph(u"no-such-glyph"_s).isNull());
        QVERIFY(FleetIcons::status(u"no-such-state"_s).isNull());
    }

    void everyStateThatMattersHasAnIcon()
    {
        QVERIFY(!FleetIcons::forConnectivity(Device::Connectivity::Online).isNull());
        QVERIFY(!FleetIcons::forConnectivity(Device::Connectivity::Offline).isNull());
        QVERIFY(
            FleetIcons::forConnectivity(Device::Connectivity::Unknown).isNull()); // nothing known, no icon
        for (int state = 0; state < CommandExecution::StateCount; ++state) {
            const auto value = CommandExecution::State(state);
            QCOMPARE(FleetIcons::forCommandState(value).isNull(),
                     value == CommandExecution::State::Cancelled);
        }
        // Failed and succeeded differ by more than their colour.
        const QImage failed =
            FleetIcons::forCommandState(CommandExecution::State::Failed).pixmap(16, 16).toImage();
        const QImage succeeded =
            FleetIcons::forCommandState(CommandExecution::State::Succeeded).pixmap(16, 16).toImage();
        QVERIFY(failed != succeeded);
    }
};

QTEST_MAIN(TestFleetIcons)
#include "tst_fleeticons.moc"
