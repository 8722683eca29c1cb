#include "shadowbenchmark.h"

#include "benchsupport.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

using fleet::Json;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

// A phase fails when nothing completes for this long (the hub died, the broker dropped a request).
constexpr auto StallTimeout = 15s;

void progress(const QString &line)
{
    std::fprintf(stderr, "[shadow] %s\n", qPrintable(line));
}

// The request number from a clientToken "u123"; -1 when it is not one of ours.
int tokenNumber(const Json &body)
{
    const auto it = body.find("clientToken");
    if (it == body.end() || !it->is_string())
        return -1;
    return requestNumber(it->get_ref<const std::string &>());
}

Json parse(const MqttMessage &message)
{
    return Json::parse(message.payload().cbegin(), message.payload().cend(), nullptr, false);
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString ratio(double value, double reference)
{
    return reference > 0 ? QString::number(value / reference, 'f', 2) : u"–"_s;
}

} // namespace

ShadowBenchmark::ShadowBenchmark(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

ShadowBenchmark::~ShadowBenchmark()
{
    // The hub first: it must not spend its last moments reconnecting to a broker that is gone.
    m_hub.reset();
    m_broker.reset();
    if (!m_tempDir.isEmpty())
        QDir(m_tempDir).removeRecursively();
}

QString ShadowBenchmark::thingName(int i) const
{
    return u"bench-%1"_s.arg(i % m_options.things, 4, 10, QChar(u'0'));
}

bool ShadowBenchmark::connectClient(MqttClient *client, const QString &clientId, const QStringList &filters,
                                    QString *error)
{
    BrokerProfile profile;
    profile.url = QUrl(m_broker->url());
    profile.clientId = clientId;
    client->setProfile(profile);
    client->setMaxInFlight(m_options.window + 16);
    int granted = 0;
    QEventLoop loop;
    connect(client, &MqttClient::subscribed, &loop, [&] {
        if (++granted == filters.size())
            loop.quit();
    });
    connect(client, &MqttClient::errorOccurred, &loop, [&](MqttClient::Error, const QString &message) {
        *error = message;
        loop.quit();
    });
    for (const QString &filter : filters)
        client->subscribe(filter, 1);
    QTimer::singleShot(10s, &loop, [&] {
        *error = u"%1: no SUBACK within 10 s"_s.arg(clientId);
        loop.quit();
    });
    if (!client->connectToBroker())
        return false;
    loop.exec();
    disconnect(client, nullptr, &loop, nullptr);
    return granted == filters.size();
}

bool ShadowBenchmark::setUp(QString *error)
{
    test::MosquittoBroker::Options brokerOptions;
    // Only subscriptions: logging every PUBLISH would make the broker the bottleneck.
    brokerOptions.logTypes = {u"subscribe"_s};
    // mosquitto leaves Nagle's algorithm on by default. A hub's reply then waits behind the PUBACK the
    // broker wrote just before it until the client's delayed ACK (40 ms on Linux) releases it.
    brokerOptions.extraConfigLines = {u"set_tcp_nodelay true"_s};
    m_broker = std::make_unique<test::MosquittoBroker>(brokerOptions);
    if (!m_broker->start()) {
        *error = u"mosquitto: "_s + m_broker->errorString();
        return false;
    }

    QString dir = m_options.databaseDir;
    if (dir.isEmpty()) {
        QTemporaryDir temporary(QDir::tempPath() + u"/fleet-bench-shadow-XXXXXX"_s);
        temporary.setAutoRemove(false);
        if (!temporary.isValid()) {
            *error = u"cannot create a temporary directory"_s;
            return false;
        }
        dir = m_tempDir = temporary.path();
    }
    QDir().mkpath(dir);
    m_databasePath = QDir(dir).filePath(u"shadows.db"_s);
    QFile::remove(m_databasePath);
    m_fileSystem = QString::fromUtf8(QStorageInfo(dir).fileSystemType());

    m_hub = std::make_unique<test::HubProcess>();
    if (!m_hub->startServing(m_broker->url(), m_databasePath)) {
        *error = u"fleet-hub did not start serving: "_s + m_hub->log();
        return false;
    }

    m_operator = new MqttClient(this);
    m_device = new MqttClient(this);
    return connectClient(
               m_operator, u"bench-operator"_s,
               {u"$aws/things/+/shadow/update/accepted"_s, u"$aws/things/+/shadow/update/rejected"_s},
               error) &&
           connectClient(m_device, u"bench-device"_s,
                         {u"$aws/things/+/shadow/update/delta"_s, u"bench/raw/+"_s}, error);
}

// The same document for every kind of request: a reported temperature, numbered by its clientToken.
ShadowBenchmark::Phase ShadowBenchmark::rawPhase()
{
    Phase phase;
    phase.name = u"raw"_s;
    phase.completer = m_device;
    phase.topic = [this](int i) { return u"bench/raw/%1"_s.arg(thingName(i)).toUtf8(); };
    phase.payload = [](int i) {
        return QByteArray(R"({"state":{"reported":{"temperature":21.5,"seq":)") + QByteArray::number(i) +
               R"(}},"clientToken":"u)" + QByteArray::number(i) + "\"}";
    };
    phase.completion = [](const MqttMessage &message) {
        return message.topic().startsWith("bench/raw/"_L1) ? tokenNumber(parse(message)) : -1;
    };
    return phase;
}

