// RollbackView against a real mosquitto, the real fleet-hub and an in-process fleet-sim device: a set_led
// sent from the composer is recorded with the LED's colour from before, and rolling it back turns the LED
// back to that colour; a desired-state update rolled back restores the previous desired values, which the
// device applies again; entries show their diff, are marked rolled back, and cannot be rolled back twice.

#include "brokerobserver.h"

#include "commandcomposer.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "common/json.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "models/rollbackhistorymodel.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "rollbackview.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using fleet::CommandComposer;
using fleet::CommandExecution;
using fleet::FleetSession;
using fleet::MqttMessage;
using fleet::RollbackEntry;
using fleet::RollbackHistoryModel;
using fleet::RollbackView;
using fleet::ShadowClient;
using fleet::test::DefaultTimeoutMs;
using State = CommandExecution::State;
using fleet::Json;

class TestRollbackView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fleet.start(u"rb"_s, 1), qPrintable(m_fleet.errorString()));

        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_fleet.filePath(u"ledger.sqlite"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, m_fleet.profile()));
    }

    void diffLines()
    {
        const QStringList lines =
            RollbackView::diffLines(Json{{"a", 1}, {"b", {{"c", "x"}, {"d", 2}}}, {"gone", true}},
                                    Json{{"a", 1}, {"b", {{"c", "y"}, {"d", 2}}}, {"new", Json::array({1})}});
        QCOMPARE(lines, (QStringList{u"~ b.c: \"x\" → \"y\""_s, u"- gone: true"_s, u"+ new: [1]"_s}));
        QCOMPARE(RollbackView::diffLines(Json(), Json()), QStringList());
        QCOMPARE(RollbackView::diffLines(Json(), Json{{"led", "off"}}), QStringList{u"+ led: \"off\""_s});
        QCOMPARE(RollbackView::diffLines(Json(3), Json("x")), QStringList{u"~ (whole value): 3 → \"x\""_s});
    }

    void rollbackRestoresTheLedColour()
    {
        const QString device = m_fleet.devices().id(0);
        QCOMPARE(m_fleet.devices().at(0)->led(), u"off"_s);
        RollbackView view(m_session.get());
        CommandComposer composer(m_session.get());
        view.show();
        composer.show();
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.rollbackButton()->isEnabled());

        QVERIFY(composer.setCommand(u"set_led"_s));
        composer.setTargets({device});
        QTest::keyClicks(composer.form()->editor(u"color"_s), u"red"_s);
        QSignalSpy sent(&composer, &CommandComposer::sent);
        QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
        QVERIFY(sent.wait(DefaultTimeoutMs));
        const QString tid = sent.first().at(0).toString();
        QVERIFY(waitState(tid, State::Succeeded));
        QCOMPARE(m_fleet.devices().at(0)->led(), u"red"_s);

        // The entry appears without anyone asking the view to look.
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, DefaultTimeoutMs);
        const qint64 entryId = view.model()->index(0, 0).data(RollbackHistoryModel::EntryIdRole).toLongLong();
        // One click on its row shows it.
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex row = view.table()->model()->index(0, RollbackHistoryModel::TimeColumn);
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {},
                          view.table()->visualRect(row).center());
        QCOMPARE(view.selectedEntry(), entryId);
        QVERIFY(view.selectEntry(entryId));
        QCOMPARE(view.selectedEntry(), entryId);
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.contains(u"led: \"off\""_s), qPrintable(details));        // the captured state
        QVERIFY2(details.contains(u"{\"color\":\"off\"}"_s), qPrintable(details)); // what rolling back sends
        QVERIFY(view.rollbackButton()->isEnabled());

        // Through the table's context menu, which clicks the button.
        QAction *rollBack = view.table()->findChild<QAction *>(u"rollbackButtonAction"_s);
        QVERIFY(rollBack && rollBack->isEnabled());
        QCOMPARE(view.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QSignalSpy rolledBack(&view, &RollbackView::rolledBack);
        rollBack->trigger();
        QCOMPARE(rolledBack.count(), 1);
        const QString inverse = rolledBack.first().at(1).toString();
        QVERIFY(waitState(inverse, State::Succeeded));
        QCOMPARE(m_fleet.devices().at(0)->led(), u"off"_s); // the old colour again
        QCOMPARE(m_session->rollbacks()->entry(entryId)->rolledBackBy, inverse);
        QCOMPARE(view.model()->index(0, 0).data(RollbackHistoryModel::RolledBackByRole).toString(), inverse);
        QVERIFY(!view.rollbackButton()->isEnabled());
        QVERIFY(!rollBack->isEnabled());
        QVERIFY(view.rollbackButton()->toolTip().contains(u"already"_s));
        view.rollBackSelected(); // forced: nothing sent twice
        QCOMPARE(rolledBack.count(), 1);
    }

    void rollbackRestoresTheDesiredState()
    {
        const QString device = m_fleet.devices().id(0);
        ShadowClient *shadows = m_session->shadows();
        RollbackView view(m_session.get());
        view.show();
        view.setDevice(device);

        // Two desired updates, recorded as the shadow editor records them.
        const qint64 first = updateDesired(device, Json{{"telemetryIntervalMs", 500}});
        const qint64 second = updateDesired(device, Json{{"telemetryIntervalMs", 2000}, {"note", "test"}});
        QVERIFY(first > 0 && second > 0);
        QVERIFY(QTest::qWaitFor([&] { return m_fleet.devices().at(0)->telemetryIntervalMs() == 2000; },
                                DefaultTimeoutMs));

        view.refresh();
        QVERIFY(view.selectEntry(second));
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.contains(u"~ telemetryIntervalMs: 500 → 2000"_s), qPrintable(details));
        QVERIFY2(details.contains(u"+ note: \"test\""_s), qPrintable(details));
        QSignalSpy rolledBack(&view, &RollbackView::rolledBack);
        QTest::mouseClick(view.rollbackButton(), Qt::LeftButton);
        QVERIFY(!view.rollbackButton()->isEnabled()); // under way
        QVERIFY(rolledBack.wait(DefaultTimeoutMs));
        QCOMPARE(rolledBack.first().at(0).toLongLong(), second);
        QVERIFY(m_session->rollbacks()->entry(second)->isRolledBack());
        QVERIFY(!m_session->rollbacks()->entry(first)->isRolledBack());

        // The shadow's desired section is what it was before, and the device follows it.
        QVERIFY(QTest::qWaitFor([&] { return m_fleet.devices().at(0)->telemetryIntervalMs() == 500; },
                                DefaultTimeoutMs));
        QSignalSpy finished(shadows, &ShadowClient::requestFinished);
        const QString token = shadows->get(device);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, DefaultTimeoutMs));
        const auto result = finished.first().at(1).value<ShadowClient::Result>();
        QCOMPARE(finished.first().at(0).toString(), token);
        QVERIFY(result.ok);
        const Json desired = result.body.at("state").at("desired");
        QCOMPARE_JSON(desired, (Json{{"telemetryIntervalMs", 500}}));
        QVERIFY(view.statusLabel()->text().contains(QString::number(second)));
    }

    void cleanupTestCase()
    {
        m_session->disconnectFromBroker();
        m_session.reset();
    }

private:
    bool waitState(const QString &id, State state) const
    {
        return QTest::qWaitFor(
            [&] {
                const auto e = m_session->tracker()->execution(id);
                return e && e->state == state;
            },
            DefaultTimeoutMs);
    }

    // Updates the desired section through the operator actions, as the device dock does (the section it
    // replaces is read first and recorded once the service accepts the update).
    qint64 updateDesired(const QString &device, const Json &patch)
    {
        fleet::OperatorActions::DesiredChange change;
        change.device = device;
        change.patch = patch;
        std::optional<fleet::OperatorActions::Outcome> outcome;
        m_session->actions()->updateDesired(change, this,
                                            [&](const fleet::OperatorActions::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, DefaultTimeoutMs))
            return 0;
        return outcome->ok ? outcome->rollbackEntry : 0;
    }

    fleet::test::FleetFixture m_fleet;
    std::unique_ptr<FleetSession> m_session;
};

QTEST_MAIN(TestRollbackView)
#include "tst_rollbackview.moc"
