#include "simfleetprocess.h"

#include "hubprocess.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "simconfig.h"

#include <QFile>
#include <QHash>
#include <QScopeGuard>

#include <chrono>
#include <csignal>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet::bench {

SimFleetProcess::SimFleetProcess(const QString &brokerUrl, int devices, const QString &prefix,
                                 const QString &logPath, QObject *parent)
    : QObject(parent)
    , m_brokerUrl(brokerUrl)
    , m_prefix(prefix)
    , m_logPath(logPath)
    , m_watcher(new MqttClient(this))
{
    sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    m_deviceIds.reserve(devices);
    for (int n = 1; n <= devices; ++n)
        m_deviceIds.append(config.deviceId(n));
}

SimFleetProcess::~SimFleetProcess()
{
    QString ignored;
    stop(&ignored);
}

QString SimFleetProcess::group() const
{
    sim::SimConfig config;
    config.prefix = m_prefix;
    return config.groupOf(1);
}

bool SimFleetProcess::start(SteadyClock::time_point deadline, QString *error)
{
    // Presence topics are told apart by device id, so another run's retained messages on the same broker
    // (there are none: each size has its own broker) could never count here.
    sim::SimConfig config;
    QHash<QString, int> deviceOf;
    deviceOf.reserve(m_deviceIds.size());
    for (int i = 0; i < m_deviceIds.size(); ++i)
        deviceOf.insert(sim::SimConfig::expand(config.presenceTopic, m_deviceIds[i], group()), i);
    std::vector<char> online(std::size_t(m_deviceIds.size()), 0);
    int onlineCount = 0;
    connect(m_watcher, &MqttClient::messageReceived, this, [&](const MqttMessage &message) {
        const auto it = deviceOf.constFind(message.topic());
        if (it != deviceOf.cend() && message.payload() == "online" && !online[std::size_t(*it)]) {
            online[std::size_t(*it)] = 1;
            ++onlineCount;
        }
    });
    const auto cleanUp = qScopeGuard([&] { disconnect(m_watcher, nullptr, this, nullptr); });
    const QString filter = sim::SimConfig::expand(config.presenceTopic, u"+"_s, u"+"_s);
    if (!connectAndSubscribe(m_watcher, m_brokerUrl, m_prefix + u"-watcher"_s, {filter}, deadline, error))
        return false;

    m_process.setProcessEnvironment(test::HubProcess::cleanEnvironment());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // A file, not a pipe: a burst of warnings must never block the simulator on a pipe nobody reads.
    m_process.setStandardOutputFile(m_logPath);
    // Its defaults otherwise: no faults, replies after 0 to 20 ms, telemetry every 10 s, MQTT 5.
    const QStringList arguments{
        u"--broker"_s, m_brokerUrl, u"--devices"_s, QString::number(m_deviceIds.size()),
        u"--prefix"_s, m_prefix,    u"--seed"_s,    u"1"_s};
    const SteadyClock::time_point started = SteadyClock::now();
    m_process.start(QStringLiteral(FLEET_SIM_EXECUTABLE), arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = u"fleet-sim did not start: "_s + m_process.errorString();
        return false;
    }
    m_pid = m_process.processId();
    const int expected = int(m_deviceIds.size());
    waitUntil([&] { return onlineCount == expected || m_process.state() == QProcess::NotRunning; }, deadline);
    if (onlineCount != expected) {
        *error = m_process.state() == QProcess::NotRunning
                     ? u"fleet-sim exited (status %1) with %2 devices online"_s.arg(m_process.exitCode())
                           .arg(onlineCount)
                     : u"only %1 of %2 devices online before the deadline"_s.arg(onlineCount).arg(expected);
        return false;
    }
    m_secondsToOnline = std::chrono::duration<double>(SteadyClock::now() - started).count();
    // The watcher's job is done; it must not compete with the clients under test for the broker.
    m_watcher->disconnectFromBroker();
    return true;
}

bool SimFleetProcess::stop(QString *error)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    // By PID, as a supervisor would: every device says "offline" and disconnects.
    ::kill(pid_t(m_pid), SIGTERM);
    if (!m_process.waitForFinished(30000)) {
        *error = u"fleet-sim (pid %1) did not exit within 30 s of SIGTERM; killed"_s.arg(m_pid);
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
        *error = u"fleet-sim exited with status %1 after SIGTERM"_s.arg(m_process.exitCode());
        return false;
    }
    return true;
}

QString SimFleetProcess::logTail(int lines) const
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

} // namespace fleet::bench
