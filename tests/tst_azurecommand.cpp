// fleetctl's twin, method and c2d commands against a real mosquitto with the fleet_iothub plugin, a real
// fleet-hub (its Azure service and command gate) and an Azure device played by the test itself: what an
// operator types, the exit status a script branches on, and what reaches the device.

#include "common/json.h"
#include "mqtt/mqttclient.h"
#include "programprocess.h"
#include "securedbroker.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::ProgramProcess;

namespace {

constexpr int TimeoutMs = 15000;

Json parse(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

} // namespace

class TestAzureCommand final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    std::unique_ptr<MqttClient> m_device; // az-1, answering methods as the test says
    QList<MqttMessage> m_received;
    // The status and body az-1 answers a method with; no value: it does not answer.
    std::optional<std::pair<int, QByteArray>> m_answer{{200, R"({"ok":true})"}};

    std::unique_ptr<ProgramProcess> start(const QString &user, const QStringList &arguments)
    {
        auto environment = ProgramProcess::cleanEnvironment();
        environment.insert(u"FLEET_MQTT_PASSWORD"_s, m_stack.password(user));
        auto process = std::make_unique<ProgramProcess>(QStringLiteral(FLEET_CTL_EXECUTABLE), environment);
        process->start(QStringList{arguments.constFirst(), u"--broker"_s, m_stack.broker().url(), u"--ca"_s,
                                   m_stack.broker().caFile(), u"--username"_s, user, u"--ledger"_s,
                                   m_stack.filePath(user + u".ledger"_s)} +
                       arguments.mid(1));
        return process;
    }

    std::unique_ptr<ProgramProcess> run(const QString &user, const QStringList &arguments)
    {
        auto process = start(user, arguments);
        process->waitForExit(60000);
        return process;
    }