ShadowBenchmark::Phase ShadowBenchmark::updatePhase()
{
    Phase phase = rawPhase();
    phase.name = u"update"_s;
    phase.completer = m_operator;
    phase.topic = [this](int i) { return u"$aws/things/%1/shadow/update"_s.arg(thingName(i)).toUtf8(); };
    phase.completion = [](const MqttMessage &message) {
        return message.topic().endsWith("/update/accepted"_L1) ? tokenNumber(parse(message)) : -1;
    };
    phase.failure = [](const MqttMessage &message) {
        return message.topic().endsWith("/update/rejected"_L1)
                   ? u"%1: %2"_s.arg(message.topic(), QString::fromUtf8(message.payload()))
                   : QString();
    };
    return phase;
}

// An operator changes a desired setpoint; the device's delta carries it back, numbered by the setpoint.
ShadowBenchmark::Phase ShadowBenchmark::deltaPhase()
{
    Phase phase = updatePhase();
    phase.name = u"delta"_s;
    phase.completer = m_device;
    phase.payload = [](int i) {
        return QByteArray(R"({"state":{"desired":{"setpoint":)") + QByteArray::number(i) +
               R"(}},"clientToken":"d)" + QByteArray::number(i) + "\"}";
    };
    phase.completion = [](const MqttMessage &message) {
        if (!message.topic().endsWith("/update/delta"_L1))
            return -1;
        const Json body = parse(message);
        const Json *setpoint = nullptr;
        if (body.is_object() && body.contains("state") && body["state"].is_object() &&
            body["state"].contains("setpoint"))
            setpoint = &body["state"]["setpoint"];
        return setpoint && setpoint->is_number_integer() ? setpoint->get<int>() : -1;
    };
    return phase;
}

