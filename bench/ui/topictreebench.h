#pragma once

#include <QList>
#include <QString>

namespace fleet::bench {

// The MQTT explorer's topic tree under a wide live load: a TopicTreeModel in a QTreeView (offscreen, a
// few levels expanded, the top rows visible) fed by a fleet::MqttClient from a PacedLoad over many distinct
// topics (bench/tree/<i / 1000>/<i % 1000>/value, so that the tree has depth and 1,000 children a parent),
// and in the same run the flat path under the same load for reference (a TrafficModel in a QTreeView
// following its tail), then both side by side on one client, as the explorer window shows them.
struct TopicTreeBenchRow
{
    QString scenario;
    double p50 = 0; // event-loop lateness, ms
    double p99 = 0;
    double max = 0;
    qsizetype ticks = 0;
    QString detail;
};

// One row per phase; a phase that could not run has no ticks and says why in its detail.
QList<TopicTreeBenchRow> runTopicTreeBench(const QString &host, int port, int rate, int seconds, int topics);

} // namespace fleet::bench
