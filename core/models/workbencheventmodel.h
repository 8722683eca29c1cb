#pragma once

#include "workbench/workbenchevent.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

#include <deque>

namespace fleet {

// The device workbench's log as a table, oldest first: what the cloud sent the device, what the workbench
// sent as it, and notes about the connection. At most MaxEvents rows (each payload is already cut at
// WorkbenchEvent::MaxPayloadBytes, so the log holds at most about 128 MB in the worst case and a few MB in
// practice); the oldest make room, counted in droppedCount().
class WorkbenchEventModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int MaxEvents = 2000;

    enum Column { TimeColumn, DirectionColumn, SummaryColumn, TopicColumn, ColumnCount };
    enum Role { EventRole = Qt::UserRole + 1 };

    explicit WorkbenchEventModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const fleet::WorkbenchEvent &event);
    void clear();
    const WorkbenchEvent &event(int row) const { return m_events.at(size_t(row)); }
    qsizetype droppedCount() const { return m_dropped; }

    static QString directionText(WorkbenchEvent::Direction direction);

private:
    std::deque<WorkbenchEvent> m_events;
    qsizetype m_dropped = 0;
};

} // namespace fleet
