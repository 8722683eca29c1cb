#include "rawdatabase.h"

#include "store/databaselocation.h"
#include "store/sqlschema.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fleet::test {

RawDatabase::RawDatabase(const QString &location)
{
    static QAtomicInteger<int> count;
    m_name = u"fleet-test-raw-%1"_s.arg(count.fetchAndAddRelaxed(1));
    QString error;
    const auto parsed = DatabaseLocation::parse(location, &error);
    m_open = parsed && SqlSchema::open(m_name, *parsed, 5000, &error);
    if (!m_open)
        qWarning("RawDatabase %s: %s", qPrintable(location), qPrintable(error));
}

RawDatabase::~RawDatabase()
{
    SqlSchema::close(m_name);
}

bool RawDatabase::isPostgres() const
{
    return SqlSchema::isPostgres(m_name);
}

bool RawDatabase::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QVariant RawDatabase::value(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool RawDatabase::lockForWriting(const QString &table)
{
    if (!isPostgres())
        return exec(u"BEGIN IMMEDIATE"_s);
    return exec(u"BEGIN"_s) && exec(u"LOCK TABLE %1 IN EXCLUSIVE MODE"_s.arg(table));
}

int RawDatabase::schemaVersion(const QString &storeKey)
{
    const QVariant version =
        isPostgres() ? value(u"SELECT version FROM fleet_schema WHERE store = '%1'"_s.arg(storeKey))
                     : value(u"PRAGMA user_version"_s);
    return version.isValid() ? version.toInt() : -1;
}

bool RawDatabase::setSchemaVersion(const QString &storeKey, int version)
{
    if (!isPostgres())
        return exec(u"PRAGMA user_version=%1"_s.arg(version));
    return exec(
               u"CREATE TABLE IF NOT EXISTS fleet_schema (store TEXT PRIMARY KEY, version BIGINT NOT NULL)"_s) &&
           exec(u"INSERT INTO fleet_schema (store, version) VALUES ('%1', %2) ON CONFLICT (store) DO UPDATE "
                "SET version = excluded.version"_s.arg(storeKey)
                    .arg(version));
}

} // namespace fleet::test
