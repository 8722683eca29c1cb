#include "models/approvalqueuemodel.h"

#include "commands/approvalqueue.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

} // namespace

ApprovalQueueModel::ApprovalQueueModel(ApprovalQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
{
    if (!m_queue)
        return;
    for (const ApprovalRequest &r : m_queue->requests())
        m_ids.append(r.id);
    connect(m_queue, &ApprovalQueue::requestChanged, this, &ApprovalQueueModel::onRequestChanged);
    connect(m_queue, &ApprovalQueue::requestRemoved, this, &ApprovalQueueModel::onRequestRemoved);
    connect(m_queue, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_ids.clear();
        endResetModel();
    });
}

int ApprovalQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ApprovalQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ApprovalQueueModel::rowOf(const QString &id) const
{
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
    return it != m_ids.cend() && *it == id ? int(it - m_ids.cbegin()) : -1;
}

QVariant ApprovalQueueModel::data(const QModelIndex &index, int role) const
{
    if (!m_queue || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::optional<ApprovalRequest> r = m_queue->request(m_ids.at(index.row()));
    if (!r)
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const ApprovalRequest::State state = r->isExpired(now) ? ApprovalRequest::State::Expired : r->state;
    switch (role) {
    case IdRole:
        return r->id;
    case StateRole:
        return int(state);
    case RequestedRole:
        return r->requestedMs;
    case ExpiresRole:
        return r->expiresMs;
    case RequesterRole:
        return r->requester;
    case PayloadRole:
        return indentedJson(r->payload);
    case CanDecideRole:
        return m_queue->canDecide(r->id);
    case DecisionCountRole:
        return int(r->decisions.size());
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case RequestedColumn:
        return timeText(r->requestedMs);
    case RequesterColumn:
        return r->requester;
    case DeviceColumn:
        return r->targetText();
    case CommandColumn:
        return r->command;
    case StateColumn:
        return ApprovalRequest::stateText(state);
    case ExpiresColumn:
        return r->isPending() ? timeText(r->expiresMs) : QString();
    case DecidedByColumn:
        return r->decidedBy;
    case ReasonColumn:
        return r->reason;
    default:
        return {};
    }
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RequestedColumn:
        return tr("Requested");
    case RequesterColumn:
        return tr("Requester");
    case DeviceColumn:
        return tr("Device");
    case CommandColumn:
        return tr("Command");
    case StateColumn:
        return tr("State");
    case ExpiresColumn:
        return tr("Expires");
    case DecidedByColumn:
        return tr("Decided by");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QHash<int, QByteArray> ApprovalQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "approvalId");
    names.insert(StateRole, "approvalState");
    names.insert(RequestedRole, "requested");
    names.insert(ExpiresRole, "expires");
    names.insert(RequesterRole, "requester");
    names.insert(PayloadRole, "payload");
    names.insert(CanDecideRole, "canDecide");
    names.insert(DecisionCountRole, "decisionCount");
    return names;
}

void ApprovalQueueModel::onRequestChanged(const QString &id)
{
    const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
    const int row = int(it - m_ids.begin());
    if (it != m_ids.end() && *it == id) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, row, row);
    m_ids.insert(row, id);
    endInsertRows();
}

void ApprovalQueueModel::onRequestRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

} // namespace fleet
