#pragma once

#include "ctlcommand.h"

namespace fleet {
class ApprovalQueue;
}

namespace fleet::ctl {

// `fleetctl approvals list|approve ID|reject ID`: the approval queue shared through the broker, as the
// console's ApprovalQueue sees it. The decider's identity is the MQTT username (--username): the broker's
// ACL lets it decide only in its own name, and never on its own requests.
class ApprovalsCommand final : public CtlCommand
{
    Q_OBJECT

public:
    explicit ApprovalsCommand(QObject *parent = nullptr);

    static QString summary();

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    void run() override;

private:
    enum class Action { List, Approve, Reject };

    void act();
    void reportDecision();
    void list();
    void onRequestChanged(const QString &id);

    ApprovalQueue *m_queue = nullptr;
    Action m_action = Action::List;
    QString m_id;
    QString m_reason;
    bool m_all = false;
    bool m_wait = false;
    bool m_decided = false;
};

} // namespace fleet::ctl
