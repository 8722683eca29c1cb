#pragma once

#include "common/json.h"

#include <QString>
#include <QtGlobal>

#include <nlohmann/json.hpp>

namespace fleet {

// One state change made from the console, kept so that it can be undone: a desired-state update (before and
// after are the shadow's whole desired section) or a command that has an inverse (before is the state
// captured before it ran, usually the reported shadow; after stays null, since what the device did is only
// known from its next report).
struct RollbackEntry
{

    enum class Kind { DesiredUpdate, Command };

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

    bool isRolledBack() const { return !rolledBackBy.isEmpty(); }

    friend bool operator==(const RollbackEntry &, const RollbackEntry &) = default;
};

} // namespace fleet
