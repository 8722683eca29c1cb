#include "simdevice.h"

#include "common/json.h"

#include "shadow/shadowtopic.h"
#include "simdeviceutil.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

// SimDevice's lifecycle, connection (with its faults), presence and telemetry. Its commands are in
// simdevicecommands.cpp, its shadows in simdeviceshadow.cpp, an Azure device's protocol in
// simdeviceazure.cpp.

using namespace Qt::StringLiterals;

namespace fleet::sim {

Q_LOGGING_CATEGORY(lcSimDevice, "fleet.sim.device", QtInfoMsg)

namespace {

// A persistent session outlives offline periods and reboots, so the broker keeps the QoS 1 commands sent
// meanwhile; an hour covers any fault the configuration can describe.
constexpr quint32 SessionExpirySeconds = 3600;
constexpr int ReconnectMinMs = 250;
constexpr int ReconnectMaxMs = 5000;

constexpr auto Offline = "offline";
constexpr auto Online = "online";

// The delays of every device of a thread (reply latencies, heartbeats, reboots, offline periods) in one
// heap behind one timer. A QTimer::singleShot per delay would cost O(n) twice over n registered timers (Qt
// keeps them in a sorted list; a fleet has two or three per device) and once more as a child of the event
// dispatcher: a group command to a few thousand devices then spent most of its time there, and under load
// each new timer made every other one slower until the simulator fell behind for good.
class DelayQueue final : public QObject
{
public:
    // Null before the thread has an event dispatcher; then SimDevice falls back to QTimer::singleShot.
    static DelayQueue *forThisThread()
    {
        // Owned by the dispatcher, as Qt's own single-shot timers are, so it ends with the thread's event
        // loop; the QPointer notices.
        thread_local QPointer<DelayQueue> queue;
        if (!queue) {
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            if (!dispatcher)
                return nullptr;
            queue = new DelayQueue(dispatcher);
        }
        return queue;
    }

    void schedule(qint64 due, QObject *context, std::function<void()> action)
    {
        m_entries.push_back(Entry{due, m_nextSequence++, context, std::move(action)});
        std::push_heap(m_entries.begin(), m_entries.end(), later);
        if (!m_timer.isActive() || due < m_armedFor)
            arm();
    }

private:
    struct Entry
    {
        qint64 due;
        quint64 sequence; // first scheduled, first run among equal times
        QPointer<QObject> context;
        std::function<void()> action;
    };

    explicit DelayQueue(QObject *parent)
        : QObject(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &DelayQueue::run);
    }

    static bool later(const Entry &a, const Entry &b)
    {
        return a.due != b.due ? a.due > b.due : a.sequence > b.sequence;
    }

    void run()
    {
        const qint64 now = nowMs();
        // Only what was scheduled before this run: an action that schedules itself again at once waits for
        // the next turn of the event loop instead of holding this one.
        const quint64 end = m_nextSequence;
        std::vector<Entry> deferred;
        while (!m_entries.empty() && m_entries.front().due <= now) {
            std::pop_heap(m_entries.begin(), m_entries.end(), later);
            Entry entry = std::move(m_entries.back());
            m_entries.pop_back();
            if (entry.sequence >= end) {
                deferred.push_back(std::move(entry));
                continue;
            }
            if (entry.context) // a device deleted meanwhile has nothing left to do
                entry.action();
        }
        for (Entry &entry : deferred) {
            m_entries.push_back(std::move(entry));
            std::push_heap(m_entries.begin(), m_entries.end(), later);
        }
        arm();
    }

    void arm()
    {
        if (m_entries.empty()) {
            m_timer.stop();
            return;
        }
        m_armedFor = m_entries.front().due;
        m_timer.start(int(std::clamp<qint64>(m_armedFor - nowMs(), 0, std::numeric_limits<int>::max())));
    }

