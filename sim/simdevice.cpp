#include "simdevice.h"

#include "common/json.h"

#include "executionlog.h"
#include "shadow/shadowtopic.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet::sim {

namespace {

Q_LOGGING_CATEGORY(lcSimDevice, "fleet.sim.device", QtInfoMsg)

enum Command : quint8 {
    Reboot,
    SetLed,
    SetTelemetryInterval,
    UploadLog,
    MotorOn,
    MotorOff,
    SetPosition,
    CommandCount,
};

constexpr std::array<const char *, CommandCount> CommandNames = {
    "reboot", "set_led", "set_telemetry_interval", "upload_log", "motor_on", "motor_off", "set_position",
};

// A persistent session outlives offline periods and reboots, so the broker keeps the QoS 1 commands sent
// meanwhile; an hour covers any fault the configuration can describe.
constexpr quint32 SessionExpirySeconds = 3600;
constexpr int ReconnectMinMs = 250;
constexpr int ReconnectMaxMs = 5000;

// Bounds on what a request may make a device keep: tids are remembered by the hundred per device and the
// colour is state, so neither may be arbitrarily long.
constexpr qsizetype MaxRequestBytes = 64 * 1024;
constexpr qsizetype MaxTidBytes = 128;
constexpr qsizetype MaxColorChars = 64;
constexpr qsizetype MaxQuotedChars = 64; // of an unknown command's name in a reason

constexpr qsizetype MaxOutbox = 16; // final replies kept while offline

constexpr int MinTelemetryMs = 100;
constexpr int MaxTelemetryMs = 3600000;
constexpr int MaxPosition = 100;

constexpr auto Firmware = "1.0.0";
constexpr auto Offline = "offline";
constexpr auto Online = "online";

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString elided(const std::string &text)
{
    const QString s = QString::fromStdString(text);
    return s.size() <= MaxQuotedChars ? s : s.left(MaxQuotedChars) + QChar(0x2026);
}

// An integral JSON number (1000 and 1000.0 alike), or nothing.
std::optional<qint64> integral(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const auto u = value->get<quint64>();
        return u > quint64(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                               : qint64(u);
    }
    if (value->is_number_integer())
        return value->get<qint64>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9e15)
            return qint64(d);
    }
    return std::nullopt;
}

std::optional<int> inRange(const Json *value, int lo, int hi)
{
    const std::optional<qint64> n = integral(value);
    if (!n || *n < lo || *n > hi)
        return std::nullopt;
    return int(*n);
}

std::optional<QString> color(const Json *value)
{
    if (!value || !value->is_string())
        return std::nullopt;
    const QString c = QString::fromStdString(value->get_ref<const std::string &>());
    if (c.isEmpty() || c.size() > MaxColorChars)
        return std::nullopt;
    return c;
}

