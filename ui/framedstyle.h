#pragma once

#include <QProxyStyle>

namespace fleet {

// Fusion, with the edges of check boxes, radio buttons and line edits drawn so that they show on a dark
// palette. Fusion draws them in the window colour made 40% darker, which on the dark theme's window
// (#22272e) is #181c21, next to the base colour #161b22: an unchecked box in a list, or an empty line
// edit, could not be seen at all. On a dark palette they get an edge in the palette's Mid colour on top,
// whose contrast with the base is over 3:1 (WCAG 2's minimum for the parts of a control); on a light one
// Fusion's own drawing is left as it is.
class FramedStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    // Takes ownership of base (Fusion when null).
    explicit FramedStyle(QStyle *base = nullptr);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace fleet
