#include "outbox.h"

namespace fleet::outbox {

void flush(MqttClient &client, QList<MqttMessage> &outbox,
           const std::function<void(const MqttMessage &message)> &dropped)
{
    while (!outbox.isEmpty() && client.state() == MqttClient::State::Connected) {
        if (client.publish(outbox.constFirst()) < 0) {
            if (client.error() == MqttClient::Error::InFlightWindowFull ||
                client.state() != MqttClient::State::Connected)
                return;
            dropped(outbox.constFirst());
        }
        outbox.removeFirst();
    }
}

} // namespace fleet::outbox
