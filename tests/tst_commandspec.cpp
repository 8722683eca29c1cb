#include "commands/commandspec.h"

#include "common/json.h"

#include <QTest>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::CommandSpec;
using fleet::Json;

// moc does not understand raw string literals; it need not see the test data.
#ifndef Q_MOC_RUN
namespace {

// Json has no QTest::toString(); compared as compact text, a failure shows both documents.
QString dump(const std::optional<Json> &json)
{
    return json ? QString::fromStdString(json->dump()) : u"(none)"_s;
}

// A spec exercising every parameter type, an optional parameter, a default and nested templates.
constexpr auto Move = R"({
    "name": "move",
    "description": "Move somewhere.",
    "groupRequestTopic": "cmd/group/{group}/req",
    "payload": {"target": {"position": "${position}", "speed": "${speed}"}, "mode": "${mode}",
                "label": "to ${position} at ${speed}", "fast": "${fast}", "tags": ["${note}", "fixed"],
                "note": "${note}"},
    "parameters": [
        {"name": "position", "type": "integer", "minimum": 0, "maximum": 100, "required": true},
        {"name": "speed", "type": "number", "minimum": 0.1, "maximum": 2, "default": 1},
        {"name": "mode", "type": "enum", "allowed": ["linear", "eased"], "default": "linear"},
        {"name": "fast", "type": "boolean", "default": false},
        {"name": "note", "type": "string", "maxLength": 8}
    ],
    "timeoutMs": 30000,
    "heartbeatIntervalMs": 1000,
    "sensitive": true,
    "inverse": {"command": "move", "parameters": {"position": "${captured.motion.position}", "mode": "eased"}}
})";

CommandSpec spec(const char *json = Move)
{
    QString error;
    const std::optional<CommandSpec> s = CommandSpec::fromJson(Json::parse(json), &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

} // namespace
#endif

class TestCommandSpec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void fields();
    void buildPayload_data();
    void buildPayload();
    void scalarTemplate();
    void topics_data();
    void topics();
    void noGroupTopic();
    void tidInTopics();
    void inverse_data();
    void inverse();
    void noInverse();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void roundTrip();
    void deprecated();
    void sets_data();
    void sets();
};

// moc does not understand raw string literals; it need not see the tests.
#ifndef Q_MOC_RUN

void TestCommandSpec::defaults()
{
    const CommandSpec s = spec(R"({"name":"ping"})");
    QCOMPARE(s.name, u"ping"_s);
    QCOMPARE(s.dialect, u"atlas"_s);
    QCOMPARE(s.requestTopicTemplate, u"cmd/{device}/req"_s);
    QCOMPARE(s.responseTopicTemplate, u"cmd/{device}/resp"_s);
    QVERIFY(s.groupRequestTopicTemplate.isEmpty());
    QCOMPARE(s.contentType, u"application/json"_s);
    QCOMPARE(s.timeoutMs, CommandSpec::DefaultTimeoutMs);
    QCOMPARE(s.heartbeatIntervalMs, 0);
    QVERIFY(!s.isLongRunning());
    QVERIFY(!s.sensitive);
    QVERIFY(!s.deprecated);
    QVERIFY(!s.inverse);
    QCOMPARE(s.retry, fleet::RetryPolicy());
    QCOMPARE(dump(s.buildPayload(Json())), u"{}"_s);
    QCOMPARE(dump(s.buildPayload(Json::object())), u"{}"_s);
}

void TestCommandSpec::fields()
{
    const CommandSpec s = spec();
    QCOMPARE(s.description, u"Move somewhere."_s);
    QCOMPARE(s.parameters.size(), 5);
    QVERIFY(s.parameter(u"speed"_s));
    QVERIFY(!s.parameter(u"nope"_s));
    QVERIFY(s.isLongRunning());
    QVERIFY(s.sensitive);
    QVERIFY(s.inverse);
    QCOMPARE(s.inverse->command, u"move"_s);
}

