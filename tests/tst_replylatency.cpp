// ReplyLatency: the conversation key of each dialect (Atlas tid, AWS shadow clientToken, AWS IoT command
// execution id, MQTT 5 correlation data), replies timed from the first message with the key, and the bounds
// on what the network can make it hold.

#include "models/replylatency.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::MqttMessage;
using fleet::ReplyLatency;

class TestReplyLatency final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("key");
        QTest::newRow("atlas tid") << u"cmd/d/req"_s << R"({"cmd":"x","tid":"t-1"})"_ba << u"t:t-1"_s;
        QTest::newRow("shadow token")
            << u"$aws/things/d/shadow/update"_s << R"({"clientToken":"k1"})"_ba << u"k:k1"_s;
        QTest::newRow("aws command") << u"$aws/commands/things/d/executions/e-9/response/json"_s << "{}"_ba
                                     << u"x:e-9"_s;
        QTest::newRow("plain text") << u"cmd/d/resp"_s << "SUCCESS"_ba << QString();
        QTest::newRow("tid not text") << u"cmd/d/req"_s << R"({"tid":7})"_ba << QString();
        QTest::newRow("array") << u"cmd/d/req"_s << R"([{"tid":"t"}])"_ba << QString();
        QTest::newRow("malformed") << u"cmd/d/req"_s << R"({"tid":"t")"_ba << QString();
        QTest::newRow("too deep") << u"cmd/d/req"_s << QByteArray(100000, '[') << QString();
        QTest::newRow("text before") << u"cmd/d/req"_s << R"(x{"tid":"t"})"_ba << QString();
    }

    void keys()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, key);
        QCOMPARE(ReplyLatency::keyOf(MqttMessage(topic, payload)), key);
    }

    void correlationDataComesFirst()
    {
        MqttMessage message(u"a/b"_s, R"({"tid":"t"})");
        message.properties().correlationData = QByteArray("\x01\x02", 2);
        QCOMPARE(ReplyLatency::keyOf(message), u"c:0102"_s);
        // A hostile key is cut.
        message.properties().correlationData = QByteArray(5000, 'a');
        QCOMPARE(ReplyLatency::keyOf(message).size(), ReplyLatency::MaxKeyLength);
    }

    void repliesAreTimedFromTheRequest()
    {
        ReplyLatency latency;
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/req"_s, R"({"tid":"a"})"), 1000), -1);
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/resp"_s, R"({"tid":"a","status":"RUNNING"})"), 1120), 120);
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/resp"_s, R"({"tid":"a","status":"SUCCESS"})"), 1500), 500);
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/resp"_s, "SUCCESS"), 1600), -1);
        // A clock that went back is not a negative time.
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/resp"_s, R"({"tid":"a"})"), 900), 0);
        latency.clear();
        QCOMPARE(latency.note(MqttMessage(u"cmd/d/resp"_s, R"({"tid":"a"})"), 2000), -1);
    }

    void boundedKeys()
    {
        ReplyLatency latency;
        for (int i = 0; i < ReplyLatency::MaxOpenKeys + 500; ++i)
            latency.note(MqttMessage(u"cmd/d/req"_s, u"{\"tid\":\"%1\"}"_s.arg(i).toUtf8()), i);
        QCOMPARE(latency.openKeys(), ReplyLatency::MaxOpenKeys);
        // The oldest were forgotten, the newest kept.
        QCOMPARE(latency.note(MqttMessage(u"x"_s, R"({"tid":"0"})"), 10000), -1);
        QCOMPARE(latency.note(
                     MqttMessage(u"x"_s, u"{\"tid\":\"%1\"}"_s.arg(ReplyLatency::MaxOpenKeys + 499).toUtf8()),
                     10000),
                 10000 - (ReplyLatency::MaxOpenKeys + 499));
    }
};

QTEST_APPLESS_MAIN(TestReplyLatency)

#include "tst_replylatency.moc"