    std::vector<Entry> m_entries; // a min-heap on (due, sequence)
    quint64 m_nextSequence = 0;
    qint64 m_armedFor = 0;
    QTimer m_timer;
};

} // namespace

SimDevice::SimDevice(int n, const SimConfig &config, const BrokerProfile &broker, ExecutionLog *log,
                     QObject *parent)
    : QObject(parent)
    , m_n(n)
    , m_kind(config.kindOf(n))
    , m_id(config.deviceId(n))
    , m_group(config.groupOf(n))
    , m_config(config)
    , m_log(log)
    , m_client(new MqttClient(this))
    , m_random(config.seed * 1000003u + quint64(n))
    , m_faults(config, m_random)
{
    // The traits first, in a fixed order and always all three, so that a device keeps its traits when
    // another share changes. Text mode is the ordinary kind's: the others speak one dialect each.
    m_textMode = m_random.uniform() < config.textModeShare && m_kind == SimConfig::Kind::Atlas;
    m_slowLink = m_random.uniform() < config.slowLinkShare;
    m_flakyLink = m_random.uniform() < config.flakyLinkShare;
    m_battery = float(60 + 40 * m_random.uniform());
    m_telemetryIntervalMs = config.telemetryIntervalMs;

    const bool azure = m_kind == SimConfig::Kind::Azure;
    BrokerProfile profile = broker;
    profile.clientId = m_id;
    profile.cleanStart = false;
    profile.keepAliveSeconds = config.keepAliveSeconds;
    if (azure) {
        // As Microsoft's SDK connects: MQTT 3.1.1, whose persistent session never expires. The user name and
        // the password come with the key (setAzureKey()); the broker's plugin says when it comes and goes.
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        profile.sessionExpirySeconds = 0;
    } else {
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        profile.sessionExpirySeconds = SessionExpirySeconds;
        m_client->setWill(MqttMessage(topic(config.presenceTopic), QByteArray(Offline), 1, true));
    }
    m_client->setProfile(profile);
    m_client->setAutoReconnect(!azure);
    m_client->setReconnectDelays(ReconnectMinMs, ReconnectMaxMs);

    connect(m_client, &MqttClient::stateChanged, this, &SimDevice::onStateChanged);
    connect(m_client, &MqttClient::connected, this, &SimDevice::onConnected);
    connect(m_client, &MqttClient::messageReceived, this, &SimDevice::onMessage);
    connect(m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        // Debug only: with thousands of devices, a broker restart would otherwise flood the log. A device
        // that gives up for good says so at warning level (onStateChanged()).
        qCDebug(lcSimDevice).noquote() << m_id << message;
    });

    switch (m_kind) {
    case SimConfig::Kind::Atlas:
    case SimConfig::Kind::Sample:
        m_requestTopic = topic(config.commandRequestTopic);
        m_responseTopic = topic(config.commandResponseTopic);
        break;
    case SimConfig::Kind::Design:
        m_requestTopic = topic(QLatin1StringView(SimConfig::DesignRequestTopic));
        m_responseTopic = topic(QLatin1StringView(SimConfig::DesignResponseTopic));
        break;
    case SimConfig::Kind::Thing:
    case SimConfig::Kind::Azure:
        break;
    }

    // The client keeps its subscriptions and sends them again at every connect.
    QStringList filters = {ShadowTopic::prefix(m_id) + u"/update/delta"_s,
                           ShadowTopic::prefix(m_id, u"config"_s) + u"/update/delta"_s};
    if (azure)
        filters = azureFilters(m_id);
    if (!m_requestTopic.isEmpty())
        filters.prepend(m_requestTopic);
    if (m_kind == SimConfig::Kind::Atlas)
        filters.insert(1, topic(config.groupRequestTopic));
    if (m_kind == SimConfig::Kind::Sample)
        filters.insert(1, QLatin1StringView(SimConfig::BroadcastRequestTopic));
    if (m_kind == SimConfig::Kind::Atlas || m_kind == SimConfig::Kind::Thing)
        filters.append(awsRequestFilter());
    for (const QString &filter : std::as_const(filters)) {
        if (!m_client->subscribe(filter, 1))
            qCWarning(lcSimDevice).noquote()
                << tr("%1 cannot subscribe to \"%2\": %3").arg(m_id, filter, m_client->errorString());
    }

    connect(&m_telemetryTimer, &QTimer::timeout, this, &SimDevice::publishTelemetry);
    m_faultTimer.setSingleShot(true);
    connect(&m_faultTimer, &QTimer::timeout, this, &SimDevice::onFaultTimer);
}

