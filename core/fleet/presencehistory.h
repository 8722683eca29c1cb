#pragma once

#include "presencechange.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <map>

namespace fleet {

// The connectivity changes of each device, oldest first, as FleetRegistry observes them.
//
// Presence comes from the broker, and any account that may publish on presence/+ can flap made-up or real
// devices as fast as it likes, so what this keeps is bounded:
// - per device, the last MaxChangesPerDevice changes: the oldest is dropped for a new one (an engineer
//   debugging a flapping device wants the recent ones);
// - at most maxDevices() devices have a history (DefaultMaxDevices). A new one past that takes the place of
//   the history changed the longest ago: unlike the registry's rows, nothing maps histories to rows, and the
//   histories worth keeping are the recent ones. A flood can push out every older history, but never the
//   registry's current state of a device, which FleetRegistry::presenceHistory() still shows.
// Each change is packed in 8 bytes, so a full history stays under 1 KB with its bookkeeping and the whole
// table under 20 MB. The registry only starts a history at a device's first change between two known states,
// so a fleet of 100,000 devices that merely came online (or was announced retained) costs nothing here.
//
// Not a QObject: the registry owns it and announces its changes as changes of the device's row.
class PresenceHistory final
{
public:
    static constexpr int MaxChangesPerDevice = 64;
    static constexpr int DefaultMaxDevices = 20'000;

    // Appends change to the device's history. A device without one starts it with first (when given): the
    // state the device was known in before, so that the history says what it changed from.
    void append(const QString &id, const PresenceChange &change, const PresenceChange *first = nullptr);

    bool contains(const QString &id) const { return m_histories.contains(id); }
    // Oldest first; empty for a device without a history.
    QList<PresenceChange> changes(const QString &id) const;

    // Devices that have a history.
    int deviceCount() const { return int(m_histories.size()); }
    int maxDevices() const { return m_maxDevices; }
    // At least 1. A limit under deviceCount() drops the histories changed the longest ago.
    void setMaxDevices(int devices);
    // Histories dropped to make room for another device's, since construction.
    qint64 evictedDevices() const { return m_evicted; }

private:
    struct History
    {
        QList<quint64> changes; // packed, oldest first
        quint64 touched = 0;    // its key in m_byTouch
    };

    static quint64 pack(const PresenceChange &change);
    static PresenceChange unpack(quint64 packed);
    bool evictOldest(); // false when there is nothing to drop

    QHash<QString, History> m_histories;
    std::map<quint64, QString> m_byTouch; // the histories by their last change, oldest first
    quint64 m_touches = 0;
    int m_maxDevices = DefaultMaxDevices;
    qint64 m_evicted = 0;
};

} // namespace fleet
