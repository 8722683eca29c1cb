#include "telemetryplot.h"

#include "models/trafficmodel.h"

#include "common/networkjson.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "shadow/shadowclient.h"
#include "themecolors.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <limits>

namespace fleet {

namespace {

// Members that say when a sample was taken rather than what was measured.
bool isTimeKey(const std::string &key)
{
    return key == "ts" || key == "timestamp" || key == "time";
}

// Nested objects are followed this deep ("env.temperature"); deeper data is not a plot's business.
constexpr int MaxNesting = 3;

} // namespace

TelemetryPlot::TelemetryPlot(FleetSession *session, QWidget *parent)
    : QChartView(parent)
    , m_session(session)
    // No parent: addAxis() below gives them to the chart, which deletes them.
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("telemetryPlot"));
    setRenderHint(QPainter::Antialiasing);
    QChart *plot = chart();
    plot->legend()->setAlignment(Qt::AlignBottom);
    plot->setTitle(tr("Telemetry and reported values"));
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTitleText(tr("Time"));
    plot->addAxis(m_timeAxis, Qt::AlignBottom);
    plot->addAxis(m_valueAxis, Qt::AlignLeft);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(now - 60000), QDateTime::fromMSecsSinceEpoch(now));
    m_valueAxis->setRange(0, 1);
    applyColors();

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &TelemetryPlot::flush);

    if (session) {
        connect(session->client(), &MqttClient::messageReceived, this, &TelemetryPlot::onMessage);
        connect(session->shadows(), &ShadowClient::shadowChanged, this, &TelemetryPlot::onShadowChanged);
    }
}

TelemetryPlot::~TelemetryPlot() = default;

void TelemetryPlot::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void TelemetryPlot::applyColors()
{
    const ThemeColors colors = ThemeColors::forPalette(palette());
    const QColor background = colors.color(ThemeColors::Role::ChartBackground);
    const QColor foreground = colors.color(ThemeColors::Role::ChartForeground);
    const QColor grid = colors.color(ThemeColors::Role::ChartGrid);
    QChart *plot = chart();
    // Not QChart::setTheme(): it would also reset fonts and the series' pens, and knows only its own themes.
    plot->setBackgroundBrush(background);
    plot->setBackgroundPen(Qt::NoPen);
    plot->setTitleBrush(foreground);
    plot->legend()->setLabelColor(foreground);
    setBackgroundBrush(background); // the view's margin around the chart
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(foreground);
        axis->setTitleBrush(foreground);
        axis->setLinePenColor(foreground);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    for (int i = 0; i < m_order.size(); ++i) {
        if (QLineSeries *line = m_series.value(m_order.at(i)))
            colorSeries(line, i);
    }
}

void TelemetryPlot::colorSeries(QLineSeries *line, int index)
{
    // By the order keys appeared, so that a series keeps its colour across a theme switch.
    QPen pen = line->pen();
    pen.setColor(ThemeColors::forPalette(palette()).series(index));
    line->setPen(pen);
}

void TelemetryPlot::setDevice(const QString &id)
{
    if (id == m_device)
        return;
    m_device = id;
    m_pending.clear();
    m_flushTimer.stop();
    chart()->removeAllSeries(); // deletes them
    m_series.clear();
    m_order.clear();
    m_reportedVersion = -1;
    m_malformed = 0;
    m_telemetryTopic.clear();
    if (!id.isEmpty() && m_session) {
        m_telemetryTopic = m_session->registry()->telemetryTemplate();
        m_telemetryTopic.replace(QStringLiteral("{id}"), id);
        onShadowChanged(id, QString()); // what the cache already holds
    }
}

void TelemetryPlot::setMaxPoints(int points)
{
    m_maxPoints = std::max(2, points);
    for (QLineSeries *line : std::as_const(m_series)) {
        if (line->count() > m_maxPoints)
            line->removePoints(0, line->count() - m_maxPoints);
    }
}

void TelemetryPlot::backFill(const TrafficModel *history)
{
    if (!history || m_telemetryTopic.isEmpty())
        return;
    for (int row = 0; row < history->rowCount(); ++row) {
        const QModelIndex index = history->index(row, 0);
        if (index.data(TrafficModel::TopicRole).toString() == m_telemetryTopic)
            plotTelemetry(index.data(TrafficModel::PayloadRole).toByteArray(),
                          index.data(TrafficModel::ReceivedRole).toLongLong());
    }
    flush();
}

void TelemetryPlot::onMessage(const MqttMessage &message)
{
    if (m_telemetryTopic.isEmpty() || message.topic() != m_telemetryTopic)
        return;
    plotTelemetry(message.payload(), QDateTime::currentMSecsSinceEpoch());
}

