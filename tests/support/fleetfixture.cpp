#include "fleetfixture.h"
#include "postgresserver.h"

#include "brokerobserver.h"
#include "mqtt/mqttmessage.h"

#include <QFileInfo>

#include <utility>

using namespace Qt::StringLiterals;

namespace fleet::test {

FleetFixture::FleetFixture(Options options)
    : m_options(std::move(options))
{}

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
    m_broker = std::make_unique<MosquittoBroker>(m_options.broker);
    if (!m_broker->start()) {
        m_error = m_broker->errorString();
        return false;
    }
    if (m_options.hub && !startHub())
        return false;
    if (devices == 0)
        return true; // the test starts devices of its own, as it needs them
    sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 0;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    BrokerProfile deviceProfile = profile();
    deviceProfile.username = m_options.deviceUser.name;
    m_devices = std::make_unique<SimDevices>(config, deviceProfile, m_options.deviceUser.password);
    if (!m_devices->start()) {
        m_error = u"the simulated devices did not come online"_s;
        return false;
    }
    return true;
}

bool FleetFixture::startHub()
{
    if (!QFileInfo(HubProcess::executable()).isExecutable()) {
        m_error = u"fleet-hub is not built: "_s + HubProcess::executable();
        return false;
    }
    QStringList arguments = {u"--broker"_s, m_broker->url(), u"--db"_s,
                             hubDatabase(m_dir.filePath(u"hub.sqlite"_s))};
    QProcessEnvironment environment = HubProcess::cleanEnvironment();
    if (!m_options.hubUser.name.isEmpty()) {
        arguments << u"--username"_s << m_options.hubUser.name;
        environment.insert(u"FLEET_MQTT_PASSWORD"_s, m_options.hubUser.password);
    }
    const BrokerProfile tls = profile();
    if (!tls.caFile.isEmpty())
        arguments << u"--ca"_s << tls.caFile;
    if (!tls.certificateFile.isEmpty())
        arguments << u"--cert"_s << tls.certificateFile << u"--key"_s << tls.keyFile;
    m_hub.start(arguments, environment);
    if (!m_hub.waitForServing()) {
        m_error = m_hub.log();
        return false;
    }
    return true;
}

BrokerProfile FleetFixture::profile() const
{
    BrokerProfile profile = profileFor(*m_broker);
    if (m_options.broker.tls != MosquittoBroker::Tls::Off)
        profile.caFile = m_broker->caFile();
    if (m_options.broker.tls == MosquittoBroker::Tls::Mutual) {
        profile.certificateFile = m_broker->clientCertFile();
        profile.keyFile = m_broker->clientKeyFile();
    }
    return profile;
}

} // namespace fleet::test
