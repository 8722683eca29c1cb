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
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
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

const QString &reportedPrefix()
{
    static const QString prefix = QStringLiteral("reported.");
    return prefix;
}

// 15 minutes: at the simulator's default interval (10 s) that is 90 points, enough to see a trend, and at a
// fast one (2 s) 450, still within the 600 a series keeps, so the window starts with data rather than with a
// gap. "All" would give every device a different scale, stretched by whatever the traffic buffer held.
constexpr int DefaultWindowSeconds = 15 * 60;

// A chart's least height in lines of text: its title and a plot of about five lines, which holds three or
// four y labels. At the dock's 380 x 520 about three charts show at once; more scroll.
constexpr int ChartLines = 8;
// The bottom chart's extra room for the time labels.
constexpr int TimeLabelLines = 2;
// Entries of the series list shown before it scrolls, in rows.
constexpr int PickerRows = 3;
// Pixels around each chart's plot; the left and right ones grow to line the plots up (alignPlotAreas()).
constexpr int ChartMargin = 4;
// y labels at least this many lines apart: closer, Qt Charts replaces them with "..." (which users saw).
constexpr double LabelSpacingLines = 1.5;

struct NiceRange
{
    double low = 0;
    double high = 1;
    double step = 0.5;
};

// The tightest range around low..high that ends on whole steps of 1, 2, 2.5 or 5 times a power of ten and
// has at most maxIntervals of them, so that the line fills the chart and every label is a round number.
NiceRange niceRange(double low, double high, int maxIntervals)
{
    if (!(high > low)) {
        // A flat line: a band around it, so that it sits in the middle rather than on an edge.
        const double pad = low != 0 ? std::abs(low) * 0.05 : 1.0;
        low -= pad;
        high += pad;
    }
    // Two at least: values on both sides of zero always take two.
    maxIntervals = std::max(2, maxIntervals);
    // The small tolerance keeps a value that is a whole step (40.000000001) from adding a step.
    constexpr double Tolerance = 1e-9;
    double magnitude = std::pow(10.0, std::floor(std::log10((high - low) / maxIntervals)));
    NiceRange range{low, high, high - low};
    for (int tries = 0; tries < 8; ++tries, magnitude *= 10) {
        for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * magnitude;
            range = {std::floor(low / step + Tolerance) * step, std::ceil(high / step - Tolerance) * step,
                     step};
            if (std::lround((range.high - range.low) / step) <= maxIntervals)
                return range;
        }
    }
    return range;
}

// Labels as short as the steps allow ("20", "22.5", "0.05"), so that they fit the narrow dock whole and
// no two read the same. Whole numbers up to a billion are written out ("123455000"); beyond, and for steps
// finer than a millionth, as many significant digits as the step needs ("1.23455e+10").
QString labelFormat(const NiceRange &range)
{
    const double largest = std::max(std::abs(range.low), std::abs(range.high));
    int decimals = 0;
    for (double scaled = range.step; decimals <= 6; ++decimals, scaled *= 10) {
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            break;
    }
    if (decimals <= 6 && largest < 1e9)
        return QStringLiteral("%.%1f").arg(decimals);
    const int digits = int(std::floor(std::log10(largest)) - std::floor(std::log10(range.step))) + 2;
    return QStringLiteral("%.%1g").arg(std::clamp(digits, 3, 15));
}

} // namespace

