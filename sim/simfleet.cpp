#include "simfleet.h"

#include "common/json.h"
#include "dialects/azureconnectionstring.h"
#include "simdevice.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

namespace fleet::sim {

namespace {

Q_LOGGING_CATEGORY(lcSimFleet, "fleet.sim.fleet", QtInfoMsg)

// How often the start-up pacing looks at the clock. Each tick starts as many devices as the rate allows by
// then, so a late tick (the event loop busy with CONNACKs) catches up instead of slowing the ramp.
constexpr int StartTickMs = 10;

} // namespace

SimFleet::SimFleet(const SimConfig &config, const BrokerProfile &broker, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_broker(broker)
{
    m_startTimer.setInterval(StartTickMs);
    connect(&m_startTimer, &QTimer::timeout, this, &SimFleet::startNext);
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcSimFleet).noquote() << tr("%1 of %2 devices did not stop in time; stopping without them.")
                                               .arg(deviceCount() - m_stoppedCount)
                                               .arg(deviceCount());
        finishStop();
    });
}

SimFleet::~SimFleet()
{
    m_startTimer.stop();
    m_stopTimer.stop();
    // Before the members go: the devices hold references to m_config and m_log, and QObject would delete
    // its children only after them.
    qDeleteAll(m_devices);
    m_devices.clear();
}

SimDevice *SimFleet::device(int n) const
{
    return n >= 1 && n <= deviceCount() ? m_devices[std::size_t(n - 1)] : nullptr;
}

bool SimFleet::start(QString *error)
{
    if (!m_devices.empty() || m_stopping || m_stopped) {
        *error = tr("The fleet was started already.");
        return false;
    }
    if (const QString problem = m_config.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    // Checked before anything starts: a device without an account or key would only ever be refused.
    for (int n = 1; n <= m_config.devices; ++n) {
        const QString id = m_config.deviceId(n);
        if (m_config.kindOf(n) == SimConfig::Kind::Azure) {
            if (m_azureKeys.isEmpty()) {
                *error = tr("Azure device %1 has no key: Azure devices take theirs from the accounts file "
                            "that `fleet-hub provision --azure-devices` writes (--accounts).")
                             .arg(id);
                return false;
            }
            if (!m_azureKeys.contains(id)) {
                *error = tr("Azure device %1 has no key in the accounts file.").arg(id);
                return false;
            }
        } else if ((m_accountsRequired || !m_accounts.isEmpty()) && !m_accounts.contains(id)) {
            *error = tr("Device %1 has no account in the accounts file.").arg(id);
            return false;
        }
    }
    if (!m_config.executionLogPath.isEmpty() && !m_log.open(m_config.executionLogPath, error))
        return false;
    ExecutionLog *log = m_log.isOpen() ? &m_log : nullptr;

    m_devices.reserve(std::size_t(m_config.devices));
    for (int n = 1; n <= m_config.devices; ++n) {
        SimDevice *device = nullptr;
        if (m_config.kindOf(n) == SimConfig::Kind::Azure) {
            device = new SimDevice(n, m_config, m_broker, log, this);
            device->setAzureKey(m_azureHostName, m_azureKeys.value(m_config.deviceId(n)));
        } else if (m_accounts.isEmpty()) {
            device = new SimDevice(n, m_config, m_broker, log, this);
            if (!m_password.isEmpty())
                device->setPassword(m_password);
        } else {
            // The device copies the profile, so one temporary per device is enough.
            BrokerProfile own = m_broker;
            own.username = m_config.deviceId(n);
            device = new SimDevice(n, m_config, own, log, this);
            device->setPassword(m_accounts.value(own.username));
        }
        m_devices.push_back(device);
        // Each connection's lambda keeps its device's state, so a repeated signal cannot skew the counts.
        connect(device, &SimDevice::onlineChanged, this,
                [this, online = false, everOnline = false](bool nowOnline) mutable {
                    if (nowOnline == online)
                        return;
                    online = nowOnline;
                    m_online += online ? 1 : -1;
                    Q_EMIT onlineCountChanged(m_online);
                    if (online && !everOnline) {
                        everOnline = true;
                        if (++m_everOnline == deviceCount() && !m_stopping)
                            Q_EMIT allOnline();
                    }
                });
        connect(device, &SimDevice::stopped, this, [this, counted = false]() mutable {
            if (!m_stopping || counted)
                return;
            counted = true;
            onDeviceStopped();
        });
    }

    m_startClock.start();
    m_startTimer.start();
    // The first batch from the event loop: start() returns before any device does anything.
    QTimer::singleShot(0, this, &SimFleet::startNext);
    return true;
}

void SimFleet::setDeviceAccounts(const QHash<QString, QString> &passwords)
{
    m_accounts = passwords;
    m_accountsRequired = !passwords.isEmpty();
}

void SimFleet::setDeviceCredentials(const Credentials &credentials)
{
    m_accounts = credentials.passwords;
    m_accountsRequired = true;
    m_azureKeys = credentials.azureKeys;
    m_azureHostName = credentials.azureHostName;
}

std::optional<QHash<QString, QString>> SimFleet::readDeviceAccounts(const QString &path, QString *error)
{
    std::optional<Credentials> credentials = readCredentials(path, error);
    if (!credentials)
        return std::nullopt;
    if (credentials->passwords.isEmpty()) {
        *error = tr("%1: no device accounts in it.").arg(path);
        return std::nullopt;
    }
    return std::move(credentials->passwords);
}

std::optional<SimFleet::Credentials> SimFleet::readCredentials(const QString &path, QString *error)
{
    // 100,000 devices take about 10 MB in provisioning's output; anything far larger is not such a file.
    constexpr qint64 MaxBytes = 64 * 1024 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read \"%1\": %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (bytes.size() > MaxBytes) {
        *error = tr("%1: larger than %2 bytes.").arg(path).arg(MaxBytes);
        return std::nullopt;
    }
    const Json document = Json::parse(bytes.cbegin(), bytes.cend(), nullptr, false);
    const Json *accounts = jsonMember(document, "accounts");
    const Json *azure = jsonMember(document, "azureDevices");
    if ((!accounts || !accounts->is_array()) && (!azure || !azure->is_array())) {
        *error = tr("%1: expected a JSON object with an \"accounts\" array, as `fleet-hub provision` writes.")
                     .arg(path);
        return std::nullopt;
    }
    Credentials credentials;
    QHash<QString, QString> &passwords = credentials.passwords;
    static const Json none = Json::array();
    for (const Json &account : accounts && accounts->is_array() ? *accounts : none) {
        const Json *name = jsonMember(account, "name");
        const Json *password = jsonMember(account, "password");
        const Json *roles = jsonMember(account, "roles");
        if (!name || !name->is_string() || !password || !password->is_string())
            continue;
        if (roles &&
            !(roles->is_array() && std::find(roles->begin(), roles->end(), "device") != roles->end()))
            continue;
        passwords.insert(QString::fromStdString(name->get<std::string>()),
                         QString::fromStdString(password->get<std::string>()));
    }

    if (azure && azure->is_array()) {
        const Json *host = jsonMember(document, "azureHostName");
        if (host && host->is_string())
            credentials.azureHostName = QString::fromStdString(host->get<std::string>());
        for (const Json &device : *azure) {
            const Json *id = jsonMember(device, "deviceId");
            const Json *key = jsonMember(device, "primaryKey");
            if (!id || !id->is_string())
                continue;
            const QString deviceId = QString::fromStdString(id->get<std::string>());
            QString base64Key =
                key && key->is_string() ? QString::fromStdString(key->get<std::string>()) : QString();
            // A file that gives connection strings only: their key, and their host when none is given.
            if (const Json *text = jsonMember(device, "connectionString"); text && text->is_string()) {
                QString why;
                const std::optional<AzureConnectionString> parsed =
                    AzureConnectionString::parse(QString::fromStdString(text->get<std::string>()), &why);
                if (!parsed || parsed->deviceId() != deviceId) {
                    *error =
                        tr("%1: the connection string of Azure device %2 is not its own: %3")
                            .arg(path, deviceId, parsed ? tr("it names %1.").arg(parsed->deviceId()) : why);
                    return std::nullopt;
                }
                if (base64Key.isEmpty())
                    base64Key = parsed->sharedAccessKey();
                if (credentials.azureHostName.isEmpty())
                    credentials.azureHostName = parsed->hostName();
            }
            if (!base64Key.isEmpty())
                credentials.azureKeys.insert(deviceId, base64Key.toLatin1());
        }
        if (!credentials.azureKeys.isEmpty() && credentials.azureHostName.isEmpty()) {
            *error = tr("%1: Azure devices, but no \"azureHostName\" for their tokens.").arg(path);
            return std::nullopt;
        }
    }
    if (passwords.isEmpty() && credentials.azureKeys.isEmpty()) {
        *error = tr("%1: no device accounts or Azure devices in it.").arg(path);
        return std::nullopt;
    }
    return credentials;
}

