#include "simbenchmark.h"

#include "benchsupport.h"
#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "simconfig.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

using Clock = std::chrono::steady_clock;

// The target of the simulator's design: 10,000 devices in 200 MB.
constexpr double TargetKbPerDevice = 20;
// fleet-sim's own default, for the pacing floor when the driver does not set one.
const int DefaultConnectsPerSecond = sim::SimConfig().connectsPerSecond;

void progress(const QString &line)
{
    std::fprintf(stderr, "[sim] %s\n", qPrintable(line));
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A "VmRSS:   12345 kB" line of /proc/PID/status; -1 when it cannot be read.
qint64 statusKb(qint64 pid, const char *field)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// Runs the event loop until done() holds, the process is gone, or timeout; true when done() held.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout, const QProcess *process)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || Clock::now() >= deadline || (process && process->state() == QProcess::NotRunning))
            loop.quit();
    });
    poll.start(5);
    if (!done())
        loop.exec();
    return done();
}

QString lastLines(const QString &path, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u'\n');
}

QString fixed(double value, int decimals)
{
    return value < 0 ? u"–"_s : QString::number(value, 'f', decimals);
}

QString kb(double value)
{
    return value < 0 ? u"–"_s : QString::number(value, 'f', 1);
}

QString percent(double share)
{
    return share < 0 ? u"–"_s : QString::number(share * 100, 'f', 1) + u" %"_s;
}

} // namespace

