#pragma once

#include "common/json.h"

#include "commands/rollbacklog.h"
#include "ctlcommand.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace fleet {
class CommandTracker;
class OperatorActions;
class OperatorServices;
} // namespace fleet

namespace fleet::ctl {

// `fleetctl send TARGET COMMAND [NAME=VALUE…]`: a catalog command (or a free-form payload, --raw) to one
// device, a comma-separated selection, or a group (--group), tracked by the console's CommandTracker and
// written to the shared ledger. Sensitive commands go to the approval queue first. Without --wait it ends
// once the request (or the approval request) is on the broker; with --wait it follows every execution to its
// verdict, and the exit status is the worst verdict.
class SendCommand : public CtlCommand
{
    Q_OBJECT

public:
    explicit SendCommand(QObject *parent = nullptr);
    ~SendCommand() override;

    static QString summary();

protected:
    SendCommand(const QString &word, QObject *parent);

    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    void run() override;

    // The operator's services on the ledger (resuming resumeIds when resume). False after fail() when they
    // cannot be set up.
    bool setUpServices(bool resume, const QStringList &resumeIds = {});
    // Follows the executions (ids) until they have a verdict (wait) or are on the broker, then done().
    void follow(const QStringList &ids, bool wait);
    // Prints one execution as a line, or a JSON document.
    void print(const CommandExecution &e) const;
    void flushLedger() override;
    void beforeGivingUp() override;
    std::optional<CommandExecution> executionOf(const QString &id) const;
    // Of two exit statuses, the one of the worse verdict (a broadcast's status is its worst part's).
    static int worse(int exitCode, int other);

    std::unique_ptr<OperatorServices> m_services;
    // Taken from m_services once set up.
    CommandTracker *m_tracker = nullptr;
    RollbackLog *m_rollbacks = nullptr;
    OperatorActions *m_actions = nullptr;
    bool m_wait = false;
    QString m_broadcastId;
    QHash<QString, CommandExecution> m_known; // finished parts of a broadcast resumed from the ledger

private:
    void send();
    void onExecutionChanged(const QString &id);
    void checkFollowed();

    QStringList m_targets;
    QString m_group;
    QString m_command;
    QByteArray m_raw;
    bool m_isRaw = false;
    Json m_parameters = Json::object();
    QStringList m_followed;
    bool m_printed = false;
};

} // namespace fleet::ctl
