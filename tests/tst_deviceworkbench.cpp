// The device workbench's core (DeviceWorkbench) on real parts. As an Azure IoT Hub device of a mosquitto that
// loads the fleet_iothub plugin, served by a real fleet-hub: it signs in from a connection string (with the
// key, or with a SAS token), gets its twin at connect, answers a method call that alice makes, reports
// properties and sees a desired change, receives a cloud-to-device message with its properties, sends a
// device-to-cloud message whose properties decode, renews a short-lived token by reconnecting with the
// session kept, and reads hostile messages (oversized, nested too deeply, not JSON) without keeping them. As
// an AWS IoT thing with its certificate, on a mosquitto that demands one: shadow messages, a report, a
// command execution request and its reply.

#include "common/json.h"
#include "dialects/azurepropertybag.h"
#include "mosquittobroker.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "testutil.h"
#include "workbench/deviceworkbench.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using fleet::AzurePropertyBag;
using fleet::DeviceWorkbench;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::WorkbenchEvent;
using fleet::WorkbenchIdentity;
using fleet::test::MosquittoBroker;
using Peer = fleet::test::MqttPeer;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

// Every event the workbench reports, in order.
struct EventLog
{
    explicit EventLog(DeviceWorkbench &workbench)
    {
        QObject::connect(&workbench, &DeviceWorkbench::eventAdded, &workbench,
                         [events = events](const WorkbenchEvent &e) { events->append(e); });
    }
    // The first event of kind whose summary contains text (any, when text is empty), waiting for it.
    std::optional<WorkbenchEvent> waitFor(WorkbenchEvent::Kind kind, const QString &text = {},
                                          int timeoutMs = Timeout) const
    {
        std::optional<WorkbenchEvent> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const WorkbenchEvent &e : *events) {
                    if (e.kind == kind && e.summary.contains(text)) {
                        found = e;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    std::shared_ptr<QList<WorkbenchEvent>> events = std::make_shared<QList<WorkbenchEvent>>();
};

bool waitConnected(DeviceWorkbench &workbench)
{
    return QTest::qWaitFor([&] { return workbench.state() == MqttClient::State::Connected; }, Timeout);
}

} // namespace

class TestDeviceWorkbench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(1, &error, 3), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        auto monitor = m_stack.peer(u"monitor"_s, {u"devices/#"_s, u"$fleet/twins/#"_s});
        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        auto hub = m_stack.peer(u"hub"_s, {u"$fleet/twins/+/update/#"_s});
        QVERIFY(monitor && alice && hub);
        m_monitor = std::move(*monitor);
        m_alice = std::move(*alice);
        m_hub = std::move(*hub);
    }

    void cleanupTestCase()
    {
        if (m_stack.hub().isRunning())
            QVERIFY(m_stack.hub().stop());
    }

    void signsInFromAConnectionStringAndGetsTheTwin()
    {
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QString error;
        QVERIFY2(workbench.start(identity(u"az-1"_s), &error), qPrintable(error));
        QVERIFY(waitConnected(workbench));
        // As Microsoft's SDK signs in: the plugin would refuse anything else.
        const fleet::BrokerProfile &profile = workbench.client()->profile();
        QCOMPARE(profile.protocolVersion, fleet::BrokerProfile::ProtocolVersion::Mqtt311);
        QVERIFY(!profile.cleanStart);
        QCOMPARE(profile.clientId, u"az-1"_s);
        QCOMPARE(profile.username, m_stack.azureHostName() + u"/az-1/?api-version=2021-04-12"_s);
        const QDateTime expiry = workbench.tokenExpiry();
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expiry) - 3600) < 60);

        // The twin, asked for at connect.
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Twin, u"200"_s));
        QVERIFY(workbench.twin().is_object());
        QVERIFY(workbench.twin().contains("desired") && workbench.twin().contains("reported"));
        workbench.stop();
        QCOMPARE(workbench.state(), MqttClient::State::Disconnected);
    }

    void answersAMethodCallByHand()
    {
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QSignalSpy pending(&workbench, &DeviceWorkbench::pendingMethodsChanged);
        QString error;
        QVERIFY(signIn(workbench, log, u"az-2"_s));

        const QString id = u"wb%1"_s.arg(++m_requests);
        QVERIFY(m_alice.publish(u"fleet/azure-methods/invoke/alice/"_s + id,
                                fleet::compactJsonBytes({{"deviceId", "az-2"},
                                                         {"methodName", "set_led"},
                                                         {"payload", {{"color", "red"}}},
                                                         {"responseTimeoutInSeconds", 20}})));
        QVERIFY(QTest::qWaitFor([&] { return !workbench.pendingMethods().isEmpty(); }, Timeout));
        const DeviceWorkbench::MethodCall call = workbench.pendingMethods().constFirst();
        QCOMPARE(call.method, u"set_led"_s);
        QVERIFY(parse(call.payload) == Json({{"color", "red"}}));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::MethodCall, u"set_led"_s));

        // What IoT Hub could not pass on is refused before anything is sent.
        QVERIFY(!workbench.answerMethod(call.rid, 200, "not json", &error));
        QVERIFY2(error.contains(u"JSON"_s), qPrintable(error));
        QVERIFY(!workbench.answerMethod(u"no-such-rid"_s, 200, "{}", &error));
        QVERIFY(!workbench.answerMethod(call.rid, 42, "{}", &error));
        QCOMPARE(workbench.pendingMethods().size(), 1);

        QVERIFY2(workbench.answerMethod(call.rid, 201, R"({"ok":true})", &error), qPrintable(error));
        QVERIFY(workbench.pendingMethods().isEmpty());
        QCOMPARE(pending.size(), 2); // the call came, and was answered
        const Json result = m_alice.waitFor(u"fleet/azure-methods/results/alice"_s, [&](const Json &body) {
            return body.value("requestId", "") == id.toStdString();
        });
        QVERIFY2(result.is_object(), "alice got no result");
        QCOMPARE(result.value("status", 0), 201);
        QVERIFY(result["payload"] == Json({{"ok", true}}));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::MethodAnswer, u"201"_s));
    }

    void reportsPropertiesAndSeesDesiredChanges()
    {
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QString error;
        QVERIFY(signIn(workbench, log, u"az-3"_s));

        QVERIFY(workbench.reportProperties("[1, 2]", &error).isEmpty());
        QVERIFY2(error.contains(u"object"_s), qPrintable(error));
        QVERIFY(workbench.reportProperties("{\"a\":", &error).isEmpty());
        QVERIFY(!workbench.reportProperties(R"({"firmware":"9.9.9"})", &error).isEmpty());
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Twin, u"accepted"_s));
        QVERIFY(workbench.twin()["reported"]["firmware"] == Json("9.9.9"));
        QVERIFY(
            m_monitor
                .waitFor(u"$fleet/twins/az-3/documents"_s,
                         [](const Json &twin) { return twin["reported"].value("firmware", "") == "9.9.9"; })
                .is_object());

        // An operator's change, as the gate passes it on.
        QVERIFY(m_hub.publish(u"$fleet/twins/az-3/update"_s, R"({"state":{"desired":{"led":"green"}}})"));
        const auto desired = log.waitFor(WorkbenchEvent::Kind::Desired);
        QVERIFY(desired);
        QCOMPARE(desired->direction, WorkbenchEvent::Direction::FromCloud);
        QVERIFY(parse(desired->payload)["led"] == Json("green"));
        QVERIFY(workbench.twin()["desired"]["led"] == Json("green"));
    }

    void receivesCloudMessagesAndSendsTelemetryWithProperties()
    {
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QString error;
        QVERIFY(signIn(workbench, log, u"az-1"_s));

        // As the gate delivers one.
        const QString bag = AzurePropertyBag::encode({{u"$.mid"_s, u"m-1"_s}, {u"kind"_s, u"a note"_s}});
        QVERIFY(m_hub.publish(u"devices/az-1/messages/devicebound/"_s + bag, "open the valve"));
        const auto message = log.waitFor(WorkbenchEvent::Kind::CloudMessage, u"m-1"_s);
        QVERIFY(message);
        QCOMPARE(message->payload, QByteArray("open the valve"));
        QVERIFY(message->properties.contains(qMakePair(u"kind"_s, u"a note"_s)));
        QVERIFY(message->properties.contains(qMakePair(u"$.mid"_s, u"m-1"_s)));

        QVERIFY(!workbench.sendTelemetry("x", {{QString(), u"v"_s}}, &error));
        QVERIFY2(workbench.sendTelemetry(R"({"temperature":21.5})",
                                         {{u"$.ct"_s, u"application/json"_s}, {u"alert"_s, u"a&b=c %"_s}},
                                         &error),
                 qPrintable(error));
        const auto sent = m_monitor.take(u"devices/az-1/messages/events/"_s);
        QVERIFY(sent);
        QCOMPARE(sent->payload(), QByteArray(R"({"temperature":21.5})"));
        const auto split =
            AzurePropertyBag::splitTopic(sent->topic(), AzurePropertyBag::Direction::DeviceToCloud);
        QVERIFY(split);
        const auto decoded = AzurePropertyBag::decode(split->second, &error);
        QVERIFY2(decoded, qPrintable(error));
        QVERIFY(decoded->system.contains(qMakePair(u"$.ct"_s, u"application/json"_s)));
        QVERIFY(decoded->application.contains(qMakePair(u"alert"_s, u"a&b=c %"_s)));
    }

    void renewsItsTokenBeforeItExpires()
    {
        // A four-second token is renewed after three; the plugin checks the expiry at every connect, so a
        // reconnect with the old one would be refused.
        WorkbenchIdentity shortLived = identity(u"az-1"_s);
        shortLived.tokenLifetimeSeconds = 4;
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QSignalSpy renewed(&workbench, &DeviceWorkbench::tokenRenewed);
        QString error;
        QVERIFY2(workbench.start(shortLived, &error), qPrintable(error));
        QSignalSpy connects(workbench.client(), &MqttClient::connected);
        QVERIFY(waitConnected(workbench));
        const QDateTime first = workbench.tokenExpiry();
        QVERIFY(renewed.wait(Timeout));
        QVERIFY(workbench.tokenExpiry() > first);
        // A second connection, with the new token: the plugin would refuse an expired one.
        QTRY_VERIFY_WITH_TIMEOUT(connects.size() >= 2, Timeout);
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Connection, u"reconnecting"_s));
        QVERIFY(waitConnected(workbench));
        // Past the first token's end, still connected and answering.
        QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(first)) + 500);
        QVERIFY(waitConnected(workbench));
        QVERIFY(!workbench.requestTwin(&error).isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::count_if(log.events->cbegin(), log.events->cend(), [](const WorkbenchEvent &e) {
                           return e.kind == WorkbenchEvent::Kind::Twin && e.summary.contains(u"200"_s);
                       }) >= 2;
            },
            Timeout));
        const bool refused =
            std::any_of(log.events->cbegin(), log.events->cend(),
                        [](const WorkbenchEvent &e) { return e.kind == WorkbenchEvent::Kind::Problem; });
        QVERIFY(!refused);
    }

    void signsInWithATokenAndRefusesAnExpiredOne()
    {
        WorkbenchIdentity withToken = identity(u"az-2"_s);
        const QString token = m_stack.azureToken(u"az-2"_s, 600);
        withToken.connectionString = connectionString(u"az-2"_s, u"SharedAccessSignature="_s + token);
        DeviceWorkbench workbench;
        QString error;
        QVERIFY2(workbench.start(withToken, &error), qPrintable(error));
        QVERIFY(waitConnected(workbench));
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(workbench.tokenExpiry()) - 600) < 60);
        workbench.stop();

        withToken.connectionString =
            connectionString(u"az-2"_s, u"SharedAccessSignature="_s + m_stack.azureToken(u"az-2"_s, -60));
        QVERIFY(!workbench.start(withToken, &error));
        QVERIFY2(error.contains(u"expired"_s), qPrintable(error));
        QCOMPARE(workbench.state(), MqttClient::State::Disconnected);

        // Another device's key: the broker refuses it, and the workbench says so.
        WorkbenchIdentity wrongKey = identity(u"az-1"_s);
        wrongKey.connectionString =
            connectionString(u"az-1"_s, u"SharedAccessKey="_s + m_stack.azureKey(u"az-2"_s));
        EventLog log(workbench);
        QVERIFY2(workbench.start(wrongKey, &error), qPrintable(error));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Problem));
        QVERIFY(workbench.state() != MqttClient::State::Connected);
        workbench.stop();

        WorkbenchIdentity malformed = identity(u"az-1"_s);
        malformed.connectionString = u"HostName=x;DeviceId=+;SharedAccessKey=abc"_s;
        QVERIFY(!workbench.start(malformed, &error));
        QVERIFY(!error.isEmpty());
    }

    void readsHostileMessagesWithoutKeepingThem()
    {
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QString error;
        QVERIFY(signIn(workbench, log, u"az-3"_s));
        const Json before = workbench.twin();

        // Only the hub's account may write where the plugin hands messages to one device.
        const QString to = u"$fleet/iothub-to/az-3/"_s;
        QVERIFY(m_hub.publish(to + u"methods/POST/huge/?$rid=h1"_s,
                              QByteArray(DeviceWorkbench::MaxMessageBytes + 1, 'x')));
        QVERIFY(
            log.waitFor(WorkbenchEvent::Kind::Problem, QString::number(DeviceWorkbench::MaxMessageBytes)));
        QVERIFY(workbench.pendingMethods().isEmpty());

        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        QVERIFY(m_hub.publish(to + u"twin/PATCH/properties/desired/?$version=99"_s, deep));
        QVERIFY(m_hub.publish(to + u"twin/res/200/?$rid=never-asked"_s, "not json"));
        QVERIFY(m_hub.publish(to + u"methods/POST/no-rid"_s, "{}"));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Message, u"does not use"_s)); // read, and taken for nothing
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Problem, u"JSON"_s));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Twin, u"never-asked"_s));
        QVERIFY(workbench.twin() == before);
        QVERIFY(workbench.pendingMethods().isEmpty());
        // The log keeps at most its bound of any payload.
        for (const WorkbenchEvent &e : *log.events)
            QVERIFY(e.payload.size() <= WorkbenchEvent::MaxPayloadBytes);

        // A hundred and one calls nobody answers: the oldest is given up, said so.
        for (int k = 0; k <= DeviceWorkbench::MaxPendingMethods; ++k)
            QVERIFY(m_hub.publish(to + u"methods/POST/m/?$rid=r%1"_s.arg(k), "{}", 0));
        QVERIFY(QTest::qWaitFor(
            [&] { return log.waitFor(WorkbenchEvent::Kind::Problem, u"r0"_s, 0).has_value(); }, Timeout));
        QCOMPARE(workbench.pendingMethods().size(), DeviceWorkbench::MaxPendingMethods);
        QCOMPARE(workbench.pendingMethods().constFirst().rid, u"r1"_s);
    }

    void actsAsAnAwsThingWithItsCertificate()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.tls = MosquittoBroker::Tls::Mutual;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QString thing = u"thing-7"_s;

        fleet::BrokerProfile cloudProfile;
        cloudProfile.url = QUrl(broker.url());
        cloudProfile.clientId = u"cloud"_s;
        cloudProfile.caFile = broker.caFile();
        cloudProfile.certificateFile = broker.clientCertFile();
        cloudProfile.keyFile = broker.clientKeyFile();
        auto cloud = Peer::connect(cloudProfile, {},
                                   {u"$aws/things/thing-7/shadow/update"_s,
                                    u"$aws/commands/things/thing-7/executions/+/response/#"_s});
        QVERIFY(cloud);

        WorkbenchIdentity identity;
        identity.kind = WorkbenchIdentity::Kind::AwsThing;
        identity.endpoint = QUrl(broker.url());
        identity.thingName = thing;
        identity.caFile = broker.caFile();
        identity.certificateFile = broker.clientCertFile();
        identity.keyFile = broker.clientKeyFile();
        QVERIFY2(identity.validate().isEmpty(), qPrintable(identity.validate()));
        DeviceWorkbench workbench;
        EventLog log(workbench);
        QString error;
        QVERIFY2(workbench.start(identity, &error), qPrintable(error));
        QVERIFY(waitConnected(workbench));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto subscriptions = workbench.client()->subscriptions();
                return std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
                    return s.state == MqttClient::SubscriptionState::Granted;
                });
            },
            Timeout));

        QVERIFY(cloud->publish(u"$aws/things/thing-7/shadow/update/delta"_s,
                               R"({"state":{"led":"on"},"version":3})"));
        QVERIFY(log.waitFor(WorkbenchEvent::Kind::Shadow, u"update/delta"_s));
        QVERIFY(!workbench.reportShadow({}, "[]", &error));
        QVERIFY(workbench.reportShadow({}, R"({"led":"on"})", &error));
        const auto report = cloud->take(u"$aws/things/thing-7/shadow/update"_s);
        QVERIFY(report);
        QVERIFY(parse(report->payload()) == Json({{"state", {{"reported", {{"led", "on"}}}}}}));

        QVERIFY(cloud->publish(u"$aws/commands/things/thing-7/executions/e-1/request/json"_s,
                               R"({"action":"reboot"})"));
        const auto request = log.waitFor(WorkbenchEvent::Kind::Command, u"e-1"_s);
        QVERIFY(request);
        const auto [topic, body] = DeviceWorkbench::replyFor(*request);
        QCOMPARE(topic, u"$aws/commands/things/thing-7/executions/e-1/response/json"_s);
        QVERIFY(parse(body)["status"] == Json("SUCCEEDED"));
        QVERIFY(!workbench.publish(u"bad/+/topic"_s, body, 1, &error));
        QVERIFY(workbench.publish(topic, body, 1, &error));
        const auto reply = cloud->take(topic);
        QVERIFY(reply);
        QCOMPARE(reply->payload(), body);

        // Without its certificate the broker does not let the thing in.
        identity.certificateFile.clear();
        identity.keyFile.clear();
        DeviceWorkbench stranger;
        EventLog strangerLog(stranger);
        QVERIFY2(stranger.start(identity, &error), qPrintable(error));
        QVERIFY(strangerLog.waitFor(WorkbenchEvent::Kind::Problem));
        QVERIFY(stranger.state() != MqttClient::State::Connected);
        stranger.stop();

        // An Azure device with x509=true presents its certificate (to IoT Hub itself; the fleet_iothub
        // plugin takes SAS tokens only): this broker lets it in only with one, and it signs in as IoT Hub
        // expects, with no password.
        WorkbenchIdentity x509;
        x509.kind = WorkbenchIdentity::Kind::Azure;
        x509.connectionString =
            u"HostName=myhub.azure-devices.net;DeviceId=cert-dev;x509=true;GatewayHostName=127.0.0.1:%1"_s
                .arg(broker.port());
        x509.caFile = broker.caFile();
        x509.certificateFile = broker.clientCertFile();
        x509.keyFile = broker.clientKeyFile();
        DeviceWorkbench withCertificate;
        QVERIFY2(withCertificate.start(x509, &error), qPrintable(error));
        QVERIFY(waitConnected(withCertificate));
        QCOMPARE(withCertificate.client()->profile().username,
                 u"myhub.azure-devices.net/cert-dev/?api-version=2021-04-12"_s);
        QVERIFY(!withCertificate.tokenExpiry().isValid()); // no token to renew
        withCertificate.stop();
    }

