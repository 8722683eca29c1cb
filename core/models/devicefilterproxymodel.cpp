#include "devicefilterproxymodel.h"

#include "devicetablemodel.h"

using namespace Qt::StringLiterals;

namespace fleet {

bool DeviceFilter::accepts(const QString &id, const QStringList &groups, Device::Connectivity state) const
{
    if (connectivity && *connectivity != state)
        return false;
    if (!group.isEmpty() && !groups.contains(group))
        return false;
    if (text.isEmpty() || id.contains(text, Qt::CaseInsensitive))
        return true;
    for (const QString &name : groups) {
        if (name.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

DeviceFilterProxyModel::DeviceFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

DeviceFilterProxyModel::~DeviceFilterProxyModel() = default;

void DeviceFilterProxyModel::setFilter(const DeviceFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

void DeviceFilterProxyModel::setFilterText(const QString &text)
{
    DeviceFilter filter = m_filter;
    filter.text = text;
    setFilter(filter);
}

void DeviceFilterProxyModel::setConnectivityFilter(std::optional<Device::Connectivity> connectivity)
{
    DeviceFilter filter = m_filter;
    filter.connectivity = connectivity;
    setFilter(filter);
}

void DeviceFilterProxyModel::setGroupFilter(const QString &group)
{
    DeviceFilter filter = m_filter;
    filter.group = group;
    setFilter(filter);
}

bool DeviceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    const QString id = index.data(DeviceTableModel::IdRole).toString();
    const QStringList groups = index.data(DeviceTableModel::GroupsRole).toStringList();
    const auto state = Device::Connectivity(index.data(DeviceTableModel::ConnectivityRole).toInt());
    return m_filter.accepts(id, groups, state);
}

bool DeviceFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = DeviceTableModel::rawRole(left.column());
    if (role < 0)
        return QSortFilterProxyModel::lessThan(left, right);
    const QVariant a = left.data(role);
    const QVariant b = right.data(role);
    switch (role) {
    case DeviceTableModel::IdRole:
        return a.toString().compare(b.toString(), sortCaseSensitivity()) < 0;
    case DeviceTableModel::GroupsRole:
        return a.toStringList().join(u'\n').compare(b.toStringList().join(u'\n'), sortCaseSensitivity()) < 0;
    default: // integers and times
        return a.toLongLong() < b.toLongLong();
    }
}

} // namespace fleet
