#include "devicetablemodel.h"

#include "fleet/devicetext.h"
#include "fleet/fleetregistry.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// What a changed row may have changed: every role data() answers.
const QList<int> &changedRoles()
{
    static const QList<int> roles = {Qt::DisplayRole,
                                     Qt::ToolTipRole,
                                     DeviceTableModel::IdRole,
                                     DeviceTableModel::ConnectivityRole,
                                     DeviceTableModel::ConnectivitySinceRole,
                                     DeviceTableModel::LastSeenRole,
                                     DeviceTableModel::GroupsRole,
                                     DeviceTableModel::ShadowRole,
                                     DeviceTableModel::PendingCommandsRole,
                                     DeviceTableModel::DialectRole};
    return roles;
}

} // namespace

DeviceTableModel::DeviceTableModel(FleetRegistry *registry, QObject *parent)
    : QAbstractTableModel(parent)
    , m_registry(registry)
{
    if (!registry)
        return;
    m_rowCount = registry->count();
    connect(registry, &FleetRegistry::devicesAdded, this, &DeviceTableModel::onDevicesAdded);
    connect(registry, &FleetRegistry::devicesChanged, this, &DeviceTableModel::onDevicesChanged);
    connect(registry, &QObject::destroyed, this, &DeviceTableModel::onRegistryDestroyed);
}

DeviceTableModel::~DeviceTableModel() = default;

FleetRegistry *DeviceTableModel::registry() const
{
    return m_registry;
}

int DeviceTableModel::rawRole(int column)
{
    switch (column) {
    case IdColumn:
        return IdRole;
    case ConnectivityColumn:
        return ConnectivityRole;
    case LastSeenColumn:
        return LastSeenRole;
    case GroupsColumn:
        return GroupsRole;
    case ShadowColumn:
        return ShadowRole;
    case PendingCommandsColumn:
        return PendingCommandsRole;
    case DialectColumn:
        return DialectRole;
    default:
        return -1;
    }
}

int DeviceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_registry || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case IdRole:
    case ConnectivityRole:
    case ConnectivitySinceRole:
    case LastSeenRole:
    case GroupsRole:
    case ShadowRole:
    case PendingCommandsRole:
    case DialectRole:
        break;
    default:
        return {};
    }

    // A filter or a sort reads one role of every row: building the whole Device (groups and attributes) for
    // each read was most of the time a keystroke took at 100,000 devices. Connectivity, which a filter reads,
    // does not even need the id.
    const bool display = role == Qt::DisplayRole;
    if (role == ConnectivityRole)
        return int(m_registry->connectivityAt(index.row()));
    if (display && index.column() == ConnectivityColumn)
        return DeviceText::connectivity(m_registry->connectivityAt(index.row()));
    if (role == GroupsRole || (display && index.column() == GroupsColumn)) {
        const QStringList groups = m_registry->groupsAt(index.row());
        return role == GroupsRole ? QVariant(groups) : QVariant(DeviceText::groups(groups));
    }
    const Device device = m_registry->summaryAt(index.row());
    switch (role) {
    case IdRole:
        return device.id;
    case ConnectivitySinceRole:
        return device.connectivitySince;
    case LastSeenRole:
        return device.lastSeen;
    case ShadowRole:
        return shadowValue(device.shadow);
    case PendingCommandsRole:
        return device.pendingCommands;
    case DialectRole:
        return dialectAt(device.id);
    case Qt::ToolTipRole:
        if (index.column() == DialectColumn)
            return dialectTopics(device.id);
        if (index.column() == LastSeenColumn)
            return device.lastSeen > 0 ? DeviceText::lastSeenAt(device.lastSeen)
                                       : DeviceText::lastSeen(device, 0);
        if (index.column() != ConnectivityColumn)
            return {};
        return DeviceText::since(device.connectivitySince);
    default: // Qt::DisplayRole
        break;
    }

    // The model has no clock, and its text changes only with dataChanged(): times are absolute here.
    switch (index.column()) {
    case IdColumn:
        return device.id;
    case LastSeenColumn:
        return DeviceText::lastSeenAt(device.lastSeen);
    case ShadowColumn:
        return DeviceText::shadowSummary(device.shadow);
    case PendingCommandsColumn:
        return device.pendingCommands;
    case DialectColumn: {
        const QString dialect = dialectAt(device.id);
        return dialect.isEmpty() ? DeviceText::dialects(m_ownDialects) : DeviceText::dialect(dialect);
    }
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case ConnectivityColumn:
        return tr("Connectivity");
    case LastSeenColumn:
        return tr("Last seen");
    case GroupsColumn:
        return tr("Groups");
    case ShadowColumn:
        return tr("Shadow");
    case PendingCommandsColumn:
        return tr("Pending commands");
    case DialectColumn:
        return tr("Dialect", "how commands reach a device");
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "deviceId");
    names.insert(ConnectivityRole, "connectivity");
    names.insert(ConnectivitySinceRole, "connectivitySince");
    names.insert(LastSeenRole, "lastSeen");
    names.insert(GroupsRole, "groups");
    names.insert(ShadowRole, "shadow");
    names.insert(PendingCommandsRole, "pendingCommands");
    names.insert(DialectRole, "dialect");
    return names;
}

