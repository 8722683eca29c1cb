#include "commands/rollbacklog.h"

#include "common/seterror.h"

#include "common/json.h"

#include "shadow/mergepatch.h"
#include "store/commandledger.h"

#include "commands/commandcatalog.h"
#include "commands/commandspec.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace fleet {

qint64 RollbackLog::recordDesiredUpdate(const QString &device, const QString &shadowName,
                                        const Json &beforeDesired, const Json &patch,
                                        const QString &clientToken)
{
    RollbackEntry entry;
    entry.device = device;
    entry.shadowName = shadowName;
    entry.kind = RollbackEntry::Kind::DesiredUpdate;
    entry.before = beforeDesired.is_object() ? beforeDesired : Json::object();
    entry.after = MergePatch::apply(entry.before, patch);
    entry.tid = clientToken;
    return append(std::move(entry));
}

qint64 RollbackLog::recordTwinDesired(const QString &device, const Json &beforeDesired, const Json &patch,
                                      const QString &requestId)
{
    RollbackEntry entry;
    entry.device = device;
    entry.kind = RollbackEntry::Kind::TwinDesired;
    entry.before = beforeDesired.is_object() ? beforeDesired : Json::object();
    entry.before.erase("$version"); // metadata, not a property a rollback could restore
    entry.after = MergePatch::apply(entry.before, patch);
    entry.tid = requestId;
    return append(std::move(entry));
}

qint64 RollbackLog::recordDesiredBatch(const QString &shadowName, const QString &group, const Json &patch,
                                       QList<RollbackTarget> targets, const QString &batchId)
{
    if (targets.isEmpty())
        return 0;
    for (RollbackTarget &target : targets) {
        if (!target.before.is_object())
            target.before = Json::object();
        target.after = MergePatch::apply(target.before, patch);
    }
    RollbackEntry entry;
    entry.shadowName = shadowName;
    entry.group = group;
    entry.kind = RollbackEntry::Kind::DesiredBatch;
    entry.parameters = patch;
    entry.targets = std::move(targets);
    entry.tid = batchId;
    return append(std::move(entry));
}

qint64 RollbackLog::recordCommand(const QString &device, const QString &commandName, const Json &parameters,
                                  const Json &capturedState, const QString &tid)
{
    RollbackEntry entry;
    entry.device = device;
    entry.kind = RollbackEntry::Kind::Command;
    entry.before = capturedState;
    entry.commandName = commandName;
    entry.parameters = parameters;
    entry.tid = tid;
    return append(std::move(entry));
}

qint64 RollbackLog::append(RollbackEntry entry)
{
    entry.id = m_nextId++;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (m_entries.size() >= MaxEntries)
        m_targets -= m_entries.takeFirst().targets.size();
    m_targets += entry.targets.size();
    m_entries.append(std::move(entry));
    persist(m_entries.constLast());
    const qint64 id = m_entries.constLast().id;
    trimTargets();
    return id;
}

void RollbackLog::trimTargets()
{
    // The newest entry stays whatever its size: it is the one the operator is most likely to undo.
    while (m_targets > MaxTargets && m_entries.size() > 1)
        m_targets -= m_entries.takeFirst().targets.size();
}

void RollbackLog::persist(const RollbackEntry &entry)
{
    m_ledgerError.clear();
    if (m_ledger && !m_ledger->recordRollback(entry))
        m_ledgerError = m_ledger->errorString();
}

bool RollbackLog::restore(CommandLedger *ledger, QString *error)
{
    const std::optional<QList<RollbackEntry>> stored = ledger->rollbacks(int(MaxEntries));
    if (!stored) {
        if (error)
            *error = ledger->errorString();
        return false;
    }
    if (error)
        *error = ledger->errorString(); // damaged rows left out, if any
    m_entries = *stored;
    m_nextId = m_entries.isEmpty() ? 1 : m_entries.constLast().id + 1;
    m_targets = 0;
    for (const RollbackEntry &e : std::as_const(m_entries))
        m_targets += e.targets.size();
    trimTargets();
    m_ledger = ledger;
    return true;
}

const RollbackEntry *RollbackLog::find(qint64 entryId) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), entryId,
                                     [](const RollbackEntry &e, qint64 id) { return e.id < id; });
    return it != m_entries.cend() && it->id == entryId ? &*it : nullptr;
}

QList<RollbackEntry> RollbackLog::entries(const QString &device) const
{
    if (device.isEmpty())
        return m_entries;
    QList<RollbackEntry> result;
    for (const RollbackEntry &e : m_entries) {
        if (e.device == device || std::any_of(e.targets.cbegin(), e.targets.cend(),
                                              [&](const RollbackTarget &t) { return t.device == device; }))
            result.append(e);
    }
    return result;
}

