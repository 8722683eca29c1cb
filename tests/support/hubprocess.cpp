#include "hubprocess.h"
#include "postgresserver.h"

#include <QCoreApplication>

#include <csignal>

namespace fleet::test {

HubProcess::HubProcess()
    : ProgramProcess(executable())
{}

QString HubProcess::executable()
{
#ifdef FLEET_HUB_EXECUTABLE
    return QStringLiteral(FLEET_HUB_EXECUTABLE);
#else
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../app/hub/fleet-hub");
#endif
}

void HubProcess::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    setEnvironment(environment);
    // Standard input stays open for --password-stdin. A hub that did not start shows in the caller's next
    // wait and in its exit code.
    [[maybe_unused]] const bool started = startWithOpenInput(arguments);
}

bool HubProcess::startServing(const QString &brokerUrl, const QString &databasePath, const QStringList &extra,
                              int timeoutMs)
{
    start(QStringList{QStringLiteral("--broker"), brokerUrl, QStringLiteral("--db"),
                      hubDatabase(databasePath)} +
          extra);
    return waitForServing(timeoutMs);
}

bool HubProcess::stop(int timeoutMs)
{
    signal(SIGTERM);
    return waitForExit(timeoutMs);
}

} // namespace fleet::test
