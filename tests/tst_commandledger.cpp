// CommandLedger on a real SQLite file: schema and pragmas, round trips, idempotent record(), pending(),
// recent(), the audit log, refusals (newer schema, unwritable path, refused writes, damaged rows),
// persistence across a reopen; and CommandTracker resuming from it after its predecessor vanished
// mid-command or right after publishing (a crash), against a real mosquitto and a fleet-sim device in
// process.

#include "brokerobserver.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "executionlog.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simdevices.h"
#include "store/commandledger.h"
#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::AtlasReply;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandLedger;
using fleet::CommandTracker;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::ExecutionLog;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;
using State = CommandExecution::State;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

constexpr auto TestCatalog = R"({"version": 1, "commands": [
  {"name": "motor_off", "sensitive": true, "timeoutMs": 2000,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "set_position", "payload": {"position": "${position}"},
   "parameters": [{"name": "position", "type": "integer", "minimum": 0, "maximum": 100, "required": true}],
   "timeoutMs": 2000, "heartbeatIntervalMs": 100,
   "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}},
  {"name": "set_led", "payload": {"color": "${color}"},
   "parameters": [{"name": "color", "type": "string", "minLength": 1, "required": true}],
   "timeoutMs": 2000, "retry": {"attempts": 2, "backoffBaseMs": 50, "backoffCapMs": 100, "jitter": 0.3}}
]})";

CommandCatalog testCatalog()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(TestCatalog, &error);
    if (!catalog)
        qFatal("test catalog: %s", qPrintable(error));
    return *catalog;
}

// An execution with a bit of everything: JSON parameters, a retry, heartbeats, flagged replies.
CommandExecution sample(const QString &id, qint64 t0)
{
    CommandExecution e;
    e.id = id;
    e.tid = id;
    e.command = u"set_position"_s;
    e.device = u"dev-1"_s;
    e.parameters = Json{{"position", 40}, {"note", "ünïcode"}};
    e.payload = Json{{"position", 40}};
    e.moveTo(State::Queued, t0);
    e.moveTo(State::Sent, t0 + 1);
    e.moveTo(State::Sent, t0 + 300, u"attempt 2 of 2"_s);
    e.attempts = 2;
    e.record(CommandExecution::Reply{t0 + 350, AtlasReply::Status::Running, {}, false, false, false, false});
    e.moveTo(State::Running, t0 + 350);
    e.heartbeats = 3;
    e.lastHeartbeatMs = t0 + 450;
    return e;
}

void finishSample(CommandExecution *e)
{
    const qint64 t = e->transitions.last().timeMs;
    e->record(CommandExecution::Reply{t + 10, AtlasReply::Status::Success, {}, false, false, false, false});
    e->result = Json{{"position", 40}};
    e->moveTo(State::Succeeded, t + 10);
    e->record(CommandExecution::Reply{t + 20, AtlasReply::Status::Success, {}, true, true, false, false});
    e->record(CommandExecution::Reply{t + 30, AtlasReply::Status::Running, u"x"_s, false, false, true, true});
}

