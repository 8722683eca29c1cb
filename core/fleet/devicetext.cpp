#include "devicetext.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

QString DeviceText::connectivity(Device::Connectivity connectivity)
{
    switch (connectivity) {
    case Device::Connectivity::Online:
        return tr("Online", "device connectivity");
    case Device::Connectivity::Offline:
        return tr("Offline", "device connectivity");
    case Device::Connectivity::Unknown:
        break;
    }
    return tr("Unknown", "device connectivity");
}

QString DeviceText::connectivity(Device::Connectivity connectivity, qint64 sinceMs, qint64 nowMs)
{
    if (sinceMs <= 0)
        return DeviceText::connectivity(connectivity);
    return tr("%1 for %2", "device connectivity for a duration, e.g. Online for 5 min")
        .arg(DeviceText::connectivity(connectivity), duration(nowMs - sinceMs));
}

QString DeviceText::lastKnown(Device::Connectivity state)
{
    switch (state) {
    case Device::Connectivity::Online:
        return tr("Online (last known)", "device connectivity while the console is disconnected");
    case Device::Connectivity::Offline:
        return tr("Offline (last known)", "device connectivity while the console is disconnected");
    case Device::Connectivity::Unknown:
        break;
    }
    return DeviceText::connectivity(Device::Connectivity::Unknown);
}

QString DeviceText::since(qint64 sinceMs)
{
    return sinceMs > 0 ? tr("Since %1", "device connectivity since a date and time").arg(timestamp(sinceMs))
                       : tr("Since unknown", "device connectivity since a time not known");
}

QString DeviceText::lastSeen(qint64 lastSeenMs, qint64 nowMs)
{
    if (lastSeenMs <= 0)
        return tr("Never", "device last seen");
    if (nowMs - lastSeenMs < 1000)
        return tr("Just now", "device last seen");
    return tr("%1 ago", "device last seen, e.g. 5 min ago").arg(duration(nowMs - lastSeenMs));
}

QString DeviceText::lastSeen(const Device &device, qint64 nowMs)
{
    if (device.lastSeen > 0 || device.connectivity == Device::Connectivity::Unknown)
        return lastSeen(device.lastSeen, nowMs);
    // Its presence is known, so the broker has seen it, but a retained presence message carries no time and
    // the broker's offline is its Last Will, not a sign of life: when is not known, and "Never" would be
    // false.
    if (device.connectivitySince > 0)
        return tr("Unknown", "device last seen: seen, but when is not known");
    return device.connectivity == Device::Connectivity::Offline
               ? tr("Unknown (offline when the console started)", "device last seen")
               : tr("Unknown (online when the console started)", "device last seen");
}

QString DeviceText::lastSeenBrief(const Device &device, qint64 nowMs)
{
    if (device.lastSeen > 0 || device.connectivity == Device::Connectivity::Unknown)
        return lastSeen(device.lastSeen, nowMs);
    return tr("Unknown", "device last seen: seen, but when is not known");
}

QString DeviceText::lastSeenAt(qint64 lastSeenMs)
{
    return lastSeenMs > 0 ? timestamp(lastSeenMs) : tr("Never", "device last seen");
}

QString DeviceText::shadowSummary(const Device::ShadowSummary &shadow)
{
    if (!shadow.known)
        return shadowSummary(-1);
    return shadowSummary(shadow.inSync ? 0 : std::max(0, shadow.differingDesiredKeys));
}

QString DeviceText::shadowSummary(int differingKeys)
{
    if (differingKeys < 0)
        return tr("No shadow", "device shadow state: no shadow document known");
    if (differingKeys == 0)
        return tr("In sync", "device shadow state: reported matches desired");
    // One key apart rather than "%n key(s)": English has no translation file, and would show the "(s)".
    if (differingKeys == 1)
        return tr("1 key pending", "device shadow state: a desired key not yet reported");
    return tr("%n keys pending", "device shadow state: desired keys not yet reported (never 1)",
              differingKeys);
}

