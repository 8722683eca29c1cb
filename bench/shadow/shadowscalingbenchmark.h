#pragma once

#include "latencyrecorder.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace fleet {
class MqttClient;
namespace test {
class HubProcess;
class MosquittoBroker;
class PostgresServer;
} // namespace test
} // namespace fleet

namespace fleet::bench {

// fleet-hub on SQLite against PostgreSQL, and one hub against two, each against the raw broker round trip
// measured on the same brokers in the same run. A setup is N lanes: a private mosquitto, a fleet-hub on it
// and a driving client on it, every hub on the one database (a SQLite file, or a database on a private
// PostgreSQL with fsync on). Several hubs mean several brokers: mosquitto 2.0 does not route $aws topics to
// shared subscriptions, so the supported layout is one hub per broker (docs/scaling.md). Each lane's client
// updates things of its own, as the devices behind one broker node would.
class ShadowScalingBenchmark final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int things = 1000;     // per lane
        int updates = 20000;   // per throughput run, over all lanes
        int window = 100;      // in flight per lane
        int pacedRate = 10000; // updates/s offered in the paced run, over all lanes
        int pacedSeconds = 3;  // length of the paced run
        QString reportPath;    // empty: no report written
    };

    explicit ShadowScalingBenchmark(const Options &options, QObject *parent = nullptr);
    ~ShadowScalingBenchmark() override;

    // Runs every setup; 0 when every measurement completed, 1 otherwise (the reason on stderr).
    int run();

private:
    struct Setup
    {
        int hubs = 1;
        bool postgres = false;
        QString name() const;
    };
    struct Lane
    {
        std::unique_ptr<test::MosquittoBroker> broker;
        std::unique_ptr<test::HubProcess> hub;
        MqttClient *client = nullptr;
    };
    enum class Kind { Raw, Update };
    struct Result
    {
        bool ok = false;
        QString error;
        int completed = 0;
        double seconds = 0;
        double hubCpuSeconds = 0;
        double databaseCpuSeconds = 0;
        double brokerCpuSeconds = 0;
        LatencyRecorder latency;

        double rate() const { return seconds > 0 ? completed / seconds : 0; }
    };
    struct Row
    {
        Setup setup;
        Result raw;
        Result update;
        Result paced;     // at options.pacedRate
        int halfRate = 0; // half of update.rate()
        Result pacedHalf; // at halfRate
    };

    bool start(const Setup &setup, QString *error);
    void stop();
    // total requests over every lane: with pacedRate 0 each lane keeps options.window in flight; otherwise
    // the lanes together send pacedRate per second whatever comes back.
    Result drive(Kind kind, int total, int firstId, int pacedRate);
    double databaseCpuSeconds() const;
    QString markdown(const std::vector<Row> &rows) const;

    Options m_options;
    std::unique_ptr<test::PostgresServer> m_postgres;
    std::vector<Lane> m_lanes;
    int m_databases = 0;
};

} // namespace fleet::bench
