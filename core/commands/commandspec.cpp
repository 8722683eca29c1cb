#include "commands/commandspec.h"

#include "common/json.h"

#include "commands/jsonnumbers.h"

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr auto CapturedPrefix = "captured."_L1;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// The names of the "${name}" placeholders in s, in order; false when a "${" is not closed.
bool placeholders(const QString &s, QStringList *names)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype open = s.indexOf("${"_L1, from);
        if (open < 0)
            return true;
        const qsizetype close = s.indexOf(u'}', open + 2);
        if (close < 0)
            return false;
        names->append(s.mid(open + 2, close - open - 2));
        from = close + 1;
    }
}

// The parameter name when s is exactly one placeholder.
std::optional<QString> wholePlaceholder(const QString &s)
{
    if (!s.startsWith("${"_L1) || !s.endsWith(u'}') || s.indexOf(u'}') != s.size() - 1)
        return std::nullopt;
    return s.mid(2, s.size() - 3);
}

QString asText(const Json &value)
{
    return value.is_string() ? qs(value.get_ref<const std::string &>()) : compactJson(value);
}

// Substitutes values (a complete object of parameter values) into a template; nullopt = drop this node.
std::optional<Json> substitute(const Json &node, const Json &values)
{
    if (node.is_string()) {
        const QString s = qs(node.get_ref<const std::string &>());
        if (const std::optional<QString> name = wholePlaceholder(s)) {
            const auto it = values.find(name->toStdString());
            if (it == values.end())
                return std::nullopt;
            return *it;
        }
        if (!s.contains("${"_L1))
            return node;
        QString out;
        qsizetype from = 0;
        while (true) {
            const qsizetype open = s.indexOf("${"_L1, from);
            const qsizetype close = open < 0 ? -1 : s.indexOf(u'}', open + 2);
            if (close < 0) {
                out += s.mid(from);
                break;
            }
            out += s.mid(from, open - from);
            const auto it = values.find(s.mid(open + 2, close - open - 2).toStdString());
            if (it != values.end())
                out += asText(*it);
            from = close + 1;
        }
        return Json(out.toStdString());
    }
    if (node.is_object()) {
        Json out = Json::object();
        for (const auto &[key, child] : node.items()) {
            if (std::optional<Json> value = substitute(child, values))
                out[key] = std::move(*value);
        }
        return out;
    }
    if (node.is_array()) {
        Json out = Json::array();
        for (const Json &child : node) {
            if (std::optional<Json> value = substitute(child, values))
                out.push_back(std::move(*value));
        }
        return out;
    }
    return node;
}

// Every placeholder name in a template, or false for an unclosed one.
bool collectPlaceholders(const Json &node, QStringList *names)
{
    if (node.is_string())
        return placeholders(qs(node.get_ref<const std::string &>()), names);
    if (node.is_structured()) {
        for (const Json &child : node) {
            if (!collectPlaceholders(child, names))
                return false;
        }
    }
    return true;
}

// Checks a topic template: no wildcards, only known placeholders, and `required` among them.
bool validTopicTemplate(const QString &topic, const QString &required, QString *why)
{
    if (topic.isEmpty())
        return fail(why, CommandSpec::tr("must not be empty."));
    if (topic.contains(u'+') || topic.contains(u'#') || topic.contains(QChar(0)))
        return fail(why, CommandSpec::tr("must not contain '+', '#' or NUL."));
    qsizetype from = 0;
    bool hasRequired = false;
    while (true) {
        const qsizetype open = topic.indexOf(u'{', from);
        if (open < 0)
            break;
        const qsizetype close = topic.indexOf(u'}', open);
        if (close < 0)
            return fail(why, CommandSpec::tr("has an unclosed '{'."));
        const QString name = topic.mid(open, close - open + 1);
        if (name == required)
            hasRequired = true;
        else if (name != "{tid}"_L1)
            return fail(why, CommandSpec::tr("names %1; use %2 and optionally {tid}.").arg(name, required));
        from = close + 1;
    }
    if (!hasRequired)
        return fail(why, CommandSpec::tr("must name %1.").arg(required));
    return true;
}

