#include "shadowstore.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "store/sqlschema.h"

#include <QAtomicInteger>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <exception>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Each entry brings a file from schema N to N + 1 (index N). Never edit a released entry: append a new one,
// so that every existing file walks the same path.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 -> 1
        {u"CREATE TABLE shadows ("
         "thing TEXT NOT NULL, "
         "shadow TEXT NOT NULL, " // '' for the classic shadow
         "document TEXT NOT NULL, "
         "version INTEGER NOT NULL, "
         "PRIMARY KEY (thing, shadow))"_s},
    };
    return steps;
}

QString describe(const QString &thing, const QString &shadow)
{
    return shadow.isEmpty() ? ShadowStore::tr("the classic shadow of \"%1\"").arg(thing)
                            : ShadowStore::tr("shadow \"%1\" of \"%2\"").arg(shadow, thing);
}

} // namespace

ShadowStore::ShadowStore()
{
    // Qt SQL keys connections by name in a process-wide registry: two stores (two hubs in one test, or a
    // store reopened while an old handle lingers) must never share one.
    static QAtomicInteger<quint64> counter;
    m_connectionName = u"fleet-hub-shadowstore-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

ShadowStore::~ShadowStore()
{
    close();
}

bool ShadowStore::open(const DatabaseLocation &location)
{
    close();
    m_error.clear();
    m_location = location.displayName();
    // Several hubs may share the database (and open it at the same moment): SqlSchema's busy timeout, WAL
    // switch retry and migration lock are what let them.
    QString reason;
    if (!SqlSchema::open(m_connectionName, location, m_busyTimeoutMs, &reason)) {
        m_error = tr("Cannot use \"%1\" as a database: %2").arg(m_location, reason);
        return false;
    }
    m_open = true;
    m_postgres = location.isPostgres();
    m_conflicts = 0;
    m_cacheHits = 0;
    if (!migrate()) {
        reason = m_error;
        close();
        m_error = tr("Cannot use \"%1\" as a database: %2").arg(m_location, reason);
        return false;
    }
    return true;
}

bool ShadowStore::open(const QString &pathOrUrl)
{
    close();
    const std::optional<DatabaseLocation> location = DatabaseLocation::parse(pathOrUrl, &m_error);
    return location && open(*location);
}

void ShadowStore::close()
{
    for (auto &statement : m_statements)
        statement.reset();
    SqlSchema::close(m_connectionName);
    m_open = false;
    m_inBatch = false; // closing without COMMIT rolls the batch back
    m_locked.clear();
    m_staged.clear();
    m_documents.clear();
    m_batchLost = false;
}

bool ShadowStore::run(Statement which)
{
    // PostgreSQL prepares only queries (PREPARE takes no transaction control): its statements of this kind
    // are sent as text.
    if (m_postgres)
        return execText(which == Statement::Begin ? u"BEGIN"_s : statementText(which));
    QSqlQuery &query = statement(which);
    if (query.exec())
        return true;
    m_error = SqlSchema::errorText(query.lastError());
    m_conflict = SqlSchema::isConflict(query.lastError());
    return false;
}

bool ShadowStore::exec(const QString &sql)
{
    return execText(m_postgres ? SqlSchema::translated(m_connectionName, sql) : sql);
}

bool ShadowStore::execText(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(sql))
        return true;
    m_error = SqlSchema::errorText(query.lastError());
    m_conflict = SqlSchema::isConflict(query.lastError());
    return false;
}

void ShadowStore::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
}

bool ShadowStore::beginBatch()
{
    if (!m_open) {
        m_error = tr("The database is not open.");
        return false;
    }
    if (m_inBatch)
        return true;
    if (!run(Statement::Begin))
        return false;
    m_inBatch = true;
    m_batchLost = false;
    m_locked.clear();
    m_staged.clear();
    return true;
}

void ShadowStore::abortBatch()
{
    m_locked.clear();
    m_staged.clear();
    if (!m_inBatch)
        return;
    rollback();
    m_inBatch = false;
    m_batchLost = false;
}

bool ShadowStore::commitBatch()
{
    m_locked.clear();
    if (!m_inBatch)
        return true;
    writeBatch();
    m_inBatch = false;
    if (m_batchLost) {
        m_batchLost = false;
        rollback();
        m_error = tr("A statement failed in the batch, which was rolled back.");
        return false;
    }
    if (!run(Statement::Commit)) {
        const QString reason = m_error;
        rollback();
        m_error = tr("Committing a batch of requests failed: %1").arg(reason);
        return false;
    }
    return true;
}

