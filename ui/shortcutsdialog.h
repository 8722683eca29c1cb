#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTableWidget;

namespace fleet {

// Help > Keyboard shortcuts: every shortcut a window and its views define, gathered when the dialog opens
// from the QActions and QShortcuts registered under the window, so that the list follows the code instead of
// a hand-written table that goes stale the day someone adds a shortcut.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString keys;   // as the platform writes them, "Ctrl+K"; several separated by ", "
        QString action; // the action's text, without mnemonics
        QString where;  // the menu it is in ("View › Go to tab"), else the tab or dock it works in
    };

    // Lists window's shortcuts; window is read once, here, and not kept.
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // What the dialog lists: every enabled-or-not action and shortcut under window that has a key sequence,
    // each once, sorted by where and then by action.
    static QList<Entry> collect(QWidget *window);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace fleet
