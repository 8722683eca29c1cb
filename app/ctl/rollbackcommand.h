#pragma once

#include "sendcommand.h"

namespace fleet::ctl {

// `fleetctl rollback list [DEVICE]` and `fleetctl rollback ID`: the rollback history in the ledger, and
// undoing one change: a desired-state update is undone by the inverse desired patch (previous values back,
// added keys removed), a command by its catalog inverse built from the state captured before it ran. The
// rollback of a command is a command like any other: tracked, and held for approval when sensitive. A
// desired batch (one patch on many devices) is undone on all of them in one run, one line per device.
class RollbackCommand final : public SendCommand
{
    Q_OBJECT

public:
    explicit RollbackCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    bool connects() const override { return m_entryId > 0; }
    void run() override;

private:
    void list();
    void rollBackBatch();
    void printBatch(const fleet::RollbackEntry &e) const;

    qint64 m_entryId = 0;
    QString m_device;
};

} // namespace fleet::ctl
