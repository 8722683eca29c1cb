#include "sqlschema.h"

#include "store/databaselocation.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

bool SqlSchema::openWal(const QString &connectionName, const QString &path, int busyTimeoutMs, QString *error)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        if (!db.isValid()) {
            *error = tr("the Qt SQLite driver (QSQLITE) is not available");
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return false;
        }
        db.setDatabaseName(path);
        // SQLite's busy handler: a writer waits this long for another connection's lock, which is what lets
        // two processes share one file without failing each other's writes.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(std::max(0, busyTimeoutMs)));
        if (!db.open()) {
            *error = tr("it cannot be opened: %1").arg(errorText(db.lastError()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return false;
        }
    }
    // journal_mode answers with the mode in force.
    QString mode;
    QDeadlineTimer deadline(std::max(0, busyTimeoutMs));
    while (mode.isEmpty()) {
        QSqlQuery query(QSqlDatabase::database(connectionName, false));
        if (query.exec(u"PRAGMA journal_mode=WAL"_s) && query.next()) {
            mode = query.value(0).toString();
            break;
        }
        *error = errorText(query.lastError());
        if (!error->contains(u"locked"_s, Qt::CaseInsensitive) || deadline.hasExpired())
            break;
        QThread::msleep(20);
    }
    if (mode.isEmpty()) {
        close(connectionName);
        return false;
    }
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        close(connectionName);
        *error = tr("it cannot be switched to write-ahead logging (journal mode is %1)").arg(mode);
        return false;
    }
    if (!exec(connectionName, u"PRAGMA synchronous=FULL"_s, error)) {
        close(connectionName);
        return false;
    }
    error->clear();
    return true;
}

bool SqlSchema::open(const QString &connectionName, const DatabaseLocation &location, int busyTimeoutMs,
                     QString *error)
{
    if (!location.isPostgres())
        return openWal(connectionName, location.path(), busyTimeoutMs, error);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
        if (!db.isValid()) {
            *error = tr("the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not available");
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return false;
        }
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setDatabaseName(location.databaseName());
        db.setUserName(location.userName());
        if (!location.password().isEmpty())
            db.setPassword(location.password());
        // Without a connect_timeout libpq waits for the operating system's TCP timeout (minutes) on an
        // unreachable server.
        QString options = location.connectOptions();
        if (!options.contains(u"connect_timeout="_s))
            options = (options.isEmpty() ? QString() : options + u';') + u"connect_timeout=10"_s;
        db.setConnectOptions(options);
        if (!db.open()) {
            *error = tr("it cannot be opened: %1").arg(errorText(db.lastError()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return false;
        }
    }
    if (!exec(connectionName, u"SET synchronous_commit = on"_s, error) ||
        !exec(connectionName, u"SET lock_timeout = %1"_s.arg(std::max(0, busyTimeoutMs)), error) ||
        !exec(connectionName, u"SET client_min_messages = warning"_s, error)) {
        close(connectionName);
        return false;
    }
    error->clear();
    return true;
}

bool SqlSchema::isPostgres(const QString &connectionName)
{
    return QSqlDatabase::database(connectionName, false).driverName() == u"QPSQL"_s;
}

QString SqlSchema::translated(const QString &connectionName, const QString &sql)
{
    if (!isPostgres(connectionName))
        return sql;
    static const QRegularExpression autoIncrement(u"\\bINTEGER PRIMARY KEY AUTOINCREMENT\\b"_s);
    static const QRegularExpression integer(u"\\bINTEGER\\b"_s);
    static const QRegularExpression blob(u"\\bBLOB\\b"_s);
    QString text = sql;
    text.replace(u"BEGIN IMMEDIATE"_s, u"BEGIN"_s);
    text.replace(autoIncrement, u"BIGSERIAL PRIMARY KEY"_s);
    text.replace(integer, u"BIGINT"_s);
    text.replace(blob, u"BYTEA"_s);
    return text;
}

QString SqlSchema::upsert(const QString &table, const QStringList &columns, const QStringList &keys)
{
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders.append(u"?"_s);
        if (!keys.contains(column))
            updates.append(u"%1 = excluded.%1"_s.arg(column));
    }
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5"_s.arg(
        table, columns.join(u", "_s), placeholders.join(u", "_s), keys.join(u", "_s), updates.join(u", "_s));
}

