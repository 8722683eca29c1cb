// IotHubBridge: the rules of the fleet_iothub mosquitto plugin, with no broker. SAS sign-in of Azure devices
// (tokens made by AzureSas, a known answer, and every refusal), the ACL table per access kind, the topic
// rewriting between devices and the hub, the key file and its reloading, and the base64 and percent codecs.

#include "dialects/azuresas.h"
#include "iothubbridge.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <string>

using namespace Qt::StringLiterals;
using fleet::AzureSas;
using fleet::broker::IotHubBridge;
using Access = IotHubBridge::Access;
using Decision = IotHubBridge::Decision;

Q_DECLARE_METATYPE(IotHubBridge::Access)
Q_DECLARE_METATYPE(IotHubBridge::Decision)

namespace fleet::broker {

// Found by QCOMPARE through argument-dependent lookup, so that a failure names the decisions.
char *toString(const IotHubBridge::Decision &decision)
{
    switch (decision) {
    case IotHubBridge::Decision::Allow:
        return qstrdup("Allow");
    case IotHubBridge::Decision::Deny:
        return qstrdup("Deny");
    case IotHubBridge::Decision::Defer:
        return qstrdup("Defer");
    }
    return qstrdup("?");
}

} // namespace fleet::broker

namespace {

const QByteArray Key1 = "EDJQV2nsq9FBabAtBMXsB9SMmiYogSrDJPIE+zi0GvE="_ba;
const QByteArray Key2 = QByteArray(32, '\x02').toBase64();
const QByteArray Key3 = QByteArray(32, '\x03').toBase64();
const QByteArray Host = "myhub.azure-devices.net"_ba;
const QByteArray OddId = "a.b:c@d_e"_ba; // every punctuation mark a device id may hold here
constexpr qint64 Now = 1'650'000'000;
constexpr qint64 Expiry = Now + 3600;

std::string str(const QByteArray &bytes)
{
    return bytes.toStdString();
}

QByteArray bytes(const std::string &text)
{
    return QByteArray::fromStdString(text);
}

QByteArray token(const QByteArray &key, const QString &resource, qint64 expiry)
{
    QString error;
    const QString sas = AzureSas::token(key, resource, expiry, &error);
    if (sas.isEmpty())
        qFatal("AzureSas::token: %s", qPrintable(error));
    return sas.toUtf8();
}

QByteArray deviceToken(const QByteArray &key, const QByteArray &device, qint64 expiry = Expiry,
                       const QByteArray &host = Host)
{
    return token(key, AzureSas::resourceUri(QString::fromUtf8(host), QString::fromUtf8(device)), expiry);
}

QByteArray username(const QByteArray &device, const QByteArray &host = Host)
{
    return host + '/' + device + "/?api-version=2021-04-12";
}

// The fields of a token made by AzureSas, to be put back together differently.
struct Fields
{
    QByteArray sr, sig, se;
};

Fields fieldsOf(const QByteArray &sas)
{
    Fields fields;
    const QByteArray scheme = "SharedAccessSignature ";
    for (const QByteArray &field : sas.mid(scheme.size()).split('&')) {
        if (field.startsWith("sr="))
            fields.sr = field.mid(3);
        else if (field.startsWith("sig="))
            fields.sig = field.mid(4);
        else if (field.startsWith("se="))
            fields.se = field.mid(3);
    }
    return fields;
}

std::unique_ptr<IotHubBridge> bridgeWithKeys(const QByteArray &hostName = {})
{
    auto bridge = std::make_unique<IotHubBridge>(str(hostName));
    bridge->setKey("dev-1", str(Key1));
    bridge->setKey("dev-2", str(Key2));
    bridge->setKey(str(OddId), str(Key3));
    return bridge;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

bool setModified(const QString &path, const QDateTime &when)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(when, QFileDevice::FileModificationTime);
}

// Whether bridge takes key as dev-1's.
bool acceptsDev1Key(const IotHubBridge &bridge, const QByteArray &key)
{
    std::string why;
    return bridge.authenticate("dev-1", username("dev-1").constData(), deviceToken(key, "dev-1").constData(),
                               Now, &why) == Decision::Allow;
}

} // namespace

class TestIotHubBridge final : public QObject
{
    Q_OBJECT

