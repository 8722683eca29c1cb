#include "commands/operatoractions.h"

#include "commands/azurehubclient.h"
#include "common/elided.h"

#include "commands/approvalqueue.h"
#include "commands/commandtracker.h"
#include "commands/rollbacklog.h"
#include "shadow/mergepatch.h"
#include "shadow/shadowclient.h"
#include "shadow/shadowdocument.h"
#include "store/commandledger.h"

#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// The reported section of a get's accepted reply; null when the shadow has none.
Json reportedOf(const Json &body)
{
    const Json *state = jsonMember(body, "state");
    const Json *reported = state ? jsonMember(*state, "reported") : nullptr;
    return reported ? *reported : Json();
}

Json desiredOf(const Json &body)
{
    const Json *state = jsonMember(body, "state");
    const Json *desired = state ? jsonMember(*state, "desired") : nullptr;
    return desired && desired->is_object() ? *desired : Json::object();
}

// The value at a dot-separated path ("config.mode") of a JSON object; nullptr when there is none.
const Json *valueAt(const Json &root, const QString &path)
{
    const Json *node = &root;
    for (const QString &key : path.split(u'.')) {
        node = jsonMember(*node, key.toStdString());
        if (!node)
            return nullptr;
    }
    return node;
}

// A desired value in a sentence: anyone may have written it, so it is cut short.
QString valueText(const Json &value)
{
    constexpr qsizetype MaxChars = 64;
    const QString text = compactJson(value);
    return elided(text, MaxChars);
}

} // namespace

OperatorActions::OperatorActions(CommandTracker *tracker, ShadowClient *shadows, RollbackLog *rollbacks,
                                 QObject *parent)
    : QObject(parent)
    , m_tracker(tracker)
    , m_shadows(shadows)
    , m_rollbacks(rollbacks)
{
    Q_ASSERT(m_rollbacks);
    if (!m_shadows)
        return;
    connect(m_shadows, &ShadowClient::requestFinished, this,
            [this](const QString &token, const ShadowClient::Result &result) {
                if (const auto batch = m_batchRequests.constFind(token); batch != m_batchRequests.cend()) {
                    const BatchRequest request = batch.value();
                    m_batchRequests.erase(batch);
                    return onBatchReply(request, token, result.ok, result.local, result.error, result.version,
                                        result.body);
                }
                if (auto capture = m_captures.find(token); capture != m_captures.end()) {
                    const Capture waiting = capture.value();
                    m_captures.erase(capture);
                    if (result.ok)
                        sendNow(waiting.request, reportedOf(result.body), {}, waiting.context, waiting.done,
                                desiredOf(result.body));
                    else
                        sendNow(waiting.request, std::nullopt, result.error.message, waiting.context,
                                waiting.done);
                    return;
                }
                if (auto before = m_befores.find(token); before != m_befores.end()) {
                    DesiredUpdate update = before.value();
                    m_befores.erase(before);
                    // A shadow that does not exist yet (404) had no desired section.
                    if (!result.ok && (result.local || result.error.code != 404)) {
                        Outcome outcome;
                        outcome.error = result.error.message;
                        outcome.errorCode = result.error.code;
                        outcome.serviceError = !result.local;
                        return deliver(update.context, update.done, outcome);
                    }
                    update.change.before = result.ok ? desiredOf(result.body) : Json::object();
                    return startUpdate(std::move(update));
                }
                const auto it = m_updates.find(token);
                if (it == m_updates.end())
                    return;
                const DesiredUpdate update = it.value();
                m_updates.erase(it);
                m_rollingBack.remove(update.rollbackOf);
                Outcome outcome;
                outcome.id = token;
                if (!result.ok) {
                    outcome.error = result.error.message;
                    outcome.errorCode = result.error.code;
                    outcome.serviceError = !result.local;
                    return deliver(update.context, update.done, outcome);
                }
                outcome.ok = true;
                outcome.version = result.version;
                outcome.reply = result.body;
                const Json before = update.change.before.value_or(Json::object());
                outcome.desired = MergePatch::apply(before, update.change.patch);
                outcome.patch = update.change.patch;
                // Recorded once the service has accepted it: a refused update changed nothing to undo.
                if (update.rollbackOf > 0)
                    m_rollbacks->markRolledBack(update.rollbackOf, token);
                else
                    outcome.rollbackEntry = m_rollbacks->recordDesiredUpdate(
                        update.change.device, update.change.shadowName, before, update.change.patch, token);
                outcome.note = ledgerNote();
                deliver(update.context, update.done, outcome);
            });
}

OperatorActions::~OperatorActions() = default;

QString OperatorActions::approvalsProblem() const
{
    if (!m_tracker || !ApprovalQueue::isValidIdentity(m_tracker->actor()))
        return tr("Approvals need an MQTT username (the requester's identity): connect with one.");
    return m_approvalsProblem.isEmpty() ? QString() : tr("Approvals are off: %1").arg(m_approvalsProblem);
}

QString OperatorActions::hubCommandProblem(const CommandSpec &spec, const CommandRequest &request,
                                           const QString &problem, const QString &notToAGroup,
                                           const QString &needsTheGate, const QString &oneAtATime) const
{
    if (!request.group.isEmpty())
        return notToAGroup;
    if (!problem.isEmpty() || !spec.sensitive)
        return problem;
    if (m_tracker->gatePrefix().isEmpty())
        return needsTheGate;
    if (request.devices.size() > 1)
        return oneAtATime;
    if (!approvalsProblem().isEmpty())
        return tr("%1 needs an approval. %2").arg(spec.name, approvalsProblem());
    return problem;
}

