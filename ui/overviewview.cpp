#include "overviewview.h"

#include "commands/commandtracker.h"
#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "models/fleetoverview.h"
#include "mqtt/mqttclient.h"
#include "themecolors.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QMetaEnum>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using State = CommandExecution::State;

struct WindowChoice
{
    qint64 windowMs;
    qint64 bucketMs;
};

constexpr qint64 Minute = 60 * 1000;

WindowChoice windowChoice(OverviewView::Window window)
{
    switch (window) {
    case OverviewView::Window::Hour:
        break;
    case OverviewView::Window::SixHours:
        return {6 * 60 * Minute, 30 * Minute};
    case OverviewView::Window::Day:
        return {24 * 60 * Minute, 120 * Minute};
    }
    return {FleetOverview::DefaultWindowMs, FleetOverview::DefaultBucketMs};
}

// The usual meanings (green went well, red failed), from the theme's colours for the palette: each reads
// on its theme's chart background (tst_themecolors measures them).
QColor outcomeColor(State state, const QPalette &palette)
{
    const ThemeColors colors = ThemeColors::forPalette(palette);
    switch (state) {
    case State::Succeeded:
        return colors.color(ThemeColors::Role::Success);
    case State::Failed:
        return colors.color(ThemeColors::Role::Failure);
    case State::TimedOut:
        return colors.series(4); // orange: ran out of time
    case State::Unreachable:
        return colors.series(3); // purple
    case State::Rejected:
        return colors.series(0); // blue
    default:
        return colors.color(ThemeColors::Role::Muted);
    }
}

QList<State> failureStates()
{
    return {State::Failed, State::TimedOut, State::Unreachable};
}

// An axis top and tick count whose ticks fall on whole numbers: counts of commands have no fractions.
std::pair<int, int> countScale(int maximum)
{
    if (maximum <= 5)
        return {std::max(maximum, 1), std::max(maximum, 1) + 1};
    const double rough = maximum / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    int step = int(magnitude);
    for (const int factor : {1, 2, 5, 10}) {
        if (factor * magnitude >= rough) {
            step = int(factor * magnitude);
            break;
        }
    }
    step = std::max(step, 1);
    const int top = (maximum + step - 1) / step * step;
    return {top, top / step + 1};
}

QTableWidgetItem *item(const QString &text, const QVariant &sortValue = {},
                       Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    cell->setTextAlignment(alignment);
    if (sortValue.isValid())
        cell->setData(Qt::UserRole, sortValue);
    return cell;
}

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    // At most a few dozen rows: sizing to contents is cheap here, and no header is cut in any language.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setCursor(Qt::PointingHandCursor);
    // Three rows at least; more as the tab grows.
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height() +
                            3 * (table->fontMetrics().height() + 8) + 4);
    return table;
}

} // namespace

