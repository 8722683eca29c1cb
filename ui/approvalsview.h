#pragma once

#include "commands/approvalrequest.h"

#include <QString>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fleet {

class ApprovalQueueModel;
class FleetSession;

// The shared approval queue as one console sees it: the requests waiting for a decision, and the history of
// decided, expired and withdrawn ones, each with requester, target, the exact payload (indented JSON), age
// and expiry. Approve and Reject publish this console's decision; a rejection needs a reason (the requester
// deserves to know why). Nobody decides on their own requests: the buttons say why they are disabled, from
// ApprovalQueue::canDecide(), the rule the queue itself enforces. When approvals are off (no username, or
// a name that cannot be a topic level) the view says why instead of showing an empty queue.
class ApprovalsView final : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalsView(FleetSession *session, QWidget *parent = nullptr);
    ~ApprovalsView() override;

    ApprovalQueueModel *model() const { return m_model; }
    QSortFilterProxyModel *waitingModel() const { return m_waiting; }
    QSortFilterProxyModel *historyModel() const { return m_history; }
    QTableView *waitingTable() const { return m_waitingTable; }
    QTableView *historyTable() const { return m_historyTable; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *rejectButton() const { return m_reject; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *modeLabel() const { return m_mode; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *payloadView() const { return m_payload; }

    // Selects a request by id in whichever list holds it; false when none does.
    bool selectRequest(const QString &id);
    QString selectedRequest() const { return m_selected; }

public Q_SLOTS:
    void approveSelected();
    void rejectSelected();

Q_SIGNALS:
    // How many requests wait for a decision this console may take, for a badge on the view's tab.
    void waitingCountChanged(int count);

private:
    void onCurrentChanged(QTableView *table, const QModelIndex &current);
    void decide(bool approve);
    void updateProblem();
    void updateDetails();
    // The state and what became of it (approved by whom, sent, the command's result), in one sentence.
    QString outcomeText(const ApprovalRequest &request, qint64 now) const;
    // The targets and the exact topics and payloads that go out (ApprovalContent), as text.
    QString contentText(const ApprovalRequest &request) const;
    void updateButtons();
    void countWaiting();

    FleetSession *m_session;
    ApprovalQueueModel *m_model;
    QSortFilterProxyModel *m_waiting;
    QSortFilterProxyModel *m_history;
    QLabel *m_problem;
    QLabel *m_mode; // "approvals enforced by fleet-hub" or "advisory", always in sight
    QTableView *m_waitingTable;
    QTableView *m_historyTable;
    QLabel *m_summary;
    QPlainTextEdit *m_payload;
    QLineEdit *m_reason;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QLabel *m_status;
    QTimer m_clock; // ages and expiries move on without any message
    QString m_selected;
    ApprovalRequest m_shown; // whose content the payload pane holds
    int m_waitingCount = -1;
};

} // namespace fleet
