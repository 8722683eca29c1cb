#include "shadowscalingbenchmark.h"

#include "benchsupport.h"
#include "brokerobserver.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "postgresserver.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto StallTimeout = 15s;

void progress(const QString &line)
{
    std::fprintf(stderr, "[shadow-scaling] %s\n", qUtf8Printable(line));
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString perUpdate(double seconds, int completed)
{
    return completed > 0 && seconds > 0 ? QString::number(seconds * 1e6 / completed, 'f', 1) : u"–"_s;
}

// The number in a clientToken "uN", or -1.
int tokenNumber(const QByteArray &payload)
{
    const nlohmann::json body = nlohmann::json::parse(payload.cbegin(), payload.cend(), nullptr, false);
    if (!body.is_object())
        return -1;
    const auto it = body.find("clientToken");
    if (it == body.end() || !it->is_string())
        return -1;
    return requestNumber(it->get_ref<const std::string &>());
}

} // namespace

QString ShadowScalingBenchmark::Setup::name() const
{
    return u"%1 hub%2, %3"_s.arg(hubs).arg(hubs > 1 ? u"s"_s : QString(),
                                           postgres ? u"PostgreSQL"_s : u"SQLite"_s);
}

ShadowScalingBenchmark::ShadowScalingBenchmark(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

ShadowScalingBenchmark::~ShadowScalingBenchmark()
{
    stop();
}

bool ShadowScalingBenchmark::start(const Setup &setup, QString *error)
{
    QString database;
    static QTemporaryDir files(QDir::tempPath() + u"/fleet-bench-scaling-XXXXXX"_s);
    if (setup.postgres) {
        if (!m_postgres) {
            m_postgres = std::make_unique<test::PostgresServer>();
            if (!m_postgres->start()) {
                *error = u"PostgreSQL: "_s + m_postgres->errorString();
                return false;
            }
        }
        database = m_postgres->createDatabase(u"bench_%1"_s.arg(++m_databases));
        if (database.isEmpty()) {
            *error = u"PostgreSQL: "_s + m_postgres->errorString();
            return false;
        }
    } else {
        database = files.filePath(u"shadows-%1.db"_s.arg(++m_databases));
    }
    for (int i = 0; i < setup.hubs; ++i) {
        Lane lane;
        test::MosquittoBroker::Options options;
        options.logTypes = {u"subscribe"_s};
        options.extraConfigLines = {u"set_tcp_nodelay true"_s};
        lane.broker = std::make_unique<test::MosquittoBroker>(options);
        if (!lane.broker->start()) {
            *error = u"mosquitto: "_s + lane.broker->errorString();
            return false;
        }
        lane.hub = std::make_unique<test::HubProcess>();
        QStringList extra = {u"--client-id"_s, u"bench-hub-%1"_s.arg(i + 1)};
        if (i > 0)
            extra << u"--shadows-only"_s; // the layout of docs/scaling.md
        if (!lane.hub->startServing(lane.broker->url(), database, extra)) {
            *error = u"fleet-hub did not start serving: "_s + lane.hub->log();
            return false;
        }
        lane.client = new MqttClient(this);
        lane.client->setProfile(test::profileFor(*lane.broker));
        // Room for the window, and for the queue the steady run builds when the hub falls behind.
        lane.client->setMaxInFlight(std::max(m_options.window + 16, 2000));
        QEventLoop loop;
        int granted = 0;
        connect(lane.client, &MqttClient::connected, &loop, [&] {
            for (const QString &filter : {u"$aws/things/+/shadow/update/accepted"_s,
                                          u"$aws/things/+/shadow/update/rejected"_s, u"bench/raw/+"_s})
                lane.client->subscribe(filter, 1);
        });
        connect(lane.client, &MqttClient::subscribed, &loop, [&] {
            if (++granted == 3)
                loop.quit();
        });
        QTimer::singleShot(10s, &loop, &QEventLoop::quit);
        lane.client->connectToBroker();
        loop.exec();
        disconnect(lane.client, nullptr, &loop, nullptr);
        if (granted != 3) {
            *error = u"the driving client did not connect and subscribe"_s;
            return false;
        }
        m_lanes.push_back(std::move(lane));
    }
    return true;
}

void ShadowScalingBenchmark::stop()
{
    for (Lane &lane : m_lanes) {
        delete lane.client;
        lane.hub.reset(); // before its broker: it must not spend its end reconnecting
        lane.broker.reset();
    }
    m_lanes.clear();
}

double ShadowScalingBenchmark::databaseCpuSeconds() const
{
    // The postmaster and its backends, which are its children.
    if (!m_postgres || m_postgres->pid() <= 0)
        return 0;
    const qint64 postmaster = m_postgres->pid();
    double total = std::max(0.0, processCpuSeconds(postmaster));
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // Field 4 (ppid) follows the command in parentheses, which may itself hold spaces.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == postmaster)
            total += std::max(0.0, processCpuSeconds(pid.toLongLong()));
    }
    return total;
}

