// CommandTracker against a real mosquitto and fleet-sim devices in process, each test with devices of its
// own (and faults from their SimConfig): verdicts, heartbeats, retries with the same tid, duplicate, late and
// out-of-order replies, text replies, MQTT 5 correlation data, broadcasts, the offline policy, cancel,
// approval, and a ledger that refuses writes (nothing sent). A test catalog keeps every timeout and retry
// delay short.

#include "brokerobserver.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simdevices.h"
#include "store/commandledger.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::AtlasDialect;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandLedger;
using fleet::CommandTracker;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;
using State = CommandExecution::State;

namespace {

constexpr int Timeout = 15000;
constexpr int QuietMs = 200;

// Short timeouts: an unanswered ping is Unreachable after 3 x 300 ms plus two short delays.
constexpr auto TestCatalog = R"({"version": 1, "commands": [
  {"name": "set_led", "payload": {"color": "${color}"},
   "parameters": [{"name": "color", "type": "string", "minLength": 1, "required": true}],
   "groupRequestTopic": "cmd/group/{group}/req", "timeoutMs": 2000,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "motor_on", "groupRequestTopic": "cmd/group/{group}/req", "timeoutMs": 2000,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "motor_off", "sensitive": true, "timeoutMs": 2000,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "set_position", "payload": {"position": "${position}"},
   "parameters": [{"name": "position", "type": "integer", "minimum": 0, "maximum": 100, "required": true}],
   "timeoutMs": 2000, "heartbeatIntervalMs": 100,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "ping", "timeoutMs": 300,
   "retry": {"attempts": 3, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.5}},
  {"name": "MOTOR_1_ON", "requestTopic": "commands/{device}", "responseTopic": "commands/{device}/ack",
   "timeoutMs": 2000, "retry": {"attempts": 1}}
]})";

CommandCatalog testCatalog()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(TestCatalog, &error);
    if (!catalog)
        qFatal("test catalog: %s", qPrintable(error));
    return *catalog;
}

SimConfig configFor(const QString &prefix, int devices = 1)
{
    SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 0;
    config.runningIntervalMs = 50;
    config.setPositionMs = 400;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    config.keepAliveSeconds = 30;
    return config;
}

// From now on every write through the ledger's own connection fails, as on a full disk: the tests run as
// root, for whom file permissions would not stop a write.
bool refuseWrites(const CommandLedger &ledger)
{
    QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
    return query.exec(u"PRAGMA query_only=1"_s);
}

} // namespace

