#include "approvalsview.h"

#include "commands/approvalcontent.h"
#include "commands/approvalqueue.h"
#include "commands/commandexecution.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "common/json.h"
#include "common/networkjson.h"
#include "fleet/fleetsession.h"
#include "fleeticons.h"
#include "itemviewactions.h"
#include "models/approvalqueuemodel.h"
#include "mqtt/mqttclient.h"
#include "statecolordelegate.h"
#include "tonestyle.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace fleet {

namespace {

// The proxies split the queue on the model's raw state role, whose text is the enum's number.
static_assert(int(ApprovalRequest::State::Pending) == 0);

QString spanText(qint64 ms)
{
    const qint64 s = qAbs(ms) / 1000;
    if (s < 60)
        return ApprovalsView::tr("%n second(s)", nullptr, int(s));
    if (s < 3600)
        return ApprovalsView::tr("%n minute(s)", nullptr, int(s / 60));
    if (s < 48 * 3600)
        return ApprovalsView::tr("%n hour(s)", nullptr, int(s / 3600));
    return ApprovalsView::tr("%n day(s)", nullptr, int(s / 86400));
}

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

ApprovalsView::ApprovalsView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ApprovalQueueModel(session->approvals(), this))
    , m_waiting(new QSortFilterProxyModel(this))
    , m_history(new QSortFilterProxyModel(this))
    , m_problem(new QLabel(this))
    , m_mode(new QLabel(this))
    , m_waitingTable(makeTable(this, QStringLiteral("waitingTable")))
    , m_historyTable(makeTable(this, QStringLiteral("historyTable")))
    , m_summary(new QLabel(this))
    , m_payload(new QPlainTextEdit(this))
    , m_reason(new QLineEdit(this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_reject(new QPushButton(tr("Reject"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("approvalsView"));
    m_problem->setObjectName(QStringLiteral("approvalsProblem"));
    m_mode->setObjectName(QStringLiteral("approvalsMode"));
    m_mode->setTextFormat(Qt::PlainText);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_approve->setIcon(FleetIcons::glyph(QStringLiteral("approve")));
    m_reject->setIcon(FleetIcons::glyph(QStringLiteral("reject")));
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_payload->setObjectName(QStringLiteral("payloadView"));
    m_summary->setObjectName(QStringLiteral("requestSummary"));
    m_status->setObjectName(QStringLiteral("decisionStatus"));
    // Requesters, devices, commands, reasons and ids are what other accounts published, and a label would
    // render any of them that looks like HTML (an <img>, a link, a huge heading) as rich text.
    for (QLabel *label : {m_problem, m_summary, m_status})
        label->setTextFormat(Qt::PlainText);

    for (QSortFilterProxyModel *proxy : {m_waiting, m_history}) {
        proxy->setSourceModel(m_model);
        proxy->setFilterRole(ApprovalQueueModel::StateRole);
        proxy->setSortRole(ApprovalQueueModel::RequestedRole);
        proxy->setDynamicSortFilter(true);
    }
    m_waiting->setFilterRegularExpression(QRegularExpression(QStringLiteral("^0$")));
    m_history->setFilterRegularExpression(QRegularExpression(QStringLiteral("^[1-9]$")));
    m_waitingTable->setModel(m_waiting);
    m_historyTable->setModel(m_history);
    for (QTableView *table : {m_waitingTable, m_historyTable})
        table->setItemDelegateForColumn(ApprovalQueueModel::StateColumn,
                                        StateColorDelegate::forApprovals(table));
    // Waiting: the oldest first (it expires first); history: the latest first.
    m_waitingTable->sortByColumn(ApprovalQueueModel::RequestedColumn, Qt::AscendingOrder);
    m_historyTable->sortByColumn(ApprovalQueueModel::RequestedColumn, Qt::DescendingOrder);
    m_waitingTable->hideColumn(ApprovalQueueModel::DecidedByColumn);
    m_waitingTable->hideColumn(ApprovalQueueModel::ReasonColumn);
    m_historyTable->hideColumn(ApprovalQueueModel::ExpiresColumn);

    m_problem->setWordWrap(true);
    ToneStyle::apply(m_problem, ThemeColors::Role::Failure, ToneStyle::Fill::Banner);
    m_problem->hide();
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlaceholderText(tr("Select a request to see exactly what it will send."));
    m_reason->setPlaceholderText(tr("Reason (required to reject)"));
    m_reason->setMaxLength(500);
    m_status->setWordWrap(true);

    auto *waiting = new QGroupBox(tr("Waiting for a decision"), this);
    (new QVBoxLayout(waiting))->addWidget(m_waitingTable);
    auto *history = new QGroupBox(tr("History"), this);
    (new QVBoxLayout(history))->addWidget(m_historyTable);
    auto *details = new QGroupBox(tr("Request"), this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_payload, 1);
    auto *decision = new QHBoxLayout;
    decision->addWidget(m_reason, 1);
    decision->addWidget(m_approve);
    decision->addWidget(m_reject);
    detailsLayout->addLayout(decision);
    detailsLayout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("approvalsSplitter"));
    splitter->addWidget(waiting);
    splitter->addWidget(history);
    splitter->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_mode);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);

    connect(m_waitingTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(m_waitingTable, current); });
    connect(m_historyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(m_historyTable, current); });
    connect(m_reason, &QLineEdit::textChanged, this, &ApprovalsView::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsView::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsView::rejectSelected);
    // Both lists, as the buttons act on a request in either: a decided one's actions are disabled with them.
    for (QTableView *table : {m_waitingTable, m_historyTable}) {
        ItemViewActions::mirror(m_approve, table);
        ItemViewActions::mirror(m_reject, table);
        ItemViewActions::addCopy(table);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ApprovalsView::updateDetails);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ApprovalsView::countWaiting);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ApprovalsView::countWaiting);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ApprovalsView::countWaiting);
    // Whether approvals work is known once connected (the broker's account is the identity).
    connect(m_session->client(), &MqttClient::connected, this, &ApprovalsView::updateProblem);
    connect(m_session, &FleetSession::warning, this, &ApprovalsView::updateProblem);
    const auto showMode = [this] { m_mode->setText(m_session->approvals()->modeText()); };
    connect(m_session->approvals(), &ApprovalQueue::gateChanged, this, showMode);
    showMode();
    // The broker has the last word on who may decide: an account without the approver role is refused.
    connect(m_session->approvals(), &ApprovalQueue::decisionRefused, this,
            [this](const QString &id, const QString &why) {
                m_status->setText(tr("The broker refused your decision on %1: %2").arg(id, why));
            });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &ApprovalsView::updateDetails);
    m_clock.start();

    updateProblem();
    updateDetails();
    countWaiting();
}

