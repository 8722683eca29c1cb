#include "fanoutbenchmark.h"

#include "benchsupport.h"
#include "commands/commandcatalog.h"
#include "eventwait.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "rawfanout.h"
#include "simfleetprocess.h"
#include "trackerfanout.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

// A variant that has not finished by then is reported as it stands: 45 s is past set_led's three attempts
// of 10 s with their backoff, so a tracker that stalls has already given its Unreachable verdicts.
constexpr auto VariantCap = 45s;
// Not worth starting with less time left than this.
constexpr auto VariantMinimum = 3s;
// Between variants, so that the previous one's stragglers (late replies, the devices' shadow reports) are
// through the broker before the next clock starts.
constexpr auto Settle = 500ms;

// The rows measured with fleet-hub on the broker.
constexpr QLatin1StringView HubRunningRow{"CommandTracker, fleet-hub running"};
constexpr QLatin1StringView GateRow{"CommandTracker through fleet-hub's gate"};
constexpr QLatin1StringView AwsRow{"AWS IoT commands, CommandTracker through fleet-hub"};
// Issue 14: "bench_fanout gains an AWS Commands row: 10,000 things, 0 lost, reported against the Atlas row."
constexpr int IssueThings = 10000;
// The AWS IoT commands' warm-up goes to at most this many things.
constexpr int AwsWarmUpThings = 1000;

void progress(const QString &line)
{
    std::fprintf(stderr, "[fanout] %s\n", qPrintable(line));
}

QString fixed(double value, int decimals)
{
    return value < 0 ? u"–"_s : QString::number(value, 'f', decimals);
}

QString ratio(double value, double reference)
{
    return value > 0 && reference > 0 ? QString::number(value / reference, 'f', 2) + u" ×"_s : u"–"_s;
}

// The figures every line and row share.
QString describe(const FanoutResult &r)
{
    if (!r.ran)
        return u"%1: not measured (%2)"_s.arg(r.name, r.error);
    QString line = u"%1: %2 of %3 %4 in %5"_s.arg(
        r.name, grouped(r.completed), grouped(r.devices), r.tracked ? u"verdicts"_s : u"replies"_s,
        r.seconds >= 0 ? fixed(r.seconds, 3) + u" s"_s
                       : u"(incomplete after %1 s)"_s.arg(fixed(r.waitedSeconds, 1)));
    if (r.tracked)
        line += u" (send call %1 s)"_s.arg(fixed(r.sendSeconds, 3));
    line += u"; latency p50 %1 / p99 %2 / max %3 ms; succeeded %4, failed %5"_s.arg(
        fixed(r.latency.percentileMs(50), 1), fixed(r.latency.percentileMs(99), 1),
        fixed(r.latency.percentileMs(100), 1), grouped(r.succeeded), grouped(r.failed));
    if (r.tracked)
        line += u", timed out %1, unreachable %2"_s.arg(grouped(r.timedOut), grouped(r.unreachable));
    if (r.retried > 0)
        line += u", retried %1 (%2 duplicate replies)"_s.arg(grouped(r.retried), grouped(r.duplicateReplies));
    if (r.gate)
        line +=
            u", the gate's answers (it answers only what it does not relay): relayed %1, refused %2, other %3"_s
                .arg(grouped(r.gateRelayed), grouped(r.gateRefused), grouped(r.gateOtherResults));
    if (r.aws)
        line += u", fleet-hub's answers to the starts: created %1, refused %2"_s.arg(grouped(r.awsCreated),
                                                                                     grouped(r.awsRefused));
    line += u", lost %1%2, wrong %3; CPU s: driver %4, broker %5, sim %6; window full %7 times"_s.arg(
        grouped(r.lost), r.lostStates.isEmpty() ? QString() : u" ("_s + r.lostStates + u")"_s,
        grouped(r.wrong), fixed(r.driverCpuSeconds, 2), fixed(r.brokerCpuSeconds, 2),
        fixed(r.simCpuSeconds, 2), grouped(r.windowFull));
    if (r.hub)
        line += u"; fleet-hub CPU %1 s"_s.arg(fixed(r.hubCpuSeconds, 2));
    if (!r.error.isEmpty())
        line += u"; error: "_s + r.error;
    for (const QString &problem : r.problems)
        line += u"\n    "_s + problem;
    return line;
}

// Devices done per second until the last was: replies (bare) or verdicts (tracker), executions per second
// for a tracker; "–" when not every one was done in time.
QString perSecond(const FanoutResult &r)
{
    return r.seconds > 0 ? grouped(r.completed / r.seconds) : u"–"_s;
}

bool isRight(const FanoutResult &r)
{
    return r.ran && r.error.isEmpty() && r.seconds >= 0 && r.lost == 0 && r.wrong == 0 &&
           r.succeeded == r.devices && r.gateRefused == 0 && r.gateOtherResults == 0 && r.awsRefused == 0;
}

FanoutResult notMeasured(const QString &name, int devices, const QString &error)
{
    FanoutResult result;
    result.name = name;
    result.tracked = true;
    result.devices = devices;
    result.error = error;
    return result;
}

// The tracked row sent to every device one by one, without a ledger, with or without fleet-hub on the
// broker, through its gate or as AWS IoT commands.
const FanoutResult *findResult(const std::vector<FanoutResult> &results, bool hub, bool gate,
                               bool aws = false)
{
    for (const FanoutResult &r : results) {
        if (r.tracked && !r.group && !r.ledger && r.hub == hub && r.gate == gate && r.aws == aws)
            return &r;
    }
    return nullptr;
}

