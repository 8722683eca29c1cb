#include "trafficbenchmark.h"

#include "benchsupport.h"
#include "childprocess.h"
#include "publisher.h"

#include <mosquittobroker.h>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

const QString Filter = u"fleet/+/telemetry"_s;
constexpr int PayloadBytes = 100;
constexpr double TargetRatio = 0.8;
// traffic_pipeline stops by itself this long after its last message; mosquitto_sub cannot, so the driver
// stops a subject that has read nothing for IdleKill after publishing ended.
constexpr int PipelineIdleMs = 2000;
constexpr auto IdleKill = 3s;
constexpr auto SubscribeTimeout = 15s;
constexpr auto RunCap = 60s;
// A run is only started with at least this much of the budget left.
constexpr auto MinimumRunBudget = 20s;
constexpr auto PollInterval = 5ms;

double seconds(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

QString fileTail(const QString &path, int maxChars = 600)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    return text.size() > maxChars ? u"…"_s + text.right(maxChars) : text;
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString ratio(double value, double reference)
{
    return reference > 0 ? fixed(value / reference, 2) : u"–"_s;
}

} // namespace

TrafficBenchmark::TrafficBenchmark(TrafficOptions options)
    : m_options(std::move(options))
{
    // Exactly PayloadBytes of printable text without a newline (mosquitto_sub prints one line per message),
    // shaped like telemetry; the publisher writes a sequence number over the first 8 characters.
    m_payload =
        R"(00000000 {"temperature":21.5,"humidity":40,"battery":87,"status":"ok","firmware":"1.4.2","pad":")";
    while (m_payload.size() < PayloadBytes - 2)
        m_payload += 'x';
    m_payload += "\"}";
    for (int i = 0; i < m_options.topics; ++i)
        m_topics.push_back(toStd(u"fleet/dev-%1/telemetry"_s.arg(i, 4, 10, QChar(u'0'))));
}

TrafficBenchmark::~TrafficBenchmark() = default;

QString TrafficBenchmark::subjectName(Subject subject)
{
    return subject == Subject::MosquittoSub ? u"mosquitto_sub"_s : u"TrafficModel pipeline"_s;
}

TrafficBenchmark::Clock::duration TrafficBenchmark::remaining() const
{
    return m_deadline - Clock::now();
}

std::vector<std::string> TrafficBenchmark::command(Subject subject, qsizetype count, const QString &clientId,
                                                   int timeoutSeconds) const
{
    const std::string port = std::to_string(m_broker->port());
    const std::string n = std::to_string(count);
    const std::string timeout = std::to_string(timeoutSeconds);
    if (subject == Subject::MosquittoSub) {
        return {toStd(m_options.mosquittoSub),
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-V",
                "mqttv311",
                "-i",
                toStd(clientId),
                "-t",
                toStd(Filter),
                "-q",
                "0",
                "-C",
                n,
                "-W",
                timeout};
    }
    return {toStd(m_options.pipelinePath),
            "--port",
            port,
            "--client-id",
            toStd(clientId),
            "--filter",
            toStd(Filter),
            "--count",
            n,
            "--capacity",
            std::to_string(m_options.capacity),
            "--idle-ms",
            std::to_string(PipelineIdleMs),
            "--timeout-s",
            timeout};
}

