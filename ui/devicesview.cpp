#include "devicesview.h"

#include "desiredbatchdialog.h"
#include "deviceitemdelegate.h"
#include "fleet/devicetext.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "itemviewactions.h"
#include "layoutfit.h"
#include "models/devicefilterproxymodel.h"
#include "models/devicetablemodel.h"
#include "mqtt/mqttclient.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Marks a state written by saveState(); the second number is its format.
constexpr quint32 StateMagic = 0x46445631; // "FDV1"
constexpr quint32 StateFormat = 1;
constexpr int AllConnectivity = -1;
constexpr int GroupRefreshMs = 1000;
constexpr int RelativeTimeRefreshMs = 5000;

} // namespace

DevicesView::DevicesView(FleetSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new DeviceTableModel(session ? session->registry() : nullptr, this))
    , m_proxy(new DeviceFilterProxyModel(this))
    , m_delegate(new DeviceItemDelegate(this))
    , m_filterEdit(new QLineEdit(this))
    , m_connectivityCombo(new QComboBox(this))
    , m_groupCombo(new QComboBox(this))
    , m_outOfSyncCheck(new QCheckBox(tr("Out of sync", "shadow desired differs from reported"), this))
    , m_countLabel(new QLabel(this))
    , m_desiredButton(new QPushButton(tr("Set desired state…"), this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("devicesView"));
    m_proxy->setSourceModel(m_model);
    if (session) {
        m_model->setCatalog(session->catalog());
        connect(session, &FleetSession::catalogChanged, m_model,
                [this] { m_model->setCatalog(m_session->catalog()); });
    }

    m_filterEdit->setObjectName(QStringLiteral("deviceFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by id or group"));
    m_filterEdit->setClearButtonEnabled(true);

    m_connectivityCombo->setObjectName(QStringLiteral("connectivityFilter"));
    m_connectivityCombo->addItem(tr("All devices", "connectivity filter"), AllConnectivity);
    // Worded as the table words them.
    for (const Device::Connectivity c :
         {Device::Connectivity::Online, Device::Connectivity::Offline, Device::Connectivity::Unknown})
        m_connectivityCombo->addItem(DeviceText::connectivity(c), int(c));

    m_groupCombo->setObjectName(QStringLiteral("groupFilter"));
    m_groupCombo->addItem(tr("All groups", "group filter"), QString());

    m_outOfSyncCheck->setObjectName(QStringLiteral("outOfSyncFilter"));
    m_outOfSyncCheck->setToolTip(tr("Only devices whose desired state they have not reported yet"));

    m_countLabel->setObjectName(QStringLiteral("deviceCount"));

    m_table->setObjectName(QStringLiteral("devicesTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(m_delegate);
    if (m_session) {
        // Connectivity is news only while the console hears the broker; without it, the last known.
        const auto followConnection = [this] {
            const bool stale = m_session->client()->state() != MqttClient::State::Connected;
            if (stale == m_delegate->isStale())
                return;
            m_delegate->setStale(stale);
            m_table->viewport()->update();
        };
        connect(m_session->client(), &MqttClient::stateChanged, this, followConnection);
        followConnection();
    }
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // One fixed row height: with the default, the view measures rows it lays out, which costs per row.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    rows->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setObjectName(QStringLiteral("devicesHeader"));
    header->setSectionResizeMode(QHeaderView::Interactive); // never ResizeToContents: it reads every row
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setDefaultSectionSize(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    header->resizeSection(DeviceTableModel::IdColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    // Registry order until the operator picks a column; a third click on a column goes back to it.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    // The filters above the table, the count and the action for the selection below it: on one row they
    // made the window wider than 1280 pixels in French.
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filterEdit, 1);
    filters->addWidget(m_connectivityCombo);
    filters->addWidget(m_groupCombo);
    filters->addWidget(m_outOfSyncCheck);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_countLabel, 1);
    actions->addWidget(m_desiredButton);
    layoutfit::fitPlaceholder(m_filterEdit);
    layoutfit::letShrink(m_connectivityCombo);
    layoutfit::letShrink(m_groupCombo);
    layoutfit::fitSectionsToHeaders(header);
    for (int column : {DeviceTableModel::ConnectivityColumn, DeviceTableModel::LastSeenColumn,
                       DeviceTableModel::ShadowColumn, DeviceTableModel::DialectColumn})
        layoutfit::fitSectionToTexts(header, column, DeviceItemDelegate::widestTexts(column));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &DeviceFilterProxyModel::setFilterText);
    connect(m_connectivityCombo, &QComboBox::currentIndexChanged, this,
            &DevicesView::applyConnectivityFilter);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, &DevicesView::applyGroupFilter);
    // One patch for the selection (or the filtered group), as one action with one rollback entry.
    m_desiredButton->setObjectName(QStringLiteral("setDesiredButton"));
    m_desiredButton->setToolTip(tr("Set the desired state of the selected devices, or of the group shown"));
    connect(m_desiredButton, &QPushButton::clicked, this, &DevicesView::openDesiredBatch);
    ItemViewActions::mirror(m_desiredButton, m_table); // disabled as the button is, with nothing to set
    ItemViewActions::addCopy(m_table);
    connect(this, &DevicesView::selectionChanged, this, &DevicesView::updateDesiredButton);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, &DevicesView::updateDesiredButton);
    connect(m_outOfSyncCheck, &QCheckBox::toggled, m_proxy, &DeviceFilterProxyModel::setOutOfSyncFilter);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(DeviceTableModel::IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT deviceActivated(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectionTimer.isActive())
            m_selectionTimer.start();
    });

    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        // A click that extends a selection (Ctrl, Shift) picks targets; it opens nothing.
        if (!m_table->selectionModel()->isRowSelected(index.row(), index.parent()) ||
            m_table->selectionModel()->selectedRows().size() != 1)
            return;
        const QString id = index.data(DeviceTableModel::IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT deviceClicked(id);
    });

    m_selectionTimer.setSingleShot(true);
    m_selectionTimer.setInterval(0);
    connect(&m_selectionTimer, &QTimer::timeout, this, &DevicesView::emitSelection);

    m_groupsTimer.setSingleShot(true);
    m_groupsTimer.setInterval(GroupRefreshMs);
    connect(&m_groupsTimer, &QTimer::timeout, this, &DevicesView::refreshGroups);

    // Repaints only the visible rows; the table does not need to know why.
    m_relativeTimeTimer.setInterval(RelativeTimeRefreshMs);
    connect(&m_relativeTimeTimer, &QTimer::timeout, m_table->viewport(), qOverload<>(&QWidget::update));
    m_relativeTimeTimer.start();

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &DevicesView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DevicesView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &DevicesView::updateCount);

    if (FleetRegistry *registry = session ? session->registry() : nullptr) {
        // Groups come and go with devices (pattern and attribute groups); reading them on every batch of
        // telemetry would be wasted, once a second is enough for a combo box.
        connect(registry, &FleetRegistry::devicesAdded, this, &DevicesView::scheduleGroupRefresh);
        connect(registry, &FleetRegistry::devicesChanged, this, &DevicesView::scheduleGroupRefresh);
        // At most once per event-loop turn, however fast unknown ids arrive.
        connect(registry, &FleetRegistry::refusedMessagesChanged, this, &DevicesView::updateCount);
    }
    refreshGroups();
    updateCount();
    updateDesiredButton();
}

