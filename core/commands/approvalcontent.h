#pragma once

#include "commands/approvalrequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace fleet {

class AtlasDialect;
class CommandCatalog;

// Exactly what an approval request puts on the broker once approved, worked out the way the sender works
// it out, so that an approver decides on the messages themselves and not on a command name and its
// parameters:
//   - with fleet-hub's gate, the gate's own copy: the topic and payload it holds (the decision is bound to
//     their digest), and for a broadcast each of its messages;
//   - without a gate, the requester's console sends what its tracker encodes: the catalog's request topic
//     for the device with the request's tid, and the dialect's request around the built parameters. This
//     console encodes it with its own catalog and dialect (the same shared catalog in a normal setup); a
//     command it does not know is said so in problem.
// A plain value; nothing here does I/O.
class ApprovalContent final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::ApprovalContent)

public:
    struct Message
    {
        QString target; // the device (or group) it goes to
        QString topic;
        QByteArray payload;
    };

    QList<Message> messages; // in the order they are sent; at most the gate's broadcast bound
    QString problem;         // why the exact content cannot be told (translated); messages may be empty then

    static ApprovalContent of(const ApprovalRequest &request, const CommandCatalog &catalog,
                              const AtlasDialect &dialect);
    // Whether every message carries the same payload (a broadcast of a command without a tid in it).
    bool samePayload() const;
};

} // namespace fleet