OperatorActions::Preview OperatorActions::preview(const CommandRequest &request) const
{
    Preview p;
    if (!m_tracker) {
        p.problem = tr("Commands cannot be sent from here (no command tracker).");
        return p;
    }
    const QString device = request.devices.isEmpty() ? QString(PlaceholderDevice) : request.devices.first();
    if (request.command.isEmpty()) {
        p.topic = m_tracker->dialect().requestTopic(device).value_or(QString());
        p.payload = QString::fromUtf8(request.raw);
        if (!request.group.isEmpty() || request.devices.size() > 1)
            p.problem = tr("A free-form payload goes to exactly one device.");
        else if (request.raw.isEmpty())
            p.problem = tr("Type the payload to send.");
        else if (request.raw.size() > CommandTracker::MaxRawPayloadBytes)
            p.problem = tr("The payload is %1 bytes; at most %2 can be sent.")
                            .arg(request.raw.size())
                            .arg(CommandTracker::MaxRawPayloadBytes);
        return p;
    }
    const CommandSpec *spec = m_tracker->catalog().find(request.command);
    if (!spec) {
        p.problem = tr("Unknown command \"%1\" (the catalog has: %2).")
                        .arg(request.command, m_tracker->catalog().names().join(u", "_s));
        return p;
    }
    p.needsApproval = spec->sensitive;
    // In the form the first target takes (its catalog profile's dialect and topics); every other device of
    // a selection is checked when it is sent.
    if (!request.group.isEmpty() || !request.devices.isEmpty()) {
        QString unfit;
        const CommandSpec *form = m_tracker->commandFor(
            request.command, request.group.isEmpty() ? device : QString(), request.group, &unfit);
        if (!form) {
            p.problem = unfit;
            return p;
        }
        spec = form;
    }
    p.capturesState = spec->inverse.has_value() && request.devices.size() == 1 && request.group.isEmpty();
    QString problem;
    if (spec->dialect == "azure-methods"_L1) {
        // What the device receives once fleet-hub calls the method (the console asks the hub on
        // fleet/azure-methods/invoke/{user}/{tid}; docs/azure.md).
        if (const std::optional<Json> built = spec->buildPayload(request.parameters, &problem))
            p.payload = compactJson(*built);
        p.topic = u"$iothub/methods/POST/%1/?$rid=… (%2)"_s.arg(spec->name, device);
        problem = hubCommandProblem(
            *spec, request, problem,
            tr("%1 is an Azure direct method here: it goes to one device at a time, not to a group.")
                .arg(spec->name),
            tr("%1 is sensitive: as an Azure direct method it needs fleet-hub's command gate, which holds it "
               "for "
               "an approval.")
                .arg(spec->name),
            tr("%1 is sensitive: as an Azure direct method each approval covers one device, so send it to "
               "one at "
               "a time.")
                .arg(spec->name));
        p.problem = problem;
        p.warning = desiredWarning(request);
        return p;
    }
    const bool aws = spec->dialect == "aws-commands"_L1;
    if (aws) {
        // What the thing receives once fleet-hub has started the execution (the console asks the hub on
        // fleet/aws-commands/start/{user}/{tid}; docs/aws-commands.md).
        if (const std::optional<Json> built = spec->buildPayload(request.parameters, &problem))
            p.payload = built->is_string() && spec->contentType != "application/json"_L1
                            ? QString::fromStdString(built->get<std::string>())
                            : compactJson(*built);
        const QString suffix = spec->contentType == "application/json"_L1   ? u"/json"_s
                               : spec->contentType == "application/cbor"_L1 ? u"/cbor"_s
                                                                            : QString();
        p.topic = u"$aws/commands/things/%1/executions/<executionId>/request%2"_s.arg(device, suffix);
        problem = hubCommandProblem(
            *spec, request, problem,
            tr("%1 is an AWS IoT command: it goes to one thing at a time, not to a group.").arg(spec->name),
            tr("%1 is a sensitive AWS IoT command: it needs fleet-hub's command gate, which holds it for an "
               "approval.")
                .arg(spec->name),
            tr("%1 is a sensitive AWS IoT command: each approval covers one thing, so send it to one at a "
               "time.")
                .arg(spec->name));
        p.problem = problem;
        p.warning = desiredWarning(request);
        return p;
    }
    if (const std::optional<Json> built = spec->buildPayload(request.parameters, &problem)) {
        const QByteArray bytes =
            spec->dialect == "atlas-text"_L1
                ? spec->textRequest(*built)
                : m_tracker->dialect().encodeRequest(spec->name, PlaceholderTid, *built, nullptr, &problem);
        p.payload = QString::fromUtf8(bytes);
    }
    QString topicProblem;
    p.topic = request.group.isEmpty() ? spec->requestTopic(device, &topicProblem, PlaceholderTid)
                                      : spec->groupRequestTopic(request.group, &topicProblem, PlaceholderTid);
    if (!request.group.isEmpty() && spec->groupRequestTopicTemplate.isEmpty())
        topicProblem =
            tr("%1 cannot be sent to a group: the catalog gives it no group topic.").arg(spec->name);
    else if (!request.group.isEmpty() && spec->sensitive && m_tracker->gatePrefix().isEmpty())
        // fleet-hub's gate holds a group request for one approval; without it the console cannot, since it
        // does not know who will receive the group's topic.
        topicProblem = tr("%1 needs an approval, which a group command has only through fleet-hub's gate: "
                          "send it to the devices instead.")
                           .arg(spec->name);
    if (problem.isEmpty())
        problem = topicProblem;
    if (problem.isEmpty() && spec->sensitive && !approvalsProblem().isEmpty())
        problem = tr("%1 needs an approval. %2").arg(spec->name, approvalsProblem());
    p.problem = problem;
    p.warning = desiredWarning(request);
    return p;
}

