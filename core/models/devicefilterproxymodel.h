#pragma once

#include "fleet/device.h"

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// Which devices a fleet view shows, as a plain value: the proxy below only adapts it.
struct DeviceFilter
{
    QString text; // case-insensitive substring of the id or of one group; empty matches all
    std::optional<Device::Connectivity> connectivity;
    QString group; // exact group name; empty matches all

    bool accepts(const QString &id, const QStringList &groups, Device::Connectivity state) const;

    friend bool operator==(const DeviceFilter &, const DeviceFilter &) = default;
};

// Filters and sorts a DeviceTableModel: the filter reads the model's raw roles, and sorting compares the raw
// role of the sorted column (times and counts as numbers, groups as their joined text).
class DeviceFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DeviceFilterProxyModel(QObject *parent = nullptr);
    ~DeviceFilterProxyModel() override;

    const DeviceFilter &filter() const { return m_filter; }
    void setFilter(const DeviceFilter &filter);

    QString filterText() const { return m_filter.text; }
    void setFilterText(const QString &text);
    std::optional<Device::Connectivity> connectivityFilter() const { return m_filter.connectivity; }
    void setConnectivityFilter(std::optional<Device::Connectivity> connectivity);
    QString groupFilter() const { return m_filter.group; }
    void setGroupFilter(const QString &group);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    DeviceFilter m_filter;
};

} // namespace fleet
