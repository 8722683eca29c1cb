#include "commands/commandparameter.h"

#include "common/json.h"

#include <QTest>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::CommandParameter;
using fleet::Json;

namespace {

CommandParameter parse(const char *json)
{
    QString error;
    const std::optional<CommandParameter> p = CommandParameter::fromJson(Json::parse(json), &error);
    if (!p)
        qFatal("%s: %s", json, qPrintable(error));
    return *p;
}

} // namespace

class TestCommandParameter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typeNames();
    void names_data();
    void names();
    void validate_data();
    void validate();
    void normalizesIntegralFloats();
    void fromJsonFields();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void roundTrip_data();
    void roundTrip();
};

// moc does not understand raw string literals; it need not see the tests.
#ifndef Q_MOC_RUN

void TestCommandParameter::typeNames()
{
    for (auto type :
         {CommandParameter::Type::String, CommandParameter::Type::Integer, CommandParameter::Type::Number,
          CommandParameter::Type::Boolean, CommandParameter::Type::Enum}) {
        const QString name = CommandParameter::typeName(type);
        QVERIFY(!name.isEmpty());
        QCOMPARE(CommandParameter::typeFromName(name), type);
    }
    QCOMPARE(CommandParameter::typeFromName(u"int"_s), std::nullopt);
    QCOMPARE(CommandParameter::typeFromName(u"String"_s), std::nullopt);
}

void TestCommandParameter::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << u"color"_s << true;
    QTest::newRow("underscore first") << u"_x1"_s << true;
    QTest::newRow("camel") << u"telemetryIntervalMs"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit first") << u"1x"_s << false;
    QTest::newRow("dash") << u"a-b"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("brace") << u"a}"_s << false;
    QTest::newRow("too long") << QString(65, u'a') << false;
}

void TestCommandParameter::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(CommandParameter::isValidName(name), valid);
}

void TestCommandParameter::validate_data()
{
    QTest::addColumn<QByteArray>("declaration");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");

    const QByteArray color = R"({"name":"color","type":"string","minLength":1,"maxLength":5})"_ba;
    QTest::newRow("string ok") << color << R"("red")"_ba << true;
    QTest::newRow("string at max") << color << R"("green")"_ba << true;
    QTest::newRow("string too long") << color << R"("purple")"_ba << false;
    QTest::newRow("string empty") << color << R"("")"_ba << false;
    QTest::newRow("string given number") << color << "5"_ba << false;
    QTest::newRow("string given null") << color << "null"_ba << false;
    QTest::newRow("string given object") << color << R"({"a":1})"_ba << false;

    const QByteArray ms = R"({"name":"ms","type":"integer","minimum":100,"maximum":3600000})"_ba;
    QTest::newRow("integer ok") << ms << "1000"_ba << true;
    QTest::newRow("integer at minimum") << ms << "100"_ba << true;
    QTest::newRow("integer at maximum") << ms << "3600000"_ba << true;
    QTest::newRow("integer below") << ms << "99"_ba << false;
    QTest::newRow("integer above") << ms << "3600001"_ba << false;
    QTest::newRow("integral float") << ms << "1000.0"_ba << true;
    QTest::newRow("fractional") << ms << "1000.5"_ba << false;
    QTest::newRow("integer as string") << ms << R"("1000")"_ba << false;
    QTest::newRow("integer as bool") << ms << "true"_ba << false;
    QTest::newRow("negative") << ms << "-5"_ba << false;

    const QByteArray ratio = R"({"name":"ratio","type":"number","minimum":0,"maximum":1})"_ba;
    QTest::newRow("number ok") << ratio << "0.5"_ba << true;
    QTest::newRow("number integer") << ratio << "1"_ba << true;
    QTest::newRow("number above") << ratio << "1.01"_ba << false;
    QTest::newRow("number string") << ratio << R"("0.5")"_ba << false;

    const QByteArray open = R"({"name":"n","type":"number","minimum":0})"_ba;
    QTest::newRow("only minimum ok") << open << "1e300"_ba << true;
    QTest::newRow("only minimum below") << open << "-1"_ba << false;

    const QByteArray flag = R"({"name":"on","type":"boolean"})"_ba;
    QTest::newRow("boolean true") << flag << "true"_ba << true;
    QTest::newRow("boolean false") << flag << "false"_ba << true;
    QTest::newRow("boolean as 1") << flag << "1"_ba << false;
    QTest::newRow("boolean as string") << flag << R"("true")"_ba << false;

    const QByteArray mode = R"({"name":"mode","type":"enum","allowed":["fast","slow",3]})"_ba;
    QTest::newRow("enum ok") << mode << R"("fast")"_ba << true;
    QTest::newRow("enum number ok") << mode << "3"_ba << true;
    QTest::newRow("enum wrong case") << mode << R"("Fast")"_ba << false;
    QTest::newRow("enum unknown") << mode << R"("medium")"_ba << false;

    const QByteArray level = R"({"name":"level","type":"integer","allowed":[1,2,4]})"_ba;
    QTest::newRow("integer allowed") << level << "4"_ba << true;
    QTest::newRow("integer allowed as float") << level << "2.0"_ba << true;
    QTest::newRow("integer not allowed") << level << "3"_ba << false;

    const QByteArray colour = R"({"name":"c","type":"string","allowed":["red","off"]})"_ba;
    QTest::newRow("string allowed") << colour << R"("off")"_ba << true;
    QTest::newRow("string not allowed") << colour << R"("blue")"_ba << false;
}

