#include "jsondiffdelegate.h"

#include "models/jsontreemodel.h"
#include "themecolors.h"

#include <QFontDatabase>

namespace fleet {

JsonDiffDelegate::JsonDiffDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor JsonDiffDelegate::differsColour(const QPalette &palette)
{
    // A light tint of the theme's delta colour: the row stands out and its text (in that colour) still
    // reads on it; tst_themecolors checks the contrast.
    return ThemeColors::blend(palette.color(QPalette::Base),
                              ThemeColors::forPalette(palette).color(ThemeColors::Role::Changed),
                              DiffersTint);
}

QColor JsonDiffDelegate::differsTextColour(const QPalette &palette)
{
    return ThemeColors::forPalette(palette).color(ThemeColors::Role::Changed);
}

QBrush JsonDiffDelegate::backgroundFor(const QModelIndex &index, const QPalette &palette)
{
    return index.data(JsonTreeModel::DiffersRole).toBool() ? QBrush(differsColour(palette)) : QBrush();
}

void JsonDiffDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (const QBrush brush = backgroundFor(index, option->palette); brush.style() != Qt::NoBrush) {
        option->backgroundBrush = brush;
        option->palette.setColor(QPalette::Text, differsTextColour(option->palette));
    }
    if (index.column() != JsonTreeModel::KeyColumn) {
        // Values are JSON: aligned characters make 1 and "1" and nested brackets easier to read.
        QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        fixed.setPointSizeF(option->font.pointSizeF());
        option->font = fixed;
    }
}

} // namespace fleet
