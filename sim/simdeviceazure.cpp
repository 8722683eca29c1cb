// SimDevice as an Azure IoT Hub device (protocols.md C, docs/fleet-sim.md), on a broker that loads the
// fleet_iothub plugin, with fleet-hub's Azure service as IoT Hub's cloud side. The plugin gives each device
// its own view, so the twin and method topics carry no device id. The device connects as Microsoft's SDK
// does (MQTT 3.1.1, client id = device id, user {host}/{id}/?api-version=…) with a SAS token signed anew at
// every connect; reads its twin at every connect and applies the desired properties, then only desired
// notifications newer than those; reports its state at start and after every change; answers the built-in
// commands and show_message as direct methods (200 with a result, 400, 404, or 500 and silence as the
// faults draw); and sends telemetry and logs device-to-cloud, logging and reporting cloud-to-device
// messages.

#include "simdevice.h"

#include "common/elided.h"
#include "common/json.h"
#include "common/networkjson.h"
#include "dialects/azuredevicetopic.h"
#include "dialects/azurepropertybag.h"
#include "dialects/azuresas.h"
#include "executionlog.h"
#include "simdeviceutil.h"

#include <QDateTime>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace fleet::sim {

namespace {

constexpr auto ApiVersion = "2021-04-12";
// An hour, as Microsoft's SDK signs them. The broker checks a token when the device connects, so a token
// that expires while connected costs nothing; every connect signs a new one.
constexpr qint64 TokenLifetimeS = 3600;
// A twin GET unanswered this long (fleet-hub restarting) is asked again; one answered with an error, sooner.
constexpr int TwinRequestTimeoutMs = 10000;
constexpr int TwinRetryMs = 1000;
// As fleet-hub bounds them (AzureHubService::MaxMethodPayloadBytes; a twin is two sections of 32 KB).
constexpr qsizetype MaxMethodPayloadBytes = 128 * 1024;
constexpr qsizetype MaxTwinBytes = 80 * 1024;
constexpr qsizetype MaxQuotedChars = 64;     // of an unknown method's name in the answer
constexpr qsizetype MaxMessageIdChars = 128; // IoT Hub's bound on a message id
// show_message is no built-in command (no Atlas device runs it): its Run::command is the one past them.
constexpr quint8 ShowMessage = CommandCount;

const auto CloudMessageCommand = "cloud_to_device"_L1; // what the execution log calls one

} // namespace

QStringList SimDevice::azureFilters(const QString &id)
{
    return AzureDeviceTopic::subscriptions(id);
}

void SimDevice::setAzureKey(const QString &hostName, const QByteArray &base64Key)
{
    m_azureHost = hostName;
    m_azureKey = base64Key;
    BrokerProfile profile = m_client->profile();
    profile.username = hostName + u'/' + m_id + u"/?api-version="_s + QLatin1StringView(ApiVersion);
    m_client->setProfile(profile);
}

bool SimDevice::refreshAzureToken()
{
    QString error;
    const QString token = m_azureKey.isEmpty() || m_azureHost.isEmpty()
                              ? QString()
                              : AzureSas::token(m_azureKey, AzureSas::resourceUri(m_azureHost, m_id),
                                                QDateTime::currentSecsSinceEpoch() + TokenLifetimeS, &error);
    if (token.isEmpty()) {
        qCWarning(lcSimDevice).noquote()
            << tr("%1 cannot connect: %2")
                   .arg(m_id, error.isEmpty() ? tr("it has no IoT Hub host name and key.") : error);
        return false;
    }
    m_client->setPassword(token);
    return true;
}

void SimDevice::onAzureConnected()
{
    // The client subscribed before this: the twin's answer has somewhere to go.
    requestTwin();
    if (!m_reportedInitialState) {
        m_reportedInitialState = true;
        m_reportPending[0] = true;
    }
    // Whatever changed while offline (a button press, a method whose report was lost) is reported whole.
    if (m_reportPending[0]) {
        m_reportPending[0] = false;
        reportTwin(twinState());
    }
    const QList<MqttMessage> outbox = std::exchange(m_outbox, {});
    for (const MqttMessage &message : outbox)
        publish(message);
}

void SimDevice::handleAzureMessage(const MqttMessage &message)
{
    const AzureDeviceTopic topic = AzureDeviceTopic::parse(message.topic());
    switch (topic.kind) {
    case AzureDeviceTopic::Kind::TwinResponse:
        return handleTwinResponse(message, topic.status, topic.rid);
    case AzureDeviceTopic::Kind::DesiredPatch:
        return handleDesiredPatch(message, topic.version);
    case AzureDeviceTopic::Kind::MethodCall:
        return handleMethod(message, topic.method, topic.rid);
    case AzureDeviceTopic::Kind::CloudMessage:
        return handleCloudMessage(topic.deviceId, topic.bag);
    case AzureDeviceTopic::Kind::Unknown:
        break;
    }
}

