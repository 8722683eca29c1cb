#pragma once

#include "common/json.h"

#include "commands/tidgenerator.h"
#include "faultinjector.h"
#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "splitmix64.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <optional>
#include <string_view>

namespace fleet::sim {

class ExecutionLog;

// One simulated device with its own MQTT connection (client id = device id). Its kind (SimConfig::Kind)
// decides which command dialect it speaks; every kind but Azure has presence, shadows and telemetry:
// - presence: "online" published retained on presenceTopic at every connect, "offline" as its Last Will
//   (and published before a clean stop);
// - commands, Atlas dialect (ordinary devices on the configured command topics and their group's, design
//   devices on commands/{id} with replies on commands/{id}/ack and no group): requests {"cmd", "tid",
//   "status": "REQUEST", "params": {...}}; replies {"tid", "status": RUNNING|SUCCESS|FAILURE, "device",
//   "reason"?, "result"?}. Each tid runs once: a duplicate gets the recorded outcome again (or RUNNING while
//   it runs, nothing if it died silently). A request whose tid is older (TidGenerator order) than the newest
//   one run for the same command is out of order: it does not run, and gets FAILURE. Malformed requests get
//   FAILURE with a reason. In text mode (ordinary devices only) it replies "SUCCESS: ..." / "FAILURE: ..."
//   with no tid and no RUNNING;
// - commands, the seed's sample device (sample devices, simdevicesample.cpp): plain text requests, plain
//   text replies with no tid, and the device_status/request broadcast answered on device_status/response;
// - AWS IoT commands (ordinary and thing devices, simdeviceaws.cpp);
// - shadows (AWS topics, through fleet-hub or AWS): the classic shadow and the named shadow "config". It
//   reports its initial state on first start, applies what it supports from each delta newer than the last
//   one it applied, reports it back, and now and then changes state by itself (a button press);
// - telemetry: {"ts", "temperature", "humidity", "battery"} on telemetryTopic every telemetry interval;
// - an Azure IoT Hub device (simdeviceazure.cpp) instead speaks IoT Hub's MQTT (protocols.md C) through the
//   broker's fleet_iothub plugin: MQTT 3.1.1, a SAS token made fresh at every connect, its twin for state
//   (reported at start and after every change, desired properties applied and reported back), the built-in
//   commands and show_message as direct methods, telemetry and logs as device-to-cloud messages, and
//   cloud-to-device messages; the plugin announces its presence.
// Built-in commands: reboot, set_led {color}, set_telemetry_interval {ms}, upload_log, motor_on, motor_off,
// set_position {position} (long: RUNNING every runningIntervalMs until done). Faults come from SimConfig
// (FaultInjector), drawn from a generator seeded by the fleet seed and the device number, so a seed replays
// the same fleet.
class SimDevice final : public QObject
{
    Q_OBJECT

public:
    // n from 1. config must outlive the device; log may be null. The device does not connect before
    // start().
    SimDevice(int n, const SimConfig &config, const BrokerProfile &broker, ExecutionLog *log,
              QObject *parent = nullptr);
    ~SimDevice() override;

    QString id() const { return m_id; }
    QString group() const { return m_group; }
    SimConfig::Kind kind() const { return m_kind; }
    bool isTextMode() const { return m_textMode; }
    bool hasSlowLink() const { return m_slowLink; }
    bool hasFlakyLink() const { return m_flakyLink; }

    // The broker password, shared by the whole fleet (held in memory only). Read at the next connect.
    void setPassword(const QString &password) { m_client->setPassword(password); }
    // An Azure device's IoT Hub host name and key (base64, held in memory only): it signs a SAS token with
    // them at every connect. Without them it cannot connect.
    void setAzureKey(const QString &hostName, const QByteArray &base64Key);

    void start();
    // Publishes "offline" (retained; an Azure device leaves that to the broker's plugin), then disconnects
    // cleanly; stopped() follows.
    void stop();
    bool isOnline() const { return m_online; }
    MqttClient *client() const { return m_client; }

    // Current simulated state, for tests and the log.
    QString led() const { return m_led; }
    QString message() const { return m_message; }
    bool motorOn() const { return m_motorOn; }
    int position() const { return m_position; }
    int telemetryIntervalMs() const { return m_telemetryIntervalMs; }
    qint64 commandsExecuted() const { return m_executed; }

    static QStringList builtInCommands();

Q_SIGNALS:
    void onlineChanged(bool online);
    void stopped();
    // A command was executed (once per tid; duplicates do not count). A sample device's commands have no
    // tid; the command of its free text is that text. An Azure device's direct methods have their $rid as
    // the tid; a cloud-to-device message counts as the command "cloud_to_device" with its message id (once
    // per id).
    void commandExecuted(const QString &tid, const QString &command);

private:
    // simdeviceutil.h's Command enumeration counts them too; simdevicecommands.cpp checks that the two agree.
    static constexpr int BuiltInCommandCount = 7;