    std::optional<MqttMessage> received(const QString &prefix, int timeoutMs = TimeoutMs)
    {
        std::optional<MqttMessage> found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_received.size(); ++i) {
                    if (m_received.at(i).topic().startsWith(prefix)) {
                        found = m_received.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    // Bob approves alice's request, found by what its record holds.
    bool approveAlicesRequest(const QByteArray &needle)
    {
        auto bob = std::make_unique<MqttClient>();
        bob->setProfile(m_stack.profileFor(
            u"bob"_s, u"bob-approver-"_s + QString::number(QDateTime::currentMSecsSinceEpoch())));
        bob->setPassword(m_stack.password(u"bob"_s));
        QList<MqttMessage> seen;
        connect(bob.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) { seen.append(m); });
        QSignalSpy connected(bob.get(), &MqttClient::connected);
        bob->connectToBroker();
        if (!connected.wait(TimeoutMs))
            return false;
        bob->subscribe(u"fleet/gate/approvals/alice/#"_s, 1);
        QString id;
        Json record;
        const bool found = QTest::qWaitFor(
            [&] {
                for (const MqttMessage &m : std::as_const(seen)) {
                    if (m.payload().contains(needle) && m.payload().contains("\"pending\"")) {
                        id = m.topic().section(u'/', 4, 4);
                        record = Json::parse(m.payload().cbegin(), m.payload().cend(), nullptr, false);
                        return true;
                    }
                }
                return false;
            },
            TimeoutMs);
        if (!found)
            return false;
        QSignalSpy sent(bob.get(), &MqttClient::messageSent);
        bob->publish(
            u"fleet/gate/decisions/alice/%1/bob"_s.arg(id),
            fleet::compactJsonBytes({{"decision", "approve"}, {"digest", record.value("digest", "")}}), 1);
        return sent.wait(TimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(1, &error, 2), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));

        m_device = std::make_unique<MqttClient>();
        m_device->setProfile(m_stack.azureDeviceProfile(u"az-1"_s));
        m_device->setPassword(m_stack.azureToken(u"az-1"_s));
        connect(m_device.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
            m_received.append(m);
            if (m.topic().startsWith("$iothub/methods/POST/"_L1) && m_answer)
                m_device->publish(u"$iothub/methods/res/%1/?$rid=%2"_s.arg(m_answer->first)
                                      .arg(m.topic().section(u"$rid="_s, 1)),
                                  m_answer->second, 0);
        });
        QSignalSpy connected(m_device.get(), &MqttClient::connected);
        m_device->connectToBroker();
        QVERIFY(connected.wait(TimeoutMs));
        QSignalSpy granted(m_device.get(), &MqttClient::subscribed);
        for (const QString &filter :
             {u"$iothub/methods/POST/#"_s, u"$iothub/twin/PATCH/properties/desired/#"_s,
              u"devices/az-1/messages/devicebound/#"_s})
            m_device->subscribe(filter, 1);
        QVERIFY(QTest::qWaitFor([&] { return granted.size() == 3; }, TimeoutMs));
    }

    void twinGetAndUpdate()
    {
        auto get = run(u"alice"_s, {u"twin"_s, u"get"_s, u"az-1"_s, u"--json"_s});
        QCOMPARE(get->exitCode(), 0);
        Json twin = parse(get->out().trimmed());
        QVERIFY2(twin["desired"]["$version"] == Json(1), qPrintable(get->transcript()));
        QVERIFY(twin["connected"] == Json(true));

        auto update = run(u"alice"_s, {u"twin"_s, u"update"_s, u"az-1"_s, uR"({"fan":3})"_s});
        QVERIFY2(update->exitCode() == 0, qPrintable(update->transcript()));
        QVERIFY(update->out().contains(u"$version 2"_s));
        // Recorded in alice's rollback history, as a shadow change is.
        const QString out = update->out();
        const qsizetype at = out.indexOf(u"rollback entry "_s);
        QVERIFY2(at >= 0, qPrintable(update->transcript()));
        const QString fanEntry = out.mid(at + 15).section(u')', 0, 0);
        const auto patch = received(u"$iothub/twin/PATCH/properties/desired/"_s);
        QVERIFY(patch);
        QCOMPARE(patch->topic(), u"$iothub/twin/PATCH/properties/desired/?$version=2"_s);

        // A stale version, an unknown device: the hub's refusal, exit 1.
        auto stale =
            run(u"alice"_s, {u"twin"_s, u"update"_s, u"az-1"_s, uR"({"fan":4})"_s, u"--version"_s, u"1"_s});
        QCOMPARE(stale->exitCode(), 1);
        QVERIFY2(stale->err().contains(u"412"_s), qPrintable(stale->transcript()));
        auto unknown = run(u"alice"_s, {u"twin"_s, u"get"_s, u"az-9"_s});
        QCOMPARE(unknown->exitCode(), 1);

        // A sensitive key is held; with --wait, fleetctl follows it to the hub's acceptance.
        auto held =
            start(u"alice"_s, {u"twin"_s, u"update"_s, u"az-1"_s, uR"({"motor":"on"})"_s, u"--wait"_s});
        QVERIFY(held->waitForError(u"held for an approval"_s));
        QVERIFY(!received(u"$iothub/twin/PATCH/properties/desired/"_s, 500));
        QVERIFY(approveAlicesRequest("motor"));
        QVERIFY(held->waitForExit(TimeoutMs));
        QVERIFY2(held->exitCode() == 0, qPrintable(held->transcript()));
        QVERIFY(received(u"$iothub/twin/PATCH/properties/desired/?$version=3"_s));

        // Rolling the first change back removes fan again (it had none), and leaves motor alone.
        auto list = run(u"alice"_s, {u"rollback"_s, u"list"_s, u"az-1"_s, u"--json"_s});
        QVERIFY2(list->out().contains(u"\"twinDesired\""_s), qPrintable(list->transcript()));
        auto undo = run(u"alice"_s, {u"rollback"_s, fanEntry});
        QVERIFY2(undo->exitCode() == 0, qPrintable(undo->transcript()));
        const auto restored = received(u"$iothub/twin/PATCH/properties/desired/?$version=4"_s);
        QVERIFY(restored);
        const Json restoredPatch = parse(QString::fromUtf8(restored->payload()));
        QVERIFY2(restoredPatch.contains("fan") && restoredPatch["fan"].is_null(),
                 restored->payload().constData());
        QVERIFY(!restoredPatch.contains("motor"));
        auto again = run(u"alice"_s, {u"rollback"_s, fanEntry});
        QCOMPARE(again->exitCode(), 1);
        QVERIFY2(again->err().contains(u"already rolled back"_s), qPrintable(again->transcript()));
    }

    void directMethods()
    {
        auto call = run(u"alice"_s, {u"method"_s, u"az-1"_s, u"set_led"_s, u"--payload"_s,
                                     uR"({"color":"red"})"_s, u"--wait"_s, u"--json"_s});
        QVERIFY2(call->exitCode() == 0, qPrintable(call->transcript()));
        const Json result = parse(call->out().trimmed());
        QVERIFY(result["status"] == Json(200));
        QVERIFY(result["payload"] == Json::parse(R"({"ok":true})"));
        const auto request = received(u"$iothub/methods/POST/set_led/"_s);
        QVERIFY(request);
        QCOMPARE(request->payload(), QByteArray(R"({"color":"red"})"));

        // The device's own failure status, a device that is not connected, one that does not answer.
        m_answer = {{500, R"({"message":"led broken"})"}};
        QCOMPARE(run(u"alice"_s, {u"method"_s, u"az-1"_s, u"set_led"_s, u"--wait"_s})->exitCode(), 5);
        QCOMPARE(run(u"alice"_s, {u"method"_s, u"az-2"_s, u"set_led"_s, u"--wait"_s})->exitCode(), 6);
        m_answer.reset();
        auto silent =
            run(u"alice"_s, {u"method"_s, u"az-1"_s, u"upload_log"_s, u"--timeout"_s, u"5"_s, u"--wait"_s});
        QCOMPARE(silent->exitCode(), 6);
        QVERIFY2(silent->out().contains(u"504"_s), qPrintable(silent->transcript()));
        m_answer = {{200, R"({"ok":true})"}};

        // A sensitive method waits for bob, then runs.
        auto reboot = start(u"alice"_s, {u"method"_s, u"az-1"_s, u"reboot"_s, u"--wait"_s});
        QVERIFY(reboot->waitForError(u"held for an approval"_s));
        QVERIFY(approveAlicesRequest("reboot"));
        QVERIFY(reboot->waitForExit(TimeoutMs));
        QVERIFY2(reboot->exitCode() == 0, qPrintable(reboot->transcript()));
        QVERIFY(received(u"$iothub/methods/POST/reboot/"_s));
    }

    // The catalog's commands reach an Azure device as direct methods (its profile's dialect): fleetctl send
    // and the console's composer go through the command tracker, with verdicts from the method's status.
    void catalogCommandsAsDirectMethods()
    {
        m_received.clear();
        // What the device reports in its twin is what the command's inverse restores.
        m_device->subscribe(u"$iothub/twin/res/#"_s, 1);
        m_device->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=r1"_s, R"({"led":"off"})", 0);
        QVERIFY(received(u"$iothub/twin/res/204/?$rid=r1"_s));

        auto led = run(u"alice"_s, {u"send"_s, u"az-1"_s, u"set_led"_s, u"color=green"_s, u"--wait"_s});
        QVERIFY2(led->exitCode() == 0, qPrintable(led->transcript()));
        const auto request = received(u"$iothub/methods/POST/set_led/"_s);
        QVERIFY(request);
        QCOMPARE(request->payload(), QByteArray(R"({"color":"green"})"));
        auto history = run(u"alice"_s, {u"rollback"_s, u"list"_s});
        QVERIFY2(history->out().contains(uR"(set_led {"color":"green"} (before: {"led":"off"}))"_s),
                 qPrintable(history->transcript()));
        // The twin changes of twinGetAndUpdate() came before it in alice's history.
        QString entry;
        auto listed = run(u"alice"_s, {u"rollback"_s, u"list"_s, u"--json"_s});
        for (const QString &line : listed->out().split(u'\n', Qt::SkipEmptyParts)) {
            const Json e = parse(line);
            if (e.value("command", "") == "set_led")
                entry = QString::number(e.value("id", 0));
        }
        QVERIFY2(!entry.isEmpty(), qPrintable(listed->transcript()));
        auto rollback = run(u"alice"_s, {u"rollback"_s, entry, u"--wait"_s});
        QVERIFY2(rollback->exitCode() == 0, qPrintable(rollback->transcript()));
        const auto inverse = received(u"$iothub/methods/POST/set_led/"_s);
        QVERIFY(inverse);
        QCOMPARE(inverse->payload(), QByteArray(R"({"color":"off"})"));

        // The device's failure status is a failed command; a device that is not connected, unreachable.
        m_answer = {{500, R"({"message":"led broken"})"}};
        auto failed =
            run(u"alice"_s, {u"send"_s, u"az-1"_s, u"set_led"_s, u"color=red"_s, u"--wait"_s, u"--json"_s});
        QVERIFY2(failed->exitCode() == 5, qPrintable(failed->transcript()));
        // The verdict says why, in the device's words.
        QVERIFY2(failed->out().contains(u"status 500: led broken"_s), qPrintable(failed->transcript()));
        m_answer = {{200, R"({"ok":true})"}};
        auto offline = run(u"alice"_s, {u"send"_s, u"az-2"_s, u"set_led"_s, u"color=red"_s, u"--wait"_s});
        QVERIFY2(offline->exitCode() == 6, qPrintable(offline->transcript()));

        // A sensitive one is held by the gate until bob approves.
        auto reboot = start(u"alice"_s, {u"send"_s, u"az-1"_s, u"reboot"_s, u"--wait"_s});
        QVERIFY(approveAlicesRequest("reboot"));
        QVERIFY(reboot->waitForExit(TimeoutMs));
        QVERIFY2(reboot->exitCode() == 0, qPrintable(reboot->transcript()));
        QVERIFY(received(u"$iothub/methods/POST/reboot/"_s));
    }

    void cloudToDevice()
    {
        auto message = start(u"alice"_s, {u"c2d"_s, u"az-1"_s, u"hello there"_s, u"--property"_s, u"k=v w"_s,
                                          u"--message-id"_s, u"m-1"_s, u"--content-type"_s, u"text/plain"_s,
                                          u"--wait"_s});
        // Free-form, so held under the default catalog.
        QVERIFY(message->waitForError(u"held for an approval"_s));
        QVERIFY(approveAlicesRequest("devicebound"));
        QVERIFY(message->waitForExit(TimeoutMs));
        QVERIFY2(message->exitCode() == 0, qPrintable(message->transcript()));
        const auto delivered = received(u"devices/az-1/messages/devicebound/"_s);
        QVERIFY(delivered);
        QCOMPARE(delivered->payload(), QByteArray("hello there"));
        QCOMPARE(delivered->topic(),
                 u"devices/az-1/messages/devicebound/$.mid=m-1&$.ct=text%2Fplain&k=v%20w"_s);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("method without a name") << QStringList{u"method"_s, u"az-1"_s};
        QTest::newRow("method timeout too short")
            << QStringList{u"method"_s, u"az-1"_s, u"x"_s, u"--timeout"_s, u"2"_s};
        QTest::newRow("method payload not JSON")
            << QStringList{u"method"_s, u"az-1"_s, u"x"_s, u"--payload"_s, u"{"_s};
        QTest::newRow("twin update with an array")
            << QStringList{u"twin"_s, u"update"_s, u"az-1"_s, u"[1]"_s};
        QTest::newRow("twin update with a bad key")
            << QStringList{u"twin"_s, u"update"_s, u"az-1"_s, uR"({"a.b":1})"_s};
        QTest::newRow("twin without an action") << QStringList{u"twin"_s, u"az-1"_s};
        QTest::newRow("c2d bad property")
            << QStringList{u"c2d"_s, u"az-1"_s, u"x"_s, u"--property"_s, u"novalue"_s};
        QTest::newRow("device id with a wildcard") << QStringList{u"twin"_s, u"get"_s, u"az-+"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        auto process = run(u"alice"_s, arguments);
        QVERIFY2(process->exitCode() == 2, qPrintable(process->transcript()));
    }
};

QTEST_GUILESS_MAIN(TestAzureCommand)
#include "tst_azurecommand.moc"
