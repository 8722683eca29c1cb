// Runs the real fleet-hub executable against a real mosquitto: options, exit codes, signals, a kill -9 in
// the middle of a burst of updates, and two hubs sharing one database behind one share group.

#include "brokerobserver.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::MosquittoBroker;
using Hub = fleet::test::HubProcess;
using fleet::Json;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

QStringList hubArguments(const MosquittoBroker &broker, const QString &db, const QStringList &more = {})
{
    return QStringList{u"--broker"_s, broker.url(), u"--db"_s, db} + more;
}

// A device or operator client subscribed to the replies of the shadows it uses.
class Peer final
{
public:
    explicit Peer(const MosquittoBroker &broker)
    {
        m_client.setProfile(fleet::test::profileFor(broker));
        QObject::connect(&m_client, &MqttClient::messageReceived, &m_client, [this](const MqttMessage &m) {
            if (m_onMessage)
                m_onMessage(m);
        });
    }

    bool connectAndSubscribe()
    {
        return fleet::test::connectAndWait(m_client, Timeout) &&
               fleet::test::subscribeAndWait(m_client, u"$aws/things/+/shadow/#"_s, 1, Timeout);
    }

    void onMessage(std::function<void(const MqttMessage &)> handler) { m_onMessage = std::move(handler); }

    bool publishWaiting(const QString &topic, const QByteArray &payload)
    {
        while (m_client.publish(topic, payload, 1) < 0) {
            if (m_client.error() != MqttClient::Error::InFlightWindowFull ||
                !QTest::qWaitFor([&] { return m_client.canPublish(); }, Timeout))
                return false;
        }
        return true;
    }

    // One request, answered on {topic}/accepted or {topic}/rejected with this clientToken; nullopt on
    // timeout. The reply name is stored in *reply.
    std::optional<Json> request(const QString &topic, const Json &payload, QString *reply = nullptr)
    {
        const std::string token = payload.value("clientToken", std::string());
        std::optional<Json> answer;
        QString answeredOn;
        onMessage([&](const MqttMessage &m) {
            if (!m.topic().startsWith(topic + u'/'))
                return;
            const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
            if (body.is_discarded() || body.value("clientToken", std::string()) != token)
                return;
            const QString name = m.topic().mid(topic.size() + 1);
            if (name == u"accepted"_s || name == u"rejected"_s) {
                answer = body;
                answeredOn = name;
            }
        });
        if (!publishWaiting(topic, QByteArray::fromStdString(payload.dump())))
            return std::nullopt;
        const bool answered = QTest::qWaitFor([&] { return answer.has_value(); }, Timeout);
        onMessage({});
        if (!answered)
            return std::nullopt;
        if (reply)
            *reply = answeredOn;
        return answer;
    }

    MqttClient &client() { return m_client; }

private:
    MqttClient m_client;
    std::function<void(const MqttMessage &)> m_onMessage;
};

qint64 versionOf(const Json &body)
{
    return body.contains("version") && body["version"].is_number_integer() ? body["version"].get<qint64>()
                                                                           : -1;
}

// Keeps doing read-version -> update-with-that-version, retrying on 409, until it has `goal` accepted
// updates. Several writers run at once on one event loop, so their requests interleave at the hubs.
class VersionedWriter final
{
public:
    VersionedWriter(const MosquittoBroker &broker, QString name, QString prefix, int goal)
        : m_peer(broker)
        , m_name(std::move(name))
        , m_prefix(std::move(prefix))
        , m_goal(goal)
    {
        m_peer.onMessage([this](const MqttMessage &m) { onMessage(m); });
    }

    bool connect() { return m_peer.connectAndSubscribe(); }
    void start() { sendGet(); }
    bool done() const { return m_accepted.size() >= m_goal || m_failed; }
    bool failed() const { return m_failed; }
    QString failure() const { return m_failure; }
    const QList<qint64> &acceptedVersions() const { return m_accepted; }
    int conflicts() const { return m_conflicts; }

private:
    std::string token() const { return (m_name + u'-' + QString::number(m_step)).toStdString(); }

    void sendGet()
    {
        ++m_step;
        m_phase = Phase::Get;
        send(u"get"_s, Json{{"clientToken", token()}});
    }

