// AwsCommandService against a real mosquitto (MQTT 5): an operator starts an execution under its name, the
// device gets the request with the Message Expiry Interval of its timeout, its updates are accepted or
// rejected with AWS's codes, every transition is an event, the service times out a silent device and keeps
// its late verdict, a refused start says why, and a restarted service (same database) takes its unfinished
// executions back and times them out.

#include "awscommandservice.h"
#include "awscommandstore.h"
#include "brokerobserver.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "common/networkjson.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "postgresserver.h"
#include "store/commandledger.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::AwsCommandService;
using fleet::AwsCommandStore;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::MosquittoBroker;

namespace {

constexpr int Timeout = 10000;

const QByteArray Catalog = R"({"version": 1, "commands": [
  {"name": "show_message", "dialect": "aws-commands", "description": "Shows a message",
   "parameters": [{"name": "text", "type": "string", "required": true}],
   "payload": {"message": "${text}"}, "timeoutMs": 30000},
  {"name": "say", "dialect": "aws-commands", "contentType": "text/plain", "payload": "hello ${who}",
   "parameters": [{"name": "who", "type": "string", "default": "world"}]},
  {"name": "factory_reset", "dialect": "aws-commands", "sensitive": true},
  {"name": "blink", "dialect": "aws-commands", "timeoutMs": 2000},
  {"name": "old", "dialect": "aws-commands", "deprecated": true},
  {"name": "set_led", "parameters": [{"name": "color", "type": "string"}], "payload": {"color": "${color}"}}
]})";

BrokerProfile mqtt5(const MosquittoBroker &broker)
{
    BrokerProfile profile = fleet::test::profileFor(broker);
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    return profile;
}

// A client that keeps what it receives.
class Peer final
{
public:
    explicit Peer(const BrokerProfile &profile) { m_client.setProfile(profile); }

    bool start(const QStringList &filters)
    {
        QObject::connect(&m_client, &MqttClient::messageReceived, &m_client,
                         [this](const MqttMessage &m) { received.append(m); });
        if (!fleet::test::connectAndWait(m_client, Timeout))
            return false;
        for (const QString &filter : filters) {
            if (!fleet::test::subscribeAndWait(m_client, filter, 1, Timeout))
                return false;
        }
        return true;
    }

    void publish(const QString &topic, const QByteArray &payload) { m_client.publish(topic, payload, 1); }

    // The first message received on topic (a '+'-free topic, or one ending in prefix when prefix is set),
    // waited for.
    std::optional<MqttMessage> wait(const std::function<bool(const MqttMessage &)> &match)
    {
        std::optional<MqttMessage> found;
        QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < received.size(); ++i) {
                    if (match(received.at(i))) {
                        found = received.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            Timeout);
        return found;
    }
    std::optional<MqttMessage> waitTopic(const QString &topic)
    {
        return wait([&](const MqttMessage &m) { return m.topic() == topic; });
    }

    QList<MqttMessage> received;

private:
    MqttClient m_client;
};

Json body(const std::optional<MqttMessage> &m)
{
    return m ? fleet::NetworkJson::parse(m->payload()).value_or(Json()) : Json();
}

} // namespace

