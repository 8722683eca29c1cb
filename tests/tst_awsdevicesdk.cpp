// A device written for AWS IoT, unchanged: the npm package aws-iot-device-sdk (its thingShadow class) talks
// mutual TLS to a real mosquitto that a real fleet-hub serves. It registers, reads a missing shadow, reports,
// receives the delta of an operator's desired update, reports again with the version it tracked, and deletes.

#include "common/json.h"
#include "fleetfixture.h"
#include "mqtt/mqttclient.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::MqttClient;
using fleet::test::FleetFixture;
using fleet::test::MosquittoBroker;

namespace {

constexpr int Timeout = 20000;
const QString Thing = u"aws-sdk-thermostat"_s;

QString peersDirectory()
{
    return QStringLiteral(FLEET_NODE_PEERS);
}

// The Node device, driven one JSON line at a time.
class Device final
{
public:
    ~Device()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void start(const QString &node, const MosquittoBroker &broker)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setWorkingDirectory(peersDirectory());
        m_process.start(node, {u"aws-shadow-device.mjs"_s, u"127.0.0.1"_s, QString::number(broker.port()),
                               broker.caFile(), broker.clientCertFile(), broker.clientKeyFile(), Thing});
    }

    void send(const Json &command) { m_process.write(QByteArray::fromStdString(command.dump() + '\n')); }

    // The first event not yet consumed that satisfies `match`; events before it are consumed too.
    std::optional<Json> waitFor(const std::function<bool(const Json &)> &match)
    {
        std::optional<Json> found;
        (void)QTest::qWaitFor(
            [&] {
                read();
                while (!m_events.empty()) {
                    Json event = m_events.front();
                    m_events.erase(m_events.begin());
                    m_seen.push_back(event.dump());
                    if (match(event)) {
                        found = std::move(event);
                        return true;
                    }
                }
                return m_process.state() == QProcess::NotRunning;
            },
            Timeout);
        return found;
    }
    std::optional<Json> waitForEvent(const char *name)
    {
        return waitFor([name](const Json &e) { return e.value("event", "") == name; });
    }
    std::optional<Json> waitForStatus(const char *stat)
    {
        return waitFor([stat](const Json &e) {
            return e.value("event", "") == "status" && e.value("stat", "") == stat;
        });
    }

    QString seen() const { return QString::fromStdString(m_seen.empty() ? "(nothing)" : m_seen.back()); }
    QProcess &process() { return m_process; }

private:
    void read()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            Json event = Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
            if (event.is_object())
                m_events.push_back(std::move(event));
        }
    }

    QProcess m_process;
    QByteArray m_buffer;
    std::vector<Json> m_events;
    std::vector<std::string> m_seen;
};

} // namespace

class TestAwsDeviceSdk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thingShadowAgainstFleetHub()
    {
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!node.isEmpty(), "node is not installed: ./fleet test installs it");
        QVERIFY2(QDir(peersDirectory() + u"/node_modules/aws-iot-device-sdk"_s).exists(),
                 "tests/node has no node_modules: ./fleet test runs npm ci there");

        FleetFixture::Options options;
        options.broker.tls = MosquittoBroker::Tls::Mutual; // the hub and the operator present a certificate
        FleetFixture fleet(options);
        QVERIFY2(fleet.start(), qPrintable(fleet.errorString()));

        Device device;
        device.start(node, fleet.broker());
        QVERIFY2(device.waitForEvent("connect"), qPrintable(device.seen()));
        device.send({{"op", "register"}});
        const auto registered = device.waitForEvent("registered");
        QVERIFY2(registered && (*registered)["error"].is_null(), qPrintable(device.seen()));

        // A shadow that does not exist yet: AWS's 404.
        device.send({{"op", "get"}});
        const auto missing = device.waitForStatus("rejected");
        QVERIFY2(missing, qPrintable(device.seen()));
        QCOMPARE((*missing)["document"].value("code", 0), 404);

        device.send(
            {{"op", "update"}, {"document", {{"state", {{"reported", {{"temp", 20}, {"mode", "eco"}}}}}}}});
        const auto reported = device.waitForStatus("accepted");
        QVERIFY2(reported, qPrintable(device.seen()));
        QCOMPARE((*reported)["document"].value("version", 0), 1);

        // The operator asks for 25 degrees; the device hears the delta.
        MqttClient operatorClient;
        operatorClient.setProfile(fleet.profile());
        QVERIFY(operatorClient.connectToBroker());
        QTRY_COMPARE_WITH_TIMEOUT(operatorClient.state(), MqttClient::State::Connected, Timeout);
        QVERIFY(operatorClient.publish(u"$aws/things/%1/shadow/update"_s.arg(Thing),
                                       R"({"state":{"desired":{"temp":25}},"clientToken":"operator-1"})",
                                       1) > 0);
        const auto delta = device.waitForEvent("delta");
        QVERIFY2(delta, qPrintable(device.seen()));
        QCOMPARE((*delta)["document"]["state"].dump(), Json({{"temp", 25}}).dump());
        QCOMPARE((*delta)["document"].value("version", 0), 2);

        // thingShadow sends the version it tracked (2) with its update: fleet-hub's optimistic check passes.
        device.send({{"op", "update"}, {"document", {{"state", {{"reported", {{"temp", 25}}}}}}}});
        const auto caughtUp = device.waitForStatus("accepted");
        QVERIFY2(caughtUp, qPrintable(device.seen()));
        QCOMPARE((*caughtUp)["document"].value("version", 0), 3);

        device.send({{"op", "get"}});
        const auto current = device.waitForStatus("accepted");
        QVERIFY2(current, qPrintable(device.seen()));
        const Json state = (*current)["document"]["state"];
        QCOMPARE(state["desired"].dump(), Json({{"temp", 25}}).dump());
        QCOMPARE(state["reported"].dump(), Json({{"temp", 25}, {"mode", "eco"}}).dump());
        QVERIFY2(!state.contains("delta"), state.dump().c_str());

        device.send({{"op", "delete"}});
        const auto deleted = device.waitForStatus("accepted");
        QVERIFY2(deleted, qPrintable(device.seen()));
        QCOMPARE((*deleted)["document"].value("version", 0), 3);
        device.send({{"op", "get"}});
        const auto gone = device.waitForStatus("rejected");
        QVERIFY2(gone, qPrintable(device.seen()));
        QCOMPARE((*gone)["document"].value("code", 0), 404);

        device.send({{"op", "end"}});
        QVERIFY(device.process().waitForFinished(Timeout));
        QCOMPARE(device.process().exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAwsDeviceSdk)
#include "tst_awsdevicesdk.moc"