qint64 count(const CommandLedger &ledger, const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

fleet::ApprovalRequest approvalSample(const QString &id)
{
    fleet::ApprovalRequest a;
    a.id = id;
    a.requester = u"alice"_s;
    a.device = u"dev-1"_s;
    a.command = u"reboot"_s;
    a.requestedMs = 1000;
    a.expiresMs = 9000;
    return a;
}

// What a kill -9 leaves at this instant: the ledger's committed state, copied by SQLite itself (the file
// alone would miss what is still in its WAL).
bool snapshot(const CommandLedger &ledger, const QString &to)
{
    QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
    QString quoted = to;
    quoted.replace(u'\'', u"''"_s);
    return query.exec(u"VACUUM INTO '%1'"_s.arg(quoted));
}

QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCommandLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void schemaAndPragmas()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"schema"_s)), qPrintable(ledger.errorString()));
        QVERIFY(ledger.isOpen());
        QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString().toLower(), u"wal"_s);
        QVERIFY(query.exec(u"PRAGMA synchronous"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 2); // FULL
        QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), CommandLedger::SchemaVersion);
        QStringList tables;
        QVERIFY(query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s));
        while (query.next())
            tables.append(query.value(0).toString());
        for (const QString &table :
             {u"approvals"_s, u"audit"_s, u"executions"_s, u"replies"_s, u"rollbacks"_s, u"transitions"_s})
            QVERIFY2(tables.contains(table), qPrintable(table));
        query.finish();
        // Opening again migrates nothing and keeps the data.
        ledger.close();
        QVERIFY2(ledger.open(path(u"schema"_s)), qPrintable(ledger.errorString()));
    }

    void roundTrip()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"roundtrip"_s)), qPrintable(ledger.errorString()));
        CommandExecution e = sample(u"T1"_s, 1000);
        finishSample(&e);
        e.reason = u"none"_s;
        e.droppedReplies = 2;
        QVERIFY2(ledger.record(e), qPrintable(ledger.errorString()));
        const std::optional<CommandExecution> loaded = ledger.load(u"T1"_s);
        QVERIFY2(loaded, qPrintable(ledger.errorString()));
        QCOMPARE(loaded->transitions, e.transitions);
        QCOMPARE(loaded->replies, e.replies);
        QCOMPARE_JSON(loaded->parameters, e.parameters);
        QCOMPARE_JSON(loaded->result, e.result);
        QVERIFY(*loaded == e);

        // A group broadcast's part, keyed "tid/device".
        CommandExecution part = sample(u"T2/dev-2"_s, 2000);
        part.tid = u"T2"_s;
        part.group = u"g1"_s;
        part.broadcastId = u"T2"_s;
        QVERIFY(ledger.record(part));
        QVERIFY(*ledger.load(u"T2/dev-2"_s) == part);

        QVERIFY(!ledger.load(u"nope"_s));
        QVERIFY(ledger.errorString().isEmpty());
    }

    void recordIsIdempotent()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"idem"_s)), qPrintable(ledger.errorString()));
        CommandExecution e = sample(u"T1"_s, 1000);
        QVERIFY(ledger.record(e));
        QVERIFY(ledger.record(e));
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM executions"_s), 1);
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM transitions"_s), e.transitions.size());
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM replies"_s), e.replies.size());
        finishSample(&e);
        QVERIFY(ledger.record(e));
        QVERIFY(ledger.record(e));
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM executions"_s), 1);
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM transitions"_s), e.transitions.size());
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM replies"_s), e.replies.size());
        QVERIFY(*ledger.load(u"T1"_s) == e);
    }

    void pendingAndRecent()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"pending"_s)), qPrintable(ledger.errorString()));
        CommandExecution awaiting;
        awaiting.id = awaiting.tid = u"A"_s;
        awaiting.command = u"motor_off"_s;
        awaiting.device = u"dev-1"_s;
        awaiting.moveTo(State::AwaitingApproval, 3000);
        CommandExecution running = sample(u"B"_s, 1000);
        CommandExecution done = sample(u"C"_s, 2000);
        finishSample(&done);
        CommandExecution rejected = awaiting;
        rejected.id = rejected.tid = u"D"_s;
        rejected.moveTo(State::Rejected, 4000, u"no"_s);
        for (const CommandExecution &e : {awaiting, running, done, rejected})
            QVERIFY2(ledger.record(e), qPrintable(ledger.errorString()));

        const auto pending = ledger.pending();
        QVERIFY2(pending, qPrintable(ledger.errorString()));
        QCOMPARE(pending->size(), 2);
        QVERIFY(pending->at(0) == running); // oldest first
        QVERIFY(pending->at(1) == awaiting);

        const auto recent = ledger.recent(3);
        QVERIFY(recent);
        QCOMPARE(recent->size(), 3);
        QCOMPARE(recent->at(0).id, u"D"_s);
        QCOMPARE(recent->at(1).id, u"A"_s);
        QCOMPARE(recent->at(2).id, u"C"_s);
        QCOMPARE(ledger.recent(0)->size(), 0);
    }

    void auditLog()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"audit"_s)), qPrintable(ledger.errorString()));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(ledger.appendAudit(u"alice"_s, u"send"_s, u"T1"_s, u"ok"_s, u"set_led red"_s));
        QVERIFY(ledger.appendAudit(u"bob"_s, u"approve"_s, u"T2"_s, u"refused"_s));
        const auto entries = ledger.audit(10);
        QVERIFY2(entries, qPrintable(ledger.errorString()));
        QCOMPARE(entries->size(), 2);
        const CommandLedger::AuditEntry &latest = entries->at(0);
        QCOMPARE(latest.actor, u"bob"_s);
        QCOMPARE(latest.action, u"approve"_s);
        QCOMPARE(latest.subject, u"T2"_s);
        QCOMPARE(latest.outcome, u"refused"_s);
        QCOMPARE(latest.detail, QString());
        QCOMPARE(entries->at(1).detail, u"set_led red"_s);
        QVERIFY(entries->at(1).id < latest.id);
        QVERIFY(latest.timeMs >= before && latest.timeMs <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(ledger.audit(1)->size(), 1);
    }

    void newerSchemaIsRefused()
    {
        const QString file = path(u"newer"_s);
        {
            CommandLedger ledger;
            QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(u"PRAGMA user_version=%1"_s.arg(CommandLedger::SchemaVersion + 1)));
        }
        CommandLedger ledger;
        QVERIFY(!ledger.open(file));
        QVERIFY(!ledger.isOpen());
        QVERIFY2(ledger.errorString().contains(u"newer"_s), qPrintable(ledger.errorString()));
        QVERIFY(ledger.errorString().contains(file));
        QVERIFY(!ledger.record(sample(u"T1"_s, 1)));
        QVERIFY(!ledger.errorString().isEmpty());
        QVERIFY(!ledger.pending());
    }

    void unwritablePath()
    {
        // A regular file where the folder should be: refused even for root.
        const QString blocker = path(u"blocker"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        CommandLedger ledger;
        QVERIFY(!ledger.open(blocker + u"/sub/ledger.db"_s));
        QVERIFY(!ledger.isOpen());
        QVERIFY2(!ledger.errorString().isEmpty(), "no reason given");
        // A folder where the file should be.
        QVERIFY(!ledger.open(m_dir.path()));
        QVERIFY(!ledger.errorString().isEmpty());
        QVERIFY(!ledger.appendAudit(u"a"_s, u"b"_s, u"c"_s, u"d"_s));
    }

    // How the tracker's tests make a ledger refuse writes (as root, file permissions would not): every
    // write fails with the database's reason, and nothing is half-written.
    void refusedWritesSayWhy()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"refused"_s)), qPrintable(ledger.errorString()));
        QVERIFY(ledger.record(sample(u"T1"_s, 1000)));
        {
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(u"PRAGMA query_only=1"_s));
        }
        CommandExecution changed = sample(u"T1"_s, 1000);
        finishSample(&changed);
        QVERIFY(!ledger.record(changed));
        QVERIFY2(ledger.errorString().contains(u"readonly"_s), qPrintable(ledger.errorString()));
        QVERIFY(!ledger.recordAll({sample(u"T2"_s, 2000), sample(u"T3"_s, 3000)}));
        QVERIFY(!ledger.errorString().isEmpty());
        QVERIFY(!ledger.appendAudit(u"alice"_s, u"send"_s, u"T2"_s, u"accepted"_s));
        QVERIFY(!ledger.errorString().isEmpty());
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM executions"_s), 1);
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM audit"_s), 0);
        QCOMPARE(ledger.load(u"T1"_s)->state, State::Running); // as it was before
    }

    void damagedRowIsReportedAndLeftAlone()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"damaged"_s)), qPrintable(ledger.errorString()));
        QVERIFY(ledger.record(sample(u"T1"_s, 1000)));
        QVERIFY(ledger.record(sample(u"T2"_s, 2000)));
        {
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(u"UPDATE executions SET parameters = '{broken' WHERE id = 'T1'"_s));
            QVERIFY(query.exec(u"UPDATE transitions SET state = 'exploded' WHERE id = 'T2' AND seq = 1"_s));
        }
        QVERIFY(!ledger.load(u"T1"_s));
        QVERIFY2(ledger.errorString().contains(u"T1"_s) && ledger.errorString().contains(u"damaged"_s),
                 qPrintable(ledger.errorString()));
        QVERIFY(!ledger.load(u"T2"_s));
        QVERIFY2(ledger.errorString().contains(u"transition 1"_s), qPrintable(ledger.errorString()));
        QVERIFY(ledger.record(sample(u"T3"_s, 3000)));
        const auto pending = ledger.pending();
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().id, u"T3"_s);
        QVERIFY(ledger.errorString().contains(u"T1"_s));
        QVERIFY(ledger.errorString().contains(u"T2"_s));
    }

    void reopenKeepsEverything()
    {
        const QString file = path(u"reopen"_s);
        CommandExecution e = sample(u"T1"_s, 1000);
        finishSample(&e);
        {
            CommandLedger ledger;
            QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
            QVERIFY(ledger.record(e));
            QVERIFY(ledger.appendAudit(u"alice"_s, u"send"_s, u"T1"_s, u"ok"_s));
        }
        CommandLedger ledger;
        QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
        QVERIFY(*ledger.load(u"T1"_s) == e);
        QCOMPARE(ledger.audit(10)->size(), 1);
        QVERIFY(ledger.pending()->isEmpty());
    }

    // The tracker vanishes while the device runs a long command, with no chance to clean up (what a kill -9
    // leaves: whatever the ledger committed). Its successor resumes from the file and reaches the verdict,
    // which the device's execution log shows was run once.
    void trackerResumesAfterACrash()
    {
        Rig rig;
        QVERIFY(rig.start(this));
        const QString logPath = path(u"exec-log"_s);
        ExecutionLog log;
        QString error;
        QVERIFY2(log.open(logPath, &error), qPrintable(error));
        SimConfig config = simConfig(u"resume"_s);
        config.setPositionMs = 1500;
        SimDevice device(1, config, rig.profile, &log);
        device.start();
        QVERIFY(QTest::qWaitFor(
            [&] { return device.isOnline() && fleet::test::subscriptionsGranted(*device.client()); },
            Timeout));

        const QString file = path(u"crash"_s);
        auto ledger = std::make_unique<CommandLedger>();
        QVERIFY2(ledger->open(file), qPrintable(ledger->errorString()));
        auto tracker = std::make_unique<CommandTracker>(rig.client.get(), testCatalog());
        tracker->setLedger(ledger.get());
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(*rig.client); }, Timeout));
        const QString tid = tracker->send(device.id(), u"set_position"_s, Json{{"position", 60}});
        QVERIFY(!tid.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return tracker->execution(tid)->state == State::Running; }, Timeout));
        tracker.reset(); // the crash: the old ledger is not even closed

        CommandLedger successorLedger;
        QVERIFY2(successorLedger.open(file), qPrintable(successorLedger.errorString()));
        CommandTracker successor(rig.client.get(), testCatalog());
        successor.setLedger(&successorLedger);
        QSignalSpy changed(&successor, &CommandTracker::executionChanged);
        QCOMPARE(successor.resume(&error), 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(successor.execution(tid)->state, State::Running);
        QCOMPARE(successor.execution(tid)->attempts, 1);
        // Every announcement finds the ledger already holding what it announces.
        bool announcedUncommitted = false;
        bool announcedFinal = false;
        connect(&successor, &CommandTracker::executionChanged, &successor, [&](const QString &id) {
            const std::optional<CommandExecution> stored = successorLedger.load(id);
            announcedUncommitted |= !stored || *stored != *successor.execution(id);
            announcedFinal |= successor.execution(id)->isFinal();
        });
        QVERIFY(QTest::qWaitFor([&] { return announcedFinal; }, Timeout));
        QVERIFY(!announcedUncommitted);
        const CommandExecution e = *successor.execution(tid);
        QCOMPARE(e.state, State::Succeeded);
        QCOMPARE(
            std::count_if(e.transitions.cbegin(), e.transitions.cend(),
                          [](const CommandExecution::Transition &t) { return t.state == State::Succeeded; }),
            1);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(device.position(), 60);
        QVERIFY(!changed.isEmpty());

        // Committed before it was announced, and nothing left to resume.
        QVERIFY(*successorLedger.load(tid) == e);
        QVERIFY(successorLedger.pending()->isEmpty());
        QCOMPARE(device.commandsExecuted(), qint64(1));
        QStringList ran;
        for (const QString &line : linesOf(logPath)) {
            if (line.contains(u'\t' + tid + u'\t'))
                ran.append(line);
        }
        QCOMPARE(ran.size(), 1);

        ledger.reset();
        QSignalSpy stopped(&device, &SimDevice::stopped);
        device.stop();
        if (stopped.isEmpty())
            QVERIFY(stopped.wait(Timeout));
    }

    // A console killed right after publishing: no end-of-turn commit, no destructor, only what the ledger had
    // committed at that instant. At resume a free-form payload is not sent again, since it was marked Sent
    // before it went out: one whose device answers is settled by that reply, one nobody answers ends saying
    // that it may have run. A catalog command is sent again with the same tid, which the device does not run
    // twice.
    void killedRightAfterPublishing()
    {
        Rig rig;
        QVERIFY(rig.start(this));
        const QString logPath = path(u"killed-log"_s);
        ExecutionLog log;
        QString error;
        QVERIFY2(log.open(logPath, &error), qPrintable(error));
        const SimConfig config = simConfig(u"killed"_s);
        SimDevice device(1, config, rig.profile, &log);
        device.start();
        QVERIFY(QTest::qWaitFor(
            [&] { return device.isOnline() && fleet::test::subscriptionsGranted(*device.client()); },
            Timeout));
        fleet::test::BrokerObserver observer(*m_broker);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"cmd/+/req"_s));

        const QString left = path(u"killed-left"_s);
        auto ledger = std::make_unique<CommandLedger>();
        QVERIFY2(ledger->open(path(u"killed"_s)), qPrintable(ledger->errorString()));
        auto tracker = std::make_unique<CommandTracker>(rig.client.get(), testCatalog());
        tracker->setLedger(ledger.get());
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(*rig.client); }, Timeout));
        const QByteArray typed = R"({"cmd": "set_led", "tid": "TYPED-1", "params": {"color": "teal"}})";
        const QString answeredRaw = tracker->sendRaw(device.id(), typed);
        const QString silentRaw = tracker->sendRaw(u"ghost-raw-1"_s, "reboot now");
        const QString catalog = tracker->send(device.id(), u"set_led"_s, Json{{"color", "red"}});
        for (const QString &id : {answeredRaw, silentRaw, catalog})
            QCOMPARE(tracker->execution(id)->state, State::Sent);
        QVERIFY(snapshot(*ledger, left)); // the kill
        tracker.reset();
        ledger.reset();

        CommandLedger successorLedger;
        QVERIFY2(successorLedger.open(left), qPrintable(successorLedger.errorString()));
        // The free-form payloads were marked before they went out; the catalog command's Sent state waited
        // for the end of the turn (no fsync per request).
        for (const QString &id : {answeredRaw, silentRaw}) {
            const std::optional<CommandExecution> stored = successorLedger.load(id);
            QVERIFY2(stored, qPrintable(successorLedger.errorString()));
            QCOMPARE(stored->state, State::Sent);
            QCOMPARE(stored->attempts, 1);
        }
        QCOMPARE(successorLedger.load(catalog)->state, State::Queued);
        QCOMPARE(successorLedger.load(catalog)->attempts, 0);
        {
            // The console comes back after the silent one's wait would have ended.
            QSqlQuery query(QSqlDatabase::database(successorLedger.connectionName(), false));
            query.prepare(u"UPDATE transitions SET time = time - 60000 WHERE id = ?"_s);
            query.addBindValue(silentRaw);
            QVERIFY(query.exec());
        }
        CommandTracker successor(rig.client.get(), testCatalog());
        successor.setLedger(&successorLedger);
        QCOMPARE(successor.resume(&error), 3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return successor.execution(answeredRaw)->isFinal() &&
                       successor.execution(silentRaw)->isFinal() && successor.execution(catalog)->isFinal();
            },
            Timeout));

        const CommandExecution silent = *successor.execution(silentRaw);
        QCOMPARE(silent.state, State::TimedOut);
        QCOMPARE(silent.attempts, 1);
        QVERIFY2(silent.reason.contains(u"may have been sent before the console stopped"_s) &&
                     silent.reason.contains(u"not sent again"_s),
                 qPrintable(silent.reason));
        QCOMPARE(successor.execution(answeredRaw)->state, State::Succeeded);
        QCOMPARE(successor.execution(answeredRaw)->attempts, 1);
        QCOMPARE(successor.execution(catalog)->state, State::Succeeded);
        QCOMPARE(successorLedger.load(silentRaw)->state, State::TimedOut);

        // Published after everything else on the console's connection: once it is seen, all of that was.
        QVERIFY(rig.client->publish(MqttMessage(u"cmd/killed-marker/req"_s, "marker", 1)) > 0);
        QVERIFY(QTest::qWaitFor([&] { return !observer.on(u"cmd/killed-marker/req"_s).isEmpty(); }, Timeout));
        const QString deviceTopic = u"cmd/"_s + device.id() + u"/req"_s;
        QCOMPARE(observer.payloadsOn(deviceTopic).count(typed), 1);
        QCOMPARE(observer.on(u"cmd/ghost-raw-1/req"_s).size(), 1);
        qsizetype catalogRequests = 0;
        for (const QByteArray &payload : observer.payloadsOn(deviceTopic)) {
            const Json request = Json::parse(payload.toStdString(), nullptr, false);
            catalogRequests += request.is_object() && request.value("tid", "") == catalog.toStdString();
        }
        QCOMPARE(catalogRequests, 2); // sent again, with the same tid
        // Each ran once on the device.
        for (const QString &tid : {u"TYPED-1"_s, catalog}) {
            QStringList ran;
            for (const QString &line : linesOf(logPath)) {
                if (line.contains(u'\t' + tid + u'\t'))
                    ran.append(line);
            }
            QCOMPARE(ran.size(), 1);
        }

        QSignalSpy stopped(&device, &SimDevice::stopped);
        device.stop();
        if (stopped.isEmpty())
            QVERIFY(stopped.wait(Timeout));
    }

    // An execution awaiting approval stays awaiting across a restart, and can then be decided.
    void approvalQueueIsRestored()
    {
        Rig rig;
        QVERIFY(rig.start(this));
        const QString file = path(u"approval"_s);
        CommandLedger first;
        QVERIFY2(first.open(file), qPrintable(first.errorString()));
        QString tid;
        {
            CommandTracker tracker(rig.client.get(), testCatalog());
            tracker.setLedger(&first);
            tid = tracker.send(u"ghost-1"_s, u"motor_off"_s);
            QCOMPARE(tracker.execution(tid)->state, State::AwaitingApproval);
        }
        CommandLedger second;
        QVERIFY2(second.open(file), qPrintable(second.errorString()));
        CommandTracker tracker(rig.client.get(), testCatalog());
        tracker.setLedger(&second);
        QCOMPARE(tracker.resume(), 1);
        QCOMPARE(tracker.execution(tid)->state, State::AwaitingApproval);
        QTest::qWait(200);
        QCOMPARE(tracker.execution(tid)->state, State::AwaitingApproval);
        QVERIFY(tracker.reject(tid, u"not now"_s));
        // Committed at the end of the turn, before it is announced.
        QSignalSpy announced(&tracker, &CommandTracker::executionChanged);
        QVERIFY(announced.wait(Timeout));
        QCOMPARE(second.load(tid)->state, State::Rejected);
        QCOMPARE(second.load(tid)->reason, u"not now"_s);
    }

    void schemaOneIsMigrated()
    {
        // A file as schema 1 left it, with a command in it.
        const QString file = path(u"v1"_s);
        {
            const QString name = u"v1-writer"_s;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                db.setDatabaseName(file);
                QVERIFY(db.open());
                QSqlQuery query(db);
                for (
                    const char *sql :
                    {"CREATE TABLE executions (id TEXT PRIMARY KEY, tid TEXT NOT NULL, command TEXT NOT "
                     "NULL, "
                     "device TEXT NOT NULL, device_group TEXT NOT NULL, broadcast_id TEXT NOT NULL, "
                     "parameters TEXT NOT NULL, payload TEXT NOT NULL, result TEXT NOT NULL, state TEXT NOT "
                     "NULL, reason TEXT NOT NULL, attempts INTEGER NOT NULL, heartbeats INTEGER NOT NULL, "
                     "last_heartbeat INTEGER NOT NULL, dropped_replies INTEGER NOT NULL, created INTEGER NOT "
                     "NULL, updated INTEGER NOT NULL)",
                     "CREATE TABLE transitions (id TEXT NOT NULL REFERENCES executions (id), seq INTEGER NOT "
                     "NULL, state TEXT NOT NULL, time INTEGER NOT NULL, note TEXT NOT NULL, PRIMARY KEY (id, "
                     "seq)) WITHOUT ROWID",
                     "CREATE TABLE replies (id TEXT NOT NULL REFERENCES executions (id), seq INTEGER NOT "
                     "NULL, "
                     "time INTEGER NOT NULL, status TEXT NOT NULL, flags INTEGER NOT NULL, reason TEXT NOT "
                     "NULL, PRIMARY KEY (id, seq)) WITHOUT ROWID",
                     "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, actor "
                     "TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, outcome TEXT NOT NULL, "
                     "detail TEXT NOT NULL)",
                     "CREATE TABLE approvals (id TEXT PRIMARY KEY REFERENCES executions (id), requested_by "
                     "TEXT NOT NULL, requested INTEGER NOT NULL, decided_by TEXT, decided INTEGER, decision "
                     "TEXT, comment TEXT)",
                     "CREATE TABLE rollbacks (id INTEGER PRIMARY KEY AUTOINCREMENT, execution TEXT NOT NULL "
                     "REFERENCES executions (id), rollback TEXT REFERENCES executions (id), time INTEGER NOT "
                     "NULL, actor TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL)",
                     "INSERT INTO executions VALUES ('T1', 'T1', 'reboot', 'dev-1', '', '', '{}', '{}', "
                     "'null', 'sent', '', 1, 0, 0, 0, 1000, 1000)",
                     "INSERT INTO transitions VALUES ('T1', 0, 'queued', 1000, '')",
                     "PRAGMA user_version=1"}) {
                    QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
                }
            }
            QSqlDatabase::removeDatabase(name);
        }
        CommandLedger ledger;
        QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
        const std::optional<CommandExecution> old = ledger.load(u"T1"_s);
        QVERIFY2(old, qPrintable(ledger.errorString()));
        QCOMPARE(old->state, State::Sent);
        QVERIFY(old->requestedBy.isEmpty());
        CommandExecution e = sample(u"T2"_s, 2000);
        e.requestedBy = u"alice"_s;
        QVERIFY2(ledger.record(e), qPrintable(ledger.errorString()));
        QCOMPARE(ledger.load(u"T2"_s)->requestedBy, u"alice"_s);
        QVERIFY2(ledger.recordApproval(approvalSample(u"T2"_s)), qPrintable(ledger.errorString()));
    }

    // Schema 2 (before retry_of) with a command in it: migrated in place, nothing lost, the column NULL.
    void schemaTwoIsMigrated()
    {
        const QString file = path(u"v2"_s);
        {
            CommandLedger ledger;
            QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
            CommandExecution e = sample(u"T1"_s, 1000);
            finishSample(&e);
            e.requestedBy = u"alice"_s;
            QVERIFY(ledger.record(e));
            QVERIFY(ledger.appendAudit(u"alice"_s, u"send"_s, u"T1"_s, u"accepted"_s));
            // Back to what a schema-2 build wrote (SQLite 3.35+ drops columns).
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            for (const QString &sql :
                 {u"DROP INDEX executions_by_retry_of"_s, u"ALTER TABLE executions DROP COLUMN retry_of"_s,
                  u"PRAGMA user_version=2"_s})
                QVERIFY2(query.exec(sql), qPrintable(sql));
        }
        CommandLedger ledger;
        QVERIFY2(ledger.open(file), qPrintable(ledger.errorString()));
        QCOMPARE(count(ledger, u"PRAGMA user_version"_s), qint64(CommandLedger::SchemaVersion));
        const std::optional<CommandExecution> old = ledger.load(u"T1"_s);
        QVERIFY2(old, qPrintable(ledger.errorString()));
        QCOMPARE(old->state, State::Succeeded);
        QCOMPARE(old->requestedBy, u"alice"_s);
        QCOMPARE(old->replies.size(), 4);
        QVERIFY(old->retryOf.isEmpty());
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM executions WHERE retry_of IS NULL"_s), qint64(1));
        QCOMPARE(ledger.audit(10)->size(), 1);
        CommandExecution retry = sample(u"T2"_s, 2000);
        retry.retryOf = u"T1"_s;
        QVERIFY2(ledger.record(retry), qPrintable(ledger.errorString()));
        QCOMPARE(ledger.load(u"T2"_s)->retryOf, u"T1"_s);
        QCOMPARE(*ledger.retriesOf(u"T1"_s), QStringList{u"T2"_s});
    }

    void retriesAreLinked()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"retries"_s)), qPrintable(ledger.errorString()));
        CommandExecution original = sample(u"T1"_s, 1000);
        CommandExecution first = sample(u"T2"_s, 2000);
        first.retryOf = original.id;
        CommandExecution second = sample(u"T3"_s, 3000);
        second.retryOf = original.id;
        QVERIFY(ledger.recordAll({original, first, second}));
        QCOMPARE(*ledger.load(u"T2"_s), first);
        QVERIFY(ledger.load(u"T1"_s)->retryOf.isEmpty());
        QCOMPARE(*ledger.retriesOf(u"T1"_s), (QStringList{u"T2"_s, u"T3"_s}));
        QCOMPARE(*ledger.retriesOf(u"T1"_s, 1), QStringList{u"T2"_s});
        QVERIFY(ledger.retriesOf(u"T2"_s)->isEmpty());
        QVERIFY(ledger.retriesOf(QString())->isEmpty());
        // "No original" is NULL, which the index leaves out, never ''.
        QCOMPARE(count(ledger, u"SELECT COUNT(*) FROM executions WHERE retry_of IS NULL"_s), qint64(1));
        // Recording again (a later state) keeps the link.
        finishSample(&first);
        QVERIFY(ledger.record(first));
        QCOMPARE(ledger.load(u"T2"_s)->retryOf, u"T1"_s);
    }

    void approvals()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"approvals"_s)), qPrintable(ledger.errorString()));
        QVERIFY(!ledger.approval(u"A1"_s));
        QVERIFY(ledger.errorString().isEmpty());
        fleet::ApprovalRequest a1 = approvalSample(u"A1"_s);
        fleet::ApprovalRequest a2 = approvalSample(u"A2"_s);
        a2.requester = u"bob"_s;
        a2.requestedMs += 10;
        QVERIFY(ledger.recordApproval(a1));
        QVERIFY(ledger.recordApproval(a2));
        QCOMPARE(ledger.approval(u"A1"_s), a1);
        QCOMPARE(ledger.approvals({}, false)->size(), 2);
        QCOMPARE(ledger.approvals(u"bob"_s, false)->size(), 1);
        QCOMPARE(ledger.approvals({}, false)->first().id, u"A1"_s); // oldest first

        a1.state = fleet::ApprovalRequest::State::Approved;
        a1.decidedBy = u"carol"_s;
        a1.decidedMs = 5000;
        a1.decisions = {{u"carol"_s, true, u"ok"_s, 4900}};
        QVERIFY(ledger.recordApproval(a1));
        QCOMPARE(ledger.approval(u"A1"_s), a1);
        const auto pending = ledger.approvals({}, true);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().id, u"A2"_s);
        QCOMPARE(ledger.approvals({}, false, 1)->first().id, u"A2"_s); // the latest one

        // A damaged body is named and left out; the others still load.
        {
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(u"UPDATE approvals SET body = '{' WHERE id = 'A2'"_s));
        }
        const auto all = ledger.approvals({}, false);
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QVERIFY2(ledger.errorString().contains(u"A2"_s), qPrintable(ledger.errorString()));
        QVERIFY(!ledger.approval(u"A2"_s));
        QVERIFY(!ledger.errorString().isEmpty());
    }

    void rollbacks()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"rollbacks"_s)), qPrintable(ledger.errorString()));
        QVERIFY(ledger.rollbacks(10)->isEmpty());
        fleet::RollbackEntry desired;
        desired.id = 1;
        desired.timeMs = 100;
        desired.device = u"dev-1"_s;
        desired.shadowName = u"config"_s;
        desired.before = Json{{"led", "red"}};
        desired.after = Json{{"led", "green"}};
        desired.tid = u"token-1"_s;
        fleet::RollbackEntry command;
        command.id = 2;
        command.timeMs = 200;
        command.device = u"dev-2"_s;
        command.kind = fleet::RollbackEntry::Kind::Command;
        command.before = Json{{"position", 10}};
        command.commandName = u"set_position"_s;
        command.parameters = Json{{"position", 80}};
        command.tid = u"T9"_s;
        QVERIFY(ledger.recordRollback(desired));
        QVERIFY(ledger.recordRollback(command));
        QCOMPARE(*ledger.rollbacks(10), (QList<fleet::RollbackEntry>{desired, command}));
        QCOMPARE(*ledger.rollbacks(1), (QList<fleet::RollbackEntry>{command}));
        command.rolledBackBy = u"T10"_s;
        QVERIFY(ledger.recordRollback(command));
        QCOMPARE(ledger.rollbacks(10)->last().rolledBackBy, u"T10"_s);
        {
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(u"UPDATE rollbacks SET body = '[]' WHERE id = 1"_s));
        }
        QCOMPARE(ledger.rollbacks(10)->size(), 1);
        QVERIFY(!ledger.errorString().isEmpty());
    }

    void rollbackOfADesiredBatch()
    {
        CommandLedger ledger;
        QVERIFY2(ledger.open(path(u"batch"_s)), qPrintable(ledger.errorString()));
        fleet::RollbackEntry batch;
        batch.id = 7;
        batch.timeMs = 700;
        batch.kind = fleet::RollbackEntry::Kind::DesiredBatch;
        batch.group = u"group-3"_s;
        batch.parameters = Json{{"limit", 5}};
        batch.tid = u"b1"_s;
        batch.targets.append({u"dev-1"_s, Json{{"limit", 2}}, Json{{"limit", 5}}, u"t1"_s, u"r1"_s});
        batch.targets.append({u"dev-2"_s, Json::object(), Json{{"limit", 5}}, u"t2"_s, {}, true});
        QVERIFY2(ledger.recordRollback(batch), qPrintable(ledger.errorString()));
        QCOMPARE(*ledger.rollbacks(10), (QList<fleet::RollbackEntry>{batch}));
        // A batch row whose targets are not a list of devices is damaged, and left out.
        {
            QSqlQuery query(QSqlDatabase::database(ledger.connectionName(), false));
            QVERIFY(query.exec(
                u"UPDATE rollbacks SET body = json_set(body, '$.targets', json('[{\"before\":{}}]')) WHERE id = 7"_s));
        }
        QVERIFY(ledger.rollbacks(10)->isEmpty());
        QVERIFY(!ledger.errorString().isEmpty());
    }

    void resumeWithoutALedger()
    {
        Rig rig;
        QVERIFY(rig.start(this));
        CommandTracker tracker(rig.client.get(), testCatalog());
        QString error;
        QCOMPARE(tracker.resume(&error), -1);
        QVERIFY(!error.isEmpty());
    }

    void cleanupTestCase() { m_broker.reset(); }

