#pragma once

#include "commands/commandcatalog.h"
#include "commands/operatorservices.h"
#include "commands/rollbacklog.h"
#include "common/ratemeter.h"
#include "mqtt/brokerprofile.h"
#include "store/commandledger.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace fleet {

class AzureHubClient;

class ApprovalQueue;
class CommandTracker;
class FleetRegistry;
class MqttClient;
class MqttMessage;
class OperatorActions;
class ShadowClient;
class ShadowNameDirectory;
class TrafficCapture;

// One operator's connection to a fleet: the services of the console's core, created together and wired the
// way the console uses them, so that the GUI (and a test) holds one object instead of seven:
//
//   MqttClient ─ every message ─> FleetRegistry (devices, presence, shadow summaries)
//        │                              │ presence
//        │                              v
//        ├──────────────────────> CommandTracker <──> ApprovalQueue (sensitive commands)
//        │                              │ pending commands per device back to the registry
//        └──────────────────────> ShadowClient (device detail, desired updates)
//                                 CommandLedger (executions, approvals, rollbacks, audit), RollbackLog
//   OperatorActions: every change an operator makes (commands, desired state, rollbacks, retries), over the
//                    tracker, the shadow client and the rollback log
//   (the tracker, approval queue, shadow client, rollback log and actions come as one OperatorServices,
//   wired the same way for fleetctl)
//   TrafficCapture: the live traffic the views show, on a second connection with the same account, opened
//   once a view gives it filters (see TrafficCapture for why it is not the services' client)
//   ShadowNameDirectory: the named shadows seen on either connection, for the device page's shadow list
//
// The session owns each service for its whole life, declared in the order they depend on each other so
// that they are destroyed the other way round (the client last). A catalog change goes to the tracker; no
// service is ever replaced, so a pointer taken from the session stays valid as long as the session.
//
// open() opens the ledger and resumes what it holds (pending commands, the approval queue, the rollback
// history); connectToBroker() connects with the profile and the password given (from the keychain, never a
// file). The identity of the operator is the profile's username.
class FleetSession final : public QObject
{
    Q_OBJECT

public:
    explicit FleetSession(QObject *parent = nullptr);
    ~FleetSession() override;

    // The catalog commands are checked against (and whose response topics are listened on).
    void setCatalog(const CommandCatalog &catalog);
    const CommandCatalog &catalog() const;
    // Where devices announce their presence and send telemetry (templates with {id} as one level; defaults
    // presence/{id} and telemetry/{id}). Both or neither: false, with error, for a template the registry
    // refuses. The new topics are subscribed to at once.
    bool setDeviceTopics(const QString &presenceTemplate, const QString &telemetryTemplate,
                         QString *error = nullptr);

    // Opens the ledger (CommandLedger::defaultPath() for an empty path) and restores its history. False with
    // error set when the ledger cannot be used; the session still works without one (nothing is durable).
    bool open(const QString &ledgerPath = {}, QString *error = nullptr);

    // Connects (and reconnects after losses). The approval queue starts once connected, when the profile
    // has a username.
    bool connectToBroker(const BrokerProfile &profile, const QString &password = {});
    void disconnectFromBroker();

    MqttClient *client() const { return m_client.get(); }
    TrafficCapture *traffic() const { return m_traffic.get(); }
    FleetRegistry *registry() const { return m_registry.get(); }
    // The named shadows seen so far, per thing (AWS lists them over HTTP only).
    ShadowNameDirectory *shadowNames() const { return m_shadowNames.get(); }
    CommandTracker *tracker() const { return m_services->tracker(); }
    ApprovalQueue *approvals() const { return m_services->approvals(); }
    ShadowClient *shadows() const { return m_services->shadows(); }
    AzureHubClient *azure() const { return m_services->azure(); }
    // Whether the device speaks Azure IoT Hub (its catalog profile's dialect): its state is a twin that
    // fleet-hub keeps, not a shadow.
    bool isAzureDevice(const QString &id) const;
    OperatorActions *actions() const { return m_services->actions(); }
    CommandLedger *ledger() { return m_ledger->isOpen() ? m_ledger.get() : nullptr; }
    RollbackLog *rollbacks() { return m_services->rollbacks(); }
    QString identity() const;
    // Why approvals are off (no username, a name that cannot be a topic level), empty when they work.
    QString approvalsProblem() const { return m_services->approvalsProblem(); }

    // Whether the classic shadow of each device the registry discovers is fetched (a few requests at a time,
    // fleets of up to MaxPrefetchDevices), so that the device table shows its state from the start. On by
    // default; without a shadow service the requests time out quietly.
    void setShadowPrefetch(bool enabled) { m_shadowPrefetch = enabled; }
    static constexpr int MaxPrefetchDevices = 10000;
    static constexpr int MaxPrefetchInFlight = 20;

    // Messages received per second, averaged over about 5 s (RateMeter), updated once a second.
    double messagesPerSecond() const { return m_rate; }
    int pendingCommands() const;

Q_SIGNALS:
    void messageRateChanged(double perSecond);
    void pendingCommandsChanged(int count);
    void catalogChanged();
    // Something the operator should know (a ledger write failed, approvals cannot start).
    void warning(const QString &message);

private:
    void onConnected();
    void onMessage(const MqttMessage &message);
    void onDevicesChanged(const QList<int> &rows);
    void onDevicesAdded(int first, int last);
    void onExecutionChanged(const QString &id);
    void tick();
    void prefetchShadows();
    void subscribeRegistry();

    // In dependency order: destroyed bottom up.
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<CommandLedger> m_ledger;
    std::unique_ptr<FleetRegistry> m_registry;
    std::unique_ptr<ShadowNameDirectory> m_shadowNames;
    std::unique_ptr<OperatorServices> m_services;
    std::unique_ptr<TrafficCapture> m_traffic;
    // Both mirror the tracker's unfinished executions, and an entry leaves with its last one: they are
    // bounded as the tracker bounds its executions, whatever ids traffic names.
    QHash<QString, QString> m_pendingIds;   // unfinished execution -> its device
    QHash<QString, int> m_pendingPerDevice; // device -> unfinished executions
    QSet<QString> m_registryFilters;        // subscribed for the registry
    QTimer m_rateTimer;
    QTimer m_prefetchTimer;
    // At most MaxPrefetchDevices ids in the session's life: registry rows are never removed, and only rows
    // added while the registry holds at most that many are queued.
    QStringList m_prefetchQueue;
    QSet<QString> m_prefetching; // tokens of the gets under way, at most MaxPrefetchInFlight
    bool m_shadowPrefetch = true;
    RateMeter m_rateMeter;
    double m_rate = 0;
    int m_pending = 0;
};

} // namespace fleet