ApprovalsView::~ApprovalsView() = default;

void ApprovalsView::updateProblem()
{
    QString problem = m_session->approvalsProblem();
    if (problem.isEmpty() && !ApprovalQueue::isValidIdentity(m_session->identity()))
        problem =
            tr("Approvals need an MQTT username: the broker's account is the identity of requesters and "
               "approvers. Connect with a username to request or decide.");
    m_problem->setText(problem.isEmpty() ? QString() : tr("Approvals are off: %1").arg(problem));
    m_problem->setVisible(!problem.isEmpty());
    updateButtons();
}

void ApprovalsView::onCurrentChanged(QTableView *table, const QModelIndex &current)
{
    if (!current.isValid())
        return;
    m_selected = current.data(ApprovalQueueModel::IdRole).toString();
    // One selection at a time across both lists: the details pane shows one request. Not behind a signal
    // blocker: the other list must repaint its row unselected and disable its Copy, and its own
    // currentRowChanged, with no current row, changes nothing here.
    QTableView *other = table == m_waitingTable ? m_historyTable : m_waitingTable;
    other->selectionModel()->clear();
    m_status->clear();
    updateDetails();
}

bool ApprovalsView::selectRequest(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex source = m_model->index(row, 0);
    for (auto [table, proxy] : {std::pair{m_waitingTable, m_waiting}, std::pair{m_historyTable, m_history}}) {
        const QModelIndex index = proxy->mapFromSource(source);
        if (index.isValid()) {
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            table->scrollTo(index);
            return true;
        }
    }
    return false;
}

