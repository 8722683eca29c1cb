// Azure IoT Hub's device side on a real mosquitto that loads the fleet_iothub plugin, served by a real
// fleet-hub: twins, desired changes, direct methods, and the isolation between devices that IoT Hub gets
// from separate connections and a shared broker must get from the plugin. Each rule is attacked with real
// clients: other devices, accounts reusing a device's client id, tokens that must not open a device.

#include "common/json.h"
#include "dialects/azuresas.h"
#include "mqtt/mqttclient.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "testutil.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using fleet::AzureSas;
using fleet::BrokerProfile;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;

namespace {

constexpr int TimeoutMs = 10000;

Json parse(const QByteArray &bytes)
{
    return Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
}

using Peer = fleet::test::MqttPeer;

} // namespace

class TestAzureHubService final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    Peer m_monitor;

    QString token(const QString &device, const QString &key, qint64 lifetimeS = 3600,
                  const QString &host = {}) const
    {
        const QString hub = host.isEmpty() ? m_stack.azureHostName() : host;
        return AzureSas::token(key.toLatin1(), AzureSas::resourceUri(hub, device),
                               QDateTime::currentSecsSinceEpoch() + lifetimeS);
    }

    // Connects as an Azure device the way Microsoft's SDK does (MQTT 3.1.1, client id = device id, the
    // IoT Hub username, a SAS token as password, clean session off), or fails to.
    std::optional<Peer> connectDevice(const QString &clientId, const QString &username,
                                      const QString &password, const QStringList &filters = {})
    {
        Peer peer;
        peer.client = std::make_unique<MqttClient>();
        BrokerProfile profile = m_stack.profileFor(username, clientId);
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        profile.cleanStart = false;
        peer.client->setProfile(profile);
        peer.client->setPassword(password);
        connect(peer.client.get(), &MqttClient::messageReceived, this,
                [seen = peer.seen](const MqttMessage &m) { seen->append(m); });
        QSignalSpy connected(peer.client.get(), &MqttClient::connected);
        QSignalSpy failed(peer.client.get(), &MqttClient::errorOccurred);
        peer.client->connectToBroker();
        if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, TimeoutMs) ||
            connected.isEmpty()) {
            peer.client->disconnectFromBroker();
            return std::nullopt;
        }
        QSignalSpy granted(peer.client.get(), &MqttClient::subscribed);
        for (const QString &filter : filters)
            peer.client->subscribe(filter, 1);
        if (!QTest::qWaitFor([&] { return granted.size() == filters.size(); }, TimeoutMs))
            return std::nullopt;
        return peer;
    }

    std::optional<Peer> device(const QString &id, const QStringList &filters = {
                                                      u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                                                      u"$iothub/twin/PATCH/properties/desired/#"_s})
    {
        return connectDevice(id, u"%1/%2/?api-version=2021-04-12"_s.arg(m_stack.azureHostName(), id),
                             token(id, m_stack.azureKey(id)), filters);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(1, &error, 3), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        auto monitor =
            m_stack.peer(u"monitor"_s, {u"$fleet/twins/#"_s, u"$fleet/iothub-presence/#"_s, u"#"_s});
        QVERIFY(monitor);
        m_monitor = std::move(*monitor);
    }

    void twinGetAndReportedPatch()
    {
        auto az1 = device(u"az-1"_s);
        QVERIFY(az1);
        QVERIFY(az1->publish(u"$iothub/twin/GET/?$rid=1"_s, " ", 0));
        auto reply = az1->take(u"$iothub/twin/res/"_s);
        QVERIFY(reply);
        QCOMPARE(reply->topic(), u"$iothub/twin/res/200/?$rid=1"_s);
        const Json fresh = parse(reply->payload());
        QVERIFY2(fresh == Json::parse(R"({"desired":{"$version":1},"reported":{"$version":1}})"),
                 reply->payload());

        QVERIFY(az1->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=2"_s,
                             R"({"fw":"1.2","temp":{"c":21}})", 0));
        reply = az1->take(u"$iothub/twin/res/"_s);
        QVERIFY(reply);
        QCOMPARE(reply->topic(), u"$iothub/twin/res/204/?$rid=2&$version=2"_s);

        // null removes a member; the merge keeps the rest.
        QVERIFY(az1->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=3"_s,
                             R"({"fw":null,"temp":{"f":70}})", 0));
        reply = az1->take(u"$iothub/twin/res/"_s);
        QVERIFY(reply);
        QCOMPARE(reply->topic(), u"$iothub/twin/res/204/?$rid=3&$version=3"_s);
        QVERIFY(az1->publish(u"$iothub/twin/GET/?$rid=4"_s, " ", 0));
        reply = az1->take(u"$iothub/twin/res/200/?$rid=4"_s);
        QVERIFY(reply);
        QVERIFY2(parse(reply->payload())["reported"] ==
                     Json::parse(R"({"temp":{"c":21,"f":70},"$version":3})"),
                 reply->payload());

        // Consoles watch the whole twin after each change.
        const auto document = m_monitor.take(u"$fleet/twins/az-1/documents"_s);
        QVERIFY(document);
        QVERIFY(parse(document->payload())["changed"] == Json("reported"));
        az1->client->disconnectFromBroker();
    }

    void badReportedPatchesAreRefusedWithAReason()
    {
        auto az1 = device(u"az-1"_s);
        QVERIFY(az1);
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        const QByteArray bomb = QByteArray(200000, '[') + QByteArray(200000, ']');
        const QByteArray big = "{\"blob\":\"" + QByteArray(40 * 1024, 'x') + "\"}";
        const QList<std::pair<QByteArray, QByteArray>> cases = {
            {"not json", "JSON"},
            {deep, "deep"},
            {bomb, "bytes"},
            {big, "bytes"},
            {R"({"a.b":1})", "a.b"},
            {R"({"$version":7})", "$version"},
            {R"([1,2])", "object"},
            {R"({"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":{"k":{"l":1}}}}}}}}}}}})", "deeper"},
        };
        int rid = 100;
        for (const auto &[payload, why] : cases) {
            ++rid;
            QVERIFY(az1->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=%1"_s.arg(rid), payload, 0));
            const auto reply = az1->take(u"$iothub/twin/res/"_s);
            QVERIFY2(reply, payload.left(40).constData());
            QCOMPARE(reply->topic(), u"$iothub/twin/res/400/?$rid=%1"_s.arg(rid));
            const Json body = parse(reply->payload());
            // Microsoft's SDK fails a request only when the body has an errorCode.
            QVERIFY(body["errorCode"] == Json(400004));
            QVERIFY2(QByteArray::fromStdString(body["message"].get<std::string>()).contains(why),
                     reply->payload());
        }
        // The twin is as it was, and the hub still answers.
        QVERIFY(az1->publish(u"$iothub/twin/GET/?$rid=200"_s, " ", 0));
        const auto reply = az1->take(u"$iothub/twin/res/200/?$rid=200"_s);
        QVERIFY(reply);
        QVERIFY(parse(reply->payload())["reported"]["$version"] == Json(3));
        az1->client->disconnectFromBroker();
    }

    void eachDeviceSeesOnlyItsOwnTraffic()
    {
        auto az1 = device(u"az-1"_s);
        auto az2 = device(u"az-2"_s, {u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                                      u"$iothub/twin/PATCH/properties/desired/#"_s,
                                      u"devices/az-2/messages/devicebound/#"_s});
        QVERIFY(az1);
        QVERIFY(az2);
        QVERIFY(az1->publish(u"$iothub/twin/GET/?$rid=same"_s, " ", 0));
        QVERIFY(az2->publish(u"$iothub/twin/GET/?$rid=same"_s, " ", 0));
        const auto one = az1->take(u"$iothub/twin/res/200/?$rid=same"_s);
        const auto two = az2->take(u"$iothub/twin/res/200/?$rid=same"_s);
        QVERIFY(one);
        QVERIFY(two);
        // az-1 reported earlier; az-2 never did: each got its own twin, and only one reply.
        QVERIFY(parse(one->payload())["reported"]["$version"] == Json(3));
        QVERIFY(parse(two->payload())["reported"]["$version"] == Json(1));
        QTest::qWait(300);
        QCOMPARE(az1->count(u"$iothub/twin/res/"_s), 0);
        QCOMPARE(az2->count(u"$iothub/twin/res/"_s), 0);

        // A device may not subscribe to another's cloud-to-device messages, nor publish as another.
        QSignalSpy refused(az2->client.get(), &MqttClient::subscriptionFailed);
        az2->client->subscribe(u"devices/az-1/messages/devicebound/#"_s, 1);
        az2->client->subscribe(u"$fleet/#"_s, 1);
        az2->client->subscribe(u"#"_s, 1);
        QVERIFY(QTest::qWaitFor([&] { return refused.size() == 3; }, TimeoutMs));
        QVERIFY(az2->publish(u"devices/az-1/messages/events/"_s, "forged"));
        QVERIFY(az2->publish(u"devices/az-2/messages/events/%24.mid=m1&k=v"_s, "mine"));
        QVERIFY(m_monitor.take(u"devices/az-2/messages/events/"_s));
        QCOMPARE(m_monitor.count(u"devices/az-1/messages/events/"_s), 0);

        // A twin reply or method call forged by a device or an operator reaches nobody.
        auto alice = m_stack.peer(u"alice"_s);
        QVERIFY(alice);
        QVERIFY(alice->publish(u"$fleet/iothub-to/az-1/methods/POST/reboot/?$rid=9"_s, "{}"));
        QVERIFY(alice->publish(u"$iothub/methods/POST/reboot/?$rid=9"_s, "{}"));
        QVERIFY(az2->publish(u"$fleet/iothub-to/az-1/methods/POST/reboot/?$rid=9"_s, "{}"));
        auto hub = m_stack.peer(u"hub"_s);
        QVERIFY(hub);
        QVERIFY(hub->publish(u"devices/az-1/messages/devicebound/%24.mid=c1"_s, "for az-1"));
        QVERIFY(hub->publish(u"devices/az-2/messages/devicebound/%24.mid=c2"_s, "for az-2"));
        QVERIFY(az2->take(u"devices/az-2/messages/devicebound/%24.mid=c2"_s));
        QCOMPARE(az1->count(u"$iothub/methods/"_s), 0);
        QCOMPARE(az2->count(u"devices/az-1/"_s), 0);
        QCOMPARE(az2->count(u"$fleet/"_s), 0);
        az1->client->disconnectFromBroker();
        az2->client->disconnectFromBroker();
    }

    void signInsThatMustFail_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        const QString host = u"fleet.local"_s;
        const QString user1 = host + u"/az-1/?api-version=2021-04-12"_s;
        const QString key1 = m_stack.azureKey(u"az-1"_s);
        const QString key2 = m_stack.azureKey(u"az-2"_s);
        QTest::newRow("another device's key") << u"az-1"_s << user1 << token(u"az-1"_s, key2);
        QTest::newRow("another device's token") << u"az-1"_s << user1 << token(u"az-2"_s, key2);
        QTest::newRow("expired") << u"az-1"_s << user1 << token(u"az-1"_s, key1, -10);
        QTest::newRow("another hub") << u"az-1"_s << u"other.hub/az-1/?api-version=2021-04-12"_s
                                     << token(u"az-1"_s, key1, 3600, u"other.hub"_s);
        QTest::newRow("username names another device")
            << u"az-1"_s << host + u"/az-2/?api-version=2021-04-12"_s << token(u"az-1"_s, key1);
        QTest::newRow("not a token") << u"az-1"_s << user1 << u"hunter2"_s;
        // An account that reuses an Azure device's client id would take over its session and its queued
        // cloud-to-device messages.
        QTest::newRow("an account's password") << u"az-1"_s << u"alice"_s << m_stack.password(u"alice"_s);
        QTest::newRow("the hub's password") << u"az-2"_s << u"hub"_s << m_stack.password(u"hub"_s);
    }

    void signInsThatMustFail()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, username);
        QFETCH(QString, password);
        // The device is connected: a failed sign-in must not disconnect it either.
        auto real = device(clientId);
        QVERIFY(real);
        QSignalSpy lost(real->client.get(), &MqttClient::disconnected);
        QVERIFY(!connectDevice(clientId, username, password));
        QTest::qWait(200);
        QCOMPARE(lost.size(), 0);
        real->client->disconnectFromBroker();
    }

    void desiredChangesReachTheDevice()
    {
        auto az3 = device(u"az-3"_s);
        QVERIFY(az3);
        auto hub = m_stack.peer(u"hub"_s, {u"$fleet/twins/az-3/update/#"_s});
        auto alice = m_stack.peer(u"alice"_s, {u"$fleet/twins/az-3/#"_s});
        QVERIFY(hub);
        QVERIFY(alice);
        // Operators may not write desired state themselves: the gate relays (or holds) their changes.
        QVERIFY(alice->publish(u"$fleet/twins/az-3/update"_s, R"({"state":{"desired":{"fan":9}}})"));
        QVERIFY(!alice->take(u"$fleet/twins/az-3/update/"_s, 500));
        QCOMPARE(az3->count(u"$iothub/twin/PATCH/"_s), 0);

        QVERIFY(hub->publish(u"$fleet/twins/az-3/update"_s,
                             R"({"state":{"desired":{"fan":2,"mode":{"eco":true}}},"clientToken":"c1"})"));
        const auto accepted = hub->take(u"$fleet/twins/az-3/update/accepted"_s);
        QVERIFY(accepted);
        QVERIFY2(
            parse(accepted->payload()) ==
                Json::parse(R"({"desired":{"fan":2,"mode":{"eco":true},"$version":2},"clientToken":"c1"})"),
            accepted->payload());
        const auto patch = az3->take(u"$iothub/twin/PATCH/properties/desired/"_s);
        QVERIFY(patch);
        QCOMPARE(patch->topic(), u"$iothub/twin/PATCH/properties/desired/?$version=2"_s);
        QVERIFY(parse(patch->payload()) == Json::parse(R"({"fan":2,"mode":{"eco":true},"$version":2})"));

        // A change based on an older version is refused; so is one that writes reported properties.
        QVERIFY(
            hub->publish(u"$fleet/twins/az-3/update"_s, R"({"state":{"desired":{"fan":3}},"version":1})"));
        auto rejected = hub->take(u"$fleet/twins/az-3/update/rejected"_s);
        QVERIFY(rejected);
        QVERIFY(parse(rejected->payload())["code"] == Json(412));
        QVERIFY(hub->publish(u"$fleet/twins/az-3/update"_s, R"({"state":{"reported":{"fan":3}}})"));
        rejected = hub->take(u"$fleet/twins/az-3/update/rejected"_s);
        QVERIFY(rejected);
        QVERIFY(parse(rejected->payload())["code"] == Json(400));
        QVERIFY(hub->publish(u"$fleet/twins/az-9/update"_s, R"({"state":{"desired":{"fan":3}}})"));
        QTest::qWait(300);

        // An operator reads the twin directly.
        QVERIFY(alice->publish(u"$fleet/twins/az-3/get"_s, R"({"clientToken":"g1"})"));
        const auto got = alice->take(u"$fleet/twins/az-3/get/accepted"_s);
        QVERIFY(got);
        const Json twin = parse(got->payload());
        QVERIFY(twin["desired"]["$version"] == Json(2));
        QVERIFY(twin["connected"] == Json(true));
        QVERIFY(twin["clientToken"] == Json("g1"));
        az3->client->disconnectFromBroker();
        QVERIFY(m_monitor.take(u"$fleet/iothub-presence/az-3"_s));
    }

    void directMethods()
    {
        auto az1 = device(u"az-1"_s);
        QVERIFY(az1);
        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        QVERIFY(alice);
        const auto invoke = [&](const QString &id, const Json &request) {
            return alice->publish(u"fleet/azure-methods/invoke/alice/"_s + id,
                                  fleet::compactJsonBytes(request));
        };
        const auto result = [&](const QString &id) -> Json {
            for (int i = 0; i < 5; ++i) {
                const auto message = alice->take(u"fleet/azure-methods/results/alice"_s, 12000);
                if (!message)
                    return {};
                const Json body = parse(message->payload());
                if (body.value("requestId", "") == id.toStdString())
                    return body;
            }
            return {};
        };

        // A call and its answer.
        QVERIFY(invoke(u"m1"_s,
                       {{"deviceId", "az-1"}, {"methodName", "set_led"}, {"payload", {{"color", "red"}}}}));
        const auto call = az1->take(u"$iothub/methods/POST/set_led/"_s);
        QVERIFY(call);
        QVERIFY(parse(call->payload()) == Json::parse(R"({"color":"red"})"));
        const QString rid = call->topic().section(u"$rid="_s, 1);
        QVERIFY(!rid.isEmpty());
        QVERIFY(az1->publish(u"$iothub/methods/res/200/?$rid="_s + rid, R"({"led":"red"})", 0));
        Json answer = result(u"m1"_s);
        QVERIFY(answer["status"] == Json(200));
        QVERIFY(answer["payload"] == Json::parse(R"({"led":"red"})"));

        // Another device cannot answer for it.
        QVERIFY(invoke(u"m2"_s,
                       {{"deviceId", "az-1"}, {"methodName", "set_led"}, {"responseTimeoutInSeconds", 5}}));
        const auto unanswered = az1->take(u"$iothub/methods/POST/set_led/"_s);
        QVERIFY(unanswered);
        QCOMPARE(unanswered->payload(), QByteArray("null"));
        auto az2 = device(u"az-2"_s);
        QVERIFY(az2);
        QVERIFY(az2->publish(u"$iothub/methods/res/200/?$rid="_s + unanswered->topic().section(u"$rid="_s, 1),
                             "{}", 0));
        answer = result(u"m2"_s);
        QVERIFY(answer["status"] == Json(504));

        // Offline, sensitive, malformed.
        az2->client->disconnectFromBroker();
        QVERIFY(m_monitor.take(u"$fleet/iothub-presence/az-2"_s));
        QVERIFY(invoke(u"m3"_s, {{"deviceId", "az-2"}, {"methodName", "set_led"}}));
        QVERIFY(result(u"m3"_s)["status"] == Json(404));
        QVERIFY(invoke(u"m4"_s, {{"deviceId", "az-1"}, {"methodName", "reboot"}}));
        QVERIFY(result(u"m4"_s)["status"] == Json(403));
        QVERIFY(invoke(u"m5"_s,
                       {{"deviceId", "az-1"}, {"methodName", "set_led"}, {"responseTimeoutInSeconds", 1}}));
        QVERIFY(result(u"m5"_s)["status"] == Json(400));
        QVERIFY(alice->publish(u"fleet/azure-methods/invoke/alice/m6"_s, QByteArray(200000, '[')));
        QVERIFY(result(u"m6"_s)["status"] == Json(400));
        // Under another's name, nothing happens: the ACL pins the caller's name.
        QVERIFY(alice->publish(u"fleet/azure-methods/invoke/bob/m7"_s,
                               R"({"deviceId":"az-1","methodName":"set_led"})"));
        QVERIFY(!az1->take(u"$iothub/methods/POST/"_s, 500));
        az1->client->disconnectFromBroker();
    }

    // Operators change twins, call sensitive methods and send cloud-to-device messages through fleet-hub's
    // gate, which holds what the catalog calls sensitive until another person approves it.
    void throughTheGate()
    {
        auto az1 = device(u"az-1"_s, {u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                                      u"$iothub/twin/PATCH/properties/desired/#"_s,
                                      u"devices/az-1/messages/devicebound/#"_s});
        QVERIFY(az1);
        auto alice =
            m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s, u"fleet/gate/results/alice"_s});
        auto bob = m_stack.peer(u"bob"_s, {u"fleet/gate/approvals/alice/#"_s});
        QVERIFY(alice);
        QVERIFY(bob);
        const auto submit = [&](const QString &target, const QByteArray &payload) {
            return alice->publish(u"fleet/gate/submit/alice/"_s + target, payload);
        };
        const auto approve = [&](const QString &id) {
            const auto approval = bob->take(u"fleet/gate/approvals/alice/"_s + id);
            if (!approval)
                return false;
            const Json record = parse(approval->payload());
            return bob->publish(
                u"fleet/gate/decisions/alice/%1/bob"_s.arg(id),
                fleet::compactJsonBytes({{"decision", "approve"}, {"digest", record.value("digest", "")}}));
        };

        // An ordinary desired change is relayed at once.
        QVERIFY(
            submit(u"$fleet/twins/az-1/update"_s, R"({"state":{"desired":{"fan":4}},"clientToken":"g1"})"));
        auto patch = az1->take(u"$iothub/twin/PATCH/properties/desired/"_s);
        QVERIFY(patch);
        QVERIFY(parse(patch->payload())["fan"] == Json(4));

        // A sensitive desired key waits for bob.
        QVERIFY(submit(u"$fleet/twins/az-1/update"_s,
                       R"({"state":{"desired":{"motor":"on"}},"clientToken":"g2"})"));
        QVERIFY(!az1->take(u"$iothub/twin/PATCH/properties/desired/"_s, 700));
        QVERIFY(approve(u"g2"_s));
        patch = az1->take(u"$iothub/twin/PATCH/properties/desired/"_s);
        QVERIFY(patch);
        QVERIFY(parse(patch->payload())["motor"] == Json("on"));

        // A sensitive method: held, approved, called, answered to alice.
        QVERIFY(
            submit(u"fleet/azure-methods/invoke/alice/g3"_s, R"({"deviceId":"az-1","methodName":"reboot"})"));
        QVERIFY(!az1->take(u"$iothub/methods/POST/"_s, 700));
        QVERIFY(approve(u"g3"_s));
        const auto call = az1->take(u"$iothub/methods/POST/reboot/"_s);
        QVERIFY(call);
        QVERIFY(az1->publish(u"$iothub/methods/res/200/?$rid="_s + call->topic().section(u"$rid="_s, 1), "{}",
                             0));
        const auto result = alice->take(u"fleet/azure-methods/results/alice"_s);
        QVERIFY(result);
        QVERIFY(parse(result->payload())["status"] == Json(200));
        QVERIFY(parse(result->payload())["requestId"] == Json("g3"));

        // The same approved request again is not a second call: one approval, one reboot.
        QVERIFY(
            submit(u"fleet/azure-methods/invoke/alice/g3"_s, R"({"deviceId":"az-1","methodName":"reboot"})"));
        QVERIFY(!az1->take(u"$iothub/methods/POST/"_s, 1000));

        // Under another's name the gate refuses it: bob would get the answer to alice's call.
        QVERIFY(
            submit(u"fleet/azure-methods/invoke/bob/g4"_s, R"({"deviceId":"az-1","methodName":"set_led"})"));
        QVERIFY(!az1->take(u"$iothub/methods/POST/"_s, 700));

        // A cloud-to-device message is free-form: held until approved, then delivered with its properties.
        QVERIFY(submit(u"devices/az-1/messages/devicebound/%24.mid=g5&k=v"_s, "hello"));
        QVERIFY(!az1->take(u"devices/az-1/messages/devicebound/"_s, 700));
        // Its id is the gate's (a free-form payload names none): found by its topic among alice's approvals.
        QString id;
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const MqttMessage &m : std::as_const(*bob->seen)) {
                    if (m.payload().contains("devicebound") && m.payload().contains("\"pending\""))
                        id = m.topic().section(u'/', 4, 4);
                }
                return !id.isEmpty();
            },
            TimeoutMs));
        QVERIFY(approve(id));
        const auto c2d = az1->take(u"devices/az-1/messages/devicebound/"_s);
        QVERIFY(c2d);
        QCOMPARE(c2d->topic(), u"devices/az-1/messages/devicebound/%24.mid=g5&k=v"_s);
        QCOMPARE(c2d->payload(), QByteArray("hello"));
        az1->client->disconnectFromBroker();
    }

    // A cloud-to-device message for a device that is offline with a persistent session waits in it, as
    // with IoT Hub, and nobody else's session can take it.
    void cloudToDeviceWaitsForAnOfflineDevice()
    {
        auto az2 = device(u"az-2"_s, {u"devices/az-2/messages/devicebound/#"_s});
        QVERIFY(az2);
        m_monitor.seen->clear();
        az2->client->disconnectFromBroker();
        const auto offline = m_monitor.take(u"$fleet/iothub-presence/az-2"_s);
        QVERIFY(offline);
        QCOMPARE(offline->payload(), QByteArray(R"({"connected":false})"));
        auto hub = m_stack.peer(u"hub"_s);
        QVERIFY(hub);
        QSignalSpy sent(hub->client.get(), &MqttClient::messageSent);
        QVERIFY(hub->publish(u"devices/az-2/messages/devicebound/$.mid=later"_s, "while you were away"));
        QVERIFY(sent.wait(TimeoutMs));
        QTest::qWait(300);
        auto back = device(u"az-2"_s, {});
        QVERIFY(back);
        const auto waited = back->take(u"devices/az-2/messages/devicebound/"_s);
        QVERIFY(waited);
        QCOMPARE(waited->payload(), QByteArray("while you were away"));
        back->client->disconnectFromBroker();
    }

    // A device's topic near MQTT's limit would overflow once the plugin adds the device id: refused.
    void longTopicsAreRefused()
    {
        auto az1 = device(u"az-1"_s);
        QVERIFY(az1);
        auto hub = m_stack.peer(u"hub"_s, {u"$fleet/iothub/#"_s});
        QVERIFY(hub);
        const QString topic = u"$iothub/twin/GET/?$rid=1&x="_s + QString(65000, u'a');
        az1->publish(topic, " ", 0);
        QVERIFY(az1->publish(u"$iothub/twin/GET/?$rid=short"_s, " ", 0));
        QVERIFY(az1->take(u"$iothub/twin/res/200/?$rid=short"_s));
        QCOMPARE(hub->count(u"$fleet/iothub/az-1/twin/GET/?$rid=1&x"_s), 0);
        QCOMPARE(az1->count(u"$iothub/twin/res/"_s), 0);
        az1->client->disconnectFromBroker();
    }

    void acknowledgedChangesSurviveAKill()
    {
        auto az1 = device(u"az-1"_s);
        QVERIFY(az1);
        QVERIFY(az1->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=k1"_s, R"({"boot":1})", 0));
        auto reply = az1->take(u"$iothub/twin/res/"_s);
        QVERIFY(reply);
        const QString version = reply->topic().section(u"$version="_s, 1);
        m_stack.hub().kill();
        QVERIFY(m_stack.hub().waitForExit());
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        // The hub learns who is connected from the plugin's retained presence.
        QVERIFY(az1->publish(u"$iothub/twin/PATCH/properties/reported/?$rid=k2"_s, R"({"boot":2})", 0));
        reply = az1->take(u"$iothub/twin/res/"_s);
        QVERIFY(reply);
        QCOMPARE(reply->topic(), u"$iothub/twin/res/204/?$rid=k2&$version=%1"_s.arg(version.toInt() + 1));
        az1->client->disconnectFromBroker();
    }
};

QTEST_GUILESS_MAIN(TestAzureHubService)
#include "tst_azurehubservice.moc"
