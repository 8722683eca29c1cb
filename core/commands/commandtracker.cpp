#include "commands/commandtracker.h"

#include "commands/commandtrackerutil.h"
#include "commands/gatebroadcast.h"
#include "common/seterror.h"

#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <climits>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

bool isPublishDeferrable(const MqttClient &client)
{
    return client.state() != MqttClient::State::Connected ||
           client.error() == MqttClient::Error::InFlightWindowFull ||
           client.error() == MqttClient::Error::NotConnected;
}

} // namespace

CommandTracker::CommandTracker(MqttClient *client, CommandCatalog catalog, AtlasDialect dialect,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalog(std::move(catalog))
    , m_dialect(std::move(dialect))
    , m_journal(m_executions, this)
{
    // Free-form payloads have no tid of their own for a device to recognise a retry by, so they are sent
    // once: a lost request ends Unreachable rather than risking the device running it twice.
    m_rawSpec.name = RawCommand;
    m_rawSpec.description = tr("A free-form payload, sent as typed");
    m_rawSpec.dialect = u"atlas-text"_s;
    m_rawSpec.contentType = u"text/plain"_s;
    m_rawSpec.retry.attempts = 1;
    m_clock.start();
    connect(&m_journal, &CommandJournal::executionChanged, this, &CommandTracker::executionChanged);
    connect(&m_journal, &CommandJournal::ledgerFailed, this, &CommandTracker::ledgerFailed);
    connect(&m_journal, &CommandJournal::rearmDue, this, &CommandTracker::rearmNow);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CommandTracker::onTimer);
    connect(m_client, &MqttClient::messageReceived, this, &CommandTracker::onMessage);
    connect(m_client, &MqttClient::connected, this, &CommandTracker::flushQueued);
    connect(m_client, &MqttClient::readyToPublish, this, &CommandTracker::flushQueued);
    updateRoutes();
}

void CommandTracker::setCatalog(const CommandCatalog &catalog)
{
    m_catalog = catalog;
    updateRoutes();
}

CommandTracker::~CommandTracker()
{
    // What this turn changed is written down, so that a tracker closed on purpose leaves a complete ledger.
    m_journal.persistPending();
}

void CommandTracker::setDeviceOnline(const QString &device, bool online)
{
    if (online) {
        if (m_offline.remove(device))
            flushQueued();
    } else {
        m_offline.insert(device);
    }
}

const CommandSpec *CommandTracker::findSpec(const QString &commandName, const QString &device,
                                            const QString &group, QString *why) const
{
    if (commandName == RawCommand)
        return &m_rawSpec;
    // A profile by group shapes the requests sent to that group only, never a member's own: a device's
    // groups are partly its own word (its reported "groups"), and fleet-hub's gate, which judges each
    // request by its form, does not know them.
    if (!group.isEmpty())
        return m_catalog.find(commandName, {}, {group}, why);
    return m_catalog.find(commandName, device, {}, why);
}

const DeviceProfile *CommandTracker::profileFor(const QString &device) const
{
    return m_catalog.profileFor(device);
}

const CommandSpec *CommandTracker::specFor(const QString &commandName, QString *error, const QString &device,
                                           const QString &group) const
{
    if (!m_catalog.find(commandName)) {
        setError(error, tr("Unknown command \"%1\".").arg(commandName));
        return nullptr;
    }
    QString why;
    const CommandSpec *spec = findSpec(commandName, device, group, &why);
    if (!spec) {
        setError(error, group.isEmpty() ? tr("%1 cannot take it: %2").arg(device, why)
                                        : tr("Group %1 cannot take it: %2").arg(group, why));
        return nullptr;
    }
    if (spec->dialect == QLatin1StringView("azure-methods")) {
        // Called through fleet-hub under the operator's name, which the broker pins into the topic.
        if (spec->sensitive && m_gatePrefix.isEmpty()) {
            setError(error,
                     tr("Command \"%1\" is sensitive: as an Azure direct method it needs fleet-hub's "
                        "command gate, which holds it for an approval, and there is none on this broker.")
                         .arg(commandName));
            return nullptr;
        }
        if (!CommandSpec::isValidTopicId(m_actor)) {
            setError(error,
                     tr("Command \"%1\" is an Azure direct method here: it is called through fleet-hub "
                        "under your MQTT username, and the connection has none.")
                         .arg(commandName));
            return nullptr;
        }
        return spec;
    }
    if (spec->dialect == QLatin1StringView("aws-commands")) {
        // Started through fleet-hub under the operator's name, which the broker pins into the topic.
        if (spec->sensitive && m_gatePrefix.isEmpty()) {
            setError(error, tr("Command \"%1\" is a sensitive AWS IoT command: it needs fleet-hub's command "
                               "gate, which holds it for an approval, and there is none on this broker.")
                                .arg(commandName));
            return nullptr;
        }
        if (!CommandSpec::isValidTopicId(m_actor)) {
            setError(error, tr("Command \"%1\" is an AWS IoT command: it is started through fleet-hub under "
                               "your MQTT username, and the connection has none.")
                                .arg(commandName));
            return nullptr;
        }
        return spec;
    }
    if (spec->dialect != QLatin1StringView("atlas") && spec->dialect != QLatin1StringView("atlas-text")) {
        setError(error, tr("Command \"%1\" uses the %2 dialect, which the command tracker does not speak.")
                            .arg(commandName, spec->dialect));
        return nullptr;
    }
    return spec;
}

