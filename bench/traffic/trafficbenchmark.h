#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fleet::test {
class MosquittoBroker;
}

namespace fleet::bench {

struct TrafficOptions
{
    QString pipelinePath; // traffic_pipeline
    QString spawnHelper;  // ingest_spawn
    QString mosquittoSub = QStringLiteral("mosquitto_sub");
    QString reportPath; // empty: print only
    qsizetype count = 200000;
    int topics = 1000;
    int capacity = 10000; // TrafficModel rows
    int repetitions = 3;
    int budgetSeconds = 240; // the whole benchmark; runs that would not fit are skipped, and say so
    bool quick = false;
};

// bench_traffic's driver: one private mosquitto, one publisher spreading a stream over many topics, and
// mosquitto_sub and traffic_pipeline receiving the identical stream in turn.
class TrafficBenchmark final
{
public:
    enum class Subject { MosquittoSub, Pipeline };

    struct Run
    {
        Subject subject = Subject::MosquittoSub;
        int repetition = 0;
        qsizetype received = 0;
        double wallSeconds = 0; // first publish to the subject's exit after the last message
        double cpuSeconds = 0;  // the subject's user + system time, start-up included
        double peakRssMiB = 0;
        double brokerCpuSeconds = -1; // -1: unknown
        bool measured = false;        // false: the run failed, and error says why
        QString error;
        QString statistics; // traffic_pipeline's JSON line

        double rate() const { return wallSeconds > 0 ? double(received) / wallSeconds : 0; }
    };

    explicit TrafficBenchmark(TrafficOptions options);
    ~TrafficBenchmark();

    // Runs everything, prints the table, writes the report. Returns the process exit code: non-zero only when
    // the benchmark itself could not run (no broker, a subject never measured, report not written).
    int run();

    static QString subjectName(Subject subject);

private:
    using Clock = std::chrono::steady_clock;

    std::vector<std::string> command(Subject subject, qsizetype count, const QString &clientId,
                                     int timeoutSeconds) const;
    Run runOnce(Subject subject, qsizetype count, int repetition, Clock::duration cap);
    Clock::duration remaining() const;
    // The measured run with the median msgs/s (the lower middle for an even count).
    static std::optional<Run> median(const std::vector<Run> &runs);
    QString report(const std::vector<Run> &runs, bool markdown) const;

    TrafficOptions m_options;
    std::unique_ptr<test::MosquittoBroker> m_broker;
    QTemporaryDir m_workDir;
    std::vector<std::string> m_topics;
    std::string m_payload;
    Clock::time_point m_deadline;
    QString m_date;
    QStringList m_notes; // problems met on the way: failed runs, budget exhausted
};

} // namespace fleet::bench
