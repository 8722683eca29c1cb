#include "topictreemodel.h"

#include "common/elided.h"
#include "common/payloadpreview.h"

#include <QDateTime>
#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <climits>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using Levels = QVarLengthArray<QStringView, 16>;

qint64 textBytes(qsizetype characters)
{
    return qint64(characters) * qint64(sizeof(QChar));
}

// The levels of a topic, the ones past MaxDepth left joined in the last.
Levels levelsOf(QStringView topic)
{
    Levels levels;
    qsizetype start = 0;
    while (levels.size() < TopicTreeModel::MaxDepth - 1) {
        const qsizetype slash = topic.indexOf(u'/', start);
        if (slash < 0)
            break;
        levels.append(topic.sliced(start, slash - start));
        start = slash + 1;
    }
    levels.append(topic.sliced(start));
    return levels;
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Natural order: runs of digits compare as numbers ("dev-2" < "dev-10"), other characters case-folded;
// names equal that way are ordered by their exact text, so that the order is total.
int compareLevels(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            while (i < a.size() && a[i] == u'0')
                ++i;
            while (j < b.size() && b[j] == u'0')
                ++j;
            qsizetype endA = i;
            while (endA < a.size() && isDigit(a[endA]))
                ++endA;
            qsizetype endB = j;
            while (endB < b.size() && isDigit(b[endB]))
                ++endB;
            // Without leading zeros the longer run is the larger number; equal lengths compare digitwise.
            if (endA - i != endB - j)
                return endA - i < endB - j ? -1 : 1;
            for (; i < endA; ++i, ++j) {
                if (a[i] != b[j])
                    return a[i] < b[j] ? -1 : 1;
            }
            continue;
        }
        const char16_t foldedA = a[i].toCaseFolded().unicode();
        const char16_t foldedB = b[j].toCaseFolded().unicode();
        if (foldedA != foldedB)
            return foldedA < foldedB ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return a.compare(b);
}

// What MQTT 5 properties take as kept: text at two bytes a character, and the pairs themselves, so that a
// flood of empty user properties is not free.
qint64 propertiesBytes(const MqttProperties &p)
{
    qint64 bytes = 0;
    if (p.contentType)
        bytes += textBytes(p.contentType->size());
    if (p.responseTopic)
        bytes += textBytes(p.responseTopic->size());
    if (p.correlationData)
        bytes += p.correlationData->size();
    for (const auto &[name, value] : p.userProperties)
        bytes += qint64(sizeof(QPair<QString, QString>)) + textBytes(name.size()) + textBytes(value.size());
    return bytes;
}

} // namespace

TopicTreeModel::TopicTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_root->published = true;
    m_root->fetched = true;
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(DefaultRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TopicTreeModel::refresh);
}

TopicTreeModel::~TopicTreeModel() = default;

void TopicTreeModel::append(const MqttMessage &message)
{
    ++m_totalMessages;
    scheduleRefresh();
    Node *node = m_topics.value(message.topic());
    if (!node) {
        node = addTopic(message.topic());
        if (!node) {
            ++m_overflowMessages;
            return;
        }
    }
    const qint64 now = m_clock();
    if (m_rateOrigin < 0)
        m_rateOrigin = now;
    record(*node, message, now);
    count(node, now);
    trimBytes();
}

TopicTreeModel::Node *TopicTreeModel::addTopic(const QString &topic)
{
    const Levels levels = levelsOf(topic);
    Node *node = m_root.get();
    qsizetype depth = 0;
    for (; depth < levels.size(); ++depth) {
        Node *next = child(*node, levels.at(depth));
        if (!next)
            break;
        node = next;
    }
    // Refused whole, before anything is created: a topic is in the tree with all its levels or not at all.
    qint64 bytes = textBytes(topic.size());
    for (qsizetype i = depth; i < levels.size(); ++i)
        bytes += textBytes(levels.at(i).size());
    if (m_topics.size() >= m_maxTopics || qsizetype(m_nodes.size()) + levels.size() - depth > m_maxNodes ||
        m_topicBytes + bytes > m_maxBytes / 2)
        return nullptr;

    for (; depth < levels.size(); ++depth) {
        Node &next = m_nodes.emplace_back();
        next.level = levels.at(depth).toString();
        addChild(node, &next);
        node = &next;
    }
    node->topic = std::make_unique<Topic>();
    node->topic->topic = topic;
    m_topics.insert(topic, node);
    m_topicBytes += bytes;
    for (Node *n = node; n; n = n->parent)
        ++n->topics;
    return node;
}