bool CommandTracker::checkDevice(const CommandSpec &spec, const QString &device, QString *error) const
{
    QString problem;
    // "0" stands in for the tid (a template may name {tid}): only the device id is being checked here.
    if (AtlasDialect::isValidId(device) &&
        !spec.requestTopic(device, &problem, QStringLiteral("0")).isEmpty())
        return true;
    setError(error, problem.isEmpty() ? tr("\"%1\" is not a valid device id.").arg(device) : problem);
    return false;
}

bool CommandTracker::checkOptions(const SendOptions &options, const QString &device, QString *error) const
{
    if (options.retryOf.isEmpty())
        return true;
    std::optional<CommandExecution> original = execution(options.retryOf);
    if (!original && ledger())
        original = ledger()->load(options.retryOf);
    if (!original) {
        setError(error, tr("There is no command %1 to retry.").arg(options.retryOf));
        return false;
    }
    if (original->device != device) {
        setError(error, tr("Command %1 went to %2, not to %3: a retry goes to the same device.")
                            .arg(options.retryOf, original->device, device));
        return false;
    }
    return true;
}

QString CommandTracker::sendDetail(const QString &commandName, const QString &device,
                                   const SendOptions &options) const
{
    if (options.retryOf.isEmpty())
        return tr("%1 to %2").arg(commandName, device);
    return tr("%1 to %2, a retry of %3").arg(commandName, device, options.retryOf);
}

QStringList CommandTracker::retriesOf(const QString &id) const
{
    // A scan rather than an index: at most MaxExecutions values, read only when an operator selects one.
    QStringList ids;
    if (id.isEmpty())
        return ids;
    for (const CommandExecution &e : m_executions) {
        if (e.retryOf == id)
            ids.append(e.id);
    }
    return ids;
}

QString CommandTracker::send(const QString &device, const QString &commandName, const Json &parameters,
                             QString *error, const SendOptions &options)
{
    const CommandSpec *spec = specFor(commandName, error, device);
    if (!spec || !checkDevice(*spec, device, error) || !checkOptions(options, device, error))
        return {};
    QString problem;
    const std::optional<Json> payload = spec->buildPayload(parameters, &problem);
    if (!payload) {
        setError(error, problem);
        m_journal.audit(m_actor, u"send"_s, device, u"refused"_s, commandName + u": "_s + problem);
        return {};
    }
    const QString id = start(device, *spec, parameters, *payload, {}, true, options.retryOf);
    m_journal.audit(m_actor, u"send"_s, id, u"accepted"_s, sendDetail(commandName, device, options));
    return id;
}

QString CommandTracker::sendRaw(const QString &device, const QByteArray &payload, QString *error,
                                const SendOptions &options)
{
    if (!checkDevice(m_rawSpec, device, error) || !checkOptions(options, device, error))
        return {};
    QString problem;
    if (payload.isEmpty())
        problem = tr("The free-form payload is empty.");
    else if (payload.size() > MaxRawPayloadBytes)
        problem = tr("The free-form payload of %1 bytes exceeds the limit of %2 bytes.")
                      .arg(payload.size())
                      .arg(MaxRawPayloadBytes);
    else if (QString::fromUtf8(payload).toUtf8() != payload)
        problem = tr("A free-form payload must be UTF-8 text.");
    if (!problem.isEmpty()) {
        setError(error, problem);
        m_journal.audit(m_actor, u"send"_s, device, u"refused"_s, QString(RawCommand) + u": "_s + problem);
        return {};
    }
    const QString id =
        start(device, m_rawSpec, Json::object(), Json(payload.toStdString()), {}, true, options.retryOf);
    m_journal.audit(m_actor, u"send"_s, id, u"accepted"_s, sendDetail(QString(RawCommand), device, options));
    return id;
}

