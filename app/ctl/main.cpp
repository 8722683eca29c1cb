// fleetctl: the console's core on the command line. The top level reads the broker options and the command
// word; each command parses the rest itself, so that its --help and its options (shadow's --version N, say)
// do not collide with the program's own (--version).

#include "approvalscommand.h"
#include "auditcommand.h"
#include "azurecommand.h"
#include "devicescommand.h"
#include "exitcode.h"
#include "mqtt/brokercommandline.h"
#include "rollbackcommand.h"
#include "sendcommand.h"
#include "shadowbatchcommand.h"
#include "shadowcommand.h"
#include "statuscommand.h"
#include "trafficcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fleet::ctl;

namespace {

int usageError(const QString &message)
{
    const QByteArray text = (u"fleetctl: "_s + message + u'\n' +
                             QCoreApplication::translate("fleetctl", "Try 'fleetctl --help'.") + u'\n')
                                .toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    return UsageError;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleetctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEET_VERSION));
    // The core's debug lines (a watched shadow deleted, a stale message dropped) are for developers, and the
    // shadow client's warnings repeat what fleetctl itself reports: either would mix with fleetctl's own
    // messages on stderr. QT_LOGGING_RULES still turns them on.
    QLoggingCategory::setFilterRules(u"fleet.*.debug=false\nfleet.shadow.client.warning=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate(
            "fleetctl",
            "Fleet Console on the command line.\n"
            "\n"
            "Commands:\n"
            "  %1\n"
            "  %2\n"
            "  %3\n"
            "  %4\n"
            "  %5\n"
            "  %6\n"
            "  %7\n"
            "  %8\n"
            "  %9\n"
            "  %10\n"
            "  %11\n"
            "\n"
            "Broker options go before or after the command. 'fleetctl COMMAND --help' describes a command.\n"
            "Commands share the console's ledger (--ledger) and its catalog (--catalog).\n"
            "\n"
            "Exit status: 0 done; 1 the service rejected the request (\"error CODE: MESSAGE\" on stderr); "
            "2 usage error; 3 cannot connect to the broker, or the connection was lost; 4 timed out waiting "
            "for the service; command verdicts: 5 failed, 6 timed out or unreachable, 7 rejected, expired or "
            "cancelled, 8 no verdict yet.")
            .arg(DevicesCommand::summary(), SendCommand::summary(), StatusCommand::summary(),
                 ApprovalsCommand::summary(), AuditCommand::summary(), RollbackCommand::summary(),
                 TrafficCommand::summary(), ShadowCommand::summary())
            .arg(AzureCommand::summary(u"twin"_s), AzureCommand::summary(u"method"_s),
                 AzureCommand::summary(u"c2d"_s)));
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    parser.addPositionalArgument(
        u"command"_s,
        QCoreApplication::translate("fleetctl", "The command: devices, send, status, approvals, audit, "
                                                "rollback, traffic, shadow, twin, method or c2d."),
        u"COMMAND [ARGS…]"_s);
    // Everything from the command word on belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    const QStringList arguments = QCoreApplication::arguments();
    // parse() rather than process(): a usage error must exit with 2, not process()'s 1.
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(Success);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    const QStringList rest = parser.positionalArguments();
    if (rest.isEmpty())
        return usageError(QCoreApplication::translate(
            "fleetctl",
            "Missing the command (devices, send, status, approvals, audit, rollback, traffic, shadow, twin, "
            "method or c2d)."));
    const QString command = rest.constFirst();

    // The options given before the command word, handed on with the command's own arguments: the command's
    // parser knows the broker options too, so they may come on either side.
    const QStringList before = arguments.mid(1, arguments.size() - 1 - rest.size());
    const QStringList commandArguments = QStringList{arguments.constFirst()} + before + rest.mid(1);
    std::unique_ptr<CtlCommand> ctl;
    if (command == "devices"_L1)
        ctl = std::make_unique<DevicesCommand>();
    else if (command == "send"_L1)
        ctl = std::make_unique<SendCommand>();
    else if (command == "status"_L1)
        ctl = std::make_unique<StatusCommand>();
    else if (command == "approvals"_L1)
        ctl = std::make_unique<ApprovalsCommand>();
    else if (command == "audit"_L1)
        ctl = std::make_unique<AuditCommand>();
    else if (command == "rollback"_L1)
        ctl = std::make_unique<RollbackCommand>();
    else if (command == "traffic"_L1)
        ctl = std::make_unique<TrafficCommand>();
    else if (command == "shadow"_L1 && ShadowBatchCommand::isBatch(commandArguments))
        ctl = std::make_unique<ShadowBatchCommand>(); // one patch for many devices
    else if (command == "shadow"_L1)
        ctl = std::make_unique<ShadowCommand>();
    else if (command == "twin"_L1 || command == "method"_L1 || command == "c2d"_L1)
        ctl = std::make_unique<AzureCommand>(command);
    else
        return usageError(QCoreApplication::translate("fleetctl", "Unknown command \"%1\".").arg(command));
    if (const std::optional<int> exitCode = ctl->parse(commandArguments))
        return *exitCode;
    QObject::connect(ctl.get(), &CtlCommand::finished, &app, [](int code) { QCoreApplication::exit(code); });
    // From the event loop: an exit() before exec() would be lost.
    QTimer::singleShot(0, ctl.get(), &CtlCommand::start);
    return QCoreApplication::exec();
}
