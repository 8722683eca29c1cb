#pragma once

#include <QStringList>

class QComboBox;
class QHeaderView;
class QLineEdit;

namespace fleet::layoutfit {

// Small layout rules shared by the views, so that they fit a 1280x800 window in every language (checked by
// tst_mainwindow::fitsAt1280InEveryLanguage).

// Widens each shown section narrower than its header's text (with the style's margins and the sort
// indicator), so that no column header is cut off at its default width; wider sections are left alone.
void fitSectionsToHeaders(QHeaderView *header);

// Widens a section narrower than the widest of texts as an item view draws them (with its margins): for
// columns whose cells a delegate words (states, durations), fitted to their longest wording in the current
// language. Wider sections are left alone.
void fitSectionToTexts(QHeaderView *header, int section, const QStringList &texts);

// Lets a combo box be narrower than its longest item (chars characters at least): a combo sized to its
// longest translated choice made a filter row, and the window, wider than the screen.
void letShrink(QComboBox *combo, int chars = 10);

// Never narrower than its placeholder: the only hint of what it filters by.
void fitPlaceholder(QLineEdit *edit);

} // namespace fleet::layoutfit
