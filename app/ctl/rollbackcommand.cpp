#include "rollbackcommand.h"

#include "common/json.h"

#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "exitcode.h"
#include "output.h"
#include "shadow/shadowclient.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {} // namespace

RollbackCommand::RollbackCommand(QObject *parent)
    : SendCommand(u"rollback"_s, parent)
{}

QString RollbackCommand::summary()
{
    return tr("rollback list [DEVICE] | rollback ID  the change history, and undoing one change");
}

QString RollbackCommand::description() const
{
    return tr("Every change made from the console or fleetctl that can be undone is in the ledger's "
              "rollback history: desired-state updates (before and after) and commands whose catalog entry "
              "has an inverse (with the reported state captured before they ran).\n"
              "\n"
              "  list [DEVICE]   the history, oldest first: id, time, device, what changed, and whether it "
              "was rolled back\n"
              "  ID              undo entry ID: the previous desired values (keys that were added removed), "
              "or the command's inverse, sent and tracked like any command (approved first when sensitive); "
              "a desired batch ('fleetctl shadow update --group') restores every device's previous values, "
              "one line per device, and leaves alone (and reports) a device whose desired state changed "
              "since in a key the batch set; rolling it back again retries the devices that failed\n"
              "\n"
              "Exit status: as `fleetctl send` (with --wait, the verdict of the inverse command); 1 for an "
              "unknown entry, one already rolled back, or one that cannot be undone.");
}

void RollbackCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({{u"wait"_s, tr("Wait for the inverse command's verdict.")}});
    parser.addPositionalArgument(u"what"_s, tr("list [DEVICE], or an entry's id."), u"list [DEVICE] | ID"_s);
}

std::optional<int> RollbackCommand::readArguments(const QCommandLineParser &parser,
                                                  const QStringList &positional)
{
    m_wait = parser.isSet(u"wait"_s);
    if (positional.isEmpty())
        return usageError(tr("Missing list or an entry's id."));
    if (positional.first() == "list"_L1) {
        if (positional.size() > 2)
            return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(2)));
        m_device = positional.value(1);
        return std::nullopt;
    }
    bool ok = false;
    m_entryId = positional.first().toLongLong(&ok);
    if (!ok || m_entryId < 1)
        return usageError(
            tr("\"%1\" is not an entry id (see 'fleetctl rollback list').").arg(positional.first()));
    if (positional.size() > 1)
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(1)));
    return std::nullopt;
}

void RollbackCommand::run()
{
    if (m_entryId == 0)
        return list();
    discoverGate([this] {
        if (!setUpServices(false))
            return;
        const std::optional<RollbackEntry> entry = m_rollbacks->entry(m_entryId);
        if (!entry)
            return fail(
                Rejected,
                tr("There is no rollback entry %1 in the ledger %2.").arg(m_entryId).arg(ledger().path()));
        const OperatorActions::RollbackPlan plan = m_actions->rollbackPlan(m_entryId);
        if (!plan.problem.isEmpty())
            return fail(Rejected, plan.problem);
        if (entry->kind != RollbackEntry::Kind::DesiredUpdate &&
            entry->kind != RollbackEntry::Kind::TwinDesired && !json())
            writeOut(tr("rolling back entry %1: %2").arg(m_entryId).arg(plan.description));
        if (entry->kind == RollbackEntry::Kind::DesiredBatch)
            return rollBackBatch();
        m_actions->rollBack(m_entryId, this, [this, kind = entry->kind](const OperatorActions::Outcome &o) {
            if (isDone())
                return;
            if (!o.ok)
                return fail(Rejected,
                            o.serviceError ? u"error %1: %2"_s.arg(o.errorCode).arg(o.error) : o.error);
            if (!o.note.isEmpty())
                writeErr(u"fleetctl: "_s + o.note);
            if (kind == RollbackEntry::Kind::Command)
                return follow({o.id}, m_wait);
            if (o.awaitingApproval) {
                // A twin's restore the gate holds: not done until an approver says so.
                if (json())
                    writeOut(compactJson(Json{{"entry", m_entryId}, {"held", true}, {"id", utf8(o.id)}}));
                else
                    writeOut(
                        tr("entry %1: restoring it is held for an approval (%2)").arg(m_entryId).arg(o.id));
                return done(CommandPending);
            }
            const Json &patch = o.patch;
            if (json())
                writeOut(compactJson(
                    Json{{"entry", m_entryId}, {"desired", patch}, {"version", o.version.value_or(0)}}));
            else
                writeOut(tr("rolled back entry %1: desired %2 (version %3)")
                             .arg(m_entryId)
                             .arg(compactJson(patch))
                             .arg(o.version.value_or(0)));
            done(Success);
        });
    });
}

