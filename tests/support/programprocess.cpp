#include "programprocess.h"

#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>
#include <utility>

namespace fleet::test {

ProgramProcess::ProgramProcess(QString program, const QProcessEnvironment &environment)
    : m_program(std::move(program))
{
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // A crashed or killed test must not leave a fleet-hub retrying its broker forever: the program gets
    // SIGTERM when the test goes (as the test's mosquitto does).
    const pid_t parentPid = ::getpid();
    m_process.setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parentPid)
            ::_exit(127);
    });
#endif
}

ProgramProcess::~ProgramProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QProcessEnvironment ProgramProcess::cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *secret :
         {"FLEET_MQTT_PASSWORD", "FLEET_DB_PASSWORD", "PGPASSWORD", "CREDENTIALS_DIRECTORY"})
        env.remove(QString::fromLatin1(secret));
    return env;
}

std::unique_ptr<ProgramProcess> ProgramProcess::run(const QString &program, const QStringList &arguments,
                                                    const QByteArray &input,
                                                    const QProcessEnvironment &environment)
{
    auto process = std::make_unique<ProgramProcess>(program, environment);
    if (process->start(arguments, input))
        process->waitForExit();
    return process;
}

void ProgramProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

void ProgramProcess::setEnvironmentValue(const QString &name, const QString &value)
{
    QProcessEnvironment environment = m_process.processEnvironment();
    environment.insert(name, value);
    m_process.setProcessEnvironment(environment);
}

bool ProgramProcess::startWithOpenInput(const QStringList &arguments)
{
    m_out.clear();
    m_err.clear();
    m_started = false;
    m_process.start(m_program, arguments);
    m_started = m_process.waitForStarted(DefaultTimeoutMs);
    return m_started;
}

bool ProgramProcess::start(const QStringList &arguments, const QByteArray &input)
{
    if (!startWithOpenInput(arguments))
        return false;
    if (!input.isEmpty())
        m_process.write(input);
    m_process.closeWriteChannel();
    return true;
}

template<typename Predicate>
bool ProgramProcess::waitUntil(Predicate done, int timeoutMs)
{
    // Stops early when the process exits; done() decides.
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&] {
            read();
            return done() || m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    read();
    return done();
}

bool ProgramProcess::waitForExit(int timeoutMs)
{
    const bool exited =
        QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    read();
    return exited;
}

bool ProgramProcess::waitForLines(qsizetype count, int timeoutMs)
{
    return waitUntil([&] { return lines().size() >= count; }, timeoutMs);
}

bool ProgramProcess::waitForError(const QString &needle, int timeoutMs)
{
    return waitUntil([&] { return m_err.contains(needle); }, timeoutMs);
}

void ProgramProcess::signal(int signal)
{
    // kill(0, ...) would signal the whole process group, the test itself included.
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(static_cast<pid_t>(pid), signal);
}

void ProgramProcess::kill()
{
    m_process.kill();
}

QString ProgramProcess::out()
{
    read();
    return m_out;
}

QString ProgramProcess::err()
{
    read();
    return m_err;
}

QStringList ProgramProcess::lines()
{
    read();
    QStringList all = m_out.split(u'\n');
    all.removeLast(); // the unfinished rest, empty after a newline
    return all;
}

QString ProgramProcess::transcript()
{
    read();
    return QStringLiteral("exit %1\n--- stdout:\n%2--- stderr:\n%3")
        .arg(m_process.exitCode())
        .arg(m_out, m_err);
}

void ProgramProcess::read()
{
    m_out += QString::fromUtf8(m_process.readAllStandardOutput());
    m_err += QString::fromUtf8(m_process.readAllStandardError());
}

} // namespace fleet::test