void TestCommandSpec::buildPayload_data()
{
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::addColumn<QString>("mentions");

    QTest::newRow("required only, defaults applied")
        << R"({"position":40})"_ba
        << R"({"target":{"position":40,"speed":1},"mode":"linear","label":"to 40 at 1","fast":false,)"
           R"("tags":["fixed"]})"_ba
        << QString();
    QTest::newRow("everything given")
        << R"({"position":0,"speed":0.5,"mode":"eased","fast":true,"note":"hi"})"_ba
        << R"({"target":{"position":0,"speed":0.5},"mode":"eased","label":"to 0 at 0.5","fast":true,)"
           R"("tags":["hi","fixed"],"note":"hi"})"_ba
        << QString();
    QTest::newRow("integral float normalised")
        << R"({"position":100.0})"_ba
        << R"({"target":{"position":100,"speed":1},"mode":"linear","label":"to 100 at 1","fast":false,)"
           R"("tags":["fixed"]})"_ba
        << QString();
    QTest::newRow("placeholder-looking value is not expanded again")
        << R"({"position":1,"note":"${speed}"})"_ba
        << R"({"target":{"position":1,"speed":1},"mode":"linear","label":"to 1 at 1","fast":false,)"
           R"("tags":["${speed}","fixed"],"note":"${speed}"})"_ba
        << QString();
    QTest::newRow("missing required") << "{}"_ba << QByteArray() << u"position"_s;
    QTest::newRow("null parameters, missing required") << "null"_ba << QByteArray() << u"position"_s;
    QTest::newRow("unknown parameter")
        << R"({"position":1,"colour":"red"})"_ba << QByteArray() << u"colour"_s;
    QTest::newRow("out of range") << R"({"position":101})"_ba << QByteArray() << u"position"_s;
    QTest::newRow("below range") << R"({"position":-1})"_ba << QByteArray() << u"position"_s;
    QTest::newRow("wrong type") << R"({"position":"50"})"_ba << QByteArray() << u"position"_s;
    QTest::newRow("number out of range") << R"({"position":1,"speed":3})"_ba << QByteArray() << u"speed"_s;
    QTest::newRow("enum not allowed") << R"({"position":1,"mode":"jump"})"_ba << QByteArray() << u"mode"_s;
    QTest::newRow("boolean as string") << R"({"position":1,"fast":"yes"})"_ba << QByteArray() << u"fast"_s;
    QTest::newRow("string too long") << R"({"position":1,"note":"123456789"})"_ba << QByteArray()
                                     << u"note"_s;
    QTest::newRow("explicit null") << R"({"position":null})"_ba << QByteArray() << u"position"_s;
    QTest::newRow("parameters not an object") << "[40]"_ba << QByteArray() << u"object"_s;
}

void TestCommandSpec::buildPayload()
{
    QFETCH(QByteArray, parameters);
    QFETCH(QByteArray, expected);
    QFETCH(QString, mentions);
    QString error;
    const std::optional<Json> payload = spec().buildPayload(Json::parse(parameters.toStdString()), &error);
    if (expected.isEmpty()) {
        QVERIFY(!payload);
        QVERIFY2(error.contains(mentions), qPrintable(error));
    } else {
        QVERIFY2(payload, qPrintable(error));
        QCOMPARE(QString::fromStdString(payload->dump()),
                 QString::fromStdString(Json::parse(expected.toStdString()).dump()));
    }
}

void TestCommandSpec::scalarTemplate()
{
    // A whole-payload placeholder keeps its type; text dialects use a string template.
    const CommandSpec whole = spec(R"({"name":"n","payload":"${n}",
        "parameters":[{"name":"n","type":"integer","required":true}]})");
    QCOMPARE(dump(whole.buildPayload(Json::parse(R"({"n":5})"))), u"5"_s);
    const CommandSpec text = spec(R"({"name":"t","dialect":"atlas-text","contentType":"text/plain",
        "payload":"set ${n}!","parameters":[{"name":"n","type":"integer","required":true}]})");
    QCOMPARE(dump(text.buildPayload(Json::parse(R"({"n":7})"))), u"\"set 7!\""_s);
    QCOMPARE(text.dialect, u"atlas-text"_s);
    QCOMPARE(text.contentType, u"text/plain"_s);
    const CommandSpec optional = spec(R"({"name":"o","payload":"${n}",
        "parameters":[{"name":"n","type":"integer"}]})");
    QCOMPARE(dump(optional.buildPayload(Json::object())), u"null"_s);
}

void TestCommandSpec::topics_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"sim-1"_s << true;
    QTest::newRow("unicode") << u"gerät-ü"_s << true;
    QTest::newRow("spaces") << u"a b"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("plus") << u"+"_s << false;
    QTest::newRow("plus inside") << u"sim+1"_s << false;
    QTest::newRow("hash") << u"#"_s << false;
    QTest::newRow("hash inside") << u"sim#1"_s << false;
    QTest::newRow("slash") << u"sim/1"_s << false;
    QTest::newRow("NUL") << u"sim"_s + QChar(0) << false;
}

