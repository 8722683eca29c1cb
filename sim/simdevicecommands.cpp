#include "simdevice.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "executionlog.h"
#include "simdeviceutil.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>

// SimDevice's commands: requests checked and run once per tid, the remembered tids, and the replies.

using namespace Qt::StringLiterals;

namespace fleet::sim {

namespace {

// Bounds on what a request may make a device keep: tids are remembered by the hundred per device, so they may
// not be arbitrarily long (nor may the colour: MaxColorChars).
constexpr qsizetype MaxRequestBytes = 64 * 1024;
constexpr qsizetype MaxTidBytes = 128;
constexpr qsizetype MaxQuotedChars = 64; // of an unknown command's name in a reason

constexpr qsizetype MaxOutbox = 16; // final replies kept while offline

QString elided(const std::string &text)
{
    const QString s = QString::fromStdString(text);
    return s.size() <= MaxQuotedChars ? s : s.left(MaxQuotedChars) + QChar(0x2026);
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

} // namespace

QStringList SimDevice::builtInCommands()
{
    QStringList names;
    for (const char *name : CommandNames)
        names.append(QString::fromLatin1(name));
    names.append(QStringLiteral("show_message")); // an AWS IoT command (simdeviceaws.cpp)
    return names;
}

void SimDevice::handleCommand(const MqttMessage &message, bool group)
{
    // The latency comes before anything else, duplicate detection included: the device is slow to look.
    const int delay = m_faults.replyDelayMs(m_slowLink);
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
    QString why;
    const std::optional<Json> parsed =
        NetworkJson::parse(payload, {MaxRequestBytes, NetworkJson::DefaultMaxDepth}, &why);
    if (!parsed)
        return sendFinal(group, {}, -1, true, tr("The request cannot be read: %1").arg(why));
    const Json &request = *parsed;
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
    const int command = builtInCommand(cmd->get_ref<const std::string &>());
    if (command < 0)
        return reject(-1, tr("Unknown command \"%1\".").arg(elided(cmd->get_ref<const std::string &>())));
    // After the duplicates, which have their answer already: a retry of an old command is not out of order.
    if (const QString reason = outOfOrder(command, tid); !reason.isEmpty())
        return reject(command, reason);

    // Parameters in "params", or (as some requesters send them) beside "cmd".
    const Json *params = jsonMember(request, "params");
    if (params && !params->is_null() && !params->is_object())
        return reject(-1, tr("\"params\" must be an object."));
    Run run;
    run.tid = tid;
    run.group = group;
    run.command = quint8(command);
    const QString invalid = readParameters(&run, [&](const char *key) -> const Json * {
        if (params && params->is_object()) {
            if (const Json *value = jsonMember(*params, key))
                return value;
        }
        return jsonMember(request, key);
    });
    if (!invalid.isEmpty())
        return reject(run.command, invalid);
    execute(std::move(run));
}

int SimDevice::builtInCommand(std::string_view name)
{
    static_assert(int(CommandCount) == BuiltInCommandCount);
    const auto known = std::find_if(CommandNames.begin(), CommandNames.end(),
                                    [&](const char *candidate) { return name == candidate; });
    return known == CommandNames.end() ? -1 : int(known - CommandNames.begin());
}

QString SimDevice::readParameters(Run *run, const std::function<const Json *(const char *)> &param) const
{
    switch (run->command) {
    case SetLed: {
        const std::optional<QString> c = color(param("color"));
        if (!c)
            return tr("set_led needs a \"color\" string of 1 to %1 characters.").arg(MaxColorChars);
        run->color = *c;
        break;
    }
    case SetTelemetryInterval: {
        const std::optional<int> ms = inRange(param("ms"), MinTelemetryMs, MaxTelemetryMs);
        if (!ms)
            return tr("set_telemetry_interval needs \"ms\", an integer from %1 to %2.")
                .arg(MinTelemetryMs)
                .arg(MaxTelemetryMs);
        run->number = *ms;
        break;
    }
    case SetPosition: {
        const std::optional<int> position = inRange(param("position"), 0, MaxPosition);
        if (!position)
            return tr("set_position needs \"position\", an integer from 0 to %1.").arg(MaxPosition);
        run->number = *position;
        break;
    }
    default:
        break;
    }
    return {};
}

QString SimDevice::outOfOrder(int command, const QByteArray &tid) const
{
    // Only tids that say when they were made (TidGenerator's) have an order; others are run as they come.
    if (command < 0 || command >= CommandCount || !TidGenerator::isValid(QString::fromLatin1(tid)))
        return {};
    const std::array<char, TidGenerator::Length> &newest = m_newestTids[std::size_t(command)];
    // A tid equal to the newest was run already, and forgotten only by the ring of remembered tids (a
    // duplicate still remembered is answered before this): it is not older, so it runs as any forgotten
    // tid would.
    if (std::memcmp(tid.constData(), newest.data(), newest.size()) >= 0)
        return {};
    return tr("out of order: a newer %1 (%2) already ran")
        .arg(QLatin1StringView(CommandNames[std::size_t(command)]),
             QLatin1StringView(newest.data(), qsizetype(newest.size())));
}

void SimDevice::execute(Run run)
{
    const QString tid = QString::fromUtf8(run.tid);
    const QString name = QString::fromLatin1(CommandNames[run.command]);
    ++m_executed;
    // Logged before anything can go wrong, so the log proves the command ran even if the process dies next.
    if (m_log)
        m_log->record(m_id, tid, name);

    const FaultInjector::CommandFaults faults = m_faults.drawCommandFaults();
    run.fail = faults.fail;
    const bool dies = faults.dies;
    run.duplicate = faults.duplicate;
    run.stale = faults.stale;
    if (!run.tid.isEmpty())
        remember(Execution{tidKey(run.tid), 0, run.command, dies ? Outcome::Died : Outcome::Running});
    // Run now, whatever becomes of it: an older request for the same command is out of order from here on.
    if (TidGenerator::isValid(tid)) {
        std::array<char, TidGenerator::Length> &newest = m_newestTids[run.command];
        if (std::memcmp(run.tid.constData(), newest.data(), newest.size()) > 0)
            std::memcpy(newest.data(), run.tid.constData(), newest.size());
    }

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

Json SimDevice::applyCommand(const Run &run, qint32 *resultBytes)
{
    Json changed = Json::object();
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
        *resultBytes = uploadLog();
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
    return changed;
}

void SimDevice::finish(const Run &run)
{
    qint32 bytes = 0;
    const Json changed = run.fail ? Json::object() : applyCommand(run, &bytes);
    setOutcome(run.tid, run.fail ? Outcome::Failed : Outcome::Succeeded, bytes);

    const QString reason = run.fail ? tr("simulated failure") : QString();
    if (m_kind == SimConfig::Kind::Sample) {
        // No tid, so no RUNNING to be stale.
        sendSampleFinal(run, run.fail, reason);
        if (run.duplicate)
            sendSampleFinal(run, run.fail, reason);
    } else {
        const Json result = run.fail ? Json() : resultOf(run.command, bytes);
        sendFinal(run.group, run.tid, run.command, run.fail, reason, result);
        if (run.duplicate)
            sendFinal(run.group, run.tid, run.command, run.fail, reason, result);
        if (run.stale)
            sendRunning(run.group, run.tid);
    }

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
    // The text dialects have no heartbeats.
    if (m_textMode || m_kind == SimConfig::Kind::Sample)
        return;
    Json reply = Json::object();
    if (!tid.isEmpty())
        reply["tid"] = tid.toStdString();
    reply["status"] = "RUNNING";
    reply["device"] = utf8(m_id);
    publish(replyTopic(group), compactJsonBytes(reply));
}

QString SimDevice::replyTopic(bool group) const
{
    if (!group)
        return m_responseTopic;
    return m_kind == SimConfig::Kind::Sample ? QString(QLatin1StringView(SimConfig::BroadcastResponseTopic))
                                             : topic(m_config.groupResponseTopic);
}

void SimDevice::sendOrKeep(const MqttMessage &message)
{
    if (m_client->state() != MqttClient::State::Connected && !m_stopping) {
        // An outcome reached while offline (a long command finishing, a reply delayed past a drop) is sent
        // when the device is back, as a device's MQTT library queues QoS 1 messages; heartbeats are not.
        if (m_outbox.size() >= MaxOutbox)
            m_outbox.removeFirst();
        m_outbox.append(message);
        return;
    }
    publish(message);
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
    sendOrKeep(MqttMessage(replyTopic(group), payload, 1));
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
                     m_textMode || m_kind == SimConfig::Kind::Sample ? tr("text") : tr("JSON"));
    const QByteArray payload = text.toUtf8();
    // An Azure device may publish on its device-to-cloud topic only.
    if (m_kind == SimConfig::Kind::Azure)
        publishDeviceToCloud(payload, u"log"_s, u"text/plain"_s);
    else
        publish(topic(m_config.logTopic), payload);
    return qint32(payload.size());
}

} // namespace fleet::sim