QString expand(const QString &topicTemplate, const QString &placeholder, const QString &id,
               const QString &tid, bool tidWildcard, QString *error)
{
    const auto refuse = [error](const QString &message) {
        fail(error, message);
        return QString();
    };
    if (topicTemplate.isEmpty())
        return refuse(CommandSpec::tr("This command has no such topic."));
    if (!CommandSpec::isValidTopicId(id))
        return refuse(CommandSpec::tr("\"%1\" cannot be used in a topic: it must be non-empty and hold no "
                                      "'+', '#' or '/'.")
                          .arg(id));
    QString topic = topicTemplate;
    topic.replace(placeholder, id);
    if (topic.contains("{tid}"_L1)) {
        if (tid.isEmpty() && tidWildcard) {
            topic.replace("{tid}"_L1, "+"_L1);
        } else if (!CommandSpec::isValidTopicId(tid)) {
            return refuse(tid.isEmpty()
                              ? CommandSpec::tr("This topic needs the request's id.")
                              : CommandSpec::tr("\"%1\" cannot be used in a topic: it must be non-empty and "
                                                "hold no '+', '#' or '/'.")
                                    .arg(tid));
        } else {
            topic.replace("{tid}"_L1, tid);
        }
    }
    return topic;
}

// Dot-separated object keys, none empty: "led", "config.mode".
bool isValidStatePath(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QStringList keys = path.split(u'.');
    return std::none_of(keys.cbegin(), keys.cend(), [](const QString &key) { return key.isEmpty(); });
}

bool isValidCapturedPath(const QString &path)
{
    return path.startsWith(CapturedPrefix) && isValidStatePath(path.mid(CapturedPrefix.size()));
}

} // namespace

QStringList CommandSpec::dialects()
{
    return {u"atlas"_s, u"atlas-text"_s, u"aws-commands"_s, u"azure-methods"_s};
}

bool CommandSpec::isValidName(const QString &commandName)
{
    if (commandName.isEmpty() || commandName.size() > 64)
        return false;
    for (QChar c : commandName) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' ||
              u == u'-' || u == u'.'))
            return false;
    }
    return true;
}

bool CommandSpec::isValidTopicId(const QString &id)
{
    return !id.isEmpty() && !id.contains(u'+') && !id.contains(u'#') && !id.contains(u'/') &&
           !id.contains(QChar(0));
}

const CommandParameter *CommandSpec::parameter(const QString &parameterName) const
{
    for (const CommandParameter &p : parameters) {
        if (p.name == parameterName)
            return &p;
    }
    return nullptr;
}

std::optional<Json> CommandSpec::buildPayload(const Json &parameterValues, QString *error) const
{
    const std::optional<Json> values = this->parameterValues(parameterValues, error);
    if (!values)
        return std::nullopt;
    std::optional<Json> payload = substitute(payloadTemplate, *values);
    return payload ? std::move(*payload) : Json();
}

std::optional<Json> CommandSpec::stateSet(const Json &parameterValues, QString *error) const
{
    const std::optional<Json> values = this->parameterValues(parameterValues, error);
    if (!values)
        return std::nullopt;
    // substitute() drops a key whose value is an optional parameter left out: the command does not set it.
    std::optional<Json> set = substitute(setsTemplate, *values);
    return set && set->is_object() ? std::move(*set) : Json::object();
}

std::optional<Json> CommandSpec::parameterValues(const Json &parameterValues, QString *error) const
{
    if (!parameterValues.is_null() && !parameterValues.is_object()) {
        fail(error, tr("The parameters of \"%1\" must be a JSON object.").arg(name));
        return std::nullopt;
    }
    if (parameterValues.is_object()) {
        for (const auto &[key, value] : parameterValues.items()) {
            if (!parameter(qs(key))) {
                fail(error, tr("\"%1\" has no parameter \"%2\".").arg(name, qs(key)));
                return std::nullopt;
            }
        }
    }
    Json values = Json::object();
    for (const CommandParameter &p : parameters) {
        const std::string key = p.name.toStdString();
        const auto it = parameterValues.is_object() ? parameterValues.find(key) : parameterValues.end();
        if (parameterValues.is_object() && it != parameterValues.end()) {
            if (!p.validate(*it, error))
                return std::nullopt;
            values[key] = p.normalized(*it);
        } else if (p.defaultValue) {
            values[key] = *p.defaultValue;
        } else if (p.required) {
            fail(error, tr("\"%1\" needs the parameter \"%2\".").arg(name, p.name));
            return std::nullopt;
        }
    }
    return values;
}