SimBenchmark::SimBenchmark(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

SimBenchmark::~SimBenchmark()
{
    delete m_watcher;
    m_watcher = nullptr;
    m_broker.reset();
    if (!m_tempDir.isEmpty())
        QDir(m_tempDir).removeRecursively();
}

bool SimBenchmark::setUp(QString *error)
{
    QTemporaryDir temporary(QDir::tempPath() + u"/fleet-bench-sim-XXXXXX"_s);
    temporary.setAutoRemove(false);
    if (!temporary.isValid()) {
        *error = u"cannot create a temporary directory"_s;
        return false;
    }
    m_tempDir = temporary.path();

    if (m_options.connectsPerSecond > 0) {
        m_configPath = QDir(m_tempDir).filePath(u"sim.json"_s);
        QFile config(m_configPath);
        if (!config.open(QIODevice::WriteOnly) ||
            config.write(u"{\"connectsPerSecond\": %1}\n"_s.arg(m_options.connectsPerSecond).toUtf8()) < 0) {
            *error = u"cannot write %1"_s.arg(m_configPath);
            return false;
        }
    }

    test::MosquittoBroker::Options brokerOptions;
    // No per-message log types: 10,000 connections already log 20,000 notices.
    brokerOptions.logTypes = {};
    brokerOptions.extraConfigLines = {
        u"set_tcp_nodelay true"_s,
        u"max_connections -1"_s,
        // The watcher gets every device's "online" at QoS 1 in one burst: mosquitto's default queue of 1,000
        // messages per client would drop the rest.
        u"max_queued_messages 0"_s,
    };
    m_broker = std::make_unique<test::MosquittoBroker>(brokerOptions);
    if (!m_broker->start()) {
        *error = u"mosquitto: "_s + m_broker->errorString();
        return false;
    }

    m_watcher = new MqttClient;
    BrokerProfile profile;
    profile.url = QUrl(m_broker->url());
    profile.clientId = u"bench-sim-watcher"_s;
    m_watcher->setProfile(profile);
    // Every device's presence topic; the runs tell their devices apart by prefix.
    const QString filter = sim::SimConfig::expand(sim::SimConfig().presenceTopic, u"+"_s, u"+"_s);
    bool subscribed = false;
    QString failure;
    connect(m_watcher, &MqttClient::subscribed, this, [&] { subscribed = true; });
    connect(m_watcher, &MqttClient::errorOccurred, this,
            [&](MqttClient::Error, const QString &message) { failure = message; });
    m_watcher->subscribe(filter, 1);
    if (!m_watcher->connectToBroker() ||
        !waitFor([&] { return subscribed || !failure.isEmpty(); }, 10s, nullptr) || !subscribed) {
        *error = u"the watching client did not subscribe to %1: %2"_s.arg(filter, failure);
        return false;
    }
    disconnect(m_watcher, nullptr, this, nullptr);
    return true;
}

double SimBenchmark::pacingFloorSeconds(int devices) const
{
    const int rate = m_options.connectsPerSecond > 0 ? m_options.connectsPerSecond : DefaultConnectsPerSecond;
    return double(devices) / rate;
}

SimBenchmark::Run SimBenchmark::measure(int devices, const QString &prefix)
{
    Run run;
    run.devices = devices;

    // Which device each presence topic belongs to, and what it said last.
    sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    QHash<QString, int> deviceOf;
    deviceOf.reserve(devices);
    for (int n = 1; n <= devices; ++n)
        deviceOf.insert(sim::SimConfig::expand(config.presenceTopic, config.deviceId(n), config.groupOf(n)),
                        n - 1);
    std::vector<char> everOnline(std::size_t(devices), 0);
    std::vector<char> sayingOffline(std::size_t(devices), 0);
    int onlineCount = 0;
    Clock::time_point start;
    Clock::time_point allOnline;
    const QMetaObject::Connection watching =
        connect(m_watcher, &MqttClient::messageReceived, this, [&](const MqttMessage &message) {
            const auto it = deviceOf.constFind(message.topic());
            if (it == deviceOf.cend())
                return;
            const std::size_t i = std::size_t(*it);
            if (message.payload() == "online") {
                sayingOffline[i] = 0;
                if (!everOnline[i]) {
                    everOnline[i] = 1;
                    if (++onlineCount == devices)
                        allOnline = Clock::now();
                }
            } else if (message.payload() == "offline" && !sayingOffline[i]) {
                sayingOffline[i] = 1;
                ++run.offlineSeen;
            }
        });

    const QString logPath = QDir(m_tempDir).filePath(u"fleet-sim-%1.log"_s.arg(prefix));
    QProcess process;
    process.setProcessEnvironment(test::HubProcess::cleanEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    // A file, not a pipe: thousands of warnings must never block the simulator on a full pipe.
    process.setStandardOutputFile(logPath);
    QStringList arguments{u"--broker"_s, m_broker->url(), u"--devices"_s, QString::number(devices),
                          u"--prefix"_s, prefix,          u"--seed"_s,    u"1"_s};
    if (!m_configPath.isEmpty())
        arguments << u"--config"_s << m_configPath;

    const qint64 brokerPid = m_broker->pid();
    const qint64 brokerRssBefore = statusKb(brokerPid, "VmRSS");
    const double brokerCpuBefore = processCpuSeconds(brokerPid);
    start = Clock::now();
    process.start(QStringLiteral(FLEET_SIM_EXECUTABLE), arguments);
    const auto fail = [&](const QString &error) {
        run.error = error;
        const QString log = lastLines(logPath, 15);
        progress(u"%1 devices: %2%3"_s.arg(devices).arg(error, log.isEmpty() ? QString() : u"\n"_s + log));
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
        disconnect(watching);
        return run;
    };
    if (!process.waitForStarted(10000))
        return fail(u"fleet-sim did not start: "_s + process.errorString());
    const qint64 pid = process.processId();

    // Generous: a loaded machine may connect at a fraction of the pacing rate.
    const auto onlineTimeout = 30s + std::chrono::milliseconds(qint64(pacingFloorSeconds(devices) * 5000));
    if (!waitFor([&] { return onlineCount == devices; }, onlineTimeout, &process))
        return fail(process.state() == QProcess::NotRunning
                        ? u"fleet-sim exited (status %1) with %2 devices online"_s.arg(process.exitCode())
                              .arg(onlineCount)
                        : u"only %1 of %2 devices online after %3 s"_s.arg(onlineCount)
                              .arg(devices)
                              .arg(secondsSince(start), 0, 'f', 0));
    run.secondsToOnline = std::chrono::duration<double>(allOnline - start).count();
    run.simCpuToOnline = processCpuSeconds(pid);
    const double brokerCpuOnline = processCpuSeconds(brokerPid);
    if (brokerCpuBefore >= 0 && brokerCpuOnline >= 0)
        run.brokerCpuToOnline = brokerCpuOnline - brokerCpuBefore;

    // The steady state: telemetry, keepalives, nothing else.
    const Clock::time_point idleStart = Clock::now();
    waitFor([] { return false; }, std::chrono::seconds(m_options.idleSeconds), &process);
    if (process.state() == QProcess::NotRunning)
        return fail(u"fleet-sim exited (status %1) while idle"_s.arg(process.exitCode()));
    const double idleSeconds = secondsSince(idleStart);
    const double simCpuIdleEnd = processCpuSeconds(pid);
    const double brokerCpuIdleEnd = processCpuSeconds(brokerPid);
    if (run.simCpuToOnline >= 0 && simCpuIdleEnd >= 0 && idleSeconds > 0)
        run.simCpuIdle = (simCpuIdleEnd - run.simCpuToOnline) / idleSeconds;
    if (brokerCpuOnline >= 0 && brokerCpuIdleEnd >= 0 && idleSeconds > 0)
        run.brokerCpuIdle = (brokerCpuIdleEnd - brokerCpuOnline) / idleSeconds;
    run.rssKb = statusKb(pid, "VmRSS");
    run.peakRssKb = statusKb(pid, "VmHWM");
    const qint64 brokerRssAfter = statusKb(brokerPid, "VmRSS");
    if (brokerRssBefore >= 0 && brokerRssAfter >= 0)
        run.brokerRssDeltaKb = brokerRssAfter - brokerRssBefore;

    // Stop as a supervisor would, by PID; every device publishes "offline" on its way out.
    const Clock::time_point stopStart = Clock::now();
    ::kill(pid_t(pid), SIGTERM);
    if (!waitFor([&] { return process.state() == QProcess::NotRunning; }, 60s, nullptr))
        return fail(u"fleet-sim did not exit within 60 s of SIGTERM"_s);
    run.secondsToStop = secondsSince(stopStart);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    // The last "offline" may still be on its way from the broker.
    waitFor([&] { return run.offlineSeen == devices; }, 5s, nullptr);
    disconnect(watching);

    if (run.exitCode != 0)
        return fail(u"fleet-sim exited with status %1 after SIGTERM"_s.arg(run.exitCode));
    if (run.offlineSeen != devices)
        return fail(
            u"only %1 of %2 devices said \"offline\" when stopped"_s.arg(run.offlineSeen).arg(devices));
    run.ok = true;
    return run;
}

int SimBenchmark::run()
{
    QString error;
    if (!setUp(&error)) {
        progress(u"setup failed: "_s + error);
        return 1;
    }
    progress(u"mosquitto at %1 (pid %2), fleet-sim %3"_s.arg(m_broker->url())
                 .arg(m_broker->pid())
                 .arg(QStringLiteral(FLEET_SIM_EXECUTABLE)));

    const auto report = [](const Run &run) {
        if (!run.ok)
            return;
        progress(
            u"%1 devices: all online in %2 s; RSS %3 MiB (%4 KB/device, peak %5 MiB); CPU to online: "_s
            u"sim %6 s, broker %7 s; idle: sim %8, broker %9; stopped in %10 s"_s.arg(grouped(run.devices))
                .arg(fixed(run.secondsToOnline, 2), fixed(run.rssKb / 1024.0, 1),
                     kb(double(run.rssKb) / run.devices), fixed(run.peakRssKb / 1024.0, 1),
                     fixed(run.simCpuToOnline, 2), fixed(run.brokerCpuToOnline, 2), percent(run.simCpuIdle),
                     percent(run.brokerCpuIdle))
                .arg(fixed(run.secondsToStop, 2)));
    };

    // One device: the process without a fleet (Qt, libmosquitto, the heap's first arenas).
    progress(u"baseline: 1 device"_s);
    const Run baseline = measure(1, u"base"_s);
    report(baseline);
    bool ok = baseline.ok;

    std::vector<Run> runs;
    for (const int devices : std::as_const(m_options.devices)) {
        progress(u"%1 devices"_s.arg(grouped(devices)));
        runs.push_back(measure(devices, u"b%1"_s.arg(devices)));
        report(runs.back());
        ok = ok && runs.back().ok;
    }

    const QString section = markdown(baseline, runs);
    std::fprintf(stdout, "%s", qPrintable(section));
    if (!m_options.reportPath.isEmpty()) {
        if (!writeReportSection(m_options.reportPath, u"sim"_s, section, &error)) {
            progress(error);
            return 1;
        }
        progress(u"wrote the sim section of "_s + m_options.reportPath);
    }
    return ok ? 0 : 1;
}

QString SimBenchmark::markdown(const Run &baseline, const std::vector<Run> &runs) const
{
    const auto aboveBaseline = [&](const Run &run) {
        if (!run.ok || !baseline.ok || run.devices <= 1)
            return -1.0;
        return double(run.rssKb - baseline.rssKb) / (run.devices - 1);
    };

    QString md;
    md += u"<!-- sim:begin -->\n## Simulated fleet: fleet-sim connecting its devices\n\n"_s;
    md += u"Measured by `bench_sim` (`./fleet bench`) on %1.\nMachine: %2.\n\n"_s.arg(
        QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), machineLine());

    md +=
        u"| Devices | All online s | Pacing floor s | Sim RSS MiB | KB/device | KB/device above baseline | "_s
        u"Sim CPU s to online | Broker CPU s to online | Sim CPU idle | Broker CPU idle | "_s
        u"Broker KB/connection | Stop s |\n"_s
        u"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"_s;
    const auto row = [&](const Run &run) {
        if (!run.ok)
            return u"| %1 | failed: %2 | | | | | | | | | | |\n"_s.arg(grouped(run.devices), run.error);
        // Per-device figures of the one-device run would only restate the baseline.
        const bool isBaseline = run.devices <= 1;
        return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 |\n"_s.arg(
            grouped(run.devices), fixed(run.secondsToOnline, 2), fixed(pacingFloorSeconds(run.devices), 2),
            fixed(run.rssKb / 1024.0, 1), isBaseline ? u"–"_s : kb(double(run.rssKb) / run.devices),
            isBaseline ? u"(baseline)"_s : kb(aboveBaseline(run)), fixed(run.simCpuToOnline, 2),
            fixed(run.brokerCpuToOnline, 2), percent(run.simCpuIdle), percent(run.brokerCpuIdle),
            kb(!isBaseline && run.brokerRssDeltaKb >= 0 ? double(run.brokerRssDeltaKb) / run.devices : -1),
            fixed(run.secondsToStop, 2));
    };
    md += row(baseline);
    for (const Run &run : runs)
        md += row(run);

    // The target is judged on the largest fleet measured, where the baseline matters least.
    const Run *largest = nullptr;
    for (const Run &run : runs) {
        if (!largest || run.devices > largest->devices)
            largest = &run;
    }
    if (largest) {
        const double marginal = aboveBaseline(*largest);
        md += u"\nTarget (at most %1 KB of simulator memory per device): **%2** at %3 devices, "_s
              u"%4 KB per device above the one-device baseline of %5 MiB "_s
              u"(%6 KB per device counting the whole process).\n\n"_s.arg(
                  QString::number(TargetKbPerDevice, 'f', 0),
                  marginal >= 0 && marginal <= TargetKbPerDevice ? u"met"_s : u"not met"_s,
                  grouped(largest->devices), kb(marginal), fixed(baseline.rssKb / 1024.0, 1),
                  kb(largest->ok ? double(largest->rssKb) / largest->devices : -1));
    }

    md +=
        u"Method: one mosquitto on 127.0.0.1 (`set_tcp_nodelay true`, `max_connections -1`, "_s
        u"`max_queued_messages 0`, no per-message logging) and, per row, a fresh `fleet-sim --devices N "_s
        u"--seed 1` process with its default settings (telemetry every 10 s, MQTT 5), its connects paced "_s
        u"at %1 per second (the pacing floor is N divided by that rate). A watching fleet::MqttClient in "_s
        u"the driver is subscribed to `presence/+` at QoS 1; *all online* is the time from starting the "_s
        u"process until the retained `online` of the last device arrived. The simulator's memory is "_s
        u"VmRSS from /proc/PID/status after the fleet idled %2 s; *above baseline* subtracts the "_s
        u"one-device run (libraries, Qt, the first heap arenas) and divides by N − 1. CPU seconds are "_s
        u"user + system from /proc/PID/stat, until all were online and as a share of one CPU while "_s
        u"idling. The broker's KB per connection is its VmRSS growth over the run. *Stop* is SIGTERM "_s
        u"until the process exited with status 0; every device's `offline` was seen by the watcher. "_s
        u"VmRSS leaves out the kernel's socket buffers. fleet::MqttClient refuses libmosquitto the socket pair it "_s
        u"opens per client to wake its own network loop (unused under the Qt event loop), so a device "_s
        u"holds one descriptor instead of three and no unread wake-up bytes pile up in the kernel "_s
        u"(about 200 KB per device after a few hundred packets otherwise).\n"_s
            .arg(grouped(m_options.connectsPerSecond > 0 ? m_options.connectsPerSecond
                                                         : DefaultConnectsPerSecond))
            .arg(m_options.idleSeconds);
    md += u"<!-- sim:end -->\n"_s;
    return md;
}

} // namespace fleet::bench
