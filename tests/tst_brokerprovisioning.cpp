// BrokerProvisioning: the roles' topics, the acl_file (user sections only, $aws/# spelt out), the strict
// specification, the password file hashed by mosquitto_passwd, `fleet-hub provision` itself; then a real
// mosquitto started with the generated files, where real MQTT 5 clients of each role find out what the broker
// lets them publish (PUBACK 0x87 "Not authorized" otherwise) and receive, and fleet-sim's devices and
// fleet-hub run under their own accounts.

#include "brokerobserver.h"
#include "brokerprovisioning.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttreasoncodes.h"
#include "programprocess.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simfleet.h"
#include "testutil.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::BrokerProvisioning;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using Role = BrokerProvisioning::Role;
using Access = BrokerProvisioning::Access;

namespace {

// The accounts of the integration test: docs/security.md's cast, two ordinary devices, a sample and a design
// device (fleet-sim's kinds, so "devices" as an array of blocks), and a device with an extra read of '#' that
// shows why the roles spell out $aws/#.
constexpr auto Spec = R"({
  "accounts": [
    {"name": "alice", "roles": ["operator"]},
    {"name": "bob", "roles": ["operator", "approver"]},
    {"name": "carol", "roles": ["approver"]},
    {"name": "eve", "roles": ["operator"], "password": "eve-chose-this"},
    {"name": "monitor", "roles": ["monitor"]},
    {"name": "hub", "roles": ["service"]},
    {"name": "probe", "roles": ["device"], "extra": {"read": ["#"]}}
  ],
  "devices": [{"prefix": "dev-", "count": 2}, {"prefix": "sample-", "count": 1},
              {"prefix": "design-", "count": 1}]
})";

// How long a message the ACL withholds is given to arrive anyway, after a marker that was sent later did.
constexpr int StragglerMs = 200;

enum class Outcome { Accepted, Denied, NoAnswer };

const char *toString(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return "accepted";
    case Outcome::Denied:
        return "denied (0x87)";
    case Outcome::NoAnswer:
        return "no answer";
    }
    return "?";
}

// One MQTT 5 connection as one account, with everything it received.
struct Client
{
    QString name;
    MqttClient client;
    QList<MqttMessage> received;

    bool receivedOn(const QString &topic) const
    {
        return std::any_of(received.cbegin(), received.cend(),
                           [&](const MqttMessage &m) { return m.topic() == topic; });
    }

    // QoS 1, so that the broker answers: PUBACK 0x10 or 0 when it took the message, 0x87 when the ACL denied
    // it (MQTT 5; 3.1.1 would acknowledge and drop it silently).
    Outcome publish(const QString &topic, const QByteArray &payload = "x")
    {
        QSignalSpy sent(&client, &MqttClient::messageSent);
        QSignalSpy failed(&client, &MqttClient::publishFailed);
        const int id = client.publish(topic, payload, 1);
        if (id <= 0)
            return Outcome::NoAnswer;
        const auto has = [id](const QSignalSpy &spy) {
            return std::any_of(spy.cbegin(), spy.cend(),
                               [id](const QList<QVariant> &a) { return a.at(0) == id; });
        };
        if (!QTest::qWaitFor([&] { return has(sent) || has(failed); }, DefaultTimeoutMs))
            return Outcome::NoAnswer;
        if (has(sent))
            return Outcome::Accepted;
        for (const QList<QVariant> &arguments : failed) {
            if (arguments.at(0) == id && arguments.at(2).toString().contains(fleet::mqttReasonText(0x87)))
                return Outcome::Denied;
        }
        return Outcome::NoAnswer;
    }
};

} // namespace

class TestBrokerProvisioning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void rolesGrantTheDocumentedTopics();
    void aclHasOnlyUserSections();
    void specIsReadStrictly_data();
    void specIsReadStrictly();
    void passwordsAreGeneratedOrKept();
    void devicesInBlocks();
    void writeHashesThePasswords();
    void provisionCommand();

    void operatorWritesOnlyUnderItsOwnName();
    void approverDecidesOnlyInItsOwnName();
    void deviceWritesOnlyItsOwnTopics();
    void deviceReadsOnlyItsOwnRequests();
    void deviceUsesOnlyItsOwnDialectTopics();
    void deviceReadsOnlyItsOwnDialectRequests();
    void monitorAndHubReadEveryDialectsReplies();
    void monitorReadsEverythingAndAsksForTheAuditLog();
    void serviceMayDoEverything();
    void hashDoesNotCoverDollarTopics();
    void wrongPasswordIsRefused();
    void fleetSimAndHubRunUnderTheirAccounts();

private:
    Client *connectAs(const QString &name, const QStringList &filters = {});
    QString password(const QString &name) const;
    // Published by hub after the topics under test: once it has arrived at everyone subscribed, whatever the
    // ACL let through before it has arrived too (mosquitto keeps one connection's messages in order).
    bool sendMarker(const QList<Client *> &receivers);

    QTemporaryDir m_dir;
    BrokerProvisioning m_provisioning;
    std::unique_ptr<MosquittoBroker> m_broker;
    std::vector<std::unique_ptr<Client>> m_clients;
    int m_markers = 0;
};

void TestBrokerProvisioning::initTestCase()
{
    QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(), "mosquitto is not installed: run ./fleet setup");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_provisioning.addSpec(Spec, &error), qPrintable(error));
    QVERIFY2(m_provisioning.write(m_dir.filePath(u"broker"_s), &error), qPrintable(error));

    MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
    options.passwordFile = m_provisioning.passwordFile();
    options.aclFile = m_provisioning.aclFile();
    m_broker = std::make_unique<MosquittoBroker>(options);
    QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
}

void TestBrokerProvisioning::cleanupTestCase()
{
    m_clients.clear();
    if (m_broker)
        m_broker->stop();
}

