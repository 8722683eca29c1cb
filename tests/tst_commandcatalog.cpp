// CommandCatalog: loading (and every way a catalog file can be wrong), and the default catalog against
// fleet-sim: the same command set, and every payload it builds accepted by a real SimDevice on a real
// mosquitto, including the inverses computed from the device's state.

#include "brokerobserver.h"

#include "commands/commandcatalog.h"
#include "common/json.h"
#include "mosquittobroker.h"
#include "simconfig.h"
#include "simdevice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::CommandSpec;
using fleet::Json;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;

#ifndef Q_MOC_RUN
namespace {

constexpr int Timeout = 15000;

QByteArray catalogOf(const QByteArray &commands)
{
    return R"({"version":1,"commands":)"_ba + commands + "}";
}

// A valid catalog's command list, for the error cases to break one piece of.
constexpr auto Two = R"([
    {"name":"set_led","payload":{"color":"${color}"},
     "parameters":[{"name":"color","type":"string","required":true}],
     "inverse":{"command":"set_led","parameters":{"color":"${captured.led}"}}},
    {"name":"blink","deprecated":true,"replacement":"set_led"}
])";

QString text(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

} // namespace
#endif

class TestCommandCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsValidCatalog();
    void emptyCatalog();
    void errors_data();
    void errors();
    void fromFile();
    void roundTrip();
    // The default catalog is exactly fleet-sim's command set, with its parameter names and ranges.
    void defaultCatalogMatchesFleetSim();
    // Every default command, built by the catalog, is executed by a real fleet-sim device; and the inverses
    // computed from its state before a command restore that state.
    void defaultPayloadsAcceptedBySimDevice();
};

// moc does not understand raw string literals; it need not see the tests.
#ifndef Q_MOC_RUN

void TestCommandCatalog::loadsValidCatalog()
{
    QString error;
    const std::optional<CommandCatalog> catalog = CommandCatalog::fromJson(catalogOf(Two), &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->commands().size(), 2);
    QCOMPARE(catalog->names(), (QStringList{u"set_led"_s, u"blink"_s}));
    QCOMPARE(catalog->names(false), QStringList{u"set_led"_s});
    // Deprecated commands are still found, flagged.
    const CommandSpec *blink = catalog->find(u"blink"_s);
    QVERIFY(blink);
    QVERIFY(blink->deprecated);
    QCOMPARE(blink->replacement, u"set_led"_s);
    QVERIFY(!catalog->find(u"set_led"_s)->deprecated);
    QVERIFY(!catalog->find(u"SET_LED"_s));
    QVERIFY(!catalog->find(QString()));
}

void TestCommandCatalog::emptyCatalog()
{
    const auto catalog = CommandCatalog::fromJson(R"({"version":1,"commands":[]})"_ba);
    QVERIFY(catalog);
    QVERIFY(catalog->isEmpty());
}

