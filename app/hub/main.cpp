// fleet-hub: AWS IoT compatible device shadows for any MQTT broker. The logic lives in ShadowService and
// ShadowStore; this file reads the options, wires them together and turns SIGTERM/SIGINT into a clean stop.

#include "awscommandservice.h"
#include "awscommandstore.h"
#include "azurehubservice.h"
#include "brokerprovisioning.h"
#include "commandgate.h"
#include "common/servicelog.h"
#include "common/stopsignals.h"
#include "gateauditservice.h"
#include "gatestore.h"
#include "mqtt/brokercommandline.h"
#include "shadowservice.h"
#include "shadowstore.h"
#include "twinstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

enum ExitCode { Ok = 0, Failure = 1, Usage = 2 };

int usageError(const QString &message)
{
    std::fprintf(stderr, "fleet-hub: %s\n%s\n", qUtf8Printable(message),
                 qUtf8Printable(QCoreApplication::translate("main", "Try 'fleet-hub --help'.")));
    return Usage;
}

} // namespace

int main(int argc, char *argv[])
{
    // `fleet-hub provision …` writes a broker's accounts and access control and exits; it never serves.
    if (argc > 1 && std::strcmp(argv[1], "provision") == 0)
        return fleet::BrokerProvisioning::runCommand(argc, argv);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleet-hub"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEET_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main",
        "AWS IoT compatible device shadows (classic and named) for any MQTT broker, and the command "
        "gate: commands and desired changes that operators submit on fleet/gate/submit/USER/TOPIC are "
        "published when the catalog allows them, and sensitive ones only once an approver other than "
        "the requester approved exactly that request (docs/security.md). The gate's audit log is read "
        "over MQTT: a query on fleet/gate/audit/query/USER is answered on fleet/gate/audit/replies/USER "
        "(`fleetctl audit`, the console's audit view).\n"
        "AWS IoT Device Management commands: the catalog's commands with the aws-commands dialect are "
        "started on fleet/aws-commands/start/USER/TOKEN, published to the devices on "
        "$aws/commands/things/THING/executions/ID/request/..., tracked through their lifecycle and "
        "timeout, and announced on $aws/events/commandExecution/COMMAND/STATUS (docs/aws-commands.md).\n"
        "Stops cleanly on SIGTERM or SIGINT. Exit status: 0 after a clean stop, 1 when the database "
        "cannot be used or the broker refuses the connection for good, 2 for invalid options.\n"
        "Every accepted update is on disk (SQLite WAL with fsync, or a PostgreSQL commit) before "
        "\"accepted\" is published. Several hubs may serve one fleet over one PostgreSQL database "
        "(docs/scaling.md); no version is lost or handed out twice.\n"
        "With mosquitto, set \"set_tcp_nodelay true\" in its configuration: with Nagle's "
        "algorithm on (its default) replies can wait 40 ms for a delayed ACK."));
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    const QCommandLineOption dbOption(
        u"db"_s,
        QCoreApplication::translate(
            "main", "Where the shadows are kept: a SQLite file (created if missing; several hubs on one "
                    "machine may share it), or a PostgreSQL database, "
                    "postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=...], shared by hubs on any "
                    "number of machines. Its password comes from FLEET_DB_PASSWORD, the systemd "
                    "credential db-password, or PostgreSQL's own PGPASSWORD or ~/.pgpass, never from "
                    "the URL."),
        QCoreApplication::translate("main", "PATH|URL"));
    const QCommandLineOption shareOption(
        u"share-group"_s,
        QCoreApplication::translate(
            "main", "Subscribe through the MQTT shared subscription $share/NAME/... so "
                    "that several hubs on one database share the requests. The broker must route $aws "
                    "topics to shared subscriptions (mosquitto 2.0 does not)."),
        QCoreApplication::translate("main", "NAME"));
    const QCommandLineOption catalogOption(
        u"catalog"_s,
        QCoreApplication::translate("main",
                                    "The gate's command catalog, the authoritative one: which commands "
                                    "and desired keys are sensitive (default: the built-in catalog)."),
        QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption gateDbOption(
        u"gate-db"_s,
        QCoreApplication::translate("main", "Database of the gate's held requests and audit log "
                                            "(default: the --db path with \"-gate\" appended, or the "
                                            "same PostgreSQL database)."),
        QCoreApplication::translate("main", "PATH|URL"));
    const QCommandLineOption commandsDbOption(
        u"commands-db"_s,
        QCoreApplication::translate("main", "Database of the AWS IoT command executions "
                                            "(default: the --db path with \"-commands\" appended, or the "
                                            "same PostgreSQL database)."),
        QCoreApplication::translate("main", "PATH|URL"));
    const QCommandLineOption lifetimeOption(
        u"approval-lifetime"_s,
        QCoreApplication::translate("main", "How long a held request waits for a decision, in seconds "
                                            "(default 3600)."),
        QCoreApplication::translate("main", "SECONDS"));
    const QCommandLineOption twinsDbOption(
        u"twins-db"_s,
        QCoreApplication::translate("main", "Database of the Azure IoT Hub device twins "
                                            "(default: the --db path with \"-twins\" appended, or the "
                                            "same PostgreSQL database)."),
        QCoreApplication::translate("main", "PATH|URL"));
    parser.addOption(dbOption);
    parser.addOption(catalogOption);
    parser.addOption(gateDbOption);
    parser.addOption(commandsDbOption);
    parser.addOption(twinsDbOption);
    parser.addOption(lifetimeOption);
    parser.addOption(shareOption);
    const QCommandLineOption shadowsOnlyOption(
        u"shadows-only"_s,
        QCoreApplication::translate(
            "main", "Serve shadows only, for a hub beside the one that runs the command gate, AWS IoT "
                    "commands and Azure IoT Hub over the same database (docs/scaling.md)."));
    parser.addOption(shadowsOnlyOption);

    // parse() rather than process(): invalid options must exit with the usage status, not process()'s 1.
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(Ok);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("main", "Unexpected argument \"%1\".")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.value(dbOption).isEmpty())
        return usageError(QCoreApplication::translate("main", "--db PATH or --db URL is required."));
    QString dbPassword = qEnvironmentVariable("FLEET_DB_PASSWORD");
    {
        QString why;
        if (dbPassword.isEmpty() &&
            !fleet::BrokerCommandLine::readCredential(u"db-password"_s, &dbPassword, &why))
            return usageError(why);
    }
    // --db, and the companion stores' own options or their defaults beside it.
    const auto location = [&](const QCommandLineOption &option, const fleet::DatabaseLocation *main,
                              const QString &suffix, fleet::DatabaseLocation *out) {
        QString why;
        std::optional<fleet::DatabaseLocation> parsed;
        if (main && !parser.isSet(option))
            parsed = main->companion(suffix);
        else
            parsed = fleet::DatabaseLocation::parse(parser.value(option), &why);
        if (!parsed) {
            why = u"--%1: %2"_s.arg(option.names().constFirst(), why);
            return why;
        }
        parsed->setPassword(dbPassword);
        *out = *parsed;
        return QString();
    };
    fleet::DatabaseLocation db;
    fleet::DatabaseLocation gateDb;
    fleet::DatabaseLocation commandsDb;
    fleet::DatabaseLocation twinsDb;
    for (const QString &why :
         {location(dbOption, nullptr, {}, &db), location(gateDbOption, &db, u"-gate"_s, &gateDb),
          location(commandsDbOption, &db, u"-commands"_s, &commandsDb),
          location(twinsDbOption, &db, u"-twins"_s, &twinsDb)}) {
        if (!why.isEmpty())
            return usageError(why);
    }
    const QString shareGroup = parser.value(shareOption);
    const bool shadowsOnly = parser.isSet(shadowsOnlyOption);
    if (parser.isSet(shareOption) && !fleet::ShadowService::isValidShareGroup(shareGroup))
        return usageError(QCoreApplication::translate("main",
                                                      "--share-group: \"%1\" is not a valid share group name "
                                                      "(non-empty, without '/', '+' or '#').")
                              .arg(shareGroup));
    fleet::CommandCatalog catalog = fleet::CommandCatalog::defaultCatalog();
    if (parser.isSet(catalogOption)) {
        QString why;
        std::optional<fleet::CommandCatalog> loaded =
            fleet::CommandCatalog::fromFile(parser.value(catalogOption), &why);
        if (!loaded)
            return usageError(why);
        catalog = std::move(*loaded);
    }
    qint64 lifetimeMs = fleet::CommandGate::DefaultLifetimeMs;
    if (parser.isSet(lifetimeOption)) {
        bool ok = false;
        const double seconds = parser.value(lifetimeOption).toDouble(&ok);
        if (!ok || seconds < 1 || seconds > 30 * 24 * 3600)
            return usageError(QCoreApplication::translate(
                "main", "--approval-lifetime: expected seconds, from 1 to 2592000."));
        lifetimeMs = qint64(seconds * 1000);
    }
    fleet::BrokerProfile profile;
    QString password;
    QString error;
    if (!fleet::BrokerCommandLine::read(parser, &profile, &password, &error))
        return usageError(error);

    fleet::installServiceLog();
    fleet::StopSignals stopSignals;
    if (!stopSignals.install()) {
        qCCritical(fleet::lcHub).noquote()
            << QCoreApplication::translate("main", "Cannot install the signal handlers.");
        return Failure;
    }

    fleet::ShadowStore store;
    if (!store.open(db)) {
        qCCritical(fleet::lcHub).noquote() << store.errorString();
        return Failure;
    }
    qCInfo(fleet::lcHub).noquote()
        << QCoreApplication::translate("main", "fleet-hub %1 starting: broker %2, database %3, %4")
               .arg(QCoreApplication::applicationVersion(), profile.url.toDisplayString(), db.displayName(),
                    shareGroup.isEmpty()
                        ? QCoreApplication::translate("main", "no share group")
                        : QCoreApplication::translate("main", "share group \"%1\"").arg(shareGroup));

    // The gate, AWS IoT commands and Azure IoT Hub keep state in memory (held requests, unfinished
    // executions, pending method calls) loaded at start, so exactly one hub of a fleet may run them; further
    // hubs on the same database serve shadows only (docs/scaling.md).
    std::unique_ptr<fleet::GateStore> gateStore;
    std::unique_ptr<fleet::AwsCommandStore> commandStore;
    std::unique_ptr<fleet::TwinStore> twinStore;
    if (!shadowsOnly) {
        gateStore = std::make_unique<fleet::GateStore>();
        if (!gateStore->open(gateDb)) {
            qCCritical(fleet::lcHub).noquote() << gateStore->errorString();
            return Failure;
        }

        commandStore = std::make_unique<fleet::AwsCommandStore>();
        if (!commandStore->open(commandsDb)) {
            qCCritical(fleet::lcHub).noquote() << commandStore->errorString();
            return Failure;
        }

        twinStore = std::make_unique<fleet::TwinStore>();
        if (!twinStore->open(twinsDb)) {
            qCCritical(fleet::lcHub).noquote() << twinStore->errorString();
            return Failure;
        }
    }

    fleet::ShadowService service(&store);
    service.setProfile(profile);
    service.setPassword(password);
    service.setShareGroup(shareGroup);
    // After the service: they use its client, so they must go before it does.
    std::unique_ptr<fleet::CommandGate> gate;
    std::unique_ptr<fleet::GateAuditService> audit;
    std::unique_ptr<fleet::AwsCommandService> awsCommands;
    std::unique_ptr<fleet::AzureHubService> azure;
    if (shadowsOnly) {
        qCInfo(fleet::lcHub).noquote() << QCoreApplication::translate(
            "main", "Serving shadows only: the gate, AWS IoT commands and Azure IoT Hub are left to another "
                    "hub.");
    } else {
        // The gate shares the service's connection: what it relays to a shadow topic comes back to the
        // service.
        gate = std::make_unique<fleet::CommandGate>(service.client(), gateStore.get(), catalog);
        gate->setLifetimeMs(lifetimeMs);
        if (!gate->start()) {
            qCCritical(fleet::lcHub).noquote() << gate->errorString();
            return Failure;
        }
        // The audit log is read on the gate's own connection and database, between the gate's transactions.
        audit = std::make_unique<fleet::GateAuditService>(service.client(), gateStore.get());
        if (!audit->start()) {
            qCCritical(fleet::lcHub).noquote() << audit->errorString();
            return Failure;
        }
        awsCommands =
            std::make_unique<fleet::AwsCommandService>(service.client(), commandStore.get(), catalog);
        if (!awsCommands->start()) {
            qCCritical(fleet::lcHub).noquote() << awsCommands->errorString();
            return Failure;
        }
        // A sensitive AWS IoT command reaches the service only through the gate, once approved.
        gate->setAwsStarter([commands = awsCommands.get()](const QString &user, const QString &token,
                                                           const QByteArray &payload) {
            commands->startApproved(user, token, payload);
        });
        qCInfo(fleet::lcHub).noquote()
            << QCoreApplication::translate("main", "AWS IoT commands on: %1 command(s) (%2), %3 unfinished "
                                                   "execution(s), database %4")
                   .arg(awsCommands->commandIds().size())
                   .arg(awsCommands->commandIds().join(u", "_s))
                   .arg(awsCommands->unfinishedCount())
                   .arg(commandsDb.displayName());
        // Azure IoT Hub's device side, for a broker that loads the fleet_iothub plugin (broker/); without it
        // no device reaches these topics and the service stays idle.
        azure = std::make_unique<fleet::AzureHubService>(service.client(), twinStore.get(), catalog);
        if (!azure->start()) {
            qCCritical(fleet::lcHub).noquote() << azure->errorString();
            return Failure;
        }
        qCInfo(fleet::lcHub).noquote()
            << QCoreApplication::translate("main", "Azure IoT Hub devices on: %1 twin(s), "
                                                   "database %2")
                   .arg(twinStore->count())
                   .arg(twinsDb.displayName());
        // A direct method reaches the service through the gate (judged by the hub's catalog), or, when the
        // catalog does not hold it sensitive, straight from the operator's invoke topic.
        gate->setAzureInvoker([methods = azure.get()](const QString &user, const QString &requestId,
                                                      const QByteArray &payload) {
            methods->invokeApproved(user, requestId, payload);
        });
        QObject::connect(azure.get(), &fleet::AzureHubService::storeFailed, &app,
                         [](const QString &message) { qCCritical(fleet::lcHub).noquote() << message; });
        QObject::connect(awsCommands.get(), &fleet::AwsCommandService::storeFailed, &app,
                         [](const QString &message) { qCCritical(fleet::lcHub).noquote() << message; });
        QObject::connect(gate.get(), &fleet::CommandGate::storeFailed, &app,
                         [](const QString &message) { qCCritical(fleet::lcHub).noquote() << message; });
        qCInfo(fleet::lcHub).noquote()
            << QCoreApplication::translate("main",
                                           "command gate on: catalog of %n command(s), "
                                           "%1 held request(s), database %2",
                                           nullptr, int(catalog.commands().size()))
                   .arg(gate->pendingCount())
                   .arg(gateDb.displayName());
    }

    int exitCode = Ok;
    QObject::connect(&service, &fleet::ShadowService::stopped, &app, [&] {
        if (store.conflictCount() > 0)
            qCInfo(fleet::lcHub).noquote()
                << QCoreApplication::translate("main", "%1 request(s) ran again after losing a race with "
                                                       "another hub.")
                       .arg(store.conflictCount());
        store.close();
        for (fleet::SqlStore *other :
             std::initializer_list<fleet::SqlStore *>{gateStore.get(), commandStore.get(), twinStore.get()}) {
            if (other)
                other->close();
        }
        qCInfo(fleet::lcHub).noquote() << QCoreApplication::translate("main", "Stopped.");
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&service, &fleet::ShadowService::fatalError, &app, [&] {
        exitCode = Failure;
        service.stop();
    });
    bool stopping = false;
    QObject::connect(&stopSignals, &fleet::StopSignals::stopRequested, &app, [&](int signal) {
        if (stopping) {
            // A second signal means "now": skip waiting for the broker's acknowledgements.
            qCWarning(fleet::lcHub).noquote()
                << QCoreApplication::translate("main", "Stopping at once on %1.")
                       .arg(fleet::StopSignals::name(signal));
            store.close();
            QCoreApplication::exit(Failure);
            return;
        }
        stopping = true;
        qCInfo(fleet::lcHub).noquote()
            << QCoreApplication::translate("main", "Stopping on %1.").arg(fleet::StopSignals::name(signal));
        // stop() answers the requests the broker already routed to us, then disconnects.
        service.stop();
    });

    if (!service.start()) {
        qCCritical(fleet::lcHub).noquote() << service.errorString();
        return Failure;
    }
    return QCoreApplication::exec();
}
