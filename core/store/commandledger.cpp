#include "store/commandledger.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "shadow/mergepatch.h"
#include "store/sqlschema.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <exception>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using State = CommandExecution::State;

// Each entry brings a file from schema N to N + 1 (index N). Never edit a released entry: append a new one,
// so that every existing file walks the same path.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1
        {
            u"CREATE TABLE executions ("
            "id TEXT PRIMARY KEY, " // the tid, or "tid/device" for a part of a group broadcast
            "tid TEXT NOT NULL, "
            "command TEXT NOT NULL, "
            "device TEXT NOT NULL, "
            "device_group TEXT NOT NULL, "
            "broadcast_id TEXT NOT NULL, "
            "parameters TEXT NOT NULL, " // JSON, as the operator gave them
            "payload TEXT NOT NULL, "    // JSON, the request's "params"
            "result TEXT NOT NULL, "     // JSON, the final reply's "result"
            "state TEXT NOT NULL, "      // CommandExecution::stateKey()
            "reason TEXT NOT NULL, "
            "attempts INTEGER NOT NULL, "
            "heartbeats INTEGER NOT NULL, "
            "last_heartbeat INTEGER NOT NULL, "
            "dropped_replies INTEGER NOT NULL, "
            "created INTEGER NOT NULL, " // milliseconds since the Unix epoch, as every time here
            "updated INTEGER NOT NULL)"_s,
            u"CREATE INDEX executions_by_state ON executions (state)"_s,
            u"CREATE INDEX executions_by_created ON executions (created)"_s,
            u"CREATE TABLE transitions ("
            "id TEXT NOT NULL REFERENCES executions (id), "
            "seq INTEGER NOT NULL, " // its index in CommandExecution::transitions
            "state TEXT NOT NULL, "
            "time INTEGER NOT NULL, "
            "note TEXT NOT NULL, "
            "PRIMARY KEY (id, seq)) WITHOUT ROWID"_s,
            u"CREATE TABLE replies ("
            "id TEXT NOT NULL REFERENCES executions (id), "
            "seq INTEGER NOT NULL, " // its index in CommandExecution::replies
            "time INTEGER NOT NULL, "
            "status TEXT NOT NULL, " // AtlasReply::statusName()
            "flags INTEGER NOT NULL, "
            "reason TEXT NOT NULL, "
            "PRIMARY KEY (id, seq)) WITHOUT ROWID"_s,
            u"CREATE TABLE audit ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "time INTEGER NOT NULL, "
            "actor TEXT NOT NULL, "
            "action TEXT NOT NULL, "
            "subject TEXT NOT NULL, "
            "outcome TEXT NOT NULL, "
            "detail TEXT NOT NULL)"_s,
            // Created now, filled by the approval queue and the rollback pieces of issue 5, so that they
            // start from a schema every ledger file already has. Until a release writes to them, their
            // columns may still be reshaped in this step.
            u"CREATE TABLE approvals ("
            "id TEXT PRIMARY KEY REFERENCES executions (id), "
            "requested_by TEXT NOT NULL, "
            "requested INTEGER NOT NULL, "
            "decided_by TEXT, "
            "decided INTEGER, "
            "decision TEXT, " // null while waiting, else "approved" or "rejected"
            "comment TEXT)"_s,
            u"CREATE TABLE rollbacks ("
            "id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "execution TEXT NOT NULL REFERENCES executions (id), " // what is being undone
            "rollback TEXT REFERENCES executions (id), "           // the command that undoes it
            "time INTEGER NOT NULL, "
            "actor TEXT NOT NULL, "
            "outcome TEXT NOT NULL, "
            "detail TEXT NOT NULL)"_s,
        },
        // 1 -> 2: who asked for each execution; the approval queue and the rollback history. Nothing wrote to
        // the placeholder approvals and rollbacks tables of schema 1, so they are replaced, not converted.
        {
            u"ALTER TABLE executions ADD COLUMN requested_by TEXT NOT NULL DEFAULT ''"_s,
            u"DROP TABLE approvals"_s, u"DROP TABLE rollbacks"_s,
            u"CREATE TABLE approvals ("
            "id TEXT PRIMARY KEY, " // the execution's tid
            "requester TEXT NOT NULL, "
            "state TEXT NOT NULL, " // ApprovalRequest::stateKey()
            "requested INTEGER NOT NULL, "
            "body TEXT NOT NULL)"_s, // JSON, ApprovalRequest::toJson() with every decision received
            u"CREATE INDEX approvals_by_state ON approvals (state)"_s,
            u"CREATE TABLE rollbacks ("
            "id INTEGER PRIMARY KEY, " // RollbackEntry::id
            "time INTEGER NOT NULL, "
            "device TEXT NOT NULL, "
            "body TEXT NOT NULL)"_s, // JSON: kind, before, after, command, parameters, tid, rolled back by
        },
        // 2 -> 3: the execution a retry sends again. Nullable: every execution written before had none, and a
        // NULL keeps them out of the index that finds an execution's retries.
        {
            u"ALTER TABLE executions ADD COLUMN retry_of TEXT"_s,
            u"CREATE INDEX executions_by_retry_of ON executions (retry_of) WHERE retry_of IS NOT NULL"_s,
        },
    };
    return steps;
}

