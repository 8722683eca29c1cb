#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet::sim {

// Everything that shapes a simulated fleet: how many devices, their topics, their timing, and the faults
// real fleets have. Defaults give a well-behaved fleet; a JSON file (--config) overrides any member by its
// name, e.g. {"failureRate": 0.1, "latencyMs": [20, 200], "slowLinkShare": 0.05}. Rates and shares are
// probabilities from 0 to 1; times are milliseconds.
//
// Topic templates: {id} is the device id, {group} the device's group.
//
// A fleet plays every command dialect of the design documents, a share of the devices each (Kind): devices
// 1 to count(Atlas) are ordinary, then come the sample, design, thing and Azure devices, each kind numbered
// from 1 in ids of its own (sample-1, design-1, thing-1, az-1), so that a fleet with no shares is what it
// always was.
struct SimConfig
{
    Q_DECLARE_TR_FUNCTIONS(fleet::sim::SimConfig)

public:
    enum class Kind : quint8 {
        Atlas,  // {prefix}-{k}: Atlas JSON on the command and group topics, AWS IoT commands too
        Sample, // sample-{k}: the seed's sample device, plain text on the command topics, and the
                // device_status/request broadcast
        Design, // design-{k}: Atlas JSON on commands/{id}, replies on commands/{id}/ack (the design page)
        Thing,  // thing-{k}: AWS IoT commands only
        Azure,  // az-{k}: an Azure IoT Hub device (MQTT 3.1.1, SAS token): twin, direct methods, messages
    };

    // The fixed topics of the kinds that follow a document's layout rather than the configured topics.
    static constexpr auto DesignRequestTopic = "commands/{id}";
    static constexpr auto DesignResponseTopic = "commands/{id}/ack";
    static constexpr auto BroadcastRequestTopic = "device_status/request";
    static constexpr auto BroadcastResponseTopic = "device_status/response";

    int devices = 10;                       // the whole fleet, every kind
    QString prefix = QStringLiteral("dev"); // ordinary device ids are {prefix}-{k}, k from 1
    quint64 seed = 1;                       // same seed, same behaviour
    int groups = 1;                         // device n is in group-{(n - 1) % groups + 1}

    QString presenceTopic = QStringLiteral("presence/{id}"); // retained "online" / "offline" (the Last Will)
    QString commandRequestTopic = QStringLiteral("cmd/{id}/req");
    QString commandResponseTopic = QStringLiteral("cmd/{id}/resp");
    QString groupRequestTopic = QStringLiteral("cmd/group/{group}/req");
    QString groupResponseTopic = QStringLiteral("cmd/group/{group}/resp"); // replies name their device
    QString telemetryTopic = QStringLiteral("telemetry/{id}");
    QString logTopic = QStringLiteral("logs/{id}"); // upload_log publishes here

    int telemetryIntervalMs = 10000; // 0: no telemetry
    int runningIntervalMs = 1000;    // RUNNING heartbeats of long commands
    int setPositionMs = 3000;        // how long set_position runs
    int rebootOfflineMs = 2000;      // how long a reboot keeps the device offline
    int buttonPressIntervalMs = 0;   // mean time between local state changes; 0: never
    int rememberedTids = 256;        // per device, for duplicate detection
    int connectsPerSecond = 1000;    // start-up pacing, so that the broker is not hit by all at once
    int keepAliveSeconds = 60;

    // Faults.
    int latencyMinMs = 0; // reply latency, uniform between min and max ("latencyMs": [min, max])
    int latencyMaxMs = 20;
    double failureRate = 0;        // a command ends in FAILURE ("simulated failure")
    double silentDeathRate = 0;    // a command starts (one RUNNING) and is never heard of again
    double duplicateReplyRate = 0; // the final reply is sent twice
    double outOfOrderRate = 0;     // a stale RUNNING follows the final reply
    int offlineEveryMs = 0;        // mean time between offline periods (an abrupt loss); 0: never
    int offlineForMs = 5000;       // how long an offline period lasts (the session persists)
    double slowLinkShare = 0;      // share of devices whose every reply takes slowLinkExtraMs more
    int slowLinkExtraMs = 500;
    double flakyLinkShare = 0; // share of devices whose connection drops every flakyEveryMs on average
    int flakyEveryMs = 20000;
    // Share of the ordinary devices that reply in plain text like the seed's sample device.
    double textModeShare = 0;

    // Shares of the fleet played by the other kinds: qRound(share * devices) devices each; the ordinary kind
    // has the rest. Each from 0 to 1, together at most 1.
    double sampleShare = 0;
    double designShare = 0;
    double thingShare = 0;
    double azureShare = 0; // its devices need keys: SimFleet::setDeviceCredentials()

    QString executionLogPath; // empty: no execution log

    // Reads a JSON object of overrides onto this configuration. Unknown keys and wrong types are errors.
    bool applyJson(const QByteArray &json, QString *error);
    bool loadFile(const QString &path, QString *error);
    // Empty when valid, else why not.
    QString validate() const;

    // How many devices of the fleet are of kind (never negative; validate() refuses shares that leave the
    // ordinary kind fewer than none).
    int count(Kind kind) const;
    // Device n's kind, n from 1 over the whole fleet: the ordinary devices first, then sample, design, thing,
    // Azure.
    Kind kindOf(int n) const;
    // Device n's id, n from 1 over the whole fleet: {prefix}-{k}, then sample-{k}, design-{k}, thing-{k},
    // az-{k}, with k from 1 within the kind.
    QString deviceId(int n) const;
    // The ids of the kind, first to last ("dev-1 to dev-51"); empty when the fleet has none.
    QString idRange(Kind kind) const;
    // "sample", "design", "thing", "az"; the ordinary kind's is the configured prefix.
    QString kindPrefix(Kind kind) const;
    QString groupOf(int n) const; // group-{(n - 1) % groups + 1}, n over the whole fleet
    static QString expand(const QString &pattern, const QString &id, const QString &group);
};

} // namespace fleet::sim
