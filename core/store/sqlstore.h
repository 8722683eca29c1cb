#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace fleet {

class DatabaseLocation;

// What fleet-hub's stores of their own (the gate's, the AWS IoT commands', the twins') do alike: a connection
// of their own to a SQLite file or a PostgreSQL database, opened durable and migrated (SqlSchema), and one
// explicit transaction per batch of writes (one fsync for the messages that arrived together). A store
// derives from it and adds its queries, which use m_connectionName and report through m_error.
//
// Not thread-safe; one instance per thread that opened it.
class SqlStore
{
public:
    SqlStore(const SqlStore &) = delete;
    SqlStore &operator=(const SqlStore &) = delete;

    void close();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    // The Qt SQL connection, unique per instance, so that tests can inspect the same file through it.
    QString connectionName() const { return m_connectionName; }

    // One transaction for a batch of writes. Nothing may be published for the batch before commit()
    // returned true; a failed commit is rolled back.
    bool begin();
    bool commit();
    void rollback();
    // Whether a batch's transaction is open: a reader must not see (and publish) rows it may roll back.
    bool inTransaction() const { return m_inTransaction; }

protected:
    // How the store names itself in its errors, in its own words (and translation context).
    struct Texts
    {
        QString newerSchema; // %1 the file's schema, %2 the newest this build knows
        QString cannotUse;   // %1 the path, %2 why
        QString notOpen;
        QString commitFailed; // %1 why
    };

    // connectionPrefix names the store's connections (a counter makes each unique), and its schema's row
    // on PostgreSQL.
    SqlStore(const QString &connectionPrefix, Texts texts);
    ~SqlStore();

    // Opens (creating a file if needed) and migrates the database to schemaVersion. False with
    // errorString().
    bool openDatabase(const DatabaseLocation &location, int schemaVersion,
                      const QList<QStringList> &migrations);
    // The same for a file path or a postgresql:// URL (one without a password).
    bool openDatabase(const QString &pathOrUrl, int schemaVersion, const QList<QStringList> &migrations);
    bool exec(const QString &sql);

    QString m_connectionName;
    QString m_error;

private:
    Texts m_texts;
    QString m_schemaKey;
    bool m_open = false;
    bool m_inTransaction = false;
};

} // namespace fleet
