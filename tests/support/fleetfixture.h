#pragma once

#include "hubprocess.h"
#include "mosquittobroker.h"
#include "mqtt/brokerprofile.h"
#include "simdevices.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fleet::test {

// What a test may change about the fixture's parts.
struct FleetFixtureOptions
{
    // quiet() unless a test wants every packet in log(). With TLS, the hub, the devices and profile() trust
    // caFile(), and with mutual TLS also present clientCertFile(): each part connects as the broker demands.
    MosquittoBrokerOptions broker = MosquittoBrokerOptions::quiet();
    // False: the broker and the devices only, for tests written against a fleet without a shadow service.
    bool hub = true;
    // On a broker with a password file: the accounts of the hub and of the devices, which must be among
    // broker.users. The hub gets its password from FLEET_MQTT_PASSWORD, as an operator would give it. An
    // empty name connects anonymously.
    MosquittoUser hubUser;
    MosquittoUser deviceUser;

    // A broker that logs every packet, for tests whose failure messages print its log().
    static FleetFixtureOptions verbose()
    {
        FleetFixtureOptions options;
        options.broker = {};
        return options;
    }
};

// What a test of the console's behaviour needs around it: a real mosquitto on a free loopback port, the real
// fleet-hub serving shadows on it (started first, so that the devices' first reports reach it), and
// in-process fleet-sim devices PREFIX-1 … PREFIX-N, online with their subscriptions granted. Everything is
// stopped, devices first, when the fixture goes.
class FleetFixture final
{
public:
    using Options = FleetFixtureOptions;

    explicit FleetFixture(Options options = {});
    ~FleetFixture();
    FleetFixture(const FleetFixture &) = delete;
    FleetFixture &operator=(const FleetFixture &) = delete;

    // False, with errorString(), when a part did not start. With no devices, only the broker and the hub
    // (tests that start devices of their own per test function, with the configuration each needs).
    bool start(const QString &prefix = {}, int devices = 0);
    QString errorString() const { return m_error; }

    MosquittoBroker &broker() const { return *m_broker; }
    HubProcess &hub() { return m_hub; }
    SimDevices &devices() const { return *m_devices; }
    // A profile for the broker with no username, and the certificates its TLS mode needs.
    BrokerProfile profile() const;
    // A file in the fixture's own temporary folder.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    bool startHub();

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoBroker> m_broker;
    HubProcess m_hub;
    std::unique_ptr<SimDevices> m_devices;
    QString m_error;
};

} // namespace fleet::test