QString SimDevice::nextRid()
{
    return QString::number(++m_nextRid);
}

// The twin.

Json SimDevice::twinState() const
{
    Json state = classicState();
    if (!m_lastCloudMessage.is_null())
        state["lastCloudMessage"] = m_lastCloudMessage;
    return state;
}

void SimDevice::reportTwin(const Json &reported)
{
    if (m_client->state() != MqttClient::State::Connected) {
        m_reportPending[0] = true;
        return;
    }
    publish(AzureDeviceTopic::twinReported(nextRid()), compactJsonBytes(reported));
}

void SimDevice::requestTwin()
{
    const QString rid = nextRid();
    m_twinGetRid = rid;
    publish(AzureDeviceTopic::twinGet(rid), QByteArray());
    after(TwinRequestTimeoutMs, [this, rid] {
        if (m_twinGetRid == rid && !m_stopping && m_client->state() == MqttClient::State::Connected)
            requestTwin();
    });
}

void SimDevice::handleTwinResponse(const MqttMessage &message, int status, const QString &rid)
{
    if (rid != m_twinGetRid) {
        // A reported patch's answer. Refused, the state is reported whole at the next connect, so that the
        // twin catches up then.
        if (status < 200 || status > 299) {
            qCDebug(lcSimDevice).noquote()
                << m_id << "reported patch refused:" << status << message.payload().left(256);
            m_reportPending[0] = true;
        }
        return;
    }
    m_twinGetRid.clear();
    const std::optional<Json> twin =
        status == 200 ? NetworkJson::parse(message.payload(), {MaxTwinBytes, NetworkJson::DefaultMaxDepth})
                      : std::nullopt;
    const Json *desired = twin ? jsonMember(*twin, "desired") : nullptr;
    if (!desired || !desired->is_object()) {
        qCDebug(lcSimDevice).noquote() << m_id << "twin GET failed:" << status << message.payload().left(256);
        after(TwinRetryMs, [this] {
            if (m_twinGetRid.isEmpty() && !m_stopping && m_client->state() == MqttClient::State::Connected)
                requestTwin();
        });
        return;
    }
    // The whole desired section, unless a notification as new or newer came first.
    const std::optional<qint64> version = integral(jsonMember(*desired, "$version"));
    if (!version || *version <= m_lastDeltaVersion[0])
        return;
    m_lastDeltaVersion[0] = *version;
    const Json reported = applyDesired(*desired, false);
    if (!reported.empty())
        reportTwin(reported);
}

void SimDevice::handleDesiredPatch(const MqttMessage &message, qint64 topicVersion)
{
    // $iothub/twin/PATCH/properties/desired/?$version={v}, the patch with its "$version".
    const std::optional<Json> patch =
        NetworkJson::parse(message.payload(), {MaxTwinBytes, NetworkJson::DefaultMaxDepth});
    if (!patch || !patch->is_object())
        return;
    std::optional<qint64> version = integral(jsonMember(*patch, "$version"));
    if (!version && topicVersion >= 0)
        version = topicVersion;
    // What the twin GET at connect brought, or an older notification delivered late, is not applied again.
    if (!version || *version <= m_lastDeltaVersion[0])
        return;
    m_lastDeltaVersion[0] = *version;
    const Json reported = applyDesired(*patch, false);
    if (!reported.empty())
        reportTwin(reported);
}

// Direct methods.

void SimDevice::handleMethod(const MqttMessage &message, const QString &method, const QString &rid)
{
    // The latency comes first, as with the other dialects: the device is slow to look.
    const int delay = m_faults.replyDelayMs(m_slowLink);
    if (delay <= 0)
        return processMethod(method, rid, message.payload());
    after(delay, [this, method, rid, payload = message.payload()] {
        if (!m_stopping)
            processMethod(method, rid, payload);
    });
}

