#pragma once

#include "common/json.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet {

class MqttClient;
class MqttMessage;

// Reads fleet-hub's audit log (every step of its command gate) through the broker, for fleetctl and the
// console. The protocol, served by the hub's GateAuditService (docs/security.md, "Reading the audit log"):
//
//   fleet/gate/audit/query/{user}    {"query": ID, "after": SEQ, "limit": N, "requester", "actor", "id",
//                                     "since"} from the user; MQTT 5 correlation data is echoed
//   fleet/gate/audit/replies/{user}  {"query": ID, "entries": [{"seq", "time", "actor", "action",
//                                     "requester", "id", "topic", "detail"}…], "next": SEQ or null}, or
//                                    {"query": ID, "error": TEXT, "retryAfterMs"?}
//
// {user} is the MQTT username: the broker's ACL lets an account write only its own query topic, and only the
// hub writes replies. One query reads pages after each other, following "next", until the log ends or the
// maximum is reached; a gate that says "too many queries" is asked again after the time it gives.
//
// Whether there is a gate at all is told by its retained fleet/gate/info. It is subscribed to before the
// reply topic, and the broker sends a subscription's retained messages before it reads the next SUBSCRIBE
// (mosquitto does, and the connection keeps the order), so once the reply topic's SUBACK is in, a missing
// info means no gate: "no gate" is known at once rather than after a timeout.
//
// Replies are hostile input like everything from the broker: bounded in size and depth before parsing, every
// field type-checked, sequence numbers strictly increasing (a gate that sends a page twice cannot make the
// query loop), and at most MaxEntries kept. Several consoles of one user share the reply topic, so a reply is
// this query's only when it carries this page's id (as correlation data or "query"); others are ignored. A
// reply that cannot be read at all fails the query: only the hub may write there.
class GateAuditQuery final : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        qint64 seq = 0;
        qint64 time = 0; // ms since the epoch
        QString actor;   // the account that caused it, or "gate"
        QString action;  // relayed, held, refused, approved, rejected, sent, expired, …
        QString requester;
        QString id;
        QString topic;
        QString detail;
        bool operator==(const Entry &) const = default;
        // "requester/id", or whichever of the two there is: how the front ends name the request.
        QString requestText() const
        {
            if (requester.isEmpty() || id.isEmpty())
                return requester.isEmpty() ? id : requester;
            return requester + QLatin1Char('/') + id;
        }
    };

    // What the gate is asked for (exact matches; empty matches any).
    struct Filter
    {
        qint64 after = 0; // entries after this sequence number
        qint64 since = 0; // ms since the epoch; 0: any time
        QString requester;
        QString actor;
        QString id;
    };

    enum class Failure {
        None,
        NoIdentity,   // no MQTT username, or one that cannot be a topic level
        NotConnected, // the client is not connected
        NoGate,       // no fleet-hub gate on this broker: there is no audit log to read
        TimedOut,     // the gate did not answer (fleet-hub down?)
        Refused,      // the broker or the gate refused the query
        BadReply,     // a reply that is not what the protocol says
    };
    Q_ENUM(Failure)

    static constexpr qsizetype MaxReplyBytes = 512 * 1024; // the hub keeps its replies under 256 KB
    static constexpr int MaxReplyDepth = 8;
    static constexpr int MaxEntries = 100000;
    static constexpr int MaxPageSize = 1000;
    static constexpr int DefaultPageSize = 200;
    static constexpr qsizetype MaxTextChars = 64 * 1024; // per text field of an entry
    static constexpr qsizetype MaxQueryIdChars = 128;
    // Pages one query reads at most: the hub examines a bounded stretch of the log per page, so a filter that
    // matches little may take many (nearly empty) pages through a long log.
    static constexpr int MaxPages = 10000;
    static constexpr int MaxRetries = 20; // "too many queries" answers to one page
    static constexpr int DefaultTimeoutMs = 10000;

    // client: not owned, connected; identity: the client's MQTT username.
    GateAuditQuery(MqttClient *client, const QString &identity, QObject *parent = nullptr);
    ~GateAuditQuery() override;

    void setFilter(const Filter &filter) { m_filter = filter; }
    const Filter &filter() const { return m_filter; }
    // At most this many entries in all (1 to MaxEntries).
    void setMaxEntries(int count);
    int maxEntries() const { return m_maxEntries; }
    // Entries asked for per page (1 to MaxPageSize).
    void setPageSize(int count);
    // How long the gate is waited for, per answer (and for the subscriptions).
    void setTimeoutMs(int ms);

    // Starts reading. The outcome is one finished() or failed(), always from the event loop, never from
    // within start(). Call once.
    void start();
    // Stops reading; no signal follows.
    void cancel();

    bool isRunning() const { return m_stage != Stage::Idle && m_stage != Stage::Done; }
    QList<Entry> entries() const { return m_entries; }
    // When the query stopped at its maximum (or MaxPages) with more in the log: the sequence number to ask
    // after to go on. 0 when it read to the end.
    qint64 next() const { return m_next; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }

    static QString queryTopic(const QString &user);
    static QString replyTopic(const QString &user);
    static QString infoTopic();
    // An entry as it travels in a reply, and back: nullopt (with why) for anything but an object with an
    // integer seq (> 0) and time, and strings of at most MaxTextChars for the rest.
    static Json toJson(const Entry &entry);
    static std::optional<Entry> fromJson(const Json &json, QString *why = nullptr);
    // A --since or filter text: an ISO 8601 time ("2024-05-01T12:00:00", local time without an offset) or a
    // duration back from nowMs ("90s", "30m", "1h", "2d", "1w", "1h30m"). Milliseconds since the epoch, or
    // nullopt.
    static std::optional<qint64> parseSince(const QString &text, qint64 nowMs);

Q_SIGNALS:
    void finished(const QList<fleet::GateAuditQuery::Entry> &entries);
    void failed(const QString &message);

private:
    enum class Stage { Idle, Subscribing, Waiting, Pausing, Done };

    void onMessage(const MqttMessage &message);
    void onSubscribed(const QString &filter);
    void onConnected();
    void sendPage();
    void handleReply(const Json &reply);
    void finish();
    void fail(Failure failure, const QString &message);
    void failLater(Failure failure, const QString &message);

    MqttClient *m_client;
    QString m_identity;
    QString m_replyTopic;
    Filter m_filter;
    int m_maxEntries = MaxEntries;
    int m_pageSize = DefaultPageSize;
    int m_timeoutMs = DefaultTimeoutMs;
    Stage m_stage = Stage::Idle;
    bool m_infoAcknowledged = false;
    bool m_gateSeen = false;
    QString m_baseId;
    QString m_pageId;
    qint64 m_after = 0; // the current page's cursor
    int m_pages = 0;
    int m_retries = 0;
    int m_asked = 0;     // the current page's limit
    int m_sent = 0;      // queries published, for their ids
    int m_messageId = 0; // the current page's publish, for the broker's refusal
    bool m_waitingForWindow = false;
    bool m_cancelled = false;
    QList<Entry> m_entries;
    qint64 m_next = 0;
    Failure m_failure = Failure::None;
    QString m_error;
    QTimer m_timer; // the timeout, or the pause a "too many queries" answer asked for
};

} // namespace fleet
