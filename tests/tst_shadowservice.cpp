#include "brokerobserver.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "postgresserver.h"
#include "rawdatabase.h"
#include "shadow/shadowdocument.h"
#include "shadowservice.h"
#include "shadowstore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::ShadowService;
using fleet::ShadowStore;
using fleet::ShadowTopic;
using fleet::test::MosquittoBroker;
using fleet::test::RawDatabase;

namespace {

constexpr int Timeout = 10000;

// The broker's profile, MQTT 5 unless told otherwise.
BrokerProfile versionedProfile(const MosquittoBroker &broker,
                               BrokerProfile::ProtocolVersion version = BrokerProfile::ProtocolVersion::Mqtt5)
{
    BrokerProfile profile = fleet::test::profileFor(broker);
    profile.protocolVersion = version;
    return profile;
}

// The replies one request produced, by reply name ("accepted", "rejected", "delta", "documents"), in the
// order they arrived.
struct Replies
{
    QStringList order;
    QHash<QString, Json> body;
    bool timedOut = false;

    bool has(const QString &name) const { return body.contains(name); }
    // A copy, null when absent: indexing a missing member of a const nlohmann value is undefined behaviour,
    // while a mutable copy just yields null and lets the comparison fail.
    Json operator[](const QString &name) const { return body.value(name); }
};

// A device or operator: a plain MqttClient subscribed to every shadow topic, sending one request at a time.
class Peer final
{
public:
    explicit Peer(const BrokerProfile &profile)
    {
        m_client.setProfile(profile);
        QObject::connect(&m_client, &MqttClient::messageReceived, &m_client, [this](const MqttMessage &m) {
            m_inbox.append(m);
            m_history.append(m);
        });
    }

    bool connectAndSubscribe()
    {
        // '#' alone would not see $aws topics: a filter starting with a wildcard never matches '$'.
        return fleet::test::connectAndWait(m_client, Timeout) &&
               fleet::test::subscribeAndWait(m_client, u"$aws/things/+/shadow/#"_s, 1, Timeout);
    }

    MqttClient &client() { return m_client; }
    // Everything received since the last clearHistory(); request() does not consume it.
    const QList<MqttMessage> &history() const { return m_history; }
    void clearHistory() { m_history.clear(); }

    // A QoS 1 publish that waits for room in the in-flight window rather than failing.
    bool publishWaiting(const QString &topic, const QByteArray &payload)
    {
        while (m_client.publish(topic, payload, 1) < 0) {
            if (m_client.error() != MqttClient::Error::InFlightWindowFull ||
                !QTest::qWaitFor([&] { return m_client.canPublish(); }, Timeout))
                return false;
        }
        return true;
    }

    // Publishes a request on {prefix}/{operation} and waits for its last reply: rejected, or accepted for
    // get/delete, or documents for an accepted update (published after accepted and delta).
    Replies request(const QString &prefix, const QString &operation, const QByteArray &payload)
    {
        m_inbox.clear();
        const QString base = prefix + u'/' + operation + u'/';
        Replies replies;
        if (m_client.publish(prefix + u'/' + operation, payload, 1) < 0) {
            replies.timedOut = true;
            return replies;
        }
        const QString last = operation == u"update"_s ? u"documents"_s : u"accepted"_s;
        replies.timedOut = !QTest::qWaitFor(
            [&] {
                collect(base, &replies);
                return replies.has(u"rejected"_s) || replies.has(last);
            },
            Timeout);
        return replies;
    }

    // Topics in history() that start with prefix.
    QStringList topicsUnder(const QString &prefix) const
    {
        QStringList topics;
        for (const MqttMessage &m : m_history) {
            if (m.topic().startsWith(prefix))
                topics.append(m.topic());
        }
        return topics;
    }

private:
    void collect(const QString &base, Replies *replies)
    {
        while (!m_inbox.isEmpty()) {
            const MqttMessage m = m_inbox.takeFirst();
            if (!m.topic().startsWith(base))
                continue;
            const QString name = m.topic().mid(base.size());
            replies->order.append(name);
            replies->body.insert(name, Json::parse(m.payload().toStdString(), nullptr, false));
            QVERIFY2(!m.retain(), "replies are never retained");
            QCOMPARE(m.qos(), 1);
        }
    }

