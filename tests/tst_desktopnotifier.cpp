// DesktopNotifier, offscreen, against a real D-Bus session bus (ctest runs it under run-with-keyring.sh,
// which starts a private one): a fake org.freedesktop.Notifications registered on that bus receives Notify
// with the notice's summary and escaped body, and a new "waiting" notification replaces the previous one;
// with nobody owning the name the notice goes to the status bar, quietly; the Approvals tab carries a
// badge (count, colour, dot) while something waits and loses it when nothing does.

#include "commands/approvalnotices.h"
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QLabel>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ApprovalNotices;
using fleet::DesktopNotifier;
using Kind = ApprovalNotices::Notice::Kind;
using Notice = ApprovalNotices::Notice;

namespace {

const QString Service = QLatin1StringView(DesktopNotifier::Service);

// The freedesktop notification service as a desktop provides it, reduced to what the console calls.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(appIcon);
        calls.append({appName, replacesId, summary, body, actions, hints, timeout});
        return replacesId != 0 ? replacesId : uint(calls.size()) + 100;
    }
};

bool haveSessionBus()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
           QDBusConnection::sessionBus().isConnected();
}

} // namespace

class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notifyReachesTheService()
    {
        if (!haveSessionBus())
            QSKIP(
                "No D-Bus session bus (ctest runs this test under tests/run-with-keyring.sh, which has one)");
        // The service on a connection of its own, as a desktop's notification daemon is.
        QDBusConnection serviceBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake"_s);
        FakeNotifications fake;
        QVERIFY(
            serviceBus.registerObject(QLatin1StringView(DesktopNotifier::Path), &fake,
                                      QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY2(serviceBus.registerService(Service), qPrintable(serviceBus.lastError().message()));

        QMainWindow window;
        DesktopNotifier notifier(&window);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QSignalSpy fellBack(&notifier, &DesktopNotifier::fellBack);
        notifier.show(Notice{Kind::Waiting, u"alice/t1"_s, u"alice asks for your approval"_s,
                             u"reboot to <b>dev-1</b> & co"_s, 1});
        QVERIFY(delivered.wait(5000));
        QCOMPARE(fake.calls.size(), 1);
        const FakeNotifications::Call first = fake.calls.at(0);
        QCOMPARE(first.summary, u"alice asks for your approval"_s);
        // The body is markup to most services; what other accounts wrote is escaped, never rendered.
        QCOMPARE(first.body, u"reboot to &lt;b&gt;dev-1&lt;/b&gt; &amp; co"_s);
        QCOMPARE(first.replacesId, 0u);
        // A click on it is its default action.
        QCOMPARE(first.actions.value(0), u"default"_s);
        QCOMPARE(first.actions.size(), 2);
        QCOMPARE(first.timeout, -1);
        QVERIFY(first.hints.contains(u"urgency"_s));
        QCOMPARE(first.appName, QApplication::applicationDisplayName());
        const uint firstId = delivered.at(0).at(1).toUInt();
        QCOMPARE(delivered.at(0).at(0).value<Notice>().id, u"alice/t1"_s);
        QVERIFY(notifier.desktopAvailable());

        // The next "waiting" replaces it instead of stacking; news of one's own request does not.
        notifier.show(Notice{Kind::Waiting, {}, u"2 approval requests wait for you"_s, {}, 2});
        QVERIFY(delivered.wait(5000));
        QCOMPARE(fake.calls.at(1).replacesId, firstId);
        notifier.show(Notice{Kind::Approved, u"t2"_s, u"bob approved your reboot"_s, {}, 1});
        QVERIFY(delivered.wait(5000));
        QCOMPARE(fake.calls.at(2).replacesId, 0u);
        QVERIFY(fellBack.isEmpty());

        // A click on the approval notification opens its request; on another client's id, or a closed
        // notification, nothing happens.
        QSignalSpy opened(&notifier, &DesktopNotifier::opened);
        const uint approvedId = delivered.at(2).at(1).toUInt();
        Q_EMIT fake.ActionInvoked(approvedId, u"default"_s);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).value<Notice>().id, u"t2"_s);
        Q_EMIT fake.ActionInvoked(9999, u"default"_s);
        Q_EMIT fake.NotificationClosed(approvedId, 2);
        Q_EMIT fake.ActionInvoked(approvedId, u"default"_s);
        QTest::qWait(200);
        QCOMPARE(opened.size(), 1);

        serviceBus.unregisterService(Service);
        serviceBus.unregisterObject(QLatin1StringView(DesktopNotifier::Path));
        QDBusConnection::disconnectFromBus(u"fake"_s);
    }

    void withoutServiceFallsBackQuietly()
    {
        if (haveSessionBus())
            QTRY_VERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(Service).value());
        QMainWindow window;
        window.show();
        DesktopNotifier notifier(&window);
        QSignalSpy fellBack(&notifier, &DesktopNotifier::fellBack);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        for (int i = 0; i < 3; ++i)
            notifier.show(
                Notice{Kind::Rejected, u"t%1"_s.arg(i), u"bob rejected your reboot %1"_s.arg(i), {}, 1});
        QTRY_COMPARE_WITH_TIMEOUT(fellBack.size(), 3, 10000);
        QVERIFY(delivered.isEmpty());
        QVERIFY(!notifier.desktopAvailable());
        // The notice itself is in sight, in the status bar.
        QCOMPARE(window.statusBar()->currentMessage(), u"bob rejected your reboot 2"_s);
    }

    void badgeFollowsTheWaitingCount()
    {
        QTabWidget tabs;
        auto *devices = new QWidget(&tabs);
        auto *approvals = new QWidget(&tabs);
        tabs.addTab(devices, u"&Devices"_s);
        tabs.addTab(approvals, u"&Approvals"_s);
        tabs.show();
        DesktopNotifier notifier(&tabs);
        notifier.setBadgeTab(&tabs, approvals, u"&Approvals"_s);
        QCOMPARE(tabs.tabText(1), u"&Approvals"_s);
        QVERIFY(tabs.tabIcon(1).isNull());

        notifier.setWaitingCount(2);
        QCOMPARE(notifier.badgeCount(), 2);
        QCOMPARE(tabs.tabText(1), u"&Approvals (2)"_s);
        QVERIFY(!tabs.tabIcon(1).isNull());
        QVERIFY(tabs.tabBar()->tabTextColor(1).isValid());
        QVERIFY(!tabs.tabToolTip(1).isEmpty());
        QCOMPARE(tabs.tabText(0), u"&Devices"_s); // only the Approvals tab

        notifier.setWaitingCount(0);
        QCOMPARE(tabs.tabText(1), u"&Approvals"_s);
        QVERIFY(tabs.tabIcon(1).isNull());
        QVERIFY(!tabs.tabBar()->tabTextColor(1).isValid());
        QVERIFY(tabs.tabToolTip(1).isEmpty());
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
