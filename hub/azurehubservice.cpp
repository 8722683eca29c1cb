#include "azurehubservice.h"

#include "common/networkjson.h"
#include "outbox.h"
#include "shadowservice.h" // lcHub

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const auto InboundPrefix = "$fleet/iothub/"_L1;
const auto OutboundPrefix = "$fleet/iothub-to/"_L1;
const auto PresencePrefix = "$fleet/iothub-presence/"_L1;
const auto TwinsPrefix = "$fleet/twins/"_L1;
const auto MethodsPrefix = "fleet/azure-methods"_L1;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The parameters of a topic's last level, "?$rid=1&$version=2".
QString queryValue(const QString &level, const QString &key)
{
    if (!level.startsWith(u'?'))
        return {};
    const QStringList pairs = level.mid(1).split(u'&');
    for (const QString &pair : pairs) {
        if (pair.startsWith(key + u'='))
            return pair.mid(key.size() + 1);
    }
    return {};
}

bool isValidRid(const QString &rid)
{
    return !rid.isEmpty() && rid.size() <= 64 &&
           std::all_of(rid.begin(), rid.end(), [](QChar c) { return c.isLetterOrNumber() || c == u'-'; });
}

QString clientTokenOf(const std::optional<Json> &body)
{
    if (!body || !body->is_object())
        return {};
    const auto it = body->find("clientToken");
    return it != body->end() && it->is_string() ? QString::fromStdString(it->get<std::string>()).left(64)
                                                : QString();
}

// What a device hears when its twin request fails. Microsoft's SDK ignores the status and fails a request
// only when the body has "errorCode" (IoT Hub's six-digit codes start with the status; 400004 is
// ArgumentInvalid).
QByteArray deviceError(int status, const QString &message)
{
    const int code = status * 1000 + (status == 400 ? 4 : 1);
    return compactJsonBytes(Json{{"errorCode", code}, {"message", message.toStdString()}});
}

Json rejection(int code, const QString &message, const QString &clientToken)
{
    Json body{{"code", code}, {"message", message.toStdString()}};
    if (!clientToken.isEmpty())
        body["clientToken"] = clientToken.toStdString();
    return body;
}

} // namespace

AzureHubService::AzureHubService(MqttClient *client, TwinStore *store, CommandCatalog catalog,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_catalog(std::move(catalog))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &AzureHubService::handleBatch);
    m_methodTimer.setSingleShot(true);
    connect(&m_methodTimer, &QTimer::timeout, this, &AzureHubService::expireMethods);
    m_ridPrefix = QString::number(QRandomGenerator::system()->generate(), 16);
}

AzureHubService::~AzureHubService() = default;

QStringList AzureHubService::filters()
{
    return {InboundPrefix + u"+/twin/#"_s, InboundPrefix + u"+/methods/res/#"_s,
            PresencePrefix + u"+"_s,       TwinsPrefix + u"+/get"_s,
            TwinsPrefix + u"+/update"_s,   MethodsPrefix + u"/invoke/+/+"_s};
}

QString AzureHubService::twinTopic(const QString &device, const QString &operation)
{
    return TwinsPrefix + device + u'/' + operation;
}

QString AzureHubService::invokeTopic(const QString &user, const QString &requestId)
{
    return u"%1/invoke/%2/%3"_s.arg(MethodsPrefix, user, requestId);
}

QString AzureHubService::resultsTopic(const QString &user)
{
    return u"%1/results/%2"_s.arg(MethodsPrefix, user);
}

bool AzureHubService::start()
{
    connect(m_client, &MqttClient::messageReceived, this, &AzureHubService::onMessage);
    connect(m_client, &MqttClient::readyToPublish, this, &AzureHubService::flush);
    connect(m_client, &MqttClient::connected, this, &AzureHubService::flush);
    for (const QString &filter : filters()) {
        if (!m_client->subscribe(filter, 1)) {
            m_error = m_client->errorString();
            return false;
        }
    }
    return true;
}