TelemetryPlot::TelemetryPlot(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_window(new QComboBox(this))
    , m_picker(new QListWidget(this))
    , m_scroll(new QScrollArea(this))
    , m_charts(new QWidget(this))
    , m_chartsLayout(new QVBoxLayout(m_charts))
    , m_placeholder(new QLabel(m_charts))
{
    setObjectName(QStringLiteral("telemetryPlot"));

    m_window->setObjectName(QStringLiteral("telemetryWindow"));
    const QList<QPair<int, QString>> windows = {{60, tr("1 min")},
                                                {5 * 60, tr("5 min")},
                                                {15 * 60, tr("15 min")},
                                                {60 * 60, tr("1 h")},
                                                {0, tr("All", "time window: every point kept")}};
    for (const auto &[seconds, text] : windows)
        m_window->addItem(text, seconds);
    m_window->setCurrentIndex(m_window->findData(DefaultWindowSeconds));
    m_window->setToolTip(tr("The time every chart shows, up to the newest point"));
    connect(m_window, &QComboBox::currentIndexChanged, this, &TelemetryPlot::updateRanges);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_window);

    auto *showAll = new QToolButton(this);
    showAll->setObjectName(QStringLiteral("telemetryShowAll"));
    showAll->setText(tr("Show all", "telemetry series"));
    connect(showAll, &QToolButton::clicked, this, [this] {
        for (const QString &name : std::as_const(m_order))
            setSeriesVisible(name, true);
    });
    auto *hideAll = new QToolButton(this);
    hideAll->setObjectName(QStringLiteral("telemetryHideAll"));
    hideAll->setText(tr("Hide all", "telemetry series"));
    connect(hideAll, &QToolButton::clicked, this, [this] {
        for (const QString &name : std::as_const(m_order))
            setSeriesVisible(name, false);
    });

    // Entries side by side, wrapping: one name a row would take half the dock's height for five series.
    m_picker->setObjectName(QStringLiteral("telemetrySeriesList"));
    m_picker->setAccessibleName(tr("Series shown"));
    m_picker->setFlow(QListView::LeftToRight);
    m_picker->setWrapping(true);
    m_picker->setResizeMode(QListView::Adjust);
    m_picker->setMovement(QListView::Static);
    m_picker->setSelectionMode(QAbstractItemView::NoSelection);
    m_picker->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_picker->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(m_picker, &QListWidget::itemChanged, this, &TelemetryPlot::onPickerChanged);

    m_placeholder->setObjectName(QStringLiteral("telemetryPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->setSpacing(0);
    m_chartsLayout->addWidget(m_placeholder);
    m_scroll->setObjectName(QStringLiteral("telemetryCharts"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_charts);
    // The charts share the height the scroll area has (sizeCharts()).
    m_scroll->viewport()->installEventFilter(this);

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(4, 4, 4, 0); // as the shadow tab's bar
    tools->addWidget(windowLabel);
    tools->addWidget(m_window);
    tools->addStretch();
    tools->addWidget(showAll);
    tools->addWidget(hideAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_picker);
    layout->addWidget(m_scroll, 1);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &TelemetryPlot::flush);
    // A chart lays itself out at the next turn of the event loop; the plots are lined up after that.
    m_alignTimer.setSingleShot(true);
    m_alignTimer.setInterval(0);
    connect(&m_alignTimer, &QTimer::timeout, this, &TelemetryPlot::alignPlotAreas);

    updateRanges();
    updateLayout();

    if (session) {
        connect(session->client(), &MqttClient::messageReceived, this, &TelemetryPlot::onMessage);
        connect(session->shadows(), &ShadowClient::shadowChanged, this, &TelemetryPlot::onShadowChanged);
    }
}

TelemetryPlot::~TelemetryPlot() = default;

void TelemetryPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void TelemetryPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The list wraps its entries to its width, so its height follows the width.
    fitPicker();
}

bool TelemetryPlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        sizeCharts();
    return QWidget::eventFilter(watched, event);
}

void TelemetryPlot::applyColors()
{
    for (int i = 0; i < m_order.size(); ++i) {
        auto it = m_tracks.find(m_order.at(i));
        if (it != m_tracks.end())
            colorTrack(*it, i);
    }
}

