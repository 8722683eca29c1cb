#pragma once

#include "mqtt/brokerprofile.h"

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;
class QTextStream;

namespace fleet {

// The broker options every headless tool shares (fleetctl, fleet-hub, fleet-sim), so that they read the same
// way in every --help and a profile means the same thing everywhere:
//   --broker URL  --client-id ID  --username NAME  --password-stdin  --mqtt-version 5|3.1.1  --keepalive S
//   --ca FILE  --cert FILE  --key FILE  --insecure-skip-verify
// A password is never taken on the command line (it would show in `ps` and shell history) nor from a file:
// --password-stdin reads one line from standard input, or the FLEET_MQTT_PASSWORD environment variable is
// used, or else, under systemd, the credential "mqtt-password" (installer/fleet-hub.service).
class BrokerCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::BrokerCommandLine)

public:
    // Adds the options to a parser. defaultUrl is shown in --help and used when --broker is absent.
    static void addOptions(QCommandLineParser &parser,
                           const QString &defaultUrl = QStringLiteral("mqtt://127.0.0.1:1883"));

    // Builds the profile from a parser that has processed the arguments. Returns false and sets *error
    // (translated, naming the option) when an option is invalid.
    static bool read(const QCommandLineParser &parser, BrokerProfile *profile, QString *password,
                     QString *error);

    // Reads systemd's credential NAME ($CREDENTIALS_DIRECTORY/NAME, its first line). Leaves *value alone
    // and returns true when there is none; false with *error when it is there but cannot be read.
    static bool readCredential(const QString &name, QString *value, QString *error);
};

} // namespace fleet
