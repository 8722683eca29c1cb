#include "mainwindow.h"

#include "aboutdialog.h"
#include "approvalsview.h"
#include "auditview.h"
#include "commandcomposer.h"
#include "commands/approvalqueue.h"
#include "commandtimelineview.h"
#include "connectionbadge.h"
#include "connectionsdialog.h"
#include "desktopnotifier.h"
#include "devicedetailview.h"
#include "devicesview.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleeticons.h"
#include "mqtt/mqttclient.h"
#include "mqtt/passwordstore.h"
#include "mqtt/profilestore.h"
#include "overviewview.h"
#include "publishview.h"
#include "rollbackview.h"
#include "shortcutsdialog.h"
#include "themecontroller.h"
#include "topictreeview.h"
#include "trafficview.h"
#include "userguidedialog.h"
#include "workbenchwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

MainWindow::MainWindow(FleetSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_themes(new ThemeController(this))
    , m_tabs(new QTabWidget(this))
    , m_connectionLabel(new QLabel(this))
    , m_connectionBanner(new QLabel(this))
    , m_badge(new ConnectionBadge(this))
    , m_rateLabel(new QLabel(this))
    , m_pendingLabel(new QLabel(this))
    , m_approvalsLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Fleet Console"));
    resize(1280, 820);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    // The banner is where the eye is, not in the status bar: an outage changes what every view means.
    m_connectionBanner->setObjectName(u"connectionBanner"_s);
    m_connectionBanner->setTextFormat(Qt::PlainText); // it quotes the broker's error
    m_connectionBanner->setWordWrap(true);
    m_connectionBanner->setMargin(6);
    m_connectionBanner->setAutoFillBackground(true);
    QPalette warning = m_connectionBanner->palette();
    warning.setColor(QPalette::Window, QColor(0x8a, 0x4b, 0x08)); // dark amber: white text reads on it
    warning.setColor(QPalette::WindowText, Qt::white);
    m_connectionBanner->setPalette(warning);
    m_connectionBanner->hide();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_badge->hide();
    centralLayout->addWidget(m_badge);
    centralLayout->addWidget(m_connectionBanner);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    if (m_session)
        buildViews();
    buildMenus();
    buildStatusBar();

    QSettings settings;
    migrateLegacyLayout(settings);
    restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray());
    restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    // By name: an index saved before a tab was added would open another tab. Without one, the overview.
    settings.remove(u"mainWindow/tab"_s);
    const QString tabName = settings.value(u"mainWindow/tabName"_s).toString();
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        if (!tabName.isEmpty() && m_tabs->widget(tab)->objectName() == tabName)
            m_tabs->setCurrentIndex(tab);
    }
    if (m_devices)
        m_devices->restoreState(settings.value(u"mainWindow/devicesHeader"_s).toByteArray());
    restoreViewLayouts(settings);
    placeDocks();
}

// Every named table's and tree's columns and every named splitter, wherever a view put them, are kept under
// "layout/" by object name, here only: the views need not each know about settings, and no part is kept
// under two keys. The devices table keeps its own state (it includes the sort).
template<typename Visit>
static void forEachLayoutPart(QWidget *root, Visit visit)
{
    for (QSplitter *splitter : root->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            visit(u"layout/splitter/"_s + splitter->objectName(), splitter, nullptr);
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        const QString name = view->objectName();
        if (name.isEmpty() || name == "devicesTable"_L1)
            continue;
        QHeaderView *header = nullptr;
        if (auto *table = qobject_cast<QTableView *>(view))
            header = table->horizontalHeader();
        else if (auto *tree = qobject_cast<QTreeView *>(view))
            header = tree->header();
        if (header)
            visit(u"layout/columns/"_s + name, nullptr, header);
    }
}

void MainWindow::restoreViewLayouts(const QSettings &settings)
{
    forEachLayoutPart(this, [&settings](const QString &key, QSplitter *splitter, QHeaderView *header) {
        const QByteArray state = settings.value(key).toByteArray();
        if (state.isEmpty())
            return;
        if (splitter)
            splitter->restoreState(state);
        else
            header->restoreState(state);
    });
}

// The traffic view used to keep its own layout under "trafficView/<object name>" as well, and its table's
// columns only there: whatever the generic keys lack is taken from there once, so that an upgraded console
// keeps it, and the old keys go.
void MainWindow::migrateLegacyLayout(QSettings &settings)
{
    const QString legacyGroup = u"trafficView"_s;
    settings.beginGroup(legacyGroup);
    const QStringList legacyNames = settings.childKeys();
    settings.endGroup();
    if (legacyNames.isEmpty())
        return;
    forEachLayoutPart(this, [&](const QString &key, QSplitter *, QHeaderView *) {
        const QString name = key.section(u'/', -1);
        if (legacyNames.contains(name) && !settings.contains(key))
            settings.setValue(key, settings.value(legacyGroup + u'/' + name));
    });
    settings.remove(legacyGroup);
}

