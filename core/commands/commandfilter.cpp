#include "commands/commandfilter.h"

namespace fleet {

bool CommandFilter::isEmpty() const
{
    return device.isEmpty() && command.isEmpty() && states.isEmpty() && broadcastId.isEmpty();
}

bool CommandFilter::accepts(const QString &executionDevice, const QString &executionCommand, State state,
                            const QString &executionBroadcastId) const
{
    return (device.isEmpty() || device == executionDevice) &&
           (command.isEmpty() || command == executionCommand) &&
           (states.isEmpty() || states.contains(state)) &&
           (broadcastId.isEmpty() || broadcastId == executionBroadcastId);
}

bool CommandFilter::accepts(const CommandExecution &execution) const
{
    return accepts(execution.device, execution.command, execution.state, execution.broadcastId);
}

QList<CommandFilter::State> CommandFilter::unfinishedStates()
{
    return {State::AwaitingApproval, State::Approved, State::Queued, State::Sent, State::Running};
}

QList<CommandFilter::State> CommandFilter::problemStates()
{
    return {State::Rejected, State::Failed, State::TimedOut, State::Unreachable, State::Cancelled};
}

} // namespace fleet
