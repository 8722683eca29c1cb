#include "trafficmodel.h"

#include "common/payloadpreview.h"

#include <QDateTime>
#include <QStringDecoder>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr qint64 RateWindowMs = 1000;
constexpr QStringView Ellipsis = u"\u2026";

qint64 textBytes(const QString &text)
{
    return qint64(text.size()) * qint64(sizeof(QChar));
}

// Cuts text to TrafficModel::MaxPropertyLength characters, the last an ellipsis; true when it did.
bool cutText(QString &text)
{
    if (text.size() <= TrafficModel::MaxPropertyLength)
        return false;
    QStringView kept = QStringView(text).first(TrafficModel::MaxPropertyLength - Ellipsis.size());
    if (kept.back().isHighSurrogate())
        kept.chop(1);
    // A new string, so that the received one (up to 64 KB) is not held on to.
    QString result;
    result.reserve(kept.size() + Ellipsis.size());
    result.append(kept);
    result.append(Ellipsis);
    text = std::move(result);
    return true;
}

} // namespace

TrafficModel::TrafficModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

TrafficModel::~TrafficModel() = default;

void TrafficModel::append(const MqttMessage &message)
{
    appendReceived(message, m_clock());
}

bool TrafficModel::hasLevel(QStringView topic, QStringView level)
{
    if (level.isEmpty())
        return false;
    for (qsizetype at = topic.indexOf(level); at >= 0; at = topic.indexOf(level, at + 1)) {
        const qsizetype end = at + level.size();
        if ((at == 0 || topic[at - 1] == u'/') && (end == topic.size() || topic[end] == u'/'))
            return true;
    }
    return false;
}

void TrafficModel::appendReceived(const MqttMessage &message, qint64 receivedMs)
{
    ++m_totalMessages;
    ++m_arrivedSinceFlush;
    // Even a message that makes no row is counted in the rate, which the flush records.
    scheduleFlush();
    if (m_filter && !m_filter->matches(message.topic()))
        return;

    Row row{message, receivedMs, message.payload().size()};
    if (m_trackReplies)
        row.sinceRequest = m_replies.note(message, receivedMs);
    row.propertiesCut = cutProperties(row.message.properties());
    const qint64 header = bytesOf(row.message) - row.size;
    if (header > m_maxBytes)
        return; // only with a budget too small for the topic and properties alone
    if (row.size > m_maxBytes - header)
        row.message.setPayload(message.payload().first(m_maxBytes - header));
    row.bytes = header + row.message.payload().size();
    rememberLastValue(row.message, row.bytes);
    if (m_paused) {
        ++m_droppedWhilePaused;
        return;
    }
    m_pendingBytes += row.bytes;
    m_pending.append(std::move(row));
    trimPending();
}

void TrafficModel::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Queued, not direct: every message the client delivers in this turn joins the same flush.
    QMetaObject::invokeMethod(this, &TrafficModel::flush, Qt::QueuedConnection);
}

void TrafficModel::trimPending()
{
    // A message queued behind `capacity` newer ones, or behind a budget's worth of newer messages, would be
    // evicted by the flush that inserts it: drop it now, so that a long turn cannot pile up messages.
    while (!m_pending.isEmpty() && (m_pending.size() > m_capacity || m_pendingBytes > m_maxBytes)) {
        m_pendingBytes -= m_pending.constFirst().bytes;
        m_pending.removeFirst();
    }
}

