// TrafficModel: columns, display text and raw roles; one insert per event-loop turn however large the burst;
// the row cap and the byte budget evicting the oldest rows; topics and MQTT 5 properties counted in the
// budget, properties cut, floods of huge topics and properties held to it; the capture filter; pause; last
// value per topic; payload previews (text, hex, elided); the rate window; clear; a proxy on top; and
// messages from a real mosquitto through fleet::MqttClient.

#include "brokerobserver.h"
#include "models/trafficmodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::TrafficModel;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

MqttMessage message(const QString &topic, const QByteArray &payload = "x"_ba, int qos = 0,
                    bool retain = false)
{
    return MqttMessage(topic, payload, qos, retain);
}

QString topicAt(const TrafficModel &model, int row)
{
    return model.data(model.index(row, TrafficModel::TopicColumn)).toString();
}

struct Fixture
{
    Fixture()
    {
        model.setClock([this] { return now; });
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    QVariant data(int row, int column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role);
    }

    // count messages on topics prefix/first .. prefix/(first + count - 1), then the flush the event loop
    // would run.
    void feed(int first, int count, const QString &prefix = u"t"_s, const QByteArray &payload = "x"_ba)
    {
        for (int i = first; i < first + count; ++i)
            model.append(message(u"%1/%2"_s.arg(prefix).arg(i), payload));
        model.flush();
    }

