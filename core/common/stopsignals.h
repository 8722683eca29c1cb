#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace fleet {

// Turns SIGINT and SIGTERM into a Qt signal, so that a long-running command (watch) ends cleanly: it
// disconnects from the broker with a DISCONNECT instead of vanishing mid-session. A signal handler may only
// do async-signal-safe work, so it writes the signal number into a socket pair that a QSocketNotifier reads
// on the event loop.
class StopSignals final : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // Installs the handlers; false when the system refuses (the default handlers then stay in place).
    bool install();

    // "SIGTERM", "SIGINT", or the number.
    static QString name(int signal);

Q_SIGNALS:
    void stopRequested(int signal);

private:
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fleet