void TrafficModel::flush()
{
    m_flushScheduled = false;
    const qint64 now = m_clock();
    if (m_arrivedSinceFlush > 0) {
        if (!m_flushes.empty() && m_flushes.back().first == now)
            m_flushes.back().second += m_arrivedSinceFlush;
        else
            m_flushes.emplace_back(now, m_arrivedSinceFlush);
        m_arrivedSinceFlush = 0;
    }
    // A clock set back would otherwise keep stale entries in the window for as long as it was set back.
    while (!m_flushes.empty() &&
           (m_flushes.front().first <= now - RateWindowMs || m_flushes.front().first > now))
        m_flushes.pop_front();

    trimPending();
    if (m_pending.isEmpty())
        return;
    // Taken out first: a slot connected to the signals below may append(), and that message belongs to the
    // next flush, not to this batch.
    QList<Row> batch;
    batch.swap(m_pending);
    const qint64 batchBytes = std::exchange(m_pendingBytes, 0);
    const int incoming = int(batch.size());
    makeRoom(incoming, batchBytes);
    beginInsertRows(QModelIndex(), m_count, m_count + incoming - 1);
    for (Row &row : batch)
        pushBack(std::move(row));
    endInsertRows();
    // Hand the list's storage back, so that a steady stream does not reallocate it every turn.
    if (m_pending.isEmpty()) {
        batch.clear();
        m_pending.swap(batch);
    }
}

void TrafficModel::makeRoom(int incoming, qint64 incomingBytes)
{
    int remove = 0;
    qint64 keptBytes = m_storedBytes;
    while (remove < m_count &&
           (m_count - remove + incoming > m_capacity || keptBytes + incomingBytes > m_maxBytes)) {
        keptBytes -= rowAt(remove).bytes;
        ++remove;
    }
    if (remove == 0)
        return;
    beginRemoveRows(QModelIndex(), 0, remove - 1);
    popFront(remove);
    endRemoveRows();
}

void TrafficModel::clear()
{
    beginResetModel();
    m_ring = {};
    m_head = 0;
    m_count = 0;
    m_storedBytes = 0;
    m_pending.clear();
    m_pendingBytes = 0;
    m_arrivedSinceFlush = 0;
    m_lastOrder.clear();
    m_lastValues.clear();
    m_lastValueBytes = 0;
    m_flushes.clear();
    m_replies.clear();
    m_totalMessages = 0;
    m_droppedWhilePaused = 0;
    endResetModel();
}

void TrafficModel::setCapacity(int rows)
{
    m_capacity = std::max(1, rows);
    trimPending();
    makeRoom(0, 0);
    // Give back the slots a smaller cap no longer needs.
    if (qsizetype(m_ring.size()) > m_capacity)
        resizeRing(m_capacity);
}

void TrafficModel::setMaxBytes(qint64 bytes)
{
    m_maxBytes = std::max<qint64>(0, bytes);
    trimPending();
    makeRoom(0, 0);
    trimLastValues();
}

void TrafficModel::setMaxTopics(int topics)
{
    m_maxTopics = std::max(1, topics);
    trimLastValues();
}

QString TrafficModel::filter() const
{
    return m_filter ? m_filter->filter() : QString();
}

bool TrafficModel::setFilter(const QString &filter, QString *error)
{
    if (filter.isEmpty()) {
        m_filter.reset();
        return true;
    }
    TopicFilter parsed(filter);
    if (!parsed.isValid()) {
        if (error)
            *error =
                tr("\"%1\" is not a valid MQTT topic filter: '+' and '#' must fill a whole level, and '#' "
                   "must be the last level.")
                    .arg(filter);
        return false;
    }
    m_filter = std::move(parsed);
    return true;
}

void TrafficModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    if (paused) {
        // What arrived before the pause is shown: the operator paused to look at it.
        flush();
        m_droppedWhilePaused = 0;
    }
    m_paused = paused;
}

qint64 TrafficModel::messagesPerSecond() const
{
    const qint64 now = m_clock();
    qint64 sum = 0;
    // Newest first: the entries are in time order, so the walk stops at the first one out of the window.
    for (auto it = m_flushes.crbegin(); it != m_flushes.crend() && it->first > now - RateWindowMs; ++it) {
        if (it->first <= now)
            sum += it->second;
    }
    return sum;
}