QString CommandTracker::start(const QString &device, const CommandSpec &spec, const Json &parameters,
                              const Json &payload, const QString &broadcastId, bool dispatchNow,
                              const QString &retryOf)
{
    CommandExecution execution;
    execution.id = execution.tid = m_tids.next();
    execution.command = spec.name;
    execution.device = device;
    execution.broadcastId = broadcastId;
    execution.requestedBy = m_actor;
    execution.retryOf = retryOf;
    execution.parameters = parameters;
    execution.payload = payload;
    Live live;
    if (spec.sensitive) {
        execution.moveTo(State::AwaitingApproval, wallMs());
        live.phase = Phase::Approval;
    } else {
        execution.moveTo(State::Queued, wallMs());
        live.phase = Phase::Queued;
    }
    const QString id = execution.id;
    m_executions.insert(id, execution);
    m_live.insert(id, live);
    if (!broadcastId.isEmpty()) {
        if (auto it = m_broadcasts.find(broadcastId); it != m_broadcasts.end())
            it->executions.append(id);
    }
    if (dispatchNow) {
        // Written down before anything can publish it (the request, or the approval request handed to the
        // gate): a crash right after publishing must not leave a command that the device runs and the
        // ledger never heard of. One that cannot be written is not sent at all.
        QString error;
        if (m_journal.persist(id, &error))
            begin(id, spec);
        else
            finish(id, State::Failed, notRecorded(error));
    }
    prune();
    return id;
}

void CommandTracker::begin(const QString &id, const CommandSpec &spec)
{
    if (spec.sensitive)
        m_journal.notify(id); // the approval queue hears of it once the end of the turn has committed it
    else
        dispatch(id);
}

QString CommandTracker::notRecorded(const QString &ledgerError)
{
    return tr("could not be recorded in the ledger, so it was not sent: %1").arg(ledgerError);
}

void CommandTracker::dispatch(const QString &id)
{
    const auto it = m_executions.constFind(id);
    const auto live = m_live.find(id);
    if (it == m_executions.cend() || live == m_live.end())
        return;
    if (!isDeviceOnline(it->device)) {
        if (m_offlinePolicy == OfflinePolicy::FailFast)
            return finish(id, State::Failed, tr("device offline"));
        const CommandSpec *spec = findSpec(*it);
        live->phase = Phase::Queued;
        m_queued.insert(id, true);
        if (live->deadline == 0)
            live->deadline = now() + (spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs);
        m_executions[id].reason = tr("waiting for %1 to come online, until %2", "a queued command's reason")
                                      .arg(it->device, deadlineText(live->deadline));
        m_journal.rearmAtEndOfTurn();
        m_journal.notify(id);
        return;
    }
    publishAttempt(id);
}

std::optional<MqttMessage> CommandTracker::requestFor(const CommandExecution &e, const CommandSpec &spec,
                                                      QString *error, bool throughGate) const
{
    if (spec.dialect == "aws-commands"_L1)
        return awsStartFor(e, spec, error, throughGate);
    if (spec.dialect == "azure-methods"_L1)
        return azureInvokeFor(e, spec, error, throughGate);
    const QString topic = spec.requestTopic(e.device, error, e.tid);
    QByteArray correlation;
    QByteArray payload;
    if (topic.isEmpty()) {
        return std::nullopt; // error says why
    } else if (&spec == &m_rawSpec) {
        // Verbatim, as the operator typed it; on MQTT 5 the correlation data still carries the tid.
        payload = QByteArray::fromStdString(e.payload.is_string() ? e.payload.get<std::string>() : "");
        correlation = AtlasDialect::correlationDataFor(e.tid);
        if (payload.isEmpty())
            setError(error, tr("The free-form payload is empty."));
    } else if (spec.dialect == "atlas-text"_L1) {
        // The seed's sample device reads any text and answers without a tid; MQTT 5 still carries it.
        payload = spec.textRequest(e.payload);
        correlation = AtlasDialect::correlationDataFor(e.tid);
        if (payload.size() > AtlasDialect::MaxPayloadBytes) {
            setError(error, tr("The request is larger than %1 bytes.").arg(AtlasDialect::MaxPayloadBytes));
            payload.clear();
        } else if (payload.isEmpty()) {
            setError(error, tr("The text request is empty."));
        }
    } else {
        payload = m_dialect.encodeRequest(e.command, e.tid, e.payload, &correlation, error);
    }
    if (payload.isEmpty())
        return std::nullopt;
    // The command's own response topic, where the tracker listens (with a {tid} level: the dialect's).
    const QString responseTopic = spec.responseTopic(e.device, nullptr, e.tid);
    return requestMessage(*m_client, topic, payload, correlation, spec,
                          responseTopic.isEmpty() || spec.responseTopicTemplate.contains(u"{tid}"_s)
                              ? m_dialect.responseTopic(e.device)
                              : std::optional<QString>(responseTopic),
                          throughGate ? m_gatePrefix : QString(), e.id);
}