SimDevice::~SimDevice()
{
    // The client is a child and dies after this object; nothing it emits on its way out may reach us.
    QObject::disconnect(m_client, nullptr, this, nullptr);
}

void SimDevice::after(int ms, std::function<void()> action)
{
    ms = std::max(0, ms);
    if (DelayQueue *queue = DelayQueue::forThisThread())
        queue->schedule(nowMs() + ms, this, std::move(action));
    else
        QTimer::singleShot(ms, Qt::PreciseTimer, this, std::move(action));
}

QString SimDevice::topic(const QString &pattern) const
{
    return SimConfig::expand(pattern, m_id, m_group);
}

void SimDevice::start()
{
    m_started = true;
    m_stopping = false;
    m_rebooting = false;
    m_offlinePeriod = false;
    m_client->setAutoReconnect(m_kind != SimConfig::Kind::Azure);
    setTelemetryInterval(m_telemetryIntervalMs);
    m_faults.start(nowMs(), m_flakyLink);
    armFaultTimer();
    connectNow();
}

void SimDevice::connectNow()
{
    if (m_kind == SimConfig::Kind::Azure && !refreshAzureToken())
        return;
    if (!m_client->connectToBroker())
        qCWarning(lcSimDevice).noquote() << tr("%1 cannot connect: %2").arg(m_id, m_client->errorString());
}

void SimDevice::scheduleReconnect()
{
    if (m_reconnectPending)
        return;
    m_reconnectPending = true;
    // The client's own back-off, jitter included, so that a fleet does not come back in lockstep after a
    // broker restart. The jitter is not the device's generator's: network timing must not shift its draws.
    const int exponent = std::min(m_reconnectAttempts++, 10);
    const int ceiling = std::min(ReconnectMaxMs, ReconnectMinMs << exponent);
    const int delay = ceiling / 2 + int(QRandomGenerator::global()->bounded(ceiling / 2 + 1));
    after(delay, [this] {
        m_reconnectPending = false;
        if (!m_stopping && !m_rebooting && !m_offlinePeriod &&
            m_client->state() == MqttClient::State::Disconnected)
            connectNow();
    });
}

void SimDevice::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_outbox.clear();
    m_telemetryTimer.stop();
    m_faultTimer.stop();
    if (m_kind != SimConfig::Kind::Azure)
        publish(topic(m_config.presenceTopic), QByteArray(Offline), 1, true);
    // The DISCONNECT that follows discards the Will, so "offline" is said once.
    disconnectWhenAcknowledged(0, true, [this] { Q_EMIT stopped(); });
}

void SimDevice::onStateChanged(MqttClient::State state)
{
    const bool online = state == MqttClient::State::Connected;
    if (online != m_online) {
        m_online = online;
        Q_EMIT onlineChanged(online);
    }
    if (state == MqttClient::State::Disconnected && m_started && !m_stopping && !m_rebooting &&
        !m_offlinePeriod) {
        if (m_kind == SimConfig::Kind::Azure) {
            // Every loss ends here, as the device reconnects by itself. A refused token is worth a word
            // once: the next attempt signs a new one, and a wrong key keeps failing.
            const MqttClient::Error error = m_client->error();
            if (m_reconnectAttempts == 0 && (error == MqttClient::Error::NotAuthorized ||
                                             error == MqttClient::Error::BadUsernameOrPassword))
                qCWarning(lcSimDevice).noquote()
                    << tr("%1 was refused (%2); trying again with a new SAS token.")
                           .arg(m_id, m_client->errorString());
            scheduleReconnect();
            return;
        }
        // Only errors that retrying cannot fix (credentials, TLS, a refused client id) end here.
        qCWarning(lcSimDevice).noquote()
            << tr("%1 stopped connecting: %2").arg(m_id, m_client->errorString());
    }
}

