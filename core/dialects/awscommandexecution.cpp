#include "awscommandexecution.h"

#include "common/networkjson.h"
#include "common/seterror.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

QString fromJsonString(const Json &json, const char *key)
{
    const auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool isReasonCode(const QString &code)
{
    static const QRegularExpression pattern(u"^[A-Z0-9_-]+$"_s);
    return !code.isEmpty() && code.size() <= AwsCommandExecution::MaxReasonCodeChars &&
           pattern.match(code).hasMatch();
}

} // namespace

bool AwsCommandExecution::isTerminal() const
{
    switch (status) {
    case Status::Succeeded:
    case Status::Failed:
    case Status::Rejected:
        return true;
    case Status::TimedOut:
        return deviceTimedOut;
    case Status::Created:
    case Status::InProgress:
        break;
    }
    return false;
}

QString AwsCommandExecution::statusName(Status status)
{
    switch (status) {
    case Status::Created:
        return u"CREATED"_s;
    case Status::InProgress:
        return u"IN_PROGRESS"_s;
    case Status::Succeeded:
        return u"SUCCEEDED"_s;
    case Status::Failed:
        return u"FAILED"_s;
    case Status::Rejected:
        return u"REJECTED"_s;
    case Status::TimedOut:
        break;
    }
    return u"TIMED_OUT"_s;
}