// The rows sql reads from one of fleet-hub's databases (each column as text), once the hub has stopped;
// nullopt with error set when the file cannot be read. what names the database in the error.
std::optional<QList<QStringList>> hubRows(const QString &path, const QString &sql, const QString &what,
                                          QString *error)
{
    const QString connection = u"bench-fanout-hub-rows"_s;
    std::optional<QList<QStringList>> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QSqlQuery query(db);
        if (db.open() && query.exec(sql)) {
            rows.emplace();
            while (query.next()) {
                QStringList row;
                for (int column = 0; column < query.record().count(); ++column)
                    row << query.value(column).toString();
                rows->append(row);
            }
        } else {
            *error = u"cannot read the %1 database %2"_s.arg(what, path);
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

// "relayed 4, refused 1" from rows of (value, count); each count in counts when given.
QString countsText(const QList<QStringList> &rows, QHash<QString, int> *counts = nullptr)
{
    QStringList parts;
    for (const QStringList &row : rows) {
        if (row.size() < 2)
            continue;
        if (counts)
            counts->insert(row.at(0), row.at(1).toInt());
        parts << u"%1 %2"_s.arg(row.at(0), grouped(row.at(1).toDouble()));
    }
    return parts.isEmpty() ? u"no rows"_s : parts.join(u", "_s);
}

} // namespace

FanoutResult FanoutBenchmark::median(const std::vector<FanoutResult> &runs, SizeRun *sizeRun)
{
    // An incomplete run counts as the slowest.
    const auto key = [](const FanoutResult &r) {
        return r.seconds >= 0 ? r.seconds : std::numeric_limits<double>::infinity();
    };
    std::vector<std::size_t> order(runs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(runs[a]) < key(runs[b]); });
    const std::size_t chosen = order[order.size() / 2];
    FanoutResult result = runs[chosen];
    QStringList times;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const FanoutResult &r = runs[i];
        times << (r.seconds >= 0 ? fixed(r.seconds, 3) : u"incomplete"_s);
        sizeRun->allRight = sizeRun->allRight && isRight(r);
        // A median must not hide a bad run.
        if (i != chosen && !isRight(r))
            sizeRun->notes << u"Run %1 of %2 (not the median): "_s.arg(i + 1).arg(r.name) + describe(r);
    }
    result.runSeconds = times.join(u" / "_s);
    return result;
}