    MqttClient m_client;
    QList<MqttMessage> m_inbox;
    QList<MqttMessage> m_history;
};

std::string tokenOf(const Json &body)
{
    return body.contains("clientToken") ? body["clientToken"].get<std::string>() : std::string();
}

qint64 versionOf(const Json &body)
{
    return body.contains("version") ? body["version"].get<qint64>() : -1;
}

} // namespace

class TestShadowService final : public QObject
{
    Q_OBJECT

    // Starts a service on its own store; returns null (with a failed QVERIFY) when it does not serve.
    std::unique_ptr<ShadowService> startService(ShadowStore *store, const BrokerProfile &profile,
                                                const QString &shareGroup = {})
    {
        auto service = std::make_unique<ShadowService>(store);
        service->setProfile(profile);
        service->setShareGroup(shareGroup);
        QSignalSpy serving(service.get(), &ShadowService::serving);
        if (!service->start()) {
            qWarning("start: %s", qPrintable(service->errorString()));
            return nullptr;
        }
        if (!serving.wait(Timeout) && serving.isEmpty())
            return nullptr;
        return service;
    }

    bool corrupt(const QString &thing, const QString &shadow)
    {
        QSqlQuery query(QSqlDatabase::database(m_store->connectionName(), false));
        query.prepare(u"UPDATE shadows SET document = '{\"exists\":tr' WHERE thing = ? AND shadow = ?"_s);
        query.addBindValue(thing);
        query.addBindValue(shadow.isNull() ? u""_s : shadow);
        return query.exec() && query.numRowsAffected() == 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        QVERIFY(m_dir.isValid());
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        m_store = std::make_unique<ShadowStore>();
        // Short, so that the locked-database test does not stall for the default 5 s.
        m_store->setBusyTimeout(300);
        m_location = fleet::test::hubDatabase(m_dir.filePath(u"hub.db"_s));
        QVERIFY2(m_store->open(m_location), qPrintable(m_store->errorString()));
        m_service = startService(m_store.get(), versionedProfile(*m_broker));
        QVERIFY(m_service);
        m_peer = std::make_unique<Peer>(versionedProfile(*m_broker));
        QVERIFY(m_peer->connectAndSubscribe());
    }

    void cleanupTestCase()
    {
        m_peer.reset();
        m_service.reset();
        m_store.reset();
        m_broker.reset();
    }

    void subscribesToBothRequestFiltersAtQos1()
    {
        QCOMPARE(m_service->requestFilters(),
                 (QStringList{ShadowTopic::classicRequestFilter(), ShadowTopic::namedRequestFilter()}));
        const auto subscriptions = m_service->client()->subscriptions();
        QCOMPARE(subscriptions.size(), 2);
        for (const auto &s : subscriptions) {
            QCOMPARE(s.state, MqttClient::SubscriptionState::Granted);
            QCOMPARE(s.grantedQos, 1);
        }
        QVERIFY(m_service->isServing());
    }

    void lifecycle_data()
    {
        QTest::addColumn<QString>("shadow");
        QTest::newRow("classic") << QString();
        QTest::newRow("named") << u"config"_s;
    }

