#include "commands/approvalqueue.h"

#include "common/seterror.h"

#include "common/json.h"

#include "commands/commandtracker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

Q_LOGGING_CATEGORY(lcApprovals, "fleet.approvals")

namespace {

using State = ApprovalRequest::State;

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::optional<Json> parseObject(const QByteArray &payload)
{
    Json json = Json::parse(payload.constBegin(), payload.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    return json;
}

} // namespace

ApprovalQueue::ApprovalQueue(MqttClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ApprovalQueue::onTimer);
    connect(m_client, &MqttClient::messageReceived, this, &ApprovalQueue::onMessage);
    connect(m_client, &MqttClient::connected, this, &ApprovalQueue::onConnected);
    connect(m_client, &MqttClient::readyToPublish, this, &ApprovalQueue::flushUnpublished);
}

ApprovalQueue::~ApprovalQueue() = default;

void ApprovalQueue::setTracker(CommandTracker *tracker)
{
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (m_tracker)
        connect(m_tracker, &CommandTracker::executionChanged, this, &ApprovalQueue::onExecutionChanged);
}

QString ApprovalQueue::identity() const
{
    return m_client->profile().username;
}

bool ApprovalQueue::isValidIdentity(const QString &name)
{
    return !name.isEmpty() && name.size() <= 256 && !name.contains(u'/') && !name.contains(u'+') &&
           !name.contains(u'#') && !name.contains(QChar(0));
}

QString ApprovalQueue::requestTopic(const QString &requester, const QString &id) const
{
    return m_prefix + u"/requests/"_s + requester + u'/' + id;
}

QString ApprovalQueue::decisionTopic(const QString &id, const QString &approver) const
{
    return m_prefix + u"/decisions/"_s + id + u'/' + approver;
}

bool ApprovalQueue::start(QString *error)
{
    if (!isValidIdentity(identity())) {
        setError(error,
                 identity().isEmpty()
                     ? tr("Approvals need an MQTT username: the broker's account is the approver's "
                          "identity, and an anonymous connection has none.")
                     : tr("The MQTT username \"%1\" cannot take part in approvals: it must not contain "
                          "'/', '+' or '#'.")
                           .arg(identity()));
        return false;
    }
    if (m_ledger) {
        const std::optional<QList<ApprovalRequest>> stored =
            m_ledger->approvals(identity(), false, int(MaxRequests));
        if (!stored) {
            setError(error, m_ledger->errorString());
            return false;
        }
        if (!m_ledger->errorString().isEmpty())
            qCWarning(lcApprovals, "%s", qPrintable(m_ledger->errorString()));
        for (const ApprovalRequest &request : *stored) {
            m_requests.insert(request.id, request);
            m_mine.insert(request.id);
            m_unpublished.insert(request.id);
        }
    }
    m_client->subscribe(m_prefix + u"/requests/+/+"_s, 1);
    m_client->subscribe(m_prefix + u"/decisions/+/+"_s, 1);
    m_started = true;

    if (m_tracker) {
        // Finish what a crash interrupted: a decision written to the ledger but not yet given to the tracker,
        // or a command whose request never reached the ledger.
        for (const QString &id : QStringList(m_mine.cbegin(), m_mine.cend())) {
            const ApprovalRequest request = m_requests.value(id);
            const std::optional<CommandExecution> e = m_tracker->execution(id);
            if (!e)
                continue; // not followed by this tracker (fleetctl resumes only what it is asked about)
            const bool waiting = e->state == CommandExecution::State::AwaitingApproval;
            if (request.isPending() && !waiting)
                settle(id, State::Withdrawn, {}, tr("the command is no longer waiting for approval"));
            else if (request.state == State::Approved && waiting)
                m_tracker->approve(id, tr("approved by %1").arg(request.decidedBy));
            else if (!request.isPending() && request.state != State::Approved && waiting)
                m_tracker->reject(id, request.reason);
        }
        for (const CommandExecution &e : m_tracker->executions()) {
            if (e.state == CommandExecution::State::AwaitingApproval && !m_requests.contains(e.id))
                onExecutionChanged(e.id);
        }
    }
    if (m_client->state() == MqttClient::State::Connected)
        flushUnpublished();
    rearm();
    return true;
}

QList<ApprovalRequest> ApprovalQueue::requests() const
{
    return m_requests.values();
}

std::optional<ApprovalRequest> ApprovalQueue::request(const QString &id) const
{
    const auto it = m_requests.constFind(id);
    if (it == m_requests.cend())
        return std::nullopt;
    return *it;
}

int ApprovalQueue::pendingCount() const
{
    const qint64 now = wallMs();
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [now](const ApprovalRequest &r) { return r.isPending() && !r.isExpired(now); }));
}

