#include "commandtimelinemodel.h"

#include "commands/commandtracker.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace fleet {

static_assert(CommandTimelineModel::DefaultMaxRows == 2 * CommandTracker::MaxExecutions);

namespace {

// What a changed row may have changed: every role data() answers.
const QList<int> &changedRoles()
{
    static const QList<int> roles = {Qt::DisplayRole,
                                     CommandTimelineModel::ExecutionIdRole,
                                     CommandTimelineModel::CreatedRole,
                                     CommandTimelineModel::DeviceRole,
                                     CommandTimelineModel::CommandRole,
                                     CommandTimelineModel::StateRole,
                                     CommandTimelineModel::AttemptsRole,
                                     CommandTimelineModel::DurationRole,
                                     CommandTimelineModel::ReasonRole,
                                     CommandTimelineModel::FinishedRole,
                                     CommandTimelineModel::BroadcastIdRole,
                                     CommandTimelineModel::GroupRole,
                                     CommandTimelineModel::RequestedByRole};
    return roles;
}

qint64 wallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Calls emitRun(first, last) for each contiguous run of the ascending rows.
template<typename EmitRun>
void forEachRun(const QList<int> &rows, EmitRun &&emitRun)
{
    qsizetype i = 0;
    while (i < rows.size()) {
        const int first = rows.at(i);
        int last = first;
        ++i;
        while (i < rows.size() && rows.at(i) == last + 1)
            last = rows.at(i++);
        emitRun(first, last);
    }
}

} // namespace

CommandTimelineModel::Row CommandTimelineModel::Row::of(const CommandExecution &execution)
{
    Row row;
    row.id = execution.id;
    row.device = execution.device;
    row.command = execution.command;
    row.reason = execution.reason;
    row.broadcastId = execution.broadcastId;
    row.group = execution.group;
    row.requestedBy = execution.requestedBy;
    row.createdMs = execution.createdMs();
    // States only move forward and nothing follows the verdict, so its transition is the last one.
    row.finishedMs =
        execution.isFinal() && !execution.transitions.isEmpty() ? execution.transitions.last().timeMs : 0;
    row.state = execution.state;
    row.attempts = execution.attempts;
    return row;
}

CommandTimelineModel::CommandTimelineModel(CommandTracker *tracker, QObject *parent)
    : QAbstractTableModel(parent)
    , m_tracker(tracker)
    , m_flushTimer(this)
    , m_durationTimer(this)
    , m_clock(wallClock)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &CommandTimelineModel::flush);
    m_durationTimer.setInterval(m_durationRefreshMs);
    connect(&m_durationTimer, &QTimer::timeout, this, &CommandTimelineModel::onDurationTick);
    if (!tracker)
        return;

    // What the tracker follows already, in creation order (the newest, past the bound).
    const QList<CommandExecution> executions = tracker->executions();
    for (qsizetype i = std::max<qsizetype>(0, executions.size() - m_maxRows); i < executions.size(); ++i) {
        m_sequence.insert(executions.at(i).id, m_rows.size());
        m_rows.append(Row::of(executions.at(i)));
    }
    connect(tracker, &CommandTracker::executionChanged, this, &CommandTimelineModel::onExecutionChanged);
    connect(tracker, &QObject::destroyed, this, &CommandTimelineModel::onTrackerDestroyed);
    updateDurationTimer();
}

CommandTimelineModel::~CommandTimelineModel() = default;

CommandTracker *CommandTimelineModel::tracker() const
{
    return m_tracker;
}

int CommandTimelineModel::loadHistory(CommandLedger &ledger, int limit, QString *error)
{
    limit = std::min(limit, m_maxRows - rowCount());
    if (limit <= 0)
        return 0;
    const std::optional<QList<CommandExecution>> recent = ledger.recent(limit);
    // Damaged records are left out of recent() and named in its error; the rest loads.
    if (error)
        *error = ledger.errorString();
    if (!recent)
        return -1;

    QList<Row> rows;
    // recent() is newest first; the timeline is oldest first.
    for (auto it = recent->crbegin(); it != recent->crend(); ++it) {
        // An execution the tracker signalled this turn is live, not history: it gets its row at the flush,
        // after the others.
        if (!m_sequence.contains(it->id) && !m_pendingSet.contains(it->id))
            rows.append(Row::of(*it));
    }
    if (rows.isEmpty())
        return 0;
    beginInsertRows(QModelIndex(), 0, int(rows.size()) - 1);
    m_firstSequence -= rows.size();
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_sequence.insert(rows.at(i).id, m_firstSequence + i);
    m_rows = rows + m_rows;
    endInsertRows();
    updateDurationTimer();
    return int(rows.size());
}

