#pragma once

#include "common/json.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QListWidget;
class QListWidgetItem;
class QScrollArea;
class QValueAxis;
class QVBoxLayout;

namespace fleet {

class FleetSession;
class MqttMessage;
class TrafficModel;

// One device's numbers over time: each numeric member of its telemetry messages (temperature, humidity,
// battery, ...) and each numeric reported field of its classic shadow ("reported.position") is a series,
// added the first time the key appears. Points are plotted at the time the console received them, so that
// telemetry and shadow share one clock whatever the device's.
//
// Small multiples: each shown series gets a small chart of its own, with its own y axis, stacked in a scroll
// area. On one shared axis a reported telemetryIntervalMs of 2000 flattened a temperature of 21 and a
// humidity of 45 into the same line. All charts show the same time window (timeWindowSeconds()), so that
// their x axes line up and an event reads across them; only the bottom one labels the time, to leave room to
// the plots. A list above the charts names every series with its colour and a check box that says which are
// shown.
//
// Bounded: a series keeps its last maxPoints() points, whatever the window shows, and a device gets at most
// MaxSeries series (a device that invents keys must not grow the page without limit). Points are collected as
// messages arrive and drawn once per turn of the event loop, so a burst of telemetry is one repaint. A chart
// is only made the first time its series is shown.
//
// Reported fields are read from the shadow cache of session->shadows(), which only holds shadows someone
// watches: the device detail watches the one it shows.
//
// The charts draw with their own colours, not the widget palette: background, titles, axes, grid and series
// take ThemeColors' for the widget's palette, again whenever the palette changes (a theme switch).
class TelemetryPlot final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxPoints = 600;
    static constexpr int MaxSeries = 32;
    // Telemetry series shown without being picked; reported fields always start unpicked.
    static constexpr int DefaultShown = 4;

    explicit TelemetryPlot(FleetSession *session, QWidget *parent = nullptr);
    ~TelemetryPlot() override;

    // Clears the charts and the list; empty for none.
    void setDevice(const QString &id);
    // Plots the device's telemetry that history (the console's traffic buffer) already holds, at the times
    // it was received, so that a device opened now does not start with an empty chart.
    void backFill(const TrafficModel *history);
    QString device() const { return m_device; }

    int maxPoints() const { return m_maxPoints; }
    void setMaxPoints(int points);

    // Adds the numeric members of a JSON object as points at atMs (ms since the epoch), names prefixed with
    // prefix ("reported." for the shadow). Anything else is ignored. Public for the detail view and tests.
    void addSample(const QString &prefix, const Json &object, qint64 atMs);
    // Draws what was collected now instead of at the next turn of the event loop.
    void flush();

    // Every series, shown or not, in the order its key first appeared.
    QStringList seriesNames() const;
    // Also of a series that is not shown; null for a name that is not a series.
    QLineSeries *series(const QString &name) const;
    int pointCount(const QString &name) const;
    // Telemetry messages for the device that were not a JSON object, ignored.
    qint64 malformedCount() const { return m_malformed; }

    // The series that have a chart on screen, in list order.
    QStringList visibleSeries() const;
    bool isSeriesVisible(const QString &name) const;
    // As checking its entry in the list does.
    void setSeriesVisible(const QString &name, bool visible);
    // The chart of name; null until that series was first shown.
    QChart *chart(const QString &name) const;
    // The y range name's chart shows (or would show): rounded to whole steps around the points in the window.
    QPair<double, double> valueRange(const QString &name) const;

    // 0 for all the points kept; otherwise one of the window list's choices (60, 300, 900, 3600).
    int timeWindowSeconds() const;
    void setTimeWindowSeconds(int seconds);
    // The x range every chart shows, in ms since the epoch.
    QPair<qint64, qint64> timeRange() const { return m_timeRange; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // One series and, once it was first shown, its chart.
    struct Track
    {
        QLineSeries *line = nullptr; // this widget's child until its chart takes it
        QChartView *view = nullptr;
        QValueAxis *valueAxis = nullptr;
        QDateTimeAxis *timeAxis = nullptr;
        QListWidgetItem *item = nullptr; // its entry in m_picker
        QPair<double, double> range{0.0, 1.0};
        int intervals = 0; // between y labels, as many as its height had room for when range was made
    };

    void applyColors();
    void colorTrack(Track &track, int index);
    void onMessage(const MqttMessage &message);
    void plotTelemetry(const QByteArray &payload, qint64 atMs);
    void onShadowChanged(const QString &thing, const QString &shadow);
    void collect(const QString &name, const Json &value, qint64 atMs, int depth);
    Track &trackFor(const QString &name);
    void makeChart(const QString &name, Track &track);
    void updateTitle(const QString &name, const Track &track);
    int intervalsFor(const Track &track) const;
    void updateRanges();
    void updateLayout();
    void sizeCharts();
    void alignPlotAreas();
    void fitPicker();
    void onPickerChanged(QListWidgetItem *item);

    QPointer<FleetSession> m_session;
    QString m_device;
    QString m_telemetryTopic;
    qint64 m_reportedVersion = -1;
    int m_maxPoints = DefaultMaxPoints;
    QHash<QString, Track> m_tracks;
    QStringList m_order; // accepted names, as they appeared (at most MaxSeries)
    QHash<QString, QList<QPointF>> m_pending;
    QTimer m_flushTimer;
    QTimer m_alignTimer;
    QPair<qint64, qint64> m_timeRange;
    QComboBox *m_window;
    QListWidget *m_picker;
    QScrollArea *m_scroll;
    QWidget *m_charts;
    QVBoxLayout *m_chartsLayout;
    QLabel *m_placeholder;
    qint64 m_malformed = 0;
};

} // namespace fleet
