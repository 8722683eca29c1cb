// DeviceText: the one wording of a device's state that the device table, the device detail header and
// `fleetctl devices` share: connectivity (alone and for how long), last seen relative to now and as a date,
// the shadow summary from a ShadowSummary and from DeviceTableModel's raw shadow value, groups and durations.

#include "fleet/devicetext.h"
#include "fleet/fleetregistry.h"
#include "mqtt/mqttmessage.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::DeviceText;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

Device::ShadowSummary shadow(bool known, bool inSync, int differing)
{
    Device::ShadowSummary summary;
    summary.known = known;
    summary.inSync = inSync;
    summary.differingDesiredKeys = differing;
    summary.version = 3;
    return summary;
}

} // namespace

class TestDeviceText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectivity_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("since");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("expectedWithDuration");
        const auto online = int(Device::Connectivity::Online);
        const auto offline = int(Device::Connectivity::Offline);
        const auto unknown = int(Device::Connectivity::Unknown);
        QTest::newRow("online for a minute")
            << online << Now - 90'000 << u"Online"_s << u"Online for 1 min"_s;
        QTest::newRow("offline for two days")
            << offline << Now - 2 * 86'400'000LL << u"Offline"_s << u"Offline for 2 d"_s;
        QTest::newRow("unknown, since unknown") << unknown << qint64(0) << u"Unknown"_s << u"Unknown"_s;
        QTest::newRow("online, since unknown") << online << qint64(0) << u"Online"_s << u"Online"_s;
    }

    void connectivity()
    {
        QFETCH(int, state);
        QFETCH(qint64, since);
        QFETCH(QString, expected);
        QFETCH(QString, expectedWithDuration);
        QCOMPARE(DeviceText::connectivity(Device::Connectivity(state)), expected);
        QCOMPARE(DeviceText::connectivity(Device::Connectivity(state), since, Now), expectedWithDuration);
    }

    void since()
    {
        QCOMPARE(DeviceText::since(Now), u"Since "_s + localTime(Now));
        QCOMPARE(DeviceText::since(0), u"Since unknown"_s);
        QCOMPARE(DeviceText::timestamp(Now), localTime(Now));
    }

    void lastSeen_data()
    {
        QTest::addColumn<qint64>("then");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never") << qint64(0) << u"Never"_s;
        QTest::newRow("just now") << Now - 200 << u"Just now"_s;
        QTest::newRow("seconds") << Now - 12'000 << u"12 s ago"_s;
        QTest::newRow("minutes") << Now - 5 * 60'000 << u"5 min ago"_s;
        QTest::newRow("hours") << Now - 3 * 3'600'000 << u"3 h ago"_s;
        QTest::newRow("days") << Now - 2 * 86'400'000LL << u"2 d ago"_s;
    }

    void lastSeen()
    {
        QFETCH(qint64, then);
        QFETCH(QString, expected);
        QCOMPARE(DeviceText::lastSeen(then, Now), expected);
    }

    // A device whose presence is known has been seen by the broker: "Never" would be false.
    void lastSeenOfADevice_data()
    {
        QTest::addColumn<int>("connectivity");
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("lastSeen");
        QTest::addColumn<QString>("expected");
        const auto unknown = int(Device::Connectivity::Unknown);
        const auto online = int(Device::Connectivity::Online);
        const auto offline = int(Device::Connectivity::Offline);
        QTest::newRow("nothing known") << unknown << qint64(0) << qint64(0) << u"Never"_s;
        QTest::newRow("seen") << offline << Now - 60'000 << Now - 5000 << u"5 s ago"_s;
        QTest::newRow("retained offline")
            << offline << qint64(0) << qint64(0) << u"Unknown (offline when the console started)"_s;
        QTest::newRow("retained online")
            << online << qint64(0) << qint64(0) << u"Unknown (online when the console started)"_s;
        QTest::newRow("went offline, never alive here")
            << offline << Now - 60'000 << qint64(0) << u"Unknown"_s;
    }

    void lastSeenOfADevice()
    {
        QFETCH(int, connectivity);
        QFETCH(qint64, since);
        QFETCH(qint64, lastSeen);
        QFETCH(QString, expected);
        Device device;
        device.id = u"dev-1"_s;
        device.connectivity = Device::Connectivity(connectivity);
        device.connectivitySince = since;
        device.lastSeen = lastSeen;
        QCOMPARE(DeviceText::lastSeen(device, Now), expected);
    }

    // The same from what the registry makes of a retained "offline" (the broker's Last Will, kept).
    void lastSeenAfterRetainedOffline()
    {
        fleet::FleetRegistry registry;
        registry.setClock([] { return Now; });
        QVERIFY(registry.ingest(fleet::MqttMessage(u"presence/dev-7"_s, "offline", 1, true)));
        const Device device = registry.device(u"dev-7"_s);
        QCOMPARE(device.connectivity, Device::Connectivity::Offline);
        QCOMPARE(device.lastSeen, 0);
        QCOMPARE(DeviceText::lastSeen(device, Now), u"Unknown (offline when the console started)"_s);
    }

    void lastSeenAt()
    {
        QCOMPARE(DeviceText::lastSeenAt(Now), localTime(Now));
        QCOMPARE(DeviceText::lastSeenAt(0), u"Never"_s);
    }

    void shadowSummary_data()
    {
        QTest::addColumn<Device::ShadowSummary>("summary");
        QTest::addColumn<int>("value"); // DeviceTableModel::ShadowRole
        QTest::addColumn<QString>("expected");
        QTest::newRow("no shadow") << shadow(false, false, 0) << -1 << u"No shadow"_s;
        QTest::newRow("in sync") << shadow(true, true, 0) << 0 << u"In sync"_s;
        QTest::newRow("no delta") << shadow(true, false, 0) << 0 << u"In sync"_s;
        QTest::newRow("one key") << shadow(true, false, 1) << 1 << u"1 key pending"_s;
        QTest::newRow("three keys") << shadow(true, false, 3) << 3 << u"3 keys pending"_s;
    }

    void shadowSummary()
    {
        QFETCH(Device::ShadowSummary, summary);
        QFETCH(int, value);
        QFETCH(QString, expected);
        QCOMPARE(DeviceText::shadowSummary(summary), expected);
        QCOMPARE(DeviceText::shadowSummary(value), expected);
    }

    void groups()
    {
        QCOMPARE(DeviceText::groups({}), QString());
        QCOMPARE(DeviceText::groups({u"north"_s}), u"north"_s);
        QCOMPARE(DeviceText::groups({u"east"_s, u"north"_s}), u"east, north"_s);
    }

    void duration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5'000) << u"0 s"_s;
        QTest::newRow("under a second") << qint64(999) << u"0 s"_s;
        QTest::newRow("59 s") << qint64(59'999) << u"59 s"_s;
        QTest::newRow("1 min") << qint64(60'000) << u"1 min"_s;
        QTest::newRow("59 min") << qint64(3'599'000) << u"59 min"_s;
        QTest::newRow("1 h") << qint64(3'600'000) << u"1 h"_s;
        QTest::newRow("23 h") << qint64(86'399'000) << u"23 h"_s;
        QTest::newRow("1 d") << qint64(86'400'000) << u"1 d"_s;
    }

    void duration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(DeviceText::duration(ms), expected);
    }

    void preciseDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5'000) << u"0 s"_s;
        QTest::newRow("41 s") << qint64(41'500) << u"41 s"_s;
        QTest::newRow("1 min") << qint64(60'900) << u"1 min"_s;
        QTest::newRow("1 h") << qint64(3'659'000) << u"1 h"_s;
        QTest::newRow("2 d") << qint64(2 * 86'400'000LL + 3'599'000) << u"2 d"_s;
        QTest::newRow("2 min 41 s") << qint64(161'000) << u"2 min 41 s"_s;
        QTest::newRow("1 h 5 min") << qint64(3'900'000) << u"1 h 5 min"_s;
        QTest::newRow("3 d 2 h") << qint64(3 * 86'400'000LL + 7'200'000) << u"3 d 2 h"_s;
    }

    void preciseDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(DeviceText::preciseDuration(ms), expected);
    }

    // One line of the connectivity history: the change, when, and how long the state before it lasted.
    void presenceChange()
    {
        using fleet::PresenceChange;
        using Source = PresenceChange::Source;
        const qint64 noon = QDateTime(QDate(2024, 5, 1), QTime(12, 0)).toMSecsSinceEpoch();
        const PresenceChange retained{Device::Connectivity::Online, noon, Source::Retained};
        const PresenceChange offline{Device::Connectivity::Offline, noon + 161'000, Source::Live};
        const PresenceChange back{Device::Connectivity::Online, noon + 221'000, Source::Activity};
        QCOMPARE(DeviceText::presenceChange(retained, nullptr, noon),
                 u"Already online when the console connected, at 12:00:00"_s);
        QCOMPARE(DeviceText::presenceChange(offline, &retained, noon),
                 u"Offline at 12:02:41 (at least 2 min 41 s online)"_s);
        QCOMPARE(DeviceText::presenceChange(back, &offline, noon),
                 u"Online at 12:03:41 (a message from the device; 1 min offline)"_s);
        const PresenceChange live{Device::Connectivity::Offline, noon + 300'000, Source::Live};
        QCOMPARE(DeviceText::presenceChange(live, &back, noon), u"Offline at 12:05:00 (1 min 19 s online)"_s);
        // Another day than now's: the date too.
        QCOMPARE(DeviceText::presenceChange(live, nullptr, noon + 86'400'000),
                 u"Offline at 2024-05-01 12:05:00"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeviceText)
#include "tst_devicetext.moc"
