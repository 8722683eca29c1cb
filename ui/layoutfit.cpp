#include "layoutfit.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyle>

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

void letShrink(QComboBox *combo, int chars)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(chars);
}

} // namespace fleet::layoutfit
