#include "commandtimelinemodel.h"

#include "commands/commandtracker.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <numeric>
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
                                     CommandTimelineModel::RequestedByRole,
                                     CommandTimelineModel::IsBroadcastRole,
                                     CommandTimelineModel::DoneRole,
                                     CommandTimelineModel::TotalRole,
                                     CommandTimelineModel::SucceededRole};
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

// A child's internal id: its parent's sequence number, offset so that it is never 0 (a top-level row's) even
// for history loaded before the first row (negative sequence numbers).
constexpr qint64 ChildTag = qint64(1) << 40;

using State = CommandExecution::State;

// The state a broadcast's row shows while some of its parts have no verdict: the earliest step any of them
// is at, so that one part awaiting approval or queued is not hidden behind the others' progress.
State unfinishedSummary(const std::array<int, CommandExecution::StateCount> &counts)
{
    for (State state :
         {State::AwaitingApproval, State::Approved, State::Queued, State::Sent, State::Running}) {
        if (counts[int(state)] > 0)
            return state;
    }
    return State::Sent;
}

// ... and once they all have one: Succeeded when every device did, else the most frequent problem.
State finishedSummary(const std::array<int, CommandExecution::StateCount> &counts, int total)
{
    if (total > 0 && counts[int(State::Succeeded)] == total)
        return State::Succeeded;
    State worst = State::TimedOut; // a group request nobody answered
    int most = 0;
    for (State state :
         {State::Failed, State::TimedOut, State::Unreachable, State::Rejected, State::Cancelled}) {
        if (counts[int(state)] > most) {
            most = counts[int(state)];
            worst = state;
        }
    }
    return worst;
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
    : QAbstractItemModel(parent)
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
    connect(tracker, &CommandTracker::broadcastProgress, this, &CommandTimelineModel::onBroadcastProgress);
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
        if (!m_sequence.contains(it->id) && !m_childRow.contains(it->id) && !m_pendingSet.contains(it->id))
            rows.append(Row::of(*it));
    }
    if (rows.isEmpty())
        return 0;
    QList<Row> added;
    QHash<QString, qsizetype> addedParents;
    QHash<QString, QList<Row>> addedChildren;
    for (const Row &row : std::as_const(rows))
        place(row, added, addedParents, addedChildren);
    for (auto it = addedParents.cbegin(); it != addedParents.cend(); ++it)
        added[*it] = broadcastRow(it.key(), &added.at(*it));
    // Older parts of a broadcast already shown join it at its end (sorting puts them in their place).
    QSet<QString> grown;
    for (auto it = addedChildren.cbegin(); it != addedChildren.cend(); ++it) {
        if (appendChildren(it.key(), it.value()))
            grown.insert(it.key());
    }
    const QList<int> changed = refreshBroadcasts(grown);
    for (int row : changed)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), changedRoles());
    if (!added.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(added.size()) - 1);
        m_firstSequence -= added.size();
        for (qsizetype i = 0; i < added.size(); ++i)
            m_sequence.insert(added.at(i).id, m_firstSequence + i);
        m_rows = added + m_rows;
        endInsertRows();
    }
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

void CommandTimelineModel::setNested(bool nested)
{
    if (nested == m_nested)
        return;
    // Every row, in the order the model learned of them (a broadcast's parts where its row is).
    QList<Row> flat;
    flat.reserve(totalRows());
    for (const Row &row : std::as_const(m_rows)) {
        if (row.isBroadcast)
            flat.append(m_children.value(row.id));
        else
            flat.append(row);
    }
    beginResetModel();
    m_nested = nested;
    rebuild(flat);
    endResetModel();
    updateDurationTimer();
}

void CommandTimelineModel::rebuild(const QList<Row> &flat)
{
    m_rows.clear();
    m_sequence.clear();
    m_children.clear();
    m_childRow.clear();
    m_childCount = 0;
    m_firstSequence = 0;
    QList<Row> added;
    QHash<QString, qsizetype> addedParents;
    QHash<QString, QList<Row>> addedChildren; // stays empty: no broadcast has a row yet
    for (const Row &row : flat)
        place(row, added, addedParents, addedChildren);
    for (auto it = addedParents.cbegin(); it != addedParents.cend(); ++it)
        added[*it] = broadcastRow(it.key(), &added.at(*it));
    for (const Row &row : std::as_const(added)) {
        m_sequence.insert(row.id, m_rows.size());
        m_rows.append(row);
    }
}

