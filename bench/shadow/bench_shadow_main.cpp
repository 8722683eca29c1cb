// bench_shadow: fleet-hub's updates per second and latencies against the raw broker round trip; see
// ShadowBenchmark.

#include "shadowbenchmark.h"
#include "shadowscalingbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_shadow"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times fleet-hub on a private mosquitto: update → accepted and desired → delta, one at a time and "
        "with a window in flight, against the raw broker round trip measured in the same run."_s);
    parser.addHelpOption();
    const QCommandLineOption thingsOption(u"things"_s, u"Things the requests are spread over (1000)."_s,
                                          u"N"_s, u"1000"_s);
    const QCommandLineOption samplesOption(u"samples"_s, u"Requests per latency measurement (2000)."_s,
                                           u"N"_s, u"2000"_s);
    const QCommandLineOption updatesOption(u"updates"_s, u"Requests per throughput run (20000)."_s, u"N"_s,
                                           u"20000"_s);
    const QCommandLineOption windowOption(u"window"_s, u"Requests in flight in throughput runs (100)."_s,
                                          u"N"_s, u"100"_s);
    const QCommandLineOption repetitionsOption(u"repetitions"_s, u"Throughput runs of each kind (3)."_s,
                                               u"N"_s, u"3"_s);
    const QCommandLineOption quickOption(u"quick"_s,
                                         u"A short run: 200 things, 300 samples, 3000 updates, 1 run."_s);
    const QCommandLineOption reportOption(u"report"_s, u"Rewrite the shadow section of this Markdown file."_s,
                                          u"PATH"_s);
    const QCommandLineOption databaseOption(
        u"database-dir"_s, u"Put the hub's database here (default: a temporary directory)."_s, u"DIR"_s);
    const QCommandLineOption scalingOption(
        u"scaling"_s, u"Instead: SQLite against PostgreSQL and one hub against two (one broker each), with "
                      "the raw round trip on the same brokers, and the latency at a steady 10,000 updates/s; "
                      "writes the shadow-scaling section."_s);
    parser.addOptions({thingsOption, samplesOption, updatesOption, windowOption, repetitionsOption,
                       quickOption, reportOption, databaseOption, scalingOption});
    parser.process(app);

    fleet::bench::ShadowBenchmark::Options options;
    const auto number = [&](const QCommandLineOption &option, int minimum) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < minimum) {
            std::fprintf(stderr, "bench_shadow: --%s needs a whole number of at least %d\n",
                         qPrintable(option.names().constFirst()), minimum);
            std::exit(2);
        }
        return value;
    };
    options.things = number(thingsOption, 1);
    options.samples = number(samplesOption, 1);
    options.updates = number(updatesOption, 1);
    options.window = number(windowOption, 1);
    options.repetitions = number(repetitionsOption, 1);
    if (parser.isSet(quickOption)) {
        options.things = 200;
        options.samples = 300;
        options.updates = 3000;
        options.repetitions = 1;
    }
    options.reportPath = parser.value(reportOption);
    options.databaseDir = parser.value(databaseOption);

    if (parser.isSet(scalingOption)) {
        fleet::bench::ShadowScalingBenchmark::Options scaling;
        scaling.things = options.things;
        scaling.updates = options.updates;
        scaling.window = options.window;
        if (parser.isSet(quickOption))
            scaling.pacedSeconds = 1;
        scaling.reportPath = options.reportPath;
        fleet::bench::ShadowScalingBenchmark benchmark(scaling);
        return benchmark.run();
    }
    fleet::bench::ShadowBenchmark benchmark(options);
    return benchmark.run();
}
