#pragma once

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace fleet::bench {

// Live traffic at a steady rate, from a thread of its own with bench/ingest's bare libmosquitto publisher
// (so that the load does not run on the GUI thread it is meant to load): every 10 ms a slice of
// rate / 100 QoS 0 messages, the slices taking the topics in turn (all of them, round and round).
class PacedLoad final
{
public:
    PacedLoad() = default;
    ~PacedLoad();
    PacedLoad(const PacedLoad &) = delete;
    PacedLoad &operator=(const PacedLoad &) = delete;

    // Connects and starts; false with error() when the publisher cannot connect.
    bool start(const std::string &host, int port, int messagesPerSecond, std::vector<std::string> topics,
               const std::string &payload);
    void stop();
    long published() const { return m_published.load(); }
    const std::string &error() const { return m_error; }

private:
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<long> m_published{0};
    std::string m_error;
};

} // namespace fleet::bench
