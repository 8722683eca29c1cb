#include "simdevices.h"

#include "brokerobserver.h"

#include <QSignalSpy>
#include <QTest>

namespace fleet::test {

SimDevices::SimDevices(const sim::SimConfig &config, const BrokerProfile &profile, const QString &password)
    : m_config(std::make_unique<sim::SimConfig>(config))
{
    for (int n = 1; n <= config.devices; ++n) {
        m_devices.push_back(std::make_unique<sim::SimDevice>(n, *m_config, profile, nullptr));
        if (!password.isEmpty())
            m_devices.back()->setPassword(password);
    }
}

SimDevices::~SimDevices()
{
    for (const auto &device : m_devices) {
        if (device->client()->state() == MqttClient::State::Disconnected)
            continue; // never started, or a test stopped it already
        QSignalSpy stopped(device.get(), &sim::SimDevice::stopped);
        device->stop();
        if (stopped.isEmpty())
            stopped.wait(DefaultTimeoutMs);
    }
}

bool SimDevices::start()
{
    for (const auto &device : m_devices) {
        device->start();
        sim::SimDevice *d = device.get();
        if (!QTest::qWaitFor([d] { return d->isOnline() && subscriptionsGranted(*d->client()); },
                             DefaultTimeoutMs))
            return false;
    }
    return true;
}

QStringList SimDevices::ids() const
{
    QStringList ids;
    for (const auto &device : m_devices)
        ids.append(device->id());
    return ids;
}

} // namespace fleet::test