bool ShadowStore::writeBatch()
{
    if (m_staged.isEmpty())
        return !m_batchLost;
    const auto staged = std::exchange(m_staged, {});
    if (m_batchLost)
        return false;
    // Written out, like lockForBatch(): the number of rows varies. Key order, as every hub locks: two
    // batches inserting the same new shadows wait for each other instead of deadlocking.
    QList<std::pair<QString, QString>> keys = staged.keys();
    std::sort(keys.begin(), keys.end());
    // One arg() call for all four: a chained arg() would also replace a "%4" inside a device's text.
    QStringList updates;
    QStringList inserts;
    for (const auto &key : std::as_const(keys)) {
        const StagedRow &row = staged[key];
        (row.insert ? inserts : updates)
            .append(u"(%1, %2, %3, %4)"_s.arg(quoted(key.first), quoted(key.second), quoted(row.text),
                                              QString::number(row.version)));
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const auto failed = [&] {
        m_conflict = SqlSchema::isConflict(query.lastError());
        m_error = tr("Writing the batch's %1 shadows failed: %2")
                      .arg(staged.size())
                      .arg(SqlSchema::errorText(query.lastError()));
        m_batchLost = true;
        return false;
    };
    // Every row was read FOR UPDATE in this transaction, so each is there to update and none waits.
    if (!updates.isEmpty() &&
        !query.exec(u"UPDATE shadows AS s SET document = v.document, version = v.version "
                    "FROM (VALUES %1) AS v(thing, shadow, document, version) "
                    "WHERE s.thing = v.thing AND s.shadow = v.shadow"_s.arg(updates.join(u", "_s))))
        return failed();
    if (!updates.isEmpty() && query.numRowsAffected() != updates.size()) {
        m_error = tr("Writing the batch's shadows updated %1 rows of %2.")
                      .arg(query.numRowsAffected())
                      .arg(updates.size());
        m_batchLost = true;
        return false;
    }
    // A new row another hub inserted meanwhile fails on the key: the batch runs again (batchLost()).
    if (!inserts.isEmpty() &&
        !query.exec(
            u"INSERT INTO shadows (thing, shadow, document, version) VALUES %1"_s.arg(inserts.join(u", "_s))))
        return failed();
    return true;
}

bool ShadowStore::migrate()
{
    return SqlSchema::migrate(m_connectionName, u"fleet-hub-shadows"_s, SchemaVersion, migrations(),
                              tr("it was written by a newer fleet-hub (schema %1; this one knows up to %2)."),
                              &m_error);
}

ShadowError ShadowStore::fail(const QString &message)
{
    m_error = message;
    return ShadowError::internal();
}

ShadowError ShadowStore::notFound(const QString &shadow)
{
    return shadow.isEmpty() ? ShadowError::thingNotFound() : ShadowError::noNamedShadow(shadow);
}

QString ShadowStore::statementText(Statement which)
{
    static const QString texts[] = {
        u"SELECT document FROM shadows WHERE thing = ? AND shadow = ?"_s,
        u"SELECT document FROM shadows WHERE thing = ? AND shadow = ? FOR UPDATE"_s,
        u"UPDATE shadows SET document = ?, version = ? WHERE thing = ? AND shadow = ?"_s,
        u"INSERT INTO shadows (document, version, thing, shadow) VALUES (?, ?, ?, ?)"_s,
        u"BEGIN IMMEDIATE"_s,
        u"COMMIT"_s,
    };
    return texts[size_t(which)];
}

QSqlQuery &ShadowStore::statement(Statement which)
{
    // Prepared once per connection and run again with new values: on PostgreSQL a QSqlQuery that goes out
    // of scope costs a DEALLOCATE round trip (which also fails, noisily, inside an aborted transaction).
    std::unique_ptr<QSqlQuery> &slot = m_statements[size_t(which)];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        slot->setForwardOnly(true);
        // A failed prepare shows as a failed exec() with the same error, where it is reported.
        slot->prepare(statementText(which));
    }
    return *slot;
}

