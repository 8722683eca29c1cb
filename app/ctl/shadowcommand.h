#pragma once

#include "commands/rollbacklog.h"
#include "common/json.h"

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h"
#include "shadow/shadowclient.h"
#include "store/commandledger.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet::ctl {

// `fleetctl shadow get|update|delete|watch THING`: one shadow request (or a watch) over a ShadowClient, with
// human output by default and one JSON line per result with --json. The exit status says how it ended (see
// ExitCode); errors go to stderr, results to stdout, so scripts can pipe the output.
class ShadowCommand final : public QObject
{
    Q_OBJECT

public:
    explicit ShadowCommand(QObject *parent = nullptr);
    ~ShadowCommand() override;

    // arguments: the program name, then the broker options and this command's own arguments (the word
    // "shadow" removed). Returns an exit code when there is nothing to run: a usage error (already reported
    // on stderr). --help prints the help and exits the process.
    std::optional<int> parse(const QStringList &arguments);
    // Connects and runs; finished() carries the exit code. Call it from the event loop.
    void start();

    static QString summary(); // one line for the top-level --help

Q_SIGNALS:
    void finished(int exitCode);

private:
    enum class Action { Get, Update, Delete, Watch };

    int usageError(const QString &message) const;
    std::optional<Json> readJson(const QString &argument, const QString &what, QString *error) const;
    void onConnected();
    void onError(fleet::MqttClient::Error error, const QString &message);
    void onStateChanged(fleet::MqttClient::State state);
    void onRequestFinished(const QString &token, const fleet::ShadowClient::Result &result);
    void onShadowChanged(const QString &thing, const QString &shadow);
    void onDelta(const QString &thing, const QString &shadow, const Json &delta, qint64 version);
    void onDeleted(const QString &thing, const QString &shadow);
    void onLoadFailed(const QString &thing, const QString &shadow, const fleet::ShadowClient::Result &result);
    void countEvent();
    void fail(int exitCode, const QString &message);
    void failWith(const fleet::ShadowError &error, bool local);
    void done(int exitCode);

    QString label() const;
    void printDocument(const QString &event, const QString &heading);
    void updateDesired();
    void finishWith(const fleet::ShadowClient::Result &result);

    MqttClient *m_client;
    ShadowClient *m_shadows;
    QTimer m_connectTimer;
    BrokerProfile m_profile;
    QString m_password;
    Action m_action = Action::Get;
    QString m_thing;
    QString m_shadow;
    Json m_state; // update: the desired state, or the full state object
    bool m_fullState = false;
    bool m_json = false;
    std::optional<qint64> m_version;
    int m_timeoutMs = ShadowClient::DefaultTimeoutMs;
    int m_count = 0; // watch: stop after this many events; 0 = until a signal
    int m_events = 0;
    QString m_token;
    QString m_ledgerPath;
    CommandLedger m_ledger;  // update: where its rollback entry goes
    RollbackLog m_rollbacks; // (opened only for a desired update)
    QString m_rollbackNote;
    QString m_connectionError;
    bool m_connected = false;
    bool m_snapshotShown = false;
    bool m_done = false;
};

} // namespace fleet::ctl
