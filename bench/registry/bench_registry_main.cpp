// bench_registry: how fast FleetRegistry ingests a fleet's presence and shadow documents, what a device
// costs in memory, and how fast the device table's filter follows an operator typing over the whole fleet.
// Runs in process, without a broker, so it measures the registry and the models alone.

#include "benchsupport.h"

#include "common/json.h"
#include "fleet/fleetregistry.h"
#include "models/devicefilterproxymodel.h"
#include "models/devicetablemodel.h"
#include "mqtt/mqttmessage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSortFilterProxyModel>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using fleet::DeviceFilterProxyModel;
using fleet::DeviceTableModel;
using fleet::Json;
using fleet::bench::grouped;

namespace {

// The targets of the device table at 100,000 devices: a keystroke must not be felt, and the console must fit
// next to a browser on an operator's laptop.
constexpr double KeystrokeTargetMs = 50;
constexpr double MemoryTargetMb = 300;

// Messages are built this many at a time, outside the timing: building all 200,000 up front would put their
// hundred megabytes into the peak memory that the models are measured by.
constexpr int Chunk = 10'000;

// Rows a view reads after a change: roughly one screenful of the table.
constexpr int ScreenRows = 40;

struct Memory
{
    qint64 resident = -1; // VmRSS, bytes
    qint64 peak = -1;     // VmHWM, bytes
};

// From /proc/self/status; -1 for what cannot be read.
Memory memory()
{
    Memory result;
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const auto kilobytes = [](const QByteArray &line, int skip) {
        return line.mid(skip).trimmed().split(' ').value(0).toLongLong() * 1024;
    };
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            result.resident = kilobytes(line, 6);
        else if (line.startsWith("VmHWM:"))
            result.peak = kilobytes(line, 6);
    }
    return result;
}

