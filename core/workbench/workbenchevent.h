#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace fleet {

// One thing the device workbench saw or did, for its log: a message the cloud sent the device, one the
// workbench sent as the device, or a note about the connection. The payload is cut at MaxPayloadBytes (a log
// line is for reading; truncated says when).
struct WorkbenchEvent
{
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024;

    enum class Direction { FromCloud, ToCloud, Note };
    enum class Kind {
        Connection,   // connected, disconnected, token renewed
        Problem,      // refused, failed, malformed
        Twin,         // a twin answer (GET or the answer to a reported patch)
        Desired,      // a desired-properties patch
        MethodCall,   // a direct method call, to be answered
        MethodAnswer, // the workbench's answer
        CloudMessage, // a cloud-to-device message
        Reported,     // reported properties sent
        Telemetry,    // a device-to-cloud message sent
        Shadow,       // an AWS shadow message, either way
        Command,      // a command request (AWS IoT command execution, or an Atlas request)
        Message,      // anything else
    };

    QDateTime at;
    Direction direction = Direction::Note;
    Kind kind = Kind::Message;
    QString topic;
    QString summary; // one line, translated
    QByteArray payload;
    bool truncated = false;
    QList<QPair<QString, QString>> properties; // decoded: IoT Hub's property bag, MQTT 5 user properties
    QString rid;                               // a method call's request id, to answer it
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::WorkbenchEvent)
