#include "simdevice.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "shadow/shadowtopic.h"
#include "simdeviceutil.h"

#include <optional>

// SimDevice's shadows: the classic one and "config", reported whole on connect, in part when a delta or a
// button press changes them.

using namespace Qt::StringLiterals;

namespace fleet::sim {

Json SimDevice::classicState() const
{
    Json state = Json::object();
    state["led"] = utf8(m_led);
    state["message"] = utf8(m_message);
    state["motor"] = m_motorOn ? "on" : "off";
    state["position"] = m_position;
    state["telemetryIntervalMs"] = m_telemetryIntervalMs;
    state["firmware"] = Firmware;
    // The groups it belongs to, announced where every console reads them (README: fleet-sim, FleetRegistry):
    // a console cannot learn membership from the group topics, which every device of every group reads.
    // Only the ordinary kind reads the group topics: a member that never answers would fail every group
    // command sent to its group. The seed's sample devices read their broadcast topic instead, and say so:
    // the group device_status (the default catalog's profile for the seed's broadcast).
    if (!m_group.isEmpty() && m_kind == SimConfig::Kind::Atlas)
        state["groups"] = Json::array({utf8(m_group)});
    else if (m_kind == SimConfig::Kind::Sample)
        state["groups"] = Json::array({"device_status"});
    return state;
}

Json SimDevice::configState() const
{
    Json state = Json::object();
    state["telemetryIntervalMs"] = m_telemetryIntervalMs;
    state["reportOnChange"] = m_reportOnChange;
    return state;
}

void SimDevice::reportShadow(bool named, const Json &reported)
{
    // An Azure device has one twin for all of it, and no config shadow.
    if (m_kind == SimConfig::Kind::Azure) {
        if (!named)
            reportTwin(reported);
        return;
    }
    if (m_client->state() != MqttClient::State::Connected) {
        m_reportPending[named ? 1 : 0] = true;
        return;
    }
    Json body = Json::object();
    body["state"]["reported"] = reported;
    publish(ShadowTopic::prefix(m_id, named ? u"config"_s : QString()) + u"/update"_s,
            compactJsonBytes(body));
}

void SimDevice::handleDelta(const MqttMessage &message, bool named)
{
    const QByteArray &payload = message.payload();
    const Json body = NetworkJson::parse(payload).value_or(Json());
    if (!body.is_object())
        return;
    const Json *state = jsonMember(body, "state");
    if (!state || !state->is_object())
        return;
    // Deltas may arrive out of order (and again, with a persistent session): an older one than the last
    // applied would undo a newer one.
    qint64 &last = m_lastDeltaVersion[named ? 1 : 0];
    if (const Json *version = jsonMember(body, "version")) {
        const std::optional<qint64> v = integral(version);
        if (!v || *v <= last)
            return;
        last = *v;
    }

    const Json reported = applyDesired(*state, named);
    if (!reported.empty())
        reportShadow(named, reported);
}

Json SimDevice::applyDesired(const Json &state, bool named)
{
    // Only what this device supports, with valid values; the rest stays in the delta.
    Json reported = Json::object();
    if (const std::optional<int> ms =
            inRange(jsonMember(state, "telemetryIntervalMs"), MinTelemetryMs, MaxTelemetryMs)) {
        setTelemetryInterval(*ms);
        reported["telemetryIntervalMs"] = *ms;
    }
    if (named) {
        if (const Json *report = jsonMember(state, "reportOnChange"); report && report->is_boolean()) {
            m_reportOnChange = report->get<bool>();
            reported["reportOnChange"] = m_reportOnChange;
        }
        return reported;
    }
    if (const std::optional<QString> c = color(jsonMember(state, "led"))) {
        m_led = *c;
        reported["led"] = utf8(m_led);
    }
    if (const Json *motor = jsonMember(state, "motor"); motor && (*motor == "on" || *motor == "off")) {
        m_motorOn = *motor == "on";
        reported["motor"] = m_motorOn ? "on" : "off";
    }
    if (const std::optional<int> position = inRange(jsonMember(state, "position"), 0, MaxPosition)) {
        m_position = *position;
        reported["position"] = m_position;
    }
    // An Azure twin has no show_message of its own to set the display with: its desired "message" does.
    if (m_kind == SimConfig::Kind::Azure) {
        if (const std::optional<QString> text = messageText(jsonMember(state, "message"))) {
            m_message = *text;
            reported["message"] = utf8(m_message);
        }
    }
    return reported;
}

void SimDevice::pressButton()
{
    m_led = m_led == u"off"_s ? u"on"_s : u"off"_s;
    Json reported = Json::object();
    reported["led"] = utf8(m_led);
    reportShadow(false, reported);
}

} // namespace fleet::sim
