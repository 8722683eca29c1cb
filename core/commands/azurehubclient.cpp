#include "azurehubclient.h"

#include "commands/commandspec.h"
#include "common/networkjson.h"
#include "dialects/azurepropertybag.h"
#include "dialects/azuretwin.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const auto TwinsPrefix = "$fleet/twins/"_L1;
const auto MethodsPrefix = "fleet/azure-methods/"_L1;

QString text(const Json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

AzureHubClient::AzureHubClient(MqttClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(m_client, &MqttClient::messageReceived, this, &AzureHubClient::onMessage);
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, &AzureHubClient::expire);
}

void AzureHubClient::track(const QString &id, Pending pending)
{
    if (pending.timeoutMs == 0)
        pending.timeoutMs = RequestTimeoutMs;
    pending.deadlineMs = QDateTime::currentMSecsSinceEpoch() + pending.timeoutMs;
    m_pending.insert(id, std::move(pending));
    if (!m_expiry.isActive())
        m_expiry.start();
}

void AzureHubClient::expire()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList due;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->deadlineMs > 0 && it->deadlineMs <= now)
            due.append(it.key());
    }
    for (const QString &id : std::as_const(due)) {
        const Pending pending = m_pending.value(id);
        forget(id);
        const QString why = tr("fleet-hub did not answer in time.");
        if (pending.kind == Kind::Method)
            Q_EMIT methodFinished(id, pending.device, pending.method, 504, Json(), why);
        else
            Q_EMIT requestFailed(id, 504, why);
    }
    if (m_pending.isEmpty())
        m_expiry.stop();
}

AzureHubClient::~AzureHubClient() = default;

QString AzureHubClient::resultsTopic(const QString &user)
{
    return MethodsPrefix + u"results/"_s + user;
}

bool AzureHubClient::start()
{
    QStringList filters = {TwinsPrefix + u"+/get/+"_s, TwinsPrefix + u"+/update/+"_s};
    if (CommandSpec::isValidTopicId(m_user))
        filters << resultsTopic(m_user);
    if (m_watchTwins)
        filters << TwinsPrefix + u"+/documents"_s;
    for (const QString &filter : std::as_const(filters)) {
        if (!m_client->subscribe(filter, 1))
            return false;
    }
    m_started = true;
    return true;
}

bool AzureHubClient::roomFor(QString *error) const
{
    if (m_pending.size() < MaxPending)
        return true;
    if (error)
        *error = tr("%1 Azure requests are waiting for an answer already.").arg(MaxPending);
    return false;
}

bool AzureHubClient::publish(const QString &topic, const QByteArray &payload, const QString &id,
                             bool throughGate, QString *error, std::optional<quint32> expirySeconds)
{
    MqttMessage message((throughGate ? m_gatePrefix : QString()) + topic, payload, 1);
    if (throughGate)
        message.properties().userProperties.append({u"fleet-request"_s, id});
    message.properties().messageExpirySeconds = expirySeconds;
    if (m_client->publish(message) < 0) {
        if (error)
            *error = m_client->errorString();
        return false;
    }
    return true;
}

QString AzureHubClient::getTwin(const QString &device, QString *error)
{
    if (!CommandSpec::isValidTopicId(device)) {
        if (error)
            *error = tr("\"%1\" is not a device id.").arg(device.left(128));
        return {};
    }
    if (!roomFor(error))
        return {};
    const QString id = m_ids.next();
    track(id, {Kind::TwinGet, device, {}, {}});
    if (!publish(TwinsPrefix + device + u"/get"_s, compactJsonBytes({{"clientToken", id.toStdString()}}), id,
                 false, error)) {
        m_pending.remove(id);
        return {};
    }
    return id;
}

QString AzureHubClient::updateDesired(const QString &device, const Json &patch, std::optional<qint64> version,
                                      QString *error)
{
    if (!CommandSpec::isValidTopicId(device)) {
        if (error)
            *error = tr("\"%1\" is not a device id.").arg(device.left(128));
        return {};
    }
    // Checked here too, so that a mistake is said before anything is sent (the hub checks again).
    if (!patch.is_null()) {
        if (const std::optional<QString> why = AzureTwin::checkPatch(patch)) {
            if (error)
                *error = *why;
            return {};
        }
    }
    if (!roomFor(error))
        return {};
    const QString id = m_ids.next();
    Json body{{"state", {{"desired", patch}}}, {"clientToken", id.toStdString()}};
    if (version)
        body["version"] = *version;
    track(id, {Kind::TwinUpdate, device, {}, {}});
    if (!publish(TwinsPrefix + device + u"/update"_s, compactJsonBytes(body), id, !m_gatePrefix.isEmpty(),
                 error)) {
        m_pending.remove(id);
        return {};
    }
    return id;
}

QString AzureHubClient::invokeMethod(const QString &device, const QString &method, const Json &payload,
                                     int timeoutSeconds, QString *error)
{
    if (!CommandSpec::isValidTopicId(m_user)) {
        if (error)
            *error =
                tr("A direct method needs a user name: its answer comes on a topic named after the caller.");
        return {};
    }
    if (!CommandSpec::isValidTopicId(device) || !CommandSpec::isValidTopicId(method) ||
        method.contains(u'?')) {
        if (error)
            *error = tr("The device id and the method name must be one topic level each, without '+', '#' or "
                        "'?'.");
        return {};
    }
    if (!roomFor(error))
        return {};
    const QString id = m_ids.next();
    const Json body{{"deviceId", device.toStdString()},
                    {"methodName", method.toStdString()},
                    {"payload", payload},
                    {"responseTimeoutInSeconds", timeoutSeconds}};
    track(id, {Kind::Method, device, {}, method, qint64(timeoutSeconds) * 1000 + RequestTimeoutMs});
    if (!publish(MethodsPrefix + u"invoke/%1/%2"_s.arg(m_user, id), compactJsonBytes(body), id,
                 !m_gatePrefix.isEmpty(), error)) {
        m_pending.remove(id);
        return {};
    }
    return id;
}

