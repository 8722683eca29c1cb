#pragma once

#include "commands/commandfilter.h"

#include <QSortFilterProxyModel>

namespace fleet {

// Filters and sorts a CommandTimelineModel by a CommandFilter: a device's timeline, one command, the
// executions in some states (those in progress, the problems), one broadcast. The filter reads the model's
// raw roles, so a row enters or leaves as its execution changes state; sorting compares the raw role of the
// sorted column (times, durations and attempts as numbers, the state in its lifecycle order). On a nested
// model a broadcast's row passes with any of its parts, and its parts with it.
class CommandTimelineFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CommandTimelineFilterProxyModel(QObject *parent = nullptr);
    ~CommandTimelineFilterProxyModel() override;

    const CommandFilter &filter() const { return m_filter; }
    void setFilter(const CommandFilter &filter);

    QString deviceFilter() const { return m_filter.device; }
    void setDeviceFilter(const QString &device);
    QString commandFilter() const { return m_filter.command; }
    void setCommandFilter(const QString &command);
    QList<CommandExecution::State> stateFilter() const { return m_filter.states; }
    void setStateFilter(const QList<CommandExecution::State> &states);
    QString broadcastFilter() const { return m_filter.broadcastId; }
    void setBroadcastFilter(const QString &broadcastId);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    CommandFilter m_filter;
};

} // namespace fleet