class TestCommandTracker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_client = std::make_unique<MqttClient>();
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        m_client->setProfile(profile);
        QVERIFY(fleet::test::connectAndWait(*m_client));
        m_tracker = std::make_unique<CommandTracker>(m_client.get(), testCatalog());
        QVERIFY(QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(*m_client); }, Timeout));
    }

    void cleanup()
    {
        m_tracker.reset();
        if (m_client)
            m_client->disconnectFromBroker();
        m_client.reset();
    }

    void cleanupTestCase() { m_broker.reset(); }

    // The catalog's profiles choose each device's dialect and topics: one fleet mixes the seed's sample
    // device (plain text, no tid), the IoT Atlas design page's layout and AWS IoT things, each command
    // tracked to its verdict; a command a device's dialect cannot carry is refused before anything is sent.
    void profilesChooseEachDevicesDialect()
    {
        QString error;
        QByteArray json = TestCatalog;
        json.chop(2); // "]}"
        json += R"(], "devices": [
            {"pattern": "txt-*", "dialect": "atlas-text"},
            {"pattern": "dsg-*", "dialect": "atlas", "requestTopic": "commands/{device}",
             "responseTopic": "commands/{device}/ack", "groupRequestTopic": ""},
            {"pattern": "thing-*", "dialect": "aws-commands"}]})";
        const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(json, &error);
        QVERIFY2(catalog, qPrintable(error));
        m_tracker->setCatalog(*catalog);
        QVERIFY(QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(*m_client); }, Timeout));
        QVERIFY(m_tracker->responseFilters().contains(u"commands/+/ack"_s));

        // The seed's device: it gets text, answers a line without a tid, and MQTT 3.1.1 carries no
        // correlation data either.
        MqttClient text;
        BrokerProfile old = profile();
        old.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        text.setProfile(old);
        QVERIFY(fleet::test::connectAndWait(text));
        QByteArrayList received;
        connect(&text, &MqttClient::messageReceived, &text, [&](const MqttMessage &m) {
            received.append(m.payload());
            const QByteArray line = m.payload().startsWith("motor_on") ? "FAILURE: the motor is jammed"_ba
                                                                       : "SUCCESS: ran " + m.payload();
            text.publish(MqttMessage(u"cmd/txt-1/resp"_s, line, 1));
        });
        text.subscribe(u"cmd/txt-1/req"_s, 1);
        // The design page's device: Atlas JSON on commands/{device}, acknowledged on commands/{device}/ack.
        MqttClient design;
        design.setProfile(profile());
        QVERIFY(fleet::test::connectAndWait(design));
        connect(&design, &MqttClient::messageReceived, &design, [&](const MqttMessage &m) {
            const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
            design.publish(MqttMessage(
                u"commands/dsg-1/ack"_s,
                fleet::compactJsonBytes(Json{{"tid", request.value("tid", "")}, {"status", "SUCCESS"}}), 1));
        });
        design.subscribe(u"commands/dsg-1"_s, 1);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return fleet::test::subscriptionsGranted(text) && fleet::test::subscriptionsGranted(design);
            },
            Timeout));

        const CommandExecution led =
            waitFinal(m_tracker->send(u"txt-1"_s, u"set_led"_s, Json{{"color", "red"}}));
        QCOMPARE(led.state, State::Succeeded);
        QCOMPARE(received.value(0), R"(set_led {"color":"red"})"_ba);
        const CommandExecution motor = waitFinal(m_tracker->send(u"txt-1"_s, u"motor_on"_s));
        QCOMPARE(motor.state, State::Failed);
        QVERIFY2(motor.reason.contains(u"the motor is jammed"_s), qPrintable(motor.reason));
        QCOMPARE(received.value(1), "motor_on"_ba);

        const CommandExecution acked = waitFinal(m_tracker->send(u"dsg-1"_s, u"motor_on"_s));
        QCOMPARE(acked.state, State::Succeeded);

        // Refused with the reason, nothing recorded: an Atlas command for a thing, a group send where the
        // profile has no group topic.
        const qsizetype before = m_tracker->executions().size();
        QVERIFY(m_tracker->send(u"thing-1"_s, u"set_led"_s, Json{{"color", "red"}}, &error).isEmpty());
        QVERIFY2(error.contains(u"thing-1"_s) && error.contains(u"not an AWS IoT command"_s),
                 qPrintable(error));
        QVERIFY(m_tracker->sendToDevices({u"dev-1"_s, u"thing-1"_s}, u"motor_on"_s, Json::object(), &error)
                    .isEmpty());
        QCOMPARE(m_tracker->executions().size(), before);
        QCOMPARE(m_tracker->profileFor(u"txt-9"_s)->dialect, u"atlas-text"_s);
        QVERIFY(!m_tracker->profileFor(u"dev-9"_s));
        // A profile by group shapes that group's requests, never its members' own.
    }

    // The seed's device and the design page's, silent: each attempt goes out in the device's own form and
    // on its own topic, with the same tid, until the device is declared unreachable. A reply after that is
    // recorded as late, by its tid (the design page's JSON) or, without one (the seed's text), on the latest
    // request to the device; a reply twice is recorded once.
    void otherDialectsTimeOutAndFlagLateAndDuplicateReplies()
    {
        QString error;
        QByteArray json = TestCatalog;
        json.chop(2);
        json += R"(], "devices": [{"pattern": "txt-*", "dialect": "atlas-text"},
            {"pattern": "dsg-*", "dialect": "atlas", "requestTopic": "commands/{device}",
             "responseTopic": "commands/{device}/ack"}]})";
        const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(json, &error);
        QVERIFY2(catalog, qPrintable(error));
        m_tracker->setCatalog(*catalog);
        QVERIFY(QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(*m_client); }, Timeout));
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/txt-9/req"_s));
        QVERIFY(observer.subscribe(u"commands/dsg-9"_s));

        const QString text = m_tracker->send(u"txt-9"_s, u"ping"_s);
        const QString design = m_tracker->send(u"dsg-9"_s, u"ping"_s);
        QCOMPARE(waitFinal(text).state, State::Unreachable);
        QCOMPARE(waitFinal(design).state, State::Unreachable);
        QVERIFY(QTest::qWaitFor([&] { return observer.messages().size() >= 6; }, Timeout));
        for (const MqttMessage &m : observer.messages()) {
            if (m.topic() == "cmd/txt-9/req"_L1) {
                QCOMPARE(m.payload(), "ping"_ba);
                QCOMPARE(m.properties().contentType, std::optional<QString>(u"text/plain"_s));
                QCOMPARE(m.properties().correlationData, std::optional<QByteArray>(text.toUtf8()));
            } else {
                QCOMPARE(QString::fromStdString(
                             Json::parse(m.payload().toStdString()).at("tid").get<std::string>()),
                         design);
            }
        }
        QCOMPARE(observer.messages().size(), 6);

        MqttClient device;
        BrokerProfile old = profile();
        old.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        device.setProfile(old);
        QVERIFY(fleet::test::connectAndWait(device));
        const QByteArray ack =
            fleet::compactJsonBytes(Json{{"tid", design.toStdString()}, {"status", "SUCCESS"}});
        device.publish(MqttMessage(u"commands/dsg-9/ack"_s, ack, 1));
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(design)->lateCount() == 1; }, Timeout));
        QCOMPARE(m_tracker->execution(design)->state, State::Unreachable);
        // Without a tid, a reply is the latest request's to that device: recorded there as late.
        device.publish(MqttMessage(u"cmd/txt-9/resp"_s, "SUCCESS: too late", 1));
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(text)->lateCount() == 1; }, Timeout));
        QCOMPARE(m_tracker->execution(text)->state, State::Unreachable);

        // Answered twice by the design page's device: one verdict, one duplicate.
        connect(&device, &MqttClient::messageReceived, &device, [&](const MqttMessage &m) {
            const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
            const QByteArray reply =
                fleet::compactJsonBytes(Json{{"tid", request.value("tid", "")}, {"status", "SUCCESS"}});
            device.publish(MqttMessage(u"commands/dsg-8/ack"_s, reply, 1));
            device.publish(MqttMessage(u"commands/dsg-8/ack"_s, reply, 1));
        });
        device.subscribe(u"commands/dsg-8"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, Timeout));
        const QString twice = m_tracker->send(u"dsg-8"_s, u"motor_on"_s);
        QCOMPARE(waitFinal(twice).state, State::Succeeded);
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(twice)->duplicateCount() == 1; }, Timeout));
        QCOMPARE(states(*m_tracker->execution(twice)).count(State::Succeeded), 1);
    }

    // The seed's broadcast layout: one request on device_status/request, each device answering on
    // device_status/response naming itself, with no tid: each answer is that device's part of the request.
    void seedBroadcastLayout()
    {
        QString error;
        QByteArray json = TestCatalog;
        json.chop(2);
        json += R"(], "devices": [{"group": "device_status", "dialect": "atlas-text",
            "groupRequestTopic": "{group}/request", "groupResponseTopic": "{group}/response"}]})";
        const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(json, &error);
        QVERIFY2(catalog, qPrintable(error));
        m_tracker->setCatalog(*catalog);
        QVERIFY(m_tracker->responseFilters().contains(u"device_status/response"_s));
        QVERIFY(!m_tracker->responseFilters().contains(u"+/response"_s));
        QVERIFY(QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(*m_client); }, Timeout));
        m_tracker->setGroupMembers(u"device_status"_s, {u"s-1"_s, u"s-2"_s});

        std::vector<std::unique_ptr<MqttClient>> devices;
        QByteArrayList requests;
        for (const QString &id : {u"s-1"_s, u"s-2"_s}) {
            auto device = std::make_unique<MqttClient>();
            BrokerProfile old = profile();
            old.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
            device->setProfile(old);
            QVERIFY(fleet::test::connectAndWait(*device));
            MqttClient *d = device.get();
            connect(d, &MqttClient::messageReceived, d, [d, id, &requests](const MqttMessage &m) {
                requests.append(m.payload());
                d->publish(MqttMessage(
                    u"device_status/response"_s,
                    fleet::compactJsonBytes(Json{{"device", id.toStdString()},
                                                 {"status", id == "s-1"_L1 ? "SUCCESS" : "FAILURE"},
                                                 {"reason", "no status to give"}}),
                    1));
            });
            d->subscribe(u"device_status/request"_s, 1);
            QVERIFY(QTest::qWaitFor([d] { return fleet::test::subscriptionsGranted(*d); }, Timeout));
            devices.push_back(std::move(device));
        }
        const QString id = m_tracker->sendToGroup(u"device_status"_s, u"motor_on"_s, Json::object(), &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->broadcast(id)->done == 2; }, Timeout));
        QCOMPARE(requests, (QByteArrayList{"motor_on", "motor_on"}));
        QCOMPARE(m_tracker->execution(id + u"/s-1"_s)->state, State::Succeeded);
        QCOMPARE(m_tracker->execution(id + u"/s-2"_s)->state, State::Failed);
        QCOMPARE(m_tracker->broadcast(id)->total, 2);
    }

    void refusals()
    {
        QString error;
        QVERIFY(m_tracker->send(u"d"_s, u"no_such"_s, Json::object(), &error).isEmpty());
        QVERIFY2(error.contains(u"no_such"_s), qPrintable(error));
        error.clear();
        QVERIFY(m_tracker->send(u"d"_s, u"set_led"_s, Json::object(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(m_tracker->send(u"a/b"_s, u"motor_on"_s, Json::object(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(m_tracker->sendToGroup(u"g"_s, u"ping"_s, Json::object(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(m_tracker->sendToDevices({}, u"ping"_s, Json::object(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(m_tracker->executions().isEmpty());
    }

    void success()
    {
        fleet::test::SimDevices devices(configFor(u"ok"_s), profile());
        QVERIFY(devices.start());
        QSignalSpy changed(m_tracker.get(), &CommandTracker::executionChanged);
        const QString tid = m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "red"}});
        QVERIFY(fleet::TidGenerator::isValid(tid));
        const CommandExecution e = waitFinal(tid);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(e.id, tid);
        QCOMPARE(e.tid, tid);
        QCOMPARE(e.device, devices.at(0)->id());
        QCOMPARE(e.command, u"set_led"_s);
        QCOMPARE(e.attempts, 1);
        QVERIFY(e.reason.isEmpty());
        QCOMPARE(states(e), (QList<State>{State::Queued, State::Sent, State::Succeeded}));
        QCOMPARE(e.replies.size(), 1);
        QCOMPARE(devices.at(0)->led(), u"red"_s);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toString(), tid);
        QCOMPARE(m_tracker->executions().size(), 1);
    }

    // The IoT Atlas design's own topics (commands/{device} -> commands/{device}/ack), from the catalog: the
    // tracker listens there too, and on MQTT 5 names it as the request's response topic.
    void catalogResponseTopic()
    {
        QVERIFY(m_tracker->responseFilters().contains(u"commands/+/ack"_s));
        MqttClient device;
        device.setProfile(profile());
        QVERIFY(fleet::test::connectAndWait(device));
        QString responseTopic;
        connect(&device, &MqttClient::messageReceived, &device, [&](const MqttMessage &m) {
            const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
            responseTopic = m.properties().responseTopic.value_or(QString());
            if (request.is_object() && request.value("cmd", "") == "MOTOR_1_ON")
                device.publish(MqttMessage(
                    u"commands/atlas-1/ack"_s,
                    fleet::compactJsonBytes(Json{{"tid", request.value("tid", "")}, {"status", "SUCCESS"}}),
                    1));
        });
        device.subscribe(u"commands/atlas-1"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, Timeout));
        const CommandExecution e = waitFinal(m_tracker->send(u"atlas-1"_s, u"MOTOR_1_ON"_s));
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(e.replies.size(), 1);
        QCOMPARE(responseTopic, u"commands/atlas-1/ack"_s);
        device.disconnectFromBroker();
    }

    // A device that answers in a format the tracker cannot read: the replies are counted and kept on the
    // command, whose verdict says so instead of "no reply".
    void unreadableReplies()
    {
        MqttClient device;
        device.setProfile(profile());
        QVERIFY(fleet::test::connectAndWait(device));
        connect(&device, &MqttClient::messageReceived, &device,
                [&](const MqttMessage &) { device.publish(MqttMessage(u"cmd/odd-1/resp"_s, "<ok/>", 1)); });
        device.subscribe(u"cmd/odd-1/req"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, Timeout));
        const int before = m_tracker->unreadableReplies();
        const CommandExecution e = waitFinal(m_tracker->send(u"odd-1"_s, u"ping"_s));
        QCOMPARE(e.state, State::TimedOut);
        QCOMPARE(e.attempts, 3);
        QCOMPARE(e.unreadableCount(), 3);
        QVERIFY2(e.reason.startsWith(u"3 reply(ies) could not be read: "_s), qPrintable(e.reason));
        QVERIFY2(e.reason.contains(u"neither JSON"_s), qPrintable(e.reason));
        QCOMPARE(m_tracker->unreadableReplies(), before + 3);
        const auto recent = m_tracker->recentUnreadableReplies();
        QVERIFY(!recent.isEmpty());
        QCOMPARE(recent.last().device, u"odd-1"_s);
        QCOMPARE(recent.last().topic, u"cmd/odd-1/resp"_s);
        device.disconnectFromBroker();
    }

    // Hostile replies on a device's response topic: 400 KB nested 200,000 deep, 60 KB nested 30,000 deep
    // (under the size limit, so it reaches the parser) and a 60,000-character topic. None crashes the
    // tracker; each is counted, and what is kept of it is bounded.
    void hostileRepliesAreBounded()
    {
        MqttClient attacker;
        attacker.setProfile(profile());
        QVERIFY(fleet::test::connectAndWait(attacker));
        const QString id = m_tracker->send(u"victim-1"_s, u"ping"_s);
        QVERIFY(!id.isEmpty());
        const int before = m_tracker->unreadableReplies();
        attacker.publish(
            MqttMessage(u"cmd/victim-1/resp"_s, QByteArray(200000, '[') + QByteArray(200000, ']'), 1));
        attacker.publish(
            MqttMessage(u"cmd/victim-1/resp"_s, QByteArray(30000, '[') + QByteArray(30000, ']'), 1));
        const QString longDevice(60000, u'x');
        attacker.publish(MqttMessage(u"cmd/"_s + longDevice + u"/resp"_s, "garbage", 1));
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->unreadableReplies() == before + 3; }, Timeout));
        const auto recent = m_tracker->recentUnreadableReplies();
        for (const auto &r : recent) {
            QVERIFY(r.topic.size() <= CommandTracker::MaxKeptTopicChars + 1);
            QVERIFY(r.reason.size() < 1000);
        }
        const CommandExecution e = waitFinal(id);
        QVERIFY(e.unreadableCount() >= 2);
        attacker.disconnectFromBroker();
    }

    // A new catalog goes to the same tracker: its response topics are subscribed to, and commands under way
    // keep going.
    void catalogChange()
    {
        QVERIFY(!m_tracker->responseFilters().contains(u"ops/+/done"_s));
        CommandCatalog catalog = testCatalog();
        QString error;
        const auto changed = CommandCatalog::fromJson(R"({"version": 1, "commands": [
          {"name": "ping", "responseTopic": "ops/{device}/done", "timeoutMs": 300, "retry": {"attempts": 1}}
        ]})",
                                                      &error);
        QVERIFY2(changed, qPrintable(error));
        m_tracker->setCatalog(*changed);
        QVERIFY(m_tracker->responseFilters().contains(u"ops/+/done"_s));
        QVERIFY(m_tracker->responseFilters().contains(u"cmd/+/resp"_s));
        QVERIFY(!m_tracker->catalog().find(u"set_led"_s));
        QVERIFY(m_tracker->send(u"x"_s, u"set_led"_s, Json{{"color", "red"}}).isEmpty());
    }

    void failureWithReason()
    {
        SimConfig config = configFor(u"fail"_s);
        config.failureRate = 1;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        const CommandExecution e =
            waitFinal(m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "red"}}));
        QCOMPARE(e.state, State::Failed);
        QCOMPARE(e.reason, u"simulated failure"_s);
        QCOMPARE(e.attempts, 1);
    }

    void longCommandRunsThenSucceeds()
    {
        fleet::test::SimDevices devices(configFor(u"long"_s), profile());
        QVERIFY(devices.start());
        const CommandExecution e =
            waitFinal(m_tracker->send(devices.at(0)->id(), u"set_position"_s, Json{{"position", 40}}));
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(states(e), (QList<State>{State::Queued, State::Sent, State::Running, State::Succeeded}));
        QVERIFY(e.heartbeats >= 1);
        QCOMPARE(devices.at(0)->position(), 40);
    }

    void silentDeathFailsOnMissingHeartbeats()
    {
        SimConfig config = configFor(u"dies"_s);
        config.silentDeathRate = 1;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        const CommandExecution e =
            waitFinal(m_tracker->send(devices.at(0)->id(), u"set_position"_s, Json{{"position", 40}}));
        QCOMPARE(e.state, State::Failed);
        QCOMPARE(e.reason, u"heartbeats stopped"_s);
        QVERIFY(states(e).contains(State::Running));
        QCOMPARE(e.attempts, 1);
    }

    void absentDeviceIsUnreachableAfterRetriesWithTheSameTid()
    {
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/ghost-1/req"_s));
        const QString tid = m_tracker->send(u"ghost-1"_s, u"ping"_s);
        const CommandExecution e = waitFinal(tid);
        QCOMPARE(e.state, State::Unreachable);
        QCOMPARE(e.attempts, 3);
        QVERIFY(e.replies.isEmpty());
        QCOMPARE(states(e).count(State::Sent), 3);
        QVERIFY(QTest::qWaitFor([&] { return observer.messages().size() >= 3; }, Timeout));
        QCOMPARE(observer.messages().size(), 3);
        for (const MqttMessage &m : observer.messages()) {
            const Json request = Json::parse(m.payload().toStdString());
            QCOMPARE(QString::fromStdString(request.at("tid").get<std::string>()), tid);
            QCOMPARE(m.properties().correlationData, std::optional<QByteArray>(tid.toUtf8()));
        }
    }

    void duplicateFinalReplyIsRecordedNotCounted()
    {
        SimConfig config = configFor(u"dup"_s);
        config.duplicateReplyRate = 1;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        const QString tid = m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "red"}});
        QCOMPARE(waitFinal(tid).state, State::Succeeded);
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(tid)->duplicateCount() == 1; }, Timeout));
        const CommandExecution e = *m_tracker->execution(tid);
        QCOMPARE(states(e).count(State::Succeeded), 1);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(e.replies.size(), 2);
        QCOMPARE(e.lateCount(), 0);
    }

    void runningAfterTheVerdictIsOutOfOrder()
    {
        SimConfig config = configFor(u"ooo"_s);
        config.outOfOrderRate = 1;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        const QString tid = m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "red"}});
        QCOMPARE(waitFinal(tid).state, State::Succeeded);
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(tid)->outOfOrderCount() == 1; }, Timeout));
        const CommandExecution e = *m_tracker->execution(tid);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(states(e).count(State::Running), 0);
    }

    void textRepliesAreReconciledToTheOldestOutstanding()
    {
        SimConfig config = configFor(u"text"_s);
        config.textModeShare = 1;
        config.latencyMaxMs = 0; // a random latency would reorder the two replies on the device itself
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        QVERIFY(devices.at(0)->isTextMode());
        const QString first = m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "red"}});
        const QString second = m_tracker->send(devices.at(0)->id(), u"set_led"_s, Json{{"color", "blue"}});
        for (const QString &tid : {first, second}) {
            const CommandExecution e = waitFinal(tid);
            QCOMPARE(e.state, State::Succeeded);
            QCOMPARE(e.replies.size(), 1);
            QVERIFY(e.replies.first().text);
        }
        QVERIFY(m_tracker->execution(first)->transitions.last().timeMs <=
                m_tracker->execution(second)->transitions.last().timeMs);
        QCOMPARE(devices.at(0)->led(), u"blue"_s);
    }

    // A free-form payload goes out verbatim, once, and is tracked like any command: a text device's reply
    // closes it, and so does a JSON reply carrying a tid the operator typed.
    void rawPayloadIsSentVerbatimAndTracked()
    {
        SimConfig config = configFor(u"raw"_s, 2);
        config.textModeShare = 0.5;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        SimDevice *text = devices.at(0)->isTextMode() ? devices.at(0) : devices.at(1);
        SimDevice *json = devices.at(0)->isTextMode() ? devices.at(1) : devices.at(0);
        QVERIFY(text->isTextMode() && !json->isTextMode());
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/"_s + text->id() + u"/req"_s));

        const QByteArray typed = R"({"cmd": "set_led", "tid": "OPERATOR-1", "params": {"color": "teal"}})";
        const QString first = m_tracker->sendRaw(text->id(), typed);
        QVERIFY(!first.isEmpty());
        CommandExecution e = waitFinal(first);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(e.command, QString(CommandTracker::RawCommand));
        QCOMPARE(e.attempts, 1);
        QVERIFY(e.replies.first().text);
        QCOMPARE(text->led(), u"teal"_s);
        QVERIFY(QTest::qWaitFor([&] { return !observer.messages().isEmpty(); }, Timeout));
        QCOMPARE(observer.messages().first().payload(), typed);

        const QString second = m_tracker->sendRaw(
            json->id(), R"({"cmd": "set_led", "tid": "OPERATOR-2", "params": {"color": "plum"}})");
        e = waitFinal(second);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(json->led(), u"plum"_s);

        QString error;
        QVERIFY(m_tracker->sendRaw(json->id(), {}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(m_tracker->sendRaw(u"a/+"_s, "x", &error).isEmpty());
        QVERIFY(m_tracker->sendRaw(json->id(), QByteArray("\xff\xfe", 2), &error).isEmpty());
        QVERIFY2(error.contains(u"UTF-8"_s), qPrintable(error));
        QVERIFY(
            m_tracker->sendRaw(json->id(), QByteArray(CommandTracker::MaxRawPayloadBytes + 1, 'x'), &error)
                .isEmpty());
    }

    // A device whose replies carry no tid in the payload but echo the MQTT 5 correlation data: the reply goes
    // to the request it answers, not to the device's oldest outstanding one.
    void correlationDataMatchesTheReply()
    {
        MqttClient responder;
        BrokerProfile p = profile();
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        responder.setProfile(p);
        QVERIFY(fleet::test::connectAndWait(responder));
        QVERIFY(fleet::test::subscribeAndWait(responder, u"cmd/corr-1/req"_s));
        connect(&responder, &MqttClient::messageReceived, this, [&responder](const MqttMessage &request) {
            const Json body = Json::parse(request.payload().toStdString());
            if (body.at("cmd") != "motor_on")
                return; // the first command is left unanswered
            MqttMessage reply(u"cmd/corr-1/resp"_s, R"({"status":"SUCCESS"})", 1);
            reply.properties().correlationData = request.properties().correlationData;
            responder.publish(reply);
        });
        const QString ignored = m_tracker->send(u"corr-1"_s, u"set_led"_s, Json{{"color", "red"}});
        const QString answered = m_tracker->send(u"corr-1"_s, u"motor_on"_s);
        QCOMPARE(waitFinal(answered).state, State::Succeeded);
        QVERIFY(!m_tracker->execution(ignored)->isFinal());
        QVERIFY(m_tracker->cancel(ignored));
        responder.disconnectFromBroker();
    }

    // Every request carries the MQTT 5 Message Expiry Interval of its timeout: a device that comes back to
    // its persistent session after the tracker gave up is not handed the stale command, while a message
    // without one, queued at the same time, is delivered (the session did keep what had not expired).
    void staleRequestsExpireInAPersistentSession()
    {
        BrokerProfile p = profile();
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        p.clientId = u"persist-1"_s;
        p.cleanStart = false;
        p.sessionExpirySeconds = 300;
        {
            MqttClient device;
            device.setProfile(p);
            QVERIFY(fleet::test::connectAndWait(device));
            QVERIFY(fleet::test::subscribeAndWait(device, u"cmd/persist-1/req"_s));
            device.disconnectFromBroker();
            QTRY_COMPARE(device.state(), MqttClient::State::Disconnected);
        }
        const QString stale = m_tracker->send(u"persist-1"_s, u"ping"_s);
        QVERIFY(!stale.isEmpty());
        MqttClient other;
        other.setProfile(profile());
        QVERIFY(fleet::test::connectAndWait(other));
        other.publish(u"cmd/persist-1/req"_s, "no expiry", 1);
        QCOMPARE(waitFinal(stale).state, State::Unreachable); // every attempt went unanswered
        QTest::qWait(2200); // past the last attempt's expiry (ping: 300 ms, so 1 s)

        MqttClient device;
        device.setProfile(p);
        QList<MqttMessage> received;
        connect(&device, &MqttClient::messageReceived, this,
                [&received](const MqttMessage &m) { received.append(m); });
        QVERIFY(fleet::test::connectAndWait(device));
        QVERIFY(device.sessionPresent());
        QTRY_VERIFY(!received.isEmpty());
        QTest::qWait(300);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.constFirst().payload(), QByteArray("no expiry"));
        device.disconnectFromBroker();
        other.disconnectFromBroker();
    }

    void groupBroadcastProgress()
    {
        SimConfig config = configFor(u"grp"_s, 3);
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        const QString group = devices.at(0)->group();
        m_tracker->setGroupMembers(group, devices.ids());
        QSignalSpy progress(m_tracker.get(), &CommandTracker::broadcastProgress);
        const QString id = m_tracker->sendToGroup(group, u"motor_on"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->broadcast(id)->done == 3; }, Timeout));
        const CommandTracker::Broadcast b = *m_tracker->broadcast(id);
        QCOMPARE(b.total, 3);
        QCOMPARE(b.group, group);
        QCOMPARE(b.executions.size(), 3);
        QCOMPARE(progress.first().at(1).toInt(), 0);
        QCOMPARE(progress.last().at(0).toString(), id);
        QCOMPARE(progress.last().at(1).toInt(), 3);
        QCOMPARE(progress.last().at(2).toInt(), 3);
        for (const QString &device : devices.ids()) {
            const std::optional<CommandExecution> e = m_tracker->execution(id + u'/' + device);
            QVERIFY(e);
            QCOMPARE(e->state, State::Succeeded);
            QCOMPARE(e->tid, id);
            QCOMPARE(e->group, group);
            QCOMPARE(e->broadcastId, id);
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(devices.at(i)->motorOn());
    }

    void selectionBroadcastProgress()
    {
        fleet::test::SimDevices devices(configFor(u"sel"_s, 3), profile());
        QVERIFY(devices.start());
        QSignalSpy progress(m_tracker.get(), &CommandTracker::broadcastProgress);
        const QString id = m_tracker->sendToDevices(devices.ids(), u"set_led"_s, Json{{"color", "green"}});
        QVERIFY(!id.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->broadcast(id)->done == 3; }, Timeout));
        QCOMPARE(m_tracker->broadcast(id)->total, 3);
        QCOMPARE(progress.last().at(1).toInt(), 3);
        QCOMPARE(progress.last().at(2).toInt(), 3);
        QSet<QString> tids;
        const CommandTracker::Broadcast b = *m_tracker->broadcast(id);
        for (const QString &execution : b.executions) {
            QCOMPARE(m_tracker->execution(execution)->state, State::Succeeded);
            tids.insert(m_tracker->execution(execution)->tid);
        }
        QCOMPARE(tids.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(devices.at(i)->led(), u"green"_s);
    }

    void offlinePolicy()
    {
        fleet::test::SimDevices devices(configFor(u"off"_s), profile());
        QVERIFY(devices.start());
        const QString device = devices.at(0)->id();
        m_tracker->setDeviceOnline(device, false);
        QVERIFY(!m_tracker->isDeviceOnline(device));

        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        const std::optional<CommandExecution> failed =
            m_tracker->execution(m_tracker->send(device, u"set_led"_s, Json{{"color", "red"}}));
        QVERIFY(failed);
        QCOMPARE(failed->state, State::Failed);
        QCOMPARE(failed->reason, u"device offline"_s);
        QCOMPARE(failed->attempts, 0);

        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::Hold);
        const QString held = m_tracker->send(device, u"set_led"_s, Json{{"color", "blue"}});
        QTest::qWait(QuietMs);
        QCOMPARE(m_tracker->execution(held)->state, State::Queued);
        QCOMPARE(m_tracker->execution(held)->attempts, 0);
        m_tracker->setDeviceOnline(device, true);
        QCOMPARE(waitFinal(held).state, State::Succeeded);
        QCOMPARE(devices.at(0)->led(), u"blue"_s);

        // Held past the command's timeout.
        m_tracker->setDeviceOnline(u"ghost-2"_s, false);
        const CommandExecution expired = waitFinal(m_tracker->send(u"ghost-2"_s, u"ping"_s));
        QCOMPARE(expired.state, State::TimedOut);
        QCOMPARE(expired.reason, u"device stayed offline"_s);
        QCOMPARE(expired.attempts, 0);
    }

    void cancelThenLateReply()
    {
        fleet::test::SimDevices devices(configFor(u"cancel"_s), profile());
        QVERIFY(devices.start());
        const QString tid = m_tracker->send(devices.at(0)->id(), u"set_position"_s, Json{{"position", 70}});
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(tid)->state == State::Running; }, Timeout));
        QVERIFY(m_tracker->cancel(tid));
        QVERIFY(!m_tracker->cancel(tid));
        QCOMPARE(m_tracker->execution(tid)->state, State::Cancelled);
        // The device was not told; its SUCCESS arrives after the verdict.
        QVERIFY(QTest::qWaitFor([&] { return m_tracker->execution(tid)->lateCount() == 1; }, Timeout));
        QCOMPARE(m_tracker->execution(tid)->state, State::Cancelled);
        QCOMPARE(states(*m_tracker->execution(tid)).count(State::Cancelled), 1);
    }

    void approval()
    {
        fleet::test::SimDevices devices(configFor(u"appr"_s), profile());
        QVERIFY(devices.start());
        const QString device = devices.at(0)->id();
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/"_s + device + u"/req"_s));

        const QString approved = m_tracker->send(device, u"motor_off"_s);
        QCOMPARE(m_tracker->execution(approved)->state, State::AwaitingApproval);
        QTest::qWait(QuietMs);
        QVERIFY(observer.messages().isEmpty());
        QCOMPARE(m_tracker->execution(approved)->state, State::AwaitingApproval);
        QVERIFY(m_tracker->approve(approved));
        QVERIFY(!m_tracker->approve(approved));
        const CommandExecution e = waitFinal(approved);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(states(e), (QList<State>{State::AwaitingApproval, State::Approved, State::Queued,
                                          State::Sent, State::Succeeded}));
        QVERIFY(QTest::qWaitFor([&] { return !observer.messages().isEmpty(); }, Timeout));

        const QString rejected = m_tracker->send(device, u"motor_off"_s);
        QVERIFY(m_tracker->reject(rejected, u"not now"_s));
        QVERIFY(!m_tracker->approve(rejected));
        QCOMPARE(m_tracker->execution(rejected)->state, State::Rejected);
        QCOMPARE(m_tracker->execution(rejected)->reason, u"not now"_s);
        QTest::qWait(QuietMs);
        QCOMPARE(observer.messages().size(), 1); // sent once, the rejected one never
        QVERIFY(!m_tracker->reject(approved));
    }

    // A request handed to the gate as an ordinary one (a free-form payload the gate's catalog judges
    // sensitive) that the gate answers "held": it waits for an approval, not for a reply, and is never
    // timed out (before, the console showed it Sent and timed it out while the gate held it).
    void heldByTheGateWaitsForAnApproval()
    {
        m_tracker->setGatePrefix(u"fleet/gate/submit/alice/"_s);
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"fleet/gate/submit/alice/#"_s));
        m_tracker->setDeviceOnline(u"held-1"_s, true);
        const QString id = m_tracker->sendRaw(u"held-1"_s, "REBOOT now");
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_tracker->execution(id)->state, State::Sent);
        QVERIFY2(m_tracker->execution(id)->transitions.constLast().note.contains(u"command gate"_s),
                 qPrintable(m_tracker->execution(id)->transitions.constLast().note));
        QVERIFY(QTest::qWaitFor([&] { return !observer.messages().isEmpty(); }, Timeout));
        QCOMPARE(observer.messages().constFirst().topic(), u"fleet/gate/submit/alice/cmd/held-1/req"_s);

        QVERIFY(m_tracker->heldByGate(id, u"A free-form payload needs an approval."_s));
        QVERIFY(!m_tracker->heldByGate(id, {})); // once
        QCOMPARE(m_tracker->execution(id)->state, State::AwaitingApproval);
        QVERIFY(m_tracker->execution(id)->reason.contains(u"needs an approval"_s));
        QCOMPARE(m_tracker->awaitingApproval(id), QStringList{id});
        // Its timeout no longer runs: set_led's 2 s, and then some, pass with it still awaiting.
        const QString led = m_tracker->send(u"held-1"_s, u"set_led"_s, Json{{"color", "blue"}});
        QCOMPARE(m_tracker->execution(led)->state, State::Sent);
        QVERIFY(m_tracker->heldByGate(led, {}));
        QTest::qWait(3000);
        QCOMPARE(m_tracker->execution(led)->state, State::AwaitingApproval);
        QCOMPARE(m_tracker->execution(id)->state, State::AwaitingApproval);
        // A verdict already reached is not taken back.
        const QString done = m_tracker->send(u"held-1"_s, u"set_led"_s, Json{{"color", "red"}});
        QVERIFY(m_tracker->cancel(done));
        QVERIFY(!m_tracker->heldByGate(done, {}));
        QCOMPARE(m_tracker->execution(done)->state, State::Cancelled);
    }

    // A ledger that cannot be written: nothing is published, whatever the kind of send, and each command
    // ends Failed saying why (a group request is refused), so that no device runs a command the ledger
    // never heard of.
    void unrecordedCommandsAreNotSent()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CommandLedger ledger;
        QVERIFY2(ledger.open(dir.filePath(u"ledger.sqlite"_s)), qPrintable(ledger.errorString()));
        CommandTracker tracker(m_client.get(), testCatalog());
        tracker.setLedger(&ledger);
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/#"_s));
        // Held for an offline device while the ledger still works: its attempt is refused later.
        tracker.setDeviceOnline(u"unrec-4"_s, false);
        const QString held = tracker.sendRaw(u"unrec-4"_s, "reboot now");
        QCOMPARE(tracker.execution(held)->state, State::Queued);
        QVERIFY(ledger.load(held));

        QVERIFY(refuseWrites(ledger));
        QSignalSpy failures(&tracker, &CommandTracker::ledgerFailed);
        QString error;
        const QString single = tracker.send(u"unrec-1"_s, u"set_led"_s, Json{{"color", "red"}}, &error);
        const QString raw = tracker.sendRaw(u"unrec-1"_s, "reboot now", &error);
        const QString sensitive = tracker.send(u"unrec-1"_s, u"motor_off"_s, Json::object(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error)); // started, then failed: their executions say why
        for (const QString &id : {single, raw, sensitive}) {
            const std::optional<CommandExecution> e = tracker.execution(id);
            QVERIFY(e);
            QCOMPARE(e->state, State::Failed);
            QCOMPARE(e->attempts, 0);
            QVERIFY2(e->reason.contains(u"could not be recorded in the ledger"_s) &&
                         e->reason.contains(u"not sent"_s) && e->reason.contains(u"readonly"_s),
                     qPrintable(e->reason));
            QVERIFY(!states(*e).contains(State::Sent));
        }
        QVERIFY(!tracker.approve(sensitive)); // never waits for an approval that would send it

        tracker.setDeviceOnline(u"unrec-4"_s, true); // the free-form payload's attempt cannot be marked
        QCOMPARE(tracker.execution(held)->state, State::Failed);
        QCOMPARE(tracker.execution(held)->attempts, 0);
        QVERIFY2(tracker.execution(held)->reason.contains(u"could not be recorded in the ledger"_s),
                 qPrintable(tracker.execution(held)->reason));

        const QString selection =
            tracker.sendToDevices({u"unrec-2"_s, u"unrec-3"_s}, u"set_led"_s, Json{{"color", "red"}}, &error);
        QVERIFY2(!selection.isEmpty(), qPrintable(error));
        const CommandTracker::Broadcast b = *tracker.broadcast(selection);
        QCOMPARE(b.executions.size(), 2);
        QCOMPARE(b.done, 2);
        for (const QString &id : b.executions) {
            QCOMPARE(tracker.execution(id)->state, State::Failed);
            QVERIFY2(tracker.execution(id)->reason.contains(u"broadcast could not be recorded"_s),
                     qPrintable(tracker.execution(id)->reason));
        }

        QVERIFY(tracker.sendToGroup(u"unrec-g"_s, u"motor_on"_s, Json::object(), &error).isEmpty());
        QVERIFY2(error.contains(u"could not be recorded in the ledger"_s) && error.contains(u"not sent"_s),
                 qPrintable(error));
        QVERIFY(!failures.isEmpty());

        // Published after whatever the tracker might have sent, on the same connection: once it is seen,
        // anything else would have been seen.
        QVERIFY(drained(observer, u"cmd/unrec-marker/req"_s));
        for (const MqttMessage &m : observer.messages())
            QVERIFY2(m.topic() == u"cmd/unrec-marker/req"_s, qPrintable(m.topic()));
    }

private:
    BrokerProfile profile() const { return fleet::test::profileFor(*m_broker); }

    // Publishes on the tracker's client and waits for the observer to see it: what that client published
    // before has reached the observer by then.
    bool drained(const fleet::test::BrokerObserver &observer, const QString &topic)
    {
        if (m_client->publish(MqttMessage(topic, "marker", 1)) < 0)
            return false;
        return QTest::qWaitFor([&] { return !observer.on(topic).isEmpty(); }, Timeout);
    }

    CommandExecution waitFinal(const QString &id) const
    {
        [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                const std::optional<CommandExecution> e = m_tracker->execution(id);
                return !e || e->isFinal();
            },
            Timeout);
        return m_tracker->execution(id).value_or(CommandExecution());
    }

    static QList<State> states(const CommandExecution &e)
    {
        QList<State> states;
        for (const CommandExecution::Transition &t : e.transitions)
            states.append(t.state);
        return states;
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<CommandTracker> m_tracker;
};

QTEST_GUILESS_MAIN(TestCommandTracker)

#include "tst_commandtracker.moc"
