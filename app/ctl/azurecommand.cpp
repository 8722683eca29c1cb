#include "azurecommand.h"

#include "commands/azurehubclient.h"
#include "commands/operatoractions.h"
#include "commands/operatorservices.h"
#include "commands/rollbacklog.h"
#include "common/networkjson.h"
#include "dialects/azurepropertybag.h"
#include "dialects/azuretwin.h"
#include "exitcode.h"
#include "output.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

std::optional<Json> readJson(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (text == "-"_L1) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return std::nullopt;
        bytes = in.read(AzureTwin::MaxSectionBytes + 1024);
    }
    return NetworkJson::parse(bytes, {AzureTwin::MaxSectionBytes + 1024, NetworkJson::DefaultMaxDepth});
}

} // namespace

AzureCommand::AzureCommand(const QString &word, QObject *parent)
    : SendCommand(word, parent)
{}

AzureCommand::~AzureCommand() = default;

QString AzureCommand::summary(const QString &word)
{
    if (word == "twin"_L1)
        return tr("twin get|update DEVICE …   read an Azure device twin, or change its desired properties");
    if (word == "method"_L1)
        return tr("method DEVICE NAME …      call an Azure device's direct method");
    return tr("c2d DEVICE PAYLOAD …       send an Azure device a cloud-to-device message");
}

QString AzureCommand::description() const
{
    if (word() == "twin"_L1)
        return tr(
            "Reads an Azure IoT Hub device twin that fleet-hub keeps, or changes its desired properties:\n"
            "\n"
            "  get DEVICE                       the twin: desired and reported properties with their "
            "$version,\n"
            "                                   and whether the device is connected\n"
            "  update DEVICE DESIRED            a patch of the desired properties, a JSON object (null "
            "removes\n"
            "                                   a key) or - to read it from standard input\n"
            "\n"
            "An update goes through fleet-hub's command gate: a key its catalog lists as sensitive is held "
            "until another person approves it (--wait waits for that). --version N refuses the change "
            "(412) unless the desired properties are still at $version N. The device hears the change at "
            "once when it is connected, or reads it when it comes back. The twin is read first, so that the "
            "change, once accepted, goes into the rollback history with the properties it replaced (fleetctl "
            "rollback ID undoes it); a held change is recorded only with --wait.\n"
            "\n"
            "Exit status: 0 read, or accepted (or held for approval, without --wait); 1 the hub refused it "
            "(unknown device, a broken rule, a stale --version); 2 usage error; 3 cannot connect; 4 no "
            "answer in time; 7 the gate refused it, or an approver rejected it.");
    if (word() == "method"_L1)
        return tr(
            "Calls a direct method of an Azure IoT Hub device through fleet-hub, like IoT Hub's "
            "\"invoke device method\": the device answers with a status and a JSON body.\n"
            "\n"
            "The call goes through fleet-hub's command gate: a method named like a sensitive catalog "
            "command (reboot, set_position, …), or one the catalog does not name, is held until another "
            "person approves it. --payload is the method's JSON argument (default null). --timeout is "
            "how long the device has to answer, from 5 to 300 seconds (default 30); fleet-hub answers "
            "504 when it does not, and 404 at once when the device is not connected.\n"
            "\n"
            "Exit status: 0 the device answered 2xx (or, without --wait, the call was submitted); 1 the hub "
            "refused the call (400, 403, 429); 2 usage error; 3 cannot connect; 4 no answer in time; 5 the "
            "device answered another status; 6 the device is not connected (404) or did not answer "
            "(504); 7 the gate refused it, or an approver rejected it; 8 still held for an approval when "
            "fleetctl "
            "stopped waiting.");
    return tr(
        "Sends an Azure IoT Hub device a cloud-to-device message through fleet-hub's command gate, which "
        "holds it for an approval when its catalog holds free-form requests sensitive (the default). "
        "The message reaches the device on devices/DEVICE/messages/devicebound/ with its properties "
        "(percent-encoded, as IoT Hub writes them), at QoS 1: a device that is offline with a persistent "
        "session gets it when it comes back, unless --expiry passed.\n"
        "\n"
        "PAYLOAD is the message's text, or - to read it from standard input. --property K=V adds an "
        "application property (repeatable); --message-id, --correlation-id, --content-type and "
        "--content-encoding set the system properties $.mid, $.cid, $.ct and $.ce.\n"
        "\n"
        "Exit status: 0 sent (or, without --wait, submitted); 2 usage error; 3 cannot connect; 4 not "
        "seen on the broker in time; 7 the gate refused it, or an approver rejected it.");
}

