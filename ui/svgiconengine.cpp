#include "svgiconengine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// The colour the glyph drawings use, as they write it.
constexpr char GlyphColor[] = "#000000";

} // namespace

SvgIconEngine::SvgIconEngine(const QString &file, Colors colors)
    : m_file(file)
    , m_colors(colors)
{
    QFile svg(file);
    if (svg.open(QIODevice::ReadOnly))
        m_svg = svg.readAll();
}

QColor SvgIconEngine::glyphColor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    // Square drawings stay square in a wider rectangle, centred.
    const int side = qMin(rect.width(), rect.height());
    if (side <= 0)
        return;
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap drawn = scaledPixmap(QSize(side, side), mode, state, scale);
    painter->drawPixmap(
        QRect(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side),
        drawn);
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    QByteArray svg = m_svg;
    QString colorKey;
    if (m_colors == Colors::Glyph) {
        const QColor color = glyphColor(mode);
        colorKey = color.name(QColor::HexArgb);
        svg.replace(GlyphColor, color.name(QColor::HexRgb).toLatin1());
        // A translucent text colour (disabled text often is) becomes the drawing's opacity.
        if (color.alpha() < 255)
            svg.replace("<svg ", "<svg opacity=\"" + QByteArray::number(color.alphaF(), 'f', 2) + "\" ");
    } else if (mode == QIcon::Disabled) {
        colorKey = u"disabled"_s;
    }
    const QSize pixels = size * scale;
    const QString cacheKey =
        u"fleet-svg:%1:%2:%3x%4"_s.arg(m_file, colorKey).arg(pixels.width()).arg(pixels.height());
    QPixmap pixmap;
    if (QPixmapCache::find(cacheKey, &pixmap))
        return pixmap;

    pixmap = QPixmap(pixels);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(svg);
    if (renderer.isValid()) {
        QPainter painter(&pixmap);
        // A coloured drawing, disabled, is faded rather than recoloured: its colours still say what it is.
        if (m_colors == Colors::Own && mode == QIcon::Disabled)
            painter.setOpacity(0.4);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    }
    pixmap.setDevicePixelRatio(scale);
    QPixmapCache::insert(cacheKey, pixmap);
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(*this);
}

QString SvgIconEngine::key() const
{
    return u"fleet-svg"_s;
}

bool SvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace fleet