// FNV-1a and the splitmix64 finaliser: tids are the requester's, not an adversary's, and 256 of them collide
// with a chance of about 1e-15.
quint64 tidKey(const QByteArray &tid)
{
    quint64 h = 0xCBF29CE484222325ull;
    for (const char c : tid) {
        h ^= quint8(c);
        h *= 0x100000001B3ull;
    }
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

double oneDecimal(double value)
{
    return std::round(value * 10) / 10;
}

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

// splitmix64 (Steele, Lea and Flood).
quint64 SimDevice::Random::next()
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double SimDevice::Random::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

int SimDevice::Random::between(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(qint64(hi) - lo) + 1;
    return int(qint64(lo) + qint64(next() % span));
}

qint64 SimDevice::Random::exponentialMs(int mean)
{
    // Capped at 20 means (the chance of drawing more is 2e-9) and what a QTimer can wait.
    const double wait = -double(mean) * std::log1p(-uniform());
    return qint64(std::clamp(wait, 1.0, std::min(20.0 * mean, double(std::numeric_limits<int>::max()))));
}

SimDevice::SimDevice(int n, const SimConfig &config, const BrokerProfile &broker, ExecutionLog *log,
                     QObject *parent)
    : QObject(parent)
    , m_n(n)
    , m_id(config.deviceId(n))
    , m_group(config.groupOf(n))
    , m_config(config)
    , m_log(log)
    , m_client(new MqttClient(this))
{
    // The traits first, in a fixed order and always all three, so that a device keeps its traits when
    // another share changes.
    m_random.state = config.seed * 1000003u + quint64(n);
    m_textMode = m_random.uniform() < config.textModeShare;
    m_slowLink = m_random.uniform() < config.slowLinkShare;
    m_flakyLink = m_random.uniform() < config.flakyLinkShare;
    m_battery = float(60 + 40 * m_random.uniform());
    m_telemetryIntervalMs = config.telemetryIntervalMs;

    BrokerProfile profile = broker;
    profile.clientId = m_id;
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
    profile.cleanStart = false;
    profile.sessionExpirySeconds = SessionExpirySeconds;
    profile.keepAliveSeconds = config.keepAliveSeconds;
    m_client->setProfile(profile);
    m_client->setWill(MqttMessage(topic(config.presenceTopic), QByteArray(Offline), 1, true));
    m_client->setAutoReconnect(true);
    m_client->setReconnectDelays(ReconnectMinMs, ReconnectMaxMs);

    connect(m_client, &MqttClient::stateChanged, this, &SimDevice::onStateChanged);
    connect(m_client, &MqttClient::connected, this, &SimDevice::onConnected);
    connect(m_client, &MqttClient::messageReceived, this, &SimDevice::onMessage);
    connect(m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        // Debug only: with thousands of devices, a broker restart would otherwise flood the log. A device
        // that gives up for good says so at warning level (onStateChanged()).
        qCDebug(lcSimDevice).noquote() << m_id << message;
    });

    // The client keeps its subscriptions and sends them again at every connect.
    const QStringList filters = {topic(config.commandRequestTopic), topic(config.groupRequestTopic),
                                 ShadowTopic::prefix(m_id) + u"/update/delta"_s,
                                 ShadowTopic::prefix(m_id, u"config"_s) + u"/update/delta"_s};
    for (const QString &filter : filters) {
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

QStringList SimDevice::builtInCommands()
{
    QStringList names;
    for (const char *name : CommandNames)
        names.append(QString::fromLatin1(name));
    return names;
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
    m_client->setAutoReconnect(true);
    setTelemetryInterval(m_telemetryIntervalMs);
    scheduleFaults();
    if (!m_client->connectToBroker())
        qCWarning(lcSimDevice).noquote() << tr("%1 cannot connect: %2").arg(m_id, m_client->errorString());
}

void SimDevice::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_outbox.clear();
    m_telemetryTimer.stop();
    m_faultTimer.stop();
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
        // Only errors that retrying cannot fix (credentials, TLS, a refused client id) end here.
        qCWarning(lcSimDevice).noquote()
            << tr("%1 stopped connecting: %2").arg(m_id, m_client->errorString());
    }
}

void SimDevice::onConnected()
{
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
    const QList<OutboxEntry> outbox = std::exchange(m_outbox, {});
    for (const OutboxEntry &entry : outbox)
        publish(topic(entry.group ? m_config.groupResponseTopic : m_config.commandResponseTopic),
                entry.payload);
}

void SimDevice::onMessage(const MqttMessage &message)
{
    const QString &t = message.topic();
    if (t == topic(m_config.commandRequestTopic))
        handleCommand(message, false);
    else if (t == topic(m_config.groupRequestTopic))
        handleCommand(message, true);
    else if (t == ShadowTopic::prefix(m_id) + u"/update/delta"_s)
        handleDelta(message, false);
    else if (t == ShadowTopic::prefix(m_id, u"config"_s) + u"/update/delta"_s)
        handleDelta(message, true);
}

// Commands.

void SimDevice::handleCommand(const MqttMessage &message, bool group)
{
    // The latency comes before anything else, duplicate detection included: the device is slow to look.
    const int delay = replyDelayMs();
    if (delay <= 0) {
        processCommand(message.payload(), group);
        return;
    }
    after(delay, [this, payload = message.payload(), group] {
        if (!m_stopping)
            processCommand(payload, group);
    });
}

