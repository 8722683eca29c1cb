#pragma once

#include "fleet/device.h"
#include "fleet/presencechange.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace fleet {

// How a device's state is worded, in one translatable place for every front end: the device table (its
// delegate, and DeviceTableModel's display role), the device detail header and `fleetctl devices` all say
// "Online", "In sync", "2 keys pending". Models keep their raw values; this turns raw values into text. It is
// no widget class: fleetctl links fleet_core without Qt Widgets. Times are milliseconds since the epoch, 0
// for "not known" or "never", as in Device.
class DeviceText final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::DeviceText)

public:
    DeviceText() = delete;

    // "Online", "Offline", "Unknown".
    static QString connectivity(Device::Connectivity connectivity);
    // "Online for 5 min"; just "Online" when since is not known.
    static QString connectivity(Device::Connectivity connectivity, qint64 sinceMs, qint64 nowMs);
    // While the console is not connected it cannot know: "Online (last known)".
    static QString lastKnown(Device::Connectivity state);
    // "Since 2024-05-01 12:00:00"; "Since unknown" for 0.
    static QString since(qint64 sinceMs);

    // "Just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "Never" for 0.
    static QString lastSeen(qint64 lastSeenMs, qint64 nowMs);
    // The same for a device, which knows better than "Never" when its presence was announced before the
    // console started: "Unknown (offline when the console started)".
    static QString lastSeen(const Device &device, qint64 nowMs);
    // For a table cell: the same, with "Unknown" for the long unknown cases (their explanation is the
    // cell's tooltip, lastSeen(device, now)).
    static QString lastSeenBrief(const Device &device, qint64 nowMs);
    // The same moment as a date and time, for text that is not repainted as time passes; "Never" for 0.
    static QString lastSeenAt(qint64 lastSeenMs);

    // "No shadow", "In sync", "1 key pending", "3 keys pending".
    static QString shadowSummary(const Device::ShadowSummary &shadow);
    // The same from DeviceTableModel::ShadowRole's value: -1 no shadow known, 0 in sync, N differing keys.
    static QString shadowSummary(int differingKeys);

    // "east, north"; empty for none.
    static QString groups(const QStringList &groups);

    // A command dialect (CommandSpec::dialects()) as operators know it: "Atlas JSON", "Plain text",
    // "AWS IoT commands"; several joined with ", "; the id itself for one this version does not know.
    static QString dialect(const QString &dialect);
    static QString dialects(const QStringList &dialects);

    // "12 s", "5 min", "3 h", "2 d": how long something has lasted.
    static QString duration(qint64 ms);
    // The same to two units, for spans that matter to the second: "41 s", "2 min 41 s", "1 h 5 min",
    // "3 d 2 h".
    static QString preciseDuration(qint64 ms);
    // "10:02:03" on the day of nowMs, "2024-05-01 10:02:03" on another.
    static QString clockTime(qint64 ms, qint64 nowMs);
    // One line of a device's connectivity history (FleetRegistry::presenceHistory()): "Online at 10:02:03",
    // "Offline at 10:05:10 (2 min 41 s online)" when previous, the change before it, is given, "Already
    // online when the console connected (10:00:00)" for the retained state.
    static QString presenceChange(const PresenceChange &change, const PresenceChange *previous, qint64 nowMs);
    // A moment in local time, "2024-05-01 12:00:00".
    static QString timestamp(qint64 ms);
};

} // namespace fleet
