// traffic_pipeline: the console's live-traffic pipeline (MqttClient, TrafficModel, a proxy and a reading
// view) that bench_traffic starts as a child process and times.

#include "trafficpipeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Subscribes with fleet::MqttClient into a TrafficModel under a QSortFilterProxyModel, reads the "
        u"visible rows as a table view would, and exits with one line of JSON once --count messages are in."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"Broker host."_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Broker port."_s, u"port"_s);
    const QCommandLineOption clientId(u"client-id"_s, u"MQTT client id."_s, u"id"_s);
    const QCommandLineOption filter(u"filter"_s, u"Topic filter to subscribe to."_s, u"filter"_s,
                                    u"fleet/+/telemetry"_s);
    const QCommandLineOption count(u"count"_s, u"Messages to receive."_s, u"n"_s);
    const QCommandLineOption capacity(u"capacity"_s, u"TrafficModel rows."_s, u"n"_s,
                                      QString::number(fleet::TrafficModel::DefaultCapacity));
    const QCommandLineOption idle(u"idle-ms"_s, u"Stop this long after the last message."_s, u"ms"_s,
                                  u"2000"_s);
    const QCommandLineOption timeout(u"timeout-s"_s, u"Stop after this long in all."_s, u"s"_s, u"60"_s);
    parser.addOptions({host, port, clientId, filter, count, capacity, idle, timeout});
    parser.process(app);

    fleet::bench::TrafficPipelineOptions options;
    bool ok = true;
    const auto toInt = [&](const QCommandLineOption &option) {
        bool valid = false;
        const int value = parser.value(option).toInt(&valid);
        ok = ok && valid;
        return value;
    };
    options.host = parser.value(host);
    options.port = toInt(port);
    options.clientId = parser.value(clientId);
    options.filter = parser.value(filter);
    options.count = toInt(count);
    options.capacity = toInt(capacity);
    options.idleMs = toInt(idle);
    options.timeoutSeconds = toInt(timeout);
    if (!ok || options.clientId.isEmpty() || options.count <= 0 || options.capacity <= 0) {
        std::fputs(
            "traffic_pipeline: need --port, --client-id, --count > 0 and --capacity > 0 (see --help)\n",
            stderr);
        return 2;
    }

    fleet::bench::TrafficPipeline pipeline(options);
    QObject::connect(&pipeline, &fleet::bench::TrafficPipeline::finished, &app, &QCoreApplication::exit);
    if (!pipeline.start())
        return 1;
    return app.exec();
}
