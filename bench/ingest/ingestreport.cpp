#include "ingestreport.h"

#include "benchsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString ratio(double value, double reference)
{
    return reference > 0 ? fixed(value / reference, 2) : u"–"_s;
}

QString receivedText(const RunResult &run)
{
    if (run.complete)
        return grouped(double(run.received));
    QString text = grouped(double(run.received)) + u" of "_s + grouped(double(run.expected));
    if (run.brokerDropped)
        text += u" (broker dropped)"_s;
    return text;
}

QString allRates(const ReceiverSummary &summary)
{
    QStringList rates;
    for (const RunResult &run : summary.runs)
        rates << (run.measured ? grouped(run.rate()) : u"failed"_s);
    return rates.join(u" / "_s);
}

struct Row
{
    QString name;
    QStringList cells; // as Headers, after the name
};

std::vector<Row> rows(const StreamSummary &stream)
{
    std::optional<RunResult> reference;
    if (const ReceiverSummary *sub = stream.find(Receiver::MosquittoSub))
        reference = sub->median();
    std::vector<Row> result;
    for (const ReceiverSummary &summary : stream.receivers) {
        Row row{receiverName(summary.receiver), {}};
        const std::optional<RunResult> median = summary.median();
        if (!summary.skipped.isEmpty() || !median) {
            const QString why = summary.skipped.isEmpty() ? u"every run failed"_s : summary.skipped;
            row.cells = {u"skipped: "_s + why, u"–"_s, u"–"_s, u"–"_s, u"–"_s, u"–"_s, u"–"_s,
                         allRates(summary)};
        } else {
            const RunResult &run = *median;
            row.cells = {receivedText(run), grouped(run.rate()),
                         reference ? ratio(run.rate(), reference->rate()) : u"–"_s, fixed(run.cpuSeconds, 2),
                         reference ? ratio(run.cpuSeconds, reference->cpuSeconds) : u"–"_s,
                         // Per message received: the fair comparison when the broker dropped some.
                         fixed(run.cpuSeconds * 1e6 / double(run.received), 1), fixed(run.peakRssMiB, 1),
                         reference ? ratio(run.peakRssMiB, reference->peakRssMiB) : u"–"_s,
                         allRates(summary)};
        }
        result.push_back(row);
    }
    return result;
}

// The verdict on the target: fleet::MqttClient at 0.95 × mosquitto_sub's msgs/s or better.
QString targetVerdict(const StreamSummary &stream, bool markdown)
{
    const ReceiverSummary *sub = stream.find(Receiver::MosquittoSub);
    const ReceiverSummary *fleet = stream.find(Receiver::FleetMqttClient);
    const auto subRun = sub ? sub->median() : std::nullopt;
    const auto fleetRun = fleet ? fleet->median() : std::nullopt;
    if (!subRun || !fleetRun || subRun->rate() <= 0)
        return u"Target (fleet::MqttClient ≥ 0.95 × mosquitto_sub msgs/s): not measured."_s;
    const double r = fleetRun->rate() / subRun->rate();
    const QString verdict = r >= 0.95 ? u"met"_s : u"missed"_s;
    QString text = u"Target (fleet::MqttClient ≥ 0.95 × mosquitto_sub msgs/s): %1 (%2 ×)."_s.arg(
        markdown ? u"**"_s + verdict + u"**"_s : verdict, fixed(r, 2));
    if (fleetRun->received < subRun->received)
        text += u" fleet::MqttClient received %1 fewer messages than mosquitto_sub."_s.arg(
            grouped(double(subRun->received - fleetRun->received)));
    else if (subRun->received < fleetRun->received)
        text +=
            u" mosquitto_sub received %1 fewer messages than fleet::MqttClient, so its msgs/s covers less "_s
            u"work: compare CPU µs/msg too."_s.arg(grouped(double(fleetRun->received - subRun->received)));
    return text;
}

// How busy the broker was during each receiver's median run: on a small machine it, not the receiver, may set
// the pace, and then msgs/s says little about the receiver while CPU µs/msg still does.
QString brokerLine(const StreamSummary &stream)
{
    QStringList parts;
    for (const ReceiverSummary &summary : stream.receivers) {
        const std::optional<RunResult> run = summary.median();
        if (run && run->brokerCpuSeconds >= 0)
            parts << u"%1 %2 s of %3 s"_s.arg(receiverName(summary.receiver), fixed(run->brokerCpuSeconds, 2),
                                              fixed(run->wallSeconds, 2));
    }
    if (parts.isEmpty())
        return {};
    return u"mosquitto's own CPU time during those runs: "_s + parts.join(u", "_s) + u"."_s;
}

