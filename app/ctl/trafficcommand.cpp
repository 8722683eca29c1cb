#include "trafficcommand.h"

#include "common/json.h"

#include "common/stopsignals.h"
#include "exitcode.h"
#include "mqtt/mqttmessage.h"
#include "mqtt/topicfilter.h"
#include "output.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fleet::ctl {

namespace {

bool isText(const QByteArray &payload)
{
    QString text = QString::fromUtf8(payload);
    if (text.toUtf8() != payload)
        return false;
    return std::none_of(text.cbegin(), text.cend(),
                        [](QChar c) { return c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r'; });
}

} // namespace

TrafficCommand::TrafficCommand(QObject *parent)
    : CtlCommand(u"traffic"_s, parent)
{}

QString TrafficCommand::summary()
{
    return tr("traffic --filter F                 live topic traffic");
}

QString TrafficCommand::description() const
{
    return tr("Prints every message on the topic filters (--filter, repeatable; default #) as it arrives: "
              "time, topic, QoS, retained flag and payload (text as is, anything else in hex), or one JSON "
              "document per message with --json. Runs until --count messages, --duration seconds, or "
              "SIGINT/SIGTERM; --timeout does not apply.");
}

void TrafficCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"filter"_s, tr("A topic filter (+ and # wildcards); repeatable."), tr("FILTER")},
        {u"count"_s, tr("Stop after N messages."), tr("N")},
        {u"duration"_s, tr("Stop after SECONDS."), tr("SECONDS")},
        {u"hex"_s, tr("Print every payload in hex.")},
    });
}

std::optional<int> TrafficCommand::readArguments(const QCommandLineParser &parser,
                                                 const QStringList &positional)
{
    m_filters = parser.values(u"filter"_s) + positional;
    if (m_filters.isEmpty())
        m_filters = {u"#"_s};
    for (const QString &filter : std::as_const(m_filters)) {
        if (!TopicFilter::isValidFilter(filter))
            return usageError(tr("\"%1\" is not a valid topic filter.").arg(filter));
    }
    bool ok = true;
    if (parser.isSet(u"count"_s)) {
        m_count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || m_count < 1)
            return usageError(tr("--count: expected a whole number, 1 or more."));
    }
    if (parser.isSet(u"duration"_s)) {
        const double seconds = parser.value(u"duration"_s).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 86400 * 365)
            return usageError(tr("--duration: expected seconds, more than 0."));
        m_durationMs = int(std::min(seconds * 1000, 2.0e9));
    }
    m_hex = parser.isSet(u"hex"_s);
    return std::nullopt;
}

void TrafficCommand::run()
{
    // A tail runs as long as the user wants: the overall --timeout was for the connection only.
    stopDeadline();
    auto *stopSignals = new StopSignals(this);
    connect(stopSignals, &StopSignals::stopRequested, this, [this] { done(Success); });
    if (!stopSignals->install())
        writeErr(tr("fleetctl: cannot catch SIGINT/SIGTERM; they will end the traffic tail abruptly."));
    if (m_durationMs > 0)
        QTimer::singleShot(m_durationMs, this, [this] { done(Success); });
    connect(client(), &MqttClient::messageReceived, this, &TrafficCommand::onMessage);
    connect(client(), &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                fail(Rejected, tr("The broker refused the subscription to %1: %2").arg(filter, message));
            });
    for (const QString &filter : std::as_const(m_filters))
        client()->subscribe(filter, 1);
}

void TrafficCommand::onMessage(const MqttMessage &message)
{
    if (isDone())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool text = !m_hex && isText(message.payload());
    if (json()) {
        Json doc = {{"time", now},
                    {"topic", utf8(message.topic())},
                    {"qos", message.qos()},
                    {"retained", message.retain()}};
        if (text)
            doc["payload"] = message.payload().toStdString();
        else
            doc["payloadHex"] = message.payload().toHex().toStdString();
        writeOut(compactJson(doc));
    } else {
        writeOut(u"%1  %2  qos%3%4  %5"_s
                     .arg(QDateTime::fromMSecsSinceEpoch(now).toString(u"HH:mm:ss.zzz"_s), message.topic())
                     .arg(message.qos())
                     .arg(message.retain() ? tr(" retained") : QString(),
                          text ? QString::fromUtf8(message.payload())
                               : u"0x"_s + QString::fromLatin1(message.payload().toHex())));
    }
    if (m_count > 0 && ++m_seen >= m_count)
        done(Success);
}

} // namespace fleet::ctl
