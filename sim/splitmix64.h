#pragma once

#include <QtGlobal>

namespace fleet::sim {

// A simulated device's random numbers. splitmix64: 8 bytes of state where std::mt19937_64 takes 2.5 KB, which
// 10,000 devices would feel. Its draws are computed here rather than by <random>'s distributions so that a
// seed replays the same fleet with any standard library.
class SplitMix64 final
{
public:
    explicit SplitMix64(quint64 seed)
        : m_state(seed)
    {}

    quint64 next();
    double uniform();               // [0, 1)
    int between(int lo, int hi);    // [lo, hi]
    qint64 exponentialMs(int mean); // the wait of a Poisson process, at least 1 ms

private:
    quint64 m_state;
};

} // namespace fleet::sim
