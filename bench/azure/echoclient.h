#pragma once

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttmessage.h"

#include <QList>
#include <QObject>
#include <QString>

namespace fleet {
class MqttClient;
}

namespace fleet::bench {

// The reference's far end, in a process of its own as fleet-hub is: every device event
// (devices/{id}/messages/events/…) goes back to its device at once as a cloud-to-device message
// (devices/{id}/messages/devicebound/…, same properties and body). It is fleet-hub's loop without fleet-hub's
// work: the same MqttClient, the same outbox that waits for room when the window of QoS 1 publishes in flight
// is full, QoS 1 both ways. The window is the caller's: wide enough for every request in flight, it keeps the
// reference a measure of the broker rather than of the client's default (100, which fleet-hub keeps).
class EchoClient final : public QObject
{
    Q_OBJECT

public:
    EchoClient(const BrokerProfile &profile, const QString &password, int maxInFlight,
               QObject *parent = nullptr);

    // Connects and subscribes; ready() or failed() follows.
    bool start();

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    void onMessage(const MqttMessage &message);
    void flush();

    MqttClient *m_client;
    QList<MqttMessage> m_outbox;
};

} // namespace fleet::bench
