// fleet::ShadowClient against a real mosquitto: requests answered by the real fleet-hub, and, where a test
// needs replies that a correct service never sends (out of order, duplicated, stale, malformed, late), a
// fake service in this process that answers on the reply topics exactly what the test tells it to.

#include "brokerobserver.h"
#include "fleetfixture.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::ShadowClient;
using fleet::ShadowTopic;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using fleet::test::profileFor;
using Result = ShadowClient::Result;
using CacheState = ShadowClient::CacheState;
using Operation = ShadowTopic::Operation;
using Reply = ShadowTopic::Reply;

namespace {

constexpr int Timeout = 10000;
constexpr qint64 Now = 1700000000; // epoch seconds in the fake service's replies

bool waitConnected(MqttClient &client)
{
    return QTest::qWaitFor([&] { return client.state() == MqttClient::State::Connected; }, Timeout);
}

std::string tokenOf(const Json &body)
{
    const auto it = body.find("clientToken");
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The member at a path of keys, null when one is missing: a failed comparison rather than a crash.
Json member(const Json &value, std::initializer_list<const char *> path)
{
    const Json *node = &value;
    for (const char *key : path) {
        if (!node->is_object())
            return Json();
        const auto it = node->find(key);
        if (it == node->end())
            return Json();
        node = &*it;
    }
    return *node;
}

// An absent member or {}: how a service may say "nothing".
bool isEmptyObject(const Json &value)
{
    return value.is_null() || value == Json::object();
}

qint64 versionOf(const Result &result)
{
    return result.version.value_or(-1);
}

// An operator: an MqttClient with a ShadowClient on it, and every requestFinished() recorded by token.
class Console final
{
public:
    explicit Console(const MosquittoBroker &broker)
        : mqtt(std::make_unique<MqttClient>())
    {
        mqtt->setProfile(profileFor(broker));
        mqtt->setReconnectDelays(100, 800);
        shadows = std::make_unique<ShadowClient>(mqtt.get());
        QObject::connect(
            shadows.get(), &ShadowClient::requestFinished, &m_context,
            [this](const QString &token, const Result &result) { m_results[token].append(result); });
    }

    bool connect() { return mqtt->connectToBroker() && waitConnected(*mqtt); }

    // The first result of a request; one with error code -1 if none arrives, so that a test fails on its
    // checks instead of crashing.
    Result await(const QString &token)
    {
        if (token.isEmpty() || !QTest::qWaitFor([&] { return m_results.contains(token); }, Timeout)) {
            Result none;
            none.local = true;
            none.error = {-1, u"no requestFinished() for %1"_s.arg(token)};
            return none;
        }
        return m_results.value(token).constFirst();
    }

    bool finished(const QString &token) const { return m_results.contains(token); }
    qsizetype finishedCount(const QString &token) const { return m_results.value(token).size(); }

    // True when no request ended more than once.
    bool eachFinishedOnce() const
    {
        for (const QList<Result> &results : m_results) {
            if (results.size() != 1)
                return false;
        }
        return true;
    }

    // Destroyed in reverse order: the ShadowClient before the MqttClient it uses.
    std::unique_ptr<MqttClient> mqtt;
    std::unique_ptr<ShadowClient> shadows;

private:
    QObject m_context;
    QHash<QString, QList<Result>> m_results;
};

// Plays the shadow service: receives every request on the broker and answers only through handler() or
// the test's own publish() calls.
class FakeService final
{
public:
    struct Request
    {
        ShadowTopic topic;
        Json body;

        std::string token() const { return tokenOf(body); }
        QString replyTopic(Reply reply) const { return topic.replyTopic(reply); }
    };

    explicit FakeService(const BrokerProfile &profile)
    {
        m_client.setProfile(profile);
        m_client.setReconnectDelays(100, 800);
        QObject::connect(&m_client, &MqttClient::messageReceived, &m_client,
                         [this](const MqttMessage &message) { onMessage(message); });
    }

    bool start()
    {
        QSignalSpy granted(&m_client, &MqttClient::subscribed);
        if (!m_client.connectToBroker() || !waitConnected(m_client))
            return false;
        return m_client.subscribe(u"$aws/things/+/shadow/#"_s, 1) &&
               (granted.wait(Timeout) || !granted.isEmpty());
    }

    void setHandler(std::function<void(const Request &)> handler) { m_handler = std::move(handler); }

    const QList<Request> &requests() const { return m_requests; }
    qsizetype requestCount(const QString &thing, Operation operation) const
    {
        return std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const Request &r) {
            return r.topic.thingName() == thing && r.topic.operation() == operation;
        });
    }
    bool waitForRequests(qsizetype count)
    {
        return QTest::qWaitFor([&] { return m_requests.size() >= count; }, Timeout);
    }

    bool publish(const QString &topic, const QByteArray &payload)
    {
        return m_client.publish(topic, payload, 1) > 0;
    }
    bool publish(const QString &topic, const Json &body)
    {
        return publish(topic, QByteArray::fromStdString(body.dump()));
    }

    MqttClient &client() { return m_client; }

private:
    void onMessage(const MqttMessage &message)
    {
        const std::optional<ShadowTopic> topic = ShadowTopic::parse(message.topic());
        if (!topic || topic->reply() != Reply::None)
            return; // our own replies come back too
        Json body = message.payload().isEmpty()
                        ? Json::object()
                        : Json::parse(message.payload().toStdString(), nullptr, false);
        m_requests.append({*topic, body});
        if (m_handler)
            m_handler(m_requests.constLast());
    }

    MqttClient m_client;
    std::function<void(const Request &)> m_handler;
    QList<Request> m_requests;
};

// A console on a broker and the fake service that answers it, started in that order.
struct FakeRig
{
    explicit FakeRig(const MosquittoBroker &broker)
        : fake(profileFor(broker))
        , c(broker)
    {}

    bool start() { return fake.start() && c.connect(); }

    FakeService fake;
    Console c;
};

// Two operators on the hub: w watches shadows that x changes.
struct Watchers
{
    explicit Watchers(const MosquittoBroker &broker)
        : w(broker)
        , x(broker)
    {}

    bool connect() { return w.connect() && x.connect(); }

    Console w;
    Console x;
};

QString replyTopic(const QString &thing, const QString &shadow, Operation operation, Reply reply)
{
    return ShadowTopic(thing, shadow, operation).replyTopic(reply);
}

Json emptyMetadata()
{
    return Json{{"desired", Json::object()}, {"reported", Json::object()}};
}

// The bodies AWS publishes (protocols.md, section A).
Json getAccepted(const Json &desired, const Json &reported, qint64 version, const std::string &token)
{
    return Json{{"state", {{"desired", desired}, {"reported", reported}}},
                {"metadata", emptyMetadata()},
                {"version", version},
                {"timestamp", Now},
                {"clientToken", token}};
}

Json rejected(int code, const std::string &message, const std::string &token)
{
    return Json{{"code", code}, {"message", message}, {"timestamp", Now}, {"clientToken", token}};
}

Json updateAccepted(const Json &state, qint64 version)
{
    return Json{{"state", state}, {"metadata", Json::object()}, {"version", version}, {"timestamp", Now}};
}

Json documents(const Json &desired, const Json &reported, qint64 version)
{
    const Json current = {{"state", {{"desired", desired}, {"reported", reported}}},
                          {"metadata", emptyMetadata()},
                          {"version", version}};
    Json previous = current;
    previous["version"] = version - 1;
    return Json{{"previous", previous}, {"current", current}, {"timestamp", Now}};
}

Json deltaBody(const Json &delta, qint64 version)
{
    return Json{{"state", delta}, {"metadata", Json::object()}, {"version", version}, {"timestamp", Now}};
}

Json deleteAccepted(qint64 version)
{
    return Json{{"version", version}, {"timestamp", Now}};
}

// deltaReceived() carries a JSON value, which QSignalSpy cannot store: record it by hand.
struct DeltaRecord
{
    QString thing;
    QString shadow;
    Json delta;
    qint64 version = 0;
};

class DeltaRecorder final
{
public:
    explicit DeltaRecorder(ShadowClient *client)
    {
        QObject::connect(
            client, &ShadowClient::deltaReceived, &m_context,
            [this](const QString &thing, const QString &shadow, const Json &delta, qint64 version) {
                records.append({thing, shadow, delta, version});
            });
    }

    QList<DeltaRecord> records;

private:
    QObject m_context;
};

} // namespace

class TestShadowClient final : public QObject
{
    Q_OBJECT

private:
    // A thing name no other test uses: the hub's database is shared by the whole run.
    QString newThing()
    {
        return QString::fromLatin1(QTest::currentTestFunction()) + u'-' + QString::number(++m_things);
    }

