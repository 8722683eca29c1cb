#pragma once

#include "mqttproperties.h"

#include <QList>

#include <mosquitto.h>

#include <utility>

namespace fleet {

// MQTT 5 properties as a libmosquitto property list, and back. The list frees itself; ownership can be handed
// to the library with release(). For core/mqtt's .cpp files only: it includes mosquitto.h, which mqttclient.h
// keeps from its users.
class MosquittoProperties final
{
public:
    MosquittoProperties() = default;
    MosquittoProperties(const MosquittoProperties &) = delete;
    MosquittoProperties &operator=(const MosquittoProperties &) = delete;
    ~MosquittoProperties() { mosquitto_property_free_all(&m_list); }

    mosquitto_property **out() { return &m_list; }
    const mosquitto_property *get() const { return m_list; }
    mosquitto_property *release() { return std::exchange(m_list, nullptr); }

    // Appends the properties that are set; false if the library refused one (or correlation data is longer
    // than 65,535 bytes).
    bool add(const MqttProperties &properties);
    // Reads a received list into out. Topic aliases are skipped (the library resolves them), and so are
    // subscription identifiers, which are not an application's properties: subscriptionIdentifiers() reads
    // them.
    static void read(const mosquitto_property *list, MqttProperties &out);
    static QList<quint32> subscriptionIdentifiers(const mosquitto_property *list);

private:
    mosquitto_property *m_list = nullptr;
};

} // namespace fleet
