#pragma once

#include "latencyrecorder.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace fleet {
class MqttClient;
class MqttMessage;
namespace test {
class HubProcess;
class MosquittoBroker;
} // namespace test
} // namespace fleet

namespace fleet::bench {

// Times fleet-hub against the broker it runs on. In one run, on one private mosquitto: the raw broker round
// trip (a QoS 1 publish until another client receives it), update → accepted and desired → the device's
// delta through a real fleet-hub process, one request at a time for latency and with a window of requests in
// flight for throughput. Every request of every kind is the same JSON document, so the ratios show what the
// hub adds: a second trip through the broker, the JSON work and the SQLite commit.
class ShadowBenchmark final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int things = 1000;
        int samples = 2000;  // one-at-a-time requests per latency measurement
        int updates = 20000; // requests per throughput run
        int window = 100;    // requests in flight in a throughput run
        int repetitions = 3; // throughput runs of each kind; the median is reported
        QString reportPath;  // empty: no report written
        QString databaseDir; // empty: a temporary directory
    };

    explicit ShadowBenchmark(const Options &options, QObject *parent = nullptr);
    ~ShadowBenchmark() override;

    // Runs everything; 0 when every measurement completed, 1 otherwise (the reason on stderr).
    int run();

private:
    // One kind of request: how to send number i, and how to recognise its completion.
    struct Phase
    {
        QString name;
        MqttClient *completer = nullptr; // the client that receives the completion
        std::function<QByteArray(int)> topic;
        std::function<QByteArray(int)> payload;
        // The request number a received message completes; -1 when it is not a completion of this phase.
        std::function<int(const MqttMessage &)> completion;
        // Non-empty when the message is a failure (a rejection) that ends the phase.
        std::function<QString(const MqttMessage &)> failure;
    };

    struct Run
    {
        bool ok = false;
        QString error;
        int completed = 0;
        double seconds = 0;
        double hubCpuSeconds = -1;
        double brokerCpuSeconds = -1;
        LatencyRecorder latency;

        double rate() const { return seconds > 0 ? completed / seconds : 0; }
    };

    bool setUp(QString *error);
    Run drive(const Phase &phase, int total, int window, int firstId);
    Phase rawPhase();
    Phase updatePhase();
    Phase deltaPhase();
    QString thingName(int i) const;
    bool connectClient(MqttClient *client, const QString &clientId, const QStringList &filters,
                       QString *error);
    static const Run &median(const std::vector<Run> &runs);
    QString markdown(const Run &create, const Run &rawLatency, const Run &updateLatency,
                     const Run &deltaLatency, const std::vector<Run> &rawRuns,
                     const std::vector<Run> &updateRuns) const;

    Options m_options;
    std::unique_ptr<test::MosquittoBroker> m_broker;
    std::unique_ptr<test::HubProcess> m_hub;
    MqttClient *m_operator = nullptr;
    MqttClient *m_device = nullptr;
    QString m_databasePath;
    QString m_fileSystem;
    QString m_tempDir;
};

} // namespace fleet::bench
