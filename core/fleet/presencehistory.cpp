#include "presencehistory.h"

#include <algorithm>

namespace fleet {

namespace {

// A change in 8 bytes: the time in the low 48 bits (milliseconds since the epoch reach 2^48 in the year
// 10,889), the connectivity and the source in one byte each above it.
constexpr quint64 TimeMask = (quint64(1) << 48) - 1;
constexpr int ConnectivityShift = 48;
constexpr int SourceShift = 56;

} // namespace

quint64 PresenceHistory::pack(const PresenceChange &change)
{
    const quint64 time = quint64(std::clamp<qint64>(change.observedMs, 0, qint64(TimeMask)));
    return time | quint64(change.connectivity) << ConnectivityShift | quint64(change.source) << SourceShift;
}

PresenceChange PresenceHistory::unpack(quint64 packed)
{
    PresenceChange change;
    change.observedMs = qint64(packed & TimeMask);
    change.connectivity = Device::Connectivity(quint8(packed >> ConnectivityShift));
    change.source = PresenceChange::Source(quint8(packed >> SourceShift));
    return change;
}

void PresenceHistory::append(const QString &id, const PresenceChange &change, const PresenceChange *first)
{
    auto it = m_histories.find(id);
    if (it == m_histories.end()) {
        while (deviceCount() >= m_maxDevices && evictOldest()) {
        }
        it = m_histories.insert(id, History());
        if (first)
            it->changes.append(pack(*first));
    } else {
        m_byTouch.erase(it->touched);
    }
    it->changes.append(pack(change));
    while (it->changes.size() > MaxChangesPerDevice)
        it->changes.removeFirst();
    it->touched = ++m_touches;
    m_byTouch.emplace(it->touched, id);
}

QList<PresenceChange> PresenceHistory::changes(const QString &id) const
{
    QList<PresenceChange> result;
    const auto it = m_histories.constFind(id);
    if (it == m_histories.cend())
        return result;
    result.reserve(it->changes.size());
    for (const quint64 packed : it->changes)
        result.append(unpack(packed));
    return result;
}

void PresenceHistory::setMaxDevices(int devices)
{
    m_maxDevices = std::max(1, devices);
    while (deviceCount() > m_maxDevices && evictOldest()) {
    }
}

bool PresenceHistory::evictOldest()
{
    if (m_byTouch.empty())
        return false;
    const auto oldest = m_byTouch.begin();
    m_histories.remove(oldest->second);
    m_byTouch.erase(oldest);
    ++m_evicted;
    return true;
}

} // namespace fleet
