// TidGenerator: unique and strictly ordered tids, their form, the timestamp they carry, and order kept when
// the wall clock steps back.

#include "commands/tidgenerator.h"

#include <QDateTime>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <limits>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
using fleet::TidGenerator;

class TestTidGenerator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uniqueAndOrderedOver100k()
    {
        TidGenerator generator;
        QSet<QString> seen;
        seen.reserve(100000);
        QString previous;
        for (int i = 0; i < 100000; ++i) {
            const QString tid = generator.next();
            QVERIFY2(!seen.contains(tid), qPrintable(tid));
            seen.insert(tid);
            if (!previous.isEmpty())
                QVERIFY2(previous < tid, qPrintable(previous + u" >= "_s + tid));
            previous = tid;
        }
        QCOMPARE(seen.size(), 100000);
    }

    void formIsValidEverywhere()
    {
        TidGenerator generator;
        // AWS IoT job and execution ids, and the generator's own, stricter form.
        const QRegularExpression aws(u"^[0-9A-Za-z_-]{1,64}$"_s);
        for (int i = 0; i < 1000; ++i) {
            const QString tid = generator.next();
            QCOMPARE(tid.size(), TidGenerator::Length);
            QVERIFY2(aws.match(tid).hasMatch(), qPrintable(tid));
            QVERIFY2(TidGenerator::isValid(tid), qPrintable(tid));
        }
    }

    void isValid_data()
    {
        QTest::addColumn<QString>("tid");
        QTest::addColumn<bool>("valid");
        QTest::newRow("zeros") << u"0000000000000000000000"_s << true;
        QTest::newRow("largest") << u"7ZZZZZZZZZZZZZZZZZZZZZ"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("short") << u"000000000000000000000"_s << false;
        QTest::newRow("long") << u"00000000000000000000000"_s << false;
        QTest::newRow("time over 48 bits") << u"8000000000000000000000"_s << false;
        QTest::newRow("lower case") << u"000000000000000000000a"_s << false;
        QTest::newRow("I") << u"000000000000000000000I"_s << false;
        QTest::newRow("L") << u"000000000000000000000L"_s << false;
        QTest::newRow("O") << u"000000000000000000000O"_s << false;
        QTest::newRow("U") << u"000000000000000000000U"_s << false;
        QTest::newRow("dash") << u"000000000000000000000-"_s << false;
        QTest::newRow("non-ASCII") << u"000000000000000000000\u00c9"_s << false;
    }

    void isValid()
    {
        QFETCH(QString, tid);
        QFETCH(bool, valid);
        QCOMPARE(TidGenerator::isValid(tid), valid);
        QCOMPARE(TidGenerator::timestampMs(tid).has_value(), valid);
    }

    void timestampRoundTrip_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("one") << qint64(1);
        QTest::newRow("2024") << qint64(1717171717171);
        QTest::newRow("largest") << (qint64(1) << 48) - 1;
    }

    void timestampRoundTrip()
    {
        QFETCH(qint64, ms);
        TidGenerator generator([ms] { return ms; }, 0x123456789Aull);
        const QString tid = generator.next();
        QVERIFY2(TidGenerator::isValid(tid), qPrintable(tid));
        QCOMPARE(TidGenerator::timestampMs(tid), std::optional<qint64>(ms));
        QCOMPARE(generator.nodeId(), 0x123456789Aull);
    }

    void wallClockTimestamp()
    {
        TidGenerator generator;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString tid = generator.next();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const std::optional<qint64> ms = TidGenerator::timestampMs(tid);
        QVERIFY(ms);
        QVERIFY(*ms >= before && *ms <= after);
    }

    void laterMillisecondSortsLater()
    {
        // A new generator (another process, another machine) a millisecond later, whatever its node.
        TidGenerator early([] { return qint64(1000); }, 0xFFFFFFFFFFull);
        TidGenerator late([] { return qint64(1001); }, 0);
        QString a;
        for (int i = 0; i < 100; ++i)
            a = early.next(); // a high counter does not outweigh the time
        const QString b = late.next();
        QVERIFY2(TidGenerator::compare(a, b) < 0, qPrintable(a + u" "_s + b));
        QVERIFY(TidGenerator::compare(b, a) > 0);
        QCOMPARE(TidGenerator::compare(a, a), 0);
    }

    void sameMillisecondDistinctNodes()
    {
        TidGenerator one([] { return qint64(5000); }, 1);
        TidGenerator two([] { return qint64(5000); }, 2);
        QVERIFY(one.next() != two.next());
        QVERIFY(one.nodeId() != two.nodeId());
        // Random node ids differ too.
        QVERIFY(TidGenerator().nodeId() != TidGenerator().nodeId());
    }

    void clockStepBackStaysOrdered()
    {
        qint64 now = 1'700'000'000'000;
        TidGenerator generator([&now] { return now; });
        const QString first = generator.next();
        now -= 60'000; // NTP steps the clock back a minute
        const QString second = generator.next();
        const QString third = generator.next();
        now += 30'000; // still behind
        const QString fourth = generator.next();
        QVERIFY2(first < second && second < third && third < fourth,
                 qPrintable((QStringList{first, second, third, fourth}.join(u' '))));
        // The tids keep the last time seen, not the stepped-back one.
        QCOMPARE(TidGenerator::timestampMs(fourth), std::optional<qint64>(1'700'000'000'000));
        now += 31'000; // caught up
        const QString fifth = generator.next();
        QVERIFY(fourth < fifth);
        QCOMPARE(TidGenerator::timestampMs(fifth), std::optional<qint64>(1'700'000'001'000));
    }

    void counterOverflowBorrowsTheNextMillisecond()
    {
        TidGenerator generator([] { return qint64(42); }, 7);
        QString previous = generator.next();
        // 2^20 tids fit in one millisecond; the next ones move on to the following millisecond.
        for (int i = 1; i < (1 << 20) + 3; ++i) {
            const QString tid = generator.next();
            if (!(previous < tid))
                QFAIL(qPrintable(previous + u" >= "_s + tid));
            previous = tid;
        }
        QCOMPARE(TidGenerator::timestampMs(previous), std::optional<qint64>(43));
    }

    void clockOutOfRangeIsClamped()
    {
        TidGenerator negative([] { return qint64(-5); });
        QCOMPARE(TidGenerator::timestampMs(negative.next()), std::optional<qint64>(0));
        TidGenerator huge([] { return std::numeric_limits<qint64>::max(); });
        const QString tid = huge.next();
        QVERIFY(TidGenerator::isValid(tid));
        QCOMPARE(TidGenerator::timestampMs(tid), std::optional<qint64>((qint64(1) << 48) - 1));
    }

    void threadsShareOneGenerator()
    {
        TidGenerator generator;
        constexpr int Threads = 4;
        constexpr int PerThread = 5000;
        QList<QStringList> made(Threads);
        QList<QThread *> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.append(QThread::create([&generator, &made, t] {
                for (int i = 0; i < PerThread; ++i)
                    made[t].append(generator.next());
            }));
            threads.last()->start();
        }
        QSet<QString> all;
        for (int t = 0; t < Threads; ++t) {
            QVERIFY(threads.at(t)->wait(60000));
            delete threads.at(t);
            // Each thread sees its own tids ascending.
            for (int i = 1; i < PerThread; ++i)
                QVERIFY(made[t].at(i - 1) < made[t].at(i));
            for (const QString &tid : std::as_const(made[t]))
                all.insert(tid);
        }
        QCOMPARE(all.size(), Threads * PerThread);
    }
};

QTEST_GUILESS_MAIN(TestTidGenerator)

#include "tst_tidgenerator.moc"
