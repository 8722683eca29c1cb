#include "workbench/deviceworkbench.h"

#include "common/elided.h"
#include "common/networkjson.h"
#include "dialects/azureconnectionstring.h"
#include "dialects/azuredevicetopic.h"
#include "dialects/azurepropertybag.h"
#include "dialects/azuresas.h"
#include "mqtt/topicfilter.h"
#include "shadow/mergepatch.h"
#include "shadow/shadowtopic.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Microsoft's SDKs renew a quarter of an hour before a token of an hour expires; a shorter token (a test, a
// cautious engineer) is renewed when three quarters of its life have passed.
constexpr qint64 MaxRenewalMarginS = 900;
constexpr int MaxRenewalStepMs = 60'000;
constexpr int UnconfirmedWaitMs = 250;
// What a log line quotes of a name that came from the network (a method, an execution id).
constexpr qsizetype MaxQuotedChars = 128;
constexpr qsizetype MaxLoggedTopicChars = 1024;
constexpr qsizetype MaxUnconfirmed = 1000;
// A direct method's payload, as fleet-hub bounds it (AzureHubService::MaxMethodPayloadBytes).
constexpr qsizetype MaxMethodPayloadBytes = 128 * 1024;
const auto AwsCommandsPrefix = "$aws/commands/things/"_L1;

QString quoted(const QString &text, qsizetype maxChars = MaxQuotedChars)
{
    return elided(text, maxChars);
}

QString shadowTopic(const QString &thing, const QString &shadowName, const QString &operation)
{
    return ShadowTopic::prefix(thing, shadowName) + u'/' + operation;
}

// A JSON object typed by the engineer, or nullopt with *error.
std::optional<Json> jsonObject(const QByteArray &text, qsizetype maxBytes, const QString &what,
                               QString *error)
{
    QString why;
    const std::optional<Json> parsed =
        NetworkJson::parse(text, {maxBytes, NetworkJson::DefaultMaxDepth}, &why);
    if (!parsed) {
        if (error)
            *error = DeviceWorkbench::tr("%1 is not JSON: %2").arg(what, why);
        return std::nullopt;
    }
    if (!parsed->is_object()) {
        if (error)
            *error =
                DeviceWorkbench::tr("%1 must be a JSON object, such as {\"firmware\": \"1.2\"}.").arg(what);
        return std::nullopt;
    }
    return parsed;
}

} // namespace

DeviceWorkbench::DeviceWorkbench(QObject *parent)
    : QObject(parent)
    , m_client(nullptr)
{
    m_renewTimer.setSingleShot(true);
    m_renewTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_renewTimer, &QTimer::timeout, this, &DeviceWorkbench::armRenewal);
}

DeviceWorkbench::~DeviceWorkbench()
{
    stop();
}

MqttClient::State DeviceWorkbench::state() const
{
    return m_client ? m_client->state() : MqttClient::State::Disconnected;
}

