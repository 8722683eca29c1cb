#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace fleet {

// How to reach one broker: everything a connection needs except its secrets. The password and the private
// key's passphrase live in the OS keychain under passwordKey(); nothing here ever holds them, so a profile
// can be saved, exported and shown freely.
class BrokerProfile final
{
public:
    enum class ProtocolVersion { Mqtt311 = 4, Mqtt5 = 5 };
    // What the broker serves, so that a console with several connections open says which is which (a label
    // and a colour for each) and asks before anything is sent on production.
    enum class Environment { Unmarked, Development, Staging, Production };

    QString name;
    QUrl url;         // mqtt://host[:1883] or mqtts://host[:8883]
    QString clientId; // empty: the client generates one (allowed only with a clean start)
    QString username;
    ProtocolVersion protocolVersion = ProtocolVersion::Mqtt5;
    int keepAliveSeconds = 30;
    bool cleanStart = true;
    quint32 sessionExpirySeconds = 0; // MQTT 5; with MQTT 3.1.1 a non-clean session never expires
    QString caFile;                   // empty with mqtts: the system's trusted CAs
    QString certificateFile;          // client certificate for mutual TLS
    QString keyFile;
    // Accepts any server certificate and host name. Named loudly on purpose: it is for lab brokers with
    // self-signed certificates, and the console shows it as a warning.
    bool insecureSkipVerify = false;
    Environment environment = Environment::Unmarked;

    // Parses a broker URL as typed by a user: mqtt:// (tcp://) and mqtts:// (ssl://), default ports 1883 and
    // 8883, a bare "host[:port]" taken as mqtt://. Returns an empty QUrl and sets *error when it cannot.
    static QUrl parseUrl(const QString &text, QString *error = nullptr);

    bool isTls() const;
    QString host() const;
    int port() const;

    // Whether an operator confirms each thing sent on this connection (commands, desired state, rollbacks,
    // approval decisions, publishes) before it goes: on production, where a slip reaches real devices.
    bool needsSendConfirmation() const { return environment == Environment::Production; }
    // "development", "staging", "production", or empty for Unmarked: the settings' and the command line's
    // spelling. fromEnvironmentName() returns nullopt for any other text (empty reads as Unmarked).
    static QString environmentName(Environment environment);
    static std::optional<Environment> fromEnvironmentName(const QString &name);

    // The keychain entry holding this profile's password ("fleet-console/{name}").
    QString passwordKey() const;

    // A profile is usable when its URL parses and its session settings are coherent. Returns the reason
    // (translated) when it is not, an empty string when it is.
    QString validate() const;

    // Reads and writes the current group of settings. Never reads or writes a password.
    static BrokerProfile load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const BrokerProfile &) const = default;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::BrokerProfile)
