#include "publisher.h"

#include <mosquitto.h>
#include <poll.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace fleet::bench {

namespace {

void writeSequence(char *digits, int number)
{
    for (int i = 7; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + number % 10);
        number /= 10;
    }
}

} // namespace

Publisher::Publisher()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

Publisher::~Publisher()
{
    disconnect();
}

void Publisher::onConnect(mosquitto *, void *self, int rc)
{
    auto *p = static_cast<Publisher *>(self);
    p->m_connackCode = rc;
    p->m_connected = rc == 0;
}

void Publisher::onPublish(mosquitto *, void *self, int)
{
    ++static_cast<Publisher *>(self)->m_acknowledged;
}

void Publisher::onDisconnect(mosquitto *, void *self, int)
{
    static_cast<Publisher *>(self)->m_connected = false;
}

bool Publisher::fail(const std::string &what, int rc)
{
    m_error = what + ": " + (rc == MOSQ_ERR_ERRNO ? std::strerror(errno) : mosquitto_strerror(rc));
    return false;
}

bool Publisher::connect(const std::string &host, int port, const std::string &clientId,
                        std::chrono::milliseconds timeout)
{
    disconnect();
    m_mosq = mosquitto_new(clientId.c_str(), true, this);
    if (!m_mosq)
        return fail("mosquitto_new", MOSQ_ERR_NOMEM);
    mosquitto_int_option(m_mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    // Nagle's algorithm would hold the QoS 1 window's small packets back until the broker's delayed ACK.
    mosquitto_int_option(m_mosq, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_callback_set(m_mosq, &Publisher::onConnect);
    mosquitto_publish_callback_set(m_mosq, &Publisher::onPublish);
    mosquitto_disconnect_callback_set(m_mosq, &Publisher::onDisconnect);
    m_connected = false;
    m_connackCode = -1;
    if (const int rc = mosquitto_connect(m_mosq, host.c_str(), port, 60); rc != MOSQ_ERR_SUCCESS)
        return fail("connect to " + host + ":" + std::to_string(port), rc);
    const auto deadline = Clock::now() + timeout;
    while (!m_connected && m_connackCode <= 0 && Clock::now() < deadline) {
        if (!service(50))
            return false;
    }
    if (!m_connected) {
        m_error = m_connackCode > 0 ? std::string("broker refused the publisher: ") +
                                          mosquitto_connack_string(m_connackCode)
                                    : std::string("no CONNACK in time");
        return false;
    }
    return true;
}

bool Publisher::service(int timeoutMs)
{
    const int fd = mosquitto_socket(m_mosq);
    if (fd < 0)
        return fail("publisher socket", MOSQ_ERR_NO_CONN);
    pollfd pfd{fd, static_cast<short>(POLLIN | (mosquitto_want_write(m_mosq) ? POLLOUT : 0)), 0};
    const int n = ::poll(&pfd, 1, timeoutMs);
    if (n < 0 && errno != EINTR)
        return fail("poll", MOSQ_ERR_ERRNO);
    if (n <= 0)
        return true;
    if (pfd.revents & (POLLIN | POLLERR | POLLHUP)) {
        if (const int rc = mosquitto_loop_read(m_mosq, 1); rc != MOSQ_ERR_SUCCESS)
            return fail("publisher read", rc);
    }
    if (pfd.revents & POLLOUT) {
        if (const int rc = mosquitto_loop_write(m_mosq, 1); rc != MOSQ_ERR_SUCCESS)
            return fail("publisher write", rc);
    }
    return true;
}

bool Publisher::publish(const std::string &topic, const std::string &payload, int count, int qos,
                        Clock::time_point deadline, const std::function<void()> &progress)
{
    return publish(std::vector<std::string>{topic}, payload, count, qos, deadline, progress);
}

bool Publisher::publish(const std::vector<std::string> &topics, const std::string &payload, int count,
                        int qos, Clock::time_point deadline, const std::function<void()> &progress)
{
    if (topics.empty()) {
        m_error = "no topic to publish to";
        return false;
    }
    if (!m_mosq || !m_connected) {
        m_error = "publisher not connected";
        return false;
    }
    const int length = static_cast<int>(payload.size());
    // Each message carries its sequence number in its first 8 characters, so that a receiver can check for
    // gaps, duplicates and reordering.
    std::string buffer = payload;
    const bool numbered = buffer.size() >= 8;
    m_acknowledged = 0;
    int published = 0;
    while (published < count || (qos > 0 && m_acknowledged < count) || mosquitto_want_write(m_mosq)) {
        if (Clock::now() > deadline) {
            m_error = "publishing did not finish in time (" + std::to_string(published) + " of " +
                      std::to_string(count) + " sent)";
            return false;
        }
        // Publish until the window is full, or, at QoS 0, until the socket stops taking data: libmosquitto
        // writes each packet at once when it can and queues it when it cannot, and that queue must not grow
        // without bound.
        while (published < count &&
               (qos == 0 ? !mosquitto_want_write(m_mosq) : published - m_acknowledged < inFlightWindow())) {
            if (numbered)
                writeSequence(buffer.data(), published);
            const int rc =
                mosquitto_publish(m_mosq, nullptr, topics[size_t(published) % topics.size()].c_str(), length,
                                  buffer.data(), qos, false);
            if (rc != MOSQ_ERR_SUCCESS)
                return fail("publish", rc);
            if (++published % 1024 == 0 && progress)
                progress();
        }
        // All written (and, at QoS 1, acknowledged): done, without a last wait on a socket with nothing to
        // say.
        if (published >= count && (qos == 0 || m_acknowledged >= count) && !mosquitto_want_write(m_mosq))
            break;
        if (!service(100))
            return false;
    }
    return true;
}

void Publisher::disconnect()
{
    if (!m_mosq)
        return;
    if (m_connected) {
        mosquitto_disconnect(m_mosq);
        // Flush the DISCONNECT; bounded, since the run is over either way.
        for (int i = 0; i < 10 && mosquitto_want_write(m_mosq); ++i)
            service(10);
    }
    mosquitto_destroy(m_mosq);
    m_mosq = nullptr;
    m_connected = false;
}

} // namespace fleet::bench