void TestCommandParameter::validate()
{
    QFETCH(QByteArray, declaration);
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    const CommandParameter p = parse(declaration.constData());
    QString error;
    QCOMPARE(p.validate(Json::parse(value.toStdString()), &error), valid);
    if (!valid) {
        // Every refusal names the parameter, so that a form can show it next to the right field.
        QVERIFY2(error.contains(u'"' + p.name + u'"'), qPrintable(error));
    }
}

void TestCommandParameter::normalizesIntegralFloats()
{
    const CommandParameter p = parse(R"({"name":"ms","type":"integer"})");
    const Json n = p.normalized(Json::parse("1000.0"));
    QVERIFY(n.is_number_integer());
    QCOMPARE(n.get<int>(), 1000);
    const CommandParameter q = parse(R"({"name":"x","type":"number"})");
    QVERIFY(q.normalized(Json::parse("2.0")).is_number_float());
}

void TestCommandParameter::fromJsonFields()
{
    const CommandParameter p = parse(R"({"name":"ms","type":"integer","minimum":100,"maximum":500,
        "default":200.0,"required":true,"description":"Interval."})");
    QCOMPARE(p.name, u"ms"_s);
    QCOMPARE(p.type, CommandParameter::Type::Integer);
    QCOMPARE(p.minimum, 100.0);
    QCOMPARE(p.maximum, 500.0);
    QVERIFY(p.defaultValue);
    QVERIFY(p.defaultValue->is_number_integer());
    QCOMPARE(p.defaultValue->get<int>(), 200);
    QVERIFY(p.required);
    QCOMPARE(p.description, u"Interval."_s);

    const CommandParameter bare = parse(R"({"name":"c","type":"string"})");
    QVERIFY(!bare.required);
    QVERIFY(!bare.defaultValue);
    QVERIFY(!bare.minLength && !bare.maxLength && !bare.minimum && !bare.maximum);
    QVERIFY(bare.allowed.empty());
}

