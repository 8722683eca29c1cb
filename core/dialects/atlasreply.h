#pragma once

#include "common/json.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// One command reply in the IoT Atlas dialect, as AtlasDialect::decodeReply() read it: a JSON reply
// {"tid", "status", "device", "reason"?, "result"?} or a plain-text "SUCCESS: ..." / "FAILURE: ..." line.
struct AtlasReply
{

    enum class Status { Running, Success, Failure };

    QString device;
    // The group, when the reply came on a group response topic.
    QString group;
    // Absent for text replies and JSON replies without one, unless MQTT 5 correlation data supplied it: such
    // a reply belongs to the oldest outstanding command of its device.
    std::optional<QString> tid;
    Status status = Status::Running;
    // Why a command failed (the text after "FAILURE:" for text replies); empty otherwise.
    QString reason;
    // The reply's "result" as sent; for a text success, the text after "SUCCESS:" as a string (null if none).
    Json result;
    // A plain-text reply.
    bool text = false;

    bool isFinal() const { return status != Status::Running; }

    // The protocol's names, never translated: "RUNNING", "SUCCESS", "FAILURE".
    static QString statusName(Status status)
    {
        switch (status) {
        case Status::Running:
            return QStringLiteral("RUNNING");
        case Status::Success:
            return QStringLiteral("SUCCESS");
        case Status::Failure:
            return QStringLiteral("FAILURE");
        }
        return {};
    }

    friend bool operator==(const AtlasReply &, const AtlasReply &) = default;
};

} // namespace fleet
