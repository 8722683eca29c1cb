#include "store/sqlitestore.h"

#include "store/sqliteschema.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {
constexpr int BusyTimeoutMs = 5000;
} // namespace

SqliteStore::SqliteStore(const QString &connectionPrefix, Texts texts)
    : m_texts(std::move(texts))
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"%1-%2"_s.arg(connectionPrefix).arg(counter.fetchAndAddRelaxed(1));
}

SqliteStore::~SqliteStore()
{
    close();
}

bool SqliteStore::openFile(const QString &path, int schemaVersion, const QList<QStringList> &migrations)
{
    close();
    QString reason;
    if (!SqliteSchema::openWal(m_connectionName, path, BusyTimeoutMs, &reason) ||
        !SqliteSchema::migrate(m_connectionName, schemaVersion, migrations, m_texts.newerSchema, &reason)) {
        SqliteSchema::close(m_connectionName);
        m_error = m_texts.cannotUse.arg(path, reason);
        return false;
    }
    m_open = true;
    return true;
}

void SqliteStore::close()
{
    SqliteSchema::close(m_connectionName);
    m_open = false;
    m_inTransaction = false;
}

bool SqliteStore::exec(const QString &sql)
{
    return SqliteSchema::exec(m_connectionName, sql, &m_error);
}

bool SqliteStore::begin()
{
    if (!m_open) {
        m_error = m_texts.notOpen;
        return false;
    }
    if (m_inTransaction)
        return true;
    m_inTransaction = exec(u"BEGIN IMMEDIATE"_s);
    return m_inTransaction;
}

bool SqliteStore::commit()
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

void SqliteStore::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
    m_inTransaction = false;
}

} // namespace fleet