    enum class Outcome : quint8 { Running, Succeeded, Failed, Died };

    // A remembered tid's progress and outcome: 16 bytes, as a 64-bit hash stands for the tid itself.
    struct Execution
    {
        quint64 key = 0;
        qint32 resultBytes = 0; // upload_log's result
        quint8 command = 0;     // CommandCount when the request named none that exists
        Outcome outcome = Outcome::Running;
    };

    // A command being executed: everything it needs to finish, whether or not its tid is still remembered.
    struct Run
    {
        QByteArray tid;    // an Azure direct method's: its $rid
        QString color;     // set_led
        qint64 number = 0; // set_telemetry_interval's ms, set_position's position
        qint64 deadline = 0;
        QByteArray text; // a sample device's request, quoted in its reply; an Azure show_message's text
        std::optional<QByteArray> correlation; // a sample device's broadcast: echoed on the reply
        quint8 command = 0;
        bool group = false; // a group request (a sample device: the broadcast)
        bool fail = false;
        bool duplicate = false;
        bool stale = false;
    };

    // simdevice.cpp: lifecycle, connection and its faults, presence, telemetry.
    // Connects, an Azure device with a new SAS token.
    void connectNow();
    // An Azure device reconnects by itself, for a new token each time (the client would send the old one).
    void scheduleReconnect();
    void onConnected();
    void onStateChanged(MqttClient::State state);
    void onMessage(const MqttMessage &message);
    void reboot();
    // Disconnects once the broker has acknowledged what is in flight (at most 1 s), then runs then().
    void disconnectWhenAcknowledged(int waitedMs, bool stopping, std::function<void()> then);
    void comeBack();
    void goOffline(int forMs);
    void dropLink();
    void onFaultTimer();
    void armFaultTimer();
    // Runs action in ms unless this device is deleted first; see DelayQueue in simdevice.cpp for why not a
    // timer.
    void after(int ms, std::function<void()> action);
    QString topic(const QString &pattern) const;
    void publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retain = false);
    void publish(const MqttMessage &message);
    // The topic of a command's replies: the request's own dialect's, or its group's (the broadcast's).
    QString replyTopic(bool group) const;
    // A final reply: sent now, or kept for the next connect (as a device's MQTT library queues QoS 1
    // messages) when the device is offline.
    void sendOrKeep(const MqttMessage &message);
    void setTelemetryInterval(int ms);
    void publishTelemetry();

    // simdevicecommands.cpp: commands, their tids and replies.
    void handleCommand(const MqttMessage &message, bool group);
    // AWS IoT commands (simdeviceaws.cpp): show_message, {"message": text}.
    QString awsRequestFilter() const;
    void handleAwsCommand(const MqttMessage &message);
    void processCommand(const QByteArray &payload, bool group);
    // The built-in command's index, -1 for a name that is none.
    static int builtInCommand(std::string_view name);
    // The built-in command's parameters onto run; empty when they are valid, else why not. param looks one
    // up by name.
    QString readParameters(Run *run, const std::function<const Json *(const char *)> &param) const;
    // Whether a request for command with this tid is older than the newest one run (ordered tids only);
    // the reason of its FAILURE if so.
    QString outOfOrder(int command, const QByteArray &tid) const;
    void execute(Run run);
    void tick(const Run &run);
    // The command's effect on the state: what it changed, as reported; upload_log's size in *resultBytes.
    Json applyCommand(const Run &run, qint32 *resultBytes);
    void finish(const Run &run);
    void answerDuplicate(const QByteArray &tid, const Execution &execution, bool group);
    Execution *findExecution(quint64 key);
    void remember(const Execution &execution, const QString &reason = {});
    void setOutcome(const QByteArray &tid, Outcome outcome, qint32 resultBytes = 0);
    void sendRunning(bool group, const QByteArray &tid);
    void sendFinal(bool group, const QByteArray &tid, int command, bool failed, const QString &reason,
                   const Json &result = {});
    Json resultOf(int command, qint32 resultBytes) const;
    qint32 uploadLog();

    // simdevicesample.cpp: the seed's sample device, plain text without tids.
    void handleSampleCommand(const MqttMessage &message, bool broadcast);
    void processSampleCommand(const QByteArray &payload, bool broadcast,
                              const std::optional<QByteArray> &correlation);
    void sendSampleFinal(const Run &run, bool failed, const QString &reason);

