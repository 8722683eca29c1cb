#pragma once

#include "fleet/fleetsession.h"
#include "mqtt/passwordstore.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

class QDialog;
class QDockWidget;
class QLabel;
class QSettings;
class QTabWidget;
class QToolBar;

namespace fleet {

class ApprovalsView;
class ConnectionBadge;
class CommandComposer;
class CommandTimelineView;
class DesktopNotifier;
class DeviceDetailView;
class DevicesView;
class OverviewView;
class PasswordStore;
class ProfileStore;
class RollbackView;
class ThemeController;
class PublishView;
class TopicTreeView;
class TrafficView;

// The console's main window: the views over one FleetSession (not owned) in tabs, the device detail and
// the command composer in docks, and a status bar with the connection state, messages per second, pending
// commands and approvals waiting. The layout (geometry, docks, each view's columns and splitters) is
// remembered in QSettings; so are the theme and the language.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // Tab order; also the Ctrl+1… shortcuts. The overview comes first: it is what an operator sees first.
    enum Tab {
        OverviewTab,
        DevicesTab,
        CommandsTab,
        ApprovalsTab,
        RollbackTab,
        TrafficTab,
        TopicsTab,
        PublishTab,
        AuditTab,
        TabCount // at most 9: Ctrl+1 … Ctrl+9
    };
    static_assert(TabCount <= 9);

