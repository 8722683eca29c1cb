#pragma once

#include <chrono>
#include <vector>

namespace fleet::bench {

// Latency samples of one measurement, in microseconds, and their percentiles.
class LatencyRecorder
{
public:
    using Clock = std::chrono::steady_clock;

    void reserve(std::size_t count) { m_samples.reserve(count); }
    void add(Clock::duration latency);
    std::size_t count() const { return m_samples.size(); }

    // Nearest-rank percentile in milliseconds (p in 0..100); 0 without samples.
    double percentileMs(double p) const;

private:
    mutable std::vector<double> m_samples; // µs; sorted lazily by percentileMs()
    mutable bool m_sorted = true;
};

} // namespace fleet::bench
