#include "commandtimelineview.h"

#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "common/json.h"
#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "layoutfit.h"
#include "models/commandtimelinefilterproxymodel.h"
#include "models/commandtimelinemodel.h"
#include "statecolordelegate.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace fleet {

namespace {

using State = CommandExecution::State;

// Where the state combo's custom choice keeps its states.
constexpr int CustomStatesRole = Qt::UserRole + 1;

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return CommandTimelineView::tr("%1 ms").arg(ms);
    return CommandTimelineView::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString statusText(AtlasReply::Status status)
{
    switch (status) {
    case AtlasReply::Status::Running:
        return CommandTimelineView::tr("RUNNING");
    case AtlasReply::Status::Success:
        return CommandTimelineView::tr("SUCCESS");
    case AtlasReply::Status::Failure:
        return CommandTimelineView::tr("FAILURE");
    }
    return {};
}

bool isRetryable(State state)
{
    return CommandFilter::problemStates().contains(state);
}

} // namespace

CommandTimelineView::CommandTimelineView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CommandTimelineModel(session->tracker(), this))
    , m_proxy(new CommandTimelineFilterProxyModel(this))
    , m_state(new QComboBox(this))
    , m_deviceEdit(new QLineEdit(this))
    , m_command(new QComboBox(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTreeView(m_splitter))
    , m_details(new QTextBrowser(m_splitter))
    , m_cancel(new QPushButton(tr("Cancel command"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("commandTimelineView"));
    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_details->setObjectName(QStringLiteral("executionDetails"));
    m_splitter->setObjectName(QStringLiteral("timelineSplitter"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_deviceEdit->setObjectName(QStringLiteral("deviceFilter"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_command->setObjectName(QStringLiteral("commandFilter"));

    m_state->addItem(tr("All states"), int(StateChoice::All));
    m_state->addItem(tr("In progress"), int(StateChoice::InProgress));
    m_state->addItem(tr("Problems"), int(StateChoice::Problems));
    m_state->addItem(tr("Succeeded"), int(StateChoice::Succeeded));
    m_state->addItem(tr("Awaiting approval"), int(StateChoice::AwaitingApproval));
    m_deviceEdit->setPlaceholderText(tr("device id"));
    layoutfit::fitPlaceholder(m_deviceEdit);
    m_deviceEdit->setClearButtonEnabled(true);
    updateCommands();

    m_model->setNested(true);
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    // Failed rows red, succeeded green, unfinished amber: the text, so selection and alternation stay.
    m_table->setItemDelegate(StateColorDelegate::forCommandTimeline(m_table));
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CommandTimelineModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->header()->setStretchLastSection(true);
    // Sized for what the columns hold: a time of day with milliseconds (after the tree's indentation and
    // arrow), a device id, a command name, a state with a broadcast's progress ("Awaiting approval: 3 of
    // 10").
    {
        const QFontMetrics fm = m_table->fontMetrics();
        const int padding = 2 * fm.averageCharWidth() + 16;
        QHeaderView *header = m_table->header();
        header->resizeSection(CommandTimelineModel::CreatedColumn,
                              fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + m_table->indentation() +
                                  padding);
        header->resizeSection(CommandTimelineModel::DeviceColumn, fm.averageCharWidth() * 16 + padding);
        header->resizeSection(CommandTimelineModel::CommandColumn, fm.averageCharWidth() * 22 + padding);
        header->resizeSection(CommandTimelineModel::StateColumn, fm.averageCharWidth() * 26 + padding);
        header->resizeSection(CommandTimelineModel::AttemptsColumn, fm.averageCharWidth() * 8 + padding);
        header->resizeSection(CommandTimelineModel::DurationColumn, fm.averageCharWidth() * 10 + padding);
        layoutfit::fitSectionsToHeaders(header);
    }
    m_table->setWordWrap(false);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a command to see what happened to it."));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // it quotes ids and errors, which may quote a device's reply

    layoutfit::letShrink(m_state);
    layoutfit::letShrink(m_command);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("State"), this));
    filters->addWidget(m_state);
    filters->addWidget(new QLabel(tr("Device"), this));
    filters->addWidget(m_deviceEdit, 1);
    filters->addWidget(new QLabel(tr("Command"), this));
    filters->addWidget(m_command);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_cancel);
    actions->addWidget(m_retry);

    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(actions);

    connect(m_state, &QComboBox::currentIndexChanged, this, &CommandTimelineView::applyFilters);
    connect(m_command, &QComboBox::currentIndexChanged, this, &CommandTimelineView::applyFilters);
    connect(m_deviceEdit, &QLineEdit::textChanged, this, &CommandTimelineView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CommandTimelineView::updateDetails);
    // The selected execution changes under the operator's eyes (a reply, a retry): the pane follows it.
    // A retry of it, sent from here, the composer or another view, is named under "Retried as" at once.
    connect(m_session->tracker(), &CommandTracker::executionChanged, this, [this](const QString &id) {
        const QString selected = selectedExecution();
        if (selected.isEmpty())
            return;
        if (id == selected) {
            updateDetails();
            return;
        }
        const std::optional<CommandExecution> changed = m_session->tracker()->execution(id);
        if (changed && changed->retryOf == selected)
            updateDetails();
    });
    // A broadcast's row changes as its parts do (the tracker names the parts, not the broadcast).
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_table->selectionModel()->currentIndex();
                if (selectedIsBroadcast() && current.parent() == topLeft.parent() &&
                    current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    updateDetails();
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_selectWhenInserted.isEmpty() && selectExecution(m_selectWhenInserted))
            m_selectWhenInserted.clear();
    });
    connect(m_cancel, &QPushButton::clicked, this, &CommandTimelineView::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, &CommandTimelineView::retrySelected);
    ItemViewActions::mirror(m_cancel, m_table);
    ItemViewActions::mirror(m_retry, m_table);
    ItemViewActions::addCopy(m_table);

    if (CommandLedger *ledger = m_session->ledger()) {
        QString error;
        if (m_model->loadHistory(*ledger, HistoryLimit, &error) < 0)
            m_status->setText(tr("The history could not be read: %1").arg(error));
    }
    updateDetails();
}

CommandTimelineView::~CommandTimelineView() = default;

void CommandTimelineView::setLayoutName(const QString &prefix)
{
    setObjectName(prefix + QStringLiteral("View"));
    m_table->setObjectName(prefix + QStringLiteral("Table"));
    m_splitter->setObjectName(prefix + QStringLiteral("Splitter"));
}

void CommandTimelineView::setDevice(const QString &device)
{
    m_device = device;
    // A device's own timeline lists its parts of broadcasts as commands of their own.
    m_model->setNested(device.isEmpty());
    m_table->setRootIsDecorated(device.isEmpty());
    m_deviceEdit->setVisible(device.isEmpty());
    applyFilters();
}

void CommandTimelineView::setStateChoice(StateChoice choice)
{
    m_state->setCurrentIndex(m_state->findData(int(choice)));
}

void CommandTimelineView::setDeviceFilter(const QString &device)
{
    m_deviceEdit->setText(device);
}

void CommandTimelineView::setCommandFilter(const QString &command)
{
    const int index = m_command->findData(command);
    m_command->setCurrentIndex(index < 0 ? 0 : index);
}

void CommandTimelineView::setFilter(const CommandFilter &filter)
{
    const QList<std::pair<StateChoice, QList<State>>> choices = {
        {StateChoice::All, {}},
        {StateChoice::InProgress, CommandFilter::unfinishedStates()},
        {StateChoice::Problems, CommandFilter::problemStates()},
        {StateChoice::Succeeded, {State::Succeeded}},
        {StateChoice::AwaitingApproval, {State::AwaitingApproval}},
    };
    // One filtering at the end, not one per field.
    const QSignalBlocker blockState(m_state);
    const QSignalBlocker blockCommand(m_command);
    const QSignalBlocker blockDevice(m_deviceEdit);
    StateChoice choice = StateChoice::Custom;
    for (const auto &[value, states] : choices) {
        if (states == filter.states)
            choice = value;
    }
    // Any other set of states gets a choice of its own, named after them, until the next such filter.
    if (const int custom = m_state->findData(int(StateChoice::Custom)); custom >= 0)
        m_state->removeItem(custom);
    if (choice == StateChoice::Custom) {
        QStringList names;
        QVariantList states;
        for (const State state : filter.states) {
            names.append(CommandExecution::stateText(state));
            states.append(int(state));
        }
        m_state->addItem(names.join(QStringLiteral(", ")), int(StateChoice::Custom));
        m_state->setItemData(m_state->count() - 1, states, CustomStatesRole);
    }
    setStateChoice(choice);
    setCommandFilter(filter.command);
    if (m_device.isEmpty())
        setDeviceFilter(filter.device);
    applyFilters();
}

void CommandTimelineView::updateCommands()
{
    m_command->addItem(tr("All commands"), QString());
    for (const QString &name : m_session->catalog().names())
        m_command->addItem(name, name);
    m_command->addItem(tr("Free-form payloads"), QString(CommandTracker::RawCommand));
}

void CommandTimelineView::applyFilters()
{
    CommandFilter filter;
    filter.device = m_device.isEmpty() ? m_deviceEdit->text().trimmed() : m_device;
    filter.command = m_command->currentData().toString();
    switch (StateChoice(m_state->currentData().toInt())) {
    case StateChoice::All:
        break;
    case StateChoice::InProgress:
        filter.states = CommandFilter::unfinishedStates();
        break;
    case StateChoice::Problems:
        filter.states = CommandFilter::problemStates();
        break;
    case StateChoice::Succeeded:
        filter.states = {State::Succeeded};
        break;
    case StateChoice::AwaitingApproval:
        filter.states = {State::AwaitingApproval};
        break;
    case StateChoice::Custom:
        for (const QVariant &state : m_state->currentData(CustomStatesRole).toList())
            filter.states.append(State(state.toInt()));
        break;
    }
    m_proxy->setFilter(filter);
    updateDetails();
}

bool CommandTimelineView::selectExecution(const QString &id)
{
    m_model->flush();
    const QModelIndex source = m_model->indexOf(id);
    if (!source.isValid()) {
        // Not in the model yet (the composer's send is announced before the tracker's change reaches the
        // model): selected once its row is inserted.
        m_selectWhenInserted = id;
        return false;
    }
    m_selectWhenInserted.clear();
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_state->setCurrentIndex(0);
        m_command->setCurrentIndex(0);
        m_deviceEdit->clear();
        index = m_proxy->mapFromSource(m_model->indexOf(id));
        if (!index.isValid())
            return false; // another device's, in a per-device view
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QString CommandTimelineView::selectedExecution() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(CommandTimelineModel::ExecutionIdRole).toString() : QString();
}

std::optional<CommandExecution> CommandTimelineView::executionOf(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    if (std::optional<CommandExecution> execution = m_session->tracker()->execution(id))
        return execution;
    // Older than what the tracker keeps in memory: the ledger has it whole.
    if (CommandLedger *ledger = m_session->ledger())
        return ledger->load(id);
    return std::nullopt;
}

bool CommandTimelineView::selectedIsBroadcast() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() && current.data(CommandTimelineModel::IsBroadcastRole).toBool();
}

