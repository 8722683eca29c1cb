#pragma once

#include "fleet/device.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace fleet {

class FleetRegistry;

// The devices of a FleetRegistry (not owned) as a table, one row per registry row (rows never move).
//
// Each column has a role for its raw value, which sorting and filtering use (see rawRole()); the raw roles
// answer on any column of a row, so a filter can read them all from column 0. Qt::DisplayRole and
// Qt::ToolTipRole are those values worded by DeviceText, the one place a device's state is worded; the device
// table's delegate paints from the raw roles, with times relative to now.
// The registry's batched signals become one beginInsertRows() per devicesAdded() and one dataChanged() per
// contiguous run of changed rows.
class DeviceTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ConnectivityColumn,
        LastSeenColumn,
        GroupsColumn,
        ShadowColumn,
        PendingCommandsColumn,
        ColumnCount
    };

    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        ConnectivityRole,          // int, a Device::Connectivity
        ConnectivitySinceRole,     // qint64, ms since the epoch, 0 when not known
        LastSeenRole,              // qint64, ms since the epoch, 0 for never
        GroupsRole,                // QStringList, sorted
        ShadowRole,                // int: -1 unknown, 0 in sync, N differing desired keys
        PendingCommandsRole,       // int
    };

    explicit DeviceTableModel(FleetRegistry *registry, QObject *parent = nullptr);
    ~DeviceTableModel() override;

    FleetRegistry *registry() const;

    // The raw-value role of a column (-1 for none).
    static int rawRole(int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onDevicesAdded(int first, int last);
    void onDevicesChanged(const QList<int> &rows);
    void onRegistryDestroyed();

    static int shadowValue(const Device::ShadowSummary &shadow);

    QPointer<FleetRegistry> m_registry;
    // The rows announced so far: the registry appends rows before it announces them.
    int m_rowCount = 0;
};

} // namespace fleet
