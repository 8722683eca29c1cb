// CommandTracker's broadcasts: one command to a selection of devices, or to a group (see commandtracker.h).

#include "commands/commandtracker.h"

#include "commands/commandtrackerutil.h"
#include "commands/gatebroadcast.h"
#include "common/seterror.h"

#include "mqtt/mqttclient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

void CommandTracker::setGroupMembers(const QString &group, const QStringList &devices)
{
    m_groupMembers.insert(group, devices);
}

QString CommandTracker::sendToDevices(const QStringList &devices, const QString &commandName,
                                      const Json &parameters, QString *error)
{
    // The command as the catalog defines it decides the payload and whether it needs an approval; each
    // device gets it in its own profile's form (dialect and topics), which changes neither.
    const CommandSpec *spec = m_catalog.find(commandName);
    if (!spec) {
        setError(error, tr("Unknown command \"%1\".").arg(commandName));
        return {};
    }
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
    // All or nothing: one bad id refuses the whole selection before anything is sent.
    QHash<QString, const CommandSpec *> forms;
    forms.reserve(unique.size());
    for (const QString &device : std::as_const(unique)) {
        const CommandSpec *form = specFor(commandName, error, device);
        if (!form || !checkDevice(*form, device, error))
            return {};
        forms.insert(device, form);
    }
    QString problem;
    const std::optional<Json> payload = spec->buildPayload(parameters, &problem);
    if (!payload) {
        setError(error, problem);
        return {};
    }
    if (spec->sensitive && spec->dialect == "azure-methods"_L1) {
        setError(error,
                 tr("Command \"%1\" is sensitive and these devices take it as an Azure direct method: each "
                    "approval covers one device, so send it to one at a time.")
                     .arg(commandName));
        return {};
    }
    if (spec->sensitive && spec->dialect == "aws-commands"_L1) {
        // The gate holds one start per approval: a selection would need one approval per thing.
        setError(error,
                 tr("Command \"%1\" is a sensitive AWS IoT command: each approval covers one thing, so "
                    "send it to one at a time.")
                     .arg(commandName));
        return {};
    }
    if (spec->sensitive && !m_gatePrefix.isEmpty() && unique.size() > GateBroadcast::MaxTargets) {
        setError(error, tr("One approval covers at most %1 devices; %2 are selected.")
                            .arg(GateBroadcast::MaxTargets)
                            .arg(unique.size()));
        return {};
    }
    Broadcast broadcast;
    broadcast.id = m_tids.next();
    broadcast.command = spec->name;
    broadcast.total = int(unique.size());
    broadcast.open = false;
    broadcast.createdMs = wallMs();
    m_broadcasts.insert(broadcast.id, broadcast);
    Q_EMIT broadcastProgress(broadcast.id, 0, broadcast.total);
    // Every execution is written in one transaction before the first request (or approval request) goes
    // out: one fsync for the whole selection, instead of one per device. All or nothing: when it fails,
    // none is sent and each ends Failed saying why.
    QStringList ids;
    ids.reserve(unique.size());
    for (const QString &device : std::as_const(unique))
        ids.append(start(device, *forms.value(device), parameters, *payload, broadcast.id, false));
    const QString detail = tr("%1 to %n device(s)", nullptr, int(unique.size())).arg(spec->name);
    if (!m_journal.persistAll(ids, &problem)) {
        const QString reason =
            tr("the broadcast could not be recorded in the ledger, so it was not sent: %1").arg(problem);
        for (const QString &id : std::as_const(ids))
            finish(id, State::Failed, reason);
        m_journal.audit(m_actor, u"send"_s, broadcast.id, u"failed"_s, detail + u": "_s + reason);
        return broadcast.id;
    }
    // Through fleet-hub's gate a harmless selection goes as one message, which the gate relays to each
    // device: one publish instead of one per device (bench_fanout: 10,000 devices). Devices that are offline,
    // and any part the message could not carry, take the usual way.
    const QStringList viaGate = spec->sensitive ? QStringList() : sendThroughGate(broadcast.id, ids);
    const QSet<QString> relayed(viaGate.cbegin(), viaGate.cend());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!relayed.contains(ids.at(i)))
            begin(ids.at(i), *forms.value(unique.at(i)));
    }
    m_journal.audit(m_actor, u"send"_s, broadcast.id, u"accepted"_s, detail);
    return broadcast.id;
}

