#include "statuscommand.h"

#include "common/json.h"

#include "commands/commandtracker.h"
#include "exitcode.h"
#include "output.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace

StatusCommand::StatusCommand(QObject *parent)
    : SendCommand(u"status"_s, parent)
{}

QString StatusCommand::summary()
{
    return tr(
        "status [ID]                        the ledger's commands, or one command's history and verdict");
}

QString StatusCommand::description() const
{
    return tr("Without ID: the latest commands in the ledger (--limit), newest first. With ID: that command, "
              "every state it went through and every reply, and the exit status tells its verdict. With "
              "--wait (and ID), fleetctl connects, resumes the command where the ledger left it (a crashed "
              "console's command, or one waiting for approval) and waits for its verdict.\n"
              "\n"
              "ID may also be a broadcast's (what `fleetctl send` printed for a selection or a group): every "
              "part is listed, and with --wait the unfinished parts are resumed together and followed to "
              "their verdicts; the exit status is the worst one.\n"
              "\n"
              "Exit status (with ID): 0 succeeded; 5 failed; 6 timed out or unreachable; 7 rejected or "
              "cancelled; 8 no verdict yet; 1 no such command; 3 broker connection; 4 --timeout passed.");
}

void StatusCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"limit"_s, tr("How many commands to list (default 20)."), tr("N"), u"20"_s},
        {u"wait"_s, tr("Resume the command and wait for its verdict.")},
    });
    parser.addPositionalArgument(u"id"_s, tr("A command's id (its tid), or a broadcast's."), u"[ID]"_s);
}

std::optional<int> StatusCommand::readArguments(const QCommandLineParser &parser,
                                                const QStringList &positional)
{
    if (positional.size() > 1)
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(1)));
    m_id = positional.value(0);
    m_wait = parser.isSet(u"wait"_s);
    if (m_wait && m_id.isEmpty())
        return usageError(tr("--wait needs the command's ID."));
    bool ok = false;
    m_limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || m_limit < 1)
        return usageError(tr("--limit: expected a whole number, 1 or more."));
    return std::nullopt;
}

void StatusCommand::run()
{
    if (m_id.isEmpty()) {
        const auto recent = ledger().recent(m_limit);
        if (!recent)
            return fail(Rejected, ledger().errorString());
        if (!ledger().errorString().isEmpty())
            writeErr(u"fleetctl: "_s + ledger().errorString());
        for (const CommandExecution &e : *recent)
            print(e);
        if (recent->isEmpty() && !json())
            writeErr(tr("fleetctl: the ledger %1 has no commands yet.").arg(ledger().path()));
        return done(Success);
    }
    const std::optional<CommandExecution> stored = ledger().load(m_id);
    if (!stored && ledger().errorString().isEmpty())
        return resumeBroadcast();
    if (!stored)
        return fail(Rejected, ledger().errorString());
    if (!m_wait || stored->isFinal()) {
        printDetail(*stored);
        return done(exitCodeFor(stored->state));
    }
    discoverGate([this] {
        if (!setUpServices(true, {m_id}))
            return;
        if (!m_tracker->execution(m_id))
            return fail(Rejected, tr("Command %1 could not be resumed.").arg(m_id));
        follow({m_id}, true);
    });
}

void StatusCommand::resumeBroadcast()
{
    // A broadcast's id names all its parts: each is printed, and with --wait the unfinished ones are resumed
    // together, so a broadcast to 200 devices is followed in one run rather than one command at a time.
    const std::optional<QList<CommandExecution>> parts = ledger().broadcast(m_id);
    if (!parts)
        return fail(Rejected, ledger().errorString());
    if (parts->isEmpty())
        return fail(Rejected,
                    tr("There is no command or broadcast %1 in the ledger %2.").arg(m_id, ledger().path()));
    if (!ledger().errorString().isEmpty())
        writeErr(u"fleetctl: "_s + ledger().errorString());
    m_broadcastId = m_id;
    QStringList ids;
    QStringList unfinished;
    for (const CommandExecution &e : *parts) {
        ids.append(e.id);
        if (e.isFinal())
            m_known.insert(e.id, e);
        else
            unfinished.append(e.id);
    }
    if (!m_wait || unfinished.isEmpty()) {
        int exitCode = Success;
        for (const CommandExecution &e : *parts) {
            print(e);
            exitCode = worse(exitCode, exitCodeFor(e.state));
        }
        return done(exitCode);
    }
    discoverGate([this, ids, unfinished] {
        if (!setUpServices(true, unfinished))
            return;
        for (const QString &id : std::as_const(unfinished)) {
            // One the tracker could not take back (damaged, or finished meanwhile by another console) is read
            // again as it stands.
            if (!m_tracker->execution(id)) {
                if (const std::optional<CommandExecution> now = ledger().load(id))
                    m_known.insert(id, *now);
            }
        }
        follow(ids, true);
    });
}