bool CommandTracker::publishAttempt(const QString &id)
{
    const auto it = m_executions.find(id);
    const auto live = m_live.find(id);
    if (it == m_executions.end() || live == m_live.end())
        return false;
    const CommandSpec *spec = findSpec(*it);
    if (!spec) {
        finish(id, State::Failed, tr("Command \"%1\" is no longer in the catalog.").arg(it->command));
        return false;
    }
    // A catalog command's request is on the ledger since start() (or came from it at resume()): a console
    // killed right after this publish leaves it Queued or Sent there, and resume() sends it again with the
    // same tid, which the device recognises and does not run twice (protocols: devices keep recently
    // processed tids; fleet-sim answers a repeat from memory). So the Sent state waits for the end of the
    // turn, and a 10,000-device broadcast costs no fsync per request.
    const bool once = spec == &m_rawSpec;
    if (once && it->attempts > 0) {
        // Never a second time (see below), whatever path got here.
        finish(id, State::TimedOut, mayHaveGoneOut());
        return false;
    }
    QString error;
    const std::optional<MqttMessage> request = requestFor(*it, *spec, &error);
    if (!request) {
        finish(id, State::Failed, error);
        return false;
    }
    const auto sentNote = [&] {
        // With a gate, Sent means handed to it: it relays the request or, when its catalog judges the
        // payload sensitive, answers "held" (heldByGate) within a round trip.
        const QString attempt =
            it->attempts == 1
                ? QString()
                : tr("attempt %1 of %2", "command retry").arg(it->attempts).arg(spec->retry.attempts);
        if (m_gatePrefix.isEmpty())
            return attempt;
        const QString gate = tr("handed to the command gate");
        return attempt.isEmpty() ? gate : attempt + u", "_s + gate;
    };
    if (once) {
        // A free-form payload has no tid for the device to spot a repeat by, so the ledger must say that
        // it is going out before it does: resume() then never sends it again (the record is the Sent state
        // with its attempt counted, one synchronous write per raw command). What the client cannot take now
        // is held without a mark, as it would be held after a refused publish.
        if (m_client->state() != MqttClient::State::Connected || !m_client->canPublish()) {
            hold(id, *spec);
            return false;
        }
        const CommandExecution before = *it;
        ++it->attempts;
        it->moveTo(State::Sent, wallMs(), sentNote());
        if (!m_journal.persist(id, &error)) {
            *it = before; // nothing of the attempt reached the ledger
            finish(id, State::Failed, notRecorded(error));
            return false;
        }
    }
    if (m_client->publish(*request) < 0) {
        if (once) {
            // Marked as going out, but refused by the client (the checks above leave only refusals for
            // good, such as a payload larger than the broker takes): it did not go out.
            --it->attempts;
            finish(id, State::Failed, m_client->errorString());
            return false;
        }
        if (!isPublishDeferrable(*m_client)) {
            finish(id, State::Failed, m_client->errorString());
            return false;
        }
        hold(id, *spec);
        return false;
    }
    if (!once) {
        ++it->attempts;
        it->moveTo(State::Sent, wallMs(), sentNote());
    }
    it->reason.clear(); // what it was queued for
    live->phase = Phase::Waiting;
    live->deadline = now() + spec->timeoutMs + graceFor(*spec);
    live->resumed = false; // listened to from its start
    m_journal.rearmAtEndOfTurn();
    m_journal.notify(id);
    return true;
}

