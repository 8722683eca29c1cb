#pragma once

#include "commands/approvalrequest.h"
#include "commands/commandexecution.h"
#include "commands/rollbackentry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace fleet {

// The console's durable record of commands, in one SQLite file (Qt SQL):
//   executions  one row per execution, keyed by its id (the tid; "tid/device" for a part of a group
//   broadcast) transitions every state change of an execution, in order (id, seq) replies     every reply
//   kept, with its flags (id, seq) audit       who did what, when, and how it ended
//   approvals   the approval requests this console made or decided, with every decision received
//   rollbacks   the rollback history (RollbackLog's entries)
//
// Every write is its own BEGIN IMMEDIATE transaction, committed before the call returns, in WAL mode with
// synchronous=FULL: once record() or appendAudit() returned true the data survives a kill -9 (and a power
// loss). That is what lets CommandTracker::resume() take over the unfinished executions after a crash.
//
// record() is idempotent: transitions and replies are append-only lists in CommandExecution, so a row is
// keyed by its position and recording the same execution again writes only what is new.
//
// A row that cannot be read back (damaged JSON, an unknown state) is reported by errorString() and left as
// it is, never rewritten: the rest of the ledger stays usable.
//
// Not thread-safe: use an instance from the thread that opened it (Qt SQL connections are per thread).
class CommandLedger final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::CommandLedger)

public:
    // The schema this build writes; PRAGMA user_version holds the schema of a file. Older files are migrated
    // on open, newer ones are refused (an older console must not write a schema it does not know).
    static constexpr int SchemaVersion = 3;
    // What retriesOf() returns at most: an operator retries a command a few times, never thousands.
    static constexpr int MaxRetriesListed = 100;
    static constexpr int DefaultBusyTimeoutMs = 5000;

    struct AuditEntry
    {
        qint64 id = 0;
        qint64 timeMs = 0; // milliseconds since the Unix epoch
        QString actor;     // an operator, or "console" for what the console decided itself
        QString action;    // "send", "approve", "reject", "cancel", ...
        QString subject;   // usually an execution id
        QString outcome;   // "ok", "refused", ...
        QString detail;

        friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
    };

    CommandLedger();
    ~CommandLedger();

    // The ledger the console and fleetctl share unless told otherwise: fleet-console/ledger.sqlite in the
    // user's data folder ($XDG_DATA_HOME, usually ~/.local/share).
    static QString defaultPath();
    // The ledger of one named connection, beside the default one (ledger-<name>-<hash>.sqlite): a console
    // window opened on another broker keeps its commands apart, so that none is ever resumed on the wrong
    // broker.
    static QString pathForConnection(const QString &connectionName);
    CommandLedger(const CommandLedger &) = delete;
    CommandLedger &operator=(const CommandLedger &) = delete;

    // Opens (creating the file and its folder if needed) and migrates. False with errorString() when it
    // cannot.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    // The Qt SQL connection, unique per instance, so tests can inspect the same file through it.
    QString connectionName() const { return m_connectionName; }

    // Why the last call failed, or which rows it could not read. Cleared by every call.
    QString errorString() const { return m_error; }

    // Upserts the execution and appends its transitions and replies not yet written, in one committed
    // transaction. False (nothing written) with errorString().
    bool record(const CommandExecution &execution);
    // The same for several executions in one transaction (one fsync): what the tracker changed in one turn
    // of the event loop, or a broadcast's new executions. All or nothing.
    bool recordAll(const QList<CommandExecution> &executions);
    // Appends to the audit log; the time is now. False with errorString().
    bool appendAudit(const QString &actor, const QString &action, const QString &subject,
                     const QString &outcome, const QString &detail = {});

    // The execution with its transitions and replies; nullopt when there is none (errorString() empty) or
    // it cannot be read (errorString() says why).
    std::optional<CommandExecution> load(const QString &id);
    // Executions not in a final state, oldest first, for resuming. Damaged ones are left out and named in
    // errorString(); nullopt only when the database fails.
    std::optional<QList<CommandExecution>> pending();
    // The executions of one broadcast (a selection's or a group's), oldest first. Damaged ones are left out
    // as in pending().
    std::optional<QList<CommandExecution>> broadcast(const QString &broadcastId);
    // The latest executions, newest first. Damaged ones are left out as in pending().
    std::optional<QList<CommandExecution>> recent(int limit);
    // The executions that retry id (their CommandExecution::retryOf), oldest first, at most limit.
    std::optional<QStringList> retriesOf(const QString &id, int limit = MaxRetriesListed);
    // The latest audit entries, newest first.
    std::optional<QList<AuditEntry>> audit(int limit);

    // Upserts an approval request (the whole value: state, decisions). False with errorString().
    bool recordApproval(const ApprovalRequest &request);
    std::optional<ApprovalRequest> approval(const QString &id);
    // The requests of requester (all for an empty one), pending ones only or the latest `limit`, oldest
    // first. Damaged rows are left out and named in errorString(); nullopt only when the database fails.
    std::optional<QList<ApprovalRequest>> approvals(const QString &requester, bool pendingOnly,
                                                    int limit = -1);

    // Upserts a rollback entry (keyed by its id). False with errorString().
    bool recordRollback(const RollbackEntry &entry);
    // The latest `limit` entries, oldest first, as RollbackLog::restore() takes them.
    std::optional<QList<RollbackEntry>> rollbacks(int limit);

private:
    bool exec(const QString &sql);
    bool writeExecution(const CommandExecution &e, QString *reason);
    bool migrate();
    void rollback();
    std::optional<QList<CommandExecution>> select(const QString &where, const QString &bind,
                                                  const QString &order, int limit);
    bool readDetails(CommandExecution *e, QString *problem);

    QString m_path;
    QString m_connectionName;
    QString m_error;
    bool m_open = false;
};

} // namespace fleet
