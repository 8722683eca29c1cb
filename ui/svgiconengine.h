#pragma once

#include <QByteArray>
#include <QIconEngine>

namespace fleet {

// An icon from one of the project's SVG drawings (resources/icons), rendered by QSvgRenderer rather than by
// Qt's SVG icon plugin (an icon must not depend on a plugin being installed), each size once: renderings are
// kept in QPixmapCache.
//
// A glyph (resources/icons/actions: one colour, written #000000) is painted in the colour of the text
// around it when it is drawn: the palette's window text, its disabled text for a disabled icon, the
// highlighted text for a selected one. So one drawing reads in the light and the dark theme and follows a
// change of theme. Other drawings (status icons) keep their own colours.
class SvgIconEngine final : public QIconEngine
{
public:
    enum class Colors { Glyph, Own };

    // file: a resource such as ":/icons/actions/pause.svg". isNull() when it cannot be read.
    SvgIconEngine(const QString &file, Colors colors);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

    // The colour a glyph takes in this mode with the application's palette now.
    static QColor glyphColor(QIcon::Mode mode);

private:
    QString m_file;
    Colors m_colors;
    QByteArray m_svg;
};

} // namespace fleet
