#include "gatepolicy.h"

#include "common/networkjson.h"
#include "dialects/atlasdialect.h"
#include "shadow/shadowdocument.h"
#include "shadow/shadowtopic.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

struct Match
{
    QString id;
    QString tid;
};

// The id (and tid) a topic gives to a template whose levels are literals, one {device} or {group} level and
// at most one {tid} level; nullopt when it does not fit or an id could be no topic level of ours.
std::optional<Match> matchTemplate(const QString &topicTemplate, const QString &placeholder,
                                   const QString &topic)
{
    if (topicTemplate.isEmpty())
        return std::nullopt;
    const QStringList pattern = topicTemplate.split(u'/');
    const QStringList levels = topic.split(u'/');
    if (pattern.size() != levels.size())
        return std::nullopt;
    Match match;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        const QString &level = levels.at(i);
        if (p == placeholder) {
            if (!AtlasDialect::isValidId(level))
                return std::nullopt;
            match.id = level;
        } else if (p == "{tid}"_L1) {
            match.tid = level;
        } else if (p != level) {
            return std::nullopt;
        }
    }
    if (match.id.isEmpty())
        return std::nullopt;
    return match;
}

QString text(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

struct TextCommand
{
    QString name;
    Json parameters = Json::object();
};

// "name" or "name {json object}": what CommandSpec::textRequest() makes of a catalog command.
std::optional<TextCommand> readTextCommand(const QByteArray &payload)
{
    const QByteArray trimmed = payload.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    TextCommand command;
    command.name = QString::fromUtf8(space < 0 ? trimmed : trimmed.left(space));
    if (!CommandSpec::isValidName(command.name))
        return std::nullopt;
    if (space >= 0) {
        const std::optional<Json> params = NetworkJson::parse(
            trimmed.mid(space + 1), {GatePolicy::MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
        if (!params || !params->is_object())
            return std::nullopt;
        command.parameters = *params;
    }
    return command;
}

} // namespace

GatePolicy::GatePolicy(CommandCatalog catalog)
    : m_catalog(std::move(catalog))
    , m_forms(m_catalog.forms())
{}

QString GatePolicy::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Command:
        return u"command"_s;
    case Kind::Raw:
        return u"raw"_s;
    case Kind::Desired:
        return u"desired"_s;
    case Kind::ShadowRead:
        return u"shadow-read"_s;
    case Kind::AwsCommand:
        return u"aws-command"_s;
    case Kind::AzureMethod:
        return u"azure-method"_s;
    case Kind::Other:
        break;
    }
    return u"other"_s;
}

GatePolicy::Decision GatePolicy::classify(const QString &topic, const QByteArray &payload) const
{
    Decision refused;
    if (topic.isEmpty() || topic.contains(u'+') || topic.contains(u'#') || topic.contains(QChar(0))) {
        refused.reason = tr("\"%1\" is not a topic the gate can publish on.").arg(topic.left(256));
        return refused;
    }
    if (payload.size() > MaxPayloadBytes) {
        refused.reason = tr("The payload is %1 bytes; the gate takes at most %2.")
                             .arg(payload.size())
                             .arg(MaxPayloadBytes);
        return refused;
    }
    if (topic.startsWith("$aws/things/"_L1))
        return classifyShadow(topic, payload);
    if (topic.startsWith(AwsStartPrefix))
        return classifyAwsStart(topic, payload);
    if (topic.startsWith(TwinPrefix))
        return classifyTwin(topic, payload);
    if (topic.startsWith(AzureInvokePrefix))
        return classifyAzureMethod(topic, payload);
    if (topic.startsWith("devices/"_L1))
        return classifyCloudToDevice(topic);
    return classifyCommand(topic, payload);
}