bool DeviceWorkbench::start(const WorkbenchIdentity &identity, QString *error)
{
    stop();
    if (const QString why = identity.validate(); !why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    m_identity = identity;
    m_deviceId = identity.deviceId();
    m_key.clear();
    m_hostName.clear();
    m_tokenExpiry = {};
    m_renewAt = {};
    m_twin = Json();
    m_twinGets.clear();
    m_desiredVersion = -1;
    m_reportedPatches.clear();
    m_unconfirmed.clear();
    // A late answer to an earlier session's request (this device's, from here or elsewhere) must not be
    // taken for an answer to this one's: every session numbers its requests under a prefix of its own.
    m_ridPrefix = QString::number(QRandomGenerator::global()->generate(), 36) + u'-';
    m_rid = 0;
    Q_EMIT twinChanged();

    QString password = identity.password;
    if (identity.kind == WorkbenchIdentity::Kind::Azure) {
        QString why;
        const auto parsed = AzureConnectionString::parse(identity.connectionString, &why);
        if (!parsed) {
            if (error)
                *error = why;
            return false;
        }
        m_hostName = parsed->hostName();
        if (!parsed->sharedAccessKey().isEmpty()) {
            m_key = parsed->sharedAccessKey().toLatin1();
            // The token itself is signed once the client exists (signToken() gives it the password).
        } else if (!parsed->sharedAccessSignature().isEmpty()) {
            const auto token = AzureSas::parse(parsed->sharedAccessSignature(), &why);
            if (!token) {
                if (error)
                    *error = why;
                return false;
            }
            m_tokenExpiry = QDateTime::fromSecsSinceEpoch(token->expiry, Qt::UTC);
            if (m_tokenExpiry <= QDateTime::currentDateTimeUtc()) {
                if (error)
                    *error = tr("The token in the connection string expired at %1: paste a new one, or the "
                                "device's key, which the workbench signs with and renews.")
                                 .arg(QLocale().toString(m_tokenExpiry.toLocalTime(), QLocale::ShortFormat));
                return false;
            }
            password = parsed->sharedAccessSignature();
        }
    }

    m_client = new MqttClient(this);
    m_client->setProfile(identity.profile());
    m_client->setPassword(password);
    connect(m_client, &MqttClient::stateChanged, this, [this](MqttClient::State state) {
        // Signed anew before an automatic reconnect once the token is due: a machine that slept, or a
        // connection IoT Hub closed as the token ended.
        if (state == MqttClient::State::Reconnecting && !m_key.isEmpty() && m_renewAt.isValid() &&
            QDateTime::currentDateTimeUtc() >= m_renewAt) {
            QString ignored;
            signToken(&ignored);
        }
        if (state == MqttClient::State::Disconnected && m_renewing) {
            // Reconnect from the event loop, not from inside the client's own disconnect.
            m_renewing = false;
            QTimer::singleShot(0, this, [this, client = m_client] {
                if (client == m_client && m_client)
                    m_client->connectToBroker();
            });
        }
        Q_EMIT stateChanged(state);
    });
    connect(m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        note(WorkbenchEvent::Kind::Problem, message);
    });
    connect(m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                note(WorkbenchEvent::Kind::Problem,
                     tr("The broker refused the subscription to %1: %2").arg(filter, message));
            });
    connect(m_client, &MqttClient::messageSent, this, [this](int id) { m_unconfirmed.remove(id); });
    connect(m_client, &MqttClient::publishFailed, this,
            [this](int id, MqttClient::Error, const QString &message) {
                const QString topic = m_unconfirmed.take(id);
                note(WorkbenchEvent::Kind::Problem,
                     topic.isEmpty() ? tr("A message was not delivered: %1").arg(message)
                                     : tr("The message to %1 was not delivered: %2").arg(topic, message));
            });
    connect(m_client, &MqttClient::messageReceived, this, &DeviceWorkbench::onMessage);
    // connected() comes after the subscriptions are sent again, so the twin's answer has somewhere to go.
    connect(m_client, &MqttClient::connected, this, &DeviceWorkbench::onConnected);

    if (!m_key.isEmpty() && !signToken(error)) {
        stop();
        return false;
    }
    // Subscribed before the connection is up, so that the client sends them with its first CONNACK and
    // again after every reconnect; nothing the cloud sends in between is missed.
    const QStringList filters =
        isAzure()
            ? AzureDeviceTopic::subscriptions(m_deviceId)
            : QStringList{shadowTopic(m_deviceId, {}, u"+/+"_s), shadowTopic(m_deviceId, u"+"_s, u"+/+"_s),
                          AwsCommandsPrefix + m_deviceId + u"/executions/+/request/#"_s,
                          u"cmd/"_s + m_deviceId + u"/req"_s};
    for (const QString &filter : filters) {
        // Cloud-to-device messages are QoS 1 so that a device's session keeps them; the rest as the SDKs.
        const bool cloudMessages = filter.startsWith(u"devices/"_s) || !isAzure();
        m_client->subscribe(filter, cloudMessages ? 1 : 0);
    }
    if (!m_client->connectToBroker()) {
        if (error)
            *error = m_client->errorString();
        stop();
        return false;
    }
    note(WorkbenchEvent::Kind::Connection,
         tr("Connecting to %1 as %2").arg(identity.profile().url.toDisplayString(), m_deviceId));
    return true;
}

