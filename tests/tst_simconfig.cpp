// SimConfig: the defaults, JSON overrides (every member by its name, "latencyMs" as a pair), the errors for
// unknown keys and wrong types, validate()'s refusals, the id, group and topic helpers, and the kinds: their
// shares, counts and ids.

#include "simconfig.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::sim::SimConfig;

class TestSimConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreValid()
    {
        const SimConfig config;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QCOMPARE(config.devices, 10);
        QCOMPARE(config.prefix, u"dev"_s);
        QCOMPARE(config.groups, 1);
        QVERIFY(config.latencyMinMs <= config.latencyMaxMs);
        // A default fleet is well behaved: no fault is switched on.
        QCOMPARE(config.failureRate, 0.0);
        QCOMPARE(config.silentDeathRate, 0.0);
        QCOMPARE(config.duplicateReplyRate, 0.0);
        QCOMPARE(config.outOfOrderRate, 0.0);
        QCOMPARE(config.offlineEveryMs, 0);
        QCOMPARE(config.slowLinkShare, 0.0);
        QCOMPARE(config.flakyLinkShare, 0.0);
        QCOMPARE(config.textModeShare, 0.0);
        // Every device is an ordinary one.
        QCOMPARE(config.sampleShare, 0.0);
        QCOMPARE(config.designShare, 0.0);
        QCOMPARE(config.thingShare, 0.0);
        QCOMPARE(config.count(SimConfig::Kind::Atlas), config.devices);
        QVERIFY(config.executionLogPath.isEmpty());
    }

    void applyJsonOverridesEveryMember()
    {
        SimConfig config;
        QString error;
        const QByteArray json =
            "{ "
            "\"devices\": 42, \"prefix\": \"lamp\", \"seed\": 12345678901, \"groups\": 4, "
            "\"presenceTopic\": \"p/{id}\", \"commandRequestTopic\": \"c/{id}/in\", "
            "\"commandResponseTopic\": \"c/{id}/out\", "
            "\"groupRequestTopic\": \"g/{group}/in\", \"groupResponseTopic\": \"g/{group}/out\", "
            "\"telemetryTopic\": \"t/{id}\", \"logTopic\": \"l/{id}\", "
            "\"telemetryIntervalMs\": 0, \"runningIntervalMs\": 250, \"setPositionMs\": 900, "
            "\"rebootOfflineMs\": 300, "
            "\"buttonPressIntervalMs\": 7000, \"rememberedTids\": 16, \"connectsPerSecond\": 50, "
            "\"keepAliveSeconds\": 20, "
            "\"latencyMs\": [15, 150], "
            "\"failureRate\": 0.25, \"silentDeathRate\": 0.125, \"duplicateReplyRate\": 0.5, "
            "\"outOfOrderRate\": 0.75, "
            "\"offlineEveryMs\": 60000, \"offlineForMs\": 2500, \"slowLinkShare\": 0.1, \"slowLinkExtraMs\": "
            "800, "
            "\"flakyLinkShare\": 0.2, \"flakyEveryMs\": 9000, \"textModeShare\": 0.3, "
            "\"sampleShare\": 0.1, \"designShare\": 0.2, \"thingShare\": 0.05, "
            "\"executionLogPath\": \"/tmp/exec.log\" "
            "} ";
        QVERIFY2(config.applyJson(json, &error), qPrintable(error));
        QCOMPARE(config.devices, 42);
        QCOMPARE(config.prefix, u"lamp"_s);
        QCOMPARE(config.seed, quint64(12345678901));
        QCOMPARE(config.groups, 4);
        QCOMPARE(config.presenceTopic, u"p/{id}"_s);
        QCOMPARE(config.commandRequestTopic, u"c/{id}/in"_s);
        QCOMPARE(config.commandResponseTopic, u"c/{id}/out"_s);
        QCOMPARE(config.groupRequestTopic, u"g/{group}/in"_s);
        QCOMPARE(config.groupResponseTopic, u"g/{group}/out"_s);
        QCOMPARE(config.telemetryTopic, u"t/{id}"_s);
        QCOMPARE(config.logTopic, u"l/{id}"_s);
        QCOMPARE(config.telemetryIntervalMs, 0);
        QCOMPARE(config.runningIntervalMs, 250);
        QCOMPARE(config.setPositionMs, 900);
        QCOMPARE(config.rebootOfflineMs, 300);
        QCOMPARE(config.buttonPressIntervalMs, 7000);
        QCOMPARE(config.rememberedTids, 16);
        QCOMPARE(config.connectsPerSecond, 50);
        QCOMPARE(config.keepAliveSeconds, 20);
        QCOMPARE(config.latencyMinMs, 15);
        QCOMPARE(config.latencyMaxMs, 150);
        QCOMPARE(config.failureRate, 0.25);
        QCOMPARE(config.silentDeathRate, 0.125);
        QCOMPARE(config.duplicateReplyRate, 0.5);
        QCOMPARE(config.outOfOrderRate, 0.75);
        QCOMPARE(config.offlineEveryMs, 60000);
        QCOMPARE(config.offlineForMs, 2500);
        QCOMPARE(config.slowLinkShare, 0.1);
        QCOMPARE(config.slowLinkExtraMs, 800);
        QCOMPARE(config.flakyLinkShare, 0.2);
        QCOMPARE(config.flakyEveryMs, 9000);
        QCOMPARE(config.textModeShare, 0.3);
        QCOMPARE(config.sampleShare, 0.1);
        QCOMPARE(config.designShare, 0.2);
        QCOMPARE(config.thingShare, 0.05);
        QCOMPARE(config.executionLogPath, u"/tmp/exec.log"_s);
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
    }

    void applyJsonKeepsWhatItDoesNotName()
    {
        SimConfig config;
        QString error;
        QVERIFY2(config.applyJson("{\"failureRate\": 0.5}", &error), qPrintable(error));
        QCOMPARE(config.failureRate, 0.5);
        const SimConfig defaults;
        QCOMPARE(config.devices, defaults.devices);
        QCOMPARE(config.prefix, defaults.prefix);
        QCOMPARE(config.latencyMinMs, defaults.latencyMinMs);
        QCOMPARE(config.latencyMaxMs, defaults.latencyMaxMs);
        QVERIFY2(config.applyJson("{}", &error), qPrintable(error));
        QCOMPARE(config.failureRate, 0.5);
    }

    void wholeNumbersAreAcceptedForRates()
    {
        // JSON has one number type: "failureRate": 1 means the same as 1.0.
        SimConfig config;
        QString error;
        QVERIFY2(config.applyJson("{\"failureRate\": 1, \"textModeShare\": 0}", &error), qPrintable(error));
        QCOMPARE(config.failureRate, 1.0);
        QCOMPARE(config.textModeShare, 0.0);
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
    }

    void applyJsonRefuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions"); // empty: only that there is an error
        QTest::newRow("unknown key") << QByteArray("{\"devices\": 3, \"frobnicate\": 1}") << u"frobnicate"_s;
        QTest::newRow("misspelt key") << QByteArray("{\"failurerate\": 0.1}") << u"failurerate"_s;
        QTest::newRow("int as string") << QByteArray("{\"devices\": \"ten\"}") << u"devices"_s;
        QTest::newRow("int as bool") << QByteArray("{\"telemetryIntervalMs\": true}")
                                     << u"telemetryIntervalMs"_s;
        QTest::newRow("int as fraction") << QByteArray("{\"devices\": 2.5}") << u"devices"_s;
        QTest::newRow("string as number") << QByteArray("{\"prefix\": 7}") << u"prefix"_s;
        QTest::newRow("string as null") << QByteArray("{\"presenceTopic\": null}") << u"presenceTopic"_s;
        QTest::newRow("rate as string") << QByteArray("{\"failureRate\": \"often\"}") << u"failureRate"_s;
        QTest::newRow("seed negative") << QByteArray("{\"seed\": -1}") << u"seed"_s;
        QTest::newRow("latencyMs a number") << QByteArray("{\"latencyMs\": 20}") << u"latencyMs"_s;
        QTest::newRow("latencyMs one element") << QByteArray("{\"latencyMs\": [20]}") << u"latencyMs"_s;
        QTest::newRow("latencyMs three elements")
            << QByteArray("{\"latencyMs\": [1, 2, 3]}") << u"latencyMs"_s;
        QTest::newRow("latencyMs strings") << QByteArray("{\"latencyMs\": [\"1\", \"2\"]}") << u"latencyMs"_s;
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QString();
        QTest::newRow("not JSON") << QByteArray("{\"devices\": ") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void applyJsonRefuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        SimConfig config;
        QString error;
        QVERIFY(!config.applyJson(json, &error));
        QVERIFY(!error.isEmpty());
        if (!mentions.isEmpty())
            QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void loadFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"sim.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"devices\": 3, \"latencyMs\": [5, 6]}");
        file.close();
        SimConfig config;
        QString error;
        QVERIFY2(config.loadFile(path, &error), qPrintable(error));
        QCOMPARE(config.devices, 3);
        QCOMPARE(config.latencyMinMs, 5);
        QCOMPARE(config.latencyMaxMs, 6);

        const QString missing = dir.filePath(u"missing.json"_s);
        QVERIFY(!config.loadFile(missing, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"devices\": 3, \"nope\": true}");
        file.close();
        QVERIFY(!config.loadFile(path, &error));
        QVERIFY2(error.contains(u"nope"_s), qPrintable(error));
    }

    void validateRefuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no devices") << QByteArray("{\"devices\": 0}");
        QTest::newRow("negative devices") << QByteArray("{\"devices\": -3}");
        QTest::newRow("failure rate above 1") << QByteArray("{\"failureRate\": 1.5}");
        QTest::newRow("negative failure rate") << QByteArray("{\"failureRate\": -0.1}");
        QTest::newRow("silent death rate above 1") << QByteArray("{\"silentDeathRate\": 1.5}");
        QTest::newRow("duplicate rate above 1") << QByteArray("{\"duplicateReplyRate\": 1.5}");
        QTest::newRow("out of order rate above 1") << QByteArray("{\"outOfOrderRate\": 1.5}");
        QTest::newRow("slow link share above 1") << QByteArray("{\"slowLinkShare\": 1.5}");
        QTest::newRow("flaky link share above 1") << QByteArray("{\"flakyLinkShare\": 1.5}");
        QTest::newRow("text mode share above 1") << QByteArray("{\"textModeShare\": 1.5}");
        QTest::newRow("latency min above max") << QByteArray("{\"latencyMs\": [200, 100]}");
        QTest::newRow("negative latency") << QByteArray("{\"latencyMs\": [-5, 100]}");
        QTest::newRow("prefix with +") << QByteArray("{\"prefix\": \"dev+\"}");
        QTest::newRow("prefix with #") << QByteArray("{\"prefix\": \"dev#\"}");
        QTest::newRow("prefix with /") << QByteArray("{\"prefix\": \"site/dev\"}");
        QTest::newRow("empty prefix") << QByteArray("{\"prefix\": \"\"}");
        QTest::newRow("no groups") << QByteArray("{\"groups\": 0}");
        QTest::newRow("sample share above 1") << QByteArray("{\"sampleShare\": 1.5}");
        QTest::newRow("negative design share") << QByteArray("{\"designShare\": -0.1}");
        QTest::newRow("thing share above 1") << QByteArray("{\"thingShare\": 2}");
        QTest::newRow("shares above the fleet")
            << QByteArray("{\"sampleShare\": 0.5, \"designShare\": 0.3, \"thingShare\": 0.3}");
        // Each share rounds up to a device: two of them, in a fleet of one.
        QTest::newRow("rounded shares above the fleet")
            << QByteArray("{\"devices\": 1, \"sampleShare\": 0.5, \"designShare\": 0.5}");
        // sample-1 would be an ordinary device's id too.
        QTest::newRow("prefix of a kind") << QByteArray("{\"prefix\": \"sample\", \"sampleShare\": 0.5}");
        QTest::newRow("azure share above 1") << QByteArray("{\"azureShare\": 1.5}");
        QTest::newRow("shares with azure above the fleet")
            << QByteArray("{\"sampleShare\": 0.5, \"azureShare\": 0.6}");
        QTest::newRow("prefix of the azure kind") << QByteArray("{\"prefix\": \"az\", \"azureShare\": 0.5}");
    }

    void validateRefuses()
    {
        QFETCH(QByteArray, json);
        SimConfig config;
        QString error;
        // Well-typed values are taken; whether they make sense is validate()'s to say.
        QVERIFY2(config.applyJson(json, &error), qPrintable(error));
        QVERIFY2(!config.validate().isEmpty(), json.constData());
    }

    void validateAcceptsTheLimits()
    {
        SimConfig config;
        config.devices = 1;
        config.failureRate = 1;
        config.textModeShare = 1;
        config.latencyMinMs = 30;
        config.latencyMaxMs = 30;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
    }

    void deviceIdsAndGroups()
    {
        SimConfig config;
        QCOMPARE(config.deviceId(1), u"dev-1"_s);
        QCOMPARE(config.deviceId(250), u"dev-250"_s);
        QCOMPARE(config.groupOf(1), u"group-1"_s);
        QCOMPARE(config.groupOf(7), u"group-1"_s);
        config.prefix = u"lamp"_s;
        config.groups = 3;
        QCOMPARE(config.deviceId(12), u"lamp-12"_s);
        // Device n is in group-{(n - 1) % groups + 1}: devices 1..G fill groups 1..G, then round again.
        QCOMPARE(config.groupOf(1), u"group-1"_s);
        QCOMPARE(config.groupOf(2), u"group-2"_s);
        QCOMPARE(config.groupOf(3), u"group-3"_s);
        QCOMPARE(config.groupOf(4), u"group-1"_s);
    }

    void sharesOfKinds_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("ordinary");
        QTest::addColumn<int>("sample");
        QTest::addColumn<int>("design");
        QTest::addColumn<int>("thing");
        QTest::newRow("none") << QByteArray("{\"devices\": 60}") << 60 << 0 << 0 << 0;
        // The stack's: ./fleet stack.
        QTest::newRow("the stack") << QByteArray(
                                          "{\"devices\": 60, \"sampleShare\": 0.05, \"designShare\": 0.05, "
                                          "\"thingShare\": 0.05}")
                                   << 51 << 3 << 3 << 3;
        QTest::newRow("rounded") << QByteArray(
                                        "{\"devices\": 10, \"sampleShare\": 0.25, \"thingShare\": 0.04}")
                                 << 7 << 3 << 0 << 0;
        // Decimal shares that add up to a hair above 1 in binary are all of the fleet, not more.
        QTest::newRow("all of it")
            << QByteArray(
                   "{\"devices\": 10, \"sampleShare\": 0.1, \"designShare\": 0.2, \"thingShare\": 0.7}")
            << 0 << 1 << 2 << 7;
    }

    void sharesOfKinds()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, ordinary);
        QFETCH(int, sample);
        QFETCH(int, design);
        QFETCH(int, thing);
        SimConfig config;
        QString error;
        QVERIFY2(config.applyJson(json, &error), qPrintable(error));
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QCOMPARE(config.count(SimConfig::Kind::Atlas), ordinary);
        QCOMPARE(config.count(SimConfig::Kind::Sample), sample);
        QCOMPARE(config.count(SimConfig::Kind::Design), design);
        QCOMPARE(config.count(SimConfig::Kind::Thing), thing);
        QCOMPARE(ordinary + sample + design + thing, config.devices);
    }

    void idsOfKinds()
    {
        SimConfig config;
        config.devices = 60;
        config.groups = 5;
        config.sampleShare = 0.05;
        config.designShare = 0.05;
        config.thingShare = 0.05;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        using Kind = SimConfig::Kind;
        // The ordinary devices first, then each kind numbered from 1.
        const struct
        {
            int n;
            const char *id;
            Kind kind;
        } expected[] = {
            {1, "dev-1", Kind::Atlas},      {51, "dev-51", Kind::Atlas},    {52, "sample-1", Kind::Sample},
            {54, "sample-3", Kind::Sample}, {55, "design-1", Kind::Design}, {57, "design-3", Kind::Design},
            {58, "thing-1", Kind::Thing},   {60, "thing-3", Kind::Thing},
        };
        for (const auto &device : expected) {
            QCOMPARE(config.deviceId(device.n), QLatin1StringView(device.id));
            QCOMPARE(config.kindOf(device.n), device.kind);
        }
        // Every id once.
        QSet<QString> ids;
        for (int n = 1; n <= config.devices; ++n)
            ids.insert(config.deviceId(n));
        QCOMPARE(ids.size(), 60);
        // Groups go on over the whole fleet.
        QCOMPARE(config.groupOf(51), u"group-1"_s);
        QCOMPARE(config.groupOf(52), u"group-2"_s);
        QCOMPARE(config.groupOf(60), u"group-5"_s);
        QCOMPARE(config.idRange(Kind::Atlas), u"dev-1 to dev-51"_s);
        QCOMPARE(config.idRange(Kind::Sample), u"sample-1 to sample-3"_s);
        QCOMPARE(config.idRange(Kind::Thing), u"thing-1 to thing-3"_s);

        // A kind without devices has no ids; one device is a range of one.
        config.devices = 20;
        config.thingShare = 0;
        QCOMPARE(config.count(Kind::Thing), 0);
        QCOMPARE(config.idRange(Kind::Thing), QString());
        QCOMPARE(config.idRange(Kind::Sample), u"sample-1"_s);
        QCOMPARE(config.deviceId(20), u"design-1"_s);

        // A fleet of one kind only.
        config.devices = 4;
        config.sampleShare = 0;
        config.designShare = 1;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QCOMPARE(config.count(Kind::Atlas), 0);
        QCOMPARE(config.deviceId(1), u"design-1"_s);
        QCOMPARE(config.deviceId(4), u"design-4"_s);
        QCOMPARE(config.kindOf(1), Kind::Design);
    }

    void azureShareIsReadAndValidated()
    {
        SimConfig config;
        QCOMPARE(config.azureShare, 0.0);
        QCOMPARE(config.count(SimConfig::Kind::Azure), 0);
        QString error;
        QVERIFY2(config.applyJson("{\"devices\": 20, \"azureShare\": 0.25}", &error), qPrintable(error));
        QCOMPARE(config.azureShare, 0.25);
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QCOMPARE(config.count(SimConfig::Kind::Azure), 5);
        QCOMPARE(config.count(SimConfig::Kind::Atlas), 15);
        QCOMPARE(config.kindPrefix(SimConfig::Kind::Azure), u"az"_s);

        QVERIFY(!config.applyJson("{\"azureShare\": \"half\"}", &error));
        QVERIFY2(error.contains(u"azureShare"_s), qPrintable(error));
        QCOMPARE(config.azureShare, 0.25); // a file with an error changes nothing

        // The four shares together are at most the fleet, and the refusal names the new one too.
        QVERIFY2(
            config.applyJson("{\"sampleShare\": 0.5, \"designShare\": 0.25, \"azureShare\": 0.5}", &error),
            qPrintable(error));
        QVERIFY2(config.validate().contains(u"azureShare"_s), qPrintable(config.validate()));
        // An ordinary prefix of "az" would give an ordinary device an Azure device's id.
        SimConfig clash;
        clash.prefix = u"az"_s;
        clash.azureShare = 0.5;
        QVERIFY(!clash.validate().isEmpty());
        clash.azureShare = 0;
        QVERIFY2(clash.validate().isEmpty(), qPrintable(clash.validate()));
    }

    void idsOfTheAzureKind()
    {
        // The stack's shares and an Azure share: Azure devices come last, numbered az-1, az-2, ...
        SimConfig config;
        config.devices = 60;
        config.groups = 5;
        config.sampleShare = 0.05;
        config.designShare = 0.05;
        config.thingShare = 0.05;
        config.azureShare = 0.05;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        using Kind = SimConfig::Kind;
        QCOMPARE(config.count(Kind::Atlas), 48);
        QCOMPARE(config.count(Kind::Azure), 3);
        const struct
        {
            int n;
            const char *id;
            Kind kind;
        } expected[] = {
            {1, "dev-1", Kind::Atlas},    {48, "dev-48", Kind::Atlas},  {49, "sample-1", Kind::Sample},
            {55, "thing-1", Kind::Thing}, {57, "thing-3", Kind::Thing}, {58, "az-1", Kind::Azure},
            {59, "az-2", Kind::Azure},    {60, "az-3", Kind::Azure},
        };
        for (const auto &device : expected) {
            QCOMPARE(config.deviceId(device.n), QLatin1StringView(device.id));
            QCOMPARE(config.kindOf(device.n), device.kind);
        }
        QSet<QString> ids;
        for (int n = 1; n <= config.devices; ++n)
            ids.insert(config.deviceId(n));
        QCOMPARE(ids.size(), 60);
        QCOMPARE(config.idRange(Kind::Azure), u"az-1 to az-3"_s);

        // Numbered in their own sequence, whatever the other kinds: without things, az-1 follows design-3.
        config.thingShare = 0;
        QCOMPARE(config.deviceId(57), u"design-3"_s);
        QCOMPARE(config.deviceId(58), u"az-1"_s);
        QCOMPARE(config.kindOf(58), Kind::Azure);
        QCOMPARE(config.deviceId(config.devices), u"az-3"_s);

        // A fleet of Azure devices only.
        config.devices = 2;
        config.sampleShare = config.designShare = 0;
        config.azureShare = 1;
        QVERIFY2(config.validate().isEmpty(), qPrintable(config.validate()));
        QCOMPARE(config.count(Kind::Atlas), 0);
        QCOMPARE(config.deviceId(1), u"az-1"_s);
        QCOMPARE(config.deviceId(2), u"az-2"_s);
        QCOMPARE(config.idRange(Kind::Azure), u"az-1 to az-2"_s);
        QCOMPARE(config.idRange(Kind::Atlas), QString());
    }

    void expand()
    {
        QCOMPARE(SimConfig::expand(u"cmd/{id}/req"_s, u"dev-1"_s, u"group-2"_s), u"cmd/dev-1/req"_s);
        QCOMPARE(SimConfig::expand(u"cmd/group/{group}/resp"_s, u"dev-1"_s, u"group-2"_s),
                 u"cmd/group/group-2/resp"_s);
        QCOMPARE(SimConfig::expand(u"{group}/{id}/x/{id}"_s, u"a"_s, u"g"_s), u"g/a/x/a"_s);
        QCOMPARE(SimConfig::expand(u"static/topic"_s, u"a"_s, u"g"_s), u"static/topic"_s);

        // The defaults expand to the Atlas topics.
        const SimConfig config;
        const QString id = config.deviceId(3);
        const QString group = config.groupOf(3);
        QCOMPARE(SimConfig::expand(config.presenceTopic, id, group), u"presence/dev-3"_s);
        QCOMPARE(SimConfig::expand(config.commandRequestTopic, id, group), u"cmd/dev-3/req"_s);
        QCOMPARE(SimConfig::expand(config.commandResponseTopic, id, group), u"cmd/dev-3/resp"_s);
        QCOMPARE(SimConfig::expand(config.groupRequestTopic, id, group), u"cmd/group/group-1/req"_s);
        QCOMPARE(SimConfig::expand(config.telemetryTopic, id, group), u"telemetry/dev-3"_s);
        QCOMPARE(SimConfig::expand(config.logTopic, id, group), u"logs/dev-3"_s);
    }
};

QTEST_GUILESS_MAIN(TestSimConfig)

#include "tst_simconfig.moc"
