#include "commands/commandexecution.h"

#include <algorithm>

namespace fleet {

bool CommandExecution::isFinal(State state)
{
    switch (state) {
    case State::Rejected:
    case State::Succeeded:
    case State::Failed:
    case State::TimedOut:
    case State::Unreachable:
    case State::Cancelled:
        return true;
    case State::AwaitingApproval:
    case State::Approved:
    case State::Queued:
    case State::Sent:
    case State::Running:
        break;
    }
    return false;
}

bool CommandExecution::hasFinalReply() const
{
    return std::any_of(replies.cbegin(), replies.cend(), [](const Reply &r) {
        return r.status != AtlasReply::Status::Running && !r.isFlagged();
    });
}

void CommandExecution::moveTo(State newState, qint64 timeMs, const QString &note)
{
    state = newState;
    transitions.append(Transition{newState, timeMs, note});
}

void CommandExecution::record(const Reply &reply)
{
    if (replies.size() >= MaxReplies) {
        ++droppedReplies;
        return;
    }
    replies.append(reply);
}

int CommandExecution::duplicateCount() const
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [](const Reply &r) { return r.duplicate; }));
}

int CommandExecution::lateCount() const
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [](const Reply &r) { return r.late; }));
}

int CommandExecution::outOfOrderCount() const
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [](const Reply &r) { return r.outOfOrder; }));
}

int CommandExecution::unreadableCount() const
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [](const Reply &r) { return r.unreadable; }));
}

QString CommandExecution::lastUnreadableReason() const
{
    for (auto it = replies.crbegin(); it != replies.crend(); ++it) {
        if (it->unreadable)
            return it->reason;
    }
    return {};
}

QString CommandExecution::stateKey(State state)
{
    switch (state) {
    case State::AwaitingApproval:
        return QStringLiteral("awaiting-approval");
    case State::Approved:
        return QStringLiteral("approved");
    case State::Rejected:
        return QStringLiteral("rejected");
    case State::Queued:
        return QStringLiteral("queued");
    case State::Sent:
        return QStringLiteral("sent");
    case State::Running:
        return QStringLiteral("running");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::TimedOut:
        return QStringLiteral("timed-out");
    case State::Unreachable:
        return QStringLiteral("unreachable");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString CommandExecution::stateText(State state)
{
    switch (state) {
    case State::AwaitingApproval:
        return tr("Awaiting approval", "command execution state");
    case State::Approved:
        return tr("Approved", "command execution state");
    case State::Rejected:
        return tr("Rejected", "command execution state");
    case State::Queued:
        return tr("Queued", "command execution state");
    case State::Sent:
        return tr("Sent", "command execution state");
    case State::Running:
        return tr("Running", "command execution state");
    case State::Succeeded:
        return tr("Succeeded", "command execution state");
    case State::Failed:
        return tr("Failed", "command execution state");
    case State::TimedOut:
        return tr("Timed out", "command execution state");
    case State::Unreachable:
        return tr("Unreachable", "command execution state");
    case State::Cancelled:
        return tr("Cancelled", "command execution state");
    }
    return {};
}

} // namespace fleet
