#pragma once

#include "awscommandstore.h"

#include "commands/commandcatalog.h"
#include "dialects/awscommandexecution.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace fleet {

// The cloud side of AWS IoT Device Management commands for any MQTT broker: a device written for AWS IoT
// Core's commands works unchanged (protocols.md B; docs/aws-commands.md).
//
//   fleet/aws-commands/start/{user}/{clientToken}   an operator starts an execution:
//       {"commandId", "target", "targetType"?: "things"|"clients", "parameters"?: {…}, "timeoutSeconds"?}
//   fleet/aws-commands/results/{user}               its answer: {"clientToken", "executionId", "status"}
//                                                   or {"clientToken", "error", "errorMessage"}
//   $aws/commands/{type}/{id}/executions/{executionId}/request[/json|/cbor]   the request (QoS 1, with the
//       MQTT 5 Message Expiry Interval of the time left, and the Content Type when the topic has no suffix)
//   …/response/json → …/response/accepted/json | …/response/rejected/json   the device's updates
//   $aws/events/commandExecution/{commandId}/{status}                        every transition
//
// Commands are the catalog's entries with "dialect": "aws-commands" (display name, description, payload
// template with parameters resolved at start, content type, deprecated, timeout). The operator's name is
// the topic level the broker's ACL pins to the connection, never a payload's. A sensitive command is
// refused here: approvals for AWS IoT commands are not implemented yet, and sending one unapproved would
// break the four-eyes rule.
//
// Durability: the messages that arrive together are handled in one transaction of the store, committed
// before anything of them is published; an accepted update or a started execution is on disk before anyone
// hears of it. On start-up the unfinished executions are taken back and timed out when their time passed.
//
// Bounds: MaxUnfinished executions without a final status (more are refused: RequestThrottled), start
// requests and updates of at most MaxStartBytes / AwsCommandExecution::MaxUpdateBytes.
class AwsCommandService final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxUnfinished = 100'000;
    static constexpr qsizetype MaxStartBytes = 64 * 1024;
    static constexpr qint64 MinTimeoutMs = 1000;
    static constexpr qint64 MaxTimeoutMs = 24 * 60 * 60 * 1000;

    // The client is the hub's (shared with the shadow service and the gate); store must be open.
    AwsCommandService(MqttClient *client, AwsCommandStore *store, CommandCatalog catalog,
                      QObject *parent = nullptr);
    ~AwsCommandService() override;

    // Subscribes (the client keeps subscriptions across reconnects) and takes back the unfinished
    // executions. Call before the client connects. False with errorString().
    bool start();
    // A start that fleet-hub's command gate held and an approver approved (CommandGate::setAwsStarter()): as
    // if user had published it, but a sensitive command is not refused. Handled with the next batch.
    void startApproved(const QString &user, const QString &clientToken, const QByteArray &payload);
    QString errorString() const { return m_error; }

    int unfinishedCount() const { return int(m_unfinished.size()); }
    // The catalog's AWS IoT commands.
    QStringList commandIds() const;

    static QStringList filters();
    static QString startTopic(const QString &user, const QString &clientToken);
    static QString resultsTopic(const QString &user);

Q_SIGNALS:
    void executionChanged(const QString &executionId, const QString &status);
    // The database failed: the batch was refused (and the senders were told).
    void storeFailed(const QString &message);

private:
    struct Incoming
    {
        MqttMessage message;
        qint64 receivedMs = 0;
        bool approved = false; // handed over by the command gate once approved
    };

    void onMessage(const MqttMessage &message);
    void handleBatch();
    void handleStart(const QString &user, const QString &clientToken, const QByteArray &payload, qint64 now,
                     bool approved);
    void handleUpdate(const AwsCommandExecution::ResponseTopic &topic, const QByteArray &payload, qint64 now);
    // Finds an execution (unfinished in memory, else in the store); ok false when the store failed.
    std::optional<AwsCommandExecution> find(const QString &executionId, bool *ok);
    // Keeps the new state: in memory while unfinished, in the store always, an event staged.
    bool record(const AwsCommandExecution &execution, qint64 now);
    void stageRequest(const AwsCommandExecution &execution, qint64 now);
    void stageResult(const QString &user, const Json &body);
    void stage(const QString &topic, const Json &body);
    void expire();
    void scheduleExpiry();
    void commitAndPublish();
    void flush();
    std::optional<QByteArray> encodePayload(const CommandSpec &spec, const Json &payload,
                                            QString *error) const;

    MqttClient *m_client;
    AwsCommandStore *m_store;
    CommandCatalog m_catalog;
    QString m_error;
    QList<Incoming> m_incoming;
    QList<MqttMessage> m_staged; // this batch's publications, held until its commit
    QList<MqttMessage> m_outbox; // committed, waiting for room in the client's in-flight window
    QList<MqttMessage> m_failed; // what to publish instead when the batch's commit fails
    QHash<QString, AwsCommandExecution> m_unfinished;
    QHash<QString, QString> m_byToken; // "{user}/{clientToken}" of the unfinished ones -> execution id
    QTimer m_batchTimer;
    QTimer m_expiryTimer;
};

} // namespace fleet
