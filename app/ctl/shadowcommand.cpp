#include "shadowcommand.h"

#include "common/json.h"

#include "commands/approvalqueue.h"
#include "commands/operatoractions.h"
#include "common/stopsignals.h"
#include "exitcode.h"
#include "output.h"
#include "store/commandledger.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

QString indented(const Json &value)
{
    QString text = indentedJson(value);
    text.replace(u'\n', u"\n  "_s);
    return u"  "_s + text;
}

// "desired: none", "desired: {}", or the label and the indented JSON below it.
QString section(const QString &label, const Json *value)
{
    if (!value || value->is_null())
        return ShadowCommand::tr("%1: none").arg(label);
    if (value->is_object() && value->empty())
        return u"%1: {}"_s.arg(label);
    return u"%1:\n%2"_s.arg(label, indented(*value));
}

int exitCodeOf(const ShadowError &error)
{
    switch (error.code) {
    case ShadowClient::TimedOut:
        return TimedOut;
    case ShadowClient::NotSent:
    case ShadowClient::SubscriptionDenied:
        return ConnectionFailed;
    case ShadowClient::InvalidRequest:
        return UsageError;
    case ShadowClient::HeldForApproval:
        return CommandPending; // no verdict yet: the gate holds it for an approver
    default:
        return Rejected;
    }
}

} // namespace

ShadowCommand::ShadowCommand(QObject *parent)
    : CtlCommand(u"shadow"_s, parent)
{}

ShadowCommand::~ShadowCommand() = default;

QString ShadowCommand::summary()
{
    return tr("shadow get|update|delete|watch THING   read, update, delete or follow a device shadow");
}

std::optional<Json> ShadowCommand::readJson(const QString &argument, const QString &what,
                                            QString *error) const
{
    QByteArray text;
    if (argument == "-"_L1) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = tr("Cannot read standard input.");
            return std::nullopt;
        }
        text = in.readAll();
    } else {
        text = argument.toUtf8();
    }
    try {
        return Json::parse(text.cbegin(), text.cend());
    } catch (const Json::parse_error &e) {
        // "[json.exception.parse_error.101] parse error at line 1, column 2: …": keep what follows the tag.
        QString detail = QString::fromUtf8(e.what());
        if (const qsizetype end = detail.indexOf(u"] "_s); detail.startsWith(u'[') && end > 0)
            detail = detail.mid(end + 2);
        *error = tr("%1 is not valid JSON: %2").arg(what, detail);
        return std::nullopt;
    }
}

QString ShadowCommand::description() const
{
    return tr(
        "Reads, updates, deletes or follows an AWS IoT device shadow: on AWS IoT Core, or on any broker "
        "served by fleet-hub.\n"
        "\n"
        "  get THING                  print the shadow: version, desired, reported and delta\n"
        "  update THING DESIRED       set the desired state: DESIRED is a JSON object "
        "('{\"color\":\"red\"}'),\n"
        "                             null to clear it, or - to read the JSON from standard input\n"
        "  update THING --state JSON  send a full state object ('{\"desired\":{...},\"reported\":{...}}')\n"
        "  update --group GROUP DESIRED, update --devices A,B,C DESIRED\n"
        "                             set the desired state of many devices in one action, with one\n"
        "                             rollback entry for all of them (see 'fleetctl shadow update "
        "--group G --help')\n"
        "  delete THING               delete the shadow (its version counter survives)\n"
        "  watch THING                print the shadow, then every change, delta and deletion as it\n"
        "                             arrives, until SIGINT/SIGTERM or --count events\n"
        "\n"
        "An update of the desired state reads the shadow first and records the change in the ledger's "
        "rollback history (--ledger), so that 'fleetctl rollback ID' can undo it.\n"
        "\n"
        "Exit status: 0 done; 1 rejected by the shadow service (\"error CODE: MESSAGE\" on stderr);\n"
        "2 usage error; 3 cannot connect to the broker, or the connection was lost; 4 no reply from the "
        "shadow service within --timeout.");
}

QString ShadowCommand::jsonHelp() const
{
    return tr("Print the service's reply as JSON on one line (watch: one line per event).");
}