QString AzureCommand::jsonHelp() const
{
    return tr("Print the result as one JSON document.");
}

int AzureCommand::defaultTimeoutSeconds() const
{
    return 30;
}

QString AzureCommand::timeoutHelp() const
{
    if (word() == "method"_L1)
        return tr("How long the device has to answer, 5 to 300 seconds (default 30); fleetctl waits %1 s "
                  "more "
                  "for fleet-hub's answer or an approval.")
            .arg(ApprovalGraceS);
    return CtlCommand::timeoutHelp();
}

void AzureCommand::addOptions(QCommandLineParser &parser)
{
    if (word() == "twin"_L1) {
        parser.addOptions(
            {{u"version"_s, tr("Refuse the update unless desired is at this $version."), tr("N")},
             {u"wait"_s, tr("Wait for an approval when the gate holds the update.")}});
        parser.addPositionalArgument(u"action"_s, tr("get or update."), u"get|update"_s);
        parser.addPositionalArgument(u"device"_s, tr("The Azure device id."), u"DEVICE"_s);
        parser.addPositionalArgument(u"desired"_s, tr("update: the desired patch as a JSON object, or -."),
                                     u"[DESIRED]"_s);
    } else if (word() == "method"_L1) {
        parser.addOptions(
            {{u"payload"_s, tr("The method's JSON argument (default null)."), tr("JSON")},
             {u"wait"_s,
              tr("Wait for the device's answer (and an approval, when the gate holds the call).")}});
        parser.addPositionalArgument(u"device"_s, tr("The Azure device id."), u"DEVICE"_s);
        parser.addPositionalArgument(u"name"_s, tr("The method's name."), u"NAME"_s);
    } else {
        parser.addOptions(
            {{u"property"_s, tr("An application property (repeatable)."), tr("K=V")},
             {u"message-id"_s, tr("The message id ($.mid; default: a new id)."), tr("ID")},
             {u"correlation-id"_s, tr("The correlation id ($.cid)."), tr("ID")},
             {u"content-type"_s, tr("The content type ($.ct), e.g. application/json."), tr("TYPE")},
             {u"content-encoding"_s, tr("The content encoding ($.ce), e.g. utf-8."), tr("ENCODING")},
             {u"expiry"_s, tr("Drop the message if the device has not taken it within S seconds."), tr("S")},
             {u"wait"_s,
              tr("Wait until the message is on the broker (and approved, when the gate holds it).")}});
        parser.addPositionalArgument(u"device"_s, tr("The Azure device id."), u"DEVICE"_s);
        parser.addPositionalArgument(u"payload"_s, tr("The message's text, or -."), u"PAYLOAD"_s);
    }
}

