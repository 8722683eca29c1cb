// SimFleet against a real mosquitto: a fleet comes online (allOnline, onlineCount, retained presence on the
// wire), stops (stopped, every presence "offline"), stops in the middle of its paced start-up, refuses to
// start with a bad configuration or execution log, and runs devices of every kind under their own ids.

#include "brokerobserver.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simfleet.h"

#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::sim::SimFleet;
using fleet::test::MosquittoBroker;

namespace {

constexpr int Timeout = 15000;

// The last presence payload of every device seen on the wire.
class PresenceWatcher final : public fleet::test::BrokerObserver
{
public:
    using BrokerObserver::BrokerObserver;

    bool start(const QString &filter) { return connect() && subscribe(filter); }

    // How many devices' last word was payload.
    int saying(const QByteArray &payload) const { return BrokerObserver::saying({}, payload); }
    qsizetype devices() const { return lastPayloads().size(); }
    int messageCount() const { return int(messages().size()); }
};

} // namespace

class TestSimFleet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        m_broker = std::make_unique<MosquittoBroker>(quietBroker());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void fleetComesOnlineAndStops()
    {
        SimConfig config = configFor(50);
        config.telemetryIntervalMs = 0;
        PresenceWatcher live(*m_broker);
        QVERIFY(live.start(u"%1/presence/+"_s.arg(config.prefix)));

        SimFleet fleet(config, profile());
        QCOMPARE(fleet.deviceCount(), 0);
        QSignalSpy allOnline(&fleet, &SimFleet::allOnline);
        QSignalSpy counts(&fleet, &SimFleet::onlineCountChanged);
        QString error;
        QVERIFY2(fleet.start(&error), qPrintable(error));
        QCOMPARE(fleet.deviceCount(), 50);
        QVERIFY(fleet.device(0) == nullptr);
        QVERIFY(fleet.device(51) == nullptr);
        QCOMPARE(fleet.device(1)->id(), config.prefix + u"-1"_s);
        QCOMPARE(fleet.device(50)->id(), config.prefix + u"-50"_s);
        QCOMPARE(fleet.config().devices, 50);

        QTRY_COMPARE_WITH_TIMEOUT(allOnline.size(), 1, Timeout);
        QCOMPARE(fleet.onlineCount(), 50);
        QCOMPARE(counts.last().first().toInt(), 50);
        for (int n = 1; n <= 50; ++n)
            QVERIFY(fleet.device(n)->isOnline());
        QTRY_COMPARE_WITH_TIMEOUT(live.saying("online"_ba), 50, Timeout);
        QCOMPARE(live.devices(), 50);

        QSignalSpy stopped(&fleet, &SimFleet::stopped);
        fleet.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QCOMPARE(fleet.onlineCount(), 0);
        QCOMPARE(allOnline.size(), 1);
        for (int n = 1; n <= 50; ++n)
            QCOMPARE(fleet.device(n)->client()->state(), MqttClient::State::Disconnected);
        QTRY_COMPARE_WITH_TIMEOUT(live.saying("offline"_ba), 50, Timeout);
        // Each said "offline" once: the clean DISCONNECT after it discards the Will, so the broker must not
        // publish that as well.
        QTest::qWait(300);
        QCOMPARE(live.messageCount(), 100);

        // Retained: someone looking later sees every device offline.
        PresenceWatcher late(*m_broker);
        QVERIFY(late.start(u"%1/presence/+"_s.arg(config.prefix)));
        QTRY_COMPARE_WITH_TIMEOUT(late.devices(), 50, Timeout);
        QCOMPARE(late.saying("offline"_ba), 50);
        // A second stop changes nothing.
        fleet.stop();
        QTest::qWait(100);
        QCOMPARE(stopped.size(), 1);
    }

    void stopDuringStartUp()
    {
        SimConfig config = configFor(50);
        config.connectsPerSecond = 20; // 2.5 s to start them all; the stop comes long before
        PresenceWatcher live(*m_broker);
        QVERIFY(live.start(u"%1/presence/+"_s.arg(config.prefix)));
        SimFleet fleet(config, profile());
        QSignalSpy allOnline(&fleet, &SimFleet::allOnline);
        QString error;
        QVERIFY2(fleet.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(fleet.onlineCount() >= 2, Timeout);
        QSignalSpy stopped(&fleet, &SimFleet::stopped);
        fleet.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QCOMPARE(fleet.onlineCount(), 0);
        QCOMPARE(allOnline.size(), 0);
        QTest::qWait(300);
        const int seen = int(live.devices());
        QVERIFY2(seen >= 2 && seen < 50, QByteArray::number(seen).constData());
        QTRY_COMPARE_WITH_TIMEOUT(live.saying("offline"_ba), seen, Timeout);
        // The devices not started by then never connect.
        QTest::qWait(500);
        QCOMPARE(int(live.devices()), seen);
        QCOMPARE(live.saying("online"_ba), 0);
    }

    void executionLogRecordsCommands()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimConfig config = configFor(3);
        config.executionLogPath = dir.filePath(u"exec.log"_s);
        SimFleet fleet(config, profile());
        QSignalSpy allOnline(&fleet, &SimFleet::allOnline);
        QString error;
        QVERIFY2(fleet.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(allOnline.size(), 1, Timeout);
        SimDevice *device = fleet.device(2);
        QTRY_VERIFY_WITH_TIMEOUT(!device->client()->subscriptions().isEmpty() &&
                                     device->client()->subscriptions().first().state ==
                                         MqttClient::SubscriptionState::Granted,
                                 Timeout);
        QSignalSpy executed(device, &SimDevice::commandExecuted);

        PresenceWatcher sender(*m_broker);
        QVERIFY(sender.start(u"%1/unused"_s.arg(config.prefix)));
        const QString topic = SimConfig::expand(config.commandRequestTopic, device->id(), device->group());
        QVERIFY(sender.client()->publish(
                    topic, "{\"cmd\":\"motor_on\",\"tid\":\"x1\",\"status\":\"REQUEST\"}"_ba, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(executed.size(), 1, Timeout);
        QFile log(config.executionLogPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QCOMPARE(text.count('\n'), 1);
        QVERIFY2(text.endsWith("\t" + device->id().toUtf8() + "\tx1\tmotor_on\n"), text.constData());
        QSignalSpy stopped(&fleet, &SimFleet::stopped);
        fleet.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
    }

    void startRefuses()
    {
        QString error;
        {
            SimConfig config = configFor(0);
            SimFleet fleet(config, profile());
            QVERIFY(!fleet.start(&error));
            QVERIFY(!error.isEmpty());
            QCOMPARE(fleet.deviceCount(), 0);
        }
        {
            QTemporaryDir dir;
            SimConfig config = configFor(2);
            config.executionLogPath = dir.filePath(u"missing/exec.log"_s);
            SimFleet fleet(config, profile());
            error.clear();
            QVERIFY(!fleet.start(&error));
            QVERIFY2(error.contains(config.executionLogPath), qPrintable(error));
            QCOMPARE(fleet.deviceCount(), 0);
        }
        {
            SimConfig config = configFor(2);
            SimFleet fleet(config, profile());
            QVERIFY2(fleet.start(&error), qPrintable(error));
            error.clear();
            QVERIFY(!fleet.start(&error)); // once only
            QVERIFY(!error.isEmpty());
            QCOMPARE(fleet.deviceCount(), 2);
            QSignalSpy stopped(&fleet, &SimFleet::stopped);
            fleet.stop();
            QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        }
    }

    void fleetOfEveryKind()
    {
        SimConfig config = configFor(10);
        config.sampleShare = 0.2;
        config.designShare = 0.2;
        config.thingShare = 0.1;
        PresenceWatcher live(*m_broker);
        QVERIFY(live.start(u"%1/presence/+"_s.arg(config.prefix)));
        SimFleet fleet(config, profile());
        QSignalSpy allOnline(&fleet, &SimFleet::allOnline);
        QString error;
        QVERIFY2(fleet.start(&error), qPrintable(error));
        QCOMPARE(fleet.deviceCount(), 10);
        const QStringList expected = {config.prefix + u"-1"_s, config.prefix + u"-2"_s,
                                      config.prefix + u"-3"_s, config.prefix + u"-4"_s,
                                      config.prefix + u"-5"_s, u"sample-1"_s,
                                      u"sample-2"_s,           u"design-1"_s,
                                      u"design-2"_s,           u"thing-1"_s};
        for (int n = 1; n <= 10; ++n) {
            QCOMPARE(fleet.device(n)->id(), expected.at(n - 1));
            QCOMPARE(fleet.device(n)->kind(), config.kindOf(n));
        }
        QCOMPARE(fleet.device(6)->kind(), SimConfig::Kind::Sample);
        QCOMPARE(fleet.device(8)->kind(), SimConfig::Kind::Design);
        QCOMPARE(fleet.device(10)->kind(), SimConfig::Kind::Thing);
        QTRY_COMPARE_WITH_TIMEOUT(allOnline.size(), 1, Timeout);
        // Every kind says it is there, under its own id.
        QTRY_COMPARE_WITH_TIMEOUT(live.saying("online"_ba), 10, Timeout);
        for (const QString &id : expected)
            QCOMPARE(live.lastPayloads().value(u"%1/presence/%2"_s.arg(config.prefix, id)), "online"_ba);
        QSignalSpy stopped(&fleet, &SimFleet::stopped);
        fleet.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(live.saying("offline"_ba), 10, Timeout);
    }

    // The Azure devices of an accounts file: the keys, the host name, and what makes the file unusable.
    void readCredentialsOfAzureDevices()
    {
        QTemporaryDir dir;
        const auto read = [&](const QByteArray &json, QString *error) {
            const QString path = dir.filePath(u"accounts-%1.json"_s.arg(++m_testNumber));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return std::optional<SimFleet::Credentials>();
            file.write(json);
            file.close();
            return SimFleet::readCredentials(path, error);
        };
        QString error;
        auto credentials = read(R"({"accounts": [{"name": "dev-1", "password": "p1", "roles": ["device"]},
                                                 {"name": "alice", "password": "p2", "roles": ["operator"]}],
                                    "azureHostName": "fleet.local",
                                    "azureDevices": [{"deviceId": "az-1", "primaryKey": "a2V5MQ=="},
                                                     {"deviceId": "az-2", "primaryKey": "a2V5Mg==",
                                                      "connectionString":
                                                      "HostName=fleet.local;DeviceId=az-2;SharedAccessKey=a2V5Mg=="}]})",
                                &error);
        QVERIFY2(credentials, qPrintable(error));
        QCOMPARE(credentials->passwords, (QHash<QString, QString>{{u"dev-1"_s, u"p1"_s}}));
        QCOMPARE(credentials->azureHostName, u"fleet.local"_s);
        QCOMPARE(credentials->azureKeys.value(u"az-1"_s), "a2V5MQ=="_ba);
        QCOMPARE(credentials->azureKeys.value(u"az-2"_s), "a2V5Mg=="_ba);

        // Azure devices only are enough for readCredentials(), not for readDeviceAccounts().
        const QByteArray azureOnly =
            R"({"azureHostName": "fleet.local", "azureDevices": [{"deviceId": "az-1", "primaryKey": "a2V5MQ=="}]})";
        QVERIFY2(read(azureOnly, &error), qPrintable(error));
        const QString path = dir.filePath(u"azure-only.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(azureOnly);
        file.close();
        QVERIFY(!SimFleet::readDeviceAccounts(path, &error));

        // Keys without a host name to sign for; a connection string of another device; nothing at all.
        QVERIFY(!read(R"({"azureDevices": [{"deviceId": "az-1", "primaryKey": "a2V5MQ=="}]})", &error));
        QVERIFY2(error.contains(u"azureHostName"_s), qPrintable(error));
        QVERIFY(!read(R"({"azureHostName": "fleet.local", "azureDevices": [{"deviceId": "az-1",
                          "connectionString": "HostName=fleet.local;DeviceId=az-9;SharedAccessKey=a2V5MQ=="}]})",
                      &error));
        QVERIFY2(error.contains(u"az-1"_s), qPrintable(error));
        QVERIFY(!read(R"({"accounts": [], "azureDevices": []})", &error));
        QVERIFY(!read(R"({"devices": 3})", &error));
        QVERIFY2(error.contains(u"accounts"_s), qPrintable(error));
    }

    void fleetCopiesItsConfiguration()
    {
        // The devices refer to the fleet's own copy: the caller's may go away.
        auto config = std::make_unique<SimConfig>(configFor(2));
        SimFleet fleet(*config, profile());
        config.reset();
        QSignalSpy allOnline(&fleet, &SimFleet::allOnline);
        QString error;
        QVERIFY2(fleet.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(allOnline.size(), 1, Timeout);
        QSignalSpy stopped(&fleet, &SimFleet::stopped);
        fleet.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
    }

private:
    static MosquittoBroker::Options quietBroker()
    {
        MosquittoBroker::Options options;
        options.logTypes = {u"subscribe"_s}; // not every PUBLISH: keeps the broker fast
        return options;
    }

    SimConfig configFor(int devices)
    {
        SimConfig config;
        config.devices = devices;
        config.prefix = u"f%1"_s.arg(++m_testNumber);
        config.presenceTopic = config.prefix + u"/presence/{id}"_s;
        config.groupRequestTopic = config.prefix + u"/group/{group}/req"_s;
        config.groupResponseTopic = config.prefix + u"/group/{group}/resp"_s;
        config.telemetryIntervalMs = 0;
        config.latencyMinMs = 0;
        config.latencyMaxMs = 5;
        return config;
    }

    BrokerProfile profile() const
    {
        BrokerProfile p;
        p.url = BrokerProfile::parseUrl(m_broker->url());
        return p;
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    int m_testNumber = 0;
};

QTEST_GUILESS_MAIN(TestSimFleet)

#include "tst_simfleet.moc"