GatePolicy::Decision GatePolicy::classifyShadow(const QString &topic, const QByteArray &payload) const
{
    Decision d;
    const std::optional<ShadowTopic> shadow = ShadowTopic::parse(topic);
    if (!shadow || shadow->reply() != ShadowTopic::Reply::None) {
        d.reason = tr("Only shadow requests (get, update, delete) go through the gate, not \"%1\".")
                       .arg(topic.left(256));
        return d;
    }
    d.device = shadow->thingName();
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
    if (body)
        d.tid = text(jsonMember(*body, "clientToken") ? *jsonMember(*body, "clientToken") : Json());
    switch (shadow->operation()) {
    case ShadowTopic::Operation::Get:
        d.kind = Kind::ShadowRead;
        d.verdict = Verdict::Relay;
        return d;
    case ShadowTopic::Operation::Delete:
        d.kind = Kind::Desired;
        d.verdict = Verdict::Hold;
        d.reason = tr("Deleting a shadow drops its desired state: it needs an approval.");
        return d;
    case ShadowTopic::Operation::Update:
        break;
    }
    d.kind = Kind::Desired;
    return judgedDesired(std::move(d), body);
}

GatePolicy::Decision GatePolicy::judgedDesired(Decision d, const std::optional<Json> &body) const
{
    const Json *state = body ? jsonMember(*body, "state") : nullptr;
    if (!state || !state->is_object()) {
        // The shadow service answers it with the exact AWS error; nothing here can reach a device.
        d.verdict = Verdict::Relay;
        return d;
    }
    if (jsonMember(*state, "reported")) {
        d.reason = tr("Operators do not write reported state: that is the device's own account.");
        return d;
    }
    const Json *desired = jsonMember(*state, "desired");
    d.parameters = desired ? *desired : Json::object();
    if (desired && desired->is_null()) {
        d.verdict = Verdict::Hold;
        d.reason = tr("Clearing the whole desired state needs an approval.");
        return d;
    }
    QStringList sensitive;
    if (desired && desired->is_object()) {
        for (const QString &key : m_catalog.sensitiveDesiredKeys()) {
            if (desired->contains(key.toStdString()))
                sensitive.append(key);
        }
    }
    if (sensitive.isEmpty()) {
        d.verdict = Verdict::Relay;
        return d;
    }
    d.verdict = Verdict::Hold;
    d.reason = tr("The desired %1 is sensitive: it needs an approval.", nullptr, int(sensitive.size()))
                   .arg(sensitive.join(u", "_s));
    return d;
}

GatePolicy::Decision GatePolicy::judged(Decision d, const CommandSpec &spec)
{
    if (spec.sensitive) {
        d.verdict = Verdict::Hold;
        d.reason = tr("%1 is sensitive: it needs an approval.").arg(spec.name);
    } else {
        d.verdict = Verdict::Relay;
    }
    return d;
}

GatePolicy::Decision GatePolicy::classifyAwsStart(const QString &topic, const QByteArray &payload) const
{
    Decision d;
    // fleet/aws-commands/start/{user}/{clientToken}; whose name is in it is the gate's to check (the
    // submitter's), since only the gate knows who submitted.
    const QStringList levels = topic.split(u'/');
    if (levels.size() != 5 || !CommandSpec::isValidTopicId(levels.at(3)) ||
        !CommandSpec::isValidTopicId(levels.at(4))) {
        d.reason = tr("\"%1\" is not an AWS IoT command start topic.").arg(topic.left(256));
        return d;
    }
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
    const Json *commandId = body && body->is_object() ? jsonMember(*body, "commandId") : nullptr;
    const Json *target = body && body->is_object() ? jsonMember(*body, "target") : nullptr;
    if (!commandId || !commandId->is_string() || !target || !target->is_string()) {
        d.reason = tr("An AWS IoT command start is a JSON object with \"commandId\" and \"target\".");
        return d;
    }
    d.kind = Kind::AwsCommand;
    d.device = text(*target);
    d.command = text(*commandId);
    d.tid = levels.at(4);
    const Json *parameters = jsonMember(*body, "parameters");
    d.parameters = parameters && parameters->is_object() ? *parameters : Json::object();
    QString unfit;
    const CommandSpec *spec = m_catalog.find(d.command, d.device, {}, &unfit);
    if (!spec || spec->dialect != "aws-commands"_L1) {
        d.reason = spec ? tr("%1 is not an AWS IoT command.").arg(d.command) : unfit;
        return d;
    }
    return judged(std::move(d), *spec);
}

