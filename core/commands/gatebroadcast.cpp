#include "commands/gatebroadcast.h"

#include "common/networkjson.h"
#include "common/seterror.h"
#include "mqtt/mqttpropertiesjson.h"

#include <QStringDecoder>

namespace fleet {

std::optional<GateBroadcast> GateBroadcast::parse(const QByteArray &bytes, QString *error)
{
    // Shallow by construction: the requests travel as strings, so three levels hold any valid broadcast.
    QString why;
    const std::optional<Json> json = NetworkJson::parse(bytes, {MaxBytes, 6}, &why);
    if (!json) {
        setError(error, tr("The broadcast is not readable: %1").arg(why));
        return std::nullopt;
    }
    const Json *messages = jsonMember(*json, "messages");
    if (!messages || !messages->is_array() || messages->empty()) {
        setError(error, tr("A broadcast is {\"messages\": [{\"topic\", \"payload\", \"properties\"}, …]}."));
        return std::nullopt;
    }
    if (qsizetype(messages->size()) > MaxTargets) {
        setError(
            error,
            tr("A broadcast has at most %1 targets; this one has %2.").arg(MaxTargets).arg(messages->size()));
        return std::nullopt;
    }
    GateBroadcast broadcast;
    broadcast.messages.reserve(qsizetype(messages->size()));
    int index = 0;
    for (const Json &item : *messages) {
        ++index;
        const Json *topic = jsonMember(item, "topic");
        const Json *payload = jsonMember(item, "payload");
        const Json *properties = jsonMember(item, "properties");
        const auto bad = [&](const QString &what) {
            setError(error, tr("Message %1 of the broadcast: %2").arg(index).arg(what));
            return std::nullopt;
        };
        if (!topic || !topic->is_string() || !payload || !payload->is_string() ||
            (properties && !properties->is_object()))
            return bad(tr("\"topic\" and \"payload\" are strings, \"properties\" an object."));
        Message message;
        message.topic = QString::fromStdString(topic->get<std::string>());
        message.payload = QByteArray::fromStdString(payload->get<std::string>());
        if (message.topic.isEmpty() || message.topic.toUtf8().size() > MaxTopicBytes ||
            message.topic.contains(u'+') || message.topic.contains(u'#'))
            return bad(tr("the topic is empty, longer than %1 bytes or has a wildcard.").arg(MaxTopicBytes));
        if (message.payload.isEmpty() || message.payload.size() > MaxPayloadBytes)
            return bad(tr("the payload is empty or larger than %1 bytes.").arg(MaxPayloadBytes));
        // Through the canonical form: the same properties always give the same digest.
        message.properties = MqttPropertiesJson::toJson(
            MqttPropertiesJson::fromJson(properties ? *properties : Json::object()));
        broadcast.messages.append(std::move(message));
    }
    return broadcast;
}

void GateBroadcast::append(const QString &topic, const QByteArray &payload, const MqttProperties &properties)
{
    messages.append({topic, payload, MqttPropertiesJson::toJson(properties)});
}

QByteArray GateBroadcast::encode() const
{
    Json list = Json::array();
    for (const Message &message : messages) {
        list.push_back({{"topic", message.topic.toStdString()},
                        {"payload", message.payload.toStdString()},
                        {"properties", message.properties}});
    }
    return compactJsonBytes(Json{{"messages", std::move(list)}});
}

} // namespace fleet