QString streamTitle(const StreamSummary &stream, const BenchReport &report)
{
    return u"QoS %1: %2 messages of %3 bytes, %4"_s.arg(
        QString::number(stream.qos), grouped(double(stream.count)), QString::number(report.payloadBytes),
        report.repetitions == 1 ? u"one run each"_s : u"median of %1 runs each"_s.arg(report.repetitions));
}

QString machineLine(const BenchEnvironment &env)
{
    QString line = u"%1 CPUs (%2), Linux %3; mosquitto %4, libmosquitto %5, Qt %6"_s.arg(
        QString::number(env.cpus), env.cpuModel, env.kernel, env.mosquittoVersion, env.libmosquittoVersion,
        env.qtVersion);
    if (!env.nodeVersion.isEmpty()) {
        line += u", Node %1"_s.arg(env.nodeVersion);
        if (!env.mqttJsVersion.isEmpty())
            line += u" with MQTT.js %1"_s.arg(env.mqttJsVersion);
    }
    return line;
}

const QStringList Headers = {
    u"Receiver"_s, u"Received"_s,   u"msgs/s"_s,       u"× sub"_s, u"CPU s"_s,
    u"× sub"_s,    u"CPU µs/msg"_s, u"Peak RSS MiB"_s, u"× sub"_s, u"msgs/s of each run"_s};

} // namespace

QString receiverName(Receiver receiver)
{
    switch (receiver) {
    case Receiver::MosquittoSub:
        return u"mosquitto_sub"_s;
    case Receiver::FleetMqttClient:
        return u"fleet::MqttClient"_s;
    case Receiver::MqttJs:
        return u"MQTT.js"_s;
    }
    return {};
}

QString receiverKey(Receiver receiver)
{
    switch (receiver) {
    case Receiver::MosquittoSub:
        return u"sub"_s;
    case Receiver::FleetMqttClient:
        return u"fleet"_s;
    case Receiver::MqttJs:
        return u"mqttjs"_s;
    }
    return {};
}

std::optional<RunResult> ReceiverSummary::median() const
{
    std::vector<RunResult> measured;
    std::copy_if(runs.begin(), runs.end(), std::back_inserter(measured),
                 [](const RunResult &r) { return r.measured; });
    if (measured.empty())
        return std::nullopt;
    std::sort(measured.begin(), measured.end(),
              [](const RunResult &a, const RunResult &b) { return a.rate() < b.rate(); });
    return measured[(measured.size() - 1) / 2];
}

const ReceiverSummary *StreamSummary::find(Receiver receiver) const
{
    const auto it = std::find_if(receivers.begin(), receivers.end(),
                                 [&](const ReceiverSummary &s) { return s.receiver == receiver; });
    return it == receivers.end() ? nullptr : &*it;
}

QString formatText(const BenchReport &report)
{
    QString out;
    out += u"Ingest benchmark, %1\n%2\n"_s.arg(report.environment.date, machineLine(report.environment));
    for (const StreamSummary &stream : report.streams) {
        out += u"\n"_s + streamTitle(stream, report) + u"\n"_s;
        const std::vector<Row> table = rows(stream);
        // Column widths from the longest cell, so the table lines up in a terminal.
        std::vector<qsizetype> widths;
        for (const QString &h : Headers)
            widths.push_back(h.size());
        for (const Row &row : table) {
            widths[0] = std::max(widths[0], row.name.size());
            for (qsizetype i = 0; i < row.cells.size(); ++i)
                widths[size_t(i + 1)] = std::max(widths[size_t(i + 1)], row.cells[i].size());
        }
        const auto line = [&](const QString &first, const QStringList &cells) {
            QString text = first.leftJustified(widths[0]);
            for (qsizetype i = 0; i < cells.size(); ++i) {
                const bool last = i + 1 == cells.size();
                text += u"  "_s + (i == 0 || last ? cells[i].leftJustified(last ? 0 : widths[size_t(i + 1)])
                                                  : cells[i].rightJustified(widths[size_t(i + 1)]));
            }
            return text + u"\n"_s;
        };
        out += line(Headers.front(), Headers.mid(1));
        for (const Row &row : table)
            out += line(row.name, row.cells);
        out += targetVerdict(stream, false) + u"\n"_s;
        if (const QString broker = brokerLine(stream); !broker.isEmpty())
            out += broker + u"\n"_s;
    }
    for (const QString &note : report.notes)
        out += u"note: "_s + note + u"\n"_s;
    return out;
}

