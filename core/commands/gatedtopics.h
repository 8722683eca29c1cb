#pragma once

#include "commands/commandcatalog.h"
#include "commands/deviceprofile.h"
#include "shadow/shadowtopic.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace fleet {

// Which topics belong to fleet-hub's command gate: those on which a message changes what a device does (a
// command request, a desired state, a twin, a direct method, a cloud-to-device message) and those of the
// gate and its services themselves. On a broker with the gate, operators may not write them at all (only
// the gate's account may); a front end that publishes what an operator types (the console's Publish view)
// asks here first and sends a gated topic's message the way a command or a desired change goes, never
// around the gate.
//
// Command request topics come from the catalog: every form a command takes (its own templates and each
// device profile's, as CommandCatalog::forms() lists them for the gate), inverted: a template's levels are
// literals, {device} (or {group}) and {tid}; a topic matches when some id and tid expand the template to
// exactly that topic (CommandSpec::requestTopic's rule), the id being one a topic can carry (no '+', '#',
// '/' or NUL). A profile's template counts for the devices it is about only, as in the gate ("commands/
// {device}" of design-* is no request topic of dev-1). The AWS IoT commands request topic, the shadow
// topics and the Azure IoT Hub topics are recognised by their fixed layout.
class GatedTopics final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::GatedTopics)

public:
    enum class Kind {
        None,               // an ordinary topic, or no valid topic name at all
        CommandRequest,     // a device's command request topic (device, dialect)
        GroupRequest,       // a group's command request topic (group)
        AwsCommandRequest,  // $aws/commands/{things|clients}/{id}/executions/{executionId}/request[/…]
        ShadowRequest,      // $aws/things/{thing}/shadow[/name/{shadow}]/{get|update|delete}
        ShadowReply,        // the shadow service's answers: accepted, rejected, delta, documents
        AzureTwin,          // $iothub/twin/…, fleet-hub's $fleet/twins/{device}/…
        AzureMethod,        // $iothub/methods/…, fleet/azure-methods/…
        AzureCloudToDevice, // devices/{id}/messages/devicebound[/…]
        GateService,        // fleet-hub's own: fleet/gate/…, fleet/aws-commands/…, $fleet/…
    };

    struct Match
    {
        Kind kind = Kind::None;
        QString device; // the device or thing the topic addresses; empty when it names none
        QString group;
        // A command request: the device's dialect ("atlas", "atlas-text", "aws-commands", "azure-methods"),
        // its catalog profile's when one matches it, else the matched command's.
        QString dialect;
        QString topicTemplate;             // the catalog template the topic fits (command and group requests)
        std::optional<ShadowTopic> shadow; // a shadow request or reply

        bool isGated() const { return kind != Kind::None; }
    };

    explicit GatedTopics(const CommandCatalog &catalog);

    Match match(const QString &topic) const;

    // A template expanded for some id (and tid) that gives exactly topic: the id, else nullopt. placeholder
    // is "{device}" or "{group}".
    static std::optional<QString> matchTemplate(const QString &topicTemplate, const QString &placeholder,
                                                const QString &topic);

private:
    struct Pattern
    {
        QString topicTemplate;
        QString dialect;
        std::optional<DeviceProfile> profile; // the form's profile; none for a command's own form
        bool group = false;
        QRegularExpression regex; // the template, compiled once: match() runs on every keystroke
    };

    std::optional<Match> matchFixed(const QString &topic) const;
    QString dialectOf(const QString &device, const QString &fallback) const;

    QList<Pattern> m_patterns; // device request forms first, then group request forms
    QList<DeviceProfile> m_profiles;
};

} // namespace fleet