bool SqlSchema::isConflict(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    return state == u"40P01"_s || state == u"40001"_s || state == u"23505"_s;
}

void SqlSchema::close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

bool SqlSchema::exec(const QString &connectionName, const QString &sql, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    if (query.exec(sql))
        return true;
    *error = errorText(query.lastError());
    return false;
}

QString SqlSchema::errorText(const QSqlError &error)
{
    const QString text = error.text().trimmed();
    return text.isEmpty() ? tr("unknown database error") : text;
}

bool SqlSchema::migrate(const QString &connectionName, const QString &storeKey, int target,
                        const QList<QStringList> &steps, const QString &newerMessage, QString *error)
{
    const bool postgres = isPostgres(connectionName);
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const auto exec = [&](const QString &sql) {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        *error = errorText(query.lastError());
        return false;
    };
    const auto rollback = [&] {
        QSqlQuery query(db);
        query.exec(u"ROLLBACK"_s);
    };
    const auto readVersion = [&](int *version) {
        QSqlQuery query(db);
        if (postgres) {
            query.prepare(u"SELECT version FROM fleet_schema WHERE store = ?"_s);
            query.addBindValue(storeKey);
            if (!query.exec()) {
                *error = errorText(query.lastError());
                return false;
            }
            *version = query.next() ? query.value(0).toInt() : 0;
            return true;
        }
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
            *error = errorText(query.lastError());
            return false;
        }
        *version = query.value(0).toInt();
        return true;
    };

    int version = 0;
    if (!postgres) {
        // The common case, a file already at this schema, without taking the write lock.
        if (!readVersion(&version))
            return false;
        if (version == target)
            return true;
    }
    if (!exec(translated(connectionName, u"BEGIN IMMEDIATE"_s)))
        return false;
    // Hubs starting together on one server: the first migrates, the others wait here and then find the new
    // version. The key is arbitrary but fixed, shared by every store of every hub.
    if (postgres && (!exec(u"SELECT pg_advisory_xact_lock(4242001)"_s) ||
                     !exec(u"CREATE TABLE IF NOT EXISTS fleet_schema (store TEXT PRIMARY KEY, "
                           "version BIGINT NOT NULL)"_s))) {
        rollback();
        return false;
    }
    if (!readVersion(&version)) {
        rollback();
        return false;
    }
    if (version > target) {
        rollback();
        *error = newerMessage.arg(version).arg(target);
        return false;
    }
    if (version < 0) {
        rollback();
        *error = tr("it has an unknown schema version %1.").arg(version);
        return false;
    }
    if (version == target) {
        rollback();
        return true;
    }
    for (int from = version; from < target; ++from) {
        for (const QString &sql : steps.at(from)) {
            if (!exec(translated(connectionName, sql))) {
                rollback();
                return false;
            }
        }
    }
    const auto writeVersion = [&] {
        if (!postgres)
            return exec(u"PRAGMA user_version=%1"_s.arg(target));
        QSqlQuery query(db);
        query.prepare(u"INSERT INTO fleet_schema (store, version) VALUES (?, ?) "
                      "ON CONFLICT (store) DO UPDATE SET version = excluded.version"_s);
        query.addBindValue(storeKey);
        query.addBindValue(target);
        if (query.exec())
            return true;
        *error = errorText(query.lastError());
        return false;
    };
    if (!writeVersion() || !exec(u"COMMIT"_s)) {
        rollback();
        return false;
    }
    return true;
}

} // namespace fleet
