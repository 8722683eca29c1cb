// Devices written for Azure IoT Hub, unchanged: Microsoft's Node SDK (azure-iot-device over
// azure-iot-device-mqtt, driven by tests/node/azure-device.mjs) connects with its connection string to the
// TLS listener of a real mosquitto that loads the fleet_iothub plugin, served by a real fleet-hub. Twins,
// desired changes, direct methods and messages in both directions are checked from both ends: what the SDK
// hands its application, and what operators, the hub's account and the monitor see on the broker.

#include "common/json.h"
#include "dialects/azurepropertybag.h"
#include "mqtt/mqttclient.h"
#include "mqttpeer.h"
#include "programprocess.h"
#include "securedbroker.h"
#include "testutil.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using fleet::AzurePropertyBag;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;

namespace {

constexpr int TimeoutMs = 15000;
// Longer than any test function: the script's own watchdog ends a device the test forgot.
constexpr int WatchdogS = 90;

QString peersDirectory()
{
    return QStringLiteral(FLEET_NODE_PEERS);
}

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

// One device process (azure-device.mjs), driven one JSON line at a time.
class SdkDevice final
{
public:
    ~SdkDevice()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QString &node, const QString &connectionString, const QString &caFile)
    {
        // The script trusts only caFile; the machine's extra CAs must not hide a broken CA hand-over.
        QProcessEnvironment environment = fleet::test::ProgramProcess::cleanEnvironment();
        environment.remove(u"NODE_EXTRA_CA_CERTS"_s);
        m_process.setProcessEnvironment(environment);
        m_process.setWorkingDirectory(peersDirectory());
        m_process.start(node, {u"azure-device.mjs"_s, connectionString, caFile, QString::number(WatchdogS)});
        return m_process.waitForStarted(TimeoutMs);
    }

    void send(const Json &command) { m_process.write(QByteArray::fromStdString(command.dump() + '\n')); }