TrafficBenchmark::Run TrafficBenchmark::runOnce(Subject subject, qsizetype count, int repetition,
                                                Clock::duration cap)
{
    Run result;
    result.subject = subject;
    result.repetition = repetition;
    const QString clientId =
        u"bench-traffic-%1-r%2"_s.arg(subject == Subject::MosquittoSub ? u"sub"_s : u"pipeline"_s)
            .arg(repetition);
    const QString stderrPath = m_workDir.filePath(clientId + u".stderr"_s);
    const int timeoutSeconds = static_cast<int>(std::chrono::ceil<std::chrono::seconds>(cap).count()) + 5;

    Publisher publisher;
    if (!publisher.connect("127.0.0.1", m_broker->port(), toStd(u"bench-pub-"_s + clientId), 5s)) {
        result.error = u"publisher: "_s + QString::fromStdString(publisher.errorString());
        return result;
    }

    ChildProcess child(toStd(m_options.spawnHelper));
    const qsizetype logFrom = m_broker->logPosition();
    const auto output =
        subject == Subject::MosquittoSub ? ChildProcess::Output::DevNull : ChildProcess::Output::Capture;
    if (!child.start(command(subject, count, clientId, timeoutSeconds), output, toStd(stderrPath))) {
        result.error = u"cannot start: "_s + QString::fromStdString(child.errorString());
        return result;
    }

    // Publishing before the subscription is in place would lose the head of the stream; mosquitto logs
    // "<clientid> <qos> <filter>" (log_type subscribe) while it handles the SUBSCRIBE.
    const QString needle = u"%1 0 %2"_s.arg(clientId, Filter);
    const auto subscribeDeadline = Clock::now() + SubscribeTimeout;
    while (!m_broker->waitForLogLine(needle, 50, logFrom)) {
        if (child.waitForExit(0ms)) {
            result.error = u"exited before subscribing (exit code %1): %2"_s.arg(child.exitStatus()->exitCode)
                               .arg(fileTail(stderrPath));
            return result;
        }
        if (Clock::now() > subscribeDeadline) {
            child.kill();
            child.waitForExit(5s);
            result.error =
                u"no subscription within %1 s: %2"_s.arg(seconds(SubscribeTimeout)).arg(fileTail(stderrPath));
            return result;
        }
    }

    // Socket reads tell when a subject went idle: mosquitto_sub cannot say it stopped receiving.
    ProcessIo last = child.io().value_or(ProcessIo{});
    const double brokerCpuBefore = processCpuSeconds(m_broker->pid());
    const auto t0 = Clock::now();
    Clock::time_point lastActivity = t0;
    const auto sample = [&] {
        if (const std::optional<ProcessIo> io = child.io()) {
            if (io->readBytes != last.readBytes)
                lastActivity = Clock::now();
            last = *io;
        }
    };
    const bool published =
        publisher.publish(m_topics, m_payload, static_cast<int>(count), 0, t0 + cap, sample);
    const auto publishEnd = Clock::now();
    if (!published)
        result.error = u"publisher: "_s + QString::fromStdString(publisher.errorString());

    const bool stoppedByDriver = child.superviseUntilExit(
        PollInterval,
        [&] {
            sample();
            return std::max(lastActivity, publishEnd);
        },
        IdleKill, t0 + cap);
    const double brokerCpuAfter = processCpuSeconds(m_broker->pid());
    if (brokerCpuBefore >= 0 && brokerCpuAfter >= 0)
        result.brokerCpuSeconds = brokerCpuAfter - brokerCpuBefore;
    publisher.disconnect();
    if (!child.exitStatus()) {
        result.error = u"did not exit even after SIGKILL"_s;
        return result;
    }
    const ChildExit exit = *child.exitStatus();
    result.cpuSeconds = exit.cpuSeconds;
    result.peakRssMiB = exit.peakRssMiB;
    if (!published)
        return result;

    if (m_broker->log().indexOf(u"Outgoing messages are being dropped for client "_s + clientId, logFrom) >=
        0) {
        result.error = u"mosquitto dropped messages for it"_s;
        return result;
    }
    if (subject == Subject::MosquittoSub) {
        // -C N: it exits 0 only after N messages.
        if (stoppedByDriver || exit.exitCode != 0) {
            result.error = u"stopped short (exit code %1, signal %2): %3"_s.arg(exit.exitCode)
                               .arg(exit.signal)
                               .arg(fileTail(stderrPath));
            return result;
        }
        result.received = count;
    } else {
        const QString text = QString::fromUtf8(child.capturedOutput()).trimmed();
        result.statistics = text.section(u'\n', -1);
        const QJsonObject stats = QJsonDocument::fromJson(result.statistics.toUtf8()).object();
        const QString reason = stats.value(u"reason"_s).toString();
        result.received = static_cast<qsizetype>(stats.value(u"received"_s).toDouble());
        if (stoppedByDriver || exit.exitCode != 0 || reason != u"complete"_s || result.received != count) {
            result.error =
                u"stopped short with \"%1\" after %2 of %3 messages (exit code %4, signal %5): %6"_s
                    .arg(reason)
                    .arg(result.received)
                    .arg(count)
                    .arg(exit.exitCode)
                    .arg(exit.signal)
                    .arg(fileTail(stderrPath));
            return result;
        }
    }
    result.wallSeconds = seconds(exit.when - t0);
    result.measured = result.wallSeconds > 0;
    return result;
}

std::optional<TrafficBenchmark::Run> TrafficBenchmark::median(const std::vector<Run> &runs)
{
    std::vector<Run> measured;
    std::copy_if(runs.begin(), runs.end(), std::back_inserter(measured),
                 [](const Run &r) { return r.measured; });
    if (measured.empty())
        return std::nullopt;
    std::sort(measured.begin(), measured.end(),
              [](const Run &a, const Run &b) { return a.rate() < b.rate(); });
    return measured[(measured.size() - 1) / 2];
}

