#pragma once

#include <QCoreApplication>
#include <QString>

class QAbstractButton;
class QAbstractItemView;
class QAction;
class QModelIndex;

namespace fleet {

// The right-click menu of the console's tables and trees, made of QActions added to the view (with
// Qt::ActionsContextMenu), so that every view offers the same things in the same words: what the view's
// buttons do to the selection, then Copy (the selected rows) and Copy cell.
//
// A mirrored action clicks its button rather than calling the slot behind it: the button is where the view
// decides what may be done (enabled, tooltip saying why not), and the menu must never offer more.
//
// Call these after the view's setModel(): the copy actions follow the selection model it creates.
class ItemViewActions final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::ItemViewActions)

public:
    ItemViewActions() = delete;

    // Adds to view's context menu an action worded as button (its text, mnemonic included, and tooltip),
    // enabled exactly when the button is and hidden when it is hidden, whose trigger clicks the button. It
    // lives as long as both do.
    static QAction *mirror(QAbstractButton *button, QAbstractItemView *view);

    // Adds Copy (Ctrl+C while the view has focus) and Copy cell, after a separator when the view already
    // has actions. Both are disabled while nothing is selected. Returns Copy.
    static QAction *addCopy(QAbstractItemView *view);

    // Adds an action named text that copies the current index's role, as text: what a column does not
    // show whole (a JSON path, an id). Disabled while nothing is selected.
    static QAction *addCopyRole(QAbstractItemView *view, const QString &text, int role);

    // What Copy puts on the clipboard: one line per selected row in the order the view shows them, the
    // visible columns in the header's order separated by tabs, each cell as the view draws it.
    static QString selectedRowsText(const QAbstractItemView *view);
    // A cell's text as the view draws it: a delegate may word a raw value (a time, a state).
    static QString cellText(const QAbstractItemView *view, const QModelIndex &index);
};

} // namespace fleet
