#include "gatestore.h"

#include "common/networkjson.h"
#include "store/sqlschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1
        {u"CREATE TABLE requests ("
         "requester TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, topic TEXT NOT NULL, "
         "payload BLOB NOT NULL, properties TEXT NOT NULL, device TEXT NOT NULL, grp TEXT NOT NULL, "
         "command TEXT NOT NULL, parameters TEXT NOT NULL, reason TEXT NOT NULL, digest TEXT NOT NULL, "
         "requested_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, state TEXT NOT NULL, "
         "decided_by TEXT NOT NULL, decided_at INTEGER NOT NULL, decision_reason TEXT NOT NULL, "
         "sent_at INTEGER NOT NULL, reply_topic TEXT NOT NULL, reply BLOB NOT NULL, "
         "PRIMARY KEY (requester, id))"_s,
         u"CREATE INDEX requests_state ON requests (state)"_s,
         u"CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, "
         "actor TEXT NOT NULL, action TEXT NOT NULL, requester TEXT NOT NULL, id TEXT NOT NULL, "
         "topic TEXT NOT NULL, detail TEXT NOT NULL)"_s},
    };
    return steps;
}

Json storedJson(const QString &text)
{
    return NetworkJson::parse(text.toUtf8(),
                              {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth})
        .value_or(Json::object());
}

} // namespace

GateStore::GateStore()
    : SqlStore(u"fleet-hub-gatestore"_s,
               {tr("The gate database has schema %1; this fleet-hub knows up to %2."),
                tr("Cannot use \"%1\" as the gate's database: %2"), tr("The gate's database is not open."),
                tr("Committing to the gate's database failed: %1")})
{}

GateStore::~GateStore() = default;

bool GateStore::open(const DatabaseLocation &location)
{
    return openDatabase(location, SchemaVersion, migrations());
}

bool GateStore::open(const QString &pathOrUrl)
{
    return openDatabase(pathOrUrl, SchemaVersion, migrations());
}

bool GateStore::write(const GateRecord &r)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    static const QString sql =
        SqlSchema::upsert(u"requests"_s, {u"requester"_s,    u"id"_s,          u"kind"_s,
                                          u"topic"_s,        u"payload"_s,     u"properties"_s,
                                          u"device"_s,       u"grp"_s,         u"command"_s,
                                          u"parameters"_s,   u"reason"_s,      u"digest"_s,
                                          u"requested_at"_s, u"expires_at"_s,  u"state"_s,
                                          u"decided_by"_s,   u"decided_at"_s,  u"decision_reason"_s,
                                          u"sent_at"_s,      u"reply_topic"_s, u"reply"_s},
                          {u"requester"_s, u"id"_s});
    query.prepare(sql);
    const auto text = SqlSchema::notNull;
    for (const QVariant &value : {QVariant(text(r.requester)),
                                  QVariant(text(r.id)),
                                  QVariant(text(r.kind)),
                                  QVariant(text(r.topic)),
                                  QVariant(r.payload.isNull() ? QByteArray("") : r.payload),
                                  QVariant(compactJson(r.properties)),
                                  QVariant(text(r.device)),
                                  QVariant(text(r.group)),
                                  QVariant(text(r.command)),
                                  QVariant(compactJson(r.parameters)),
                                  QVariant(text(r.reason)),
                                  QVariant(text(r.digest)),
                                  QVariant(r.requestedAt),
                                  QVariant(r.expiresAt),
                                  QVariant(GateRecord::stateName(r.state)),
                                  QVariant(text(r.decidedBy)),
                                  QVariant(r.decidedAt),
                                  QVariant(text(r.decisionReason)),
                                  QVariant(r.sentAt),
                                  QVariant(text(r.replyTopic)),
                                  QVariant(r.reply.isNull() ? QByteArray("") : r.reply)})
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return false;
    }
    return true;
}

