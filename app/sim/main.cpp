// fleet-sim: a simulated fleet of MQTT devices, one connection each. The devices live in SimDevice and
// SimFleet; this file reads the options (command line over --config over the defaults), raises the open file
// limit, logs the fleet's progress and turns SIGTERM/SIGINT into a clean stop.

#include "common/servicelog.h"
#include "common/stopsignals.h"
#include "mqtt/brokercommandline.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using fleet::sim::SimConfig;

namespace {

Q_LOGGING_CATEGORY(lcSim, "fleet.sim", QtInfoMsg)

enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

// How often progress is logged while the fleet is still coming online.
constexpr int ProgressIntervalMs = 10000;

int usageError(const QString &message)
{
    const QByteArray text = (u"fleet-sim: "_s + message + u'\n' +
                             QCoreApplication::translate("fleet-sim", "Try 'fleet-sim --help'.") + u'\n')
                                .toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    return Usage;
}

// With libmosquitto's socket pairs refused (see socketpair() in core/mqtt/mosquittolibrary.cpp), a device
// costs one descriptor.
constexpr rlim_t DescriptorsPerDevice = 1;

// 10,000 devices need far more descriptors than the usual soft limit of 1,024. Raises the soft limit to the
// hard limit, and the hard limit too when that is not enough and the process may (root, CAP_SYS_RESOURCE).
// Returns the soft limit now in force.
rlim_t raiseOpenFileLimit(rlim_t needed)
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed) {
        const rlimit raised = {needed, needed};
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return needed;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return raised.rlim_cur;
    }
    return limit.rlim_cur;
}

