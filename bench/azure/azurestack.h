#pragma once

#include "brokerprovisioning.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fleet {
class BrokerProfile;
namespace test {
class HubProcess;
class MosquittoBroker;
class ProgramProcess;
} // namespace test
} // namespace fleet

namespace fleet::bench {

// What bench_azure runs against, set up as `fleet-hub provision` and `./fleet stack` set it up: a private
// mosquitto on 127.0.0.1 with the provisioned password file and ACL, the fleet_iothub plugin and a TLS
// listener (Microsoft's device SDKs require TLS, so Azure devices only ever see one); a real fleet-hub
// process connected as the service account; and, for the reference, an echo process (bench_azure --echo)
// connected as an account that may read devices' events and write their cloud-to-device topics. Accounts:
// hub (service), alice (operator), bench-echo; Azure devices az-1 … az-N with generated keys.
//
// tests/support/securedbroker.h starts the same broker for the tests, but without set_tcp_nodelay: with
// Nagle's algorithm on, a reply written right after a PUBACK waits for the client's delayed ACK (40 ms on
// Linux; see the shadow benchmark), which would measure the kernel's timer, not fleet-hub.
//
// Everything is stopped by its own PID, the hub and the echo first, when the stack goes.
class AzureStack final
{
public:
    static constexpr const char *EchoAccount = "bench-echo";

    AzureStack();
    ~AzureStack();
    AzureStack(const AzureStack &) = delete;
    AzureStack &operator=(const AzureStack &) = delete;

    // Provisions, starts the broker, fleet-hub and the echo process (whose window of QoS 1 publishes is
    // echoInFlight); false with *error on any failure.
    bool start(int azureDevices, int echoInFlight, QString *error);

    QString url() const;
    QString caFile() const;
    QString hostName() const { return m_accounts.azureHostName(); }
    QString azureKey(const QString &device) const;
    QString password(const QString &account) const;
    // A profile for an account of the password file (MQTT 5, the broker's CA); the password is password().
    BrokerProfile profileFor(const QString &account, const QString &clientId) const;
    // The folder that holds the hub's databases, and its file system type (ext4, tmpfs, …).
    QString databaseDir() const { return m_dir.path(); }
    QString fileSystem() const;

    qint64 brokerPid() const;
    qint64 hubPid() const;
    qint64 echoPid() const;
    bool hubRunning() const;
    bool echoRunning() const;
    QString hubLog();
    QString echoLog();

private:
    bool startBroker(QString *error);
    bool startHub(QString *error);
    bool startEcho(int inFlight, QString *error);

    QTemporaryDir m_dir;
    BrokerProvisioning m_accounts;
    std::unique_ptr<test::MosquittoBroker> m_broker;
    std::unique_ptr<test::HubProcess> m_hub;
    std::unique_ptr<test::ProgramProcess> m_echo;
};

} // namespace fleet::bench
