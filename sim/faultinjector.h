#pragma once

#include <QtGlobal>

namespace fleet::sim {

class SplitMix64;
struct SimConfig;

// The faults of one simulated device, as SimConfig describes them, drawn from the device's own generator so
// that a seed replays the same fleet: how late it looks at a request, what goes wrong with a command, and
// when its timed events come. The timed events are offline periods, flaky-link drops and (random events of
// the same kind, though not faults) button presses: a deadline on the steady clock for each, which the
// device serves with one timer (nextDeadline()) and acts on as takeDue() says.
class FaultInjector final
{
public:
    enum class Event : quint8 { Offline, FlakyDrop, ButtonPress };

    // What goes wrong with one command.
    struct CommandFaults
    {
        bool fail = false;      // ends in FAILURE ("simulated failure")
        bool dies = false;      // one RUNNING, then never heard of again
        bool duplicate = false; // the final reply is sent twice
        bool stale = false;     // a stale RUNNING follows the final reply
    };

    // config and random must outlive the injector (the device holds all three).
    FaultInjector(const SimConfig &config, SplitMix64 &random);

    // The latency before a request is looked at: uniform in the configured range, plus the slow link's extra.
    int replyDelayMs(bool slowLink);
    CommandFaults drawCommandFaults();

    // Draws the first deadline of every timed event the configuration asks for (flaky-link drops only for a
    // device with a flaky link).
    void start(qint64 nowMs, bool flakyLink);
    // Whether event is due at nowMs. If it is, its next deadline is drawn at once, before the device acts on
    // it, so that the draws keep their order.
    bool takeDue(Event event, qint64 nowMs);
    // The earliest deadline, or 0 when nothing is scheduled.
    qint64 nextDeadline() const;

private:
    qint64 draw(Event event, qint64 nowMs);
    bool chance(double probability);

    const SimConfig &m_config;
    SplitMix64 &m_random;
    // Deadlines on the steady clock (ms), 0 for never.
    qint64 m_nextOffline = 0;
    qint64 m_nextFlakyDrop = 0;
    qint64 m_nextButtonPress = 0;
};

} // namespace fleet::sim