FanoutBenchmark::FanoutBenchmark(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

FanoutBenchmark::~FanoutBenchmark()
{
    if (!m_tempDir.isEmpty())
        QDir(m_tempDir).removeRecursively();
}

FanoutBenchmark::SizeRun FanoutBenchmark::measure(int devices)
{
    SizeRun run;
    run.devices = devices;
    const SteadyClock::time_point deadline =
        SteadyClock::now() + std::chrono::seconds(m_options.deadlineSeconds);

    test::MosquittoBroker::Options brokerOptions;
    // No per-message logging: at 10,000 devices it would be the broker's main work.
    brokerOptions.logTypes = {};
    brokerOptions.extraConfigLines = {
        // Without it each reply may wait for a delayed ACK (40 ms) behind the PUBACK written before it.
        u"set_tcp_nodelay true"_s,
        u"max_connections -1"_s,
        // The console's client subscribes to every device's replies at QoS 1, and they all come at once. With
        // mosquitto's default of 1,000 queued messages per client the rest of a 10,000-device burst would
        // be dropped by the broker (that is what happens to a real console on a default mosquitto), and the
        // tracker would be measured on retries. max_inflight_messages keeps its default of 20: the broker
        // then delivers the burst to the client 20 unacknowledged at a time, as it would in production.
        u"max_queued_messages 0"_s,
    };
    test::MosquittoBroker broker(brokerOptions);
    if (!broker.start()) {
        run.error = u"mosquitto: "_s + broker.errorString();
        return run;
    }

    const QString prefix = u"fan%1"_s.arg(devices);
    SimFleetProcess sim(broker.url(), devices, prefix,
                        QDir(m_tempDir).filePath(u"fleet-sim-%1.log"_s.arg(devices)));
    QString error;
    if (!sim.start(std::min(deadline, SteadyClock::now() + 60s + std::chrono::milliseconds(devices * 5)),
                   &error)) {
        run.error = error;
        const QString log = sim.logTail();
        progress(
            u"%1 devices: %2%3"_s.arg(grouped(devices), error, log.isEmpty() ? QString() : u"\n"_s + log));
        return run;
    }
    run.secondsToOnline = sim.secondsToOnline();
    progress(u"%1 devices: fleet-sim (pid %2) all online after %3 s on mosquitto %4 (pid %5)"_s
                 .arg(grouped(devices))
                 .arg(sim.pid())
                 .arg(fixed(run.secondsToOnline, 2), broker.url())
                 .arg(broker.pid()));

    RawFanout raw(broker.url(), m_options.maxInFlight);
    TrackerFanout tracker(broker.url(), m_options.maxInFlight);
    raw.setWatchedProcesses(broker.pid(), sim.pid());
    tracker.setWatchedProcesses(broker.pid(), sim.pid());
    const QStringList &ids = sim.deviceIds();

    // Each variant runs only with enough time left, and stops at its cap or the size's deadline.
    const auto variant = [&](const QString &name, bool tracked, auto measureIt) {
        waitUntil([] { return false; }, SteadyClock::now() + Settle);
        FanoutResult result;
        const SteadyClock::time_point now = SteadyClock::now();
        if (deadline - now < VariantMinimum) {
            result.name = name;
            result.tracked = tracked;
            result.devices = devices;
            result.error = u"no time left before the deadline"_s;
        } else {
            result = measureIt(std::min(deadline, now + VariantCap));
        }
        progress(u"%1 devices, "_s.arg(grouped(devices)) + describe(result));
        return result;
    };

    // Unreported: the first burst pays for the broker's and the devices' first allocations.
    const FanoutResult warmUp = variant(u"warm-up (bare client)"_s, false, [&](SteadyClock::time_point d) {
        return raw.runDevices(u"warm-up"_s, ids, u"white"_s, d);
    });
    if (!isRight(warmUp))
        run.notes << u"The warm-up did not complete: "_s + describe(warmUp);

    // The pairs alternate which goes first, so that neither always meets the broker fresher; each kind's
    // median run is reported.
    std::vector<FanoutResult> bare, tracked, bareGroup, trackedGroup;
    for (int repetition = 0; repetition < m_options.repetitions; ++repetition) {
        const auto bareRun = [&] {
            bare.push_back(variant(u"bare MqttClient"_s, false, [&](SteadyClock::time_point d) {
                return raw.runDevices(u"bare MqttClient"_s, ids, u"red"_s, d);
            }));
        };
        const auto trackedRun = [&] {
            tracked.push_back(variant(u"CommandTracker"_s, true, [&](SteadyClock::time_point d) {
                return tracker.runDevices(u"CommandTracker"_s, ids, u"green"_s, {}, d);
            }));
        };
        const auto bareGroupRun = [&] {
            bareGroup.push_back(variant(u"bare MqttClient, group"_s, false, [&](SteadyClock::time_point d) {
                return raw.runGroup(u"bare MqttClient, group"_s, sim.group(), ids, u"yellow"_s, d);
            }));
        };
        const auto trackedGroupRun = [&] {
            trackedGroup.push_back(variant(u"CommandTracker, group"_s, true, [&](SteadyClock::time_point d) {
                return tracker.runGroup(u"CommandTracker, group"_s, sim.group(), ids, u"cyan"_s, d);
            }));
        };
        const auto pair = [&](const auto &bareOne, const auto &trackedOne) {
            if (repetition % 2 == 0) {
                bareOne();
                trackedOne();
            } else {
                trackedOne();
                bareOne();
            }
        };
        pair(bareRun, trackedRun);
        if (m_options.group)
            pair(bareGroupRun, trackedGroupRun);
    }
    for (std::vector<FanoutResult> *runs : {&bare, &tracked, &bareGroup, &trackedGroup}) {
        if (!runs->empty())
            run.results.push_back(median(*runs, &run));
    }
    if (m_options.gate || m_options.aws) {
        // fleet-hub for these runs alone: on the broker it also takes every device's reply (it listens on
        // the catalog's response topics) and stores the shadow report each device sends after set_led, work
        // that the rows above and the ledger's run below are measured without.
        const QString hubDb = QDir(m_tempDir).filePath(u"hub-%1.db"_s.arg(devices));
        const QString commandsDb = hubDb + u"-commands"_s;
        test::HubProcess hub;
        QString hubError;
        if (!hub.startServing(broker.url(), hubDb, {u"--commands-db"_s, commandsDb}, 30000))
            hubError = u"fleet-hub did not start serving: "_s + hub.log().right(500).trimmed();
        else // the AWS IoT commands service subscribes before the hub connects too, as the gate does
            waitForGate(broker.url(), prefix + u"-gate-watcher"_s,
                        std::min(deadline, SteadyClock::now() + 30s), &hubError);
        if (!hubError.isEmpty()) {
            progress(u"%1 devices: %2"_s.arg(grouped(devices), hubError));
            if (m_options.gate)
                run.results.push_back(notMeasured(GateRow, devices, hubError));
            if (m_options.aws) {
                FanoutResult missing = notMeasured(AwsRow, devices, hubError);
                missing.hub = true;
                missing.aws = true;
                run.results.push_back(missing);
            }
            run.allRight = false;
        } else {
            const qint64 hubPid = hub.process().processId();
            progress(u"%1 devices: fleet-hub (pid %2) serving, its gate and AWS IoT commands on, databases "_s
                     u"%3 (-gate, -commands)"_s.arg(grouped(devices))
                         .arg(hubPid)
                         .arg(hubDb));
            tracker.setHubProcess(hubPid);
            const QString &user = m_options.user;
            // Unreported, as above: the hub's first batches pay for its first allocations and pages.
            if (m_options.gate) {
                const FanoutResult gateWarmUp =
                    variant(u"warm-up (through the gate)"_s, true, [&](SteadyClock::time_point d) {
                        return tracker.runThroughGate(u"warm-up (through the gate)"_s, ids, u"white"_s, user,
                                                      d);
                    });
                run.gateRequests += gateWarmUp.requests;
                if (!isRight(gateWarmUp))
                    run.notes << u"The warm-up through the gate did not complete: "_s + describe(gateWarmUp);
            }
            if (m_options.aws) {
                // To at most AwsWarmUpThings: its database's first pages and the hub's first allocations
                // are what it is for, and at 10,000 things a full one would take the time of a run.
                const QStringList warmUpThings = ids.mid(0, AwsWarmUpThings);
                const FanoutResult awsWarmUp =
                    variant(u"warm-up (AWS IoT commands)"_s, true, [&](SteadyClock::time_point d) {
                        return tracker.runAwsCommands(u"warm-up (AWS IoT commands)"_s, warmUpThings,
                                                      u"warm-up"_s, user, d);
                    });
                run.awsStarts += awsWarmUp.requests;
                if (!isRight(awsWarmUp))
                    run.notes << u"The warm-up of AWS IoT commands did not complete: "_s +
                                     describe(awsWarmUp);
            }
            std::vector<FanoutResult> hubDirect, gated, aws;
            std::vector<std::function<void()>> kinds;
            kinds.push_back([&] {
                hubDirect.push_back(variant(HubRunningRow, true, [&](SteadyClock::time_point d) {
                    return tracker.runDevices(HubRunningRow, ids, u"magenta"_s, {}, d);
                }));
            });
            if (m_options.gate) {
                kinds.push_back([&] {
                    gated.push_back(variant(GateRow, true, [&](SteadyClock::time_point d) {
                        return tracker.runThroughGate(GateRow, ids, u"orange"_s, user, d);
                    }));
                    run.gateRequests += gated.back().requests;
                });
            }
            if (m_options.aws) {
                kinds.push_back([&] {
                    const QString text = u"bench run %1"_s.arg(aws.size() + 1);
                    aws.push_back(variant(AwsRow, true, [&](SteadyClock::time_point d) {
                        return tracker.runAwsCommands(AwsRow, ids, text, user, d);
                    }));
                    run.awsStarts += aws.back().requests;
                });
            }
            // Rotating, so that each kind goes first once in as many repetitions as there are kinds.
            for (int repetition = 0; repetition < m_options.repetitions; ++repetition) {
                for (std::size_t k = 0; k < kinds.size(); ++k)
                    kinds[(std::size_t(repetition) + k) % kinds.size()]();
            }
            for (std::vector<FanoutResult> *runs : {&hubDirect, &gated, &aws}) {
                if (!runs->empty())
                    run.results.push_back(median(*runs, &run));
            }
            tracker.setHubProcess(0);
            if (hub.process().state() != QProcess::Running)
                run.notes << u"fleet-hub exited during the runs: "_s + hub.log().right(500).trimmed();
            else if (!hub.stop(30000))
                run.notes << u"fleet-hub (pid %1) did not exit within 30 s of SIGTERM"_s.arg(hubPid);
            if (m_options.gate)
                run.gateAudit = gateAuditSummary(hubDb + u"-gate"_s, &run.gateAuditRelayed);
            if (m_options.aws)
                run.awsExecutions = awsExecutionSummary(commandsDb);
        }
    }
    if (m_options.ledger) {
        // Last, with the rest of the size's time: every state change is an fsync'd transaction.
        const QString ledgerPath = QDir(m_tempDir).filePath(u"ledger-%1.db"_s.arg(devices));
        run.results.push_back(variant(u"CommandTracker + ledger"_s, true, [&](SteadyClock::time_point) {
            return tracker.runDevices(u"CommandTracker + ledger"_s, ids, u"blue"_s, ledgerPath, deadline);
        }));
        run.allRight = run.allRight && isRight(run.results.back());
        const qint64 bytes = QFile(ledgerPath).size() + QFile(ledgerPath + u"-wal"_s).size();
        run.notes << u"The ledger's file (with its WAL) grew to %1 KB."_s.arg(grouped(bytes / 1024.0));
    }

    if (!sim.stop(&error))
        run.notes << error;
    return run;
}

bool FanoutBenchmark::waitForGate(const QString &brokerUrl, const QString &clientId,
                                  SteadyClock::time_point deadline, QString *error)
{
    // The gate subscribes before its client connects and publishes its info once connected, on the same
    // connection: the broker has its subscriptions before the info.
    const QString infoTopic = u"fleet/gate/info"_s;
    MqttClient watcher;
    bool seen = false;
    QObject::connect(&watcher, &MqttClient::messageReceived, &watcher, [&](const MqttMessage &message) {
        if (message.topic() == infoTopic && !message.payload().isEmpty())
            seen = true;
    });
    if (!connectAndSubscribe(&watcher, brokerUrl, clientId, {infoTopic}, deadline, error))
        return false;
    if (!waitUntil([&] { return seen; }, deadline))
        *error = u"fleet-hub serves shadows, but its gate published no %1"_s.arg(infoTopic);
    watcher.disconnectFromBroker();
    return seen;
}

QString FanoutBenchmark::gateAuditSummary(const QString &path, int *relayedRows)
{
    QString error;
    const std::optional<QList<QStringList>> rows = hubRows(
        path, u"SELECT action, COUNT(*) FROM audit GROUP BY action ORDER BY action"_s, u"gate's"_s, &error);
    if (!rows)
        return error;
    QHash<QString, int> counts;
    const QString summary = countsText(*rows, &counts);
    if (counts.contains(u"relayed"_s))
        *relayedRows = counts.value(u"relayed"_s);
    return summary;
}

QString FanoutBenchmark::awsExecutionSummary(const QString &path)
{
    QString error;
    const std::optional<QList<QStringList>> rows =
        hubRows(path, u"SELECT status, COUNT(*) FROM executions GROUP BY status ORDER BY status"_s,
                u"AWS IoT commands"_s, &error);
    if (!rows)
        return error;
    QString summary = countsText(*rows);
    // How close the slowest came to being timed out by the hub, whose clock starts at its creation there
    // (the tracker's starts go out 100 at a time, so most are created well after the send call).
    const std::optional<QList<QStringList>> longest =
        hubRows(path, u"SELECT MAX(updated_ms - created_ms) FROM executions WHERE finished = 1"_s,
                u"AWS IoT commands"_s, &error);
    const CommandSpec *spec = CommandCatalog::defaultCatalog().find(u"show_message"_s);
    if (longest && !longest->isEmpty() && !longest->constFirst().isEmpty() &&
        !longest->constFirst().constFirst().isEmpty() && spec)
        summary += u"; the longest from its creation at the hub to its verdict: %1 s, of show_message's "_s
                   u"timeout of %2 s"_s.arg(fixed(longest->constFirst().constFirst().toDouble() / 1000, 3))
                       .arg(spec->timeoutMs / 1000);
    return summary;
}

int FanoutBenchmark::run()
{
    QTemporaryDir temporary(QDir::tempPath() + u"/fleet-bench-fanout-XXXXXX"_s);
    temporary.setAutoRemove(false);
    if (!temporary.isValid()) {
        progress(u"cannot create a temporary directory"_s);
        return 1;
    }
    m_tempDir = temporary.path();
    m_fileSystem = QString::fromUtf8(QStorageInfo(m_tempDir).fileSystemType());
    progress(u"fleet-sim %1; scratch files (the ledger's too) in %2 on %3"_s.arg(
        QStringLiteral(FLEET_SIM_EXECUTABLE), m_tempDir, m_fileSystem));

    std::vector<SizeRun> runs;
    bool ok = true;
    for (const int devices : std::as_const(m_options.sizes)) {
        runs.push_back(measure(devices));
        const SizeRun &run = runs.back();
        ok = ok && run.error.isEmpty() && run.allRight;
        for (const QString &note : run.notes)
            progress(u"%1 devices: %2"_s.arg(grouped(devices), note));
    }

    const QString section = markdown(runs);
    std::fprintf(stdout, "%s", qPrintable(section));
    if (!m_options.reportPath.isEmpty()) {
        QString error;
        if (!writeReportSection(m_options.reportPath, u"fanout"_s, section, &error)) {
            progress(error);
            return 1;
        }
        progress(u"wrote the fanout section of "_s + m_options.reportPath);
    }
    return ok ? 0 : 1;
}

QString FanoutBenchmark::awsMarkdown(const std::vector<SizeRun> &runs) const
{
    // Issue 14's comparison: the AWS IoT commands row against the Atlas row of the same size and run, the
    // CommandTracker sending set_led straight to the devices (no hub on the broker); and, to separate the
    // hub's presence from its part in the path, against the same Atlas send with the hub running.
    QStringList lines;
    QString target;
    for (const SizeRun &run : runs) {
        if (!run.error.isEmpty())
            continue;
        const FanoutResult *aws = findResult(run.results, true, false, true);
        if (!aws)
            continue;
        const FanoutResult *atlas = findResult(run.results, false, false);
        const FanoutResult *hubAtlas = findResult(run.results, true, false);
        const QString size = grouped(run.devices) + u" things"_s;
        if (!aws->ran) {
            lines << u"%1: not measured (%2)"_s.arg(size, aws->error);
            target = u"**not measured** at %1"_s.arg(size);
            continue;
        }
        // Lost, as the issue counts it: an execution that did not end with the device's verdict, because
        // fleet-hub timed it out or because no verdict reached the tracker by the end.
        const int lost = aws->lost + aws->timedOut + aws->unreachable;
        const bool atlasDone = atlas && atlas->ran && atlas->seconds >= 0;
        QString line = u"%1: **%2** the Atlas CommandTracker's time (%3 s against %4 s"_s.arg(
            size, atlasDone ? ratio(aws->seconds, atlas->seconds) : u"–"_s,
            aws->seconds >= 0 ? fixed(aws->seconds, 3) : u"incomplete"_s,
            atlasDone ? fixed(atlas->seconds, 3) : u"–"_s);
        if (!aws->runSeconds.isEmpty() && atlas && !atlas->runSeconds.isEmpty())
            line += u"; each run: %1; Atlas: %2"_s.arg(aws->runSeconds, atlas->runSeconds);
        line += u")"_s;
        if (hubAtlas && hubAtlas->ran && hubAtlas->seconds >= 0)
            line += u", %1 the Atlas send with fleet-hub running but not in its path (%2 s)"_s.arg(
                ratio(aws->seconds, hubAtlas->seconds), fixed(hubAtlas->seconds, 3));
        line +=
            u"; succeeded %1 of %2, lost %3 (timed out by fleet-hub %4, without a verdict by the end %5)"_s
                .arg(grouped(aws->succeeded), grouped(aws->devices), grouped(lost), grouped(aws->timedOut),
                     grouped(aws->lost + aws->unreachable));
        if (aws->failed > 0)
            line += u", failed %1"_s.arg(grouped(aws->failed));
        line += u"; %1 executions/s against the Atlas row's %2"_s.arg(perSecond(*aws),
                                                                      atlas ? perSecond(*atlas) : u"–"_s);
        line += u"; latency p50 / p99 %1 / %2 ms against %3 / %4 ms"_s.arg(
            fixed(aws->latency.percentileMs(50), 1), fixed(aws->latency.percentileMs(99), 1),
            atlas ? fixed(atlas->latency.percentileMs(50), 1) : u"–"_s,
            atlas ? fixed(atlas->latency.percentileMs(99), 1) : u"–"_s);
        line += u"; fleet-hub's answers to the starts: created %1, refused %2"_s.arg(
            grouped(aws->awsCreated), grouped(aws->awsRefused));
        if (aws->hubCpuSeconds >= 0 && aws->requests > 0)
            line += u"; fleet-hub CPU %1 s (%2 µs per execution%3)"_s.arg(
                fixed(aws->hubCpuSeconds, 2), fixed(aws->hubCpuSeconds * 1e6 / aws->requests, 0),
                hubAtlas && hubAtlas->hubCpuSeconds >= 0
                    ? u", %1 s during the Atlas send with it running"_s.arg(fixed(hubAtlas->hubCpuSeconds, 2))
                    : QString());
        lines << line;
        if (!run.awsExecutions.isEmpty())
            lines << u"%1: %2 starts (warm-up included); fleet-hub's executions afterwards, by status: %3"_s
                         .arg(size, grouped(run.awsStarts), run.awsExecutions);
        // The issue's target, judged at the largest size measured: its 10,000 things, 0 lost.
        const bool met =
            aws->seconds >= 0 && lost == 0 && aws->succeeded == aws->devices && run.devices >= IssueThings;
        target = u"**%1** at %2 (%3 lost, %4 the Atlas row's time)"_s.arg(
            met ? u"met"_s : u"not met"_s, size, grouped(lost),
            atlasDone ? ratio(aws->seconds, atlas->seconds) : u"–"_s);
        if (run.devices < IssueThings)
            target += u"; the target's %1 things were not measured"_s.arg(grouped(IssueThings));
    }
    if (lines.isEmpty())
        return {};
    QString md =
        u"\nAWS IoT commands against the Atlas row (issue 14; same run, same fleet; time until every thing "_s
        u"is done):\n\n- "_s +
        lines.join(u"\n- "_s) + u"\n"_s;
    md += u"\nTarget (AWS IoT commands: %1 things, 0 lost): %2.\n"_s.arg(grouped(IssueThings), target);
    md +=
        u"\nWhat an AWS IoT command adds: each execution is started by its own message to fleet-hub "_s
        u"(`fleet/aws-commands/start/USER/TID`), which records it (SQLite, WAL, synchronous=FULL, "_s
        u"committed before anything is published), answers on `fleet/aws-commands/results/USER`, announces "_s
        u"CREATED and publishes the request on `$aws/commands/things/THING/executions/ID/request/json`; "_s
        u"the thing's IN_PROGRESS and SUCCEEDED go to the hub, which records each, answers the thing on "_s
        u"`…/response/accepted/json` and announces it on "_s
        u"`$aws/events/commandExecution/show_message/STATUS`, where the tracker takes its verdict. So an "_s
        u"execution is one message from the tracker, two from the thing and seven from the hub (four of "_s
        u"them to the tracker), against the Atlas row's one request and one reply; and the hub writes the "_s
        u"execution three times (what arrives together shares one transaction).\n"_s;
    return md;
}

QString FanoutBenchmark::markdown(const std::vector<SizeRun> &runs) const
{
    QString md;
    md += u"<!-- fanout:begin -->\n## Command fan-out: one command to every device of a fleet\n\n"_s;
    md +=
        u"Measured by `bench_fanout` (`./fleet bench`) on %1.\nMachine: %2; the ledger's and fleet-hub's SQLite files on %3.\n\n"_s
            .arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), machineLine(),
                 m_fileSystem.isEmpty() ? u"an unknown file system"_s : m_fileSystem);

    md += u"| Devices | Sender | Done | All done s | Done per s | × bare | Send call s | p50 ms | p99 ms | "_s
          u"max ms | Succeeded | Failed | Timed out | Unreachable | Lost | Wrong | Driver CPU s | × bare | "_s
          u"Broker CPU s | Sim CPU s |\n"_s
          u"|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"_s
          u"---:|\n"_s;
    QStringList ratios;
    QStringList problems;
    for (const SizeRun &run : runs) {
        if (!run.error.isEmpty()) {
            md += u"| %1 | failed: %2 |||||||||||||||||||\n"_s.arg(grouped(run.devices), run.error);
            continue;
        }
        // Each tracked row is compared with the bare client's row of the same kind (per device or group).
        const FanoutResult *bare = nullptr;
        const FanoutResult *bareGroup = nullptr;
        for (const FanoutResult &r : run.results) {
            if (!r.tracked)
                (r.group ? bareGroup : bare) = &r;
        }
        for (const FanoutResult &r : run.results) {
            const FanoutResult *reference = r.group ? bareGroup : bare;
            const bool compare = r.tracked && reference;
            if (!r.ran) {
                md += u"| %1 | %2 | not measured: %3 ||||||||||||||||||\n"_s.arg(grouped(run.devices), r.name,
                                                                                 r.error);
                continue;
            }
            md +=
                u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 | %13 | %14 | %15 | %16 | "_s
                u"%17 | %18 | %19 | %20 |\n"_s
                    .arg(grouped(run.devices), r.name, grouped(r.completed),
                         r.seconds >= 0 ? fixed(r.seconds, 3)
                                        : u"incomplete at %1"_s.arg(fixed(r.waitedSeconds, 1)),
                         perSecond(r), compare ? ratio(r.seconds, reference->seconds) : u"–"_s,
                         r.tracked ? fixed(r.sendSeconds, 3) : u"–"_s, fixed(r.latency.percentileMs(50), 1),
                         fixed(r.latency.percentileMs(99), 1))
                    .arg(fixed(r.latency.percentileMs(100), 1), grouped(r.succeeded), grouped(r.failed),
                         r.tracked ? grouped(r.timedOut) : u"–"_s,
                         r.tracked ? grouped(r.unreachable) : u"–"_s, grouped(r.lost), grouped(r.wrong),
                         fixed(r.driverCpuSeconds, 2),
                         compare ? ratio(r.driverCpuSeconds, reference->driverCpuSeconds) : u"–"_s)
                    .arg(fixed(r.brokerCpuSeconds, 2), fixed(r.simCpuSeconds, 2));
            if (compare) {
                QString line = u"%1 devices, %2: %3 the bare client's time, %4 its CPU"_s.arg(
                    grouped(run.devices), r.name, ratio(r.seconds, reference->seconds),
                    ratio(r.driverCpuSeconds, reference->driverCpuSeconds));
                if (!r.runSeconds.isEmpty() && !reference->runSeconds.isEmpty())
                    line +=
                        u" (all done s, each run: %1; bare: %2)"_s.arg(r.runSeconds, reference->runSeconds);
                ratios << line;
            }
            for (const QString &problem : r.problems)
                problems << u"%1 devices, %2: %3"_s.arg(grouped(run.devices), r.name, problem);
            if (r.wrong > r.problems.size())
                problems << u"%1 devices, %2: … %3 wrong in all"_s.arg(grouped(run.devices), r.name)
                                .arg(grouped(r.wrong));
            if (r.lost > 0)
                problems << u"%1 devices, %2: %3 without a %4 by the end%5"_s.arg(
                    grouped(run.devices), r.name, grouped(r.lost), r.tracked ? u"verdict"_s : u"reply"_s,
                    r.lostStates.isEmpty() ? QString() : u" (still "_s + r.lostStates + u")"_s);
        }
    }

    if (!ratios.isEmpty())
        md +=
            u"\nTracker against the bare client (time until every device is done; this process's CPU):\n\n- "_s +
            ratios.join(u"\n- "_s) + u"\n"_s;
    // Through the gate against the direct send of the same size: the asked-for comparison is with the
    // CommandTracker row above (no hub on the broker); the direct send with the hub running but not in the
    // path separates what the gate adds from what the hub's presence costs.
    QStringList gateLines;
    QString gateTarget;
    for (const SizeRun &run : runs) {
        if (!run.error.isEmpty())
            continue;
        const FanoutResult *direct = findResult(run.results, false, false);
        const FanoutResult *hubDirect = findResult(run.results, true, false);
        const FanoutResult *gated = findResult(run.results, true, true);
        if (!gated) {
            for (const FanoutResult &r : run.results) {
                if (r.gate || (!r.ran && r.name.contains(u"gate"_s)))
                    gated = &r;
            }
        }
        if (!gated)
            continue;
        const QString size = grouped(run.devices) + u" devices"_s;
        if (!gated->ran) {
            gateLines << u"%1: not measured (%2)"_s.arg(size, gated->error);
            gateTarget = u"**not measured** at %1"_s.arg(size);
            continue;
        }
        const QString ratioToDirect = direct ? ratio(gated->seconds, direct->seconds) : u"–"_s;
        QString line = u"%1: **%2** the direct CommandTracker's time (%3 s against %4 s"_s.arg(
            size, ratioToDirect, gated->seconds >= 0 ? fixed(gated->seconds, 3) : u"incomplete"_s,
            direct && direct->seconds >= 0 ? fixed(direct->seconds, 3) : u"–"_s);
        if (!gated->runSeconds.isEmpty() && direct && !direct->runSeconds.isEmpty())
            line += u"; each run: %1; direct: %2"_s.arg(gated->runSeconds, direct->runSeconds);
        line += u")"_s;
        if (hubDirect && hubDirect->ran)
            line += u", %1 the direct send with fleet-hub running but not in the path (%2 s)"_s.arg(
                ratio(gated->seconds, hubDirect->seconds),
                hubDirect->seconds >= 0 ? fixed(hubDirect->seconds, 3) : u"incomplete"_s);
        line += u"; lost %1; the gate's answers (none for a relay): relayed %2, refused %3"_s.arg(
            grouped(gated->lost), grouped(gated->gateRelayed), grouped(gated->gateRefused));
        if (gated->gateOtherResults > 0)
            line += u", other %1"_s.arg(grouped(gated->gateOtherResults));
        if (gated->hubCpuSeconds >= 0 && gated->requests > 0)
            line += u"; fleet-hub CPU %1 s (%2 µs per request%3)"_s.arg(
                fixed(gated->hubCpuSeconds, 2), fixed(gated->hubCpuSeconds * 1e6 / gated->requests, 0),
                hubDirect && hubDirect->hubCpuSeconds >= 0
                    ? u", %1 s while it was only on the broker"_s.arg(fixed(hubDirect->hubCpuSeconds, 2))
                    : QString());
        gateLines << line;
        if (run.gateAuditRelayed >= 0 || !run.gateAudit.isEmpty())
            gateLines
                << u"%1: the gate's audit log afterwards: %2, for %3 requests sent through it (warm-up "_s
                   u"included)"_s.arg(size, run.gateAudit, grouped(run.gateRequests));
        // The issue's target: 0 lost, within 1.5 × the direct send; judged at the largest size measured.
        const bool met = direct && gated->seconds >= 0 && direct->seconds > 0 && gated->lost == 0 &&
                         gated->seconds <= 1.5 * direct->seconds;
        gateTarget = u"**%1** at %2 (%3, %4 lost)"_s.arg(met ? u"met"_s : u"not met"_s, size, ratioToDirect,
                                                         grouped(gated->lost));
    }
    if (!gateLines.isEmpty()) {
        md +=
            u"\nThrough fleet-hub's gate against the direct send (time until every device is done):\n\n- "_s +
            gateLines.join(u"\n- "_s) + u"\n"_s;
        md += u"\nTarget (through the gate: 0 lost, within 1.5 × the direct CommandTracker's time): %1.\n"_s
                  .arg(gateTarget);
        md +=
            u"\nWhat the gate adds: the selection goes to fleet-hub as one message "_s
            u"(`fleet/gate/broadcast/USER/ID`, every device's request in it), which the gate judges whole, "_s
            u"records in one SQLite audit row (WAL, synchronous=FULL, committed before anything is "_s
            u"published) and relays as one publish per device on `cmd/DEVICE/req`, answering the console once "_s
            u"on `fleet/gate/results/USER`. So each request crosses the broker twice. Most of what separates "_s
            u"the two rows is the hub being on the broker at all (compare *fleet-hub running*): it also "_s
            u"stores the shadow report every device sends after set_led.\n"_s;
    }
    md += awsMarkdown(runs);
    if (!problems.isEmpty())
        md += u"\nWrong or missing verdicts:\n\n- "_s + problems.join(u"\n- "_s) + u"\n"_s;
    QStringList notes;
    for (const SizeRun &run : runs) {
        if (run.secondsToOnline >= 0)
            notes << u"%1 devices: all online %2 s after fleet-sim started."_s.arg(
                grouped(run.devices), fixed(run.secondsToOnline, 1));
        for (const FanoutResult &r : run.results) {
            if (r.ran && r.neverSent > 0)
                notes
                    << u"%1 devices, %2: %3 executions got their verdict without a request ever going out; "_s
                       u"here the send call alone held the event loop %4 s%5."_s.arg(
                           grouped(run.devices), r.name, grouped(r.neverSent), fixed(r.sendSeconds, 1),
                           r.ledger ? u", and the ledger commits once per event-loop turn"_s : QString());
            if (r.ran && r.retried > 0)
                notes << u"%1 devices, %2: %3 executions were sent again after an attempt's timeout (the "_s
                         u"devices answered %4 of those retries; duplicates, rightly not counted)."_s.arg(
                             grouped(run.devices), r.name, grouped(r.retried), grouped(r.duplicateReplies));
            if (r.ran && r.windowFull > 0)
                notes << u"%1 devices, %2: the client's window of %3 QoS 1 publishes in flight filled up "_s
                         u"%4 times."_s.arg(grouped(run.devices), r.name)
                             .arg(m_options.maxInFlight)
                             .arg(grouped(r.windowFull));
        }
        for (const QString &note : run.notes)
            notes << u"%1 devices: %2"_s.arg(grouped(run.devices), note);
    }
    if (!notes.isEmpty())
        md += u"\n- "_s + notes.join(u"\n- "_s) + u"\n"_s;

    md +=
        u"\nMethod: per fleet size, a fresh mosquitto on 127.0.0.1 (`set_tcp_nodelay true`, "_s
        u"`max_connections -1`, `max_queued_messages 0` so that the broker queues rather than drops a burst "_s
        u"of replies to one subscriber, `max_inflight_messages` at its default of 20) and a fresh "_s
        u"`fleet-sim --devices N --seed 1` with its defaults (MQTT 5, no faults, each reply after a random "_s
        u"0 to 20 ms, telemetry every 10 s), measured once all N devices' retained `online` reached a "_s
        u"watcher. Then, in the driver's process and one after another: an unreported warm-up; %4 times "_s
        u"each, pair by pair in alternating order, a *bare MqttClient* that publishes `set_led` to every "_s
        u"device (QoS 1, the catalog's topic and payload in the Atlas envelope with a fresh tid each, the "_s
        u"same MQTT 5 properties as the tracker's) and counts the messages arriving on `cmd/+/resp`, "_s
        u"nothing else, and *CommandTracker* with the default catalog, `sendToDevices(all N, \"set_led\")`, "_s
        u"done when its broadcast's progress reached N; the same two as a *group* broadcast (one request on "_s
        u"`cmd/group/group-1/req`, which every device is in; the tracker creates a part per device at its "_s
        u"reply); each row is the median run of its kind. Last, once, *CommandTracker + ledger*: "_s
        u"`sendToDevices()` with a CommandLedger (WAL, synchronous=FULL, as the console runs: the new "_s
        u"executions in one transaction before the first request, then one transaction per event-loop turn "_s
        u"for whatever changed in it, committed before it is announced), given whatever time is left. "_s
        u"Before it, unless both `--no-gate` and `--no-aws`, a `fleet-hub --broker URL --db PATH "_s
        u"--commands-db PATH-commands` on fresh databases in the scratch directory (its defaults: the "_s
        u"shadow service, the command gate and the AWS IoT commands service with the default catalog, in "_s
        u"which set_led is not sensitive and show_message is an AWS IoT command), started for these runs "_s
        u"alone and stopped by PID before the ledger's run, and once its gate's retained `fleet/gate/info` "_s
        u"arrived (its AWS IoT commands service subscribed before its connection, as the gate did): "_s
        u"unreported warm-ups through the gate and of AWS IoT commands (to the first 1,000 things), then "_s
        u"%4 times each, in rotating order, *CommandTracker, fleet-hub running* (the direct send as "_s
        u"above, with the hub on the broker, "_s
        u"which also receives every reply and stores the shadow report each device sends after set_led), "_s
        u"*CommandTracker through fleet-hub's gate*: the same `sendToDevices()` on a client connected as "_s
        u"user `%5` (the broker is anonymous and accepts any username without a password), the tracker's "_s
        u"gate prefixes `fleet/gate/submit/%5/` and `fleet/gate/broadcast/%5/` (the selection goes as one "_s
        u"message), subscribed to `fleet/gate/results/%5` as the console is (a refusal there fails the "_s
        u"execution); the gate relays each request to `cmd/DEVICE/req` and the device answers the tracker "_s
        u"directly; and *AWS IoT commands*: `sendToDevices(all N, \"show_message\", {\"text\": …})` on a "_s
        u"client connected as user `%5`, the tracker's actor, which starts each execution on "_s
        u"`fleet/aws-commands/start/%5/TID` (the tid is the client token) and subscribes to "_s
        u"`fleet/aws-commands/results/%5` and `$aws/events/commandExecution/+/+`; each fleet-sim device "_s
        u"runs show_message (IN_PROGRESS, then SUCCEEDED) and the tracker takes the verdict from the hub's "_s
        u"event (show_message's timeout is 20 s, the tracker waits 5 s longer). For that row *lost* "_s
        u"counts executions without a verdict by the end, *timed out* those fleet-hub timed out; *wrong* "_s
        u"also counts a start the hub answered with other than exactly one execution, or whose SUCCEEDED "_s
        u"event names another thing. "_s
        u"Every sender has its own fresh "_s
        u"client and the in-flight window of %1 (MqttClient's default); the tracker queues what the "_s
        u"window refuses and sends it at `readyToPublish()`. *All done* runs from the send call until the "_s
        u"last reply (bare) or verdict (tracker); *send call* is how long `sendToDevices()` itself held "_s
        u"the event loop; *done per s* is the devices done divided by *all done* (executions per second "_s
        u"for a tracker). Latency per device runs from the execution's creation to its verdict, from the "_s
        u"tracker's own timestamps (whole milliseconds), and for the bare client from the start of "_s
        u"sending to the reply. *Lost*: devices without a reply or verdict by the end; *wrong*: a verdict "_s
        u"other than Succeeded (no faults are on), an execution without exactly one unflagged final reply "_s
        u"(a device's answer to a retry, which the tracker keeps flagged as a duplicate, is counted apart), "_s
        u"or whose tid was answered on the wire by any device but its own, a reply the tracker could not "_s
        u"match; the bare client's replies are checked the same way after its clock stopped. CPU "_s
        u"seconds are user + system from /proc/PID/stat (10 ms ticks) over the same span: the driver (this "_s
        u"process: the client, the tracker, the ledger), mosquitto and fleet-sim, all three sharing the "_s
        u"machine's CPUs, which is why the bare client's time is mostly the broker's and the fleet's (the "_s
        u"simulator also spends a steady share on its 10,000 devices' timers, so its CPU grows with the "_s
        u"time a run takes). Each size is bounded by %2 s, each variant by %3 s (the ledger's by the size's "_s
        u"deadline); children are stopped by PID.\n"_s.arg(m_options.maxInFlight)
            .arg(m_options.deadlineSeconds)
            .arg(std::chrono::duration_cast<std::chrono::seconds>(VariantCap).count())
            .arg(m_options.repetitions)
            .arg(m_options.user);
    md += u"<!-- fanout:end -->\n"_s;
    return md;
}

} // namespace fleet::bench