QString OperatorActions::desiredWarning(const CommandRequest &request,
                                        const std::optional<Json> &readDesired) const
{
    if (!m_tracker || request.command.isEmpty())
        return {};
    const CommandSpec *spec = m_tracker->catalog().find(request.command);
    if (!spec || spec->setsTemplate.empty())
        return {};
    const std::optional<Json> sets = spec->stateSet(request.parameters);
    if (!sets || sets->empty())
        return {};
    QStringList devices = request.devices;
    if (!request.group.isEmpty())
        devices = m_groupMembers ? m_groupMembers(request.group) : QStringList();
    QStringList named;
    int conflicting = 0;
    // A selection of thousands is compared up to a bound: the warning is a hint, not a census.
    const qsizetype checked = std::min<qsizetype>(devices.size(), MaxDesiredChecks);
    for (qsizetype i = 0; i < checked; ++i) {
        std::optional<Json> desired;
        if (i == 0 && readDesired) {
            desired = readDesired;
        } else if (m_shadows) {
            if (const auto cached = m_shadows->cached(devices.at(i));
                cached && cached->state == ShadowClient::CacheState::Fresh)
                desired = cached->document.desired();
        }
        if (!desired)
            continue; // not known without asking the broker, which a preview never waits for
        QStringList keys;
        for (const auto &[path, value] : sets->items()) {
            const Json *wanted = valueAt(*desired, QString::fromStdString(path));
            // The shadow's delta holds a desired key whose value differs from the reported one: that is what
            // the device will be asked to go back to.
            if (wanted && !wanted->is_null() && *wanted != value)
                keys.append(u"%1 = %2"_s.arg(QString::fromStdString(path), valueText(*wanted)));
        }
        if (keys.isEmpty())
            continue;
        if (++conflicting <= MaxWarnedDevices)
            named.append(tr("%1's desired state says %2").arg(devices.at(i), keys.join(u", "_s)));
    }
    if (conflicting == 0)
        return {};
    QString who = named.join(u"; "_s);
    if (conflicting > MaxWarnedDevices)
        who += u' ' + tr("(and %n more device(s))", nullptr, conflicting - MaxWarnedDevices);
    return conflicting == 1
               ? tr("%1: the device will be asked to go back to it (the shadow's delta) — update "
                    "the desired state instead, or too.")
                     .arg(who)
               : tr("%1: each of these devices will be asked to go back to it (the shadow's "
                    "delta) — update the desired state instead, or too.")
                     .arg(who);
}

void OperatorActions::deliver(const QPointer<QObject> &context, const Callback &done, const Outcome &outcome)
{
    if (context && done)
        done(outcome);
}

QString OperatorActions::ledgerNote() const
{
    const QString error = m_rollbacks->ledgerError();
    return error.isEmpty() ? QString() : tr("The rollback history could not be saved: %1").arg(error);
}

void OperatorActions::setAzure(AzureHubClient *azure)
{
    m_azure = azure;
    const auto take = [this](const QString &id) -> std::optional<Capture> {
        const auto it = m_twinCaptures.find(id);
        if (it == m_twinCaptures.end())
            return std::nullopt;
        Capture capture = it.value();
        m_twinCaptures.erase(it);
        return capture;
    };
    const auto withoutVersion = [](Json section) {
        if (section.is_object())
            section.erase("$version");
        return section.is_object() ? section : Json::object();
    };
    connect(m_azure, &AzureHubClient::twinReceived, this,
            [this, take, withoutVersion](const QString &id, const QString &, const Json &twin) {
                if (const std::optional<Capture> c = take(id))
                    sendNow(c->request, withoutVersion(twin.value("reported", Json())), {}, c->context,
                            c->done, withoutVersion(twin.value("desired", Json())));
                else if (m_twinUpdates.contains(id))
                    onTwinForRollback(id, twin);
            });
    connect(
        m_azure, &AzureHubClient::requestFailed, this,
        [this, take](const QString &id, int code, const QString &message) {
            if (const std::optional<Capture> c = take(id)) {
                sendNow(c->request, std::nullopt, tr("%1 (%2)").arg(message).arg(code), c->context, c->done);
            } else if (std::optional<TwinUpdate> update = takeTwinUpdate(id); update && update->rollbackOf) {
                Outcome outcome;
                outcome.errorCode = code;
                outcome.serviceError = true;
                outcome.error = code == 412
                                    ? tr("Someone changed the desired properties meanwhile: roll back "
                                         "again to compare with them.")
                                    : tr("%1 (%2)").arg(message).arg(code);
                finishTwinRollback(*update, outcome);
            }
        });
    connect(m_azure, &AzureHubClient::desiredAccepted, this,
            [this, withoutVersion](const QString &id, const QString &device, const Json &desired) {
                std::optional<TwinUpdate> update = takeTwinUpdate(id);
                if (!update)
                    return;
                if (!update->rollbackOf) {
                    m_rollbacks->recordTwinDesired(device, update->before, update->patch, id);
                    return;
                }
                m_rollbacks->markRolledBack(update->rollbackOf, id);
                Outcome outcome;
                outcome.ok = true;
                outcome.id = id;
                outcome.patch = update->patch;
                outcome.desired = withoutVersion(desired);
                if (const Json *version = jsonMember(desired, "$version");
                    version && version->is_number_integer())
                    outcome.version = version->get<qint64>();
                outcome.note = ledgerNote();
                finishTwinRollback(*update, outcome);
            });
    connect(m_azure, &AzureHubClient::gateOutcome, this,
            [this](const QString &id, const QString &gate, const QString &reason) {
                const auto it = m_twinUpdates.find(id);
                if (it == m_twinUpdates.end())
                    return;
                if (gate == "held"_L1) {
                    // Followed on: the approval may come days later. A rollback is answered now.
                    if (it->rollbackOf && it->done) {
                        Outcome outcome;
                        outcome.ok = true;
                        outcome.id = id;
                        outcome.awaitingApproval = true;
                        outcome.patch = it->patch;
                        // Still under way until the approver decides: a second rollback is not started.
                        deliver(it->context, std::exchange(it->done, {}), outcome);
                    }
                    return;
                }
                if (gate == "approved"_L1)
                    return; // the hub's answer follows
                std::optional<TwinUpdate> update = takeTwinUpdate(id);
                if (update && update->rollbackOf) {
                    Outcome outcome;
                    outcome.error = tr("The gate did not pass it (%1): %2").arg(gate, reason);
                    finishTwinRollback(*update, outcome);
                }
            });
}