QString TestBrokerProvisioning::password(const QString &name) const
{
    for (const BrokerProvisioning::Account &account : m_provisioning.accounts()) {
        if (account.name == name)
            return account.password;
    }
    return {};
}

Client *TestBrokerProvisioning::connectAs(const QString &name, const QStringList &filters)
{
    auto client = std::make_unique<Client>();
    client->name = name;
    BrokerProfile profile = fleet::test::profileFor(*m_broker);
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    profile.clientId = u"%1-%2"_s.arg(name).arg(m_clients.size());
    profile.username = name;
    client->client.setProfile(profile);
    client->client.setPassword(password(name));
    Client *raw = client.get();
    QObject::connect(&raw->client, &MqttClient::messageReceived, &raw->client,
                     [raw](const MqttMessage &m) { raw->received.append(m); });
    if (!fleet::test::connectAndWait(raw->client))
        return nullptr;
    for (const QString &filter : filters) {
        if (!fleet::test::subscribeAndWait(raw->client, filter))
            return nullptr;
    }
    m_clients.push_back(std::move(client));
    return raw;
}

bool TestBrokerProvisioning::sendMarker(const QList<Client *> &receivers)
{
    // Every role reads or is sent cmd/{its id}/req; the hub's '#' covers all of them. A marker per receiver,
    // on a topic each may read: a device's own request topic, else a fleet topic.
    Client *hub = connectAs(u"hub"_s);
    if (!hub)
        return false;
    const QString payload = u"marker-%1"_s.arg(++m_markers);
    for (Client *receiver : receivers) {
        const bool device = receiver->name.startsWith(u"dev-"_s) || receiver->name.startsWith(u"sample-"_s) ||
                            receiver->name.startsWith(u"design-"_s) || receiver->name == "probe"_L1;
        const QString topic = device ? u"cmd/%1/req"_s.arg(receiver->name) : u"fleet/gate/info"_s;
        if (hub->publish(topic, payload.toUtf8()) != Outcome::Accepted)
            return false;
    }
    const bool arrived = QTest::qWaitFor(
        [&] {
            return std::all_of(receivers.cbegin(), receivers.cend(), [&](Client *c) {
                return std::any_of(c->received.cbegin(), c->received.cend(),
                                   [&](const MqttMessage &m) { return m.payload() == payload.toUtf8(); });
            });
        },
        DefaultTimeoutMs);
    QTest::qWait(StragglerMs);
    return arrived;
}

#define QCOMPARE_PUBLISH(client, topic, expected)                                                            \
    do {                                                                                                     \
        const Outcome outcome = (client)->publish(topic);                                                    \
        QVERIFY2(outcome == (expected), qPrintable(u"%1 on %2: %3, expected %4"_s.arg(                       \
                                            (client)->name, topic, QLatin1StringView(toString(outcome)),     \
                                            QLatin1StringView(toString(expected)))));                        \
    } while (false)

void TestBrokerProvisioning::rolesGrantTheDocumentedTopics()
{
    using Grant = BrokerProvisioning::Grant;
    const auto topics = [](Role role, Access access) {
        QStringList result;
        for (const Grant &grant : BrokerProvisioning::grantsFor(role, u"me"_s)) {
            if (grant.access == access)
                result << grant.topic;
        }
        return result;
    };
    // The people read Azure twins and presence too, never the hub's raw conversation with a device.
    const QStringList everything = {u"#"_s, u"$aws/#"_s, u"$fleet/twins/#"_s, u"$fleet/iothub-presence/#"_s};
    QCOMPARE(
        topics(Role::Operator, Access::Write),
        QStringList({u"fleet/gate/submit/me/#"_s, u"fleet/gate/broadcast/me/+"_s, u"fleet/gate/cancel/me/#"_s,
                     u"fleet/aws-commands/start/me/+"_s, u"fleet/azure-methods/invoke/me/+"_s,
                     u"$fleet/twins/+/get"_s, u"fleet/gate/audit/query/me"_s, u"$aws/things/+/shadow/get"_s,
                     u"$aws/things/+/shadow/name/+/get"_s, u"sandbox/me/#"_s}));
    QCOMPARE(topics(Role::Operator, Access::Read), everything);
    QCOMPARE(topics(Role::Approver, Access::Write),
             QStringList({u"fleet/gate/decisions/+/+/me"_s, u"fleet/gate/audit/query/me"_s}));
    QCOMPARE(topics(Role::Approver, Access::Read), everything);
    QCOMPARE(topics(Role::Device, Access::Read),
             QStringList({u"cmd/me/req"_s, u"cmd/group/+/req"_s, u"commands/me"_s, u"device_status/request"_s,
                          u"$aws/things/me/shadow/#"_s, u"$aws/commands/things/me/executions/+/request/#"_s,
                          u"$aws/commands/things/me/executions/+/response/+/+"_s,
                          u"$aws/commands/clients/me/executions/+/request/#"_s,
                          u"$aws/commands/clients/me/executions/+/response/+/+"_s}));
    QCOMPARE(topics(Role::Device, Access::Write),
             QStringList({u"cmd/me/resp"_s, u"cmd/group/+/resp"_s, u"commands/me/ack"_s,
                          u"device_status/response"_s, u"presence/me"_s, u"telemetry/me"_s, u"logs/me"_s,
                          u"$aws/things/me/shadow/update"_s, u"$aws/things/me/shadow/name/+/update"_s,
                          u"$aws/things/me/shadow/get"_s, u"$aws/things/me/shadow/name/+/get"_s,
                          u"$aws/things/me/shadow/delete"_s, u"$aws/things/me/shadow/name/+/delete"_s,
                          u"$aws/commands/things/me/executions/+/response/json"_s,
                          u"$aws/commands/things/me/executions/+/response/cbor"_s,
                          u"$aws/commands/clients/me/executions/+/response/json"_s,
                          u"$aws/commands/clients/me/executions/+/response/cbor"_s}));
    QCOMPARE(topics(Role::Device, Access::ReadWrite), QStringList());
    QCOMPARE(topics(Role::Service, Access::ReadWrite), QStringList({u"#"_s, u"$aws/#"_s, u"$fleet/#"_s}));
    QCOMPARE(topics(Role::Service, Access::Read) + topics(Role::Service, Access::Write), QStringList());
    QCOMPARE(topics(Role::Monitor, Access::Read), everything);
    QCOMPARE(topics(Role::Monitor, Access::Write), QStringList{u"fleet/gate/audit/query/me"_s});
    QCOMPARE(topics(Role::Monitor, Access::ReadWrite), QStringList());
}

