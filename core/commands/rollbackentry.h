#pragma once

#include "common/json.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <nlohmann/json.hpp>

namespace fleet {

// One device's part of a desired batch: its desired section before and after the shared patch, and what
// became of it when the batch was rolled back.
struct RollbackTarget
{
    QString device;
    Json before = Json::object(); // the desired section before the batch (what a rollback restores)
    Json after = Json::object();  // before merged with the batch's patch
    QString token;                // the update's clientToken
    QString rolledBackBy;         // the clientToken of the update that restored it; empty: not yet
    // A rollback found that someone changed a key of the patch since: the device was left as it is, and
    // the rollback does not try it again.
    bool changedSince = false;

    bool isSettled() const { return !rolledBackBy.isEmpty() || changedSince; }

    friend bool operator==(const RollbackTarget &, const RollbackTarget &) = default;
};

// One state change made from the console, kept so that it can be undone: a desired-state update (before and
// after are the shadow's whole desired section), a command that has an inverse (before is the state
// captured before it ran, usually the reported shadow; after stays null, since what the device did is only
// known from its next report), or one patch of the desired state sent to many devices at once (a desired
// batch: parameters is the shared patch, targets hold each accepted device's before and after, device is
// empty and group names the group it went to, if any), or a change of an Azure IoT Hub device's twin (before
// and after are its desired properties, without $version; shadowName is empty).
struct RollbackEntry
{

    enum class Kind { DesiredUpdate, Command, DesiredBatch, TwinDesired };

    qint64 id = 0;
    qint64 timeMs = 0; // milliseconds since the Unix epoch
    QString device;
    QString shadowName; // empty: the classic shadow; unused for a command
    Kind kind = Kind::DesiredUpdate;
    Json before;
    Json after;
    QString commandName;              // of a command
    Json parameters = Json::object(); // of a command
    QString tid;                      // of the original request (a command's tid, an update's clientToken)
    QString rolledBackBy;             // the tid (or clientToken) of the request that undid it; empty: not yet
    QString group;                    // of a desired batch sent to a group; empty for a selection
    QList<RollbackTarget> targets;    // of a desired batch, in the order they were accepted

    bool isRolledBack() const { return !rolledBackBy.isEmpty(); }

    friend bool operator==(const RollbackEntry &, const RollbackEntry &) = default;
};

} // namespace fleet
