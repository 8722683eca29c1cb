#pragma once

#include "eventwait.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace fleet {
class MqttClient;
} // namespace fleet

namespace fleet::bench {

// A real fleet-sim child process with N devices on a broker, started and stopped by this object: start()
// returns once every device's retained "online" has reached a watching client, so that a command sent then
// finds the whole fleet subscribed; stop() sends SIGTERM to the child's PID (SIGKILL if it lingers), never
// anything by name.
class SimFleetProcess final : public QObject
{
    Q_OBJECT

public:
    SimFleetProcess(const QString &brokerUrl, int devices, const QString &prefix, const QString &logPath,
                    QObject *parent = nullptr);
    ~SimFleetProcess() override;

    bool start(SteadyClock::time_point deadline, QString *error);
    // False when it had to be killed or exited with a non-zero status.
    bool stop(QString *error);

    qint64 pid() const { return m_pid; }
    // PREFIX-1 .. PREFIX-N, the ids fleet-sim gives its devices.
    const QStringList &deviceIds() const { return m_deviceIds; }
    // The group fleet-sim puts every device in with its default of one group.
    QString group() const;
    double secondsToOnline() const { return m_secondsToOnline; }
    // The end of the child's output, for error messages.
    QString logTail(int lines = 10) const;

private:
    QString m_brokerUrl;
    QString m_prefix;
    QString m_logPath;
    QStringList m_deviceIds;
    QProcess m_process;
    MqttClient *m_watcher;
    qint64 m_pid = 0;
    double m_secondsToOnline = -1;
};

} // namespace fleet::bench