std::optional<AwsCommandExecution::Status> AwsCommandExecution::statusFromName(const QString &name)
{
    for (Status s : {Status::Created, Status::InProgress, Status::Succeeded, Status::Failed, Status::Rejected,
                     Status::TimedOut}) {
        if (statusName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString AwsCommandExecution::errorName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidTopic:
        return u"InvalidTopic"_s;
    case ErrorCode::InvalidJson:
        return u"InvalidJson"_s;
    case ErrorCode::InvalidRequest:
        return u"InvalidRequest"_s;
    case ErrorCode::InvalidStateTransition:
        return u"InvalidStateTransition"_s;
    case ErrorCode::ResourceNotFound:
        return u"ResourceNotFound"_s;
    case ErrorCode::VersionMismatch:
        return u"VersionMismatch"_s;
    case ErrorCode::InternalError:
        return u"InternalError"_s;
    case ErrorCode::RequestThrottled:
        return u"RequestThrottled"_s;
    case ErrorCode::TerminalStateReached:
        break;
    }
    return u"TerminalStateReached"_s;
}

std::optional<AwsCommandExecution::Update> AwsCommandExecution::parseUpdate(const QByteArray &body,
                                                                            Error *error)
{
    const auto refuse = [error](ErrorCode code, const QString &message) {
        if (error)
            *error = Error{code, message};
        return std::nullopt;
    };
    QString why;
    // A result holds at most three levels ({"result": {"name": {"s": …}}}) under the document.
    const std::optional<Json> json = NetworkJson::parse(body, {MaxUpdateBytes, 8}, &why);
    if (!json)
        return refuse(ErrorCode::InvalidJson, why);
    if (!json->is_object())
        return refuse(ErrorCode::InvalidJson, tr("The update is not a JSON object."));
    const auto status = json->find("status");
    if (status == json->end() || !status->is_string())
        return refuse(ErrorCode::InvalidRequest, tr("\"status\" is missing or not a string."));
    const std::optional<Status> parsed = statusFromName(QString::fromStdString(status->get<std::string>()));
    if (!parsed || *parsed == Status::Created)
        return refuse(ErrorCode::InvalidRequest,
                      tr("\"status\" must be IN_PROGRESS, SUCCEEDED, FAILED, REJECTED or TIMED_OUT."));
    Update update;
    update.status = *parsed;
    for (auto it = json->begin(); it != json->end(); ++it) {
        if (it.key() != "status" && it.key() != "statusReason" && it.key() != "result")
            return refuse(ErrorCode::InvalidRequest,
                          tr("Unknown member \"%1\".").arg(QString::fromStdString(it.key()).left(64)));
    }
    if (const auto reason = json->find("statusReason"); reason != json->end() && !reason->is_null()) {
        if (!reason->is_object())
            return refuse(ErrorCode::InvalidRequest, tr("\"statusReason\" must be an object."));
        const auto code = reason->find("reasonCode");
        if (code == reason->end() || !code->is_string() ||
            !isReasonCode(QString::fromStdString(code->get<std::string>())))
            return refuse(ErrorCode::InvalidRequest,
                          tr("\"statusReason.reasonCode\" must be 1 to %1 characters of A-Z, 0-9, _ and -.")
                              .arg(MaxReasonCodeChars));
        update.reasonCode = QString::fromStdString(code->get<std::string>());
        if (const auto description = reason->find("reasonDescription"); description != reason->end()) {
            if (!description->is_string())
                return refuse(ErrorCode::InvalidRequest,
                              tr("\"statusReason.reasonDescription\" must be a string."));
            update.reasonDescription = QString::fromStdString(description->get<std::string>());
            if (update.reasonDescription.size() > MaxReasonDescriptionChars)
                return refuse(ErrorCode::InvalidRequest,
                              tr("\"statusReason.reasonDescription\" is longer than %1 characters.")
                                  .arg(MaxReasonDescriptionChars));
        }
    }
    if (const auto result = json->find("result"); result != json->end() && !result->is_null()) {
        if (!result->is_object())
            return refuse(ErrorCode::InvalidRequest, tr("\"result\" must be an object."));
        if (int(result->size()) > MaxResultEntries)
            return refuse(ErrorCode::InvalidRequest,
                          tr("\"result\" has more than %1 entries.").arg(MaxResultEntries));
        for (auto it = result->begin(); it != result->end(); ++it) {
            const Json &value = it.value();
            const bool typed = value.is_object() && value.size() == 1 &&
                               ((value.contains("s") && value["s"].is_string()) ||
                                (value.contains("b") && value["b"].is_boolean()) ||
                                (value.contains("bin") && value["bin"].is_string()));
            if (!typed)
                return refuse(
                    ErrorCode::InvalidRequest,
                    tr("Result \"%1\" must be {\"s\": text}, {\"b\": true|false} or {\"bin\": base64}.")
                        .arg(QString::fromStdString(it.key()).left(64)));
        }
        update.result = *result;
    }
    return update;
}

std::optional<AwsCommandExecution::Error> AwsCommandExecution::check(const Update &update) const
{
    if (isTerminal()) {
        // Going back to running is a transition that never exists; any other word after the verdict is
        // one too late.
        if (update.status == Status::InProgress)
            return Error{
                ErrorCode::InvalidStateTransition,
                tr("The execution is %1: it cannot go back to IN_PROGRESS.").arg(statusName(status))};
        return Error{ErrorCode::TerminalStateReached,
                     tr("The execution is already %1.").arg(statusName(status))};
    }
    if (status == Status::TimedOut && update.status == Status::InProgress)
        return Error{ErrorCode::InvalidStateTransition,
                     tr("The execution timed out: only a final status may follow.")};
    return std::nullopt;
}

bool AwsCommandExecution::apply(const Update &update, qint64 nowMs, Error *error)
{
    if (const std::optional<Error> refused = check(update)) {
        if (error)
            *error = *refused;
        return false;
    }
    status = update.status;
    deviceTimedOut = update.status == Status::TimedOut;
    reasonCode = update.reasonCode;
    reasonDescription = update.reasonDescription;
    if (!update.result.empty())
        result = update.result;
    updatedMs = nowMs;
    return true;
}

bool AwsCommandExecution::timeOut(qint64 nowMs)
{
    if (isTerminal() || status == Status::TimedOut)
        return false;
    status = Status::TimedOut;
    deviceTimedOut = false;
    reasonCode = QString::fromLatin1(NoResponseReason);
    reasonDescription = tr("The device did not report a final status within %1 s.").arg(timeoutMs / 1000);
    updatedMs = nowMs;
    return true;
}

Json AwsCommandExecution::acceptedBody() const
{
    return Json{{"executionId", utf8(executionId)}};
}

Json AwsCommandExecution::rejectedBody(const Error &error, const QString &executionId)
{
    return Json{{"error", utf8(errorName(error.code))},
                {"errorMessage", utf8(error.message)},
                {"executionId", utf8(executionId)}};
}

Json AwsCommandExecution::eventBody(qint64 nowMs) const
{
    Json event{{"executionId", utf8(executionId)}, {"status", utf8(statusName(status))},
               {"eventType", "COMMAND_EXECUTION"}, {"commandArn", utf8(commandArn())},
               {"targetArn", utf8(targetArn())},   {"timestamp", nowMs}};
    if (!reasonCode.isEmpty()) {
        Json reason{{"reasonCode", utf8(reasonCode)}};
        if (!reasonDescription.isEmpty())
            reason["reasonDescription"] = utf8(reasonDescription);
        event["statusReason"] = reason;
    }
    return event;
}

Json AwsCommandExecution::verdictBody() const
{
    Json body{{"clientToken", utf8(clientToken)},
              {"executionId", utf8(executionId)},
              {"status", utf8(statusName(status))}};
    if (!reasonCode.isEmpty()) {
        Json reason{{"reasonCode", utf8(reasonCode)}};
        if (!reasonDescription.isEmpty())
            reason["reasonDescription"] = utf8(reasonDescription);
        body["statusReason"] = reason;
    }
    if (!result.empty()) {
        if (compactJsonBytes(result).size() <= MaxVerdictResultBytes)
            body["result"] = result;
        else
            body["resultOmitted"] = true;
    }
    return body;
}

QString AwsCommandExecution::eventTopic() const
{
    return u"$aws/events/commandExecution/%1/%2"_s.arg(commandId, statusName(status));
}

QString AwsCommandExecution::topicBase() const
{
    return u"$aws/commands/%1/%2/executions/%3"_s.arg(targetType, target, executionId);
}

QString AwsCommandExecution::requestTopic() const
{
    if (contentType == "application/json"_L1)
        return topicBase() + u"/request/json"_s;
    if (contentType == "application/cbor"_L1)
        return topicBase() + u"/request/cbor"_s;
    return topicBase() + u"/request"_s;
}

bool AwsCommandExecution::isValidExecutionId(const QString &id)
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_-]+$"_s);
    return !id.isEmpty() && id.size() <= MaxExecutionIdChars && pattern.match(id).hasMatch();
}

