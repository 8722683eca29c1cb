#include "commands/approvalnotices.h"

#include "commands/commandexecution.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using Kind = ApprovalNotices::Notice::Kind;
using State = ApprovalRequest::State;

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A result key ("succeeded", "timed-out", …) as operators read it.
QString resultText(const QString &key)
{
    for (int s = 0; s < CommandExecution::StateCount; ++s) {
        if (CommandExecution::stateKey(CommandExecution::State(s)) == key)
            return CommandExecution::stateText(CommandExecution::State(s));
    }
    return key;
}

// Summaries quote names other accounts chose: kept to a length a notification can show.
QString clip(const QString &text, qsizetype max = 200)
{
    return text.size() > max ? text.left(max - 1) + u'…' : text;
}

} // namespace

ApprovalNotices::ApprovalNotices(ApprovalQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_sinceMs(wallMs())
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &ApprovalNotices::checkExpiries);
    connect(m_queue, &ApprovalQueue::requestChanged, this, &ApprovalNotices::review);
    connect(m_queue, &ApprovalQueue::requestRemoved, this, &ApprovalNotices::onRemoved);
    connect(m_queue, &ApprovalQueue::gateAnswered, this, &ApprovalNotices::onGateAnswered);
    // The requests known already (a queue started before this object): waiting ones wait now.
    for (const ApprovalRequest &r : m_queue->requests())
        review(r.id);
}

ApprovalNotices::~ApprovalNotices() = default;

void ApprovalNotices::review(const QString &id)
{
    const std::optional<ApprovalRequest> r = m_queue->request(id);
    if (!r)
        return onRemoved(id);
    const QString me = m_queue->identity();
    const bool known = m_told.contains(id);

    if (m_queue->canDecide(id)) {
        setWaiting(id, true, r->expiresMs);
        Notice n{Kind::Waiting, id, tr("%1 asks for your approval").arg(clip(r->requester)),
                 tr("%1 to %2", "command to target").arg(clip(r->command), clip(r->targetText())), 1};
        tell(id, ToldWaiting, true, n);
    } else {
        setWaiting(id, false);
    }

    if (me.isEmpty() || r->requester != me)
        return;
    // A decision seen first now is news when it was made while this object watched; one from before (the
    // history a console finds at start) is not.
    const bool live = known || (r->decidedMs > 0 && r->decidedMs >= m_sinceMs);
    const QString target = clip(r->targetText());
    const QString command = clip(r->command);
    const QString why = clip(r->reason, 500);
    switch (r->state) {
    case State::Approved:
        tell(id, ToldApproved, live,
             {Kind::Approved, id, tr("%1 approved your %2").arg(clip(r->decidedBy), command),
              why.isEmpty() ? tr("%1 to %2", "command to target").arg(command, target)
                            : tr("%1 to %2: %3", "command to target: reason").arg(command, target, why),
              1});
        if (!r->result.isEmpty()) {
            const QString detail = clip(r->resultReason, 500);
            tell(id, ToldFinished, live,
                 {Kind::Finished, id,
                  tr("Your %1 finished: %2", "command: result").arg(command, resultText(r->result)),
                  detail.isEmpty() ? target : tr("%1: %2", "target: detail").arg(target, detail), 1});
        }
        break;
    case State::Rejected:
        tell(id, ToldRejected, live,
             {Kind::Rejected, id, tr("%1 rejected your %2").arg(clip(r->decidedBy), command),
              why.isEmpty() ? tr("%1 to %2", "command to target").arg(command, target)
                            : tr("%1 to %2: %3", "command to target: reason").arg(command, target, why),
              1});
        break;
    case State::Expired:
        tell(id, ToldExpired, live,
             {Kind::Expired, id, tr("Your %1 expired unapproved").arg(command),
              tr("Nobody decided on %1 to %2 in time.").arg(command, target), 1});
        break;
    case State::Pending:
    case State::Withdrawn: // the requester's own act: nothing to tell them
        if (!known)
            tell(id, Told(0), false, {});
        break;
    }
}

void ApprovalNotices::onRemoved(const QString &id)
{
    // What was told stays remembered (bounded): a request that comes back is not news again.
    setWaiting(id, false);
}

