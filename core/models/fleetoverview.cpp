#include "fleetoverview.h"

#include "commands/approvalqueue.h"
#include "commands/commandtracker.h"
#include "fleet/device.h"
#include "fleet/fleetregistry.h"
#include "store/commandledger.h"

#include <QDateTime>

#include <algorithm>

namespace fleet {

int FleetOverview::OutcomeBucket::total() const
{
    int sum = 0;
    for (const int n : counts)
        sum += n;
    return sum;
}

FleetOverview::FleetOverview(FleetRegistry *registry, CommandTracker *tracker, ApprovalQueue *approvals,
                             QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_tracker(tracker)
    , m_approvalQueue(approvals)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(DefaultThrottleMs);
    connect(&m_throttle, &QTimer::timeout, this, &FleetOverview::recompute);
    m_slide.setSingleShot(true);
    connect(&m_slide, &QTimer::timeout, this, &FleetOverview::recompute);

    if (m_registry) {
        // New rows are found by the count at the next recompute: the registry appends before it announces.
        connect(m_registry, &FleetRegistry::devicesAdded, this, &FleetOverview::schedule);
        connect(m_registry, &FleetRegistry::devicesChanged, this, [this](const QList<int> &rows) {
            for (const int row : rows) {
                if (row < m_rows.size())
                    m_changedRows.insert(row);
            }
            schedule();
        });
    }
    if (m_tracker) {
        connect(m_tracker, &CommandTracker::executionChanged, this, [this](const QString &id) {
            m_changedIds.insert(id);
            schedule();
        });
        // What the tracker already follows (a resumed execution, one sent before the overview existed).
        for (const CommandExecution &execution : m_tracker->executions())
            m_entries.insert(execution.id, entryOf(execution));
    }
    if (m_approvalQueue) {
        connect(m_approvalQueue, &ApprovalQueue::requestChanged, this, &FleetOverview::schedule);
        connect(m_approvalQueue, &ApprovalQueue::requestRemoved, this, &FleetOverview::schedule);
        connect(m_approvalQueue, &ApprovalQueue::gateChanged, this, &FleetOverview::schedule);
    }
    schedule();
}

FleetOverview::~FleetOverview() = default;

void FleetOverview::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    schedule();
}

void FleetOverview::setWindow(qint64 windowMs, qint64 bucketMs)
{
    m_bucketMs = std::max<qint64>(bucketMs, 1000);
    windowMs = std::clamp<qint64>(windowMs, m_bucketMs, MaxWindowMs);
    m_bucketCount = int((windowMs + m_bucketMs - 1) / m_bucketMs);
    schedule();
}

void FleetOverview::setThrottleMs(int ms)
{
    m_throttle.setInterval(std::max(ms, 0));
}

void FleetOverview::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

int FleetOverview::loadHistory(CommandLedger &ledger, int limit, QString *error)
{
    const std::optional<QList<CommandExecution>> recent = ledger.recent(limit);
    // Damaged records are left out of recent() and named in its error; the rest loads.
    if (error)
        *error = ledger.errorString();
    if (!recent)
        return -1;
    const qint64 oldest = now() - MaxWindowMs;
    for (const CommandExecution &execution : *recent) {
        // The tracker's copy, or its latest news, is newer than the ledger's.
        if (m_entries.contains(execution.id) || m_changedIds.contains(execution.id))
            continue;
        const Entry entry = entryOf(execution);
        if (entry.verdictMs == 0 || entry.verdictMs >= oldest)
            m_entries.insert(execution.id, entry);
    }
    schedule();
    return int(recent->size());
}

FleetOverview::Entry FleetOverview::entryOf(const CommandExecution &execution)
{
    Entry entry;
    entry.device = execution.device;
    entry.command = execution.command;
    entry.reason = execution.reason;
    entry.state = execution.state;
    // The verdict is the last transition; an execution restored without its transitions counts from its
    // creation, or not at all.
    if (execution.isFinal())
        entry.verdictMs = execution.transitions.isEmpty() ? 0 : execution.transitions.last().timeMs;
    return entry;
}

bool FleetOverview::isFailure(State state)
{
    return state == State::Failed || state == State::TimedOut || state == State::Unreachable;
}

QList<FleetOverview::State> FleetOverview::outcomeStates()
{
    return {State::Succeeded,   State::Failed,   State::TimedOut,
            State::Unreachable, State::Rejected, State::Cancelled};
}

void FleetOverview::schedule()
{
    if (!m_throttle.isActive())
        m_throttle.start();
}

void FleetOverview::recompute()
{
    m_throttle.stop();
    const qint64 t = now();
    readDevices();
    readExecutions();
    prune(t);
    countCommands(t);
    countApprovals(t);
    m_computedAtMs = t;
    armSlideTimer(t);
    Q_EMIT changed();
}

void FleetOverview::count(const RowState &row, int sign)
{
    switch (Device::Connectivity(row.connectivity)) {
    case Device::Connectivity::Online:
        m_devices.online += sign;
        break;
    case Device::Connectivity::Offline:
        m_devices.offline += sign;
        break;
    case Device::Connectivity::Unknown:
        m_devices.unknown += sign;
        break;
    }
    if (row.differingKeys > 0) {
        m_devices.outOfSync += sign;
        m_devices.differingKeys += sign * row.differingKeys;
    }
}

