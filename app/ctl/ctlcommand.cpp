#include "ctlcommand.h"

#include "commands/approvalqueue.h"

#include "exitcode.h"
#include "mqtt/brokercommandline.h"
#include "output.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

CtlCommand::CtlCommand(const QString &word, QObject *parent)
    : QObject(parent)
    , m_word(word)
    , m_client(new MqttClient(this))
    , m_catalog(CommandCatalog::defaultCatalog())
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // What the command has so far is printed before it gives up (every verdict of a broadcast).
        if (m_running && !m_done)
            beforeGivingUp();
        fail(m_running ? TimedOut : ConnectionFailed,
             m_running ? tr("Gave up after %1 s (--timeout).").arg(m_timeoutMs / 1000.0)
                       : tr("No answer from the broker at %1 within %2 s.")
                             .arg(m_profile.url.toDisplayString())
                             .arg(m_timeoutMs / 1000.0));
    });
    connect(m_client, &MqttClient::connected, this, &CtlCommand::onConnected);
    connect(m_client, &MqttClient::errorOccurred, this, &CtlCommand::onError);
    connect(m_client, &MqttClient::stateChanged, this, &CtlCommand::onStateChanged);
}

CtlCommand::~CtlCommand() = default;

std::optional<int> CtlCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    if (needsBroker())
        BrokerCommandLine::addOptions(parser);
    const QCommandLineOption jsonOption(u"json"_s, jsonHelp());
    const QCommandLineOption timeoutOption(u"timeout"_s, timeoutHelp(), tr("SECONDS"),
                                           QString::number(defaultTimeoutSeconds()));
    const QCommandLineOption ledgerOption(
        u"ledger"_s,
        tr("The command ledger (default: %1, shared with the console).").arg(CommandLedger::defaultPath()),
        tr("FILE"));
    const QCommandLineOption catalogOption(
        u"catalog"_s, tr("The command catalog (default: the built-in one, fleet-sim's commands)."),
        tr("FILE"));
    parser.addOptions({jsonOption, timeoutOption});
    if (needsLedger())
        parser.addOptions({ledgerOption, catalogOption});
    addOptions(parser);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(Success);
    m_json = parser.isSet(jsonOption);
    bool ok = false;
    const double seconds = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 86400)
        return usageError(tr("--timeout: expected seconds, more than 0 and at most 86400."));
    m_timeoutMs = qMax(1, static_cast<int>(seconds * 1000));
    if (needsLedger()) {
        m_ledgerPath = parser.isSet(ledgerOption) ? parser.value(ledgerOption) : CommandLedger::defaultPath();
        if (parser.isSet(catalogOption)) {
            QString error;
            const std::optional<CommandCatalog> catalog =
                CommandCatalog::fromFile(parser.value(catalogOption), &error);
            if (!catalog)
                return usageError(error);
            m_catalog = *catalog;
        }
    }
    if (const std::optional<int> code = readArguments(parser, parser.positionalArguments()))
        return code;
    if (needsBroker()) {
        QString error;
        if (!BrokerCommandLine::read(parser, &m_profile, &m_password, &error))
            return usageError(error);
    }
    return std::nullopt;
}

void CtlCommand::start()
{
    if (needsLedger() && !m_ledger.open(m_ledgerPath))
        return fail(Rejected, m_ledger.errorString());
    m_deadline.start(m_timeoutMs);
    if (!connects()) {
        m_running = true;
        run();
        return;
    }
    m_client->setProfile(m_profile);
    m_client->setPassword(m_password);
    // A command-line tool reaches the broker now or says why.
    m_client->setAutoReconnect(false);
    if (!m_client->connectToBroker()) {
        const MqttClient::Error error = m_client->error();
        fail(error == MqttClient::Error::InvalidConfiguration || error == MqttClient::Error::InvalidClientId
                 ? UsageError
                 : ConnectionFailed,
             m_client->errorString());
    }
}

QString CtlCommand::jsonHelp() const
{
    return tr("Print results as JSON, one document per line.");
}

QString CtlCommand::timeoutHelp() const
{
    return tr("Seconds to wait for the broker and for the outcome (default 30).");
}

int CtlCommand::exitCodeFor(CommandExecution::State state)
{
    using State = CommandExecution::State;
    switch (state) {
    case State::Succeeded:
        return Success;
    case State::Failed:
        return CommandFailed;
    case State::TimedOut:
    case State::Unreachable:
        return CommandUnanswered;
    case State::Rejected:
    case State::Cancelled:
        return CommandRefused;
    case State::AwaitingApproval:
    case State::Approved:
    case State::Queued:
    case State::Sent:
    case State::Running:
        break;
    }
    return CommandPending;
}

int CtlCommand::usageError(const QString &message) const
{
    writeErr(u"fleetctl %1: "_s.arg(m_word) + message);
    writeErr(tr("Try 'fleetctl %1 --help'.").arg(m_word));
    return UsageError;
}

