// GateAuditQuery against a real mosquitto, with the test as the gate: it answers the queries itself, so that
// it can page, ask for a pause, stay silent, and send what no gate would (nested 100,000 deep, 1 MB, wrong
// types, pages out of order). Every hostile reply must end the query with failed(), and nothing may crash.
// Also: no gate on the broker is known at once, the entry format both ways, and --since's text.

#include "brokerobserver.h"
#include "commands/gateauditquery.h"
#include "common/json.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "testutil.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::GateAuditQuery;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using Entry = GateAuditQuery::Entry;
using Failure = GateAuditQuery::Failure;

namespace {

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

Entry entry(qint64 seq)
{
    return {seq,        1700000000000 + seq, u"alice"_s,         u"held"_s,
            u"alice"_s, u"t%1"_s.arg(seq),   u"cmd/dev-1/req"_s, u"sensitive command"_s};
}

// The query's id as the gate echoes it (null when there is none).
Json idOf(const Json &body)
{
    const Json *id = fleet::jsonMember(body, "query");
    return id ? *id : Json();
}

Json page(const Json &queryId, const QList<qint64> &seqs, const Json &next)
{
    Json entries = Json::array();
    for (const qint64 seq : seqs)
        entries.push_back(GateAuditQuery::toJson(entry(seq)));
    return {{"query", queryId}, {"entries", entries}, {"next", next}};
}

// The gate, played by the test: every query it receives goes to respond(), which answers (or not).
struct FakeGate
{
    MqttClient client;
    QList<MqttMessage> queries;
    std::function<void(const MqttMessage &query, const Json &body)> respond;

    bool start(const MosquittoBroker &broker)
    {
        BrokerProfile profile = fleet::test::profileFor(broker);
        profile.clientId = u"fake-gate"_s;
        client.setProfile(profile);
        QObject::connect(&client, &MqttClient::messageReceived, &client, [this](const MqttMessage &m) {
            if (!m.topic().startsWith(u"fleet/gate/audit/query/"_s))
                return;
            queries.append(m);
            if (respond)
                respond(m, parse(m.payload()));
        });
        return fleet::test::connectAndWait(client) &&
               fleet::test::subscribeAndWait(client, u"fleet/gate/audit/query/+"_s);
    }

    // A reply as the hub sends it: to the asker's reply topic, with the query's correlation data.
    void reply(const MqttMessage &query, const QByteArray &payload, bool correlate = true)
    {
        const QString user = query.topic().section(u'/', 4);
        MqttMessage out(GateAuditQuery::replyTopic(user), payload, 1);
        if (correlate)
            out.properties().correlationData = query.properties().correlationData;
        client.publish(out);
    }
    void reply(const MqttMessage &query, const Json &body) { reply(query, fleet::compactJsonBytes(body)); }

    // Retained, as fleet-hub's gate publishes it; an empty payload clears it. Waits for the broker's PUBACK,
    // so that a query started afterwards sees the new state.
    bool setInfo(bool present)
    {
        QSignalSpy sent(&client, &MqttClient::messageSent);
        const int id = client.publish(
            GateAuditQuery::infoTopic(),
            present ? QByteArray(R"({"gate":"fleet-hub","version":1,"approvals":"enforced"})") : QByteArray(),
            1, true);
        return id > 0 && QTest::qWaitFor(
                             [&] {
                                 return std::any_of(sent.cbegin(), sent.cend(),
                                                    [id](const QList<QVariant> &a) { return a.at(0) == id; });
                             },
                             DefaultTimeoutMs);
    }
};

} // namespace

