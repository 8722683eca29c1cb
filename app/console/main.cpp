#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FleetConsole"));
    QApplication::setApplicationName(QStringLiteral("fleet-console"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop console for fleets of MQTT devices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(
        QStringList{QStringLiteral("lang")},
        QApplication::translate("main", "User interface language (en, es, fr)."), QStringLiteral("code"));
    parser.addOption(language);
    parser.process(app);

    // The language follows the system unless the user picks one.
    const QLocale locale = parser.isSet(language) ? QLocale(parser.value(language)) : QLocale::system();
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("fleet"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    fleet::MainWindow window;
    window.show();
    return QApplication::exec();
}
