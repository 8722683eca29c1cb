#pragma once

#include "common/json.h"

#include "dialects/atlasreply.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace fleet {

// One command sent (or about to be sent) to one device, and everything that happened to it: a plain value,
// copied out of CommandTracker for views, tests and (later) the ledger.
//
// States move forward only: AwaitingApproval (sensitive commands) -> Approved | Rejected; Queued -> Sent
// (again at each retry, with the same tid) -> Running (heartbeats) -> one verdict: Succeeded, Failed (with
// the device's reason, or "heartbeats stopped", or "device offline"), TimedOut, Unreachable (every attempt
// went unanswered), Cancelled. Rejected is a verdict too. Every move is kept as a timestamped transition.
//
// Replies are kept as they arrived, flagged when they were not news: a second copy of the final reply is a
// duplicate, a final reply after a verdict the device did not give (timeout, cancel) is late, a RUNNING after
// the verdict is out of order. Flagged replies never change the state. RUNNING heartbeats while running are
// counted rather than kept, so that a long command does not grow its record without bound.
class CommandExecution final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::CommandExecution)

public:
    enum class State {
        AwaitingApproval,
        Approved,
        Rejected,
        Queued,
        Sent,
        Running,
        Succeeded,
        Failed,
        TimedOut,
        Unreachable,
        Cancelled,
    };
    static constexpr int StateCount = int(State::Cancelled) + 1;

    struct Transition
    {
        State state = State::Queued;
        qint64 timeMs = 0; // milliseconds since the Unix epoch
        QString note;

        friend bool operator==(const Transition &, const Transition &) = default;
    };

    struct Reply
    {
        qint64 timeMs = 0; // when it arrived, milliseconds since the Unix epoch
        AtlasReply::Status status = AtlasReply::Status::Running;
        QString reason;
        bool text = false; // a plain-text reply, reconciled by device
        bool duplicate = false;
        bool late = false;
        bool outOfOrder = false;
        // Arrived on the device's response topic but could not be read (not the dialect's format); reason
        // says why. It settles nothing, but it tells an operator that the device did answer.
        bool unreadable = false;

        bool isFlagged() const { return duplicate || late || outOfOrder || unreadable; }
        friend bool operator==(const Reply &, const Reply &) = default;
    };

    // At most this many replies are kept; later ones are only counted in droppedReplies.
    static constexpr qsizetype MaxReplies = 64;

    // The tracker's key: the tid for a command sent to one device; "tid/device" for one device's part of a
    // group broadcast, whose request (and tid) all the group's devices share.
    QString id;
    QString tid;
    QString command;
    QString device;
    QString group;       // of a group broadcast's part, else empty
    QString broadcastId; // of a part of a broadcast, else empty
    QString requestedBy; // the operator (MQTT username) who sent it; empty when not known
    // The execution this one sends again (an operator's retry: same device, command and parameters), else
    // empty. Kept so that the history of a command that needed several tries reads as one story; the
    // reverse link ("retried as") is looked up, since one command may be retried more than once.
    QString retryOf;
    Json parameters = Json::object(); // as the operator gave them
    Json payload;                     // as CommandSpec::buildPayload() made it (the request's "params")
    State state = State::Queued;
    QString reason;   // why it failed, timed out, was rejected or cancelled, or (Queued) what it waits for
    Json result;      // the final reply's "result"
    int attempts = 0; // requests published, the first included
    int heartbeats = 0;
    qint64 lastHeartbeatMs = 0;
    qsizetype droppedReplies = 0;
    QList<Transition> transitions;
    QList<Reply> replies;

    bool isFinal() const { return isFinal(state); }
    static bool isFinal(State state);
    // Whether the verdict came from the device itself (a final reply), rather than from a timeout, an
    // operator or the offline policy.
    bool hasFinalReply() const;
    qint64 createdMs() const { return transitions.isEmpty() ? 0 : transitions.first().timeMs; }

    // Appends a transition (also for the same state: a retry is a transition to Sent again).
    void moveTo(State newState, qint64 timeMs, const QString &note = {});
    // Keeps a reply (or counts it, past MaxReplies).
    void record(const Reply &reply);
    // How many replies carry each flag.
    int duplicateCount() const;
    int lateCount() const;
    int outOfOrderCount() const;
    int unreadableCount() const;
    // The reason of the latest unreadable reply; empty when there is none.
    QString lastUnreadableReason() const;

    // Stable names for logs and files ("awaiting-approval", "succeeded", ...), never translated.
    static QString stateKey(State state);
    // The name shown to operators.
    static QString stateText(State state);

    friend bool operator==(const CommandExecution &, const CommandExecution &) = default;
};

} // namespace fleet
