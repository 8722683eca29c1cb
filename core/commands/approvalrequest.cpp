#include "commands/approvalrequest.h"

#include "common/json.h"

#include "commands/jsonnumbers.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

// The string member `key`, or nullopt when it is absent or not a string.
std::optional<QString> stringMember(const Json &json, const char *key)
{
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string())
        return std::nullopt;
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

void ApprovalRequest::addDecision(const Decision &decision)
{
    const auto it = std::find_if(decisions.begin(), decisions.end(),
                                 [&](const Decision &d) { return d.approver == decision.approver; });
    if (it == decisions.end())
        decisions.append(decision);
    else if (isPending())
        *it = decision;
}

std::optional<ApprovalRequest::Decision> ApprovalRequest::decisionBy(const QString &approver) const
{
    for (const Decision &d : decisions) {
        if (d.approver == approver)
            return d;
    }
    return std::nullopt;
}

Json ApprovalRequest::toJson() const
{
    Json json = {
        {"id", utf8(id)},
        {"requester", utf8(requester)},
        {"device", utf8(device)},
        {"command", utf8(command)},
        {"parameters", parameters},
        {"payload", payload},
        {"requestedAt", requestedMs},
        {"expiresAt", expiresMs},
        {"state", utf8(stateKey(state))},
    };
    if (!targets.isEmpty()) {
        Json list = Json::array();
        for (const QString &target : targets)
            list.push_back(utf8(target));
        json["targets"] = std::move(list);
    }
    if (!isPending()) {
        json["decidedBy"] = utf8(decidedBy);
        json["decidedAt"] = decidedMs;
        json["reason"] = utf8(reason);
    }
    if (sentMs > 0)
        json["sentAt"] = sentMs;
    if (!result.isEmpty()) {
        json["result"] = utf8(result);
        json["resultReason"] = utf8(resultReason);
    }
    if (!decisions.isEmpty()) {
        Json list = Json::array();
        for (const Decision &d : decisions) {
            list.push_back({{"approver", utf8(d.approver)},
                            {"decision", d.approve ? "approve" : "reject"},
                            {"reason", utf8(d.reason)},
                            {"time", d.timeMs}});
        }
        json["decisions"] = std::move(list);
    }
    return json;
}

std::optional<ApprovalRequest> ApprovalRequest::fromJson(const Json &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<ApprovalRequest> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!json.is_object())
        return fail(tr("An approval request must be a JSON object."));
    ApprovalRequest r;
    const std::optional<QString> id = stringMember(json, "id");
    const std::optional<QString> device = stringMember(json, "device");
    const std::optional<QString> command = stringMember(json, "command");
    const std::optional<QString> state = stringMember(json, "state");
    if (!id || id->isEmpty() || !device || !command || !state)
        return fail(
            tr("An approval request needs the strings \"id\", \"device\", \"command\" and \"state\"."));
    const std::optional<State> parsedState = stateFromKey(*state);
    if (!parsedState)
        return fail(tr("Unknown approval state \"%1\".").arg(*state));
    const std::optional<qint64> requested = jsonIntegral(json.value("requestedAt", Json()));
    const std::optional<qint64> expires = jsonIntegral(json.value("expiresAt", Json()));
    if (!requested || !expires)
        return fail(
            tr("An approval request needs the times \"requestedAt\" and \"expiresAt\" (milliseconds)."));
    r.id = *id;
    r.requester = stringMember(json, "requester").value_or(QString());
    r.device = *device;
    r.command = *command;
    r.parameters = json.value("parameters", Json::object());
    r.payload = json.value("payload", Json::object());
    r.requestedMs = *requested;
    r.expiresMs = *expires;
    r.state = *parsedState;
    r.decidedBy = stringMember(json, "decidedBy").value_or(QString());
    r.decidedMs = jsonIntegral(json.value("decidedAt", Json())).value_or(0);
    r.reason = stringMember(json, "reason").value_or(QString());
    r.sentMs = jsonIntegral(json.value("sentAt", Json())).value_or(0);
    // Another account's words: bounded like a reason, so that a hostile request cannot fill the view.
    r.result = stringMember(json, "result").value_or(QString()).left(64);
    r.resultReason = stringMember(json, "resultReason").value_or(QString()).left(1024);
    if (const auto list = json.find("targets"); list != json.end()) {
        if (!list->is_array())
            return fail(tr("\"targets\" of an approval request must be an array of device ids."));
        for (const Json &target : *list) {
            if (!target.is_string())
                return fail(tr("\"targets\" of an approval request must be an array of device ids."));
            r.targets.append(QString::fromStdString(target.get<std::string>()));
        }
    }
    if (const auto list = json.find("decisions"); list != json.end()) {
        if (!list->is_array())
            return fail(tr("\"decisions\" of an approval request must be an array."));
        for (const Json &d : *list) {
            const std::optional<QString> approver =
                d.is_object() ? stringMember(d, "approver") : std::nullopt;
            const std::optional<QString> verdict = d.is_object() ? stringMember(d, "decision") : std::nullopt;
            if (!approver || !verdict || (*verdict != "approve"_L1 && *verdict != "reject"_L1))
                return fail(tr("A decision of an approval request needs \"approver\" and \"decision\" "
                               "(approve or reject)."));
            r.decisions.append(Decision{*approver, *verdict == "approve"_L1,
                                        stringMember(d, "reason").value_or(QString()),
                                        jsonIntegral(d.value("time", Json())).value_or(0)});
        }
    }
    return r;
}

QString ApprovalRequest::stateKey(State state)
{
    switch (state) {
    case State::Pending:
        return u"pending"_s;
    case State::Approved:
        return u"approved"_s;
    case State::Rejected:
        return u"rejected"_s;
    case State::Expired:
        return u"expired"_s;
    case State::Withdrawn:
        return u"withdrawn"_s;
    }
    return {};
}

std::optional<ApprovalRequest::State> ApprovalRequest::stateFromKey(const QString &key)
{
    for (const State s :
         {State::Pending, State::Approved, State::Rejected, State::Expired, State::Withdrawn}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString ApprovalRequest::stateText(State state)
{
    switch (state) {
    case State::Pending:
        return tr("Pending", "approval state");
    case State::Approved:
        return tr("Approved", "approval state");
    case State::Rejected:
        return tr("Rejected", "approval state");
    case State::Expired:
        return tr("Expired", "approval state");
    case State::Withdrawn:
        return tr("Withdrawn", "approval state");
    }
    return {};
}

QString ApprovalRequest::targetText() const
{
    if (targets.isEmpty())
        return device;
    // The first few name the broadcast at a glance; the details list every one.
    constexpr qsizetype Shown = 3;
    QStringList names = targets.mid(0, Shown);
    if (targets.size() > Shown)
        names.append(u"…"_s);
    return tr("%n device(s) (%1)", nullptr, int(targets.size())).arg(names.join(u", "_s));
}

} // namespace fleet