void MainWindow::saveViewLayouts(QSettings &settings) const
{
    forEachLayoutPart(const_cast<MainWindow *>(this),
                      [&settings](const QString &key, QSplitter *splitter, QHeaderView *header) {
                          settings.setValue(key, splitter ? splitter->saveState() : header->saveState());
                      });
}

void MainWindow::buildViews()
{
    m_overview = new OverviewView(m_session, this);
    m_devices = new DevicesView(m_session, this);
    m_timeline = new CommandTimelineView(m_session, this);
    m_approvals = new ApprovalsView(m_session, this);
    m_rollback = new RollbackView(m_session, this);
    m_traffic = new TrafficView(m_session, this);
    m_topics = new TopicTreeView(m_session, this);
    m_publish = new PublishView(m_session, this);
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_devices, tr("&Devices"));
    m_tabs->addTab(m_timeline, tr("&Commands"));
    m_tabs->addTab(m_approvals, tr("&Approvals"));
    m_tabs->addTab(m_rollback, tr("&Rollback"));
    m_tabs->addTab(m_traffic, tr("&Traffic"));
    m_tabs->addTab(m_topics, tr("To&pics", "the topic tree"));
    m_tabs->addTab(m_publish, tr("Pu&blish"));
    m_tabs->addTab(new AuditView(
                       m_session->client(), [this] { return m_session->identity(); }, this),
                   tr("A&udit", "the gate's audit log"));
    // An icon per tab, in Tab order: a tab is found by its picture before its word is read.
    const QStringList tabIcons{u"overview"_s, u"devices"_s, u"timeline"_s, u"approvals"_s, u"rollback"_s,
                               u"traffic"_s,  u"topics"_s,  u"publish"_s,  u"audit"_s};
    static_assert(TabCount == 9);
    for (int tab = 0; tab < m_tabs->count() && tab < tabIcons.size(); ++tab) {
        m_tabGlyphs.append(FleetIcons::glyph(tabIcons.at(tab)));
        m_tabs->setTabIcon(tab, m_tabGlyphs.last());
    }
    // Beside the device docks the tabs have less room: the icons go before any tab's text would scroll away.
    m_tabs->installEventFilter(this);

    // The device detail and the composer sit beside the tabs, so that an operator can keep a device (or a
    // half-written command) in view while looking at the fleet.
    m_detail = new DeviceDetailView(m_session, this);
    m_detail->setTrafficHistory(m_traffic->trafficModel());
    m_detailDock = new QDockWidget(tr("Device"), this);
    m_detailDock->setObjectName(u"deviceDock"_s);
    m_detailDock->setWidget(m_detail);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    m_composer = new CommandComposer(m_session, this);
    m_composerDock = new QDockWidget(tr("Command"), this);
    m_composerDock->setObjectName(u"composerDock"_s);
    m_composerDock->setWidget(m_composer);
    addDockWidget(Qt::RightDockWidgetArea, m_composerDock);
    m_deviceTimeline = new CommandTimelineView(m_session, this);
    m_deviceTimeline->setLayoutName(u"deviceTimeline"_s);
    m_deviceTimelineDock = new QDockWidget(tr("Device commands"), this);
    m_deviceTimelineDock->setObjectName(u"deviceCommandsDock"_s);
    m_deviceTimelineDock->setWidget(m_deviceTimeline);
    addDockWidget(Qt::RightDockWidgetArea, m_deviceTimelineDock);
    tabifyDockWidget(m_detailDock, m_deviceTimelineDock);
    tabifyDockWidget(m_deviceTimelineDock, m_composerDock);
    m_detailDock->raise();

    // The docks serve the Devices and Commands tabs; elsewhere (the overview, approvals, traffic, …) the tab
    // gets the whole width, and each dock is back as it was on the way back.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { placeDocks(); });
    connect(m_devices, &DevicesView::deviceActivated, this, &MainWindow::showDevice);
    connect(m_devices, &DevicesView::deviceClicked, this, &MainWindow::previewDevice);
    // Each figure of the overview opens the view that lists it, so filtered.
    connect(m_overview, &OverviewView::devicesRequested, this, [this](const DeviceFilter &filter) {
        m_devices->setFilter(filter);
        m_tabs->setCurrentWidget(m_devices);
    });
    connect(m_overview, &OverviewView::deviceRequested, this, &MainWindow::showDevice);
    connect(m_overview, &OverviewView::commandsRequested, this, [this](const CommandFilter &filter) {
        m_timeline->setFilter(filter);
        m_tabs->setCurrentWidget(m_timeline);
    });
    connect(m_overview, &OverviewView::approvalsRequested, this,
            [this] { m_tabs->setCurrentWidget(m_approvals); });
    connect(m_devices, &DevicesView::selectionChanged, m_composer, &CommandComposer::setTargets);
    connect(m_composer, &CommandComposer::sent, this, [this](const QString &, const QStringList &executions) {
        m_tabs->setCurrentWidget(m_timeline);
        m_timeline->selectExecution(executions.value(0));
        statusBar()->showMessage(tr("%n command(s) sent", nullptr, int(executions.size())), 5000);
    });
    connect(m_composer, &CommandComposer::sendFailed, this,
            [this](const QString &error) { statusBar()->showMessage(error, 10000); });
    // What waits for this user, and what became of their own requests: a desktop notification, the
    // window's urgency hint and the Approvals tab's badge.
    m_notifier = new DesktopNotifier(this, this);
    m_notifier->setBadgeTab(m_tabs, m_approvals, tr("&Approvals"));
    auto *notices = new ApprovalNotices(m_session->approvals(), this);
    m_notifier->follow(notices);
    // The badge's icon comes and goes, and the room for the others with it (after the notifier's update).
    connect(notices, &ApprovalNotices::waitingChanged, this, &MainWindow::fitTabs, Qt::QueuedConnection);
    // A click on a notification brings the window forward on the request it told of.
    connect(m_notifier, &DesktopNotifier::opened, this, [this](const ApprovalNotices::Notice &notice) {
        if (isMinimized())
            showNormal();
        raise();
        activateWindow();
        m_tabs->setCurrentWidget(m_approvals);
        if (!notice.id.isEmpty())
            m_approvals->selectRequest(notice.id);
    });
    connect(m_rollback, &RollbackView::rolledBack, this, [this](qint64 entry, const QString &request) {
        statusBar()->showMessage(tr("Rolling back entry %1 (%2)").arg(entry).arg(request), 5000);
    });
    connect(m_detail, &DeviceDetailView::rollbackRecorded, m_rollback, &RollbackView::refresh);
}

