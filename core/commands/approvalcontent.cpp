#include "commands/approvalcontent.h"

#include "commands/commandcatalog.h"
#include "commands/gatebroadcast.h"
#include "common/json.h"
#include "dialects/atlasdialect.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// The payload as the request carries it: the gate's text was read as JSON when it was JSON.
QByteArray bytesOf(const Json &payload)
{
    return payload.is_string() ? QByteArray::fromStdString(payload.get<std::string>())
                               : compactJsonBytes(payload);
}

} // namespace

ApprovalContent ApprovalContent::of(const ApprovalRequest &request, const CommandCatalog &catalog,
                                    const AtlasDialect &dialect)
{
    ApprovalContent content;
    if (!request.topic.isEmpty()) {
        // The gate's copy: exactly what it will publish.
        if (request.targets.isEmpty()) {
            content.messages.append({request.device, request.topic, bytesOf(request.payload)});
            return content;
        }
        QString error;
        const std::optional<GateBroadcast> broadcast = GateBroadcast::parse(bytesOf(request.payload), &error);
        if (!broadcast) {
            content.problem = tr("The broadcast's messages cannot be read: %1").arg(error);
            return content;
        }
        // The gate lists the targets in the order of the messages.
        const bool paired = broadcast->messages.size() == request.targets.size();
        for (qsizetype i = 0; i < broadcast->messages.size(); ++i) {
            const GateBroadcast::Message &m = broadcast->messages.at(i);
            content.messages.append({paired ? request.targets.at(i) : QString(), m.topic, m.payload});
        }
        return content;
    }

    // Without a gate: what the requester's tracker sends (CommandTracker::requestFor()).
    if (request.payload.is_string()) {
        content.problem = tr("A free-form payload, sent as it is.");
        const std::optional<QString> topic = dialect.requestTopic(request.device);
        content.messages.append({request.device, topic.value_or(QString()), bytesOf(request.payload)});
        return content;
    }
    const CommandSpec *spec = catalog.find(request.command);
    if (!spec) {
        content.problem =
            tr("This console's catalog has no command \"%1\": only its parameters can be shown.")
                .arg(request.command);
        return content;
    }
    // One device's part of a broadcast is keyed "tid/device"; the tid is what goes out.
    const QString tid = request.id.section(u'/', 0, 0);
    const QStringList targets = request.targets.isEmpty() ? QStringList{request.device} : request.targets;
    for (const QString &target : targets) {
        if (content.messages.size() >= GateBroadcast::MaxTargets)
            break;
        QString error;
        // In the form the target takes (its profile's: plain text for the seed's devices, other topics).
        const CommandSpec *form = catalog.find(request.command, target, {}, &error);
        const QString topic = form ? form->requestTopic(target, &error, tid) : QString();
        const QByteArray payload =
            !form ? QByteArray()
            : form->dialect == "atlas-text"_L1
                ? form->textRequest(request.payload)
                : dialect.encodeRequest(form->name, tid, request.payload, nullptr, &error);
        if (topic.isEmpty() || payload.isEmpty()) {
            content.problem =
                tr("What %1 would send to %2 cannot be encoded: %3").arg(spec->name, target, error);
            continue;
        }
        content.messages.append({target, topic, payload});
    }
    return content;
}

bool ApprovalContent::samePayload() const
{
    for (const Message &m : messages) {
        if (m.payload != messages.constFirst().payload)
            return false;
    }
    return true;
}

} // namespace fleet
