#include "fleet/fleetsession.h"

#include "commands/approvalqueue.h"
#include "commands/azurehubclient.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commands/operatorservices.h"
#include "fleet/fleetregistry.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "mqtt/trafficcapture.h"
#include "shadow/shadowclient.h"
#include "shadow/shadownamedirectory.h"

namespace fleet {

FleetSession::FleetSession(QObject *parent)
    : QObject(parent)
    , m_client(std::make_unique<MqttClient>())
    , m_ledger(std::make_unique<CommandLedger>())
    , m_registry(std::make_unique<FleetRegistry>())
    , m_shadowNames(std::make_unique<ShadowNameDirectory>())
    , m_services(std::make_unique<OperatorServices>(m_client.get()))
    , m_traffic(std::make_unique<TrafficCapture>())
{
    connect(m_client.get(), &MqttClient::messageReceived, this, &FleetSession::onMessage);
    connect(m_client.get(), &MqttClient::connected, this, &FleetSession::onConnected);
    // Named shadows show on the services' connection when one is watched, and on the capture's (which
    // subscribes to $aws/# by default) whenever anyone uses one.
    connect(m_traffic.get(), &TrafficCapture::messageReceived, m_shadowNames.get(),
            &ShadowNameDirectory::ingest);
    connect(m_registry.get(), &FleetRegistry::devicesAdded, this, &FleetSession::onDevicesAdded);
    connect(m_registry.get(), &FleetRegistry::devicesChanged, this, &FleetSession::onDevicesChanged);
    connect(tracker(), &CommandTracker::executionChanged, this, &FleetSession::onExecutionChanged);
    connect(m_services.get(), &OperatorServices::warning, this, &FleetSession::warning);
    // The console follows every Azure twin's changes (the device dock shows them as they come).
    m_services->azure()->setWatchTwins(true);
    m_registry->setDialects(tracker()->responseRoutes(), tracker()->responseFilters());
    // A group request's progress counts against the members the devices announced.
    tracker()->setGroupMembersSource(
        [registry = m_registry.get()](const QString &group) { return registry->devicesInGroup(group); });
    // ... and a desired batch for a group reaches them.
    m_services->actions()->setGroupMembersSource(
        [registry = m_registry.get()](const QString &group) { return registry->devicesInGroup(group); });
    subscribeRegistry();
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &FleetSession::tick);
    m_rateTimer.start();
    m_prefetchTimer.setInterval(100);
    connect(&m_prefetchTimer, &QTimer::timeout, this, &FleetSession::prefetchShadows);
    connect(shadows(), &ShadowClient::requestFinished, this,
            [this](const QString &token) { m_prefetching.remove(token); });
    connect(azure(), &AzureHubClient::twinReceived, this,
            [this](const QString &id) { m_prefetching.remove(id); });
    connect(azure(), &AzureHubClient::requestFailed, this,
            [this](const QString &id) { m_prefetching.remove(id); });
}

void FleetSession::prefetchShadows()
{
    // A few gets at a time: the replies pass through the registry like any shadow traffic, so each device's
    // row learns whether its shadow is in sync without waiting for the device to change something.
    if (m_client->state() != MqttClient::State::Connected)
        return;
    while (m_prefetching.size() < MaxPrefetchInFlight && !m_prefetchQueue.isEmpty()) {
        const QString device = m_prefetchQueue.takeFirst();
        // An Azure device has a twin instead; its answer reaches the registry the same way.
        if (isAzureDevice(device)) {
            if (const QString id = azure()->getTwin(device); !id.isEmpty())
                m_prefetching.insert(id);
            continue;
        }
        const QString token = shadows()->get(device);
        if (!token.isEmpty())
            m_prefetching.insert(token);
    }
    if (m_prefetchQueue.isEmpty())
        m_prefetchTimer.stop();
}

FleetSession::~FleetSession() = default;

void FleetSession::setCatalog(const CommandCatalog &catalog)
{
    m_services->setCatalog(catalog);
    m_registry->setDialects(tracker()->responseRoutes(), tracker()->responseFilters());
    subscribeRegistry();
    Q_EMIT catalogChanged();
}

bool FleetSession::setDeviceTopics(const QString &presenceTemplate, const QString &telemetryTemplate,
                                   QString *error)
{
    const QString presence = m_registry->presenceTemplate();
    if (!m_registry->setPresenceTemplate(presenceTemplate, error))
        return false;
    if (!m_registry->setTelemetryTemplate(telemetryTemplate, error)) {
        m_registry->setPresenceTemplate(presence);
        return false;
    }
    subscribeRegistry();
    return true;
}

