#include "commands/commandtracker.h"

#include "common/seterror.h"

#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <climits>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// On MQTT 5 the request carries its tid as correlation data (echoed by the device's library even when its
// payload has no tid), its content type, and where to answer; MQTT 3.1.1 has no properties at all.
MqttMessage requestMessage(const MqttClient &client, const QString &topic, const QByteArray &payload,
                           const QByteArray &correlation, const CommandSpec &spec,
                           const std::optional<QString> &responseTopic)
{
    MqttMessage message(topic, payload, 1);
    if (client.profile().protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5) {
        message.properties().correlationData = correlation;
        message.properties().contentType = spec.contentType;
        if (responseTopic)
            message.properties().responseTopic = *responseTopic;
    }
    return message;
}

bool isPublishDeferrable(const MqttClient &client)
{
    return client.state() != MqttClient::State::Connected ||
           client.error() == MqttClient::Error::InFlightWindowFull ||
           client.error() == MqttClient::Error::NotConnected;
}

} // namespace

CommandTracker::CommandTracker(MqttClient *client, CommandCatalog catalog, AtlasDialect dialect,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalog(std::move(catalog))
    , m_dialect(std::move(dialect))
{
    // Free-form payloads have no tid of their own for a device to recognise a retry by, so they are sent
    // once: a lost request ends Unreachable rather than risking the device running it twice.
    m_rawSpec.name = RawCommand;
    m_rawSpec.description = tr("A free-form payload, sent as typed");
    m_rawSpec.dialect = u"atlas-text"_s;
    m_rawSpec.contentType = u"text/plain"_s;
    m_rawSpec.retry.attempts = 1;
    m_clock.start();
    m_turn.setSingleShot(true);
    m_turn.setInterval(0);
    connect(&m_turn, &QTimer::timeout, this, &CommandTracker::endOfTurn);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CommandTracker::onTimer);
    connect(m_client, &MqttClient::messageReceived, this, &CommandTracker::onMessage);
    connect(m_client, &MqttClient::connected, this, &CommandTracker::flushQueued);
    connect(m_client, &MqttClient::readyToPublish, this, &CommandTracker::flushQueued);
    updateRoutes();
}

void CommandTracker::setCatalog(const CommandCatalog &catalog)
{
    m_catalog = catalog;
    updateRoutes();
}

void CommandTracker::updateRoutes()
{
    m_routes = {m_dialect};
    QSet<QString> templates = {m_dialect.responseTemplate()};
    for (const CommandSpec &spec : m_catalog.commands()) {
        const bool atlas = spec.dialect == "atlas"_L1 || spec.dialect == "atlas-text"_L1;
        if (!atlas || templates.contains(spec.responseTopicTemplate))
            continue;
        AtlasDialect route = m_dialect;
        // A template naming {tid} is for dialects that put the tid in the topic; Atlas replies carry it in
        // the payload, and such a template is left to them.
        QString problem;
        if (!route.setResponseTemplate(spec.responseTopicTemplate, &problem)) {
            qWarning("%s", qPrintable(problem));
            continue;
        }
        templates.insert(spec.responseTopicTemplate);
        m_routes.append(route);
    }
    // Kept by the client across reconnects. Left in place at destruction (and when a catalog no longer names
    // one): the client may be gone by then, and another tracker on it may still want them.
    for (const QString &filter : responseFilters()) {
        if (!m_subscribed.contains(filter)) {
            m_subscribed.insert(filter);
            m_client->subscribe(filter, 1);
        }
    }
}

QStringList CommandTracker::responseFilters() const
{
    QStringList filters;
    for (const AtlasDialect &route : m_routes)
        filters.append(route.responseFilter());
    filters.append(m_dialect.groupResponseFilter());
    return filters;
}

CommandTracker::~CommandTracker()
{
    // What this turn changed is written down, so that a tracker closed on purpose leaves a complete ledger.
    persistAll(std::exchange(m_unsaved, {}));
}

void CommandTracker::setDeviceOnline(const QString &device, bool online)
{
    if (online) {
        if (m_offline.remove(device))
            flushQueued();
    } else {
        m_offline.insert(device);
    }
}

void CommandTracker::setGroupMembers(const QString &group, const QStringList &devices)
{
    m_groupMembers.insert(group, devices);
}

const CommandSpec *CommandTracker::findSpec(const QString &commandName) const
{
    return commandName == RawCommand ? &m_rawSpec : m_catalog.find(commandName);
}

