#include "framedstyle.h"

#include "themecolors.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace fleet {

FramedStyle::FramedStyle(QStyle *base)
    : QProxyStyle(base ? base : QStyleFactory::create(u"Fusion"_s))
{}

void FramedStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool edged =
        element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton || element == PE_FrameLineEdit;
    if (!edged || !ThemeColors::isDarkPalette(option->palette))
        return;
    // Focus keeps Fusion's highlight, drawn inside this edge.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, element == PE_IndicatorRadioButton);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(option->palette.color(QPalette::Mid));
    const QRectF edge = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (element == PE_IndicatorRadioButton)
        painter->drawEllipse(edge.adjusted(0.5, 0.5, -0.5, -0.5));
    else
        painter->drawRect(edge);
    painter->restore();
}

} // namespace fleet
