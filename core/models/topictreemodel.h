#pragma once

#include "mqtt/mqttmessage.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>
#include <QTimer>

#include <array>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <vector>

namespace fleet {

// The topic tree of an MQTT explorer: one node per topic level, split on '/', each topic's last value and
// its recent history, message counts and rates per branch.
//
// Levels are taken as MQTT defines them: "a//b" has an empty middle level and "/x" an empty first one (shown
// as "(empty)", LevelRole gives the raw ""), and "$aws/things/dev-7/shadow/update" is an ordinary root. A
// node is a topic of its own when a message arrived on it: "a/b" can have a value and children ("a/b/c").
//
// Like TrafficModel it does not know where messages come from; the caller connects
//     connect(&client, &MqttClient::messageReceived, &model, &TopicTreeModel::append);
// and append() emits nothing. A message on a known topic costs one hash lookup and a walk up its ancestors
// (the counts of every branch it belongs to); only a new topic splits its text and looks its levels up.
// - Children are rows only once a view asks for them: canFetchMore() / fetchMore(), which QTreeView calls
//   when it expands a node, and they come at the next flush() (QFileSystemModel's come later still). A branch
//   nobody opened costs no signal at all: with 100,000 topics under 100,000 collapsed parents, announcing
//   their changes cost seconds a refresh, because QTreeView looks each changed index up among its visible
//   items, linearly (bench_ui at 20,000 msg/s, same machine and load: event-loop p99 1,469 ms with every
//   node a row, 12.7 ms fetching). hasChildren() is true for a node with children, fetched or not. A proxy
//   only sees fetched rows: searching the whole tree is a scan of the topics, not a QSortFilterProxyModel
//   over it.
// - New nodes under a fetched parent become rows at flush(), scheduled for the next turn of the event loop
//   by the first new node: one beginInsertRows() per such parent.
// - Children are sorted by level name in natural order ("dev-2" before "dev-10", case ignored, ties broken by
//   the exact text), as MQTT Explorer shows them. Newcomers are inserted at the end and, when that breaks the
//   order, put in place by one layoutChanged() for all such parents in the same flush: at 20,000 messages/s a
//   view sees a few signals per turn, not one per new topic (and a stable fleet adds no topics at all).
// - Changed counts, values and rates are announced by refresh(), every refreshInterval() (250 ms) while
//   there is traffic: one dataChanged() per fetched parent, over the rows of its children that changed, with
//   the rows whose rate is still falling towards 0 (within RateWindowMs of their last message). Views should
//   set uniformRowHeights, as every live view here does: without it QTreeView measures each changed row.
// Rates are computed when read, from per-node counts in 1-second buckets over the last RateWindowMs, so a
// message costs no division and a branch nobody looks at costs nothing at refresh.
//
// Everything here comes from the network, so every collection is bounded, by configuration alone:
// - topics: at most maxTopics() (100,000) nodes that received messages, and at most maxNodes() (400,000) in
//   all, intermediate levels included (one message on "a/b/c/.../z" makes 26 nodes). A message on a new
//   topic that does not fit is not added: it is counted in overflowMessages(), and the topics already in the
//   tree keep updating. Nodes are never removed, except by clear(): an explorer that forgets topics while an
//   attacker floods new ones would show the attacker's and lose the fleet's. (There is no count of distinct
//   refused topics: it would mean remembering them, which is the memory the cap is there to refuse.)
// - depth: MaxDepth (256) levels; a deeper topic keeps its levels past the 255th joined, slashes included, in
//   one last node, so that a topic of 65,535 slashes costs 256 nodes and its messages a walk of 256, not
//   65,536. TopicRole still gives its exact text.
// - bytes: maxBytes() (64 MiB) holds what the sender sizes: the topic text (level names and each topic's
//   full text, two bytes a character as QString holds it; MQTT allows 65,535 bytes a topic), the payloads
//   kept, their MQTT 5 properties, and each history's slots (64 bytes a slot, empty or not), so that a
//   flood of empty payloads fills it too. Topic text may take at most half of it: a new topic that would take
//   more is refused like one over maxTopics(), so the other half always holds values.
// - payloads: the newest message of a topic keeps at most maxValueBytes() (1 MiB) of payload, the older ones
//   at most maxHistoryPayloadBytes() (64 KiB), cut when a newer message arrives; HistoryEntry::size keeps the
//   real size. MQTT 5 properties counting more than MaxPropertiesBytes are not kept (propertiesDropped).
// - history: the last historyDepth() (20) messages of each topic, as received (two identical payloads are
//   two messages). Over maxBytes(), the history of the topic updated least recently goes first, oldest
//   entries first, down to its last value; then the next topic's. Only when every topic is down to its last
//   value do last values go, least recently updated first: such a topic keeps its node, its counts and its
//   retained flag, and HasValueRole turns false until its next message.
// So the tree takes at most maxBytes() plus its bookkeeping, about 250 bytes a node and 400 a topic
// (bench_ui: 100,000 topics in 200,102 nodes grew the process by 115 MB, of which the budget counted 25 MB).
//
// RetainedRole: the broker holds a retained value for the topic, as far as the messages seen tell. A retained
// message with a payload sets it (delivered from the broker's retained store, or live under MQTT 5's
// retain-as-published), an empty retained one clears it (that is how a retained value is removed), and a
// message without the flag leaves it as it was: it does not touch the broker's retained value. The Retained
// column shows "yes" then, and nothing otherwise, so that retained topics stand out.
//
// Qt::DisplayRole gives text; raw values are in the roles (rawRole()), which answer on any column.
class TopicTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { TopicColumn, MessagesColumn, RateColumn, RetainedColumn, LastValueColumn, ColumnCount };

