// Runs the real fleet-hub executable against a real mosquitto: options, exit codes, signals, a kill -9 in
// the middle of a burst of shadow updates and in the middle of AWS IoT command executions, and two hubs
// sharing one database behind one share group.

#include "brokerobserver.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
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
    // A PostgreSQL database instead of the file in the PostgreSQL run (FLEET_TEST_DATABASE).
    return QStringList{u"--broker"_s, broker.url(), u"--db"_s, fleet::test::hubDatabase(db)} + more;
}

// The bridge docs/scaling.md gives for the one-hub-per-node layout: on one node, a connection to the other
// node that carries the reply topics of classic and named shadows both ways, and nothing else. Requests
// stay on the node they were published on, so exactly one hub serves each.
QStringList replyBridge(quint16 otherNodePort)
{
    QStringList lines = {u"connection other-node"_s, u"address 127.0.0.1:%1"_s.arg(otherNodePort),
                         u"cleansession true"_s, u"try_private true"_s};
    for (const QString &prefix : {u"$aws/things/+/shadow"_s, u"$aws/things/+/shadow/name/+"_s}) {
        for (const QString &reply :
             {u"update/accepted"_s, u"update/rejected"_s, u"update/delta"_s, u"update/documents"_s,
              u"get/accepted"_s, u"get/rejected"_s, u"delete/accepted"_s, u"delete/rejected"_s})
            lines << u"topic %1/%2 both 1"_s.arg(prefix, reply);
    }
    return lines;
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

    bool connectAndSubscribe(const QString &filter = u"$aws/things/+/shadow/#"_s)
    {
        return fleet::test::connectAndWait(m_client, Timeout) &&
               fleet::test::subscribeAndWait(m_client, filter, 1, Timeout);
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
        m_silence.setSingleShot(true);
        QObject::connect(&m_silence, &QTimer::timeout, &m_silence, [this] {
            if (done())
                return;
            // The hub that had the request died with it: start over from a get, under a new token, as a
            // device would. An update the dead hub committed unheard is then simply the current version.
            ++m_resent;
            sendGet();
        });
    }

    // Without an answer for this long, the request is sent again (off by default: 0).
    void setResendAfter(int ms) { m_resendAfterMs = ms; }
    int resent() const { return m_resent; }

    bool connect() { return m_peer.connectAndSubscribe(); }
    void start() { sendGet(); }
    bool done() const { return m_accepted.size() >= m_goal || m_failed; }
    bool failed() const { return m_failed; }
    QString failure() const { return m_failure; }
    const QList<qint64> &acceptedVersions() const { return m_accepted; }
    int conflicts() const { return m_conflicts; }
    QString name() const { return m_name; }

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
        if (m_resendAfterMs > 0)
            m_silence.start(m_resendAfterMs);
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
    QTimer m_silence;
    int m_resendAfterMs = 0;
    int m_resent = 0;
    bool m_failed = false;
    QString m_failure;
};

// An operator starting AWS IoT command executions (docs/aws-commands.md) under one name, with the hub's
// last answer on fleet/aws-commands/results/{user} for each client token.
class CommandOperator final
{
public:
    CommandOperator(const MosquittoBroker &broker, QString user)
        : m_peer(broker)
        , m_user(std::move(user))
    {
        m_peer.onMessage([this](const MqttMessage &m) {
            if (m.topic() != u"fleet/aws-commands/results/"_s + m_user)
                return;
            const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
            if (body.is_object())
                m_results.insert(QString::fromStdString(body.value("clientToken", std::string())), body);
        });
    }

    bool connect() { return m_peer.connectAndSubscribe(u"fleet/aws-commands/results/"_s + m_user); }

    // show_message (the default catalog's AWS IoT command) on thing; the same token and thing again is a
    // retry of the same start.
    bool start(const QString &clientToken, const QString &thing, int timeoutSeconds)
    {
        m_results.remove(clientToken);
        const Json request = {{"commandId", "show_message"},
                              {"target", thing.toStdString()},
                              {"parameters", {{"text", "hello " + thing.toStdString()}}},
                              {"timeoutSeconds", timeoutSeconds}};
        return m_peer.publishWaiting(u"fleet/aws-commands/start/%1/%2"_s.arg(m_user, clientToken),
                                     QByteArray::fromStdString(request.dump()));
    }

