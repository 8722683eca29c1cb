#pragma once

#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace fleet {
class MqttClient;
} // namespace fleet

namespace fleet::bench {

// The fan-out benchmark runs everything on one thread's event loop: the driver waits by running it, never by
// sleeping, so that the clients under test keep reading their sockets meanwhile.

using SteadyClock = std::chrono::steady_clock;

// Runs the event loop until done() holds or the deadline passes; true when done() held.
bool waitUntil(const std::function<bool()> &done, SteadyClock::time_point deadline);

// Connects client to url as clientId (MQTT 5, clean start; as username when one is given, without a
// password) and waits until every filter is granted at QoS 1. Filters the client already holds (a
// CommandTracker subscribes in its constructor) are simply awaited.
bool connectAndSubscribe(MqttClient *client, const QString &url, const QString &clientId,
                         const QStringList &filters, SteadyClock::time_point deadline, QString *error,
                         const QString &username = {});

} // namespace fleet::bench