void TelemetryPlot::colorTrack(Track &track, int index)
{
    const ThemeColors colors = ThemeColors::forPalette(palette());
    // By the order keys appeared, so that a series keeps its colour across a theme switch and whatever else
    // is shown.
    const QColor lineColor = colors.series(index);
    QPen pen = track.line->pen();
    pen.setColor(lineColor);
    track.line->setPen(pen);
    if (track.item) {
        // Filled when shown, an outline when not: says it again where a style draws the check box faintly
        // (Fusion's unchecked box on the dark palette).
        const int side = m_picker->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_picker);
        QPixmap swatch(QSize(side, side) * m_picker->devicePixelRatioF());
        swatch.setDevicePixelRatio(m_picker->devicePixelRatioF());
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        const QRectF box = QRectF(0, 0, side, side).adjusted(1.5, 1.5, -1.5, -1.5);
        painter.setPen(QPen(lineColor, 2));
        if (track.item->checkState() == Qt::Checked)
            painter.setBrush(lineColor);
        painter.drawRect(box);
        painter.end();
        const QSignalBlocker blocker(m_picker); // itemChanged means a check box to this widget
        track.item->setIcon(QIcon(swatch));
    }
    if (!track.view)
        return;
    const QColor background = colors.color(ThemeColors::Role::ChartBackground);
    const QColor foreground = colors.color(ThemeColors::Role::ChartForeground);
    const QColor grid = colors.color(ThemeColors::Role::ChartGrid);
    QChart *plot = track.view->chart();
    // Not QChart::setTheme(): it would also reset fonts and the series' pens, and knows only its own themes.
    plot->setBackgroundBrush(background);
    plot->setBackgroundPen(Qt::NoPen);
    plot->setTitleBrush(foreground);
    track.view->setBackgroundBrush(background); // the view's margin around the chart
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(track.timeAxis), static_cast<QAbstractAxis *>(track.valueAxis)}) {
        axis->setLabelsColor(foreground);
        axis->setTitleBrush(foreground);
        axis->setLinePenColor(foreground);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

void TelemetryPlot::setDevice(const QString &id)
{
    if (id == m_device)
        return;
    m_device = id;
    m_pending.clear();
    m_flushTimer.stop();
    for (const Track &track : std::as_const(m_tracks)) {
        // A view's scene holds its chart, and the chart its series and axes.
        if (track.view)
            delete track.view;
        else
            delete track.line;
    }
    m_tracks.clear();
    m_order.clear();
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
    }
    m_reportedVersion = -1;
    m_malformed = 0;
    m_telemetryTopic.clear();
    updateRanges();
    updateLayout();
    if (!id.isEmpty() && m_session) {
        m_telemetryTopic = m_session->registry()->telemetryTemplate();
        m_telemetryTopic.replace(QStringLiteral("{id}"), id);
        onShadowChanged(id, QString()); // what the cache already holds
    }
}

