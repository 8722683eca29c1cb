#include "sqliteschema.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

bool SqliteSchema::openWal(const QString &connectionName, const QString &path, int busyTimeoutMs,
                           QString *error)
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

void SqliteSchema::close(const QString &connectionName)
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

bool SqliteSchema::exec(const QString &connectionName, const QString &sql, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    if (query.exec(sql))
        return true;
    *error = errorText(query.lastError());
    return false;
}

QString SqliteSchema::errorText(const QSqlError &error)
{
    const QString text = error.text().trimmed();
    return text.isEmpty() ? tr("unknown database error") : text;
}

bool SqliteSchema::migrate(const QString &connectionName, int target, const QList<QStringList> &steps,
                           const QString &newerMessage, QString *error)
{
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
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
            *error = errorText(query.lastError());
            return false;
        }
        *version = query.value(0).toInt();
        return true;
    };

    int version = 0;
    if (!readVersion(&version))
        return false;
    if (version == target)
        return true;
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
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
    for (int from = version; from < target; ++from) {
        for (const QString &sql : steps.at(from)) {
            if (!exec(sql)) {
                rollback();
                return false;
            }
        }
    }
    if (!exec(u"PRAGMA user_version=%1"_s.arg(target)) || !exec(u"COMMIT"_s)) {
        rollback();
        return false;
    }
    return true;
}

} // namespace fleet
