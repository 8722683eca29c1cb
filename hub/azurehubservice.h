#pragma once

#include "commands/commandcatalog.h"
#include "dialects/azuretwin.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "twinstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet {

// The cloud side of Azure IoT Hub's device protocol (protocols.md C; docs/azure.md) for a mosquitto that
// loads the fleet_iothub plugin (broker/), which gives each device its own view: a device's `$iothub/X`
// reaches the hub as `$fleet/iothub/{device}/X`, and the hub's `$fleet/iothub-to/{device}/X` reaches that
// device alone as `$iothub/X`. A device written with Microsoft's SDK works unchanged.
//
// Devices:
//   twin GET              → twin/res/200 with {"desired": {…, "$version"}, "reported": {…, "$version"}}
//   reported PATCH        → twin/res/204/?$rid=…&$version=… once on disk, or 400 with {"message"} (why)
//   desired change        → twin/PATCH/properties/desired/?$version=… to the device if it is connected
//   method response       → the caller's result
// Operators:
//   $fleet/twins/{device}/get      {"clientToken"?}  → …/get/accepted (the twin) | …/get/rejected
//   $fleet/twins/{device}/update   {"state": {"desired": {…patch…} | null}, "version"?, "clientToken"?}
//                                  → …/update/accepted {"desired": {…patch…, "$version"}} | …/update/rejected
//                                  Only the hub's account writes it: the command gate relays (or holds) an
//                                  operator's update, judged as desired state like a shadow's.
//   $fleet/twins/{device}/documents   the whole twin after every change, for consoles
//   fleet/azure-methods/invoke/{user}/{requestId}
//       {"deviceId", "methodName", "payload"?, "responseTimeoutInSeconds"? (5 to 300, default 30)}
//   fleet/azure-methods/results/{user}
//       {"requestId", "deviceId", "methodName", "status", "payload"?, "message"?}: the device's status and
//       body, or 404 (device not connected), 504 (no answer in time), 400, 403, 429 as IoT Hub answers.
// Rejections carry {"code", "message", "clientToken"?}.
//
// Durability: twin changes arriving together are handled in one transaction of the store, committed before
// anything of them is published. Method calls are not stored: a caller whose hub dies hears nothing, as
// with IoT Hub, and its own timeout ends the wait.
//
// Bounds: twin patches MaxPatchBytes, method payloads MaxMethodPayloadBytes, MaxPendingMethods calls waiting
// for an answer (more get 429), MaxDevices presence entries.
class AzureHubService final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxPatchBytes = AzureTwin::MaxSectionBytes + 1024;
    static constexpr qsizetype MaxMethodPayloadBytes = 128 * 1024;
    static constexpr int MaxPendingMethods = 10'000;
    static constexpr int MaxDevices = 1'000'000;
    static constexpr int DefaultMethodTimeoutS = 30;
    static constexpr int MinMethodTimeoutS = 5;
    static constexpr int MaxMethodTimeoutS = 300;

    // The client is the hub's (shared with the other services); store must be open.
    AzureHubService(MqttClient *client, TwinStore *store, CommandCatalog catalog, QObject *parent = nullptr);
    ~AzureHubService() override;

    // Subscribes (the client keeps subscriptions across reconnects). Call before the client connects.
    bool start();
    // A method call that fleet-hub's command gate held and an approver approved: as if user had published it,
    // but a sensitive method is not refused.
    void invokeApproved(const QString &user, const QString &requestId, const QByteArray &payload);
    QString errorString() const { return m_error; }
    int pendingMethodCount() const { return int(m_pending.size()); }
    bool isConnected(const QString &device) const { return m_connected.value(device, false); }

    static QStringList filters();
    static QString twinTopic(const QString &device, const QString &operation);
    static QString invokeTopic(const QString &user, const QString &requestId);
    static QString resultsTopic(const QString &user);

Q_SIGNALS:
    void storeFailed(const QString &message);
    void methodFinished(const QString &device, const QString &method, int status);

private:
    struct PendingMethod
    {
        QString user;
        QString requestId;
        QString device;
        QString method;
        qint64 deadlineMs = 0;
    };

    void onMessage(const MqttMessage &message);
    void handleBatch();
    void handleDevice(const QString &device, const QString &rest, const QByteArray &payload);
    void handleTwinGet(const QString &device, const QString &rid);
    void handleReported(const QString &device, const QString &rid, const QByteArray &payload, qint64 now);
    void handleOperatorGet(const QString &device, const QByteArray &payload);
    void handleDesired(const QString &device, const QByteArray &payload, qint64 now);
    void handleInvoke(const QString &user, const QString &requestId, const QByteArray &payload,
                      bool approved);
    void handleMethodResponse(const QString &device, int status, const QString &rid,
                              const QByteArray &payload);
    // The device's twin (a new one when it has none); nullopt when the store failed.
    std::optional<AzureTwin> twinOf(const QString &device);
    bool isKnown(const QString &device);
    void stageToDevice(const QString &device, const QString &rest, const QByteArray &body);
    void stage(const QString &topic, const Json &body);
    void publishNow(const QString &topic, const QByteArray &body);
    void finishMethod(const QString &rid, int status, const Json &payload, const QString &message);
    void expireMethods();
    void commitAndPublish();
    void flush();

    MqttClient *m_client;
    TwinStore *m_store;
    CommandCatalog m_catalog;
    QString m_error;
    QList<MqttMessage> m_incoming;
    QHash<QString, AzureTwin> m_batchTwins; // twins changed in this batch, ahead of the store
    QList<MqttMessage> m_staged;
    QList<MqttMessage> m_failed;
    QList<MqttMessage> m_outbox;
    QHash<QString, bool> m_connected;           // device -> connected, from the plugin's presence
    QHash<QString, PendingMethod> m_pending;    // rid -> call
    QHash<QString, QString> m_pendingByRequest; // "{user}/{requestId}" -> rid
    QString m_ridPrefix;                        // random per run
    quint64 m_nextRid = 1;
    qint64 m_nextExpiryMs = 0; // when m_methodTimer fires
    QTimer m_batchTimer;
    QTimer m_methodTimer;
};

} // namespace fleet
