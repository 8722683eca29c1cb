// fleetctl: the console's core on the command line. The top level reads the broker options and the command
// word; each command (for now: shadow) parses the rest itself, so that its --help and its options (shadow's
// --version N, say) do not collide with the program's own (--version).

#include "exitcode.h"
#include "mqtt/brokercommandline.h"
#include "shadowcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>

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
            "\n"
            "Broker options go before or after the command. 'fleetctl COMMAND --help' describes a command.\n"
            "\n"
            "Exit status: 0 done; 1 the service rejected the request (\"error CODE: MESSAGE\" on stderr); "
            "2 usage error; 3 cannot connect to the broker, or the connection was lost; 4 timed out waiting "
            "for the service.")
            .arg(ShadowCommand::summary()));
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    parser.addPositionalArgument(
        u"command"_s, QCoreApplication::translate("fleetctl", "The command: shadow."), u"COMMAND [ARGS…]"_s);
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
        return usageError(QCoreApplication::translate("fleetctl", "Missing the command (shadow)."));
    const QString command = rest.constFirst();
    if (command != "shadow"_L1)
        return usageError(QCoreApplication::translate("fleetctl", "Unknown command \"%1\".").arg(command));

    // The options given before the command word, handed on with the command's own arguments: the command's
    // parser knows the broker options too, so they may come on either side.
    const QStringList before = arguments.mid(1, arguments.size() - 1 - rest.size());
    ShadowCommand shadow;
    if (const std::optional<int> exitCode =
            shadow.parse(QStringList{arguments.constFirst()} + before + rest.mid(1)))
        return *exitCode;
    QObject::connect(&shadow, &ShadowCommand::finished, &app, [](int code) { QCoreApplication::exit(code); });
    // From the event loop: an exit() before exec() would be lost.
    QTimer::singleShot(0, &shadow, &ShadowCommand::start);
    return QCoreApplication::exec();
}
