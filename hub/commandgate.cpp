#include "commandgate.h"

#include "outbox.h"

#include "commands/gatebroadcast.h"
#include "common/networkjson.h"
#include "dialects/atlasdialect.h"
#include "mqtt/mqttpropertiesjson.h"
#include "shadowservice.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr auto RequestProperty = "fleet-request";

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString prefixed(const char *rest)
{
    return CommandGate::topicPrefix() + u'/' + QLatin1StringView(rest);
}

QString str(const Json *value)
{
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

bool isValidRequestId(const QString &id)
{
    return !id.isEmpty() && id.size() <= CommandGate::MaxIdChars && AtlasDialect::isValidId(id);
}

} // namespace

CommandGate::CommandGate(MqttClient *client, GateStore *store, CommandCatalog catalog, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_policy(std::move(catalog))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &CommandGate::handleBatch);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &CommandGate::expire);
    connect(m_client, &MqttClient::messageReceived, this, &CommandGate::onMessage);
    connect(m_client, &MqttClient::connected, this, &CommandGate::onConnected);
    connect(m_client, &MqttClient::readyToPublish, this, &CommandGate::flush);
    // Where the devices answer what the gate sends: each distinct response topic of the catalog.
    QStringList seen;
    for (const CommandCatalog::Form &form : m_policy.catalog().forms()) {
        const CommandSpec &spec = *form.spec;
        AtlasDialect route;
        if (spec.dialect != "atlas"_L1 || spec.responseTopicTemplate.contains(u"{tid}"_s) ||
            !route.setResponseTemplate(spec.responseTopicTemplate) || seen.contains(route.responseFilter()))
            continue;
        seen.append(route.responseFilter());
        m_replyRoutes.append(route);
    }
}

CommandGate::~CommandGate() = default;

QStringList CommandGate::filters()
{
    return {prefixed("submit/+/#"), prefixed("broadcast/+/+"), prefixed("decisions/+/+/+"),
            prefixed("cancel/+/+")};
}

QString CommandGate::key(const QString &requester, const QString &id)
{
    return requester + u'/' + id;
}

bool CommandGate::start()
{
    const std::optional<QList<GateRecord>> unsettled = m_store->unsettled();
    if (!unsettled) {
        m_error = m_store->errorString();
        return false;
    }
    adopt(*unsettled);
    for (const QString &filter : filters()) {
        if (!m_client->subscribe(filter, 1)) {
            m_error = m_client->errorString();
            return false;
        }
    }
    // The replies the gate waits for, device by device (awaitReply()): subscribing to every device's
    // replies made the hub receive, and drop, each reply of every command it relayed.
    for (auto it = m_awaitingReply.cbegin(); it != m_awaitingReply.cend(); ++it)
        listenForReplies(m_held.value(it.value()).device, true);
    scheduleExpiry();
    return true;
}

void CommandGate::onConnected()
{
    // Retained: a console that connects later still learns that approvals are enforced here.
    Json info = {{"gate", "fleet-hub"},
                 {"version", 1},
                 {"approvals", "enforced"},
                 {"lifetimeMs", m_lifetimeMs},
                 {"submit", (topicPrefix() + u"/submit"_s).toStdString()}};
    info["catalog"] = NetworkJson::parse(m_policy.catalog().toJson(), {CommandCatalog::MaxFileBytes, 64})
                          .value_or(Json::object());
    m_outbox.append(MqttMessage(prefixed("info"), compactJsonBytes(info), 1, true));
    // Approved requests whose send a crash interrupted (recorded, then the process died before its batch's
    // publications): the record says it is being sent, so it goes now, once.
    bool resumed = false;
    for (GateRecord &record : m_held) {
        if (record.state == GateRecord::State::Approved && record.sentAt == 0) {
            if (!resumed && !m_store->begin())
                break;
            resumed = true;
            send(record, wallMs());
        }
    }
    if (resumed)
        commitAndPublish();
    flush();
}

