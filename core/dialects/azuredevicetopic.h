#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fleet {

// The IoT Hub topics a device sees and writes, from the device's side of the connection (protocols.md C):
// what a message the cloud sent it is (a twin answer, a desired patch, a method call, a cloud-to-device
// message) and the topics it answers on. Twin and method topics carry no device id: the connection is the
// device. Topics come from the network, so parse() only slices them; nothing it returns is trusted further
// than its type says (a status is a number, a version a non-negative number, a method name non-empty).
class AzureDeviceTopic final
{
public:
    enum class Kind {
        Unknown,      // not an IoT Hub device topic, or one missing what it must carry (a rid, a status)
        TwinResponse, // $iothub/twin/res/{status}/?$rid={rid}[&$version={v}]
        DesiredPatch, // $iothub/twin/PATCH/properties/desired/?$version={v}
        MethodCall,   // $iothub/methods/POST/{method}/?$rid={rid}
        CloudMessage, // devices/{id}/messages/devicebound/{property bag}
    };

    Kind kind = Kind::Unknown;
    int status = 0;      // TwinResponse
    QString rid;         // TwinResponse, MethodCall
    qint64 version = -1; // TwinResponse (after a reported patch), DesiredPatch; -1 when the topic has none
    QString method;      // MethodCall
    QString deviceId;    // CloudMessage
    QString bag;         // CloudMessage: the property bag, still encoded (AzurePropertyBag::decode reads it)

    static AzureDeviceTopic parse(const QString &topic);

    // A parameter of the query that ends a topic ("…/?$rid=1&$version=2"); empty when it has none.
    static QString queryValue(QStringView topic, QStringView key);

    // What a device subscribes to: twin answers, desired patches, method calls and its cloud-to-device
    // messages.
    static QStringList subscriptions(const QString &deviceId);

    static QString twinGet(const QString &rid);
    static QString twinReported(const QString &rid);
    static QString methodResponse(int status, const QString &rid);
    // devices/{id}/messages/events/{bag}; bag is already encoded (AzurePropertyBag::encode), may be empty.
    static QString deviceToCloud(const QString &deviceId, const QString &bag);
};

} // namespace fleet