void OperatorActions::trackTwinUpdate(const QString &requestId, const QString &device,
                                      const Json &beforeDesired, const Json &patch)
{
    if (requestId.isEmpty())
        return;
    followTwinUpdate(requestId, TwinUpdate{device, beforeDesired, patch, 0, false, {}, {}});
}

void OperatorActions::followTwinUpdate(const QString &id, TwinUpdate update)
{
    m_twinUpdateOrder.removeOne(id); // the same id twice is one change, followed once

    while (m_twinUpdates.size() >= MaxTrackedTwinUpdates && !m_twinUpdateOrder.isEmpty()) {
        std::optional<TwinUpdate> oldest = takeTwinUpdate(m_twinUpdateOrder.constFirst());
        if (oldest && oldest->rollbackOf) {
            Outcome outcome;
            outcome.error = tr("Too many twin changes are under way; this rollback is no longer followed.");
            finishTwinRollback(*oldest, outcome);
        }
    }
    m_twinUpdates.insert(id, std::move(update));
    m_twinUpdateOrder.append(id);
}

std::optional<OperatorActions::TwinUpdate> OperatorActions::takeTwinUpdate(const QString &id)
{
    const auto it = m_twinUpdates.find(id);
    if (it == m_twinUpdates.end())
        return std::nullopt;
    TwinUpdate update = std::move(it.value());
    m_twinUpdates.erase(it);
    m_twinUpdateOrder.removeOne(id);
    return update;
}

void OperatorActions::finishTwinRollback(TwinUpdate &update, const Outcome &outcome)
{
    m_rollingBack.remove(update.rollbackOf);
    deliver(update.context, std::exchange(update.done, {}), outcome);
}

void OperatorActions::rollBackTwin(const RollbackEntry &entry, const QPointer<QObject> &guard, Callback done)
{
    Outcome outcome;
    QString error;
    // Read first: the rollback restores only what nobody changed since (the same rule as a desired batch).
    const QString id = m_azure ? m_azure->getTwin(entry.device, &error) : QString();
    if (id.isEmpty()) {
        outcome.error = m_azure ? error : tr("There is no Azure service.");
        return deliver(guard, done, outcome);
    }
    m_rollingBack.insert(entry.id);
    followTwinUpdate(id, TwinUpdate{entry.device, entry.after, *m_rollbacks->inverseDesiredPatch(entry.id),
                                    entry.id, true, guard, std::move(done)});
}

void OperatorActions::onTwinForRollback(const QString &id, const Json &twin)
{
    std::optional<TwinUpdate> update = takeTwinUpdate(id);
    if (!update || !update->reading)
        return;
    const Json *desired = jsonMember(twin, "desired");
    Outcome outcome;
    if (!desired || !desired->is_object()) {
        outcome.error = tr("fleet-hub sent a twin without desired properties.");
        return finishTwinRollback(*update, outcome);
    }
    // update->before holds the entry's after: what the change left. A key the rollback would touch that
    // holds something else now was changed since, and is not overwritten.
    QStringList changed;
    for (auto it = update->patch.begin(); it != update->patch.end(); ++it) {
        const Json *now = jsonMember(*desired, it.key());
        const Json *then = jsonMember(update->before, it.key());
        if ((now == nullptr) != (then == nullptr) || (now && *now != *then))
            changed.append(QString::fromStdString(it.key()));
    }
    if (!changed.isEmpty()) {
        outcome.error =
            tr("Someone changed %1 since; the rollback leaves the twin as it is.").arg(changed.join(u", "_s));
        return finishTwinRollback(*update, outcome);
    }
    const Json *version = jsonMember(*desired, "$version");
    QString error;
    const QString updateId = m_azure->updateDesired(update->device, update->patch,
                                                    version && version->is_number_integer()
                                                        ? std::optional<qint64>(version->get<qint64>())
                                                        : std::nullopt,
                                                    &error);
    if (updateId.isEmpty()) {
        outcome.error = error;
        return finishTwinRollback(*update, outcome);
    }
    update->reading = false;
    followTwinUpdate(updateId, std::move(*update));
}