private:
    // Signed in as device, with its twin got: from then on, what the cloud sends it arrives.
    bool signIn(DeviceWorkbench &workbench, const EventLog &log, const QString &device) const
    {
        QString error;
        if (!workbench.start(identity(device), &error)) {
            qWarning() << error;
            return false;
        }
        return waitConnected(workbench) && log.waitFor(WorkbenchEvent::Kind::Twin, u"200"_s).has_value();
    }

    QString connectionString(const QString &device, const QString &credential) const
    {
        return u"HostName=%1;DeviceId=%2;%3;GatewayHostName=127.0.0.1:%4"_s.arg(
            m_stack.azureHostName(), device, credential, QString::number(m_stack.broker().port()));
    }

    WorkbenchIdentity identity(const QString &device) const
    {
        WorkbenchIdentity identity;
        identity.kind = WorkbenchIdentity::Kind::Azure;
        identity.name = device;
        identity.connectionString =
            connectionString(device, u"SharedAccessKey="_s + m_stack.azureKey(device));
        identity.caFile = m_stack.broker().caFile();
        return identity;
    }

    fleet::test::SecuredBroker m_stack;
    Peer m_monitor;
    Peer m_alice;
    Peer m_hub;
    int m_requests = 0;
};

QTEST_GUILESS_MAIN(TestDeviceWorkbench)
#include "tst_deviceworkbench.moc"
