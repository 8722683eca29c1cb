#include "echoclient.h"

#include "mqtt/mqttclient.h"
#include "outbox.h"

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

const QString EventsFilter = u"devices/+/messages/events/#"_s;
const QString Events = u"/messages/events/"_s;
const QString Devicebound = u"/messages/devicebound/"_s;

} // namespace

EchoClient::EchoClient(const BrokerProfile &profile, const QString &password, int maxInFlight,
                       QObject *parent)
    : QObject(parent)
    , m_client(new MqttClient(this))
{
    m_client->setProfile(profile);
    m_client->setPassword(password);
    m_client->setMaxInFlight(maxInFlight);
    connect(m_client, &MqttClient::messageReceived, this, &EchoClient::onMessage);
    connect(m_client, &MqttClient::readyToPublish, this, &EchoClient::flush);
    connect(m_client, &MqttClient::connected, this, &EchoClient::flush);
    connect(m_client, &MqttClient::subscribed, this, [this](const QString &filter) {
        if (filter == EventsFilter)
            Q_EMIT ready();
    });
    connect(m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                Q_EMIT failed(u"%1: %2"_s.arg(filter, message));
            });
    connect(m_client, &MqttClient::errorOccurred, this,
            [this](MqttClient::Error, const QString &message) { Q_EMIT failed(message); });
}

bool EchoClient::start()
{
    return m_client->subscribe(EventsFilter, 1) && m_client->connectToBroker();
}

void EchoClient::onMessage(const MqttMessage &message)
{
    const QString &topic = message.topic();
    const qsizetype events = topic.indexOf(Events);
    if (!topic.startsWith("devices/"_L1) || events < 0)
        return;
    m_outbox.append(MqttMessage(topic.left(events) + Devicebound + topic.mid(events + Events.size()),
                                message.payload(), 1));
    flush();
}

void EchoClient::flush()
{
    outbox::flush(*m_client, m_outbox, [this](const MqttMessage &dropped) {
        Q_EMIT failed(u"dropped the echo on %1: %2"_s.arg(dropped.topic(), m_client->errorString()));
    });
}

} // namespace fleet::bench
