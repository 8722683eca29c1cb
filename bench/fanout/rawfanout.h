#pragma once

#include "eventwait.h"
#include "fanoutresult.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace fleet::bench {

// The reference a CommandTracker is measured against: a bare MqttClient that publishes the very requests the
// tracker would (same topics, the Atlas payload with a fresh tid each, the same MQTT 5 properties, QoS 1, the
// same in-flight window) and only counts the replies arriving on the response topics. What it costs is the
// broker's and the fleet's part of a fan-out; whatever the tracker needs beyond it is tracking.
//
// Replies are counted by topic while the clock runs, as a client that tracks nothing would; whether they
// answer the requests sent (tid and device) is checked afterwards, outside the measured time.
class RawFanout final : public QObject
{
    Q_OBJECT

public:
    RawFanout(const QString &brokerUrl, int maxInFlight, QObject *parent = nullptr);

    // The broker's and the simulator's CPU time is read over the same span as the driver's.
    void setWatchedProcesses(qint64 brokerPid, qint64 simPid);

    // One request per device on its request topic.
    FanoutResult runDevices(const QString &name, const QStringList &devices, const QString &color,
                            SteadyClock::time_point deadline);
    // One request on the group's topic, answered by each of its devices on the group's response topic.
    FanoutResult runGroup(const QString &name, const QString &group, const QStringList &devices,
                          const QString &color, SteadyClock::time_point deadline);

private:
    // A group is empty for one request per device.
    FanoutResult run(const QString &name, const QStringList &devices, const QString &group,
                     const QString &color, SteadyClock::time_point deadline);

    QString m_brokerUrl;
    int m_maxInFlight;
    qint64 m_brokerPid = 0;
    qint64 m_simPid = 0;
    int m_runs = 0; // each run has a client id of its own
};

} // namespace fleet::bench
