#include "ingestbenchmark.h"

#include "benchsupport.h"

#include "childprocess.h"
#include "publisher.h"

#include <mosquittobroker.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <mosquitto.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

const QString Topic = u"bench/ingest"_s;
constexpr int PayloadBytes = 100;
// Our receivers stop by themselves this long after their last message; mosquitto_sub cannot, so the driver
// stops any receiver that has read nothing for IdleKill after publishing ended.
constexpr int ReceiverIdleMs = 2000;
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

QString fileTail(const QString &path, int maxChars = 600)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    return text.size() > maxChars ? u"…"_s + text.right(maxChars) : text;
}

void printRun(const RunResult &r, int repetitions)
{
    const QByteArray name = receiverName(r.receiver).toUtf8();
    if (!r.measured) {
        std::fprintf(stderr, "[ingest] QoS %d run %d/%d %-17s failed: %s\n", r.qos, r.repetition, repetitions,
                     name.constData(), qPrintable(r.error));
        return;
    }
    std::fprintf(
        stderr,
        "[ingest] QoS %d run %d/%d %-17s %lld of %lld in %.3f s = %.0f msgs/s, CPU %.2f s, peak RSS %.1f "
        "MiB, broker CPU %.2f s%s\n",
        r.qos, r.repetition, repetitions, name.constData(), static_cast<long long>(r.received),
        static_cast<long long>(r.expected), r.wallSeconds, r.rate(), r.cpuSeconds, r.peakRssMiB,
        r.brokerCpuSeconds, r.brokerDropped ? " (broker dropped)" : "");
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

} // namespace

IngestBenchmark::IngestBenchmark(IngestOptions options)
    : m_options(std::move(options))
{
    // Exactly PayloadBytes of printable text without a newline (mosquitto_sub prints one line per message);
    // the publisher writes a sequence number over the first digits.
    m_payload = "00000000 fleet console ingest benchmark ";
    while (m_payload.size() < PayloadBytes)
        m_payload += 'x';
}

IngestBenchmark::~IngestBenchmark() = default;

IngestBenchmark::Clock::duration IngestBenchmark::remaining() const
{
    return m_deadline - Clock::now();
}

BenchEnvironment IngestBenchmark::probeEnvironment() const
{
    BenchEnvironment env;
    env.date = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    env.cpus = static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
    env.cpuModel = cpuModel();
    utsname uts{};
    if (::uname(&uts) == 0)
        env.kernel = QString::fromUtf8(uts.release);
    static const QRegularExpression version(u"mosquitto version (\\S+)"_s);
    const QRegularExpressionMatch match =
        version.match(commandOutput(test::MosquittoBroker::findMosquitto(), {u"-h"_s}));
    env.mosquittoVersion = match.hasMatch() ? match.captured(1) : u"unknown"_s;
    int major = 0, minor = 0, revision = 0;
    mosquitto_lib_version(&major, &minor, &revision);
    env.libmosquittoVersion = u"%1.%2.%3"_s.arg(major).arg(minor).arg(revision);
    env.qtVersion = QString::fromLatin1(qVersion());
    if (!QStandardPaths::findExecutable(m_options.node).isEmpty())
        env.nodeVersion = commandOutput(m_options.node, {u"--version"_s}).trimmed();
    QFile package(QDir(m_options.nodeDir).filePath(u"node_modules/mqtt/package.json"_s));
    if (!m_options.nodeDir.isEmpty() && package.open(QIODevice::ReadOnly))
        env.mqttJsVersion =
            QJsonDocument::fromJson(package.readAll()).object().value(u"version"_s).toString();
    return env;
}

QString IngestBenchmark::checkNode() const
{
    if (m_options.nodeDir.isEmpty())
        return u"no --node-dir given"_s;
    if (QStandardPaths::findExecutable(m_options.node).isEmpty())
        return u"`%1` is not in PATH (apt-get install nodejs npm)"_s.arg(m_options.node);
    const QDir dir(m_options.nodeDir);
    if (!QFileInfo::exists(dir.filePath(u"ingest-receiver.mjs"_s)))
        return u"%1 is missing"_s.arg(dir.filePath(u"ingest-receiver.mjs"_s));
    if (!QFileInfo::exists(dir.filePath(u"node_modules/mqtt/package.json"_s)))
        return u"MQTT.js is not installed: run `npm ci` in %1"_s.arg(
            QDir::toNativeSeparators(dir.absolutePath()));
    return {};
}

