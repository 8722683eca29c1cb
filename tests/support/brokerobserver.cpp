#include "brokerobserver.h"

#include "fleet/fleetsession.h"
#include "mosquittobroker.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace fleet::test {

BrokerProfile profileFor(const MosquittoBroker &broker)
{
    BrokerProfile profile;
    profile.url = BrokerProfile::parseUrl(broker.url());
    return profile;
}

bool subscriptionsGranted(const MqttClient &client)
{
    const auto subscriptions = client.subscriptions();
    if (subscriptions.isEmpty() || client.state() != MqttClient::State::Connected)
        return false;
    return std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const MqttClient::Subscription &s) {
        return s.state == MqttClient::SubscriptionState::Granted;
    });
}

bool connectSessionAndWait(FleetSession &session, const BrokerProfile &profile, const QString &password,
                           int timeoutMs)
{
    if (!session.connectToBroker(profile, password))
        return false;
    return QTest::qWaitFor([&] { return subscriptionsGranted(*session.client()); }, timeoutMs);
}

bool connectAndWait(MqttClient &client, int timeoutMs)
{
    if (!client.connectToBroker())
        return false;
    return QTest::qWaitFor([&] { return client.state() == MqttClient::State::Connected; }, timeoutMs);
}

bool subscribeAndWait(MqttClient &client, const QString &filter, int qos, int timeoutMs)
{
    QSignalSpy granted(&client, &MqttClient::subscribed);
    if (!client.subscribe(filter, qos))
        return false;
    return QTest::qWaitFor([&] { return !granted.isEmpty(); }, timeoutMs);
}

BrokerObserver::BrokerObserver(const MosquittoBroker &broker)
{
    m_client.setProfile(profileFor(broker));
    QObject::connect(&m_client, &MqttClient::messageReceived, &m_client, [this](const MqttMessage &m) {
        m_last.insert(m.topic(), m.payload());
        m_messages.append(m);
    });
}

QList<MqttMessage> BrokerObserver::on(const QString &topic) const
{
    QList<MqttMessage> result;
    for (const MqttMessage &m : m_messages) {
        if (m.topic() == topic)
            result.append(m);
    }
    return result;
}

QList<QByteArray> BrokerObserver::payloadsOn(const QString &topic) const
{
    QList<QByteArray> result;
    for (const MqttMessage &m : on(topic))
        result.append(m.payload());
    return result;
}

int BrokerObserver::saying(const QString &prefix, const QByteArray &payload) const
{
    int n = 0;
    for (auto it = m_last.cbegin(); it != m_last.cend(); ++it)
        n += it.key().startsWith(prefix) && it.value() == payload;
    return n;
}

void BrokerObserver::clear()
{
    m_messages.clear();
    m_last.clear();
}

} // namespace fleet::test
