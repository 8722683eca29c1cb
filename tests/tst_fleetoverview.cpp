// FleetOverview over an in-process FleetRegistry (fed messages directly), a CommandTracker on an unconnected
// client (its offline policy and cancel() give live verdicts without a broker), a ledger of executions with
// chosen verdicts and times, and two consoles' approval queues on a real mosquitto: device counts follow
// changed rows and the connection, outcomes land in their buckets and leave the window as it moves, per
// command and per device figures, the throttle, the bound on what is remembered, approvals waiting.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "fleet/fleetregistry.h"
#include "models/fleetoverview.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "store/commandledger.h"
#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ApprovalQueue;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandLedger;
using fleet::CommandTracker;
using fleet::FleetOverview;
using fleet::FleetRegistry;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::MosquittoBroker;
using State = CommandExecution::State;

namespace {

constexpr qint64 Minute = 60 * 1000;
// On a bucket boundary plus 30 s, so that "now" sits inside the last 5-minute bucket.
constexpr qint64 Now = 1'700'000'100'000 - 1'700'000'100'000 % (5 * Minute) + 30'000;

QByteArray documents(const Json &desired, const Json &reported, qint64 version)
{
    const Json state = {{"desired", desired}, {"reported", reported}};
    const Json body = {
        {"previous", {{"state", state}, {"metadata", Json::object()}, {"version", version - 1}}},
        {"current", {{"state", state}, {"metadata", Json::object()}, {"version", version}}},
        {"timestamp", 1700000000}};
    return QByteArray::fromStdString(body.dump());
}

MqttMessage shadow(const QString &id, const Json &desired, const Json &reported, qint64 version)
{
    return MqttMessage(u"$aws/things/"_s + id + u"/shadow/update/documents"_s,
                       documents(desired, reported, version));
}

// An execution that got its verdict at verdictMs, created a second before.
CommandExecution finished(const QString &id, const QString &device, const QString &command, State state,
                          qint64 verdictMs, const QString &reason = {})
{
    CommandExecution e;
    e.id = id;
    e.tid = id;
    e.device = device;
    e.command = command;
    e.reason = reason;
    e.moveTo(State::Queued, verdictMs - 1000);
    e.moveTo(State::Sent, verdictMs - 900);
    e.moveTo(state, verdictMs, reason);
    e.state = state;
    return e;
}

int countOf(const FleetOverview::OutcomeBucket &bucket, State state)
{
    return bucket.counts.value(state, 0);
}

} // namespace