    // simdeviceshadow.cpp: shadows.
    void handleDelta(const MqttMessage &message, bool named);
    // The desired state's members this device supports (with valid values) onto its state: what to report.
    Json applyDesired(const Json &state, bool named);
    // An Azure device reports to its twin instead (named: nothing, it has no config shadow).
    void reportShadow(bool named, const Json &reported);
    Json classicState() const;
    Json configState() const;
    void pressButton();

    // simdeviceazure.cpp: an Azure IoT Hub device.
    static QStringList azureFilters(const QString &id);
    bool refreshAzureToken();
    void onAzureConnected();
    void handleAzureMessage(const MqttMessage &message);
    QString nextRid();
    void requestTwin();
    void handleTwinResponse(const MqttMessage &message, int status, const QString &rid);
    void handleDesiredPatch(const MqttMessage &message, qint64 topicVersion);
    void handleMethod(const MqttMessage &message, const QString &method, const QString &rid);
    void processMethod(const QString &method, const QString &rid, const QByteArray &payload);
    void finishMethod(const Run &run);
    void answerMethod(const QString &rid, int status, const Json &body);
    void handleCloudMessage(const QString &device, const QString &encodedBag);
    void reportTwin(const Json &reported);
    Json twinState() const;
    // devices/{id}/messages/events/ with a property bag: the content type, UTF-8, and "kind".
    void publishDeviceToCloud(const QByteArray &payload, const QString &kind, const QString &contentType);
    // Whether id (an AWS IoT execution id, an Azure message id) was handled already; remembers it if not.
    bool seenBefore(const QString &id);

    int m_n;
    SimConfig::Kind m_kind;
    QString m_id;
    QString m_group;
    QString m_requestTopic; // the dialect's own command topics: empty for a thing
    QString m_responseTopic;
    const SimConfig &m_config;
    ExecutionLog *m_log;
    MqttClient *m_client;
    SplitMix64 m_random; // every draw of this device, in an order that a seed replays
    FaultInjector m_faults;
    QStringList
        m_recentIds;     // the latest AWS IoT execution ids run or cloud-to-device message ids, oldest first
    QString m_azureHost; // Azure: the IoT Hub host name and the device's key
    QByteArray m_azureKey;
    QString m_twinGetRid;        // Azure: the twin GET waiting for its answer
    Json m_lastCloudMessage;     // Azure: {"id", "at"} of the last cloud-to-device message; null before one
    quint32 m_nextRid = 0;       // Azure: request ids of its twin requests
    int m_reconnectAttempts = 0; // Azure: failed connects in a row, for the back-off
    bool m_reconnectPending = false;
    bool m_textMode = false;
    bool m_slowLink = false;
    bool m_flakyLink = false;
    bool m_online = false;
    bool m_started = false;
    bool m_stopping = false;
    bool m_rebooting = false;     // between a reboot's clean disconnect and its return
    bool m_offlinePeriod = false; // an offline fault: the connection was cut, no reconnect until it ends
    bool m_reportedInitialState = false;
    bool m_reportPending[2] = {false, false}; // classic, config: a report made while offline, sent on connect

    QString m_led = QStringLiteral("off");
    QString m_message =
        QStringLiteral("ready"); // what the display shows (show_message), reported as "message"
    bool m_motorOn = false;
    bool m_reportOnChange = true; // the config shadow's: report state changed by commands
    int m_position = 0;
    int m_telemetryIntervalMs = 0;
    float m_battery = 100;
    qint64 m_executed = 0;
    qint64 m_lastDeltaVersion[2] = {0, 0}; // classic, config

    // The last rememberedTids tids, a ring searched linearly: at 16 bytes a tid, the default 256 cost 4 KB
    // where a QHash of the tids themselves cost 30 KB, over the whole budget of a device. A scan of a few
    // hundred integers per command costs nothing measurable (a limit of many thousands would).
    QList<Execution> m_executions;
    qsizetype m_oldest = 0;            // once the ring is full, the slot to overwrite next
    QHash<quint64, QString> m_reasons; // of the remembered tids refused as malformed
    QList<MqttMessage> m_outbox;       // final replies made while offline, sent at the next connect
    // The newest ordered tid run per built-in command (simdevicecommands.cpp's Command), zeros for none:
    // what out-of-order requests are told from, in a fixed 154 bytes whatever the traffic.
    std::array<std::array<char, TidGenerator::Length>, BuiltInCommandCount> m_newestTids{};
    QTimer m_telemetryTimer;
    QTimer m_faultTimer; // at m_faults' next deadline: offline periods, flaky link drops, button presses
};

} // namespace fleet::sim