ShadowScalingBenchmark::Result ShadowScalingBenchmark::drive(Kind kind, int total, int firstId, int pacedRate)
{
    Result result;
    result.latency.reserve(std::size_t(total));
    const int lanes = int(m_lanes.size());
    std::vector<Clock::time_point> sent(static_cast<std::size_t>(total));
    std::vector<bool> done(std::size_t(total), false);
    std::vector<int> next(std::size_t(lanes), 0);        // requests sent, per lane
    std::vector<int> outstanding(std::size_t(lanes), 0); // in flight, per lane
    // Request n of lane l is number l + lanes * n: the lanes split the requests evenly.
    const auto perLane = [&](int lane) { return (total - lane + lanes - 1) / lanes; };
    const auto payload = [](int id) {
        return QByteArray(R"({"state":{"reported":{"temperature":21.5,"seq":)") + QByteArray::number(id) +
               R"(}},"clientToken":"u)" + QByteArray::number(id) + "\"}";
    };
    Clock::time_point lastProgress = Clock::now();
    const Clock::time_point start = Clock::now();
    QEventLoop loop;

    const auto sendFrom = [&](int lane, int allowed) {
        MqttClient *client = m_lanes[std::size_t(lane)].client;
        while (next[std::size_t(lane)] < std::min(allowed, perLane(lane)) && result.error.isEmpty()) {
            const int n = lane + lanes * next[std::size_t(lane)];
            const int id = firstId + n;
            const QString thing = u"scale-%1-%2"_s.arg(lane).arg(n / lanes % m_options.things);
            const QString topic =
                kind == Kind::Raw ? u"bench/raw/"_s + thing : u"$aws/things/%1/shadow/update"_s.arg(thing);
            sent[std::size_t(n)] = Clock::now();
            if (client->publish(MqttMessage(topic, payload(id), 1, false)) < 0) {
                if (client->error() == MqttClient::Error::InFlightWindowFull)
                    return; // readyToPublish() calls again
                result.error = u"publish refused: "_s + client->errorString();
                loop.quit();
                return;
            }
            ++next[std::size_t(lane)];
            ++outstanding[std::size_t(lane)];
        }
    };
    const auto pump = [&](int lane) {
        if (pacedRate > 0) {
            const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
            sendFrom(lane, int(elapsed * pacedRate / lanes) + 1);
        } else {
            sendFrom(lane, next[std::size_t(lane)] + m_options.window - outstanding[std::size_t(lane)]);
        }
    };
    std::vector<QMetaObject::Connection> connections;
    for (int lane = 0; lane < lanes; ++lane) {
        MqttClient *client = m_lanes[std::size_t(lane)].client;
        connections.push_back(
            connect(client, &MqttClient::messageReceived, &loop, [&, lane](const MqttMessage &m) {
                const bool completion = kind == Kind::Raw ? m.topic().startsWith(u"bench/raw/"_s)
                                                          : m.topic().endsWith(u"/update/accepted"_s);
                if (!completion) {
                    if (kind == Kind::Update && m.topic().endsWith(u"/update/rejected"_s)) {
                        result.error = u"rejected: "_s + QString::fromUtf8(m.payload());
                        loop.quit();
                    }
                    return;
                }
                const int n = tokenNumber(m.payload()) - firstId;
                if (n < 0 || n >= total || done[std::size_t(n)])
                    return; // another run's straggler, or a QoS 1 duplicate
                const Clock::time_point now = Clock::now();
                done[std::size_t(n)] = true;
                result.latency.add(now - sent[std::size_t(n)]);
                lastProgress = now;
                --outstanding[std::size_t(n % lanes)];
                if (++result.completed == total)
                    loop.quit();
                else if (pacedRate == 0)
                    pump(lane);
            }));
        connections.push_back(connect(client, &MqttClient::readyToPublish, &loop, [&, lane] { pump(lane); }));
    }
    QTimer pacer;
    if (pacedRate > 0) {
        pacer.setTimerType(Qt::PreciseTimer);
        connect(&pacer, &QTimer::timeout, &loop, [&] {
            for (int lane = 0; lane < lanes; ++lane)
                pump(lane);
        });
        pacer.start(1);
    }
    QTimer watchdog;
    connect(&watchdog, &QTimer::timeout, &loop, [&] {
        if (Clock::now() - lastProgress > StallTimeout) {
            result.error = u"stalled: %1 of %2 completed"_s.arg(result.completed).arg(total);
            loop.quit();
        }
    });
    watchdog.start(500);

    std::vector<double> hubBefore, brokerBefore;
    for (const Lane &lane : m_lanes) {
        hubBefore.push_back(processCpuSeconds(lane.hub->process().processId()));
        brokerBefore.push_back(processCpuSeconds(lane.broker->pid()));
    }
    const double databaseBefore = databaseCpuSeconds();
    QTimer::singleShot(0, &loop, [&] {
        for (int lane = 0; lane < lanes; ++lane)
            pump(lane);
    });
    loop.exec();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        result.hubCpuSeconds += processCpuSeconds(m_lanes[i].hub->process().processId()) - hubBefore[i];
        result.brokerCpuSeconds += processCpuSeconds(m_lanes[i].broker->pid()) - brokerBefore[i];
    }
    result.databaseCpuSeconds = databaseCpuSeconds() - databaseBefore;
    for (const auto &connection : connections)
        disconnect(connection);
    result.ok = result.error.isEmpty() && result.completed == total;
    // Let stragglers drain before the next run starts its clock.
    QEventLoop settle;
    QTimer::singleShot(300ms, &settle, &QEventLoop::quit);
    settle.exec();
    return result;
}