enum ReplyFlag { Text = 1, Duplicate = 2, Late = 4, OutOfOrder = 8, Unreadable = 16 };

std::optional<State> stateFromKey(const QString &key)
{
    for (int s = int(State::AwaitingApproval); s <= int(State::Cancelled); ++s) {
        if (CommandExecution::stateKey(State(s)) == key)
            return State(s);
    }
    return std::nullopt;
}

std::optional<AtlasReply::Status> statusFromName(const QString &name)
{
    for (const auto status :
         {AtlasReply::Status::Running, AtlasReply::Status::Success, AtlasReply::Status::Failure}) {
        if (AtlasReply::statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

// nullopt for text that is not JSON (a damaged row), without exceptions.
std::optional<Json> parseJson(const QString &text)
{
    // Rows hold what came from devices; one written before the depth limit existed is read under it too.
    return NetworkJson::parse(text.toUtf8(),
                              {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth});
}

// Invalid UTF-8 inside a JSON string makes dump() throw; replacing it keeps the record writable.

const char *rollbackKindName(RollbackEntry::Kind kind)
{
    switch (kind) {
    case RollbackEntry::Kind::Command:
        return "command";
    case RollbackEntry::Kind::DesiredBatch:
        return "desiredBatch";
    case RollbackEntry::Kind::TwinDesired:
        return "twinDesired";
    case RollbackEntry::Kind::DesiredUpdate:
        break;
    }
    return "desired";
}

Json rollbackBody(const RollbackEntry &e)
{
    Json body{{"kind", rollbackKindName(e.kind)},
              {"shadowName", e.shadowName.toStdString()},
              {"before", e.before},
              {"after", e.after},
              {"command", e.commandName.toStdString()},
              {"parameters", e.parameters},
              {"tid", e.tid.toStdString()},
              {"rolledBackBy", e.rolledBackBy.toStdString()}};
    if (e.kind != RollbackEntry::Kind::DesiredBatch)
        return body;
    // A target's after is its before merged with the shared patch ("parameters"): not stored twice, since a
    // batch may reach 10,000 devices.
    Json targets = Json::array();
    for (const RollbackTarget &t : e.targets) {
        Json target{
            {"device", t.device.toStdString()}, {"before", t.before}, {"token", t.token.toStdString()}};
        if (!t.rolledBackBy.isEmpty())
            target["rolledBackBy"] = t.rolledBackBy.toStdString();
        if (t.changedSince)
            target["changedSince"] = true;
        targets.push_back(std::move(target));
    }
    body["group"] = e.group.toStdString();
    body["targets"] = std::move(targets);
    return body;
}

QString stringOf(const Json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

std::optional<RollbackEntry> rollbackFromBody(qint64 id, qint64 timeMs, const QString &device,
                                              const Json &body)
{
    if (!body.is_object())
        return std::nullopt;
    const QString kind = stringOf(body, "kind");
    if (kind != "command"_L1 && kind != "desired"_L1 && kind != "desiredBatch"_L1 && kind != "twinDesired"_L1)
        return std::nullopt;
    RollbackEntry e;
    e.id = id;
    e.timeMs = timeMs;
    e.device = device;
    e.kind = kind == "command"_L1       ? RollbackEntry::Kind::Command
             : kind == "desired"_L1     ? RollbackEntry::Kind::DesiredUpdate
             : kind == "twinDesired"_L1 ? RollbackEntry::Kind::TwinDesired
                                        : RollbackEntry::Kind::DesiredBatch;
    e.shadowName = stringOf(body, "shadowName");
    e.before = body.value("before", Json());
    e.after = body.value("after", Json());
    e.commandName = stringOf(body, "command");
    e.parameters = body.value("parameters", Json::object());
    e.tid = stringOf(body, "tid");
    e.rolledBackBy = stringOf(body, "rolledBackBy");
    if (e.kind != RollbackEntry::Kind::DesiredBatch)
        return e;
    e.group = stringOf(body, "group");
    const auto targets = body.find("targets");
    if (targets == body.end() || !targets->is_array())
        return std::nullopt;
    for (const Json &t : *targets) {
        if (!t.is_object() || stringOf(t, "device").isEmpty())
            return std::nullopt;
        RollbackTarget target;
        target.device = stringOf(t, "device");
        target.before = t.value("before", Json::object());
        if (!target.before.is_object())
            target.before = Json::object();
        target.after = MergePatch::apply(target.before, e.parameters);
        target.token = stringOf(t, "token");
        target.rolledBackBy = stringOf(t, "rolledBackBy");
        const auto changed = t.find("changedSince");
        target.changedSince = changed != t.end() && changed->is_boolean() && changed->get<bool>();
        e.targets.append(std::move(target));
    }
    return e;
}

} // namespace

CommandLedger::CommandLedger()
{
    // Qt SQL keys connections by name in a process-wide registry: two ledgers (a test's crashed tracker and
    // its successor) must never share one.
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"fleet-commandledger-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

QString CommandLedger::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           u"/fleet-console/ledger.sqlite"_s;
}

QString CommandLedger::pathForConnection(const QString &connectionName)
{
    // Readable, and distinct for names that differ only in characters a file name cannot hold.
    QString stem;
    for (const QChar c : connectionName.left(64))
        stem += c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : u'_';
    const QByteArray digest =
        QCryptographicHash::hash(connectionName.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return QFileInfo(defaultPath()).absolutePath() + u"/ledger-"_s + stem + u'-' +
           QString::fromLatin1(digest) + u".sqlite"_s;
}

CommandLedger::~CommandLedger()
{
    close();
}

bool CommandLedger::open(const QString &path)
{
    close();
    m_error.clear();
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = tr("Cannot create the folder of the command ledger \"%1\".").arg(path);
        return false;
    }
    // Shared with fleetctl, which may open the file at the same moment: SqlSchema retries the WAL switch.
    QString reason;
    if (!SqlSchema::openWal(m_connectionName, path, DefaultBusyTimeoutMs, &reason)) {
        m_error = tr("Cannot use \"%1\" as the command ledger: %2").arg(path, reason);
        return false;
    }
    m_open = true;
    if (!exec(u"PRAGMA foreign_keys=ON"_s) || !migrate()) {
        reason = m_error;
        close();
        m_error = tr("Cannot use \"%1\" as the command ledger: %2").arg(path, reason);
        return false;
    }
    return true;
}

void CommandLedger::close()
{
    SqlSchema::close(m_connectionName);
    m_open = false;
}

bool CommandLedger::exec(const QString &sql)
{
    return SqlSchema::exec(m_connectionName, sql, &m_error);
}

void CommandLedger::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
}

bool CommandLedger::migrate()
{
    return SqlSchema::migrate(
        m_connectionName, u"ledger"_s, SchemaVersion, migrations(),
        tr("it was written by a newer Fleet Console (schema %1; this one knows up to %2)."), &m_error);
}

bool CommandLedger::record(const CommandExecution &execution)
{
    return recordAll({execution});
}

bool CommandLedger::recordAll(const QList<CommandExecution> &executions)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return false;
    }
    if (executions.isEmpty())
        return true;
    // IMMEDIATE takes the write lock up front, so the transaction waits (busy timeout) rather than failing
    // half-way when another connection writes.
    if (!exec(u"BEGIN IMMEDIATE"_s)) {
        m_error = tr("Writing to the command ledger failed: %1").arg(m_error);
        return false;
    }
    for (const CommandExecution &e : executions) {
        QString reason;
        if (!writeExecution(e, &reason)) {
            rollback();
            m_error = tr("Writing command %1 to the ledger failed: %2").arg(e.id, reason);
            return false;
        }
    }
    if (!exec(u"COMMIT"_s)) {
        const QString reason = m_error;
        rollback();
        m_error = tr("Writing to the command ledger failed: %1").arg(reason);
        return false;
    }
    return true;
}