void FleetSession::subscribeRegistry()
{
    // Kept by the client across reconnects; a filter no longer used stays (its messages are not read).
    for (const QString &filter : m_registry->subscriptionFilters()) {
        if (!m_registryFilters.contains(filter)) {
            m_registryFilters.insert(filter);
            m_client->subscribe(filter, 1);
        }
    }
}

const CommandCatalog &FleetSession::catalog() const
{
    return m_services->catalog();
}

bool FleetSession::open(const QString &ledgerPath, QString *error)
{
    const QString path = ledgerPath.isEmpty() ? CommandLedger::defaultPath() : ledgerPath;
    if (!m_ledger->open(path)) {
        if (error)
            *error = m_ledger->errorString();
        return false;
    }
    return m_services->open(m_ledger.get(), OperatorServices::Resume::all(), error);
}

bool FleetSession::connectToBroker(const BrokerProfile &profile, const QString &password)
{
    m_client->setProfile(profile);
    m_client->setPassword(password);
    m_client->setAutoReconnect(true);
    m_services->setActor(profile.username);
    if (!m_client->connectToBroker())
        return false;
    m_traffic->setConnection(profile, password);
    return true;
}

void FleetSession::disconnectFromBroker()
{
    m_traffic->disconnectFromBroker();
    m_client->disconnectFromBroker();
}

QString FleetSession::identity() const
{
    return m_client->profile().username;
}

int FleetSession::pendingCommands() const
{
    return m_pending;
}

void FleetSession::onConnected()
{
    // The queue needs the broker's word on who we are: it starts with the first connection.
    if (m_services->approvalsStarted())
        return;
    QString problem;
    if (!m_services->startApprovals(&problem))
        Q_EMIT warning(problem);
}

void FleetSession::onMessage(const MqttMessage &message)
{
    m_rateMeter.add();
    m_registry->ingest(message);
    m_shadowNames->ingest(message);
}

void FleetSession::onDevicesAdded(int first, int last)
{
    // Large fleets are left to what their traffic tells: a get per device would be a burst of its own.
    if (m_shadowPrefetch && m_registry->count() <= MaxPrefetchDevices) {
        for (int row = first; row <= last; ++row)
            m_prefetchQueue.append(m_registry->deviceAt(row).id);
        if (!m_prefetchTimer.isActive())
            m_prefetchTimer.start();
    }
    QList<int> rows;
    for (int row = first; row <= last; ++row)
        rows.append(row);
    onDevicesChanged(rows);
}

void FleetSession::onDevicesChanged(const QList<int> &rows)
{
    // Presence feeds the tracker's offline policy: commands for an offline device are held (or fail fast).
    for (const int row : rows) {
        const Device::Connectivity c = m_registry->connectivityAt(row);
        if (c == Device::Connectivity::Unknown)
            continue;
        const QString id = m_registry->deviceAt(row).id;
        tracker()->setDeviceOnline(id, c == Device::Connectivity::Online);
    }
}

void FleetSession::onExecutionChanged(const QString &id)
{
    const std::optional<CommandExecution> e = tracker()->execution(id);
    if (!e)
        return;
    // Pending commands per device, counted as executions enter and leave "unfinished" (a recount per change
    // would be quadratic in a 10,000-device broadcast).
    const bool pending = !e->isFinal();
    if (pending == m_pendingIds.contains(id))
        return;
    int &forDevice = m_pendingPerDevice[e->device];
    if (pending) {
        m_pendingIds.insert(id, e->device);
        ++forDevice;
        ++m_pending;
    } else {
        m_pendingIds.remove(id);
        --forDevice;
        --m_pending;
    }
    m_registry->setPendingCommands(e->device, forDevice);
    if (forDevice == 0)
        m_pendingPerDevice.remove(e->device);
    Q_EMIT pendingCommandsChanged(m_pending);
}

void FleetSession::tick()
{
    // Smoothed: fleets report in bursts, and a plain count per second jumped between 0 and 50.
    const double rate = m_rateMeter.sample();
    if (rate != m_rate) {
        m_rate = rate;
        Q_EMIT messageRateChanged(rate);
    }
}

bool FleetSession::isAzureDevice(const QString &id) const
{
    return catalog().isAzureDevice(id);
}

} // namespace fleet
