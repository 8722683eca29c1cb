// RateMeter on an injected clock: a steady rate is reported as it is from the first second; bursts every
// other second (what made the status bar jump between 0 and 50) are averaged; silence reads 0 after one time
// constant; irregular sampling intervals are weighted by their length.

#include "common/ratemeter.h"

#include <QTest>
#include <QThread>

using fleet::RateMeter;

class TestRateMeter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtZero()
    {
        qint64 now = 1000;
        RateMeter meter([&now] { return now; });
        QCOMPARE(meter.rate(), 0.0);
        now += 1000;
        QCOMPARE(meter.sample(), 0.0);
    }

    void steadyRateFromTheFirstSecond()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; });
        for (int second = 1; second <= 20; ++second) {
            meter.add(30);
            now += 1000;
            QCOMPARE(meter.sample(), 30.0);
        }
    }

    // 50 messages every other second: a per-second count alternates 50 and 0; the meter stays near 25.
    void burstsAreSmoothed()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; });
        double low = 1e9;
        double high = 0;
        for (int second = 1; second <= 60; ++second) {
            if (second % 2)
                meter.add(50);
            now += 1000;
            const double rate = meter.sample();
            if (second > 10) {
                low = qMin(low, rate);
                high = qMax(high, rate);
            }
        }
        QVERIFY2(low > 20 && high < 30, qPrintable(QStringLiteral("%1 .. %2").arg(low).arg(high)));
    }

    void followsAChangeWithinAFewTimeConstants()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; }, 5000);
        for (int second = 0; second < 30; ++second) {
            meter.add(10);
            now += 1000;
            meter.sample();
        }
        QCOMPARE(meter.rate(), 10.0);
        for (int second = 0; second < 5; ++second) {
            meter.add(100);
            now += 1000;
            meter.sample();
        }
        // One time constant: about 63% of the way.
        QVERIFY2(qAbs(meter.rate() - (10 + 0.632 * 90)) < 1, qPrintable(QString::number(meter.rate())));
        for (int second = 0; second < 25; ++second) {
            meter.add(100);
            now += 1000;
            meter.sample();
        }
        QVERIFY(meter.rate() > 99);
    }

    void silenceReadsZero()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; }, 5000);
        for (int second = 0; second < 10; ++second) {
            meter.add(40);
            now += 1000;
            meter.sample();
        }
        for (int second = 1; second < 5; ++second) {
            now += 1000;
            QVERIFY(meter.sample() > 0); // still decaying: a pause is not silence yet
        }
        now += 1000;
        QCOMPARE(meter.sample(), 0.0);
        QCOMPARE(meter.rate(), 0.0);
    }

    void irregularIntervalsWeighByLength()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; });
        for (int i = 0; i < 20; ++i) {
            meter.add(20);
            now += 1000;
            meter.sample();
        }
        // The timer was late: 2.5 s at the same 20/s.
        meter.add(50);
        now += 2500;
        QCOMPARE(meter.sample(), 20.0);
        // Twice in the same millisecond: nothing is lost, the events count at the next sample.
        meter.add(20);
        QCOMPARE(meter.sample(), 20.0);
        now += 1000;
        QCOMPARE(meter.sample(), 20.0);
    }

    void resetStartsOver()
    {
        qint64 now = 0;
        RateMeter meter([&now] { return now; });
        meter.add(100);
        now += 1000;
        QCOMPARE(meter.sample(), 100.0);
        meter.add(7);
        meter.reset();
        QCOMPARE(meter.rate(), 0.0);
        meter.add(3);
        now += 1000;
        QCOMPARE(meter.sample(), 3.0);
    }

    void defaultClockRuns()
    {
        RateMeter meter;
        meter.add(5);
        QThread::msleep(20);
        QVERIFY(meter.sample() > 0);
    }
};

QTEST_APPLESS_MAIN(TestRateMeter)
#include "tst_ratemeter.moc"