// nullopt with *ok true: no row. nullopt with *ok false: m_error says why (database error or damaged row).
std::optional<ShadowDocument> ShadowStore::readRow(const QString &thing, const QString &shadow,
                                                   bool forUpdate, bool *ok)
{
    *ok = false;
    // What the batch changed and has not written yet (writeBatch()) is newer than the table.
    if (const auto it = m_staged.constFind({thing, shadow}); it != m_staged.cend())
        return parseRow(thing, shadow, it->text, forUpdate, ok);
    QSqlQuery &query = statement(forUpdate && m_postgres ? Statement::SelectForUpdate : Statement::Select);
    query.addBindValue(SqlSchema::notNull(thing));
    query.addBindValue(SqlSchema::notNull(shadow));
    if (!query.exec()) {
        m_statementFailed = true;
        m_conflict = SqlSchema::isConflict(query.lastError());
        m_error =
            tr("Reading %1 failed: %2").arg(describe(thing, shadow), SqlSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        if (query.lastError().isValid()) {
            m_statementFailed = true;
            m_error = tr("Reading %1 failed: %2")
                          .arg(describe(thing, shadow), SqlSchema::errorText(query.lastError()));
            return std::nullopt;
        }
        *ok = true;
        return std::nullopt;
    }
    const QString text = query.value(0).toString();
    query.finish();
    return parseRow(thing, shadow, text, forUpdate, ok);
}

std::optional<ShadowDocument> ShadowStore::parseRow(const QString &thing, const QString &shadow,
                                                    const QString &text, bool take, bool *ok)
{
    *ok = false;
    const std::pair<QString, QString> key{thing, shadow};
    if (CachedDocument *cached = m_documents.object(key); cached && cached->text == text) {
        ++m_cacheHits;
        *ok = true;
        if (!take)
            return cached->document;
        std::optional<ShadowDocument> document = std::move(cached->document);
        m_documents.remove(key);
        return document;
    }
    // No exceptions: a damaged row is an expected condition here, reported rather than thrown.
    const std::optional<Json> json = NetworkJson::parse(
        text.toUtf8(), {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth});
    std::optional<ShadowDocument> document;
    if (json)
        document = ShadowDocument::fromStored(std::move(*json));
    if (!document) {
        m_error =
            tr("The stored document of %1 is damaged; it is left as it is.").arg(describe(thing, shadow));
        return std::nullopt;
    }
    *ok = true;
    return document;
}

qsizetype ShadowStore::cacheCost(const QString &text)
{
    // The text in UTF-16, the parsed tree and the section texts the document keeps: about ten bytes per
    // character of the row (an estimate; the tree's nodes and strings are each a heap block), and the key.
    return 256 + text.size() * 10;
}

void ShadowStore::remember(const QString &thing, const QString &shadow, QString text, ShadowDocument document)
{
    const qsizetype cost = cacheCost(text);
    // insert() drops the least recently used entries to make room (or refuses, and deletes, an entry that
    // could never fit).
    m_documents.insert({thing, shadow}, new CachedDocument{std::move(text), std::move(document)}, cost);
}

QString ShadowStore::quoted(const QString &text) const
{
    QSqlField field(QString(), QMetaType(QMetaType::QString));
    field.setValue(SqlSchema::notNull(text));
    return QSqlDatabase::database(m_connectionName, false).driver()->formatValue(field);
}

bool ShadowStore::lockForBatch(const QList<std::pair<QString, QString>> &shadows)
{
    // SQLite's batch holds the file's write lock already; a row lock per request costs nothing there.
    if (!m_inBatch || !m_postgres || shadows.isEmpty())
        return true;
    // One statement instead of a SELECT … FOR UPDATE per request: a round trip each on PostgreSQL. The rows
    // are locked in the order of their key, which every hub's batch follows, so two batches wait for each
    // other instead of deadlocking. Written out rather than prepared: a batch's size varies, and Qt's driver
    // would PREPARE (one more round trip) for every new size; the values are quoted by the driver.
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QStringList keys;
    QSet<std::pair<QString, QString>> wanted;
    for (const auto &key : shadows) {
        // A shadow this batch changed already is locked, and newer in m_staged than in the table.
        if (wanted.contains(key) || m_staged.contains(key))
            continue;
        wanted.insert(key);
        keys.append(u"(%1, %2)"_s.arg(quoted(key.first), quoted(key.second)));
    }
    if (keys.isEmpty())
        return true;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT thing, shadow, document FROM shadows WHERE (thing, shadow) IN (VALUES %1) "
                    "ORDER BY thing, shadow FOR UPDATE"_s.arg(keys.join(u", "_s)))) {
        m_error = tr("Locking the batch's shadows failed: %1").arg(SqlSchema::errorText(query.lastError()));
        m_batchLost = true;
        return false;
    }
    m_locked.clear();
    while (query.next())
        m_locked.insert({query.value(0).toString(), query.value(1).toString()}, query.value(2).toString());
    // A key without a row: none existed when the batch looked; its INSERT fails, as a conflict, if another
    // hub creates the row meanwhile.
    for (const auto &key : std::as_const(wanted)) {
        if (!m_locked.contains(key))
            m_locked.insert(key, std::nullopt);
    }
    return true;
}