void CommandTimelineModel::setMaxRows(int rows)
{
    m_maxRows = std::max(rows, 1);
    if (rowCount() > m_maxRows)
        removeOldest(rowCount() - m_maxRows);
}

void CommandTimelineModel::setDurationRefreshMs(int ms)
{
    m_durationRefreshMs = std::max(ms, 0);
    m_durationTimer.stop();
    if (m_durationRefreshMs > 0)
        m_durationTimer.setInterval(m_durationRefreshMs);
    updateDurationTimer();
}

void CommandTimelineModel::setClock(std::function<qint64()> clock)
{
    m_clock = clock ? std::move(clock) : std::function<qint64()>(wallClock);
}

int CommandTimelineModel::rowOf(const QString &executionId) const
{
    const auto it = m_sequence.constFind(executionId);
    return it == m_sequence.cend() ? -1 : int(*it - m_firstSequence);
}

int CommandTimelineModel::rawRole(int column)
{
    switch (column) {
    case CreatedColumn:
        return CreatedRole;
    case DeviceColumn:
        return DeviceRole;
    case CommandColumn:
        return CommandRole;
    case StateColumn:
        return StateRole;
    case AttemptsColumn:
        return AttemptsRole;
    case DurationColumn:
        return DurationRole;
    case ReasonColumn:
        return ReasonRole;
    default:
        return -1;
    }
}

void CommandTimelineModel::flush()
{
    m_flushTimer.stop();
    const QList<QString> pending = std::exchange(m_pending, {});
    m_pendingSet.clear();
    if (!m_tracker)
        return;

    QList<Row> added;
    QList<int> changed;
    for (const QString &id : pending) {
        const std::optional<CommandExecution> execution = m_tracker->execution(id);
        const int row = rowOf(id);
        if (row < 0) {
            if (execution)
                added.append(Row::of(*execution));
            continue;
        }
        // Gone from the tracker: the row keeps its last copy.
        if (!execution)
            continue;
        Row updated = Row::of(*execution);
        // A duplicate or late reply changes the execution, not what the timeline shows.
        if (updated == m_rows.at(row))
            continue;
        m_rows[row] = std::move(updated);
        changed.append(row);
    }

    // Changes first: the insert may remove the oldest rows, which renumbers the rest.
    std::sort(changed.begin(), changed.end());
    forEachRun(changed, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), changedRoles());
    });
    appendRows(added);
    updateDurationTimer();
}

void CommandTimelineModel::appendRows(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    // More new rows than the bound keeps the newest; past it, the oldest rows make room.
    const qsizetype skipped = std::max<qsizetype>(rows.size() - m_maxRows, 0);
    const qsizetype incoming = rows.size() - skipped;
    if (const qsizetype excess = m_rows.size() + incoming - m_maxRows; excess > 0)
        removeOldest(int(excess));
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(incoming) - 1);
    for (qsizetype i = skipped; i < rows.size(); ++i) {
        m_sequence.insert(rows.at(i).id, m_firstSequence + m_rows.size());
        m_rows.append(rows.at(i));
    }
    endInsertRows();
}

void CommandTimelineModel::removeOldest(int count)
{
    count = std::min(count, int(m_rows.size()));
    if (count <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, count - 1);
    for (int i = 0; i < count; ++i)
        m_sequence.remove(m_rows.at(i).id);
    m_rows.remove(0, count);
    m_firstSequence += count;
    endRemoveRows();
}