OverviewView::OverviewView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_overview(new FleetOverview(session ? session->registry() : nullptr,
                                   session ? session->tracker() : nullptr,
                                   session ? session->approvals() : nullptr, this))
    , m_window(new QComboBox(this))
    , m_chartEmpty(new QLabel(this))
    , m_chart(new QChartView(this))
    // No parents: the chart takes them over (addSeries(), addAxis()) and deletes them.
    , m_series(new QStackedBarSeries)
    , m_timeAxis(new QCategoryAxis)
    , m_countAxis(new QValueAxis)
    , m_commands(
          makeTable(this, u"overviewCommands"_s,
                    {tr("Command"), tr("Verdicts", "commands that ended"),
                     tr("Success", "share of verdicts that succeeded"), tr("Failures"), tr("In progress")}))
    , m_failing(
          makeTable(this, u"overviewFailingDevices"_s, {tr("Device"), tr("Failures"), tr("Last failure")}))
    , m_commandsEmpty(new QLabel(this))
    , m_failingEmpty(new QLabel(this))
{
    setObjectName(u"overviewView"_s);

    // Figures.
    m_devicesBox = new QGroupBox(tr("Devices"), this);
    auto *devicesRow = new QHBoxLayout(m_devicesBox);
    devicesRow->addWidget(makeTile(Figure::Online, tr("Online"), tr("Show the devices online")));
    devicesRow->addWidget(makeTile(Figure::Offline, tr("Offline"), tr("Show the devices offline")));
    devicesRow->addWidget(makeTile(Figure::Stale, tr("Stale", "device state only last known"),
                                   tr("While the console is not connected, every online or offline state is "
                                      "only the last known")));
    devicesRow->addWidget(makeTile(Figure::NeverReported, tr("Not reported", "presence never reported"),
                                   tr("Show the devices that never reported their presence")));
    devicesRow->addWidget(makeTile(Figure::Total, tr("Total"), tr("Show every device")));
    m_attentionBox = new QGroupBox(tr("Needs attention"), this);
    auto *attentionRow = new QHBoxLayout(m_attentionBox);
    attentionRow->addWidget(makeTile(Figure::OutOfSync,
                                     tr("Out of sync", "shadow desired differs from reported"),
                                     tr("Show the devices whose desired state they have not reported yet")));
    attentionRow->addWidget(
        makeTile(Figure::ApprovalsWaiting, tr("Approvals waiting"), tr("Open the approvals")));
    attentionRow->addWidget(makeTile(Figure::InProgress, tr("In progress", "commands"),
                                     tr("Show the commands without a verdict yet")));
    attentionRow->addWidget(makeTile(Figure::Failures, tr("Failures", "commands"),
                                     tr("Show the commands that failed, timed out or found their device "
                                        "unreachable")));

    // Outcomes over time.
    m_window->setObjectName(u"overviewWindow"_s);
    m_window->addItem(tr("Last hour"), int(Window::Hour));
    m_window->addItem(tr("Last 6 hours"), int(Window::SixHours));
    m_window->addItem(tr("Last 24 hours"), int(Window::Day));
    m_chartBox = new QGroupBox(tr("Commands by outcome"), this);
    m_chart->setObjectName(u"overviewChart"_s);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(150);
    m_chart->setCursor(Qt::PointingHandCursor);
    m_chart->setToolTip(tr("Click a bar to see those commands"));
    QChart *chart = m_chart->chart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // A legend of buttons beside the chart instead of the chart's own: translated text that wraps and is
    // measured like any other, and one click to the commands of an outcome too rare to have a bar to hit.
    chart->legend()->hide();
    auto *legend = new QVBoxLayout;
    legend->setSpacing(2);
    for (const State state : FleetOverview::outcomeStates()) {
        auto *set = new QBarSet(CommandExecution::stateText(state));
        connect(set, &QBarSet::clicked, this, [this, state] {
            CommandFilter filter;
            filter.states = {state};
            Q_EMIT commandsRequested(filter);
        });
        m_sets.insert(state, set);
        m_series->append(set);
        auto *entry = new QPushButton(CommandExecution::stateText(state), this);
        m_legendEntries.insert(state, entry);
        entry->setObjectName(u"legend"_s + CommandExecution::stateKey(state));
        entry->setFlat(true);
        entry->setCursor(Qt::PointingHandCursor);
        entry->setStyleSheet(u"text-align: left; padding: 2px 4px;"_s);
        entry->setToolTip(tr("Show the commands that ended %1", "%1: a command state").arg(entry->text()));
        connect(entry, &QPushButton::clicked, set, [set] { Q_EMIT set->clicked(-1); });
        legend->addWidget(entry);
    }
    legend->addStretch(1);
    m_series->setBarWidth(0.8);
    chart->addSeries(m_series);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_countAxis);
    m_countAxis->setLabelFormat(u"%d"_s);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chartEmpty->setObjectName(u"overviewChartEmpty"_s);
    m_chartEmpty->setAlignment(Qt::AlignCenter);
    m_chartEmpty->setWordWrap(true);
    auto *windowLabel = new QLabel(tr("&Window"), this);
    windowLabel->setBuddy(m_window);
    auto *side = new QVBoxLayout;
    side->addWidget(windowLabel);
    side->addWidget(m_window);
    side->addSpacing(6);
    side->addLayout(legend, 1);
    auto *chartLayout = new QHBoxLayout(m_chartBox);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_chartEmpty, 1);
    chartLayout->addLayout(side);

    // By command, and the devices failing most.
    m_commandsBox = new QGroupBox(tr("By command"), this);
    // Every column as wide as its contents, the table as wide as its columns (see updateCommands()).
    m_commands->horizontalHeader()->setStretchLastSection(false);
    m_commands->setToolTip(tr("Click a command to see its commands; click a count to see those"));
    m_commandsEmpty->setWordWrap(true);
    m_commandsEmpty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *commandsLayout = new QVBoxLayout(m_commandsBox);
    commandsLayout->addWidget(m_commands);
    commandsLayout->addWidget(m_commandsEmpty);
    m_failingBox = new QGroupBox(tr("Devices with the most failures"), this);
    m_failing->setToolTip(tr("Click a device to open it"));
    // The device's own words may be long: cut to the width left, whole in the cell's tooltip.
    m_failing->horizontalHeader()->setSectionResizeMode(LastFailureColumn, QHeaderView::Stretch);
    m_failing->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_failingEmpty->setWordWrap(true);
    m_failingEmpty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *failingLayout = new QVBoxLayout(m_failingBox);
    failingLayout->addWidget(m_failing);
    failingLayout->addWidget(m_failingEmpty);

    // In a scroll area: beside the device docks the tab may be narrower and lower than the figures need,
    // and scrolling beats squeezing them until their text is cut.
    auto *content = new QWidget(this);
    m_grid = new QGridLayout(content);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(u"overviewScroll"_s);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    arrange();

    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        const WindowChoice choice = windowChoice(Window(m_window->currentData().toInt()));
        m_overview->setWindow(choice.windowMs, choice.bucketMs);
        m_overview->recompute();
    });
    connect(m_commands, &QTableWidget::cellClicked, this, &OverviewView::onCommandClicked);
    connect(m_failing, &QTableWidget::cellClicked, this, [this](int row) {
        if (const QTableWidgetItem *cell = m_failing->item(row, FailingDeviceColumn))
            Q_EMIT deviceRequested(cell->text());
    });
    for (QTableWidget *table : {m_commands, m_failing})
        ItemViewActions::addCopy(table);
    connect(m_overview, &FleetOverview::changed, this, &OverviewView::refresh);

    if (m_session) {
        // As the device table decides it: connectivity is news only while the console hears the broker.
        const auto followConnection = [this] {
            m_overview->setConnected(m_session->client()->state() == MqttClient::State::Connected);
        };
        connect(m_session->client(), &MqttClient::stateChanged, this, followConnection);
        followConnection();
        if (CommandLedger *ledger = m_session->ledger())
            m_overview->loadHistory(*ledger, HistoryLimit);
    }
    styleChart();
    m_overview->recompute();
}

