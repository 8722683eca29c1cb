// WorkbenchEventModel: the device workbench's log as a table. Rows in the order events came, the columns'
// texts, the event itself under EventRole, and the bound: the oldest rows make room, counted.

#include "models/workbencheventmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::WorkbenchEvent;
using fleet::WorkbenchEventModel;

namespace {

WorkbenchEvent makeEvent(const QString &summary,
                         WorkbenchEvent::Direction direction = WorkbenchEvent::Direction::Note)
{
    WorkbenchEvent e;
    e.at = QDateTime::currentDateTimeUtc();
    e.direction = direction;
    e.summary = summary;
    e.topic = u"t/"_s + summary;
    return e;
}

} // namespace

class TestWorkbenchEventModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndColumns()
    {
        WorkbenchEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(WorkbenchEventModel::ColumnCount));
        model.append(makeEvent(u"one"_s, WorkbenchEvent::Direction::FromCloud));
        model.append(makeEvent(u"two"_s, WorkbenchEvent::Direction::ToCloud));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, WorkbenchEventModel::SummaryColumn).data().toString(), u"one"_s);
        QCOMPARE(model.index(1, WorkbenchEventModel::TopicColumn).data().toString(), u"t/two"_s);
        QCOMPARE(model.index(0, WorkbenchEventModel::DirectionColumn).data().toString(),
                 WorkbenchEventModel::directionText(WorkbenchEvent::Direction::FromCloud));
        QVERIFY(WorkbenchEventModel::directionText(WorkbenchEvent::Direction::FromCloud) !=
                WorkbenchEventModel::directionText(WorkbenchEvent::Direction::ToCloud));
        QVERIFY(!model.index(0, WorkbenchEventModel::TimeColumn).data().toString().isEmpty());
        const auto stored = model.index(1, 0).data(WorkbenchEventModel::EventRole).value<WorkbenchEvent>();
        QCOMPARE(stored.summary, u"two"_s);
        for (int c = 0; c < WorkbenchEventModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void theOldestMakeRoom()
    {
        WorkbenchEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int k = 0; k < WorkbenchEventModel::MaxEvents + 5; ++k)
            model.append(makeEvent(QString::number(k)));
        QCOMPARE(model.rowCount(), WorkbenchEventModel::MaxEvents);
        QCOMPARE(model.droppedCount(), 5);
        QCOMPARE(model.event(0).summary, u"5"_s);
        QCOMPARE(model.event(model.rowCount() - 1).summary,
                 QString::number(WorkbenchEventModel::MaxEvents + 4));
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchEventModel)
#include "tst_workbencheventmodel.moc"