bool ShadowStore::writeRow(const QString &thing, const QString &shadow, const ShadowDocument &document,
                           bool exists, QString *storedText)
{
    QString &text = *storedText;
    try {
        text = QString::fromStdString(document.storedText());
    } catch (const std::exception &e) {
        // Only memory can run out here: the texts replace invalid UTF-8 rather than throw, and none gets in
        // (parseUpdate() refuses it, and parsing a stored row validates it).
        m_error = tr("Cannot serialise %1: %2").arg(describe(thing, shadow), QString::fromUtf8(e.what()));
        return false;
    }
    if (m_inBatch && m_postgres) {
        // Written with the rest of the batch (writeBatch()); a row new to the table stays an INSERT
        // however many requests of the batch change it.
        const auto it = m_staged.find({thing, shadow});
        if (it == m_staged.end())
            m_staged.insert({thing, shadow}, {text, document.version(), !exists});
        else
            *it = {text, document.version(), it->insert};
        return true;
    }
    // No upsert: an INSERT that meets a row another hub created meanwhile must fail (and run again), not
    // overwrite that hub's committed version.
    QSqlQuery &query = statement(exists ? Statement::Update : Statement::Insert);
    query.addBindValue(text);
    query.addBindValue(document.version());
    query.addBindValue(SqlSchema::notNull(thing));
    query.addBindValue(SqlSchema::notNull(shadow));
    if (!query.exec()) {
        m_statementFailed = true;
        m_conflict = SqlSchema::isConflict(query.lastError());
        m_error =
            tr("Writing %1 failed: %2").arg(describe(thing, shadow), SqlSchema::errorText(query.lastError()));
        return false;
    }
    return true;
}

std::variant<ShadowDocument, ShadowError> ShadowStore::load(const QString &thing, const QString &shadow)
{
    if (!m_open)
        return fail(tr("The database is not open."));
    bool ok = false;
    std::optional<ShadowDocument> document = readRow(thing, shadow, false, &ok);
    if (!ok)
        return ShadowError::internal();
    return document.value_or(ShadowDocument());
}

std::variant<Json, ShadowError> ShadowStore::get(const QString &thing, const QString &shadow,
                                                 const std::optional<std::string> &clientToken, qint64 now)
{
    // A single SELECT in autocommit mode reads one committed snapshot (WAL readers never wait for writers),
    // so no explicit transaction is needed.
    auto loaded = load(thing, shadow);
    if (auto *error = std::get_if<ShadowError>(&loaded))
        return *error;
    const auto &document = std::get<ShadowDocument>(loaded);
    if (!document.exists())
        return notFound(shadow);
    return document.getAccepted(clientToken, now);
}

// The read-modify-write of one shadow in one transaction (or in the batch's). mutation(document)
// returns the Result to commit or a ShadowError to roll back. A request that loses a race with another hub
// (SqlSchema::isConflict) runs again on the document that hub committed.
template<typename Result, typename Mutation>
std::variant<Result, ShadowError> ShadowStore::modify(const QString &thing, const QString &shadow,
                                                      Mutation mutation)
{
    if (!m_open)
        return fail(tr("The database is not open."));
    if (m_batchLost)
        return fail(tr("The batch was lost to a failed statement; %1 waits for it to run again.")
                        .arg(describe(thing, shadow)));
    for (int attempt = 1;; ++attempt) {
        m_conflict = false;
        auto outcome = modifyOnce<Result>(thing, shadow, mutation);
        if (!m_conflict)
            return outcome;
        if (m_inBatch) {
            // The rows this batch locked before are still locked, and the other hub may be waiting for one
            // of them: running the request again would only meet it again. The batch goes whole.
            m_batchLost = true;
            return outcome;
        }
        if (attempt == ConflictAttempts)
            return fail(tr("%1 lost %2 races with other hubs in a row: %3")
                            .arg(describe(thing, shadow))
                            .arg(ConflictAttempts)
                            .arg(m_error));
        ++m_conflicts;
    }
}