std::vector<std::string> IngestBenchmark::command(Receiver receiver, int qos, qsizetype count,
                                                  const QString &clientId, int timeoutSeconds) const
{
    const std::string port = std::to_string(m_broker->port());
    const std::string id = toStd(clientId);
    const std::string n = std::to_string(count);
    const std::string q = std::to_string(qos);
    const std::string timeout = std::to_string(timeoutSeconds);
    switch (receiver) {
    case Receiver::MosquittoSub:
        return {toStd(m_options.mosquittoSub),
                "-h",
                "127.0.0.1",
                "-p",
                port,
                "-V",
                "mqttv311",
                "-i",
                id,
                "-t",
                toStd(Topic),
                "-q",
                q,
                "-C",
                n,
                "-W",
                timeout};
    case Receiver::FleetMqttClient: {
        std::vector<std::string> argv{toStd(m_options.receiverPath),
                                      "--port",
                                      port,
                                      "--client-id",
                                      id,
                                      "--topic",
                                      toStd(Topic),
                                      "--qos",
                                      q,
                                      "--count",
                                      n,
                                      "--idle-ms",
                                      std::to_string(ReceiverIdleMs),
                                      "--timeout-s",
                                      timeout};
        if (m_options.verify)
            argv.push_back("--verify");
        return argv;
    }
    case Receiver::MqttJs:
        return {toStd(m_options.node),
                toStd(QDir(m_options.nodeDir).filePath(u"ingest-receiver.mjs"_s)),
                "--port",
                port,
                "--client-id",
                id,
                "--topic",
                toStd(Topic),
                "--qos",
                q,
                "--count",
                n,
                "--idle-ms",
                std::to_string(ReceiverIdleMs),
                "--timeout-s",
                timeout};
    }
    return {};
}