void CommandTimelineModel::place(Row row, QList<Row> &added, QHash<QString, qsizetype> &addedParents,
                                 QHash<QString, QList<Row>> &addedChildren)
{
    if (!m_nested || row.broadcastId.isEmpty()) {
        added.append(std::move(row));
        return;
    }
    const QString broadcastId = row.broadcastId;
    if (m_sequence.contains(broadcastId)) {
        addedChildren[broadcastId].append(std::move(row));
        return;
    }
    if (!addedParents.contains(broadcastId)) {
        Row parent;
        parent.id = broadcastId;
        parent.broadcastId = broadcastId;
        parent.isBroadcast = true;
        addedParents.insert(broadcastId, added.size());
        added.append(parent);
    }
    // A new broadcast row's parts are in place before its insert, which brings them along.
    QList<Row> &children = m_children[broadcastId];
    if (children.size() >= m_maxRows)
        return; // more parts than the whole bound: the broadcast's row still counts them (see broadcastRow)
    m_childRow.insert(row.id, {broadcastId, int(children.size())});
    children.append(std::move(row));
    ++m_childCount;
}

bool CommandTimelineModel::appendChildren(const QString &broadcastId, const QList<Row> &rows)
{
    const int parentRow = rowOf(broadcastId);
    if (parentRow < 0 || rows.isEmpty())
        return false;
    QList<Row> &children = m_children[broadcastId];
    const qsizetype room = std::max<qsizetype>(m_maxRows - children.size(), 0);
    const qsizetype count = std::min(room, rows.size());
    if (count == 0)
        return false;
    const int first = int(children.size());
    beginInsertRows(index(parentRow, 0), first, first + int(count) - 1);
    for (qsizetype i = 0; i < count; ++i) {
        m_childRow.insert(rows.at(i).id, {broadcastId, int(children.size())});
        children.append(rows.at(i));
    }
    m_childCount += count;
    endInsertRows();
    return true;
}

CommandTimelineModel::Row CommandTimelineModel::broadcastRow(const QString &broadcastId, const Row *old) const
{
    Row row = old ? *old : Row();
    row.id = broadcastId;
    row.broadcastId = broadcastId;
    row.isBroadcast = true;
    row.counts.fill(0);
    row.done = 0;
    qint64 lastVerdict = 0;
    const QList<Row> children = m_children.value(broadcastId);
    for (const Row &child : children) {
        ++row.counts[int(child.state)];
        if (CommandExecution::isFinal(child.state)) {
            ++row.done;
            lastVerdict = std::max(lastVerdict, child.finishedMs);
        }
        if (row.createdMs == 0 || (child.createdMs > 0 && child.createdMs < row.createdMs))
            row.createdMs = child.createdMs;
        if (row.command.isEmpty())
            row.command = child.command;
        if (row.group.isEmpty())
            row.group = child.group;
        if (row.requestedBy.isEmpty())
            row.requestedBy = child.requestedBy;
    }
    std::optional<CommandTracker::Broadcast> broadcast;
    if (m_tracker)
        broadcast = m_tracker->broadcast(broadcastId);
    bool open = false;
    bool held = false;
    row.total = int(children.size());
    if (broadcast) {
        row.command = broadcast->command;
        row.group = broadcast->group;
        row.total = std::max(row.total, broadcast->total);
        row.done = std::max(row.done, std::min(broadcast->done, row.total)); // parts past the bound
        row.reason = broadcast->refusal;
        if (broadcast->createdMs > 0 && (row.createdMs == 0 || broadcast->createdMs < row.createdMs))
            row.createdMs = broadcast->createdMs;
        open = broadcast->open;
        held = broadcast->awaitingApproval;
    }
    // A group request whose known members have all answered is done, though its window stays open for
    // members the console did not know of.
    const bool allAnswered = row.total > 0 && row.done >= row.total;
    const bool finished = !held && row.done >= int(children.size()) && (!open || allAnswered);
    if (!row.reason.isEmpty())
        row.state = State::Failed;
    else if (held)
        row.state = State::AwaitingApproval;
    else if (!finished)
        row.state = unfinishedSummary(row.counts);
    else
        row.state = finishedSummary(row.counts, row.total);
    if (!finished)
        row.finishedMs = 0;
    else if (row.finishedMs == 0)
        row.finishedMs = lastVerdict > 0 ? lastVerdict : m_clock();
    return row;
}

QList<int> CommandTimelineModel::refreshBroadcasts(const QSet<QString> &ids)
{
    QList<int> changed;
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row < 0 || !m_rows.at(row).isBroadcast)
            continue;
        Row updated = broadcastRow(id, &m_rows.at(row));
        if (updated == m_rows.at(row))
            continue;
        m_rows[row] = std::move(updated);
        changed.append(row);
    }
    std::sort(changed.begin(), changed.end());
    return changed;
}

int CommandTimelineModel::rowOf(const QString &executionId) const
{
    const auto it = m_sequence.constFind(executionId);
    return it == m_sequence.cend() ? -1 : int(*it - m_firstSequence);
}