void FleetOverview::readDevices()
{
    const int total = m_registry ? m_registry->count() : 0;
    const auto read = [this](int row) {
        const Device device = m_registry->summaryAt(row);
        RowState state;
        state.connectivity = quint8(device.connectivity);
        state.differingKeys = device.shadow.known && !device.shadow.inSync
                                  ? std::max(device.shadow.differingDesiredKeys, 1)
                                  : 0;
        return state;
    };
    for (const int row : std::as_const(m_changedRows)) {
        if (row >= total)
            continue;
        count(m_rows.at(row), -1);
        m_rows[row] = read(row);
        count(m_rows.at(row), +1);
    }
    m_changedRows.clear();
    m_rows.reserve(total);
    for (int row = int(m_rows.size()); row < total; ++row) {
        m_rows.append(read(row));
        count(m_rows.last(), +1);
    }
    m_devices.total = int(m_rows.size());
    m_devices.stale = m_connected ? 0 : m_devices.online + m_devices.offline;
}

void FleetOverview::readExecutions()
{
    if (m_tracker) {
        for (const QString &id : std::as_const(m_changedIds)) {
            // One the tracker has already dropped keeps its last copy here: a finished execution does not
            // change.
            if (const std::optional<CommandExecution> execution = m_tracker->execution(id))
                m_entries.insert(id, entryOf(*execution));
        }
    }
    m_changedIds.clear();
}

void FleetOverview::prune(qint64 t)
{
    const qint64 oldest = t - MaxWindowMs;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->verdictMs != 0 && it->verdictMs < oldest)
            it = m_entries.erase(it);
        else
            ++it;
    }
    if (m_entries.size() <= m_maxExecutions)
        return;
    // Past the bound the oldest verdicts go, whatever the window: one sort in a rare case beats keeping the
    // entries ordered on every change.
    QList<qint64> times;
    times.reserve(m_entries.size());
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.verdictMs != 0)
            times.append(entry.verdictMs);
    }
    const qsizetype excess = m_entries.size() - m_maxExecutions;
    if (times.isEmpty() || excess <= 0)
        return;
    const qsizetype cut = std::min(excess, times.size()) - 1;
    std::nth_element(times.begin(), times.begin() + cut, times.end());
    const qint64 threshold = times.at(cut);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->verdictMs != 0 && it->verdictMs <= threshold)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void FleetOverview::countCommands(qint64 t)
{
    const qint64 firstStart = (t / m_bucketMs - (m_bucketCount - 1)) * m_bucketMs;
    m_outcomes.clear();
    m_outcomes.reserve(m_bucketCount);
    for (int i = 0; i < m_bucketCount; ++i) {
        OutcomeBucket bucket;
        bucket.startMs = firstStart + i * m_bucketMs;
        m_outcomes.append(bucket);
    }
    QHash<QString, CommandStats> commands;
    QHash<QString, DeviceFailures> failing;
    m_inProgress = 0;
    m_failures = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.verdictMs == 0) {
            if (CommandExecution::isFinal(entry.state))
                continue; // a verdict of unknown time belongs to no window
            ++m_inProgress;
            CommandStats &stats = commands[entry.command];
            stats.command = entry.command;
            ++stats.inProgress;
            continue;
        }
        if (entry.verdictMs < firstStart)
            continue;
        // A verdict stamped ahead of the clock (another machine's ledger) counts in the current bucket.
        const qsizetype bucket =
            std::min<qsizetype>((entry.verdictMs - firstStart) / m_bucketMs, m_bucketCount - 1);
        ++m_outcomes[bucket].counts[entry.state];
        CommandStats &stats = commands[entry.command];
        stats.command = entry.command;
        ++stats.verdicts;
        if (entry.state == State::Succeeded)
            ++stats.succeeded;
        if (!isFailure(entry.state))
            continue;
        ++stats.failures;
        ++m_failures;
        DeviceFailures &device = failing[entry.device];
        device.device = entry.device;
        ++device.failures;
        if (entry.verdictMs >= device.lastFailureMs) {
            device.lastFailureMs = entry.verdictMs;
            device.lastState = entry.state;
            device.lastReason = entry.reason;
        }
    }

    m_commands = commands.values();
    std::sort(m_commands.begin(), m_commands.end(), [](const CommandStats &a, const CommandStats &b) {
        const int usesA = a.verdicts + a.inProgress;
        const int usesB = b.verdicts + b.inProgress;
        return usesA != usesB ? usesA > usesB : a.command < b.command;
    });
    m_mostFailures = failing.values();
    const auto worse = [](const DeviceFailures &a, const DeviceFailures &b) {
        if (a.failures != b.failures)
            return a.failures > b.failures;
        if (a.lastFailureMs != b.lastFailureMs)
            return a.lastFailureMs > b.lastFailureMs;
        return a.device < b.device;
    };
    const qsizetype top = std::min<qsizetype>(TopFailingDevices, m_mostFailures.size());
    std::partial_sort(m_mostFailures.begin(), m_mostFailures.begin() + top, m_mostFailures.end(), worse);
    m_mostFailures.resize(top);
}

void FleetOverview::countApprovals(qint64 t)
{
    m_approvals = Approvals();
    if (!m_approvalQueue)
        return;
    const QString me = m_approvalQueue->identity();
    for (const ApprovalRequest &request : m_approvalQueue->requests()) {
        if (!request.isPending() || request.isExpired(t))
            continue;
        ++m_approvals.pending;
        // As the status bar counts them: those this user may decide on are what "waiting" means to them.
        if (m_approvalQueue->canDecide(request.id))
            ++m_approvals.forMe;
        if (!me.isEmpty() && request.requester == me)
            ++m_approvals.mine;
    }
}

void FleetOverview::armSlideTimer(qint64 t)
{
    // The next bucket's boundary moves the window; pending requests may expire meanwhile too, which a
    // boundary at most bucketMs away catches soon enough.
    const qint64 next = (t / m_bucketMs + 1) * m_bucketMs;
    m_slide.start(int(std::clamp<qint64>(next - t, 1, m_bucketMs)));
}

} // namespace fleet
