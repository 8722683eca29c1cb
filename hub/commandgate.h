#pragma once

#include "gatepolicy.h"
#include "gaterecord.h"
#include "gatestore.h"

#include "dialects/atlasdialect.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <QSet>
#include <QString>
#include <QTimer>
#include <functional>

namespace fleet {

// fleet-hub's command gate: the one account that may publish on device request topics and desired state
// (the broker's access control says so), publishing on an operator's behalf what its catalog allows, and
// holding what is sensitive until an approver other than the requester approves exactly that content. Topics
// and payloads: docs/security.md.
//
//   fleet/gate/submit/{user}/{topic…}          an operator asks for a message on {topic…}
//   fleet/gate/results/{user}                  what became of it when it was not simply relayed: held,
//                                              refused, or the outcome of its approval
//   fleet/gate/approvals/{requester}/{id}      a held request (retained, written only here)
//   fleet/gate/decisions/{requester}/{id}/{approver}
//   fleet/gate/broadcast/{user}/{id}           one command to many devices (GateBroadcast), judged as one:
//                                              relayed, refused, or held as one request for all targets
//   fleet/gate/cancel/{user}/{id}              the requester withdraws a pending request
//   fleet/gate/info                            the gate is here (retained)
//
// Every name the gate acts on is a topic level the broker's ACL pins to the connection that wrote it. The
// messages that arrive together are handled as one batch in one transaction of the GateStore, committed
// before anything of the batch is published: a kill -9 loses no decision and sends nothing twice, and a
// failed write refuses the batch instead of sending it.
//
// Bounds: MaxPending held requests in all, MaxPendingPerRequester each; audit rows for refusals and ignored
// decisions at most MaxNoisyAuditPerMinute per account (the rest counted, and one summary row written).
class CommandGate final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultLifetimeMs = 60 * 60 * 1000;
    static constexpr int MaxPending = 10000;
    static constexpr int MaxPendingPerRequester = 200;
    static constexpr int MaxResends = 10; // retries of an approved request (same content, same id)
    static constexpr int MaxNoisyAuditPerMinute = 60;
    static constexpr qsizetype MaxIdChars = 128;
    static constexpr qsizetype MaxDecisionBytes = 4096;
    // Held broadcasts keep their whole submission in memory (up to GateBroadcast::MaxBytes each).
    static constexpr qsizetype MaxHeldBroadcastBytes = 64 * 1024 * 1024;

    // The client is the hub's (shared with the shadow service); store must be open.
    CommandGate(MqttClient *client, GateStore *store, CommandCatalog catalog, QObject *parent = nullptr);
    ~CommandGate() override;

    void setLifetimeMs(qint64 ms) { m_lifetimeMs = ms; }
    // Subscribes (the client keeps subscriptions across reconnects) and takes back what the store holds.
    // Call before the client connects. False with errorString().
    bool start();
    QString errorString() const { return m_error; }

    // Where an approved AWS IoT command start goes (fleet-hub's AwsCommandService::startApproved()): handed
    // over in the process, since on the broker the service could not tell it from a requester's own start.
    // Without one, such starts are refused.
    using AwsStarter =
        std::function<void(const QString &user, const QString &clientToken, const QByteArray &payload)>;
    void setAwsStarter(AwsStarter starter) { m_awsStarter = std::move(starter); }
    // Where an Azure direct method call goes (fleet-hub's AzureHubService::invokeApproved()): handed over
    // in process once the gate relays or an approver approves it, so that a sensitive method never travels on
    // a topic an operator could write. Without one, method calls are refused.
    using AzureInvoker =
        std::function<void(const QString &user, const QString &requestId, const QByteArray &payload)>;
    void setAzureInvoker(AzureInvoker invoker) { m_azureInvoker = std::move(invoker); }

    const GatePolicy &policy() const { return m_policy; }
    int pendingCount() const { return int(m_held.size()); }

    static QString topicPrefix() { return QStringLiteral("fleet/gate"); }
    static QStringList filters();

Q_SIGNALS:
    void relayed(const QString &topic);
    void held(const QString &requester, const QString &id);
    void settled(const QString &requester, const QString &id, const QString &state);
    // The database failed: the batch was refused (and said so to the requesters).
    void storeFailed(const QString &message);

private:
    struct Pending
    {
        MqttMessage message;
        qint64 receivedMs = 0;
    };

