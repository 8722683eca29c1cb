#pragma once

namespace fleet {

// The log of a headless program (fleet-hub, fleet-sim) is its stderr: one line per message,
//   2026-11-30T03:34:30.336Z fleet-hub[6403] info: message
// whatever Qt's default handler would do (journald, say), because a supervisor adds nothing. The name is
// QCoreApplication::applicationName(), read per line.
void installServiceLog();

} // namespace fleet
