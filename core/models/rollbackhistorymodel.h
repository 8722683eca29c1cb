#pragma once

#include "commands/rollbackentry.h"

#include <QAbstractTableModel>
#include <QList>

namespace fleet {

class RollbackLog;

// The entries of a RollbackLog (not owned), one row each, oldest first: what the console changed and whether
// it has been undone. RollbackLog is a plain value with no signals, so the model is told when to look again
// (refresh()): it then removes the entries the log dropped (the oldest), emits dataChanged for entries that
// changed (rolled back) and inserts the new ones in one beginInsertRows(), so that a view keeps its
// selection.
//
// Qt::DisplayRole gives text; the raw roles give typed values: times in milliseconds since the epoch, the
// kind as an int, before and after as compact JSON text.
class RollbackHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, DeviceColumn, KindColumn, ChangeColumn, RolledBackColumn, ColumnCount };

    enum Role {
        EntryIdRole = Qt::UserRole + 1, // qint64
        TimeRole,                       // qint64, ms since the epoch
        DeviceRole,                     // QString
        KindRole,                       // int, a RollbackEntry::Kind
        CommandRole,                    // QString, of a command entry
        ShadowNameRole,                 // QString, of a desired update (empty: the classic shadow)
        BeforeRole,                     // QString, compact JSON
        AfterRole,                      // QString, compact JSON
        ParametersRole,                 // QString, compact JSON, of a command entry
        RolledBackByRole,               // QString, empty while not rolled back
    };

    explicit RollbackHistoryModel(RollbackLog *log, QObject *parent = nullptr);
    ~RollbackHistoryModel() override;

    // Reads the log again and applies the differences.
    void refresh();

    // The row of an entry, -1 when it has none.
    int rowOf(qint64 entryId) const;
    // The entry shown on a row, as last refreshed; nullptr out of range.
    const RollbackEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    RollbackLog *m_log;
    QList<RollbackEntry> m_entries; // ids ascending, as the log keeps them
};

} // namespace fleet
