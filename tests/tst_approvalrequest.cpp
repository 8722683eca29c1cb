// ApprovalRequest: the retained message body round-trips, bad bodies are refused with a reason, one decision
// per approver, expiry.

#include "commands/approvalrequest.h"

#include "common/json.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ApprovalRequest;
using fleet::Json;
using State = ApprovalRequest::State;

class TestApprovalRequest final : public QObject
{
    Q_OBJECT

private:
    static ApprovalRequest sample()
    {
        ApprovalRequest r;
        r.id = u"0AB"_s;
        r.requester = u"alice"_s;
        r.device = u"dev-1"_s;
        r.command = u"reboot"_s;
        r.parameters = Json{{"delay", 5}};
        r.payload = Json{{"delay", 5}};
        r.requestedMs = 1000;
        r.expiresMs = 5000;
        return r;
    }

private Q_SLOTS:
    void roundTrip()
    {
        ApprovalRequest r = sample();
        QCOMPARE(ApprovalRequest::fromJson(r.toJson()), r);
        r.state = State::Rejected;
        r.decidedBy = u"bob"_s;
        r.decidedMs = 2000;
        r.reason = u"no"_s;
        r.decisions = {{u"bob"_s, false, u"no"_s, 1900}, {u"carol"_s, true, {}, 1950}};
        QCOMPARE(ApprovalRequest::fromJson(r.toJson()), r);
        QCOMPARE(QString::fromStdString(r.toJson().at("state").get<std::string>()), u"rejected"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("array") << u"[]"_s;
        QTest::newRow("no id") << u"{\"device\":\"d\",\"command\":\"c\",\"state\":\"pending\","
                                  "\"requestedAt\":1,\"expiresAt\":2}"_s;
        QTest::newRow("bad state") << u"{\"id\":\"x\",\"device\":\"d\",\"command\":\"c\",\"state\":\"maybe\","
                                      "\"requestedAt\":1,\"expiresAt\":2}"_s;
        QTest::newRow("time as text")
            << u"{\"id\":\"x\",\"device\":\"d\",\"command\":\"c\",\"state\":\"pending\","
               "\"requestedAt\":\"1\",\"expiresAt\":2}"_s;
        QTest::newRow("decisions not array")
            << u"{\"id\":\"x\",\"device\":\"d\",\"command\":\"c\",\"state\":\"pending\","
               "\"requestedAt\":1,\"expiresAt\":2,\"decisions\":{}}"_s;
        QTest::newRow("bad decision")
            << u"{\"id\":\"x\",\"device\":\"d\",\"command\":\"c\",\"state\":\"pending\","
               "\"requestedAt\":1,\"expiresAt\":2,\"decisions\":[{\"approver\":\"b\",\"decision\":\"yes\"}]}"_s;
    }

    void refusals()
    {
        QFETCH(QString, body);
        QString error;
        QVERIFY(!ApprovalRequest::fromJson(Json::parse(body.toStdString()), &error));
        QVERIFY(!error.isEmpty());
    }

    void oneDecisionPerApprover()
    {
        ApprovalRequest r = sample();
        r.addDecision({u"bob"_s, false, u"first"_s, 1});
        r.addDecision({u"bob"_s, true, u"changed my mind"_s, 2});
        QCOMPARE(r.decisions.size(), 1);
        QCOMPARE(r.decisionBy(u"bob"_s)->approve, true);
        // Once decided, the record of what was decided no longer changes.
        r.state = State::Approved;
        r.addDecision({u"bob"_s, false, u"too late"_s, 3});
        QCOMPARE(r.decisionBy(u"bob"_s)->reason, u"changed my mind"_s);
        r.addDecision({u"carol"_s, false, u"late"_s, 4});
        QCOMPARE(r.decisions.size(), 2);
        QVERIFY(!r.decisionBy(u"dave"_s));
    }

    void expiry()
    {
        const ApprovalRequest r = sample();
        QVERIFY(!r.isExpired(4999));
        QVERIFY(r.isExpired(5000));
        ApprovalRequest decided = r;
        decided.state = State::Approved;
        QVERIFY(!decided.isExpired(9999));
    }

    // A broadcast held by the gate: one request, its devices in targets, named at a glance.
    void broadcastTargets()
    {
        ApprovalRequest r = sample();
        QCOMPARE(r.targetText(), u"dev-1"_s);
        r.device.clear();
        r.targets = {u"dev-1"_s, u"dev-2"_s};
        QCOMPARE(ApprovalRequest::fromJson(r.toJson()), r);
        QVERIFY(r.targetText().contains(u"dev-1, dev-2"_s));
        r.targets << u"dev-3"_s << u"dev-4"_s;
        QVERIFY(r.targetText().startsWith(u"4 "_s));
        QVERIFY(r.targetText().contains(u"dev-3, …"_s));
        QVERIFY(!r.targetText().contains(u"dev-4"_s));
        Json bad = r.toJson();
        bad["targets"] = Json::array({"dev-1", 2});
        QString error;
        QVERIFY(!ApprovalRequest::fromJson(bad, &error));
        QVERIFY(error.contains(u"targets"_s));
    }

    void stateKeys()
    {
        for (const State s :
             {State::Pending, State::Approved, State::Rejected, State::Expired, State::Withdrawn}) {
            QCOMPARE(ApprovalRequest::stateFromKey(ApprovalRequest::stateKey(s)), s);
            QVERIFY(!ApprovalRequest::stateText(s).isEmpty());
        }
        QVERIFY(!ApprovalRequest::stateFromKey(u"nope"_s));
    }
};

QTEST_GUILESS_MAIN(TestApprovalRequest)
#include "tst_approvalrequest.moc"
