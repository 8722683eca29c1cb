#include "ingestreceiver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace fleet::bench {

namespace {

double epochMs(std::chrono::system_clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(t.time_since_epoch()).count();
}

} // namespace

IngestReceiver::IngestReceiver(IngestReceiverOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_client(this)
    , m_tick(this)
{
    // Reserved up front so that the measured cost is the client's, not the vector's reallocations.
    m_messages.reserve(static_cast<size_t>(m_options.count));
}

bool IngestReceiver::start()
{
    BrokerProfile profile;
    profile.name = QStringLiteral("bench");
    QUrl url;
    url.setScheme(QStringLiteral("mqtt"));
    url.setHost(m_options.host);
    url.setPort(m_options.port);
    profile.url = url;
    profile.clientId = m_options.clientId;
    // MQTT 3.1.1, the default of mosquitto_sub and MQTT.js, so that all receivers parse the same packets.
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
    profile.keepAliveSeconds = 60;
    profile.cleanStart = true;
    m_client.setProfile(profile);
    // A run that loses its connection has failed; reconnecting would hide it.
    m_client.setAutoReconnect(false);

    connect(&m_client, &MqttClient::messageReceived, this, &IngestReceiver::onMessage);
    connect(&m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        std::fprintf(stderr, "ingest_receiver: %s\n", qPrintable(message));
        finish("error", 1);
    });
    connect(&m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &, MqttClient::Error, const QString &message) {
                std::fprintf(stderr, "ingest_receiver: %s\n", qPrintable(message));
                finish("subscribe-failed", 1);
            });

    // One coarse timer instead of restarting a timer per message: 200,000 restarts would be measured too.
    const auto now = Clock::now();
    m_idleSince = now;
    m_deadline = now + std::chrono::seconds(m_options.timeoutSeconds);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &IngestReceiver::onTick);
    m_tick.start();

    // Subscriptions are kept by the client and sent at CONNACK.
    if (!m_client.subscribe(m_options.topic, m_options.qos))
        return false;
    return m_client.connectToBroker();
}

void IngestReceiver::onMessage(const MqttMessage &message)
{
    if (m_finished)
        return;
    m_last = Clock::now();
    if (m_messages.empty())
        m_first = m_last;
    m_messages.push_back(message);
    if (static_cast<qsizetype>(m_messages.size()) >= m_options.count)
        finish("complete", 0);
}

void IngestReceiver::onTick()
{
    const auto now = Clock::now();
    if (received() != m_seenAtLastTick) {
        m_seenAtLastTick = received();
        m_idleSince = now;
    } else if (received() > 0 && now - m_idleSince >= std::chrono::milliseconds(m_options.idleMs)) {
        finish("idle", 0);
        return;
    }
    if (now >= m_deadline)
        finish("timeout", 0);
}

void IngestReceiver::finish(const char *reason, int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_tick.stop();
    QJsonObject stats{
        {QStringLiteral("receiver"), QStringLiteral("fleet")},
        {QStringLiteral("received"), received()},
        {QStringLiteral("expected"), m_options.count},
        {QStringLiteral("first_ms"), m_messages.empty() ? 0.0 : epochMs(m_first)},
        {QStringLiteral("last_ms"), m_messages.empty() ? 0.0 : epochMs(m_last)},
        {QStringLiteral("reason"), QString::fromLatin1(reason)},
    };
    if (m_options.verify)
        stats.insert(QStringLiteral("verify"), verify());
    const QByteArray line = QJsonDocument(stats).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
    // Not from inside messageReceived(): the client is still replaying a batch of callbacks.
    QMetaObject::invokeMethod(
        this,
        [this, exitCode] {
            m_client.disconnectFromBroker();
            Q_EMIT finished(exitCode);
        },
        Qt::QueuedConnection);
}

// Compares the messages with what the publisher sent: sequence numbers 0, 1, 2, ... in the first 8 bytes of
// payloads of one size, on one topic.
QJsonObject IngestReceiver::verify() const
{
    std::vector<bool> seen(static_cast<size_t>(m_options.count), false);
    qint64 duplicates = 0, reordered = 0, foreign = 0, badTopic = 0, flaggedDuplicate = 0;
    qint64 previous = -1;
    const qsizetype size = m_messages.empty() ? 0 : m_messages.front().payload().size();
    qint64 otherSize = 0;
    for (const MqttMessage &m : m_messages) {
        if (m.topic() != m_options.topic)
            ++badTopic;
        if (m.payload().size() != size)
            ++otherSize;
        if (m.duplicate())
            ++flaggedDuplicate;
        bool ok = false;
        const qint64 n = m.payload().left(8).toLongLong(&ok);
        if (!ok || n < 0 || n >= m_options.count) {
            ++foreign;
            continue;
        }
        if (seen[size_t(n)])
            ++duplicates;
        seen[size_t(n)] = true;
        if (n < previous)
            ++reordered;
        previous = n;
    }
    const qint64 missing = std::count(seen.begin(), seen.end(), false);
    return QJsonObject{
        {QStringLiteral("missing"), missing},      {QStringLiteral("duplicates"), duplicates},
        {QStringLiteral("reordered"), reordered},  {QStringLiteral("foreign"), foreign},
        {QStringLiteral("bad_topic"), badTopic},   {QStringLiteral("payload_bytes"), size},
        {QStringLiteral("other_size"), otherSize}, {QStringLiteral("dup_flag"), flaggedDuplicate},
    };
}

} // namespace fleet::bench
