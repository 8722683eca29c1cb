#include "awscommandservice.h"

#include "common/networkjson.h"
#include "outbox.h"
#include "shadowservice.h" // lcHub

#include <QDateTime>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const auto Dialect = "aws-commands"_L1;
const auto Prefix = "fleet/aws-commands"_L1;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Json refusal(const QString &clientToken, AwsCommandExecution::ErrorCode code, const QString &message)
{
    return Json{{"clientToken", clientToken.toStdString()},
                {"error", AwsCommandExecution::errorName(code).toStdString()},
                {"errorMessage", message.toStdString()}};
}

} // namespace

AwsCommandService::AwsCommandService(MqttClient *client, AwsCommandStore *store, CommandCatalog catalog,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_catalog(std::move(catalog))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &AwsCommandService::handleBatch);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &AwsCommandService::expire);
}

AwsCommandService::~AwsCommandService() = default;

QStringList AwsCommandService::filters()
{
    return {AwsCommandExecution::responseFilter(), Prefix + u"/start/+/+"_s};
}

QString AwsCommandService::startTopic(const QString &user, const QString &clientToken)
{
    return u"%1/start/%2/%3"_s.arg(Prefix, user, clientToken);
}

QString AwsCommandService::resultsTopic(const QString &user)
{
    return u"%1/results/%2"_s.arg(Prefix, user);
}

QStringList AwsCommandService::commandIds() const
{
    QStringList ids;
    for (const CommandSpec &spec : m_catalog.commands()) {
        if (spec.dialect == Dialect)
            ids.append(spec.name);
    }
    return ids;
}

bool AwsCommandService::start()
{
    const std::optional<QList<AwsCommandExecution>> unfinished = m_store->unfinished();
    if (!unfinished) {
        m_error = m_store->errorString();
        return false;
    }
    for (const AwsCommandExecution &e : *unfinished) {
        m_unfinished.insert(e.executionId, e);
        m_byToken.insert(e.requestedBy + u'/' + e.clientToken, e.executionId);
    }
    connect(m_client, &MqttClient::messageReceived, this, &AwsCommandService::onMessage);
    connect(m_client, &MqttClient::readyToPublish, this, &AwsCommandService::flush);
    connect(m_client, &MqttClient::connected, this, &AwsCommandService::flush);
    for (const QString &filter : filters()) {
        if (!m_client->subscribe(filter, 1)) {
            m_error = m_client->errorString();
            return false;
        }
    }
    // Those whose time passed while the hub was down time out now; the others when theirs does.
    scheduleExpiry();
    return true;
}