    // Every reply topic of a shadow's life: update (accepted, delta, documents), get, update without delta,
    // delete, and the 404 after it.
    void lifecycle()
    {
        QFETCH(QString, shadow);
        const QString thing = u"life-"_s + (shadow.isEmpty() ? u"classic"_s : shadow);
        const QString prefix = ShadowTopic::prefix(thing, shadow);

        Replies r = m_peer->request(prefix, u"update"_s,
                                    R"({"state":{"desired":{"color":"red","level":3}},"clientToken":"u1"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, (QStringList{u"accepted"_s, u"delta"_s, u"documents"_s}));
        QCOMPARE_JSON(r[u"accepted"_s]["state"]["desired"]["color"], Json("red"));
        QVERIFY(r[u"accepted"_s]["metadata"]["desired"]["color"].contains("timestamp"));
        QVERIFY(r[u"accepted"_s]["timestamp"].is_number_integer());
        QCOMPARE(tokenOf(r[u"accepted"_s]), "u1");
        QCOMPARE(versionOf(r[u"accepted"_s]), 1);
        QCOMPARE_JSON(r[u"delta"_s]["state"], (Json{{"color", "red"}, {"level", 3}}));
        QCOMPARE(versionOf(r[u"delta"_s]), 1);
        QCOMPARE(tokenOf(r[u"delta"_s]), "u1");
        QCOMPARE(versionOf(r[u"documents"_s]["current"]), 1);
        QCOMPARE_JSON(r[u"documents"_s]["current"]["state"]["desired"]["level"], Json(3));
        QCOMPARE(tokenOf(r[u"documents"_s]), "u1");

        // The device reports part of it: no delta for a reported-only update, and the delta of get shows
        // what is still different.
        r = m_peer->request(prefix, u"update"_s,
                            R"({"state":{"reported":{"color":"red"}},"clientToken":"u2"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, (QStringList{u"accepted"_s, u"documents"_s}));
        QCOMPARE(versionOf(r[u"accepted"_s]), 2);
        QCOMPARE(versionOf(r[u"documents"_s]["previous"]), 1);
        QCOMPARE(versionOf(r[u"documents"_s]["current"]), 2);
        QCOMPARE_JSON(r[u"documents"_s]["current"]["state"]["reported"]["color"], Json("red"));

        r = m_peer->request(prefix, u"get"_s, R"({"clientToken":"g1"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, QStringList{u"accepted"_s});
        Json got = r[u"accepted"_s];
        QCOMPARE_JSON(got["state"]["desired"], (Json{{"color", "red"}, {"level", 3}}));
        QCOMPARE_JSON(got["state"]["reported"], (Json{{"color", "red"}}));
        QCOMPARE_JSON(got["state"]["delta"], (Json{{"level", 3}}));
        QCOMPARE(versionOf(got), 2);
        QCOMPARE(tokenOf(got), "g1");

        r = m_peer->request(prefix, u"delete"_s, R"({"clientToken":"d1"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, QStringList{u"accepted"_s});
        QCOMPARE(versionOf(r[u"accepted"_s]), 2);
        QCOMPARE(tokenOf(r[u"accepted"_s]), "d1");
        QVERIFY(r[u"accepted"_s]["timestamp"].is_number_integer());

        const Json expected404 = shadow.isEmpty()
                                     ? Json("Thing not found")
                                     : Json("No shadow exists with name: " + shadow.toStdString());
        for (const QString &operation : {u"get"_s, u"delete"_s}) {
            r = m_peer->request(prefix, operation, R"({"clientToken":"n"})");
            QVERIFY(!r.timedOut);
            QCOMPARE(r.order, QStringList{u"rejected"_s});
            QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(404));
            QCOMPARE_JSON(r[u"rejected"_s]["message"], expected404);
            QCOMPARE(tokenOf(r[u"rejected"_s]), "n");
        }

        // Recreated: the version counter continues.
        r = m_peer->request(prefix, u"update"_s, R"({"state":{"reported":{"on":1}}})");
        QCOMPARE(versionOf(r[u"accepted"_s]), 3);
        QVERIFY(!r[u"accepted"_s].contains("clientToken"));
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("token"); // expected echo, empty for none

        const auto row = [](const char *name, const QString &op, const QByteArray &payload,
                            const fleet::ShadowError &error, const QString &token) {
            QTest::newRow(name) << op << payload << error.code << error.message << token;
        };
        using E = fleet::ShadowError;
        row("invalid json", u"update"_s, R"({"state":{"desired":)", E::invalidJson(), {});
        row("missing state", u"update"_s, R"({"clientToken":"t1"})", E::missingState(), u"t1"_s);
        row("state not object", u"update"_s, R"({"state":5,"clientToken":"t2"})", E::stateNotObject(),
            u"t2"_s);
        row("desired not object", u"update"_s, R"({"state":{"desired":[1]},"clientToken":"t3"})",
            E::desiredNotObject(), u"t3"_s);
        row("reported not object", u"update"_s, R"({"state":{"reported":"x"},"clientToken":"t4"})",
            E::reportedNotObject(), u"t4"_s);
        row("invalid version", u"update"_s,
            R"({"state":{"desired":{"a":1}},"version":"7","clientToken":"t5"})", E::invalidVersion(),
            u"t5"_s);
        row("client token too long", u"update"_s,
            R"({"state":{"desired":{"a":1}},"clientToken":")" + QByteArray(65, 'k') + R"("})",
            E::invalidClientToken(), {});
        row("too deep", u"update"_s,
            R"({"state":{"desired":{"a":{"b":{"c":{"d":{"e":{"f":{"g":1}}}}}}}},"clientToken":"t6"})",
            E::tooDeep(), u"t6"_s);
        row("null in array", u"update"_s, R"({"state":{"desired":{"a":[1,null]}},"clientToken":"t7"})",
            E::invalidNode(), u"t7"_s);
        row("too large", u"update"_s,
            R"({"state":{"desired":{"blob":")" + QByteArray(fleet::ShadowDocument::MaxStateBytes + 1, 'x') +
                R"("}},"clientToken":"t8"})",
            E::tooLarge(), u"t8"_s);
        row("not utf-8", u"update"_s, "{\"state\":{\"desired\":{\"a\":\"\xff\xfe\"}},\"clientToken\":\"t9\"}",
            E::unsupportedEncoding(), {}); // no token: a payload that is not UTF-8 is not readable JSON
        row("get invalid json", u"get"_s, "{not json", E::invalidJson(), {});
        row("delete invalid json", u"delete"_s, "[", E::invalidJson(), {});
        row("get 404", u"get"_s, R"({"clientToken":"t10"})", E::thingNotFound(), u"t10"_s);
        row("delete 404", u"delete"_s, R"({"clientToken":"t11"})", E::thingNotFound(), u"t11"_s);
        row("get 404 no token", u"get"_s, "", E::thingNotFound(), {});
    }

    // Every rejection reachable over the wire, with AWS's body: code, message, timestamp, clientToken echo.
    void rejections()
    {
        QFETCH(QString, operation);
        QFETCH(QByteArray, payload);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QString, token);
        const QString thing = u"reject-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        const Replies r = m_peer->request(ShadowTopic::prefix(thing), operation, payload);
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, QStringList{u"rejected"_s});
        Json body = r[u"rejected"_s];
        QCOMPARE_JSON(body["code"], Json(code));
        QCOMPARE(QString::fromStdString(body["message"].get<std::string>()), message);
        QVERIFY(body["timestamp"].is_number_integer());
        QCOMPARE(QString::fromStdString(tokenOf(body)), token);
        QCOMPARE(body.contains("clientToken"), !token.isEmpty());
        // A rejected update stores nothing.
        QVERIFY(!std::get<fleet::ShadowDocument>(m_store->load(thing, {})).exists());
    }

    void namedShadow404Texts()
    {
        const QString prefix = ShadowTopic::prefix(u"named-404"_s, u"fw-1"_s);
        for (const QString &operation : {u"get"_s, u"delete"_s}) {
            const Replies r = m_peer->request(prefix, operation, {});
            QVERIFY(!r.timedOut);
            QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(404));
            QCOMPARE_JSON(r[u"rejected"_s]["message"], Json("No shadow exists with name: fw-1"));
            QVERIFY(!r[u"rejected"_s].contains("clientToken"));
        }
    }

    // AWS's worked example: a shadow at version 10 refuses an update made against version 9 and accepts one
    // made against version 10, which becomes version 11.
    void awsWorkedExampleVersionConflict()
    {
        const QString prefix = ShadowTopic::prefix(u"worked"_s);
        for (int i = 1; i <= 10; ++i) {
            const Replies r =
                m_peer->request(prefix, u"update"_s,
                                QByteArray(R"({"state":{"reported":{"n":)") + QByteArray::number(i) + "}}}");
            QCOMPARE(versionOf(r[u"accepted"_s]), i);
        }
        Replies r = m_peer->request(prefix, u"update"_s,
                                    R"({"state":{"desired":{"n":0}},"version":9,"clientToken":"old"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(r.order, QStringList{u"rejected"_s});
        QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(409));
        QCOMPARE_JSON(r[u"rejected"_s]["message"], Json("Version conflict"));
        QCOMPARE(tokenOf(r[u"rejected"_s]), "old");

        r = m_peer->request(prefix, u"update"_s,
                            R"({"state":{"desired":{"n":0}},"version":10,"clientToken":"new"})");
        QVERIFY(!r.timedOut);
        QCOMPARE(versionOf(r[u"accepted"_s]), 11);
        QCOMPARE(tokenOf(r[u"accepted"_s]), "new");
        QVERIFY(r.has(u"delta"_s));
        QCOMPARE(versionOf(r[u"documents"_s]["current"]), 11);
        QCOMPARE(versionOf(r[u"documents"_s]["previous"]), 10);
    }

    void getAndDeleteBodies_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("token");
        QTest::newRow("get empty") << u"get"_s << QByteArray() << QString();
        QTest::newRow("get token") << u"get"_s << QByteArray(R"({"clientToken":"abc"})") << u"abc"_s;
        QTest::newRow("get empty object") << u"get"_s << QByteArray("{}") << QString();
        QTest::newRow("delete empty") << u"delete"_s << QByteArray() << QString();
        QTest::newRow("delete token") << u"delete"_s << QByteArray(R"({"clientToken":"xyz"})") << u"xyz"_s;
    }

    void getAndDeleteBodies()
    {
        QFETCH(QString, operation);
        QFETCH(QByteArray, payload);
        QFETCH(QString, token);
        const QString thing = u"bodies-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        for (const QString &shadow : {QString(), u"named"_s}) {
            const QString prefix = ShadowTopic::prefix(thing, shadow);
            Replies r = m_peer->request(prefix, u"update"_s, R"({"state":{"reported":{"x":1}}})");
            QCOMPARE(versionOf(r[u"accepted"_s]), 1);
            r = m_peer->request(prefix, operation, payload);
            QVERIFY(!r.timedOut);
            QCOMPARE(r.order, QStringList{u"accepted"_s});
            QCOMPARE(versionOf(r[u"accepted"_s]), 1);
            QCOMPARE(r[u"accepted"_s].contains("clientToken"), !token.isEmpty());
            QCOMPARE(QString::fromStdString(tokenOf(r[u"accepted"_s])), token);
        }
    }

    // A burst of updates to one shadow: accepted and documents arrive in version order, none missing.
    void repliesInVersionOrder()
    {
        const QString prefix = ShadowTopic::prefix(u"burst"_s, u"s"_s);
        m_peer->clearHistory();
        const int count = 200; // more than the client's in-flight window holds, so the outbox is exercised
        for (int i = 0; i < count; ++i) {
            QVERIFY(m_peer->publishWaiting(prefix + u"/update"_s, QByteArray(R"({"state":{"desired":{"i":)") +
                                                                      QByteArray::number(i) + "}}}"));
        }
        const QString documents = prefix + u"/update/documents"_s;
        QTRY_COMPARE_WITH_TIMEOUT(m_peer->topicsUnder(documents).size(), count, Timeout);
        qint64 accepted = 0;
        qint64 current = 0;
        for (const MqttMessage &m : m_peer->history()) {
            Json body = Json::parse(m.payload().toStdString());
            if (m.topic() == prefix + u"/update/accepted"_s)
                QCOMPARE(versionOf(body), ++accepted);
            else if (m.topic() == documents)
                QCOMPARE(versionOf(body["current"]), ++current);
        }
        QCOMPARE(accepted, count);
        QCOMPARE(m_service->pendingReplies(), 0);
    }

    // A damaged row answers 500 over the wire, is logged, and leaves the service running.
    void damagedRowAnswers500()
    {
        const QString prefix = ShadowTopic::prefix(u"damaged"_s);
        Replies r = m_peer->request(prefix, u"update"_s, R"({"state":{"reported":{"x":1}}})");
        QCOMPARE(versionOf(r[u"accepted"_s]), 1);
        QVERIFY(corrupt(u"damaged"_s, {}));
        for (const QString &operation : {u"get"_s, u"update"_s, u"delete"_s}) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"500.*damaged.*damaged"_s));
            const QByteArray payload = operation == u"update"_s
                                           ? QByteArray(R"({"state":{"reported":{"x":2}},"clientToken":"c"})")
                                           : QByteArray(R"({"clientToken":"c"})");
            r = m_peer->request(prefix, operation, payload);
            QVERIFY(!r.timedOut);
            QCOMPARE(r.order, QStringList{u"rejected"_s});
            QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(500));
            QCOMPARE_JSON(r[u"rejected"_s]["message"], Json("Internal service failure"));
            QCOMPARE(tokenOf(r[u"rejected"_s]), "c");
        }
        r = m_peer->request(ShadowTopic::prefix(u"healthy"_s), u"update"_s,
                            R"({"state":{"reported":{"x":1}}})");
        QCOMPARE(versionOf(r[u"accepted"_s]), 1);
    }

    // A database that stays locked longer than the busy timeout: 500, nothing accepted; then it recovers.
    void lockedDatabaseAnswers500()
    {
        const QString prefix = ShadowTopic::prefix(u"locked"_s);
        {
            RawDatabase other(m_location);
            QVERIFY(other.lockForWriting(u"shadows"_s));
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"500.*lock"_s));
            const Replies r = m_peer->request(prefix, u"update"_s, R"({"state":{"reported":{"x":1}}})");
            QVERIFY(!r.timedOut);
            QCOMPARE(r.order, QStringList{u"rejected"_s});
            QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(500));
            QVERIFY(other.rollback());
        }
        const Replies r = m_peer->request(prefix, u"update"_s, R"({"state":{"reported":{"x":1}}})");
        QCOMPARE(versionOf(r[u"accepted"_s]), 1);
    }

    // Topics that match the subscriptions but are not valid requests are logged and dropped: no reply topic
    // can be built from an invalid thing name.
    void invalidRequestTopicsAreDropped()
    {
        const QStringList bad = {u"$aws/things/bad name!/shadow/get"_s, u"$aws/things/x/shadow/frobnicate"_s,
                                 u"$aws/things/x/shadow/name/bad@shadow/update"_s,
                                 u"$aws/things/x/shadow/name/s/explode"_s};
        m_peer->clearHistory();
        for (const QString &topic : bad) {
            QTest::ignoreMessage(QtWarningMsg,
                                 QRegularExpression(u"Dropped.*"_s + QRegularExpression::escape(topic)));
            QVERIFY(m_peer->client().publish(topic, R"({"state":{}})", 1) > 0);
        }
        // Requests are handled in order: once this one is answered, the bad ones have been seen.
        const Replies r = m_peer->request(ShadowTopic::prefix(u"after-bad"_s), u"get"_s, {});
        QVERIFY(!r.timedOut);
        QCOMPARE_JSON(r[u"rejected"_s]["code"], Json(404));
        for (const QString &topic : bad)
            QVERIFY2(m_peer->topicsUnder(topic + u'/').isEmpty(), qPrintable(topic));
    }

    // MQTT 3.1.1 works the same way.
    void mqtt311()
    {
        QTemporaryDir dir;
        ShadowStore store;
        QVERIFY(store.open(fleet::test::hubDatabase(dir.filePath(u"311.db"_s))));
        const auto profile = versionedProfile(*m_broker, BrokerProfile::ProtocolVersion::Mqtt311);
        auto service = startService(&store, profile);
        QVERIFY(service);
        Peer peer(profile);
        QVERIFY(peer.connectAndSubscribe());
        // The test case's service answers too (both subscribe without a share group): wait for this one.
        QSignalSpy handled(service.get(), &ShadowService::requestHandled);
        const QString prefix = ShadowTopic::prefix(u"v311"_s, u"n"_s);
        QVERIFY(peer.publishWaiting(prefix + u"/update"_s,
                                    R"({"state":{"reported":{"x":1}},"clientToken":"z"})"));
        QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 1, Timeout);
        QCOMPARE(handled.first().at(0).toString(), prefix + u"/update"_s);
        QCOMPARE(handled.first().at(1).toInt(), 0);
        QCOMPARE(std::get<fleet::ShadowDocument>(store.load(u"v311"_s, u"n"_s)).version(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(peer.topicsUnder(prefix + u"/update/accepted"_s).size() == 2, Timeout);
    }

    // With a share group the filters carry $share/{group}/ and the broker grants them. (Whether the broker
    // then routes $aws topics to them is the broker's business: mosquitto 2.0 does not; see tst_fleethub.)
    void shareGroupFilters()
    {
        QTemporaryDir dir;
        ShadowStore store;
        QVERIFY(store.open(fleet::test::hubDatabase(dir.filePath(u"share.db"_s))));
        auto service = startService(&store, versionedProfile(*m_broker), u"hubs"_s);
        QVERIFY(service);
        QCOMPARE(service->requestFilters(),
                 (QStringList{u"$share/hubs/"_s + ShadowTopic::classicRequestFilter(),
                              u"$share/hubs/"_s + ShadowTopic::namedRequestFilter()}));
        for (const auto &s : service->client()->subscriptions())
            QCOMPARE(s.state, MqttClient::SubscriptionState::Granted);

        QVERIFY(!ShadowService::isValidShareGroup(u"a/b"_s));
        QVERIFY(!ShadowService::isValidShareGroup(u"+"_s));
        QVERIFY(!ShadowService::isValidShareGroup({}));
        QVERIFY(ShadowService::isValidShareGroup(u"hubs-1"_s));
        ShadowService invalid(&store);
        invalid.setShareGroup(u"a#"_s);
        QVERIFY(!invalid.start());
        QVERIFY(!invalid.errorString().isEmpty());
    }

    // A request the broker retained is handled once, live; a service that subscribes later gets the
    // retained copy and ignores it instead of applying the update again on every restart.
    void retainedRequestsAreNotReplayed()
    {
        const QString topic = ShadowTopic::prefix(u"retained"_s) + u"/update"_s;
        QSignalSpy handledByMain(m_service.get(), &ShadowService::requestHandled);
        QVERIFY(m_peer->client().publish(topic, R"({"state":{"reported":{"x":1}}})", 1, true) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(handledByMain.size(), 1, Timeout);
        QCOMPARE(std::get<fleet::ShadowDocument>(m_store->load(u"retained"_s, {})).version(), 1);

        QTemporaryDir dir;
        ShadowStore store;
        QVERIFY(store.open(fleet::test::hubDatabase(dir.filePath(u"late.db"_s))));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"retained request.*"_s + QRegularExpression::escape(topic)));
        auto late = startService(&store, versionedProfile(*m_broker));
        QVERIFY(late);
        QSignalSpy handledByLate(late.get(), &ShadowService::requestHandled);
        // The broker sends retained messages right after the SUBACK, so once a later request is answered
        // the retained one has been seen.
        const QString probe = ShadowTopic::prefix(u"retained-probe"_s) + u"/get"_s;
        QVERIFY(m_peer->client().publish(probe, {}, 1) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(handledByLate.cbegin(), handledByLate.cend(),
                        [&](const QList<QVariant> &args) { return args.at(0).toString() == probe; }),
            Timeout);
        for (const auto &args : std::as_const(handledByLate))
            QVERIFY(args.at(0).toString() != topic);
        QVERIFY(!std::get<fleet::ShadowDocument>(store.load(u"retained"_s, {})).exists());
        // Clear it (an empty retained payload, which the services answer as an invalid request).
        QVERIFY(m_peer->client().publish(topic, {}, 1, true) > 0);
    }

    // A stop answers every request the broker already routed to the service, then disconnects.
    void stopDrainsRepliesThenDisconnects()
    {
        QTemporaryDir dir;
        ShadowStore store;
        QVERIFY(store.open(fleet::test::hubDatabase(dir.filePath(u"stop.db"_s))));
        auto service = startService(&store, versionedProfile(*m_broker));
        QVERIFY(service);
        Peer peer(versionedProfile(*m_broker));
        QVERIFY(peer.connectAndSubscribe());
        QSignalSpy handled(service.get(), &ShadowService::requestHandled);
        QSignalSpy stopped(service.get(), &ShadowService::stopped);
        const QString prefix = ShadowTopic::prefix(u"stopping"_s);
        for (int i = 0; i < 100; ++i)
            QVERIFY(peer.publishWaiting(prefix + u"/update"_s, R"({"state":{"reported":{"x":1}}})"));
        QVERIFY(QTest::qWaitFor([&] { return !handled.isEmpty(); }, Timeout));
        service->stop();
        QVERIFY(stopped.wait(Timeout) || !stopped.isEmpty());
        QCOMPARE(service->client()->state(), MqttClient::State::Disconnected);
        QVERIFY(!service->isServing());
        const auto handledCount = handled.size();
        QVERIFY(handledCount > 0);
        // The test case's own (unshared) service answers everything too; count only this store's versions.
        const qint64 stored = std::get<fleet::ShadowDocument>(store.load(u"stopping"_s, {})).version();
        QCOMPARE(stored, handledCount);
        const QString accepted = prefix + u"/update/accepted"_s;
        QTRY_VERIFY_WITH_TIMEOUT(peer.topicsUnder(accepted).size() >= 100 + handledCount, Timeout);
        QTest::qWait(100);
        QCOMPARE(peer.topicsUnder(accepted).size(), 100 + handledCount);
        QCOMPARE(stopped.size(), 1);
        service->stop(); // a second stop is a no-op
        QCOMPARE(stopped.size(), 1);
    }

    // A broker that refuses the credentials for good ends the service with fatalError().
    void permanentRefusalIsFatal()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.users = {{u"hub"_s, u"right"_s}};
        MosquittoBroker secured(options);
        QVERIFY2(secured.start(), qPrintable(secured.errorString()));
        QTemporaryDir dir;
        ShadowStore store;
        QVERIFY(store.open(fleet::test::hubDatabase(dir.filePath(u"fatal.db"_s))));
        ShadowService service(&store);
        BrokerProfile profile = versionedProfile(secured);
        profile.username = u"hub"_s;
        service.setProfile(profile);
        service.setPassword(u"wrong"_s);
        QSignalSpy fatal(&service, &ShadowService::fatalError);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"refused"_s));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(u"Giving up"_s));
        QVERIFY(service.start());
        QVERIFY(fatal.wait(Timeout) || !fatal.isEmpty());
        QVERIFY(!fatal.first().first().toString().isEmpty());
        QVERIFY(!service.isServing());
    }

private:
    QTemporaryDir m_dir;
    QString m_location; // the hub.db file, or its PostgreSQL database
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<ShadowStore> m_store;
    std::unique_ptr<ShadowService> m_service;
    std::unique_ptr<Peer> m_peer;
};

QTEST_GUILESS_MAIN(TestShadowService)
#include "testutil.h"
#include "tst_shadowservice.moc"
