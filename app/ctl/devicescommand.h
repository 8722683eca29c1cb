#pragma once

#include "ctlcommand.h"

namespace fleet {
class FleetRegistry;
}

namespace fleet::ctl {

// `fleetctl devices`: the fleet as the console's FleetRegistry discovers it from the broker (retained
// presence, then whatever traffic arrives within --listen), optionally with an imported device list.
class DevicesCommand final : public CtlCommand
{
    Q_OBJECT

public:
    explicit DevicesCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    bool needsLedger() const override { return false; }
    void run() override;

private:
    void print();

    FleetRegistry *m_registry = nullptr;
    QString m_import;
    QString m_filter;
    QString m_group;
    QString m_connectivity;
    int m_listenMs = 1000;
};

} // namespace fleet::ctl