void CommandGate::onMessage(const MqttMessage &message)
{
    if (!message.topic().startsWith(topicPrefix() + u'/'))
        return onReply(message);
    const QStringView rest = QStringView(message.topic()).mid(topicPrefix().size() + 1);
    if (!rest.startsWith(u"submit/") && !rest.startsWith(u"decisions/") && !rest.startsWith(u"cancel/") &&
        !rest.startsWith(u"broadcast/"))
        return;
    m_incoming.append({message, wallMs()});
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void CommandGate::handleBatch()
{
    if (m_incoming.isEmpty())
        return;
    const QList<Pending> batch = std::exchange(m_incoming, {});
    if (!m_store->begin()) {
        // Nothing can be recorded, so nothing is sent: each requester is told why.
        const QString why = tr("The gate cannot record requests: %1").arg(m_store->errorString());
        Q_EMIT storeFailed(why);
        for (const Pending &p : batch) {
            const QStringList levels = p.message.topic().split(u'/');
            if (levels.size() > 4 && levels.at(2) == "submit"_L1)
                stageResult(levels.at(3), {}, levels.mid(4).join(u'/'), u"refused"_s, why);
            else if (levels.size() == 5 && levels.at(2) == "broadcast"_L1)
                stageResult(levels.at(3), levels.at(4).left(MaxIdChars), {}, u"refused"_s, why);
        }
        m_outbox.append(std::exchange(m_staged, {}));
        m_stagedRelays.clear();
        m_stagedCalls.clear();
        return flush();
    }
    for (const Pending &p : batch) {
        const QStringList levels = p.message.topic().split(u'/');
        const QString &what = levels.at(2);
        if (what == "submit"_L1 && levels.size() > 4)
            handleSubmit(levels.at(3), levels.mid(4).join(u'/'), p.message, p.receivedMs);
        else if (what == "decisions"_L1 && levels.size() == 6)
            handleDecision(levels.at(3), levels.at(4), levels.at(5), p.message.payload(), p.receivedMs);
        else if (what == "broadcast"_L1 && levels.size() == 5)
            handleBroadcast(levels.at(3), levels.at(4), p.message.payload(), p.receivedMs);
        else if (what == "cancel"_L1 && levels.size() == 5)
            handleCancel(levels.at(3), levels.at(4), p.receivedMs);
    }
    if (!m_store->commit()) {
        const QString why = tr("The gate cannot record requests: %1").arg(m_store->errorString());
        Q_EMIT storeFailed(why);
        // What the batch decided is not on disk: forget it, publish none of it, and take back the held
        // requests as the disk has them.
        m_staged.clear();
        m_stagedRelays.clear();
        m_stagedCalls.clear();
        m_held.clear();
        m_heldPerRequester.clear();
        m_broadcastParts.clear();
        m_heldBroadcastBytes = 0;
        if (const auto unsettled = m_store->unsettled())
            adopt(*unsettled);
        return;
    }
    publishStaged();
    scheduleExpiry();
}

bool CommandGate::commitAndPublish()
{
    if (!m_store->commit()) {
        // Not on disk, so not published: what was staged is dropped with the transaction.
        m_staged.clear();
        m_stagedRelays.clear();
        m_stagedCalls.clear();
        return false;
    }
    publishStaged();
    return true;
}

void CommandGate::publishStaged()
{
    m_outbox.append(std::exchange(m_staged, {}));
    for (const QString &topic : std::exchange(m_stagedRelays, {}))
        Q_EMIT relayed(topic);
    // The hub's own services (AWS IoT command starts, Azure direct methods) once the batch is on disk, like
    // the relays: a crash or a failed commit before this point must not have called a device.
    for (const std::function<void()> &call : std::exchange(m_stagedCalls, {}))
        call();
    flush();
}

void CommandGate::handleSubmit(const QString &user, const QString &target, const MqttMessage &message,
                               qint64 now)
{
    const GatePolicy::Decision d = m_policy.classify(target, message.payload());
    QString id;
    for (const auto &[name, value] : message.properties().userProperties) {
        if (name == QLatin1StringView(RequestProperty))
            id = value;
    }
    if (id.isEmpty())
        id = d.tid;
    const QString shownTopic = target.left(256);
    if (d.verdict == GatePolicy::Verdict::Refuse)
        return refuse(user, id.left(MaxIdChars), shownTopic, d.reason, now);
    if (d.kind == GatePolicy::Kind::AwsCommand) {
        // Started under one's own name only: the name in the start topic is who the service answers and
        // who the execution is for, and the submitter is the one the broker authenticated.
        if (target.section(u'/', 3, 3) != user)
            return refuse(user, id.left(MaxIdChars), shownTopic,
                          tr("An AWS IoT command is started under one's own name (%1).").arg(user), now);
        if (!m_awsStarter)
            return refuse(user, id.left(MaxIdChars), shownTopic,
                          tr("This fleet-hub does not serve AWS IoT commands (no --commands-db)."), now);
    }
    if (d.kind == GatePolicy::Kind::AzureMethod) {
        // As for AWS IoT commands: the result goes to the name in the topic, which must be the submitter's.
        if (target.section(u'/', 3, 3) != user)
            return refuse(user, id.left(MaxIdChars), shownTopic,
                          tr("A direct method is called under one's own name (%1).").arg(user), now);
        if (!m_azureInvoker)
            return refuse(user, id.left(MaxIdChars), shownTopic,
                          tr("This fleet-hub does not serve Azure IoT Hub devices."), now);
    }
    const Json properties =
        MqttPropertiesJson::toJson(message.properties(), {QLatin1StringView(RequestProperty)});
    if (d.verdict == GatePolicy::Verdict::Relay) {
        audit(user, u"relayed"_s, user, id.left(MaxIdChars), shownTopic, d.command);
        if (d.kind == GatePolicy::Kind::AwsCommand)
            startAws(target, message.payload());
        else if (d.kind == GatePolicy::Kind::AzureMethod)
            invokeAzure(target, message.payload());
        else
            relay(target, message.payload(), properties, std::max(1, message.qos()));
        // No answer for a relay: the device's reply is the news, and an answer per request doubled what the
        // gate publishes (measured: 205 against 115 µs of the hub's CPU per request at 10,000 devices).
        return;
    }

    // Held: under an id the requester chose (their command's tid), so that their console can follow it.
    if (id.isEmpty())
        id = u"g%1-%2"_s.arg(now).arg(++m_generatedIds);
    if (!isValidRequestId(id)) {
        return refuse(user, {}, shownTopic, badIdReason(id), now);
    }
    const QString digest = GateRecord::digestOf(target, message.payload(), properties);
    bool ok = true;
    const std::optional<GateRecord> existing = find(user, id, &ok);
    if (!ok) {
        const QString why = tr("The gate cannot read its records: %1").arg(m_store->errorString());
        return stageResult(user, id, shownTopic, u"refused"_s, why);
    }
    const QString approvalName = key(user, id);
    if (existing) {
        if (existing->digest != digest) {
            // A request is never rewritten under its id: decisions were (or will be) about the first content.
            const QString why =
                tr("Request %1 exists with other content; a changed request needs a new id.").arg(id);
            return refuse(user, id, shownTopic, why, now, approvalName);
        }
        if (existing->isPending())
            return stageResult(user, id, shownTopic, u"held"_s, existing->reason, approvalName);
        if (existing->state == GateRecord::State::Approved && existing->expiresAt > now &&
            m_resends.value(approvalName) < MaxResends) {
            // A direct method has no id the device would know again: a second call would run it twice on one
            // approval. Its verdict came (or comes) from the first call.
            if (d.kind == GatePolicy::Kind::AzureMethod)
                return refuse(user, id, shownTopic,
                              tr("Request %1 was approved and called; a direct method is called once per "
                                 "approval.")
                                  .arg(id),
                              now, approvalName);
            // A retry of what was approved (the device did not answer): the same content, sent again.
            ++m_resends[approvalName];
            audit(user, u"resent"_s, user, id, shownTopic, tr("approved by %1").arg(existing->decidedBy));
            if (d.kind == GatePolicy::Kind::AwsCommand)
                startAws(target, message.payload()); // the same client token: the same execution
            else if (d.kind == GatePolicy::Kind::AzureMethod)
                invokeAzure(target, message.payload()); // the same request id: the same call while it runs
            else
                relay(target, message.payload(), properties);
            return stageResult(user, id, shownTopic, u"relayed"_s, {}, approvalName);
        }
        return refuse(user, id, shownTopic,
                      tr("Request %1 is %2.").arg(id, GateRecord::stateName(existing->state)), now,
                      approvalName);
    }
    if (resendBroadcastPart(user, id, target, message.payload(), properties, now))
        return;

    GateRecord record;
    record.requester = user;
    record.id = id;
    record.kind = GatePolicy::kindName(d.kind);
    record.topic = target;
    record.payload = message.payload();
    record.properties = properties;
    record.device = d.device;
    record.group = d.group;
    record.command = d.command;
    record.parameters = d.parameters;
    record.reason = d.reason;
    record.digest = digest;
    hold(std::move(record), now);
}

void CommandGate::handleBroadcast(const QString &user, const QString &id, const QByteArray &payload,
                                  qint64 now)
{
    if (!isValidRequestId(id)) {
        return refuse(user, {}, {}, badIdReason(id), now);
    }
    QString why;
    const std::optional<GateBroadcast> broadcast = GateBroadcast::parse(payload, &why);
    if (!broadcast)
        return refuse(user, id, {}, why, now);
    // Judged as one: refused if any part is; one catalog command with the same parameters for every target
    // (what the approver is shown is then true of each message), each device once.
    GatePolicy::Decision first;
    QSet<QString> devices;
    QStringList targets;
    bool sensitive = false;
    for (qsizetype i = 0; i < broadcast->messages.size(); ++i) {
        const GateBroadcast::Message &m = broadcast->messages.at(i);
        const GatePolicy::Decision d = m_policy.classify(m.topic, m.payload);
        const QString where = tr("target %1 (%2)").arg(i + 1).arg(m.topic.left(256));
        if (d.verdict == GatePolicy::Verdict::Refuse)
            return refuse(user, id, {}, where + u": "_s + d.reason, now);
        if (d.kind != GatePolicy::Kind::Command || d.device.isEmpty())
            return refuse(user, id, {},
                          tr("%1: a broadcast carries one catalog command to single devices.").arg(where),
                          now);
        if (i == 0)
            first = d;
        else if (d.command != first.command || d.parameters != first.parameters)
            return refuse(
                user, id, {},
                tr("%1: every target of a broadcast gets the same command and parameters.").arg(where), now);
        if (devices.contains(d.device))
            return refuse(user, id, {}, tr("%1: device %2 is named twice.").arg(where, d.device), now);
        devices.insert(d.device);
        targets.append(d.device);
        sensitive = sensitive || d.verdict == GatePolicy::Verdict::Hold;
    }
    const QString summary = tr("%1 to %n device(s)", nullptr, int(targets.size())).arg(first.command);
    if (!sensitive) {
        audit(user, u"relayed"_s, user, id, {}, summary);
        for (const GateBroadcast::Message &m : broadcast->messages) {
            relay(m.topic, m.payload, m.properties);
        }
        return stageResult(user, id, {}, u"relayed"_s, summary);
    }
    const QString digest = GateRecord::digestOf(prefixed("broadcast"), payload, Json::object());
    bool ok = true;
    const std::optional<GateRecord> existing = find(user, id, &ok);
    if (!ok) {
        return stageResult(user, id, {}, u"refused"_s,
                           tr("The gate cannot read its records: %1").arg(m_store->errorString()));
    }
    if (existing) {
        // Resubmitted (the console reconnected): the same broadcast is where it was; another is refused.
        if (existing->digest == digest && existing->isPending())
            return stageResult(user, id, {}, u"held"_s, existing->reason, key(user, id));
        return refuse(
            user, id, {},
            existing->digest != digest
                ? tr("Request %1 exists with other content; a changed request needs a new id.").arg(id)
                : tr("Request %1 is %2.").arg(id, GateRecord::stateName(existing->state)),
            now, key(user, id));
    }
    if (m_heldBroadcastBytes + payload.size() > MaxHeldBroadcastBytes) {
        return refuse(user, id, {},
                      tr("Too many broadcasts are waiting for approval; try again once some are decided."),
                      now);
    }
    GateRecord record;
    record.requester = user;
    record.id = id;
    record.kind = u"broadcast"_s;
    // No one topic: each target has its own (the targets say whom it goes to).
    record.payload = payload;
    record.command = first.command;
    record.parameters = first.parameters;
    record.targets = targets;
    record.reason = first.reason.isEmpty() ? summary : summary + u": "_s + first.reason;
    record.digest = digest;
    hold(std::move(record), now);
}

void CommandGate::hold(GateRecord record, qint64 now)
{
    const QString user = record.requester;
    const QString id = record.id;
    const QString shownTopic = record.topic.left(256);
    if (m_held.size() >= MaxPending || m_heldPerRequester.value(user) >= MaxPendingPerRequester) {
        return refuse(user, id, shownTopic,
                      tr("Too many requests are waiting for approval; try again once some are decided."),
                      now);
    }
    record.requestedAt = now;
    record.expiresAt = now + m_lifetimeMs;
    if (!m_store->write(record))
        return stageResult(user, id, shownTopic, u"refused"_s,
                           tr("The gate cannot record requests: %1").arg(m_store->errorString()));
    audit(user, u"held"_s, user, id, shownTopic, record.reason);
    const QString approvalName = key(user, id);
    if (record.kind == "broadcast"_L1)
        m_heldBroadcastBytes += record.payload.size();
    ++m_heldPerRequester[user];
    stageApproval(record);
    stageResult(user, id, shownTopic, u"held"_s, record.reason, approvalName);
    m_held.insert(approvalName, std::move(record));
    Q_EMIT held(user, id);
}

std::optional<GateRecord> CommandGate::find(const QString &user, const QString &id, bool *ok)
{
    *ok = true;
    if (const auto it = m_held.constFind(key(user, id)); it != m_held.cend())
        return *it;
    return m_store->find(user, id, ok);
}

QString CommandGate::badIdReason(const QString &id)
{
    return tr("\"%1\" cannot be a request id: 1 to %2 characters, without '/', '+' or '#'.")
        .arg(id.left(MaxIdChars))
        .arg(MaxIdChars);
}

void CommandGate::startAws(const QString &topic, const QByteArray &payload)
{
    // fleet/aws-commands/start/{user}/{clientToken}, checked when it was submitted.
    if (m_awsStarter)
        m_stagedCalls.append([this, topic, payload] {
            m_awsStarter(topic.section(u'/', 3, 3), topic.section(u'/', 4, 4), payload);
        });
}

void CommandGate::invokeAzure(const QString &topic, const QByteArray &payload)
{
    // fleet/azure-methods/invoke/{user}/{requestId}, checked when it was submitted.
    if (m_azureInvoker)
        m_stagedCalls.append([this, topic, payload] {
            m_azureInvoker(topic.section(u'/', 3, 3), topic.section(u'/', 4, 4), payload);
        });
}

void CommandGate::relay(const QString &topic, const QByteArray &payload, const Json &properties, int qos)
{
    MqttMessage out(topic, payload, qos, false);
    out.setProperties(MqttPropertiesJson::fromJson(properties));
    stage(out);
    m_stagedRelays.append(topic);
}

void CommandGate::refuse(const QString &user, const QString &id, const QString &topic, const QString &why,
                         qint64 now, const QString &approval)
{
    audit(user, u"refused"_s, user, id, topic, why, true, now);
    stageResult(user, id, topic, u"refused"_s, why, approval);
}

bool CommandGate::resendBroadcastPart(const QString &user, const QString &id, const QString &target,
                                      const QByteArray &payload, const Json &properties, qint64 now)
{
    const QString digest = GateRecord::digestOf(target, payload, properties);
    const QString name = m_broadcastParts.value(digest);
    const auto it = m_held.constFind(name);
    // Only the requester's own retry: the same bytes from another account are that account's new request.
    if (name.isEmpty() || it == m_held.cend() || it->requester != user || it->expiresAt <= now ||
        m_resends.value(digest) >= MaxResends)
        return false;
    ++m_resends[digest];
    audit(user, u"resent"_s, user, id, target.left(256),
          tr("part of broadcast %1, approved by %2").arg(it->id, it->decidedBy));
    relay(target, payload, properties);
    return true;
}

bool CommandGate::describeBroadcast(GateRecord &record) const
{
    const std::optional<GateBroadcast> broadcast = GateBroadcast::parse(record.payload);
    if (!broadcast)
        return false;
    record.targets.clear();
    for (const GateBroadcast::Message &m : broadcast->messages)
        record.targets.append(m_policy.classify(m.topic, m.payload).device);
    return true;
}

void CommandGate::adopt(const QList<GateRecord> &records)
{
    for (GateRecord record : records) {
        if (record.kind == "broadcast"_L1) {
            if (!describeBroadcast(record))
                qCWarning(lcHub).noquote() << tr("The gate's broadcast %1 is no longer readable.")
                                                  .arg(key(record.requester, record.id));
            m_heldBroadcastBytes += record.payload.size();
        } else if (record.sentAt > 0 && record.reply.isEmpty()) {
            m_awaitingReply.insert(record.id, key(record.requester, record.id)); // listened to by start()
        }
        ++m_heldPerRequester[record.requester];
        m_held.insert(key(record.requester, record.id), std::move(record));
    }
}

void CommandGate::forget(const QString &name)
{
    const auto it = m_held.constFind(name);
    if (it == m_held.cend())
        return;
    if (it->kind == "broadcast"_L1) {
        m_heldBroadcastBytes -= it->payload.size();
        for (auto part = m_broadcastParts.begin(); part != m_broadcastParts.end();) {
            if (part.value() == name) {
                m_resends.remove(part.key());
                part = m_broadcastParts.erase(part);
            } else {
                ++part;
            }
        }
    }
    if (m_awaitingReply.value(it->id) == name)
        stopAwaiting(it->id);
    m_resends.remove(name);
    m_held.remove(name);
}

void CommandGate::awaitReply(const QString &tid, const QString &name)
{
    if (m_awaitingReply.contains(tid))
        return;
    m_awaitingReply.insert(tid, name);
    listenForReplies(m_held.value(name).device, true);
}

void CommandGate::stopAwaiting(const QString &tid)
{
    const auto it = m_awaitingReply.constFind(tid);
    if (it == m_awaitingReply.cend())
        return;
    const QString device = m_held.value(it.value()).device;
    m_awaitingReply.erase(it);
    listenForReplies(device, false);
}

void CommandGate::listenForReplies(const QString &device, bool on)
{
    if (device.isEmpty())
        return;
    int &count = m_replyListeners[device];
    count += on ? 1 : -1;
    if ((on && count != 1) || (!on && count != 0))
        return; // already listening, or someone still waits on this device
    if (count == 0)
        m_replyListeners.remove(device);
    for (const AtlasDialect &route : std::as_const(m_replyRoutes)) {
        if (const std::optional<QString> topic = route.responseTopic(device)) {
            if (on)
                m_client->subscribe(*topic, 1);
            else
                m_client->unsubscribe(*topic);
        }
    }
}

void CommandGate::handleDecision(const QString &requester, const QString &id, const QString &approver,
                                 const QByteArray &payload, qint64 now)
{
    if (payload.isEmpty())
        return; // a retained decision being cleared
    // Decisions are retained, so that one made while the gate was down is taken when it is back; once read
    // (applied or ignored), and with the batch on disk, the gate clears it.
    stage(
        MqttMessage(prefixed("decisions/") + requester + u'/' + id + u'/' + approver, QByteArray(), 1, true));
    const auto it = m_held.find(key(requester, id));
    const auto ignore = [&](const QString &why) {
        audit(approver, u"decision-ignored"_s, requester, id, {}, why, true, now);
    };
    if (approver == requester)
        return ignore(tr("nobody approves their own request"));
    if (it == m_held.end() || !it->isPending())
        return ignore(it == m_held.end()
                          ? tr("no such pending request")
                          : tr("the request is already %1").arg(GateRecord::stateName(it->state)));
    QString why;
    const std::optional<Json> body = NetworkJson::parse(payload, {MaxDecisionBytes, 8}, &why);
    const QString verdict = body ? str(jsonMember(*body, "decision")) : QString();
    if (verdict != "approve"_L1 && verdict != "reject"_L1)
        return ignore(tr("a decision is {\"decision\": \"approve\" or \"reject\", \"digest\": …}"));
    if (it->expiresAt <= now)
        return ignore(tr("the request has expired"));
    if (str(jsonMember(*body, "digest")) != it->digest)
        return ignore(tr("the decision is for other content (its digest differs)"));
    const QString reason = str(jsonMember(*body, "reason")).left(1024);
    if (verdict == "reject"_L1) {
        settle(*it, GateRecord::State::Rejected, approver, reason, now);
        return;
    }
    settle(*it, GateRecord::State::Approved, approver, reason, now);
    send(*it, now);
}

void CommandGate::handleCancel(const QString &user, const QString &id, qint64 now)
{
    const auto it = m_held.find(key(user, id));
    if (it == m_held.end() || !it->isPending())
        return audit(user, u"cancel-ignored"_s, user, id, {}, tr("no such pending request"), true, now);
    settle(*it, GateRecord::State::Withdrawn, user, tr("withdrawn by the requester"), now);
}

void CommandGate::settle(GateRecord &record, GateRecord::State state, const QString &by,
                         const QString &reason, qint64 now)
{
    record.state = state;
    record.decidedBy = by;
    record.decidedAt = now;
    record.decisionReason = reason;
    if (!m_store->write(record))
        return; // the commit fails with it, and the batch is taken back
    audit(by, GateRecord::stateName(state), record.requester, record.id, record.topic, reason);
    if (state != GateRecord::State::Approved) {
        stageApproval(record); // an approval is published by send(), with the time it went out
        --m_heldPerRequester[record.requester];
        const QString name = key(record.requester, record.id);
        const QString requester = record.requester;
        const QString id = record.id;
        stageResult(requester, id, record.topic, GateRecord::stateName(state), reason, name);
        Q_EMIT settled(requester, id, GateRecord::stateName(state));
        forget(name);
    }
}

void CommandGate::send(GateRecord &record, qint64 now)
{
    // On disk as sent before it is published (the batch commits first): after a crash it is not sent again.
    record.sentAt = now;
    if (!m_store->write(record))
        return;
    audit(u"gate"_s, u"sent"_s, record.requester, record.id, record.topic,
          tr("approved by %1").arg(record.decidedBy));
    if (record.kind == "command"_L1)
        awaitReply(record.id, key(record.requester, record.id));
    if (record.kind == "broadcast"_L1) {
        // Each device's reply goes to the requester's console (its response topic), not into this record:
        // one record does not hold 10,000 verdicts.
        const std::optional<GateBroadcast> broadcast = GateBroadcast::parse(record.payload);
        for (const GateBroadcast::Message &m :
             broadcast ? broadcast->messages : QList<GateBroadcast::Message>()) {
            relay(m.topic, m.payload, m.properties);
            m_broadcastParts.insert(GateRecord::digestOf(m.topic, m.payload, m.properties),
                                    key(record.requester, record.id));
        }
    } else if (record.kind == GatePolicy::kindName(GatePolicy::Kind::AwsCommand)) {
        startAws(record.topic, record.payload);
    } else if (record.kind == GatePolicy::kindName(GatePolicy::Kind::AzureMethod)) {
        invokeAzure(record.topic, record.payload);
    } else {
        relay(record.topic, record.payload, record.properties);
    }
    stageApproval(record);
    stageResult(record.requester, record.id, record.topic, u"approved"_s,
                tr("approved by %1").arg(record.decidedBy), key(record.requester, record.id));
    --m_heldPerRequester[record.requester];
    Q_EMIT settled(record.requester, record.id, u"approved"_s);
}

void CommandGate::onReply(const MqttMessage &message)
{
    if (m_awaitingReply.isEmpty())
        return;
    for (const AtlasDialect &route : std::as_const(m_replyRoutes)) {
        if (!route.deviceFromTopic(message.topic()))
            continue;
        const std::optional<AtlasReply> reply = route.decodeReply(message.topic(), message.payload(), nullptr,
                                                                  message.properties().correlationData);
        if (!reply || !reply->tid || !reply->isFinal())
            return;
        const QString name = m_awaitingReply.value(*reply->tid);
        const auto it = m_held.find(name);
        if (name.isEmpty() || it == m_held.end() || it->device != reply->device)
            return;
        // Kept with the request, so that a requester who was away gets the verdict from the gate's copy.
        it->replyTopic = message.topic();
        it->reply = message.payload();
        if (!m_store->begin())
            return;
        if (!m_store->write(*it))
            return m_store->rollback();
        stageApproval(*it);
        if (commitAndPublish())
            stopAwaiting(*reply->tid);
        return;
    }
}

void CommandGate::expire()
{
    const qint64 now = wallMs();
    QList<QString> due;
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it) {
        if (it->expiresAt <= now)
            due.append(it.key());
    }
    if (!due.isEmpty() && m_store->begin()) {
        for (const QString &name : due) {
            GateRecord &record = m_held[name];
            if (record.isPending()) {
                settle(record, GateRecord::State::Expired, u"gate"_s, tr("nobody decided in time"), now);
            } else {
                forget(name); // approved and past its lifetime: no more resends
            }
        }
        commitAndPublish();
    }
    scheduleExpiry();
}

