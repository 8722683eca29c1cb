#include "trackerfanout.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "benchsupport.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"
#include "store/commandledger.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet::bench {

namespace {

using State = CommandExecution::State;

struct WireReply
{
    QString topic;
    QByteArray payload; // shared with the received message, not copied
};

double delta(double before, double after)
{
    return before >= 0 && after >= 0 ? after - before : -1;
}

QString jsonText(const Json &body, const char *key)
{
    const Json *value = jsonMember(body, key);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
}

// What fleet-hub said on the wire about the AWS IoT command executions of a run, keyed by client token (the
// tracker's tid): per execution the hub created for the token, the thing its SUCCEEDED event names (one
// entry per event; "no SUCCEEDED event for ID" when there was none). Counts the hub's answers to the starts
// into result.
QHash<QString, QStringList> awsAnsweredBy(const std::vector<WireReply> &wire, const QString &resultsTopic,
                                          FanoutResult *result)
{
    static const QString succeededTopic = u"$aws/events/commandExecution/show_message/SUCCEEDED"_s;
    static const QString thingArn = u"arn:aws:iot:local:000000000000:thing/"_s;
    QHash<QString, QStringList> executionsOf; // client token -> execution ids
    QHash<QString, QStringList> thingsOf;     // execution id -> the things its SUCCEEDED events name
    for (const WireReply &message : wire) {
        const bool answer = message.topic == resultsTopic;
        if (!answer && message.topic != succeededTopic)
            continue;
        const std::optional<Json> body = NetworkJson::parse(message.payload);
        if (!body || !body->is_object())
            continue;
        const QString executionId = jsonText(*body, "executionId");
        if (answer) {
            if (executionId.isEmpty()) {
                ++result->awsRefused;
                continue;
            }
            if (jsonText(*body, "status") == "CREATED"_L1)
                ++result->awsCreated;
            QStringList &ids = executionsOf[jsonText(*body, "clientToken")];
            if (!ids.contains(executionId))
                ids.append(executionId);
            continue;
        }
        const QString target = jsonText(*body, "targetArn");
        thingsOf[executionId].append(target.startsWith(thingArn) ? target.mid(thingArn.size()) : target);
    }
    QHash<QString, QStringList> answeredBy;
    answeredBy.reserve(executionsOf.size());
    for (auto it = executionsOf.cbegin(); it != executionsOf.cend(); ++it) {
        QStringList &things = answeredBy[it.key()];
        for (const QString &executionId : it.value()) {
            const QStringList named = thingsOf.value(executionId);
            if (named.isEmpty())
                things.append(u"no SUCCEEDED event for "_s + executionId);
            else
                things.append(named);
        }
    }
    return answeredBy;
}

} // namespace

TrackerFanout::TrackerFanout(const QString &brokerUrl, int maxInFlight, QObject *parent)
    : QObject(parent)
    , m_brokerUrl(brokerUrl)
    , m_maxInFlight(maxInFlight)
{}

void TrackerFanout::setWatchedProcesses(qint64 brokerPid, qint64 simPid)
{
    m_brokerPid = brokerPid;
    m_simPid = simPid;
}

FanoutResult TrackerFanout::runDevices(const QString &name, const QStringList &devices, const QString &color,
                                       const QString &ledgerPath, SteadyClock::time_point deadline)
{
    return run(name, devices, {u"set_led"_s, Json{{"color", color.toStdString()}}, {}, ledgerPath, {}, {}},
               deadline);
}

FanoutResult TrackerFanout::runGroup(const QString &name, const QString &group, const QStringList &devices,
                                     const QString &color, SteadyClock::time_point deadline)
{
    return run(name, devices, {u"set_led"_s, Json{{"color", color.toStdString()}}, group, {}, {}, {}},
               deadline);
}

FanoutResult TrackerFanout::runThroughGate(const QString &name, const QStringList &devices,
                                           const QString &color, const QString &user,
                                           SteadyClock::time_point deadline)
{
    return run(name, devices, {u"set_led"_s, Json{{"color", color.toStdString()}}, {}, {}, user, {}},
               deadline);
}

