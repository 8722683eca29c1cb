#pragma once

#include "common/json.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// One execution of an AWS IoT Device Management command, and the rules of its lifecycle as the service side
// applies them (protocols.md B, AWS's "Command execution status" and troubleshooting pages):
//
//   CREATED ──► IN_PROGRESS ──► SUCCEEDED | FAILED | REJECTED        (terminal)
//      │             │    ▲
//      │             └────┘  (IN_PROGRESS again: a new reason, a heartbeat)
//      └──────────────────────► SUCCEEDED | FAILED | REJECTED | TIMED_OUT
//
// TIMED_OUT set by the service when executionTimeoutSeconds passes ($NO_RESPONSE_FROM_DEVICE) is not
// terminal: the device may still report SUCCEEDED, FAILED, REJECTED or TIMED_OUT (a late verdict is kept).
// TIMED_OUT reported by the device is terminal. Anything after a terminal status is refused with
// TerminalStateReached; going back to IN_PROGRESS from a timed out execution, or to CREATED ever, with
// InvalidStateTransition.
//
// It does no I/O: fleet-hub's AwsCommandService keeps executions in its store and publishes what this
// class says.
class AwsCommandExecution final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AwsCommandExecution)

public:
    enum class Status { Created, InProgress, Succeeded, Failed, Rejected, TimedOut };

    // The rejection codes of …/response/rejected/json.
    enum class ErrorCode {
        InvalidTopic,
        InvalidJson,
        InvalidRequest,
        InvalidStateTransition,
        ResourceNotFound,
        VersionMismatch,
        InternalError,
        RequestThrottled,
        TerminalStateReached,
    };

    static constexpr qsizetype MaxReasonCodeChars = 64;
    static constexpr qsizetype MaxReasonDescriptionChars = 1024;
    static constexpr qsizetype MaxExecutionIdChars = 64;
    // A device update is a small document; larger ones are refused before they are parsed.
    static constexpr qsizetype MaxUpdateBytes = 128 * 1024;
    static constexpr int MaxResultEntries = 64;
    static constexpr auto NoResponseReason = "$NO_RESPONSE_FROM_DEVICE";

    struct Error
    {
        ErrorCode code = ErrorCode::InvalidRequest;
        QString message;
    };

    // What a device's …/response/json says, checked.
    struct Update
    {
        Status status = Status::InProgress;
        QString reasonCode;
        QString reasonDescription;
        Json result = Json::object(); // {"name": {"s": …} | {"b": …} | {"bin": …}}
    };

    QString executionId;
    QString commandId;
    QString targetType = QStringLiteral("things"); // "things" or "clients"
    QString target;
    Status status = Status::Created;
    QString reasonCode;
    QString reasonDescription;
    Json result = Json::object();
    QByteArray payload;
    QString contentType = QStringLiteral("application/json");
    Json parameters = Json::object();
    QString requestedBy;
    QString clientToken; // the requester's: the same token again is the same execution (idempotent start)
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 timeoutMs = 0;        // the execution timeout; the deadline is createdMs + timeoutMs
    bool deviceTimedOut = false; // TIMED_OUT came from the device: terminal

    qint64 deadlineMs() const { return createdMs + timeoutMs; }
    bool isTerminal() const;

    // The protocol's names: "CREATED", "IN_PROGRESS", …
    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);
    static QString errorName(ErrorCode code);

    // Checks a device update's body (size, JSON, status, statusReason, result); the update or the error
    // to reject it with.
    static std::optional<Update> parseUpdate(const QByteArray &body, Error *error);
    // Whether update may be applied now; the error to reject it with otherwise.
    std::optional<Error> check(const Update &update) const;
    // check(), then the update applied at nowMs. False with *error (nothing changed) when refused.
    bool apply(const Update &update, qint64 nowMs, Error *error);
    // The service's own TIMED_OUT, when the deadline passed with no verdict: false when already terminal or
    // timed out.
    bool timeOut(qint64 nowMs);

    // Bodies of the service's messages.
    Json acceptedBody() const; // {"executionId"}
    static Json rejectedBody(const Error &error, const QString &executionId);
    // $aws/events/commandExecution/{commandId}/{status}
    Json eventBody(qint64 nowMs) const;
    QString eventTopic() const;
    // fleet-hub's word to the requester on a terminal status (fleet/aws-commands/results/{user}):
    // {"clientToken", "executionId", "status", "statusReason"?, "result"?}. A result larger than
    // MaxVerdictResultBytes is left out ("resultOmitted": true): the requester's console reads at most
    // 64 KiB per message.
    static constexpr qsizetype MaxVerdictResultBytes = 48 * 1024;
    Json verdictBody() const;

    // Topics, for {type}/{id}/executions/{executionId}/…
    QString topicBase() const;
    // The request topic for the payload's content type: /json, /cbor, or no suffix (then the MQTT 5 Content
    // Type property says what it is).
    QString requestTopic() const;
    static bool isValidExecutionId(const QString &id);
    // A device update's topic, $aws/commands/{type}/{id}/executions/{executionId}/response/{json|cbor}: its
    // parts, or nullopt for any other topic (another suffix, a bad execution id, an unknown type).
    struct ResponseTopic
    {
        QString targetType;
        QString target;
        QString executionId;
        bool cbor = false; // the update is CBOR, and so are the answers (…/accepted/cbor, …/rejected/cbor)
    };
    static std::optional<ResponseTopic> parseResponseTopic(const QString &topic);
    // What the service subscribes to for device updates.
    static QString responseFilter() { return QStringLiteral("$aws/commands/+/+/executions/+/response/+"); }
    // A CBOR document as the JSON text parseUpdate() reads (CBOR's own nesting bound applies), or an empty
    // array when it is not CBOR with a JSON equivalent.
    static QByteArray cborToJson(const QByteArray &cbor);
    static QByteArray jsonToCbor(const Json &json);
    // Where the ARNs the events carry come from: a region and account fleet-hub makes up, as it has none.
    QString commandArn() const;
    QString targetArn() const;

    // For the store: everything, as JSON (payload as base64).
    Json toStored() const;
    static std::optional<AwsCommandExecution> fromStored(const Json &stored);
};

} // namespace fleet
