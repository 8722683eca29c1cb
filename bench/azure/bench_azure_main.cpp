// bench_azure: fleet-hub's Azure IoT Hub service (twin patches, twin GETs, direct methods) per second and
// latencies against the raw broker round trip; see AzureBenchmark. `bench_azure --echo URL` is the
// reference's echo process, which the benchmark starts itself (EchoClient).

#include "azurebenchmark.h"
#include "azurehubservice.h"
#include "echoclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <sys/prctl.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// The echo process: password on standard input, "ready" on standard output once subscribed; it ends with
// SIGTERM from the benchmark, or with the benchmark itself.
int runEcho(QCoreApplication &app, const QString &url, const QString &caFile, const QString &username,
            int maxInFlight)
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    QTextStream input(stdin);
    fleet::BrokerProfile profile;
    profile.url = QUrl(url);
    profile.clientId = username;
    profile.username = username;
    profile.caFile = caFile;
    fleet::bench::EchoClient echo(profile, input.readLine(), maxInFlight);
    QObject::connect(&echo, &fleet::bench::EchoClient::ready, &app, [] {
        std::fprintf(stdout, "ready\n");
        std::fflush(stdout);
    });
    QObject::connect(&echo, &fleet::bench::EchoClient::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "bench_azure --echo: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    if (!echo.start())
        return 1;
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_azure"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times fleet-hub's Azure IoT Hub service on a private mosquitto with the fleet_iothub plugin: twin "
        "reported patches, direct method calls and twin GETs with a window in flight, against the raw broker "
        "round trip with as many in flight, measured in the same run."_s);
    parser.addHelpOption();
    const QCommandLineOption devicesOption(u"devices"_s, u"Azure devices (100)."_s, u"N"_s, u"100"_s);
    const QCommandLineOption windowOption(
        u"window"_s, u"Requests in flight per device; the operator keeps devices × window (2)."_s, u"N"_s,
        u"2"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Measured time of each run (3)."_s, u"S"_s, u"3"_s);
    const QCommandLineOption repetitionsOption(u"repetitions"_s, u"Runs of each kind (3)."_s, u"N"_s, u"3"_s);
    const QCommandLineOption quickOption(u"quick"_s, u"A short run: 1 s runs, 1 repetition."_s);
    const QCommandLineOption reportOption(u"report"_s, u"Rewrite the azure section of this Markdown file."_s,
                                          u"PATH"_s);
    QCommandLineOption echoOption(u"echo"_s, u"Run as the reference's echo process on this broker."_s,
                                  u"URL"_s);
    QCommandLineOption caOption(u"ca"_s, u"The echo process's CA file."_s, u"FILE"_s);
    QCommandLineOption usernameOption(u"username"_s, u"The echo process's account."_s, u"NAME"_s);
    QCommandLineOption inFlightOption(u"in-flight"_s, u"The echo process's window of QoS 1 publishes."_s,
                                      u"N"_s, u"100"_s);
    for (QCommandLineOption *internal : {&echoOption, &caOption, &usernameOption, &inFlightOption})
        internal->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({devicesOption, windowOption, secondsOption, repetitionsOption, quickOption,
                       reportOption, echoOption, caOption, usernameOption, inFlightOption});
    parser.process(app);

    if (parser.isSet(echoOption))
        return runEcho(app, parser.value(echoOption), parser.value(caOption), parser.value(usernameOption),
                       parser.value(inFlightOption).toInt());

    const auto number = [&](const QCommandLineOption &option, int minimum, int maximum) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < minimum || value > maximum) {
            std::fprintf(stderr, "bench_azure: --%s needs a whole number from %d to %d\n",
                         qPrintable(option.names().constFirst()), minimum, maximum);
            std::exit(2);
        }
        return value;
    };
    fleet::bench::AzureBenchmark::Options options;
    options.devices = number(devicesOption, 1, 1000);
    options.window = number(windowOption, 1, 100);
    options.seconds = number(secondsOption, 1, 60);
    options.repetitions = number(repetitionsOption, 1, 9);
    if (parser.isSet(quickOption)) {
        options.seconds = 1;
        options.repetitions = 1;
    }
    if (options.devices * options.window > fleet::AzureHubService::MaxPendingMethods) {
        // More calls waiting than the hub takes are answered 429, which would end the method runs.
        std::fprintf(stderr, "bench_azure: devices × window may be at most %d\n",
                     fleet::AzureHubService::MaxPendingMethods);
        return 2;
    }
    options.reportPath = parser.value(reportOption);

    fleet::bench::AzureBenchmark benchmark(options);
    return benchmark.run();
}