QString CommandSpec::requestTopic(const QString &device, QString *error, const QString &tid) const
{
    return expand(requestTopicTemplate, u"{device}"_s, device, tid, false, error);
}

QString CommandSpec::responseTopic(const QString &device, QString *error, const QString &tid) const
{
    return expand(responseTopicTemplate, u"{device}"_s, device, tid, true, error);
}

QString CommandSpec::groupRequestTopic(const QString &group, QString *error, const QString &tid) const
{
    return expand(groupRequestTopicTemplate, u"{group}"_s, group, tid, false, error);
}

QByteArray CommandSpec::textRequest(const Json &payload) const
{
    if (payload.is_string())
        return QByteArray::fromStdString(payload.get_ref<const std::string &>());
    QByteArray text = name.toUtf8();
    if (payload.is_object() && !payload.empty())
        text += ' ' + compactJsonBytes(payload);
    return text;
}

bool CommandSpec::isValidTopicTemplate(const QString &topic, const QString &required, QString *why)
{
    return validTopicTemplate(topic, required, why);
}

std::optional<Json> CommandSpec::inverseParameters(const Json &capturedState, QString *error) const
{
    if (!inverse) {
        fail(error, tr("\"%1\" cannot be undone.").arg(name));
        return std::nullopt;
    }
    Json out = Json::object();
    for (const auto &[key, value] : inverse->parameters.items()) {
        const std::optional<QString> path =
            value.is_string() ? wholePlaceholder(qs(value.get_ref<const std::string &>())) : std::nullopt;
        if (!path) {
            out[key] = value;
            continue;
        }
        const Json *node = &capturedState;
        for (const QString &k : path->mid(CapturedPrefix.size()).split(u'.')) {
            const auto it = node->is_object() ? node->find(k.toStdString()) : node->end();
            if (!node->is_object() || it == node->end() || it->is_null()) {
                fail(error, tr("Cannot undo \"%1\": the state captured before it ran has no \"%2\".")
                                .arg(name, path->mid(CapturedPrefix.size())));
                return std::nullopt;
            }
            node = &*it;
        }
        out[key] = *node;
    }
    return out;
}