void AwsCommandService::onMessage(const MqttMessage &message)
{
    const QString &topic = message.topic();
    if (!topic.startsWith("$aws/commands/"_L1) && !topic.startsWith(Prefix + u"/start/"_s))
        return;
    m_incoming.append({message, nowMs()});
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void AwsCommandService::handleBatch()
{
    const QList<Incoming> batch = std::exchange(m_incoming, {});
    if (batch.isEmpty())
        return;
    if (!m_store->begin()) {
        qCCritical(lcHub).noquote() << m_store->errorString();
        Q_EMIT storeFailed(m_store->errorString());
    }
    for (const Incoming &in : batch) {
        const QString &topic = in.message.topic();
        if (const auto response = AwsCommandExecution::parseResponseTopic(topic)) {
            handleUpdate(*response, in.message.payload(), in.receivedMs);
            continue;
        }
        const QStringList levels = topic.split(u'/');
        // fleet/aws-commands/start/{user}/{clientToken}
        if (levels.size() == 5 && levels.at(2) == "start"_L1)
            handleStart(levels.at(3), levels.at(4), in.message.payload(), in.receivedMs, in.approved);
        // Anything else under $aws/commands (a device's /cbor update, a malformed id) gets no answer:
        // AWS answers only on the topics it serves.
    }
    commitAndPublish();
}

void AwsCommandService::startApproved(const QString &user, const QString &clientToken,
                                      const QByteArray &payload)
{
    m_incoming.append(
        {MqttMessage(Prefix + u"/start/%1/%2"_s.arg(user, clientToken), payload, 1), nowMs(), true});
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void AwsCommandService::handleStart(const QString &user, const QString &clientToken,
                                    const QByteArray &payload, qint64 now, bool approved)
{
    using Code = AwsCommandExecution::ErrorCode;
    const auto refuse = [&](Code code, const QString &message) {
        const Json body = refusal(clientToken, code, message);
        stageResult(user, body);
        m_failed.append(MqttMessage(resultsTopic(user), compactJsonBytes(body), 1));
    };
    if (!CommandSpec::isValidTopicId(user) || !AwsCommandExecution::isValidExecutionId(clientToken))
        return; // nobody to answer: the broker's ACL lets no such topic through
    QString why;
    const std::optional<Json> request = NetworkJson::parse(payload, {MaxStartBytes, 16}, &why);
    if (!request || !request->is_object())
        return refuse(Code::InvalidJson, request ? tr("The request is not a JSON object.") : why);
    const auto text = [&](const char *key) {
        const auto it = request->find(key);
        return it != request->end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                       : QString();
    };
    const QString commandId = text("commandId");
    const CommandSpec *spec = m_catalog.find(commandId);
    if (!spec || spec->dialect != Dialect)
        return refuse(
            Code::ResourceNotFound,
            tr("There is no AWS IoT command \"%1\" in fleet-hub's catalog.").arg(commandId.left(64)));
    if (spec->deprecated)
        return refuse(Code::InvalidRequest, tr("\"%1\" is deprecated: no new executions.").arg(commandId));
    // Only the gate hands over an approved start: one published on the start topic is the requester's own.
    if (spec->sensitive && !approved)
        return refuse(Code::InvalidRequest,
                      tr("\"%1\" is sensitive: start it through fleet-hub's command gate, which holds it for "
                         "an approval.")
                          .arg(commandId));
    const QString target = text("target");
    const QString targetType = request->contains("targetType") ? text("targetType") : u"things"_s;
    if (targetType != "things"_L1 && targetType != "clients"_L1)
        return refuse(Code::InvalidRequest, tr("\"targetType\" must be \"things\" or \"clients\"."));
    if (!CommandSpec::isValidTopicId(target) || target.size() > 128)
        return refuse(Code::InvalidRequest,
                      tr("\"target\" must be a thing name or client id of 1 to 128 characters without "
                         "'+', '#' or '/'."));
    // The catalog's profile for the thing (by id or pattern) may say it speaks another dialect.
    QString unfit;
    if (!m_catalog.find(commandId, target, {}, &unfit))
        return refuse(Code::InvalidRequest, tr("%1 cannot take it: %2").arg(target, unfit));
    qint64 timeoutMs = spec->timeoutMs;
    if (const auto timeout = request->find("timeoutSeconds"); timeout != request->end()) {
        const double seconds = timeout->is_number() ? timeout->get<double>() : -1;
        if (!std::isfinite(seconds) || seconds * 1000 < MinTimeoutMs || seconds * 1000 > MaxTimeoutMs)
            return refuse(Code::InvalidRequest, tr("\"timeoutSeconds\" must be a number from %1 to %2.")
                                                    .arg(MinTimeoutMs / 1000)
                                                    .arg(MaxTimeoutMs / 1000));
        timeoutMs = qint64(seconds * 1000);
    }
    Json parameters = Json::object();
    if (const auto given = request->find("parameters"); given != request->end() && !given->is_null()) {
        if (!given->is_object())
            return refuse(Code::InvalidRequest, tr("\"parameters\" must be an object."));
        parameters = *given;
    }
    const std::optional<Json> built = spec->buildPayload(parameters, &why);
    if (!built)
        return refuse(Code::InvalidRequest, why);
    const std::optional<QByteArray> encoded = encodePayload(*spec, *built, &why);
    if (!encoded)
        return refuse(Code::InvalidRequest, why);
    // The same token again (a retry of a request whose answer was lost) is the same execution: answered
    // with its id, and its request published again for the time left, never a second execution.
    if (const auto byToken = m_byToken.constFind(user + u'/' + clientToken); byToken != m_byToken.cend()) {
        const AwsCommandExecution &known = m_unfinished[*byToken];
        if (known.commandId == commandId && known.target == target) {
            if (known.status != AwsCommandExecution::Status::TimedOut)
                stageRequest(known, now);
            stageResult(user, Json{{"clientToken", clientToken.toStdString()},
                                   {"executionId", known.executionId.toStdString()},
                                   {"status", AwsCommandExecution::statusName(known.status).toStdString()}});
            return;
        }
        return refuse(Code::InvalidRequest,
                      tr("Client token %1 already started another execution.").arg(clientToken));
    }
    // Finished (or not in memory): the store knows every token, so a start repeated after the verdict, or
    // after a crash between the request going out and its answer, is the same execution, told as it is.
    bool found = true;
    if (const std::optional<AwsCommandExecution> known = m_store->findByToken(user, clientToken, &found)) {
        if (known->commandId != commandId || known->target != target)
            return refuse(Code::InvalidRequest,
                          tr("Client token %1 already started another execution.").arg(clientToken));
        stageResult(user, Json{{"clientToken", clientToken.toStdString()},
                               {"executionId", known->executionId.toStdString()},
                               {"status", AwsCommandExecution::statusName(known->status).toStdString()}});
        return;
    }
    if (!found)
        return refuse(Code::InternalError, tr("The database failed."));
    if (m_unfinished.size() >= MaxUnfinished)
        return refuse(Code::RequestThrottled,
                      tr("%L1 executions are unfinished: wait for some to end.").arg(MaxUnfinished));

    AwsCommandExecution e;
    e.executionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.commandId = commandId;
    e.targetType = targetType;
    e.target = target;
    e.payload = *encoded;
    e.contentType = spec->contentType;
    e.parameters = parameters;
    e.requestedBy = user;
    e.clientToken = clientToken;
    e.createdMs = now;
    e.updatedMs = now;
    e.timeoutMs = timeoutMs;
    if (!record(e, now))
        return refuse(Code::InternalError,
                      tr("The execution could not be stored: %1").arg(m_store->errorString()));
    stageRequest(e, now);
    stageResult(user, Json{{"clientToken", clientToken.toStdString()},
                           {"executionId", e.executionId.toStdString()},
                           {"status", "CREATED"}});
    m_failed.append(MqttMessage(resultsTopic(user),
                                compactJsonBytes(refusal(clientToken, Code::InternalError,
                                                         tr("The database failed; nothing was sent."))),
                                1));
    scheduleExpiry();
}

std::optional<QByteArray> AwsCommandService::encodePayload(const CommandSpec &spec, const Json &payload,
                                                           QString *error) const
{
    if (spec.contentType == "application/json"_L1)
        return compactJsonBytes(payload);
    if (spec.contentType == "application/cbor"_L1)
        return AwsCommandExecution::jsonToCbor(payload);
    // Any other content type is sent as the text the template gives (a static payload or a string with
    // placeholders).
    if (!payload.is_string()) {
        if (error)
            *error = tr("The catalog's payload for %1 must be a string.").arg(spec.contentType);
        return std::nullopt;
    }
    return QByteArray::fromStdString(payload.get<std::string>());
}

void AwsCommandService::handleUpdate(const AwsCommandExecution::ResponseTopic &topic,
                                     const QByteArray &payload, qint64 now)
{
    using Error = AwsCommandExecution::Error;
    const QString base = u"$aws/commands/%1/%2/executions/%3/response"_s.arg(topic.targetType, topic.target,
                                                                             topic.executionId);
    // Answered in the update's own format, as AWS does.
    const QString format = topic.cbor ? u"/cbor"_s : u"/json"_s;
    const auto encode = [&topic](const Json &body) {
        return topic.cbor ? AwsCommandExecution::jsonToCbor(body) : compactJsonBytes(body);
    };
    const auto reject = [&](const Error &error) {
        m_staged.append(MqttMessage(base + u"/rejected"_s + format,
                                    encode(AwsCommandExecution::rejectedBody(error, topic.executionId)), 1));
    };
    Error error;
    const QByteArray json = topic.cbor ? AwsCommandExecution::cborToJson(payload) : payload;
    const std::optional<AwsCommandExecution::Update> update = AwsCommandExecution::parseUpdate(json, &error);
    if (!update)
        return reject(error);
    bool ok = true;
    std::optional<AwsCommandExecution> e = find(topic.executionId, &ok);
    if (!ok)
        return reject({AwsCommandExecution::ErrorCode::InternalError, tr("The database failed.")});
    // Another target's execution is not this device's to update: it does not exist for it.
    if (!e || e->targetType != topic.targetType || e->target != topic.target)
        return reject({AwsCommandExecution::ErrorCode::ResourceNotFound,
                       tr("No execution %1 for %2.").arg(topic.executionId, topic.target)});
    if (!e->apply(*update, now, &error))
        return reject(error);
    if (!record(*e, now))
        return reject({AwsCommandExecution::ErrorCode::InternalError, tr("The database failed.")});
    m_staged.append(MqttMessage(base + u"/accepted"_s + format, encode(e->acceptedBody()), 1));
    m_failed.append(MqttMessage(
        base + u"/rejected"_s + format,
        encode(AwsCommandExecution::rejectedBody(
            {AwsCommandExecution::ErrorCode::InternalError, tr("The database failed.")}, topic.executionId)),
        1));
}

std::optional<AwsCommandExecution> AwsCommandService::find(const QString &executionId, bool *ok)
{
    *ok = true;
    if (const auto it = m_unfinished.constFind(executionId); it != m_unfinished.cend())
        return *it;
    return m_store->find(executionId, ok);
}

bool AwsCommandService::record(const AwsCommandExecution &e, qint64 now)
{
    if (!m_store->write(e))
        return false;
    const QString token = e.requestedBy + u'/' + e.clientToken;
    if (e.isTerminal()) {
        m_unfinished.remove(e.executionId);
        m_byToken.remove(token);
    } else {
        m_unfinished.insert(e.executionId, e);
        m_byToken.insert(token, e.executionId);
    }
    // The requester hears the verdict with what AWS's events do not carry: the device's result. Before the
    // event, so that a console reading both takes the verdict with its result.
    if (e.isTerminal() && CommandSpec::isValidTopicId(e.requestedBy))
        stageResult(e.requestedBy, e.verdictBody());
    stage(e.eventTopic(), e.eventBody(now));
    Q_EMIT executionChanged(e.executionId, AwsCommandExecution::statusName(e.status));
    return true;
}

void AwsCommandService::stageRequest(const AwsCommandExecution &e, qint64 now)
{
    MqttMessage request(e.requestTopic(), e.payload, 1);
    // The time left, so that a device that comes back after the deadline never runs a stale command.
    const qint64 left = std::max<qint64>(1, (e.deadlineMs() - now + 999) / 1000);
    request.properties().messageExpirySeconds = quint32(left);
    if (!e.requestTopic().endsWith("/json"_L1) && !e.requestTopic().endsWith("/cbor"_L1))
        request.properties().contentType = e.contentType;
    m_staged.append(request);
}

void AwsCommandService::stageResult(const QString &user, const Json &body)
{
    stage(resultsTopic(user), body);
}

void AwsCommandService::stage(const QString &topic, const Json &body)
{
    m_staged.append(MqttMessage(topic, compactJsonBytes(body), 1));
}

void AwsCommandService::expire()
{
    const qint64 now = nowMs();
    QList<AwsCommandExecution> due;
    for (const AwsCommandExecution &e : std::as_const(m_unfinished)) {
        if (e.status != AwsCommandExecution::Status::TimedOut && e.deadlineMs() <= now)
            due.append(e);
    }
    if (!due.isEmpty()) {
        if (!m_store->begin()) {
            Q_EMIT storeFailed(m_store->errorString());
            m_expiryTimer.start(1000); // the database may come back
            return;
        }
        for (AwsCommandExecution &e : due) {
            if (e.timeOut(now))
                record(e, now);
        }
        commitAndPublish();
    }
    scheduleExpiry();
}

void AwsCommandService::scheduleExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const AwsCommandExecution &e : std::as_const(m_unfinished)) {
        if (e.status != AwsCommandExecution::Status::TimedOut)
            next = std::min(next, e.deadlineMs());
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_expiryTimer.stop();
        return;
    }
    m_expiryTimer.start(int(std::clamp<qint64>(next - nowMs(), 0, 60'000)));
}

void AwsCommandService::commitAndPublish()
{
    if (m_store->commit()) {
        m_outbox.append(std::exchange(m_staged, {}));
        m_failed.clear();
    } else {
        // Nothing of the batch is on disk: nothing of it is announced, and every sender hears that it failed.
        qCCritical(lcHub).noquote() << m_store->errorString();
        Q_EMIT storeFailed(m_store->errorString());
        m_staged.clear();
        m_outbox.append(std::exchange(m_failed, {}));
        if (const std::optional<QList<AwsCommandExecution>> back = m_store->unfinished()) {
            m_unfinished.clear();
            m_byToken.clear();
            for (const AwsCommandExecution &e : *back) {
                m_unfinished.insert(e.executionId, e);
                m_byToken.insert(e.requestedBy + u'/' + e.clientToken, e.executionId);
            }
        }
    }
    flush();
}

void AwsCommandService::flush()
{
    outbox::flush(*m_client, m_outbox, [this](const MqttMessage &dropped) {
        qCWarning(lcHub).noquote()
            << tr("Dropped a message on \"%1\": %2").arg(dropped.topic().left(256), m_client->errorString());
    });
}

} // namespace fleet
