// RollbackHistoryModel over a RollbackLog: rows follow the log on refresh() (new entries inserted,
// rolled-back entries changed, dropped ones removed) with the model checked by QAbstractItemModelTester
// throughout.

#include "commands/rollbacklog.h"

#include "common/json.h"
#include "models/rollbackhistorymodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::RollbackEntry;
using fleet::RollbackHistoryModel;
using fleet::RollbackLog;

class TestRollbackHistoryModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheLog()
    {
        RollbackLog log;
        const qint64 first =
            log.recordCommand(u"dev-1"_s, u"set_led"_s, {{"color", "red"}}, {{"led", "off"}}, u"T1"_s);
        RollbackHistoryModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(RollbackHistoryModel::ColumnCount));
        QCOMPARE(model.index(0, 0).data(RollbackHistoryModel::EntryIdRole).toLongLong(), first);
        QCOMPARE(model.index(0, 0).data(RollbackHistoryModel::DeviceRole).toString(), u"dev-1"_s);
        QCOMPARE(model.index(0, 0).data(RollbackHistoryModel::KindRole).toInt(),
                 int(RollbackEntry::Kind::Command));
        QCOMPARE(model.index(0, 0).data(RollbackHistoryModel::BeforeRole).toString(), u"{\"led\":\"off\"}"_s);
        QVERIFY(model.index(0, RollbackHistoryModel::ChangeColumn).data().toString().contains(u"set_led"_s));
        QVERIFY(model.index(0, RollbackHistoryModel::RolledBackColumn).data().toString().isEmpty());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 second =
            log.recordDesiredUpdate(u"dev-2"_s, {}, {{"a", 1}}, {{"a", 2}, {"b", 3}}, u"C1"_s);
        const qint64 third = log.recordDesiredUpdate(u"dev-2"_s, u"config"_s, Json(), {{"x", true}});
        model.refresh();
        QCOMPARE(inserted.count(), 1); // both in one insert
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(second), 1);
        QCOMPARE(model.rowOf(third), 2);
        QCOMPARE(model.rowOf(12345), -1);
        QCOMPARE(model.index(1, 0).data(RollbackHistoryModel::AfterRole).toString(), u"{\"a\":2,\"b\":3}"_s);
        QCOMPARE(model.index(2, 0).data(RollbackHistoryModel::ShadowNameRole).toString(), u"config"_s);
        QCOMPARE(changed.count(), 0);

        QVERIFY(log.markRolledBack(first, u"T2"_s));
        model.refresh();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, 0).data(RollbackHistoryModel::RolledBackByRole).toString(), u"T2"_s);
        QVERIFY(model.index(0, RollbackHistoryModel::RolledBackColumn).data().toString().contains(u"T2"_s));

        // Nothing new: nothing emitted.
        inserted.clear();
        changed.clear();
        model.refresh();
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void dropsWhatTheLogDrops()
    {
        RollbackLog log;
        for (int i = 0; i < int(RollbackLog::MaxEntries); ++i)
            log.recordDesiredUpdate(u"d"_s, {}, Json::object(), {{"n", i}});
        RollbackHistoryModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(RollbackLog::MaxEntries));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        log.recordDesiredUpdate(u"d"_s, {}, Json::object(), {{"n", -1}});
        log.recordDesiredUpdate(u"d"_s, {}, Json::object(), {{"n", -2}});
        model.refresh();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), int(RollbackLog::MaxEntries));
        QCOMPARE(model.index(model.rowCount() - 1, 0).data(RollbackHistoryModel::AfterRole).toString(),
                 u"{\"n\":-2}"_s);
    }

    void outOfRangeAndNoLog()
    {
        RollbackHistoryModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.entryAt(0));
        QVERIFY(!model.entryAt(-1));
        QVERIFY(!model.data(model.index(0, 0)).isValid());
        QCOMPARE(model.headerData(RollbackHistoryModel::DeviceColumn, Qt::Horizontal).toString(),
                 u"Device"_s);
    }
};

QTEST_GUILESS_MAIN(TestRollbackHistoryModel)
#include "tst_rollbackhistorymodel.moc"