void SimDevice::processCommand(const QByteArray &payload, bool group)
{
    if (payload.size() > MaxRequestBytes)
        return sendFinal(group, {}, -1, true,
                         tr("The request is larger than %1 bytes.").arg(MaxRequestBytes));
    // A reply (ours, when the request and response topics are one) is not answered: that would loop. This is
    // the text dialect's; the JSON one's is recognised by its status below.
    if (payload.startsWith("SUCCESS: ") || payload.startsWith("FAILURE: "))
        return;
    const Json request = Json::parse(payload.cbegin(), payload.cend(), nullptr, /*allow_exceptions=*/false);
    if (request.is_discarded())
        return sendFinal(group, {}, -1, true, tr("The request is not valid JSON."));
    if (!request.is_object())
        return sendFinal(group, {}, -1, true, tr("The request is not a JSON object."));

    QByteArray tid;
    if (const Json *t = jsonMember(request, "tid"); t && !t->is_null()) {
        if (!t->is_string())
            return sendFinal(group, {}, -1, true, tr("\"tid\" must be a string."));
        tid = QByteArray::fromStdString(t->get_ref<const std::string &>());
    }

    if (tid.size() > MaxTidBytes)
        return sendFinal(group, tid, -1, true, tr("\"tid\" is longer than %1 bytes.").arg(MaxTidBytes));
    const Json *status = jsonMember(request, "status");
    if (status && (*status == "RUNNING" || *status == "SUCCESS" || *status == "FAILURE"))
        return;

    // A tid is processed once: whatever a duplicate asks, it gets what the first one got.
    const quint64 key = tidKey(tid);
    if (!tid.isEmpty()) {
        if (const Execution *execution = findExecution(key))
            return answerDuplicate(tid, *execution, group);
    }
    // A request refused for its form is remembered too: a retry of the same tid is the same request.
    const auto reject = [&](int command, const QString &reason) {
        if (!tid.isEmpty())
            remember(Execution{key, 0, quint8(command < 0 ? CommandCount : command), Outcome::Failed},
                     reason);
        sendFinal(group, tid, command, true, reason);
    };

    if (status && *status != "REQUEST")
        return reject(-1, tr("\"status\" must be \"REQUEST\"."));
    const Json *cmd = jsonMember(request, "cmd");
    if (!cmd || !cmd->is_string() || cmd->get_ref<const std::string &>().empty())
        return reject(-1, tr("\"cmd\" must be a non-empty string."));
    const std::string &name = cmd->get_ref<const std::string &>();
    const auto known = std::find_if(CommandNames.begin(), CommandNames.end(),
                                    [&](const char *candidate) { return name == candidate; });
    if (known == CommandNames.end())
        return reject(-1, tr("Unknown command \"%1\".").arg(elided(name)));

    // Parameters in "params", or (as some requesters send them) beside "cmd".
    const Json *params = jsonMember(request, "params");
    if (params && !params->is_null() && !params->is_object())
        return reject(-1, tr("\"params\" must be an object."));
    const auto param = [&](const char *key) -> const Json * {
        if (params && params->is_object()) {
            if (const Json *value = jsonMember(*params, key))
                return value;
        }
        return jsonMember(request, key);
    };

    Run run;
    run.tid = tid;
    run.group = group;
    run.command = quint8(known - CommandNames.begin());
    switch (run.command) {
    case SetLed: {
        const std::optional<QString> c = color(param("color"));
        if (!c)
            return reject(run.command,
                          tr("set_led needs a \"color\" string of 1 to %1 characters.").arg(MaxColorChars));
        run.color = *c;
        break;
    }
    case SetTelemetryInterval: {
        const std::optional<int> ms = inRange(param("ms"), MinTelemetryMs, MaxTelemetryMs);
        if (!ms)
            return reject(run.command, tr("set_telemetry_interval needs \"ms\", an integer from %1 to %2.")
                                           .arg(MinTelemetryMs)
                                           .arg(MaxTelemetryMs));
        run.number = *ms;
        break;
    }
    case SetPosition: {
        const std::optional<int> position = inRange(param("position"), 0, MaxPosition);
        if (!position)
            return reject(run.command,
                          tr("set_position needs \"position\", an integer from 0 to %1.").arg(MaxPosition));
        run.number = *position;
        break;
    }
    default:
        break;
    }
    execute(std::move(run));
}

