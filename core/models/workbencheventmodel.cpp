#include "models/workbencheventmodel.h"

#include <QLocale>

namespace fleet {

WorkbenchEventModel::WorkbenchEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int WorkbenchEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int WorkbenchEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkbenchEventModel::directionText(WorkbenchEvent::Direction direction)
{
    switch (direction) {
    case WorkbenchEvent::Direction::FromCloud:
        return tr("→ device", "workbench log: the cloud sent this to the device");
    case WorkbenchEvent::Direction::ToCloud:
        return tr("device →", "workbench log: the device (the workbench) sent this");
    case WorkbenchEvent::Direction::Note:
        break;
    }
    return tr("note", "workbench log: a note about the connection, nothing on the wire");
}

QVariant WorkbenchEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_events.size()))
        return {};
    const WorkbenchEvent &e = m_events.at(size_t(index.row()));
    if (role == EventRole)
        return QVariant::fromValue(e);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::ToolTipRole ? QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat)
                                       : e.at.toLocalTime().toString(u"HH:mm:ss.zzz");
    case DirectionColumn:
        return directionText(e.direction);
    case SummaryColumn:
        return e.summary;
    case TopicColumn:
        return e.topic;
    default:
        return {};
    }
}

QVariant WorkbenchEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case SummaryColumn:
        return tr("Event");
    case TopicColumn:
        return tr("Topic");
    default:
        return {};
    }
}

void WorkbenchEventModel::append(const WorkbenchEvent &event)
{
    if (m_events.size() >= size_t(MaxEvents)) {
        beginRemoveRows({}, 0, 0);
        m_events.pop_front();
        endRemoveRows();
        ++m_dropped;
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.push_back(event);
    endInsertRows();
}

void WorkbenchEventModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_dropped = 0;
    endResetModel();
}

} // namespace fleet
