#pragma once

#include "common/json.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// Turns an accounts specification (who holds which of docs/security.md's roles) into what a mosquitto broker
// needs to enforce those roles: a password file (hashed by Debian's mosquitto_passwd), an acl_file with one
// `user` section per account, and a mosquitto.conf snippet; and the accounts with their passwords as JSON,
// for a local test or demo stack. `fleet-hub provision` (runCommand()) is its command line.
//
// Roles, with {me} the account's name (a device's name is its id):
//   operator  writes fleet/gate/submit/{me}/#, fleet/gate/broadcast/{me}/+, fleet/gate/cancel/{me}/#,
//             fleet/gate/audit/query/{me}, $aws/things/+/shadow/get, $aws/things/+/shadow/name/+/get; reads #
//             and $aws/#
//   approver  writes fleet/gate/decisions/+/+/{me}, fleet/gate/audit/query/{me}; reads as an operator
//   device    reads cmd/{me}/req, cmd/group/+/req, commands/{me}, device_status/request,
//             $aws/things/{me}/shadow/# and its AWS IoT command requests; writes cmd/{me}/resp,
//             cmd/group/+/resp, commands/{me}/ack, device_status/response, presence/{me}, telemetry/{me},
//             logs/{me}, its shadow's request topics and its AWS IoT command responses (never
//             fleet/gate/audit/query/…: devices do not read the gate's audit log)
//   service   reads and writes # and $aws/# (fleet-hub, the command gate)
//   monitor   reads # and $aws/#; writes only fleet/gate/audit/query/{me}, to ask for the audit log
//
// The specification (a JSON object; unknown keys are errors, so that a typo cannot drop a restriction):
//   {"accounts": [{"name": "bob", "roles": ["operator", "approver"], "password": "…",
//                  "extra": {"write": ["…"], "read": ["…"], "readwrite": ["…"]}}, …],
//    "devices": {"prefix": "dev-", "count": 51}}
// "password" is optional (generated when absent); "extra" grants topics beyond the roles ({me} expands), for
// an integration the roles do not cover or a transition; "devices" adds the accounts prefix1 … prefixN with
// the device role, and may be an array of such blocks for a fleet of several kinds:
//    "devices": [{"prefix": "dev-", "count": 51}, {"prefix": "sample-", "count": 3}, …]
class BrokerProvisioning final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::BrokerProvisioning)

public:
    enum class Role { Operator, Approver, Device, Service, Monitor };
    enum class Access { Read, Write, ReadWrite };

    struct Grant
    {
        Access access = Access::Read;
        QString topic;
        bool operator==(const Grant &other) const = default;
    };

    struct Account
    {
        QString name;
        QList<Role> roles;
        QString password; // empty until generated
        QList<Grant> extra;
    };

    // An Azure IoT Hub device: no account of the password file, a symmetric key that the broker's
    // fleet_iothub plugin checks SAS tokens against (broker/fleet_iothub_plugin.cpp).
    struct AzureDevice
    {
        QString id;
        QString key; // base64 of 32 random bytes
    };

    // fleet-sim's ceiling of 100,000 devices, one account each, and room for the people and services.
    static constexpr int MaxAccounts = 110000;
    static constexpr qint64 MaxSpecBytes = 16 * 1024 * 1024;

    // Adds the accounts of a specification. On an error nothing is added.
    bool addSpec(const QByteArray &json, QString *error);
    bool loadSpecFile(const QString &path, QString *error);
    // Names must be new and valid (isValidAccountName()); a given password must be valid too
    // (isValidPassword()), and every extra topic a valid topic filter.
    bool addAccount(const Account &account, QString *error);
    // prefix1 … prefixCount, each with the device role.
    bool addDevices(const QString &prefix, int count, QString *error);
    const QList<Account> &accounts() const { return m_accounts; }
    // prefix1 … prefixCount as Azure devices with generated keys. Their ids may not be account names: a
    // client id is one session on the broker, whoever signs in with it.
    bool addAzureDevices(const QString &prefix, int count, QString *error);
    const QList<AzureDevice> &azureDevices() const { return m_azureDevices; }
    // The IoT Hub host name in the devices' connection strings and SAS tokens (default fleet.local).
    void setAzureHostName(const QString &hostName) { m_azureHostName = hostName; }
    // host:port of the broker's TLS listener, named in the connection strings as GatewayHostName (so that
    // Microsoft's device SDK connects there, while its user name and token keep the IoT Hub host name).
    void setAzureGateway(const QString &gateway) { m_azureGateway = gateway; }
    QString azureHostName() const { return m_azureHostName; }
    // The fleet_iothub plugin that mosquitto.conf loads when there are Azure devices (default: found next to
    // the programs, in the build tree or installed).
    void setIotHubPlugin(const QString &path) { m_iotHubPlugin = path; }
    static QString findIotHubPlugin();

    // Random passwords for the accounts that have none: 18 bytes from the system's generator, base64url.
    void generateMissingPasswords();

    // The acl_file, accounts in the order they were added.
    QString aclText() const;
    // allow_anonymous false, password_file, acl_file, set_tcp_nodelay true; with Azure devices, the
    // fleet_iothub plugin and its options (plugin lines must come before the listeners' ones in effect, and
    // the plugin answers for the Azure devices before the password and ACL files do).
    QString configSnippet(const QString &passwordFile, const QString &aclFile) const;
    // {"accounts": [{"name", "password", "roles": [...], "extra"?}], "passwordFile", "aclFile", "config"};
    // the file paths only once write() has run.
    Json info() const;

    // Generates the missing passwords, then writes into directory (created with mode 0700 if missing)
    // passwd (0600), acl and mosquitto.conf, replacing what was there. False with error if anything fails;
    // then no password file is left half-written.
    bool write(const QString &directory, QString *error);
    QString passwordFile() const { return m_passwordFile; }
    QString aclFile() const { return m_aclFile; }
    QString configFile() const { return m_configFile; }

    static QString roleName(Role role);
    static std::optional<Role> roleFromName(const QString &name);
    static QString accessName(Access access);
    // The topics a role grants to the account named name, in the order they appear in the acl_file.
    static QList<Grant> grantsFor(Role role, const QString &name);
    // Letters, digits, '_', '-', '.' and '@', 1 to 128 characters: it must be one topic level (no '/', '+',
    // '#'), one line of the acl_file, and a user name of the password file (no ':').
    static bool isValidAccountName(const QString &name);
    // 1 to 256 printable ASCII characters, none of them ':' or a space (the password file's plain form is
    // one "name:password" line).
    static bool isValidPassword(const QString &password);

    // `fleet-hub provision [options]`; arguments[0] is the program and arguments[1] "provision". Returns the
    // exit status: 0 written, 1 failed, 2 invalid options or specification.
    static int runCommand(int argc, char *argv[]);

private:
    bool addAccountTo(QList<Account> *accounts, const Account &account, QString *error) const;
    bool parseAccount(const Json &value, int index, Account *account, QString *error) const;
    static QString findPasswordTool();

    QList<Account> m_accounts;
    QString m_passwordFile;
    QString m_aclFile;
    QString m_configFile;
    QList<AzureDevice> m_azureDevices;
    QString m_azureHostName = QStringLiteral("fleet.local");
    QString m_azureGateway;
    QString m_iotHubPlugin;
    QString m_azureDevicesFile;
};

} // namespace fleet
