#pragma once

#include "common/json.h"

#include "commands/rollbackentry.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

class CommandCatalog;
class CommandLedger;

// What the console changed and how to undo it. Recording computes the state after a desired update; a
// rollback is worked out from an entry: inverseDesiredPatch() for a desired update, inverseCommand() for a
// command. The log sends nothing itself: the caller issues the result through ShadowClient::updateDesired()
// or CommandTracker::send() (so the rollback is tracked, and held for approval when its spec is sensitive),
// then calls markRolledBack() with the new request's id.
//
// With a ledger (restore()), every new entry and every rollback mark is written to it as it happens, so the
// history survives a restart. A failed write keeps the entry in memory and says why in ledgerError(). The
// log keeps the latest MaxEntries entries (the ledger keeps them all); older ones leave memory, since
// undoing a change that far back is no longer meaningful and a console left running must not grow without
// limit.
//
// A desired batch is one entry however many devices it reached, so that one action undoes it; its targets
// count against MaxTargets as well: once the entries in memory hold more, the oldest leave memory (the
// ledger keeps them), so that a few fleet-wide changes cannot make the log hold millions of documents.
class RollbackLog final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::RollbackLog)

public:
    static constexpr qsizetype MaxEntries = 10000;
    // Ten batches of OperatorActions::MaxBatchDevices; a target is its device's desired section twice
    // (at most 8 KB each by the shadow service's limit, usually a few dozen bytes).
    static constexpr qsizetype MaxTargets = 100000;

    // Loads the latest MaxEntries entries of the ledger (not owned) and writes to it from now on. False with
    // error set when the ledger cannot be read (the log is then unchanged and not persisted); damaged rows
    // are left out and named in error while it still returns true.
    bool restore(CommandLedger *ledger, QString *error = nullptr);
    // Why the last write to the ledger failed; empty when it succeeded or there is no ledger.
    QString ledgerError() const { return m_ledgerError; }

    struct Invocation
    {
        QString command;
        Json parameters = Json::object();

        friend bool operator==(const Invocation &, const Invocation &) = default;
    };

    // Records an update of the desired section. beforeDesired is the desired section before it (null or an
    // object); patch is what was sent, with the shadow's merge rules (null removes, objects merge, anything
    // else replaces whole). Returns the entry's id.
    qint64 recordDesiredUpdate(const QString &device, const QString &shadowName, const Json &beforeDesired,
                               const Json &patch, const QString &clientToken = {});
    // Records a change of an Azure IoT Hub device's desired properties, which IoT Hub merges as a shadow
    // does; beforeDesired's "$version" is left out. requestId is the update's.
    qint64 recordTwinDesired(const QString &device, const Json &beforeDesired, const Json &patch,
                             const QString &requestId = {});
    // Records one patch of the desired state accepted by several devices (a desired batch): each target's
    // device, before and token are taken, its after is computed from the patch. Returns the entry's id, 0
    // when there are no targets (nothing was changed, so nothing is to undo).
    qint64 recordDesiredBatch(const QString &shadowName, const QString &group, const Json &patch,
                              QList<RollbackTarget> targets, const QString &batchId = {});
    // Records a command sent with these parameters, capturedState being the state before it ran.
    qint64 recordCommand(const QString &device, const QString &commandName, const Json &parameters,
                         const Json &capturedState, const QString &tid);

    // A device's entries, oldest first; all entries for an empty device.
    QList<RollbackEntry> entries(const QString &device = {}) const;
    std::optional<RollbackEntry> entry(qint64 entryId) const;

    // The desired-section patch that restores the previous values: changed and removed keys get their old
    // value, added keys get null, nested objects are diffed key by key, unchanged keys are left out. nullopt
    // with error set when the entry is unknown or not a desired update.
    std::optional<Json> inverseDesiredPatch(qint64 entryId, QString *error = nullptr) const;
    // The command that undoes a command entry, from its spec's inverse and the captured state. nullopt with
    // error set when the entry is unknown or not a command, the command or its inverse is not in the
    // catalog, the spec has no inverse, or the captured state lacks a value the inverse needs.
    std::optional<Invocation> inverseCommand(qint64 entryId, const CommandCatalog &catalog,
                                             QString *error = nullptr) const;

    // What restores one target of a desired batch: its before, as a patch over its after.
    static Json inversePatch(const RollbackTarget &target);
    // Whether a target's desired section, now currentDesired, was changed since the batch in a key the
    // batch set: its rollback would then overwrite someone else's change. Keys the batch did not touch may
    // have changed freely; the rollback leaves them alone.
    static bool changedSince(const RollbackTarget &target, const Json &currentDesired);

    // Notes what a rollback of a desired batch did: the targets restored (device -> the clientToken of the
    // update that restored it) and those found changed since (left as they are). Once every target is one
    // or the other, the entry counts as rolled back by byId. False for an unknown entry, one that is not a
    // batch, or one already rolled back.
    bool markTargetsRolledBack(qint64 entryId, const QHash<QString, QString> &restoredBy,
                               const QStringList &changedSince, const QString &byId);

    // Notes that the request byId undid the entry. False for an unknown entry, an empty byId, or an entry
    // already rolled back.
    bool markRolledBack(qint64 entryId, const QString &byId);

private:
    qint64 append(RollbackEntry entry);
    void trimTargets();
    void persist(const RollbackEntry &entry);
    const RollbackEntry *find(qint64 entryId) const;

    QList<RollbackEntry> m_entries; // ids ascending
    qint64 m_nextId = 1;
    qsizetype m_targets = 0; // targets of the entries in memory
    CommandLedger *m_ledger = nullptr;
    QString m_ledgerError;
};

} // namespace fleet
