#include "securedbroker.h"

#include "postgresserver.h"

#include "common/json.h"
#include "dialects/azuresas.h"

#include <QDateTime>
#include <QFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fleet::test {

SecuredBroker::SecuredBroker() = default;

SecuredBroker::~SecuredBroker()
{
    if (m_hub.isRunning())
        m_hub.stop();
}

bool SecuredBroker::start(int devices, QString *error, int azureDevices)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    using Role = BrokerProvisioning::Role;
    for (const auto &[name, roles] :
         QList<std::pair<QString, QList<Role>>>{{u"alice"_s, {Role::Operator}},
                                                {u"bob"_s, {Role::Operator, Role::Approver}},
                                                {u"carol"_s, {Role::Approver}},
                                                {u"eve"_s, {Role::Operator}},
                                                {u"monitor"_s, {Role::Monitor}},
                                                {u"hub"_s, {Role::Service}}}) {
        if (!m_accounts.addAccount({name, roles, {}, {}}, error))
            return false;
    }
    if (azureDevices > 0 && !m_accounts.addAzureDevices(u"az-"_s, azureDevices, error))
        return false;
    if (!m_accounts.addDevices(u"dev-"_s, devices, error) ||
        !m_accounts.write(m_dir.filePath(u"broker"_s), error))
        return false;
    QFile info(accountsFile());
    if (!info.open(QIODevice::WriteOnly) || info.write(compactJsonBytes(m_accounts.info())) < 0) {
        *error = info.errorString();
        return false;
    }
    info.close();
    MosquittoBroker::Options options = MosquittoBroker::Options::quiet();
    options.passwordFile = m_accounts.passwordFile();
    options.aclFile = m_accounts.aclFile();
    if (azureDevices > 0) {
        options.tls = MosquittoBroker::Tls::ServerCertificate;
        // The plugin's lines of the snippet that provisioning wrote (the broker writes the rest itself).
        QFile config(m_accounts.configFile());
        if (!config.open(QIODevice::ReadOnly)) {
            *error = config.errorString();
            return false;
        }
        for (const QString &line : QString::fromUtf8(config.readAll()).split(u'\n')) {
            if (line.startsWith("plugin"_L1))
                options.extraConfigLines << line;
        }
    }
    m_broker = std::make_unique<MosquittoBroker>(options);
    if (!m_broker->start()) {
        *error = m_broker->errorString();
        return false;
    }
    return true;
}

bool SecuredBroker::startHub(const QStringList &extra)
{
    // The password as an operator gives it, never on the command line.
    auto environment = ProgramProcess::cleanEnvironment();
    environment.insert(u"FLEET_MQTT_PASSWORD"_s, password(u"hub"_s));
    QStringList tls;
    if (m_broker->options().tls != MosquittoBroker::Tls::Off)
        tls = {u"--ca"_s, m_broker->caFile()};
    m_hub.start(QStringList{u"--broker"_s, m_broker->url(), u"--username"_s, u"hub"_s, u"--db"_s,
                            hubDatabase(m_dir.filePath(u"hub.db"_s))} +
                    tls + extra,
                environment);
    return m_hub.waitForServing();
}

QString SecuredBroker::password(const QString &name) const
{
    for (const auto &account : m_accounts.accounts()) {
        if (account.name == name)
            return account.password;
    }
    return {};
}

BrokerProfile SecuredBroker::profileFor(const QString &name, const QString &clientId) const
{
    BrokerProfile profile;
    profile.url = QUrl(m_broker->url());
    profile.clientId = clientId;
    profile.username = name;
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    if (m_broker->options().tls != MosquittoBroker::Tls::Off)
        profile.caFile = m_broker->caFile();
    return profile;
}

std::optional<MqttPeer> SecuredBroker::peer(const QString &name, const QStringList &filters) const
{
    // Unique per call, so that two peers of one account (or a peer of a test run just before) do not take
    // each other's session.
    static int peers = 0;
    const QString clientId =
        u"%1-peer-%2-%3"_s.arg(name).arg(QDateTime::currentMSecsSinceEpoch()).arg(++peers);
    return MqttPeer::connect(profileFor(name, clientId), password(name), filters);
}

BrokerProfile SecuredBroker::azureDeviceProfile(const QString &device) const
{
    BrokerProfile profile =
        profileFor(u"%1/%2/?api-version=2021-04-12"_s.arg(azureHostName(), device), device);
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
    profile.cleanStart = false;
    return profile;
}

QString SecuredBroker::azureToken(const QString &device, qint64 lifetimeS) const
{
    return AzureSas::token(azureKey(device).toLatin1(), AzureSas::resourceUri(azureHostName(), device),
                           QDateTime::currentSecsSinceEpoch() + lifetimeS);
}

QString SecuredBroker::azureKey(const QString &device) const
{
    for (const auto &entry : m_accounts.azureDevices()) {
        if (entry.id == device)
            return entry.key;
    }
    return {};
}

} // namespace fleet::test
