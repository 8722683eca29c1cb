#include "shadowbatchcommand.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "commands/operatoractions.h"
#include "commands/operatorservices.h"
#include "exitcode.h"
#include "fleet/fleetregistry.h"
#include "mqtt/mqttclient.h"
#include "output.h"
#include "shadow/shadowclient.h"
#include "shadow/shadowtopic.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

using DeviceResult = OperatorActions::DeviceResult;

QString statusKey(DeviceResult::Status status)
{
    switch (status) {
    case DeviceResult::Status::Accepted:
        return u"accepted"_s;
    case DeviceResult::Status::Held:
        return u"held"_s;
    case DeviceResult::Status::ChangedSince:
        return u"changed-since"_s;
    case DeviceResult::Status::Refused:
        break;
    }
    return u"refused"_s;
}

} // namespace

ShadowBatchCommand::ShadowBatchCommand(QObject *parent)
    : SendCommand(u"shadow"_s, parent)
{}

ShadowBatchCommand::~ShadowBatchCommand() = default;

bool ShadowBatchCommand::isBatch(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == "--"_L1)
            return false;
        if (argument == "--group"_L1 || argument == "--devices"_L1 || argument.startsWith("--group="_L1) ||
            argument.startsWith("--devices="_L1))
            return true;
    }
    return false;
}

QString ShadowBatchCommand::description() const
{
    return tr("Sets the desired state of many devices in one action:\n"
              "\n"
              "  update --group GROUP DESIRED      every member of GROUP (retained presence, then each "
              "device's\n"
              "                                    classic shadow, which announces its groups)\n"
              "  update --devices A,B,C DESIRED    the devices named\n"
              "\n"
              "DESIRED is a JSON object ('{\"limit\":5}'), or - to read it from standard input. Each "
              "device's "
              "desired state is read, then updated at that version, at most %1 devices at a time and at most "
              "%2 in all; a key the gate's catalog lists as sensitive is held by fleet-hub for an approver, "
              "device by device (at most %3 devices then). One line per device as it is done: accepted "
              "(with the new version), held, or refused (with the service's code and message). The devices "
              "that accepted are ONE entry of the rollback history: 'fleetctl rollback ID' restores every "
              "device's previous values, and leaves alone a device whose desired state changed since.\n"
              "\n"
              "Exit status: 0 every device accepted (or is held for approval); 1 a device refused it, or the "
              "batch was refused whole (no members, too many devices); 2 usage error; 3 cannot connect; 4 "
              "every failure was a timeout.")
        .arg(OperatorActions::MaxBatchInFlight)
        .arg(OperatorActions::MaxBatchDevices)
        .arg(OperatorActions::MaxHeldBatchDevices);
}

QString ShadowBatchCommand::jsonHelp() const
{
    return tr("One JSON line per device ({\"device\", \"status\", \"version\" or \"code\" and \"message\"}), "
              "then a summary ({\"entry\", \"total\", \"accepted\", \"held\", \"refused\"}).");
}

void ShadowBatchCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"group"_s, tr("Every member of GROUP."), tr("GROUP")},
        {u"devices"_s, tr("The devices named, comma-separated."), tr("A,B,C")},
        {u"name"_s, tr("Named shadow (default: the classic shadow)."), tr("SHADOW")},
    });
    parser.addPositionalArgument(u"action"_s, tr("update."), u"shadow update"_s);
    parser.addPositionalArgument(u"desired"_s, tr("The desired state as a JSON object, or -."), u"DESIRED"_s);
}

std::optional<int> ShadowBatchCommand::readArguments(const QCommandLineParser &parser,
                                                     const QStringList &positional)
{
    if (positional.value(0) != "update"_L1)
        return usageError(tr("--group and --devices apply to update only."));
    if (parser.isSet(u"group"_s) == parser.isSet(u"devices"_s))
        return usageError(tr("Give --group GROUP or --devices A,B,C (one of them)."));
    m_group = parser.value(u"group"_s);
    if (parser.isSet(u"group"_s) && m_group.isEmpty())
        return usageError(tr("--group needs a group name."));
    if (parser.isSet(u"devices"_s)) {
        m_devices = parser.value(u"devices"_s).split(u',', Qt::SkipEmptyParts);
        for (QString &device : m_devices)
            device = device.trimmed();
        if (m_devices.isEmpty())
            return usageError(tr("--devices needs at least one device."));
        for (const QString &device : std::as_const(m_devices)) {
            if (!ShadowTopic::isValidThingName(device))
                return usageError(tr("\"%1\" is not a valid thing name.").arg(device));
        }
    }
    m_shadow = parser.value(u"name"_s);
    if (parser.isSet(u"name"_s) && !ShadowTopic::isValidShadowName(m_shadow))
        return usageError(tr("\"%1\" is not a valid shadow name.").arg(m_shadow));
    if (positional.size() < 2)
        return usageError(tr("Missing the desired state (a JSON object)."));
    if (positional.size() > 2)
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(2)));
    QByteArray text = positional.at(1).toUtf8();
    if (positional.at(1) == "-"_L1) {
        if (parser.isSet(u"password-stdin"_s))
            return usageError(tr("--password-stdin cannot be combined with reading the state from standard "
                                 "input (-); use FLEET_MQTT_PASSWORD."));
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return usageError(tr("Cannot read standard input."));
        text = in.read(NetworkJson::DefaultMaxBytes + 1);
    }
    QString error;
    const std::optional<Json> patch = NetworkJson::parse(text, &error);
    if (!patch)
        return usageError(tr("DESIRED is not valid JSON: %1").arg(error));
    if (!patch->is_object())
        return usageError(tr("DESIRED must be a JSON object."));
    m_patch = *patch;
    return std::nullopt;
}

