#include "sendcommand.h"

#include "common/json.h"

#include "commands/approvalqueue.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commands/operatorservices.h"
#include "exitcode.h"
#include "output.h"
#include "shadow/shadowclient.h"

#include "mqtt/mqttmessage.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

using State = CommandExecution::State;

// How bad a verdict is, to pick the exit status of a broadcast: the worst one wins.
int severity(int exitCode)
{
    switch (exitCode) {
    case CommandFailed:
        return 4;
    case CommandUnanswered:
        return 3;
    case CommandRefused:
        return 2;
    case CommandPending:
        return 1;
    default:
        return 0;
    }
}

// NAME=VALUE: the value as JSON when it reads as JSON (42, true, "text", {"a":1}), else as a string, so
// that color=red needs no quotes.
std::optional<std::pair<std::string, Json>> parseAssignment(const QString &argument)
{
    const qsizetype eq = argument.indexOf(u'=');
    if (eq <= 0)
        return std::nullopt;
    const QByteArray value = argument.mid(eq + 1).toUtf8();
    Json json = Json::parse(value.constBegin(), value.constEnd(), nullptr, false);
    if (json.is_discarded())
        json = value.toStdString();
    return std::make_pair(argument.left(eq).toStdString(), json);
}

} // namespace

SendCommand::SendCommand(QObject *parent)
    : SendCommand(u"send"_s, parent)
{}

SendCommand::SendCommand(const QString &word, QObject *parent)
    : CtlCommand(word, parent)
{}

int SendCommand::worse(int exitCode, int other)
{
    return severity(other) > severity(exitCode) ? other : exitCode;
}

SendCommand::~SendCommand()
{
    // Before the base class closes the ledger: the tracker writes what it still holds when it goes.
    m_services.reset();
}

void SendCommand::flushLedger()
{
    if (m_tracker)
        m_tracker->flush();
}

void SendCommand::beforeGivingUp()
{
    // Every verdict there is, and the rest as they stand, then how to pick up from here.
    for (const QString &id : std::as_const(m_followed)) {
        if (const std::optional<CommandExecution> e = executionOf(id))
            print(*e);
    }
    if (json() && m_followed.isEmpty() && !m_broadcastId.isEmpty())
        writeOut(compactJson(Json{{"broadcast", utf8(m_broadcastId)}, {"answered", 0}}));
    const QString resumable = m_broadcastId.isEmpty() ? m_followed.value(0) : m_broadcastId;
    if (!resumable.isEmpty())
        writeErr(tr("fleetctl: `fleetctl status %1 --wait` goes on from here.").arg(resumable));
}

std::optional<CommandExecution> SendCommand::executionOf(const QString &id) const
{
    if (m_tracker) {
        if (std::optional<CommandExecution> e = m_tracker->execution(id))
            return e;
    }
    // A broadcast resumed from the ledger: its finished parts are not in the tracker.
    if (const auto known = m_known.constFind(id); known != m_known.cend())
        return *known;
    return std::nullopt;
}

QString SendCommand::summary()
{
    return tr("send TARGET COMMAND [NAME=VALUE…]  send a tracked command (--raw, --group, --wait)");
}

QString SendCommand::description() const
{
    return tr(
        "Sends a command from the catalog to a device, to several (TARGET dev-1,dev-2) or to a group "
        "(--group GROUP COMMAND), or a free-form payload (--raw PAYLOAD), and tracks it like the "
        "console does: retries with the same tid, heartbeats, duplicate and late replies, the shared "
        "ledger. A sensitive command waits in the approval queue for another user's decision first "
        "(--username is the requester's identity).\n"
        "\n"
        "Parameters are NAME=VALUE (VALUE is read as JSON when it can be: position=40, on=true, "
        "color=red) or --params with a JSON object. A command with an inverse in the catalog is "
        "recorded for `fleetctl rollback`, with the device's reported shadow captured before it runs.\n"
        "\n"
        "Without --wait, fleetctl ends once the request (or the approval request) is on the broker and "
        "prints its id; `fleetctl status ID` follows it later. With --wait it prints each verdict. A broker "
        "restart in the middle is ridden out (reconnect, resubscribe) until --timeout; whatever happens, "
        "every verdict it has is printed before it ends, and `fleetctl status ID --wait` (ID a command's or "
        "a broadcast's) goes on from there.\n"
        "\n"
        "Exit status: 0 sent (or succeeded, with --wait); 2 usage error or invalid parameters; 3 broker "
        "connection; 4 --timeout passed before every verdict; 5 the device answered FAILURE; 6 timed "
        "out or unreachable; 7 rejected by an approver, expired or cancelled. With several devices the "
        "worst verdict decides.");
}

void SendCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"group"_s, tr("Send to a group's topic: every member answers on its own."), tr("GROUP")},
        {u"raw"_s, tr("Send this payload verbatim to TARGET instead of a catalog command."), tr("PAYLOAD")},
        {u"params"_s, tr("The command's parameters as a JSON object."), tr("JSON")},
        {u"wait"_s, tr("Wait for every verdict (see --timeout).")},
    });
    parser.addPositionalArgument(u"target"_s, tr("A device id, or ids separated by commas."), u"TARGET"_s);
    parser.addPositionalArgument(u"command"_s, tr("The catalog command."), u"COMMAND"_s);
    parser.addPositionalArgument(u"parameters"_s, tr("NAME=VALUE pairs."), u"[NAME=VALUE…]"_s);
}

std::optional<int> SendCommand::readArguments(const QCommandLineParser &parser, const QStringList &positional)
{
    m_wait = parser.isSet(u"wait"_s);
    QStringList rest = positional;
    m_isRaw = parser.isSet(u"raw"_s);
    m_group = parser.value(u"group"_s);
    if (m_isRaw && parser.isSet(u"group"_s))
        return usageError(tr("--raw goes to one device, not to a group."));
    if (parser.isSet(u"group"_s) && m_group.isEmpty())
        return usageError(tr("--group needs a group name."));
    if (m_group.isEmpty()) {
        if (rest.isEmpty())
            return usageError(tr("Missing the target device."));
        m_targets = rest.takeFirst().split(u',', Qt::SkipEmptyParts);
        if (m_targets.isEmpty())
            return usageError(tr("Missing the target device."));
    }
    if (m_isRaw) {
        if (m_targets.size() != 1)
            return usageError(tr("--raw goes to exactly one device."));
        if (!rest.isEmpty())
            return usageError(
                tr("--raw takes no command or parameters; unexpected \"%1\".").arg(rest.first()));
        m_raw = parser.value(u"raw"_s).toUtf8();
        if (m_raw.isEmpty())
            return usageError(tr("--raw needs a payload."));
        return std::nullopt;
    }
    if (rest.isEmpty())
        return usageError(tr("Missing the command (one of: %1).").arg(catalog().names().join(u", "_s)));
    m_command = rest.takeFirst();
    if (parser.isSet(u"params"_s)) {
        const QByteArray text = parser.value(u"params"_s).toUtf8();
        m_parameters = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
        if (!m_parameters.is_object())
            return usageError(tr("--params must be a JSON object such as {\"position\": 40}."));
    }
    for (const QString &argument : std::as_const(rest)) {
        const auto assignment = parseAssignment(argument);
        if (!assignment)
            return usageError(tr("Expected NAME=VALUE, not \"%1\".").arg(argument));
        m_parameters[assignment->first] = assignment->second;
    }
    return std::nullopt;
}

bool SendCommand::setUpServices(bool resume, const QStringList &resumeIds)
{
    m_services = std::make_unique<OperatorServices>(client(), catalog());
    m_tracker = m_services->tracker();
    m_rollbacks = m_services->rollbacks();
    m_actions = m_services->actions();
    m_services->setActor(profile().username);
    m_services->shadows()->setTimeout(timeoutMs());
    connect(m_services.get(), &OperatorServices::warning, this,
            [](const QString &message) { writeErr(u"fleetctl: "_s + message); });
    // Before anything is resumed: a resumed command's retry must go through the gate too.
    m_services->approvals()->applyGateInfo(gateInfo());
    QString error;
    const auto scope = resume ? OperatorServices::Resume::ids(resumeIds) : OperatorServices::Resume::none();
    if (!m_services->open(&ledger(), scope, &error)) {
        fail(Rejected, error);
        return false;
    }
    // Without a name there are no approvals: a sensitive command is refused with the reason. With one, a
    // queue that cannot start (its ledger rows unreadable) is an error.
    if (!m_services->startApprovals(&error) && ApprovalQueue::isValidIdentity(profile().username)) {
        fail(Rejected, error);
        return false;
    }
    return true;
}

void SendCommand::run()
{
    discoverGate([this] { send(); });
}

void SendCommand::send()
{
    if (!setUpServices(false))
        return;
    OperatorActions::CommandRequest request;
    request.devices = m_targets;
    request.group = m_group;
    if (m_isRaw) {
        request.raw = m_raw;
    } else {
        request.command = m_command;
        request.parameters = m_parameters;
    }
    m_actions->sendCommand(request, this, [this](const OperatorActions::Outcome &outcome) {
        if (isDone())
            return;
        if (!outcome.ok)
            return fail(UsageError, outcome.error);
        if (!outcome.note.isEmpty())
            writeErr(u"fleetctl: "_s + outcome.note);
        // Sent all the same: the operator may mean it, but should know the shadow will undo it.
        if (!outcome.warning.isEmpty())
            writeErr(tr("fleetctl: warning: %1").arg(outcome.warning));
        const bool broadcast = !m_group.isEmpty() || m_targets.size() > 1;
        if (broadcast) {
            m_broadcastId = outcome.id;
            if (!json())
                writeOut(tr("broadcast %1").arg(m_broadcastId));
            else if (!m_group.isEmpty() && !m_wait) // its parts appear only as members answer: the handle
                writeOut(compactJson(Json{{"broadcast", utf8(m_broadcastId)},
                                          {"group", utf8(m_group)},
                                          {"command", utf8(m_command)}}));
        }
        follow(outcome.executions, m_wait);
    });
}

