// fleet_iothub: a mosquitto 2.0 plugin (the broker's own extension API, Debian's mosquitto-dev) that gives
// each Azure IoT Hub device its own view of the broker, as IoT Hub does. The rules are IotHubBridge's; this
// file only connects them to mosquitto's events.
//
// mosquitto.conf:
//   plugin /usr/lib/fleet-hub/fleet_iothub.so
//   plugin_opt_devices /etc/fleet-hub/azure-devices   "deviceId base64Key" lines, re-read when it changes
//   plugin_opt_hub_user hub                            the account whose $fleet/iothub-to/… reach devices
//   plugin_opt_hostname fleet.local                    optional: the only IoT Hub host name devices may name
// Plugins run before the password and ACL files, so the plugin answers for Azure devices and defers every
// other client to them.

#include "iothubbridge.h"

extern "C" {
#include <mosquitto.h>
#include <mosquitto_broker.h>
#include <mosquitto_plugin.h>
}

#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <unordered_map>

using fleet::broker::IotHubBridge;

namespace {

struct PluginState
{
    mosquitto_plugin_id_t *id = nullptr;
    std::unique_ptr<IotHubBridge> bridge;
    std::string devicesPath;
    std::string hubUser;
    // The connection each device signed in with: a session taken over by a new connection must not be
    // reported offline when the old one goes.
    std::unordered_map<std::string, const mosquitto *> connected;
};

PluginState *state = nullptr;

void publishPresence(const std::string &device, bool online)
{
    const std::string topic = IotHubBridge::presenceTopic(device);
    const char *payload = online ? "{\"connected\":true}" : "{\"connected\":false}";
    mosquitto_broker_publish_copy(nullptr, topic.c_str(), static_cast<int>(std::strlen(payload)), payload, 1,
                                  true, nullptr);
}

bool isSignedInDevice(const mosquitto *client, const char *clientId)
{
    if (!clientId)
        return false;
    const auto found = state->connected.find(clientId);
    return found != state->connected.end() && found->second == client;
}

void reloadKeys()
{
    std::string error;
    if (!state->bridge->reloadKeysIfChanged(state->devicesPath, &error))
        mosquitto_log_printf(MOSQ_LOG_WARNING, "fleet_iothub: %s; keeping the %zu device keys already loaded",
                             error.c_str(), state->bridge->deviceCount());
}

int onBasicAuth(int, void *eventData, void *)
{
    auto *event = static_cast<mosquitto_evt_basic_auth *>(eventData);
    const char *clientId = mosquitto_client_id(event->client);
    if (!clientId)
        return MOSQ_ERR_PLUGIN_DEFER;
    reloadKeys();
    std::string why;
    switch (
        state->bridge->authenticate(clientId, event->username, event->password, std::time(nullptr), &why)) {
    case IotHubBridge::Decision::Defer:
        return MOSQ_ERR_PLUGIN_DEFER;
    case IotHubBridge::Decision::Deny:
        mosquitto_log_printf(MOSQ_LOG_NOTICE, "fleet_iothub: refused Azure device %s: %s", clientId,
                             why.c_str());
        return MOSQ_ERR_AUTH;
    case IotHubBridge::Decision::Allow:
        break;
    }
    state->connected[clientId] = event->client;
    publishPresence(clientId, true);
    return MOSQ_ERR_SUCCESS;
}

int onAclCheck(int, void *eventData, void *)
{
    auto *event = static_cast<mosquitto_evt_acl_check *>(eventData);
    const char *clientId = mosquitto_client_id(event->client);
    if (!clientId || !event->topic)
        return MOSQ_ERR_ACL_DENIED;
    IotHubBridge::Access access = IotHubBridge::Access::Read;
    switch (event->access) {
    case MOSQ_ACL_WRITE:
        access = IotHubBridge::Access::Write;
        break;
    case MOSQ_ACL_SUBSCRIBE:
        access = IotHubBridge::Access::Subscribe;
        break;
    case MOSQ_ACL_UNSUBSCRIBE:
        access = IotHubBridge::Access::Unsubscribe;
        break;
    default:
        break;
    }
    const std::string_view topic(event->topic);
    // Only the hub speaks to devices: the ACL file should say so too, but a grant there by mistake must not
    // let an operator answer a device's twin request or call its methods around the hub.
    if (topic.substr(0, IotHubBridge::OutboundPrefix.size()) == IotHubBridge::OutboundPrefix &&
        access == IotHubBridge::Access::Write) {
        const char *username = mosquitto_client_username(event->client);
        if (!username || state->hubUser != username)
            return MOSQ_ERR_ACL_DENIED;
    }
    // What the plugin itself publishes for devices (their requests, rewritten after this check) and for the
    // broker (presence) must come from nobody else: a grant there by mistake would let an account speak to
    // the hub as a device.
    if (access == IotHubBridge::Access::Write &&
        (topic.substr(0, IotHubBridge::InboundPrefix.size()) == IotHubBridge::InboundPrefix ||
         topic.substr(0, IotHubBridge::PresencePrefix.size()) == IotHubBridge::PresencePrefix))
        return MOSQ_ERR_ACL_DENIED;
    switch (state->bridge->check(clientId, isSignedInDevice(event->client, clientId), topic, access,
                                 event->qos)) {
    case IotHubBridge::Decision::Allow:
        return MOSQ_ERR_SUCCESS;
    case IotHubBridge::Decision::Deny:
        return MOSQ_ERR_ACL_DENIED;
    case IotHubBridge::Decision::Defer:
        break;
    }
    return MOSQ_ERR_PLUGIN_DEFER;
}

int onMessage(int, void *eventData, void *)
{
    auto *event = static_cast<mosquitto_evt_message *>(eventData);
    const char *clientId = mosquitto_client_id(event->client);
    if (!clientId || !event->topic)
        return MOSQ_ERR_SUCCESS;

    if (isSignedInDevice(event->client, clientId)) {
        // IoT Hub keeps no retained messages.
        event->retain = false;
        if (const auto inbound = IotHubBridge::inboundTopic(clientId, event->topic)) {
            char *topic = mosquitto_strdup(inbound->c_str());
            if (!topic)
                return MOSQ_ERR_NOMEM;
#if LIBMOSQUITTO_VERSION_NUMBER < 2000015
            // mosquitto before 2.0.15 takes the new pointer without freeing the old one; later ones free it.
            mosquitto_free(event->topic);
#endif
            event->topic = topic;
        }
        return MOSQ_ERR_SUCCESS;
    }

    if (const auto target = IotHubBridge::outboundTarget(event->topic)) {
        // Delivered to that one client, subscribed or not: after a broker restart Microsoft's SDK subscribes
        // again to methods and cloud-to-device messages but not to twin replies. The hub's own message goes
        // on to its subscribers (monitors), so that the traffic stays visible.
        if (state->connected.count(target->first))
            mosquitto_broker_publish_copy(target->first.c_str(), target->second.c_str(),
                                          static_cast<int>(event->payloadlen), event->payload, event->qos,
                                          false, nullptr);
    }
    return MOSQ_ERR_SUCCESS;
}

int onDisconnect(int, void *eventData, void *)
{
    auto *event = static_cast<mosquitto_evt_disconnect *>(eventData);
    const char *clientId = mosquitto_client_id(event->client);
    if (!isSignedInDevice(event->client, clientId))
        return MOSQ_ERR_SUCCESS;
    state->connected.erase(clientId);
    publishPresence(clientId, false);
    return MOSQ_ERR_SUCCESS;
}

int onReload(int, void *, void *)
{
    reloadKeys();
    return MOSQ_ERR_SUCCESS;
}

struct Callback
{
    int event;
    MOSQ_FUNC_generic_callback function;
};
// Registered at init, unregistered at cleanup.
const Callback Callbacks[] = {{MOSQ_EVT_BASIC_AUTH, onBasicAuth},
                              {MOSQ_EVT_ACL_CHECK, onAclCheck},
                              {MOSQ_EVT_MESSAGE, onMessage},
                              {MOSQ_EVT_DISCONNECT, onDisconnect},
                              {MOSQ_EVT_RELOAD, onReload}};

} // namespace