QString TrafficBenchmark::report(const std::vector<Run> &runs, bool markdown) const
{
    std::vector<Run> bySubject[2];
    for (const Run &run : runs)
        bySubject[run.subject == Subject::MosquittoSub ? 0 : 1].push_back(run);
    const std::optional<Run> sub = median(bySubject[0]);
    const std::optional<Run> pipeline = median(bySubject[1]);

    QStringList header = {u"Subscriber"_s, u"msgs/s"_s,       u"× sub"_s,
                          u"CPU s"_s,      u"CPU µs/msg"_s,   u"Peak RSS MiB"_s,
                          u"× sub"_s,      u"broker CPU s"_s, u"msgs/s of each run"_s};
    QList<QStringList> rows;
    for (const Subject subject : {Subject::MosquittoSub, Subject::Pipeline}) {
        const std::vector<Run> &all = bySubject[subject == Subject::MosquittoSub ? 0 : 1];
        QStringList each;
        for (const Run &run : all)
            each << (run.measured ? grouped(run.rate()) : u"failed"_s);
        const std::optional<Run> m = subject == Subject::MosquittoSub ? sub : pipeline;
        if (!m) {
            rows << QStringList{
                subjectName(subject), u"every run failed"_s, u"–"_s, u"–"_s, u"–"_s, u"–"_s, u"–"_s, u"–"_s,
                each.join(u" / "_s)};
            continue;
        }
        rows << QStringList{subjectName(subject),
                            grouped(m->rate()),
                            sub ? ratio(m->rate(), sub->rate()) : u"–"_s,
                            fixed(m->cpuSeconds, 2),
                            fixed(m->cpuSeconds * 1e6 / double(m->received), 1),
                            fixed(m->peakRssMiB, 1),
                            sub ? ratio(m->peakRssMiB, sub->peakRssMiB) : u"–"_s,
                            m->brokerCpuSeconds >= 0 ? fixed(m->brokerCpuSeconds, 2) : u"–"_s,
                            each.join(u" / "_s)};
    }

    QString verdict;
    if (sub && pipeline) {
        const double r = pipeline->rate() / sub->rate();
        verdict = u"Target (pipeline ≥ %1 × mosquitto_sub msgs/s): %2 (%3 ×)."_s.arg(
            fixed(TargetRatio, 1),
            r >= TargetRatio ? (markdown ? u"**met**"_s : u"met"_s)
                             : (markdown ? u"**not met**"_s : u"NOT MET"_s),
            fixed(r, 2));
    } else {
        verdict =
            u"Target (pipeline ≥ %1 × mosquitto_sub msgs/s): not measured."_s.arg(fixed(TargetRatio, 1));
    }
    // When mosquitto is busy for (nearly) the whole run, the broker sets the pace and msgs/s only says that a
    // subscriber kept up: the reader must know to compare CPU per message instead.
    const auto brokerBound = [](const std::optional<Run> &run) {
        return run && run->brokerCpuSeconds >= 0.85 * run->wallSeconds;
    };
    QString bottleneck;
    if (brokerBound(sub) && brokerBound(pipeline)) {
        bottleneck =
            u"mosquitto was busy for most of both runs (broker CPU s against wall time): the broker set "
            u"the pace, and both subscribers kept up with it. CPU µs/msg compares what each spends per "
            u"message."_s;
    }
    QString pipelineState;
    if (pipeline) {
        const QJsonObject stats = QJsonDocument::fromJson(pipeline->statistics.toUtf8()).object();
        pipelineState =
            u"At the end of its median run the model held %1 rows (capacity %2), the proxy %3, and the last "
            u"values of %4 topics; the view had read %5 frames (%6 cells)."_s.arg(
                grouped(stats.value(u"rows"_s).toDouble()), grouped(m_options.capacity),
                grouped(stats.value(u"proxy_rows"_s).toDouble()),
                grouped(stats.value(u"last_values"_s).toDouble()),
                grouped(stats.value(u"frames"_s).toDouble()),
                grouped(stats.value(u"cells_read"_s).toDouble()));
    }
    const QString stream =
        u"%1 QoS 0 messages of %2 bytes over %3 topics (`%4`), median of %5 runs each%6."_s.arg(
            grouped(double(m_options.count)), QString::number(PayloadBytes), grouped(m_options.topics),
            Filter, QString::number(m_options.repetitions), m_options.quick ? u" (--quick)"_s : QString());

    QString text;
    if (markdown) {
        text +=
            u"<!-- traffic:begin -->\n## Live traffic: MqttClient → TrafficModel → proxy, against mosquitto_sub\n\n"_s;
        text += u"Measured by `bench_traffic` (`./fleet bench`) on %1.\nMachine: %2.\n\n"_s.arg(
            m_date, machineLine());
        text += stream + u"\n\n"_s;
        text += u"| "_s + header.join(u" | "_s) + u" |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n"_s;
        for (const QStringList &row : rows)
            text += u"| "_s + row.join(u" | "_s) + u" |\n"_s;
        text += u"\n"_s + verdict + u"\n\n"_s;
        if (!bottleneck.isEmpty())
            text += bottleneck + u"\n\n"_s;
        if (!pipelineState.isEmpty())
            text += pipelineState + u"\n\n"_s;
        for (const QString &note : m_notes)
            text += u"Note: "_s + note + u"\n\n"_s;
        text +=
            u"Subscribers:\n\n"
            u"- **mosquitto_sub** (the reference): `mosquitto_sub -V mqttv311 -q 0 -C N`, printing every "
            u"payload "
            u"to /dev/null.\n"
            u"- **TrafficModel pipeline**: `traffic_pipeline`, the console's live-traffic path without the "
            u"widgets: fleet::MqttClient's messageReceived connected to TrafficModel::append (default "
            u"capacity "
            u"and byte budget unless `--capacity`), a QSortFilterProxyModel on top filtering the topic "
            u"column on "
            u"a string every topic contains, and a stand-in for the table view that, at most every 16 ms and "
            u"only after rows were inserted, reads the Qt::DisplayRole of every cell of the last 40 rows "
            u"through "
            u"the proxy. It exits once TrafficModel has taken N messages (after the flush that inserted the "
            u"last ones).\n\n"
            u"Method: one mosquitto on 127.0.0.1 with `max_queued_messages 0` (no per-client queue limit, so "
            u"that neither subscriber loses messages and both are timed on the whole stream), and a "
            u"libmosquitto "
            u"publisher inside the driver (bench/ingest's) that sends the messages round-robin over the "
            u"topics "
            u"as fast as the socket takes them. Both subscribers speak MQTT 3.1.1 and subscribe to the same "
            u"filter at QoS 0. Each is its own process and gets the identical stream alone, one after the "
            u"other "
            u"in alternating order, after an unreported warm-up stream; the driver starts it, waits until "
            u"the "
            u"broker logs its subscription, then publishes. Wall time runs from the first publish to the "
            u"subscriber's exit after the last message; msgs/s is N divided by it. CPU time and peak RSS are "
            u"the subscriber process's own, start-up included, from wait4() (it is forked from "
            u"bench/ingest's "
            u"ingest_spawn helper so that the driver's memory does not count). Broker CPU is mosquitto's "
            u"over the "
            u"same run. Each row is the run with the median msgs/s; ratios compare it with mosquitto_sub's "
            u"median run.\n"_s;
        text += u"<!-- traffic:end -->\n"_s;
        return text;
    }

    text += u"\nLive traffic: "_s + stream + u"\n\n"_s;
    QList<int> widths;
    for (int c = 0; c < header.size(); ++c) {
        int width = int(header.at(c).size());
        for (const QStringList &row : rows)
            width = std::max(width, int(row.at(c).size()));
        widths << width;
    }
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (int c = 0; c < cells.size(); ++c)
            out += (c == 0 ? cells.at(c).leftJustified(widths.at(c))
                           : cells.at(c).rightJustified(widths.at(c))) +
                   u"  "_s;
        return out.trimmed() + u"\n"_s;
    };
    text += line(header);
    for (const QStringList &row : rows)
        text += line(row);
    text += u"\n"_s + verdict + u"\n"_s;
    if (!bottleneck.isEmpty())
        text += bottleneck + u"\n"_s;
    if (!pipelineState.isEmpty())
        text += pipelineState + u"\n"_s;
    for (const QString &note : m_notes)
        text += u"Note: "_s + note + u"\n"_s;
    return text;
}

