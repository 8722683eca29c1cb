// TrafficCapture against a real mosquitto: filters that another covers are not subscribed; overlapping
// filters bring each message once, on MQTT 5 (subscription identifiers) and on MQTT 3.1.1 (mosquitto sends
// one copy), and a payload published twice is still shown twice; invalid and shared filters are refused and
// the old ones stay; the connection is its own (client id, no Last Will) and leaves the session's client
// alone; and, on a broker secured as fleet-hub provisions it, an operator's capture sees the requests the
// gate sends to a device, which the console's services never subscribe to.

#include "brokerobserver.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/trafficcapture.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "testutil.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::TrafficCapture;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

// Every filter the capture subscribed is granted.
bool allGranted(const TrafficCapture &capture)
{
    if (capture.client()->state() != MqttClient::State::Connected)
        return false;
    const auto subscriptions = capture.client()->subscriptions();
    const QStringList wanted = capture.subscribedFilters();
    return std::all_of(wanted.cbegin(), wanted.cend(), [&](const QString &filter) {
        return std::any_of(subscriptions.cbegin(), subscriptions.cend(),
                           [&](const MqttClient::Subscription &s) {
                               return s.filter == filter && s.state == MqttClient::SubscriptionState::Granted;
                           });
    });
}

} // namespace