TopicTreeModel::Node *TopicTreeModel::findNode(QStringView topic) const
{
    Node *node = m_root.get();
    for (const QStringView level : levelsOf(topic)) {
        node = child(*node, level);
        if (!node)
            return nullptr;
    }
    return node;
}

TopicTreeModel::Node *TopicTreeModel::child(const Node &parent, QStringView level) const
{
    if (parent.childByLevel)
        return parent.childByLevel->value(level);
    for (Node *node : parent.children) {
        if (node->level == level)
            return node;
    }
    return nullptr;
}

void TopicTreeModel::addChild(Node *parent, Node *child)
{
    child->parent = parent;
    child->row = int(parent->children.size());
    parent->children.push_back(child);
    if (parent->childByLevel) {
        parent->childByLevel->insert(QStringView(child->level), child);
    } else if (parent->children.size() > size_t(LinearChildren)) {
        parent->childByLevel = std::make_unique<QHash<QStringView, Node *>>();
        parent->childByLevel->reserve(qsizetype(parent->children.size()));
        for (Node *node : parent->children)
            parent->childByLevel->insert(QStringView(node->level), node);
    }
    // Only a fetched parent shows its children; the others are sorted when a view fetches them.
    if (parent->fetched) {
        if (!parent->pendingListed) {
            parent->pendingListed = true;
            m_pendingParents.push_back(parent);
        }
        scheduleFlush();
    }
}

qint64 TopicTreeModel::bytesOf(const Kept &entry)
{
    // The slot itself is counted with the ring; the topic is not counted here: it is kept once, in
    // topicBytes().
    return entry.payload.size() + (entry.properties ? propertiesBytes(*entry.properties) : 0);
}

qint64 TopicTreeModel::historySlotBytes()
{
    return qint64(sizeof(Kept));
}

void TopicTreeModel::setTopicBytes(Topic &topic, qint64 bytes)
{
    m_storedBytes += bytes - topic.bytes;
    topic.bytes = bytes;
}

void TopicTreeModel::record(Node &node, const MqttMessage &message, qint64 now)
{
    Topic &topic = *node.topic;
    ++topic.messages;
    topic.lastReceived = now;
    topic.lastSize = message.payload().size();
    // A message that is not retained leaves the broker's retained value as it was; a retained one replaces
    // it, and an empty retained one removes it. (Live retained messages carry the flag only with MQTT 5's
    // retain-as-published, which TrafficCapture asks for.)
    if (message.retain())
        topic.retained = !message.payload().isEmpty();

    Kept entry;
    entry.received = now;
    entry.size = message.payload().size();
    // first() copies: the kept prefix does not hold on to the received megabytes.
    entry.payload =
        entry.size > m_maxValueBytes ? message.payload().first(m_maxValueBytes) : message.payload();
    entry.qos = qint8(message.qos());
    entry.retain = message.retain();
    entry.duplicate = message.duplicate();
    if (!message.properties().isEmpty()) {
        if (propertiesBytes(message.properties()) > MaxPropertiesBytes)
            entry.propertiesDropped = true;
        else
            entry.properties = std::make_shared<const MqttProperties>(message.properties());
    }

    if (topic.count > 0) {
        // The last value becomes history, and history keeps less of a payload.
        Kept &previous = topic.at(topic.count - 1);
        if (previous.payload.size() > m_maxHistoryPayloadBytes) {
            const qint64 cut = previous.payload.size() - m_maxHistoryPayloadBytes;
            previous.payload = previous.payload.first(m_maxHistoryPayloadBytes);
            setTopicBytes(topic, topic.bytes - cut);
        }
    }
    if (topic.count == int(topic.ring.size())) {
        if (topic.count < m_historyDepth)
            resizeRing(topic, std::min(m_historyDepth, std::max(1, 2 * topic.count)));
        else
            dropOldest(topic);
    }
    const qint64 bytes = bytesOf(entry);
    topic.at(topic.count) = std::move(entry);
    ++topic.count;
    setTopicBytes(topic, topic.bytes + bytes);
    touch(topic);
}

