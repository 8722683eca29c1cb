#pragma once

#include "ctlcommand.h"

namespace fleet::ctl {

// `fleetctl traffic --filter F`: live topic traffic, one line per message (or one JSON document), until
// --count messages, --duration seconds, or SIGINT/SIGTERM.
class TrafficCommand final : public CtlCommand
{
    Q_OBJECT

public:
    explicit TrafficCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    bool needsLedger() const override { return false; }
    void run() override;

private:
    void onMessage(const MqttMessage &message);

    QStringList m_filters;
    int m_count = 0;
    int m_durationMs = 0;
    int m_seen = 0;
    bool m_hex = false;
};

} // namespace fleet::ctl
