#include "rawfanout.h"

#include "common/json.h"

#include "benchsupport.h"
#include "commands/commandcatalog.h"
#include "commands/tidgenerator.h"
#include "dialects/atlasdialect.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <chrono>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

using fleet::Json;

struct Arrival
{
    SteadyClock::time_point time;
    QString topic;
    QByteArray payload; // shared with the received message, not copied
};

double delta(double before, double after)
{
    return before >= 0 && after >= 0 ? after - before : -1;
}

// What a request to one device or one group is made of, exactly as CommandTracker makes it for the same
// catalog command: the catalog's topic and payload, the dialect's envelope with a fresh tid, and on MQTT 5
// the tid as correlation data, the content type and where to answer.
MqttMessage request(const CommandSpec &spec, const AtlasDialect &dialect, const QString &topic,
                    const QString &tid, const Json &payload, const std::optional<QString> &responseTopic)
{
    QByteArray correlation;
    MqttMessage message(topic, dialect.encodeRequest(spec.name, tid, payload, &correlation), 1);
    message.properties().correlationData = correlation;
    message.properties().contentType = spec.contentType;
    message.properties().responseTopic = responseTopic;
    return message;
}

} // namespace

RawFanout::RawFanout(const QString &brokerUrl, int maxInFlight, QObject *parent)
    : QObject(parent)
    , m_brokerUrl(brokerUrl)
    , m_maxInFlight(maxInFlight)
{}

void RawFanout::setWatchedProcesses(qint64 brokerPid, qint64 simPid)
{
    m_brokerPid = brokerPid;
    m_simPid = simPid;
}

FanoutResult RawFanout::runDevices(const QString &name, const QStringList &devices, const QString &color,
                                   SteadyClock::time_point deadline)
{
    return run(name, devices, {}, color, deadline);
}

FanoutResult RawFanout::runGroup(const QString &name, const QString &group, const QStringList &devices,
                                 const QString &color, SteadyClock::time_point deadline)
{
    return run(name, devices, group, color, deadline);
}

FanoutResult RawFanout::run(const QString &name, const QStringList &devices, const QString &group,
                            const QString &color, SteadyClock::time_point deadline)
{
    FanoutResult result;
    result.name = name;
    result.devices = int(devices.size());
    result.group = !group.isEmpty();
    const int expected = result.devices;

    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    const CommandSpec *spec = catalog.find(u"set_led"_s);
    const AtlasDialect dialect;
    const std::optional<Json> payload =
        spec ? spec->buildPayload(Json{{"color", color.toStdString()}}) : std::nullopt;
    if (!payload) {
        result.error = u"the default catalog has no usable set_led"_s;
        return result;
    }

    MqttClient client;
    client.setMaxInFlight(m_maxInFlight);
    const QString filter = group.isEmpty() ? dialect.responseFilter() : dialect.groupResponseFilter();
    if (!connectAndSubscribe(&client, m_brokerUrl, u"bench-fanout-raw-%1"_s.arg(++m_runs), {filter}, deadline,
                             &result.error))
        return result;

    std::vector<Arrival> arrivals;
    arrivals.reserve(std::size_t(expected) + 16);
    SteadyClock::time_point lastArrival;
    connect(&client, &MqttClient::messageReceived, this, [&](const MqttMessage &message) {
        arrivals.push_back(Arrival{SteadyClock::now(), message.topic(), message.payload()});
        if (int(arrivals.size()) == expected)
            lastArrival = arrivals.back().time;
    });

    // Sent tid -> device (the group's tid -> the group), for the check afterwards.
    TidGenerator tids;
    QHash<QString, QString> sentTo;
    sentTo.reserve(expected);
    std::optional<MqttMessage> pending; // refused for a full window, sent first when there is room
    qsizetype next = 0;
    const qsizetype toSend = group.isEmpty() ? devices.size() : 1;
    const auto pump = [&] {
        while (pending || next < toSend) {
            if (!pending) {
                const QString tid = tids.next();
                if (group.isEmpty()) {
                    const QString &device = devices[next];
                    pending = request(*spec, dialect, spec->requestTopic(device, nullptr, tid), tid, *payload,
                                      dialect.responseTopic(device));
                    sentTo.insert(tid, device);
                } else {
                    pending = request(*spec, dialect, spec->groupRequestTopic(group, nullptr, tid), tid,
                                      *payload, dialect.groupResponseTopic(group));
                    sentTo.insert(tid, group);
                }
                ++next;
            }
            if (client.publish(*pending) < 0) {
                if (client.error() == MqttClient::Error::InFlightWindowFull) {
                    ++result.windowFull;
                    return; // readyToPublish() calls again
                }
                result.error = client.errorString();
                next = toSend;
                pending.reset();
                return;
            }
            ++result.requests;
            pending.reset();
        }
    };
    connect(&client, &MqttClient::readyToPublish, this, pump);

    const qint64 self = QCoreApplication::applicationPid();
    const double cpuBefore = processCpuSeconds(self);
    const double brokerBefore = processCpuSeconds(m_brokerPid);
    const double simBefore = processCpuSeconds(m_simPid);
    const SteadyClock::time_point start = SteadyClock::now();
    pump();
    result.ran = result.error.isEmpty();
    const bool done =
        waitUntil([&] { return int(arrivals.size()) >= expected || !result.error.isEmpty(); }, deadline);
    result.waitedSeconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    result.driverCpuSeconds = delta(cpuBefore, processCpuSeconds(self));
    result.brokerCpuSeconds = delta(brokerBefore, processCpuSeconds(m_brokerPid));
    result.simCpuSeconds = delta(simBefore, processCpuSeconds(m_simPid));
    if (done && result.error.isEmpty())
        result.seconds = std::chrono::duration<double>(lastArrival - start).count();
    disconnect(&client, nullptr, this, nullptr);
    client.disconnectFromBroker();

    // Outside the measured time: does every reply answer one of the requests, from the device it went to,
    // once, with success?
    QSet<QString> answered;
    answered.reserve(expected);
    const QSet<QString> members(devices.cbegin(), devices.cend());
    for (const Arrival &arrival : arrivals) {
        QString problem;
        const std::optional<AtlasReply> reply = dialect.decodeReply(arrival.topic, arrival.payload, &problem);
        if (!reply) {
            result.addProblem(u"%1: not a reply (%2)"_s.arg(arrival.topic, problem));
            continue;
        }
        const QString key = group.isEmpty() ? reply->tid.value_or(QString()) : reply->device;
        const QString to = sentTo.value(reply->tid.value_or(QString()));
        if (group.isEmpty() ? to != reply->device : (to != group || !members.contains(reply->device))) {
            result.addProblem(u"a reply from %1 with tid %2, which was not sent to it"_s.arg(
                reply->device, reply->tid.value_or(u"(none)"_s)));
            continue;
        }
        if (!reply->isFinal())
            continue; // a heartbeat; set_led has none, but it would not be wrong
        if (answered.contains(key)) {
            result.addProblem(u"a second final reply from %1"_s.arg(reply->device));
            continue;
        }
        answered.insert(key);
        ++result.completed;
        result.latency.add(arrival.time - start);
        if (reply->status == AtlasReply::Status::Success) {
            ++result.succeeded;
        } else {
            ++result.failed;
            result.addProblem(u"%1 failed: %2"_s.arg(reply->device, reply->reason));
        }
    }
    result.lost = expected - int(answered.size());
    return result;
}

} // namespace fleet::bench