GatePolicy::Decision GatePolicy::classifyCommand(const QString &topic, const QByteArray &payload) const
{
    Decision d;
    // Which catalog request topic this is: the device (or group) comes from the topic, never the payload.
    // Every form counts: the commands' own topics and each profile's (commands/{device} of the design page's
    // layout, device_status/request of the seed's broadcast).
    bool onRequestTopic = false;
    // A profile's topics count for the devices (or the group) it is about only: "commands/{device}" of
    // design-* is no request topic for dev-1.
    for (const CommandCatalog::Form &form : m_forms) {
        const CommandSpec &spec = *form.spec;
        const DeviceProfile *profile = form.profile;
        if (const auto m = matchTemplate(spec.requestTopicTemplate, u"{device}"_s, topic);
            m && (!profile || (profile->match != DeviceProfile::Match::Group && profile->matches(m->id)))) {
            d.device = m->id;
            onRequestTopic = true;
            break;
        }
        if (const auto m = matchTemplate(spec.groupRequestTopicTemplate, u"{group}"_s, topic);
            m && (!profile || profile->match != DeviceProfile::Match::Group || profile->value == m->id)) {
            d.group = m->id;
            onRequestTopic = true;
            break;
        }
    }
    if (!onRequestTopic) {
        d.reason =
            tr("\"%1\" is not the request topic of any command in the gate's catalog.").arg(topic.left(256));
        return d;
    }

    // A catalog command: the Atlas request shape and nothing more, so that a device reading other members
    // cannot be told something the gate did not judge.
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
    const bool atlasShape = body && body->is_object() && body->size() <= 4 && jsonMember(*body, "cmd") &&
                            jsonMember(*body, "cmd")->is_string() && jsonMember(*body, "tid") &&
                            jsonMember(*body, "tid")->is_string() &&
                            (!jsonMember(*body, "status") || *jsonMember(*body, "status") == "REQUEST") &&
                            (!jsonMember(*body, "params") || jsonMember(*body, "params")->is_object());
    const bool onlyKnownKeys =
        atlasShape && std::all_of(body->items().begin(), body->items().end(), [](const auto &item) {
            return item.key() == "cmd" || item.key() == "tid" || item.key() == "status" ||
                   item.key() == "params";
        });
    // The command in the form the target takes (its profile's, by id or pattern: the gate knows no groups),
    // which must be the form it came in, on that form's topic.
    const auto formFor = [&](const QString &name) -> const CommandSpec * {
        const CommandSpec *spec =
            d.group.isEmpty() ? m_catalog.find(name, d.device, {}) : m_catalog.find(name, {}, {d.group});
        const bool onItsTopic =
            spec && (d.group.isEmpty()
                         ? matchTemplate(spec->requestTopicTemplate, u"{device}"_s, topic).has_value()
                         : matchTemplate(spec->groupRequestTopicTemplate, u"{group}"_s, topic).has_value());
        return onItsTopic ? spec : nullptr;
    };
    const CommandSpec *spec = nullptr;
    if (onlyKnownKeys) {
        spec = formFor(text(*jsonMember(*body, "cmd")));
        if (spec && spec->dialect != "atlas"_L1)
            spec = nullptr;
    }
    if (spec) {
        d.tid = text(*jsonMember(*body, "tid"));
        const Json *params = jsonMember(*body, "params");
        d.parameters = params ? *params : Json::object();
    } else if (std::optional<TextCommand> t = readTextCommand(payload)) {
        // The seed's sample device takes text: a command the console sent in that form is still the
        // catalog's command, judged as one, provided the text is exactly what the console sends for it.
        spec = formFor(t->name);
        if (spec && (spec->dialect != "atlas-text"_L1 || spec->payloadTemplate.is_string() ||
                     spec->textRequest(t->parameters) != payload))
            spec = nullptr;
        if (spec)
            d.parameters = t->parameters;
    }
    if (spec) {
        d.kind = Kind::Command;
        d.command = spec->name;
        return judged(std::move(d), *spec);
    }

    d.kind = Kind::Raw;
    if (body && body->is_object()) {
        if (const Json *tid = jsonMember(*body, "tid"))
            d.tid = text(*tid);
    }
    return judgedRaw(std::move(d));
}

