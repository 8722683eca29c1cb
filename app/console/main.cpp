// fleet-console: the desktop console. It connects with --broker/--username (the password from
// --password-stdin or FLEET_MQTT_PASSWORD, never the command line), as `./fleet demo` starts it, or else with
// the active connection profile, whose password comes from the OS keychain.

#include "commands/commandcatalog.h"
#include "demoscript.h"
#include "fleet/fleetsession.h"
#include "fleeticons.h"
#include "mainwindow.h"
#include "mqtt/brokercommandline.h"
#include "mqtt/passwordstore.h"
#include "mqtt/profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

void printError(const QString &message)
{
    const QByteArray text = (u"fleet-console: "_s + message + u'\n').toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
}

// --also-connect's name=NAME,url=URL[,environment=KIND][,username=USER].
std::optional<fleet::BrokerProfile> readConnectionSpec(const QString &spec, QString *error)
{
    fleet::BrokerProfile profile;
    for (const QString &part : spec.split(u',')) {
        const qsizetype equals = part.indexOf(u'=');
        const QString key = part.left(equals).trimmed();
        const QString value = equals < 0 ? QString() : part.mid(equals + 1).trimmed();
        if (key == "name"_L1) {
            profile.name = value;
        } else if (key == "url"_L1) {
            profile.url = fleet::BrokerProfile::parseUrl(value, error);
            if (profile.url.isEmpty())
                return std::nullopt;
        } else if (key == "environment"_L1) {
            const auto kind = fleet::BrokerProfile::fromEnvironmentName(value);
            if (!kind) {
                *error =
                    QApplication::translate("main", "--also-connect: unknown environment \"%1\".").arg(value);
                return std::nullopt;
            }
            profile.environment = *kind;
        } else if (key == "username"_L1) {
            profile.username = value;
        } else {
            *error =
                QApplication::translate("main", "--also-connect: unknown key \"%1\" (name, url, environment, "
                                                "username).")
                    .arg(key);
            return std::nullopt;
        }
    }
    if (profile.name.isEmpty() || profile.url.isEmpty()) {
        *error = QApplication::translate("main", "--also-connect needs name=NAME and url=URL.");
        return std::nullopt;
    }
    return profile;
}

