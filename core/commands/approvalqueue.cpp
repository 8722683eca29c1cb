#include "commands/approvalqueue.h"

#include "common/seterror.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "commands/commandtracker.h"
#include "commands/gatebroadcast.h"
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

// The final result of a device's reply as the gate kept it ("succeeded" or "failed", as
// CommandExecution::stateKey() names them), empty for a reply that is not final or not readable. Both forms
// of the Atlas dialect: JSON with "status", and the plain "SUCCESS…"/"FAILURE…" text.
QString resultOfReply(const QByteArray &payload, QString *reason)
{
    QString status;
    if (const std::optional<Json> json = NetworkJson::parse(payload, {ApprovalQueue::MaxMessageBytes, 8});
        json && json->is_object()) {
        const Json *s = jsonMember(*json, "status");
        const Json *r = jsonMember(*json, "reason");
        status = s && s->is_string() ? QString::fromStdString(s->get<std::string>()) : QString();
        *reason = r && r->is_string() ? QString::fromStdString(r->get<std::string>()).left(1024) : QString();
    } else {
        const QString text = QString::fromUtf8(payload.left(1024)).trimmed();
        status = text.section(QLatin1Char(':'), 0, 0).trimmed().toUpper();
        *reason = text.section(QLatin1Char(':'), 1).trimmed();
    }
    if (status == "SUCCESS"_L1)
        return CommandExecution::stateKey(CommandExecution::State::Succeeded);
    if (status == "FAILURE"_L1)
        return CommandExecution::stateKey(CommandExecution::State::Failed);
    reason->clear();
    return {};
}

