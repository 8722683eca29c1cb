#include "mosquittolibrary.h"

#include <dlfcn.h>
#include <mosquitto.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <mutex>

// libmosquitto gives every client a socket pair besides its connection, to wake the select() of its own
// network loop, and writes a byte to it for every packet it queues. MqttClient drives the library from the Qt
// event loop and never reads the pair, so each connection would hold three descriptors instead of one
// (fleet-sim's 10,000 devices: 30,000, beyond many hard limits) and, after a few hundred packets, about 200
// KB of kernel socket buffer that nothing frees. libmosquitto 2.0 has no option to do without the pair, but
// it works without one: when socketpair() fails it logs a warning, skips the wake-up writes and sends every
// packet directly, which is what an external loop wants. So every program linking MqttClient refuses
// socketpair() to libmosquitto, and to libmosquitto only (the caller is found by its return address); every
// other caller gets the real one.
extern "C" int socketpair(int domain, int type, int protocol, int fds[2]) noexcept
{
    Dl_info caller = {};
    if (::dladdr(__builtin_return_address(0), &caller) != 0 && caller.dli_fname &&
        std::strstr(caller.dli_fname, "libmosquitto") != nullptr) {
        errno = EOPNOTSUPP;
        return -1;
    }
    using Function = int (*)(int, int, int, int *);
    static const auto real = reinterpret_cast<Function>(::dlsym(RTLD_NEXT, "socketpair"));
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    return real(domain, type, protocol, fds);
}

namespace fleet {

void initMosquittoLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

QString mosquittoLibraryVersion()
{
    int major = 0;
    int minor = 0;
    int revision = 0;
    mosquitto_lib_version(&major, &minor, &revision);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision);
}

} // namespace fleet
