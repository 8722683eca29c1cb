#include "eventloopprobe.h"

#include <QEventLoop>

#include <algorithm>

namespace fleet::bench {

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

EventLoopProbe::EventLoopProbe(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    // A precise single-shot timer re-armed from each tick: lateness does not accumulate, and a coarse timer's
    // own slack (up to 5 %) is not counted as the loop's.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopProbe::onTick);
}

void EventLoopProbe::start()
{
    m_lateness.clear();
    m_clock.start();
    m_dueNs = qint64(m_intervalMs) * 1000000;
    m_timer.start(m_intervalMs);
}

void EventLoopProbe::stop()
{
    m_timer.stop();
}

void EventLoopProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_lateness.append(std::max<double>(0, double(now - m_dueNs) / 1e6));
    m_dueNs = now + qint64(m_intervalMs) * 1000000;
    m_timer.start(m_intervalMs);
}

double EventLoopProbe::quantile(double q) const
{
    if (m_lateness.isEmpty())
        return 0;
    QList<double> sorted = m_lateness;
    std::sort(sorted.begin(), sorted.end());
    const auto index = qsizetype(std::clamp(q, 0.0, 1.0) * double(sorted.size() - 1) + 0.5);
    return sorted.at(index);
}

double EventLoopProbe::maximum() const
{
    return m_lateness.isEmpty() ? 0 : *std::max_element(m_lateness.cbegin(), m_lateness.cend());
}

} // namespace fleet::bench