void SendCommand::follow(const QStringList &ids, bool wait)
{
    m_followed = ids;
    m_wait = wait;
    connect(m_tracker, &CommandTracker::executionChanged, this, &SendCommand::onExecutionChanged);
    connect(m_tracker, &CommandTracker::broadcastProgress, this, &SendCommand::checkFollowed);
    checkFollowed();
}

void SendCommand::onExecutionChanged(const QString &id)
{
    if (!m_broadcastId.isEmpty() && !m_followed.contains(id)) {
        const auto e = m_tracker->execution(id);
        if (e && e->broadcastId == m_broadcastId)
            m_followed.append(id);
    }
    checkFollowed();
}

void SendCommand::checkFollowed()
{
    if (isDone())
        return;
    const std::optional<CommandTracker::Broadcast> broadcast =
        m_broadcastId.isEmpty() ? std::nullopt : m_tracker->broadcast(m_broadcastId);
    QList<CommandExecution> executions;
    for (const QString &id : std::as_const(m_followed)) {
        const std::optional<CommandExecution> e = executionOf(id);
        if (!e)
            return fail(Rejected, tr("Command %1 is not in the ledger.").arg(id));
        executions.append(*e);
    }
    const auto settled = [this](const CommandExecution &e) {
        if (m_wait)
            return e.isFinal();
        return e.state != State::Queued && e.state != State::Approved;
    };
    if (!std::all_of(executions.cbegin(), executions.cend(), settled))
        return;
    // A group's members announce themselves by answering: it is complete once its window has closed.
    if (broadcast && !broadcast->group.isEmpty() && m_wait && broadcast->open)
        return;
    // Never sent (an approver rejected it, the gate refused it): not "0 devices answered".
    if (broadcast && !broadcast->refusal.isEmpty())
        return fail(CommandRefused,
                    tr("Group request %1 was not sent: %2").arg(m_broadcastId, broadcast->refusal));
    int exitCode = Success;
    for (const CommandExecution &e : std::as_const(executions)) {
        print(e);
        const int code = e.isFinal() ? exitCodeFor(e.state) : Success;
        exitCode = worse(exitCode, code);
    }
    if (broadcast && !broadcast->group.isEmpty() && !json())
        writeOut(tr("%n device(s) answered", nullptr, int(executions.size())));
    done(exitCode);
}

void SendCommand::print(const CommandExecution &e) const
{
    if (json()) {
        Json doc = {{"id", utf8(e.id)},
                    {"tid", utf8(e.tid)},
                    {"device", utf8(e.device)},
                    {"command", utf8(e.command)},
                    {"state", utf8(CommandExecution::stateKey(e.state))},
                    {"attempts", e.attempts},
                    {"reason", utf8(e.reason)},
                    {"requestedBy", utf8(e.requestedBy)},
                    {"created", e.createdMs()},
                    {"updated", e.transitions.isEmpty() ? 0 : e.transitions.last().timeMs}};
        if (!e.result.is_null())
            doc["result"] = e.result;
        if (!e.broadcastId.isEmpty())
            doc["broadcast"] = utf8(e.broadcastId);
        if (!e.retryOf.isEmpty())
            doc["retryOf"] = utf8(e.retryOf);
        if (const int unreadable = e.unreadableCount(); unreadable > 0) {
            doc["unreadableReplies"] = unreadable;
            doc["unreadableReason"] = utf8(e.lastUnreadableReason());
        }
        writeOut(compactJson(doc));
        return;
    }
    QString line = u"%1  %2  %3  %4"_s.arg(e.id, e.device, e.command, CommandExecution::stateText(e.state));
    if (e.attempts > 1)
        line += tr("  (%n attempt(s))", nullptr, e.attempts);
    if (e.isFinal() && e.createdMs() > 0 && !e.transitions.isEmpty())
        line += tr("  %1 ms").arg(e.transitions.last().timeMs - e.createdMs());
    if (!e.reason.isEmpty())
        line += u"  "_s + e.reason;
    if (!e.retryOf.isEmpty())
        line += tr("  (retry of %1)").arg(e.retryOf);
    // A device that answers in another format shows here rather than as "no reply".
    if (const int unreadable = e.unreadableCount();
        unreadable > 0 && !e.reason.contains(e.lastUnreadableReason()))
        line +=
            tr("  (%n reply(ies) could not be read: %1)", nullptr, unreadable).arg(e.lastUnreadableReason());
    if (e.state == State::AwaitingApproval && m_tracker && !m_tracker->gatePrefix().isEmpty())
        line += tr("  (held by fleet-hub's gate for another user's approval; it sends it once approved, and "
                   "`fleetctl status %1 --wait` follows it)")
                    .arg(e.id);
    else if (e.state == State::AwaitingApproval)
        line +=
            tr("  (waiting for another user's approval; `fleetctl status %1 --wait` sends it once approved)")
                .arg(e.id);
    writeOut(line);
}

} // namespace fleet::ctl
