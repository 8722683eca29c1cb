// SimDevice against a real mosquitto (and a real fleet-hub for its shadows): presence, every built-in
// command, tid deduplication, out-of-order tids, malformed requests, group requests, text mode, each fault,
// an offline period with a persistent session, shadow reports and deltas, the seed's determinism, and the
// other kinds: the seed's sample device (plain text, the device_status broadcast), the design page's
// commands/{id} and a thing that speaks AWS IoT commands only. Devices run in this process; the test watches
// them from the wire with a client of its own.

#include "brokerobserver.h"
#include "commands/tidgenerator.h"
#include "executionlog.h"
#include "fleetfixture.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"
#include "simconfig.h"
#include "simdevice.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::ShadowClient;
using fleet::TidGenerator;
using fleet::sim::ExecutionLog;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using Kind = fleet::sim::SimConfig::Kind;

namespace {

// Generous: a loaded machine must not fail a test. Nothing waits this long when all goes well.
constexpr int Timeout = fleet::test::DefaultTimeoutMs;
// How long a test waits to see that something does NOT happen: many times the simulated latencies below.
constexpr int QuietMs = 600;

Json parse(const QByteArray &payload)
{
    return Json::parse(payload.constData(), payload.constData() + payload.size(), nullptr, false);
}

QString text(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

QByteArray request(const QString &cmd, const QString &tid, const Json &params = nullptr)
{
    Json body = {{"cmd", cmd.toStdString()}, {"tid", tid.toStdString()}, {"status", "REQUEST"}};
    if (!params.is_null())
        body["params"] = params;
    return QByteArray::fromStdString(body.dump());
}

// The test's own eyes on the broker, with the command replies it saw read as JSON.
class Observer final : public fleet::test::BrokerObserver
{
public:
    explicit Observer(const MosquittoBroker &broker)
        : BrokerObserver(broker)
    {
        client()->setReconnectDelays(100, 800);
    }

    // The JSON replies on topic that carry tid, in arrival order.
    QList<Json> replies(const QString &topic, const QString &tid) const
    {
        QList<Json> result;
        for (const MqttMessage &m : on(topic)) {
            const Json body = parse(m.payload());
            if (body.is_object() && body.contains("tid") && text(body["tid"]) == tid)
                result.append(body);
        }
        return result;
    }

    // The replies of tid that end the command (SUCCESS or FAILURE).
    QList<Json> finals(const QString &topic, const QString &tid) const
    {
        QList<Json> result;
        for (const Json &r : replies(topic, tid)) {
            const QString status = text(r.value("status", Json()));
            if (status == "SUCCESS"_L1 || status == "FAILURE"_L1)
                result.append(r);
        }
        return result;
    }

    int count(const QString &topic, const QString &tid, const char *status) const
    {
        int n = 0;
        for (const Json &r : replies(topic, tid))
            n += text(r.value("status", Json())) == QLatin1StringView(status);
        return n;
    }
};

QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    lines.removeAll(QString());
    return lines;
}

} // namespace

