// FleetRegistry: what each kind of message does to a device, what it refuses, batched signals, the three
// kinds of groups, file import, the bounds on devices and attribute names against a flood of made-up ids,
// 100,000 devices, and a real mosquitto with in-process fleet-sim devices.

#include "brokerobserver.h"
#include "fleet/fleetregistry.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::FleetRegistry;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;

namespace {

constexpr qint64 Now = 1'700'000'000'000;
constexpr int Timeout = 15000;

MqttMessage message(const QString &topic, const QByteArray &payload, bool retain = false)
{
    return MqttMessage(topic, payload, 0, retain);
}

QByteArray documents(const Json &desired, const Json &reported, qint64 version)
{
    const Json state = {{"desired", desired}, {"reported", reported}};
    const Json body = {
        {"previous", {{"state", state}, {"metadata", Json::object()}, {"version", version - 1}}},
        {"current", {{"state", state}, {"metadata", Json::object()}, {"version", version}}},
        {"timestamp", 1700000000}};
    return QByteArray::fromStdString(body.dump());
}

QString documentsTopic(const QString &id)
{
    return u"$aws/things/"_s + id + u"/shadow/update/documents"_s;
}

void useFixedClock(FleetRegistry &registry)
{
    registry.setClock([] { return Now; });
}

} // namespace

class TestFleetRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void ingest_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("retain");
        QTest::addColumn<QString>("id"); // empty: the message must be refused and create nothing
        QTest::addColumn<int>("connectivity");
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("lastSeen");
        QTest::addColumn<int>("differing"); // -1: shadow unknown

        const int unknown = int(Device::Connectivity::Unknown);
        const int online = int(Device::Connectivity::Online);
        const int offline = int(Device::Connectivity::Offline);
        const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

        row("presence online") << u"presence/dev-1"_s << "online"_ba << false << u"dev-1"_s << online << Now
                               << Now << -1;
        row("presence online, padded")
            << u"presence/dev-1"_s << " online\n"_ba << false << u"dev-1"_s << online << Now << Now << -1;
        row("presence offline (Last Will)")
            << u"presence/dev-1"_s << "offline"_ba << false << u"dev-1"_s << offline << Now << 0LL << -1;
        row("retained presence online")
            << u"presence/dev-1"_s << "online"_ba << true << u"dev-1"_s << online << 0LL << 0LL << -1;
        row("retained presence offline")
            << u"presence/dev-1"_s << "offline"_ba << true << u"dev-1"_s << offline << 0LL << 0LL << -1;
        row("presence garbage") << u"presence/dev-1"_s << "maybe"_ba << false << QString() << 0 << 0LL << 0LL
                                << -1;
        row("presence cleared (empty retained)")
            << u"presence/dev-1"_s << QByteArray() << true << QString() << 0 << 0LL << 0LL << -1;
        row("telemetry") << u"telemetry/dev-2"_s << R"({"ts":1,"temperature":21.5})"_ba << false << u"dev-2"_s
                         << online << Now << Now << -1;
        row("retained telemetry") << u"telemetry/dev-2"_s << "{}"_ba << true << u"dev-2"_s << unknown << 0LL
                                  << 0LL << -1;
        row("JSON command reply") << u"cmd/dev-3/resp"_s
                                  << R"({"tid":"t1","status":"SUCCESS","device":"dev-3"})"_ba << false
                                  << u"dev-3"_s << online << Now << Now << -1;
        row("text command reply") << u"cmd/dev-4/resp"_s << "FAILURE: motor jammed"_ba << false << u"dev-4"_s
                                  << online << Now << Now << -1;
        row("group command reply") << u"cmd/group/g1/resp"_s
                                   << R"({"tid":"t2","status":"RUNNING","device":"dev-5"})"_ba << false
                                   << u"dev-5"_s << online << Now << Now << -1;
        row("garbage command reply") << u"cmd/dev-4/resp"_s << "hello"_ba << false << QString() << 0 << 0LL
                                     << 0LL << -1;
        row("shadow in sync") << documentsTopic(u"dev-6"_s)
                              << documents({{"led", "red"}}, {{"led", "red"}, {"motor", false}}, 3) << false
                              << u"dev-6"_s << unknown << 0LL << 0LL << 0;
        row("shadow with 1 differing key, nested equal")
            << documentsTopic(u"dev-6"_s)
            << documents({{"a", 1}, {"b", 2}, {"c", {{"x", 1}}}},
                         {{"a", 1}, {"b", 0}, {"c", {{"x", 1}}}, {"d", 9}}, 4)
            << false << u"dev-6"_s << unknown << 0LL << 0LL << 1;
        row("shadow with 3 differing keys")
            << documentsTopic(u"dev-6"_s) << documents({{"a", 1}, {"b", 2}, {"c", 3}}, Json::object(), 4)
            << false << u"dev-6"_s << unknown << 0LL << 0LL << 3;
        row("shadow get/accepted") << u"$aws/things/dev-7/shadow/get/accepted"_s
                                   << R"({"state":{"desired":{"led":"blue"},"reported":{"led":"red"},)"
                                      R"("delta":{"led":"blue"}},"metadata":{},"version":9,"timestamp":1})"_ba
                                   << false << u"dev-7"_s << unknown << 0LL << 0LL << 1;
        row("shadow documents, malformed")
            << documentsTopic(u"dev-6"_s) << "{not json"_ba << false << QString() << 0 << 0LL << 0LL << -1;
        row("shadow documents, no version") << documentsTopic(u"dev-6"_s) << R"({"current":{"state":{}}})"_ba
                                            << false << QString() << 0 << 0LL << 0LL << -1;
        row("named shadow") << u"$aws/things/dev-6/shadow/name/config/update/documents"_s
                            << documents({}, {}, 1) << false << QString() << 0 << 0LL << 0LL << -1;
        row("shadow update request") << u"$aws/things/dev-6/shadow/update"_s
                                     << R"({"state":{"reported":{"a":1}}})"_ba << false << QString() << 0
                                     << 0LL << 0LL << -1;
        row("invalid thing name") << u"$aws/things/dev.6/shadow/update/documents"_s << documents({}, {}, 1)
                                  << false << QString() << 0 << 0LL << 0LL << -1;
        row("wildcard id +") << u"presence/+"_s << "online"_ba << false << QString() << 0 << 0LL << 0LL << -1;
        row("wildcard id #") << u"telemetry/#"_s << "{}"_ba << false << QString() << 0 << 0LL << 0LL << -1;
        row("empty id") << u"presence/"_s << "online"_ba << false << QString() << 0 << 0LL << 0LL << -1;
        row("id too long") << u"presence/"_s + QString(300, u'x') << "online"_ba << false << QString() << 0
                           << 0LL << 0LL << -1;
        row("extra level") << u"presence/dev-1/x"_s << "online"_ba << false << QString() << 0 << 0LL << 0LL
                           << -1;
        row("unrelated") << u"weather/today"_s << "online"_ba << false << QString() << 0 << 0LL << 0LL << -1;
        row("$SYS") << u"$SYS/broker/uptime"_s << "12 seconds"_ba << false << QString() << 0 << 0LL << 0LL
                    << -1;
        row("command request") << u"cmd/dev-1/req"_s << R"({"cmd":"reboot","tid":"t","status":"REQUEST"})"_ba
                               << false << QString() << 0 << 0LL << 0LL << -1;
    }

    void ingest()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(bool, retain);
        QFETCH(QString, id);
        QFETCH(int, connectivity);
        QFETCH(qint64, since);
        QFETCH(qint64, lastSeen);
        QFETCH(int, differing);

        FleetRegistry registry;
        useFixedClock(registry);
        QCOMPARE(registry.ingest(message(topic, payload, retain)), !id.isEmpty());
        if (id.isEmpty()) {
            QCOMPARE(registry.count(), 0);
            return;
        }
        QCOMPARE(registry.count(), 1);
        QCOMPARE(registry.indexOf(id), 0);
        const Device device = registry.device(id);
        QCOMPARE(device.id, id);
        QCOMPARE(int(device.connectivity), connectivity);
        QCOMPARE(device.connectivitySince, since);
        QCOMPARE(device.lastSeen, lastSeen);
        QCOMPARE(device.shadow.known, differing >= 0);
        if (differing >= 0) {
            QCOMPARE(device.shadow.differingDesiredKeys, differing);
            QCOMPARE(device.shadow.inSync, differing == 0);
            QVERIFY(device.shadow.version > 0);
        }
    }

    void presenceSequence()
    {
        FleetRegistry registry;
        qint64 now = 1000;
        registry.setClock([&now] { return now; });
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba, true)));
        QCOMPARE(registry.device(u"d"_s).connectivity, Device::Connectivity::Offline);
        now = 2000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "online"_ba)));
        QCOMPARE(registry.device(u"d"_s).connectivitySince, 2000);
        now = 3000;
        QVERIFY(registry.ingest(message(u"telemetry/d"_s, "{}"_ba)));
        QCOMPARE(registry.device(u"d"_s).connectivitySince, 2000); // still online since 2000
        QCOMPARE(registry.device(u"d"_s).lastSeen, 3000);
        now = 4000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba)));
        QCOMPARE(registry.device(u"d"_s).connectivity, Device::Connectivity::Offline);
        QCOMPARE(registry.device(u"d"_s).connectivitySince, 4000);
        QCOMPARE(registry.device(u"d"_s).lastSeen, 3000);
        // Garbage changes nothing.
        QVERIFY(!registry.ingest(message(u"presence/d"_s, "ONLINE!"_ba)));
        QCOMPARE(registry.device(u"d"_s).connectivity, Device::Connectivity::Offline);
    }

    // The connectivity history: changes in order, each when the console saw it; a repeated state is no
    // change; the state the broker kept (retained) is flagged as already so when the console came.
    void presenceHistory()
    {
        using fleet::PresenceChange;
        using Source = PresenceChange::Source;
        FleetRegistry registry;
        qint64 now = 1000;
        registry.setClock([&now] { return now; });
        QVERIFY(registry.presenceHistory(u"d"_s).isEmpty());
        QVERIFY(registry.ingest(message(u"presence/d"_s, "online"_ba, true)));
        QCOMPARE(registry.presenceHistory(u"d"_s),
                 (QList<PresenceChange>{{Device::Connectivity::Online, 1000, Source::Retained}}));
        QVERIFY(registry.presenceHistory(u"d"_s).constFirst().isRetained());
        registry.flush();
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);

        now = 2000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba)));
        now = 2500;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba))); // the same again: no change
        now = 3000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "online"_ba)));
        now = 3500;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "online"_ba)));
        QVERIFY(registry.ingest(message(u"telemetry/d"_s, "{}"_ba))); // online already: no change
        now = 4000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba)));
        now = 5000;
        QVERIFY(registry.ingest(message(u"telemetry/d"_s, "{}"_ba))); // a sign of life while offline
        const QList<PresenceChange> expected = {
            {Device::Connectivity::Online, 1000, Source::Retained},
            {Device::Connectivity::Offline, 2000, Source::Live},
            {Device::Connectivity::Online, 3000, Source::Live},
            {Device::Connectivity::Offline, 4000, Source::Live},
            {Device::Connectivity::Online, 5000, Source::Activity},
        };
        QCOMPARE(registry.presenceHistory(u"d"_s), expected);
        // A change is announced as a change of the row.
        registry.flush();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().value<QList<int>>(), QList<int>{0});

        // After a reconnect the broker's retained state comes again: a change if it differs, flagged.
        now = 6000;
        QVERIFY(registry.ingest(message(u"presence/d"_s, "offline"_ba, true)));
        QCOMPARE(registry.presenceHistory(u"d"_s).size(), 6);
        QCOMPARE(registry.presenceHistory(u"d"_s).constLast(),
                 (PresenceChange{Device::Connectivity::Offline, 6000, Source::Retained}));
        QCOMPARE(registry.device(u"d"_s).connectivitySince, 0);

        // A device that only came online has its state and nothing else; one whose state is not known, none.
        QVERIFY(registry.ingest(message(u"presence/e"_s, "online"_ba)));
        QCOMPARE(registry.presenceHistory(u"e"_s),
                 (QList<PresenceChange>{{Device::Connectivity::Online, 6000, Source::Live}}));
        QVERIFY(registry.importData("f\n"));
        QVERIFY(registry.presenceHistory(u"f"_s).isEmpty());
        // Garbage changes nothing.
        QVERIFY(!registry.ingest(message(u"presence/d"_s, "ONLINE!"_ba)));
        QCOMPARE(registry.presenceHistory(u"d"_s).size(), 6);
    }

    // A device that flaps keeps its last changes; past the bound on devices, the histories changed the
    // longest ago give way and leave their device's current state.
    void presenceHistoryIsBounded()
    {
        using fleet::PresenceHistory;
        FleetRegistry registry;
        qint64 now = 1000;
        registry.setClock([&now] { return now; });
        QCOMPARE(registry.maxPresenceHistories(), PresenceHistory::DefaultMaxDevices);
        const int flaps = 3 * PresenceHistory::MaxChangesPerDevice;
        for (int i = 0; i < flaps; ++i) {
            ++now;
            QVERIFY(registry.ingest(message(u"presence/flapper"_s, i % 2 ? "offline"_ba : "online"_ba)));
        }
        QList<fleet::PresenceChange> history = registry.presenceHistory(u"flapper"_s);
        QCOMPARE(history.size(), PresenceHistory::MaxChangesPerDevice);
        QCOMPARE(history.constLast().observedMs, now);
        QCOMPARE(history.constLast().connectivity, Device::Connectivity::Offline);

        registry.setMaxPresenceHistories(2);
        for (const QString &id : {u"a"_s, u"b"_s, u"c"_s}) {
            ++now;
            QVERIFY(registry.ingest(message(u"presence/"_s + id, "online"_ba)));
            ++now;
            QVERIFY(registry.ingest(message(u"presence/"_s + id, "offline"_ba)));
        }
        QCOMPARE(registry.presenceHistory(u"c"_s).size(), 2);
        QCOMPARE(registry.presenceHistory(u"b"_s).size(), 2);
        // flapper and a gave way: their current state is still told.
        QCOMPARE(registry.presenceHistory(u"a"_s).size(), 1);
        QCOMPARE(registry.presenceHistory(u"a"_s).constFirst().connectivity, Device::Connectivity::Offline);
        QCOMPARE(registry.presenceHistory(u"flapper"_s).size(), 1);
    }

    void shadowAttributesAndVersions()
    {
        FleetRegistry registry;
        const Json reported = {{"led", "red"},         {"temp", 21.5},   {"on", true},     {"n", 3},
                               {"nested", {{"x", 1}}}, {"list", {1, 2}}, {"none", nullptr}};
        QVERIFY(registry.ingest(message(documentsTopic(u"d"_s), documents({{"led", "red"}}, reported, 5))));
        Device device = registry.device(u"d"_s);
        QCOMPARE(device.attributes.size(), 4);
        QCOMPARE(device.attributes.value(u"led"_s), QVariant(u"red"_s));
        QCOMPARE(device.attributes.value(u"temp"_s).toDouble(), 21.5);
        QCOMPARE(device.attributes.value(u"on"_s), QVariant(true));
        QCOMPARE(device.attributes.value(u"n"_s).toLongLong(), 3);
        QVERIFY(device.shadow.inSync);
        QCOMPARE(device.shadow.version, 5);

        // An older document arriving late does not overwrite a newer one.
        QVERIFY(!registry.ingest(message(documentsTopic(u"d"_s), documents({{"led", "blue"}}, reported, 4))));
        QCOMPARE(registry.device(u"d"_s).shadow.version, 5);
        QVERIFY(registry.device(u"d"_s).shadow.inSync);

        QVERIFY(registry.ingest(message(documentsTopic(u"d"_s), documents({{"led", "blue"}}, reported, 6))));
        device = registry.device(u"d"_s);
        QVERIFY(!device.shadow.inSync);
        QCOMPARE(device.shadow.differingDesiredKeys, 1);

        QVERIFY(registry.ingest(
            message(u"$aws/things/d/shadow/delete/accepted"_s, R"({"version":6,"timestamp":1})"_ba)));
        device = registry.device(u"d"_s);
        QVERIFY(!device.shadow.known);
        QVERIFY(device.attributes.isEmpty());
    }

    void batching()
    {
        FleetRegistry registry;
        QSignalSpy added(&registry, &FleetRegistry::devicesAdded);
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);

        // 1,000 messages in one turn: 500 new devices, each seen twice.
        for (int i = 0; i < 500; ++i) {
            QVERIFY(registry.ingest(message(u"presence/dev-%1"_s.arg(i), "online"_ba)));
            QVERIFY(registry.ingest(message(u"telemetry/dev-%1"_s.arg(i), "{}"_ba)));
        }
        QCOMPARE(added.count(), 0); // nothing before the event loop turns
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toInt(), 0);
        QCOMPARE(added.at(0).at(1).toInt(), 499);
        QTest::qWait(20);
        QCOMPARE(added.count(), 1);
        QVERIFY(changed.count() <= 1);
        QCOMPARE(changed.count(), 0); // rows new this turn are not also "changed"

        // 1,000 more: 500 changes to existing devices (some twice) and 500 new devices.
        added.clear();
        for (int i = 0; i < 250; ++i) {
            QVERIFY(registry.ingest(message(u"presence/dev-%1"_s.arg(i * 2), "offline"_ba)));
            QVERIFY(registry.ingest(message(u"presence/dev-%1"_s.arg(i * 2), "online"_ba)));
        }
        for (int i = 500; i < 1000; ++i)
            QVERIFY(registry.ingest(message(u"presence/dev-%1"_s.arg(i), "online"_ba, true)));
        QTRY_COMPARE(added.count(), 1);
        QTest::qWait(20);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toInt(), 500);
        QCOMPARE(added.at(0).at(1).toInt(), 999);
        QCOMPARE(changed.count(), 1);
        const QList<int> rows = changed.at(0).at(0).value<QList<int>>();
        QCOMPARE(rows.size(), 250);
        QCOMPARE(rows.first(), 0);
        QCOMPARE(rows.last(), 498);
        QVERIFY(std::is_sorted(rows.cbegin(), rows.cend()));

        // A message that changes nothing signals nothing.
        changed.clear();
        QVERIFY(registry.ingest(message(u"presence/dev-500"_s, "online"_ba, true)));
        QTest::qWait(20);
        QCOMPARE(changed.count(), 0);

        // flush() delivers at once.
        QVERIFY(registry.ingest(message(u"presence/dev-1"_s, "offline"_ba)));
        registry.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<int>>(), QList<int>{1});
    }

    void manualGroups()
    {
        FleetRegistry registry;
        QString error;
        QVERIFY(registry.addToGroup(u"dev-1"_s, u"lab"_s, &error));
        QCOMPARE(registry.count(), 1); // naming a device in a group registers it
        QVERIFY(registry.addToGroup(u"dev-1"_s, u"lab"_s));
        QVERIFY(registry.addToGroup(u"dev-1"_s, u"east"_s));
        QCOMPARE(registry.device(u"dev-1"_s).groups, (QStringList{u"east"_s, u"lab"_s}));
        QCOMPARE(registry.devicesInGroup(u"lab"_s), QStringList{u"dev-1"_s});
        QVERIFY(!registry.addToGroup(u"dev/1"_s, u"lab"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!registry.addToGroup(u"dev-1"_s, u" "_s, &error));
        QVERIFY(registry.removeFromGroup(u"dev-1"_s, u"lab"_s));
        QVERIFY(!registry.removeFromGroup(u"dev-1"_s, u"lab"_s));
        QCOMPARE(registry.device(u"dev-1"_s).groups, QStringList{u"east"_s});
        QVERIFY(registry.devicesInGroup(u"lab"_s).isEmpty());
        QVERIFY(registry.devicesInGroup(u"nonexistent"_s).isEmpty());
        QCOMPARE(registry.groupNames(), (QStringList{u"east"_s, u"lab"_s}));
    }

    void patternGroups()
    {
        FleetRegistry registry;
        for (const char *id : {"dev-1", "dev-2", "dev-10", "other-1"})
            QVERIFY(registry.ingest(message(u"presence/"_s + QLatin1StringView(id), "online"_ba)));
        registry.flush();
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);
        QString error;
        QVERIFY(registry.addPatternGroup(u"ones"_s, u"dev-1*"_s, &error));
        QCOMPARE(registry.devicesInGroup(u"ones"_s), (QStringList{u"dev-1"_s, u"dev-10"_s}));
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<int>>(), (QList<int>{0, 2}));
        // Devices met later are grouped as they arrive.
        QVERIFY(registry.ingest(message(u"telemetry/dev-11"_s, "{}"_ba)));
        QCOMPARE(registry.device(u"dev-11"_s).groups, QStringList{u"ones"_s});
        QVERIFY(registry.addPatternGroup(u"single"_s, u"dev-?"_s));
        QCOMPARE(registry.devicesInGroup(u"single"_s), (QStringList{u"dev-1"_s, u"dev-2"_s}));
        QVERIFY(!registry.addPatternGroup(u"bad"_s, QString(), &error));
        QVERIFY(!registry.addPatternGroup(QString(), u"dev-*"_s, &error));
    }

    void attributeGroups()
    {
        FleetRegistry registry;
        QVERIFY(registry.ingest(
            message(documentsTopic(u"a"_s), documents({}, {{"led", "red"}, {"on", true}}, 1))));
        QVERIFY(registry.ingest(message(documentsTopic(u"b"_s), documents({}, {{"led", "green"}}, 1))));
        QVERIFY(registry.addAttributeGroup(u"red"_s, u"led"_s, u"red"_s));
        QVERIFY(registry.addAttributeGroup(u"powered"_s, u"on"_s, u"true"_s));
        QCOMPARE(registry.devicesInGroup(u"red"_s), QStringList{u"a"_s});
        QCOMPARE(registry.devicesInGroup(u"powered"_s), QStringList{u"a"_s});
        registry.flush();

        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);
        QVERIFY(registry.ingest(message(documentsTopic(u"a"_s), documents({}, {{"led", "green"}}, 2))));
        QVERIFY(registry.ingest(message(documentsTopic(u"b"_s), documents({}, {{"led", "red"}}, 2))));
        QCOMPARE(registry.devicesInGroup(u"red"_s), QStringList{u"b"_s});
        QVERIFY(registry.devicesInGroup(u"powered"_s).isEmpty());
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QList<int>>(), (QList<int>{0, 1}));
        QVERIFY(!registry.addAttributeGroup(u"x"_s, QString(), u"1"_s));
    }

    // The cheaper reads a table makes for one cell: the device without its groups and attributes, and the
    // groups alone.
    void summaryAndGroupsAt()
    {
        FleetRegistry registry;
        QVERIFY(registry.ingest(
            message(documentsTopic(u"a"_s), documents({{"led", "red"}}, {{"led", "off"}}, 3))));
        QVERIFY(registry.addToGroup(u"a"_s, u"west"_s));
        QVERIFY(registry.addToGroup(u"a"_s, u"east"_s));
        const Device whole = registry.deviceAt(0);
        QVERIFY(!whole.attributes.isEmpty());
        Device summary = registry.summaryAt(0);
        QVERIFY(summary.groups.isEmpty());
        QVERIFY(summary.attributes.isEmpty());
        QCOMPARE(registry.groupsAt(0), (QStringList{u"east"_s, u"west"_s}));
        summary.groups = registry.groupsAt(0);
        summary.attributes = whole.attributes;
        QVERIFY(summary == whole);
        QCOMPARE(registry.summaryAt(1).id, QString());
        QVERIFY(registry.groupsAt(-1).isEmpty());
    }

    void import_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("ids"); // empty: refused
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("json") << R"([{"id":"a","groups":["lab","east"]},{"id":"b"}])"_ba
                              << QStringList{u"a"_s, u"b"_s} << QString();
        QTest::newRow("lines") << "# devices\nx-1\n\n  x-2  \r\nx-3\n"_ba
                               << QStringList{u"x-1"_s, u"x-2"_s, u"x-3"_s} << QString();
        QTest::newRow("json, not an array") << R"({"id":"a"})"_ba << QStringList() << u"JSON array"_s;
        QTest::newRow("json, broken") << R"([{"id":"a"},)"_ba << QStringList() << u"JSON"_s;
        QTest::newRow("json, no id") << R"([{"id":"a"},{"groups":[]}])"_ba << QStringList() << u"Entry 2"_s;
        QTest::newRow("json, wildcard id")
            << R"([{"id":"a"},{"id":"b/+"}])"_ba << QStringList() << u"Entry 2"_s;
        QTest::newRow("json, groups not a list")
            << R"([{"id":"a","groups":"lab"}])"_ba << QStringList() << u"groups"_s;
        QTest::newRow("json, empty group")
            << R"([{"id":"a","groups":[""]}])"_ba << QStringList() << u"group"_s;
        QTest::newRow("lines, bad id") << "ok-1\nok-2\nbad/id\n"_ba << QStringList() << u"Line 3"_s;
        QTest::newRow("empty") << "\n# nothing\n"_ba << QStringList() << u"no devices"_s;
        QTest::newRow("invalid UTF-8") << "dev-\xff\n"_ba << QStringList() << u"UTF-8"_s;
    }

    void import()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, ids);
        QFETCH(QString, errorPart);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"devices"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        FleetRegistry registry;
        QVERIFY(registry.ingest(message(u"presence/existing"_s, "online"_ba)));
        QString error;
        const bool ok = registry.importFile(path, &error);
        QCOMPARE(ok, !ids.isEmpty());
        if (!ok) {
            QVERIFY2(error.contains(errorPart), qPrintable(error));
            QVERIFY2(error.contains(path), qPrintable(error));
            QCOMPARE(registry.count(), 1); // nothing half-imported
            return;
        }
        QVERIFY(error.isEmpty());
        QCOMPARE(registry.count(), ids.size() + 1);
        for (const QString &id : ids)
            QCOMPARE(registry.device(id).connectivity, Device::Connectivity::Unknown);
        if (QLatin1StringView(QTest::currentDataTag()) == "json"_L1)
            QCOMPARE(registry.device(u"a"_s).groups, (QStringList{u"east"_s, u"lab"_s}));
    }

    void importMissingFile()
    {
        FleetRegistry registry;
        QString error;
        QVERIFY(!registry.importFile(u"/nonexistent/devices.json"_s, &error));
        QVERIFY(error.contains(u"/nonexistent/devices.json"_s));
    }

    void pendingCommands()
    {
        FleetRegistry registry;
        QVERIFY(!registry.setPendingCommands(u"ghost"_s, 2));
        QCOMPARE(registry.count(), 0);
        QVERIFY(registry.ingest(message(u"presence/d"_s, "online"_ba)));
        registry.flush();
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);
        QVERIFY(registry.setPendingCommands(u"d"_s, 3));
        QCOMPARE(registry.device(u"d"_s).pendingCommands, 3);
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY(registry.setPendingCommands(u"d"_s, 3));
        QTest::qWait(20);
        QCOMPARE(changed.count(), 1);
    }

    void templatesAndFilters()
    {
        FleetRegistry registry;
        const QStringList filters = registry.subscriptionFilters();
        for (const QString &filter :
             {u"presence/+"_s, u"telemetry/+"_s, u"cmd/+/resp"_s, u"cmd/group/+/resp"_s,
              u"$aws/things/+/shadow/update/documents"_s, u"$aws/things/+/shadow/get/accepted"_s})
            QVERIFY2(filters.contains(filter), qPrintable(filters.join(u", "_s)));

        QString error;
        QVERIFY(registry.setPresenceTemplate(u"site/{id}/status"_s, &error));
        QVERIFY(registry.setTelemetryTemplate(u"{id}/telemetry"_s, &error));
        QVERIFY(registry.subscriptionFilters().contains(u"site/+/status"_s));
        QVERIFY(registry.subscriptionFilters().contains(u"+/telemetry"_s));
        QVERIFY(registry.ingest(message(u"site/s-1/status"_s, "online"_ba)));
        QVERIFY(registry.ingest(message(u"s-2/telemetry"_s, "{}"_ba)));
        QVERIFY(!registry.ingest(message(u"presence/s-3"_s, "online"_ba)));
        QCOMPARE(registry.count(), 2);

        for (const QString &bad :
             {u"presence/+"_s, u"presence"_s, u"a/{id}/{id}"_s, u"a/x{id}"_s, QString()}) {
            QVERIFY2(!registry.setPresenceTemplate(bad, &error), qPrintable(bad));
            QVERIFY(!error.isEmpty());
        }
        QCOMPARE(registry.presenceTemplate(), u"site/{id}/status"_s);

        registry.setPresencePayloads("1"_ba, "0"_ba);
        QVERIFY(registry.ingest(message(u"site/s-1/status"_s, "0"_ba)));
        QCOMPARE(registry.device(u"s-1"_s).connectivity, Device::Connectivity::Offline);
    }

    // A flood of made-up ids: once the list is full, unknown ids add nothing and are counted, announced once
    // per turn; listed devices keep updating, and the operator's own additions still go in.
    void deviceLimit()
    {
        FleetRegistry registry;
        qint64 now = Now;
        registry.setClock([&now] { return now; });
        QCOMPARE(registry.maxDevices(), FleetRegistry::DefaultMaxDevices);
        registry.setMaxDevices(100);
        QSignalSpy added(&registry, &FleetRegistry::devicesAdded);
        QSignalSpy refused(&registry, &FleetRegistry::refusedMessagesChanged);

        QVERIFY(registry.ingest(message(u"presence/known"_s, "online"_ba)));
        constexpr int Flood = 60'000;
        for (int i = 0; i < Flood; ++i)
            registry.ingest(message(u"telemetry/flood-%1"_s.arg(i), "{}"_ba));
        QCOMPARE(registry.count(), 100);
        QVERIFY(registry.isFull());
        QCOMPARE(registry.indexOf(u"flood-98"_s), 99);
        QCOMPARE(registry.indexOf(u"flood-99"_s), -1);
        const qint64 refusedByFlood = Flood - 99;
        QCOMPARE(registry.refusedMessages(), refusedByFlood);
        QCOMPARE(refused.count(), 0); // nothing before the event loop turns
        QTRY_COMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toLongLong(), refusedByFlood);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(1).toInt(), 99);

        // Every kind of message is refused for an unknown id; one the registry would ignore anyway is not
        // counted.
        QVERIFY(!registry.ingest(message(u"presence/other"_s, "online"_ba)));
        QVERIFY(!registry.ingest(
            message(documentsTopic(u"other"_s), documents(Json::object(), {{"fresh-name", 1}}, 1))));
        QVERIFY(!registry.ingest(
            message(u"$aws/things/other/shadow/delete/accepted"_s, R"({"version":2,"timestamp":1})"_ba)));
        QVERIFY(!registry.ingest(
            message(u"cmd/other/resp"_s, R"({"tid":"t1","status":"SUCCESS","device":"other"})"_ba)));
        QVERIFY(!registry.ingest(message(u"presence/other"_s, "maybe"_ba)));
        QCOMPARE(registry.refusedMessages(), refusedByFlood + 4);
        QCOMPARE(registry.indexOf(u"other"_s), -1);
        registry.flush();
        QCOMPARE(refused.count(), 2);
        QCOMPARE(refused.at(1).at(0).toLongLong(), refusedByFlood + 4);

        // Listed devices keep working, with every kind of message.
        now = Now + 1000;
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);
        QVERIFY(registry.ingest(message(u"telemetry/known"_s, "{}"_ba)));
        QVERIFY(registry.ingest(message(u"presence/flood-5"_s, "offline"_ba)));
        QVERIFY(registry.ingest(
            message(documentsTopic(u"flood-6"_s), documents({{"led", "red"}}, {{"led", "off"}}, 3))));
        registry.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(refused.count(), 2); // nothing refused this turn, nothing announced
        QCOMPARE(registry.device(u"known"_s).lastSeen, Now + 1000);
        QCOMPARE(registry.device(u"flood-5"_s).connectivity, Device::Connectivity::Offline);
        QCOMPARE(registry.device(u"flood-6"_s).shadow.differingDesiredKeys, 1);
        QVERIFY(registry.setPendingCommands(u"flood-7"_s, 2));

        // The operator's additions are not traffic: they go in even when the list is full.
        QVERIFY(registry.addToGroup(u"spare"_s, u"lab"_s));
        QVERIFY(registry.importData("imported-1\nimported-2\n"_ba));
        QCOMPARE(registry.count(), 103);
        QVERIFY(registry.ingest(message(u"telemetry/imported-1"_s, "{}"_ba)));
        QCOMPARE(registry.device(u"imported-1"_s).lastSeen, Now + 1000);

        // A higher limit lets traffic add again; a lower one removes nothing.
        registry.setMaxDevices(104);
        QVERIFY(!registry.isFull());
        QVERIFY(registry.ingest(message(u"telemetry/late"_s, "{}"_ba)));
        QVERIFY(!registry.ingest(message(u"telemetry/later"_s, "{}"_ba)));
        QCOMPARE(registry.count(), 104);
        registry.setMaxDevices(0);
        QCOMPARE(registry.maxDevices(), 1);
        QCOMPARE(registry.count(), 104);
        QCOMPARE(registry.refusedMessages(), refusedByFlood + 5);
    }

    // Reported attribute names are interned for the whole fleet, so traffic could grow the table by
    // reporting new names: it holds at most MaxAttributeKeys names of at most MaxAttributeKeyLength
    // characters.
    void attributeNamesAreBounded()
    {
        FleetRegistry registry;
        int version = 1;
        const std::string longName(FleetRegistry::MaxAttributeKeyLength + 1, 'k');
        QVERIFY(registry.ingest(message(documentsTopic(u"d"_s),
                                        documents(Json::object(), {{longName, 1}, {"ok", 2}}, version++))));
        QCOMPARE(registry.device(u"d"_s).attributes.keys(), QStringList{u"ok"_s});

        // Fill the table, 32 new names per document ("ok" is the first).
        for (int name = 1; name < FleetRegistry::MaxAttributeKeys;) {
            Json reported = Json::object();
            for (int i = 0; i < 32 && name < FleetRegistry::MaxAttributeKeys; ++i, ++name)
                reported["a" + std::to_string(name)] = name;
            QVERIFY(registry.ingest(
                message(documentsTopic(u"d"_s), documents(Json::object(), reported, version++))));
        }
        QCOMPARE(registry.device(u"d"_s).attributes.size(), 31);

        // Full: names already known are kept, new ones are not; the shadow summary still follows.
        QVERIFY(registry.ingest(
            message(documentsTopic(u"d"_s), documents({{"ok", 3}}, {{"ok", 3}, {"new", 4}}, version++))));
        Device device = registry.device(u"d"_s);
        QCOMPARE(device.attributes.keys(), QStringList{u"ok"_s});
        QCOMPARE(device.attributes.value(u"ok"_s).toLongLong(), 3);
        QCOMPARE(device.shadow.version, version - 1);
        QVERIFY(device.shadow.inSync);

        // A name the operator groups on is interned by the operator, so traffic reporting it is kept.
        QVERIFY(registry.addAttributeGroup(u"fours"_s, u"new"_s, u"4"_s));
        QVERIFY(registry.ingest(
            message(documentsTopic(u"d"_s), documents(Json::object(), {{"ok", 3}, {"new", 4}}, version++))));
        QCOMPARE(registry.device(u"d"_s).attributes.size(), 2);
        QCOMPARE(registry.devicesInGroup(u"fours"_s), QStringList{u"d"_s});
    }

    // Devices announce their groups in their reported state; the registry joins them to the operator's,
    // follows changes, and bounds what a device can make it keep.
    void reportedGroups()
    {
        FleetRegistry registry;
        QVERIFY(registry.addToGroup(u"d"_s, u"mine"_s));
        QVERIFY(registry.ingest(
            message(documentsTopic(u"d"_s), documents(Json::object(), {{"groups", {"group-3", "lab"}}}, 1))));
        QCOMPARE(registry.device(u"d"_s).groups, (QStringList{u"group-3"_s, u"lab"_s, u"mine"_s}));
        QCOMPARE(registry.devicesInGroup(u"group-3"_s), QStringList{u"d"_s});
        QVERIFY(registry.groupNames().contains(u"lab"_s));
        QVERIFY(!registry.device(u"d"_s).attributes.contains(u"groups"_s)); // a list, not an attribute

        // Moved: the old group no longer holds it; the operator's group stays.
        QVERIFY(registry.ingest(
            message(documentsTopic(u"d"_s), documents(Json::object(), {{"groups", {"group-4"}}}, 2))));
        QCOMPARE(registry.device(u"d"_s).groups, (QStringList{u"group-4"_s, u"mine"_s}));
        QVERIFY(registry.devicesInGroup(u"group-3"_s).isEmpty());

        // Hostile: wrong types, empty and over-long names are skipped; at most MaxReportedGroups are kept.
        Json many = Json::array(
            {1, nullptr, "", std::string(FleetRegistry::MaxGroupNameLength + 1, 'g'), Json::array({"x"})});
        for (int i = 0; i < 1000; ++i)
            many.push_back("g" + std::to_string(i));
        QVERIFY(registry.ingest(
            message(documentsTopic(u"d"_s), documents(Json::object(), {{"groups", many}}, 3))));
        QCOMPARE(registry.device(u"d"_s).groups.size(), FleetRegistry::MaxReportedGroups + 1); // + "mine"

        // The fleet's table of names is bounded: a device naming new groups past it adds none.
        int version = 4;
        for (int i = 0; registry.groupNames().size() < FleetRegistry::MaxGroupNames; ++i) {
            Json names = Json::array();
            for (int j = 0; j < FleetRegistry::MaxReportedGroups; ++j)
                names.push_back("n" + std::to_string(i) + "-" + std::to_string(j));
            QVERIFY(registry.ingest(
                message(documentsTopic(u"e"_s), documents(Json::object(), {{"groups", names}}, version++))));
        }
        QVERIFY(registry.ingest(message(documentsTopic(u"e"_s),
                                        documents(Json::object(), {{"groups", {"brand-new"}}}, version++))));
        QVERIFY(registry.device(u"e"_s).groups.isEmpty());
        QCOMPARE(registry.groupNames().size(), FleetRegistry::MaxGroupNames);
        // The operator's own groups are not limited.
        QVERIFY(registry.addToGroup(u"e"_s, u"operators-own"_s));
        QCOMPARE(registry.device(u"e"_s).groups, QStringList{u"operators-own"_s});
    }

    // Behaviour only: the bench (bench_registry) measures time and memory.
    void hundredThousandDevices()
    {
        constexpr int N = 100'000;
        FleetRegistry registry;
        QVERIFY(registry.addPatternGroup(u"tens"_s, u"dev-*0"_s));
        QSignalSpy added(&registry, &FleetRegistry::devicesAdded);
        QSignalSpy changed(&registry, &FleetRegistry::devicesChanged);
        const QByteArray inSync = documents({{"led", "red"}}, {{"led", "red"}}, 1);
        const QByteArray differs = documents({{"led", "red"}}, {{"led", "off"}}, 1);
        for (int i = 0; i < N; ++i) {
            const QString id = u"dev-%1"_s.arg(i);
            QVERIFY(registry.ingest(message(u"presence/"_s + id, i % 3 ? "online"_ba : "offline"_ba, true)));
            QVERIFY(registry.ingest(message(documentsTopic(id), i % 2 ? differs : inSync)));
        }
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toInt(), 0);
        QCOMPARE(added.at(0).at(1).toInt(), N - 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(registry.count(), N);
        QCOMPARE(registry.indexOf(u"dev-77777"_s), 77777);
        const Device device = registry.deviceAt(77777);
        QCOMPARE(device.id, u"dev-77777"_s);
        QCOMPARE(device.connectivity, Device::Connectivity::Online);
        QCOMPARE(device.shadow.differingDesiredKeys, 1);
        QCOMPARE(registry.devicesInGroup(u"tens"_s).size(), N / 10);
        int offline = 0;
        for (int row = 0; row < registry.count(); ++row)
            offline += registry.connectivityAt(row) == Device::Connectivity::Offline;
        QCOMPARE(offline, (N + 2) / 3);
    }

    // Azure IoT Hub devices: the broker plugin's presence, device-to-cloud messages and fleet-hub's twins.
    void azureDevices()
    {
        FleetRegistry registry;
        registry.setClock([] { return Now; });
        QVERIFY(registry.subscriptionFilters().contains(u"$fleet/iothub-presence/+"_s));
        QVERIFY(registry.subscriptionFilters().contains(u"$fleet/twins/+/documents"_s));
        QVERIFY(registry.ingest(message(u"$fleet/iothub-presence/az-1"_s, R"({"connected":true})", true)));
        QVERIFY(registry.ingest(message(u"$fleet/iothub-presence/az-2"_s, R"({"connected":false})", true)));
        QCOMPARE(registry.device(u"az-1"_s).connectivity, Device::Connectivity::Online);
        QCOMPARE(registry.device(u"az-2"_s).connectivity, Device::Connectivity::Offline);
        // Anything else on the presence topic, and ids that cannot be devices, are ignored.
        QVERIFY(!registry.ingest(message(u"$fleet/iothub-presence/az-3"_s, "online")));
        QVERIFY(!registry.ingest(message(u"$fleet/iothub-presence/a+b"_s, R"({"connected":true})")));
        QCOMPARE(registry.count(), 2);

        QVERIFY(registry.ingest(message(u"devices/az-2/messages/events/%24.ct=application%2Fjson"_s, "{}")));
        QCOMPARE(registry.device(u"az-2"_s).lastSeen, Now);
        QVERIFY(!registry.ingest(message(u"devices/az-2/messages/devicebound/x"_s, "{}")));

        // The twin stands for the shadow: what the device has not taken on yet is the delta.
        QVERIFY(registry.ingest(
            message(u"$fleet/twins/az-1/documents"_s,
                    R"({"desired":{"fan":2,"$version":3},"reported":{"fan":1,"$version":5}})")));
        Device device = registry.device(u"az-1"_s);
        QVERIFY(device.shadow.known);
        QCOMPARE(device.shadow.version, 8);
        QCOMPARE(device.shadow.differingDesiredKeys, 1);
        QVERIFY(registry.ingest(
            message(u"$fleet/twins/az-1/get/accepted"_s,
                    R"({"desired":{"fan":2,"$version":3},"reported":{"fan":2,"$version":6}})")));
        QCOMPARE(registry.device(u"az-1"_s).shadow.differingDesiredKeys, 0);
        // Malformed twins and other replies change nothing.
        QVERIFY(!registry.ingest(message(u"$fleet/twins/az-1/documents"_s, R"({"desired":{"fan":3}})")));
        QVERIFY(!registry.ingest(
            message(u"$fleet/twins/az-1/update/accepted"_s, R"({"desired":{"$version":4}})")));
        QCOMPARE(registry.device(u"az-1"_s).shadow.version, 9);
    }

    // fleet-sim devices on a real mosquitto: their retained presence and telemetry fill the registry, and a
    // clean stop turns a device offline.
    void withSimDevices()
    {
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        SimConfig config;
        config.prefix = u"reg"_s;
        config.devices = 3;
        config.telemetryIntervalMs = 200;
        config.keepAliveSeconds = 30;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        const fleet::BrokerProfile profile = fleet::test::profileFor(broker);

        // The first device starts before the registry subscribes: its presence arrives retained.
        std::vector<std::unique_ptr<SimDevice>> devices;
        for (int n = 1; n <= config.devices; ++n)
            devices.push_back(std::make_unique<SimDevice>(n, config, profile, nullptr));
        devices.front()->start();
        QTRY_VERIFY_WITH_TIMEOUT(devices.front()->isOnline(), Timeout);

        FleetRegistry registry;
        MqttClient client;
        client.setProfile(profile);
        connect(&client, &MqttClient::messageReceived, &registry, &FleetRegistry::ingest);
        QVERIFY(fleet::test::connectAndWait(client));
        for (const QString &filter : registry.subscriptionFilters())
            QVERIFY2(fleet::test::subscribeAndWait(client, filter), qPrintable(filter));
        QTRY_COMPARE_WITH_TIMEOUT(registry.count(), 1, Timeout);
        QCOMPARE(registry.deviceAt(0).id, u"reg-1"_s);

        for (std::size_t i = 1; i < devices.size(); ++i)
            devices[i]->start();
        const auto allOnline = [&] {
            if (registry.count() != config.devices)
                return false;
            for (int row = 0; row < registry.count(); ++row) {
                const Device d = registry.deviceAt(row);
                if (d.connectivity != Device::Connectivity::Online || d.lastSeen == 0)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allOnline(), Timeout);
        for (int n = 1; n <= config.devices; ++n)
            QVERIFY(registry.indexOf(config.deviceId(n)) >= 0);

        QSignalSpy stopped(devices.back().get(), &SimDevice::stopped);
        devices.back()->stop();
        QVERIFY(stopped.wait(Timeout));
        QTRY_COMPARE_WITH_TIMEOUT(registry.device(config.deviceId(config.devices)).connectivity,
                                  Device::Connectivity::Offline, Timeout);
        for (std::size_t i = 0; i + 1 < devices.size(); ++i) {
            QSignalSpy spy(devices[i].get(), &SimDevice::stopped);
            devices[i]->stop();
            QVERIFY(spy.wait(Timeout));
        }
    }
};

QTEST_GUILESS_MAIN(TestFleetRegistry)
#include "tst_fleetregistry.moc"