int TrafficBenchmark::run()
{
    m_deadline = Clock::now() + std::chrono::seconds(m_options.budgetSeconds);
    m_date = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    if (!m_workDir.isValid()) {
        std::fprintf(stderr, "bench_traffic: no temporary directory: %s\n",
                     qPrintable(m_workDir.errorString()));
        return 1;
    }
    for (const auto &[path, target] : {std::pair{m_options.pipelinePath, "traffic_pipeline"},
                                       std::pair{m_options.spawnHelper, "ingest_spawn"}}) {
        if (!QFileInfo(path).isExecutable()) {
            std::fprintf(stderr, "bench_traffic: %s is not an executable (build the %s target)\n",
                         qPrintable(path), target);
            return 1;
        }
    }
    if (QStandardPaths::findExecutable(m_options.mosquittoSub).isEmpty()) {
        std::fprintf(stderr, "bench_traffic: %s not found (apt-get install mosquitto-clients)\n",
                     qPrintable(m_options.mosquittoSub));
        return 1;
    }

    test::MosquittoBroker::Options brokerOptions;
    // Only subscriptions on top of the defaults: "all" would log two lines per message.
    brokerOptions.logTypes = {u"subscribe"_s};
    brokerOptions.extraConfigLines << u"max_queued_messages 0"_s;
    m_broker = std::make_unique<test::MosquittoBroker>(brokerOptions);
    if (!m_broker->start()) {
        std::fprintf(stderr, "bench_traffic: cannot start mosquitto: %s\n",
                     qPrintable(m_broker->errorString()));
        return 1;
    }
    std::fprintf(stderr, "[traffic] mosquitto on %s (pid %lld), work files in %s\n",
                 qPrintable(m_broker->url()), static_cast<long long>(m_broker->pid()),
                 qPrintable(m_workDir.path()));

    // Not reported: the first stream through a fresh broker and a cold page cache is slower than the rest.
    {
        const Run warmup = runOnce(Subject::MosquittoSub, std::min<qsizetype>(20000, m_options.count), 0,
                                   std::min<Clock::duration>(30s, remaining()));
        if (!warmup.measured)
            std::fprintf(stderr, "[traffic] warm-up run failed: %s\n", qPrintable(warmup.error));
    }

    std::vector<Run> runs;
    bool outOfTime = false;
    for (int repetition = 1; repetition <= m_options.repetitions && !outOfTime; ++repetition) {
        // Alternating the order spreads any drift (page cache, broker heap, CPU clocks) over both.
        const std::vector<Subject> order = repetition % 2
                                               ? std::vector{Subject::MosquittoSub, Subject::Pipeline}
                                               : std::vector{Subject::Pipeline, Subject::MosquittoSub};
        for (const Subject subject : order) {
            if (remaining() < MinimumRunBudget) {
                outOfTime = true;
                m_notes << u"The time budget of %1 s ran out; later runs were skipped."_s.arg(
                    m_options.budgetSeconds);
                break;
            }
            const Clock::duration cap = std::min<Clock::duration>(RunCap, remaining() - 10s);
            const Run r = runOnce(subject, m_options.count, repetition, cap);
            const QByteArray name = subjectName(subject).toUtf8();
            if (r.measured) {
                std::fprintf(
                    stderr,
                    "[traffic] run %d/%d %-21s %lld in %.3f s = %.0f msgs/s, CPU %.2f s, peak RSS %.1f "
                    "MiB, broker CPU %.2f s\n",
                    repetition, m_options.repetitions, name.constData(), static_cast<long long>(r.received),
                    r.wallSeconds, r.rate(), r.cpuSeconds, r.peakRssMiB, r.brokerCpuSeconds);
            } else {
                std::fprintf(stderr, "[traffic] run %d/%d %-21s failed: %s\n", repetition,
                             m_options.repetitions, name.constData(), qPrintable(r.error));
                m_notes << u"Run %1 of %2 failed: %3"_s.arg(repetition)
                               .arg(subjectName(subject), r.error.simplified());
            }
            runs.push_back(r);
        }
    }
    m_broker->stop();

    std::fputs(qPrintable(report(runs, false)), stdout);
    std::fflush(stdout);
    const auto measured = [&](Subject subject) {
        return std::any_of(runs.begin(), runs.end(),
                           [&](const Run &r) { return r.subject == subject && r.measured; });
    };
    if (!m_options.reportPath.isEmpty()) {
        QString error;
        if (!writeReportSection(m_options.reportPath, u"traffic"_s, report(runs, true), &error)) {
            std::fprintf(stderr, "bench_traffic: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "[traffic] wrote %s\n", qPrintable(m_options.reportPath));
    }
    return measured(Subject::MosquittoSub) && measured(Subject::Pipeline) ? 0 : 1;
}

} // namespace fleet::bench
