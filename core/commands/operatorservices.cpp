#include "commands/operatorservices.h"

#include "commands/approvalqueue.h"
#include "commands/azurehubclient.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "common/seterror.h"
#include "shadow/shadowclient.h"
#include "store/commandledger.h"

namespace fleet {

OperatorServices::OperatorServices(MqttClient *client, const CommandCatalog &catalog, QObject *parent)
    : QObject(parent)
    , m_rollbacks(std::make_unique<RollbackLog>())
    , m_tracker(std::make_unique<CommandTracker>(client, catalog))
    , m_approvals(std::make_unique<ApprovalQueue>(client))
    , m_shadows(std::make_unique<ShadowClient>(client))
    , m_azure(std::make_unique<AzureHubClient>(client))
    , m_actions(std::make_unique<OperatorActions>(m_tracker.get(), m_shadows.get(), m_rollbacks.get()))
{
    m_approvals->setTracker(m_tracker.get());
    m_actions->setAzure(m_azure.get());
    connect(m_tracker.get(), &CommandTracker::ledgerFailed, this, &OperatorServices::warning);
    connect(m_approvals.get(), &ApprovalQueue::ledgerFailed, this, &OperatorServices::warning);
    // Desired changes go through fleet-hub's gate when there is one, like commands (the tracker's prefix is
    // set by the queue itself).
    connect(m_approvals.get(), &ApprovalQueue::gateChanged, this, [this] {
        m_shadows->setGatePrefix(m_approvals->submitPrefix());
        m_azure->setGatePrefix(m_approvals->submitPrefix());
    });
    connect(m_approvals.get(), &ApprovalQueue::gateAnswered, m_shadows.get(), &ShadowClient::gateAnswered);
    connect(m_approvals.get(), &ApprovalQueue::gateAnswered, m_azure.get(), &AzureHubClient::gateAnswered);
}

OperatorServices::~OperatorServices() = default;

void OperatorServices::setCatalog(const CommandCatalog &catalog)
{
    m_tracker->setCatalog(catalog);
}

const CommandCatalog &OperatorServices::catalog() const
{
    return m_tracker->catalog();
}

void OperatorServices::setActor(const QString &username)
{
    m_tracker->setActor(username);
    m_azure->setUser(username);
}

bool OperatorServices::open(CommandLedger *ledger, const Resume &resume, QString *error)
{
    m_tracker->setLedger(ledger);
    m_approvals->setLedger(ledger);
    QString problem;
    if (resume.any && m_tracker->resume(&problem, resume.only) < 0) {
        setError(error, problem);
        return false;
    }
    if (!problem.isEmpty())
        Q_EMIT warning(problem);
    problem.clear();
    if (!m_rollbacks->restore(ledger, &problem)) {
        setError(error, problem);
        return false;
    }
    if (!problem.isEmpty())
        Q_EMIT warning(problem);
    return true;
}

bool OperatorServices::startApprovals(QString *problem)
{
    if (m_approvalsStarted)
        return true;
    // Once connected, with the operator's name known: Azure method results come on a topic named after it.
    if (!m_azureStarted)
        m_azureStarted = m_azure->start();
    QString why;
    m_approvalsStarted = m_approvals->start(&why);
    m_approvalsProblem = why;
    m_actions->setApprovalsProblem(why);
    setError(problem, why);
    return m_approvalsStarted;
}

} // namespace fleet
