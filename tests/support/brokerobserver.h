#pragma once

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "testutil.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace fleet {
class FleetSession;
}

namespace fleet::test {

class MosquittoBroker;

// A plain profile for the broker's url().
BrokerProfile profileFor(const MosquittoBroker &broker);
// Connects and waits until the client is Connected.
bool connectAndWait(MqttClient &client, int timeoutMs = DefaultTimeoutMs);
// Connected, with at least one subscription and every one granted by the broker.
bool subscriptionsGranted(const MqttClient &client);
// Connects the session and waits until it is connected with every subscription of its services granted,
// so that nothing a test then sends can be answered before the session listens.
bool connectSessionAndWait(FleetSession &session, const BrokerProfile &profile, const QString &password = {},
                           int timeoutMs = DefaultTimeoutMs);
// Subscribes and waits until the broker has answered the SUBSCRIBE.
bool subscribeAndWait(MqttClient &client, const QString &filter, int qos = 1,
                      int timeoutMs = DefaultTimeoutMs);

// The test's own eyes on the broker: every message on the filters it subscribed to, in arrival order, and the
// last payload of every topic.
class BrokerObserver
{
public:
    explicit BrokerObserver(const MosquittoBroker &broker);

    bool connect(int timeoutMs = DefaultTimeoutMs) { return connectAndWait(m_client, timeoutMs); }
    bool subscribe(const QString &filter, int timeoutMs = DefaultTimeoutMs)
    {
        return subscribeAndWait(m_client, filter, 1, timeoutMs);
    }
    bool publish(const QString &topic, const QByteArray &payload, int qos = 1)
    {
        return m_client.publish(topic, payload, qos) > 0;
    }

    MqttClient *client() { return &m_client; }
    const QList<MqttMessage> &messages() const { return m_messages; }
    // Topic to the last payload seen on it.
    const QHash<QString, QByteArray> &lastPayloads() const { return m_last; }
    QList<MqttMessage> on(const QString &topic) const;
    QList<QByteArray> payloadsOn(const QString &topic) const;
    // How many topics starting with prefix last said payload.
    int saying(const QString &prefix, const QByteArray &payload) const;
    void clear();

private:
    MqttClient m_client;
    QList<MqttMessage> m_messages;
    QHash<QString, QByteArray> m_last;
};

} // namespace fleet::test
