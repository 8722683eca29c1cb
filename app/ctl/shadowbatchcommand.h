#pragma once

#include "sendcommand.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace fleet {
class FleetRegistry;
}

namespace fleet::ctl {

// `fleetctl shadow update --group GROUP DESIRED` and `--devices A,B,C DESIRED`: one patch of the desired
// state for many devices, through OperatorActions::updateDesiredMany() like the console's "Set desired
// state…" (so through fleet-hub's gate, held for approval when a key is sensitive), with one line per device
// as it is done and ONE rollback entry for all of them. A group's members are the devices the console's
// FleetRegistry learns: retained presence, then each device's classic shadow (its reported "groups").
// main() hands `shadow` here when --group or --devices is among its arguments; ShadowCommand does the rest.
class ShadowBatchCommand final : public SendCommand
{
    Q_OBJECT

public:
    explicit ShadowBatchCommand(QObject *parent = nullptr);
    ~ShadowBatchCommand() override;

    // Whether `fleetctl shadow` with these arguments is a batch.
    static bool isBatch(const QStringList &arguments);

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    void run() override;
    QString jsonHelp() const override;

private:
    void resolveGroup();
    void readNextShadows();
    void sendBatch();

    FleetRegistry *m_registry = nullptr;
    QString m_group;
    QStringList m_devices;
    QString m_shadow;
    Json m_patch = Json::object();
    QStringList m_toRead;    // group: devices whose shadow is still to be read
    QSet<QString> m_reading; // ... and the gets under way
};

} // namespace fleet::ctl
