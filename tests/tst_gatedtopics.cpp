// GatedTopics: which topics belong to fleet-hub's command gate. Every form of the default catalog's request
// topics is recognised with its device (or group) and dialect, a profile's layout only for the devices it is
// about; the AWS IoT commands, shadow and Azure layouts by their shape; and nothing that merely looks like
// one (another level count, a suffix, a response topic, an empty or wildcard id) is taken for a request
// topic. Templates are inverted exactly: placeholders inside a level, repeated ids, {tid} levels.

#include "commands/commandcatalog.h"
#include "commands/gatedtopics.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::GatedTopics;
using Kind = GatedTopics::Kind;

Q_DECLARE_METATYPE(GatedTopics::Kind)

class TestGatedTopics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultCatalog_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("id"); // the device, or the group of a group request
        QTest::addColumn<QString>("dialect");

        // Command request topics, in every form the catalog sends commands.
        QTest::newRow("atlas device")
            << u"cmd/dev-7/req"_s << Kind::CommandRequest << u"dev-7"_s << u"atlas"_s;
        QTest::newRow("sample device (atlas-text profile)")
            << u"cmd/sample-3/req"_s << Kind::CommandRequest << u"sample-3"_s << u"atlas-text"_s;
        QTest::newRow("design page layout (profile topic)")
            << u"commands/design-2"_s << Kind::CommandRequest << u"design-2"_s << u"atlas"_s;
        QTest::newRow("an AWS thing on the Atlas topic")
            << u"cmd/thing-1/req"_s << Kind::CommandRequest << u"thing-1"_s << u"aws-commands"_s;
        QTest::newRow("an Azure device on the Atlas topic")
            << u"cmd/az-1/req"_s << Kind::CommandRequest << u"az-1"_s << u"azure-methods"_s;
        QTest::newRow("odd but valid id")
            << u"cmd/dev.7:x_y$/req"_s << Kind::CommandRequest << u"dev.7:x_y$"_s << u"atlas"_s;
        QTest::newRow("group request")
            << u"cmd/group/line-2/req"_s << Kind::GroupRequest << u"line-2"_s << u"atlas"_s;
        QTest::newRow("seed broadcast (group profile)")
            << u"device_status/request"_s << Kind::GroupRequest << u"device_status"_s << u"atlas-text"_s;
        QTest::newRow("AWS IoT command request, json")
            << u"$aws/commands/things/thing-1/executions/e-1/request/json"_s << Kind::AwsCommandRequest
            << u"thing-1"_s << u"aws-commands"_s;
        QTest::newRow("AWS IoT command request, no suffix")
            << u"$aws/commands/things/thing-1/executions/e-1/request"_s << Kind::AwsCommandRequest
            << u"thing-1"_s << u"aws-commands"_s;
        QTest::newRow("AWS IoT command request, by client id")
            << u"$aws/commands/clients/client-9/executions/e-1/request/cbor"_s << Kind::AwsCommandRequest
            << u"client-9"_s << u"aws-commands"_s;
        // Shadows.
        QTest::newRow("shadow update")
            << u"$aws/things/dev-1/shadow/update"_s << Kind::ShadowRequest << u"dev-1"_s << QString();
        QTest::newRow("named shadow update") << u"$aws/things/dev-1/shadow/name/config/update"_s
                                             << Kind::ShadowRequest << u"dev-1"_s << QString();
        QTest::newRow("shadow get") << u"$aws/things/dev-1/shadow/get"_s << Kind::ShadowRequest << u"dev-1"_s
                                    << QString();
        QTest::newRow("shadow delta (the service's)")
            << u"$aws/things/dev-1/shadow/update/delta"_s << Kind::ShadowReply << u"dev-1"_s << QString();
        // Azure IoT Hub.
        QTest::newRow("device twin patch") << u"$iothub/twin/PATCH/properties/reported/?$rid=1"_s
                                           << Kind::AzureTwin << QString() << QString();
        QTest::newRow("direct method")
            << u"$iothub/methods/POST/reboot/?$rid=4"_s << Kind::AzureMethod << QString() << QString();
        QTest::newRow("hub twin") << u"$fleet/twins/az-1/update"_s << Kind::AzureTwin << u"az-1"_s
                                  << QString();
        QTest::newRow("hub method") << u"fleet/azure-methods/invoke/alice/r-1"_s << Kind::AzureMethod
                                    << QString() << QString();
        QTest::newRow("cloud to device") << u"devices/az-1/messages/devicebound/%24.mid=1"_s
                                         << Kind::AzureCloudToDevice << u"az-1"_s << u"azure-methods"_s;
        // The gate's own.
        QTest::newRow("gate submit") << u"fleet/gate/submit/alice/cmd/dev-1/req"_s << Kind::GateService
                                     << QString() << QString();
        QTest::newRow("gate decision")
            << u"fleet/gate/decisions/alice/x/bob"_s << Kind::GateService << QString() << QString();
        QTest::newRow("AWS command start")
            << u"fleet/aws-commands/start/alice/t-1"_s << Kind::GateService << QString() << QString();
        QTest::newRow("hub's Azure conversation")
            << u"$fleet/iothub-to/az-1/x"_s << Kind::GateService << QString() << QString();

        // Look-alikes: none is a request topic.
        const auto none = [](const char *name, const QString &topic) {
            QTest::newRow(name) << topic << Kind::None << QString() << QString();
        };
        none("one level more", u"cmd/dev-1/req/x"_s);
        none("suffix in a level", u"cmd/dev-1/reqs"_s);
        none("prefix in a level", u"xcmd/dev-1/req"_s);
        none("case", u"Cmd/dev-1/req"_s);
        none("empty device level", u"cmd//req"_s);
        none("no request level", u"cmd/dev-1"_s);
        none("the response topic", u"cmd/dev-1/resp"_s);
        none("leading slash", u"/cmd/dev-1/req"_s);
        none("trailing slash", u"cmd/dev-1/req/"_s);
        none("a profile's layout for a device it is not about", u"commands/dev-1"_s);
        none("the profile's ack topic", u"commands/design-2/ack"_s);
        none("a group topic of another group's profile", u"other/request"_s);
        none("single-level wildcard as the device", u"cmd/+/req"_s);
        none("multi-level wildcard", u"cmd/#"_s);
        none("wildcard inside the device", u"cmd/dev+1/req"_s);
        none("empty", QString());
        none("telemetry", u"telemetry/dev-1"_s);
        none("AWS IoT command response", u"$aws/commands/things/thing-1/executions/e-1/response/json"_s);
        none("AWS IoT command, other type", u"$aws/commands/devices/thing-1/executions/e-1/request"_s);
        none("shadow look-alike operation", u"$aws/things/dev-1/shadow/updates"_s);
        none("shadow look-alike, no operation", u"$aws/things/dev-1/shadow"_s);
        none("Azure telemetry", u"devices/az-1/messages/events/a=1"_s);
        none("fleet but not the gate", u"fleet/telemetry/x"_s);
    }

    void defaultCatalog()
    {
        QFETCH(QString, topic);
        QFETCH(Kind, kind);
        QFETCH(QString, id);
        QFETCH(QString, dialect);
        const GatedTopics topics(CommandCatalog::defaultCatalog());
        const GatedTopics::Match m = topics.match(topic);
        QCOMPARE(m.kind, kind);
        QCOMPARE(m.isGated(), kind != Kind::None);
        QCOMPARE(kind == Kind::GroupRequest ? m.group : m.device, id);
        if (kind == Kind::CommandRequest || kind == Kind::AwsCommandRequest)
            QCOMPARE(m.dialect, dialect);
        if (kind == Kind::ShadowRequest || kind == Kind::ShadowReply)
            QVERIFY(m.shadow.has_value());
    }

    void namedShadowIsKnown()
    {
        const GatedTopics topics(CommandCatalog::defaultCatalog());
        const GatedTopics::Match m = topics.match(u"$aws/things/dev-1/shadow/name/config/update"_s);
        QVERIFY(m.shadow);
        QCOMPARE(m.shadow->shadowName(), u"config"_s);
        QCOMPARE(m.shadow->operation(), fleet::ShadowTopic::Operation::Update);
        QCOMPARE(m.topicTemplate, QString());
        QCOMPARE(topics.match(u"cmd/dev-1/req"_s).topicTemplate, u"cmd/{device}/req"_s);
    }

    void templatesAreInvertedExactly_data()
    {
        QTest::addColumn<QString>("topicTemplate");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("id"); // empty: no match

        QTest::newRow("whole level") << u"cmd/{device}/req"_s << u"cmd/a/req"_s << u"a"_s;
        QTest::newRow("only level") << u"{device}"_s << u"x"_s << u"x"_s;
        QTest::newRow("inside a level")
            << u"site/{device}-ctl/in"_s << u"site/pump-4-ctl/in"_s << u"pump-4"_s;
        QTest::newRow("inside, nothing left for the id")
            << u"site/{device}-ctl/in"_s << u"site/-ctl/in"_s << QString();
        QTest::newRow("repeated id, same") << u"a/{device}/b/{device}"_s << u"a/x/b/x"_s << u"x"_s;
        QTest::newRow("repeated id, different") << u"a/{device}/b/{device}"_s << u"a/x/b/y"_s << QString();
        QTest::newRow("tid level") << u"req/{device}/{tid}"_s << u"req/d-1/T-9"_s << u"d-1"_s;
        QTest::newRow("tid level missing") << u"req/{device}/{tid}"_s << u"req/d-1"_s << QString();
        QTest::newRow("tid level empty") << u"req/{device}/{tid}"_s << u"req/d-1/"_s << QString();
        QTest::newRow("regex characters are literals") << u"a.b/{device}/(x)"_s << u"a.b/d/(x)"_s << u"d"_s;
        QTest::newRow("regex characters do not match others")
            << u"a.b/{device}/(x)"_s << u"aXb/d/(x)"_s << QString();
        QTest::newRow("wildcard is no id") << u"cmd/{device}/req"_s << u"cmd/+/req"_s << QString();
        QTest::newRow("hash is no id") << u"cmd/{device}"_s << u"cmd/#"_s << QString();
        QTest::newRow("slash is no id") << u"cmd/{device}/req"_s << u"cmd/a/b/req"_s << QString();
        QTest::newRow("no placeholder") << u"cmd/x/req"_s << u"cmd/x/req"_s << QString();
    }

    void templatesAreInvertedExactly()
    {
        QFETCH(QString, topicTemplate);
        QFETCH(QString, topic);
        QFETCH(QString, id);
        const std::optional<QString> matched =
            GatedTopics::matchTemplate(topicTemplate, u"{device}"_s, topic);
        QCOMPARE(matched.value_or(QString()), id);
    }

    // A catalog of its own: its templates and profiles are what counts, not the default layout.
    void customCatalog()
    {
        QString error;
        const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(R"({"version":1,
            "devices":[{"pattern":"pump-*","dialect":"atlas-text","requestTopic":"site/{device}-ctl/in",
                        "responseTopic":"site/{device}-ctl/out"}],
            "commands":[{"name":"ping","requestTopic":"plant/{device}/cmd/{tid}",
                         "responseTopic":"plant/{device}/reply","groupRequestTopic":"plant/all/{group}"}]})"_ba,
                                                                               &error);
        QVERIFY2(catalog, qPrintable(error));
        const GatedTopics topics(*catalog);
        GatedTopics::Match m = topics.match(u"plant/m-1/cmd/abc"_s);
        QCOMPARE(m.kind, Kind::CommandRequest);
        QCOMPARE(m.device, u"m-1"_s);
        QCOMPARE(m.dialect, u"atlas"_s);
        m = topics.match(u"site/pump-2-ctl/in"_s);
        QCOMPARE(m.kind, Kind::CommandRequest);
        QCOMPARE(m.device, u"pump-2"_s);
        QCOMPARE(m.dialect, u"atlas-text"_s);
        QCOMPARE(topics.match(u"site/valve-2-ctl/in"_s).kind, Kind::None); // not a pump: no profile topic
        m = topics.match(u"plant/all/east"_s);
        QCOMPARE(m.kind, Kind::GroupRequest);
        QCOMPARE(m.group, u"east"_s);
        // The default layout means nothing to this catalog.
        QCOMPARE(topics.match(u"cmd/dev-1/req"_s).kind, Kind::None);
        QCOMPARE(topics.match(u"plant/m-1/reply"_s).kind, Kind::None);
        // Shadows and the gate's topics are gated whatever the catalog.
        QCOMPARE(topics.match(u"$aws/things/m-1/shadow/update"_s).kind, Kind::ShadowRequest);
        QCOMPARE(topics.match(u"fleet/gate/submit/a/b"_s).kind, Kind::GateService);
    }
};

QTEST_APPLESS_MAIN(TestGatedTopics)
#include "tst_gatedtopics.moc"
