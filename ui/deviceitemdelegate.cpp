#include "deviceitemdelegate.h"

#include "commands/commandspec.h"
#include "fleet/device.h"
#include "fleet/devicetext.h"
#include "fleeticons.h"
#include "models/devicetablemodel.h"
#include "themecolors.h"

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

QString DeviceItemDelegate::textFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option.text;
}

QStringList DeviceItemDelegate::widestTexts(int column)
{
    // An hour less a minute is the longest duration text in practice ("59 min"; hours and days are
    // shorter numbers); every state is tried, as translations differ in which is longest.
    constexpr qint64 Long = (59 * 60 + 59) * 1000;
    const QList<Device::Connectivity> states{Device::Connectivity::Online, Device::Connectivity::Offline,
                                             Device::Connectivity::Unknown};
    QStringList texts;
    switch (column) {
    case DeviceTableModel::ConnectivityColumn:
        for (Device::Connectivity state : states)
            texts << DeviceText::connectivity(state, 1, 1 + Long) << DeviceText::lastKnown(state);
        break;
    case DeviceTableModel::LastSeenColumn: {
        Device seen;
        seen.connectivity = Device::Connectivity::Offline;
        texts << DeviceText::lastSeen(1, 1 + Long) << DeviceText::lastSeen(0, Long)
              << DeviceText::lastSeen(Long, Long) << DeviceText::lastSeenBrief(seen, Long);
        break;
    }
    case DeviceTableModel::ShadowColumn:
        texts << DeviceText::shadowSummary(-1) << DeviceText::shadowSummary(0) << DeviceText::shadowSummary(1)
              << DeviceText::shadowSummary(99);
        break;
    case DeviceTableModel::DialectColumn:
        // Each dialect alone (a profile's) and all of them together (a device no profile matches).
        for (const QString &dialect : CommandSpec::dialects())
            texts << DeviceText::dialect(dialect);
        // Only commands' own dialects come together (plain text and Azure come from a profile, alone).
        texts << DeviceText::dialects(
            {QStringLiteral("atlas"), QStringLiteral("aws-commands"), QStringLiteral("azure-methods")});
        break;
    default:
        break;
    }
    return texts;
}

void DeviceItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    switch (index.column()) {
    case DeviceTableModel::ConnectivityColumn: {
        const auto connectivity =
            Device::Connectivity(index.data(DeviceTableModel::ConnectivityRole).toInt());
        const qint64 since = index.data(DeviceTableModel::ConnectivitySinceRole).toLongLong();
        option->text = DeviceText::connectivity(connectivity, since, now());
        if (const QIcon icon = FleetIcons::forConnectivity(connectivity); !icon.isNull() && !m_stale) {
            option->icon = icon;
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        // Colour only what needs attention; online is the normal case.
        if (m_stale && connectivity != Device::Connectivity::Unknown) {
            option->text = DeviceText::lastKnown(connectivity);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        } else if (connectivity == Device::Connectivity::Offline)
            option->palette.setColor(
                QPalette::Text, ThemeColors::forPalette(option->palette).color(ThemeColors::Role::Failure));
        else if (connectivity == Device::Connectivity::Unknown)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        break;
    }
    case DeviceTableModel::LastSeenColumn: {
        Device device;
        device.lastSeen = index.data(DeviceTableModel::LastSeenRole).toLongLong();
        device.connectivity = Device::Connectivity(index.data(DeviceTableModel::ConnectivityRole).toInt());
        option->text = DeviceText::lastSeenBrief(device, now());
        break;
    }
    case DeviceTableModel::ShadowColumn: {
        const int shadow = index.data(DeviceTableModel::ShadowRole).toInt();
        option->text = DeviceText::shadowSummary(shadow);
        // From the palette being painted with, not a fixed amber: one amber cannot read on both themes.
        if (shadow > 0)
            option->palette.setColor(
                QPalette::Text,
                ThemeColors::forPalette(option->palette).color(ThemeColors::Role::PendingKeys));
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
