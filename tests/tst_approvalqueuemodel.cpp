// ApprovalQueueModel over the approval queues of two consoles (alice requests, bob decides) on a real
// mosquitto with the shipped ACL: rows appear in order, change in place, and leave when the requester
// clears a decided request; QAbstractItemModelTester watches every step.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "models/approvalqueuemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ApprovalQueue;
using fleet::ApprovalQueueModel;
using fleet::ApprovalRequest;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandTracker;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

const QString Password = u"pw"_s;

std::unique_ptr<MqttClient> connectedClient(const MosquittoBroker &broker, const QString &user)
{
    BrokerProfile profile = fleet::test::profileFor(broker);
    profile.username = user;
    auto client = std::make_unique<MqttClient>();
    client->setProfile(profile);
    client->setPassword(Password);
    if (!fleet::test::connectAndWait(*client))
        return nullptr;
    return client;
}

} // namespace

class TestApprovalQueueModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"alice"_s, Password}, {u"bob"_s, Password}};
        options.acl = MosquittoBroker::shippedApprovalsAcl();
        m_broker = std::make_unique<MosquittoBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void rowsFollowTheQueue()
    {
        const auto alice = connectedClient(*m_broker, u"alice"_s);
        const auto bob = connectedClient(*m_broker, u"bob"_s);
        QVERIFY(alice && bob);
        CommandTracker tracker(alice.get(), CommandCatalog::defaultCatalog());
        ApprovalQueue aliceQueue(alice.get());
        aliceQueue.setTracker(&tracker);
        aliceQueue.setLifetimeMs(1500);
        ApprovalQueue bobQueue(bob.get());
        QVERIFY(aliceQueue.start());
        QVERIFY(bobQueue.start());
        QTest::qWait(200); // subscriptions granted

        ApprovalQueueModel aliceModel(&aliceQueue);
        ApprovalQueueModel bobModel(&bobQueue);
        QAbstractItemModelTester aliceTester(&aliceModel,
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester bobTester(&bobModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&bobModel, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&bobModel, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&bobModel, &QAbstractItemModel::rowsRemoved);

        // reboot is sensitive in the default catalog; no device needs to exist for it to wait.
        QStringList ids;
        for (const QString &device : {u"m-1"_s, u"m-2"_s, u"m-3"_s})
            ids.append(tracker.send(device, u"reboot"_s));
        QVERIFY(QTest::qWaitFor([&] { return bobModel.rowCount() == 3; }, DefaultTimeoutMs));
        QCOMPARE(aliceModel.rowCount(), 3);
        QCOMPARE(inserted.size(), 3);
        for (int row = 0; row < 3; ++row) {
            const QModelIndex index = bobModel.index(row, ApprovalQueueModel::DeviceColumn);
            QCOMPARE(index.data(ApprovalQueueModel::IdRole).toString(), ids.at(row));
            QCOMPARE(index.data().toString(), u"m-%1"_s.arg(row + 1));
            QCOMPARE(index.data(ApprovalQueueModel::RequesterRole).toString(), u"alice"_s);
            QCOMPARE(index.data(ApprovalQueueModel::StateRole).toInt(), int(ApprovalRequest::State::Pending));
            QVERIFY(index.data(ApprovalQueueModel::CanDecideRole).toBool());
            QVERIFY(!aliceModel.index(row, 0).data(ApprovalQueueModel::CanDecideRole).toBool());
            QVERIFY(index.data(ApprovalQueueModel::ExpiresRole).toLongLong() >
                    index.data(ApprovalQueueModel::RequestedRole).toLongLong());
        }
        QCOMPARE(bobModel.rowOf(ids.at(1)), 1);
        QCOMPARE(bobModel.rowOf(u"nope"_s), -1);
        QCOMPARE(bobModel.headerData(ApprovalQueueModel::StateColumn, Qt::Horizontal).toString(), u"State"_s);

        changed.clear();
        QVERIFY(bobQueue.reject(ids.at(1), u"not today"_s));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return bobModel.index(1, 0).data(ApprovalQueueModel::StateRole).toInt() ==
                       int(ApprovalRequest::State::Rejected);
            },
            DefaultTimeoutMs));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(bobModel.index(1, ApprovalQueueModel::DecidedByColumn).data().toString(), u"bob"_s);
        QCOMPARE(bobModel.index(1, ApprovalQueueModel::ReasonColumn).data().toString(), u"not today"_s);
        QVERIFY(!bobModel.index(1, 0).data(ApprovalQueueModel::CanDecideRole).toBool());

        // The others expire, and every decided request is cleared off the broker a lifetime later.
        QVERIFY(QTest::qWaitFor([&] { return bobModel.rowCount() == 0; }, DefaultTimeoutMs));
        QCOMPARE(removed.size(), 3);
        QCOMPARE(aliceModel.rowCount(), 0);
        QCOMPARE(tracker.execution(ids.at(0))->state, fleet::CommandExecution::State::Rejected);
        alice->disconnectFromBroker();
        bob->disconnectFromBroker();
    }

    void queueGoneLeavesAnEmptyModel()
    {
        MqttClient client;
        auto queue = std::make_unique<ApprovalQueue>(&client);
        ApprovalQueueModel model(queue.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        queue.reset();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0, 0).isValid());
    }

    void cleanupTestCase() { m_broker.reset(); }

private:
    std::unique_ptr<MosquittoBroker> m_broker;
};

QTEST_GUILESS_MAIN(TestApprovalQueueModel)
#include "tst_approvalqueuemodel.moc"
