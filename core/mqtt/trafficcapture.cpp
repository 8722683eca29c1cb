#include "trafficcapture.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

QStringList TrafficCapture::defaultFilters()
{
    return {u"#"_s, u"$aws/#"_s};
}

TrafficCapture::TrafficCapture(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<MqttClient>())
{
    m_client->setAutoReconnect(true);
    connect(m_client.get(), &MqttClient::messageReceived, this, &TrafficCapture::onMessage);
    connect(m_client.get(), &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                Q_EMIT subscriptionFailed(filter, message);
            });
}

TrafficCapture::~TrafficCapture() = default;

void TrafficCapture::setConnection(const BrokerProfile &profile, const QString &password,
                                   const QString &keyPassphrase)
{
    m_profile = profile;
    // A second connection with the session's client id would make the broker close the session's one.
    m_profile.clientId = profile.clientId.isEmpty() ? QString() : profile.clientId + u"-traffic"_s;
    m_profile.cleanStart = true;
    m_profile.sessionExpirySeconds = 0;
    if (m_client->state() != MqttClient::State::Disconnected)
        m_client->disconnectFromBroker();
    m_client->setProfile(m_profile);
    m_client->setPassword(password);
    m_client->setKeyPassphrase(keyPassphrase);
    m_client->setWill(std::nullopt);
    m_haveConnection = true;
    connectIfNeeded();
}

void TrafficCapture::disconnectFromBroker()
{
    m_haveConnection = false;
    m_client->disconnectFromBroker();
}

void TrafficCapture::connectIfNeeded()
{
    if (m_haveConnection && !m_subscribed.isEmpty() && m_client->state() == MqttClient::State::Disconnected)
        m_client->connectToBroker();
}

QStringList TrafficCapture::parseFilters(const QString &text)
{
    static const QRegularExpression space(u"\\s+"_s);
    return text.split(space, Qt::SkipEmptyParts);
}

bool TrafficCapture::setFilters(const QStringList &requested, QString *error)
{
    QList<TopicFilter> filters;
    for (const QString &text : requested) {
        const TopicFilter filter(text);
        if (!filter.isValid()) {
            if (error)
                *error =
                    tr("\"%1\" is not a valid topic filter: a + or # must fill a whole level, and # must be "
                       "the last one.")
                        .arg(text);
            return false;
        }
        if (filter.isShared()) {
            if (error)
                *error =
                    tr("\"%1\" is a shared subscription: capturing from it would take messages away from "
                       "the group's members.")
                        .arg(text);
            return false;
        }
        if (!filters.contains(filter))
            filters.append(filter);
    }
    if (filters.size() > MaxFilters) {
        if (error)
            *error = tr("At most %1 topic filters can be captured at once.").arg(MaxFilters);
        return false;
    }

    // A filter that another one covers would only bring copies. Of two equal-reach filters the first stays.
    QList<TopicFilter> needed;
    for (qsizetype i = 0; i < filters.size(); ++i) {
        bool covered = false;
        for (qsizetype j = 0; j < filters.size() && !covered; ++j)
            covered = j != i && filters[j].covers(filters[i]) && (j < i || !filters[i].covers(filters[j]));
        if (!covered)
            needed.append(filters[i]);
    }

    const QList<Subscribed> old = std::exchange(m_subscribed, {});
    for (const TopicFilter &filter : std::as_const(needed)) {
        const auto kept =
            std::find_if(old.cbegin(), old.cend(), [&](const Subscribed &s) { return s.filter == filter; });
        if (kept != old.cend()) {
            m_subscribed.append(*kept);
            continue;
        }
        const quint32 identifier = m_nextIdentifier;
        m_nextIdentifier =
            m_nextIdentifier >= MqttClient::MaxSubscriptionIdentifier ? 1 : m_nextIdentifier + 1;
        m_subscribed.append({filter, identifier});
        m_client->subscribe(filter.filter(), SubscriptionQos, identifier, true);
    }
    for (const Subscribed &s : old) {
        if (!needed.contains(s.filter))
            m_client->unsubscribe(s.filter.filter());
    }
    m_filters = filters;
    connectIfNeeded();
    return true;
}

QStringList TrafficCapture::filters() const
{
    QStringList out;
    for (const TopicFilter &filter : m_filters)
        out.append(filter.filter());
    return out;
}

QStringList TrafficCapture::subscribedFilters() const
{
    QStringList out;
    for (const Subscribed &s : m_subscribed)
        out.append(s.filter.filter());
    return out;
}

void TrafficCapture::onMessage(const MqttMessage &message)
{
    const QList<quint32> &ids = message.subscriptionIdentifiers();
    // Without identifiers (MQTT 3.1.1) copies cannot be told from a device sending the same thing twice, and
    // dropping a real message is worse than showing one twice: everything is kept.
    if (ids.isEmpty()) {
        Q_EMIT messageReceived(message);
        return;
    }
    // Labelled copies: keep the one made for the first matching filter. A message that no current filter
    // matches was sent for a subscription just removed, and is outside what was asked for.
    const auto first = std::find_if(m_subscribed.cbegin(), m_subscribed.cend(),
                                    [&](const Subscribed &s) { return s.filter.matches(message.topic()); });
    if (first == m_subscribed.cend() || !ids.contains(first->identifier)) {
        ++m_copiesDropped;
        return;
    }
    Q_EMIT messageReceived(message);
}

} // namespace fleet