void ApprovalsView::updateDetails()
{
    const std::optional<ApprovalRequest> r =
        m_selected.isEmpty() ? std::nullopt : m_session->approvals()->request(m_selected);
    if (!r) {
        m_summary->setText(m_selected.isEmpty()
                               ? tr("No request selected.")
                               : tr("Request %1 is no longer in the queue.").arg(m_selected));
        m_payload->clear();
        m_shown = {};
        updateButtons();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString summary = tr("%1 asks to send %2 to %3, %4 ago.")
                          .arg(r->requester, r->command, r->targetText(), spanText(now - r->requestedMs));
    summary += QLatin1Char(' ') + outcomeText(*r, now);
    if (r->decisions.size() > 1)
        summary += QLatin1Char(' ') + tr("%n decision(s) received.", nullptr, int(r->decisions.size()));
    summary += QLatin1Char('\n') + tr("Id: %1").arg(r->id);
    m_summary->setText(summary);
    // Exactly what goes out, worked out once per content (a broadcast's can be thousands of messages, and
    // this runs every second for the ages).
    if (m_shown.id != r->id || m_shown.topic != r->topic || m_shown.payload != r->payload ||
        m_shown.targets != r->targets || m_shown.device != r->device || m_shown.command != r->command) {
        m_shown = *r;
        const QString text = contentText(*r);
        if (m_payload->toPlainText() != text)
            m_payload->setPlainText(text);
    }
    updateButtons();
}

QString ApprovalsView::outcomeText(const ApprovalRequest &r, qint64 now) const
{
    using State = ApprovalRequest::State;
    if (r.isExpired(now))
        return r.reason.isEmpty() ? tr("Expired.") : tr("Expired: %1.").arg(r.reason);
    const QString by =
        r.reason.isEmpty() ? r.decidedBy : tr("%1 (\"%2\")", "approver (reason)").arg(r.decidedBy, r.reason);
    switch (r.state) {
    case State::Pending:
        return tr("Waiting for a decision; expires in %1.").arg(spanText(r.expiresMs - now));
    case State::Rejected:
        return tr("Rejected by %1; nothing was sent.").arg(by);
    case State::Withdrawn:
        return r.reason.isEmpty() ? tr("Withdrawn; nothing was sent.")
                                  : tr("Withdrawn (%1); nothing was sent.").arg(r.reason);
    case State::Expired:
        break; // above
    case State::Approved: {
        QString text = tr("Approved by %1.").arg(by);
        if (r.sentMs <= 0)
            return text + QLatin1Char(' ') +
                   (m_session->approvals()->gateEnforced()
                        ? tr("Not sent yet.")
                        : tr("Not sent yet: %1's console sends it.").arg(r.requester));
        text += QLatin1Char(' ') + tr("Sent %1 ago.").arg(spanText(now - r.sentMs));
        if (r.result.isEmpty())
            return text + QLatin1Char(' ') + (r.targets.isEmpty() ? tr("No final result yet.") : QString());
        QString result = r.result;
        for (int s = 0; s < CommandExecution::StateCount; ++s) {
            if (CommandExecution::stateKey(CommandExecution::State(s)) == r.result)
                result = CommandExecution::stateText(CommandExecution::State(s));
        }
        return text + QLatin1Char(' ') +
               (r.resultReason.isEmpty() ? tr("Result: %1.").arg(result)
                                         : tr("Result: %1 (%2).").arg(result, r.resultReason));
    }
    }
    return tr("Expired.");
}

QString ApprovalsView::contentText(const ApprovalRequest &r) const
{
    // Every message in full up to here; the rest one line each (topic and payload), so that a broadcast to
    // thousands of devices still shows every byte it sends without a screen per device.
    constexpr qsizetype FullMessages = 20;
    const ApprovalContent content =
        ApprovalContent::of(r, m_session->catalog(), m_session->tracker()->dialect());
    QStringList lines;
    if (!r.targets.isEmpty())
        lines << tr("Targets (%1): %2").arg(r.targets.size()).arg(r.targets.join(QStringLiteral(", ")))
              << QString();
    if (!content.problem.isEmpty())
        lines << content.problem << QString();
    if (content.messages.isEmpty()) {
        lines << tr("Command %1 with parameters:").arg(r.command) << indentedJson(r.parameters);
        return lines.join(QLatin1Char('\n'));
    }
    const auto payloadText = [](const QByteArray &payload) {
        const std::optional<Json> json = NetworkJson::parse(payload);
        return json ? indentedJson(*json) : QString::fromUtf8(payload);
    };
    if (content.messages.size() > 1)
        lines << tr("%n message(s), one per target:", nullptr, int(content.messages.size())) << QString();
    for (qsizetype i = 0; i < content.messages.size(); ++i) {
        const ApprovalContent::Message &m = content.messages.at(i);
        if (i < FullMessages) {
            lines << tr("Topic: %1").arg(m.topic) << tr("Payload:") << payloadText(m.payload) << QString();
        } else {
            lines << m.topic + QStringLiteral("  ") + QString::fromUtf8(m.payload);
        }
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

void ApprovalsView::updateButtons()
{
    QString why;
    bool can = false;
    if (m_selected.isEmpty())
        why = tr("Select a waiting request first.");
    else
        can = m_session->approvals()->canDecide(m_selected, &why);
    m_approve->setEnabled(can);
    // A tool tip is rich text when it looks like it, and why quotes the request's id.
    const QString whyTip = Qt::convertFromPlainText(why, Qt::WhiteSpaceNormal);
    m_approve->setToolTip(can ? tr("Publish your approval: the requester's console then sends the command.")
                              : whyTip);
    const bool hasReason = !m_reason->text().trimmed().isEmpty();
    m_reject->setEnabled(can && hasReason);
    m_reject->setToolTip(!can         ? whyTip
                         : !hasReason ? tr("Rejecting needs a reason: type it in the field on the left.")
                                      : tr("Publish your rejection, with the reason."));
    m_reason->setEnabled(can);
}

void ApprovalsView::approveSelected()
{
    decide(true);
}

void ApprovalsView::rejectSelected()
{
    decide(false);
}

void ApprovalsView::decide(bool approve)
{
    const QString id = m_selected;
    const QString reason = m_reason->text().trimmed();
    if (id.isEmpty())
        return;
    if (!approve && reason.isEmpty()) {
        m_status->setText(tr("Rejecting needs a reason."));
        return;
    }
    if (!m_session->actions()->confirm(approve ? tr("your approval of %1").arg(id)
                                               : tr("your rejection of %1").arg(id))) {
        m_status->setText(tr("Not decided: %1").arg(OperatorActions::notConfirmedError()));
        return;
    }
    QString error;
    const bool ok = approve ? m_session->approvals()->approve(id, reason, &error)
                            : m_session->approvals()->reject(id, reason, &error);
    if (!ok) {
        m_status->setText(tr("Not decided: %1").arg(error));
        return;
    }
    m_reason->clear();
    if (m_session->approvals()->gateEnforced())
        m_status->setText(approve ? tr("Approval sent to fleet-hub's gate, which sends the command once and "
                                       "reports the outcome here.")
                                  : tr("Rejection sent to fleet-hub's gate; the outcome shows here."));
    else
        m_status->setText(approve ? tr("Approval sent. The requester's console sends the command and reports "
                                       "the outcome here.")
                                  : tr("Rejection sent. The requester's console ends the command and reports "
                                       "the outcome here."));
    updateButtons();
}

void ApprovalsView::countWaiting()
{
    int count = 0;
    for (int row = 0; row < m_waiting->rowCount(); ++row) {
        if (m_waiting->index(row, 0).data(ApprovalQueueModel::CanDecideRole).toBool())
            ++count;
    }
    if (count != m_waitingCount) {
        m_waitingCount = count;
        Q_EMIT waitingCountChanged(count);
    }
}

} // namespace fleet
