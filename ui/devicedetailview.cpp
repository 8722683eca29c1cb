#include "devicedetailview.h"

#include "common/json.h"

#include "cloudmessagedialog.h"
#include "commands/azurehubclient.h"
#include "commands/commandcatalog.h"
#include "commands/operatoractions.h"
#include "common/jsontext.h"
#include "conflictdialog.h"
#include "connectivityview.h"
#include "dialects/azuretwin.h"
#include "fleet/devicetext.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "jsondiffdelegate.h"
#include "jsonhighlighter.h"
#include "models/jsontreemodel.h"
#include "shadow/desiredstateedit.h"
#include "shadow/mergepatch.h"
#include "shadow/shadowdocument.h"
#include "shadow/shadownamedirectory.h"
#include "shadow/shadowtopic.h"
#include "shadowhistoryview.h"
#include "telemetryplot.h"
#include "trafficview.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace fleet {

namespace {

constexpr int ClockRefreshMs = 5000;

// A twin section's $version, or -1: the twin comes from the broker and is checked before it is read.
qint64 twinVersion(const Json &twin, const char *section)
{
    if (!twin.is_object())
        return -1;
    const auto it = twin.find(section);
    if (it == twin.end() || !it->is_object())
        return -1;
    const auto version = it->find("$version");
    return version != it->end() && version->is_number_integer() ? version->get<qint64>() : -1;
}

} // namespace

