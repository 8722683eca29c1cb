// bench_fanout: one command to 1,000 and 10,000 fleet-sim devices through CommandTracker, against a bare
// MqttClient sending the same requests, and an AWS IoT command to as many things through fleet-hub; see
// FanoutBenchmark.

#include "commands/commandtracker.h"
#include "fanoutbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_fanout"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sends set_led to every device of a real fleet-sim (per fleet size, on a private mosquitto) through "
        "CommandTracker, without and with a ledger, as a group broadcast and through fleet-hub's command "
        "gate "
        "(a fleet-hub process on the same broker), and through a bare MqttClient as the reference; sends the "
        "AWS IoT command show_message to every device as a thing through fleet-hub's AWS IoT commands "
        "service, reported against the Atlas rows; and reports the time until every device is done, "
        "latencies, verdicts, lost and "
        "wrong ones, and CPU."_s);
    parser.addHelpOption();
    const QCommandLineOption sizesOption(
        u"sizes"_s,
        u"Fleet sizes, comma-separated (1000,10000); at most %1, the executions a tracker keeps."_s.arg(
            fleet::CommandTracker::MaxExecutions),
        u"N,N,..."_s, u"1000,10000"_s);
    const QCommandLineOption deadlineOption(
        u"deadline"_s, u"Seconds each fleet size may take, fleet start-up included (240)."_s, u"S"_s,
        u"240"_s);
    const QCommandLineOption windowOption(
        u"window"_s, u"QoS 1 publishes in flight per client (100, MqttClient's default)."_s, u"N"_s,
        u"100"_s);
    const QCommandLineOption repetitionsOption(
        u"repetitions"_s, u"Runs of each bare/tracker pair; the median is reported (3)."_s, u"N"_s, u"3"_s);
    const QCommandLineOption noLedgerOption(u"no-ledger"_s, u"Skip the run with a CommandLedger."_s);
    const QCommandLineOption noGroupOption(u"no-group"_s, u"Skip the group broadcasts."_s);
    const QCommandLineOption noGateOption(u"no-gate"_s, u"Skip the runs through fleet-hub's command gate."_s);
    const QCommandLineOption noAwsOption(
        u"no-aws"_s, u"Skip the AWS IoT commands through fleet-hub (with --no-gate: no fleet-hub)."_s);
    const QCommandLineOption reportOption(u"report"_s, u"Rewrite the fanout section of this Markdown file."_s,
                                          u"PATH"_s);
    parser.addOptions({sizesOption, deadlineOption, windowOption, repetitionsOption, noLedgerOption,
                       noGroupOption, noGateOption, noAwsOption, reportOption});
    parser.process(app);

    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "bench_fanout: %s\n", qPrintable(message));
        std::exit(2);
    };
    fleet::bench::FanoutBenchmark::Options options;
    options.sizes.clear();
    for (const QString &item : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int devices = item.trimmed().toInt(&ok);
        // Past MaxExecutions the tracker forgets the oldest finished executions, which would then count
        // as lost here.
        if (!ok || devices < 1 || devices > fleet::CommandTracker::MaxExecutions)
            usage(u"--sizes needs fleet sizes from 1 to %1, not \"%2\""_s
                      .arg(fleet::CommandTracker::MaxExecutions)
                      .arg(item));
        options.sizes << devices;
    }
    if (options.sizes.isEmpty())
        usage(u"--sizes needs at least one fleet size"_s);
    bool ok = false;
    options.deadlineSeconds = parser.value(deadlineOption).toInt(&ok);
    if (!ok || options.deadlineSeconds < 10)
        usage(u"--deadline needs whole seconds, at least 10"_s);
    options.maxInFlight = parser.value(windowOption).toInt(&ok);
    if (!ok || options.maxInFlight < 1)
        usage(u"--window needs a whole number of at least 1"_s);
    options.repetitions = parser.value(repetitionsOption).toInt(&ok);
    if (!ok || options.repetitions < 1)
        usage(u"--repetitions needs a whole number of at least 1"_s);
    options.ledger = !parser.isSet(noLedgerOption);
    options.group = !parser.isSet(noGroupOption);
    options.gate = !parser.isSet(noGateOption);
    options.aws = !parser.isSet(noAwsOption);
    options.reportPath = parser.value(reportOption);

    // Before the broker starts, so that it inherits the limit: it needs a descriptor per device.
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        if (limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
        const int largest = *std::max_element(options.sizes.cbegin(), options.sizes.cend());
        if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < rlim_t(largest) + 100)
            std::fprintf(stderr,
                         "bench_fanout: the open file limit is %llu, too low for %d devices (ulimit -Hn)\n",
                         static_cast<unsigned long long>(limit.rlim_cur), largest);
    }

    fleet::bench::FanoutBenchmark benchmark(options);
    return benchmark.run();
}
