#include "topictreebench.h"

#include "benchsupport.h"
#include "eventloopprobe.h"
#include "models/topictreemodel.h"
#include "models/trafficmodel.h"
#include "mqtt/mqttclient.h"
#include "pacedload.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QWidget>

#include <malloc.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

enum class Views { Tree, Flat, Both };

struct Memory
{
    qint64 rssKb = -1;  // VmRSS
    qint64 peakKb = -1; // VmHWM: the peak since the process started or since resetPeak()
};

Memory memory()
{
    Memory result;
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return result;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const auto kb = [&line] { return line.mid(6).trimmed().split(' ').value(0).toLongLong(); };
        if (line.startsWith("VmRSS:"))
            result.rssKb = kb();
        else if (line.startsWith("VmHWM:"))
            result.peakKb = kb();
    }
    return result;
}

// Each phase starts from what the process holds now: memory freed by the phases before goes back to the
// system (glibc keeps it otherwise, and the next phase's growth would reuse it unseen), and the peak is reset
// (Linux's clear_refs "5"), so that VmHWM becomes this phase's peak.
Memory startMeasuringMemory()
{
    malloc_trim(0);
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    return memory();
}

QString megabytes(qint64 kb)
{
    return QString::number(double(kb) / 1024.0, 'f', 0);
}

QTreeView *treeViewFor(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    // As every live view here: without it QTreeView measures each changed row.
    view->setUniformRowHeights(true);
    view->setModel(model);
    view->header()->resizeSection(0, 280);
    return view;
}

TopicTreeBenchRow phase(Views views, const QString &host, int port, int rate, int seconds,
                        const std::vector<std::string> &topics)
{
    TopicTreeBenchRow row;
    const QString load = u"%1 topics at %2 msg/s"_s.arg(grouped(double(topics.size())), grouped(rate));
    switch (views) {
    case Views::Tree:
        row.scenario = u"Topic tree, %1 (TopicTreeModel in a QTreeView)"_s.arg(load);
        break;
    case Views::Flat:
        row.scenario = u"Flat traffic, same load (TrafficModel in a QTreeView), reference"_s;
        break;
    case Views::Both:
        row.scenario = u"Topic tree and flat traffic side by side, one client, same load"_s;
        break;
    }

    const Memory before = startMeasuringMemory();
    QWidget window;
    window.resize(1280, 820);
    auto *layout = new QHBoxLayout(&window);
    auto *splitter = new QSplitter(&window);
    layout->addWidget(splitter);
    std::unique_ptr<TopicTreeModel> tree;
    std::unique_ptr<TrafficModel> flat;
    QTreeView *treeView = nullptr;
    if (views != Views::Flat) {
        tree = std::make_unique<TopicTreeModel>();
        treeView = treeViewFor(tree.get(), splitter);
    }
    if (views != Views::Tree) {
        flat = std::make_unique<TrafficModel>();
        QTreeView *flatView = treeViewFor(flat.get(), splitter);
        flatView->setRootIsDecorated(false);
        // Following the tail, as the live traffic view does while the operator is at the bottom.
        QObject::connect(flat.get(), &QAbstractItemModel::rowsInserted, flatView, &QTreeView::scrollToBottom);
    }

    MqttClient client;
    BrokerProfile profile;
    profile.url = QUrl(u"mqtt://%1:%2"_s.arg(host).arg(port));
    client.setProfile(profile);
    qint64 received = 0;
    QObject::connect(&client, &MqttClient::messageReceived, &window, [&received] { ++received; });
    if (tree)
        QObject::connect(&client, &MqttClient::messageReceived, tree.get(), &TopicTreeModel::append);
    if (flat)
        QObject::connect(&client, &MqttClient::messageReceived, flat.get(), &TrafficModel::append);
    client.connectToBroker();
    for (int i = 0; i < 100 && client.state() != MqttClient::State::Connected; ++i)
        runFor(50);
    client.subscribe(u"bench/tree/#"_s);
    window.show();
    runFor(500); // the subscription is granted

    PacedLoad paced;
    if (!paced.start(host.toStdString(), port, rate, topics, R"({"temperature": 21.5, "battery": 87})")) {
        row.detail = u"the load cannot connect: "_s + QString::fromStdString(paced.error());
        return row;
    }
    // A short start, so that the top levels exist, then what an operator would open: the first three
    // branches of bench/tree, a thousand rows each. The tree keeps growing during the measurement: at 20,000
    // msg/s, 100,000 topics take 5 s to appear.
    runFor(300);
    if (tree) {
        for (const QString &topic :
             {u"bench"_s, u"bench/tree"_s, u"bench/tree/0"_s, u"bench/tree/1"_s, u"bench/tree/2"_s})
            treeView->expand(tree->indexOfTopic(topic));
    }
    const qint64 receivedBefore = received;
    EventLoopProbe probe;
    probe.start();
    runFor(seconds * 1000);
    probe.stop();
    const qint64 receivedDuring = received - receivedBefore;
    const Memory after = memory();
    paced.stop();
    runFor(300);

    row.p50 = probe.quantile(0.5);
    row.p99 = probe.quantile(0.99);
    row.max = probe.maximum();
    row.ticks = probe.lateness().size();
    QStringList detail;
    detail << u"received %1 msg/s (published %2 in all)"_s.arg(grouped(double(receivedDuring) / seconds),
                                                               grouped(double(paced.published())));
    if (tree) {
        int expandedRows = 0;
        for (const QString &topic :
             {u"bench/tree"_s, u"bench/tree/0"_s, u"bench/tree/1"_s, u"bench/tree/2"_s})
            expandedRows += tree->rowCount(tree->indexOfTopic(topic));
        detail << u"%1 topics in the tree (%2 nodes, %3 messages refused), %4 rows in its expanded branches; "
                  u"the model counts %5 MB against its %6 MB budget"_s.arg(
                      grouped(tree->topicCount()), grouped(tree->nodeCount()),
                      grouped(double(tree->overflowMessages())), grouped(expandedRows),
                      QString::number(double(tree->storedBytes() + tree->topicBytes()) / 1048576.0, 'f', 0),
                      QString::number(tree->maxBytes() / 1048576));
    }
    if (flat)
        detail << u"table capped at %1 rows"_s.arg(grouped(flat->rowCount()));
    detail << u"RSS %1 MB before, %2 MB peak (+%3 MB), %4 MB at the end"_s.arg(
        megabytes(before.rssKb), megabytes(after.peakKb), megabytes(after.peakKb - before.rssKb),
        megabytes(after.rssKb));
    row.detail = detail.join(u"; "_s);

    client.disconnectFromBroker();
    runFor(100);
    return row;
}

} // namespace

QList<TopicTreeBenchRow> runTopicTreeBench(const QString &host, int port, int rate, int seconds, int topics)
{
    std::vector<std::string> names;
    names.reserve(size_t(topics));
    for (int i = 0; i < topics; ++i)
        names.push_back("bench/tree/" + std::to_string(i / 1000) + '/' + std::to_string(i % 1000) + "/value");
    QList<TopicTreeBenchRow> rows;
    for (const Views views : {Views::Tree, Views::Flat, Views::Both})
        rows.append(phase(views, host, port, rate, seconds, names));
    return rows;
}

} // namespace fleet::bench