void SimDevice::execute(Run run)
{
    const QString tid = QString::fromUtf8(run.tid);
    const QString name = QString::fromLatin1(CommandNames[run.command]);
    ++m_executed;
    // Logged before anything can go wrong, so the log proves the command ran even if the process dies next.
    if (m_log)
        m_log->record(m_id, tid, name);

    // All four drawn every time, in this order, so that one rate does not shift the draws of the others.
    run.fail = chance(m_config.failureRate);
    const bool dies = chance(m_config.silentDeathRate);
    run.duplicate = chance(m_config.duplicateReplyRate);
    run.stale = chance(m_config.outOfOrderRate);
    if (!run.tid.isEmpty())
        remember(Execution{tidKey(run.tid), 0, run.command, dies ? Outcome::Died : Outcome::Running});

    if (dies) {
        // Started, said so once, and then nothing: the command has no effect and no final reply, and a
        // duplicate gets no answer either, so that the requester's heartbeat timeout is what finds it.
        sendRunning(run.group, run.tid);
    } else if (run.command == SetPosition) {
        run.deadline = nowMs() + std::max(0, m_config.setPositionMs);
        tick(run);
    } else {
        finish(run);
    }
    Q_EMIT commandExecuted(tid, name);
}

void SimDevice::tick(const Run &run)
{
    if (m_stopping)
        return;
    const qint64 left = run.deadline - nowMs();
    if (left <= 0)
        return finish(run);
    sendRunning(run.group, run.tid);
    const int interval = m_config.runningIntervalMs;
    const qint64 wait = interval > 0 ? std::min<qint64>(interval, left) : left;
    after(int(wait), [this, run] { tick(run); });
}

void SimDevice::finish(const Run &run)
{
    qint32 bytes = 0;
    Json changed = Json::object();
    if (!run.fail) {
        switch (run.command) {
        case SetLed:
            m_led = run.color;
            changed["led"] = utf8(m_led);
            break;
        case SetTelemetryInterval:
            setTelemetryInterval(int(run.number));
            changed["telemetryIntervalMs"] = m_telemetryIntervalMs;
            break;
        case UploadLog:
            bytes = uploadLog();
            break;
        case MotorOn:
        case MotorOff:
            m_motorOn = run.command == MotorOn;
            changed["motor"] = m_motorOn ? "on" : "off";
            break;
        case SetPosition:
            m_position = int(run.number);
            changed["position"] = m_position;
            break;
        default:
            break;
        }
    }
    setOutcome(run.tid, run.fail ? Outcome::Failed : Outcome::Succeeded, bytes);

    const QString reason = run.fail ? tr("simulated failure") : QString();
    const Json result = run.fail ? Json() : resultOf(run.command, bytes);
    sendFinal(run.group, run.tid, run.command, run.fail, reason, result);
    if (run.duplicate)
        sendFinal(run.group, run.tid, run.command, run.fail, reason, result);
    if (run.stale)
        sendRunning(run.group, run.tid);

    if (m_reportOnChange && !changed.empty())
        reportShadow(false, changed);
    if (!run.fail && run.command == Reboot)
        reboot();
}

void SimDevice::answerDuplicate(const QByteArray &tid, const Execution &execution, bool group)
{
    switch (execution.outcome) {
    case Outcome::Running:
        sendRunning(group, tid);
        break;
    case Outcome::Succeeded:
        sendFinal(group, tid, execution.command, false, {},
                  resultOf(execution.command, execution.resultBytes));
        break;
    case Outcome::Failed:
        sendFinal(group, tid, execution.command < CommandCount ? execution.command : -1, true,
                  m_reasons.value(execution.key, tr("simulated failure")));
        break;
    case Outcome::Died:
        break;
    }
}

