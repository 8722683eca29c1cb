#include "ratemeter.h"

#include <QElapsedTimer>

#include <cmath>
#include <memory>

namespace fleet {

RateMeter::RateMeter(Clock clock, qint64 timeConstantMs)
    : m_clock(std::move(clock))
    , m_timeConstantMs(qMax<qint64>(1, timeConstantMs))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
    m_start = m_lastSample = m_clock();
}

double RateMeter::sample()
{
    const qint64 now = m_clock();
    const qint64 elapsedMs = now - m_lastSample;
    if (elapsedMs <= 0)
        return m_rate; // two samples in the same millisecond: the events wait for the next one
    const qint64 events = m_pending;
    m_pending = 0;
    m_lastSample = now;
    if (events > 0)
        m_lastEvent = now;
    if (now - m_start <= m_timeConstantMs) {
        // Warming up: the plain mean since the start, so that the first seconds neither start from 0 and
        // creep up nor trust a single second.
        m_total += events;
        m_rate = double(m_total) * 1000.0 / double(now - m_start);
    } else {
        const double instant = double(events) * 1000.0 / double(elapsedMs);
        const double alpha = 1.0 - std::exp(-double(elapsedMs) / double(m_timeConstantMs));
        m_rate += alpha * (instant - m_rate);
    }
    if (m_lastEvent < 0 || now - m_lastEvent >= m_timeConstantMs)
        m_rate = 0;
    return m_rate;
}

void RateMeter::reset()
{
    m_start = m_lastSample = m_clock();
    m_lastEvent = -1;
    m_pending = 0;
    m_total = 0;
    m_rate = 0;
}

} // namespace fleet
