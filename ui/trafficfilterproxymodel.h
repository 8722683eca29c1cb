#pragma once

#include "mqtt/topicfilter.h"

#include <QList>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace fleet {

// What the traffic table shows of a TrafficModel: rows whose topic matches one of a set of MQTT topic filters
// (the view's capture filters, so rows captured under previous filters disappear when they change) and
// contains a search text. Matching is TopicFilter's; this class only adapts it to a proxy. No sorting: the
// rows stay in arrival order, which is what makes appending cheap at high rates.
class TrafficFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TrafficFilterProxyModel(QObject *parent = nullptr);

    // No filter shows every topic; invalid ones are ignored.
    void setTopicFilters(const QStringList &filters);
    QStringList topicFilters() const;

    // Case-insensitive substring of the topic; empty shows every topic.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<TopicFilter> m_topicFilters;
    QString m_searchText;
};

} // namespace fleet