void TelemetryPlot::setMaxPoints(int points)
{
    m_maxPoints = std::max(2, points);
    for (const Track &track : std::as_const(m_tracks)) {
        if (track.line->count() > m_maxPoints)
            track.line->removePoints(0, track.line->count() - m_maxPoints);
    }
    updateRanges();
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
    addSample(reportedPrefix(), cached->document.reported(), QDateTime::currentMSecsSinceEpoch());
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

TelemetryPlot::Track &TelemetryPlot::trackFor(const QString &name)
{
    auto existing = m_tracks.find(name);
    if (existing != m_tracks.end())
        return *existing;
    Track &track = m_tracks[name];
    // Parented here until a chart takes it (QChart::addSeries()).
    track.line = new QLineSeries(this);
    // Charts draw names as HTML, and a name is a key of the device's telemetry.
    track.line->setName(name.toHtmlEscaped());

    // What the device measures is what the tab is for, so its first few telemetry members are shown; a
    // reported field is a setting that moves when someone changes it, listed to be picked.
    const int index = int(m_order.indexOf(name));
    int telemetryBefore = 0;
    for (int i = 0; i < index; ++i)
        telemetryBefore += m_order.at(i).startsWith(reportedPrefix()) ? 0 : 1;
    const bool shown = !name.startsWith(reportedPrefix()) && telemetryBefore < DefaultShown;
    {
        const QSignalBlocker blocker(m_picker);
        // Plain text: a list item does not read HTML.
        track.item = new QListWidgetItem(name);
        track.item->setData(Qt::UserRole, name);
        track.item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        track.item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
        // In the order keys appeared, as the charts are.
        m_picker->insertItem(index, track.item);
    }
    if (shown)
        makeChart(name, track);
    colorTrack(track, index);
    return track;
}

void TelemetryPlot::makeChart(const QString &name, Track &track)
{
    // The view's scene owns the chart, the chart its axes and the series.
    auto *plot = new QChart;
    plot->legend()->hide(); // the title names the series, the list says which colour it has
    plot->setBackgroundRoundness(0);
    plot->layout()->setContentsMargins(0, 0, 0, 0); // QChart's own, around the margins below
    plot->setMargins(QMargins(ChartMargin, ChartMargin, ChartMargin, ChartMargin));
    QFont titleFont = font();
    titleFont.setBold(true);
    plot->setTitleFont(titleFont);
    track.timeAxis = new QDateTimeAxis;
    track.valueAxis = new QValueAxis;
    track.timeAxis->setTickCount(4);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(track.timeAxis), static_cast<QAbstractAxis *>(track.valueAxis)})
        axis->setLabelsFont(font());
    plot->addAxis(track.timeAxis, Qt::AlignBottom);
    plot->addAxis(track.valueAxis, Qt::AlignLeft);
    plot->addSeries(track.line);
    track.line->attachAxis(track.timeAxis);
    track.line->attachAxis(track.valueAxis);
    connect(plot, &QChart::plotAreaChanged, &m_alignTimer, qOverload<>(&QTimer::start));

    track.view = new QChartView(plot, m_charts);
    track.view->setRenderHint(QPainter::Antialiasing);
    track.view->setFocusPolicy(Qt::NoFocus); // nothing to do with the keyboard
    track.view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    // Above the placeholder, in the order keys appeared.
    int position = 0;
    for (const QString &other : std::as_const(m_order)) {
        if (other == name)
            break;
        if (m_tracks.value(other).view)
            ++position;
    }
    m_chartsLayout->insertWidget(position, track.view);
    colorTrack(track, int(m_order.indexOf(name)));
    updateTitle(name, track);
}

void TelemetryPlot::updateTitle(const QString &name, const Track &track)
{
    if (!track.view)
        return;
    const QString latest = track.line->count() > 0
                               ? QString::number(track.line->at(track.line->count() - 1).y(), 'g', 6)
                               : QString();
    track.view->chart()->setTitle(
        tr("%1: %2", "telemetry chart title: series name, newest value").arg(name.toHtmlEscaped(), latest));
}

void TelemetryPlot::onPickerChanged(QListWidgetItem *item)
{
    const QString name = item->data(Qt::UserRole).toString();
    auto it = m_tracks.find(name);
    if (it == m_tracks.end())
        return;
    if (item->checkState() == Qt::Checked && !it->view)
        makeChart(name, *it);
    colorTrack(*it, int(m_order.indexOf(name))); // the swatch says it too
    updateRanges();
    updateLayout();
}

void TelemetryPlot::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QHash<QString, QList<QPointF>> pending = std::exchange(m_pending, {});
    const qsizetype before = m_tracks.size();
    // In the order keys appeared, so that colours follow the device's own order.
    for (const QString &name : std::as_const(m_order)) {
        if (!pending.contains(name))
            continue;
        Track &track = trackFor(name);
        QList<QPointF> points = track.line->points();
        points.append(pending.value(name));
        if (points.size() > m_maxPoints)
            points.remove(0, points.size() - m_maxPoints);
        track.line->replace(points); // one signal, one repaint, however many points arrived
        updateTitle(name, track);
    }
    updateRanges();
    if (m_tracks.size() != before)
        updateLayout();
}

