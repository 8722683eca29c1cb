#pragma once

#include "brokerprovisioning.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/brokerprofile.h"
#include "mqttpeer.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace fleet::test {

// A broker secured as `fleet-hub provision` secures one, for the tests that attack it: a real mosquitto with
// the password file and per-account ACL provisioning writes for the demo's people (alice operator; bob
// operator and approver; carol approver; eve operator; monitor; hub service) and the device accounts
// dev-1 … dev-N, and fleet-hub (with its gate) connected as hub. Stopped, hub first, when it goes.
class SecuredBroker final
{
public:
    SecuredBroker();
    ~SecuredBroker();
    SecuredBroker(const SecuredBroker &) = delete;
    SecuredBroker &operator=(const SecuredBroker &) = delete;

    // The broker only; false with error set. With Azure devices (az-1 … az-N, generated keys), the broker
    // loads the fleet_iothub plugin and listens with TLS (its server certificate, caFile()), as Microsoft's
    // device SDK requires; every client, the hub's too, then connects with mqtts.
    bool start(int devices, QString *error, int azureDevices = 0);
    // The Azure devices' keys (base64) and IoT Hub host name, as provisioning generated them.
    QString azureKey(const QString &device) const;
    QString azureHostName() const { return m_accounts.azureHostName(); }
    // How Microsoft's SDK signs in as an Azure device: MQTT 3.1.1, client id = device id, the IoT Hub user
    // name, no clean session; its password is azureToken(device).
    BrokerProfile azureDeviceProfile(const QString &device) const;
    // A SAS token for the device from its key, valid for lifetimeS seconds (negative: already expired).
    QString azureToken(const QString &device, qint64 lifetimeS = 3600) const;
    // fleet-hub on it, serving (its database in this broker's folder, so that a restart keeps its records);
    // extra goes to its command line.
    bool startHub(const QStringList &extra = {});

    MosquittoBroker &broker() const { return *m_broker; }
    HubProcess &hub() { return m_hub; }
    QString password(const QString &name) const;
    // An MQTT 5 profile for the account (its password is password(name)).
    BrokerProfile profileFor(const QString &name, const QString &clientId) const;
    // The account signed in (a client id of its own) and subscribed to filters; nullopt when it could not.
    std::optional<MqttPeer> peer(const QString &name, const QStringList &filters = {}) const;
    // The accounts with their passwords and roles, as JSON (fleet-sim --accounts reads it).
    QString accountsFile() const { return m_dir.filePath(QStringLiteral("accounts.json")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    BrokerProvisioning m_accounts;
    std::unique_ptr<MosquittoBroker> m_broker;
    HubProcess m_hub;
};

} // namespace fleet::test