    QString keysPath() const { return m_dir->filePath(u"azure-devices"_s); }
    std::string keysFile() const { return QFile::encodeName(keysPath()).toStdString(); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // The token of protocols.md C, as AzureSas makes it and as the plugin must take it.
    void sasKnownAnswer()
    {
        const QByteArray known = "SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev-1"
                                 "&sig=Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4%3D&se=1700000000"_ba;
        QCOMPARE(token(Key1, u"myhub.azure-devices.net/devices/dev-1"_s, 1'700'000'000), known);
        const char *user = "myhub.azure-devices.net/dev-1/?api-version=2021-04-12";
        for (const QByteArray &hostName : {QByteArray(), Host}) {
            IotHubBridge bridge(str(hostName));
            bridge.setKey("dev-1", str(Key1));
            std::string why;
            QCOMPARE(bridge.authenticate("dev-1", user, known.constData(), 1'699'999'999, &why),
                     Decision::Allow);
            QVERIFY2(why.empty(), why.c_str());
            QCOMPARE(bridge.authenticate("dev-1", user, known.constData(), 1'700'000'000, &why),
                     Decision::Deny);
            QVERIFY2(why.find("expired") != std::string::npos, why.c_str());
        }
    }

    void authenticateAllows_data()
    {
        QTest::addColumn<QByteArray>("hostName"); // the bridge's; empty: any
        QTest::addColumn<QByteArray>("clientId");
        QTest::addColumn<QByteArray>("username");
        QTest::addColumn<QByteArray>("password");

        for (const QByteArray &hostName : {QByteArray(), Host}) {
            const char *mode = hostName.isEmpty() ? "any host" : "host set";
            QTest::addRow("%s: dev-1", mode)
                << hostName << "dev-1"_ba << username("dev-1") << deviceToken(Key1, "dev-1");
            QTest::addRow("%s: dev-2", mode)
                << hostName << "dev-2"_ba << username("dev-2") << deviceToken(Key2, "dev-2");
            QTest::addRow("%s: id with . : @ _", mode)
                << hostName << OddId << username(OddId) << deviceToken(Key3, OddId);
            QTest::addRow("%s: username ending in /", mode)
                << hostName << "dev-1"_ba << Host + "/dev-1/" << deviceToken(Key1, "dev-1");
            QTest::addRow("%s: username without api-version", mode)
                << hostName << "dev-1"_ba << Host + "/dev-1" << deviceToken(Key1, "dev-1");
            // DNS names are case-insensitive; the signature covers sr as the device wrote it.
            QTest::addRow("%s: host in another case", mode)
                << hostName << "dev-1"_ba << username("dev-1", "MyHub.Azure-Devices.NET")
                << deviceToken(Key1, "dev-1", Expiry, "MYHUB.azure-devices.net");
            QTest::addRow("%s: one second left", mode)
                << hostName << "dev-1"_ba << username("dev-1") << deviceToken(Key1, "dev-1", Now + 1);
            const Fields f = fieldsOf(deviceToken(Key1, "dev-1"));
            QTest::addRow("%s: fields in another order", mode)
                << hostName << "dev-1"_ba << username("dev-1")
                << "SharedAccessSignature se=" + f.se + "&sig=" + f.sig + "&sr=" + f.sr;
        }
        // Without a configured host, the username's host is the one the token must name.
        QTest::newRow("any host: another hub")
            << QByteArray() << "dev-1"_ba << username("dev-1", "other.example")
            << deviceToken(Key1, "dev-1", Expiry, "other.example");
    }

    void authenticateAllows()
    {
        QFETCH(QByteArray, hostName);
        QFETCH(QByteArray, clientId);
        QFETCH(QByteArray, username);
        QFETCH(QByteArray, password);
        const auto bridge = bridgeWithKeys(hostName);
        std::string why;
        QCOMPARE(bridge->authenticate(str(clientId), username.constData(), password.constData(), Now, &why),
                 Decision::Allow);
        QVERIFY2(why.empty(), why.c_str());
    }

    // A client id without a key is not an Azure device: the password file decides.
    void authenticateDefersForOtherClients()
    {
        const auto bridge = bridgeWithKeys(Host);
        for (const char *clientId : {"console", "", "DEV-1", "dev-1 ", "dev-10"}) {
            std::string why = "untouched";
            QCOMPARE(bridge->authenticate(clientId, username("dev-1").constData(),
                                          deviceToken(Key1, "dev-1").constData(), Now, &why),
                     Decision::Defer);
            QCOMPARE(bridge->authenticate(clientId, nullptr, nullptr, Now, &why), Decision::Defer);
            QCOMPARE(bytes(why), "untouched"_ba);
        }
    }

    void authenticateDenies_data()
    {
        QTest::addColumn<QByteArray>("hostName");
        QTest::addColumn<QByteArray>("username");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<bool>("nullUsername");
        QTest::addColumn<bool>("nullPassword");
        QTest::addColumn<QByteArray>("reason");

        const QByteArray user = username("dev-1");
        const QByteArray good = deviceToken(Key1, "dev-1");
        const Fields f = fieldsOf(good);
        const QByteArray scheme = "SharedAccessSignature ";
        const auto row = [](const char *name, const QByteArray &username, const QByteArray &password,
                            const QByteArray &reason, const QByteArray &hostName = {}) {
            QTest::newRow(name) << hostName << username << password << false << false << reason;
        };

        row("wrong key", user, deviceToken(Key2, "dev-1"), "signature does not match");
        row("signature of another expiry", user,
            scheme + "sr=" + f.sr + "&sig=" + f.sig + "&se=" + QByteArray::number(Expiry + 1),
            "signature does not match");
        row("signature not percent-encoded right", user, scheme + "sr=" + f.sr + "&sig=%zz&se=" + f.se,
            "signature does not match");
        row("expired at now", user, deviceToken(Key1, "dev-1", Now), "expired");
        row("expired an hour ago", user, deviceToken(Key1, "dev-1", Now - 3600), "expired");
        row("other device's token", user, deviceToken(Key2, "dev-2"), "another resource");
        row("own key, other device's resource", user, deviceToken(Key1, "dev-2"), "another resource");
        row("resource a longer device id", user, deviceToken(Key1, "dev-10"), "another resource");
        row("resource the whole hub", user, token(Key1, QString::fromUtf8(Host), Expiry), "another resource");
        row("resource {hub}/devices", user, token(Key1, QString::fromUtf8(Host + "/devices"), Expiry),
            "another resource");
        row("resource below the device", user,
            token(Key1, QString::fromUtf8(Host + "/devices/dev-1/modules/m"), Expiry), "another resource");
        row("resource on another host", user, deviceToken(Key1, "dev-1", Expiry, "other.example"),
            "another resource");
        row("device id in another case", user, deviceToken(Key1, "DEV-1"), "another resource");
        row("username names another device", username("dev-2"), good, "does not name this device");
        row("username names a longer device id", username("dev-10"), good, "does not name this device");
        row("username names a shorter device id", username("dev-"), good, "does not name this device");
        row("username with more after the device", Host + "/dev-1/x", good, "does not name this device");
        row("username without a host", "dev-1/?api-version=2021-04-12", good, "does not name this device");
        row("username starting with /", "/dev-1/?api-version=2021-04-12", good, "username is not");
        row("username without /", "dev-1", good, "username is not");
        row("empty username", "", good, "username is not");
        row("username names another host", username("dev-1", "other.example"),
            deviceToken(Key1, "dev-1", Expiry, "other.example"), "another hub", Host);
        row("username names a host ending like the hub", username("dev-1", "x" + Host),
            deviceToken(Key1, "dev-1", Expiry, "x" + Host), "another hub", Host);
        row("not a SAS token", user, "secret", "not a SAS token");
        row("empty password", user, "", "not a SAS token");
        row("scheme in another case", user, "sharedaccesssignature " + good.mid(scheme.size()),
            "not a SAS token");
        row("scheme without a space", user, "SharedAccessSignature" + good.mid(scheme.size()),
            "not a SAS token");
        row("5000-char token", user, good + "&skn=" + QByteArray(5000 - good.size() - 5, 'x'),
            "not a SAS token");
        row("repeated sr", user, good + "&sr=" + f.sr, "repeats a field");
        row("repeated sig", user, good + "&sig=" + f.sig, "repeats a field");
        row("repeated se", user, good + "&se=" + f.se, "repeats a field");
        row("repeated sr, the first empty", user, scheme + "sr=&sr=" + f.sr + "&sig=" + f.sig + "&se=" + f.se,
            "repeats a field");
        row("no sr", user, scheme + "sig=" + f.sig + "&se=" + f.se, "lacks sr, sig or se");
        row("no sig", user, scheme + "sr=" + f.sr + "&se=" + f.se, "lacks sr, sig or se");
        row("no se", user, scheme + "sr=" + f.sr + "&sig=" + f.sig, "lacks sr, sig or se");
        row("empty sig", user, scheme + "sr=" + f.sr + "&sig=&se=" + f.se, "lacks sr, sig or se");
        row("no fields", user, scheme, "lacks sr, sig or se");
        row("field without =", user, good + "&skn", "malformed SAS token");
        row("expiry not a number", user, scheme + "sr=" + f.sr + "&sig=" + f.sig + "&se=soon",
            "not a number");
        row("expiry with a suffix", user, good + "0s", "not a number");
        row("expiry out of range", user, scheme + "sr=" + f.sr + "&sig=" + f.sig + "&se=99999999999999999999",
            "not a number");
        QTest::newRow("NULL username")
            << QByteArray() << QByteArray() << good << true << false << "no username"_ba;
        QTest::newRow("NULL password")
            << QByteArray() << user << QByteArray() << false << true << "no username"_ba;
        QTest::newRow("NULL both") << QByteArray() << QByteArray() << QByteArray() << true << true
                                   << "no username"_ba;
    }

    void authenticateDenies()
    {
        QFETCH(QByteArray, hostName);
        QFETCH(QByteArray, username);
        QFETCH(QByteArray, password);
        QFETCH(bool, nullUsername);
        QFETCH(bool, nullPassword);
        QFETCH(QByteArray, reason);
        const auto bridge = bridgeWithKeys(hostName);
        std::string why;
        const Decision decision =
            bridge->authenticate("dev-1", nullUsername ? nullptr : username.constData(),
                                 nullPassword ? nullptr : password.constData(), Now, &why);
        QCOMPARE(decision, Decision::Deny);
        QVERIFY2(bytes(why).contains(reason), why.c_str());
    }

    void check_data()
    {
        QTest::addColumn<bool>("azureClient");
        QTest::addColumn<QByteArray>("clientId");
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<Access>("access");
        QTest::addColumn<int>("qos");
        QTest::addColumn<Decision>("expected");

        const auto device = [](const char *name, const char *topic, Access access, int qos,
                               Decision expected) {
            QTest::newRow(name) << true << "dev-1"_ba << QByteArray(topic) << access << qos << expected;
        };
        // Publishing: twin requests, method replies and the device's own telemetry, at QoS 0 or 1.
        device("write twin GET", "$iothub/twin/GET/?$rid=1", Access::Write, 0, Decision::Allow);
        device("write twin GET qos 1", "$iothub/twin/GET/?$rid=1", Access::Write, 1, Decision::Allow);
        device("write reported patch", "$iothub/twin/PATCH/properties/reported/?$rid=2", Access::Write, 1,
               Decision::Allow);
        device("write method reply", "$iothub/methods/res/200/?$rid=3", Access::Write, 0, Decision::Allow);
        device("write telemetry", "devices/dev-1/messages/events/", Access::Write, 1, Decision::Allow);
        device("write telemetry without /", "devices/dev-1/messages/events", Access::Write, 0,
               Decision::Allow);
        device("write telemetry with properties",
               "devices/dev-1/messages/events/%24.ct=application%2Fjson&a=b", Access::Write, 1,
               Decision::Allow);
        device("write qos 2 telemetry", "devices/dev-1/messages/events/", Access::Write, 2, Decision::Deny);
        device("write qos 2 twin GET", "$iothub/twin/GET/?$rid=1", Access::Write, 2, Decision::Deny);
        device("write other device's telemetry", "devices/dev-2/messages/events/", Access::Write, 1,
               Decision::Deny);
        device("write events prefix", "devices/dev-1/messages/eventsx", Access::Write, 1, Decision::Deny);
        device("write cloud-to-device", "devices/dev-1/messages/devicebound/x", Access::Write, 1,
               Decision::Deny);
        device("write desired patch", "$iothub/twin/PATCH/properties/desired/?$version=2", Access::Write, 1,
               Decision::Deny);
        device("write twin reply", "$iothub/twin/res/200/?$rid=1", Access::Write, 0, Decision::Deny);
        device("write method call", "$iothub/methods/POST/reboot/?$rid=1", Access::Write, 0, Decision::Deny);
        device("write inbound topic", "$fleet/iothub/dev-1/twin/GET/?$rid=1", Access::Write, 0,
               Decision::Deny);
        device("write outbound topic", "$fleet/iothub-to/dev-1/twin/res/200/?$rid=1", Access::Write, 0,
               Decision::Deny);
        device("write presence", "$fleet/iothub-presence/dev-1", Access::Write, 1, Decision::Deny);
        device("write ordinary topic", "telemetry/dev-1", Access::Write, 0, Decision::Deny);
        device("write with a wildcard", "devices/dev-1/messages/events/#", Access::Write, 0, Decision::Deny);

        // Subscribing: twin replies, method calls, desired notifications, its own cloud-to-device messages.
        device("subscribe twin replies", "$iothub/twin/res/#", Access::Subscribe, 1, Decision::Allow);
        device("subscribe some twin replies", "$iothub/twin/res/200/#", Access::Subscribe, 0,
               Decision::Allow);
        device("subscribe method calls", "$iothub/methods/POST/#", Access::Subscribe, 1, Decision::Allow);
        device("subscribe desired", "$iothub/twin/PATCH/properties/desired/#", Access::Subscribe, 1,
               Decision::Allow);
        device("subscribe cloud-to-device", "devices/dev-1/messages/devicebound/#", Access::Subscribe, 1,
               Decision::Allow);
        device("subscribe cloud-to-device exact", "devices/dev-1/messages/devicebound", Access::Subscribe, 1,
               Decision::Allow);
        device("subscribe everything", "#", Access::Subscribe, 0, Decision::Deny);
        device("subscribe all of $iothub", "$iothub/#", Access::Subscribe, 0, Decision::Deny);
        device("subscribe all twin topics", "$iothub/twin/#", Access::Subscribe, 0, Decision::Deny);
        device("subscribe with a wildcard above", "$iothub/+/res/#", Access::Subscribe, 0, Decision::Deny);
        device("subscribe twin GET", "$iothub/twin/GET/#", Access::Subscribe, 0, Decision::Deny);
        device("subscribe other device's messages", "devices/dev-2/messages/devicebound/#", Access::Subscribe,
               1, Decision::Deny);
        device("subscribe every device's messages", "devices/+/messages/devicebound/#", Access::Subscribe, 1,
               Decision::Deny);
        device("subscribe own telemetry", "devices/dev-1/messages/events/#", Access::Subscribe, 1,
               Decision::Deny);
        device("subscribe outbound topics", "$fleet/iothub-to/dev-1/#", Access::Subscribe, 1, Decision::Deny);
        device("subscribe presence", "$fleet/iothub-presence/#", Access::Subscribe, 1, Decision::Deny);

        // Receiving: what the plugin hands it on $iothub/…, and its own cloud-to-device messages.
        device("read twin reply", "$iothub/twin/res/200/?$rid=1", Access::Read, 1, Decision::Allow);
        device("read method call", "$iothub/methods/POST/reboot/?$rid=5", Access::Read, 0, Decision::Allow);
        device("read desired notification", "$iothub/twin/PATCH/properties/desired/?$version=3", Access::Read,
               1, Decision::Allow);
        device("read cloud-to-device", "devices/dev-1/messages/devicebound/%24.to=x", Access::Read, 1,
               Decision::Allow);
        device("read other device's messages", "devices/dev-2/messages/devicebound/x", Access::Read, 1,
               Decision::Deny);
        device("read outbound topic", "$fleet/iothub-to/dev-1/twin/res/200/?$rid=1", Access::Read, 1,
               Decision::Deny);
        device("read presence", "$fleet/iothub-presence/dev-2", Access::Read, 1, Decision::Deny);
        device("read ordinary topic", "telemetry/dev-2", Access::Read, 0, Decision::Deny);
        device("read own telemetry", "devices/dev-1/messages/events/", Access::Read, 0, Decision::Deny);

        device("unsubscribe anything", "#", Access::Unsubscribe, 0, Decision::Allow);
        device("unsubscribe twin replies", "$iothub/twin/res/#", Access::Unsubscribe, 0, Decision::Allow);

        // Other clients: nothing on $iothub/… but unsubscribing; their own topics are the ACL file's.
        const auto other = [](const char *name, const char *clientId, const char *topic, Access access,
                              Decision expected) {
            QTest::newRow(name) << false << QByteArray(clientId) << QByteArray(topic) << access << 0
                                << expected;
        };
        other("client: write $iothub", "console", "$iothub/twin/GET/?$rid=1", Access::Write, Decision::Deny);
        other("client: subscribe $iothub", "console", "$iothub/twin/res/#", Access::Subscribe,
              Decision::Deny);
        other("client: subscribe all of $iothub", "console", "$iothub/#", Access::Subscribe, Decision::Deny);
        other("client: read $iothub", "console", "$iothub/twin/res/200/?$rid=1", Access::Read,
              Decision::Deny);
        other("client: unsubscribe $iothub", "console", "$iothub/twin/res/#", Access::Unsubscribe,
              Decision::Allow);
        for (const Access access : {Access::Read, Access::Write, Access::Subscribe, Access::Unsubscribe}) {
            const int a = int(access);
            QTest::addRow("client: ordinary topic, access %d", a)
                << false << "console"_ba
                << "fleet/sensor-1/telemetry"_ba << access << 1 << Decision::Defer;
            QTest::addRow("client: command topic, access %d", a)
                << false << "operator"_ba
                << "cmd/sensor-1/req"_ba << access << 0 << Decision::Defer;
            // A client that took an Azure device's id without signing in as it gets nothing.
            QTest::addRow("device id not signed in: ordinary topic, access %d", a)
                << false << "dev-1"_ba
                << "fleet/sensor-1/telemetry"_ba << access << 0
                << (access == Access::Unsubscribe ? Decision::Allow : Decision::Deny);
            QTest::addRow("device id not signed in: own telemetry, access %d", a)
                << false << "dev-2"_ba
                << "devices/dev-2/messages/events/"_ba << access << 1
                << (access == Access::Unsubscribe ? Decision::Allow : Decision::Deny);
            QTest::addRow("device id not signed in: $iothub, access %d", a)
                << false << "dev-1"_ba
                << "$iothub/twin/res/#"_ba << access << 0
                << (access == Access::Unsubscribe ? Decision::Allow : Decision::Deny);
        }
    }

    void check()
    {
        QFETCH(bool, azureClient);
        QFETCH(QByteArray, clientId);
        QFETCH(QByteArray, topic);
        QFETCH(Access, access);
        QFETCH(int, qos);
        QFETCH(Decision, expected);
        const auto bridge = bridgeWithKeys(Host);
        QCOMPARE(bridge->check(str(clientId), azureClient, str(topic), access, qos), expected);
    }

    void topicRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("device");
        QTest::addColumn<QByteArray>("rest"); // what follows $iothub/
        for (const QByteArray &device : {"dev-1"_ba, OddId, QByteArray(128, 'd')}) {
            for (const char *rest : {"twin/GET/?$rid=1", "twin/PATCH/properties/reported/?$rid=2",
                                     "methods/res/200/?$rid=3", "twin/res/204/?$rid=2&$version=5", "x"})
                QTest::addRow("%s: %s", device.left(16).constData(), rest) << device << QByteArray(rest);
        }
    }

    void topicRoundTrips()
    {
        QFETCH(QByteArray, device);
        QFETCH(QByteArray, rest);
        const std::optional<std::string> inbound =
            IotHubBridge::inboundTopic(str(device), str("$iothub/" + rest));
        QVERIFY(inbound);
        QCOMPARE(bytes(*inbound), "$fleet/iothub/" + device + '/' + rest);

        const auto outbound = IotHubBridge::outboundTarget(str("$fleet/iothub-to/" + device + '/' + rest));
        QVERIFY(outbound);
        QCOMPARE(bytes(outbound->first), device);
        QCOMPARE(bytes(outbound->second), "$iothub/" + rest);

        QCOMPARE(bytes(IotHubBridge::presenceTopic(str(device))), "$fleet/iothub-presence/" + device);
        QVERIFY(IotHubBridge::validDeviceId(str(device)));
    }

    void inboundOnlyRewritesIotHubTopics()
    {
        for (const char *topic : {"devices/dev-1/messages/events/", "$iothub", "$IOTHUB/twin/GET/?$rid=1",
                                  "$fleet/iothub/dev-1/twin/GET/?$rid=1", "iothub/twin/GET/", ""})
            QVERIFY2(!IotHubBridge::inboundTopic("dev-1", topic), topic);
    }

    void outboundRefusals_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::newRow("+ in the device id") << "$fleet/iothub-to/dev+1/twin/res/200/?$rid=1"_ba;
        QTest::newRow("+ as the device id") << "$fleet/iothub-to/+/twin/res/200/?$rid=1"_ba;
        QTest::newRow("# in the device id") << "$fleet/iothub-to/dev#/twin/res/200/?$rid=1"_ba;
        QTest::newRow("space in the device id") << "$fleet/iothub-to/dev 1/twin/res/200/?$rid=1"_ba;
        QTest::newRow("empty device id") << "$fleet/iothub-to//twin/res/200/?$rid=1"_ba;
        QTest::newRow("129-char device id")
            << "$fleet/iothub-to/" + QByteArray(129, 'd') + "/twin/res/200"_ba;
        QTest::newRow("nothing after the device") << "$fleet/iothub-to/dev-1/"_ba;
        QTest::newRow("no / after the device") << "$fleet/iothub-to/dev-1"_ba;
        QTest::newRow("prefix only") << "$fleet/iothub-to/"_ba;
        QTest::newRow("inbound prefix") << "$fleet/iothub/dev-1/twin/res/200/?$rid=1"_ba;
        QTest::newRow("presence prefix") << "$fleet/iothub-presence/dev-1"_ba;
        QTest::newRow("device topic") << "$iothub/twin/res/200/?$rid=1"_ba;
        QTest::newRow("prefix in another case") << "$FLEET/iothub-to/dev-1/twin/res/200/?$rid=1"_ba;
        QTest::newRow("empty") << QByteArray();
    }

    void outboundRefusals()
    {
        QFETCH(QByteArray, topic);
        QVERIFY(!IotHubBridge::outboundTarget(str(topic)));
    }

    void validDeviceId_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("dev-1") << "dev-1"_ba << true;
        QTest::newRow(". : @ _") << OddId << true;
        QTest::newRow("128 chars") << QByteArray(128, 'd') << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("129 chars") << QByteArray(129, 'd') << false;
        QTest::newRow("+") << "dev+1"_ba << false;
        QTest::newRow("#") << "dev#"_ba << false;
        QTest::newRow("/") << "dev/1"_ba << false;
        QTest::newRow("space") << "dev 1"_ba << false;
        QTest::newRow("NUL") << QByteArray("dev\0", 4) << false;
        QTest::newRow("non-ASCII") << "d\xc3\xa9v"_ba << false;
    }

    void validDeviceId()
    {
        QFETCH(QByteArray, id);
        QFETCH(bool, valid);
        QCOMPARE(IotHubBridge::validDeviceId(str(id)), valid);
    }

    void loadKeysSkipsCommentsAndBlankLines()
    {
        const QByteArrayList lines = {
            "# Azure devices of the lab",
            "",
            "   ",
            "dev-1 " + Key1,
            "  # an indented comment",
            "\tdev-2\t" + Key2 + "   ",
            "#dev-3 " + Key3,
            OddId + ' ' + Key3 + '\r', // a line ending of a file edited on Windows
        };
        QVERIFY(writeFile(keysPath(), lines.join('\n') + '\n'));
        IotHubBridge bridge(str(Host));
        std::string error;
        QVERIFY2(bridge.loadKeys(keysFile(), &error), error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(3));
        QVERIFY(bridge.isDevice("dev-1"));
        QVERIFY(bridge.isDevice("dev-2"));
        QVERIFY(bridge.isDevice(str(OddId)));
        QVERIFY(!bridge.isDevice("dev-3"));
        QVERIFY(!bridge.isDevice("#dev-3"));
        std::string why;
        const QList<std::pair<QByteArray, QByteArray>> keys = {
            {"dev-1"_ba, Key1}, {"dev-2"_ba, Key2}, {OddId, Key3}};
        for (const auto &[device, key] : keys)
            QCOMPARE(bridge.authenticate(str(device), username(device).constData(),
                                         deviceToken(key, device).constData(), Now, &why),
                     Decision::Allow);
        // Keys are each device's own.
        QCOMPARE(bridge.authenticate("dev-1", username("dev-1").constData(),
                                     deviceToken(Key2, "dev-1").constData(), Now, &why),
                 Decision::Deny);

        // An empty file (or only comments) is a valid, empty table.
        QVERIFY(writeFile(keysPath(), "# nobody yet\n"));
        QVERIFY2(bridge.loadKeys(keysFile(), &error), error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(0));
    }

    void malformedLineKeepsTable_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("device without a key") << "dev-3"_ba;
        QTest::newRow("key not base64") << "dev-3 not-base64!"_ba;
        QTest::newRow("key of a bad length") << "dev-3 QUJ"_ba;
        QTest::newRow("a third field") << "dev-3 " + Key3 + " extra";
        QTest::newRow("+ in the device id") << "dev+3 " + Key3;
        QTest::newRow("/ in the device id") << "dev/3 " + Key3;
        QTest::newRow("129-char device id") << QByteArray(129, 'd') + ' ' + Key3;
        QTest::newRow("key that is only padding") << "dev-3 ===="_ba;
        QTest::newRow("two keys run together") << "dev-3 " + Key3 + Key2;
    }

    void malformedLineKeepsTable()
    {
        QFETCH(QByteArray, line);
        QVERIFY(writeFile(keysPath(), "dev-1 " + Key1 + "\ndev-2 " + Key2 + "\n"));
        IotHubBridge bridge;
        std::string error;
        QVERIFY2(bridge.loadKeys(keysFile(), &error), error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(2));

        // The broken line is line 4, after a comment and a good line.
        QVERIFY(writeFile(keysPath(), "# edited\ndev-1 " + Key2 + "\n\n" + line + "\ndev-4 " + Key1 + "\n"));
        error.clear();
        const bool loaded = bridge.loadKeys(keysFile(), &error);
        QVERIFY(!loaded);
        QVERIFY2(bytes(error).contains(QFile::encodeName(keysPath()) + ":4:"), error.c_str());
        // The previous table, whole: dev-1 keeps its old key, nothing of the new file is taken.
        QCOMPARE(bridge.deviceCount(), std::size_t(2));
        QVERIFY(acceptsDev1Key(bridge, Key1));
        QVERIFY(!acceptsDev1Key(bridge, Key2));
        QVERIFY(!bridge.isDevice("dev-3"));
        QVERIFY(!bridge.isDevice("dev-4"));
    }

    void missingFileKeepsTable()
    {
        IotHubBridge bridge;
        bridge.setKey("dev-1", str(Key1));
        std::string error;
        QVERIFY(!bridge.loadKeys(keysFile(), &error));
        QVERIFY2(error.find("cannot read") != std::string::npos, error.c_str());
        QVERIFY(!bridge.reloadKeysIfChanged(keysFile(), &error));
        QCOMPARE(bridge.deviceCount(), std::size_t(1));
        QVERIFY(acceptsDev1Key(bridge, Key1));
    }

    void reloadKeysIfChanged()
    {
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'600'000'000);
        QVERIFY(writeFile(keysPath(), "dev-1 " + Key1 + "\n"));
        QVERIFY(setModified(keysPath(), t0));
        IotHubBridge bridge;
        std::string error;
        QVERIFY2(bridge.loadKeys(keysFile(), &error), error.c_str());
        QVERIFY(acceptsDev1Key(bridge, Key1));

        // Same size and modification time: not read again. The file now holds another key of the same
        // length, which the bridge must not have seen.
        QCOMPARE(Key2.size(), Key1.size());
        QVERIFY(writeFile(keysPath(), "dev-1 " + Key2 + "\n"));
        QVERIFY(setModified(keysPath(), t0));
        QVERIFY2(bridge.reloadKeysIfChanged(keysFile(), &error), error.c_str());
        QVERIFY(acceptsDev1Key(bridge, Key1));
        QVERIFY(!acceptsDev1Key(bridge, Key2));

        // Only the modification time changed: read again.
        QVERIFY(setModified(keysPath(), t0.addSecs(1)));
        QVERIFY2(bridge.reloadKeysIfChanged(keysFile(), &error), error.c_str());
        QVERIFY(acceptsDev1Key(bridge, Key2));
        QVERIFY(!acceptsDev1Key(bridge, Key1));

        // Only the size changed: read again.
        QVERIFY(writeFile(keysPath(), "dev-1 " + Key2 + "\ndev-2 " + Key1 + "\n"));
        QVERIFY(setModified(keysPath(), t0.addSecs(1)));
        QVERIFY2(bridge.reloadKeysIfChanged(keysFile(), &error), error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(2));
        QVERIFY(bridge.isDevice("dev-2"));

        // A broken edit is refused, with its line, and keeps the table; it is tried again until it is fixed.
        QVERIFY(writeFile(keysPath(), "dev-1 " + Key1 + "\ndev-2\n"));
        QVERIFY(setModified(keysPath(), t0.addSecs(2)));
        error.clear();
        QVERIFY(!bridge.reloadKeysIfChanged(keysFile(), &error));
        QVERIFY2(error.find(":2:") != std::string::npos, error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(2));
        QVERIFY(acceptsDev1Key(bridge, Key2));
        error.clear();
        QVERIFY(!bridge.reloadKeysIfChanged(keysFile(), &error));
        QVERIFY(!error.empty());

        QVERIFY(writeFile(keysPath(), "dev-1 " + Key1 + "\n"));
        QVERIFY(setModified(keysPath(), t0.addSecs(3)));
        QVERIFY2(bridge.reloadKeysIfChanged(keysFile(), &error), error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(1));
        QVERIFY(acceptsDev1Key(bridge, Key1));

        // A file that went away keeps the table too.
        QVERIFY(QFile::remove(keysPath()));
        QVERIFY(!bridge.reloadKeysIfChanged(keysFile(), &error));
        QVERIFY2(error.find("cannot read") != std::string::npos, error.c_str());
        QCOMPARE(bridge.deviceCount(), std::size_t(1));
    }

    void base64Decode_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("two = of padding") << "QQ=="_ba << true << "A"_ba;
        QTest::newRow("one = of padding") << "QUI="_ba << true << "AB"_ba;
        QTest::newRow("no padding") << "QUJD"_ba << true << "ABC"_ba;
        QTest::newRow("two groups") << "QUJDRA=="_ba << true << "ABCD"_ba;
        QTest::newRow("zero bytes") << "AAAA"_ba << true << QByteArray(3, '\0');
        QTest::newRow("+ and /") << "+/+/"_ba << true << QByteArray::fromBase64("+/+/");
        QTest::newRow("a device key") << Key1 << true << QByteArray::fromBase64(Key1);

        QTest::newRow("empty") << QByteArray() << false << QByteArray();
        QTest::newRow("padding left out") << "QQ"_ba << false << QByteArray();
        QTest::newRow("one = short") << "QQ="_ba << false << QByteArray();
        QTest::newRow("five chars") << "QUJDR"_ba << false << QByteArray();
        QTest::newRow("not the alphabet") << "!!!!"_ba << false << QByteArray();
        QTest::newRow("base64url") << "QQ-_"_ba << false << QByteArray();
        QTest::newRow("line break") << "QUJ\n"_ba << false << QByteArray();
        QTest::newRow("padding only") << "===="_ba << false << QByteArray();
        QTest::newRow("three = of padding") << "A==="_ba << false << QByteArray();
        QTest::newRow("data after padding") << "QQ=A"_ba << false << QByteArray();
        QTest::newRow("= inside a group") << "Q=Q="_ba << false << QByteArray();
        QTest::newRow("padding in the middle") << "QQ==QQ=="_ba << false << QByteArray();
    }

