#include "brokerprofile.h"

#include <QCoreApplication>
#include <QSettings>

namespace fleet {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(fleet::BrokerProfile)
};

bool isTlsScheme(const QString &scheme)
{
    return scheme == u"mqtts" || scheme == u"ssl";
}

} // namespace

QUrl BrokerProfile::parseUrl(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return QUrl();
    };
    if (trimmed.isEmpty())
        return failed(Tr::tr("The broker URL is empty."));
    // "host:port" without a scheme parses as scheme "host"; treat a missing "://" as plain MQTT.
    QUrl url(trimmed.contains(u"://") ? trimmed : QStringLiteral("mqtt://") + trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return failed(Tr::tr("\"%1\" is not a valid URL: %2").arg(trimmed, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"mqtt" && scheme != u"tcp" && !isTlsScheme(scheme))
        return failed(Tr::tr("Unsupported scheme \"%1\": use mqtt:// or mqtts://.").arg(url.scheme()));
    if (url.host().isEmpty())
        return failed(Tr::tr("The broker URL \"%1\" has no host.").arg(trimmed));
    if (!url.password().isEmpty())
        return failed(Tr::tr("Put the password in the keychain, not in the URL."));
    url.setScheme(isTlsScheme(scheme) ? QStringLiteral("mqtts") : QStringLiteral("mqtt"));
    if (url.port() == -1)
        url.setPort(isTlsScheme(scheme) ? 8883 : 1883);
    if (url.port() <= 0 || url.port() > 65535)
        return failed(Tr::tr("The port must be between 1 and 65535."));
    if (error)
        error->clear();
    return url;
}

bool BrokerProfile::isTls() const
{
    return isTlsScheme(url.scheme());
}

QString BrokerProfile::host() const
{
    return url.host();
}

int BrokerProfile::port() const
{
    return url.port(isTls() ? 8883 : 1883);
}

QString BrokerProfile::environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Unmarked:
        break;
    case Environment::Development:
        return QStringLiteral("development");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Production:
        return QStringLiteral("production");
    }
    return {};
}

std::optional<BrokerProfile::Environment> BrokerProfile::fromEnvironmentName(const QString &name)
{
    for (const Environment e :
         {Environment::Unmarked, Environment::Development, Environment::Staging, Environment::Production}) {
        if (name.trimmed().compare(environmentName(e), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

QString BrokerProfile::passwordKey() const
{
    return QStringLiteral("fleet-console/") + name;
}

QString BrokerProfile::validate() const
{
    QString error;
    if (parseUrl(url.toString(), &error).isEmpty())
        return error;
    if (keepAliveSeconds != 0 && (keepAliveSeconds < 5 || keepAliveSeconds > 65535))
        return Tr::tr("The keepalive must be between 5 and 65535 seconds.");
    if (clientId.isEmpty() && !cleanStart)
        return Tr::tr("A persistent session needs a client id: the broker finds the session by it.");
    if (!cleanStart && protocolVersion == ProtocolVersion::Mqtt5 && sessionExpirySeconds == 0)
        return Tr::tr("With MQTT 5 a persistent session needs a session expiry interval; with 0 the broker "
                      "ends the session at disconnect.");
    if (certificateFile.isEmpty() != keyFile.isEmpty())
        return Tr::tr("A client certificate needs its private key, and a key its certificate.");
    if (!isTls() && (!caFile.isEmpty() || !certificateFile.isEmpty()))
        return Tr::tr("TLS files are set but the URL is not mqtts://.");
    return {};
}

BrokerProfile BrokerProfile::load(const QSettings &settings)
{
    BrokerProfile p;
    p.name = settings.value(QStringLiteral("name")).toString();
    p.url = parseUrl(settings.value(QStringLiteral("url")).toString());
    p.clientId = settings.value(QStringLiteral("clientId")).toString();
    p.username = settings.value(QStringLiteral("username")).toString();
    p.protocolVersion = settings.value(QStringLiteral("protocolVersion"), 5).toInt() == 4
                            ? ProtocolVersion::Mqtt311
                            : ProtocolVersion::Mqtt5;
    p.keepAliveSeconds = settings.value(QStringLiteral("keepAlive"), 30).toInt();
    p.cleanStart = settings.value(QStringLiteral("cleanStart"), true).toBool();
    p.sessionExpirySeconds = settings.value(QStringLiteral("sessionExpiry"), 0).toUInt();
    p.caFile = settings.value(QStringLiteral("caFile")).toString();
    p.certificateFile = settings.value(QStringLiteral("certificateFile")).toString();
    p.keyFile = settings.value(QStringLiteral("keyFile")).toString();
    p.insecureSkipVerify = settings.value(QStringLiteral("insecureSkipVerify"), false).toBool();
    // A value this version does not know (written by a newer one, or by hand) asks before sending: marking
    // it production errs on the side of the real devices.
    p.environment = fromEnvironmentName(settings.value(QStringLiteral("environment")).toString())
                        .value_or(Environment::Production);
    return p;
}

void BrokerProfile::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("url"), url.toString());
    settings.setValue(QStringLiteral("clientId"), clientId);
    settings.setValue(QStringLiteral("username"), username);
    settings.setValue(QStringLiteral("protocolVersion"), static_cast<int>(protocolVersion));
    settings.setValue(QStringLiteral("keepAlive"), keepAliveSeconds);
    settings.setValue(QStringLiteral("cleanStart"), cleanStart);
    settings.setValue(QStringLiteral("sessionExpiry"), sessionExpirySeconds);
    settings.setValue(QStringLiteral("caFile"), caFile);
    settings.setValue(QStringLiteral("certificateFile"), certificateFile);
    settings.setValue(QStringLiteral("keyFile"), keyFile);
    settings.setValue(QStringLiteral("insecureSkipVerify"), insecureSkipVerify);
    settings.setValue(QStringLiteral("environment"), environmentName(environment));
    // The password is deliberately absent: it lives in the keychain under passwordKey().
    settings.remove(QStringLiteral("password"));
}

} // namespace fleet
