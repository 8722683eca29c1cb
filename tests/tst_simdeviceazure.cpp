// fleet-sim's Azure IoT Hub devices (SimConfig::Kind::Azure) on a real mosquitto that loads the fleet_iothub
// plugin, served by a real fleet-hub: their keys from the accounts file provisioning writes, the refusal to
// start without one, the twin (reported at start, desired changes applied and reported back, desired set
// while offline applied at connect), direct methods called as an operator (200 with the result and the
// state reported, 400, 404 and reboot through the gate, the faults' 500 and silence), cloud-to-device
// messages in the execution log and the twin, and telemetry and logs as device-to-cloud messages whose
// property bags decode. The devices run in this process; the test watches from the wire as monitor and calls
// as alice (bob approves what the gate holds).

#include "common/json.h"
#include "dialects/azurepropertybag.h"
#include "executionlog.h"
#include "mqtt/mqttclient.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simfleet.h"
#include "testutil.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using fleet::AzurePropertyBag;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::ExecutionLog;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::sim::SimFleet;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;
constexpr int AzureDevices = 11;

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

using Peer = fleet::test::MqttPeer;

QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    lines.removeAll(QString());
    return lines;
}

// Whether an execution log line is device's, with tid and command.
bool logged(const QStringList &lines, const QString &device, const QString &tid, const QString &command)
{
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
        const QStringList fields = line.split(u'\t');
        return fields.size() == 4 && fields.at(1) == device && fields.at(2) == tid && fields.at(3) == command;
    });
}

} // namespace

