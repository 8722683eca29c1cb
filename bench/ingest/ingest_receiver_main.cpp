// ingest_receiver: the fleet::MqttClient subscriber that bench_ingest starts as a child process and times.

#include "ingestreceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Subscribes with fleet::MqttClient, keeps every message in a vector until "
        u"it has --count of them, prints one line of JSON and exits."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"Broker host."_s, u"host"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Broker port."_s, u"port"_s);
    const QCommandLineOption clientId(u"client-id"_s, u"MQTT client id."_s, u"id"_s);
    const QCommandLineOption topic(u"topic"_s, u"Topic filter."_s, u"filter"_s, u"bench/ingest"_s);
    const QCommandLineOption qos(u"qos"_s, u"Subscription QoS."_s, u"qos"_s, u"0"_s);
    const QCommandLineOption count(u"count"_s, u"Messages to receive."_s, u"n"_s);
    const QCommandLineOption idle(u"idle-ms"_s, u"Stop this long after the last message."_s, u"ms"_s,
                                  u"2000"_s);
    const QCommandLineOption timeout(u"timeout-s"_s, u"Stop after this long in all."_s, u"s"_s, u"60"_s);
    const QCommandLineOption verify(u"verify"_s, u"Check sequence numbers at the end (adds time)."_s);
    parser.addOptions({host, port, clientId, topic, qos, count, idle, timeout, verify});
    parser.process(app);

    fleet::bench::IngestReceiverOptions options;
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
    options.topic = parser.value(topic);
    options.qos = toInt(qos);
    options.count = toInt(count);
    options.idleMs = toInt(idle);
    options.timeoutSeconds = toInt(timeout);
    options.verify = parser.isSet(verify);
    if (!ok || options.clientId.isEmpty() || options.count <= 0 || options.qos < 0 || options.qos > 2) {
        std::fputs("ingest_receiver: need --port, --client-id, --count > 0 and --qos 0..2 (see --help)\n",
                   stderr);
        return 2;
    }

    fleet::bench::IngestReceiver receiver(options);
    QObject::connect(&receiver, &fleet::bench::IngestReceiver::finished, &app, &QCoreApplication::exit);
    if (!receiver.start())
        return 1;
    return app.exec();
}
