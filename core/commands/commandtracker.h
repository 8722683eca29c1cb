#pragma once

#include "common/json.h"

#include "commands/commandcatalog.h"
#include "commands/commandexecution.h"
#include "commands/commandjournal.h"
#include "commands/tidgenerator.h"
#include "dialects/atlasdialect.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace fleet {

class CommandLedger;
class MqttClient;
class MqttMessage;
struct AtlasReply;

// Sends catalog commands to devices over an MqttClient (not owned) in the Atlas dialect and follows each
// execution to its verdict (see CommandExecution for the states and the reply flags).
//
// Timing, per spec: timeoutMs is the wait for the final reply of EACH attempt (as docs/command-catalog.md
// says), so a device that never answers is declared Unreachable after about attempts x timeoutMs plus the
// RetryPolicy delays; every retry reuses the tid. Once a device says RUNNING it is not retried: a
// long-running command (heartbeatIntervalMs > 0) then lives as long as its heartbeats keep coming, each one
// moving the deadline to heartbeatIntervalMs x 3 from its arrival, and silence past that fails it with
// "heartbeats stopped"; any other command keeps its attempt's deadline and ends TimedOut.
//
// Replies arrive on the response topic of each command's catalog entry (cmd/{device}/resp by default; the
// IoT Atlas design's commands/{device}/ack works as well): the tracker subscribes to every one of them, and
// on MQTT 5 names the command's own as the request's response topic. A message there that is not a reply is
// counted and kept on the device's outstanding execution (unreadable), so an operator sees that the device
// answered in a format the console does not read, rather than "no reply".
//
// Replies are matched by tid (from the payload, or the MQTT 5 correlation data, which the tracker sends on
// an MQTT 5 connection). A reply without either (the seed's plain-text device) belongs to the oldest
// outstanding execution of its device.
//
// Presence is an input (setDeviceOnline(), fed by the registry): a device never reported is assumed online.
// A command for an offline device fails at once (FailFast) or waits Queued for the device's return at most
// timeoutMs (Hold), then ends TimedOut.
//
// Broadcasts: sendToDevices() is one execution per device, created up front, each with its own tid.
// sendToGroup() publishes one request on the group topic; each device that answers gets its own execution
// ("tid/device"), created at its first reply, until the group's timeoutMs has passed. Group requests are
// not retried, and sensitive commands cannot go to a group yet (no approval step for a broadcast).
class CommandTracker final : public QObject
{
    Q_OBJECT

public:
    using State = CommandExecution::State;

    enum class OfflinePolicy { Hold, FailFast };
    Q_ENUM(OfflinePolicy)

    struct Broadcast
    {
        QString id; // the group request's tid, or a tid of its own for a selection
        QString command;
        QString group;                 // empty for a selection
        QStringList executions;        // execution ids, in creation order
        int total = 0;                 // devices expected: the selection, or the group's known members
        int done = 0;                  // executions with a verdict
        bool open = true;              // a group broadcast still accepts first replies
        int ignoredReplies = 0;        // group replies from new devices after the group's deadline
        QString refusal;               // why a group request ended unsent: rejected, or refused by the gate
        bool awaitingApproval = false; // a sensitive group request the gate holds for an approver
        qint64 createdMs = 0;          // ms since the epoch
    };

    // Executions kept in memory; the oldest finished ones are dropped past it.
    static constexpr qsizetype MaxExecutions = 10000;
    // The command name of a free-form payload (sendRaw()); never a catalog name, which cannot hold brackets.
    static constexpr QLatin1StringView RawCommand{"(raw)"};
    static constexpr qsizetype MaxRawPayloadBytes = 256 * 1024;

    CommandTracker(MqttClient *client, CommandCatalog catalog, AtlasDialect dialect = {},
                   QObject *parent = nullptr);
    ~CommandTracker() override;

    const CommandCatalog &catalog() const { return m_catalog; }
    // Replaces the catalog; executions under way keep going (one whose command left the catalog fails at its
    // next attempt). The response topics of the new catalog are subscribed to.
    void setCatalog(const CommandCatalog &catalog);
    const AtlasDialect &dialect() const { return m_dialect; }
    // The response topic filters the tracker listens on: the dialect's, and each catalog command's own.
    QStringList responseFilters() const;
    // One dialect per response topic template (the tracker's own first), as the registry needs them to
    // learn devices from their replies.
    const QList<AtlasDialect> &responseRoutes() const { return m_routes; }