const CommandSpec *CommandTracker::specFor(const QString &commandName, QString *error) const
{
    const CommandSpec *spec = m_catalog.find(commandName);
    if (!spec) {
        setError(error, tr("Unknown command \"%1\".").arg(commandName));
        return nullptr;
    }
    if (spec->dialect != QLatin1StringView("atlas") && spec->dialect != QLatin1StringView("atlas-text")) {
        setError(error, tr("Command \"%1\" uses the %2 dialect, which the command tracker does not speak.")
                            .arg(commandName, spec->dialect));
        return nullptr;
    }
    return spec;
}

QString CommandTracker::send(const QString &device, const QString &commandName, const Json &parameters,
                             QString *error)
{
    const CommandSpec *spec = specFor(commandName, error);
    if (!spec)
        return {};
    QString problem;
    // "0" stands in for the tid (a template may name {tid}): only the device id is being checked here.
    if (!AtlasDialect::isValidId(device) ||
        spec->requestTopic(device, &problem, QStringLiteral("0")).isEmpty()) {
        setError(error, problem.isEmpty() ? tr("\"%1\" is not a valid device id.").arg(device) : problem);
        return {};
    }
    const std::optional<Json> payload = spec->buildPayload(parameters, &problem);
    if (!payload) {
        setError(error, problem);
        audit(u"send"_s, device, u"refused"_s, commandName + u": "_s + problem);
        return {};
    }
    const QString id = start(device, *spec, parameters, *payload, {});
    audit(u"send"_s, id, u"accepted"_s, tr("%1 to %2").arg(commandName, device));
    return id;
}

QString CommandTracker::sendRaw(const QString &device, const QByteArray &payload, QString *error)
{
    QString problem;
    if (!AtlasDialect::isValidId(device) || m_rawSpec.requestTopic(device, &problem, u"0"_s).isEmpty()) {
        setError(error, problem.isEmpty() ? tr("\"%1\" is not a valid device id.").arg(device) : problem);
        return {};
    }
    if (payload.isEmpty())
        problem = tr("The free-form payload is empty.");
    else if (payload.size() > MaxRawPayloadBytes)
        problem = tr("The free-form payload of %1 bytes exceeds the limit of %2 bytes.")
                      .arg(payload.size())
                      .arg(MaxRawPayloadBytes);
    else if (QString::fromUtf8(payload).toUtf8() != payload)
        problem = tr("A free-form payload must be UTF-8 text.");
    if (!problem.isEmpty()) {
        setError(error, problem);
        audit(u"send"_s, device, u"refused"_s, QString(RawCommand) + u": "_s + problem);
        return {};
    }
    const QString id = start(device, m_rawSpec, Json::object(), Json(payload.toStdString()), {});
    audit(u"send"_s, id, u"accepted"_s, tr("%1 to %2").arg(QString(RawCommand), device));
    return id;
}

QString CommandTracker::sendToDevices(const QStringList &devices, const QString &commandName,
                                      const Json &parameters, QString *error)
{
    const CommandSpec *spec = specFor(commandName, error);
    if (!spec)
        return {};
    QStringList unique;
    QSet<QString> seen;
    for (const QString &device : devices) {
        if (!seen.contains(device)) {
            seen.insert(device);
            unique.append(device);
        }
    }
    if (unique.isEmpty()) {
        setError(error, tr("No devices are selected."));
        return {};
    }
    QString problem;
    // All or nothing: one bad id refuses the whole selection before anything is sent.
    for (const QString &device : std::as_const(unique)) {
        if (!AtlasDialect::isValidId(device) ||
            spec->requestTopic(device, &problem, QStringLiteral("0")).isEmpty()) {
            setError(error, problem.isEmpty() ? tr("\"%1\" is not a valid device id.").arg(device) : problem);
            return {};
        }
    }
    const std::optional<Json> payload = spec->buildPayload(parameters, &problem);
    if (!payload) {
        setError(error, problem);
        return {};
    }
    Broadcast broadcast;
    broadcast.id = m_tids.next();
    broadcast.command = spec->name;
    broadcast.total = int(unique.size());
    broadcast.open = false;
    m_broadcasts.insert(broadcast.id, broadcast);
    Q_EMIT broadcastProgress(broadcast.id, 0, broadcast.total);
    // Every execution is written in one transaction before the first request goes out (one fsync for the
    // whole selection, instead of one per device), then they are sent.
    QStringList ids;
    ids.reserve(unique.size());
    for (const QString &device : std::as_const(unique))
        ids.append(start(device, *spec, parameters, *payload, broadcast.id, false));
    if (!spec->sensitive) {
        persistAll(ids);
        for (const QString &id : std::as_const(ids))
            dispatch(id);
    }
    audit(u"send"_s, broadcast.id, u"accepted"_s,
          tr("%1 to %n device(s)", nullptr, int(unique.size())).arg(spec->name));
    return broadcast.id;
}

