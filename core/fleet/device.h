#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QtGlobal>

namespace fleet {

// One device of the fleet as FleetRegistry knows it: a snapshot built on request, so that views and tests
// hold plain values while the registry keeps its own compact storage. Times are milliseconds since the epoch;
// 0 means "not known" (a retained presence message says how a device is, not since when).
struct Device
{
    enum class Connectivity : quint8 { Unknown, Online, Offline };

    // The classic shadow, as the last update/documents or get/accepted described it.
    struct ShadowSummary
    {
        bool known = false;           // no shadow document seen yet (or the shadow was deleted)
        bool inSync = false;          // every desired key matches reported
        int differingDesiredKeys = 0; // top-level keys of the delta
        qint64 version = 0;

        friend bool operator==(const ShadowSummary &, const ShadowSummary &) = default;
    };

    QString id;
    Connectivity connectivity = Connectivity::Unknown;
    qint64 connectivitySince = 0; // when connectivity last changed, 0 when not known
    qint64 lastSeen = 0;          // the last live message from the device itself, 0 for never
    QStringList groups;           // manual, pattern and attribute groups, sorted
    ShadowSummary shadow;
    int pendingCommands = 0;
    // The reported state's top-level scalars (strings, numbers, booleans); nested objects and arrays are left
    // to the shadow view.
    QVariantMap attributes;

    friend bool operator==(const Device &, const Device &) = default;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::Device)
