#include "trafficfilterproxymodel.h"

#include "models/trafficmodel.h"

#include <algorithm>

namespace fleet {

TrafficFilterProxyModel::TrafficFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void TrafficFilterProxyModel::setTopicFilters(const QStringList &filters)
{
    QList<TopicFilter> parsed;
    for (const QString &filter : filters) {
        if (TopicFilter::isValidFilter(filter))
            parsed.append(TopicFilter(filter));
    }
    if (parsed == m_topicFilters)
        return;
    m_topicFilters = std::move(parsed);
    invalidateRowsFilter();
}

QStringList TrafficFilterProxyModel::topicFilters() const
{
    QStringList out;
    for (const TopicFilter &filter : m_topicFilters)
        out.append(filter.filter());
    return out;
}

void TrafficFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    invalidateRowsFilter();
}

bool TrafficFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_topicFilters.isEmpty() && m_searchText.isEmpty())
        return true;
    const QString topic = sourceModel()
                              ->index(sourceRow, TrafficModel::TopicColumn, sourceParent)
                              .data(TrafficModel::TopicRole)
                              .toString();
    if (!m_topicFilters.isEmpty() &&
        std::none_of(m_topicFilters.cbegin(), m_topicFilters.cend(),
                     [&](const TopicFilter &filter) { return filter.matches(topic); }))
        return false;
    return m_searchText.isEmpty() || topic.contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace fleet