    qint64 now = Now;
    TrafficModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestTrafficModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void emptyModel()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.columnCount(), int(TrafficModel::ColumnCount));
        QCOMPARE(f.model.columnCount(), 7);
        QCOMPARE(f.model.capacity(), TrafficModel::DefaultCapacity);
        QCOMPARE(f.model.maxBytes(), TrafficModel::DefaultMaxBytes);
        QCOMPARE(f.model.totalMessages(), 0);
        QCOMPARE(f.model.messagesPerSecond(), 0);
        const QStringList headers = {u"Time"_s, u"Topic"_s, u"QoS"_s, u"Retained"_s, u"Size"_s, u"Payload"_s};
        for (int column = 0; column < headers.size(); ++column)
            QCOMPARE(f.model.headerData(column, Qt::Horizontal).toString(), headers.at(column));
    }

    void rawRoles()
    {
        QCOMPARE(TrafficModel::rawRole(TrafficModel::TimeColumn), int(TrafficModel::ReceivedRole));
        QCOMPARE(TrafficModel::rawRole(TrafficModel::SizeColumn), int(TrafficModel::PayloadSizeRole));
        QCOMPARE(TrafficModel::rawRole(TrafficModel::PayloadColumn), int(TrafficModel::PayloadRole));
        QCOMPARE(TrafficModel::rawRole(TrafficModel::ColumnCount), -1);
    }

    void columnsAndRoles()
    {
        Fixture f;
        const MqttMessage m = message(u"devices/dev-1/telemetry"_s, "{\"t\": 21.5}"_ba, 1, true);
        f.model.append(m);
        f.now = Now + 5; // the time is taken by append(), not by the flush
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 1);

        QCOMPARE(f.data(0, TrafficModel::TimeColumn).toString(),
                 QDateTime::fromMSecsSinceEpoch(Now).toString(Qt::ISODateWithMs));
        QCOMPARE(f.data(0, TrafficModel::TopicColumn).toString(), u"devices/dev-1/telemetry"_s);
        QCOMPARE(f.data(0, TrafficModel::QosColumn).toInt(), 1);
        QCOMPARE(f.data(0, TrafficModel::RetainedColumn).toString(), u"yes"_s);
        QCOMPARE(f.data(0, TrafficModel::SizeColumn).toLongLong(), 11);
        QCOMPARE(f.data(0, TrafficModel::PayloadColumn).toString(), u"{\"t\": 21.5}"_s);

        // Raw roles answer on any column.
        const int c = TrafficModel::PayloadColumn;
        QCOMPARE(f.data(0, c, TrafficModel::ReceivedRole).toLongLong(), Now);
        QCOMPARE(f.data(0, c, TrafficModel::TopicRole).toString(), u"devices/dev-1/telemetry"_s);
        QCOMPARE(f.data(0, c, TrafficModel::QosRole).toInt(), 1);
        QCOMPARE(f.data(0, c, TrafficModel::RetainedRole).toBool(), true);
        QCOMPARE(f.data(0, c, TrafficModel::PayloadSizeRole).toLongLong(), 11);
        QCOMPARE(f.data(0, c, TrafficModel::PayloadRole).toByteArray(), "{\"t\": 21.5}"_ba);
        QCOMPARE(f.data(0, c, TrafficModel::PayloadTruncatedRole).toBool(), false);
        QCOMPARE(f.data(0, c, TrafficModel::PayloadIsTextRole).toBool(), true);
        QCOMPARE(f.data(0, c, TrafficModel::PropertiesTruncatedRole).toBool(), false);
        QCOMPARE(f.data(0, TrafficModel::TimeColumn, TrafficModel::MessageRole).value<MqttMessage>(), m);

        f.model.append(message(u"a"_s));
        f.model.flush();
        QCOMPARE(f.data(1, TrafficModel::RetainedColumn).toString(), u"no"_s);
        // Out of range: index() gives an invalid index, which data() refuses (with Qt's warning).
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is not valid"_s));
        QVERIFY(!f.data(2, TrafficModel::TopicColumn).isValid());
        QCOMPARE(f.model.roleNames().value(TrafficModel::MessageRole), "message"_ba);
    }

    void burstIsOneInsert()
    {
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        constexpr int N = 5000;
        for (int i = 0; i < N; ++i)
            f.model.append(message(u"burst/%1"_s.arg(i)));
        // Queued only: nothing is announced, nor visible, before the event loop turns.
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.totalMessages(), N);

        QCoreApplication::processEvents();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), N - 1);
        QCOMPARE(f.model.rowCount(), N);
        QCOMPARE(topicAt(f.model, N - 1), u"burst/4999"_s);

        // A second burst overflows the default cap of 10,000: one removal of the oldest, then one insert.
        constexpr int M = 8000;
        for (int i = N; i < N + M; ++i)
            f.model.append(message(u"burst/%1"_s.arg(i)));
        QCoreApplication::processEvents();
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), N + M - TrafficModel::DefaultCapacity - 1);
        QCOMPARE(inserted.at(1).at(1).toInt(), TrafficModel::DefaultCapacity - M);
        QCOMPARE(inserted.at(1).at(2).toInt(), TrafficModel::DefaultCapacity - 1);
        QCOMPARE(f.model.rowCount(), TrafficModel::DefaultCapacity);
        QCOMPARE(topicAt(f.model, 0), u"burst/3000"_s);

        // Nothing more is pending.
        QCoreApplication::processEvents();
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(removed.size(), 1);
    }

    void appendFromASlotGoesToTheNextFlush()
    {
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        bool echoed = false;
        connect(&f.model, &QAbstractItemModel::rowsInserted, &f.model, [&] {
            if (!std::exchange(echoed, true))
                f.model.append(message(u"echo"_s));
        });
        f.feed(0, 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(f.model.rowCount(), 3);
        QTRY_COMPARE(inserted.size(), 2);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(topicAt(f.model, 3), u"echo"_s);
    }

    void capacityKeepsNewest()
    {
        Fixture f;
        f.model.setCapacity(10);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);

        // More than the cap in one turn: only the newest ten ever become rows.
        f.feed(0, 25);
        QCOMPARE(f.model.rowCount(), 10);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(topicAt(f.model, 0), u"t/15"_s);
        QCOMPARE(topicAt(f.model, 9), u"t/24"_s);
        QCOMPARE(f.model.totalMessages(), 25);

        f.feed(25, 3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 7);
        QCOMPARE(inserted.at(1).at(2).toInt(), 9);
        QCOMPARE(topicAt(f.model, 0), u"t/18"_s);
        QCOMPARE(topicAt(f.model, 9), u"t/27"_s);

        // Many turns around the ring keep the order.
        for (int turn = 0; turn < 7; ++turn)
            f.feed(28 + turn * 3, 3);
        for (int row = 0; row < 10; ++row)
            QCOMPARE(topicAt(f.model, row), u"t/%1"_s.arg(39 + row));
    }

    void setCapacityTrimsAtOnce()
    {
        Fixture f;
        f.feed(0, 10);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.model.setCapacity(4);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 5);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(topicAt(f.model, 0), u"t/6"_s);
        f.model.setCapacity(0);
        QCOMPARE(f.model.capacity(), 1);
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(topicAt(f.model, 0), u"t/9"_s);
        // Growing again keeps the row and makes room.
        f.model.setCapacity(100);
        f.feed(10, 50);
        QCOMPARE(f.model.rowCount(), 51);
        QCOMPARE(topicAt(f.model, 0), u"t/9"_s);
        QCOMPARE(topicAt(f.model, 50), u"t/59"_s);
    }

    void byteBudget()
    {
        // Each row counts its payload and its topic ("t/0": 3 characters, 6 bytes).
        Fixture f;
        f.model.setMaxBytes(120);
        const QByteArray thirty(30, 'a');
        f.feed(0, 3, u"t"_s, thirty);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.storedBytes(), 3 * 36);

        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.feed(3, 1, u"t"_s, thirty);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.storedBytes(), 3 * 36);
        QCOMPARE(topicAt(f.model, 0), u"t/1"_s);

        // A payload over what the budget leaves beside its topic is kept cut to that, and evicts everything
        // before it.
        f.feed(4, 1, u"t"_s, QByteArray(250, 'b'));
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.storedBytes(), 120);
        QCOMPARE(f.data(0, TrafficModel::SizeColumn).toLongLong(), 250);
        QCOMPARE(f.data(0, 0, TrafficModel::PayloadSizeRole).toLongLong(), 250);
        QCOMPARE(f.data(0, 0, TrafficModel::PayloadRole).toByteArray(), QByteArray(114, 'b'));
        QCOMPARE(f.data(0, 0, TrafficModel::PayloadTruncatedRole).toBool(), true);
        QCOMPARE(f.data(0, TrafficModel::SizeColumn, Qt::ToolTipRole).toString(),
                 u"250 bytes, of which the first 114 are kept"_s);
        QCOMPARE(f.model.lastValue(u"t/4"_s)->payload().size(), 114);

        // A smaller budget applies at once.
        f.model.setMaxBytes(60);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.storedBytes(), 0);
        f.feed(5, 3, u"t"_s, QByteArray(20, 'c'));
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.storedBytes(), 52);
        QVERIFY(f.model.lastValueBytes() <= 60);
    }

    void topicsAndPropertiesCount()
    {
        MqttMessage m(u"ab"_s, "12345"_ba);
        QCOMPARE(TrafficModel::bytesOf(m), 5 + 2 * 2);
        fleet::MqttProperties &p = m.properties();
        p.contentType = u"json"_s;             // 8
        p.responseTopic = u"r/1"_s;            // 6
        p.correlationData = "\x01\x02\x03"_ba; // 3
        p.messageExpirySeconds = 60;           // fixed size: not counted
        p.userProperties = {{u"k"_s, u"vv"_s}};
        const qint64 pair = qint64(sizeof(QPair<QString, QString>));
        QCOMPARE(TrafficModel::bytesOf(m), 9 + 8 + 6 + 3 + pair + 2 + 4);

        // Properties within the limits are kept as they are, and the row counts them.
        Fixture f;
        f.model.append(m);
        f.model.flush();
        QCOMPARE(f.data(0, 0, TrafficModel::MessageRole).value<MqttMessage>(), m);
        QCOMPARE(f.data(0, 0, TrafficModel::PropertiesTruncatedRole).toBool(), false);
        QCOMPARE(f.model.storedBytes(), TrafficModel::bytesOf(m));
        QCOMPARE(f.model.lastValueBytes(), TrafficModel::bytesOf(m));

        // Rows on one topic share one copy of it with its last value.
        f.model.append(message(u"ab"_s, "6"_ba));
        f.model.flush();
        QCOMPARE(f.data(1, 0, TrafficModel::TopicRole).toString().constData(),
                 f.data(0, 0, TrafficModel::TopicRole).toString().constData());
        QCOMPARE(f.model.lastValue(u"ab"_s)->topic().constData(),
                 f.data(1, 0, TrafficModel::TopicRole).toString().constData());
        QCOMPARE(f.model.lastValueBytes(), 1 + 4);
    }

    void propertiesAreCut()
    {
        const QString longText(70'000, u'p');
        MqttMessage m(u"dev/1"_s, "x"_ba);
        fleet::MqttProperties &p = m.properties();
        p.contentType = longText;
        p.responseTopic = longText;
        p.correlationData = QByteArray(100'000, 'c');
        const QString longName(2'000, u'p');
        for (int i = 0; i < 1000; ++i)
            p.userProperties.append({u"name-%1-"_s.arg(i) + longName, longText});

        Fixture f;
        f.model.append(m);
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.data(0, 0, TrafficModel::PropertiesTruncatedRole).toBool(), true);
        const auto kept = f.data(0, 0, TrafficModel::MessageRole).value<MqttMessage>();
        const fleet::MqttProperties &k = kept.properties();
        QCOMPARE(kept.topic(), u"dev/1"_s);
        QCOMPARE(kept.payload(), "x"_ba);
        QCOMPARE(k.userProperties.size(), TrafficModel::MaxUserProperties);
        QCOMPARE(k.userProperties.first().first.size(), TrafficModel::MaxPropertyLength);
        QVERIFY(k.userProperties.first().first.startsWith(u"name-0-ppp"_s));
        QVERIFY(k.userProperties.first().first.endsWith(u"\u2026"_s));
        QCOMPARE(k.userProperties.last().first.left(8), u"name-31-"_s);
        QCOMPARE(k.userProperties.last().second.size(), TrafficModel::MaxPropertyLength);
        QCOMPARE(k.contentType->size(), TrafficModel::MaxPropertyLength);
        QCOMPARE(k.responseTopic->size(), TrafficModel::MaxPropertyLength);
        QCOMPARE(k.correlationData->size(), TrafficModel::MaxPropertyLength);
        QCOMPARE(f.model.storedBytes(), TrafficModel::bytesOf(kept));
        // What one message's properties can count, whatever it carried.
        QVERIFY(f.model.storedBytes() < 140'000);
        QCOMPARE(f.model.lastValue(u"dev/1"_s)->properties(), k);
    }

    // A flood of messages with 60,000-character topics, then one with thousands of user properties each:
    // whatever they carry, the rows and the last values count no more than the budget.
    void floodsStayWithinTheBudget()
    {
        constexpr qint64 Budget = 1024 * 1024;
        Fixture f;
        f.model.setMaxBytes(Budget);
        for (int turn = 0; turn < 20; ++turn) {
            for (int i = 0; i < 50; ++i) {
                const QString topic = QString(60'000, u'a') + u'/' + QString::number(turn * 50 + i);
                f.model.append(message(topic, QByteArray(100, 'x')));
            }
            f.model.flush();
            QVERIFY(f.model.storedBytes() <= Budget);
            QVERIFY(f.model.lastValueBytes() <= Budget);
        }
        QCOMPARE(f.model.totalMessages(), 1000);
        // Eight such messages fit in a megabyte; the newest are kept.
        QCOMPARE(f.model.rowCount(), 8);
        QCOMPARE(f.model.lastValueCount(), 8);
        QVERIFY(topicAt(f.model, 7).endsWith(u"/999"_s));

        fleet::MqttProperties heavy;
        const QString value(5'000, u'v');
        for (int i = 0; i < 2000; ++i)
            heavy.userProperties.append({value, value});
        for (int turn = 0; turn < 10; ++turn) {
            for (int i = 0; i < 50; ++i) {
                MqttMessage m(u"heavy/%1"_s.arg(turn * 50 + i), QByteArray(100, 'y'));
                m.setProperties(heavy);
                f.model.append(m);
            }
            f.model.flush();
            QVERIFY(f.model.storedBytes() <= Budget);
            QVERIFY(f.model.lastValueBytes() <= Budget);
        }
        QCOMPARE(f.model.totalMessages(), 1500);
        QVERIFY(f.model.rowCount() > 1);
        QCOMPARE(f.data(0, 0, TrafficModel::PropertiesTruncatedRole).toBool(), true);
        qint64 counted = 0;
        for (int row = 0; row < f.model.rowCount(); ++row)
            counted += TrafficModel::bytesOf(f.data(row, 0, TrafficModel::MessageRole).value<MqttMessage>());
        QCOMPARE(counted, f.model.storedBytes());
    }

    // With a budget too small for a message's topic alone, the message makes no row and no last value, and
    // takes nothing from what is already kept.
    void topicOverTheBudget()
    {
        Fixture f;
        f.model.setMaxBytes(100);
        f.feed(0, 2, u"t"_s, "x"_ba);
        QCOMPARE(f.model.rowCount(), 2);
        f.model.append(message(QString(60, u'z'), "x"_ba));
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.lastValueCount(), 2);
        QVERIFY(!f.model.lastValue(QString(60, u'z')));
        QCOMPARE(f.model.totalMessages(), 3);
    }

    void captureFilter()
    {
        Fixture f;
        QVERIFY(f.model.filter().isEmpty());
        QString error;
        QVERIFY(f.model.setFilter(u"devices/+/telemetry"_s, &error));
        QVERIFY(error.isEmpty());
        QCOMPARE(f.model.filter(), u"devices/+/telemetry"_s);
        f.model.append(message(u"devices/a/telemetry"_s));
        f.model.append(message(u"devices/a/presence"_s));
        f.model.append(message(u"devices/b/telemetry"_s));
        f.model.append(message(u"other"_s));
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(topicAt(f.model, 0), u"devices/a/telemetry"_s);
        QCOMPARE(topicAt(f.model, 1), u"devices/b/telemetry"_s);
        QCOMPARE(f.model.totalMessages(), 4);
        // Filtered out means not captured at all: no last value either.
        QVERIFY(!f.model.lastValue(u"other"_s));
        QCOMPARE(f.model.lastValueCount(), 2);

        // An invalid filter is refused and the current one stays.
        for (const QString &invalid : {u"devices/#/x"_s, u"devices/a+"_s}) {
            error.clear();
            QVERIFY(!f.model.setFilter(invalid, &error));
            QVERIFY(error.contains(invalid));
            QCOMPARE(f.model.filter(), u"devices/+/telemetry"_s);
        }
        QVERIFY(!f.model.setFilter(u"#/x"_s)); // no error pointer: still refused

        // Rows already captured stay; an empty filter captures everything again.
        QVERIFY(f.model.setFilter(u"devices/#"_s));
        QCOMPARE(f.model.rowCount(), 2);
        QVERIFY(f.model.setFilter(QString()));
        QVERIFY(f.model.filter().isEmpty());
        f.model.append(message(u"other"_s));
        f.model.flush();
        QCOMPARE(f.model.rowCount(), 3);
    }

    void pauseAndResume()
    {
        Fixture f;
        f.feed(0, 2);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);

        // What was queued before the pause is shown at once.
        f.model.append(message(u"before"_s));
        f.model.setPaused(true);
        QVERIFY(f.model.isPaused());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(f.model.rowCount(), 3);

        for (int i = 0; i < 5; ++i)
            f.model.append(message(u"paused/%1"_s.arg(i), QByteArray::number(i)));
        QCoreApplication::processEvents();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.droppedWhilePaused(), 5);
        QCOMPARE(f.model.totalMessages(), 8);
        // Last values keep following the traffic.
        QCOMPARE(f.model.lastValue(u"paused/4"_s)->payload(), "4"_ba);

        f.model.setPaused(false);
        QVERIFY(!f.model.isPaused());
        f.feed(100, 1);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(topicAt(f.model, 3), u"t/100"_s);
        // The count of the last pause stays until the next one.
        QCOMPARE(f.model.droppedWhilePaused(), 5);
        f.model.setPaused(true);
        QCOMPARE(f.model.droppedWhilePaused(), 0);
        f.model.setPaused(true);
        f.model.append(message(u"x"_s));
        QCOMPARE(f.model.droppedWhilePaused(), 1);
    }

    void lastValuePerTopic()
    {
        Fixture f;
        f.model.append(message(u"a/1"_s, "1"_ba));
        f.model.append(message(u"a/2"_s, "2"_ba));
        f.model.append(message(u"a/1"_s, "3"_ba, 1, true));
        QVERIFY(!f.model.lastValue(u"a/3"_s));
        QCOMPARE(f.model.lastValue(u"a/1"_s)->payload(), "3"_ba);
        QCOMPARE(f.model.lastValue(u"a/1"_s)->qos(), 1);
        QCOMPARE(f.model.lastValue(u"a/1"_s)->retain(), true);
        QCOMPARE(f.model.lastValue(u"a/2"_s)->payload(), "2"_ba);
        QCOMPARE(f.model.lastValueTopics(), QStringList({u"a/1"_s, u"a/2"_s}));

        // At most maxTopics(): the topic updated least recently goes first.
        f.model.setMaxTopics(2);
        f.model.append(message(u"a/3"_s, "4"_ba));
        QCOMPARE(f.model.lastValueCount(), 2);
        QVERIFY(!f.model.lastValue(u"a/2"_s));
        QCOMPARE(f.model.lastValueTopics(), QStringList({u"a/3"_s, u"a/1"_s}));
        f.model.setMaxTopics(1);
        QCOMPARE(f.model.lastValueTopics(), QStringList({u"a/3"_s}));

        // And within the byte budget (each value counts 6 bytes of payload and 6 of topic).
        f.model.setMaxTopics(100);
        f.model.setMaxBytes(20);
        f.model.append(message(u"b/1"_s, QByteArray(6, 'x')));
        f.model.append(message(u"b/2"_s, QByteArray(6, 'y')));
        QCOMPARE(f.model.lastValueTopics(), QStringList({u"b/2"_s}));
    }

    void payloadPreview_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("display");
        QTest::addColumn<bool>("isText");
        QTest::newRow("ascii") << "hello"_ba << u"hello"_s << true;
        QTest::newRow("utf-8") << u"température 21 °C"_s.toUtf8() << u"température 21 °C"_s << true;
        QTest::newRow("lines and tabs") << "a\nb\r\n\tc"_ba << u"a b   c"_s << true;
        QTest::newRow("empty") << QByteArray() << QString() << true;
        QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe\x00\x01", 4) << u"ff fe 00 01"_s << false;
        QTest::newRow("nul in text") << QByteArray("ab\0cd", 5) << u"61 62 00 63 64"_s << false;
        QTest::newRow("escape") << "\x1b[0m"_ba << u"1b 5b 30 6d"_s << false;
        QTest::newRow("long text") << QByteArray(500, 'x')
                                   << QString(TrafficModel::DisplayCharacters, u'x') + QChar(0x2026) << true;
        QTest::newRow("long binary") << QByteArray(100, '\xff')
                                     << QString::fromLatin1(QByteArray(40, '\xff').toHex(' ')) + u" "_s +
                                            QChar(0x2026)
                                     << false;
        // A character cut by the end of the previewed bytes is not an encoding error.
        QTest::newRow("cut character")
            << QByteArray(TrafficModel::PreviewBytes - 1, 'a') + u"é"_s.toUtf8()
            << QString(TrafficModel::DisplayCharacters, u'a') + QChar(0x2026) << true;
    }

    void payloadPreview()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, display);
        QFETCH(bool, isText);
        Fixture f;
        f.model.append(message(u"p"_s, payload));
        f.model.flush();
        QCOMPARE(f.data(0, TrafficModel::PayloadColumn).toString(), display);
        QCOMPARE(f.data(0, TrafficModel::PayloadColumn, TrafficModel::PayloadIsTextRole).toBool(), isText);
        // The raw payload is untouched.
        QCOMPARE(f.data(0, TrafficModel::PayloadColumn, TrafficModel::PayloadRole).toByteArray(), payload);
    }

    void toolTipShowsMore()
    {
        Fixture f;
        f.model.append(message(u"p"_s, QByteArray(500, 'x')));
        f.model.append(message(u"q"_s, QByteArray(5000, 'y')));
        f.model.flush();
        QCOMPARE(f.data(0, TrafficModel::PayloadColumn, Qt::ToolTipRole).toString(), QString(500, u'x'));
        QCOMPARE(f.data(1, TrafficModel::PayloadColumn, Qt::ToolTipRole).toString(),
                 QString(TrafficModel::PreviewBytes, u'y') + QChar(0x2026));
        QVERIFY(!f.data(0, TrafficModel::SizeColumn, Qt::ToolTipRole).isValid());
    }

    void messagesPerSecond()
    {
        Fixture f;
        f.feed(0, 100);
        QCOMPARE(f.model.messagesPerSecond(), 100);
        f.now = Now + 500;
        f.feed(100, 50);
        QCOMPARE(f.model.messagesPerSecond(), 150);
        // Messages that make no row count too: they are traffic.
        f.model.setPaused(true);
        f.now = Now + 600;
        f.feed(200, 10);
        f.model.setPaused(false);
        QVERIFY(f.model.setFilter(u"nothing"_s));
        f.feed(300, 5);
        QCOMPARE(f.model.messagesPerSecond(), 165);
        // The window slides with the clock alone.
        f.now = Now + 1000;
        QCOMPARE(f.model.messagesPerSecond(), 65);
        f.now = Now + 1599;
        QCOMPARE(f.model.messagesPerSecond(), 15);
        f.now = Now + 1600;
        QCOMPARE(f.model.messagesPerSecond(), 0);
        QCOMPARE(f.model.totalMessages(), 165);
    }

    void clearResetsEverything()
    {
        Fixture f;
        f.feed(0, 10);
        f.model.setPaused(true);
        f.feed(10, 3);
        f.model.setPaused(false);
        f.model.append(message(u"queued"_s));
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.totalMessages(), 0);
        QCOMPARE(f.model.droppedWhilePaused(), 0);
        QCOMPARE(f.model.messagesPerSecond(), 0);
        QCOMPARE(f.model.lastValueCount(), 0);
        QCOMPARE(f.model.storedBytes(), 0);
        // The queued message went with the rest.
        QCoreApplication::processEvents();
        QCOMPARE(f.model.rowCount(), 0);
        f.feed(20, 2);
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(topicAt(f.model, 0), u"t/20"_s);
    }

    void proxyOnTop()
    {
        Fixture f;
        f.model.setCapacity(6);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&f.model);
        proxy.setFilterKeyColumn(TrafficModel::TopicColumn);
        proxy.setFilterFixedString(u"/even"_s);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int turn = 0; turn < 10; ++turn) {
            for (int i = 0; i < 4; ++i) {
                const int n = turn * 4 + i;
                f.model.append(message(u"t/%1/%2"_s.arg(n).arg(n % 2 ? u"odd"_s : u"even"_s)));
            }
            f.model.flush();
        }
        // The newest six are 34..39, of which 34, 36 and 38 are even.
        QCOMPARE(f.model.rowCount(), 6);
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(proxy.index(0, TrafficModel::TopicColumn).data().toString(), u"t/34/even"_s);
        QCOMPARE(proxy.index(2, TrafficModel::TopicColumn).data().toString(), u"t/38/even"_s);

        // Sorting on a raw role, as the console's proxy will.
        proxy.setFilterFixedString(QString());
        proxy.setSortRole(TrafficModel::PayloadSizeRole);
        f.model.append(message(u"big"_s, QByteArray(10, 'z')));
        f.model.flush();
        proxy.sort(TrafficModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, TrafficModel::TopicColumn).data().toString(), u"big"_s);
    }

    void messagesFromBroker()
    {
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));

        MqttClient publisher;
        publisher.setProfile(fleet::test::profileFor(broker));
        QVERIFY(fleet::test::connectAndWait(publisher));
        // A retained value first, so that the subscriber also gets one from the broker's store.
        QSignalSpy sent(&publisher, &MqttClient::messageSent);
        QVERIFY(publisher.publish(u"fleet/dev-0/presence"_s, "online"_ba, 1, true) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, DefaultTimeoutMs);

        TrafficModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        MqttClient subscriber;
        subscriber.setProfile(fleet::test::profileFor(broker));
        connect(&subscriber, &MqttClient::messageReceived, &model, &TrafficModel::append);
        QVERIFY(fleet::test::connectAndWait(subscriber));
        QVERIFY(fleet::test::subscribeAndWait(subscriber, u"fleet/#"_s, 1));

        constexpr int N = 200;
        for (int i = 0; i < N; ++i) {
            const QByteArray payload = "{\"seq\":" + QByteArray::number(i) + "}";
            // QoS 0: a QoS 1 burst would outrun the publisher's in-flight window, and mixing the two could
            // reorder the messages.
            QVERIFY(publisher.publish(u"fleet/dev-%1/telemetry"_s.arg(i % 10), payload, 0) > 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), N + 1, DefaultTimeoutMs);

        QCOMPARE(model.index(0, TrafficModel::TopicColumn).data().toString(), u"fleet/dev-0/presence"_s);
        QCOMPARE(model.index(0, 0).data(TrafficModel::RetainedRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(TrafficModel::QosRole).toInt(), 1);
        for (int i = 0; i < N; ++i) {
            const QModelIndex index = model.index(i + 1, TrafficModel::PayloadColumn);
            QCOMPARE(index.data().toString(), u"{\"seq\":%1}"_s.arg(i));
            QCOMPARE(index.data(TrafficModel::QosRole).toInt(), 0);
            QCOMPARE(index.data(TrafficModel::RetainedRole).toBool(), false);
        }
        QCOMPARE(model.totalMessages(), N + 1);
        QCOMPARE(model.lastValueCount(), 11);
        QCOMPARE(model.lastValue(u"fleet/dev-9/telemetry"_s)->payload(), "{\"seq\":199}"_ba);

        subscriber.disconnectFromBroker();
        publisher.disconnectFromBroker();
    }
};

QTEST_GUILESS_MAIN(TestTrafficModel)
#include "tst_trafficmodel.moc"
