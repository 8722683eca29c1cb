#include "pacedload.h"

#include "publisher.h"

#include <chrono>
#include <memory>

namespace fleet::bench {

PacedLoad::~PacedLoad()
{
    stop();
}

bool PacedLoad::start(const std::string &host, int port, int messagesPerSecond,
                      std::vector<std::string> topics, const std::string &payload)
{
    if (topics.empty()) {
        m_error = "no topics";
        return false;
    }
    auto publisher = std::make_shared<Publisher>();
    if (!publisher->connect(host, port, "bench-ui-load", std::chrono::seconds(5))) {
        m_error = publisher->errorString();
        return false;
    }
    m_stop = false;
    const int slice = std::max(1, messagesPerSecond / 100);
    m_thread = std::thread([this, publisher, slice, topics = std::move(topics), payload] {
        using Clock = Publisher::Clock;
        auto next = Clock::now();
        // Publisher::publish() starts at the first topic on every call: each slice gets the next run of
        // topics, so that the load goes round all of them rather than over the first `slice` again and again.
        std::vector<std::string> sliceTopics(static_cast<size_t>(slice));
        size_t offset = 0;
        while (!m_stop.load()) {
            for (std::string &topic : sliceTopics) {
                topic = topics[offset];
                offset = (offset + 1) % topics.size();
            }
            if (!publisher->publish(sliceTopics, payload, slice, 0, Clock::now() + std::chrono::seconds(1),
                                    {}))
                break;
            m_published += slice;
            next += std::chrono::milliseconds(10);
            std::this_thread::sleep_until(next);
        }
        publisher->disconnect();
    });
    return true;
}

void PacedLoad::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace fleet::bench