void CommandTracker::hold(const QString &id, const CommandSpec &spec)
{
    const auto live = m_live.find(id);
    if (live == m_live.end())
        return;
    // No connection: wait Queued (flushQueued() tries again) at most one timeout. No room in the in-flight
    // window: wait for room without a deadline, since the broker is acknowledging and the wait is the
    // console's own (a 10,000-device broadcast queues most of its requests here).
    const bool connected = m_client->state() == MqttClient::State::Connected;
    if (!connected && (live->phase != Phase::Queued || live->deadline == 0))
        live->deadline = now() + spec.timeoutMs;
    else if (connected && live->phase != Phase::Queued)
        live->deadline = 0;
    live->phase = Phase::Queued;
    m_queued.insert(id, true);
    // Said on the execution, so that a command waiting is never taken for one sent.
    if (const auto it = m_executions.find(id); it != m_executions.end()) {
        it->reason = connected
                         ? tr("waiting for room among the requests in flight", "a queued command's reason")
                         : tr("not sent: no connection to the broker; waits until %1, then times out",
                              "a queued command's reason")
                               .arg(deadlineText(live->deadline));
    }
    m_journal.rearmAtEndOfTurn();
    m_journal.notify(id);
}

QString CommandTracker::deadlineText(qint64 deadline) const
{
    // The deadline is on the monotonic clock; a person reads the wall clock, in the locale's short form.
    const qint64 wall = wallMs() + std::max<qint64>(deadline - now(), 0);
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(wall).time(), QLocale::ShortFormat);
}

QString CommandTracker::mayHaveGoneOut()
{
    return tr("no reply seen: it may have been sent before the console stopped, and a free-form payload is "
              "not sent again; check the device");
}

void CommandTracker::finish(const QString &id, State state, const QString &reason, const QString &note)
{
    const auto it = m_executions.find(id);
    if (it == m_executions.end())
        return;
    const bool hadVerdict = it->isFinal();
    it->reason = reason;
    it->moveTo(state, wallMs(), note.isEmpty() ? reason : note);
    const QString broadcastId = it->broadcastId;
    m_live.remove(id);
    m_journal.rearmAtEndOfTurn();
    // The verdict is committed to the ledger before anyone hears of it. (The in-memory copy could later be
    // dropped here, sooner than MaxExecutions.)
    m_journal.notify(id);
    if (!broadcastId.isEmpty())
        updateBroadcast(broadcastId, hadVerdict ? 0 : 1);
}

int CommandTracker::resume(QString *error, const QStringList &only)
{
    if (!ledger()) {
        setError(error, tr("The command tracker has no ledger to resume from."));
        return -1;
    }
    const std::optional<QList<CommandExecution>> pending = ledger()->pending();
    if (!pending) {
        setError(error, ledger()->errorString());
        return -1;
    }
    // Damaged records are left out of pending(); the rest resumes.
    setError(error, ledger()->errorString());
    // Deadlines lived on the old process's clock: what is left of them comes from the stored wall times.
    const qint64 wall = wallMs();
    const auto after = [this, wall](qint64 sinceMs, qint64 spanMs) {
        return std::max<qint64>(now() + std::max<qint64>(sinceMs + spanMs - wall, 0), 1);
    };
    const auto lastTime = [](const CommandExecution &e, State state) {
        for (auto t = e.transitions.crbegin(); t != e.transitions.crend(); ++t) {
            if (t->state == state)
                return t->timeMs;
        }
        return e.createdMs();
    };
    QStringList resumed;
    for (const CommandExecution &e : *pending) {
        if (m_executions.contains(e.id) || (!only.isEmpty() && !only.contains(e.id)))
            continue;
        const CommandSpec *spec = findSpec(e);
        const qint64 timeoutMs = spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs;
        Live live;
        live.retries = e.group.isEmpty();
        switch (e.state) {
        case State::AwaitingApproval:
            live.phase = Phase::Approval;
            break;
        case State::Approved:
        case State::Queued:
            live.phase = Phase::Queued;
            live.deadline = after(lastTime(e, State::Queued), timeoutMs);
            break;
        case State::Sent:
            // Only what is left of the attempt's wait: a reply may still come (a quick restart, a persistent
            // session), and a catalog command is then retried with the same tid. A free-form payload is not
            // (publishAttempt() marks it Sent before it goes out, so this is where one killed mid-publish
            // lands): without a reply its verdict says that it may have run.
            live.phase = Phase::Waiting;
            live.deadline = after(lastTime(e, State::Sent), timeoutMs);
            live.resumed = true;
            break;
        case State::Running:
            live.phase = Phase::Running;
            live.deadline = spec && spec->isLongRunning() ? after(wall, 3 * qint64(spec->heartbeatIntervalMs))
                                                          : after(lastTime(e, State::Sent), timeoutMs);
            break;
        default:
            continue; // pending() returns no verdicts
        }
        m_executions.insert(e.id, e);
        m_live.insert(e.id, live);
        if (live.phase == Phase::Queued)
            m_queued.insert(e.id, true);
        resumed.append(e.id);
    }
    // Replies need no new subscription: the catalog's response topics are subscribed to already.
    m_journal.rearmAtEndOfTurn();
    for (const QString &id : std::as_const(resumed))
        Q_EMIT executionChanged(id);
    flushQueued();
    return int(resumed.size());
}

