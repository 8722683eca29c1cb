#pragma once

#include "eventwait.h"
#include "fanoutresult.h"

#include <QList>
#include <QObject>
#include <QString>

#include <vector>

namespace fleet::bench {

// One command to a whole fleet: per fleet size, a private mosquitto and a real fleet-sim process with that
// many devices, all online, then in this process a warm-up; the bare-client reference (RawFanout) and
// CommandTracker's sendToDevices() (TrackerFanout), and the same two as a group broadcast, each pair a few
// times in alternating order with the median reported, since on a shared machine one run is noise; and last,
// once, CommandTracker with a CommandLedger, which is the slowest and so gets whatever time is left. Before
// the ledger's run, with a fleet-hub process started on the same broker for them alone, in rotating order:
// the same direct send with the hub running, CommandTracker through the hub's command gate, and an AWS IoT
// command (show_message) to the same number of things, each execution started through the hub's AWS IoT
// commands service (issue 14: reported against the Atlas row). Every size is bounded by a deadline; the
// children are stopped by PID.
class FanoutBenchmark final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QList<int> sizes = {1000, 10000};
        // Per size, from starting its broker to the last measurement; at 10,000 devices the AWS IoT commands'
        // runs take about 15 s each, and the ledger's run, last, gets what is left.
        int deadlineSeconds = 240;
        int maxInFlight = 100; // MqttClient's default window of unacknowledged QoS 1 publishes
        int repetitions = 3;   // of each bare/tracker pair; the median is reported (the ledger's runs once)
        bool ledger = true;
        bool group = true;
        bool gate = true; // through fleet-hub's command gate
        bool aws = true;  // AWS IoT commands through fleet-hub's AWS IoT commands service
        // The operator the tracker submits to the gate and starts AWS IoT commands as.
        QString user = QStringLiteral("bench");
        QString reportPath; // empty: no report written
    };

    explicit FanoutBenchmark(const Options &options, QObject *parent = nullptr);
    ~FanoutBenchmark() override;

    // Runs everything; 0 when every measurement completed with every verdict right, 1 otherwise.
    int run();

private:
    struct SizeRun
    {
        int devices = 0;
        QString error; // the size could not be measured at all
        QStringList notes;
        double secondsToOnline = -1;
        std::vector<FanoutResult> results;
        int gateRequests = 0;      // requests sent through the gate, warm-up included
        int gateAuditRelayed = -1; // "relayed" rows in the gate's audit log afterwards
        QString gateAudit;
        int awsStarts = 0;     // AWS IoT command executions started, warm-up included
        QString awsExecutions; // the hub's executions by status in its database afterwards
        bool allRight = true;  // every run of every kind, the medians' and the others'
    };

    SizeRun measure(int devices);
    // Waits for the gate's retained fleet/gate/info: its subscriptions are in place by then.
    static bool waitForGate(const QString &brokerUrl, const QString &clientId,
                            SteadyClock::time_point deadline, QString *error);
    // Rows of the gate's audit log by action, read from its database once the hub has stopped.
    static QString gateAuditSummary(const QString &path, int *relayedRows);
    // The AWS IoT command executions in fleet-hub's --commands-db by status, read once the hub has stopped.
    static QString awsExecutionSummary(const QString &path);
    // The run with the median time, with every run's time in runSeconds; a run that is not right is named
    // in sizeRun's notes even when it is not the median.
    static FanoutResult median(const std::vector<FanoutResult> &runs, SizeRun *sizeRun);
    QString markdown(const std::vector<SizeRun> &runs) const;
    // The AWS IoT commands rows against the Atlas rows, and the target; empty without such rows.
    QString awsMarkdown(const std::vector<SizeRun> &runs) const;

    Options m_options;
    QString m_tempDir;
    QString m_fileSystem; // where the ledger's file and fleet-hub's databases live
};

} // namespace fleet::bench
