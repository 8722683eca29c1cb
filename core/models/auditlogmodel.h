#pragma once

#include "commands/gateauditquery.h"

#include <QAbstractTableModel>
#include <QList>

namespace fleet {

// Entries of fleet-hub's audit log (as GateAuditQuery reads them), one row each, in the order of their
// sequence numbers. Pages are appended as they come: one insert per page; an entry at or before the last one
// shown is a page read again and is skipped. The model keeps at most maxRows() rows and drops the oldest past
// it, since a console left open on a busy gate would otherwise keep every row it ever read.
//
// Every column's Qt::DisplayRole is plain text as the gate wrote it (nothing is interpreted as markup),
// except TimeColumn, whose display value is a QDateTime in local time for the view to format. The raw roles
// give the typed fields; FilterTextRole is what a view's text filter matches (actor, requester and request
// id), so the filter's rule stays here rather than in a widget.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Entry = GateAuditQuery::Entry;

    enum Column {
        TimeColumn,
        ActorColumn,
        ActionColumn,
        RequestColumn,
        TopicColumn,
        DetailColumn,
        ColumnCount
    };

    enum Role {
        SeqRole = Qt::UserRole + 1, // qint64
        TimeRole,                   // qint64, ms since the epoch
        ActorRole,                  // QString
        ActionRole,                 // QString
        RequesterRole,              // QString
        RequestIdRole,              // QString
        TopicRole,                  // QString
        DetailRole,                 // QString
        FilterTextRole,             // QString: actor, requester and id, one per line
    };

    static constexpr int DefaultMaxRows = 20000;

    explicit AuditLogModel(QObject *parent = nullptr);
    ~AuditLogModel() override;

    // At least 1; the oldest rows past it go at once.
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }

    // Adds the entries after the last one shown, dropping the oldest rows past maxRows().
    void append(const QList<Entry> &entries);
    void clear();

    // The last entry's sequence number (0 when empty): where a reader goes on from.
    qint64 lastSeq() const { return m_entries.isEmpty() ? 0 : m_entries.constLast().seq; }
    // Rows dropped for the cap since the last clear().
    qint64 droppedCount() const { return m_dropped; }
    // The entry on a row; nullptr out of range.
    const Entry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void trim();

    QList<Entry> m_entries; // seq ascending
    int m_maxRows = DefaultMaxRows;
    qint64 m_dropped = 0;
};

} // namespace fleet