    enum Role {
        TopicRole = Qt::UserRole + 1, // QString: the node's full topic ("a/b" for level b under a)
        LevelRole,                    // QString: the level's name as received, "" for an empty level
        MessageCountRole,             // qint64: messages on this topic and every topic under it
        TopicMessageCountRole,        // qint64: messages on this exact topic
        RateRole,                     // double: messages per second of the branch over the last RateWindowMs
        RetainedRole,                 // bool: see the class comment
        HasValueRole,                 // bool: a last value is kept for this exact topic
        LastPayloadRole,              // QByteArray: the last value's payload as kept; invalid without a value
        LastPayloadSizeRole,          // qint64: the last message's payload size as received; 0 for none
        LastReceivedRole,             // qint64: ms since the epoch of the last message on this exact topic
        ChildTopicCountRole, // int: topics (nodes that received messages) in the branch, itself included
    };

    struct HistoryEntry
    {
        qint64 received = 0; // ms since the epoch, from the model's clock
        MqttMessage message; // the payload cut to the caps, the properties as kept
        qint64 size = 0;     // payload bytes as received
        bool propertiesDropped = false;

        bool payloadCut() const { return size > message.payload().size(); }
    };

    static constexpr int DefaultMaxTopics = 100'000;
    static constexpr int DefaultMaxNodes = 400'000;
    static constexpr qint64 DefaultMaxBytes = 64 * 1024 * 1024;
    static constexpr int DefaultHistoryDepth = 20;
    static constexpr qint64 DefaultMaxValueBytes = 1024 * 1024;
    static constexpr qint64 DefaultMaxHistoryPayloadBytes = 64 * 1024;
    static constexpr qint64 MaxPropertiesBytes = 4096;
    static constexpr int MaxDepth = 256;
    // Children found by a linear scan up to this many; a hash past it.
    static constexpr int LinearChildren = 8;
    // The rate is the messages of the last 4 to 5 whole seconds (5 buckets of one second, the newest one
    // still filling) over the time they span.
    static constexpr int RateBuckets = 5;
    static constexpr qint64 RateBucketMs = 1000;
    static constexpr qint64 RateWindowMs = RateBuckets * RateBucketMs;
    static constexpr int DefaultRefreshIntervalMs = 250;
    // Characters of payload in Qt::DisplayRole; Qt::ToolTipRole shows up to PayloadPreview::PreviewBytes.
    static constexpr int DisplayCharacters = 120;
    // Characters of a level name in Qt::DisplayRole (a level may be 65,535 characters); LevelRole has it all.
    static constexpr int LevelDisplayCharacters = 200;

    explicit TopicTreeModel(QObject *parent = nullptr);
    ~TopicTreeModel() override;

    // Counts the message in its topic and every branch above it, and keeps it as the topic's last value.
    // Cheap, and emits nothing: see the class comment.
    void append(const MqttMessage &message);
    // Makes rows now of the nodes created since the last flush under fetched parents, and of the children
    // fetchMore() asked for. The event loop calls it once per turn after either.
    void flush();
    // Flushes, then announces the rows whose counts, values or rates changed. A timer calls it every
    // refreshInterval() while there is traffic.
    void refresh();
    // Removes every node and resets the counters (a model reset).
    void clear();

    int refreshInterval() const { return m_refreshTimer.interval(); }
    void setRefreshInterval(int milliseconds) { m_refreshTimer.setInterval(milliseconds); }

