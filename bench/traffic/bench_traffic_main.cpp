// bench_traffic: the console's live-traffic pipeline (MqttClient, TrafficModel, a proxy and a reading view)
// against mosquitto_sub on one MQTT stream, side by side.

#include "trafficbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Publishes 200,000 QoS 0 messages of 100 bytes over 1,000 topics through a private mosquitto on "
        u"127.0.0.1 and receives the stream with mosquitto_sub and with traffic_pipeline (MqttClient into "
        u"TrafficModel under a proxy, read by a stand-in view) in turn."_s);
    parser.addHelpOption();
    const QCommandLineOption report(u"report"_s, u"Markdown file whose traffic section to rewrite."_s,
                                    u"file"_s);
    const QCommandLineOption quick(u"quick"_s, u"20,000 messages, one run each: a smoke test."_s);
    const QCommandLineOption count(u"count"_s, u"Messages per run."_s, u"n"_s);
    const QCommandLineOption topics(u"topics"_s, u"Topics the stream is spread over."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption capacity(u"capacity"_s, u"TrafficModel rows."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption repetitions(u"repetitions"_s, u"Runs per subscriber."_s, u"n"_s);
    const QCommandLineOption budget(u"budget-s"_s, u"Upper bound on the whole benchmark, in seconds."_s,
                                    u"s"_s, u"240"_s);
    const QCommandLineOption pipeline(
        u"pipeline"_s, u"The traffic_pipeline executable."_s, u"path"_s,
        QDir(QCoreApplication::applicationDirPath()).filePath(u"traffic_pipeline"_s));
    parser.addOptions({report, quick, count, topics, capacity, repetitions, budget, pipeline});
    parser.process(app);

    fleet::bench::TrafficOptions options;
    options.reportPath = parser.value(report);
    options.pipelinePath = parser.value(pipeline);
    options.spawnHelper = QStringLiteral(FLEET_INGEST_SPAWN);
    options.quick = parser.isSet(quick);
    if (options.quick) {
        options.count = 20000;
        options.repetitions = 1;
    }
    bool ok = true;
    const auto toInt = [&](const QCommandLineOption &option) {
        bool valid = false;
        const int value = parser.value(option).toInt(&valid);
        ok = ok && valid;
        return value;
    };
    if (parser.isSet(count))
        options.count = toInt(count);
    if (parser.isSet(repetitions))
        options.repetitions = toInt(repetitions);
    options.topics = toInt(topics);
    options.capacity = toInt(capacity);
    options.budgetSeconds = toInt(budget);
    if (!ok || options.count < 1 || options.topics < 1 || options.capacity < 1 || options.repetitions < 1 ||
        options.repetitions > 9 || options.budgetSeconds < 30) {
        std::fputs(
            "bench_traffic: --count, --topics and --capacity must be at least 1, --repetitions 1..9 and "
            "--budget-s at least 30\n",
            stderr);
        return 2;
    }

    fleet::bench::TrafficBenchmark benchmark(options);
    return benchmark.run();
}
