#pragma once

#include "commands/approvalrequest.h"
#include "common/json.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace fleet {

// One message held by fleet-hub's command gate for an approval, as the gate stores it and publishes it on
// fleet/gate/approvals/{requester}/{id}. The requester is the topic level the broker vouched for, never a
// payload's word. digest binds decisions to the exact content: the target topic, the payload and the
// properties that go with it.
struct GateRecord
{
    // The same states, and names, as the consoles' approval requests.
    using State = ApprovalRequest::State;

    QString requester;
    QString id;
    QString kind; // GatePolicy::kindName()
    QString topic;
    QByteArray payload;
    Json properties = Json::object(); // the MQTT 5 properties relayed with it (GateRecord::propertiesJson)
    QString device;
    QString group;
    // A broadcast's devices, in the order they are sent (kind "broadcast", whose payload is the whole
    // submission: GateBroadcast). Not stored: the gate reads them from the payload when it loads the record.
    QStringList targets;
    QString command;
    Json parameters = Json::object();
    QString reason; // why it is held
    QString digest;
    qint64 requestedAt = 0;
    qint64 expiresAt = 0;
    State state = State::Pending;
    QString decidedBy;
    qint64 decidedAt = 0;
    QString decisionReason;
    qint64 sentAt = 0; // when the gate published it (recorded before it did)
    // The device's final reply to what the gate sent, kept so that a requester whose console was closed
    // still gets the verdict.
    QString replyTopic;
    QByteArray reply;

    bool isPending() const { return state == State::Pending; }
    // The SHA-256 of topic, payload and properties, hex: what an approver's decision must carry.
    static QString digestOf(const QString &topic, const QByteArray &payload, const Json &properties);
    static QString stateName(State state); // "pending", "approved", …
    static bool stateFromName(const QString &name, State *state);
    // The public form: what approvers see (payload as text when it is UTF-8, else base64 in payloadBase64).
    Json toJson() const;
};

} // namespace fleet
