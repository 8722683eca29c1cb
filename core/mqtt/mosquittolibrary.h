#pragma once

#include <QString>

namespace fleet {

// libmosquitto's set-up for the whole process (mosquitto_lib_init()), done once; MqttClient calls it before
// it makes a handle. It is defined beside the socketpair() override in mosquittolibrary.cpp, and that call is
// what makes the linker take the override out of the static library: a program that only uses MqttClient
// never names socketpair() itself.
void initMosquittoLibrary();

// The version of the libmosquitto the program runs with ("2.0.11"), which may differ from the headers it
// was built against: the About dialog reports it to whoever files a bug.
QString mosquittoLibraryVersion();

} // namespace fleet
