// bench_ingest: one MQTT stream into mosquitto_sub, fleet::MqttClient and MQTT.js, side by side.

#include "ingestbenchmark.h"

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
        u"Publishes 200,000 QoS 0 and 50,000 QoS 1 messages of 100 bytes through a private mosquitto on "
        u"127.0.0.1 and receives each stream with mosquitto_sub, fleet::MqttClient and MQTT.js in turn."_s);
    parser.addHelpOption();
    const QCommandLineOption nodeDir(u"node-dir"_s, u"Directory with ingest-receiver.mjs and node_modules."_s,
                                     u"dir"_s);
    const QCommandLineOption report(u"report"_s, u"Markdown file whose ingest section to rewrite."_s,
                                    u"file"_s);
    const QCommandLineOption quick(u"quick"_s, u"20,000 / 5,000 messages, one run each: a smoke test."_s);
    const QCommandLineOption receiver(
        u"receiver"_s, u"The ingest_receiver executable."_s, u"path"_s,
        QDir(QCoreApplication::applicationDirPath()).filePath(u"ingest_receiver"_s));
    const QCommandLineOption repetitions(u"repetitions"_s, u"Runs per receiver and QoS."_s, u"n"_s);
    const QCommandLineOption budget(u"budget-s"_s, u"Upper bound on the whole benchmark, in seconds."_s,
                                    u"s"_s, u"360"_s);
    const QCommandLineOption verify(u"verify"_s,
                                    u"Have ingest_receiver check sequence numbers (slows its runs down)."_s);
    const QCommandLineOption logDir(u"log-dir"_s, u"Keep the broker log and the receivers' stderr here."_s,
                                    u"dir"_s);
    const QCommandLineOption only(u"only"_s, u"Run only these receivers: sub, fleet, mqttjs (repeatable)."_s,
                                  u"key"_s);
    const QCommandLineOption qos(u"qos"_s, u"Run only this QoS stream: 0 or 1."_s, u"qos"_s);
    const QCommandLineOption maxQueued(
        u"max-queued"_s, u"Set mosquitto's max_queued_messages (default: its own, 1000)."_s, u"n"_s);
    parser.addOptions(
        {nodeDir, report, quick, receiver, repetitions, budget, verify, logDir, only, qos, maxQueued});
    parser.process(app);

    fleet::bench::IngestOptions options;
    options.nodeDir = parser.value(nodeDir);
    options.reportPath = parser.value(report);
    options.receiverPath = parser.value(receiver);
    options.spawnHelper = QDir(QCoreApplication::applicationDirPath()).filePath(u"ingest_spawn"_s);
    options.quick = parser.isSet(quick);
    options.verify = parser.isSet(verify);
    options.logDir = parser.value(logDir);
    if (parser.isSet(maxQueued))
        options.maxQueued = parser.value(maxQueued).toInt();
    options.only = parser.values(only);
    if (parser.isSet(qos))
        options.qosLevels = {parser.value(qos).toInt()};
    if (options.quick) {
        options.qos0Count = 20000;
        options.qos1Count = 5000;
        options.repetitions = 1;
    }
    bool ok = true;
    if (parser.isSet(repetitions))
        options.repetitions = parser.value(repetitions).toInt(&ok);
    const int budgetSeconds = parser.value(budget).toInt(&ok);
    if (!ok || options.repetitions < 1 || options.repetitions > 9 || budgetSeconds < 30) {
        std::fputs("bench_ingest: --repetitions must be 1..9 and --budget-s at least 30\n", stderr);
        return 2;
    }
    options.budgetSeconds = budgetSeconds;

    fleet::bench::IngestBenchmark benchmark(options);
    return benchmark.run();
}