void SimFleet::startNext()
{
    if (m_stopping || m_stopped)
        return;
    const qint64 allowed =
        std::max<qint64>(1, (m_startClock.elapsed() + StartTickMs) * m_config.connectsPerSecond / 1000);
    const int target = int(std::min<qint64>(allowed, deviceCount()));
    while (m_started < target && !m_stopping)
        m_devices[std::size_t(m_started++)]->start();
    if (m_started == deviceCount())
        m_startTimer.stop();
}

void SimFleet::stop()
{
    if (m_stopping || m_stopped)
        return;
    m_stopping = true;
    m_startTimer.stop();
    // Devices never started have nothing to say goodbye to.
    m_stoppedCount = deviceCount() - m_started;
    if (m_stoppedCount == deviceCount()) {
        QMetaObject::invokeMethod(this, &SimFleet::finishStop, Qt::QueuedConnection);
        return;
    }
    m_stopTimer.start(5000 + deviceCount() / 2);
    // By index, not range: a device may stop at once, and a slot connected to stopped() may do anything.
    for (int i = 0; i < m_started; ++i)
        m_devices[std::size_t(i)]->stop();
}

void SimFleet::onDeviceStopped()
{
    if (++m_stoppedCount == deviceCount())
        // Queued: the last device may be reporting from inside stop()'s loop.
        QMetaObject::invokeMethod(this, &SimFleet::finishStop, Qt::QueuedConnection);
}

void SimFleet::finishStop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_stopTimer.stop();
    Q_EMIT stopped();
}

} // namespace fleet::sim