    void setOfflinePolicy(OfflinePolicy policy) { m_offlinePolicy = policy; }
    OfflinePolicy offlinePolicy() const { return m_offlinePolicy; }
    // Presence input. A device going online releases the commands held for it.
    void setDeviceOnline(const QString &device, bool online);
    bool isDeviceOnline(const QString &device) const { return !m_offline.contains(device); }
    // Who is operating (the MQTT username): each new execution's requestedBy, and the audit log's actor.
    void setActor(const QString &actor) { m_actor = actor; }
    QString actor() const { return m_actor; }
    // The group's members, when known: the total of its broadcasts' progress.
    void setGroupMembers(const QString &group, const QStringList &devices);
    // Where a group's members are looked up when a request is sent to it (the console's registry, which
    // learns them from what the devices report); without one, setGroupMembers() is all it knows.
    void setGroupMembersSource(std::function<QStringList(const QString &group)> source)
    {
        m_groupMembersSource = std::move(source);
    }
    // The command in the form it takes for this device, or for a group send when group is set (its catalog
    // profile's dialect and topics); nullptr with error set when it cannot be sent there, saying why.
    const CommandSpec *commandFor(const QString &commandName, const QString &device,
                                  const QString &group = {}, QString *error = nullptr) const
    {
        return specFor(commandName, error, device, group);
    }
    // The catalog's profile for this device (which dialect and topics it speaks), or nullptr when none
    // matches and every command goes as the catalog defines it.
    const DeviceProfile *profileFor(const QString &device) const;

    // Optional, not owned. With a ledger, every change of an execution is recorded (and committed) before
    // executionChanged() is emitted. The changes of one event-loop turn share one transaction, so
    // executionChanged() then comes at the end of the turn. Nothing is published before the record that
    // makes it known: a new execution is written at once (a selection's in one transaction) before its
    // request or approval request can go out, a free-form payload's attempt is written as Sent before it
    // goes out, and a group request's audit row before it is published. Such a write that fails sends
    // nothing: the execution ends Failed saying so (send() and the others still return its id), or the group
    // request is refused. Any other write that fails is reported by ledgerFailed() and does not stop the
    // command. With a ledger, send(), sendRaw(), sendToGroup(), sendToDevices() and cancel() are also written
    // to its audit log under actor(), accepted or refused.
    void setLedger(CommandLedger *ledger) { m_journal.setLedger(ledger); }
    CommandLedger *ledger() const { return m_journal.ledger(); }
    // Takes over the ledger's unfinished executions (after a crash or a restart), with the deadlines left of
    // their stored timing: a Sent one keeps waiting for its attempt, then retries with the same tid; a
    // Running one gets a fresh heartbeat window (the console, not the device, was silent); a held one is
    // sent when it can be; one awaiting approval keeps waiting. A free-form payload marked Sent may have
    // gone out and is never sent again: without a reply in what is left of its wait it ends TimedOut, saying
    // that it may have run. Returns how many, or -1 with error set.
    // Broadcasts are not restored: their parts resume as single executions. A non-empty `only` limits it to
    // those execution ids (fleetctl follows the one it is asked about, and leaves the rest to the console).
    int resume(QString *error = nullptr, const QStringList &only = {});
    // Writes this turn's changes to the ledger now (and announces them), instead of at the end of the turn:
    // for a program about to close its ledger.
    void flush() { m_journal.flush(); }

    // What a new execution is, beyond its command: for send() and sendRaw().
    struct SendOptions
    {
        // The execution it sends again (CommandExecution::retryOf), which must be known to the tracker or
        // its ledger and be for the same device: recorded on the new execution and named in its audit row.
        QString retryOf;
    };

    // Validates the parameters (CommandSpec::buildPayload) and starts an execution: AwaitingApproval for a
    // sensitive command, else Queued and, unless the device is offline, Sent. Returns its tid, or an empty
    // string with error set when nothing was started. A command the offline policy fails at once, or that
    // the ledger could not record, still returns its tid (its execution says why).
    QString send(const QString &device, const QString &commandName, const Json &parameters = Json::object(),
                 QString *error = nullptr, const SendOptions &options = {});
    // A free-form payload (UTF-8 text, at most MaxRawPayloadBytes) published verbatim on the device's request
    // topic, as the seed's application sends whatever the operator types: tracked like any other command,
    // named RawCommand, sent once, even across a crash (no tid in it for the device to spot a retry; see
    // resume()), answered by a plain-text
    // reply (reconciled to the device's oldest outstanding command) or, on MQTT 5, matched by correlation
    // data. Never needs approval.
    QString sendRaw(const QString &device, const QByteArray &payload, QString *error = nullptr,
                    const SendOptions &options = {});
    // A broadcast id (empty with error set on refusal, including a group request the ledger could not
    // record); progress through broadcastProgress().
    QString sendToGroup(const QString &group, const QString &commandName,
                        const Json &parameters = Json::object(), QString *error = nullptr);
    QString sendToDevices(const QStringList &devices, const QString &commandName,
                          const Json &parameters = Json::object(), QString *error = nullptr);