ShadowBenchmark::Run ShadowBenchmark::drive(const Phase &phase, int total, int window, int firstId)
{
    Run run;
    run.latency.reserve(std::size_t(total));
    std::vector<Clock::time_point> sent(static_cast<std::size_t>(total));
    std::vector<bool> done(static_cast<std::size_t>(total), false);
    int next = 0;
    int outstanding = 0;
    Clock::time_point lastProgress = Clock::now();
    QEventLoop loop;

    const auto pump = [&] {
        while (next < total && outstanding < window && run.error.isEmpty()) {
            const int id = firstId + next;
            const MqttMessage message(QString::fromUtf8(phase.topic(id)), phase.payload(id), 1, false);
            sent[std::size_t(next)] = Clock::now();
            if (m_operator->publish(message) < 0) {
                if (m_operator->error() == MqttClient::Error::InFlightWindowFull)
                    return; // readyToPublish() calls again
                run.error = u"publish refused: "_s + m_operator->errorString();
                loop.quit();
                return;
            }
            ++next;
            ++outstanding;
        }
    };
    const auto onMessage = [&](const MqttMessage &message) {
        const Clock::time_point now = Clock::now();
        if (phase.failure) {
            if (const QString failure = phase.failure(message); !failure.isEmpty()) {
                run.error = u"rejected: "_s + failure;
                loop.quit();
                return;
            }
        }
        const int id = phase.completion(message) - firstId;
        if (id < 0 || id >= total || done[std::size_t(id)])
            return; // another phase's straggler, or a QoS 1 duplicate
        done[std::size_t(id)] = true;
        run.latency.add(now - sent[std::size_t(id)]);
        lastProgress = now;
        ++run.completed;
        --outstanding;
        if (run.completed == total)
            loop.quit();
        else
            pump();
    };
    const QMetaObject::Connection received =
        connect(phase.completer, &MqttClient::messageReceived, &loop, onMessage);
    const QMetaObject::Connection ready = connect(m_operator, &MqttClient::readyToPublish, &loop, pump);
    QTimer watchdog;
    connect(&watchdog, &QTimer::timeout, &loop, [&] {
        if (Clock::now() - lastProgress > StallTimeout) {
            run.error = u"stalled: %1 of %2 completed, nothing for %3 s"_s.arg(run.completed)
                            .arg(total)
                            .arg(std::chrono::duration_cast<std::chrono::seconds>(StallTimeout).count());
            loop.quit();
        }
    });
    watchdog.start(500);

    const qint64 hubPid = m_hub->process().processId();
    const double hubCpuBefore = processCpuSeconds(hubPid);
    const double brokerCpuBefore = processCpuSeconds(m_broker->pid());
    const Clock::time_point start = Clock::now();
    QTimer::singleShot(0, &loop, pump);
    loop.exec();
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double hubCpuAfter = processCpuSeconds(hubPid);
    const double brokerCpuAfter = processCpuSeconds(m_broker->pid());
    if (hubCpuBefore >= 0 && hubCpuAfter >= 0)
        run.hubCpuSeconds = hubCpuAfter - hubCpuBefore;
    if (brokerCpuBefore >= 0 && brokerCpuAfter >= 0)
        run.brokerCpuSeconds = brokerCpuAfter - brokerCpuBefore;
    disconnect(received);
    disconnect(ready);
    run.ok = run.error.isEmpty() && run.completed == total;
    if (!run.ok)
        progress(u"%1 failed: %2"_s.arg(phase.name, run.error));
    // Let late duplicates and the hub's documents replies drain before the next phase starts its clock.
    QEventLoop settle;
    QTimer::singleShot(200ms, &settle, &QEventLoop::quit);
    settle.exec();
    return run;
}

const ShadowBenchmark::Run &ShadowBenchmark::median(const std::vector<Run> &runs)
{
    std::vector<const Run *> sorted;
    for (const Run &run : runs)
        sorted.push_back(&run);
    std::sort(sorted.begin(), sorted.end(), [](const Run *a, const Run *b) { return a->rate() < b->rate(); });
    return *sorted[(sorted.size() - 1) / 2];
}

