#pragma once

#include "sendcommand.h"

#include <QList>
#include <QString>
#include <QTimer>

#include <optional>

namespace fleet::ctl {

// fleetctl's Azure IoT Hub commands, through fleet-hub's Azure service (docs/azure.md) and its command gate,
// with AzureHubClient like the console:
//   twin get DEVICE                           the device twin: desired, reported, their $versions
//   twin update DEVICE DESIRED [--version N]   a desired patch (null removes a key), judged by the gate
//   method DEVICE NAME [--payload JSON] [--timeout S] [--wait]   a direct method, its status and body
//   c2d DEVICE PAYLOAD [--property K=V …]     a cloud-to-device message with its properties
// One class for the three words: they share the gate, the client and the exit statuses.
class AzureCommand final : public SendCommand
{
    Q_OBJECT

public:
    // How much longer than the device's time fleetctl waits for a method's verdict.
    static constexpr int ApprovalGraceS = 30;
    // The gate's limit (GatePolicy::MaxPayloadBytes): a larger message would be refused there.
    static constexpr qsizetype MaxMessageBytes = 64 * 1024;

    // word: "twin", "method" or "c2d".
    explicit AzureCommand(const QString &word, QObject *parent = nullptr);
    ~AzureCommand() override;

    static QString summary(const QString &word);

protected:
    QString description() const override;
    void addOptions(QCommandLineParser &parser) override;
    std::optional<int> readArguments(const QCommandLineParser &parser,
                                     const QStringList &positional) override;
    void run() override;
    bool needsLedger() const override { return true; }
    QString jsonHelp() const override;
    int defaultTimeoutSeconds() const override;
    QString timeoutHelp() const override;

private:
    enum class Action { TwinGet, TwinUpdate, Method, CloudToDevice };

    void submit();
    void printJson(const Json &document) const;
    void onGateOutcome(const QString &id, const QString &outcome, const QString &reason);

    Action m_action = Action::TwinGet;
    QString m_device;
    QString m_method;
    Json m_payload;
    QByteArray m_message;
    QList<std::pair<QString, QString>> m_properties;
    std::optional<qint64> m_version;
    std::optional<quint32> m_expirySeconds;
    int m_methodTimeoutS = 30;
    QString m_id;
    bool m_readingBefore = false; // twin update: the twin is read first, m_id is that read
    bool m_held = false;
    QTimer m_methodDeadline;
};

} // namespace fleet::ctl
