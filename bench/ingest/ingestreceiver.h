#pragma once

#include <mqtt/mqttclient.h>
#include <mqtt/mqttmessage.h>

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <vector>

namespace fleet::bench {

struct IngestReceiverOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;
    QString topic = QStringLiteral("bench/ingest");
    int qos = 0;
    qsizetype count = 0;
    // Once the stream has begun, this long without a message ends the run: at QoS 0 the broker may drop
    // messages for a slow subscriber, and waiting for ones that will never come would only inflate the time.
    int idleMs = 2000;
    int timeoutSeconds = 60; // the whole run, whatever happens
    // Check the publisher's sequence numbers once all messages are in. Off in timed runs: it adds a pass over
    // the vector before the process exits.
    bool verify = false;
};

// The fleet::MqttClient subscriber of the ingest benchmark: what the console does with live traffic, reduced
// to its core. Every MqttMessage is kept in a std::vector until the expected count has arrived; then it
// prints one line of JSON (received count, first and last receive time) and emits finished().
class IngestReceiver final : public QObject
{
    Q_OBJECT

public:
    explicit IngestReceiver(IngestReceiverOptions options, QObject *parent = nullptr);

    // Returns false (after printing the reason to stderr) when the client refuses the settings.
    bool start();

    qsizetype received() const { return static_cast<qsizetype>(m_messages.size()); }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onMessage(const fleet::MqttMessage &message);
    void onTick();
    void finish(const char *reason, int exitCode);
    QJsonObject verify() const;

    using Clock = std::chrono::system_clock;

    IngestReceiverOptions m_options;
    MqttClient m_client;
    QTimer m_tick;
    std::vector<MqttMessage> m_messages;
    Clock::time_point m_first;
    Clock::time_point m_last;
    Clock::time_point m_idleSince;
    Clock::time_point m_deadline;
    qsizetype m_seenAtLastTick = -1;
    bool m_finished = false;
};

} // namespace fleet::bench
