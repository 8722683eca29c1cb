#pragma once

#include "commands/gateauditquery.h"
#include "ctlcommand.h"

namespace fleet::ctl {

// `fleetctl audit`: fleet-hub's audit log, read through the broker with GateAuditQuery (docs/security.md,
// "Reading the audit log"): oldest first, filtered by the gate, as a table or one JSON object per line. The
// reader's identity is the MQTT username (--username): the broker lets operators, approvers and monitors ask.
class AuditCommand final : public CtlCommand
{
    Q_OBJECT

public:
    explicit AuditCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    bool needsLedger() const override { return false; }
    QString jsonHelp() const override;
    QString timeoutHelp() const override;
    int defaultTimeoutSeconds() const override { return 10; }
    void run() override;

private:
    void print(const QList<GateAuditQuery::Entry> &entries);
    void onFailed();

    GateAuditQuery *m_query = nullptr;
    GateAuditQuery::Filter m_filter;
    int m_limit = 200;
};

} // namespace fleet::ctl
