#include "mqtt/brokercommandline.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace fleet {

void BrokerCommandLine::addOptions(QCommandLineParser &parser, const QString &defaultUrl)
{
    parser.addOptions({
        {QStringLiteral("broker"),
         tr("Broker URL: mqtt://host[:port] or mqtts://host[:port] (default %1).").arg(defaultUrl), tr("URL"),
         defaultUrl},
        {QStringLiteral("client-id"), tr("MQTT client id (default: generated)."), tr("ID")},
        {QStringLiteral("username"), tr("MQTT user name."), tr("NAME")},
        {QStringLiteral("password-stdin"),
         tr("Read the MQTT password from the first line of standard input (otherwise from the "
            "FLEET_MQTT_PASSWORD environment variable, or else from the systemd credential "
            "\"mqtt-password\", if set).")},
        {QStringLiteral("mqtt-version"), tr("MQTT protocol version: 5 (default) or 3.1.1."), tr("VERSION"),
         QStringLiteral("5")},
        {QStringLiteral("keepalive"), tr("Keepalive interval in seconds (default 30)."), tr("SECONDS"),
         QStringLiteral("30")},
        {QStringLiteral("ca"), tr("CA certificate file (PEM) to verify an mqtts:// broker."), tr("FILE")},
        {QStringLiteral("cert"), tr("Client certificate file (PEM) for mutual TLS."), tr("FILE")},
        {QStringLiteral("key"), tr("Client private key file (PEM) for mutual TLS."), tr("FILE")},
        {QStringLiteral("insecure-skip-verify"),
         tr("INSECURE: accept any broker certificate and host name (lab brokers with self-signed "
            "certificates only).")},
    });
}

bool BrokerCommandLine::readCredential(const QString &name, QString *value, QString *error)
{
    // A service started by systemd gets its secret as a credential: decrypted by systemd (from
    // LoadCredentialEncrypted=) into a memory-only folder that only this service can read, so the
    // password is in no configuration file and on no command line.
    const QString folder = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (folder.isEmpty())
        return true;
    QFile file(folder + u'/' + name);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the credential \"%1\": %2").arg(name, file.errorString());
        return false;
    }
    // A password is one line; a credential file is small, and a huge one is a mistake, not a password.
    const QByteArray text = file.read(4096);
    *value = QString::fromUtf8(text.left(text.indexOf('\n') < 0 ? text.size() : text.indexOf('\n')));
    return true;
}

bool BrokerCommandLine::read(const QCommandLineParser &parser, BrokerProfile *profile, QString *password,
                             QString *error)
{
    BrokerProfile p;
    QString urlError;
    p.url = BrokerProfile::parseUrl(parser.value(QStringLiteral("broker")), &urlError);
    if (p.url.isEmpty()) {
        *error = tr("--broker: %1").arg(urlError);
        return false;
    }
    p.clientId = parser.value(QStringLiteral("client-id"));
    p.username = parser.value(QStringLiteral("username"));

    const QString version = parser.value(QStringLiteral("mqtt-version"));
    if (version == QLatin1String("5"))
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    else if (version == QLatin1String("3.1.1") || version == QLatin1String("311"))
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
    else {
        *error = tr("--mqtt-version: \"%1\" is not 5 or 3.1.1.").arg(version);
        return false;
    }

    bool ok = false;
    const int keepAlive = parser.value(QStringLiteral("keepalive")).toInt(&ok);
    if (!ok || keepAlive < 5 || keepAlive > 65535) {
        *error = tr("--keepalive: expected whole seconds from 5 to 65535.");
        return false;
    }
    p.keepAliveSeconds = keepAlive;

    p.caFile = parser.value(QStringLiteral("ca"));
    p.certificateFile = parser.value(QStringLiteral("cert"));
    p.keyFile = parser.value(QStringLiteral("key"));
    p.insecureSkipVerify = parser.isSet(QStringLiteral("insecure-skip-verify"));
    if (!p.isTls() && (!p.caFile.isEmpty() || !p.certificateFile.isEmpty() || p.insecureSkipVerify)) {
        *error = tr("TLS options need an mqtts:// broker URL.");
        return false;
    }
    if (p.certificateFile.isEmpty() != p.keyFile.isEmpty()) {
        *error = tr("--cert and --key go together.");
        return false;
    }
    for (const QString &file : {p.caFile, p.certificateFile, p.keyFile}) {
        if (!file.isEmpty() && !QFileInfo(file).isReadable()) {
            *error = tr("Cannot read \"%1\".").arg(file);
            return false;
        }
    }
    if (const QString problem = p.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }

    password->clear();
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        *password = in.readLine();
    } else if (qEnvironmentVariableIsSet("FLEET_MQTT_PASSWORD")) {
        *password = qEnvironmentVariable("FLEET_MQTT_PASSWORD");
    } else if (!readCredential(QStringLiteral("mqtt-password"), password, error)) {
        return false;
    }
    *profile = p;
    return true;
}

} // namespace fleet