// Inside a transaction: upserts one execution and appends what is new of its transitions and replies.
bool CommandLedger::writeExecution(const CommandExecution &e, QString *reason)
{
    const auto fail = [reason](const QString &why) {
        *reason = why;
        return false;
    };
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const qint64 updated =
        e.transitions.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : e.transitions.last().timeMs;
    QSqlQuery upsert(db);
    upsert.prepare(
        u"INSERT INTO executions (id, tid, command, device, device_group, broadcast_id, parameters, "
        "payload, result, state, reason, attempts, heartbeats, last_heartbeat, dropped_replies, "
        "created, updated, requested_by, retry_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET parameters = excluded.parameters, "
        "payload = excluded.payload, result = excluded.result, state = excluded.state, "
        "reason = excluded.reason, attempts = excluded.attempts, "
        "heartbeats = excluded.heartbeats, last_heartbeat = excluded.last_heartbeat, "
        "dropped_replies = excluded.dropped_replies, updated = excluded.updated"_s);
    for (const QVariant &value :
         {QVariant(SqlSchema::notNull(e.id)), QVariant(SqlSchema::notNull(e.tid)),
          QVariant(SqlSchema::notNull(e.command)), QVariant(SqlSchema::notNull(e.device)),
          QVariant(SqlSchema::notNull(e.group)), QVariant(SqlSchema::notNull(e.broadcastId)),
          QVariant(compactJson(e.parameters)), QVariant(compactJson(e.payload)),
          QVariant(compactJson(e.result)), QVariant(CommandExecution::stateKey(e.state)),
          QVariant(SqlSchema::notNull(e.reason)), QVariant(e.attempts), QVariant(e.heartbeats),
          QVariant(e.lastHeartbeatMs), QVariant(qint64(e.droppedReplies)), QVariant(e.createdMs()),
          QVariant(updated), QVariant(SqlSchema::notNull(e.requestedBy)),
          // NULL, not '', for "no original": the column's index leaves NULLs out.
          e.retryOf.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(e.retryOf)}) {
        upsert.addBindValue(value);
    }
    if (!upsert.exec())
        return fail(SqlSchema::errorText(upsert.lastError()));

    // What is already there: both lists only grow, so the rows to add are those past the stored count.
    const auto stored = [&](const QString &table, qsizetype *count) {
        QSqlQuery query(db);
        query.prepare(u"SELECT COUNT(*) FROM %1 WHERE id = ?"_s.arg(table));
        query.addBindValue(e.id);
        if (!query.exec() || !query.next()) {
            m_error = SqlSchema::errorText(query.lastError());
            return false;
        }
        *count = query.value(0).toLongLong();
        return true;
    };
    qsizetype transitions = 0;
    qsizetype replies = 0;
    if (!stored(u"transitions"_s, &transitions) || !stored(u"replies"_s, &replies))
        return fail(m_error);
    for (qsizetype seq = transitions; seq < e.transitions.size(); ++seq) {
        const CommandExecution::Transition &t = e.transitions.at(seq);
        QSqlQuery insert(db);
        insert.prepare(
            u"INSERT OR IGNORE INTO transitions (id, seq, state, time, note) VALUES (?, ?, ?, ?, ?)"_s);
        insert.addBindValue(e.id);
        insert.addBindValue(qint64(seq));
        insert.addBindValue(CommandExecution::stateKey(t.state));
        insert.addBindValue(t.timeMs);
        insert.addBindValue(SqlSchema::notNull(t.note));
        if (!insert.exec())
            return fail(SqlSchema::errorText(insert.lastError()));
    }
    for (qsizetype seq = replies; seq < e.replies.size(); ++seq) {
        const CommandExecution::Reply &r = e.replies.at(seq);
        const int flags = (r.text ? Text : 0) | (r.duplicate ? Duplicate : 0) | (r.late ? Late : 0) |
                          (r.outOfOrder ? OutOfOrder : 0) | (r.unreadable ? Unreadable : 0);
        QSqlQuery insert(db);
        insert.prepare(
            u"INSERT OR IGNORE INTO replies (id, seq, time, status, flags, reason) VALUES (?, ?, ?, ?, ?, ?)"_s);
        insert.addBindValue(e.id);
        insert.addBindValue(qint64(seq));
        insert.addBindValue(r.timeMs);
        insert.addBindValue(AtlasReply::statusName(r.status));
        insert.addBindValue(flags);
        insert.addBindValue(SqlSchema::notNull(r.reason));
        if (!insert.exec())
            return fail(SqlSchema::errorText(insert.lastError()));
    }
    return true;
}

