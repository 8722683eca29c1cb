// FleetSession against a real mosquitto and in-process fleet-sim devices: the registry sees the devices,
// their presence reaches the tracker's offline policy, pending commands reach the registry, the message rate
// counts, the approval queue starts with a username, and the ledger is resumed on open.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "models/commandtimelinemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simdevices.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::CommandExecution;
using fleet::FleetSession;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using fleet::test::SimDevices;
using State = CommandExecution::State;

namespace {

fleet::sim::SimConfig configFor(const QString &prefix, int devices)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 100;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    return config;
}

} // namespace

class TestFleetSession final : public QObject
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
        QVERIFY(m_dir.isValid());
    }

    // A catalog change goes to the services the session already has: every pointer taken from it stays
    // valid (a model built on the tracker keeps seeing commands), and the new catalog's own response topic
    // (the IoT Atlas design's commands/{device}/ack) is listened on, so a device answering there gets its
    // verdict in the console.
    void catalogChangeKeepsTheServices()
    {
        FleetSession session;
        QString error;
        QVERIFY2(session.open(m_dir.filePath(u"catalog.sqlite"_s), &error), qPrintable(error));
        fleet::CommandTracker *tracker = session.tracker();
        fleet::ApprovalQueue *approvals = session.approvals();
        fleet::OperatorActions *actions = session.actions();
        fleet::CommandTimelineModel timeline(tracker);
        const auto catalog = fleet::CommandCatalog::fromJson(R"({"version": 1, "commands": [
            {"name": "MOTOR_1_ON", "requestTopic": "commands/{device}", "responseTopic": "commands/{device}/ack",
             "timeoutMs": 3000, "retry": {"attempts": 1}}]})",
                                                             &error);
        QVERIFY2(catalog, qPrintable(error));
        session.setCatalog(*catalog);
        QCOMPARE(session.tracker(), tracker);
        QCOMPARE(session.approvals(), approvals);
        QCOMPARE(session.actions(), actions);
        QVERIFY(session.catalog().find(u"MOTOR_1_ON"_s));
        QVERIFY(!session.catalog().find(u"set_led"_s));

        QVERIFY(fleet::test::connectSessionAndWait(session, fleet::test::profileFor(*m_broker)));
        fleet::MqttClient device;
        device.setProfile(fleet::test::profileFor(*m_broker));
        QVERIFY(fleet::test::connectAndWait(device));
        connect(&device, &fleet::MqttClient::messageReceived, &device, [&](const MqttMessage &m) {
            const fleet::Json request = fleet::Json::parse(m.payload().toStdString(), nullptr, false);
            device.publish(MqttMessage(u"commands/motor-2/ack"_s,
                                       fleet::compactJsonBytes(fleet::Json{{"tid", request.value("tid", "")},
                                                                           {"status", "SUCCESS"}}),
                                       1));
        });
        device.subscribe(u"commands/motor-2"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, DefaultTimeoutMs));

        fleet::OperatorActions::CommandRequest request;
        request.devices = {u"motor-2"_s};
        request.command = u"MOTOR_1_ON"_s;
        QString id;
        actions->sendCommand(request, this, [&](const fleet::OperatorActions::Outcome &o) { id = o.id; });
        QVERIFY(!id.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return tracker->execution(id)->isFinal(); }, DefaultTimeoutMs));
        QCOMPARE(tracker->execution(id)->state, State::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(timeline.rowCount(), 1, DefaultTimeoutMs);
        // The reply on the catalog's topic also tells the registry the device exists and is alive.
        QVERIFY(QTest::qWaitFor(
            [&] {
                session.registry()->flush();
                return session.registry()->indexOf(u"motor-2"_s) >= 0;
            },
            DefaultTimeoutMs));
        device.disconnectFromBroker();
        session.disconnectFromBroker();
    }

    // The session's own device topics: devices that announce themselves elsewhere (site/{id}/status, with
    // telemetry on site/{id}/data) are seen online; a template the registry refuses changes nothing.
    void deviceTopicsAreHonoured()
    {
        FleetSession session;
        QString error;
        QVERIFY(!session.setDeviceTopics(u"site/+/status"_s, u"site/{id}/data"_s, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(session.registry()->presenceTemplate(), u"presence/{id}"_s);
        QVERIFY2(session.setDeviceTopics(u"site/{id}/status"_s, u"site/{id}/data"_s, &error),
                 qPrintable(error));
        fleet::sim::SimConfig config = configFor(u"site"_s, 2);
        config.presenceTopic = u"site/{id}/status"_s;
        config.telemetryTopic = u"site/{id}/data"_s;
        SimDevices devices(config, fleet::test::profileFor(*m_broker));
        QVERIFY(fleet::test::connectSessionAndWait(session, fleet::test::profileFor(*m_broker)));
        QVERIFY(devices.start());
        QVERIFY(QTest::qWaitFor(
            [&] {
                session.registry()->flush();
                return session.registry()->count() == 2 &&
                       session.registry()->device(devices.id(0)).connectivity ==
                           fleet::Device::Connectivity::Online &&
                       session.registry()->device(devices.id(1)).lastSeen > 0;
            },
            DefaultTimeoutMs));
        session.disconnectFromBroker();
    }

    void wiresTheServices()
    {
        SimDevices devices(configFor(u"sess"_s, 2), fleet::test::profileFor(*m_broker));
        QVERIFY(devices.start());

        FleetSession session;
        QString error;
        QVERIFY2(session.open(m_dir.filePath(u"ledger.sqlite"_s), &error), qPrintable(error));
        QVERIFY(session.ledger());
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.username = u"alice"_s;
        QVERIFY(session.connectToBroker(profile));
        QVERIFY(QTest::qWaitFor([&] { return session.registry()->count() == 2; }, DefaultTimeoutMs));
        QCOMPARE(session.identity(), u"alice"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return session.approvalsProblem().isEmpty() && session.messagesPerSecond() > 0; },
            DefaultTimeoutMs));

        // A command runs to its verdict under the operator's name.
        const QString tid = session.tracker()->send(devices.id(0), u"set_led"_s, {{"color", "red"}});
        QVERIFY(!tid.isEmpty());
        QVERIFY(
            QTest::qWaitFor([&] { return session.tracker()->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        QCOMPARE(session.tracker()->execution(tid)->state, State::Succeeded);
        QCOMPARE(session.tracker()->execution(tid)->requestedBy, u"alice"_s);

        // Presence reaches the offline policy: a command for a device that went offline is held, and counts
        // as pending on that device until it ends.
        QSignalSpy stopped(devices.at(1), &fleet::sim::SimDevice::stopped);
        devices.at(1)->stop();
        QVERIFY(stopped.wait(DefaultTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return !session.tracker()->isDeviceOnline(devices.id(1)); },
                                DefaultTimeoutMs));
        const QString held = session.tracker()->send(devices.id(1), u"set_led"_s, {{"color", "blue"}});
        QCOMPARE(session.tracker()->execution(held)->state, State::Queued);
        QVERIFY(QTest::qWaitFor([&] { return session.pendingCommands() == 1; }, DefaultTimeoutMs));
        session.registry()->flush();
        QCOMPARE(session.registry()->device(devices.id(1)).pendingCommands, 1);
        QCOMPARE(session.registry()->device(devices.id(0)).pendingCommands, 0);
        QVERIFY(session.tracker()->cancel(held));
        QVERIFY(QTest::qWaitFor([&] { return session.pendingCommands() == 0; }, DefaultTimeoutMs));
        session.registry()->flush();
        QCOMPARE(session.registry()->device(devices.id(1)).pendingCommands, 0);

        // A sensitive command goes to the shared queue under the operator's name.
        const QString sensitive = session.tracker()->send(devices.id(0), u"reboot"_s);
        QVERIFY(QTest::qWaitFor([&] { return session.approvals()->request(sensitive).has_value(); },
                                DefaultTimeoutMs));
        QCOMPARE(session.approvals()->request(sensitive)->requester, u"alice"_s);
        session.disconnectFromBroker();
    }

    void reopenResumesTheLedger()
    {
        const QString path = m_dir.filePath(u"resume.sqlite"_s);
        QString tid;
        {
            FleetSession first;
            QVERIFY(first.open(path));
            tid = first.tracker()->send(u"nobody-1"_s, u"reboot"_s); // awaits approval, offline broker or not
            QCOMPARE(first.tracker()->execution(tid)->state, State::AwaitingApproval);
        }
        FleetSession second;
        QSignalSpy pending(&second, &FleetSession::pendingCommandsChanged);
        QVERIFY(second.open(path));
        QVERIFY(second.tracker()->execution(tid));
        QCOMPARE(second.tracker()->execution(tid)->state, State::AwaitingApproval);
        QVERIFY(QTest::qWaitFor([&] { return second.pendingCommands() == 1; }, DefaultTimeoutMs));
    }

    void unusableLedgerIsReported()
    {
        FleetSession session;
        QString error;
        QVERIFY(!session.open(m_dir.path(), &error)); // a folder, not a file
        QVERIFY(!error.isEmpty());
        QVERIFY(!session.ledger());
        // Still usable without durability.
        QVERIFY(!session.tracker()->send(u"d-1"_s, u"set_led"_s, {{"color", "red"}}).isEmpty());
    }

    // Devices that reported their shadow before the console started: the session fetches each one, and the
    // registry shows it without waiting for new traffic. The only test with a shadow service, so a broker of
    // its own.
    void shadowsArePrefetched()
    {
        FleetFixture fleet;
        QVERIFY2(fleet.start(u"pre"_s, 3), qPrintable(fleet.errorString()));
        const SimDevices &devices = fleet.devices();
        QTest::qWait(500); // their first reports reach the hub

        FleetSession session;
        QVERIFY(session.connectToBroker(fleet.profile()));
        QVERIFY(QTest::qWaitFor(
            [&] {
                session.registry()->flush();
                for (int i = 0; i < devices.size(); ++i) {
                    if (!session.registry()->device(devices.id(i)).shadow.known)
                        return false;
                }
                return true;
            },
            DefaultTimeoutMs));
        QVERIFY(session.registry()->device(devices.id(0)).shadow.version > 0);
        session.disconnectFromBroker();
        QVERIFY(fleet.hub().stop());
    }

    void cleanupTestCase() { m_broker.reset(); }

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFleetSession)
#include "tst_fleetsession.moc"
