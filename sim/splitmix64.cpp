#include "splitmix64.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fleet::sim {

// splitmix64 (Steele, Lea and Flood).
quint64 SplitMix64::next()
{
    quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double SplitMix64::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

int SplitMix64::between(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(qint64(hi) - lo) + 1;
    return int(qint64(lo) + qint64(next() % span));
}

qint64 SplitMix64::exponentialMs(int mean)
{
    // Capped at 20 means (the chance of drawing more is 2e-9) and what a QTimer can wait.
    const double wait = -double(mean) * std::log1p(-uniform());
    return qint64(std::clamp(wait, 1.0, std::min(20.0 * mean, double(std::numeric_limits<int>::max()))));
}

} // namespace fleet::sim
