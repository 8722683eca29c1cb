// Runs the real fleetctl executable against a real mosquitto and a real fleet-hub: help, usage errors, the
// shadow requests with their human and JSON output, watch (counted, and ended by a signal), and the exit
// statuses for a broker that is not there, a broker without a shadow service, TLS and passwords.

#include "fleetfixture.h"
#include "mosquittobroker.h"
#include "programprocess.h"
#include "testutil.h"

#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using fleet::test::ProgramProcess;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

QString ctlExecutable()
{
#ifdef FLEET_CTL_EXECUTABLE
    return QStringLiteral(FLEET_CTL_EXECUTABLE);
#else
    return QCoreApplication::applicationDirPath() + u"/../app/ctl/fleetctl"_s;
#endif
}

// A loopback port with nothing listening on it: taken from the system, then released.
quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Runs fleetctl to its end; the callers check how it ended with QCOMPARE_EXIT.
std::unique_ptr<ProgramProcess>
run(const QStringList &arguments, const QByteArray &input = {},
    const QProcessEnvironment &environment = ProgramProcess::cleanEnvironment())
{
    return ProgramProcess::run(ctlExecutable(), arguments, input, environment);
}

Json parseLine(const QString &line)
{
    return Json::parse(line.toStdString(), nullptr, false);
}

} // namespace

// Runs a command that sets up what a test looks at; it must succeed.
#define QVERIFY_SUCCEEDS(arguments)                                                                          \
    do {                                                                                                     \
        const auto ctl_ = run(arguments);                                                                    \
        QCOMPARE_EXIT(*ctl_, 0);                                                                             \
    } while (false)

