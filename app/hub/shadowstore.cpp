#include "shadowstore.h"

#include "store/sqliteschema.h"

#include <QAtomicInteger>
#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

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

bool ShadowStore::open(const QString &path)
{
    close();
    m_error.clear();
    m_path = path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        if (!db.isValid()) {
            m_error = tr("The Qt SQLite driver (QSQLITE) is not available.");
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
        db.setDatabaseName(path);
        // SQLite's busy handler: a writer waits this long for another connection's lock, which is what lets
        // two hubs share one file without failing each other's requests.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(std::max(0, m_busyTimeoutMs)));
        if (!db.open()) {
            m_error =
                tr("Cannot open the database \"%1\": %2").arg(path, SqliteSchema::errorText(db.lastError()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
    }
    m_open = true;

    // journal_mode answers with the mode in force: a file that cannot do WAL (some network file systems)
    // would silently stay in rollback mode, which we refuse rather than run with other durability rules.
    QString mode;
    QString reason;
    // Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked" at once,
    // without its busy handler, while another hub opens the same file: retry for the busy timeout.
    QDeadlineTimer deadline(std::max(0, m_busyTimeoutMs));
    while (mode.isEmpty()) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (query.exec(u"PRAGMA journal_mode=WAL"_s) && query.next()) {
            mode = query.value(0).toString();
            break;
        }
        reason = SqliteSchema::errorText(query.lastError());
        if (!reason.contains(u"locked"_s, Qt::CaseInsensitive) || deadline.hasExpired())
            break;
        QThread::msleep(20);
    }
    if (mode.isEmpty()) {
        close();
        m_error = tr("Cannot use \"%1\" as a database: %2").arg(path, reason);
        return false;
    }
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        close();
        m_error =
            tr("\"%1\" cannot be switched to write-ahead logging (journal mode is %2).").arg(path, mode);
        return false;
    }
    // FULL: every COMMIT is on disk (the WAL fsynced) before it returns; NORMAL could lose the last
    // transactions on power loss, i.e. updates whose "accepted" was already published.
    if (!exec(u"PRAGMA synchronous=FULL"_s) || !migrate()) {
        const QString reason = m_error;
        close();
        m_error = tr("Cannot use \"%1\" as a database: %2").arg(path, reason);
        return false;
    }
    return true;
}

void ShadowStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
    m_inBatch = false; // closing without COMMIT rolls the batch back
}

bool ShadowStore::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        m_error = SqliteSchema::errorText(query.lastError());
        return false;
    }
    return true;
}

void ShadowStore::rollback()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK"_s);
}

// Undoes the current request only: its savepoint in a batch, else its whole transaction.
void ShadowStore::rollbackRequest()
{
    if (!m_inBatch)
        return rollback();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(u"ROLLBACK TO request"_s);
    query.exec(u"RELEASE request"_s);
}

bool ShadowStore::beginBatch()
{
    if (!m_open) {
        m_error = tr("The database is not open.");
        return false;
    }
    if (m_inBatch)
        return true;
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
    m_inBatch = true;
    return true;
}

bool ShadowStore::commitBatch()
{
    if (!m_inBatch)
        return true;
    m_inBatch = false;
    if (!exec(u"COMMIT"_s)) {
        const QString reason = m_error;
        rollback();
        m_error = tr("Committing a batch of requests failed: %1").arg(reason);
        return false;
    }
    return true;
}

