// GatePolicy: what fleet-hub's command gate makes of a message an operator asks it to publish, judged by the
// gate's own catalog. No broker: tst_securitygate attacks the whole gate with one.

#include "commands/commandcatalog.h"
#include "gatepolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::GatePolicy;
using Verdict = GatePolicy::Verdict;
using Kind = GatePolicy::Kind;

Q_DECLARE_METATYPE(GatePolicy::Verdict)
Q_DECLARE_METATYPE(GatePolicy::Kind)

class TestGatePolicy final : public QObject
{
    Q_OBJECT

private:
    GatePolicy m_policy{fleet::CommandCatalog::defaultCatalog()};

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("command");

        const QByteArray setLed =
            "{\"cmd\":\"set_led\",\"tid\":\"t1\",\"status\":\"REQUEST\",\"params\":{\"color\":\"red\"}}";
        const QByteArray reboot = "{\"cmd\":\"reboot\",\"tid\":\"t2\",\"status\":\"REQUEST\",\"params\":{}}";
        QTest::newRow("catalog command")
            << u"cmd/dev-1/req"_s << setLed << Verdict::Relay << Kind::Command << u"dev-1"_s << u"set_led"_s;
        QTest::newRow("sensitive command")
            << u"cmd/dev-1/req"_s << reboot << Verdict::Hold << Kind::Command << u"dev-1"_s << u"reboot"_s;
        QTest::newRow("group command") << u"cmd/group/group-1/req"_s << reboot << Verdict::Hold
                                       << Kind::Command << QString() << u"reboot"_s;
        QTest::newRow("extra member makes it raw")
            << u"cmd/dev-1/req"_s
            << QByteArray("{\"cmd\":\"set_led\",\"tid\":\"t\",\"params\":{},\"also\":\"reboot\"}")
            << Verdict::Hold << Kind::Raw << u"dev-1"_s << QString();
        QTest::newRow("unknown command is raw")
            << u"cmd/dev-1/req"_s << QByteArray("{\"cmd\":\"format_disk\",\"tid\":\"t\"}") << Verdict::Hold
            << Kind::Raw << u"dev-1"_s << QString();
        QTest::newRow("plain text is raw") << u"cmd/dev-1/req"_s << QByteArray("reboot") << Verdict::Hold
                                           << Kind::Raw << u"dev-1"_s << QString();
        QTest::newRow("deep JSON is raw") << u"cmd/dev-1/req"_s << QByteArray(60000, '[') << Verdict::Hold
                                          << Kind::Raw << u"dev-1"_s << QString();
        // The catalog's profiles: the seed's devices take text, the design page's devices their own topics;
        // each is judged as the catalog command it is, in the form that device takes and no other.
        QTest::newRow("text command to a sample device")
            << u"cmd/sample-1/req"_s << QByteArray(R"(set_led {"color":"red"})") << Verdict::Relay
            << Kind::Command << u"sample-1"_s << u"set_led"_s;
        QTest::newRow("sensitive text command to a sample device")
            << u"cmd/sample-1/req"_s << QByteArray("reboot") << Verdict::Hold << Kind::Command
            << u"sample-1"_s << u"reboot"_s;
        QTest::newRow("text that is not the console's form is raw")
            << u"cmd/sample-1/req"_s << QByteArray(R"(set_led {"color": "red"})") << Verdict::Hold
            << Kind::Raw << u"sample-1"_s << QString();
        QTest::newRow("JSON to a text device is raw")
            << u"cmd/sample-1/req"_s << setLed << Verdict::Hold << Kind::Raw << u"sample-1"_s << QString();
        QTest::newRow("seed broadcast") << u"device_status/request"_s << QByteArray("reboot") << Verdict::Hold
                                        << Kind::Command << QString() << u"reboot"_s;
        QTest::newRow("design layout") << u"commands/design-1"_s << setLed << Verdict::Relay << Kind::Command
                                       << u"design-1"_s << u"set_led"_s;
        QTest::newRow("design layout on the default topic is raw")
            << u"cmd/design-1/req"_s << setLed << Verdict::Hold << Kind::Raw << u"design-1"_s << QString();
        QTest::newRow("Atlas command to an AWS thing is raw")
            << u"cmd/thing-1/req"_s << setLed << Verdict::Hold << Kind::Raw << u"thing-1"_s << QString();
        QTest::newRow("AWS IoT command start")
            << u"fleet/aws-commands/start/alice/t1"_s
            << QByteArray(R"({"commandId":"show_message","target":"dev-1","parameters":{"text":"hi"}})")
            << Verdict::Relay << Kind::AwsCommand << u"dev-1"_s << u"show_message"_s;
        QTest::newRow("AWS start of an Atlas command")
            << u"fleet/aws-commands/start/alice/t2"_s
            << QByteArray(R"({"commandId":"reboot","target":"dev-1"})") << Verdict::Refuse << Kind::AwsCommand
            << u"dev-1"_s << u"reboot"_s;
        QTest::newRow("AWS start for a sample device")
            << u"fleet/aws-commands/start/alice/t3"_s
            << QByteArray(R"({"commandId":"show_message","target":"sample-1"})") << Verdict::Refuse
            << Kind::AwsCommand << u"sample-1"_s << u"show_message"_s;
        QTest::newRow("AWS start without a target")
            << u"fleet/aws-commands/start/alice/t4"_s << QByteArray(R"({"commandId":"show_message"})")
            << Verdict::Refuse << Kind::Other << QString() << QString();
        QTest::newRow("AWS start topic too deep")
            << u"fleet/aws-commands/start/alice/t5/x"_s
            << QByteArray(R"({"commandId":"show_message","target":"dev-1"})") << Verdict::Refuse
            << Kind::Other << QString() << QString();
        QTest::newRow("not a request topic")
            << u"telemetry/dev-1"_s << setLed << Verdict::Refuse << Kind::Other << QString() << QString();
        QTest::newRow("a reply topic")
            << u"cmd/dev-1/resp"_s << setLed << Verdict::Refuse << Kind::Other << QString() << QString();
        QTest::newRow("wildcard") << u"cmd/+/req"_s << setLed << Verdict::Refuse << Kind::Other << QString()
                                  << QString();
        QTest::newRow("too large") << u"cmd/dev-1/req"_s << QByteArray(GatePolicy::MaxPayloadBytes + 1, 'x')
                                   << Verdict::Refuse << Kind::Other << QString() << QString();
        QTest::newRow("harmless desired") << u"$aws/things/dev-1/shadow/update"_s
                                          << QByteArray("{\"state\":{\"desired\":{\"led\":\"blue\"}}}")
                                          << Verdict::Relay << Kind::Desired << u"dev-1"_s << QString();
        QTest::newRow("sensitive desired")
            << u"$aws/things/dev-1/shadow/name/config/update"_s
            << QByteArray("{\"state\":{\"desired\":{\"led\":\"blue\",\"position\":10}}}") << Verdict::Hold
            << Kind::Desired << u"dev-1"_s << QString();
        QTest::newRow("desired cleared")
            << u"$aws/things/dev-1/shadow/update"_s << QByteArray("{\"state\":{\"desired\":null}}")
            << Verdict::Hold << Kind::Desired << u"dev-1"_s << QString();
        QTest::newRow("reported from an operator")
            << u"$aws/things/dev-1/shadow/update"_s
            << QByteArray("{\"state\":{\"reported\":{\"led\":\"x\"}}}") << Verdict::Refuse << Kind::Desired
            << u"dev-1"_s << QString();
        QTest::newRow("shadow delete") << u"$aws/things/dev-1/shadow/delete"_s << QByteArray("{}")
                                       << Verdict::Hold << Kind::Desired << u"dev-1"_s << QString();
        QTest::newRow("shadow get") << u"$aws/things/dev-1/shadow/get"_s << QByteArray("{}") << Verdict::Relay
                                    << Kind::ShadowRead << u"dev-1"_s << QString();
        QTest::newRow("shadow reply") << u"$aws/things/dev-1/shadow/update/accepted"_s << QByteArray("{}")
                                      << Verdict::Refuse << Kind::Other << QString() << QString();
    }

    void classify()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(Verdict, verdict);
        QFETCH(Kind, kind);
        QFETCH(QString, device);
        QFETCH(QString, command);
        const GatePolicy::Decision d = m_policy.classify(topic, payload);
        QCOMPARE(d.verdict, verdict);
        QCOMPARE(d.kind, kind);
        QCOMPARE(d.device, device);
        QCOMPARE(d.command, command);
        if (verdict != Verdict::Relay)
            QVERIFY2(!d.reason.isEmpty(), "a hold or a refusal says why");
    }

    // The catalog decides what raw payloads are; a client's catalog never reaches this.
    void rawPolicyComesFromTheCatalog()
    {
        QString error;
        const auto allowed =
            fleet::CommandCatalog::fromJson("{\"version\": 1, \"gate\": {\"rawCommands\": \"allowed\"}, "
                                            "\"commands\": [{\"name\": \"ping\"}]}",
                                            &error);
        QVERIFY2(allowed, qPrintable(error));
        QCOMPARE(GatePolicy(*allowed).classify(u"cmd/dev-1/req"_s, "reboot").verdict, Verdict::Relay);
        const auto refused =
            fleet::CommandCatalog::fromJson("{\"version\": 1, \"gate\": {\"rawCommands\": \"refused\"}, "
                                            "\"commands\": [{\"name\": \"ping\"}]}",
                                            &error);
        QVERIFY2(refused, qPrintable(error));
        QCOMPARE(GatePolicy(*refused).classify(u"cmd/dev-1/req"_s, "reboot").verdict, Verdict::Refuse);
        QVERIFY(!fleet::CommandCatalog::fromJson(
            "{\"version\": 1, \"gate\": {\"rawCommands\": \"maybe\"}, \"commands\": []}", &error));
        QVERIFY(error.contains(u"rawCommands"_s));
    }
};

QTEST_GUILESS_MAIN(TestGatePolicy)
#include "tst_gatepolicy.moc"
