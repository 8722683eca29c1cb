#pragma once

#include "common/json.h"

#include "commands/rollbacklog.h"
#include "ctlcommand.h"
#include "shadow/shadowclient.h"

#include <nlohmann/json.hpp>

namespace fleet::ctl {

// `fleetctl shadow get|update|delete|watch THING`: one shadow request (or a watch) over a ShadowClient, with
// human output by default and one JSON line per result with --json. The exit status says how it ended (see
// ExitCode); errors go to stderr, results to stdout, so scripts can pipe the output.
class ShadowCommand final : public CtlCommand
{
    Q_OBJECT

public:
    explicit ShadowCommand(QObject *parent = nullptr);
    ~ShadowCommand() override;

    static QString summary(); // one line for the top-level --help

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    // The ledger is opened by a desired update only, and a get goes on without it.
    bool needsLedger() const override { return false; }
    void run() override;
    QString jsonHelp() const override;
    QString timeoutHelp() const override;
    int defaultTimeoutSeconds() const override { return ShadowClient::DefaultTimeoutMs / 1000; }

private:
    enum class Action { Get, Update, Delete, Watch };

    std::optional<Json> readJson(const QString &argument, const QString &what, QString *error) const;
    void onRequestFinished(const QString &token, const fleet::ShadowClient::Result &result);
    void onShadowChanged(const QString &thing, const QString &shadow);
    void onDelta(const QString &thing, const QString &shadow, const Json &delta, qint64 version);
    void onDeleted(const QString &thing, const QString &shadow);
    void onLoadFailed(const QString &thing, const QString &shadow, const fleet::ShadowClient::Result &result);
    void countEvent();
    void failWith(const fleet::ShadowError &error, bool local);

    QString label() const;
    void printDocument(const QString &event, const QString &heading);
    // With fleet-hub's gate on the broker, updates and deletes are handed to it.
    void routeThroughGate();
    void write();
    void updateDesired();
    void finishWith(const fleet::ShadowClient::Result &result);

    ShadowClient *m_shadows = nullptr;
    Action m_action = Action::Get;
    QString m_thing;
    QString m_shadow;
    Json m_state; // update: the desired state, or the full state object
    bool m_fullState = false;
    std::optional<qint64> m_version;
    int m_count = 0; // watch: stop after this many events; 0 = until a signal
    int m_events = 0;
    QString m_token;
    QString m_ledgerPath;    // update: the ledger() where its rollback entry goes
    RollbackLog m_rollbacks; // (opened only for a desired update)
    QString m_rollbackNote;
    bool m_snapshotShown = false;
};

} // namespace fleet::ctl