void TopicTreeModel::resizeRing(Topic &topic, int slots)
{
    std::vector<Kept> ring(size_t(std::max(slots, topic.count)));
    for (int i = 0; i < topic.count; ++i)
        ring[size_t(i)] = std::move(topic.at(i));
    const qint64 change = (qint64(ring.size()) - qint64(topic.ring.size())) * qint64(sizeof(Kept));
    topic.ring = std::move(ring);
    topic.head = 0;
    setTopicBytes(topic, topic.bytes + change);
}

void TopicTreeModel::trimHistory(Topic &topic, int keep)
{
    while (topic.count > keep)
        dropOldest(topic);
    if (int(topic.ring.size()) > std::max(keep, topic.count))
        resizeRing(topic, topic.count);
}

void TopicTreeModel::dropOldest(Topic &topic)
{
    Kept &oldest = topic.at(0);
    const qint64 bytes = bytesOf(oldest);
    // Reset, not just skipped: the slot would otherwise hold the payload until it is reused.
    oldest = Kept();
    topic.head = (topic.head + 1) % int(topic.ring.size());
    --topic.count;
    setTopicBytes(topic, topic.bytes - bytes);
    if (topic.count <= 1 && topic.inWithHistory) {
        m_withHistory.erase(topic.withHistory);
        topic.inWithHistory = false;
    }
    if (topic.count == 0 && topic.inRecent) {
        m_recent.erase(topic.recent);
        topic.inRecent = false;
    }
}

void TopicTreeModel::touch(Topic &topic)
{
    // To the back of the eviction orders: splice() moves the list node, it allocates nothing.
    if (topic.inRecent) {
        m_recent.splice(m_recent.end(), m_recent, topic.recent);
    } else {
        topic.recent = m_recent.insert(m_recent.end(), &topic);
        topic.inRecent = true;
    }
    if (topic.count > 1) {
        if (topic.inWithHistory) {
            m_withHistory.splice(m_withHistory.end(), m_withHistory, topic.withHistory);
        } else {
            topic.withHistory = m_withHistory.insert(m_withHistory.end(), &topic);
            topic.inWithHistory = true;
        }
    }
}

void TopicTreeModel::trimBytes()
{
    const auto over = [this] { return m_topicBytes + m_storedBytes > m_maxBytes; };
    // Older messages first, of the topics updated least recently: last values are what an explorer is for.
    while (over() && !m_withHistory.empty()) {
        Topic &topic = *m_withHistory.front();
        // The ring gives back its emptied slots afterwards: count them as given back already, or it would
        // drop more than the budget needs.
        const auto overOnceShrunk = [&] {
            const qint64 spare = (qint64(topic.ring.size()) - topic.count) * qint64(sizeof(Kept));
            return m_topicBytes + m_storedBytes - spare > m_maxBytes;
        };
        while (topic.count > 1 && overOnceShrunk())
            dropOldest(topic);
        trimHistory(topic, topic.count);
    }
    while (over() && !m_recent.empty())
        trimHistory(*m_recent.front(), 0);
}

void TopicTreeModel::count(Node *node, qint64 now)
{
    const qint64 bucket = now / RateBucketMs;
    for (Node *n = node; n; n = n->parent) {
        ++n->messages;
        if (bucket > n->lastBucket) {
            // The buckets skipped since the last message held nothing; at most RateBuckets of them to clear.
            for (qint64 b = std::max(n->lastBucket + 1, bucket - RateBuckets + 1); b <= bucket; ++b)
                n->buckets[size_t(b % RateBuckets)] = 0;
            n->lastBucket = bucket;
        }
        // A clock set back counts in the newest bucket rather than in one already reused.
        ++n->buckets[size_t(n->lastBucket % RateBuckets)];
        Node *parent = n->parent;
        if (!parent)
            break;
        parent->childActive = now;
        // The rows of a parent no view fetched are nobody's business.
        if (!parent->fetched)
            continue;
        if (parent->changedLast < parent->changedFirst) {
            parent->changedFirst = n->row;
            parent->changedLast = n->row;
        } else {
            parent->changedFirst = std::min(parent->changedFirst, n->row);
            parent->changedLast = std::max(parent->changedLast, n->row);
        }
        listActive(parent);
    }
}

