// AtlasDialect: topic templates, request encoding, and replies decoded or refused (JSON replies of every
// status, group replies, the seed's plain-text replies, malformed and hostile payloads, MQTT 5 correlation
// data); then the same code against real fleet-sim devices over a real mosquitto.

#include "brokerobserver.h"
#include "dialects/atlasdialect.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"

#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <utility>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::AtlasDialect;
using fleet::AtlasReply;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;
using Status = AtlasReply::Status;

namespace {

constexpr int Timeout = 15000;
constexpr int QuietMs = 400;

// Rows of decodeReply_data(): the expected reply, or an error that mentions errorPart.
struct Expect
{
    Expect(QString device, QString group = {}, std::optional<QString> tid = std::nullopt,
           Status status = Status::Success, QString reason = {}, Json result = {}, bool text = false)
        : device(std::move(device))
        , group(std::move(group))
        , tid(std::move(tid))
        , status(status)
        , reason(std::move(reason))
        , result(std::move(result))
        , text(text)
    {}

    QString device;
    QString group;
    std::optional<QString> tid;
    Status status;
    QString reason;
    Json result;
    bool text;
};

QString none()
{
    return u"<none>"_s;
}

void accept(const char *name, const QString &topic, const QByteArray &payload, const Expect &e,
            const std::optional<QByteArray> &correlation = std::nullopt)
{
    QTest::newRow(name) << topic << payload << correlation.has_value() << correlation.value_or(QByteArray())
                        << true << e.device << e.group << e.tid.value_or(none()) << int(e.status) << e.reason
                        << QString::fromStdString(e.result.dump()) << e.text << QString();
}

void refuse(const char *name, const QString &topic, const QByteArray &payload, const QString &errorPart,
            const std::optional<QByteArray> &correlation = std::nullopt)
{
    QTest::newRow(name) << topic << payload << correlation.has_value() << correlation.value_or(QByteArray())
                        << false << QString() << QString() << none() << 0 << QString() << QString() << false
                        << errorPart;
}

QByteArray reply(const Json &body)
{
    return QByteArray::fromStdString(body.dump());
}

} // namespace

