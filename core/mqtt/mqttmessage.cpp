#include "mqttmessage.h"

#include <utility>

namespace fleet {

MqttMessage::MqttMessage(QString topic, QByteArray payload, int qos, bool retain)
    : m_topic(std::move(topic))
    , m_payload(std::move(payload))
    , m_qos(static_cast<qint8>(qos))
    , m_retain(retain)
{}

} // namespace fleet
