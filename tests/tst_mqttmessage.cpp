#include "mqtt/mqttmessage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::MqttMessage;
using fleet::MqttProperties;

class TestMqttMessage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const MqttMessage m;
        QVERIFY(m.topic().isEmpty());
        QVERIFY(m.payload().isEmpty());
        QCOMPARE(m.qos(), 0);
        QVERIFY(!m.retain());
        QVERIFY(!m.duplicate());
        QVERIFY(m.properties().isEmpty());
    }

    void constructorAndSetters()
    {
        MqttMessage m(u"fleet/dev-1/telemetry"_s, "{\"t\":21}"_ba, 1, true);
        QCOMPARE(m.topic(), u"fleet/dev-1/telemetry"_s);
        QCOMPARE(m.payload(), "{\"t\":21}"_ba);
        QCOMPARE(m.qos(), 1);
        QVERIFY(m.retain());
        m.setQos(2);
        m.setRetain(false);
        m.setMessageId(42);
        QCOMPARE(m.qos(), 2);
        QVERIFY(!m.retain());
        QCOMPARE(m.messageId(), 42);
    }

    void propertiesDistinguishEmptyFromAbsent()
    {
        MqttMessage m;
        m.properties().contentType = QString();
        QVERIFY(!m.properties().isEmpty());
        QVERIFY(m.properties().contentType.has_value());
        m.properties().contentType.reset();
        QVERIFY(m.properties().isEmpty());
    }

    void equalityCoversProperties()
    {
        MqttMessage a(u"a"_s, "x"_ba);
        MqttMessage b = a;
        QCOMPARE(a, b);
        b.properties().userProperties.append({u"k"_s, u"v"_s});
        QVERIFY(!(a == b));
        a.properties().userProperties.append({u"k"_s, u"v"_s});
        QCOMPARE(a, b);
    }

    void userPropertiesKeepOrderAndDuplicates()
    {
        MqttProperties p;
        p.userProperties = {{u"k"_s, u"1"_s}, {u"k"_s, u"2"_s}, {u"a"_s, u"3"_s}};
        QCOMPARE(p.userProperties.size(), 3);
        QCOMPARE(p.userProperties.at(1).second, u"2"_s);
    }

    void metatypeRegistered()
    {
        const QVariant v = QVariant::fromValue(MqttMessage(u"t"_s, "p"_ba));
        QCOMPARE(v.value<MqttMessage>().topic(), u"t"_s);
    }
};

QTEST_APPLESS_MAIN(TestMqttMessage)
#include "tst_mqttmessage.moc"
