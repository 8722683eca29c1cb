#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace fleet::test {

// One fleet-hub process for a test, ended by its PID only (SIGKILL in the destructor if still running).
// Its log (stderr) is collected as it comes so that tests can wait for a line.
class HubProcess final
{
public:
    HubProcess();
    ~HubProcess();
    HubProcess(const HubProcess &) = delete;
    HubProcess &operator=(const HubProcess &) = delete;

    // The fleet-hub built with this tree.
    static QString executable();
    // The system environment without FLEET_MQTT_PASSWORD, so that a developer's shell cannot leak into a
    // test.
    static QProcessEnvironment cleanEnvironment();

    void start(const QStringList &arguments, const QProcessEnvironment &environment = cleanEnvironment());
    // Starts `fleet-hub --broker URL --db PATH [extra]` and waits until it serves shadows.
    bool startServing(const QString &brokerUrl, const QString &databasePath, const QStringList &extra = {},
                      int timeoutMs = 15000);

    // Waits for a log line containing needle; stops early when the process exits.
    bool waitForLog(const QString &needle, int timeoutMs = 15000);
    bool waitForServing(int timeoutMs = 15000)
    {
        return waitForLog(QStringLiteral("serving shadows"), timeoutMs);
    }
    bool waitForExit(int timeoutMs = 15000);

    void signal(int signal);
    void kill(); // SIGKILL

    QString log();
    QString output();
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QProcess &process() { return m_process; }

private:
    void read();

    QProcess m_process;
    QString m_stderr;
};

} // namespace fleet::test