DevicesView::~DevicesView() = default;

QStringList DevicesView::selectedDevices() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(DeviceTableModel::IdColumn);
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(index.data(DeviceTableModel::IdRole).toString());
    return ids;
}

QByteArray DevicesView::saveState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << StateMagic << StateFormat << m_table->horizontalHeader()->saveState();
    return state;
}

bool DevicesView::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 format = 0;
    QByteArray header;
    stream >> magic >> format >> header;
    if (stream.status() != QDataStream::Ok || magic != StateMagic || format != StateFormat)
        return false;
    QHeaderView *view = m_table->horizontalHeader();
    if (!view->restoreState(header))
        return false;
    // The header restores its sort indicator without telling the table, so the model is sorted here.
    m_table->sortByColumn(view->sortIndicatorSection(), view->sortIndicatorOrder());
    return true;
}

void DevicesView::setFilter(const DeviceFilter &filter)
{
    m_filterEdit->setText(filter.text);
    m_connectivityCombo->setCurrentIndex(std::max(
        m_connectivityCombo->findData(filter.connectivity ? int(*filter.connectivity) : AllConnectivity), 0));
    int group = m_groupCombo->findData(filter.group);
    if (group < 0) {
        // Not (yet) a group of the registry's: kept as a choice, as refreshGroups() keeps a vanished one.
        m_groupCombo->addItem(filter.group, filter.group);
        group = m_groupCombo->count() - 1;
    }
    m_groupCombo->setCurrentIndex(group);
    m_outOfSyncCheck->setChecked(filter.outOfSync);
}