bool ApprovalQueue::canDecide(const QString &id, QString *why) const
{
    const auto it = m_requests.constFind(id);
    if (it == m_requests.cend()) {
        setError(why, tr("There is no approval request %1.").arg(id));
        return false;
    }
    if (!isValidIdentity(identity())) {
        setError(why,
                 tr("Deciding needs an MQTT username: the broker's account is the approver's identity."));
        return false;
    }
    if (it->requester == identity()) {
        setError(why, tr("Request %1 is yours: another person must decide on it.").arg(id));
        return false;
    }
    if (it->isExpired(wallMs())) {
        setError(why, tr("Request %1 has expired.").arg(id));
        return false;
    }
    if (!it->isPending()) {
        setError(why,
                 tr("Request %1 is already %2.").arg(id, ApprovalRequest::stateText(it->state).toLower()));
        return false;
    }
    return true;
}

bool ApprovalQueue::approve(const QString &id, const QString &reason, QString *error)
{
    return decide(id, true, reason, error);
}

bool ApprovalQueue::reject(const QString &id, const QString &reason, QString *error)
{
    return decide(id, false, reason, error);
}

bool ApprovalQueue::decide(const QString &id, bool approve, const QString &reason, QString *error)
{
    const QString action = approve ? u"approve"_s : u"reject"_s;
    QString why;
    if (!canDecide(id, &why)) {
        setError(error, why);
        audit(action, id, u"refused"_s, why);
        return false;
    }
    const Json body = {{"id", id.toStdString()},
                       {"decision", approve ? "approve" : "reject"},
                       {"reason", reason.toStdString()},
                       {"time", wallMs()}};
    const QByteArray bytes = compactJsonBytes(body);
    if (m_client->publish(MqttMessage(decisionTopic(id, identity()), bytes, 1, true)) < 0) {
        setError(error, m_client->errorString());
        audit(action, id, u"refused"_s, m_client->errorString());
        return false;
    }
    audit(action, id, u"sent"_s, reason);
    return true;
}

void ApprovalQueue::onConnected()
{
    if (!m_started)
        return;
    // Published again on every connection: retained publishes are idempotent, and a request made (or decided)
    // while disconnected, or restored from the ledger, reaches the broker this way.
    for (const QString &id : std::as_const(m_mine)) {
        if (m_requests.contains(id))
            m_unpublished.insert(id);
    }
    flushUnpublished();
}

void ApprovalQueue::flushUnpublished()
{
    if (!m_started || m_client->state() != MqttClient::State::Connected)
        return;
    for (const QString &id : QStringList(m_unpublished.cbegin(), m_unpublished.cend())) {
        const auto it = m_requests.constFind(id);
        if (it == m_requests.cend()) {
            m_unpublished.remove(id);
            continue;
        }
        const QByteArray bytes = compactJsonBytes(it->toJson());
        if (m_client->publish(MqttMessage(requestTopic(it->requester, id), bytes, 1, true)) < 0)
            return; // no room or no connection: readyToPublish() or connected() brings us back
        m_unpublished.remove(id);
    }
}

void ApprovalQueue::publishRequest(const ApprovalRequest &request)
{
    m_unpublished.insert(request.id);
    flushUnpublished();
}

void ApprovalQueue::onMessage(const MqttMessage &message)
{
    const QString topic = message.topic();
    if (!topic.startsWith(m_prefix + u'/'))
        return;
    const QStringList levels = topic.mid(m_prefix.size() + 1).split(u'/');
    if (levels.size() != 3 || levels.at(1).isEmpty() || levels.at(2).isEmpty())
        return;
    if (levels.at(0) == "requests"_L1)
        onRequestMessage(levels.at(1), levels.at(2), message.payload());
    else if (levels.at(0) == "decisions"_L1)
        onDecisionMessage(levels.at(1), levels.at(2), message.payload());
}