    void sendUpdate(qint64 version)
    {
        ++m_step;
        m_phase = Phase::Update;
        send(u"update"_s, Json{{"state", {{"reported", {{m_name.toStdString(), m_accepted.size()}}}}},
                               {"version", version},
                               {"clientToken", token()}});
    }

    void send(const QString &operation, const Json &payload)
    {
        if (m_peer.client().publish(m_prefix + u'/' + operation, QByteArray::fromStdString(payload.dump()),
                                    1) < 0)
            fail(u"publish failed: "_s + m_peer.client().errorString());
    }

    void fail(const QString &why)
    {
        m_failed = true;
        m_failure = m_name + u": "_s + why;
    }

    void onMessage(const MqttMessage &m)
    {
        if (done())
            return;
        const QString expected =
            m_prefix + (m_phase == Phase::Get ? u"/get/"_s : u"/update/"_s); // accepted or rejected
        if (!m.topic().startsWith(expected))
            return;
        const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
        if (body.is_discarded() || body.value("clientToken", std::string()) != token())
            return;
        const QString reply = m.topic().mid(expected.size());
        if (m_phase == Phase::Get) {
            if (reply == u"accepted"_s)
                return sendUpdate(versionOf(body));
            return fail(u"get rejected: "_s + QString::fromStdString(body.dump()));
        }
        if (reply == u"accepted"_s) {
            m_accepted.append(versionOf(body));
            if (!done())
                sendGet();
            return;
        }
        if (reply == u"rejected"_s && body.value("code", 0) == 409) {
            ++m_conflicts;
            return sendGet();
        }
        if (reply == u"rejected"_s)
            fail(u"update rejected: "_s + QString::fromStdString(body.dump()));
    }

    enum class Phase { Get, Update };
    Peer m_peer;
    QString m_name;
    QString m_prefix;
    int m_goal;
    int m_step = 0;
    Phase m_phase = Phase::Get;
    QList<qint64> m_accepted;
    int m_conflicts = 0;
    bool m_failed = false;
    QString m_failure;
};

} // namespace