bool ShadowStore::migrate()
{
    return SqliteSchema::migrate(
        m_connectionName, SchemaVersion, migrations(),
        tr("it was written by a newer fleet-hub (schema %1; this one knows up to %2)."), &m_error);
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

// nullopt with *ok true: no row. nullopt with *ok false: m_error says why (database error or damaged row).
std::optional<ShadowDocument> ShadowStore::readRow(const QString &thing, const QString &shadow, bool *ok)
{
    *ok = false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT document FROM shadows WHERE thing = ? AND shadow = ?"_s);
    query.addBindValue(SqliteSchema::notNull(thing));
    query.addBindValue(SqliteSchema::notNull(shadow));
    if (!query.exec()) {
        m_error = tr("Reading %1 failed: %2")
                      .arg(describe(thing, shadow), SqliteSchema::errorText(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        if (query.lastError().isValid()) {
            m_error = tr("Reading %1 failed: %2")
                          .arg(describe(thing, shadow), SqliteSchema::errorText(query.lastError()));
            return std::nullopt;
        }
        *ok = true;
        return std::nullopt;
    }
    const QByteArray text = query.value(0).toString().toUtf8();
    query.finish();
    // No exceptions: a damaged row is an expected condition here, reported rather than thrown.
    const auto json = ShadowDocument::Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    std::optional<ShadowDocument> document;
    if (!json.is_discarded())
        document = ShadowDocument::fromStored(json);
    if (!document) {
        m_error =
            tr("The stored document of %1 is damaged; it is left as it is.").arg(describe(thing, shadow));
        return std::nullopt;
    }
    *ok = true;
    return document;
}

bool ShadowStore::writeRow(const QString &thing, const QString &shadow, const ShadowDocument &document)
{
    QString text;
    try {
        text = QString::fromStdString(document.toStored().dump());
    } catch (const std::exception &e) {
        // dump() throws on invalid UTF-8; parseUpdate() refuses that first, so this is a bug, not input.
        m_error = tr("Cannot serialise %1: %2").arg(describe(thing, shadow), QString::fromUtf8(e.what()));
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO shadows (thing, shadow, document, version) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (thing, shadow) DO UPDATE SET document = excluded.document, "
                  "version = excluded.version"_s);
    query.addBindValue(SqliteSchema::notNull(thing));
    query.addBindValue(SqliteSchema::notNull(shadow));
    query.addBindValue(text);
    query.addBindValue(document.version());
    if (!query.exec()) {
        m_error = tr("Writing %1 failed: %2")
                      .arg(describe(thing, shadow), SqliteSchema::errorText(query.lastError()));
        return false;
    }
    return true;
}

std::variant<ShadowDocument, ShadowError> ShadowStore::load(const QString &thing, const QString &shadow)
{
    if (!m_open)
        return fail(tr("The database is not open."));
    bool ok = false;
    std::optional<ShadowDocument> document = readRow(thing, shadow, &ok);
    if (!ok)
        return ShadowError::internal();
    return document.value_or(ShadowDocument());
}

std::variant<ShadowDocument::Json, ShadowError>
ShadowStore::get(const QString &thing, const QString &shadow, const std::optional<std::string> &clientToken,
                 qint64 now)
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

// The read-modify-write of one shadow in one BEGIN IMMEDIATE transaction. mutation(document) returns the
// Result to commit or a ShadowError to roll back.
template<typename Result, typename Mutation>
std::variant<Result, ShadowError> ShadowStore::modify(const QString &thing, const QString &shadow,
                                                      Mutation mutation)
{
    if (!m_open)
        return fail(tr("The database is not open."));
    // IMMEDIATE takes the write lock up front. A deferred BEGIN would start as a reader and fail with
    // SQLITE_BUSY, without waiting, when it later tries to write while another hub holds the lock. In a batch
    // the lock is already held; a savepoint lets this request fail alone.
    if (!exec(m_inBatch ? u"SAVEPOINT request"_s : u"BEGIN IMMEDIATE"_s))
        return fail(tr("Cannot start a transaction for %1: %2").arg(describe(thing, shadow), m_error));
    const auto rollback = [this] { rollbackRequest(); };
    bool ok = false;
    std::optional<ShadowDocument> stored = readRow(thing, shadow, &ok);
    if (!ok) {
        rollback();
        return ShadowError::internal();
    }
    ShadowDocument document = stored.value_or(ShadowDocument());
    std::variant<Result, ShadowError> outcome = mutation(document);
    if (std::holds_alternative<ShadowError>(outcome)) {
        rollback();
        return outcome;
    }
    if (!writeRow(thing, shadow, document)) {
        rollback();
        return ShadowError::internal();
    }
    if (!exec(m_inBatch ? u"RELEASE request"_s : u"COMMIT"_s)) {
        // A COMMIT that fails leaves the transaction open in some cases (SQLITE_BUSY); end it so the next
        // request starts clean. Nothing of this update is visible, and nothing gets published.
        const QString reason = m_error;
        rollback();
        return fail(tr("Committing %1 failed: %2").arg(describe(thing, shadow), reason));
    }
    return outcome;
}

std::variant<ShadowDocument::UpdateResult, ShadowError>
ShadowStore::update(const QString &thing, const QString &shadow, const ShadowDocument::UpdateRequest &request,
                    qint64 now)
{
    return modify<ShadowDocument::UpdateResult>(
        thing, shadow, [&](ShadowDocument &document) { return document.apply(request, now); });
}

std::variant<ShadowDocument::Json, ShadowError>
ShadowStore::remove(const QString &thing, const QString &shadow,
                    const std::optional<std::string> &clientToken, qint64 now)
{
    return modify<ShadowDocument::Json>(
        thing, shadow, [&](ShadowDocument &document) -> std::variant<ShadowDocument::Json, ShadowError> {
            if (!document.exists())
                return notFound(shadow);
            return document.remove(clientToken, now);
        });
}

} // namespace fleet