bool CommandTracker::approve(const QString &tid, const QString &note)
{
    const auto it = m_executions.find(tid);
    const auto live = m_live.find(tid);
    if (it == m_executions.end() || live == m_live.end() || it->state != State::AwaitingApproval)
        return false;
    it->moveTo(State::Approved, wallMs(), note);
    it->moveTo(State::Queued, wallMs());
    live->phase = Phase::Queued;
    live->deadline = 0;
    // The execution is on the ledger since start(), awaiting approval; the decision is written by the
    // approval queue before it calls this. A crash right after the publish is finished at the next start
    // by approving it again: the same tid, which the device does not run twice. So no write waits here.
    dispatch(tid);
    return true;
}

bool CommandTracker::heldByGate(const QString &tid, const QString &reason)
{
    const auto it = m_executions.find(tid);
    const auto live = m_live.find(tid);
    if (it == m_executions.end() || live == m_live.end() || it->isFinal() ||
        it->state == State::AwaitingApproval)
        return false;
    m_queued.remove(tid);
    it->reason = reason.isEmpty() ? tr("held by the command gate for an approval")
                                  : tr("held by the command gate: %1").arg(reason);
    it->moveTo(State::AwaitingApproval, wallMs(), it->reason);
    live->phase = Phase::Approval;
    live->deadline = 0;
    m_journal.notify(tid);
    m_journal.rearmAtEndOfTurn();
    return true;
}

bool CommandTracker::submitForApproval(const QString &tid)
{
    if (m_gatePrefix.isEmpty())
        return false;
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend())
        return submitBroadcastForApproval(tid);
    if (it->state != State::AwaitingApproval)
        return false;
    const CommandSpec *spec = findSpec(*it);
    if (!spec)
        return false;
    // Handing it to the gate is a publish: the gate sends it to the device once approved, with or without
    // this console. start() wrote the execution before anything could call this (one that could not be
    // written ended Failed there and never awaits approval), so a crash after this leaves it in the ledger,
    // awaiting approval, for resume() to pick up.
    const std::optional<MqttMessage> request = requestFor(*it, *spec, nullptr);
    return request && m_client->publish(*request) >= 0;
}

bool CommandTracker::submitBroadcastForApproval(const QString &broadcastId)
{
    const QStringList members = awaitingApproval(broadcastId);
    if (members.isEmpty() || m_gateBroadcastPrefix.isEmpty() || members.size() > GateBroadcast::MaxTargets)
        return false;
    // Each device's request exactly as it would go out without a gate, in one message: the gate judges them
    // together and holds them as one request, so that one approval covers the whole selection. Like a
    // single request, every execution was recorded (in one transaction) before this could be called.
    GateBroadcast broadcast;
    for (const QString &member : members) {
        const CommandExecution &e = m_executions[member];
        const CommandSpec *spec = findSpec(e);
        const std::optional<MqttMessage> request = spec ? requestFor(e, *spec, nullptr, false) : std::nullopt;
        if (!request)
            return false;
        broadcast.append(request->topic(), request->payload(), request->properties());
    }
    return m_client->publish(MqttMessage(m_gateBroadcastPrefix + broadcastId, broadcast.encode(), 1)) >= 0;
}