std::optional<int> AzureCommand::readArguments(const QCommandLineParser &parser,
                                               const QStringList &positional)
{
    m_wait = parser.isSet(u"wait"_s);
    if (word() == "twin"_L1) {
        const QString action = positional.value(0);
        if (action != "get"_L1 && action != "update"_L1)
            return usageError(tr("Expected get or update, not \"%1\".").arg(action));
        m_action = action == "get"_L1 ? Action::TwinGet : Action::TwinUpdate;
        m_device = positional.value(1);
        if (m_device.isEmpty())
            return usageError(tr("Missing the device id."));
        if (m_action == Action::TwinGet && positional.size() != 2)
            return usageError(tr("get takes a device id only."));
        if (m_action == Action::TwinUpdate) {
            if (positional.size() != 3)
                return usageError(tr("update takes a device id and the desired patch."));
            const std::optional<Json> patch = readJson(positional.at(2));
            if (!patch || (!patch->is_object() && !patch->is_null()))
                return usageError(tr("DESIRED must be a JSON object such as {\"fan\": 2}, or null."));
            m_payload = *patch;
            if (parser.isSet(u"version"_s)) {
                bool ok = false;
                m_version = parser.value(u"version"_s).toLongLong(&ok);
                if (!ok || *m_version < 1)
                    return usageError(tr("--version: expected a whole number from 1."));
            }
        }
        return std::nullopt;
    }
    if (word() == "method"_L1) {
        m_action = Action::Method;
        if (positional.size() != 2)
            return usageError(tr("Expected DEVICE NAME."));
        m_device = positional.at(0);
        m_method = positional.at(1);
        if (parser.isSet(u"payload"_s)) {
            const std::optional<Json> payload = readJson(parser.value(u"payload"_s));
            if (!payload)
                return usageError(tr("--payload must be JSON, e.g. '{\"delay\": 5}'."));
            m_payload = *payload;
        }
        // --timeout is the device's time to answer here, as IoT Hub's responseTimeoutInSeconds.
        m_methodTimeoutS = timeoutMs() / 1000;
        if (m_methodTimeoutS < 5 || m_methodTimeoutS > 300)
            return usageError(tr("--timeout: expected seconds from 5 to 300 for a direct method."));
        return std::nullopt;
    }
    m_action = Action::CloudToDevice;
    if (positional.size() != 2)
        return usageError(tr("Expected DEVICE PAYLOAD."));
    m_device = positional.at(0);
    if (positional.at(1) == "-"_L1) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return usageError(tr("Cannot read standard input."));
        m_message = in.read(MaxMessageBytes + 1);
    } else {
        m_message = positional.at(1).toUtf8();
    }
    // IoT Hub takes 256 KB, but the message goes through fleet-hub's gate, which reads at most 64 KB.
    if (m_message.size() > MaxMessageBytes)
        return usageError(
            tr("The payload is larger than %1 bytes, what fleet-hub's gate takes.").arg(MaxMessageBytes));
    const QList<std::pair<const char *, const char *>> system = {{"message-id", "$.mid"},
                                                                 {"correlation-id", "$.cid"},
                                                                 {"content-type", "$.ct"},
                                                                 {"content-encoding", "$.ce"}};
    for (const auto &[option, key] : system) {
        if (parser.isSet(QString::fromLatin1(option)))
            m_properties.append({QString::fromLatin1(key), parser.value(QString::fromLatin1(option))});
    }
    for (const QString &property : parser.values(u"property"_s)) {
        const qsizetype equals = property.indexOf(u'=');
        if (equals < 1)
            return usageError(tr("--property: expected K=V, not \"%1\".").arg(property));
        m_properties.append({property.left(equals), property.mid(equals + 1)});
    }
    if (parser.isSet(u"expiry"_s)) {
        bool ok = false;
        const uint seconds = parser.value(u"expiry"_s).toUInt(&ok);
        if (!ok || seconds < 1)
            return usageError(tr("--expiry: expected whole seconds from 1."));
        m_expirySeconds = seconds;
    }
    return std::nullopt;
}

void AzureCommand::run()
{
    discoverGate([this] { submit(); });
}