QString ShadowCommand::timeoutHelp() const
{
    return tr("Seconds to wait for the broker, and then for the reply (default 10).");
}

void ShadowCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"name"_s, tr("Named shadow (default: the classic shadow)."), tr("SHADOW")},
        {u"version"_s, tr("update: apply only if the shadow is at version N, else error 409."), tr("N")},
        {u"state"_s,
         tr("update: the full state object {\"desired\":…,\"reported\":…} instead of DESIRED; - reads it "
            "from standard input."),
         tr("JSON")},
        {u"count"_s, tr("watch: stop after N events (the initial state does not count)."), tr("N")},
        // Not the ledger CtlCommand opens for every run (needsLedger()): a desired update opens it, and
        // goes on without it.
        {u"ledger"_s,
         tr("update: the ledger whose rollback history records the change (default: %1).")
             .arg(CommandLedger::defaultPath()),
         tr("FILE")},
    });
    parser.addPositionalArgument(u"action"_s, tr("get, update, delete or watch."),
                                 u"shadow get|update|delete|watch"_s);
    parser.addPositionalArgument(u"thing"_s, tr("The thing name."), u"THING"_s);
    parser.addPositionalArgument(u"desired"_s, tr("update: the desired state as JSON, or -."),
                                 u"[DESIRED]"_s);
}

std::optional<int> ShadowCommand::readArguments(const QCommandLineParser &parser,
                                                const QStringList &positional)
{
    if (positional.isEmpty())
        return usageError(tr("Missing the action: get, update, delete or watch."));
    const QString action = positional.constFirst();
    if (action == "get"_L1)
        m_action = Action::Get;
    else if (action == "update"_L1)
        m_action = Action::Update;
    else if (action == "delete"_L1)
        m_action = Action::Delete;
    else if (action == "watch"_L1)
        m_action = Action::Watch;
    else
        return usageError(tr("Unknown action \"%1\": expected get, update, delete or watch.").arg(action));
    if (positional.size() < 2)
        return usageError(tr("Missing the thing name."));
    m_thing = positional.at(1);
    if (!ShadowTopic::isValidThingName(m_thing))
        return usageError(
            tr("\"%1\" is not a valid thing name: 1 to 128 characters from a-z, A-Z, 0-9, ':', '_' and '-'.")
                .arg(m_thing));
    // Its shadow would be one the device never reads, and a get would say it has none.
    if (catalog().isAzureDevice(m_thing))
        return usageError(OperatorActions::azureDeviceProblem(m_thing));
    m_shadow = parser.value(u"name"_s);
    if (parser.isSet(u"name"_s) && !ShadowTopic::isValidShadowName(m_shadow))
        return usageError(tr("\"%1\" is not a valid shadow name: 1 to 64 characters from a-z, A-Z, 0-9, ':', "
                             "'_', '-' and '$'.")
                              .arg(m_shadow));
    m_ledgerPath = parser.isSet(u"ledger"_s) ? parser.value(u"ledger"_s) : CommandLedger::defaultPath();

    const qsizetype maxPositional = m_action == Action::Update ? 3 : 2;
    if (positional.size() > maxPositional)
        return usageError(tr("Unexpected argument \"%1\".").arg(positional.at(maxPositional)));
    bool ok = false;
    if (parser.isSet(u"version"_s)) {
        if (m_action != Action::Update)
            return usageError(tr("--version N only applies to update."));
        const qint64 version = parser.value(u"version"_s).toLongLong(&ok);
        if (!ok || version < 0)
            return usageError(tr("--version: expected a whole number, 0 or more."));
        m_version = version;
    }
    if (parser.isSet(u"state"_s) && m_action != Action::Update)
        return usageError(tr("--state only applies to update."));
    if (parser.isSet(u"count"_s)) {
        if (m_action != Action::Watch)
            return usageError(tr("--count only applies to watch."));
        m_count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || m_count < 1)
            return usageError(tr("--count: expected a whole number, 1 or more."));
    }

    if (m_action == Action::Update) {
        const bool hasDesired = positional.size() == 3;
        const bool hasState = parser.isSet(u"state"_s);
        if (hasDesired == hasState)
            return usageError(tr("update needs the desired state as JSON, or --state with a full state "
                                 "object (one of them, not both)."));
        const QString text = hasState ? parser.value(u"state"_s) : positional.at(2);
        // Both would read standard input, and the password's reader buffers more than its one line.
        if (text == "-"_L1 && parser.isSet(u"password-stdin"_s))
            return usageError(tr("--password-stdin cannot be combined with reading the state from standard "
                                 "input (-); use FLEET_MQTT_PASSWORD."));
        QString error;
        const auto json = readJson(text, hasState ? tr("--state") : tr("DESIRED"), &error);
        if (!json)
            return usageError(error);
        if (hasState && !json->is_object())
            return usageError(
                tr("--state must be a JSON object such as {\"desired\":{…},\"reported\":{…}}."));
        if (!hasState && !json->is_object() && !json->is_null())
            return usageError(tr("DESIRED must be a JSON object (or null, to clear the desired state)."));
        m_state = *json;
        m_fullState = hasState;
    }
    return std::nullopt;
}

