#pragma once

#include "commands/commandexecution.h"

#include <QList>
#include <QString>

namespace fleet {

// Which command executions a view shows, as a plain value: the command timeline's proxy only adapts it, and
// anything else listing executions (the ledger's history, a command line) can use the same rules.
//
// Every criterion left empty matches everything; the criteria set must all match.
struct CommandFilter
{
    using State = CommandExecution::State;

    QString device;      // exact device id
    QString command;     // exact command name
    QList<State> states; // any of these
    QString broadcastId; // the executions of one broadcast (group or selection)

    bool isEmpty() const;
    bool accepts(const QString &executionDevice, const QString &executionCommand, State state,
                 const QString &executionBroadcastId) const;
    bool accepts(const CommandExecution &execution) const;

    // The states of executions still waiting for a verdict, for an "in progress" view.
    static QList<State> unfinishedStates();
    // The verdicts that are not a success, for a "problems" view.
    static QList<State> problemStates();

    friend bool operator==(const CommandFilter &, const CommandFilter &) = default;
};

} // namespace fleet