class TestAwsCommandService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    QTemporaryDir m_dir;

    struct Hub
    {
        MqttClient client;
        AwsCommandStore store;
        std::unique_ptr<AwsCommandService> service;
    };

    // Each test its own database, unless it restarts a hub on one.
    std::unique_ptr<Hub> startHub(const QString &database)
    {
        auto hub = std::make_unique<Hub>();
        if (!hub->store.open(fleet::test::hubDatabase(m_dir.filePath(database))))
            return nullptr;
        std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(Catalog);
        if (!catalog)
            return nullptr;
        hub->client.setProfile(mqtt5(*m_broker));
        hub->service = std::make_unique<AwsCommandService>(&hub->client, &hub->store, *catalog);
        if (!hub->service->start())
            return nullptr;
        QSignalSpy granted(&hub->client, &MqttClient::subscribed);
        if (!fleet::test::connectAndWait(hub->client, Timeout) ||
            !QTest::qWaitFor([&] { return granted.size() >= 2; }, Timeout))
            return nullptr;
        return hub;
    }

    // alice starts commandId on thing with these members added to the request; the results message.
    Json start(Peer &alice, const QString &token, Json request)
    {
        alice.publish(AwsCommandService::startTopic(u"alice"_s, token), fleet::compactJsonBytes(request));
        return body(alice.wait([&](const MqttMessage &m) {
            return m.topic() == AwsCommandService::resultsTopic(u"alice"_s) &&
                   m.payload().contains(token.toUtf8());
        }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        QString why;
        QVERIFY2(CommandCatalog::fromJson(Catalog, &why), qPrintable(why));
    }

    void cleanupTestCase() { m_broker.reset(); }

    void happyPathWithEvents()
    {
        auto hub = startHub(u"happy.db"_s);
        QVERIFY(hub);
        Peer alice(mqtt5(*m_broker));
        QVERIFY(
            alice.start({AwsCommandService::resultsTopic(u"alice"_s), u"$aws/events/commandExecution/#"_s}));
        Peer device(mqtt5(*m_broker));
        QVERIFY(device.start({u"$aws/commands/things/thing-1/executions/+/request/#"_s,
                              u"$aws/commands/things/thing-1/executions/+/response/+/+"_s}));

        const Json result = start(alice, u"t1"_s,
                                  Json{{"commandId", "show_message"},
                                       {"target", "thing-1"},
                                       {"parameters", {{"text", "hi"}}},
                                       {"timeoutSeconds", 20}});
        QVERIFY2(result.value("status", "") == "CREATED", result.dump().c_str());
        const QString id = QString::fromStdString(result.value("executionId", ""));
        QVERIFY(fleet::AwsCommandExecution::isValidExecutionId(id));

        const QString base = u"$aws/commands/things/thing-1/executions/%1"_s.arg(id);
        const auto request = device.waitTopic(base + u"/request/json"_s);
        QVERIFY(request);
        QCOMPARE(request->payload(), QByteArray(R"({"message":"hi"})"));
        // The time left, in whole seconds, rounded up.
        QVERIFY(request->properties().messageExpirySeconds);
        QVERIFY(*request->properties().messageExpirySeconds <= 20 &&
                *request->properties().messageExpirySeconds >= 18);
        QVERIFY(body(alice.waitTopic(u"$aws/events/commandExecution/show_message/CREATED"_s))
                    .value("executionId", "") == id.toStdString());

        device.publish(base + u"/response/json"_s,
                       R"({"status":"IN_PROGRESS","statusReason":{"reasonCode":"SHOWING"}})");
        QVERIFY(body(device.waitTopic(base + u"/response/accepted/json"_s)).value("executionId", "") ==
                id.toStdString());
        device.publish(base + u"/response/json"_s, R"({"status":"SUCCEEDED","result":{"shown":{"b":true}}})");
        QVERIFY(device.waitTopic(base + u"/response/accepted/json"_s));
        const Json done = body(alice.waitTopic(u"$aws/events/commandExecution/show_message/SUCCEEDED"_s));
        QVERIFY2(done.value("eventType", "") == "COMMAND_EXECUTION", done.dump().c_str());
        QVERIFY(done.contains("timestamp") && done.contains("targetArn") && done.contains("commandArn"));
        QVERIFY(alice.waitTopic(u"$aws/events/commandExecution/show_message/IN_PROGRESS"_s));
        // The requester hears the verdict with the device's result, which AWS's events do not carry.
        const auto verdict =
            std::find_if(alice.received.cbegin(), alice.received.cend(), [](const MqttMessage &m) {
                return m.topic() == AwsCommandService::resultsTopic(u"alice"_s) &&
                       m.payload().contains("SUCCEEDED");
            });
        QVERIFY(verdict != alice.received.cend());
        QVERIFY2(body(*verdict).value("result", Json()) == Json::parse(R"({"shown":{"b":true}})") &&
                     body(*verdict).value("clientToken", "") == "t1",
                 verdict->payload().constData());

        // The same start again after the verdict is the same execution, told as it is, and not sent again.
        const Json repeated = start(alice, u"t1"_s,
                                    Json{{"commandId", "show_message"},
                                         {"target", "thing-1"},
                                         {"parameters", {{"text", "hi"}}},
                                         {"timeoutSeconds", 20}});
        QVERIFY2(repeated.value("executionId", "") == id.toStdString() &&
                     repeated.value("status", "") == "SUCCEEDED",
                 repeated.dump().c_str());
        QTest::qWait(300);
        QVERIFY(std::none_of(device.received.cbegin(), device.received.cend(),
                             [&](const MqttMessage &m) { return m.topic() == base + u"/request/json"_s; }));

        // A verdict cannot be changed, nor an execution updated by another device or one that does not exist.
        device.publish(base + u"/response/json"_s, R"({"status":"FAILED"})");
        QVERIFY(body(device.waitTopic(base + u"/response/rejected/json"_s)).value("error", "") ==
                "TerminalStateReached");
        device.publish(base + u"/response/json"_s, R"({"status":"IN_PROGRESS"})");
        QVERIFY(body(device.waitTopic(base + u"/response/rejected/json"_s)).value("error", "") ==
                "InvalidStateTransition");
        const QString unknown = u"$aws/commands/things/thing-1/executions/nope-1"_s;
        device.publish(unknown + u"/response/json"_s, R"({"status":"SUCCEEDED"})");
        QVERIFY(body(device.waitTopic(unknown + u"/response/rejected/json"_s)).value("error", "") ==
                "ResourceNotFound");
        Peer other(mqtt5(*m_broker));
        const QString stolen = u"$aws/commands/things/thing-2/executions/%1"_s.arg(id);
        QVERIFY(other.start({stolen + u"/response/+/json"_s}));
        other.publish(stolen + u"/response/json"_s, R"({"status":"FAILED"})");
        QVERIFY(body(other.waitTopic(stolen + u"/response/rejected/json"_s)).value("error", "") ==
                "ResourceNotFound");
        // A device may speak CBOR: its update is read as such and answered in CBOR.
        const QString second = QString::fromStdString(
            start(alice, u"t1b"_s,
                  Json{{"commandId", "show_message"}, {"target", "thing-1"}, {"parameters", {{"text", "c"}}}})
                .value("executionId", ""));
        QVERIFY(!second.isEmpty());
        const QString cborBase = u"$aws/commands/things/thing-1/executions/%1/response"_s.arg(second);
        device.publish(cborBase + u"/cbor"_s,
                       fleet::AwsCommandExecution::jsonToCbor(Json{{"status", "SUCCEEDED"}}));
        const auto cborAccepted = device.waitTopic(cborBase + u"/accepted/cbor"_s);
        QVERIFY(cborAccepted);
        QVERIFY(fleet::NetworkJson::parse(fleet::AwsCommandExecution::cborToJson(cborAccepted->payload()))
                    .value_or(Json())
                    .value("executionId", "") == second.toStdString());
        device.publish(cborBase + u"/cbor"_s, QByteArray("\xff\xff not cbor"));
        QVERIFY(device.waitTopic(cborBase + u"/rejected/cbor"_s));

        // Hostile bodies are refused before anything is kept.
        device.publish(base + u"/response/json"_s, QByteArray(100'000, '['));
        QVERIFY(body(device.waitTopic(base + u"/response/rejected/json"_s)).value("error", "") ==
                "InvalidJson");
        QCOMPARE(hub->store.count(), 2);
    }

    void contentTypesAndRefusals()
    {
        auto hub = startHub(u"refusals.db"_s);
        QVERIFY(hub);
        Peer alice(mqtt5(*m_broker));
        QVERIFY(alice.start({AwsCommandService::resultsTopic(u"alice"_s)}));
        Peer device(mqtt5(*m_broker));
        QVERIFY(device.start({u"$aws/commands/things/thing-3/executions/+/request/#"_s}));
        const Json said = start(alice, u"t2"_s, Json{{"commandId", "say"}, {"target", "thing-3"}});
        const QString id = QString::fromStdString(said.value("executionId", ""));
        QVERIFY2(!id.isEmpty(), said.dump().c_str());
        // No suffix: the MQTT 5 Content Type says what it is.
        const auto request =
            device.waitTopic(u"$aws/commands/things/thing-3/executions/%1/request"_s.arg(id));
        QVERIFY(request);
        QCOMPARE(request->payload(), QByteArray("hello world"));
        QCOMPARE(request->properties().contentType.value_or(QString()), u"text/plain"_s);

        const auto refused = [&](const char *token, const Json &request, const char *code) {
            const Json answer = start(alice, QString::fromLatin1(token), request);
            return answer.value("error", "") == code && !answer.value("errorMessage", "").empty();
        };
        QVERIFY(refused("r1", Json{{"commandId", "factory_reset"}, {"target", "thing-3"}}, "InvalidRequest"));
        QVERIFY(refused("r2", Json{{"commandId", "old"}, {"target", "thing-3"}}, "InvalidRequest"));
        QVERIFY(refused("r3", Json{{"commandId", "set_led"}, {"target", "thing-3"}}, "ResourceNotFound"));
        QVERIFY(refused("r4", Json{{"commandId", "nothing"}, {"target", "thing-3"}}, "ResourceNotFound"));
        QVERIFY(refused("r5", Json{{"commandId", "show_message"}, {"target", "thing-3"}}, "InvalidRequest"));
        QVERIFY(refused("r6", Json{{"commandId", "say"}, {"target", "a/b"}}, "InvalidRequest"));
        QVERIFY(refused("r7", Json{{"commandId", "say"}, {"target", "x"}, {"timeoutSeconds", 0}},
                        "InvalidRequest"));
        alice.publish(AwsCommandService::startTopic(u"alice"_s, u"r8"_s), "not json");
        QVERIFY(body(alice.wait([](const MqttMessage &m) {
                    return m.payload().contains("r8");
                })).value("error", "") == "InvalidJson");
        QTest::qWait(300);
        QVERIFY(device.received.isEmpty()); // nothing refused reached the device
    }

    // A silent device: TIMED_OUT with $NO_RESPONSE_FROM_DEVICE when the timeout passes, and its late verdict
    // still taken. A hub restarted on the same database takes back what was unfinished and times it out.
    void timeoutLateReplyAndRestart()
    {
        Peer alice(mqtt5(*m_broker));
        QVERIFY(
            alice.start({AwsCommandService::resultsTopic(u"alice"_s), u"$aws/events/commandExecution/#"_s}));
        Peer device(mqtt5(*m_broker));
        QVERIFY(device.start({u"$aws/commands/things/thing-4/executions/+/response/+/json"_s}));
        QString first;
        QString second;
        {
            auto hub = startHub(u"restart.db"_s);
            QVERIFY(hub);
            first = QString::fromStdString(
                start(alice, u"s1"_s,
                      Json{{"commandId", "say"}, {"target", "thing-4"}, {"timeoutSeconds", 1}})
                    .value("executionId", ""));
            QVERIFY(!first.isEmpty());
            const Json timedOut = body(alice.wait([&](const MqttMessage &m) {
                return m.topic() == u"$aws/events/commandExecution/say/TIMED_OUT"_s &&
                       m.payload().contains(first.toUtf8());
            }));
            QVERIFY2(timedOut["statusReason"].value("reasonCode", "") == "$NO_RESPONSE_FROM_DEVICE",
                     timedOut.dump().c_str());
            const QString base = u"$aws/commands/things/thing-4/executions/%1"_s.arg(first);
            device.publish(base + u"/response/json"_s, R"({"status":"SUCCEEDED"})");
            QVERIFY(device.waitTopic(base + u"/response/accepted/json"_s));

            second = QString::fromStdString(
                start(alice, u"s2"_s,
                      Json{{"commandId", "say"}, {"target", "thing-4"}, {"timeoutSeconds", 2}})
                    .value("executionId", ""));
            QVERIFY(!second.isEmpty());
            QCOMPARE(hub->service->unfinishedCount(), 1);
        } // the hub goes away before the second times out
        QTest::qWait(2500);
        auto hub = startHub(u"restart.db"_s);
        QVERIFY(hub);
        QVERIFY(alice.wait([&](const MqttMessage &m) {
            return m.topic() == u"$aws/events/commandExecution/say/TIMED_OUT"_s &&
                   m.payload().contains(second.toUtf8());
        }));
        const auto stored = hub->store.find(first);
        QVERIFY(stored);
        QCOMPARE(stored->status, fleet::AwsCommandExecution::Status::Succeeded);
    }

    // The console's and fleetctl's CommandTracker drives executions through the hub to each verdict: a
    // device following seed 004 reports IN_PROGRESS then SUCCEEDED, or FAILED with a reason, or nothing
    // (the hub's TIMED_OUT); a second start with the same client token is the same execution.
    void trackerDrivesExecutionsToTheirVerdicts()
    {
        auto hub = startHub(u"tracker.db"_s);
        QVERIFY(hub);
        Peer device(mqtt5(*m_broker));
        QVERIFY(device.start({u"$aws/commands/things/thing-6/executions/+/request/#"_s}));
        MqttClient console;
        BrokerProfile profile = mqtt5(*m_broker);
        console.setProfile(profile);
        QVERIFY(fleet::test::connectAndWait(console, Timeout));
        fleet::CommandTracker tracker(&console, *CommandCatalog::fromJson(Catalog));
        QString error;
        QVERIFY(tracker.send(u"thing-6"_s, u"show_message"_s, Json{{"text", "hi"}}, &error).isEmpty());
        QVERIFY2(error.contains(u"username"_s), qPrintable(error)); // no name to start it under
        tracker.setActor(u"alice"_s);
        using State = fleet::CommandExecution::State;
        const auto answer = [&](const QByteArray &update) {
            const auto request =
                device.wait([](const MqttMessage &m) { return m.topic().endsWith(u"/request/json"_s); });
            if (!request)
                return QString();
            const QString base = request->topic().section(u'/', 0, 5);
            for (const QByteArray &body : {QByteArray(R"({"status":"IN_PROGRESS"})"), update}) {
                if (!body.isEmpty())
                    device.publish(base + u"/response/json"_s, body);
            }
            return request->topic().section(u'/', 5, 5);
        };

        const QString ok = tracker.send(u"thing-6"_s, u"show_message"_s, Json{{"text", "hi"}}, &error);
        QVERIFY2(!ok.isEmpty(), qPrintable(error));
        QVERIFY(!answer(R"({"status":"SUCCEEDED","result":{"shown":{"s":"hi"}}})").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(tracker.execution(ok)->state, State::Succeeded, Timeout);
        // The verdict with the device's result, recorded once (the event that repeats it adds nothing).
        QTest::qWait(300);
        const fleet::CommandExecution succeeded = *tracker.execution(ok);
        QVERIFY2(succeeded.result == Json::parse(R"({"shown":{"s":"hi"}})"), succeeded.result.dump().c_str());
        QCOMPARE(std::count_if(succeeded.replies.cbegin(), succeeded.replies.cend(),
                               [](const fleet::CommandExecution::Reply &r) {
                                   return r.status == fleet::AtlasReply::Status::Success;
                               }),
                 1);

        const QString failed = tracker.send(u"thing-6"_s, u"show_message"_s, Json{{"text", "x"}}, &error);
        QVERIFY(
            !answer(
                 R"({"status":"FAILED","statusReason":{"reasonCode":"SCREEN_OFF","reasonDescription":"no display"}})")
                 .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(tracker.execution(failed)->state, State::Failed, Timeout);
        QVERIFY2(tracker.execution(failed)->reason.contains(u"SCREEN_OFF"_s),
                 qPrintable(tracker.execution(failed)->reason));

        const QString silent = tracker.send(u"thing-6"_s, u"blink"_s, Json::object(), &error);
        QVERIFY(!silent.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(tracker.execution(silent)->state, State::TimedOut, Timeout);
        QVERIFY2(tracker.execution(silent)->reason.contains(u"$NO_RESPONSE_FROM_DEVICE"_s),
                 qPrintable(tracker.execution(silent)->reason));

        // Idempotent start: the same token twice is one execution.
        Peer alice(mqtt5(*m_broker));
        QVERIFY(alice.start({AwsCommandService::resultsTopic(u"alice"_s)}));
        const Json request{{"commandId", "say"}, {"target", "thing-6"}};
        const Json first = start(alice, u"same-1"_s, request);
        const Json again = start(alice, u"same-1"_s, request);
        QVERIFY(!first.value("executionId", "").empty());
        QVERIFY(first.value("executionId", "") == again.value("executionId", ""));
        QCOMPARE(hub->store.count(), 4);
    }

    // A console that stops while its command runs and resumes from its ledger later: the events went by
    // unheard, and the repeated start (same token) is answered with the verdict, which the tracker takes
    // instead of waiting for events that will not come again.
    void resumedTrackerLearnsTheVerdict()
    {
        auto hub = startHub(u"resume.db"_s);
        QVERIFY(hub);
        Peer device(mqtt5(*m_broker));
        QVERIFY(device.start({u"$aws/commands/things/thing-8/executions/+/request/#"_s}));
        MqttClient console;
        console.setProfile(mqtt5(*m_broker));
        QVERIFY(fleet::test::connectAndWait(console, Timeout));
        fleet::CommandLedger ledger;
        QVERIFY2(ledger.open(m_dir.filePath(u"alice.ledger"_s)), qPrintable(ledger.errorString()));
        QString id;
        {
            fleet::CommandTracker first(&console, *CommandCatalog::fromJson(Catalog));
            first.setActor(u"alice"_s);
            first.setLedger(&ledger);
            QString error;
            // blink: 2 s, so that the resumed tracker's retry comes within seconds.
            id = first.send(u"thing-8"_s, u"blink"_s, Json::object(), &error);
            QVERIFY2(!id.isEmpty(), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(!first.execution(id)->replies.isEmpty(), Timeout); // CREATED
            first.flush();
        } // the console stops
        const auto request =
            device.wait([](const MqttMessage &m) { return m.topic().endsWith(u"/request/json"_s); });
        QVERIFY(request);
        device.publish(request->topic().section(u'/', 0, 5) + u"/response/json"_s,
                       R"({"status":"SUCCEEDED"})");
        QTest::qWait(300);

        fleet::CommandTracker second(&console, *CommandCatalog::fromJson(Catalog));
        second.setActor(u"alice"_s);
        second.setLedger(&ledger);
        QString error;
        QCOMPARE(second.resume(&error, {id}), 1);
        QTRY_COMPARE_WITH_TIMEOUT(second.execution(id)->state, fleet::CommandExecution::State::Succeeded,
                                  40'000);
    }
};

QTEST_GUILESS_MAIN(TestAwsCommandService)
#include "tst_awscommandservice.moc"