void SimDevice::onConnected()
{
    m_reconnectAttempts = 0;
    if (m_kind == SimConfig::Kind::Azure)
        return onAzureConnected();
    publish(topic(m_config.presenceTopic), QByteArray(Online), 1, true);
    if (!m_reportedInitialState) {
        m_reportedInitialState = true;
        m_reportPending[0] = m_reportPending[1] = true;
    }
    // Whatever changed while offline (a button press, a command whose report was lost) is reported whole.
    if (m_reportPending[0]) {
        m_reportPending[0] = false;
        reportShadow(false, classicState());
    }
    if (m_reportPending[1]) {
        m_reportPending[1] = false;
        reportShadow(true, configState());
    }
    const QList<MqttMessage> outbox = std::exchange(m_outbox, {});
    for (const MqttMessage &message : outbox)
        publish(message);
}

void SimDevice::onMessage(const MqttMessage &message)
{
    if (m_kind == SimConfig::Kind::Azure)
        return handleAzureMessage(message);
    const QString &t = message.topic();
    if (t == m_requestTopic) {
        if (m_kind == SimConfig::Kind::Sample)
            handleSampleCommand(message, false);
        else
            handleCommand(message, false);
    } else if (m_kind == SimConfig::Kind::Atlas && t == topic(m_config.groupRequestTopic)) {
        handleCommand(message, true);
    } else if (m_kind == SimConfig::Kind::Sample &&
               t == QLatin1StringView(SimConfig::BroadcastRequestTopic)) {
        handleSampleCommand(message, true);
    } else if (t == ShadowTopic::prefix(m_id) + u"/update/delta"_s) {
        handleDelta(message, false);
    } else if (t == ShadowTopic::prefix(m_id, u"config"_s) + u"/update/delta"_s) {
        handleDelta(message, true);
    } else if ((m_kind == SimConfig::Kind::Atlas || m_kind == SimConfig::Kind::Thing) &&
               t.startsWith(u"$aws/commands/things/"_s)) {
        handleAwsCommand(message);
    }
}

// Connection faults.

void SimDevice::reboot()
{
    if (m_stopping)
        return;
    m_rebooting = true;
    // A reboot is orderly: "offline" said, then a clean DISCONNECT (so no Will); the session stays.
    if (m_kind != SimConfig::Kind::Azure)
        publish(topic(m_config.presenceTopic), QByteArray(Offline), 1, true);
    disconnectWhenAcknowledged(0, false, [this] {
        after(m_config.rebootOfflineMs, [this] {
            m_rebooting = false;
            comeBack();
        });
    });
}

void SimDevice::disconnectWhenAcknowledged(int waitedMs, bool stopping, std::function<void()> then)
{
    // Disconnecting while the broker's PUBACKs are on their way would close the socket with unread data, so
    // the kernel would send a reset, and the broker, dropping what it had not read yet, the DISCONNECT with
    // it, would publish the Will. Waiting (briefly) for the acknowledgements leaves nothing unread.
    constexpr int PollMs = 5;
    constexpr int PatienceMs = 1000;
    if (m_stopping && !stopping)
        return; // a reboot overtaken by stop(), which disconnects by itself
    if (m_client->state() == MqttClient::State::Connected && m_client->inFlightCount() > 0 &&
        waitedMs < PatienceMs) {
        after(PollMs, [this, waitedMs, stopping, then = std::move(then)]() mutable {
            disconnectWhenAcknowledged(waitedMs + PollMs, stopping, std::move(then));
        });
        return;
    }
    m_client->disconnectFromBroker();
    then();
}

