#pragma once

#include "common/json.h"

#include "commands/rollbackentry.h"
#include "shadow/shadowerror.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <unordered_map>

namespace fleet {

class CommandTracker;
class CommandSpec;
class RollbackLog;
class ShadowClient;
class AzureHubClient;

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
//
// A desired batch (updateDesiredMany) sends one patch to many devices, each through the same path as one
// device's update: so a patch that sets a key the catalog lists as sensitive is held by fleet-hub's gate for
// an approver, device by device, exactly as a single change would be (without a gate nothing holds desired
// changes, for one device or many). At most MaxBatchInFlight devices are under way at once; each device's
// desired section is read first and the update sent at the version read, so that what the rollback restores
// is exactly what the update replaced (a conflict is read again, MaxConflictRetries times). The devices it
// changed are recorded as ONE rollback entry, once the batch is over; rolling it back restores each device's
// previous values in one action, and leaves alone (and reports) a device whose desired state someone changed
// since in a key the batch had set.
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
        QString retryOf; // the execution this request sends again (retry()), for one device
    };

    // What a request would put on the broker, and why it would be refused (empty: it can be sent).
    struct Preview
    {
        QString topic;   // for the first device (or the group)
        QString payload; // as sent, with a placeholder tid
        QString problem;
        bool needsApproval = false;
        bool capturesState = false; // the device's state is read first, for the rollback history
        // Why the request may not do what the operator expects, although it can be sent (empty: nothing
        // known): a key the command sets that a device's cached desired state wants otherwise.
        QString warning;
    };

    // What became of one device of a batch, or of a batch's rollback.
    struct DeviceResult
    {
        enum class Status {
            Accepted,     // the service applied it (version: the shadow's new version)
            Held,         // fleet-hub's gate holds it for an approver
            Refused,      // the service, the gate or this client refused it (errorCode, error)
            ChangedSince, // a rollback found the device's desired state changed since: left as it is
        };
        QString device;
        Status status = Status::Refused;
        std::optional<qint64> version;
        int errorCode = 0; // the service's code, or a ShadowClient::LocalError when not serviceError
        QString error;
        bool serviceError = false;
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
        qint64 rollbackEntry = 0;          // the entry recorded for it, 0 for none
        QString note;                      // what went wrong beside the action itself (a record not written)
        QString warning;                   // a command: as Preview::warning, with what was read meanwhile
        bool serviceError = false;         // error and errorCode are the shadow service's own refusal
        std::optional<qint64> version;     // a desired update's new shadow version
        Json desired;                      // a desired update: the section it left
        Json patch;                        // a desired update: what was sent
        Json reply;                        // a desired update: the service's accepted reply
        QList<DeviceResult> deviceResults; // a desired batch (or its rollback): every device's result
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

    // One patch of the desired state for many devices: a selection, or the members of a group as the group
    // members source knows them ("set the limit on all coffee makers").
    struct DesiredBatch
    {
        QStringList devices; // when group is empty
        QString group;
        QString shadowName; // empty: the classic shadow
        Json patch = Json::object();
    };
    // Called once per device as its result arrives: done of total devices are over.
    using ProgressCallback = std::function<void(const DeviceResult &result, int done, int total)>;
    // What a batch would reach, and why it would be refused (empty: it can be sent).
    struct BatchPreview
    {
        QStringList devices;
        // Left out: Azure IoT Hub devices among the targets, which have a twin and never read a shadow.
        QStringList azureDevices;
        QString problem;
        QStringList sensitiveKeys;  // keys of the patch the catalog lists as sensitive
        bool needsApproval = false; // held by fleet-hub's gate, device by device
    };

    // A batch reaches at most this many devices: the largest fleet a group is measured with, and what one
    // rollback entry may hold (RollbackLog::MaxTargets keeps ten of them).
    static constexpr int MaxBatchDevices = 10000;
    // Devices under way at once (each one a get, then an update): enough to keep a broker busy, few enough
    // that ShadowClient's per-request subscriptions and timeouts stay small.
    static constexpr int MaxBatchInFlight = 50;
    // A sensitive batch through the gate holds one approval per device, and the gate keeps at most 200
    // pending requests per requester (CommandGate::MaxPendingPerRequester): a larger one would be partly
    // refused, so it is refused whole.
    static constexpr int MaxHeldBatchDevices = 200;
    static constexpr int MaxConflictRetries = 3;

    // Devices of one request whose desired state preview() compares, and how many a warning names.
    static constexpr int MaxDesiredChecks = 1000;
    static constexpr int MaxWarnedDevices = 3;

    // How long a command with an inverse waits for the device's state before it is sent without a rollback
    // entry.
    static constexpr int CaptureTimeoutMs = 3000;
    // What a preview shows for values that exist only once the command is sent.
    static constexpr QLatin1StringView PlaceholderTid{"<tid>"};
    static constexpr QLatin1StringView PlaceholderDevice{"<device>"};

    OperatorActions(CommandTracker *tracker, ShadowClient *shadows, RollbackLog *rollbacks,
                    QObject *parent = nullptr);
    // Where an Azure device's state is read before a command with an inverse (its twin's reported
    // properties, as a shadow's are for the others).
    void setAzure(AzureHubClient *azure);
    // A change of an Azure IoT Hub device's desired properties made with AzureHubClient::updateDesired()
    // (the device dock, fleetctl twin update): once fleet-hub accepts it, now or after an approval, it is
    // recorded in the rollback history, beforeDesired being the desired properties it was made against. At
    // most MaxTrackedTwinUpdates are followed at once (held ones can wait for days); beyond, the oldest is
    // let go.
    void trackTwinUpdate(const QString &requestId, const QString &device, const Json &beforeDesired,
                         const Json &patch);
    static constexpr int MaxTrackedTwinUpdates = 1000;
    ~OperatorActions() override;

    // Why approvals cannot work (the queue did not start), empty when they can. Together with the tracker's
    // actor (the requester's identity) it decides whether a sensitive command can be sent at all.
    void setApprovalsProblem(const QString &problem) { m_approvalsProblem = problem; }
    QString approvalsProblem() const;

    Preview preview(const CommandRequest &request) const;

    // Asked before anything an operator sends goes out (what: a sentence naming it), on connections whose
    // profile needsSendConfirmation(): the console asks a person; without a confirmation set, everything
    // goes. Every send of this class asks it, once per operator action (a retry, a rollback, a batch), and
    // the views ask it for what they send themselves (publishes, approval decisions, cloud messages).
    using Confirmation = std::function<bool(const QString &what)>;
    void setConfirmation(Confirmation confirmation) { m_confirmation = std::move(confirmation); }
    bool confirm(const QString &what) const { return !m_confirmation || m_confirmation(what); }
    // The error of an action the operator did not confirm.
    static QString notConfirmedError();

    // Sends the request and calls done once it is on its way (or refused): every execution created, held
    // for approval when sensitive, its rollback entry recorded. done is not called once context is gone.
    void sendCommand(const CommandRequest &request, QObject *context, Callback done);
    // The same command again, for the same device, as a new execution that names the original
    // (CommandExecution::retryOf). The original may be one the tracker has forgotten but its ledger keeps.
    void retry(const QString &executionId, QObject *context, Callback done);
    // Sends the patch and, once the service accepts it, records the section it replaced. A version conflict
    // ends with errorCode 409 (serviceError set). (DesiredStateEdit checks an operator's edit before.)
    void updateDesired(const DesiredChange &change, QObject *context, Callback done);
    // Where a batch's group finds its members (the registry's devicesInGroup()).
    void setGroupMembersSource(std::function<QStringList(const QString &group)> source)
    {
        m_groupMembers = std::move(source);
    }
    BatchPreview previewBatch(const DesiredBatch &batch) const;
    // Why a shadow change does not go to an Azure IoT Hub device, for a person.
    static QString azureDeviceProblem(const QString &device);
    // Sends the patch to every device of the batch (at most MaxBatchInFlight at once), calls progress per
    // device and done once all are over, with every device's result in deviceResults, the one rollback
    // entry of the devices that accepted it in rollbackEntry, and ok when no device was refused (error then
    // counts them). A batch previewBatch() refuses ends at once with error and no results.
    void updateDesiredMany(const DesiredBatch &batch, QObject *context, ProgressCallback progress,
                           Callback done);
    // Undoes an entry of the rollback history: the inverse command (held for approval when sensitive) or
    // the previous desired values. The entry is marked once the command is sent or the update accepted.
    // A desired batch restores every device not restored yet, reports each in progress and deviceResults;
    // it is marked rolled back once every device is restored or found changed since, so that rolling back
    // again retries only the devices that failed (timed out, refused, held for approval).
    void rollBack(qint64 entryId, QObject *context, Callback done, ProgressCallback progress = {});

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

    // readDesired: the device's desired section, when the capture read its shadow.
    void sendNow(const CommandRequest &request, const std::optional<Json> &captured,
                 const QString &captureProblem, const QPointer<QObject> &context, const Callback &done,
                 const std::optional<Json> &readDesired = std::nullopt);
    // The keys a catalog command sets (CommandSpec::stateSet) that the devices' desired state wants
    // otherwise, as a warning for a person; empty when none, or when no desired state is known. Only the
    // shadow cache is read (and readDesired, for the first device): a preview never waits for the broker.
    QString desiredWarning(const CommandRequest &request,
                           const std::optional<Json> &readDesired = std::nullopt) const;
    void startUpdate(DesiredUpdate update);

    // A desired batch under way, or a batch entry's rollback (rollbackOf > 0).
    struct BatchItem
    {
        QString device;
        Json patch;                           // this device's: the batch's, or its inverse in a rollback
        std::optional<RollbackTarget> target; // a rollback: the entry's record of the device
        Json before = Json::object();
        std::optional<qint64> version;
        int attempts = 0;
    };
    struct BatchRun
    {
        QString id;
        QString shadowName;
        QString group;
        Json patch;
        qint64 rollbackOf = 0;
        QList<BatchItem> items;
        qsizetype next = 0;
        int inFlight = 0;
        int completed = 0;
        QList<RollbackTarget> accepted;
        QHash<QString, QString> restored; // a rollback: device -> the update that restored it
        QStringList changedSince;
        QList<DeviceResult> results;
        QPointer<QObject> context;
        ProgressCallback progress;
        Callback done;
    };
    struct BatchRequest
    {
        quint64 batch = 0;
        qsizetype item = 0;
        bool read = false; // the get before the update
    };
    void startBatch(BatchRun run);
    void pumpBatch(quint64 key);
    void readBatchItem(quint64 key, qsizetype item);
    // A reply for one of a batch's requests (ShadowClient::Result's fields, which this header does not see).
    void onBatchReply(const BatchRequest &request, const QString &token, bool ok, bool local,
                      const ShadowError &error, std::optional<qint64> version, const Json &body);
    void finishBatchItem(quint64 key, DeviceResult result);
    void finishBatch(quint64 key);
    QStringList sensitiveKeys(const Json &patch) const;
    static void deliver(const QPointer<QObject> &context, const Callback &done, const Outcome &outcome);
    QString ledgerNote() const;

    CommandTracker *m_tracker;
    // The problem of a command fleet-hub runs for the operator (an AWS IoT command, an Azure direct method),
    // in the order an operator should hear them, in the dialect's words: to a group, sensitive without a
    // gate, sensitive to several devices, sensitive while approvals cannot work.
    QString hubCommandProblem(const CommandSpec &spec, const CommandRequest &request, const QString &problem,
                              const QString &notToAGroup, const QString &needsTheGate,
                              const QString &oneAtATime) const;

    ShadowClient *m_shadows;
    AzureHubClient *m_azure = nullptr;
    QHash<QString, Capture> m_twinCaptures; // twin read id -> the command waiting for it
    // A twin change followed to its end: one to record (rollbackOf 0), or a rollback's read of the twin
    // (reading) and then its update.
    struct TwinUpdate
    {
        QString device;
        Json before;
        Json patch;
        qint64 rollbackOf = 0;
        bool reading = false;
        QPointer<QObject> context;
        Callback done; // emptied once called (a held rollback is answered, then still followed)
    };
    QHash<QString, TwinUpdate> m_twinUpdates; // request id -> the change
    QList<QString> m_twinUpdateOrder;         // oldest first, for the bound
    void followTwinUpdate(const QString &id, TwinUpdate update);
    std::optional<TwinUpdate> takeTwinUpdate(const QString &id);
    void finishTwinRollback(TwinUpdate &update, const Outcome &outcome);
    void rollBackTwin(const RollbackEntry &entry, const QPointer<QObject> &guard, Callback done);
    void onTwinForRollback(const QString &id, const Json &twin);
    RollbackLog *m_rollbacks;
    QString m_approvalsProblem;
    Confirmation m_confirmation;
    QHash<QString, Capture> m_captures;      // shadow get token -> the command waiting for it
    QHash<QString, DesiredUpdate> m_befores; // shadow get token -> the update waiting for its "before"
    QHash<QString, DesiredUpdate> m_updates; // shadow update token -> the update
    QSet<qint64> m_rollingBack;              // entries whose undoing update is under way
    std::function<QStringList(const QString &)> m_groupMembers;
    std::unordered_map<quint64, BatchRun> m_batches;
    QHash<QString, BatchRequest> m_batchRequests; // shadow request token -> the batch's device it serves
    quint64 m_nextBatch = 1;
};

} // namespace fleet
