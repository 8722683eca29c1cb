#include "models/rollbackhistorymodel.h"

#include "commands/rollbacklog.h"

#include <QDateTime>

#include <algorithm>

namespace fleet {

namespace {} // namespace

RollbackHistoryModel::RollbackHistoryModel(RollbackLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    if (m_log)
        m_entries = m_log->entries();
}

RollbackHistoryModel::~RollbackHistoryModel() = default;

void RollbackHistoryModel::refresh()
{
    if (!m_log)
        return;
    const QList<RollbackEntry> fresh = m_log->entries();
    // The log only appends, marks entries rolled back and drops its oldest: anything else (a log restored
    // from another ledger) is a new history, shown as a reset.
    const qint64 firstFresh = fresh.isEmpty() ? 0 : fresh.first().id;
    qsizetype dropped = 0;
    while (dropped < m_entries.size() && !fresh.isEmpty() && m_entries.at(dropped).id < firstFresh)
        ++dropped;
    if (fresh.isEmpty())
        dropped = m_entries.size();
    const qsizetype kept = m_entries.size() - dropped;
    bool consistent = kept <= fresh.size();
    for (qsizetype i = 0; consistent && i < kept; ++i)
        consistent = m_entries.at(dropped + i).id == fresh.at(i).id;
    if (!consistent) {
        beginResetModel();
        m_entries = fresh;
        endResetModel();
        return;
    }
    if (dropped > 0) {
        beginRemoveRows({}, 0, int(dropped - 1));
        m_entries.remove(0, dropped);
        endRemoveRows();
    }
    for (qsizetype i = 0; i < kept; ++i) {
        if (m_entries.at(i) != fresh.at(i)) {
            m_entries[i] = fresh.at(i);
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
    }
    if (fresh.size() > kept) {
        beginInsertRows({}, int(kept), int(fresh.size() - 1));
        m_entries.append(fresh.mid(kept));
        endInsertRows();
    }
}

int RollbackHistoryModel::rowOf(qint64 entryId) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), entryId,
                                     [](const RollbackEntry &e, qint64 id) { return e.id < id; });
    return it != m_entries.cend() && it->id == entryId ? int(it - m_entries.cbegin()) : -1;
}

const RollbackEntry *RollbackHistoryModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int RollbackHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RollbackHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RollbackHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_entries.size() ||
        index.column() >= ColumnCount)
        return {};
    const RollbackEntry &e = m_entries.at(index.row());
    const bool command = e.kind == RollbackEntry::Kind::Command;
    switch (role) {
    case EntryIdRole:
        return e.id;
    case TimeRole:
        return e.timeMs;
    case DeviceRole:
        return e.device;
    case KindRole:
        return int(e.kind);
    case CommandRole:
        return e.commandName;
    case ShadowNameRole:
        return e.shadowName;
    case BeforeRole:
        return compactJson(e.before);
    case AfterRole:
        return compactJson(e.after);
    case ParametersRole:
        return compactJson(e.parameters);
    case RolledBackByRole:
        return e.rolledBackBy;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (e.kind == RollbackEntry::Kind::DesiredBatch) {
        // One row for the whole batch: it is undone as one.
        const int devices = int(e.targets.size());
        const QString where = e.group.isEmpty() ? tr("%n devices", nullptr, devices)
                                                : tr("%n devices (%1)", nullptr, devices).arg(e.group);
        switch (index.column()) {
        case DeviceColumn:
            return where;
        case KindColumn:
            return e.shadowName.isEmpty() ? tr("Desired state, batch")
                                          : tr("Desired state (%1), batch").arg(e.shadowName);
        case ChangeColumn:
            return tr("desired %1 on %2").arg(compactJson(e.parameters), where);
        default:
            break;
        }
    }
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case DeviceColumn:
        return e.device;
    case KindColumn:
        if (command)
            return tr("Command");
        if (e.kind == RollbackEntry::Kind::TwinDesired)
            return tr("Twin, desired properties");
        return e.shadowName.isEmpty() ? tr("Desired state") : tr("Desired state (%1)").arg(e.shadowName);
    case ChangeColumn:
        return command ? tr("%1 %2").arg(e.commandName, compactJson(e.parameters)) : compactJson(e.after);
    case RolledBackColumn:
        return e.isRolledBack() ? tr("by %1").arg(e.rolledBackBy) : QString();
    default:
        return {};
    }
}

QVariant RollbackHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DeviceColumn:
        return tr("Device");
    case KindColumn:
        return tr("Kind");
    case ChangeColumn:
        return tr("Change");
    case RolledBackColumn:
        return tr("Rolled back");
    default:
        return {};
    }
}

QHash<int, QByteArray> RollbackHistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EntryIdRole, "entryId");
    names.insert(TimeRole, "time");
    names.insert(DeviceRole, "device");
    names.insert(KindRole, "kind");
    names.insert(CommandRole, "command");
    names.insert(ShadowNameRole, "shadowName");
    names.insert(BeforeRole, "before");
    names.insert(AfterRole, "after");
    names.insert(ParametersRole, "parameters");
    names.insert(RolledBackByRole, "rolledBackBy");
    return names;
}

} // namespace fleet