    void base64Decode()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, decoded);
        const std::optional<std::string> result = IotHubBridge::base64Decode(str(text));
        QCOMPARE(result.has_value(), valid);
        if (valid)
            QCOMPARE(bytes(*result), decoded);
    }

    void base64RoundTrip()
    {
        QCOMPARE(bytes(IotHubBridge::base64Encode({})), QByteArray());
        quint32 seed = 12345;
        for (int length = 1; length <= 48; ++length) {
            QByteArray data(length, '\0');
            for (char &c : data) {
                seed = seed * 1103515245 + 12345;
                c = char(seed >> 16);
            }
            const std::string encoded = IotHubBridge::base64Encode(str(data));
            QCOMPARE(bytes(encoded), data.toBase64());
            const std::optional<std::string> decoded = IotHubBridge::base64Decode(encoded);
            QVERIFY(decoded);
            QCOMPARE(bytes(*decoded), data);
        }
    }

    void percentDecode_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("decoded");
        QTest::newRow("empty") << QByteArray() << true << QByteArray();
        QTest::newRow("plain") << "abc"_ba << true << "abc"_ba;
        QTest::newRow("escape") << "%41"_ba << true << "A"_ba;
        QTest::newRow("upper and lower hex") << "%2F%2f"_ba << true << "//"_ba;
        QTest::newRow("in the middle") << "a%20b"_ba << true << "a b"_ba;
        QTest::newRow("+ stays +") << "a+b"_ba << true << "a+b"_ba;
        QTest::newRow("escaped %") << "100%25"_ba << true << "100%"_ba;
        QTest::newRow("NUL") << "%00"_ba << true << QByteArray(1, '\0');
        QTest::newRow("UTF-8") << "%C3%A9"_ba << true << "\xc3\xa9"_ba;
        QTest::newRow("escape at the end") << "ab%3D"_ba << true << "ab="_ba;
        QTest::newRow("% alone") << "%"_ba << false << QByteArray();
        QTest::newRow("% at the end") << "ab%"_ba << false << QByteArray();
        QTest::newRow("%2 at the end") << "ab%2"_ba << false << QByteArray();
        QTest::newRow("%2 alone") << "%2"_ba << false << QByteArray();
        QTest::newRow("%zz") << "%zz"_ba << false << QByteArray();
        QTest::newRow("%2g") << "a%2gb"_ba << false << QByteArray();
        QTest::newRow("%g2") << "a%g2b"_ba << false << QByteArray();
        QTest::newRow("%%41") << "%%41"_ba << false << QByteArray();
        QTest::newRow("sign in an escape") << "%+1"_ba << false << QByteArray();
    }

    void percentDecode()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, decoded);
        const std::optional<std::string> result = IotHubBridge::percentDecode(str(text));
        QCOMPARE(result.has_value(), valid);
        if (valid)
            QCOMPARE(bytes(*result), decoded);
    }

    void percentEncode()
    {
        const auto encode = [](const char *text) { return bytes(IotHubBridge::percentEncode(text)); };
        QCOMPARE(encode(""), QByteArray());
        QCOMPARE(encode("myhub.azure-devices.net/devices/dev-1"),
                 "myhub.azure-devices.net%2Fdevices%2Fdev-1"_ba);
        QCOMPARE(encode("Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4="),
                 "Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4%3D"_ba);
        QCOMPARE(encode("a b+c/~_-.%"), "a%20b%2Bc%2F~_-.%25"_ba);
        QCOMPARE(encode("\xc3\xa9"), "%C3%A9"_ba);
        // Every byte survives a round trip.
        std::string all;
        for (int c = 0; c < 256; ++c)
            all += char(c);
        const std::optional<std::string> back = IotHubBridge::percentDecode(IotHubBridge::percentEncode(all));
        QVERIFY(back);
        QCOMPARE(bytes(*back), bytes(all));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestIotHubBridge)
#include "tst_iothubbridge.moc"
