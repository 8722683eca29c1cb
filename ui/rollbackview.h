#pragma once

#include "common/json.h"

#include <QHash>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace fleet {

class FleetSession;
class RollbackHistoryModel;
struct RollbackEntry;

// The rollback history: every desired-state update and every command with an inverse made from this console
// (or fleetctl on the same ledger), with its device, time, kind, the before and after as a per-key diff, and
// whether it was rolled back. "Roll back" issues the inverse the log works out: the command's inverse through
// the tracker (held for approval like any command when its spec is sensitive), or the previous desired
// values through the shadow client, and marks the entry rolled back by that request: a command at once (the
// tracker follows it from there), a desired update once the service has accepted it.
//
// The log has no signals, so the view looks again shortly after the tracker or the shadow client reports
// something (which is how new entries come about), when it is shown, and on refresh().
class RollbackView final : public QWidget
{
    Q_OBJECT

public:
    explicit RollbackView(FleetSession *session, QWidget *parent = nullptr);
    ~RollbackView() override;

    // One device's history; empty for every device.
    void setDevice(const QString &device);

    RollbackHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QLabel *statusLabel() const { return m_status; }

    bool selectEntry(qint64 entryId);
    qint64 selectedEntry() const; // 0 for none

    // A textual per-key diff of two JSON values (objects are compared by dotted path), one line each:
    // "+ key: value" added, "- key: value" removed, "~ key: old → new" changed.
    static QStringList diffLines(const Json &before, const Json &after);

public Q_SLOTS:
    void refresh();
    void rollBackSelected();

Q_SIGNALS:
    // The inverse was issued: a command's execution id, or a desired update's client token.
    void rolledBack(qint64 entryId, const QString &requestId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void updateDetails();
    QString detailsHtml(const RollbackEntry &entry, QString *whyNot) const;

    FleetSession *m_session;
    RollbackHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QTextBrowser *m_details;
    QPushButton *m_rollback;
    QLabel *m_status;
    QTimer m_refreshTimer;
};

} // namespace fleet