QString CommandTracker::sendToGroup(const QString &group, const QString &commandName, const Json &parameters,
                                    QString *error)
{
    const CommandSpec *spec = specFor(commandName, error);
    if (!spec)
        return {};
    if (spec->groupRequestTopicTemplate.isEmpty()) {
        setError(error, tr("Command \"%1\" cannot be sent to a group.").arg(commandName));
        return {};
    }
    if (spec->sensitive) {
        setError(
            error,
            tr("Command \"%1\" needs an approval, which group broadcasts do not have yet.").arg(commandName));
        return {};
    }
    QString problem;
    const std::optional<Json> payload = spec->buildPayload(parameters, &problem);
    if (!payload) {
        setError(error, problem);
        return {};
    }
    const QString tid = m_tids.next();
    const QString topic =
        AtlasDialect::isValidId(group) ? spec->groupRequestTopic(group, &problem, tid) : QString();
    if (topic.isEmpty()) {
        setError(error, problem.isEmpty() ? tr("\"%1\" is not a valid group id.").arg(group) : problem);
        return {};
    }
    QByteArray correlation;
    const QByteArray bytes = m_dialect.encodeRequest(spec->name, tid, *payload, &correlation, &problem);
    if (bytes.isEmpty()) {
        setError(error, problem);
        return {};
    }
    if (m_client->publish(requestMessage(*m_client, topic, bytes, correlation, *spec,
                                         m_dialect.groupResponseTopic(group))) < 0) {
        setError(error, m_client->errorString());
        return {};
    }

    Broadcast broadcast;
    broadcast.id = tid;
    broadcast.command = spec->name;
    broadcast.group = group;
    broadcast.total = int(m_groupMembers.value(group).size());
    m_broadcasts.insert(tid, broadcast);
    m_groupSends.insert(
        tid, GroupSend{spec->name, group, parameters, *payload, wallMs(), now() + spec->timeoutMs});
    rearm();
    audit(u"send"_s, tid, u"accepted"_s, tr("%1 to group %2").arg(spec->name, group));
    Q_EMIT broadcastProgress(tid, 0, broadcast.total);
    return tid;
}

QString CommandTracker::start(const QString &device, const CommandSpec &spec, const Json &parameters,
                              const Json &payload, const QString &broadcastId, bool dispatchNow)
{
    CommandExecution execution;
    execution.id = execution.tid = m_tids.next();
    execution.command = spec.name;
    execution.device = device;
    execution.broadcastId = broadcastId;
    execution.requestedBy = m_actor;
    execution.parameters = parameters;
    execution.payload = payload;
    Live live;
    if (spec.sensitive) {
        execution.moveTo(State::AwaitingApproval, wallMs());
        live.phase = Phase::Approval;
    } else {
        execution.moveTo(State::Queued, wallMs());
        live.phase = Phase::Queued;
    }
    const QString id = execution.id;
    m_executions.insert(id, execution);
    m_live.insert(id, live);
    if (!broadcastId.isEmpty()) {
        if (auto it = m_broadcasts.find(broadcastId); it != m_broadcasts.end())
            it->executions.append(id);
    }
    if (spec.sensitive) {
        notify(id);
    } else if (dispatchNow) {
        // Written down before the request goes out: a crash right after publishing must not leave a command
        // that the device runs and the ledger never heard of.
        persist(id);
        dispatch(id);
    }
    prune();
    return id;
}

void CommandTracker::dispatch(const QString &id)
{
    const auto it = m_executions.constFind(id);
    const auto live = m_live.find(id);
    if (it == m_executions.cend() || live == m_live.end())
        return;
    if (!isDeviceOnline(it->device)) {
        if (m_offlinePolicy == OfflinePolicy::FailFast)
            return finish(id, State::Failed, tr("device offline"));
        const CommandSpec *spec = findSpec(it->command);
        live->phase = Phase::Queued;
        m_queued.insert(id, true);
        if (live->deadline == 0)
            live->deadline = now() + (spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs);
        rearm();
        notify(id);
        return;
    }
    publishAttempt(id);
}