OverviewView::~OverviewView() = default;

QWidget *OverviewView::makeTile(Figure figure, const QString &caption, const QString &toolTip)
{
    Tile tile;
    tile.button = new QPushButton(this);
    tile.button->setObjectName(u"figure"_s +
                               QString::fromLatin1(QMetaEnum::fromType<Figure>().valueToKey(int(figure))));
    tile.button->setToolTip(toolTip);
    tile.button->setCursor(Qt::PointingHandCursor);
    tile.button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    tile.value = new QLabel(tile.button);
    tile.caption = new QLabel(caption, tile.button);
    tile.detail = new QLabel(tile.button);
    QFont big = tile.value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    tile.value->setFont(big);
    QFont small = tile.detail->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    tile.detail->setFont(small);
    for (QLabel *label : {tile.value, tile.caption, tile.detail}) {
        // The button takes the click wherever it lands.
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setAlignment(Qt::AlignCenter);
        label->setTextFormat(Qt::PlainText);
    }
    // No word wrap: a wrapping label asks its height for a width the grid guesses, and the tab then scrolls
    // for room it does not use. The tiles' row takes the width its words need instead.
    auto *layout = new QVBoxLayout(tile.button);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(0);
    layout->addWidget(tile.value);
    layout->addWidget(tile.caption);
    layout->addWidget(tile.detail);
    connect(tile.button, &QPushButton::clicked, this, [this, figure] { onFigureClicked(figure); });
    m_tiles.insert(figure, tile);
    return tile.button;
}

