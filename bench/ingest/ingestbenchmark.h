#pragma once

#include "ingestreport.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace fleet::test {
class MosquittoBroker;
}

namespace fleet::bench {

struct IngestOptions
{
    QString nodeDir;      // holds ingest-receiver.mjs and node_modules/mqtt; empty: no MQTT.js row
    QString reportPath;   // empty: print only
    QString receiverPath; // ingest_receiver
    QString spawnHelper;  // ingest_spawn
    QString mosquittoSub = QStringLiteral("mosquitto_sub");
    QString node = QStringLiteral("node");
    qsizetype qos0Count = 200000;
    qsizetype qos1Count = 50000;
    int repetitions = 3;
    int budgetSeconds = 360; // the whole benchmark; runs that would not fit are skipped, and say so
    bool quick = false;
    bool verify = false; // ask ingest_receiver to check sequence numbers (adds work to its timed path)
    QString logDir;      // non-empty: keep the broker log and each receiver's stderr there
    QStringList only;    // receiver keys (sub, fleet, mqttjs) to run; empty: all
    QList<int> qosLevels = {0, 1};
    // mosquitto's max_queued_messages; 0 keeps its default (1000), under which it drops messages for a
    // subscriber that falls behind.
    int maxQueued = 0;
};

// The ingest benchmark's driver: one broker, one publisher, and each receiver in turn on the same stream.
class IngestBenchmark final
{
public:
    explicit IngestBenchmark(IngestOptions options);
    ~IngestBenchmark();

    // Runs everything, prints the tables, writes the report. Returns the process exit code: non-zero only
    // when the benchmark itself could not run (no broker, no measurement at all, report not written).
    int run();

private:
    using Clock = std::chrono::steady_clock;

    BenchEnvironment probeEnvironment() const;
    QString checkNode() const; // empty when MQTT.js can run, else why not
    std::vector<std::string> command(Receiver receiver, int qos, qsizetype count, const QString &clientId,
                                     int timeoutSeconds) const;
    RunResult runOnce(Receiver receiver, int qos, qsizetype count, int repetition, Clock::duration cap);
    Clock::duration remaining() const;
    void keepLogs() const;

    IngestOptions m_options;
    std::unique_ptr<test::MosquittoBroker> m_broker;
    QTemporaryDir m_workDir;
    std::string m_payload;
    Clock::time_point m_deadline;
};

} // namespace fleet::bench