void OperatorActions::sendCommand(const CommandRequest &request, QObject *context, Callback done)
{
    const QPointer<QObject> guard(context);
    const Preview checked = preview(request);
    const bool noTarget = request.devices.isEmpty() && request.group.isEmpty();
    if (noTarget || !checked.problem.isEmpty()) {
        Outcome outcome;
        outcome.error = noTarget ? tr("No devices are selected.") : checked.problem;
        return deliver(guard, done, outcome);
    }
    const QString targets = !request.group.isEmpty() ? tr("group %1").arg(request.group)
                            : request.devices.size() == 1
                                ? request.devices.first()
                                : tr("%n device(s)", nullptr, int(request.devices.size()));
    if (!confirm(request.command.isEmpty() ? tr("a free-form payload to %1").arg(targets)
                                           : tr("the command %1 to %2").arg(request.command, targets))) {
        Outcome outcome;
        outcome.error = notConfirmedError();
        return deliver(guard, done, outcome);
    }
    if (!checked.capturesState)
        return sendNow(request, std::nullopt, {}, guard, done);
    // What the device reports now is what its inverse will restore: read it before the command runs.
    const QString device = request.devices.first();
    if (const CommandSpec *spec = m_tracker->catalog().find(request.command, device, {});
        spec && spec->dialect == "azure-methods"_L1) {
        // An Azure device reports in its twin, which fleet-hub keeps.
        QString error;
        const QString id = m_azure ? m_azure->getTwin(device, &error) : QString();
        if (id.isEmpty())
            return sendNow(request, std::nullopt, m_azure ? error : tr("there is no Azure service"), guard,
                           done);
        m_twinCaptures.insert(id, Capture{request, guard, std::move(done)});
        // The command must not wait on a hub that does not answer: without the state it goes unrecorded.
        QTimer::singleShot(CaptureTimeoutMs, this, [this, id] {
            const auto it = m_twinCaptures.find(id);
            if (it == m_twinCaptures.end())
                return;
            const Capture c = it.value();
            m_twinCaptures.erase(it);
            m_azure->forget(id);
            sendNow(c.request, std::nullopt, tr("fleet-hub did not send the twin in time"), c.context,
                    c.done);
        });
        return;
    }
    if (!m_shadows)
        return sendNow(request, std::nullopt, tr("there is no shadow service"), guard, done);
    if (const auto cached = m_shadows->cached(device);
        cached && cached->state == ShadowClient::CacheState::Fresh)
        return sendNow(request, cached->document.reported(), {}, guard, done);
    m_captures.insert(m_shadows->get(device, {}, CaptureTimeoutMs), Capture{request, guard, std::move(done)});
}

void OperatorActions::sendNow(const CommandRequest &request, const std::optional<Json> &captured,
                              const QString &captureProblem, const QPointer<QObject> &context,
                              const Callback &done, const std::optional<Json> &readDesired)
{
    Outcome outcome;
    QString error;
    const CommandTracker::SendOptions options{request.retryOf};
    if (request.command.isEmpty()) {
        outcome.id = m_tracker->sendRaw(request.devices.value(0), request.raw, &error, options);
        outcome.executions = {outcome.id};
    } else if (!request.group.isEmpty()) {
        outcome.id = m_tracker->sendToGroup(request.group, request.command, request.parameters, &error);
    } else if (request.devices.size() > 1) {
        outcome.id = m_tracker->sendToDevices(request.devices, request.command, request.parameters, &error);
        if (const std::optional<CommandTracker::Broadcast> broadcast = m_tracker->broadcast(outcome.id))
            outcome.executions = broadcast->executions;
    } else {
        outcome.id =
            m_tracker->send(request.devices.value(0), request.command, request.parameters, &error, options);
        outcome.executions = {outcome.id};
    }
    if (outcome.id.isEmpty()) {
        outcome.executions.clear();
        outcome.error = error.isEmpty() ? tr("The command was not sent.") : error;
        return deliver(context, done, outcome);
    }
    outcome.ok = true;
    outcome.warning = desiredWarning(request, readDesired);
    const CommandSpec *spec =
        request.command.isEmpty() ? nullptr : m_tracker->catalog().find(request.command);
    outcome.awaitingApproval = spec && spec->sensitive;
    if (spec && spec->inverse && request.devices.size() == 1 && request.group.isEmpty()) {
        if (captured) {
            outcome.rollbackEntry = m_rollbacks->recordCommand(request.devices.first(), request.command,
                                                               request.parameters, *captured, outcome.id);
            outcome.note = ledgerNote();
        } else {
            outcome.note = tr("No rollback recorded: %1's state could not be read (%2).")
                               .arg(request.devices.first(), captureProblem);
        }
    }
    deliver(context, done, outcome);
}

void OperatorActions::retry(const QString &executionId, QObject *context, Callback done)
{
    std::optional<CommandExecution> e =
        m_tracker ? m_tracker->execution(executionId) : std::optional<CommandExecution>();
    // The timeline also shows what only the ledger still keeps: it can be retried as well.
    if (!e && m_tracker && m_tracker->ledger())
        e = m_tracker->ledger()->load(executionId);
    if (!e) {
        Outcome outcome;
        outcome.error = tr("There is no command %1 to retry.").arg(executionId);
        return deliver(QPointer<QObject>(context), done, outcome);
    }
    // A group part is retried for its one device: the others have their own verdicts.
    CommandRequest request;
    request.devices = {e->device};
    if (e->command == CommandTracker::RawCommand)
        request.raw =
            e->payload.is_string() ? QByteArray::fromStdString(e->payload.get<std::string>()) : QByteArray();
    else
        request.command = e->command;
    request.parameters = e->parameters.is_object() ? e->parameters : Json::object();
    request.retryOf = e->id;
    sendCommand(request, context, std::move(done));
}

QString OperatorActions::notConfirmedError()
{
    return tr("Not sent: it was not confirmed.");
}

void OperatorActions::updateDesired(const DesiredChange &change, QObject *context, Callback done)
{
    DesiredUpdate update{change, 0, QPointer<QObject>(context), std::move(done)};
    if (!confirm(tr("a change of %1's desired state").arg(change.device))) {
        Outcome outcome;
        outcome.error = notConfirmedError();
        return deliver(update.context, update.done, outcome);
    }
    if (!change.patch.is_object() && !change.patch.is_null()) {
        Outcome outcome;
        outcome.error = tr("The desired state must be a JSON object.");
        return deliver(update.context, update.done, outcome);
    }
    if (!m_shadows) {
        Outcome outcome;
        outcome.error = tr("There is no shadow service.");
        return deliver(update.context, update.done, outcome);
    }
    if (m_tracker && m_tracker->catalog().isAzureDevice(change.device)) {
        Outcome outcome;
        outcome.error = azureDeviceProblem(change.device);
        return deliver(update.context, update.done, outcome);
    }
    if (!change.before) {
        // The section it replaces, for the rollback history, read first.
        m_befores.insert(m_shadows->get(change.device, change.shadowName), std::move(update));
        return;
    }
    startUpdate(std::move(update));
}