FanoutResult TrackerFanout::runAwsCommands(const QString &name, const QStringList &things,
                                           const QString &text, const QString &user,
                                           SteadyClock::time_point deadline)
{
    return run(name, things, {u"show_message"_s, Json{{"text", text.toStdString()}}, {}, {}, {}, user},
               deadline);
}

QString TrackerFanout::gateSubmitPrefix(const QString &user)
{
    return u"fleet/gate/submit/%1/"_s.arg(user);
}

QString TrackerFanout::gateResultsTopic(const QString &user)
{
    return u"fleet/gate/results/"_s + user;
}

QString TrackerFanout::awsResultsTopic(const QString &user)
{
    return u"fleet/aws-commands/results/"_s + user;
}

FanoutResult TrackerFanout::run(const QString &name, const QStringList &devices, const Send &send,
                                SteadyClock::time_point deadline)
{
    const QString &group = send.group;
    const QString &ledgerPath = send.ledgerPath;
    const QString &gateUser = send.gateUser;
    FanoutResult result;
    result.name = name;
    result.tracked = true;
    result.devices = int(devices.size());
    result.group = !group.isEmpty();
    result.ledger = !ledgerPath.isEmpty();
    result.gate = !gateUser.isEmpty();
    result.aws = !send.awsUser.isEmpty();
    result.hub = m_hubPid > 0;
    const int expected = result.devices;

    // Declared in this order so that the tracker goes first, then its ledger, then its client.
    MqttClient client;
    client.setMaxInFlight(m_maxInFlight);
    std::unique_ptr<CommandLedger> ledger;
    if (!ledgerPath.isEmpty()) {
        ledger = std::make_unique<CommandLedger>();
        if (!ledger->open(ledgerPath)) {
            result.error = u"the ledger %1 did not open: %2"_s.arg(ledgerPath, ledger->errorString());
            return result;
        }
    }
    CommandTracker tracker(&client, CommandCatalog::defaultCatalog());
    // The operator's name: with an AWS IoT command, the level of the start topic the hub reads it from.
    tracker.setActor(result.aws ? send.awsUser : u"bench"_s);
    tracker.setLedger(ledger.get());
    int ledgerFailures = 0;
    QString ledgerError;
    connect(&tracker, &CommandTracker::ledgerFailed, this, [&](const QString &message) {
        if (ledgerFailures++ == 0)
            ledgerError = message;
    });
    QStringList filters{tracker.dialect().responseFilter(), tracker.dialect().groupResponseFilter()};
    const QString resultsTopic = result.gate ? gateResultsTopic(gateUser) : QString();
    if (result.gate) {
        tracker.setGatePrefix(gateSubmitPrefix(gateUser), u"fleet/gate/broadcast/%1/"_s.arg(gateUser));
        filters << resultsTopic; // as the console's ApprovalQueue does
    }
    // The tracker subscribes to fleet-hub's answers and events for AWS IoT commands itself, before its first
    // start goes out, as it does in the console.
    if (!connectAndSubscribe(&client, m_brokerUrl, u"bench-fanout-tracker-%1"_s.arg(++m_runs), filters,
                             deadline, &result.error, result.aws ? send.awsUser : gateUser))
        return result;
    if (!group.isEmpty())
        tracker.setGroupMembers(group, devices); // the progress's total: every device is expected to answer

    // The replies as they came off the wire, kept for the check afterwards (a reference per message, so that
    // keeping them costs next to nothing while the clock runs). For an AWS IoT command: fleet-hub's answer
    // and its CREATED, IN_PROGRESS and final events, four per execution.
    std::vector<WireReply> wire;
    wire.reserve(std::size_t(expected) * (result.aws ? 4 : 1) + 16);
    connect(&client, &MqttClient::messageReceived, this, [&](const MqttMessage &message) {
        if (result.gate && message.topic() == resultsTopic) {
            // What the console's ApprovalQueue does with the gate's answer: a refusal is the verdict.
            const std::optional<Json> body = NetworkJson::parse(message.payload());
            const Json *outcome = body ? jsonMember(*body, "outcome") : nullptr;
            const Json *request = body ? jsonMember(*body, "request") : nullptr;
            if (outcome && *outcome == "relayed") {
                ++result.gateRelayed;
            } else if (outcome && *outcome == "refused") {
                ++result.gateRefused;
                const Json *reason = jsonMember(*body, "reason");
                if (request && request->is_string())
                    tracker.refusedByGate(QString::fromStdString(request->get<std::string>()),
                                          reason && reason->is_string()
                                              ? QString::fromStdString(reason->get<std::string>())
                                              : QString());
            } else {
                ++result.gateOtherResults;
            }
            return;
        }
        wire.push_back(WireReply{message.topic(), message.payload()});
    });
    connect(&client, &MqttClient::readyToPublish, this, [&] { ++result.windowFull; });
    // Progress, rather than executionChanged() and a copy of the execution each time: watching must not cost
    // the tracker anything measurable. A fresh tracker has this one broadcast only.
    int done = 0;
    int total = 0;
    std::optional<SteadyClock::time_point> finished;
    connect(&tracker, &CommandTracker::broadcastProgress, this, [&](const QString &, int d, int t) {
        done = d;
        total = t;
        if (t > 0 && d >= t && !finished)
            finished = SteadyClock::now();
    });

    const qint64 self = QCoreApplication::applicationPid();
    const double cpuBefore = processCpuSeconds(self);
    const double brokerBefore = processCpuSeconds(m_brokerPid);
    const double simBefore = processCpuSeconds(m_simPid);
    const double hubBefore = m_hubPid > 0 ? processCpuSeconds(m_hubPid) : -1;
    const SteadyClock::time_point start = SteadyClock::now();
    QString error;
    const QString broadcastId = group.isEmpty()
                                    ? tracker.sendToDevices(devices, send.command, send.parameters, &error)
                                    : tracker.sendToGroup(group, send.command, send.parameters, &error);
    result.sendSeconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    if (broadcastId.isEmpty()) {
        result.error = u"the tracker refused the command: "_s + error;
        return result;
    }
    result.ran = true;
    waitUntil([&] { return finished.has_value(); }, deadline);
    result.waitedSeconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    result.driverCpuSeconds = delta(cpuBefore, processCpuSeconds(self));
    result.brokerCpuSeconds = delta(brokerBefore, processCpuSeconds(m_brokerPid));
    result.simCpuSeconds = delta(simBefore, processCpuSeconds(m_simPid));
    if (m_hubPid > 0)
        result.hubCpuSeconds = delta(hubBefore, processCpuSeconds(m_hubPid));
    if (finished)
        result.seconds = std::chrono::duration<double>(*finished - start).count();
    // Outside the measured time: the gate's answer to every request, which it published together with the
    // relayed request, so they are normally all in by the last verdict.
    if (result.gate) {
        waitUntil(
            [&] { return result.gateRelayed + result.gateRefused + result.gateOtherResults >= expected; },
            std::min(deadline, SteadyClock::now() + std::chrono::seconds(2)));
    }
    disconnect(&client, nullptr, this, nullptr);
    disconnect(&tracker, &CommandTracker::broadcastProgress, this, nullptr);

    // Outside the measured time. Who answered which tid on the wire: the key is the execution id the reply
    // belongs to (the tid; "tid/device" for a group's part). For an AWS IoT command, the device answers the
    // hub: which thing the hub's SUCCEEDED event names for the execution it created for the tid.
    QHash<QString, QStringList> answeredBy;
    answeredBy.reserve(expected);
    if (result.aws) {
        answeredBy = awsAnsweredBy(wire, awsResultsTopic(send.awsUser), &result);
    } else {
        for (const WireReply &message : wire) {
            const std::optional<AtlasReply> reply =
                tracker.dialect().decodeReply(message.topic, message.payload);
            if (!reply || !reply->isFinal() || !reply->tid)
                continue;
            answeredBy[group.isEmpty() ? *reply->tid : *reply->tid + u'/' + reply->device].append(
                reply->device);
        }
    }

    const QSet<QString> members(devices.cbegin(), devices.cend());
    QSet<QString> seen;
    QSet<QString> withVerdict;
    QMap<State, int> pending; // of the executions still without a verdict
    for (const CommandExecution &e : tracker.executions()) {
        if (e.broadcastId != broadcastId)
            continue;
        ++result.requests;
        if (!members.contains(e.device)) {
            result.addProblem(u"an execution for %1, which was not addressed"_s.arg(e.device));
            continue;
        }
        if (seen.contains(e.device)) {
            result.addProblem(u"a second execution for %1"_s.arg(e.device));
            continue;
        }
        seen.insert(e.device);
        if (!e.isFinal()) {
            ++pending[e.state]; // lost, counted below
            continue;
        }
        withVerdict.insert(e.device);
        if (e.attempts == 0)
            ++result.neverSent;
        ++result.completed;
        result.latency.add(std::chrono::milliseconds(e.transitions.constLast().timeMs - e.createdMs()));
        switch (e.state) {
        case State::Succeeded:
            ++result.succeeded;
            break;
        case State::Failed:
            ++result.failed;
            break;
        case State::TimedOut:
            ++result.timedOut;
            break;
        case State::Unreachable:
            ++result.unreachable;
            break;
        default:
            ++result.otherStates;
            break;
        }
        // With faults off, the only right verdict is success, from one final reply of its own device.
        if (e.state != State::Succeeded) {
            result.addProblem(u"%1: %2 (%3)"_s.arg(e.device, CommandExecution::stateKey(e.state), e.reason));
            continue;
        }
        // A retry (the same tid again, after an attempt's timeout) is answered again by the device, and the
        // tracker keeps that copy flagged as a duplicate: not wrong, but counted, since with a device that
        // answers within milliseconds only a tracker too busy to read its replies retries.
        if (e.attempts > 1)
            ++result.retried;
        int finals = 0;
        int duplicates = 0;
        int otherFlags = 0;
        for (const CommandExecution::Reply &reply : e.replies) {
            if (reply.duplicate && !reply.late && !reply.outOfOrder)
                ++duplicates;
            else if (reply.isFlagged())
                ++otherFlags;
            else if (reply.status != AtlasReply::Status::Running)
                ++finals;
        }
        result.duplicateReplies += duplicates;
        if (finals != 1 || otherFlags > 0 || e.droppedReplies > 0) {
            result.addProblem(
                u"%1: %2 final replies, %3 late or out of order"_s.arg(e.device).arg(finals).arg(otherFlags));
            continue;
        }
        const QStringList from = answeredBy.value(e.id);
        if (result.aws) {
            // One execution at the hub per start, and its SUCCEEDED event is this thing's.
            if (from.size() != 1 || from.constFirst() != e.device)
                result.addProblem(u"%1: fleet-hub's executions for start %2 and the things their SUCCEEDED "_s
                                  u"events name: [%3]"_s.arg(e.device, e.id, from.join(u", "_s)));
        } else if (from.isEmpty() || from.count(e.device) != from.size()) {
            result.addProblem(u"%1: execution %2 was answered on the wire by [%3]"_s.arg(e.device, e.id,
                                                                                         from.join(u", "_s)));
        }
    }
    result.lost = expected - int(withVerdict.size());
    QStringList states;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        states << u"%1 %2"_s.arg(CommandExecution::stateKey(it.key()), grouped(it.value()));
    if (int(seen.size()) < expected)
        states << u"never created %1"_s.arg(grouped(expected - int(seen.size())));
    result.lostStates = states.join(u", "_s);
    result.unmatchedReplies = tracker.unmatchedReplies();
    if (result.unmatchedReplies > 0)
        result.addProblem(u"%1 replies matched no execution"_s.arg(result.unmatchedReplies));
    if (ledgerFailures > 0)
        result.addProblem(u"%1 ledger writes failed, the first: %2"_s.arg(ledgerFailures).arg(ledgerError));
    client.disconnectFromBroker();
    return result;
}

} // namespace fleet::bench
