#include "devicefilterproxymodel.h"

#include "devicetablemodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

bool DeviceFilter::accepts(const QString &id, const QStringList &groups, Device::Connectivity state) const
{
    return accepts(id, state, [&groups] { return groups; });
}

bool DeviceFilter::anyGroupContainsText(const QStringList &groups) const
{
    return std::any_of(groups.cbegin(), groups.cend(),
                       [this](const QString &name) { return name.contains(text, Qt::CaseInsensitive); });
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

void DeviceFilterProxyModel::setOutOfSyncFilter(bool outOfSync)
{
    DeviceFilter filter = m_filter;
    filter.outOfSync = outOfSync;
    setFilter(filter);
}

bool DeviceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    if (m_filter.isEmpty())
        return true;
    // The id from the copies kept per row; the rest from the model, and only when the filter looks at it.
    const QString &id = rowKeys(m_ids, DeviceTableModel::IdRole, sourceRow).texts.at(sourceRow);
    const QModelIndex index = model->index(sourceRow, 0, sourceParent);
    if (m_filter.outOfSync && !m_filter.acceptsShadow(index.data(DeviceTableModel::ShadowRole).toInt()))
        return false;
    const auto state = m_filter.connectivity
                           ? Device::Connectivity(index.data(DeviceTableModel::ConnectivityRole).toInt())
                           : Device::Connectivity::Unknown;
    return m_filter.accepts(id, state,
                            [&index] { return index.data(DeviceTableModel::GroupsRole).toStringList(); });
}

void DeviceFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    clearKeys();
    // Before the base class connects its own handlers: Qt calls slots in connection order, and the keys must
    // be current when the base class filters and sorts what changed.
    if (model) {
        const auto clear = [this] { clearKeys(); };
        m_sourceConnections = {
            connect(model, &QAbstractItemModel::dataChanged, this,
                    &DeviceFilterProxyModel::onSourceDataChanged),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &parent, int first) { onSourceRowsInserted(parent, first); }),
            connect(model, &QAbstractItemModel::rowsRemoved, this, clear),
            connect(model, &QAbstractItemModel::rowsMoved, this, clear),
            connect(model, &QAbstractItemModel::layoutChanged, this, clear),
            connect(model, &QAbstractItemModel::modelReset, this, clear),
        };
    }
    QSortFilterProxyModel::setSourceModel(model);
}

bool DeviceFilterProxyModel::isTextRole(int role)
{
    return role == DeviceTableModel::IdRole || role == DeviceTableModel::GroupsRole;
}

const DeviceFilterProxyModel::RowKeys &DeviceFilterProxyModel::rowKeys(RowKeys &keys, int role, int row) const
{
    if (keys.role != role) {
        keys = RowKeys();
        keys.role = role;
    }
    if (row >= keys.size() && sourceModel())
        readKeys(keys, int(keys.size()), sourceModel()->rowCount() - 1);
    return keys;
}

void DeviceFilterProxyModel::readKeys(RowKeys &keys, int first, int last) const
{
    const QAbstractItemModel *model = sourceModel();
    const int role = keys.role;
    if (!model || role < 0 || first > last)
        return;
    const bool text = isTextRole(role);
    if (last >= keys.size()) {
        if (text)
            keys.texts.resize(last + 1);
        else
            keys.numbers.resize(last + 1);
    }
    for (int row = first; row <= last; ++row) {
        const QVariant value = model->index(row, 0).data(role);
        if (role == DeviceTableModel::GroupsRole) {
            keys.texts[row] = value.toStringList().join(u'\n');
        } else if (text) {
            // A copy of its own rather than a share of the registry's string: the keys then lie together in
            // memory. Comparing and searching 100,000 scattered strings waited on the cache most of the time.
            const QString id = value.toString();
            keys.texts[row] = QString(id.constData(), id.size());
        } else {
            keys.numbers[row] = value.toLongLong();
        }
    }
}

void DeviceFilterProxyModel::clearKeys()
{
    m_ids = RowKeys();
    m_sortKeys = RowKeys();
}

void DeviceFilterProxyModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                 const QList<int> &roles)
{
    if (topLeft.parent().isValid())
        return;
    for (RowKeys *keys : {&m_ids, &m_sortKeys}) {
        if (keys->role >= 0 && (roles.isEmpty() || roles.contains(keys->role)))
            readKeys(*keys, topLeft.row(), std::min(bottomRight.row(), int(keys->size()) - 1));
    }
}

void DeviceFilterProxyModel::onSourceRowsInserted(const QModelIndex &parent, int first)
{
    // Rows appended are read when first needed; rows inserted before kept ones shift them all.
    if (!parent.isValid() && (first < m_ids.size() || first < m_sortKeys.size()))
        clearKeys();
}

bool DeviceFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = DeviceTableModel::rawRole(left.column());
    if (role < 0 || left.parent().isValid() || !sourceModel())
        return QSortFilterProxyModel::lessThan(left, right);
    const int row = std::max(left.row(), right.row());
    const RowKeys &keys =
        role == DeviceTableModel::IdRole ? rowKeys(m_ids, role, row) : rowKeys(m_sortKeys, role, row);
    if (isTextRole(role))
        return keys.texts.at(left.row()).compare(keys.texts.at(right.row()), sortCaseSensitivity()) < 0;
    // Integers and times.
    return keys.numbers.at(left.row()) < keys.numbers.at(right.row());
}

} // namespace fleet