void AzureCommand::submit()
{
    if (!setUpServices(false))
        return;
    AzureHubClient *azure = m_services->azure();
    connect(azure, &AzureHubClient::gateOutcome, this, &AzureCommand::onGateOutcome);
    connect(azure, &AzureHubClient::requestFailed, this,
            [this](const QString &id, int code, const QString &message) {
                if (id != m_id)
                    return;
                if (json())
                    printJson({{"id", id.toStdString()}, {"code", code}, {"message", message.toStdString()}});
                fail(Rejected, tr("%1 (%2)").arg(message).arg(code));
            });
    connect(azure, &AzureHubClient::twinReceived, this,
            [this, azure](const QString &id, const QString &, const Json &twin) {
                if (id != m_id)
                    return;
                if (m_readingBefore) {
                    // The desired properties the change replaces, for its rollback entry.
                    m_readingBefore = false;
                    QString error;
                    m_id = azure->updateDesired(m_device, m_payload, m_version, &error);
                    if (m_id.isEmpty())
                        return fail(UsageError, error);
                    m_services->actions()->trackTwinUpdate(m_id, m_device,
                                                           twin.value("desired", Json::object()), m_payload);
                    return;
                }
                Json shown = twin;
                shown.erase("clientToken");
                if (json())
                    printJson(shown);
                else
                    writeOut(QString::fromStdString(shown.dump(2)));
                done(Success);
            });
    connect(
        azure, &AzureHubClient::desiredAccepted, this,
        [this](const QString &id, const QString &device, const Json &desired) {
            if (id != m_id)
                return;
            const auto found = desired.is_object() ? desired.find("$version") : desired.end();
            const Json version = desired.is_object() && found != desired.end() ? *found : Json();
            // OperatorActions recorded it (it heard the answer first, having connected first).
            qint64 entry = 0;
            for (const RollbackEntry &e : m_services->rollbacks()->entries(device)) {
                if (e.tid == id)
                    entry = e.id;
            }
            if (json()) {
                Json line{{"id", id.toStdString()}, {"device", device.toStdString()}, {"desired", desired}};
                if (entry > 0)
                    line["rollbackEntry"] = entry;
                printJson(line);
            } else {
                writeOut(entry > 0 ? tr("%1: desired properties accepted, $version %2 (rollback entry %3)")
                                         .arg(device, QString::fromStdString(version.dump()))
                                         .arg(entry)
                                   : tr("%1: desired properties accepted, $version %2")
                                         .arg(device, QString::fromStdString(version.dump())));
            }
            done(Success);
        });
    connect(azure, &AzureHubClient::methodFinished, this,
            [this](const QString &id, const QString &device, const QString &method, int status,
                   const Json &payload, const QString &message) {
                if (id != m_id)
                    return;
                if (json()) {
                    Json result{{"id", id.toStdString()},
                                {"device", device.toStdString()},
                                {"method", method.toStdString()},
                                {"status", status},
                                {"payload", payload}};
                    if (!message.isEmpty())
                        result["message"] = message.toStdString();
                    printJson(result);
                } else {
                    writeOut(tr("%1 %2: %3 %4")
                                 .arg(device, method)
                                 .arg(status)
                                 .arg(QString::fromStdString(payload.dump())));
                    if (!message.isEmpty())
                        writeErr(u"fleetctl: "_s + message);
                }
                if (status >= 200 && status < 300)
                    return done(Success);
                if (status == 404 || status == 504)
                    return done(CommandUnanswered);
                if (status == 400 || status == 403 || status == 429)
                    return done(Rejected);
                done(CommandFailed);
            });
    connect(
        azure, &AzureHubClient::cloudToDeviceSent, this, [this](const QString &id, const QString &device) {
            if (id != m_id)
                return;
            if (json())
                printJson({{"id", id.toStdString()}, {"device", device.toStdString()}, {"outcome", "sent"}});
            else
                writeOut(tr("%1: message %2 sent").arg(device, id));
            done(Success);
        });

    QString error;
    switch (m_action) {
    case Action::TwinGet:
        m_id = azure->getTwin(m_device, &error);
        break;
    case Action::TwinUpdate:
        // Read first: its rollback entry needs what the change replaces.
        m_readingBefore = true;
        m_id = azure->getTwin(m_device, &error);
        break;
    case Action::Method:
        m_id = azure->invokeMethod(m_device, m_method, m_payload, m_methodTimeoutS, &error);
        break;
    case Action::CloudToDevice: {
        QList<AzureHubClient::Property> properties;
        for (const auto &[name, value] : std::as_const(m_properties))
            properties.append({name, value});
        m_id = azure->sendCloudToDevice(m_device, m_message, properties, m_expirySeconds, &error);
        break;
    }
    }
    if (m_id.isEmpty())
        return fail(UsageError, error);
    if (m_action == Action::Method && m_wait) {
        // The hub answers 504 when the device's time is up: fleetctl's own deadline comes later, so that the
        // verdict is the hub's (a held call may also wait that long for its approver).
        stopDeadline();
        m_methodDeadline.setSingleShot(true);
        connect(&m_methodDeadline, &QTimer::timeout, this, [this] {
            if (m_held)
                return fail(CommandPending, tr("%1 is still held for an approval.").arg(m_id));
            fail(TimedOut, tr("No answer from fleet-hub about %1.").arg(m_id));
        });
        m_methodDeadline.start((m_methodTimeoutS + ApprovalGraceS) * 1000);
    }
    // A method call or a message that needs no answer is done once submitted, unless asked to wait.
    if (!m_wait && (m_action == Action::Method || m_action == Action::CloudToDevice)) {
        if (json())
            printJson(
                {{"id", m_id.toStdString()}, {"device", m_device.toStdString()}, {"outcome", "submitted"}});
        else
            writeOut(tr("%1: submitted as %2").arg(m_device, m_id));
        done(Success);
    }
}

void AzureCommand::onGateOutcome(const QString &id, const QString &outcome, const QString &reason)
{
    if (id != m_id || isDone())
        return;
    if (outcome == "held"_L1) {
        m_held = true;
        writeErr(tr("fleetctl: %1 is held for an approval: %2").arg(id, reason));
        if (!m_wait && m_action == Action::TwinUpdate) {
            if (json())
                printJson({{"id", id.toStdString()}, {"outcome", "held"}, {"reason", reason.toStdString()}});
            done(Success);
        }
        return;
    }
    if (outcome == "approved"_L1) {
        m_held = false;
        writeErr(tr("fleetctl: %1 was approved (%2).").arg(id, reason));
        return;
    }
    if (json())
        printJson(
            {{"id", id.toStdString()}, {"outcome", outcome.toStdString()}, {"reason", reason.toStdString()}});
    fail(CommandRefused, tr("%1 was %2 by the gate: %3").arg(id, outcome, reason));
}

void AzureCommand::printJson(const Json &document) const
{
    writeOut(QString::fromStdString(document.dump()));
}

} // namespace fleet::ctl
