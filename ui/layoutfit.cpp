#include "layoutfit.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QStringList>
#include <QStyle>

#include <algorithm>

namespace fleet::layoutfit {

void fitSectionsToHeaders(QHeaderView *header)
{
    if (!header || !header->model())
        return;
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    // Room for a sort indicator on every section: it moves to whichever the operator clicks.
    const int indicator = header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header);
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString text = header->model()->headerData(section, header->orientation()).toString();
        const int needed = header->fontMetrics().horizontalAdvance(text) + margins + indicator;
        if (header->sectionSize(section) < needed)
            header->resizeSection(section, needed);
    }
}

void fitSectionToTexts(QHeaderView *header, int section, const QStringList &texts)
{
    if (!header || section < 0 || section >= header->count())
        return;
    // The cells' font is the view's, not the header's; the item's text margin is the focus frame's plus
    // one on each side (as QCommonStyle lays out a view item), and a pixel more each side for rounding.
    const QWidget *view = header->parentWidget() ? header->parentWidget() : header;
    const int margins = 2 * (header->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 2);
    int needed = 0;
    for (const QString &text : texts)
        needed = std::max(needed, view->fontMetrics().horizontalAdvance(text) + margins);
    if (header->sectionSize(section) < needed)
        header->resizeSection(section, needed);
}

void letShrink(QComboBox *combo, int chars)
{
    // Sized to its longest choice when there is room (its size hint), down to chars characters when there
    // is not: a minimum width of its own overrides the minimum size hint, which is the longest choice.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumWidth(chars * combo->fontMetrics().averageCharWidth() +
                           combo->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, combo) + 16);
}

void fitPlaceholder(QLineEdit *edit)
{
    const QFontMetrics fm = edit->fontMetrics();
    // The frame, the text margins and a clear button's room.
    edit->setMinimumWidth(fm.horizontalAdvance(edit->placeholderText()) + 2 * fm.averageCharWidth() + 24);
}

} // namespace fleet::layoutfit
