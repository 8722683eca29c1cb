#pragma once

namespace fleet::ctl {

// fleetctl's exit status. Scripts branch on these, so a value never changes meaning; --help lists them.
enum ExitCode : int {
    Success = 0,
    Rejected = 1,         // the service rejected the request (or answered with something unusable)
    UsageError = 2,       // invalid options or arguments
    ConnectionFailed = 3, // cannot connect to the broker, or lost the connection, or the broker refused
    TimedOut = 4,         // no reply from the service in time (fleetctl's own --timeout)
    // Command verdicts (send --wait, status ID, rollback --wait).
    CommandFailed = 5,     // the device answered FAILURE (or its heartbeats stopped)
    CommandUnanswered = 6, // timed out or unreachable: the device never gave a verdict
    CommandRefused = 7,    // rejected by an approver, expired, or cancelled
    CommandPending =
        8, // no verdict yet (status of a command still in flight, a shadow change held for approval)
};

} // namespace fleet::ctl