void CommandTimelineModel::onExecutionChanged(const QString &id)
{
    if (m_pendingSet.contains(id))
        return;
    m_pendingSet.insert(id);
    m_pending.append(id);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CommandTimelineModel::onTrackerDestroyed()
{
    // The timeline is the tracker's: without it nothing would ever finish, and durations would run forever.
    beginResetModel();
    m_rows.clear();
    m_sequence.clear();
    m_firstSequence = 0;
    m_pending.clear();
    m_pendingSet.clear();
    m_flushTimer.stop();
    m_durationTimer.stop();
    endResetModel();
}

void CommandTimelineModel::onDurationTick()
{
    QList<int> running;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (!CommandExecution::isFinal(m_rows.at(row).state))
            running.append(int(row));
    }
    if (running.isEmpty()) {
        m_durationTimer.stop();
        return;
    }
    static const QList<int> roles = {Qt::DisplayRole, DurationRole};
    forEachRun(running, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, DurationColumn), index(last, DurationColumn), roles);
    });
}

void CommandTimelineModel::updateDurationTimer()
{
    const bool running = m_durationRefreshMs > 0 &&
                         std::any_of(m_rows.cbegin(), m_rows.cend(),
                                     [](const Row &r) { return !CommandExecution::isFinal(r.state); });
    if (!running)
        m_durationTimer.stop();
    else if (!m_durationTimer.isActive())
        m_durationTimer.start();
}

qint64 CommandTimelineModel::durationOf(const Row &row) const
{
    if (row.createdMs == 0)
        return 0;
    return std::max<qint64>((row.finishedMs ? row.finishedMs : m_clock()) - row.createdMs, 0);
}

int CommandTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ExecutionIdRole:
        return row.id;
    case CreatedRole:
        return row.createdMs;
    case DeviceRole:
        return row.device;
    case CommandRole:
        return row.command;
    case StateRole:
        return int(row.state);
    case AttemptsRole:
        return row.attempts;
    case DurationRole:
        return durationOf(row);
    case ReasonRole:
        return row.reason;
    case FinishedRole:
        return row.finishedMs;
    case BroadcastIdRole:
        return row.broadcastId;
    case GroupRole:
        return row.group;
    case RequestedByRole:
        return row.requestedBy;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case CreatedColumn:
        return timeText(row.createdMs);
    case DeviceColumn:
        return row.device;
    case CommandColumn:
        return row.command;
    case StateColumn:
        return CommandExecution::stateText(row.state);
    case AttemptsColumn:
        return row.attempts;
    case DurationColumn:
        return durationText(durationOf(row));
    case ReasonColumn:
        return row.reason;
    default:
        return {};
    }
}

QVariant CommandTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Created", "command timeline column");
    case DeviceColumn:
        return tr("Device", "command timeline column");
    case CommandColumn:
        return tr("Command", "command timeline column");
    case StateColumn:
        return tr("State", "command timeline column");
    case AttemptsColumn:
        return tr("Attempts", "command timeline column");
    case DurationColumn:
        return tr("Duration", "command timeline column");
    case ReasonColumn:
        return tr("Reason", "command timeline column");
    default:
        return {};
    }
}

QHash<int, QByteArray> CommandTimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ExecutionIdRole, "executionId");
    names.insert(CreatedRole, "created");
    names.insert(DeviceRole, "device");
    names.insert(CommandRole, "command");
    names.insert(StateRole, "state");
    names.insert(AttemptsRole, "attempts");
    names.insert(DurationRole, "duration");
    names.insert(ReasonRole, "reason");
    names.insert(FinishedRole, "finished");
    names.insert(BroadcastIdRole, "broadcastId");
    names.insert(GroupRole, "group");
    names.insert(RequestedByRole, "requestedBy");
    return names;
}

QString CommandTimelineModel::timeText(qint64 msecs)
{
    // Milliseconds: the steps of one command are often within the same second.
    return msecs ? QDateTime::fromMSecsSinceEpoch(msecs).toString(Qt::ISODateWithMs) : QString();
}

QString CommandTimelineModel::durationText(qint64 msecs)
{
    constexpr qint64 Second = 1000;
    constexpr qint64 Minute = 60 * Second;
    constexpr qint64 Hour = 60 * Minute;
    if (msecs < Second)
        return tr("%1 ms", "duration").arg(msecs);
    if (msecs < Minute)
        return tr("%1 s", "duration").arg(QLocale().toString(double(msecs) / Second, 'f', 1));
    if (msecs < Hour)
        return tr("%1 min %2 s", "duration").arg(msecs / Minute).arg(msecs % Minute / Second);
    return tr("%1 h %2 min", "duration").arg(msecs / Hour).arg(msecs % Hour / Minute);
}

} // namespace fleet