private:
    // A broker for the whole run and a connected console client per test.
    struct Rig
    {
        std::unique_ptr<MqttClient> client;
        BrokerProfile profile;

        bool start(TestCommandLedger *test)
        {
            if (!test->m_broker) {
                if (MosquittoBroker::findMosquitto().isEmpty()) {
                    qWarning("mosquitto is not installed: run ./fleet setup");
                    return false;
                }
                qRegisterMetaType<MqttMessage>();
                test->m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
                if (!test->m_broker->start()) {
                    qWarning("%s", qPrintable(test->m_broker->errorString()));
                    return false;
                }
            }
            profile = fleet::test::profileFor(*test->m_broker);
            client = std::make_unique<MqttClient>();
            BrokerProfile console = profile;
            console.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
            client->setProfile(console);
            return fleet::test::connectAndWait(*client);
        }
        ~Rig()
        {
            if (client)
                client->disconnectFromBroker();
        }
    };

    static SimConfig simConfig(const QString &prefix)
    {
        SimConfig config;
        config.prefix = prefix;
        config.devices = 1;
        config.telemetryIntervalMs = 0;
        config.runningIntervalMs = 50;
        config.latencyMinMs = 0;
        config.latencyMaxMs = 5;
        config.keepAliveSeconds = 30;
        return config;
    }

    QString path(const QString &name) const { return m_dir.filePath(name + u".db"_s); }

    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoBroker> m_broker;
};

QTEST_GUILESS_MAIN(TestCommandLedger)

#include "tst_commandledger.moc"