QModelIndex CommandTimelineModel::indexOf(const QString &id) const
{
    if (const int row = rowOf(id); row >= 0)
        return index(row, 0);
    const auto child = m_childRow.constFind(id);
    if (child == m_childRow.cend())
        return {};
    const int parentRow = rowOf(child->first);
    return parentRow < 0 ? QModelIndex() : index(child->second, 0, index(parentRow, 0));
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
    const QSet<QString> broadcasts = std::exchange(m_pendingBroadcasts, {});
    if (!m_tracker)
        return;

    QList<Row> added;
    QHash<QString, qsizetype> addedParents;
    QHash<QString, QList<Row>> addedChildren;
    QList<int> changed;
    QHash<QString, QList<int>> changedChildren;
    QSet<QString> touched = m_nested ? broadcasts : QSet<QString>();
    for (const QString &id : pending) {
        const std::optional<CommandExecution> execution = m_tracker->execution(id);
        if (const auto child = m_childRow.constFind(id); child != m_childRow.cend()) {
            if (!execution)
                continue;
            Row &shown = m_children[child->first][child->second];
            Row updated = Row::of(*execution);
            if (updated == shown)
                continue;
            shown = std::move(updated);
            changedChildren[child->first].append(child->second);
            touched.insert(child->first);
            continue;
        }
        const int row = rowOf(id);
        if (row < 0) {
            if (execution) {
                if (m_nested && !execution->broadcastId.isEmpty())
                    touched.insert(execution->broadcastId);
                place(Row::of(*execution), added, addedParents, addedChildren);
            }
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
    // A broadcast sent, or whose progress moved, has its row before any of its parts (a group request's
    // first reply may be seconds away).
    for (const QString &id : broadcasts) {
        if (m_nested && !m_sequence.contains(id) && !addedParents.contains(id) && m_tracker->broadcast(id)) {
            Row parent;
            parent.id = id;
            parent.broadcastId = id;
            parent.isBroadcast = true;
            addedParents.insert(id, added.size());
            added.append(parent);
        }
    }

    // Changes first: the insert may remove the oldest rows, which renumbers the rest.
    for (auto it = changedChildren.begin(); it != changedChildren.end(); ++it) {
        const QModelIndex parent = index(rowOf(it.key()), 0);
        std::sort(it->begin(), it->end());
        forEachRun(*it, [&](int first, int last) {
            Q_EMIT dataChanged(index(first, 0, parent), index(last, ColumnCount - 1, parent), changedRoles());
        });
    }
    for (auto it = addedChildren.cbegin(); it != addedChildren.cend(); ++it)
        appendChildren(it.key(), it.value());
    changed.append(refreshBroadcasts(touched));
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    forEachRun(changed, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), changedRoles());
    });
    for (auto it = addedParents.cbegin(); it != addedParents.cend(); ++it)
        added[*it] = broadcastRow(it.key(), &added.at(*it));
    appendRows(added);
    updateDurationTimer();
}

void CommandTimelineModel::appendRows(const QList<Row> &rows)
{
    if (rows.isEmpty())
        return;
    // More new rows than the bound keeps the newest; past it, the oldest rows make room. (A new broadcast
    // row's parts are counted already, in m_childCount.)
    const qsizetype skipped = std::max<qsizetype>(rows.size() - m_maxRows, 0);
    const qsizetype incoming = rows.size() - skipped;
    for (qsizetype i = 0; i < skipped; ++i)
        dropChildren(rows.at(i).id);
    if (const qsizetype excess = totalRows() + incoming - m_maxRows; excess > 0)
        removeOldest(int(excess));
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(incoming) - 1);
    for (qsizetype i = skipped; i < rows.size(); ++i) {
        m_sequence.insert(rows.at(i).id, m_firstSequence + m_rows.size());
        m_rows.append(rows.at(i));
    }
    endInsertRows();
}

void CommandTimelineModel::dropChildren(const QString &broadcastId)
{
    const auto it = m_children.constFind(broadcastId);
    if (it == m_children.cend())
        return;
    for (const Row &child : *it)
        m_childRow.remove(child.id);
    m_childCount -= it->size();
    m_children.erase(it);
}