int ShadowScalingBenchmark::run()
{
    const std::vector<Setup> setups = {{1, false}, {1, true}, {2, false}, {2, true}};
    std::vector<Row> rows;
    bool ok = true;
    int id = 0;
    for (const Setup &setup : setups) {
        QString error;
        if (!start(setup, &error)) {
            progress(setup.name() + u": "_s + error);
            stop();
            return 1;
        }
        Row row;
        row.setup = setup;
        const int things = m_options.things * setup.hubs;
        const auto report = [&](const QString &what, const Result &r) {
            ok = ok && r.ok;
            progress(u"%1, %2: %3 in %4 s = %5/s, p50 %6 ms, p99 %7 ms%8"_s.arg(setup.name(), what)
                         .arg(r.completed)
                         .arg(r.seconds, 0, 'f', 2)
                         .arg(grouped(r.rate()))
                         .arg(ms(r.latency.percentileMs(50)), ms(r.latency.percentileMs(99)),
                              r.ok ? QString() : u" FAILED: "_s + r.error));
        };
        report(u"creating %1 shadows"_s.arg(things), drive(Kind::Update, things, id, 0));
        id += things;
        row.raw = drive(Kind::Raw, m_options.updates, id, 0);
        id += m_options.updates;
        report(u"raw round trip"_s, row.raw);
        row.update = drive(Kind::Update, m_options.updates, id, 0);
        id += m_options.updates;
        report(u"update → accepted"_s, row.update);
        const int paced = m_options.pacedRate * m_options.pacedSeconds;
        row.paced = drive(Kind::Update, paced, id, m_options.pacedRate);
        id += paced;
        report(u"update → accepted at %1/s"_s.arg(grouped(m_options.pacedRate)), row.paced);
        // Below the knee as well: latency where the hubs are not saturated.
        row.halfRate = std::max(100, int(row.update.rate() / 2 / 100) * 100);
        const int half = row.halfRate * m_options.pacedSeconds;
        row.pacedHalf = drive(Kind::Update, half, id, row.halfRate);
        id += half;
        report(u"update → accepted at %1/s"_s.arg(grouped(row.halfRate)), row.pacedHalf);
        rows.push_back(std::move(row));
        stop();
    }
    const QString section = markdown(rows);
    std::fprintf(stdout, "%s", qPrintable(section));
    if (!m_options.reportPath.isEmpty()) {
        QString error;
        if (!writeReportSection(m_options.reportPath, u"shadow-scaling"_s, section, &error)) {
            progress(error);
            return 1;
        }
        progress(u"wrote the shadow-scaling section of "_s + m_options.reportPath);
    }
    return ok ? 0 : 1;
}