void ShadowCommand::run()
{
    // Each request waits for its reply within --timeout on ShadowClient's own clock, whose message names the
    // likely cause (no shadow service); a watch runs until a signal or --count. The overall deadline was
    // for the connection only.
    stopDeadline();
    // Created once connected: its reload on `connected` is for a watch's reconnects, and would otherwise send
    // the first load twice.
    m_shadows = new ShadowClient(client(), this);
    m_shadows->setTimeout(timeoutMs());
    connect(m_shadows, &ShadowClient::requestFinished, this, &ShadowCommand::onRequestFinished);
    connect(m_shadows, &ShadowClient::shadowChanged, this, &ShadowCommand::onShadowChanged);
    connect(m_shadows, &ShadowClient::deltaReceived, this, &ShadowCommand::onDelta);
    connect(m_shadows, &ShadowClient::shadowDeleted, this, &ShadowCommand::onDeleted);
    connect(m_shadows, &ShadowClient::loadFailed, this, &ShadowCommand::onLoadFailed);
    // A watch rides out a broker restart; it may wait for hours, so it backs off further (0.5 to 10 s between
    // attempts) than a command bounded by --timeout. One request ends with ConnectionFailed instead when the
    // connection goes before its reply.
    if (m_action == Action::Watch)
        client()->setReconnectDelays(500, 10000);
    else
        client()->setAutoReconnect(false);
    switch (m_action) {
    case Action::Get:
        m_token = m_shadows->get(m_thing, m_shadow);
        break;
    case Action::Update:
    case Action::Delete:
        // On a broker with fleet-hub's gate only the gate's account may write a device's shadow: the request
        // goes to the gate, as the console's and a batch's do (and a sensitive desired key waits there for
        // an approver).
        discoverGate([this] {
            routeThroughGate();
            write();
        });
        break;
    case Action::Watch: {
        auto *stopSignals = new StopSignals(this);
        connect(stopSignals, &StopSignals::stopRequested, this, [this] { done(Success); });
        if (!stopSignals->install())
            writeErr(tr("fleetctl: cannot catch SIGINT/SIGTERM; they will end the watch abruptly."));
        m_shadows->watch(m_thing, m_shadow);
        break;
    }
    }
}

void ShadowCommand::routeThroughGate()
{
    if (gateInfo().isEmpty())
        return;
    auto *approvals = new ApprovalQueue(client(), this);
    connect(approvals, &ApprovalQueue::gateAnswered, m_shadows, &ShadowClient::gateAnswered);
    approvals->applyGateInfo(gateInfo());
    // Subscribes to the gate's answers for this user ("held", "refused"). An anonymous account cannot submit
    // to the gate: its request goes to the shadow topics, where the broker's ACL answers.
    QString why;
    if (!approvals->start(&why) && ApprovalQueue::isValidIdentity(profile().username))
        writeErr(u"fleetctl: "_s + why);
    m_shadows->setGatePrefix(approvals->submitPrefix());
}

void ShadowCommand::write()
{
    if (m_action == Action::Delete)
        m_token = m_shadows->remove(m_thing, m_shadow);
    else if (m_fullState)
        m_token = m_shadows->update(m_thing, m_shadow, m_state, m_version);
    else
        updateDesired();
}

