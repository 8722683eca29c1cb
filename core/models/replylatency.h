#pragma once

#include "mqtt/mqttmessage.h"

#include <QHash>
#include <QString>

#include <deque>

namespace fleet {

// How long a device took to answer: the messages of one conversation share a key (an Atlas request's
// "tid", an AWS shadow request's "clientToken", an AWS IoT command's execution id, MQTT 5 correlation data),
// the first message seen with a key is taken as the request, and each later one is timed from it. A
// device page uses it to show "+120 ms" beside the RUNNING and SUCCESS replies to a request.
//
// Fed from the network, so bounded: at most MaxOpenKeys keys are remembered, the oldest forgotten first
// (a reply to a forgotten request is simply not timed); only JSON objects up to MaxJsonBytes are read for a
// key, depth-limited by NetworkJson.
class ReplyLatency final
{
public:
    static constexpr int MaxOpenKeys = 1000;
    static constexpr qsizetype MaxJsonBytes = 64 * 1024;
    static constexpr qsizetype MaxKeyLength = 256;

    // The conversation key of a message, empty when it has none.
    static QString keyOf(const MqttMessage &message);

    // Milliseconds since the first message with the same key, or -1 for the first (or a message without a
    // key).
    qint64 note(const MqttMessage &message, qint64 receivedMs);
    void clear();
    int openKeys() const { return int(m_first.size()); }

private:
    QHash<QString, qint64> m_first;
    std::deque<QString> m_order; // oldest first
};

} // namespace fleet