void SimDevice::goOffline(int forMs)
{
    if (m_client->state() != MqttClient::State::Connected || m_stopping || m_rebooting || m_offlinePeriod)
        return;
    m_offlinePeriod = true;
    // Cut, not closed: the broker publishes the Will, as it would for a device that lost power.
    m_client->setAutoReconnect(false);
    m_client->abortConnection();
    after(forMs, [this] {
        m_offlinePeriod = false;
        comeBack();
    });
}

void SimDevice::comeBack()
{
    // A reboot during an offline period (or the reverse) ends with the later of the two.
    if (m_stopping || m_rebooting || m_offlinePeriod)
        return;
    m_client->setAutoReconnect(m_kind != SimConfig::Kind::Azure);
    // Still Connected only when the cut has not been noticed yet: the client will reconnect when it is.
    if (m_client->state() == MqttClient::State::Disconnected)
        connectNow();
}

void SimDevice::dropLink()
{
    // A flaky link: the connection drops and the client's automatic reconnect brings it back.
    if (m_client->state() == MqttClient::State::Connected && !m_rebooting && !m_offlinePeriod)
        m_client->abortConnection();
}

void SimDevice::onFaultTimer()
{
    if (m_stopping)
        return;
    const qint64 now = nowMs();
    if (m_faults.takeDue(FaultInjector::Event::Offline, now))
        goOffline(m_config.offlineForMs);
    if (m_faults.takeDue(FaultInjector::Event::FlakyDrop, now))
        dropLink();
    if (m_faults.takeDue(FaultInjector::Event::ButtonPress, now))
        pressButton();
    armFaultTimer();
}

void SimDevice::armFaultTimer()
{
    // One timer for three kinds of event: a QTimer per device and kind would cost 10,000 devices megabytes.
    const qint64 next = m_faults.nextDeadline();
    if (!next || m_stopping) {
        m_faultTimer.stop();
        return;
    }
    m_faultTimer.start(int(std::clamp<qint64>(next - nowMs(), 0, std::numeric_limits<int>::max())));
}

void SimDevice::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    publish(MqttMessage(topic, payload, qos, retain));
}

void SimDevice::publish(const MqttMessage &message)
{
    // Offline, telemetry, heartbeats and logs are lost, as from a device's volatile memory; final replies
    // wait in the outbox (sendOrKeep()) and shadow reports are made again on connect (reportShadow()).
    if (m_client->state() != MqttClient::State::Connected)
        return;
    if (m_client->publish(message) < 0)
        qCDebug(lcSimDevice).noquote() << m_id << m_client->errorString();
}

// Telemetry.

void SimDevice::setTelemetryInterval(int ms)
{
    m_telemetryIntervalMs = ms;
    if (ms > 0 && m_started && !m_stopping)
        m_telemetryTimer.start(ms);
    else
        m_telemetryTimer.stop();
}

void SimDevice::publishTelemetry()
{
    if (m_client->state() != MqttClient::State::Connected)
        return;
    // Drains slowly and is "recharged" when low, so that a long run shows both.
    m_battery = m_battery < 5 ? 100.0f : m_battery - 0.01f;
    Json sample = Json::object();
    sample["ts"] = QDateTime::currentMSecsSinceEpoch();
    sample["temperature"] = oneDecimal(18 + 8 * m_random.uniform());
    sample["humidity"] = oneDecimal(35 + 30 * m_random.uniform());
    sample["battery"] = oneDecimal(m_battery);
    if (m_kind == SimConfig::Kind::Azure)
        publishDeviceToCloud(compactJsonBytes(sample), u"telemetry"_s, u"application/json"_s);
    else
        publish(topic(m_config.telemetryTopic), compactJsonBytes(sample), 0);
}

} // namespace fleet::sim
