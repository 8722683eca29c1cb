// ApprovalNotices against a real mosquitto with the shipped docs/approvals.acl: alice requests, bob (and
// carol) approve. What waits for a user is told to that user only, once; a user's own request is told
// when it is approved, rejected or expires, and when its command finishes; repeats (retained copies on
// reconnect, republished requests) are not told again; a full queue found at start is one notice; what
// was decided before watching is old news; and without a gate every console sees a decision at once.

#include "brokerobserver.h"
#include "commands/approvalnotices.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"
#include "simdevice.h"
#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ApprovalNotices;
using fleet::ApprovalQueue;
using fleet::ApprovalRequest;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandTracker;
using fleet::MqttClient;
using fleet::sim::SimDevice;
using fleet::test::DefaultTimeoutMs;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using Kind = ApprovalNotices::Notice::Kind;
using Notice = ApprovalNotices::Notice;
using ReqState = ApprovalRequest::State;

namespace {

const char *const TestCatalog = "{\"version\": 1, \"commands\": ["
                                " {\"name\": \"motor_off\", \"sensitive\": true, \"timeoutMs\": 2000},"
                                " {\"name\": \"motor_on\", \"timeoutMs\": 2000}"
                                "]}";

const QString Password = u"pw"_s;

// One user's console core (no ledger: nothing here is about restarts) and its notices.
struct Console
{
    Console(const MosquittoBroker &broker, const QString &user, bool withTracker)
    {
        BrokerProfile profile = fleet::test::profileFor(broker);
        profile.username = user;
        client = std::make_unique<MqttClient>();
        client->setProfile(profile);
        client->setPassword(Password);
        if (withTracker) {
            QString error;
            tracker = std::make_unique<CommandTracker>(client.get(),
                                                       *CommandCatalog::fromJson(TestCatalog, &error));
            tracker->setActor(user);
        }
        queue = std::make_unique<ApprovalQueue>(client.get());
        queue->setTracker(tracker.get());
        notices = std::make_unique<ApprovalNotices>(queue.get());
        spy = std::make_unique<QSignalSpy>(notices.get(), &ApprovalNotices::notice);
    }
    ~Console()
    {
        notices.reset();
        queue.reset();
        tracker.reset();
        if (client)
            client->disconnectFromBroker();
    }

    bool start()
    {
        if (!fleet::test::connectAndWait(*client))
            return false;
        QString error;
        if (!queue->start(&error))
            return false;
        return QTest::qWaitFor(
            [this] {
                const auto subscriptions = client->subscriptions();
                return std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
                    return s.state == MqttClient::SubscriptionState::Granted;
                });
            },
            DefaultTimeoutMs);
    }

    // The notices told so far about one request, of one kind.
    QList<Notice> told(const QString &id, Kind kind) const
    {
        QList<Notice> found;
        for (const QList<QVariant> &args : *spy) {
            const Notice n = args.at(0).value<Notice>();
            if (n.id == id && n.kind == kind)
                found.append(n);
        }
        return found;
    }
    bool waitTold(const QString &id, Kind kind) const
    {
        return QTest::qWaitFor([&] { return !told(id, kind).isEmpty(); }, DefaultTimeoutMs);
    }

    std::unique_ptr<MqttClient> client;
    std::unique_ptr<CommandTracker> tracker;
    std::unique_ptr<ApprovalQueue> queue;
    std::unique_ptr<ApprovalNotices> notices;
    std::unique_ptr<QSignalSpy> spy;
};

} // namespace