void ApprovalNotices::onGateAnswered(const QString &id, const QString &outcome, const QString &reason)
{
    // The gate's answer to this user's own submission: it may come before its copy of the request does.
    // (held and refused answer an act of this user a moment ago; the composer shows them.)
    const QString key = m_queue->gateEnforced() ? m_queue->identity() + u'/' + id : id;
    if (const std::optional<ApprovalRequest> r = m_queue->request(key);
        r && ApprovalRequest::stateKey(r->state) == outcome)
        return review(key);
    const QString why = clip(reason, 500);
    const QString subject = clip(m_queue->request(key) ? m_queue->request(key)->command : id);
    if (outcome == "approved"_L1)
        tell(key, ToldApproved, true, {Kind::Approved, key, tr("Your %1 was approved").arg(subject), why, 1});
    else if (outcome == "rejected"_L1)
        tell(key, ToldRejected, true, {Kind::Rejected, key, tr("Your %1 was rejected").arg(subject), why, 1});
    else if (outcome == "expired"_L1)
        tell(key, ToldExpired, true,
             {Kind::Expired, key, tr("Your %1 expired unapproved").arg(subject), why, 1});
}

void ApprovalNotices::tell(const QString &id, Told what, bool live, Notice notice)
{
    auto it = m_told.find(id);
    if (it == m_told.end()) {
        while (m_told.size() >= MaxRemembered && !m_toldOrder.isEmpty())
            m_told.remove(m_toldOrder.dequeue());
        it = m_told.insert(id, 0);
        m_toldOrder.enqueue(id);
    }
    if (what == 0 || (*it & what))
        return;
    *it |= what;
    if (!live)
        return;
    if (m_pending.isEmpty())
        QTimer::singleShot(0, this, &ApprovalNotices::flush);
    // Bounded by the requests remembered: each transition is queued once.
    m_pending.append(std::move(notice));
}

void ApprovalNotices::flush()
{
    const QList<Notice> pending = std::exchange(m_pending, {});
    for (const Kind kind : {Kind::Waiting, Kind::Approved, Kind::Rejected, Kind::Expired, Kind::Finished}) {
        QList<Notice> ofKind;
        std::copy_if(pending.cbegin(), pending.cend(), std::back_inserter(ofKind),
                     [kind](const Notice &n) { return n.kind == kind; });
        if (ofKind.size() <= MaxNoticesPerTurn) {
            for (const Notice &n : std::as_const(ofKind))
                Q_EMIT notice(n);
            continue;
        }
        const int count = int(ofKind.size());
        Notice summary{kind, {}, {}, {}, count};
        switch (kind) {
        case Kind::Waiting:
            summary.summary = tr("%n approval request(s) wait for you", nullptr, count);
            break;
        case Kind::Approved:
            summary.summary = tr("%n of your request(s) approved", nullptr, count);
            break;
        case Kind::Rejected:
            summary.summary = tr("%n of your request(s) rejected", nullptr, count);
            break;
        case Kind::Expired:
            summary.summary = tr("%n of your request(s) expired unapproved", nullptr, count);
            break;
        case Kind::Finished:
            summary.summary = tr("%n of your approved command(s) finished", nullptr, count);
            break;
        }
        QStringList lines;
        for (const Notice &n : std::as_const(ofKind).mid(0, MaxNoticesPerTurn))
            lines.append(n.summary);
        lines.append(tr("… and %n more: see the Approvals tab.", nullptr, count - MaxNoticesPerTurn));
        summary.body = lines.join(u'\n');
        Q_EMIT notice(summary);
    }
}

void ApprovalNotices::setWaiting(const QString &id, bool waiting, qint64 expiresMs)
{
    const qsizetype before = m_waiting.size();
    if (waiting) {
        m_waiting.insert(id, expiresMs);
        armExpiry();
    } else {
        m_waiting.remove(id);
    }
    if (m_waiting.size() != before)
        Q_EMIT waitingChanged(int(m_waiting.size()));
}

void ApprovalNotices::checkExpiries()
{
    // A request whose requester is gone (a fleetctl that ended) expires without any message.
    for (const QString &id : m_waiting.keys()) {
        if (!m_queue->canDecide(id))
            setWaiting(id, false);
    }
    armExpiry();
}

void ApprovalNotices::armExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const qint64 expires : std::as_const(m_waiting))
        next = std::min(next, expires);
    if (next == std::numeric_limits<qint64>::max()) {
        m_expiry.stop();
        return;
    }
    // At least every minute, at most when the first one expires.
    m_expiry.start(int(std::clamp<qint64>(next - wallMs() + 1, 0, 60 * 1000)));
}

} // namespace fleet