QStringList CommandTimelineView::retryableParts() const
{
    QStringList parts;
    const QModelIndex source = m_model->indexOf(
        m_table->selectionModel()->currentIndex().data(CommandTimelineModel::ExecutionIdRole).toString());
    for (int row = 0; row < m_model->rowCount(source); ++row) {
        const QModelIndex part = m_model->index(row, 0, source);
        if (isRetryable(State(part.data(CommandTimelineModel::StateRole).toInt())))
            parts.append(part.data(CommandTimelineModel::ExecutionIdRole).toString());
    }
    return parts;
}

QString CommandTimelineView::broadcastHtml(const QModelIndex &index) const
{
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    const auto text = [&](int column) { return index.siblingAtColumn(column).data().toString(); };
    QString html = QStringLiteral("<h3>%1 → %2</h3><table cellspacing='2'>")
                       .arg(esc(text(CommandTimelineModel::CommandColumn)),
                            esc(text(CommandTimelineModel::DeviceColumn)));
    const auto row = [&](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
    };
    const QLocale locale;
    row(tr("Broadcast"), index.data(CommandTimelineModel::ExecutionIdRole).toString());
    row(tr("State"), text(CommandTimelineModel::StateColumn));
    row(tr("Progress"), tr("%1 of %2 devices have a verdict, %3 succeeded")
                            .arg(locale.toString(index.data(CommandTimelineModel::DoneRole).toInt()),
                                 locale.toString(index.data(CommandTimelineModel::TotalRole).toInt()),
                                 locale.toString(index.data(CommandTimelineModel::SucceededRole).toInt())));
    if (const QString problems = text(CommandTimelineModel::ReasonColumn); !problems.isEmpty())
        row(tr("Problems"), problems);
    const QString by = index.data(CommandTimelineModel::RequestedByRole).toString();
    row(tr("Requested by"), by.isEmpty() ? tr("unknown") : by);
    row(tr("Created"), timeText(index.data(CommandTimelineModel::CreatedRole).toLongLong()));
    html +=
        QStringLiteral("</table><p>%1</p>")
            .arg(esc(tr("Expand the row to see each device's part; select one to see what happened to it.")));
    return html;
}

