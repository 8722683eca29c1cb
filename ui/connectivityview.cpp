#include "connectivityview.h"

#include "connectivitytimeline.h"
#include "fleet/devicetext.h"
#include "themecolors.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// A dot in the state's colour before each change, so that the list reads at a glance as the strip does.
QIcon stateIcon(Device::Connectivity connectivity, const QPalette &palette, qreal ratio)
{
    const ThemeColors colors = ThemeColors::forPalette(palette);
    const int size = 12;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(connectivity == Device::Connectivity::Online ? colors.color(ThemeColors::Role::Success)
                                                                  : colors.color(ThemeColors::Role::Failure));
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return QIcon(pixmap);
}

qint64 dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date().toJulianDay();
}

} // namespace

ConnectivityView::ConnectivityView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_window(new QComboBox(this))
    , m_timeline(new ConnectivityTimeline(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"connectivityView"_s);
    m_summary->setObjectName(u"connectivitySummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_window->setObjectName(u"connectivityWindow"_s);
    m_window->addItem(tr("Last 15 minutes"), qint64(15 * 60'000));
    m_window->addItem(tr("Last hour"), qint64(3'600'000));
    m_window->addItem(tr("Last 24 hours"), qint64(24 * 3'600'000));
    m_window->setCurrentIndex(1);
    m_window->setToolTip(tr("How far back the strip reaches"));
    m_list->setObjectName(u"connectivityChanges"_s);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideRight);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_window);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_timeline);
    layout->addWidget(m_list, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this] { m_timeline->setWindow(m_window->currentData().toLongLong()); });
    m_timeline->setWindow(m_window->currentData().toLongLong());
    setChanges({}, QDateTime::currentMSecsSinceEpoch());
}

void ConnectivityView::setChanges(const QList<PresenceChange> &changes, qint64 nowMs)
{
    m_nowMs = nowMs;
    m_timeline->setNow(nowMs);
    m_timeline->setChanges(changes);
    // The list is rebuilt only when there is something new to say, so that a selection survives the clock.
    if (changes == m_changes && dayOf(nowMs) == m_listDay)
        return;
    m_changes = changes;
    fillList();
}

QString ConnectivityView::summary() const
{
    return m_summary->text();
}

void ConnectivityView::fillList()
{
    m_listDay = dayOf(m_nowMs);
    m_list->clear();
    // Changes between two known states; the first entry is the state the console first learned.
    const qsizetype changes = std::max<qsizetype>(0, m_changes.size() - 1);
    if (m_changes.isEmpty())
        m_summary->setText(tr("Nothing is known of this device's connectivity yet."));
    else if (changes == 0)
        m_summary->setText(tr("No change seen since %1.")
                               .arg(DeviceText::clockTime(m_changes.constFirst().observedMs, m_nowMs)));
    // One change apart rather than "%n change(s)": English has no translation file, and would show the "(s)".
    else if (changes == 1)
        m_summary->setText(tr("1 change seen since %1.")
                               .arg(DeviceText::clockTime(m_changes.constFirst().observedMs, m_nowMs)));
    else
        m_summary->setText(tr("%n changes seen since %1.", "connectivity history (never 1)", int(changes))
                               .arg(DeviceText::clockTime(m_changes.constFirst().observedMs, m_nowMs)));
    const qreal ratio = devicePixelRatioF();
    const QIcon online = stateIcon(Device::Connectivity::Online, palette(), ratio);
    const QIcon offline = stateIcon(Device::Connectivity::Offline, palette(), ratio);
    for (qsizetype i = m_changes.size() - 1; i >= 0; --i) {
        const PresenceChange &change = m_changes.at(i);
        const PresenceChange *previous = i > 0 ? &m_changes.at(i - 1) : nullptr;
        auto *item = new QListWidgetItem(DeviceText::presenceChange(change, previous, m_nowMs));
        item->setIcon(change.connectivity == Device::Connectivity::Online ? online : offline);
        // The whole line, which a narrow dock elides, and the date its time leaves out.
        item->setToolTip(item->text() + u'\n' + DeviceText::timestamp(change.observedMs));
        m_list->addItem(item);
    }
}

void ConnectivityView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The dots follow the theme.
    if (event->type() == QEvent::PaletteChange && !m_changes.isEmpty())
        fillList();
}

} // namespace fleet
