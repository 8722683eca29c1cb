#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace fleet::bench {

// How late the GUI thread's event loop serves a timer: every intervalMs a timer asks to run, and the probe
// records by how much each run came after its due time. A busy loop (a long slot, a flood of signals, a
// slow paint) shows up as lateness, which is what an operator feels as a frozen window.
// Runs the event loop for ms milliseconds (the widgets keep working meanwhile). A real QEventLoop rather than
// QTest::qWait(), which sleeps 10 ms between its rounds of events and would be measured as latency.
void runFor(int milliseconds);

class EventLoopProbe final : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopProbe(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    void stop();
    // Milliseconds late, one value per tick, in order.
    const QList<double> &lateness() const { return m_lateness; }
    // The q-quantile (0..1) of the lateness; 0 with no ticks.
    double quantile(double q) const;
    double maximum() const;

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_lateness;
    qint64 m_dueNs = 0;
    int m_intervalMs;
};

} // namespace fleet::bench
