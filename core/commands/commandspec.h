#pragma once

#include "common/json.h"

#include "commands/commandparameter.h"
#include "commands/localizedtexts.h"
#include "commands/retrypolicy.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// One command type of the catalog: where it is sent, what it carries, how it is checked, retried and undone.
// A spec does no I/O; it turns an operator's parameters into a payload and a device id into topics, and
// refuses anything that would put a malformed or unintended message on the broker.
//
// The payload template is any JSON. A string that is exactly "${name}" is replaced by parameter name's value
// with its JSON type (so {"ms": "${ms}"} becomes {"ms": 500}); "${name}" inside a longer string is replaced
// by the value's text. An optional parameter that has no value and no default removes the object member or
// array element that is exactly its placeholder, and leaves nothing in a longer string. What the payload
// becomes on the wire is the dialect's business: for "atlas" it is the request's "params" object.
//
// Topic templates name the device as {device} (the group topic: {group}) and may name the request's id as
// {tid} (an AWS command's executionId).
class CommandSpec final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::CommandSpec)

public:
    static constexpr int DefaultTimeoutMs = 10000;
    static constexpr int MaxTimeoutMs = 24 * 60 * 60 * 1000;

    // "To undo, send `command` with these parameters": each value is a literal, or "${captured.path}" for the
    // value at path (dot-separated object keys) in the state captured before the command ran (the device's
    // reported shadow).
    struct Inverse
    {
        QString command;
        Json parameters = Json::object();

        friend bool operator==(const Inverse &, const Inverse &) = default;
    };

    QString name; // 1-64 characters of [A-Za-z0-9_.-]
    QString description;
    LocalizedTexts descriptions; // "descriptions": description in other languages
    // The description in the operator's language (the default locale), else description.
    QString localizedDescription(const QLocale &locale = QLocale()) const
    {
        return descriptions.in(locale, description);
    }
    QString dialect = QStringLiteral("atlas"); // one of dialects()
    QString requestTopicTemplate = QStringLiteral("cmd/{device}/req");
    QString responseTopicTemplate = QStringLiteral("cmd/{device}/resp");
    QString groupRequestTopicTemplate; // empty: the command cannot be sent to a group
    // Where group members reply, naming themselves in the payload; empty: the dialect's own
    // (cmd/group/{group}/resp). The seed's broadcast layout is "{group}/request" → "{group}/response".
    QString groupResponseTopicTemplate;
    Json payloadTemplate = Json::object();
    QList<CommandParameter> parameters;
    QString contentType = QStringLiteral("application/json");
    bool sensitive = false; // needs an operator's approval before it is sent
    int timeoutMs = DefaultTimeoutMs;
    RetryPolicy retry;
    int heartbeatIntervalMs = 0; // 0: not long-running; else RUNNING replies are expected this often
    std::optional<Inverse> inverse;
    // "sets": which keys of the device's reported state the command sets, and to what: {"led": "${color}"}.
    // Keys are dot-separated paths (as "${captured.path}"), values templates like the payload's. Optional:
    // a command without it touches no key the console knows of. It is what lets the console warn that a
    // command contradicts the desired state, which the device would then be asked to go back to.
    Json setsTemplate = Json::object();
    bool deprecated = false;
    QString replacement; // of a deprecated command, optional

    bool isLongRunning() const { return heartbeatIntervalMs > 0; }
    const CommandParameter *parameter(const QString &parameterName) const;

    // The payload for these parameters (a JSON object, or null for none): unknown parameters are refused,
    // defaults applied, every value checked against its declaration. nullopt with error set on refusal.
    std::optional<Json> buildPayload(const Json &parameterValues, QString *error = nullptr) const;

    // The reported keys (dot-separated paths) the command sets for these parameters, with their values, as
    // one flat object: {"led": "red"}. Empty for a command without "sets"; nullopt with error set when
    // buildPayload() would refuse the parameters.
    std::optional<Json> stateSet(const Json &parameterValues, QString *error = nullptr) const;

    // The templates expanded for one device (or group). Empty with error set for an empty id, or one holding
    // '+', '#', '/' or NUL, which would turn a topic into a wildcard or a different topic. A template naming
    // {tid} needs a tid for the request topic; the response topic without a tid puts '+' in its place, which
    // makes it the filter to subscribe to.
    QString requestTopic(const QString &device, QString *error = nullptr, const QString &tid = {}) const;
    QString responseTopic(const QString &device, QString *error = nullptr, const QString &tid = {}) const;
    QString groupRequestTopic(const QString &group, QString *error = nullptr, const QString &tid = {}) const;

    // The request as the "atlas-text" dialect sends it (the seed's sample device reads any text): a payload
    // template that is a string is sent as its text; otherwise the command's name, and when the payload is
    // a non-empty object, one space and the payload as compact JSON: "reboot", "set_led {"color":"red"}".
    QByteArray textRequest(const Json &payload) const;

    // The inverse command's parameters, resolved against the captured state. nullopt with error set when the
    // spec has no inverse or the state lacks a captured value. The result still goes through the inverse
    // command's buildPayload().
    std::optional<Json> inverseParameters(const Json &capturedState, QString *error = nullptr) const;

    // Reads one command object (see docs/command-catalog.md). Checks everything that does not need the rest
    // of the catalog; CommandCatalog checks the inverse's and the replacement's command names.
    static std::optional<CommandSpec> fromJson(const Json &json, QString *error = nullptr);
    Json toJson() const;

    static QStringList dialects(); // "atlas", "atlas-text", "aws-commands"
    static bool isValidName(const QString &commandName);
    // Whether id can stand for {device}, {group} or {tid} in a topic.
    static bool isValidTopicId(const QString &id);
    // A topic template: no wildcards, only required ("{device}" or "{group}") and optionally "{tid}" as
    // placeholders, and required among them. False with why set otherwise.
    static bool isValidTopicTemplate(const QString &topic, const QString &required, QString *why = nullptr);

private:
    // Every parameter's value (given, else its default), checked; nullopt with error set on refusal.
    std::optional<Json> parameterValues(const Json &given, QString *error) const;
};

} // namespace fleet
