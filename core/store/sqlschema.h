#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlError;

namespace fleet {
class DatabaseLocation;
}

namespace fleet {

// What every database of the project (fleet-hub's stores, the console's ledger) does the same way: opening
// it durable, the versioned schema, the SQL the two engines spell differently, and error texts and bind
// values that Qt SQL gets wrong by default.
//
// Two engines: SQLite files (the schema version in PRAGMA user_version), and for fleet-hub PostgreSQL, where
// the stores share one database and each keeps its version in a row of fleet_schema. Statements are written
// in SQLite's spelling and translated (translated()) for PostgreSQL, so that a store has one set of
// migrations and every released step stays as it was for existing files.
class SqlSchema final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::SqlSchema)

public:
    // Brings the file on connection `connectionName` to schema `target`: steps[v] are the statements from
    // version v to v + 1. All of it runs in one BEGIN IMMEDIATE transaction, with the version read again
    // under the lock (another process on the same file may have migrated it meanwhile), and user_version is
    // part of the transaction, so a crash leaves either the old schema with the old number or the new one
    // with the new number. A newer file is refused with newerMessage (%1: the file's schema, %2: target).
    // False with *error set when it cannot.
    // On PostgreSQL the same happens under a transaction-scoped advisory lock, so that hubs starting together
    // on one database migrate it once; storeKey names the store's row in fleet_schema.
    static bool migrate(const QString &connectionName, const QString &storeKey, int target,
                        const QList<QStringList> &steps, const QString &newerMessage, QString *error);

    // Opens location as connection connectionName: openWal() for a file; for PostgreSQL, a QPSQL connection
    // with synchronous_commit on (a COMMIT returns once it is durable, whatever the server's default) and
    // lock_timeout = busyTimeoutMs (a row another hub holds is waited for that long, then the request
    // fails with 500 rather than hanging). False with *error set, and no connection left, on failure.
    static bool open(const QString &connectionName, const DatabaseLocation &location, int busyTimeoutMs,
                     QString *error);
    static bool isPostgres(const QString &connectionName);
    // sql in the engine's spelling: for PostgreSQL, 64-bit INTEGER columns (SQLite's are), BYTEA for BLOB,
    // a sequence for AUTOINCREMENT, and BEGIN for BEGIN IMMEDIATE (row locks do the rest there).
    static QString translated(const QString &connectionName, const QString &sql);
    // Whether a failed statement lost a race with another connection and the transaction may simply be run
    // again: a deadlock, a serialisation failure, or a row another hub inserted first (PostgreSQL's
    // SQLSTATEs 40P01, 40001 and 23505).
    static bool isConflict(const QSqlError &error);

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

    // INSERT … ON CONFLICT (keys) DO UPDATE SET every other column: a write that replaces the row with that
    // key, spelled the same in both engines (SQLite's INSERT OR REPLACE is not PostgreSQL), with one ?
    // per column in the order given.
    static QString upsert(const QString &table, const QStringList &columns, const QStringList &keys);

    // The driver's text, or a generic one when it has none.
    static QString errorText(const QSqlError &error);
    // Qt binds a null QString as SQL NULL, which NOT NULL columns refuse (and which never equals ''), so
    // text is bound through this.
    static QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }
};

} // namespace fleet