void ApprovalQueue::onRequestMessage(const QString &requester, const QString &id, const QByteArray &payload)
{
    if (isMine(id))
        return; // the echo of what this console published: its own copy is the truth
    if (payload.isEmpty()) {
        // Cleared by its requester once decided long enough ago.
        m_early.remove(id);
        if (m_requests.remove(id) > 0)
            Q_EMIT requestRemoved(id);
        return;
    }
    QString why;
    const std::optional<Json> json = parseObject(payload);
    std::optional<ApprovalRequest> parsed = json ? ApprovalRequest::fromJson(*json, &why) : std::nullopt;
    if (!parsed || parsed->id != id) {
        qCWarning(lcApprovals, "Ignoring the approval request on %s: %s",
                  qPrintable(requestTopic(requester, id)),
                  qPrintable(!json     ? tr("not a JSON object")
                             : !parsed ? why
                                       : tr("its id is not the topic's")));
        return;
    }
    parsed->requester = requester; // the topic's identity, which the broker vouches for
    const auto existing = m_requests.constFind(id);
    if (existing != m_requests.cend()) {
        for (const ApprovalRequest::Decision &d : existing->decisions) {
            if (!parsed->decisionBy(d.approver))
                parsed->decisions.append(d);
        }
    }
    for (const ApprovalRequest::Decision &d : m_early.take(id))
        parsed->addDecision(d);
    m_requests.insert(id, *parsed);
    if (!parsed->isPending())
        clearOwnDecision(*parsed);
    prune();
    Q_EMIT requestChanged(id);
}

void ApprovalQueue::onDecisionMessage(const QString &id, const QString &approver, const QByteArray &payload)
{
    if (payload.isEmpty())
        return; // a decision cleared once its outcome was out
    const std::optional<Json> json = parseObject(payload);
    const auto verdict = json ? json->find("decision") : Json::const_iterator();
    if (!json || verdict == json->end() || !verdict->is_string() ||
        (*verdict != "approve" && *verdict != "reject")) {
        const QString why =
            tr("a decision must be a JSON object with \"decision\": \"approve\" or \"reject\"");
        if (isMine(id)) {
            audit(u"decision"_s, id, u"ignored"_s, approver + u": "_s + why);
            Q_EMIT decisionIgnored(id, approver, why);
        }
        return;
    }
    const auto reason = json->find("reason");
    const auto time = json->find("time");
    const ApprovalRequest::Decision decision{
        approver, *verdict == "approve",
        reason != json->end() && reason->is_string() ? QString::fromStdString(reason->get<std::string>())
                                                     : QString(),
        time != json->end() && time->is_number_integer() ? time->get<qint64>() : wallMs()};
    if (!m_requests.contains(id)) {
        // Its request may simply not have arrived yet; bounded, since a stray decision never gets one.
        if (m_early.size() < MaxRequests)
            m_early[id].append(decision);
        return;
    }
    applyDecision(id, decision);
}

void ApprovalQueue::applyDecision(const QString &id, const ApprovalRequest::Decision &decision)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    if (!isMine(id)) {
        // Someone else's request: shown, never acted on; its requester's console publishes the outcome.
        it->addDecision(decision);
        Q_EMIT requestChanged(id);
        return;
    }
    if (it->decisionBy(decision.approver) == decision)
        return; // the same retained decision again (a reconnect)
    const auto ignore = [&](const QString &why) {
        audit(decision.approve ? u"approve"_s : u"reject"_s, id, u"ignored"_s,
              decision.approver + u": "_s + why);
        store(*it);
        Q_EMIT decisionIgnored(id, decision.approver, why);
        Q_EMIT requestChanged(id);
    };
    if (decision.approver == it->requester) {
        // Not recorded among the decisions: it never counts, whatever happens next.
        return ignore(tr("the requester cannot decide on their own request"));
    }
    if (it->isPending() && it->isExpired(wallMs()))
        settle(id, State::Expired, {}, tr("nobody decided before the request expired"));
    if (!it->isPending()) {
        it->addDecision(decision);
        return ignore(tr("the request was already %1").arg(ApprovalRequest::stateText(it->state).toLower()));
    }
    it->addDecision(decision);
    settle(id, decision.approve ? State::Approved : State::Rejected, decision.approver, decision.reason);
}

void ApprovalQueue::settle(const QString &id, State state, const QString &decidedBy, const QString &reason)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end() || !it->isPending())
        return;
    it->state = state;
    it->decidedBy = decidedBy;
    it->decidedMs = wallMs();
    it->reason = reason;
    // On disk before the tracker acts: after a crash, start() finds the decision and completes it, and a
    // second decision arriving meanwhile meets a decided request.
    store(*it);
    audit(u"approval"_s, id, ApprovalRequest::stateKey(state),
          decidedBy.isEmpty() ? reason : decidedBy + u": "_s + reason);
    if (m_tracker) {
        switch (state) {
        case State::Approved:
            if (!m_tracker->approve(id, reason.isEmpty() ? tr("approved by %1").arg(decidedBy)
                                                         : tr("approved by %1: %2").arg(decidedBy, reason)))
                qCWarning(lcApprovals, "Approved request %s has no command waiting any more", qPrintable(id));
            break;
        case State::Rejected:
            m_tracker->reject(id, reason.isEmpty() ? tr("rejected by %1").arg(decidedBy)
                                                   : tr("rejected by %1: %2").arg(decidedBy, reason));
            break;
        case State::Expired:
            m_tracker->reject(id, tr("the approval request expired"));
            break;
        case State::Pending:
        case State::Withdrawn:
            break;
        }
    }
    publishRequest(*it);
    rearm();
    Q_EMIT requestChanged(id);
}

