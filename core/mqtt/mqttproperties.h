#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace fleet {

// The MQTT 5 properties an application sets on a PUBLISH (and a Last Will) and reads back from one.
// Optional members are unset when the packet did not carry the property, which MQTT 5 distinguishes from
// an empty value (an empty content type is not the same as none).
struct MqttProperties
{
    enum class PayloadFormat : quint8 { Unspecified = 0, Utf8 = 1 };

    std::optional<PayloadFormat> payloadFormat;    // 0x01
    std::optional<quint32> messageExpirySeconds;   // 0x02
    std::optional<QString> contentType;            // 0x03
    std::optional<QString> responseTopic;          // 0x08
    std::optional<QByteArray> correlationData;     // 0x09
    QList<QPair<QString, QString>> userProperties; // 0x26, order and duplicates preserved as MQTT 5 requires

    bool isEmpty() const
    {
        return !payloadFormat && !messageExpirySeconds && !contentType && !responseTopic &&
               !correlationData && userProperties.isEmpty();
    }
    bool operator==(const MqttProperties &) const = default;
};

} // namespace fleet
