#pragma once

#include "commands/commandexecution.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace fleet {

class ApprovalQueue;
class CommandLedger;
class CommandTracker;
class FleetRegistry;

// The figures of the fleet overview, the first thing an operator sees: how many devices are online, offline,
// never heard of, and whose state is only the last known (the console is not connected); how many shadows
// wait for their device (desired differs from reported); what became of the commands over a recent window,
// by outcome over time and by command; the devices that failed most; the approvals waiting. Raw numbers only:
// the view words them.
//
// Its sources are passed in, not owned, and any may be null: a FleetRegistry, a CommandTracker (and, with
// loadHistory(), the ledger's recent executions, so that a restarted console still shows the last hour), an
// ApprovalQueue. Whether the console is connected is an input too (setConnected()), as it is for the device
// table.
//
// The sources change at telemetry rates, so nothing is counted on their signals: they only note what changed,
// and the figures are worked out at most once per throttleMs() (1 s), then announced by one changed(). The
// device counts are kept per registry row and adjusted for the rows that changed, so a turn in which 10 of
// 100,000 devices report costs 10 reads; the commands are a copy of each execution's few fields (at most
// MaxExecutions, within MaxWindowMs), re-read only when the tracker signals them. Buckets are aligned on
// multiples of bucketMs(), so the window moves only at a bucket's boundary, where a timer recounts.
class FleetOverview final : public QObject
{
    Q_OBJECT

public:
    using State = CommandExecution::State;

    struct DeviceCounts
    {
        int total = 0;
        int online = 0;
        int offline = 0;
        int unknown = 0; // never reported their presence
        // Online or offline as last known only: all of those while the console is not connected, else 0.
        int stale = 0;
        int outOfSync = 0;     // devices whose shadow has desired keys not yet reported
        int differingKeys = 0; // those keys, summed over them

        friend bool operator==(const DeviceCounts &, const DeviceCounts &) = default;
    };

    // Verdicts given in [startMs, startMs + bucketMs()), by state (final states only; absent means 0).
    struct OutcomeBucket
    {
        qint64 startMs = 0;
        QMap<State, int> counts;

        int total() const;
        friend bool operator==(const OutcomeBucket &, const OutcomeBucket &) = default;
    };

    // One command name over the window: its verdicts, and those still under way (whatever their age).
    struct CommandStats
    {
        QString command;
        int verdicts = 0;
        int succeeded = 0;
        int failures = 0; // isFailure() verdicts
        int inProgress = 0;

        // succeeded / verdicts, 0 without a verdict.
        double successShare() const { return verdicts > 0 ? double(succeeded) / verdicts : 0.0; }
        friend bool operator==(const CommandStats &, const CommandStats &) = default;
    };

    struct DeviceFailures
    {
        QString device;
        int failures = 0;
        qint64 lastFailureMs = 0;
        State lastState = State::Failed;
        QString lastReason;

        friend bool operator==(const DeviceFailures &, const DeviceFailures &) = default;
    };

    struct Approvals
    {
        int pending = 0; // every request still waiting for a decision
        int forMe = 0;   // those this console's user may decide on (not their own)
        int mine = 0;    // this user's own requests, waiting for someone else

        friend bool operator==(const Approvals &, const Approvals &) = default;
    };

    static constexpr qint64 DefaultWindowMs = 60 * 60 * 1000;
    static constexpr qint64 DefaultBucketMs = 5 * 60 * 1000;
    // Executions are remembered this long after their verdict, the longest window offered.
    static constexpr qint64 MaxWindowMs = 24 * 60 * 60 * 1000;
    // At most this many executions are remembered (about 100 bytes each); the oldest verdicts go first.
    static constexpr qsizetype MaxExecutions = 100'000;
    static constexpr int DefaultThrottleMs = 1000;
    static constexpr int TopFailingDevices = 10;

    FleetOverview(FleetRegistry *registry, CommandTracker *tracker, ApprovalQueue *approvals,
                  QObject *parent = nullptr);
    ~FleetOverview() override;

