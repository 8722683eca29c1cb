#pragma once

#include "common/payloadpreview.h"
#include "mqtt/mqttmessage.h"
#include "mqtt/topicfilter.h"
#include "replylatency.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <list>
#include <optional>
#include <utility>
#include <vector>

namespace fleet {

// Live MQTT traffic as a table: the newest messages, oldest first, in a ring buffer capped by configuration.
//
// The model does not know where messages come from; the caller feeds it, usually with one line:
//     connect(&client, &MqttClient::messageReceived, &model, &TrafficModel::append);
// so that tests need no client, and the console decides which client and which subscription feed which view.
//
// append() only queues. The first queued message schedules flush() for the next turn of the event loop, which
// removes what no longer fits with one beginRemoveRows() and adds the newcomers with one beginInsertRows():
// at 20,000 messages/s a view sees a couple of signals per turn instead of 20,000 (Wireshark's packet list
// does the same).
//
// Memory is bounded by configuration alone, whatever the broker sends. What counts against maxBytes() is
// everything whose size the sender chooses (bytesOf()): the payload, the topic and the MQTT 5 properties,
// text at two bytes a character as QString holds it. A flood of 60,000-character topics or of messages
// carrying hundreds of user properties fills the budget like large payloads would, and evicts the same way.
// - properties: each message keeps at most MaxUserProperties user properties, and each text property (name
//   and value of a user property, content type, response topic) at most MaxPropertyLength characters, the
//   last one an ellipsis; correlation data at most MaxPropertyLength bytes. PropertiesTruncatedRole tells a
//   row whose properties were cut. The topic is kept whole (MQTT caps it at 65,535 bytes): cut, two topics
//   would become one last value. So a message's topic and properties count at most about 270 KB.
// - rows: at most capacity(), which count at most maxBytes(); a message counting more is kept with its
//   payload cut to what fits (PayloadSizeRole still gives its real size), and one whose topic and properties
//   alone exceed maxBytes() (only with a budget under 270 KB) makes no row and no last value, and is counted
//   in totalMessages() only. The oldest rows make room.
// - messages queued between flushes: within the same two caps (the older ones could only be evicted anyway).
// - last value per topic: at most maxTopics() topics counting at most maxBytes(); the topic updated least
//   recently makes room. A row shares its topic with the last value of that topic.
// So what the broker sizes takes at most 3 × maxBytes() (less in practice: a message in a row and in the last
// values shares its bytes), and the rest a few hundred bytes per row and per tracked topic.
//
// filter() is a capture filter: messages whose topic it does not match are counted in totalMessages() and
// otherwise ignored (no row, no last value). Changing it leaves the rows already captured alone; hiding rows
// that are already there is a proxy's job.
//
// Pause freezes the rows, nothing else: while paused, traffic adds and removes no row (what was queued before
// the pause is shown first), and the messages that would have become rows are counted in droppedWhilePaused()
// instead of being kept for later. Keeping them would either grow without bound or be evicted by the cap
// anyway at any real rate, and a burst of rows on resume would throw the operator's eye off the row they
// paused for. totalMessages(), messagesPerSecond() and the last values keep following the traffic while
// paused.
//
// Qt::DisplayRole gives text; each column also has a role for its raw value (rawRole()), and the raw roles
// answer on any column of a row.
class TrafficModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        TopicColumn,
        QosColumn,
        RetainedColumn,
        SizeColumn,
        PayloadColumn,
        SinceRequestColumn, // with trackReplies() only; a view of all traffic hides it
        ColumnCount
    };

    enum Role {
        ReceivedRole = Qt::UserRole + 1, // qint64, ms since the epoch when append() got it
        TopicRole,                       // QString
        QosRole,                         // int
        RetainedRole,                    // bool: the retain flag as received (see MqttMessage::retain())
        PayloadSizeRole,                 // qint64: bytes as received, even when the kept payload was cut
        PayloadRole,                     // QByteArray, as kept
        PayloadTruncatedRole,            // bool: the kept payload was cut to fit maxBytes()
        PayloadIsTextRole,               // bool: shown as UTF-8 text; false: shown as hex
        MessageRole,                     // fleet::MqttMessage, with the payload and properties as kept
        PropertiesTruncatedRole,         // bool: some MQTT 5 properties were cut or left out
        SinceRequestRole,                // qint64: ms since the request this message answers, -1 for none
    };

    static constexpr int DefaultCapacity = 10'000;
    static constexpr qint64 DefaultMaxBytes = 64 * 1024 * 1024;
    static constexpr int DefaultMaxTopics = 10'000;
    // Characters of payload in Qt::DisplayRole; Qt::ToolTipRole shows up to PreviewBytes.
    static constexpr int DisplayCharacters = 120;
    // Whether a payload is text is judged on its first PreviewBytes only: a table cell must not decode a
    // megabyte.
    static constexpr qsizetype PreviewBytes = PayloadPreview::PreviewBytes;
    static constexpr int MaxUserProperties = 32;
    static constexpr qsizetype MaxPropertyLength = 1024;

    explicit TrafficModel(QObject *parent = nullptr);
    ~TrafficModel() override;

    // Queues a message; it becomes a row at the next flush().
    void append(const MqttMessage &message);
    // The same, received at receivedMs (ms since the epoch) rather than now: for filling a model from rows
    // another one captured earlier.
    void appendReceived(const MqttMessage &message, qint64 receivedMs);
    // Turns the queued messages into rows now. The event loop calls it once per turn after an append().
    void flush();
    // Removes every row, queued message and last value, and resets the counters (a model reset).
    void clear();

    int capacity() const { return m_capacity; }
    // At least 1. Rows over a smaller capacity are removed at once, oldest first.
    void setCapacity(int rows);
    qint64 maxBytes() const { return m_maxBytes; }
    // At least 0. Applies to what the rows, the queued messages and the last values count (bytesOf()); rows
    // over a smaller budget are removed at once, oldest first.
    void setMaxBytes(qint64 bytes);
    // What a message, as kept, counts against maxBytes(): its payload, topic and MQTT 5 properties.
    static qint64 bytesOf(const MqttMessage &message);
    int maxTopics() const { return m_maxTopics; }
    // At least 1: the number of topics whose last value is kept.
    void setMaxTopics(int topics);

    // The MQTT topic filter messages must match to be captured; empty captures everything.
    QString filter() const;
    // An empty text removes the filter. An invalid filter is refused: false, *error says why (translated),
    // and the current filter stays.
    bool setFilter(const QString &filter, QString *error = nullptr);

    // Whether a level of topic is exactly level: how a device page picks its device's topics
    // ("cmd/dev-7/req", "$aws/things/dev-7/shadow/update", "telemetry/dev-7" for dev-7).
    static bool hasLevel(QStringView topic, QStringView level);

    // Times replies from their requests (ReplyLatency) into SinceRequestRole; off by default, because it
    // reads the JSON of every message.
    void setTrackReplies(bool track) { m_trackReplies = track; }
    bool tracksReplies() const { return m_trackReplies; }

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    // Messages not made rows during the current pause, or the last one; a new pause and clear() reset it.
    qint64 droppedWhilePaused() const { return m_droppedWhilePaused; }

    // Every message given to append() since construction or clear(), filtered out or not.
    qint64 totalMessages() const { return m_totalMessages; }
    // Messages given to append() that the flushes of the last second handled: flushes at times in
    // (now - 1000 ms, now]. It falls to 0 one second after the traffic stops, without any new flush.
    qint64 messagesPerSecond() const;
    // What the rows count against maxBytes() (bytesOf() of each).
    qint64 storedBytes() const { return m_storedBytes; }
    // What the last values count against maxBytes().
    qint64 lastValueBytes() const { return m_lastValueBytes; }

    // The last message captured on a topic (payload as kept), if that topic is still tracked.
    std::optional<MqttMessage> lastValue(const QString &topic) const;
    // The tracked topics, the most recently updated first.
    QStringList lastValueTopics() const;
    int lastValueCount() const { return int(m_lastValues.size()); }

    // Milliseconds since the epoch, for receive times and the rate window; tests replace it.
    void setClock(std::function<qint64()> clock);

    // The raw-value role of a column (-1 for none).
    static int rawRole(int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        MqttMessage message; // payload cut to the byte budget when it was larger, properties as kept
        qint64 received = 0; // ms since the epoch
        qint64 size = 0;     // payload bytes as received
        qint64 bytes = 0;    // bytesOf(message)
        qint64 sinceRequest = -1;
        bool propertiesCut = false;
    };

    void scheduleFlush();
    void trimPending();
    // Cuts the properties to what a kept message may hold; true when something was cut.
    static bool cutProperties(MqttProperties &properties);
    // Also makes the message share its topic with the last value already held for it.
    void rememberLastValue(MqttMessage &message, qint64 bytes);
    void trimLastValues();
    // Removes the oldest rows (one beginRemoveRows()) until `incoming` more rows of `incomingBytes` fit.
    void makeRoom(int incoming, qint64 incomingBytes);

    // The ring buffer: m_count rows starting at m_head, wrapping around m_ring, which grows up to m_capacity.
    const Row &rowAt(int row) const;
    void pushBack(Row &&row);
    void popFront(int count);
    void resizeRing(qsizetype slots);

    static QVariant toolTip(const Row &row, int column);

    std::vector<Row> m_ring;
    qsizetype m_head = 0;
    int m_count = 0;
    qint64 m_storedBytes = 0;

    QList<Row> m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_arrivedSinceFlush = 0;
    bool m_flushScheduled = false;

    // Last values, least recently updated first, and the index into them by topic.
    std::list<MqttMessage> m_lastOrder;
    QHash<QString, std::list<MqttMessage>::iterator> m_lastValues;
    qint64 m_lastValueBytes = 0;

    // (flush time, messages it handled), at most one entry per millisecond, pruned to the last second.
    std::deque<std::pair<qint64, qint64>> m_flushes;

    std::optional<TopicFilter> m_filter;
    ReplyLatency m_replies;
    bool m_trackReplies = false;
    std::function<qint64()> m_clock;
    qint64 m_totalMessages = 0;
    qint64 m_droppedWhilePaused = 0;
    qint64 m_maxBytes = DefaultMaxBytes;
    int m_capacity = DefaultCapacity;
    int m_maxTopics = DefaultMaxTopics;
    bool m_paused = false;
};

} // namespace fleet
