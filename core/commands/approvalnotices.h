#pragma once

#include "commands/approvalqueue.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QTimer>

namespace fleet {

// What in the approval queue deserves this user's attention, for a desktop notification, the window's
// urgency hint and a badge (DesktopNotifier in ui/ shows them; this class only decides):
//   - Waiting: a request of ANOTHER user that this user may decide (ApprovalQueue::canDecide());
//   - Approved, Rejected, Expired: this user's own request was decided (or nobody decided in time);
//   - Finished: this user's approved command has its final result.
// Each transition of a request is told once: retained copies come again on every reconnect and every
// console's republish, and a notification per copy would train people to ignore them. What was already
// decided when this object started watching is old news, not a notice; a request waiting for a decision
// is news whenever it is first seen. Many notices of one kind in the same event-loop turn (a console
// starting in front of a full queue, an approver deciding a broadcast's requests) become one that counts
// them.
class ApprovalNotices final : public QObject
{
    Q_OBJECT

public:
    struct Notice
    {
        enum class Kind { Waiting, Approved, Rejected, Expired, Finished };

        Kind kind = Kind::Waiting;
        QString id;      // the request's queue key; empty for a notice that stands for several
        QString summary; // one line (translated, plain text: it quotes what other accounts published)
        QString body;
        int count = 1; // the requests it stands for
    };

    // Requests remembered to tell a new transition from a repeat: as many as the queue keeps. Past it the
    // longest known are forgotten first (a forgotten request that changes again is told again at worst).
    static constexpr qsizetype MaxRemembered = ApprovalQueue::MaxRequests;
    // More notices of one kind in one event-loop turn than this become one.
    static constexpr int MaxNoticesPerTurn = 3;

    // Follows the queue (not owned; it must outlive this object, or be its parent).
    explicit ApprovalNotices(ApprovalQueue *queue, QObject *parent = nullptr);
    ~ApprovalNotices() override;

    // The requests that wait for this user's decision now (expired ones leave on their own).
    int waitingCount() const { return int(m_waiting.size()); }
    QStringList waiting() const { return m_waiting.keys(); }

Q_SIGNALS:
    void notice(const fleet::ApprovalNotices::Notice &notice);
    void waitingChanged(int count);

private:
    enum Told : quint8 {
        ToldWaiting = 1,
        ToldApproved = 2,
        ToldRejected = 4,
        ToldExpired = 8,
        ToldFinished = 16,
    };

    void review(const QString &id);
    void onRemoved(const QString &id);
    void onGateAnswered(const QString &id, const QString &outcome, const QString &reason);
    // Queues the notice unless this transition of the request was told already.
    void tell(const QString &id, Told what, bool live, Notice notice);
    void flush();
    void setWaiting(const QString &id, bool waiting, qint64 expiresMs = 0);
    void checkExpiries();
    void armExpiry();

    ApprovalQueue *m_queue;
    qint64 m_sinceMs; // transitions before it are old news
    QHash<QString, quint8> m_told;
    QQueue<QString> m_toldOrder;      // oldest first, to forget past MaxRemembered
    QHash<QString, qint64> m_waiting; // id -> expiry
    QList<Notice> m_pending;          // this turn's, until flush()
    QTimer m_expiry;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::ApprovalNotices::Notice)