QString ShadowScalingBenchmark::markdown(const std::vector<Row> &rows) const
{
    QString md;
    md += u"<!-- shadow-scaling:begin -->\n## Shadows: SQLite or PostgreSQL, one hub or two\n\n"_s;
    md += u"Measured by `bench_shadow --scaling` (`./fleet bench`) on %1.\nMachine: %2; PostgreSQL %3.\n\n"_s
              .arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), machineLine(),
                   commandOutput(u"/usr/lib/postgresql/15/bin/postgres"_s, {u"--version"_s})
                       .section(u' ', -1)
                       .trimmed());
    md += u"### Throughput, %1 updates with %2 in flight per broker\n\n"_s.arg(grouped(m_options.updates))
              .arg(m_options.window);
    md +=
        u"| Setup | raw round trip per s | updates per s | × raw | p50 ms | p99 ms | hub CPU µs/update | "
        "PostgreSQL CPU µs/update | broker CPU µs/update |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    for (const Row &row : rows) {
        const Result &u = row.update;
        md += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n"_s.arg(
            row.setup.name(), row.raw.ok ? grouped(row.raw.rate()) : u"failed"_s,
            u.ok ? grouped(u.rate()) : u"failed"_s,
            row.raw.rate() > 0 ? QString::number(u.rate() / row.raw.rate(), 'f', 2) : u"–"_s,
            ms(u.latency.percentileMs(50)), ms(u.latency.percentileMs(99)),
            perUpdate(u.hubCpuSeconds, u.completed),
            row.setup.postgres ? perUpdate(u.databaseCpuSeconds, u.completed) : u"–"_s,
            perUpdate(u.brokerCpuSeconds, u.completed));
    }
    md +=
        u"\n### Latency at a steady rate for %1 s: %2 updates/s, and half of what the setup sustained above\n\n"_s
            .arg(m_options.pacedSeconds)
            .arg(grouped(m_options.pacedRate));
    md +=
        u"| Setup | offered per s | completed | p50 ms | p99 ms | p99 under 5 ms |\n|---|---:|---:|---:|---:|---|\n"_s;
    for (const Row &row : rows) {
        for (const auto &[rate, p] : {std::pair<int, const Result *>{m_options.pacedRate, &row.paced},
                                      std::pair<int, const Result *>{row.halfRate, &row.pacedHalf}}) {
            md += u"| %1 | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(
                row.setup.name(), grouped(rate),
                p->ok ? u"all"_s
                      : u"%1 of %2"_s.arg(grouped(p->completed), grouped(rate * m_options.pacedSeconds)),
                ms(p->latency.percentileMs(50)), ms(p->latency.percentileMs(99)),
                p->ok && p->latency.percentileMs(99) < 5 ? u"yes"_s : u"no"_s);
        }
    }
    md += u"\nAbove what a setup sustains, requests wait in mosquitto's queue for the hub, and beyond its "
          "`max_queued_messages` (1,000 by default) the broker drops them: those rows show how many were "
          "answered before the run stalled.\n"_s;
    md += u"\nMethod: per setup, N lanes of one private mosquitto (`set_tcp_nodelay true`), one `fleet-hub` "
          "on it and one driving fleet::MqttClient on it, every hub on one database: a fresh SQLite file "
          "(WAL, synchronous=FULL), or a fresh database on a private PostgreSQL 15 (fsync on, "
          "synchronous_commit on, otherwise its defaults). Two hubs mean two brokers: mosquitto 2.0 never "
          "routes $aws topics to shared subscriptions, so each hub serves the broker it is on "
          "(docs/scaling.md). Each lane's client updates %1 things of its own with "
          "`{\"state\":{\"reported\":{\"temperature\":21.5,\"seq\":N}},\"clientToken\":\"uN\"}` at QoS 1 "
          "and times each until its `accepted`; the raw reference publishes the same document to "
          "`bench/raw/THING` on the same brokers, received by the same client (one trip through a broker). "
          "The steady runs offer their rate whatever comes back. CPU is user + system from /proc over the "
          "throughput run: every hub, every broker, the postmaster and all its backends. Everything, the "
          "driver included, shares this machine's CPUs.\n"_s.arg(grouped(m_options.things));
    md += u"<!-- shadow-scaling:end -->\n"_s;
    return md;
}

} // namespace fleet::bench