class TestAtlasDialect final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const AtlasDialect dialect;
        QCOMPARE(dialect.requestTemplate(), u"cmd/{device}/req"_s);
        QCOMPARE(dialect.responseTemplate(), u"cmd/{device}/resp"_s);
        QCOMPARE(dialect.groupRequestTemplate(), u"cmd/group/{group}/req"_s);
        QCOMPARE(dialect.groupResponseTemplate(), u"cmd/group/{group}/resp"_s);
        QCOMPARE(dialect.responseFilter(), u"cmd/+/resp"_s);
        QCOMPARE(dialect.groupResponseFilter(), u"cmd/group/+/resp"_s);
        QCOMPARE(dialect.requestTopic(u"dev-1"_s), std::optional<QString>(u"cmd/dev-1/req"_s));
        QCOMPARE(dialect.responseTopic(u"dev-1"_s), std::optional<QString>(u"cmd/dev-1/resp"_s));
        QCOMPARE(dialect.groupRequestTopic(u"g1"_s), std::optional<QString>(u"cmd/group/g1/req"_s));
        QCOMPARE(dialect.groupResponseTopic(u"g1"_s), std::optional<QString>(u"cmd/group/g1/resp"_s));
    }

    void requestTopic_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("plain") << u"dev-1"_s << u"cmd/dev-1/req"_s;
        QTest::newRow("non-ASCII") << u"gerät"_s << u"cmd/gerät/req"_s;
        QTest::newRow("dollar and spaces") << u"$a b"_s << u"cmd/$a b/req"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plus") << u"+"_s << QString();
        QTest::newRow("plus inside") << u"dev+1"_s << QString();
        QTest::newRow("hash") << u"#"_s << QString();
        QTest::newRow("hash inside") << u"dev#"_s << QString();
        QTest::newRow("slash") << u"a/b"_s << QString();
        QTest::newRow("NUL") << u"dev"_s + QChar(0) + u"1"_s << QString();
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QString();
        QTest::newRow("too long for a topic") << QString(70000, u'x') << QString();
    }

    void requestTopic()
    {
        QFETCH(QString, device);
        QFETCH(QString, expected);
        const AtlasDialect dialect;
        const std::optional<QString> topic = dialect.requestTopic(device);
        QCOMPARE(topic.value_or(QString()), expected);
        QCOMPARE(AtlasDialect::isValidId(device), !expected.isEmpty() || device.size() == 70000);
        QCOMPARE(dialect.groupRequestTopic(device).has_value(), !expected.isEmpty());
    }

    void deviceFromTopic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("device"); // empty: no match
        QTest::newRow("match") << u"cmd/dev-1/resp"_s << u"dev-1"_s;
        QTest::newRow("request topic") << u"cmd/dev-1/req"_s << QString();
        QTest::newRow("empty level") << u"cmd//resp"_s << QString();
        QTest::newRow("plus") << u"cmd/+/resp"_s << QString();
        QTest::newRow("hash") << u"cmd/#/resp"_s << QString();
        QTest::newRow("two levels") << u"cmd/a/b/resp"_s << QString();
        QTest::newRow("prefix only") << u"cmd/dev-1"_s << QString();
        QTest::newRow("trailing slash") << u"cmd/dev-1/resp/"_s << QString();
        QTest::newRow("leading slash") << u"/cmd/dev-1/resp"_s << QString();
        QTest::newRow("case") << u"CMD/dev-1/resp"_s << QString();
        QTest::newRow("group topic") << u"cmd/group/g1/resp"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void deviceFromTopic()
    {
        QFETCH(QString, topic);
        QFETCH(QString, device);
        const AtlasDialect dialect;
        QCOMPARE(dialect.deviceFromTopic(topic).value_or(QString()), device);
    }

    void customTemplates()
    {
        AtlasDialect dialect;
        QVERIFY(dialect.setRequestTemplate(u"commands/{device}"_s));
        QVERIFY(dialect.setResponseTemplate(u"commands/{device}/ack"_s));
        QVERIFY(dialect.setGroupRequestTemplate(u"device_status/{group}/request"_s));
        QVERIFY(dialect.setGroupResponseTemplate(u"{group}/device_status/response"_s));
        QCOMPARE(dialect.requestTopic(u"d"_s), std::optional<QString>(u"commands/d"_s));
        QCOMPARE(dialect.responseFilter(), u"commands/+/ack"_s);
        QCOMPARE(dialect.groupResponseFilter(), u"+/device_status/response"_s);
        QCOMPARE(dialect.deviceFromTopic(u"commands/d/ack"_s), std::optional<QString>(u"d"_s));
        QCOMPARE(dialect.groupFromTopic(u"g/device_status/response"_s), std::optional<QString>(u"g"_s));
        QVERIFY(!dialect.deviceFromTopic(u"cmd/d/resp"_s));

        QString error;
        const auto refused = [&](bool ok) {
            const bool wasRefused = !ok && !error.isEmpty();
            error.clear();
            return wasRefused;
        };
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/+/resp"_s, &error)));
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/#"_s, &error)));
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/resp"_s, &error)));
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/{device}/{device}"_s, &error)));
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/dev-{device}/resp"_s, &error)));
        QVERIFY(refused(dialect.setResponseTemplate(u"cmd/{device}/{group}"_s, &error)));
        QVERIFY(refused(dialect.setGroupResponseTemplate(u"cmd/{device}/resp"_s, &error)));
        QVERIFY(refused(dialect.setRequestTemplate(u"a"_s + QChar(0) + u"/{device}"_s, &error)));
        // The refused ones changed nothing.
        QCOMPARE(dialect.responseTemplate(), u"commands/{device}/ack"_s);
        QCOMPARE(dialect.groupResponseTemplate(), u"{group}/device_status/response"_s);
    }

    void encodeRequest_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("tid");
        QTest::addColumn<QString>("params");   // JSON text
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("no params")
            << u"reboot"_s << u"T1"_s << u"null"_s
            << u"{\"cmd\":\"reboot\",\"tid\":\"T1\",\"status\":\"REQUEST\",\"params\":{}}"_s;
        QTest::newRow("params")
            << u"set_led"_s << u"T2"_s << u"{\"color\":\"red\"}"_s
            << u"{\"cmd\":\"set_led\",\"tid\":\"T2\",\"status\":\"REQUEST\",\"params\":{\"color\":\"red\"}}"_s;
        QTest::newRow("quotes escaped")
            << u"a\"b"_s << u"T3"_s << u"{}"_s
            << u"{\"cmd\":\"a\\\"b\",\"tid\":\"T3\",\"status\":\"REQUEST\",\"params\":{}}"_s;
        QTest::newRow("empty command") << QString() << u"T4"_s << u"{}"_s << QString();
        QTest::newRow("empty tid") << u"reboot"_s << QString() << u"{}"_s << QString();
        QTest::newRow("tid too long") << u"reboot"_s << QString(129, u'x') << u"{}"_s << QString();
        QTest::newRow("params array") << u"reboot"_s << u"T5"_s << u"[1]"_s << QString();
        QTest::newRow("params string") << u"reboot"_s << u"T6"_s << u"\"x\""_s << QString();
        QTest::newRow("too large") << u"set_led"_s << u"T7"_s
                                   << u"{\"color\":\""_s + QString(70000, u'r') + u"\"}"_s << QString();
    }

    void encodeRequest()
    {
        QFETCH(QString, command);
        QFETCH(QString, tid);
        QFETCH(QString, params);
        QFETCH(QString, expected);
        const AtlasDialect dialect;
        QByteArray correlation = "untouched";
        QString error;
        const QByteArray payload =
            dialect.encodeRequest(command, tid, Json::parse(params.toStdString()), &correlation, &error);
        QCOMPARE(QString::fromUtf8(payload), expected);
        QCOMPARE(error.isEmpty(), !expected.isEmpty());
        QCOMPARE(correlation, expected.isEmpty() ? "untouched"_ba : tid.toUtf8());
    }

    void correlationData()
    {
        QCOMPARE(AtlasDialect::correlationDataFor(u"01HZX"_s), "01HZX"_ba);
        QCOMPARE(AtlasDialect::tidFromCorrelationData("01HZX"_ba), std::optional<QString>(u"01HZX"_s));
        QVERIFY(!AtlasDialect::tidFromCorrelationData(QByteArray()));
        QVERIFY(!AtlasDialect::tidFromCorrelationData("\xff\xfe"_ba));
        QVERIFY(!AtlasDialect::tidFromCorrelationData(QByteArray(129, 'x')));
        QVERIFY(!AtlasDialect::tidFromCorrelationData(QByteArray("a\0b", 3)));
    }

    void decodeReply_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("hasCorrelation");
        QTest::addColumn<QByteArray>("correlation");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("tid");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("result"); // JSON text
        QTest::addColumn<bool>("text");
        QTest::addColumn<QString>("errorPart");

        const QString own = u"cmd/dev-1/resp"_s;
        const QString group = u"cmd/group/g1/resp"_s;

        // JSON replies, each status.
        accept("running", own, reply({{"tid", "T1"}, {"status", "RUNNING"}, {"device", "dev-1"}}),
               {u"dev-1"_s, {}, u"T1"_s, Status::Running});
        accept("success", own, reply({{"tid", "T1"}, {"status", "SUCCESS"}, {"device", "dev-1"}}),
               {u"dev-1"_s, {}, u"T1"_s, Status::Success});
        accept(
            "failure", own,
            reply(
                {{"tid", "T1"}, {"status", "FAILURE"}, {"device", "dev-1"}, {"reason", "simulated failure"}}),
            {u"dev-1"_s, {}, u"T1"_s, Status::Failure, u"simulated failure"_s});
        accept("success with result", own,
               reply({{"tid", "T2"},
                      {"status", "SUCCESS"},
                      {"device", "dev-1"},
                      {"result", {{"topic", "logs/dev-1"}, {"bytes", 120}}}}),
               {u"dev-1"_s, {}, u"T2"_s, Status::Success, {}, Json{{"topic", "logs/dev-1"}, {"bytes", 120}}});
        accept("result array kept", own, reply({{"tid", "T2"}, {"status", "SUCCESS"}, {"result", {1, "a"}}}),
               {u"dev-1"_s, {}, u"T2"_s, Status::Success, {}, Json{1, "a"}});
        accept("device from topic", own, reply({{"tid", "T3"}, {"status", "SUCCESS"}}),
               {u"dev-1"_s, {}, u"T3"_s, Status::Success});
        accept("no tid", own, reply({{"status", "FAILURE"}, {"reason", "The request is not valid JSON."}}),
               {u"dev-1"_s, {}, std::nullopt, Status::Failure, u"The request is not valid JSON."_s});
        accept("null tid", own, reply({{"tid", nullptr}, {"status", "SUCCESS"}}),
               {u"dev-1"_s, {}, std::nullopt, Status::Success});
        accept("empty tid", own, reply({{"tid", ""}, {"status", "SUCCESS"}}),
               {u"dev-1"_s, {}, std::nullopt, Status::Success});
        accept("null reason", own, reply({{"tid", "T4"}, {"status", "SUCCESS"}, {"reason", nullptr}}),
               {u"dev-1"_s, {}, u"T4"_s, Status::Success});
        accept("unknown members ignored", own,
               reply({{"tid", "T5"}, {"status", "RUNNING"}, {"progress", 40}, {"x", {{"y", 1}}}}),
               {u"dev-1"_s, {}, u"T5"_s, Status::Running});
        accept("surrounding whitespace", own, "\n  {\"tid\":\"T6\",\"status\":\"SUCCESS\"}  \r\n",
               {u"dev-1"_s, {}, u"T6"_s, Status::Success});
        accept("non-ASCII device", u"cmd/gerät/resp"_s,
               reply({{"tid", "T7"}, {"status", "SUCCESS"}, {"device", "gerät"}}),
               {u"gerät"_s, {}, u"T7"_s, Status::Success});

        // Group replies name their device.
        accept("group success", group, reply({{"tid", "G1"}, {"status", "SUCCESS"}, {"device", "dev-2"}}),
               {u"dev-2"_s, u"g1"_s, u"G1"_s, Status::Success});
        accept("group running", group, reply({{"tid", "G1"}, {"status", "RUNNING"}, {"device", "dev-3"}}),
               {u"dev-3"_s, u"g1"_s, u"G1"_s, Status::Running});
        accept("group failure", group,
               reply({{"tid", "G1"}, {"status", "FAILURE"}, {"device", "dev-2"}, {"reason", "busy"}}),
               {u"dev-2"_s, u"g1"_s, u"G1"_s, Status::Failure, u"busy"_s});
        refuse("group without device", group, reply({{"tid", "G1"}, {"status", "SUCCESS"}}), u"device"_s);
        refuse("group device with wildcard", group,
               reply({{"tid", "G1"}, {"status", "SUCCESS"}, {"device", "dev/+"}}), u"invalid device"_s);
        refuse("group device empty", group, reply({{"tid", "G1"}, {"status", "SUCCESS"}, {"device", ""}}),
               u"invalid device"_s);

        // The seed's sample device: plain text, no tid.
        accept("text success", own, "SUCCESS: set_led done",
               {u"dev-1"_s, {}, std::nullopt, Status::Success, {}, Json("set_led done"), true});
        accept("text failure", own, "FAILURE: simulated failure",
               {u"dev-1"_s, {}, std::nullopt, Status::Failure, u"simulated failure"_s, {}, true});
        accept("bare SUCCESS", own, "SUCCESS", {u"dev-1"_s, {}, std::nullopt, Status::Success, {}, {}, true});
        accept("bare FAILURE", own, "FAILURE", {u"dev-1"_s, {}, std::nullopt, Status::Failure, {}, {}, true});
        accept("text trimmed", own, "  FAILURE:   no motor \n",
               {u"dev-1"_s, {}, std::nullopt, Status::Failure, u"no motor"_s, {}, true});
        accept("text without space", own, "SUCCESS:ok",
               {u"dev-1"_s, {}, std::nullopt, Status::Success, {}, Json("ok"), true});
        accept("text UTF-8", own, "FAILURE: température",
               {u"dev-1"_s, {}, std::nullopt, Status::Failure, u"température"_s, {}, true});
        refuse("text lower case", own, "success: done", u"neither JSON"_s);
        refuse("text SUCCESSFUL", own, "SUCCESSFUL", u"neither JSON"_s);
        refuse("text other word", own, "DONE: ok", u"neither JSON"_s);
        refuse("text on group topic", group, "SUCCESS: set_led done", u"device"_s);

        // Malformed, wrong types, unknown statuses.
        refuse("empty payload", own, "", u"neither JSON"_s);
        refuse("truncated JSON", own, "{\"tid\":\"T1\",\"status\":", u"neither JSON"_s);
        refuse("binary", own, QByteArray("\x00\xff\x10", 3), u"neither JSON"_s);
        refuse("invalid UTF-8 in JSON", own, "{\"tid\":\"\xff\",\"status\":\"SUCCESS\"}", u"neither JSON"_s);
        refuse("array", own, "[\"SUCCESS\"]", u"not a JSON object"_s);
        refuse("string", own, "\"SUCCESS\"", u"not a JSON object"_s);
        refuse("number", own, "42", u"not a JSON object"_s);
        refuse("no status", own, reply({{"tid", "T1"}}), u"no \"status\""_s);
        refuse("status number", own, reply({{"tid", "T1"}, {"status", 1}}), u"\"status\""_s);
        refuse("status null", own, reply({{"tid", "T1"}, {"status", nullptr}}), u"\"status\""_s);
        refuse("status lower case", own, reply({{"tid", "T1"}, {"status", "success"}}), u"unknown status"_s);
        refuse("status unknown", own, reply({{"tid", "T1"}, {"status", "DONE"}}), u"unknown status"_s);
        refuse("status REQUEST", own, reply({{"cmd", "reboot"}, {"tid", "T1"}, {"status", "REQUEST"}}),
               u"request"_s);
        refuse("tid number", own, reply({{"tid", 7}, {"status", "SUCCESS"}}), u"\"tid\""_s);
        refuse("tid object", own, reply({{"tid", {{"a", 1}}}, {"status", "SUCCESS"}}), u"\"tid\""_s);
        refuse("tid too long", own, reply({{"tid", std::string(129, 'x')}, {"status", "SUCCESS"}}),
               u"\"tid\""_s);
        refuse("device number", own, reply({{"tid", "T1"}, {"status", "SUCCESS"}, {"device", 1}}),
               u"\"device\""_s);
        refuse("device mismatch", own, reply({{"tid", "T1"}, {"status", "SUCCESS"}, {"device", "dev-2"}}),
               u"dev-2"_s);
        refuse("reason number", own, reply({{"tid", "T1"}, {"status", "FAILURE"}, {"reason", 5}}),
               u"\"reason\""_s);
        refuse("too large", own,
               reply({{"tid", "T1"}, {"status", "FAILURE"}, {"reason", std::string(70000, 'x')}}),
               u"larger than"_s);
        // Exactly the limit is fine.
        {
            const QByteArray head = "{\"tid\":\"T1\",\"status\":\"FAILURE\",\"reason\":\"";
            const QByteArray payload =
                head + QByteArray(AtlasDialect::MaxPayloadBytes - head.size() - 2, 'x') + "\"}";
            Q_ASSERT(payload.size() == AtlasDialect::MaxPayloadBytes);
            accept(
                "at the size limit", own, payload,
                {u"dev-1"_s, {}, u"T1"_s, Status::Failure, QString(payload.size() - head.size() - 2, u'x')});
        }

        // Topics that are not response topics.
        const QByteArray ok = reply({{"tid", "T1"}, {"status", "SUCCESS"}});
        refuse("request topic", u"cmd/dev-1/req"_s, ok, u"not a command response topic"_s);
        refuse("unrelated topic", u"telemetry/dev-1"_s, ok, u"not a command response topic"_s);
        refuse("extra level", u"cmd/dev-1/resp/x"_s, ok, u"not a command response topic"_s);
        refuse("empty device level", u"cmd//resp"_s, ok, u"not a command response topic"_s);
        refuse("wildcard device +", u"cmd/+/resp"_s, ok, u"not a command response topic"_s);
        refuse("wildcard device #", u"cmd/#/resp"_s, ok, u"not a command response topic"_s);
        refuse("wildcard group", u"cmd/group/+/resp"_s, reply({{"status", "SUCCESS"}, {"device", "d"}}),
               u"not a command response topic"_s);
        refuse("empty topic", QString(), ok, u"not a command response topic"_s);

        // MQTT 5 correlation data.
        accept("correlation supplies tid", own, reply({{"status", "SUCCESS"}}),
               {u"dev-1"_s, {}, u"C1"_s, Status::Success}, "C1"_ba);
        accept("correlation for text", own, "FAILURE: jammed",
               {u"dev-1"_s, {}, u"C2"_s, Status::Failure, u"jammed"_s, {}, true}, "C2"_ba);
        accept("correlation for empty tid", own, reply({{"tid", ""}, {"status", "RUNNING"}}),
               {u"dev-1"_s, {}, u"C3"_s, Status::Running}, "C3"_ba);
        accept("payload tid wins", own, reply({{"tid", "P1"}, {"status", "SUCCESS"}}),
               {u"dev-1"_s, {}, u"P1"_s, Status::Success}, "C4"_ba);
        accept("correlation on group reply", group, reply({{"status", "SUCCESS"}, {"device", "dev-9"}}),
               {u"dev-9"_s, u"g1"_s, u"C5"_s, Status::Success}, "C5"_ba);
        refuse("correlation not UTF-8", own, reply({{"status", "SUCCESS"}}), u"correlation data"_s,
               "\xff\xfe"_ba);
        refuse("correlation empty", own, reply({{"status", "SUCCESS"}}), u"correlation data"_s, QByteArray());
        refuse("correlation too long", own, reply({{"status", "SUCCESS"}}), u"correlation data"_s,
               QByteArray(200, 'c'));
    }

    void decodeReply()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(bool, hasCorrelation);
        QFETCH(QByteArray, correlation);
        QFETCH(bool, ok);
        QFETCH(QString, device);
        QFETCH(QString, group);
        QFETCH(QString, tid);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, result);
        QFETCH(bool, text);
        QFETCH(QString, errorPart);

        const AtlasDialect dialect;
        QString error;
        const std::optional<AtlasReply> decoded = dialect.decodeReply(
            topic, payload, &error, hasCorrelation ? std::optional<QByteArray>(correlation) : std::nullopt);
        if (!ok) {
            QVERIFY2(!decoded, qPrintable(decoded ? decoded->device : QString()));
            QVERIFY2(error.contains(errorPart), qPrintable(error));
            return;
        }
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->device, device);
        QCOMPARE(decoded->group, group);
        QCOMPARE(decoded->tid.value_or(none()), tid);
        QCOMPARE(int(decoded->status), status);
        QCOMPARE(decoded->reason, reason);
        QCOMPARE(QString::fromStdString(decoded->result.dump()), result);
        QCOMPARE(decoded->text, text);
        QCOMPARE(decoded->isFinal(), decoded->status != Status::Running);
        // Without an error pointer too.
        QVERIFY(dialect.decodeReply(topic, payload, nullptr,
                                    hasCorrelation ? std::optional<QByteArray>(correlation) : std::nullopt));
    }

    void statusNames()
    {
        QCOMPARE(AtlasReply::statusName(Status::Running), u"RUNNING"_s);
        QCOMPARE(AtlasReply::statusName(Status::Success), u"SUCCESS"_s);
        QCOMPARE(AtlasReply::statusName(Status::Failure), u"FAILURE"_s);
    }

    // The dialect against fleet-sim devices: what encodeRequest() writes is executed, and what the devices
    // answer decodes to the right statuses.
    void againstSimDevices()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        SimConfig config;
        config.prefix = u"atlas"_s;
        config.devices = 3;
        config.telemetryIntervalMs = 0;
        config.runningIntervalMs = 50;
        config.setPositionMs = 300;
        config.latencyMinMs = 0;
        config.latencyMaxMs = 5;
        config.keepAliveSeconds = 30;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        SimConfig textConfig = config;
        textConfig.prefix = u"atlastext"_s;
        textConfig.groupRequestTopic = u"textgroup/{group}/req"_s; // kept apart from the JSON devices'
        textConfig.groupResponseTopic = u"textgroup/{group}/resp"_s;
        textConfig.textModeShare = 1;

        const BrokerProfile profile = fleet::test::profileFor(broker);
        SimDevice one(1, config, profile, nullptr);
        SimDevice two(2, config, profile, nullptr);
        SimDevice text(1, textConfig, profile, nullptr);
        QVERIFY(!one.isTextMode());
        QVERIFY(text.isTextMode());
        QCOMPARE(one.group(), two.group());
        for (SimDevice *device : {&one, &two, &text}) {
            device->start();
            QVERIFY(QTest::qWaitFor([device] { return device->isOnline() && granted(*device); }, Timeout));
        }

        const AtlasDialect dialect;
        fleet::test::BrokerObserver observer(broker);
        BrokerProfile observerProfile = profile;
        observerProfile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        observer.client()->setProfile(observerProfile);
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(dialect.responseFilter()));
        QVERIFY(observer.subscribe(dialect.groupResponseFilter()));

        qsizetype seen = 0;
        // Sends cmd to device (or its group) and decodes every reply that follows, until one is final.
        const auto exchange = [&](const QString &topic, const QString &cmd, const QString &tid,
                                  const Json &params, int finals = 1) {
            QList<AtlasReply> replies;
            QByteArray correlation;
            QString error;
            const QByteArray payload = dialect.encodeRequest(cmd, tid, params, &correlation, &error);
            if (payload.isEmpty()) {
                qWarning("encodeRequest: %s", qPrintable(error));
                return replies;
            }
            MqttMessage message(topic, payload, 1);
            message.properties().correlationData = correlation;
            if (observer.client()->publish(message) <= 0)
                return replies;
            int finished = 0;
            // The replies decide, not whether the wait ran out.
            [[maybe_unused]] const bool done = QTest::qWaitFor(
                [&] {
                    const QList<MqttMessage> &messages = observer.messages();
                    for (; seen < messages.size(); ++seen) {
                        const MqttMessage &m = messages.at(seen);
                        const std::optional<AtlasReply> r = dialect.decodeReply(
                            m.topic(), m.payload(), &error, m.properties().correlationData);
                        if (!r) {
                            qWarning("undecodable reply on %s: %s (%s)", qPrintable(m.topic()),
                                     m.payload().constData(), qPrintable(error));
                            continue;
                        }
                        replies.append(*r);
                        finished += r->isFinal();
                    }
                    return finished >= finals;
                },
                Timeout);
            return replies;
        };

        // A short command on a JSON device.
        QList<AtlasReply> replies =
            exchange(*dialect.requestTopic(one.id()), u"set_led"_s, u"T-led"_s, Json{{"color", "green"}});
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, Status::Success);
        QCOMPARE(replies.first().tid, std::optional<QString>(u"T-led"_s));
        QCOMPARE(replies.first().device, one.id());
        QVERIFY(!replies.first().text);
        QCOMPARE(one.led(), u"green"_s);

        // A long one: RUNNING heartbeats, then SUCCESS.
        replies =
            exchange(*dialect.requestTopic(one.id()), u"set_position"_s, u"T-pos"_s, Json{{"position", 7}});
        QVERIFY(replies.size() >= 2);
        QCOMPARE(replies.first().status, Status::Running);
        QCOMPARE(replies.last().status, Status::Success);
        for (const AtlasReply &r : std::as_const(replies))
            QCOMPARE(r.tid, std::optional<QString>(u"T-pos"_s));
        QCOMPARE(one.position(), 7);

        // A retry with the same tid is answered, not executed again.
        const qint64 executed = one.commandsExecuted();
        replies =
            exchange(*dialect.requestTopic(one.id()), u"set_led"_s, u"T-led"_s, Json{{"color", "green"}});
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, Status::Success);
        QCOMPARE(one.commandsExecuted(), executed);

        // Refusals come back as FAILURE with a reason.
        replies = exchange(*dialect.requestTopic(one.id()), u"no_such_command"_s, u"T-bad"_s, Json::object());
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, Status::Failure);
        QVERIFY2(replies.first().reason.contains(u"no_such_command"_s), qPrintable(replies.first().reason));
        replies = exchange(*dialect.requestTopic(one.id()), u"set_led"_s, u"T-nocolor"_s, nullptr);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, Status::Failure);
        QVERIFY(!replies.first().reason.isEmpty());

        // A group command: both devices of the group answer on the group topic, each naming itself.
        replies = exchange(*dialect.groupRequestTopic(one.group()), u"motor_on"_s, u"T-group"_s, nullptr, 2);
        QCOMPARE(replies.size(), 2);
        QStringList devices;
        for (const AtlasReply &r : std::as_const(replies)) {
            QCOMPARE(r.status, Status::Success);
            QCOMPARE(r.group, one.group());
            QCOMPARE(r.tid, std::optional<QString>(u"T-group"_s));
            devices.append(r.device);
        }
        devices.sort();
        QCOMPARE(devices, (QStringList{one.id(), two.id()}));
        QVERIFY(one.motorOn() && two.motorOn());

        // The text device: plain SUCCESS / FAILURE lines with no tid, reconciled by device.
        replies =
            exchange(*dialect.requestTopic(text.id()), u"set_led"_s, u"T-text"_s, Json{{"color", "blue"}});
        QCOMPARE(replies.size(), 1);
        QVERIFY(replies.first().text);
        QCOMPARE(replies.first().status, Status::Success);
        QCOMPARE(replies.first().device, text.id());
        QCOMPARE(replies.first().tid, std::nullopt);
        QCOMPARE(text.led(), u"blue"_s);
        replies = exchange(*dialect.requestTopic(text.id()), u"set_position"_s, u"T-text2"_s,
                           Json{{"position", 200}});
        QCOMPARE(replies.size(), 1);
        QVERIFY(replies.first().text);
        QCOMPARE(replies.first().status, Status::Failure);
        QVERIFY(!replies.first().reason.isEmpty());

        // Nothing else arrived, and all of it decoded.
        QTest::qWait(QuietMs);
        QCOMPARE(observer.messages().size(), seen);
        for (const MqttMessage &m : observer.messages())
            QVERIFY2(dialect.decodeReply(m.topic(), m.payload()), m.payload().constData());

        for (SimDevice *device : {&one, &two, &text}) {
            QSignalSpy stopped(device, &SimDevice::stopped);
            device->stop();
            QVERIFY(stopped.wait(Timeout) || !stopped.isEmpty());
        }
    }

private:
    static bool granted(const SimDevice &device)
    {
        const auto subscriptions = device.client()->subscriptions();
        if (subscriptions.isEmpty() || device.client()->state() != MqttClient::State::Connected)
            return false;
        for (const auto &s : subscriptions) {
            if (s.state != MqttClient::SubscriptionState::Granted)
                return false;
        }
        return true;
    }
};

QTEST_GUILESS_MAIN(TestAtlasDialect)

#include "tst_atlasdialect.moc"
