#pragma once

#include "mqtt/brokerprofile.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QSettings;

namespace fleet {

// Whom the device workbench signs in as, and where: an Azure IoT Hub device from its connection string
// (with a key, a SAS token or an X.509 certificate), or an AWS IoT thing with its certificate (or a device
// of a local broker with its user name and password). The connection string holds the device's key, so it
// is a secret like a password: save() never writes either; the workbench keeps them in the keychain under
// keychainKey().
class WorkbenchIdentity final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::WorkbenchIdentity)

public:
    enum class Kind { Azure, AwsThing };

    // IoT Hub's own maximum keepalive is 1767 s; Microsoft's SDK uses 180.
    static constexpr int AzureKeepAliveSeconds = 180;
    // Microsoft's SDKs sign for an hour and renew a quarter of an hour before the end.
    static constexpr int DefaultTokenLifetimeSeconds = 3600;
    static constexpr int MinTokenLifetimeSeconds = 2;
    static constexpr int MaxTokenLifetimeSeconds = 365 * 24 * 3600;

    Kind kind = Kind::Azure;
    QString name; // how the operator calls it; the settings group and keychain entry

    QString connectionString; // Azure: secret (it carries the key or token)
    int tokenLifetimeSeconds = DefaultTokenLifetimeSeconds;

    QUrl endpoint;     // AWS: mqtts://{prefix}-ats.iot.{region}.amazonaws.com:8883, or any broker
    QString thingName; // AWS: the thing; the client id unless clientId says otherwise
    QString clientId;
    QString username; // AWS IoT Core authenticates by certificate; a local broker may want a name
    QString password; // secret

    QString caFile;          // empty: the system's trusted CAs
    QString certificateFile; // X.509 (Azure with x509=true) and AWS things
    QString keyFile;

    // The device id (Azure) or thing name (AWS); empty when the identity does not say.
    QString deviceId() const;
    // Why the identity cannot be used (translated), or an empty string. It does not read the files, the
    // connection does.
    QString validate() const;
    // The connection, without the password (the workbench signs the SAS token itself).
    BrokerProfile profile() const;

    QString keychainKey() const { return QStringLiteral("workbench/") + name; }

    // The secret that goes to the keychain: the connection string (Azure) or the password.
    QString secret() const { return kind == Kind::Azure ? connectionString : password; }
    void setSecret(const QString &secret);

    // The current settings group, without the secret; load() leaves name to the caller (the group's).
    static WorkbenchIdentity load(const QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace fleet