void TestBrokerProvisioning::aclHasOnlyUserSections()
{
    const QString acl = m_provisioning.aclText();
    const QStringList lines = acl.split(u'\n');
    QString section;
    QHash<QString, QStringList> sections;
    for (const QString &line : lines) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QVERIFY2(!line.startsWith(u"pattern"_s), qPrintable(line));
        if (line.startsWith(u"user "_s)) {
            section = line.mid(5);
            QVERIFY2(!sections.contains(section), qPrintable(section));
            sections.insert(section, {});
            continue;
        }
        // Nothing before the first user line: that would apply to anonymous clients.
        QVERIFY2(!section.isEmpty(), qPrintable(line));
        sections[section] << line;
    }
    QCOMPARE(sections.size(), m_provisioning.accounts().size());
    // bob holds both roles: the union, each line once.
    const QStringList bob = sections.value(u"bob"_s);
    QVERIFY(bob.contains(u"topic write fleet/gate/submit/bob/#"_s));
    QVERIFY(bob.contains(u"topic write fleet/gate/decisions/+/+/bob"_s));
    QCOMPARE(bob.count(u"topic read #"_s), 1);
    QCOMPARE(bob.count(u"topic read $aws/#"_s), 1);
    QCOMPARE(bob.count(u"topic write fleet/gate/audit/query/bob"_s), 1);
    for (const QString &line : sections.value(u"dev-1"_s))
        QVERIFY2(!line.contains(u"audit"_s), qPrintable(line)); // devices never ask for the audit log
    QVERIFY(sections.value(u"dev-1"_s).contains(u"topic write cmd/dev-1/resp"_s));
    QVERIFY(sections.value(u"hub"_s).contains(u"topic readwrite $aws/#"_s));
    QVERIFY(sections.value(u"probe"_s).contains(u"topic read #"_s));
    QVERIFY(acl.contains(u"# probe: device; extra topics from the specification"_s));

    // The snippet names the files written.
    const QString snippet =
        m_provisioning.configSnippet(m_provisioning.passwordFile(), m_provisioning.aclFile());
    for (const QString &line :
         {u"allow_anonymous false"_s, u"password_file "_s + m_provisioning.passwordFile(),
          u"acl_file "_s + m_provisioning.aclFile(), u"set_tcp_nodelay true"_s})
        QVERIFY2(snippet.split(u'\n').contains(line), qPrintable(snippet));
    QFile config(m_provisioning.configFile());
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(config.readAll()), snippet);
}

void TestBrokerProvisioning::specIsReadStrictly_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"accounts\": [") << u"Line 1"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"not array"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"acounts": []})") << u"acounts"_s;
    QTest::newRow("unknown role") << QByteArray(R"({"accounts": [{"name": "a", "roles": ["admin"]}]})")
                                  << u"\"admin\""_s;
    QTest::newRow("no role") << QByteArray(R"({"accounts": [{"name": "a", "roles": []}]})") << u"no role"_s;
    QTest::newRow("no name") << QByteArray(R"({"accounts": [{"roles": ["operator"]}]})") << u"\"name\""_s;
    QTest::newRow("slash in name") << QByteArray(R"({"accounts": [{"name": "a/b", "roles": ["operator"]}]})")
                                   << u"a/b"_s;
    QTest::newRow("newline in name") << QByteArray(R"({"accounts": [{"name": "a\ntopic readwrite #", "roles":
        ["monitor"]}]})") << u"not a valid account name"_s;
    QTest::newRow("colon in name") << QByteArray(R"({"accounts": [{"name": "a:b", "roles": ["operator"]}]})")
                                   << u"a:b"_s;
    QTest::newRow("twice") << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"]},
        {"name": "a", "roles": ["monitor"]}]})")
                           << u"twice"_s;
    QTest::newRow("device clash") << QByteArray(R"({"accounts": [{"name": "dev-2", "roles": ["operator"]}],
        "devices": {"prefix": "dev-", "count": 3}})")
                                  << u"dev-2"_s;
    QTest::newRow("device and operator")
        << QByteArray(R"({"accounts": [{"name": "d", "roles": ["device", "operator"]}]})")
        << u"device role only"_s;
    QTest::newRow("bad password") << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"],
        "password": "with space"}]})")
                                  << u"password"_s;
    QTest::newRow("unknown account key")
        << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"], "role": "x"}]})")
        << u"\"role\""_s;
    QTest::newRow("bad extra topic") << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"],
        "extra": {"write": ["a/#/b"]}}]})")
                                     << u"a/#/b"_s;
    QTest::newRow("extra with a line break")
        << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"],
        "extra": {"write": ["a\nuser hub"]}}]})")
        << u"not a valid topic filter"_s;
    QTest::newRow("bad extra access") << QByteArray(R"({"accounts": [{"name": "a", "roles": ["operator"],
        "extra": {"deny": ["a"]}}]})") << u"extra.deny"_s;
    QTest::newRow("bad devices") << QByteArray(R"({"devices": {"prefix": "dev-"}})") << u"\"devices\""_s;
    QTest::newRow("zero devices") << QByteArray(R"({"devices": {"prefix": "dev-", "count": 0}})")
                                  << u"from 1 to"_s;
    QTest::newRow("no device blocks") << QByteArray(R"({"devices": []})") << u"empty array"_s;
    QTest::newRow("bad device block")
        << QByteArray(R"({"devices": [{"prefix": "dev-", "count": 2}, {"prefix": "sample-", "cuont": 1}]})")
        << u"devices[1]"_s;
    QTest::newRow("zero devices in a block")
        << QByteArray(R"({"devices": [{"prefix": "dev-", "count": 2}, {"prefix": "sample-", "count": 0}]})")
        << u"devices[1]: the device count must be from 1 to"_s;
    QTest::newRow("blocks that overlap")
        << QByteArray(R"({"devices": [{"prefix": "dev-", "count": 12}, {"prefix": "dev-1", "count": 2}]})")
        << u"dev-11"_s;
}