    int maxTopics() const { return m_maxTopics; }
    // At least 1. Lowering it under topicCount() removes nothing: new topics are refused until clear().
    void setMaxTopics(int topics);
    int maxNodes() const { return m_maxNodes; }
    // At least 1; the same rule as setMaxTopics().
    void setMaxNodes(int nodes);
    qint64 maxBytes() const { return m_maxBytes; }
    // At least 0. Histories and values over a smaller budget are dropped at once; nodes stay.
    void setMaxBytes(qint64 bytes);
    int historyDepth() const { return m_historyDepth; }
    // At least 1 (the last value). Longer histories are cut at once, oldest first.
    void setHistoryDepth(int messages);
    qint64 maxValueBytes() const { return m_maxValueBytes; }
    // At least 0; applies to the messages that arrive from now on.
    void setMaxValueBytes(qint64 bytes);
    qint64 maxHistoryPayloadBytes() const { return m_maxHistoryPayloadBytes; }
    // At least 0; applies to the messages that arrive from now on.
    void setMaxHistoryPayloadBytes(qint64 bytes);

    // Every message given to append() since construction or clear(), refused ones included.
    qint64 totalMessages() const { return m_totalMessages; }
    // Messages on new topics that did not fit maxTopics(), maxNodes() or the topic half of maxBytes().
    qint64 overflowMessages() const { return m_overflowMessages; }
    // Nodes that received messages, and nodes in all (intermediate levels included).
    int topicCount() const { return int(m_topics.size()); }
    int nodeCount() const { return int(m_nodes.size()); }
    // What the kept messages count against maxBytes(), and what the topic text counts.
    qint64 storedBytes() const { return m_storedBytes; }
    // What one slot of a topic's history counts, empty or not (its payload and properties count on top).
    static qint64 historySlotBytes();
    qint64 topicBytes() const { return m_topicBytes; }
    // All topics together, over the rate window.
    double messagesPerSecond() const;

    // The last historyDepth() messages of the topic, oldest first (the last one is its last value); empty for
    // a topic with no message kept.
    QList<HistoryEntry> history(const QString &topic) const;
    // The node of a topic, or of an intermediate level ("a/b" under "a/b/c"), column 0; invalid when unknown.
    // A known node that is not a row yet is made one, as a view expanding its ancestors would: what is
    // pending is flushed and the ancestors fetched (QFileSystemModel::index(path) does the same), so that the
    // caller can select it or scroll to it.
    QModelIndex indexOfTopic(const QString &topic) const;
    // Topics whose text contains text (case ignored), in natural order, at most limit of them; *total gets
    // how many match in all. A scan of every topic, because a proxy sees only fetched rows: a search must
    // find a topic under a branch nobody has opened. 100,000 topics: 40 ms to scan, 40 to 75 ms with
    // revealMatching() (measured at -O2, 11,111 and 100,000 matches), once per change of the search text.
    QStringList matchingTopics(const QString &text, int limit, int *total = nullptr) const;
    // Makes the matching topics rows, as indexOfTopic() does, so that a filter over this model shows them;
    // returns how many match in all (at most limit are made rows).
    int revealMatching(const QString &text, int limit = MaxRevealed);
    // A search reveals at most this many topics: rows cost memory in every view, and a search that matches
    // more is refined, not scrolled.
    static constexpr int MaxRevealed = 2000;

    // Milliseconds since the epoch, for receive times and rates; tests replace it.
    void setClock(std::function<qint64()> clock);

    // The raw-value role of a column (-1 for none).
    static int rawRole(int column);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // totalMessages(), overflowMessages() or topicCount() changed; emitted by refresh(), so at most every
    // refreshInterval().
    void statisticsChanged();

private:
    // A message as kept: a quarter of a HistoryEntry (64 bytes against 224), whose MqttMessage holds room for
    // every MQTT 5 property and a copy of the topic; history() builds the entries when asked.
    struct Kept
    {
        qint64 received = 0;
        qint64 size = 0; // payload bytes as received
        QByteArray payload;
        std::shared_ptr<const MqttProperties> properties; // null when there were none, or they were dropped
        qint8 qos = 0;
        bool retain = false;
        bool duplicate = false;
        bool propertiesDropped = false;
    };

    // A node that received messages.
    struct Topic
    {
        QString topic; // the full topic, shared with m_topics' key
        // The history, a ring of ring.size() slots from `head`, oldest first, the newest the last value. It
        // grows by doubling up to historyDepth() rather than taking it up front: 100,000 topics at 20 slots
        // would cost 128 MB before the first repeat.
        std::vector<Kept> ring;
        int head = 0;
        int count = 0;
        qint64 messages = 0; // on this exact topic
        qint64 lastReceived = 0;
        qint64 lastSize = 0; // the last message's payload bytes as received, kept when its value is dropped
        qint64 bytes = 0;    // what the ring counts against maxBytes(): its slots and what its entries hold

