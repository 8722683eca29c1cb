#include "mqttpeer.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace fleet::test {

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
