#include "mqtt/mqttpropertiesjson.h"

#include <QStringList>

namespace fleet {

namespace {

QString text(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

} // namespace

Json MqttPropertiesJson::toJson(const MqttProperties &p, const QStringList &skipUser)
{
    Json json = Json::object();
    if (p.payloadFormat)
        json["payloadFormat"] = int(*p.payloadFormat);
    if (p.messageExpirySeconds)
        json["messageExpiry"] = *p.messageExpirySeconds;
    if (p.contentType)
        json["contentType"] = p.contentType->toStdString();
    if (p.responseTopic)
        json["responseTopic"] = p.responseTopic->toStdString();
    if (p.correlationData)
        json["correlationData"] = p.correlationData->toBase64().toStdString();
    Json user = Json::array();
    for (const auto &[name, value] : p.userProperties) {
        if (!skipUser.contains(name))
            user.push_back(Json::array({name.toStdString(), value.toStdString()}));
    }
    if (!user.empty())
        json["user"] = std::move(user);
    return json;
}

MqttProperties MqttPropertiesJson::fromJson(const Json &json)
{
    MqttProperties p;
    if (const Json *v = jsonMember(json, "payloadFormat"); v && v->is_number_integer())
        p.payloadFormat = v->get<int>() == 1 ? MqttProperties::PayloadFormat::Utf8
                                             : MqttProperties::PayloadFormat::Unspecified;
    if (const Json *v = jsonMember(json, "messageExpiry"); v && v->is_number_unsigned())
        p.messageExpirySeconds = v->get<quint32>();
    if (const Json *v = jsonMember(json, "contentType"); v && v->is_string())
        p.contentType = text(*v);
    if (const Json *v = jsonMember(json, "responseTopic"); v && v->is_string())
        p.responseTopic = text(*v);
    if (const Json *v = jsonMember(json, "correlationData"); v && v->is_string())
        p.correlationData = QByteArray::fromBase64(text(*v).toLatin1());
    if (const Json *v = jsonMember(json, "user"); v && v->is_array()) {
        for (const Json &pair : *v) {
            if (pair.is_array() && pair.size() == 2)
                p.userProperties.append({text(pair[0]), text(pair[1])});
        }
    }
    return p;
}

} // namespace fleet