bool MainWindow::docksHelp() const
{
    QWidget *current = m_tabs->currentWidget();
    return current == m_devices || current == m_timeline;
}

void MainWindow::placeDocks()
{
    if (!m_detailDock)
        return;
    const bool help = docksHelp();
    if (help == m_docksShown)
        return;
    m_docksShown = help;
    // Open means not closed (its View menu entry checked): a dock tabified behind another is open but not
    // visible, and one never shown yet (the window is being built) is open too.
    const QList<QDockWidget *> docks{m_detailDock, m_deviceTimelineDock, m_composerDock};
    if (!help) {
        m_hiddenDocks.clear();
        for (QDockWidget *dock : docks) {
            if (dock->toggleViewAction()->isChecked() || !dock->isHidden())
                m_hiddenDocks.insert(dock);
            dock->hide();
        }
        return;
    }
    for (QDockWidget *dock : docks)
        dock->setVisible(m_hiddenDocks.contains(dock));
    if (m_hiddenDocks.contains(m_detailDock))
        m_detailDock->raise();
    m_hiddenDocks.clear();
}

void MainWindow::showDevice(const QString &id)
{
    if (!m_detail)
        return;
    // From a tab the docks do not serve (an overview's failing device): to the device list, beside it.
    if (!docksHelp())
        m_tabs->setCurrentWidget(m_devices);
    setDockDevice(id);
    m_detailDock->show();
    m_detailDock->raise();
}

void MainWindow::previewDevice(const QString &id)
{
    if (!m_detail)
        return;
    setDockDevice(id);
    const bool composing = m_composerDock->isVisible() && !m_composerDock->visibleRegion().isEmpty();
    const bool commandsInFront =
        m_deviceTimelineDock->isVisible() && !m_deviceTimelineDock->visibleRegion().isEmpty();
    if (!composing && !commandsInFront) {
        m_detailDock->show();
        m_detailDock->raise();
    }
}

void MainWindow::setDockDevice(const QString &id)
{
    m_detail->setDevice(id);
    m_deviceTimeline->setDevice(id);
    m_detailDock->setWindowTitle(tr("Device %1").arg(id));
    m_deviceTimelineDock->setWindowTitle(tr("Commands of %1").arg(id));
}

