#include "deviceitemdelegate.h"

#include "fleet/device.h"
#include "fleet/devicetext.h"
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

void DeviceItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    switch (index.column()) {
    case DeviceTableModel::ConnectivityColumn: {
        const auto connectivity =
            Device::Connectivity(index.data(DeviceTableModel::ConnectivityRole).toInt());
        const qint64 since = index.data(DeviceTableModel::ConnectivitySinceRole).toLongLong();
        option->text = DeviceText::connectivity(connectivity, since, now());
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
    case DeviceTableModel::LastSeenColumn:
        option->text = DeviceText::lastSeen(index.data(DeviceTableModel::LastSeenRole).toLongLong(), now());
        break;
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