class TestFleetHub final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(QFileInfo(Hub::executable()).isExecutable(), qPrintable(Hub::executable()));
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
    }

    void helpListsEveryOption()
    {
        Hub hub;
        hub.start({u"--help"_s});
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitCode(), 0);
        const QString help = hub.output();
        for (const char *option : {"--broker", "--db", "--share-group", "--client-id", "--username",
                                   "--password-stdin", "--mqtt-version", "--keepalive", "--ca", "--cert",
                                   "--key", "--insecure-skip-verify", "--help", "--version"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
        QVERIFY(help.contains(u"SIGTERM"_s)); // the description says how it stops and what it exits with
    }

    void version()
    {
        Hub hub;
        hub.start({u"--version"_s});
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitCode(), 0);
        QVERIFY(QRegularExpression(u"^fleet-hub \\d+\\.\\d+\\.\\d+"_s).match(hub.output()).hasMatch());
    }

    void badOptionsExitWithAMessage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString db = u"DB"_s; // replaced by a path in the temporary directory
        QTest::newRow("bad broker url")
            << QStringList{u"--broker"_s, u"ftp://example"_s, u"--db"_s, db} << 2 << u"--broker"_s;
        QTest::newRow("broker without host")
            << QStringList{u"--broker"_s, u"mqtt://"_s, u"--db"_s, db} << 2 << u"--broker"_s;
        QTest::newRow("no db") << QStringList{u"--broker"_s, u"mqtt://127.0.0.1:1"_s} << 2 << u"--db"_s;
        QTest::newRow("unknown option")
            << QStringList{u"--frobnicate"_s, u"--db"_s, db} << 2 << u"frobnicate"_s;
        QTest::newRow("bad share group")
            << QStringList{u"--db"_s, db, u"--share-group"_s, u"a/b"_s} << 2 << u"--share-group"_s;
        QTest::newRow("bad mqtt version")
            << QStringList{u"--db"_s, db, u"--mqtt-version"_s, u"4"_s} << 2 << u"--mqtt-version"_s;
        QTest::newRow("positional argument") << QStringList{u"--db"_s, db, u"extra"_s} << 2 << u"extra"_s;
        QTest::newRow("db is a directory")
            << QStringList{u"--broker"_s, u"mqtt://127.0.0.1:1"_s, u"--db"_s, u"DIR"_s} << 1 << u"DIR"_s;
        QTest::newRow("db in a missing directory")
            << QStringList{u"--broker"_s, u"mqtt://127.0.0.1:1"_s, u"--db"_s, u"DIR/missing/x.db"_s} << 1
            << u"DIR/missing"_s;
    }

    void badOptionsExitWithAMessage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        for (QString &argument : arguments) {
            argument.replace(u"DB"_s, dir.filePath(u"hub.db"_s));
            argument.replace(u"DIR"_s, dir.path());
        }
        message.replace(u"DIR"_s, dir.path());
        Hub hub;
        hub.start(arguments);
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
        QCOMPARE(hub.exitCode(), exitCode);
        QVERIFY2(hub.log().contains(message), qPrintable(hub.log()));
    }

    void refusedCredentialsExitNonZero()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"hub"_s, u"right"_s}};
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTemporaryDir dir;
        QProcessEnvironment env = Hub::cleanEnvironment();
        env.insert(u"FLEET_MQTT_PASSWORD"_s, u"wrong"_s);
        Hub hub;
        hub.start(hubArguments(broker, dir.filePath(u"hub.db"_s), {u"--username"_s, u"hub"_s}), env);
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
        QCOMPARE(hub.exitCode(), 1);
        QVERIFY2(hub.log().contains(u"not authorized"_s), qPrintable(hub.log()));

        // The right password (from stdin this time) serves.
        Hub good;
        good.start(hubArguments(broker, dir.filePath(u"hub.db"_s),
                                {u"--username"_s, u"hub"_s, u"--password-stdin"_s}));
        good.process().write("right\n");
        good.process().closeWriteChannel();
        QVERIFY2(good.waitForServing(), qPrintable(good.log()));
        good.signal(SIGTERM);
        QVERIFY(good.waitForExit());
        QCOMPARE(good.exitCode(), 0);
    }

    void signalStopsCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("name");
        QTest::newRow("SIGTERM") << int(SIGTERM) << u"SIGTERM"_s;
        QTest::newRow("SIGINT") << int(SIGINT) << u"SIGINT"_s;
    }

    void signalStopsCleanly()
    {
        QFETCH(int, signal);
        QFETCH(QString, name);
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTemporaryDir dir;
        Hub hub;
        hub.start(hubArguments(broker, dir.filePath(u"hub.db"_s)));
        QVERIFY2(hub.waitForServing(), qPrintable(hub.log()));

        Peer peer(broker);
        QVERIFY(peer.connectAndSubscribe());
        const QString topic = u"$aws/things/sig/shadow/update"_s;
        const auto answer =
            peer.request(topic, Json{{"state", {{"reported", {{"on", true}}}}}, {"clientToken", "s"}});
        QVERIFY(answer);
        QCOMPARE(versionOf(*answer), 1);

        hub.signal(signal);
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
        QCOMPARE(hub.exitCode(), 0);
        const QString log = hub.log();
        QVERIFY2(log.contains(u"Stopping on "_s + name), qPrintable(log));
        QVERIFY2(log.contains(u"Stopped."_s), qPrintable(log));
        // One timestamped line per event: start, serving, stopping, stopped.
        const QStringList lines = log.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 4, qPrintable(log));
        const QRegularExpression stamp(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z fleet-hub\\[\\d+\\] "_s);
        for (const QString &line : lines)
            QVERIFY2(stamp.match(line).hasMatch(), qPrintable(line));
        QVERIFY(lines.first().contains(u"starting"_s));

        // The database was closed cleanly: a new hub continues from it.
        Hub again;
        again.start(hubArguments(broker, dir.filePath(u"hub.db"_s)));
        QVERIFY2(again.waitForServing(), qPrintable(again.log()));
        const auto next = peer.request(
            topic, Json{{"state", {{"reported", {{"on", false}}}}}, {"version", 1}, {"clientToken", "t"}});
        QVERIFY(next);
        QCOMPARE(versionOf(*next), 2);
    }

    // A broker that goes away and comes back: the hub logs the loss, reconnects with backoff, resubscribes
    // and serves again, without exiting.
    void reconnectsAfterBrokerRestart()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTemporaryDir dir;
        Hub hub;
        hub.start(hubArguments(broker, dir.filePath(u"hub.db"_s)));
        QVERIFY2(hub.waitForServing(), qPrintable(hub.log()));
        broker.kill();
        QVERIFY2(hub.waitForLog(u"warning:"_s), qPrintable(hub.log()));
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QVERIFY2(QTest::qWaitFor([&] { return hub.log().count(u"serving shadows"_s) >= 2; }, 30000),
                 qPrintable(hub.log()));
        QCOMPARE(hub.process().state(), QProcess::Running);
        Peer peer(broker);
        QVERIFY(peer.connectAndSubscribe());
        const auto answer = peer.request(u"$aws/things/back/shadow/get"_s, Json{{"clientToken", "b"}});
        QVERIFY(answer);
        QCOMPARE_JSON((*answer)["code"], Json(404));
        hub.signal(SIGTERM);
        QVERIFY(hub.waitForExit());
        QCOMPARE(hub.exitCode(), 0);
    }

    void killDuringBurstLosesNoAcceptedUpdate_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 3;
        QTest::newRow("mid-burst") << 120;
        QTest::newRow("late") << 250;
    }

    // kill -9 while a client pipelines 300 updates: after a restart, every update whose "accepted" arrived
    // is in the shadow, the document is whole, and versions continue.
    void killDuringBurstLosesNoAcceptedUpdate()
    {
        QFETCH(int, killAfter);
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTemporaryDir dir;
        const QString db = dir.filePath(u"hub.db"_s);
        auto hub = std::make_unique<Hub>();
        hub->start(hubArguments(broker, db));
        QVERIFY2(hub->waitForServing(), qPrintable(hub->log()));

        Peer peer(broker);
        QVERIFY(peer.connectAndSubscribe());
        const QString prefix = u"$aws/things/crash/shadow/name/state"_s;
        QHash<qint64, int> acceptedVersionToIndex; // version -> n of the update it accepted
        bool killed = false;
        peer.onMessage([&](const MqttMessage &m) {
            if (m.topic() != prefix + u"/update/accepted"_s)
                return;
            const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
            QVERIFY(!body.is_discarded());
            const QString token = QString::fromStdString(body.value("clientToken", std::string()));
            acceptedVersionToIndex.insert(versionOf(body), token.mid(2).toInt());
            if (!killed && acceptedVersionToIndex.size() >= killAfter) {
                killed = true;
                hub->kill();
            }
        });
        const int total = 300;
        for (int i = 0; i < total; ++i) {
            const Json update = {{"state", {{"reported", {{"n", i}, {"payload", std::string(200, 'p')}}}}},
                                 {"clientToken", "b-" + std::to_string(i)}};
            QVERIFY(peer.publishWaiting(prefix + u"/update"_s, QByteArray::fromStdString(update.dump())));
        }
        QVERIFY2(QTest::qWaitFor([&] { return killed; }, Timeout), "the hub never accepted enough updates");
        QVERIFY(hub->waitForExit());
        QCOMPARE(hub->exitStatus(), QProcess::CrashExit);
        peer.onMessage({});
        const qint64 acceptedCount = acceptedVersionToIndex.size();
        qint64 maxVersion = 0;
        for (auto it = acceptedVersionToIndex.cbegin(); it != acceptedVersionToIndex.cend(); ++it) {
            QCOMPARE(it.key(), it.value() + 1); // one client, in order: update n is version n + 1
            maxVersion = std::max(maxVersion, it.key());
        }

        // Let the rest of the burst reach the broker (and be dropped: no hub subscribes) before the new hub
        // subscribes, so that the stored shadow is exactly the prefix of the burst that the dead hub
        // committed.
        QTRY_COMPARE_WITH_TIMEOUT(peer.client().inFlightCount(), 0, Timeout);

        hub = std::make_unique<Hub>();
        hub->start(hubArguments(broker, db));
        QVERIFY2(hub->waitForServing(), qPrintable(hub->log()));
        QString reply;
        auto got = peer.request(prefix + u"/get"_s, Json{{"clientToken", "after"}}, &reply);
        QVERIFY(got);
        QCOMPARE(reply, u"accepted"_s);
        const qint64 stored = versionOf(*got);
        QVERIFY2(
            stored >= acceptedCount && stored >= maxVersion,
            qPrintable(
                u"stored %1, accepted %2 (max version %3)"_s.arg(stored).arg(acceptedCount).arg(maxVersion)));
        QVERIFY(stored <= total);
        qInfo("killed with %lld accepted (highest version %lld); %lld committed", acceptedCount, maxVersion,
              stored);
        // Whole, not torn: the document holds exactly the state of its version (update n made version n + 1).
        Json reported = (*got)["state"]["reported"];
        QCOMPARE_JSON(reported["n"], Json(stored - 1));
        QCOMPARE_JSON(reported["payload"], Json(std::string(200, 'p')));

        const auto next = peer.request(
            prefix + u"/update"_s,
            Json{{"state", {{"desired", {{"n", 0}}}}}, {"version", stored}, {"clientToken", "next"}}, &reply);
        QVERIFY(next);
        QCOMPARE(reply, u"accepted"_s);
        QCOMPARE(versionOf(*next), stored + 1);
        auto stale = peer.request(
            prefix + u"/update"_s,
            Json{{"state", {{"desired", {{"n", 1}}}}}, {"version", stored}, {"clientToken", "stale"}},
            &reply);
        QVERIFY(stale);
        QCOMPARE(reply, u"rejected"_s);
        QCOMPARE_JSON((*stale)["code"], Json(409));
        hub->signal(SIGTERM);
        QVERIFY(hub->waitForExit());
        QCOMPARE(hub->exitCode(), 0);
    }

    // Two hubs in one share group on one database, two clients doing versioned read-modify-write with
    // retries: the database serialises the hubs, so the final version counts the accepted updates exactly and
    // no version is accepted twice.
    void twoHubsInOneShareGroup()
    {
        MosquittoBroker broker; // log everything: the test checks that both hubs answered
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        if (!deliversDollarTopicsToSharedSubscriptions(broker))
            QSKIP("This mosquitto never delivers $-topics through shared subscriptions (2.0.x files "
                  "$share/{group}/$aws/... under the root of non-$ topics), so hubs in a share group receive "
                  "no "
                  "shadow requests. twoHubsOnTwoBrokersShareOneDatabase covers the shared database.");
        QTemporaryDir dir;
        const QString db = dir.filePath(u"shared.db"_s);
        Hub hub1;
        Hub hub2;
        hub1.start(hubArguments(broker, db, {u"--share-group"_s, u"g"_s, u"--client-id"_s, u"hub-1"_s}));
        hub2.start(hubArguments(broker, db, {u"--share-group"_s, u"g"_s, u"--client-id"_s, u"hub-2"_s}));
        QVERIFY2(hub1.waitForServing(), qPrintable(hub1.log()));
        QVERIFY2(hub2.waitForServing(), qPrintable(hub2.log()));
        QVERIFY(hub1.log().contains(u"$share/g/"_s));

        contendedWriters(broker, broker);
        if (QTest::currentTestFailed())
            return;
        // The share group split the requests: both hubs published replies.
        const QString log = broker.log();
        QVERIFY(log.contains(u"Received PUBLISH from hub-1"_s));
        QVERIFY(log.contains(u"Received PUBLISH from hub-2"_s));
        stopBoth(hub1, hub2);
    }

    // The same guarantee without shared subscriptions: two hubs on one database file, each behind its own
    // broker, with one writer on each broker updating the same shadow. Only SQLite orders their commits.
    void twoHubsOnTwoBrokersShareOneDatabase()
    {
        MosquittoBroker brokerA(MosquittoBroker::Options::quiet());
        MosquittoBroker brokerB(MosquittoBroker::Options::quiet());
        QVERIFY2(brokerA.start(), qPrintable(brokerA.errorString()));
        QVERIFY2(brokerB.start(), qPrintable(brokerB.errorString()));
        QTemporaryDir dir;
        const QString db = dir.filePath(u"shared.db"_s);
        Hub hub1;
        Hub hub2;
        hub1.start(hubArguments(brokerA, db));
        hub2.start(hubArguments(brokerB, db));
        QVERIFY2(hub1.waitForServing(), qPrintable(hub1.log()));
        QVERIFY2(hub2.waitForServing(), qPrintable(hub2.log()));
        contendedWriters(brokerA, brokerB);
        if (QTest::currentTestFailed())
            return;
        stopBoth(hub1, hub2);
    }