void SimDevice::processMethod(const QString &method, const QString &rid, const QByteArray &payload)
{
    const auto refuse = [&](int status, const QString &why) {
        answerMethod(rid, status, Json{{"message", utf8(why)}});
    };
    // fleet-hub sends null for a call without a payload.
    Json params;
    if (!payload.isEmpty()) {
        QString why;
        std::optional<Json> parsed =
            NetworkJson::parse(payload, {MaxMethodPayloadBytes, NetworkJson::DefaultMaxDepth}, &why);
        if (!parsed)
            return refuse(400, tr("The payload cannot be read: %1").arg(why));
        params = std::move(*parsed);
    }
    if (!params.is_null() && !params.is_object())
        return refuse(400, tr("The payload must be a JSON object."));
    const auto param = [&params](const char *key) -> const Json * {
        return params.is_object() ? jsonMember(params, key) : nullptr;
    };

    Run run;
    run.tid = rid.toUtf8();
    if (method == "show_message"_L1) {
        const std::optional<QString> text = messageText(param("text"));
        if (!text)
            return refuse(
                400, tr("show_message needs a \"text\" string of 1 to %1 characters.").arg(MaxMessageChars));
        run.command = ShowMessage;
        run.text = text->toUtf8();
    } else {
        const int command = builtInCommand(method.toStdString());
        if (command < 0)
            return refuse(404, tr("Unknown method \"%1\".").arg(elided(method, MaxQuotedChars)));
        run.command = quint8(command);
        if (const QString invalid = readParameters(&run, param); !invalid.isEmpty())
            return refuse(400, invalid);
    }

    ++m_executed;
    // Logged before anything can go wrong, as every kind does; the rid stands for the tid.
    if (m_log)
        m_log->record(m_id, rid, method);
    const FaultInjector::CommandFaults faults = m_faults.drawCommandFaults();
    run.fail = faults.fail;
    run.duplicate = faults.duplicate;
    if (faults.dies) {
        // Never answered, and no effect: the caller's timeout (fleet-hub's 504) is what finds it.
    } else if (run.command == SetPosition && !run.fail) {
        // A method has no heartbeats: it answers once the move is done.
        after(std::max(0, m_config.setPositionMs), [this, run] {
            if (!m_stopping)
                finishMethod(run);
        });
    } else {
        finishMethod(run);
    }
    Q_EMIT commandExecuted(rid, method);
}

void SimDevice::finishMethod(const Run &run)
{
    const QString rid = QString::fromUtf8(run.tid);
    if (run.fail) {
        const Json body{{"message", utf8(tr("simulated failure"))}};
        answerMethod(rid, 500, body);
        if (run.duplicate)
            answerMethod(rid, 500, body);
        return;
    }
    qint32 bytes = 0;
    Json changed = Json::object();
    if (run.command == ShowMessage) {
        m_message = QString::fromUtf8(run.text);
        changed["message"] = utf8(m_message);
    } else {
        changed = applyCommand(run, &bytes);
    }
    Json result = changed;
    if (run.command == Reboot)
        result = Json{{"rebooting", true}};
    else if (run.command == UploadLog)
        result = Json{{"bytes", bytes}};
    // Reported before the answer, as an Atlas command's effect is: whoever undoes it reads the state it
    // replaced from the twin.
    if (!changed.empty())
        reportTwin(changed);
    answerMethod(rid, 200, result);
    if (run.duplicate)
        answerMethod(rid, 200, result);
    if (run.command == Reboot)
        reboot();
}

void SimDevice::answerMethod(const QString &rid, int status, const Json &body)
{
    sendOrKeep(MqttMessage(AzureDeviceTopic::methodResponse(status, rid), compactJsonBytes(body), 1));
}

// Messages.

void SimDevice::handleCloudMessage(const QString &device, const QString &encodedBag)
{
    if (device != m_id)
        return;
    QString why;
    QString id;
    if (const auto bag = AzurePropertyBag::decode(encodedBag, &why)) {
        for (const auto &[key, value] : bag->system) {
            if (key == "$.mid"_L1)
                id = value.left(MaxMessageIdChars);
        }
    } else {
        // Delivered all the same, as IoT Hub would not have: counted, with no id.
        qCDebug(lcSimDevice).noquote() << m_id << why;
    }
    // One delivered again (QoS 1, its acknowledgement lost) is handled once.
    if (!id.isEmpty() && seenBefore(id))
        return;
    ++m_executed;
    if (m_log)
        m_log->record(m_id, id, CloudMessageCommand);
    m_lastCloudMessage = Json{{"id", id.isEmpty() ? Json() : Json(utf8(id))},
                              {"at", utf8(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))}};
    reportTwin(Json{{"lastCloudMessage", m_lastCloudMessage}});
    Q_EMIT commandExecuted(id, CloudMessageCommand);
}

void SimDevice::publishDeviceToCloud(const QByteArray &payload, const QString &kind,
                                     const QString &contentType)
{
    const QString bag =
        AzurePropertyBag::encode({{u"$.ct"_s, contentType}, {u"$.ce"_s, u"utf-8"_s}, {u"kind"_s, kind}});
    publish(AzureDeviceTopic::deviceToCloud(m_id, bag), payload, 0);
}

} // namespace fleet::sim
