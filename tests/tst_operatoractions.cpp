// OperatorActions against a real mosquitto, fleet-hub and in-process fleet-sim devices: the rules every front
// end shares. A sensitive command is refused while approvals cannot work and held once they can; a command
// with an inverse captures the device's reported state and records a rollback entry, which rolls back through
// the same path; a desired update records the section it replaced (read first when not given) and rolls
// back; a retry is a new execution; the preview shows the catalog's own topics; a desired batch to a group
// reports progress and each device's result, is one rollback entry that restores every device, and leaves
// alone a device changed since.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commands/rollbacklog.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"
#include "store/commandledger.h"
#include "testutil.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::FleetSession;
using fleet::Json;
using fleet::MqttMessage;
using fleet::OperatorActions;
using fleet::RollbackEntry;
using fleet::test::DefaultTimeoutMs;
using State = CommandExecution::State;

class TestOperatorActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fleet.start(u"ops"_s, 2), qPrintable(m_fleet.errorString())); }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_fleet.filePath(u"ledger-%1.sqlite"_s.arg(++m_round)), &error),
                 qPrintable(error));
        auto profile = m_fleet.profile();
        profile.username = u"alice"_s;
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, profile));
        QVERIFY(QTest::qWaitFor([this] { return m_session->approvals()->identity() == u"alice"_s; },
                                DefaultTimeoutMs));
    }

    void cleanup()
    {
        if (m_session)
            m_session->disconnectFromBroker();
        m_session.reset();
    }

    void previewShowsTheCatalogsTopicsAndRules()
    {
        OperatorActions *actions = m_session->actions();
        OperatorActions::CommandRequest request;
        request.devices = {u"dev-9"_s};
        request.command = u"set_led"_s;
        request.parameters = Json{{"color", "red"}};
        OperatorActions::Preview preview = actions->preview(request);
        QVERIFY2(preview.problem.isEmpty(), qPrintable(preview.problem));
        QCOMPARE(preview.topic, u"cmd/dev-9/req"_s);
        QVERIFY(preview.payload.contains(u"\"color\":\"red\""_s));
        QVERIFY(preview.capturesState); // set_led has an inverse
        QVERIFY(!preview.needsApproval);

        request.parameters = Json::object();
        QVERIFY(!actions->preview(request).problem.isEmpty()); // color is required

        request.command = u"no_such"_s;
        QVERIFY(actions->preview(request).problem.contains(u"no_such"_s));

        request.command = u"reboot"_s;
        request.devices.clear();
        request.group = u"group-1"_s;
        QVERIFY(actions->preview(request).needsApproval);
        // fleet-hub's gate is on this broker: it holds a sensitive group command for one approval.
        QVERIFY2(actions->preview(request).problem.isEmpty(), qPrintable(actions->preview(request).problem));
        const QString prefix = m_session->tracker()->gatePrefix();
        m_session->tracker()->setGatePrefix({});
        QVERIFY(actions->preview(request).problem.contains(u"fleet-hub's gate"_s)); // without it, refused
        m_session->tracker()->setGatePrefix(prefix, m_session->approvals()->broadcastPrefix());

        // Nothing selected: refused without touching the tracker.
        OperatorActions::CommandRequest empty;
        empty.command = u"set_led"_s;
        empty.parameters = Json{{"color", "red"}};
        std::optional<OperatorActions::Outcome> outcome;
        actions->sendCommand(empty, this, [&](const OperatorActions::Outcome &o) { outcome = o; });
        QVERIFY(outcome && !outcome->ok);
        QVERIFY(m_session->tracker()->executions().isEmpty());
    }

    // The approval rule: without an identity a sensitive command cannot be sent at all; with one it is held
    // for another user's decision, whichever front end sent it.
    void sensitiveCommandsNeedWorkingApprovals()
    {
        FleetSession anonymous;
        QString error;
        QVERIFY(anonymous.open(m_fleet.filePath(u"anonymous.sqlite"_s), &error));
        QVERIFY(fleet::test::connectSessionAndWait(anonymous, m_fleet.profile()));
        OperatorActions::CommandRequest request;
        request.devices = {m_fleet.devices().id(0)};
        request.command = u"reboot"_s;
        std::optional<OperatorActions::Outcome> refused;
        anonymous.actions()->sendCommand(request, this,
                                         [&](const OperatorActions::Outcome &o) { refused = o; });
        QVERIFY(refused && !refused->ok);
        QVERIFY2(refused->error.contains(u"MQTT username"_s), qPrintable(refused->error));
        QVERIFY(anonymous.tracker()->executions().isEmpty());
        anonymous.disconnectFromBroker();

        std::optional<OperatorActions::Outcome> held;
        m_session->actions()->sendCommand(request, this,
                                          [&](const OperatorActions::Outcome &o) { held = o; });
        QVERIFY(QTest::qWaitFor([&] { return held.has_value(); }, DefaultTimeoutMs));
        QVERIFY2(held->ok, qPrintable(held->error));
        QVERIFY(held->awaitingApproval);
        QCOMPARE(m_session->tracker()->execution(held->id)->state, State::AwaitingApproval);
    }

    void commandWithInverseRecordsAndRollsBack()
    {
        const QString device = m_fleet.devices().id(0);
        OperatorActions::CommandRequest request;
        request.devices = {device};
        request.command = u"set_led"_s;
        request.parameters = Json{{"color", "blue"}};
        const OperatorActions::Outcome sent = send(request);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QVERIFY2(sent.note.isEmpty(), qPrintable(sent.note));
        QVERIFY(sent.rollbackEntry > 0);
        const auto entry = m_session->rollbacks()->entry(sent.rollbackEntry);
        QVERIFY(entry);
        QCOMPARE(entry->kind, RollbackEntry::Kind::Command);
        QCOMPARE(entry->tid, sent.id);
        const QString before = QString::fromStdString(entry->before.value("led", std::string()));
        QVERIFY(!before.isEmpty());
        QVERIFY(waitVerdict(sent.id) == State::Succeeded);
        QCOMPARE(m_fleet.devices().at(0)->led(), u"blue"_s);

        const OperatorActions::Outcome undone = rollBack(sent.rollbackEntry);
        QVERIFY2(undone.ok, qPrintable(undone.error));
        QVERIFY(waitVerdict(undone.id) == State::Succeeded);
        QCOMPARE(m_fleet.devices().at(0)->led(), before);
        QCOMPARE(m_session->rollbacks()->entry(sent.rollbackEntry)->rolledBackBy, undone.id);
        // Once is enough.
        QVERIFY(!rollBack(sent.rollbackEntry).ok);
        QVERIFY(!m_session->actions()->rollbackPlan(sent.rollbackEntry).problem.isEmpty());
    }

    // An AWS IoT command is undone like any other: show_message captures the message the display showed,
    // and rolling back shows it again, through fleet-hub's AWS IoT commands service both times.
    void awsCommandWithInverseRollsBack()
    {
        const QString device = m_fleet.devices().id(1);
        const QString before = m_fleet.devices().at(1)->message();
        OperatorActions::CommandRequest request;
        request.devices = {device};
        request.command = u"show_message"_s;
        request.parameters = Json{{"text", "maintenance at noon"}};
        const OperatorActions::Outcome sent = send(request);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QVERIFY(sent.rollbackEntry > 0);
        QVERIFY(waitVerdict(sent.id) == State::Succeeded);
        QCOMPARE(m_fleet.devices().at(1)->message(), u"maintenance at noon"_s);
        const auto entry = m_session->rollbacks()->entry(sent.rollbackEntry);
        QVERIFY(entry);
        QCOMPARE(QString::fromStdString(entry->before.value("message", std::string())), before);

        const OperatorActions::Outcome undone = rollBack(sent.rollbackEntry);
        QVERIFY2(undone.ok, qPrintable(undone.error));
        QVERIFY(waitVerdict(undone.id) == State::Succeeded);
        QCOMPARE(m_fleet.devices().at(1)->message(), before);
        QCOMPARE(m_session->tracker()->execution(undone.id)->command, u"show_message"_s);
    }

    void desiredUpdateRecordsWhatItReplaced()
    {
        const QString device = m_fleet.devices().id(1);
        OperatorActions::DesiredChange change;
        change.device = device;
        change.patch = Json{{"fan", "high"}};
        const OperatorActions::Outcome first = update(change);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(first.version.has_value());
        // The section before was read first, since the change did not say.
        change.patch = Json{{"fan", "low"}, {"mode", "eco"}};
        const OperatorActions::Outcome second = update(change);
        QVERIFY2(second.ok, qPrintable(second.error));
        const auto entry = m_session->rollbacks()->entry(second.rollbackEntry);
        QVERIFY(entry);
        QCOMPARE(entry->before.value("fan", std::string()), std::string("high"));
        QCOMPARE(second.desired.value("mode", std::string()), std::string("eco"));

        const OperatorActions::Outcome undone = rollBack(second.rollbackEntry);
        QVERIFY2(undone.ok, qPrintable(undone.error));
        QCOMPARE(undone.desired.value("fan", std::string()), std::string("high"));
        QVERIFY(!undone.desired.contains("mode"));
        QVERIFY(m_session->rollbacks()->entry(second.rollbackEntry)->isRolledBack());

        // A stale version is the service's 409, and nothing is recorded.
        const qsizetype entries = m_session->rollbacks()->entries().size();
        change.version = 1;
        const OperatorActions::Outcome conflict = update(change);
        QVERIFY(!conflict.ok);
        QVERIFY(conflict.serviceError);
        QCOMPARE(conflict.errorCode, 409);
        QCOMPARE(m_session->rollbacks()->entries().size(), entries);
    }

    void azureDevicesGetNoShadowChanges()
    {
        // The default catalog's az-* are Azure IoT Hub devices: their desired properties are in a twin, and
        // a shadow written for them would be one they never read.
        OperatorActions::DesiredBatch batch;
        batch.devices = {m_fleet.devices().id(0), u"az-1"_s, u"az-2"_s};
        batch.patch = Json{{"limit", 5}};
        OperatorActions::BatchPreview preview = m_session->actions()->previewBatch(batch);
        QVERIFY2(preview.problem.isEmpty(), qPrintable(preview.problem));
        QCOMPARE(preview.devices, QStringList{m_fleet.devices().id(0)});
        QCOMPARE(preview.azureDevices, (QStringList{u"az-1"_s, u"az-2"_s}));
        batch.devices = {u"az-1"_s};
        preview = m_session->actions()->previewBatch(batch);
        QVERIFY(preview.devices.isEmpty());
        QVERIFY2(preview.problem.contains(u"twin"_s), qPrintable(preview.problem));

        OperatorActions::DesiredChange change;
        change.device = u"az-1"_s;
        change.patch = Json{{"fan", "high"}};
        const qsizetype entries = m_session->rollbacks()->entries().size();
        const OperatorActions::Outcome refused = update(change);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(u"twin"_s), qPrintable(refused.error));
        QCOMPARE(m_session->rollbacks()->entries().size(), entries);
    }

    void desiredBatchToAGroupRollsBackAsOne()
    {
        const QString a = m_fleet.devices().id(0);
        const QString b = m_fleet.devices().id(1);
        QVERIFY(m_session->registry()->addToGroup(a, u"coffee"_s));
        QVERIFY(m_session->registry()->addToGroup(b, u"coffee"_s));
        QVERIFY(!m_session->registry()->devicesInGroup(u"nobody"_s).size());
        OperatorActions::DesiredBatch batch;
        batch.group = u"nobody"_s;
        batch.patch = Json{{"limit", 5}};
        QVERIFY(!m_session->actions()->previewBatch(batch).problem.isEmpty());
        batch.group = u"coffee"_s;
        QCOMPARE(m_session->actions()->previewBatch(batch).devices.size(), 2);
        QVERIFY(m_session->actions()->previewBatch({{}, {}, {}, Json::array()}).problem.size() > 0);

        QList<std::pair<int, int>> progress;
        const OperatorActions::Outcome outcome = batchUpdate(batch, &progress);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deviceResults.size(), 2);
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.last(), std::make_pair(2, 2));
        for (const OperatorActions::DeviceResult &r : outcome.deviceResults) {
            QCOMPARE(r.status, OperatorActions::DeviceResult::Status::Accepted);
            QVERIFY(r.version.has_value());
        }
        const auto entry = m_session->rollbacks()->entry(outcome.rollbackEntry);
        QVERIFY(entry);
        QCOMPARE(entry->kind, RollbackEntry::Kind::DesiredBatch);
        QCOMPARE(entry->group, u"coffee"_s);
        QCOMPARE(entry->targets.size(), 2);
        QVERIFY(entry->parameters == batch.patch);
        QVERIFY(m_session->actions()->rollbackPlan(outcome.rollbackEntry).problem.isEmpty());
        QVERIFY(desiredOf(a).contains("limit"));

        const OperatorActions::Outcome undone = rollBack(outcome.rollbackEntry);
        QVERIFY2(undone.ok, qPrintable(undone.error));
        QCOMPARE(undone.deviceResults.size(), 2);
        QVERIFY(m_session->rollbacks()->entry(outcome.rollbackEntry)->isRolledBack());
        QVERIFY(!desiredOf(a).contains("limit"));
        QVERIFY(!desiredOf(b).contains("limit"));
        QVERIFY(!m_session->actions()->rollbackPlan(outcome.rollbackEntry).problem.isEmpty());
    }

    void desiredBatchReportsRefusedAndChangedDevices()
    {
        const QString a = m_fleet.devices().id(0);
        const QString b = m_fleet.devices().id(1);
        // b's desired state is nearly full: the shadow service refuses what would pass its 8 KB (413).
        OperatorActions::DesiredChange big;
        big.device = b;
        big.patch = Json{{"big", std::string(6000, 'x')}};
        QVERIFY2(update(big).ok, "b's big desired value");
        OperatorActions::DesiredBatch batch;
        batch.devices = {a, b, a}; // a named twice counts once
        batch.patch = Json{{"note", std::string(3000, 'n')}};
        const OperatorActions::Outcome outcome = batchUpdate(batch);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.deviceResults.size(), 2);
        for (const OperatorActions::DeviceResult &r : outcome.deviceResults) {
            if (r.device == a) {
                QCOMPARE(r.status, OperatorActions::DeviceResult::Status::Accepted);
            } else {
                QCOMPARE(r.status, OperatorActions::DeviceResult::Status::Refused);
                QVERIFY(r.serviceError);
                QCOMPARE(r.errorCode, 413);
            }
        }
        const auto entry = m_session->rollbacks()->entry(outcome.rollbackEntry);
        QVERIFY(entry);
        QCOMPARE(entry->targets.size(), 1); // only what changed is undone
        big.patch = Json{{"big", nullptr}};
        QVERIFY(update(big).ok);

        // Both accept the next one; then someone changes a's limit: the rollback leaves a alone.
        batch.devices = {a, b};
        batch.patch = Json{{"limit", 9}, {"note", nullptr}};
        const OperatorActions::Outcome second = batchUpdate(batch);
        QVERIFY2(second.ok, qPrintable(second.error));
        OperatorActions::DesiredChange other;
        other.device = a;
        other.patch = Json{{"limit", 7}};
        QVERIFY(update(other).ok);
        const OperatorActions::Outcome undone = rollBack(second.rollbackEntry);
        QVERIFY(!undone.ok);
        QCOMPARE(undone.deviceResults.size(), 2);
        const auto settled = m_session->rollbacks()->entry(second.rollbackEntry);
        QVERIFY(settled->isRolledBack()); // restored or changed since: nothing left to try
        for (const fleet::RollbackTarget &t : settled->targets)
            QCOMPARE(t.changedSince, t.device == a);
        QCOMPARE(desiredOf(a).value("limit", 0), 7);
        QVERIFY(!desiredOf(b).contains("limit"));
        QVERIFY(!desiredOf(a).value("note", std::string()).size()); // left as the change since left it
    }

    void retryIsANewExecution()
    {
        OperatorActions::CommandRequest request;
        request.devices = {m_fleet.devices().id(0)};
        request.command = u"set_telemetry_interval"_s;
        request.parameters = Json{{"ms", 5000}};
        const OperatorActions::Outcome sent = send(request);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QVERIFY(waitVerdict(sent.id) == State::Succeeded);
        std::optional<OperatorActions::Outcome> again;
        m_session->actions()->retry(sent.id, this, [&](const OperatorActions::Outcome &o) { again = o; });
        QVERIFY(QTest::qWaitFor([&] { return again.has_value(); }, DefaultTimeoutMs));
        QVERIFY2(again->ok, qPrintable(again->error));
        QVERIFY(again->id != sent.id);
        QCOMPARE_JSON(m_session->tracker()->execution(again->id)->parameters, request.parameters);
        QVERIFY(waitVerdict(again->id) == State::Succeeded);

        // Linked to its original: on the execution, in the ledger both ways, and in its audit row.
        QCOMPARE(m_session->tracker()->execution(again->id)->retryOf, sent.id);
        QVERIFY(m_session->tracker()->execution(sent.id)->retryOf.isEmpty());
        QCOMPARE(m_session->tracker()->retriesOf(sent.id), QStringList{again->id});
        fleet::CommandLedger *ledger = m_session->ledger();
        QVERIFY(ledger);
        QTRY_COMPARE_WITH_TIMEOUT(ledger->load(again->id).value_or(CommandExecution()).retryOf, sent.id,
                                  DefaultTimeoutMs);
        QCOMPARE(*ledger->retriesOf(sent.id), QStringList{again->id});
        bool audited = false;
        const auto rows = ledger->audit(20);
        QVERIFY(rows);
        for (const auto &row : *rows)
            audited = audited || (row.action == u"send"_s && row.subject == again->id &&
                                  row.outcome == u"accepted"_s && row.detail.contains(sent.id));
        QVERIFY(audited);

        // The tracker refuses a link to a command it has never seen, or to another device's.
        QString error;
        QVERIFY(m_session->tracker()
                    ->send(m_fleet.devices().id(0), u"upload_log"_s, Json::object(), &error, {u"T-none"_s})
                    .isEmpty());
        QVERIFY2(error.contains(u"T-none"_s), qPrintable(error));
        QVERIFY(m_session->tracker()
                    ->send(m_fleet.devices().id(1), u"upload_log"_s, Json::object(), &error, {sent.id})
                    .isEmpty());
        QVERIFY2(error.contains(sent.id), qPrintable(error));
    }

    // A command that sets a key the desired state wants otherwise is warned about (not refused), from the
    // shadow cache only: an unwatched device gives no warning rather than a wait.
    void previewWarnsWhenTheDesiredStateDisagrees()
    {
        const QString device = m_fleet.devices().id(1);
        OperatorActions::DesiredChange change;
        change.device = device;
        change.patch = Json{{"led", "blue"}};
        const OperatorActions::Outcome updated = update(change);
        QVERIFY2(updated.ok, qPrintable(updated.error));

        OperatorActions::CommandRequest request;
        request.devices = {device};
        request.command = u"set_led"_s;
        request.parameters = Json{{"color", "red"}};
        // Not cached yet: no warning, and nothing waited for.
        QVERIFY(m_session->actions()->preview(request).warning.isEmpty());

        fleet::ShadowClient *shadows = m_session->shadows();
        QVERIFY(shadows->watch(device));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto cached = shadows->cached(device);
                return cached && cached->state == fleet::ShadowClient::CacheState::Fresh &&
                       cached->document.desired().value("led", std::string()) == "blue";
            }(),
            DefaultTimeoutMs);
        OperatorActions::Preview preview = m_session->actions()->preview(request);
        QVERIFY2(preview.problem.isEmpty(), qPrintable(preview.problem));
        QVERIFY2(
            preview.warning.startsWith(u"%1's desired state says led = \"blue\": the device will be asked "
                                       "to go back to it"_s.arg(device)),
            qPrintable(preview.warning));

        // What the desired state already wants, or a key it does not name: nothing to warn about.
        request.parameters = Json{{"color", "blue"}};
        QVERIFY(m_session->actions()->preview(request).warning.isEmpty());
        request.command = u"set_telemetry_interval"_s;
        request.parameters = Json{{"ms", 5000}};
        QVERIFY(m_session->actions()->preview(request).warning.isEmpty());
        request.command = u"upload_log"_s; // sets nothing
        request.parameters = Json::object();
        QVERIFY(m_session->actions()->preview(request).warning.isEmpty());

        // A selection names the device that disagrees; the send goes ahead and says it too.
        request.devices = {m_fleet.devices().id(0), device};
        request.command = u"set_led"_s;
        request.parameters = Json{{"color", "red"}};
        QVERIFY(m_session->actions()->preview(request).warning.contains(device));
        request.devices = {device};
        const OperatorActions::Outcome sent = send(request);
        QVERIFY2(sent.ok, qPrintable(sent.error));
        QVERIFY2(sent.warning.contains(u"led = \"blue\""_s), qPrintable(sent.warning));
        shadows->unwatch(device);
        change.patch = Json{{"led", nullptr}}; // the other tests' device as it was
        QVERIFY(update(change).ok);
    }

    // A callback whose context is gone is not called (a composer closed while the state is being read).
    void noCallbackAfterTheContextIsGone()
    {
        OperatorActions::CommandRequest request;
        request.devices = {u"nobody-home"_s}; // no shadow: the capture waits for its timeout
        request.command = u"set_led"_s;
        request.parameters = Json{{"color", "red"}};
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_session->actions()->sendCommand(request, context.get(),
                                          [&](const OperatorActions::Outcome &) { called = true; });
        context.reset();
        QTest::qWait(OperatorActions::CaptureTimeoutMs + 500);
        QVERIFY(!called);
    }