class TestGateAuditQuery final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<FakeGate> m_gate;
    std::unique_ptr<MqttClient> m_alice;

    std::unique_ptr<GateAuditQuery> query(int timeoutMs = DefaultTimeoutMs)
    {
        auto q = std::make_unique<GateAuditQuery>(m_alice.get(), u"alice"_s);
        q->setTimeoutMs(timeoutMs);
        return q;
    }

    // Runs q to its end; true when it finished (not failed).
    static bool run(GateAuditQuery &q)
    {
        QSignalSpy finished(&q, &GateAuditQuery::finished);
        QSignalSpy failed(&q, &GateAuditQuery::failed);
        q.start();
        (void)QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 3 * DefaultTimeoutMs);
        if (finished.size() + failed.size() != 1)
            qWarning("finished %d times, failed %d times", int(finished.size()), int(failed.size()));
        return finished.size() == 1 && failed.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        m_gate = std::make_unique<FakeGate>();
        QVERIFY(m_gate->start(*m_broker));
        m_alice = std::make_unique<MqttClient>();
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.username = u"alice"_s;
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        m_alice->setProfile(profile);
        QVERIFY(fleet::test::connectAndWait(*m_alice));
    }

    void init()
    {
        m_gate->queries.clear();
        m_gate->respond = nullptr;
        QVERIFY(m_gate->setInfo(true));
    }

    void cleanupTestCase()
    {
        m_alice.reset();
        m_gate.reset();
    }

    void parseSince_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        const qint64 now = 1714564800000;     // 2024-05-01T12:00:00Z
        QTest::newRow("seconds") << u"90s"_s << now - 90 * 1000;
        QTest::newRow("minutes") << u"30m"_s << now - 30 * 60 * 1000;
        QTest::newRow("combined") << u"1h30m"_s << now - 90 * 60 * 1000;
        QTest::newRow("days") << u" 2d "_s << now - 2 * 24 * 3600 * 1000;
        QTest::newRow("weeks") << u"1w"_s << now - 7 * 24 * 3600 * 1000;
        QTest::newRow("utc") << u"2024-05-01T10:00:00Z"_s << now - 2 * 3600 * 1000;
        QTest::newRow("offset") << u"2024-05-01T12:00:00+02:00"_s << now - 2 * 3600 * 1000;
        QTest::newRow("local") << u"2024-04-30T08:15:00"_s
                               << QDateTime(QDate(2024, 4, 30), QTime(8, 15)).toMSecsSinceEpoch();
        QTest::newRow("date") << u"2024-04-30"_s << QDate(2024, 4, 30).startOfDay().toMSecsSinceEpoch();
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("words") << u"yesterday"_s << qint64(-1);
        QTest::newRow("unit") << u"3y"_s << qint64(-1);
        QTest::newRow("negative") << u"-1h"_s << qint64(-1);
        QTest::newRow("zero") << u"0s"_s << qint64(-1);
        QTest::newRow("before the epoch") << u"999999999w"_s << qint64(-1);
    }

    void parseSince()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const std::optional<qint64> since = GateAuditQuery::parseSince(text, 1714564800000);
        QCOMPARE(since.value_or(-1), expected);
    }

    void entryJson()
    {
        const Entry e = entry(7);
        QCOMPARE(GateAuditQuery::fromJson(GateAuditQuery::toJson(e)), std::optional<Entry>(e));
        QCOMPARE(e.requestText(), u"alice/t7"_s);
        Json noSeq = GateAuditQuery::toJson(e);
        noSeq.erase("seq");
        Json textSeq = GateAuditQuery::toJson(e);
        textSeq["seq"] = "7";
        Json zeroSeq = GateAuditQuery::toJson(e);
        zeroSeq["seq"] = 0;
        Json numberActor = GateAuditQuery::toJson(e);
        numberActor["actor"] = 42;
        Json longDetail = GateAuditQuery::toJson(e);
        longDetail["detail"] = std::string(GateAuditQuery::MaxTextChars + 1, 'x');
        for (const Json &bad : {Json::array(), noSeq, textSeq, zeroSeq, numberActor, longDetail}) {
            QString why;
            QVERIFY2(!GateAuditQuery::fromJson(bad, &why), qPrintable(fleet::compactJson(bad).left(200)));
            QVERIFY(!why.isEmpty());
        }
    }

    void withoutAUsernameItFailsAtOnce()
    {
        GateAuditQuery q(m_alice.get(), QString());
        QSignalSpy failed(&q, &GateAuditQuery::failed);
        q.start();
        QVERIFY(failed.isEmpty()); // from the event loop, never from within start()
        QVERIFY(failed.wait(DefaultTimeoutMs));
        QCOMPARE(q.failure(), Failure::NoIdentity);
        GateAuditQuery slash(m_alice.get(), u"a/b"_s);
        QVERIFY(!run(slash));
        QCOMPARE(slash.failure(), Failure::NoIdentity);
    }

    void noGateIsKnownWithoutWaiting()
    {
        QVERIFY(m_gate->setInfo(false));
        // A timeout far beyond the test's own: the answer comes from the subscriptions, not from a timer.
        auto q = query(10 * DefaultTimeoutMs);
        QVERIFY(!run(*q));
        QCOMPARE(q->failure(), Failure::NoGate);
        QVERIFY2(q->errorString().contains(u"no audit log"_s), qPrintable(q->errorString()));
        QVERIFY(m_gate->queries.isEmpty());
    }

    void pagesAreFollowedToTheEnd()
    {
        QList<qint64> afters;
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            const qint64 after = body.value("after", qint64(-1));
            afters.append(after);
            if (after == 0)
                m_gate->reply(m, page(idOf(body), {1, 2}, 2));
            else if (after == 2)
                m_gate->reply(m, page(idOf(body), {}, 9)); // a stretch of the log with no match
            else
                m_gate->reply(m, page(idOf(body), {10}, nullptr));
        };
        auto q = query();
        q->setPageSize(2);
        q->setFilter({0, 0, u"alice"_s, {}, {}});
        QVERIFY(run(*q));
        QCOMPARE(afters, (QList<qint64>{0, 2, 9}));
        QCOMPARE(q->entries(), (QList<Entry>{entry(1), entry(2), entry(10)}));
        QCOMPARE(q->next(), qint64(0));
        // Every page has an id of its own, carried as correlation data too, and the filter.
        QCOMPARE(m_gate->queries.size(), 3);
        const Json first = parse(m_gate->queries.at(0).payload());
        QCOMPARE_JSON(first["limit"], 2);
        QCOMPARE_JSON(first["requester"], "alice");
        QCOMPARE_JSON(first["query"],
                      m_gate->queries.at(0).properties().correlationData.value_or("").toStdString());
        QVERIFY(m_gate->queries.at(0).properties().correlationData !=
                m_gate->queries.at(1).properties().correlationData);
    }

    void maximumStopsWithWhereToGoOn()
    {
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            // A long log: always as many entries as asked for, and more after them.
            const qint64 after = body.value("after", qint64(0));
            const qint64 limit = body.value("limit", qint64(1));
            QList<qint64> seqs;
            for (qint64 seq = after + 1; seq <= after + limit; ++seq)
                seqs.append(seq);
            m_gate->reply(m, page(idOf(body), seqs, after + limit));
        };
        auto q = query();
        q->setFilter({5, 0, {}, {}, {}});
        q->setMaxEntries(3);
        q->setPageSize(2);
        QVERIFY(run(*q));
        QCOMPARE(q->entries().size(), 3);
        QCOMPARE(q->entries().constLast().seq, qint64(8));
        QCOMPARE(q->next(), qint64(8));
        // The last page asked for what was missing only.
        QCOMPARE_JSON(parse(m_gate->queries.constLast().payload())["limit"], 1);
    }

    void tooManyQueriesIsWaitedOut()
    {
        int asked = 0;
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            if (++asked == 1)
                return m_gate->reply(
                    m, Json{{"query", idOf(body)}, {"error", "Too many"}, {"retryAfterMs", 50}});
            m_gate->reply(m, page(idOf(body), {1}, nullptr));
        };
        auto q = query();
        QVERIFY(run(*q));
        QCOMPARE(asked, 2);
        QCOMPARE(q->entries(), QList<Entry>{entry(1)});
    }

    void anotherQueryOfTheSameUserIsIgnored()
    {
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            // Another console of alice's: its id, no correlation data; then this query's answer.
            m_gate->reply(m, fleet::compactJsonBytes(page("someone-else", {99}, nullptr)), false);
            MqttMessage other = m;
            other.properties().correlationData = QByteArray("not-this-one");
            m_gate->reply(other, fleet::compactJsonBytes(page("x", {98}, nullptr)));
            m_gate->reply(m, page(idOf(body), {3}, nullptr));
        };
        auto q = query();
        QVERIFY(run(*q));
        QCOMPARE(q->entries(), QList<Entry>{entry(3)});
    }

    void gateErrorFails()
    {
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            m_gate->reply(m, Json{{"query", idOf(body)}, {"error", "\"limit\" is how many entries to send"}});
        };
        auto q = query();
        QVERIFY(!run(*q));
        QCOMPARE(q->failure(), Failure::Refused);
        QVERIFY2(q->errorString().contains(u"limit"_s), qPrintable(q->errorString()));
    }

    void silenceTimesOut()
    {
        auto q = query(300);
        QVERIFY(!run(*q));
        QCOMPARE(q->failure(), Failure::TimedOut);
        QVERIFY2(q->errorString().contains(u"fleet-hub"_s), qPrintable(q->errorString()));
        QCOMPARE(m_gate->queries.size(), 1);
    }

    void hostileRepliesFail_data()
    {
        QTest::addColumn<QByteArray>("payload"); // QUERY stands for the query's id
        QTest::addColumn<bool>("correlate");
        QTest::newRow("nested 100,000 deep") << QByteArray(100000, '[') + QByteArray(100000, ']') << false;
        QTest::newRow("nested in an entry") << QByteArray(R"({"query":"QUERY","entries":[)") +
                                                   QByteArray(50000, '[') + QByteArray(50000, ']') + "]}"
                                            << true;
        QTest::newRow("1 MB") << QByteArray("{\"query\":\"QUERY\",\"entries\":[],\"pad\":\"") +
                                     QByteArray(1024 * 1024, 'x') + "\"}"
                              << true;
        QTest::newRow("not JSON") << QByteArray("\xff\xfe not json") << true;
        QTest::newRow("an array") << QByteArray("[1,2,3]") << true;
        QTest::newRow("entries not a list")
            << QByteArray(R"({"query":"QUERY","entries":"all of them"})") << false;
        QTest::newRow("no entries") << QByteArray(R"({"query":"QUERY"})") << false;
        QTest::newRow("seq as text")
            << QByteArray(R"({"query":"QUERY","entries":[{"seq":"1","time":1,"actor":"a","action":"b",)"
                          R"("requester":"c","id":"d","topic":"e","detail":"f"}]})")
            << true;
        QTest::newRow("detail as object")
            << QByteArray(R"({"query":"QUERY","entries":[{"seq":1,"time":1,"actor":"a","action":"b",)"
                          R"("requester":"c","id":"d","topic":"e","detail":{"x":1}}]})")
            << true;
        QTest::newRow("out of order") << fleet::compactJsonBytes(page("QUERY", {2, 1}, nullptr)) << true;
        QTest::newRow("a page again") << fleet::compactJsonBytes(page("QUERY", {0}, nullptr)) << true;
        QTest::newRow("next points back") << fleet::compactJsonBytes(page("QUERY", {1, 2}, 1)) << true;
        QTest::newRow("next as text") << fleet::compactJsonBytes(page("QUERY", {1}, "2")) << true;
        QTest::newRow("more than asked")
            << fleet::compactJsonBytes(page("QUERY", {1, 2, 3, 4, 5}, nullptr)) << true;
        QTest::newRow("error as number") << QByteArray(R"({"query":"QUERY","error":7})") << true;
    }

    void hostileRepliesFail()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, correlate);
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            QByteArray p = payload;
            p.replace("QUERY", QByteArray::fromStdString(body.value("query", std::string())));
            m_gate->reply(m, p, correlate);
        };
        auto q = query();
        q->setPageSize(4);
        QVERIFY(!run(*q));
        QVERIFY2(q->failure() == Failure::BadReply, qPrintable(q->errorString()));
        QVERIFY(q->entries().isEmpty());
        // The client goes on working: the next query is answered.
        m_gate->respond = [&](const MqttMessage &m, const Json &body) {
            m_gate->reply(m, page(idOf(body), {1}, nullptr));
        };
        auto after = query();
        QVERIFY(run(*after));
    }
};

QTEST_GUILESS_MAIN(TestGateAuditQuery)
#include "tst_gateauditquery.moc"
