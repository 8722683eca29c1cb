#pragma once

#include "latencyrecorder.h"

#include <QString>
#include <QStringList>

namespace fleet::bench {

// What one way of reaching every device achieved: a bare client's requests and replies, or a
// CommandTracker's executions and verdicts (Atlas requests, or AWS IoT command executions). A plain value,
// filled by RawFanout or TrackerFanout and put into tables by FanoutBenchmark.
struct FanoutResult
{
    QString name;
    bool tracked = false; // verdicts of a CommandTracker, rather than replies counted by a bare client
    bool group = false;   // one request on the group's topic, rather than one per device
    bool ledger = false;  // the tracker recorded every change in a CommandLedger
    bool hub = false;     // a fleet-hub process was on the broker during the run
    bool gate = false;    // the tracker submitted through fleet-hub's command gate (it relays each request)
    bool aws = false;     // AWS IoT command executions started through fleet-hub's AWS IoT commands service
    bool ran = false;     // false: skipped (no time left) or could not start; error says why
    QString error;
    int devices = 0;
    int requests = 0;  // requests published (raw), executions created or group parts seen (tracker)
    int completed = 0; // replies counted (raw), executions with a verdict (tracker)
    // From the send until the last reply or verdict; -1 when not every device got that far in time.
    double seconds = -1;
    double sendSeconds = -1;  // how long the send call itself kept the event loop (tracker)
    double waitedSeconds = 0; // until completion or the deadline
    QString runSeconds;       // every repetition's time, when this is their median
    LatencyRecorder latency;  // per request: created (raw: the send) until its reply or verdict

    // Verdicts, and what is wrong with them.
    int succeeded = 0;
    int failed = 0;
    int timedOut = 0;
    int unreachable = 0;
    int otherStates = 0; // any other verdict (cancelled, rejected): never expected here
    int lost = 0;        // devices whose request got no reply (raw) or no verdict (tracker) in time
    QString lostStates;  // where the tracker's lost ones stand, e.g. "queued 1,455, sent 100"
    int wrong = 0;       // verdicts or replies that are not right (problems names the first few)
    QStringList problems;
    int unmatchedReplies = 0; // replies the tracker could not match to an execution
    int retried = 0;          // executions sent more than once (same tid) before their verdict
    int neverSent = 0;        // verdicts given before a single request went out (queued behind the window)
    int duplicateReplies = 0; // the devices' answers to those retries, kept flagged by the tracker
    int windowFull = 0;       // times the client's in-flight window filled up and made the sender wait

    // Through the gate: its answers on fleet/gate/results/USER by the end of the run, by outcome.
    int gateRelayed = 0;
    int gateRefused = 0; // each one is also a Failed verdict (the tracker is told, as the console does)
    int gateOtherResults = 0;

    // AWS IoT commands: fleet-hub's answers to the starts on fleet/aws-commands/results/USER, read off the
    // wire after the run.
    int awsCreated = 0; // an execution created (status CREATED)
    int awsRefused = 0; // an error answer (each one is also a Failed verdict)

    // CPU seconds (user + system) over the same span.
    double driverCpuSeconds = -1; // this process: the client under test, the tracker, the ledger
    double brokerCpuSeconds = -1;
    double simCpuSeconds = -1;
    double hubCpuSeconds = -1; // fleet-hub, when it was running

    void addProblem(const QString &problem)
    {
        ++wrong;
        // The first few say what kind of wrong it is; thousands would only bury that.
        if (problems.size() < 5)
            problems.append(problem);
    }
};

} // namespace fleet::bench
