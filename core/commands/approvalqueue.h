#pragma once

#include "commands/approvalrequest.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet {

class CommandExecution;
class CommandLedger;
class CommandTracker;
class MqttClient;
class MqttMessage;

// The approval queue, shared by every console on a broker through retained messages:
//
//   {prefix}/requests/{requester}/{id}   the request, published by the requester's console, retained; it is
//                                        republished with the outcome once decided (or expired, withdrawn)
//   {prefix}/decisions/{id}/{approver}   one approver's decision {"decision": "approve"|"reject",
//                                        "reason", "time"}, retained until the outcome is out
//
// Identities are the MQTT usernames in those topics. The broker's ACL (docs/approvals.md) lets a user write
// only under its own name, so neither a request nor a decision can be forged, and the queue never reads an
// identity from a payload.
//
// Only the requester's console acts: with a tracker (setTracker()), every execution of it that enters
// AwaitingApproval is published as a request, and the first valid decision received for it (an approver who
// is not the requester, before it expires) is written to the ledger and then given to the tracker, which
// sends the command. Decisions are applied in the order the broker delivers them, one at a time, and a
// decided request never changes again, so two approvers acting at the same moment still send the command
// once: the second decision is recorded and ignored. A console that is down when a decision is made acts on
// it when it comes back (the decision is retained) and, after a crash, on its ledger's pending requests
// (start()). A request nobody decides before its lifetime ends expires; its command ends Rejected.
//
// Any console can decide (approve(), reject()) on others' requests; its own requests it cannot.
//
// With fleet-hub's command gate on the broker (its retained fleet/gate/info says so), the queue is the
// gate's, and the rule is enforced there rather than in this console: requests are keyed "requester/id";
// this console hands its sensitive commands to the gate (CommandTracker::submitForApproval()), shows the
// requests the gate holds (fleet/gate/approvals/{requester}/{id}, written by the gate alone), sends decisions
// bound to the request's digest (fleet/gate/decisions/{requester}/{id}/{me}), and follows the gate's
// outcome: the gate publishes an approved command itself, once, even with the requester's console closed.
class ApprovalQueue final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultLifetimeMs = 60 * 60 * 1000;
    // Other consoles' requests kept in memory; the oldest decided ones go first past it.
    static constexpr qsizetype MaxRequests = 10000;
    // The largest request or decision read (a command's payload is at most 64 KB); larger ones are ignored.
    static constexpr qsizetype MaxMessageBytes = 256 * 1024;

    explicit ApprovalQueue(MqttClient *client, QObject *parent = nullptr);
    ~ApprovalQueue() override;

    // Not owned; set before start(). Without a tracker the queue only shows and decides others' requests.
    void setTracker(CommandTracker *tracker);
    void setLedger(CommandLedger *ledger) { m_ledger = ledger; }
    void setTopicPrefix(const QString &prefix) { m_prefix = prefix; }
    QString topicPrefix() const { return m_prefix; }
    // How long a new request waits for a decision.
    void setLifetimeMs(qint64 ms) { m_lifetimeMs = ms; }
    qint64 lifetimeMs() const { return m_lifetimeMs; }

    // The MQTT username this console is authenticated as.
    QString identity() const;

    // Subscribes, and restores this console's requests from the ledger: pending ones wait again (and are
    // published again), approved ones whose command the tracker holds awaiting approval are sent, and
    // pending ones whose command the tracker holds but no longer waits are withdrawn. Call it after the
    // tracker's resume(). False with error set
    // when the identity cannot take part (anonymous, or a name that cannot be a topic level) or the ledger
    // cannot be read.
    bool start(QString *error = nullptr);

    // Every request known, oldest first.
    QList<ApprovalRequest> requests() const;
    std::optional<ApprovalRequest> request(const QString &id) const;
    int pendingCount() const;

    // Publishes this console's decision on a pending request of someone else. False with error set (and
    // nothing published) for an unknown, decided or expired request, one's own request, or no connection.
    // The outcome arrives later, through requestChanged(), from the requester's console.
    bool approve(const QString &id, const QString &reason = {}, QString *error = nullptr);
    bool reject(const QString &id, const QString &reason, QString *error = nullptr);
    // Whether this console may decide on the request; false with why set.
    bool canDecide(const QString &id, QString *why = nullptr) const;

    // Whether fleet-hub's command gate enforces approvals on this broker (false: advisory, in the consoles).
    bool gateEnforced() const { return m_gate; }
    // fleet/gate/info's payload (the queue reads it itself once started; a caller that knows it earlier,
    // such as fleetctl before resuming commands, hands it over). Empty or unreadable: no gate.
    void applyGateInfo(const QByteArray &payload);
    // "approvals enforced by fleet-hub" or "approvals advisory (no gate on this broker)".
    QString modeText() const;
    static QString gatePrefix() { return QStringLiteral("fleet/gate"); }
    // Where this user hands messages to the gate (fleet/gate/submit/{user}/); empty without a gate or a name.
    QString submitPrefix() const;
    // Where this user hands the gate a broadcast (fleet/gate/broadcast/{user}/); empty like submitPrefix().
    QString broadcastPrefix() const;

    QString requestTopic(const QString &requester, const QString &id) const;
    QString decisionTopic(const QString &id, const QString &approver) const;
    // Whether name can stand in a topic level (and so take part in approvals).
    static bool isValidIdentity(const QString &name);

