#pragma once

#include "commands/commandexecution.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <array>
#include <functional>
#include <utility>

namespace fleet {

class CommandLedger;
class CommandTracker;

// The command executions of a CommandTracker (not owned) as a timeline: one row per execution, in the order
// the model learned of them (creation order, but for a group broadcast's part, which exists from its
// device's first reply), for the whole fleet. Filtering by device, command, state or broadcast is left to
// CommandTimelineFilterProxyModel, so that one model serves the fleet-wide view and every per-device view.
//
// Qt::DisplayRole gives text; each column also has a raw role (see rawRole()) that answers on any column of a
// row, which sorting and filtering use: times in milliseconds since the epoch, the state as an int.
//
// Live updates are batched per turn of the event loop: executionChanged() only notes the id, and the next
// turn (or flush()) reads each noted execution once, inserts every new one with one beginInsertRows() and
// emits one dataChanged() per contiguous run of changed rows. A broadcast to 1,000 devices is one insert, not
// 1,000, and an execution that changes three times in a turn is read once.
//
// Each row keeps a copy of what it shows. The tracker drops its oldest finished executions past
// CommandTracker::MaxExecutions without a signal; their rows stay, as last seen (a finished execution does
// not change), so the timeline keeps more history than the tracker's memory, and anything wanting an old
// row's transitions and replies reads them from the ledger. An execution the tracker dropped before the model
// read it (more than MaxExecutions finished in one turn) never gets a row.
//
// The model has a bound of its own, maxRows(): past it the oldest rows are removed, whatever their state, in
// one beginRemoveRows() before the insert. A removed execution that changes again (one held or awaiting
// approval for that long) comes back as a new row at the end.
//
// The duration of an unfinished execution runs to now: while there are any, the model emits dataChanged() for
// their duration cell every durationRefreshMs(), so that a view shows it running.
//
// Nested (setNested()), a broadcast is one top-level row, its parts its children: the row of a selection or
// of a group request exists from the moment it is sent (broadcastProgress), before any part, and shows its
// progress (how many of how many have their verdict, how many succeeded, the counts of each problem) and a
// state summing up its parts'. Flat (the default, and a device's own timeline), every execution is a row
// of its own. The bound counts every row, children included; a parent leaves with its children.
class CommandTimelineModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        CreatedColumn,
        DeviceColumn,
        CommandColumn,
        StateColumn,
        AttemptsColumn,
        DurationColumn,
        ReasonColumn,
        ColumnCount
    };

    // The execution id is the tracker's key: the tid, or "tid/device" for a part of a group broadcast.
    enum Role {
        ExecutionIdRole = Qt::UserRole + 1, // QString
        CreatedRole,                        // qint64, ms since the epoch
        DeviceRole,                         // QString
        CommandRole,                        // QString
        StateRole,                          // int, a CommandExecution::State
        AttemptsRole,                       // int
        DurationRole,                       // qint64, ms from creation to the verdict, or to now
        ReasonRole,                         // QString, empty on success
        FinishedRole,                       // qint64, ms since the epoch of the verdict, 0 without one
        BroadcastIdRole,                    // QString, empty when not part of a broadcast
        GroupRole,                          // QString, the group of a group broadcast's part
        RequestedByRole,                    // QString, the operator who sent it, empty when not known
        IsBroadcastRole,                    // bool, a broadcast's own row (nested)
        DoneRole,                           // int, a broadcast's parts with a verdict
        TotalRole,                          // int, a broadcast's devices (known members of a group)
        SucceededRole,                      // int, a broadcast's parts that succeeded
    };

    // Twice CommandTracker::MaxExecutions: all the tracker remembers and as much history again, at a few
    // hundred bytes a row.
    static constexpr int DefaultMaxRows = 20000;
    static constexpr int DefaultDurationRefreshMs = 1000;

    explicit CommandTimelineModel(CommandTracker *tracker, QObject *parent = nullptr);
    ~CommandTimelineModel() override;

    CommandTracker *tracker() const;

    // Adds the ledger's latest executions that have no row yet, oldest first, before every row (they are
    // older than what the tracker follows), up to limit and to the room left under maxRows(). Their rows
    // change when the tracker signals them (a resumed execution does). Returns how many were added, or -1
    // with error set when the ledger cannot be read.
    int loadHistory(CommandLedger &ledger, int limit, QString *error = nullptr);

    int maxRows() const { return m_maxRows; }
    // At least 1; lowering it removes the oldest rows at once.
    void setMaxRows(int rows);
    int durationRefreshMs() const { return m_durationRefreshMs; }
    // 0 stops refreshing.
    void setDurationRefreshMs(int ms);
    // Milliseconds since the epoch, for the duration of unfinished executions; tests replace it.
    void setClock(std::function<qint64()> clock);

    bool isNested() const { return m_nested; }
    // Rebuilds the rows (a model reset): meant for set-up, before a view shows the model.
    void setNested(bool nested);

    // The top-level row of an execution (or, nested, of a broadcast), -1 when it has none (nested: also for
    // a broadcast's part, a child row; see indexOf()).
    int rowOf(const QString &executionId) const;
    // The index (column 0) of an execution's row or, nested, of a broadcast's row; invalid when it has none.
    QModelIndex indexOf(const QString &id) const;
    // The raw-value role of a column (-1 for none).
    static int rawRole(int column);

    // Applies what executionChanged() noted now instead of at the next turn of the event loop.
    void flush();

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // What a row shows: a copy, so that it outlives the tracker's own and reads cost no lookup.
    struct Row
    {
        QString id;
        QString device;
        QString command;
        QString reason;
        QString broadcastId;
        QString group;
        QString requestedBy;
        qint64 createdMs = 0;
        qint64 finishedMs = 0; // 0 until the verdict
        CommandExecution::State state = CommandExecution::State::Queued;
        int attempts = 0;
        // A broadcast's row (nested): its progress, and its parts by state.
        bool isBroadcast = false;
        int total = 0;
        int done = 0;
        std::array<int, CommandExecution::StateCount> counts{};

        static Row of(const CommandExecution &execution);
        bool operator==(const Row &) const = default;
    };

    void onExecutionChanged(const QString &id);
    void onBroadcastProgress(const QString &broadcastId);
    // The row at index: top-level or a broadcast's part.
    const Row &rowAt(const QModelIndex &index) const;
    int totalRows() const { return int(m_rows.size() + m_childCount); }
    // Where a new row of an execution goes, nested: under its broadcast's row (made when it has none).
    // Rows for new top-level rows go to added; parts of a broadcast already shown to addedChildren.
    void place(Row row, QList<Row> &added, QHash<QString, qsizetype> &addedParents,
               QHash<QString, QList<Row>> &addedChildren);
    // A broadcast's row worked out again from its parts and the tracker's broadcast.
    Row broadcastRow(const QString &broadcastId, const Row *old) const;
    // Parts of a broadcast that has a row, added at its end (one insert); false when none could be.
    bool appendChildren(const QString &broadcastId, const QList<Row> &rows);
    // Recomputes the broadcast rows of ids; the top-level rows that changed.
    QList<int> refreshBroadcasts(const QSet<QString> &ids);
    void rebuild(const QList<Row> &flat);
    void onTrackerDestroyed();
    void onDurationTick();
    void appendRows(const QList<Row> &rows);
    void removeOldest(int count);
    void dropChildren(const QString &broadcastId);
    static QString broadcastText(const Row &row, int column);
    void updateDurationTimer();
    qint64 durationOf(const Row &row) const;
    static QString timeText(qint64 msecs);
    static QString durationText(qint64 msecs);

    QPointer<CommandTracker> m_tracker;
    // In display order. A row's sequence number (m_sequence) minus m_firstSequence is its row: removing the
    // oldest rows, or loading history before them, does not renumber the others.
    QList<Row> m_rows;
    QHash<QString, qint64> m_sequence;
    bool m_nested = false;
    // Nested: each broadcast row's parts, in the order the model learned of them, and each part's row among
    // them (its parent is its broadcastId).
    QHash<QString, QList<Row>> m_children;
    QHash<QString, std::pair<QString, int>> m_childRow;
    qsizetype m_childCount = 0;
    QSet<QString> m_pendingBroadcasts;
    qint64 m_firstSequence = 0;
    // Ids signalled since the last flush, each once, in the order of their first signal.
    QList<QString> m_pending;
    QSet<QString> m_pendingSet;
    QTimer m_flushTimer;
    QTimer m_durationTimer;
    int m_maxRows = DefaultMaxRows;
    int m_durationRefreshMs = DefaultDurationRefreshMs;
    std::function<qint64()> m_clock;
};

} // namespace fleet
