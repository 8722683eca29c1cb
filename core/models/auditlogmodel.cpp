#include "models/auditlogmodel.h"

#include <QDateTime>

#include <algorithm>

namespace fleet {

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::setMaxRows(int rows)
{
    m_maxRows = std::max(rows, 1);
    trim();
}

void AuditLogModel::append(const QList<Entry> &entries)
{
    // Only what follows the last row: a page read twice (a refresh racing another) adds nothing.
    const qint64 last = lastSeq();
    const auto first =
        std::find_if(entries.cbegin(), entries.cend(), [last](const Entry &e) { return e.seq > last; });
    QList<Entry> fresh;
    for (auto it = first; it != entries.cend(); ++it) {
        if (fresh.isEmpty() || it->seq > fresh.constLast().seq)
            fresh.append(*it);
    }
    if (fresh.isEmpty())
        return;
    // Of a batch larger than the cap only its newest rows would stay: the rest are never inserted.
    if (fresh.size() > m_maxRows) {
        m_dropped += fresh.size() - m_maxRows;
        fresh.remove(0, fresh.size() - m_maxRows);
    }
    const qsizetype overflow = m_entries.size() + fresh.size() - m_maxRows;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.remove(0, overflow);
        m_dropped += overflow;
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + fresh.size() - 1));
    m_entries.append(fresh);
    endInsertRows();
}

void AuditLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_dropped = 0;
    endResetModel();
}

void AuditLogModel::trim()
{
    const qsizetype overflow = m_entries.size() - m_maxRows;
    if (overflow <= 0)
        return;
    beginRemoveRows({}, 0, int(overflow - 1));
    m_entries.remove(0, overflow);
    m_dropped += overflow;
    endRemoveRows();
}

const AuditLogModel::Entry *AuditLogModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case SeqRole:
        return e.seq;
    case TimeRole:
        return e.time;
    case ActorRole:
        return e.actor;
    case ActionRole:
        return e.action;
    case RequesterRole:
        return e.requester;
    case RequestIdRole:
        return e.id;
    case TopicRole:
        return e.topic;
    case DetailRole:
        return e.detail;
    case FilterTextRole:
        return e.actor + QLatin1Char('\n') + e.requester + QLatin1Char('\n') + e.id;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(e.time);
    case ActorColumn:
        return e.actor;
    case ActionColumn:
        return e.action;
    case RequestColumn:
        return e.requestText();
    case TopicColumn:
        return e.topic;
    case DetailColumn:
        return e.detail;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor", "who caused an audit entry");
    case ActionColumn:
        return tr("Action");
    case RequestColumn:
        return tr("Request", "requester/id of a gate request");
    case TopicColumn:
        return tr("Topic");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeqRole, "seq");
    names.insert(TimeRole, "time");
    names.insert(ActorRole, "actor");
    names.insert(ActionRole, "action");
    names.insert(RequesterRole, "requester");
    names.insert(RequestIdRole, "requestId");
    names.insert(TopicRole, "topic");
    names.insert(DetailRole, "detail");
    names.insert(FilterTextRole, "filterText");
    return names;
}

} // namespace fleet