bool CommandTracker::publishAttempt(const QString &id)
{
    const auto it = m_executions.find(id);
    const auto live = m_live.find(id);
    if (it == m_executions.end() || live == m_live.end())
        return false;
    const CommandSpec *spec = findSpec(it->command);
    if (!spec) {
        finish(id, State::Failed, tr("Command \"%1\" is no longer in the catalog.").arg(it->command));
        return false;
    }
    QString error;
    const QString topic = spec->requestTopic(it->device, &error, it->tid);
    QByteArray correlation;
    QByteArray payload;
    if (topic.isEmpty()) {
        // error says why
    } else if (spec == &m_rawSpec) {
        // Verbatim, as the operator typed it; on MQTT 5 the correlation data still carries the tid.
        payload = QByteArray::fromStdString(it->payload.is_string() ? it->payload.get<std::string>() : "");
        correlation = AtlasDialect::correlationDataFor(it->tid);
        if (payload.isEmpty())
            error = tr("The free-form payload is empty.");
    } else {
        payload = m_dialect.encodeRequest(it->command, it->tid, it->payload, &correlation, &error);
    }
    if (payload.isEmpty()) {
        finish(id, State::Failed, error);
        return false;
    }
    // The command's own response topic, where the tracker listens (with a {tid} level: the dialect's).
    const QString responseTopic = spec->responseTopic(it->device, nullptr, it->tid);
    const MqttMessage message =
        requestMessage(*m_client, topic, payload, correlation, *spec,
                       responseTopic.isEmpty() || spec->responseTopicTemplate.contains(u"{tid}"_s)
                           ? m_dialect.responseTopic(it->device)
                           : std::optional<QString>(responseTopic));
    if (m_client->publish(message) < 0) {
        if (!isPublishDeferrable(*m_client)) {
            finish(id, State::Failed, m_client->errorString());
            return false;
        }
        // No connection: wait Queued (flushQueued() tries again) at most one timeout. No room in the
        // in-flight window: wait for room without a deadline, since the broker is acknowledging and the wait
        // is the console's own (a 10,000-device broadcast queues most of its requests here).
        const bool connected = m_client->state() == MqttClient::State::Connected;
        if (!connected && (live->phase != Phase::Queued || live->deadline == 0))
            live->deadline = now() + spec->timeoutMs;
        else if (connected && live->phase != Phase::Queued)
            live->deadline = 0;
        live->phase = Phase::Queued;
        m_queued.insert(id, true);
        rearm();
        notify(id);
        return false;
    }
    ++it->attempts;
    it->moveTo(State::Sent, wallMs(),
               it->attempts == 1
                   ? QString()
                   : tr("attempt %1 of %2", "command retry").arg(it->attempts).arg(spec->retry.attempts));
    live->phase = Phase::Waiting;
    live->deadline = now() + spec->timeoutMs;
    rearm();
    notify(id);
    return true;
}

void CommandTracker::finish(const QString &id, State state, const QString &reason, const QString &note)
{
    const auto it = m_executions.find(id);
    if (it == m_executions.end())
        return;
    const bool hadVerdict = it->isFinal();
    it->reason = reason;
    it->moveTo(state, wallMs(), note.isEmpty() ? reason : note);
    const QString broadcastId = it->broadcastId;
    m_live.remove(id);
    rearm();
    // The verdict is committed to the ledger before anyone hears of it. (The in-memory copy could later be
    // dropped here, sooner than MaxExecutions.)
    notify(id);
    if (!broadcastId.isEmpty())
        updateBroadcast(broadcastId, hadVerdict ? 0 : 1);
}

void CommandTracker::persist(const QString &id)
{
    const auto it = m_executions.constFind(id);
    if (!m_ledger || it == m_executions.cend() || m_ledger->record(*it))
        return;
    const QString message =
        tr("Command %1 could not be written to the ledger: %2").arg(id, m_ledger->errorString());
    qWarning("%s", qPrintable(message));
    Q_EMIT ledgerFailed(message);
}

void CommandTracker::audit(const QString &action, const QString &subject, const QString &outcome,
                           const QString &detail)
{
    if (m_ledger && !m_ledger->appendAudit(m_actor, action, subject, outcome, detail))
        Q_EMIT ledgerFailed(m_ledger->errorString());
}

