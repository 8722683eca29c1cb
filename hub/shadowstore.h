#pragma once

#include "common/json.h"

#include "shadow/shadowdocument.h"
#include "shadow/shadowerror.h"
#include "store/databaselocation.h"

#include <QCache>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace fleet {

// fleet-hub's shadows in a SQLite file or a PostgreSQL database (Qt SQL), one row per shadow:
//   shadows(thing, shadow ('' for the classic shadow), document (ShadowDocument::toStored JSON), version)
//
// The database, not memory, is the truth: every update and delete runs in its own transaction (or in the
// batch's, see beginBatch()) that reads the row, applies the request and writes it back, so several
// fleet-hub processes on one database can neither lose an update nor hand out a version twice. (The
// documents the store keeps in memory only spare parsing a row it reads back unchanged: see m_documents.)
//   - SQLite: BEGIN IMMEDIATE serialises the writers of one file; busy_timeout makes a second process wait
//     for the first instead of failing. WAL with synchronous=FULL makes a COMMIT durable before it returns.
//   - PostgreSQL: the row is read FOR UPDATE, so a second hub waits for the first one's commit and then
//     applies its request to the committed document. Two hubs creating the same shadow at once both find
//     no row; the second INSERT fails on the key, and its request runs again and finds the row. A deadlock
//     between two batches is run again the same way (see batchLost()). synchronous_commit=on makes a
//     COMMIT durable before it returns.
// That is why the service publishes "accepted" only after commit: a kill -9 at any moment loses no
// accepted update and leaves no torn document.
//
// A deleted shadow keeps its row (exists: false) so that its version counter continues when it is recreated.
// AWS keeps the counter for 48 hours; the hub keeps it for good, which no client can tell apart from AWS.
//
// A row whose document cannot be read back (damaged JSON, wrong types) answers 500 for that shadow only and
// is never overwritten: an operator must look at it, and silently starting over would reuse versions.
//
// Not thread-safe: use an instance from the thread that opened it (Qt SQL connections are per thread).
class ShadowStore final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::ShadowStore)

public:
    // The schema this build writes; PRAGMA user_version holds the schema of a file. Older files are migrated
    // on open, newer ones are refused (an older hub must not write a schema it does not know).
    static constexpr int SchemaVersion = 1;
    static constexpr int DefaultBusyTimeoutMs = 5000;

    ShadowStore();
    ~ShadowStore();
    ShadowStore(const ShadowStore &) = delete;
    ShadowStore &operator=(const ShadowStore &) = delete;

    // How long a transaction waits for another connection's write lock before failing (500). Read at
    // open().
    void setBusyTimeout(int milliseconds) { m_busyTimeoutMs = milliseconds; }
    int busyTimeout() const { return m_busyTimeoutMs; }

    // How many times a request runs again after losing a race with another hub before it answers 500.
    static constexpr int ConflictAttempts = 10;

    // Opens (creating a file if needed) and migrates the database. Returns false with errorString() when
    // it cannot.
    bool open(const DatabaseLocation &location);
    // The same for a file path or a postgresql:// URL (one without a password).
    bool open(const QString &pathOrUrl);
    void close();
    bool isOpen() const { return m_open; }
    // The path, or the URL without a password.
    QString location() const { return m_location; }
    // Requests run again since open() because another hub wrote the same shadow at the same moment.
    qint64 conflictCount() const { return m_conflicts; }
    // The Qt SQL connection, unique per instance, so tests can inspect the same file through it.
    QString connectionName() const { return m_connectionName; }

    // Why the last call failed: a database error or a damaged row, for the log. Never sent on the wire
    // (the wire says only "Internal service failure").
    QString errorString() const { return m_error; }

    // The stored document: a default one (!exists(), version 0) when there is no row, 500 when the database
    // fails or the row is damaged.
    std::variant<ShadowDocument, ShadowError> load(const QString &thing, const QString &shadow);

    // /get: the get/accepted body, or 404 (thing or named-shadow text) / 500.
    std::variant<Json, ShadowError> get(const QString &thing, const QString &shadow,
                                        const std::optional<std::string> &clientToken, qint64 now);
    // /update: applies and commits, or returns the rejection (409, 413 from the document; 500). Nothing is
    // written when it returns an error.
    std::variant<ShadowDocument::UpdateResult, ShadowError>
    update(const QString &thing, const QString &shadow, const ShadowDocument::UpdateRequest &request,
           qint64 now);
    // /delete: the delete/accepted body once committed, or 404 / 500.
    std::variant<Json, ShadowError> remove(const QString &thing, const QString &shadow,
                                           const std::optional<std::string> &clientToken, qint64 now);

    // Group commit: between beginBatch() and commitBatch() every update and delete runs in one transaction,
    // so that a burst of requests costs one fsync instead of one each. A refused request (a conflict, a
    // damaged row) writes nothing and leaves the batch alone; a failed statement loses the batch
    // (batchLost()). The caller must not
    // publish any reply of the batch before commitBatch() returned true; when it returns false nothing of
    // the batch was written. beginBatch() returns false (errorString()) when the write lock cannot be had.
    bool beginBatch();
    bool commitBatch();
    bool inBatch() const { return m_inBatch; }
    // A statement failed inside the batch (a disk error, or a deadlock with another hub's batch on
    // PostgreSQL): the batch can only be rolled back whole. Every request since the failure answered 500;
    // the caller calls abortBatch(), forgets the batch's answers and runs its requests again one at a time,
    // each in a transaction of its own that retries a lost race on its own.
    bool batchLost() const { return m_batchLost; }
    void abortBatch();
    // In a batch, reads and locks the rows of the shadows the batch will update or delete in one statement,
    // in key order (PostgreSQL; nothing to do on SQLite). Optional: a request on a shadow not named here
    // locks its row itself. False (and the batch lost) when the statement fails.
    bool lockForBatch(const QList<std::pair<QString, QString>> &shadows);
    // PostgreSQL: a batch's updates and deletes are written here, not one statement each as they run (a
    // round trip per request): one UPDATE for the rows that existed and one INSERT for the new ones, in key
    // order. Reads in the batch see them before. False (and the batch lost, as for any failed statement:
    // a row another hub inserted meanwhile, say) when a statement fails. commitBatch() calls it too; the
    // service calls it first to learn whether the batch must run again. Nothing to do on SQLite, whose
    // statements cost no round trip.
    bool writeBatch();

    // The 404 of a shadow that does not exist: AWS words it differently for classic and named shadows.
    static ShadowError notFound(const QString &shadow);

    // The budget of the parsed-document cache (see m_documents), in bytes as estimated by cacheCost().
    static constexpr qsizetype DocumentCacheBytes = 64 * 1024 * 1024;
    // Rows read since open() whose document came from the cache instead of being parsed.
    qint64 cacheHits() const { return m_cacheHits; }