qint64 TrafficModel::bytesOf(const MqttMessage &message)
{
    const MqttProperties &p = message.properties();
    qint64 bytes = message.payload().size() + textBytes(message.topic());
    if (p.contentType)
        bytes += textBytes(*p.contentType);
    if (p.responseTopic)
        bytes += textBytes(*p.responseTopic);
    if (p.correlationData)
        bytes += p.correlationData->size();
    // The pairs too: a flood of empty user properties is not free.
    for (const auto &[name, value] : p.userProperties)
        bytes += qint64(sizeof(QPair<QString, QString>)) + textBytes(name) + textBytes(value);
    return bytes;
}

bool TrafficModel::cutProperties(MqttProperties &properties)
{
    bool cut = false;
    if (properties.userProperties.size() > MaxUserProperties) {
        properties.userProperties = properties.userProperties.first(MaxUserProperties);
        cut = true;
    }
    for (auto &[name, value] : properties.userProperties) {
        cut |= cutText(name);
        cut |= cutText(value);
    }
    if (properties.contentType)
        cut |= cutText(*properties.contentType);
    if (properties.responseTopic)
        cut |= cutText(*properties.responseTopic);
    if (properties.correlationData && properties.correlationData->size() > MaxPropertyLength) {
        properties.correlationData = properties.correlationData->first(MaxPropertyLength);
        cut = true;
    }
    return cut;
}

void TrafficModel::rememberLastValue(MqttMessage &message, qint64 bytes)
{
    const auto found = m_lastValues.constFind(message.topic());
    if (found != m_lastValues.cend()) {
        // One copy of the topic for the hash, the last value and the row, however many messages it has had.
        message.setTopic(found.key());
        const auto node = found.value();
        m_lastValueBytes += bytes - bytesOf(*node);
        *node = message;
        m_lastOrder.splice(m_lastOrder.end(), m_lastOrder, node);
    } else {
        m_lastOrder.push_back(message);
        m_lastValues.insert(message.topic(), std::prev(m_lastOrder.end()));
        m_lastValueBytes += bytes;
    }
    trimLastValues();
}

void TrafficModel::trimLastValues()
{
    while (!m_lastOrder.empty() && (m_lastValues.size() > m_maxTopics || m_lastValueBytes > m_maxBytes)) {
        const MqttMessage &oldest = m_lastOrder.front();
        m_lastValueBytes -= bytesOf(oldest);
        m_lastValues.remove(oldest.topic());
        m_lastOrder.pop_front();
    }
}

std::optional<MqttMessage> TrafficModel::lastValue(const QString &topic) const
{
    const auto found = m_lastValues.constFind(topic);
    if (found == m_lastValues.cend())
        return std::nullopt;
    return *found.value();
}

QStringList TrafficModel::lastValueTopics() const
{
    QStringList topics;
    topics.reserve(qsizetype(m_lastOrder.size()));
    for (auto it = m_lastOrder.crbegin(); it != m_lastOrder.crend(); ++it)
        topics.append(it->topic());
    return topics;
}

void TrafficModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

const TrafficModel::Row &TrafficModel::rowAt(int row) const
{
    return m_ring[size_t((m_head + row) % qsizetype(m_ring.size()))];
}

void TrafficModel::pushBack(Row &&row)
{
    if (qsizetype(m_ring.size()) == m_count) {
        // Grow by doubling up to the cap rather than reserving the cap up front: a model configured for a
        // million rows must not cost a million rows while the traffic is light.
        resizeRing(std::min<qsizetype>(m_capacity, std::max<qsizetype>(64, 2 * qsizetype(m_ring.size()))));
    }
    m_storedBytes += row.bytes;
    m_ring[size_t((m_head + m_count) % qsizetype(m_ring.size()))] = std::move(row);
    ++m_count;
}