RunResult IngestBenchmark::runOnce(Receiver receiver, int qos, qsizetype count, int repetition,
                                   Clock::duration cap)
{
    RunResult result;
    result.receiver = receiver;
    result.qos = qos;
    result.repetition = repetition;
    result.expected = count;
    const QString clientId = u"bench-%1-q%2-r%3"_s.arg(receiverKey(receiver)).arg(qos).arg(repetition);
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
        receiver == Receiver::MosquittoSub ? ChildProcess::Output::DevNull : ChildProcess::Output::Capture;
    if (!child.start(command(receiver, qos, count, clientId, timeoutSeconds), output, toStd(stderrPath))) {
        result.error = u"cannot start: "_s + QString::fromStdString(child.errorString());
        return result;
    }

    // Publishing before the subscription is in place would lose the head of the stream. log_type subscribe
    // prints "<clientid> <qos> <filter>" while mosquitto handles the SUBSCRIBE, before it reads the next
    // packet from any client, so once it is in the log the publisher's messages will be routed to it.
    const QString needle = u"%1 %2 %3"_s.arg(clientId).arg(qos).arg(Topic);
    const auto subscribeDeadline = Clock::now() + SubscribeTimeout;
    bool subscribed = false;
    while (!subscribed) {
        subscribed = m_broker->waitForLogLine(needle, 50, logFrom);
        if (subscribed)
            break;
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

    // What the receiver has read and written so far: the baseline of its traffic during the stream.
    const std::optional<ProcessIo> baseline = child.io();
    ProcessIo last = baseline.value_or(ProcessIo{});
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
        publisher.publish(toStd(Topic), m_payload, static_cast<int>(count), qos, t0 + cap, sample);
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
    result.brokerDropped = m_broker->log().indexOf(
                               u"Outgoing messages are being dropped for client "_s + clientId, logFrom) >= 0;

    if (receiver == Receiver::MosquittoSub) {
        if (!stoppedByDriver && exit.exitCode == 0) {
            result.received = count; // -C N: it exits 0 only after N messages
        } else {
            // Its output went to /dev/null, so count from its I/O counters, sampled once it had gone idle.
            // Per message it reads the PUBLISH packet and writes the payload and a newline to stdout, plus at
            // QoS 1 a 4-byte PUBACK; libmosquitto's wake-up byte on its internal socket pair is written and
            // read alike. Reads minus writes is then a fixed number of bytes per message.
            const qint64 packet = 2 + 2 + Topic.toUtf8().size() + (qos > 0 ? 2 : 0) + PayloadBytes;
            const qint64 perMessage = packet - (PayloadBytes + 1) - (qos > 0 ? 4 : 0);
            if (!baseline) {
                result.error = u"cannot read /proc/%1/io to count its messages"_s.arg(child.pid());
                return result;
            }
            const qint64 difference =
                qint64(last.readBytes - baseline->readBytes) - qint64(last.writeBytes - baseline->writeBytes);
            result.received = std::max<qint64>(0, (difference + perMessage / 2) / perMessage);
            result.receivedFromCounters = true;
        }
    } else {
        const QString text = QString::fromUtf8(child.capturedOutput()).trimmed();
        const QJsonObject stats = QJsonDocument::fromJson(text.section(u'\n', -1).toUtf8()).object();
        if (stats.isEmpty()) {
            result.error = u"no statistics (exit code %1, signal %2): %3"_s.arg(exit.exitCode)
                               .arg(exit.signal)
                               .arg(fileTail(stderrPath));
            return result;
        }
        result.received = static_cast<qsizetype>(stats.value(u"received"_s).toDouble());
        // Anything but a full count, an idle stream or the time limit means the receiver itself failed.
        const QString reason = stats.value(u"reason"_s).toString();
        if (reason != u"complete"_s && reason != u"idle"_s && reason != u"timeout"_s) {
            result.error = u"stopped with \"%1\" after %2 messages: %3"_s.arg(reason)
                               .arg(result.received)
                               .arg(fileTail(stderrPath));
            return result;
        }
        if (stats.contains(u"verify"_s)) {
            const QByteArray verify =
                QJsonDocument(stats.value(u"verify"_s).toObject()).toJson(QJsonDocument::Compact);
            std::fprintf(stderr, "[ingest]   %s verify: %s\n", qPrintable(clientId), verify.constData());
        }
    }
    result.complete = !stoppedByDriver && result.received == count;
    if (result.received <= 0) {
        result.error = u"received nothing: %1"_s.arg(fileTail(stderrPath));
        return result;
    }
    result.wallSeconds = seconds((result.complete ? exit.when : lastActivity) - t0);
    if (result.wallSeconds <= 0) {
        result.error =
            u"stopped short and no socket reads were seen in /proc/%1/io to time it"_s.arg(child.pid());
        return result;
    }
    result.measured = published;
    return result;
}

int IngestBenchmark::run()
{
    m_deadline = Clock::now() + std::chrono::seconds(m_options.budgetSeconds);
    if (!m_workDir.isValid()) {
        std::fprintf(stderr, "bench_ingest: no temporary directory: %s\n",
                     qPrintable(m_workDir.errorString()));
        return 1;
    }
    if (!QFileInfo(m_options.receiverPath).isExecutable()) {
        std::fprintf(stderr, "bench_ingest: %s is not an executable (build the ingest_receiver target)\n",
                     qPrintable(m_options.receiverPath));
        return 1;
    }
    if (!QFileInfo(m_options.spawnHelper).isExecutable()) {
        std::fprintf(stderr, "bench_ingest: %s is not an executable (build the ingest_spawn target)\n",
                     qPrintable(m_options.spawnHelper));
        return 1;
    }
    if (QStandardPaths::findExecutable(m_options.mosquittoSub).isEmpty()) {
        std::fprintf(stderr, "bench_ingest: %s not found (apt-get install mosquitto-clients)\n",
                     qPrintable(m_options.mosquittoSub));
        return 1;
    }

    test::MosquittoBroker::Options brokerOptions;
    // Only subscriptions on top of the defaults: "all" would log two lines per message.
    brokerOptions.logTypes = {u"subscribe"_s};
    if (m_options.maxQueued > 0)
        brokerOptions.extraConfigLines << u"max_queued_messages %1"_s.arg(m_options.maxQueued);
    m_broker = std::make_unique<test::MosquittoBroker>(brokerOptions);
    if (!m_broker->start()) {
        std::fprintf(stderr, "bench_ingest: cannot start mosquitto: %s\n",
                     qPrintable(m_broker->errorString()));
        return 1;
    }

    BenchReport report;
    report.environment = probeEnvironment();
    report.repetitions = m_options.repetitions;
    report.payloadBytes = PayloadBytes;
    report.inFlightWindow = Publisher::inFlightWindow();
    report.maxQueued = m_options.maxQueued;
    report.quick = m_options.quick;
    std::fprintf(stderr, "[ingest] mosquitto %s on %s (pid %lld), work files in %s\n",
                 qPrintable(report.environment.mosquittoVersion), qPrintable(m_broker->url()),
                 static_cast<long long>(m_broker->pid()), qPrintable(m_workDir.path()));

    const auto wanted = [&](Receiver r) {
        return m_options.only.isEmpty() || m_options.only.contains(receiverKey(r));
    };
    std::vector<Receiver> receivers;
    for (const Receiver r : {Receiver::MosquittoSub, Receiver::FleetMqttClient})
        if (wanted(r))
            receivers.push_back(r);
    const QString nodeProblem = wanted(Receiver::MqttJs) ? checkNode() : u"not selected"_s;
    if (nodeProblem.isEmpty()) {
        receivers.push_back(Receiver::MqttJs);
    } else if (wanted(Receiver::MqttJs)) {
        report.notes << u"MQTT.js skipped: "_s + nodeProblem + u"."_s;
        std::fprintf(stderr, "[ingest] MQTT.js skipped: %s\n", qPrintable(nodeProblem));
    }

    // Not reported: the first stream through a fresh broker and cold page cache is slower than the rest.
    {
        const RunResult warmup =
            runOnce(Receiver::MosquittoSub, 0, std::min<qsizetype>(10000, m_options.qos0Count), 0,
                    std::min<Clock::duration>(30s, remaining()));
        if (!warmup.measured)
            std::fprintf(stderr, "[ingest] warm-up run failed: %s\n", qPrintable(warmup.error));
    }

    bool outOfTime = false;
    bool anyMeasured = false;
    for (const auto &[qos, count] : {std::pair{0, m_options.qos0Count}, std::pair{1, m_options.qos1Count}}) {
        if (!m_options.qosLevels.contains(qos))
            continue;
        StreamSummary stream;
        stream.qos = qos;
        stream.count = count;
        for (const Receiver receiver :
             {Receiver::MosquittoSub, Receiver::FleetMqttClient, Receiver::MqttJs}) {
            if (!wanted(receiver))
                continue;
            ReceiverSummary summary;
            summary.receiver = receiver;
            summary.qos = qos;
            if (receiver == Receiver::MqttJs && !nodeProblem.isEmpty())
                summary.skipped = u"MQTT.js not available"_s;
            stream.receivers.push_back(summary);
        }
        for (int repetition = 1; repetition <= m_options.repetitions && !outOfTime; ++repetition) {
            // Rotating the order spreads any drift (page cache, broker heap, CPU clocks) over all receivers.
            std::vector<Receiver> order = receivers;
            std::rotate(order.begin(), order.begin() + (repetition - 1) % order.size(), order.end());
            for (const Receiver receiver : order) {
                if (remaining() < MinimumRunBudget) {
                    outOfTime = true;
                    report.notes << u"The time budget of %1 s ran out; later runs were skipped."_s.arg(
                        m_options.budgetSeconds);
                    break;
                }
                const Clock::duration cap = std::min<Clock::duration>(RunCap, remaining() - 10s);
                const RunResult r = runOnce(receiver, qos, count, repetition, cap);
                anyMeasured = anyMeasured || r.measured;
                printRun(r, m_options.repetitions);
                if (!r.measured)
                    report.notes << u"QoS %1 run %2 of %3 failed: %4"_s.arg(qos)
                                        .arg(repetition)
                                        .arg(receiverName(receiver), r.error.simplified());
                auto it = std::find_if(stream.receivers.begin(), stream.receivers.end(),
                                       [&](const ReceiverSummary &s) { return s.receiver == receiver; });
                it->runs.push_back(r);
            }
        }
        report.streams.push_back(stream);
    }

    std::fputs(qPrintable(formatText(report)), stdout);
    std::fflush(stdout);
    if (!m_options.reportPath.isEmpty()) {
        QString error;
        if (!writeReportSection(m_options.reportPath, formatMarkdown(report), &error)) {
            std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "[ingest] wrote %s\n", qPrintable(m_options.reportPath));
    }
    m_broker->stop();
    if (!m_options.logDir.isEmpty())
        keepLogs();
    return anyMeasured ? 0 : 1;
}

void IngestBenchmark::keepLogs() const
{
    // For a post-mortem: the broker's own temporary directory and the work directory go away with them.
    QDir().mkpath(m_options.logDir);
    const QDir logDir(m_options.logDir);
    QFile::remove(logDir.filePath(u"mosquitto.log"_s));
    QFile broker(logDir.filePath(u"mosquitto.log"_s));
    if (broker.open(QIODevice::WriteOnly))
        broker.write(m_broker->log().toUtf8());
    for (const QFileInfo &file : QDir(m_workDir.path()).entryInfoList(QDir::Files)) {
        QFile::remove(logDir.filePath(file.fileName()));
        QFile::copy(file.filePath(), logDir.filePath(file.fileName()));
    }
    std::fprintf(stderr, "[ingest] logs kept in %s\n", qPrintable(m_options.logDir));
}

} // namespace fleet::bench
