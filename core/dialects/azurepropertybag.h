#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

#include <optional>
#include <utility>

namespace fleet {

// The property bag IoT Hub carries at the end of a device's message topics (protocols.md C):
//   devices/{id}/messages/events/{bag}        device to cloud
//   devices/{id}/messages/devicebound/{bag}   cloud to device
// as `k=v&k2=v2`, keys and values percent-encoded. It comes from the network, so decode() bounds what it
// reads before doing any work.
class AzurePropertyBag final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AzurePropertyBag)

public:
    enum class Direction { DeviceToCloud, CloudToDevice };

    // IoT Hub's own limits are per message (256 KB with properties); these are far above any real bag and
    // keep a hostile topic from costing more than a glance.
    static constexpr int MaxProperties = 64;
    static constexpr qsizetype MaxBagChars = 8 * 1024;

    struct Decoded
    {
        // In the order they came; a repeated key is kept as often as it came.
        QList<QPair<QString, QString>> system; // $.mid, $.cid, $.ct, $.ce, $.to, $.exp, other $.*, iothub-*
        QList<QPair<QString, QString>> application; // everything else
    };

    // The bag's properties, or nullopt with *error (translated): over MaxBagChars or MaxProperties, a
    // malformed percent escape, an escape that is not UTF-8, or an empty key. A key without '=' is a property
    // with an empty value, as IoT Hub reads it; empty segments ("a=1&&b=2", a trailing '&') are skipped. An
    // empty bag is valid and has no properties.
    static std::optional<Decoded> decode(QStringView bag, QString *error);
    // The bag for properties, keys and values percent-encoded.
    static QString encode(const QList<QPair<QString, QString>> &properties);
    // Whether IoT Hub reads key as a system property rather than an application one.
    static bool isSystemProperty(QStringView key);

    // A device message topic's device id and bag ("" when the topic ends before or right after the '/'), or
    // nullopt when topic is not one of direction's topics or the device id is empty or holds '+' or '#'.
    static std::optional<std::pair<QString, QString>> splitTopic(QStringView topic, Direction direction);

    // Properties as a person types them, one name=value per line (blanks around each trimmed, empty lines
    // skipped, the value may hold '='), or nullopt with *error (translated) naming the first line that is
    // not name=value.
    static std::optional<QList<QPair<QString, QString>>> parseLines(const QString &text, QString *error);

    // Percent-decoding as IoT Hub's topics and SAS tokens use it: "%XX" is a byte, '+' stays '+' (it is not
    // form encoding), and the bytes must be UTF-8. Nullopt with *error on a malformed escape.
    static std::optional<QString> percentDecode(QStringView text, QString *error);
};

} // namespace fleet