    // The approval hook (the approval queue is elsewhere). False unless the execution awaits approval.
    // note goes with the Approved transition (who approved it, why).
    bool approve(const QString &tid, const QString &note = {});
    // (A group request held by the gate and then rejected: its window closes without a reply.)
    bool reject(const QString &tid, const QString &reason = {});

    // With fleet-hub's command gate on the broker, requests are handed to it (prefix: fleet/gate/submit/
    // {user}/, set by the ApprovalQueue when it sees the gate) instead of published on device topics, which
    // the broker lets only the gate's account write. Empty: published directly.
    // broadcastPrefix (fleet/gate/broadcast/{user}/) is where a sensitive selection goes as one message, for
    // one approval of all of its devices.
    void setGatePrefix(const QString &prefix, const QString &broadcastPrefix = {})
    {
        m_gatePrefix = prefix;
        m_gateBroadcastPrefix = broadcastPrefix;
    }
    QString gatePrefix() const { return m_gatePrefix; }
    // Hands what awaits approval under id to the gate, which holds it until an approver decides: an
    // execution, or a selection broadcast whose executions all go in one message (GateBroadcast). False when
    // there is no gate, nothing awaits approval under id, or the message could not be queued.
    bool submitForApproval(const QString &id);
    // The executions that await approval under id: the execution id itself, or a broadcast's (also after a
    // restart, when the broadcast is known only by its executions' broadcastId).
    QStringList awaitingApproval(const QString &id) const;
    // The gate published it once approved (note: by whom): Approved, then Sent, awaiting the reply. For a
    // sensitive group request, its window for first replies opens now.
    bool sentByGate(const QString &tid, const QString &note);
    // The gate refused it (its catalog, the ACL's view of this user): Failed with the gate's reason. A
    // broadcast's id fails each of its executions without a verdict (the gate judges a broadcast whole).
    bool refusedByGate(const QString &tid, const QString &reason);
    // The gate holds what this console handed it as an ordinary request (its catalog and the gate's judge a
    // free-form payload differently): AwaitingApproval with the gate's reason, no deadline, as if it had
    // been sensitive from the start. False when the execution is unknown, final or already awaiting.
    bool heldByGate(const QString &tid, const QString &reason);
    // A reply relayed by someone who heard it (the gate keeps the device's reply to what it sent): read as
    // if it had arrived here.
    void acceptReply(const MqttMessage &message) { onMessage(message); }
    // Stops following an execution without a verdict yet. The device is not told (the dialect has no cancel);
    // its later replies are recorded as late. False for an unknown or finished execution.
    bool cancel(const QString &tid);

    std::optional<CommandExecution> execution(const QString &id) const;
    // The executions in memory that retry id (CommandExecution::retryOf), oldest first; the ledger knows
    // the older ones (CommandLedger::retriesOf()).
    QStringList retriesOf(const QString &id) const;
    // In creation (tid) order.
    QList<CommandExecution> executions() const;
    std::optional<Broadcast> broadcast(const QString &id) const;
    // Replies that matched no execution (another console's, or forgotten ones).
    int unmatchedReplies() const { return m_unmatched; }
    // Messages on a device's response topic that could not be read as a reply. Each is also kept on the
    // device's outstanding execution, when it has one (CommandExecution::Reply::unreadable).
    struct UnreadableReply
    {
        qint64 timeMs = 0;
        QString topic;
        QString device;
        QString reason;
    };
    static constexpr qsizetype MaxUnreadableKept = 100;
    // A topic may be 65,535 bytes: what is kept of one is cut to this many characters (and an ellipsis).
    static constexpr qsizetype MaxKeptTopicChars = 256;
    int unreadableReplies() const { return m_unreadable; }
    // The latest ones, oldest first, at most MaxUnreadableKept (a device flooding its topic must not grow
    // the console).
    QList<UnreadableReply> recentUnreadableReplies() const { return m_recentUnreadable; }

