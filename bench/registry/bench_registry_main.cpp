// bench_registry: how fast FleetRegistry ingests a fleet's presence and shadow documents, and what a device
// costs in memory. Runs in process, without a broker, so it measures the registry alone.

#include "benchsupport.h"
#include "fleet/fleetregistry.h"
#include "mqtt/mqttmessage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <nlohmann/json.hpp>

#include <cstdio>

using namespace Qt::StringLiterals;
using fleet::bench::grouped;
using Json = nlohmann::ordered_json;

namespace {

// Resident set size in bytes, from /proc/self/status; -1 when unreadable.
qint64 residentBytes()
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

QByteArray documentsFor(int n)
{
    // Half the fleet in sync, the rest one to three keys behind, as a fleet mid-rollout looks.
    const Json desired = {{"led", "green"}, {"motor", n % 4 == 1}, {"interval", 10000 + (n % 3) * 1000}};
    Json reported = desired;
    if (n % 2) {
        reported["led"] = "off";
        if (n % 3 == 0)
            reported["interval"] = 5000;
    }
    reported["firmware"] = "1.4." + std::to_string(n % 5);
    reported["battery"] = 50 + n % 50;
    const Json state = {{"desired", desired}, {"reported", reported}};
    const Json body = {{"previous", {{"state", state}, {"metadata", Json::object()}, {"version", 0}}},
                       {"current", {{"state", state}, {"metadata", Json::object()}, {"version", 1}}},
                       {"timestamp", 1700000000}};
    return QByteArray::fromStdString(body.dump());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_registry"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times FleetRegistry ingesting every device's retained presence and a "
        "shadow update/documents, and measures the resident memory per device."_s);
    parser.addHelpOption();
    const QCommandLineOption devicesOption(u"devices"_s, u"Devices (100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption reportOption(
        u"report"_s, u"Rewrite the registry section of this Markdown file."_s, u"PATH"_s);
    parser.addOptions({devicesOption, reportOption});
    parser.process(app);
    bool ok = false;
    const int devices = parser.value(devicesOption).toInt(&ok);
    if (!ok || devices < 1) {
        std::fprintf(stderr, "bench_registry: --devices needs a whole number of at least 1\n");
        return 2;
    }

    // The messages are built first, so that neither their time nor their memory is counted.
    QList<fleet::MqttMessage> messages;
    messages.reserve(qsizetype(devices) * 2);
    for (int n = 1; n <= devices; ++n) {
        const QString id = u"dev-%1"_s.arg(n);
        messages.append(
            fleet::MqttMessage(u"presence/"_s + id, n % 10 ? "online"_ba : "offline"_ba, 1, true));
        messages.append(fleet::MqttMessage(u"$aws/things/"_s + id + u"/shadow/update/documents"_s,
                                           documentsFor(n), 1, false));
    }

    const qint64 rssBefore = residentBytes();
    auto registry = std::make_unique<fleet::FleetRegistry>();
    registry->addPatternGroup(u"first-thousand"_s, u"dev-?"_s);
    registry->addAttributeGroup(u"old-firmware"_s, u"firmware"_s, u"1.4.0"_s);
    int added = 0;
    QObject::connect(registry.get(), &fleet::FleetRegistry::devicesAdded, registry.get(),
                     [&added](int first, int last) { added += last - first + 1; });

    QElapsedTimer timer;
    timer.start();
    int accepted = 0;
    for (const fleet::MqttMessage &message : std::as_const(messages))
        accepted += registry->ingest(message);
    registry->flush();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 rssAfter = residentBytes();

    if (accepted != messages.size() || added != devices || registry->count() != devices) {
        std::fprintf(stderr, "bench_registry: %d of %lld messages accepted, %d devices announced, %d held\n",
                     accepted, qlonglong(messages.size()), added, registry->count());
        return 1;
    }
    const double rate = double(messages.size()) / seconds;
    const double perDevice = rssBefore >= 0 && rssAfter >= 0 ? double(rssAfter - rssBefore) / devices : -1;
    const int oldFirmware = int(registry->devicesInGroup(u"old-firmware"_s).size());

    std::printf("devices: %d, messages: %lld\n", devices, qlonglong(messages.size()));
    std::printf("ingest: %.3f s, %s messages/s\n", seconds, qPrintable(grouped(rate)));
    std::printf("memory: %s bytes per device (RSS %s MB → %s MB)\n", qPrintable(grouped(perDevice)),
                qPrintable(grouped(double(rssBefore) / 1e6)), qPrintable(grouped(double(rssAfter) / 1e6)));
    std::printf("attribute group old-firmware: %d devices\n", oldFirmware);

    const QString reportPath = parser.value(reportOption);
    if (!reportPath.isEmpty()) {
        const QString section =
            u"<!-- registry:begin -->\n## Fleet registry\n\n"
            "%1; %2.\n\n"
            "`bench_registry`: FleetRegistry ingests each of %3 devices' retained presence and one shadow "
            "update/documents (%4 messages, built beforehand), in process without a broker, with one pattern "
            "and one attribute group defined.\n\n"
            "| | |\n|---|---|\n"
            "| ingest time | %5 s |\n"
            "| messages/s | %6 |\n"
            "| resident memory per device | %7 bytes |\n"
            "<!-- registry:end -->\n"_s.arg(
                QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s),
                fleet::bench::machineLine(), grouped(devices), grouped(double(messages.size())),
                QString::number(seconds, 'f', 3), grouped(rate), grouped(perDevice));
        QString error;
        if (!fleet::bench::writeReportSection(reportPath, u"registry"_s, section, &error)) {
            std::fprintf(stderr, "bench_registry: %s\n", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
