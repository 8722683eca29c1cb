#pragma once

#include "sendcommand.h"

namespace fleet::ctl {

// `fleetctl status [ID]`: the ledger's commands, newest first, or one command with its transitions and
// replies; the exit status is that command's verdict. With --wait it connects, takes the command over from
// the ledger (resuming it as the console would after a restart, approval included) and follows it to its
// verdict.
class StatusCommand final : public SendCommand
{
    Q_OBJECT

public:
    explicit StatusCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    bool connects() const override { return m_wait; }
    void run() override;

private:
    // Not const: it reads the ledger (which executions retry this one).
    void printDetail(const CommandExecution &e);
    void resumeBroadcast();

    QString m_id;
    int m_limit = 20;
};

} // namespace fleet::ctl
