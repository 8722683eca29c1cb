#include "shadowcommand.h"

#include "mqtt/mqttclient.h"

#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

QString pretty(const ShadowDocument::Json &value)
{
    return QString::fromStdString(value.dump(2));
}

} // namespace

ShadowCommand::ShadowCommand(MqttClient *client, Options options, QObject *parent)
    : QObject(parent)
    , m_shadows(client, this)
    , m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr)
{
    m_shadows.setTimeout(m_options.timeoutMs);
    connect(&m_shadows, &ShadowClient::requestFinished, this, &ShadowCommand::onFinished);
}

QString ShadowCommand::shadowLabel() const
{
    return m_options.shadowName.isEmpty()
               ? tr("%1 (classic shadow)").arg(m_options.thingName)
               : tr("%1 (shadow \"%2\")").arg(m_options.thingName, m_options.shadowName);
}

void ShadowCommand::printSection(const char *title, const ShadowDocument::Json &value)
{
    if (value.is_null() || (value.is_object() && value.empty()))
        return;
    m_out << QString::fromLatin1(title) << u":\n"_s << pretty(value) << u'\n';
}

void ShadowCommand::start()
{
    const auto &o = m_options;
    if (o.action == "get"_L1) {
        m_token = m_shadows.get(o.thingName, o.shadowName);
    } else if (o.action == "update"_L1) {
        m_token = m_shadows.update(o.thingName, o.shadowName, o.state, o.expectedVersion);
    } else if (o.action == "delete"_L1) {
        m_token = m_shadows.remove(o.thingName, o.shadowName);
    } else {
        connect(&m_shadows, &ShadowClient::shadowChanged, this, &ShadowCommand::onChanged);
        connect(&m_shadows, &ShadowClient::deltaReceived, this, &ShadowCommand::onDelta);
        connect(&m_shadows, &ShadowClient::shadowDeleted, this, &ShadowCommand::onDeleted);
        m_shadows.watch(o.thingName, o.shadowName);
        if (!o.json) {
            m_err << tr("Watching %1; press Ctrl+C to stop.").arg(shadowLabel()) << Qt::endl;
        }
    }
}

void ShadowCommand::onFinished(const QString &token, const ShadowClient::Result &result)
{
    if (token != m_token)
        return;
    if (!result.ok) {
        m_err << tr("error %1: %2").arg(result.error.code).arg(result.error.message) << Qt::endl;
        if (m_options.json && !result.body.empty())
            m_out << QString::fromStdString(result.body.dump()) << Qt::endl;
        QCoreApplication::exit(result.error.code == ShadowClient::TimedOut       ? TimedOut
                               : result.error.code == ShadowClient::NotConnected ? ConnectionFailed
                                                                                 : Rejected);
        return;
    }
    if (m_options.json) {
        m_out << QString::fromStdString(result.body.dump()) << Qt::endl;
        QCoreApplication::exit(Ok);
        return;
    }
    const auto &body = result.body;
    const auto state = body.value("state", ShadowDocument::Json::object());
    if (m_options.action == "get"_L1) {
        const qint64 ts = body.value("timestamp", qint64(0));
        m_out << tr("%1, version %2, read at %3")
                     .arg(shadowLabel())
                     .arg(result.version)
                     .arg(QDateTime::fromSecsSinceEpoch(ts, Qt::UTC).toString(Qt::ISODate))
              << u'\n';
        printSection("desired", state.value("desired", ShadowDocument::Json()));
        printSection("reported", state.value("reported", ShadowDocument::Json()));
        printSection("delta", state.value("delta", ShadowDocument::Json()));
    } else if (m_options.action == "update"_L1) {
        m_out << tr("%1 updated to version %2").arg(shadowLabel()).arg(result.version) << u'\n';
        printSection("desired", state.value("desired", ShadowDocument::Json()));
        printSection("reported", state.value("reported", ShadowDocument::Json()));
    } else {
        m_out << tr("%1 deleted at version %2").arg(shadowLabel()).arg(result.version) << u'\n';
    }
    m_out.flush();
    QCoreApplication::exit(Ok);
}

void ShadowCommand::onChanged(const QString &thingName, const QString &shadowName)
{
    const auto document = m_shadows.cached(thingName, shadowName);
    if (!document)
        return;
    if (m_options.json) {
        m_out << QString::fromStdString(ShadowDocument::Json{
                     {"event", "changed"},
                     {"version", document->version()},
                     {"desired", document->desired()},
                     {"reported", document->reported()},
                     {"delta",
                      document->delta()}}.dump())
              << Qt::endl;
    } else {
        m_out << tr("%1 is now at version %2").arg(shadowLabel()).arg(document->version()) << u'\n';
        printSection("desired", document->desired());
        printSection("reported", document->reported());
        printSection("delta", document->delta());
        m_out.flush();
    }
    countEvent();
}

void ShadowCommand::onDelta(const QString &, const QString &, const ShadowDocument::Json &delta,
                            qint64 version)
{
    if (m_options.json) {
        m_out << QString::fromStdString(
                     ShadowDocument::Json{{"event", "delta"}, {"version", version}, {"delta", delta}}.dump())
              << Qt::endl;
    } else {
        m_out << tr("delta at version %1:").arg(version) << u'\n' << pretty(delta) << Qt::endl;
    }
    countEvent();
}

void ShadowCommand::onDeleted(const QString &, const QString &)
{
    if (m_options.json)
        m_out << QString::fromStdString(ShadowDocument::Json{{"event", "deleted"}}.dump()) << Qt::endl;
    else
        m_out << tr("%1 was deleted").arg(shadowLabel()) << Qt::endl;
    countEvent();
}

void ShadowCommand::countEvent()
{
    if (m_options.count > 0 && ++m_events >= m_options.count)
        QCoreApplication::exit(Ok);
}

} // namespace fleet