private:
    // Whether the broker routes a $-topic to a shared subscription at all (mosquitto 2.0.x does not).
    static bool deliversDollarTopicsToSharedSubscriptions(const MosquittoBroker &broker)
    {
        Peer probe(broker);
        if (!probe.connectAndSubscribe())
            return false;
        QSignalSpy granted(&probe.client(), &MqttClient::subscribed);
        const QString topic = u"$aws/things/share-probe/shadow/probe"_s;
        if (!probe.client().subscribe(u"$share/probe/"_s + topic, 1) ||
            !(granted.wait(Timeout) || !granted.isEmpty()))
            return false;
        int received = 0;
        probe.onMessage([&](const MqttMessage &m) {
            if (m.topic() == topic)
                ++received;
        });
        probe.client().publish(topic, "probe", 1);
        // Delivered twice (the plain $aws/things/+/shadow/# subscription and the shared one) when supported.
        const bool both = QTest::qWaitFor([&] { return received >= 2; }, 2000);
        probe.onMessage({});
        return both;
    }

    // One writer per broker, each doing versioned read-modify-write on one shadow until it has `goal`
    // accepted updates; checks that no version was accepted twice and that the final version counts them.
    void contendedWriters(const MosquittoBroker &brokerA, const MosquittoBroker &brokerB)
    {
        const QString prefix = u"$aws/things/contended/shadow"_s;
        Peer setup(brokerA);
        QVERIFY(setup.connectAndSubscribe());
        const auto created =
            setup.request(prefix + u"/update"_s,
                          Json{{"state", {{"reported", {{"init", true}}}}}, {"clientToken", "init"}});
        QVERIFY(created);
        QCOMPARE(versionOf(*created), 1);

        const int goal = 40;
        VersionedWriter a(brokerA, u"a"_s, prefix, goal);
        VersionedWriter b(brokerB, u"b"_s, prefix, goal);
        QVERIFY(a.connect());
        QVERIFY(b.connect());
        a.start();
        b.start();
        QVERIFY2(
            QTest::qWaitFor([&] { return a.done() && b.done(); }, 60000),
            qPrintable(
                u"a %1, b %2 accepted"_s.arg(a.acceptedVersions().size()).arg(b.acceptedVersions().size())));
        QVERIFY2(!a.failed(), qPrintable(a.failure()));
        QVERIFY2(!b.failed(), qPrintable(b.failure()));

        QSet<qint64> versions;
        for (const VersionedWriter *writer : {&a, &b}) {
            for (qint64 v : writer->acceptedVersions()) {
                QVERIFY2(!versions.contains(v), qPrintable(u"version %1 accepted twice"_s.arg(v)));
                versions.insert(v);
            }
        }
        QCOMPARE(versions.size(), 2 * goal);
        auto last = setup.request(prefix + u"/get"_s, Json{{"clientToken", "final"}});
        QVERIFY(last);
        QCOMPARE(versionOf(*last), 1 + 2 * goal);
        QCOMPARE_JSON((*last)["state"]["reported"]["a"], Json(goal - 1));
        QCOMPARE_JSON((*last)["state"]["reported"]["b"], Json(goal - 1));
        qInfo("%d version conflicts retried", a.conflicts() + b.conflicts());
    }

    static void stopBoth(Hub &hub1, Hub &hub2)
    {
        hub1.signal(SIGTERM);
        hub2.signal(SIGTERM);
        QVERIFY(hub1.waitForExit());
        QVERIFY(hub2.waitForExit());
        QCOMPARE(hub1.exitCode(), 0);
        QCOMPARE(hub2.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFleetHub)
#include "testutil.h"
#include "tst_fleethub.moc"