private:
    // Starts an action with a callback and waits for its outcome.
    template<typename Start>
    OperatorActions::Outcome await(Start start)
    {
        std::optional<OperatorActions::Outcome> outcome;
        start([&](const OperatorActions::Outcome &o) { outcome = o; });
        [[maybe_unused]] const bool done =
            QTest::qWaitFor([&] { return outcome.has_value(); }, DefaultTimeoutMs);
        return outcome.value_or(OperatorActions::Outcome{});
    }

    OperatorActions::Outcome send(const OperatorActions::CommandRequest &request)
    {
        return await([&](auto done) { m_session->actions()->sendCommand(request, this, done); });
    }

    OperatorActions::Outcome update(const OperatorActions::DesiredChange &change)
    {
        return await([&](auto done) { m_session->actions()->updateDesired(change, this, done); });
    }

    OperatorActions::Outcome rollBack(qint64 entry)
    {
        return await([&](auto done) { m_session->actions()->rollBack(entry, this, done); });
    }

    OperatorActions::Outcome batchUpdate(const OperatorActions::DesiredBatch &batch,
                                         QList<std::pair<int, int>> *progress = nullptr)
    {
        return await([&](auto done) {
            m_session->actions()->updateDesiredMany(
                batch, this,
                [progress](const OperatorActions::DeviceResult &, int n, int total) {
                    if (progress)
                        progress->append({n, total});
                },
                done);
        });
    }

    // A device's desired section as the shadow service has it now.
    Json desiredOf(const QString &device)
    {
        std::optional<Json> desired;
        fleet::ShadowClient *shadows = m_session->shadows();
        const QString token = shadows->get(device);
        const auto connection = connect(shadows, &fleet::ShadowClient::requestFinished, this,
                                        [&](const QString &t, const fleet::ShadowClient::Result &r) {
                                            if (t != token)
                                                return;
                                            const Json *state = fleet::jsonMember(r.body, "state");
                                            const Json *d =
                                                state ? fleet::jsonMember(*state, "desired") : nullptr;
                                            desired = d ? *d : Json::object();
                                        });
        [[maybe_unused]] const bool done =
            QTest::qWaitFor([&] { return desired.has_value(); }, DefaultTimeoutMs);
        disconnect(connection);
        return desired.value_or(Json());
    }

    State waitVerdict(const QString &id)
    {
        [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                const auto e = m_session->tracker()->execution(id);
                return e && e->isFinal();
            },
            DefaultTimeoutMs);
        const auto e = m_session->tracker()->execution(id);
        return e ? e->state : State::Queued;
    }

    fleet::test::FleetFixture m_fleet;
    std::unique_ptr<FleetSession> m_session;
    int m_round = 0;
};

QTEST_GUILESS_MAIN(TestOperatorActions)
#include "tst_operatoractions.moc"
