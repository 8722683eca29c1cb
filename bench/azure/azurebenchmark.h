#pragma once

#include "latencyrecorder.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>
#include <vector>

class QEventLoop;

namespace fleet {
class MqttClient;
class MqttMessage;
} // namespace fleet

namespace fleet::bench {

class AzureStack;

// Times fleet-hub's Azure IoT Hub service (hub/azurehubservice.h) on the broker it runs on, mosquitto with
// the fleet_iothub plugin, against the raw broker round trip measured in the same run with the same number of
// requests in flight. N Azure devices sign in as Microsoft's SDKs do (MQTT 3.1.1 over TLS, client id = device
// id, a SAS token), each keeping a window of requests in flight:
//   raw     a device event that a bare client (EchoClient, in its own process like fleet-hub) sends back to
//           the device as a cloud-to-device message: the reference, two trips through the broker;
//   patch   a reported-properties patch until its twin/res/204 (two trips, and a SQLite commit);
//   get     a twin GET until its twin/res/200 (two trips);
//   method  an operator's direct method call (alice, devices × window in flight) until its result, to devices
//           that answer at once: four trips (invoke, POST, res, result).
// Each repetition runs the four kinds in turn for the same time. Rates and latencies are the median run's;
// ratios are the median of each repetition's ratio to its own raw run, so that other work on a shared
// machine moves both sides of a ratio alike.
class AzureBenchmark final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int devices = 100;
        int window = 2;      // requests in flight per device; the operator keeps devices × window
        double seconds = 3;  // measured time of each run, after a warm-up
        int repetitions = 3; // runs of each kind; the median is reported
        QString reportPath;  // empty: no report written
    };

    explicit AzureBenchmark(const Options &options, QObject *parent = nullptr);
    ~AzureBenchmark() override;

    // Runs everything; 0 when every measurement completed, 1 otherwise (the reason on stderr).
    int run();

private:
    using Clock = std::chrono::steady_clock;
    enum class Kind { Raw, Patch, Get, Method };

    struct Device
    {
        QString id;
        MqttClient *client = nullptr;
        int outstanding = 0; // in the run under way
        int sent = 0;        // in the run under way
    };

    struct Run
    {
        bool ok = false;
        QString error;
        int completed = 0; // within the measured time
        double seconds = 0;
        double hubCpuSeconds = -1;
        double echoCpuSeconds = -1;
        double brokerCpuSeconds = -1;
        double driverCpuSeconds = -1;
        LatencyRecorder latency;

        double rate() const { return seconds > 0 ? completed / seconds : 0; }
    };

    // The run under way, which the clients' handlers complete.
    struct Active
    {
        Kind kind = Kind::Raw;
        Run *run = nullptr;
        QEventLoop *loop = nullptr;
        qint64 firstId = 0;
        std::vector<Clock::time_point> sent; // by request number - firstId
        std::vector<int> owner;              // the device each request is for
        std::vector<bool> done;
        int perDevice = 0; // > 0: each device sends this many, then the run ends; 0: timed
        int outstanding = 0;
        int nextDevice = 0; // the operator's round robin
        bool measuring = false;
        bool stopping = false;
        Clock::time_point lastProgress;
    };

    bool setUp(QString *error);
    bool connectDevices(QString *error);
    bool connectOperator(QString *error);
    Run drive(Kind kind, int perDevice = 0);
    bool send(int device);
    void pump(int device);
    void complete(Kind kind, qint64 id, int device, Clock::time_point now);
    void fail(const QString &message);
    void onDeviceMessage(int device, const MqttMessage &message);
    void onOperatorMessage(const MqttMessage &message);
    int inFlight() const { return m_options.devices * m_options.window; }
    static QString kindName(Kind kind);
    static const Run &median(const std::vector<Run> &runs);
    QString markdown(const Run &create, const std::vector<Run> (&runs)[4]) const;

    Options m_options;
    std::unique_ptr<AzureStack> m_stack;
    std::vector<Device> m_devices;
    MqttClient *m_operator = nullptr;
    QSet<QString> m_present; // devices the plugin announced as connected
    std::unique_ptr<Active> m_active;
    qint64 m_nextId = 1; // request numbers never repeat, so a straggler cannot complete another run's request
    double m_elapsedSeconds = 0;
    double m_fsyncMs = -1; // the database folder's fdatasync; see fsyncMs()
    QString m_loadAverage; // "2.10 at the start, 2.60 at the end"
};

} // namespace fleet::bench
