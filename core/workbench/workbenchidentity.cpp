#include "workbench/workbenchidentity.h"

#include "dialects/azureconnectionstring.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr int AzurePort = 8883;

// What is written under the identity's settings group; the secret is not among them.
const auto KindKey = "kind"_L1;
const auto DeviceKey = "device"_L1; // Azure: shown in the list of saved identities, never read back as truth
const auto LifetimeKey = "tokenLifetime"_L1;
const auto EndpointKey = "endpoint"_L1;
const auto ThingKey = "thing"_L1;
const auto ClientIdKey = "clientId"_L1;
const auto UsernameKey = "username"_L1;
const auto CaKey = "caFile"_L1;
const auto CertificateKey = "certificateFile"_L1;
const auto KeyFileKey = "keyFile"_L1;

} // namespace

void WorkbenchIdentity::setSecret(const QString &secret)
{
    if (kind == Kind::Azure)
        connectionString = secret;
    else
        password = secret;
}

QString WorkbenchIdentity::deviceId() const
{
    if (kind == Kind::AwsThing)
        return thingName;
    QString ignored;
    const auto parsed = AzureConnectionString::parse(connectionString, &ignored);
    return parsed ? parsed->deviceId() : QString();
}

QString WorkbenchIdentity::validate() const
{
    if (certificateFile.isEmpty() != keyFile.isEmpty())
        return tr("A client certificate needs its private key, and a key its certificate.");
    if (kind == Kind::Azure) {
        if (connectionString.trimmed().isEmpty())
            return tr("Paste the device's connection string (HostName=…;DeviceId=…;SharedAccessKey=…).");
        QString error;
        const auto parsed = AzureConnectionString::parse(connectionString, &error);
        if (!parsed)
            return error;
        if (parsed->x509() && certificateFile.isEmpty())
            return tr("The connection string says x509=true: choose the device's certificate and key.");
        if (!parsed->x509() && !certificateFile.isEmpty())
            return tr("A certificate is chosen, but the connection string signs in with a key or token: "
                      "use x509=true, or clear the certificate.");
        if (tokenLifetimeSeconds < MinTokenLifetimeSeconds || tokenLifetimeSeconds > MaxTokenLifetimeSeconds)
            return tr("The token lifetime must be between %1 seconds and a year.")
                .arg(MinTokenLifetimeSeconds);
        return {};
    }
    QString error;
    // A password in the URL would be saved with it; it has a field of its own, which the keychain keeps.
    if (!endpoint.userInfo().isEmpty())
        return tr("Put the user name and password in their fields, not in the endpoint's URL.");
    if (BrokerProfile::parseUrl(endpoint.toString(), &error).isEmpty())
        return error.isEmpty() ? tr("Enter the endpoint (mqtts://…-ats.iot.REGION.amazonaws.com:8883).")
                               : error;
    if (thingName.isEmpty())
        return tr("Enter the thing name.");
    if (thingName.contains(u'+') || thingName.contains(u'#') || thingName.contains(u'/'))
        return tr("A thing name cannot hold '+', '#' or '/': it is part of the thing's topics.");
    return profile().validate();
}

BrokerProfile WorkbenchIdentity::profile() const
{
    BrokerProfile p;
    p.name = name;
    p.caFile = caFile;
    p.certificateFile = certificateFile;
    p.keyFile = keyFile;
    if (kind == Kind::Azure) {
        QString ignored;
        const auto parsed = AzureConnectionString::parse(connectionString, &ignored);
        if (!parsed)
            return p;
        const QString host = parsed->gatewayHost().isEmpty() ? parsed->hostName() : parsed->gatewayHost();
        const int port = parsed->gatewayPort() > 0 ? parsed->gatewayPort() : AzurePort;
        p.url = QUrl(u"mqtts://"_s + host + u':' + QString::number(port));
        // As Microsoft's SDK connects (protocols.md C): IoT Hub speaks MQTT 3.1.1 and keeps the session, so
        // that cloud-to-device messages wait for a device that was away.
        p.clientId = parsed->deviceId();
        p.username = parsed->mqttUsername();
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        p.keepAliveSeconds = AzureKeepAliveSeconds;
        p.cleanStart = false;
        return p;
    }
    p.url = BrokerProfile::parseUrl(endpoint.toString());
    p.clientId = clientId.isEmpty() ? thingName : clientId;
    p.username = username;
    // AWS IoT Core speaks both; 3.1.1 is what its device SDKs use by default and what every broker takes.
    p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
    p.keepAliveSeconds = 60;
    p.cleanStart = true;
    return p;
}

WorkbenchIdentity WorkbenchIdentity::load(const QSettings &settings)
{
    WorkbenchIdentity identity;
    identity.kind = settings.value(KindKey).toString() == "aws"_L1 ? Kind::AwsThing : Kind::Azure;
    identity.tokenLifetimeSeconds =
        std::clamp(settings.value(LifetimeKey, DefaultTokenLifetimeSeconds).toInt(), MinTokenLifetimeSeconds,
                   MaxTokenLifetimeSeconds);
    identity.endpoint = BrokerProfile::parseUrl(settings.value(EndpointKey).toString());
    identity.thingName = settings.value(ThingKey).toString();
    identity.clientId = settings.value(ClientIdKey).toString();
    identity.username = settings.value(UsernameKey).toString();
    identity.caFile = settings.value(CaKey).toString();
    identity.certificateFile = settings.value(CertificateKey).toString();
    identity.keyFile = settings.value(KeyFileKey).toString();
    return identity;
}

void WorkbenchIdentity::save(QSettings &settings) const
{
    settings.setValue(KindKey, kind == Kind::AwsThing ? u"aws"_s : u"azure"_s);
    settings.setValue(DeviceKey, deviceId());
    settings.setValue(LifetimeKey, tokenLifetimeSeconds);
    settings.setValue(EndpointKey, endpoint.toString(QUrl::RemoveUserInfo));
    settings.setValue(ThingKey, thingName);
    settings.setValue(ClientIdKey, clientId);
    settings.setValue(UsernameKey, username);
    settings.setValue(CaKey, caFile);
    settings.setValue(CertificateKey, certificateFile);
    settings.setValue(KeyFileKey, keyFile);
    // The connection string and the password are the keychain's (keychainKey()).
}

} // namespace fleet
