#pragma once

#include "commands/commandexecution.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace fleet {

class CommandLedger;

// What a CommandTracker does once per turn of the event loop: the executions changed this turn are committed
// to the CommandLedger (optional, not owned) in one transaction at the end of the turn, then announced
// (executionChanged()), so that nobody hears of a change the ledger could still lose; and the tracker's
// deadline timer is rearmed once (rearmDue()), however many deadlines the turn changed. It also writes the
// tracker's audit log. Without a ledger a change is announced at once.
class CommandJournal final : public QObject
{
    Q_OBJECT

public:
    // executions: the tracker's, read when a change is written (not owned; it must outlive the journal).
    explicit CommandJournal(const QMap<QString, CommandExecution> &executions, QObject *parent = nullptr);

    void setLedger(CommandLedger *ledger) { m_ledger = ledger; }
    CommandLedger *ledger() const { return m_ledger; }

    void notify(const QString &id); // persisted and announced at the end of this event-loop turn
    // Written now, in a transaction of its own (persistAll(): one for all of them, one fsync); announced by
    // a later notify(). True once it is on disk, or when there is no ledger; false, with ledgerFailed()
    // emitted and error set to the ledger's reason, when nothing could be written. The tracker checks it
    // before it publishes anything that needs the record.
    bool persist(const QString &id, QString *error = nullptr);
    bool persistAll(const QStringList &ids, QString *error = nullptr);
    // This turn's changes, written (without announcing them): for a tracker about to be destroyed.
    void persistPending();
    // Writes this turn's changes to the ledger now (and announces them), instead of at the end of the turn.
    void flush() { endOfTurn(); }
    // Written now. False, with ledgerFailed() emitted and error set, when it could not be.
    bool audit(const QString &actor, const QString &action, const QString &subject, const QString &outcome,
               const QString &detail = {}, QString *error = nullptr);
    // rearmDue() once, at the end of this turn (before its changes are committed).
    void rearmAtEndOfTurn();

Q_SIGNALS:
    // Recorded (with a ledger), so it may be announced.
    void executionChanged(const QString &id);
    void ledgerFailed(const QString &message);
    void rearmDue();

private:
    void scheduleTurn();
    void endOfTurn();

    const QMap<QString, CommandExecution> &m_executions;
    CommandLedger *m_ledger = nullptr;
    QTimer m_turn;         // zero-interval: the end of the current event-loop turn
    QStringList m_unsaved; // changed this turn, in order, to commit and announce
    QSet<QString> m_unsavedSet;
    bool m_rearmNeeded = false;
};

} // namespace fleet