    void onMessage(const MqttMessage &message);
    void onConnected();
    void startAws(const QString &topic, const QByteArray &payload);
    void invokeAzure(const QString &topic, const QByteArray &payload);
    void handleBatch();
    void handleSubmit(const QString &user, const QString &target, const MqttMessage &message, qint64 now);
    void handleBroadcast(const QString &user, const QString &id, const QByteArray &payload, qint64 now);
    // A retry of one device's part of an approved broadcast (the device did not answer): sent again, as
    // approved, instead of held as a new request. False when the message is no such part.
    bool resendBroadcastPart(const QString &user, const QString &id, const QString &target,
                             const QByteArray &payload, const Json &properties, qint64 now);
    // Fills a broadcast record's targets from its payload; false when the payload is not a broadcast.
    bool describeBroadcast(GateRecord &record) const;
    void hold(GateRecord record, qint64 now);
    // A request by its key, held in memory or on disk (ok false when the store could not be read).
    std::optional<GateRecord> find(const QString &user, const QString &id, bool *ok);
    static QString badIdReason(const QString &id);
    // Stages a message for its device (published with the batch, once committed).
    void relay(const QString &topic, const QByteArray &payload, const Json &properties, int qos = 1);
    void refuse(const QString &user, const QString &id, const QString &topic, const QString &why, qint64 now,
                const QString &approval = {});
    // Forgets a settled request (and what a broadcast's retries need).
    void forget(const QString &name);
    // Takes back the records the store holds unsettled (at start, and after a failed commit).
    void adopt(const QList<GateRecord> &records);
    // The device's final reply to what the gate sent is wanted (and kept with the request): the gate listens
    // on that device's response topics while it waits, and only then.
    void awaitReply(const QString &tid, const QString &name);
    void stopAwaiting(const QString &tid);
    void listenForReplies(const QString &device, bool on);
    void handleDecision(const QString &requester, const QString &id, const QString &approver,
                        const QByteArray &payload, qint64 now);
    void handleCancel(const QString &user, const QString &id, qint64 now);
    void expire();
    void onReply(const MqttMessage &message);
    void settle(GateRecord &record, GateRecord::State state, const QString &by, const QString &reason,
                qint64 now);
    void send(GateRecord &record, qint64 now);
    void stageResult(const QString &user, const QString &id, const QString &topic, const QString &outcome,
                     const QString &reason, const QString &approval = {});
    void stageApproval(const GateRecord &record);
    void stage(const MqttMessage &message);
    // An audit row; noisy ones (refusals, ignored decisions) are rate-limited per actor.
    void audit(const QString &actor, const QString &action, const QString &requester, const QString &id,
               const QString &topic, const QString &detail, bool noisy = false, qint64 now = 0);
    void flush();
    // Commits the store's transaction, then publishes what was staged for it (nothing when the commit
    // failed). False when it failed.
    bool commitAndPublish();
    void publishStaged();
    void scheduleExpiry();
    static QString key(const QString &requester, const QString &id);

    MqttClient *m_client;
    GateStore *m_store;
    GatePolicy m_policy;
    QString m_error;
    qint64 m_lifetimeMs = DefaultLifetimeMs;
    QList<Pending> m_incoming;
    QList<MqttMessage> m_staged; // the batch's publications, held until its commit
    QList<QString> m_stagedRelays;
    QList<MqttMessage> m_outbox;       // committed, waiting for room in the client's in-flight window
    QHash<QString, GateRecord> m_held; // pending, or approved (kept for resends until they expire)
    QHash<QString, int> m_heldPerRequester;
    QHash<QString, int> m_resends;
    QList<AtlasDialect> m_replyRoutes;        // the catalog's response topics
    QHash<QString, int> m_replyListeners;     // device -> requests waiting for its reply
    QHash<QString, QString> m_awaitingReply;  // tid -> key of a sent request without its final reply
    QHash<QString, QString> m_broadcastParts; // digest of one message of an approved broadcast -> its key
    qsizetype m_heldBroadcastBytes = 0;
    struct Noise
    {
        qint64 windowStart = 0;
        int written = 0;
        int dropped = 0;
    };
    QHash<QString, Noise> m_noise; // per actor, cleared every minute
    QTimer m_batchTimer;
    QTimer m_expiryTimer;
    quint64 m_generatedIds = 0;
    AwsStarter m_awsStarter;
    AzureInvoker m_azureInvoker;
    QList<std::function<void()>> m_stagedCalls; // starts and method calls, made once the batch is on disk
};

} // namespace fleet