private:
    template<typename Result, typename Mutation>
    std::variant<Result, ShadowError> modify(const QString &thing, const QString &shadow, Mutation mutation);
    template<typename Result, typename Mutation>
    std::variant<Result, ShadowError> modifyOnce(const QString &thing, const QString &shadow,
                                                 Mutation &mutation);
    // forUpdate locks the row until the transaction ends (PostgreSQL; SQLite's write lock covers the file),
    // and takes the document out of the cache (the caller is about to change it) instead of copying it.
    std::optional<ShadowDocument> readRow(const QString &thing, const QString &shadow, bool forUpdate,
                                          bool *ok);
    // An UPDATE of the row read, or an INSERT when there was none (which fails, as a conflict, when another
    // hub inserted it meanwhile). *text is the document's stored text.
    bool writeRow(const QString &thing, const QString &shadow, const ShadowDocument &document, bool exists,
                  QString *text);
    // The document of a row's text: the cached one when the text is the one it was cached with, else
    // parsed (nullopt and *ok false when the row is damaged).
    std::optional<ShadowDocument> parseRow(const QString &thing, const QString &shadow, const QString &text,
                                           bool take, bool *ok);
    void remember(const QString &thing, const QString &shadow, QString text, ShadowDocument document);
    // text as a literal of the connection's SQL, quoted by the driver.
    QString quoted(const QString &text) const;
    static qsizetype cacheCost(const QString &text);
    enum class Statement { Select, SelectForUpdate, Update, Insert, Begin, Commit, Count };
    static QString statementText(Statement which);
    QSqlQuery &statement(Statement which);
    // Runs one of the statements that take no values (transaction control), prepared once on SQLite.
    bool run(Statement which);
    // sql in SQLite's spelling, translated for PostgreSQL (SqlSchema::translated).
    bool exec(const QString &sql);
    bool execText(const QString &sql);
    bool migrate();
    ShadowError fail(const QString &message);
    void rollback();

    QString m_location;
    QString m_connectionName;
    std::array<std::unique_ptr<QSqlQuery>, size_t(Statement::Count)> m_statements;
    // What lockForBatch() read: each shadow's stored text (nullopt when it has no row), taken by its first
    // request in the batch.
    QHash<std::pair<QString, QString>, std::optional<QString>> m_locked;
    // The rows writeBatch() is to write: the last text of each shadow the batch changed, and whether its row
    // is new (INSERT) or was there (UPDATE).
    struct StagedRow
    {
        QString text;
        qint64 version = 0;
        bool insert = false;
    };
    QHash<std::pair<QString, QString>, StagedRow> m_staged;
    // The documents this hub last wrote, parsed, by shadow, with the exact text of the row they were written
    // as. A row read back with that same text holds that same document, so parsing it again is skipped (it
    // was a third of the store's CPU per update); a row with any other text (another hub wrote it, a batch
    // was rolled back) is parsed as before. The database stays the truth: the cache is only ever consulted
    // with a row just read. Bounded by DocumentCacheBytes; the least recently used go first.
    struct CachedDocument
    {
        QString text;
        ShadowDocument document;
    };
    QCache<std::pair<QString, QString>, CachedDocument> m_documents{DocumentCacheBytes};
    qint64 m_cacheHits = 0;
    QString m_error;
    int m_busyTimeoutMs = DefaultBusyTimeoutMs;
    qint64 m_conflicts = 0;
    bool m_open = false;
    bool m_postgres = false;
    bool m_inBatch = false;
    bool m_batchLost = false;
    // The last failed statement lost a race with another connection (SqlSchema::isConflict).
    bool m_conflict = false;
    // A statement of the current request failed (rather than the request being refused).
    bool m_statementFailed = false;
};

} // namespace fleet
