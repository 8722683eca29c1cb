// TelemetryPlot against a real mosquitto, fleet-hub and in-process fleet-sim devices: a series per numeric
// telemetry member and per numeric reported field, added as keys appear, bounded in points and in series;
// malformed telemetry and other devices' messages are ignored.

#include "brokerobserver.h"

#include "common/json.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"
#include "telemetryplot.h"

#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::FleetSession;
using fleet::Json;
using fleet::TelemetryPlot;
using fleet::test::DefaultTimeoutMs;
using fleet::test::SimDevices;

namespace {

fleet::sim::SimConfig configFor(const QString &prefix, int devices, int telemetryMs)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = telemetryMs;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    return config;
}

} // namespace

class TestTelemetryPlot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString())); }

    void seriesAppearFromTelemetry()
    {
        SimDevices devices(configFor(u"tp"_s, 2, 100), m_fleet.profile());
        QVERIFY(devices.start());
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));

        TelemetryPlot plot(&session);
        plot.resize(640, 400);
        plot.show();
        plot.setDevice(devices.id(0));
        QCOMPARE(plot.device(), devices.id(0));
        QTRY_VERIFY_WITH_TIMEOUT(plot.seriesNames().contains(u"temperature"_s) &&
                                     plot.seriesNames().contains(u"humidity"_s) &&
                                     plot.seriesNames().contains(u"battery"_s),
                                 DefaultTimeoutMs);
        // The time stamp is the x axis, not a series.
        QVERIFY(!plot.seriesNames().contains(u"ts"_s));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) >= 5, DefaultTimeoutMs);
        const QLineSeries *temperature = plot.series(u"temperature"_s);
        QVERIFY(temperature);
        for (const QPointF &p : temperature->points())
            QVERIFY(p.y() >= 18 && p.y() <= 26);
        QVERIFY(plot.chart()->series().contains(const_cast<QLineSeries *>(temperature)));

        // Bounded: never more than maxPoints() per series, however long it runs.
        plot.setMaxPoints(4);
        QVERIFY(plot.pointCount(u"temperature"_s) <= 4);
        const int before = plot.pointCount(u"battery"_s);
        QTest::qWait(700); // several more samples arrive
        QVERIFY(plot.pointCount(u"temperature"_s) <= 4);
        QVERIFY(plot.pointCount(u"battery"_s) <= 4);
        QCOMPARE(plot.pointCount(u"battery"_s), std::max(before, 4));

        // Another device clears the chart and starts again.
        plot.setDevice(devices.id(1));
        QVERIFY(plot.seriesNames().isEmpty() || plot.seriesNames().contains(u"reported.position"_s));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) >= 1, DefaultTimeoutMs);
        session.disconnectFromBroker();
    }

    void reportedFieldsFromTheShadow()
    {
        SimDevices devices(configFor(u"tr"_s, 1, 0), m_fleet.profile());
        QVERIFY(devices.start());
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));
        QTRY_VERIFY_WITH_TIMEOUT(session.client()->state() == fleet::MqttClient::State::Connected,
                                 DefaultTimeoutMs);

        TelemetryPlot plot(&session);
        plot.setDevice(devices.id(0));
        // Reported values come from the watched shadow's cache.
        QVERIFY(session.shadows()->watch(devices.id(0)));
        QTRY_VERIFY_WITH_TIMEOUT(plot.seriesNames().contains(u"reported.position"_s), DefaultTimeoutMs);
        QVERIFY(plot.seriesNames().contains(u"reported.telemetryIntervalMs"_s));
        // Strings (led, motor, firmware) are not plotted.
        QVERIFY(!plot.seriesNames().contains(u"reported.led"_s));
        QCOMPARE(plot.pointCount(u"reported.position"_s), 1);

        // A desired update that the device reports back adds a point.
        session.shadows()->updateDesired(devices.id(0), {}, Json{{"position", 42}});
        // (the desired update is a version of its own, with the old reported value: a point too).
        QTRY_VERIFY_WITH_TIMEOUT(plot.series(u"reported.position"_s)->points().constLast().y() == 42.0,
                                 DefaultTimeoutMs);
        QVERIFY(plot.pointCount(u"reported.position"_s) >= 2);
        session.shadows()->unwatch(devices.id(0));
        session.disconnectFromBroker();
    }

    void badInputIsIgnored()
    {
        FleetSession session;
        QVERIFY(session.connectToBroker(m_fleet.profile()));
        QTRY_VERIFY_WITH_TIMEOUT(session.client()->state() == fleet::MqttClient::State::Connected,
                                 DefaultTimeoutMs);
        fleet::test::BrokerObserver observer(m_fleet.broker());
        QVERIFY(observer.connect());

        TelemetryPlot plot(&session);
        plot.setDevice(u"bad-1"_s);
        const QString topic = u"telemetry/bad-1"_s;
        const QList<QByteArray> junk = {
            "not json",
            "[1, 2, 3]",
            "42",
            "",
            "{\"temperature\": ",
            "\xff\xfe{}",
            "{\"on\": true, \"name\": \"x\", \"list\": [1, 2], \"nothing\": null}"};
        for (const QByteArray &payload : junk)
            QVERIFY(observer.publish(topic, payload));
        // Then one good message, and one for another device.
        QVERIFY(observer.publish(u"telemetry/other-1"_s, "{\"temperature\": 99}"));
        QVERIFY(observer.publish(topic, "{\"temperature\": 20.5, \"env\": {\"pressure\": 1013}}"));
        QTRY_VERIFY_WITH_TIMEOUT(plot.pointCount(u"temperature"_s) == 1, DefaultTimeoutMs);
        QCOMPARE(plot.seriesNames(), QStringList({u"temperature"_s, u"env.pressure"_s}));
        QCOMPARE(plot.series(u"temperature"_s)->points().constFirst().y(), 20.5);
        QCOMPARE(plot.malformedCount(), 6);
        session.disconnectFromBroker();
    }

    void seriesAreBounded()
    {
        TelemetryPlot plot(nullptr);
        plot.setDevice(u"local-1"_s);
        plot.setMaxPoints(10);
        Json sample = Json::object();
        for (int k = 0; k < 100; ++k)
            sample["k" + std::to_string(k)] = k;
        for (int i = 0; i < 50; ++i)
            plot.addSample({}, sample, 1000 * i);
        plot.flush();
        QCOMPARE(plot.seriesNames().size(), TelemetryPlot::MaxSeries);
        QCOMPARE(plot.seriesNames().constFirst(), u"k0"_s); // the first keys win
        for (const QString &name : plot.seriesNames())
            QCOMPARE(plot.pointCount(name), 10);
        // The newest points are kept.
        QCOMPARE(plot.series(u"k0"_s)->points().constLast().x(), 49000.0);
        QCOMPARE(plot.series(u"k0"_s)->points().constFirst().x(), 40000.0);
        // No device: nothing is collected.
        plot.setDevice({});
        plot.addSample({}, sample, 0);
        plot.flush();
        QVERIFY(plot.seriesNames().isEmpty());
    }

private:
    fleet::test::FleetFixture m_fleet;
};

QTEST_MAIN(TestTelemetryPlot)
#include "tst_telemetryplot.moc"
