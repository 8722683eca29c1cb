#include "deviceitemdelegate.h"

#include "fleet/device.h"
#include "models/devicetablemodel.h"

#include <QDateTime>

namespace fleet {

DeviceItemDelegate::DeviceItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void DeviceItemDelegate::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

QString DeviceItemDelegate::duration(qint64 ms)
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

QString DeviceItemDelegate::relativeTime(qint64 thenMs, qint64 nowMs)
{
    if (thenMs <= 0)
        return tr("never", "last seen");
    if (nowMs - thenMs < 1000)
        return tr("just now", "last seen");
    return tr("%1 ago", "last seen, e.g. 5 min ago").arg(duration(nowMs - thenMs));
}

QString DeviceItemDelegate::connectivityText(int connectivity)
{
    switch (Device::Connectivity(connectivity)) {
    case Device::Connectivity::Online:
        return tr("Online", "device connectivity");
    case Device::Connectivity::Offline:
        return tr("Offline", "device connectivity");
    case Device::Connectivity::Unknown:
        break;
    }
    return tr("Unknown", "device connectivity");
}

QString DeviceItemDelegate::shadowText(int shadow)
{
    if (shadow < 0)
        return tr("unknown", "shadow state");
    if (shadow == 0)
        return tr("in sync", "shadow state");
    // Spelled out rather than "%n key(s)": the untranslated English text would show the "(s)".
    return shadow == 1 ? tr("1 key pending", "shadow state: a desired key not yet reported")
                       : tr("%1 keys pending", "shadow state: desired keys not yet reported").arg(shadow);
}

QString DeviceItemDelegate::textFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option.text;
}

void DeviceItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    switch (index.column()) {
    case DeviceTableModel::ConnectivityColumn: {
        const int connectivity = index.data(DeviceTableModel::ConnectivityRole).toInt();
        const qint64 since = index.data(DeviceTableModel::ConnectivitySinceRole).toLongLong();
        option->text = since > 0 ? tr("%1 for %2", "connectivity for a duration")
                                       .arg(connectivityText(connectivity), duration(now() - since))
                                 : connectivityText(connectivity);
        // Colour only what needs attention; online is the normal case.
        if (Device::Connectivity(connectivity) == Device::Connectivity::Offline)
            option->palette.setColor(QPalette::Text, QColor(0xc0, 0x39, 0x2b));
        else if (Device::Connectivity(connectivity) == Device::Connectivity::Unknown)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        break;
    }
    case DeviceTableModel::LastSeenColumn:
        option->text = relativeTime(index.data(DeviceTableModel::LastSeenRole).toLongLong(), now());
        break;
    case DeviceTableModel::ShadowColumn: {
        const int shadow = index.data(DeviceTableModel::ShadowRole).toInt();
        option->text = shadowText(shadow);
        if (shadow > 0)
            option->palette.setColor(QPalette::Text, QColor(0xb9, 0x77, 0x0e));
        break;
    }
    case DeviceTableModel::PendingCommandsColumn: {
        const int pending = index.data(DeviceTableModel::PendingCommandsRole).toInt();
        option->text = pending > 0 ? QString::number(pending) : QString();
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        break;
    }
    default:
        break;
    }
}

} // namespace fleet
