#include "mosquittoproperties.h"

#include <mqtt_protocol.h>

#include <cstdlib>

namespace fleet {

bool MosquittoProperties::add(const MqttProperties &p)
{
    bool ok = true;
    if (p.payloadFormat)
        ok &= mosquitto_property_add_byte(out(), MQTT_PROP_PAYLOAD_FORMAT_INDICATOR,
                                          static_cast<uint8_t>(*p.payloadFormat)) == MOSQ_ERR_SUCCESS;
    if (p.messageExpirySeconds)
        ok &= mosquitto_property_add_int32(out(), MQTT_PROP_MESSAGE_EXPIRY_INTERVAL,
                                           *p.messageExpirySeconds) == MOSQ_ERR_SUCCESS;
    if (p.contentType)
        ok &= mosquitto_property_add_string(out(), MQTT_PROP_CONTENT_TYPE,
                                            p.contentType->toUtf8().constData()) == MOSQ_ERR_SUCCESS;
    if (p.responseTopic)
        ok &= mosquitto_property_add_string(out(), MQTT_PROP_RESPONSE_TOPIC,
                                            p.responseTopic->toUtf8().constData()) == MOSQ_ERR_SUCCESS;
    if (p.correlationData) {
        ok &= p.correlationData->size() <= 65535;
        if (ok)
            ok &= mosquitto_property_add_binary(
                      out(), MQTT_PROP_CORRELATION_DATA, p.correlationData->constData(),
                      static_cast<uint16_t>(p.correlationData->size())) == MOSQ_ERR_SUCCESS;
    }
    for (const auto &[name, value] : p.userProperties)
        ok &= mosquitto_property_add_string_pair(out(), MQTT_PROP_USER_PROPERTY, name.toUtf8().constData(),
                                                 value.toUtf8().constData()) == MOSQ_ERR_SUCCESS;
    return ok;
}

void MosquittoProperties::read(const mosquitto_property *list, MqttProperties &out)
{
    for (const mosquitto_property *p = list; p; p = mosquitto_property_next(p)) {
        switch (mosquitto_property_identifier(p)) {
        case MQTT_PROP_PAYLOAD_FORMAT_INDICATOR: {
            uint8_t value = 0;
            if (mosquitto_property_read_byte(p, MQTT_PROP_PAYLOAD_FORMAT_INDICATOR, &value, false))
                out.payloadFormat =
                    value ? MqttProperties::PayloadFormat::Utf8 : MqttProperties::PayloadFormat::Unspecified;
            break;
        }
        case MQTT_PROP_MESSAGE_EXPIRY_INTERVAL: {
            uint32_t value = 0;
            if (mosquitto_property_read_int32(p, MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, &value, false))
                out.messageExpirySeconds = value;
            break;
        }
        case MQTT_PROP_CONTENT_TYPE:
        case MQTT_PROP_RESPONSE_TOPIC: {
            const int id = mosquitto_property_identifier(p);
            char *value = nullptr;
            if (mosquitto_property_read_string(p, id, &value, false) && value) {
                (id == MQTT_PROP_CONTENT_TYPE ? out.contentType : out.responseTopic) =
                    QString::fromUtf8(value);
                std::free(value);
            }
            break;
        }
        case MQTT_PROP_CORRELATION_DATA: {
            void *value = nullptr;
            uint16_t length = 0;
            if (mosquitto_property_read_binary(p, MQTT_PROP_CORRELATION_DATA, &value, &length, false)) {
                out.correlationData = QByteArray(static_cast<const char *>(value), length);
                std::free(value);
            }
            break;
        }
        case MQTT_PROP_USER_PROPERTY: {
            char *name = nullptr;
            char *value = nullptr;
            if (mosquitto_property_read_string_pair(p, MQTT_PROP_USER_PROPERTY, &name, &value, false)) {
                out.userProperties.append({QString::fromUtf8(name), QString::fromUtf8(value)});
                std::free(name);
                std::free(value);
            }
            break;
        }
        default:
            break; // topic aliases, subscription identifiers: resolved by the library or read apart
        }
    }
}

QList<quint32> MosquittoProperties::subscriptionIdentifiers(const mosquitto_property *list)
{
    QList<quint32> ids;
    for (const mosquitto_property *p = list; p; p = mosquitto_property_next(p)) {
        uint32_t value = 0;
        if (mosquitto_property_identifier(p) == MQTT_PROP_SUBSCRIPTION_IDENTIFIER &&
            mosquitto_property_read_varint(p, MQTT_PROP_SUBSCRIPTION_IDENTIFIER, &value, false))
            ids.append(value);
    }
    return ids;
}

} // namespace fleet
