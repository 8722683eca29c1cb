// Runs the real fleet-sim executable: its help, the usage errors (exit 2), and a fleet against a real
// mosquitto and a real fleet-hub: every device online on the wire, a command answered, a shadow reported,
// and SIGTERM ending it cleanly with every device "offline".

#include "brokerobserver.h"
#include "fleetfixture.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "programprocess.h"
#include "shadow/shadowclient.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::MqttMessage;
using fleet::ShadowClient;
using fleet::test::FleetFixture;
using fleet::test::HubProcess;
using fleet::test::MosquittoBroker;
using fleet::test::ProgramProcess;
using Observer = fleet::test::BrokerObserver;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

QString simExecutable()
{
#ifdef FLEET_SIM_EXECUTABLE
    return QStringLiteral(FLEET_SIM_EXECUTABLE);
#else
    return QCoreApplication::applicationDirPath() + u"/../app/sim/fleet-sim"_s;
#endif
}

std::unique_ptr<ProgramProcess> run(const QStringList &arguments)
{
    return ProgramProcess::run(simExecutable(), arguments);
}

} // namespace

class TestFleetSim final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(QFileInfo(simExecutable()).isExecutable(), qPrintable(simExecutable()));
        QVERIFY2(QFileInfo(HubProcess::executable()).isExecutable(), qPrintable(HubProcess::executable()));
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase()
    {
        if (m_fleet)
            QVERIFY(m_fleet->hub().stop());
        m_fleet.reset();
    }

    void helpListsTheOptions()
    {
        const auto sim = run({u"--help"_s});
        QCOMPARE_EXIT(*sim, 0);
        const QString help = sim->out();
        for (const char *option :
             {"--devices", "--prefix", "--seed", "--config", "--execution-log", "--broker", "--username",
              "--mqtt-version", "--keepalive", "--ca", "--cert", "--key"})
            QVERIFY2(help.contains(QLatin1StringView(option)), option);
        for (const char *command : {"reboot", "set_led", "set_telemetry_interval", "upload_log", "motor_on",
                                    "motor_off", "set_position"})
            QVERIFY2(help.contains(QLatin1StringView(command)), command);
        QVERIFY2(help.contains(u"Exit status"_s), qPrintable(help));
        // The kinds, their shares and their topics.
        for (const char *kind : {"sampleShare", "designShare", "thingShare", "device_status/request",
                                 "device_status/response", "commands/{id}/ack", "Out-of-order"})
            QVERIFY2(help.contains(QLatin1StringView(kind)), kind);
        QVERIFY2(sim->err().isEmpty(), qPrintable(sim->err()));

        const auto version = run({u"--version"_s});
        QCOMPARE_EXIT(*version, 0);
        QVERIFY2(version->out().contains(u"fleet-sim"_s), qPrintable(version->out()));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");   // part of what stderr must say
        QTest::addColumn<QByteArray>("config"); // non-empty: written to a file passed as --config
        const QString broker = u"mqtt://127.0.0.1:1"_s;
        const auto row = [&](const char *name, QStringList arguments, const QString &message,
                             const QByteArray &config = {}) {
            QTest::newRow(name) << (QStringList{u"--broker"_s, broker} + arguments) << message << config;
        };
        row("no devices", {u"--devices"_s, u"0"_s}, u"devices"_s);
        row("negative devices", {u"--devices"_s, u"-4"_s}, u"devices"_s);
        row("devices not a number", {u"--devices"_s, u"many"_s}, u"--devices"_s);
        row("client id", {u"--client-id"_s, u"me"_s}, u"--client-id"_s);
        row("unknown option", {u"--frobnicate"_s}, u"frobnicate"_s);
        row("positional argument", {u"extra"_s}, u"extra"_s);
        row("prefix with a slash", {u"--prefix"_s, u"a/b"_s}, u"prefix"_s);
        row("seed not a number", {u"--seed"_s, u"lucky"_s}, u"--seed"_s);
        row("config file missing", {u"--config"_s, u"/nonexistent/sim.json"_s}, u"/nonexistent/sim.json"_s);
        row("config not JSON", {}, u"JSON"_s, "{\"devices\": "_ba);
        row("config unknown key", {}, u"frobnicate"_s, "{\"frobnicate\": 1}"_ba);
        row("config wrong type", {}, u"failureRate"_s, "{\"failureRate\": \"often\"}"_ba);
        row("config invalid value", {}, u"failureRate"_s, "{\"failureRate\": 1.5}"_ba);
        row("shares above the fleet", {}, u"sampleShare"_s, "{\"sampleShare\": 0.7, \"thingShare\": 0.7}"_ba);
        row("bad mqtt version", {u"--mqtt-version"_s, u"4"_s}, u"--mqtt-version"_s);
        QTest::newRow("bad broker URL")
            << QStringList{u"--broker"_s, u"ftp://example"_s} << u"--broker"_s << QByteArray();
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(QByteArray, config);
        if (!config.isEmpty()) {
            const QString path = m_dir.filePath(u"config-%1.json"_s.arg(++m_configNumber));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(config);
            file.close();
            arguments << u"--config"_s << path;
        }
        const auto sim = run(arguments);
        QCOMPARE_EXIT(*sim, 2);
        QVERIFY2(sim->err().contains(message), qPrintable(sim->transcript()));
        QVERIFY2(sim->err().startsWith(u"fleet-sim: "_s), qPrintable(sim->transcript()));
        QVERIFY2(sim->out().isEmpty(), qPrintable(sim->transcript()));
    }

    void unwritableExecutionLogExitsWithOne()
    {
        QVERIFY(startServices());
        const QString path = m_dir.filePath(u"missing/exec.log"_s);
        const auto sim = run({u"--broker"_s, broker().url(), u"--devices"_s, u"1"_s, u"--prefix"_s,
                              u"nolog"_s, u"--execution-log"_s, path});
        QCOMPARE_EXIT(*sim, 1);
        QVERIFY2(sim->err().contains(path), qPrintable(sim->transcript()));
    }

    void fleetRunsAndStopsOnSigterm()
    {
        QVERIFY(startServices());
        const QString prefix = u"run"_s;
        Observer observer(broker());
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"presence/+"_s));
        QVERIFY(observer.subscribe(u"cmd/%1-5/resp"_s.arg(prefix)));

        const QString log = m_dir.filePath(u"exec-run.log"_s);
        ProgramProcess sim(simExecutable());
        QVERIFY(sim.start({u"--broker"_s, broker().url(), u"--devices"_s, u"20"_s, u"--prefix"_s, prefix,
                           u"--execution-log"_s, log}));
        QVERIFY2(sim.waitForError(u"All 20 devices are online"_s), qPrintable(sim.transcript()));
        QTRY_COMPARE_WITH_TIMEOUT(observer.saying(u"presence/%1-"_s.arg(prefix), "online"_ba), 20, Timeout);
        for (int n = 1; n <= 20; ++n)
            QVERIFY2(broker().log().contains(u" as %1-%2 "_s.arg(prefix).arg(n)),
                     qPrintable(QString::number(n)));

        // A command, answered; it ran once, as the execution log says.
        QVERIFY(
            observer.client()->publish(
                u"cmd/%1-5/req"_s.arg(prefix),
                "{\"cmd\":\"set_led\",\"tid\":\"sim-1\",\"status\":\"REQUEST\",\"params\":{\"color\":\"red\"}}"_ba,
                1) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!observer.on(u"cmd/%1-5/resp"_s.arg(prefix)).isEmpty(), Timeout);
        const Json reply = Json::parse(
            observer.on(u"cmd/%1-5/resp"_s.arg(prefix)).first().payload().toStdString(), nullptr, false);
        QVERIFY2(reply.is_object(),
                 observer.on(u"cmd/%1-5/resp"_s.arg(prefix)).first().payload().constData());
        QCOMPARE(QString::fromStdString(reply.value("tid", std::string())), u"sim-1"_s);
        QCOMPARE(QString::fromStdString(reply.value("status", std::string())), u"SUCCESS"_s);
        QCOMPARE(QString::fromStdString(reply.value("device", std::string())), u"%1-5"_s.arg(prefix));
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray lines = file.readAll();
        QCOMPARE(lines.count('\n'), 1);
        QVERIFY2(lines.endsWith("\t" + prefix.toUtf8() + "-5\tsim-1\tset_led\n"), lines.constData());

        // Through the hub, the device's shadow holds what it reported, the new colour included.
        ShadowClient shadows(observer.client());
        QString led;
        QTRY_COMPARE_WITH_TIMEOUT(led = reportedLed(shadows, u"%1-5"_s.arg(prefix)), u"red"_s, Timeout);

        sim.signal(SIGTERM);
        QVERIFY2(sim.waitForExit(), qPrintable(sim.transcript()));
        QCOMPARE_EXIT(sim, 0);
        QTRY_COMPARE_WITH_TIMEOUT(observer.saying(u"presence/%1-"_s.arg(prefix), "offline"_ba), 20, Timeout);
        QCOMPARE(observer.saying(u"presence/%1-"_s.arg(prefix), "online"_ba), 0);
        QVERIFY2(sim.err().contains(u"SIGTERM"_s), qPrintable(sim.transcript()));

        // Retained: a late observer sees all of them offline.
        Observer late(broker());
        QVERIFY(late.connect());
        QVERIFY(late.subscribe(u"presence/+"_s));
        QTRY_COMPARE_WITH_TIMEOUT(late.saying(u"presence/%1-"_s.arg(prefix), "offline"_ba), 20, Timeout);
    }

    // A broker with a password file: every device sends the user name and the password (here from the
    // environment); with a wrong password none gets in and each says so.
    void devicesSendTheUserNameAndPassword()
    {
        MosquittoBroker::Options options;
        options.users = {{u"fleet"_s, u"s3cret"_s}};
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        ProgramProcess sim(simExecutable());
        sim.setEnvironmentValue(u"FLEET_MQTT_PASSWORD"_s, u"s3cret"_s);
        QVERIFY(sim.start({u"--broker"_s, broker.url(), u"--devices"_s, u"3"_s, u"--prefix"_s, u"auth"_s,
                           u"--username"_s, u"fleet"_s}));
        QVERIFY2(sim.waitForError(u"All 3 devices are online"_s), qPrintable(sim.transcript()));
        sim.signal(SIGTERM);
        QVERIFY2(sim.waitForExit(), qPrintable(sim.transcript()));
        QCOMPARE_EXIT(sim, 0);

        ProgramProcess wrong(simExecutable());
        wrong.setEnvironmentValue(u"FLEET_MQTT_PASSWORD"_s, u"wrong"_s);
        QVERIFY(wrong.start({u"--broker"_s, broker.url(), u"--devices"_s, u"2"_s, u"--prefix"_s, u"bad"_s,
                             u"--username"_s, u"fleet"_s}));
        QVERIFY2(wrong.waitForError(u"user name and password"_s), qPrintable(wrong.transcript()));
        QVERIFY(!wrong.err().contains(u"devices are online"_s));
        wrong.signal(SIGTERM);
        QVERIFY2(wrong.waitForExit(), qPrintable(wrong.transcript()));
    }

    // --mqtt-version is one of the broker options fleet-sim accepts: it must be honoured or refused, not
    // silently replaced by MQTT 5.
    void mqttVersionIsHonouredOrRefused()
    {
        QVERIFY(startServices());
        const qsizetype from = broker().logPosition();
        ProgramProcess sim(simExecutable());
        QVERIFY(sim.start({u"--broker"_s, broker().url(), u"--devices"_s, u"1"_s, u"--prefix"_s, u"v311"_s,
                           u"--mqtt-version"_s, u"3.1.1"_s}));
        QVERIFY(QTest::qWaitFor(
            [&] { return !sim.isRunning() || sim.err().contains(u"All 1 devices are online"_s); }, Timeout));
        if (!sim.isRunning()) {
            QCOMPARE_EXIT(sim, 2);
            return;
        }
        QVERIFY2(broker().waitForLogLine(u" as v311-1 (p4"_s, Timeout, from),
                 qPrintable(broker().log().mid(from)));
        sim.signal(SIGTERM);
        QVERIFY(sim.waitForExit());
        QCOMPARE_EXIT(sim, 0);
    }

    // Every kind, each under its own ids, as the log says when they connect.
    void fleetOfEveryKind()
    {
        QVERIFY(startServices());
        const QString config = m_dir.filePath(u"kinds.json"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"sampleShare": 0.25, "designShare": 0.25, "thingShare": 0.25})");
        file.close();
        ProgramProcess sim(simExecutable());
        QVERIFY(sim.start({u"--broker"_s, broker().url(), u"--devices"_s, u"8"_s, u"--prefix"_s, u"kinds"_s,
                           u"--config"_s, config}));
        QVERIFY2(sim.waitForError(u"All 8 devices are online"_s), qPrintable(sim.transcript()));
        QVERIFY2(
            sim.err().contains(u"(kinds-1 to kinds-2, sample-1 to sample-2, design-1 to design-2, thing-1 to "
                               u"thing-2; seed 1"_s),
            qPrintable(sim.transcript()));
        for (const QString &id : {u"kinds-2"_s, u"sample-2"_s, u"design-2"_s, u"thing-2"_s})
            QVERIFY2(broker().log().contains(u" as %1 "_s.arg(id)), qPrintable(id));
        sim.signal(SIGTERM);
        QVERIFY2(sim.waitForExit(), qPrintable(sim.transcript()));
        QCOMPARE_EXIT(sim, 0);
    }

    // Azure devices: described by --help, and a fleet with one that has no key does not start.
    void azureDevicesNeedTheirKeys()
    {
        const auto help = run({u"--help"_s});
        QCOMPARE_EXIT(*help, 0);
        for (const char *text : {"azureShare", "az-1", "azureDevices", "api-version=2021-04-12",
                                 "devices/{id}/messages/events/", "lastCloudMessage"})
            QVERIFY2(help->out().contains(QLatin1StringView(text)), text);

        const QString config = m_dir.filePath(u"azure.json"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"azureShare": 1})");
        file.close();
        const QStringList arguments = {u"--broker"_s, u"mqtt://127.0.0.1:1"_s, u"--devices"_s,
                                       u"2"_s,        u"--config"_s,           config};
        // No accounts file: no keys.
        auto sim = run(arguments);
        QCOMPARE_EXIT(*sim, 1);
        QVERIFY2(sim->err().contains(u"az-1"_s) && sim->err().contains(u"--accounts"_s),
                 qPrintable(sim->transcript()));

        // A file with the key of az-2 only.
        const QString accounts = m_dir.filePath(u"azure-accounts.json"_s);
        QFile keys(accounts);
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write(R"({"azureHostName": "fleet.local",
                       "azureDevices": [{"deviceId": "az-2", "primaryKey": "c2VjcmV0IGtleSBvZiBhei0y"}]})");
        keys.close();
        sim = run(arguments + QStringList{u"--accounts"_s, accounts});
        QCOMPARE_EXIT(*sim, 1);
        QVERIFY2(sim->err().contains(u"Azure device az-1 has no key"_s), qPrintable(sim->transcript()));

        // A file with neither accounts nor keys is a usage error.
        QVERIFY(keys.open(QIODevice::WriteOnly | QIODevice::Truncate));
        keys.write(R"({"accounts": [], "azureDevices": []})");
        keys.close();
        sim = run(arguments + QStringList{u"--accounts"_s, accounts});
        QCOMPARE_EXIT(*sim, 2);
        QVERIFY2(sim->err().contains(u"Azure devices"_s), qPrintable(sim->transcript()));
    }

    void secondSignalStopsAtOnce()
    {
        QVERIFY(startServices());
        ProgramProcess sim(simExecutable());
        QVERIFY(
            sim.start({u"--broker"_s, broker().url(), u"--devices"_s, u"3"_s, u"--prefix"_s, u"twice"_s}));
        QVERIFY2(sim.waitForError(u"All 3 devices are online"_s), qPrintable(sim.transcript()));
        sim.signal(SIGINT);
        QVERIFY(sim.waitForExit());
        QCOMPARE_EXIT(sim, 0);
        QVERIFY2(sim.err().contains(u"SIGINT"_s), qPrintable(sim.transcript()));
    }

private:
    // One broker and one hub, started by the first test that needs them.
    bool startServices()
    {
        if (m_fleet)
            return true;
        auto fleet = std::make_unique<FleetFixture>(FleetFixture::Options::verbose());
        if (!fleet->start()) {
            qWarning().noquote() << fleet->errorString();
            return false;
        }
        m_fleet = std::move(fleet);
        return true;
    }

    MosquittoBroker &broker() const { return m_fleet->broker(); }

    static QString reportedLed(ShadowClient &shadows, const QString &thing)
    {
        QSignalSpy finished(&shadows, &ShadowClient::requestFinished);
        shadows.get(thing);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, Timeout))
            return {};
        const auto result = finished.first().at(1).value<ShadowClient::Result>();
        if (!result.ok)
            return {};
        const Json reported = result.body["state"].value("reported", Json::object());
        return QString::fromStdString(reported.value("led", std::string()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<FleetFixture> m_fleet;
    int m_configNumber = 0;
};

QTEST_GUILESS_MAIN(TestFleetSim)

#include "tst_fleetsim.moc"