void ApprovalQueue::clearOwnDecision(const ApprovalRequest &request)
{
    // Decisions stay retained until the outcome is out; then each approver's console clears its own (the
    // ACL lets nobody else write there), so the broker does not keep them forever.
    if (!request.decisionBy(identity()) || m_client->state() != MqttClient::State::Connected)
        return;
    m_client->publish(MqttMessage(decisionTopic(request.id, identity()), QByteArray(), 1, true));
}

void ApprovalQueue::onExecutionChanged(const QString &id)
{
    if (!m_tracker || !m_started)
        return;
    const std::optional<CommandExecution> e = m_tracker->execution(id);
    if (!e)
        return;
    const auto it = m_requests.constFind(id);
    if (e->state == CommandExecution::State::AwaitingApproval && it == m_requests.cend()) {
        ApprovalRequest request;
        request.id = id;
        request.requester = identity();
        request.device = e->device;
        request.command = e->command;
        request.parameters = e->parameters;
        request.payload = e->payload;
        request.requestedMs = e->createdMs() > 0 ? e->createdMs() : wallMs();
        request.expiresMs = wallMs() + m_lifetimeMs;
        m_requests.insert(id, request);
        m_mine.insert(id);
        store(request);
        audit(u"approval-request"_s, id, u"pending"_s, tr("%1 to %2").arg(e->command, e->device));
        publishRequest(request);
        rearm();
        Q_EMIT requestChanged(id);
    } else if (it != m_requests.cend() && isMine(id) && it->isPending() &&
               e->state != CommandExecution::State::AwaitingApproval) {
        // Cancelled (or decided) in the tracker directly: nobody can approve it any more.
        settle(id, State::Withdrawn, {}, e->reason.isEmpty() ? tr("withdrawn by the requester") : e->reason);
    }
}

void ApprovalQueue::store(const ApprovalRequest &request)
{
    if (!m_ledger || !isMine(request.id) || m_ledger->recordApproval(request))
        return;
    const QString message = m_ledger->errorString();
    qCWarning(lcApprovals, "%s", qPrintable(message));
    Q_EMIT ledgerFailed(message);
}

void ApprovalQueue::audit(const QString &action, const QString &subject, const QString &outcome,
                          const QString &detail)
{
    if (m_ledger && !m_ledger->appendAudit(identity(), action, subject, outcome, detail))
        Q_EMIT ledgerFailed(m_ledger->errorString());
}

void ApprovalQueue::onTimer()
{
    const qint64 now = wallMs();
    for (const QString &id : QStringList(m_mine.cbegin(), m_mine.cend())) {
        const auto it = m_requests.find(id);
        if (it == m_requests.end())
            continue;
        if (it->isPending() && now >= it->expiresMs) {
            settle(id, State::Expired, {}, tr("nobody decided before the request expired"));
        } else if (!it->isPending() && now >= it->decidedMs + m_lifetimeMs &&
                   m_client->state() == MqttClient::State::Connected) {
            // Decided long enough ago for every console to have seen the outcome: taken off the broker (the
            // ledger keeps it) so that retained requests do not pile up.
            if (m_client->publish(MqttMessage(requestTopic(it->requester, id), QByteArray(), 1, true)) < 0)
                continue;
            m_requests.erase(it);
            m_mine.remove(id);
            m_unpublished.remove(id);
            Q_EMIT requestRemoved(id);
        }
    }
    rearm();
}

void ApprovalQueue::rearm()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const QString &id : std::as_const(m_mine)) {
        const auto it = m_requests.constFind(id);
        if (it != m_requests.cend())
            next = std::min(next, it->isPending() ? it->expiresMs : it->decidedMs + m_lifetimeMs);
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    // At least every minute: the broker connection may come back for a cleanup that could not be published.
    m_timer.start(int(std::clamp<qint64>(next - wallMs(), 0, 60 * 1000)));
}

void ApprovalQueue::prune()
{
    if (m_requests.size() <= MaxRequests)
        return;
    for (auto it = m_requests.begin(); it != m_requests.end() && m_requests.size() > MaxRequests;) {
        if (!isMine(it.key()) && !it->isPending()) {
            const QString id = it.key();
            it = m_requests.erase(it);
            Q_EMIT requestRemoved(id);
        } else {
            ++it;
        }
    }
}

} // namespace fleet