// The module is built with hidden visibility; mosquitto finds only these three by name.
#define FLEET_PLUGIN_EXPORT __attribute__((visibility("default")))

extern "C" {

FLEET_PLUGIN_EXPORT int mosquitto_plugin_version(int count, const int *versions)
{
    for (int i = 0; i < count; ++i) {
        if (versions[i] == 5)
            return 5;
    }
    return -1;
}

FLEET_PLUGIN_EXPORT int mosquitto_plugin_init(mosquitto_plugin_id_t *identifier, void **userData,
                                              struct mosquitto_opt *options, int optionCount)
{
    auto owned = std::make_unique<PluginState>();
    owned->id = identifier;
    std::string hostName;
    for (int i = 0; i < optionCount; ++i) {
        const std::string key = options[i].key ? options[i].key : "";
        const std::string value = options[i].value ? options[i].value : "";
        if (key == "devices")
            owned->devicesPath = value;
        else if (key == "hub_user")
            owned->hubUser = value;
        else if (key == "hostname")
            hostName = value;
    }
    if (owned->devicesPath.empty() || owned->hubUser.empty()) {
        mosquitto_log_printf(MOSQ_LOG_ERR,
                             "fleet_iothub: plugin_opt_devices and plugin_opt_hub_user are required");
        return MOSQ_ERR_INVAL;
    }
    owned->bridge = std::make_unique<IotHubBridge>(hostName);
    std::string error;
    if (!owned->bridge->loadKeys(owned->devicesPath, &error)) {
        mosquitto_log_printf(MOSQ_LOG_ERR, "fleet_iothub: %s", error.c_str());
        return MOSQ_ERR_INVAL;
    }
    state = owned.release();
    *userData = state;

    for (const auto &entry : Callbacks) {
        const int rc = mosquitto_callback_register(identifier, entry.event, entry.function, nullptr, state);
        if (rc != MOSQ_ERR_SUCCESS)
            return rc;
    }
    // A broker restarted with persistence may still hold "connected" from before: nobody is connected yet.
    state->bridge->forEachDevice([](const std::string &device) { publishPresence(device, false); });
    mosquitto_log_printf(MOSQ_LOG_INFO, "fleet_iothub: %zu Azure devices from %s",
                         state->bridge->deviceCount(), state->devicesPath.c_str());
    return MOSQ_ERR_SUCCESS;
}

FLEET_PLUGIN_EXPORT int mosquitto_plugin_cleanup(void *userData, struct mosquitto_opt *, int)
{
    auto *owned = static_cast<PluginState *>(userData);
    if (owned) {
        for (const auto &entry : Callbacks)
            mosquitto_callback_unregister(owned->id, entry.event, entry.function, nullptr);
    }
    delete owned;
    state = nullptr;
    return MOSQ_ERR_SUCCESS;
}

} // extern "C"