// --lang CODE or --lang=CODE, read before the parser exists: the parser's texts are translated.
std::optional<QString> languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == "--"_L1)
            break;
        if (arguments.at(i) == "--lang"_L1 && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith("--lang="_L1))
            return arguments.at(i).mid(7);
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"FleetConsole"_s);
    QApplication::setApplicationName(u"fleet-console"_s);
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    // The language first, so that --help and the errors below are in it too: the option, else the one
    // chosen in the View menu, else the system's (LANG, LC_ALL, LC_MESSAGES).
    const QString chosen = languageArgument(QApplication::arguments())
                               .value_or(QSettings().value(u"appearance/language"_s).toString());
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    // Numbers and dates in the language chosen too ("1.081 recibidos", not "1,081"): %L and QLocale() read
    // the default locale, which is the system's unless set.
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // Built in (translations/CMakeLists.txt): an installed console needs no file beside it.
    QTranslator translator;
    if (translator.load(locale, u"fleet"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);
    // The icon of every window, and the desktop entry that names the running console to the desktop (its
    // icon in the task bar, its name in the notifications).
    QApplication::setWindowIcon(fleet::FleetIcons::application());
    QGuiApplication::setDesktopFileName(fleet::FleetIcons::applicationId());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Desktop console for fleets of MQTT devices. Without --broker it connects with the active "
                "connection profile (File > Connections), whose password is kept in the OS keychain."));
    parser.addHelpOption();
    parser.addVersionOption();
    fleet::BrokerCommandLine::addOptions(parser);
    const QCommandLineOption language(
        u"lang"_s, QApplication::translate("main", "User interface language (en, es, fr)."), u"code"_s);
    const QCommandLineOption ledger(
        u"ledger"_s,
        QApplication::translate("main", "The command ledger (default: %1, shared with fleetctl).")
            .arg(fleet::CommandLedger::defaultPath()),
        u"file"_s);
    const QCommandLineOption catalog(
        u"catalog"_s, QApplication::translate("main", "The command catalog (default: the built-in one)."),
        u"file"_s);
    const QCommandLineOption screenshots(
        u"screenshots"_s,
        QApplication::translate(
            "main", "Render every main view into this folder once the fleet is in, then quit. For "
                    "the demo fleet only: it sends real commands (to dev-1 to dev-8 and group-3) "
                    "to have something to show."),
        u"dir"_s);
    const QCommandLineOption presenceTopic(
        u"presence-topic"_s,
        QApplication::translate("main", "Where devices announce online/offline, {id} standing for the device "
                                        "(default: presence/{id})."),
        u"template"_s, u"presence/{id}"_s);
    const QCommandLineOption telemetryTopic(
        u"telemetry-topic"_s,
        QApplication::translate("main", "Where devices send telemetry (default: telemetry/{id})."),
        u"template"_s, u"telemetry/{id}"_s);
    const QCommandLineOption connectionName(
        u"connection-name"_s,
        QApplication::translate("main",
                                "What to call the --broker connection in the window's title and badge."),
        u"name"_s);
    const QCommandLineOption environment(
        u"environment"_s,
        QApplication::translate("main", "What the --broker connection serves: development, staging or "
                                        "production (production asks before anything is sent)."),
        u"kind"_s);
    const QCommandLineOption alsoConnect(
        u"also-connect"_s,
        QApplication::translate("main",
                                "Also open a window on another broker that needs no password, as "
                                "name=NAME,url=URL[,environment=KIND][,username=USER] (./fleet demo's "
                                "staging broker). For any other broker save a profile and use File > Open in "
                                "new window."),
        u"spec"_s);
    parser.addOptions({language, ledger, catalog, presenceTopic, telemetryTopic, screenshots, connectionName,
                       environment, alsoConnect});
    // An unknown option is a usage error, 2 as for fleetctl, fleet-hub and fleet-sim (process() would exit
    // 1); process() then does --help, --help-all and --version.
    if (!parser.parse(QApplication::arguments())) {
        printError(parser.errorText());
        return 2;
    }
    parser.process(app);

    fleet::FleetSession session;
    if (parser.isSet(catalog)) {
        QString error;
        const std::optional<fleet::CommandCatalog> loaded =
            fleet::CommandCatalog::fromFile(parser.value(catalog), &error);
        if (!loaded) {
            printError(error);
            return 2;
        }
        session.setCatalog(*loaded);
    }
    if (QString error;
        !session.setDeviceTopics(parser.value(presenceTopic), parser.value(telemetryTopic), &error)) {
        printError(error);
        return 2;
    }
    QString ledgerError;
    const bool durable = session.open(parser.value(ledger), &ledgerError);

    QSettings settings;
    fleet::ProfileStore profiles(&settings);
    fleet::PasswordStore passwords;
    fleet::MainWindow window(&session);
    if (!durable)
        window.statusBar()->showMessage(
            QApplication::translate("main", "Commands are not recorded: %1").arg(ledgerError));

    // The stores whatever the start options, so that File > Connections works after --broker too.
    window.setConnectionStores(&profiles, &passwords);
    if (parser.isSet(u"broker"_s)) {
        fleet::BrokerProfile profile;
        QString password;
        QString error;
        if (!fleet::BrokerCommandLine::read(parser, &profile, &password, &error)) {
            printError(error);
            return 2;
        }
        const std::optional<fleet::BrokerProfile::Environment> kind =
            fleet::BrokerProfile::fromEnvironmentName(parser.value(environment));
        if (!kind) {
            printError(QApplication::translate("main",
                                               "--environment takes development, staging or production, "
                                               "not \"%1\".")
                           .arg(parser.value(environment)));
            return 2;
        }
        profile.environment = *kind;
        profile.name = parser.value(connectionName);
        session.connectToBroker(profile, password);
    } else {
        // The saved connections, the password from the keychain; none yet: the Connections dialog.
        if (!window.connectActiveProfile())
            QTimer::singleShot(0, &window, &fleet::MainWindow::openConnections);
    }

    std::optional<fleet::BrokerProfile> second;
    if (parser.isSet(alsoConnect)) {
        QString error;
        second = readConnectionSpec(parser.value(alsoConnect), &error);
        if (!second) {
            printError(error);
            return 2;
        }
    }

    window.show();
    if (second)
        window.openConnectionWindow(*second, {});

    // Scripted runs, for tools only: bench_ui's cold start, `./fleet screenshots`.
    fleet::console::DemoScript script(&window);
    if (qEnvironmentVariableIsSet("FLEET_EXIT_AFTER_FIRST_PAINT"))
        script.exitAfterFirstPaint();
    if (parser.isSet(screenshots))
        script.takeScreenshots(parser.value(screenshots));
    return QApplication::exec();
}