    // The first event not yet consumed that satisfies match; the events before it are consumed too. An SDK
    // error ends the wait at once (it is in describe()), unless match wants it.
    std::optional<Json> waitFor(const std::function<bool(const Json &)> &match, int timeoutMs = TimeoutMs)
    {
        std::optional<Json> found;
        bool failed = false;
        (void)QTest::qWaitFor(
            [&] {
                read();
                while (!m_events.empty()) {
                    Json event = std::move(m_events.front());
                    m_events.erase(m_events.begin());
                    m_seen.push_back(event.dump());
                    if (match(event)) {
                        found = std::move(event);
                        return true;
                    }
                    if (event.value("event", "") == "error") {
                        failed = true;
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            timeoutMs);
        return failed ? std::nullopt : found;
    }
    std::optional<Json> waitForEvent(const char *name, int timeoutMs = TimeoutMs)
    {
        return waitFor([name](const Json &e) { return e.value("event", "") == name; }, timeoutMs);
    }

    // close, then the script's "closed" and its exit with code 0.
    bool stop()
    {
        send({{"op", "close"}});
        m_process.closeWriteChannel();
        if (!waitForEvent("closed"))
            return false;
        // waitForFinished() is false for a process that has already ended.
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(TimeoutMs))
            return false;
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    // The last events and the script's stderr, for failure messages.
    QString describe()
    {
        read();
        QStringList lines;
        const std::size_t from = m_seen.size() > 8 ? m_seen.size() - 8 : 0;
        for (std::size_t i = from; i < m_seen.size(); ++i)
            lines << QString::fromStdString(m_seen[i]);
        if (lines.isEmpty())
            lines << u"(no event)"_s;
        const QString err = QString::fromUtf8(m_stderr).right(2000);
        if (!err.isEmpty())
            lines << u"stderr: "_s + err;
        return lines.join(u'\n');
    }

private:
    void read()
    {
        m_stderr += m_process.readAllStandardError();
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            Json event = parse(line);
            if (event.is_object())
                m_events.push_back(std::move(event));
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    std::vector<Json> m_events;
    std::vector<std::string> m_seen;
};

using Account = fleet::test::MqttPeer;

} // namespace

class TestAzureDeviceSdk final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    QString m_node;

    QString connectionString(const QString &device) const
    {
        return u"HostName=%1;DeviceId=%2;SharedAccessKey=%3;GatewayHostName=localhost:%4"_s.arg(
            m_stack.azureHostName(), device, m_stack.azureKey(device),
            QString::number(m_stack.broker().port()));
    }

    bool startDevice(SdkDevice &device, const QString &id)
    {
        return device.start(m_node, connectionString(id), m_stack.broker().caFile());
    }

    // alice's call and the hub's result for it (null when none came).
    static Json invoke(Account &alice, const QString &requestId, const Json &request)
    {
        if (!alice.publish(u"fleet/azure-methods/invoke/alice/"_s + requestId,
                           fleet::compactJsonBytes(request)))
            return {};
        // 504 comes after the call's own timeout (at least 5 s).
        for (int i = 0; i < 5; ++i) {
            const auto message = alice.take(u"fleet/azure-methods/results/alice"_s, 12000);
            if (!message)
                return {};
            const Json body = parse(message->payload());
            if (body.value("requestId", "") == requestId.toStdString())
                return body;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_node.isEmpty(), "node is not installed: ./fleet test installs it");
        QVERIFY2(QDir(peersDirectory() + u"/node_modules/azure-iot-device-mqtt"_s).exists(),
                 "tests/node has no node_modules: ./fleet test runs npm ci there");
        QString error;
        QVERIFY2(m_stack.start(1, &error, 3), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
    }

    void twinGetReportedAndDesired()
    {
        SdkDevice device;
        QVERIFY(startDevice(device, u"az-1"_s));
        device.send({{"op", "open"}});
        QVERIFY2(device.waitForEvent("connected"), qPrintable(device.describe()));

        device.send({{"op", "getTwin"}});
        auto twin = device.waitForEvent("twin");
        QVERIFY2(twin, qPrintable(device.describe()));
        QVERIFY2((*twin)["desired"] == Json::parse(R"({"$version":1})"), twin->dump().c_str());
        QVERIFY2((*twin)["reported"] == Json::parse(R"({"$version":1})"), twin->dump().c_str());

        device.send({{"op", "report"}, {"patch", {{"fw", "1.0"}}}});
        auto reported = device.waitForEvent("reported");
        QVERIFY2(reported && (*reported)["ok"] == Json(true), qPrintable(device.describe()));
        device.send({{"op", "getTwin"}});
        twin = device.waitForEvent("twin");
        QVERIFY2(twin, qPrintable(device.describe()));
        QVERIFY2((*twin)["reported"] == Json::parse(R"({"fw":"1.0","$version":2})"), twin->dump().c_str());

        // The cloud asks for a colour; the SDK hands over the patch as it came, version included.
        auto hub = m_stack.peer(u"hub"_s, {u"$fleet/twins/az-1/update/#"_s});
        QVERIFY(hub);
        QVERIFY(hub->publish(u"$fleet/twins/az-1/update"_s,
                             R"({"state":{"desired":{"led":"blue"}},"clientToken":"sdk-1"})"));
        const auto accepted = hub->take(u"$fleet/twins/az-1/update/"_s);
        QVERIFY(accepted);
        QCOMPARE(accepted->topic(), u"$fleet/twins/az-1/update/accepted"_s);
        const auto desired = device.waitFor([](const Json &e) {
            return e.value("event", "") == "desired" && e.value("source", "") == "patch";
        });
        QVERIFY2(desired, qPrintable(device.describe()));
        QVERIFY2((*desired)["patch"] == Json::parse(R"({"led":"blue","$version":2})"),
                 desired->dump().c_str());

        // The device does it and says so: an operator sees the delta closed.
        device.send({{"op", "report"}, {"patch", {{"led", "blue"}}}});
        reported = device.waitForEvent("reported");
        QVERIFY2(reported && (*reported)["ok"] == Json(true), qPrintable(device.describe()));
        auto alice = m_stack.peer(u"alice"_s, {u"$fleet/twins/az-1/get/#"_s});
        QVERIFY(alice);
        QVERIFY(alice->publish(u"$fleet/twins/az-1/get"_s, R"({"clientToken":"look"})"));
        const auto got = alice->take(u"$fleet/twins/az-1/get/"_s);
        QVERIFY(got);
        QCOMPARE(got->topic(), u"$fleet/twins/az-1/get/accepted"_s);
        const Json body = parse(got->payload());
        QVERIFY2(body["desired"]["led"] == Json("blue"), got->payload());
        QVERIFY2(body["reported"]["led"] == body["desired"]["led"], got->payload());
        QVERIFY2(body["reported"]["fw"] == Json("1.0"), got->payload());
        QVERIFY2(body["connected"] == Json(true), got->payload());

        QVERIFY2(device.stop(), qPrintable(device.describe()));
    }

    void methodCallAndResponse()
    {
        SdkDevice device;
        QVERIFY(startDevice(device, u"az-1"_s));
        device.send({{"op", "open"}});
        QVERIFY2(device.waitForEvent("connected"), qPrintable(device.describe()));
        device.send({{"op", "onMethod"},
                     {"name", "set_led"},
                     {"respond", {{"status", 200}, {"payload", {{"led", "on"}}}}}});
        // Left unanswered. A catalog command that is not sensitive: a method the catalog does not name is
        // judged like a free-form command, which the default catalog holds sensitive (403 below).
        device.send({{"op", "onMethod"}, {"name", "upload_log"}, {"respond", nullptr}});
        device.send({{"op", "onMethod"}, {"name", "slow"}, {"respond", nullptr}});
        // A round trip after the SDK subscribed to methods: the broker has the subscription once it answers.
        device.send({{"op", "getTwin"}});
        QVERIFY2(device.waitForEvent("twin"), qPrintable(device.describe()));

        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        QVERIFY(alice);
        Json result =
            invoke(*alice, u"sdk-m1"_s,
                   {{"deviceId", "az-1"}, {"methodName", "set_led"}, {"payload", {{"color", "red"}}}});
        const auto call = device.waitForEvent("method");
        QVERIFY2(call, qPrintable(device.describe()));
        QVERIFY((*call)["name"] == Json("set_led"));
        QVERIFY2((*call)["payload"] == Json::parse(R"({"color":"red"})"), call->dump().c_str());
        const auto responded = device.waitForEvent("methodResponded");
        QVERIFY2(responded && (*responded)["ok"] == Json(true), qPrintable(device.describe()));
        QVERIFY2(result["status"] == Json(200), result.dump().c_str());
        QVERIFY2(result["payload"] == Json::parse(R"({"led":"on"})"), result.dump().c_str());

        // Never answered: the hub gives up after the caller's timeout.
        result =
            invoke(*alice, u"sdk-m2"_s,
                   {{"deviceId", "az-1"}, {"methodName", "upload_log"}, {"responseTimeoutInSeconds", 5}});
        const auto slow = device.waitForEvent("method");
        QVERIFY2(slow && (*slow)["name"] == Json("upload_log"), qPrintable(device.describe()));
        QVERIFY2(result["status"] == Json(504), result.dump().c_str());
        result = invoke(*alice, u"sdk-m2b"_s,
                        {{"deviceId", "az-1"}, {"methodName", "slow"}, {"responseTimeoutInSeconds", 5}});
        QVERIFY2(result["status"] == Json(403), result.dump().c_str());

        // az-3 never connected; reboot is sensitive in the catalog and needs an approval.
        result = invoke(*alice, u"sdk-m3"_s, {{"deviceId", "az-3"}, {"methodName", "set_led"}});
        QVERIFY2(result["status"] == Json(404), result.dump().c_str());
        result = invoke(*alice, u"sdk-m4"_s, {{"deviceId", "az-1"}, {"methodName", "reboot"}});
        QVERIFY2(result["status"] == Json(403), result.dump().c_str());
        QVERIFY2(!device.waitForEvent("method", 500), qPrintable(device.describe()));

        QVERIFY2(device.stop(), qPrintable(device.describe()));
    }

    void twoDevicesAreIsolated()
    {
        SdkDevice one;
        SdkDevice two;
        QVERIFY(startDevice(one, u"az-1"_s));
        QVERIFY(startDevice(two, u"az-2"_s));
        for (auto *device : {&one, &two}) {
            device->send({{"op", "open"}});
            QVERIFY2(device->waitForEvent("connected"), qPrintable(device->describe()));
            device->send(
                {{"op", "onMethod"},
                 {"name", "set_led"},
                 {"respond", {{"status", 200}, {"payload", {{"by", device == &one ? "az-1" : "az-2"}}}}}});
            device->send({{"op", "getTwin"}});
            QVERIFY2(device->waitForEvent("twin"), qPrintable(device->describe()));
        }
        one.send({{"op", "report"}, {"patch", {{"who", "one"}}}});
        two.send({{"op", "report"}, {"patch", {{"who", "two"}}}});
        for (auto *device : {&one, &two}) {
            const auto reported = device->waitForEvent("reported");
            QVERIFY2(reported && (*reported)["ok"] == Json(true), qPrintable(device->describe()));
        }

        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        QVERIFY(alice);
        const Json result =
            invoke(*alice, u"sdk-iso-1"_s,
                   {{"deviceId", "az-2"}, {"methodName", "set_led"}, {"payload", {{"n", 2}}}});
        const auto call = two.waitForEvent("method");
        QVERIFY2(call, qPrintable(two.describe()));
        QVERIFY2((*call)["payload"] == Json::parse(R"({"n":2})"), call->dump().c_str());
        QVERIFY2(result["status"] == Json(200), result.dump().c_str());
        QVERIFY2(result["payload"] == Json::parse(R"({"by":"az-2"})"), result.dump().c_str());
        QVERIFY2(!one.waitForEvent("method", 1000), qPrintable(one.describe()));

        // Each twin GET answers with its own device's twin.
        one.send({{"op", "getTwin"}});
        two.send({{"op", "getTwin"}});
        const auto twinOne = one.waitForEvent("twin");
        const auto twinTwo = two.waitForEvent("twin");
        QVERIFY2(twinOne, qPrintable(one.describe()));
        QVERIFY2(twinTwo, qPrintable(two.describe()));
        QVERIFY2((*twinOne)["reported"]["who"] == Json("one"), twinOne->dump().c_str());
        // az-2 never had anything but its own report.
        QVERIFY2((*twinTwo)["reported"] == Json::parse(R"({"who":"two","$version":2})"),
                 twinTwo->dump().c_str());
        QVERIFY2((*twinTwo)["desired"] == Json::parse(R"({"$version":1})"), twinTwo->dump().c_str());

        QVERIFY2(one.stop(), qPrintable(one.describe()));
        QVERIFY2(two.stop(), qPrintable(two.describe()));
    }

    void deviceToCloudAndCloudToDevice()
    {
        auto monitor = m_stack.peer(u"monitor"_s, {u"devices/+/messages/events/#"_s});
        QVERIFY(monitor);
        SdkDevice device;
        QVERIFY(startDevice(device, u"az-1"_s));
        device.send({{"op", "open"}});
        QVERIFY2(device.waitForEvent("connected"), qPrintable(device.describe()));
        // A round trip after open: the SDK's cloud-to-device subscription is then in place.
        device.send({{"op", "getTwin"}});
        QVERIFY2(device.waitForEvent("twin"), qPrintable(device.describe()));

        device.send({{"op", "send"},
                     {"data", R"({"temp":21.5})"},
                     {"properties", {{"k", "v w"}, {"a&b", "c=d/e"}}},
                     {"messageId", "d2c-1"},
                     {"correlationId", "corr-1"},
                     {"contentType", "application/json"},
                     {"contentEncoding", "utf-8"}});
        const auto sent = device.waitForEvent("sent");
        QVERIFY2(sent && (*sent)["ok"] == Json(true), qPrintable(device.describe()));
        const auto event = monitor->take(u"devices/az-1/messages/events/"_s);
        QVERIFY(event);
        QCOMPARE(event->payload(), QByteArray(R"({"temp":21.5})"));
        const auto split =
            AzurePropertyBag::splitTopic(event->topic(), AzurePropertyBag::Direction::DeviceToCloud);
        QVERIFY2(split, qPrintable(event->topic()));
        QCOMPARE(split->first, u"az-1"_s);
        QString error;
        auto bag = AzurePropertyBag::decode(split->second, &error);
        QVERIFY2(bag, qPrintable(error + u" in "_s + event->topic()));
        using Properties = QList<QPair<QString, QString>>;
        // Compared sorted: the SDK's order is its own business.
        const auto sorted = [](Properties list) {
            std::sort(list.begin(), list.end());
            return list;
        };
        QCOMPARE(sorted(bag->system), sorted(Properties{{u"$.mid"_s, u"d2c-1"_s},
                                                        {u"$.cid"_s, u"corr-1"_s},
                                                        {u"$.ct"_s, u"application/json"_s},
                                                        {u"$.ce"_s, u"utf-8"_s}}));
        QCOMPARE(sorted(bag->application), sorted(Properties{{u"k"_s, u"v w"_s}, {u"a&b"_s, u"c=d/e"_s}}));

        auto hub = m_stack.peer(u"hub"_s);
        QVERIFY(hub);
        const QString c2d =
            u"devices/az-1/messages/devicebound/"_s +
            AzurePropertyBag::encode({{u"$.mid"_s, u"c2d-1"_s}, {u"$.cid"_s, u"corr"_s}, {u"k"_s, u"v+w"_s}});
        QVERIFY(hub->publish(c2d, "to the device"));
        const auto message = device.waitForEvent("c2d");
        QVERIFY2(message, qPrintable(device.describe()));
        QVERIFY2((*message)["data"] == Json("to the device"), message->dump().c_str());
        QVERIFY2((*message)["messageId"] == Json("c2d-1"), message->dump().c_str());
        QVERIFY2((*message)["correlationId"] == Json("corr"), message->dump().c_str());
        QVERIFY2((*message)["properties"] == Json::parse(R"({"k":"v+w"})"), message->dump().c_str());

        QVERIFY2(device.stop(), qPrintable(device.describe()));
    }

    void hubKilledMidway()
    {
        SdkDevice device;
        QVERIFY(startDevice(device, u"az-1"_s));
        device.send({{"op", "open"}});
        QVERIFY2(device.waitForEvent("connected"), qPrintable(device.describe()));
        device.send({{"op", "getTwin"}});
        QVERIFY2(device.waitForEvent("twin"), qPrintable(device.describe()));
        device.send({{"op", "report"}, {"patch", {{"n", 1}}}});
        auto reported = device.waitForEvent("reported");
        QVERIFY2(reported && (*reported)["ok"] == Json(true), qPrintable(device.describe()));
        device.send({{"op", "getTwin"}});
        auto twin = device.waitForEvent("twin");
        QVERIFY2(twin && (*twin)["reported"]["n"] == Json(1), qPrintable(device.describe()));
        const int before = (*twin)["reported"].value("$version", 0);
        QVERIFY(before > 1);

        m_stack.hub().kill();
        QVERIFY(m_stack.hub().waitForExit());
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));

        // The SDK kept its connection to the broker; the new hub answers it.
        device.send({{"op", "report"}, {"patch", {{"n", 2}}}});
        reported = device.waitForEvent("reported");
        QVERIFY2(reported && (*reported)["ok"] == Json(true), qPrintable(device.describe()));
        device.send({{"op", "getTwin"}});
        twin = device.waitForEvent("twin");
        QVERIFY2(twin, qPrintable(device.describe()));
        QVERIFY2((*twin)["reported"]["n"] == Json(2), twin->dump().c_str());
        QVERIFY2((*twin)["reported"]["$version"] == Json(before + 1), twin->dump().c_str());

        QVERIFY2(device.stop(), qPrintable(device.describe()));
    }
};

QTEST_GUILESS_MAIN(TestAzureDeviceSdk)
#include "tst_azuredevicesdk.moc"
