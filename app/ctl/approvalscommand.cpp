#include "approvalscommand.h"

#include "common/json.h"

#include "commands/approvalqueue.h"
#include "exitcode.h"
#include "output.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

ApprovalsCommand::ApprovalsCommand(QObject *parent)
    : CtlCommand(u"approvals"_s, parent)
{}

QString ApprovalsCommand::summary()
{
    return tr("approvals list|approve ID|reject ID  the shared approval queue");
}

QString ApprovalsCommand::description() const
{
    return tr(
        "The approval queue every console on the broker shares (docs/approvals.md).\n"
        "\n"
        "  list            pending requests: id, requester, device, command, expiry (--all: decided too)\n"
        "  approve ID      approve another user's request; the requester's console sends the command\n"
        "  reject ID       reject it (--reason is required)\n"
        "\n"
        "Your identity is your MQTT username (--username): the broker's ACL lets you decide only in "
        "your own name, and nobody can approve their own request. With --wait, approve and reject wait "
        "for the requester's console to publish the outcome.\n"
        "\n"
        "Exit status: 0 done; 1 refused (unknown, decided or expired request, your own request, or the "
        "outcome differs from your decision); 2 usage error; 3 broker connection; 4 --timeout passed.");
}

void ApprovalsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"reason"_s, tr("Why (shown to the requester; required to reject)."), tr("TEXT")},
        {u"all"_s, tr("list: decided, expired and withdrawn requests too.")},
        {u"wait"_s, tr("approve, reject: wait for the outcome.")},
    });
    parser.addPositionalArgument(u"action"_s, tr("list, approve or reject."), u"list|approve|reject"_s);
    parser.addPositionalArgument(u"id"_s, tr("The request's id (the command's tid)."), u"[ID]"_s);
}

std::optional<int> ApprovalsCommand::readArguments(const QCommandLineParser &parser,
                                                   const QStringList &positional)
{
    const QString action = positional.value(0, u"list"_s);
    if (action == "list"_L1)
        m_action = Action::List;
    else if (action == "approve"_L1)
        m_action = Action::Approve;
    else if (action == "reject"_L1)
        m_action = Action::Reject;
    else
        return usageError(tr("Unknown action \"%1\": expected list, approve or reject.").arg(action));
    m_reason = parser.value(u"reason"_s);
    m_all = parser.isSet(u"all"_s);
    m_wait = parser.isSet(u"wait"_s);
    if (m_action == Action::List) {
        if (positional.size() > 1)
            return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(1)));
        return std::nullopt;
    }
    if (positional.size() != 2)
        return usageError(tr("%1 needs exactly one request id.").arg(action));
    m_id = positional.at(1);
    if (m_action == Action::Reject && m_reason.trimmed().isEmpty())
        return usageError(tr("reject needs --reason: the requester should know why."));
    return std::nullopt;
}

void ApprovalsCommand::run()
{
    m_queue = new ApprovalQueue(client(), this);
    m_queue->setLedger(&ledger());
    QString error;
    if (m_action != Action::List || ApprovalQueue::isValidIdentity(profile().username)) {
        if (!m_queue->start(&error))
            return fail(UsageError, error);
    } else {
        // Anyone may look at the queue; only deciding needs a name. Subscribing is what start() does.
        client()->subscribe(m_queue->topicPrefix() + u"/requests/+/+"_s, 1);
        client()->subscribe(m_queue->topicPrefix() + u"/decisions/+/+"_s, 1);
        client()->subscribe(ApprovalQueue::gatePrefix() + u"/info"_s, 1);
        client()->subscribe(ApprovalQueue::gatePrefix() + u"/approvals/+/+"_s, 1);
    }
    connect(m_queue, &ApprovalQueue::requestChanged, this, &ApprovalsCommand::onRequestChanged);
    // The queue is retained on the broker: it is complete once the retained messages stop coming.
    afterRetained(300, [this] { m_action == Action::List ? list() : act(); });
}

void ApprovalsCommand::list()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!json())
        writeErr(u"fleetctl: "_s + m_queue->modeText());
    int shown = 0;
    for (const ApprovalRequest &r : m_queue->requests()) {
        const bool open = r.isPending() && !r.isExpired(now);
        if (!open && !m_all)
            continue;
        ++shown;
        const ApprovalRequest::State state = r.isExpired(now) ? ApprovalRequest::State::Expired : r.state;
        if (json()) {
            Json doc = r.toJson();
            doc["requester"] = utf8(r.requester); // the topic's identity
            doc["state"] = utf8(ApprovalRequest::stateKey(state));
            writeOut(compactJson(doc));
            continue;
        }
        QString line = u"%1  %2  %3  %4  %5"_s.arg(r.id, r.requester, r.targetText(), r.command,
                                                   ApprovalRequest::stateText(state));
        if (open)
            line += tr("  expires %1").arg(timeText(r.expiresMs));
        else if (!r.decidedBy.isEmpty())
            line += tr("  by %1").arg(r.decidedBy);
        if (!r.reason.isEmpty())
            line += u"  "_s + r.reason;
        if (!r.payload.empty() &&
            !(r.payload.is_string() && r.payload.get_ref<const std::string &>().empty()))
            line += u"  "_s + compactJson(r.payload);
        writeOut(line);
    }
    if (shown == 0 && !json())
        writeErr(m_all ? tr("fleetctl: the approval queue is empty.")
                       : tr("fleetctl: nothing waits for approval."));
    done(Success);
}

void ApprovalsCommand::act()
{
    QString error;
    const bool ok = m_action == Action::Approve ? m_queue->approve(m_id, m_reason, &error)
                                                : m_queue->reject(m_id, m_reason, &error);
    if (!ok)
        return fail(Rejected, error);
    if (m_queue->gateEnforced()) {
        // The broker decides whether this account may decide at all: say "approved" only once it took it.
        connect(m_queue, &ApprovalQueue::decisionRefused, this, [this](const QString &, const QString &why) {
            fail(Rejected,
                 tr("The broker refused the decision: %1 (only an approver's account may decide).").arg(why));
        });
        connect(m_queue, &ApprovalQueue::decisionDelivered, this, [this] { reportDecision(); });
        return;
    }
    reportDecision();
}

void ApprovalsCommand::reportDecision()
{
    if (isDone())
        return;
    m_decided = true;
    if (!json())
        writeOut(m_action == Action::Approve ? tr("approved %1").arg(m_id) : tr("rejected %1").arg(m_id));
    if (!m_wait)
        return done(Success);
    onRequestChanged(m_id);
}

void ApprovalsCommand::onRequestChanged(const QString &id)
{
    if (!m_decided || !m_wait || id != m_id || isDone())
        return;
    const std::optional<ApprovalRequest> r = m_queue->request(id);
    if (!r || r->isPending())
        return;
    const bool mine = r->decidedBy == profile().username;
    if (json()) {
        Json doc = r->toJson();
        doc["requester"] = utf8(r->requester);
        writeOut(compactJson(doc));
    } else {
        writeOut(tr("outcome: %1%2")
                     .arg(ApprovalRequest::stateText(r->state),
                          r->decidedBy.isEmpty() ? QString() : tr(" by %1").arg(r->decidedBy)));
    }
    done(mine ? Success : Rejected);
}

} // namespace fleet::ctl