QString ShadowCommand::label() const
{
    return m_shadow.isEmpty() ? tr("%1 (classic shadow)").arg(m_thing)
                              : tr("%1 (shadow \"%2\")").arg(m_thing, m_shadow);
}

void ShadowCommand::onRequestFinished(const QString &token, const ShadowClient::Result &result)
{
    if (isDone())
        return;
    if (token != m_token)
        return;
    finishWith(result);
}

void ShadowCommand::finishWith(const ShadowClient::Result &result)
{
    if (!result.ok) {
        failWith(result.error, result.local);
        return;
    }
    if (json()) {
        writeOut(compactJson(result.body));
        done(Success);
        return;
    }
    const Json *state = jsonMember(result.body, "state");
    const QString version = result.version ? QString::number(*result.version) : tr("unknown");
    switch (m_action) {
    case Action::Get:
        writeOut(tr("%1 version %2").arg(label(), version));
        writeOut(section(u"desired"_s, state ? jsonMember(*state, "desired") : nullptr));
        writeOut(section(u"reported"_s, state ? jsonMember(*state, "reported") : nullptr));
        writeOut(section(u"delta"_s, state ? jsonMember(*state, "delta") : nullptr));
        break;
    case Action::Update:
        writeOut(tr("%1 updated: now at version %2").arg(label(), version));
        for (const char *name : {"desired", "reported"}) {
            if (const Json *value = state ? jsonMember(*state, name) : nullptr)
                writeOut(section(QString::fromLatin1(name), value));
        }
        if (!m_rollbackNote.isEmpty())
            writeOut(m_rollbackNote);
        break;
    case Action::Delete:
        writeOut(tr("%1 deleted at version %2").arg(label(), version));
        break;
    case Action::Watch:
        break;
    }
    done(Success);
}

void ShadowCommand::updateDesired()
{
    // Recorded in the rollback history like the console's edits, by the same code: the section it replaces
    // is read first, and the entry is written once the service has accepted the update.
    QString problem;
    if (!ledger().open(m_ledgerPath))
        problem = ledger().errorString();
    else if (!m_rollbacks.restore(&ledger(), &problem))
        problem = problem.isEmpty() ? ledger().errorString() : problem;
    else
        problem.clear(); // damaged rows of the history do not concern this update
    auto *actions = new OperatorActions(nullptr, m_shadows, &m_rollbacks, this);
    OperatorActions::DesiredChange change;
    change.device = m_thing;
    change.shadowName = m_shadow;
    change.patch = m_state;
    change.version = m_version;
    actions->updateDesired(change, this, [this, problem](const OperatorActions::Outcome &o) {
        if (isDone())
            return;
        ShadowClient::Result result;
        result.operation = ShadowClient::Operation::Update;
        result.ok = o.ok;
        result.local = !o.serviceError;
        result.error = ShadowError{o.errorCode, o.error};
        result.version = o.version;
        result.body = o.reply;
        const QString notRecorded = !problem.isEmpty() ? problem : o.note;
        if (o.ok && !notRecorded.isEmpty())
            writeErr(tr("fleetctl: the update is not in the rollback history: %1").arg(notRecorded));
        else if (o.ok && !json())
            m_rollbackNote =
                tr("rollback entry %1 ('fleetctl rollback %1' undoes this update)").arg(o.rollbackEntry);
        finishWith(result);
    });
}

void ShadowCommand::printDocument(const QString &event, const QString &heading)
{
    const auto cached = m_shadows->cached(m_thing, m_shadow);
    if (!cached)
        return;
    const ShadowDocument &document = cached->document;
    const bool exists = cached->state == ShadowClient::CacheState::Fresh;
    if (json()) {
        Json line = Json::object();
        line["event"] = event.toStdString();
        line["thing"] = m_thing.toStdString();
        line["shadow"] = m_shadow.isEmpty() ? Json() : Json(m_shadow.toStdString());
        line["exists"] = exists;
        line["version"] = cached->version();
        if (exists) {
            line["state"] = {
                {"desired", document.desired()}, {"reported", document.reported()}, {"delta", cached->delta}};
            line["metadata"] = document.metadata();
        }
        writeOut(compactJson(line));
        return;
    }
    writeOut(heading);
    if (!exists)
        return;
    writeOut(section(u"desired"_s, &document.desired()));
    writeOut(section(u"reported"_s, &document.reported()));
    writeOut(section(u"delta"_s, &cached->delta));
}