class TestFleetCtl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ctlExecutable()).isExecutable(), qPrintable(ctlExecutable()));
        // fleetctl's default ledger lives in the user's data folder: the tests' runs keep theirs in a
        // temporary one (inherited by every fleetctl started).
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", m_dataHome.path().toLocal8Bit());
        // One broker and one hub for the tests that need a working shadow service; each test uses its own
        // thing names.
        QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString()));
    }

    void cleanupTestCase() { QVERIFY(m_fleet.hub().stop()); }

    void helpListsCommandsOptionsAndExitStatuses()
    {
        const auto top = run({u"--help"_s});
        QCOMPARE_EXIT(*top, 0);
        const QString help = top->out();
        QVERIFY2(help.contains(u"shadow get|update|delete|watch THING"_s), qPrintable(help));
        for (const char *option :
             {"--broker", "--client-id", "--username", "--password-stdin", "--mqtt-version", "--keepalive",
              "--ca", "--cert", "--key", "--insecure-skip-verify"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
        QVERIFY2(help.contains(u"Exit status: 0 done; 1 "_s), qPrintable(help));
        for (const char *status : {"2 usage error", "3 cannot connect to the broker", "4 timed out"})
            QVERIFY2(help.contains(QLatin1String(status)), status);

        // The command's own help, with the broker options before the command word as well.
        for (const QStringList &arguments :
             {QStringList{u"shadow"_s, u"--help"_s},
              QStringList{u"--broker"_s, u"mqtt://127.0.0.1:1"_s, u"shadow"_s, u"get"_s, u"--help"_s}}) {
            const auto shadow = run(arguments);
            QCOMPARE_EXIT(*shadow, 0);
            const QString text = shadow->out();
            for (const char *word : {"get THING", "update THING DESIRED", "update THING --state JSON",
                                     "delete THING", "watch THING", "--name", "--json", "--version",
                                     "--timeout", "--state", "--count", "--broker", "--password-stdin"})
                QVERIFY2(text.contains(QLatin1String(word)), word);
            QVERIFY2(text.contains(u"Exit status: 0 done; 1 "_s), qPrintable(text));
            for (const char *status : {"2 usage error", "3 cannot connect to the broker", "4 no reply"})
                QVERIFY2(text.contains(QLatin1String(status)), status);
            QVERIFY2(shadow->err().isEmpty(), qPrintable(shadow->err()));
        }

        const auto version = run({u"--version"_s});
        QCOMPARE_EXIT(*version, 0);
        QVERIFY2(version->out().startsWith(u"fleetctl "_s), qPrintable(version->out()));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        const QString shadow = u"shadow"_s;
        const QString get = u"get"_s;
        const QString update = u"update"_s;
        const QString thing = u"lamp"_s;
        const QString oneOf = u"one of them, not both"_s;
        auto row = [](const char *name, const QStringList &arguments, const QString &message,
                      const QByteArray &input = {}) { QTest::newRow(name) << arguments << input << message; };

        row("no command", {},
            u"fleetctl: Missing the command (devices, send, status, approvals, audit, rollback, traffic, "
            u"shadow, twin, "
            "method or c2d)."_s);
        row("only broker options", {u"--broker"_s, u"mqtt://127.0.0.1:1"_s},
            u"fleetctl: Missing the command (devices, send, status, approvals, audit, rollback, traffic, "
            u"shadow, twin, "
            "method or c2d)."_s);
        row("unknown command", {u"thing"_s, get, thing}, u"fleetctl: Unknown command \"thing\"."_s);
        row("unknown option before the command", {u"--frobnicate"_s, shadow, get, thing}, u"frobnicate"_s);
        row("no action", {shadow}, u"Missing the action: get, update, delete or watch."_s);
        row("unknown action", {shadow, u"list"_s, thing}, u"Unknown action \"list\""_s);
        row("unknown option of the command", {shadow, get, thing, u"--frobnicate"_s}, u"frobnicate"_s);
        row("missing thing", {shadow, get}, u"Missing the thing name."_s);
        row("empty thing", {shadow, get, QString()}, u"\"\" is not a valid thing name"_s);
        row("thing with +", {shadow, get, u"lamp+1"_s}, u"\"lamp+1\" is not a valid thing name"_s);
        row("thing with #", {shadow, u"watch"_s, u"lamp#"_s}, u"\"lamp#\" is not a valid thing name"_s);
        row("thing with /", {shadow, u"delete"_s, u"a/b"_s}, u"\"a/b\" is not a valid thing name"_s);
        row("thing too long", {shadow, get, QString(129, u'x')}, u"is not a valid thing name"_s);
        row("shadow name with /", {shadow, get, thing, u"--name"_s, u"a/b"_s},
            u"\"a/b\" is not a valid shadow name"_s);
        row("empty shadow name", {shadow, get, thing, u"--name"_s, QString()},
            u"\"\" is not a valid shadow name"_s);
        row("extra argument", {shadow, get, thing, u"more"_s}, u"Unexpected argument \"more\"."_s);
        row("extra argument after DESIRED", {shadow, update, thing, u"{}"_s, u"more"_s},
            u"Unexpected argument \"more\"."_s);
        row("DESIRED not JSON", {shadow, update, thing, u"{\"color\":"_s},
            u"DESIRED is not valid JSON: parse error at line 1, column 10: syntax error while parsing value"_s);
        row("DESIRED an array", {shadow, update, thing, u"[1]"_s},
            u"DESIRED must be a JSON object (or null, to clear the desired state)."_s);
        row("DESIRED a string", {shadow, update, thing, u"\"red\""_s}, u"DESIRED must be a JSON object"_s);
        row("DESIRED a number", {shadow, update, thing, u"42"_s}, u"DESIRED must be a JSON object"_s);
        row("DESIRED from stdin not JSON", {shadow, update, thing, u"-"_s}, u"DESIRED is not valid JSON"_s,
            "{\"on\": tru\n");
        row("DESIRED from stdin an array", {shadow, update, thing, u"-"_s},
            u"DESIRED must be a JSON object"_s, "[]\n");
        row("--state not JSON", {shadow, update, thing, u"--state"_s, u"{\"desired\":1"_s},
            u"--state is not valid JSON: parse error at line 1, column 13"_s);
        row("--state not an object", {shadow, update, thing, u"--state"_s, u"null"_s},
            u"--state must be a JSON object"_s);
        row("--state without a value", {shadow, update, thing, u"--state"_s}, u"--state"_s);
        row("update without a state", {shadow, update, thing}, oneOf);
        row("both DESIRED and --state", {shadow, update, thing, u"{}"_s, u"--state"_s, u"{}"_s}, oneOf);
        row("--state on get", {shadow, get, thing, u"--state"_s, u"{}"_s},
            u"--state only applies to update."_s);
        row("--version on get", {shadow, get, thing, u"--version"_s, u"1"_s},
            u"--version N only applies to update."_s);
        row("--version on watch", {shadow, u"watch"_s, thing, u"--version"_s, u"1"_s},
            u"--version N only applies to update."_s);
        row("--version negative", {shadow, update, thing, u"{}"_s, u"--version"_s, u"-1"_s},
            u"--version: expected a whole number, 0 or more."_s);
        row("--version not a number", {shadow, update, thing, u"{}"_s, u"--version"_s, u"two"_s},
            u"--version: expected a whole number"_s);
        row("--count on get", {shadow, get, thing, u"--count"_s, u"2"_s},
            u"--count only applies to watch."_s);
        row("--count zero", {shadow, u"watch"_s, thing, u"--count"_s, u"0"_s},
            u"--count: expected a whole number, 1 or more."_s);
        row("--timeout zero", {shadow, get, thing, u"--timeout"_s, u"0"_s},
            u"--timeout: expected seconds, more than 0 and at most 86400."_s);
        row("--timeout negative", {shadow, get, thing, u"--timeout"_s, u"-5"_s}, u"--timeout: expected"_s);
        row("--timeout not a number", {shadow, get, thing, u"--timeout"_s, u"soon"_s},
            u"--timeout: expected"_s);
        row("--timeout too long", {shadow, get, thing, u"--timeout"_s, u"86401"_s}, u"--timeout: expected"_s);
        row("password and state both on stdin", {shadow, update, thing, u"-"_s, u"--password-stdin"_s},
            u"--password-stdin cannot be combined"_s, "secret\n{}\n");
        row("bad broker URL", {shadow, get, thing, u"--broker"_s, u"ftp://example"_s}, u"--broker"_s);
        row("bad broker URL before the command", {u"--broker"_s, u"ftp://example"_s, shadow, get, thing},
            u"--broker"_s);
        row("TLS option without mqtts", {shadow, get, thing, u"--insecure-skip-verify"_s},
            u"TLS options need an mqtts:// broker URL."_s);
        row("unreadable CA file",
            {shadow, get, thing, u"--broker"_s, u"mqtts://127.0.0.1:1"_s, u"--ca"_s,
             u"/nonexistent/ca.pem"_s},
            u"Cannot read \"/nonexistent/ca.pem\"."_s);
        row("bad MQTT version", {shadow, get, thing, u"--mqtt-version"_s, u"4"_s}, u"--mqtt-version"_s);
        row("bad keepalive", {shadow, get, thing, u"--keepalive"_s, u"1"_s}, u"--keepalive"_s);
    }

    // Nothing is sent for a usage error: the broker URL points at a port with nothing behind it, so a
    // command that went ahead anyway would exit with 3, not 2.
    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const QString unused = u"mqtt://127.0.0.1:%1"_s.arg(unusedPort());
        if (!arguments.contains(u"--broker"_s) && arguments.contains(u"shadow"_s))
            arguments += {u"--broker"_s, unused};
        const auto ctl = run(arguments, input);
        QCOMPARE_EXIT(*ctl, 2);
        const QString err = ctl->err();
        QVERIFY2(err.contains(message), qPrintable(ctl->transcript()));
        QVERIFY2(err.startsWith(u"fleetctl"_s), qPrintable(err));
        QVERIFY2(err.contains(u"Try 'fleetctl"_s), qPrintable(err));
        QVERIFY2(ctl->out().isEmpty(), qPrintable(ctl->transcript()));
    }

    void getOfAMissingShadowIsRejected()
    {
        const auto classic = run(shadowArguments({u"get"_s, u"get-missing"_s}));
        QCOMPARE_EXIT(*classic, 1);
        QCOMPARE(classic->err(), u"error 404: Thing not found\n"_s);
        QVERIFY2(classic->out().isEmpty(), qPrintable(classic->out()));

        const auto named = run(shadowArguments({u"get"_s, u"get-missing"_s, u"--name"_s, u"config"_s}));
        QCOMPARE_EXIT(*named, 1);
        QCOMPARE(named->err(), u"error 404: No shadow exists with name: config\n"_s);

        const auto json = run(shadowArguments({u"get"_s, u"get-missing"_s, u"--json"_s}));
        QCOMPARE_EXIT(*json, 1);
        QVERIFY2(json->err().startsWith(u"error 404: "_s), qPrintable(json->transcript()));
        QVERIFY2(json->out().isEmpty(), qPrintable(json->out()));
    }

    void updateDesiredPrintsTheNewVersion()
    {
        const QString thing = u"update-desired"_s;
        const auto first = run(shadowArguments({u"update"_s, thing, u"{\"color\":\"red\",\"level\":3}"_s}));
        QCOMPARE_EXIT(*first, 0);
        // The last line names the change's rollback entry, numbered in the ledger the tests share.
        const QString out = first->out();
        const qsizetype lastLine = out.lastIndexOf(u'\n', -2) + 1;
        QCOMPARE(out.left(lastLine), u"update-desired (classic shadow) updated: now at version 1\n"
                                     "desired:\n"
                                     "  {\n"
                                     "    \"color\": \"red\",\n"
                                     "    \"level\": 3\n"
                                     "  }\n"_s);
        QVERIFY2(out.mid(lastLine).startsWith(u"rollback entry "_s), qPrintable(out));
        QVERIFY2(first->err().isEmpty(), qPrintable(first->err()));

        // The broker options may also come before the command word.
        const auto second = run(QStringList{u"--broker"_s, m_fleet.broker().url(), u"shadow"_s, u"update"_s,
                                            thing, u"{\"level\":null}"_s});
        QCOMPARE_EXIT(*second, 0);
        QVERIFY2(second->out().startsWith(u"update-desired (classic shadow) updated: now at version 2\n"_s),
                 qPrintable(second->out()));

        const auto get = run(shadowArguments({u"get"_s, thing}));
        QCOMPARE_EXIT(*get, 0);
        QCOMPARE(get->out(), u"update-desired (classic shadow) version 2\n"
                             "desired:\n"
                             "  {\n"
                             "    \"color\": \"red\"\n"
                             "  }\n"
                             "reported: none\n"
                             "delta:\n"
                             "  {\n"
                             "    \"color\": \"red\"\n"
                             "  }\n"_s);

        // null clears the desired state.
        const auto clear = run(shadowArguments({u"update"_s, thing, u"null"_s}));
        QCOMPARE_EXIT(*clear, 0);
        QVERIFY2(clear->out().startsWith(u"update-desired (classic shadow) updated: now at version 3\n"_s),
                 qPrintable(clear->out()));
        // Over MQTT 3.1.1 this time: the shadow protocol does not depend on the MQTT version.
        const auto after =
            run(shadowArguments({u"get"_s, thing, u"--json"_s, u"--mqtt-version"_s, u"3.1.1"_s}));
        QCOMPARE_EXIT(*after, 0);
        Json body = parseLine(after->out());
        QVERIFY2(body.is_object(), qPrintable(after->out()));
        QVERIFY2(!body["state"].contains("desired"), qPrintable(after->out()));
    }

    void updateReadsStandardInput()
    {
        const QString thing = u"update-stdin"_s;
        const auto desired = run(shadowArguments({u"update"_s, thing, u"-"_s}), "{\n  \"on\": true\n}\n");
        QCOMPARE_EXIT(*desired, 0);
        QVERIFY2(desired->out().startsWith(u"update-stdin (classic shadow) updated: now at version 1\n"_s),
                 qPrintable(desired->out()));
        QVERIFY2(desired->out().contains(u"\"on\": true"_s), qPrintable(desired->out()));

        const auto state =
            run(shadowArguments({u"update"_s, thing, u"--state"_s, u"-"_s}), "{\"reported\":{\"on\":false}}");
        QCOMPARE_EXIT(*state, 0);
        QVERIFY2(state->out().startsWith(u"update-stdin (classic shadow) updated: now at version 2\n"_s),
                 qPrintable(state->out()));

        const auto get = run(shadowArguments({u"get"_s, thing, u"--json"_s}));
        QCOMPARE_EXIT(*get, 0);
        Json body = parseLine(get->out());
        QVERIFY2(body.is_object(), qPrintable(get->out()));
        QCOMPARE_JSON(body["state"]["desired"], Json({{"on", true}}));
        QCOMPARE_JSON(body["state"]["reported"], Json({{"on", false}}));
    }

    void updateFullState()
    {
        const QString thing = u"update-state"_s;
        const auto ctl =
            run(shadowArguments({u"update"_s, thing, u"--state"_s,
                                 u"{\"desired\":{\"color\":\"red\"},\"reported\":{\"color\":\"green\"}}"_s}));
        QCOMPARE_EXIT(*ctl, 0);
        QCOMPARE(ctl->out(), u"update-state (classic shadow) updated: now at version 1\n"
                             "desired:\n"
                             "  {\n"
                             "    \"color\": \"red\"\n"
                             "  }\n"
                             "reported:\n"
                             "  {\n"
                             "    \"color\": \"green\"\n"
                             "  }\n"_s);

        const auto get = run(shadowArguments({u"get"_s, thing, u"--json"_s}));
        QCOMPARE_EXIT(*get, 0);
        Json body = parseLine(get->out());
        QVERIFY2(body.is_object(), qPrintable(get->out()));
        QCOMPARE_JSON(body["state"]["delta"], Json({{"color", "red"}}));

        // What the service rejects comes back as its error, verbatim.
        const auto bad = run(shadowArguments({u"update"_s, thing, u"--state"_s, u"{\"desired\":3}"_s}));
        QCOMPARE_EXIT(*bad, 1);
        QCOMPARE(bad->err(), u"error 400: Desired node must be an object\n"_s);
        const auto deep = run(shadowArguments(
            {u"update"_s, thing, u"{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}"_s}));
        QCOMPARE_EXIT(*deep, 1);
        QCOMPARE(deep->err(), u"error 400: JSON contains too many levels of nesting; maximum is 6\n"_s);
    }

    void jsonPrintsOneParseableLine()
    {
        const QString thing = u"json-line"_s;
        const auto update = run(shadowArguments({u"update"_s, thing, u"{\"color\":\"red\"}"_s, u"--json"_s}));
        QCOMPARE_EXIT(*update, 0);
        QCOMPARE(update->lines().size(), 1);
        QVERIFY2(update->out().endsWith(u'\n'), qPrintable(update->out()));
        Json body = parseLine(update->lines().constFirst());
        QVERIFY2(body.is_object(), qPrintable(update->out()));
        QCOMPARE_JSON(body["version"], Json(1));
        QCOMPARE_JSON(body["state"], Json({{"desired", {{"color", "red"}}}}));
        QVERIFY2(body["clientToken"].is_string() && !body["clientToken"].get<std::string>().empty(),
                 qPrintable(update->out()));
        QVERIFY(body["metadata"].is_object());

        const auto get = run(shadowArguments({u"get"_s, thing, u"--json"_s}));
        QCOMPARE_EXIT(*get, 0);
        QCOMPARE(get->lines().size(), 1);
        Json got = parseLine(get->lines().constFirst());
        QVERIFY2(got.is_object(), qPrintable(get->out()));
        QCOMPARE_JSON(got["version"], Json(1));
        QCOMPARE_JSON(got["state"]["desired"], Json({{"color", "red"}}));
        QCOMPARE_JSON(got["state"]["delta"], Json({{"color", "red"}}));
        QVERIFY(got["clientToken"].is_string());
        // Every request gets its own token.
        QVERIFY(got["clientToken"] != body["clientToken"]);

        const auto remove = run(shadowArguments({u"delete"_s, thing, u"--json"_s}));
        QCOMPARE_EXIT(*remove, 0);
        QCOMPARE(remove->lines().size(), 1);
        Json deleted = parseLine(remove->lines().constFirst());
        QVERIFY2(deleted.is_object(), qPrintable(remove->out()));
        QCOMPARE_JSON(deleted["version"], Json(1));
        QVERIFY(deleted["clientToken"].is_string());
    }

    void versionMismatchIsRejected()
    {
        const QString thing = u"versioned"_s;
        const auto create = run(shadowArguments({u"update"_s, thing, u"{\"mode\":\"a\"}"_s}));
        QCOMPARE_EXIT(*create, 0);

        const auto stale =
            run(shadowArguments({u"update"_s, thing, u"{\"mode\":\"b\"}"_s, u"--version"_s, u"5"_s}));
        QCOMPARE_EXIT(*stale, 1);
        QCOMPARE(stale->err(), u"error 409: Version conflict\n"_s);
        QVERIFY2(stale->out().isEmpty(), qPrintable(stale->out()));

        const auto current =
            run(shadowArguments({u"update"_s, thing, u"{\"mode\":\"c\"}"_s, u"--version"_s, u"1"_s}));
        QCOMPARE_EXIT(*current, 0);
        QVERIFY2(current->out().startsWith(u"versioned (classic shadow) updated: now at version 2\n"_s),
                 qPrintable(current->out()));

        // The same version again is now stale: nothing changed in between.
        const auto again =
            run(shadowArguments({u"update"_s, thing, u"--state"_s, u"{\"reported\":{\"mode\":\"c\"}}"_s,
                                 u"--version"_s, u"1"_s}));
        QCOMPARE_EXIT(*again, 1);
        QVERIFY2(again->err().startsWith(u"error 409"_s), qPrintable(again->transcript()));
        const auto get = run(shadowArguments({u"get"_s, thing, u"--json"_s}));
        QCOMPARE_EXIT(*get, 0);
        Json body = parseLine(get->out());
        QCOMPARE_JSON(body["version"], Json(2));
        QCOMPARE_JSON(body["state"]["desired"], Json({{"mode", "c"}}));
    }

    void namedShadowIsSeparate()
    {
        const QString thing = u"named"_s;
        const auto update =
            run(shadowArguments({u"update"_s, thing, u"--name"_s, u"config"_s, u"{\"eco\":true}"_s}));
        QCOMPARE_EXIT(*update, 0);
        QVERIFY2(update->out().startsWith(u"named (shadow \"config\") updated: now at version 1\n"_s),
                 qPrintable(update->out()));

        const auto get = run(shadowArguments({u"get"_s, thing, u"--name"_s, u"config"_s}));
        QCOMPARE_EXIT(*get, 0);
        QVERIFY2(get->out().startsWith(u"named (shadow \"config\") version 1\n"_s), qPrintable(get->out()));
        QVERIFY2(get->out().contains(u"\"eco\": true"_s), qPrintable(get->out()));

        // The classic shadow and other named shadows of the thing do not exist.
        const auto classic = run(shadowArguments({u"get"_s, thing}));
        QCOMPARE_EXIT(*classic, 1);
        QVERIFY2(classic->err().startsWith(u"error 404: "_s), qPrintable(classic->transcript()));
        const auto other = run(shadowArguments({u"get"_s, thing, u"--name"_s, u"other"_s}));
        QCOMPARE_EXIT(*other, 1);
        QCOMPARE(other->err(), u"error 404: No shadow exists with name: other\n"_s);

        const auto remove = run(shadowArguments({u"delete"_s, thing, u"--name"_s, u"config"_s}));
        QCOMPARE_EXIT(*remove, 0);
        QCOMPARE(remove->out(), u"named (shadow \"config\") deleted at version 1\n"_s);
        const auto gone = run(shadowArguments({u"get"_s, thing, u"--name"_s, u"config"_s}));
        QCOMPARE_EXIT(*gone, 1);
        QCOMPARE(gone->err(), u"error 404: No shadow exists with name: config\n"_s);
    }

    void deleteThenGetIsRejected()
    {
        const QString thing = u"deleted"_s;
        QVERIFY_SUCCEEDS(shadowArguments({u"update"_s, thing, u"{\"a\":1}"_s}));
        QVERIFY_SUCCEEDS(shadowArguments({u"update"_s, thing, u"{\"a\":2}"_s}));

        const auto remove = run(shadowArguments({u"delete"_s, thing}));
        QCOMPARE_EXIT(*remove, 0);
        QCOMPARE(remove->out(), u"deleted (classic shadow) deleted at version 2\n"_s);
        QVERIFY2(remove->err().isEmpty(), qPrintable(remove->err()));

        const auto get = run(shadowArguments({u"get"_s, thing}));
        QCOMPARE_EXIT(*get, 1);
        QCOMPARE(get->err(), u"error 404: Thing not found\n"_s);
        const auto again = run(shadowArguments({u"delete"_s, thing}));
        QCOMPARE_EXIT(*again, 1);
        QCOMPARE(again->err(), u"error 404: Thing not found\n"_s);

        // The version counter survives the deletion.
        const auto recreate = run(shadowArguments({u"update"_s, thing, u"{\"a\":3}"_s}));
        QCOMPARE_EXIT(*recreate, 0);
        QVERIFY2(recreate->out().startsWith(u"deleted (classic shadow) updated: now at version 3\n"_s),
                 qPrintable(recreate->out()));
    }

    void payloadOverEightKilobytesIsRejected()
    {
        const QString thing = u"too-large"_s;
        const QString big = u"{\"blob\":\"%1\"}"_s.arg(QString(9000, u'x'));
        const auto ctl = run(shadowArguments({u"update"_s, thing, big}));
        QCOMPARE_EXIT(*ctl, 1);
        QCOMPARE(ctl->err(), u"error 413: The payload exceeds the maximum size allowed\n"_s);
        QVERIFY2(ctl->out().isEmpty(), qPrintable(ctl->out()));
        // Nothing was stored.
        const auto get = run(shadowArguments({u"get"_s, thing}));
        QCOMPARE_EXIT(*get, 1);
        QVERIFY2(get->err().startsWith(u"error 404"_s), qPrintable(get->transcript()));
    }

    // A watch prints the shadow as it is, then one JSON line per event caused by other fleetctl invocations,
    // and exits by itself after --count events, disconnecting cleanly.
    void watchCountsEvents()
    {
        const QString thing = u"watched"_s;
        QVERIFY_SUCCEEDS(
            shadowArguments({u"update"_s, thing, u"--state"_s,
                             u"{\"desired\":{\"color\":\"red\"},\"reported\":{\"color\":\"red\"}}"_s}));

        const QString clientId = u"ctl-watch-count"_s;
        ProgramProcess watch(ctlExecutable());
        QVERIFY(watch.start(shadowArguments(
            {u"watch"_s, thing, u"--json"_s, u"--count"_s, u"3"_s, u"--client-id"_s, clientId})));
        QVERIFY2(watch.waitForLines(1), qPrintable(watch.transcript()));
        Json snapshot = parseLine(watch.lines().constFirst());
        QVERIFY2(snapshot.is_object(), qPrintable(watch.transcript()));
        QCOMPARE_JSON(snapshot["event"], Json("snapshot"));
        QCOMPARE_JSON(snapshot["thing"], Json("watched"));
        QCOMPARE_JSON(snapshot["shadow"], Json());
        QCOMPARE_JSON(snapshot["exists"], Json(true));
        QCOMPARE_JSON(snapshot["version"], Json(1));
        QCOMPARE_JSON(snapshot["state"]["desired"], Json({{"color", "red"}}));
        QCOMPARE_JSON(snapshot["state"]["delta"], Json::object());

        // A desired change: changed and delta. A deletion: deleted, the third event.
        QVERIFY_SUCCEEDS(shadowArguments({u"update"_s, thing, u"{\"color\":\"blue\"}"_s}));
        QVERIFY2(watch.waitForLines(3), qPrintable(watch.transcript()));
        QVERIFY_SUCCEEDS(shadowArguments({u"delete"_s, thing}));
        QVERIFY2(watch.waitForExit(), qPrintable(watch.transcript()));
        QCOMPARE_EXIT(watch, 0);

        const QStringList lines = watch.lines();
        QCOMPARE(lines.size(), 4);
        QHash<QString, Json> events;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            Json line = parseLine(lines.at(i));
            QVERIFY2(line.is_object(), qPrintable(lines.at(i)));
            QCOMPARE_JSON(line["thing"], Json("watched"));
            events.insert(QString::fromStdString(line.value("event", std::string())), line);
        }
        QVERIFY2(events.contains(u"changed"_s) && events.contains(u"delta"_s),
                 qPrintable(watch.transcript()));
        QCOMPARE_JSON(events[u"changed"_s]["version"], Json(2));
        QCOMPARE_JSON(events[u"changed"_s]["exists"], Json(true));
        QCOMPARE_JSON(events[u"changed"_s]["state"]["desired"], Json({{"color", "blue"}}));
        QCOMPARE_JSON(events[u"changed"_s]["state"]["delta"], Json({{"color", "blue"}}));
        QCOMPARE_JSON(events[u"delta"_s]["version"], Json(2));
        QCOMPARE_JSON(events[u"delta"_s]["state"], Json({{"color", "blue"}}));
        Json last = parseLine(lines.constLast());
        QCOMPARE_JSON(last["event"], Json("deleted"));
        QCOMPARE_JSON(last["version"], Json(2));
        // Nothing went wrong, so nothing is on stderr (--json prints no "Watching" line either).
        QVERIFY2(watch.err().isEmpty(), qPrintable(watch.transcript()));

        // It said goodbye with a DISCONNECT rather than dropping the connection.
        QVERIFY2(m_fleet.broker().waitForLogLine(u"Client %1 disconnected."_s.arg(clientId), Timeout),
                 qPrintable(m_fleet.broker().log().right(2000)));
    }

    void watchOfANamedShadowThatDoesNotExistYet()
    {
        const QString thing = u"watched-named"_s;
        ProgramProcess watch(ctlExecutable());
        QVERIFY(watch.start(shadowArguments(
            {u"watch"_s, thing, u"--name"_s, u"config"_s, u"--json"_s, u"--count"_s, u"1"_s})));
        QVERIFY2(watch.waitForLines(1), qPrintable(watch.transcript()));
        Json snapshot = parseLine(watch.lines().constFirst());
        QCOMPARE_JSON(snapshot["event"], Json("snapshot"));
        QCOMPARE_JSON(snapshot["shadow"], Json("config"));
        QCOMPARE_JSON(snapshot["exists"], Json(false));
        QVERIFY2(!snapshot.contains("state"), qPrintable(watch.transcript()));

        // The classic shadow of the same thing is not this watch's business.
        QVERIFY_SUCCEEDS(shadowArguments({u"update"_s, thing, u"{\"x\":1}"_s}));
        QVERIFY_SUCCEEDS(shadowArguments(
            {u"update"_s, thing, u"--name"_s, u"config"_s, u"--state"_s, u"{\"reported\":{\"x\":2}}"_s}));
        QVERIFY2(watch.waitForExit(), qPrintable(watch.transcript()));
        QCOMPARE_EXIT(watch, 0);
        const QStringList lines = watch.lines();
        QCOMPARE(lines.size(), 2);
        Json changed = parseLine(lines.at(1));
        QCOMPARE_JSON(changed["event"], Json("changed"));
        QCOMPARE_JSON(changed["shadow"], Json("config"));
        QCOMPARE_JSON(changed["version"], Json(1));
        QCOMPARE_JSON(changed["state"]["reported"], Json({{"x", 2}}));
    }

    void watchEndsCleanlyOnSignal_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    // The human output, and a signal that ends the watch with 0 and a DISCONNECT.
    void watchEndsCleanlyOnSignal()
    {
        QFETCH(int, signal);
        const QString thing = u"watched-human-%1"_s.arg(signal);
        const QString clientId = u"ctl-watch-signal-%1"_s.arg(signal);
        ProgramProcess watch(ctlExecutable());
        QVERIFY(watch.start(shadowArguments({u"watch"_s, thing, u"--client-id"_s, clientId})));
        QVERIFY2(watch.waitForError(u"Watching %1 (classic shadow); Ctrl+C to stop."_s.arg(thing)),
                 qPrintable(watch.transcript()));
        QVERIFY2(watch.waitForLines(1), qPrintable(watch.transcript()));
        QCOMPARE(watch.out(), u"%1 (classic shadow) does not exist (yet).\n"_s.arg(thing));

        QVERIFY_SUCCEEDS(
            shadowArguments({u"update"_s, thing, u"--state"_s, u"{\"reported\":{\"on\":true}}"_s}));
        QVERIFY2(watch.waitForLines(2), qPrintable(watch.transcript()));
        QVERIFY2(watch.lines().at(1) == u"%1 (classic shadow) changed: version 1"_s.arg(thing),
                 qPrintable(watch.transcript()));

        const qsizetype logFrom = m_fleet.broker().logPosition();
        watch.signal(signal);
        QVERIFY2(watch.waitForExit(), qPrintable(watch.transcript()));
        QCOMPARE_EXIT(watch, 0);
        QCOMPARE(watch.out(), u"%1 (classic shadow) does not exist (yet).\n"
                              "%1 (classic shadow) changed: version 1\n"
                              "desired: {}\n"
                              "reported:\n"
                              "  {\n"
                              "    \"on\": true\n"
                              "  }\n"
                              "delta: {}\n"_s.arg(thing));
        QCOMPARE(watch.err(), u"Watching %1 (classic shadow); Ctrl+C to stop.\n"_s.arg(thing));
        QVERIFY2(
            m_fleet.broker().waitForLogLine(u"Client %1 disconnected."_s.arg(clientId), Timeout, logFrom),
            qPrintable(m_fleet.broker().log().right(2000)));
    }

    void connectionRefusedExitsWithThree()
    {
        const quint16 port = unusedPort();
        QVERIFY(port != 0);
        const QString url = u"mqtt://127.0.0.1:%1"_s.arg(port);
        for (const QString &action : {u"get"_s, u"watch"_s}) {
            const auto ctl = run({u"shadow"_s, action, u"lamp"_s, u"--broker"_s, url});
            QCOMPARE_EXIT(*ctl, 3);
            QCOMPARE(ctl->err(), u"fleetctl: Nothing accepts connections at %1.\n"_s.arg(url));
            QVERIFY2(ctl->out().isEmpty(), qPrintable(ctl->out()));
        }
    }

    // A broker that nobody serves shadows on: the request is sent but never answered.
    void noShadowServiceTimesOut()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QStringList common = {u"--broker"_s, broker.url(), u"--timeout"_s, u"1"_s};
        for (const QStringList &request :
             {QStringList{u"get"_s, u"lamp"_s}, QStringList{u"update"_s, u"lamp"_s, u"{\"on\":true}"_s},
              QStringList{u"delete"_s, u"lamp"_s, u"--json"_s},
              QStringList{u"watch"_s, u"lamp"_s, u"--json"_s}}) {
            const auto ctl = run(QStringList{u"shadow"_s} + request + common);
            QCOMPARE_EXIT(*ctl, 4);
            const QStringList errors = ctl->err().split(u'\n', Qt::SkipEmptyParts);
            QVERIFY2(!errors.isEmpty(), qPrintable(ctl->transcript()));
            QVERIFY2(errors.constLast().startsWith(u"fleetctl: "_s), qPrintable(ctl->transcript()));
            QVERIFY2(errors.constLast().endsWith(
                         u"is a shadow service (fleet-hub, AWS IoT) serving this broker?"_s),
                     qPrintable(ctl->transcript()));
            QVERIFY2(ctl->out().isEmpty(), qPrintable(ctl->transcript()));
        }
    }

    // `fleetctl audit` on a broker without fleet-hub's gate: said at once, and an error.
    void auditWithoutAGate()
    {
        MosquittoBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const auto ctl = run(
            {u"audit"_s, u"--broker"_s, broker.url(), u"--username"_s, u"alice"_s, u"--timeout"_s, u"60"_s});
        QCOMPARE_EXIT(*ctl, 1);
        QVERIFY2(ctl->err().contains(
                     u"fleetctl: no fleet-hub gate on this broker: there is no audit log to read"_s),
                 qPrintable(ctl->transcript()));
        QVERIFY2(ctl->out().isEmpty(), qPrintable(ctl->transcript()));
        // Without a username there is no reply topic to read.
        const auto anonymous = run({u"audit"_s, u"--broker"_s, broker.url()});
        QCOMPARE_EXIT(*anonymous, 2);
        QVERIFY2(anonymous->err().contains(u"MQTT username"_s), qPrintable(anonymous->transcript()));
        // Its options are checked before anything connects.
        for (const QStringList &wrong :
             {QStringList{u"--since"_s, u"yesterday"_s}, QStringList{u"--limit"_s, u"0"_s},
              QStringList{u"--after"_s, u"-3"_s}, QStringList{u"extra"_s}}) {
            const auto usage = run(QStringList{u"audit"_s, u"--broker"_s, broker.url()} + wrong);
            QCOMPARE_EXIT(*usage, 2);
        }
    }

    void tlsNeedsTheCa()
    {
        FleetFixture::Options options;
        options.broker.tls = MosquittoBroker::Tls::ServerCertificate;
        FleetFixture fleet(options);
        QVERIFY2(fleet.start(), qPrintable(fleet.errorString())); // the hub is given the CA
        const MosquittoBroker &broker = fleet.broker();
        QVERIFY(broker.url().startsWith(u"mqtts://"_s));

        const QStringList tls = {u"--broker"_s, broker.url(), u"--ca"_s, broker.caFile()};
        const auto update = run(QStringList{u"shadow"_s, u"update"_s, u"secure"_s, u"{\"on\":true}"_s} + tls);
        QCOMPARE_EXIT(*update, 0);
        QVERIFY2(update->out().startsWith(u"secure (classic shadow) updated: now at version 1\n"_s),
                 qPrintable(update->out()));
        const auto get = run(QStringList{u"--broker"_s, broker.url(), u"--ca"_s, broker.caFile(), u"shadow"_s,
                                         u"get"_s, u"secure"_s, u"--json"_s});
        QCOMPARE_EXIT(*get, 0);
        QCOMPARE_JSON(parseLine(get->out())["version"], Json(1));

        // Without the CA, or with another one, the broker's certificate does not verify.
        for (const QStringList &ca : {QStringList{}, QStringList{u"--ca"_s, broker.wrongCaFile()}}) {
            const auto refused =
                run(QStringList{u"shadow"_s, u"get"_s, u"secure"_s, u"--broker"_s, broker.url()} + ca);
            QCOMPARE_EXIT(*refused, 3);
            QVERIFY2(
                refused->err().startsWith(u"fleetctl: The TLS connection to %1 failed"_s.arg(broker.url())),
                qPrintable(refused->transcript()));
            QVERIFY2(refused->out().isEmpty(), qPrintable(refused->out()));
        }
        // A plain MQTT client on a TLS port gets nowhere either.
        const auto plain = run({u"shadow"_s, u"get"_s, u"secure"_s, u"--broker"_s,
                                u"mqtt://127.0.0.1:%1"_s.arg(broker.port()), u"--timeout"_s, u"3"_s});
        QCOMPARE_EXIT(*plain, 3);

        QVERIFY(fleet.hub().stop());
    }

    void passwordFromTheEnvironmentOrStandardInput()
    {
        FleetFixture::Options options;
        options.hubUser = {u"hub"_s, u"hub-secret"_s};
        options.broker.users = {options.hubUser, {u"operator"_s, u"right"_s}};
        FleetFixture fleet(options);
        QVERIFY2(fleet.start(), qPrintable(fleet.errorString()));
        const MosquittoBroker &broker = fleet.broker();

        const QStringList operatorArguments = {u"--broker"_s, broker.url(), u"--username"_s, u"operator"_s};
        QProcessEnvironment wrong = ProgramProcess::cleanEnvironment();
        wrong.insert(u"FLEET_MQTT_PASSWORD"_s, u"wrong"_s);
        const auto refused =
            run(QStringList{u"shadow"_s, u"get"_s, u"locked"_s} + operatorArguments, {}, wrong);
        QCOMPARE_EXIT(*refused, 3);
        QVERIFY2(refused->err().startsWith(u"fleetctl: The broker refused the connection"_s),
                 qPrintable(refused->transcript()));
        QVERIFY2(refused->err().contains(u"user name"_s) && refused->err().contains(u"password"_s),
                 qPrintable(refused->transcript()));

        const auto wrongStdin =
            run(QStringList{u"shadow"_s, u"get"_s, u"locked"_s, u"--password-stdin"_s} + operatorArguments,
                "wrong\n");
        QCOMPARE_EXIT(*wrongStdin, 3);

        // No credentials at all: the message says the broker may want some.
        const auto anonymous = run({u"shadow"_s, u"get"_s, u"locked"_s, u"--broker"_s, broker.url()});
        QCOMPARE_EXIT(*anonymous, 3);
        QVERIFY2(anonymous->err().contains(u"user name and password"_s), qPrintable(anonymous->transcript()));

        QProcessEnvironment right = ProgramProcess::cleanEnvironment();
        right.insert(u"FLEET_MQTT_PASSWORD"_s, u"right"_s);
        const auto update =
            run(QStringList{u"shadow"_s, u"update"_s, u"locked"_s, u"{\"open\":false}"_s} + operatorArguments,
                {}, right);
        QCOMPARE_EXIT(*update, 0);
        QVERIFY2(update->out().startsWith(u"locked (classic shadow) updated: now at version 1\n"_s),
                 qPrintable(update->out()));

        // --password-stdin reads the first line only, and wins over the environment.
        const auto get =
            run(QStringList{u"shadow"_s, u"get"_s, u"locked"_s, u"--json"_s, u"--password-stdin"_s} +
                    operatorArguments,
                "right\nleft over\n", wrong);
        QCOMPARE_EXIT(*get, 0);
        QCOMPARE_JSON(parseLine(get->out())["state"]["desired"], Json({{"open", false}}));

        QVERIFY(fleet.hub().stop());
    }

private:
    // fleetctl shadow ARGS --broker URL, for the shared broker and hub.
    QStringList shadowArguments(const QStringList &arguments) const
    {
        return QStringList{u"shadow"_s} + arguments + QStringList{u"--broker"_s, m_fleet.broker().url()};
    }

    QTemporaryDir m_dataHome;
    FleetFixture m_fleet{FleetFixture::Options::verbose()};
};

QTEST_GUILESS_MAIN(TestFleetCtl)
#include "tst_fleetctl.moc"
