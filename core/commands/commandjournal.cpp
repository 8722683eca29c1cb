#include "commands/commandjournal.h"

#include "common/seterror.h"
#include "store/commandledger.h"

#include <QCoreApplication>

#include <utility>

namespace fleet {

CommandJournal::CommandJournal(const QMap<QString, CommandExecution> &executions, QObject *parent)
    : QObject(parent)
    , m_executions(executions)
{
    m_turn.setSingleShot(true);
    m_turn.setInterval(0);
    connect(&m_turn, &QTimer::timeout, this, &CommandJournal::endOfTurn);
}

// The messages below are the tracker's ledgerFailed() texts: translated under its context, where their
// translations are.
bool CommandJournal::persist(const QString &id, QString *error)
{
    const auto it = m_executions.constFind(id);
    if (!m_ledger || it == m_executions.cend() || m_ledger->record(*it))
        return true;
    setError(error, m_ledger->errorString());
    const QString message = QCoreApplication::translate("fleet::CommandTracker",
                                                        "Command %1 could not be written to the ledger: %2")
                                .arg(id, m_ledger->errorString());
    qWarning("%s", qPrintable(message));
    Q_EMIT ledgerFailed(message);
    return false;
}

bool CommandJournal::audit(const QString &actor, const QString &action, const QString &subject,
                           const QString &outcome, const QString &detail, QString *error)
{
    if (!m_ledger || m_ledger->appendAudit(actor, action, subject, outcome, detail))
        return true;
    const QString message = m_ledger->errorString();
    setError(error, message);
    Q_EMIT ledgerFailed(message);
    return false;
}

bool CommandJournal::persistAll(const QStringList &ids, QString *error)
{
    if (!m_ledger || ids.isEmpty())
        return true;
    QList<CommandExecution> executions;
    executions.reserve(ids.size());
    for (const QString &id : ids) {
        if (const auto it = m_executions.constFind(id); it != m_executions.cend())
            executions.append(*it);
    }
    if (m_ledger->recordAll(executions))
        return true;
    setError(error, m_ledger->errorString());
    const QString message =
        QCoreApplication::translate("fleet::CommandTracker",
                                    "%n command(s) could not be written to the ledger: %1", nullptr,
                                    int(ids.size()))
            .arg(m_ledger->errorString());
    qWarning("%s", qPrintable(message));
    Q_EMIT ledgerFailed(message);
    return false;
}

void CommandJournal::persistPending()
{
    persistAll(std::exchange(m_unsaved, {}));
}

void CommandJournal::notify(const QString &id)
{
    if (!m_ledger) {
        Q_EMIT executionChanged(id);
        return;
    }
    // With a ledger, the changes of one turn of the event loop are committed together (one fsync for a burst
    // of replies) and announced after the commit: nobody hears of a change the ledger could still lose.
    if (!m_unsavedSet.contains(id)) {
        m_unsavedSet.insert(id);
        m_unsaved.append(id);
    }
    scheduleTurn();
}

void CommandJournal::rearmAtEndOfTurn()
{
    // Coalesced to one scan per turn of the event loop: a broadcast changes thousands of deadlines in one
    // turn, and a scan for each was quadratic.
    m_rearmNeeded = true;
    scheduleTurn();
}

void CommandJournal::scheduleTurn()
{
    if (!m_turn.isActive())
        m_turn.start();
}

void CommandJournal::endOfTurn()
{
    if (m_rearmNeeded) {
        m_rearmNeeded = false;
        Q_EMIT rearmDue();
    }
    if (m_unsaved.isEmpty())
        return;
    const QStringList ids = std::exchange(m_unsaved, {});
    m_unsavedSet.clear();
    persistAll(ids);
    for (const QString &id : ids)
        Q_EMIT executionChanged(id);
}

} // namespace fleet
