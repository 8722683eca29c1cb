// bench_sim: what a simulated device costs in fleet-sim; see SimBenchmark.

#include "simbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs the real fleet-sim on a private mosquitto and measures, per fleet size, the time until every "
        "device is online, the simulator's memory per device (whole and above a one-device baseline) and the "
        "CPU of the simulator and the broker."_s);
    parser.addHelpOption();
    const QCommandLineOption devicesOption(u"devices"_s, u"Fleet sizes, comma-separated (1000,10000)."_s,
                                           u"N,N,..."_s, u"1000,10000"_s);
    const QCommandLineOption idleOption(
        u"idle"_s,
        u"Seconds the fleet idles before memory and steady CPU are read (10: a telemetry period)."_s, u"S"_s,
        u"10"_s);
    const QCommandLineOption rateOption(u"connects-per-second"_s,
                                        u"Override fleet-sim's start-up pacing (default: its own, 1000/s)."_s,
                                        u"N"_s);
    const QCommandLineOption quickOption(u"quick"_s, u"A short run: 1000 devices, 2 s idle."_s);
    const QCommandLineOption reportOption(u"report"_s, u"Rewrite the sim section of this Markdown file."_s,
                                          u"PATH"_s);
    parser.addOptions({devicesOption, idleOption, rateOption, quickOption, reportOption});
    parser.process(app);

    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "bench_sim: %s\n", qPrintable(message));
        std::exit(2);
    };
    fleet::bench::SimBenchmark::Options options;
    options.devices.clear();
    for (const QString &item : parser.value(devicesOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int devices = item.trimmed().toInt(&ok);
        if (!ok || devices < 2 || devices > 100000)
            usage(u"--devices needs fleet sizes from 2 to 100000, not \"%1\""_s.arg(item));
        options.devices << devices;
    }
    if (options.devices.isEmpty())
        usage(u"--devices needs at least one fleet size"_s);
    bool ok = false;
    options.idleSeconds = parser.value(idleOption).toInt(&ok);
    if (!ok || options.idleSeconds < 1)
        usage(u"--idle needs whole seconds, at least 1"_s);
    if (parser.isSet(rateOption)) {
        options.connectsPerSecond = parser.value(rateOption).toInt(&ok);
        if (!ok || options.connectsPerSecond < 1)
            usage(u"--connects-per-second needs a whole number of at least 1"_s);
    }
    if (parser.isSet(quickOption)) {
        options.devices = {1000};
        options.idleSeconds = 2;
    }
    options.reportPath = parser.value(reportOption);

    // Before the broker starts, so that it inherits the limit: the simulator and the broker each need a
    // descriptor per device. fleet-sim raises its own limit as well.
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        if (limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
        const int largest = *std::max_element(options.devices.cbegin(), options.devices.cend());
        if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < rlim_t(largest) + 100)
            std::fprintf(stderr,
                         "bench_sim: the open file limit is %llu, too low for %d devices (ulimit -Hn)\n",
                         static_cast<unsigned long long>(limit.rlim_cur), largest);
    }

    fleet::bench::SimBenchmark benchmark(options);
    return benchmark.run();
}
