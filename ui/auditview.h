#pragma once

#include "commands/gateauditquery.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fleet {

class AuditLogModel;
class MqttClient;

// fleet-hub's audit log: who did what at the command gate (relayed, held, approved, refused, sent, …), read
// through the broker with GateAuditQuery. Refresh reads what is new since the last entry shown (the whole log
// the first time, up to MaxEntriesPerRefresh at a time); the filter narrows the rows to an actor, requester
// or request id (AuditLogModel::FilterTextRole); the selected entry is shown in full below, as plain text.
// The status line says how many entries there are, or why there are none: no gate on this broker, no
// username, fleet-hub not answering.
//
// The view reads the log the first time it is shown and connected; after that, on Refresh.
class AuditView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxEntriesPerRefresh = 5000;

    // client: not owned, shared with the rest of the console. identity: the MQTT username the client connects
    // with, asked for at each refresh (the console may connect as someone else later).
    AuditView(MqttClient *client, std::function<QString()> identity, QWidget *parent = nullptr);
    ~AuditView() override;

    AuditLogModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *refreshButton() const { return m_refresh; }
    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *detailView() const { return m_detail; }
    bool isLoading() const { return m_query != nullptr; }

public Q_SLOTS:
    // Reads what is new; nothing when a read is under way.
    void refresh();

Q_SIGNALS:
    // A refresh ended: with the new entries added, or with an error (then message says why).
    void refreshed(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onFinished();
    void onFailed(const QString &message);
    void updateStatus();
    void updateDetail();

    MqttClient *m_client;
    std::function<QString()> m_identity;
    AuditLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QPushButton *m_refresh;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QLabel *m_status;
    QPointer<GateAuditQuery> m_query;
    QString m_problem;      // the last refresh's error, until the next one succeeds
    qint64 m_moreAfter = 0; // the last refresh stopped at its maximum: the log goes on after this
    QString m_source;       // the broker and account the rows came from
    bool m_loadedOnce = false;
};

} // namespace fleet