void OperatorActions::startUpdate(DesiredUpdate update)
{
    const QString token = m_shadows->updateDesired(update.change.device, update.change.shadowName,
                                                   update.change.patch, update.change.version);
    if (update.rollbackOf > 0)
        m_rollingBack.insert(update.rollbackOf);
    m_updates.insert(token, std::move(update));
}

void OperatorActions::rollBack(qint64 entryId, QObject *context, Callback done, ProgressCallback progress)
{
    const QPointer<QObject> guard(context);
    Outcome outcome;
    const RollbackPlan plan = rollbackPlan(entryId);
    if (!plan.problem.isEmpty()) {
        outcome.error = plan.problem;
        return deliver(guard, done, outcome);
    }
    if (!confirm(tr("the rollback: %1").arg(plan.description))) {
        outcome.error = notConfirmedError();
        return deliver(guard, done, outcome);
    }
    const std::optional<RollbackEntry> entry = m_rollbacks->entry(entryId);
    QString error;
    if (entry->kind == RollbackEntry::Kind::Command) {
        const auto inverse = m_rollbacks->inverseCommand(entryId, m_tracker->catalog(), &error);
        outcome.id = m_tracker->send(entry->device, inverse->command, inverse->parameters, &error);
        if (outcome.id.isEmpty()) {
            outcome.error = error;
            return deliver(guard, done, outcome);
        }
        outcome.ok = true;
        outcome.executions = {outcome.id};
        const std::optional<CommandExecution> execution = m_tracker->execution(outcome.id);
        outcome.awaitingApproval = execution && execution->state == CommandExecution::State::AwaitingApproval;
        m_rollbacks->markRolledBack(entryId, outcome.id);
        outcome.note = ledgerNote();
        return deliver(guard, done, outcome);
    }
    if (entry->kind == RollbackEntry::Kind::TwinDesired)
        return rollBackTwin(*entry, guard, std::move(done));
    if (!m_shadows) {
        outcome.error = tr("There is no shadow service.");
        return deliver(guard, done, outcome);
    }
    if (entry->kind == RollbackEntry::Kind::DesiredBatch) {
        BatchRun run;
        run.shadowName = entry->shadowName;
        run.group = entry->group;
        run.rollbackOf = entryId;
        for (const RollbackTarget &target : entry->targets) {
            if (!target.isSettled())
                run.items.append(BatchItem{target.device, RollbackLog::inversePatch(target), target});
        }
        run.context = guard;
        run.progress = std::move(progress);
        run.done = std::move(done);
        m_rollingBack.insert(entryId);
        return startBatch(std::move(run));
    }
    DesiredChange change;
    change.device = entry->device;
    change.shadowName = entry->shadowName;
    change.patch = *m_rollbacks->inverseDesiredPatch(entryId, &error);
    change.before = entry->after;
    startUpdate(DesiredUpdate{change, entryId, guard, std::move(done)});
}

OperatorActions::RollbackPlan OperatorActions::rollbackPlan(qint64 entryId) const
{
    RollbackPlan plan;
    const std::optional<RollbackEntry> entry = m_rollbacks->entry(entryId);
    if (!entry) {
        plan.problem = tr("There is no change %1 to roll back.").arg(entryId);
        return plan;
    }
    if (entry->kind == RollbackEntry::Kind::Command && !m_tracker) {
        plan.problem = tr("Commands cannot be sent from here (no command tracker).");
    } else if (entry->kind == RollbackEntry::Kind::Command) {
        const auto inverse = m_rollbacks->inverseCommand(entryId, m_tracker->catalog(), &plan.problem);
        if (inverse) {
            plan.description =
                tr("send %1 %2 to %3").arg(inverse->command, compactJson(inverse->parameters), entry->device);
            const CommandSpec *spec = m_tracker->catalog().find(inverse->command);
            plan.needsApproval = spec && spec->sensitive;
            if (plan.needsApproval && !approvalsProblem().isEmpty())
                plan.problem = tr("%1 needs an approval. %2").arg(inverse->command, approvalsProblem());
            else if (plan.needsApproval)
                plan.description += u' ' + tr("(sensitive: it goes to approval first)");
        }
    } else if (entry->kind == RollbackEntry::Kind::DesiredBatch) {
        int open = 0;
        QStringList sensitive;
        for (const RollbackTarget &target : entry->targets) {
            if (target.isSettled())
                continue;
            ++open;
            for (const QString &key : sensitiveKeys(RollbackLog::inversePatch(target))) {
                if (!sensitive.contains(key))
                    sensitive.append(key);
            }
        }
        plan.description = tr("restore the previous desired values of %1 on %n devices", nullptr, open)
                               .arg(compactJson(entry->parameters));
        plan.needsApproval = !sensitive.isEmpty() && m_tracker && !m_tracker->gatePrefix().isEmpty();
        if (plan.needsApproval && open > MaxHeldBatchDevices)
            plan.problem = tr("Restoring %1 needs an approval per device, and the gate holds at most %2 at a "
                              "time: roll back from the devices' own entries instead.")
                               .arg(sensitive.join(u", "_s))
                               .arg(MaxHeldBatchDevices);
        else if (plan.needsApproval)
            plan.description += u' ' + tr("(sensitive: each device's change goes to approval first)");
        if (open < entry->targets.size())
            plan.description += u' ' + tr("(%n already restored or changed since)", nullptr,
                                          int(entry->targets.size() - open));
    } else if (const auto patch = m_rollbacks->inverseDesiredPatch(entryId, &plan.problem);
               patch && entry->kind == RollbackEntry::Kind::TwinDesired) {
        plan.description = tr("update the twin's desired properties with %1").arg(compactJson(*patch));
        plan.needsApproval =
            !sensitiveKeys(*patch).isEmpty() && m_tracker && !m_tracker->gatePrefix().isEmpty();
        if (plan.needsApproval)
            plan.description += u' ' + tr("(sensitive: it goes to approval first)");
        if (!m_azure)
            plan.problem = tr("There is no Azure service.");
    } else if (patch) {
        plan.description = tr("update the desired state with %1").arg(compactJson(*patch));
    }
    if (entry->isRolledBack())
        plan.problem = tr("Entry %1 was already rolled back by %2.").arg(entryId).arg(entry->rolledBackBy);
    else if (isRollingBack(entryId))
        plan.problem = tr("The rollback of entry %1 is under way.").arg(entryId);
    return plan;
}