    explicit MainWindow(FleetSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    FleetSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *connectionLabel() const { return m_connectionLabel; }
    // Above the tabs while the console is not connected: what that means for what it shows and sends.
    QLabel *connectionBanner() const { return m_connectionBanner; }
    QLabel *rateLabel() const { return m_rateLabel; }
    QLabel *pendingLabel() const { return m_pendingLabel; }
    QLabel *approvalsLabel() const { return m_approvalsLabel; }
    ThemeController *themes() const { return m_themes; }
    OverviewView *overviewView() const { return m_overview; }
    DevicesView *devicesView() const { return m_devices; }
    CommandTimelineView *timelineView() const { return m_timeline; }
    ApprovalsView *approvalsView() const { return m_approvals; }
    DesktopNotifier *notifier() const { return m_notifier; }
    RollbackView *rollbackView() const { return m_rollback; }
    TrafficView *trafficView() const { return m_traffic; }
    TopicTreeView *topicTreeView() const { return m_topics; }
    PublishView *publishView() const { return m_publish; }
    DeviceDetailView *detailView() const { return m_detail; }
    // The open device's own command timeline, in a dock beside its detail.
    CommandTimelineView *deviceTimelineView() const { return m_deviceTimeline; }
    CommandComposer *composer() const { return m_composer; }
    QDockWidget *detailDock() const { return m_detailDock; }
    QDockWidget *composerDock() const { return m_composerDock; }
    // The frequent actions beside the menus: connections, new command, approvals, pause traffic, filter.
    QToolBar *mainToolBar() const { return m_toolBar; }

    // The connection profiles (File > Connections): with them the window connects the session to the active
    // profile, its password read from the keychain, also when the session was connected some other way (the
    // command line's --broker), which the chosen profile then replaces. Not owned; both must outlive the
    // window.
    void setConnectionStores(ProfileStore *profiles, PasswordStore *passwords);
    // Connects to the active profile, if there is one; false when there is none.
    bool connectActiveProfile();
    void openConnections();
    // Another console window on another broker (staging beside production), in this process: a session of
    // its own, with this one's catalog and device topics and a ledger of its own
    // (CommandLedger::pathForConnection()), so that no command of one broker is ever resumed on the other. A
    // profile already open in a window raises that window instead (two sessions of one client id would push
    // each other off the broker). The window deletes itself, and its session, when closed.
    MainWindow *openConnectionWindow(const BrokerProfile &profile, const QString &password);
    // File > Open in new window: the profile's password from the keychain, then openConnectionWindow().
    void openProfileInNewWindow(const QString &name);
    // The console windows open in this process, the first one first.
    static QList<MainWindow *> consoleWindows();
    // Above the tabs when the connection is marked (staging, production) or several windows are open: which
    // broker this window works on, in its colour.
    ConnectionBadge *connectionBadge() const { return m_badge; }
    // Asked before anything is sent from this window (OperatorActions::setConfirmation): on a production
    // connection a person confirms it, the default answer being not to send. True elsewhere.
    bool confirmSend(const QString &what);
    // Tools > Device workbench: opens the workbench window, or raises the one already open.
    void openWorkbench();
    // Shows a device in the detail dock.
    void showDevice(const QString &id);
    // A device clicked in the list: shown in the device docks, raised unless the composer is in front
    // (the operator is picking targets with those clicks).
    void previewDevice(const QString &id);

    // Renders each main view into dir as PNG files (tab by tab, then the device detail and the composer);
    // returns the files written. Used by `./fleet screenshots`.
    QStringList saveScreenshots(const QString &dir);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildViews();
    void migrateLegacyLayout(QSettings &settings);
    void restoreViewLayouts(const QSettings &settings);
    void saveViewLayouts(QSettings &settings) const;
    void buildMenus();
    void buildStatusBar();
    void buildToolBar(const QList<QAction *> &actions);
    // Calls connectWith with the profile's password: the keychain's, or, when it has none for a profile
    // with a user name or cannot be read, one the operator types (passwordPrompt), never saved.
    void withPassword(const BrokerProfile &profile, const PasswordStore::Result &result,
                      const std::function<void(const QString &)> &connectWith);
    // Puts the cursor in the current tab's filter or search box; on a tab without one, the devices' filter.
    void focusFilter();
    // Keeps every main tab in sight: the tabs' icons where the tab bar has room for them, none where they
    // would push a tab out of sight, and the docks beside narrowed when not even the names fit.
    void fitTabs();
    void updateConnectionState();
    // The badge and the title: which connection this is. Every window's, when one opens or closes.
    void updateIdentity();
    static void updateAllIdentities();
    void updateApprovals();
    // Help menu dialogs: modeless, so that the guide or the shortcuts can stay open beside the window.
    void showDialog(QDialog *dialog);
    // Whether the current tab is one the docks serve (Devices, Commands); placeDocks() hides them elsewhere.
    bool docksHelp() const;
    // The device the detail and device-commands docks show, and their titles.
    void setDockDevice(const QString &id);
    void placeDocks();
    void chooseLanguage(const QString &code);

    QPointer<FleetSession> m_session;
    ThemeController *m_themes;
    QTabWidget *m_tabs;
    QLabel *m_connectionLabel;
    QLabel *m_connectionBanner;
    ConnectionBadge *m_badge;
    QLabel *m_rateLabel;
    QLabel *m_pendingLabel;
    QLabel *m_approvalsLabel;
    OverviewView *m_overview = nullptr;
    DevicesView *m_devices = nullptr;
    CommandTimelineView *m_timeline = nullptr;
    ApprovalsView *m_approvals = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    RollbackView *m_rollback = nullptr;
    TrafficView *m_traffic = nullptr;
    TopicTreeView *m_topics = nullptr;
    PublishView *m_publish = nullptr;
    DeviceDetailView *m_detail = nullptr;
    CommandTimelineView *m_deviceTimeline = nullptr;
    QDockWidget *m_deviceTimelineDock = nullptr;
    CommandComposer *m_composer = nullptr;
    QDockWidget *m_detailDock = nullptr;
    QDockWidget *m_composerDock = nullptr;
    bool m_docksShown = true;
    // The docks that were open when a tab they do not serve hid them.
    QSet<QDockWidget *> m_hiddenDocks;
    ProfileStore *m_profiles = nullptr;
    PasswordStore *m_passwords = nullptr;
    // A window opened by openConnectionWindow(): it leaves the saved layout to the first one.
    bool m_secondary = false;
    QToolBar *m_toolBar = nullptr;
    QList<QIcon> m_tabGlyphs; // in Tab order
};

} // namespace fleet
