#pragma once

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace fleet {

class ApprovalQueue;

// The requests of an ApprovalQueue (not owned), one row each, oldest first (ids are ordered tids). A request
// that appears is inserted at its place, one that changes emits dataChanged for its row, one the queue drops
// is removed. Pending and decided requests share the table; the state role lets a proxy split them into
// "waiting" and "history".
class ApprovalQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RequestedColumn,
        RequesterColumn,
        DeviceColumn,
        CommandColumn,
        StateColumn,
        ExpiresColumn,
        DecidedByColumn,
        ReasonColumn,
        ColumnCount
    };

    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        StateRole,                 // int, an ApprovalRequest::State; Expired for a pending one past its time
        RequestedRole,             // qint64, ms since the epoch
        ExpiresRole,               // qint64, ms since the epoch
        RequesterRole,             // QString
        PayloadRole,               // QString, the command's payload as indented JSON
        CanDecideRole,             // bool: this console may approve or reject it
        DecisionCountRole,         // int, decisions received
    };

    explicit ApprovalQueueModel(ApprovalQueue *queue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a request, -1 when it has none.
    int rowOf(const QString &id) const;

private:
    void onRequestChanged(const QString &id);
    void onRequestRemoved(const QString &id);

    QPointer<ApprovalQueue> m_queue;
    QStringList m_ids; // sorted, as the queue orders them
};

} // namespace fleet
