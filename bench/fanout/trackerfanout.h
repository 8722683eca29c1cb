#pragma once

#include "common/json.h"

#include "eventwait.h"
#include "fanoutresult.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace fleet::bench {

// Sends one catalog command (set_led of the default catalog) to every device through a fresh CommandTracker
// on a fresh MqttClient, as the console does, and judges the outcome: the time until every execution had a
// verdict, each execution's latency from its creation to its verdict (the tracker's own timestamps), the
// verdicts by state, the devices left without one, and whether each verdict is right. With faults off every
// verdict must be Succeeded and rest on exactly one final reply, and that reply (as it came off the wire)
// must carry the execution's tid and come from the execution's device.
//
// Optionally with a CommandLedger (SQLite, synchronous=FULL): the console runs with one, and then every
// state change is committed (one transaction per event-loop turn) before it is signalled.
//
// Or through fleet-hub's command gate: the client connects as a user, the tracker's gate prefix is
// fleet/gate/submit/USER/, and the gate's answers on fleet/gate/results/USER are read as the console's
// ApprovalQueue reads them (a refusal fails the execution); the hub then relays each request to the device.
//
// Or an AWS IoT command (show_message of the default catalog, dialect aws-commands): the client connects as a
// user, the tracker starts each execution on fleet/aws-commands/start/USER/TID, and fleet-hub's AWS IoT
// commands service creates it, sends the request to the thing and announces every status on
// $aws/events/commandExecution/show_message/STATUS, from which the tracker takes the verdict. There the
// device's own answer goes to the hub, not to the tracker, so the check on the wire is the hub's: one
// execution per start (the answer on fleet/aws-commands/results/USER), and its SUCCEEDED event names the
// execution's own thing.
class TrackerFanout final : public QObject
{
    Q_OBJECT

public:
    TrackerFanout(const QString &brokerUrl, int maxInFlight, QObject *parent = nullptr);

    // The broker's and the simulator's CPU time is read over the same span as the driver's.
    void setWatchedProcesses(qint64 brokerPid, qint64 simPid);
    // A fleet-hub process on the broker (0: none), whose CPU time is read too.
    void setHubProcess(qint64 hubPid) { m_hubPid = hubPid; }

    // sendToDevices(): one execution per device. An empty ledgerPath runs without a ledger.
    FanoutResult runDevices(const QString &name, const QStringList &devices, const QString &color,
                            const QString &ledgerPath, SteadyClock::time_point deadline);
    // sendToGroup() on the group's topic: one request, one execution ("part") per device that answers.
    FanoutResult runGroup(const QString &name, const QString &group, const QStringList &devices,
                          const QString &color, SteadyClock::time_point deadline);
    // sendToDevices() through fleet-hub's gate, submitting as user (no ledger).
    FanoutResult runThroughGate(const QString &name, const QStringList &devices, const QString &color,
                                const QString &user, SteadyClock::time_point deadline);
    // sendToDevices() of show_message ({"text": text}) to every thing, an AWS IoT command execution each,
    // started through fleet-hub as user (no ledger).
    FanoutResult runAwsCommands(const QString &name, const QStringList &things, const QString &text,
                                const QString &user, SteadyClock::time_point deadline);

    // The topics of docs/security.md.
    static QString gateSubmitPrefix(const QString &user);
    static QString gateResultsTopic(const QString &user);
    // docs/aws-commands.md.
    static QString awsResultsTopic(const QString &user);

private:
    // What one run sends, and how.
    struct Send
    {
        QString command; // a catalog command: set_led, or show_message (aws)
        Json parameters;
        QString group;      // sendToGroup() on it; empty: sendToDevices()
        QString ledgerPath; // with a CommandLedger there; empty: without
        QString gateUser;   // through fleet-hub's gate as this user; empty: published directly
        QString awsUser;    // an AWS IoT command, started through fleet-hub as this user; empty: Atlas
    };

    FanoutResult run(const QString &name, const QStringList &devices, const Send &send,
                     SteadyClock::time_point deadline);

    QString m_brokerUrl;
    int m_maxInFlight;
    qint64 m_brokerPid = 0;
    qint64 m_simPid = 0;
    qint64 m_hubPid = 0;
    int m_runs = 0; // each run has a client id of its own
};

} // namespace fleet::bench