std::optional<CommandSpec> CommandSpec::fromJson(const Json &json, QString *error)
{
    const auto refuse = [error](const QString &message) -> std::optional<CommandSpec> {
        fail(error, message);
        return std::nullopt;
    };
    if (!json.is_object())
        return refuse(tr("A command must be a JSON object."));
    CommandSpec spec;
    const auto nameIt = json.find("name");
    if (nameIt == json.end() || !nameIt->is_string())
        return refuse(tr("\"name\": a command needs a name string."));
    spec.name = qs(nameIt->get_ref<const std::string &>());
    if (!isValidName(spec.name))
        return refuse(
            tr("\"name\": \"%1\" is not a valid command name: use 1 to 64 letters, digits, '_', '-' "
               "or '.'.")
                .arg(spec.name));

    for (const auto &[k, value] : json.items()) {
        const QString key = qs(k);
        const auto wrong = [&](const QString &why) { return refuse(u"\"%1\": %2"_s.arg(key, why)); };
        const auto string = [&](QString *target) {
            if (!value.is_string())
                return false;
            *target = qs(value.get_ref<const std::string &>());
            return true;
        };
        if (k == "name") {
            continue;
        } else if (k == "description") {
            if (!string(&spec.description))
                return wrong(tr("must be a string."));
        } else if (k == "descriptions") {
            QString why;
            std::optional<LocalizedTexts> texts = LocalizedTexts::fromJson(value, &why);
            if (!texts)
                return wrong(why);
            spec.descriptions = std::move(*texts);
        } else if (k == "dialect") {
            if (!string(&spec.dialect) || !dialects().contains(spec.dialect))
                return wrong(tr("must be one of %1.").arg(dialects().join(u", ")));
        } else if (k == "requestTopic" || k == "responseTopic" || k == "groupRequestTopic" ||
                   k == "groupResponseTopic") {
            QString *target = k == "requestTopic"        ? &spec.requestTopicTemplate
                              : k == "responseTopic"     ? &spec.responseTopicTemplate
                              : k == "groupRequestTopic" ? &spec.groupRequestTopicTemplate
                                                         : &spec.groupResponseTopicTemplate;
            if (!string(target))
                return wrong(tr("must be a string."));
            const bool group = k == "groupRequestTopic" || k == "groupResponseTopic";
            QString why;
            if (!validTopicTemplate(*target, group ? u"{group}"_s : u"{device}"_s, &why))
                return wrong(why);
            if (k == "groupResponseTopic" && target->contains(u"{tid}"_s))
                return wrong(tr("must not name {tid}: group replies carry their tid in the payload."));
        } else if (k == "payload") {
            spec.payloadTemplate = value;
        } else if (k == "parameters") {
            if (!value.is_array())
                return wrong(tr("must be an array of parameter objects."));
            for (std::size_t i = 0; i < value.size(); ++i) {
                QString why;
                std::optional<CommandParameter> p = CommandParameter::fromJson(value[i], &why);
                if (!p)
                    return refuse(tr("\"parameters\"[%1]: %2").arg(i).arg(why));
                if (spec.parameter(p->name))
                    return refuse(tr("\"parameters\"[%1]: \"%2\" is declared twice.").arg(i).arg(p->name));
                spec.parameters.append(std::move(*p));
            }
        } else if (k == "contentType") {
            if (!string(&spec.contentType) || spec.contentType.isEmpty())
                return wrong(tr("must be a non-empty string."));
        } else if (k == "sensitive" || k == "deprecated") {
            if (!value.is_boolean())
                return wrong(tr("must be true or false."));
            (k == "sensitive" ? spec.sensitive : spec.deprecated) = value.get<bool>();
        } else if (k == "timeoutMs") {
            const std::optional<int> n = jsonInt(value);
            if (!n || *n < 1 || *n > MaxTimeoutMs)
                return wrong(tr("must be an integer from 1 to %1.").arg(MaxTimeoutMs));
            spec.timeoutMs = *n;
        } else if (k == "heartbeatIntervalMs") {
            const std::optional<int> n = jsonInt(value);
            if (!n || *n < 0 || *n > MaxTimeoutMs)
                return wrong(tr("must be an integer from 0 (not long-running) to %1.").arg(MaxTimeoutMs));
            spec.heartbeatIntervalMs = *n;
        } else if (k == "retry") {
            QString why;
            std::optional<RetryPolicy> retry = RetryPolicy::fromJson(value, &why);
            if (!retry)
                return wrong(why);
            spec.retry = *retry;
        } else if (k == "inverse") {
            if (value.is_null())
                continue;
            if (!value.is_object())
                return wrong(tr("must be an object {\"command\", \"parameters\"}."));
            Inverse inverse;
            for (const auto &[ik, iv] : value.items()) {
                if (ik == "command") {
                    if (!iv.is_string() || !isValidName(qs(iv.get_ref<const std::string &>())))
                        return wrong(tr("\"command\" must be a command name."));
                    inverse.command = qs(iv.get_ref<const std::string &>());
                } else if (ik == "parameters") {
                    if (!iv.is_object())
                        return wrong(tr("\"parameters\" must be an object."));
                    for (const auto &[pk, pv] : iv.items()) {
                        if (!pv.is_string())
                            continue;
                        const QString s = qs(pv.get_ref<const std::string &>());
                        if (!s.contains("${"_L1))
                            continue;
                        const std::optional<QString> path = wholePlaceholder(s);
                        if (!path || !isValidCapturedPath(*path))
                            return wrong(tr("\"parameters\".\"%1\": %2 must be a literal or exactly "
                                            "\"${captured.path}\".")
                                             .arg(qs(pk), compactJson(pv)));
                    }
                    inverse.parameters = iv;
                } else {
                    return wrong(tr("unknown key \"%1\".").arg(qs(ik)));
                }
            }
            if (inverse.command.isEmpty())
                return wrong(tr("\"command\" is missing."));
            spec.inverse = std::move(inverse);
        } else if (k == "sets") {
            if (!value.is_object())
                return wrong(tr("must be an object of reported keys, such as {\"led\": \"${color}\"}."));
            for (const auto &[path, setting] : value.items()) {
                if (!isValidStatePath(qs(path)))
                    return wrong(tr("\"%1\" is not a reported key: use dot-separated names, none empty.")
                                     .arg(qs(path)));
            }
            spec.setsTemplate = value;
        } else if (k == "replacement") {
            if (!string(&spec.replacement) || !isValidName(spec.replacement))
                return wrong(tr("must be a command name."));
        } else {
            return refuse(tr("Unknown key \"%1\".").arg(key));
        }
    }

    if (spec.isLongRunning() && spec.heartbeatIntervalMs >= spec.timeoutMs)
        return refuse(
            tr("\"heartbeatIntervalMs\": must be shorter than \"timeoutMs\" (%1).").arg(spec.timeoutMs));
    if (!spec.replacement.isEmpty() && !spec.deprecated)
        return refuse(tr("\"replacement\": only a deprecated command has one."));
    if (spec.replacement == spec.name)
        return refuse(tr("\"replacement\": a command cannot replace itself."));

    // Every placeholder must name a parameter, and every parameter must be used: either mistake is a typo
    // that would otherwise send a literal "${colour}" or silently drop a value.
    QStringList used;
    if (!collectPlaceholders(spec.payloadTemplate, &used))
        return refuse(tr("\"payload\": a \"${\" is not closed by '}'."));
    for (const QString &p : std::as_const(used)) {
        if (!spec.parameter(p))
            return refuse(tr("\"payload\": ${%1} names no declared parameter.").arg(p));
    }
    for (const CommandParameter &p : std::as_const(spec.parameters)) {
        if (!used.contains(p.name))
            return refuse(tr("\"parameters\": \"%1\" is not used in \"payload\".").arg(p.name));
    }
    // The same typo check for "sets" (which need not use every parameter).
    QStringList setsUse;
    if (!collectPlaceholders(spec.setsTemplate, &setsUse))
        return refuse(tr("\"sets\": a \"${\" is not closed by '}'."));
    for (const QString &p : std::as_const(setsUse)) {
        if (!spec.parameter(p))
            return refuse(tr("\"sets\": ${%1} names no declared parameter.").arg(p));
    }
    return spec;
}

