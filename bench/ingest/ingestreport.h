#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fleet::bench {

enum class Receiver { MosquittoSub, FleetMqttClient, MqttJs };

QString receiverName(Receiver receiver);
QString receiverKey(Receiver receiver); // for client ids and file names

// One receiver on one stream.
struct RunResult
{
    Receiver receiver = Receiver::MosquittoSub;
    int qos = 0;
    int repetition = 0;
    qsizetype expected = 0;
    qsizetype received = 0;
    // All messages arrived and the receiver exited by itself.
    bool complete = false;
    // mosquitto_sub stopped short: its count comes from /proc/PID/io (see the report's method).
    bool receivedFromCounters = false;
    // mosquitto logged "Outgoing messages are being dropped" for this client.
    bool brokerDropped = false;
    // False: the run failed, and error says why.
    bool measured = false;
    double wallSeconds = 0;
    double cpuSeconds = 0;
    double peakRssMiB = 0;
    double brokerCpuSeconds =
        -1; // mosquitto's CPU time from the first publish to the receiver's end; -1: unknown
    QString error;

    double rate() const { return wallSeconds > 0 ? double(received) / wallSeconds : 0; }
};

// All runs of one receiver at one QoS, and the one reported.
struct ReceiverSummary
{
    Receiver receiver = Receiver::MosquittoSub;
    int qos = 0;
    std::vector<RunResult> runs;
    QString skipped; // non-empty: not run at all, and why

    // The run with the median msgs/s among the measured ones (the lower middle for an even count).
    std::optional<RunResult> median() const;
};

struct StreamSummary
{
    int qos = 0;
    qsizetype count = 0;
    std::vector<ReceiverSummary> receivers;

    const ReceiverSummary *find(Receiver receiver) const;
};

struct BenchEnvironment
{
    QString date;
    int cpus = 0;
    QString cpuModel;
    QString kernel;
    QString mosquittoVersion;
    QString libmosquittoVersion;
    QString qtVersion;
    QString nodeVersion;   // empty: node not found
    QString mqttJsVersion; // empty: not installed
};

struct BenchReport
{
    BenchEnvironment environment;
    std::vector<StreamSummary> streams;
    int repetitions = 0;
    int payloadBytes = 0;
    int inFlightWindow = 0; // the publisher's QoS 1 window
    int maxQueued = 0;      // mosquitto's max_queued_messages; 0: its default
    bool quick = false;
    QStringList notes; // problems met on the way: skipped receivers, failed runs, budget exhausted
};

// Plain-text tables for the terminal.
QString formatText(const BenchReport &report);
// The Markdown section that goes between the ingest markers of docs/benchmarks.md.
QString formatMarkdown(const BenchReport &report);
// Replaces the text between <!-- ingest:begin --> and <!-- ingest:end --> in path, creating the file (with a
// short header) or appending the section when there is none yet.
bool writeReportSection(const QString &path, const QString &markdown, QString *error);

} // namespace fleet::bench