class TestSimDevice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // One broker and one hub for the whole file; each test has device ids of its own.
        QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString()));
    }

    void cleanupTestCase() { QVERIFY(m_fleet.hub().stop()); }

    void presenceOnlineIsRetainedOnConnect()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        QCOMPARE(device.id(), config.prefix + u"-1"_s);
        QCOMPARE(device.group(), u"group-1"_s);
        QVERIFY(!device.isOnline());
        QSignalSpy online(&device, &SimDevice::onlineChanged);
        QVERIFY(startAndWait(device));
        QCOMPARE(device.client()->clientId(), device.id());
        QVERIFY(!online.isEmpty());
        QCOMPARE(online.last().first().toBool(), true);

        // A subscriber arriving later gets the retained "online".
        Observer late(m_fleet.broker());
        QVERIFY(late.connect());
        QVERIFY(late.subscribe(presenceOf(config, device)));
        QTRY_COMPARE_WITH_TIMEOUT(late.messages().size(), 1, Timeout);
        QCOMPARE(late.messages().first().payload(), "online"_ba);
        QVERIFY(late.messages().first().retain());
    }

    void presenceOfflineWillAfterAbortedConnection()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        QVERIFY(startAndWait(device));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString presence = presenceOf(config, device);
        QVERIFY(observer.subscribe(presence));
        QTRY_COMPARE_WITH_TIMEOUT(observer.payloadsOn(presence), QList<QByteArray>{"online"_ba}, Timeout);

        // A crash as the broker sees it: no DISCONNECT, so the Will says "offline"; the device comes back.
        device.client()->abortConnection();
        QTRY_VERIFY_WITH_TIMEOUT(observer.payloadsOn(presence).size() >= 2, Timeout);
        QCOMPARE(observer.payloadsOn(presence).at(1), "offline"_ba);
        QTRY_VERIFY_WITH_TIMEOUT(observer.payloadsOn(presence).size() >= 3, Timeout);
        QCOMPARE(observer.payloadsOn(presence).at(2), "online"_ba);
        QTRY_VERIFY_WITH_TIMEOUT(device.isOnline(), Timeout);
    }

    void presenceOfflineAfterStop()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        QVERIFY(startAndWait(device));
        QSignalSpy stopped(&device, &SimDevice::stopped);
        QSignalSpy online(&device, &SimDevice::onlineChanged);
        device.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QVERIFY(!device.isOnline());
        QCOMPARE(online.size(), 1);
        QCOMPARE(online.first().first().toBool(), false);
        QCOMPARE(device.client()->state(), MqttClient::State::Disconnected);

        Observer late(m_fleet.broker());
        QVERIFY(late.connect());
        QVERIFY(late.subscribe(presenceOf(config, device)));
        QTRY_COMPARE_WITH_TIMEOUT(late.messages().size(), 1, Timeout);
        QCOMPARE(late.messages().first().payload(), "offline"_ba);
        QVERIFY(late.messages().first().retain());
        // It stays down.
        QTest::qWait(QuietMs);
        QCOMPARE(device.client()->state(), MqttClient::State::Disconnected);
        QCOMPARE(late.messages().size(), 1);
    }

    // An orderly goodbye says "offline" once: the DISCONNECT that follows discards the Will, so the broker
    // must not publish it on top.
    void stopSaysOfflineOnce()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString presence = presenceOf(config, device);
        QVERIFY(rig.observer.subscribe(presence));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.payloadsOn(presence), QList<QByteArray>{"online"_ba}, Timeout);
        // Stopped right after a command, with the event loop busy meanwhile, as in a fleet of thousands
        // stopping: the broker's acknowledgement of the reply has arrived but is not read yet when the
        // device says goodbye.
        QSignalSpy stopped(&device, &SimDevice::stopped);
        connect(&device, &SimDevice::commandExecuted, &device, [&device] {
            QThread::msleep(100);
            device.stop();
        });
        QVERIFY(rig.send(request(u"motor_on"_s, u"bye-1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(rig.observer.payloadsOn(presence).size() >= 2, Timeout);
        QTest::qWait(QuietMs);
        QVERIFY2(rig.observer.payloadsOn(presence) == (QList<QByteArray>{"online"_ba, "offline"_ba}),
                 rig.observer.payloadsOn(presence).join(' ').constData());
        QCOMPARE(rig.finals(u"bye-1"_s).size(), 1);
    }

    void rebootSaysOfflineOnce()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString presence = presenceOf(config, device);
        QVERIFY(rig.observer.subscribe(presence));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.payloadsOn(presence), QList<QByteArray>{"online"_ba}, Timeout);
        QVERIFY(rig.send(request(u"reboot"_s, u"r1"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(rig.observer.payloadsOn(presence).size() >= 3 &&
                                     rig.observer.payloadsOn(presence).last() == "online"_ba,
                                 Timeout);
        QTest::qWait(QuietMs);
        QVERIFY2(rig.observer.payloadsOn(presence) ==
                     (QList<QByteArray>{"online"_ba, "offline"_ba, "online"_ba}),
                 rig.observer.payloadsOn(presence).join(' ').constData());
    }

    void builtInCommandsAreListed()
    {
        const QStringList commands = SimDevice::builtInCommands();
        for (const char *name : {"reboot", "set_led", "set_telemetry_interval", "upload_log", "motor_on",
                                 "motor_off", "set_position"})
            QVERIFY2(commands.contains(QLatin1StringView(name)), name);
    }

    void reboot()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(rig.observer.subscribe(presenceOf(config, device)));
        const QString presence = presenceOf(config, device);
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.payloadsOn(presence), QList<QByteArray>{"online"_ba}, Timeout);
        QSignalSpy executed(&device, &SimDevice::commandExecuted);

        QVERIFY(rig.send(request(u"reboot"_s, u"r1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"r1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"r1"_s).first()["status"]), u"SUCCESS"_s);
        // Off, then on again after rebootOfflineMs.
        QTRY_VERIFY_WITH_TIMEOUT(rig.observer.payloadsOn(presence).size() >= 3, Timeout);
        QCOMPARE(rig.observer.payloadsOn(presence).at(1), "offline"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.payloadsOn(presence).last(), "online"_ba, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(device.isOnline(), Timeout);
        QCOMPARE(executed.size(), 1);
        QCOMPARE(executed.first().at(0).toString(), u"r1"_s);
        QCOMPARE(executed.first().at(1).toString(), u"reboot"_s);

        // After the reboot it still takes commands.
        QTRY_VERIFY_WITH_TIMEOUT(subscriptionsGranted(device), Timeout);
        QVERIFY(rig.send(request(u"motor_on"_s, u"r2"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"r2"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"r2"_s).first()["status"]), u"SUCCESS"_s);
    }

    void setLed()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QCOMPARE(device.led(), u"off"_s);
        QVERIFY(rig.send(request(u"set_led"_s, u"l1"_s, {{"color", "red"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"l1"_s).size(), 1, Timeout);
        const Json reply = rig.finals(u"l1"_s).first();
        QCOMPARE(text(reply["status"]), u"SUCCESS"_s);
        QCOMPARE(text(reply["device"]), device.id());
        QCOMPARE(device.led(), u"red"_s);
        QCOMPARE(device.commandsExecuted(), qint64(1));
    }

    void setTelemetryInterval()
    {
        SimConfig config = configFor();
        config.telemetryIntervalMs = 0; // none until the command asks for it
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString telemetry = SimConfig::expand(config.telemetryTopic, device.id(), device.group());
        QVERIFY(rig.observer.subscribe(telemetry));
        QTest::qWait(QuietMs / 2);
        QCOMPARE(rig.observer.on(telemetry).size(), 0);

        QVERIFY(rig.send(request(u"set_telemetry_interval"_s, u"t1"_s, {{"ms", 100}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"t1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"t1"_s).first()["status"]), u"SUCCESS"_s);
        QCOMPARE(device.telemetryIntervalMs(), 100);
        QTRY_VERIFY_WITH_TIMEOUT(rig.observer.on(telemetry).size() >= 3, Timeout);
        const Json sample = parse(rig.observer.on(telemetry).first().payload());
        QVERIFY2(sample.is_object(), rig.observer.on(telemetry).first().payload().constData());
        for (const char *key : {"ts", "temperature", "humidity", "battery"})
            QVERIFY2(sample.contains(key) && sample[key].is_number(), key);
    }

    void uploadLog()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString logs = SimConfig::expand(config.logTopic, device.id(), device.group());
        QVERIFY(rig.observer.subscribe(logs));
        QVERIFY(rig.send(request(u"upload_log"_s, u"u1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"u1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"u1"_s).first()["status"]), u"SUCCESS"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.observer.on(logs).isEmpty(), Timeout);
        QVERIFY(!rig.observer.on(logs).first().payload().isEmpty());
    }

    void motorOnAndOff()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(!device.motorOn());
        QVERIFY(rig.send(request(u"motor_on"_s, u"m1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"m1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"m1"_s).first()["status"]), u"SUCCESS"_s);
        QVERIFY(device.motorOn());
        QVERIFY(rig.send(request(u"motor_off"_s, u"m2"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"m2"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"m2"_s).first()["status"]), u"SUCCESS"_s);
        QVERIFY(!device.motorOn());
        QCOMPARE(device.commandsExecuted(), qint64(2));
    }

    void setPositionSendsRunningThenSuccess()
    {
        SimConfig config = configFor();
        config.setPositionMs = 400;
        config.runningIntervalMs = 50;
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(rig.send(request(u"set_position"_s, u"p1"_s, {{"position", 42}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"p1"_s).size(), 1, Timeout);
        const QList<Json> replies = rig.replies(u"p1"_s);
        // Heartbeats while it moves, then one final SUCCESS, and nothing after it.
        QVERIFY2(replies.size() >= 3, QByteArray::number(replies.size()).constData());
        for (qsizetype i = 0; i + 1 < replies.size(); ++i)
            QCOMPARE(text(replies.at(i)["status"]), u"RUNNING"_s);
        QCOMPARE(text(replies.last()["status"]), u"SUCCESS"_s);
        QCOMPARE(device.position(), 42);
        QTest::qWait(QuietMs / 2);
        QCOMPARE(rig.replies(u"p1"_s).size(), replies.size());
    }

    void duplicateTidIsExecutedOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"exec.log"_s);
        ExecutionLog log;
        QString error;
        QVERIFY2(log.open(path, &error), qPrintable(error));
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), &log);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);

        QVERIFY(rig.send(request(u"set_led"_s, u"dup-1"_s, {{"color", "green"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"dup-1"_s).size(), 1, Timeout);
        // The requester retries with the same tid (and even different parameters): answered from memory.
        QVERIFY(rig.send(request(u"set_led"_s, u"dup-1"_s, {{"color", "blue"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"dup-1"_s).size(), 2, Timeout);
        QCOMPARE_JSON(rig.finals(u"dup-1"_s).at(1)["status"], rig.finals(u"dup-1"_s).at(0)["status"]);
        QCOMPARE_JSON(rig.finals(u"dup-1"_s).at(1).value("result", Json()),
                      rig.finals(u"dup-1"_s).at(0).value("result", Json()));
        QCOMPARE(device.led(), u"green"_s);
        QCOMPARE(executed.size(), 1);
        QCOMPARE(device.commandsExecuted(), qint64(1));
        const QStringList lines = linesOf(path);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().endsWith(u"\t%1\tdup-1\tset_led"_s.arg(device.id())),
                 qPrintable(lines.first()));

        // A failure is remembered as well: the duplicate gets the same FAILURE.
        QVERIFY(rig.send(request(u"set_led"_s, u"dup-2"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"dup-2"_s).size(), 1, Timeout);
        QVERIFY(rig.send(request(u"set_led"_s, u"dup-2"_s, {{"color", "red"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"dup-2"_s).size(), 2, Timeout);
        QCOMPARE(text(rig.finals(u"dup-2"_s).at(0)["status"]), u"FAILURE"_s);
        QCOMPARE(text(rig.finals(u"dup-2"_s).at(1)["status"]), u"FAILURE"_s);
        QCOMPARE_JSON(rig.finals(u"dup-2"_s).at(1).value("reason", Json()),
                      rig.finals(u"dup-2"_s).at(0).value("reason", Json()));
        QCOMPARE(device.led(), u"green"_s);
    }

    void duplicateWhileRunningGetsRunning()
    {
        SimConfig config = configFor();
        config.setPositionMs = 900;
        config.runningIntervalMs = 600; // so that a RUNNING right after the duplicate is its answer
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        QVERIFY(rig.send(request(u"set_position"_s, u"run-1"_s, {{"position", 7}})));
        QTRY_VERIFY_WITH_TIMEOUT(!rig.replies(u"run-1"_s).isEmpty(), Timeout);
        const qsizetype before = rig.replies(u"run-1"_s).size();
        QVERIFY(rig.send(request(u"set_position"_s, u"run-1"_s, {{"position", 7}})));
        QTRY_VERIFY_WITH_TIMEOUT(rig.replies(u"run-1"_s).size() > before, Timeout);
        QCOMPARE(text(rig.replies(u"run-1"_s).at(before)["status"]), u"RUNNING"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"run-1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"run-1"_s).first()["status"]), u"SUCCESS"_s);
        QCOMPARE(executed.size(), 1);
    }

    void malformedRequestsFail_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("tid"); // empty: the request has none to echo
        QTest::newRow("not JSON") << "reboot now"_ba << QString();
        QTest::newRow("not an object") << "[1, 2]"_ba << QString();
        QTest::newRow("missing cmd") << "{\"tid\": \"bad-1\", \"status\": \"REQUEST\"}"_ba << u"bad-1"_s;
        QTest::newRow("cmd not a string")
            << "{\"cmd\": 5, \"tid\": \"bad-2\", \"status\": \"REQUEST\"}"_ba << u"bad-2"_s;
        QTest::newRow("unknown command") << request(u"self_destruct"_s, u"bad-3"_s) << u"bad-3"_s;
        QTest::newRow("set_led without color") << request(u"set_led"_s, u"bad-4"_s) << u"bad-4"_s;
        QTest::newRow("set_led color a number")
            << request(u"set_led"_s, u"bad-5"_s, {{"color", 3}}) << u"bad-5"_s;
        QTest::newRow("set_position not a number")
            << request(u"set_position"_s, u"bad-6"_s, {{"position", "left"}}) << u"bad-6"_s;
        QTest::newRow("set_telemetry_interval negative")
            << request(u"set_telemetry_interval"_s, u"bad-7"_s, {{"ms", -5}}) << u"bad-7"_s;
        QTest::newRow("params not an object")
            << "{\"cmd\": \"set_led\", \"tid\": \"bad-8\", \"status\": \"REQUEST\", \"params\": \"red\"}"_ba
            << u"bad-8"_s;
    }

    void malformedRequestsFail()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, tid);
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        QVERIFY(rig.send(payload));
        const QString topic = rig.responseTopic();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.observer.on(topic).isEmpty(), Timeout);
        const Json reply = parse(rig.observer.on(topic).first().payload());
        QVERIFY2(reply.is_object(), rig.observer.on(topic).first().payload().constData());
        QCOMPARE(text(reply.value("status", Json())), u"FAILURE"_s);
        QVERIFY2(!text(reply.value("reason", Json())).isEmpty(), reply.dump().c_str());
        if (!tid.isEmpty())
            QCOMPARE(text(reply.value("tid", Json())), tid);
        QCOMPARE(text(reply.value("device", Json())), device.id());
        QCOMPARE(executed.size(), 0);
        QCOMPARE(device.led(), u"off"_s);
        QCOMPARE(device.position(), 0);
    }

    void groupRequestIsAnsweredOnTheGroupTopic()
    {
        SimConfig config = configFor();
        config.groups = 2;
        // Devices 1 and 3 share a group; device 2 is in the other one.
        SimDevice one(1, config, profile(), nullptr);
        SimDevice two(2, config, profile(), nullptr);
        SimDevice three(3, config, profile(), nullptr);
        QCOMPARE(one.group(), three.group());
        QVERIFY(one.group() != two.group());
        QVERIFY(startAndWait(one));
        QVERIFY(startAndWait(two));
        QVERIFY(startAndWait(three));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString responses = SimConfig::expand(config.groupResponseTopic, one.id(), one.group());
        const QString otherResponses = SimConfig::expand(config.groupResponseTopic, two.id(), two.group());
        QVERIFY(observer.subscribe(responses));
        QVERIFY(observer.subscribe(otherResponses));
        const QString own = SimConfig::expand(config.commandResponseTopic, one.id(), one.group());
        QVERIFY(observer.subscribe(own));

        QVERIFY(observer.publish(SimConfig::expand(config.groupRequestTopic, one.id(), one.group()),
                                 request(u"set_led"_s, u"g1"_s, {{"color", "blue"}})));
        QTRY_COMPARE_WITH_TIMEOUT(observer.finals(responses, u"g1"_s).size(), 2, Timeout);
        QStringList devices;
        for (const Json &reply : observer.finals(responses, u"g1"_s)) {
            QCOMPARE(text(reply["status"]), u"SUCCESS"_s);
            devices.append(text(reply["device"]));
        }
        devices.sort();
        QStringList expected{one.id(), three.id()};
        expected.sort();
        QCOMPARE(devices, expected);
        QCOMPARE(one.led(), u"blue"_s);
        QCOMPARE(three.led(), u"blue"_s);
        QCOMPARE(two.led(), u"off"_s);
        QTest::qWait(QuietMs / 2);
        QCOMPARE(observer.finals(responses, u"g1"_s).size(), 2);
        QCOMPARE(observer.on(otherResponses).size(), 0);
        QCOMPARE(observer.on(own).size(), 0); // not on the device's own response topic
    }

    void textModeRepliesInPlainText()
    {
        SimConfig config = configFor();
        config.textModeShare = 1;
        config.setPositionMs = 300;
        SimDevice device(1, config, profile(), nullptr);
        QVERIFY(device.isTextMode());
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString topic = rig.responseTopic();
        QVERIFY(rig.send(request(u"set_led"_s, u"txt-1"_s, {{"color", "red"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(topic).size(), 1, Timeout);
        const QByteArray reply = rig.observer.on(topic).first().payload();
        QVERIFY2(reply.startsWith("SUCCESS: "), reply.constData());
        QVERIFY2(!reply.contains("txt-1"), reply.constData());
        QCOMPARE(device.led(), u"red"_s);

        // A long command: no RUNNING, only the final line.
        QVERIFY(rig.send(request(u"set_position"_s, u"txt-2"_s, {{"position", 3}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(topic).size(), 2, Timeout);
        QVERIFY2(rig.observer.on(topic).at(1).payload().startsWith("SUCCESS: "),
                 rig.observer.on(topic).at(1).payload().constData());
        // A failure in plain text as well.
        QVERIFY(rig.send(request(u"no_such_command"_s, u"txt-3"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(topic).size(), 3, Timeout);
        QVERIFY2(rig.observer.on(topic).at(2).payload().startsWith("FAILURE: "),
                 rig.observer.on(topic).at(2).payload().constData());
        QTest::qWait(QuietMs / 2);
        QCOMPARE(rig.observer.on(topic).size(), 3);
    }

    void faultFailure()
    {
        SimConfig config = configFor();
        config.failureRate = 1;
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(rig.send(request(u"motor_on"_s, u"f1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"f1"_s).size(), 1, Timeout);
        const Json reply = rig.finals(u"f1"_s).first();
        QCOMPARE(text(reply["status"]), u"FAILURE"_s);
        QVERIFY2(!text(reply.value("reason", Json())).isEmpty(), reply.dump().c_str());
    }

    void faultSilentDeath()
    {
        SimConfig config = configFor();
        config.silentDeathRate = 1;
        config.runningIntervalMs = 50;
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(rig.send(request(u"motor_on"_s, u"s1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.replies(u"s1"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.replies(u"s1"_s).first()["status"]), u"RUNNING"_s);
        QTest::qWait(QuietMs);
        QCOMPARE(rig.replies(u"s1"_s).size(), 1);
    }

    void faultDuplicateReply()
    {
        SimConfig config = configFor();
        config.duplicateReplyRate = 1;
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        QVERIFY(rig.send(request(u"motor_on"_s, u"d1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"d1"_s).size(), 2, Timeout);
        QCOMPARE_JSON(rig.finals(u"d1"_s).at(0), rig.finals(u"d1"_s).at(1));
        QTest::qWait(QuietMs / 2);
        QCOMPARE(rig.finals(u"d1"_s).size(), 2);
        QCOMPARE(executed.size(), 1);
    }

    void faultOutOfOrder()
    {
        SimConfig config = configFor();
        config.outOfOrderRate = 1;
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QVERIFY(rig.send(request(u"motor_on"_s, u"o1"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"o1"_s).size(), 1, Timeout);
        // A stale RUNNING comes after the final reply.
        QTRY_VERIFY_WITH_TIMEOUT(text(rig.replies(u"o1"_s).last()["status"]) == u"RUNNING"_s, Timeout);
        const QList<Json> replies = rig.replies(u"o1"_s);
        qsizetype finalAt = -1;
        for (qsizetype i = 0; i < replies.size(); ++i) {
            if (text(replies.at(i)["status"]) == u"SUCCESS"_s)
                finalAt = i;
        }
        QVERIFY(finalAt >= 0);
        QVERIFY(finalAt < replies.size() - 1);
        QCOMPARE(rig.count(u"o1"_s, "SUCCESS"), 1);
    }

    void commandSentWhileOfflineRunsOnceOnReturn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"exec.log"_s);
        ExecutionLog log;
        QString error;
        QVERIFY2(log.open(path, &error), qPrintable(error));
        SimConfig config = configFor();
        config.offlineEveryMs = 300;
        config.offlineForMs = 700;
        SimDevice device(1, config, profile(), &log);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        const QString presence = presenceOf(config, device);
        QVERIFY(rig.observer.subscribe(presence));
        QSignalSpy executed(&device, &SimDevice::commandExecuted);

        // Wait for an offline period, then send while the device is away; its session keeps the message.
        QTRY_VERIFY_WITH_TIMEOUT(rig.observer.payloadsOn(presence).endsWith("offline"_ba), Timeout);
        QVERIFY(!device.isOnline());
        QVERIFY(rig.send(request(u"set_led"_s, u"away-1"_s, {{"color", "amber"}})));
        QTRY_COMPARE_WITH_TIMEOUT(executed.size(), 1, Timeout);
        QCOMPARE(executed.first().at(0).toString(), u"away-1"_s);
        QCOMPARE(device.led(), u"amber"_s);
        // Through further offline periods, it is never run again.
        QTest::qWait(QuietMs * 2);
        QCOMPARE(executed.size(), 1);
        QCOMPARE(linesOf(path).size(), 1);
        device.stop();
    }

    void shadowReportsItsInitialState()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        QVERIFY(startAndWait(device));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        ShadowClient shadows(observer.client());
        const Json reported = reportedState(shadows, device.id(), {});
        QVERIFY2(reported.is_object() && !reported.empty(), reported.dump().c_str());
        // Its groups, announced for the consoles' registries.
        QVERIFY2(reported.value("groups", Json()) == Json::array({config.groupOf(1).toStdString()}),
                 reported.dump().c_str());
        const Json named = reportedState(shadows, device.id(), u"config"_s);
        QVERIFY2(named.is_object() && !named.empty(), named.dump().c_str());
    }

    void shadowDesiredChangeIsAppliedAndReported()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        QVERIFY(startAndWait(device));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        ShadowClient shadows(observer.client());
        const Json initial = reportedState(shadows, device.id(), {});
        QVERIFY2(initial.contains("led"), initial.dump().c_str());

        QSignalSpy finished(&shadows, &ShadowClient::requestFinished);
        shadows.updateDesired(device.id(), {}, Json{{"led", "purple"}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
        QVERIFY(finished.first().at(1).value<ShadowClient::Result>().ok);
        QTRY_COMPARE_WITH_TIMEOUT(device.led(), u"purple"_s, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(text(reportedState(shadows, device.id(), {}).value("led", Json())),
                                  u"purple"_s, Timeout);
    }

    void shadowStaleDeltaIsIgnored()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        ShadowClient shadows(rig.observer.client());
        QVERIFY(reportedState(shadows, device.id(), {}).is_object());
        QSignalSpy finished(&shadows, &ShadowClient::requestFinished);
        shadows.updateDesired(device.id(), {}, Json{{"led", "cyan"}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, Timeout);
        const auto result = finished.first().at(1).value<ShadowClient::Result>();
        QVERIFY(result.ok && result.version);
        QTRY_COMPARE_WITH_TIMEOUT(device.led(), u"cyan"_s, Timeout);

        // A delta older than the one applied, as a retry through another hub could deliver it.
        const Json stale = {{"version", *result.version - 1},
                            {"timestamp", QDateTime::currentSecsSinceEpoch()},
                            {"state", {{"led", "black"}}},
                            {"metadata", {{"led", {{"timestamp", QDateTime::currentSecsSinceEpoch()}}}}}};
        QVERIFY(rig.observer.publish(u"$aws/things/%1/shadow/update/delta"_s.arg(device.id()),
                                     QByteArray::fromStdString(stale.dump())));
        // A command sent after it on the same connection arrives after it: once it is answered, the delta
        // has been seen.
        QVERIFY(rig.send(request(u"motor_on"_s, u"after-stale"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"after-stale"_s).size(), 1, Timeout);
        QCOMPARE(device.led(), u"cyan"_s);
        QTest::qWait(QuietMs / 2);
        QCOMPARE(device.led(), u"cyan"_s);
        QCOMPARE(text(reportedState(shadows, device.id(), {}).value("led", Json())), u"cyan"_s);
    }

    // protocols.md D: devices keep recently processed tids and ignore duplicates; out-of-order commands are
    // reported as failures. Ordered tids (TidGenerator's) tell which is older.
    void outOfOrderCommandFails()
    {
        const SimConfig config = configFor();
        SimDevice device(1, config, profile(), nullptr);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        TidGenerator tids;
        const QString c = tids.next(), a = tids.next(), b = tids.next(), d = tids.next();
        QVERIFY(c < a && a < b && b < d);

        QVERIFY(rig.send(request(u"set_led"_s, b, {{"color", "red"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(b).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(b).first()["status"]), u"SUCCESS"_s);
        QCOMPARE(device.led(), u"red"_s);

        // An older set_led arrives after it: not run, and said so.
        QVERIFY(rig.send(request(u"set_led"_s, a, {{"color", "green"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(a).size(), 1, Timeout);
        const Json refused = rig.finals(a).first();
        QCOMPARE(text(refused["status"]), u"FAILURE"_s);
        const QString reason = text(refused.value("reason", Json()));
        QVERIFY2(reason.startsWith(u"out of order: a newer set_led (%1) already ran"_s.arg(b)),
                 qPrintable(reason));
        QCOMPARE(device.led(), u"red"_s);
        QCOMPARE(executed.size(), 1);

        // A duplicate of the newer one gets its remembered answer, and runs nothing; the older one's retry
        // gets the same FAILURE.
        QVERIFY(rig.send(request(u"set_led"_s, b, {{"color", "blue"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(b).size(), 2, Timeout);
        QCOMPARE_JSON(rig.finals(b).at(1), rig.finals(b).at(0));
        QVERIFY(rig.send(request(u"set_led"_s, a, {{"color", "green"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(a).size(), 2, Timeout);
        QCOMPARE_JSON(rig.finals(a).at(1), refused);
        QCOMPARE(device.led(), u"red"_s);
        QCOMPARE(executed.size(), 1);

        // The order is per command: a motor_on older than every set_led runs, no motor_on having run before
        // it; and a newer set_led runs.
        QVERIFY(rig.send(request(u"motor_on"_s, c)));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(c).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(c).first()["status"]), u"SUCCESS"_s);
        QVERIFY(rig.send(request(u"set_led"_s, d, {{"color", "amber"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(d).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(d).first()["status"]), u"SUCCESS"_s);
        QCOMPARE(device.led(), u"amber"_s);
        QCOMPARE(executed.size(), 3);

        // Tids that are not ordered ones carry no order: run as they come.
        QVERIFY(rig.send(request(u"set_led"_s, u"aaa-free-form"_s, {{"color", "white"}})));
        QTRY_COMPARE_WITH_TIMEOUT(rig.finals(u"aaa-free-form"_s).size(), 1, Timeout);
        QCOMPARE(text(rig.finals(u"aaa-free-form"_s).first()["status"]), u"SUCCESS"_s);
        QCOMPARE(device.led(), u"white"_s);
    }

    void kindsFollowTheConfiguration()
    {
        const SimConfig config = kindsConfig();
        const QMap<Kind, QString> prefixOf{{Kind::Atlas, config.prefix},
                                           {Kind::Sample, u"sample"_s},
                                           {Kind::Design, u"design"_s},
                                           {Kind::Thing, u"thing"_s}};
        for (const Kind kind : {Kind::Atlas, Kind::Sample, Kind::Design, Kind::Thing}) {
            const int n = nextOf(config, kind);
            SimDevice device(n, config, profile(), nullptr);
            QCOMPARE(device.kind(), kind);
            QVERIFY2(device.id().startsWith(prefixOf.value(kind) + u'-'), qPrintable(device.id()));
            QStringList filters;
            for (const MqttClient::Subscription &subscription : device.client()->subscriptions())
                filters << subscription.filter;
            const QString id = device.id();
            const QString aws = u"$aws/commands/things/%1/executions/+/request/#"_s.arg(id);
            const QString group = SimConfig::expand(config.groupRequestTopic, id, device.group());
            QCOMPARE(filters.contains(u"cmd/%1/req"_s.arg(id)), kind == Kind::Atlas || kind == Kind::Sample);
            QCOMPARE(filters.contains(group), kind == Kind::Atlas);
            QCOMPARE(filters.contains(aws), kind == Kind::Atlas || kind == Kind::Thing);
            QCOMPARE(filters.contains(u"commands/%1"_s.arg(id)), kind == Kind::Design);
            QCOMPARE(filters.contains(u"device_status/request"_s), kind == Kind::Sample);
            // Every kind has its shadows.
            QVERIFY(filters.contains(u"$aws/things/%1/shadow/update/delta"_s.arg(id)));
            QVERIFY(filters.contains(u"$aws/things/%1/shadow/name/config/update/delta"_s.arg(id)));
        }
    }

    void sampleDeviceRepliesInPlainText()
    {
        SimConfig config = kindsConfig();
        config.setPositionMs = 300;
        SimDevice device(nextOf(config, Kind::Sample), config, profile(), nullptr);
        QCOMPARE(device.kind(), Kind::Sample);
        Rig rig(this, config, device);
        QVERIFY(rig.ready());
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        const QString responses = rig.responseTopic();
        QCOMPARE(responses, u"cmd/%1/resp"_s.arg(device.id()));

        // Any text is a command that runs; the reply quotes it, with no tid and no correlation data, even
        // when the request carried some.
        MqttMessage hello(u"cmd/%1/req"_s.arg(device.id()), "hello there"_ba, 1);
        hello.properties().correlationData = "corr-1"_ba;
        QVERIFY(rig.observer.client()->publish(hello) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(responses).size(), 1, Timeout);
        const MqttMessage reply = rig.observer.on(responses).first();
        QCOMPARE(reply.payload(), "SUCCESS: command ran successfully from payload: hello there"_ba);
        QVERIFY(!reply.properties().correlationData);
        QCOMPARE(executed.size(), 1);

        // A built-in command with its parameters as a JSON object: run as an Atlas device runs it.
        QVERIFY(rig.send(R"(set_led {"color":"red"})"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(responses).size(), 2, Timeout);
        QCOMPARE(rig.observer.on(responses).at(1).payload(),
                 R"(SUCCESS: command ran successfully from payload: set_led {"color":"red"})"_ba);
        QCOMPARE(device.led(), u"red"_s);
        ShadowClient shadows(rig.observer.client());
        QTRY_COMPARE_WITH_TIMEOUT(text(reportedState(shadows, device.id(), {}).value("led", Json())),
                                  u"red"_s, Timeout);

        // Its parameters checked as an Atlas device checks them: a failure in plain text.
        QVERIFY(rig.send("set_led"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(responses).size(), 3, Timeout);
        const QByteArray failure = rig.observer.on(responses).at(2).payload();
        QVERIFY2(failure.startsWith("FAILURE: set_led needs"), failure.constData());
        QCOMPARE(device.led(), u"red"_s);

        // A long command: no RUNNING, only the final line.
        QVERIFY(rig.send(R"(set_position {"position": 12})"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(responses).size(), 4, Timeout);
        QVERIFY2(rig.observer.on(responses).at(3).payload().startsWith("SUCCESS: "),
                 rig.observer.on(responses).at(3).payload().constData());
        QCOMPARE(device.position(), 12);

        // No tid, so no duplicate detection: the same text twice runs twice.
        QVERIFY(rig.send("motor_on"_ba));
        QVERIFY(rig.send("motor_on"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(rig.observer.on(responses).size(), 6, Timeout);
        QVERIFY(device.motorOn());
        QCOMPARE(device.commandsExecuted(), qint64(5));
        QTest::qWait(QuietMs / 2);
        QCOMPARE(rig.observer.on(responses).size(), 6);
        for (const MqttMessage &m : rig.observer.on(responses)) {
            QVERIFY2(!m.payload().startsWith('{'), m.payload().constData());
            QVERIFY(!m.properties().correlationData);
        }
    }

    void sampleDevicesAnswerTheBroadcast()
    {
        const SimConfig config = kindsConfig();
        SimDevice one(nextOf(config, Kind::Sample), config, profile(), nullptr);
        SimDevice two(nextOf(config, Kind::Sample), config, profile(), nullptr);
        SimDevice ordinary(nextOf(config, Kind::Atlas), config, profile(), nullptr);
        SimDevice design(nextOf(config, Kind::Design), config, profile(), nullptr);
        for (SimDevice *device : {&one, &two, &ordinary, &design})
            QVERIFY(startAndWait(*device));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString responses = u"device_status/response"_s;
        QVERIFY(observer.subscribe(responses));
        const auto repliesNaming = [&](const QString &id) {
            QList<MqttMessage> result;
            for (const MqttMessage &m : observer.on(responses)) {
                if (text(parse(m.payload()).value("device", Json())) == id)
                    result.append(m);
            }
            return result;
        };

        // Each sample device runs it and replies on the common topic, naming itself and echoing the
        // request's correlation data; still no tid.
        MqttMessage broadcast(u"device_status/request"_s, R"(set_led {"color":"blue"})"_ba, 1);
        broadcast.properties().correlationData = "status-42"_ba;
        QVERIFY(observer.client()->publish(broadcast) > 0);
        for (SimDevice *device : {&one, &two}) {
            QTRY_COMPARE_WITH_TIMEOUT(repliesNaming(device->id()).size(), 1, Timeout);
            const MqttMessage reply = repliesNaming(device->id()).first();
            const Json body = parse(reply.payload());
            QVERIFY2(body.is_object(), reply.payload().constData());
            QCOMPARE(text(body.value("status", Json())), u"SUCCESS"_s);
            QVERIFY2(!body.contains("tid") && !body.contains("reason"), reply.payload().constData());
            QVERIFY(reply.properties().correlationData.has_value());
            QCOMPARE(*reply.properties().correlationData, "status-42"_ba);
            QCOMPARE(device->led(), u"blue"_s);
        }
        // A failure names its reason; without correlation data none is echoed.
        QVERIFY(observer.publish(u"device_status/request"_s, R"(set_position {"position": 1000})"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(repliesNaming(one.id()).size(), 2, Timeout);
        const MqttMessage failed = repliesNaming(one.id()).at(1);
        QCOMPARE(text(parse(failed.payload()).value("status", Json())), u"FAILURE"_s);
        QVERIFY2(!text(parse(failed.payload()).value("reason", Json())).isEmpty(),
                 failed.payload().constData());
        QVERIFY(!failed.properties().correlationData);
        QTRY_COMPARE_WITH_TIMEOUT(repliesNaming(two.id()).size(), 2, Timeout);

        // The other kinds do not listen there.
        QTest::qWait(QuietMs / 2);
        QCOMPARE(repliesNaming(ordinary.id()).size(), 0);
        QCOMPARE(repliesNaming(design.id()).size(), 0);
        QCOMPARE(ordinary.led(), u"off"_s);
        QCOMPARE(observer.on(responses).size(), 4);
    }

    void designDeviceAnswersOnAck()
    {
        SimConfig config = kindsConfig();
        config.setPositionMs = 300;
        SimDevice device(nextOf(config, Kind::Design), config, profile(), nullptr);
        QCOMPARE(device.kind(), Kind::Design);
        QVERIFY(startAndWait(device));
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString ack = u"commands/%1/ack"_s.arg(device.id());
        const QString sampleTopic = u"cmd/%1/resp"_s.arg(device.id());
        QVERIFY(observer.subscribe(ack));
        QVERIFY(observer.subscribe(sampleTopic));

        QVERIFY(observer.publish(u"commands/%1"_s.arg(device.id()),
                                 request(u"set_led"_s, u"des-1"_s, {{"color", "red"}})));
        QTRY_COMPARE_WITH_TIMEOUT(observer.finals(ack, u"des-1"_s).size(), 1, Timeout);
        const Json reply = observer.finals(ack, u"des-1"_s).first();
        QCOMPARE(text(reply["status"]), u"SUCCESS"_s);
        QCOMPARE(text(reply["device"]), device.id());
        QCOMPARE(device.led(), u"red"_s);

        // A long command: RUNNING heartbeats there too, then the final reply.
        QVERIFY(observer.publish(u"commands/%1"_s.arg(device.id()),
                                 request(u"set_position"_s, u"des-2"_s, {{"position", 9}})));
        QTRY_COMPARE_WITH_TIMEOUT(observer.finals(ack, u"des-2"_s).size(), 1, Timeout);
        QVERIFY(observer.count(ack, u"des-2"_s, "RUNNING") >= 1);

        // Out of order, as an ordinary device.
        TidGenerator tids;
        const QString older = tids.next(), newer = tids.next();
        QVERIFY(observer.publish(u"commands/%1"_s.arg(device.id()), request(u"motor_on"_s, newer)));
        QTRY_COMPARE_WITH_TIMEOUT(observer.finals(ack, newer).size(), 1, Timeout);
        QVERIFY(observer.publish(u"commands/%1"_s.arg(device.id()), request(u"motor_on"_s, older)));
        QTRY_COMPARE_WITH_TIMEOUT(observer.finals(ack, older).size(), 1, Timeout);
        QCOMPARE(text(observer.finals(ack, older).first()["status"]), u"FAILURE"_s);
        QVERIFY(text(observer.finals(ack, older).first()["reason"]).startsWith(u"out of order"_s));

        // Nothing on the sample's topics.
        QVERIFY(observer.publish(u"cmd/%1/req"_s.arg(device.id()),
                                 request(u"set_led"_s, u"des-3"_s, {{"color", "green"}})));
        QTest::qWait(QuietMs);
        QCOMPARE(observer.on(sampleTopic).size(), 0);
        QCOMPARE(observer.replies(ack, u"des-3"_s).size(), 0);
        QCOMPARE(device.led(), u"red"_s);
    }

    void thingDeviceSpeaksAwsIotCommandsOnly()
    {
        const SimConfig config = kindsConfig();
        SimDevice device(nextOf(config, Kind::Thing), config, profile(), nullptr);
        QCOMPARE(device.kind(), Kind::Thing);
        QVERIFY(startAndWait(device));
        QSignalSpy executed(&device, &SimDevice::commandExecuted);
        Observer observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString response = u"$aws/commands/things/%1/executions/e-1/response/json"_s.arg(device.id());
        QVERIFY(observer.subscribe(u"cmd/%1/resp"_s.arg(device.id())));
        QVERIFY(observer.subscribe(response));

        // An Atlas request on cmd/{id}/req is not for it.
        QVERIFY(observer.publish(u"cmd/%1/req"_s.arg(device.id()), request(u"motor_on"_s, u"th-1"_s)));
        // An AWS IoT command is: IN_PROGRESS, then SUCCEEDED with what it showed.
        QVERIFY(observer.publish(u"$aws/commands/things/%1/executions/e-1/request/json"_s.arg(device.id()),
                                 R"({"message": "hello"})"_ba));
        QTRY_VERIFY_WITH_TIMEOUT(observer.payloadsOn(response).size() >= 2, Timeout);
        QCOMPARE(text(parse(observer.payloadsOn(response).at(0)).value("status", Json())), u"IN_PROGRESS"_s);
        const Json done = parse(observer.payloadsOn(response).at(1));
        QCOMPARE(text(done.value("status", Json())), u"SUCCEEDED"_s);
        QCOMPARE_JSON(done["result"]["shown"]["s"], "hello");
        QTest::qWait(QuietMs / 2);
        QCOMPARE(observer.on(u"cmd/%1/resp"_s.arg(device.id())).size(), 0);
        QVERIFY(!device.motorOn());
        QCOMPARE(executed.size(), 1);
        QCOMPARE(executed.first().at(1).toString(), u"show_message"_s);
    }

    void sameSeedSameTraits()
    {
        SimConfig config = configFor();
        config.textModeShare = 0.5;
        config.slowLinkShare = 0.5;
        config.flakyLinkShare = 0.5;
        config.seed = 77;
        SimConfig same = config;
        SimConfig other = config;
        other.seed = 78;
        const auto traits = [this](const SimConfig &c) {
            QStringList all;
            for (int n = 1; n <= 40; ++n) {
                SimDevice device(n, c, profile(), nullptr);
                all.append(u"%1%2%3"_s.arg(int(device.isTextMode()))
                               .arg(int(device.hasSlowLink()))
                               .arg(int(device.hasFlakyLink())));
            }
            return all;
        };
        const QStringList first = traits(config);
        QCOMPARE(traits(same), first);
        // Shares of one half: 40 devices all alike would be a broken generator, not luck.
        QVERIFY(first.join(QString()).contains(u'0'));
        QVERIFY(first.join(QString()).contains(u'1'));
        QVERIFY(traits(other) != first);
    }

private:
    // Each test's devices have ids and group topics of their own, so that the shared broker and hub keep
    // nothing between tests. Times are short; latencies small and bounded.
    SimConfig configFor()
    {
        SimConfig config;
        config.prefix = u"t%1"_s.arg(++m_testNumber);
        config.devices = 3;
        config.groupRequestTopic = config.prefix + u"/group/{group}/req"_s;
        config.groupResponseTopic = config.prefix + u"/group/{group}/resp"_s;
        config.telemetryIntervalMs = 0;
        config.runningIntervalMs = 50;
        config.setPositionMs = 300;
        config.rebootOfflineMs = 300;
        config.latencyMinMs = 0;
        config.latencyMaxMs = 5;
        config.keepAliveSeconds = 30;
        const QString invalid = config.validate();
        if (!invalid.isEmpty())
            qFatal("test configuration invalid: %s", qPrintable(invalid));
        return config;
    }

    // A fleet of every kind, large enough that each test takes devices of its own: ids of the other kinds
    // (sample-{k}, …) carry no test prefix, and a device's session outlives the test on the shared broker.
    SimConfig kindsConfig()
    {
        SimConfig config = configFor();
        config.devices = 400;
        config.sampleShare = 0.25;
        config.designShare = 0.25;
        config.thingShare = 0.25;
        const QString invalid = config.validate();
        if (!invalid.isEmpty())
            qFatal("test configuration invalid: %s", qPrintable(invalid));
        return config;
    }

    // The number n of a device of kind no test has used yet.
    int nextOf(const SimConfig &config, Kind kind)
    {
        int first = 1;
        for (const Kind before : {Kind::Atlas, Kind::Sample, Kind::Design, Kind::Thing}) {
            if (before == kind)
                break;
            first += config.count(before);
        }
        const int k = m_usedOfKind[int(kind)]++;
        if (k >= config.count(kind))
            qFatal("no devices of this kind left for the tests");
        return first + k;
    }

    BrokerProfile profile() const { return m_fleet.profile(); }

    static QString presenceOf(const SimConfig &config, const SimDevice &device)
    {
        return SimConfig::expand(config.presenceTopic, device.id(), device.group());
    }

    // Every subscription of the device granted: a request published from now on reaches it.
    static bool subscriptionsGranted(const SimDevice &device)
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

    static bool startAndWait(SimDevice &device)
    {
        device.start();
        return QTest::qWaitFor([&] { return device.isOnline() && subscriptionsGranted(device); }, Timeout);
    }

    // The shadow's reported section, as the hub holds it; null when the get fails.
    static Json reportedState(ShadowClient &shadows, const QString &thing, const QString &name)
    {
        Json reported;
        // The device reports shortly after it connects, so a get may still find no shadow: ask again. The
        // result decides, not whether the wait ran out.
        [[maybe_unused]] const bool settled = QTest::qWaitFor(
            [&] {
                QSignalSpy finished(&shadows, &ShadowClient::requestFinished);
                shadows.get(thing, name);
                if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, Timeout))
                    return false;
                const auto result = finished.first().at(1).value<ShadowClient::Result>();
                if (!result.ok)
                    return false;
                reported = result.body["state"].value("reported", Json());
                return true;
            },
            Timeout);
        return reported;
    }

    // A device, with an observer on its request and response topics.
    struct Rig
    {
        Rig(TestSimDevice *test, const SimConfig &config, SimDevice &device)
            : observer(test->m_fleet.broker())
            , m_config(config)
            , m_device(device)
        {}

        bool ready()
        {
            return startAndWait(m_device) && observer.connect() && observer.subscribe(responseTopic());
        }

        QString responseTopic() const
        {
            return SimConfig::expand(m_config.commandResponseTopic, m_device.id(), m_device.group());
        }

        bool send(const QByteArray &payload)
        {
            return observer.publish(
                SimConfig::expand(m_config.commandRequestTopic, m_device.id(), m_device.group()), payload);
        }

        QList<Json> replies(const QString &tid) const { return observer.replies(responseTopic(), tid); }
        QList<Json> finals(const QString &tid) const { return observer.finals(responseTopic(), tid); }
        int count(const QString &tid, const char *status) const
        {
            return observer.count(responseTopic(), tid, status);
        }

        Observer observer;

    private:
        const SimConfig &m_config;
        SimDevice &m_device;
    };

    FleetFixture m_fleet;
    int m_testNumber = 0;
    int m_usedOfKind[4] = {};
};

QTEST_GUILESS_MAIN(TestSimDevice)

#include "testutil.h"
#include "tst_simdevice.moc"
