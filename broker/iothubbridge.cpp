#include "iothubbridge.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

namespace fleet::broker {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// A subscription filter is allowed when it is the granted filter itself or a narrower one below its fixed
// part ("$iothub/twin/res/#" grants "$iothub/twin/res/200/#"); wildcards above it would reach further.
bool filterWithin(std::string_view filter, std::string_view fixedPart)
{
    return startsWith(filter, fixedPart);
}

} // namespace

IotHubBridge::IotHubBridge(std::string hostName)
    : m_hostName(std::move(hostName))
{}

bool IotHubBridge::validDeviceId(std::string_view id)
{
    // IoT Hub's rule: ASCII letters, digits and - . % _ * ? ! ( ) , : = @ $ ' ; here without the ones that
    // are MQTT wildcards or would make a topic ambiguous.
    if (id.empty() || id.size() > MaxDeviceIdLength)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("-._:@").find(c) != std::string_view::npos;
    });
}

bool IotHubBridge::loadKeys(const std::string &path, std::string *error)
{
    std::ifstream in(path);
    if (!in) {
        *error = "cannot read " + path;
        return false;
    }
    std::unordered_map<std::string, std::string> keys;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream fields(line);
        std::string id, key, extra;
        if (!(fields >> id) || id[0] == '#')
            continue;
        const auto decoded = (fields >> key) ? base64Decode(key) : std::nullopt;
        if (!validDeviceId(id) || !decoded || decoded->empty() || (fields >> extra)) {
            *error = path + ":" + std::to_string(number) + ": expected \"deviceId base64Key\"";
            return false;
        }
        keys[id] = *decoded;
    }
    m_keys = std::move(keys);
    struct stat info
    {};
    if (::stat(path.c_str(), &info) == 0) {
        m_keysMtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
        m_keysSize = info.st_size;
    }
    return true;
}

bool IotHubBridge::reloadKeysIfChanged(const std::string &path, std::string *error)
{
    struct stat info
    {};
    if (::stat(path.c_str(), &info) != 0) {
        *error = "cannot read " + path;
        return false;
    }
    const std::int64_t mtime =
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    if (mtime == m_keysMtime && info.st_size == m_keysSize)
        return true;
    return loadKeys(path, error);
}

void IotHubBridge::setKey(const std::string &deviceId, const std::string &base64Key)
{
    if (const auto decoded = base64Decode(base64Key))
        m_keys[deviceId] = *decoded;
}

bool IotHubBridge::isDevice(std::string_view clientId) const
{
    return m_keys.find(std::string(clientId)) != m_keys.end();
}

IotHubBridge::Decision IotHubBridge::authenticate(std::string_view clientId, const char *username,
                                                  const char *password, std::time_t now,
                                                  std::string *why) const
{
    const auto key = m_keys.find(std::string(clientId));
    if (key == m_keys.end())
        return Decision::Defer;
    const auto refuse = [why](std::string reason) {
        *why = std::move(reason);
        return Decision::Deny;
    };
    if (!username || !password)
        return refuse("no username or SAS token");

    // {host}/{device}/?api-version=…: the device in the username must be the client id, as IoT Hub requires.
    const std::string_view user(username);
    const std::size_t hostEnd = user.find('/');
    if (hostEnd == std::string_view::npos || hostEnd == 0)
        return refuse("username is not {host}/{device}/?api-version=…");
    const std::string_view host = user.substr(0, hostEnd);
    const std::string_view afterHost = user.substr(hostEnd + 1);
    if (!startsWith(afterHost, clientId) ||
        (afterHost.size() > clientId.size() && afterHost.substr(clientId.size(), 2) != "/?" &&
         afterHost.substr(clientId.size()) != "/"))
        return refuse("username does not name this device");
    if (!m_hostName.empty() && !equalsIgnoringCase(host, m_hostName))
        return refuse("username names another hub");

    const std::string_view token(password);
    constexpr std::string_view scheme = "SharedAccessSignature ";
    if (token.size() > MaxTokenLength || !startsWith(token, scheme))
        return refuse("password is not a SAS token");
    std::string_view sr, sig, se;
    bool seen[3] = {false, false, false}; // an empty value is a field too: "sr=&sr=…" repeats sr
    std::string_view rest = token.substr(scheme.size());
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view field = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const std::size_t eq = field.find('=');
        if (eq == std::string_view::npos)
            return refuse("malformed SAS token");
        const std::string_view name = field.substr(0, eq), value = field.substr(eq + 1);
        const int index = name == "sr" ? 0 : name == "sig" ? 1 : name == "se" ? 2 : -1;
        if (index >= 0) {
            if (seen[index])
                return refuse("SAS token repeats a field");
            seen[index] = true;
            *(index == 0 ? &sr : index == 1 ? &sig : &se) = value;
        }
    }
    if (sr.empty() || sig.empty() || se.empty())
        return refuse("SAS token lacks sr, sig or se");

    long long expiry = 0;
    const auto [end, ec] = std::from_chars(se.data(), se.data() + se.size(), expiry);
    if (ec != std::errc() || end != se.data() + se.size())
        return refuse("SAS token expiry is not a number");
    if (expiry <= now)
        return refuse("SAS token expired");

    // The resource must be this device on the host the username names: a token for another device, or for
    // the whole hub, does not open this one.
    const auto resource = percentDecode(sr);
    const std::string expected = std::string(host) + "/devices/" + std::string(clientId);
    if (!resource || !equalsIgnoringCase(resource->substr(0, host.size()), host) ||
        resource->substr(std::min(resource->size(), host.size())) != expected.substr(host.size()))
        return refuse("SAS token is for another resource");

    // The signer signed the resource as it wrote it in sr, so sign exactly that text.
    const std::string toSign = std::string(sr) + "\n" + std::string(se);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int macLength = 0;
    if (!HMAC(EVP_sha256(), key->second.data(), static_cast<int>(key->second.size()),
              reinterpret_cast<const unsigned char *>(toSign.data()), toSign.size(), mac.data(), &macLength))
        return refuse("cannot compute HMAC");
    const std::string computed =
        base64Encode(std::string_view(reinterpret_cast<const char *>(mac.data()), macLength));
    const auto given = percentDecode(sig);
    if (!given || given->size() != computed.size() ||
        CRYPTO_memcmp(given->data(), computed.data(), computed.size()) != 0)
        return refuse("SAS signature does not match the device key");
    return Decision::Allow;
}

