#include "hubprocess.h"

#include <QCoreApplication>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace fleet::test {

HubProcess::HubProcess()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

HubProcess::~HubProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString HubProcess::executable()
{
#ifdef FLEET_HUB_EXECUTABLE
    return QStringLiteral(FLEET_HUB_EXECUTABLE);
#else
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../app/hub/fleet-hub");
#endif
}

QProcessEnvironment HubProcess::cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("FLEET_MQTT_PASSWORD"));
    return env;
}

void HubProcess::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_stderr.clear();
    m_process.setProcessEnvironment(environment);
    m_process.start(executable(), arguments);
}

bool HubProcess::startServing(const QString &brokerUrl, const QString &databasePath, const QStringList &extra,
                              int timeoutMs)
{
    start(QStringList{QStringLiteral("--broker"), brokerUrl, QStringLiteral("--db"), databasePath} + extra);
    return waitForServing(timeoutMs);
}

bool HubProcess::waitForLog(const QString &needle, int timeoutMs)
{
    // Stops early when the process exits; the needle decides.
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&] {
            read();
            return m_stderr.contains(needle) || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    read();
    return m_stderr.contains(needle);
}

bool HubProcess::waitForExit(int timeoutMs)
{
    const bool done = m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
    read();
    return done;
}

void HubProcess::signal(int signal)
{
    ::kill(static_cast<pid_t>(m_process.processId()), signal);
}

void HubProcess::kill()
{
    m_process.kill();
}

QString HubProcess::log()
{
    read();
    return m_stderr;
}

QString HubProcess::output()
{
    return QString::fromUtf8(m_process.readAllStandardOutput());
}

void HubProcess::read()
{
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
}

} // namespace fleet::test