void DevicesView::refreshGroups()
{
    const FleetRegistry *registry = m_session ? m_session->registry() : nullptr;
    const QStringList groups = registry ? registry->groupNames() : QStringList();
    if (groups == m_groups)
        return;
    m_groups = groups;
    const QString current = m_groupCombo->currentData().toString();
    const QSignalBlocker blocker(m_groupCombo);
    while (m_groupCombo->count() > 1)
        m_groupCombo->removeItem(1);
    for (const QString &group : groups)
        m_groupCombo->addItem(group, group);
    // A selected group that went away keeps filtering (and shows nothing) until the operator picks
    // another: silently widening the filter would be worse.
    int index = m_groupCombo->findData(current);
    if (index < 0 && !current.isEmpty()) {
        m_groupCombo->addItem(current, current);
        index = m_groupCombo->count() - 1;
    }
    m_groupCombo->setCurrentIndex(std::max(index, 0));
}

void DevicesView::scheduleGroupRefresh()
{
    if (!m_groupsTimer.isActive())
        m_groupsTimer.start();
}

void DevicesView::applyConnectivityFilter()
{
    const int value = m_connectivityCombo->currentData().toInt();
    m_proxy->setConnectivityFilter(value == AllConnectivity
                                       ? std::nullopt
                                       : std::optional<Device::Connectivity>(Device::Connectivity(value)));
}

void DevicesView::applyGroupFilter()
{
    m_proxy->setGroupFilter(m_groupCombo->currentData().toString());
}

void DevicesView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    // Spelled out rather than "%n device(s)": the untranslated English text would show the "(s)".
    const QString devices = total == 1 ? tr("1 device") : tr("%1 devices").arg(total);
    QString text =
        shown == total ? devices : tr("%1 of %2", "shown of total devices").arg(shown).arg(devices);
    QString toolTip;
    // Said where the operator counts the devices: otherwise a real device missing from a full list would
    // look like a device that never spoke.
    const FleetRegistry *registry = m_session ? m_session->registry() : nullptr;
    if (const qint64 refused = registry ? registry->refusedMessages() : 0; refused > 0) {
        text += u" \u00b7 "_s;
        text += refused == 1 ? tr("device list full: 1 message from an unknown device ignored")
                             : tr("device list full: %L1 messages from unknown devices ignored").arg(refused);
        toolTip = tr("The list takes at most %L1 devices from traffic, so that a flood of made-up ids cannot "
                     "grow it without limit. Messages from devices not in it are ignored; devices already "
                     "listed keep updating.")
                      .arg(registry->maxDevices());
    }
    m_countLabel->setText(text);
    m_countLabel->setToolTip(toolTip);
}

void DevicesView::emitSelection()
{
    Q_EMIT selectionChanged(selectedDevices());
}

void DevicesView::updateDesiredButton()
{
    m_desiredButton->setEnabled(m_session && (m_table->selectionModel()->hasSelection() ||
                                              !m_groupCombo->currentData().toString().isEmpty()));
}

DesiredBatchDialog *DevicesView::openDesiredBatch()
{
    const QStringList devices = selectedDevices();
    const QString group = devices.isEmpty() ? m_groupCombo->currentData().toString() : QString();
    if (!m_session || (devices.isEmpty() && group.isEmpty()))
        return nullptr;
    auto *dialog = new DesiredBatchDialog(m_session, devices, group, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace fleet
