#pragma once

#include "common/json.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fleet {

class CommandTracker;
class RollbackLog;
class ShadowClient;
struct RollbackEntry;

// Every change an operator makes to the fleet goes through here, whichever front end asks (the composer,
// the device dock, the rollback view, the timeline's retry, each fleetctl command), so that the rules are
// written once:
// - which commands need an approval, and whether approvals can work at all (an identity, a running queue);
//   a sensitive command is then held by the tracker until another user approves it;
// - what undoes a change: before a command with an inverse goes to one device, the device's reported state
//   is captured (from the shadow cache when it is fresh, else read with a short timeout); a desired-state
//   update records the section it replaced once the service has accepted it;
// - how it is recorded: the tracker writes the execution and the audit row, the rollback log its entry, and
//   the outcome says when a record could not be written.
// It holds no widgets and keeps no state beyond the requests under way; the services are not owned. Without
// a tracker (a tool that only edits shadows) every command is refused with a reason.
class OperatorActions final : public QObject
{
    Q_OBJECT

public:
    // A catalog command (command set) or a free-form payload (raw set), for one device, several or a
    // group.
    struct CommandRequest
    {
        QStringList devices; // one or more; empty when group is set
        QString group;
        QString command; // empty: the free-form payload raw
        Json parameters = Json::object();
        QByteArray raw;
    };

    // What a request would put on the broker, and why it would be refused (empty: it can be sent).
    struct Preview
    {
        QString topic;   // for the first device (or the group)
        QString payload; // as sent, with a placeholder tid
        QString problem;
        bool needsApproval = false;
        bool capturesState = false; // the device's state is read first, for the rollback history
    };

    // How an action ended (the callback's argument).
    struct Outcome
    {
        bool ok = false;
        QString error;          // why nothing was done (translated, or the service's own words)
        int errorCode = 0;      // a shadow refusal's code (409: version conflict); 0 otherwise
        QString id;             // the execution, broadcast or update token
        QStringList executions; // the executions started (empty for a group, whose members join later)
        bool awaitingApproval = false;
        qint64 rollbackEntry = 0;      // the entry recorded for it, 0 for none
        QString note;                  // what went wrong beside the action itself (a record not written)
        bool serviceError = false;     // error and errorCode are the shadow service's own refusal
        std::optional<qint64> version; // a desired update's new shadow version
        Json desired;                  // a desired update: the section it left
        Json patch;                    // a desired update: what was sent
        Json reply;                    // a desired update: the service's accepted reply
    };

    // A change of one shadow's desired section: patch follows the shadow's merge rules (null removes). The
    // section before it is what its rollback entry restores: give it when it is known (the editor was based
    // on it), else it is read first.
    struct DesiredChange
    {
        QString device;
        QString shadowName; // empty: the classic shadow
        Json patch = Json::object();
        std::optional<Json> before;
        std::optional<qint64> version; // apply only at this version (else 409)
    };
    using Callback = std::function<void(const Outcome &)>;

    // How long a command with an inverse waits for the device's state before it is sent without a rollback
    // entry.
    static constexpr int CaptureTimeoutMs = 3000;
    // What a preview shows for values that exist only once the command is sent.
    static constexpr QLatin1StringView PlaceholderTid{"<tid>"};
    static constexpr QLatin1StringView PlaceholderDevice{"<device>"};

    OperatorActions(CommandTracker *tracker, ShadowClient *shadows, RollbackLog *rollbacks,
                    QObject *parent = nullptr);
    ~OperatorActions() override;

    // Why approvals cannot work (the queue did not start), empty when they can. Together with the tracker's
    // actor (the requester's identity) it decides whether a sensitive command can be sent at all.
    void setApprovalsProblem(const QString &problem) { m_approvalsProblem = problem; }
    QString approvalsProblem() const;

    Preview preview(const CommandRequest &request) const;

    // Sends the request and calls done once it is on its way (or refused): every execution created, held
    // for approval when sensitive, its rollback entry recorded. done is not called once context is gone.
    void sendCommand(const CommandRequest &request, QObject *context, Callback done);
    // The same command again, for the same device, as a new execution.
    void retry(const QString &executionId, QObject *context, Callback done);
    // Sends the patch and, once the service accepts it, records the section it replaced. A version conflict
    // ends with errorCode 409 (serviceError set). (DesiredStateEdit checks an operator's edit before.)
    void updateDesired(const DesiredChange &change, QObject *context, Callback done);
    // Undoes an entry of the rollback history: the inverse command (held for approval when sensitive) or
    // the previous desired values. The entry is marked once the command is sent or the update accepted.
    void rollBack(qint64 entryId, QObject *context, Callback done);

    // What rolling an entry back would do, for a person ("send set_led {"color":"red"} to dev-1"), and why
    // it cannot be done (empty when it can).
    struct RollbackPlan
    {
        QString description;
        QString problem;
        bool needsApproval = false;
    };
    RollbackPlan rollbackPlan(qint64 entryId) const;
    bool isRollingBack(qint64 entryId) const { return m_rollingBack.contains(entryId); }

private:
    struct Capture
    {
        CommandRequest request;
        QPointer<QObject> context;
        Callback done;
    };
    struct DesiredUpdate
    {
        DesiredChange change;
        qint64 rollbackOf = 0; // the entry this update undoes, 0 for an operator's edit
        QPointer<QObject> context;
        Callback done;
    };

    void sendNow(const CommandRequest &request, const std::optional<Json> &captured,
                 const QString &captureProblem, const QPointer<QObject> &context, const Callback &done);
    void startUpdate(DesiredUpdate update);
    static void deliver(const QPointer<QObject> &context, const Callback &done, const Outcome &outcome);
    QString ledgerNote() const;

    CommandTracker *m_tracker;
    ShadowClient *m_shadows;
    RollbackLog *m_rollbacks;
    QString m_approvalsProblem;
    QHash<QString, Capture> m_captures;      // shadow get token -> the command waiting for it
    QHash<QString, DesiredUpdate> m_befores; // shadow get token -> the update waiting for its "before"
    QHash<QString, DesiredUpdate> m_updates; // shadow update token -> the update
    QSet<qint64> m_rollingBack;              // entries whose undoing update is under way
};

} // namespace fleet
