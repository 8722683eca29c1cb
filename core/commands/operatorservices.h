#pragma once

#include "commands/commandcatalog.h"
#include "commands/rollbacklog.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace fleet {

class ApprovalQueue;
class AzureHubClient;
class CommandLedger;
class CommandTracker;
class MqttClient;
class OperatorActions;
class ShadowClient;

// The services an operator's actions go through, over one broker connection, wired one way for the console
// (FleetSession) and for fleetctl:
//
//   CommandTracker <──> ApprovalQueue (sensitive commands)
//   ShadowClient (desired updates, state captured for an inverse), RollbackLog
//   AzureHubClient (Azure twins, direct methods, cloud-to-device messages through the gate)
//   OperatorActions: every change an operator makes, over the three above
//
// Each is owned for the object's whole life and declared in the order they depend on each other, so that
// they are destroyed the other way round; a catalog change goes to the tracker and no service is replaced,
// so a pointer taken from here stays valid as long as this object.
class OperatorServices final : public QObject
{
    Q_OBJECT

public:
    // client must outlive this object.
    explicit OperatorServices(MqttClient *client,
                              const CommandCatalog &catalog = CommandCatalog::defaultCatalog(),
                              QObject *parent = nullptr);
    ~OperatorServices() override;

    void setCatalog(const CommandCatalog &catalog);
    const CommandCatalog &catalog() const;
    // The operator's name, recorded on what they do; approvals use it as their identity.
    void setActor(const QString &username);

    // Which pending commands open() takes back from the ledger: all of them (the console), none (a new
    // fleetctl send) or the ones named (fleetctl status ID --wait).
    struct Resume
    {
        bool any = true;
        QStringList only; // when any: these alone, or all when empty
        static Resume all() { return {}; }
        static Resume none() { return {false, {}}; }
        static Resume ids(const QStringList &ids) { return {true, ids}; }
    };
    // Records everything in ledger (which must stay open while this object lives) and restores from it
    // the pending commands asked for, the approval queue's own and the rollback history. False with error
    // set when the ledger cannot be read; what is only doubtful (a damaged row skipped) goes to warning().
    bool open(CommandLedger *ledger, const Resume &resume, QString *error);
    // Starts the approval queue, once connected (it needs the broker's word on who we are). False with
    // problem set when approvals cannot work (no username, a name that cannot be a topic level); sensitive
    // commands are then refused with that reason.
    bool startApprovals(QString *problem);
    bool approvalsStarted() const { return m_approvalsStarted; }
    QString approvalsProblem() const { return m_approvalsProblem; }

    CommandTracker *tracker() const { return m_tracker.get(); }
    ApprovalQueue *approvals() const { return m_approvals.get(); }
    ShadowClient *shadows() const { return m_shadows.get(); }
    AzureHubClient *azure() const { return m_azure.get(); }
    RollbackLog *rollbacks() const { return m_rollbacks.get(); }
    OperatorActions *actions() const { return m_actions.get(); }

Q_SIGNALS:
    // Something the operator should know: a ledger write failed, a row could not be restored.
    void warning(const QString &message);

private:
    std::unique_ptr<RollbackLog> m_rollbacks;
    std::unique_ptr<CommandTracker> m_tracker;
    std::unique_ptr<ApprovalQueue> m_approvals;
    std::unique_ptr<ShadowClient> m_shadows;
    std::unique_ptr<AzureHubClient> m_azure;
    std::unique_ptr<OperatorActions> m_actions;
    QString m_approvalsProblem;
    bool m_approvalsStarted = false;
    bool m_azureStarted = false;
};

} // namespace fleet