QStringList CommandTracker::sendThroughGate(const QString &broadcastId, const QStringList &ids)
{
    if (m_gateBroadcastPrefix.isEmpty() || ids.size() > GateBroadcast::MaxTargets ||
        m_client->state() != MqttClient::State::Connected)
        return {};
    GateBroadcast message;
    QStringList included;
    QHash<QString, int> timeouts;
    for (const QString &id : ids) {
        const CommandExecution &e = m_executions[id];
        const CommandSpec *spec = findSpec(e);
        // AWS IoT commands are started through fleet-hub's own service, never relayed as a device request.
        if (!spec || spec->dialect == "aws-commands"_L1 || spec->dialect == "azure-methods"_L1 ||
            !isDeviceOnline(e.device))
            continue;
        if (const std::optional<MqttMessage> request = requestFor(e, *spec, nullptr, false)) {
            message.append(request->topic(), request->payload(), request->properties());
            included.append(id);
            timeouts.insert(id, spec->timeoutMs);
        }
    }
    if (included.isEmpty() ||
        m_client->publish(MqttMessage(m_gateBroadcastPrefix + broadcastId, message.encode(), 1)) < 0)
        return {};
    for (const QString &id : std::as_const(included))
        sentByTheGate(id, timeouts.value(id));
    m_journal.rearmAtEndOfTurn();
    return included;
}