QStringList OperatorActions::sensitiveKeys(const Json &patch) const
{
    QStringList keys;
    if (!m_tracker || !patch.is_object())
        return keys;
    // As fleet-hub's gate judges a desired update (GatePolicy): a top-level key the catalog names, set or
    // cleared.
    for (const QString &key : m_tracker->catalog().sensitiveDesiredKeys()) {
        if (patch.contains(key.toStdString()))
            keys.append(key);
    }
    return keys;
}

QString OperatorActions::azureDeviceProblem(const QString &device)
{
    return tr("%1 is an Azure IoT Hub device: it has a twin, not a shadow. Change its desired properties in "
              "the device dock or with fleetctl twin update.")
        .arg(device);
}

OperatorActions::BatchPreview OperatorActions::previewBatch(const DesiredBatch &batch) const
{
    BatchPreview p;
    if (!batch.group.isEmpty()) {
        p.devices = m_groupMembers ? m_groupMembers(batch.group) : QStringList();
    } else {
        p.devices = batch.devices;
        p.devices.removeAll(QString());
    }
    p.devices.removeDuplicates();
    if (m_tracker) {
        const CommandCatalog &catalog = m_tracker->catalog();
        for (const QString &device : std::as_const(p.devices)) {
            if (catalog.isAzureDevice(device))
                p.azureDevices.append(device);
        }
        p.devices.removeIf([&](const QString &device) { return catalog.isAzureDevice(device); });
    }
    p.sensitiveKeys = sensitiveKeys(batch.patch);
    p.needsApproval = !p.sensitiveKeys.isEmpty() && m_tracker && !m_tracker->gatePrefix().isEmpty();
    if (!m_shadows)
        p.problem = tr("There is no shadow service.");
    else if (!batch.patch.is_object())
        // Clearing the whole desired section ("desired": null) of many devices at once is not offered: too
        // much to lose in one click, and the gate holds it anyway.
        p.problem = tr("The desired state must be a JSON object.");
    else if (batch.patch.empty())
        p.problem = tr("The patch changes nothing: name at least one key.");
    else if (ShadowDocument::depthOf(batch.patch) > ShadowDocument::MaxDepth)
        p.problem = tr("The patch is nested more than %1 levels deep.").arg(ShadowDocument::MaxDepth);
    else if (ShadowDocument::containsNullInArray(batch.patch))
        p.problem = tr("An array in the patch contains null, which the shadow service refuses.");
    else if (ShadowDocument::stateBytes(batch.patch, Json::object()) > ShadowDocument::MaxStateBytes)
        p.problem = tr("The patch is %1 bytes; a shadow's state holds at most %2.")
                        .arg(ShadowDocument::stateBytes(batch.patch, Json::object()))
                        .arg(ShadowDocument::MaxStateBytes);
    else if (p.devices.isEmpty() && !p.azureDevices.isEmpty())
        p.problem = azureDeviceProblem(p.azureDevices.constFirst());
    else if (!batch.group.isEmpty() && p.devices.isEmpty())
        p.problem = tr("No device is known to be in group %1.").arg(batch.group);
    else if (p.devices.isEmpty())
        p.problem = tr("No devices are selected.");
    else if (p.devices.size() > MaxBatchDevices)
        p.problem = tr("%1 devices are selected; one desired-state change reaches at most %2.")
                        .arg(p.devices.size())
                        .arg(MaxBatchDevices);
    else if (p.needsApproval && p.devices.size() > MaxHeldBatchDevices)
        p.problem = tr("%1 needs an approval per device, and fleet-hub's gate holds at most %2 requests of "
                       "yours at a time: select at most %2 devices.")
                        .arg(p.sensitiveKeys.join(u", "_s))
                        .arg(MaxHeldBatchDevices);
    return p;
}

void OperatorActions::updateDesiredMany(const DesiredBatch &batch, QObject *context,
                                        ProgressCallback progress, Callback done)
{
    const BatchPreview checked = previewBatch(batch);
    if (!checked.problem.isEmpty() ||
        !confirm(tr("a change of the desired state of %n device(s)", nullptr, int(checked.devices.size())))) {
        Outcome outcome;
        outcome.error = checked.problem.isEmpty() ? notConfirmedError() : checked.problem;
        return deliver(QPointer<QObject>(context), done, outcome);
    }
    BatchRun run;
    run.shadowName = batch.shadowName;
    run.group = batch.group;
    run.patch = batch.patch;
    run.items.reserve(checked.devices.size());
    for (const QString &device : checked.devices)
        run.items.append(BatchItem{device, batch.patch});
    run.context = context;
    run.progress = std::move(progress);
    run.done = std::move(done);
    startBatch(std::move(run));
}

void OperatorActions::startBatch(BatchRun run)
{
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const quint64 key = m_nextBatch++;
    m_batches.emplace(key, std::move(run));
    // From the event loop, as ShadowClient answers: the caller returns before the first result (and an empty
    // rollback ends there too).
    QMetaObject::invokeMethod(
        this, [this, key] { pumpBatch(key); }, Qt::QueuedConnection);
}

