// SimDevice as the seed's sample device (seed 000, protocols.md D): a request on cmd/{id}/req is plain text,
// any payload, and the reply on cmd/{id}/resp is one line, "SUCCESS: command ran successfully from payload:
// <payload>" or "FAILURE: <reason>", with no tid and no MQTT 5 correlation data (the seed's device has
// neither), so every request runs: there is nothing to tell a duplicate by. A built-in command's name alone
// ("reboot"), or followed by one space and a JSON object of parameters ("set_led {\"color\":\"red\"}"), runs
// that command as an Atlas device would, with the same effects and faults but no RUNNING; any other text is
// "a command" that simply succeeds, as the seed's do_something() does.
//
// The broadcast: a request on device_status/request, read the same way, is answered on
// device_status/response with {"device", "status": "SUCCESS"|"FAILURE", "reason"?}, naming the device as the
// seed says each reply on a common topic must; its correlation data, if any, is echoed so that a requester
// can reconcile the replies with its request. Still no tid.

#include "simdevice.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "executionlog.h"
#include "simdeviceutil.h"

#include <optional>
#include <string_view>
#include <utility>

namespace fleet::sim {

namespace {

constexpr qsizetype MaxSampleRequestBytes = 64 * 1024;
constexpr qsizetype MaxSampleCommandChars = 64; // of free text, in the execution log

} // namespace

void SimDevice::handleSampleCommand(const MqttMessage &message, bool broadcast)
{
    const std::optional<QByteArray> correlation =
        broadcast ? message.properties().correlationData : std::optional<QByteArray>();
    const int delay = m_faults.replyDelayMs(m_slowLink);
    if (delay <= 0) {
        processSampleCommand(message.payload(), broadcast, correlation);
        return;
    }
    after(delay, [this, payload = message.payload(), broadcast, correlation] {
        if (!m_stopping)
            processSampleCommand(payload, broadcast, correlation);
    });
}

void SimDevice::processSampleCommand(const QByteArray &payload, bool broadcast,
                                     const std::optional<QByteArray> &correlation)
{
    Run run;
    run.text = payload;
    run.group = broadcast;
    run.correlation = correlation;
    if (payload.size() > MaxSampleRequestBytes)
        return sendSampleFinal(run, true,
                               tr("The request is larger than %1 bytes.").arg(MaxSampleRequestBytes));
    // Its own replies, when the request and response topics are one: answering them would loop.
    if (payload.startsWith("SUCCESS: ") || payload.startsWith("FAILURE: "))
        return;

    // "name" or "name {params}": the first space ends the name.
    const qsizetype space = payload.indexOf(' ');
    const QByteArray name = space < 0 ? payload : payload.left(space);
    const int command = builtInCommand(std::string_view(name.constData(), std::size_t(name.size())));
    std::optional<Json> params;
    if (command >= 0 && space >= 0) {
        params =
            NetworkJson::parse(payload.mid(space + 1), {MaxSampleRequestBytes, NetworkJson::DefaultMaxDepth});
        if (params && !params->is_object())
            params.reset();
    }
    if (command < 0 || (space >= 0 && !params)) {
        // Free text: the seed's device runs whatever it is told, and it succeeds.
        const QString text = QString::fromUtf8(payload);
        const QString shown = text.size() <= MaxSampleCommandChars ? text : text.left(MaxSampleCommandChars);
        ++m_executed;
        if (m_log)
            m_log->record(m_id, QString(), shown);
        sendSampleFinal(run, false, {});
        Q_EMIT commandExecuted(QString(), shown);
        return;
    }

    run.command = quint8(command);
    const QString invalid = readParameters(
        &run, [&](const char *key) -> const Json * { return params ? jsonMember(*params, key) : nullptr; });
    if (!invalid.isEmpty())
        return sendSampleFinal(run, true, invalid);
    execute(std::move(run));
}

void SimDevice::sendSampleFinal(const Run &run, bool failed, const QString &reason)
{
    MqttMessage message(replyTopic(run.group), {}, 1);
    if (run.group) {
        Json reply = Json::object();
        reply["device"] = utf8(m_id);
        reply["status"] = failed ? "FAILURE" : "SUCCESS";
        if (failed)
            reply["reason"] = utf8(reason);
        message.setPayload(compactJsonBytes(reply));
        message.properties().correlationData = run.correlation;
    } else {
        message.setPayload(failed ? "FAILURE: " + reason.toUtf8()
                                  : "SUCCESS: command ran successfully from payload: " + run.text);
    }
    sendOrKeep(message);
}

} // namespace fleet::sim