void CommandTimelineView::updateDetails()
{
    if (selectedIsBroadcast()) {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        m_details->setHtml(broadcastHtml(current.siblingAtColumn(0)));
        m_cancel->setEnabled(false);
        m_cancel->setToolTip(tr("Select one device's part to cancel it."));
        const int failed = int(retryableParts().size());
        m_retry->setEnabled(failed > 0);
        m_retry->setToolTip(failed > 0
                                ? tr("Send the command again to the %n device(s) whose part failed, as "
                                     "new commands.",
                                     nullptr, failed)
                                : tr("No part of this broadcast failed."));
        return;
    }
    const std::optional<CommandExecution> execution = executionOf(selectedExecution());
    if (!execution) {
        m_details->clear();
        m_cancel->setEnabled(false);
        m_retry->setEnabled(false);
        return;
    }
    // Keep the operator's scroll position while live updates rewrite the pane.
    const int scroll = m_details->verticalScrollBar() ? m_details->verticalScrollBar()->value() : 0;
    m_details->setHtml(detailsHtml(*execution, retriesOf(execution->id)));
    if (m_details->verticalScrollBar())
        m_details->verticalScrollBar()->setValue(scroll);
    const bool live = m_session->tracker()->execution(execution->id).has_value();
    m_cancel->setEnabled(live && !execution->isFinal());
    m_cancel->setToolTip(execution->isFinal() ? tr("This command already has its verdict.") : QString());
    m_retry->setEnabled(isRetryable(execution->state));
    m_retry->setToolTip(isRetryable(execution->state)
                            ? tr("Send the same command with the same parameters again, as a new command.")
                            : tr("Only a command that failed, timed out, was unreachable, rejected or "
                                 "cancelled can be retried."));
}

