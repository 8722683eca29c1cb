#pragma once

namespace fleet::ctl {

// fleetctl's exit status. Scripts branch on these, so a value never changes meaning; --help lists them.
enum ExitCode : int {
    Success = 0,
    Rejected = 1,         // the service rejected the request (or answered with something unusable)
    UsageError = 2,       // invalid options or arguments
    ConnectionFailed = 3, // cannot connect to the broker, or lost the connection, or the broker refused
    TimedOut = 4,         // no reply from the shadow service in time
};

} // namespace fleet::ctl