void RollbackCommand::rollBackBatch()
{
    using DeviceResult = OperatorActions::DeviceResult;
    // Each device's request keeps its own time (--timeout); thousands of them outlast the overall deadline.
    stopDeadline();
    const auto progress = [this](const DeviceResult &r, int done, int total) {
        if (isDone())
            return;
        const bool restored = r.status == DeviceResult::Status::Accepted;
        const QString status = restored                                         ? u"restored"_s
                               : r.status == DeviceResult::Status::Held         ? u"held"_s
                               : r.status == DeviceResult::Status::ChangedSince ? u"changed-since"_s
                                                                                : u"refused"_s;
        if (json()) {
            Json line{{"entry", m_entryId}, {"device", utf8(r.device)}, {"status", utf8(status)}};
            if (!restored) {
                line["code"] = r.errorCode;
                line["message"] = utf8(r.error);
            }
            return writeOut(compactJson(line));
        }
        const QString what = restored         ? tr("restored")
                             : r.serviceError ? u"error %1: %2"_s.arg(r.errorCode).arg(r.error)
                                              : r.error;
        writeOut(tr("[%1/%2] %3: %4").arg(done).arg(total).arg(r.device, what));
    };
    m_actions->rollBack(
        m_entryId, this,
        [this](const OperatorActions::Outcome &o) {
            if (isDone())
                return;
            if (!o.note.isEmpty())
                writeErr(u"fleetctl: "_s + o.note);
            if (o.deviceResults.isEmpty() && !o.error.isEmpty())
                return fail(Rejected, o.error);
            const std::optional<RollbackEntry> entry = m_rollbacks->entry(m_entryId);
            if (!json())
                writeOut(entry && entry->isRolledBack()
                             ? tr("rolled back entry %1").arg(m_entryId)
                             : tr("entry %1 is rolled back in part: %2 ('fleetctl rollback %1' tries the "
                                  "remaining devices again)")
                                   .arg(m_entryId)
                                   .arg(o.error));
            // Devices found changed since are left alone on purpose: the operator is told, the exit says so.
            done(o.ok ? Success : Rejected);
        },
        progress);
}

void RollbackCommand::list()
{
    RollbackLog log;
    QString error;
    if (!log.restore(&ledger(), &error))
        return fail(Rejected, error);
    if (!error.isEmpty())
        writeErr(u"fleetctl: "_s + error);
    for (const RollbackEntry &e : log.entries(m_device)) {
        const bool command = e.kind == RollbackEntry::Kind::Command;
        if (e.kind == RollbackEntry::Kind::DesiredBatch) {
            printBatch(e);
            continue;
        }
        if (json()) {
            Json doc = {{"id", e.id},
                        {"time", e.timeMs},
                        {"device", utf8(e.device)},
                        {"kind", command                                      ? "command"
                                 : e.kind == RollbackEntry::Kind::TwinDesired ? "twinDesired"
                                                                              : "desired"},
                        {"before", e.before},
                        {"after", e.after},
                        {"rolledBackBy", utf8(e.rolledBackBy)}};
            if (command) {
                doc["command"] = utf8(e.commandName);
                doc["parameters"] = e.parameters;
                doc["tid"] = utf8(e.tid);
            } else {
                doc["shadow"] = utf8(e.shadowName);
            }
            writeOut(compactJson(doc));
            continue;
        }
        const QString what = command
                                 ? tr("command %1 %2 (before: %3)")
                                       .arg(e.commandName, compactJson(e.parameters), compactJson(e.before))
                                 : tr("desired %1 -> %2").arg(compactJson(e.before), compactJson(e.after));
        writeOut(u"%1  %2  %3  %4%5"_s.arg(e.id).arg(
            QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(u"yyyy-MM-dd HH:mm:ss"_s), e.device, what,
            e.isRolledBack() ? tr("  (rolled back by %1)").arg(e.rolledBackBy) : QString()));
    }
    done(Success);
}

void RollbackCommand::printBatch(const RollbackEntry &e) const
{
    if (json()) {
        Json targets = Json::array();
        for (const RollbackTarget &t : e.targets) {
            Json target{{"device", utf8(t.device)}, {"before", t.before}, {"after", t.after}};
            target["rolledBackBy"] = utf8(t.rolledBackBy);
            target["changedSince"] = t.changedSince;
            targets.push_back(std::move(target));
        }
        writeOut(compactJson(Json{{"id", e.id},
                                  {"time", e.timeMs},
                                  {"kind", "desiredBatch"},
                                  {"group", utf8(e.group)},
                                  {"shadow", utf8(e.shadowName)},
                                  {"desired", e.parameters},
                                  {"targets", std::move(targets)},
                                  {"rolledBackBy", utf8(e.rolledBackBy)}}));
        return;
    }
    const QString where = e.group.isEmpty()
                              ? tr("%n devices", nullptr, int(e.targets.size()))
                              : tr("%n devices (%1)", nullptr, int(e.targets.size())).arg(e.group);
    writeOut(u"%1  %2  %3  %4%5"_s.arg(e.id).arg(
        QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(u"yyyy-MM-dd HH:mm:ss"_s), where,
        tr("desired %1").arg(compactJson(e.parameters)),
        e.isRolledBack() ? tr("  (rolled back by %1)").arg(e.rolledBackBy) : QString()));
}

} // namespace fleet::ctl