IotHubBridge::Decision IotHubBridge::check(std::string_view clientId, bool azureClient,
                                           std::string_view topic, Access access, int qos) const
{
    const bool hubTopic = startsWith(topic, DeviceTopicPrefix);
    if (!azureClient) {
        // Nothing is routed on $iothub/…; no one but a device publishes there, and a client id taken by an
        // Azure device that did not sign in as one gets nothing at all.
        if (hubTopic)
            return access == Access::Unsubscribe ? Decision::Allow : Decision::Deny;
        if (isDevice(clientId)) {
            // A device's persistent session while it is offline: only the device can sign in with its id,
            // so the session is the device's, and its cloud-to-device messages wait in it.
            const std::string own = "devices/" + std::string(clientId) + "/messages/devicebound/";
            if (access == Access::Unsubscribe || (access == Access::Read && startsWith(topic, own)))
                return Decision::Allow;
            return Decision::Deny;
        }
        return Decision::Defer;
    }

    const std::string own = "devices/" + std::string(clientId) + "/messages/";
    switch (access) {
    case Access::Unsubscribe:
        return Decision::Allow;
    case Access::Write: {
        // IoT Hub closes the connection of a device that publishes at QoS 2; refusing the publish is our
        // nearest equivalent. A long topic is refused too: the plugin lengthens $iothub/… topics, and one
        // near MQTT's 65,535 bytes would wrap the length the broker writes.
        if (qos > 1 || topic.size() > MaxTopicLength)
            return Decision::Deny;
        const bool allowed = startsWith(topic, "$iothub/twin/GET/") ||
                             startsWith(topic, "$iothub/twin/PATCH/properties/reported/") ||
                             startsWith(topic, "$iothub/methods/res/") || topic == own + "events" ||
                             startsWith(topic, own + "events/");
        return allowed && topic.find_first_of("+#") == std::string_view::npos ? Decision::Allow
                                                                              : Decision::Deny;
    }
    case Access::Subscribe: {
        const bool allowed = filterWithin(topic, "$iothub/twin/res/") ||
                             filterWithin(topic, "$iothub/methods/POST/") ||
                             filterWithin(topic, "$iothub/twin/PATCH/properties/desired/") ||
                             filterWithin(topic, own + "devicebound/") || topic == own + "devicebound";
        return allowed ? Decision::Allow : Decision::Deny;
    }
    case Access::Read:
        return hubTopic || startsWith(topic, own + "devicebound") ? Decision::Allow : Decision::Deny;
    }
    return Decision::Deny;
}

std::optional<std::string> IotHubBridge::inboundTopic(std::string_view deviceId, std::string_view topic)
{
    if (!startsWith(topic, DeviceTopicPrefix))
        return std::nullopt;
    return std::string(InboundPrefix) + std::string(deviceId) + "/" +
           std::string(topic.substr(DeviceTopicPrefix.size()));
}

std::optional<std::pair<std::string, std::string>> IotHubBridge::outboundTarget(std::string_view topic)
{
    if (!startsWith(topic, OutboundPrefix))
        return std::nullopt;
    const std::string_view rest = topic.substr(OutboundPrefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || !validDeviceId(rest.substr(0, slash)) || slash + 1 == rest.size())
        return std::nullopt;
    return std::make_pair(std::string(rest.substr(0, slash)),
                          std::string(DeviceTopicPrefix) + std::string(rest.substr(slash + 1)));
}

std::string IotHubBridge::presenceTopic(std::string_view deviceId)
{
    return std::string(PresencePrefix) + std::string(deviceId);
}

std::optional<std::string> IotHubBridge::base64Decode(std::string_view text)
{
    if (text.empty() || text.size() % 4 != 0)
        return std::nullopt;
    // EVP_DecodeBlock reads '=' anywhere as zero bits: only the standard alphabet, with one or two '=' at
    // the very end, is a key.
    const std::size_t last = text.find_last_not_of('=');
    if (last == std::string_view::npos || text.size() - last - 1 > 2)
        return std::nullopt;
    const std::size_t padding = text.size() - last - 1;
    for (std::size_t i = 0; i <= last; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!std::isalnum(c) && c != '+' && c != '/')
            return std::nullopt;
    }
    std::string out(text.size() / 4 * 3, '\0');
    const int length =
        EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                        reinterpret_cast<const unsigned char *>(text.data()), static_cast<int>(text.size()));
    if (length < 0)
        return std::nullopt;
    // EVP_DecodeBlock counts the padding as zero bytes.
    out.resize(static_cast<std::size_t>(length) - padding);
    return out;
}

std::string IotHubBridge::base64Encode(std::string_view bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                       reinterpret_cast<const unsigned char *>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::optional<std::string> IotHubBridge::percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
            return std::nullopt;
        int value = 0;
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
        out += static_cast<char>(value);
        i += 2;
    }
    return out;
}

std::string IotHubBridge::percentEncode(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 15];
        }
    }
    return out;
}

} // namespace fleet::broker