    bool waitForResults(const QStringList &clientTokens)
    {
        return QTest::qWaitFor(
            [&] {
                return std::all_of(clientTokens.cbegin(), clientTokens.cend(),
                                   [&](const QString &token) { return m_results.contains(token); });
            },
            Timeout);
    }

    Json result(const QString &clientToken) const { return m_results.value(clientToken); }

private:
    Peer m_peer;
    QString m_user;
    QHash<QString, Json> m_results;
};

// One connection playing the device of every thing: it counts the requests the hub publishes per execution,
// sends updates, and keeps the hub's answers per execution in arrival order.
class CommandDevice final
{
public:
    struct Answer
    {
        QString reply;   // "accepted", or the rejection's error code
        QString message; // the rejection's errorMessage
    };

    explicit CommandDevice(const MosquittoBroker &broker)
        : m_peer(broker)
    {
        m_peer.onMessage([this](const MqttMessage &m) { onMessage(m); });
    }

    bool connect()
    {
        return m_peer.connectAndSubscribe(u"$aws/commands/things/+/executions/+/request/json"_s) &&
               fleet::test::subscribeAndWait(
                   m_peer.client(), u"$aws/commands/things/+/executions/+/response/+/json"_s, 1, Timeout);
    }

    // Waits for room in the in-flight window, so that a burst goes out as fast as the broker takes it.
    bool update(const QString &thing, const QString &executionId, const char *status)
    {
        return m_peer.publishWaiting(
            u"$aws/commands/things/%1/executions/%2/response/json"_s.arg(thing, executionId),
            QByteArray::fromStdString(Json{{"status", status}}.dump()));
    }

    // Called for every answer as it arrives.
    void onAnswer(std::function<void(const QString &executionId, const Answer &answer)> handler)
    {
        m_onAnswer = std::move(handler);
    }

    int requests(const QString &executionId) const { return m_requests.value(executionId); }
    QList<Answer> answers(const QString &executionId) const { return m_answers.value(executionId); }
    int answerCount() const { return m_answerCount; }
    MqttClient &client() { return m_peer.client(); }

private:
    void onMessage(const MqttMessage &m)
    {
        // $aws/commands/things/{thing}/executions/{id}/request/json or …/response/{accepted|rejected}/json
        const QStringList levels = m.topic().split(u'/');
        if (levels.size() == 8 && levels.at(6) == u"request"_s) {
            ++m_requests[levels.at(5)];
            return;
        }
        if (levels.size() != 9 || levels.at(6) != u"response"_s)
            return;
        const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
        Answer answer{levels.at(7), {}};
        if (answer.reply == u"rejected"_s && body.is_object()) {
            answer.reply = QString::fromStdString(body.value("error", std::string()));
            answer.message = QString::fromStdString(body.value("errorMessage", std::string()));
        }
        m_answers[levels.at(5)].append(answer);
        ++m_answerCount;
        if (m_onAnswer)
            m_onAnswer(levels.at(5), answer);
    }

    Peer m_peer;
    QHash<QString, int> m_requests;
    QHash<QString, QList<Answer>> m_answers;
    int m_answerCount = 0;
    std::function<void(const QString &, const Answer &)> m_onAnswer;
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

