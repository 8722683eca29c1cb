#pragma once

#include "fleet/presencechange.h"

#include <QList>
#include <QString>
#include <QWidget>

namespace fleet {

// A device's connectivity over a window of time that ends now, as one strip: online, offline, and unknown
// (before the console learned the device's state, or before the oldest change it kept), with the time
// along the bottom and a legend. Hovering a span says what it was, from when to when. Colours come from
// ThemeColors, so a theme switch repaints it in the set that reads on the new palette.
class ConnectivityTimeline final : public QWidget
{
    Q_OBJECT

public:
    struct Span
    {
        Device::Connectivity connectivity = Device::Connectivity::Unknown;
        qint64 startMs = 0;
        qint64 endMs = 0;
        // How the state was learned (a retained state began before startMs, when the console came).
        PresenceChange::Source source = PresenceChange::Source::Live;
        bool current = false; // still so now
    };

    explicit ConnectivityTimeline(QWidget *parent = nullptr);

    // Oldest first, as FleetRegistry::presenceHistory() gives them.
    void setChanges(const QList<PresenceChange> &changes);
    // The window ends at nowMs and spans windowMs before it.
    void setNow(qint64 nowMs);
    void setWindow(qint64 windowMs);
    qint64 windowMs() const { return m_windowMs; }

    // What the strip shows, oldest first: the spans that reach into the window, with their own times (the
    // strip cuts them to the window, the tooltip tells them whole). Unknown starts at the window's start.
    QList<Span> spans() const;
    // The tooltip over a span.
    QString spanText(const Span &span) const;
    // The tooltip at a point of the widget; empty off the strip.
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QRect stripRect() const;
    // Where a span is drawn: at least a pixel wide, and inside the strip (a state that began this second
    // still shows at the right end).
    QRect spanRect(const Span &span) const;
    int xAt(qint64 ms) const;
    qint64 startMs() const { return m_nowMs - m_windowMs; }
    // The distance between two labelled ticks: about five along the window.
    qint64 tickStepMs() const;

    QList<PresenceChange> m_changes;
    qint64 m_nowMs = 0;
    qint64 m_windowMs = 3'600'000;
};

} // namespace fleet
