#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fleet::broker {

// What the fleet_iothub mosquitto plugin decides, with no broker in it, so that the rules can be read and
// tested on their own (protocols.md C, architecture.md "Azure IoT Hub on a local broker").
//
// IoT Hub's twin and method topics carry no device id: IoT Hub tells devices apart by their connection. On a
// shared broker the plugin does it instead:
//   device → hub   a device's `$iothub/X` becomes `$fleet/iothub/{device}/X` before the broker routes it, so
//                  the hub knows who asked and no other device can see it;
//   hub → device   the hub publishes `$fleet/iothub-to/{device}/X`; the plugin hands `$iothub/X` to that one
//                  client, whatever it subscribed to (nothing is ever routed on `$iothub/…`);
//   presence       `$fleet/iothub-presence/{device}` (retained): {"connected":true|false}, so that the hub
//   can
//                  answer 404 for a method call to a device that is offline.
// A client is an Azure device when its client id is in the key table; it must then prove it with a SAS token
// made from that device's key, so that no account can take over an Azure device's session (and its queued
// cloud-to-device messages) by reusing its client id.
class IotHubBridge final
{
public:
    enum class Access { Read, Write, Subscribe, Unsubscribe };
    enum class Decision { Allow, Deny, Defer };

    static constexpr std::string_view DeviceTopicPrefix = "$iothub/";
    static constexpr std::string_view InboundPrefix = "$fleet/iothub/";
    static constexpr std::string_view OutboundPrefix = "$fleet/iothub-to/";
    static constexpr std::string_view PresencePrefix = "$fleet/iothub-presence/";
    // IoT Hub refuses a device id longer than 128 characters.
    static constexpr std::size_t MaxDeviceIdLength = 128;
    // IoT Hub's topics are short (a property bag at most a few KB); the rewrite adds the device id.
    static constexpr std::size_t MaxTopicLength = 16 * 1024;
    // A SAS token is a few hundred bytes; anything much longer is not one.
    static constexpr std::size_t MaxTokenLength = 4096;

    // hostName: when not empty, the only IoT Hub host name devices may name (in the username and the token).
    explicit IotHubBridge(std::string hostName = {});

    // Reads "deviceId base64Key" lines; blank lines and lines starting with '#' are skipped. Returns false,
    // with the table unchanged and a reason in *error, when the file cannot be read or a line is malformed: a
    // broken edit must not lock every device out.
    bool loadKeys(const std::string &path, std::string *error);
    // Loads the file again only when its modification time or size changed (called at each CONNECT).
    bool reloadKeysIfChanged(const std::string &path, std::string *error);
    void setKey(const std::string &deviceId, const std::string &base64Key);
    std::size_t deviceCount() const { return m_keys.size(); }
    bool isDevice(std::string_view clientId) const;
    template<typename F>
    void forEachDevice(F f) const
    {
        for (const auto &entry : m_keys)
            f(entry.first);
    }

    // MOSQ_EVT_BASIC_AUTH. Defer for a client id that is not an Azure device (the password file decides);
    // otherwise Allow only for `{host}/{device}/?…` with a valid, unexpired token for this device.
    Decision authenticate(std::string_view clientId, const char *username, const char *password,
                          std::time_t now, std::string *why) const;

    // MOSQ_EVT_ACL_CHECK. azureClient: the client was authenticated by authenticate() as that device.
    Decision check(std::string_view clientId, bool azureClient, std::string_view topic, Access access,
                   int qos) const;

    // A device's publish on $iothub/X: the topic the broker should route instead.
    static std::optional<std::string> inboundTopic(std::string_view deviceId, std::string_view topic);
    // The hub's publish on $fleet/iothub-to/{device}/X: {device, "$iothub/X"}.
    static std::optional<std::pair<std::string, std::string>> outboundTarget(std::string_view topic);
    static std::string presenceTopic(std::string_view deviceId);

    // The pieces of the SAS check, public for tests.
    static std::optional<std::string> base64Decode(std::string_view text);
    static std::string base64Encode(std::string_view bytes);
    static std::optional<std::string> percentDecode(std::string_view text);
    static std::string percentEncode(std::string_view text);
    static bool validDeviceId(std::string_view id);

private:
    std::string m_hostName;
    std::unordered_map<std::string, std::string> m_keys; // device id → decoded key
    std::int64_t m_keysMtime = -1;
    std::int64_t m_keysSize = -1;
};

} // namespace fleet::broker