void DeviceWorkbench::stop()
{
    m_renewTimer.stop();
    m_renewing = false;
    if (!m_client)
        return;
    m_unconfirmed.clear();
    MqttClient *client = std::exchange(m_client, nullptr);
    client->disconnect(this);
    const bool wasUp = client->state() != MqttClient::State::Disconnected;
    client->disconnectFromBroker();
    client->deleteLater();
    if (!m_pendingMethods.isEmpty()) {
        m_pendingMethods.clear();
        Q_EMIT pendingMethodsChanged();
    }
    if (wasUp)
        note(WorkbenchEvent::Kind::Connection, tr("Disconnected"));
    Q_EMIT stateChanged(MqttClient::State::Disconnected);
}

bool DeviceWorkbench::signToken(QString *error)
{
    const qint64 lifetime = m_identity.tokenLifetimeSeconds;
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + lifetime;
    QString why;
    const QString token = AzureSas::token(m_key, AzureSas::resourceUri(m_hostName, m_deviceId), expiry, &why);
    if (token.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    m_client->setPassword(token);
    m_tokenExpiry = QDateTime::fromSecsSinceEpoch(expiry, Qt::UTC);
    scheduleRenewal();
    return true;
}

void DeviceWorkbench::scheduleRenewal()
{
    // A quarter of the lifetime before the end, at most MaxRenewalMarginS, at least a second.
    const qint64 lifetimeMs = qint64(m_identity.tokenLifetimeSeconds) * 1000;
    const qint64 marginMs = std::clamp(lifetimeMs / 4, qint64(1000), MaxRenewalMarginS * 1000);
    m_renewAt = m_tokenExpiry.addMSecs(-marginMs);
    armRenewal();
}

void DeviceWorkbench::armRenewal()
{
    // Against the wall clock, in steps of at most a minute: a timer cannot wait longer than 24.8 days, and a
    // machine that slept must not wake up with a token that expired meanwhile.
    const qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(m_renewAt);
    if (waitMs <= 0) {
        renewToken();
        return;
    }
    m_renewTimer.start(int(std::min(waitMs, qint64(MaxRenewalStepMs))));
}

void DeviceWorkbench::renewToken()
{
    if (!m_client)
        return;
    // Reconnecting starts a new network session, and a QoS 1 message the broker has not acknowledged yet
    // would go with the old one: wait for its acknowledgement while the token allows.
    if (m_client->state() == MqttClient::State::Connected && !m_unconfirmed.isEmpty() &&
        QDateTime::currentDateTimeUtc().msecsTo(m_tokenExpiry) > UnconfirmedWaitMs * 2) {
        m_renewTimer.start(UnconfirmedWaitMs);
        return;
    }
    QString error;
    if (!signToken(&error)) {
        note(WorkbenchEvent::Kind::Problem, tr("The token could not be renewed: %1").arg(error));
        return;
    }
    Q_EMIT tokenRenewed(m_tokenExpiry);
    const QString until = QLocale().toString(m_tokenExpiry.toLocalTime(), QLocale::ShortFormat);
    if (m_client->state() != MqttClient::State::Connected) {
        note(WorkbenchEvent::Kind::Connection, tr("Token renewed, valid until %1").arg(until));
        // A reconnect under way presents it; a client that gave up (the broker refused the old token after
        // the machine slept past its end) tries again with it.
        if (m_client->state() == MqttClient::State::Disconnected)
            m_client->connectToBroker();
        return;
    }
    // IoT Hub closes a connection when its token expires and MQTT 3.1.1 cannot present a new one on an open
    // connection, so a device reconnects with it, as Microsoft's SDKs do; the session (and what it holds
    // for the device) is kept.
    note(WorkbenchEvent::Kind::Connection,
         tr("Token renewed, valid until %1: reconnecting with it").arg(until));
    m_renewing = true;
    m_client->disconnectFromBroker();
}

void DeviceWorkbench::onConnected()
{
    note(WorkbenchEvent::Kind::Connection,
         m_client->sessionPresent()
             ? tr("Connected as %1; the broker kept the device's session").arg(m_deviceId)
             : tr("Connected as %1").arg(m_deviceId));
    // What a device does first, and what the engineer wants to see first: the twin.
    if (isAzure()) {
        QString ignored;
        requestTwin(&ignored);
    }
}

void DeviceWorkbench::onMessage(const MqttMessage &message)
{
    if (message.payload().size() > MaxMessageBytes) {
        WorkbenchEvent event;
        event.direction = WorkbenchEvent::Direction::FromCloud;
        event.kind = WorkbenchEvent::Kind::Problem;
        event.topic = message.topic();
        event.summary = tr("A message of %1 bytes, over the %2 bytes a device accepts, was not read")
                            .arg(message.payload().size())
                            .arg(MaxMessageBytes);
        record(std::move(event), {});
        return;
    }
    if (isAzure())
        onAzureMessage(message);
    else
        onAwsMessage(message);
}

void DeviceWorkbench::onAzureMessage(const MqttMessage &message)
{
    const AzureDeviceTopic topic = AzureDeviceTopic::parse(message.topic());
    WorkbenchEvent event;
    event.direction = WorkbenchEvent::Direction::FromCloud;
    event.topic = message.topic();
    event.rid = topic.rid;
    switch (topic.kind) {
    case AzureDeviceTopic::Kind::TwinResponse: {
        event.kind = WorkbenchEvent::Kind::Twin;
        const bool ok = topic.status >= 200 && topic.status <= 299;
        if (m_twinGets.remove(topic.rid)) {
            const std::optional<Json> twin =
                ok ? NetworkJson::parse(message.payload(), {MaxTwinBytes, NetworkJson::DefaultMaxDepth})
                   : std::nullopt;
            if (twin && twin->is_object()) {
                m_twin = *twin;
                const Json *version = jsonMember(m_twin.value("desired", Json()), "$version");
                m_desiredVersion = version && version->is_number_integer() ? version->get<qint64>() : -1;
                Q_EMIT twinChanged();
                event.summary = tr("Twin (status %1)").arg(topic.status);
            } else {
                event.kind = WorkbenchEvent::Kind::Problem;
                event.summary = ok ? tr("Twin answer that is not a JSON object (status %1)").arg(topic.status)
                                   : tr("Twin request refused (status %1)").arg(topic.status);
            }
        } else if (const auto it = m_reportedPatches.constFind(topic.rid); it != m_reportedPatches.cend()) {
            const Json patch = it.value();
            m_reportedPatches.erase(it);
            if (ok) {
                if (m_twin.is_object()) {
                    Json &reported = m_twin["reported"];
                    reported = MergePatch::apply(reported.is_object() ? reported : Json::object(), patch);
                    if (topic.version >= 0)
                        reported["$version"] = topic.version;
                    boundTwin();
                    Q_EMIT twinChanged();
                }
                event.summary = topic.version >= 0
                                    ? tr("Reported properties accepted (status %1, $version %2)")
                                          .arg(topic.status)
                                          .arg(topic.version)
                                    : tr("Reported properties accepted (status %1)").arg(topic.status);
            } else {
                event.kind = WorkbenchEvent::Kind::Problem;
                event.summary = tr("Reported properties refused (status %1)").arg(topic.status);
            }
        } else {
            event.summary = tr("Twin answer to a request this session did not make (status %1, rid %2)")
                                .arg(topic.status)
                                .arg(quoted(topic.rid));
        }
        break;
    }
    case AzureDeviceTopic::Kind::DesiredPatch: {
        event.kind = WorkbenchEvent::Kind::Desired;
        const std::optional<Json> patch =
            NetworkJson::parse(message.payload(), {MaxTwinBytes, NetworkJson::DefaultMaxDepth});
        if (!patch || !patch->is_object()) {
            event.kind = WorkbenchEvent::Kind::Problem;
            event.summary = tr("Desired-properties patch that is not a JSON object");
            break;
        }
        // One as old as what the twin already holds (the GET at connect brought it) is not applied again.
        const Json *patchVersion = jsonMember(*patch, "$version");
        const qint64 version =
            patchVersion && patchVersion->is_number_integer() ? patchVersion->get<qint64>() : topic.version;
        if (m_twin.is_object() && (version < 0 || version > m_desiredVersion)) {
            Json &desired = m_twin["desired"];
            desired = MergePatch::apply(desired.is_object() ? desired : Json::object(), *patch);
            m_desiredVersion = version;
            boundTwin();
            Q_EMIT twinChanged();
        }
        event.summary = topic.version >= 0 ? tr("Desired properties changed ($version %1)").arg(topic.version)
                                           : tr("Desired properties changed");
        break;
    }
    case AzureDeviceTopic::Kind::MethodCall: {
        event.kind = WorkbenchEvent::Kind::MethodCall;
        event.summary = tr("Method %1 called: answer it under Method calls").arg(quoted(topic.method));
        if (m_pendingMethods.size() >= MaxPendingMethods) {
            const MethodCall oldest = m_pendingMethods.takeFirst();
            note(WorkbenchEvent::Kind::Problem,
                 tr("%1 method calls are waiting; the oldest (%2, rid %3) is given up unanswered")
                     .arg(MaxPendingMethods)
                     .arg(quoted(oldest.method), quoted(oldest.rid)));
        }
        m_pendingMethods.append({topic.rid, topic.method, message.payload().left(MaxMethodPayloadBytes),
                                 QDateTime::currentDateTimeUtc()});
        record(std::move(event), message.payload());
        Q_EMIT pendingMethodsChanged();
        return;
    }
    case AzureDeviceTopic::Kind::CloudMessage: {
        event.kind = WorkbenchEvent::Kind::CloudMessage;
        QString why;
        QString id;
        if (const auto bag = AzurePropertyBag::decode(topic.bag, &why)) {
            event.properties = bag->system + bag->application;
            for (const auto &[key, value] : bag->system) {
                if (key == "$.mid"_L1)
                    id = value;
            }
            event.summary = id.isEmpty() ? tr("Cloud-to-device message")
                                         : tr("Cloud-to-device message %1").arg(quoted(id));
        } else {
            event.summary = tr("Cloud-to-device message whose properties cannot be read: %1").arg(why);
        }
        break;
    }
    case AzureDeviceTopic::Kind::Unknown:
        event.kind = WorkbenchEvent::Kind::Message;
        event.summary = tr("Message on a topic IoT Hub does not use for devices");
        break;
    }
    record(std::move(event), message.payload());
}

void DeviceWorkbench::onAwsMessage(const MqttMessage &message)
{
    const QString &t = message.topic();
    WorkbenchEvent event;
    event.direction = WorkbenchEvent::Direction::FromCloud;
    event.topic = t;
    const QString shadowPrefix = u"$aws/things/"_s + m_deviceId + u"/shadow/"_s;
    const QString commandsPrefix = AwsCommandsPrefix + m_deviceId + u"/executions/"_s;
    if (t.startsWith(shadowPrefix)) {
        event.kind = WorkbenchEvent::Kind::Shadow;
        QString what = t.mid(shadowPrefix.size());
        const std::optional<Json> body = NetworkJson::parse(message.payload());
        const Json *version = body ? jsonMember(*body, "version") : nullptr;
        event.summary = version && version->is_number_integer()
                            ? tr("Shadow %1 (version %2)").arg(quoted(what)).arg(version->get<qint64>())
                            : tr("Shadow %1").arg(quoted(what));
    } else if (t.startsWith(commandsPrefix)) {
        event.kind = WorkbenchEvent::Kind::Command;
        const QString execution = t.mid(commandsPrefix.size()).section(u'/', 0, 0);
        event.summary = tr("Command execution %1: reply under Publish").arg(quoted(execution));
    } else if (t == u"cmd/"_s + m_deviceId + u"/req"_s) {
        event.kind = WorkbenchEvent::Kind::Command;
        const std::optional<Json> body = NetworkJson::parse(message.payload());
        const Json *cmd = body ? jsonMember(*body, "cmd") : nullptr;
        event.summary = cmd && cmd->is_string()
                            ? tr("Command %1 requested: reply under Publish")
                                  .arg(quoted(QString::fromStdString(cmd->get<std::string>())))
                            : tr("Command requested: reply under Publish");
    } else {
        event.kind = WorkbenchEvent::Kind::Message;
        event.summary = tr("Message");
    }
    for (const auto &[name, value] : message.properties().userProperties)
        event.properties.append({name, value});
    record(std::move(event), message.payload());
}

void DeviceWorkbench::boundTwin()
{
    // Patches are bounded one by one; what they add up to is bounded here.
    if (compactJsonString(m_twin).size() <= size_t(MaxTwinBytes))
        return;
    m_twin = Json();
    note(WorkbenchEvent::Kind::Problem,
         tr("The twin grew over %1 bytes with the patches since it was read; it is no longer shown: Get Twin "
            "reads it again.")
             .arg(MaxTwinBytes));
}

void DeviceWorkbench::note(WorkbenchEvent::Kind kind, const QString &summary)
{
    WorkbenchEvent event;
    event.kind = kind;
    event.summary = summary;
    record(std::move(event), {});
}

void DeviceWorkbench::record(WorkbenchEvent event, const QByteArray &payload)
{
    event.at = QDateTime::currentDateTimeUtc();
    // The log keeps a glance of what the network sized (a topic may be 64 K characters).
    event.topic = quoted(event.topic, MaxLoggedTopicChars);
    event.rid = quoted(event.rid, MaxLoggedTopicChars);
    event.truncated = payload.size() > WorkbenchEvent::MaxPayloadBytes;
    event.payload = payload.left(WorkbenchEvent::MaxPayloadBytes);
    Q_EMIT eventAdded(event);
}

bool DeviceWorkbench::checkConnected(QString *error) const
{
    if (m_client && m_client->state() == MqttClient::State::Connected)
        return true;
    if (error)
        *error = tr("Not connected: nothing was sent.");
    return false;
}

bool DeviceWorkbench::sendAs(WorkbenchEvent::Kind kind, const QString &topic, const QByteArray &payload,
                             int qos, const QString &summary, QString *error,
                             const QList<QPair<QString, QString>> &properties)
{
    if (!checkConnected(error))
        return false;
    const int id = m_client->publish(topic, payload, qos);
    if (id < 0) {
        if (error)
            *error = tr("Not sent: %1").arg(m_client->errorString());
        return false;
    }
    // Until the broker acknowledges it, so that a failure names what failed. The client's in-flight window
    // bounds these while connected; ones a lost connection never confirms are let go in bulk.
    if (qos > 0) {
        if (m_unconfirmed.size() >= MaxUnconfirmed)
            m_unconfirmed.clear();
        m_unconfirmed.insert(id, topic);
    }
    WorkbenchEvent event;
    event.direction = WorkbenchEvent::Direction::ToCloud;
    event.kind = kind;
    event.topic = topic;
    event.summary = summary;
    event.properties = properties;
    record(std::move(event), payload);
    return true;
}

QString DeviceWorkbench::nextRid()
{
    return m_ridPrefix + QString::number(++m_rid);
}

QString DeviceWorkbench::requestTwin(QString *error)
{
    if (!isAzure()) {
        if (error)
            *error = tr("Only an Azure IoT Hub device has a twin.");
        return {};
    }
    const QString rid = nextRid();
    if (!sendAs(WorkbenchEvent::Kind::Twin, AzureDeviceTopic::twinGet(rid), {}, 0,
                tr("Twin requested (rid %1)").arg(rid), error))
        return {};
    // A few at once (the one at connect, and the engineer's); requests never answered are let go in bulk.
    if (m_twinGets.size() >= MaxPendingMethods)
        m_twinGets.clear();
    m_twinGets.insert(rid);
    return rid;
}

QString DeviceWorkbench::reportProperties(const QByteArray &patch, QString *error)
{
    if (!isAzure()) {
        if (error)
            *error = tr("Only an Azure IoT Hub device reports twin properties.");
        return {};
    }
    const std::optional<Json> parsed = jsonObject(patch, MaxTwinBytes, tr("The reported properties"), error);
    if (!parsed)
        return {};
    if (m_reportedPatches.size() >= MaxPendingMethods) {
        // Answers that never came (a report lost in a reconnect, a hub that was down) are let go.
        note(WorkbenchEvent::Kind::Problem,
             tr("%1 reported patches got no answer; they are no longer followed.")
                 .arg(m_reportedPatches.size()));
        m_reportedPatches.clear();
    }
    const QString rid = nextRid();
    if (!sendAs(WorkbenchEvent::Kind::Reported, AzureDeviceTopic::twinReported(rid), patch, 0,
                tr("Reported properties sent (rid %1)").arg(rid), error))
        return {};
    m_reportedPatches.insert(rid, *parsed);
    return rid;
}

bool DeviceWorkbench::answerMethod(const QString &rid, int status, const QByteArray &payload, QString *error)
{
    const auto call = std::find_if(m_pendingMethods.cbegin(), m_pendingMethods.cend(),
                                   [&](const MethodCall &c) { return c.rid == rid; });
    if (call == m_pendingMethods.cend()) {
        if (error)
            *error = tr("No method call with rid %1 is waiting for an answer.").arg(quoted(rid));
        return false;
    }
    if (status < 100 || status > 999) {
        if (error)
            *error = tr("The status must be a number from 100 to 999, as HTTP's.");
        return false;
    }
    QByteArray body = payload.trimmed();
    if (body.isEmpty())
        body = "null";
    QString why;
    if (!NetworkJson::parse(body, {MaxMethodPayloadBytes, NetworkJson::DefaultMaxDepth}, &why)) {
        if (error)
            *error = tr("The answer must be JSON, which IoT Hub passes to the caller (leave it empty for "
                        "null): %1")
                         .arg(why);
        return false;
    }
    const QString method = call->method;
    if (!sendAs(WorkbenchEvent::Kind::MethodAnswer, AzureDeviceTopic::methodResponse(status, rid), body, 0,
                tr("Method %1 answered with status %2").arg(quoted(method)).arg(status), error))
        return false;
    m_pendingMethods.removeIf([&](const MethodCall &c) { return c.rid == rid; });
    Q_EMIT pendingMethodsChanged();
    return true;
}

bool DeviceWorkbench::sendTelemetry(const QByteArray &payload,
                                    const QList<QPair<QString, QString>> &properties, QString *error)
{
    if (!isAzure()) {
        if (error)
            *error = tr("Device-to-cloud messages with properties are Azure IoT Hub's: use Publish.");
        return false;
    }
    if (properties.size() > AzurePropertyBag::MaxProperties) {
        if (error)
            *error = tr("At most %1 properties.").arg(AzurePropertyBag::MaxProperties);
        return false;
    }
    for (const auto &[key, value] : properties) {
        if (key.isEmpty()) {
            if (error)
                *error = tr("A property needs a name.");
            return false;
        }
    }
    const QString bag = AzurePropertyBag::encode(properties);
    if (bag.size() > AzurePropertyBag::MaxBagChars) {
        if (error)
            *error = tr("The properties take %1 characters once encoded; at most %2 fit in the topic.")
                         .arg(bag.size())
                         .arg(AzurePropertyBag::MaxBagChars);
        return false;
    }
    if (payload.size() > MaxMessageBytes) {
        if (error)
            *error = tr("The message is %1 bytes; IoT Hub takes at most %2.")
                         .arg(payload.size())
                         .arg(MaxMessageBytes);
        return false;
    }
    return sendAs(WorkbenchEvent::Kind::Telemetry, AzureDeviceTopic::deviceToCloud(m_deviceId, bag), payload,
                  1, tr("Device-to-cloud message sent with %n properties", nullptr, int(properties.size())),
                  error, properties);
}

bool DeviceWorkbench::requestShadow(const QString &shadowName, QString *error)
{
    if (isAzure() || (!shadowName.isEmpty() && !ShadowTopic::isValidShadowName(shadowName))) {
        if (error)
            *error = isAzure() ? tr("An Azure IoT Hub device has a twin, not a shadow.")
                               : tr("\"%1\" is not a shadow name AWS IoT accepts.").arg(quoted(shadowName));
        return false;
    }
    return sendAs(WorkbenchEvent::Kind::Shadow, shadowTopic(m_deviceId, shadowName, u"get"_s), {}, 1,
                  shadowName.isEmpty() ? tr("Shadow requested") : tr("Shadow %1 requested").arg(shadowName),
                  error);
}

bool DeviceWorkbench::reportShadow(const QString &shadowName, const QByteArray &reported, QString *error)
{
    if (isAzure() || (!shadowName.isEmpty() && !ShadowTopic::isValidShadowName(shadowName))) {
        if (error)
            *error = isAzure() ? tr("An Azure IoT Hub device has a twin, not a shadow.")
                               : tr("\"%1\" is not a shadow name AWS IoT accepts.").arg(quoted(shadowName));
        return false;
    }
    // AWS IoT's own limit on a shadow document.
    const std::optional<Json> state = jsonObject(reported, 8 * 1024, tr("The reported state"), error);
    if (!state)
        return false;
    const Json body{{"state", {{"reported", *state}}}};
    return sendAs(WorkbenchEvent::Kind::Shadow, shadowTopic(m_deviceId, shadowName, u"update"_s),
                  compactJsonBytes(body), 1, tr("Reported state sent"), error);
}

bool DeviceWorkbench::publish(const QString &topic, const QByteArray &payload, int qos, QString *error)
{
    if (!TopicFilter::isValidTopicName(topic)) {
        if (error)
            *error = tr("\"%1\" is not a topic one can publish to (empty, or with '+' or '#').")
                         .arg(quoted(topic));
        return false;
    }
    if (qos < 0 || qos > 1) {
        if (error)
            *error = tr("QoS 0 or 1: devices of IoT Hub and AWS IoT cannot publish at QoS 2.");
        return false;
    }
    if (payload.size() > MaxMessageBytes) {
        if (error)
            *error = tr("The message is %1 bytes; at most %2.").arg(payload.size()).arg(MaxMessageBytes);
        return false;
    }
    return sendAs(WorkbenchEvent::Kind::Message, topic, payload, qos, tr("Published (QoS %1)").arg(qos),
                  error);
}

QPair<QString, QByteArray> DeviceWorkbench::replyFor(const WorkbenchEvent &event)
{
    if (event.kind != WorkbenchEvent::Kind::Command)
        return {};
    const QString &t = event.topic;
    if (t.startsWith(AwsCommandsPrefix)) {
        // $aws/commands/things/{thing}/executions/{id}/request[/{format}] → …/{id}/response/json
        const qsizetype executions = t.indexOf(u"/executions/"_s, AwsCommandsPrefix.size());
        const qsizetype request = executions < 0 ? -1 : t.indexOf(u"/request"_s, executions + 12);
        if (request < 0)
            return {};
        const Json body{{"status", "SUCCEEDED"},
                        {"statusReason", {{"reasonCode", "OK"}, {"reasonDescription", "answered by hand"}}}};
        return {t.left(request) + u"/response/json"_s, QByteArray::fromStdString(body.dump(2))};
    }
    if (t.startsWith(u"cmd/"_s) && t.endsWith(u"/req"_s)) {
        const std::optional<Json> request = NetworkJson::parse(event.payload);
        const Json *tid = request ? jsonMember(*request, "tid") : nullptr;
        Json body{{"tid", tid && tid->is_string() ? *tid : Json("")}, {"status", "SUCCESS"}};
        return {t.left(t.size() - 4) + u"/resp"_s, QByteArray::fromStdString(body.dump(2))};
    }
    return {};
}

} // namespace fleet
