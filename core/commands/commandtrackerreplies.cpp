// CommandTracker's side of the replies: the response topics it listens on, and which execution each message
// there answers (see commandtracker.h).

#include "commands/commandtracker.h"

#include "commands/commandtrackerutil.h"

#include "common/networkjson.h"
#include "common/seterror.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

void CommandTracker::updateRoutes()
{
    m_routes = {m_dialect};
    m_routeGroups = {QString()};
    m_groupFilters.clear();
    // One route per distinct pair of templates a reply can come on: every command's, in its own form and in
    // each profile's (the seed's devices on cmd/…/resp and device_status/response, the design page's on
    // commands/…/ack).
    QSet<QString> known = {m_dialect.responseTemplate() + u'\n' + m_dialect.groupResponseTemplate() + u'\n'};
    for (const CommandCatalog::Form &form : m_catalog.forms()) {
        const CommandSpec &spec = *form.spec;
        if (spec.dialect != "atlas"_L1 && spec.dialect != "atlas-text"_L1)
            continue;
        // A template naming {tid} is for dialects that put the tid in the topic; Atlas replies carry it in
        // the payload, and such a template is left to them.
        const QString response = spec.responseTopicTemplate.contains(u"{tid}"_s)
                                     ? m_dialect.responseTemplate()
                                     : spec.responseTopicTemplate;
        const QString group = spec.groupResponseTopicTemplate.isEmpty() ? m_dialect.groupResponseTemplate()
                                                                        : spec.groupResponseTopicTemplate;
        // A profile for one group takes replies on that group's topic only ("device_status/response"), which
        // the broker's ACL can grant without granting every "+/response"; any other custom group template
        // is listened to for every group.
        const QString onlyGroup = form.profile && form.profile->match == DeviceProfile::Match::Group
                                      ? form.profile->value
                                      : QString();
        if (group != m_dialect.groupResponseTemplate()) {
            QString filter = group;
            filter.replace(u"{group}"_s, onlyGroup.isEmpty() ? u"+"_s : onlyGroup);
            if (!m_groupFilters.contains(filter))
                m_groupFilters.append(filter);
        }
        const QString key = response + u'\n' + group + u'\n' + onlyGroup;
        if (known.contains(key))
            continue;
        AtlasDialect route = m_dialect;
        QString problem;
        if (!route.setResponseTemplate(response, &problem) ||
            !route.setGroupResponseTemplate(group, &problem)) {
            qWarning("%s", qPrintable(problem));
            continue;
        }
        known.insert(key);
        m_routes.append(route);
        m_routeGroups.append(onlyGroup);
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
    const auto add = [&filters](const QString &filter) {
        if (!filters.contains(filter))
            filters.append(filter);
    };
    for (const AtlasDialect &route : m_routes)
        add(route.responseFilter());
    add(m_dialect.groupResponseFilter());
    // Group templates other than the dialect's come from profiles; those for one group are listened to for
    // that group only (above).
    for (const QString &filter : m_groupFilters)
        add(filter);
    return filters;
}

void CommandTracker::onMessage(const MqttMessage &message)
{
    if (onAzureMessage(message))
        return;
    if (onAwsMessage(message))
        return;
    // Anything else the shared client subscribed to is not a reply: it is skipped.
    const AtlasDialect *route = nullptr;
    std::optional<QString> device;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const AtlasDialect &candidate = m_routes.at(i);
        device = candidate.deviceFromTopic(message.topic());
        const std::optional<QString> group =
            device ? std::nullopt : candidate.groupFromTopic(message.topic());
        // A route for one group's topic ("{group}/response" of device_status) is not every "X/response".
        if (group && !m_routeGroups.at(i).isEmpty() && *group != m_routeGroups.at(i))
            continue;
        if (device || group) {
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

std::optional<MqttMessage> CommandTracker::awsStartFor(const CommandExecution &e, const CommandSpec &spec,
                                                       QString *error, bool throughGate) const
{
    // The tid is the client token: a second attempt with it is the same execution at the hub, never a
    // second one.
    if (!CommandSpec::isValidTopicId(e.device)) {
        setError(error, tr("\"%1\" is not a valid thing name.").arg(e.device));
        return std::nullopt;
    }
    const Json request{{"commandId", spec.name.toStdString()},
                       {"target", e.device.toStdString()},
                       {"parameters", e.parameters.is_object() ? e.parameters : Json::object()},
                       {"timeoutSeconds", std::max(1, spec.timeoutMs / 1000)}};
    const_cast<CommandTracker *>(this)->listenForAws();
    const QString topic = u"fleet/aws-commands/start/%1/%2"_s.arg(m_actor, e.tid);
    if (!spec.sensitive || !throughGate || m_gatePrefix.isEmpty())
        return MqttMessage(topic, compactJsonBytes(request), 1);
    MqttMessage held(m_gatePrefix + topic, compactJsonBytes(request), 1);
    held.properties().userProperties.append({QStringLiteral("fleet-request"), e.id});
    return held;
}

std::optional<MqttMessage> CommandTracker::azureInvokeFor(const CommandExecution &e, const CommandSpec &spec,
                                                          QString *error, bool throughGate) const
{
    if (!CommandSpec::isValidTopicId(e.device)) {
        setError(error, tr("\"%1\" is not a valid device id.").arg(e.device));
        return std::nullopt;
    }
    // The method's argument is the command's payload, as a device of the Atlas dialect would get it.
    QString problem;
    const std::optional<Json> payload = spec.buildPayload(e.parameters, &problem);
    if (!payload) {
        setError(error, problem);
        return std::nullopt;
    }
    // The tid is the request id: an attempt repeated while the first runs is the same call at the hub.
    const Json request{
        {"deviceId", e.device.toStdString()},
        {"methodName", spec.name.toStdString()},
        {"payload", *payload},
        {"responseTimeoutInSeconds", std::clamp(spec.timeoutMs / 1000, MinAzureTimeoutS, MaxAzureTimeoutS)}};
    const QString results = u"fleet/azure-methods/results/%1"_s.arg(m_actor);
    if (!m_subscribed.contains(results)) {
        // Before the first call goes out, on the same connection: the answer cannot overtake it.
        const_cast<CommandTracker *>(this)->m_subscribed.insert(results);
        m_client->subscribe(results, 1);
    }
    const QString topic = u"fleet/azure-methods/invoke/%1/%2"_s.arg(m_actor, e.tid);
    if (!spec.sensitive || !throughGate || m_gatePrefix.isEmpty())
        return MqttMessage(topic, compactJsonBytes(request), 1);
    MqttMessage held(m_gatePrefix + topic, compactJsonBytes(request), 1);
    held.properties().userProperties.append({QStringLiteral("fleet-request"), e.id});
    return held;
}

bool CommandTracker::onAzureMessage(const MqttMessage &message)
{
    if (message.topic() != u"fleet/azure-methods/results/%1"_s.arg(m_actor))
        return false;
    const std::optional<Json> body = NetworkJson::parse(message.payload(), {256 * 1024, 32});
    if (!body || !body->is_object())
        return true;
    const auto requestId = body->find("requestId");
    const QString id = requestId != body->end() && requestId->is_string()
                           ? QString::fromStdString(requestId->get<std::string>())
                           : QString();
    const auto it = m_executions.find(id);
    if (it == m_executions.end() || it->isFinal() || !m_live.contains(id))
        return true;
    const auto statusField = body->find("status");
    const int status =
        statusField != body->end() && statusField->is_number_integer() ? statusField->get<int>() : 0;
    const auto messageField = body->find("message");
    QString why = messageField != body->end() && messageField->is_string()
                      ? QString::fromStdString(messageField->get<std::string>()).left(1024)
                      : QString();
    // A device that refuses says why in its body, as IoT Hub's own errors do: {"message": "…"}.
    if (const auto payloadField = body->find("payload"); why.isEmpty() && (status < 200 || status >= 300) &&
                                                         payloadField != body->end() &&
                                                         payloadField->is_object()) {
        const auto deviceMessage = payloadField->find("message");
        if (deviceMessage != payloadField->end() && deviceMessage->is_string())
            why = QString::fromStdString(deviceMessage->get<std::string>()).left(1024);
    }
    AtlasReply reply;
    reply.device = it->device;
    reply.tid = it->tid;
    const auto payload = body->find("payload");
    if (payload != body->end() && !payload->is_null())
        reply.result = payload->is_object() ? *payload : Json{{"value", *payload}};
    reply.reason = why.isEmpty() ? tr("status %1").arg(status) : tr("status %1: %2").arg(status).arg(why);
    if (status >= 200 && status < 300) {
        reply.status = AtlasReply::Status::Success;
        applyReply(id, reply);
    } else if (status == 404) {
        finish(id, State::Unreachable, reply.reason);
    } else if (status == 504) {
        finish(id, State::TimedOut, reply.reason);
    } else {
        reply.status = AtlasReply::Status::Failure;
        applyReply(id, reply);
    }
    return true;
}

int CommandTracker::graceFor(const CommandSpec &spec)
{
    if (spec.dialect == "aws-commands"_L1)
        return AwsGraceMs;
    if (spec.dialect == "azure-methods"_L1)
        return AzureGraceMs;
    return 0;
}

void CommandTracker::listenForAws()
{
    // Subscribed before the first start goes out, on the same connection: the broker handles the SUBSCRIBE
    // first, so the answer cannot come before the subscription.
    for (const QString &filter :
         {u"fleet/aws-commands/results/%1"_s.arg(m_actor), u"$aws/events/commandExecution/+/+"_s}) {
        if (!m_subscribed.contains(filter)) {
            m_subscribed.insert(filter);
            m_client->subscribe(filter, 1);
        }
    }
}

bool CommandTracker::onAwsMessage(const MqttMessage &message)
{
    const QString &topic = message.topic();
    const bool result = topic == u"fleet/aws-commands/results/%1"_s.arg(m_actor);
    if (!result && !topic.startsWith("$aws/events/commandExecution/"_L1))
        return false;
    const std::optional<Json> body = NetworkJson::parse(message.payload(), {64 * 1024, 8});
    if (!body || !body->is_object())
        return true; // not ours to read: another client's, or hostile
    const auto text = [&body](const char *key) {
        const auto it = body->find(key);
        return it != body->end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                    : QString();
    };
    if (result) {
        const QString id = text("clientToken");
        const auto it = m_executions.find(id);
        if (it == m_executions.end() || it->isFinal() || !m_live.contains(id))
            return true;
        const QString executionId = text("executionId");
        if (executionId.isEmpty()) {
            finish(id, State::Failed,
                   tr("fleet-hub refused it: %1: %2").arg(text("error"), text("errorMessage").left(1024)));
            return true;
        }
        if (!m_awsExecutions.contains(executionId)) {
            m_awsExecutions.insert(executionId, id);
            m_awsOrder.append(executionId);
            if (m_awsOrder.size() > MaxAwsExecutions)
                m_awsExecutions.remove(m_awsOrder.takeFirst());
        }
        const QString status = text("status");
        if (status == "CREATED"_L1) {
            CommandExecution::Reply created;
            created.timeMs = wallMs();
            created.reason = tr("AWS IoT command execution %1: CREATED").arg(executionId);
            it->record(created);
            m_journal.notify(id);
            return true;
        }
        // A start repeated after a restart (resume()) is answered with where the execution is now: its
        // events went by while nobody here listened, so the answer's status is the verdict. On a terminal
        // status the hub says it here too, with the device's result.
        const auto result = body->find("result");
        applyAwsStatus(id, status, statusReasonText(*body),
                       result != body->end() && result->is_object() ? *result : Json());
        return true;
    }
    // $aws/events/commandExecution/{commandId}/{status}: only those of executions started here count.
    const QString id = m_awsExecutions.value(text("executionId"));
    if (id.isEmpty())
        return true;
    // The verdict came on the results topic first, with its result: the event repeats it.
    if (const auto it = m_executions.constFind(id); it != m_executions.cend() && it->isFinal())
        return true;
    applyAwsStatus(id, text("status"), statusReasonText(*body));
    return true;
}

QString CommandTracker::statusReasonText(const Json &body)
{
    const auto statusReason = body.find("statusReason");
    if (statusReason == body.end() || !statusReason->is_object())
        return {};
    const Json &r = *statusReason;
    const QString code = r.contains("reasonCode") && r["reasonCode"].is_string()
                             ? QString::fromStdString(r["reasonCode"].get<std::string>()).left(64)
                             : QString();
    const QString description =
        r.contains("reasonDescription") && r["reasonDescription"].is_string()
            ? QString::fromStdString(r["reasonDescription"].get<std::string>()).left(1024)
            : QString();
    return description.isEmpty() ? code : tr("%1: %2").arg(code, description);
}

void CommandTracker::applyAwsStatus(const QString &id, const QString &status, const QString &reason,
                                    const Json &result)
{
    AtlasReply reply;
    reply.device = m_executions.value(id).device;
    if (result.is_object() && !result.empty())
        reply.result = result; // {"name": {"s": …}}, as the device reported it
    reply.reason = status + (reason.isEmpty() ? QString() : u" ("_s + reason + u')');
    if (status == "IN_PROGRESS"_L1) {
        reply.status = AtlasReply::Status::Running;
    } else if (status == "SUCCEEDED"_L1) {
        reply.status = AtlasReply::Status::Success;
    } else if (status == "FAILED"_L1 || status == "REJECTED"_L1) {
        reply.status = AtlasReply::Status::Failure;
    } else if (status == "TIMED_OUT"_L1) {
        const auto it = m_executions.find(id);
        if (it != m_executions.end() && !it->isFinal() && m_live.contains(id)) {
            finish(id, State::TimedOut,
                   tr("fleet-hub timed it out: %1").arg(reason.isEmpty() ? status : reason));
            return;
        }
        reply.status = AtlasReply::Status::Failure; // a device's own TIMED_OUT after the verdict: late
    } else {
        return; // CREATED: said by the results topic already
    }
    applyReply(id, reply);
}

void CommandTracker::recordUnreadable(const QString &topic, const QString &device, const QString &reason)
{
    ++m_unreadable;
    if (m_recentUnreadable.size() >= MaxUnreadableKept)
        m_recentUnreadable.removeFirst();
    const QString kept =
        topic.size() <= MaxKeptTopicChars ? topic : topic.left(MaxKeptTopicChars) + QChar(0x2026);
    m_recentUnreadable.append(UnreadableReply{wallMs(), kept, device.left(MaxKeptTopicChars), reason});
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
    m_journal.notify(id);
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
        m_journal.notify(id);
        return;
    }
    if (it->attempts == 0) {
        // Nothing was sent yet (awaiting approval, held): whatever this answers, it is not this request.
        recorded.outOfOrder = true;
        it->record(recorded);
        m_journal.notify(id);
        return;
    }

    const CommandSpec *spec = findSpec(*it);
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
        m_journal.rearmAtEndOfTurn();
        m_journal.notify(id);
        return;
    }

    it->record(recorded);
    it->result = reply.result;
    if (reply.status == AtlasReply::Status::Success)
        return finish(id, State::Succeeded, {});
    finish(id, State::Failed, reply.reason.isEmpty() ? tr("The device reported a failure.") : reply.reason);
}

} // namespace fleet