template<typename Result, typename Mutation>
std::variant<Result, ShadowError> ShadowStore::modifyOnce(const QString &thing, const QString &shadow,
                                                          Mutation &mutation)
{
    // IMMEDIATE (SQLite) takes the write lock up front. A deferred BEGIN would start as a reader and fail
    // with SQLITE_BUSY, without waiting, when it later tries to write while another hub holds the lock. In a
    // batch the transaction is already open, and the request runs in it without a savepoint of its own (on
    // PostgreSQL a savepoint would cost two more round trips per request).
    if (!m_inBatch && !run(Statement::Begin))
        return fail(tr("Cannot start a transaction for %1: %2").arg(describe(thing, shadow), m_error));
    // A refusal (a version conflict, a damaged row) has written nothing. Outside a batch the request's own
    // transaction ends; inside one there is nothing to undo.
    const auto refuse = [this] {
        if (!m_inBatch)
            rollback();
    };
    // A statement that failed may have written part of the request, and on PostgreSQL it aborted the
    // transaction: outside a batch the transaction goes; inside one the whole batch is lost and runs again
    // one request at a time (batchLost()).
    const auto abandon = [this] {
        if (m_inBatch)
            m_batchLost = true;
        else
            rollback();
    };
    m_statementFailed = false;
    bool ok = false;
    std::optional<ShadowDocument> stored;
    // The row as lockForBatch() read and locked it, once: a second request on the same shadow in the batch
    // reads it again, with this one's write.
    if (const auto it = m_locked.find({thing, shadow}); m_inBatch && it != m_locked.end()) {
        const std::optional<QString> text = std::move(it.value());
        m_locked.erase(it);
        ok = true;
        if (text)
            stored = parseRow(thing, shadow, *text, true, &ok);
    } else {
        stored = readRow(thing, shadow, true, &ok);
    }
    if (!ok) {
        m_statementFailed ? abandon() : refuse();
        return ShadowError::internal();
    }
    const bool exists = stored.has_value();
    ShadowDocument document = std::move(stored).value_or(ShadowDocument());
    std::variant<Result, ShadowError> outcome = mutation(document);
    if (std::holds_alternative<ShadowError>(outcome)) {
        refuse();
        return outcome;
    }
    QString text;
    if (!writeRow(thing, shadow, document, exists, &text)) {
        m_statementFailed ? abandon() : refuse();
        return ShadowError::internal();
    }
    if (!m_inBatch && !run(Statement::Commit)) {
        // A COMMIT that fails leaves the transaction open in some cases (SQLITE_BUSY); end it so the next
        // request starts clean. Nothing of this update is visible, and nothing gets published.
        const QString reason = m_error;
        rollback();
        return fail(tr("Committing %1 failed: %2").arg(describe(thing, shadow), reason));
    }
    // Also while the batch is open: should it be rolled back, the row keeps its old text, which no longer
    // matches, and is parsed again.
    remember(thing, shadow, std::move(text), std::move(document));
    return outcome;
}

std::variant<ShadowDocument::UpdateResult, ShadowError>
ShadowStore::update(const QString &thing, const QString &shadow, const ShadowDocument::UpdateRequest &request,
                    qint64 now)
{
    return modify<ShadowDocument::UpdateResult>(
        thing, shadow, [&](ShadowDocument &document) { return document.apply(request, now); });
}

std::variant<Json, ShadowError> ShadowStore::remove(const QString &thing, const QString &shadow,
                                                    const std::optional<std::string> &clientToken, qint64 now)
{
    return modify<Json>(thing, shadow, [&](ShadowDocument &document) -> std::variant<Json, ShadowError> {
        if (!document.exists())
            return notFound(shadow);
        return document.remove(clientToken, now);
    });
}

} // namespace fleet