bool CommandLedger::appendAudit(const QString &actor, const QString &action, const QString &subject,
                                const QString &outcome, const QString &detail)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return false;
    }
    // A single INSERT in autocommit mode is its own transaction, committed (and synced) when exec() returns.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO audit (time, actor, action, subject, outcome, detail) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(SqlSchema::notNull(actor));
    query.addBindValue(SqlSchema::notNull(action));
    query.addBindValue(SqlSchema::notNull(subject));
    query.addBindValue(SqlSchema::notNull(outcome));
    query.addBindValue(SqlSchema::notNull(detail));
    if (!query.exec()) {
        m_error = tr("Writing to the audit log failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return false;
    }
    return true;
}

std::optional<CommandExecution> CommandLedger::load(const QString &id)
{
    const std::optional<QList<CommandExecution>> found = select(u"id = ?"_s, id, {}, 1);
    // Failed, absent, or damaged (select() left it out and said why in m_error).
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->first();
}

std::optional<QList<CommandExecution>> CommandLedger::pending()
{
    QStringList finals;
    for (int s = int(State::AwaitingApproval); s <= int(State::Cancelled); ++s) {
        if (CommandExecution::isFinal(State(s)))
            finals.append(u"'%1'"_s.arg(CommandExecution::stateKey(State(s))));
    }
    return select(u"state NOT IN (%1)"_s.arg(finals.join(u", "_s)), {}, u"created, id"_s, -1);
}