double megabytes(qint64 bytes)
{
    return bytes < 0 ? -1 : double(bytes) / 1e6;
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

// Devices first..last (1-based, inclusive): each one's retained presence and a shadow update/documents.
void buildMessages(int first, int last, QList<fleet::MqttMessage> *messages)
{
    messages->clear();
    for (int n = first; n <= last; ++n) {
        const QString id = u"dev-%1"_s.arg(n);
        messages->append(
            fleet::MqttMessage(u"presence/"_s + id, n % 10 ? "online"_ba : "offline"_ba, 1, true));
        messages->append(fleet::MqttMessage(u"$aws/things/"_s + id + u"/shadow/update/documents"_s,
                                            documentsFor(n), 1, false));
    }
}

// What an operator types into the filter box, one character at a time, then erases back to nothing: erasing
// brings rows back, which costs more than typing takes them away.
const QString TypedText = u"dev-421"_s;

QStringList keystrokes()
{
    QStringList all;
    for (qsizetype length = 1; length <= TypedText.size(); ++length)
        all.append(TypedText.left(length));
    for (qsizetype length = TypedText.size() - 1; length >= 0; --length)
        all.append(TypedText.left(length));
    return all;
}

struct Timings
{
    QList<double> ms;
    double total = 0;

    void add(double value)
    {
        ms.append(value);
        total += value;
    }
    double median() const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at((sorted.size() - 1) / 2);
    }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

// Reads what a view would paint after a change, so that a step counts until the table could be redrawn.
void readScreen(const QAbstractItemModel &model)
{
    const int rows = std::min(ScreenRows, model.rowCount());
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.index(row, column).data();
    }
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// One keystroke per entry of keystrokes(): the filter is set and the proxy read until it has settled.
Timings typeInto(QAbstractItemModel &proxy, const std::function<void(const QString &)> &setText,
                 int *lastRows = nullptr, int *fewestRows = nullptr)
{
    Timings timings;
    int fewest = proxy.rowCount();
    for (const QString &text : keystrokes()) {
        QElapsedTimer timer;
        timer.start();
        setText(text);
        const int rows = proxy.rowCount();
        readScreen(proxy);
        timings.add(elapsedMs(timer));
        fewest = std::min(fewest, rows);
    }
    if (lastRows)
        *lastRows = proxy.rowCount();
    if (fewestRows)
        *fewestRows = fewest;
    return timings;
}

double sortMs(QSortFilterProxyModel &proxy, int column)
{
    QElapsedTimer timer;
    timer.start();
    proxy.sort(column, Qt::AscendingOrder);
    readScreen(proxy);
    return elapsedMs(timer);
}

// The figures of one proxy over the device table.
struct ProxyRun
{
    double attachMs = 0; // setSourceModel() until the first screen is read
    Timings typing;      // unsorted
    double sortIdMs = 0;
    double sortShadowMs = 0;
    Timings sortedTyping; // sorted by id
    int fewestRows = 0;   // the rows the longest filter left
    int rowsAfter = 0;    // rows once the filter is empty again
};

ProxyRun measure(QSortFilterProxyModel &proxy, DeviceTableModel &model,
                 const std::function<void(const QString &)> &setText)
{
    ProxyRun run;
    QElapsedTimer timer;
    timer.start();
    proxy.setSourceModel(&model);
    proxy.rowCount();
    readScreen(proxy);
    run.attachMs = elapsedMs(timer);
    run.typing = typeInto(proxy, setText, &run.rowsAfter, &run.fewestRows);
    run.sortShadowMs = sortMs(proxy, DeviceTableModel::ShadowColumn);
    // Typing is timed sorted by id, the table's usual order: rows coming back interleave with the rows
    // shown, the hardest case for the proxy (in shadow order, the many ties put most of them at the end).
    run.sortIdMs = sortMs(proxy, DeviceTableModel::IdColumn);
    run.sortedTyping = typeInto(proxy, setText);
    return run;
}

void printRun(const char *name, const ProxyRun &run)
{
    std::printf("%s: attach %.1f ms; keystroke p50 %.2f ms, max %.2f ms (unsorted), p50 %.2f ms, max %.2f ms "
                "(sorted); sort by id %.1f ms, by shadow %.1f ms; the longest filter left %d rows\n",
                name, run.attachMs, run.typing.median(), run.typing.max(), run.sortedTyping.median(),
                run.sortedTyping.max(), run.sortIdMs, run.sortShadowMs, run.fewestRows);
}

QString verdict(bool met)
{
    return met ? u"met"_s : u"MISSED"_s;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString ratio(double ours, double reference)
{
    return reference > 0 ? QString::number(ours / reference, 'f', 2) : u"n/a"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_registry"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times FleetRegistry ingesting every device's retained presence and a shadow update/documents, "
        "measures the resident memory per device, then times the device table's filter as an operator "
        "types (DeviceFilterProxyModel, and a plain QSortFilterProxyModel for reference)."_s);
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

    // The first chunk is built before the baseline: later chunks reuse its memory, so the difference is the
    // registry's.
    QList<fleet::MqttMessage> messages;
    messages.reserve(qsizetype(std::min(devices, Chunk)) * 2);
    buildMessages(1, std::min(devices, Chunk), &messages);

    const qint64 rssBefore = memory().resident;
    auto registry = std::make_unique<fleet::FleetRegistry>();
    registry->addPatternGroup(u"first-thousand"_s, u"dev-?"_s);
    registry->addAttributeGroup(u"old-firmware"_s, u"firmware"_s, u"1.4.0"_s);
    int added = 0;
    QObject::connect(registry.get(), &fleet::FleetRegistry::devicesAdded, registry.get(),
                     [&added](int first, int last) { added += last - first + 1; });

    qint64 ingestNs = 0;
    qsizetype total = 0;
    int accepted = 0;
    for (int first = 1; first <= devices; first += Chunk) {
        if (first > 1)
            buildMessages(first, std::min(devices, first + Chunk - 1), &messages);
        QElapsedTimer timer;
        timer.start();
        for (const fleet::MqttMessage &message : std::as_const(messages))
            accepted += registry->ingest(message);
        ingestNs += timer.nsecsElapsed();
        total += messages.size();
    }
    QElapsedTimer flushTimer;
    flushTimer.start();
    registry->flush();
    ingestNs += flushTimer.nsecsElapsed();
    const double seconds = double(ingestNs) / 1e9;
    const qint64 rssAfter = memory().resident;

    if (accepted != total || added != devices || registry->count() != devices) {
        std::fprintf(stderr, "bench_registry: %d of %lld messages accepted, %d devices announced, %d held\n",
                     accepted, qlonglong(total), added, registry->count());
        return 1;
    }
    const double rate = double(total) / seconds;
    const double perDevice = rssBefore >= 0 && rssAfter >= 0 ? double(rssAfter - rssBefore) / devices : -1;
    const int oldFirmware = int(registry->devicesInGroup(u"old-firmware"_s).size());

    std::printf("devices: %d, messages: %lld\n", devices, qlonglong(total));
    std::printf("ingest: %.3f s, %s messages/s\n", seconds, qPrintable(grouped(rate)));
    std::printf("memory: %s bytes per device (RSS %s MB → %s MB)\n", qPrintable(grouped(perDevice)),
                qPrintable(grouped(megabytes(rssBefore))), qPrintable(grouped(megabytes(rssAfter))));
    std::printf("attribute group old-firmware: %d devices\n", oldFirmware);

    // The device table as the console shows it: the model, the console's proxy, typing and sorting.
    DeviceTableModel model(registry.get());
    ProxyRun ours;
    Memory withModels;
    {
        DeviceFilterProxyModel proxy;
        ours = measure(proxy, model, [&proxy](const QString &text) { proxy.setFilterText(text); });
        // Taken with the proxy still attached, sorted and holding every row.
        withModels = memory();
    }
    if (ours.rowsAfter != devices) {
        std::fprintf(stderr, "bench_registry: the filter left %d of %d rows once emptied\n", ours.rowsAfter,
                     devices);
        return 1;
    }

    // The reference: Qt's own proxy matching the id column's text, as a table without a filter class of its
    // own would. It matches ids only, where the console's filter matches groups too.
    ProxyRun reference;
    {
        QSortFilterProxyModel proxy;
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterKeyColumn(DeviceTableModel::IdColumn);
        reference =
            measure(proxy, model, [&proxy](const QString &text) { proxy.setFilterFixedString(text); });
    }

    printRun("DeviceFilterProxyModel", ours);
    printRun("QSortFilterProxyModel (reference)", reference);
    const bool keystrokesMet = std::max(ours.typing.max(), ours.sortedTyping.max()) < KeystrokeTargetMs;
    const bool memoryMet = withModels.peak >= 0 && megabytes(withModels.peak) < MemoryTargetMb;
    std::printf("ratio to the reference (p50 keystroke): %s unsorted, %s sorted\n",
                qPrintable(ratio(ours.typing.median(), reference.typing.median())),
                qPrintable(ratio(ours.sortedTyping.median(), reference.sortedTyping.median())));
    std::printf("memory with the models attached: RSS %s MB, peak %s MB\n",
                qPrintable(grouped(megabytes(withModels.resident))),
                qPrintable(grouped(megabytes(withModels.peak))));
    std::printf("targets: keystroke < %.0f ms %s; peak memory < %.0f MB %s\n", KeystrokeTargetMs,
                qPrintable(verdict(keystrokesMet)), MemoryTargetMb, qPrintable(verdict(memoryMet)));

    const QString reportPath = parser.value(reportOption);
    if (!reportPath.isEmpty()) {
        const QString row = u"| %1 | %2 | %3 | %4 |\n"_s;
        const auto rowOf = [&row](const QString &name, double a, double b, const QString &c) {
            return row.arg(name, ms(a), ms(b), c);
        };
        const QString section =
            u"<!-- registry:begin -->\n## Fleet registry\n\n"
            "%1; %2.\n\n"
            "`bench_registry`: FleetRegistry ingests each of %3 devices' retained presence and one shadow "
            "update/documents (%4 messages, built beforehand in chunks of %5 devices), in process without a "
            "broker, with one pattern and one attribute group defined.\n\n"
            "| | |\n|---|---|\n"
            "| ingest time | %6 s |\n"
            "| messages/s | %7 |\n"
            "| resident memory per device | %8 bytes |\n\n"_s.arg(
                QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s),
                fleet::bench::machineLine(), grouped(devices), grouped(double(total)), grouped(Chunk),
                QString::number(seconds, 'f', 3), grouped(rate), grouped(perDevice)) +
            u"Then a DeviceTableModel over the registry and a DeviceFilterProxyModel over it, as the "
            u"console's "
            "device table: the filter text is set %1 times, one keystroke each, as an operator types "
            "\"%2\" and erases it again; a keystroke is timed from the change until the proxy has settled "
            "and the first %3 rows are read, as a view would. The reference is a plain QSortFilterProxyModel "
            "over the same model with setFilterFixedString() on the id column (case-insensitive); the ratio "
            "is ours over the reference, below 1 when ours is faster. Targets: each keystroke under %4 ms, "
            "peak memory under %5 MB.\n\n"
            "| | DeviceFilterProxyModel (ms) | QSortFilterProxyModel (ms) | ratio |\n|---|---|---|---|\n"_s
                .arg(QString::number(keystrokes().size()), TypedText, QString::number(ScreenRows),
                     QString::number(KeystrokeTargetMs), QString::number(MemoryTargetMb)) +
            rowOf(u"attach (no filter yet)"_s, ours.attachMs, reference.attachMs,
                  ratio(ours.attachMs, reference.attachMs)) +
            rowOf(u"keystroke p50, unsorted"_s, ours.typing.median(), reference.typing.median(),
                  ratio(ours.typing.median(), reference.typing.median())) +
            rowOf(u"keystroke max, unsorted"_s, ours.typing.max(), reference.typing.max(),
                  ratio(ours.typing.max(), reference.typing.max())) +
            rowOf(u"sort by id (text)"_s, ours.sortIdMs, reference.sortIdMs,
                  ratio(ours.sortIdMs, reference.sortIdMs)) +
            rowOf(u"sort by shadow (a number)"_s, ours.sortShadowMs, reference.sortShadowMs,
                  ratio(ours.sortShadowMs, reference.sortShadowMs)) +
            rowOf(u"keystroke p50, sorted"_s, ours.sortedTyping.median(), reference.sortedTyping.median(),
                  ratio(ours.sortedTyping.median(), reference.sortedTyping.median())) +
            rowOf(u"keystroke max, sorted"_s, ours.sortedTyping.max(), reference.sortedTyping.max(),
                  ratio(ours.sortedTyping.max(), reference.sortedTyping.max())) +
            u"\nResident memory with the registry, the table model and the proxy attached: %1 MB, peak %2 "
            u"MB. "
            "Keystroke target %3, memory target %4.\n"
            "<!-- registry:end -->\n"_s.arg(grouped(megabytes(withModels.resident)),
                                            grouped(megabytes(withModels.peak)), verdict(keystrokesMet),
                                            verdict(memoryMet));
        QString error;
        if (!fleet::bench::writeReportSection(reportPath, u"registry"_s, section, &error)) {
            std::fprintf(stderr, "bench_registry: %s\n", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