void CommandGate::scheduleExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const GateRecord &record : std::as_const(m_held))
        next = std::min(next, record.expiresAt);
    if (next == std::numeric_limits<qint64>::max())
        return m_expiryTimer.stop();
    m_expiryTimer.start(int(std::clamp<qint64>(next - wallMs() + 10, 0, 60 * 1000)));
}

void CommandGate::stageResult(const QString &user, const QString &id, const QString &topic,
                              const QString &outcome, const QString &reason, const QString &approval)
{
    Json body = {{"request", id.toStdString()},
                 {"topic", topic.toStdString()},
                 {"outcome", outcome.toStdString()},
                 {"reason", reason.toStdString()}};
    if (!approval.isEmpty())
        body["approval"] = approval.toStdString();
    stage(MqttMessage(prefixed("results/") + user, compactJsonBytes(body), 1, false));
}

void CommandGate::stageApproval(const GateRecord &record)
{
    stage(MqttMessage(prefixed("approvals/") + key(record.requester, record.id),
                      compactJsonBytes(record.toJson()), 1, true));
}

void CommandGate::stage(const MqttMessage &message)
{
    m_staged.append(message);
}

void CommandGate::audit(const QString &actor, const QString &action, const QString &requester,
                        const QString &id, const QString &topic, const QString &detail, bool noisy,
                        qint64 now)
{
    if (noisy) {
        // One account cannot fill the disk with refusals: past the limit they are counted, and the count is
        // written when its minute is over.
        Noise &noise = m_noise[actor];
        if (now - noise.windowStart >= 60 * 1000) {
            if (noise.dropped > 0)
                m_store->audit(
                    {0,
                     now,
                     actor,
                     u"suppressed"_s,
                     {},
                     {},
                     {},
                     tr("%n more refused or ignored message(s) in the last minute", nullptr, noise.dropped)});
            noise = {now, 0, 0};
        }
        if (noise.written >= MaxNoisyAuditPerMinute) {
            ++noise.dropped;
            return;
        }
        ++noise.written;
        if (m_noise.size() > 100000)
            m_noise.clear(); // a flood of account names is not an account's: start counting again
    }
    m_store->audit({0, now ? now : wallMs(), actor, action, requester, id, topic, detail.left(1024)});
}

void CommandGate::flush()
{
    outbox::flush(*m_client, m_outbox, [this](const MqttMessage &dropped) {
        qCWarning(lcHub).noquote() << tr("The gate dropped a message on \"%1\": %2")
                                          .arg(dropped.topic().left(256), m_client->errorString());
    });
}

} // namespace fleet
