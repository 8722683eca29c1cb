#include "store/sqlstore.h"

#include "store/databaselocation.h"
#include "store/sqlschema.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {
constexpr int BusyTimeoutMs = 5000;
} // namespace

SqlStore::SqlStore(const QString &connectionPrefix, Texts texts)
    : m_texts(std::move(texts))
    , m_schemaKey(connectionPrefix)
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"%1-%2"_s.arg(connectionPrefix).arg(counter.fetchAndAddRelaxed(1));
}

SqlStore::~SqlStore()
{
    close();
}

bool SqlStore::openDatabase(const DatabaseLocation &location, int schemaVersion,
                            const QList<QStringList> &migrations)
{
    close();
    QString reason;
    if (!SqlSchema::open(m_connectionName, location, BusyTimeoutMs, &reason) ||
        !SqlSchema::migrate(m_connectionName, m_schemaKey, schemaVersion, migrations, m_texts.newerSchema,
                            &reason)) {
        SqlSchema::close(m_connectionName);
        m_error = m_texts.cannotUse.arg(location.displayName(), reason);
        return false;
    }
    m_open = true;
    return true;
}

bool SqlStore::openDatabase(const QString &pathOrUrl, int schemaVersion, const QList<QStringList> &migrations)
{
    const std::optional<DatabaseLocation> location = DatabaseLocation::parse(pathOrUrl, &m_error);
    return location && openDatabase(*location, schemaVersion, migrations);
}

void SqlStore::close()
{
    SqlSchema::close(m_connectionName);
    m_open = false;
    m_inTransaction = false;
}

bool SqlStore::exec(const QString &sql)
{
    return SqlSchema::exec(m_connectionName, sql, &m_error);
}

bool SqlStore::begin()
{
    if (!m_open) {
        m_error = m_texts.notOpen;
        return false;
    }
    if (m_inTransaction)
        return true;
    m_inTransaction = exec(SqlSchema::translated(m_connectionName, u"BEGIN IMMEDIATE"_s));
    return m_inTransaction;
}

bool SqlStore::commit()
{
    if (!m_inTransaction)
        return true;
    m_inTransaction = false;
    if (!exec(u"COMMIT"_s)) {
        const QString reason = m_error;
        rollback();
        m_error = m_texts.commitFailed.arg(reason);
        return false;
    }
    return true;
}

void SqlStore::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
    m_inTransaction = false;
}

} // namespace fleet
