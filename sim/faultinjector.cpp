#include "faultinjector.h"

#include "simconfig.h"
#include "splitmix64.h"

#include <algorithm>

namespace fleet::sim {

FaultInjector::FaultInjector(const SimConfig &config, SplitMix64 &random)
    : m_config(config)
    , m_random(random)
{}

int FaultInjector::replyDelayMs(bool slowLink)
{
    const int lo = std::max(0, std::min(m_config.latencyMinMs, m_config.latencyMaxMs));
    const int hi = std::max(0, std::max(m_config.latencyMinMs, m_config.latencyMaxMs));
    return m_random.between(lo, hi) + (slowLink ? std::max(0, m_config.slowLinkExtraMs) : 0);
}

FaultInjector::CommandFaults FaultInjector::drawCommandFaults()
{
    // All four drawn every time, in this order, so that one rate does not shift the draws of the others.
    CommandFaults faults;
    faults.fail = chance(m_config.failureRate);
    faults.dies = chance(m_config.silentDeathRate);
    faults.duplicate = chance(m_config.duplicateReplyRate);
    faults.stale = chance(m_config.outOfOrderRate);
    return faults;
}

bool FaultInjector::chance(double probability)
{
    // Always draws, even for a rate of 0 or 1, so that the stream does not depend on the rates.
    return m_random.uniform() < probability;
}

void FaultInjector::start(qint64 nowMs, bool flakyLink)
{
    m_nextOffline = m_config.offlineEveryMs > 0 ? draw(Event::Offline, nowMs) : 0;
    m_nextFlakyDrop = flakyLink && m_config.flakyEveryMs > 0 ? draw(Event::FlakyDrop, nowMs) : 0;
    m_nextButtonPress = m_config.buttonPressIntervalMs > 0 ? draw(Event::ButtonPress, nowMs) : 0;
}

bool FaultInjector::takeDue(Event event, qint64 nowMs)
{
    qint64 &deadline = event == Event::Offline     ? m_nextOffline
                       : event == Event::FlakyDrop ? m_nextFlakyDrop
                                                   : m_nextButtonPress;
    if (!deadline || deadline > nowMs)
        return false;
    deadline = draw(event, nowMs);
    return true;
}

qint64 FaultInjector::nextDeadline() const
{
    qint64 next = 0;
    for (const qint64 deadline : {m_nextOffline, m_nextFlakyDrop, m_nextButtonPress}) {
        if (deadline && (!next || deadline < next))
            next = deadline;
    }
    return next;
}

qint64 FaultInjector::draw(Event event, qint64 nowMs)
{
    switch (event) {
    case Event::Offline:
        return nowMs + m_random.exponentialMs(m_config.offlineEveryMs);
    case Event::FlakyDrop:
        return nowMs + m_random.between(m_config.flakyEveryMs / 2, m_config.flakyEveryMs * 3 / 2);
    case Event::ButtonPress:
        return nowMs + m_random.exponentialMs(m_config.buttonPressIntervalMs);
    }
    return 0;
}

} // namespace fleet::sim