void TelemetryPlot::plotTelemetry(const QByteArray &payload, qint64 atMs)
{
    const Json body = NetworkJson::parse(payload).value_or(Json());
    if (!body.is_object()) {
        ++m_malformed;
        return;
    }
    addSample(QString(), body, atMs);
}

void TelemetryPlot::onShadowChanged(const QString &thing, const QString &shadow)
{
    if (thing != m_device || !shadow.isEmpty() || !m_session)
        return;
    const auto cached = m_session->shadows()->cached(thing);
    if (!cached || cached->state != ShadowClient::CacheState::Fresh)
        return;
    // shadowChanged also reports state changes of the cache; a version is plotted once.
    if (cached->version() == m_reportedVersion)
        return;
    m_reportedVersion = cached->version();
    addSample(QStringLiteral("reported."), cached->document.reported(), QDateTime::currentMSecsSinceEpoch());
}

void TelemetryPlot::addSample(const QString &prefix, const Json &object, qint64 atMs)
{
    if (!object.is_object() || m_device.isEmpty())
        return;
    for (const auto &[key, value] : object.items()) {
        if (!isTimeKey(key))
            collect(prefix + QString::fromStdString(key), value, atMs, 0);
    }
    if (!m_pending.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void TelemetryPlot::collect(const QString &name, const Json &value, qint64 atMs, int depth)
{
    if (value.is_object() && depth < MaxNesting) {
        for (const auto &[key, child] : value.items())
            collect(name + u'.' + QString::fromStdString(key), child, atMs, depth + 1);
        return;
    }
    // Only numbers: a boolean or a string is a state, not a measurement (nlohmann's is_number() is false
    // for booleans).
    if (!value.is_number())
        return;
    const double number = value.get<double>();
    if (!std::isfinite(number))
        return;
    if (!m_order.contains(name)) {
        if (m_order.size() >= MaxSeries)
            return;
        m_order.append(name);
    }
    QList<QPointF> &points = m_pending[name];
    points.append(QPointF(double(atMs), number));
    // Never hold more than a series can show.
    if (points.size() > m_maxPoints)
        points.remove(0, points.size() - m_maxPoints);
}

QLineSeries *TelemetryPlot::seriesFor(const QString &name)
{
    if (QLineSeries *existing = m_series.value(name))
        return existing;
    // No parent: the chart owns its series and deletes them in removeAllSeries().
    auto *line = new QLineSeries;
    // The legend draws names as HTML, and a name is a key of the device's telemetry.
    line->setName(name.toHtmlEscaped());
    chart()->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxis);
    m_series.insert(name, line);
    colorSeries(line, int(m_order.indexOf(name)));
    const QList<QLegendMarker *> markers = chart()->legend()->markers(line);
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, line, marker] {
            line->setVisible(!line->isVisible());
            // A hidden series' marker stays in the legend, dimmed, so that it can be shown again.
            marker->setVisible(true);
            QFont font = marker->font();
            font.setItalic(!line->isVisible());
            marker->setFont(font);
            updateRanges();
        });
    }
    return line;
}

void TelemetryPlot::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QHash<QString, QList<QPointF>> pending = std::exchange(m_pending, {});
    // In the order keys appeared, so that colours follow the device's own order.
    for (const QString &name : std::as_const(m_order)) {
        if (!pending.contains(name))
            continue;
        QLineSeries *line = seriesFor(name);
        QList<QPointF> points = line->points();
        points.append(pending.value(name));
        if (points.size() > m_maxPoints)
            points.remove(0, points.size() - m_maxPoints);
        line->replace(points); // one signal, one repaint, however many points arrived
    }
    updateRanges();
}

void TelemetryPlot::updateRanges()
{
    double minX = std::numeric_limits<double>::max();
    double maxX = std::numeric_limits<double>::lowest();
    double minY = minX;
    double maxY = maxX;
    for (QLineSeries *line : std::as_const(m_series)) {
        if (!line->isVisible())
            continue;
        const QList<QPointF> points = line->points();
        for (const QPointF &p : points) {
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
        }
    }
    if (minX > maxX)
        return;
    if (maxX - minX < 1000) // one point: show a few seconds around it
        minX = maxX - 1000;
    const double margin = maxY > minY ? (maxY - minY) * 0.05 : std::max(1.0, std::abs(maxY) * 0.05);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX)),
                         QDateTime::fromMSecsSinceEpoch(qint64(maxX)));
    m_valueAxis->setRange(minY - margin, maxY + margin);
}

QStringList TelemetryPlot::seriesNames() const
{
    QStringList names;
    for (const QString &name : m_order) {
        if (m_series.contains(name))
            names.append(name);
    }
    return names;
}

QLineSeries *TelemetryPlot::series(const QString &name) const
{
    return m_series.value(name);
}

int TelemetryPlot::pointCount(const QString &name) const
{
    const QLineSeries *line = m_series.value(name);
    return line ? line->count() : 0;
}

} // namespace fleet