void DeviceTableModel::setCatalog(const CommandCatalog &catalog)
{
    m_catalog = catalog;
    m_ownDialects.clear();
    for (const QString &dialect : CommandSpec::dialects()) {
        for (const CommandSpec &spec : m_catalog.commands()) {
            if (spec.dialect == dialect) {
                m_ownDialects.append(dialect);
                break;
            }
        }
    }
    if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0, DialectColumn), index(m_rowCount - 1, DialectColumn));
}

QString DeviceTableModel::dialectAt(const QString &id) const
{
    if (m_catalog.profiles().isEmpty())
        return {};
    // By id or pattern only: a profile by group shapes the group's requests, not its members' own.
    const DeviceProfile *profile = m_catalog.profileFor(id);
    return profile ? profile->dialect : QString();
}

QString DeviceTableModel::dialectTopics(const QString &id) const
{
    // Where the device's commands go and come back, from its first command's form: a field engineer
    // checking a device's subscriptions needs the topics, not the dialect's name.
    QStringList lines;
    QSet<QString> seen;
    for (const CommandSpec &own : m_catalog.commands()) {
        const CommandSpec *spec = m_catalog.find(own.name, id, {});
        if (!spec || seen.contains(spec->dialect))
            continue;
        seen.insert(spec->dialect);
        if (spec->dialect == "aws-commands"_L1) {
            lines.append(tr("%1: started through fleet-hub, requests on %2")
                             .arg(DeviceText::dialect(spec->dialect),
                                  u"$aws/commands/things/%1/executions/…"_s.arg(id)));
        } else if (spec->dialect == "azure-methods"_L1) {
            lines.append(tr("%1: direct methods called through fleet-hub; twin on %2, telemetry on %3")
                             .arg(DeviceText::dialect(spec->dialect), u"$fleet/twins/%1/…"_s.arg(id),
                                  u"devices/%1/messages/events/…"_s.arg(id)));
        } else {
            lines.append(tr("%1: requests on %2, replies on %3")
                             .arg(DeviceText::dialect(spec->dialect), spec->requestTopic(id),
                                  spec->responseTopic(id)));
        }
    }
    return lines.join(u'\n');
}

void DeviceTableModel::onDevicesAdded(int first, int last)
{
    // Rows are only ever appended; start from what this model has announced so no row is skipped.
    Q_UNUSED(first);
    if (last < m_rowCount)
        return;
    beginInsertRows(QModelIndex(), m_rowCount, last);
    m_rowCount = last + 1;
    endInsertRows();
}

void DeviceTableModel::onDevicesChanged(const QList<int> &rows)
{
    // The rows come in ascending order: one dataChanged() per contiguous run.
    qsizetype i = 0;
    while (i < rows.size()) {
        const int start = rows.at(i);
        int end = start;
        ++i;
        while (i < rows.size() && rows.at(i) == end + 1) {
            end = rows.at(i);
            ++i;
        }
        if (start < 0 || end >= m_rowCount)
            continue;
        Q_EMIT dataChanged(index(start, 0), index(end, ColumnCount - 1), changedRoles());
    }
}

void DeviceTableModel::onRegistryDestroyed()
{
    beginResetModel();
    m_rowCount = 0;
    endResetModel();
}

int DeviceTableModel::shadowValue(const Device::ShadowSummary &shadow)
{
    if (!shadow.known)
        return -1;
    return shadow.inSync ? 0 : shadow.differingDesiredKeys;
}

} // namespace fleet
