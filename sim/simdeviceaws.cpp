// SimDevice's AWS IoT commands (docs/aws-commands.md, seed 004): the request's execution id from its topic,
// run once, IN_PROGRESS then SUCCEEDED, FAILED or nothing as the faults draw, on the execution's own
// response topic.

#include "simdevice.h"

#include "common/json.h"
#include "common/networkjson.h"
#include "executionlog.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fleet::sim {

namespace {

// The execution ids (and an Azure device's cloud-to-device message ids) a device remembers, so that a
// request delivered twice (a resend for the time left) runs once: more than a device has in flight, few
// enough to cost nothing.
constexpr qsizetype MaxRememberedIds = 64;
constexpr qsizetype MaxAwsRequestBytes = 64 * 1024;

} // namespace

bool SimDevice::seenBefore(const QString &id)
{
    if (m_recentIds.contains(id))
        return true;
    m_recentIds.append(id);
    if (m_recentIds.size() > MaxRememberedIds)
        m_recentIds.removeFirst();
    return false;
}

QString SimDevice::awsRequestFilter() const
{
    return u"$aws/commands/things/%1/executions/+/request/#"_s.arg(m_id);
}

void SimDevice::handleAwsCommand(const MqttMessage &message)
{
    // $aws/commands/things/{id}/executions/{executionId}/request[/json]
    const QStringList levels = message.topic().split(u'/');
    if (levels.size() < 7 || levels.at(3) != m_id)
        return;
    const QString executionId = levels.at(5);
    if (seenBefore(executionId))
        return;
    const QString base = u"$aws/commands/things/%1/executions/%2/response/json"_s.arg(m_id, executionId);
    const std::optional<Json> request =
        NetworkJson::parse(message.payload(), {MaxAwsRequestBytes, NetworkJson::DefaultMaxDepth});
    if (!request || !request->is_object() || !request->contains("message") ||
        !(*request)["message"].is_string()) {
        // What it cannot read it refuses, with a reason, as seed 004 says a device should.
        publish(base, compactJsonBytes(
                          Json{{"status", "REJECTED"},
                               {"statusReason",
                                {{"reasonCode", "UNKNOWN_REQUEST"},
                                 {"reasonDescription", "fleet-sim shows {\"message\": text} only"}}}}));
        return;
    }
    ++m_executed;
    if (m_log)
        m_log->record(m_id, executionId, u"show_message"_s);
    const FaultInjector::CommandFaults faults = m_faults.drawCommandFaults();
    publish(base, compactJsonBytes(Json{{"status", "IN_PROGRESS"}}));
    if (faults.dies)
        return; // the hub's timeout finds it
    const std::string text = (*request)["message"].get<std::string>();
    after(m_faults.replyDelayMs(m_slowLink), [this, base, text, fail = faults.fail] {
        if (fail) {
            publish(base, compactJsonBytes(Json{{"status", "FAILED"},
                                                {"statusReason",
                                                 {{"reasonCode", "SIMULATED_FAILURE"},
                                                  {"reasonDescription", "fleet-sim's failure fault"}}}}));
            return;
        }
        // Reported before the verdict, as an Atlas command's effect is: whoever undoes it reads the message
        // it replaced from the shadow.
        m_message = QString::fromStdString(text);
        reportShadow(false, Json{{"message", text}});
        publish(base,
                compactJsonBytes(Json{{"status", "SUCCEEDED"}, {"result", {{"shown", {{"s", text}}}}}}));
    });
    Q_EMIT commandExecuted(executionId, u"show_message"_s);
}

} // namespace fleet::sim