void OperatorActions::pumpBatch(quint64 key)
{
    const auto it = m_batches.find(key);
    if (it == m_batches.end())
        return;
    BatchRun &run = it->second;
    while (run.inFlight < MaxBatchInFlight && run.next < run.items.size()) {
        ++run.inFlight;
        readBatchItem(key, run.next++);
    }
    if (run.inFlight == 0 && run.next >= run.items.size())
        finishBatch(key);
}

void OperatorActions::readBatchItem(quint64 key, qsizetype item)
{
    BatchRun &run = m_batches.at(key);
    const QString token = m_shadows->get(run.items.at(item).device, run.shadowName);
    m_batchRequests.insert(token, BatchRequest{key, item, true});
}

void OperatorActions::onBatchReply(const BatchRequest &request, const QString &token, bool ok, bool local,
                                   const ShadowError &error, std::optional<qint64> version, const Json &body)
{
    const auto it = m_batches.find(request.batch);
    if (it == m_batches.end())
        return;
    BatchRun &run = it->second;
    BatchItem &item = run.items[request.item];
    DeviceResult result;
    result.device = item.device;
    if (request.read) {
        // A shadow that does not exist yet (404) had no desired section; the update creates it.
        if (!ok && (local || error.code != 404)) {
            result.errorCode = error.code;
            result.error = error.message;
            result.serviceError = !local;
            return finishBatchItem(request.batch, result);
        }
        item.before = ok ? desiredOf(body) : Json::object();
        item.version = ok ? version : std::nullopt;
        if (item.target && RollbackLog::changedSince(*item.target, item.before)) {
            result.status = DeviceResult::Status::ChangedSince;
            result.error = tr("Its desired state changed since: left as it is.");
            return finishBatchItem(request.batch, result);
        }
        if (item.patch.is_object() && item.patch.empty()) {
            // A rollback with nothing to restore on this device (the batch changed nothing there).
            result.status = DeviceResult::Status::Accepted;
            result.version = item.version;
            run.restored.insert(item.device, run.id);
            return finishBatchItem(request.batch, result);
        }
        // At the version read: what the entry records as "before" is exactly what this update replaces.
        const QString update =
            m_shadows->updateDesired(item.device, run.shadowName, item.patch, item.version);
        m_batchRequests.insert(update, BatchRequest{request.batch, request.item, false});
        return;
    }
    if (!ok && !local && error.code == 409 && item.attempts < MaxConflictRetries) {
        // Someone (the device reporting, another operator) changed the shadow between the read and the
        // update: read it again.
        ++item.attempts;
        return readBatchItem(request.batch, request.item);
    }
    if (ok) {
        result.status = DeviceResult::Status::Accepted;
        result.version = version;
        if (run.rollbackOf > 0)
            run.restored.insert(item.device, token);
        else
            run.accepted.append(RollbackTarget{item.device, item.before, Json::object(), token});
    } else {
        result.status = local && error.code == ShadowClient::HeldForApproval ? DeviceResult::Status::Held
                                                                             : DeviceResult::Status::Refused;
        result.errorCode = error.code;
        result.error = error.message;
        result.serviceError = !local;
    }
    finishBatchItem(request.batch, result);
}

void OperatorActions::finishBatchItem(quint64 key, DeviceResult result)
{
    BatchRun &run = m_batches.at(key);
    --run.inFlight;
    ++run.completed;
    if (result.status == DeviceResult::Status::ChangedSince)
        run.changedSince.append(result.device);
    run.results.append(result);
    if (run.context && run.progress)
        run.progress(result, run.completed, int(run.items.size()));
    // The callback may have started or ended other work, but not this batch: it is still here.
    QMetaObject::invokeMethod(
        this, [this, key] { pumpBatch(key); }, Qt::QueuedConnection);
}

void OperatorActions::finishBatch(quint64 key)
{
    const auto it = m_batches.find(key);
    BatchRun run = std::move(it->second);
    m_batches.erase(it);
    Outcome outcome;
    outcome.id = run.id;
    outcome.patch = run.patch;
    outcome.deviceResults = run.results;
    int refused = 0;
    int changed = 0;
    for (const DeviceResult &r : std::as_const(run.results)) {
        refused += r.status == DeviceResult::Status::Refused;
        changed += r.status == DeviceResult::Status::ChangedSince;
        outcome.awaitingApproval = outcome.awaitingApproval || r.status == DeviceResult::Status::Held;
    }
    if (run.rollbackOf > 0) {
        m_rollingBack.remove(run.rollbackOf);
        m_rollbacks->markTargetsRolledBack(run.rollbackOf, run.restored, run.changedSince, run.id);
    } else {
        // One entry for the whole batch, written once it is over (a console closed half-way records
        // nothing: its devices then have no entry to undo them by).
        outcome.rollbackEntry =
            m_rollbacks->recordDesiredBatch(run.shadowName, run.group, run.patch, run.accepted, run.id);
    }
    outcome.note = ledgerNote();
    outcome.ok = refused == 0 && changed == 0;
    if (refused > 0 && changed > 0)
        outcome.error = tr("%1 of %2 devices refused the change, %3 had changed since.")
                            .arg(refused)
                            .arg(run.results.size())
                            .arg(changed);
    else if (refused > 0)
        outcome.error = tr("%1 of %2 devices refused the change.").arg(refused).arg(run.results.size());
    else if (changed > 0)
        outcome.error = tr("%1 of %2 devices had changed since and were left as they are.")
                            .arg(changed)
                            .arg(run.results.size());
    deliver(run.context, run.done, outcome);
}

} // namespace fleet