void OverviewView::setTile(Figure figure, qint64 value, const QString &detail, bool dim)
{
    const Tile tile = m_tiles.value(figure);
    tile.value->setText(QLocale().toString(value));
    tile.detail->setText(detail);
    tile.detail->setVisible(!detail.isEmpty());
    // A button sizes itself by its own text, of which it has none: the labels' layout says what it needs.
    tile.button->setMinimumSize(tile.button->layout()->totalMinimumSize());
    // Greyed as the device table greys a last known state.
    tile.value->setEnabled(!dim);
}

QString OverviewView::figureText(Figure figure) const
{
    const Tile tile = m_tiles.value(figure);
    return tile.value ? tile.value->text() : QString();
}

void OverviewView::setWindow(Window window)
{
    m_window->setCurrentIndex(m_window->findData(int(window)));
}

QString OverviewView::windowText() const
{
    switch (Window(m_window->currentData().toInt())) {
    case Window::Hour:
        break;
    case Window::SixHours:
        return tr("in the last 6 hours");
    case Window::Day:
        return tr("in the last 24 hours");
    }
    return tr("in the last hour");
}

void OverviewView::onFigureClicked(Figure figure)
{
    DeviceFilter devices;
    CommandFilter commands;
    switch (figure) {
    case Figure::Online:
        devices.connectivity = Device::Connectivity::Online;
        break;
    case Figure::Offline:
        devices.connectivity = Device::Connectivity::Offline;
        break;
    case Figure::NeverReported:
        devices.connectivity = Device::Connectivity::Unknown;
        break;
    case Figure::Stale:
    case Figure::Total:
        break;
    case Figure::OutOfSync:
        devices.outOfSync = true;
        break;
    case Figure::ApprovalsWaiting:
        Q_EMIT approvalsRequested();
        return;
    case Figure::InProgress:
        commands.states = CommandFilter::unfinishedStates();
        Q_EMIT commandsRequested(commands);
        return;
    case Figure::Failures:
        commands.states = failureStates();
        Q_EMIT commandsRequested(commands);
        return;
    }
    Q_EMIT devicesRequested(devices);
}

void OverviewView::onCommandClicked(int row, int column)
{
    const QTableWidgetItem *name = m_commands->item(row, CommandNameColumn);
    if (!name)
        return;
    CommandFilter filter;
    filter.command = name->data(Qt::UserRole).toString();
    switch (column) {
    case SuccessShareColumn:
        filter.states = {State::Succeeded};
        break;
    case FailuresColumn:
        filter.states = failureStates();
        break;
    case InProgressColumn:
        filter.states = CommandFilter::unfinishedStates();
        break;
    default:
        break;
    }
    Q_EMIT commandsRequested(filter);
}

void OverviewView::refresh()
{
    updateDevices();
    updateChart();
    updateCommands();
    updateFailing();
    // The tables' widths follow their contents.
    arrange();
}

void OverviewView::updateDevices()
{
    const FleetOverview::DeviceCounts &d = m_overview->devices();
    const bool stale = !m_overview->isConnected();
    const QString lastKnown = stale ? tr("last known") : QString();
    setTile(Figure::Online, d.online, lastKnown, stale);
    setTile(Figure::Offline, d.offline, lastKnown, stale);
    setTile(Figure::Stale, d.stale, stale ? tr("not connected") : tr("connected"));
    setTile(Figure::NeverReported, d.unknown);
    setTile(Figure::Total, d.total);
    setTile(Figure::OutOfSync, d.outOfSync,
            // Spelled out rather than "%n key(s)": the untranslated English text would show the "(s)".
            d.differingKeys == 0   ? QString()
            : d.differingKeys == 1 ? tr("1 key pending")
                                   : tr("%L1 keys pending").arg(d.differingKeys));
    const FleetOverview::Approvals &a = m_overview->approvals();
    QStringList approvals;
    if (a.forMe > 0)
        approvals.append(tr("%L1 for you", "approvals you may decide on").arg(a.forMe));
    if (a.mine > 0)
        approvals.append(tr("%L1 yours", "your own requests, waiting").arg(a.mine));
    setTile(Figure::ApprovalsWaiting, a.pending, approvals.join(u", "_s));
    setTile(Figure::InProgress, m_overview->inProgress());
    setTile(Figure::Failures, m_overview->failures(), windowText());
}