void ShadowBatchCommand::run()
{
    discoverGate([this] {
        if (!setUpServices(false))
            return;
        if (m_group.isEmpty())
            return sendBatch();
        resolveGroup();
    });
}

void ShadowBatchCommand::resolveGroup()
{
    // The registry reads what the console reads: retained presence names the devices, and each one's classic
    // shadow (read below, the replies arriving on get/accepted) the groups it announces.
    m_registry = new FleetRegistry(this);
    connect(client(), &MqttClient::messageReceived, m_registry, &FleetRegistry::ingest);
    for (const QString &filter : m_registry->subscriptionFilters())
        client()->subscribe(filter, 0);
    afterRetained(200, [this] {
        m_registry->flush();
        for (int row = 0; row < m_registry->count(); ++row)
            m_toRead.append(m_registry->summaryAt(row).id);
        connect(m_services->shadows(), &ShadowClient::requestFinished, this, [this](const QString &token) {
            if (m_reading.remove(token))
                readNextShadows();
        });
        readNextShadows();
    });
}

void ShadowBatchCommand::readNextShadows()
{
    while (m_reading.size() < OperatorActions::MaxBatchInFlight && !m_toRead.isEmpty())
        m_reading.insert(m_services->shadows()->get(m_toRead.takeFirst()));
    if (!m_reading.isEmpty() || isDone())
        return;
    // From the event loop: the last reply's requestFinished() comes before the registry has read the same
    // message (ShadowClient was connected to the client first).
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_registry->flush();
            m_actions->setGroupMembersSource(
                [registry = m_registry](const QString &group) { return registry->devicesInGroup(group); });
            sendBatch();
        },
        Qt::QueuedConnection);
}

void ShadowBatchCommand::sendBatch()
{
    // Each request keeps its own time (--timeout); a batch of thousands outlasts any overall deadline.
    stopDeadline();
    OperatorActions::DesiredBatch batch;
    batch.devices = m_devices;
    batch.group = m_group;
    batch.shadowName = m_shadow;
    batch.patch = m_patch;
    const OperatorActions::BatchPreview preview = m_actions->previewBatch(batch);
    if (!preview.problem.isEmpty())
        return fail(Rejected, preview.problem);
    if (!json())
        writeErr(
            tr("desired %1 on %n devices%2", nullptr, int(preview.devices.size()))
                .arg(compactJson(m_patch), preview.needsApproval
                                               ? tr(" (sensitive: each device's change is held for approval)")
                                               : QString()));
    if (!preview.azureDevices.isEmpty())
        writeErr(tr("left out, Azure IoT Hub devices whose desired properties are in a twin (fleetctl twin "
                    "update): %1")
                     .arg(preview.azureDevices.join(u", "_s)));
    const auto progress = [this](const DeviceResult &r, int done, int total) {
        if (isDone())
            return;
        if (json()) {
            Json line{{"device", utf8(r.device)}, {"status", utf8(statusKey(r.status))}};
            if (r.version)
                line["version"] = *r.version;
            if (r.status != DeviceResult::Status::Accepted) {
                line["code"] = r.errorCode;
                line["message"] = utf8(r.error);
            }
            return writeOut(compactJson(line));
        }
        QString what;
        switch (r.status) {
        case DeviceResult::Status::Accepted:
            what = tr("accepted (version %1)").arg(r.version.value_or(0));
            break;
        case DeviceResult::Status::Held:
            what = tr("held for approval");
            break;
        case DeviceResult::Status::ChangedSince:
            what = tr("changed since: left as it is");
            break;
        case DeviceResult::Status::Refused:
            what = r.serviceError ? tr("refused: error %1: %2").arg(r.errorCode).arg(r.error)
                                  : tr("refused: %1").arg(r.error);
            break;
        }
        writeOut(tr("[%1/%2] %3: %4").arg(done).arg(total).arg(r.device, what));
    };
    m_actions->updateDesiredMany(batch, this, progress, [this](const OperatorActions::Outcome &o) {
        if (isDone())
            return;
        if (o.deviceResults.isEmpty())
            return fail(Rejected, o.error);
        int accepted = 0, held = 0, refused = 0, timedOut = 0, notSent = 0;
        for (const DeviceResult &r : o.deviceResults) {
            accepted += r.status == DeviceResult::Status::Accepted;
            held += r.status == DeviceResult::Status::Held;
            if (r.status != DeviceResult::Status::Refused)
                continue;
            ++refused;
            timedOut += !r.serviceError && r.errorCode == ShadowClient::TimedOut;
            notSent += !r.serviceError && r.errorCode == ShadowClient::NotSent;
        }
        if (!o.note.isEmpty())
            writeErr(u"fleetctl: "_s + o.note);
        if (json()) {
            writeOut(compactJson(Json{{"entry", o.rollbackEntry},
                                      {"total", o.deviceResults.size()},
                                      {"accepted", accepted},
                                      {"held", held},
                                      {"refused", refused}}));
        } else {
            writeOut(tr("%1 of %2 devices accepted, %3 held for approval, %4 refused")
                         .arg(accepted)
                         .arg(o.deviceResults.size())
                         .arg(held)
                         .arg(refused));
            if (o.rollbackEntry > 0)
                writeOut(tr("rollback entry %1 ('fleetctl rollback %1' undoes it on every device)")
                             .arg(o.rollbackEntry));
        }
        if (refused == 0)
            return done(Success);
        done(timedOut == refused ? TimedOut : notSent == refused ? ConnectionFailed : Rejected);
    });
}

} // namespace fleet::ctl