void TestCommandCatalog::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("empty") << QByteArray() << QStringList{u"JSON"_s};
    QTest::newRow("malformed") << R"({"version":1,"commands":[)"_ba << QStringList{u"JSON"_s};
    QTest::newRow("trailing comma") << R"({"version":1,"commands":[],})"_ba << QStringList{u"JSON"_s};
    QTest::newRow("not an object") << "[]"_ba << QStringList{u"object"_s};
    QTest::newRow("no version") << R"({"commands":[]})"_ba << QStringList{u"version"_s};
    QTest::newRow("wrong version") << R"({"version":2,"commands":[]})"_ba << QStringList{u"version"_s};
    QTest::newRow("version string") << R"({"version":"1","commands":[]})"_ba << QStringList{u"version"_s};
    QTest::newRow("no commands") << R"({"version":1})"_ba << QStringList{u"commands"_s};
    QTest::newRow("commands object") << R"({"version":1,"commands":{}})"_ba << QStringList{u"commands"_s};
    QTest::newRow("unknown top-level key")
        << R"({"version":1,"commands":[],"extra":0})"_ba << QStringList{u"extra"_s};
    QTest::newRow("command not object") << catalogOf(R"([{"name":"a"},"b"])") << QStringList{u"Command 1"_s};
    QTest::newRow("duplicate name") << catalogOf(R"([{"name":"a"},{"name":"b"},{"name":"a"}])")
                                    << QStringList{u"Command 2"_s, u"\"a\""_s, u"name"_s};
    QTest::newRow("unknown key names index, name and key")
        << catalogOf(R"([{"name":"a"},{"name":"b","timeout":5}])")
        << QStringList{u"Command 1"_s, u"\"b\""_s, u"timeout"_s};
    QTest::newRow("wrong type") << catalogOf(R"([{"name":"a","sensitive":"no"}])")
                                << QStringList{u"Command 0"_s, u"sensitive"_s};
    QTest::newRow("out of range") << catalogOf(R"([{"name":"a","timeoutMs":-1}])")
                                  << QStringList{u"Command 0"_s, u"timeoutMs"_s};
    QTest::newRow("bad parameter") << catalogOf(R"([{"name":"a","payload":"${x}",
                                          "parameters":[{"name":"x","type":"integer","minimum":"0"}]}])")
                                   << QStringList{u"\"a\""_s, u"parameters"_s, u"minimum"_s};
    QTest::newRow("wildcard topic") << catalogOf(R"([{"name":"a","requestTopic":"cmd/#"}])")
                                    << QStringList{u"\"a\""_s, u"requestTopic"_s};
    QTest::newRow("unknown replacement") << catalogOf(R"([{"name":"a","deprecated":true,"replacement":"b"}])")
                                         << QStringList{u"\"a\""_s, u"replacement"_s, u"\"b\""_s};
    QTest::newRow("unknown inverse command")
        << catalogOf(R"([{"name":"a","inverse":{"command":"b","parameters":{}}}])")
        << QStringList{u"\"a\""_s, u"inverse"_s, u"\"b\""_s};
    QTest::newRow("inverse names unknown parameter")
        << catalogOf(R"([{"name":"a","inverse":{"command":"a","parameters":{"x":1}}}])")
        << QStringList{u"inverse"_s, u"\"x\""_s};
    QTest::newRow("inverse literal of wrong type")
        << catalogOf(R"([{"name":"a","payload":"${x}","parameters":[{"name":"x","type":"integer"}],
                          "inverse":{"command":"a","parameters":{"x":"high"}}}])")
        << QStringList{u"inverse"_s, u"\"x\""_s};
    QTest::newRow("inverse misses a required parameter")
        << catalogOf(R"([{"name":"a","payload":"${x}","parameters":[{"name":"x","type":"integer",
                          "required":true}]},{"name":"b","inverse":{"command":"a","parameters":{}}}])")
        << QStringList{u"Command 1"_s, u"inverse"_s, u"\"x\""_s};
}

void TestCommandCatalog::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, mentions);
    QString error;
    QVERIFY(!CommandCatalog::fromJson(json, &error));
    for (const QString &m : std::as_const(mentions))
        QVERIFY2(error.contains(m), qPrintable(u"\"%1\" not in: %2"_s.arg(m, error)));
}

void TestCommandCatalog::fromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"catalog.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(catalogOf(Two));
    file.close();
    QString error;
    const auto catalog = CommandCatalog::fromFile(path, &error);
    QVERIFY2(catalog, qPrintable(error));
    QCOMPARE(catalog->commands().size(), 2);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(catalogOf(R"([{"name":"x","retry":{"attempts":"many"}}])"));
    file.close();
    QVERIFY(!CommandCatalog::fromFile(path, &error));
    QVERIFY2(error.contains(path) && error.contains(u"attempts"_s), qPrintable(error));

    QVERIFY(!CommandCatalog::fromFile(dir.filePath(u"missing.json"_s), &error));
    QVERIFY2(error.contains(u"missing.json"_s), qPrintable(error));
}

void TestCommandCatalog::roundTrip()
{
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    QString error;
    const auto back = CommandCatalog::fromJson(catalog.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), catalog.toJson());
}