void TestBrokerProvisioning::specIsReadStrictly()
{
    QFETCH(QByteArray, spec);
    QFETCH(QString, error);
    BrokerProvisioning provisioning;
    QString why;
    QVERIFY2(provisioning.addSpec(R"({"accounts": [{"name": "first", "roles": ["monitor"]}]})", &why),
             qPrintable(why));
    QVERIFY(!provisioning.addSpec(spec, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
    // A specification with an error adds nothing.
    QCOMPARE(provisioning.accounts().size(), 1);
}

void TestBrokerProvisioning::passwordsAreGeneratedOrKept()
{
    BrokerProvisioning provisioning;
    QString error;
    QVERIFY(provisioning.addSpec(R"({"accounts": [{"name": "a", "roles": ["operator"], "password": "given"},
        {"name": "b", "roles": ["operator"]}], "devices": {"prefix": "d", "count": 3}})",
                                 &error));
    QCOMPARE(provisioning.accounts().size(), 5);
    QCOMPARE(provisioning.accounts().at(4).name, u"d3"_s);
    QCOMPARE(provisioning.accounts().at(4).roles, QList<Role>{Role::Device});
    provisioning.generateMissingPasswords();
    QSet<QString> seen;
    for (const BrokerProvisioning::Account &account : provisioning.accounts()) {
        QVERIFY2(BrokerProvisioning::isValidPassword(account.password), qPrintable(account.password));
        seen.insert(account.password);
    }
    QCOMPARE(seen.size(), 5);
    QCOMPARE(provisioning.accounts().at(0).password, u"given"_s);
    QCOMPARE(provisioning.accounts().at(1).password.size(), 24); // 144 bits in base64url

    const Json info = provisioning.info();
    QCOMPARE(info["accounts"].size(), std::size_t(5));
    QCOMPARE_JSON(info["accounts"][0]["name"], "a");
    QCOMPARE_JSON(info["accounts"][0]["password"], "given");
    QCOMPARE_JSON(info["accounts"][0]["roles"], Json::array({"operator"}));
    QCOMPARE_JSON(info["accounts"][2]["roles"], Json::array({"device"}));
}

void TestBrokerProvisioning::devicesInBlocks()
{
    // fleet-sim's kinds each name their devices: one block per kind, added in order after the people.
    BrokerProvisioning provisioning;
    QString error;
    QVERIFY2(provisioning.addSpec(
                 R"({"devices": [{"prefix": "dev-", "count": 2}, {"prefix": "sample-", "count": 1},
        {"prefix": "design-", "count": 1}, {"prefix": "thing-", "count": 2}],
        "accounts": [{"name": "hub", "roles": ["service"]}]})",
                 &error),
             qPrintable(error));
    QStringList names;
    for (const BrokerProvisioning::Account &account : provisioning.accounts()) {
        names << account.name;
        if (account.name != "hub"_L1)
            QCOMPARE(account.roles, QList<Role>{Role::Device});
    }
    QCOMPARE(names, QStringList({u"hub"_s, u"dev-1"_s, u"dev-2"_s, u"sample-1"_s, u"design-1"_s, u"thing-1"_s,
                                 u"thing-2"_s}));
    // Each device's section has its own topics of every dialect.
    const QString acl = provisioning.aclText();
    for (const QString &line :
         {u"user design-1"_s, u"topic read commands/design-1"_s, u"topic write commands/design-1/ack"_s,
          u"topic read cmd/sample-1/req"_s, u"topic write device_status/response"_s,
          u"topic read device_status/request"_s})
        QVERIFY2(acl.split(u'\n').contains(line), qPrintable(line));

    // The single block still reads as it always did.
    BrokerProvisioning single;
    QVERIFY2(single.addSpec(R"({"devices": {"prefix": "d", "count": 2}})", &error), qPrintable(error));
    QCOMPARE(single.accounts().size(), 2);
    QCOMPARE(single.accounts().at(1).name, u"d2"_s);
}

