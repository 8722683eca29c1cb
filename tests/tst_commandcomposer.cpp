// CommandComposer against a real mosquitto, the real fleet-hub and in-process fleet-sim devices: the form is
// built from the catalog's typed parameters with their ranges, the preview shows the exact topic and payload,
// sensitive commands say they go to approval, drafts survive switching commands, bad input never sends, and
// (the headline) a command sent from the composer reaches its verdict in the command timeline, with a
// rollback entry holding the device's state from before.

#include "brokerobserver.h"

#include "commandcomposer.h"
#include "commands/commandtracker.h"
#include "commandtimelineview.h"
#include "common/json.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "models/commandtimelinemodel.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "simdevices.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using fleet::CommandComposer;
using fleet::CommandExecution;
using fleet::CommandTimelineModel;
using fleet::CommandTimelineView;
using fleet::FleetSession;
using fleet::MqttMessage;
using fleet::ParameterForm;
using fleet::test::DefaultTimeoutMs;
using State = CommandExecution::State;
using fleet::Json;

class TestCommandComposer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fleet.start(u"comp"_s, 2), qPrintable(m_fleet.errorString())); }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_fleet.filePath(u"ledger-%1.sqlite"_s.arg(++m_round)), &error),
                 qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, m_fleet.profile()));
    }

    void cleanup()
    {
        if (m_session)
            m_session->disconnectFromBroker();
        m_session.reset();
    }

    void formFollowsTheCatalog()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        auto *combo = composer.findChild<QComboBox *>(u"commandCombo"_s);
        QVERIFY(combo);
        QCOMPARE(combo->itemText(combo->count() - 1),
                 u"Free-form payload"_s); // last: the catalog comes first
        QVERIFY(combo->findData(u"set_led"_s) > 0);
        QCOMPARE(composer.command(), combo->itemData(0).toString()); // the first catalog command

        QVERIFY(composer.setCommand(u"set_telemetry_interval"_s));
        QVERIFY(!composer.setCommand(u"no_such_command"_s));
        QCOMPARE(composer.command(), u"set_telemetry_interval"_s);
        auto *ms = qobject_cast<QSpinBox *>(composer.form()->editor(u"ms"_s));
        QVERIFY(ms);
        QCOMPARE(ms->minimum(), 100);
        QCOMPARE(ms->maximum(), 3600000);
        ms->setValue(10);
        QCOMPARE(ms->value(), 100); // the range is the editor's
        ms->setValue(2500);

        composer.setTypedDevices(u"comp-1"_s);
        QCOMPARE(composer.targetMode(), CommandComposer::TargetMode::Typed);
        QVERIFY2(composer.canSend(), qPrintable(composer.validationError()));
        QCOMPARE(composer.previewTopic(), u"cmd/comp-1/req"_s);
        const Json payload = Json::parse(composer.previewPayload().toStdString());
        QCOMPARE_JSON(payload.at("cmd"), "set_telemetry_interval");
        QCOMPARE_JSON(payload.at("params"), Json({{"ms", 2500}}));
        QCOMPARE_JSON(payload.at("status"), "REQUEST");
        QVERIFY(payload.contains("tid"));
        QVERIFY(!composer.sensitiveLabel()->isVisible());
        QCOMPARE(composer.sendButton()->text(), u"Send"_s);

        // Several devices and a group change the preview's topic.
        composer.setTypedDevices(u"comp-1, comp-2"_s);
        QCOMPARE(composer.targets(), QStringList({u"comp-1"_s, u"comp-2"_s}));
        QVERIFY(composer.findChild<QPlainTextEdit *>(u"preview"_s)->toPlainText().contains(u"1 more"_s));
        composer.setGroup(u"group-1"_s);
        QCOMPARE(composer.previewTopic(), u"cmd/group/group-1/req"_s);
        QVERIFY(composer.canSend());
    }

    void sensitiveCommandsSayTheyGoToApproval()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        QVERIFY(composer.setCommand(u"set_position"_s));
        composer.setTargets({u"comp-1"_s});
        QVERIFY(composer.sensitiveLabel()->isVisible());
        QVERIFY(composer.sensitiveLabel()->text().contains(u"approval"_s));
        QCOMPARE(composer.sendButton()->text(), u"Send for approval"_s);
        // This session has no username, so the approval could never happen: it says so and sends nothing.
        QVERIFY(!composer.canSend());
        QVERIFY2(composer.validationError().contains(u"username"_s), qPrintable(composer.validationError()));
        // A sensitive command cannot go to a group.
        composer.setGroup(u"group-1"_s);
        QVERIFY(!composer.canSend());
        QVERIFY(composer.validationError().contains(u"approval"_s));
        QVERIFY(composer.setCommand(u"set_led"_s));
        QVERIFY(!composer.sensitiveLabel()->isVisible());
        QCOMPARE(composer.sendButton()->text(), u"Send"_s);
    }

    void draftsSurviveSwitching()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        QVERIFY(composer.setCommand(u"set_led"_s));
        auto *color = qobject_cast<QLineEdit *>(composer.form()->editor(u"color"_s));
        QTest::keyClicks(color, u"purple"_s);
        QVERIFY(composer.setCommand(u"set_position"_s));
        qobject_cast<QSpinBox *>(composer.form()->editor(u"position"_s))->setValue(40);
        QVERIFY(composer.setCommand(QString()));
        composer.setRawPayload(u"SET LED purple"_s);
        QVERIFY(composer.setCommand(u"set_led"_s));
        QCOMPARE(qobject_cast<QLineEdit *>(composer.form()->editor(u"color"_s))->text(), u"purple"_s);
        QVERIFY(composer.setCommand(u"set_position"_s));
        QCOMPARE(qobject_cast<QSpinBox *>(composer.form()->editor(u"position"_s))->value(), 40);
        QVERIFY(composer.setCommand(QString()));
        QCOMPARE(composer.findChild<QPlainTextEdit *>(u"rawPayload"_s)->toPlainText(), u"SET LED purple"_s);
    }

    void badInputNeverSends()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        QSignalSpy sent(&composer, &CommandComposer::sent);
        QSignalSpy failed(&composer, &CommandComposer::sendFailed);
        QVERIFY(composer.setCommand(u"set_led"_s));
        // No target.
        QVERIFY(!composer.canSend());
        QVERIFY(!composer.validationError().isEmpty());
        // A required parameter missing.
        composer.setTargets({u"comp-1"_s});
        QVERIFY(!composer.canSend());
        QVERIFY(composer.validationError().contains(u"color"_s));
        // Ids that would change the topic.
        QTest::keyClicks(composer.form()->editor(u"color"_s), u"red"_s);
        QVERIFY(composer.canSend());
        for (const QString &bad : {u"a/b"_s, u"dev+"_s, u"#"_s}) {
            composer.setTypedDevices(bad);
            QVERIFY2(!composer.canSend(), qPrintable(bad));
        }
        composer.setGroup(u"g/1"_s);
        QVERIFY(!composer.canSend());
        composer.setTypedDevices(u"   ,, "_s);
        QVERIFY(!composer.canSend());
        // A free-form payload: one device only, not empty.
        composer.setRawPayload(QString());
        composer.setTypedDevices(u"comp-1"_s);
        QVERIFY(!composer.canSend());
        composer.setRawPayload(u"hello"_s);
        QVERIFY(composer.canSend());
        QCOMPARE(composer.previewPayload(), u"hello"_s);
        QCOMPARE(composer.previewTopic(), u"cmd/comp-1/req"_s);
        composer.setTypedDevices(u"comp-1 comp-2"_s);
        QVERIFY(!composer.canSend());
        composer.setRawPayload(QString(300 * 1024, u'x'));
        composer.setTypedDevices(u"comp-1"_s);
        QVERIFY(!composer.canSend());
        // Pressing Send anyway (a keyboard shortcut, a script) sends nothing and says why.
        composer.send();
        QCOMPARE(sent.count(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY(m_session->tracker()->executions().isEmpty());
    }

    // Device ids come from the network or the keyboard: shown as written, never rendered as HTML.
    void targetsAreShownLiterally()
    {
        CommandComposer composer(m_session.get());
        const QString selected = u"<b>x<img src=x>"_s;
        composer.setTargets({selected});
        const auto *selection = composer.findChild<QLabel *>(u"selectionLabel"_s);
        QCOMPARE(selection->textFormat(), Qt::PlainText);
        QCOMPARE(selection->text(), selected);
        composer.setTypedDevices(u"<b>x</b>"_s); // the '/' makes it invalid, and the error quotes it
        QVERIFY2(composer.validationError().contains(u"\"<b>x</b>\""_s),
                 qPrintable(composer.validationError()));
        QCOMPARE(composer.findChild<QLabel *>(u"validationError"_s)->textFormat(), Qt::PlainText);
        QCOMPARE(composer.findChild<QLabel *>(u"sendStatus"_s)->textFormat(), Qt::PlainText);
    }

    void sentCommandReachesItsVerdictInTheTimeline()
    {
        CommandTimelineView timeline(m_session.get());
        CommandComposer composer(m_session.get());
        timeline.show();
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QCOMPARE(m_fleet.devices().at(0)->led(), u"off"_s);

        QVERIFY(composer.setCommand(u"set_led"_s));
        composer.setTargets({m_fleet.devices().id(0)});
        QTest::keyClicks(composer.form()->editor(u"color"_s), u"green"_s);
        QCOMPARE(composer.previewTopic(), u"cmd/comp-1/req"_s);
        QVERIFY(composer.previewPayload().contains(u"\"color\":\"green\""_s));
        QVERIFY(composer.canSend());

        QSignalSpy sent(&composer, &CommandComposer::sent);
        QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
        QVERIFY(sent.wait(DefaultTimeoutMs));
        const QString tid = sent.first().at(0).toString();
        QCOMPARE(sent.first().at(1).toStringList(), QStringList{tid});

        // The verdict, as the timeline shows it.
        CommandTimelineModel *model = timeline.model();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const int row = model->rowOf(tid);
                return row >= 0 && model->index(row, 0).data(CommandTimelineModel::StateRole).toInt() ==
                                       int(State::Succeeded);
            },
            DefaultTimeoutMs));
        QCOMPARE(m_fleet.devices().at(0)->led(), u"green"_s);
        QVERIFY(timeline.selectExecution(tid));
        QVERIFY(timeline.details()->toPlainText().contains(u"Succeeded"_s));
        QVERIFY(composer.findChild<QLabel *>(u"sendStatus"_s)->text().contains(tid));
        // What rolling it back restores was captured before it ran.
        const QList<fleet::RollbackEntry> entries = m_session->rollbacks()->entries(m_fleet.devices().id(0));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().tid, tid);
        QCOMPARE_JSON(entries.first().before.value("led", Json()), "off");
        // The form keeps what was typed, for the next send.
        QCOMPARE(qobject_cast<QLineEdit *>(composer.form()->editor(u"color"_s))->text(), u"green"_s);
    }

    // Without a connection nothing is called sent: the command waits, and the composer says for what.
    void queuedIsNotCalledSent()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        m_session->disconnectFromBroker();
        QVERIFY(composer.setCommand(u"upload_log"_s)); // no state to read first, no approval
        composer.setTargets({m_fleet.devices().id(0)});
        QSignalSpy sent(&composer, &CommandComposer::sent);
        composer.send();
        const QString status = composer.findChild<QLabel *>(u"sendStatus"_s)->text();
        QVERIFY2(sent.count() == 1 || sent.wait(DefaultTimeoutMs), qPrintable(status));
        QVERIFY2(status.contains(u"queued, not sent"_s), qPrintable(status));
        QVERIFY2(status.contains(u"no connection to the broker"_s), qPrintable(status));
        QVERIFY(!status.contains(u"sent to"_s));
        const auto e = m_session->tracker()->execution(sent.first().at(0).toString());
        QVERIFY(e);
        QCOMPARE(e->state, State::Queued);
    }

    void sendsToSeveralDevicesAndGroupsAndRaw()
    {
        CommandComposer composer(m_session.get());
        composer.show();
        QSignalSpy sent(&composer, &CommandComposer::sent);
        QVERIFY(composer.setCommand(u"upload_log"_s));
        composer.setTargets(m_fleet.devices().ids());
        composer.send();
        QCOMPARE(sent.count(), 1);
        const QStringList executions = sent.first().at(1).toStringList();
        QCOMPARE(executions.size(), 2);
        for (const QString &id : executions)
            QVERIFY(QTest::qWaitFor(
                [&] { return m_session->tracker()->execution(id)->state == State::Succeeded; },
                DefaultTimeoutMs));
        // fleet-sim puts every device in group-1 by default.
        composer.setGroup(u"group-1"_s);
        composer.send();
        QCOMPARE(sent.count(), 2);
        const QString broadcast = sent.last().at(0).toString();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto b = m_session->tracker()->broadcast(broadcast);
                return b && b->executions.size() == 2 && b->done == 2;
            },
            DefaultTimeoutMs));
        // A free-form payload, as the seed's text devices take it: tracked like any command.
        composer.setRawPayload(u"{\"cmd\":\"upload_log\",\"tid\":\"RAW-1\",\"status\":\"REQUEST\"}"_s);
        composer.setTypedDevices(m_fleet.devices().id(1));
        composer.send();
        QCOMPARE(sent.count(), 3);
        const QString raw = sent.last().at(0).toString();
        QCOMPARE(m_session->tracker()->execution(raw)->command, QString(fleet::CommandTracker::RawCommand));
    }

private:
    fleet::test::FleetFixture m_fleet;
    std::unique_ptr<FleetSession> m_session;
    int m_round = 0;
};

QTEST_MAIN(TestCommandComposer)
#include "tst_commandcomposer.moc"
