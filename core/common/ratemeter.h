#pragma once

#include <QtGlobal>

#include <functional>

namespace fleet {

// Events per second, smoothed: an exponentially weighted moving average with a time constant of a few
// seconds. A plain count per second jumps between 0 and 50 when a fleet reports in bursts (50 devices each
// sending every 2 s, their bursts falling now in one second and now in the next); the average says 25. It
// drops to exactly 0 once a whole time constant passes without an event, rather than decaying for ever.
//
// add() is called per event and only counts; sample() folds what was counted since the last sample into the
// average, and is meant for a timer (about once a second; irregular intervals are weighted by their length).
// The clock is injectable (milliseconds, monotonic), so that tests need not wait.
class RateMeter final
{
public:
    using Clock = std::function<qint64()>;

    static constexpr qint64 DefaultTimeConstantMs = 5000;

    // A monotonic clock by default.
    explicit RateMeter(Clock clock = {}, qint64 timeConstantMs = DefaultTimeConstantMs);

    void add(qint64 events = 1) { m_pending += events; }
    // Updates the average with the events since the last sample, and returns it.
    double sample();
    // The average as of the last sample.
    double rate() const { return m_rate; }
    // Forgets everything (a new connection): the next samples average from scratch.
    void reset();

private:
    Clock m_clock;
    qint64 m_timeConstantMs;
    qint64 m_start = 0; // when the average began, to average plainly over the first time constant
    qint64 m_lastSample = 0;
    qint64 m_lastEvent = -1; // the sample at which events were last seen; -1 for none yet
    qint64 m_pending = 0;
    qint64 m_total = 0; // events since m_start, while the average is warming up
    double m_rate = 0;
};

} // namespace fleet