void MainWindow::setConnectionStores(ProfileStore *profiles, PasswordStore *passwords)
{
    m_profiles = profiles;
    m_passwords = passwords;
}

bool MainWindow::connectActiveProfile()
{
    if (!m_session || !m_profiles || !m_passwords)
        return false;
    const std::optional<BrokerProfile> profile = m_profiles->activeProfile();
    if (!profile)
        return false;
    // The password comes from the keychain, asynchronously, or from the operator when it has none.
    m_passwords->readPassword(profile->name, this, [this, p = *profile](const PasswordStore::Result &result) {
        withPassword(p, result, [this, p](const QString &password) {
            m_session->disconnectFromBroker();
            m_session->connectToBroker(p, password);
            m_profiles->markUsed(p.name);
        });
    });
    return true;
}

void MainWindow::withPassword(const BrokerProfile &profile, const PasswordStore::Result &result,
                              const std::function<void(const QString &)> &connectWith)
{
    // A profile without a user name has no password to ask for (an anonymous broker), keychain or not.
    if (result.found || profile.username.isEmpty()) {
        connectWith(result.password);
        return;
    }
    // No keychain (none on this desktop, locked, refusing), or none of its entries for a profile that names a
    // user: the operator types the password, which is used for this connection only and written nowhere
    // (a password is kept in the keychain or not at all). Not modal: the window stays usable meanwhile.
    auto *prompt = new QInputDialog(this);
    prompt->setObjectName(u"passwordPrompt"_s);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Password for %1").arg(ConnectionBadge::connectionTitle(profile)));
    const QString who = tr("%1 on %2").arg(profile.username, profile.url.toDisplayString());
    prompt->setLabelText(
        result.ok
            ? tr("The keychain holds no password for %1.\nPassword (used for this "
                 "connection only, not saved):")
                  .arg(who)
            : tr("%1\n\nPassword for %2 (used for this connection only, not saved):").arg(result.error, who));
    prompt->setTextEchoMode(QLineEdit::Password);
    prompt->setOkButtonText(tr("Connect"));
    connect(prompt, &QInputDialog::textValueSelected, this, connectWith);
    connect(prompt, &QDialog::rejected, this, [this, name = profile.name] {
        statusBar()->showMessage(tr("Not connected to %1: no password given.").arg(name), 10000);
    });
    prompt->open();
}

void MainWindow::openConnections()
{
    // Whatever the start options: a console started with --broker gets the stores too, and choosing a profile
    // replaces the command line's connection (connectActiveProfile() disconnects first).
    if (!m_profiles || !m_passwords) {
        QMessageBox::information(this, tr("Connections"), tr("This window has no connection profiles."));
        return;
    }
    auto *dialog = new ConnectionsDialog(m_profiles, m_passwords, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionsDialog::activeProfileChosen, this, [this] { connectActiveProfile(); });
    connect(dialog, &ConnectionsDialog::newWindowChosen, this,
            [this](const BrokerProfile &profile, const QString &password) {
                openConnectionWindow(profile, password);
            });
    dialog->open();
}

QList<MainWindow *> MainWindow::consoleWindows()
{
    QList<MainWindow *> windows;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(widget); window && window->m_session)
            windows.append(window);
    }
    std::stable_sort(windows.begin(), windows.end(), [](const MainWindow *a, const MainWindow *b) {
        return !a->m_secondary && b->m_secondary;
    });
    return windows;
}

void MainWindow::updateAllIdentities()
{
    for (MainWindow *window : consoleWindows())
        window->updateIdentity();
}

void MainWindow::updateIdentity()
{
    if (!m_session)
        return;
    const BrokerProfile profile = m_session->client()->profile();
    const bool several = consoleWindows().size() > 1;
    m_badge->setProfile(profile, m_session->identity());
    m_badge->setVisible(profile.url.isValid() &&
                        (several || profile.environment != BrokerProfile::Environment::Unmarked));
    setWindowTitle(profile.url.isValid()
                       ? tr("%1 — Fleet Console").arg(ConnectionBadge::connectionTitle(profile))
                       : tr("Fleet Console"));
}

