#pragma once

#include "common/json.h"

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "shadow/shadowerror.h"
#include "shadow/shadowtopic.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace fleet {

// Start, stop, connection and error lines ("fleet.hub"); fleet-hub's main timestamps them onto stderr.
Q_DECLARE_LOGGING_CATEGORY(lcHub)

class ShadowStore;

// The cloud side of AWS IoT device shadows for any MQTT broker. It subscribes (QoS 1) to every shadow
// request topic, classic and named, runs each request against the ShadowStore and publishes the replies
// (QoS 1, never retained) on the accepted / rejected / delta / documents topics, exactly as AWS IoT does.
//
// Order and durability: requests are handled in arrival order on the event loop, in batches: the requests
// that arrived together (one read of the socket) run in one SQLite transaction, committed before any of their
// replies is queued (group commit: one fsync per batch, not per request). So "accepted" never announces an
// update that a crash could still lose, and one hub publishes the replies of a shadow in version order. If
// the batch's commit fails, every request of the batch is answered 500 and nothing of it was written. Two
// hubs in one share group each publish their own replies, so across hubs a client may see versions out of
// order; the protocol already tells clients to drop anything older than what they hold.
//
// 429 (more than 10 requests in flight on one connection) is not produced: an MQTT broker does not tell a
// subscriber which connection published a message, so the hub cannot attribute requests to connections,
// and faking the limit per thing or per topic would reject requests AWS would accept.
class ShadowService final : public QObject
{
    Q_OBJECT

public:
    explicit ShadowService(ShadowStore *store, QObject *parent = nullptr);
    ~ShadowService() override;

    // Read at start().
    void setProfile(const BrokerProfile &profile) { m_profile = profile; }
    void setPassword(const QString &password) { m_password = password; }
    // Non-empty: subscribe through "$share/{group}/…" so that several hubs on one database share the load.
    // The broker must route $-topics to shared subscriptions: mosquitto 2.0.x never does (its tokeniser files
    // "$share/g/$aws/…" under the root of non-$ topics), so behind it a share group receives no requests.
    void setShareGroup(const QString &group) { m_shareGroup = group; }
    QString shareGroup() const { return m_shareGroup; }
    // How long stop() waits for the replies already queued to be acknowledged before disconnecting anyway.
    void setDrainTimeout(int milliseconds) { m_drainTimeoutMs = milliseconds; }

    static bool isValidShareGroup(const QString &group);
    // The two filters subscribed to, with the share prefix when there is a share group.
    QStringList requestFilters() const;

    // Connects and subscribes. Returns false (errorString()) when the settings are refused before any I/O;
    // later failures arrive as error() (logged, retried) or fatalError() (the broker refuses for good).
    bool start();
    // Stops taking requests, handles those already received, publishes their replies, then disconnects and
    // emits stopped().
    void stop();
    bool isServing() const { return m_serving; }
    QString errorString() const { return m_error; }

    MqttClient *client() const { return m_client; }
    int pendingReplies() const { return static_cast<int>(m_outbox.size()); }

    // A rejection body: {"code", "message", "timestamp", "clientToken" (when given)}.
    static Json rejection(const ShadowError &error, const std::optional<std::string> &clientToken,
                          qint64 now);

Q_SIGNALS:
    // Both request filters granted, after the first connection and after every reconnect.
    void serving();
    void stopped();
    // The broker refused the connection in a way retrying cannot fix (credentials, TLS, client id).
    void fatalError(const QString &message);
    // A request was answered (its replies queued): code 0 when accepted, else the rejection's code.
    void requestHandled(const QString &requestTopic, int code);

private:
    // A request of the batch being handled, and how it was answered.
    struct Answered
    {
        ShadowTopic topic;
        std::optional<std::string> clientToken;
        int code = 0;
    };

    void onMessage(const MqttMessage &message);
    void handleBatch();
    void handleRequests(const QList<std::pair<ShadowTopic, QByteArray>> &requests, qint64 now);
    void onStateChanged(MqttClient::State state);
    void onSubscribed(const QString &filter);
    void handleGet(const ShadowTopic &topic, const QByteArray &payload, qint64 now);
    void handleUpdate(const ShadowTopic &topic, const QByteArray &payload, qint64 now);
    void handleDelete(const ShadowTopic &topic, const QByteArray &payload, qint64 now);
    void reject(const ShadowTopic &topic, const ShadowError &error, const std::optional<std::string> &token,
                qint64 now);
    void answered(const ShadowTopic &topic, const std::optional<std::string> &token, int code);
    void queueReply(const ShadowTopic &topic, ShadowTopic::Reply reply, const Json &body);
    void queueReply(const ShadowTopic &topic, ShadowTopic::Reply reply, QByteArray body);
    void flush();
    void finishStopIfDrained();
    void finishStop();

    ShadowStore *m_store;
    MqttClient *m_client;
    QTimer m_drainTimer;
    BrokerProfile m_profile;
    QString m_password;
    QString m_shareGroup;
    QString m_error;
    // Replies waiting for room in the client's in-flight window, in the order they must reach the broker.
    QList<MqttMessage> m_outbox;
    // Requests received and not handled yet; the batch handleBatch() takes at once.
    QList<std::pair<ShadowTopic, QByteArray>> m_incoming;
    // The replies of the batch being handled, held back until its commit.
    QList<MqttMessage> m_staged;
    QList<Answered> m_answered;
    QTimer m_batchTimer;
    QStringList m_granted;
    int m_drainTimeoutMs = 5000;
    bool m_serving = false;
    bool m_starting = false;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace fleet