std::optional<RollbackEntry> RollbackLog::entry(qint64 entryId) const
{
    const RollbackEntry *e = find(entryId);
    return e ? std::optional<RollbackEntry>(*e) : std::nullopt;
}

std::optional<Json> RollbackLog::inverseDesiredPatch(qint64 entryId, QString *error) const
{
    const RollbackEntry *e = find(entryId);
    if (!e) {
        setError(error, tr("There is no change %1 to roll back.").arg(entryId));
        return std::nullopt;
    }
    if (e->kind == RollbackEntry::Kind::DesiredBatch) {
        setError(error, tr("Change %1 was made on %n devices: each has its own previous values.", nullptr,
                           int(e->targets.size()))
                            .arg(entryId));
        return std::nullopt;
    }
    if (e->kind != RollbackEntry::Kind::DesiredUpdate && e->kind != RollbackEntry::Kind::TwinDesired) {
        setError(error, tr("Change %1 is a command, not a desired-state update.").arg(entryId));
        return std::nullopt;
    }
    return MergePatch::between(e->after, e->before);
}

Json RollbackLog::inversePatch(const RollbackTarget &target)
{
    return MergePatch::between(target.after, target.before);
}

namespace {

// Whether two patches name a common member: a member in both, unless both are objects whose own members
// do not meet.
bool overlaps(const Json &a, const Json &b)
{
    if (!a.is_object() || !b.is_object())
        return true;
    for (auto it = a.begin(); it != a.end(); ++it) {
        const auto other = b.find(it.key());
        if (other == b.end())
            continue;
        if (!it->is_object() || !other->is_object() || overlaps(*it, *other))
            return true;
    }
    return false;
}

} // namespace

bool RollbackLog::changedSince(const RollbackTarget &target, const Json &currentDesired)
{
    const Json undo = inversePatch(target);
    if (undo.is_object() && undo.empty())
        return false; // the batch changed nothing here: nothing of ours to overwrite
    const Json since = MergePatch::between(target.after, currentDesired);
    return since.is_object() && !since.empty() && overlaps(undo, since);
}

bool RollbackLog::markTargetsRolledBack(qint64 entryId, const QHash<QString, QString> &restoredBy,
                                        const QStringList &changedSince, const QString &byId)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [entryId](const RollbackEntry &e) { return e.id == entryId; });
    if (it == m_entries.end() || it->kind != RollbackEntry::Kind::DesiredBatch || it->isRolledBack())
        return false;
    const QSet<QString> changed(changedSince.cbegin(), changedSince.cend());
    bool allSettled = true;
    for (RollbackTarget &target : it->targets) {
        if (target.rolledBackBy.isEmpty())
            target.rolledBackBy = restoredBy.value(target.device);
        if (target.rolledBackBy.isEmpty() && changed.contains(target.device))
            target.changedSince = true;
        allSettled = allSettled && target.isSettled();
    }
    if (allSettled)
        it->rolledBackBy = byId.isEmpty() ? QStringLiteral("batch") : byId;
    persist(*it);
    return true;
}

std::optional<RollbackLog::Invocation>
RollbackLog::inverseCommand(qint64 entryId, const CommandCatalog &catalog, QString *error) const
{
    const RollbackEntry *e = find(entryId);
    if (!e) {
        setError(error, tr("There is no change %1 to roll back.").arg(entryId));
        return std::nullopt;
    }
    if (e->kind != RollbackEntry::Kind::Command) {
        setError(error, tr("Change %1 is a desired-state update, not a command.").arg(entryId));
        return std::nullopt;
    }
    const CommandSpec *spec = catalog.find(e->commandName);
    if (!spec) {
        setError(error, tr("The command \"%1\" is not in the catalog.").arg(e->commandName));
        return std::nullopt;
    }
    if (!spec->inverse) {
        setError(error, tr("The command \"%1\" has no inverse; it cannot be rolled back.").arg(spec->name));
        return std::nullopt;
    }
    if (!catalog.find(spec->inverse->command)) {
        setError(error, tr("The inverse command \"%1\" is not in the catalog.").arg(spec->inverse->command));
        return std::nullopt;
    }
    auto parameters = spec->inverseParameters(e->before, error);
    if (!parameters)
        return std::nullopt;
    return Invocation{spec->inverse->command, std::move(*parameters)};
}

bool RollbackLog::markRolledBack(qint64 entryId, const QString &byId)
{
    if (byId.isEmpty())
        return false;
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [entryId](const RollbackEntry &e) { return e.id == entryId; });
    if (it == m_entries.end() || it->isRolledBack())
        return false;
    it->rolledBackBy = byId;
    persist(*it);
    return true;
}

} // namespace fleet
