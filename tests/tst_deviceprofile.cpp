// DeviceProfile: reading a catalog's "devices" entry (and every way it can be wrong), which devices it
// matches, and what it makes of each kind of command; the catalog's lookup through its profiles.

#include "commands/commandcatalog.h"
#include "commands/deviceprofile.h"
#include "common/json.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::CommandSpec;
using fleet::DeviceProfile;
using fleet::Json;

namespace {

DeviceProfile profile(const char *json)
{
    QString error;
    std::optional<DeviceProfile> p = DeviceProfile::fromJson(Json::parse(json), &error);
    if (!p)
        qFatal("%s: %s", json, qPrintable(error));
    return *p;
}

QString refusal(const char *json)
{
    QString error;
    if (DeviceProfile::fromJson(Json::parse(json), &error))
        return u"(accepted)"_s;
    return error;
}

CommandSpec spec(const char *json)
{
    QString error;
    std::optional<CommandSpec> s = CommandSpec::fromJson(Json::parse(json), &error);
    if (!s)
        qFatal("%s: %s", json, qPrintable(error));
    return *s;
}

} // namespace

class TestDeviceProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void globMatch_data();
    void globMatch();
    void matchesByDeviceGroupOrPattern();
    void refusesWhatItCannotUse_data();
    void refusesWhatItCannotUse();
    void atlasProfileRewritesTopicsAndForm();
    void awsProfileTakesOnlyAwsCommands();
    void roundTripsThroughJson();
    void catalogFindsEachDevicesForm();
    void defaultCatalogMixesTheDialects();
};

void TestDeviceProfile::globMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    QTest::newRow("literal") << u"dev-1"_s << u"dev-1"_s << true;
    QTest::newRow("literal, other") << u"dev-1"_s << u"dev-10"_s << false;
    QTest::newRow("star suffix") << u"sample-*"_s << u"sample-12"_s << true;
    QTest::newRow("star empty") << u"sample-*"_s << u"sample-"_s << true;
    QTest::newRow("star, other prefix") << u"sample-*"_s << u"dev-1"_s << false;
    QTest::newRow("star middle") << u"a*z"_s << u"abcz"_s << true;
    QTest::newRow("star middle, no end") << u"a*z"_s << u"abc"_s << false;
    QTest::newRow("question") << u"dev-?"_s << u"dev-7"_s << true;
    QTest::newRow("question, two") << u"dev-?"_s << u"dev-17"_s << false;
    QTest::newRow("backtracks") << u"*-x-*"_s << u"a-x-b-x-c"_s << true;
    QTest::newRow("only star") << u"*"_s << u""_s << true;
    QTest::newRow("star in the id") << u"a*"_s << u"a*b"_s << true;
    QTest::newRow("many stars, long text") << u"*a*a*a*a*b"_s << QString(5000, u'a') << false;
}

void TestDeviceProfile::globMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(DeviceProfile::globMatch(pattern, text), matches);
}

void TestDeviceProfile::matchesByDeviceGroupOrPattern()
{
    const DeviceProfile byId = profile(R"({"device": "pump-3", "dialect": "atlas-text"})");
    QVERIFY(byId.matches(u"pump-3"_s));
    QVERIFY(!byId.matches(u"pump-30"_s));
    const DeviceProfile byGroup = profile(R"({"group": "legacy", "dialect": "atlas-text"})");
    QVERIFY(byGroup.matches(u"anything"_s, {u"group-1"_s, u"legacy"_s}));
    QVERIFY(!byGroup.matches(u"legacy"_s, {u"group-1"_s})); // a group, not an id
    const DeviceProfile byPattern = profile(R"({"pattern": "design-*", "dialect": "atlas"})");
    QVERIFY(byPattern.matches(u"design-2"_s));
    QVERIFY(!byPattern.matches(u"dev-2"_s, {u"design-*"_s}));
}

