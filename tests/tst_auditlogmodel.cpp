// AuditLogModel: pages appended in one insert each, a page read again adds nothing, the cap drops the oldest
// rows first, and the roles give the raw fields (text as the gate wrote it, markup included).

#include "models/auditlogmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AuditLogModel;
using Entry = fleet::AuditLogModel::Entry;

namespace {

Entry entry(qint64 seq, const QString &actor = u"alice"_s)
{
    return {seq,
            1700000000000 + seq * 1000,
            actor,
            u"held"_s,
            u"alice"_s,
            u"t%1"_s.arg(seq),
            u"cmd/dev-1/req"_s,
            u"sensitive command"_s};
}

QList<Entry> entries(qint64 first, qint64 last)
{
    QList<Entry> list;
    for (qint64 seq = first; seq <= last; ++seq)
        list.append(entry(seq));
    return list;
}

} // namespace

class TestAuditLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsPagesInOneInsertEach()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(entries(1, 3));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        model.append(entries(4, 5));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.constLast().at(1).toInt(), 3);
        QCOMPARE(inserted.constLast().at(2).toInt(), 4);
        QCOMPARE(model.lastSeq(), qint64(5));
        QCOMPARE(model.columnCount(), int(AuditLogModel::ColumnCount));
    }

    void aPageReadAgainAddsNothing()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(entries(1, 4));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(entries(2, 4));
        QCOMPARE(inserted.size(), 0);
        model.append(entries(3, 6)); // overlapping: only 5 and 6 are new
        QCOMPARE(model.rowCount(), 6);
        QList<Entry> unordered = {entry(8), entry(7), entry(9)};
        model.append(unordered); // 7 is not after 8: never shown out of order
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.entryAt(6)->seq, qint64(8));
        QCOMPARE(model.entryAt(7)->seq, qint64(9));
    }

    void capDropsTheOldest()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(5);
        model.append(entries(1, 4));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.append(entries(5, 7));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entryAt(0)->seq, qint64(3));
        QCOMPARE(model.droppedCount(), qint64(2));
        // A page larger than the cap: only its newest rows.
        model.append(entries(8, 20));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entryAt(0)->seq, qint64(16));
        QCOMPARE(model.droppedCount(), qint64(2 + 5 + 8));
        model.setMaxRows(2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entryAt(0)->seq, qint64(19));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lastSeq(), qint64(0));
        QCOMPARE(model.droppedCount(), qint64(0));
        QVERIFY(!model.entryAt(0));
    }

    void rolesGiveTheRawFields()
    {
        AuditLogModel model;
        Entry markup = entry(1, u"<b>eve</b>"_s);
        markup.detail = u"<img src=x onerror=alert(1)>"_s;
        Entry gate = entry(2, u"gate"_s);
        gate.requester.clear();
        model.append({markup, gate});
        const QModelIndex row0 = model.index(0, AuditLogModel::ActorColumn);
        QCOMPARE(row0.data().toString(), u"<b>eve</b>"_s); // as written: the view shows it as plain text
        QCOMPARE(model.index(0, AuditLogModel::DetailColumn).data().toString(), markup.detail);
        QCOMPARE(model.index(0, AuditLogModel::RequestColumn).data().toString(), u"alice/t1"_s);
        QCOMPARE(model.index(1, AuditLogModel::RequestColumn).data().toString(), u"t2"_s);
        QCOMPARE(model.index(0, AuditLogModel::TimeColumn).data().toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(markup.time));
        QCOMPARE(row0.data(AuditLogModel::SeqRole).toLongLong(), qint64(1));
        QCOMPARE(row0.data(AuditLogModel::TimeRole).toLongLong(), markup.time);
        QCOMPARE(row0.data(AuditLogModel::ActionRole).toString(), u"held"_s);
        QCOMPARE(row0.data(AuditLogModel::RequesterRole).toString(), u"alice"_s);
        QCOMPARE(row0.data(AuditLogModel::RequestIdRole).toString(), u"t1"_s);
        QCOMPARE(row0.data(AuditLogModel::TopicRole).toString(), u"cmd/dev-1/req"_s);
        QVERIFY(row0.data(AuditLogModel::FilterTextRole).toString().contains(u"eve"_s));
        QVERIFY(!model.index(2, 0).data().isValid());
        QCOMPARE(model.headerData(AuditLogModel::ActionColumn, Qt::Horizontal).toString(), u"Action"_s);
        QVERIFY(model.roleNames().contains(AuditLogModel::DetailRole));
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