std::optional<QList<CommandExecution>> CommandLedger::broadcast(const QString &broadcastId)
{
    return select(u"broadcast_id = ?"_s, broadcastId, u"created, id"_s, -1);
}

std::optional<QList<CommandExecution>> CommandLedger::recent(int limit)
{
    return select({}, {}, u"created DESC, id DESC"_s, std::max(0, limit));
}

std::optional<QStringList> CommandLedger::retriesOf(const QString &id, int limit)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QStringList ids;
    if (id.isEmpty())
        return ids;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT id FROM executions WHERE retry_of = ? ORDER BY created, id LIMIT ?"_s);
    query.addBindValue(id);
    query.addBindValue(std::max(0, limit));
    if (!query.exec()) {
        m_error = tr("Reading the command ledger failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

std::optional<QList<CommandLedger::AuditEntry>> CommandLedger::audit(int limit)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT id, time, actor, action, subject, outcome, detail FROM audit "
                  "ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(std::max(0, limit));
    if (!query.exec()) {
        m_error = tr("Reading the audit log failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append(AuditEntry{query.value(0).toLongLong(), query.value(1).toLongLong(),
                                  query.value(2).toString(), query.value(3).toString(),
                                  query.value(4).toString(), query.value(5).toString(),
                                  query.value(6).toString()});
    }
    return entries;
}