void CommandTracker::persistAll(const QStringList &ids)
{
    if (!m_ledger || ids.isEmpty())
        return;
    QList<CommandExecution> executions;
    executions.reserve(ids.size());
    for (const QString &id : ids) {
        if (const auto it = m_executions.constFind(id); it != m_executions.cend())
            executions.append(*it);
    }
    if (m_ledger->recordAll(executions))
        return;
    const QString message =
        tr("%n command(s) could not be written to the ledger: %1", nullptr, int(ids.size()))
            .arg(m_ledger->errorString());
    qWarning("%s", qPrintable(message));
    Q_EMIT ledgerFailed(message);
}

void CommandTracker::notify(const QString &id)
{
    if (!m_ledger) {
        Q_EMIT executionChanged(id);
        return;
    }
    // With a ledger, the changes of one turn of the event loop are committed together (one fsync for a burst
    // of replies) and announced after the commit: nobody hears of a change the ledger could still lose.
    if (!m_unsavedSet.contains(id)) {
        m_unsavedSet.insert(id);
        m_unsaved.append(id);
    }
    scheduleTurn();
}

void CommandTracker::scheduleTurn()
{
    if (!m_turn.isActive())
        m_turn.start();
}

void CommandTracker::endOfTurn()
{
    if (m_rearmNeeded) {
        m_rearmNeeded = false;
        rearmNow();
    }
    if (m_unsaved.isEmpty())
        return;
    const QStringList ids = std::exchange(m_unsaved, {});
    m_unsavedSet.clear();
    persistAll(ids);
    for (const QString &id : ids)
        Q_EMIT executionChanged(id);
}

int CommandTracker::resume(QString *error, const QStringList &only)
{
    if (!m_ledger) {
        setError(error, tr("The command tracker has no ledger to resume from."));
        return -1;
    }
    const std::optional<QList<CommandExecution>> pending = m_ledger->pending();
    if (!pending) {
        setError(error, m_ledger->errorString());
        return -1;
    }
    // Damaged records are left out of pending(); the rest resumes.
    setError(error, m_ledger->errorString());
    // Deadlines lived on the old process's clock: what is left of them comes from the stored wall times.
    const qint64 wall = wallMs();
    const auto after = [this, wall](qint64 sinceMs, qint64 spanMs) {
        return std::max<qint64>(now() + std::max<qint64>(sinceMs + spanMs - wall, 0), 1);
    };
    const auto lastTime = [](const CommandExecution &e, State state) {
        for (auto t = e.transitions.crbegin(); t != e.transitions.crend(); ++t) {
            if (t->state == state)
                return t->timeMs;
        }
        return e.createdMs();
    };
    QStringList resumed;
    for (const CommandExecution &e : *pending) {
        if (m_executions.contains(e.id) || (!only.isEmpty() && !only.contains(e.id)))
            continue;
        const CommandSpec *spec = findSpec(e.command);
        const qint64 timeoutMs = spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs;
        Live live;
        live.retries = e.group.isEmpty();
        switch (e.state) {
        case State::AwaitingApproval:
            live.phase = Phase::Approval;
            break;
        case State::Approved:
        case State::Queued:
            live.phase = Phase::Queued;
            live.deadline = after(lastTime(e, State::Queued), timeoutMs);
            break;
        case State::Sent:
            live.phase = Phase::Waiting;
            live.deadline = after(lastTime(e, State::Sent), timeoutMs);
            break;
        case State::Running:
            live.phase = Phase::Running;
            live.deadline = spec && spec->isLongRunning() ? after(wall, 3 * qint64(spec->heartbeatIntervalMs))
                                                          : after(lastTime(e, State::Sent), timeoutMs);
            break;
        default:
            continue; // pending() returns no verdicts
        }
        m_executions.insert(e.id, e);
        m_live.insert(e.id, live);
        if (live.phase == Phase::Queued)
            m_queued.insert(e.id, true);
        resumed.append(e.id);
    }
    // Replies need no new subscription: the catalog's response topics are subscribed to already.
    rearm();
    for (const QString &id : std::as_const(resumed))
        Q_EMIT executionChanged(id);
    flushQueued();
    return int(resumed.size());
}