int ShadowBenchmark::run()
{
    QString error;
    if (!setUp(&error)) {
        progress(u"setup failed: "_s + error);
        return 1;
    }
    progress(u"mosquitto at %1, fleet-hub pid %2, database %3 (%4)"_s.arg(
        m_broker->url(), QString::number(m_hub->process().processId()), m_databasePath, m_fileSystem));

    int id = 0; // request numbers never repeat across phases, so a straggler cannot complete the wrong one
    const Phase raw = rawPhase();
    const Phase update = updatePhase();
    const Phase delta = deltaPhase();
    bool ok = true;
    const auto report = [&](const QString &what, const Run &run) {
        ok = ok && run.ok;
        progress(u"%1: %2 in %3 s = %4/s, p50 %5 ms, p99 %6 ms"_s.arg(what)
                     .arg(run.completed)
                     .arg(run.seconds, 0, 'f', 2)
                     .arg(grouped(run.rate()))
                     .arg(ms(run.latency.percentileMs(50)), ms(run.latency.percentileMs(99))));
    };

    // Creates every shadow, so that the measured updates change existing documents.
    const Run create = drive(update, m_options.things, m_options.window, id);
    id += m_options.things;
    report(u"creating %1 shadows"_s.arg(m_options.things), create);

    const Run rawLatency = drive(raw, m_options.samples, 1, id);
    id += m_options.samples;
    report(u"raw round trip, one at a time"_s, rawLatency);
    const Run updateLatency = drive(update, m_options.samples, 1, id);
    id += m_options.samples;
    report(u"update → accepted, one at a time"_s, updateLatency);
    const Run deltaLatency = drive(delta, m_options.samples, 1, id);
    id += m_options.samples;
    report(u"desired → delta, one at a time"_s, deltaLatency);

    std::vector<Run> rawRuns;
    std::vector<Run> updateRuns;
    for (int r = 0; r < m_options.repetitions; ++r) {
        rawRuns.push_back(drive(raw, m_options.updates, m_options.window, id));
        id += m_options.updates;
        report(u"raw, window %1, run %2"_s.arg(m_options.window).arg(r + 1), rawRuns.back());
        updateRuns.push_back(drive(update, m_options.updates, m_options.window, id));
        id += m_options.updates;
        report(u"update → accepted, window %1, run %2"_s.arg(m_options.window).arg(r + 1), updateRuns.back());
    }

    const QString section = markdown(create, rawLatency, updateLatency, deltaLatency, rawRuns, updateRuns);
    std::fprintf(stdout, "%s", qPrintable(section));
    if (!m_options.reportPath.isEmpty()) {
        if (!writeReportSection(m_options.reportPath, u"shadow"_s, section, &error)) {
            progress(error);
            return 1;
        }
        progress(u"wrote the shadow section of "_s + m_options.reportPath);
    }
    if (m_hub->process().state() != QProcess::Running) {
        progress(u"fleet-hub exited during the benchmark: "_s + m_hub->log());
        return 1;
    }
    return ok ? 0 : 1;
}

