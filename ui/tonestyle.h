#pragma once

#include "themecolors.h"

#include <QObject>

class QLabel;

namespace fleet {

// Colours a label by what it means (a failure, a warning) in the theme's colours, and again whenever the
// palette changes: a fixed stylesheet colour reads on one theme only (a pale yellow box glares in the dark
// theme, a dark red error vanishes on it). Text keeps the palette's own colour in a banner, over a tint of
// the tone blended into the window colour, so that its contrast is the theme's.
class ToneStyle final : public QObject
{
    Q_OBJECT

public:
    enum class Fill {
        Text,   // the text in the tone
        Banner, // the palette's text on a tint of the tone, with padding
    };

    // Styles label now and on every palette change; the style is the label's child.
    static ToneStyle *apply(QLabel *label, ThemeColors::Role tone, Fill fill);

    // The colours a label gets on palette: its text colour, and its background (invalid for Fill::Text).
    static std::pair<QColor, QColor> colours(const QPalette &palette, ThemeColors::Role tone, Fill fill);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ToneStyle(QLabel *label, ThemeColors::Role tone, Fill fill);
    void restyle();

    QLabel *m_label;
    ThemeColors::Role m_tone;
    Fill m_fill;
    bool m_restyling = false;
};

} // namespace fleet
