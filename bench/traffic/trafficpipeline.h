#pragma once

#include <models/trafficmodel.h>
#include <mqtt/mqttclient.h>

#include <QObject>
#include <QSortFilterProxyModel>
#include <QString>
#include <QTimer>

#include <chrono>

namespace fleet::bench {

struct TrafficPipelineOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;
    QString filter = QStringLiteral("fleet/+/telemetry");
    qsizetype count = 0;
    int capacity = TrafficModel::DefaultCapacity;
    // The proxy's filter on the topic column. Every topic of the benchmark's stream contains it, so the proxy
    // does the work of a filter without hiding rows.
    QString proxyFilter = QStringLiteral("/telemetry");
    // What a traffic table on a desktop shows: about 40 rows, repainted at most 60 times a second.
    int viewRows = 40;
    int frameMs = 16;
    // Once the stream has begun, this long without a message ends the run.
    int idleMs = 2000;
    int timeoutSeconds = 60;
};

// The live-traffic pipeline of the console, without the widgets: MqttClient -> TrafficModel -> a
// QSortFilterProxyModel filtering on the topic column, and a stand-in for the table view that, at most once
// per frame and only after rows arrived, reads every visible cell's Qt::DisplayRole through the proxy,
// scrolled to the bottom as a live view is. Once TrafficModel has taken `count` messages it prints one line
// of JSON and emits finished().
class TrafficPipeline final : public QObject
{
    Q_OBJECT

public:
    explicit TrafficPipeline(TrafficPipelineOptions options, QObject *parent = nullptr);

    // Returns false (after printing the reason to stderr) when the client refuses the settings.
    bool start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onRowsInserted();
    void paint();
    void onTick();
    void finish(const char *reason, int exitCode);

    using Clock = std::chrono::steady_clock;

    TrafficPipelineOptions m_options;
    MqttClient m_client;
    TrafficModel m_model;
    QSortFilterProxyModel m_proxy;
    QTimer m_frame;
    QTimer m_tick;
    Clock::time_point m_idleSince;
    Clock::time_point m_deadline;
    qint64 m_seenAtLastTick = -1;
    qint64 m_frames = 0;
    qint64 m_cellsRead = 0;
    qint64 m_textBytes = 0; // read back so that the painting cannot be optimised away
    bool m_dirty = false;
    bool m_finished = false;
};

} // namespace fleet::bench