QString formatMarkdown(const BenchReport &report)
{
    const BenchEnvironment &env = report.environment;
    QString md;
    md += u"<!-- ingest:begin -->\n"_s;
    md += u"## Ingest: one MQTT stream into three subscribers\n\n"_s;
    md += u"Measured by `bench_ingest` (`./fleet bench`) on %1%2.\n"_s.arg(
        env.date, report.quick ? u" in `--quick` mode (smaller streams, one run each)"_s : QString());
    md += u"Machine: %1.\n"_s.arg(machineLine(env));
    for (const StreamSummary &stream : report.streams) {
        md += u"\n### "_s + streamTitle(stream, report) + u"\n\n"_s;
        md += u"| "_s + Headers.join(u" | "_s) + u" |\n"_s;
        md += u"|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"_s;
        for (const Row &row : rows(stream))
            md += u"| "_s + row.name + u" | "_s + row.cells.join(u" | "_s) + u" |\n"_s;
        md += u"\n"_s + targetVerdict(stream, true) + u"\n"_s;
        if (const QString broker = brokerLine(stream); !broker.isEmpty())
            md += u"\n"_s + broker + u"\n"_s;
    }
    md +=
        u"\n"_s
        u"Receivers:\n\n"_s
        u"- **mosquitto_sub** (the reference): `mosquitto_sub -V mqttv311 -q QOS -C N`, libmosquitto's own "_s
        u"command-line client, printing every payload to /dev/null as it normally would.\n"_s
        u"- **fleet::MqttClient**: `ingest_receiver`, a QCoreApplication whose MqttClient appends every "_s
        u"MqttMessage it emits to a std::vector reserved for N, which is also why its peak RSS grows with N.\n"_s
        u"- **MQTT.js**: `node bench/node/ingest-receiver.mjs`, the `mqtt` package (the engine of MQTT Explorer "_s
        u"and MQTTX) counting its `message` events.\n"_s
        u"\n"_s
        u"fleet::MqttClient sets TCP_NODELAY; mosquitto_sub and MQTT.js leave Nagle's algorithm on, which holds "_s
        u"back their small QoS 1 PUBACKs and so slows the broker's delivery window to them.\n"_s;
    const QString queue = report.maxQueued > 0 ? u"max_queued_messages set to %1"_s.arg(report.maxQueued)
                                               : u"its default queue limit (max_queued_messages 1000)"_s;
    md +=
        u"\n"_s
        u"Method: one mosquitto on 127.0.0.1 with %1, and a libmosquitto publisher inside the driver that "_s
        u"sends N PUBLISH packets with exactly %2 bytes of payload to one topic as fast as the socket takes "_s
        u"them (QoS 1: at most %3 unacknowledged). All clients speak MQTT 3.1.1. Each receiver is its own "_s
        u"process and gets the identical stream alone, one receiver after the other in rotating order, after "_s
        u"an unreported warm-up stream; the driver starts it, waits until the broker logs its subscription, "_s
        u"then publishes. Wall time runs from the first publish to the receiver's exit; msgs/s is messages "_s
        u"received divided by wall time. CPU time (user + system) and peak RSS are the receiver process's "_s
        u"own, start-up included, from wait4() (it is forked from a tiny helper so that the driver's memory "_s
        u"does not leak into ru_maxrss); CPU µs/msg divides that CPU time by the messages received.\n\n"_s
        u"A subscriber that falls behind loses messages: mosquitto drops what exceeds its queue for that "_s
        u"client (\"broker dropped\" above, from the broker's log). Such a receiver is stopped after a few "_s
        u"idle seconds, and its wall time ends at its last socket read (sampled from /proc/PID/io every "_s
        u"5 ms) instead of its exit; mosquitto_sub's count then comes from the same counters (bytes read "_s
        u"minus bytes written is a fixed number per message). Each row is the receiver's run with the median "_s
        u"msgs/s; ratios compare it with mosquitto_sub's median run (msgs/s: higher is better; CPU and RSS: "_s
        u"lower is better).\n"_s.arg(queue, QString::number(report.payloadBytes),
                                     QString::number(report.inFlightWindow));
    if (!report.notes.isEmpty()) {
        md += u"\nNotes:\n\n"_s;
        for (const QString &note : report.notes)
            md += u"- "_s + note + u"\n"_s;
    }
    md += u"<!-- ingest:end -->\n"_s;
    return md;
}

bool writeReportSection(const QString &path, const QString &markdown, QString *error)
{
    return writeReportSection(path, u"ingest"_s, markdown, error);
}

} // namespace fleet::bench
