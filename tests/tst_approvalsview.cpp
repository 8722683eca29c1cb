// ApprovalsView with two users' consoles (alice requests, bob approves) against a real mosquitto with a
// password file and the shipped docs/approvals.acl: a sensitive command from alice's composer waits; bob's
// view shows it with its payload and approves it (or rejects it, which needs a reason); alice's command then
// runs (or ends rejected); alice's own view cannot decide on it and says why; and a console without a
// username says that approvals are off.

#include "approvalsview.h"
#include "brokerobserver.h"
#include "commandcomposer.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "fleet/fleetsession.h"
#include "models/approvalqueuemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "simdevice.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ApprovalQueueModel;
using fleet::ApprovalRequest;
using fleet::ApprovalsView;
using fleet::BrokerProfile;
using fleet::CommandComposer;
using fleet::CommandExecution;
using fleet::FleetSession;
using fleet::MqttMessage;
using fleet::sim::SimDevice;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using State = CommandExecution::State;

namespace {

const QString Password = u"approvals-test-pw"_s;

int rowOf(const QSortFilterProxyModel *model, const QString &id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ApprovalQueueModel::IdRole).toString() == id)
            return row;
    }
    return -1;
}

bool hasRow(const QSortFilterProxyModel *model, const QString &id)
{
    return rowOf(model, id) >= 0;
}

} // namespace

class TestApprovalsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        QVERIFY(m_dir.isValid());
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"alice"_s, Password}, {u"bob"_s, Password}, {u"devices"_s, Password}};
        options.acl = MosquittoBroker::shippedApprovalsAcl();
        m_broker = std::make_unique<MosquittoBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));

        m_config.prefix = u"apv"_s;
        m_config.devices = 1;
        m_config.telemetryIntervalMs = 0;
        m_config.latencyMinMs = 0;
        m_config.latencyMaxMs = 5;
        m_config.runningIntervalMs = 100;
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.username = u"devices"_s;
        m_device = std::make_unique<SimDevice>(1, m_config, profile, nullptr);
        m_device->setPassword(Password);
        m_device->start();
        QVERIFY(QTest::qWaitFor([this] { return m_device->isOnline(); }, DefaultTimeoutMs));

        m_alice = session(u"alice"_s);
        m_bob = session(u"bob"_s);
        QVERIFY(m_alice && m_bob);
    }

    void approvalsOffSayWhy()
    {
        FleetSession anonymous; // never connected, no username
        ApprovalsView view(&anonymous);
        view.show();
        QVERIFY(view.problemLabel()->isVisible());
        QVERIFY2(view.problemLabel()->text().contains(u"username"_s),
                 qPrintable(view.problemLabel()->text()));
        QVERIFY(!view.approveButton()->isEnabled());
        QVERIFY(!view.rejectButton()->isEnabled());
        // Both lists' context menus offer the decision, disabled as the buttons are, and Copy.
        for (QTableView *table : {view.waitingTable(), view.historyTable()}) {
            QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
            for (const QString &name : {u"approveButtonAction"_s, u"rejectButtonAction"_s}) {
                const auto *action = table->findChild<QAction *>(name);
                QVERIFY2(action && !action->isEnabled(), qPrintable(name));
            }
            QVERIFY(table->findChild<QAction *>(u"copyAction"_s));
        }
        view.approveSelected(); // nothing selected: nothing happens
        view.rejectSelected();

        ApprovalsView working(m_bob.get());
        working.show();
        QVERIFY(!working.problemLabel()->isVisible());
        // No fleet-hub on this broker: the view says plainly that approvals are only advisory.
        QVERIFY(working.modeLabel()->isVisible());
        QCOMPARE(working.modeLabel()->text(), m_bob->approvals()->modeText());
        QVERIFY2(working.modeLabel()->text().contains(u"advisory"_s),
                 qPrintable(working.modeLabel()->text()));
    }

    void rejectionNeedsAReason()
    {
        ApprovalsView bobView(m_bob.get());
        bobView.show();
        const QString tid = m_alice->tracker()->send(m_device->id(), u"set_position"_s, {{"position", 40}});
        QVERIFY(!tid.isEmpty());
        QCOMPARE(m_alice->tracker()->execution(tid)->state, State::AwaitingApproval);
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.waitingModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(!hasRow(bobView.historyModel(), tid));
        QVERIFY(bobView.selectRequest(tid));
        QCOMPARE(bobView.selectedRequest(), tid);
        // Bob sees exactly what would be sent.
        QVERIFY(bobView.payloadView()->toPlainText().contains(u"\"position\": 40"_s));
        QVERIFY(bobView.approveButton()->isEnabled());
        QVERIFY(!bobView.rejectButton()->isEnabled());
        QVERIFY(bobView.rejectButton()->toolTip().contains(u"reason"_s));
        bobView.rejectSelected(); // no reason: refused
        QVERIFY(m_bob->approvals()->request(tid)->isPending());

        QTest::keyClicks(bobView.reasonEdit(), u"not during production"_s);
        QVERIFY(bobView.rejectButton()->isEnabled());
        // Through the waiting list's context menu, which clicks the button.
        auto *reject = bobView.waitingTable()->findChild<QAction *>(u"rejectButtonAction"_s);
        QVERIFY(reject && reject->isEnabled());
        reject->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_alice->tracker()->execution(tid)->state == State::Rejected; },
                                DefaultTimeoutMs));
        QVERIFY(m_alice->tracker()->execution(tid)->reason.contains(u"not during production"_s));
        // Both consoles show it in the history once alice's console has published the outcome.
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.historyModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(!hasRow(bobView.waitingModel(), tid));
        // One click on its row in the history shows it.
        QVERIFY(QTest::qWaitForWindowExposed(&bobView));
        QTableView *history = bobView.historyTable();
        const QModelIndex row = history->model()->index(rowOf(bobView.historyModel(), tid), 0);
        QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualRect(row).center());
        QCOMPARE(bobView.selectedRequest(), tid);
        QVERIFY(bobView.selectRequest(tid));
        QVERIFY(!bobView.approveButton()->isEnabled());
        QVERIFY(!history->findChild<QAction *>(u"approveButtonAction"_s)->isEnabled());
        QVERIFY(!bobView.approveButton()->toolTip().isEmpty());
    }

    void secondPersonApprovesAndTheCommandRuns()
    {
        CommandComposer composer(m_alice.get());
        ApprovalsView aliceView(m_alice.get());
        ApprovalsView bobView(m_bob.get());
        composer.show();
        aliceView.show();
        bobView.show();

        // Alice composes a sensitive command: it says that it goes to approval.
        QVERIFY(composer.setCommand(u"set_position"_s));
        composer.setTargets({m_device->id()});
        qobject_cast<QSpinBox *>(composer.form()->editor(u"position"_s))->setValue(70);
        QVERIFY(composer.sensitiveLabel()->isVisible());
        QCOMPARE(composer.sendButton()->text(), u"Send for approval"_s);
        QVERIFY2(composer.canSend(), qPrintable(composer.validationError()));
        QSignalSpy sent(&composer, &CommandComposer::sent);
        QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
        QVERIFY(sent.wait(DefaultTimeoutMs));
        const QString tid = sent.first().at(0).toString();
        QCOMPARE(m_alice->tracker()->execution(tid)->state, State::AwaitingApproval);
        QVERIFY(composer.findChild<QLabel *>(u"sendStatus"_s)->text().contains(u"approval"_s));

        // Alice's own view shows it waiting, and cannot approve it.
        QVERIFY(QTest::qWaitFor([&] { return hasRow(aliceView.waitingModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(aliceView.selectRequest(tid));
        QVERIFY(!aliceView.approveButton()->isEnabled());
        QVERIFY(!aliceView.rejectButton()->isEnabled());
        QVERIFY2(aliceView.approveButton()->toolTip().contains(u"yours"_s),
                 qPrintable(aliceView.approveButton()->toolTip()));
        aliceView.approveSelected(); // even when forced: refused, and it says why
        QVERIFY(aliceView.statusLabel()->text().contains(u"yours"_s));
        QCOMPARE(m_alice->tracker()->execution(tid)->state, State::AwaitingApproval);

        // Bob's view: the request with its requester, and the decision.
        QSignalSpy waitingCount(&bobView, &ApprovalsView::waitingCountChanged);
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.waitingModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(bobView.selectRequest(tid));
        const QModelIndex current = bobView.waitingTable()->currentIndex();
        QCOMPARE(current.data(ApprovalQueueModel::RequesterRole).toString(), u"alice"_s);
        QVERIFY(bobView.payloadView()->toPlainText().contains(u"70"_s));
        // Exactly what goes out: the request topic with this tid, and the whole request, not only the
        // parameters.
        const fleet::CommandSpec *spec = m_bob->catalog().find(u"set_position"_s);
        QVERIFY(spec);
        const QString shown = bobView.payloadView()->toPlainText();
        QVERIFY2(shown.contains(u"Topic: "_s + spec->requestTopic(m_device->id(), nullptr, tid)),
                 qPrintable(shown));
        QVERIFY2(shown.contains(u"\"tid\": \""_s + tid + u'"'), qPrintable(shown));
        QVERIFY2(shown.contains(u"\"cmd\": \"set_position\""_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"\"status\": \"REQUEST\""_s), qPrintable(shown));
        const auto *summary = bobView.findChild<QLabel *>(u"requestSummary"_s);
        QVERIFY2(summary->text().contains(u"alice"_s), qPrintable(summary->text()));
        QVERIFY(bobView.approveButton()->isEnabled());
        QTest::keyClicks(bobView.reasonEdit(), u"maintenance window"_s);
        QTest::mouseClick(bobView.approveButton(), Qt::LeftButton);
        QVERIFY(bobView.reasonEdit()->text().isEmpty());
        // Decided: nobody is invited to decide it again, even before alice's console publishes the outcome.
        QTRY_VERIFY_WITH_TIMEOUT(!bobView.approveButton()->isEnabled(), DefaultTimeoutMs);
        QVERIFY(!bobView.rejectButton()->isEnabled());

        // Alice's console sends it, and the device runs it.
        QVERIFY(QTest::qWaitFor([&] { return m_alice->tracker()->execution(tid)->state == State::Succeeded; },
                                DefaultTimeoutMs));
        QCOMPARE(m_device->position(), 70);
        const auto request = m_bob->approvals()->request(tid);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto r = m_bob->approvals()->request(tid);
                return r && r->state == ApprovalRequest::State::Approved;
            },
            DefaultTimeoutMs));
        QCOMPARE(m_bob->approvals()->request(tid)->decidedBy, u"bob"_s);
        QCOMPARE(m_bob->approvals()->request(tid)->reason, u"maintenance window"_s);
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.historyModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(!hasRow(bobView.waitingModel(), tid));
        QVERIFY(QTest::qWaitFor([&] { return hasRow(aliceView.historyModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(waitingCount.count() > 0);

        // The outcome, in bob's details: approved by whom, sent, and the command's result.
        QVERIFY(bobView.selectRequest(tid));
        QTRY_VERIFY2_WITH_TIMEOUT(summary->text().contains(u"Result: Succeeded"_s),
                                  qPrintable(summary->text()), DefaultTimeoutMs);
        QVERIFY2(summary->text().contains(u"Approved by bob"_s), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(u"Sent"_s), qPrintable(summary->text()));
        // Alice's composer followed her command to its outcome: no longer "waiting for approval".
        const QString status = composer.findChild<QLabel *>(u"sendStatus"_s)->text();
        QVERIFY2(!status.contains(u"waiting for approval"_s), qPrintable(status));
        QVERIFY2(status.contains(u"Succeeded"_s) && status.contains(u"bob"_s), qPrintable(status));
    }

    // What another account published (a device id, a reason) is shown as written, never rendered as HTML.
    void requestTextIsShownLiterally()
    {
        ApprovalsView bobView(m_bob.get());
        bobView.show();
        const QString device = u"<b>x<img src=x>"_s; // no '/', '+' or '#': a valid device id
        const QString tid = m_alice->tracker()->send(device, u"set_position"_s, {{"position", 10}});
        QVERIFY(!tid.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.waitingModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(bobView.selectRequest(tid));
        const auto *summary = bobView.findChild<QLabel *>(u"requestSummary"_s);
        QVERIFY(summary);
        QCOMPARE(summary->textFormat(), Qt::PlainText);
        QVERIFY2(summary->text().contains(device), qPrintable(summary->text()));

        const QString reason = u"<b>x</b><img src=x>"_s;
        QTest::keyClicks(bobView.reasonEdit(), reason);
        QTest::mouseClick(bobView.rejectButton(), Qt::LeftButton);
        QCOMPARE(bobView.statusLabel()->textFormat(), Qt::PlainText);
        QVERIFY(QTest::qWaitFor([&] { return hasRow(bobView.historyModel(), tid); }, DefaultTimeoutMs));
        QVERIFY(bobView.selectRequest(tid));
        QTRY_VERIFY2(summary->text().contains(reason), qPrintable(summary->text()));
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_bob.reset();
        m_device.reset();
        m_broker.reset();
    }

private:
    std::unique_ptr<FleetSession> session(const QString &user)
    {
        auto s = std::make_unique<FleetSession>();
        QString error;
        if (!s->open(m_dir.filePath(user + u".sqlite"_s), &error)) {
            qWarning("ledger: %s", qPrintable(error));
            return nullptr;
        }
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.username = user;
        const bool ready = fleet::test::connectSessionAndWait(*s, profile, Password);
        if (!ready || !s->approvalsProblem().isEmpty()) {
            qWarning("%s: not ready (%s)", qPrintable(user), qPrintable(s->approvalsProblem()));
            return nullptr;
        }
        return s;
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    fleet::sim::SimConfig m_config;
    std::unique_ptr<SimDevice> m_device;
    std::unique_ptr<FleetSession> m_alice;
    std::unique_ptr<FleetSession> m_bob;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestApprovalsView)
#include "tst_approvalsview.moc"
