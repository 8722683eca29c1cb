#include "awscommandstore.h"

#include "common/networkjson.h"
#include "store/sqlschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1
        {u"CREATE TABLE executions (execution_id TEXT PRIMARY KEY, command_id TEXT NOT NULL, "
         "target_type TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL, finished INTEGER NOT NULL, "
         "created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, "
         "document TEXT NOT NULL)"_s,
         u"CREATE INDEX executions_unfinished ON executions (finished)"_s},
        // 1 -> 2: the requester's client token, so that a start repeated after the verdict finds it
        {u"ALTER TABLE executions ADD COLUMN token_key TEXT NOT NULL DEFAULT ''"_s,
         u"CREATE INDEX executions_token ON executions (token_key)"_s},
    };
    return steps;
}

QString tokenKey(const QString &requester, const QString &clientToken)
{
    // '/' is in neither (both are topic levels): the pair is unambiguous.
    return requester + u'/' + clientToken;
}

} // namespace

AwsCommandStore::AwsCommandStore()
    : SqlStore(u"fleet-hub-awscommands"_s,
               {tr("The commands database has schema %1; this fleet-hub knows up to %2."),
                tr("Cannot use \"%1\" as the AWS IoT commands database: %2"),
                tr("The commands database is not open."),
                tr("Committing to the commands database failed: %1")})
{}

AwsCommandStore::~AwsCommandStore() = default;

bool AwsCommandStore::open(const DatabaseLocation &location)
{
    return openDatabase(location, SchemaVersion, migrations());
}

bool AwsCommandStore::open(const QString &pathOrUrl)
{
    return openDatabase(pathOrUrl, SchemaVersion, migrations());
}

bool AwsCommandStore::write(const AwsCommandExecution &e)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    static const QString sql = SqlSchema::upsert(
        u"executions"_s,
        {u"execution_id"_s, u"command_id"_s, u"target_type"_s, u"target"_s, u"status"_s, u"finished"_s,
         u"created_ms"_s, u"updated_ms"_s, u"deadline_ms"_s, u"document"_s, u"token_key"_s},
        {u"execution_id"_s});
    query.prepare(sql);
    const auto text = SqlSchema::notNull;
    for (const QVariant &value :
         {QVariant(text(e.executionId)), QVariant(text(e.commandId)), QVariant(text(e.targetType)),
          QVariant(text(e.target)), QVariant(AwsCommandExecution::statusName(e.status)),
          QVariant(e.isTerminal() ? 1 : 0), QVariant(e.createdMs), QVariant(e.updatedMs),
          QVariant(e.deadlineMs()), QVariant(compactJson(e.toStored())),
          QVariant(tokenKey(e.requestedBy, e.clientToken))})
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return false;
    }
    return true;
}

namespace {

std::optional<AwsCommandExecution> fromDocument(const QString &document)
{
    // The hub wrote it, but a file can be damaged: it is read as carefully as anything else.
    const std::optional<Json> json = NetworkJson::parse(
        document.toUtf8(), {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth});
    return json ? AwsCommandExecution::fromStored(*json) : std::nullopt;
}

} // namespace

std::optional<AwsCommandExecution> AwsCommandStore::find(const QString &executionId, bool *ok)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT document FROM executions WHERE execution_id = ?"_s);
    query.addBindValue(SqlSchema::notNull(executionId));
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    if (ok)
        *ok = true;
    if (!query.next())
        return std::nullopt;
    return fromDocument(query.value(0).toString());
}

std::optional<AwsCommandExecution> AwsCommandStore::findByToken(const QString &requester,
                                                                const QString &clientToken, bool *ok)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT document FROM executions WHERE token_key = ? ORDER BY created_ms LIMIT 1"_s);
    query.addBindValue(tokenKey(requester, clientToken));
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    if (ok)
        *ok = true;
    if (!query.next())
        return std::nullopt;
    return fromDocument(query.value(0).toString());
}

std::optional<QList<AwsCommandExecution>> AwsCommandStore::unfinished()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT document FROM executions WHERE finished = 0 ORDER BY created_ms"_s)) {
        m_error = SqlSchema::errorText(query.lastError());
        return std::nullopt;
    }
    QList<AwsCommandExecution> executions;
    while (query.next()) {
        if (std::optional<AwsCommandExecution> e = fromDocument(query.value(0).toString()))
            executions.append(std::move(*e));
    }
    return executions;
}

int AwsCommandStore::count()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT COUNT(*) FROM executions"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace fleet
