#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// A device connection string as the Azure portal and CLI give it:
//   HostName={hub}.azure-devices.net;DeviceId={id};SharedAccessKey={base64}
// or with SharedAccessSignature={token} or x509=true instead of the key, and optionally
// GatewayHostName={host}[:{port}] for a device behind an IoT Edge gateway. Keys are case-sensitive, as
// Azure writes them; fields come in any order. Module identities (ModuleId=…) are not supported: they use
// other topics and client ids, and parse() says so rather than connecting as the wrong identity.
class AzureConnectionString final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AzureConnectionString)

public:
    // Far above any real string (a SAS token is at most 4096 characters); a pasted file is refused early.
    static constexpr qsizetype MaxChars = 8 * 1024;
    // IoT Hub's own limit on device ids.
    static constexpr qsizetype MaxDeviceIdChars = 128;

    // The fields, or nullopt with *error (translated): an unknown key (named), a key given twice, an empty
    // value, ModuleId, no HostName or DeviceId, not exactly one credential (key, signature or x509=true), a
    // key that is not base64, a signature that is not a SAS token, a host name or device id IoT Hub would
    // not accept, a gateway port outside 1–65535. Blanks around the whole string and one trailing ';' are
    // ignored (both come with copy and paste).
    static std::optional<AzureConnectionString> parse(const QString &text, QString *error);

    QString hostName() const { return m_hostName; }
    QString deviceId() const { return m_deviceId; }
    QString sharedAccessKey() const { return m_sharedAccessKey; }             // base64, as written
    QString sharedAccessSignature() const { return m_sharedAccessSignature; } // a whole SAS token
    QString gatewayHost() const { return m_gatewayHost; }                     // empty: connect to hostName
    int gatewayPort() const { return m_gatewayPort; } // 0: absent, the caller uses 8883
    bool x509() const { return m_x509; }              // certificate authentication

    // The MQTT user name IoT Hub expects from this device (protocols.md C).
    QString mqttUsername() const;
    // The connection string again: parse(toString()) gives the same fields.
    QString toString() const;

private:
    QString m_hostName;
    QString m_deviceId;
    QString m_sharedAccessKey;
    QString m_sharedAccessSignature;
    QString m_gatewayHost;
    int m_gatewayPort = 0;
    bool m_x509 = false;
};

} // namespace fleet