void OverviewView::updateChart()
{
    const QList<FleetOverview::OutcomeBucket> &buckets = m_overview->outcomes();
    int maximum = 0;
    for (const FleetOverview::OutcomeBucket &bucket : buckets)
        maximum = std::max(maximum, bucket.total());
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        QList<qreal> values;
        values.reserve(buckets.size());
        for (const FleetOverview::OutcomeBucket &bucket : buckets)
            values.append(bucket.counts.value(it.key(), 0));
        if (it.value()->count() == values.size()) {
            for (int i = 0; i < values.size(); ++i) {
                if (it.value()->at(i) != values.at(i))
                    it.value()->replace(i, values.at(i));
            }
        } else {
            it.value()->remove(0, it.value()->count());
            it.value()->append(values);
        }
    }
    // Bar i stands at x = i. A time under every third bar: twelve would crowd a chart beside the docks.
    // Seconds are noise at these steps, and some locales' short format (C's) has them.
    const QLocale locale;
    const QString format = locale.timeFormat(QLocale::ShortFormat).remove(u":ss"_s);
    const int count = int(buckets.size());
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    m_timeAxis->setStartValue(-0.5);
    // Counted from the last bar, so that the current bucket always has its time.
    for (int i = (count - 1) % 3; i < count; i += 3)
        m_timeAxis->append(QDateTime::fromMSecsSinceEpoch(buckets.at(i).startMs).time().toString(format), i);
    m_timeAxis->setRange(-0.5, count - 0.5);
    const auto [top, ticks] = countScale(maximum);
    m_countAxis->setRange(0, top);
    m_countAxis->setTickCount(ticks);
    const bool empty = maximum == 0;
    m_chartEmpty->setText(tr("No command got its verdict %1.", "%1: in the last hour").arg(windowText()));
    m_chart->setVisible(!empty);
    m_chartEmpty->setVisible(empty);
}

void OverviewView::updateCommands()
{
    const QList<FleetOverview::CommandStats> &commands = m_overview->commands();
    const QLocale locale;
    m_commands->setRowCount(int(commands.size()));
    const Qt::Alignment number = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < commands.size(); ++row) {
        const FleetOverview::CommandStats &c = commands.at(row);
        const QString name = c.command == CommandTracker::RawCommand ? tr("Free-form payloads") : c.command;
        m_commands->setItem(row, CommandNameColumn, item(name, c.command));
        m_commands->setItem(row, VerdictsColumn, item(locale.toString(c.verdicts), {}, number));
        QTableWidgetItem *share = item(
            c.verdicts > 0 ? tr("%1%", "a percentage").arg(locale.toString(100 * c.successShare(), 'f', 0))
                           : tr("–", "no share: no verdict yet"),
            {}, number);
        share->setToolTip(tr("%L1 of %L2 succeeded").arg(c.succeeded).arg(c.verdicts));
        m_commands->setItem(row, SuccessShareColumn, share);
        QTableWidgetItem *failures = item(locale.toString(c.failures), {}, number);
        if (c.failures > 0)
            failures->setForeground(outcomeColor(State::Failed, palette()));
        m_commands->setItem(row, FailuresColumn, failures);
        m_commands->setItem(row, InProgressColumn, item(locale.toString(c.inProgress), {}, number));
    }
    // Never scrolled sideways: the grid gives the table the width of its columns, and the devices' table
    // (whose last column can be cut, with a tooltip) the rest.
    QHeaderView *header = m_commands->horizontalHeader();
    header->resizeSections(QHeaderView::ResizeToContents);
    const int width =
        header->length() + 2 * m_commands->frameWidth() + m_commands->verticalScrollBar()->sizeHint().width();
    m_commands->setMinimumWidth(width);
    m_commandsEmpty->setText(tr("No command %1.", "%1: in the last hour").arg(windowText()));
    m_commands->setVisible(!commands.isEmpty());
    m_commandsEmpty->setVisible(commands.isEmpty());
}

