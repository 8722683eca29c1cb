#include "latencyrecorder.h"

#include <algorithm>
#include <cmath>

namespace fleet::bench {

void LatencyRecorder::add(Clock::duration latency)
{
    m_samples.push_back(std::chrono::duration<double, std::micro>(latency).count());
    m_sorted = false;
}

double LatencyRecorder::percentileMs(double p) const
{
    if (m_samples.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * double(m_samples.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, m_samples.size()) - 1;
    return m_samples[index] / 1000.0;
}

} // namespace fleet::bench