void TestBrokerProvisioning::writeHashesThePasswords()
{
    QFile passwd(m_provisioning.passwordFile());
    QVERIFY(passwd.open(QIODevice::ReadOnly));
    const QByteArray text = passwd.readAll();
    QCOMPARE(text.count('\n'), m_provisioning.accounts().size());
    for (const BrokerProvisioning::Account &account : m_provisioning.accounts()) {
        QVERIFY2(text.contains(account.name.toUtf8() + ":$7$"), qPrintable(account.name));
        QVERIFY2(!text.contains(account.password.toUtf8()), qPrintable(account.name));
    }
    QCOMPARE(passwd.permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    // The plain form is gone.
    QVERIFY(!QFileInfo::exists(m_provisioning.passwordFile() + u".new"_s));
    const QFileInfo dir(QFileInfo(m_provisioning.passwordFile()).absolutePath());
    QCOMPARE(dir.permissions() & (QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup),
             QFile::Permissions());
}

void TestBrokerProvisioning::provisionCommand()
{
    const QString hub = fleet::test::HubProcess::executable();
    auto run = fleet::test::ProgramProcess::run(hub, {u"provision"_s, u"--help"_s});
    QCOMPARE_EXIT(*run, 0);
    QVERIFY2(run->out().contains(u"fleet/gate/decisions/+/+/{me}"_s), qPrintable(run->out()));
    QVERIFY2(run->out().contains(u"--spec"_s), qPrintable(run->out()));

    run = fleet::test::ProgramProcess::run(hub, {u"provision"_s, u"--account"_s, u"a=operator"_s});
    QCOMPARE_EXIT(*run, 2); // --output is required
    run = fleet::test::ProgramProcess::run(
        hub, {u"provision"_s, u"--account"_s, u"a=admin"_s, u"--output"_s, m_dir.filePath(u"bad"_s)});
    QCOMPARE_EXIT(*run, 2);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"bad"_s)));

    const QString spec = m_dir.filePath(u"spec.json"_s);
    QFile file(spec);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"accounts": [{"name": "alice", "roles": ["operator"]}]})");
    file.close();
    const QString output = m_dir.filePath(u"command"_s);
    const QString infoPath = m_dir.filePath(u"info.json"_s);
    run = fleet::test::ProgramProcess::run(hub, {u"provision"_s, u"--spec"_s, spec, u"--account"_s,
                                                 u"bob=operator,approver"_s, u"--devices"_s, u"3"_s,
                                                 u"--output"_s, output, u"--info"_s, infoPath});
    QCOMPARE_EXIT(*run, 0);
    for (const QString &name : {u"passwd"_s, u"acl"_s, u"mosquitto.conf"_s})
        QVERIFY2(QFileInfo::exists(output + u'/' + name), qPrintable(name));
    QFile infoFile(infoPath);
    QVERIFY(infoFile.open(QIODevice::ReadOnly));
    QCOMPARE(infoFile.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const Json info = Json::parse(infoFile.readAll().toStdString(), nullptr, false);
    QVERIFY(info.is_object());
    QCOMPARE(info["accounts"].size(), std::size_t(5));
    QCOMPARE_JSON(info["accounts"][1]["name"], "bob");
    QCOMPARE_JSON(info["accounts"][1]["roles"], Json::array({"operator", "approver"}));
    QCOMPARE_JSON(info["accounts"][4]["name"], "dev-3");
    QCOMPARE_JSON(info["config"], (output + u"/mosquitto.conf"_s).toStdString());

    // fleet-sim reads the device accounts from that very file.
    QString error;
    const auto devices = fleet::sim::SimFleet::readDeviceAccounts(infoPath, &error);
    QVERIFY2(devices, qPrintable(error));
    QCOMPARE(devices->size(), 3);
    QCOMPARE(devices->value(u"dev-2"_s),
             QString::fromStdString(info["accounts"][3]["password"].get<std::string>()));
    QVERIFY(!devices->contains(u"alice"_s));
    QVERIFY(!fleet::sim::SimFleet::readDeviceAccounts(spec, &error)); // accounts, but no device among them
}

void TestBrokerProvisioning::operatorWritesOnlyUnderItsOwnName()
{
    Client *eve = connectAs(u"eve"_s);
    QVERIFY(eve);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/submit/eve/x"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/submit/eve/cmd/dev-1/req"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/broadcast/eve/42"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/cancel/eve/42"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/audit/query/eve"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"$aws/things/dev-1/shadow/get"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"$aws/things/dev-1/shadow/name/config/get"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/submit/alice/x"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/cancel/alice/42"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/broadcast/alice/42"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/broadcast/eve/42/x"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/audit/query/alice"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/audit/replies/eve"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"cmd/dev-1/req"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"cmd/group/group-1/req"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"$aws/things/dev-1/shadow/update"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"$aws/things/dev-1/shadow/delete"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/decisions/alice/1/eve"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/approvals/eve/1"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"fleet/gate/results/eve"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(eve, u"telemetry/dev-1"_s, Outcome::Denied);
}

