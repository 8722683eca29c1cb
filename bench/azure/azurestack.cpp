#include "azurestack.h"

#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/brokerprofile.h"
#include "programprocess.h"

#include <QCoreApplication>
#include <QFile>
#include <QStorageInfo>
#include <QUrl>

#include <csignal>

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

constexpr int StartTimeoutMs = 15000;

} // namespace

AzureStack::AzureStack() = default;

AzureStack::~AzureStack()
{
    // The clients of the broker first, so that none spends its last moments reconnecting to a broker that is
    // gone; each by its own PID.
    if (m_echo && m_echo->isRunning()) {
        m_echo->signal(SIGTERM);
        if (!m_echo->waitForExit(5000))
            m_echo->kill();
    }
    if (m_hub && m_hub->isRunning() && !m_hub->stop())
        m_hub->kill();
    m_echo.reset();
    m_hub.reset();
    m_broker.reset();
}

bool AzureStack::start(int azureDevices, int echoInFlight, QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory"_s;
        return false;
    }
    using Role = BrokerProvisioning::Role;
    using Grant = BrokerProvisioning::Grant;
    using Access = BrokerProvisioning::Access;
    // The service account first: the plugin's hub_user is the first one.
    if (!m_accounts.addAccount({u"hub"_s, {Role::Service}, {}, {}}, error) ||
        !m_accounts.addAccount({u"alice"_s, {Role::Operator}, {}, {}}, error) ||
        // The monitor role reads '#', devices' events included; writing their cloud-to-device topics is the
        // one thing the echo needs beyond it (the plugin leaves both to the ACL for accounts).
        !m_accounts.addAccount({QString::fromLatin1(EchoAccount),
                                {Role::Monitor},
                                {},
                                {Grant{Access::Write, u"devices/+/messages/devicebound/#"_s}}},
                               error) ||
        !m_accounts.addAzureDevices(u"az-"_s, azureDevices, error))
        return false;
#ifdef FLEET_IOTHUB_PLUGIN
    m_accounts.setIotHubPlugin(QStringLiteral(FLEET_IOTHUB_PLUGIN));
#endif
    if (!m_accounts.write(m_dir.filePath(u"broker"_s), error))
        return false;
    return startBroker(error) && startHub(error) && startEcho(echoInFlight, error);
}

bool AzureStack::startBroker(QString *error)
{
    test::MosquittoBroker::Options options = test::MosquittoBroker::Options::quiet();
    options.tls = test::MosquittoBroker::Tls::ServerCertificate;
    options.passwordFile = m_accounts.passwordFile();
    options.aclFile = m_accounts.aclFile();
    options.startTimeoutMs = StartTimeoutMs;
    // From the snippet provisioning wrote: the plugin with its options, and set_tcp_nodelay (the broker
    // writes the listener, password and ACL lines itself).
    QFile config(m_accounts.configFile());
    if (!config.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(config.fileName(), config.errorString());
        return false;
    }
    for (const QString &line : QString::fromUtf8(config.readAll()).split(u'\n')) {
        if (line.startsWith("plugin"_L1) || line.startsWith("set_tcp_nodelay"_L1))
            options.extraConfigLines << line;
    }
    if (!options.extraConfigLines.contains(u"set_tcp_nodelay true"_s))
        options.extraConfigLines << u"set_tcp_nodelay true"_s;
    m_broker = std::make_unique<test::MosquittoBroker>(options);
    if (!m_broker->start()) {
        *error = u"mosquitto: "_s + m_broker->errorString();
        return false;
    }
    return true;
}

bool AzureStack::startHub(QString *error)
{
    // The password as an operator gives it, never on the command line.
    auto environment = test::ProgramProcess::cleanEnvironment();
    environment.insert(u"FLEET_MQTT_PASSWORD"_s, password(u"hub"_s));
    m_hub = std::make_unique<test::HubProcess>();
    m_hub->start({u"--broker"_s, url(), u"--username"_s, u"hub"_s, u"--ca"_s, caFile(), u"--db"_s,
                  m_dir.filePath(u"hub.db"_s)},
                 environment);
    if (!m_hub->waitForServing(StartTimeoutMs)) {
        *error = u"fleet-hub did not start serving: "_s + m_hub->log();
        return false;
    }
    return true;
}

bool AzureStack::startEcho(int inFlight, QString *error)
{
    m_echo = std::make_unique<test::ProgramProcess>(QCoreApplication::applicationFilePath());
    // The password on standard input, never on the command line.
    if (!m_echo->start({u"--echo"_s, url(), u"--ca"_s, caFile(), u"--username"_s,
                        QString::fromLatin1(EchoAccount), u"--in-flight"_s, QString::number(inFlight)},
                       password(QString::fromLatin1(EchoAccount)).toUtf8() + '\n') ||
        !m_echo->waitForLines(1, StartTimeoutMs) || m_echo->lines().constFirst() != "ready"_L1) {
        *error = u"the echo process did not get ready: "_s + m_echo->transcript();
        return false;
    }
    return true;
}

QString AzureStack::url() const
{
    return m_broker ? m_broker->url() : QString();
}

QString AzureStack::caFile() const
{
    return m_broker ? m_broker->caFile() : QString();
}

QString AzureStack::azureKey(const QString &device) const
{
    for (const auto &entry : m_accounts.azureDevices()) {
        if (entry.id == device)
            return entry.key;
    }
    return {};
}

QString AzureStack::password(const QString &account) const
{
    for (const auto &entry : m_accounts.accounts()) {
        if (entry.name == account)
            return entry.password;
    }
    return {};
}

BrokerProfile AzureStack::profileFor(const QString &account, const QString &clientId) const
{
    BrokerProfile profile;
    profile.url = QUrl(url());
    profile.clientId = clientId;
    profile.username = account;
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    profile.caFile = caFile();
    return profile;
}

QString AzureStack::fileSystem() const
{
    return QString::fromUtf8(QStorageInfo(m_dir.path()).fileSystemType());
}

qint64 AzureStack::brokerPid() const
{
    return m_broker ? m_broker->pid() : 0;
}

qint64 AzureStack::hubPid() const
{
    return m_hub ? m_hub->process().processId() : 0;
}

qint64 AzureStack::echoPid() const
{
    return m_echo ? m_echo->process().processId() : 0;
}

bool AzureStack::hubRunning() const
{
    return m_hub && m_hub->isRunning();
}

bool AzureStack::echoRunning() const
{
    return m_echo && m_echo->isRunning();
}

QString AzureStack::hubLog()
{
    return m_hub ? m_hub->log() : QString();
}

QString AzureStack::echoLog()
{
    return m_echo ? m_echo->transcript() : QString();
}

} // namespace fleet::bench