QStringList CommandTracker::awaitingApproval(const QString &id) const
{
    if (const auto it = m_executions.constFind(id); it != m_executions.cend())
        return it->state == State::AwaitingApproval ? QStringList{id} : QStringList{};
    QStringList members;
    if (const auto broadcast = m_broadcasts.constFind(id); broadcast != m_broadcasts.cend()) {
        for (const QString &member : broadcast->executions) {
            if (const auto it = m_executions.constFind(member);
                it != m_executions.cend() && it->state == State::AwaitingApproval)
                members.append(member);
        }
        return members;
    }
    for (auto it = m_executions.cbegin(); it != m_executions.cend(); ++it) {
        if (it->broadcastId == id && it->state == State::AwaitingApproval)
            members.append(it.key());
    }
    return members;
}

bool CommandTracker::sentByGate(const QString &tid, const QString &note)
{
    if (const auto group = m_groupSends.find(tid); group != m_groupSends.end() && group->held) {
        // Held by the gate until now: the members' first replies are due from now on.
        const CommandSpec *spec = findSpec(group->command, {}, group->group);
        group->held = false;
        group->sentMs = wallMs();
        group->deadline = now() + (spec ? spec->timeoutMs : CommandSpec::DefaultTimeoutMs);
        m_journal.rearmAtEndOfTurn();
        if (const auto broadcast = m_broadcasts.find(tid); broadcast != m_broadcasts.end()) {
            broadcast->awaitingApproval = false;
            Q_EMIT broadcastProgress(tid, broadcast->done, broadcast->total);
        }
        return true;
    }
    const auto it = m_executions.find(tid);
    const auto live = m_live.find(tid);
    if (it == m_executions.end() || live == m_live.end() || it->state != State::AwaitingApproval)
        return false;
    const CommandSpec *spec = findSpec(*it);
    it->moveTo(State::Approved, wallMs(), note);
    // The gate published it: the first attempt is under way, and a retry goes through the gate again. An
    // AWS IoT command's verdict is the hub's, which it says at the timeout: waited for a little longer.
    sentByTheGate(tid, spec ? spec->timeoutMs + graceFor(*spec) : CommandSpec::DefaultTimeoutMs);
    m_journal.rearmAtEndOfTurn();
    return true;
}

void CommandTracker::sentByTheGate(const QString &id, qint64 timeoutMs)
{
    const auto it = m_executions.find(id);
    const auto live = m_live.find(id);
    ++it->attempts;
    it->moveTo(State::Sent, wallMs());
    live->phase = Phase::Waiting;
    live->deadline = now() + timeoutMs;
    m_journal.notify(id);
}

bool CommandTracker::refusedByGate(const QString &tid, const QString &reason)
{
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend()) {
        const auto broadcast = m_broadcasts.constFind(tid);
        if (broadcast == m_broadcasts.cend())
            return false;
        if (m_groupSends.contains(tid)) {
            endGroupSend(tid, tr("refused by the command gate: %1").arg(reason), u"refused"_s);
            return true;
        }
        bool any = false;
        for (const QString &member : QStringList(broadcast->executions))
            any = refusedByGate(member, reason) || any;
        return any;
    }
    if (it->isFinal())
        return false;
    finish(tid, State::Failed, tr("refused by the command gate: %1").arg(reason));
    return true;
}

void CommandTracker::endGroupSend(const QString &tid, const QString &why, const QString &outcome)
{
    // Nothing went out, or will: its window closes now, saying why, instead of waiting out its deadline.
    m_groupSends.remove(tid);
    if (auto broadcast = m_broadcasts.find(tid); broadcast != m_broadcasts.end()) {
        broadcast->open = false;
        broadcast->refusal = why;
        broadcast->awaitingApproval = false;
    }
    m_journal.audit(m_actor, u"send"_s, tid, outcome, why);
    reportClosedGroups({tid});
}

bool CommandTracker::reject(const QString &tid, const QString &reason)
{
    if (const auto group = m_groupSends.constFind(tid); group != m_groupSends.cend() && group->held) {
        // A group request the gate held and did not send: nothing will answer it.
        endGroupSend(tid, reason.isEmpty() ? tr("rejected by an operator") : reason, u"rejected"_s);
        return true;
    }
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend() || it->state != State::AwaitingApproval)
        return false;
    finish(tid, State::Rejected, reason.isEmpty() ? tr("rejected by an operator") : reason);
    return true;
}

bool CommandTracker::cancel(const QString &tid)
{
    const auto it = m_executions.constFind(tid);
    if (it == m_executions.cend() || it->isFinal())
        return false;
    finish(tid, State::Cancelled, tr("cancelled by an operator"));
    m_journal.audit(m_actor, u"cancel"_s, tid, u"ok"_s);
    return true;
}

