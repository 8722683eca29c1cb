#pragma once

#include "common/json.h"
#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "testutil.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace fleet::test {

// A test's MQTT client and everything it received, for tests that follow several topics at once and take
// the messages they expect in any order (the Azure device, the hub's account, an operator). connect() makes
// the usual one; a test with an unusual client fills client itself and forwards messageReceived into seen.
struct MqttPeer
{
    std::unique_ptr<MqttClient> client;
    std::shared_ptr<QList<MqttMessage>> seen = std::make_shared<QList<MqttMessage>>();

    // A client for profile, connected and subscribed to filters at QoS 1 within timeoutMs each; nullopt
    // when it did not get there.
    static std::optional<MqttPeer> connect(const BrokerProfile &profile, const QString &password,
                                           const QStringList &filters = {}, int timeoutMs = DefaultTimeoutMs);

    // The first message not yet taken on a topic starting with prefix, waiting for it up to timeoutMs.
    std::optional<MqttMessage> take(const QString &prefix, int timeoutMs = DefaultTimeoutMs);
    // The first JSON body on topic (exactly) for which accept holds, waiting for it; null if none came.
    Json waitFor(const QString &topic, const std::function<bool(const Json &)> &accept,
                 int timeoutMs = DefaultTimeoutMs);
    qsizetype count(const QString &prefix) const;
    // Whether the client took the message (QoS 1 unless said).
    bool publish(const QString &topic, const QByteArray &payload, int qos = 1);
};

} // namespace fleet::test
