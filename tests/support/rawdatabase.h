#pragma once

#include <QString>
#include <QVariant>

namespace fleet::test {

// A plain Qt SQL connection to a hub's database (a SQLite file or a postgresql:// URL), next to the store's
// own, as another process would have one: to look at rows, damage them, or hold the write lock.
class RawDatabase final
{
public:
    explicit RawDatabase(const QString &location);
    ~RawDatabase();
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    bool isOpen() const { return m_open; }
    QString connectionName() const { return m_name; }
    bool isPostgres() const;

    // Runs one statement; warns with the driver's text and returns false when it fails.
    bool exec(const QString &sql);
    // The first column of the first row, or an invalid QVariant.
    QVariant value(const QString &sql);
    // Takes what a writer of table needs and keeps it until rollback(): SQLite's write lock (BEGIN
    // IMMEDIATE), or PostgreSQL's EXCLUSIVE table lock, which lets readers through as SQLite's WAL does.
    bool lockForWriting(const QString &table);
    bool rollback() { return exec(QStringLiteral("ROLLBACK")); }
    // The schema version recorded for a store: the file's PRAGMA user_version, or the store's row of
    // fleet_schema on PostgreSQL (storeKey). -1 when there is none.
    int schemaVersion(const QString &storeKey);
    // Records version as the schema of the store, as a newer program would have.
    bool setSchemaVersion(const QString &storeKey, int version);

private:
    QString m_name;
    bool m_open = false;
};

} // namespace fleet::test