    // Whether the console hears the broker: without it, devices' connectivity is only the last known.
    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }

    // The window is rounded up to whole buckets and capped at MaxWindowMs; bucketMs is at least one second.
    void setWindow(qint64 windowMs, qint64 bucketMs);
    qint64 windowMs() const { return m_bucketMs * m_bucketCount; }
    qint64 bucketMs() const { return m_bucketMs; }
    int throttleMs() const { return m_throttle.interval(); }
    void setThrottleMs(int ms);
    qsizetype maxExecutions() const { return m_maxExecutions; }
    // At least 1; tests lower it.
    void setMaxExecutions(qsizetype executions) { m_maxExecutions = std::max<qsizetype>(executions, 1); }
    // Milliseconds since the epoch; tests replace it.
    void setClock(std::function<qint64()> clock);

    // Adds the ledger's latest executions (up to limit) that the tracker has not signalled, within
    // MaxWindowMs. Returns how many were read, or -1 with error set when the ledger cannot be read.
    int loadHistory(CommandLedger &ledger, int limit, QString *error = nullptr);

    // Works the figures out now (rather than at the end of the throttle) and emits changed().
    void recompute();

    const DeviceCounts &devices() const { return m_devices; }
    // The window's buckets, oldest first; the last one holds now.
    const QList<OutcomeBucket> &outcomes() const { return m_outcomes; }
    // Every command with a verdict in the window or under way, most used first (then by name).
    const QList<CommandStats> &commands() const { return m_commands; }
    // The TopFailingDevices devices with the most failures in the window, most first (then the latest).
    const QList<DeviceFailures> &mostFailures() const { return m_mostFailures; }
    const Approvals &approvals() const { return m_approvals; }
    // Executions without a verdict, of any age.
    int inProgress() const { return m_inProgress; }
    // Failures (isFailure()) in the window, fleet-wide.
    int failures() const { return m_failures; }
    // When the figures were last worked out, by the clock.
    qint64 computedAtMs() const { return m_computedAtMs; }

    // A verdict that counts against a device: it failed, timed out or could not be reached. A rejection or a
    // cancellation is a person's decision, not the device's fault.
    static bool isFailure(State state);
    // The states the outcome chart stacks, in its order.
    static QList<State> outcomeStates();

Q_SIGNALS:
    void changed();

private:
    // What the overview keeps of one execution.
    struct Entry
    {
        QString device;
        QString command;
        QString reason;
        State state = State::Queued;
        qint64 verdictMs = 0; // 0 without a verdict
    };

    struct RowState
    {
        quint8 connectivity = 0; // a Device::Connectivity
        int differingKeys = 0;   // 0 when in sync or unknown
    };

    static Entry entryOf(const CommandExecution &execution);
    void schedule();
    void readDevices();
    void count(const RowState &row, int sign);
    void readExecutions();
    void prune(qint64 now);
    void countCommands(qint64 now);
    void countApprovals(qint64 now);
    void armSlideTimer(qint64 now);
    qint64 now() const { return m_clock(); }

    QPointer<FleetRegistry> m_registry;
    QPointer<CommandTracker> m_tracker;
    QPointer<ApprovalQueue> m_approvalQueue;
    std::function<qint64()> m_clock;
    bool m_connected = false;
    qsizetype m_maxExecutions = MaxExecutions;
    qint64 m_bucketMs = DefaultBucketMs;
    int m_bucketCount = int(DefaultWindowMs / DefaultBucketMs);

    // Per registry row, as last counted; rows never move, so the list only grows.
    QList<RowState> m_rows;
    QSet<int> m_changedRows; // at most one per registry row
    QHash<QString, Entry> m_entries;
    QSet<QString> m_changedIds; // bounded as the tracker bounds its executions

    QTimer m_throttle;
    QTimer m_slide;

    DeviceCounts m_devices;
    QList<OutcomeBucket> m_outcomes;
    QList<CommandStats> m_commands;
    QList<DeviceFailures> m_mostFailures;
    Approvals m_approvals;
    int m_inProgress = 0;
    int m_failures = 0;
    qint64 m_computedAtMs = 0;
};

} // namespace fleet