class TestTrafficCapture final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        m_publisher = std::make_unique<MqttClient>();
        m_publisher->setProfile(fleet::test::profileFor(*m_broker));
        QVERIFY(fleet::test::connectAndWait(*m_publisher));
    }

    void cleanupTestCase()
    {
        m_publisher.reset();
        m_broker.reset();
    }

    void coveredFiltersAreNotSubscribed()
    {
        TrafficCapture capture;
        QVERIFY(capture.setFilters({u"a/#"_s, u"#"_s, u"$aws/things/+/shadow/#"_s, u"$aws/#"_s, u"a/#"_s}));
        QCOMPARE(capture.filters(),
                 (QStringList{u"a/#"_s, u"#"_s, u"$aws/things/+/shadow/#"_s, u"$aws/#"_s}));
        QCOMPARE(capture.subscribedFilters(), (QStringList{u"#"_s, u"$aws/#"_s}));
        // Partial overlaps are both needed.
        QVERIFY(capture.setFilters({u"+/dev-7/#"_s, u"telemetry/#"_s}));
        QCOMPARE(capture.subscribedFilters(), (QStringList{u"+/dev-7/#"_s, u"telemetry/#"_s}));
        QCOMPARE(TrafficCapture::parseFilters(u"  a/#   $aws/#\tb "_s),
                 (QStringList{u"a/#"_s, u"$aws/#"_s, u"b"_s}));
    }

    void refusalsKeepTheFilters()
    {
        TrafficCapture capture;
        QVERIFY(capture.setFilters({u"keep/#"_s}));
        QString error;
        QVERIFY(!capture.setFilters({u"ok/#"_s, u"a/#/b"_s}, &error));
        QVERIFY2(error.contains(u"a/#/b"_s), qPrintable(error));
        QVERIFY(!capture.setFilters({u"$share/g/#"_s}, &error));
        QVERIFY2(error.contains(u"shared"_s), qPrintable(error));
        QStringList many;
        for (int i = 0; i <= TrafficCapture::MaxFilters; ++i)
            many << u"t/%1"_s.arg(i);
        QVERIFY(!capture.setFilters(many, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(capture.filters(), QStringList{u"keep/#"_s});
    }

    void overlappingFiltersBringEachMessageOnce_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("MQTT 5") << int(BrokerProfile::ProtocolVersion::Mqtt5);
        QTest::newRow("MQTT 3.1.1") << int(BrokerProfile::ProtocolVersion::Mqtt311);
    }

    void overlappingFiltersBringEachMessageOnce()
    {
        QFETCH(int, version);
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.protocolVersion = BrokerProfile::ProtocolVersion(version);
        TrafficCapture capture;
        QSignalSpy received(&capture, &TrafficCapture::messageReceived);
        // Three filters all match telemetry/dev-7/temp; none covers another.
        QVERIFY(capture.setFilters({u"+/dev-7/#"_s, u"telemetry/#"_s, u"+/+/temp"_s}));
        capture.setConnection(profile, QString());
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);

        const QList<std::pair<QString, QByteArray>> sent = {
            {u"telemetry/dev-7/temp"_s, "21.5"}, {u"telemetry/dev-7/temp"_s, "21.5"}, // the same, twice
            {u"telemetry/dev-8/temp"_s, "19"},   {u"cmd/dev-7/req"_s, "{}"},
            {u"other/x"_s, "not captured"},      {u"telemetry/dev-7/temp"_s, "22"},
        };
        for (const auto &[topic, payload] : sent)
            QVERIFY(m_publisher->publish(topic, payload, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 5, DefaultTimeoutMs);
        // Nothing more comes: the copies were dropped, not late.
        QTest::qWait(300);
        QCOMPARE(received.count(), 5);
        QStringList got;
        for (const QList<QVariant> &args : std::as_const(received)) {
            const auto message = args.at(0).value<MqttMessage>();
            got << message.topic() + u'=' + QString::fromUtf8(message.payload());
        }
        QCOMPARE(got, (QStringList{u"telemetry/dev-7/temp=21.5"_s, u"telemetry/dev-7/temp=21.5"_s,
                                   u"telemetry/dev-8/temp=19"_s, u"cmd/dev-7/req={}"_s,
                                   u"telemetry/dev-7/temp=22"_s}));
        // With MQTT 5, mosquitto sends a copy per matching subscription: each telemetry/dev-7/temp message
        // came three times and dev-8's twice. With MQTT 3.1.1 it sends one, and nothing is dropped.
        QCOMPARE(capture.copiesDropped(),
                 version == int(BrokerProfile::ProtocolVersion::Mqtt5) ? qint64(3 * 2 + 1) : qint64(0));
    }

    // Changing the filters keeps what both match flowing and stops what only the old ones matched.
    void changingFilters()
    {
        TrafficCapture capture;
        QSignalSpy received(&capture, &TrafficCapture::messageReceived);
        QVERIFY(capture.setFilters({u"change/a/#"_s}));
        capture.setConnection(fleet::test::profileFor(*m_broker), QString());
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);
        QVERIFY(capture.setFilters({u"change/#"_s}));
        QCOMPARE(capture.subscribedFilters(), QStringList{u"change/#"_s});
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(capture.client()->subscriptions().size()), 1, DefaultTimeoutMs);
        m_publisher->publish(u"change/a/1"_s, "1", 1);
        m_publisher->publish(u"change/b"_s, "2", 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, DefaultTimeoutMs);
        QVERIFY(capture.setFilters({u"change/b"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(capture.client()->subscriptions().size()), 1, DefaultTimeoutMs);
        m_publisher->publish(u"change/a/1"_s, "3", 1);
        m_publisher->publish(u"change/b"_s, "4", 1);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, DefaultTimeoutMs);
        QTest::qWait(200);
        QCOMPARE(received.count(), 3);
        QCOMPARE(received.last().at(0).value<MqttMessage>().payload(), "4"_ba);
    }

    // Its own connection: not the profile's client id (which would close the session's connection), no Last
    // Will (its going is not the operator's), and nothing opened until there is something to capture.
    void itsOwnConnection()
    {
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.clientId = u"console-alice"_s;
        MqttClient session;
        session.setProfile(profile);
        QVERIFY(fleet::test::connectAndWait(session));

        TrafficCapture capture;
        capture.setConnection(profile, QString());
        QTest::qWait(100);
        QCOMPARE(capture.client()->state(), MqttClient::State::Disconnected);
        QVERIFY(capture.setFilters(TrafficCapture::defaultFilters()));
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);
        QCOMPARE(capture.client()->clientId(), u"console-alice-traffic"_s);
        QTest::qWait(200);
        QCOMPARE(session.state(), MqttClient::State::Connected);
        QVERIFY(session.subscriptions().isEmpty());
        capture.disconnectFromBroker();
        QTRY_COMPARE(capture.client()->state(), MqttClient::State::Disconnected);
    }

    // On a broker secured as provisioning secures it, an operator reads cmd/+/req: the capture shows the
    // request the gate sent to a device, as mosquitto_sub with the same account would.
    void operatorSeesRequestsToDevices()
    {
        fleet::test::SecuredBroker secured;
        QString error;
        QVERIFY2(secured.start(2, &error), qPrintable(error));
        TrafficCapture capture;
        QSignalSpy received(&capture, &TrafficCapture::messageReceived);
        QVERIFY(capture.setFilters(TrafficCapture::defaultFilters()));
        capture.setConnection(secured.profileFor(u"alice"_s, u"alice-console"_s),
                              secured.password(u"alice"_s));
        QTRY_VERIFY_WITH_TIMEOUT(allGranted(capture), DefaultTimeoutMs);

        std::optional<fleet::test::MqttPeer> hub = secured.peer(u"hub"_s);
        QVERIFY(hub);
        QVERIFY(hub->publish(u"cmd/dev-1/req"_s, R"({"cmd":"reboot","tid":"t-1","status":"REQUEST"})"));
        QVERIFY(hub->publish(u"$aws/things/dev-1/shadow/update/accepted"_s, R"({"version":2})"));
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, DefaultTimeoutMs);
        QCOMPARE(received.at(0).at(0).value<MqttMessage>().topic(), u"cmd/dev-1/req"_s);
        QCOMPARE(received.at(1).at(0).value<MqttMessage>().topic(),
                 u"$aws/things/dev-1/shadow/update/accepted"_s);
    }

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MqttClient> m_publisher;
};

QTEST_GUILESS_MAIN(TestTrafficCapture)

#include "tst_trafficcapture.moc"
