#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// A sensitive command waiting for (or past) a second person's decision, as every console on the broker
// sees it. A plain value: ApprovalQueue keeps them, the ledger stores them, models copy them.
//
// Identities are MQTT usernames taken from topics, never from payloads: the requester from the topic the
// request was published on, an approver from the topic of the decision. The broker's ACL makes both
// unforgeable (docs/approvals.md).
//
// Only the requester's console changes the state: it acts on the first valid decision it receives and
// publishes the outcome. A decision that arrives later is kept in decisions (the audit wants it) and has no
// effect.
class ApprovalRequest final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::ApprovalRequest)

public:
    enum class State {
        Pending,
        Approved,
        Rejected,
        Expired,   // nobody decided before expiresMs
        Withdrawn, // the requester cancelled the command, or it could no longer be sent
    };

    struct Decision
    {
        QString approver;
        bool approve = false;
        QString reason;
        qint64 timeMs = 0; // as the approver's console stamped it, milliseconds since the Unix epoch

        friend bool operator==(const Decision &, const Decision &) = default;
    };

    QString id; // the execution's tid
    QString requester;
    QString device;
    QString command;
    Json parameters = Json::object();
    Json payload = Json::object(); // what will be sent, so that the approver sees exactly that
    qint64 requestedMs = 0;
    qint64 expiresMs = 0;
    State state = State::Pending;
    QString decidedBy; // empty while pending, and for an expiry or a withdrawal
    qint64 decidedMs = 0;
    QString reason;            // the deciding approver's, or why it expired or was withdrawn
    QList<Decision> decisions; // every one received, first come first
    // With fleet-hub's command gate: the topic the gate will publish on, and the digest of the exact content
    // a decision must name (empty without a gate).
    QString topic;
    QString digest;
    // With the gate, a broadcast is one request for all of its devices: they are here (device is empty).
    QStringList targets;
    // After an approval, what became of the command, so that every console (not only the requester's) can
    // show it: when it went out (0: not yet, or not known), and its final result once known
    // (CommandExecution::stateKey() of its final state: "succeeded", "failed", "timed-out", ...) with the
    // device's or the tracker's reason.
    qint64 sentMs = 0;
    QString result;
    QString resultReason;

    bool isPending() const { return state == State::Pending; }
    // Pending past its expiry: no decision counts any more, even before the requester notices.
    bool isExpired(qint64 nowMs) const
    {
        return state == State::Expired || (isPending() && nowMs >= expiresMs);
    }
    // Keeps one decision per approver (a changed mind replaces the earlier one while pending).
    void addDecision(const Decision &decision);
    std::optional<Decision> decisionBy(const QString &approver) const;

    // The retained message body. Identities in it are informative only (see above).
    Json toJson() const;
    // nullopt with error set for a body that is not a request (wrong types, missing fields, unknown state).
    static std::optional<ApprovalRequest> fromJson(const Json &json, QString *error = nullptr);

    // Stable names for files and messages ("pending", "approved", ...), never translated.
    static QString stateKey(State state);
    static std::optional<State> stateFromKey(const QString &key);
    // The name shown to operators.
    static QString stateText(State state);
    // Whom it goes to, as shown to operators: the device, or "12 devices (dev-1, dev-2, dev-3, …)".
    QString targetText() const;

    friend bool operator==(const ApprovalRequest &, const ApprovalRequest &) = default;
};

} // namespace fleet