void TrafficModel::popFront(int count)
{
    for (int i = 0; i < count; ++i) {
        Row &row = m_ring[size_t(m_head)];
        m_storedBytes -= row.bytes;
        // Reset, not just skipped: the slot would otherwise hold the payload until it is reused.
        row = Row();
        m_head = (m_head + 1) % qsizetype(m_ring.size());
    }
    m_count -= count;
}

void TrafficModel::resizeRing(qsizetype slots)
{
    std::vector<Row> ring(size_t(std::max<qsizetype>(slots, m_count)));
    for (int i = 0; i < m_count; ++i)
        ring[size_t(i)] = std::move(m_ring[size_t((m_head + i) % qsizetype(m_ring.size()))]);
    m_ring = std::move(ring);
    m_head = 0;
}

int TrafficModel::rawRole(int column)
{
    switch (column) {
    case TimeColumn:
        return ReceivedRole;
    case TopicColumn:
        return TopicRole;
    case QosColumn:
        return QosRole;
    case RetainedColumn:
        return RetainedRole;
    case SizeColumn:
        return PayloadSizeRole;
    case PayloadColumn:
        return PayloadRole;
    case SinceRequestColumn:
        return SinceRequestRole;
    default:
        return -1;
    }
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const Row &row = rowAt(index.row());
    const MqttMessage &message = row.message;
    switch (role) {
    case ReceivedRole:
        return row.received;
    case TopicRole:
        return message.topic();
    case QosRole:
        return message.qos();
    case RetainedRole:
        return message.retain();
    case PayloadSizeRole:
        return row.size;
    case PayloadRole:
        return message.payload();
    case PayloadTruncatedRole:
        return row.size > message.payload().size();
    case PayloadIsTextRole:
        return PayloadPreview::of(message.payload(), 0).isText;
    case MessageRole:
        return QVariant::fromValue(message);
    case PropertiesTruncatedRole:
        return row.propertiesCut;
    case SinceRequestRole:
        return row.sinceRequest;
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.received).toString(Qt::ISODateWithMs);
    case TopicColumn:
        return message.topic();
    case QosColumn:
        return message.qos();
    case RetainedColumn:
        return message.retain() ? tr("yes", "retained flag") : tr("no", "retained flag");
    case SizeColumn:
        return row.size;
    case PayloadColumn:
        return PayloadPreview::of(message.payload(), DisplayCharacters).text;
    case SinceRequestColumn:
        return row.sinceRequest < 0 ? QVariant() : QVariant(tr("+%L1 ms").arg(row.sinceRequest));
    default:
        return {};
    }
}

QVariant TrafficModel::toolTip(const Row &row, int column)
{
    const QByteArray &payload = row.message.payload();
    if (column == PayloadColumn) {
        return plainToolTip(PayloadPreview::of(payload, PreviewBytes).text);
    }
    if (column == SizeColumn && row.size > payload.size())
        return tr("%1 bytes, of which the first %2 are kept").arg(row.size).arg(payload.size());
    return {};
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TopicColumn:
        return tr("Topic");
    case QosColumn:
        return tr("QoS");
    case RetainedColumn:
        return tr("Retained");
    case SizeColumn:
        return tr("Size");
    case PayloadColumn:
        return tr("Payload");
    case SinceRequestColumn:
        return tr("After request");
    default:
        return {};
    }
}

QHash<int, QByteArray> TrafficModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ReceivedRole, "received");
    names.insert(TopicRole, "topic");
    names.insert(QosRole, "qos");
    names.insert(RetainedRole, "retained");
    names.insert(PayloadSizeRole, "payloadSize");
    names.insert(PayloadRole, "payload");
    names.insert(PayloadTruncatedRole, "payloadTruncated");
    names.insert(PayloadIsTextRole, "payloadIsText");
    names.insert(MessageRole, "message");
    names.insert(PropertiesTruncatedRole, "propertiesTruncated");
    names.insert(SinceRequestRole, "sinceRequest");
    return names;
}

} // namespace fleet