QString AzureHubClient::sendCloudToDevice(const QString &device, const QByteArray &payload,
                                          const QList<Property> &properties,
                                          std::optional<quint32> expirySeconds, QString *error)
{
    if (!CommandSpec::isValidTopicId(device)) {
        if (error)
            *error = tr("\"%1\" is not a device id.").arg(device.left(128));
        return {};
    }
    if (!roomFor(error))
        return {};
    QString id;
    QList<QPair<QString, QString>> bag;
    for (const Property &p : properties) {
        if (p.name == "$.mid"_L1)
            id = p.value;
        bag.append({p.name, p.value});
    }
    // The message id is the request's: it is what the gate and the device both see.
    if (id.isEmpty()) {
        id = m_ids.next();
        bag.prepend({u"$.mid"_s, id});
    }
    if (!CommandSpec::isValidTopicId(id) || m_pending.contains(id)) {
        if (error)
            *error =
                tr("\"%1\" cannot be a message id: it must be new and one topic level.").arg(id.left(128));
        return {};
    }
    const QString topic = u"devices/%1/messages/devicebound/%2"_s.arg(device, AzurePropertyBag::encode(bag));
    QString why;
    if (!AzurePropertyBag::decode(topic.section(u'/', 4), &why)) {
        if (error)
            *error = why;
        return {};
    }
    track(id, {Kind::CloudToDevice, device, topic, {}});
    m_cloudTopics.insert(topic, id);
    // Seeing it arrive on its topic is the only sign the gate relayed it.
    m_client->subscribe(topic, 1);
    if (!publish(topic, payload, id, !m_gatePrefix.isEmpty(), error, expirySeconds)) {
        forget(id);
        return {};
    }
    return id;
}

void AzureHubClient::forget(const QString &id)
{
    const Pending pending = m_pending.take(id);
    if (pending.kind == Kind::CloudToDevice && !pending.topic.isEmpty()) {
        m_cloudTopics.remove(pending.topic);
        m_client->unsubscribe(pending.topic);
    }
}

void AzureHubClient::gateAnswered(const QString &id, const QString &outcome, const QString &reason)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    // Held: it waits for an approver, for as long as the gate keeps it. Approved: fleet-hub's time starts.
    if (outcome == "held"_L1)
        m_pending[id].deadlineMs = 0;
    else if (outcome == "approved"_L1)
        m_pending[id].deadlineMs = QDateTime::currentMSecsSinceEpoch() + m_pending[id].timeoutMs;
    Q_EMIT gateOutcome(id, outcome, reason);
    // A request the gate ended will get no other answer.
    if (outcome == "refused"_L1 || outcome == "rejected"_L1 || outcome == "expired"_L1 ||
        outcome == "cancelled"_L1)
        forget(id);
}

void AzureHubClient::onMessage(const MqttMessage &message)
{
    const QString &topic = message.topic();
    if (const auto c2d = m_cloudTopics.constFind(topic); c2d != m_cloudTopics.cend()) {
        const QString id = *c2d;
        const QString device = m_pending.value(id).device;
        forget(id);
        Q_EMIT cloudToDeviceSent(id, device);
        return;
    }
    const bool twin = topic.startsWith(TwinsPrefix);
    if (!twin && topic != resultsTopic(m_user))
        return;
    const std::optional<Json> body =
        NetworkJson::parse(message.payload(), {MaxReplyBytes, AzureTwin::MaxDepth + 4});
    if (!body || !body->is_object())
        return;

    if (!twin) {
        const QString id = text(*body, "requestId");
        const auto it = m_pending.constFind(id);
        if (it == m_pending.cend() || it->kind != Kind::Method)
            return;
        const auto status = body->find("status");
        const int code = status != body->end() && status->is_number_integer() ? status->get<int>() : 500;
        const Json payload = body->contains("payload") ? (*body)["payload"] : Json();
        const QString device = it->device;
        m_pending.remove(id);
        Q_EMIT methodFinished(id, device, text(*body, "methodName"), code, payload, text(*body, "message"));
        return;
    }

    // $fleet/twins/{device}/documents | get/accepted | get/rejected | update/accepted | update/rejected
    const QStringList levels = topic.split(u'/');
    if (levels.size() == 4 && levels.at(3) == "documents"_L1) {
        if (m_watchTwins)
            Q_EMIT twinChanged(levels.at(2), *body);
        return;
    }
    if (levels.size() != 5)
        return;
    const QString id = text(*body, "clientToken");
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend() || it->device != levels.at(2))
        return;
    const QString device = it->device;
    if (levels.at(4) == "rejected"_L1) {
        const auto code = body->find("code");
        m_pending.remove(id);
        Q_EMIT requestFailed(id, code != body->end() && code->is_number_integer() ? code->get<int>() : 400,
                             text(*body, "message"));
    } else if (levels.at(3) == "get"_L1 && it->kind == Kind::TwinGet) {
        m_pending.remove(id);
        Q_EMIT twinReceived(id, device, *body);
    } else if (levels.at(3) == "update"_L1 && it->kind == Kind::TwinUpdate) {
        m_pending.remove(id);
        Q_EMIT desiredAccepted(id, device, body->contains("desired") ? (*body)["desired"] : Json::object());
    }
}

} // namespace fleet
