#pragma once

#include "mqttproperties.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace fleet {

// One application message, as published or as received. A plain value type: it is stored by the thousand
// in traffic buffers, so it holds only implicitly shared Qt members and small scalars.
class MqttMessage final
{
public:
    MqttMessage() = default;
    MqttMessage(QString topic, QByteArray payload, int qos = 0, bool retain = false);

    const QString &topic() const { return m_topic; }
    void setTopic(const QString &topic) { m_topic = topic; }

    const QByteArray &payload() const { return m_payload; }
    void setPayload(const QByteArray &payload) { m_payload = payload; }

    int qos() const { return m_qos; }
    void setQos(int qos) { m_qos = qos; }

    // On a received message: the broker delivered it from its retained store (a late subscriber's first
    // value), or, on a subscription with retain-as-published (MQTT 5), its publisher asked for it to be
    // retained. On a message to publish: ask the broker to retain it.
    bool retain() const { return m_retain; }
    void setRetain(bool retain) { m_retain = retain; }

    bool duplicate() const { return m_duplicate; }
    void setDuplicate(bool duplicate) { m_duplicate = duplicate; }

    int messageId() const { return m_messageId; }
    void setMessageId(int id) { m_messageId = id; }

    const MqttProperties &properties() const { return m_properties; }
    MqttProperties &properties() { return m_properties; }
    void setProperties(const MqttProperties &properties) { m_properties = properties; }

    // On a received MQTT 5 message: the identifiers of the subscriptions it was delivered for (MQTT 5
    // section 3.3.2.3.8), empty when the matching subscriptions had none. Never sent: a client may not put
    // them on a PUBLISH.
    const QList<quint32> &subscriptionIdentifiers() const { return m_subscriptionIds; }
    void setSubscriptionIdentifiers(const QList<quint32> &ids) { m_subscriptionIds = ids; }

    bool operator==(const MqttMessage &) const = default;

private:
    QString m_topic;
    QByteArray m_payload;
    MqttProperties m_properties;
    QList<quint32> m_subscriptionIds;
    int m_messageId = 0;
    qint8 m_qos = 0;
    bool m_retain = false;
    bool m_duplicate = false;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::MqttMessage)
