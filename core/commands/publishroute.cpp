#include "commands/publishroute.h"

#include "common/elided.h"
#include "common/json.h"
#include "common/networkjson.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Ids come from what was typed: quoted, they cost a glance at most.
QString quoted(const QString &id)
{
    return elided(id, 64);
}

} // namespace

PublishRoute PublishRoute::plan(const GatedTopics &topics, const PublishDraft &draft,
                                const OperatorActions *actions)
{
    PublishRoute route;
    route.match = topics.match(draft.topic);
    const QString device = quoted(route.match.device);
    using Kind = GatedTopics::Kind;
    switch (route.match.kind) {
    case Kind::None:
        break;
    case Kind::CommandRequest:
        route.planCommand(draft, actions);
        break;
    case Kind::ShadowRequest:
        if (route.match.shadow && route.match.shadow->operation() == ShadowTopic::Operation::Update) {
            route.planDesired(draft);
        } else if (route.match.shadow && route.match.shadow->operation() == ShadowTopic::Operation::Get) {
            route.refuse(tr("This is %1's shadow get topic: the console reads shadows itself. Open %1 in the "
                            "device dock to see its shadow.")
                             .arg(device));
        } else {
            route.refuse(tr("This is %1's shadow delete topic: deleting a shadow drops its desired state, "
                            "which needs an approval through the gate. Use fleetctl shadow delete.")
                             .arg(device));
        }
        break;
    case Kind::ShadowReply:
        route.refuse(tr("This is an answer topic of %1's shadow, which only the shadow service writes: a "
                        "message here would forge what the device and every console read. To change the "
                        "desired state, publish {\"state\":{\"desired\":{…}}} on its update topic, or use "
                        "the device dock's shadow editor.")
                         .arg(device));
        break;
    case Kind::GroupRequest:
        route.refuse(tr("This is group %1's command request topic: a message here reaches every member, so "
                        "only a catalog command sent to the group from the command composer goes there (a "
                        "free-form payload goes to one device at a time).")
                         .arg(quoted(route.match.group)));
        break;
    case Kind::AwsCommandRequest:
        route.refuse(tr("This is %1's AWS IoT commands request topic: commands reach it only as catalog "
                        "commands that fleet-hub starts. Send one from the command composer.")
                         .arg(device));
        break;
    case Kind::AzureTwin:
        route.refuse(device.isEmpty()
                         ? tr("This is an Azure IoT Hub twin topic: desired properties change through the "
                              "gate from the device dock's Twin tab, or with fleetctl twin update.")
                         : tr("This is %1's Azure IoT Hub twin topic: its desired properties change through "
                              "the gate from the device dock's Twin tab, or with fleetctl twin update.")
                               .arg(device));
        break;
    case Kind::AzureMethod:
        route.refuse(tr("This is an Azure IoT Hub direct method topic: methods are called through the gate, "
                        "as commands from the command composer or with fleetctl method."));
        break;
    case Kind::AzureCloudToDevice:
        route.refuse(tr("This is %1's cloud-to-device topic: send the message from the device dock's Twin "
                        "tab (Send message…) or with fleetctl c2d, which go through the gate.")
                         .arg(device));
        break;
    case Kind::GateService:
        route.refuse(tr("This is one of fleet-hub's own topics (the command gate, approvals, AWS IoT "
                        "commands, Azure twins): commands, approvals and cancellations are made from the "
                        "command composer and the approvals view, which record them."));
        break;
    }
    return route;
}

void PublishRoute::refuse(const QString &why)
{
    path = Path::Refused;
    problem = why;
}

void PublishRoute::noteIgnored(const PublishDraft &draft)
{
    if (!draft.properties.isEmpty())
        ignored.append(tr("The MQTT 5 properties set here are not carried: this path sends its own "
                          "(correlation data, response topic, expiry), so these will not be sent."));
    if (draft.retain)
        ignored.append(tr("Retain does not apply: a request to a device is never retained."));
    if (draft.qos != 1)
        ignored.append(tr("QoS %1 does not apply: this path sends at QoS 1.").arg(draft.qos));
}

void PublishRoute::planCommand(const PublishDraft &draft, const OperatorActions *actions)
{
    const QString device = quoted(match.device);
    path = Path::Command;
    command.devices = {match.device};
    command.raw = draft.payload;
    explanation = tr("This is %1's command request topic: the message goes through the command gate as a "
                     "free-form command, with approvals and audit.")
                      .arg(device);
    noteIgnored(draft);
    // The refusals that say what the topic is replace the explanation; the command path's own (an empty or
    // oversized payload) go with it.
    if (QString::fromUtf8(draft.payload).toUtf8() != draft.payload) {
        explanation.clear();
        return refuse(tr("This is %1's command request topic, where a message goes as a free-form command, "
                         "which is UTF-8 text: this payload is not.")
                          .arg(device));
    }
    if (!actions)
        return;
    const OperatorActions::Preview preview = actions->preview(command);
    if (!preview.problem.isEmpty())
        return refuse(preview.problem);
    if (!preview.topic.isEmpty() && preview.topic != draft.topic) {
        explanation.clear();
        return refuse(tr("This is %1's command request topic, but a free-form command for %1 goes out on %2, "
                         "so it would not arrive here: send a catalog command from the command composer "
                         "instead.")
                          .arg(device, elided(preview.topic, 256)));
    }
}

void PublishRoute::planDesired(const PublishDraft &draft)
{
    const ShadowTopic &shadow = *match.shadow;
    const QString device = quoted(shadow.thingName());
    const QString which = shadow.isNamed() ? tr("%1's shadow \"%2\"").arg(device, quoted(shadow.shadowName()))
                                           : tr("%1's shadow").arg(device);
    path = Path::Desired;
    desired.device = shadow.thingName();
    desired.shadowName = shadow.shadowName();
    explanation = tr("This is the update topic of %1: a desired state goes through the command gate as a "
                     "desired-state change, with approvals, audit and a rollback entry.")
                      .arg(which);
    noteIgnored(draft);
    const QString onlyDesired =
        tr("On the update topic of %1 only a desired-state change, {\"state\":{\"desired\":{…}}}, is sent "
           "from here, through the gate. Use the device dock's shadow editor for anything else.")
            .arg(which);
    // {"state": {"desired": {…}}}, optionally with the update's clientToken and version: nothing else
    // goes, so that nothing rides along that the gate and the approver did not judge as a desired change.
    const std::optional<Json> body =
        NetworkJson::parse(draft.payload, {MaxShadowPayloadBytes, NetworkJson::DefaultMaxDepth});
    if (!body || !body->is_object())
        return refuse(onlyDesired);
    for (const auto &item : body->items()) {
        if (item.key() != "state" && item.key() != "clientToken" && item.key() != "version")
            return refuse(onlyDesired);
    }
    const Json *state = jsonMember(*body, "state");
    const Json *wanted = state ? jsonMember(*state, "desired") : nullptr;
    if (state && jsonMember(*state, "reported"))
        return refuse(tr("Reported state is %1's own word, which operators do not write. %2")
                          .arg(quoted(shadow.thingName()), onlyDesired));
    if (!wanted || state->size() != 1 || !wanted->is_object())
        return refuse(onlyDesired);
    if (const Json *version = jsonMember(*body, "version")) {
        if (!version->is_number_integer() || version->get<qint64>() < 0)
            return refuse(tr("\"version\" must be a shadow version (a whole number of at least 0)."));
        desired.version = version->get<qint64>();
    }
    desired.patch = *wanted;
}

} // namespace fleet