void TopicTreeModel::listActive(Node *parent)
{
    if (!parent->activeListed) {
        parent->activeListed = true;
        m_activeParents.push_back(parent);
    }
}

double TopicTreeModel::rateOf(const Node &node, qint64 now) const
{
    if (node.lastBucket < 0 || m_rateOrigin < 0)
        return 0;
    const qint64 bucket = now / RateBucketMs;
    const qint64 oldest = bucket - RateBuckets + 1;
    qint64 sum = 0;
    // A slot holds bucket b when b is one of the RateBuckets newest the node counted in.
    for (qint64 b = std::max(oldest, node.lastBucket - RateBuckets + 1);
         b <= std::min(bucket, node.lastBucket); ++b)
        sum += node.buckets[size_t(b % RateBuckets)];
    // Over the time the counted buckets span, but not before the first message, and at least a second: three
    // messages in the first millisecond are not 3,000 a second.
    const qint64 start = std::max(oldest * RateBucketMs, m_rateOrigin);
    const qint64 span = std::max<qint64>(now - start, RateBucketMs);
    return double(sum) * 1000.0 / double(span);
}

double TopicTreeModel::messagesPerSecond() const
{
    return rateOf(*m_root, m_clock());
}

void TopicTreeModel::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Queued, not direct: every new topic the client delivers in this turn joins the same flush.
    QMetaObject::invokeMethod(this, &TopicTreeModel::flush, Qt::QueuedConnection);
}

void TopicTreeModel::scheduleRefresh()
{
    // Not restarted when running: a steady stream must still be announced every interval.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

bool TopicTreeModel::levelLess(const Node *a, const Node *b)
{
    return compareLevels(a->level, b->level) < 0;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_root->shown > 0;
    // Fetched or not: the view shows the node can be expanded, and fetches its children when it is.
    return parent.model() == this && parent.column() == 0 && !nodeOf(parent)->children.empty();
}

bool TopicTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.model() != this || parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    return !node->fetched && !node->fetchRequested && !node->children.empty();
}

void TopicTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // At the next flush rather than now: a view calls fetchMore() in the middle of its own layout, and a
    // QAbstractItemModelTester from its rowsInserted() handler, where an insert of our own would be nested
    // in another. The children come one turn later, as QFileSystemModel's do.
    Node *node = nodeOf(parent);
    node->fetchRequested = true;
    if (!node->pendingListed) {
        node->pendingListed = true;
        m_pendingParents.push_back(node);
    }
    scheduleFlush();
}

void TopicTreeModel::fetch(Node *node)
{
    node->fetched = true;
    node->fetchRequested = false;
    if (node->children.empty())
        return;
    // Whatever arrived before: the flush has nothing left to insert here.
    std::sort(node->children.begin(), node->children.end(), levelLess);
    for (size_t row = 0; row < node->children.size(); ++row) {
        node->children[row]->row = int(row);
        node->children[row]->published = true;
    }
    beginInsertRows(indexOf(node), 0, int(node->children.size()) - 1);
    node->shown = int(node->children.size());
    endInsertRows();
    // Rates still falling are announced from now on.
    if (m_clock() - node->childActive <= RateWindowMs + RateBucketMs) {
        node->changedFirst = 0;
        node->changedLast = node->shown - 1;
        listActive(node);
        scheduleRefresh();
    }
}

