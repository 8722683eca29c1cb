// LastValueModel: one row per topic the TrafficModel tracks, new topics appended with one insert, changed
// values announced with one dataChanged, evicted topics removed, the source's clear followed, the refresh
// scheduled after the source's inserts, and pause holding the table still until refresh().

#include "models/lastvaluemodel.h"
#include "models/trafficmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::LastValueModel;
using fleet::MqttMessage;
using fleet::TrafficModel;

namespace {

QString topicAt(const LastValueModel &model, int row)
{
    return model.data(model.index(row, LastValueModel::TopicColumn)).toString();
}

QByteArray payloadOf(const LastValueModel &model, const QString &topic)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (topicAt(model, row) == topic)
            return model.data(model.index(row, 0), LastValueModel::PayloadRole).toByteArray();
    }
    return "<none>";
}

} // namespace

class TestLastValueModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void followsTheSource()
    {
        TrafficModel traffic;
        LastValueModel model(&traffic);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(LastValueModel::ColumnCount));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        traffic.append(MqttMessage(u"a"_s, "1"));
        traffic.append(MqttMessage(u"b"_s, "2", 1, true));
        traffic.append(MqttMessage(u"a"_s, "3"));
        traffic.flush();
        model.refresh();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(payloadOf(model, u"a"_s), "3"_ba);
        QCOMPARE(payloadOf(model, u"b"_s), "2"_ba);
        const int bRow = topicAt(model, 0) == u"b"_s ? 0 : 1;
        QCOMPARE(model.data(model.index(bRow, LastValueModel::QosColumn)).toInt(), 1);
        QCOMPARE(model.data(model.index(bRow, 0), LastValueModel::RetainedRole).toBool(), true);
        QCOMPARE(model.data(model.index(bRow, LastValueModel::PayloadColumn)).toString(), u"2"_s);

        // Nothing new: no signal at all.
        model.refresh();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 0);

        // A new value for a, and a new topic c: one dataChanged, one insert, rows keep their places.
        const QString first = topicAt(model, 0);
        traffic.append(MqttMessage(u"a"_s, "4"));
        traffic.append(MqttMessage(u"c"_s, "\x01\x02"_ba));
        traffic.flush();
        model.refresh();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(topicAt(model, 0), first);
        QCOMPARE(topicAt(model, 2), u"c"_s);
        QCOMPARE(payloadOf(model, u"a"_s), "4"_ba);
        // Binary payloads are shown as hex.
        QCOMPARE(model.data(model.index(2, LastValueModel::PayloadColumn)).toString(), u"01 02"_s);

        // The same content again is still a new message (with a buffer of its own, as every received one
        // has).
        traffic.append(MqttMessage(u"c"_s, QByteArray("\x01\x02", 2)));
        traffic.flush();
        model.refresh();
        QCOMPARE(changed.count(), 2);
    }

    void evictionAndClear()
    {
        TrafficModel traffic;
        traffic.setMaxTopics(2);
        LastValueModel model(&traffic);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &topic : {u"a"_s, u"b"_s})
            traffic.append(MqttMessage(topic, "x"));
        traffic.flush();
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        traffic.append(MqttMessage(u"c"_s, "x"));
        traffic.flush();
        model.refresh();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(topicAt(model, 0), u"b"_s);
        QCOMPARE(topicAt(model, 1), u"c"_s);

        traffic.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void refreshScheduledAfterInserts()
    {
        TrafficModel traffic;
        LastValueModel model(&traffic);
        model.setRefreshInterval(10);
        traffic.append(MqttMessage(u"t"_s, "x"));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), 1);
    }

    void pausedSourceHoldsStill()
    {
        TrafficModel traffic;
        LastValueModel model(&traffic);
        model.setRefreshInterval(10);
        traffic.append(MqttMessage(u"t"_s, "1"));
        QTRY_COMPARE(model.rowCount(), 1);
        traffic.setPaused(true);
        traffic.append(MqttMessage(u"t"_s, "2"));
        traffic.append(MqttMessage(u"u"_s, "3"));
        QTest::qWait(50);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(payloadOf(model, u"t"_s), "1"_ba);
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(payloadOf(model, u"t"_s), "2"_ba);
    }
};

QTEST_GUILESS_MAIN(TestLastValueModel)
#include "tst_lastvaluemodel.moc"