void AzureHubService::onMessage(const MqttMessage &message)
{
    const QString &topic = message.topic();
    if (topic.startsWith(PresencePrefix)) {
        // Only the broker's plugin publishes here (no account may): it says who is connected right now.
        const QString device = topic.mid(PresencePrefix.size());
        const std::optional<Json> body = NetworkJson::parse(message.payload(), {256, 2});
        const auto connected = body && body->is_object() ? body->find("connected") : Json::const_iterator();
        if (!CommandSpec::isValidTopicId(device) || !body || !body->is_object() || connected == body->end() ||
            !connected->is_boolean())
            return;
        if (m_connected.size() < MaxDevices || m_connected.contains(device))
            m_connected.insert(device, connected->get<bool>());
        return;
    }
    if (!topic.startsWith(InboundPrefix) && !topic.startsWith(TwinsPrefix) &&
        !topic.startsWith(MethodsPrefix))
        return;
    m_incoming.append(message);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void AzureHubService::invokeApproved(const QString &user, const QString &requestId, const QByteArray &payload)
{
    handleInvoke(user, requestId, payload, true);
    flush();
}

void AzureHubService::handleBatch()
{
    const QList<MqttMessage> batch = std::exchange(m_incoming, {});
    if (batch.isEmpty())
        return;
    if (!m_store->begin()) {
        qCCritical(lcHub).noquote() << m_store->errorString();
        Q_EMIT storeFailed(m_store->errorString());
    }
    const qint64 now = nowMs();
    for (const MqttMessage &message : batch) {
        const QString &topic = message.topic();
        if (topic.startsWith(InboundPrefix)) {
            const QString rest = topic.mid(InboundPrefix.size());
            const qsizetype slash = rest.indexOf(u'/');
            if (slash > 0)
                handleDevice(rest.left(slash), rest.mid(slash + 1), message.payload());
            continue;
        }
        const QStringList levels = topic.split(u'/');
        // $fleet/twins/{device}/get|update
        if (topic.startsWith(TwinsPrefix) && levels.size() == 4 &&
            CommandSpec::isValidTopicId(levels.at(2))) {
            if (levels.at(3) == "get"_L1)
                handleOperatorGet(levels.at(2), message.payload());
            else if (levels.at(3) == "update"_L1)
                handleDesired(levels.at(2), message.payload(), now);
            continue;
        }
        // fleet/azure-methods/invoke/{user}/{requestId}
        if (levels.size() == 5 && levels.at(2) == "invoke"_L1)
            handleInvoke(levels.at(3), levels.at(4), message.payload(), false);
    }
    commitAndPublish();
}

void AzureHubService::handleDevice(const QString &device, const QString &rest, const QByteArray &payload)
{
    if (!CommandSpec::isValidTopicId(device))
        return;
    const QStringList levels = rest.split(u'/');
    const QString rid = queryValue(levels.last(), u"$rid"_s);
    // twin/GET/?$rid=…
    if (levels.size() == 3 && levels.at(0) == "twin"_L1 && levels.at(1) == "GET"_L1) {
        if (isValidRid(rid))
            handleTwinGet(device, rid);
        return;
    }
    // twin/PATCH/properties/reported/?$rid=…
    if (levels.size() == 5 && levels.at(0) == "twin"_L1 && levels.at(1) == "PATCH"_L1 &&
        levels.at(2) == "properties"_L1 && levels.at(3) == "reported"_L1) {
        if (isValidRid(rid))
            handleReported(device, rid, payload, nowMs());
        return;
    }
    // methods/res/{status}/?$rid=…
    if (levels.size() == 4 && levels.at(0) == "methods"_L1 && levels.at(1) == "res"_L1) {
        bool ok = false;
        const int status = levels.at(2).toInt(&ok);
        if (ok && isValidRid(rid))
            handleMethodResponse(device, status, rid, payload);
    }
}

std::optional<AzureTwin> AzureHubService::twinOf(const QString &device)
{
    if (const auto it = m_batchTwins.constFind(device); it != m_batchTwins.cend())
        return *it;
    bool ok = false;
    std::optional<AzureTwin> twin = m_store->find(device, &ok);
    if (!ok)
        return std::nullopt;
    return twin ? *twin : AzureTwin();
}

bool AzureHubService::isKnown(const QString &device)
{
    // The plugin announces every device of its key table when the broker starts, connected or not.
    if (m_connected.contains(device) || m_batchTwins.contains(device))
        return true;
    bool ok = false;
    return m_store->find(device, &ok).has_value();
}

void AzureHubService::handleTwinGet(const QString &device, const QString &rid)
{
    const std::optional<AzureTwin> twin = twinOf(device);
    if (!twin) {
        const MqttMessage reply(OutboundPrefix + device + u"/twin/res/500/?$rid="_s + rid,
                                deviceError(500, tr("The twins database failed.")), 1);
        m_staged.append(reply);
        m_failed.append(reply);
        return;
    }
    stageToDevice(device, u"twin/res/200/?$rid="_s + rid, compactJsonBytes(twin->body()));
    // The twin may hold this batch's changes: if they are not committed, the device hears of a failure.
    m_failed.append(MqttMessage(OutboundPrefix + device + u"/twin/res/500/?$rid="_s + rid,
                                deviceError(500, tr("The twins database failed.")), 1));
}

void AzureHubService::handleReported(const QString &device, const QString &rid, const QByteArray &payload,
                                     qint64 now)
{
    // Microsoft's SDK fails on a reply without a JSON body, so every refusal carries one.
    const auto refuse = [&](int status, const QString &message) {
        const MqttMessage reply(OutboundPrefix + device + u"/twin/res/%1/?$rid=%2"_s.arg(status).arg(rid),
                                deviceError(status, message), 1);
        // Said whether or not the batch commits: the device waits for an answer and has no timeout.
        m_staged.append(reply);
        m_failed.append(reply);
    };
    QString why;
    const std::optional<Json> patch =
        NetworkJson::parse(payload, {MaxPatchBytes, AzureTwin::MaxDepth + 1}, &why);
    if (!patch)
        return refuse(400, why);
    std::optional<AzureTwin> twin = twinOf(device);
    if (!twin)
        return refuse(500, tr("The twins database failed."));
    if (const std::optional<QString> broken = twin->apply(AzureTwin::Section::Reported, *patch))
        return refuse(400, *broken);
    if (!m_store->write(device, *twin, now)) {
        qCCritical(lcHub).noquote() << m_store->errorString();
        return refuse(500, tr("The twins database failed."));
    }
    m_batchTwins.insert(device, *twin);
    stageToDevice(
        device, u"twin/res/204/?$rid=%1&$version=%2"_s.arg(rid, QString::number(twin->reportedVersion)), {});
    m_failed.append(MqttMessage(OutboundPrefix + device + u"/twin/res/500/?$rid="_s + rid,
                                deviceError(500, tr("The twins database failed.")), 1));
    Json document = twin->body();
    document["deviceId"] = device.toStdString();
    document["changed"] = "reported";
    stage(twinTopic(device, u"documents"_s), document);
}

void AzureHubService::handleOperatorGet(const QString &device, const QByteArray &payload)
{
    const std::optional<Json> body = NetworkJson::parse(payload, {4096, 4});
    const QString token = clientTokenOf(body);
    const auto refuse = [&](int code, const QString &message) {
        const MqttMessage reply(twinTopic(device, u"get/rejected"_s),
                                compactJsonBytes(rejection(code, message, token)), 1);
        m_staged.append(reply);
        m_failed.append(reply);
    };
    if (!isKnown(device))
        return refuse(404, tr("No Azure device \"%1\" is known to fleet-hub.").arg(device));
    const std::optional<AzureTwin> twin = twinOf(device);
    if (!twin)
        return refuse(500, tr("The twins database failed."));
    m_failed.append(MqttMessage(twinTopic(device, u"get/rejected"_s),
                                compactJsonBytes(rejection(500, tr("The twins database failed."), token)),
                                1));
    Json reply = twin->body();
    reply["deviceId"] = device.toStdString();
    reply["connected"] = m_connected.value(device, false);
    if (!token.isEmpty())
        reply["clientToken"] = token.toStdString();
    stage(twinTopic(device, u"get/accepted"_s), reply);
}

void AzureHubService::handleDesired(const QString &device, const QByteArray &payload, qint64 now)
{
    QString why;
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPatchBytes, AzureTwin::MaxDepth + 3}, &why);
    const QString token = clientTokenOf(body);
    const auto refuse = [&](int code, const QString &message) {
        const Json rejected = rejection(code, message, token);
        stage(twinTopic(device, u"update/rejected"_s), rejected);
        m_failed.append(MqttMessage(twinTopic(device, u"update/rejected"_s), compactJsonBytes(rejected), 1));
    };
    if (!body)
        return refuse(400, why);
    const Json *state = body->is_object() && body->contains("state") ? &(*body)["state"] : nullptr;
    if (!state || !state->is_object() || !state->contains("desired") || state->size() != 1)
        return refuse(400, tr("An update is {\"state\": {\"desired\": {…}}}; operators do not write reported "
                              "properties."));
    if (!isKnown(device))
        return refuse(404, tr("No Azure device \"%1\" is known to fleet-hub.").arg(device));
    std::optional<AzureTwin> twin = twinOf(device);
    if (!twin)
        return refuse(500, tr("The twins database failed."));
    if (const auto version = body->find("version"); version != body->end()) {
        if (!version->is_number_integer() || version->get<qint64>() != twin->desiredVersion)
            return refuse(412, tr("The desired properties are at $version %1, not the one given: read them "
                                  "again.")
                                   .arg(twin->desiredVersion));
    }
    Json patch = (*state)["desired"];
    // null clears every desired property: the device hears each one removed.
    if (patch.is_null()) {
        patch = Json::object();
        for (auto it = twin->desired.begin(); it != twin->desired.end(); ++it)
            patch[it.key()] = nullptr;
    }
    if (const std::optional<QString> broken = twin->apply(AzureTwin::Section::Desired, patch))
        return refuse(400, *broken);
    if (!m_store->write(device, *twin, now)) {
        qCCritical(lcHub).noquote() << m_store->errorString();
        return refuse(500, tr("The twins database failed."));
    }
    m_batchTwins.insert(device, *twin);
    Json accepted{{"desired", twin->desiredNotification(patch)}};
    if (!token.isEmpty())
        accepted["clientToken"] = token.toStdString();
    stage(twinTopic(device, u"update/accepted"_s), accepted);
    m_failed.append(MqttMessage(twinTopic(device, u"update/rejected"_s),
                                compactJsonBytes(rejection(500, tr("The twins database failed."), token)),
                                1));
    // A device that is not connected reads its twin when it comes back, as with IoT Hub.
    if (m_connected.value(device, false))
        stageToDevice(device, u"twin/PATCH/properties/desired/?$version=%1"_s.arg(twin->desiredVersion),
                      compactJsonBytes(twin->desiredNotification(patch)));
    Json document = twin->body();
    document["deviceId"] = device.toStdString();
    document["changed"] = "desired";
    stage(twinTopic(device, u"documents"_s), document);
}