    static constexpr int MaxAwsExecutions = 10'000;
    // How much longer than fleet-hub the tracker waits for an AWS IoT command's verdict: the hub times the
    // execution out at its deadline and says so in an event, which should arrive first.
    static constexpr int AwsGraceMs = 5000;
    // Azure direct methods: the hub answers 504 at the command's timeout; its verdict comes after that.
    static constexpr int AzureGraceMs = 5000;
    static constexpr int MinAzureTimeoutS = 5;
    static constexpr int MaxAzureTimeoutS = 300;

Q_SIGNALS:
    void executionChanged(const QString &id);
    void broadcastProgress(const QString &id, int done, int total);
    void ledgerFailed(const QString &message);

private:
    // What an unfinished execution waits for.
    enum class Phase {
        Approval, // no deadline
        Queued,   // held for an offline device or an unavailable connection, until deadline
        Waiting,  // sent, until the attempt's deadline
        Backoff,  // between attempts, until the next one
        Running,  // until the heartbeat (or attempt) deadline
    };

    struct Live
    {
        Phase phase = Phase::Approval;
        qint64 deadline = 0;  // on m_clock, 0: none
        bool retries = true;  // false for group parts
        bool resumed = false; // its attempt was under way when the console stopped (resume())
    };

    struct GroupSend
    {
        QString command;
        QString group;
        Json parameters;
        Json payload;
        qint64 sentMs = 0;
        qint64 deadline = 0; // on m_clock
        bool held = false;   // sensitive: the gate holds it for an approval
    };
    static constexpr qint64 GateHoldMs = 2 * 60 * 60 * 1000;

    // The command in the form it takes for a device (its profile's), or for a group send when group is set.
    // nullptr, with why set, for an unknown command or one the device (group) does not take.
    const CommandSpec *findSpec(const QString &commandName, const QString &device, const QString &group = {},
                                QString *why = nullptr) const;
    const CommandSpec *findSpec(const CommandExecution &e) const
    {
        return findSpec(e.command, e.device, e.group);
    }
    // findSpec() for a new send, with every refusal explained: unknown, not for that device, or an AWS IoT
    // command without a username to start it under.
    const CommandSpec *specFor(const QString &commandName, QString *error, const QString &device,
                               const QString &group = {}) const;
    // False, with error set, for a device id that is invalid or that spec's request topic cannot hold.
    bool checkDevice(const CommandSpec &spec, const QString &device, QString *error) const;
    // A new execution. With dispatchNow it is recorded and begun (or Failed when it cannot be recorded);
    // without, the caller does both (a selection records all its executions in one transaction).
    QString start(const QString &device, const CommandSpec &spec, const Json &parameters, const Json &payload,
                  const QString &broadcastId, bool dispatchNow = true, const QString &retryOf = {});
    // False, with error set, when options name an original that is unknown or another device's.
    bool checkOptions(const SendOptions &options, const QString &device, QString *error) const;
    // The accepted send's audit detail: "set_led to dev-1", and which execution it retries.
    QString sendDetail(const QString &commandName, const QString &device, const SendOptions &options) const;
    // A recorded new execution: announced to wait for approval, or dispatched.
    void begin(const QString &id, const CommandSpec &spec);
    void dispatch(const QString &id);
    bool publishAttempt(const QString &id);
    // Held Queued until the client can take it (flushQueued()).
    void hold(const QString &id, const CommandSpec &spec);
    // The reasons of a command not sent because the ledger could not record it, and of a free-form payload
    // that may have gone out before the console stopped.
    static QString notRecorded(const QString &ledgerError);
    static QString mayHaveGoneOut();
    // A deadline on m_clock as a person's local time.
    QString deadlineText(qint64 deadline) const;
    // The request message of an execution (through the gate when there is one); nullopt with error set.
    std::optional<MqttMessage> requestFor(const CommandExecution &e, const CommandSpec &spec, QString *error,
                                          bool throughGate = true) const;
    bool submitBroadcastForApproval(const QString &broadcastId);
    // An execution (with its live state) the gate published for it: its attempt is under way, Sent, and
    // its reply is due within timeoutMs. The caller rearms the deadlines.
    void sentByTheGate(const QString &id, qint64 timeoutMs);
    // A group request that will not go out (rejected, refused by the gate): closes its window with why.
    void endGroupSend(const QString &tid, const QString &why, const QString &outcome);
    // Publishes the online ones of a recorded, harmless selection as one message to the gate; the ids it
    // carried (now Sent), or none when there is no gate or the message could not be queued.
    QStringList sendThroughGate(const QString &broadcastId, const QStringList &ids);
    // Where a group's members answer a request of spec: its own template, else the dialect's.
    std::optional<QString> groupResponseTopic(const CommandSpec &spec, const QString &group) const;
    void finish(const QString &id, State state, const QString &reason, const QString &note = {});
    void rearmNow();
    void onMessage(const MqttMessage &message);
    // AWS IoT commands (dialect "aws-commands"): started through fleet-hub, followed on its results topic
    // and on $aws/events/commandExecution (docs/aws-commands.md). True when message was one of those.
    bool onAwsMessage(const MqttMessage &message);
    // An AWS IoT command status (IN_PROGRESS, SUCCEEDED, FAILED, REJECTED, TIMED_OUT) for execution id.
    void applyAwsStatus(const QString &id, const QString &status, const QString &reason,
                        const Json &result = {});
    // "CODE: description" from an AWS status's "statusReason", bounded; empty without one.
    static QString statusReasonText(const Json &body);
    void listenForAws();
    // Azure direct methods (a device whose profile's dialect is "azure-methods"): called through fleet-hub
    // (fleet/azure-methods/invoke/{user}/{tid}), the verdict on fleet/azure-methods/results/{user}
    // (docs/azure.md). True when message was one of those.
    bool onAzureMessage(const MqttMessage &message);
    std::optional<MqttMessage> azureInvokeFor(const CommandExecution &e, const CommandSpec &spec,
                                              QString *error, bool throughGate) const;
    // How long after the command's timeout its verdict may still come from fleet-hub.
    static int graceFor(const CommandSpec &spec);
    // The start of an AWS IoT command for fleet-hub; a sensitive one, throughGate, goes to the gate, which
    // holds it for an approval and hands it to the hub's service once approved.
    std::optional<MqttMessage> awsStartFor(const CommandExecution &e, const CommandSpec &spec, QString *error,
                                           bool throughGate) const;
    void updateRoutes();
    void recordUnreadable(const QString &topic, const QString &device, const QString &reason);
    void applyReply(const QString &id, const AtlasReply &reply);
    // The device's oldest outstanding execution (of a free-form payload only, with rawOnly), else its latest.
    QString reconcile(const AtlasReply &reply, bool rawOnly = false) const;
    QString groupPart(const AtlasReply &reply);
    void flushQueued();
    void onTimer();
    // The group requests whose window has passed t (their broadcasts take no first replies any more), now
    // closed; reportClosedGroups() tells of them once the deadlines of t are dealt with.
    QStringList closeGroupWindows(qint64 t);
    void reportClosedGroups(const QStringList &broadcastIds);
    // newVerdicts: executions of the broadcast that have just got theirs.
    void updateBroadcast(const QString &broadcastId, int newVerdicts = 0);
    void prune();
    qint64 now() const { return m_clock.elapsed(); }

