#pragma once

#include "common/json.h"

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace fleet {

class FleetSession;
class MqttMessage;
class TrafficModel;

// One device's numbers over time: each numeric member of its telemetry messages (temperature, humidity,
// battery, ...) and each numeric reported field of its classic shadow ("reported.position") is a line,
// added the first time the key appears. Points are plotted at the time the console received them, so that
// telemetry and shadow share one clock whatever the device's.
//
// Bounded: a series keeps its last maxPoints() points, and a device gets at most MaxSeries series (a device
// that invents keys must not grow the chart without limit). Points are collected as messages arrive and
// drawn once per turn of the event loop, so a burst of telemetry is one repaint. Clicking a legend entry
// hides or shows its series, which matters when values of very different scales share the axis.
//
// Reported fields are read from the shadow cache of session->shadows(), which only holds shadows someone
// watches: the device detail watches the one it shows.
//
// The chart draws with its own colours, not the widget palette: its background, title, axes, grid, legend and
// series take ThemeColors' for the view's palette, again whenever the palette changes (a theme switch).
class TelemetryPlot final : public QChartView
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxPoints = 600;
    static constexpr int MaxSeries = 32;

    explicit TelemetryPlot(FleetSession *session, QWidget *parent = nullptr);
    ~TelemetryPlot() override;

    // Clears the chart; empty for none.
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

    QStringList seriesNames() const;
    QLineSeries *series(const QString &name) const;
    int pointCount(const QString &name) const;
    // Telemetry messages for the device that were not a JSON object, ignored.
    qint64 malformedCount() const { return m_malformed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();
    void colorSeries(QLineSeries *line, int index);
    void onMessage(const MqttMessage &message);
    void plotTelemetry(const QByteArray &payload, qint64 atMs);
    void onShadowChanged(const QString &thing, const QString &shadow);
    void collect(const QString &name, const Json &value, qint64 atMs, int depth);
    QLineSeries *seriesFor(const QString &name);
    void updateRanges();

    QPointer<FleetSession> m_session;
    QString m_device;
    QString m_telemetryTopic;
    qint64 m_reportedVersion = -1;
    int m_maxPoints = DefaultMaxPoints;
    QHash<QString, QLineSeries *> m_series;
    QStringList m_order; // accepted names, as they appeared (at most MaxSeries)
    QHash<QString, QList<QPointF>> m_pending;
    QTimer m_flushTimer;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    qint64 m_malformed = 0;
};

} // namespace fleet
