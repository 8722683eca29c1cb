#pragma once

#include "common/json.h"
#include "mqtt/mqttproperties.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace fleet {

// One command to many devices, handed to fleet-hub's command gate as one message on
// fleet/gate/broadcast/{user}/{id}, so that a sensitive broadcast needs one approval, for all of its
// targets, instead of one per device:
//
//   {"messages": [{"topic": "cmd/dev-1/req", "payload": "<the request, as text>",
//                  "properties": {MqttPropertiesJson}}, …]}
//
// The console writes it (encode()); the gate reads it (parse()), judges every message by its own catalog and
// binds the approval to these exact bytes.
class GateBroadcast final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::GateBroadcast)

public:
    // A selection as large as the console sends in one go (bench_fanout's 10,000 devices).
    static constexpr qsizetype MaxTargets = 10000;
    // 10,000 requests of a few hundred bytes each, with room to spare; the gate reads nothing larger.
    static constexpr qsizetype MaxBytes = 16 * 1024 * 1024;
    static constexpr qsizetype MaxTopicBytes = 1024;
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024; // a command's request (the Atlas limit)

    struct Message
    {
        QString topic;
        QByteArray payload;
        Json properties = Json::object(); // canonical MqttPropertiesJson
    };

    QList<Message> messages;

    // nullopt with error set (translated) for anything that is not a broadcast within the limits above: no
    // messages, a topic with a wildcard or out of bounds, a payload that is not text.
    static std::optional<GateBroadcast> parse(const QByteArray &bytes, QString *error = nullptr);
    void append(const QString &topic, const QByteArray &payload, const MqttProperties &properties);
    QByteArray encode() const;
};

} // namespace fleet
