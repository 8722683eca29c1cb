#include "twinstore.h"

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
        {u"CREATE TABLE twins (device TEXT PRIMARY KEY, updated_ms INTEGER NOT NULL, document TEXT NOT NULL)"_s},
    };
    return steps;
}

} // namespace

TwinStore::TwinStore()
    : SqlStore(u"fleet-hub-twins"_s,
               {tr("The twins database has schema %1; this fleet-hub knows up to %2."),
                tr("Cannot use \"%1\" as the device twins database: %2"),
                tr("The twins database is not open."), tr("Committing to the twins database failed: %1")})
{}

TwinStore::~TwinStore() = default;

bool TwinStore::open(const DatabaseLocation &location)
{
    return openDatabase(location, SchemaVersion, migrations());
}

bool TwinStore::open(const QString &pathOrUrl)
{
    return openDatabase(pathOrUrl, SchemaVersion, migrations());
}

bool TwinStore::write(const QString &device, const AzureTwin &twin, qint64 nowMs)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    static const QString sql =
        SqlSchema::upsert(u"twins"_s, {u"device"_s, u"updated_ms"_s, u"document"_s}, {u"device"_s});
    query.prepare(sql);
    query.addBindValue(SqlSchema::notNull(device));
    query.addBindValue(nowMs);
    query.addBindValue(compactJson(twin.toStored()));
    if (!query.exec()) {
        m_error = SqlSchema::errorText(query.lastError());
        return false;
    }
    return true;
}

std::optional<AzureTwin> TwinStore::find(const QString &device, bool *ok)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT document FROM twins WHERE device = ?"_s);
    query.addBindValue(SqlSchema::notNull(device));
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
    // The hub wrote it, but a file can be damaged: it is read as carefully as anything else. A damaged row
    // is a failure, not a missing twin: a new twin would start its versions again and replace the row.
    const std::optional<Json> json =
        NetworkJson::parse(query.value(0).toString().toUtf8(),
                           {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth});
    std::optional<AzureTwin> twin = json ? AzureTwin::fromStored(*json) : std::nullopt;
    if (!twin) {
        m_error = tr("The twin of \"%1\" is damaged in the twins database.").arg(device);
        if (ok)
            *ok = false;
    }
    return twin;
}

int TwinStore::count()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT COUNT(*) FROM twins"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace fleet