DeviceDetailView::DeviceDetailView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_connectivity(new QLabel(this))
    , m_lastSeen(new QLabel(this))
    , m_groups(new QLabel(this))
    , m_dialects(new QLabel(this))
    , m_shadowState(new QLabel(this))
    , m_shadowSelector(new QComboBox(this))
    , m_openNamedShadow(new QPushButton(tr("Open named shadow…"), this))
    , m_shadowBar(new QWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_treeModel(new JsonTreeModel(this))
    , m_treeView(new QTreeView(this))
    , m_editor(new QPlainTextEdit(this))
    , m_validation(new QLabel(this))
    , m_status(new QLabel(this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_apply(new QPushButton(tr("Apply desired"), this))
    , m_sendMessage(new QPushButton(tr("Send message…"), this))
    , m_history(new ShadowHistoryView(this))
    , m_plot(new TelemetryPlot(session, this))
    , m_traffic(new TrafficView(session, this))
    , m_connectivityView(new ConnectivityView(this))
{
    setObjectName(QStringLiteral("deviceDetailView"));

    // The header: who the device is and how it is doing.
    m_title->setObjectName(QStringLiteral("deviceTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectivity->setObjectName(QStringLiteral("deviceConnectivity"));
    m_lastSeen->setObjectName(QStringLiteral("deviceLastSeen"));
    m_groups->setObjectName(QStringLiteral("deviceGroups"));
    m_dialects->setObjectName(QStringLiteral("deviceDialects"));
    m_shadowState->setObjectName(QStringLiteral("deviceShadowState"));
    m_validation->setObjectName(QStringLiteral("desiredValidation"));
    m_status->setObjectName(QStringLiteral("desiredStatus"));
    // The device id, its groups and the service's errors are whatever the network said, and a label would
    // render any of them that looks like HTML as rich text.
    for (QLabel *label :
         {m_title, m_connectivity, m_lastSeen, m_groups, m_dialects, m_shadowState, m_validation, m_status})
        label->setTextFormat(Qt::PlainText);
    // Several lines: on one, in Spanish or French, the header alone made the dock (and the window) wider
    // than 1280 pixels; with the last seen beside the connectivity, the dock took so much of the window's
    // width that the main tabs no longer fitted beside it.
    auto *header = new QVBoxLayout;
    auto *firstLine = new QHBoxLayout;
    auto *secondLine = new QHBoxLayout;
    firstLine->addWidget(m_title);
    firstLine->addSpacing(16);
    firstLine->addWidget(m_connectivity);
    firstLine->addStretch(1);
    secondLine->addWidget(m_groups);
    secondLine->addSpacing(16);
    secondLine->addWidget(m_shadowState);
    secondLine->addStretch(1);
    header->addLayout(firstLine);
    header->addWidget(m_lastSeen);
    header->addLayout(secondLine);
    // A third line: beside the groups and the shadow's state it pushed the state past the dock's edge.
    header->addWidget(m_dialects);

    // The shadow: the three documents as a tree, the desired editor beside it.
    m_treeView->setObjectName(QStringLiteral("shadowTree"));
    m_treeView->setModel(m_treeModel);
    m_treeView->setItemDelegate(new JsonDiffDelegate(m_treeView));
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_treeView->header()->setStretchLastSection(true);
    m_treeView->header()->setDefaultSectionSize(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 18);
    // A new set of paths resets the model; shadows are small enough to show whole.
    connect(m_treeModel, &QAbstractItemModel::modelReset, m_treeView, [this] {
        m_treeView->expandAll();
        // Keys are short and a shadow small (8 KB at most): the key column fits its longest key, so that
        // "telemetryInterval" is not cut to "telemetryInter…".
        m_treeView->resizeColumnToContents(JsonTreeModel::KeyColumn);
    });
    ItemViewActions::addCopy(m_treeView);
    // The key column shows a key without the keys above it; the path is what a desired patch or fleetctl
    // names.
    ItemViewActions::addCopyRole(m_treeView, tr("Copy path"), JsonTreeModel::PathRole)
        ->setObjectName(QStringLiteral("copyPathAction"));

    m_editor->setObjectName(QStringLiteral("desiredEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabStopDistance(m_editor->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_editor->setPlaceholderText(tr("The desired state, as a JSON object"));
    new JsonHighlighter(m_editor->document());
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revert->setObjectName(QStringLiteral("revertDesired"));
    m_revert->setToolTip(tr("Put the shadow's current desired state back into the editor"));
    m_apply->setObjectName(QStringLiteral("applyDesired"));
    m_apply->setToolTip(tr("Send the changes to the device's desired state (Ctrl+Return)"));
    m_apply->setDefault(true);

    auto *editorPanel = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPanel);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(new QLabel(tr("Desired state"), editorPanel));
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_validation);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_sendMessage);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    editorLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter = splitter;
    splitter->setObjectName(QStringLiteral("shadowSplitter"));
    splitter->addWidget(m_treeView);
    splitter->addWidget(editorPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_tabs->setObjectName(QStringLiteral("deviceTabs"));
    // Which of the device's shadows the tab shows: a device may keep its configuration, its firmware state
    // and so on in named shadows beside the classic one.
    m_shadowSelector->setObjectName(QStringLiteral("shadowSelector"));
    m_shadowSelector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_shadowSelector->setMinimumContentsLength(10);
    m_shadowSelector->setToolTip(
        tr("The classic shadow, or a named shadow this console has seen for the device"));
    m_openNamedShadow->setObjectName(QStringLiteral("openNamedShadow"));
    m_openNamedShadow->setToolTip(tr("Open a named shadow of the device by its name"));
    auto *shadowBarLayout = new QHBoxLayout(m_shadowBar);
    shadowBarLayout->setContentsMargins(4, 4, 4, 0);
    auto *shadowLabel = new QLabel(tr("Shadow:", "which of a device's shadows is shown"), m_shadowBar);
    shadowLabel->setBuddy(m_shadowSelector);
    shadowBarLayout->addWidget(shadowLabel);
    shadowBarLayout->addWidget(m_shadowSelector, 1);
    shadowBarLayout->addWidget(m_openNamedShadow);
    auto *shadowPage = new QWidget(this);
    auto *shadowPageLayout = new QVBoxLayout(shadowPage);
    shadowPageLayout->setContentsMargins(0, 0, 0, 0);
    shadowPageLayout->addWidget(m_shadowBar);
    shadowPageLayout->addWidget(splitter, 1);
    m_tabs->addTab(shadowPage, tr("Shadow"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_plot, tr("Telemetry"));
    // MainWindow keeps the layout of every splitter and table under its object name, and the main traffic
    // view's names are taken: the page's own parts get names of their own.
    m_traffic->setObjectName(QStringLiteral("deviceTrafficView"));
    for (QWidget *part : m_traffic->findChildren<QWidget *>()) {
        const QString name = part->objectName();
        if (!name.isEmpty() && (qobject_cast<QSplitter *>(part) || qobject_cast<QTreeView *>(part)))
            part->setObjectName(QStringLiteral("device") + name.front().toUpper() + name.mid(1));
    }
    m_traffic->setDevice(QString(), nullptr);
    m_tabs->addTab(m_traffic, tr("Traffic"));
    m_tabs->addTab(m_connectivityView, tr("Connectivity"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingEditor)
            m_editorModified = true;
        validate();
    });
    connect(m_apply, &QPushButton::clicked, this, &DeviceDetailView::applyDesired);
    connect(m_shadowSelector, &QComboBox::currentIndexChanged, this,
            [this](int index) { setShadowName(m_shadowSelector->itemData(index).toString()); });
    connect(m_openNamedShadow, &QPushButton::clicked, this, &DeviceDetailView::askForNamedShadow);
    connect(m_revert, &QPushButton::clicked, this, &DeviceDetailView::revertEditor);
    m_sendMessage->setObjectName(QStringLiteral("sendCloudMessage"));
    m_sendMessage->setToolTip(tr("Send the device a cloud-to-device message with properties"));
    m_sendMessage->hide();
    connect(m_sendMessage, &QPushButton::clicked, this, [this] {
        auto *dialog = new CloudMessageDialog(m_session, m_device, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    auto *applyShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_editor);
    applyShortcut->setContext(Qt::WidgetShortcut);
    connect(applyShortcut, &QShortcut::activated, this, [this] {
        if (m_apply->isEnabled())
            applyDesired();
    });

    m_clockTimer.setInterval(ClockRefreshMs);
    connect(&m_clockTimer, &QTimer::timeout, this, &DeviceDetailView::updateHeader);
    m_clockTimer.start();

    if (session) {
        ShadowClient *shadows = session->shadows();
        connect(shadows, &ShadowClient::shadowChanged, this, &DeviceDetailView::onShadowChanged);
        connect(shadows, &ShadowClient::shadowDeleted, this, &DeviceDetailView::onShadowDeleted);
        connect(shadows, &ShadowClient::requestFinished, this, &DeviceDetailView::onRequestFinished);
        connect(session->registry(), &FleetRegistry::devicesChanged, this,
                &DeviceDetailView::onDevicesChanged);
        connect(session->registry(), &FleetRegistry::devicesAdded, this, &DeviceDetailView::onDevicesAdded);
        connect(session->shadowNames(), &ShadowNameDirectory::namesAdded, this,
                &DeviceDetailView::onShadowNamesAdded);
        AzureHubClient *azure = session->azure();
        connect(azure, &AzureHubClient::twinReceived, this,
                [this](const QString &id, const QString &, const Json &twin) {
                    if (id != m_twinRequest)
                        return;
                    m_twinRequest.clear();
                    showTwin(twin);
                });
        connect(azure, &AzureHubClient::twinChanged, this, [this](const QString &device, const Json &twin) {
            if (m_twinMode && device == m_device)
                showTwin(twin);
        });
        connect(azure, &AzureHubClient::requestFailed, this,
                [this](const QString &id, int code, const QString &why) {
                    if (id == m_twinRequest) {
                        m_twinRequest.clear();
                        setStatus(tr("The twin could not be read (%1): %2").arg(code).arg(why));
                    } else if (id == m_twinUpdate) {
                        m_twinUpdate.clear();
                        m_applying = false;
                        // 412: someone changed the desired properties since the editor was loaded.
                        setStatus(
                            code == 412
                                ? tr("Version conflict: the desired properties changed meanwhile; the "
                                     "twin is loaded again and your text kept. Apply again to replace them.")
                                : tr("Refused (%1): %2").arg(code).arg(why));
                        if (code == 412) {
                            m_editorModified = true;
                            // The text stays; the edit is rebased on the twin as it is now, so that applying
                            // again replaces the desired properties at their current $version.
                            m_rebaseEditor = true;
                            loadTwin();
                        }
                        validate();
                    }
                });
        connect(azure, &AzureHubClient::desiredAccepted, this,
                [this](const QString &id, const QString &, const Json &desired) {
                    if (id != m_twinUpdate)
                        return;
                    m_twinUpdate.clear();
                    m_applying = false;
                    m_editorModified = false;
                    setStatus(tr("Applied: desired properties at $version %1.")
                                  .arg(twinVersion(Json{{"desired", desired}}, "desired")));
                    validate();
                });
        connect(azure, &AzureHubClient::gateOutcome, this,
                [this](const QString &id, const QString &outcome, const QString &why) {
                    if (id != m_twinUpdate)
                        return;
                    if (outcome == QLatin1StringView("held")) {
                        setStatus(tr("Held for an approval: %1").arg(why));
                        return;
                    }
                    if (outcome == QLatin1StringView("approved"))
                        return setStatus(tr("Approved (%1); applying…").arg(why));
                    m_twinUpdate.clear();
                    m_applying = false;
                    setStatus(tr("Refused by the gate (%1): %2").arg(outcome, why));
                    validate();
                });
    }
    setDevice(QString());
}

DeviceDetailView::~DeviceDetailView()
{
    unwatchShadow();
}

ConflictDialog *DeviceDetailView::conflictDialog() const
{
    return m_conflictDialog;
}

std::optional<ShadowClient::CachedShadow> DeviceDetailView::cached() const
{
    if (!m_session || m_device.isEmpty())
        return std::nullopt;
    return m_session->shadows()->cached(m_device, m_shadowName);
}

void DeviceDetailView::setTrafficHistory(TrafficModel *history)
{
    m_trafficHistory = history;
}

void DeviceDetailView::setDevice(const QString &id)
{
    if (!id.isEmpty() && id == m_device)
        return;
    unwatchShadow();
    m_device = id;
    m_shadowName.clear(); // each device starts with its classic shadow
    m_applying = false;
    ++m_applySerial; // the answer to an update of the previous device is not this one's
    m_conflictToken.clear();
    if (m_conflictDialog)
        m_conflictDialog->reject();
    m_treeModel->clear();
    m_history->clear();
    m_plot->setDevice(id);
    m_plot->backFill(m_trafficHistory);
    m_traffic->setDevice(id, m_trafficHistory);
    m_editorVersion = -1;
    m_editorModified = false;
    setEditorText(QString());
    setStatus(QString());

    m_twinMode = m_session && !id.isEmpty() && m_session->isAzureDevice(id);
    m_twinLoaded = false;
    m_twin = Json();
    if (m_session) {
        // Answers to the previous device's requests are not this one's. A change under way is not
        // forgotten: it goes on at the hub (perhaps held for an approval), and its rollback entry is recorded
        // when it is accepted.
        if (!m_twinRequest.isEmpty())
            m_session->azure()->forget(m_twinRequest);
    }
    m_twinRequest.clear();
    m_twinUpdate.clear();
    m_rebaseEditor = false;
    m_tabs->setTabText(0, m_twinMode ? tr("Twin") : tr("Shadow"));
    m_sendMessage->setVisible(m_twinMode);
    // A twin has no named shadows.
    m_shadowBar->setVisible(!m_twinMode);
    fillShadowSelector();
    if (m_twinMode) {
        setEnabled(true);
        updateHeader();
        loadTwin();
        validate();
        return;
    }
    watchShadow();
    setEnabled(!id.isEmpty());
    updateHeader();
    onShadowChanged(id, QString()); // whatever the cache holds already
}

void DeviceDetailView::watchShadow()
{
    // The shadow client keeps one watch per shadow, not a count: a watch someone else started (another
    // view of the same device) is left to them.
    if (!m_session || m_device.isEmpty())
        return;
    ShadowClient *shadows = m_session->shadows();
    if (!shadows->isWatching(m_device, m_shadowName)) {
        m_ownsWatch = shadows->watch(m_device, m_shadowName);
        if (!m_ownsWatch)
            setStatus(tr("\"%1\" cannot be a shadow's thing name.").arg(m_device));
    }
}

void DeviceDetailView::unwatchShadow()
{
    if (m_session && m_ownsWatch && !m_device.isEmpty())
        m_session->shadows()->unwatch(m_device, m_shadowName);
    m_ownsWatch = false;
}

void DeviceDetailView::setShadowName(const QString &name)
{
    if (name == m_shadowName || m_twinMode || m_device.isEmpty() ||
        (!name.isEmpty() && !ShadowTopic::isValidShadowName(name))) {
        selectShownShadow();
        return;
    }
    unwatchShadow();
    m_shadowName = name;
    // As for another device: the answer to an update of the shadow shown before is not this one's (it is
    // still recorded for rollback), and the editor starts from this shadow.
    m_applying = false;
    ++m_applySerial;
    m_conflictToken.clear();
    if (m_conflictDialog)
        m_conflictDialog->reject();
    m_treeModel->clear();
    m_history->clear();
    m_editorVersion = -1;
    m_editorModified = false;
    setEditorText(QString());
    setStatus(QString());
    selectShownShadow();
    watchShadow();
    updateShadowLabel();
    onShadowChanged(m_device, m_shadowName); // whatever the cache holds already
}

bool DeviceDetailView::openNamedShadow(const QString &name, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_device.isEmpty() || m_twinMode)
        return fail(tr("Select a device that has a shadow first."));
    // AWS's rule, which fleet-hub applies too: anything else would be refused, or not even be a topic level.
    if (!ShadowTopic::isValidShadowName(name))
        return fail(tr("\"%1\" cannot be a shadow name: use 1 to 64 letters, digits and : _ - $, without "
                       "spaces, / or wildcards.")
                        .arg(name));
    if (m_session)
        m_session->shadowNames()->addName(m_device, name);
    setShadowName(name);
    return true;
}

void DeviceDetailView::askForNamedShadow()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("namedShadowDialog"));
    dialog->setWindowTitle(tr("Open named shadow"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setLabelText(tr("Shadow name (1 to 64 letters, digits and : _ - $):"));
    dialog->setOkButtonText(tr("Open"));
    if (auto *edit = dialog->findChild<QLineEdit *>())
        edit->setMaxLength(64);
    // OK only for a name the service would accept, so that a mistyped name is seen while typing.
    if (auto *box = dialog->findChild<QDialogButtonBox *>()) {
        QPushButton *ok = box->button(QDialogButtonBox::Ok);
        ok->setEnabled(false);
        connect(dialog, &QInputDialog::textValueChanged, ok, [ok](const QString &text) {
            ok->setEnabled(ShadowTopic::isValidShadowName(text.trimmed()));
        });
    }
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        QString error;
        if (!openNamedShadow(text.trimmed(), &error))
            setStatus(error);
    });
    dialog->open(); // window-modal, without a nested event loop
}

void DeviceDetailView::fillShadowSelector()
{
    const QSignalBlocker blocker(m_shadowSelector);
    m_shadowSelector->clear();
    m_shadowSelector->addItem(tr("Classic", "the classic (unnamed) shadow of a device"), QString());
    QStringList names;
    if (m_session && !m_device.isEmpty())
        names = m_session->shadowNames()->names(m_device);
    if (!m_shadowName.isEmpty() && !names.contains(m_shadowName)) {
        names.append(m_shadowName);
        names.sort();
    }
    for (const QString &name : std::as_const(names))
        m_shadowSelector->addItem(name, name);
    m_shadowSelector->setCurrentIndex(std::max(0, m_shadowSelector->findData(m_shadowName)));
}

void DeviceDetailView::selectShownShadow()
{
    // Called from the selector's own signal: its list is rebuilt only when the name is not in it.
    const int index = m_shadowSelector->findData(m_shadowName);
    if (index < 0) {
        fillShadowSelector();
        return;
    }
    const QSignalBlocker blocker(m_shadowSelector);
    m_shadowSelector->setCurrentIndex(index);
}

void DeviceDetailView::onShadowNamesAdded(const QStringList &things)
{
    // Sorted by the directory.
    if (!m_device.isEmpty() && std::binary_search(things.cbegin(), things.cend(), m_device))
        fillShadowSelector();
}

void DeviceDetailView::updateConnectivity()
{
    const QList<PresenceChange> changes = m_session && !m_device.isEmpty()
                                              ? m_session->registry()->presenceHistory(m_device)
                                              : QList<PresenceChange>();
    m_connectivityView->setChanges(changes, QDateTime::currentMSecsSinceEpoch());
}

void DeviceDetailView::onShadowChanged(const QString &thing, const QString &shadow)
{
    if (thing.isEmpty() || thing != m_device || shadow != m_shadowName || m_twinMode)
        return;
    const auto cache = cached();
    updateShadowLabel();
    updateAppliedStatus();
    if (!cache)
        return;
    if (cache->state == ShadowClient::CacheState::Fresh) {
        const ShadowDocument &document = cache->document;
        m_treeModel->setDocuments(document.desired(), document.reported(), cache->delta);
        ShadowHistoryView::Entry entry;
        entry.version = document.version();
        entry.timestamp = document.timestamp();
        entry.receivedMs = QDateTime::currentMSecsSinceEpoch();
        entry.desired = document.desired();
        entry.reported = document.reported();
        m_history->addDocument(entry);
    } else if (cache->state != ShadowClient::CacheState::Loading) {
        m_treeModel->clear();
    }
    if (cache->state == ShadowClient::CacheState::Loading)
        return;
    if (!m_editorModified) {
        loadEditor(cache->state == ShadowClient::CacheState::Fresh ? cache->document.desired()
                                                                   : Json::object(),
                   cache->version());
    } else if (cache->version() != m_editorVersion) {
        setStatus(tr("The shadow is at version %1 now; your edit started from version %2. Applying will show "
                     "both, so that you can merge them.")
                      .arg(cache->version())
                      .arg(m_editorVersion));
    }
    validate();
}

void DeviceDetailView::onShadowDeleted(const QString &thing, const QString &shadow)
{
    if (thing != m_device || shadow != m_shadowName)
        return;
    m_treeModel->clear();
    setStatus(tr("The shadow was deleted."));
    onShadowChanged(thing, shadow);
}

void DeviceDetailView::setEditorText(const QString &text)
{
    if (m_editor->toPlainText() == text)
        return; // keeps the cursor and the undo history when a reload brings nothing new
    m_settingEditor = true;
    m_editor->setPlainText(text);
    m_settingEditor = false;
}

void DeviceDetailView::loadEditor(const Json &desired, qint64 version)
{
    setEditorText(indentedJson(desired.is_object() ? desired : Json::object()));
    m_editorBase = desired.is_object() ? desired : Json::object();
    m_editorVersion = version;
}

void DeviceDetailView::setStatus(const QString &text)
{
    m_appliedVersion = -1; // any other message ends the one that follows an applied update
    m_status->setText(text);
}

void DeviceDetailView::updateAppliedStatus()
{
    const auto cache = cached();
    if (m_appliedVersion < 0 || !cache || cache->state == ShadowClient::CacheState::Loading)
        return;
    m_status->setText(cache->version() > m_appliedVersion
                          ? m_appliedStatus + u' ' +
                                tr("The shadow is at version %1 now.").arg(cache->version())
                          : m_appliedStatus);
}

QString DeviceDetailView::validationMessage() const
{
    return m_validation->text();
}

QString DeviceDetailView::statusMessage() const
{
    return m_status->text();
}

void DeviceDetailView::revertEditor()
{
    m_editorModified = false;
    if (m_twinMode) {
        loadEditor(twinSection("desired"), twinVersion(m_twin, "desired"));
        setStatus(QString());
        validate();
        return;
    }
    const auto cache = cached();
    if (!cache || cache->state == ShadowClient::CacheState::Loading) {
        setEditorText(QString());
        return;
    }
    loadEditor(cache->state == ShadowClient::CacheState::Fresh ? cache->document.desired() : Json::object(),
               cache->version());
    setStatus(QString());
    validate();
}

void DeviceDetailView::validate()
{
    const auto cache = cached();
    QString problem;
    int errorPosition = -1;
    if (m_twinMode) {
        const TwinCheck check = checkTwinEdit();
        problem = check.problem;
        errorPosition = check.errorPosition;
    } else if (!cache || cache->state == ShadowClient::CacheState::Loading) {
        problem = m_device.isEmpty() ? QString() : tr("Loading the shadow…");
    } else {
        const DesiredStateEdit::Check result =
            DesiredStateEdit::check(m_editor->toPlainText(), m_editorBase, cache->document.reported());
        problem = result.problem;
        errorPosition = result.errorPosition;
    }
    m_valid = problem.isEmpty() && !m_device.isEmpty();
    m_validation->setText(problem);
    m_apply->setEnabled(m_valid && !m_applying && m_conflictToken.isEmpty() && !m_conflictDialog);

    // Underline where the parser stopped, so the operator need not count lines.
    QList<QTextEdit::ExtraSelection> marks;
    if (errorPosition >= 0) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document());
        mark.cursor.setPosition(std::min(errorPosition, m_editor->document()->characterCount() - 1));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Qt::red);
        mark.format.setBackground(QColor(255, 0, 0, 60));
        marks.append(mark);
    }
    m_editor->setExtraSelections(marks);
}

bool DeviceDetailView::applyDesired()
{
    if (m_twinMode)
        return applyTwinDesired();
    const auto cache = cached();
    if (!cache || cache->state == ShadowClient::CacheState::Loading) {
        setStatus(tr("The shadow has not been loaded yet."));
        return false;
    }
    if (m_applying || !m_conflictToken.isEmpty() || m_conflictDialog) {
        setStatus(tr("An update is already under way."));
        return false;
    }
    const DesiredStateEdit::Check result =
        DesiredStateEdit::check(m_editor->toPlainText(), m_editorBase, cache->document.reported());
    if (!result.patch) {
        setStatus(tr("Not sent: %1").arg(result.problem));
        validate();
        return false;
    }
    return send(*result.edited, m_editorBase, cache->document.reported(), m_editorVersion);
}

bool DeviceDetailView::send(const Json &edited, const Json &baseDesired, const Json &reported, qint64 version)
{
    const DesiredStateEdit::Check result = DesiredStateEdit::check(edited, baseDesired, reported);
    if (!result.patch) {
        setStatus(tr("Not sent: %1").arg(result.problem));
        return false;
    }
    OperatorActions::DesiredChange change;
    change.device = m_device;
    change.shadowName = m_shadowName;
    change.patch = *result.patch;
    change.before = baseDesired;
    change.version = version;
    m_applying = true;
    const quint64 serial = ++m_applySerial;
    setStatus(tr("Applying against version %1…").arg(version));
    validate();
    m_session->actions()->updateDesired(change, this,
                                        [this, serial, change](const OperatorActions::Outcome &o) {
                                            if (serial == m_applySerial)
                                                onApplied(change, o);
                                        });
    return true;
}

void DeviceDetailView::onApplied(const OperatorActions::DesiredChange &change,
                                 const OperatorActions::Outcome &o)
{
    m_applying = false;
    if (o.ok) {
        const qint64 version = o.version.value_or(-1);
        // The version the service accepted the update at, which is not the shadow's for long: the device
        // reporting the change back makes the next one (the header then says 3 where this was 2). So the
        // message names the accepted version, and adds the current one whenever it moves on.
        const QString applied =
            o.note.isEmpty()
                ? tr("Applied at version %1 (rollback entry %2).").arg(version).arg(o.rollbackEntry)
                : tr("Applied at version %1, but the rollback history could not be saved: %2")
                      .arg(version)
                      .arg(o.note);
        setStatus(applied);
        m_appliedStatus = applied;
        m_appliedVersion = version;
        updateAppliedStatus();
        // The editor follows the shadow again; show what was applied until the new document arrives (unless
        // it has already come: the cache is then newer than the reply).
        m_editorModified = false;
        const auto cache = cached();
        if (cache && cache->state == ShadowClient::CacheState::Fresh && cache->version() >= version)
            loadEditor(cache->document.desired(), cache->version());
        else
            loadEditor(o.desired, version);
        validate();
        Q_EMIT rollbackRecorded(o.rollbackEntry);
        Q_EMIT desiredApplied(m_device, version);
        return;
    }
    if (o.serviceError && o.errorCode == ShadowError::versionConflict().code) {
        // Someone else updated the shadow; fetch what it is now rather than trust the cache, which may not
        // have seen that update yet.
        auto parsed = JsonText::parse(m_editor->toPlainText());
        m_conflictEdited = std::holds_alternative<Json>(parsed) ? std::get<Json>(parsed) : Json::object();
        m_conflictPatch = change.patch;
        setStatus(tr("Version conflict: someone changed the shadow meanwhile. Loading the current version…"));
        m_conflictToken = m_session->shadows()->get(m_device, m_shadowName);
        validate();
        return;
    }
    setStatus(tr("Refused (%1): %2").arg(o.errorCode).arg(o.error));
    validate();
}

void DeviceDetailView::onRequestFinished(const QString &token, const ShadowClient::Result &result)
{
    if (token.isEmpty() || token != m_conflictToken)
        return;
    m_conflictToken.clear();
    onConflictLoaded(result);
}

void DeviceDetailView::onConflictLoaded(const ShadowClient::Result &result)
{
    if (!result.ok && result.error.code != 404) {
        setStatus(tr("Version conflict, and the current version could not be loaded (%1): %2")
                      .arg(result.error.code)
                      .arg(result.error.message));
        validate();
        return;
    }
    Json current = Json::object();
    if (const Json *state = jsonMember(result.body, "state")) {
        if (const Json *desired = jsonMember(*state, "desired"); desired && desired->is_object())
            current = *desired;
    }
    const qint64 version = result.version.value_or(cached() ? cached()->version() : 0);
    // The operator's change re-applied on top of what is there now.
    const Json merged = MergePatch::apply(current, m_conflictPatch);
    auto *dialog = new ConflictDialog(m_conflictEdited, current, version, merged, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflictDialog = dialog;
    connect(dialog, &QDialog::accepted, this, &DeviceDetailView::onConflictAccepted);
    connect(dialog, &QDialog::rejected, this, [this] {
        setStatus(
            tr("Not applied: the version conflict was left unresolved. Your edit is still in the editor."));
    });
    connect(dialog, &QObject::destroyed, this, &DeviceDetailView::validate, Qt::QueuedConnection);
    setStatus(tr("Version conflict: compare your edit with version %1 and apply a merge.").arg(version));
    validate();
    dialog->open(); // window-modal, without a nested event loop
}

void DeviceDetailView::onConflictAccepted()
{
    ConflictDialog *dialog = m_conflictDialog;
    if (!dialog)
        return;
    const std::optional<Json> merged = dialog->merged();
    const Json current = dialog->current();
    const qint64 version = dialog->currentVersion();
    m_conflictDialog = nullptr;
    if (!merged)
        return;
    // The merge becomes the operator's edit, based on the version the dialog showed.
    setEditorText(indentedJson(*merged));
    m_editorModified = true;
    m_editorBase = current;
    m_editorVersion = version;
    const auto cache = cached();
    const Json reported = cache ? cache->document.reported() : Json::object();
    send(*merged, current, reported, version);
}

void DeviceDetailView::onDevicesChanged(const QList<int> &rows)
{
    if (!m_session || m_device.isEmpty())
        return;
    const int row = m_session->registry()->indexOf(m_device);
    if (row >= 0 && std::binary_search(rows.cbegin(), rows.cend(), row))
        updateHeader();
}

void DeviceDetailView::onDevicesAdded(int first, int last)
{
    if (!m_session || m_device.isEmpty())
        return;
    const int row = m_session->registry()->indexOf(m_device);
    if (row >= first && row <= last)
        updateHeader();
}

void DeviceDetailView::updateHeader()
{
    updateConnectivity();
    if (m_device.isEmpty()) {
        m_title->setText(tr("No device selected"));
        for (QLabel *label : {m_connectivity, m_lastSeen, m_groups, m_dialects, m_shadowState})
            label->clear();
        return;
    }
    m_title->setText(m_device);
    const Device device = m_session ? m_session->registry()->device(m_device) : Device();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (device.id.isEmpty()) {
        m_connectivity->setText(tr("Not seen on the broker yet"));
        m_lastSeen->clear();
        m_groups->clear();
    } else {
        m_connectivity->setText(DeviceText::connectivity(device.connectivity, device.connectivitySince, now));
        m_connectivity->setToolTip(device.connectivitySince > 0 ? DeviceText::since(device.connectivitySince)
                                                                : QString());
        m_lastSeen->setText(tr("Last seen: %1", "device header, e.g. Last seen: 5 min ago")
                                .arg(DeviceText::lastSeen(device, now)));
        m_groups->setText(device.groups.isEmpty() ? tr("No groups")
                                                  : tr("Groups: %1").arg(DeviceText::groups(device.groups)));
    }
    // How the device is spoken to: its commands' dialects, in the form its catalog profile gives them.
    QStringList dialects;
    if (m_session) {
        const CommandCatalog &catalog = m_session->catalog();
        for (const CommandSpec &own : catalog.commands()) {
            const CommandSpec *spec = catalog.find(own.name, m_device, {});
            if (spec && !dialects.contains(spec->dialect))
                dialects.append(spec->dialect);
        }
    }
    m_dialects->setText(
        dialects.isEmpty()
            ? QString()
            : tr("Speaks: %1", "device header: its command dialects").arg(DeviceText::dialects(dialects)));
    updateShadowLabel();
}

void DeviceDetailView::updateShadowLabel()
{
    if (m_twinMode) {
        if (!m_twinLoaded) {
            m_shadowState->setText(tr("Twin loading…"));
            return;
        }
        const Json desired = twinSection("desired");
        const Json reported = twinSection("reported");
        int pending = 0;
        for (auto it = desired.begin(); it != desired.end(); ++it) {
            if (!reported.contains(it.key()) || reported[it.key()] != it.value())
                ++pending;
        }
        m_shadowState->setText(
            tr("Twin: desired $version %1, reported $version %2: %3",
               "device header, e.g. Twin: desired $version 4, reported $version 9: In sync")
                .arg(QString::number(twinVersion(m_twin, "desired")),
                     QString::number(twinVersion(m_twin, "reported")), DeviceText::shadowSummary(pending)));
        return;
    }
    const auto cache = cached();
    if (!cache) {
        m_shadowState->clear();
        return;
    }
    // A named shadow is named, so that the header never passes it off as the classic one.
    const bool named = !m_shadowName.isEmpty();
    switch (cache->state) {
    case ShadowClient::CacheState::Loading:
        m_shadowState->setText(named ? tr("Shadow \"%1\" loading…").arg(m_shadowName)
                                     : tr("Shadow loading…"));
        break;
    case ShadowClient::CacheState::Empty:
        m_shadowState->setText(named ? tr("No shadow \"%1\" yet").arg(m_shadowName) : tr("No shadow yet"));
        break;
    case ShadowClient::CacheState::Deleted:
        m_shadowState->setText(named ? tr("Shadow \"%1\" deleted at version %2")
                                           .arg(m_shadowName, QString::number(cache->version()))
                                     : tr("Shadow deleted at version %1").arg(cache->version()));
        break;
    case ShadowClient::CacheState::Fresh: {
        const int pending = int(cache->delta.is_object() ? cache->delta.size() : 0);
        const QString summary = DeviceText::shadowSummary(pending);
        m_shadowState->setText(
            named ? tr("Shadow \"%1\" version %2: %3",
                       "device header, e.g. Shadow \"config\" version 7: In sync")
                        .arg(m_shadowName, QString::number(cache->version()), summary)
                  : tr("Shadow version %1: %2", "device header, e.g. Shadow version 7: In sync")
                        .arg(cache->version())
                        .arg(summary));
        break;
    }
    }
}

void DeviceDetailView::loadTwin()
{
    if (!m_session || m_device.isEmpty())
        return;
    QString error;
    m_twinRequest = m_session->azure()->getTwin(m_device, &error);
    if (m_twinRequest.isEmpty())
        setStatus(tr("The twin could not be read: %1").arg(error));
    updateShadowLabel();
}

Json DeviceDetailView::twinSection(const char *name) const
{
    const auto it = m_twin.is_object() ? m_twin.find(name) : m_twin.end();
    if (!m_twin.is_object() || it == m_twin.end() || !it->is_object())
        return Json::object();
    Json section = *it;
    section.erase("$version");
    return section;
}

void DeviceDetailView::showTwin(const Json &twin)
{
    // fleet-hub writes these topics, but what arrives is checked before anything reads it.
    if (twinVersion(twin, "desired") < 0 || twinVersion(twin, "reported") < 0)
        return;
    m_twin = twin;
    m_twinLoaded = true;
    const Json desired = twinSection("desired");
    const Json reported = twinSection("reported");
    // What the device has not taken on yet: the desired members its reported properties do not match.
    Json delta = Json::object();
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        if (!reported.contains(it.key()) || reported[it.key()] != it.value())
            delta[it.key()] = it.value();
    }
    m_treeModel->setDocuments(desired, reported, delta);
    ShadowHistoryView::Entry entry;
    // A twin has two versions; their sum grows with every change of either, which is what the history
    // orders its entries by.
    entry.version = twinVersion(twin, "reported") + twinVersion(twin, "desired");
    entry.receivedMs = QDateTime::currentMSecsSinceEpoch();
    entry.timestamp = entry.receivedMs / 1000;
    entry.desired = desired;
    entry.reported = reported;
    m_history->addDocument(entry);
    const qint64 version = twinVersion(twin, "desired");
    if (!m_editorModified) {
        loadEditor(desired, version);
    } else if (m_rebaseEditor) {
        m_rebaseEditor = false;
        m_editorBase = desired;
        m_editorVersion = version;
    } else if (version != m_editorVersion)
        setStatus(tr("The desired properties are at $version %1 now; your edit started from $version %2.")
                      .arg(version)
                      .arg(m_editorVersion));
    updateShadowLabel();
    validate();
}

DeviceDetailView::TwinCheck DeviceDetailView::checkTwinEdit() const
{
    TwinCheck check;
    if (m_device.isEmpty())
        return check;
    if (!m_twinLoaded) {
        check.problem = tr("Loading the twin…");
        return check;
    }
    const auto parsed = JsonText::parse(m_editor->toPlainText());
    if (const auto *error = std::get_if<JsonText::Error>(&parsed)) {
        check.problem = error->message;
        check.errorPosition = error->position;
        return check;
    }
    const Json &edited = std::get<Json>(parsed);
    if (!edited.is_object()) {
        check.problem = tr("The desired properties must be a JSON object.");
        return check;
    }
    const Json patch = MergePatch::between(m_editorBase, edited);
    if (patch.empty()) {
        check.problem = tr("No changes to apply.");
        return check;
    }
    AzureTwin twin;
    twin.desired = m_editorBase;
    if (const std::optional<QString> why = twin.apply(AzureTwin::Section::Desired, patch)) {
        check.problem = *why;
        return check;
    }
    check.patch = patch;
    return check;
}

bool DeviceDetailView::applyTwinDesired()
{
    if (m_applying || !m_twinUpdate.isEmpty()) {
        setStatus(tr("An update is already under way."));
        return false;
    }
    const TwinCheck check = checkTwinEdit();
    if (!check.patch) {
        setStatus(tr("Not sent: %1").arg(check.problem));
        validate();
        return false;
    }
    if (!m_session->actions()->confirm(tr("a change of %1's desired properties").arg(m_device))) {
        setStatus(OperatorActions::notConfirmedError());
        return false;
    }
    QString error;
    // At the version the editor started from: a change someone made meanwhile is refused (412), not lost.
    m_twinUpdate = m_session->azure()->updateDesired(m_device, *check.patch, m_editorVersion, &error);
    if (m_twinUpdate.isEmpty()) {
        setStatus(tr("Not sent: %1").arg(error));
        return false;
    }
    // Recorded in the rollback history once fleet-hub accepts it, as a shadow change is.
    m_session->actions()->trackTwinUpdate(m_twinUpdate, m_device, m_twin.value("desired", Json::object()),
                                          *check.patch);
    m_applying = true;
    setStatus(tr("Applying against $version %1…").arg(m_editorVersion));
    validate();
    return true;
}

void DeviceDetailView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Side by side the tree's three columns got a third of a dock each and cut the values off: in a dock
    // (narrow) the editor goes under the tree, whose values then have the dock's width; beside it only when
    // the view is wide (a floating or widened dock).
    const Qt::Orientation wanted = width() < SideBySideWidth ? Qt::Vertical : Qt::Horizontal;
    if (m_splitter && m_splitter->orientation() != wanted)
        m_splitter->setOrientation(wanted);
}

} // namespace fleet