void TelemetryPlot::updateRanges()
{
    // The window ends at the newest point rather than at the clock: a device that went quiet keeps its last
    // readings in view (the time labels say when they were) instead of scrolling out of the charts.
    qint64 newest = std::numeric_limits<qint64>::min();
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const Track &track : std::as_const(m_tracks)) {
        if (track.line->count() == 0)
            continue;
        // Points arrive in time order, so the ends of a series are its oldest and newest.
        oldest = std::min(oldest, qint64(track.line->at(0).x()));
        newest = std::max(newest, qint64(track.line->at(track.line->count() - 1).x()));
    }
    if (oldest > newest)
        oldest = newest = QDateTime::currentMSecsSinceEpoch();
    const qint64 window = qint64(timeWindowSeconds()) * 1000;
    // Less history than the window (a device just opened, a console just started): what there is fills the
    // width, instead of a sliver at the right edge.
    qint64 start = window > 0 ? std::max(newest - window, oldest) : oldest;
    if (newest - start < 1000) // one point: show a second before it
        start = newest - 1000;
    m_timeRange = {start, newest};
    const qint64 span = newest - start;
    const QString timeFormat = span <= 5 * 60 * 1000         ? QStringLiteral("HH:mm:ss")
                               : span <= 24 * 60 * 60 * 1000 ? QStringLiteral("HH:mm")
                                                             : QStringLiteral("MMM d HH:mm");

    for (Track &track : m_tracks) {
        // The points in the window, and the last one before it: the line that enters from the left edge.
        double low = std::numeric_limits<double>::max();
        double high = std::numeric_limits<double>::lowest();
        const QList<QPointF> points = track.line->points();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF &p = points.at(i);
            const bool entering = p.x() < start && (i + 1 == points.size() || points.at(i + 1).x() >= start);
            if (p.x() >= start || entering) {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
        }
        if (low > high)
            low = high = 0;
        track.intervals = intervalsFor(track);
        const NiceRange range = niceRange(low, high, track.intervals);
        track.range = {range.low, range.high};
        if (!track.view)
            continue;
        track.valueAxis->setRange(range.low, range.high);
        track.valueAxis->setTickCount(int(std::lround((range.high - range.low) / range.step)) + 1);
        track.valueAxis->setLabelFormat(labelFormat(range));
        track.timeAxis->setFormat(timeFormat);
        track.timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(start),
                                 QDateTime::fromMSecsSinceEpoch(newest));
    }
}

void TelemetryPlot::updateLayout()
{
    QChartView *bottom = nullptr;
    for (const QString &name : std::as_const(m_order)) {
        const Track track = m_tracks.value(name);
        if (!track.view)
            continue;
        const bool shown = track.item->checkState() == Qt::Checked;
        track.view->setVisible(shown);
        track.timeAxis->setLabelsVisible(false);
        if (shown)
            bottom = track.view;
    }
    // The time labels once, under the bottom chart: the charts share their x range.
    if (bottom)
        bottom->chart()->axes(Qt::Horizontal).constFirst()->setLabelsVisible(true);
    m_placeholder->setText(m_order.isEmpty() ? tr("No numeric telemetry or reported field yet.")
                                             : tr("No series shown: check one in the list above."));
    m_placeholder->setVisible(!bottom);
    m_picker->setVisible(!m_tracks.isEmpty());
    fitPicker();
    sizeCharts();
    m_alignTimer.start();
}

void TelemetryPlot::sizeCharts()
{
    // Fixed heights rather than the layout's stretch: a QChartView's size hint follows its chart's last size,
    // and the layout shared the height by it, unevenly. The charts fill the scroll area down to a least
    // height each, then scroll; the bottom one has the time labels on top of that.
    QList<QChartView *> shown;
    for (const QString &name : std::as_const(m_order)) {
        QChartView *view = m_tracks.value(name).view;
        if (view && !view->isHidden())
            shown.append(view);
    }
    if (shown.isEmpty())
        return;
    const int line = fontMetrics().height();
    const int labels = TimeLabelLines * line;
    const int each =
        std::max(ChartLines * line, (m_scroll->viewport()->height() - labels) / int(shown.size()));
    for (QChartView *view : std::as_const(shown))
        view->setFixedHeight(view == shown.constLast() ? each + labels : each);
}

int TelemetryPlot::intervalsFor(const Track &track) const
{
    const qreal line = QFontMetricsF(font()).height();
    qreal height = track.view ? track.view->chart()->plotArea().height() : 0;
    if (height <= 0) // not laid out yet: about what a chart of the least height has
        height = (ChartLines - 3) * line;
    return int(height / (LabelSpacingLines * line));
}