std::optional<CommandExecution> CommandTracker::execution(const QString &id) const
{
    const auto it = m_executions.constFind(id);
    if (it == m_executions.cend())
        return std::nullopt;
    return *it;
}

QList<CommandExecution> CommandTracker::executions() const
{
    return m_executions.values();
}

void CommandTracker::flushQueued()
{
    if (m_client->state() != MqttClient::State::Connected)
        return;
    // Oldest first (ids order by creation); entries that are no longer queued are dropped on the way.
    for (auto it = m_queued.begin(); it != m_queued.end();) {
        const QString id = it.key();
        const auto e = m_executions.constFind(id);
        const auto live = m_live.constFind(id);
        if (e == m_executions.cend() || live == m_live.cend() || live->phase != Phase::Queued) {
            it = m_queued.erase(it);
            continue;
        }
        if (!isDeviceOnline(e->device)) {
            ++it;
            continue;
        }
        if (publishAttempt(id)) {
            it = m_queued.erase(m_queued.find(id));
            continue;
        }
        if (!m_client->canPublish() || m_client->state() != MqttClient::State::Connected)
            break; // the rest waits for readyToPublish()
        // Refused for good (publishAttempt() finished it): dropped at the next look.
        it = m_queued.upperBound(id);
    }
}

void CommandTracker::onTimer()
{
    const qint64 t = now();
    const QStringList closed = closeGroupWindows(t);

    QStringList due;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->deadline > 0 && it->deadline <= t)
            due.append(it.key());
    }
    for (const QString &id : std::as_const(due)) {
        // Earlier ones may have changed the map (a slot reacting to executionChanged, say): look again.
        const auto live = m_live.find(id);
        const auto it = m_executions.constFind(id);
        if (live == m_live.end() || it == m_executions.cend() || live->deadline == 0 || live->deadline > t)
            continue;
        const CommandSpec *spec = findSpec(*it);
        switch (live->phase) {
        case Phase::Approval:
            live->deadline = 0;
            break;
        case Phase::Queued:
            finish(id, State::TimedOut,
                   isDeviceOnline(it->device) ? tr("could not be sent in time")
                                              : tr("device stayed offline"));
            break;
        case Phase::Waiting:
            if (live->retries && spec && it->attempts < spec->retry.attempts) {
                live->phase = Phase::Backoff;
                live->deadline =
                    t + spec->retry.delayMs(it->attempts, QRandomGenerator::global()->generateDouble());
            } else if (it->replies.isEmpty() && live->resumed && it->command == RawCommand) {
                // The console was not listening for part of the wait: nobody knows whether it ran.
                finish(id, State::TimedOut, mayHaveGoneOut());
            } else if (it->replies.isEmpty()) {
                finish(id, State::Unreachable, tr("no reply after %n attempt(s)", nullptr, it->attempts));
            } else if (it->unreadableCount() == it->replies.size()) {
                finish(id, State::TimedOut,
                       tr("%n reply(ies) could not be read: %1", nullptr, it->unreadableCount())
                           .arg(it->lastUnreadableReason()));
            } else {
                finish(id, State::TimedOut, tr("no final reply in time"));
            }
            break;
        case Phase::Backoff:
            publishAttempt(id);
            break;
        case Phase::Running:
            if (spec && spec->isLongRunning())
                finish(id, State::Failed, tr("heartbeats stopped"));
            else
                finish(id, State::TimedOut, tr("no final reply in time"));
            break;
        }
    }
    reportClosedGroups(closed);
    m_journal.rearmAtEndOfTurn();
}

void CommandTracker::rearmNow()
{
    qint64 next = -1;
    for (const Live &live : std::as_const(m_live)) {
        if (live.deadline > 0 && (next < 0 || live.deadline < next))
            next = live.deadline;
    }
    for (const GroupSend &send : std::as_const(m_groupSends)) {
        if (next < 0 || send.deadline < next)
            next = send.deadline;
    }
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - now(), 0, INT_MAX)));
}

void CommandTracker::prune()
{
    // Until the ledger keeps history, memory does, up to a bound: the oldest finished executions go first.
    for (auto it = m_executions.begin(); it != m_executions.end() && m_executions.size() > MaxExecutions;) {
        if (it->isFinal())
            it = m_executions.erase(it);
        else
            ++it;
    }
}

} // namespace fleet