QString CommandTracker::sendToGroup(const QString &group, const QString &commandName, const Json &parameters,
                                    QString *error)
{
    const CommandSpec *spec = specFor(commandName, error, {}, group);
    if (!spec)
        return {};
    if (spec->dialect == "aws-commands"_L1) {
        setError(error, tr("Command \"%1\" is an AWS IoT command: it is started for one thing at a time, "
                           "so send it to the group's devices as a selection.")
                            .arg(commandName));
        return {};
    }
    if (spec->groupRequestTopicTemplate.isEmpty()) {
        setError(error, tr("Command \"%1\" cannot be sent to a group.").arg(commandName));
        return {};
    }
    // With a gate the group request is held there as one approval request; without one, only a selection
    // (whose devices the console knows) can wait for approval.
    const bool held = spec->sensitive && !m_gatePrefix.isEmpty();
    if (spec->sensitive && !held) {
        setError(error,
                 tr("Command \"%1\" needs an approval: without fleet-hub's gate on the broker, send it "
                    "to the group's devices as a selection.")
                     .arg(commandName));
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
    QByteArray bytes;
    if (spec->dialect == "atlas-text"_L1) {
        bytes = spec->textRequest(*payload);
        correlation = AtlasDialect::correlationDataFor(tid);
        if (bytes.isEmpty() || bytes.size() > AtlasDialect::MaxPayloadBytes)
            problem =
                tr("The text request is empty or larger than %1 bytes.").arg(AtlasDialect::MaxPayloadBytes);
    } else {
        bytes = m_dialect.encodeRequest(spec->name, tid, *payload, &correlation, &problem);
    }
    if (bytes.isEmpty() || !problem.isEmpty()) {
        setError(error, problem);
        return {};
    }
    // Recorded before it goes out, and not sent when that fails. The request itself (m_groupSends) is kept
    // in memory only; the ledger has this row, and each member's part once its first reply created it.
    // After a restart the parts already there resume as single executions (without retries) and still take
    // their replies, but the group request is not restored: first replies from members not heard from
    // before are counted as unmatched.
    const QString detail = tr("%1 to group %2").arg(spec->name, group);
    if (!m_journal.audit(m_actor, u"send"_s, tid, u"accepted"_s, detail, &problem)) {
        setError(
            error,
            tr("The group request could not be recorded in the ledger, so it was not sent: %1").arg(problem));
        return {};
    }
    if (m_client->publish(requestMessage(*m_client, topic, bytes, correlation, *spec,
                                         groupResponseTopic(*spec, group), m_gatePrefix, tid)) < 0) {
        setError(error, m_client->errorString());
        m_journal.audit(m_actor, u"send"_s, tid, u"failed"_s, detail + u": "_s + m_client->errorString());
        return {};
    }

    if (m_groupMembersSource)
        m_groupMembers.insert(group, m_groupMembersSource(group));
    Broadcast broadcast;
    broadcast.id = tid;
    broadcast.command = spec->name;
    broadcast.group = group;
    broadcast.total = int(m_groupMembers.value(group).size());
    broadcast.awaitingApproval = held;
    broadcast.createdMs = wallMs();
    m_broadcasts.insert(tid, broadcast);
    // Held by the gate, the window for first replies opens when it sends (sentByGate()) or closes when it
    // does not (reject()); until then it waits longer than any approval may (fleet-hub's default: 1 h).
    m_groupSends.insert(tid, GroupSend{spec->name, group, parameters, *payload, wallMs(),
                                       now() + spec->timeoutMs + (held ? GateHoldMs : 0), held});
    m_journal.rearmAtEndOfTurn();
    Q_EMIT broadcastProgress(tid, 0, broadcast.total);
    return tid;
}

std::optional<QString> CommandTracker::groupResponseTopic(const CommandSpec &spec, const QString &group) const
{
    if (spec.groupResponseTopicTemplate.isEmpty())
        return m_dialect.groupResponseTopic(group);
    QString topic = spec.groupResponseTopicTemplate;
    return AtlasDialect::isValidId(group) ? std::optional(topic.replace(u"{group}"_s, group)) : std::nullopt;
}

QString CommandTracker::groupPart(const AtlasReply &reply)
{
    // A reply without a tid (the seed's devices on their broadcast topic, without MQTT 5 correlation data)
    // answers the group's newest request still taking first replies: the only one there is, unless an
    // operator sends to the same group again within a timeout.
    QString tid = reply.tid.value_or(QString());
    if (tid.isEmpty()) {
        qint64 newest = -1;
        for (auto it = m_groupSends.cbegin(); it != m_groupSends.cend(); ++it) {
            if (it->group == reply.group && !it->held && it->sentMs > newest) {
                newest = it->sentMs;
                tid = it.key();
            }
        }
        if (tid.isEmpty())
            return {};
    }
    const QString id = tid + u'/' + reply.device;
    if (m_executions.contains(id))
        return id;
    const auto broadcast = m_broadcasts.find(tid);
    if (broadcast == m_broadcasts.end() || broadcast->group != reply.group)
        return {};
    const auto send = m_groupSends.constFind(tid);
    // Members are whoever answers on the group's topic, which every device of the group may write: bounded,
    // so that one device naming others cannot grow the request without end.
    const qsizetype bound =
        std::max<qsizetype>(m_groupMembers.value(broadcast->group).size(), GateBroadcast::MaxTargets);
    if (send == m_groupSends.cend() || broadcast->executions.size() >= bound) {
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

QStringList CommandTracker::closeGroupWindows(qint64 t)
{
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
    return closed;
}

void CommandTracker::reportClosedGroups(const QStringList &broadcastIds)
{
    for (const QString &id : broadcastIds) {
        updateBroadcast(id);
        // The group's window closed: whoever waits for the last member hears it, even with no count changed.
        if (const auto it = m_broadcasts.constFind(id); it != m_broadcasts.cend())
            Q_EMIT broadcastProgress(id, it->done, it->total);
    }
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

std::optional<CommandTracker::Broadcast> CommandTracker::broadcast(const QString &id) const
{
    const auto it = m_broadcasts.constFind(id);
    if (it == m_broadcasts.cend())
        return std::nullopt;
    return *it;
}

} // namespace fleet
