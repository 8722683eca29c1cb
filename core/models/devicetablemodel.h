#pragma once

#include "commands/commandcatalog.h"
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
        DialectColumn,
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
        DialectRole, // QString: the dialect of the catalog's profile for the device; empty: each command's
                     // own
    };

    explicit DeviceTableModel(FleetRegistry *registry, QObject *parent = nullptr);
    ~DeviceTableModel() override;

    FleetRegistry *registry() const;
    // The catalog whose profiles say which dialect each device speaks (the Dialect column). Without one,
    // or for a device no profile matches, the column names the dialects of the catalog's own commands.
    void setCatalog(const CommandCatalog &catalog);

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
    QString dialectAt(const QString &id) const;
    QString dialectTopics(const QString &id) const;

    QPointer<FleetRegistry> m_registry;
    // The rows announced so far: the registry appends rows before it announces them.
    int m_rowCount = 0;
    CommandCatalog m_catalog;
    QStringList m_ownDialects; // of the catalog's commands, in CommandSpec::dialects() order
};

} // namespace fleet
