#pragma once

#include "mqtt/brokerprofile.h"
#include "simconfig.h"
#include "simdevice.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace fleet::test {

// fleet-sim devices in the test's own process, for tests that drive commands at them: created from a
// configuration (ids PREFIX-1 …), started one by one until each is online with every subscription granted,
// and stopped cleanly (offline published, disconnected) when the object goes.
class SimDevices final
{
public:
    // A non-empty password goes with profile.username, for a broker with a password file.
    SimDevices(const sim::SimConfig &config, const BrokerProfile &profile, const QString &password = {});
    ~SimDevices();
    SimDevices(const SimDevices &) = delete;
    SimDevices &operator=(const SimDevices &) = delete;

    // False when a device did not come online in time.
    bool start();

    int size() const { return int(m_devices.size()); }
    sim::SimDevice *at(int i) const { return m_devices.at(size_t(i)).get(); }
    QString id(int i) const { return at(i)->id(); }
    QStringList ids() const;

private:
    std::unique_ptr<sim::SimConfig> m_config; // the devices keep a reference
    std::vector<std::unique_ptr<sim::SimDevice>> m_devices;
};

} // namespace fleet::test