std::optional<QList<GateRecord>> GateStore::select(const QString &where, const QStringList &binds, int limit)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT requester, id, kind, topic, payload, properties, device, grp, command, parameters, "
        "reason, digest, requested_at, expires_at, state, decided_by, decided_at, decision_reason, "
        "sent_at, reply_topic, reply FROM requests %1 ORDER BY requested_at LIMIT %2"_s.arg(where)
            .arg(limit));
    for (const QString &value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return std::nullopt;
    }
    QList<GateRecord> records;
    while (query.next()) {
        GateRecord r;
        r.requester = query.value(0).toString();
        r.id = query.value(1).toString();
        r.kind = query.value(2).toString();
        r.topic = query.value(3).toString();
        r.payload = query.value(4).toByteArray();
        r.properties = storedJson(query.value(5).toString());
        r.device = query.value(6).toString();
        r.group = query.value(7).toString();
        r.command = query.value(8).toString();
        r.parameters = storedJson(query.value(9).toString());
        r.reason = query.value(10).toString();
        r.digest = query.value(11).toString();
        r.requestedAt = query.value(12).toLongLong();
        r.expiresAt = query.value(13).toLongLong();
        if (!GateRecord::stateFromName(query.value(14).toString(), &r.state))
            continue; // a damaged row is not acted on
        r.decidedBy = query.value(15).toString();
        r.decidedAt = query.value(16).toLongLong();
        r.decisionReason = query.value(17).toString();
        r.sentAt = query.value(18).toLongLong();
        r.replyTopic = query.value(19).toString();
        r.reply = query.value(20).toByteArray();
        records.append(r);
    }
    return records;
}

std::optional<GateRecord> GateStore::find(const QString &requester, const QString &id, bool *ok)
{
    const std::optional<QList<GateRecord>> found =
        select(u"WHERE requester = ? AND id = ?"_s, {requester, id}, 1);
    if (ok)
        *ok = found.has_value();
    if (!found || found->isEmpty())
        return std::nullopt;
    return found->constFirst();
}

std::optional<QList<GateRecord>> GateStore::unsettled()
{
    return select(u"WHERE state = 'pending' OR (state = 'approved' AND sent_at = 0)"_s, {}, 1000000);
}

std::optional<QList<GateRecord>> GateStore::recent(int limit)
{
    return select(u"WHERE state != 'pending'"_s, {}, limit);
}

bool GateStore::audit(const AuditEntry &e)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO audit (time, actor, action, requester, id, topic, detail) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    const auto text = SqlSchema::notNull;
    query.addBindValue(e.time);
    query.addBindValue(text(e.actor));
    query.addBindValue(text(e.action));
    query.addBindValue(text(e.requester));
    query.addBindValue(text(e.id));
    query.addBindValue(text(e.topic));
    query.addBindValue(text(e.detail));
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return false;
    }
    return true;
}

std::optional<QList<GateStore::AuditEntry>> GateStore::auditLog(qint64 after, int limit)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT seq, time, actor, action, requester, id, topic, detail FROM audit WHERE seq > ? "
                  "ORDER BY seq LIMIT ?"_s);
    query.addBindValue(after);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return std::nullopt;
    }
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                        query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                        query.value(6).toString(), query.value(7).toString()});
    }
    return entries;
}

std::optional<GateStore::AuditPage> GateStore::auditLog(const AuditFilter &filter, int limit)
{
    limit = std::max(limit, 1);
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery last(db);
    if (!last.exec(u"SELECT COALESCE(MAX(seq), 0) FROM audit"_s) || !last.next()) {
        m_error = SqlSchema::errorText(last.lastError());
        return std::nullopt;
    }
    const qint64 lastSeq = last.value(0).toLongLong();
    // seq is the key (SQLite's rowid): a range of it is read straight off the table's b-tree, whatever the
    // other filters.
    const qint64 upTo = filter.scanLimit > 0 && filter.after < lastSeq - filter.scanLimit
                            ? filter.after + filter.scanLimit
                            : lastSeq;
    QString where = u"seq > ? AND seq <= ?"_s;
    QVariantList binds = {filter.after, upTo};
    if (filter.since > 0) {
        where += u" AND time >= ?"_s;
        binds << filter.since;
    }
    for (const auto &[column, value] :
         {std::pair{"actor", &filter.actor}, std::pair{"requester", &filter.requester},
          std::pair{"id", &filter.id}}) {
        if (value->isEmpty())
            continue;
        where += u" AND %1 = ?"_s.arg(QLatin1StringView(column));
        binds << *value;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // One row more than asked for tells whether the page is the last one.
    query.prepare(u"SELECT seq, time, actor, action, requester, id, topic, detail FROM audit WHERE %1 "
                  "ORDER BY seq LIMIT %2"_s.arg(where)
                      .arg(qint64(limit) + 1));
    for (const QVariant &value : std::as_const(binds))
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return std::nullopt;
    }
    AuditPage page;
    bool more = false;
    while (query.next()) {
        if (page.entries.size() == limit) {
            more = true;
            break;
        }
        page.entries.append({query.value(0).toLongLong(), query.value(1).toLongLong(),
                             query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
                             query.value(5).toString(), query.value(6).toString(),
                             query.value(7).toString()});
    }
    if (more)
        page.next = page.entries.constLast().seq;
    else if (upTo < lastSeq)
        page.next = upTo;
    return page;
}

} // namespace fleet
