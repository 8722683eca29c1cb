#pragma once

#include "gaterecord.h"

#include "store/databaselocation.h"
#include "store/sqlstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// fleet-hub's command gate on disk: the requests it holds for approval and its audit log, in one SQLite file
// of its own (WAL, synchronous=FULL: a COMMIT is on disk when it returns). The gate writes here before it
// acts (a relay, a decision, a send), so a kill -9 at any moment neither loses an approval nor sends anything
// twice. Rows are never deleted: the audit log is the record of who did what.
//
// Not thread-safe; one instance per thread that opened it.
class GateStore final : public SqlStore
{
    Q_DECLARE_TR_FUNCTIONS(fleet::GateStore)

public:
    static constexpr int SchemaVersion = 1;

    struct AuditEntry
    {
        qint64 seq = 0;
        qint64 time = 0;
        QString actor;  // the account that caused it (a topic level the broker vouched for), or "gate"
        QString action; // relayed, held, refused, approved, rejected, decision-ignored, sent, expired, …
        QString requester;
        QString id;
        QString topic;
        QString detail;
    };

    GateStore();
    ~GateStore();

    // Opens (creating a file if needed) and migrates the store at location. False with errorString().
    bool open(const DatabaseLocation &location);
    // The same for a file path or a postgresql:// URL (one without a password).
    bool open(const QString &pathOrUrl);

    std::optional<GateRecord> find(const QString &requester, const QString &id, bool *ok = nullptr);
    // Inserts or replaces the record (requester, id).
    bool write(const GateRecord &record);
    // Records that are pending, or approved and not sent yet (a crash between the two): what start-up
    // takes back.
    std::optional<QList<GateRecord>> unsettled();
    // Settled records (decided, expired, withdrawn), oldest first, at most limit.
    std::optional<QList<GateRecord>> recent(int limit);

    // What a reader of the audit log asks for: entries after a sequence number, and optionally from a time
    // on and of one actor, requester or request id (exact matches; empty matches any).
    struct AuditFilter
    {
        qint64 after = 0;
        qint64 since = 0; // ms since the epoch; 0: any time
        QString actor;
        QString requester;
        QString id;
        // At most this many sequence numbers after `after` are examined (0: no bound). A filter that
        // matches little would otherwise read the whole table in one call, on the thread that also runs
        // the gate; bounded, a page may come back short or empty with `next` saying where to go on.
        qint64 scanLimit = 0;
    };
    struct AuditPage
    {
        QList<AuditEntry> entries; // oldest first
        qint64 next = 0;           // the seq to ask after for more; 0 when the log holds nothing more
    };

    bool audit(const AuditEntry &entry);
    // Entries after seq `after`, oldest first, at most limit.
    std::optional<QList<AuditEntry>> auditLog(qint64 after, int limit);
    // The entries that match, oldest first, at most limit (at least 1).
    std::optional<AuditPage> auditLog(const AuditFilter &filter, int limit);

private:
    std::optional<QList<GateRecord>> select(const QString &where, const QStringList &binds, int limit);
};

} // namespace fleet
