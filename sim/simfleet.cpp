#include "simfleet.h"

#include "common/json.h"
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
    if (!m_accounts.isEmpty()) {
        // Checked before anything starts: a device without an account would only ever be refused.
        for (int n = 1; n <= m_config.devices; ++n) {
            if (!m_accounts.contains(m_config.deviceId(n))) {
                *error = tr("Device %1 has no account in the accounts file.").arg(m_config.deviceId(n));
                return false;
            }
        }
    }
    if (!m_config.executionLogPath.isEmpty() && !m_log.open(m_config.executionLogPath, error))
        return false;
    ExecutionLog *log = m_log.isOpen() ? &m_log : nullptr;

    m_devices.reserve(std::size_t(m_config.devices));
    for (int n = 1; n <= m_config.devices; ++n) {
        SimDevice *device = nullptr;
        if (m_accounts.isEmpty()) {
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

std::optional<QHash<QString, QString>> SimFleet::readDeviceAccounts(const QString &path, QString *error)
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
    if (!accounts || !accounts->is_array()) {
        *error = tr("%1: expected a JSON object with an \"accounts\" array, as `fleet-hub provision` writes.")
                     .arg(path);
        return std::nullopt;
    }
    QHash<QString, QString> passwords;
    for (const Json &account : *accounts) {
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
    if (passwords.isEmpty()) {
        *error = tr("%1: no device accounts in it.").arg(path);
        return std::nullopt;
    }
    return passwords;
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
