#pragma once

#include "gatestore.h"

#include "common/json.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace fleet {

// The gate's audit log, read over MQTT on the hub's own connection (shared with the CommandGate and the
// ShadowService), so that nobody needs the database file on the hub's machine:
//
//   fleet/gate/audit/query/{user}    a query: {"query": ID, "after": SEQ (0), "limit": 1…1000 (200),
//                                    "requester", "actor", "id", "since": ms}
//   fleet/gate/audit/replies/{user}  {"query": ID, "entries": [{"seq", "time", "actor", "action",
//                                    "requester", "id", "topic", "detail"}…], "next": SEQ or null}, or
//                                    {"query": ID, "error": TEXT}
//
// GateAuditQuery (core) is the client and owns the entry format. {user} is the asking account: the broker's
// ACL lets operators, approvers and monitors write only their own query topic, and devices none. The answer
// goes to the reply topic of that account and nowhere else: a query's MQTT 5 response topic is ignored, since
// the hub's account may write every topic and would otherwise publish wherever a query asked. Its correlation
// data is echoed.
//
// Bounds: a query is at most MaxQueryBytes, nested at most MaxQueryDepth; a reply stays under MaxReplyBytes
// (fewer entries then, and "next" says where to go on); one page examines at most ScanSeqs sequence numbers,
// so that a rare filter on a long log costs a bounded stretch of the hub's event loop, which the gate shares.
// Per account at most MaxQueriesPerSecond queries are answered in each second; the first one over gets an
// error with "retryAfterMs" (a well-behaved reader pauses and asks again), the rest of that second are
// dropped unanswered and counted in the log once the second is over, so that a flood costs no publishes.
//
// Queries are read outside the gate's transactions: they wait while one is open, so that no reply carries a
// row a failed commit then takes back.
class GateAuditService final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxQueryBytes = 4096;
    static constexpr int MaxQueryDepth = 1; // a flat object: every value is a scalar
    static constexpr int DefaultLimit = 200;
    static constexpr int MaxLimit = 1000;
    static constexpr qsizetype MaxReplyBytes = 256 * 1024;
    static constexpr qint64 ScanSeqs = 50000;
    static constexpr int MaxQueriesPerSecond = 10;
    static constexpr qsizetype MaxQueryIdChars = 128;
    static constexpr qsizetype MaxFilterChars = 256;
    static constexpr qsizetype MaxCorrelationBytes = 256;
    // Queries waiting for their turn (the outbox full, a transaction open), in all.
    static constexpr int MaxWaiting = 1000;
    // Replies waiting for room in the client's in-flight window: past this, queries wait unread.
    static constexpr qsizetype MaxOutboxBytes = 8 * 1024 * 1024;

    // client: the hub's, shared; store: open, the gate's.
    GateAuditService(MqttClient *client, GateStore *store, QObject *parent = nullptr);
    ~GateAuditService() override;

    // Subscribes (the client keeps it across reconnects). Call before the client connects. False with
    // errorString().
    bool start();
    QString errorString() const { return m_error; }

    static QString queryFilter();

private:
    struct Waiting
    {
        QString user;
        MqttMessage message;
    };
    struct Rate
    {
        qint64 windowStart = 0;
        int answered = 0;
        int dropped = 0;
        bool told = false;
    };

    void onMessage(const MqttMessage &message);
    // Whether the query of user may be answered now; tellLimit: answer it with the "too many" error.
    bool admit(const QString &user, bool *tellLimit, qint64 *retryAfterMs);
    void handleWaiting();
    void answer(const QString &user, const MqttMessage &query);
    void reply(const QString &user, const MqttMessage &query, const Json &body);
    void replyError(const QString &user, const MqttMessage &query, const Json &queryId, const QString &error,
                    qint64 retryAfterMs = -1);
    void flush();
    // Forgets the accounts whose second is over, logging what was dropped.
    void sweep();

    MqttClient *m_client;
    GateStore *m_store;
    QString m_error;
    QList<Waiting> m_waiting;
    QList<MqttMessage> m_outbox;
    qsizetype m_outboxBytes = 0;
    QHash<QString, Rate> m_rates; // per account, forgotten once its second is over
    QElapsedTimer m_clock;        // monotonic: a wall clock step must not open or close windows
    QTimer m_batchTimer;
    QTimer m_sweepTimer;
    int m_droppedWaiting = 0;
};

} // namespace fleet