    FleetFixture m_fleet;                    // a broker served by fleet-hub
    std::unique_ptr<MosquittoBroker> m_bare; // no service: timeouts and the fake service
    int m_things = 0;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        qRegisterMetaType<Result>();
        // Every request and dropped message has a debug line; the warnings stay.
        QLoggingCategory::setFilterRules(u"fleet.shadow.client.debug=false"_s);
        QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString()));
        m_bare = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_bare->start(), qPrintable(m_bare->errorString()));
    }

    void cleanupTestCase()
    {
        QVERIFY(m_fleet.hub().stop());
        QCOMPARE(m_fleet.hub().exitCode(), 0);
        m_bare.reset();
    }

    // ---- Requests answered by fleet-hub ----

    void getMissingShadowIs404_data()
    {
        QTest::addColumn<QString>("shadow");
        QTest::addColumn<QString>("message");
        QTest::newRow("classic") << QString() << u"Thing not found"_s;
        QTest::newRow("named") << u"config"_s << u"No shadow exists with name: config"_s;
    }

    void getMissingShadowIs404()
    {
        QFETCH(QString, shadow);
        QFETCH(QString, message);
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const QString token = c.shadows->get(thing, shadow);
        QVERIFY(!token.isEmpty());
        QCOMPARE(c.shadows->pendingCount(), 1);
        const auto r = c.await(token);
        QVERIFY(!r.ok);
        QVERIFY(!r.local);
        QCOMPARE(r.operation, Operation::Get);
        QCOMPARE(r.thing, thing);
        QCOMPARE(r.shadow, shadow);
        QCOMPARE(r.error.code, 404);
        QCOMPARE(r.error.message, message);
        QVERIFY(!r.version);
        QCOMPARE_JSON(member(r.body, {"code"}), 404);
        QCOMPARE(QString::fromStdString(tokenOf(r.body)), token);
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // A request goes out only once the broker has granted the subscriptions to its replies, and they are
    // released when it ends.
    void requestWaitsForReplySubscriptions()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const QString token = c.shadows->get(thing);
        QCOMPARE(c.mqtt->inFlightCount(), 0); // not published yet
        QStringList pending;
        for (const auto &subscription : c.mqtt->subscriptions()) {
            if (subscription.state == MqttClient::SubscriptionState::Pending)
                pending.append(subscription.filter);
        }
        pending.sort();
        QCOMPARE(pending, (QStringList{replyTopic(thing, {}, Operation::Get, Reply::Accepted),
                                       replyTopic(thing, {}, Operation::Get, Reply::Rejected)}));
        const auto r = c.await(token);
        QCOMPARE(r.error.code, 404);
        QVERIFY(c.mqtt->subscriptions().isEmpty());
    }

    void updateDesiredThenGet()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const Json desired = {{"temp", 21}, {"mode", "eco"}};

        const QString update = c.shadows->updateDesired(thing, {}, desired);
        const auto u = c.await(update);
        QVERIFY2(u.ok, qPrintable(u.error.message));
        QVERIFY(!u.local);
        QCOMPARE(u.error.code, 0);
        QCOMPARE(u.operation, Operation::Update);
        QCOMPARE(versionOf(u), 1);
        QCOMPARE_JSON(member(u.body, {"state", "desired"}), desired);
        QCOMPARE(QString::fromStdString(tokenOf(u.body)), update);

        const QString get = c.shadows->get(thing);
        const auto g = c.await(get);
        QVERIFY(g.ok);
        QCOMPARE(g.operation, Operation::Get);
        QCOMPARE(versionOf(g), 1);
        QCOMPARE_JSON(member(g.body, {"version"}), 1);
        QCOMPARE_JSON(member(g.body, {"state", "desired"}), desired);
        QCOMPARE_JSON(member(g.body, {"state", "delta"}), desired); // nothing reported yet
        QCOMPARE(QString::fromStdString(tokenOf(g.body)), get);

        // null removes a member; a null desired removes the whole section.
        const auto removeMember = c.await(c.shadows->updateDesired(thing, {}, Json{{"mode", nullptr}}));
        QVERIFY(removeMember.ok);
        QCOMPARE(versionOf(removeMember), 2);
        auto after = c.await(c.shadows->get(thing));
        QVERIFY(after.ok);
        QCOMPARE_JSON(member(after.body, {"state", "desired"}), (Json{{"temp", 21}}));

        const auto removeSection = c.await(c.shadows->updateDesired(thing, {}, nullptr, 2));
        QVERIFY(removeSection.ok);
        QCOMPARE(versionOf(removeSection), 3);
        after = c.await(c.shadows->get(thing));
        QVERIFY(after.ok);
        QCOMPARE(versionOf(after), 3);
        QVERIFY(isEmptyObject(member(after.body, {"state", "desired"})));
        QVERIFY(c.eachFinishedOnce());
    }

    void updateWithFullStateAndDelta()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const Json state = {{"desired", {{"power", "on"}, {"level", 3}, {"net", {{"ssid", "lab"}}}}},
                            {"reported", {{"power", "on"}, {"level", 1}}}};
        const auto u = c.await(c.shadows->update(thing, {}, state));
        QVERIFY2(u.ok, qPrintable(u.error.message));
        QCOMPARE(versionOf(u), 1);
        QCOMPARE_JSON(member(u.body, {"state"}), state);

        auto g = c.await(c.shadows->get(thing));
        QVERIFY(g.ok);
        QCOMPARE_JSON(member(g.body, {"state", "desired"}), state["desired"]);
        QCOMPARE_JSON(member(g.body, {"state", "reported"}), state["reported"]);
        QCOMPARE_JSON(member(g.body, {"state", "delta"}), (Json{{"level", 3}, {"net", {{"ssid", "lab"}}}}));

        // The device catches up: no delta left.
        const auto caughtUp = c.await(
            c.shadows->update(thing, {}, Json{{"reported", {{"level", 3}, {"net", {{"ssid", "lab"}}}}}}));
        QVERIFY(caughtUp.ok);
        QCOMPARE(versionOf(caughtUp), 2);
        g = c.await(c.shadows->get(thing));
        QVERIFY(g.ok);
        QVERIFY(isEmptyObject(member(g.body, {"state", "delta"})));

        // The state object goes out as given; the service rejects what AWS rejects.
        const auto notObject = c.await(c.shadows->update(thing, {}, Json("on")));
        QVERIFY(!notObject.ok);
        QVERIFY(!notObject.local);
        QCOMPARE(notObject.error.code, 400);
        QCOMPARE(notObject.error.message, u"State node must be an object"_s);
        const auto badDesired = c.await(c.shadows->update(thing, {}, Json{{"desired", 5}}));
        QVERIFY(!badDesired.ok);
        QCOMPARE(badDesired.error.code, 400);
        QCOMPARE(badDesired.error.message, u"Desired node must be an object"_s);
        QVERIFY(c.eachFinishedOnce());
    }

    void versionConflictIs409()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const auto first = c.await(c.shadows->updateDesired(thing, {}, Json{{"a", 1}}));
        QVERIFY(first.ok);
        QCOMPARE(versionOf(first), 1);

        const QString token = c.shadows->updateDesired(thing, {}, Json{{"a", 2}}, 7);
        const auto conflict = c.await(token);
        QVERIFY(!conflict.ok);
        QVERIFY(!conflict.local);
        QCOMPARE(conflict.error.code, 409);
        QCOMPARE(conflict.error.message, u"Version conflict"_s);
        QVERIFY(!conflict.version);
        QCOMPARE_JSON(member(conflict.body, {"code"}), 409);
        QCOMPARE(QString::fromStdString(tokenOf(conflict.body)), token);

        const auto matching = c.await(c.shadows->updateDesired(thing, {}, Json{{"a", 3}}, 1));
        QVERIFY(matching.ok);
        QCOMPARE(versionOf(matching), 2);
        const auto old = c.await(c.shadows->update(thing, {}, Json{{"reported", {{"a", 3}}}}, 1));
        QVERIFY(!old.ok);
        QCOMPARE(old.error.code, 409);
        const auto g = c.await(c.shadows->get(thing));
        QVERIFY(g.ok);
        QCOMPARE(versionOf(g), 2);
        QCOMPARE_JSON(member(g.body, {"state", "desired"}), (Json{{"a", 3}}));
        QVERIFY(c.eachFinishedOnce());
    }

    void removeThenGetIs404_data()
    {
        QTest::addColumn<QString>("shadow");
        QTest::newRow("classic") << QString();
        QTest::newRow("named") << u"ota"_s;
    }

    void removeThenGetIs404()
    {
        QFETCH(QString, shadow);
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        QVERIFY(c.await(c.shadows->updateDesired(thing, shadow, Json{{"a", 1}})).ok);
        QVERIFY(c.await(c.shadows->updateDesired(thing, shadow, Json{{"a", 2}})).ok);

        const QString token = c.shadows->remove(thing, shadow);
        const auto removed = c.await(token);
        QVERIFY2(removed.ok, qPrintable(removed.error.message));
        QCOMPARE(removed.operation, Operation::Delete);
        QCOMPARE(removed.shadow, shadow);
        QCOMPARE(versionOf(removed), 2); // the version at deletion
        QCOMPARE_JSON(member(removed.body, {"version"}), 2);
        QCOMPARE(QString::fromStdString(tokenOf(removed.body)), token);

        const auto g = c.await(c.shadows->get(thing, shadow));
        QVERIFY(!g.ok);
        QCOMPARE(g.error.code, 404);
        const auto again = c.await(c.shadows->remove(thing, shadow));
        QVERIFY(!again.ok);
        QCOMPARE(again.operation, Operation::Delete);
        QCOMPARE(again.error.code, 404);

        // The version counter survives the deletion.
        const auto recreated = c.await(c.shadows->updateDesired(thing, shadow, Json{{"b", 1}}));
        QVERIFY(recreated.ok);
        QCOMPARE(versionOf(recreated), 3);
        QVERIFY(c.eachFinishedOnce());
    }

    void namedShadowsAreSeparate()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        const QString config = u"cfg:v1_a-b"_s;
        const auto u1 = c.await(c.shadows->updateDesired(thing, config, Json{{"x", 1}}));
        QVERIFY(u1.ok);
        QCOMPARE(u1.shadow, config);
        QCOMPARE(versionOf(u1), 1);
        const auto u2 = c.await(c.shadows->updateDesired(thing, u"ota"_s, Json{{"y", 2}}));
        QVERIFY(u2.ok);
        QCOMPARE(versionOf(u2), 1);

        const auto classic = c.await(c.shadows->get(thing));
        QVERIFY(!classic.ok);
        QCOMPARE(classic.error.code, 404);
        QVERIFY(classic.shadow.isEmpty());

        auto g = c.await(c.shadows->get(thing, config));
        QVERIFY(g.ok);
        QCOMPARE(g.shadow, config);
        QCOMPARE_JSON(member(g.body, {"state", "desired"}), (Json{{"x", 1}}));

        QVERIFY(c.await(c.shadows->remove(thing, config)).ok);
        g = c.await(c.shadows->get(thing, u"ota"_s));
        QVERIFY(g.ok);
        QCOMPARE_JSON(member(g.body, {"state", "desired"}), (Json{{"y", 2}}));
        QCOMPARE(c.await(c.shadows->get(thing, config)).error.code, 404);
        QVERIFY(c.eachFinishedOnce());
    }

    // Requests in flight together on one shadow share the reply topics; each gets its own reply.
    void concurrentRequestsMatchedByToken()
    {
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        const QString thing = newThing();
        QVERIFY(c.await(c.shadows->updateDesired(thing, {}, Json{{"n", -1}})).ok);

        constexpr int Updates = 6;
        QHash<QString, int> updates; // token -> the value it sent
        QStringList gets;
        for (int i = 0; i < Updates; ++i) {
            updates.insert(c.shadows->updateDesired(thing, {}, Json{{"n", i}}), i);
            gets.append(c.shadows->get(thing));
        }
        QCOMPARE(updates.size(), Updates);
        QCOMPARE(QSet<QString>(gets.cbegin(), gets.cend()).size(), Updates);
        QCOMPARE(c.shadows->pendingCount(), 2 * Updates); // none finished inside its call

        QSet<qint64> versions;
        for (auto it = updates.cbegin(); it != updates.cend(); ++it) {
            const auto r = c.await(it.key());
            QVERIFY2(r.ok, qPrintable(r.error.message));
            QCOMPARE(QString::fromStdString(tokenOf(r.body)), it.key());
            QCOMPARE_JSON(member(r.body, {"state", "desired", "n"}), it.value());
            versions.insert(versionOf(r));
        }
        QCOMPARE(versions, (QSet<qint64>{2, 3, 4, 5, 6, 7}));
        for (const QString &token : std::as_const(gets)) {
            const auto r = c.await(token);
            QVERIFY(r.ok);
            QCOMPARE(QString::fromStdString(tokenOf(r.body)), token);
        }
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // More requests than the MqttClient's in-flight window: they wait for room instead of failing.
    void inFlightWindowFullWaits()
    {
        Console c(m_fleet.broker());
        c.mqtt->setMaxInFlight(1);
        QVERIFY(c.connect());
        const QString thing = newThing();
        QStringList tokens;
        for (int i = 0; i < 5; ++i)
            tokens.append(c.shadows->update(thing, {}, Json{{"reported", {{"i", i}}}}));
        QSet<qint64> versions;
        for (const QString &token : std::as_const(tokens)) {
            const auto r = c.await(token);
            QVERIFY2(r.ok, qPrintable(r.error.message));
            versions.insert(versionOf(r));
        }
        QCOMPARE(versions, (QSet<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // ---- Errors the client makes up itself ----

    void invalidNameFailsLater_data()
    {
        QTest::addColumn<QString>("thing");
        QTest::addColumn<QString>("shadow");
        QTest::newRow("empty thing") << QString() << QString();
        QTest::newRow("slash in thing") << u"a/b"_s << QString();
        QTest::newRow("wildcard thing") << u"+"_s << QString();
        QTest::newRow("thing too long") << QString(129, u'a') << QString();
        QTest::newRow("space in shadow") << u"ok"_s << u"bad name"_s;
        QTest::newRow("wildcard shadow") << u"ok"_s << u"#"_s;
        QTest::newRow("shadow too long") << u"ok"_s << QString(65, u's');
    }

    // Nothing is published and the result comes from the event loop, after the caller holds the token.
    void invalidNameFailsLater()
    {
        QFETCH(QString, thing);
        QFETCH(QString, shadow);
        Console c(m_fleet.broker());
        QVERIFY(c.connect());
        QSignalSpy finished(c.shadows.get(), &ShadowClient::requestFinished);
        QStringList tokens;
        tokens.append(c.shadows->get(thing, shadow));
        QCOMPARE(finished.count(), 0);
        tokens.append(c.shadows->updateDesired(thing, shadow, Json{{"a", 1}}));
        QCOMPARE(finished.count(), 0);
        tokens.append(c.shadows->remove(thing, shadow));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.mqtt->subscriptions().isEmpty());
        for (const QString &token : std::as_const(tokens))
            QVERIFY(!token.isEmpty());
        QCOMPARE(QSet<QString>(tokens.cbegin(), tokens.cend()).size(), 3);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, Timeout);
        const Operation operations[] = {Operation::Get, Operation::Update, Operation::Delete};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(finished.at(i).at(0).toString(), tokens.at(i));
            const auto r = finished.at(i).at(1).value<Result>();
            QVERIFY(!r.ok);
            QVERIFY(r.local);
            QCOMPARE(r.error.code, int(ShadowClient::InvalidRequest));
            QVERIFY(!r.error.message.isEmpty());
            QCOMPARE(r.operation, operations[i]);
            QCOMPARE(r.thing, thing);
            QCOMPARE(r.shadow, shadow);
            QVERIFY(r.body.is_null());
            QVERIFY(!r.version);
        }
        QVERIFY(!c.shadows->watch(thing, shadow));
        QVERIFY(!c.shadows->isWatching(thing, shadow));
        QVERIFY(!c.shadows->cached(thing, shadow));
        QVERIFY(c.mqtt->subscriptions().isEmpty());
    }

    // Refused before anything is sent; a watch waits for the connection instead.
    void notConnectedIsNotSent()
    {
        Console c(m_fleet.broker()); // not connected yet
        const QString thing = newThing();
        QSignalSpy finished(c.shadows.get(), &ShadowClient::requestFinished);
        const QString get = c.shadows->get(thing);
        const QString update = c.shadows->updateDesired(thing, u"cfg"_s, Json{{"a", 1}});
        const QString remove = c.shadows->remove(thing);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(c.shadows->pendingCount(), 0);
        for (const QString &token : {get, update, remove}) {
            const auto r = c.await(token);
            QVERIFY(!r.ok);
            QVERIFY(r.local);
            QCOMPARE(r.error.code, int(ShadowClient::NotSent));
            QCOMPARE(r.error.message, ShadowClient::localErrorMessage(ShadowClient::NotSent));
        }
        QCOMPARE(c.await(update).operation, Operation::Update);
        QCOMPARE(c.await(update).shadow, u"cfg"_s);
        QCOMPARE(finished.count(), 3);

        QVERIFY(c.shadows->watch(thing));
        QCOMPARE(c.shadows->cached(thing)->state, CacheState::Loading);
        QVERIFY(c.connect());
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        QVERIFY(c.eachFinishedOnce());
    }

    // Nothing answers on this broker.
    void timeoutWithoutService()
    {
        Console c(*m_bare);
        QVERIFY(c.connect());
        c.shadows->setTimeout(0);
        QCOMPARE(c.shadows->timeout(), 1);
        c.shadows->setTimeout(300);
        QCOMPARE(c.shadows->timeout(), 300);
        const QString thing = newThing();
        const QString get = c.shadows->get(thing);
        const QString update = c.shadows->updateDesired(thing, u"cfg"_s, Json{{"a", 1}});
        const auto g = c.await(get);
        QVERIFY(!g.ok);
        QVERIFY(g.local);
        QCOMPARE(g.error.code, int(ShadowClient::TimedOut));
        QCOMPARE(g.error.message, ShadowClient::localErrorMessage(ShadowClient::TimedOut));
        QCOMPARE(g.operation, Operation::Get);
        QCOMPARE(g.thing, thing);
        const auto u = c.await(update);
        QCOMPARE(u.error.code, int(ShadowClient::TimedOut));
        QCOMPARE(u.operation, Operation::Update);
        QCOMPARE(u.shadow, u"cfg"_s);

        // A watch's load that times out says so and keeps the cache as it was.
        QSignalSpy loadFailed(c.shadows.get(), &ShadowClient::loadFailed);
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QVERIFY(c.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(loadFailed.count(), 1, Timeout);
        QCOMPARE(loadFailed.at(0).at(0).toString(), thing);
        QCOMPARE(loadFailed.at(0).at(2).value<Result>().error.code, int(ShadowClient::TimedOut));
        QCOMPARE(c.shadows->cached(thing)->state, CacheState::Loading);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // ---- Replies crafted by a fake service ----

    void repliesMatchedByTokenOutOfOrder()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        const QString other = newThing();
        QStringList tokens;
        for (int i = 0; i < 3; ++i)
            tokens.append(c.shadows->get(thing));
        const QString otherToken = c.shadows->get(other);
        QVERIFY(fake.waitForRequests(4));

        const QString accepted = replyTopic(thing, {}, Operation::Get, Reply::Accepted);
        // Someone else's reply, a reply without a token, and our token on another shadow's topic.
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 99, "someone-else")));
        QVERIFY(fake.publish(accepted, Json{{"state", Json::object()}, {"version", 98}}));
        QVERIFY(fake.publish(replyTopic(other, {}, Operation::Get, Reply::Accepted),
                             getAccepted({}, {}, 97, tokens.at(0).toStdString())));
        // The real replies, newest request first.
        for (int i = 2; i >= 0; --i)
            QVERIFY(
                fake.publish(accepted, getAccepted(Json{{"i", i}}, {}, 10 + i, tokens.at(i).toStdString())));
        QVERIFY(fake.publish(replyTopic(other, {}, Operation::Get, Reply::Rejected),
                             rejected(404, "Thing not found", otherToken.toStdString())));

        for (int i = 0; i < 3; ++i) {
            const auto r = c.await(tokens.at(i));
            QVERIFY(r.ok);
            QCOMPARE(versionOf(r), 10 + i);
            QCOMPARE_JSON(member(r.body, {"state", "desired", "i"}), i);
        }
        const auto o = c.await(otherToken);
        QVERIFY(!o.ok);
        QCOMPARE(o.error.code, 404);
        QCOMPARE(c.shadows->malformedCount(), 0);
        QCOMPARE(c.shadows->pendingCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // Duplicates, a contradicting reply and a reply after the timeout: one requestFinished() per token.
    void eachRequestFinishesOnce()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        const QString accepted = replyTopic(thing, {}, Operation::Get, Reply::Accepted);
        const QString rejectedTopic = replyTopic(thing, {}, Operation::Get, Reply::Rejected);

        const QString a = c.shadows->get(thing);
        const QString barrier = c.shadows->get(thing);
        QVERIFY(fake.waitForRequests(2));
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 1, a.toStdString())));
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 2, a.toStdString())));
        QVERIFY(fake.publish(rejectedTopic, rejected(500, "Internal service failure", a.toStdString())));
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 3, barrier.toStdString())));
        QVERIFY(c.await(barrier).ok);
        QCOMPARE(c.finishedCount(a), 1);
        QVERIFY(c.await(a).ok);
        QCOMPARE(versionOf(c.await(a)), 1);

        // Late: the reply comes after the request timed out.
        c.shadows->setTimeout(300);
        const QString late = c.shadows->get(thing);
        const auto timedOut = c.await(late);
        QCOMPARE(timedOut.error.code, int(ShadowClient::TimedOut));
        c.shadows->setTimeout(Timeout);
        const QString next = c.shadows->get(thing);
        QVERIFY(fake.waitForRequests(4));
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 4, late.toStdString())));
        QVERIFY(fake.publish(accepted, getAccepted({}, {}, 5, next.toStdString())));
        const auto n = c.await(next);
        QVERIFY(n.ok);
        QCOMPARE(versionOf(n), 5);
        QCOMPARE(c.finishedCount(late), 1);
        QCOMPARE(c.await(late).error.code, int(ShadowClient::TimedOut));
        QCOMPARE(c.shadows->malformedCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    void malformedRepliesCounted()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        const QString accepted = replyTopic(thing, {}, Operation::Get, Reply::Accepted);
        const QString rejectedTopic = replyTopic(thing, {}, Operation::Get, Reply::Rejected);

        // Not JSON, not an object, a token that is not a string: the request cannot be told, so it waits.
        const QString a = c.shadows->get(thing);
        QVERIFY(fake.waitForRequests(1));
        QVERIFY(fake.publish(accepted, "not json"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->malformedCount(), 1, Timeout);
        QVERIFY(fake.publish(accepted, "[1,2,3]"_ba));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->malformedCount(), 2, Timeout);
        QVERIFY(fake.publish(accepted, Json{{"state", Json::object()}, {"version", 1}, {"clientToken", 5}}));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->malformedCount(), 3, Timeout);
        QVERIFY(!c.finished(a));
        QCOMPARE(c.shadows->pendingCount(), 1);

        // Our token with a body that breaks the protocol ends the request with MalformedReply.
        Json badVersion = getAccepted({}, {}, 1, a.toStdString());
        badVersion["version"] = "7";
        QVERIFY(fake.publish(accepted, badVersion));
        auto r = c.await(a);
        QVERIFY(!r.ok);
        QVERIFY(r.local);
        QCOMPARE(r.error.code, int(ShadowClient::MalformedReply));
        QCOMPARE(r.error.message, ShadowClient::localErrorMessage(ShadowClient::MalformedReply));
        QCOMPARE(c.shadows->malformedCount(), 4);

        const QString noCode = c.shadows->get(thing);
        QVERIFY(fake.waitForRequests(2));
        QVERIFY(fake.publish(rejectedTopic, Json{{"message", "x"}, {"clientToken", noCode.toStdString()}}));
        r = c.await(noCode);
        QVERIFY(r.local);
        QCOMPARE(r.error.code, int(ShadowClient::MalformedReply));
        QCOMPARE(c.shadows->malformedCount(), 5);

        const QString zeroCode = c.shadows->get(thing);
        QVERIFY(fake.waitForRequests(3));
        QVERIFY(fake.publish(rejectedTopic, rejected(0, "", zeroCode.toStdString())));
        r = c.await(zeroCode);
        QVERIFY(r.local);
        QCOMPARE(r.error.code, int(ShadowClient::MalformedReply));
        QCOMPARE(c.shadows->malformedCount(), 6);

        // The topics of a watch.
        const QString watched = newThing();
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() == watched && request.topic.operation() == Operation::Get)
                fake.publish(request.replyTopic(Reply::Accepted),
                             getAccepted(Json{{"a", 1}}, {}, 1, request.token()));
        });
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(c.shadows.get(), &ShadowClient::shadowDeleted);
        DeltaRecorder deltas(c.shadows.get());
        QVERIFY(c.shadows->watch(watched));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(watched)->state, CacheState::Fresh, Timeout);
        QCOMPARE(changed.count(), 1);
        const QString documentsTopic = replyTopic(watched, {}, Operation::Update, Reply::Documents);
        QVERIFY(fake.publish(documentsTopic, "{"_ba));
        QVERIFY(fake.publish(documentsTopic, Json{{"previous", Json::object()}, {"timestamp", Now}}));
        QVERIFY(fake.publish(replyTopic(watched, {}, Operation::Update, Reply::Delta),
                             Json{{"state", {{"a", 2}}}}));
        QVERIFY(fake.publish(replyTopic(watched, {}, Operation::Update, Reply::Accepted),
                             Json{{"state", {{"desired", 3}}}, {"version", 2}}));
        QVERIFY(fake.publish(replyTopic(watched, {}, Operation::Delete, Reply::Accepted), Json::object()));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->malformedCount(), 11, Timeout);
        const auto cache = c.shadows->cached(watched);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE(cache->version(), 1);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"a", 1}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(deltas.records.size(), 0);

        // Still working.
        QVERIFY(fake.publish(documentsTopic, documents(Json{{"a", 2}}, {}, 2)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(watched)->version(), 2, Timeout);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(c.shadows->malformedCount(), 11);
        QCOMPARE(c.shadows->droppedStaleCount(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // Anything older than the cached version is dropped without a signal; a deletion keeps its version.
    void staleMessagesDropped()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        qint64 serviceVersion = 5;
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() == thing && request.topic.operation() == Operation::Get)
                fake.publish(request.replyTopic(Reply::Accepted),
                             getAccepted(Json{{"a", 5}}, Json{{"a", 4}}, serviceVersion, request.token()));
        });
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(c.shadows.get(), &ShadowClient::shadowDeleted);
        DeltaRecorder deltas(c.shadows.get());
        QVERIFY(c.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        QCOMPARE(c.shadows->cached(thing)->version(), 5);
        QCOMPARE_JSON(c.shadows->cached(thing)->delta, (Json{{"a", 5}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), thing);
        QCOMPARE(changed.at(0).at(1).toString(), QString());

        const QString accepted = replyTopic(thing, {}, Operation::Update, Reply::Accepted);
        const QString documentsTopic = replyTopic(thing, {}, Operation::Update, Reply::Documents);
        const QString delta = replyTopic(thing, {}, Operation::Update, Reply::Delta);
        const QString removed = replyTopic(thing, {}, Operation::Delete, Reply::Accepted);
        QVERIFY(fake.publish(accepted, updateAccepted(Json{{"desired", {{"a", 3}}}}, 3)));
        QVERIFY(fake.publish(documentsTopic, documents(Json{{"a", 4}}, Json{{"a", 4}}, 4)));
        QVERIFY(fake.publish(delta, deltaBody(Json{{"a", 4}}, 4)));
        QVERIFY(fake.publish(removed, deleteAccepted(4)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->droppedStaleCount(), 4, Timeout);

        // Our own get answered with an old version: the request succeeds, the cache ignores the document.
        serviceVersion = 2;
        const auto g = c.await(c.shadows->get(thing));
        QVERIFY(g.ok);
        QCOMPARE(versionOf(g), 2);
        QCOMPARE(c.shadows->droppedStaleCount(), 5);
        auto cache = c.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE(cache->version(), 5);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"a", 5}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(deltas.records.size(), 0);

        // Not older: a delta at the cached version, then the next version.
        QVERIFY(fake.publish(delta, deltaBody(Json{{"a", 5}}, 5)));
        QTRY_COMPARE_WITH_TIMEOUT(deltas.records.size(), 1, Timeout);
        QCOMPARE(deltas.records.at(0).thing, thing);
        QCOMPARE(deltas.records.at(0).version, 5);
        QCOMPARE_JSON(deltas.records.at(0).delta, (Json{{"a", 5}}));
        QVERIFY(fake.publish(accepted, updateAccepted(Json{{"reported", {{"a", 5}}}}, 6)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->version(), 6, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE_JSON(cache->document.reported(), (Json{{"a", 5}}));
        QCOMPARE_JSON(cache->delta, Json::object());
        QCOMPARE(changed.count(), 2);

        // Deleted at 6: a document at 6 is the shadow before it went, so stale too.
        QVERIFY(fake.publish(removed, deleteAccepted(6)));
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, Timeout);
        QCOMPARE(c.shadows->cached(thing)->state, CacheState::Deleted);
        QCOMPARE(c.shadows->cached(thing)->version(), 6);
        QVERIFY(fake.publish(documentsTopic, documents(Json{{"a", 5}}, Json{{"a", 5}}, 6)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->droppedStaleCount(), 6, Timeout);
        QCOMPARE(c.shadows->cached(thing)->state, CacheState::Deleted);

        // Recreated: a fresh shadow, nothing of the deleted one.
        QVERIFY(fake.publish(accepted, updateAccepted(Json{{"desired", {{"b", 1}}}}, 7)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE(cache->version(), 7);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"b", 1}}));
        QCOMPARE_JSON(cache->document.reported(), Json::object());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(deleted.count(), 1);
        QCOMPARE(deltas.records.size(), 1);
        QCOMPARE(c.shadows->droppedStaleCount(), 6);
        QCOMPARE(c.shadows->malformedCount(), 0);
    }

    // A load the service rejects: loadFailed(), and the cache waits for a whole document.
    void loadFailureKeepsLoading()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.operation() == Operation::Get)
                fake.publish(request.replyTopic(Reply::Rejected),
                             rejected(500, "Internal service failure", request.token()));
        });
        QSignalSpy loadFailed(c.shadows.get(), &ShadowClient::loadFailed);
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QVERIFY(c.shadows->watch(thing, u"cfg"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loadFailed.count(), 1, Timeout);
        QCOMPARE(loadFailed.at(0).at(0).toString(), thing);
        QCOMPARE(loadFailed.at(0).at(1).toString(), u"cfg"_s);
        const auto result = loadFailed.at(0).at(2).value<Result>();
        QVERIFY(!result.local);
        QCOMPARE(result.error.code, 500);
        QCOMPARE(result.error.message, u"Internal service failure"_s);
        QCOMPARE(c.shadows->cached(thing, u"cfg"_s)->state, CacheState::Loading);

        // Without a base an update/accepted cannot be merged; the update/documents after it brings it all.
        QVERIFY(fake.publish(replyTopic(thing, u"cfg"_s, Operation::Update, Reply::Accepted),
                             updateAccepted(Json{{"desired", {{"x", 1}}}}, 3)));
        QVERIFY(fake.publish(replyTopic(thing, u"cfg"_s, Operation::Update, Reply::Documents),
                             documents(Json{{"x", 1}}, Json{{"y", 2}}, 3)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing, u"cfg"_s)->state, CacheState::Fresh, Timeout);
        const auto cache = c.shadows->cached(thing, u"cfg"_s);
        QCOMPARE(cache->version(), 3);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"x", 1}}));
        QCOMPARE_JSON(cache->document.reported(), (Json{{"y", 2}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).toString(), u"cfg"_s);
    }

    // Messages published while the console was away are lost: on reconnect every watched shadow is loaded
    // again. The fake service keeps a persistent session on a broker with persistence, so the reload
    // reaches it whichever of the two reconnects first.
    void reloadAfterBrokerRestart()
    {
        MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
        options.persistence = true;
        MosquittoBroker broker(options);
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        BrokerProfile serviceProfile = profileFor(broker);
        serviceProfile.clientId = u"fake-shadow-service"_s;
        serviceProfile.cleanStart = false;
        serviceProfile.sessionExpirySeconds = 600;
        FakeService fake(serviceProfile);
        QVERIFY(fake.start());
        const QString thing = newThing();
        std::optional<Json> desired = Json{{"fw", "1.0"}};
        qint64 version = 1;
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() != thing || request.topic.operation() != Operation::Get)
                return;
            if (desired)
                fake.publish(request.replyTopic(Reply::Accepted),
                             getAccepted(*desired, Json{{"fw", "1.0"}}, version, request.token()));
            else
                fake.publish(request.replyTopic(Reply::Rejected),
                             rejected(404, "Thing not found", request.token()));
        });

        Console c(broker);
        QVERIFY(c.connect());
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(c.shadows.get(), &ShadowClient::shadowDeleted);
        QVERIFY(c.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        QCOMPARE(c.shadows->cached(thing)->version(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(fake.requestCount(thing, Operation::Get), 1);

        // The service's copy moves on without a message reaching the console, as when the update happened
        // while the console was disconnected.
        desired = Json{{"fw", "2.0"}};
        version = 4;
        QSignalSpy states(c.mqtt.get(), &MqttClient::stateChanged);
        QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->version(), 4, Timeout);
        auto cache = c.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"fw", "2.0"}}));
        QCOMPARE_JSON(cache->delta, (Json{{"fw", "2.0"}}));
        QCOMPARE(changed.count(), 2);
        QVERIFY(states.count() >= 2); // it did lose the connection
        QCOMPARE(c.mqtt->state(), MqttClient::State::Connected);
        QCOMPARE(fake.requestCount(thing, Operation::Get), 2);

        // Requests work again once the reply subscriptions are back.
        const auto g = c.await(c.shadows->get(thing));
        QVERIFY(g.ok);
        QCOMPARE(versionOf(g), 4);

        // Deleted while away: the reload finds nothing; the version is kept.
        desired.reset();
        QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE(cache->version(), 4);
        QVERIFY(!cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), Json::object());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(deleted.count(), 0);
        QVERIFY(c.eachFinishedOnce());
    }

    // A load that gets no answer (fleet-hub not yet subscribed again when the console reconnected, say) is
    // sent again after FirstLoadRetryMs: the cache catches up without waiting for the shadow to change.
    void loadRetriedAfterTimeout()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        c.shadows->setTimeout(300);
        const QString thing = newThing();
        QSignalSpy loadFailed(c.shadows.get(), &ShadowClient::loadFailed);
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        // Deaf until the first load has failed; then it answers every get.
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() != thing || request.topic.operation() != Operation::Get ||
                loadFailed.isEmpty())
                return;
            fake.publish(request.replyTopic(Reply::Accepted),
                         getAccepted(Json{{"fw", "2.0"}}, Json{{"fw", "1.0"}}, 7, request.token()));
        });
        QVERIFY(c.shadows->watch(thing, u"ota"_s));
        QTRY_COMPARE_WITH_TIMEOUT(loadFailed.count(), 1, Timeout);
        QCOMPARE(loadFailed.at(0).at(0).toString(), thing);
        QCOMPARE(loadFailed.at(0).at(1).toString(), u"ota"_s);
        const auto failure = loadFailed.at(0).at(2).value<Result>();
        QVERIFY(failure.local);
        QCOMPARE(failure.error.code, int(ShadowClient::TimedOut));
        QCOMPARE(failure.operation, Operation::Get);
        QCOMPARE(c.shadows->cached(thing, u"ota"_s)->state, CacheState::Loading);
        QCOMPARE(changed.count(), 0);

        // The retry's get is answered: no update message is ever published.
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing, u"ota"_s)->state, CacheState::Fresh, Timeout);
        const auto cache = c.shadows->cached(thing, u"ota"_s);
        QCOMPARE(cache->version(), 7);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"fw", "2.0"}}));
        QCOMPARE_JSON(cache->delta, (Json{{"fw", "2.0"}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).toString(), u"ota"_s);
        QCOMPARE(loadFailed.count(), 1);
        QCOMPARE(fake.requestCount(thing, Operation::Get), 2);
        QCOMPARE(fake.requests().size(), 2); // only the two gets
        QCOMPARE(c.shadows->pendingCount(), 0);
        QCOMPARE(c.shadows->droppedStaleCount(), 0);
        QCOMPARE(c.shadows->malformedCount(), 0);
    }

    // A 404 has no version: when an update/documents or update/accepted for the shadow arrived after the
    // load was sent and before its 404, the 404 may be the older of the two, and the cache keeps the newer.
    void late404IgnoredAfterNewerMessage()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        // What the service publishes for a load, in this order, before the 404 that answers it.
        QList<std::pair<QString, Json>> overtaking;
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() != thing || request.topic.operation() != Operation::Get)
                return;
            for (const auto &[topic, body] : std::as_const(overtaking))
                fake.publish(topic, body);
            fake.publish(request.replyTopic(Reply::Rejected),
                         rejected(404, "Thing not found", request.token()));
        });
        QSignalSpy loadFailed(c.shadows.get(), &ShadowClient::loadFailed);
        QSignalSpy deleted(c.shadows.get(), &ShadowClient::shadowDeleted);
        QList<CacheState> states; // the cache's state at every shadowChanged()
        QObject context;
        QObject::connect(c.shadows.get(), &ShadowClient::shadowChanged, &context,
                         [&](const QString &thingName, const QString &shadowName) {
                             states.append(c.shadows->cached(thingName, shadowName)->state);
                         });

        // The first load: the shadow is created between the get and its 404.
        overtaking = {{replyTopic(thing, {}, Operation::Update, Reply::Documents),
                       documents(Json{{"a", 1}}, Json{{"a", 0}}, 3)}};
        QVERIFY(c.shadows->watch(thing));
        QVERIFY(fake.waitForRequests(1));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->pendingCount(), 0, Timeout); // the 404 came in
        auto cache = c.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE(cache->version(), 3);
        QVERIFY(cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), (Json{{"a", 1}}));
        QCOMPARE(states, (QList<CacheState>{CacheState::Fresh}));

        // The reload after a reconnect, overtaken by an update/accepted merged into the cached copy.
        overtaking = {{replyTopic(thing, {}, Operation::Update, Reply::Accepted),
                       updateAccepted(Json{{"desired", {{"a", 2}}}}, 4)}};
        c.mqtt->disconnectFromBroker();
        QVERIFY(c.connect());
        QVERIFY(fake.waitForRequests(2));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->pendingCount(), 0, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE(cache->version(), 4);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"a", 2}}));
        QCOMPARE_JSON(cache->document.reported(), (Json{{"a", 0}}));
        QCOMPARE(states, (QList<CacheState>{CacheState::Fresh, CacheState::Fresh}));

        // Nothing overtakes the next reload's 404: the shadow is gone, its version kept.
        overtaking.clear();
        c.mqtt->disconnectFromBroker();
        QVERIFY(c.connect());
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        QCOMPARE(c.shadows->cached(thing)->version(), 4);
        QCOMPARE(states, (QList<CacheState>{CacheState::Fresh, CacheState::Fresh, CacheState::Empty}));
        QCOMPARE(fake.requestCount(thing, Operation::Get), 3);
        QCOMPARE(loadFailed.count(), 0);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(c.shadows->droppedStaleCount(), 0);
        QCOMPARE(c.shadows->malformedCount(), 0);
    }

    // Empty (a reload found 404) keeps the last version, as Deleted does: a message at that version is the
    // shadow as it was before it went, dropped and counted; the next version recreates it.
    void emptyKeepsVersionAndDropsStale()
    {
        FakeRig rig(*m_bare);
        QVERIFY(rig.start());
        auto &[fake, c] = rig;
        const QString thing = newThing();
        bool exists = true;
        fake.setHandler([&](const FakeService::Request &request) {
            if (request.topic.thingName() != thing || request.topic.operation() != Operation::Get)
                return;
            if (exists)
                fake.publish(request.replyTopic(Reply::Accepted),
                             getAccepted(Json{{"a", 5}}, Json{{"a", 4}}, 5, request.token()));
            else
                fake.publish(request.replyTopic(Reply::Rejected),
                             rejected(404, "Thing not found", request.token()));
        });
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(c.shadows.get(), &ShadowClient::shadowDeleted);
        DeltaRecorder deltas(c.shadows.get());
        QVERIFY(c.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        QCOMPARE(c.shadows->cached(thing)->version(), 5);
        QCOMPARE(changed.count(), 1);

        // Deleted while the console was away: the reload after the reconnect finds nothing.
        exists = false;
        c.mqtt->disconnectFromBroker();
        QVERIFY(c.connect());
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        auto cache = c.shadows->cached(thing);
        QCOMPARE(cache->version(), 5);
        QVERIFY(!cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), Json::object());
        QCOMPARE_JSON(cache->delta, Json::object());
        QCOMPARE(changed.count(), 2);

        // Version 5 again, however it comes: stale. A delete/accepted at 5 says nothing new.
        const QString accepted = replyTopic(thing, {}, Operation::Update, Reply::Accepted);
        const QString documentsTopic = replyTopic(thing, {}, Operation::Update, Reply::Documents);
        QVERIFY(fake.publish(replyTopic(thing, {}, Operation::Delete, Reply::Accepted), deleteAccepted(5)));
        QVERIFY(fake.publish(documentsTopic, documents(Json{{"a", 5}}, Json{{"a", 4}}, 5)));
        QVERIFY(fake.publish(accepted, updateAccepted(Json{{"reported", {{"a", 5}}}}, 5)));
        QVERIFY(fake.publish(replyTopic(thing, {}, Operation::Update, Reply::Delta),
                             deltaBody(Json{{"a", 5}}, 5)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->droppedStaleCount(), 3, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Empty);
        QCOMPARE(cache->version(), 5);
        QVERIFY(!cache->document.exists());
        QCOMPARE(changed.count(), 2);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(deltas.records.size(), 0);

        // Version 6: recreated, with nothing of the version-5 shadow.
        QVERIFY(fake.publish(documentsTopic, documents(Json{{"b", 1}}, Json::object(), 6)));
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        cache = c.shadows->cached(thing);
        QCOMPARE(cache->version(), 6);
        QVERIFY(cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), (Json{{"b", 1}}));
        QCOMPARE_JSON(cache->document.reported(), Json::object());
        QCOMPARE(changed.count(), 3);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(c.shadows->droppedStaleCount(), 3);
        QCOMPARE(c.shadows->malformedCount(), 0);
    }

    // ---- Watching shadows served by fleet-hub ----

    void watchLoadsEmptyThenFresh()
    {
        Watchers watchers(m_fleet.broker());
        QVERIFY(watchers.connect());
        auto &[w, x] = watchers;
        const QString thing = newThing();
        QSignalSpy changed(w.shadows.get(), &ShadowClient::shadowChanged);
        QVERIFY(w.shadows->watch(thing));
        QVERIFY(w.shadows->isWatching(thing));
        QVERIFY(!w.shadows->isWatching(thing, u"other"_s));
        QVERIFY(!w.shadows->cached(thing, u"other"_s));
        QCOMPARE(w.shadows->cached(thing)->state, CacheState::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(w.shadows->cached(thing)->version(), 0);
        QVERIFY(!w.shadows->cached(thing)->document.exists());
        QCOMPARE(w.shadows->pendingCount(), 0);
        const auto subscriptions = w.mqtt->subscriptions();
        QVERIFY(w.shadows->watch(thing)); // harmless: no second load, no second subscription
        QCOMPARE(w.shadows->pendingCount(), 0);
        QCOMPARE(w.mqtt->subscriptions().size(), subscriptions.size());

        const Json desired = {{"v", 1}, {"nested", {{"k", "x"}}}};
        QVERIFY(x.await(x.shadows->updateDesired(thing, {}, desired)).ok);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        const auto cache = w.shadows->cached(thing);
        QCOMPARE(cache->version(), 1);
        QVERIFY(cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), desired);
        QCOMPARE_JSON(cache->document.reported(), Json::object());
        QCOMPARE_JSON(cache->delta, desired);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(changed.last().at(0).toString(), thing);
    }

    void watchFollowsAnotherClient()
    {
        Watchers watchers(m_fleet.broker());
        QVERIFY(watchers.connect());
        auto &[w, x] = watchers;
        const QString thing = newThing();
        QVERIFY(
            x.await(x.shadows->update(
                        thing, {}, Json{{"desired", {{"color", "red"}}}, {"reported", {{"color", "red"}}}}))
                .ok);
        QSignalSpy changed(w.shadows.get(), &ShadowClient::shadowChanged);
        DeltaRecorder deltas(w.shadows.get());
        QVERIFY(w.shadows->watch(thing));
        QVERIFY(w.shadows->watch(thing, u"cfg"_s));
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing, u"cfg"_s)->state, CacheState::Empty, Timeout);
        QCOMPARE(w.shadows->cached(thing)->version(), 1);
        QCOMPARE_JSON(w.shadows->cached(thing)->delta, Json::object());
        changed.clear();

        const auto u = x.await(x.shadows->updateDesired(thing, {}, Json{{"color", "blue"}}));
        QVERIFY(u.ok);
        QCOMPARE(versionOf(u), 2);
        QTRY_COMPARE_WITH_TIMEOUT(deltas.records.size(), 1, Timeout);
        QCOMPARE(deltas.records.at(0).thing, thing);
        QCOMPARE(deltas.records.at(0).shadow, QString());
        QCOMPARE(deltas.records.at(0).version, 2);
        QCOMPARE_JSON(deltas.records.at(0).delta, (Json{{"color", "blue"}}));
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->version(), 2, Timeout);
        auto cache = w.shadows->cached(thing);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"color", "blue"}}));
        QCOMPARE_JSON(cache->document.reported(), (Json{{"color", "red"}}));
        QCOMPARE_JSON(cache->delta, (Json{{"color", "blue"}}));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.at(0).at(0).toString(), thing);
        QCOMPARE(changed.at(0).at(1).toString(), QString());

        QVERIFY(x.await(x.shadows->update(thing, {}, Json{{"reported", {{"color", "blue"}}}})).ok);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->version(), 3, Timeout);
        cache = w.shadows->cached(thing);
        QCOMPARE_JSON(cache->document.reported(), (Json{{"color", "blue"}}));
        QCOMPARE_JSON(cache->delta, Json::object());
        QVERIFY(w.await(w.shadows->get(thing)).ok); // after the hub's last reply on the classic shadow

        // The named shadow is a cache of its own.
        changed.clear();
        QVERIFY(x.await(x.shadows->updateDesired(thing, u"cfg"_s, Json{{"rate", 5}})).ok);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing, u"cfg"_s)->state, CacheState::Fresh, Timeout);
        QCOMPARE_JSON(w.shadows->cached(thing, u"cfg"_s)->document.desired(), (Json{{"rate", 5}}));
        QCOMPARE(w.shadows->cached(thing)->version(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(deltas.records.size(), 2, Timeout);
        QCOMPARE(deltas.records.at(1).shadow, u"cfg"_s);
        QCOMPARE(deltas.records.at(1).version, 1);
        for (const auto &args : std::as_const(changed))
            QCOMPARE(args.at(1).toString(), u"cfg"_s);
        QCOMPARE(w.shadows->droppedStaleCount(), 0);
        QCOMPARE(w.shadows->malformedCount(), 0);
    }

    // The cache merges each update/accepted as the service merges the update, so the update/documents that
    // follows (same version) confirms it instead of correcting it: one shadowChanged() per version.
    void partialMergeMatchesService()
    {
        Watchers watchers(m_fleet.broker());
        QVERIFY(watchers.connect());
        auto &[w, x] = watchers;
        const QString thing = newThing();
        QSignalSpy changed(w.shadows.get(), &ShadowClient::shadowChanged);
        QVERIFY(w.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Empty, Timeout);
        QCOMPARE(changed.count(), 1);

        const Json updates[] = {
            Json{{"desired", {{"a", 1}, {"obj", {{"x", 1}, {"y", 2}}}, {"arr", {1, 2}}}},
                 {"reported", {{"a", 0}}}},
            Json{{"desired", {{"obj", {{"x", nullptr}}}, {"arr", {3}}}}},
            Json{{"reported", {{"a", 1}, {"obj", {{"x", 5}}}}}},
            Json{{"desired", {{"obj", {{"y", nullptr}}}, {"b", "new"}}}},
            Json{{"reported", nullptr}},
            Json{{"desired", {{"a", nullptr}}}, {"reported", {{"z", true}}}},
        };
        qint64 version = 0;
        for (const Json &state : updates) {
            const auto r = x.await(x.shadows->update(thing, {}, state));
            QVERIFY2(r.ok, qPrintable(r.error.message));
            QCOMPARE(versionOf(r), ++version);
        }
        // The hub answers in order: this get's reply comes after every update/documents above.
        const auto g = w.await(w.shadows->get(thing));
        QVERIFY(g.ok);
        QCOMPARE(versionOf(g), version);
        const auto cache = w.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Fresh);
        QCOMPARE(cache->version(), version);
        QCOMPARE_JSON(cache->document.desired(), member(g.body, {"state", "desired"}));
        QCOMPARE_JSON(cache->document.reported(), member(g.body, {"state", "reported"}));
        QCOMPARE(changed.count(), 1 + std::size(updates));
        QCOMPARE(w.shadows->droppedStaleCount(), 0);
        QCOMPARE(w.shadows->malformedCount(), 0);
    }

    void watchSeesDeletion()
    {
        Watchers watchers(m_fleet.broker());
        QVERIFY(watchers.connect());
        auto &[w, x] = watchers;
        const QString thing = newThing();
        QVERIFY(x.await(x.shadows->updateDesired(thing, {}, Json{{"a", 1}})).ok);
        QVERIFY(x.await(x.shadows->update(thing, {}, Json{{"reported", {{"a", 1}}}})).ok);
        QSignalSpy changed(w.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(w.shadows.get(), &ShadowClient::shadowDeleted);
        QVERIFY(w.shadows->watch(thing));
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        QCOMPARE(w.shadows->cached(thing)->version(), 2);
        const auto changesBefore = changed.count();

        const auto removed = x.await(x.shadows->remove(thing));
        QVERIFY(removed.ok);
        QCOMPARE(versionOf(removed), 2);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, Timeout);
        QCOMPARE(deleted.at(0).at(0).toString(), thing);
        QCOMPARE(deleted.at(0).at(1).toString(), QString());
        auto cache = w.shadows->cached(thing);
        QCOMPARE(cache->state, CacheState::Deleted);
        QCOMPARE(cache->version(), 2); // survives the deletion
        QVERIFY(!cache->document.exists());
        QCOMPARE_JSON(cache->document.desired(), Json::object());
        QCOMPARE_JSON(cache->delta, Json::object());
        QCOMPARE(changed.count(), changesBefore); // a deletion is shadowDeleted() only

        const auto recreated = x.await(x.shadows->updateDesired(thing, {}, Json{{"again", true}}));
        QVERIFY(recreated.ok);
        QCOMPARE(versionOf(recreated), 3);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(thing)->state, CacheState::Fresh, Timeout);
        cache = w.shadows->cached(thing);
        QCOMPARE(cache->version(), 3);
        QCOMPARE_JSON(cache->document.desired(), (Json{{"again", true}}));
        QCOMPARE_JSON(cache->document.reported(), Json::object());
        QCOMPARE(deleted.count(), 1);
        QCOMPARE(w.shadows->droppedStaleCount(), 0);
    }

    void unwatchStopsSignals()
    {
        Watchers watchers(m_fleet.broker());
        QVERIFY(watchers.connect());
        auto &[w, x] = watchers;
        const QString dropped = newThing();
        const QString kept = newThing();
        QVERIFY(w.shadows->watch(dropped));
        QVERIFY(w.shadows->watch(kept));
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(dropped)->state, CacheState::Empty, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(kept)->state, CacheState::Empty, Timeout);

        w.shadows->unwatch(dropped);
        w.shadows->unwatch(newThing()); // never watched: harmless
        QVERIFY(!w.shadows->isWatching(dropped));
        QVERIFY(!w.shadows->cached(dropped));
        QVERIFY(w.shadows->isWatching(kept));
        QStringList subscribed;
        for (const auto &subscription : w.mqtt->subscriptions())
            subscribed.append(subscription.filter);
        for (const QString &filter : ShadowClient::watchFilters(dropped))
            QVERIFY2(!subscribed.contains(filter), qPrintable(filter));
        for (const QString &filter : ShadowClient::watchFilters(kept))
            QVERIFY2(subscribed.contains(filter), qPrintable(filter));

        QSignalSpy changed(w.shadows.get(), &ShadowClient::shadowChanged);
        QSignalSpy deleted(w.shadows.get(), &ShadowClient::shadowDeleted);
        DeltaRecorder deltas(w.shadows.get());
        QVERIFY(x.await(x.shadows->updateDesired(dropped, {}, Json{{"a", 1}})).ok);
        QVERIFY(x.await(x.shadows->remove(dropped)).ok);
        // The hub answers in order: once the kept shadow's update shows, the dropped one's went by.
        QVERIFY(x.await(x.shadows->updateDesired(kept, {}, Json{{"b", 1}})).ok);
        QTRY_COMPARE_WITH_TIMEOUT(w.shadows->cached(kept)->state, CacheState::Fresh, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(deltas.records.size(), 1, Timeout);
        for (const auto &args : std::as_const(changed))
            QCOMPARE(args.at(0).toString(), kept);
        QCOMPARE(deleted.count(), 0);
        QCOMPARE(deltas.records.at(0).thing, kept);
        QVERIFY(!w.shadows->cached(dropped));

        w.shadows->unwatch(kept);
        QVERIFY(w.mqtt->subscriptions().isEmpty());
    }

    void watchFiltersContent()
    {
        QCOMPARE(ShadowClient::watchFilters(u"t1"_s),
                 (QStringList{
                     u"$aws/things/t1/shadow/update/accepted"_s, u"$aws/things/t1/shadow/update/documents"_s,
                     u"$aws/things/t1/shadow/update/delta"_s, u"$aws/things/t1/shadow/delete/accepted"_s}));
        QCOMPARE(ShadowClient::watchFilters(u"t1"_s, u"cfg"_s),
                 (QStringList{u"$aws/things/t1/shadow/name/cfg/update/accepted"_s,
                              u"$aws/things/t1/shadow/name/cfg/update/documents"_s,
                              u"$aws/things/t1/shadow/name/cfg/update/delta"_s,
                              u"$aws/things/t1/shadow/name/cfg/delete/accepted"_s}));
    }

    // ---- Lifetime ----

    // The ShadowClient goes first: it leaves the MqttClient without its subscriptions, still usable.
    void destroyShadowClientFirst()
    {
        Console c(*m_bare); // no service: the requests stay pending
        QVERIFY(c.connect());
        const QString thing = newThing();
        QVERIFY(c.shadows->watch(thing));
        c.shadows->get(thing, u"cfg"_s);
        c.shadows->remove(thing);
        c.shadows->get(u"bad/name"_s); // its result is still queued
        QVERIFY(!c.mqtt->subscriptions().isEmpty());
        c.shadows.reset();
        QVERIFY(c.mqtt->subscriptions().isEmpty());
        QSignalSpy unsubscribed(c.mqtt.get(), &MqttClient::unsubscribed);
        QTRY_VERIFY_WITH_TIMEOUT(!unsubscribed.isEmpty(), Timeout);
        QCOMPARE(c.mqtt->state(), MqttClient::State::Connected);
        QVERIFY(c.mqtt->publish(u"fleet/still-alive"_s, "1"_ba, 1) > 0);
    }

    // The MqttClient goes first, as when both are children of one object and it was created first.
    void destroyMqttClientFirst_data()
    {
        QTest::addColumn<bool>("siblings");
        QTest::newRow("siblings") << true;
        QTest::newRow("deleted apart") << false;
    }

    void destroyMqttClientFirst()
    {
        QFETCH(bool, siblings);
        auto parent = std::make_unique<QObject>();
        auto *mqtt = new MqttClient(parent.get());
        mqtt->setProfile(profileFor(*m_bare));
        QVERIFY(mqtt->connectToBroker());
        QVERIFY(waitConnected(*mqtt));
        auto *shadows = new ShadowClient(mqtt, parent.get());
        QSignalSpy finished(shadows, &ShadowClient::requestFinished);
        const QString thing = newThing();
        QVERIFY(shadows->watch(thing));
        shadows->get(thing);
        shadows->updateDesired(thing, u"cfg"_s, Json{{"a", 1}});
        shadows->get(u"bad/name"_s);
        QCOMPARE(shadows->pendingCount(), 3);
        if (siblings) {
            parent.reset(); // deletes mqtt, then shadows, with no event in between
            return;
        }
        delete mqtt;
        QVERIFY(!shadows->mqttClient());
        // Events still come: the queued local failure. Requests wait for a timeout that is far off.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Timeout);
        delete shadows;
        QVERIFY(parent->children().isEmpty());
    }

    // The MqttClient deleted while requests are under way and shadows are watched: the ShadowClient never
    // touches it again. New requests fail with NotSent, watch() and unwatch() still work on the cache, the
    // pending requests time out, and a load's retry finds no client to send with.
    void mqttClientDeletedWhileBusy()
    {
        Console c(*m_bare); // nothing answers
        QVERIFY(c.connect());
        c.shadows->setTimeout(500);
        const QString thing = newThing();
        const QString kept = newThing();
        QVERIFY(c.shadows->watch(thing));
        QVERIFY(c.shadows->watch(kept));
        const QString pending = c.shadows->get(thing, u"cfg"_s);
        QCOMPARE(c.shadows->pendingCount(), 3); // two loads and the get
        // Published: waiting for replies, not for subscriptions.
        QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(c.mqtt->subscriptions(),
                                                     [](const MqttClient::Subscription &s) {
                                                         return s.state ==
                                                                MqttClient::SubscriptionState::Granted;
                                                     }),
                                 Timeout);
        QSignalSpy loadFailed(c.shadows.get(), &ShadowClient::loadFailed);
        QSignalSpy changed(c.shadows.get(), &ShadowClient::shadowChanged);

        c.mqtt.reset();
        QVERIFY(!c.shadows->mqttClient());
        const QString get = c.shadows->get(thing);
        const QString update = c.shadows->updateDesired(thing, u"cfg"_s, Json{{"a", 1}});
        const QString remove = c.shadows->remove(thing);
        QCOMPARE(c.shadows->pendingCount(), 3);
        for (const QString &token : {get, update, remove}) {
            const auto r = c.await(token);
            QVERIFY(!r.ok);
            QVERIFY(r.local);
            QCOMPARE(r.error.code, int(ShadowClient::NotSent));
        }
        const QString other = newThing();
        QVERIFY(c.shadows->watch(other));
        QVERIFY(c.shadows->isWatching(other));
        QCOMPARE(c.shadows->cached(other)->state, CacheState::Loading);
        QCOMPARE(c.shadows->pendingCount(), 3); // no load without a client
        c.shadows->unwatch(other);
        c.shadows->unwatch(thing); // its load is still pending
        QVERIFY(!c.shadows->isWatching(thing));
        QVERIFY(!c.shadows->isWatching(other));

        // The timeouts pass: the get times out; of the loads, only the watched one says so.
        const auto r = c.await(pending);
        QVERIFY(r.local);
        QCOMPARE(r.error.code, int(ShadowClient::TimedOut));
        QCOMPARE(r.shadow, u"cfg"_s);
        QTRY_COMPARE_WITH_TIMEOUT(c.shadows->pendingCount(), 0, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(loadFailed.count(), 1, Timeout);
        QCOMPARE(loadFailed.at(0).at(0).toString(), kept);
        QCOMPARE(loadFailed.at(0).at(2).value<Result>().error.code, int(ShadowClient::TimedOut));

        // Its retry comes and goes without a client: nothing sent, nothing failed, the cache as it was.
        QTest::qWait(ShadowClient::FirstLoadRetryMs + 300);
        QCOMPARE(c.shadows->pendingCount(), 0);
        QCOMPARE(loadFailed.count(), 1);
        QCOMPARE(c.shadows->cached(kept)->state, CacheState::Loading);
        QCOMPARE(changed.count(), 0);
        QVERIFY(c.eachFinishedOnce());
        c.shadows->unwatch(kept);
        c.shadows.reset();
    }
};

QTEST_GUILESS_MAIN(TestShadowClient)
#include "testutil.h"
#include "tst_shadowclient.moc"