QString description()
{
    const SimConfig defaults;
    // The Atlas commands are listed with their topics; the AWS IoT one has its own paragraph.
    QStringList atlasCommands = fleet::sim::SimDevice::builtInCommands();
    atlasCommands.removeAll(u"show_message"_s);
    const QString aws = QCoreApplication::translate(
        "fleet-sim",
        "AWS IoT commands (docs/aws-commands.md): ordinary and thing devices run show_message, a request "
        "{\"message\": text} on $aws/commands/things/{id}/executions/{executionId}/request/json, and "
        "answers on .../response/json: IN_PROGRESS, then SUCCEEDED with the result {\"shown\": {\"s\": "
        "text}}, or FAILED or nothing as failureRate and silentDeathRate draw; REJECTED for a request it "
        "cannot read. An execution id runs once.");
    const QString kinds =
        QCoreApplication::translate(
            "fleet-sim",
            "Kinds: sampleShare, designShare, thingShare and azureShare give shares of the fleet "
            "(qRound(share x devices) devices each, together at most all of them) to the other command "
            "dialects of the design documents; the ordinary devices are the rest, PREFIX-1 first, then "
            "sample-1..., design-1..., thing-1..., az-1...\n"
            "  ordinary  everything above; textModeShare of them reply in plain text.\n"
            "  sample    the seed's sample device: a plain-text request on %1, any text; a built-in "
            "command's "
            "name, alone or followed by a space and a JSON object of parameters (set_led "
            "{\"color\":\"red\"}), "
            "runs that command, anything else just succeeds. Replies \"SUCCESS: command ran successfully "
            "from "
            "payload: ...\" or \"FAILURE: reason\" on %2, with no tid, no RUNNING and no correlation data, "
            "so "
            "every request runs. Also answers the broadcast %3 on %4 with {\"device\", \"status\", "
            "\"reason\"?}, echoing the request's correlation data.\n"
            "  design    the Atlas JSON dialect of the IoT Atlas design page on %5, replies on %6; no group "
            "topics, "
            "no AWS IoT commands.\n"
            "  thing     AWS IoT commands only.\n"
            "  az        an Azure IoT Hub device, through a broker that loads the fleet_iothub plugin and "
            "fleet-hub's Azure service: MQTT 3.1.1, client id = device id, user name "
            "{host}/{id}/?api-version=2021-04-12 and a SAS token signed with its key (valid 1 h, a new one "
            "at every connect; keys and host name from --accounts, whose \"azureDevices\" `fleet-hub "
            "provision --azure-devices` writes). Its twin holds its state: reported at start and after "
            "every change (firmware, led, message, motor, position, telemetryIntervalMs, "
            "lastCloudMessage), desired properties applied and reported back. Its direct methods are the "
            "commands above and show_message {\"text\"}: 200 with a result, 400 {\"message\"} for bad "
            "parameters, 404 for an unknown method, 500 for a simulated failure, no answer for a silent "
            "death; set_position answers when it gets there. Telemetry and upload_log are "
            "device-to-cloud messages on devices/{id}/messages/events/ (property kind=telemetry or log); "
            "cloud-to-device messages are logged and reported. No presence, shadows or Atlas topics: the "
            "plugin announces it.\n"
            "Every kind but az has presence, shadows and telemetry. Out-of-order commands fail: a JSON "
            "request "
            "whose tid "
            "is an ordered one (as fleetctl and the console make them) older than the newest run for the "
            "same "
            "command does not run, and gets FAILURE.")
            .arg(defaults.commandRequestTopic, defaults.commandResponseTopic,
                 QLatin1StringView(SimConfig::BroadcastRequestTopic),
                 QLatin1StringView(SimConfig::BroadcastResponseTopic),
                 QLatin1StringView(SimConfig::DesignRequestTopic),
                 QLatin1StringView(SimConfig::DesignResponseTopic));
    return QCoreApplication::translate(
               "fleet-sim",
               "Simulates a fleet of MQTT devices, each with its own connection; its client id is its device "
               "id, PREFIX-N with N from 1 (dev-1, dev-2, ...), which is also its AWS IoT thing name.\n"
               "\n"
               "What every device does (the topics are the defaults; {id} is the device id, {group} its "
               "group, group-1 to group-G):\n"
               "  presence   \"online\" retained on %1 at every connect; \"offline\" is its Last Will, and "
               "it "
               "publishes \"offline\" itself before a clean stop.\n"
               "  commands   (ordinary devices; see Kinds below for the others) requests on %2 and %3, "
               "replies (RUNNING, SUCCESS, FAILURE with the tid and the "
               "device id) on %4 and %5. Each tid runs once; a duplicate gets the recorded answer again. "
               "Commands: %6.\n"
               "  shadows    the classic shadow and the named shadow \"config\" on "
               "$aws/things/{id}/shadow/..., "
               "through fleet-hub or AWS IoT: reports its state, applies deltas, and reports local changes.\n"
               "  telemetry  {\"ts\", \"temperature\", \"humidity\", \"battery\"} on %7 every %8 ms; "
               "upload_log publishes on %9.\n"
               "\n"
               "--config FILE is a JSON object that sets any of these by name: devices, prefix, seed, "
               "groups, "
               "presenceTopic, commandRequestTopic, commandResponseTopic, groupRequestTopic, "
               "groupResponseTopic, telemetryTopic, logTopic, telemetryIntervalMs, runningIntervalMs, "
               "setPositionMs, rebootOfflineMs, buttonPressIntervalMs, rememberedTids, connectsPerSecond "
               "(default %10), keepAliveSeconds, latencyMs [min, max], failureRate, silentDeathRate, "
               "duplicateReplyRate, outOfOrderRate, offlineEveryMs, offlineForMs, slowLinkShare, "
               "slowLinkExtraMs, flakyLinkShare, flakyEveryMs, textModeShare, sampleShare, designShare, "
               "thingShare, azureShare, executionLogPath. Rates and "
               "shares are probabilities from 0 to 1, times are milliseconds; for example "
               "{\"failureRate\": 0.1, \"latencyMs\": [20, 200], \"slowLinkShare\": 0.05}. Command-line "
               "options override the file. The same seed replays the same fleet.\n"
               "\n"
               "The broker options are those of fleet-hub and fleetctl, except: --client-id is refused (each "
               "device's client id is its id), --keepalive defaults to keepAliveSeconds (%11 s), "
               "--mqtt-version must be 5 (Azure devices speak 3.1.1 whatever it says); every device sends "
               "the same user name and password, unless --accounts gives each its own.\n"
               "\n"
               "Raises its open file limit as far as it may (a descriptor per device). Stops cleanly "
               "on SIGTERM or SIGINT: every device publishes \"offline\" and disconnects; a second signal "
               "stops at once.\n"
               "Exit status: 0 after a clean stop, 1 when the fleet cannot start (the execution log cannot "
               "be opened, a device has no account in --accounts, an Azure device no key, the signal "
               "handlers cannot be installed) "
               "or after a second signal, 2 for invalid options or configuration.")
               .arg(defaults.presenceTopic, defaults.commandRequestTopic, defaults.groupRequestTopic,
                    defaults.commandResponseTopic, defaults.groupResponseTopic, atlasCommands.join(u", "_s),
                    defaults.telemetryTopic, QString::number(defaults.telemetryIntervalMs), defaults.logTopic)
               .arg(defaults.connectsPerSecond)
               .arg(defaults.keepAliveSeconds) +
           u"\n\n"_s + aws + u"\n\n"_s + kinds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleet-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    const QCommandLineOption devicesOption(
        u"devices"_s,
        QCoreApplication::translate(
            "fleet-sim", "How many devices to simulate, 1 to 100000 (default 10, or the configuration's)."),
        QCoreApplication::translate("fleet-sim", "N"));
    const QCommandLineOption prefixOption(
        u"prefix"_s,
        QCoreApplication::translate("fleet-sim", "Device ids are PREFIX-N (default dev). Letters, digits, "
                                                 "':', '_' and '-' only: the ids are AWS IoT "
                                                 "thing names and topic levels."),
        QCoreApplication::translate("fleet-sim", "PREFIX"));
    const QCommandLineOption seedOption(
        u"seed"_s,
        QCoreApplication::translate(
            "fleet-sim",
            "Seed of every random choice (faults, latencies, readings); the same seed replays the "
            "same fleet (default 1)."),
        QCoreApplication::translate("fleet-sim", "S"));
    const QCommandLineOption configOption(
        u"config"_s,
        QCoreApplication::translate(
            "fleet-sim", "JSON file of settings (topics, timing, faults); see above. Options override it."),
        QCoreApplication::translate("fleet-sim", "FILE"));
    const QCommandLineOption executionLogOption(
        u"execution-log"_s,
        QCoreApplication::translate(
            "fleet-sim",
            "Append a line per command a device executes (time, device, tid, command) to this file, flushed "
            "at once: proof that each command ran exactly once."),
        QCoreApplication::translate("fleet-sim", "PATH"));
    const QCommandLineOption accountsOption(
        u"accounts"_s,
        QCoreApplication::translate(
            "fleet-sim",
            "One broker account per device: each device connects with its id as user name and its own "
            "password, taken from FILE, the JSON that `fleet-hub provision` (or `./fleet stack`) writes (its "
            "\"accounts\" with the device role). Every device must have one. Azure devices (azureShare) take "
            "their keys and the IoT Hub host name from its \"azureDevices\" and \"azureHostName\" instead. "
            "Not with --username: the shared account is what this replaces. The file holds passwords and "
            "keys in plain text, so it is for a local test or demo stack; a real device keeps its own "
            "credential."),
        QCoreApplication::translate("fleet-sim", "FILE"));
    parser.addOptions(
        {devicesOption, prefixOption, seedOption, configOption, executionLogOption, accountsOption});

    // parse() rather than process(): invalid options must exit with the usage status, not process()'s 1.
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(Ok);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("fleet-sim", "Unexpected argument \"%1\".")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(u"client-id"_s))
        return usageError(QCoreApplication::translate(
            "fleet-sim", "--client-id cannot be used: every device's client id is its device id."));

    fleet::BrokerProfile profile;
    QString password;
    QString error;
    if (!fleet::BrokerCommandLine::read(parser, &profile, &password, &error))
        return usageError(error);

    std::optional<fleet::sim::SimFleet::Credentials> accounts;
    if (parser.isSet(accountsOption)) {
        if (parser.isSet(u"username"_s))
            return usageError(QCoreApplication::translate(
                "fleet-sim", "--accounts and --username cannot be combined: with --accounts every device's "
                             "user name is its id."));
        accounts = fleet::sim::SimFleet::readCredentials(parser.value(accountsOption), &error);
        if (!accounts)
            return usageError(error);
    }

    // The devices keep their sessions across offline periods with MQTT 5 session expiry.
    if (profile.protocolVersion != fleet::BrokerProfile::ProtocolVersion::Mqtt5)
        return usageError(
            QCoreApplication::translate("fleet-sim", "--mqtt-version: the devices speak MQTT 5 only."));

    SimConfig config;
    if (parser.isSet(configOption) && !config.loadFile(parser.value(configOption), &error))
        return usageError(error);
    if (parser.isSet(devicesOption)) {
        bool ok = false;
        config.devices = parser.value(devicesOption).toInt(&ok);
        if (!ok)
            return usageError(
                QCoreApplication::translate("fleet-sim", "--devices: expected a whole number, not \"%1\".")
                    .arg(parser.value(devicesOption)));
    }
    if (parser.isSet(prefixOption))
        config.prefix = parser.value(prefixOption);
    if (parser.isSet(seedOption)) {
        bool ok = false;
        config.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return usageError(
                QCoreApplication::translate(
                    "fleet-sim",
                    "--seed: expected a whole number from 0 to 18446744073709551615, not \"%1\".")
                    .arg(parser.value(seedOption)));
    }
    if (parser.isSet(executionLogOption))
        config.executionLogPath = parser.value(executionLogOption);
    // One keepalive for the devices: the broker option when given, else the configuration's.
    if (parser.isSet(u"keepalive"_s))
        config.keepAliveSeconds = profile.keepAliveSeconds;
    profile.keepAliveSeconds = config.keepAliveSeconds;
    if (const QString problem = config.validate(); !problem.isEmpty())
        return usageError(problem);

    fleet::installServiceLog();
    // Descriptors for the devices, and a few for the process itself.
    const rlim_t neededFiles = DescriptorsPerDevice * rlim_t(config.devices) + 64;
    const rlim_t fileLimit = raiseOpenFileLimit(neededFiles);
    if (fileLimit != RLIM_INFINITY && fileLimit < neededFiles)
        qCWarning(lcSim).noquote() << QCoreApplication::translate(
                                          "fleet-sim",
                                          "The open file limit is %1, too low for %2 devices, which "
                                          "need about %3 (%4 each): some will not connect. Raise "
                                          "the hard limit (ulimit -Hn, LimitNOFILE=).")
                                          .arg(fileLimit)
                                          .arg(config.devices)
                                          .arg(neededFiles)
                                          .arg(DescriptorsPerDevice);

    fleet::StopSignals stopSignals;
    if (!stopSignals.install()) {
        qCCritical(lcSim).noquote() << QCoreApplication::translate("fleet-sim",
                                                                   "Cannot install the signal handlers.");
        return Failure;
    }

    fleet::sim::SimFleet fleet(config, profile);
    fleet.setPassword(password);
    if (accounts)
        fleet.setDeviceCredentials(*accounts);
    QElapsedTimer clock;
    QTimer progress;
    progress.setInterval(ProgressIntervalMs);
    QObject::connect(&progress, &QTimer::timeout, &fleet, [&] {
        qCInfo(lcSim).noquote() << QCoreApplication::translate("fleet-sim",
                                                               "%1 of %2 devices online after %3 s.")
                                       .arg(fleet.onlineCount())
                                       .arg(fleet.deviceCount())
                                       .arg(clock.elapsed() / 1000);
    });
    QObject::connect(&fleet, &fleet::sim::SimFleet::allOnline, &app, [&] {
        progress.stop();
        qCInfo(lcSim).noquote() << QCoreApplication::translate("fleet-sim",
                                                               "All %1 devices are online, after %2 s.")
                                       .arg(fleet.deviceCount())
                                       .arg(double(clock.elapsed()) / 1000, 0, 'f', 2);
    });
    QObject::connect(&fleet, &fleet::sim::SimFleet::stopped, &app, [&] {
        qCInfo(lcSim).noquote() << QCoreApplication::translate("fleet-sim", "Stopped.");
        QCoreApplication::exit(Ok);
    });
    bool stopping = false;
    QObject::connect(&stopSignals, &fleet::StopSignals::stopRequested, &app, [&](int signal) {
        if (stopping) {
            qCWarning(lcSim).noquote() << QCoreApplication::translate("fleet-sim", "Stopping at once on %1.")
                                              .arg(fleet::StopSignals::name(signal));
            QCoreApplication::exit(Failure);
            return;
        }
        stopping = true;
        progress.stop();
        qCInfo(lcSim).noquote()
            << QCoreApplication::translate(
                   "fleet-sim", "Stopping on %1: %2 devices online publish \"offline\" and disconnect.")
                   .arg(fleet::StopSignals::name(signal))
                   .arg(fleet.onlineCount());
        fleet.stop();
    });

    clock.start();
    if (!fleet.start(&error)) {
        qCCritical(lcSim).noquote() << error;
        return Failure;
    }
    QStringList ranges;
    for (const SimConfig::Kind kind :
         {SimConfig::Kind::Atlas, SimConfig::Kind::Sample, SimConfig::Kind::Design, SimConfig::Kind::Thing,
          SimConfig::Kind::Azure}) {
        if (const QString range = config.idRange(kind); !range.isEmpty())
            ranges << range;
    }
    qCInfo(lcSim).noquote() << QCoreApplication::translate(
                                   "fleet-sim",
                                   "%1 devices connecting to %2 (%3; seed %4, up to %5 connects/s).")
                                   .arg(config.devices)
                                   .arg(profile.url.toDisplayString(), ranges.join(u", "_s),
                                        QString::number(config.seed))
                                   .arg(config.connectsPerSecond);
    progress.start();
    return QCoreApplication::exec();
}