std::optional<Json> parseObject(const QByteArray &payload)
{
    std::optional<Json> json =
        NetworkJson::parse(payload, {ApprovalQueue::MaxMessageBytes, NetworkJson::DefaultMaxDepth});
    if (!json || !json->is_object())
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
    connect(m_client, &MqttClient::messageSent, this, [this](int id) {
        if (const QString request = m_decisionIds.take(id); !request.isEmpty())
            Q_EMIT decisionDelivered(request);
    });
    connect(m_client, &MqttClient::publishFailed, this,
            [this](int id, MqttClient::Error, const QString &message) {
                if (const QString request = m_decisionIds.take(id); !request.isEmpty())
                    Q_EMIT decisionRefused(request, message);
            });
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
    m_client->subscribe(gatePrefix() + u"/info"_s, 1);
    m_client->subscribe(gatePrefix() + u"/approvals/+/+"_s, 1);
    m_client->subscribe(gatePrefix() + u"/results/"_s + identity(), 1);
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
    if (m_gate) {
        if (!decideThroughGate(m_requests.value(id), approve, reason, error))
            return false;
        audit(action, id, u"sent"_s, reason);
        return true;
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
    if (m_gate)
        return; // the gate publishes requests; the broker lets nobody else write them
    m_unpublished.insert(request.id);
    flushUnpublished();
}

void ApprovalQueue::onMessage(const MqttMessage &message)
{
    const QString topic = message.topic();
    if (topic.startsWith(gatePrefix() + u'/')) {
        const QStringList levels = topic.mid(gatePrefix().size() + 1).split(u'/');
        if (levels.size() == 1 && levels.at(0) == "info"_L1)
            applyGateInfo(message.payload());
        else if (levels.size() == 3 && levels.at(0) == "approvals"_L1)
            onGateApproval(levels.at(1), levels.at(2), message.payload());
        else if (levels.size() == 2 && levels.at(0) == "results"_L1 && levels.at(1) == identity())
            onGateResult(message.payload());
        return;
    }
    // With a gate, requests and decisions published by consoles are not the queue: only the gate's are.
    if (m_gate || !topic.startsWith(m_prefix + u'/'))
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
    // The requester's word alone lets an approver's console clear its retained decision (below, the
    // decision shown before that word is this console's reading, not the outcome).
    const bool settledByRequester = !parsed->isPending();
    showFirstDecision(*parsed);
    m_requests.insert(id, *parsed);
    if (settledByRequester)
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
        showFirstDecision(*it);
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

void ApprovalQueue::showFirstDecision(ApprovalRequest &request) const
{
    // Without a gate only the requester's console acts on a decision, and the requester may be a fleetctl
    // that is not running: every other console kept showing the request pending, with Approve enabled, until
    // it ran again. They show the first valid decision they hold instead (the rule the requester applies: not
    // the requester's own, made before the expiry), so that nobody is invited to decide a decided request;
    // the outcome the requester publishes replaces it.
    if (m_gate || !request.isPending())
        return;
    for (const ApprovalRequest::Decision &d : std::as_const(request.decisions)) {
        if (d.approver == request.requester || (d.timeMs > 0 && d.timeMs >= request.expiresMs))
            continue;
        request.state = d.approve ? State::Approved : State::Rejected;
        request.decidedBy = d.approver;
        request.decidedMs = d.timeMs > 0 ? d.timeMs : wallMs();
        request.reason = d.reason;
        return;
    }
}

void ApprovalQueue::followOutcome(const QString &key, const CommandExecution &e)
{
    const auto it = m_requests.find(key);
    if (it == m_requests.end() || !isMine(key) || it->state != State::Approved)
        return;
    // What became of an approved command, published with the request so that the approver (and every
    // other console) sees it sent and finished, not only the requester's timeline.
    qint64 sentMs = it->sentMs;
    for (const CommandExecution::Transition &t : e.transitions) {
        if (sentMs == 0 && t.state == CommandExecution::State::Sent)
            sentMs = t.timeMs;
    }
    const bool final = e.isFinal() && e.state != CommandExecution::State::Rejected;
    const QString result = final ? CommandExecution::stateKey(e.state) : it->result;
    const QString resultReason = final ? e.reason.left(1024) : it->resultReason;
    if (sentMs == it->sentMs && result == it->result && resultReason == it->resultReason)
        return;
    it->sentMs = sentMs;
    it->result = result;
    it->resultReason = resultReason;
    store(*it);
    publishRequest(*it);
    Q_EMIT requestChanged(key);
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
    // With a gate the key is "requester/id", and the tracker knows the id alone.
    const QString tid = m_gate && id.startsWith(identity() + u'/') ? id.mid(identity().size() + 1) : id;
    if (m_tracker) {
        switch (state) {
        case State::Approved:
            if (!m_tracker->approve(tid, reason.isEmpty() ? tr("approved by %1").arg(decidedBy)
                                                          : tr("approved by %1: %2").arg(decidedBy, reason)))
                qCWarning(lcApprovals, "Approved request %s has no command waiting any more", qPrintable(id));
            break;
        case State::Rejected:
            m_tracker->reject(tid, reason.isEmpty() ? tr("rejected by %1").arg(decidedBy)
                                                    : tr("rejected by %1: %2").arg(decidedBy, reason));
            break;
        case State::Expired:
            m_tracker->reject(tid, tr("the approval request expired"));
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
    // With a gate, a selection broadcast is one request for all of its devices, under the broadcast's id.
    const bool broadcast = m_gate && !e->broadcastId.isEmpty() && e->group.isEmpty();
    const QString requestId = broadcast ? e->broadcastId : id;
    const QString key = keyOf(requestId);
    const auto it = m_requests.constFind(key);
    if (e->state == CommandExecution::State::AwaitingApproval && it == m_requests.cend()) {
        ApprovalRequest request;
        request.id = key;
        request.requester = identity();
        request.device = e->device;
        request.command = e->command;
        request.parameters = e->parameters;
        request.payload = e->payload;
        request.requestedMs = e->createdMs() > 0 ? e->createdMs() : wallMs();
        request.expiresMs = wallMs() + m_lifetimeMs;
        if (broadcast) {
            request.device.clear();
            for (const QString &member : m_tracker->awaitingApproval(requestId)) {
                if (const std::optional<CommandExecution> m = m_tracker->execution(member))
                    request.targets.append(m->device);
            }
        }
        m_requests.insert(key, request);
        m_mine.insert(key);
        store(request);
        audit(u"approval-request"_s, key, u"pending"_s, tr("%1 to %2").arg(e->command, request.targetText()));
        if (m_gate)
            m_tracker->submitForApproval(requestId); // the gate holds it and publishes the request
        else
            publishRequest(request);
        rearm();
        Q_EMIT requestChanged(key);
    } else if (it != m_requests.cend() && isMine(key) && it->isPending() &&
               e->state != CommandExecution::State::AwaitingApproval &&
               m_tracker->awaitingApproval(requestId).isEmpty()) {
        // Cancelled (or decided) in the tracker directly: nobody can approve it any more. (A broadcast is
        // withdrawn when none of its devices waits for it any more.)
        if (m_gate && e->state == CommandExecution::State::Cancelled)
            m_client->publish(
                MqttMessage(gatePrefix() + u"/cancel/"_s + identity() + u'/' + requestId, "{}", 1));
        settle(key, State::Withdrawn, {}, e->reason.isEmpty() ? tr("withdrawn by the requester") : e->reason);
    }
    if (!broadcast)
        followOutcome(key, *e);
}

QString ApprovalQueue::keyOf(const QString &id) const
{
    return m_gate ? identity() + u'/' + id : id;
}

QString ApprovalQueue::submitPrefix() const
{
    // Without a name there is nothing to submit under (the ACL pins each operator to their own prefix).
    return m_gate && isValidIdentity(identity()) ? gatePrefix() + u"/submit/"_s + identity() + u'/'
                                                 : QString();
}

QString ApprovalQueue::broadcastPrefix() const
{
    return submitPrefix().isEmpty() ? QString() : gatePrefix() + u"/broadcast/"_s + identity() + u'/';
}

QString ApprovalQueue::modeText() const
{
    return m_gate ? tr("approvals enforced by fleet-hub") : tr("approvals advisory (no gate on this broker)");
}

void ApprovalQueue::applyGateInfo(const QByteArray &payload)
{
    const std::optional<Json> info = NetworkJson::parse(payload, {1024 * 1024, NetworkJson::DefaultMaxDepth});
    const Json *approvals = info ? jsonMember(*info, "approvals") : nullptr;
    const bool gate = approvals && *approvals == "enforced";
    if (gate == m_gate)
        return;
    m_gate = gate;
    if (m_tracker)
        m_tracker->setGatePrefix(submitPrefix(), broadcastPrefix());
    // The requests of the other mode are not this one's: what is shown comes again from the right topics.
    for (auto it = m_requests.begin(); it != m_requests.end();) {
        if (isMine(it.key()) && it->isPending() && m_tracker) {
            ++it;
            continue;
        }
        const QString id = it.key();
        it = m_requests.erase(it);
        Q_EMIT requestRemoved(id);
    }
    // Own pending requests (made before the gate was seen, or restored from the ledger) go to the gate now.
    if (m_gate && m_tracker) {
        const QList<QString> own(m_mine.cbegin(), m_mine.cend());
        for (const QString &key : own) {
            const QString id = key.contains(u'/') ? key.section(u'/', 1) : key;
            auto request = m_requests.take(key);
            m_mine.remove(key);
            if (!request.isPending())
                continue;
            request.id = keyOf(id);
            m_requests.insert(request.id, request);
            m_mine.insert(request.id);
            m_tracker->submitForApproval(id);
            Q_EMIT requestChanged(request.id);
        }
    }
    Q_EMIT gateChanged(m_gate);
}

void ApprovalQueue::onGateApproval(const QString &requester, const QString &id, const QByteArray &payload)
{
    const QString key = requester + u'/' + id;
    if (payload.isEmpty()) {
        if (m_requests.remove(key) > 0)
            Q_EMIT requestRemoved(key);
        return;
    }
    QString why;
    const std::optional<Json> json =
        NetworkJson::parse(payload, {MaxMessageBytes, NetworkJson::DefaultMaxDepth}, &why);
    const auto text = [&json](const char *name) {
        const Json *v = json ? jsonMember(*json, name) : nullptr;
        return v && v->is_string() ? QString::fromStdString(v->get<std::string>()) : QString();
    };
    const auto number = [&json](const char *name) -> qint64 {
        const Json *v = json ? jsonMember(*json, name) : nullptr;
        return v && v->is_number_integer() ? v->get<qint64>() : 0;
    };
    const std::optional<State> state = ApprovalRequest::stateFromKey(text("state"));
    if (!json || !json->is_object() || !state || text("id") != id) {
        qCWarning(lcApprovals, "Ignoring the gate's request on %s: %s", qPrintable(key.left(256)),
                  qPrintable(why.isEmpty() ? tr("not a request of the gate") : why));
        return;
    }
    ApprovalRequest request;
    request.id = key;
    request.requester = requester; // the topic's: only the gate writes there
    request.device = text("device").isEmpty() ? text("group") : text("device");
    request.command = text("command").isEmpty() ? text("kind") : text("command");
    if (const Json *p = jsonMember(*json, "parameters"))
        request.parameters = *p;
    const QString payloadText = text("payload");
    request.payload = NetworkJson::parse(payloadText.toUtf8()).value_or(Json(payloadText.toStdString()));
    request.topic = text("topic");
    request.digest = text("digest");
    if (const Json *targets = jsonMember(*json, "targets"); targets && targets->is_array()) {
        // The gate's own list, bounded as the gate bounds a broadcast; anything else in it is not a device.
        for (const Json &target : *targets) {
            if (request.targets.size() >= GateBroadcast::MaxTargets)
                break;
            if (target.is_string() && target.get_ref<const std::string &>().size() <= 256)
                request.targets.append(QString::fromStdString(target.get<std::string>()));
        }
    }
    request.requestedMs = number("requestedAt");
    request.expiresMs = number("expiresAt");
    request.state = *state;
    request.decidedBy = text("decidedBy");
    request.decidedMs = number("decidedAt");
    request.reason = request.decidedBy.isEmpty() ? text("reason") : text("decisionReason");
    request.sentMs = number("sentAt");
    if (const Json *reply = jsonMember(*json, "reply")) {
        const Json *replyPayload = jsonMember(*reply, "payload");
        if (replyPayload && replyPayload->is_string())
            request.result = resultOfReply(QByteArray::fromStdString(replyPayload->get<std::string>()),
                                           &request.resultReason);
    }
    const bool mine = requester == identity();
    const std::optional<ApprovalRequest> before =
        m_requests.contains(key) ? std::optional(m_requests.value(key)) : std::nullopt;
    if (before && request.result.isEmpty() && before->state == request.state) {
        // Learnt from this console's own tracker before the gate's copy had the device's reply.
        request.result = before->result;
        request.resultReason = before->resultReason;
        request.sentMs = std::max(request.sentMs, before->sentMs);
    }
    m_requests.insert(key, request);
    if (mine && m_tracker) {
        // The gate's word on this console's own command: it was sent (by the gate, once), or it ends here.
        // (For a broadcast, every device of it that still waits.)
        const QStringList waiting = m_tracker->awaitingApproval(id);
        if (!waiting.isEmpty())
            m_mine.insert(key);
        const QString by =
            request.reason.isEmpty() ? request.decidedBy : request.decidedBy + u": "_s + request.reason;
        // A group request has no execution of its own to wait: the tracker opens or closes its window.
        for (const QString &member : waiting.isEmpty() ? QStringList{id} : waiting) {
            if (request.state == State::Approved && number("sentAt") > 0)
                m_tracker->sentByGate(member, tr("approved by %1").arg(by));
            else if (request.state == State::Rejected)
                m_tracker->reject(member, tr("rejected by %1").arg(by));
            else if (request.state == State::Expired)
                m_tracker->reject(member, tr("the approval request expired"));
            else if (request.state == State::Withdrawn)
                m_tracker->reject(member, tr("withdrawn"));
        }
        // The device answered the gate while this console was away: the verdict comes with the gate's copy.
        const Json *reply = jsonMember(*json, "reply");
        const Json *replyTopic = reply ? jsonMember(*reply, "topic") : nullptr;
        const Json *replyPayload = reply ? jsonMember(*reply, "payload") : nullptr;
        const std::optional<CommandExecution> now = m_tracker->execution(id);
        if (replyTopic && replyTopic->is_string() && replyPayload && replyPayload->is_string() && now &&
            !now->isFinal())
            m_tracker->acceptReply(MqttMessage(QString::fromStdString(replyTopic->get<std::string>()),
                                               QByteArray::fromStdString(replyPayload->get<std::string>())));
        if (!before || before->state != request.state)
            store(request);
    }
    prune();
    Q_EMIT requestChanged(key);
}

void ApprovalQueue::onGateResult(const QByteArray &payload)
{
    const std::optional<Json> json = NetworkJson::parse(payload, {MaxMessageBytes, 8});
    const Json *outcome = json ? jsonMember(*json, "outcome") : nullptr;
    const Json *request = json ? jsonMember(*json, "request") : nullptr;
    const Json *reason = json ? jsonMember(*json, "reason") : nullptr;
    if (!outcome || !request || !request->is_string())
        return;
    const QString id = QString::fromStdString(request->get<std::string>());
    Q_EMIT gateAnswered(
        id, outcome->is_string() ? QString::fromStdString(outcome->get<std::string>()) : QString(),
        reason && reason->is_string() ? QString::fromStdString(reason->get<std::string>()) : QString());
    // A queue without a tracker (fleetctl's shadow command) only relays the answer to its shadow requests.
    if (!m_tracker)
        return;
    const QString why =
        reason && reason->is_string() ? QString::fromStdString(reason->get<std::string>()) : QString();
    if (*outcome == "held") {
        // Something this console sent as an ordinary request that the gate's catalog judges sensitive: it
        // now waits for an approval, not for a reply that cannot come.
        m_tracker->heldByGate(id, why);
        return;
    }
    if (*outcome != "refused")
        return;
    // A refused broadcast fails every device of it that was waiting for it.
    const QStringList members = m_tracker->awaitingApproval(id);
    if (members.isEmpty())
        m_tracker->refusedByGate(id, why);
    for (const QString &member : members)
        m_tracker->refusedByGate(member, why);
}

bool ApprovalQueue::decideThroughGate(const ApprovalRequest &request, bool approve, const QString &reason,
                                      QString *error)
{
    // Bound to the content the approver saw: if the request changed, the gate finds another digest.
    const Json body = {{"decision", approve ? "approve" : "reject"},
                       {"digest", request.digest.toStdString()},
                       {"reason", reason.toStdString()}};
    const QString topic = gatePrefix() + u"/decisions/"_s + request.id + u'/' + identity();
    // Retained: fleet-hub takes it even if it is down right now, and clears it once read.
    const int messageId = m_client->publish(MqttMessage(topic, compactJsonBytes(body), 1, true));
    if (messageId < 0) {
        setError(error, m_client->errorString());
        return false;
    }
    if (m_decisionIds.size() < 1000) // a few at a time in practice; never unbounded
        m_decisionIds.insert(messageId, request.id);
    return true;
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
                   (m_gate || m_client->state() == MqttClient::State::Connected)) {
            // Decided long enough ago for every console to have seen the outcome: taken off the broker (the
            // ledger keeps it) so that retained requests do not pile up.
            if (!m_gate &&
                m_client->publish(MqttMessage(requestTopic(it->requester, id), QByteArray(), 1, true)) < 0)
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