void TopicTreeModel::flush()
{
    m_flushScheduled = false;
    if (m_pendingParents.empty())
        return;
    // Taken out first: a slot connected to the signals below may append().
    const std::vector<Node *> parents = std::exchange(m_pendingParents, {});
    // Parents whose newcomers sort before rows they already had.
    std::vector<Node *> unsorted;
    for (Node *parent : parents) {
        parent->pendingListed = false;
        if (!parent->fetched) {
            fetch(parent);
            continue;
        }
        if (parent->shown == int(parent->children.size()))
            continue;
        const int first = parent->shown;
        const int last = int(parent->children.size()) - 1;
        const auto begin = parent->children.begin() + first;
        std::sort(begin, parent->children.end(), levelLess);
        for (int row = first; row <= last; ++row) {
            Node *child = parent->children[size_t(row)];
            child->row = row;
            child->published = true;
        }
        beginInsertRows(indexOf(parent), first, last);
        parent->shown = last + 1;
        endInsertRows();
        if (first > 0 && levelLess(parent->children[size_t(first)], parent->children[size_t(first - 1)]))
            unsorted.push_back(parent);
    }
    if (unsorted.empty())
        return;

    // One layout change puts every parent's newcomers in place.
    QList<QPersistentModelIndex> changed;
    changed.reserve(qsizetype(unsorted.size()));
    for (Node *parent : unsorted)
        changed.append(indexOf(parent));
    Q_EMIT layoutAboutToBeChanged(changed, QAbstractItemModel::VerticalSortHint);
    for (Node *parent : unsorted) {
        // A whole sort rather than a merge of the two sorted runs: a slot of the inserts above may have added
        // a third (indexOfTopic() flushes), and the rows are nearly in order anyway.
        std::sort(parent->children.begin(), parent->children.end(), levelLess);
        for (size_t row = 0; row < parent->children.size(); ++row)
            parent->children[row]->row = int(row);
        // The changed rows moved: announce them all at the next refresh.
        if (parent->changedLast >= parent->changedFirst) {
            parent->changedFirst = 0;
            parent->changedLast = parent->shown - 1;
        }
    }
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(indexOf(nodeOf(index), index.column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged(changed, QAbstractItemModel::VerticalSortHint);
}

void TopicTreeModel::refresh()
{
    m_refreshTimer.stop();
    flush();
    const qint64 now = m_clock();
    static const QList<int> roles = {Qt::DisplayRole,       Qt::ToolTipRole,    MessageCountRole,
                                     TopicMessageCountRole, RateRole,           RetainedRole,
                                     HasValueRole,          LastPayloadRole,    LastPayloadSizeRole,
                                     LastReceivedRole,      ChildTopicCountRole};
    // Taken out first: a slot connected to dataChanged() may append(), and list a parent anew.
    const std::vector<Node *> parents = std::exchange(m_activeParents, {});
    for (Node *parent : parents) {
        const int first = parent->changedFirst;
        const int last = std::min(parent->changedLast, parent->shown - 1);
        // Rates keep falling for a window after the last message: the parent stays listed until then, and
        // the announcement after the window shows them at 0.
        if (now - parent->childActive <= RateWindowMs + RateBucketMs && now >= parent->childActive) {
            m_activeParents.push_back(parent);
        } else {
            parent->activeListed = false;
            parent->changedFirst = 0;
            parent->changedLast = -1;
        }
        // From the first column, so that QTreeView also learns whether a row has children now.
        if (first <= last)
            Q_EMIT dataChanged(indexOf(parent->children[size_t(first)], TopicColumn),
                               indexOf(parent->children[size_t(last)], LastValueColumn), roles);
    }
    if (!m_activeParents.empty())
        m_refreshTimer.start();

    if (m_totalMessages != m_announcedTotal || m_overflowMessages != m_announcedOverflow ||
        topicCount() != m_announcedTopics) {
        m_announcedTotal = m_totalMessages;
        m_announcedOverflow = m_overflowMessages;
        m_announcedTopics = topicCount();
        Q_EMIT statisticsChanged();
    }
}

void TopicTreeModel::clear()
{
    beginResetModel();
    m_topics.clear();
    m_recent.clear();
    m_withHistory.clear();
    m_pendingParents.clear();
    m_activeParents.clear();
    m_root = std::make_unique<Node>();
    m_root->published = true;
    m_root->fetched = true;
    // After the root: nothing points into the nodes any more.
    m_nodes.clear();
    m_rateOrigin = -1;
    m_totalMessages = 0;
    m_overflowMessages = 0;
    m_storedBytes = 0;
    m_topicBytes = 0;
    endResetModel();
}

void TopicTreeModel::setMaxTopics(int topics)
{
    m_maxTopics = std::max(1, topics);
}

void TopicTreeModel::setMaxNodes(int nodes)
{
    m_maxNodes = std::max(1, nodes);
}

void TopicTreeModel::setMaxBytes(qint64 bytes)
{
    m_maxBytes = std::max<qint64>(0, bytes);
    trimBytes();
}

void TopicTreeModel::setHistoryDepth(int messages)
{
    m_historyDepth = std::max(1, messages);
    for (Node *node : std::as_const(m_topics))
        trimHistory(*node->topic, m_historyDepth);
}

void TopicTreeModel::setMaxValueBytes(qint64 bytes)
{
    m_maxValueBytes = std::max<qint64>(0, bytes);
}

void TopicTreeModel::setMaxHistoryPayloadBytes(qint64 bytes)
{
    m_maxHistoryPayloadBytes = std::max<qint64>(0, bytes);
}

QList<TopicTreeModel::HistoryEntry> TopicTreeModel::history(const QString &topic) const
{
    const Node *node = m_topics.value(topic);
    if (!node)
        return {};
    const Topic &kept = *node->topic;
    QList<HistoryEntry> entries;
    entries.reserve(kept.count);
    for (int i = 0; i < kept.count; ++i) {
        const Kept &k = kept.at(i);
        MqttMessage message(kept.topic, k.payload, k.qos, k.retain);
        message.setDuplicate(k.duplicate);
        if (k.properties)
            message.setProperties(*k.properties);
        entries.append({k.received, std::move(message), k.size, k.propertiesDropped});
    }
    return entries;
}

QModelIndex TopicTreeModel::indexOfTopic(const QString &topic) const
{
    Node *node = m_topics.value(topic);
    if (!node)
        node = findNode(topic);
    if (!node)
        return {};
    if (!node->published) {
        // Const to its callers, as a lookup; it changes no data, only which of it are rows.
        auto *self = const_cast<TopicTreeModel *>(this);
        self->flush();
        QVarLengthArray<Node *, 16> unfetched;
        for (Node *n = node->parent; n && !n->fetched; n = n->parent)
            unfetched.append(n);
        for (qsizetype i = unfetched.size() - 1; i >= 0; --i)
            self->fetch(unfetched.at(i));
    }
    return indexOf(node);
}

QStringList TopicTreeModel::matchingTopics(const QString &text, int limit, int *total) const
{
    QStringList found;
    int matches = 0;
    for (auto it = m_topics.cbegin(); it != m_topics.cend(); ++it) {
        if (!it.key().contains(text, Qt::CaseInsensitive))
            continue;
        ++matches;
        found.append(it.key());
    }
    // The first ones alphabetically, whatever order the hash holds them in: the same topics for the same
    // search. (The tree shows them in its natural order; a collator here would cost a second at 100,000.)
    const qsizetype kept = std::min<qsizetype>(found.size(), std::max(0, limit));
    std::partial_sort(
        found.begin(), found.begin() + kept, found.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    found.resize(kept);
    if (total)
        *total = matches;
    return found;
}

int TopicTreeModel::revealMatching(const QString &text, int limit)
{
    int total = 0;
    for (const QString &topic : matchingTopics(text, limit, &total))
        indexOfTopic(topic);
    return total;
}

void TopicTreeModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

QString TopicTreeModel::topicOf(const Node &node) const
{
    if (node.topic)
        return node.topic->topic;
    QVarLengthArray<const Node *, 16> path;
    qsizetype size = 0;
    for (const Node *n = &node; n->parent; n = n->parent) {
        path.append(n);
        size += n->level.size() + 1;
    }
    QString topic;
    topic.reserve(size);
    for (qsizetype i = path.size() - 1; i >= 0; --i) {
        topic += path.at(i)->level;
        if (i > 0)
            topic += u'/';
    }
    return topic;
}

TopicTreeModel::Node *TopicTreeModel::nodeOf(const QModelIndex &index)
{
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex TopicTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || !node->parent)
        return {};
    return createIndex(node->row, column, node);
}

int TopicTreeModel::rawRole(int column)
{
    switch (column) {
    case TopicColumn:
        return TopicRole;
    case MessagesColumn:
        return MessageCountRole;
    case RateColumn:
        return RateRole;
    case RetainedColumn:
        return RetainedRole;
    case LastValueColumn:
        return LastPayloadRole;
    default:
        return -1;
    }
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 ||
        (parent.isValid() && (parent.model() != this || parent.column() != 0)))
        return {};
    const Node *node = parent.isValid() ? nodeOf(parent) : m_root.get();
    if (row >= node->shown)
        return {};
    return createIndex(row, column, node->children[size_t(row)]);
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_root->shown;
    // Only the first column has children, as QTreeView expects.
    return parent.column() == 0 ? nodeOf(parent)->shown : 0;
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    const Topic *topic = node.topic.get();
    const Kept *last = topic && topic->count > 0 ? &topic->at(topic->count - 1) : nullptr;
    switch (role) {
    case TopicRole:
        return topicOf(node);
    case LevelRole:
        return node.level;
    case MessageCountRole:
        return node.messages;
    case TopicMessageCountRole:
        return topic ? topic->messages : qint64(0);
    case RateRole:
        return rateOf(node, m_clock());
    case RetainedRole:
        return topic && topic->retained;
    case HasValueRole:
        return last != nullptr;
    case LastPayloadRole:
        return last ? QVariant(last->payload) : QVariant();
    case LastPayloadSizeRole:
        return topic ? topic->lastSize : qint64(0);
    case LastReceivedRole:
        return topic ? topic->lastReceived : qint64(0);
    case ChildTopicCountRole:
        return node.topics;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TopicColumn:
            return plainToolTip(topicOf(node));
        case LastValueColumn:
            if (!last)
                return {};
            {
                const QString preview = PayloadPreview::of(last->payload, PayloadPreview::PreviewBytes).text;
                if (last->size <= last->payload.size())
                    return plainToolTip(preview);
                return plainToolTip(
                    tr("%1 bytes, of which the first %2 are kept").arg(last->size).arg(last->payload.size()) +
                    u'\n' + preview);
            }
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case TopicColumn:
        return node.level.isEmpty() ? tr("(empty)", "an empty MQTT topic level, as in a//b")
                                    : elided(node.level, LevelDisplayCharacters);
    case MessagesColumn:
        return node.messages;
    case RateColumn:
        return QLocale().toString(rateOf(node, m_clock()), 'f', 1);
    case RetainedColumn:
        return topic && topic->retained ? tr("yes", "retained flag") : QString();
    case LastValueColumn:
        return last ? PayloadPreview::of(last->payload, DisplayCharacters).text : QString();
    default:
        return {};
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case MessagesColumn:
        return tr("Messages");
    case RateColumn:
        return tr("Rate (msg/s)");
    case RetainedColumn:
        return tr("Retained");
    case LastValueColumn:
        return tr("Last value");
    default:
        return {};
    }
}

QHash<int, QByteArray> TopicTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(TopicRole, "topic");
    names.insert(LevelRole, "level");
    names.insert(MessageCountRole, "messageCount");
    names.insert(TopicMessageCountRole, "topicMessageCount");
    names.insert(RateRole, "rate");
    names.insert(RetainedRole, "retained");
    names.insert(HasValueRole, "hasValue");
    names.insert(LastPayloadRole, "lastPayload");
    names.insert(LastPayloadSizeRole, "lastPayloadSize");
    names.insert(LastReceivedRole, "lastReceived");
    names.insert(ChildTopicCountRole, "childTopicCount");
    return names;
}

} // namespace fleet
