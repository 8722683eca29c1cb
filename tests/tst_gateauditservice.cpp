// GateAuditService in the real fleet-hub, on a real mosquitto with the access control `fleet-hub provision`
// writes: alice submits a relayed and a held request through the gate, and the audit log then comes back over
// MQTT in order, page by page, filtered by the gate; a malformed or oversized query gets an error; a device
// may not ask at all (the broker refuses, and nothing is answered); a flood is cut to the rate limit; and
// queries between the gate's batches leave the gate working.

#include "commands/gateauditquery.h"
#include "common/json.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "mqtt/mqttreasoncodes.h"
#include "programprocess.h"
#include "securedbroker.h"
#include "testutil.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::GateAuditQuery;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using fleet::test::ProgramProcess;

namespace {

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

// One account's MQTT 5 connection, with everything it received.
struct Account
{
    QString name;
    MqttClient client;
    QList<MqttMessage> received;
    int queries = 0;

    QList<MqttMessage> on(const QString &topic) const
    {
        QList<MqttMessage> found;
        for (const MqttMessage &m : received) {
            if (m.topic() == topic)
                found.append(m);
        }
        return found;
    }

    // Publishes payload as a query under the account's own name (or topicUser's) with fresh correlation data,
    // and waits for the hub's reply carrying it. The reply, or null when none came; *denied: the broker
    // refused the publish (MQTT 5 reason code 0x87). A "too many queries" answer is waited out and the query
    // asked again, as GateAuditQuery does: the tests ask faster than the hub's limit of 10 a second.
    Json ask(const QByteArray &payload, const QString &topicUser = {}, bool *denied = nullptr)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            const QByteArray correlation = name.toUtf8() + '-' + QByteArray::number(++queries);
            MqttMessage query(GateAuditQuery::queryTopic(topicUser.isEmpty() ? name : topicUser), payload, 1);
            query.properties().correlationData = correlation;
            QSignalSpy failed(&client, &MqttClient::publishFailed);
            const int id = client.publish(query);
            if (id <= 0)
                return nullptr;
            Json reply;
            (void)QTest::qWaitFor(
                [&] {
                    for (const MqttMessage &m : std::as_const(received)) {
                        if (m.properties().correlationData == correlation)
                            reply = parse(m.payload());
                    }
                    for (const QList<QVariant> &a : std::as_const(failed)) {
                        if (a.at(0) == id && denied)
                            *denied = a.at(2).toString().contains(fleet::mqttReasonText(0x87));
                    }
                    return !reply.is_null() || (denied && *denied);
                },
                DefaultTimeoutMs);
            if (!reply.is_object() || !reply.contains("retryAfterMs"))
                return reply;
            QTest::qWait(int(reply.value("retryAfterMs", qint64(0))) + 1);
        }
        return nullptr;
    }

    Json ask(const Json &body) { return ask(fleet::compactJsonBytes(body)); }
};

// One field of every entry of a reply, in order.
QStringList field(const Json &reply, const char *key)
{
    QStringList values;
    const Json *entries = fleet::jsonMember(reply, "entries");
    if (!entries || !entries->is_array())
        return {u"(no entries)"_s};
    for (const Json &e : *entries)
        values.append(QString::fromStdString(e.value(key, std::string())));
    return values;
}

} // namespace

