#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

struct mosquitto;

namespace fleet::bench {

// The benchmark's load: a bare libmosquitto client that publishes as fast as the socket takes it. It runs
// libmosquitto without its thread and waits with poll() itself, because mosquitto_loop() wakes up on the
// library's internal socket pair after every queued packet and would spin on a core the broker and the
// receiver need.
class Publisher final
{
public:
    using Clock = std::chrono::steady_clock;

    Publisher();
    ~Publisher();
    Publisher(const Publisher &) = delete;
    Publisher &operator=(const Publisher &) = delete;

    // MQTT 3.1.1, clean session. Returns once CONNACK has arrived, false on failure or after timeout.
    bool connect(const std::string &host, int port, const std::string &clientId,
                 std::chrono::milliseconds timeout);

    // Publishes count copies of payload. QoS 0 returns once the last one has been written to the socket; QoS
    // 1 keeps at most inFlightWindow() unacknowledged and returns once the broker has acknowledged the last
    // one. progress() is called every 1024 messages so that the caller can watch the receiver meanwhile.
    bool publish(const std::string &topic, const std::string &payload, int count, int qos,
                 Clock::time_point deadline, const std::function<void()> &progress);
    // The same, message i going to topics[i % topics.size()]: live traffic spreads over many topics.
    bool publish(const std::vector<std::string> &topics, const std::string &payload, int count, int qos,
                 Clock::time_point deadline, const std::function<void()> &progress);

    void disconnect();

    static constexpr int inFlightWindow() { return 20; } // libmosquitto's own default max_inflight_messages
    const std::string &errorString() const { return m_error; }

private:
    // Waits for the socket (readable, or writable while libmosquitto has output queued) and lets libmosquitto
    // read or write. Returns false on a connection error.
    bool service(int timeoutMs);
    bool fail(const std::string &what, int rc);

    static void onConnect(mosquitto *, void *self, int rc);
    static void onPublish(mosquitto *, void *self, int mid);
    static void onDisconnect(mosquitto *, void *self, int rc);

    mosquitto *m_mosq = nullptr;
    std::string m_error;
    long m_acknowledged = 0;
    int m_connackCode = -1;
    bool m_connected = false;
};

} // namespace fleet::bench
