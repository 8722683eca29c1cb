#pragma once

#include "shadow/shadowclient.h"

#include <QCoreApplication>
#include <QObject>
#include <QTextStream>

#include <optional>

namespace fleet {

class MqttClient;

// `fleetctl shadow get|update|delete|watch THING`: one shadow request (or a watch) over a connected
// MqttClient, printed for people or, with --json, for scripts. It ends the event loop with the exit code.
class ShadowCommand final : public QObject
{
    Q_OBJECT

public:
    enum ExitCode { Ok = 0, Rejected = 1, Usage = 2, ConnectionFailed = 3, TimedOut = 4 };

    struct Options
    {
        QString action; // get, update, delete, watch
        QString thingName;
        QString shadowName;
        ShadowDocument::Json state; // update: {"desired": …} or a full state object
        std::optional<qint64> expectedVersion;
        bool json = false;
        int timeoutMs = 10000;
        int count = 0; // watch: stop after this many events; 0 = until interrupted
    };

    ShadowCommand(MqttClient *client, Options options, QObject *parent = nullptr);

    // Called once the client is connected.
    void start();

private:
    void onFinished(const QString &token, const ShadowClient::Result &result);
    void onChanged(const QString &thingName, const QString &shadowName);
    void onDelta(const QString &thingName, const QString &shadowName, const ShadowDocument::Json &delta,
                 qint64 version);
    void onDeleted(const QString &thingName, const QString &shadowName);
    void countEvent();
    QString shadowLabel() const;
    void printSection(const char *title, const ShadowDocument::Json &value);

    ShadowClient m_shadows;
    Options m_options;
    QString m_token;
    int m_events = 0;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace fleet
