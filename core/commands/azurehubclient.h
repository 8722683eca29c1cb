#pragma once

#include "commands/tidgenerator.h"
#include "common/json.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet {

class MqttClient;
class MqttMessage;

// The operator's side of fleet-hub's Azure IoT Hub service (hub/azurehubservice.h, docs/azure.md), for the
// console and fleetctl: reading a device twin, changing its desired properties, calling a direct method and
// sending a cloud-to-device message. Changes go through fleet-hub's command gate (setGatePrefix()), which
// relays them or holds the sensitive ones for an approval; twin reads go straight to the hub.
//
//   getTwin         $fleet/twins/{device}/get → twinReceived | requestFailed
//   updateDesired   gate → $fleet/twins/{device}/update → desiredAccepted | requestFailed (| gateAnswered)
//   invokeMethod    gate → fleet/azure-methods/invoke/{user}/{id} → methodFinished (| gateAnswered)
//   sendCloudToDevice  gate → devices/{device}/messages/devicebound/{bag} → cloudToDeviceSent once the
//                   broker routes it (seen on the topic: the gate gives no answer for what it relays)
// Everything read from the broker is size- and depth-bounded; at most MaxPending requests wait for an
// answer (more are refused with an empty id).
class AzureHubClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxPending = 10'000;
    static constexpr qsizetype MaxReplyBytes = 256 * 1024;
    // How long fleet-hub has to answer a twin read or change, or to show a relayed cloud-to-device message;
    // a method call has its own timeout plus this. A request the gate holds waits for its approver instead.
    static constexpr int RequestTimeoutMs = 10'000;

    struct Property
    {
        QString name;
        QString value;
    };

    // client must outlive this object.
    explicit AzureHubClient(MqttClient *client, QObject *parent = nullptr);
    ~AzureHubClient() override;

    // Whose results to read (fleet/azure-methods/results/{user}); call before start().
    void setUser(const QString &user) { m_user = user; }
    // fleet/gate/submit/{user}/: with it, changes go through the gate; empty, straight to their topics
    // (which a broker with Fleet Console's roles refuses to an operator).
    void setGatePrefix(const QString &prefix) { m_gatePrefix = prefix; }
    // Also follows every twin's changes ($fleet/twins/+/documents → twinChanged).
    void setWatchTwins(bool watch) { m_watchTwins = watch; }
    // Subscribes (the client keeps subscriptions across reconnects). False when a subscribe is refused.
    bool start();

    // Each returns the request's id (the clientToken or requestId the answers carry), or an empty string
    // with *error set when the request cannot be made.
    QString getTwin(const QString &device, QString *error = nullptr);
    QString updateDesired(const QString &device, const Json &patch,
                          std::optional<qint64> version = std::nullopt, QString *error = nullptr);
    QString invokeMethod(const QString &device, const QString &method, const Json &payload,
                         int timeoutSeconds, QString *error = nullptr);
    QString sendCloudToDevice(const QString &device, const QByteArray &payload,
                              const QList<Property> &properties, std::optional<quint32> expirySeconds,
                              QString *error = nullptr);

    // Forgets a request (the caller stopped waiting).
    void forget(const QString &id);
    int pendingCount() const { return int(m_pending.size()); }

    static QString resultsTopic(const QString &user);

public Q_SLOTS:
    // The gate's answer to one of our requests (ApprovalQueue::gateAnswered): held, refused, approved, …
    void gateAnswered(const QString &id, const QString &outcome, const QString &reason);

Q_SIGNALS:
    // The whole twin: {"desired": {…, "$version"}, "reported": {…, "$version"}, "deviceId", "connected"}.
    void twinReceived(const QString &id, const QString &device, const fleet::Json &twin);
    // The desired patch as accepted, with its "$version".
    void desiredAccepted(const QString &id, const QString &device, const fleet::Json &desired);
    // The hub refused a twin request: code 400, 404, 412, 500 as HTTP uses them.
    void requestFailed(const QString &id, int code, const QString &message);
    // The method's end: the device's status and body, or the hub's 404 (not connected), 504 (no answer),
    // 400, 403, 429.
    void methodFinished(const QString &id, const QString &device, const QString &method, int status,
                        const fleet::Json &payload, const QString &message);
    void cloudToDeviceSent(const QString &id, const QString &device);
    // Another twin changed (setWatchTwins()).
    void twinChanged(const QString &device, const fleet::Json &twin);
    // The gate about one of our requests: "held", "refused", "approved", "rejected", "expired", "cancelled".
    void gateOutcome(const QString &id, const QString &outcome, const QString &reason);

private:
    enum class Kind { TwinGet, TwinUpdate, Method, CloudToDevice };
    struct Pending
    {
        Kind kind;
        QString device;
        QString topic;         // for a cloud-to-device message, the topic it will arrive on
        QString method;        // for a method call
        qint64 timeoutMs = 0;  // how long it may wait for fleet-hub once sent (or approved)
        qint64 deadlineMs = 0; // 0 while the gate holds it
    };

    void onMessage(const MqttMessage &message);
    bool publish(const QString &topic, const QByteArray &payload, const QString &id, bool throughGate,
                 QString *error, std::optional<quint32> expirySeconds = std::nullopt);
    bool roomFor(QString *error) const;
    void track(const QString &id, Pending pending);
    // Ends the requests fleet-hub left unanswered: a dock or a command must not wait for ever.
    void expire();

    MqttClient *m_client;
    TidGenerator m_ids;
    QString m_user;
    QString m_gatePrefix;
    bool m_watchTwins = false;
    bool m_started = false;
    QHash<QString, Pending> m_pending;
    QHash<QString, QString> m_cloudTopics; // a cloud-to-device message's topic -> its id
    QTimer m_expiry;
};

} // namespace fleet
