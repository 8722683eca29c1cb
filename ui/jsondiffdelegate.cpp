#include "jsondiffdelegate.h"

#include "models/jsontreemodel.h"

#include <QFontDatabase>

namespace fleet {

JsonDiffDelegate::JsonDiffDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor JsonDiffDelegate::differsColour(const QPalette &palette)
{
    // Amber, blended into the base colour so that text stays readable on light and dark themes alike.
    const QColor base = palette.color(QPalette::Base);
    const QColor amber(0xf3, 0x9c, 0x12);
    constexpr double share = 0.3;
    return QColor::fromRgbF(float(base.redF() * (1 - share) + amber.redF() * share),
                            float(base.greenF() * (1 - share) + amber.greenF() * share),
                            float(base.blueF() * (1 - share) + amber.blueF() * share));
}

QBrush JsonDiffDelegate::backgroundFor(const QModelIndex &index, const QPalette &palette)
{
    return index.data(JsonTreeModel::DiffersRole).toBool() ? QBrush(differsColour(palette)) : QBrush();
}

void JsonDiffDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (const QBrush brush = backgroundFor(index, option->palette); brush.style() != Qt::NoBrush)
        option->backgroundBrush = brush;
    if (index.column() != JsonTreeModel::KeyColumn) {
        // Values are JSON: aligned characters make 1 and "1" and nested brackets easier to read.
        QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        fixed.setPointSizeF(option->font.pointSizeF());
        option->font = fixed;
    }
}

} // namespace fleet
