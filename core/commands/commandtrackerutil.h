#pragma once

// Helpers shared by the translation units of CommandTracker (commandtracker*.cpp); not for other code.

#include "commands/commandspec.h"
#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <algorithm>
#include <optional>

namespace fleet {

inline qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// On MQTT 5 the request carries its tid as correlation data (echoed by the device's library even when its
// payload has no tid), its content type, and where to answer; MQTT 3.1.1 has no properties at all.
// gatePrefix, when not empty, is fleet-hub's submit prefix for this operator (fleet/gate/submit/{user}/):
// the message is handed to the command gate, which publishes it on topic if its catalog allows, and the
// user property fleet-request names requestId so that the gate's answer can be matched.
inline MqttMessage requestMessage(const MqttClient &client, const QString &topic, const QByteArray &payload,
                                  const QByteArray &correlation, const CommandSpec &spec,
                                  const std::optional<QString> &responseTopic, const QString &gatePrefix,
                                  const QString &requestId)
{
    MqttMessage message(gatePrefix + topic, payload, 1);
    if (client.profile().protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5) {
        message.properties().correlationData = correlation;
        message.properties().contentType = spec.contentType;
        // The attempt's timeout, counted by the broker from when it takes the message (or from when the gate
        // publishes it): a device that comes back to a persistent session after the requester gave up is
        // not handed a stale command.
        message.properties().messageExpirySeconds = quint32(std::max(1, (spec.timeoutMs + 999) / 1000));
        if (responseTopic)
            message.properties().responseTopic = *responseTopic;
        if (!gatePrefix.isEmpty())
            message.properties().userProperties.append({QStringLiteral("fleet-request"), requestId});
    }
    return message;
}

} // namespace fleet