    // The database password is never on the command line: a URL holding one is refused before anything
    // connects (and the password is not echoed); FLEET_DB_PASSWORD or the systemd credential db-password
    // gives it; a wrong or missing one is PostgreSQL's clear refusal and exit status 1.
    void postgresPasswordNeverOnTheCommandLine()
    {
        if (!fleet::test::PostgresServer::isInstalled())
            QSKIP("PostgreSQL is not installed: run ./fleet setup");
        fleet::test::PostgresServer server(u"s3cret-db"_s);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString url = server.createDatabase(u"hub"_s);
        QVERIFY2(!url.isEmpty(), qPrintable(server.errorString()));
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QStringList arguments = {u"--broker"_s, broker.url(), u"--db"_s, url};

        Hub inUrl;
        inUrl.start({u"--broker"_s, broker.url(), u"--db"_s,
                     QString(url).replace(u"fleet@"_s, u"fleet:s3cret-db@"_s)});
        QVERIFY(inUrl.waitForExit());
        QCOMPARE(inUrl.exitCode(), 2);
        QVERIFY2(inUrl.log().contains(u"FLEET_DB_PASSWORD"_s), qPrintable(inUrl.log()));
        QVERIFY(!inUrl.log().contains(u"s3cret"_s));

        for (const QString &password : {QString(), u"wrong"_s}) {
            QProcessEnvironment env = Hub::cleanEnvironment();
            if (!password.isEmpty())
                env.insert(u"FLEET_DB_PASSWORD"_s, password);
            Hub refused;
            refused.start(arguments, env);
            QVERIFY(refused.waitForExit());
            QCOMPARE(refused.exitCode(), 1);
            QVERIFY2(refused.log().contains(u"password"_s), qPrintable(refused.log()));
            QVERIFY2(refused.log().contains(url), qPrintable(refused.log()));
        }

        QProcessEnvironment env = Hub::cleanEnvironment();
        env.insert(u"FLEET_DB_PASSWORD"_s, u"s3cret-db"_s);
        Hub fromEnvironment;
        fromEnvironment.start(arguments, env);
        QVERIFY2(fromEnvironment.waitForServing(), qPrintable(fromEnvironment.log()));
        fromEnvironment.signal(SIGTERM);
        QVERIFY(fromEnvironment.waitForExit());
        QCOMPARE(fromEnvironment.exitCode(), 0);

        QTemporaryDir credentials;
        QFile credential(credentials.filePath(u"db-password"_s));
        QVERIFY(credential.open(QIODevice::WriteOnly));
        credential.write("s3cret-db\n");
        credential.close();
        env = Hub::cleanEnvironment();
        env.insert(u"CREDENTIALS_DIRECTORY"_s, credentials.path());
        Hub fromCredential;
        fromCredential.start(arguments, env);
        QVERIFY2(fromCredential.waitForServing(), qPrintable(fromCredential.log()));
        QVERIFY(!fromCredential.log().contains(u"s3cret"_s));
        fromCredential.signal(SIGTERM);
        QVERIFY(fromCredential.waitForExit());
        QCOMPARE(fromCredential.exitCode(), 0);
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

    void killDuringCommandExecutionsLosesNothing_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 2;
        QTest::newRow("mid-burst") << 100;
        QTest::newRow("late") << 170;
    }

