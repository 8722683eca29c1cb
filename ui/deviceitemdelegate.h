#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace fleet {

// Presents a DeviceTableModel row from its raw roles, worded by DeviceText and coloured here: connectivity
// with how long it has held, last seen relative to now (the model has no clock), the shadow as "In sync" or
// "N keys pending", pending commands blank at zero. It reads only the painted cell's roles: a table of
// 100,000 devices costs what its visible rows cost.
class DeviceItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit DeviceItemDelegate(QObject *parent = nullptr);

    // Milliseconds since the epoch; tests replace it.
    void setClock(std::function<qint64()> clock);
    qint64 now() const { return m_clock(); }

    // The text a cell shows.
    QString textFor(const QModelIndex &index) const;
    // The longest texts a column's cells show (every state, a long duration), in the current language:
    // what the column's width is fitted to, so that no cell is cut off. Empty for columns of plain data.
    static QStringList widestTexts(int column);
    // Without a connection to the broker connectivity is only the last known: shown so, and greyed.
    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    std::function<qint64()> m_clock;
    bool m_stale = false;
};

} // namespace fleet