        Kept &at(int i) { return ring[size_t((head + i) % int(ring.size()))]; }
        const Kept &at(int i) const { return ring[size_t((head + i) % int(ring.size()))]; }
        std::list<Topic *>::iterator recent;      // in m_recent while the history is not empty
        std::list<Topic *>::iterator withHistory; // in m_withHistory while it holds more than the last value
        bool inRecent = false;
        bool inWithHistory = false;
        bool retained = false;
    };

    struct Node
    {
        QString level;
        Node *parent = nullptr;
        // Once fetched, the first `shown` are rows, sorted; the rest wait for the next flush().
        std::vector<Node *> children;
        // Past LinearChildren children; keys view the children's own level text, which never changes while
        // the node lives. Not for fewer: a QHash of one entry takes 1.4 KB (measured), and most nodes have
        // one child or none.
        std::unique_ptr<QHash<QStringView, Node *>> childByLevel;
        std::unique_ptr<Topic> topic;
        qint64 messages = 0;    // in the branch
        qint64 childActive = 0; // when a child's count last changed (ms since the epoch)
        qint64 lastBucket = -1; // the newest rate bucket counted, in RateBucketMs since the epoch
        std::array<qint32, RateBuckets> buckets{};
        int topics = 0; // nodes that received messages in the branch, itself included
        int row = 0;
        int shown = 0;
        // Rows of children changed since they were last announced; changedLast < changedFirst for none.
        int changedFirst = 0;
        int changedLast = -1;
        bool published = false;      // a row (the root always is)
        bool fetched = false;        // its children are rows (the root's always are)
        bool fetchRequested = false; // by fetchMore(), for the next flush()
        bool pendingListed = false;  // in m_pendingParents
        bool activeListed = false;   // in m_activeParents
    };

    Node *addTopic(const QString &topic);
    Node *findNode(QStringView topic) const;
    void record(Node &node, const MqttMessage &message, qint64 now);
    void count(Node *node, qint64 now);
    void trimBytes();
    // Drops the oldest entries down to keep, then gives back the slots the ring no longer needs.
    void trimHistory(Topic &topic, int keep);
    void dropOldest(Topic &topic);
    // Makes the ring exactly `slots` long, the entries kept in order.
    void resizeRing(Topic &topic, int slots);
    void setTopicBytes(Topic &topic, qint64 bytes);
    void touch(Topic &topic);
    Node *child(const Node &parent, QStringView level) const;
    void addChild(Node *parent, Node *child);
    void scheduleFlush();
    void scheduleRefresh();
    void fetch(Node *node);
    void listActive(Node *parent);
    double rateOf(const Node &node, qint64 now) const;
    QString topicOf(const Node &node) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    static Node *nodeOf(const QModelIndex &index);
    static qint64 bytesOf(const Kept &entry);
    static bool levelLess(const Node *a, const Node *b);

    std::unique_ptr<Node> m_root;
    // Every node but the root; a deque, so that nodes never move and hold no allocation of their own.
    std::deque<Node> m_nodes;
    // Each topic's node: a message on a known topic costs this one lookup.
    QHash<QString, Node *> m_topics;
    // Topics with a last value, least recently updated first, and those with older messages too.
    std::list<Topic *> m_recent;
    std::list<Topic *> m_withHistory;
    // Fetched parents of nodes not yet rows.
    std::vector<Node *> m_pendingParents;
    // Fetched parents whose children's counts or rates changed within the rate window.
    std::vector<Node *> m_activeParents;

    QTimer m_refreshTimer;
    std::function<qint64()> m_clock;
    qint64 m_rateOrigin = -1; // the first message's time: the rate window does not reach before it
    qint64 m_totalMessages = 0;
    qint64 m_overflowMessages = 0;
    qint64 m_storedBytes = 0;
    qint64 m_topicBytes = 0;
    qint64 m_maxBytes = DefaultMaxBytes;
    qint64 m_maxValueBytes = DefaultMaxValueBytes;
    qint64 m_maxHistoryPayloadBytes = DefaultMaxHistoryPayloadBytes;
    // What statisticsChanged() last announced.
    qint64 m_announcedTotal = 0;
    qint64 m_announcedOverflow = 0;
    int m_announcedTopics = 0;
    int m_maxTopics = DefaultMaxTopics;
    int m_maxNodes = DefaultMaxNodes;
    int m_historyDepth = DefaultHistoryDepth;
    bool m_flushScheduled = false;
};

} // namespace fleet
