#pragma once

#include "commands/gatedtopics.h"
#include "commands/operatoractions.h"
#include "mqtt/publishdraft.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace fleet {

// The way a message an operator composed in the Publish view leaves the console, decided before it is
// sent, so that the view can say it beforehand and nothing typed there goes around fleet-hub's command gate:
// - Direct: an ordinary topic, published as composed with the session's MqttClient;
// - Command: a device's command request topic (GatedTopics): the payload becomes a free-form command for
//   that device through OperatorActions::sendCommand, as the command composer sends one: tracked, audited,
//   held for an approval when the gate says so;
// - Desired: a shadow's update topic with {"state":{"desired":{…}}}: the change goes through
//   OperatorActions::updateDesired, as the device dock's shadow editor sends one;
// - Refused: any other gated topic (or payload): problem says why and where to go instead.
// What of the form the path does not carry (MQTT 5 properties, QoS, retain) is listed in ignored, for the
// operator to read before sending rather than find dropped afterwards.
class PublishRoute final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::PublishRoute)

public:
    enum class Path { Direct, Command, Desired, Refused };

    Path path = Path::Direct;
    GatedTopics::Match match;
    OperatorActions::CommandRequest command; // Path::Command
    OperatorActions::DesiredChange desired;  // Path::Desired
    QString explanation;                     // a gated path, before sending: where it goes, how
    QString problem;                         // Path::Refused: why, and what to use instead
    QStringList ignored;                     // parts of the form the path does not carry

    bool isGated() const { return path != Path::Direct; }

    // The route of draft. actions (optional) says where a free-form command for the device would go and why
    // it could not: a command request topic that is not that one (a profile's own layout) is refused rather
    // than sent where the device does not listen.
    static PublishRoute plan(const GatedTopics &topics, const PublishDraft &draft,
                             const OperatorActions *actions = nullptr);

    // The largest shadow update payload read here (the shadow service refuses documents past 8 KB anyway).
    static constexpr qsizetype MaxShadowPayloadBytes = 64 * 1024;

private:
    void planCommand(const PublishDraft &draft, const OperatorActions *actions);
    void planDesired(const PublishDraft &draft);
    void refuse(const QString &why);
    // The form's QoS, retain and properties, which a gated path replaces with its own.
    void noteIgnored(const PublishDraft &draft);
};

} // namespace fleet