GatePolicy::Decision GatePolicy::judgedRaw(Decision d) const
{
    switch (m_catalog.rawCommands()) {
    case CommandCatalog::RawCommands::Allowed:
        d.verdict = Verdict::Relay;
        break;
    case CommandCatalog::RawCommands::Refused:
        d.reason = tr("The gate's catalog does not allow free-form payloads.");
        break;
    case CommandCatalog::RawCommands::Sensitive:
        d.verdict = Verdict::Hold;
        d.reason = tr("A free-form payload is not a catalog command: it needs an approval.");
        break;
    }
    return d;
}

GatePolicy::Decision GatePolicy::classifyTwin(const QString &topic, const QByteArray &payload) const
{
    Decision d;
    // $fleet/twins/{device}/get | update: an Azure device twin, which fleet-hub's Azure service keeps.
    const QStringList levels = topic.split(u'/');
    if (levels.size() != 4 || !CommandSpec::isValidTopicId(levels.at(2)) ||
        (levels.at(3) != "get"_L1 && levels.at(3) != "update"_L1)) {
        d.reason =
            tr("Only twin requests (get, update) go through the gate, not \"%1\".").arg(topic.left(256));
        return d;
    }
    d.device = levels.at(2);
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
    if (body)
        d.tid = text(jsonMember(*body, "clientToken") ? *jsonMember(*body, "clientToken") : Json());
    if (levels.at(3) == "get"_L1) {
        d.kind = Kind::ShadowRead;
        d.verdict = Verdict::Relay;
        return d;
    }
    // The same rules as a shadow's desired state: the twin's desired properties are the device's orders.
    d.kind = Kind::Desired;
    return judgedDesired(std::move(d), body);
}

GatePolicy::Decision GatePolicy::classifyAzureMethod(const QString &topic, const QByteArray &payload) const
{
    Decision d;
    // fleet/azure-methods/invoke/{user}/{requestId}; the gate checks that the name is the submitter's.
    const QStringList levels = topic.split(u'/');
    if (levels.size() != 5 || !CommandSpec::isValidTopicId(levels.at(3)) ||
        !CommandSpec::isValidTopicId(levels.at(4))) {
        d.reason = tr("\"%1\" is not an Azure direct method topic.").arg(topic.left(256));
        return d;
    }
    const std::optional<Json> body =
        NetworkJson::parse(payload, {MaxPayloadBytes, NetworkJson::DefaultMaxDepth});
    const Json *device = body && body->is_object() ? jsonMember(*body, "deviceId") : nullptr;
    const Json *method = body && body->is_object() ? jsonMember(*body, "methodName") : nullptr;
    if (!device || !device->is_string() || !method || !method->is_string()) {
        d.reason = tr("A direct method call is a JSON object with \"deviceId\" and \"methodName\".");
        return d;
    }
    d.kind = Kind::AzureMethod;
    d.device = text(*device);
    d.command = text(*method);
    d.tid = levels.at(4);
    const Json *argument = jsonMember(*body, "payload");
    d.parameters = argument && argument->is_object() ? *argument : Json::object();
    // A catalog command reaches an Azure device as the method of its name; one the catalog does not name is
    // judged as a free-form request.
    if (const CommandSpec *spec = m_catalog.find(d.command))
        return judged(std::move(d), *spec);
    return judgedRaw(std::move(d));
}

GatePolicy::Decision GatePolicy::classifyCloudToDevice(const QString &topic) const
{
    Decision d;
    // devices/{device}/messages/devicebound/{property bag}: an Azure cloud-to-device message, free-form by
    // nature, so judged as a free-form request.
    const QStringList levels = topic.split(u'/');
    if (levels.size() < 4 || !CommandSpec::isValidTopicId(levels.at(1)) || levels.at(2) != "messages"_L1 ||
        levels.at(3) != "devicebound"_L1 || levels.size() > 5) {
        d.reason =
            tr("\"%1\" is not the request topic of any command in the gate's catalog.").arg(topic.left(256));
        return d;
    }
    d.kind = Kind::Raw;
    d.device = levels.at(1);
    d = judgedRaw(std::move(d));
    // In the words of what it is: the catalog's policy for free-form requests, about a message to a device.
    if (d.verdict == Verdict::Hold)
        d.reason = tr("A cloud-to-device message is free-form: it needs an approval.");
    else if (d.verdict == Verdict::Refuse)
        d.reason = tr("The gate's catalog does not allow free-form messages to devices.");
    return d;
}

} // namespace fleet