class TestApprovalNotices final : public QObject
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
        QVERIFY2(m_fleet->start(u"ntc"_s, 1), qPrintable(m_fleet->errorString()));
        m_device = m_fleet->devices().at(0);
    }

    void init()
    {
        m_alice = std::make_unique<Console>(m_fleet->broker(), u"alice"_s, true);
        m_bob = std::make_unique<Console>(m_fleet->broker(), u"bob"_s, false);
        QVERIFY(m_alice->start());
        QVERIFY(m_bob->start());
        QTest::qWait(100);
    }

    void cleanup()
    {
        // Nothing stays pending for the next test: what still waits is withdrawn.
        if (m_alice && m_alice->tracker) {
            for (const CommandExecution &e : m_alice->tracker->executions()) {
                if (e.state == CommandExecution::State::AwaitingApproval)
                    m_alice->tracker->cancel(e.id);
            }
            QTest::qWait(200);
        }
        m_alice.reset();
        m_bob.reset();
    }

    void cleanupTestCase()
    {
        m_device = nullptr;
        m_fleet.reset();
    }

    void approvedRequestIsToldOnceToEach()
    {
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(!tid.isEmpty());

        // Bob may decide: it waits for him, and he is told once; alice is not told of her own request.
        QVERIFY(m_bob->waitTold(tid, Kind::Waiting));
        const Notice waiting = m_bob->told(tid, Kind::Waiting).constFirst();
        QVERIFY2(waiting.summary.contains(u"alice"_s), qPrintable(waiting.summary));
        QVERIFY2(waiting.body.contains(u"motor_off"_s) && waiting.body.contains(m_device->id()),
                 qPrintable(waiting.body));
        QCOMPARE(m_bob->notices->waitingCount(), 1);
        QCOMPARE(m_bob->notices->waiting(), QStringList{tid});
        QCOMPARE(m_alice->notices->waitingCount(), 0);
        QVERIFY(m_alice->told(tid, Kind::Waiting).isEmpty());

        // Retained copies again (a lost connection comes back: bob's queue gets the request again, alice's
        // republishes it): not news.
        for (Console *c : {m_bob.get(), m_alice.get()}) {
            QSignalSpy connected(c->client.get(), &MqttClient::connected);
            c->client->setReconnectDelays(50, 100);
            c->client->abortConnection();
            QVERIFY(connected.wait(DefaultTimeoutMs));
        }
        QTest::qWait(500);
        QCOMPARE(m_bob->told(tid, Kind::Waiting).size(), 1);
        QCOMPARE(m_bob->notices->waitingCount(), 1);

        QSignalSpy waitingChanged(m_bob->notices.get(), &ApprovalNotices::waitingChanged);
        QVERIFY(m_bob->queue->approve(tid, u"maintenance window"_s));
        // Decided: nothing waits for bob any more (the badge clears).
        QTRY_COMPARE_WITH_TIMEOUT(m_bob->notices->waitingCount(), 0, DefaultTimeoutMs);
        QVERIFY(!waitingChanged.isEmpty());
        QCOMPARE(waitingChanged.constLast().at(0).toInt(), 0);

        // Alice: approved (by whom, why), then finished with the device's result.
        QVERIFY(m_alice->waitTold(tid, Kind::Approved));
        const Notice approved = m_alice->told(tid, Kind::Approved).constFirst();
        QVERIFY2(approved.summary.contains(u"bob"_s), qPrintable(approved.summary));
        QVERIFY2(approved.body.contains(u"maintenance window"_s), qPrintable(approved.body));
        QVERIFY(m_alice->waitTold(tid, Kind::Finished));
        const Notice finished = m_alice->told(tid, Kind::Finished).constFirst();
        QVERIFY2(finished.summary.contains(CommandExecution::stateText(CommandExecution::State::Succeeded)),
                 qPrintable(finished.summary));
        // Bob is not told of alice's outcomes.
        QTest::qWait(300);
        QVERIFY(m_bob->told(tid, Kind::Approved).isEmpty());
        QVERIFY(m_bob->told(tid, Kind::Finished).isEmpty());
        QCOMPARE(m_alice->told(tid, Kind::Approved).size(), 1);
        QCOMPARE(m_alice->told(tid, Kind::Finished).size(), 1);

        // Every console sees the command's result, not only the requester's (republished with the request).
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto r = m_bob->queue->request(tid);
                return r && r->result == u"succeeded"_s;
            },
            DefaultTimeoutMs));
        QVERIFY(m_bob->queue->request(tid)->sentMs > 0);
    }

    void rejectionAndExpiryAreTold()
    {
        const QString rejected = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitTold(rejected, Kind::Waiting));
        QVERIFY(m_bob->queue->reject(rejected, u"not during production"_s));
        QVERIFY(m_alice->waitTold(rejected, Kind::Rejected));
        const Notice notice = m_alice->told(rejected, Kind::Rejected).constFirst();
        QVERIFY2(notice.summary.contains(u"bob"_s), qPrintable(notice.summary));
        QVERIFY2(notice.body.contains(u"not during production"_s), qPrintable(notice.body));
        QVERIFY(m_alice->told(rejected, Kind::Finished).isEmpty());

        m_alice->queue->setLifetimeMs(400);
        const QString expired = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitTold(expired, Kind::Waiting));
        QVERIFY(m_alice->waitTold(expired, Kind::Expired));
        QTRY_COMPARE_WITH_TIMEOUT(m_bob->notices->waitingCount(), 0, DefaultTimeoutMs);
        QTest::qWait(200);
        QCOMPARE(m_alice->told(expired, Kind::Expired).size(), 1);
        QVERIFY(m_bob->told(expired, Kind::Expired).isEmpty());
        QVERIFY(m_alice->told(expired, Kind::Approved).isEmpty());
    }

    // A console starting in front of a queue of waiting requests: one notice, counting them; what was
    // decided before it watched is not told.
    void fullQueueIsOneNoticeAndOldNewsIsNotTold()
    {
        const QString old = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(m_bob->waitTold(old, Kind::Waiting));
        QVERIFY(m_bob->queue->reject(old, u"no"_s));
        QVERIFY(m_alice->waitTold(old, Kind::Rejected));

        QStringList tids;
        for (int i = 0; i < 5; ++i)
            tids.append(m_alice->tracker->send(m_device->id(), u"motor_off"_s));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(tids.cbegin(), tids.cend(),
                                   [&](const QString &t) { return m_bob->queue->request(t).has_value(); });
            },
            DefaultTimeoutMs));
        QTest::qWait(100);
        // Notices that start watching a queue that knows all of them already (and alice's, for her own
        // rejected request, which is old news by then).
        ApprovalNotices late(m_bob->queue.get());
        ApprovalNotices aliceLate(m_alice->queue.get());
        QSignalSpy spy(&late, &ApprovalNotices::notice);
        QSignalSpy aliceSpy(&aliceLate, &ApprovalNotices::notice);
        QCOMPARE(late.waitingCount(), 5);
        QVERIFY(spy.wait(DefaultTimeoutMs));
        QCOMPARE(spy.size(), 1);
        const Notice summary = spy.at(0).at(0).value<Notice>();
        QCOMPARE(summary.kind, Kind::Waiting);
        QCOMPARE(summary.count, 5);
        QVERIFY(summary.id.isEmpty());
        QVERIFY2(summary.summary.contains(u"5"_s), qPrintable(summary.summary));
        QTest::qWait(200);
        QCOMPARE(spy.size(), 1);
        QVERIFY(aliceSpy.isEmpty());
    }

    // Without a gate the requester's console acts on a decision; when it is not running (a fleetctl that
    // ended), every other console still shows the request decided at once, and nobody is asked again.
    void decisionIsSeenWhileTheRequesterIsAway()
    {
        auto carol = std::make_unique<Console>(m_fleet->broker(), u"carol"_s, false);
        QVERIFY(carol->start());
        const QString tid = m_alice->tracker->send(m_device->id(), u"motor_off"_s);
        QVERIFY(carol->waitTold(tid, Kind::Waiting));
        QVERIFY(m_bob->waitTold(tid, Kind::Waiting));
        // Alice's console goes away without a word; her request stays retained, pending.
        m_alice->client->abortConnection();
        m_alice.reset();

        QVERIFY(m_bob->queue->approve(tid, u"go"_s));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto r = carol->queue->request(tid);
                return r && r->state == ReqState::Approved;
            },
            DefaultTimeoutMs));
        QCOMPARE(carol->queue->request(tid)->decidedBy, u"bob"_s);
        QCOMPARE(carol->queue->request(tid)->sentMs, 0); // alice's console sends it when it is back
        QString why;
        QVERIFY(!carol->queue->canDecide(tid, &why));
        QVERIFY2(why.contains(u"approved"_s), qPrintable(why));
        QTRY_COMPARE_WITH_TIMEOUT(carol->notices->waitingCount(), 0, DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_bob->notices->waitingCount(), 0, DefaultTimeoutMs);
        // Bob's decision stays retained for alice's console: only her outcome clears it.
        QVERIFY(!m_bob->queue->request(tid)->decisions.isEmpty());
    }

private:
    std::unique_ptr<FleetFixture> m_fleet;
    SimDevice *m_device = nullptr;
    std::unique_ptr<Console> m_alice;
    std::unique_ptr<Console> m_bob;
};

QTEST_GUILESS_MAIN(TestApprovalNotices)
#include "tst_approvalnotices.moc"
