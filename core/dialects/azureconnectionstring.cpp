#include "azureconnectionstring.h"

#include "azuresas.h"
#include "common/seterror.h"

#include <QByteArray>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// DNS names (and IPv4 addresses): letters, digits, '-' and '.'. Anything else ('/', ':', blanks) would
// change the MQTT user name or the address connected to.
bool isHostName(QStringView host)
{
    return !host.isEmpty() && host.size() <= 253 && std::all_of(host.begin(), host.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'.';
    });
}

// IoT Hub's device id characters (ASCII letters and digits and - . % _ * ? ! ( ) , : = @ $ '). They
// exclude '/', '+' and '#', which would break the device's topics.
bool isDeviceId(QStringView id)
{
    static constexpr QStringView Punctuation = u"-.%_*?!(),:=@$'";
    return !id.isEmpty() && id.size() <= AzureConnectionString::MaxDeviceIdChars &&
           std::all_of(id.begin(), id.end(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                      Punctuation.contains(c);
           });
}

} // namespace

std::optional<AzureConnectionString> AzureConnectionString::parse(const QString &text, QString *error)
{
    const auto refuse = [error](const QString &message) {
        setError(error, message);
        return std::nullopt;
    };
    if (text.size() > MaxChars)
        return refuse(tr("The connection string has %1 characters; at most %2 are accepted.")
                          .arg(text.size())
                          .arg(MaxChars));
    QStringView body = QStringView(text).trimmed();
    if (body.endsWith(u';'))
        body.chop(1);
    if (body.isEmpty())
        return refuse(tr("The connection string is empty."));

    AzureConnectionString result;
    QStringList seen;
    QString gateway;
    QString x509;
    for (QStringView field : body.tokenize(u';')) {
        const qsizetype equals = field.indexOf(u'=');
        if (equals < 0)
            return refuse(tr("\"%1\" is not of the form Key=Value.").arg(field.left(64)));
        const QString key = field.left(equals).toString();
        const QString value = field.mid(equals + 1).toString(); // may hold '=' (base64 padding, SAS tokens)
        QString *slot = key == u"HostName"                ? &result.m_hostName
                        : key == u"DeviceId"              ? &result.m_deviceId
                        : key == u"SharedAccessKey"       ? &result.m_sharedAccessKey
                        : key == u"SharedAccessSignature" ? &result.m_sharedAccessSignature
                        : key == u"GatewayHostName"       ? &gateway
                        : key == u"x509"                  ? &x509
                                                          : nullptr;
        if (key == u"ModuleId")
            return refuse(
                tr("Module identities (ModuleId) are not supported; use a device connection string."));
        if (!slot)
            return refuse(tr("Unknown key \"%1\" in the connection string.").arg(key.left(64)));
        if (seen.contains(key))
            return refuse(tr("\"%1\" is given twice in the connection string.").arg(key));
        seen.append(key);
        if (value.isEmpty())
            return refuse(tr("\"%1\" is empty in the connection string.").arg(key));
        *slot = value;
    }

    if (result.m_hostName.isEmpty())
        return refuse(tr("The connection string has no HostName."));
    if (!isHostName(result.m_hostName))
        return refuse(tr("\"%1\" is not a host name.").arg(result.m_hostName.left(64)));
    if (result.m_deviceId.isEmpty())
        return refuse(tr("The connection string has no DeviceId."));
    if (!isDeviceId(result.m_deviceId))
        return refuse(
            tr("\"%1\" is not a valid device id: at most %2 ASCII letters, digits and - . % _ * ? ! "
               "( ) , : = @ $ '.")
                .arg(result.m_deviceId.left(64), QString::number(MaxDeviceIdChars)));
    if (!x509.isEmpty()) {
        // The SDKs read it as a boolean, case-insensitively.
        if (x509.compare(u"true", Qt::CaseInsensitive) == 0)
            result.m_x509 = true;
        else if (x509.compare(u"false", Qt::CaseInsensitive) != 0)
            return refuse(tr("x509 must be true or false, not \"%1\".").arg(x509.left(16)));
    }
    const int credentials = int(!result.m_sharedAccessKey.isEmpty()) +
                            int(!result.m_sharedAccessSignature.isEmpty()) + int(result.m_x509);
    if (credentials != 1)
        return refuse(tr("The connection string needs exactly one of SharedAccessKey, SharedAccessSignature "
                         "and x509=true."));
    if (!result.m_sharedAccessKey.isEmpty()) {
        const auto key = QByteArray::fromBase64Encoding(result.m_sharedAccessKey.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
        if (!key || key.decoded.isEmpty())
            return refuse(tr("SharedAccessKey is not base64."));
    }
    if (!result.m_sharedAccessSignature.isEmpty()) {
        QString why;
        if (!AzureSas::parse(result.m_sharedAccessSignature, &why))
            return refuse(tr("SharedAccessSignature is not a shared access signature: %1").arg(why));
    }
    if (!gateway.isEmpty()) {
        const qsizetype colon = gateway.lastIndexOf(u':');
        const QStringView host = colon < 0 ? QStringView(gateway) : QStringView(gateway).left(colon);
        if (!isHostName(host))
            return refuse(tr("GatewayHostName \"%1\" is not a host name.").arg(gateway.left(64)));
        if (colon >= 0) {
            // Digits only: toInt() would take a sign.
            bool ok = false;
            const QStringView port = QStringView(gateway).mid(colon + 1);
            const int number = port.toInt(&ok);
            const bool digits =
                std::all_of(port.begin(), port.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
            if (!ok || !digits || number < 1 || number > 65535)
                return refuse(tr("GatewayHostName \"%1\" has a port outside 1–65535.").arg(gateway.left(64)));
            result.m_gatewayPort = number;
        }
        result.m_gatewayHost = host.toString();
    }
    return result;
}

QString AzureConnectionString::mqttUsername() const
{
    return m_hostName + u'/' + m_deviceId + u"/?api-version=2021-04-12"_s;
}

QString AzureConnectionString::toString() const
{
    QStringList fields{u"HostName="_s + m_hostName, u"DeviceId="_s + m_deviceId};
    if (!m_sharedAccessKey.isEmpty())
        fields.append(u"SharedAccessKey="_s + m_sharedAccessKey);
    if (!m_sharedAccessSignature.isEmpty())
        fields.append(u"SharedAccessSignature="_s + m_sharedAccessSignature);
    if (m_x509)
        fields.append(u"x509=true"_s);
    if (!m_gatewayHost.isEmpty())
        fields.append(u"GatewayHostName="_s + m_gatewayHost +
                      (m_gatewayPort ? u':' + QString::number(m_gatewayPort) : QString()));
    return fields.join(u';');
}

} // namespace fleet
