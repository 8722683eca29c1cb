// ApprovalQueue against a real mosquitto with a password file and the ACL shipped in docs/approvals.acl:
// consoles of different users (alice requests, bob and carol approve) share the queue through the broker;
// identities come from the topics the ACL guards; a decision is acted on once; requests expire, are
// withdrawn, survive a console that is down (or killed) when the decision is made; bad input changes nothing.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"
#include "simdevice.h"
#include "store/commandledger.h"
#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ApprovalQueue;
using fleet::ApprovalRequest;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandLedger;
using fleet::CommandTracker;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimDevice;
using fleet::test::DefaultTimeoutMs;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using ExecState = CommandExecution::State;
using ReqState = ApprovalRequest::State;

namespace {

const char *const TestCatalog =
    "{\"version\": 1, \"commands\": ["
    " {\"name\": \"motor_off\", \"sensitive\": true, \"timeoutMs\": 2000,"
    "  \"retry\": {\"attempts\": 2, \"backoffBaseMs\": 50, \"backoffCapMs\": 100, \"jitter\": 0.3}},"
    " {\"name\": \"motor_on\", \"timeoutMs\": 2000}"
    "]}";

const QString Password = u"pw"_s;

CommandCatalog testCatalog()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(TestCatalog, &error);
    if (!catalog)
        qFatal("test catalog: %s", qPrintable(error));
    return *catalog;
}

// One user's console core: its own connection (authenticated as that user), ledger and queue, and, for a
// requester, a tracker.
struct Console
{
    Console(const MosquittoBroker &broker, const QString &user, const QString &ledgerPath, bool withTracker)
    {
        BrokerProfile profile = fleet::test::profileFor(broker);
        profile.username = user;
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        client = std::make_unique<MqttClient>();
        client->setProfile(profile);
        client->setPassword(Password);
        if (!ledgerPath.isEmpty() && !ledger.open(ledgerPath))
            qFatal("ledger: %s", qPrintable(ledger.errorString()));
        if (withTracker) {
            tracker = std::make_unique<CommandTracker>(client.get(), testCatalog());
            tracker->setActor(user);
            if (ledger.isOpen())
                tracker->setLedger(&ledger);
        }
        queue = std::make_unique<ApprovalQueue>(client.get());
        queue->setTracker(tracker.get());
        if (ledger.isOpen())
            queue->setLedger(&ledger);
    }
    ~Console()
    {
        queue.reset();
        tracker.reset();
        if (client)
            client->disconnectFromBroker();
    }

    // Connects, resumes the tracker from the ledger, starts the queue and waits for its subscriptions.
    bool start()
    {
        if (!fleet::test::connectAndWait(*client))
            return false;
        if (tracker && ledger.isOpen() && tracker->resume() < 0)
            return false;
        QString error;
        if (!queue->start(&error)) {
            qWarning("queue: %s", qPrintable(error));
            return false;
        }
        return QTest::qWaitFor(
            [this] {
                const auto subscriptions = client->subscriptions();
                return std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
                    return s.state == MqttClient::SubscriptionState::Granted;
                });
            },
            DefaultTimeoutMs);
    }

    // A console that dies without a word: no DISCONNECT, nothing flushed beyond what was already written.
    void crash()
    {
        client->abortConnection();
        queue.reset();
        tracker.reset();
        client.reset();
    }

    std::optional<ApprovalRequest> waitRequest(const QString &id, ReqState state) const
    {
        const bool reached = QTest::qWaitFor(
            [&] {
                const auto r = queue->request(id);
                return r && r->state == state;
            },
            DefaultTimeoutMs);
        return reached ? queue->request(id) : std::nullopt;
    }

    CommandLedger ledger;
    std::unique_ptr<MqttClient> client;
    std::unique_ptr<CommandTracker> tracker;
    std::unique_ptr<ApprovalQueue> queue;
};

} // namespace

class TestApprovalQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        FleetFixture::Options options;
        options.hub = false; // the approval queue is all on the broker
        options.deviceUser = {u"devices"_s, Password};
        options.broker.users = {
            {u"alice"_s, Password}, {u"bob"_s, Password}, {u"carol"_s, Password}, options.deviceUser};
        options.broker.acl = MosquittoBroker::shippedApprovalsAcl();
        m_fleet = std::make_unique<FleetFixture>(options);
        QVERIFY2(m_fleet->start(u"appr"_s, 1), qPrintable(m_fleet->errorString()));
        m_device = m_fleet->devices().at(0);
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        ++m_round;
        m_alice = std::make_unique<Console>(m_fleet->broker(), u"alice"_s, ledgerPath(u"alice"_s), true);
        m_bob = std::make_unique<Console>(m_fleet->broker(), u"bob"_s, ledgerPath(u"bob"_s), false);
        m_carol = std::make_unique<Console>(m_fleet->broker(), u"carol"_s, QString(), false);
        // All tests share the ACL's topics: earlier tests' retained requests are still there, each with its
        // own id, and nobody's in this round (a new ledger each).
        QVERIFY(m_alice->start());
        QVERIFY(m_bob->start());
        QVERIFY(m_carol->start());
        QTest::qWait(100); // the device's subscription settles before the first request
    }

    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
        m_carol.reset();
    }

    void cleanupTestCase()
    {
        m_device = nullptr;
        m_fleet.reset();
    }

    void approvedByAnotherUserIsSentOnce()
    {
        const qint64 executedBefore = m_device->commandsExecuted();
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(!tid.isEmpty());
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::AwaitingApproval);
        QCOMPARE(m_alice->tracker->execution(tid)->requestedBy, u"alice"_s);

        const std::optional<ApprovalRequest> seen = m_bob->waitRequest(tid, ReqState::Pending);
        QVERIFY(seen);
        QCOMPARE(seen->requester, u"alice"_s);
        QCOMPARE(seen->device, m_device->id());
        QCOMPARE(seen->command, u"motor_off"_s);
        QVERIFY(seen->expiresMs > seen->requestedMs);
        QCOMPARE(m_bob->queue->pendingCount(), 1);
        QVERIFY(m_bob->queue->canDecide(tid));
        QTest::qWait(200); // nothing is sent without a decision
        QCOMPARE(m_device->commandsExecuted(), executedBefore);

        QString error;
        QVERIFY2(m_bob->queue->approve(tid, u"maintenance window"_s, &error), qPrintable(error));
        QVERIFY(
            QTest::qWaitFor([&] { return m_alice->tracker->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        const CommandExecution e = *m_alice->tracker->execution(tid);
        QCOMPARE(e.state, ExecState::Succeeded);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(m_device->commandsExecuted(), executedBefore + 1);
        // The timeline says who approved it and why.
        QCOMPARE(e.transitions.at(1).state, ExecState::Approved);
        QCOMPARE(e.transitions.at(1).note, u"approved by bob: maintenance window"_s);

        for (Console *c : {m_alice.get(), m_bob.get(), m_carol.get()}) {
            const std::optional<ApprovalRequest> r = c->waitRequest(tid, ReqState::Approved);
            QVERIFY(r);
            QCOMPARE(r->state, ReqState::Approved);
            QCOMPARE(r->decidedBy, u"bob"_s);
            QCOMPARE(r->reason, u"maintenance window"_s);
        }
        // The requester's ledger has the outcome and the audit trail; the approver's audit has its decision.
        const std::optional<ApprovalRequest> stored = m_alice->ledger.approval(tid);
        QVERIFY(stored);
        QCOMPARE(stored->state, ReqState::Approved);
        QCOMPARE(stored->decisions.size(), 1);
        QVERIFY(hasAudit(m_alice->ledger, u"alice"_s, u"approval-request"_s, tid, u"pending"_s));
        QVERIFY(hasAudit(m_alice->ledger, u"alice"_s, u"approval"_s, tid, u"approved"_s));
        QVERIFY(hasAudit(m_alice->ledger, u"alice"_s, u"send"_s, tid, u"accepted"_s));
        QVERIFY(hasAudit(m_bob->ledger, u"bob"_s, u"approve"_s, tid, u"sent"_s));
        // Bob's retained decision is cleared once the outcome is out.
        QVERIFY(QTest::qWaitFor([&] { return retainedDecisions(tid).isEmpty(); }, DefaultTimeoutMs));
    }

    void requesterCannotApproveOwnRequest()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_alice->waitRequest(tid, ReqState::Pending));
        QString error;
        QVERIFY(!m_alice->queue->approve(tid, {}, &error));
        QVERIFY2(error.contains(u"yours"_s), qPrintable(error));

        // Published by hand on the topic the ACL allows alice: seen, and refused by her own console.
        QSignalSpy ignored(m_alice->queue.get(), &ApprovalQueue::decisionIgnored);
        m_alice->client->publish(MqttMessage(m_alice->queue->decisionTopic(tid, u"alice"_s),
                                             QByteArrayLiteral("{\"decision\":\"approve\"}"), 1, true));
        QVERIFY(ignored.wait(DefaultTimeoutMs));
        QCOMPARE(ignored.first().at(1).toString(), u"alice"_s);
        QCOMPARE(m_alice->queue->request(tid)->state, ReqState::Pending);
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::AwaitingApproval);
        QVERIFY(hasAudit(m_alice->ledger, u"alice"_s, u"approve"_s, tid, u"ignored"_s));
        // Cleared, so that it does not come back in the next test's subscriptions.
        m_alice->client->publish(MqttMessage(m_alice->queue->decisionTopic(tid, u"alice"_s), {}, 1, true));
    }

    void forgedDecisionIsDeniedByTheBroker()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        // Bob writes a decision in carol's name: the ACL refuses it (MQTT 5 says so in the PUBACK).
        QSignalSpy failed(m_bob->client.get(), &MqttClient::publishFailed);
        m_bob->client->publish(MqttMessage(m_bob->queue->decisionTopic(tid, u"carol"_s),
                                           QByteArrayLiteral("{\"decision\":\"approve\"}"), 1, true));
        QVERIFY(failed.wait(DefaultTimeoutMs));
        // And in alice's name on her request topic, to make it look decided: refused too.
        failed.clear();
        ApprovalRequest forged = *m_bob->queue->request(tid);
        forged.state = ReqState::Approved;
        forged.decidedBy = u"carol"_s;
        m_bob->client->publish(MqttMessage(m_bob->queue->requestTopic(u"alice"_s, tid),
                                           QByteArray::fromStdString(forged.toJson().dump()), 1, true));
        QVERIFY(failed.wait(DefaultTimeoutMs));
        QTest::qWait(300);
        QCOMPARE(m_alice->queue->request(tid)->state, ReqState::Pending);
        QCOMPARE(m_carol->queue->request(tid)->state, ReqState::Pending);
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::AwaitingApproval);

        // Carol's own decision counts.
        QVERIFY(m_carol->queue->approve(tid));
        QVERIFY(m_alice->waitRequest(tid, ReqState::Approved));
        QCOMPARE(m_alice->queue->request(tid)->decidedBy, u"carol"_s);
    }

    void rejectionEndsTheCommandUnsent()
    {
        const qint64 executedBefore = m_device->commandsExecuted();
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        QString error;
        QVERIFY(!m_bob->queue->reject(u"no-such-id"_s, u"x"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(m_bob->queue->reject(tid, u"not during production"_s));
        const std::optional<ApprovalRequest> r = m_alice->waitRequest(tid, ReqState::Rejected);
        QVERIFY(r);
        QCOMPARE(r->state, ReqState::Rejected);
        QCOMPARE(r->decidedBy, u"bob"_s);
        const CommandExecution e = *m_alice->tracker->execution(tid);
        QCOMPARE(e.state, ExecState::Rejected);
        QVERIFY2(e.reason.contains(u"bob"_s) && e.reason.contains(u"not during production"_s),
                 qPrintable(e.reason));
        QCOMPARE(e.attempts, 0);
        QTest::qWait(200);
        QCOMPARE(m_device->commandsExecuted(), executedBefore);
        // Decided: nobody can decide again.
        QVERIFY(m_carol->waitRequest(tid, ReqState::Rejected));
        QVERIFY(!m_carol->queue->approve(tid, {}, &error));
    }

    void twoApproversAtOnceSendOnce()
    {
        const qint64 executedBefore = m_device->commandsExecuted();
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        QVERIFY(m_carol->waitRequest(tid, ReqState::Pending));
        QSignalSpy ignored(m_alice->queue.get(), &ApprovalQueue::decisionIgnored);
        // Both before either reaches the broker: the same moment, as far as the queue can tell.
        QVERIFY(m_bob->queue->approve(tid, u"bob says yes"_s));
        QVERIFY(m_carol->queue->reject(tid, u"carol says no"_s));
        QVERIFY(ignored.wait(DefaultTimeoutMs));
        QCOMPARE(ignored.size(), 1);
        const ApprovalRequest r = *m_alice->queue->request(tid);
        QCOMPARE(r.decisions.size(), 2);
        // The first decision delivered wins, whichever it is; the other is recorded and changes nothing.
        QCOMPARE(r.decidedBy, r.decisions.first().approver);
        QVERIFY(
            QTest::qWaitFor([&] { return m_alice->tracker->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        const CommandExecution e = *m_alice->tracker->execution(tid);
        if (r.state == ReqState::Approved) {
            QCOMPARE(e.state, ExecState::Succeeded);
            QCOMPARE(e.attempts, 1);
            QCOMPARE(m_device->commandsExecuted(), executedBefore + 1);
        } else {
            QCOMPARE(r.state, ReqState::Rejected);
            QCOMPARE(e.state, ExecState::Rejected);
            QCOMPARE(m_device->commandsExecuted(), executedBefore);
        }
        QTest::qWait(300);
        QCOMPARE(m_alice->tracker->execution(tid)->state, e.state);
    }

    void unansweredRequestExpires()
    {
        m_alice->queue->setLifetimeMs(400);
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        const std::optional<ApprovalRequest> r = m_bob->waitRequest(tid, ReqState::Expired);
        QVERIFY(r);
        QCOMPARE(r->state, ReqState::Expired);
        const CommandExecution e = *m_alice->tracker->execution(tid);
        QCOMPARE(e.state, ExecState::Rejected);
        QVERIFY2(e.reason.contains(u"expired"_s), qPrintable(e.reason));
        QString error;
        QVERIFY(!m_bob->queue->approve(tid, {}, &error));
        QVERIFY(!error.isEmpty());
    }

    void cancelledCommandIsWithdrawn()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        QVERIFY(m_alice->tracker->cancel(tid));
        QVERIFY(m_bob->waitRequest(tid, ReqState::Withdrawn));
        QVERIFY(!m_bob->queue->approve(tid));
    }

    void laterConsoleSeesTheQueue()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        Console dave(m_fleet->broker(), u"carol"_s, QString(), false);
        QVERIFY(dave.start());
        const std::optional<ApprovalRequest> r = dave.waitRequest(tid, ReqState::Pending);
        QVERIFY(r);
        QCOMPARE(r->requester, u"alice"_s);
    }

    void decisionWhileRequesterIsDownIsActedOnAtRestart()
    {
        const qint64 executedBefore = m_device->commandsExecuted();
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        m_alice->crash();
        QVERIFY(m_bob->queue->approve(tid, u"while you were out"_s));
        QTest::qWait(300);
        QCOMPARE(m_device->commandsExecuted(), executedBefore);

        // The same user's console again, on the same ledger: the command resumes awaiting approval, the
        // retained decision arrives, the command is sent once.
        m_alice = std::make_unique<Console>(m_fleet->broker(), u"alice"_s, ledgerPath(u"alice"_s), true);
        QVERIFY(m_alice->start());
        QVERIFY(m_alice->queue->request(tid));
        const std::optional<ApprovalRequest> approved = m_alice->waitRequest(tid, ReqState::Approved);
        QVERIFY(approved);
        QCOMPARE(approved->decidedBy, u"bob"_s);
        QVERIFY(
            QTest::qWaitFor([&] { return m_alice->tracker->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::Succeeded);
        QCOMPARE(m_device->commandsExecuted(), executedBefore + 1);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Approved));
    }

    void approvalWrittenButNotSentIsSentAtRestart()
    {
        // A crash between writing the decision and sending the command: the ledger says approved, the
        // tracker's record still awaits approval.
        const qint64 executedBefore = m_device->commandsExecuted();
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_alice->waitRequest(tid, ReqState::Pending));
        ApprovalRequest decided = *m_alice->queue->request(tid);
        m_alice->crash();
        decided.state = ReqState::Approved;
        decided.decidedBy = u"bob"_s;
        decided.decidedMs = QDateTime::currentMSecsSinceEpoch();
        decided.decisions = {{u"bob"_s, true, {}, decided.decidedMs}};
        QVERIFY(m_alice->ledger.recordApproval(decided));

        m_alice = std::make_unique<Console>(m_fleet->broker(), u"alice"_s, ledgerPath(u"alice"_s), true);
        QVERIFY(m_alice->start());
        QVERIFY(
            QTest::qWaitFor([&] { return m_alice->tracker->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::Succeeded);
        QCOMPARE(m_device->commandsExecuted(), executedBefore + 1);
        // Others learn the outcome from the republished request.
        QVERIFY(m_bob->waitRequest(tid, ReqState::Approved));
    }

    void badInputChangesNothing()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitRequest(tid, ReqState::Pending));
        QSignalSpy ignored(m_alice->queue.get(), &ApprovalQueue::decisionIgnored);
        // Bob's own topics, garbage in them.
        const QString prefix = m_bob->queue->topicPrefix();
        m_bob->client->publish(MqttMessage(m_bob->queue->decisionTopic(tid, u"bob"_s), "not json", 1, false));
        m_bob->client->publish(
            MqttMessage(m_bob->queue->decisionTopic(tid, u"bob"_s), "{\"decision\":\"maybe\"}", 1, false));
        m_bob->client->publish(MqttMessage(prefix + u"/requests/bob/X1"_s, "[1,2]", 1, false));
        m_bob->client->publish(MqttMessage(prefix + u"/requests/bob/X2"_s, "{\"id\":\"other\"}", 1, false));
        QVERIFY(QTest::qWaitFor([&] { return ignored.size() == 2; }, DefaultTimeoutMs));
        QTest::qWait(200);
        QCOMPARE(m_alice->queue->request(tid)->state, ReqState::Pending);
        QVERIFY(!m_carol->queue->request(u"X1"_s));
        QVERIFY(!m_carol->queue->request(u"X2"_s));
        QVERIFY(m_bob->queue->approve(tid));
        QVERIFY(m_alice->waitRequest(tid, ReqState::Approved));
    }

    void identityRules()
    {
        QVERIFY(ApprovalQueue::isValidIdentity(u"alice"_s));
        QVERIFY(!ApprovalQueue::isValidIdentity({}));
        QVERIFY(!ApprovalQueue::isValidIdentity(u"a/b"_s));
        QVERIFY(!ApprovalQueue::isValidIdentity(u"a+"_s));
        QVERIFY(!ApprovalQueue::isValidIdentity(u"#"_s));

        // An anonymous console cannot take part, and says why.
        MqttClient client;
        ApprovalQueue queue(&client);
        QString error;
        QVERIFY(!queue.start(&error));
        QVERIFY2(error.contains(u"username"_s), qPrintable(error));
    }

    void nonSensitiveCommandsSkipTheQueue()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_on"_s);
        QVERIFY(
            QTest::qWaitFor([&] { return m_alice->tracker->execution(tid)->isFinal(); }, DefaultTimeoutMs));
        QCOMPARE(m_alice->tracker->execution(tid)->state, ExecState::Succeeded);
        QVERIFY(!m_alice->queue->request(tid));
        QVERIFY(!m_bob->queue->request(tid));
    }

private:
    QString ledgerPath(const QString &user) const
    {
        return m_dir.filePath(u"%1-%2.sqlite"_s.arg(user).arg(m_round));
    }

    static bool hasAudit(CommandLedger &ledger, const QString &actor, const QString &action,
                         const QString &subject, const QString &outcome)
    {
        const auto entries = ledger.audit(1000);
        return entries &&
               std::any_of(entries->cbegin(), entries->cend(), [&](const CommandLedger::AuditEntry &a) {
                   return a.actor == actor && a.action == action && a.subject == subject &&
                          a.outcome == outcome;
               });
    }

    // The retained decisions on a request, read by a fresh subscriber.
    QStringList retainedDecisions(const QString &tid) const
    {
        BrokerProfile profile = fleet::test::profileFor(m_fleet->broker());
        profile.username = u"carol"_s;
        MqttClient reader;
        reader.setProfile(profile);
        reader.setPassword(Password);
        QStringList topics;
        QObject::connect(&reader, &MqttClient::messageReceived, &reader, [&](const MqttMessage &m) {
            if (m.retain() && !m.payload().isEmpty())
                topics.append(m.topic());
        });
        if (!fleet::test::connectAndWait(reader))
            return {u"cannot connect"_s};
        reader.subscribe(m_alice->queue->topicPrefix() + u"/decisions/"_s + tid + u"/+"_s, 1);
        QTest::qWait(300);
        reader.disconnectFromBroker();
        return topics;
    }

    std::unique_ptr<FleetFixture> m_fleet;
    SimDevice *m_device = nullptr; // the fleet's only device
    QTemporaryDir m_dir;
    int m_round = 0;
    std::unique_ptr<Console> m_alice;
    std::unique_ptr<Console> m_bob;
    std::unique_ptr<Console> m_carol;
};

QTEST_GUILESS_MAIN(TestApprovalQueue)
#include "tst_approvalqueue.moc"
