// StopSignals turns SIGINT and SIGTERM into a Qt signal delivered on the event loop. The test raises the
// signals at its own process: with the handlers installed they must not end it.

#include "common/stopsignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using fleet::StopSignals;

namespace {

constexpr int Timeout = 10000;

} // namespace

class TestStopSignals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalIsDeliveredOnTheEventLoop_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }

    void signalIsDeliveredOnTheEventLoop()
    {
        QFETCH(int, signal);
        StopSignals stop;
        QVERIFY(stop.install());
        QSignalSpy requested(&stop, &StopSignals::stopRequested);
        QCOMPARE(::raise(signal), 0);
        // The handler only writes a byte: nothing is emitted before the event loop runs.
        QCOMPARE(requested.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, Timeout);
        QCOMPARE(requested.first().first().toInt(), signal);
    }

    void everySignalIsDeliveredInOrder()
    {
        StopSignals stop;
        QVERIFY(stop.install());
        QVERIFY(stop.install()); // a second call changes nothing
        QSignalSpy requested(&stop, &StopSignals::stopRequested);
        QCOMPARE(::raise(SIGINT), 0);
        QCOMPARE(::raise(SIGTERM), 0);
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 2, Timeout);
        QCOMPARE(requested.at(0).first().toInt(), SIGINT);
        QCOMPARE(requested.at(1).first().toInt(), SIGTERM);
        QTest::qWait(100);
        QCOMPARE(requested.size(), 2);
    }

    void aNewInstanceWorksAfterAnOldOneIsGone()
    {
        {
            StopSignals first;
            QVERIFY(first.install());
        }
        StopSignals second;
        QVERIFY(second.install());
        QSignalSpy requested(&second, &StopSignals::stopRequested);
        QCOMPARE(::raise(SIGTERM), 0);
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, Timeout);
        QCOMPARE(requested.first().first().toInt(), SIGTERM);
    }
};

QTEST_GUILESS_MAIN(TestStopSignals)

#include "tst_stopsignals.moc"