bool CommandTracker::approve(const QString &tid, const QString &note)
{
    const auto it = m_executions.find(tid);
    const auto live = m_live.find(tid);
    if (it == m_executions.end() || live == m_live.end() || it->state != State::AwaitingApproval)
        return false;
    it->moveTo(State::Approved, wallMs(), note);
    it->moveTo(State::Queued, wallMs());
    live->phase = Phase::Queued;
    live->deadline = 0;
    dispatch(tid);
    return true;
}

bool CommandTracker::reject(const QString &tid, const QString &reason)
{
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend() || it->state != State::AwaitingApproval)
        return false;
    finish(tid, State::Rejected, reason.isEmpty() ? tr("rejected by an operator") : reason);
    return true;
}

bool CommandTracker::cancel(const QString &tid)
{
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend() || it->isFinal())
        return false;
    finish(tid, State::Cancelled, tr("cancelled by an operator"));
    audit(u"cancel"_s, tid, u"ok"_s);
    return true;
}

std::optional<CommandExecution> CommandTracker::execution(const QString &id) const
{
    const auto it = m_executions.constFind(id);
    if (it == m_executions.cend())
        return std::nullopt;
    return *it;
}

QList<CommandExecution> CommandTracker::executions() const
{
    return m_executions.values();
}

std::optional<CommandTracker::Broadcast> CommandTracker::broadcast(const QString &id) const
{
    const auto it = m_broadcasts.constFind(id);
    if (it == m_broadcasts.cend())
        return std::nullopt;
    return *it;
}

void CommandTracker::onMessage(const MqttMessage &message)
{
    // Anything else the shared client subscribed to is not a reply: it is skipped.
    const AtlasDialect *route = nullptr;
    std::optional<QString> device;
    for (const AtlasDialect &candidate : std::as_const(m_routes)) {
        device = candidate.deviceFromTopic(message.topic());
        if (device || candidate.groupFromTopic(message.topic())) {
            route = &candidate;
            break;
        }
    }
    if (!route)
        return;
    QString problem;
    const std::optional<AtlasReply> reply = route->decodeReply(message.topic(), message.payload(), &problem,
                                                               message.properties().correlationData);
    if (!reply) {
        recordUnreadable(message.topic(), device.value_or(QString()), problem);
        return;
    }
    QString id;
    if (!reply->group.isEmpty()) {
        id = groupPart(*reply);
    } else if (reply->tid) {
        const auto it = m_executions.constFind(*reply->tid);
        if (it != m_executions.cend() && it->device == reply->device && it->group.isEmpty())
            id = it->id;
        else
            id = reconcile(*reply, true); // a tid the operator typed into a free-form payload
    } else {
        id = reconcile(*reply);
    }
    if (id.isEmpty()) {
        ++m_unmatched;
        return;
    }
    applyReply(id, *reply);
}

void CommandTracker::recordUnreadable(const QString &topic, const QString &device, const QString &reason)
{
    ++m_unreadable;
    if (m_recentUnreadable.size() >= MaxUnreadableKept)
        m_recentUnreadable.removeFirst();
    m_recentUnreadable.append(UnreadableReply{wallMs(), topic, device, reason});
    if (device.isEmpty())
        return;
    // Kept on what the device is expected to answer (its oldest outstanding execution), where an operator
    // looks when a command gets no verdict.
    AtlasReply probe;
    probe.device = device;
    const QString id = reconcile(probe);
    const auto it = m_executions.find(id);
    if (id.isEmpty() || it == m_executions.end() || !m_live.contains(id))
        return;
    CommandExecution::Reply recorded;
    recorded.timeMs = wallMs();
    recorded.reason = reason;
    recorded.unreadable = true;
    it->record(recorded);
    notify(id);
}

QString CommandTracker::reconcile(const AtlasReply &reply, bool rawOnly) const
{
    // The oldest outstanding execution of the device (tids order by creation)...
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->phase != Phase::Waiting && it->phase != Phase::Backoff && it->phase != Phase::Running)
            continue;
        const CommandExecution &e = m_executions[it.key()];
        if (e.device == reply.device && e.group.isEmpty() && (!rawOnly || e.command == RawCommand))
            return e.id;
    }
    if (rawOnly)
        return {};
    // ...or, with none outstanding, the latest one sent to it, where the reply is recorded as late or as a
    // duplicate.
    for (auto it = m_executions.cend(); it != m_executions.cbegin();) {
        --it;
        if (it->device == reply.device && it->group.isEmpty() && it->attempts > 0)
            return it->id;
    }
    return {};
}