QString ShadowBenchmark::markdown(const Run &create, const Run &rawLatency, const Run &updateLatency,
                                  const Run &deltaLatency, const std::vector<Run> &rawRuns,
                                  const std::vector<Run> &updateRuns) const
{
    const Run &rawRun = median(rawRuns);
    const Run &updateRun = median(updateRuns);
    const auto rates = [](const std::vector<Run> &runs) {
        QStringList list;
        for (const Run &run : runs)
            list << (run.ok ? grouped(run.rate()) : u"failed"_s);
        return list.join(u" / "_s);
    };
    const auto latencyRow = [&](const QString &what, const Run &run, const Run &reference) {
        const double p50 = run.latency.percentileMs(50), p99 = run.latency.percentileMs(99);
        const double r50 = reference.latency.percentileMs(50), r99 = reference.latency.percentileMs(99);
        return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n"_s.arg(what, run.ok ? u"all"_s : u"failed"_s, ms(p50),
                                                               ms(p99), ms(r99), ratio(p50, r50),
                                                               ratio(p99, r99));
    };

    QString md;
    md += u"<!-- shadow:begin -->\n## Shadows: fleet-hub against the raw broker round trip\n\n"_s;
    md +=
        u"Measured by `bench_shadow` (`./fleet bench`) on %1.\nMachine: %2; the hub's SQLite database on %3.\n\n"_s
            .arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), machineLine(),
                 m_fileSystem.isEmpty() ? u"an unknown file system"_s : m_fileSystem);

    md += u"### Latency, one request at a time, %1 each over %2 things\n\n"_s.arg(grouped(m_options.samples),
                                                                                  grouped(m_options.things));
    md += u"| Path | Completed | p50 ms | p99 ms | raw p99 ms | p50 × raw | p99 × raw |\n"_s
          u"|---|---|---:|---:|---:|---:|---:|\n"_s;
    md += latencyRow(u"raw broker round trip (reference)"_s, rawLatency, rawLatency);
    md += latencyRow(u"update → accepted"_s, updateLatency, rawLatency);
    md += latencyRow(u"desired update → device's delta"_s, deltaLatency, rawLatency);

    const double updateP99 =
        std::max(updateLatency.latency.percentileMs(99), deltaLatency.latency.percentileMs(99));
    md += u"\nTarget (p99 under 5 ms on loopback): **%1** (%2 ms at worst).\n\n"_s.arg(
        updateP99 < 5 && updateLatency.ok && deltaLatency.ok ? u"met"_s : u"not met"_s, ms(updateP99));

    md += u"### Throughput, %1 requests with %2 in flight, median of %3 runs\n\n"_s.arg(
        grouped(m_options.updates), QString::number(m_options.window),
        QString::number(m_options.repetitions));
    md +=
        u"| Path | per s | × raw | p50 ms | p99 ms | hub CPU µs/update | broker CPU µs/request | per s of each run |\n"_s
        u"|---|---:|---:|---:|---:|---:|---:|---|\n"_s;
    const auto cpuPerRequest = [](double seconds, const Run &run) {
        return seconds >= 0 && run.completed > 0 ? QString::number(seconds * 1e6 / run.completed, 'f', 1)
                                                 : u"–"_s;
    };
    md += u"| raw broker round trip (reference) | %1 | 1.00 | %2 | %3 | – | %4 | %5 |\n"_s.arg(
        grouped(rawRun.rate()), ms(rawRun.latency.percentileMs(50)), ms(rawRun.latency.percentileMs(99)),
        cpuPerRequest(rawRun.brokerCpuSeconds, rawRun), rates(rawRuns));
    md += u"| update → accepted | %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n"_s.arg(
        grouped(updateRun.rate()), ratio(updateRun.rate(), rawRun.rate()),
        ms(updateRun.latency.percentileMs(50)), ms(updateRun.latency.percentileMs(99)),
        cpuPerRequest(updateRun.hubCpuSeconds, updateRun),
        cpuPerRequest(updateRun.brokerCpuSeconds, updateRun), rates(updateRuns));
    md += u"\nTarget (10,000 accepted updates/s on one hub): **%1** (%2/s).\n\n"_s.arg(
        updateRun.ok && updateRun.rate() >= 10000 ? u"met"_s : u"not met"_s, grouped(updateRun.rate()));
    if (updateRun.rate() > 0)
        md +=
            u"Latency under load is mostly waiting in line: %1 requests in flight at %2/s spend %3 ms in the "_s
            u"system on average (Little's law), against the one-at-a-time p50 above.\n\n"_s.arg(
                QString::number(m_options.window), grouped(updateRun.rate()),
                ms(1000.0 * m_options.window / updateRun.rate()));
    md += u"Creating the %1 shadows first (the same window): %2/s.\n\n"_s.arg(grouped(m_options.things),
                                                                              grouped(create.rate()));

    md +=
        u"Method: one mosquitto on 127.0.0.1 (log_type subscribe only) and one `fleet-hub` process on a fresh "_s
        u"database, with its default settings (SQLite WAL, synchronous=FULL: every accepted update is on "_s
        u"disk before `accepted` is published). Two fleet::MqttClient connections (MQTT 5) in the driver "_s
        u"process: an operator that publishes every request at QoS 1 and is subscribed to "_s
        u"`update/accepted` and `update/rejected`, and a device subscribed to `update/delta` and to the "_s
        u"raw topics. Every request is the same kind of document, "_s
        u"`{\"state\":{\"reported\":{\"temperature\":21.5,\"seq\":N}},\"clientToken\":\"uN\"}`, spread "_s
        u"round-robin over the things; the raw reference publishes it to `bench/raw/THING` and times it "_s
        u"until the device receives it (one trip through the broker), the shadow paths time it until "_s
        u"the operator receives `accepted` or the device receives `delta` (request to the hub, reply "_s
        u"back: two trips through the broker). Latency runs send the next request when the previous one "_s
        u"completed; throughput runs keep the window full. Completions are matched by clientToken (or "_s
        u"the desired setpoint for deltas), and every one is parsed as JSON on both paths. CPU time is "_s
        u"from /proc/PID/stat of the hub and the broker over each run. The broker runs with "_s
        u"`set_tcp_nodelay true`: with mosquitto's default (Nagle's algorithm on) a reply written right "_s
        u"after a PUBACK waits for the client's delayed ACK, and one-at-a-time updates took 44 ms each "_s
        u"(p50, measured while writing this benchmark).\n"_s;
    md += u"<!-- shadow:end -->\n"_s;
    return md;
}

} // namespace fleet::bench
