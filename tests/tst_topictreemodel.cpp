// TopicTreeModel: the tree's shape and exact counts after a burst; empty levels and '$' roots; natural order
// of the children and the layout change that keeps it; the retained marker, set and cleared; per-topic
// history, bounded and in order; the topic and node caps counting what they refuse; the byte budget evicting
// histories before last values; payloads cut with their real size kept; deep topics folded; rates over the
// window; indexOfTopic(); clear(); and signals batched: no insert or dataChanged per message.

#include "models/topictreemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::MqttMessage;
using fleet::TopicTreeModel;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

// The tester walks the whole tree at every signal, fetching every branch: fixtures that count signals go
// without it and fetch like a view expanding branches.
enum class Tester { Attached, None };

struct Fixture
{
    explicit Fixture(Tester withTester = Tester::Attached)
    {
        model.setClock([this] { return now; });
        if (withTester == Tester::Attached)
            tester = std::make_unique<QAbstractItemModelTester>(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // What a view does when every branch is expanded.
    void fetchAll(const QModelIndex &parent = QModelIndex())
    {
        if (model.canFetchMore(parent))
            model.fetchMore(parent);
        model.flush();
        for (int row = 0; row < model.rowCount(parent); ++row)
            fetchAll(model.index(row, 0, parent));
    }

    void send(const QString &topic, const QByteArray &payload = "x"_ba, bool retain = false)
    {
        model.append(MqttMessage(topic, payload, 0, retain));
    }

    QVariant value(const QString &topic, int role, int column = 0) const
    {
        const QModelIndex index = model.indexOfTopic(topic);
        return model.data(index.siblingAtColumn(column), role);
    }

    qint64 count(const QString &topic) const
    {
        return value(topic, TopicTreeModel::MessageCountRole).toLongLong();
    }

    QStringList levels(const QModelIndex &parent = QModelIndex())
    {
        if (model.canFetchMore(parent))
            model.fetchMore(parent);
        model.flush();
        QStringList names;
        for (int row = 0; row < model.rowCount(parent); ++row)
            names.append(model.index(row, 0, parent).data(TopicTreeModel::LevelRole).toString());
        return names;
    }

    qint64 now = Now;
    TopicTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestTopicTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void emptyModel()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.columnCount(), int(TopicTreeModel::ColumnCount));
        QCOMPARE(f.model.maxTopics(), TopicTreeModel::DefaultMaxTopics);
        QCOMPARE(f.model.maxNodes(), TopicTreeModel::DefaultMaxNodes);
        QCOMPARE(f.model.maxBytes(), TopicTreeModel::DefaultMaxBytes);
        QCOMPARE(f.model.historyDepth(), TopicTreeModel::DefaultHistoryDepth);
        QCOMPARE(f.model.refreshInterval(), TopicTreeModel::DefaultRefreshIntervalMs);
        QCOMPARE(f.model.messagesPerSecond(), 0.0);
        const QStringList headers = {u"Topic"_s, u"Messages"_s, u"Rate (msg/s)"_s, u"Retained"_s,
                                     u"Last value"_s};
        for (int column = 0; column < headers.size(); ++column)
            QCOMPARE(f.model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
        QVERIFY(!f.model.indexOfTopic(u"a"_s).isValid());
        QVERIFY(f.model.history(u"a"_s).isEmpty());
        QCOMPARE(TopicTreeModel::rawRole(TopicTreeModel::MessagesColumn),
                 int(TopicTreeModel::MessageCountRole));
        QCOMPARE(TopicTreeModel::rawRole(TopicTreeModel::ColumnCount), -1);
    }

    void burstBuildsTheTreeWithExactCounts()
    {
        Fixture f(Tester::None);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        // 10,000 messages over 1,000 topics: fleet/dev-<0..99>/sensor-<0..9>, ten messages each.
        for (int i = 0; i < 10'000; ++i)
            f.send(u"fleet/dev-%1/sensor-%2"_s.arg((i / 10) % 100).arg(i % 10), QByteArray::number(i));
        QCOMPARE(inserted.count(), 0); // nothing before the flush
        QCOMPARE(changed.count(), 0);
        f.model.flush();
        // One insert: the top node. Its children become rows when a view expands it.
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.levels(), QStringList{u"fleet"_s});
        const QModelIndex fleetIndex = f.model.index(0, 0);
        QCOMPARE(f.model.rowCount(fleetIndex), 0);
        QVERIFY(f.model.hasChildren(fleetIndex));
        QVERIFY(f.model.canFetchMore(fleetIndex));
        f.fetchAll();
        QCOMPARE(inserted.count(), 1 + 1 + 100); // fleet's children, then each device's
        QVERIFY(!f.model.canFetchMore(fleetIndex));
        QCOMPARE(f.model.rowCount(fleetIndex), 100);
        QCOMPARE(f.model.index(2, 0, fleetIndex).data().toString(), u"dev-2"_s);
        QCOMPARE(f.model.index(10, 0, fleetIndex).data().toString(), u"dev-10"_s); // natural order
        QCOMPARE(f.model.index(99, 0, fleetIndex).data().toString(), u"dev-99"_s);
        for (int row = 0; row < 100; ++row)
            QCOMPARE(f.model.rowCount(f.model.index(row, 0, fleetIndex)), 10);

        QCOMPARE(f.model.totalMessages(), 10'000);
        QCOMPARE(f.model.topicCount(), 1000);
        QCOMPARE(f.model.nodeCount(), 1 + 100 + 1000);
        QCOMPARE(fleetIndex.data(TopicTreeModel::MessageCountRole).toLongLong(), 10'000);
        QCOMPARE(fleetIndex.siblingAtColumn(TopicTreeModel::MessagesColumn).data().toLongLong(), 10'000);
        QCOMPARE(fleetIndex.data(TopicTreeModel::ChildTopicCountRole).toInt(), 1000);
        QCOMPARE(fleetIndex.data(TopicTreeModel::TopicMessageCountRole).toLongLong(), 0);
        QCOMPARE(fleetIndex.data(TopicTreeModel::HasValueRole).toBool(), false);
        QCOMPARE(f.count(u"fleet/dev-42"_s), 100);
        QCOMPARE(f.value(u"fleet/dev-42"_s, TopicTreeModel::ChildTopicCountRole).toInt(), 10);
        QCOMPARE(f.count(u"fleet/dev-42/sensor-7"_s), 10);
        QCOMPARE(f.value(u"fleet/dev-42/sensor-7"_s, TopicTreeModel::TopicMessageCountRole).toLongLong(), 10);
        QCOMPARE(f.value(u"fleet/dev-42/sensor-7"_s, TopicTreeModel::ChildTopicCountRole).toInt(), 1);
        // The last of the ten: dev-42's messages are i = 420..429 + 1000 k; sensor-7's last is 9427.
        QCOMPARE(f.value(u"fleet/dev-42/sensor-7"_s, TopicTreeModel::LastPayloadRole).toByteArray(),
                 "9427"_ba);
        QCOMPARE(
            f.value(u"fleet/dev-42/sensor-7"_s, Qt::DisplayRole, TopicTreeModel::LastValueColumn).toString(),
            u"9427"_s);
        QCOMPARE(f.value(u"fleet/dev-42/sensor-7"_s, TopicTreeModel::TopicRole).toString(),
                 u"fleet/dev-42/sensor-7"_s);
        QCOMPARE(f.value(u"fleet/dev-42"_s, TopicTreeModel::TopicRole).toString(), u"fleet/dev-42"_s);

        // refresh() announces the counts: one dataChanged per parent, not one per message or per row.
        f.model.refresh();
        QCOMPARE(changed.count(), 1 + 1 + 100);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex topLeft = signal.at(0).toModelIndex();
            const QModelIndex bottomRight = signal.at(1).toModelIndex();
            QCOMPARE(topLeft.parent(), bottomRight.parent());
            QCOMPARE(topLeft.row(), 0);
            QCOMPARE(bottomRight.row(), f.model.rowCount(topLeft.parent()) - 1);
            QCOMPARE(topLeft.column(), int(TopicTreeModel::TopicColumn));
            QCOMPARE(bottomRight.column(), int(TopicTreeModel::LastValueColumn));
        }
    }

    void messagesOnKnownTopicsEmitNothingUntilRefresh()
    {
        Fixture f(Tester::None);
        for (int i = 0; i < 100; ++i)
            f.send(u"site/dev-%1/state"_s.arg(i));
        f.model.flush();
        f.fetchAll();
        f.model.refresh();
        // Past the rate window: the first messages' rows are announced a last time and no more.
        f.now = Now + 10'000;
        f.model.refresh();
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        for (int i = 0; i < 5000; ++i)
            f.send(u"site/dev-%1/state"_s.arg(i % 10));
        f.model.flush();
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(changed.count(), 0);
        f.model.refresh();
        // Under the root, under site, under each of the ten devices.
        QCOMPARE(changed.count(), 12);
        const QModelIndex site = f.model.indexOfTopic(u"site"_s);
        bool sawSite = false;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            if (signal.at(0).toModelIndex().parent() == site) {
                // The rows of dev-0 .. dev-9, the ones that changed.
                QCOMPARE(signal.at(0).toModelIndex().row(), 0);
                QCOMPARE(signal.at(1).toModelIndex().row(), 9);
                sawSite = true;
            }
        }
        QVERIFY(sawSite);
        QCOMPARE(f.count(u"site/dev-3/state"_s), 501);
    }

    void branchesNobodyExpandedCostNoSignals()
    {
        Fixture f(Tester::None);
        for (int i = 0; i < 1000; ++i)
            f.send(u"fleet/dev-%1/sensor"_s.arg(i));
        f.model.flush();
        f.model.refresh();
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 5000; ++i)
            f.send(u"fleet/dev-%1/sensor"_s.arg(i % 2000)); // 1,000 of them new
        f.model.flush();
        f.model.refresh();
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1); // the row of fleet, under the root
        QCOMPARE(f.model.index(0, 0).data(TopicTreeModel::MessageCountRole).toLongLong(), 6000);
        QCOMPARE(f.model.index(0, 0).data(TopicTreeModel::ChildTopicCountRole).toInt(), 2000);

        // Expanding fleet fetches its 2,000 children at once, sorted, at the next flush.
        f.model.fetchMore(f.model.index(0, 0));
        QVERIFY(!f.model.canFetchMore(f.model.index(0, 0)));
        QCOMPARE(inserted.count(), 0);
        f.model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1999);
        QCOMPARE(f.model.index(1999, 0, f.model.index(0, 0)).data().toString(), u"dev-1999"_s);
        // Its rows are announced from now on.
        changed.clear();
        f.send(u"fleet/dev-5/sensor"_s);
        f.model.refresh();
        QCOMPARE(changed.count(), 2);
    }

    void theEventLoopFlushesAndTheTimerRefreshes()
    {
        TopicTreeModel model;
        model.setRefreshInterval(20);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy statistics(&model, &TopicTreeModel::statisticsChanged);
        for (int i = 0; i < 300; ++i)
            model.append(MqttMessage(u"a/b/%1"_s.arg(i % 3), "v"));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(inserted.count(), 1);
        QTRY_VERIFY(changed.count() > 0);
        QTRY_VERIFY(statistics.count() > 0);
        QCOMPARE(model.topicCount(), 3);
        QCOMPARE(model.totalMessages(), 300);
    }

    void newTopicsUnderAKnownParentAreOneInsert()
    {
        Fixture f;
        f.send(u"p/m"_s);
        f.model.flush();
        f.fetchAll();
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        for (const QString &level : {u"x"_s, u"y"_s, u"z"_s, u"n"_s})
            f.send(u"p/"_s + level);
        f.model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 4);
        // "n" sorts before "x" .. "z" but after "m": already in place among the newcomers.
        QCOMPARE(layout.count(), 0);
        QCOMPARE(f.levels(f.model.indexOfTopic(u"p"_s)),
                 (QStringList{u"m"_s, u"n"_s, u"x"_s, u"y"_s, u"z"_s}));
    }

    void newcomersOutOfOrderArePutInPlaceByOneLayoutChange()
    {
        Fixture f;
        for (const QString &level : {u"dev-10"_s, u"dev-3"_s, u"b"_s})
            f.send(u"s/"_s + level);
        f.send(u"t/dev-20"_s);
        f.model.flush();
        QCOMPARE(f.levels(f.model.indexOfTopic(u"s"_s)), (QStringList{u"b"_s, u"dev-3"_s, u"dev-10"_s}));
        const QPersistentModelIndex dev10 = f.model.indexOfTopic(u"s/dev-10"_s);
        const QPersistentModelIndex dev20 = f.model.indexOfTopic(u"t/dev-20"_s);

        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(&f.model, &QAbstractItemModel::layoutChanged);
        for (const QString &level : {u"dev-4"_s, u"Dev-1"_s, u"dev-1"_s, u"a"_s, u"dev-11"_s, u"dev-03"_s})
            f.send(u"s/"_s + level);
        f.send(u"t/dev-2"_s);
        f.model.flush();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(layout.count(), 1);
        QCOMPARE(f.levels(f.model.indexOfTopic(u"s"_s)),
                 (QStringList{u"a"_s, u"b"_s, u"Dev-1"_s, u"dev-1"_s, u"dev-03"_s, u"dev-3"_s, u"dev-4"_s,
                              u"dev-10"_s, u"dev-11"_s}));
        QCOMPARE(f.levels(f.model.indexOfTopic(u"t"_s)), (QStringList{u"dev-2"_s, u"dev-20"_s}));
        // Persistent indexes (a view's selection, its expanded rows) follow their nodes.
        QCOMPARE(dev10.data(TopicTreeModel::TopicRole).toString(), u"s/dev-10"_s);
        QCOMPARE(dev10.row(), 7);
        QCOMPARE(dev20.data(TopicTreeModel::TopicRole).toString(), u"t/dev-20"_s);
        QCOMPARE(dev20.row(), 1);
    }

    void emptyLevelsAndDollarRoots()
    {
        Fixture f;
        f.send(u"a//b"_s, "1");
        f.send(u"/x"_s, "2");
        f.send(u"$aws/things/dev-7/shadow/update"_s, "3");
        f.send(u"a/"_s, "4");
        f.send(u"a"_s, "5");
        f.model.flush();
        QCOMPARE(f.levels(), (QStringList{u""_s, u"$aws"_s, u"a"_s}));
        const QModelIndex empty = f.model.index(0, 0);
        QCOMPARE(empty.data().toString(), u"(empty)"_s);
        QCOMPARE(empty.data(TopicTreeModel::LevelRole).toString(), QString());
        QCOMPARE(empty.data(TopicTreeModel::TopicRole).toString(), QString());
        QCOMPARE(f.levels(empty), QStringList{u"x"_s});
        QCOMPARE(f.value(u"/x"_s, TopicTreeModel::LastPayloadRole).toByteArray(), "2"_ba);

        const QModelIndex a = f.model.indexOfTopic(u"a"_s);
        QCOMPARE(f.levels(a), QStringList{u""_s});
        QCOMPARE(a.data(TopicTreeModel::TopicMessageCountRole).toLongLong(), 1);
        QCOMPARE(a.data(TopicTreeModel::MessageCountRole).toLongLong(), 3);
        QCOMPARE(a.data(TopicTreeModel::ChildTopicCountRole).toInt(), 3);
        // "a/" is a topic of its own (the empty level under a) and the parent of "a//b".
        const QModelIndex aEmpty = f.model.indexOfTopic(u"a/"_s);
        QCOMPARE(aEmpty.parent(), a);
        QCOMPARE(aEmpty.data().toString(), u"(empty)"_s);
        QCOMPARE(aEmpty.data(TopicTreeModel::LastPayloadRole).toByteArray(), "4"_ba);
        QCOMPARE(aEmpty.data(TopicTreeModel::MessageCountRole).toLongLong(), 2);
        QCOMPARE(f.model.indexOfTopic(u"a//b"_s).parent(), aEmpty);
        QCOMPARE(f.value(u"a//b"_s, TopicTreeModel::TopicRole).toString(), u"a//b"_s);

        const QModelIndex update = f.model.indexOfTopic(u"$aws/things/dev-7/shadow/update"_s);
        QVERIFY(update.isValid());
        QCOMPARE(update.data().toString(), u"update"_s);
        QCOMPARE(f.model.indexOfTopic(u"$aws"_s).parent(), QModelIndex());
        QCOMPARE(f.count(u"$aws"_s), 1);
    }

    void retainedMarkerSetAndCleared()
    {
        Fixture f;
        f.send(u"dev/1/config"_s, "{\"mode\":\"eco\"}", true);
        f.model.flush();
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), true);
        QCOMPARE(f.value(u"dev/1/config"_s, Qt::DisplayRole, TopicTreeModel::RetainedColumn).toString(),
                 u"yes"_s);
        QCOMPARE(f.value(u"dev/1"_s, TopicTreeModel::RetainedRole).toBool(), false);
        QCOMPARE(f.value(u"dev/1"_s, Qt::DisplayRole, TopicTreeModel::RetainedColumn).toString(), QString());

        // An empty retained message clears the broker's retained value: the marker goes, the message stays.
        f.send(u"dev/1/config"_s, QByteArray(), true);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), false);
        QCOMPARE(f.value(u"dev/1/config"_s, Qt::DisplayRole, TopicTreeModel::RetainedColumn).toString(),
                 QString());
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::HasValueRole).toBool(), true);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::LastPayloadRole).toByteArray(), QByteArray());
        QCOMPARE(f.model.history(u"dev/1/config"_s).size(), 2);

        f.send(u"dev/1/config"_s, "{\"mode\":\"on\"}", true);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), true);
        // A message without the flag leaves the broker's retained value, and the marker, as they were.
        f.send(u"dev/1/config"_s, "{\"mode\":\"off\"}", false);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), true);
        QCOMPARE(f.model.history(u"dev/1/config"_s).constLast().message.retain(), false);
        f.send(u"dev/1/config"_s, QByteArray(), true);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), false);
        // Nor does it set one: a live value is not the broker's retained value.
        f.send(u"dev/1/config"_s, "{\"mode\":\"eco\"}", false);
        QCOMPARE(f.value(u"dev/1/config"_s, TopicTreeModel::RetainedRole).toBool(), false);
    }

    void historyIsBoundedOrderedAndNotDeduplicated()
    {
        Fixture f;
        f.model.setHistoryDepth(5);
        for (int i = 0; i < 12; ++i) {
            f.now = Now + i * 10;
            f.send(u"h"_s, i < 8 ? QByteArray::number(i) : "same"_ba, i == 11);
        }
        const QList<TopicTreeModel::HistoryEntry> history = f.model.history(u"h"_s);
        QCOMPARE(history.size(), 5);
        QCOMPARE(history.at(0).message.payload(), "7"_ba);
        for (int i = 1; i < 5; ++i) {
            QCOMPARE(history.at(i).message.payload(), "same"_ba);
            QCOMPARE(history.at(i).received, Now + (7 + i) * 10);
        }
        QCOMPARE(history.at(0).received, Now + 70);
        QCOMPARE(history.last().message.retain(), true);
        QCOMPARE(history.last().message.topic(), u"h"_s);
        QCOMPARE(history.last().size, 4);
        QVERIFY(!history.last().payloadCut());
        f.model.flush();
        QCOMPARE(f.value(u"h"_s, TopicTreeModel::LastReceivedRole).toLongLong(), Now + 110);
        QCOMPARE(f.value(u"h"_s, TopicTreeModel::TopicMessageCountRole).toLongLong(), 12);

        f.model.setHistoryDepth(2);
        QCOMPARE(f.model.history(u"h"_s).size(), 2);
        f.model.setHistoryDepth(0); // at least the last value
        QCOMPARE(f.model.historyDepth(), 1);
        QCOMPARE(f.model.history(u"h"_s).size(), 1);
        QCOMPARE(f.model.history(u"h"_s).constFirst().received, Now + 110);
        QCOMPARE(f.model.storedBytes(), TopicTreeModel::historySlotBytes() + 4);
    }

    void topicCapCountsWhatItRefuses()
    {
        Fixture f;
        f.model.setMaxTopics(100);
        for (int i = 0; i < 100'000; ++i)
            f.send(u"flood/%1"_s.arg(i), "payload");
        QCOMPARE(f.model.topicCount(), 100);
        QCOMPARE(f.model.nodeCount(), 101);
        QCOMPARE(f.model.overflowMessages(), 100'000 - 100);
        QCOMPARE(f.model.totalMessages(), 100'000);
        // Bounded: what the refused topics would have taken is nowhere.
        QCOMPARE(f.model.storedBytes(), 100 * (TopicTreeModel::historySlotBytes() + 7));
        QVERIFY(f.model.topicBytes() < 100 * 40);

        // Topics in the tree keep updating.
        f.send(u"flood/7"_s, "again");
        f.model.flush();
        QCOMPARE(f.count(u"flood/7"_s), 2);
        QCOMPARE(f.value(u"flood/7"_s, TopicTreeModel::LastPayloadRole).toByteArray(), "again"_ba);
        QCOMPARE(f.model.overflowMessages(), 100'000 - 100);
        QVERIFY(!f.model.indexOfTopic(u"flood/100"_s).isValid());
        // An intermediate node that becomes a topic needs a topic's room too.
        f.send(u"flood"_s, "parent");
        QCOMPARE(f.model.overflowMessages(), 100'000 - 100 + 1);
    }

    void nodeCapAndTopicTextBudget()
    {
        Fixture f;
        f.model.setMaxNodes(50);
        QStringList deep;
        for (int i = 0; i < 60; ++i)
            deep.append(u"l%1"_s.arg(i));
        // 60 levels do not fit in 50 nodes: refused whole, nothing created.
        f.send(deep.join(u'/'));
        QCOMPARE(f.model.nodeCount(), 0);
        QCOMPARE(f.model.overflowMessages(), 1);
        f.send(deep.mid(0, 40).join(u'/'));
        QCOMPARE(f.model.nodeCount(), 40);
        f.send(deep.mid(0, 45).join(u'/')); // five more
        QCOMPARE(f.model.nodeCount(), 45);
        f.send(deep.mid(0, 51).join(u'/')); // six more: no
        QCOMPARE(f.model.nodeCount(), 45);
        QCOMPARE(f.model.overflowMessages(), 2);

        // Topic text takes at most half the byte budget: 65,535-character topics are refused once it is full.
        Fixture g;
        g.model.setMaxBytes(1024 * 1024);
        for (int i = 0; i < 20; ++i)
            g.send(QString(65'530, u'x') + QString::number(i + 10'000));
        // Each counts 65,535 characters twice (level name and full topic) at two bytes each, 262,140 bytes:
        // two fit in 512 KiB.
        QCOMPARE(g.model.topicCount(), 2);
        QCOMPARE(g.model.overflowMessages(), 18);
        QVERIFY(g.model.topicBytes() <= g.model.maxBytes() / 2);
    }

    void deepTopicsAreFolded()
    {
        Fixture f;
        const QString topic = QString(u'/').repeated(65'534) + u"end"_s;
        f.send(topic, "deep");
        f.model.flush();
        QCOMPARE(f.model.nodeCount(), TopicTreeModel::MaxDepth);
        const QModelIndex leaf = f.model.indexOfTopic(topic);
        QVERIFY(leaf.isValid());
        QCOMPARE(leaf.data(TopicTreeModel::TopicRole).toString(), topic);
        QCOMPARE(leaf.data(TopicTreeModel::LastPayloadRole).toByteArray(), "deep"_ba);
        // The levels past the 255th stay joined in the last node.
        QCOMPARE(leaf.data(TopicTreeModel::LevelRole).toString(),
                 QString(u'/').repeated(65'534 - 255) + u"end"_s);
        QCOMPARE(leaf.data().toString().size(),
                 TopicTreeModel::LevelDisplayCharacters + 1); // and an ellipsis
        int depth = 0;
        for (QModelIndex i = leaf; i.isValid(); i = i.parent())
            ++depth;
        QCOMPARE(depth, TopicTreeModel::MaxDepth);
        QCOMPARE(f.model.index(0, 0).data(TopicTreeModel::MessageCountRole).toLongLong(), 1);
    }

    void byteBudgetDropsHistoriesBeforeLastValues()
    {
        Fixture f;
        f.model.setHistoryDepth(5);
        const QByteArray payload(1000, 'p');
        const qint64 slot = TopicTreeModel::historySlotBytes();
        QCOMPARE(slot, 64);
        const qint64 entry = slot + payload.size();
        for (int i = 0; i < 5; ++i)
            f.send(u"a"_s, payload);
        for (int i = 0; i < 5; ++i)
            f.send(u"b"_s, payload);
        const qint64 topics = f.model.topicBytes();
        QCOMPARE(topics, 8); // "a" and "b", each as a level and as a topic, two bytes a character
        QCOMPARE(f.model.storedBytes(), 10 * entry);

        // Ten entries for a budget of eight: the two oldest of "a", the topic updated least recently, and its
        // ring gives back their slots.
        f.model.setMaxBytes(topics + 8 * entry);
        QCOMPARE(f.model.history(u"a"_s).size(), 3);
        QCOMPARE(f.model.history(u"b"_s).size(), 5);
        QCOMPARE(f.model.storedBytes(), 8 * entry);
        QCOMPARE(f.model.history(u"a"_s).constLast().message.payload(), payload);

        f.model.setMaxBytes(topics + 2 * entry);
        QCOMPARE(f.model.history(u"a"_s).size(), 1);
        QCOMPARE(f.model.history(u"b"_s).size(), 1);
        QCOMPARE(f.model.storedBytes(), 2 * entry);

        // Only then last values go, least recently updated first; the node, its counts and its flags stay.
        f.model.setMaxBytes(topics + entry);
        f.model.flush();
        QCOMPARE(f.model.history(u"a"_s).size(), 0);
        QCOMPARE(f.model.history(u"b"_s).size(), 1);
        QCOMPARE(f.model.storedBytes(), entry);
        QCOMPARE(f.value(u"a"_s, TopicTreeModel::HasValueRole).toBool(), false);
        QVERIFY(!f.value(u"a"_s, TopicTreeModel::LastPayloadRole).isValid());
        QCOMPARE(f.value(u"a"_s, Qt::DisplayRole, TopicTreeModel::LastValueColumn).toString(), QString());
        QCOMPARE(f.value(u"a"_s, TopicTreeModel::LastPayloadSizeRole).toLongLong(), 1000);
        QCOMPARE(f.value(u"a"_s, TopicTreeModel::TopicMessageCountRole).toLongLong(), 5);
        QCOMPARE(f.value(u"b"_s, TopicTreeModel::HasValueRole).toBool(), true);

        // A new message on "a" makes it the most recent: now "b" makes room.
        f.send(u"a"_s, payload);
        QCOMPARE(f.model.history(u"a"_s).size(), 1);
        QCOMPARE(f.model.history(u"b"_s).size(), 0);
        QVERIFY(f.model.storedBytes() + f.model.topicBytes() <= f.model.maxBytes());
    }

    void historyRingsGrowAsNeeded()
    {
        Fixture f;
        const qint64 slot = TopicTreeModel::historySlotBytes();
        // One message: one slot, not historyDepth() of them.
        f.send(u"r"_s, "1234");
        QCOMPARE(f.model.storedBytes(), slot + 4);
        f.send(u"r"_s, "1234");
        f.send(u"r"_s, "1234");
        QCOMPARE(f.model.storedBytes(), 4 * slot + 3 * 4); // doubled: 1, 2, 4
        for (int i = 0; i < 30; ++i)
            f.send(u"r"_s, "1234");
        QCOMPARE(f.model.history(u"r"_s).size(), TopicTreeModel::DefaultHistoryDepth);
        QCOMPARE(f.model.storedBytes(),
                 TopicTreeModel::DefaultHistoryDepth * (slot + 4)); // 16, then 20: the depth
        f.model.setHistoryDepth(3);
        QCOMPARE(f.model.storedBytes(), 3 * (slot + 4));
    }

    void payloadsAreCutWithTheirRealSizeKept()
    {
        Fixture f;
        QCOMPARE(f.model.maxValueBytes(), TopicTreeModel::DefaultMaxValueBytes);
        QCOMPARE(f.model.maxHistoryPayloadBytes(), TopicTreeModel::DefaultMaxHistoryPayloadBytes);
        const QByteArray big(2 * 1024 * 1024, 'b');
        f.send(u"big"_s, big);
        f.model.flush();
        QList<TopicTreeModel::HistoryEntry> history = f.model.history(u"big"_s);
        QCOMPARE(history.last().message.payload().size(), TopicTreeModel::DefaultMaxValueBytes);
        QCOMPARE(history.last().size, big.size());
        QVERIFY(history.last().payloadCut());
        QCOMPARE(f.value(u"big"_s, TopicTreeModel::LastPayloadSizeRole).toLongLong(), big.size());
        QCOMPARE(f.value(u"big"_s, TopicTreeModel::LastPayloadRole).toByteArray().size(),
                 TopicTreeModel::DefaultMaxValueBytes);
        QVERIFY(f.value(u"big"_s, Qt::ToolTipRole, TopicTreeModel::LastValueColumn)
                    .toString()
                    .startsWith(u"2097152 bytes, of which the first 1048576 are kept"_s));

        // Once a newer message arrives, the older one keeps the history's share.
        f.send(u"big"_s, "small");
        history = f.model.history(u"big"_s);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().message.payload().size(), TopicTreeModel::DefaultMaxHistoryPayloadBytes);
        QCOMPARE(history.first().size, big.size());
        QCOMPARE(history.last().message.payload(), "small"_ba);
        QVERIFY(!history.last().payloadCut());
        QCOMPARE(f.model.storedBytes(),
                 2 * TopicTreeModel::historySlotBytes() + TopicTreeModel::DefaultMaxHistoryPayloadBytes + 5);

        f.model.setMaxValueBytes(10);
        f.model.setMaxHistoryPayloadBytes(3);
        f.send(u"big"_s, "0123456789abcdef");
        f.send(u"big"_s, "z");
        history = f.model.history(u"big"_s);
        QCOMPARE(history.at(2).message.payload(), "012"_ba);
        QCOMPARE(history.at(2).size, 16);
    }

    void largePropertiesAreNotKept()
    {
        Fixture f;
        MqttMessage message(u"p"_s, "v");
        message.properties().contentType = u"application/json"_s;
        f.model.append(message);
        for (int i = 0; i < 100; ++i)
            message.properties().userProperties.append({u"name-%1"_s.arg(i), QString(40, u'v')});
        f.model.append(message);
        const QList<TopicTreeModel::HistoryEntry> history = f.model.history(u"p"_s);
        QCOMPARE(history.at(0).message.properties().contentType, u"application/json"_s);
        QVERIFY(!history.at(0).propertiesDropped);
        QVERIFY(history.at(1).message.properties().isEmpty());
        QVERIFY(history.at(1).propertiesDropped);
        QCOMPARE(history.at(1).message.payload(), "v"_ba);
    }

    void ratesOverTheWindow()
    {
        Fixture f;
        // 10 messages a second on r/a and 5 on r/b, for 10 seconds.
        for (int ms = 0; ms < 10'000; ms += 100) {
            f.now = Now + ms;
            f.send(u"r/a"_s);
            if (ms % 200 == 0)
                f.send(u"r/b"_s);
        }
        f.now = Now + 10'000;
        f.model.flush();
        QCOMPARE(f.value(u"r/a"_s, TopicTreeModel::RateRole).toDouble(), 10.0);
        QCOMPARE(f.value(u"r/b"_s, TopicTreeModel::RateRole).toDouble(), 5.0);
        QCOMPARE(f.value(u"r"_s, TopicTreeModel::RateRole).toDouble(), 15.0);
        QCOMPARE(f.value(u"r"_s, Qt::DisplayRole, TopicTreeModel::RateColumn).toString(), u"15.0"_s);
        QCOMPARE(f.model.messagesPerSecond(), 15.0);

        // In the first seconds the rate is over the time since the first message, at least a second.
        Fixture g;
        for (int i = 0; i < 30; ++i) {
            g.now = Now + i * 100;
            g.send(u"s"_s);
        }
        g.now = Now + 3000;
        QCOMPARE(g.model.messagesPerSecond(), 10.0);

        // The parent stays announced while its children's rates fall, then once more at 0, then no more.
        f.model.refresh();
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.now = Now + 12'500;
        f.model.refresh();
        QCOMPARE(changed.count(), 2); // under the root (r) and under r (a and b)
        QVERIFY(f.value(u"r/a"_s, TopicTreeModel::RateRole).toDouble() > 0);
        f.now = Now + 16'500;
        f.model.refresh();
        QCOMPARE(changed.count(), 4);
        QCOMPARE(f.value(u"r/a"_s, TopicTreeModel::RateRole).toDouble(), 0.0);
        QCOMPARE(f.model.messagesPerSecond(), 0.0);
        f.now = Now + 20'000;
        f.model.refresh();
        QCOMPARE(changed.count(), 4);
    }

    void indexOfTopicFindsTopicsAndLevels()
    {
        Fixture f(Tester::None);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.send(u"a/b/c"_s);
        // Made a row at once, as expanding a and a/b would: a comes with the flush, b and c by fetching.
        const QModelIndex c = f.model.indexOfTopic(u"a/b/c"_s);
        QVERIFY(c.isValid());
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(f.model.indexOfTopic(u"a/b/c"_s), c);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(c.column(), 0);
        QCOMPARE(c.data().toString(), u"c"_s);
        const QModelIndex b = f.model.indexOfTopic(u"a/b"_s);
        QCOMPARE(c.parent(), b);
        QCOMPARE(b.data(TopicTreeModel::HasValueRole).toBool(), false);
        QVERIFY(!f.model.indexOfTopic(u"a/b/d"_s).isValid());
        QVERIFY(!f.model.indexOfTopic(u"a/b/c/d"_s).isValid());
        QVERIFY(!f.model.indexOfTopic(u"b"_s).isValid());
        QVERIFY(!f.model.indexOfTopic(QString()).isValid());
    }

    // A search scans every topic, fetched or not, and makes the first matches rows (with their parents
    // only), so that a filter over the model can show a topic under a branch nobody opened.
    void searchRevealsTopicsInUnopenedBranches()
    {
        Fixture f(Tester::None); // the tester would fetch every branch
        for (int i = 1; i <= 30; ++i)
            f.send(u"site/line-%1/dev-%2/temp"_s.arg(i % 3).arg(i));
        f.send(u"other/DEV-7/status"_s);
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 2); // site and other; nothing under them is a row
        int total = 0;
        QCOMPARE(f.model.matchingTopics(u"dev-7"_s, 10, &total),
                 (QStringList{u"other/DEV-7/status"_s, u"site/line-1/dev-7/temp"_s}));
        QCOMPARE(total, 2);
        QCOMPARE(f.model.matchingTopics(u"temp"_s, 3, &total),
                 (QStringList{u"site/line-0/dev-12/temp"_s, u"site/line-0/dev-15/temp"_s,
                              u"site/line-0/dev-18/temp"_s}));
        QCOMPARE(total, 30);
        QVERIFY(f.model.matchingTopics(u"nothing"_s, 10, &total).isEmpty());
        QCOMPARE(total, 0);

        QCOMPARE(f.model.revealMatching(u"dev-7"_s), 2);
        const QModelIndex dev7 = f.model.indexOfTopic(u"site/line-1/dev-7/temp"_s);
        QVERIFY(dev7.isValid());
        // Its branch is rows, siblings included (fetching is per parent); other lines are not opened.
        QCOMPARE(f.model.rowCount(dev7.parent().parent()), 10);
        QCOMPARE(f.model.rowCount(f.model.indexOfTopic(u"site"_s)), 3);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0, f.model.indexOfTopic(u"site"_s))), 0); // line-0
        // Past the limit, only the first are made rows; the total still says how many matched.
        Fixture g(Tester::None);
        for (int i = 0; i < 50; ++i)
            g.send(u"b%1/x"_s.arg(i, 2, 10, QChar(u'0')));
        g.model.flush();
        QCOMPARE(g.model.revealMatching(u"x"_s, 5), 50);
        QCOMPARE(g.model.rowCount(g.model.index(0, 0)), 1);  // b00 opened
        QCOMPARE(g.model.rowCount(g.model.index(10, 0)), 0); // b10 not
    }

    void previewsAndToolTips()
    {
        Fixture f;
        f.send(u"t/text"_s, "line 1\nline 2\t" + QByteArray(200, 'x'));
        f.send(u"t/binary"_s, QByteArray("\x00\x01\xff", 3));
        f.send(u"t/<b>html</b>"_s, "<img src=x>");
        f.model.flush();
        const QString text =
            f.value(u"t/text"_s, Qt::DisplayRole, TopicTreeModel::LastValueColumn).toString();
        QCOMPARE(text.size(), TopicTreeModel::DisplayCharacters + 1);
        QVERIFY(text.startsWith(u"line 1 line 2 xxx"_s));
        QVERIFY(text.endsWith(QChar(0x2026)));
        QCOMPARE(f.value(u"t/binary"_s, Qt::DisplayRole, TopicTreeModel::LastValueColumn).toString(),
                 u"00 01 ff"_s);
        QCOMPARE(f.value(u"t/<b>html</b>"_s, Qt::ToolTipRole, TopicTreeModel::LastValueColumn).toString(),
                 u"<p style=\"white-space:pre-wrap\">&lt;img src=x&gt;</p>"_s);
        QCOMPARE(f.value(u"t/<b>html</b>"_s, Qt::ToolTipRole, TopicTreeModel::TopicColumn).toString(),
                 u"<p style=\"white-space:pre-wrap\">t/&lt;b&gt;html&lt;/b&gt;</p>"_s);
        QCOMPARE(f.value(u"t/text"_s, Qt::ToolTipRole, TopicTreeModel::TopicColumn).toString(), u"t/text"_s);
        QCOMPARE(f.model.roleNames().value(TopicTreeModel::RateRole), "rate"_ba);
    }

    void clearResetsEverything()
    {
        Fixture f;
        for (int i = 0; i < 50; ++i)
            f.send(u"c/%1"_s.arg(i % 5), "v");
        f.model.flush();
        f.model.refresh();
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.topicCount(), 0);
        QCOMPARE(f.model.nodeCount(), 0);
        QCOMPARE(f.model.totalMessages(), 0);
        QCOMPARE(f.model.overflowMessages(), 0);
        QCOMPARE(f.model.storedBytes(), 0);
        QCOMPARE(f.model.topicBytes(), 0);
        QCOMPARE(f.model.messagesPerSecond(), 0.0);
        QVERIFY(f.model.history(u"c/1"_s).isEmpty());
        QVERIFY(!f.model.indexOfTopic(u"c/1"_s).isValid());
        f.model.refresh(); // nothing left listed from before
        f.send(u"c/1"_s, "again");
        f.model.flush();
        QCOMPARE(f.count(u"c"_s), 1);
        QCOMPARE(f.model.history(u"c/1"_s).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTopicTreeModel)
#include "tst_topictreemodel.moc"
