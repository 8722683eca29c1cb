#pragma once

#include "commands/commandcatalog.h"
#include "common/json.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace fleet {

// What fleet-hub's command gate makes of one message an operator asks it to publish: relay it at once, hold
// it for an approval, or refuse it, judged by the hub's own catalog (never the requester's). Pure: no I/O, so
// that every rule is tested on its own (tst_gatepolicy); CommandGate does the messaging and the records.
//
// - A catalog command: a JSON request {"cmd", "tid", "status": "REQUEST", "params"} (the IoT Atlas shape,
//   nothing else in it) on that command's request topic or group request topic. Sensitive if the catalog
//   says so. A request naming a command the catalog does not know, on a request topic, is raw.
// - Raw: any other payload on a catalog request topic. The catalog's "gate" decides: sensitive (the
//   default), allowed or refused.
// - Desired state: an update of a device's shadow. Sensitive when it sets (or clears) a desired key the
//   catalog lists in "sensitiveDesired", or when it replaces the whole document ("reported" from an
//   operator is refused: that is the device's word). Deleting a shadow is sensitive: it drops desired state.
//   A shadow get is relayed.
// - An AWS IoT command's start, fleet/aws-commands/start/{user}/{clientToken} with fleet-hub's start request
//   (docs/aws-commands.md): a catalog AWS IoT command the target takes, held when sensitive. Once approved
//   the gate hands it to fleet-hub's AWS IoT commands service itself, which refuses a sensitive start from
//   anywhere else.
// - Anything else is refused: the gate publishes only on topics a command or a shadow uses.
class GatePolicy final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::GatePolicy)

public:
    enum class Verdict { Relay, Hold, Refuse };
    enum class Kind { Command, Raw, Desired, ShadowRead, AwsCommand, AzureMethod, Other };

    struct Decision
    {
        Verdict verdict = Verdict::Refuse;
        Kind kind = Kind::Other;
        QString device; // or the thing of a shadow
        QString group;  // a group command's group
        QString command;
        Json parameters; // the request's "params", or the desired patch
        QString tid;     // a command's tid, or a shadow request's clientToken
        QString reason;  // why it is held or refused, for the requester and the approver
    };

    // The largest payload the gate reads (the Atlas limit; a shadow update is refused by the shadow
    // service past 8 KB anyway).
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024;

    explicit GatePolicy(CommandCatalog catalog);
    const CommandCatalog &catalog() const { return m_catalog; }

    Decision classify(const QString &topic, const QByteArray &payload) const;

    // "command", "raw", "desired", "shadow-read", "aws-command", "azure-method", "other"
    static QString kindName(Kind kind);
    // fleet/aws-commands/start/: where operators start AWS IoT commands through fleet-hub.
    static constexpr QLatin1StringView AwsStartPrefix{"fleet/aws-commands/start/"};
    static constexpr QLatin1StringView AzureInvokePrefix{"fleet/azure-methods/invoke/"};
    static constexpr QLatin1StringView TwinPrefix{"$fleet/twins/"};

private:
    Decision classifyShadow(const QString &topic, const QByteArray &payload) const;
    Decision classifyCommand(const QString &topic, const QByteArray &payload) const;
    Decision classifyAwsStart(const QString &topic, const QByteArray &payload) const;
    Decision classifyTwin(const QString &topic, const QByteArray &payload) const;
    Decision classifyAzureMethod(const QString &topic, const QByteArray &payload) const;
    Decision classifyCloudToDevice(const QString &topic) const;
    // A desired-state change ({"state": {"desired": …}}) of a shadow or a twin, d.kind already Desired.
    Decision judgedDesired(Decision d, const std::optional<Json> &body) const;
    // A request the catalog does not know, by its "rawCommands" policy.
    Decision judgedRaw(Decision d) const;
    // d, relayed, or held when the catalog says spec is sensitive.
    static Decision judged(Decision d, const CommandSpec &spec);

    CommandCatalog m_catalog;
    QList<CommandCatalog::Form> m_forms; // m_catalog.forms(), once: classify() runs for every request
};

} // namespace fleet
