#pragma once

#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QList>

#include <functional>

namespace fleet::outbox {

// Publishes from the front of outbox, in order, while the client is connected and takes them. It stops at
// the first refusal for a full in-flight window (only that refusal makes the client signal readyToPublish()
// once there is room again; checking canPublish() first would never get the signal) and keeps the rest. A
// message refused for its content (larger than the broker takes) can never go: it is removed and handed to
// dropped, for the caller's log.
void flush(MqttClient &client, QList<MqttMessage> &outbox,
           const std::function<void(const MqttMessage &message)> &dropped);

} // namespace fleet::outbox