    MqttClient *m_client;
    CommandCatalog m_catalog;
    CommandSpec m_rawSpec;
    QString m_actor;
    QString m_gatePrefix;
    QString m_gateBroadcastPrefix;
    AtlasDialect m_dialect;
    QStringList m_groupFilters; // the group response topics of profiles for one group
    // One per distinct response topic template (the dialect's first): which device a reply comes from, and
    // how to read it.
    QList<AtlasDialect> m_routes;
    QList<QString> m_routeGroups; // per route: the one group its group replies may come from (empty: any)
    QSet<QString> m_subscribed;
    TidGenerator m_tids;
    OfflinePolicy m_offlinePolicy = OfflinePolicy::Hold;
    QSet<QString> m_offline;
    QHash<QString, QStringList> m_groupMembers;
    std::function<QStringList(const QString &)> m_groupMembersSource;
    // Keyed by id, so in creation order: tids are ordered and a group part's id extends its tid.
    QMap<QString, CommandExecution> m_executions;
    CommandJournal m_journal; // reads m_executions
    QMap<QString, Live> m_live;
    QHash<QString, Broadcast> m_broadcasts;
    QMap<QString, GroupSend> m_groupSends; // open group requests, by tid
    QElapsedTimer m_clock;
    QTimer m_timer;
    QMap<QString, bool> m_queued; // executions that may be Queued, oldest first (a superset, pruned lazily)
    // fleet-hub's execution ids of the AWS IoT commands started from here, to the tracker's ids: the newest
    // MaxAwsExecutions (events of older ones are recorded nowhere, as anybody else's are).
    QHash<QString, QString> m_awsExecutions;
    QList<QString> m_awsOrder;
    int m_unmatched = 0;
    int m_unreadable = 0;
    QList<UnreadableReply> m_recentUnreadable;
};

} // namespace fleet
