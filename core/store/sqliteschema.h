#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlError;

namespace fleet {

// What every SQLite file of the project (fleet-hub's shadows, the console's ledger) does the same way: the
// versioned schema kept in PRAGMA user_version, and error texts and bind values that Qt SQL gets wrong by
// default.
class SqliteSchema final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::SqliteSchema)

public:
    // Brings the file on connection `connectionName` to schema `target`: steps[v] are the statements from
    // version v to v + 1. All of it runs in one BEGIN IMMEDIATE transaction, with the version read again
    // under the lock (another process on the same file may have migrated it meanwhile), and user_version is
    // part of the transaction, so a crash leaves either the old schema with the old number or the new one
    // with the new number. A newer file is refused with newerMessage (%1: the file's schema, %2: target).
    // False with *error set when it cannot.
    static bool migrate(const QString &connectionName, int target, const QList<QStringList> &steps,
                        const QString &newerMessage, QString *error);

    // Opens path (the folder must exist) as connection connectionName, durable as both of the project's
    // stores need it: the busy timeout for other connections' locks, write-ahead logging (refused rather than
    // run in another journal mode, which some file systems silently keep), synchronous=FULL so that every
    // COMMIT is on disk when it returns. Switching a new file to WAL needs an exclusive lock, and SQLite
    // answers "database is locked" at once, without its busy handler, while another process opens the same
    // file: that is retried for the busy timeout. False with *error set, and no connection left, on failure.
    static bool openWal(const QString &connectionName, const QString &path, int busyTimeoutMs,
                        QString *error);
    // Closes and forgets the connection, if there is one.
    static void close(const QString &connectionName);
    // Runs one statement; false with *error set.
    static bool exec(const QString &connectionName, const QString &sql, QString *error);

    // The driver's text, or a generic one when it has none.
    static QString errorText(const QSqlError &error);
    // Qt binds a null QString as SQL NULL, which NOT NULL columns refuse (and which never equals ''), so
    // text is bound through this.
    static QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }
};

} // namespace fleet