void OverviewView::updateFailing()
{
    const QList<FleetOverview::DeviceFailures> &failing = m_overview->mostFailures();
    const QLocale locale;
    m_failing->setRowCount(int(failing.size()));
    for (int row = 0; row < failing.size(); ++row) {
        const FleetOverview::DeviceFailures &f = failing.at(row);
        QTableWidgetItem *id = item(f.device);
        id->setToolTip(f.device);
        m_failing->setItem(row, FailingDeviceColumn, id);
        m_failing->setItem(row, FailingCountColumn,
                           item(locale.toString(f.failures), {}, Qt::AlignRight | Qt::AlignVCenter));
        const QString when =
            locale.toString(QDateTime::fromMSecsSinceEpoch(f.lastFailureMs).time(), QLocale::ShortFormat);
        QString last = u"%1 · %2"_s.arg(when, CommandExecution::stateText(f.lastState));
        if (!f.lastReason.isEmpty())
            last += u": "_s + f.lastReason;
        QTableWidgetItem *cell = item(last);
        cell->setToolTip(last);
        m_failing->setItem(row, LastFailureColumn, cell);
    }
    m_failingEmpty->setText(tr("No device failed a command %1.", "%1: in the last hour").arg(windowText()));
    m_failing->setVisible(!failing.isEmpty());
    m_failingEmpty->setVisible(failing.isEmpty());
}

void OverviewView::styleChart()
{
    // The chart draws with its own colours, not the widget palette: follow the palette so that it reads in
    // the dark theme too.
    const QPalette p = palette();
    QChart *chart = m_chart->chart();
    chart->setBackgroundBrush(p.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_countAxis)}) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    m_timeAxis->setGridLineVisible(false);
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        const QColor colour = outcomeColor(it.key(), p);
        it.value()->setColor(colour);
        it.value()->setBorderColor(colour);
        if (QPushButton *entry = m_legendEntries.value(it.key())) {
            QPixmap swatch(12, 12);
            swatch.fill(colour);
            entry->setIcon(QIcon(swatch));
        }
    }
}

void OverviewView::arrange()
{
    const int spacing =
        m_grid->horizontalSpacing() + m_grid->contentsMargins().left() + m_grid->contentsMargins().right();
    const bool narrow = width() < NarrowWidth;
    // Tables one above the other only when side by side they would not fit: the tab then scrolls down
    // rather than sideways.
    const bool stacked = narrow && m_commandsBox->minimumSizeHint().width() +
                                           m_failingBox->minimumSizeHint().width() + spacing >
                                       m_scroll->viewport()->width();
    const int mode = stacked ? 2 : narrow ? 1 : 0;
    if (mode == m_mode)
        return;
    m_mode = mode;
    for (QWidget *box : {static_cast<QWidget *>(m_devicesBox), static_cast<QWidget *>(m_attentionBox),
                         static_cast<QWidget *>(m_chartBox), static_cast<QWidget *>(m_commandsBox),
                         static_cast<QWidget *>(m_failingBox)})
        m_grid->removeWidget(box);
    // Wide: the two rows of figures side by side; narrow: one above the other, so that each tile has room
    // for its words.
    const int figuresRows = narrow ? 2 : 1;
    m_grid->addWidget(m_devicesBox, 0, 0, 1, narrow ? 2 : 1);
    m_grid->addWidget(m_attentionBox, narrow ? 1 : 0, narrow ? 0 : 1, 1, narrow ? 2 : 1);
    m_grid->addWidget(m_chartBox, figuresRows, 0, 1, 2);
    if (stacked) {
        m_grid->addWidget(m_commandsBox, figuresRows + 1, 0, 1, 2);
        m_grid->addWidget(m_failingBox, figuresRows + 2, 0, 1, 2);
    } else {
        m_grid->addWidget(m_commandsBox, figuresRows + 1, 0);
        m_grid->addWidget(m_failingBox, figuresRows + 1, 1);
    }
    const int lastRow = figuresRows + (stacked ? 2 : 1);
    for (int row = 0; row < 5; ++row)
        m_grid->setRowStretch(row, row >= figuresRows && row <= lastRow ? 1 : 0);
}

void OverviewView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void OverviewView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        styleChart();
    else if (event->type() == QEvent::LanguageChange)
        refresh();
}

} // namespace fleet
