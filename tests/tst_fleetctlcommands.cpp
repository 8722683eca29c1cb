// fleetctl's fleet commands (devices, send, status, approvals, rollback, traffic, a desired batch) as a user
// runs them:
// against a real mosquitto with the password file and the approval ACL of docs/approvals.acl, a real
// fleet-hub and a real fleet-sim fleet. Each fleetctl run is its own process, as from a shell; alice
// requests, bob approves. A fleetctl killed with SIGKILL mid-command is recovered by `status --wait`.

#include "brokerobserver.h"
#include "fleetfixture.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "programprocess.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::test::DefaultTimeoutMs;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;
using fleet::test::ProgramProcess;

namespace {

const QString Password = u"pw"_s;

// set_position as in the default catalog but not sensitive, with short heartbeats: a command that runs long
// enough to kill its fleetctl in the middle.
const char *const TestCatalog =
    "{\"version\": 1, \"commands\": ["
    " {\"name\": \"set_led\", \"payload\": {\"color\": \"${color}\"},"
    "  \"parameters\": [{\"name\": \"color\", \"type\": \"string\", \"minLength\": 1, \"required\": true}],"
    "  \"groupRequestTopic\": \"cmd/group/{group}/req\", \"timeoutMs\": 3000,"
    "  \"inverse\": {\"command\": \"set_led\", \"parameters\": {\"color\": \"${captured.led}\"}}},"
    " {\"name\": \"set_position\", \"payload\": {\"position\": \"${position}\"},"
    "  \"parameters\": [{\"name\": \"position\", \"type\": \"integer\", \"minimum\": 0, \"maximum\": 100,"
    "  \"required\": true}], \"timeoutMs\": 5000, \"heartbeatIntervalMs\": 300},"
    " {\"name\": \"reboot\", \"sensitive\": true, \"timeoutMs\": 5000},"
    " {\"name\": \"show_message\", \"dialect\": \"aws-commands\", \"payload\": {\"message\": \"${text}\"},"
    "  \"parameters\": [{\"name\": \"text\", \"type\": \"string\", \"required\": true}], \"timeoutMs\": 3000,"
    "  \"retry\": {\"attempts\": 1}}"
    "], \"devices\": ["
    " {\"pattern\": \"sample-*\", \"dialect\": \"atlas-text\"},"
    " {\"group\": \"device_status\", \"dialect\": \"atlas-text\", \"groupRequestTopic\": \"{group}/request\","
    "  \"groupResponseTopic\": \"{group}/response\"},"
    " {\"pattern\": \"design-*\", \"dialect\": \"atlas\", \"requestTopic\": \"commands/{device}\","
    "  \"responseTopic\": \"commands/{device}/ack\", \"groupRequestTopic\": \"\"},"
    " {\"pattern\": \"thing-*\", \"dialect\": \"aws-commands\"}"
    "]}";

QString ctlExecutable()
{
    return QStringLiteral(FLEET_CTL_EXECUTABLE);
}

Json parseLine(const QString &line)
{
    return Json::parse(line.toStdString(), nullptr, false);
}

QString str(const Json &json, const char *key)
{
    return json.is_object() && json.contains(key) && json.at(key).is_string()
               ? QString::fromStdString(json.at(key).get<std::string>())
               : QString();
}

} // namespace

