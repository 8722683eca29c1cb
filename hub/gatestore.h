#pragma once

#include "gaterecord.h"

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
class GateStore final
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
    GateStore(const GateStore &) = delete;
    GateStore &operator=(const GateStore &) = delete;

    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }

    // One transaction for a batch of writes: one fsync for the messages that arrived together. Nothing may be
    // published for the batch before commit() returned true.
    bool begin();
    bool commit();
    void rollback();

    std::optional<GateRecord> find(const QString &requester, const QString &id, bool *ok = nullptr);
    // Inserts or replaces the record (requester, id).
    bool write(const GateRecord &record);
    // Records that are pending, or approved and not sent yet (a crash between the two): what start-up
    // takes back.
    std::optional<QList<GateRecord>> unsettled();
    // Settled records (decided, expired, withdrawn), oldest first, at most limit.
    std::optional<QList<GateRecord>> recent(int limit);

    bool audit(const AuditEntry &entry);
    // Entries after seq `after`, oldest first, at most limit.
    std::optional<QList<AuditEntry>> auditLog(qint64 after, int limit);

private:
    bool exec(const QString &sql);
    std::optional<QList<GateRecord>> select(const QString &where, const QStringList &binds, int limit);

    QString m_connectionName;
    QString m_error;
    bool m_open = false;
    bool m_inTransaction = false;
};

} // namespace fleet
