#include "commandtimelinefilterproxymodel.h"

#include "commandtimelinemodel.h"

namespace fleet {

CommandTimelineFilterProxyModel::CommandTimelineFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A nested timeline: a broadcast shows when one of its parts passes (a device's part of a group
    // request), and all its parts show when it passes itself (typing the group's name).
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

CommandTimelineFilterProxyModel::~CommandTimelineFilterProxyModel() = default;

void CommandTimelineFilterProxyModel::setFilter(const CommandFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

void CommandTimelineFilterProxyModel::setDeviceFilter(const QString &device)
{
    CommandFilter filter = m_filter;
    filter.device = device;
    setFilter(filter);
}

void CommandTimelineFilterProxyModel::setCommandFilter(const QString &command)
{
    CommandFilter filter = m_filter;
    filter.command = command;
    setFilter(filter);
}

void CommandTimelineFilterProxyModel::setStateFilter(const QList<CommandExecution::State> &states)
{
    CommandFilter filter = m_filter;
    filter.states = states;
    setFilter(filter);
}

void CommandTimelineFilterProxyModel::setBroadcastFilter(const QString &broadcastId)
{
    CommandFilter filter = m_filter;
    filter.broadcastId = broadcastId;
    setFilter(filter);
}

bool CommandTimelineFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    // A group request's row answers to its group's name in the device field.
    const int deviceRole = index.data(CommandTimelineModel::IsBroadcastRole).toBool()
                               ? CommandTimelineModel::GroupRole
                               : CommandTimelineModel::DeviceRole;
    return m_filter.accepts(index.data(deviceRole).toString(),
                            index.data(CommandTimelineModel::CommandRole).toString(),
                            CommandExecution::State(index.data(CommandTimelineModel::StateRole).toInt()),
                            index.data(CommandTimelineModel::BroadcastIdRole).toString());
}

bool CommandTimelineFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = CommandTimelineModel::rawRole(left.column());
    if (role < 0)
        return QSortFilterProxyModel::lessThan(left, right);
    const QVariant a = left.data(role);
    const QVariant b = right.data(role);
    switch (role) {
    case CommandTimelineModel::DeviceRole:
    case CommandTimelineModel::CommandRole:
    case CommandTimelineModel::ReasonRole:
        return a.toString().compare(b.toString(), sortCaseSensitivity()) < 0;
    default: // times, durations, attempts, the state
        return a.toLongLong() < b.toLongLong();
    }
}

} // namespace fleet