std::optional<AwsCommandExecution::ResponseTopic>
AwsCommandExecution::parseResponseTopic(const QString &topic)
{
    const QStringList levels = topic.split(u'/');
    if (levels.size() != 8 || levels.at(0) != "$aws"_L1 || levels.at(1) != "commands"_L1 ||
        levels.at(4) != "executions"_L1 || levels.at(6) != "response"_L1 ||
        (levels.at(7) != "json"_L1 && levels.at(7) != "cbor"_L1))
        return std::nullopt;
    if ((levels.at(2) != "things"_L1 && levels.at(2) != "clients"_L1) || levels.at(3).isEmpty() ||
        !isValidExecutionId(levels.at(5)))
        return std::nullopt;
    return ResponseTopic{levels.at(2), levels.at(3), levels.at(5), levels.at(7) == "cbor"_L1};
}

QByteArray AwsCommandExecution::cborToJson(const QByteArray &cbor)
{
    // Qt's reader stops at its own nesting bound (1,024 levels), so the conversion cannot exhaust the stack;
    // what parseUpdate() allows is much shallower.
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(cbor, &error);
    if (error.error != QCborError::NoError || (!value.isMap() && !value.isArray()))
        return QByteArray();
    const QJsonValue json = value.toJsonValue();
    return json.isObject() ? QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact);
}

QByteArray AwsCommandExecution::jsonToCbor(const Json &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(compactJsonBytes(json));
    return QCborValue::fromJsonValue(document.isObject() ? QJsonValue(document.object())
                                                         : QJsonValue(document.array()))
        .toCbor();
}

QString AwsCommandExecution::commandArn() const
{
    return u"arn:aws:iot:local:000000000000:command/%1"_s.arg(commandId);
}

QString AwsCommandExecution::targetArn() const
{
    return targetType == "clients"_L1 ? u"arn:aws:iot:local:000000000000:client/%1"_s.arg(target)
                                      : u"arn:aws:iot:local:000000000000:thing/%1"_s.arg(target);
}

Json AwsCommandExecution::toStored() const
{
    return Json{{"executionId", utf8(executionId)},
                {"commandId", utf8(commandId)},
                {"targetType", utf8(targetType)},
                {"target", utf8(target)},
                {"status", utf8(statusName(status))},
                {"deviceTimedOut", deviceTimedOut},
                {"reasonCode", utf8(reasonCode)},
                {"reasonDescription", utf8(reasonDescription)},
                {"result", result},
                {"payload", payload.toBase64().toStdString()},
                {"contentType", utf8(contentType)},
                {"parameters", parameters},
                {"requestedBy", utf8(requestedBy)},
                {"clientToken", utf8(clientToken)},
                {"createdMs", createdMs},
                {"updatedMs", updatedMs},
                {"timeoutMs", timeoutMs}};
}

std::optional<AwsCommandExecution> AwsCommandExecution::fromStored(const Json &stored)
try {
    if (!stored.is_object())
        return std::nullopt;
    AwsCommandExecution e;
    e.executionId = fromJsonString(stored, "executionId");
    e.commandId = fromJsonString(stored, "commandId");
    e.targetType = fromJsonString(stored, "targetType");
    e.target = fromJsonString(stored, "target");
    const std::optional<Status> status = statusFromName(fromJsonString(stored, "status"));
    if (!status || !isValidExecutionId(e.executionId) || e.target.isEmpty())
        return std::nullopt;
    e.status = *status;
    e.deviceTimedOut = stored.value("deviceTimedOut", false);
    e.reasonCode = fromJsonString(stored, "reasonCode");
    e.reasonDescription = fromJsonString(stored, "reasonDescription");
    e.result = stored.value("result", Json::object());
    e.payload = QByteArray::fromBase64(QByteArray::fromStdString(stored.value("payload", std::string())));
    e.contentType = fromJsonString(stored, "contentType");
    e.parameters = stored.value("parameters", Json::object());
    e.requestedBy = fromJsonString(stored, "requestedBy");
    e.clientToken = fromJsonString(stored, "clientToken");
    e.createdMs = stored.value("createdMs", qint64(0));
    e.updatedMs = stored.value("updatedMs", qint64(0));
    e.timeoutMs = stored.value("timeoutMs", qint64(0));
    return e;
} catch (const Json::exception &) {
    // A damaged row (a member of the wrong type) is not an execution.
    return std::nullopt;
}

} // namespace fleet