void TestCommandSpec::topics()
{
    QFETCH(QString, device);
    QFETCH(bool, valid);
    const CommandSpec s = spec();
    QString error;
    const QString request = s.requestTopic(device, &error);
    QCOMPARE(!request.isEmpty(), valid);
    QCOMPARE(error.isEmpty(), valid);
    error.clear();
    const QString response = s.responseTopic(device, &error);
    QCOMPARE(!response.isEmpty(), valid);
    QCOMPARE(error.isEmpty(), valid);
    error.clear();
    const QString group = s.groupRequestTopic(device, &error);
    QCOMPARE(!group.isEmpty(), valid);
    QCOMPARE(CommandSpec::isValidTopicId(device), valid);
    if (valid) {
        QCOMPARE(request, u"cmd/"_s + device + u"/req"_s);
        QCOMPARE(response, u"cmd/"_s + device + u"/resp"_s);
        QCOMPARE(group, u"cmd/group/"_s + device + u"/req"_s);
    }
}

void TestCommandSpec::noGroupTopic()
{
    QString error;
    QVERIFY(spec(R"({"name":"x"})").groupRequestTopic(u"g"_s, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestCommandSpec::tidInTopics()
{
    const CommandSpec s = spec(R"({"name":"aws","dialect":"aws-commands",
        "requestTopic":"$aws/commands/things/{device}/executions/{tid}/request/json",
        "responseTopic":"$aws/commands/things/{device}/executions/{tid}/response/accepted/json"})");
    QString error;
    QVERIFY(s.requestTopic(u"thing"_s, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(s.requestTopic(u"thing"_s, nullptr, u"e1"_s),
             u"$aws/commands/things/thing/executions/e1/request/json"_s);
    QVERIFY(s.requestTopic(u"thing"_s, nullptr, u"e/1"_s).isEmpty());
    QVERIFY(s.requestTopic(u"thing"_s, nullptr, u"+"_s).isEmpty());
    // Without a tid, the response topic is the filter matching every execution's.
    QCOMPARE(s.responseTopic(u"thing"_s),
             u"$aws/commands/things/thing/executions/+/response/accepted/json"_s);
    QCOMPARE(s.responseTopic(u"thing"_s, nullptr, u"e1"_s),
             u"$aws/commands/things/thing/executions/e1/response/accepted/json"_s);
}

void TestCommandSpec::inverse_data()
{
    QTest::addColumn<QByteArray>("captured");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::newRow("captured") << R"({"motion":{"position":30},"led":"red"})"_ba
                              << R"({"position":30,"mode":"eased"})"_ba;
    QTest::newRow("captured zero") << R"({"motion":{"position":0}})"_ba
                                   << R"({"position":0,"mode":"eased"})"_ba;
    QTest::newRow("missing leaf") << R"({"motion":{}})"_ba << QByteArray();
    QTest::newRow("missing branch") << R"({"led":"red"})"_ba << QByteArray();
    QTest::newRow("null leaf") << R"({"motion":{"position":null}})"_ba << QByteArray();
    QTest::newRow("branch not an object") << R"({"motion":5})"_ba << QByteArray();
    QTest::newRow("state not an object") << "[1]"_ba << QByteArray();
    QTest::newRow("null state") << "null"_ba << QByteArray();
}

void TestCommandSpec::inverse()
{
    QFETCH(QByteArray, captured);
    QFETCH(QByteArray, expected);
    QString error;
    const std::optional<Json> p = spec().inverseParameters(Json::parse(captured.toStdString()), &error);
    if (expected.isEmpty()) {
        QVERIFY(!p);
        QVERIFY2(error.contains(u"motion.position"_s), qPrintable(error));
    } else {
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(dump(p), dump(Json::parse(expected.toStdString())));
        // The resolved parameters are what the inverse command accepts.
        QVERIFY(spec().buildPayload(*p));
    }
}

void TestCommandSpec::noInverse()
{
    QString error;
    QVERIFY(!spec(R"({"name":"x"})").inverseParameters(Json::object(), &error));
    QVERIFY(!error.isEmpty());
}

void TestCommandSpec::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("not an object") << R"("reboot")"_ba << u"object"_s;
    QTest::newRow("no name") << R"({"description":"x"})"_ba << u"name"_s;
    QTest::newRow("bad name") << R"({"name":"re boot"})"_ba << u"re boot"_s;
    QTest::newRow("empty name") << R"({"name":""})"_ba << u"name"_s;
    QTest::newRow("unknown key") << R"({"name":"x","timeout":5})"_ba << u"timeout"_s;
    QTest::newRow("unknown dialect") << R"({"name":"x","dialect":"azure"})"_ba << u"dialect"_s;
    QTest::newRow("dialect not string") << R"({"name":"x","dialect":1})"_ba << u"dialect"_s;
    QTest::newRow("description not string") << R"({"name":"x","description":[]})"_ba << u"description"_s;
    QTest::newRow("wildcard in topic")
        << R"({"name":"x","requestTopic":"cmd/+/{device}"})"_ba << u"requestTopic"_s;
    QTest::newRow("hash in topic") << R"({"name":"x","responseTopic":"cmd/{device}/#"})"_ba
                                   << u"responseTopic"_s;
    QTest::newRow("topic without device") << R"({"name":"x","requestTopic":"cmd/req"})"_ba << u"{device}"_s;
    QTest::newRow("unknown placeholder")
        << R"({"name":"x","requestTopic":"cmd/{device}/{id}"})"_ba << u"{id}"_s;
    QTest::newRow("group in device topic")
        << R"({"name":"x","requestTopic":"cmd/{device}/{group}"})"_ba << u"{group}"_s;
    QTest::newRow("unclosed brace") << R"({"name":"x","requestTopic":"cmd/{device"})"_ba << u"'{'"_s;
    QTest::newRow("empty topic") << R"({"name":"x","responseTopic":""})"_ba << u"responseTopic"_s;
    QTest::newRow("group topic without group")
        << R"({"name":"x","groupRequestTopic":"cmd/{device}"})"_ba << u"groupRequestTopic"_s;
    QTest::newRow("parameters not array") << R"({"name":"x","parameters":{}})"_ba << u"parameters"_s;
    QTest::newRow("bad parameter") << R"({"name":"x","parameters":[{"name":"a","type":"int"}]})"_ba
                                   << u"\"parameters\"[0]"_s;
    QTest::newRow("duplicate parameter")
        << R"({"name":"x","payload":"${a}","parameters":[{"name":"a","type":"string"},)"
           R"({"name":"a","type":"integer"}]})"_ba
        << u"twice"_s;
    QTest::newRow("placeholder without parameter")
        << R"({"name":"x","payload":{"c":"${colour}"}})"_ba << u"colour"_s;
    QTest::newRow("unused parameter")
        << R"({"name":"x","parameters":[{"name":"a","type":"string"}]})"_ba << u"\"a\""_s;
    QTest::newRow("unclosed placeholder")
        << R"({"name":"x","payload":"${a","parameters":[{"name":"a","type":"string"}]})"_ba << u"payload"_s;
    QTest::newRow("content type empty") << R"({"name":"x","contentType":""})"_ba << u"contentType"_s;
    QTest::newRow("sensitive not bool") << R"({"name":"x","sensitive":1})"_ba << u"sensitive"_s;
    QTest::newRow("deprecated not bool") << R"({"name":"x","deprecated":"yes"})"_ba << u"deprecated"_s;
    QTest::newRow("timeout zero") << R"({"name":"x","timeoutMs":0})"_ba << u"timeoutMs"_s;
    QTest::newRow("timeout string") << R"({"name":"x","timeoutMs":"10s"})"_ba << u"timeoutMs"_s;
    QTest::newRow("timeout fractional") << R"({"name":"x","timeoutMs":1.5})"_ba << u"timeoutMs"_s;
    QTest::newRow("heartbeat negative")
        << R"({"name":"x","heartbeatIntervalMs":-1})"_ba << u"heartbeatIntervalMs"_s;
    QTest::newRow("heartbeat not below timeout")
        << R"({"name":"x","timeoutMs":1000,"heartbeatIntervalMs":1000})"_ba << u"heartbeatIntervalMs"_s;
    QTest::newRow("bad retry") << R"({"name":"x","retry":{"attempts":0}})"_ba << u"retry"_s;
    QTest::newRow("retry unknown key") << R"({"name":"x","retry":{"tries":2}})"_ba << u"tries"_s;
    QTest::newRow("inverse not object") << R"({"name":"x","inverse":"y"})"_ba << u"inverse"_s;
    QTest::newRow("inverse without command")
        << R"({"name":"x","inverse":{"parameters":{}}})"_ba << u"command"_s;
    QTest::newRow("inverse unknown key")
        << R"({"name":"x","inverse":{"command":"y","undo":1}})"_ba << u"undo"_s;
    QTest::newRow("inverse parameters not object")
        << R"({"name":"x","inverse":{"command":"y","parameters":[]}})"_ba << u"parameters"_s;
    QTest::newRow("inverse bad capture")
        << R"({"name":"x","inverse":{"command":"y","parameters":{"a":"${led}"}}})"_ba << u"captured"_s;
    QTest::newRow("inverse empty path")
        << R"({"name":"x","inverse":{"command":"y","parameters":{"a":"${captured.}"}}})"_ba << u"captured"_s;
    QTest::newRow("inverse embedded capture")
        << R"({"name":"x","inverse":{"command":"y","parameters":{"a":"x${captured.a}"}}})"_ba
        << u"captured"_s;
    QTest::newRow("sets not object") << R"({"name":"x","sets":["led"]})"_ba << u"sets"_s;
    QTest::newRow("sets empty key") << R"({"name":"x","sets":{"":"on"}})"_ba << u"sets"_s;
    QTest::newRow("sets empty path part")
        << R"({"name":"x","sets":{"config..mode":"on"}})"_ba << u"config..mode"_s;
    QTest::newRow("sets unknown placeholder")
        << R"({"name":"x","sets":{"led":"${colour}"}})"_ba << u"colour"_s;
    QTest::newRow("sets unclosed placeholder")
        << R"({"name":"x","payload":"${a}","parameters":[{"name":"a","type":"string"}],)"
           R"("sets":{"led":"${a"}})"_ba
        << u"sets"_s;
    QTest::newRow("replacement without deprecated")
        << R"({"name":"x","replacement":"y"})"_ba << u"replacement"_s;
    QTest::newRow("replacement is itself")
        << R"({"name":"x","deprecated":true,"replacement":"x"})"_ba << u"replacement"_s;
}

void TestCommandSpec::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!CommandSpec::fromJson(Json::parse(json.toStdString()), &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestCommandSpec::roundTrip()
{
    const CommandSpec s = spec();
    QString error;
    const std::optional<CommandSpec> back = CommandSpec::fromJson(s.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(dump(back->toJson()), dump(s.toJson()));
    QCOMPARE(back->inverse, s.inverse);
}

void TestCommandSpec::sets_data()
{
    QTest::addColumn<QByteArray>("parameters");
    QTest::addColumn<QByteArray>("expected"); // empty: refused

    QTest::newRow("typed value and literal, nested path")
        << R"({"position":40})"_ba
        << R"({"motion.position":40,"motion.mode":"linear","label":"at 40"})"_ba;
    QTest::newRow("optional left out, its key too")
        << R"({"position":0,"mode":"eased","note":"hi"})"_ba
        << R"({"motion.position":0,"motion.mode":"eased","label":"at 0","note":"hi"})"_ba;
    QTest::newRow("refused like the payload") << R"({"position":101})"_ba << QByteArray();
    QTest::newRow("unknown parameter") << R"({"position":1,"x":1})"_ba << QByteArray();
}

void TestCommandSpec::sets()
{
    QFETCH(QByteArray, parameters);
    QFETCH(QByteArray, expected);
    // "sets" need not use every parameter (speed, fast), unlike the payload.
    Json json = Json::parse(std::string(Move));
    json["sets"] = Json{{"motion.position", "${position}"},
                        {"motion.mode", "${mode}"},
                        {"label", "at ${position}"},
                        {"note", "${note}"}};
    QString error;
    const std::optional<CommandSpec> s = CommandSpec::fromJson(json, &error);
    QVERIFY2(s, qPrintable(error));
    const std::optional<Json> set = s->stateSet(Json::parse(parameters.toStdString()), &error);
    if (expected.isEmpty()) {
        QVERIFY(!set);
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(dump(set), dump(Json::parse(expected.toStdString())));

    // Kept by a round trip; absent from a command without it, which sets nothing.
    const std::optional<CommandSpec> back = CommandSpec::fromJson(s->toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(dump(back->setsTemplate), dump(s->setsTemplate));
    QVERIFY(!spec().toJson().contains("sets"));
    QCOMPARE(dump(spec().stateSet(Json{{"position", 1}})), u"{}"_s);
}

void TestCommandSpec::deprecated()
{
    const CommandSpec s = spec(R"({"name":"old","deprecated":true,"replacement":"new"})");
    QVERIFY(s.deprecated);
    QCOMPARE(s.replacement, u"new"_s);
}

#endif

QTEST_GUILESS_MAIN(TestCommandSpec)
#include "tst_commandspec.moc"
