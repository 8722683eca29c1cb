#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace fleet {
class MqttClient;
class MqttMessage;
namespace test {
class MosquittoBroker;
} // namespace test
} // namespace fleet

namespace fleet::bench {

// Runs the real fleet-sim executable against a private mosquitto, once per fleet size, and measures what a
// simulated device costs: the time from starting the process until every device's retained "online" reached
// a watching client, the simulator's resident memory per device (also above a one-device baseline, which
// holds the libraries and the heap every process has), and the CPU time of the simulator and the broker
// while connecting and while the fleet idles. Each run ends with SIGTERM, and the driver checks that every
// device said "offline" and that the process exited with 0.
class SimBenchmark final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QList<int> devices = {1000, 10000};
        int idleSeconds = 10;      // steady state after all are online: a whole telemetry period by default
        int connectsPerSecond = 0; // 0: fleet-sim's default pacing
        QString reportPath;        // empty: no report written
    };

    explicit SimBenchmark(const Options &options, QObject *parent = nullptr);
    ~SimBenchmark() override;

    // Runs everything; 0 when every run completed, 1 otherwise (the reason on stderr).
    int run();

private:
    struct Run
    {
        int devices = 0;
        bool ok = false;
        QString error;
        double secondsToOnline = -1; // process start until the last device's "online" arrived
        qint64 rssKb = -1;           // VmRSS once online and idle
        qint64 peakRssKb = -1;       // VmHWM
        double simCpuToOnline = -1;  // seconds of CPU until all were online
        double brokerCpuToOnline = -1;
        double simCpuIdle = -1; // share of one CPU while idling
        double brokerCpuIdle = -1;
        qint64 brokerRssDeltaKb = -1; // the broker's growth over the run's connections
        double secondsToStop = -1;    // SIGTERM until the process exited
        int offlineSeen = 0;
        int exitCode = -1;
    };

    bool setUp(QString *error);
    Run measure(int devices, const QString &prefix);
    double pacingFloorSeconds(int devices) const;
    QString markdown(const Run &baseline, const std::vector<Run> &runs) const;

    Options m_options;
    std::unique_ptr<test::MosquittoBroker> m_broker;
    MqttClient *m_watcher = nullptr; // subscribed to every device's presence
    QString m_configPath;            // empty: fleet-sim's defaults
    QString m_tempDir;
};

} // namespace fleet::bench
