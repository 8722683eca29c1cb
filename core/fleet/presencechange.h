#pragma once

#include "device.h"

#include <QMetaType>
#include <QtGlobal>

namespace fleet {

// One change of a device's connectivity as the console observed it (FleetRegistry::presenceHistory()).
// observedMs is when the console received the message that told it, in milliseconds since the epoch, which
// is not always when the device changed: a retained presence message is the state the broker kept, delivered
// when the console subscribed, and says nothing of since when.
struct PresenceChange
{
    enum class Source : quint8 {
        Live,     // a presence message published while the console listened (the device's, or its Last Will)
        Retained, // the broker's retained presence, delivered on subscribing: already so when the console
                  // came
        Activity, // no presence message: the device sent something while it was not known to be online
    };

    Device::Connectivity connectivity = Device::Connectivity::Unknown;
    qint64 observedMs = 0;
    Source source = Source::Live;

    bool isRetained() const { return source == Source::Retained; }

    friend bool operator==(const PresenceChange &, const PresenceChange &) = default;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::PresenceChange)
