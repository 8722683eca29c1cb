#pragma once

#include "executionlog.h"
#include "mqtt/brokerprofile.h"
#include "simconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>
#include <vector>

namespace fleet::sim {

class SimDevice;

// All the devices of one fleet-sim process, started at SimConfig::connectsPerSecond so that the broker is
// not hit by every CONNECT at once, and stopped together.
class SimFleet final : public QObject
{
    Q_OBJECT

public:
    // What a JSON file written by `fleet-hub provision` (or `./fleet stack`) gives the devices.
    struct Credentials
    {
        QHash<QString, QString> passwords;    // device accounts: id to password
        QHash<QString, QByteArray> azureKeys; // Azure devices: id to primary key (base64)
        QString azureHostName;                // the IoT Hub host name their tokens name
    };

    SimFleet(const SimConfig &config, const BrokerProfile &broker, QObject *parent = nullptr);
    ~SimFleet() override;

    // Opens the execution log and starts connecting. False (with error) when the configuration is invalid
    // or the log cannot be opened.
    bool start(QString *error);
    // The broker password every device sends with the profile's user name; set before start().
    void setPassword(const QString &password) { m_password = password; }
    // One account per device instead: device id to password, each device connecting with its id as user
    // name, as a broker that gives every device its own access control needs (`fleet-hub provision`). Set
    // before start(), which fails when a device has no account. Empty: the shared user name and password.
    void setDeviceAccounts(const QHash<QString, QString> &passwords);
    // A file's accounts (setDeviceAccounts(), but required even when it has none, as every device but an
    // Azure one then needs one) and its Azure devices' keys. Set before start(), which fails when a device
    // has no account or an Azure device no key. Azure devices have keys from here only: with none, a fleet
    // with Azure devices does not start.
    void setDeviceCredentials(const Credentials &credentials);
    // The device accounts of a JSON file written by `fleet-hub provision` or `./fleet stack`: its
    // "accounts" array of {"name", "password", "roles"}, keeping those whose roles include "device" (or that
    // list no roles). Empty with error when the file cannot be read or holds none.
    static std::optional<QHash<QString, QString>> readDeviceAccounts(const QString &path, QString *error);
    // The device accounts as readDeviceAccounts() reads them, and the Azure devices: "azureDevices", an array
    // of {"deviceId", "primaryKey", "connectionString"} (the key from the connection string when there is
    // no primaryKey), and "azureHostName". Empty with error when the file cannot be read, is malformed, or
    // holds neither.
    static std::optional<Credentials> readCredentials(const QString &path, QString *error);
    // Every device publishes "offline" and disconnects; stopped() follows.
    void stop();

    int deviceCount() const { return static_cast<int>(m_devices.size()); }
    int onlineCount() const { return m_online; }
    SimDevice *device(int n) const; // n from 1
    const SimConfig &config() const { return m_config; }

Q_SIGNALS:
    void onlineCountChanged(int online);
    void allOnline(); // every device connected at least once
    void stopped();

private:
    void startNext();
    void onDeviceStopped();
    void finishStop();

    SimConfig m_config;
    BrokerProfile m_broker;
    QString m_password;
    QHash<QString, QString> m_accounts; // device id to password; empty: the shared m_password
    bool m_accountsRequired = false;    // every device but an Azure one has an account in m_accounts
    QHash<QString, QByteArray> m_azureKeys;
    QString m_azureHostName;
    ExecutionLog m_log;
    std::vector<SimDevice *> m_devices;
    QTimer m_startTimer;
    QElapsedTimer m_startClock; // pacing: how many devices may have started by now
    QTimer m_stopTimer;         // the bound on waiting for every device to stop
    int m_started = 0;
    int m_online = 0;
    int m_everOnline = 0;
    int m_stoppedCount = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace fleet::sim