void TestBrokerProvisioning::approverDecidesOnlyInItsOwnName()
{
    Client *carol = connectAs(u"carol"_s);
    QVERIFY(carol);
    QCOMPARE_PUBLISH(carol, u"fleet/gate/decisions/alice/1/carol"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(carol, u"fleet/gate/decisions/alice/1/bob"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(carol, u"fleet/gate/decisions/alice/1/carol/x"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(carol, u"fleet/gate/audit/query/carol"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(carol, u"fleet/gate/audit/query/bob"_s, Outcome::Denied);
    // An approver only: no submissions of her own.
    QCOMPARE_PUBLISH(carol, u"fleet/gate/submit/carol/x"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(carol, u"cmd/dev-1/req"_s, Outcome::Denied);

    Client *bob = connectAs(u"bob"_s);
    QVERIFY(bob);
    QCOMPARE_PUBLISH(bob, u"fleet/gate/decisions/alice/1/bob"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(bob, u"fleet/gate/submit/bob/x"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(bob, u"fleet/gate/decisions/alice/1/carol"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(bob, u"fleet/gate/submit/alice/x"_s, Outcome::Denied);
}

void TestBrokerProvisioning::deviceWritesOnlyItsOwnTopics()
{
    Client *device = connectAs(u"dev-1"_s);
    QVERIFY(device);
    for (const QString &topic :
         {u"cmd/dev-1/resp"_s, u"cmd/group/group-1/resp"_s, u"telemetry/dev-1"_s, u"presence/dev-1"_s,
          u"logs/dev-1"_s, u"$aws/things/dev-1/shadow/update"_s, u"$aws/things/dev-1/shadow/get"_s,
          u"$aws/things/dev-1/shadow/name/config/update"_s})
        QCOMPARE_PUBLISH(device, topic, Outcome::Accepted);
    for (const QString &topic :
         {u"cmd/dev-2/resp"_s, u"telemetry/dev-2"_s, u"presence/dev-2"_s, u"cmd/dev-2/req"_s,
          u"cmd/dev-1/req"_s, u"cmd/group/group-1/req"_s, u"fleet/gate/decisions/alice/1/dev-1"_s,
          u"fleet/gate/submit/dev-1/x"_s, u"fleet/gate/broadcast/dev-1/x"_s,
          u"fleet/gate/audit/query/dev-1"_s, u"fleet/gate/audit/query/alice"_s,
          u"$aws/things/dev-2/shadow/update"_s, u"$aws/things/dev-1/shadow/update/accepted"_s,
          u"$aws/things/dev-1/shadow/update/delta"_s})
        QCOMPARE_PUBLISH(device, topic, Outcome::Denied);
}

void TestBrokerProvisioning::deviceReadsOnlyItsOwnRequests()
{
    Client *device = connectAs(u"dev-1"_s, {u"cmd/#"_s, u"$aws/things/#"_s, u"fleet/#"_s});
    QVERIFY(device);
    Client *hub = connectAs(u"hub"_s);
    QVERIFY(hub);
    for (const QString &topic :
         {u"cmd/dev-1/req"_s, u"cmd/group/group-1/req"_s, u"cmd/dev-2/req"_s, u"cmd/dev-2/resp"_s,
          u"$aws/things/dev-1/shadow/update/delta"_s, u"$aws/things/dev-2/shadow/update/delta"_s,
          u"fleet/gate/approvals/alice/1"_s})
        QCOMPARE_PUBLISH(hub, topic, Outcome::Accepted);
    QVERIFY(sendMarker({device}));
    QVERIFY(device->receivedOn(u"cmd/dev-1/req"_s));
    QVERIFY(device->receivedOn(u"cmd/group/group-1/req"_s));
    QVERIFY(device->receivedOn(u"$aws/things/dev-1/shadow/update/delta"_s));
    QVERIFY(!device->receivedOn(u"cmd/dev-2/req"_s));
    QVERIFY(!device->receivedOn(u"cmd/dev-2/resp"_s));
    QVERIFY(!device->receivedOn(u"$aws/things/dev-2/shadow/update/delta"_s));
    QVERIFY(!device->receivedOn(u"fleet/gate/approvals/alice/1"_s));
}

void TestBrokerProvisioning::deviceUsesOnlyItsOwnDialectTopics()
{
    // The design page's commands/{id} and its ack, the seed's broadcast: a device answers as itself only.
    for (const QString &name : {u"dev-1"_s, u"design-1"_s, u"sample-1"_s}) {
        Client *device = connectAs(name);
        QVERIFY(device);
        for (const QString &topic : {u"commands/%1/ack"_s.arg(name), u"device_status/response"_s})
            QCOMPARE_PUBLISH(device, topic, Outcome::Accepted);
        // Not another's ack, not a request (its own included), not the broadcast's request.
        for (const QString &topic :
             {u"commands/dev-2/ack"_s, u"commands/design-2/ack"_s, u"commands/%1"_s.arg(name),
              u"commands/dev-2"_s, u"commands/%1/ack/x"_s.arg(name), u"device_status/request"_s,
              u"device_status/response/x"_s})
            QCOMPARE_PUBLISH(device, topic, Outcome::Denied);
    }
}

void TestBrokerProvisioning::deviceReadsOnlyItsOwnDialectRequests()
{
    Client *device = connectAs(u"design-1"_s, {u"commands/#"_s, u"device_status/#"_s, u"cmd/design-1/req"_s});
    QVERIFY(device);
    Client *hub = connectAs(u"hub"_s);
    QVERIFY(hub);
    for (const QString &topic :
         {u"commands/design-1"_s, u"commands/dev-1"_s, u"commands/dev-1/ack"_s, u"commands/design-1/ack"_s,
          u"device_status/request"_s, u"device_status/response"_s})
        QCOMPARE_PUBLISH(hub, topic, Outcome::Accepted);
    QVERIFY(sendMarker({device}));
    QVERIFY(device->receivedOn(u"commands/design-1"_s));
    QVERIFY(device->receivedOn(u"device_status/request"_s));
    // Not another device's requests, and no device's replies: not even its own ack, nor the broadcast's
    // replies, in which the other devices name themselves.
    QVERIFY(!device->receivedOn(u"commands/dev-1"_s));
    QVERIFY(!device->receivedOn(u"commands/dev-1/ack"_s));
    QVERIFY(!device->receivedOn(u"commands/design-1/ack"_s));
    QVERIFY(!device->receivedOn(u"device_status/response"_s));
}

void TestBrokerProvisioning::monitorAndHubReadEveryDialectsReplies()
{
    // What the consoles and fleet-hub read of cmd/+/resp, they read of commands/+/ack and
    // device_status/response.
    Client *monitor =
        connectAs(u"monitor"_s, {u"commands/+/ack"_s, u"device_status/response"_s, u"fleet/gate/info"_s});
    QVERIFY(monitor);
    Client *alice =
        connectAs(u"alice"_s, {u"commands/+/ack"_s, u"device_status/response"_s, u"fleet/gate/info"_s});
    QVERIFY(alice);
    Client *hub = connectAs(u"hub"_s, {u"commands/+/ack"_s, u"device_status/response"_s});
    QVERIFY(hub);
    Client *design = connectAs(u"design-1"_s);
    QVERIFY(design);
    Client *sample = connectAs(u"sample-1"_s);
    QVERIFY(sample);
    QCOMPARE_PUBLISH(design, u"commands/design-1/ack"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(sample, u"device_status/response"_s, Outcome::Accepted);
    QVERIFY(sendMarker({monitor, alice}));
    for (Client *reader : {monitor, alice, hub}) {
        QVERIFY2(
            QTest::qWaitFor([&] { return reader->receivedOn(u"commands/design-1/ack"_s); }, DefaultTimeoutMs),
            qPrintable(reader->name));
        QVERIFY2(reader->receivedOn(u"device_status/response"_s), qPrintable(reader->name));
    }
    // Only the hub writes the other dialects' requests; operators hand theirs to the gate.
    QCOMPARE_PUBLISH(hub, u"commands/design-1"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(hub, u"device_status/request"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(alice, u"commands/design-1"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(alice, u"device_status/request"_s, Outcome::Denied);
    QCOMPARE_PUBLISH(monitor, u"device_status/request"_s, Outcome::Denied);
}

void TestBrokerProvisioning::monitorReadsEverythingAndAsksForTheAuditLog()
{
    Client *monitor = connectAs(u"monitor"_s, {u"#"_s, u"$aws/#"_s});
    QVERIFY(monitor);
    Client *device = connectAs(u"dev-2"_s);
    QVERIFY(device);
    QCOMPARE_PUBLISH(device, u"telemetry/dev-2"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(device, u"$aws/things/dev-2/shadow/update"_s, Outcome::Accepted);
    QVERIFY(sendMarker({monitor}));
    QVERIFY(monitor->receivedOn(u"telemetry/dev-2"_s));
    QVERIFY(monitor->receivedOn(u"$aws/things/dev-2/shadow/update"_s));

    for (const QString &topic :
         {u"telemetry/dev-2"_s, u"cmd/dev-2/req"_s, u"fleet/gate/submit/monitor/x"_s,
          u"fleet/gate/decisions/alice/1/monitor"_s, u"$aws/things/dev-2/shadow/get"_s, u"monitor"_s,
          u"fleet/gate/audit/query/alice"_s, u"fleet/gate/audit/replies/monitor"_s})
        QCOMPARE_PUBLISH(monitor, topic, Outcome::Denied);
    // Its one write: asking fleet-hub for the audit log, under its own name.
    QCOMPARE_PUBLISH(monitor, u"fleet/gate/audit/query/monitor"_s, Outcome::Accepted);
}

void TestBrokerProvisioning::serviceMayDoEverything()
{
    Client *hub = connectAs(u"hub"_s, {u"#"_s, u"$aws/#"_s});
    QVERIFY(hub);
    for (const QString &topic :
         {u"cmd/dev-1/req"_s, u"cmd/group/group-2/req"_s, u"$aws/things/dev-1/shadow/update/accepted"_s,
          u"$aws/things/dev-1/shadow/name/config/update/delta"_s, u"fleet/gate/info"_s,
          u"fleet/gate/results/alice"_s, u"fleet/gate/approvals/alice/7"_s, u"anything/at/all"_s})
        QCOMPARE_PUBLISH(hub, topic, Outcome::Accepted);
    Client *operatorEve = connectAs(u"eve"_s);
    QVERIFY(operatorEve);
    QCOMPARE_PUBLISH(operatorEve, u"fleet/gate/submit/eve/cmd/dev-1/req"_s, Outcome::Accepted);
    QVERIFY(QTest::qWaitFor([&] { return hub->receivedOn(u"fleet/gate/submit/eve/cmd/dev-1/req"_s); },
                            DefaultTimeoutMs));
    QVERIFY(hub->receivedOn(u"$aws/things/dev-1/shadow/update/accepted"_s));
}

void TestBrokerProvisioning::hashDoesNotCoverDollarTopics()
{
    // probe is a device with an extra "topic read #": it receives the fleet's plain topics, but no $aws topic
    // beyond its own shadow's, although it subscribed to $aws/#. That is why each role spells $aws/# out.
    Client *probe = connectAs(u"probe"_s, {u"#"_s, u"$aws/#"_s});
    QVERIFY(probe);
    Client *device = connectAs(u"dev-1"_s);
    QVERIFY(device);
    QCOMPARE_PUBLISH(device, u"telemetry/dev-1"_s, Outcome::Accepted);
    QCOMPARE_PUBLISH(device, u"$aws/things/dev-1/shadow/update"_s, Outcome::Accepted);
    QVERIFY(sendMarker({probe}));
    QVERIFY(probe->receivedOn(u"telemetry/dev-1"_s));
    QVERIFY(!probe->receivedOn(u"$aws/things/dev-1/shadow/update"_s));
}

void TestBrokerProvisioning::wrongPasswordIsRefused()
{
    MqttClient client;
    BrokerProfile profile = fleet::test::profileFor(*m_broker);
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    profile.clientId = u"eve-wrong"_s;
    profile.username = u"eve"_s;
    client.setProfile(profile);
    client.setPassword(u"not-her-password"_s);
    client.setAutoReconnect(false);
    QSignalSpy errors(&client, &MqttClient::errorOccurred);
    QVERIFY(client.connectToBroker());
    QVERIFY(errors.wait(DefaultTimeoutMs));
    // mosquitto answers a wrong MQTT 5 password with 0x87 "Not authorized" rather than 0x86.
    const auto error = errors.first().at(0).value<MqttClient::Error>();
    QVERIFY2(error == MqttClient::Error::BadUsernameOrPassword || error == MqttClient::Error::NotAuthorized,
             qPrintable(errors.first().at(1).toString()));
}

void TestBrokerProvisioning::fleetSimAndHubRunUnderTheirAccounts()
{
    Client *monitor = connectAs(u"monitor"_s, {u"cmd/#"_s, u"commands/#"_s, u"device_status/#"_s,
                                               u"presence/#"_s, u"$aws/things/#"_s});
    QVERIFY(monitor);

    // fleet-hub as the service account.
    fleet::test::HubProcess hub;
    QProcessEnvironment environment = fleet::test::ProgramProcess::cleanEnvironment();
    environment.insert(u"FLEET_MQTT_PASSWORD"_s, password(u"hub"_s));
    hub.start({u"--broker"_s, m_broker->url(), u"--username"_s, u"hub"_s, u"--db"_s,
               m_dir.filePath(u"shadows.db"_s)},
              environment);
    QVERIFY2(hub.waitForServing(), qPrintable(hub.log()));

    // Four fleet-sim devices, each with its own account: two ordinary ones, the seed's sample device and the
    // design page's.
    fleet::sim::SimConfig config;
    config.devices = 4;
    config.sampleShare = 0.25;
    config.designShare = 0.25;
    config.groups = 1;
    config.telemetryIntervalMs = 0;
    config.latencyMaxMs = 0;
    BrokerProfile profile = fleet::test::profileFor(*m_broker);
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    fleet::sim::SimFleet fleet(config, profile);
    fleet.setDeviceAccounts({{u"dev-1"_s, password(u"dev-1"_s)},
                             {u"dev-2"_s, password(u"dev-2"_s)},
                             {u"sample-1"_s, password(u"sample-1"_s)},
                             {u"design-1"_s, password(u"design-1"_s)}});
    QSignalSpy online(&fleet, &fleet::sim::SimFleet::allOnline);
    QString error;
    QVERIFY2(fleet.start(&error), qPrintable(error));
    QVERIFY2(online.wait(DefaultTimeoutMs), qPrintable(m_broker->log()));

    // Presence, a command, a group command and the first shadow report all pass the device role.
    QVERIFY(QTest::qWaitFor([&] { return monitor->receivedOn(u"presence/dev-2"_s); }, DefaultTimeoutMs));
    Client *service = connectAs(u"hub"_s);
    QVERIFY(service);
    QCOMPARE(service->publish(u"cmd/dev-1/req"_s,
                              R"({"cmd":"set_led","tid":"T1","status":"REQUEST","params":{"color":"red"}})"),
             Outcome::Accepted);
    QCOMPARE(
        service->publish(u"cmd/group/group-1/req"_s, R"({"cmd":"motor_on","tid":"T2","status":"REQUEST"})"),
        Outcome::Accepted);
    QVERIFY2(QTest::qWaitFor([&] { return monitor->receivedOn(u"cmd/dev-1/resp"_s); }, DefaultTimeoutMs),
             qPrintable(m_broker->log()));
    QVERIFY(
        QTest::qWaitFor([&] { return monitor->receivedOn(u"cmd/group/group-1/resp"_s); }, DefaultTimeoutMs));
    QVERIFY2(
        QTest::qWaitFor([&] { return monitor->receivedOn(u"$aws/things/dev-1/shadow/update/accepted"_s); },
                        DefaultTimeoutMs),
        qPrintable(hub.log()));
    QCOMPARE(fleet.device(1)->led(), u"red"_s);

    // The other dialects pass it too: the design page's commands/{id} and its ack, the sample's plain text,
    // and the broadcast answered on device_status/response.
    QVERIFY(QTest::qWaitFor([&] { return monitor->receivedOn(u"presence/design-1"_s); }, DefaultTimeoutMs));
    QCOMPARE(
        service->publish(u"commands/design-1"_s,
                         R"({"cmd":"set_led","tid":"T3","status":"REQUEST","params":{"color":"green"}})"),
        Outcome::Accepted);
    QCOMPARE(service->publish(u"cmd/sample-1/req"_s, R"(set_led {"color":"blue"})"), Outcome::Accepted);
    QCOMPARE(service->publish(u"device_status/request"_s, "motor_on"), Outcome::Accepted);
    QVERIFY2(
        QTest::qWaitFor([&] { return monitor->receivedOn(u"commands/design-1/ack"_s); }, DefaultTimeoutMs),
        qPrintable(m_broker->log()));
    QVERIFY(QTest::qWaitFor([&] { return monitor->receivedOn(u"cmd/sample-1/resp"_s); }, DefaultTimeoutMs));
    QVERIFY(
        QTest::qWaitFor([&] { return monitor->receivedOn(u"device_status/response"_s); }, DefaultTimeoutMs));
    QCOMPARE(fleet.device(4)->led(), u"green"_s);
    QCOMPARE(fleet.device(3)->led(), u"blue"_s);
    QTRY_VERIFY_WITH_TIMEOUT(fleet.device(3)->motorOn(), DefaultTimeoutMs);

    // A device whose account is missing is refused before anything starts.
    fleet::sim::SimConfig three = config;
    three.devices = 3;
    three.sampleShare = 0;
    three.designShare = 0;
    fleet::sim::SimFleet incomplete(three, profile);
    incomplete.setDeviceAccounts({{u"dev-1"_s, password(u"dev-1"_s)}, {u"dev-2"_s, password(u"dev-2"_s)}});
    QVERIFY(!incomplete.start(&error));
    QVERIFY2(error.contains(u"dev-3"_s), qPrintable(error));

    QSignalSpy stopped(&fleet, &fleet::sim::SimFleet::stopped);
    fleet.stop();
    QVERIFY(stopped.wait(DefaultTimeoutMs));
    QVERIFY(hub.stop());
}

QTEST_GUILESS_MAIN(TestBrokerProvisioning)
#include "tst_brokerprovisioning.moc"
