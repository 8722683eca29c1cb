#include "brokerobserver.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::MqttProperties;
using fleet::test::connectAndWait;
using fleet::test::MosquittoBroker;
using fleet::test::subscribeAndWait;

Q_DECLARE_METATYPE(BrokerProfile::ProtocolVersion)

namespace {

constexpr int Timeout = 10000;

BrokerProfile profileFor(const MosquittoBroker &broker, BrokerProfile::ProtocolVersion version,
                         const QString &id = {})
{
    BrokerProfile p = fleet::test::profileFor(broker);
    p.protocolVersion = version;
    p.clientId = id;
    return p;
}

// A client owned by the test, with fast reconnects so that restart tests stay short.
std::unique_ptr<MqttClient> makeClient(const BrokerProfile &profile)
{
    auto client = std::make_unique<MqttClient>();
    client->setProfile(profile);
    client->setReconnectDelays(100, 800);
    return client;
}

} // namespace

class TestMqttClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
    }

    void roundTripEveryQos_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::addColumn<int>("qos");
        for (auto v : {BrokerProfile::ProtocolVersion::Mqtt311, BrokerProfile::ProtocolVersion::Mqtt5}) {
            for (int qos = 0; qos <= 2; ++qos) {
                const QByteArray name =
                    (v == BrokerProfile::ProtocolVersion::Mqtt5 ? "mqtt5 qos " : "mqtt311 qos ") +
                    QByteArray::number(qos);
                QTest::newRow(name.constData()) << v << qos;
            }
        }
    }

    void roundTripEveryQos()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        QFETCH(int, qos);
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        auto client = makeClient(profileFor(broker, version, u"rt-%1"_s.arg(qos)));
        QSignalSpy states(client.get(), &MqttClient::stateChanged);
        QVERIFY(connectAndWait(*client));
        QCOMPARE(states.first().first().value<MqttClient::State>(), MqttClient::State::Connecting);
        QCOMPARE(states.last().first().value<MqttClient::State>(), MqttClient::State::Connected);
        QVERIFY(subscribeAndWait(*client, u"fleet/+/telemetry"_s, qos));
        const auto subs = client->subscriptions();
        QCOMPARE(subs.size(), 1);
        QCOMPARE(subs.first().state, MqttClient::SubscriptionState::Granted);
        QCOMPARE(subs.first().grantedQos, qos);

        QSignalSpy received(client.get(), &MqttClient::messageReceived);
        QSignalSpy sent(client.get(), &MqttClient::messageSent);
        const int count = 20;
        QList<int> ids;
        for (int i = 0; i < count; ++i) {
            const int id = client->publish(u"fleet/dev-%1/telemetry"_s.arg(i), QByteArray::number(i), qos);
            QVERIFY2(id > 0, qPrintable(client->errorString()));
            ids.append(id);
        }
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), count, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), count, Timeout);
        for (int i = 0; i < count; ++i) {
            const auto m = received.at(i).first().value<MqttMessage>();
            QCOMPARE(m.topic(), u"fleet/dev-%1/telemetry"_s.arg(i));
            QCOMPARE(m.payload(), QByteArray::number(i));
            QCOMPARE(m.qos(), qos);
            QVERIFY(!m.retain());
        }
        QCOMPARE(client->inFlightCount(), 0);
        // QoS 2 is exactly once: nothing more arrives later.
        QTest::qWait(200);
        QCOMPARE(received.size(), count);
        client->disconnectFromBroker();
        QCOMPARE(client->state(), MqttClient::State::Disconnected);
    }

    void retainedMessageReachesLateSubscriber()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto publisher = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*publisher));
        QSignalSpy sent(publisher.get(), &MqttClient::messageSent);
        QVERIFY(publisher->publish(u"fleet/dev-1/presence"_s, "online"_ba, 1, true) > 0);
        QVERIFY(sent.wait(Timeout));
        QVERIFY(publisher->publish(u"fleet/dev-1/live"_s, "not retained"_ba, 1, false) > 0);
        QVERIFY(sent.wait(Timeout));

        auto late = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QSignalSpy received(late.get(), &MqttClient::messageReceived);
        QVERIFY(connectAndWait(*late));
        QVERIFY(late->subscribe(u"fleet/dev-1/#"_s, 1));
        QVERIFY(received.wait(Timeout));
        const auto m = received.first().first().value<MqttMessage>();
        QCOMPARE(m.topic(), u"fleet/dev-1/presence"_s);
        QCOMPARE(m.payload(), "online"_ba);
        QVERIFY(m.retain());
        QTest::qWait(200);
        QCOMPARE(received.size(), 1);

        // A live message on a retained topic reaches a current subscriber with the retain flag cleared.
        QVERIFY(publisher->publish(u"fleet/dev-1/presence"_s, "offline"_ba, 1, true) > 0);
        QVERIFY(received.wait(Timeout));
        QVERIFY(!received.last().first().value<MqttMessage>().retain());
    }

    void lastWillOnAbruptDeath_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::newRow("mqtt311") << BrokerProfile::ProtocolVersion::Mqtt311;
        QTest::newRow("mqtt5") << BrokerProfile::ProtocolVersion::Mqtt5;
    }

    void lastWillOnAbruptDeath()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto watcher = makeClient(profileFor(broker, version));
        QVERIFY(connectAndWait(*watcher));
        QVERIFY(subscribeAndWait(*watcher, u"presence/#"_s, 1));
        QSignalSpy received(watcher.get(), &MqttClient::messageReceived);

        // The device is this same test executable in a child process: it connects with a Will, says it is
        // connected, and is then killed with SIGKILL, so no DISCONNECT is ever sent.
        QProcess device;
        device.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        device.start(QCoreApplication::applicationFilePath(),
                     {u"--will-child"_s, broker.url(), QString::number(static_cast<int>(version))});
        QVERIFY(device.waitForStarted());
        // QTRY_* evaluates its condition more than once, so the output is collected rather than read inside
        // it.
        QByteArray output;
        connect(&device, &QProcess::readyReadStandardOutput, this,
                [&] { output += device.readAllStandardOutput(); });
        QTRY_VERIFY_WITH_TIMEOUT(output.contains("connected") || device.state() == QProcess::NotRunning,
                                 Timeout);
        QCOMPARE(device.state(), QProcess::Running);
        QCOMPARE(received.size(), 0);
        device.kill(); // SIGKILL, by PID
        QVERIFY(device.waitForFinished(Timeout));

        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
        const auto will = received.first().first().value<MqttMessage>();
        QCOMPARE(will.topic(), u"presence/will-child"_s);
        QCOMPARE(will.payload(), "offline"_ba);
        if (version == BrokerProfile::ProtocolVersion::Mqtt5)
            QCOMPARE(will.properties().contentType, std::optional<QString>(u"text/plain"_s));
    }

    void cleanDisconnectSendsNoWill()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto watcher = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*watcher));
        QVERIFY(subscribeAndWait(*watcher, u"presence/#"_s, 1));
        QSignalSpy received(watcher.get(), &MqttClient::messageReceived);

        auto device = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5, u"polite"_s));
        device->setWill(MqttMessage(u"presence/polite"_s, "offline"_ba, 1, true));
        QVERIFY(connectAndWait(*device));
        QSignalSpy disconnected(device.get(), &MqttClient::disconnected);
        device->disconnectFromBroker();
        QCOMPARE(disconnected.size(), 1);
        device.reset();
        QTest::qWait(500);
        QCOMPARE(received.size(), 0);
    }

    void abortConnectionPublishesTheWill_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::newRow("mqtt311") << BrokerProfile::ProtocolVersion::Mqtt311;
        QTest::newRow("mqtt5") << BrokerProfile::ProtocolVersion::Mqtt5;
    }

    // abortConnection() is the in-process stand-in for a crash: no DISCONNECT, so the broker publishes the
    // Will, retained when the Will says so. Without autoReconnect the client stays down.
    void abortConnectionPublishesTheWill()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto watcher = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*watcher));
        QVERIFY(subscribeAndWait(*watcher, u"presence/#"_s, 1));
        QSignalSpy received(watcher.get(), &MqttClient::messageReceived);

        auto device = makeClient(profileFor(broker, version, u"aborting"_s));
        device->setAutoReconnect(false);
        device->setWill(MqttMessage(u"presence/aborting"_s, "offline"_ba, 1, true));
        QVERIFY(connectAndWait(*device));
        QVERIFY(device->publish(u"presence/aborting"_s, "online"_ba, 1, true) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
        QCOMPARE(received.first().first().value<MqttMessage>().payload(), "online"_ba);

        QSignalSpy disconnected(device.get(), &MqttClient::disconnected);
        QSignalSpy errors(device.get(), &MqttClient::errorOccurred);
        device->abortConnection();
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, Timeout);
        const auto will = received.at(1).first().value<MqttMessage>();
        QCOMPARE(will.topic(), u"presence/aborting"_s);
        QCOMPARE(will.payload(), "offline"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(device->state(), MqttClient::State::Disconnected, Timeout);
        QCOMPARE(disconnected.size(), 1);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(device->error(), MqttClient::Error::ConnectionLost);
        // It stays down: nothing reconnects a client whose autoReconnect is off.
        QTest::qWait(500);
        QCOMPARE(device->state(), MqttClient::State::Disconnected);
        QCOMPARE(received.size(), 2);

        // The Will was retained, so a late subscriber sees the device offline.
        auto late = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QSignalSpy lateReceived(late.get(), &MqttClient::messageReceived);
        QVERIFY(connectAndWait(*late));
        QVERIFY(late->subscribe(u"presence/#"_s, 1));
        QTRY_COMPARE_WITH_TIMEOUT(lateReceived.size(), 1, Timeout);
        const auto retained = lateReceived.first().first().value<MqttMessage>();
        QCOMPARE(retained.topic(), u"presence/aborting"_s);
        QCOMPARE(retained.payload(), "offline"_ba);
        QVERIFY(retained.retain());

        // The client can be connected again by hand.
        QVERIFY(connectAndWait(*device));
    }

    void abortConnectionReconnectsAndResubscribes()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto watcher = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*watcher));
        QVERIFY(subscribeAndWait(*watcher, u"presence/#"_s, 1));
        QSignalSpy presence(watcher.get(), &MqttClient::messageReceived);

        auto device = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5, u"flaky"_s));
        QVERIFY(device->autoReconnect());
        device->setWill(MqttMessage(u"presence/flaky"_s, "offline"_ba, 1, true));
        QVERIFY(connectAndWait(*device));
        QVERIFY(subscribeAndWait(*device, u"cmd/flaky/req"_s, 1));

        QSignalSpy states(device.get(), &MqttClient::stateChanged);
        QSignalSpy connected(device.get(), &MqttClient::connected);
        QSignalSpy disconnected(device.get(), &MqttClient::disconnected);
        QSignalSpy subscribed(device.get(), &MqttClient::subscribed);
        device->abortConnection();
        QTRY_COMPARE_WITH_TIMEOUT(presence.size(), 1, Timeout);
        QCOMPARE(presence.first().first().value<MqttMessage>().payload(), "offline"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
        QCOMPARE(disconnected.size(), 1);
        QCOMPARE(device->state(), MqttClient::State::Connected);
        bool sawReconnecting = false;
        for (const auto &s : states)
            sawReconnecting |= s.first().value<MqttClient::State>() == MqttClient::State::Reconnecting;
        QVERIFY(sawReconnecting);

        // The subscription came back with the connection.
        QTRY_VERIFY_WITH_TIMEOUT(!subscribed.isEmpty(), Timeout);
        QCOMPARE(subscribed.first().first().toString(), u"cmd/flaky/req"_s);
        QSignalSpy commands(device.get(), &MqttClient::messageReceived);
        QVERIFY(watcher->publish(u"cmd/flaky/req"_s, "{}"_ba, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(commands.size(), 1, Timeout);
        QCOMPARE(commands.first().first().value<MqttMessage>().topic(), u"cmd/flaky/req"_s);
    }

    void abortConnectionWhileDisconnectedDoesNothing()
    {
        MqttClient client;
        QSignalSpy states(&client, &MqttClient::stateChanged);
        client.abortConnection();
        QCOMPARE(client.state(), MqttClient::State::Disconnected);
        QCOMPARE(states.size(), 0);
    }

    void persistentSessionGetsOfflineMessages_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::newRow("mqtt311") << BrokerProfile::ProtocolVersion::Mqtt311;
        QTest::newRow("mqtt5 with session expiry") << BrokerProfile::ProtocolVersion::Mqtt5;
    }

    void persistentSessionGetsOfflineMessages()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        BrokerProfile persistent = profileFor(broker, version, u"console-persistent"_s);
        persistent.cleanStart = false;
        persistent.sessionExpirySeconds = 300;
        auto console = makeClient(persistent);
        QVERIFY(connectAndWait(*console));
        QVERIFY(!console->sessionPresent());
        QVERIFY(subscribeAndWait(*console, u"cmd/+/resp"_s, 1));
        console->disconnectFromBroker();

        auto device = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QVERIFY(connectAndWait(*device));
        QSignalSpy sent(device.get(), &MqttClient::messageSent);
        for (int i = 0; i < 3; ++i)
            QVERIFY(device->publish(u"cmd/dev-%1/resp"_s.arg(i), "SUCCESS"_ba, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, Timeout);

        // The same client id, reconnecting, finds its session and the three messages queued in it.
        auto again = makeClient(persistent);
        QSignalSpy received(again.get(), &MqttClient::messageReceived);
        QVERIFY(connectAndWait(*again));
        QVERIFY(again->sessionPresent());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, Timeout);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(received.at(i).first().value<MqttMessage>().topic(), u"cmd/dev-%1/resp"_s.arg(i));
    }

    void cleanStartDiscardsSession()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile persistent = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5, u"console-c"_s);
        persistent.cleanStart = false;
        persistent.sessionExpirySeconds = 300;
        auto console = makeClient(persistent);
        QVERIFY(connectAndWait(*console));
        QVERIFY(subscribeAndWait(*console, u"a/b"_s, 1));
        console->disconnectFromBroker();

        BrokerProfile clean = persistent;
        clean.cleanStart = true;
        auto again = makeClient(clean);
        QVERIFY(connectAndWait(*again));
        QVERIFY(!again->sessionPresent());
    }

    void reconnectsAndResubscribesAfterBrokerRestart()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribeAndWait(*client, u"fleet/#"_s, 1));

        QSignalSpy states(client.get(), &MqttClient::stateChanged);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        QSignalSpy disconnected(client.get(), &MqttClient::disconnected);
        QSignalSpy connected(client.get(), &MqttClient::connected);
        QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
        QCOMPARE(disconnected.size(), 1);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().first().value<MqttClient::Error>(), MqttClient::Error::ConnectionLost);
        bool sawReconnecting = false;
        for (const auto &s : states)
            sawReconnecting |= s.first().value<MqttClient::State>() == MqttClient::State::Reconnecting;
        QVERIFY(sawReconnecting);

        // The subscription came back with the connection, so traffic flows again without the caller's help.
        QTRY_COMPARE_WITH_TIMEOUT(client->subscriptions().first().state,
                                  MqttClient::SubscriptionState::Granted, Timeout);
        QSignalSpy received(client.get(), &MqttClient::messageReceived);
        QVERIFY(client->publish(u"fleet/after"_s, "restart"_ba, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
    }

    void reconnectsAfterBrokerKilled()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QVERIFY(connectAndWait(*client));
        QSignalSpy connected(client.get(), &MqttClient::connected);
        broker.kill();
        QTRY_VERIFY_WITH_TIMEOUT(client->state() != MqttClient::State::Connected, Timeout);
        // While nothing listens, attempts keep failing and the client keeps waiting, not giving up.
        QTest::qWait(600);
        QVERIFY(client->state() == MqttClient::State::Reconnecting ||
                client->state() == MqttClient::State::Connecting);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, Timeout);
    }

    void connectionRefusedWithoutAutoReconnect()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const BrokerProfile profile = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        QVERIFY(broker.stop());
        auto client = makeClient(profile);
        client->setAutoReconnect(false);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        client->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Disconnected, Timeout);
        QVERIFY(!errors.isEmpty());
        QCOMPARE(client->error(), MqttClient::Error::ConnectionRefused);
        QVERIFY(client->errorString().contains(QString::number(broker.port())));
    }

    void tlsConnects_data()
    {
        QTest::addColumn<bool>("mutual");
        QTest::newRow("server certificate") << false;
        QTest::newRow("mutual tls") << true;
    }

    void tlsConnects()
    {
        QFETCH(bool, mutual);
        MosquittoBroker::Options options;
        options.tls = mutual ? MosquittoBroker::Tls::Mutual : MosquittoBroker::Tls::ServerCertificate;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        QVERIFY(p.isTls());
        p.caFile = broker.caFile();
        if (mutual) {
            p.certificateFile = broker.clientCertFile();
            p.keyFile = broker.clientKeyFile();
        }
        auto client = makeClient(p);
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribeAndWait(*client, u"secure/#"_s, 2));
        QSignalSpy received(client.get(), &MqttClient::messageReceived);
        const QByteArray big(200 * 1024, 'x'); // several TLS records
        QVERIFY(client->publish(u"secure/a"_s, big, 2) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
        QCOMPARE(received.first().first().value<MqttMessage>().payload(), big);
    }

    void tlsWrongCaFails()
    {
        MosquittoBroker::Options options;
        options.tls = MosquittoBroker::Tls::ServerCertificate;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        p.caFile = broker.wrongCaFile();
        auto client = makeClient(p);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        client->connectToBroker();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), Timeout);
        QCOMPARE(errors.first().first().value<MqttClient::Error>(), MqttClient::Error::TlsError);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Disconnected, Timeout);
        QVERIFY2(client->errorString().contains(u"certificate verify failed"_s),
                 qPrintable(client->errorString()));
        // A verification failure is not retried: it would fail the same way forever.
        QTest::qWait(500);
        QCOMPARE(client->state(), MqttClient::State::Disconnected);
        QCOMPARE(errors.size(), 1);
    }

    void tlsInsecureAcceptsUnknownCa()
    {
        MosquittoBroker::Options options;
        options.tls = MosquittoBroker::Tls::ServerCertificate;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        p.caFile = broker.wrongCaFile();
        p.insecureSkipVerify = true;
        auto client = makeClient(p);
        QVERIFY(connectAndWait(*client));
    }

    void mutualTlsWithoutClientCertificateFails()
    {
        MosquittoBroker::Options options;
        options.tls = MosquittoBroker::Tls::Mutual;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311);
        p.caFile = broker.caFile();
        auto client = makeClient(p);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        client->connectToBroker();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Disconnected, Timeout);
        QCOMPARE(client->error(), MqttClient::Error::TlsError);
        QVERIFY2(client->errorString().contains(u"certificate"_s), qPrintable(client->errorString()));
    }

    void mutualTlsWithUntrustedClientCertificateFails()
    {
        MosquittoBroker::Options options;
        options.tls = MosquittoBroker::Tls::Mutual;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        p.caFile = broker.caFile();
        p.certificateFile = broker.untrustedClientCertFile();
        p.keyFile = broker.untrustedClientKeyFile();
        auto client = makeClient(p);
        client->connectToBroker();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Disconnected, Timeout);
        QCOMPARE(client->error(), MqttClient::Error::TlsError);
    }

    void missingTlsFileIsRefusedBeforeConnecting()
    {
        BrokerProfile p;
        p.url = BrokerProfile::parseUrl(u"mqtts://127.0.0.1:1"_s);
        p.caFile = u"/nonexistent/ca.pem"_s;
        MqttClient client;
        client.setProfile(p);
        QSignalSpy errors(&client, &MqttClient::errorOccurred);
        QVERIFY(!client.connectToBroker());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(client.error(), MqttClient::Error::InvalidConfiguration);
        QVERIFY(client.errorString().contains(u"/nonexistent/ca.pem"_s));
        QCOMPARE(client.state(), MqttClient::State::Disconnected);
    }

    void passwordAuthentication_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        for (auto v : {BrokerProfile::ProtocolVersion::Mqtt311, BrokerProfile::ProtocolVersion::Mqtt5}) {
            const char *prefix = v == BrokerProfile::ProtocolVersion::Mqtt5 ? "mqtt5 " : "mqtt311 ";
            QTest::newRow((QByteArray(prefix) + "right").constData()) << v << u"s3cret"_s << true;
            QTest::newRow((QByteArray(prefix) + "wrong").constData()) << v << u"guess"_s << false;
            QTest::newRow((QByteArray(prefix) + "none").constData()) << v << QString() << false;
        }
    }

    void passwordAuthentication()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        MosquittoBroker::Options options;
        options.users = {{u"alice"_s, u"s3cret"_s}};
        options.acl = u"user alice\ntopic readwrite #\n"_s;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, version);
        p.username = u"alice"_s;
        auto client = makeClient(p);
        client->setPassword(password);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        client->connectToBroker();
        if (accepted) {
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Connected, Timeout);
            QCOMPARE(errors.size(), 0);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), MqttClient::State::Disconnected, Timeout);
        // mosquitto 2.0 answers a wrong or missing password with "not authorized" (3.1.1 return code 5, MQTT
        // 5 reason code 0x87), not "bad user name or password"; either way the message points at the
        // credentials.
        const auto error = client->error();
        QVERIFY2(error == MqttClient::Error::BadUsernameOrPassword ||
                     error == MqttClient::Error::NotAuthorized,
                 qPrintable(client->errorString()));
        QVERIFY2(client->errorString().contains(u"user name"_s), qPrintable(client->errorString()));
        QCOMPARE(errors.first().at(1).toString(), client->errorString());
        QTest::qWait(400);
        QCOMPARE(client->state(), MqttClient::State::Disconnected); // no retry loop on bad credentials
        QCOMPARE(errors.size(), 1);
    }

    void aclDeniedPublishIsReported()
    {
        MosquittoBroker::Options options;
        options.users = {{u"operator"_s, u"pw"_s}};
        options.acl = u"user operator\ntopic readwrite fleet/#\ntopic read approvals/#\n"_s;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5);
        p.username = u"operator"_s;
        auto client = makeClient(p);
        client->setPassword(u"pw"_s);
        QVERIFY(connectAndWait(*client));

        QSignalSpy failed(client.get(), &MqttClient::publishFailed);
        QSignalSpy sent(client.get(), &MqttClient::messageSent);
        const int denied = client->publish(u"approvals/decisions/somebody-else"_s, "{}"_ba, 1);
        QVERIFY(denied > 0);
        const int allowed = client->publish(u"fleet/ok"_s, "{}"_ba, 1);
        QVERIFY(allowed > 0);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
        QCOMPARE(failed.first().at(0).toInt(), denied);
        QCOMPARE(failed.first().at(1).value<MqttClient::Error>(), MqttClient::Error::PublishDenied);
        QVERIFY2(failed.first().at(2).toString().contains(u"authori"_s, Qt::CaseInsensitive),
                 qPrintable(failed.first().at(2).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, Timeout);
        QCOMPARE(sent.first().first().toInt(), allowed);
        QCOMPARE(client->inFlightCount(), 0);
    }

    void megabytePayload()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribeAndWait(*client, u"blob"_s, 1));
        QSignalSpy received(client.get(), &MqttClient::messageReceived);
        QByteArray payload(1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = static_cast<char>((i * 131) % 251);
        QVERIFY(client->publish(u"blob"_s, payload, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
        QCOMPARE(received.first().first().value<MqttMessage>().payload(), payload);
    }

    void mqtt5PropertiesRoundTrip()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribeAndWait(*client, u"cmd/dev-1/req"_s, 1));
        QSignalSpy received(client.get(), &MqttClient::messageReceived);

        MqttMessage m(u"cmd/dev-1/req"_s, "{\"cmd\":\"reboot\"}"_ba, 1);
        m.properties().payloadFormat = MqttProperties::PayloadFormat::Utf8;
        m.properties().messageExpirySeconds = 3600;
        m.properties().contentType = u"application/json"_s;
        m.properties().responseTopic = u"cmd/dev-1/resp"_s;
        m.properties().correlationData = QByteArray("\x00\x01\xfe\xff tid", 8);
        m.properties().userProperties = {
            {u"requester"_s, u"alice"_s}, {u"tag"_s, u"a"_s}, {u"tag"_s, u"b"_s}, {u"ünïcode"_s, u"välue"_s}};
        QVERIFY(client->publish(m) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, Timeout);
        const auto got = received.first().first().value<MqttMessage>();
        QCOMPARE(got.payload(), m.payload());
        const MqttProperties &p = got.properties();
        QCOMPARE(p.payloadFormat, m.properties().payloadFormat);
        QVERIFY(p.messageExpirySeconds.has_value());
        // The broker forwards the remaining lifetime, which may have ticked down by a second.
        QVERIFY(*p.messageExpirySeconds <= 3600 && *p.messageExpirySeconds >= 3598);
        QCOMPARE(p.contentType, m.properties().contentType);
        QCOMPARE(p.responseTopic, m.properties().responseTopic);
        QCOMPARE(p.correlationData, m.properties().correlationData);
        QCOMPARE(p.userProperties, m.properties().userProperties);

        // Absent properties stay absent rather than arriving empty.
        MqttMessage plain(u"cmd/dev-1/req"_s, "x"_ba, 1);
        QVERIFY(client->publish(plain) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, Timeout);
        QVERIFY(received.last().first().value<MqttMessage>().properties().isEmpty());
    }

    void badInputIsRefusedBeforeTheBroker()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QVERIFY(connectAndWait(*client));
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);

        QCOMPARE(client->publish(u"cmd/+/req"_s, "x"_ba), -1);
        QCOMPARE(client->error(), MqttClient::Error::InvalidTopic);
        QVERIFY(client->errorString().contains(u"wildcard"_s));
        QCOMPARE(client->publish(u"cmd/#"_s, "x"_ba), -1);
        QCOMPARE(client->error(), MqttClient::Error::InvalidTopic);
        QCOMPARE(client->publish(QString(), "x"_ba), -1);
        QCOMPARE(client->error(), MqttClient::Error::InvalidTopic);
        QCOMPARE(client->publish(u"a/\u0000b"_s, "x"_ba), -1);
        QCOMPARE(client->error(), MqttClient::Error::InvalidTopic);
        QCOMPARE(client->publish(u"ok"_s, "x"_ba, 3), -1);

        QVERIFY(!client->subscribe(u"a/#/b"_s));
        QCOMPARE(client->error(), MqttClient::Error::InvalidTopicFilter);
        QVERIFY(!client->subscribe(u"a+"_s));
        QVERIFY(!client->subscribe(u"$share/g"_s));
        QVERIFY(client->subscriptions().isEmpty());

        client->setMaximumPayloadSize(1000);
        QCOMPARE(client->publish(u"ok"_s, QByteArray(1001, 'x')), -1);
        QCOMPARE(client->error(), MqttClient::Error::PayloadTooLarge);
        QVERIFY(client->publish(u"ok"_s, QByteArray(1000, 'x')) > 0);

        MqttMessage withProps(u"ok"_s, "x"_ba);
        withProps.properties().contentType = u"text/plain"_s;
        QCOMPARE(client->publish(withProps), -1);
        QCOMPARE(client->error(), MqttClient::Error::PropertiesNotSupported);

        QCOMPARE(errors.size(), 10);
        for (const auto &e : errors)
            QVERIFY(!e.at(1).toString().isEmpty());
        // None of it reached the broker, and the connection is still up.
        QCOMPARE(client->state(), MqttClient::State::Connected);
    }

    void invalidUtf8WithPayloadFormatIsRefused()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*client));
        MqttMessage m(u"t"_s, QByteArray("\xff\xfe", 2));
        m.properties().payloadFormat = MqttProperties::PayloadFormat::Utf8;
        QCOMPARE(client->publish(m), -1);
        QCOMPARE(client->error(), MqttClient::Error::InvalidPayload);
    }

    void emptyClientIdWithPersistentSessionIsRefused()
    {
        BrokerProfile p;
        p.url = BrokerProfile::parseUrl(u"mqtt://127.0.0.1:1"_s);
        p.cleanStart = false;
        p.sessionExpirySeconds = 60;
        MqttClient client;
        client.setProfile(p);
        QSignalSpy errors(&client, &MqttClient::errorOccurred);
        QVERIFY(!client.connectToBroker());
        QCOMPARE(client.error(), MqttClient::Error::InvalidClientId);
        QCOMPARE(errors.size(), 1);
    }

    void generatedClientIdForCleanSession()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto a = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        auto b = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*a));
        QVERIFY(connectAndWait(*b));
        QVERIFY(a->clientId().startsWith(u"fleet-"_s));
        QVERIFY(a->clientId() != b->clientId());
        QTest::qWait(200);
        QCOMPARE(a->state(), MqttClient::State::Connected); // not kicked out by a duplicate id
    }

    void publishWhileDisconnectedIsRefused()
    {
        MqttClient client;
        QSignalSpy errors(&client, &MqttClient::errorOccurred);
        QCOMPARE(client.publish(u"a"_s, "x"_ba, 1), -1);
        QCOMPARE(client.error(), MqttClient::Error::NotConnected);
        QCOMPARE(errors.size(), 1);
    }

    void inFlightWindowAppliesBackpressure()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        client->setMaxInFlight(5);
        QVERIFY(connectAndWait(*client));
        QSignalSpy ready(client.get(), &MqttClient::readyToPublish);
        QSignalSpy errors(client.get(), &MqttClient::errorOccurred);
        for (int i = 0; i < 5; ++i)
            QVERIFY(client->publish(u"bp"_s, "x"_ba, 1) > 0);
        QCOMPARE(client->inFlightCount(), 5);
        QVERIFY(!client->canPublish());
        QCOMPARE(client->publish(u"bp"_s, "x"_ba, 1), -1);
        QCOMPARE(client->error(), MqttClient::Error::InFlightWindowFull);
        QCOMPARE(errors.size(), 0); // a full window is a cue to wait, not an error
        // QoS 0 is not held back: it has no acknowledgement to wait for.
        QVERIFY(client->publish(u"bp"_s, "x"_ba, 0) > 0);
        QVERIFY(ready.wait(Timeout));
        QVERIFY(client->canPublish());
        QVERIFY(client->publish(u"bp"_s, "x"_ba, 1) > 0);

        // A producer that follows the signal gets everything through and never exceeds the window.
        int published = 0;
        int peak = 0;
        const int total = 2000;
        auto pump = [&] {
            while (published < total && client->publish(u"bp"_s, QByteArray::number(published), 1) > 0) {
                ++published;
                peak = std::max(peak, client->inFlightCount());
            }
        };
        connect(client.get(), &MqttClient::readyToPublish, this, pump);
        pump();
        QTRY_COMPARE_WITH_TIMEOUT(published, total, 30000);
        QVERIFY(peak <= 5);
        QTRY_COMPARE_WITH_TIMEOUT(client->inFlightCount(), 0, Timeout);
    }

    // The window is the client's: libmosquitto must not hold messages back below it (its own default is 20
    // in flight). A server that never acknowledges, and announces no Receive Maximum, shows how many reach
    // the wire; mosquitto cannot be made to withhold PUBACKs (and announces its max_inflight_messages), so
    // this one is a few lines of MQTT on a QTcpServer.
    void windowIsNotCappedByTheLibrary_data()
    {
        QTest::addColumn<BrokerProfile::ProtocolVersion>("version");
        QTest::addColumn<QByteArray>("connack");
        // CONNACK: session not present, success (and no properties in MQTT 5).
        QTest::newRow("mqtt5") << BrokerProfile::ProtocolVersion::Mqtt5 << QByteArray::fromHex("2003000000");
        QTest::newRow("mqtt311") << BrokerProfile::ProtocolVersion::Mqtt311
                                 << QByteArray::fromHex("20020000");
    }

    void windowIsNotCappedByTheLibrary()
    {
        QFETCH(BrokerProfile::ProtocolVersion, version);
        QFETCH(QByteArray, connack);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int publishes = 0;
        QByteArray pending;
        QTcpSocket *peer = nullptr;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, this, [&] {
                pending += peer->readAll();
                // Fixed header, then the remaining length as a variable byte integer.
                while (pending.size() >= 2) {
                    qsizetype length = 0;
                    int shift = 0;
                    qsizetype at = 1;
                    for (; at < pending.size(); ++at, shift += 7) {
                        length |= qsizetype(quint8(pending.at(at)) & 0x7f) << shift;
                        if (!(quint8(pending.at(at)) & 0x80))
                            break;
                    }
                    if (at >= pending.size() || pending.size() < at + 1 + length)
                        return;
                    const int type = quint8(pending.at(0)) >> 4;
                    pending.remove(0, at + 1 + length);
                    if (type == 1)
                        peer->write(connack);
                    else if (type == 3)
                        ++publishes;
                }
            });
        });
        BrokerProfile profile;
        profile.url = QUrl(u"mqtt://127.0.0.1:%1"_s.arg(server.serverPort()));
        profile.protocolVersion = version;
        profile.clientId = u"window"_s;
        auto client = makeClient(profile);
        client->setMaxInFlight(100);
        QVERIFY(connectAndWait(*client));
        for (int i = 0; i < 60; ++i)
            QVERIFY2(client->publish(u"w"_s, QByteArray::number(i), 1) > 0,
                     qPrintable(client->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(publishes, 60, Timeout);
        QCOMPARE(client->inFlightCount(), 60);
        client->abortConnection();
    }

    void unsubscribeStopsDelivery()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribeAndWait(*client, u"u/#"_s, 1));
        QSignalSpy unsubscribed(client.get(), &MqttClient::unsubscribed);
        client->unsubscribe(u"u/#"_s);
        QVERIFY(unsubscribed.wait(Timeout));
        QVERIFY(client->subscriptions().isEmpty());
        QSignalSpy received(client.get(), &MqttClient::messageReceived);
        QSignalSpy sent(client.get(), &MqttClient::messageSent);
        QVERIFY(client->publish(u"u/x"_s, "x"_ba, 1) > 0);
        QVERIFY(sent.wait(Timeout));
        QTest::qWait(200);
        QCOMPARE(received.size(), 0);
    }

    void subscribeBeforeConnectIsSentOnConnect()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto client = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311));
        QVERIFY(client->subscribe(u"early/#"_s, 2));
        QCOMPARE(client->subscriptions().first().state, MqttClient::SubscriptionState::Pending);
        QSignalSpy subscribed(client.get(), &MqttClient::subscribed);
        QVERIFY(connectAndWait(*client));
        QVERIFY(subscribed.wait(Timeout));
        QCOMPARE(subscribed.first().at(1).toInt(), 2);
    }

    void keepaliveHoldsAnIdleConnection()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        BrokerProfile p = profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt311);
        p.keepAliveSeconds = 5;
        auto client = makeClient(p);
        QVERIFY(connectAndWait(*client));
        QSignalSpy disconnected(client.get(), &MqttClient::disconnected);
        // The broker drops a client that is silent for 1.5 keepalives (7.5 s); PINGREQs must keep it.
        const qsizetype from = broker.logPosition();
        QTest::qWait(8500);
        QCOMPARE(disconnected.size(), 0);
        QCOMPARE(client->state(), MqttClient::State::Connected);
        QVERIFY2(broker.waitForLogLine(u"PINGREQ"_s, 100, from), "no PINGREQ reached the broker");
    }

    void sharedSubscriptionReceives()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        auto a = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        auto b = makeClient(profileFor(broker, BrokerProfile::ProtocolVersion::Mqtt5));
        QVERIFY(connectAndWait(*a));
        QVERIFY(connectAndWait(*b));
        QVERIFY(subscribeAndWait(*a, u"$share/hubs/jobs/#"_s, 1));
        QVERIFY(subscribeAndWait(*b, u"$share/hubs/jobs/#"_s, 1));
        QSignalSpy ra(a.get(), &MqttClient::messageReceived);
        QSignalSpy rb(b.get(), &MqttClient::messageReceived);
        for (int i = 0; i < 20; ++i)
            QVERIFY(a->publish(u"jobs/%1"_s.arg(i), "x"_ba, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(ra.size() + rb.size(), 20, Timeout);
        QVERIFY(ra.size() > 0 && rb.size() > 0); // split between the group, each message once
    }
};

// Child mode for lastWillOnAbruptDeath: connect with a Will, report, then wait to be killed.
static int runWillChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    BrokerProfile p;
    p.url = BrokerProfile::parseUrl(QString::fromLocal8Bit(argv[2]));
    p.protocolVersion = static_cast<BrokerProfile::ProtocolVersion>(QByteArray(argv[3]).toInt());
    p.clientId = u"will-child"_s;
    MqttClient client;
    client.setProfile(p);
    MqttMessage will(u"presence/will-child"_s, "offline"_ba, 1, false);
    if (p.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5)
        will.properties().contentType = u"text/plain"_s;
    client.setWill(will);
    QObject::connect(&client, &MqttClient::connected, &app, [] {
        fputs("connected\n", stdout);
        fflush(stdout);
    });
    client.connectToBroker();
    QTimer::singleShot(20000, &app, &QCoreApplication::quit); // never outlive a broken test
    return app.exec();
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--will-child") == 0)
        return runWillChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestMqttClient test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mqttclient.moc"
