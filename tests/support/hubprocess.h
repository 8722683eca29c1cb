#pragma once

#include "programprocess.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace fleet::test {

// One fleet-hub process for a test, ended by its PID only (SIGKILL in the destructor if still running).
// Its log (stderr) is collected as it comes so that tests can wait for a line.
class HubProcess final : public ProgramProcess
{
public:
    HubProcess();

    // The fleet-hub built with this tree.
    static QString executable();

    void start(const QStringList &arguments, const QProcessEnvironment &environment = cleanEnvironment());
    // Starts `fleet-hub --broker URL --db PATH [extra]` and waits until it serves shadows.
    bool startServing(const QString &brokerUrl, const QString &databasePath, const QStringList &extra = {},
                      int timeoutMs = DefaultTimeoutMs);

    // Waits for a log line containing needle; stops early when the process exits.
    bool waitForLog(const QString &needle, int timeoutMs = DefaultTimeoutMs)
    {
        return waitForError(needle, timeoutMs);
    }
    bool waitForServing(int timeoutMs = DefaultTimeoutMs)
    {
        return waitForLog(QStringLiteral("serving shadows"), timeoutMs);
    }

    // SIGTERM, then waits for the hub to exit.
    bool stop(int timeoutMs = DefaultTimeoutMs);

    QString log() { return err(); }
    QString output() { return out(); }
};

} // namespace fleet::test