    // kill -9 while a device reports IN_PROGRESS then SUCCEEDED for 200 AWS IoT command executions (200
    // rather than 50: the hub's answers then outrun its in-flight window, so a kill sometimes lands between
    // a commit and its answers). After a restart on the same database, every SUCCEEDED the device heard
    // accepted is still final, every execution the operator heard CREATED still exists (ResourceNotFound
    // would mean a lost one), exactly the unfinished ones are taken back, and a retried start is the same
    // execution.
    void killDuringCommandExecutionsLosesNothing()
    {
        QFETCH(int, killAfter);
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        QTemporaryDir dir;
        const QString db = dir.filePath(u"hub.db"_s);
        auto hub = std::make_unique<Hub>();
        hub->start(hubArguments(broker, db));
        QVERIFY2(hub->waitForServing(), qPrintable(hub->log()));

        CommandOperator alice(broker, u"alice"_s);
        QVERIFY(alice.connect());
        auto device = std::make_unique<CommandDevice>(broker);
        QVERIFY(device->connect());

        // Long enough that nothing times out during the test: every outcome below is the device's.
        const int timeoutSeconds = 60;
        const int total = 200;
        QStringList tokens;
        for (int i = 1; i <= total; ++i) {
            tokens.append(u"t-%1"_s.arg(i));
            QVERIFY(alice.start(tokens.last(), u"thing-%1"_s.arg(i), timeoutSeconds));
        }
        QVERIFY2(alice.waitForResults(tokens), "the hub did not answer every start");
        QStringList executionIds;        // in the order of the things
        QHash<QString, QString> thingOf; // execution id -> thing
        QHash<QString, QString> tokenOf; // execution id -> client token
        for (int i = 0; i < total; ++i) {
            const Json result = alice.result(tokens.at(i));
            QVERIFY2(result.value("status", std::string()) == "CREATED", result.dump().c_str());
            const QString id = QString::fromStdString(result.value("executionId", std::string()));
            QVERIFY(!id.isEmpty() && !thingOf.contains(id));
            executionIds.append(id);
            thingOf.insert(id, u"thing-%1"_s.arg(i + 1));
            tokenOf.insert(id, tokens.at(i));
        }
        // CREATED is announced after the request was published (and both after the commit).
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return std::all_of(executionIds.cbegin(), executionIds.cend(),
                                            [&](const QString &id) { return device->requests(id) == 1; });
                     },
                     Timeout),
                 "a created execution's request did not reach its device");

        // The burst. The hub answers one execution's updates in order, so its second "accepted" is the
        // SUCCEEDED's.
        QSet<QString> succeededBeforeKill;
        QStringList refusedBeforeKill;
        bool killed = false;
        device->onAnswer([&](const QString &id, const CommandDevice::Answer &answer) {
            if (answer.reply != u"accepted"_s) {
                refusedBeforeKill.append(id + u": "_s + answer.reply + u' ' + answer.message);
                return;
            }
            if (device->answers(id).size() == 2)
                succeededBeforeKill.insert(id);
            if (!killed && succeededBeforeKill.size() >= killAfter) {
                killed = true;
                hub->kill();
            }
        });
        for (const QString &id : std::as_const(executionIds)) {
            QVERIFY(device->update(thingOf.value(id), id, "IN_PROGRESS"));
            QVERIFY(device->update(thingOf.value(id), id, "SUCCEEDED"));
        }
        QVERIFY2(QTest::qWaitFor([&] { return killed; }, Timeout), "the hub never accepted enough updates");
        QVERIFY(hub->waitForExit());
        QCOMPARE(hub->exitStatus(), QProcess::CrashExit);
        // The rest of the burst reaches the broker and is dropped (no hub subscribes) before the new hub
        // subscribes.
        QTRY_COMPARE_WITH_TIMEOUT(device->client().inFlightCount(), 0, Timeout);
        device->onAnswer({});
        QVERIFY2(refusedBeforeKill.isEmpty(), qPrintable(refusedBeforeKill.join(u'\n')));
        const QSet<QString> heardSucceeded = succeededBeforeKill;
        const int answeredBeforeKill = device->answerCount();

        hub = std::make_unique<Hub>();
        hub->start(hubArguments(broker, db));
        QVERIFY2(hub->waitForServing(), qPrintable(hub->log()));
        const QRegularExpressionMatch takenBack =
            QRegularExpression(u"(\\d+) unfinished execution"_s).match(hub->log());
        QVERIFY2(takenBack.hasMatch(), qPrintable(hub->log()));

        // A new connection, so that nothing the dead hub published can be taken for an answer of this one.
        device = std::make_unique<CommandDevice>(broker);
        QVERIFY(device->connect());
        // A verdict after an accepted SUCCEEDED is refused as coming after the end: the SUCCEEDED survived.
        // Every other execution still exists: IN_PROGRESS is accepted while it is unfinished, and refused
        // (InvalidStateTransition) only when the dead hub committed its SUCCEEDED without the device
        // hearing it; then a verdict is refused as after the end too.
        for (const QString &id : std::as_const(executionIds))
            QVERIFY(device->update(thingOf.value(id), id,
                                   heardSucceeded.contains(id) ? "FAILED" : "IN_PROGRESS"));
        QVERIFY2(QTest::qWaitFor([&] { return device->answerCount() == total; }, Timeout),
                 qPrintable(u"%1 of %2 updates answered"_s.arg(device->answerCount()).arg(total)));
        const auto describe = [](const QString &id, const CommandDevice::Answer &answer) {
            return id + u": "_s + answer.reply + u' ' + answer.message;
        };
        QStringList open;
        QStringList committedUnheard;
        for (const QString &id : std::as_const(executionIds)) {
            const QList<CommandDevice::Answer> answers = device->answers(id);
            QCOMPARE(answers.size(), 1);
            const CommandDevice::Answer &answer = answers.constFirst();
            if (heardSucceeded.contains(id)) {
                QVERIFY2(answer.reply == u"TerminalStateReached"_s, qPrintable(describe(id, answer)));
                QVERIFY2(answer.message.contains(u"SUCCEEDED"_s), qPrintable(describe(id, answer)));
            } else if (answer.reply == u"accepted"_s) {
                open.append(id);
            } else {
                QVERIFY2(answer.reply == u"InvalidStateTransition"_s, qPrintable(describe(id, answer)));
                committedUnheard.append(id);
            }
        }
        QCOMPARE(takenBack.captured(1).toInt(), open.size());
        for (const QString &id : std::as_const(committedUnheard))
            QVERIFY(device->update(thingOf.value(id), id, "FAILED"));
        QVERIFY2(QTest::qWaitFor([&] { return device->answerCount() == total + committedUnheard.size(); },
                                 Timeout),
                 "not every late verdict was answered");
        for (const QString &id : std::as_const(committedUnheard)) {
            const CommandDevice::Answer answer = device->answers(id).constLast();
            QVERIFY2(answer.reply == u"TerminalStateReached"_s, qPrintable(describe(id, answer)));
            QVERIFY2(answer.message.contains(u"SUCCEEDED"_s), qPrintable(describe(id, answer)));
        }

        // A retried start of an unfinished execution is that execution, in its current state, and its
        // request is published again for the time left.
        QStringList retried;
        for (const QString &id : std::as_const(open)) {
            retried.append(tokenOf.value(id));
            QVERIFY(alice.start(tokenOf.value(id), thingOf.value(id), timeoutSeconds));
        }
        QVERIFY2(alice.waitForResults(retried), "the hub did not answer every retried start");
        for (const QString &id : std::as_const(open)) {
            const Json result = alice.result(tokenOf.value(id));
            QCOMPARE(QString::fromStdString(result.value("executionId", std::string())), id);
            QVERIFY2(result.value("status", std::string()) == "IN_PROGRESS", result.dump().c_str());
        }
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return std::all_of(open.cbegin(), open.cend(),
                                            [&](const QString &id) { return device->requests(id) == 1; });
                     },
                     Timeout),
                 "a retried start did not publish its request again");
        // And they end normally.
        for (const QString &id : std::as_const(open))
            QVERIFY(device->update(thingOf.value(id), id, "SUCCEEDED"));
        QVERIFY2(QTest::qWaitFor(
                     [&] { return device->answerCount() == total + committedUnheard.size() + open.size(); },
                     Timeout),
                 "not every final SUCCEEDED was answered");
        for (const QString &id : std::as_const(open))
            QCOMPARE(device->answers(id).constLast().reply, u"accepted"_s);
        qInfo("killed after %d SUCCEEDED heard accepted (%d answers); %d more committed unheard; %d "
              "unfinished taken back",
              int(heardSucceeded.size()), answeredBeforeKill, int(committedUnheard.size()), int(open.size()));

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

    // One hub per broker node on one database, and a bridge between the nodes for the replies only: an
    // operator on node B changes a shadow whose device is on node A. Hub B serves the request (nobody else
    // sees it), its delta crosses to the device, the device's report is served by hub A, and its documents
    // cross back. Each reply arrives once on each node: the bridge does not loop them.
    void bridgedNodesCarryRepliesAcross()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"shared.db"_s);
        MosquittoBroker nodeB(MosquittoBroker::Options::quiet());
        QVERIFY2(nodeB.start(), qPrintable(nodeB.errorString()));
        MosquittoBroker::Options withBridge = MosquittoBroker::Options::quiet();
        withBridge.extraConfigLines = replyBridge(nodeB.port());
        MosquittoBroker nodeA(withBridge);
        QVERIFY2(nodeA.start(), qPrintable(nodeA.errorString()));

        // Listeners on both nodes, counting what reaches them.
        QList<Json> deltasOnA;
        QList<Json> documentsOnB;
        QList<Json> documentsOnA;
        Peer listenerA(nodeA);
        QVERIFY(listenerA.connectAndSubscribe());
        listenerA.onMessage([&](const MqttMessage &m) {
            const Json body = Json::parse(m.payload().toStdString(), nullptr, false);
            if (m.topic() == u"$aws/things/lamp/shadow/update/delta"_s)
                deltasOnA.append(body);
            else if (m.topic() == u"$aws/things/lamp/shadow/update/documents"_s)
                documentsOnA.append(body);
        });
        Peer listenerB(nodeB);
        QVERIFY(listenerB.connectAndSubscribe());
        bool bridged = false;
        listenerB.onMessage([&](const MqttMessage &m) {
            if (m.topic() == u"$aws/things/probe/shadow/update/documents"_s)
                bridged = true;
            else if (m.topic() == u"$aws/things/lamp/shadow/update/documents"_s)
                documentsOnB.append(Json::parse(m.payload().toStdString(), nullptr, false));
        });
        // The bridge connects on its own schedule: probe it until a reply topic crosses.
        Peer probe(nodeA);
        QVERIFY(probe.connectAndSubscribe());
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         probe.publishWaiting(u"$aws/things/probe/shadow/update/documents"_s, "{}");
                         return QTest::qWaitFor([&] { return bridged; }, 200);
                     },
                     Timeout),
                 qPrintable(nodeA.log()));

        Hub hubA;
        hubA.start(hubArguments(nodeA, db, {u"--client-id"_s, u"hub-a"_s}));
        Hub hubB;
        hubB.start(hubArguments(nodeB, db, {u"--client-id"_s, u"hub-b"_s, u"--shadows-only"_s}));
        QVERIFY2(hubA.waitForServing(), qPrintable(hubA.log()));
        QVERIFY2(hubB.waitForServing(), qPrintable(hubB.log()));

        Peer operatorB(nodeB);
        QVERIFY(operatorB.connectAndSubscribe());
        const auto desired =
            operatorB.request(u"$aws/things/lamp/shadow/update"_s,
                              Json{{"state", {{"desired", {{"power", "on"}}}}}, {"clientToken", "op-1"}});
        QVERIFY(desired);
        QCOMPARE(versionOf(*desired), 1);
        QTRY_COMPARE_WITH_TIMEOUT(deltasOnA.size(), 1, Timeout);
        QCOMPARE(versionOf(deltasOnA.first()), 1);
        QCOMPARE(deltasOnA.first()["state"]["power"].get<std::string>(), "on");

        Peer deviceA(nodeA);
        QVERIFY(deviceA.connectAndSubscribe());
        const auto reported =
            deviceA.request(u"$aws/things/lamp/shadow/update"_s,
                            Json{{"state", {{"reported", {{"power", "on"}}}}}, {"clientToken", "dev-1"}});
        QVERIFY(reported);
        QCOMPARE(versionOf(*reported), 2);
        QTRY_COMPARE_WITH_TIMEOUT(documentsOnB.size(), 2, Timeout);
        QCOMPARE(documentsOnB.at(1)["current"]["version"].get<qint64>(), 2);
        QCOMPARE(documentsOnB.at(1)["current"]["state"]["reported"]["power"].get<std::string>(), "on");

        // Read through the other node: one database, one version.
        const auto got = operatorB.request(u"$aws/things/lamp/shadow/get"_s, Json{{"clientToken", "op-2"}});
        QVERIFY(got);
        QCOMPARE(versionOf(*got), 2);
        QVERIFY(!(*got)["state"].contains("delta"));

        // Nothing arrives twice, on either node, and no request was served twice (versions 1 and 2 above).
        QTest::qWait(500);
        QCOMPARE(deltasOnA.size(), 1);
        QCOMPARE(documentsOnA.size(), 2);
        QCOMPARE(documentsOnB.size(), 2);
    }

    void severalHubsOnOneDatabaseSurviveAKill_data()
    {
        QTest::addColumn<int>("hubs");
        QTest::newRow("two hubs") << 2;
        QTest::newRow("three hubs") << 3;
    }

    // The layout docs/scaling.md gives for brokers that do not share $aws topics: one hub per broker (the
    // first runs the gate and the command services too, the others --shadows-only), all on one database
    // (PostgreSQL in the PostgreSQL run; the SQLite file otherwise). Two writers per broker do versioned
    // read-modify-writes on two shadows that every broker's writers share, so the hubs' batches meet on the
    // same rows in both orders. Hub 2 is killed with SIGKILL in the middle and started again; its writers
    // send again when no answer comes. No accepted version may repeat, every writer reaches its goal, and the
    // final versions count every accepted update (plus at most the ones the dead hub committed without anyone
    // hearing).
    void severalHubsOnOneDatabaseSurviveAKill()
    {
        QFETCH(int, hubs);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"shared.db"_s);
        std::vector<std::unique_ptr<MosquittoBroker>> brokers;
        std::vector<std::unique_ptr<Hub>> hubProcesses;
        for (int i = 0; i < hubs; ++i) {
            brokers.push_back(std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet()));
            QVERIFY2(brokers.back()->start(), qPrintable(brokers.back()->errorString()));
            hubProcesses.push_back(std::make_unique<Hub>());
            // Hub 1 runs everything; the others serve shadows only, as docs/scaling.md has it.
            QStringList extra = {u"--client-id"_s, u"hub-%1"_s.arg(i + 1)};
            if (i > 0)
                extra << u"--shadows-only"_s;
            hubProcesses.back()->start(hubArguments(*brokers.back(), db, extra));
        }
        for (const auto &hub : hubProcesses)
            QVERIFY2(hub->waitForServing(), qPrintable(hub->log()));
        QVERIFY(hubProcesses.front()->log().contains(u"command gate on"_s));
        QVERIFY2(hubProcesses.back()->log().contains(u"Serving shadows only"_s),
                 qPrintable(hubProcesses.back()->log()));
        QVERIFY(!hubProcesses.back()->log().contains(u"command gate on"_s));

        const QStringList prefixes = {u"$aws/things/contended/shadow"_s,
                                      u"$aws/things/contended/shadow/name/config"_s};
        Peer setup(*brokers.front());
        QVERIFY(setup.connectAndSubscribe());
        for (const QString &prefix : prefixes) {
            const auto created =
                setup.request(prefix + u"/update"_s,
                              Json{{"state", {{"reported", {{"init", true}}}}}, {"clientToken", "init"}});
            QVERIFY(created);
            QCOMPARE(versionOf(*created), 1);
        }

        const int goal = 25;
        std::vector<std::unique_ptr<VersionedWriter>> writers;
        for (int i = 0; i < 2 * hubs; ++i) {
            writers.push_back(std::make_unique<VersionedWriter>(*brokers.at(i / 2), u"w%1"_s.arg(i),
                                                                prefixes.at(i % 2), goal));
            writers.back()->setResendAfter(2000);
            QVERIFY(writers.back()->connect());
        }
        for (const auto &writer : writers)
            writer->start();
        const auto acceptedSoFar = [&] {
            qsizetype n = 0;
            for (const auto &writer : writers)
                n += writer->acceptedVersions().size();
            return n;
        };
        QVERIFY2(QTest::qWaitFor([&] { return acceptedSoFar() >= hubs * goal / 2; }, 60000),
                 "the writers made no progress");
        hubProcesses.at(1)->kill();
        QVERIFY(hubProcesses.at(1)->waitForExit());
        QCOMPARE(hubProcesses.at(1)->exitStatus(), QProcess::CrashExit);
        const qsizetype atKill = acceptedSoFar();
        hubProcesses.at(1) = std::make_unique<Hub>();
        hubProcesses.at(1)->start(
            hubArguments(*brokers.at(1), db, {u"--client-id"_s, u"hub-2"_s, u"--shadows-only"_s}));
        QVERIFY2(hubProcesses.at(1)->waitForServing(), qPrintable(hubProcesses.at(1)->log()));

        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return std::all_of(writers.cbegin(), writers.cend(),
                                            [](const auto &w) { return w->done(); });
                     },
                     120000),
                 qPrintable(u"%1 of %2 updates accepted"_s.arg(acceptedSoFar()).arg(2 * hubs * goal)));
        int resent = 0;
        for (int p = 0; p < prefixes.size(); ++p) {
            QSet<qint64> versions;
            int accepted = 0;
            int resentHere = 0;
            for (int i = p; i < int(writers.size()); i += 2) {
                const VersionedWriter &writer = *writers.at(i);
                QVERIFY2(!writer.failed(), qPrintable(writer.failure()));
                for (qint64 v : writer.acceptedVersions()) {
                    QVERIFY2(!versions.contains(v),
                             qPrintable(u"%1: version %2 accepted twice"_s.arg(prefixes.at(p)).arg(v)));
                    versions.insert(v);
                }
                accepted += int(writer.acceptedVersions().size());
                resentHere += writer.resent();
            }
            resent += resentHere;
            QCOMPARE(accepted, hubs * goal);
            const auto last = setup.request(prefixes.at(p) + u"/get"_s, Json{{"clientToken", "final"}});
            QVERIFY(last);
            const qint64 final = versionOf(*last);
            QVERIFY2(final >= 1 + accepted && final <= 1 + accepted + resentHere,
                     qPrintable(u"%1: final version %2, %3 accepted, %4 sent again"_s.arg(prefixes.at(p))
                                    .arg(final)
                                    .arg(accepted)
                                    .arg(resentHere)));
            for (int i = p; i < int(writers.size()); i += 2)
                QCOMPARE_JSON((*last)["state"]["reported"][writers.at(i)->name().toStdString()],
                              Json(goal - 1));
        }
        qInfo("%d hubs: killed hub 2 after %lld accepted updates; %d requests sent again", hubs,
              qint64(atKill), resent);
        for (const auto &hub : hubProcesses) {
            hub->signal(SIGTERM);
            QVERIFY(hub->waitForExit());
            QCOMPARE(hub->exitCode(), 0);
        }
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
