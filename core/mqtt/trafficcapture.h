#pragma once

#include "brokerprofile.h"
#include "mqttclient.h"
#include "mqttmessage.h"
#include "topicfilter.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace fleet {

// What the broker lets this account read on a set of topic filters, each message once: the traffic that the
// console's traffic view, topic tree and device pages show.
//
// It runs on a connection of its own, with the session's account. On the console's shared client, the view
// saw only what the registry, the tracker and the shadows happened to subscribe (replies but never the
// requests sent to a device), and a filter of its own that overlapped theirs made the broker deliver the
// same message once per matching subscription. Here the subscription set is the capture's alone:
// - a filter that another one covers (TopicFilter::covers()) is not subscribed at all;
// - with MQTT 5, each subscription carries an identifier and the broker labels every copy it delivers with
//   the one it was made for; a message is kept from the first subscribed filter (in the order given) that
//   matches its topic and the other copies are dropped, however the filters overlap;
// - with MQTT 3.1.1 there are no identifiers. mosquitto then sends one copy however many subscriptions
//   match (verified on 2.0.11), and so does the capture; a broker that sends a copy per subscription (3.1.1
//   allows either) shows a message that two partly overlapping filters match twice, because a copy cannot
//   be told from a device publishing the same thing twice, and dropping a real message would be worse.
// Dropped copies are counted (copiesDropped()).
//
// With MQTT 5 it subscribes with retain-as-published: a live message keeps the retain flag its publisher
// set, so the views can tell which topics hold a retained value (and a retained value being cleared), not
// only the values delivered from the retained store when the capture subscribed.
//
// The connection uses the profile's account and TLS settings with a client id of its own (the profile's
// with "-traffic", or a generated one), a clean session (traffic missed while away is not replayed) and no
// Last Will. It is opened only while there are filters, so a program that never shows traffic (fleetctl)
// never opens it.
class TrafficCapture final : public QObject
{
    Q_OBJECT

public:
    // What the console captures unless told otherwise: every plain topic, and the AWS IoT topics (shadows,
    // command executions), which '#' leaves out because they start with '$'.
    static QStringList defaultFilters();
    // More filters than any person types; each is a subscription on the broker.
    static constexpr int MaxFilters = 32;
    // The broker delivers min(publisher's QoS, this): 2 shows each message's real QoS.
    static constexpr int SubscriptionQos = 2;

    explicit TrafficCapture(QObject *parent = nullptr);
    ~TrafficCapture() override;

    // The account to capture with; it connects (again) at once when there are filters.
    void setConnection(const BrokerProfile &profile, const QString &password,
                       const QString &keyPassphrase = {});
    // Closes the connection until the next setConnection().
    void disconnectFromBroker();

    // Replaces the filters. Each must be a valid filter without a share group (a capture must not take
    // messages away from a shared subscription's members); at most MaxFilters; duplicates are dropped. On a
    // refusal: false, *error says why (translated), and the filters stay as they were. New subscriptions are
    // made before old ones are removed, so a topic both sets match sees no gap.
    bool setFilters(const QStringList &filters, QString *error = nullptr);
    QStringList filters() const;
    // The filters actually subscribed: filters() without those that another one covers.
    QStringList subscribedFilters() const;
    // Splits what a person typed (filters separated by spaces) into filters.
    static QStringList parseFilters(const QString &text);

    MqttClient *client() const { return m_client.get(); }
    // Copies of a message delivered for a second overlapping subscription, dropped.
    qint64 copiesDropped() const { return m_copiesDropped; }

Q_SIGNALS:
    void messageReceived(const fleet::MqttMessage &message);
    // The broker refused a filter (not authorized, or a filter it does not support); the others stay.
    void subscriptionFailed(const QString &filter, const QString &message);

private:
    struct Subscribed
    {
        TopicFilter filter;
        quint32 identifier = 0;
    };

    void onMessage(const MqttMessage &message);
    void connectIfNeeded();

    std::unique_ptr<MqttClient> m_client;
    BrokerProfile m_profile;
    QList<TopicFilter> m_filters;
    QList<Subscribed> m_subscribed;
    quint32 m_nextIdentifier = 1;
    bool m_haveConnection = false;
    qint64 m_copiesDropped = 0;
};

} // namespace fleet