class TestFleetOverview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void devicesAreCounted()
    {
        FleetRegistry registry;
        registry.setClock([] { return Now; });
        FleetOverview overview(&registry, nullptr, nullptr);
        overview.setClock([] { return Now; });
        overview.setConnected(true);
        QSignalSpy changed(&overview, &FleetOverview::changed);

        for (int i = 1; i <= 5; ++i)
            registry.ingest(MqttMessage(u"presence/d-%1"_s.arg(i), i <= 3 ? "online" : "offline"));
        QVERIFY(registry.importData("d-6\n")); // listed by the operator, never heard of
        registry.ingest(shadow(u"d-1"_s, {{"led", "red"}, {"fan", 2}}, {{"led", "blue"}}, 2));
        registry.ingest(shadow(u"d-2"_s, {{"led", "red"}}, {{"led", "red"}}, 2));
        registry.flush();
        overview.recompute();
        QCOMPARE(changed.size(), 1);

        FleetOverview::DeviceCounts counts = overview.devices();
        QCOMPARE(counts.total, 6);
        QCOMPARE(counts.online, 3);
        QCOMPARE(counts.offline, 2);
        QCOMPARE(counts.unknown, 1);
        QCOMPARE(counts.stale, 0);
        QCOMPARE(counts.outOfSync, 1);
        QCOMPARE(counts.differingKeys, 2);

        // Changed rows are counted again; the others keep their count.
        registry.ingest(MqttMessage(u"presence/d-1"_s, "offline"));
        registry.ingest(shadow(u"d-1"_s, {{"led", "red"}}, {{"led", "red"}}, 3));
        registry.ingest(shadow(u"d-5"_s, {{"mode", "eco"}}, Json::object(), 1));
        registry.flush();
        overview.recompute();
        counts = overview.devices();
        QCOMPARE(counts.online, 2);
        QCOMPARE(counts.offline, 3);
        QCOMPARE(counts.outOfSync, 1);
        QCOMPARE(counts.differingKeys, 1);

        // Without the broker every known state is the last known one.
        overview.setConnected(false);
        overview.recompute();
        QCOMPARE(overview.devices().stale, 5);
        QCOMPARE(overview.devices().online, 2);
        overview.setConnected(true);
        overview.recompute();
        QCOMPARE(overview.devices().stale, 0);
    }

    // However many changes arrive, the figures are worked out once per throttle.
    void changesAreThrottled()
    {
        FleetRegistry registry;
        FleetOverview overview(&registry, nullptr, nullptr);
        overview.setThrottleMs(200);
        QSignalSpy changed(&overview, &FleetOverview::changed);
        QTRY_COMPARE(changed.size(), 1); // the first figures
        for (int turn = 0; turn < 10; ++turn) {
            registry.ingest(MqttMessage(u"presence/t-%1"_s.arg(turn), "online"));
            QTest::qWait(5);
        }
        QTRY_COMPARE(overview.devices().online, 10);
        QCOMPARE(changed.size(), 2);
        QTest::qWait(300);
        QCOMPARE(changed.size(), 2);
    }

    void outcomesOverTime()
    {
        QTemporaryDir dir;
        CommandLedger ledger;
        QVERIFY2(ledger.open(dir.filePath(u"ledger.sqlite"_s)), qPrintable(ledger.errorString()));
        const QList<CommandExecution> executions = {
            finished(u"t-01"_s, u"d-1"_s, u"reboot"_s, State::Succeeded, Now - 1000),
            finished(u"t-02"_s, u"d-1"_s, u"reboot"_s, State::Failed, Now - 2000, u"busy"_s),
            finished(u"t-03"_s, u"d-2"_s, u"reboot"_s, State::TimedOut, Now - 4 * Minute),
            finished(u"t-04"_s, u"d-2"_s, u"ping"_s, State::Succeeded, Now - 4 * Minute),
            finished(u"t-05"_s, u"d-2"_s, u"ping"_s, State::Unreachable, Now - 50 * Minute),
            finished(u"t-06"_s, u"d-3"_s, u"ping"_s, State::Rejected, Now - 20 * Minute),
            finished(u"t-07"_s, u"d-3"_s, u"ping"_s, State::Cancelled, Now - 20 * Minute),
            // Outside the hour: remembered for a longer window, not counted in this one.
            finished(u"t-08"_s, u"d-4"_s, u"ping"_s, State::Failed, Now - 90 * Minute),
            // Past the longest window: forgotten.
            finished(u"t-09"_s, u"d-4"_s, u"ping"_s, State::Failed, Now - 25 * 60 * Minute),
        };
        QVERIFY(ledger.recordAll(executions));

        FleetOverview overview(nullptr, nullptr, nullptr);
        qint64 now = Now;
        overview.setClock([&now] { return now; });
        QString error;
        QCOMPARE(overview.loadHistory(ledger, 100, &error), 9);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        overview.recompute();

        QCOMPARE(overview.windowMs(), FleetOverview::DefaultWindowMs);
        const QList<FleetOverview::OutcomeBucket> buckets = overview.outcomes();
        QCOMPARE(buckets.size(), 12);
        QCOMPARE(buckets.last().startMs, Now - 30'000);
        QCOMPARE(buckets.first().startMs, Now - 30'000 - 11 * 5 * Minute);
        QCOMPARE(countOf(buckets.last(), State::Succeeded), 1);
        QCOMPARE(countOf(buckets.last(), State::Failed), 1);
        QCOMPARE(buckets.last().total(), 2);
        QCOMPARE(countOf(buckets.at(10), State::TimedOut), 1);
        QCOMPARE(countOf(buckets.at(10), State::Succeeded), 1);
        QCOMPARE(buckets.at(7).total(), 2); // a rejection and a cancellation, 20 minutes ago
        QCOMPARE(countOf(buckets.at(1), State::Unreachable), 1);
        int total = 0;
        for (const FleetOverview::OutcomeBucket &bucket : buckets)
            total += bucket.total();
        QCOMPARE(total, 7);
        QCOMPARE(overview.failures(), 3);

        // By command, most used first.
        const QList<FleetOverview::CommandStats> commands = overview.commands();
        QCOMPARE(commands.size(), 2);
        QCOMPARE(commands.at(0).command, u"ping"_s);
        QCOMPARE(commands.at(0).verdicts, 4);
        QCOMPARE(commands.at(0).succeeded, 1);
        QCOMPARE(commands.at(0).failures, 1);
        QCOMPARE(commands.at(0).successShare(), 0.25);
        QCOMPARE(commands.at(1).command, u"reboot"_s);
        QCOMPARE(commands.at(1).verdicts, 3);
        QCOMPARE(commands.at(1).failures, 2);

        // Failures count against devices; rejections and cancellations do not.
        const QList<FleetOverview::DeviceFailures> failing = overview.mostFailures();
        QCOMPARE(failing.size(), 2);
        QCOMPARE(failing.at(0).device, u"d-2"_s); // two failures
        QCOMPARE(failing.at(0).failures, 2);
        QCOMPARE(failing.at(0).lastState, State::TimedOut);
        QCOMPARE(failing.at(1).device, u"d-1"_s);
        QCOMPARE(failing.at(1).lastReason, u"busy"_s);

        // A day's window takes in the older failure.
        overview.setWindow(24 * 60 * Minute, 2 * 60 * Minute);
        overview.recompute();
        QCOMPARE(overview.outcomes().size(), 12);
        QCOMPARE(overview.failures(), 4);
        QCOMPARE(overview.mostFailures().size(), 3);

        // Back to the hour, 40 minutes later: what is older than the window's first bucket has left it.
        overview.setWindow(FleetOverview::DefaultWindowMs, FleetOverview::DefaultBucketMs);
        now = Now + 40 * Minute;
        overview.recompute();
        total = 0;
        for (const FleetOverview::OutcomeBucket &bucket : overview.outcomes())
            total += bucket.total();
        QCOMPARE(total, 4); // 20 minutes old then, 60 now: out
        QCOMPARE(overview.outcomes().last().total(), 0);
    }

    void topTenOnly()
    {
        QTemporaryDir dir;
        CommandLedger ledger;
        QVERIFY(ledger.open(dir.filePath(u"ledger.sqlite"_s)));
        QList<CommandExecution> executions;
        // Device d-N fails N times.
        int n = 0;
        for (int device = 1; device <= 15; ++device) {
            for (int i = 0; i < device; ++i)
                executions.append(finished(u"t-%1"_s.arg(++n, 4, 10, QLatin1Char('0')), u"d-%1"_s.arg(device),
                                           u"ping"_s, State::Failed, Now - Minute));
        }
        QVERIFY(ledger.recordAll(executions));
        FleetOverview overview(nullptr, nullptr, nullptr);
        overview.setClock([] { return Now; });
        QCOMPARE(overview.loadHistory(ledger, 1000), n);
        overview.recompute();
        const QList<FleetOverview::DeviceFailures> failing = overview.mostFailures();
        QCOMPARE(failing.size(), FleetOverview::TopFailingDevices);
        QCOMPARE(failing.first().device, u"d-15"_s);
        QCOMPARE(failing.first().failures, 15);
        QCOMPARE(failing.last().device, u"d-6"_s);
    }

    // Live executions come from the tracker: its verdicts, and those under way.
    void followsTheTracker()
    {
        MqttClient client; // never connected: commands wait, or fail at once for an offline device
        CommandTracker tracker(&client, CommandCatalog::defaultCatalog());
        FleetOverview overview(nullptr, &tracker, nullptr);
        QString error;
        const QString held = tracker.send(u"d-1"_s, u"upload_log"_s, Json::object(), &error);
        QVERIFY2(!held.isEmpty(), qPrintable(error));
        tracker.setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        tracker.setDeviceOnline(u"d-2"_s, false);
        const QString failed = tracker.send(u"d-2"_s, u"upload_log"_s, Json::object(), &error);
        QVERIFY2(!failed.isEmpty(), qPrintable(error));
        QTRY_COMPARE(tracker.execution(failed)->state, State::Failed);
        QVERIFY(QTest::qWaitFor([&] { return overview.failures() == 1; }, 3000));
        QCOMPARE(overview.inProgress(), 1);
        QCOMPARE(overview.commands().size(), 1);
        QCOMPARE(overview.commands().first().inProgress, 1);
        QCOMPARE(overview.commands().first().failures, 1);
        QCOMPARE(overview.mostFailures().first().device, u"d-2"_s);

        QVERIFY(tracker.cancel(held));
        QVERIFY(QTest::qWaitFor([&] { return overview.inProgress() == 0; }, 3000));
        QCOMPARE(overview.outcomes().last().counts.value(State::Cancelled), 1);
        QCOMPARE(overview.failures(), 1);
    }

    // The bound on what is remembered drops the oldest verdicts first.
    void rememberedExecutionsAreBounded()
    {
        QTemporaryDir dir;
        CommandLedger ledger;
        QVERIFY(ledger.open(dir.filePath(u"ledger.sqlite"_s)));
        QList<CommandExecution> executions;
        for (int i = 0; i < 8; ++i)
            executions.append(finished(u"b-%1"_s.arg(i), u"d-%1"_s.arg(i), u"ping"_s, State::Failed,
                                       Now - (8 - i) * Minute));
        QVERIFY(ledger.recordAll(executions));
        FleetOverview overview(nullptr, nullptr, nullptr);
        overview.setClock([] { return Now; });
        overview.setMaxExecutions(5);
        QCOMPARE(overview.loadHistory(ledger, 100), 8);
        overview.recompute();
        QCOMPARE(overview.failures(), 5);
        QStringList devices;
        for (const FleetOverview::DeviceFailures &failing : overview.mostFailures())
            devices.append(failing.device);
        devices.sort();
        QCOMPARE(devices, (QStringList{u"d-3"_s, u"d-4"_s, u"d-5"_s, u"d-6"_s, u"d-7"_s}));
    }

    // Approvals waiting: for this user (someone else's), and this user's own.
    void approvalsWaiting()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"alice"_s, u"pw"_s}, {u"bob"_s, u"pw"_s}};
        QFile acl(QStringLiteral(FLEET_SOURCE_DIR "/docs/approvals.acl"));
        QVERIFY(acl.open(QIODevice::ReadOnly));
        options.acl = QString::fromUtf8(acl.readAll());
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const auto connect = [&broker](const QString &user) {
            fleet::BrokerProfile profile = fleet::test::profileFor(broker);
            profile.username = user;
            auto client = std::make_unique<MqttClient>();
            client->setProfile(profile);
            client->setPassword(u"pw"_s);
            return fleet::test::connectAndWait(*client) ? std::move(client) : nullptr;
        };
        const auto alice = connect(u"alice"_s);
        const auto bob = connect(u"bob"_s);
        QVERIFY(alice && bob);
        CommandTracker aliceTracker(alice.get(), CommandCatalog::defaultCatalog());
        ApprovalQueue aliceQueue(alice.get());
        aliceQueue.setTracker(&aliceTracker);
        ApprovalQueue bobQueue(bob.get());
        QVERIFY(aliceQueue.start());
        QVERIFY(bobQueue.start());
        QTest::qWait(200); // subscriptions granted

        FleetOverview aliceView(nullptr, &aliceTracker, &aliceQueue);
        FleetOverview bobView(nullptr, nullptr, &bobQueue);
        aliceView.setThrottleMs(50);
        bobView.setThrottleMs(50);
        for (const QString &device : {u"m-1"_s, u"m-2"_s})
            QVERIFY(!aliceTracker.send(device, u"reboot"_s).isEmpty()); // sensitive: waits for approval

        QVERIFY(
            QTest::qWaitFor([&] { return bobView.approvals().pending == 2; }, fleet::test::DefaultTimeoutMs));
        QCOMPARE(bobView.approvals().forMe, 2);
        QCOMPARE(bobView.approvals().mine, 0);
        QVERIFY(QTest::qWaitFor([&] { return aliceView.approvals().pending == 2; },
                                fleet::test::DefaultTimeoutMs));
        QCOMPARE(aliceView.approvals().forMe, 0);
        QCOMPARE(aliceView.approvals().mine, 2);
        QCOMPARE(aliceView.inProgress(), 2); // awaiting approval is under way
        alice->disconnectFromBroker();
        bob->disconnectFromBroker();
    }
};

QTEST_MAIN(TestFleetOverview)
#include "tst_fleetoverview.moc"
