#pragma once

#include "commands/approvalnotices.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QString>

class QTabWidget;
class QWidget;

namespace fleet {

// Shows ApprovalNotices where a person notices them, also when the console is not in front:
//   - a desktop notification through the freedesktop notification service on the session bus
//     (org.freedesktop.Notifications.Notify), called asynchronously so that a slow or hung service never
//     blocks the window; a new "waiting" notification replaces the previous one instead of stacking;
//   - the window's urgency hint (QApplication::alert()) while the window is not the active one;
//     A click on the notification (its default action) emits opened() with the notice, so the window can
//     come forward on the Approvals tab with that request selected;
//   - a badge on the Approvals tab, "Approvals (2)" in a warning colour with a dot, while something waits
//     for this user's decision; it clears when nothing does.
// Without a notification service (no session bus, nobody owning the name: a bare X session, a container)
// the notice goes to the main window's status bar instead, and the missing service is logged once, not
// once per notice.
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";
    static constexpr auto Interface = "org.freedesktop.Notifications";
    // Calls without an answer yet; past it notices fall back until the service answers (a hung service
    // does not collect an unbounded backlog of calls).
    static constexpr int MaxInFlight = 8;
    static constexpr int CallTimeoutMs = 5000;
    // Notifications whose click is still answered: the newest ones (a desktop keeps few on screen).
    static constexpr int MaxClickable = 32;
    static constexpr auto DefaultAction = "default";

    // window: the one to alert (and, when it is a QMainWindow, whose status bar takes the fallback).
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Shows the notices and the waiting count of notices (not owned).
    void follow(ApprovalNotices *notices);
    // The tab that carries the badge, and its text without one.
    void setBadgeTab(QTabWidget *tabs, QWidget *page, const QString &text);
    int badgeCount() const { return m_count; }
    // Whether the last call reached a notification service (true until one failed).
    bool desktopAvailable() const { return m_available; }

public Q_SLOTS:
    void show(const fleet::ApprovalNotices::Notice &notice);
    void setWaitingCount(int count);

Q_SIGNALS:
    // The service took it and gave it this id.
    void delivered(const fleet::ApprovalNotices::Notice &notice, uint notificationId);
    // Shown in the status bar instead (no service, or it failed).
    void fellBack(const fleet::ApprovalNotices::Notice &notice);
    // The person clicked a notification this notifier showed.
    void opened(const fleet::ApprovalNotices::Notice &notice);

private Q_SLOTS:
    // org.freedesktop.Notifications.ActionInvoked, for every client's notifications: only ours count.
    void onActionInvoked(uint notificationId, const QString &actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void fallBack(const ApprovalNotices::Notice &notice, const QString &why);
    void updateBadge();
    void remember(uint notificationId, const ApprovalNotices::Notice &notice);

    QPointer<QWidget> m_window;
    QPointer<QTabWidget> m_tabs;
    QPointer<QWidget> m_page;
    QString m_tabText;
    QIcon m_tabIcon;
    int m_count = 0;
    int m_inFlight = 0;
    bool m_available = true;
    bool m_toldMissing = false;
    bool m_listening = false;
    QList<std::pair<uint, ApprovalNotices::Notice>> m_clickable; // oldest first, at most MaxClickable
    uint m_waitingNotification =
        0; // the service's id of the last "waiting" notification, replaced by the next
};

} // namespace fleet