class TestGateAuditService final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    std::vector<std::unique_ptr<Account>> m_connections;
    Account *m_monitor = nullptr;

    // Connected as name, subscribed to the filters.
    Account *connectAs(const QString &name, const QStringList &filters)
    {
        auto account = std::make_unique<Account>();
        account->name = name;
        account->client.setProfile(m_stack.profileFor(name, u"%1-%2"_s.arg(name).arg(m_connections.size())));
        account->client.setPassword(m_stack.password(name));
        Account *raw = account.get();
        QObject::connect(&raw->client, &MqttClient::messageReceived, &raw->client,
                         [raw](const MqttMessage &m) { raw->received.append(m); });
        QSignalSpy connected(&raw->client, &MqttClient::connected);
        raw->client.connectToBroker();
        if (!connected.wait(DefaultTimeoutMs))
            return nullptr;
        QSignalSpy granted(&raw->client, &MqttClient::subscribed);
        for (const QString &filter : filters)
            raw->client.subscribe(filter, 1);
        if (!QTest::qWaitFor([&] { return granted.size() == filters.size(); }, DefaultTimeoutMs))
            return nullptr;
        m_connections.push_back(std::move(account));
        return raw;
    }

    Account *asker(const QString &name)
    {
        for (const auto &a : m_connections) {
            if (a->name == name && a.get() != m_monitor)
                return a.get();
        }
        return connectAs(name, {GateAuditQuery::replyTopic(name)});
    }

    // alice's submission through the gate, as her console makes it.
    void submit(const QString &command, const QString &tid)
    {
        Account *alice = asker(u"alice"_s);
        const QByteArray payload =
            u"{\"cmd\":\"%1\",\"tid\":\"%2\",\"status\":\"REQUEST\",\"params\":%3}"_s
                .arg(command, tid, command == "set_led"_L1 ? u"{\"color\":\"red\"}"_s : u"{}"_s)
                .toUtf8();
        alice->client.publish(u"fleet/gate/submit/alice/cmd/dev-1/req"_s, payload, 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        QString error;
        QVERIFY2(m_stack.start(2, &error), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().err()));

        // The monitor sees what the gate did, and every reply of the audit service.
        m_monitor = connectAs(u"monitor"_s,
                              {u"cmd/+/req"_s, u"fleet/gate/approvals/#"_s, u"fleet/gate/audit/replies/#"_s});
        QVERIFY(m_monitor);
        submit(u"set_led"_s, u"audit-relay-1"_s);
        submit(u"reboot"_s, u"audit-held-1"_s);
        // Published only after their batch committed: the audit rows are on disk once these arrive.
        QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->on(u"cmd/dev-1/req"_s).isEmpty(), DefaultTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->on(u"fleet/gate/approvals/alice/audit-held-1"_s).isEmpty(),
                                 DefaultTimeoutMs);
    }

    void cleanupTestCase()
    {
        m_connections.clear();
        m_stack.hub().stop();
    }

    void rowsComeInOrder()
    {
        const Json reply = asker(u"alice"_s)->ask(Json{{"query", "q1"}});
        QVERIFY2(reply.is_object(), "no reply");
        QCOMPARE_JSON(reply["query"], "q1");
        QVERIFY(reply["next"].is_null());
        QCOMPARE(field(reply, "id"), (QStringList{u"audit-relay-1"_s, u"audit-held-1"_s}));
        QCOMPARE(field(reply, "action"), (QStringList{u"relayed"_s, u"held"_s}));
        QCOMPARE(field(reply, "actor"), (QStringList{u"alice"_s, u"alice"_s}));
        QCOMPARE(field(reply, "topic"), (QStringList{u"cmd/dev-1/req"_s, u"cmd/dev-1/req"_s}));
        const Json &entries = reply["entries"];
        QVERIFY(entries[0]["seq"].get<qint64>() < entries[1]["seq"].get<qint64>());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(entries[1]["time"].get<qint64>() <= now && entries[1]["time"].get<qint64>() > now - 600000);
        // Each entry reads back as the console's client reads it.
        QVERIFY(GateAuditQuery::fromJson(entries[0]));
    }

    void pagesFollowNext()
    {
        Account *alice = asker(u"alice"_s);
        const Json first = alice->ask(Json{{"query", "p1"}, {"limit", 1}});
        QCOMPARE(field(first, "id"), QStringList{u"audit-relay-1"_s});
        QVERIFY2(first["next"].is_number_integer(), qPrintable(fleet::compactJson(first)));
        QCOMPARE_JSON(first["next"], first["entries"][0]["seq"]);
        const Json second = alice->ask(Json{{"query", "p2"}, {"limit", 1}, {"after", first["next"]}});
        QCOMPARE(field(second, "id"), QStringList{u"audit-held-1"_s});
        const Json third =
            alice->ask(Json{{"query", "p3"}, {"limit", 1}, {"after", second["entries"][0]["seq"]}});
        QVERIFY(third["entries"].empty());
        QVERIFY(third["next"].is_null());
    }

    void theGateFilters()
    {
        Account *alice = asker(u"alice"_s);
        QCOMPARE(field(alice->ask(Json{{"id", "audit-held-1"}}), "action"), QStringList{u"held"_s});
        QCOMPARE(field(alice->ask(Json{{"requester", "alice"}, {"actor", "alice"}}), "id"),
                 (QStringList{u"audit-relay-1"_s, u"audit-held-1"_s}));
        const Json nobody = alice->ask(Json{{"requester", "nobody"}});
        QVERIFY(nobody["entries"].empty());
        QVERIFY(nobody["next"].is_null());
        const qint64 tomorrow = QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000;
        QVERIFY(alice->ask(Json{{"since", tomorrow}})["entries"].empty());
        QCOMPARE(alice->ask(Json{{"since", 1}})["entries"].size(), size_t(2));
    }

    void malformedQueriesGetAnError_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << QByteArray("limit=5") << u"cannot be read"_s;
        QTest::newRow("an array") << QByteArray("[1]") << u"JSON object"_s;
        QTest::newRow("limit 0") << QByteArray(R"({"query":"m","limit":0})") << u"\"limit\""_s;
        QTest::newRow("limit 1001") << QByteArray(R"({"query":"m","limit":1001})") << u"1 to 1000"_s;
        QTest::newRow("limit as text") << QByteArray(R"({"query":"m","limit":"5"})") << u"\"limit\""_s;
        QTest::newRow("after -1") << QByteArray(R"({"query":"m","after":-1})") << u"\"after\""_s;
        QTest::newRow("since 1.5") << QByteArray(R"({"query":"m","since":1.5})") << u"\"since\""_s;
        QTest::newRow("requester as number")
            << QByteArray(R"({"query":"m","requester":5})") << u"\"requester\""_s;
        QTest::newRow("misspelt filter")
            << QByteArray(R"({"query":"m","requestor":"alice"})") << u"requestor"_s;
        QTest::newRow("id of a number") << QByteArray(R"({"query":5})") << u"\"query\""_s;
        QTest::newRow("nested") << QByteArray(R"({"query":"m","actor":{"$ne":""}})") << u"cannot be read"_s;
    }

    void malformedQueriesGetAnError()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, error);
        const Json reply = asker(u"alice"_s)->ask(query);
        QVERIFY2(reply.is_object(), "no reply");
        const QString text = QString::fromStdString(reply.value("error", std::string()));
        QVERIFY2(text.contains(error), qPrintable(text));
        QVERIFY(!reply.contains("entries"));
        // The id comes back whenever the query could be read at all.
        if (query.contains("\"query\":\"m\"") && !text.contains(u"cannot be read"_s))
            QCOMPARE_JSON(reply["query"], "m");
    }

    void oversizedQueryIsRefused()
    {
        const QByteArray big =
            fleet::compactJsonBytes(Json{{"query", "big"}, {"requester", std::string(5000, 'a')}});
        const Json reply = asker(u"alice"_s)->ask(big);
        QVERIFY2(reply.is_object(), "no reply");
        QVERIFY2(QString::fromStdString(reply.value("error", "")).contains(u"at most 4096 bytes"_s),
                 qPrintable(fleet::compactJson(reply)));
    }

    void everyPersonsRoleMayAsk()
    {
        for (const QString &who : {u"bob"_s, u"carol"_s, u"monitor"_s}) {
            const Json reply = asker(who)->ask(Json{{"query", who.toStdString()}, {"id", "audit-held-1"}});
            QVERIFY2(reply.is_object(), qPrintable(who));
            QCOMPARE(field(reply, "action"), QStringList{u"held"_s});
        }
    }

    void aDeviceMayNotAsk()
    {
        Account *device = connectAs(u"dev-1"_s, {GateAuditQuery::replyTopic(u"dev-1"_s)});
        QVERIFY(device);
        for (const QString &asUser : {u"dev-1"_s, u"alice"_s}) {
            bool denied = false;
            const Json reply = device->ask(R"({"query":"dev"})", asUser, &denied);
            QVERIFY2(denied, qPrintable(asUser));
            QVERIFY(reply.is_null());
        }
        // A query after the device's has its answer: had the hub got the device's, that answer came first.
        m_monitor->received.clear();
        QVERIFY(asker(u"alice"_s)->ask(Json{{"query", "after-device"}}).is_object());
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->on(GateAuditQuery::replyTopic(u"alice"_s)).size(), 1,
                                  DefaultTimeoutMs);
        QVERIFY(m_monitor->on(GateAuditQuery::replyTopic(u"dev-1"_s)).isEmpty());
        QVERIFY(device->on(GateAuditQuery::replyTopic(u"dev-1"_s)).isEmpty());
    }

    void aFloodIsCutToTheRateLimit()
    {
        Account *eve = asker(u"eve"_s);
        eve->received.clear();
        constexpr int Flood = 60;
        for (int i = 0; i < Flood; ++i)
            eve->client.publish(GateAuditQuery::queryTopic(u"eve"_s), R"({"query":"flood","limit":1})", 1);
        // One "too many" answer, with when to ask again, and the rest of that second dropped unanswered.
        const auto tooMany = [&] {
            return std::count_if(eve->received.cbegin(), eve->received.cend(), [](const MqttMessage &m) {
                return parse(m.payload()).contains("retryAfterMs");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(tooMany() >= 1, DefaultTimeoutMs);
        QVERIFY2(m_stack.hub().waitForError(u"audit query(ies) of eve"_s), qPrintable(m_stack.hub().err()));
        QVERIFY2(eve->received.size() < Flood, qPrintable(QString::number(eve->received.size())));
        // Once the second is over, eve is answered again.
        QCOMPARE(eve->ask(Json{{"query", "later"}, {"limit", 1}})["entries"].size(), size_t(1));
    }

    void queriesLeaveTheGateWorking()
    {
        // A submission and queries in one burst: the gate's batch and the reads take turns on one database.
        Account *alice = asker(u"alice"_s);
        for (int i = 0; i < 3; ++i)
            alice->client.publish(GateAuditQuery::queryTopic(u"alice"_s), R"({"query":"burst"})", 1);
        submit(u"reboot"_s, u"audit-held-2"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_monitor->on(u"fleet/gate/approvals/alice/audit-held-2"_s).isEmpty(),
                                 DefaultTimeoutMs);
        const Json reply = alice->ask(Json{{"query", "after-burst"}, {"id", "audit-held-2"}});
        QCOMPARE(field(reply, "action"), QStringList{u"held"_s});
        QVERIFY2(m_stack.hub().isRunning(), qPrintable(m_stack.hub().err()));
    }

    // The client of the console and fleetctl against the real hub: every page, in order.
    void gateAuditQueryReadsTheLog()
    {
        Account *bob = asker(u"bob"_s);
        GateAuditQuery query(&bob->client, u"bob"_s);
        query.setPageSize(1);
        query.setFilter({0, 0, u"alice"_s, {}, {}});
        QSignalSpy finished(&query, &GateAuditQuery::finished);
        QSignalSpy failed(&query, &GateAuditQuery::failed);
        query.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), DefaultTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(query.errorString()));
        QStringList ids;
        for (const GateAuditQuery::Entry &e : query.entries())
            ids << e.id;
        QCOMPARE(ids, (QStringList{u"audit-relay-1"_s, u"audit-held-1"_s, u"audit-held-2"_s}));
    }
};

QTEST_GUILESS_MAIN(TestGateAuditService)
#include "tst_gateauditservice.moc"