void TelemetryPlot::fitPicker()
{
    if (m_picker->isHidden() || m_picker->count() == 0)
        return;
    // The wrapped rows' height, up to PickerRows; more scroll.
    m_picker->doItemsLayout();
    const QRect first = m_picker->visualItemRect(m_picker->item(0));
    const QRect last = m_picker->visualItemRect(m_picker->item(m_picker->count() - 1));
    const int rows = last.bottom() - first.top() + 1;
    const int limit = PickerRows * first.height() + (PickerRows - 1) * m_picker->spacing();
    m_picker->setFixedHeight(std::min(rows, limit) + 2 * m_picker->frameWidth());
}

void TelemetryPlot::alignPlotAreas()
{
    // Each chart's y labels take the width their numbers need, which would start each plot at another x: the
    // margins make up the difference, so that a moment is at the same x in every chart.
    QList<QChart *> charts;
    for (const QString &name : std::as_const(m_order)) {
        const Track track = m_tracks.value(name);
        if (track.view && !track.view->isHidden())
            charts.append(track.view->chart());
    }
    qreal left = 0;
    qreal right = 0;
    QList<QPair<qreal, qreal>> natural; // what the axes take on each side, without the added margins
    for (QChart *chart : std::as_const(charts)) {
        const QRectF area = chart->plotArea();
        const QMargins margins = chart->margins();
        const qreal ownLeft = area.left() - margins.left();
        const qreal ownRight = chart->size().width() - area.right() - margins.right();
        natural.append({ownLeft, ownRight});
        left = std::max(left, ownLeft);
        right = std::max(right, ownRight);
    }
    for (qsizetype i = 0; i < charts.size(); ++i) {
        const QMargins wanted(ChartMargin + int(std::lround(left - natural.at(i).first)), ChartMargin,
                              ChartMargin + int(std::lround(right - natural.at(i).second)), ChartMargin);
        if (charts.at(i)->margins() != wanted)
            charts.at(i)->setMargins(wanted);
    }
    // A chart's height decides how many y labels it has room for, known once it is laid out.
    for (const Track &track : std::as_const(m_tracks)) {
        if (track.view && !track.view->isHidden() && intervalsFor(track) != track.intervals) {
            updateRanges();
            break;
        }
    }
}

QStringList TelemetryPlot::seriesNames() const
{
    QStringList names;
    for (const QString &name : m_order) {
        if (m_tracks.contains(name))
            names.append(name);
    }
    return names;
}

QLineSeries *TelemetryPlot::series(const QString &name) const
{
    return m_tracks.value(name).line;
}

int TelemetryPlot::pointCount(const QString &name) const
{
    const QLineSeries *line = series(name);
    return line ? line->count() : 0;
}

QStringList TelemetryPlot::visibleSeries() const
{
    QStringList names;
    for (const QString &name : m_order) {
        if (isSeriesVisible(name))
            names.append(name);
    }
    return names;
}

bool TelemetryPlot::isSeriesVisible(const QString &name) const
{
    const QListWidgetItem *item = m_tracks.value(name).item;
    return item && item->checkState() == Qt::Checked;
}

void TelemetryPlot::setSeriesVisible(const QString &name, bool visible)
{
    if (QListWidgetItem *item = m_tracks.value(name).item)
        item->setCheckState(visible ? Qt::Checked : Qt::Unchecked); // onPickerChanged() does the rest
}

QChart *TelemetryPlot::chart(const QString &name) const
{
    const QChartView *view = m_tracks.value(name).view;
    return view ? view->chart() : nullptr;
}

QPair<double, double> TelemetryPlot::valueRange(const QString &name) const
{
    return m_tracks.value(name).range;
}

int TelemetryPlot::timeWindowSeconds() const
{
    return m_window->currentData().toInt();
}

void TelemetryPlot::setTimeWindowSeconds(int seconds)
{
    const int index = m_window->findData(seconds);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

} // namespace fleet
