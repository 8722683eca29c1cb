#include "desktopnotifier.h"

#include "fleeticons.h"
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace fleet {

Q_LOGGING_CATEGORY(lcNotify, "fleet.notify")

namespace {

// Amber, as the connection banner: it reads on light and dark themes.
const QColor BadgeColour(0xd9, 0x77, 0x06);

} // namespace

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::follow(ApprovalNotices *notices)
{
    connect(notices, &ApprovalNotices::notice, this, &DesktopNotifier::show);
    connect(notices, &ApprovalNotices::waitingChanged, this, &DesktopNotifier::setWaitingCount);
    setWaitingCount(notices->waitingCount());
}

void DesktopNotifier::setBadgeTab(QTabWidget *tabs, QWidget *page, const QString &text)
{
    m_tabs = tabs;
    m_page = page;
    m_tabText = text;
    // The tab's own icon comes back when nothing waits.
    m_tabIcon = tabs ? tabs->tabIcon(tabs->indexOf(page)) : QIcon();
    updateBadge();
}

void DesktopNotifier::setWaitingCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    updateBadge();
}

void DesktopNotifier::updateBadge()
{
    if (!m_tabs || !m_page)
        return;
    const int index = m_tabs->indexOf(m_page);
    if (index < 0)
        return;
    m_tabs->setTabText(index, m_count > 0
                                  ? tr("%1 (%2)", "tab text (requests waiting)").arg(m_tabText).arg(m_count)
                                  : m_tabText);
    // An invalid colour gives the tab bar's own back.
    m_tabs->tabBar()->setTabTextColor(index, m_count > 0 ? BadgeColour : QColor());
    m_tabs->setTabIcon(index, m_count > 0 ? FleetIcons::status(u"awaiting-approval"_s) : m_tabIcon);
    m_tabs->setTabToolTip(index, m_count > 0
                                     ? tr("%n approval request(s) wait for your decision", nullptr, m_count)
                                     : QString());
}

void DesktopNotifier::show(const ApprovalNotices::Notice &notice)
{
    if (m_window && !m_window->isActiveWindow())
        QApplication::alert(m_window);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return fallBack(notice, tr("no D-Bus session bus"));
    if (m_inFlight >= MaxInFlight)
        return fallBack(notice, tr("the notification service does not answer"));

    using Kind = ApprovalNotices::Notice::Kind;
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1StringView(Service), QLatin1StringView(Path),
                                                       QLatin1StringView(Interface), u"Notify"_s);
    QVariantMap hints;
    // Something waiting for a decision is worth more than news of one's own request (urgency 2 would stay
    // on screen until dismissed on most desktops, which suits neither).
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(1)));
    hints.insert(u"category"_s, notice.kind == Kind::Waiting ? u"im.received"_s : u"transfer.complete"_s);
    // The installed desktop entry (resources/), whose name and icon the notification server shows.
    hints.insert(u"desktop-entry"_s, QGuiApplication::desktopFileName().isEmpty()
                                         ? QApplication::applicationName()
                                         : QGuiApplication::desktopFileName());
    // Servers that announce body-markup (GNOME, KDE, dunst, xfce4-notifyd) read the body as markup; it
    // quotes what other accounts published, so it is escaped.
    const QString body = notice.body.toHtmlEscaped();
    const uint replaces = notice.kind == Kind::Waiting ? m_waitingNotification : 0;
    // The default action is what a click on the notification does; servers that show actions as buttons
    // show this one too.
    if (!m_listening) {
        m_listening = true;
        bus.connect(QLatin1StringView(Service), QLatin1StringView(Path), QLatin1StringView(Interface),
                    u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)));
        bus.connect(QLatin1StringView(Service), QLatin1StringView(Path), QLatin1StringView(Interface),
                    u"NotificationClosed"_s, this, SLOT(onNotificationClosed(uint, uint)));
    }
    const QStringList actions{QLatin1StringView(DefaultAction), tr("Open approvals")};
    call << QApplication::applicationDisplayName() << replaces << u"dialog-information"_s << notice.summary
         << body << actions << hints << int(-1);
    ++m_inFlight;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, notice](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        --m_inFlight;
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            return fallBack(notice, reply.error().message());
        m_available = true;
        m_toldMissing = false;
        if (notice.kind == ApprovalNotices::Notice::Kind::Waiting)
            m_waitingNotification = reply.value();
        remember(reply.value(), notice);
        Q_EMIT delivered(notice, reply.value());
    });
}

void DesktopNotifier::remember(uint notificationId, const ApprovalNotices::Notice &notice)
{
    // A replaced notification keeps its id: the newest notice under it is what a click opens.
    m_clickable.removeIf([notificationId](const auto &entry) { return entry.first == notificationId; });
    if (m_clickable.size() >= MaxClickable)
        m_clickable.removeFirst();
    m_clickable.append({notificationId, notice});
}

void DesktopNotifier::onActionInvoked(uint notificationId, const QString &actionKey)
{
    if (actionKey != QLatin1StringView(DefaultAction))
        return;
    for (const auto &[id, notice] : std::as_const(m_clickable)) {
        if (id == notificationId) {
            Q_EMIT opened(notice);
            return;
        }
    }
}

void DesktopNotifier::onNotificationClosed(uint notificationId, uint reason)
{
    Q_UNUSED(reason);
    m_clickable.removeIf([notificationId](const auto &entry) { return entry.first == notificationId; });
}

void DesktopNotifier::fallBack(const ApprovalNotices::Notice &notice, const QString &why)
{
    m_available = false;
    if (!m_toldMissing) {
        m_toldMissing = true;
        qCInfo(lcNotify, "No desktop notifications (%s): notices go to the status bar.", qPrintable(why));
    }
    if (auto *main = qobject_cast<QMainWindow *>(m_window.data()))
        main->statusBar()->showMessage(notice.summary, 15000);
    Q_EMIT fellBack(notice);
}

} // namespace fleet