Q_SIGNALS:
    void requestChanged(const QString &id);
    void requestRemoved(const QString &id);
    // A decision that changed nothing: a requester approving itself, a decision on a decided or expired
    // request, a malformed message. Kept in the audit log too.
    void decisionIgnored(const QString &id, const QString &approver, const QString &why);
    void ledgerFailed(const QString &message);
    void gateChanged(bool enforced);
    // The broker refused a decision this console published (MQTT 5 tells: the account may not decide).
    void decisionRefused(const QString &id, const QString &why);
    // The broker took it (PUBACK): with a gate, the gate now judges it.
    void decisionDelivered(const QString &id);
    // The gate's answer to something this user submitted (id: the command's tid or the shadow request's
    // clientToken): "held", "refused" or its approval's outcome (a relayed message gets no answer).
    void gateAnswered(const QString &id, const QString &outcome, const QString &reason);

private:
    bool decide(const QString &id, bool approve, const QString &reason, QString *error);
    void onConnected();
    void onMessage(const MqttMessage &message);
    void onRequestMessage(const QString &requester, const QString &id, const QByteArray &payload);
    void onDecisionMessage(const QString &id, const QString &approver, const QByteArray &payload);
    void onExecutionChanged(const QString &id);

    void onGateApproval(const QString &requester, const QString &id, const QByteArray &payload);
    void onGateResult(const QByteArray &payload);
    bool decideThroughGate(const ApprovalRequest &request, bool approve, const QString &reason,
                           QString *error);
    QString keyOf(const QString &id) const; // own tracker id -> queue key
    void applyDecision(const QString &id, const ApprovalRequest::Decision &decision);
    void settle(const QString &id, ApprovalRequest::State state, const QString &decidedBy,
                const QString &reason);
    // Another's request without a gate: shown decided by the first valid decision held (see the .cpp).
    void showFirstDecision(ApprovalRequest &request) const;
    // An own approved request follows its command: sent, then its final result (republished).
    void followOutcome(const QString &key, const CommandExecution &e);
    void clearOwnDecision(const ApprovalRequest &request);
    void publishRequest(const ApprovalRequest &request);
    void store(const ApprovalRequest &request);
    void audit(const QString &action, const QString &subject, const QString &outcome, const QString &detail);
    void flushUnpublished();
    void onTimer();
    void rearm();
    void prune();
    // Whether this console is the one that acts on the request: it made it (or restored it from its ledger).
    // Another console logged in under the same name shows the same requester but does not act on them.
    bool isMine(const QString &id) const { return m_mine.contains(id); }

    MqttClient *m_client;
    QPointer<CommandTracker> m_tracker;
    CommandLedger *m_ledger = nullptr;
    QString m_prefix = QStringLiteral("fleet/approvals");
    qint64 m_lifetimeMs = DefaultLifetimeMs;
    QMap<QString, ApprovalRequest> m_requests; // by id: tids order by creation
    // Decisions that arrived before their request (retained messages of different topics come in any order).
    QHash<QString, QList<ApprovalRequest::Decision>> m_early;
    QSet<QString> m_mine;
    QSet<QString> m_unpublished; // own requests whose latest state is still to be published
    QTimer m_timer;
    bool m_started = false;
    bool m_gate = false;
    QHash<int, QString> m_decisionIds; // message id of a decision published -> request, until acknowledged
};

} // namespace fleet
