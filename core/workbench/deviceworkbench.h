#pragma once

#include "common/json.h"
#include "mqtt/mqttclient.h"
#include "workbench/workbenchevent.h"
#include "workbench/workbenchidentity.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet {

// The field engineer's device workbench: one connection that signs in as a device and acts as it by hand.
// As an Azure IoT Hub device it signs its SAS token from the connection string's key and signs a new one
// before the old expires (IoT Hub closes a connection whose token runs out, so renewing means reconnecting,
// with the session kept), subscribes where the device would, and shows what the cloud sends it: twin
// answers, desired patches, method calls, cloud-to-device messages. It answers method calls, reports
// properties and sends device-to-cloud messages with properties. As an AWS IoT thing it follows the thing's
// shadows and command requests, reports shadow state and publishes anything as the thing.
//
// Everything the broker sends is hostile: a message over MaxMessageBytes is not read (libmosquitto has it in
// memory by then; the broker's message_size_limit is what stops one at the door), JSON is
// parsed depth-limited before it is kept, and the collections it feeds are bounded (MaxPendingMethods calls
// waiting for an answer, the oldest given up first; the log is the caller's, through eventAdded()).
class DeviceWorkbench final : public QObject
{
    Q_OBJECT

public:
    // IoT Hub's limit on a message, properties included; AWS IoT Core's is 128 KB.
    static constexpr qsizetype MaxMessageBytes = 256 * 1024;
    static constexpr int MaxPendingMethods = 100;
    // A twin is two sections of 32 KB and their metadata.
    static constexpr qsizetype MaxTwinBytes = 80 * 1024;

    struct MethodCall
    {
        QString rid;
        QString method;
        QByteArray payload;
        QDateTime at;
    };

    explicit DeviceWorkbench(QObject *parent = nullptr);
    ~DeviceWorkbench() override;

    // Connects as identity (its secret included); false with *error (translated) when the identity or its
    // connection string cannot be used or the token has already expired. Stops a session under way first.
    bool start(const WorkbenchIdentity &identity, QString *error);
    void stop();

    MqttClient::State state() const;
    const WorkbenchIdentity &identity() const { return m_identity; }
    bool isAzure() const { return m_identity.kind == WorkbenchIdentity::Kind::Azure; }
    QString deviceId() const { return m_deviceId; }
    // When the SAS token presented at the last connection expires; invalid without one.
    QDateTime tokenExpiry() const { return m_tokenExpiry; }
    // The client, for its error details (tests and the window read it; they do not drive it).
    const MqttClient *client() const { return m_client; }

    // Azure IoT Hub. Each returns false (or an empty rid) with *error when nothing was sent: not connected,
    // not an Azure identity, a payload that is not what IoT Hub accepts.
    QString requestTwin(QString *error);
    // patch: a JSON object, the reported properties to change (null removes one).
    QString reportProperties(const QByteArray &patch, QString *error);
    // payload: JSON (IoT Hub answers the caller with it); empty means null.
    bool answerMethod(const QString &rid, int status, const QByteArray &payload, QString *error);
    bool sendTelemetry(const QByteArray &payload, const QList<QPair<QString, QString>> &properties,
                       QString *error);
    QList<MethodCall> pendingMethods() const { return m_pendingMethods; }
    // What the device knows of its twin: the last GET, with the desired patches since and the reported
    // patches IoT Hub accepted merged in. Null before the first GET answers.
    const Json &twin() const { return m_twin; }

    // AWS IoT thing (or any device): shadowName empty for the classic shadow.
    bool requestShadow(const QString &shadowName, QString *error);
    // reported: a JSON object, sent as {"state":{"reported":…}}.
    bool reportShadow(const QString &shadowName, const QByteArray &reported, QString *error);
    // Any topic the device may write (the broker's access control decides); an Azure device's topics are
    // for the methods above, but a broken device can be reproduced here too.
    bool publish(const QString &topic, const QByteArray &payload, int qos, QString *error);

    // A reply to a command request event (AWS IoT command execution or Atlas request): the topic and a
    // payload to start from; empty topic when event is not one.
    static QPair<QString, QByteArray> replyFor(const WorkbenchEvent &event);

Q_SIGNALS:
    void eventAdded(const fleet::WorkbenchEvent &event);
    void stateChanged(fleet::MqttClient::State state);
    void pendingMethodsChanged();
    void twinChanged();
    void tokenRenewed(const QDateTime &expiry);

private:
    bool signToken(QString *error);
    void scheduleRenewal();
    void armRenewal();
    void boundTwin();
    void renewToken();
    void onConnected();
    void onMessage(const MqttMessage &message);
    void onAzureMessage(const MqttMessage &message);
    void onAwsMessage(const MqttMessage &message);
    void note(WorkbenchEvent::Kind kind, const QString &summary);
    void record(WorkbenchEvent event, const QByteArray &payload);
    bool sendAs(WorkbenchEvent::Kind kind, const QString &topic, const QByteArray &payload, int qos,
                const QString &summary, QString *error,
                const QList<QPair<QString, QString>> &properties = {});
    bool checkConnected(QString *error) const;
    QString nextRid();

    MqttClient *m_client;
    WorkbenchIdentity m_identity;
    QString m_deviceId;
    QString m_hostName; // Azure: the hub the token is for
    QByteArray m_key;   // Azure: the device key (base64), when the connection string has one
    QDateTime m_tokenExpiry;
    QDateTime m_renewAt;
    QTimer m_renewTimer;
    bool m_renewing = false;
    QList<MethodCall> m_pendingMethods;
    Json m_twin;
    QSet<QString> m_twinGets;               // rids of twin GETs not answered yet
    qint64 m_desiredVersion = -1;           // of the desired properties the twin holds
    QHash<QString, Json> m_reportedPatches; // rid → patch awaiting IoT Hub's answer (bounded as the calls)
    QHash<int, QString> m_unconfirmed;      // QoS 1 message id → topic, until the broker acknowledges it
    QString m_ridPrefix;
    quint64 m_rid = 0;
};

} // namespace fleet
