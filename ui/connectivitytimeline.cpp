#include "connectivitytimeline.h"

#include "fleet/devicetext.h"
#include "themecolors.h"

#include <QDateTime>
#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr int StripHeight = 22;
constexpr int Margin = 4; // around the strip, so that its border is not cut by the widget's edge
constexpr int TickLength = 4;
constexpr int SwatchSize = 10;

QColor fillFor(Device::Connectivity connectivity, const ThemeColors &colors, const QPalette &palette)
{
    switch (connectivity) {
    case Device::Connectivity::Online:
        return colors.color(ThemeColors::Role::Success);
    case Device::Connectivity::Offline:
        return colors.color(ThemeColors::Role::Failure);
    case Device::Connectivity::Unknown:
        break;
    }
    // Close to the background, and hatched (below): "no knowledge" must not read as a third state.
    return ThemeColors::blend(palette.color(QPalette::Base), colors.color(ThemeColors::Role::Muted), 0.25);
}

void paintSwatch(QPainter &painter, const QRect &rect, Device::Connectivity connectivity,
                 const ThemeColors &colors, const QPalette &palette)
{
    painter.fillRect(rect, fillFor(connectivity, colors, palette));
    if (connectivity == Device::Connectivity::Unknown)
        painter.fillRect(rect, QBrush(colors.color(ThemeColors::Role::Muted), Qt::BDiagPattern));
}

} // namespace

ConnectivityTimeline::ConnectivityTimeline(QWidget *parent)
    : QWidget(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{
    setObjectName(u"connectivityTimeline"_s);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void ConnectivityTimeline::setChanges(const QList<PresenceChange> &changes)
{
    if (changes == m_changes)
        return;
    m_changes = changes;
    update();
}

void ConnectivityTimeline::setNow(qint64 nowMs)
{
    if (nowMs == m_nowMs)
        return;
    m_nowMs = nowMs;
    update();
}

void ConnectivityTimeline::setWindow(qint64 windowMs)
{
    m_windowMs = std::max<qint64>(60'000, windowMs);
    update();
}

QList<ConnectivityTimeline::Span> ConnectivityTimeline::spans() const
{
    QList<Span> result;
    const qint64 start = startMs();
    const qint64 end = m_nowMs;
    // Before the first change kept, the console does not know: it was not listening, had not learned the
    // device's state yet, or dropped older changes (PresenceHistory keeps the last 64).
    const qint64 firstKnown = m_changes.isEmpty() ? end : m_changes.constFirst().observedMs;
    if (firstKnown > start)
        result.append({Device::Connectivity::Unknown, start, std::min(firstKnown, end),
                       PresenceChange::Source::Live, m_changes.isEmpty()});
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        const PresenceChange &change = m_changes.at(i);
        const bool last = i + 1 == m_changes.size();
        const qint64 spanEnd = last ? end : m_changes.at(i + 1).observedMs;
        // Touching the window counts: the current state may have begun this very millisecond.
        if (spanEnd < start || change.observedMs > end)
            continue;
        result.append({change.connectivity, change.observedMs, spanEnd, change.source, last});
    }
    return result;
}

QString ConnectivityTimeline::spanText(const Span &span) const
{
    const QString from = DeviceText::clockTime(span.startMs, m_nowMs);
    const QString to = DeviceText::clockTime(span.endMs, m_nowMs);
    const QString lasted = DeviceText::preciseDuration(span.endMs - span.startMs);
    if (span.connectivity == Device::Connectivity::Unknown)
        return span.current ? tr("Unknown: the console has not learned this device's connectivity")
                            : tr("Unknown until %1: the console had not learned this device's connectivity, "
                                 "or the change is older than those it keeps")
                                  .arg(to);
    const QString state = DeviceText::connectivity(span.connectivity);
    QString text = span.current ? tr("%1 since %2 (%3 so far)", "connectivity timeline, e.g. Online since "
                                                                "10:02:03 (3 min 7 s so far)")
                                      .arg(state, from, lasted)
                                : tr("%1 from %2 to %3 (%4)", "connectivity timeline, e.g. Offline from "
                                                              "10:05:10 to 10:07:00 (1 min 50 s)")
                                      .arg(state, from, to, lasted);
    if (span.source == PresenceChange::Source::Retained)
        text += u'\n' + tr("Already so when the console connected: it may have begun earlier.");
    else if (span.source == PresenceChange::Source::Activity)
        text += u'\n' + tr("Learned from a message of the device, not from its presence topic.");
    return text;
}

QString ConnectivityTimeline::toolTipAt(const QPoint &pos) const
{
    const QRect strip = stripRect();
    if (pos.y() < strip.top() - Margin || pos.y() > strip.bottom() + Margin || pos.x() < strip.left() ||
        pos.x() > strip.right())
        return {};
    // Newest first: where a short span is drawn over its neighbour, it is the one seen.
    const QList<Span> all = spans();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        const QRect rect = spanRect(*it);
        if (pos.x() >= rect.left() && pos.x() <= rect.right())
            return spanText(*it);
    }
    return {};
}

QRect ConnectivityTimeline::spanRect(const Span &span) const
{
    const QRect strip = stripRect();
    const int end = strip.right() + 1; // xAt() of the window's end
    int left = xAt(span.startMs);
    int right = std::max(left + 1, xAt(span.endMs)); // exclusive
    if (right > end) {
        right = end;
        left = std::min(left, end - 1);
    }
    return QRect(left, strip.top(), right - left, strip.height());
}

QRect ConnectivityTimeline::stripRect() const
{
    return QRect(Margin, Margin, std::max(1, width() - 2 * Margin), StripHeight);
}

int ConnectivityTimeline::xAt(qint64 ms) const
{
    const QRect strip = stripRect();
    const double share = double(ms - startMs()) / double(std::max<qint64>(1, m_windowMs));
    return strip.left() + int(std::lround(std::clamp(share, 0.0, 1.0) * strip.width()));
}

qint64 ConnectivityTimeline::tickStepMs() const
{
    static constexpr std::array<qint64, 9> Steps = {60'000,    120'000,   300'000,    600'000,   900'000,
                                                    1'800'000, 3'600'000, 10'800'000, 21'600'000};
    for (const qint64 step : Steps) {
        if (m_windowMs / step <= 6)
            return step;
    }
    return Steps.back();
}

QSize ConnectivityTimeline::sizeHint() const
{
    return QSize(360, minimumSizeHint().height());
}

QSize ConnectivityTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    // The strip, the time labels, the legend.
    return QSize(160, Margin + StripHeight + TickLength + line + Margin + line + Margin);
}