class TestFleetCtlCommands final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ctlExecutable()).isExecutable(), qPrintable(ctlExecutable()));
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toLocal8Bit());

        FleetFixture::Options options;
        options.hubUser = {u"hub"_s, Password};
        options.broker.users = {
            {u"alice"_s, Password}, {u"bob"_s, Password}, options.hubUser, {u"devices"_s, Password}};
        QFile acl(QStringLiteral(FLEET_SOURCE_DIR "/docs/approvals.acl"));
        QVERIFY(acl.open(QIODevice::ReadOnly));
        options.broker.acl = QString::fromUtf8(acl.readAll());
        options.broker.extraConfigLines = {u"set_tcp_nodelay true"_s};
        m_fleet = std::make_unique<FleetFixture>(options);
        QVERIFY2(m_fleet->start(), qPrintable(m_fleet->errorString()));

        QFile catalog(catalogPath());
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(TestCatalog);
        catalog.close();
        QFile simConfig(m_dir.filePath(u"sim.json"_s));
        QVERIFY(simConfig.open(QIODevice::WriteOnly));
        // ctl-1 to ctl-3, and one device of each other kind: sample-1, design-1, thing-1.
        simConfig.write("{\"telemetryIntervalMs\": 300, \"runningIntervalMs\": 100, \"setPositionMs\": 2500,"
                        " \"latencyMs\": [0, 5], \"groups\": 1, \"buttonPressIntervalMs\": 0,"
                        " \"sampleShare\": 0.17, \"designShare\": 0.17, \"thingShare\": 0.17}");
        simConfig.close();
        m_sim = std::make_unique<ProgramProcess>(QStringLiteral(FLEET_SIM_EXECUTABLE));
        m_sim->setEnvironmentValue(u"FLEET_MQTT_PASSWORD"_s, Password);
        QVERIFY(
            m_sim->start({u"--broker"_s, m_fleet->broker().url(), u"--username"_s, u"devices"_s,
                          u"--devices"_s, u"6"_s, u"--prefix"_s, u"ctl"_s, u"--config"_s,
                          simConfig.fileName(), u"--execution-log"_s, m_dir.filePath(u"executions.log"_s)}));
        // Every device online, and its first shadow report through the hub.
        QVERIFY2(
            QTest::qWaitFor(
                [this] {
                    const auto devices = ctl({u"devices"_s, u"--json"_s, u"--listen"_s, u"0"_s}, u"bob"_s);
                    return devices->exitCode() == 0 && devices->out().count(u"\"online\""_s) == 6;
                },
                DefaultTimeoutMs),
            qPrintable(m_sim->transcript()));
        QTest::qWait(500);
    }

    void cleanupTestCase()
    {
        if (m_sim && m_sim->isRunning()) {
            m_sim->signal(SIGTERM);
            QVERIFY(m_sim->waitForExit());
        }
        if (m_fleet)
            QVERIFY(m_fleet->hub().stop());
        m_fleet.reset();
    }

    void devicesListsTheFleet()
    {
        const auto human = ctl({u"devices"_s, u"--listen"_s, u"0.5"_s}, u"bob"_s);
        QCOMPARE_EXIT(*human, 0);
        for (const QString &id : {u"ctl-1"_s, u"ctl-2"_s, u"ctl-3"_s})
            QVERIFY2(human->out().contains(id + u"  Online"_s), qPrintable(human->transcript()));
        const auto filtered =
            ctl({u"devices"_s, u"--json"_s, u"--filter"_s, u"ctl-2"_s, u"--listen"_s, u"0.5"_s}, u"bob"_s);
        QCOMPARE_EXIT(*filtered, 0);
        const QStringList lines = filtered->out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const Json device = parseLine(lines.first());
        QCOMPARE(str(device, "id"), u"ctl-2"_s);
        QCOMPARE(str(device, "connectivity"), u"online"_s);
        QVERIFY(device.at("lastSeen").get<qint64>() > 0); // telemetry was heard

        const auto bad = ctl({u"devices"_s, u"--connectivity"_s, u"sideways"_s}, u"bob"_s);
        QCOMPARE_EXIT(*bad, 2);
    }

    void sendWaitsForTheVerdict()
    {
        const auto sent =
            ctl({u"send"_s, u"ctl-1"_s, u"set_led"_s, u"color=red"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*sent, 0);
        const Json verdict = parseLine(sent->out().trimmed());
        QCOMPARE(str(verdict, "state"), u"succeeded"_s);
        QCOMPARE(str(verdict, "device"), u"ctl-1"_s);
        QCOMPARE(str(verdict, "requestedBy"), u"alice"_s);
        const QString tid = str(verdict, "tid");

        // The ledger has it: the list, and the detail with its verdict as exit status.
        const auto list = ctl({u"status"_s});
        QCOMPARE_EXIT(*list, 0);
        QVERIFY2(list->out().contains(tid), qPrintable(list->transcript()));
        const auto detail = ctl({u"status"_s, tid, u"--json"_s});
        QCOMPARE_EXIT(*detail, 0);
        const Json doc = parseLine(detail->out().trimmed());
        QCOMPARE(str(doc, "state"), u"succeeded"_s);
        QVERIFY(doc.at("transitions").size() >= 3);
        QCOMPARE(doc.at("replies").size(), size_t(1));

        // Without --wait: out once the request is on the broker.
        const auto quick = ctl({u"send"_s, u"ctl-1"_s, u"set_led"_s, u"color=green"_s});
        QCOMPARE_EXIT(*quick, 0);
        QVERIFY2(quick->out().contains(u"set_led"_s), qPrintable(quick->transcript()));
    }

    // An AWS IoT command goes through fleet-hub (docs/aws-commands.md): fleet-sim's device runs it to
    // SUCCEEDED; a thing that never answers is TIMED_OUT by the hub, with AWS's reason, exit status 6.
    void awsCommandsThroughTheHub()
    {
        const auto sent =
            ctl({u"send"_s, u"ctl-2"_s, u"show_message"_s, u"text=hello"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*sent, 0);
        const Json verdict = parseLine(sent->out().trimmed());
        QCOMPARE(str(verdict, "state"), u"succeeded"_s);
        const auto silent = ctl({u"send"_s, u"nobody-1"_s, u"show_message"_s, u"text=hello"_s, u"--wait"_s});
        QCOMPARE_EXIT(*silent, 6);
        QVERIFY2(silent->out().contains(u"$NO_RESPONSE_FROM_DEVICE"_s), qPrintable(silent->transcript()));
    }

    // Every dialect of the design documents, in one fleet, each device in the dialect its catalog profile
    // gives it (docs/command-catalog.md), through the same fleet-hub: the seed's sample device (plain text,
    // no tid) and its broadcast, the IoT Atlas design page's layout, an AWS IoT thing; a command a device's
    // dialect cannot carry is a usage error, and nothing is sent.
    void everyDialectToItsVerdict()
    {
        for (const QString &device : {u"sample-1"_s, u"design-1"_s}) {
            const auto sent =
                ctl({u"send"_s, device, u"set_led"_s, u"color=violet"_s, u"--wait"_s, u"--json"_s});
            QCOMPARE_EXIT(*sent, 0);
            const Json verdict = parseLine(sent->out().trimmed());
            QCOMPARE(str(verdict, "state"), u"succeeded"_s);
            QCOMPARE(str(verdict, "device"), device);
        }
        const auto thing =
            ctl({u"send"_s, u"thing-1"_s, u"show_message"_s, u"text=hello"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*thing, 0);
        QCOMPARE(str(parseLine(thing->out().trimmed()), "state"), u"succeeded"_s);

        const qsizetype before = executions(u"set_led"_s);
        const auto wrong = ctl({u"send"_s, u"thing-1"_s, u"set_led"_s, u"color=red"_s, u"--wait"_s});
        QCOMPARE_EXIT(*wrong, 2);
        QVERIFY2(wrong->err().contains(u"not an AWS IoT command"_s), qPrintable(wrong->transcript()));
        const auto notText = ctl({u"send"_s, u"sample-1"_s, u"show_message"_s, u"text=hi"_s, u"--wait"_s});
        QCOMPARE_EXIT(*notText, 2);

        // The seed's broadcast: one request on device_status/request, sample-1 answers on
        // device_status/response naming itself.
        const auto broadcast = ctl({u"send"_s, u"--group"_s, u"device_status"_s, u"set_led"_s,
                                    u"color=teal"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*broadcast, 0);
        const QStringList lines = broadcast->out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(str(parseLine(lines.first()), "device"), u"sample-1"_s);
        QCOMPARE(str(parseLine(lines.first()), "state"), u"succeeded"_s);
        // Since the refusals: set_led ran once more (the broadcast's), never for thing-1.
        QCOMPARE(executions(u"set_led"_s) - before, 1);
    }

    void sendToASelectionAndToAGroup()
    {
        const auto selection =
            ctl({u"send"_s, u"ctl-1,ctl-2,ctl-3"_s, u"set_led"_s, u"color=blue"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*selection, 0);
        const QStringList lines = selection->out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QStringList devices;
        for (const QString &line : lines) {
            const Json e = parseLine(line);
            QCOMPARE(str(e, "state"), u"succeeded"_s);
            devices.append(str(e, "device"));
        }
        devices.sort();
        QCOMPARE(devices, (QStringList{u"ctl-1"_s, u"ctl-2"_s, u"ctl-3"_s}));

        // One request on the group's topic; each member answers for itself, the window is the timeout.
        const auto group = ctl({u"send"_s, u"--group"_s, u"group-1"_s, u"set_led"_s, u"color=white"_s,
                                u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*group, 0);
        QCOMPARE(group->out().split(u'\n', Qt::SkipEmptyParts).size(), 3);
    }

    void rawPayloadIsTracked()
    {
        const auto raw = ctl({u"send"_s, u"ctl-2"_s, u"--raw"_s,
                              u"{\"cmd\":\"set_led\",\"tid\":\"TYPED-1\",\"params\":{\"color\":\"amber\"}}"_s,
                              u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*raw, 0);
        const Json e = parseLine(raw->out().trimmed());
        QCOMPARE(str(e, "command"), u"(raw)"_s);
        QCOMPARE(str(e, "state"), u"succeeded"_s);
    }

    void refusalsAreUsageErrors()
    {
        const auto unknown = ctl({u"send"_s, u"ctl-1"_s, u"fly"_s});
        QCOMPARE_EXIT(*unknown, 2);
        QVERIFY2(unknown->err().contains(u"set_led"_s),
                 qPrintable(unknown->transcript())); // lists the catalog
        const auto badValue = ctl({u"send"_s, u"ctl-1"_s, u"set_position"_s, u"position=400"_s});
        QCOMPARE_EXIT(*badValue, 2);
        const auto wildcard = ctl({u"send"_s, u"ctl-+"_s, u"set_led"_s, u"color=red"_s});
        QCOMPARE_EXIT(*wildcard, 2);
        const auto notAssignment = ctl({u"send"_s, u"ctl-1"_s, u"set_led"_s, u"red"_s});
        QCOMPARE_EXIT(*notAssignment, 2);
        const auto noSuch = ctl({u"status"_s, u"NOSUCHTID"_s});
        QCOMPARE_EXIT(*noSuch, 1);
        const auto offlineDevice = ctl({u"send"_s, u"ghost-9"_s, u"set_led"_s, u"color=red"_s, u"--wait"_s});
        QCOMPARE_EXIT(*offlineDevice, 6); // nobody answers: unreachable after the retries
    }

    void approvalByAnotherUserThenResume()
    {
        const qsizetype executedBefore = executions(u"reboot"_s);
        const auto request = ctl({u"send"_s, u"ctl-3"_s, u"reboot"_s, u"--json"_s});
        QCOMPARE_EXIT(*request, 0);
        const Json pending = parseLine(request->out().trimmed());
        QCOMPARE(str(pending, "state"), u"awaiting-approval"_s);
        const QString tid = str(pending, "tid");

        const auto list = ctl({u"approvals"_s, u"list"_s, u"--json"_s}, u"bob"_s);
        QCOMPARE_EXIT(*list, 0);
        QVERIFY2(list->out().contains(tid), qPrintable(list->transcript()));
        const Json listed = parseLine(list->out().split(u'\n', Qt::SkipEmptyParts).last());
        QCOMPARE(str(listed, "requester"), u"alice"_s);

        const auto own = ctl({u"approvals"_s, u"approve"_s, tid});
        QCOMPARE_EXIT(*own, 1);
        QVERIFY2(own->err().contains(u"yours"_s), qPrintable(own->transcript()));
        const auto noReason = ctl({u"approvals"_s, u"reject"_s, tid}, u"bob"_s);
        QCOMPARE_EXIT(*noReason, 2);

        const auto approve = ctl({u"approvals"_s, u"approve"_s, tid, u"--reason"_s, u"planned"_s}, u"bob"_s);
        QCOMPARE_EXIT(*approve, 0);
        QTest::qWait(300);
        QCOMPARE(executions(u"reboot"_s),
                 executedBefore); // the requester's side sends it, and it is not running

        // alice's next fleetctl on the ledger takes the command over, meets the retained decision, sends it.
        const auto resumed = ctl({u"status"_s, tid, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*resumed, 0);
        QCOMPARE(str(parseLine(resumed->out().trimmed()), "state"), u"succeeded"_s);
        QCOMPARE(executions(u"reboot"_s), executedBefore + 1);

        const auto all = ctl({u"approvals"_s, u"list"_s, u"--all"_s}, u"bob"_s);
        QCOMPARE_EXIT(*all, 0);
        QVERIFY2(all->out().contains(tid) && all->out().contains(u"by bob"_s), qPrintable(all->transcript()));
        // ctl-3 rebooted: back online before the next test uses it.
        QVERIFY(QTest::qWaitFor(
            [this] {
                return ctl({u"devices"_s, u"--json"_s, u"--listen"_s, u"0"_s}, u"bob"_s)
                           ->out()
                           .count(u"\"online\""_s) == 6;
            },
            DefaultTimeoutMs));
    }

    void killedMidFlightIsRecovered()
    {
        const qsizetype executedBefore = executions(u"set_position"_s);
        ProgramProcess running(ctlExecutable(), environmentFor(u"alice"_s));
        QVERIFY(running.start(arguments(
            {u"send"_s, u"ctl-2"_s, u"set_position"_s, u"position=77"_s, u"--wait"_s}, u"alice"_s)));
        // Running on the device (heartbeats), as the ledger shows: then the console dies without a word.
        QString tid;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto list = ctl({u"status"_s, u"--json"_s, u"--limit"_s, u"1"_s});
                const Json e = parseLine(list->out().trimmed());
                if (str(e, "command") == "set_position"_L1 && str(e, "state") == "running"_L1)
                    tid = str(e, "tid");
                return !tid.isEmpty();
            },
            DefaultTimeoutMs));
        running.kill();
        QVERIFY(running.waitForExit());

        const auto resumed = ctl({u"status"_s, tid, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*resumed, 0);
        QCOMPARE(str(parseLine(resumed->out().trimmed()), "state"), u"succeeded"_s);
        QCOMPARE(executions(u"set_position"_s), executedBefore + 1); // ran once, whatever the restart
    }

    void rollbackUndoesACommandAndADesiredUpdate()
    {
        // The device's led before, as its shadow reports it; the command's rollback restores it.
        const auto first = ctl({u"send"_s, u"ctl-1"_s, u"set_led"_s, u"color=violet"_s, u"--wait"_s});
        QCOMPARE_EXIT(*first, 0);
        const auto set =
            ctl({u"send"_s, u"ctl-1"_s, u"set_led"_s, u"color=orange"_s, u"--wait"_s, u"--json"_s});
        QCOMPARE_EXIT(*set, 0);
        const QString tid = str(parseLine(set->out().trimmed()), "tid");
        const auto list = ctl({u"rollback"_s, u"list"_s, u"ctl-1"_s, u"--json"_s});
        QCOMPARE_EXIT(*list, 0);
        Json entry;
        for (const QString &line : list->out().split(u'\n', Qt::SkipEmptyParts)) {
            const Json e = parseLine(line);
            if (str(e, "tid") == tid)
                entry = e;
        }
        QVERIFY2(entry.is_object(), qPrintable(list->transcript()));
        QCOMPARE(QString::fromStdString(entry.at("before").at("led").get<std::string>()), u"violet"_s);
        const QString id = QString::number(entry.at("id").get<qint64>());
        const auto undo = ctl({u"rollback"_s, id, u"--wait"_s});
        QCOMPARE_EXIT(*undo, 0);
        QVERIFY2(undo->out().contains(u"violet"_s), qPrintable(undo->transcript()));
        const auto again = ctl({u"rollback"_s, id});
        QCOMPARE_EXIT(*again, 1);

        // A desired update through fleetctl shadow, undone: the previous desired values come back.
        const QString thing = u"rollback-thing"_s;
        const auto before = ctl({u"shadow"_s, u"update"_s, thing, u"{\"mode\":\"eco\",\"level\":1}"_s});
        QCOMPARE_EXIT(*before, 0);
        const auto update = ctl({u"shadow"_s, u"update"_s, thing, u"{\"mode\":\"boost\",\"extra\":true}"_s});
        QCOMPARE_EXIT(*update, 0);
        const QString out = update->out();
        const qsizetype at = out.indexOf(u"rollback entry "_s);
        QVERIFY2(at >= 0, qPrintable(update->transcript()));
        const QString desiredId = out.mid(at + 15).section(u' ', 0, 0);
        const auto undoUpdate = ctl({u"rollback"_s, desiredId});
        QCOMPARE_EXIT(*undoUpdate, 0);
        const auto get = ctl({u"shadow"_s, u"get"_s, thing, u"--json"_s});
        QCOMPARE_EXIT(*get, 0);
        const Json desired = parseLine(get->out().trimmed()).at("state").at("desired");
        QCOMPARE(QString::fromStdString(desired.dump()), u"{\"mode\":\"eco\",\"level\":1}"_s);
    }

    void desiredBatchToAGroupAndItsRollback()
    {
        const auto usage = ctl({u"shadow"_s, u"update"_s, u"--devices"_s, u"ctl-1,a+b"_s, u"{}"_s});
        QCOMPARE_EXIT(*usage, 2);
        const auto both = ctl(
            {u"shadow"_s, u"update"_s, u"--devices"_s, u"ctl-1"_s, u"--group"_s, u"g"_s, u"{\"limit\":5}"_s});
        QCOMPARE_EXIT(*both, 2);
        const auto nobody = ctl({u"shadow"_s, u"update"_s, u"--group"_s, u"nobody"_s, u"{\"limit\":5}"_s});
        QCOMPARE_EXIT(*nobody, 1);
        QVERIFY2(nobody->err().contains(u"No device is known to be in group nobody"_s),
                 qPrintable(nobody->transcript()));
        const auto help = ctl({u"shadow"_s, u"--help"_s});
        QVERIFY2(help->out().contains(u"--group GROUP DESIRED"_s), qPrintable(help->transcript()));
        // An Azure IoT Hub device has a twin: no shadow is written for it, alone or among others.
        const auto azure = ctl({u"shadow"_s, u"update"_s, u"--devices"_s, u"az-1"_s, u"{\"limit\":5}"_s});
        QCOMPARE_EXIT(*azure, 1);
        QVERIFY2(azure->err().contains(u"fleetctl twin update"_s), qPrintable(azure->transcript()));
        const auto single = ctl({u"shadow"_s, u"get"_s, u"az-1"_s});
        QCOMPARE_EXIT(*single, 2);
        QVERIFY2(single->err().contains(u"twin"_s), qPrintable(single->transcript()));

        // The group's members are found from their shadows; one line per device, then the summary.
        const auto batch =
            ctl({u"shadow"_s, u"update"_s, u"--group"_s, u"group-1"_s, u"{\"limit\":5}"_s, u"--json"_s});
        QCOMPARE_EXIT(*batch, 0);
        const QStringList lines = batch->out().split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 4, qPrintable(batch->transcript()));
        QStringList devices;
        for (const QString &line : lines.first(3)) {
            const Json e = parseLine(line);
            QCOMPARE(str(e, "status"), u"accepted"_s);
            devices.append(str(e, "device"));
        }
        devices.sort();
        QCOMPARE(devices, (QStringList{u"ctl-1"_s, u"ctl-2"_s, u"ctl-3"_s}));
        const Json summary = parseLine(lines.last());
        QCOMPARE(summary.value("accepted", 0), 3);
        const qint64 entry = summary.value("entry", qint64(0));
        QVERIFY(entry > 0);
        QVERIFY(desiredOf(u"ctl-2"_s).value("limit", 0) == 5);

        // ONE entry in the history, undone on every device by one rollback.
        const auto list = ctl({u"rollback"_s, u"list"_s});
        QCOMPARE_EXIT(*list, 0);
        QVERIFY2(list->out().contains(u"3 devices (group-1)"_s), qPrintable(list->transcript()));
        const auto undo = ctl({u"rollback"_s, QString::number(entry)});
        QCOMPARE_EXIT(*undo, 0);
        QCOMPARE(undo->out().count(u": restored"_s), 3);
        for (const QString &device : {u"ctl-1"_s, u"ctl-2"_s, u"ctl-3"_s})
            QVERIFY2(!desiredOf(device).contains("limit"), qPrintable(device));
        const auto again = ctl({u"rollback"_s, QString::number(entry)});
        QCOMPARE_EXIT(*again, 1);
    }

    void trafficTailsTheBroker()
    {
        const auto tail = ctl(
            {u"traffic"_s, u"--filter"_s, u"telemetry/ctl-1"_s, u"--count"_s, u"2"_s, u"--json"_s}, u"bob"_s);
        QCOMPARE_EXIT(*tail, 0);
        const QStringList lines = tail->out().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const Json message = parseLine(lines.first());
        QCOMPARE(str(message, "topic"), u"telemetry/ctl-1"_s);
        QVERIFY(parseLine(str(message, "payload")).contains("temperature"));
        const auto human =
            ctl({u"traffic"_s, u"--filter"_s, u"presence/+"_s, u"--count"_s, u"1"_s}, u"bob"_s);
        QCOMPARE_EXIT(*human, 0);
        QVERIFY2(human->out().contains(u"retained"_s), qPrintable(human->transcript()));
        const auto bad = ctl({u"traffic"_s, u"--filter"_s, u"a/#/b"_s}, u"bob"_s);
        QCOMPARE_EXIT(*bad, 2);
    }

    // The IoT Atlas design's topics, from a catalog: commands/{device} and commands/{device}/ack. A device
    // (here a plain MQTT client on a broker of its own, whose ACL allows those topics) answers there, and
    // fleetctl tracks the command to its verdict; one that answers in another format is reported as such.
    void catalogResponseTopicIsTracked()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QString catalogFile = m_dir.filePath(u"atlas-catalog.json"_s);
        QFile catalog(catalogFile);
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"version": 1, "commands": [
            {"name": "MOTOR_1_ON", "requestTopic": "commands/{device}", "responseTopic": "commands/{device}/ack",
             "timeoutMs": 1500, "retry": {"attempts": 1}}]})");
        catalog.close();

        fleet::MqttClient device;
        device.setProfile(fleet::test::profileFor(broker));
        QVERIFY(fleet::test::connectAndWait(device));
        bool garble = false;
        connect(&device, &fleet::MqttClient::messageReceived, &device, [&](const fleet::MqttMessage &m) {
            const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
            const QByteArray reply =
                garble
                    ? QByteArray("OK motor on")
                    : fleet::compactJsonBytes(Json{{"tid", request.value("tid", "")}, {"status", "SUCCESS"}});
            device.publish(fleet::MqttMessage(u"commands/motor-1/ack"_s, reply, 1));
        });
        device.subscribe(u"commands/motor-1"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, DefaultTimeoutMs));

        const QStringList base = {u"--broker"_s, broker.url(),  u"--catalog"_s,
                                  catalogFile,   u"--ledger"_s, m_dir.filePath(u"atlas-ledger.sqlite"_s)};
        const auto ok = ProgramProcess::run(
            ctlExecutable(),
            QStringList{u"send"_s, u"motor-1"_s, u"MOTOR_1_ON"_s, u"--wait"_s, u"--json"_s} + base);
        QCOMPARE_EXIT(*ok, 0);
        QCOMPARE(str(parseLine(ok->lines().value(0)), "state"), u"succeeded"_s);

        garble = true;
        const auto odd = ProgramProcess::run(
            ctlExecutable(), QStringList{u"send"_s, u"motor-1"_s, u"MOTOR_1_ON"_s, u"--wait"_s} + base);
        QCOMPARE_EXIT(*odd, 6);
        QVERIFY2(odd->out().contains(u"could not be read"_s), qPrintable(odd->transcript()));
        device.disconnectFromBroker();
    }

    // A broker restarted in the middle of `send --wait`: fleetctl reconnects, resubscribes and keeps
    // tracking (the retry, same tid, reaches the device) until its verdict, within its own --timeout.
    void ridesOutABrokerRestart()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QString catalogFile = writeCatalog(u"restart"_s, R"({"version": 1, "commands": [
            {"name": "ping", "timeoutMs": 1500, "retry": {"attempts": 5, "backoffBaseMs": 200,
             "backoffCapMs": 500}}]})");
        EchoDevice device(broker, /*ignoreFirst=*/1);
        QVERIFY(device.ready());
        auto ctl = std::make_unique<ProgramProcess>(ctlExecutable());
        QVERIFY(ctl->start({u"send"_s, u"rs-1"_s, u"ping"_s, u"--wait"_s, u"--timeout"_s, u"30"_s,
                            u"--broker"_s, broker.url(), u"--catalog"_s, catalogFile, u"--ledger"_s,
                            m_dir.filePath(u"restart.sqlite"_s)}));
        QVERIFY(QTest::qWaitFor([&] { return device.requests() == 1; }, DefaultTimeoutMs));
        QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
        QVERIFY2(ctl->waitForExit(30000), qPrintable(ctl->transcript()));
        QCOMPARE_EXIT(*ctl, 0);
        QVERIFY2(ctl->err().contains(u"reconnecting"_s), qPrintable(ctl->transcript()));
        QVERIFY2(ctl->out().contains(u"Succeeded"_s), qPrintable(ctl->transcript()));
        QVERIFY(device.requests() >= 2);
    }

    // A broadcast whose fleetctl gave up (--timeout) prints what it has, says how to go on, and is resumed
    // as a whole by its id: every unfinished part at once.
    void broadcastResumesByItsId()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QString catalogFile = writeCatalog(u"resume"_s, R"({"version": 1, "commands": [
            {"name": "ping", "timeoutMs": 3000, "retry": {"attempts": 3, "backoffBaseMs": 100}}]})");
        EchoDevice device(broker, /*ignoreFirst=*/3);
        QVERIFY(device.ready());
        const QStringList common = {u"--broker"_s, broker.url(),  u"--catalog"_s,
                                    catalogFile,   u"--ledger"_s, m_dir.filePath(u"resume.sqlite"_s)};
        const auto sent =
            ProgramProcess::run(ctlExecutable(), QStringList{u"send"_s, u"rb-1,rb-2,rb-3"_s, u"ping"_s,
                                                             u"--wait"_s, u"--timeout"_s, u"1"_s} +
                                                     common);
        QCOMPARE_EXIT(*sent, 4);
        QCOMPARE(sent->out().count(u"Sent"_s), 3); // every part as it stands
        const QString broadcastId = sent->lines().value(0).section(u' ', 1, 1);
        QVERIFY2(sent->out().startsWith(u"broadcast "_s), qPrintable(sent->transcript()));
        QVERIFY2(sent->err().contains(u"fleetctl status %1 --wait"_s.arg(broadcastId)),
                 qPrintable(sent->transcript()));

        const auto resumed = ProgramProcess::run(
            ctlExecutable(), QStringList{u"status"_s, broadcastId, u"--wait"_s, u"--json"_s} + common);
        QCOMPARE_EXIT(*resumed, 0);
        QCOMPARE(resumed->lines().size(), 3);
        for (const QString &line : resumed->lines())
            QCOMPARE(str(parseLine(line), "state"), u"succeeded"_s);
    }

    // A device's reply is hostile text: its reason reaches the terminal escaped, never as a control sequence
    // (here one that clears the screen, a C1 CSI and a bidi override), and --json stays the same JSON.
    void replyReasonIsPrintedEscaped()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        const QString catalogFile = writeCatalog(u"escape"_s, R"({"version": 1, "commands": [
            {"name": "ping", "timeoutMs": 3000, "retry": {"attempts": 1}}]})");
        const std::string reason = "\x1b[2Jwiped \xc2\x9b"
                                   "2J \xe2\x80\xae"; // ESC [2J, U+009B, U+202E
        fleet::MqttClient device;
        device.setProfile(fleet::test::profileFor(broker));
        QVERIFY(fleet::test::connectAndWait(device));
        connect(&device, &fleet::MqttClient::messageReceived, &device, [&](const fleet::MqttMessage &m) {
            const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
            const Json reply = {{"tid", request.value("tid", "")}, {"status", "FAILURE"}, {"reason", reason}};
            device.publish(fleet::MqttMessage(u"cmd/esc-1/resp"_s, fleet::compactJsonBytes(reply), 1));
        });
        device.subscribe(u"cmd/esc-1/req"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return fleet::test::subscriptionsGranted(device); }, DefaultTimeoutMs));
        const QStringList base = {u"--broker"_s, broker.url(),  u"--catalog"_s,
                                  catalogFile,   u"--ledger"_s, m_dir.filePath(u"escape-ledger.sqlite"_s)};
        const auto raw = [](const QString &text) {
            return text.contains(QChar(0x1b)) || text.contains(QChar(0x9b)) || text.contains(QChar(0x202e));
        };

        const auto sent = ProgramProcess::run(
            ctlExecutable(), QStringList{u"send"_s, u"esc-1"_s, u"ping"_s, u"--wait"_s, u"--json"_s} + base);
        QCOMPARE_EXIT(*sent, 5);
        QVERIFY2(!raw(sent->out()), qPrintable(sent->transcript()));
        const Json result = parseLine(sent->lines().value(0));
        QCOMPARE(str(result, "reason"), QString::fromStdString(reason));

        const auto status =
            ProgramProcess::run(ctlExecutable(), QStringList{u"status"_s, str(result, "id")} + base);
        QCOMPARE_EXIT(*status, 5);
        QVERIFY2(!raw(status->out()), qPrintable(status->transcript()));
        QVERIFY2(status->out().contains(uR"(reason: \x1b[2Jwiped \u009b2J \u202e)"_s),
                 qPrintable(status->transcript()));
        device.disconnectFromBroker();
    }