QString CommandTracker::groupPart(const AtlasReply &reply)
{
    if (!reply.tid)
        return {};
    const QString tid = *reply.tid;
    const QString id = tid + u'/' + reply.device;
    if (m_executions.contains(id))
        return id;
    const auto broadcast = m_broadcasts.find(tid);
    if (broadcast == m_broadcasts.end() || broadcast->group != reply.group)
        return {};
    const auto send = m_groupSends.constFind(tid);
    if (send == m_groupSends.cend()) {
        ++broadcast->ignoredReplies;
        return {};
    }
    CommandExecution execution;
    execution.id = id;
    execution.tid = tid;
    execution.command = send->command;
    execution.device = reply.device;
    execution.group = send->group;
    execution.broadcastId = tid;
    execution.parameters = send->parameters;
    execution.payload = send->payload;
    execution.attempts = 1;
    execution.moveTo(State::Queued, send->sentMs);
    execution.moveTo(State::Sent, send->sentMs, tr("to group %1").arg(send->group));
    m_executions.insert(id, execution);
    m_live.insert(id, Live{Phase::Waiting, send->deadline, false});
    broadcast->executions.append(id);
    updateBroadcast(tid);
    return id;
}

void CommandTracker::applyReply(const QString &id, const AtlasReply &reply)
{
    const auto it = m_executions.find(id);
    if (it == m_executions.end())
        return;
    CommandExecution::Reply recorded;
    recorded.timeMs = wallMs();
    recorded.status = reply.status;
    recorded.reason = reply.reason;
    recorded.text = reply.text;

    const auto live = m_live.find(id);
    if (it->isFinal() || live == m_live.end()) {
        const bool sameVerdict =
            (reply.status == AtlasReply::Status::Success && it->state == State::Succeeded) ||
            (reply.status == AtlasReply::Status::Failure && it->state == State::Failed);
        if (!reply.isFinal())
            recorded.outOfOrder = true;
        else if (sameVerdict && it->hasFinalReply())
            recorded.duplicate = true;
        else
            recorded.late = true;
        it->record(recorded);
        notify(id);
        return;
    }
    if (it->attempts == 0) {
        // Nothing was sent yet (awaiting approval, held): whatever this answers, it is not this request.
        recorded.outOfOrder = true;
        it->record(recorded);
        notify(id);
        return;
    }

    const CommandSpec *spec = findSpec(it->command);
    if (!reply.isFinal()) {
        ++it->heartbeats;
        it->lastHeartbeatMs = recorded.timeMs;
        if (it->state != State::Running) {
            it->record(recorded);
            it->moveTo(State::Running, recorded.timeMs);
        }
        const Phase previous = std::exchange(live->phase, Phase::Running);
        if (spec && spec->isLongRunning())
            live->deadline = now() + 3 * qint64(spec->heartbeatIntervalMs);
        else if (previous != Phase::Waiting && previous != Phase::Running)
            live->deadline = now() + (spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs);
        rearm();
        notify(id);
        return;
    }

    it->record(recorded);
    it->result = reply.result;
    if (reply.status == AtlasReply::Status::Success)
        return finish(id, State::Succeeded, {});
    finish(id, State::Failed, reply.reason.isEmpty() ? tr("The device reported a failure.") : reply.reason);
}

void CommandTracker::flushQueued()
{
    if (m_client->state() != MqttClient::State::Connected)
        return;
    // Oldest first (ids order by creation); entries that are no longer queued are dropped on the way.
    for (auto it = m_queued.begin(); it != m_queued.end();) {
        const QString id = it.key();
        const auto e = m_executions.constFind(id);
        const auto live = m_live.constFind(id);
        if (e == m_executions.cend() || live == m_live.cend() || live->phase != Phase::Queued) {
            it = m_queued.erase(it);
            continue;
        }
        if (!isDeviceOnline(e->device)) {
            ++it;
            continue;
        }
        if (publishAttempt(id)) {
            it = m_queued.erase(m_queued.find(id));
            continue;
        }
        if (!m_client->canPublish() || m_client->state() != MqttClient::State::Connected)
            break; // the rest waits for readyToPublish()
        // Refused for good (publishAttempt() finished it): dropped at the next look.
        it = m_queued.upperBound(id);
    }
}

