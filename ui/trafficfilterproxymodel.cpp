#include "trafficfilterproxymodel.h"

#include "models/trafficmodel.h"

namespace fleet {

TrafficFilterProxyModel::TrafficFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void TrafficFilterProxyModel::setTopicFilter(const QString &filter)
{
    std::optional<TopicFilter> parsed;
    if (!filter.isEmpty() && TopicFilter::isValidFilter(filter))
        parsed.emplace(filter);
    if (topicFilter() == (parsed ? parsed->filter() : QString()))
        return;
    m_topicFilter = std::move(parsed);
    invalidateRowsFilter();
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
    if (!m_topicFilter && m_searchText.isEmpty())
        return true;
    const QString topic = sourceModel()
                              ->index(sourceRow, TrafficModel::TopicColumn, sourceParent)
                              .data(TrafficModel::TopicRole)
                              .toString();
    if (m_topicFilter && !m_topicFilter->matches(topic))
        return false;
    return m_searchText.isEmpty() || topic.contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace fleet
