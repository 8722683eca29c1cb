#pragma once

#include "common/json.h"

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

#include <functional>

namespace fleet::sim {

class ExecutionLog;

// One simulated device with its own MQTT connection (client id = device id). It speaks:
// - presence: "online" published retained on presenceTopic at every connect, "offline" as its Last Will
//   (and published before a clean stop);
// - commands, Atlas dialect: requests {"cmd", "tid", "status": "REQUEST", "params": {...}} on its request
//   topic and its group's; replies {"tid", "status": RUNNING|SUCCESS|FAILURE, "device", "reason"?,
//   "result"?} on the matching response topic. Each tid runs once: a duplicate gets the recorded outcome
//   again (or RUNNING while it runs, nothing if it died silently). Malformed requests get FAILURE with a
//   reason. In text mode it replies "SUCCESS: ..." / "FAILURE: ..." with no tid and no RUNNING, like the
//   seed's sample device;
// - shadows (AWS topics, through fleet-hub or AWS): the classic shadow and the named shadow "config". It
//   reports its initial state on first start, applies what it supports from each delta newer than the last
//   one it applied, reports it back, and now and then changes state by itself (a button press);
// - telemetry: {"ts", "temperature", "humidity", "battery"} on telemetryTopic every telemetry interval.
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
    bool isTextMode() const { return m_textMode; }
    bool hasSlowLink() const { return m_slowLink; }
    bool hasFlakyLink() const { return m_flakyLink; }

    // The broker password, shared by the whole fleet (held in memory only). Read at the next connect.
    void setPassword(const QString &password) { m_client->setPassword(password); }

    void start();
    // Publishes "offline" (retained), then disconnects cleanly; stopped() follows.
    void stop();
    bool isOnline() const { return m_online; }
    MqttClient *client() const { return m_client; }

    // Current simulated state, for tests and the log.
    QString led() const { return m_led; }
    bool motorOn() const { return m_motorOn; }
    int position() const { return m_position; }
    int telemetryIntervalMs() const { return m_telemetryIntervalMs; }
    qint64 commandsExecuted() const { return m_executed; }

    static QStringList builtInCommands();

Q_SIGNALS:
    void onlineChanged(bool online);
    void stopped();
    // A command was executed (once per tid; duplicates do not count).
    void commandExecuted(const QString &tid, const QString &command);

private:
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
        QByteArray tid;
        QString color;     // set_led
        qint64 number = 0; // set_telemetry_interval's ms, set_position's position
        qint64 deadline = 0;
        quint8 command = 0;
        bool group = false;
        bool fail = false;
        bool duplicate = false;
        bool stale = false;
    };

    struct OutboxEntry
    {
        QByteArray payload;
        bool group = false;
    };

    // simdevice.cpp: lifecycle, connection and its faults, presence, telemetry.
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
    void setTelemetryInterval(int ms);
    void publishTelemetry();

    // simdevicecommands.cpp: commands, their tids and replies.
    void handleCommand(const MqttMessage &message, bool group);
    // AWS IoT commands (simdeviceaws.cpp): show_message, {"message": text}.
    QString awsRequestFilter() const;
    void handleAwsCommand(const MqttMessage &message);
    void processCommand(const QByteArray &payload, bool group);
    void execute(Run run);
    void tick(const Run &run);
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

    // simdeviceshadow.cpp: shadows.
    void handleDelta(const MqttMessage &message, bool named);
    void reportShadow(bool named, const Json &reported);
    Json classicState() const;
    Json configState() const;
    void pressButton();

    int m_n;
    QString m_id;
    QString m_group;
    const SimConfig &m_config;
    ExecutionLog *m_log;
    MqttClient *m_client;
    SplitMix64 m_random; // every draw of this device, in an order that a seed replays
    FaultInjector m_faults;
    QStringList m_awsExecutions; // the latest execution ids run, oldest first
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
    QList<OutboxEntry> m_outbox;       // final replies made while offline, sent at the next connect
    QTimer m_telemetryTimer;
    QTimer m_faultTimer; // at m_faults' next deadline: offline periods, flaky link drops, button presses
};

} // namespace fleet::sim