void ShadowCommand::onShadowChanged(const QString &thing, const QString &shadow)
{
    if (isDone() || thing != m_thing || shadow != m_shadow)
        return;
    const auto cached = m_shadows->cached(m_thing, m_shadow);
    if (!cached || cached->state == ShadowClient::CacheState::Loading)
        return;
    const bool exists = cached->state == ShadowClient::CacheState::Fresh;
    const QString version = QString::number(cached->version());
    if (!m_snapshotShown) {
        // The state at the start: printed so that the reader knows the watch is live, not counted.
        m_snapshotShown = true;
        printDocument(u"snapshot"_s, exists ? tr("%1 version %2").arg(label(), version)
                                            : tr("%1 does not exist (yet).").arg(label()));
        if (!json())
            writeErr(tr("Watching %1; Ctrl+C to stop.").arg(label()));
        return;
    }
    printDocument(u"changed"_s, exists ? tr("%1 changed: version %2").arg(label(), version)
                                       : tr("%1 no longer exists.").arg(label()));
    countEvent();
}

void ShadowCommand::onDelta(const QString &thing, const QString &shadow, const Json &delta, qint64 version)
{
    if (isDone() || thing != m_thing || shadow != m_shadow || !m_snapshotShown)
        return;
    if (json()) {
        Json line = Json::object();
        line["event"] = "delta";
        line["thing"] = m_thing.toStdString();
        line["shadow"] = m_shadow.isEmpty() ? Json() : Json(m_shadow.toStdString());
        line["version"] = version;
        line["state"] = delta;
        writeOut(compactJson(line));
    } else {
        writeOut(tr("%1 delta at version %2:").arg(label()).arg(version));
        writeOut(indented(delta));
    }
    countEvent();
}

void ShadowCommand::onDeleted(const QString &thing, const QString &shadow)
{
    if (isDone() || thing != m_thing || shadow != m_shadow)
        return;
    const auto cached = m_shadows->cached(m_thing, m_shadow);
    const qint64 version = cached ? cached->version() : 0;
    if (!m_snapshotShown) {
        m_snapshotShown = true;
        printDocument(u"snapshot"_s, tr("%1 was deleted at version %2").arg(label()).arg(version));
        return;
    }
    if (json()) {
        Json line = Json::object();
        line["event"] = "deleted";
        line["thing"] = m_thing.toStdString();
        line["shadow"] = m_shadow.isEmpty() ? Json() : Json(m_shadow.toStdString());
        line["version"] = version;
        writeOut(compactJson(line));
    } else {
        writeOut(tr("%1 deleted at version %2").arg(label()).arg(version));
    }
    countEvent();
}

void ShadowCommand::onLoadFailed(const QString &thing, const QString &shadow,
                                 const ShadowClient::Result &result)
{
    if (isDone() || thing != m_thing || shadow != m_shadow)
        return;
    if (m_snapshotShown) {
        // After a reconnect: the watch goes on with what it has, and the next change refreshes it.
        writeErr(tr("fleetctl: reloading %1 failed: error %2: %3")
                     .arg(label())
                     .arg(result.error.code)
                     .arg(result.error.message));
        return;
    }
    failWith(result.error, result.local);
}

void ShadowCommand::countEvent()
{
    if (m_count > 0 && ++m_events >= m_count)
        done(Success);
}

void ShadowCommand::failWith(const ShadowError &error, bool local)
{
    if (local && error.code == ShadowClient::TimedOut) {
        fail(TimedOut, tr("%1 after %2 s: is a shadow service (fleet-hub, AWS IoT) serving this broker?")
                           .arg(error.message)
                           .arg(timeoutMs() / 1000.0));
    } else if (local) {
        fail(exitCodeOf(error), error.message);
    } else if (!isDone()) {
        // AWS's code and message, verbatim, without fail()'s "fleetctl: ": scripts and people search for
        // them.
        writeErr(u"error %1: %2"_s.arg(error.code).arg(error.message));
        done(Rejected);
    }
}

} // namespace fleet::ctl
