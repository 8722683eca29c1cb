// AwsCommandExecution: the AWS IoT commands lifecycle table (every allowed and refused transition, with
// AWS's error codes), device updates checked before anything is kept (size, depth, types, reason codes,
// result values), the service's TIMED_OUT and a late verdict after it, topics, events and the stored form.

#include "dialects/awscommandexecution.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AwsCommandExecution;
using Status = AwsCommandExecution::Status;
using Code = AwsCommandExecution::ErrorCode;

Q_DECLARE_METATYPE(Status)
Q_DECLARE_METATYPE(Code)

namespace {

AwsCommandExecution execution(Status status, bool deviceTimedOut = false)
{
    AwsCommandExecution e;
    e.executionId = u"e-1"_s;
    e.commandId = u"reboot"_s;
    e.target = u"thing-1"_s;
    e.status = status;
    e.deviceTimedOut = deviceTimedOut;
    e.createdMs = 1000;
    e.timeoutMs = 10'000;
    return e;
}

AwsCommandExecution::Update update(Status status)
{
    AwsCommandExecution::Update u;
    u.status = status;
    return u;
}

} // namespace

class TestAwsCommandExecution final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle_data()
    {
        QTest::addColumn<Status>("from");
        QTest::addColumn<bool>("deviceTimedOut");
        QTest::addColumn<Status>("to");
        QTest::addColumn<int>("refusedWith"); // -1: allowed
        const QList<Status> updates{Status::InProgress, Status::Succeeded, Status::Failed, Status::Rejected,
                                    Status::TimedOut};
        for (Status to : updates) {
            const QByteArray name = AwsCommandExecution::statusName(to).toLatin1();
            QTest::addRow("CREATED -> %s", name.constData()) << Status::Created << false << to << -1;
            QTest::addRow("IN_PROGRESS -> %s", name.constData()) << Status::InProgress << false << to << -1;
            // The service's TIMED_OUT waits for a late verdict, never for more progress.
            QTest::addRow("TIMED_OUT (service) -> %s", name.constData())
                << Status::TimedOut << false << to
                << (to == Status::InProgress ? int(Code::InvalidStateTransition) : -1);
            for (Status terminal : {Status::Succeeded, Status::Failed, Status::Rejected})
                QTest::addRow("%s -> %s", qPrintable(AwsCommandExecution::statusName(terminal)),
                              name.constData())
                    << terminal << false << to
                    << int(to == Status::InProgress ? Code::InvalidStateTransition
                                                    : Code::TerminalStateReached);
            QTest::addRow("TIMED_OUT (device) -> %s", name.constData())
                << Status::TimedOut << true << to
                << int(to == Status::InProgress ? Code::InvalidStateTransition : Code::TerminalStateReached);
        }
    }

    void lifecycle()
    {
        QFETCH(Status, from);
        QFETCH(bool, deviceTimedOut);
        QFETCH(Status, to);
        QFETCH(int, refusedWith);
        AwsCommandExecution e = execution(from, deviceTimedOut);
        AwsCommandExecution::Error error;
        const bool applied = e.apply(update(to), 5000, &error);
        if (refusedWith < 0) {
            QVERIFY2(applied, qPrintable(error.message));
            QCOMPARE(e.status, to);
            QCOMPARE(e.updatedMs, 5000);
            QCOMPARE(e.isTerminal(), to != Status::InProgress);
        } else {
            QVERIFY(!applied);
            QCOMPARE(int(error.code), refusedWith);
            QVERIFY(!error.message.isEmpty());
            QCOMPARE(e.status, from); // nothing changed
        }
    }

    void serviceTimeOut()
    {
        AwsCommandExecution e = execution(Status::InProgress);
        QVERIFY(e.timeOut(11'000));
        QCOMPARE(e.status, Status::TimedOut);
        QCOMPARE(e.reasonCode, u"$NO_RESPONSE_FROM_DEVICE"_s);
        QVERIFY(!e.isTerminal());
        QVERIFY(!e.timeOut(12'000)); // once
        // A late verdict is kept.
        AwsCommandExecution::Update late = update(Status::Succeeded);
        late.result = fleet::Json{{"log", {{"s", "uploaded"}}}};
        QVERIFY(e.apply(late, 13'000, nullptr));
        QCOMPARE(e.status, Status::Succeeded);
        QVERIFY(e.reasonCode.isEmpty());
        QVERIFY(e.result["log"]["s"] == "uploaded");
        QVERIFY(!e.timeOut(14'000));
    }

    void parseUpdate_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("refusedWith"); // -1: accepted
        QTest::newRow("in progress") << QByteArray(R"({"status":"IN_PROGRESS"})") << -1;
        QTest::newRow("with reason and result")
            << QByteArray(
                   R"({"status":"FAILED","statusReason":{"reasonCode":"DISK_FULL","reasonDescription":"no room"},)"
                   R"("result":{"free":{"s":"0"},"ok":{"b":false},"blob":{"bin":"AAE="}}})")
            << -1;
        QTest::newRow("not json") << QByteArray("SUCCESS") << int(Code::InvalidJson);
        QTest::newRow("array") << QByteArray("[]") << int(Code::InvalidJson);
        QTest::newRow("deep") << QByteArray(200, '[') << int(Code::InvalidJson);
        QTest::newRow("too big") << QByteArray(R"({"status":"IN_PROGRESS","x":")") +
                                        QByteArray(200'000, 'a') + QByteArray(R"("})")
                                 << int(Code::InvalidJson);
        QTest::newRow("no status") << QByteArray("{}") << int(Code::InvalidRequest);
        QTest::newRow("status CREATED") << QByteArray(R"({"status":"CREATED"})") << int(Code::InvalidRequest);
        QTest::newRow("status lowercase")
            << QByteArray(R"({"status":"succeeded"})") << int(Code::InvalidRequest);
        QTest::newRow("status number") << QByteArray(R"({"status":3})") << int(Code::InvalidRequest);
        QTest::newRow("unknown member")
            << QByteArray(R"({"status":"FAILED","why":"x"})") << int(Code::InvalidRequest);
        QTest::newRow("reason code lowercase")
            << QByteArray(R"({"status":"FAILED","statusReason":{"reasonCode":"disk"}})")
            << int(Code::InvalidRequest);
        QTest::newRow("reason code too long")
            << QByteArray(R"({"status":"FAILED","statusReason":{"reasonCode":")") + QByteArray(65, 'A') +
                   QByteArray(R"("}})")
            << int(Code::InvalidRequest);
        QTest::newRow("description too long")
            << QByteArray(R"({"status":"FAILED","statusReason":{"reasonCode":"X","reasonDescription":")") +
                   QByteArray(1025, 'a') + QByteArray(R"("}})")
            << int(Code::InvalidRequest);
        QTest::newRow("result untyped")
            << QByteArray(R"({"status":"SUCCEEDED","result":{"n":5}})") << int(Code::InvalidRequest);
        QTest::newRow("result two types")
            << QByteArray(R"({"status":"SUCCEEDED","result":{"n":{"s":"a","b":true}}})")
            << int(Code::InvalidRequest);
    }

    void parseUpdate()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, refusedWith);
        AwsCommandExecution::Error error;
        const auto parsed = AwsCommandExecution::parseUpdate(body, &error);
        if (refusedWith < 0) {
            QVERIFY2(parsed, qPrintable(error.message));
        } else {
            QVERIFY(!parsed);
            QCOMPARE(int(error.code), refusedWith);
            QVERIFY(!error.message.isEmpty());
        }
    }

    void topics()
    {
        AwsCommandExecution e = execution(Status::Created);
        QCOMPARE(e.requestTopic(), u"$aws/commands/things/thing-1/executions/e-1/request/json"_s);
        e.contentType = u"application/cbor"_s;
        QCOMPARE(e.requestTopic(), u"$aws/commands/things/thing-1/executions/e-1/request/cbor"_s);
        e.contentType = u"text/plain"_s;
        e.targetType = u"clients"_s;
        QCOMPARE(e.requestTopic(), u"$aws/commands/clients/thing-1/executions/e-1/request"_s);

        const auto parsed = AwsCommandExecution::parseResponseTopic(
            u"$aws/commands/things/t1/executions/abc_1-2/response/json"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->targetType, u"things"_s);
        QCOMPARE(parsed->target, u"t1"_s);
        QCOMPARE(parsed->executionId, u"abc_1-2"_s);
        QVERIFY(!parsed->cbor);
        const auto cbor = AwsCommandExecution::parseResponseTopic(
            u"$aws/commands/clients/c1/executions/e1/response/cbor"_s);
        QVERIFY(cbor && cbor->cbor && cbor->targetType == u"clients"_s);
        for (const QString &bad : {u"$aws/commands/things/t1/executions/e1/response/xml"_s,
                                   u"$aws/commands/devices/t1/executions/e1/response/json"_s,
                                   u"$aws/commands/things/t1/executions/e.1/response/json"_s,
                                   u"$aws/commands/things//executions/e1/response/json"_s,
                                   u"$aws/commands/things/t1/executions/e1/response/accepted/json"_s})
            QVERIFY2(!AwsCommandExecution::parseResponseTopic(bad), qPrintable(bad));
        QVERIFY(!AwsCommandExecution::isValidExecutionId(QString(65, u'a')));
        QVERIFY(AwsCommandExecution::isValidExecutionId(QString(64, u'a')));
    }

    void eventsAndReplies()
    {
        AwsCommandExecution e = execution(Status::InProgress);
        QVERIFY(e.timeOut(20'000));
        QCOMPARE(e.eventTopic(), u"$aws/events/commandExecution/reboot/TIMED_OUT"_s);
        const fleet::Json event = e.eventBody(20'001);
        QVERIFY(event["executionId"] == "e-1");
        QVERIFY(event["status"] == "TIMED_OUT");
        QVERIFY(event["eventType"] == "COMMAND_EXECUTION");
        QVERIFY(event["statusReason"]["reasonCode"] == "$NO_RESPONSE_FROM_DEVICE");
        QVERIFY(event["timestamp"] == 20'001);
        QVERIFY(event["commandArn"].get<std::string>().ends_with(":command/reboot"));
        QVERIFY(event["targetArn"].get<std::string>().ends_with(":thing/thing-1"));
        QVERIFY(e.acceptedBody() == (fleet::Json{{"executionId", "e-1"}}));
        const fleet::Json rejected =
            AwsCommandExecution::rejectedBody({Code::TerminalStateReached, u"already SUCCEEDED"_s}, u"e-1"_s);
        QVERIFY(rejected["error"] == "TerminalStateReached");
        QVERIFY(rejected["errorMessage"] == "already SUCCEEDED");
        QVERIFY(rejected["executionId"] == "e-1");
    }

    void storedRoundTrip()
    {
        AwsCommandExecution e = execution(Status::Failed);
        e.payload = QByteArray("\x00\x01binary", 8);
        e.contentType = u"application/octet-stream"_s;
        e.reasonCode = u"NO"_s;
        e.result = fleet::Json{{"x", {{"b", true}}}};
        e.requestedBy = u"alice"_s;
        const auto back = AwsCommandExecution::fromStored(e.toStored());
        QVERIFY(back);
        QVERIFY(back->toStored() == e.toStored());
        QCOMPARE(back->payload, e.payload);
        QVERIFY(!AwsCommandExecution::fromStored(fleet::Json::array()));
        fleet::Json damaged = e.toStored();
        damaged["createdMs"] = "yesterday";
        QVERIFY(!AwsCommandExecution::fromStored(damaged));
    }
};

QTEST_GUILESS_MAIN(TestAwsCommandExecution)
#include "tst_awscommandexecution.moc"