void AzureHubService::handleInvoke(const QString &user, const QString &requestId, const QByteArray &payload,
                                   bool approved)
{
    if (!CommandSpec::isValidTopicId(user) || !CommandSpec::isValidTopicId(requestId) ||
        requestId.size() > 64)
        return; // nobody to answer: the broker's ACL lets no such topic through
    QString why;
    const std::optional<Json> request = NetworkJson::parse(payload, {MaxMethodPayloadBytes + 1024, 32}, &why);
    const auto text = [&](const char *key) {
        const auto it = request->find(key);
        return it != request->end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                       : QString();
    };
    QString device, method;
    if (request && request->is_object()) {
        device = text("deviceId");
        method = text("methodName");
    }
    const auto answer = [&](int status, const QString &message) {
        Json result{{"requestId", requestId.toStdString()},
                    {"deviceId", device.toStdString()},
                    {"methodName", method.toStdString()},
                    {"status", status},
                    {"message", message.toStdString()}};
        publishNow(resultsTopic(user), compactJsonBytes(result));
        Q_EMIT methodFinished(device, method, status);
    };
    if (!request || !request->is_object())
        return answer(400, request ? tr("The request is not a JSON object.") : why);
    // The same request again while it runs (a retry after a reconnect) is the same call.
    if (m_pendingByRequest.contains(user + u'/' + requestId))
        return;
    if (!CommandSpec::isValidTopicId(device) || device.size() > 128)
        return answer(400, tr("\"deviceId\" must be 1 to 128 characters without '+', '#' or '/'."));
    if (method.isEmpty() || method.size() > 128 || !CommandSpec::isValidTopicId(method) ||
        method.contains(u'?'))
        return answer(400, tr("\"methodName\" must be 1 to 128 characters without '+', '#', '/' or '?'."));
    int timeoutS = DefaultMethodTimeoutS;
    if (const auto timeout = request->find("responseTimeoutInSeconds"); timeout != request->end()) {
        const double seconds = timeout->is_number() ? timeout->get<double>() : -1;
        if (!std::isfinite(seconds) || seconds < MinMethodTimeoutS || seconds > MaxMethodTimeoutS)
            return answer(400, tr("\"responseTimeoutInSeconds\" must be a number from %1 to %2.")
                                   .arg(MinMethodTimeoutS)
                                   .arg(MaxMethodTimeoutS));
        timeoutS = int(seconds);
    }
    const Json argument = request->contains("payload") ? (*request)["payload"] : Json();
    const QByteArray body = compactJsonBytes(argument);
    if (body.size() > MaxMethodPayloadBytes)
        return answer(400, tr("The payload exceeds %1 bytes.").arg(MaxMethodPayloadBytes));
    // A sensitive method is the catalog's word; one the catalog does not name is judged like a free-form
    // command. Only the gate hands over an approved call.
    if (!approved) {
        // A catalog command reaches an Azure device as the method of its name, whatever its dialect
        // elsewhere.
        const CommandSpec *spec = m_catalog.find(method);
        const bool sensitive =
            spec ? spec->sensitive : m_catalog.rawCommands() != CommandCatalog::RawCommands::Allowed;
        if (sensitive)
            return answer(
                403, tr("\"%1\" needs an approval: call it through fleet-hub's command gate.").arg(method));
    }
    if (!m_connected.value(device, false))
        return answer(404, tr("%1 is not connected.").arg(device));
    if (m_pending.size() >= MaxPendingMethods)
        return answer(429, tr("fleet-hub has %1 method calls waiting for an answer; try again later.")
                               .arg(MaxPendingMethods));

    // Unique across restarts too: a device's late answer to a call of an earlier run must not end this one.
    const QString rid = u"%1-%2"_s.arg(m_ridPrefix).arg(m_nextRid++, 0, 16);
    m_pending.insert(rid, {user, requestId, device, method, nowMs() + qint64(timeoutS) * 1000});
    m_pendingByRequest.insert(user + u'/' + requestId, rid);
    publishNow(OutboundPrefix + device + u"/methods/POST/%1/?$rid=%2"_s.arg(method, rid), body);
    // The timer waits for the earliest deadline; a call with a shorter timeout than those waiting moves it.
    const qint64 deadline = m_pending.value(rid).deadlineMs;
    if (!m_methodTimer.isActive() || deadline < m_nextExpiryMs) {
        m_nextExpiryMs = deadline;
        m_methodTimer.start(int(std::clamp<qint64>(deadline - nowMs(), 0, 60'000)));
    }
}

void AzureHubService::handleMethodResponse(const QString &device, int status, const QString &rid,
                                           const QByteArray &payload)
{
    const auto it = m_pending.constFind(rid);
    // An answer to a call that ended (timed out) or to another device's call is dropped.
    if (it == m_pending.cend() || it->device != device)
        return;
    Json body;
    QString message;
    if (!payload.isEmpty()) {
        QString why;
        if (std::optional<Json> parsed = NetworkJson::parse(payload, {MaxMethodPayloadBytes, 32}, &why))
            body = std::move(*parsed);
        else
            message = tr("The device answered with a body that is not JSON: %1").arg(why);
    }
    finishMethod(rid, status, body, message);
}

void AzureHubService::finishMethod(const QString &rid, int status, const Json &payload,
                                   const QString &message)
{
    const PendingMethod call = m_pending.take(rid);
    m_pendingByRequest.remove(call.user + u'/' + call.requestId);
    Json result{{"requestId", call.requestId.toStdString()},
                {"deviceId", call.device.toStdString()},
                {"methodName", call.method.toStdString()},
                {"status", status},
                {"payload", payload}};
    if (!message.isEmpty())
        result["message"] = message.toStdString();
    publishNow(resultsTopic(call.user), compactJsonBytes(result));
    Q_EMIT methodFinished(call.device, call.method, status);
}

void AzureHubService::expireMethods()
{
    const qint64 now = nowMs();
    qint64 next = std::numeric_limits<qint64>::max();
    QStringList due;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->deadlineMs <= now)
            due.append(it.key());
        else
            next = std::min(next, it->deadlineMs);
    }
    for (const QString &rid : std::as_const(due))
        finishMethod(rid, 504, Json(), tr("The device did not answer in time."));
    flush();
    if (next != std::numeric_limits<qint64>::max()) {
        m_nextExpiryMs = next;
        m_methodTimer.start(int(std::clamp<qint64>(next - now, 0, 60'000)));
    }
}

void AzureHubService::stageToDevice(const QString &device, const QString &rest, const QByteArray &body)
{
    m_staged.append(MqttMessage(OutboundPrefix + device + u'/' + rest, body, 1));
}

void AzureHubService::stage(const QString &topic, const Json &body)
{
    m_staged.append(MqttMessage(topic, compactJsonBytes(body), 1));
}

void AzureHubService::publishNow(const QString &topic, const QByteArray &body)
{
    m_outbox.append(MqttMessage(topic, body, 1));
    flush();
}

void AzureHubService::commitAndPublish()
{
    if (m_store->commit()) {
        m_outbox.append(std::exchange(m_staged, {}));
    } else {
        // Nothing of the batch is on disk: nothing of it is announced, and every sender hears that it failed.
        qCCritical(lcHub).noquote() << m_store->errorString();
        Q_EMIT storeFailed(m_store->errorString());
        m_staged.clear();
        m_outbox.append(m_failed);
    }
    m_failed.clear();
    m_batchTwins.clear();
    flush();
}

void AzureHubService::flush()
{
    outbox::flush(*m_client, m_outbox, [this](const MqttMessage &dropped) {
        qCWarning(lcHub).noquote()
            << tr("Dropped a message on \"%1\": %2").arg(dropped.topic().left(256), m_client->errorString());
    });
}

} // namespace fleet