// The executions matching where (its "?" bound to bind, if any), in order, at most limit (negative: all).
// Damaged rows are left out, each named in m_error.
std::optional<QList<CommandExecution>> CommandLedger::select(const QString &where, const QString &bind,
                                                             const QString &order, int limit)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QString sql =
        u"SELECT id, tid, command, device, device_group, broadcast_id, parameters, payload, result, "
        "state, reason, attempts, heartbeats, last_heartbeat, dropped_replies, requested_by, retry_of "
        "FROM executions"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where;
    if (!order.isEmpty())
        sql += u" ORDER BY "_s + order;
    sql += u" LIMIT %1"_s.arg(limit);
    // One read transaction, so that transitions and replies come from the same committed state as their
    // executions (WAL readers never wait for the writer).
    if (!exec(u"BEGIN"_s)) {
        m_error = tr("Reading the command ledger failed: %1").arg(m_error);
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    if (where.contains(u'?'))
        query.addBindValue(bind);
    if (!query.exec()) {
        m_error = tr("Reading the command ledger failed: %1").arg(SqlSchema::errorText(query.lastError()));
        rollback();
        return std::nullopt;
    }
    QList<CommandExecution> executions;
    QStringList problems;
    while (query.next()) {
        CommandExecution e;
        e.id = query.value(0).toString();
        e.tid = query.value(1).toString();
        e.command = query.value(2).toString();
        e.device = query.value(3).toString();
        e.group = query.value(4).toString();
        e.broadcastId = query.value(5).toString();
        const std::optional<Json> parameters = parseJson(query.value(6).toString());
        const std::optional<Json> payload = parseJson(query.value(7).toString());
        const std::optional<Json> result = parseJson(query.value(8).toString());
        const std::optional<State> state = stateFromKey(query.value(9).toString());
        e.reason = query.value(10).toString();
        e.attempts = query.value(11).toInt();
        e.heartbeats = query.value(12).toInt();
        e.lastHeartbeatMs = query.value(13).toLongLong();
        e.droppedReplies = query.value(14).toLongLong();
        e.requestedBy = query.value(15).toString();
        e.retryOf = query.value(16).toString();
        QString problem;
        if (!parameters || !parameters->is_object() || !payload || !result)
            problem = tr("its JSON is damaged");
        else if (!state)
            problem = tr("unknown state \"%1\"").arg(query.value(9).toString());
        if (problem.isEmpty()) {
            e.parameters = *parameters;
            e.payload = *payload;
            e.result = *result;
            e.state = *state;
            if (!readDetails(&e, &problem) && problem.isEmpty()) {
                m_error = tr("Reading the command ledger failed: %1").arg(m_error);
                rollback();
                return std::nullopt;
            }
        }
        if (!problem.isEmpty()) {
            problems.append(tr("The ledger's record of command %1 is damaged (%2); it is left as it is.")
                                .arg(e.id, problem));
            continue;
        }
        executions.append(std::move(e));
    }
    rollback(); // a read transaction: nothing to commit
    m_error = problems.join(u'\n');
    return executions;
}

// Reads the transitions and replies of e. False with *problem set for a damaged row, false with m_error set
// when the database fails.
bool CommandLedger::readDetails(CommandExecution *e, QString *problem)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery transitions(db);
    transitions.setForwardOnly(true);
    transitions.prepare(u"SELECT seq, state, time, note FROM transitions WHERE id = ? ORDER BY seq"_s);
    transitions.addBindValue(e->id);
    if (!transitions.exec()) {
        m_error = SqlSchema::errorText(transitions.lastError());
        return false;
    }
    while (transitions.next()) {
        const std::optional<State> state = stateFromKey(transitions.value(1).toString());
        if (!state || transitions.value(0).toLongLong() != e->transitions.size()) {
            *problem = tr("transition %1 is damaged").arg(transitions.value(0).toLongLong());
            return false;
        }
        e->transitions.append(CommandExecution::Transition{*state, transitions.value(2).toLongLong(),
                                                           transitions.value(3).toString()});
    }
    QSqlQuery replies(db);
    replies.setForwardOnly(true);
    replies.prepare(u"SELECT seq, time, status, flags, reason FROM replies WHERE id = ? ORDER BY seq"_s);
    replies.addBindValue(e->id);
    if (!replies.exec()) {
        m_error = SqlSchema::errorText(replies.lastError());
        return false;
    }
    while (replies.next()) {
        const std::optional<AtlasReply::Status> status = statusFromName(replies.value(2).toString());
        if (!status || replies.value(0).toLongLong() != e->replies.size()) {
            *problem = tr("reply %1 is damaged").arg(replies.value(0).toLongLong());
            return false;
        }
        const int flags = replies.value(3).toInt();
        CommandExecution::Reply r;
        r.timeMs = replies.value(1).toLongLong();
        r.status = *status;
        r.reason = replies.value(4).toString();
        r.text = flags & Text;
        r.duplicate = flags & Duplicate;
        r.late = flags & Late;
        r.outOfOrder = flags & OutOfOrder;
        r.unreadable = flags & Unreadable;
        e->replies.append(r);
    }
    return true;
}

