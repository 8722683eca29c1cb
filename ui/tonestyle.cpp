#include "tonestyle.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

namespace fleet {

namespace {
// Enough of the tone to be seen as a warning or an error, little enough that text keeps its contrast.
constexpr double TintShare = 0.22;
} // namespace

ToneStyle::ToneStyle(QLabel *label, ThemeColors::Role tone, Fill fill)
    : QObject(label)
    , m_label(label)
    , m_tone(tone)
    , m_fill(fill)
{}

ToneStyle *ToneStyle::apply(QLabel *label, ThemeColors::Role tone, Fill fill)
{
    auto *style = new ToneStyle(label, tone, fill);
    if (fill == Fill::Banner) {
        label->setAutoFillBackground(true);
        label->setMargin(4);
    }
    label->installEventFilter(style);
    style->restyle();
    return style;
}

std::pair<QColor, QColor> ToneStyle::colours(const QPalette &palette, ThemeColors::Role tone, Fill fill)
{
    const QColor accent = ThemeColors::forPalette(palette).color(tone);
    if (fill == Fill::Text)
        return {accent, QColor()};
    return {palette.color(QPalette::WindowText),
            ThemeColors::blend(palette.color(QPalette::Window), accent, TintShare)};
}

void ToneStyle::restyle()
{
    // From the application's palette, not the label's own: the label's has the colours set here.
    const QPalette base = QApplication::palette(m_label);
    const auto [text, background] = colours(base, m_tone, m_fill);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText, text);
    if (background.isValid())
        palette.setColor(QPalette::Window, background);
    m_restyling = true;
    m_label->setPalette(palette);
    m_restyling = false;
}

bool ToneStyle::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_label && !m_restyling &&
        (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange))
        restyle();
    return QObject::eventFilter(watched, event);
}

} // namespace fleet