SimDevice::Execution *SimDevice::findExecution(quint64 key)
{
    const auto it = std::find_if(m_executions.begin(), m_executions.end(),
                                 [key](const Execution &e) { return e.key == key; });
    return it == m_executions.end() ? nullptr : &*it;
}

void SimDevice::remember(const Execution &execution, const QString &reason)
{
    const qsizetype limit = std::max(0, m_config.rememberedTids);
    if (limit == 0)
        return;
    if (m_executions.size() < limit) {
        m_executions.append(execution);
        // Full from now on: no room for growth is kept.
        if (m_executions.size() == limit)
            m_executions.squeeze();
    } else {
        Execution &slot = m_executions[m_oldest % m_executions.size()];
        m_reasons.remove(slot.key);
        slot = execution;
        m_oldest = (m_oldest + 1) % m_executions.size();
    }
    if (!reason.isEmpty())
        m_reasons.insert(execution.key, reason);
}

void SimDevice::setOutcome(const QByteArray &tid, Outcome outcome, qint32 resultBytes)
{
    // The tid may have been forgotten meanwhile (more than rememberedTids newer ones): then so be it.
    Execution *execution = tid.isEmpty() ? nullptr : findExecution(tidKey(tid));
    if (!execution)
        return;
    execution->outcome = outcome;
    execution->resultBytes = resultBytes;
}

void SimDevice::sendRunning(bool group, const QByteArray &tid)
{
    // The text dialect has no heartbeats.
    if (m_textMode)
        return;
    Json reply = Json::object();
    if (!tid.isEmpty())
        reply["tid"] = tid.toStdString();
    reply["status"] = "RUNNING";
    reply["device"] = utf8(m_id);
    publish(topic(group ? m_config.groupResponseTopic : m_config.commandResponseTopic),
            compactJsonBytes(reply));
}

void SimDevice::sendFinal(bool group, const QByteArray &tid, int command, bool failed, const QString &reason,
                          const Json &result)
{
    QByteArray payload;
    if (m_textMode) {
        // Like the seed's sample device: no tid, no structure.
        payload = failed ? "FAILURE: " + reason.toUtf8()
                         : "SUCCESS: " + QByteArray(command >= 0 ? CommandNames[command] : "") + " done";
    } else {
        Json reply = Json::object();
        if (!tid.isEmpty())
            reply["tid"] = tid.toStdString();
        reply["status"] = failed ? "FAILURE" : "SUCCESS";
        reply["device"] = utf8(m_id);
        if (failed)
            reply["reason"] = utf8(reason);
        if (!result.is_null())
            reply["result"] = result;
        payload = compactJsonBytes(reply);
    }
    const QString replyTopic = topic(group ? m_config.groupResponseTopic : m_config.commandResponseTopic);
    if (m_client->state() != MqttClient::State::Connected && !m_stopping) {
        // An outcome reached while offline (a long command finishing, a reply delayed past a drop) is sent
        // when the device is back, as a device's MQTT library queues QoS 1 messages; heartbeats are not.
        if (m_outbox.size() >= MaxOutbox)
            m_outbox.removeFirst();
        m_outbox.append(OutboxEntry{payload, group});
        return;
    }
    publish(replyTopic, payload);
}

Json SimDevice::resultOf(int command, qint32 resultBytes) const
{
    if (command != UploadLog)
        return Json();
    Json result = Json::object();
    result["topic"] = utf8(topic(m_config.logTopic));
    result["bytes"] = resultBytes;
    return result;
}