QString DeviceText::groups(const QStringList &groups)
{
    return groups.join(u", "_s);
}

QString DeviceText::duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 60)
        return tr("%1 s", "duration in seconds").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min", "duration in minutes").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h", "duration in hours").arg(seconds / 3600);
    return tr("%1 d", "duration in days").arg(seconds / 86400);
}

QString DeviceText::preciseDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    // The smaller unit is left out when it is nought: "1 min", not "1 min 0 s".
    if (seconds < 60)
        return duration(ms);
    if (seconds < 3600)
        return seconds % 60 == 0
                   ? duration(ms)
                   : tr("%1 min %2 s", "duration in minutes and seconds").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return seconds % 3600 < 60 ? duration(ms)
                                   : tr("%1 h %2 min", "duration in hours and minutes")
                                         .arg(seconds / 3600)
                                         .arg(seconds % 3600 / 60);
    return seconds % 86400 < 3600 ? duration(ms)
                                  : tr("%1 d %2 h", "duration in days and hours")
                                        .arg(seconds / 86400)
                                        .arg(seconds % 86400 / 3600);
}

QString DeviceText::clockTime(qint64 ms, qint64 nowMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    if (at.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return at.toString(u"HH:mm:ss"_s);
    return timestamp(ms);
}

QString DeviceText::presenceChange(const PresenceChange &change, const PresenceChange *previous, qint64 nowMs)
{
    const QString at = clockTime(change.observedMs, nowMs);
    const bool online = change.connectivity == Device::Connectivity::Online;
    QString text;
    if (change.isRetained()) {
        // The broker's retained state: how the device was when the console came, not when it changed.
        text = online
                   ? tr("Already online when the console connected, at %1", "connectivity history").arg(at)
                   : tr("Already offline when the console connected, at %1", "connectivity history").arg(at);
    } else {
        text = online ? tr("Online at %1", "connectivity history").arg(at)
                      : tr("Offline at %1", "connectivity history").arg(at);
    }
    QStringList details;
    if (change.source == PresenceChange::Source::Activity)
        details << tr("a message from the device", "connectivity history: why the device counts as online");
    if (previous && previous->connectivity != Device::Connectivity::Unknown) {
        const QString lasted = preciseDuration(change.observedMs - previous->observedMs);
        const bool wasOnline = previous->connectivity == Device::Connectivity::Online;
        // A retained state began before the console saw it: it lasted at least that long.
        if (previous->isRetained())
            details << (wasOnline ? tr("at least %1 online", "connectivity history").arg(lasted)
                                  : tr("at least %1 offline", "connectivity history").arg(lasted));
        else
            details << (wasOnline
                            ? tr("%1 online", "connectivity history, e.g. 2 min 41 s online").arg(lasted)
                            : tr("%1 offline", "connectivity history, e.g. 5 min 3 s offline").arg(lasted));
    }
    if (details.isEmpty())
        return text;
    return tr("%1 (%2)", "connectivity history: a change, then what else is known of it")
        .arg(text, details.join(tr("; ", "separates details in parentheses")));
}

QString DeviceText::timestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString DeviceText::dialect(const QString &dialect)
{
    if (dialect == "atlas"_L1)
        return tr("Atlas JSON", "a command dialect");
    if (dialect == "atlas-text"_L1)
        return tr("Plain text", "a command dialect: the seed's sample device");
    if (dialect == "aws-commands"_L1)
        return tr("AWS IoT commands", "a command dialect");
    if (dialect == "azure-methods"_L1)
        return tr("Azure IoT Hub", "a command dialect: direct methods, twin, cloud-to-device messages");
    return dialect;
}

QString DeviceText::dialects(const QStringList &dialects)
{
    QStringList words;
    for (const QString &d : dialects)
        words.append(dialect(d));
    return words.join(u", "_s);
}

} // namespace fleet
