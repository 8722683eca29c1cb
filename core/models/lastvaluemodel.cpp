#include "lastvaluemodel.h"

#include "common/payloadpreview.h"
#include "trafficmodel.h"

#include <QSet>

#include <algorithm>

namespace fleet {

LastValueModel::LastValueModel(TrafficModel *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(DefaultRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &LastValueModel::refresh);
    connect(source, &QAbstractItemModel::rowsInserted, this, &LastValueModel::scheduleRefresh);
    connect(source, &QAbstractItemModel::modelReset, this, &LastValueModel::refresh);
    refresh();
}

void LastValueModel::scheduleRefresh()
{
    // Not restarted when already running: a steady stream must still refresh every interval, not wait for a
    // quiet moment that never comes.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

bool LastValueModel::sameMessage(const MqttMessage &a, const MqttMessage &b)
{
    // Every received message has its own payload buffer, and the source hands out shared copies of it, so
    // comparing the buffers' addresses tells a new message from the same one without comparing megabytes.
    return a.payload().constData() == b.payload().constData() && a.payload().size() == b.payload().size() &&
           a.qos() == b.qos() && a.retain() == b.retain() && a.properties() == b.properties();
}

void LastValueModel::refresh()
{
    m_refreshTimer.stop();
    const QStringList topics = m_source ? m_source->lastValueTopics() : QStringList();
    const QSet<QString> live(topics.cbegin(), topics.cend());

    // Evicted topics first, from the end so the earlier row numbers stay right, one signal per run of rows.
    bool removed = false;
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (live.contains(m_rows.at(row).topic())) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !live.contains(m_rows.at(first - 1).topic()))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        removed = true;
        row = first - 1;
    }
    if (removed)
        reindex();

    int firstChanged = int(m_rows.size());
    int lastChanged = -1;
    QList<MqttMessage> added;
    // Oldest first, so that topics seen together keep their order at the end of the table.
    for (auto it = topics.crbegin(); it != topics.crend(); ++it) {
        const std::optional<MqttMessage> value = m_source->lastValue(*it);
        if (!value)
            continue;
        const auto found = m_rowOfTopic.constFind(*it);
        if (found == m_rowOfTopic.cend()) {
            added.append(*value);
            continue;
        }
        MqttMessage &current = m_rows[found.value()];
        if (!sameMessage(current, *value)) {
            current = *value;
            firstChanged = std::min(firstChanged, found.value());
            lastChanged = std::max(lastChanged, found.value());
        }
    }
    if (lastChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (const MqttMessage &message : std::as_const(added)) {
            m_rowOfTopic.insert(message.topic(), int(m_rows.size()));
            m_rows.append(message);
        }
        endInsertRows();
    }
}

void LastValueModel::reindex()
{
    m_rowOfTopic.clear();
    m_rowOfTopic.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfTopic.insert(m_rows.at(row).topic(), row);
}

int LastValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LastValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LastValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MqttMessage &message = m_rows.at(index.row());
    switch (role) {
    case TopicRole:
        return message.topic();
    case QosRole:
        return message.qos();
    case RetainedRole:
        return message.retain();
    case PayloadSizeRole:
        return qint64(message.payload().size());
    case PayloadRole:
        return message.payload();
    case MessageRole:
        return QVariant::fromValue(message);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TopicColumn:
        return message.topic();
    case QosColumn:
        return message.qos();
    case RetainedColumn:
        return message.retain() ? tr("yes", "retained flag") : tr("no", "retained flag");
    case SizeColumn:
        return qint64(message.payload().size());
    case PayloadColumn:
        // As the traffic table and the topic tree show a payload: the head only is decoded.
        return PayloadPreview::of(message.payload(), DisplayCharacters).text;
    default:
        return {};
    }
}

QVariant LastValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case QosColumn:
        return tr("QoS");
    case RetainedColumn:
        return tr("Retained");
    case SizeColumn:
        return tr("Size");
    case PayloadColumn:
        return tr("Last value");
    default:
        return {};
    }
}

} // namespace fleet