Json CommandSpec::toJson() const
{
    Json json = Json::object();
    json["name"] = name.toStdString();
    if (!description.isEmpty())
        json["description"] = description.toStdString();
    if (!descriptions.isEmpty())
        json["descriptions"] = descriptions.toJson();
    json["dialect"] = dialect.toStdString();
    json["requestTopic"] = requestTopicTemplate.toStdString();
    json["responseTopic"] = responseTopicTemplate.toStdString();
    if (!groupRequestTopicTemplate.isEmpty())
        json["groupRequestTopic"] = groupRequestTopicTemplate.toStdString();
    if (!groupResponseTopicTemplate.isEmpty())
        json["groupResponseTopic"] = groupResponseTopicTemplate.toStdString();
    json["payload"] = payloadTemplate;
    Json params = Json::array();
    for (const CommandParameter &p : parameters)
        params.push_back(p.toJson());
    json["parameters"] = std::move(params);
    json["contentType"] = contentType.toStdString();
    json["sensitive"] = sensitive;
    json["timeoutMs"] = timeoutMs;
    json["retry"] = retry.toJson();
    json["heartbeatIntervalMs"] = heartbeatIntervalMs;
    if (inverse) {
        Json inv = Json::object();
        inv["command"] = inverse->command.toStdString();
        inv["parameters"] = inverse->parameters;
        json["inverse"] = std::move(inv);
    }
    if (!setsTemplate.empty())
        json["sets"] = setsTemplate;
    if (deprecated)
        json["deprecated"] = true;
    if (!replacement.isEmpty())
        json["replacement"] = replacement.toStdString();
    return json;
}

} // namespace fleet