qint32 SimDevice::uploadLog()
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QString text;
    text += tr("%1 %2: firmware %3, group %4\n").arg(now, m_id, QString::fromLatin1(Firmware), m_group);
    text += tr("%1 %2: led %3, motor %4, position %5\n")
                .arg(now, m_id, m_led, m_motorOn ? tr("on") : tr("off"))
                .arg(m_position);
    text += tr("%1 %2: telemetry every %3 ms, battery %4%\n")
                .arg(now, m_id)
                .arg(m_telemetryIntervalMs)
                .arg(oneDecimal(m_battery));
    text += tr("%1 %2: %n command(s) executed\n", nullptr,
               int(std::min<qint64>(m_executed, std::numeric_limits<int>::max())))
                .arg(now, m_id);
    text += tr("%1 %2: link %3, replies in %4\n")
                .arg(now, m_id,
                     m_slowLink    ? tr("slow")
                     : m_flakyLink ? tr("flaky")
                                   : tr("normal"),
                     m_textMode ? tr("text") : tr("JSON"));
    const QByteArray payload = text.toUtf8();
    publish(topic(m_config.logTopic), payload);
    return qint32(payload.size());
}

// Connection faults.

void SimDevice::reboot()
{
    if (m_stopping)
        return;
    m_rebooting = true;
    // A reboot is orderly: "offline" said, then a clean DISCONNECT (so no Will); the session stays.
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
    m_client->setAutoReconnect(true);
    // Still Connected only when the cut has not been noticed yet: the client will reconnect when it is.
    if (m_client->state() == MqttClient::State::Disconnected)
        m_client->connectToBroker();
}

void SimDevice::dropLink()
{
    // A flaky link: the connection drops and the client's automatic reconnect brings it back.
    if (m_client->state() == MqttClient::State::Connected && !m_rebooting && !m_offlinePeriod)
        m_client->abortConnection();
}

void SimDevice::scheduleFaults()
{
    const qint64 now = nowMs();
    m_nextOffline = m_config.offlineEveryMs > 0 ? now + m_random.exponentialMs(m_config.offlineEveryMs) : 0;
    m_nextFlakyDrop = m_flakyLink && m_config.flakyEveryMs > 0
                          ? now + m_random.between(m_config.flakyEveryMs / 2, m_config.flakyEveryMs * 3 / 2)
                          : 0;
    m_nextButtonPress =
        m_config.buttonPressIntervalMs > 0 ? now + m_random.exponentialMs(m_config.buttonPressIntervalMs) : 0;
    armFaultTimer();
}

void SimDevice::onFaultTimer()
{
    if (m_stopping)
        return;
    const qint64 now = nowMs();
    // The next deadline is drawn before the event happens, so that the draws keep their order.
    if (m_nextOffline && m_nextOffline <= now) {
        m_nextOffline = now + m_random.exponentialMs(m_config.offlineEveryMs);
        goOffline(m_config.offlineForMs);
    }
    if (m_nextFlakyDrop && m_nextFlakyDrop <= now) {
        m_nextFlakyDrop = now + m_random.between(m_config.flakyEveryMs / 2, m_config.flakyEveryMs * 3 / 2);
        dropLink();
    }
    if (m_nextButtonPress && m_nextButtonPress <= now) {
        m_nextButtonPress = now + m_random.exponentialMs(m_config.buttonPressIntervalMs);
        pressButton();
    }
    armFaultTimer();
}

void SimDevice::armFaultTimer()
{
    // One timer for three kinds of event: a QTimer per device and kind would cost 10,000 devices megabytes.
    qint64 next = 0;
    for (const qint64 deadline : {m_nextOffline, m_nextFlakyDrop, m_nextButtonPress}) {
        if (deadline && (!next || deadline < next))
            next = deadline;
    }
    if (!next || m_stopping) {
        m_faultTimer.stop();
        return;
    }
    m_faultTimer.start(int(std::clamp<qint64>(next - nowMs(), 0, std::numeric_limits<int>::max())));
}

int SimDevice::replyDelayMs()
{
    const int lo = std::max(0, std::min(m_config.latencyMinMs, m_config.latencyMaxMs));
    const int hi = std::max(0, std::max(m_config.latencyMinMs, m_config.latencyMaxMs));
    return m_random.between(lo, hi) + (m_slowLink ? std::max(0, m_config.slowLinkExtraMs) : 0);
}

