// CommandTimelineView against a real mosquitto and in-process fleet-sim devices (one that always succeeds,
// one that always fails): filters by state, device and command, the details of an execution, Cancel for a
// command without a verdict, Retry for a failed one, the per-device mode, and the history loaded from the
// ledger at start.

#include "brokerobserver.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commandtimelineview.h"
#include "common/json.h"
#include "fleet/fleetsession.h"
#include "models/commandtimelinefilterproxymodel.h"
#include "models/commandtimelinemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simdevices.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;
using fleet::CommandExecution;
using fleet::CommandTimelineModel;
using fleet::CommandTimelineView;
using fleet::FleetSession;
using fleet::Json;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using fleet::test::SimDevices;
using State = CommandExecution::State;
using StateChoice = CommandTimelineView::StateChoice;

namespace {

fleet::sim::SimConfig configFor(const QString &prefix, double failureRate)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = 1;
    config.telemetryIntervalMs = 0;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    config.failureRate = failureRate;
    return config;
}

} // namespace

class TestCommandTimelineView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        QVERIFY(m_dir.isValid());
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        m_good = std::make_unique<SimDevices>(configFor(u"good"_s, 0), fleet::test::profileFor(*m_broker));
        m_bad = std::make_unique<SimDevices>(configFor(u"bad"_s, 1), fleet::test::profileFor(*m_broker));
        QVERIFY(m_good->start());
        QVERIFY(m_bad->start());
    }

    void init()
    {
        m_ledgerPath = m_dir.filePath(u"ledger-%1.sqlite"_s.arg(++m_round));
        m_session = connectedSession(m_ledgerPath);
        QVERIFY(m_session);
    }

    void cleanup()
    {
        if (m_session)
            m_session->disconnectFromBroker();
        m_session.reset();
    }

    void filtersAndDetails()
    {
        CommandTimelineView view(m_session.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fleet::CommandTracker *tracker = m_session->tracker();
        const QString ok = tracker->send(u"good-1"_s, u"upload_log"_s);
        const QString failed = tracker->send(u"bad-1"_s, u"upload_log"_s);
        const QString led = tracker->send(u"good-1"_s, u"set_led"_s, {{"color", "red"}});
        tracker->setDeviceOnline(u"ghost-1"_s, false);
        const QString held = tracker->send(u"ghost-1"_s, u"motor_on"_s);
        // Selected as soon as it is sent (the composer does so), before its row reaches the model: selected
        // once it does.
        view.selectExecution(held);
        QTRY_COMPARE(view.selectedExecution(), held);
        QVERIFY(waitState(ok, State::Succeeded));
        QVERIFY(waitState(failed, State::Failed));
        QVERIFY(waitState(led, State::Succeeded));
        QCOMPARE(tracker->execution(held)->state, State::Queued);
        // A queued command says what it waits for, right under its state.
        QTRY_VERIFY_WITH_TIMEOUT(view.selectExecution(held), DefaultTimeoutMs);
        {
            const QString details = view.details()->toPlainText();
            const qsizetype state = details.indexOf(CommandExecution::stateText(State::Queued));
            const qsizetype reason = details.indexOf(u"ghost-1 to come online"_s);
            QVERIFY2(state >= 0 && reason > state, qPrintable(details));
        }
        view.model()->flush();
        QCOMPARE(view.proxy()->rowCount(), 4);

        view.setStateChoice(StateChoice::Problems);
        // The tracker announces a verdict at the end of its turn: the model may see it a moment later.
        QTRY_COMPARE_WITH_TIMEOUT(ids(view), QStringList{failed}, DefaultTimeoutMs);
        view.setStateChoice(StateChoice::Succeeded);
        QTRY_COMPARE_WITH_TIMEOUT(sortedIds(view), sorted({led, ok}), DefaultTimeoutMs);
        view.setStateChoice(StateChoice::InProgress);
        QCOMPARE(ids(view), QStringList{held});
        view.setStateChoice(StateChoice::AwaitingApproval);
        QCOMPARE(view.proxy()->rowCount(), 0);
        view.setStateChoice(StateChoice::All);
        view.setDeviceFilter(u"good-1"_s);
        QCOMPARE(sortedIds(view), sorted({led, ok}));
        view.setCommandFilter(u"set_led"_s);
        QCOMPARE(ids(view), QStringList{led});
        view.setDeviceFilter(QString());
        view.setCommandFilter(u"upload_log"_s);
        QCOMPARE(sortedIds(view), sorted({failed, ok}));
        view.setCommandFilter(QString());
        QCOMPARE(view.proxy()->rowCount(), 4);

        // The details of the failed one: transitions, replies, reason, who asked.
        QVERIFY(view.selectExecution(failed));
        QCOMPARE(view.selectedExecution(), failed);
        const QString details = view.details()->toPlainText();
        for (const QString &expected :
             {u"Failed"_s, u"simulated failure"_s, u"FAILURE"_s, u"Transitions"_s, u"alice"_s, u"Attempts"_s})
            QVERIFY2(details.contains(expected), qPrintable(expected + u" not in: "_s + details));
        QVERIFY(!view.cancelButton()->isEnabled());
        QVERIFY(view.retryButton()->isEnabled());
        // The table's context menu: the buttons, enabled as they are, and Copy.
        const auto action = [&view](const QString &name) { return view.table()->findChild<QAction *>(name); };
        QVERIFY(action(u"retryButtonAction"_s)->isEnabled());
        QVERIFY(!action(u"cancelButtonAction"_s)->isEnabled());
        QVERIFY(action(u"copyAction"_s)->isEnabled());
        // One click on a row shows it.
        const QModelIndex okRow =
            view.proxy()->index(int(ids(view).indexOf(ok)), CommandTimelineModel::CommandColumn);
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {},
                          view.table()->visualRect(okRow).center());
        QCOMPARE(view.selectedExecution(), ok);
        QVERIFY(!action(u"retryButtonAction"_s)->isEnabled());
        QVERIFY(view.selectExecution(ok));
        QVERIFY(!view.retryButton()->isEnabled());
        QVERIFY(!view.retryButton()->toolTip().isEmpty());
        QVERIFY(!view.selectExecution(u"nonexistent"_s));
        tracker->cancel(held);
    }

    void cancelsAPendingCommand()
    {
        CommandTimelineView view(m_session.get());
        view.show();
        m_session->tracker()->setDeviceOnline(u"ghost-2"_s, false);
        const QString held = m_session->tracker()->send(u"ghost-2"_s, u"set_led"_s, {{"color", "blue"}});
        QTRY_VERIFY_WITH_TIMEOUT(view.selectExecution(held), DefaultTimeoutMs);
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(!view.retryButton()->isEnabled());
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QCOMPARE(m_session->tracker()->execution(held)->state, State::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!view.cancelButton()->isEnabled(), DefaultTimeoutMs);
        QVERIFY(view.retryButton()->isEnabled()); // a cancelled command can be sent again
        QTRY_VERIFY_WITH_TIMEOUT(view.details()->toPlainText().contains(u"Cancelled"_s), DefaultTimeoutMs);
        // Cancelling again does nothing (and says so).
        view.cancelSelected();
        QCOMPARE(m_session->tracker()->execution(held)->state, State::Cancelled);
    }

    void retriesAFailedCommand()
    {
        CommandTimelineView view(m_session.get());
        view.show();
        const QString failed = m_session->tracker()->send(u"bad-1"_s, u"set_led"_s, {{"color", "amber"}});
        QVERIFY(waitState(failed, State::Failed));
        QTRY_VERIFY_WITH_TIMEOUT(view.selectExecution(failed), DefaultTimeoutMs);
        QSignalSpy retried(&view, &CommandTimelineView::retried);
        QTest::mouseClick(view.retryButton(), Qt::LeftButton);
        // set_led has an inverse: the retry reads the device's state first, for its rollback entry.
        QTRY_COMPARE_WITH_TIMEOUT(retried.count(), 1, DefaultTimeoutMs);
        QCOMPARE(retried.first().at(0).toString(), failed);
        const QString again = retried.first().at(1).toString();
        QVERIFY(again != failed);
        const auto e = m_session->tracker()->execution(again);
        QVERIFY(e);
        QCOMPARE(e->command, u"set_led"_s);
        QCOMPARE(e->device, u"bad-1"_s);
        QCOMPARE(QString::fromStdString(e->parameters.dump()), u"{\"color\":\"amber\"}"_s);
        QVERIFY(waitState(again, State::Failed));
        // The new execution is selected once the model has it.
        QTRY_COMPARE_WITH_TIMEOUT(view.selectedExecution(), again, DefaultTimeoutMs);
        // Each names the other: the retry its original, the original what retried it.
        QTRY_VERIFY_WITH_TIMEOUT(view.details()->toPlainText().contains(u"Retry of"_s) &&
                                     view.details()->toPlainText().contains(failed),
                                 DefaultTimeoutMs);
        QVERIFY(view.selectExecution(failed));
        const QString original = view.details()->toPlainText();
        QVERIFY2(original.contains(u"Retried as"_s) && original.contains(again), qPrintable(original));

        // Retried from elsewhere (another view, the composer) while it stays selected here: the pane names
        // the new retry without being selected again.
        QString third;
        m_session->actions()->retry(failed, this, [&third](const fleet::OperatorActions::Outcome &o) {
            third = o.executions.value(0);
        });
        QTRY_VERIFY_WITH_TIMEOUT(!third.isEmpty(), DefaultTimeoutMs);
        QCOMPARE(view.selectedExecution(), failed);
        QTRY_VERIFY2_WITH_TIMEOUT(view.details()->toPlainText().contains(third),
                                  qPrintable(view.details()->toPlainText()), DefaultTimeoutMs);
    }

    // A selection is one row with its progress; selected, Retry sends the command again to the parts that
    // failed only, each as a new command.
    void broadcastRowRetriesItsFailedParts()
    {
        CommandTimelineView view(m_session.get());
        view.show();
        const QString id =
            m_session->tracker()->sendToDevices({u"good-1"_s, u"bad-1"_s}, u"motor_on"_s, Json::object());
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(view.selectExecution(id), DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->indexOf(id).data(CommandTimelineModel::DoneRole).toInt(), 2,
                                  DefaultTimeoutMs);
        QCOMPARE(view.model()->rowCount(view.model()->indexOf(id)), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            view.details()->toPlainText().contains(u"2 of 2 devices have a verdict, 1 succeeded"_s),
            DefaultTimeoutMs);
        QVERIFY(!view.cancelButton()->isEnabled());
        QVERIFY(view.retryButton()->isEnabled());
        QSignalSpy retried(&view, &CommandTimelineView::retried);
        QTest::mouseClick(view.retryButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(retried.count(), 1, DefaultTimeoutMs);
        QCOMPARE(retried.first().at(0).toString(), m_session->tracker()->broadcast(id)->executions.at(1));
        const auto again = m_session->tracker()->execution(retried.first().at(1).toString());
        QVERIFY(again);
        QCOMPARE(again->device, u"bad-1"_s);
        QCOMPARE(again->command, u"motor_on"_s);
    }

    void perDeviceAndHistory()
    {
        const QString ok = m_session->tracker()->send(u"good-1"_s, u"upload_log"_s);
        const QString failed = m_session->tracker()->send(u"bad-1"_s, u"upload_log"_s);
        QVERIFY(waitState(ok, State::Succeeded));
        QVERIFY(waitState(failed, State::Failed));
        m_session->disconnectFromBroker();
        m_session.reset();

        // A new console on the same ledger starts with its history.
        m_session = connectedSession(m_ledgerPath);
        QVERIFY(m_session);
        CommandTimelineView view(m_session.get());
        view.show();
        QCOMPARE(view.model()->rowCount(), 2);
        QVERIFY(view.selectExecution(failed));
        QVERIFY(view.details()->toPlainText().contains(u"simulated failure"_s)); // read from the ledger
        QVERIFY(view.retryButton()->isEnabled());

        view.setDevice(u"good-1"_s);
        QCOMPARE(ids(view), QStringList{ok});
        QVERIFY(!view.findChild<QLineEdit *>(u"deviceFilter"_s)->isVisible());
        view.setDeviceFilter(u"bad-1"_s); // the fixed device wins
        QCOMPARE(ids(view), QStringList{ok});
        view.setDevice(QString());
        QCOMPARE(view.proxy()->rowCount(), 1); // the fleet-wide field still says bad-1
        view.setDeviceFilter(QString());
        QCOMPARE(view.proxy()->rowCount(), 2);
    }

    void cleanupTestCase()
    {
        m_good.reset();
        m_bad.reset();
        m_broker.reset();
    }

private:
    std::unique_ptr<FleetSession> connectedSession(const QString &ledgerPath)
    {
        auto session = std::make_unique<FleetSession>();
        QString error;
        if (!session->open(ledgerPath, &error)) {
            qWarning("ledger: %s", qPrintable(error));
            return nullptr;
        }
        fleet::BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.username = u"alice"_s;
        if (!fleet::test::connectSessionAndWait(*session, profile))
            return nullptr;
        return session;
    }

    bool waitState(const QString &id, State state) const
    {
        return QTest::qWaitFor(
            [&] {
                const auto e = m_session->tracker()->execution(id);
                return e && e->state == state;
            },
            DefaultTimeoutMs);
    }

    static QStringList ids(const CommandTimelineView &view)
    {
        QStringList result;
        for (int row = 0; row < view.proxy()->rowCount(); ++row)
            result << view.proxy()->index(row, 0).data(CommandTimelineModel::ExecutionIdRole).toString();
        return result;
    }

    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    static QStringList sortedIds(const CommandTimelineView &view) { return sorted(ids(view)); }

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<SimDevices> m_good;
    std::unique_ptr<SimDevices> m_bad;
    std::unique_ptr<FleetSession> m_session;
    QTemporaryDir m_dir;
    QString m_ledgerPath;
    int m_round = 0;
};

QTEST_MAIN(TestCommandTimelineView)
#include "tst_commandtimelineview.moc"