void TestCommandCatalog::defaultCatalogMatchesFleetSim()
{
    QString error;
    const auto resource =
        CommandCatalog::fromFile(QString::fromLatin1(CommandCatalog::DefaultCatalogPath), &error);
    QVERIFY2(resource, qPrintable(error));
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    QCOMPARE(catalog.names(), SimDevice::builtInCommands());
    QCOMPARE(catalog.names(false), SimDevice::builtInCommands());

    const QHash<QString, QStringList> parameters{
        {u"set_led"_s, {u"color"_s}},
        {u"set_telemetry_interval"_s, {u"ms"_s}},
        {u"set_position"_s, {u"position"_s}},
        {u"show_message"_s, {u"text"_s}},
    };
    for (const CommandSpec &spec : catalog.commands()) {
        QStringList names;
        for (const auto &p : spec.parameters)
            names.append(p.name);
        QCOMPARE(names, parameters.value(spec.name));
        // show_message is fleet-sim's AWS IoT command (docs/aws-commands.md), the rest Atlas commands.
        if (spec.name == u"show_message"_s) {
            QCOMPARE(spec.dialect, u"aws-commands"_s);
            QVERIFY(!spec.sensitive);
            continue;
        }
        QCOMPARE(spec.dialect, u"atlas"_s);
        QCOMPARE(spec.requestTopic(u"dev-1"_s), u"cmd/dev-1/req"_s);
        QCOMPARE(spec.responseTopic(u"dev-1"_s), u"cmd/dev-1/resp"_s);
        QCOMPARE(spec.groupRequestTopic(u"group-1"_s), u"cmd/group/group-1/req"_s);
        QCOMPARE(spec.sensitive, spec.name == u"reboot"_s || spec.name == u"set_position"_s);
        QCOMPARE(spec.isLongRunning(), spec.name == u"set_position"_s);
        QVERIFY(spec.retry.validate());
    }
    const CommandSpec *position = catalog.find(u"set_position"_s);
    QCOMPARE(position->heartbeatIntervalMs, 1000);
    QVERIFY(position->timeoutMs > catalog.find(u"set_led"_s)->timeoutMs);
    // fleet-sim's ranges.
    QVERIFY(catalog.find(u"set_telemetry_interval"_s)->buildPayload(Json{{"ms", 100}}));
    QVERIFY(catalog.find(u"set_telemetry_interval"_s)->buildPayload(Json{{"ms", 3600000}}));
    QVERIFY(!catalog.find(u"set_telemetry_interval"_s)->buildPayload(Json{{"ms", 99}}));
    QVERIFY(!catalog.find(u"set_telemetry_interval"_s)->buildPayload(Json{{"ms", 3600001}}));
    QVERIFY(position->buildPayload(Json{{"position", 0}}));
    QVERIFY(position->buildPayload(Json{{"position", 100}}));
    QVERIFY(!position->buildPayload(Json{{"position", 101}}));
    QVERIFY(!catalog.find(u"set_led"_s)->buildPayload(Json{{"color", ""}}));
    QVERIFY(!catalog.find(u"set_led"_s)->buildPayload(Json{{"color", std::string(65, 'a')}}));

    // Inverses, from the reported shadow's keys.
    const Json captured = {{"led", "off"},
                           {"motor", "on"},
                           {"position", 42},
                           {"telemetryIntervalMs", 5000},
                           {"message", "ready"}};
    const QHash<QString, QPair<QString, Json>> inverses{
        {u"set_led"_s, {u"set_led"_s, Json{{"color", "off"}}}},
        {u"set_telemetry_interval"_s, {u"set_telemetry_interval"_s, Json{{"ms", 5000}}}},
        {u"motor_on"_s, {u"motor_off"_s, Json::object()}},
        {u"motor_off"_s, {u"motor_on"_s, Json::object()}},
        {u"set_position"_s, {u"set_position"_s, Json{{"position", 42}}}},
        {u"show_message"_s, {u"show_message"_s, Json{{"text", "ready"}}}},
    };
    for (const CommandSpec &spec : catalog.commands()) {
        const auto expected = inverses.constFind(spec.name);
        QCOMPARE(spec.inverse.has_value(), expected != inverses.cend());
        if (!spec.inverse)
            continue;
        QCOMPARE(spec.inverse->command, expected->first);
        const std::optional<Json> p = spec.inverseParameters(captured, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(QString::fromStdString(p->dump()), QString::fromStdString(expected->second.dump()));
        QVERIFY(catalog.find(spec.inverse->command)->buildPayload(*p, &error));
    }

    // "sets": every command that changes a reported key says which, so that a contradicting desired state
    // can be warned about; reboot and upload_log change none.
    const QHash<QString, QPair<Json, Json>> sets{
        {u"set_led"_s, {Json{{"color", "red"}}, Json{{"led", "red"}}}},
        {u"set_telemetry_interval"_s, {Json{{"ms", 2500}}, Json{{"telemetryIntervalMs", 2500}}}},
        {u"motor_on"_s, {Json::object(), Json{{"motor", "on"}}}},
        {u"motor_off"_s, {Json::object(), Json{{"motor", "off"}}}},
        {u"set_position"_s, {Json{{"position", 40}}, Json{{"position", 40}}}},
        {u"show_message"_s, {Json{{"text", "hi"}}, Json{{"message", "hi"}}}},
    };
    for (const CommandSpec &spec : catalog.commands()) {
        const auto expected = sets.constFind(spec.name);
        QCOMPARE(!spec.setsTemplate.empty(), expected != sets.cend());
        // A required parameter, for the commands that set nothing and have one.
        const Json given = expected != sets.cend()          ? expected->first
                           : spec.name == u"show_message"_s ? Json{{"text", "hi"}}
                                                            : Json::object();
        const std::optional<Json> set = spec.stateSet(given, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(QString::fromStdString(set->dump()),
                 QString::fromStdString(expected != sets.cend() ? expected->second.dump() : "{}"));
        // Every key it sets is one fleet-sim reports (the captured state's keys).
        for (const auto &[key, value] : set->items())
            QVERIFY2(captured.contains(key), key.c_str());
    }
}

void TestCommandCatalog::defaultPayloadsAcceptedBySimDevice()
{
    QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(), "mosquitto is not installed: run ./fleet setup");
    MosquittoBroker broker;
    QVERIFY2(broker.start(), qPrintable(broker.errorString()));

    SimConfig config;
    config.prefix = u"cat"_s;
    config.devices = 1;
    config.telemetryIntervalMs = 60000;
    config.runningIntervalMs = 50;
    config.setPositionMs = 300;
    config.rebootOfflineMs = 300;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    const QString invalid = config.validate();
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    SimDevice device(1, config, fleet::test::profileFor(broker), nullptr);
    device.start();
    QTRY_VERIFY_WITH_TIMEOUT(device.isOnline(), Timeout);

    fleet::test::BrokerObserver observer(broker);
    QVERIFY(observer.connect());
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    QVERIFY(observer.subscribe(catalog.commands().first().responseTopic(device.id())));
    // The device's subscriptions are granted once its first request is answered; retry that one.
    int tidNumber = 0;
    const auto send = [&](const QString &name, const Json &parameters) -> QString {
        const CommandSpec *spec = catalog.find(name);
        QString error;
        const std::optional<Json> payload = spec ? spec->buildPayload(parameters, &error) : std::nullopt;
        if (!payload) {
            qWarning("%s: %s", qPrintable(name), qPrintable(error));
            return {};
        }
        const QString tid = u"t%1"_s.arg(++tidNumber);
        const Json request = {{"cmd", name.toStdString()},
                              {"tid", tid.toStdString()},
                              {"status", "REQUEST"},
                              {"params", *payload}};
        if (!observer.publish(spec->requestTopic(device.id()), QByteArray::fromStdString(request.dump())))
            return {};
        return tid;
    };
    const auto finalStatus = [&](const QString &tid) -> QString {
        for (const auto &m : observer.messages()) {
            const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
            if (body.is_object() && text(body.value("tid", Json())) == tid) {
                const QString status = text(body.value("status", Json()));
                if (status != u"RUNNING"_s)
                    return status + u' ' + text(body.value("reason", Json()));
            }
        }
        return {};
    };
    const auto run = [&](const QString &name, const Json &parameters) {
        const QString tid = send(name, parameters);
        if (tid.isEmpty())
            return false;
        if (!QTest::qWaitFor([&] { return !finalStatus(tid).isEmpty(); }, Timeout))
            return false;
        const QString status = finalStatus(tid);
        if (!status.startsWith(u"SUCCESS"_s)) {
            qWarning("%s: %s", qPrintable(name), qPrintable(status));
            return false;
        }
        return true;
    };
    const auto captured = [&] {
        return Json{{"led", device.led().toStdString()},
                    {"motor", device.motorOn() ? "on" : "off"},
                    {"position", device.position()},
                    {"telemetryIntervalMs", device.telemetryIntervalMs()}};
    };
    const auto undo = [&](const QString &name, const Json &before) {
        const CommandSpec *spec = catalog.find(name);
        QString error;
        const std::optional<Json> p = spec->inverseParameters(before, &error);
        if (!p) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return run(spec->inverse->command, *p);
    };

    // What "sets" says a command sets is what the device then reports.
    const auto setsWhatItSays = [&](const QString &name, const Json &parameters) {
        QString error;
        const std::optional<Json> sets = catalog.find(name)->stateSet(parameters, &error);
        if (!sets || sets->empty()) {
            qWarning("%s: no \"sets\" %s", qPrintable(name), qPrintable(error));
            return false;
        }
        const Json state = captured();
        for (const auto &[key, value] : sets->items()) {
            if (!state.contains(key) || state[key] != value) {
                qWarning("%s sets %s to %s, the device reports %s", qPrintable(name), key.c_str(),
                         value.dump().c_str(), state.value(key, Json()).dump().c_str());
                return false;
            }
        }
        return true;
    };

    // A first request may race the device's own subscription: wait for it with a harmless command.
    QVERIFY(QTest::qWaitFor([&] { return run(u"upload_log"_s, Json::object()); }, Timeout));

    Json before = captured();
    QVERIFY(run(u"set_led"_s, Json{{"color", "blue"}}));
    QCOMPARE(device.led(), u"blue"_s);
    QVERIFY(setsWhatItSays(u"set_led"_s, Json{{"color", "blue"}}));
    QVERIFY(undo(u"set_led"_s, before));
    QCOMPARE(device.led(), QString::fromStdString(before["led"].get<std::string>()));

    before = captured();
    QVERIFY(run(u"set_telemetry_interval"_s, Json{{"ms", 2500.0}}));
    QCOMPARE(device.telemetryIntervalMs(), 2500);
    QVERIFY(setsWhatItSays(u"set_telemetry_interval"_s, Json{{"ms", 2500.0}}));
    QVERIFY(undo(u"set_telemetry_interval"_s, before));
    QCOMPARE(device.telemetryIntervalMs(), 60000);

    QVERIFY(run(u"motor_on"_s, Json::object()));
    QVERIFY(device.motorOn());
    QVERIFY(setsWhatItSays(u"motor_on"_s, Json::object()));
    QVERIFY(undo(u"motor_on"_s, captured()));
    QVERIFY(!device.motorOn());
    QVERIFY(run(u"motor_off"_s, Json::object()));
    QVERIFY(setsWhatItSays(u"motor_off"_s, Json::object()));

    before = captured();
    QVERIFY(run(u"set_position"_s, Json{{"position", 75}}));
    QCOMPARE(device.position(), 75);
    QVERIFY(setsWhatItSays(u"set_position"_s, Json{{"position", 75}}));
    QVERIFY(undo(u"set_position"_s, before));
    QCOMPARE(device.position(), before["position"].get<int>());

    QVERIFY(run(u"upload_log"_s, nullptr));
    QVERIFY(run(u"reboot"_s, Json::object()));

    device.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!device.isOnline(), Timeout);
}

#endif

QTEST_GUILESS_MAIN(TestCommandCatalog)
#include "tst_commandcatalog.moc"