void CommandTracker::onTimer()
{
    const qint64 t = now();
    QStringList closed;
    for (auto it = m_groupSends.begin(); it != m_groupSends.end();) {
        if (it->deadline <= t) {
            closed.append(it.key());
            it = m_groupSends.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &id : std::as_const(closed)) {
        if (auto it = m_broadcasts.find(id); it != m_broadcasts.end())
            it->open = false;
    }

    QStringList due;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->deadline > 0 && it->deadline <= t)
            due.append(it.key());
    }
    for (const QString &id : std::as_const(due)) {
        // Earlier ones may have changed the map (a slot reacting to executionChanged, say): look again.
        const auto live = m_live.find(id);
        const auto it = m_executions.constFind(id);
        if (live == m_live.end() || it == m_executions.cend() || live->deadline == 0 || live->deadline > t)
            continue;
        const CommandSpec *spec = findSpec(it->command);
        switch (live->phase) {
        case Phase::Approval:
            live->deadline = 0;
            break;
        case Phase::Queued:
            finish(id, State::TimedOut,
                   isDeviceOnline(it->device) ? tr("could not be sent in time")
                                              : tr("device stayed offline"));
            break;
        case Phase::Waiting:
            if (live->retries && spec && it->attempts < spec->retry.attempts) {
                live->phase = Phase::Backoff;
                live->deadline =
                    t + spec->retry.delayMs(it->attempts, QRandomGenerator::global()->generateDouble());
            } else if (it->replies.isEmpty()) {
                finish(id, State::Unreachable, tr("no reply after %n attempt(s)", nullptr, it->attempts));
            } else if (it->unreadableCount() == it->replies.size()) {
                finish(id, State::TimedOut,
                       tr("%n reply(ies) could not be read: %1", nullptr, it->unreadableCount())
                           .arg(it->lastUnreadableReason()));
            } else {
                finish(id, State::TimedOut, tr("no final reply in time"));
            }
            break;
        case Phase::Backoff:
            publishAttempt(id);
            break;
        case Phase::Running:
            if (spec && spec->isLongRunning())
                finish(id, State::Failed, tr("heartbeats stopped"));
            else
                finish(id, State::TimedOut, tr("no final reply in time"));
            break;
        }
    }
    for (const QString &id : std::as_const(closed)) {
        updateBroadcast(id);
        // The group's window closed: whoever waits for the last member hears it, even with no count changed.
        if (const auto it = m_broadcasts.constFind(id); it != m_broadcasts.cend())
            Q_EMIT broadcastProgress(id, it->done, it->total);
    }
    rearm();
}

void CommandTracker::rearm()
{
    // Coalesced to one scan per turn of the event loop: a broadcast changes thousands of deadlines in one
    // turn, and a scan for each was quadratic.
    m_rearmNeeded = true;
    scheduleTurn();
}

void CommandTracker::rearmNow()
{
    qint64 next = -1;
    for (const Live &live : std::as_const(m_live)) {
        if (live.deadline > 0 && (next < 0 || live.deadline < next))
            next = live.deadline;
    }
    for (const GroupSend &send : std::as_const(m_groupSends)) {
        if (next < 0 || send.deadline < next)
            next = send.deadline;
    }
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - now(), 0, INT_MAX)));
}

void CommandTracker::updateBroadcast(const QString &broadcastId, int newVerdicts)
{
    const auto it = m_broadcasts.find(broadcastId);
    if (it == m_broadcasts.end())
        return;
    // Counted as the verdicts come (every one passes through finish() once, after its execution joined the
    // broadcast), not recounted: a recount looked up every execution of the broadcast at each verdict, which
    // made a broadcast to 10,000 devices quadratic (10^8 map lookups) and starved the event loop until the
    // requests still waiting for the in-flight window timed out (bench/fanout).
    const int done = int(std::min<qsizetype>(it->done + newVerdicts, it->executions.size()));
    int total = it->total;
    if (!it->group.isEmpty())
        total = int(std::max(m_groupMembers.value(it->group).size(), it->executions.size()));
    if (done == it->done && total == it->total)
        return;
    it->done = done;
    it->total = total;
    Q_EMIT broadcastProgress(broadcastId, done, total);
}

void CommandTracker::prune()
{
    // Until the ledger keeps history, memory does, up to a bound: the oldest finished executions go first.
    for (auto it = m_executions.begin(); it != m_executions.end() && m_executions.size() > MaxExecutions;) {
        if (it->isFinal())
            it = m_executions.erase(it);
        else
            ++it;
    }
}

} // namespace fleet
