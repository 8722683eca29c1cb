#include "fleetfixture.h"

#include "brokerobserver.h"
#include "mqtt/mqttmessage.h"

using namespace Qt::StringLiterals;

namespace fleet::test {

FleetFixture::FleetFixture() = default;

FleetFixture::~FleetFixture()
{
    // Devices go first (offline published while the broker is there), the broker last.
    m_devices.reset();
    m_hub.stop();
    m_broker.reset();
}

bool FleetFixture::start(const QString &prefix, int devices)
{
    qRegisterMetaType<MqttMessage>();
    if (MosquittoBroker::findMosquitto().isEmpty()) {
        m_error = u"mosquitto is not installed: run ./fleet setup"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return false;
    }
    m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
    if (!m_broker->start()) {
        m_error = m_broker->errorString();
        return false;
    }
    if (!m_hub.startServing(m_broker->url(), m_dir.filePath(u"hub.sqlite"_s))) {
        m_error = m_hub.log();
        return false;
    }
    if (devices == 0)
        return true; // the test starts devices of its own, as it needs them
    sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 0;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    m_devices = std::make_unique<SimDevices>(config, profile());
    if (!m_devices->start()) {
        m_error = u"the simulated devices did not come online"_s;
        return false;
    }
    return true;
}

BrokerProfile FleetFixture::profile() const
{
    return profileFor(*m_broker);
}

} // namespace fleet::test
