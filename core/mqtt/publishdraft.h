#pragma once

#include "mqtt/mqttmessage.h"
#include "mqtt/mqttproperties.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <variant>

namespace fleet {

// One message as an operator composes it in the console's Publish view: what the form holds, as a value,
// so that the history and the favourites can keep it and give it back. The payload is kept as the bytes it
// stands for; format says how the editor shows them (and how typed text becomes bytes).
struct PublishDraft
{
    Q_DECLARE_TR_FUNCTIONS(fleet::PublishDraft)

public:
    enum class Format { Text, Json, Hex };

    struct PayloadError
    {
        int position = 0; // offset in the text, for a cursor
        QString message;  // translated, with the line and column
    };

    QString topic;
    QByteArray payload;
    Format format = Format::Text;
    int qos = 0;
    bool retain = false;
    MqttProperties properties;
    // The payload was cut to a stored bound (PublishHistory::MaxPayloadBytes): it is not what was sent.
    bool payloadTruncated = false;

    // The message to publish, with the properties only when withProperties (an MQTT 3.1.1 connection takes
    // none).
    MqttMessage message(bool withProperties = true) const;

    // Typed text to bytes in format: Text as UTF-8; Json checked (and sent as typed, not reformatted); Hex
    // as HexBytes reads it.
    static std::variant<QByteArray, PayloadError> encode(const QString &text, Format format);
    // The bytes as the editor shows them in format (Hex: "de ad be ef").
    static QString decode(const QByteArray &payload, Format format);
    // JSON pretty-printed with two-space indentation; nullopt (with error) for text that is not JSON.
    static std::optional<QString> prettyJson(const QString &text, PayloadError *error = nullptr);

    static QString formatKey(Format format); // "text", "json", "hex"
    static std::optional<Format> formatFromKey(const QString &key);

    bool operator==(const PublishDraft &) const = default;
};

} // namespace fleet
