#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace fleet {

// Presents a DeviceTableModel row from its raw roles, so that the model stays free of wording and colours:
// connectivity with how long it has held, last seen relative to now, the shadow as "in sync" or "N keys
// pending", pending commands blank at zero. It reads only the painted cell's roles: a table of 100,000
// devices costs what its visible rows cost.
class DeviceItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit DeviceItemDelegate(QObject *parent = nullptr);

    // Milliseconds since the epoch; tests replace it.
    void setClock(std::function<qint64()> clock);
    qint64 now() const { return m_clock(); }

    // "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "never" for 0.
    static QString relativeTime(qint64 thenMs, qint64 nowMs);
    // "12 s", "5 min", ...: how long something has lasted.
    static QString duration(qint64 ms);
    static QString connectivityText(int connectivity);
    static QString shadowText(int shadow);

    // The text a cell shows.
    QString textFor(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::function<qint64()> m_clock;
};

} // namespace fleet
