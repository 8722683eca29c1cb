#include "trafficpipeline.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace fleet::bench {

TrafficPipeline::TrafficPipeline(TrafficPipelineOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_client(this)
    , m_model(this)
    , m_proxy(this)
    , m_frame(this)
    , m_tick(this)
{
    m_model.setCapacity(m_options.capacity);
    m_proxy.setSourceModel(&m_model);
    m_proxy.setFilterKeyColumn(TrafficModel::TopicColumn);
    m_proxy.setFilterFixedString(m_options.proxyFilter);
}

bool TrafficPipeline::start()
{
    BrokerProfile profile;
    profile.name = QStringLiteral("bench");
    QUrl url;
    url.setScheme(QStringLiteral("mqtt"));
    url.setHost(m_options.host);
    url.setPort(m_options.port);
    profile.url = url;
    profile.clientId = m_options.clientId;
    // MQTT 3.1.1, as mosquitto_sub speaks it, so that both parse the same packets.
    profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
    profile.keepAliveSeconds = 60;
    profile.cleanStart = true;
    m_client.setProfile(profile);
    // A run that loses its connection has failed; reconnecting would hide it.
    m_client.setAutoReconnect(false);

    // The one line the console will have too.
    connect(&m_client, &MqttClient::messageReceived, &m_model, &TrafficModel::append);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &TrafficPipeline::onRowsInserted);
    connect(&m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        std::fprintf(stderr, "traffic_pipeline: %s\n", qPrintable(message));
        finish("error", 1);
    });
    connect(&m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &, MqttClient::Error, const QString &message) {
                std::fprintf(stderr, "traffic_pipeline: %s\n", qPrintable(message));
                finish("subscribe-failed", 1);
            });

    m_frame.setInterval(m_options.frameMs);
    connect(&m_frame, &QTimer::timeout, this, &TrafficPipeline::paint);
    m_frame.start();

    const auto now = Clock::now();
    m_idleSince = now;
    m_deadline = now + std::chrono::seconds(m_options.timeoutSeconds);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, &TrafficPipeline::onTick);
    m_tick.start();

    // Subscriptions are kept by the client and sent at CONNACK.
    if (!m_client.subscribe(m_options.filter, 0))
        return false;
    return m_client.connectToBroker();
}

void TrafficPipeline::onRowsInserted()
{
    m_dirty = true;
    // Counted by the model, not by rows: when a turn brings more than the cap, the oldest never become rows.
    if (m_model.totalMessages() >= m_options.count)
        finish("complete", 0);
}

void TrafficPipeline::paint()
{
    // A view repaints only when something changed, and never faster than the screen.
    if (!m_dirty)
        return;
    m_dirty = false;
    ++m_frames;
    const int rows = m_proxy.rowCount();
    for (int row = std::max(0, rows - m_options.viewRows); row < rows; ++row) {
        for (int column = 0; column < TrafficModel::ColumnCount; ++column) {
            const QVariant value = m_proxy.index(row, column).data(Qt::DisplayRole);
            m_textBytes += value.toString().size();
            ++m_cellsRead;
        }
    }
}

void TrafficPipeline::onTick()
{
    const auto now = Clock::now();
    const qint64 seen = m_model.totalMessages();
    if (seen != m_seenAtLastTick) {
        m_seenAtLastTick = seen;
        m_idleSince = now;
    } else if (seen > 0 && now - m_idleSince >= std::chrono::milliseconds(m_options.idleMs)) {
        finish("idle", 0);
        return;
    }
    if (now >= m_deadline)
        finish("timeout", 0);
}

void TrafficPipeline::finish(const char *reason, int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_tick.stop();
    m_frame.stop();
    const QJsonObject stats{
        {QStringLiteral("receiver"), QStringLiteral("pipeline")},
        {QStringLiteral("received"), m_model.totalMessages()},
        {QStringLiteral("expected"), m_options.count},
        {QStringLiteral("rows"), m_model.rowCount()},
        {QStringLiteral("proxy_rows"), m_proxy.rowCount()},
        {QStringLiteral("last_values"), m_model.lastValueCount()},
        {QStringLiteral("frames"), m_frames},
        {QStringLiteral("cells_read"), m_cellsRead},
        {QStringLiteral("text_chars"), m_textBytes},
        {QStringLiteral("reason"), QString::fromLatin1(reason)},
    };
    const QByteArray line = QJsonDocument(stats).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    std::fflush(stdout);
    // Not from inside the model's signal: the flush that emitted it is still on the stack.
    QMetaObject::invokeMethod(
        this,
        [this, exitCode] {
            m_client.disconnectFromBroker();
            Q_EMIT finished(exitCode);
        },
        Qt::QueuedConnection);
}

} // namespace fleet::bench