bool ConnectivityTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    if (event->type() == QEvent::PaletteChange)
        update();
    return QWidget::event(event);
}

void ConnectivityTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    const ThemeColors colors = ThemeColors::forPalette(pal);
    const QRect strip = stripRect();

    // At least a pixel each: a blip of a few seconds in a day's window must still show.
    for (const Span &span : spans())
        paintSwatch(painter, spanRect(span), span.connectivity, colors, pal);
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(strip.adjusted(0, 0, -1, -1));

    // Time along the bottom: ticks on round local times, "now" at the right end.
    const QFontMetrics fm = fontMetrics();
    const int labelTop = strip.bottom() + 1 + TickLength;
    const QColor text = pal.color(QPalette::WindowText);
    const QString nowText = tr("now", "the right end of the connectivity timeline");
    const int nowWidth = fm.horizontalAdvance(nowText);
    painter.setPen(text);
    painter.drawText(QRect(strip.right() - nowWidth, labelTop, nowWidth, fm.height()), Qt::AlignRight,
                     nowText);
    const qint64 step = tickStepMs();
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(startMs()).offsetFromUtc()) * 1000;
    int lastRight = strip.left() - 1;
    for (qint64 tick = ((startMs() + offset) / step + 1) * step - offset; tick < m_nowMs; tick += step) {
        const int x = xAt(tick);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(x, strip.bottom() + 1, x, strip.bottom() + TickLength);
        const QString label = QDateTime::fromMSecsSinceEpoch(tick).toString(u"HH:mm"_s);
        const int w = fm.horizontalAdvance(label);
        const int left = x - w / 2;
        // A label that would run into its neighbour, off the strip or into "now" is left out.
        if (left <= lastRight + 4 || left < strip.left() || x + w / 2 >= strip.right() - nowWidth - 6)
            continue;
        painter.setPen(text);
        painter.drawText(QRect(left, labelTop, w, fm.height()), Qt::AlignCenter, label);
        lastRight = left + w;
    }

    // The legend.
    int x = strip.left();
    const int legendTop = labelTop + fm.height() + Margin;
    for (const Device::Connectivity state :
         {Device::Connectivity::Online, Device::Connectivity::Offline, Device::Connectivity::Unknown}) {
        const QRect swatch(x, legendTop + (fm.height() - SwatchSize) / 2, SwatchSize, SwatchSize);
        paintSwatch(painter, swatch, state, colors, pal);
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawRect(swatch.adjusted(0, 0, -1, -1));
        const QString name = DeviceText::connectivity(state);
        const int w = fm.horizontalAdvance(name);
        painter.setPen(text);
        painter.drawText(QRect(swatch.right() + 5, legendTop, w, fm.height()), Qt::AlignVCenter, name);
        x = swatch.right() + 5 + w + 14;
    }
}

} // namespace fleet