bool SimDevice::chance(double probability)
{
    // Always draws, even for a rate of 0 or 1, so that the stream does not depend on the rates.
    return m_random.uniform() < probability;
}

void SimDevice::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    // Offline, telemetry, heartbeats and logs are lost, as from a device's volatile memory; final replies
    // wait in the outbox (sendFinal()) and shadow reports are made again on connect (reportShadow()).
    if (m_client->state() != MqttClient::State::Connected)
        return;
    if (m_client->publish(topic, payload, qos, retain) < 0)
        qCDebug(lcSimDevice).noquote() << m_id << m_client->errorString();
}

// Shadows.

Json SimDevice::classicState() const
{
    Json state = Json::object();
    state["led"] = utf8(m_led);
    state["motor"] = m_motorOn ? "on" : "off";
    state["position"] = m_position;
    state["telemetryIntervalMs"] = m_telemetryIntervalMs;
    state["firmware"] = Firmware;
    return state;
}

Json SimDevice::configState() const
{
    Json state = Json::object();
    state["telemetryIntervalMs"] = m_telemetryIntervalMs;
    state["reportOnChange"] = m_reportOnChange;
    return state;
}

void SimDevice::reportShadow(bool named, const Json &reported)
{
    if (m_client->state() != MqttClient::State::Connected) {
        m_reportPending[named ? 1 : 0] = true;
        return;
    }
    Json body = Json::object();
    body["state"]["reported"] = reported;
    publish(ShadowTopic::prefix(m_id, named ? u"config"_s : QString()) + u"/update"_s,
            compactJsonBytes(body));
}

void SimDevice::handleDelta(const MqttMessage &message, bool named)
{
    const QByteArray &payload = message.payload();
    const Json body = Json::parse(payload.cbegin(), payload.cend(), nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object())
        return;
    const Json *state = jsonMember(body, "state");
    if (!state || !state->is_object())
        return;
    // Deltas may arrive out of order (and again, with a persistent session): an older one than the last
    // applied would undo a newer one.
    qint64 &last = m_lastDeltaVersion[named ? 1 : 0];
    if (const Json *version = jsonMember(body, "version")) {
        const std::optional<qint64> v = integral(version);
        if (!v || *v <= last)
            return;
        last = *v;
    }

    // Only what this device supports, with valid values; the rest stays in the delta.
    Json reported = Json::object();
    if (const std::optional<int> ms =
            inRange(jsonMember(*state, "telemetryIntervalMs"), MinTelemetryMs, MaxTelemetryMs)) {
        setTelemetryInterval(*ms);
        reported["telemetryIntervalMs"] = *ms;
    }
    if (named) {
        if (const Json *report = jsonMember(*state, "reportOnChange"); report && report->is_boolean()) {
            m_reportOnChange = report->get<bool>();
            reported["reportOnChange"] = m_reportOnChange;
        }
    } else {
        if (const std::optional<QString> c = color(jsonMember(*state, "led"))) {
            m_led = *c;
            reported["led"] = utf8(m_led);
        }
        if (const Json *motor = jsonMember(*state, "motor"); motor && (*motor == "on" || *motor == "off")) {
            m_motorOn = *motor == "on";
            reported["motor"] = m_motorOn ? "on" : "off";
        }
        if (const std::optional<int> position = inRange(jsonMember(*state, "position"), 0, MaxPosition)) {
            m_position = *position;
            reported["position"] = m_position;
        }
    }
    if (!reported.empty())
        reportShadow(named, reported);
}

// Local activity.

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
    publish(topic(m_config.telemetryTopic), compactJsonBytes(sample), 0);
}

void SimDevice::pressButton()
{
    m_led = m_led == u"off"_s ? u"on"_s : u"off"_s;
    Json reported = Json::object();
    reported["led"] = utf8(m_led);
    reportShadow(false, reported);
}

} // namespace fleet::sim