void TestDeviceProfile::refusesWhatItCannotUse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not an object") << "[]"_ba << u"must be an object"_s;
    QTest::newRow("no match key") << R"({"dialect": "atlas"})"_ba << u"exactly one of"_s;
    QTest::newRow("two match keys") << R"({"device": "a", "pattern": "b*", "dialect": "atlas"})"_ba
                                    << u"exactly one of"_s;
    QTest::newRow("no dialect") << R"({"device": "a"})"_ba << u"\"dialect\" is missing"_s;
    QTest::newRow("unknown dialect") << R"({"device": "a", "dialect": "modbus"})"_ba << u"must be one of"_s;
    QTest::newRow("wildcard id") << R"({"device": "dev/+", "dialect": "atlas"})"_ba << u"no '/', '+'"_s;
    QTest::newRow("slash in pattern") << R"({"pattern": "a/*", "dialect": "atlas"})"_ba << u"no '/', '+'"_s;
    QTest::newRow("empty group") << R"({"group": "", "dialect": "atlas"})"_ba << u"must be 1 to"_s;
    QTest::newRow("topic wildcard")
        << R"({"device": "a", "dialect": "atlas", "requestTopic": "x/+/{device}"})"_ba
        << u"must not contain"_s;
    QTest::newRow("topic without device")
        << R"({"device": "a", "dialect": "atlas", "responseTopic": "x/ack"})"_ba << u"must name {device}"_s;
    QTest::newRow("group topic without group")
        << R"({"device": "a", "dialect": "atlas", "groupResponseTopic": "x/{device}"})"_ba << u"{group}"_s;
    QTest::newRow("number") << R"({"device": 3, "dialect": "atlas"})"_ba << u"must be a string"_s;
    QTest::newRow("unknown key") << R"({"device": "a", "dialect": "atlas", "topic": "x"})"_ba
                                 << u"Unknown key \"topic\""_s;
    QTest::newRow("aws with topics")
        << R"({"pattern": "t-*", "dialect": "aws-commands", "requestTopic": "x/{device}"})"_ba
        << u"takes no topics"_s;
    QTest::newRow("tid in a reply topic")
        << R"({"device": "a", "dialect": "atlas", "responseTopic": "x/{device}/{tid}"})"_ba << u"{tid}"_s;
    QTest::newRow("aws by group") << R"({"group": "things", "dialect": "aws-commands"})"_ba
                                  << u"not a group"_s;
}

void TestDeviceProfile::refusesWhatItCannotUse()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QString error = refusal(json.constData());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestDeviceProfile::atlasProfileRewritesTopicsAndForm()
{
    const CommandSpec setLed = spec(R"({"name": "set_led", "payload": {"color": "${color}"},
        "parameters": [{"name": "color", "type": "string", "required": true}],
        "groupRequestTopic": "cmd/group/{group}/req"})");
    const DeviceProfile design = profile(R"({"pattern": "design-*", "dialect": "atlas",
        "requestTopic": "commands/{device}", "responseTopic": "commands/{device}/ack", "groupRequestTopic": ""})");
    const std::optional<CommandSpec> d = design.apply(setLed);
    QVERIFY(d);
    QCOMPARE(d->dialect, u"atlas"_s);
    QCOMPARE(d->requestTopic(u"design-1"_s), u"commands/design-1"_s);
    QCOMPARE(d->responseTopic(u"design-1"_s), u"commands/design-1/ack"_s);
    QVERIFY(d->groupRequestTopicTemplate.isEmpty()); // given empty: no group sends
    QVERIFY(d->payloadTemplate == setLed.payloadTemplate);

    const DeviceProfile text = profile(R"({"pattern": "sample-*", "dialect": "atlas-text"})");
    const std::optional<CommandSpec> t = text.apply(setLed);
    QVERIFY(t);
    QCOMPARE(t->dialect, u"atlas-text"_s);
    QCOMPARE(t->requestTopicTemplate, setLed.requestTopicTemplate); // left out: the command's own
    QCOMPARE(t->groupRequestTopicTemplate, setLed.groupRequestTopicTemplate);
    QCOMPARE(t->textRequest(Json{{"color", "red"}}), R"(set_led {"color":"red"})"_ba);
    QCOMPARE(t->contentType, u"text/plain"_s);
    // A profile's group topic does not make a command the catalog keeps from groups sendable to one.
    const DeviceProfile broadcast = profile(R"({"group": "device_status", "dialect": "atlas-text",
        "groupRequestTopic": "{group}/request", "groupResponseTopic": "{group}/response"})");
    QCOMPARE(broadcast.apply(setLed)->groupRequestTopic(u"device_status"_s), u"device_status/request"_s);
    QVERIFY(broadcast.apply(spec(R"({"name": "solo"})"))->groupRequestTopicTemplate.isEmpty());
    const CommandSpec reboot = spec(R"({"name": "reboot"})");
    QCOMPARE(reboot.textRequest(Json::object()), "reboot"_ba);
    const CommandSpec light = spec(R"({"name": "light", "payload": "light: ${state}",
        "parameters": [{"name": "state", "type": "string", "required": true}]})");
    QCOMPARE(light.textRequest(*light.buildPayload(Json{{"state", "on"}})), "light: on"_ba);

    const CommandSpec show = spec(R"({"name": "show_message", "dialect": "aws-commands",
        "requestTopic": "$aws/commands/things/{device}/executions/{tid}/request/json",
        "responseTopic": "$aws/commands/things/{device}/executions/{tid}/response/json"})");
    QString why;
    QVERIFY(!text.apply(show, &why));
    QVERIFY2(why.contains(u"is an AWS IoT command"_s), qPrintable(why));
}

void TestDeviceProfile::awsProfileTakesOnlyAwsCommands()
{
    const DeviceProfile thing = profile(R"({"pattern": "thing-*", "dialect": "aws-commands"})");
    QString why;
    QVERIFY(!thing.apply(spec(R"({"name": "reboot"})"), &why));
    QVERIFY2(why.contains(u"not an AWS IoT command"_s), qPrintable(why));
    const CommandSpec show = spec(R"({"name": "show_message", "dialect": "aws-commands",
        "requestTopic": "$aws/commands/things/{device}/executions/{tid}/request/json",
        "responseTopic": "$aws/commands/things/{device}/executions/{tid}/response/json"})");
    const std::optional<CommandSpec> same = thing.apply(show);
    QVERIFY(same);
    QCOMPARE(same->requestTopicTemplate, show.requestTopicTemplate);
}

void TestDeviceProfile::roundTripsThroughJson()
{
    const char *json = R"({"group": "device_status", "dialect": "atlas-text",
        "groupRequestTopic": "{group}/request", "groupResponseTopic": "{group}/response"})";
    const DeviceProfile p = profile(json);
    QVERIFY(p.toJson() == Json::parse(json));
    QVERIFY(profile(R"({"pattern": "d-*", "dialect": "atlas", "groupRequestTopic": ""})").toJson() ==
            Json::parse(R"({"pattern": "d-*", "dialect": "atlas", "groupRequestTopic": ""})"));
}

void TestDeviceProfile::catalogFindsEachDevicesForm()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(R"({"version": 1,
        "commands": [{"name": "reboot", "groupRequestTopic": "cmd/group/{group}/req"}],
        "devices": [{"device": "odd-1", "dialect": "atlas", "requestTopic": "odd/{device}"},
                    {"pattern": "odd-*", "dialect": "atlas-text"},
                    {"group": "legacy", "dialect": "atlas-text"},
                    {"pattern": "thing-*", "dialect": "aws-commands"}]})",
                                                                           &error);
    QVERIFY2(catalog, qPrintable(error));
    // First match wins.
    QCOMPARE(catalog->find(u"reboot"_s, u"odd-1"_s, {})->requestTopic(u"odd-1"_s), u"odd/odd-1"_s);
    QCOMPARE(catalog->find(u"reboot"_s, u"odd-2"_s, {})->dialect, u"atlas-text"_s);
    QCOMPARE(catalog->find(u"reboot"_s, u"dev-1"_s, {u"legacy"_s})->dialect, u"atlas-text"_s);
    QCOMPARE(catalog->find(u"reboot"_s, u"dev-1"_s, {})->dialect, u"atlas"_s);
    QCOMPARE(catalog->find(u"reboot"_s, u"dev-1"_s, {}), catalog->find(u"reboot"_s));
    QVERIFY(!catalog->find(u"reboot"_s, u"thing-1"_s, {}, &error));
    QVERIFY2(error.contains(u"not an AWS IoT command"_s), qPrintable(error));
    QVERIFY(!catalog->find(u"nope"_s, u"dev-1"_s, {}, &error));
    QVERIFY2(error.contains(u"Unknown command"_s), qPrintable(error));
    QCOMPARE(catalog->profileFor(u"odd-9"_s)->dialect, u"atlas-text"_s);
    QVERIFY(!catalog->profileFor(u"dev-9"_s));
    // Every form: the command's own and one per profile that takes it.
    QCOMPARE(catalog->forms().size(), 4);
    // Written back, it reads the same.
    const std::optional<CommandCatalog> again = CommandCatalog::fromJson(catalog->toJson(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->profiles().size(), 4);
    QCOMPARE(again->toJson(), catalog->toJson());

    QVERIFY(!CommandCatalog::fromJson(R"({"version": 1, "commands": [], "devices": {}})", &error));
    QVERIFY2(error.contains(u"\"devices\" must be an array"_s), qPrintable(error));
    QVERIFY(
        !CommandCatalog::fromJson(R"({"version": 1, "commands": [], "devices": [{"device": "a"}]})", &error));
    QVERIFY2(error.contains(u"Device profile 0"_s), qPrintable(error));
}

void TestDeviceProfile::defaultCatalogMixesTheDialects()
{
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    QCOMPARE(catalog.find(u"set_led"_s, u"sample-1"_s, {})->dialect, u"atlas-text"_s);
    QCOMPARE(catalog.find(u"set_led"_s, u"design-1"_s, {})->requestTopic(u"design-1"_s),
             u"commands/design-1"_s);
    QCOMPARE(catalog.find(u"set_led"_s, u"design-1"_s, {})->responseTopic(u"design-1"_s),
             u"commands/design-1/ack"_s);
    QCOMPARE(catalog.find(u"set_led"_s, u"dev-1"_s, {})->requestTopic(u"dev-1"_s), u"cmd/dev-1/req"_s);
    QVERIFY(!catalog.find(u"set_led"_s, u"thing-1"_s, {}));
    QVERIFY(!catalog.find(u"set_led"_s, u"aws-thing-1"_s, {}));
    QCOMPARE(catalog.find(u"show_message"_s, u"thing-1"_s, {})->dialect, u"aws-commands"_s);
    QVERIFY(!catalog.find(u"show_message"_s, u"sample-1"_s, {}));
    // The seed's broadcast layout: device_status/request → device_status/response.
    const CommandSpec *broadcast = catalog.find(u"set_led"_s, {}, {u"device_status"_s});
    QCOMPARE(broadcast->groupRequestTopic(u"device_status"_s), u"device_status/request"_s);
    QCOMPARE(broadcast->groupResponseTopicTemplate, u"{group}/response"_s);
}

QTEST_GUILESS_MAIN(TestDeviceProfile)
#include "tst_deviceprofile.moc"
