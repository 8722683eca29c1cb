// RollbackView against a real mosquitto, the real fleet-hub and an in-process fleet-sim device: a set_led
// sent from the composer is recorded with the LED's colour from before, and rolling it back turns the LED
// back to that colour; a desired-state update rolled back restores the previous desired values, which the
// device applies again; entries show their diff, are marked rolled back, and cannot be rolled back twice.

#include "brokerobserver.h"

#include "commandcomposer.h"
#include "commands/commandtracker.h"
#include "common/json.h"
#include "fleet/fleetsession.h"
#include "hubprocess.h"
#include "models/rollbackhistorymodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "parameterform.h"
#include "rollbackview.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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
using fleet::test::HubProcess;
using fleet::test::MosquittoBroker;
using fleet::test::SimDevices;
using State = CommandExecution::State;
using fleet::Json;

class TestRollbackView final : public QObject
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
        QVERIFY2(m_hub.startServing(m_broker->url(), m_dir.filePath(u"hub.sqlite"_s)),
                 qPrintable(m_hub.log()));
        fleet::sim::SimConfig config;
        config.prefix = u"rb"_s;
        config.devices = 1;
        config.telemetryIntervalMs = 0;
        config.latencyMinMs = 0;
        config.latencyMaxMs = 5;
        m_devices = std::make_unique<SimDevices>(config, fleet::test::profileFor(*m_broker));
        QVERIFY(m_devices->start());

        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_dir.filePath(u"ledger.sqlite"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, fleet::test::profileFor(*m_broker)));
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
        const QString device = m_devices->id(0);
        QCOMPARE(m_devices->at(0)->led(), u"off"_s);
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
        QCOMPARE(m_devices->at(0)->led(), u"red"_s);

        // The entry appears without anyone asking the view to look.
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, DefaultTimeoutMs);
        const qint64 entryId = view.model()->index(0, 0).data(RollbackHistoryModel::EntryIdRole).toLongLong();
        QVERIFY(view.selectEntry(entryId));
        QCOMPARE(view.selectedEntry(), entryId);
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.contains(u"led: \"off\""_s), qPrintable(details));        // the captured state
        QVERIFY2(details.contains(u"{\"color\":\"off\"}"_s), qPrintable(details)); // what rolling back sends
        QVERIFY(view.rollbackButton()->isEnabled());

        QSignalSpy rolledBack(&view, &RollbackView::rolledBack);
        QTest::mouseClick(view.rollbackButton(), Qt::LeftButton);
        QCOMPARE(rolledBack.count(), 1);
        const QString inverse = rolledBack.first().at(1).toString();
        QVERIFY(waitState(inverse, State::Succeeded));
        QCOMPARE(m_devices->at(0)->led(), u"off"_s); // the old colour again
        QCOMPARE(m_session->rollbacks()->entry(entryId)->rolledBackBy, inverse);
        QCOMPARE(view.model()->index(0, 0).data(RollbackHistoryModel::RolledBackByRole).toString(), inverse);
        QVERIFY(!view.rollbackButton()->isEnabled());
        QVERIFY(view.rollbackButton()->toolTip().contains(u"already"_s));
        view.rollBackSelected(); // forced: nothing sent twice
        QCOMPARE(rolledBack.count(), 1);
    }

    void rollbackRestoresTheDesiredState()
    {
        const QString device = m_devices->id(0);
        ShadowClient *shadows = m_session->shadows();
        RollbackView view(m_session.get());
        view.show();
        view.setDevice(device);

        // Two desired updates, recorded as the shadow editor records them.
        const qint64 first = updateDesired(device, Json{{"telemetryIntervalMs", 500}});
        const qint64 second = updateDesired(device, Json{{"telemetryIntervalMs", 2000}, {"note", "test"}});
        QVERIFY(first > 0 && second > 0);
        QVERIFY(QTest::qWaitFor([&] { return m_devices->at(0)->telemetryIntervalMs() == 2000; },
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
        QVERIFY(QTest::qWaitFor([&] { return m_devices->at(0)->telemetryIntervalMs() == 500; },
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
        m_devices.reset();
        m_hub.stop();
        m_broker.reset();
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

    // Reads the desired section, updates it and records the entry, as a desired-state editor does.
    qint64 updateDesired(const QString &device, const Json &patch)
    {
        ShadowClient *shadows = m_session->shadows();
        QSignalSpy finished(shadows, &ShadowClient::requestFinished);
        const QString get = shadows->get(device);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, DefaultTimeoutMs))
            return 0;
        const auto before = finished.takeFirst().at(1).value<ShadowClient::Result>();
        if (!before.ok || get.isEmpty())
            return 0;
        const Json state = before.body.value("state", Json::object());
        const Json desired = state.value("desired", Json());
        const QString token = shadows->updateDesired(device, {}, patch);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, DefaultTimeoutMs))
            return 0;
        if (!finished.takeFirst().at(1).value<ShadowClient::Result>().ok)
            return 0;
        return m_session->rollbacks()->recordDesiredUpdate(device, {}, desired, patch, token);
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    HubProcess m_hub;
    std::unique_ptr<SimDevices> m_devices;
    std::unique_ptr<FleetSession> m_session;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRollbackView)
#include "tst_rollbackview.moc"