void CommandTimelineModel::removeOldest(int count)
{
    // Whole top-level rows, a broadcast with its parts, until count rows are gone.
    int rows = 0;
    for (qsizetype removed = 0; removed < count && rows < m_rows.size(); ++rows)
        removed += 1 + m_children.value(m_rows.at(rows).id).size();
    if (rows <= 0)
        return;
    beginRemoveRows(QModelIndex(), 0, rows - 1);
    for (int i = 0; i < rows; ++i) {
        m_sequence.remove(m_rows.at(i).id);
        dropChildren(m_rows.at(i).id);
    }
    m_rows.remove(0, rows);
    m_firstSequence += rows;
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

void CommandTimelineModel::onBroadcastProgress(const QString &broadcastId)
{
    if (!m_nested)
        return;
    m_pendingBroadcasts.insert(broadcastId);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CommandTimelineModel::onTrackerDestroyed()
{
    // The timeline is the tracker's: without it nothing would ever finish, and durations would run forever.
    beginResetModel();
    m_rows.clear();
    m_sequence.clear();
    m_children.clear();
    m_childRow.clear();
    m_childCount = 0;
    m_firstSequence = 0;
    m_pending.clear();
    m_pendingSet.clear();
    m_pendingBroadcasts.clear();
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
    // An unfinished broadcast's parts: one change over all of them.
    for (int row : std::as_const(running)) {
        const auto children = m_children.constFind(m_rows.at(row).id);
        if (children == m_children.cend() || children->isEmpty())
            continue;
        const QModelIndex parent = index(row, 0);
        Q_EMIT dataChanged(index(0, DurationColumn, parent),
                           index(int(children->size()) - 1, DurationColumn, parent), roles);
    }
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

QModelIndex CommandTimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    // Only a broadcast's row, in its first column, has children.
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_rows.size())
        return {};
    const auto children = m_children.constFind(m_rows.at(parent.row()).id);
    if (children == m_children.cend() || row >= children->size())
        return {};
    return createIndex(row, column, quintptr(m_firstSequence + parent.row() + ChildTag));
}

QModelIndex CommandTimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const qint64 row = qint64(child.internalId()) - ChildTag - m_firstSequence;
    return createIndex(int(row), 0, quintptr(0));
}

QModelIndex CommandTimelineModel::sibling(int row, int column, const QModelIndex &index) const
{
    return this->index(row, column, parent(index));
}

const CommandTimelineModel::Row &CommandTimelineModel::rowAt(const QModelIndex &index) const
{
    if (index.internalId() == 0)
        return m_rows.at(index.row());
    return m_children.constFind(m_rows.at(parent(index).row()).id)->at(index.row());
}

int CommandTimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    const auto children = m_children.constFind(m_rows.at(parent.row()).id);
    return children == m_children.cend() ? 0 : int(children->size());
}

int CommandTimelineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QVariant CommandTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = rowAt(index);
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
    case IsBroadcastRole:
        return row.isBroadcast;
    case DoneRole:
        return row.done;
    case TotalRole:
        return row.total;
    case SucceededRole:
        return row.counts[int(State::Succeeded)];
    case Qt::ToolTipRole:
        return index.column() == CreatedColumn && row.createdMs
                   ? QDateTime::fromMSecsSinceEpoch(row.createdMs).toString(Qt::ISODateWithMs)
                   : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    if (row.isBroadcast)
        return broadcastText(row, index.column());
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

QString CommandTimelineModel::broadcastText(const Row &row, int column)
{
    switch (column) {
    case CreatedColumn:
        return timeText(row.createdMs);
    case DeviceColumn:
        return row.group.isEmpty()
                   ? tr("%n device(s)", "a selection's row in the command timeline", row.total)
                   : tr("group %1", "a group request's row in the command timeline").arg(row.group);
    case CommandColumn:
        return row.command;
    case StateColumn:
        return tr("%1: %2 of %3", "a broadcast's state: its state, parts with a verdict, devices")
            .arg(CommandExecution::stateText(row.state), QLocale().toString(row.done),
                 QLocale().toString(row.total));
    case AttemptsColumn:
        return {};
    case ReasonColumn: {
        if (!row.reason.isEmpty())
            return row.reason;
        QStringList parts;
        for (State state :
             {State::Failed, State::TimedOut, State::Unreachable, State::Rejected, State::Cancelled}) {
            if (const int count = row.counts[int(state)]; count > 0)
                parts.append(tr("%1: %2", "a count of a broadcast's parts in one state")
                                 .arg(CommandExecution::stateText(state), QLocale().toString(count)));
        }
        const int heard = std::accumulate(row.counts.cbegin(), row.counts.cend(), 0);
        if (const int silent = row.total - heard; silent > 0) {
            parts.append(row.finishedMs ? tr("no reply from %n device(s)", nullptr, silent)
                                        : tr("%n device(s) yet to reply", nullptr, silent));
        }
        return parts.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant CommandTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
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
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
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
    names.insert(IsBroadcastRole, "isBroadcast");
    names.insert(DoneRole, "done");
    names.insert(TotalRole, "total");
    names.insert(SucceededRole, "succeeded");
    return names;
}

QString CommandTimelineModel::timeText(qint64 msecs)
{
    if (msecs == 0)
        return {};
    // Today's as a time of day, with milliseconds (the steps of one command are often within the same
    // second); older ones with their date, in the locale's short form. The tooltip has the full time.
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs);
    if (time.date() == QDate::currentDate())
        return time.toString(QStringLiteral("HH:mm:ss.zzz"));
    return QLocale().toString(time.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           time.toString(QStringLiteral("HH:mm:ss"));
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
