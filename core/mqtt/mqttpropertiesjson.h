#pragma once

#include "common/json.h"
#include "mqtt/mqttproperties.h"

namespace fleet {

// MQTT 5 properties as JSON: how fleet-hub's command gate stores the properties it relays and binds them
// into an approval's digest, and how a console hands the gate a broadcast's messages. One form on both sides,
// so that the same message always gives the same digest: toJson() writes its members in one fixed order,
// and toJson(fromJson(x)) is the canonical form of x.
//
//   {"payloadFormat": 0|1, "messageExpiry": s, "contentType": "…", "responseTopic": "…",
//    "correlationData": "<base64>", "user": [["name", "value"], …]}
//
// User properties named in skipUser are left out: the gate's own bookkeeping (fleet-request) is not part of
// what a device receives or an approver approves.
class MqttPropertiesJson final
{
public:
    static Json toJson(const MqttProperties &properties, const QStringList &skipUser = {});
    // Members of the wrong type are ignored.
    static MqttProperties fromJson(const Json &json);
};

} // namespace fleet