void StatusCommand::printDetail(const CommandExecution &e)
{
    // The reverse of retryOf, from the ledger; a failed read only leaves it out.
    const QStringList retriedAs = ledger().retriesOf(e.id).value_or(QStringList());
    if (json()) {
        Json transitions = Json::array();
        for (const auto &t : e.transitions)
            transitions.push_back({{"state", utf8(CommandExecution::stateKey(t.state))},
                                   {"time", t.timeMs},
                                   {"note", utf8(t.note)}});
        Json replies = Json::array();
        for (const auto &r : e.replies)
            replies.push_back({{"time", r.timeMs},
                               {"status", utf8(AtlasReply::statusName(r.status))},
                               {"reason", utf8(r.reason)},
                               {"text", r.text},
                               {"duplicate", r.duplicate},
                               {"late", r.late},
                               {"outOfOrder", r.outOfOrder},
                               {"unreadable", r.unreadable}});
        Json doc = {{"id", utf8(e.id)},
                    {"tid", utf8(e.tid)},
                    {"device", utf8(e.device)},
                    {"command", utf8(e.command)},
                    {"parameters", e.parameters},
                    {"state", utf8(CommandExecution::stateKey(e.state))},
                    {"reason", utf8(e.reason)},
                    {"result", e.result},
                    {"attempts", e.attempts},
                    {"heartbeats", e.heartbeats},
                    {"requestedBy", utf8(e.requestedBy)},
                    {"transitions", transitions},
                    {"replies", replies}};
        if (!e.retryOf.isEmpty())
            doc["retryOf"] = utf8(e.retryOf);
        if (!retriedAs.isEmpty()) {
            Json retries = Json::array();
            for (const QString &id : retriedAs)
                retries.push_back(utf8(id));
            doc["retriedAs"] = std::move(retries);
        }
        writeOut(compactJson(doc));
        return;
    }
    writeOut(tr("%1  %2 on %3: %4").arg(e.id, e.command, e.device, CommandExecution::stateText(e.state)));
    if (!e.reason.isEmpty())
        writeOut(tr("  reason: %1").arg(e.reason));
    if (!e.requestedBy.isEmpty())
        writeOut(tr("  requested by: %1").arg(e.requestedBy));
    if (!e.retryOf.isEmpty())
        writeOut(tr("  retry of: %1").arg(e.retryOf));
    if (!retriedAs.isEmpty())
        writeOut(tr("  retried as: %1").arg(retriedAs.join(u", "_s)));
    if (!e.parameters.empty())
        writeOut(tr("  parameters: %1").arg(compactJson(e.parameters)));
    if (!e.result.is_null())
        writeOut(tr("  result: %1").arg(compactJson(e.result)));
    writeOut(tr("  attempts: %1, heartbeats: %2").arg(e.attempts).arg(e.heartbeats));
    for (const auto &t : e.transitions)
        writeOut(u"  %1  %2%3"_s.arg(timeText(t.timeMs), CommandExecution::stateText(t.state),
                                     t.note.isEmpty() ? QString() : u"  ("_s + t.note + u')'));
    for (const auto &r : e.replies) {
        QStringList flags;
        if (r.text)
            flags.append(tr("text"));
        if (r.duplicate)
            flags.append(tr("duplicate"));
        if (r.late)
            flags.append(tr("late"));
        if (r.outOfOrder)
            flags.append(tr("out of order"));
        if (r.unreadable)
            flags.append(tr("could not be read"));
        // An unreadable reply has no status: only the reason it could not be read.
        writeOut(tr("  reply %1  %2%3%4")
                     .arg(timeText(r.timeMs), r.unreadable ? u"?"_s : AtlasReply::statusName(r.status),
                          r.reason.isEmpty() ? QString() : u"  "_s + r.reason,
                          flags.isEmpty() ? QString() : u"  ["_s + flags.join(u", "_s) + u']'));
    }
}

} // namespace fleet::ctl