void TestCommandParameter::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("not an object") << R"(["color"])"_ba << u"object"_s;
    QTest::newRow("no name") << R"({"type":"string"})"_ba << u"name"_s;
    QTest::newRow("name not a string") << R"({"name":5,"type":"string"})"_ba << u"name"_s;
    QTest::newRow("invalid name") << R"({"name":"a b","type":"string"})"_ba << u"a b"_s;
    QTest::newRow("no type") << R"({"name":"x"})"_ba << u"type"_s;
    QTest::newRow("unknown type") << R"({"name":"x","type":"float"})"_ba << u"float"_s;
    QTest::newRow("unknown key") << R"({"name":"x","type":"string","format":"email"})"_ba << u"format"_s;
    QTest::newRow("minimum on string") << R"({"name":"x","type":"string","minimum":1})"_ba << u"minimum"_s;
    QTest::newRow("minLength on integer")
        << R"({"name":"x","type":"integer","minLength":1})"_ba << u"minLength"_s;
    QTest::newRow("minimum not a number")
        << R"({"name":"x","type":"number","minimum":"0"})"_ba << u"minimum"_s;
    QTest::newRow("fractional integer bound")
        << R"({"name":"x","type":"integer","maximum":1.5})"_ba << u"maximum"_s;
    QTest::newRow("minimum above maximum")
        << R"({"name":"x","type":"integer","minimum":5,"maximum":1})"_ba << u"minimum"_s;
    QTest::newRow("negative maxLength")
        << R"({"name":"x","type":"string","maxLength":-1})"_ba << u"maxLength"_s;
    QTest::newRow("minLength above maxLength")
        << R"({"name":"x","type":"string","minLength":5,"maxLength":1})"_ba << u"minLength"_s;
    QTest::newRow("enum without allowed") << R"({"name":"x","type":"enum"})"_ba << u"allowed"_s;
    QTest::newRow("empty allowed") << R"({"name":"x","type":"enum","allowed":[]})"_ba << u"allowed"_s;
    QTest::newRow("allowed not array") << R"({"name":"x","type":"enum","allowed":"a"})"_ba << u"allowed"_s;
    QTest::newRow("allowed object") << R"({"name":"x","type":"enum","allowed":[{"a":1}]})"_ba << u"allowed"_s;
    QTest::newRow("allowed on boolean")
        << R"({"name":"x","type":"boolean","allowed":[true]})"_ba << u"allowed"_s;
    QTest::newRow("allowed wrong type")
        << R"({"name":"x","type":"integer","allowed":[1,"2"]})"_ba << u"allowed"_s;
    QTest::newRow("allowed out of range")
        << R"({"name":"x","type":"integer","minimum":0,"maximum":5,"allowed":[1,9]})"_ba << u"allowed"_s;
    QTest::newRow("default wrong type")
        << R"({"name":"x","type":"integer","default":"5"})"_ba << u"default"_s;
    QTest::newRow("default out of range")
        << R"({"name":"x","type":"integer","minimum":0,"maximum":5,"default":6})"_ba << u"default"_s;
    QTest::newRow("default not allowed")
        << R"({"name":"x","type":"enum","allowed":["a"],"default":"b"})"_ba << u"default"_s;
    QTest::newRow("default null") << R"({"name":"x","type":"string","default":null})"_ba << u"default"_s;
    QTest::newRow("required not bool")
        << R"({"name":"x","type":"string","required":"yes"})"_ba << u"required"_s;
    QTest::newRow("description not string")
        << R"({"name":"x","type":"string","description":1})"_ba << u"description"_s;
}

void TestCommandParameter::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!CommandParameter::fromJson(Json::parse(json.toStdString()), &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TestCommandParameter::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("string") << R"({"name":"c","type":"string","description":"d","minLength":1,)"
                               R"("maxLength":64,"default":"off","required":true})"_ba;
    QTest::newRow("integer") << R"({"name":"ms","type":"integer","minimum":100,"maximum":3600000})"_ba;
    QTest::newRow("number") << R"({"name":"r","type":"number","minimum":0.5,"default":0.75})"_ba;
    QTest::newRow("boolean") << R"({"name":"b","type":"boolean","default":false})"_ba;
    QTest::newRow("enum") << R"({"name":"m","type":"enum","allowed":["a","b"],"default":"b"})"_ba;
}

void TestCommandParameter::roundTrip()
{
    QFETCH(QByteArray, json);
    const Json source = Json::parse(json.toStdString());
    const CommandParameter p = parse(json.constData());
    QCOMPARE(QString::fromStdString(p.toJson().dump()), QString::fromStdString(source.dump()));
}

#endif

QTEST_GUILESS_MAIN(TestCommandParameter)
#include "tst_commandparameter.moc"
