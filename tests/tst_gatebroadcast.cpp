// GateBroadcast: the one message a console hands fleet-hub's gate for a broadcast. The gate reads what any
// operator account wrote, so every malformed or oversized form is refused with a reason, and the same
// properties always come out in the same (canonical) form: the approval's digest depends on it.

#include "commands/gatebroadcast.h"

#include "mqtt/mqttpropertiesjson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::GateBroadcast;
using fleet::Json;
using fleet::MqttProperties;

class TestGateBroadcast final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips()
    {
        GateBroadcast broadcast;
        MqttProperties properties;
        properties.correlationData = "tid-1";
        properties.responseTopic = u"cmd/dev-1/resp"_s;
        properties.userProperties = {{u"fleet-request"_s, u"tid-1"_s}};
        broadcast.append(u"cmd/dev-1/req"_s, "{\"cmd\":\"reboot\",\"tid\":\"tid-1\"}", properties);
        broadcast.append(u"cmd/dev-2/req"_s, "{\"cmd\":\"reboot\",\"tid\":\"tid-2\"}", {});
        QString error;
        const std::optional<GateBroadcast> read = GateBroadcast::parse(broadcast.encode(), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->messages.size(), 2);
        QCOMPARE(read->messages.at(0).topic, u"cmd/dev-1/req"_s);
        QCOMPARE(read->messages.at(1).payload, QByteArray("{\"cmd\":\"reboot\",\"tid\":\"tid-2\"}"));
        QCOMPARE(fleet::MqttPropertiesJson::fromJson(read->messages.at(0).properties), properties);
        QCOMPARE(read->encode(), broadcast.encode());
    }

    void propertiesAreCanonical()
    {
        // The same properties written in another member order read back as the console's form.
        const QByteArray shuffled = "{\"messages\":[{\"properties\":{\"user\":[[\"a\",\"b\"]],"
                                    "\"correlationData\":\"dGlk\",\"contentType\":\"x\"},"
                                    "\"payload\":\"{}\",\"topic\":\"cmd/d/req\"}]}";
        const std::optional<GateBroadcast> read = GateBroadcast::parse(shuffled);
        QVERIFY(read);
        QCOMPARE(fleet::compactJsonBytes(read->messages.at(0).properties),
                 QByteArray("{\"contentType\":\"x\",\"correlationData\":\"dGlk\",\"user\":[[\"a\",\"b\"]]}"));
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not JSON") << QByteArray("{\"messages\":");
        QTest::newRow("no messages") << QByteArray("{}");
        QTest::newRow("empty list") << QByteArray("{\"messages\":[]}");
        QTest::newRow("messages not a list") << QByteArray("{\"messages\":{\"topic\":\"a\"}}");
        QTest::newRow("topic not a string") << QByteArray("{\"messages\":[{\"topic\":1,\"payload\":\"x\"}]}");
        QTest::newRow("payload missing") << QByteArray("{\"messages\":[{\"topic\":\"cmd/a/req\"}]}");
        QTest::newRow("properties not an object")
            << QByteArray("{\"messages\":[{\"topic\":\"cmd/a/req\",\"payload\":\"x\",\"properties\":[]}]}");
        QTest::newRow("wildcard +") << QByteArray(
            "{\"messages\":[{\"topic\":\"cmd/+/req\",\"payload\":\"x\"}]}");
        QTest::newRow("wildcard #") << QByteArray("{\"messages\":[{\"topic\":\"cmd/#\",\"payload\":\"x\"}]}");
        QTest::newRow("empty topic") << QByteArray("{\"messages\":[{\"topic\":\"\",\"payload\":\"x\"}]}");
        QTest::newRow("empty payload")
            << QByteArray("{\"messages\":[{\"topic\":\"cmd/a/req\",\"payload\":\"\"}]}");
        QTest::newRow("nested 200,000 deep")
            << QByteArray("{\"messages\":") + QByteArray(200000, '[') + QByteArray(200000, ']') + "}";
        QTest::newRow("larger than the limit")
            << QByteArray("{\"messages\":[{\"topic\":\"cmd/a/req\",\"payload\":\"") +
                   QByteArray(GateBroadcast::MaxBytes, 'x') + "\"}]}";
        QTest::newRow("payload over 64 KB")
            << QByteArray("{\"messages\":[{\"topic\":\"cmd/a/req\",\"payload\":\"") +
                   QByteArray(GateBroadcast::MaxPayloadBytes + 1, 'x') + "\"}]}";
        QTest::newRow("topic over 1 KB") << QByteArray("{\"messages\":[{\"topic\":\"") +
                                                QByteArray(GateBroadcast::MaxTopicBytes + 1, 'a') +
                                                "\",\"payload\":\"x\"}]}";
    }

    void refusesMalformed()
    {
        QFETCH(QByteArray, bytes);
        QString error;
        QVERIFY(!GateBroadcast::parse(bytes, &error));
        QVERIFY(!error.isEmpty());
    }

    void refusesTooManyTargets()
    {
        GateBroadcast broadcast;
        for (qsizetype i = 0; i <= GateBroadcast::MaxTargets; ++i)
            broadcast.append(u"cmd/d%1/req"_s.arg(i), "{}", {});
        QString error;
        QVERIFY(!GateBroadcast::parse(broadcast.encode(), &error));
        QVERIFY2(error.contains(QString::number(GateBroadcast::MaxTargets)), qPrintable(error));
        broadcast.messages.removeLast();
        QVERIFY(GateBroadcast::parse(broadcast.encode()));
    }
};

QTEST_GUILESS_MAIN(TestGateBroadcast)
#include "tst_gatebroadcast.moc"