private:
    // A device for every id, on a broker of the test's own: answers SUCCESS to each request on
    // cmd/+/req after ignoring the first `ignoreFirst` of them.
    class EchoDevice
    {
    public:
        EchoDevice(const MosquittoBroker &broker, int ignoreFirst)
            : m_ignore(ignoreFirst)
        {
            m_client.setProfile(fleet::test::profileFor(broker));
            m_client.setAutoReconnect(true);
            m_client.setReconnectDelays(100, 500);
            QObject::connect(&m_client, &fleet::MqttClient::messageReceived, &m_client,
                             [this](const fleet::MqttMessage &m) {
                                 ++m_requests;
                                 if (m_requests <= m_ignore)
                                     return;
                                 const Json request = Json::parse(m.payload().toStdString(), nullptr, false);
                                 const QString device = m.topic().section(u'/', 1, 1);
                                 m_client.publish(fleet::MqttMessage(
                                     u"cmd/%1/resp"_s.arg(device),
                                     fleet::compactJsonBytes(
                                         Json{{"tid", request.value("tid", "")}, {"status", "SUCCESS"}}),
                                     1));
                             });
            m_client.subscribe(u"cmd/+/req"_s, 1);
            m_ready = fleet::test::connectAndWait(m_client) &&
                      QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(m_client); },
                                      DefaultTimeoutMs);
        }
        ~EchoDevice() { m_client.disconnectFromBroker(); }
        bool ready() const { return m_ready; }
        int requests() const { return m_requests; }

    private:
        fleet::MqttClient m_client;
        int m_ignore = 0;
        int m_requests = 0;
        bool m_ready = false;
    };

    QString writeCatalog(const QString &name, const char *json) const
    {
        QFile file(m_dir.filePath(name + u"-catalog.json"_s));
        if (file.open(QIODevice::WriteOnly))
            file.write(json);
        return file.fileName();
    }

    QString catalogPath() const { return m_dir.filePath(u"catalog.json"_s); }

    QStringList arguments(const QStringList &command, const QString &user) const
    {
        QStringList args = command;
        args << u"--broker"_s << m_fleet->broker().url() << u"--username"_s << user << u"--timeout"_s
             << u"20"_s;
        const QString word = command.value(0);
        if (word != "devices"_L1 && word != "traffic"_L1 && word != "shadow"_L1)
            args << u"--catalog"_s << catalogPath();
        return args;
    }

    QProcessEnvironment environmentFor(const QString &user) const
    {
        QProcessEnvironment environment = ProgramProcess::cleanEnvironment();
        environment.insert(u"FLEET_MQTT_PASSWORD"_s, Password);
        // Each user has their own data folder, so their own ledger: alice's console is not bob's.
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-"_s + user));
        return environment;
    }

    // One fleetctl run as user (alice by default), to its end. (Kept in a variable by the callers:
    // QCOMPARE_EXIT evaluates its argument more than once.)
    Json desiredOf(const QString &device) const
    {
        const auto get = ctl({u"shadow"_s, u"get"_s, device, u"--json"_s});
        const Json body = parseLine(get->out().trimmed());
        return body.is_object() && body.contains("state") && body.at("state").contains("desired")
                   ? body.at("state").at("desired")
                   : Json::object();
    }

    std::unique_ptr<ProgramProcess> ctl(const QStringList &command, const QString &user = u"alice"_s) const
    {
        return ProgramProcess::run(ctlExecutable(), arguments(command, user), {}, environmentFor(user));
    }

    // How many times the fleet ran a command, from its execution log.
    qsizetype executions(const QString &command) const
    {
        QFile log(m_dir.filePath(u"executions.log"_s));
        if (!log.open(QIODevice::ReadOnly))
            return 0;
        // One line per execution: time, device, tid and command, tab-separated.
        return QString::fromUtf8(log.readAll()).count(u'\t' + command + u'\n');
    }

    QTemporaryDir m_dir;
    std::unique_ptr<FleetFixture> m_fleet; // made by initTestCase, which reads the ACL its broker needs
    std::unique_ptr<ProgramProcess> m_sim;
};

QTEST_GUILESS_MAIN(TestFleetCtlCommands)
#include "tst_fleetctlcommands.moc"