void CtlCommand::onConnected()
{
    if (m_done || m_running)
        return;
    m_connectionError.clear();
    m_running = true;
    m_deadline.start(m_timeoutMs); // the connection's wait is over; the work gets the whole timeout
    // Reached once, the broker is waited for as the console does: a restart in the middle of a command
    // (or a broadcast) costs a reconnect and a resubscription, not the verdicts. --timeout still bounds it.
    m_client->setReconnectDelays(250, 4000);
    m_client->setAutoReconnect(true);
    run();
}

bool CtlCommand::isAboutOneMessage(MqttClient::Error error)
{
    switch (error) {
    case MqttClient::Error::InvalidTopic:
    case MqttClient::Error::InvalidTopicFilter:
    case MqttClient::Error::PayloadTooLarge:
    case MqttClient::Error::InFlightWindowFull:
    case MqttClient::Error::PropertiesNotSupported:
    case MqttClient::Error::InvalidPayload:
    case MqttClient::Error::NotConnected:
    case MqttClient::Error::SubscriptionDenied:
    case MqttClient::Error::PublishDenied:
        return true;
    default:
        return false;
    }
}

void CtlCommand::onError(MqttClient::Error error, const QString &message)
{
    // About one message: the command reports it. Otherwise kept for the state change that follows.
    if (!isAboutOneMessage(error))
        m_connectionError = message;
}

void CtlCommand::onStateChanged(MqttClient::State state)
{
    if (m_done)
        return;
    if (state == MqttClient::State::Reconnecting) {
        m_lostConnection = true;
        writeErr(tr("fleetctl: the connection to %1 was lost (%2); reconnecting…")
                     .arg(m_profile.url.toDisplayString(),
                          m_connectionError.isEmpty() ? tr("closed") : m_connectionError));
        m_connectionError.clear();
        return;
    }
    if (state == MqttClient::State::Connected && std::exchange(m_lostConnection, false)) {
        writeErr(tr("fleetctl: reconnected to %1.").arg(m_profile.url.toDisplayString()));
        return;
    }
    if (state != MqttClient::State::Disconnected)
        return;
    if (m_running)
        beforeGivingUp();
    fail(ConnectionFailed, m_connectionError.isEmpty()
                               ? tr("The connection to %1 was closed.").arg(m_profile.url.toDisplayString())
                               : m_connectionError);
}

void CtlCommand::discoverGate(std::function<void()> then)
{
    const QString infoTopic = ApprovalQueue::gatePrefix() + u"/info"_s;
    connect(m_client, &MqttClient::messageReceived, this, [this, infoTopic](const MqttMessage &message) {
        if (message.topic() == infoTopic)
            m_gateInfo = message.payload();
    });
    m_client->subscribe(infoTopic, 1);
    afterRetained(100, std::move(then));
}

void CtlCommand::afterRetained(int quietMs, std::function<void()> then)
{
    // Retained messages follow each SUBACK; once every subscription is granted and nothing arrived for
    // quietMs, they are all in.
    auto *quiet = new QTimer(this);
    quiet->setSingleShot(true);
    quiet->setInterval(quietMs);
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(m_client, &MqttClient::messageReceived, quiet, [quiet] {
        if (quiet->isActive())
            quiet->start();
    });
    connect(poll, &QTimer::timeout, this, [this, poll, quiet] {
        const auto subscriptions = m_client->subscriptions();
        const bool granted = std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
            return s.state != MqttClient::SubscriptionState::Pending;
        });
        if (granted) {
            poll->deleteLater();
            quiet->start();
        }
    });
    connect(quiet, &QTimer::timeout, this, [quiet, then = std::move(then)] {
        quiet->deleteLater();
        then();
    });
    poll->start();
}

void CtlCommand::fail(int exitCode, const QString &message)
{
    if (m_done)
        return;
    writeErr(u"fleetctl: "_s + message);
    done(exitCode);
}

void CtlCommand::done(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    // Whatever is still held for the ledger is written before anything closes it.
    flushLedger();
    m_exitCode = exitCode;
    m_deadline.stop();
    if (m_client->state() != MqttClient::State::Connected)
        return finishWhenFlushed();
    // What was published (a command, a decision, an approval request) must reach the broker before the
    // connection closes: wait for its acknowledgements, at most a few seconds.
    auto *poll = new QTimer(this);
    auto *clock = new QElapsedTimer;
    clock->start();
    connect(poll, &QTimer::timeout, this, [this, poll, clock] {
        if (m_client->inFlightCount() > 0 && m_client->state() == MqttClient::State::Connected &&
            clock->elapsed() < 5000)
            return;
        poll->stop();
        poll->deleteLater();
        delete clock;
        finishWhenFlushed();
    });
    poll->start(10);
}

void CtlCommand::finishWhenFlushed()
{
    if (m_client->state() != MqttClient::State::Disconnected)
        m_client->disconnectFromBroker();
    Q_EMIT finished(m_exitCode);
}

} // namespace fleet::ctl
