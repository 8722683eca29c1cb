// fleetctl: the console's core on the command line. For now: device shadows.

#include "mqtt/brokercommandline.h"
#include "mqtt/mqttclient.h"
#include "shadowcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using fleet::ShadowCommand;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: the event loop reads the byte and quits.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

int usageError(const QString &message)
{
    QTextStream(stderr) << message << u"\n"_s
                        << QCoreApplication::translate("fleetctl", "Run \"fleetctl --help\" for usage.")
                        << u"\n"_s;
    return ShadowCommand::Usage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleetctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "fleetctl",
        "Fleet Console on the command line.\n\n"
        "  fleetctl [options] shadow get THING\n"
        "  fleetctl [options] shadow update THING '{\"desired\": {...}}' | '{\"key\": value}' | -\n"
        "  fleetctl [options] shadow delete THING\n"
        "  fleetctl [options] shadow watch THING\n\n"
        "update takes the desired state as JSON, or a full state object with \"desired\" and/or \"reported\" "
        "at its top level, or - to read the JSON from standard input.\n\n"
        "Exit codes: 0 done; 1 rejected by the shadow service (its code and message on stderr); 2 usage "
        "error; 3 cannot connect to the broker; 4 no reply in time."));
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    parser.addOptions({
        {u"name"_s, QCoreApplication::translate("fleetctl", "Named shadow (default: the classic shadow)."),
         QCoreApplication::translate("fleetctl", "SHADOW")},
        {u"json"_s, QCoreApplication::translate("fleetctl", "Print replies as one-line JSON, for scripts.")},
        {u"expect-version"_s,
         QCoreApplication::translate("fleetctl",
                                     "update: apply only if the shadow is at this version (else error 409)."),
         QCoreApplication::translate("fleetctl", "N")},
        {u"timeout"_s,
         QCoreApplication::translate("fleetctl",
                                     "Seconds to wait for the broker and for a reply (default 10)."),
         QCoreApplication::translate("fleetctl", "SECONDS"), u"10"_s},
        {u"count"_s, QCoreApplication::translate("fleetctl", "watch: stop after N events."),
         QCoreApplication::translate("fleetctl", "N")},
    });
    parser.addPositionalArgument(u"shadow"_s, QCoreApplication::translate("fleetctl", "The command group."));
    parser.addPositionalArgument(u"action"_s,
                                 QCoreApplication::translate("fleetctl", "get, update, delete or watch."));
    parser.addPositionalArgument(u"thing"_s, QCoreApplication::translate("fleetctl", "The thing name."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(QCoreApplication::translate("fleetctl", "Missing a command (try \"shadow\")."));
    if (args.first() != "shadow"_L1)
        return usageError(
            QCoreApplication::translate("fleetctl", "Unknown command \"%1\".").arg(args.first()));
    if (args.size() < 3)
        return usageError(
            QCoreApplication::translate("fleetctl", "shadow needs an action and a thing name."));

    ShadowCommand::Options options;
    options.action = args.at(1);
    options.thingName = args.at(2);
    options.shadowName = parser.value(u"name"_s);
    options.json = parser.isSet(u"json"_s);
    const QStringList actions{u"get"_s, u"update"_s, u"delete"_s, u"watch"_s};
    if (!actions.contains(options.action))
        return usageError(
            QCoreApplication::translate("fleetctl", "Unknown shadow action \"%1\".").arg(options.action));
    if (options.action == "update"_L1) {
        if (args.size() != 4)
            return usageError(
                QCoreApplication::translate("fleetctl", "shadow update needs the state as JSON."));
        QByteArray text = args.at(3).toUtf8();
        if (text == "-") {
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return usageError(QCoreApplication::translate("fleetctl", "Cannot read standard input."));
            text = in.readAll();
        }
        auto state = fleet::ShadowDocument::Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
        if (!state.is_object())
            return usageError(QCoreApplication::translate("fleetctl", "The state is not a JSON object: %1")
                                  .arg(QString::fromUtf8(text.left(200))));
        // A full state object names its sections; anything else is the desired state.
        const bool full =
            !state.empty() && std::all_of(state.items().begin(), state.items().end(), [](auto item) {
                return item.key() == "desired" || item.key() == "reported";
            });
        options.state = full ? state : fleet::ShadowDocument::Json{{"desired", state}};
    } else if (args.size() != 3) {
        return usageError(QCoreApplication::translate("fleetctl", "Too many arguments."));
    }
    bool ok = true;
    if (parser.isSet(u"expect-version"_s)) {
        options.expectedVersion = parser.value(u"expect-version"_s).toLongLong(&ok);
        if (!ok || *options.expectedVersion < 0)
            return usageError(
                QCoreApplication::translate("fleetctl", "--expect-version: expected a whole number."));
    }
    const double timeout = parser.value(u"timeout"_s).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600)
        return usageError(
            QCoreApplication::translate("fleetctl", "--timeout: expected seconds from 0 to 3600."));
    options.timeoutMs = static_cast<int>(timeout * 1000);
    if (parser.isSet(u"count"_s)) {
        options.count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || options.count < 1)
            return usageError(
                QCoreApplication::translate("fleetctl", "--count: expected a positive number."));
    }

    fleet::BrokerProfile profile;
    QString password;
    QString error;
    if (!fleet::BrokerCommandLine::read(parser, &profile, &password, &error))
        return usageError(error);

    fleet::MqttClient client;
    client.setProfile(profile);
    client.setPassword(password);
    // A command-line call either reaches the broker now or reports why; a watch keeps reconnecting once up.
    client.setAutoReconnect(false);
    ShadowCommand command(&client, options);

    QTextStream err(stderr);
    bool started = false;
    QObject::connect(&client, &fleet::MqttClient::connected, &command, [&] {
        if (started)
            return;
        started = true;
        client.setAutoReconnect(true);
        command.start();
    });
    QObject::connect(&client, &fleet::MqttClient::errorOccurred, &command,
                     [&](fleet::MqttClient::Error, const QString &message) {
                         err << message << Qt::endl;
                         // Queued: the error may come from inside connectToBroker(), before exec() runs.
                         if (!started)
                             QMetaObject::invokeMethod(
                                 &app, [] { QCoreApplication::exit(ShadowCommand::ConnectionFailed); },
                                 Qt::QueuedConnection);
                     });
    QTimer::singleShot(options.timeoutMs, &command, [&] {
        if (started)
            return;
        err << QCoreApplication::translate("fleetctl", "Could not connect to %1 in time.")
                   .arg(profile.url.toDisplayString())
            << Qt::endl;
        QCoreApplication::exit(ShadowCommand::ConnectionFailed);
    });

    if (::pipe(signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::exit(0); });
    }

    if (!client.connectToBroker())
        return ShadowCommand::ConnectionFailed;
    const int code = app.exec();
    if (client.state() == fleet::MqttClient::State::Connected)
        client.disconnectFromBroker();
    return code;
}
