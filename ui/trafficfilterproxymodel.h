#pragma once

#include "mqtt/topicfilter.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

namespace fleet {

// What the traffic table shows of a TrafficModel: rows whose topic matches an MQTT topic filter (the view's
// capture filter, so rows captured under a previous filter disappear when it changes) and contains a search
// text. Matching is TopicFilter's; this class only adapts it to a proxy. No sorting: the rows stay in
// arrival order, which is what makes appending cheap at high rates.
class TrafficFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TrafficFilterProxyModel(QObject *parent = nullptr);

    // An empty or invalid filter shows every topic.
    void setTopicFilter(const QString &filter);
    QString topicFilter() const { return m_topicFilter ? m_topicFilter->filter() : QString(); }

    // Case-insensitive substring of the topic; empty shows every topic.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<TopicFilter> m_topicFilter;
    QString m_searchText;
};

} // namespace fleet