QStringList CommandTimelineView::retriesOf(const QString &id) const
{
    QStringList ids = m_session->tracker()->retriesOf(id);
    if (CommandLedger *ledger = m_session->ledger()) {
        // A failed read only leaves the line out: the pane still shows the execution.
        for (const QString &stored : ledger->retriesOf(id).value_or(QStringList())) {
            if (!ids.contains(stored))
                ids.append(stored);
        }
    }
    // Creation order, as tids sort.
    ids.sort();
    return ids;
}

QString CommandTimelineView::detailsHtml(const CommandExecution &e, const QStringList &retriedAs)
{
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral("<h3>%1 → %2</h3>").arg(esc(e.command), esc(e.device));
    html += QStringLiteral("<table cellspacing='2'>");
    const auto row = [&](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
    };
    row(tr("Id"), e.id);
    row(tr("State"), CommandExecution::stateText(e.state));
    // Right under the state: why it ended so, or (Queued) what it waits for and until when.
    if (!e.reason.isEmpty())
        row(tr("Reason"), e.reason);
    if (!e.retryOf.isEmpty())
        row(tr("Retry of"), e.retryOf);
    if (!retriedAs.isEmpty())
        row(tr("Retried as"), retriedAs.join(QStringLiteral(", ")));
    row(tr("Requested by"), e.requestedBy.isEmpty() ? tr("unknown") : e.requestedBy);
    if (!e.group.isEmpty())
        row(tr("Group"), e.group);
    if (!e.broadcastId.isEmpty())
        row(tr("Broadcast"), e.broadcastId);
    row(tr("Attempts"), QString::number(e.attempts));
    if (e.heartbeats > 0)
        row(tr("Heartbeats"), QString::number(e.heartbeats));
    if (e.createdMs() > 0) {
        row(tr("Created"), timeText(e.createdMs()));
        const qint64 end = e.isFinal() && !e.transitions.isEmpty() ? e.transitions.last().timeMs
                                                                   : QDateTime::currentMSecsSinceEpoch();
        row(e.isFinal() ? tr("Duration") : tr("Running for"), durationText(end - e.createdMs()));
    }
    row(tr("Parameters"), compactJson(e.parameters));
    if (!e.payload.is_null())
        row(tr("Payload"), e.payload.is_string() ? QString::fromStdString(e.payload.get<std::string>())
                                                 : compactJson(e.payload));
    if (!e.result.is_null())
        row(tr("Result"), compactJson(e.result));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4><table cellspacing='2'>").arg(esc(tr("Transitions")));
    qint64 previous = e.createdMs();
    for (const CommandExecution::Transition &t : e.transitions) {
        html += QStringLiteral("<tr><td>%1</td><td>+%2</td><td><b>%3</b></td><td>%4</td></tr>")
                    .arg(esc(timeText(t.timeMs)), esc(durationText(t.timeMs - previous)),
                         esc(CommandExecution::stateText(t.state)), esc(t.note));
        previous = t.timeMs;
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Replies")));
    if (e.replies.isEmpty()) {
        html += esc(tr("No reply yet.")) + QStringLiteral("<br>");
    } else {
        html += QStringLiteral("<table cellspacing='2'>");
        for (const CommandExecution::Reply &r : e.replies) {
            QStringList flags;
            if (r.text)
                flags << tr("plain text");
            if (r.duplicate)
                flags << tr("duplicate");
            if (r.unreadable)
                flags << tr("could not be read");
            if (r.late)
                flags << tr("late");
            if (r.outOfOrder)
                flags << tr("out of order");
            html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td><td>%3</td><td><i>%4</i></td></tr>")
                        .arg(esc(timeText(r.timeMs)),
                             r.unreadable ? QStringLiteral("?") : esc(statusText(r.status)), esc(r.reason),
                             esc(flags.join(QStringLiteral(", "))));
        }
        html += QStringLiteral("</table>");
    }
    if (e.droppedReplies > 0)
        html +=
            esc(tr("%n more reply(ies) not kept.", nullptr, int(e.droppedReplies))) + QStringLiteral("<br>");
    if (const int unreadable = e.unreadableCount(); unreadable > 0)
        html += esc(tr("%n reply(ies) could not be read: %1", nullptr, unreadable)
                        .arg(e.lastUnreadableReason())) +
                QStringLiteral("<br>");
    const int flagged = e.duplicateCount() + e.lateCount() + e.outOfOrderCount();
    if (flagged > 0)
        html += esc(tr("%1 duplicate, %2 late, %3 out of order.")
                        .arg(e.duplicateCount())
                        .arg(e.lateCount())
                        .arg(e.outOfOrderCount()));
    return html;
}

void CommandTimelineView::cancelSelected()
{
    const QString id = selectedExecution();
    if (id.isEmpty())
        return;
    if (!m_session->tracker()->cancel(id))
        m_status->setText(tr("%1 could not be cancelled: it already has its verdict.").arg(id));
    else
        m_status->setText(
            tr("%1 cancelled. The device is not told; a later reply is recorded as late.").arg(id));
    updateDetails();
}

void CommandTimelineView::retrySelected()
{
    if (selectedIsBroadcast()) {
        // Retry all failed: each failed part again, as a new command of its own.
        const QStringList parts = retryableParts();
        auto retriedCount = std::make_shared<int>(0);
        auto answered = std::make_shared<int>(0);
        for (const QString &part : parts) {
            m_session->actions()->retry(
                part, this,
                [this, part, total = int(parts.size()), retriedCount,
                 answered](const OperatorActions::Outcome &o) {
                    ++*answered;
                    if (o.ok) {
                        ++*retriedCount;
                        Q_EMIT retried(part, o.id);
                    }
                    if (*answered == total)
                        m_status->setText(
                            tr("%1 of %2 failed part(s) retried.").arg(*retriedCount).arg(total));
                });
        }
        return;
    }
    const QString id = selectedExecution();
    const std::optional<CommandExecution> e = executionOf(id);
    if (!e || !isRetryable(e->state))
        return;
    m_session->actions()->retry(id, this, [this, id](const OperatorActions::Outcome &o) {
        if (!o.ok) {
            m_status->setText(tr("%1 was not retried: %2").arg(id, o.error));
            return;
        }
        m_status->setText(o.note.isEmpty()
                              ? tr("%1 retried as %2.").arg(id, o.id)
                              : tr("%1 retried as %2.").arg(id, o.id) + QLatin1Char(' ') + o.note);
        Q_EMIT retried(id, o.id);
        // The model learns of the new execution at the end of this turn: select it once its row exists.
        if (!selectExecution(o.id))
            m_selectWhenInserted = o.id;
    });
}

} // namespace fleet