bool MainWindow::confirmSend(const QString &what)
{
    if (!m_session || !m_session->client()->profile().needsSendConfirmation())
        return true;
    const BrokerProfile profile = m_session->client()->profile();
    QMessageBox box(QMessageBox::Warning, tr("Send on production?"),
                    tr("%1 is a production connection: what is sent reaches real devices.\n\nSend %2?")
                        .arg(ConnectionBadge::connectionTitle(profile), what),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"productionConfirmation"_s);
    QPushButton *send = box.addButton(tr("Send on production"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel); // Enter, pressed out of habit, does not send
    box.exec();
    return box.clickedButton() == send;
}

MainWindow *MainWindow::openConnectionWindow(const BrokerProfile &profile, const QString &password)
{
    for (MainWindow *window : consoleWindows()) {
        const BrokerProfile open = window->m_session->client()->profile();
        if (!profile.name.isEmpty() && open.name == profile.name) {
            window->show();
            window->raise();
            window->activateWindow();
            return window;
        }
    }
    auto *session = new FleetSession;
    session->setCatalog(m_session->catalog());
    session->setDeviceTopics(m_session->registry()->presenceTemplate(),
                             m_session->registry()->telemetryTemplate());
    QString ledgerError;
    const bool durable = session->open(CommandLedger::pathForConnection(profile.name), &ledgerError);
    auto *window = new MainWindow(session);
    window->m_secondary = true;
    session->setParent(window); // destroyed after the views, which are the window's older children
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setConnectionStores(m_profiles, m_passwords);
    if (!durable)
        window->statusBar()->showMessage(tr("Commands are not recorded: %1").arg(ledgerError));
    session->connectToBroker(profile, password);
    window->updateIdentity();
    window->show();
    updateAllIdentities();
    return window;
}

void MainWindow::openProfileInNewWindow(const QString &name)
{
    if (!m_profiles || !m_passwords)
        return;
    const std::optional<BrokerProfile> profile = m_profiles->profile(name);
    if (!profile)
        return;
    m_passwords->readPassword(profile->name, this, [this, p = *profile](const PasswordStore::Result &result) {
        withPassword(p, result, [this, p](const QString &password) {
            openConnectionWindow(p, password);
            m_profiles->markUsed(p.name);
        });
    });
}

void MainWindow::openWorkbench()
{
    // One workbench: it is one device's connection, and a second would take the first one's session over.
    auto *window = findChild<WorkbenchWindow *>(QString(), Qt::FindDirectChildrenOnly);
    if (!window) {
        window = new WorkbenchWindow(this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        // ./fleet demo hands it a device no simulated device plays (azure-device-1), through the
        // environment as it hands the console its password: never on a command line, never in a file.
        if (const QString text = qEnvironmentVariable("FLEET_WORKBENCH_CONNECTION_STRING"); !text.isEmpty()) {
            WorkbenchIdentity identity;
            identity.kind = WorkbenchIdentity::Kind::Azure;
            identity.connectionString = text;
            identity.caFile = qEnvironmentVariable("FLEET_WORKBENCH_CA_FILE");
            window->fillForm(identity);
        }
    }
    window->show();
    window->raise();
    window->activateWindow();
}

MainWindow::~MainWindow() = default;

// "Pause traffic (Ctrl+Shift+P)": a tool button shows no shortcut of its own, and the tooltip is where
// a person who clicks learns the key for next time.
static void setShortcutToolTip(QAction *action)
{
    const QString text = QString(action->text()).remove(u'&');
    action->setToolTip(
        action->shortcut().isEmpty()
            ? text
            : MainWindow::tr("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connections = file->addAction(tr("&Connections…"), this, &MainWindow::openConnections);
    connections->setObjectName(u"connectionsAction"_s);
    connections->setIcon(FleetIcons::glyph(u"connections"_s));
    connections->setShortcut(Qt::CTRL | Qt::Key_K);
    QList<QAction *> frequent{connections};
    QMenu *newWindow = file->addMenu(tr("Open in new &window"));
    newWindow->setIcon(FleetIcons::glyph(u"new-window"_s));
    newWindow->setObjectName(u"newWindowMenu"_s);
    connect(newWindow, &QMenu::aboutToShow, this, [this, newWindow] {
        newWindow->clear();
        const QStringList names = m_profiles ? m_profiles->names() : QStringList();
        for (const QString &name : names) {
            QAction *open = newWindow->addAction(name, this, [this, name] { openProfileInNewWindow(name); });
            open->setObjectName(u"newWindow:"_s + name);
        }
        if (names.isEmpty())
            newWindow->addAction(tr("No saved connections: add one in Connections…"))->setEnabled(false);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QList<std::pair<ThemeController::Theme, QString>> choices = {
        {ThemeController::Theme::System, tr("Follow the &system")},
        {ThemeController::Theme::Light, tr("&Light")},
        {ThemeController::Theme::Dark, tr("&Dark")},
    };
    for (const auto &[value, text] : choices) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_themes->theme() == value);
        action->setActionGroup(themes);
        connect(action, &QAction::triggered, this, [this, value] { m_themes->setTheme(value); });
    }
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = QSettings().value(u"appearance/language"_s).toString();
    const QList<std::pair<QString, QString>> codes = {{QString(), tr("Follow the &system")},
                                                      {u"en"_s, u"English"_s},
                                                      {u"es"_s, u"Español"_s},
                                                      {u"fr"_s, u"Français"_s}};
    for (const auto &[code, text] : codes) {
        QAction *action = language->addAction(text);
        action->setCheckable(true);
        action->setChecked(current == code);
        action->setActionGroup(languages);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QAction *approvalsAction = nullptr;
    if (m_composerDock) {
        view->addSeparator();
        view->addAction(m_detailDock->toggleViewAction());
        view->addAction(m_deviceTimelineDock->toggleViewAction());
        QAction *compose = m_composerDock->toggleViewAction();
        compose->setObjectName(u"newCommandAction"_s);
        compose->setText(tr("&New command"));
        compose->setIcon(FleetIcons::glyph(u"send-command"_s));
        compose->setShortcut(Qt::CTRL | Qt::Key_N);
        view->addAction(compose);

        QAction *approvals = view->addAction(FleetIcons::glyph(u"approvals"_s), tr("&Approvals"), this,
                                             [this] { m_tabs->setCurrentWidget(m_approvals); });
        approvals->setObjectName(u"approvalsAction"_s);
        approvals->setShortcut(Qt::CTRL | Qt::Key(Qt::Key_1 + ApprovalsTab));
        approvals->setStatusTip(tr("Approve or reject the sensitive commands waiting for a second person"));
        approvalsAction = approvals;

        QAction *pause = view->addAction(FleetIcons::glyph(u"pause"_s), tr("&Pause traffic"));
        pause->setObjectName(u"pauseTrafficAction"_s);
        pause->setCheckable(true);
        pause->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
        connect(pause, &QAction::toggled, m_traffic, &TrafficView::setPaused);
        connect(m_traffic, &TrafficView::pausedChanged, pause, [pause](bool paused) {
            pause->setChecked(paused);
            pause->setIcon(FleetIcons::glyph(paused ? u"resume"_s : u"pause"_s));
            pause->setText(paused ? tr("Resume &traffic") : tr("&Pause traffic"));
            setShortcutToolTip(pause);
        });

        QAction *find =
            view->addAction(FleetIcons::glyph(u"filter"_s), tr("&Filter"), this, &MainWindow::focusFilter);
        find->setObjectName(u"filterAction"_s);
        find->setShortcut(QKeySequence::Find);
        find->setStatusTip(tr("Filter what the current tab shows (on tabs without a filter, the devices)"));
        frequent << compose << approvals << pause << find;
    }

    // Ctrl+1 … Ctrl+9 switch tabs, as in browsers and IDEs; in a menu too, where they can be
    // found.
    QMenu *goTo = view->addMenu(tr("&Go to tab"));
    for (int tab = 0; tab < TabCount; ++tab) {
        // The toolbar's Approvals is this tab's action, shortcut included: two actions on one key would
        // make it ambiguous, and neither would run.
        if (tab == ApprovalsTab && approvalsAction) {
            goTo->addAction(approvalsAction);
            addAction(approvalsAction);
            continue;
        }
        // The approvals tab's text carries a badge ("Approvals (2)") that the menu must not freeze.
        const QString text = m_tabs->widget(tab) == m_approvals && m_approvals ? tr("&Approvals")
                             : tab < m_tabs->count()                           ? m_tabs->tabText(tab)
                                                                               : tr("Tab %1").arg(tab + 1);
        QAction *action = goTo->addAction(text);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + tab)));
        action->setEnabled(tab < m_tabs->count());
        connect(action, &QAction::triggered, this, [this, tab] {
            if (tab < m_tabs->count())
                m_tabs->setCurrentIndex(tab);
        });
        // A shortcut in a menu works only while the menu bar is there; on the window it always does.
        addAction(action);
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *workbench = tools->addAction(tr("Device &workbench…"), this, &MainWindow::openWorkbench);
    workbench->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_W);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide =
        help->addAction(tr("&User guide"), this, [this] { showDialog(new UserGuideDialog(this)); });
    guide->setShortcut(QKeySequence::HelpContents);
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this,
                                    [this] { showDialog(new ShortcutsDialog(this, this)); });
    keys->setShortcut(Qt::CTRL | Qt::Key_Slash);
    help->addSeparator();
    help->addAction(tr("&About Fleet Console"), this, [this] { showDialog(new AboutDialog(this)); });

    buildToolBar(frequent);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs && event->type() == QEvent::Resize)
        fitTabs();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitTabs()
{
    QTabBar *bar = m_tabs->tabBar();
    const int perIcon = bar->iconSize().width() + 6; // the icon and the style's gap after it
    int shown = 0;
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        shown += m_tabs->tabIcon(tab).isNull() ? 0 : 1;
    const int withoutGlyphs = bar->sizeHint().width() - shown * perIcon;
    const bool room = withoutGlyphs + int(m_tabGlyphs.size()) * perIcon <= m_tabs->width();
    // Not even the words fit: the docks beside give up what is missing, down to their minimum (a tab out of
    // sight behind scroll arrows is a tab nobody finds). A dock dragged wider comes back to this.
    if (const int missing = withoutGlyphs - m_tabs->width(); missing > 0) {
        QList<QDockWidget *> docks;
        QList<int> widths;
        for (QDockWidget *dock : {m_detailDock, m_deviceTimelineDock, m_composerDock}) {
            if (dock && dock->isVisible() && !dock->isFloating()) {
                docks.append(dock);
                widths.append(std::max(dock->minimumSizeHint().width(), dock->width() - missing));
            }
        }
        if (!docks.isEmpty())
            QTimer::singleShot(0, this,
                               [this, docks, widths] { resizeDocks(docks, widths, Qt::Horizontal); });
    }
    for (int tab = 0; tab < m_tabs->count() && tab < m_tabGlyphs.size(); ++tab) {
        const QIcon icon = m_tabs->tabIcon(tab);
        const bool isGlyph = icon.cacheKey() == m_tabGlyphs.at(tab).cacheKey();
        // Another icon (the approvals' badge) is left alone: it says something.
        if (room && icon.isNull())
            m_tabs->setTabIcon(tab, m_tabGlyphs.at(tab));
        else if (!room && isGlyph)
            m_tabs->setTabIcon(tab, QIcon());
    }
}

void MainWindow::buildToolBar(const QList<QAction *> &actions)
{
    // Beside the menus rather than under them: at 1280×800 the tables need every line of height.
    m_toolBar = new QToolBar(tr("Frequent actions"), this);
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    for (QAction *action : actions) {
        setShortcutToolTip(action);
        m_toolBar->addAction(action);
    }
    menuBar()->setCornerWidget(m_toolBar, Qt::TopRightCorner);
}

void MainWindow::focusFilter()
{
    // The filter or search box of each tab that has one, by the name its view gives it.
    static const QStringList names{u"deviceFilter"_s, u"searchEdit"_s, u"topicSearchEdit"_s,
                                   u"auditFilter"_s};
    QLineEdit *edit = nullptr;
    for (const QString &name : names) {
        if (QWidget *tab = m_tabs->currentWidget(); tab && !edit)
            edit = tab->findChild<QLineEdit *>(name);
    }
    if (!edit && m_devices) {
        m_tabs->setCurrentWidget(m_devices);
        edit = m_devices->filterEdit();
    }
    if (edit) {
        edit->setFocus(Qt::ShortcutFocusReason);
        edit->selectAll();
    }
}

void MainWindow::showDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::buildStatusBar()
{
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_rateLabel->setObjectName(u"rateLabel"_s);
    m_pendingLabel->setObjectName(u"pendingLabel"_s);
    m_approvalsLabel->setObjectName(u"approvalsLabel"_s);
    // The connection label quotes the username and the broker's error. (Messages shown with showMessage()
    // need nothing: the status bar draws them as plain text.)
    for (QLabel *label : {m_rateLabel, m_pendingLabel, m_approvalsLabel, m_connectionLabel}) {
        label->setTextFormat(Qt::PlainText);
        statusBar()->addPermanentWidget(label);
    }
    m_rateLabel->setText(tr("%L1 msg/s").arg(0));
    m_pendingLabel->setText(tr("%n pending command(s)", nullptr, 0));
    m_approvalsLabel->setText(tr("%n approval(s) waiting", nullptr, 0));
    updateConnectionState();
    if (!m_session)
        return;
    connect(m_session->client(), &MqttClient::stateChanged, this, &MainWindow::updateConnectionState);
    connect(m_session->client(), &MqttClient::stateChanged, this, &MainWindow::updateIdentity);
    m_session->actions()->setConfirmation([this](const QString &what) { return confirmSend(what); });
    updateAllIdentities();
    // A window closing changes whether the others need their badge (one window left: unmarked ones do not).
    connect(this, &QObject::destroyed, qApp,
            [] { QTimer::singleShot(0, qApp, &MainWindow::updateAllIdentities); });
    connect(m_session, &FleetSession::messageRateChanged, this,
            [this](double rate) { m_rateLabel->setText(tr("%L1 msg/s").arg(qRound(rate))); });
    connect(m_session, &FleetSession::pendingCommandsChanged, this,
            [this](int count) { m_pendingLabel->setText(tr("%n pending command(s)", nullptr, count)); });
    connect(m_session->approvals(), &ApprovalQueue::requestChanged, this, &MainWindow::updateApprovals);
    connect(m_session->approvals(), &ApprovalQueue::requestRemoved, this, &MainWindow::updateApprovals);
    connect(m_session->approvals(), &ApprovalQueue::gateChanged, this, &MainWindow::updateApprovals);
    connect(m_session, &FleetSession::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::updateConnectionState()
{
    if (!m_session) {
        m_connectionLabel->setText(tr("Not connected"));
        return;
    }
    const MqttClient *client = m_session->client();
    const QString who = m_session->identity().isEmpty() ? QString() : tr(" as %1").arg(m_session->identity());
    const QString where = client->profile().url.toDisplayString();
    const QString meaning = tr("Device states are the last known, and commands and desired changes wait "
                               "for the connection (or fail at their deadline).");
    switch (client->state()) {
    case MqttClient::State::Connected:
        m_connectionLabel->setText(tr("Connected to %1%2").arg(where, who));
        m_connectionBanner->hide();
        return;
    case MqttClient::State::Connecting:
        m_connectionLabel->setText(tr("Connecting to %1…").arg(where));
        m_connectionBanner->setText(tr("Connecting to %1…").arg(where));
        break;
    case MqttClient::State::Reconnecting:
        m_connectionLabel->setText(tr("Reconnecting to %1…").arg(where));
        m_connectionBanner->setText(
            tr("The connection to %1 was lost: reconnecting. %2").arg(where, meaning));
        break;
    case MqttClient::State::Disconnected:
        m_connectionLabel->setText(client->errorString().isEmpty()
                                       ? tr("Not connected")
                                       : tr("Not connected: %1").arg(client->errorString()));
        m_connectionBanner->setText(m_connectionLabel->text() + u". "_s +
                                    tr("Device states are the last known, and nothing can be sent."));
        break;
    }
    m_connectionBanner->show();
}

void MainWindow::updateApprovals()
{
    if (!m_session)
        return;
    // Those this operator can decide on, which is what "waiting" means to them.
    int waiting = 0;
    for (const ApprovalRequest &r : m_session->approvals()->requests())
        waiting += m_session->approvals()->canDecide(r.id);
    m_approvalsLabel->setText(tr("%n approval(s) waiting", nullptr, waiting));
    // Which mode is in force, where the operator looks for approvals: enforced by a gate, or advisory.
    m_approvalsLabel->setToolTip(m_session->approvals()->modeText());
}

void MainWindow::chooseLanguage(const QString &code)
{
    QSettings().setValue(u"appearance/language"_s, code);
    QMessageBox::information(this, tr("Language"),
                             tr("The console will use the new language the next time it starts."));
}

QStringList MainWindow::saveScreenshots(const QString &dir)
{
    QStringList written;
    QDir().mkpath(dir);
    const int current = m_tabs->currentIndex();
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        m_tabs->setCurrentIndex(tab);
        // The docks this tab hides or shows are laid out when the posted layout requests are handled.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QString name = m_tabs->widget(tab)->objectName().remove(u"View"_s).toLower();
        const QString path = QDir(dir).filePath(name + u".png"_s);
        if (grab().save(path))
            written.append(path);
    }
    m_tabs->setCurrentIndex(current);
    for (QDockWidget *dock : {m_detailDock, m_composerDock}) {
        if (!dock)
            continue;
        dock->show();
        dock->raise();
        const QString path = QDir(dir).filePath(dock->objectName().remove(u"Dock"_s).toLower() + u".png"_s);
        if (grab().save(path))
            written.append(path);
    }
    return written;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_secondary)
        return QMainWindow::closeEvent(event);
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    // The docks as the operator left them, not as the current tab hid them.
    if (!m_docksShown) {
        for (QDockWidget *dock : std::as_const(m_hiddenDocks))
            dock->show();
        m_detailDock->raise();
    }
    settings.setValue(u"mainWindow/state"_s, saveState());
    if (m_tabs->currentWidget())
        settings.setValue(u"mainWindow/tabName"_s, m_tabs->currentWidget()->objectName());
    if (m_devices)
        settings.setValue(u"mainWindow/devicesHeader"_s, m_devices->saveState());
    saveViewLayouts(settings);
    event->accept();
}

} // namespace fleet
