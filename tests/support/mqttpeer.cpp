#include "mqttpeer.h"

#include "brokerobserver.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace fleet::test {

std::optional<MqttPeer> MqttPeer::connect(const BrokerProfile &profile, const QString &password,
                                          const QStringList &filters, int timeoutMs)
{
    MqttPeer peer;
    peer.client = std::make_unique<MqttClient>();
    peer.client->setProfile(profile);
    peer.client->setPassword(password);
    QObject::connect(peer.client.get(), &MqttClient::messageReceived, peer.client.get(),
                     [seen = peer.seen](const MqttMessage &m) { seen->append(m); });
    QSignalSpy connected(peer.client.get(), &MqttClient::connected);
    peer.client->connectToBroker();
    if (!connected.wait(timeoutMs))
        return std::nullopt;
    for (const QString &filter : filters) {
        if (!subscribeAndWait(*peer.client, filter, 1, timeoutMs))
            return std::nullopt;
    }
    return peer;
}

std::optional<MqttMessage> MqttPeer::take(const QString &prefix, int timeoutMs)
{
    std::optional<MqttMessage> found;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < seen->size(); ++i) {
                if (seen->at(i).topic().startsWith(prefix)) {
                    found = seen->takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

Json MqttPeer::waitFor(const QString &topic, const std::function<bool(const Json &)> &accept, int timeoutMs)
{
    Json found;
    (void)QTest::qWaitFor(
        [&] {
            for (const MqttMessage &m : std::as_const(*seen)) {
                if (m.topic() != topic)
                    continue;
                const Json body = Json::parse(m.payload().cbegin(), m.payload().cend(), nullptr, false);
                if (accept(body)) {
                    found = body;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

qsizetype MqttPeer::count(const QString &prefix) const
{
    return std::count_if(seen->cbegin(), seen->cend(),
                         [&](const MqttMessage &m) { return m.topic().startsWith(prefix); });
}

bool MqttPeer::publish(const QString &topic, const QByteArray &payload, int qos)
{
    return client->publish(MqttMessage(topic, payload, qos)) > 0;
}

} // namespace fleet::test
