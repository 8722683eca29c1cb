#pragma once

#include "commands/commandcatalog.h"
#include "commands/commandexecution.h"
#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "store/commandledger.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace fleet::ctl {

// What every fleetctl command shares: the broker and ledger options, --json and --timeout, connecting (or
// not, for commands that only read the ledger), one overall deadline, and ending with an exit code. A
// command adds its own options and arguments and does its work in run().
class CtlCommand : public QObject
{
    Q_OBJECT

public:
    ~CtlCommand() override;

    // arguments: the program name, then the broker options and this command's own arguments (the command
    // word removed). Returns an exit code when there is nothing to run: a usage error (already reported on
    // stderr). --help prints the help and exits the process.
    std::optional<int> parse(const QStringList &arguments);
    // Opens the ledger if the command uses it, connects if it needs the broker, then run(). Call it from the
    // event loop; finished() carries the exit code.
    void start();

    // The exit code of a command's verdict.
    static int exitCodeFor(CommandExecution::State state);
    // Whether an MqttClient error concerns one message (its request reports it) rather than the connection.
    static bool isAboutOneMessage(MqttClient::Error error);

Q_SIGNALS:
    void finished(int exitCode);

protected:
    CtlCommand(const QString &word, QObject *parent = nullptr);

    virtual QString description() const = 0;
    // The command's own options and positional arguments.
    virtual void addOptions(QCommandLineParser &parser) = 0;
    // Reads them; returns usageError(...) on a mistake.
    virtual std::optional<int> readArguments(const QCommandLineParser &parser,
                                             const QStringList &positional) = 0;
    // Whether the broker options apply; connects() whether this run connects (after readArguments()).
    virtual bool needsBroker() const { return true; }
    virtual bool connects() const { return needsBroker(); }
    virtual bool needsLedger() const { return true; }
    // Connected (when needsBroker()) and the ledger open (when needsLedger()).
    virtual void run() = 0;
    // The command is about to fail (--timeout, or the broker gone for good): print what it has.
    virtual void beforeGivingUp() {}
    // Called once before the command ends, with the ledger still open: write what is not written yet.
    virtual void flushLedger() {}
    // --json's and --timeout's help and --timeout's default, for a command that words them for what it
    // prints and waits for (a shadow request waits 10 s for one reply). The help names the default.
    virtual QString jsonHelp() const;
    virtual QString timeoutHelp() const;
    virtual int defaultTimeoutSeconds() const { return 30; }

    int usageError(const QString &message) const;
    void fail(int exitCode, const QString &message);
    // Ends now: waits for the broker to acknowledge what was published, then disconnects and finishes.
    void done(int exitCode);
    // Calls then() once every subscription is granted and the broker has been quiet for quietMs (so that
    // retained messages have arrived), or fails with TimedOut at the deadline.
    void afterRetained(int quietMs, std::function<void()> then);
    // Learns whether fleet-hub's command gate is on the broker (its retained fleet/gate/info), then then():
    // with a gate, requests, desired changes and decisions go through it, and the ACL lets nothing else
    // reach a device.
    void discoverGate(std::function<void()> then);
    // fleet/gate/info's payload as discoverGate() found it; empty without a gate.
    QByteArray gateInfo() const { return m_gateInfo; }
    bool isDone() const { return m_done; }
    // For commands that run until stopped (a traffic tail, a shadow watch), or whose requests keep their
    // own time (a shadow request).
    void stopDeadline() { m_deadline.stop(); }

    MqttClient *client() const { return m_client; }
    CommandLedger &ledger() { return m_ledger; }
    const CommandCatalog &catalog() const { return m_catalog; }
    const BrokerProfile &profile() const { return m_profile; }
    bool json() const { return m_json; }
    int timeoutMs() const { return m_timeoutMs; }
    QString word() const { return m_word; }

private:
    void onConnected();
    void onError(fleet::MqttClient::Error error, const QString &message);
    void onStateChanged(fleet::MqttClient::State state);
    void finishWhenFlushed();

    QString m_word;
    QByteArray m_gateInfo;
    MqttClient *m_client;
    CommandLedger m_ledger;
    CommandCatalog m_catalog;
    BrokerProfile m_profile;
    QString m_password;
    QString m_ledgerPath;
    QString m_connectionError;
    QTimer m_deadline;
    int m_timeoutMs = 30000;
    int m_exitCode = 0;
    bool m_json = false;
    bool m_running = false;
    bool m_done = false;
    bool m_lostConnection = false; // reconnecting after a loss, to say so once it is back
};

} // namespace fleet::ctl