bool CommandLedger::recordApproval(const ApprovalRequest &request)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return false;
    }
    // One statement in autocommit mode: committed (and synced) when exec() returns.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO approvals (id, requester, state, requested, body) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (id) DO UPDATE SET state = excluded.state, body = excluded.body"_s);
    query.addBindValue(SqlSchema::notNull(request.id));
    query.addBindValue(SqlSchema::notNull(request.requester));
    query.addBindValue(ApprovalRequest::stateKey(request.state));
    query.addBindValue(request.requestedMs);
    query.addBindValue(compactJson(request.toJson()));
    if (!query.exec()) {
        m_error = tr("Writing approval request %1 to the ledger failed: %2")
                      .arg(request.id, SqlSchema::errorText(query.lastError()));
        return false;
    }
    return true;
}

std::optional<ApprovalRequest> CommandLedger::approval(const QString &id)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT requester, body FROM approvals WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = tr("Reading the command ledger failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const std::optional<Json> body = parseJson(query.value(1).toString());
    QString why;
    std::optional<ApprovalRequest> request =
        body ? ApprovalRequest::fromJson(*body, &why) : std::optional<ApprovalRequest>();
    if (!request) {
        m_error = tr("The ledger's record of approval request %1 is damaged (%2); it is left as it is.")
                      .arg(id, body ? why : tr("its JSON is damaged"));
        return std::nullopt;
    }
    request->requester = query.value(0).toString();
    return request;
}

std::optional<QList<ApprovalRequest>> CommandLedger::approvals(const QString &requester, bool pendingOnly,
                                                               int limit)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QStringList where;
    if (!requester.isEmpty())
        where.append(u"requester = :requester"_s);
    if (pendingOnly)
        where.append(u"state = 'pending'"_s);
    // The latest `limit`, returned oldest first.
    QString sql = u"SELECT id, requester, body FROM approvals"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += u" ORDER BY requested DESC, id DESC LIMIT %1"_s.arg(limit < 0 ? -1 : limit);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    if (!requester.isEmpty())
        query.bindValue(u":requester"_s, requester);
    if (!query.exec()) {
        m_error = tr("Reading the command ledger failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    QList<ApprovalRequest> requests;
    QStringList problems;
    while (query.next()) {
        const std::optional<Json> body = parseJson(query.value(2).toString());
        QString why;
        std::optional<ApprovalRequest> request =
            body ? ApprovalRequest::fromJson(*body, &why) : std::optional<ApprovalRequest>();
        if (!request) {
            problems.append(
                tr("The ledger's record of approval request %1 is damaged (%2); it is left as it is.")
                    .arg(query.value(0).toString(), body ? why : tr("its JSON is damaged")));
            continue;
        }
        // The column, written from the topic's identity, is what counts; the body only repeats it.
        request->requester = query.value(1).toString();
        requests.prepend(std::move(*request));
    }
    m_error = problems.join(u'\n');
    return requests;
}

bool CommandLedger::recordRollback(const RollbackEntry &entry)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO rollbacks (id, time, device, body) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (id) DO UPDATE SET body = excluded.body"_s);
    query.addBindValue(entry.id);
    query.addBindValue(entry.timeMs);
    query.addBindValue(SqlSchema::notNull(entry.device));
    query.addBindValue(compactJson(rollbackBody(entry)));
    if (!query.exec()) {
        m_error = tr("Writing rollback entry %1 to the ledger failed: %2")
                      .arg(entry.id)
                      .arg(SqlSchema::errorText(query.lastError()));
        return false;
    }
    return true;
}

std::optional<QList<RollbackEntry>> CommandLedger::rollbacks(int limit)
{
    m_error.clear();
    if (!m_open) {
        m_error = tr("The command ledger is not open.");
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, time, device, body FROM rollbacks ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(std::max(0, limit));
    if (!query.exec()) {
        m_error = tr("Reading the command ledger failed: %1").arg(SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    QList<RollbackEntry> entries;
    QStringList problems;
    while (query.next()) {
        const std::optional<Json> body = parseJson(query.value(3).toString());
        std::optional<RollbackEntry> entry =
            body ? rollbackFromBody(query.value(0).toLongLong(), query.value(1).toLongLong(),
                                    query.value(2).toString(), *body)
                 : std::nullopt;
        if (!entry) {
            problems.append(tr("The ledger's rollback entry %1 is damaged; it is left as it is.")
                                .arg(query.value(0).toLongLong()));
            continue;
        }
        entries.prepend(std::move(*entry));
    }
    m_error = problems.join(u'\n');
    return entries;
}

} // namespace fleet
