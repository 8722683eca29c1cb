#pragma once

#include "testutil.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace fleet::test {

// One run of one of our executables for a test. Its stdout and stderr are collected while the event loop
// runs, so that the brokers, hubs and clients of the test keep being served meanwhile; it is ended by its own
// handle only (SIGKILL in the destructor if a test leaves it running).
class ProgramProcess
{
public:
    explicit ProgramProcess(QString program, const QProcessEnvironment &environment = cleanEnvironment());
    ~ProgramProcess();
    ProgramProcess(const ProgramProcess &) = delete;
    ProgramProcess &operator=(const ProgramProcess &) = delete;

    // The system environment without the passwords and credentials our programs read (FLEET_MQTT_PASSWORD,
    // FLEET_DB_PASSWORD, PGPASSWORD, CREDENTIALS_DIRECTORY), so that a developer's shell cannot leak into a
    // test.
    static QProcessEnvironment cleanEnvironment();

    // Starts `program arguments` and runs it to its end. The caller checks how it ended with QCOMPARE_EXIT,
    // which also fails for a process that did not start or did not end within the timeout.
    static std::unique_ptr<ProgramProcess> run(const QString &program, const QStringList &arguments,
                                               const QByteArray &input = {},
                                               const QProcessEnvironment &environment = cleanEnvironment());

    void setEnvironment(const QProcessEnvironment &environment);
    void setEnvironmentValue(const QString &name, const QString &value);

    // Drops what an earlier run printed. Standard input gets `input` and then end-of-file, so that nothing
    // waits for a terminal.
    bool start(const QStringList &arguments, const QByteArray &input = {});

    bool waitForExit(int timeoutMs = DefaultTimeoutMs);
    // Waits until stdout holds at least `count` complete lines; stops early when the process exits.
    bool waitForLines(qsizetype count, int timeoutMs = DefaultTimeoutMs);
    // Waits until stderr contains needle; stops early when the process exits.
    bool waitForError(const QString &needle, int timeoutMs = DefaultTimeoutMs);

    void signal(int signal);
    void kill(); // SIGKILL

    QString out();
    QString err();
    // The complete lines of stdout so far.
    QStringList lines();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Started and ended since: until then exitCode() and exitStatus() mean nothing.
    bool hasExited() const { return m_started && m_process.state() == QProcess::NotRunning; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    // Everything the process printed, for failure messages.
    QString transcript();
    QProcess &process() { return m_process; }

protected:
    // Starts and waits until the process runs, leaving its standard input open for process().
    bool startWithOpenInput(const QStringList &arguments);

private:
    void read();
    // Runs the event loop until done() holds or the process exits.
    template<typename Predicate>
    bool waitUntil(Predicate done, int timeoutMs);

    QString m_program;
    QProcess m_process;
    bool m_started = false;
    QString m_out;
    QString m_err;
};

} // namespace fleet::test

// The exit code, then the rest of what the process printed, on failure.
#define QCOMPARE_EXIT(process, code)                                                                         \
    do {                                                                                                     \
        QVERIFY2((process).hasExited(), qPrintable((process).transcript()));                                 \
        QVERIFY2((process).exitStatus() == QProcess::NormalExit, qPrintable((process).transcript()));        \
        QVERIFY2((process).exitCode() == (code), qPrintable((process).transcript()));                        \
    } while (false)