class TestSimDeviceAzure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_stack.start(1, &error, AzureDevices), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        auto monitor =
            m_stack.peer(u"monitor"_s, {u"#"_s, u"$fleet/twins/#"_s, u"$fleet/iothub-presence/#"_s});
        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        auto bob = m_stack.peer(u"bob"_s, {u"fleet/gate/approvals/alice/#"_s});
        auto hub = m_stack.peer(u"hub"_s, {u"$fleet/twins/+/update/#"_s});
        QVERIFY(monitor && alice && bob && hub);
        m_monitor = std::move(*monitor);
        m_alice = std::move(*alice);
        m_bob = std::move(*bob);
        m_hub = std::move(*hub);
        QVERIFY2(m_log.open(m_dir.filePath(u"exec.log"_s), &error), qPrintable(error));

        m_config.devices = AzureDevices;
        m_config.azureShare = 1;
        m_config.telemetryIntervalMs = 0;
        m_config.latencyMinMs = 0;
        m_config.latencyMaxMs = 5;
        m_config.setPositionMs = 300;
        m_config.rebootOfflineMs = 500;
        QVERIFY2(m_config.validate().isEmpty(), qPrintable(m_config.validate()));

        const auto credentials = SimFleet::readCredentials(m_stack.accountsFile(), &error);
        QVERIFY2(credentials, qPrintable(error));
        m_credentials = *credentials;
    }

    void cleanupTestCase()
    {
        m_devices.clear();
        if (m_stack.hub().isRunning())
            QVERIFY(m_stack.hub().stop());
    }

    void keysComeFromTheAccountsFile()
    {
        // What `fleet-hub provision --azure-devices` wrote: every key, the host name, and the device account
        // beside them.
        QCOMPARE(m_credentials.azureHostName, m_stack.azureHostName());
        QCOMPARE(m_credentials.azureKeys.size(), AzureDevices);
        for (int k = 1; k <= AzureDevices; ++k) {
            const QString id = u"az-%1"_s.arg(k);
            QCOMPARE(QString::fromLatin1(m_credentials.azureKeys.value(id)), m_stack.azureKey(id));
        }
        QCOMPARE(m_credentials.passwords.value(u"dev-1"_s), m_stack.password(u"dev-1"_s));
        QVERIFY(!m_credentials.passwords.contains(u"az-1"_s)); // an Azure device has no password account

        // A file with connection strings only: the key and the host name come from them.
        QFile file(m_dir.filePath(u"strings.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QString key = m_stack.azureKey(u"az-2"_s);
        file.write(fleet::compactJsonBytes(
            {{"azureDevices",
              {{{"deviceId", "az-2"},
                {"connectionString",
                 u"HostName=hub.example;DeviceId=az-2;SharedAccessKey=%1"_s.arg(key).toStdString()}}}}}));
        file.close();
        QString error;
        auto fromStrings = SimFleet::readCredentials(file.fileName(), &error);
        QVERIFY2(fromStrings, qPrintable(error));
        QCOMPARE(fromStrings->azureHostName, u"hub.example"_s);
        QCOMPARE(QString::fromLatin1(fromStrings->azureKeys.value(u"az-2"_s)), key);
        // ... but no device accounts, which readDeviceAccounts() needs.
        QVERIFY(!SimFleet::readDeviceAccounts(file.fileName(), &error));
    }

    void startRefusesAnAzureDeviceWithoutAKey()
    {
        SimConfig config;
        config.devices = 4;
        config.azureShare = 0.5; // dev-1, dev-2, az-1, az-2
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QString error;
        {
            // No accounts file at all: the shared account does for dev-*, nothing does for az-*.
            SimFleet fleet(config, profile());
            QVERIFY(!fleet.start(&error));
            QVERIFY2(error.contains(u"az-1"_s) && error.contains(u"--accounts"_s), qPrintable(error));
            QCOMPARE(fleet.deviceCount(), 0);
        }
        {
            SimFleet::Credentials partial = m_credentials;
            partial.azureKeys.remove(u"az-2"_s);
            partial.passwords.insert(u"dev-2"_s, u"secret"_s);
            SimFleet fleet(config, profile());
            fleet.setDeviceCredentials(partial);
            error.clear();
            QVERIFY(!fleet.start(&error));
            QVERIFY2(error.contains(u"az-2"_s), qPrintable(error));
            QCOMPARE(fleet.deviceCount(), 0);
        }
        {
            // A file of Azure devices only: the ordinary devices have no account in it.
            SimFleet::Credentials azureOnly = m_credentials;
            azureOnly.passwords.clear();
            SimFleet fleet(config, profile());
            fleet.setDeviceCredentials(azureOnly);
            error.clear();
            QVERIFY(!fleet.start(&error));
            QVERIFY2(error.contains(u"dev-1"_s), qPrintable(error));
        }
    }

    void connectsAsAnAzureDeviceAndReportsItsState()
    {
        SimDevice &device = newDevice(1);
        QCOMPARE(device.kind(), SimConfig::Kind::Azure);
        QCOMPARE(device.id(), u"az-1"_s);
        // As Microsoft's SDK connects.
        const BrokerProfile &profile = device.client()->profile();
        QCOMPARE(profile.protocolVersion, BrokerProfile::ProtocolVersion::Mqtt311);
        QVERIFY(!profile.cleanStart);
        QCOMPARE(profile.clientId, u"az-1"_s);
        QCOMPARE(profile.username, m_stack.azureHostName() + u"/az-1/?api-version=2021-04-12"_s);
        QStringList filters;
        for (const MqttClient::Subscription &subscription : device.client()->subscriptions())
            filters << subscription.filter;
        QCOMPARE(filters, (QStringList{u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                                       u"$iothub/twin/PATCH/properties/desired/#"_s,
                                       u"devices/az-1/messages/devicebound/#"_s}));

        QVERIFY(startAndWait(device));
        // The plugin says it is there; the device itself publishes no presence of its own.
        QVERIFY(m_monitor
                    .waitFor(u"$fleet/iothub-presence/az-1"_s,
                             [](const Json &p) { return p.value("connected", false); })
                    .is_object());
        const Json document = m_monitor.waitFor(u"$fleet/twins/az-1/documents"_s, [](const Json &twin) {
            return twin["reported"].contains("firmware");
        });
        QVERIFY2(document.is_object(), "no reported state in the twin");
        const Json &reported = document["reported"];
        QVERIFY(reported["firmware"] == Json("1.0.0"));
        QVERIFY(reported["led"] == Json("off"));
        QVERIFY(reported["message"] == Json("ready"));
        QVERIFY(reported["motor"] == Json("off"));
        QVERIFY(reported["position"] == Json(0));
        QVERIFY(reported["telemetryIntervalMs"] == Json(0));
        QVERIFY(!reported.contains("groups"));
        QCOMPARE(m_monitor.count(u"presence/az-1"_s), 0);
        QCOMPARE(m_monitor.count(u"$aws/things/az-1/"_s), 0);

        // A lost connection comes back, with a token of its own.
        QSignalSpy online(&device, &SimDevice::onlineChanged);
        device.client()->abortConnection();
        QTRY_VERIFY_WITH_TIMEOUT(online.size() >= 2 && device.isOnline(), Timeout);
    }

    void desiredChangesAreAppliedAndReportedBack()
    {
        SimDevice &device = newDevice(2);
        QVERIFY(startAndWait(device));
        QVERIFY(m_monitor
                    .waitFor(u"$fleet/twins/az-2/documents"_s,
                             [](const Json &twin) { return twin["reported"].contains("firmware"); })
                    .is_object());

        QVERIFY(m_hub.publish(u"$fleet/twins/az-2/update"_s,
                              R"({"state":{"desired":{"telemetryIntervalMs":2500,"led":"blue","fan":3}}})"));
        const Json closed = m_monitor.waitFor(u"$fleet/twins/az-2/documents"_s, [](const Json &twin) {
            return twin["reported"].value("telemetryIntervalMs", 0) == 2500;
        });
        QVERIFY2(closed.is_object(), "the desired change was not reported back");
        // The difference is closed for what the device supports; the rest stays desired only.
        QVERIFY(closed["desired"]["telemetryIntervalMs"] == closed["reported"]["telemetryIntervalMs"]);
        QVERIFY(closed["reported"]["led"] == Json("blue"));
        QVERIFY(!closed["reported"].contains("fan"));
        QCOMPARE(device.telemetryIntervalMs(), 2500);
        QCOMPARE(device.led(), u"blue"_s);

        // An invalid value is not applied.
        QVERIFY(m_hub.publish(u"$fleet/twins/az-2/update"_s,
                              R"({"state":{"desired":{"telemetryIntervalMs":5,"motor":"on"}}})"));
        QTRY_VERIFY_WITH_TIMEOUT(device.motorOn(), Timeout);
        QCOMPARE(device.telemetryIntervalMs(), 2500);

        // Desired state set while the device was away is applied when it connects (its twin GET).
        QVERIFY(m_hub.publish(u"$fleet/twins/az-3/update"_s, R"({"state":{"desired":{"led":"green"}}})"));
        QVERIFY(m_hub.take(u"$fleet/twins/az-3/update/accepted"_s));
        SimDevice &late = newDevice(3);
        QVERIFY(startAndWait(late));
        QTRY_COMPARE_WITH_TIMEOUT(late.led(), u"green"_s, Timeout);
        QVERIFY(m_monitor
                    .waitFor(u"$fleet/twins/az-3/documents"_s,
                             [](const Json &twin) { return twin["reported"].value("led", "") == "green"; })
                    .is_object());
    }

    void directMethodsAnswerAsTheCatalogSays()
    {
        SimDevice &device = newDevice(4);
        QVERIFY(startAndWait(device));

        Json answer = invoke(u"az-4"_s, u"set_led"_s, {{"color", "red"}});
        QVERIFY2(answer["status"] == Json(200), answer.dump().c_str());
        QVERIFY(answer["payload"] == Json::parse(R"({"led":"red"})"));
        QCOMPARE(device.led(), u"red"_s);
        QVERIFY(m_monitor
                    .waitFor(u"$fleet/twins/az-4/documents"_s,
                             [](const Json &twin) { return twin["reported"].value("led", "") == "red"; })
                    .is_object());

        answer = invoke(u"az-4"_s, u"show_message"_s, {{"text", "hello"}});
        QVERIFY2(answer["status"] == Json(200), answer.dump().c_str());
        QCOMPARE(device.message(), u"hello"_s);
        answer = invoke(u"az-4"_s, u"motor_on"_s, nullptr);
        QVERIFY2(answer["payload"] == Json::parse(R"({"motor":"on"})"), answer.dump().c_str());

        // Bad parameters: 400 with a reason, and nothing runs.
        const qint64 executed = device.commandsExecuted();
        answer = invoke(u"az-4"_s, u"set_led"_s, Json::object());
        QVERIFY2(answer["status"] == Json(400), answer.dump().c_str());
        QVERIFY(answer["payload"]["message"].get<std::string>().find("color") != std::string::npos);
        answer = invoke(u"az-4"_s, u"set_telemetry_interval"_s, {{"ms", 5}});
        QVERIFY2(answer["status"] == Json(400), answer.dump().c_str());
        QCOMPARE(device.commandsExecuted(), executed);
        QCOMPARE(device.led(), u"red"_s);

        // A method the catalog does not name goes through the gate; the device does not know it either.
        answer = invokeApproved(u"az-4"_s, u"frobnicate"_s, Json::object());
        QVERIFY2(answer["status"] == Json(404), answer.dump().c_str());
        QVERIFY(answer["payload"]["message"].get<std::string>().find("frobnicate") != std::string::npos);

        // Every method run is in the execution log, its rid as the tid; none of the refused ones.
        const QStringList lines = linesOf(m_dir.filePath(u"exec.log"_s));
        const auto commandsOf = [&](const QString &command) {
            return std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
                return line.section(u'\t', 1, 1) == u"az-4"_s && line.section(u'\t', 3, 3) == command;
            });
        };
        QCOMPARE(commandsOf(u"set_led"_s), 1);
        QCOMPARE(commandsOf(u"show_message"_s), 1);
        QCOMPARE(commandsOf(u"frobnicate"_s), 0);
    }

    void rebootAnswersThenDropsOffForAWhile()
    {
        SimDevice &device = newDevice(5);
        QVERIFY(startAndWait(device));
        QSignalSpy online(&device, &SimDevice::onlineChanged);
        const Json answer = invokeApproved(u"az-5"_s, u"reboot"_s, Json::object());
        QVERIFY2(answer["status"] == Json(200), answer.dump().c_str());
        QVERIFY(answer["payload"] == Json::parse(R"({"rebooting":true})"));
        QTRY_VERIFY_WITH_TIMEOUT(online.size() >= 2, Timeout);
        QCOMPARE(online.at(0).first().toBool(), false);
        QCOMPARE(online.at(1).first().toBool(), true);
        QVERIFY(device.isOnline());
    }

    void setPositionAnswersWhenItGetsThere()
    {
        SimDevice &device = newDevice(6);
        QVERIFY(startAndWait(device));
        const Json answer = invokeApproved(u"az-6"_s, u"set_position"_s, {{"position", 40}});
        QVERIFY2(answer["status"] == Json(200), answer.dump().c_str());
        QVERIFY(answer["payload"] == Json::parse(R"({"position":40})"));
        QCOMPARE(device.position(), 40);
    }

    void faultsFailAndSilenceMethods()
    {
        SimConfig failing = m_config;
        failing.failureRate = 1;
        SimDevice &broken = newDevice(7, failing);
        QVERIFY(startAndWait(broken));
        Json answer = invoke(u"az-7"_s, u"set_led"_s, {{"color", "red"}});
        QVERIFY2(answer["status"] == Json(500), answer.dump().c_str());
        QVERIFY(answer["payload"]["message"] == Json("simulated failure"));
        QCOMPARE(broken.led(), u"off"_s);

        SimConfig dying = m_config;
        dying.silentDeathRate = 1;
        SimDevice &silent = newDevice(8, dying);
        QVERIFY(startAndWait(silent));
        answer = invoke(u"az-8"_s, u"set_led"_s, {{"color", "red"}}, 5);
        QVERIFY2(answer["status"] == Json(504), answer.dump().c_str());
        QCOMPARE(silent.led(), u"off"_s);
        // It ran, as far as the log is concerned: it started and was never heard of again.
        QCOMPARE(silent.commandsExecuted(), 1);
    }

    void cloudToDeviceMessagesAreLoggedAndReported()
    {
        SimDevice &device = newDevice(9);
        QVERIFY(startAndWait(device));
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        QVERIFY(m_hub.publish(u"devices/az-9/messages/devicebound/%24.mid=c2d-1&note=hi"_s, "hello"));
        QTRY_COMPARE_WITH_TIMEOUT(executed.size(), 1, Timeout);
        QCOMPARE(executed.first().at(0).toString(), u"c2d-1"_s);
        QCOMPARE(executed.first().at(1).toString(), u"cloud_to_device"_s);
        QVERIFY(logged(linesOf(m_dir.filePath(u"exec.log"_s)), u"az-9"_s, u"c2d-1"_s, u"cloud_to_device"_s));
        const Json document = m_monitor.waitFor(u"$fleet/twins/az-9/documents"_s, [](const Json &twin) {
            return twin["reported"].contains("lastCloudMessage");
        });
        QVERIFY2(document.is_object(), "lastCloudMessage was not reported");
        QVERIFY(document["reported"]["lastCloudMessage"]["id"] == Json("c2d-1"));
        QVERIFY(document["reported"]["lastCloudMessage"]["at"].is_string());

        // The same message again (a redelivery) is handled once; another one is not.
        QVERIFY(m_hub.publish(u"devices/az-9/messages/devicebound/%24.mid=c2d-1&note=hi"_s, "hello"));
        QVERIFY(m_hub.publish(u"devices/az-9/messages/devicebound/%24.mid=c2d-2"_s, "again"));
        QTRY_COMPARE_WITH_TIMEOUT(executed.size(), 2, Timeout);
        QCOMPARE(executed.at(1).at(0).toString(), u"c2d-2"_s);
        QTest::qWait(300);
        QCOMPARE(executed.size(), 2);
    }

    void telemetryAndLogsAreDeviceToCloudMessages()
    {
        SimConfig chatty = m_config;
        chatty.telemetryIntervalMs = 200;
        SimDevice &device = newDevice(10, chatty);
        QVERIFY(startAndWait(device));
        const auto telemetry = m_monitor.take(u"devices/az-10/messages/events/"_s);
        QVERIFY(telemetry);
        const auto split =
            AzurePropertyBag::splitTopic(telemetry->topic(), AzurePropertyBag::Direction::DeviceToCloud);
        QVERIFY(split);
        QCOMPARE(split->first, u"az-10"_s);
        QString error;
        const auto bag = AzurePropertyBag::decode(split->second, &error);
        QVERIFY2(bag, qPrintable(error));
        QVERIFY(bag->system.contains({u"$.ct"_s, u"application/json"_s}));
        QVERIFY(bag->system.contains({u"$.ce"_s, u"utf-8"_s}));
        QCOMPARE(bag->application, (QList<QPair<QString, QString>>{{u"kind"_s, u"telemetry"_s}}));
        const Json sample = parse(telemetry->payload());
        for (const char *key : {"ts", "temperature", "humidity", "battery"})
            QVERIFY2(sample.contains(key), key);

        // upload_log sends its text the same way, and answers with its size.
        const Json answer = invoke(u"az-10"_s, u"upload_log"_s, nullptr);
        QVERIFY2(answer["status"] == Json(200), answer.dump().c_str());
        std::optional<MqttMessage> upload;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const MqttMessage &m : std::as_const(*m_monitor.seen)) {
                    if (m.topic().startsWith(u"devices/az-10/messages/events/"_s) &&
                        m.topic().contains(u"kind=log"_s))
                        upload = m;
                }
                return upload.has_value();
            },
            Timeout));
        QVERIFY(answer["payload"]["bytes"] == Json(upload->payload().size()));
        QVERIFY(upload->payload().contains("az-10"));
    }

    void aRefusedTokenIsReplacedAtTheNextAttempt()
    {
        // Signed with another device's key, the token is refused; the device says so once and keeps trying,
        // each attempt with a token signed anew, so that the right key gets it in.
        SimDevice &device = newDevice(11);
        device.setAzureKey(m_credentials.azureHostName, m_credentials.azureKeys.value(u"az-1"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^az-11 was refused .*new SAS token"_s));
        device.start();
        QTest::qWait(1500);
        QVERIFY(!device.isOnline());
        device.setAzureKey(m_credentials.azureHostName, m_credentials.azureKeys.value(u"az-11"_s));
        QTRY_VERIFY_WITH_TIMEOUT(device.isOnline(), Timeout);
    }

private:
    BrokerProfile profile() const { return m_stack.profileFor(u"unused"_s, u"unused"_s); }

    // Device n of the fleet (az-n), keyed from the accounts file; config must outlive the test.
    SimDevice &newDevice(int n, const SimConfig &config)
    {
        m_configs.push_back(std::make_unique<SimConfig>(config));
        auto device = std::make_unique<SimDevice>(n, *m_configs.back(), profile(), &m_log);
        device->setAzureKey(m_credentials.azureHostName, m_credentials.azureKeys.value(device->id()));
        m_devices.push_back(std::move(device));
        return *m_devices.back();
    }
    SimDevice &newDevice(int n) { return newDevice(n, m_config); }

    // Connected, every subscription granted: a method called from now on reaches it.
    static bool startAndWait(SimDevice &device)
    {
        device.start();
        return QTest::qWaitFor(
            [&] {
                const auto subscriptions = device.client()->subscriptions();
                return device.isOnline() &&
                       std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
                           return s.state == MqttClient::SubscriptionState::Granted;
                       });
            },
            Timeout);
    }

    static Json request(const QString &device, const QString &method, const Json &payload, int timeoutS)
    {
        Json body{{"deviceId", device.toStdString()},
                  {"methodName", method.toStdString()},
                  {"responseTimeoutInSeconds", timeoutS}};
        if (!payload.is_null())
            body["payload"] = payload;
        return body;
    }

    // The result of alice's call requestId, as fleet-hub answers it; null when none came.
    Json result(const QString &requestId, int timeoutMs)
    {
        return m_alice.waitFor(
            u"fleet/azure-methods/results/alice"_s,
            [&](const Json &body) { return body.value("requestId", "") == requestId.toStdString(); },
            timeoutMs);
    }

    // A method called by alice straight through fleet-hub (the catalog's ordinary commands).
    Json invoke(const QString &device, const QString &method, const Json &payload, int timeoutS = 10)
    {
        const QString id = u"sim%1"_s.arg(++m_requests);
        if (!m_alice.publish(u"fleet/azure-methods/invoke/alice/"_s + id,
                             fleet::compactJsonBytes(request(device, method, payload, timeoutS))))
            return {};
        return result(id, (timeoutS + 5) * 1000);
    }

    // A method the gate holds (sensitive, or not in the catalog): submitted by alice, approved by bob.
    Json invokeApproved(const QString &device, const QString &method, const Json &payload)
    {
        const QString id = u"sim%1"_s.arg(++m_requests);
        if (!m_alice.publish(u"fleet/gate/submit/alice/fleet/azure-methods/invoke/alice/"_s + id,
                             fleet::compactJsonBytes(request(device, method, payload, 10))))
            return {};
        const auto approval = m_bob.take(u"fleet/gate/approvals/alice/"_s + id);
        if (!approval)
            return {};
        const Json record = parse(approval->payload());
        if (!m_bob.publish(
                u"fleet/gate/decisions/alice/%1/bob"_s.arg(id),
                fleet::compactJsonBytes({{"decision", "approve"}, {"digest", record.value("digest", "")}})))
            return {};
        return result(id, 20000);
    }

    fleet::test::SecuredBroker m_stack;
    QTemporaryDir m_dir;
    ExecutionLog m_log;
    SimConfig m_config;
    SimFleet::Credentials m_credentials;
    Peer m_monitor;
    Peer m_alice;
    Peer m_bob;
    Peer m_hub;
    std::vector<std::unique_ptr<SimConfig>> m_configs; // before the devices, which refer to them
    std::vector<std::unique_ptr<SimDevice>> m_devices;
    int m_requests = 0;
};

QTEST_GUILESS_MAIN(TestSimDeviceAzure)
#include "tst_simdeviceazure.moc"
