#include "azurebenchmark.h"

#include "azurestack.h"
#include "benchsupport.h"
#include "common/json.h"
#include "dialects/azuresas.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace fleet::bench {

namespace {

// A run fails when nothing completes for this long (the hub died, the broker dropped a request).
constexpr auto StallTimeout = 10s;
// Each timed run starts with the windows filling at once; that burst is not measured.
constexpr auto WarmUp = 500ms;
constexpr int ConnectTimeoutMs = 30000;
constexpr int Kinds = 4;
constexpr int FsyncSamples = 20;

const QString ResultsTopic = u"fleet/azure-methods/results/alice"_s;
const QString PresencePrefix = u"$fleet/iothub-presence/"_s;

void progress(const QString &line)
{
    std::fprintf(stderr, "[azure] %s\n", qPrintable(line));
}

// What every request carries: a reported temperature, numbered. The raw reference sends the same bytes.
QByteArray document(qint64 id)
{
    return R"({"temperature":21.5,"seq":)" + QByteArray::number(id) + '}';
}

// The value of key in a topic's property bag or query ("…/?$rid=12&$version=3", "…/rid=12"); empty when
// absent.
QStringView bagValue(QStringView topic, QStringView key)
{
    const qsizetype slash = topic.lastIndexOf(u'/');
    QStringView bag = topic.mid(slash + 1);
    if (bag.startsWith(u'?'))
        bag = bag.mid(1);
    for (QStringView pair : bag.split(u'&')) {
        if (pair.size() > key.size() && pair.startsWith(key) && pair.at(key.size()) == u'=')
            return pair.mid(key.size() + 1);
    }
    return {};
}

qint64 number(QStringView text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? value : -1;
}

Json parse(const QByteArray &payload)
{
    return Json::parse(payload.cbegin(), payload.cend(), nullptr, false);
}

// What one commit of the hub's costs at least: SQLite in WAL mode with synchronous=FULL appends to the log
// and syncs it once per transaction. The median of FsyncSamples 4 KiB appends, each followed by fdatasync, in
// dir; negative when the file cannot be written.
double fsyncMs(const QString &dir)
{
    QFile file(QDir(dir).filePath(u"fsync-probe"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    const QByteArray block(4096, 'x');
    LatencyRecorder samples;
    for (int i = 0; i < FsyncSamples; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (file.write(block) != block.size() || !file.flush() || ::fdatasync(file.handle()) != 0)
            return -1;
        samples.add(std::chrono::steady_clock::now() - start);
    }
    file.remove();
    return samples.percentileMs(50);
}

// The 1-minute load average: other work on the machine shares its cores with the three processes measured.
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(file.readLine().split(' ').constFirst());
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString ratio(double value, double reference)
{
    return reference > 0 ? QString::number(value / reference, 'f', 2) : u"–"_s;
}

} // namespace

AzureBenchmark::AzureBenchmark(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

AzureBenchmark::~AzureBenchmark()
{
    // The clients go before the processes they talk to (children would outlive m_stack).
    for (Device &device : m_devices)
        delete device.client;
    m_devices.clear();
    delete m_operator;
    m_stack.reset();
}

QString AzureBenchmark::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Raw:
        return u"raw"_s;
    case Kind::Patch:
        return u"reported patch"_s;
    case Kind::Get:
        return u"twin GET"_s;
    case Kind::Method:
        return u"direct method"_s;
    }
    return {};
}

bool AzureBenchmark::setUp(QString *error)
{
    m_stack = std::make_unique<AzureStack>();
    if (!m_stack->start(m_options.devices, inFlight() + 16, error))
        return false;
    return connectOperator(error) && connectDevices(error);
}

// alice, the operator: her method results, and the plugin's presence announcements, which tell when fleet-hub
// (subscribed to the same topics) knows every device to be connected.
bool AzureBenchmark::connectOperator(QString *error)
{
    m_operator = new MqttClient(this);
    m_operator->setProfile(m_stack->profileFor(u"alice"_s, u"bench-alice"_s));
    m_operator->setPassword(m_stack->password(u"alice"_s));
    m_operator->setMaxInFlight(inFlight() + 16);
    connect(m_operator, &MqttClient::messageReceived, this, &AzureBenchmark::onOperatorMessage);
    connect(m_operator, &MqttClient::readyToPublish, this, [this] {
        if (m_active && m_active->kind == Kind::Method)
            pump(-1);
    });
    int granted = 0;
    QEventLoop loop;
    connect(m_operator, &MqttClient::subscribed, &loop, [&] {
        if (++granted == 2)
            loop.quit();
    });
    connect(m_operator, &MqttClient::errorOccurred, &loop, [&](MqttClient::Error, const QString &message) {
        *error = u"alice: "_s + message;
        loop.quit();
    });
    QTimer::singleShot(ConnectTimeoutMs, &loop, [&] {
        *error = u"alice: no SUBACK in time"_s;
        loop.quit();
    });
    if (!m_operator->subscribe(ResultsTopic, 1) || !m_operator->subscribe(PresencePrefix + u'+', 1) ||
        !m_operator->connectToBroker()) {
        *error = u"alice: "_s + m_operator->errorString();
        return false;
    }
    loop.exec();
    disconnect(m_operator, nullptr, &loop, nullptr);
    return granted == 2;
}

// Every device at once, as a fleet coming up would: MQTT 3.1.1 over TLS, client id = device id, the IoT Hub
// user name, a SAS token valid for an hour, no clean session; subscribed to twin replies, method calls and
// its cloud-to-device messages, as Microsoft's SDKs subscribe.
bool AzureBenchmark::connectDevices(QString *error)
{
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + 3600;
    int ready = 0;
    QEventLoop loop;
    m_devices.resize(std::size_t(m_options.devices));
    for (int i = 0; i < m_options.devices; ++i) {
        Device &device = m_devices[std::size_t(i)];
        device.id = u"az-%1"_s.arg(i + 1);
        device.client = new MqttClient(this);
        BrokerProfile profile = m_stack->profileFor(
            u"%1/%2/?api-version=2021-04-12"_s.arg(m_stack->hostName(), device.id), device.id);
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        profile.cleanStart = false;
        device.client->setProfile(profile);
        device.client->setPassword(AzureSas::token(m_stack->azureKey(device.id).toLatin1(),
                                                   AzureSas::resourceUri(m_stack->hostName(), device.id),
                                                   expiry));
        connect(device.client, &MqttClient::messageReceived, this,
                [this, i](const MqttMessage &message) { onDeviceMessage(i, message); });
        const QStringList filters = {u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                                     u"devices/%1/messages/devicebound/#"_s.arg(device.id)};
        auto granted = std::make_shared<int>(0);
        connect(device.client, &MqttClient::subscribed, &loop, [&, granted, count = filters.size()] {
            if (++*granted == count && ++ready == m_options.devices && m_present.size() == m_options.devices)
                loop.quit();
        });
        connect(device.client, &MqttClient::errorOccurred, &loop,
                [&, id = device.id](MqttClient::Error, const QString &message) {
                    *error = u"%1: %2"_s.arg(id, message);
                    loop.quit();
                });
        for (const QString &filter : filters)
            device.client->subscribe(filter, 1);
        if (!device.client->connectToBroker()) {
            *error = u"%1: %2"_s.arg(device.id, device.client->errorString());
            return false;
        }
    }
    // Presence: the hub answers 404 to a method call for a device it does not know to be connected.
    QTimer presence;
    connect(&presence, &QTimer::timeout, &loop, [&] {
        if (ready == m_options.devices && m_present.size() == m_options.devices)
            loop.quit();
    });
    presence.start(50);
    QTimer::singleShot(ConnectTimeoutMs, &loop, [&] {
        *error = u"%1 of %2 devices subscribed and %3 announced connected after %4 s"_s.arg(ready)
                     .arg(m_options.devices)
                     .arg(m_present.size())
                     .arg(ConnectTimeoutMs / 1000);
        loop.quit();
    });
    loop.exec();
    for (const Device &device : m_devices)
        disconnect(device.client, nullptr, &loop, nullptr);
    return error->isEmpty() && ready == m_options.devices && m_present.size() == m_options.devices;
}

void AzureBenchmark::onOperatorMessage(const MqttMessage &message)
{
    const Clock::time_point now = Clock::now();
    const QString &topic = message.topic();
    if (topic.startsWith(PresencePrefix)) {
        const Json body = parse(message.payload());
        const QString device = topic.mid(PresencePrefix.size());
        const Json *connected = jsonMember(body, "connected");
        if (connected && connected->is_boolean() && connected->get<bool>())
            m_present.insert(device);
        else
            m_present.remove(device);
        return;
    }
    if (topic != ResultsTopic)
        return;
    const Json body = parse(message.payload());
    const Json *requestId = jsonMember(body, "requestId");
    const Json *status = jsonMember(body, "status");
    if (!requestId || !requestId->is_string() || !status || !status->is_number_integer())
        return fail(u"a result that is not one: "_s + QString::fromUtf8(message.payload()));
    const QString id = QString::fromStdString(requestId->get<std::string>());
    if (status->get<int>() != 200)
        return fail(u"method call %1 ended with %2"_s.arg(id, QString::fromUtf8(message.payload())));
    if (id.startsWith(u'm'))
        complete(Kind::Method, number(QStringView(id).mid(1)), -1, now);
}

void AzureBenchmark::onDeviceMessage(int index, const MqttMessage &message)
{
    const Clock::time_point now = Clock::now();
    const QString &topic = message.topic();
    Device &device = m_devices[std::size_t(index)];
    if (topic.startsWith("$iothub/methods/POST/"_L1)) {
        // A device that answers at once, as the simulator's do for set_led.
        const QStringView rid = bagValue(topic, u"$rid");
        if (device.client->publish(u"$iothub/methods/res/200/?$rid="_s + rid.toString(), R"({"led":"red"})",
                                   0) < 0)
            fail(u"%1 could not answer: %2"_s.arg(device.id, device.client->errorString()));
        return;
    }
    if (topic.startsWith("$iothub/twin/res/"_L1)) {
        const int status = topic.section(u'/', 3, 3).toInt();
        const qint64 id = number(bagValue(topic, u"$rid"));
        if (status == 204)
            return complete(Kind::Patch, id, index, now);
        if (status == 200) {
            // The device reads the twin it asked for.
            const Json twin = parse(message.payload());
            if (!jsonMember(twin, "reported"))
                return fail(u"%1: a twin without reported properties: %2"_s.arg(
                    device.id, QString::fromUtf8(message.payload().left(200))));
            return complete(Kind::Get, id, index, now);
        }
        return fail(u"%1: %2 %3"_s.arg(device.id, topic, QString::fromUtf8(message.payload().left(200))));
    }
    if (topic.contains("/messages/devicebound/"_L1)) {
        // The same parse a device gives its cloud-to-device message.
        if (!parse(message.payload()).is_object())
            return fail(u"%1: an echo that is not the document sent"_s.arg(device.id));
        complete(Kind::Raw, number(bagValue(topic, u"rid")), index, now);
    }
}

void AzureBenchmark::fail(const QString &message)
{
    if (!m_active || !m_active->run->error.isEmpty())
        return;
    m_active->run->error = message;
    m_active->loop->quit();
}

bool AzureBenchmark::send(int device)
{
    Active &a = *m_active;
    Device &target = m_devices[std::size_t(device)];
    const qint64 id = m_nextId;
    MqttClient *client = target.client;
    MqttMessage message;
    switch (a.kind) {
    case Kind::Raw:
        message = MqttMessage(u"devices/%1/messages/events/rid=%2"_s.arg(target.id).arg(id), document(id), 0);
        break;
    case Kind::Patch:
        message = MqttMessage(u"$iothub/twin/PATCH/properties/reported/?$rid=%1"_s.arg(id), document(id), 0);
        break;
    case Kind::Get:
        message = MqttMessage(u"$iothub/twin/GET/?$rid=%1"_s.arg(id), QByteArray(), 0);
        break;
    case Kind::Method: {
        client = m_operator;
        const Json request{{"deviceId", target.id.toStdString()},
                           {"methodName", "set_led"},
                           {"payload", {{"color", "red"}}},
                           {"responseTimeoutInSeconds", 30}};
        message =
            MqttMessage(u"fleet/azure-methods/invoke/alice/m%1"_s.arg(id), compactJsonBytes(request), 1);
        break;
    }
    }
    a.sent.push_back(Clock::now());
    a.owner.push_back(device);
    a.done.push_back(false);
    if (client->publish(message) < 0) {
        a.sent.pop_back();
        a.owner.pop_back();
        a.done.pop_back();
        if (client->error() != MqttClient::Error::InFlightWindowFull)
            fail(u"publish refused: "_s + client->errorString());
        return false; // a full window: readyToPublish() pumps again
    }
    ++m_nextId;
    ++a.outstanding;
    ++target.outstanding;
    ++target.sent;
    return true;
}

// Fills a device's window (device >= 0) or the operator's (device -1, round robin over the devices).
void AzureBenchmark::pump(int device)
{
    Active &a = *m_active;
    if (a.kind == Kind::Method) {
        while (!a.stopping && a.run->error.isEmpty() && a.outstanding < inFlight()) {
            if (!send(a.nextDevice))
                return;
            a.nextDevice = (a.nextDevice + 1) % m_options.devices;
        }
        return;
    }
    const int window = a.perDevice > 0 ? 1 : m_options.window;
    Device &target = m_devices[std::size_t(device)];
    while (!a.stopping && a.run->error.isEmpty() && target.outstanding < window &&
           (a.perDevice == 0 || target.sent < a.perDevice)) {
        if (!send(device))
            return;
    }
}

void AzureBenchmark::complete(Kind kind, qint64 id, int device, Clock::time_point now)
{
    if (!m_active || m_active->kind != kind)
        return; // a straggler of an earlier run
    Active &a = *m_active;
    const qint64 index = id - a.firstId;
    if (index < 0 || index >= qint64(a.sent.size()) || a.done[std::size_t(index)])
        return; // an earlier run's, or a QoS 1 duplicate
    const int owner = a.owner[std::size_t(index)];
    if (device >= 0 && device != owner)
        return fail(u"%1 received the reply to %2's request %3"_s
                        .arg(m_devices[std::size_t(device)].id, m_devices[std::size_t(owner)].id)
                        .arg(id));
    a.done[std::size_t(index)] = true;
    --a.outstanding;
    --m_devices[std::size_t(owner)].outstanding;
    a.lastProgress = now;
    if (a.measuring) {
        ++a.run->completed;
        a.run->latency.add(now - a.sent[std::size_t(index)]);
    }
    const bool countDone = a.perDevice > 0 && a.run->completed == a.perDevice * m_options.devices;
    if ((a.stopping && a.outstanding == 0) || countDone) {
        a.loop->quit();
        return;
    }
    pump(kind == Kind::Method ? -1 : owner);
}

AzureBenchmark::Run AzureBenchmark::drive(Kind kind, int perDevice)
{
    Run run;
    QEventLoop loop;
    m_active = std::make_unique<Active>();
    Active &a = *m_active;
    a.kind = kind;
    a.run = &run;
    a.loop = &loop;
    a.firstId = m_nextId;
    a.perDevice = perDevice;
    a.lastProgress = Clock::now();
    for (Device &device : m_devices)
        device.outstanding = device.sent = 0;

    const qint64 driverPid = QCoreApplication::applicationPid();
    double hubCpu = 0, echoCpu = 0, brokerCpu = 0, driverCpu = 0;
    Clock::time_point measureStart;
    const auto startMeasuring = [&] {
        a.measuring = true;
        measureStart = Clock::now();
        hubCpu = processCpuSeconds(m_stack->hubPid());
        echoCpu = processCpuSeconds(m_stack->echoPid());
        brokerCpu = processCpuSeconds(m_stack->brokerPid());
        driverCpu = processCpuSeconds(driverPid);
    };
    const auto cpuSince = [](double before, qint64 pid) {
        const double after = processCpuSeconds(pid);
        return before >= 0 && after >= 0 ? after - before : -1;
    };
    const auto stopMeasuring = [&] {
        if (!a.measuring)
            return;
        a.measuring = false;
        run.seconds = std::chrono::duration<double>(Clock::now() - measureStart).count();
        run.hubCpuSeconds = cpuSince(hubCpu, m_stack->hubPid());
        run.echoCpuSeconds = cpuSince(echoCpu, m_stack->echoPid());
        run.brokerCpuSeconds = cpuSince(brokerCpu, m_stack->brokerPid());
        run.driverCpuSeconds = cpuSince(driverCpu, driverPid);
    };

    QTimer warmUp, deadline, watchdog;
    warmUp.setSingleShot(true);
    deadline.setSingleShot(true);
    // A coarse timer may fire 5 % early; the measured time is taken from the clock anyway.
    warmUp.setTimerType(Qt::PreciseTimer);
    deadline.setTimerType(Qt::PreciseTimer);
    connect(&warmUp, &QTimer::timeout, &loop, startMeasuring);
    connect(&deadline, &QTimer::timeout, &loop, [&] {
        stopMeasuring();
        a.stopping = true; // what is in flight drains, unmeasured
        if (a.outstanding == 0)
            loop.quit();
    });
    connect(&watchdog, &QTimer::timeout, &loop, [&] {
        if (Clock::now() - a.lastProgress > StallTimeout)
            fail(u"stalled: %1 in flight, nothing completed for %2 s"_s.arg(a.outstanding)
                     .arg(std::chrono::duration_cast<std::chrono::seconds>(StallTimeout).count()));
    });
    watchdog.start(500);
    QTimer::singleShot(0, &loop, [&] {
        if (perDevice > 0) {
            startMeasuring();
        } else {
            warmUp.start(WarmUp);
            deadline.start(WarmUp + std::chrono::milliseconds(qint64(m_options.seconds * 1000)));
        }
        if (kind == Kind::Method) {
            pump(-1);
        } else {
            for (int i = 0; i < m_options.devices; ++i)
                pump(i);
        }
    });
    loop.exec();
    stopMeasuring();
    m_active.reset();

    run.ok = run.error.isEmpty();
    if (!run.ok)
        progress(u"%1 failed: %2"_s.arg(kindName(kind), run.error));
    // Late duplicates and the hub's other messages (twin documents) drain before the next run starts.
    QEventLoop settle;
    QTimer::singleShot(150ms, &settle, &QEventLoop::quit);
    settle.exec();
    return run;
}

const AzureBenchmark::Run &AzureBenchmark::median(const std::vector<Run> &runs)
{
    std::vector<const Run *> sorted;
    for (const Run &run : runs)
        sorted.push_back(&run);
    std::sort(sorted.begin(), sorted.end(), [](const Run *a, const Run *b) { return a->rate() < b->rate(); });
    return *sorted[(sorted.size() - 1) / 2];
}

int AzureBenchmark::run()
{
    const Clock::time_point begin = Clock::now();
    m_loadAverage = loadAverage();
    QString error;
    if (!setUp(&error)) {
        progress(u"setup failed: "_s + error);
        if (m_stack && !m_stack->hubRunning())
            progress(u"fleet-hub: "_s + m_stack->hubLog());
        return 1;
    }
    progress(u"mosquitto %1 (pid %2) with fleet_iothub, fleet-hub pid %3, echo pid %4; %5 devices connected "
             "in %6 s; databases in %7 (%8)"_s.arg(m_stack->url())
                 .arg(m_stack->brokerPid())
                 .arg(m_stack->hubPid())
                 .arg(m_stack->echoPid())
                 .arg(m_options.devices)
                 .arg(std::chrono::duration<double>(Clock::now() - begin).count(), 0, 'f', 1)
                 .arg(m_stack->databaseDir(), m_stack->fileSystem()));

    m_fsyncMs = fsyncMs(m_stack->databaseDir());
    bool ok = true;
    const auto report = [&](const QString &what, const Run &run) {
        ok = ok && run.ok;
        progress(u"%1: %2 in %3 s = %4/s, p50 %5 ms, p99 %6 ms"_s.arg(what)
                     .arg(run.completed)
                     .arg(run.seconds, 0, 'f', 2)
                     .arg(grouped(run.rate()))
                     .arg(ms(run.latency.percentileMs(50)), ms(run.latency.percentileMs(99))));
    };

    // Every twin exists before the measured patches, which then change existing rows.
    const Run create = drive(Kind::Patch, 1);
    report(u"creating %1 twins"_s.arg(m_options.devices), create);

    std::vector<Run> runs[Kinds];
    for (int r = 0; r < m_options.repetitions && ok; ++r) {
        for (const Kind kind : {Kind::Raw, Kind::Patch, Kind::Get, Kind::Method}) {
            runs[int(kind)].push_back(drive(kind));
            report(u"%1, %2 in flight, run %3"_s.arg(kindName(kind)).arg(inFlight()).arg(r + 1),
                   runs[int(kind)].back());
            if (!ok)
                break;
        }
    }
    if (!ok) {
        if (!m_stack->hubRunning())
            progress(u"fleet-hub exited: "_s + m_stack->hubLog());
        if (!m_stack->echoRunning())
            progress(u"the echo exited: "_s + m_stack->echoLog());
        return 1;
    }
    m_elapsedSeconds = std::chrono::duration<double>(Clock::now() - begin).count();
    m_loadAverage += u" at the start, "_s + loadAverage() + u" at the end"_s;

    const QString section = markdown(create, runs);
    std::fprintf(stdout, "%s", qPrintable(section));
    if (!m_options.reportPath.isEmpty()) {
        if (!writeReportSection(m_options.reportPath, u"azure"_s, section, &error)) {
            progress(error);
            return 1;
        }
        progress(u"wrote the azure section of "_s + m_options.reportPath);
    }
    if (!m_stack->hubRunning()) {
        progress(u"fleet-hub exited during the benchmark: "_s + m_stack->hubLog());
        return 1;
    }
    return 0;
}

QString AzureBenchmark::markdown(const Run &create, const std::vector<Run> (&runs)[4]) const
{
    const Run &raw = median(runs[int(Kind::Raw)]);
    // Each ratio is taken within a repetition, against the raw run just before it, and the median of those
    // is reported: other work on the machine then moves both sides of a ratio alike.
    const auto pairedRatio = [&](Kind kind, const std::function<double(const Run &)> &metric) {
        std::vector<double> ratios;
        for (std::size_t r = 0; r < runs[int(kind)].size() && r < runs[int(Kind::Raw)].size(); ++r) {
            const double reference = metric(runs[int(Kind::Raw)][r]);
            if (reference > 0)
                ratios.push_back(metric(runs[int(kind)][r]) / reference);
        }
        if (ratios.empty())
            return -1.0;
        std::sort(ratios.begin(), ratios.end());
        return ratios[(ratios.size() - 1) / 2];
    };
    const auto formatRatio = [](double value) {
        return value >= 0 ? QString::number(value, 'f', 2) : u"–"_s;
    };
    const auto rates = [&](Kind kind) {
        QStringList text;
        const std::vector<Run> &list = runs[int(kind)];
        for (std::size_t r = 0; r < list.size(); ++r)
            text << u"%1 (%2)"_s.arg(grouped(list[r].rate()),
                                     ratio(list[r].rate(), runs[int(Kind::Raw)][r].rate()));
        return text.join(u" / "_s);
    };
    const auto perRequest = [](double seconds, const Run &run) {
        return seconds >= 0 && run.completed > 0 ? QString::number(seconds * 1e6 / run.completed, 'f', 0)
                                                 : u"–"_s;
    };
    const auto rate = [](const Run &run) { return run.rate(); };
    const auto p50Of = [](const Run &run) { return run.latency.percentileMs(50); };
    const auto p99Of = [](const Run &run) { return run.latency.percentileMs(99); };
    const auto line = [&](const QString &what, int crossings, Kind kind) {
        const Run &run = median(runs[int(kind)]);
        const double serviceCpu = kind == Kind::Raw ? run.echoCpuSeconds : run.hubCpuSeconds;
        QStringList cells = {what,
                             QString::number(crossings),
                             grouped(run.rate()),
                             formatRatio(pairedRatio(kind, rate)),
                             ms(p50Of(run)),
                             ms(p99Of(run)),
                             formatRatio(pairedRatio(kind, p50Of)),
                             formatRatio(pairedRatio(kind, p99Of)),
                             perRequest(serviceCpu, run),
                             perRequest(run.brokerCpuSeconds, run),
                             perRequest(run.driverCpuSeconds, run),
                             rates(kind)};
        return u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
    };

    QString md;
    md += u"<!-- azure:begin -->\n"_s
          u"## Azure IoT Hub: fleet-hub's twins and direct methods against the raw broker round trip\n\n"_s;
    md +=
        u"Measured by `bench_azure` (`./fleet bench`) on %1, %2 s in all.\nMachine: %3; the hub's SQLite "_s
        u"databases on %4, where appending 4 KiB and calling fdatasync takes %5 ms (median of %6); 1-minute "_s
        u"load average %7.\n\n"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
            .arg(m_elapsedSeconds, 0, 'f', 0)
            .arg(machineLine(),
                 m_stack->fileSystem().isEmpty() ? u"an unknown file system"_s : m_stack->fileSystem(),
                 m_fsyncMs >= 0 ? ms(m_fsyncMs) : u"–"_s)
            .arg(FsyncSamples)
            .arg(m_loadAverage);
    md += u"### %1 Azure devices, %2 requests in flight (%3 per device; the operator keeps %2), median of %4 "
          "runs of %5 s\n\n"_s.arg(grouped(m_options.devices), grouped(inFlight()))
              .arg(m_options.window)
              .arg(m_options.repetitions)
              .arg(m_options.seconds, 0, 'g', 3);
    md += u"| Path | broker trips | per s | × raw | p50 ms | p99 ms | p50 × raw | p99 × raw | hub (echo) CPU "
          "µs/req | broker CPU µs/req | driver CPU µs/req | per s (× raw) of each run |\n"_s
          u"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n"_s;
    md += line(u"raw round trip: device event → echo client → device (reference)"_s, 2, Kind::Raw);
    md += line(u"1. twin reported patch → twin/res/204"_s, 2, Kind::Patch);
    md += line(u"2. direct method set_led: invoke → POST → res → result"_s, 4, Kind::Method);
    md += line(u"3. twin GET → twin/res/200"_s, 2, Kind::Get);

    const Run &patch = median(runs[int(Kind::Patch)]);
    const double methodRatio = pairedRatio(Kind::Method, rate);
    md +=
        u"\nThe × raw columns are the median over the repetitions of each run's ratio to the raw run just "_s
        u"before it, so that other work on the machine moves both sides of a ratio alike.\n\n"_s;
    md +=
        u"A direct method call crosses the broker four times (the operator's invoke, the hub's POST to the "_s
        u"device, the device's res, the hub's result) against the reference's two: at the same cost per "_s
        u"crossing it would run at 0.50 × raw with twice the latency. It runs at %1 × raw, %2 × the "_s
        u"reference's rate of crossings.\n\n"_s.arg(formatRatio(methodRatio),
                                                    formatRatio(methodRatio >= 0 ? 2 * methodRatio : -1));
    if (raw.rate() > 0 && patch.rate() > 0)
        md +=
            u"A patch's 204 waits for the commit of its batch: the hub handles what arrived together in one "_s
            u"transaction, on disk (synchronous=FULL, at least one fdatasync) before any reply goes out. "_s
            u"With %1 in flight, Little's law puts the patches' mean time in the system at %2 ms against the "_s
            u"raw round trip's %3 ms.\n\n"_s.arg(grouped(inFlight()))
                .arg(ms(1000.0 * inFlight() / patch.rate()), ms(1000.0 * inFlight() / raw.rate()));
    md += u"Creating the %1 twins first (one reported patch per device, one in flight each): %2/s, p99 %3 "_s
          u"ms.\n\n"_s.arg(grouped(m_options.devices), grouped(create.rate()),
                           ms(create.latency.percentileMs(99)));

    md +=
        u"Method: one mosquitto on 127.0.0.1 set up as `fleet-hub provision` and `./fleet stack` set it up "_s
        u"(password file, ACL, the fleet_iothub plugin, a TLS listener as Microsoft's device SDKs require, "_s
        u"`set_tcp_nodelay true`, logging off) and one `fleet-hub` process on fresh databases with its default "_s
        u"settings (SQLite WAL, synchronous=FULL: a patch is on disk before its 204), connected as the service "_s
        u"account. The devices are fleet::MqttClient connections in the driver process, signed in as Microsoft's "_s
        u"SDKs sign in (MQTT 3.1.1 over TLS, client id = device id, user name "_s
        u"`{host}/{id}/?api-version=2021-04-12`, a SAS token from the device's key); they publish at QoS 0 and "_s
        u"are subscribed at QoS 1, as the SDKs do, and fleet-hub answers at QoS 1. Each device keeps its window "_s
        u"full: a patch `{\"temperature\":21.5,\"seq\":N}` on `$iothub/twin/PATCH/properties/reported/?$rid=N` "_s
        u"until `$iothub/twin/res/204/?$rid=N&$version=V`, or an empty GET until `$iothub/twin/res/200/?$rid=N` "_s
        u"(whose twin the device parses). Method calls come from alice, an operator, on "_s
        u"`fleet/azure-methods/invoke/alice/mN` (QoS 1) with `{\"deviceId\",\"methodName\":\"set_led\","_s
        u"\"payload\":{\"color\":\"red\"},\"responseTimeoutInSeconds\":30}`, round robin over the devices, "_s
        u"until the result on `fleet/azure-methods/results/alice` (status 200 required); set_led is not "_s
        u"sensitive in the default catalog, so the hub calls it without the gate, and each device answers "_s
        u"`$iothub/methods/res/200/?$rid=…` `{\"led\":\"red\"}` as soon as the call arrives. The reference sends "_s
        u"the same document as a device event on `devices/{id}/messages/events/rid=N`, and a bare client in a "_s
        u"process of its own, as fleet-hub is (`bench_azure --echo`, account bench-echo: the same MqttClient and "_s
        u"outbox as fleet-hub), sends it back at QoS 1 on `devices/{id}/messages/devicebound/rid=N`, which the "_s
        u"device parses: the same clients, broker, plugin, ACL, TLS and QoS as the twin paths, without the hub's "_s
        u"work. The echo may keep every request in flight unacknowledged; fleet-hub keeps MqttClient's default of "_s
        u"100 QoS 1 publishes in flight and sends two per patch (the 204 and the twin document for consoles) and "_s
        u"two per method call (the POST and the result). With the echo held to 100 as well, the reference ran "_s
        u"about 20 % slower (measured while writing this benchmark). Each repetition runs raw, patch, GET and "_s
        u"method in turn; each run keeps the windows full for a 0.5 s warm-up (not counted), then for the "_s
        u"measured time, after which what is in flight drains unmeasured. Latency is from publish to completion, "_s
        u"for every request completed in the measured time. CPU time is from /proc/PID/stat of fleet-hub (on the "_s
        u"raw row, the echo process), mosquitto and the driver (every device and alice, one thread) over the "_s
        u"measured time; all three and anything else running share the machine's cores.\n"_s;
    md += u"<!-- azure:end -->\n"_s;
    return md;
}

} // namespace fleet::bench
