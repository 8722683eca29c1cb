#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// Azure IoT Hub shared access signatures, the MQTT password of a device that authenticates with a key
// (protocols.md C):
//   SharedAccessSignature sr={urlencode(resourceUri)}&sig={urlencode(signature)}&se={expiry}
//   signature = base64(HMAC-SHA256(base64decode(key), urlencode(resourceUri) + "\n" + expiry))
// token() signs as a device does; parse() and verify() check a token as the hub does, for fleet-hub and the
// simulator. Tokens come from the network, so parse() bounds and checks everything before it is used.
class AzureSas final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AzureSas)

public:
    // IoT Hub refuses longer passwords; a real device token is about 150 characters.
    static constexpr qsizetype MaxTokenChars = 4096;

    struct Parsed
    {
        QString resourceUri;  // decoded
        QByteArray signature; // decoded from base64
        qint64 expiry = 0;    // seconds since the epoch
        QString keyName;      // skn, only in tokens signed with a hub's shared access policy; empty otherwise
    };

    // The token, or an empty string with *error (translated) when base64Key is empty or not base64, or
    // resourceUri is empty, or expiry is negative.
    static QString token(const QByteArray &base64Key, const QString &resourceUri, qint64 expiryEpochSeconds,
                         QString *error = nullptr);
    // A token's fields, in any order: sr, sig and se are required, skn is optional, anything else is
    // refused, as is a token over MaxTokenChars, a field given twice or empty, an se that is not a
    // non-negative integer, a sig that is not base64, or a malformed percent escape.
    static std::optional<Parsed> parse(const QString &token, QString *error);
    // Whether token grants access to expectedResourceUri at nowEpochSeconds under base64Key: it parses,
    // names expectedResourceUri (the host part compared case-insensitively, as DNS names are; the device id
    // exactly, as IoT Hub's ids are case-sensitive), has not expired (expiry > now) and its signature is the
    // key's, compared in constant time. Unlike IoT Hub with a hub-level policy, a token scoped to a prefix of
    // the resource (the hub, or "{hub}/devices") is refused: these are device keys.
    static bool verify(const QString &token, const QByteArray &base64Key, const QString &expectedResourceUri,
                       qint64 nowEpochSeconds, QString *error);
    // {hostName}/devices/{deviceId}: what a device's token is scoped to.
    static QString resourceUri(const QString &hostName, const QString &deviceId);
};

} // namespace fleet
