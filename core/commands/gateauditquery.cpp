#include "commands/gateauditquery.h"

#include "commands/approvalqueue.h"
#include "common/networkjson.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QDate>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr qint64 MaxSeq = std::numeric_limits<qint64>::max();

// A JSON integer as a qint64, if it is one and fits.
std::optional<qint64> integer(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const quint64 u = value->get<quint64>();
        return u <= quint64(MaxSeq) ? std::optional<qint64>(qint64(u)) : std::nullopt;
    }
    if (value->is_number_integer())
        return value->get<qint64>();
    return std::nullopt;
}

bool isGateInfo(const QByteArray &payload)
{
    const std::optional<Json> info = NetworkJson::parse(payload, {});
    const Json *gate = info ? jsonMember(*info, "gate") : nullptr;
    return gate && gate->is_string() && !gate->get_ref<const std::string &>().empty();
}

} // namespace

GateAuditQuery::GateAuditQuery(MqttClient *client, const QString &identity, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_identity(identity)
    , m_replyTopic(replyTopic(identity))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_stage == Stage::Pausing)
            return sendPage();
        if (isRunning())
            fail(Failure::TimedOut, tr("No answer from fleet-hub's gate within %1 s: is fleet-hub running?")
                                        .arg(m_timeoutMs / 1000.0));
    });
    connect(m_client, &MqttClient::messageReceived, this, &GateAuditQuery::onMessage);
    connect(m_client, &MqttClient::subscribed, this, &GateAuditQuery::onSubscribed);
    connect(m_client, &MqttClient::connected, this, &GateAuditQuery::onConnected);
    connect(m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                if (m_stage == Stage::Subscribing && (filter == m_replyTopic || filter == infoTopic()))
                    fail(Failure::Refused, message);
            });
    // MQTT 5 says when the ACL refuses the query (an account without the grant, a device); 3.1.1 drops it
    // silently, and the timeout tells.
    connect(m_client, &MqttClient::publishFailed, this,
            [this](int messageId, MqttClient::Error, const QString &message) {
                if (m_stage == Stage::Waiting && messageId == m_messageId)
                    fail(
                        Failure::Refused,
                        tr("The broker refused the query: %1 (operators, approvers and monitors may read the "
                           "audit log).")
                            .arg(message));
            });
    connect(m_client, &MqttClient::readyToPublish, this, [this] {
        if (m_stage == Stage::Waiting && m_waitingForWindow)
            sendPage();
    });
}

GateAuditQuery::~GateAuditQuery() = default;

void GateAuditQuery::setMaxEntries(int count)
{
    m_maxEntries = std::clamp(count, 1, MaxEntries);
}

void GateAuditQuery::setPageSize(int count)
{
    m_pageSize = std::clamp(count, 1, MaxPageSize);
}

void GateAuditQuery::setTimeoutMs(int ms)
{
    m_timeoutMs = std::max(ms, 1);
}

QString GateAuditQuery::queryTopic(const QString &user)
{
    return u"fleet/gate/audit/query/"_s + user;
}

QString GateAuditQuery::replyTopic(const QString &user)
{
    return u"fleet/gate/audit/replies/"_s + user;
}

QString GateAuditQuery::infoTopic()
{
    return ApprovalQueue::gatePrefix() + u"/info"_s;
}

void GateAuditQuery::start()
{
    if (m_stage != Stage::Idle)
        return;
    if (!ApprovalQueue::isValidIdentity(m_identity))
        return failLater(
            Failure::NoIdentity,
            m_identity.isEmpty()
                ? tr("Reading the audit log needs an MQTT username: the gate answers each "
                     "account on a topic of its own.")
                : tr("The MQTT username \"%1\" cannot be a topic level: it must not contain '/', "
                     "'+' or '#'.")
                      .arg(m_identity));
    if (m_client->state() != MqttClient::State::Connected)
        return failLater(Failure::NotConnected, tr("Not connected to a broker."));
    m_baseId = QString::number(QRandomGenerator::global()->generate64(), 36);
    m_after = std::max<qint64>(m_filter.after, 0);
    m_stage = Stage::Subscribing;
    // The order matters: see the class comment. Neither is unsubscribed afterwards, since the client keeps no
    // count of who else subscribed the same filter (the approval queue reads fleet/gate/info too).
    m_client->subscribe(infoTopic(), 1);
    m_client->subscribe(m_replyTopic, 1);
    m_timer.start(m_timeoutMs);
}

void GateAuditQuery::cancel()
{
    m_cancelled = true;
    m_stage = Stage::Done;
    m_timer.stop();
}

void GateAuditQuery::onConnected()
{
    // A reconnect in the middle: the query (or its answer) may be lost, and the subscriptions are new.
    if (m_stage == Stage::Waiting) {
        sendPage();
    } else if (m_stage == Stage::Subscribing) {
        m_infoAcknowledged = false;
        m_client->subscribe(infoTopic(), 1);
        m_client->subscribe(m_replyTopic, 1);
    }
}

void GateAuditQuery::onSubscribed(const QString &filter)
{
    if (m_stage != Stage::Subscribing)
        return;
    if (filter == infoTopic()) {
        m_infoAcknowledged = true;
        return;
    }
    if (filter != m_replyTopic || !m_infoAcknowledged)
        return;
    if (!m_gateSeen)
        return fail(Failure::NoGate, tr("No fleet-hub gate on this broker: there is no audit log to read."));
    sendPage();
}

void GateAuditQuery::sendPage()
{
    m_waitingForWindow = false;
    m_pageId = m_baseId + u'-' + QString::number(++m_sent);
    m_asked = int(std::min<qsizetype>(m_pageSize, m_maxEntries - m_entries.size()));
    Json query = {{"query", m_pageId.toStdString()}, {"after", m_after}, {"limit", m_asked}};
    if (m_filter.since > 0)
        query["since"] = m_filter.since;
    if (!m_filter.requester.isEmpty())
        query["requester"] = m_filter.requester.toStdString();
    if (!m_filter.actor.isEmpty())
        query["actor"] = m_filter.actor.toStdString();
    if (!m_filter.id.isEmpty())
        query["id"] = m_filter.id.toStdString();
    MqttMessage message(queryTopic(m_identity), compactJsonBytes(query), 1, false);
    if (m_client->profile().protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5)
        message.properties().correlationData = m_pageId.toUtf8();
    m_stage = Stage::Waiting;
    m_timer.start(m_timeoutMs);
    const int messageId = m_client->publish(message);
    if (messageId < 0) {
        if (m_client->error() == MqttClient::Error::InFlightWindowFull ||
            m_client->error() == MqttClient::Error::NotConnected) {
            // Sent once there is room (readyToPublish) or a connection (connected) again.
            m_waitingForWindow = true;
            return;
        }
        return fail(Failure::Refused, tr("The query could not be sent: %1").arg(m_client->errorString()));
    }
    m_messageId = messageId;
}

void GateAuditQuery::onMessage(const MqttMessage &message)
{
    if (!isRunning())
        return;
    if (message.topic() == infoTopic()) {
        m_gateSeen = isGateInfo(message.payload());
        return;
    }
    if (m_stage != Stage::Waiting || message.topic() != m_replyTopic)
        return;
    const std::optional<QByteArray> &correlation = message.properties().correlationData;
    if (correlation && *correlation != m_pageId.toUtf8())
        return; // another query's (another console of this user, or an earlier page repeated)
    QString why;
    const std::optional<Json> reply =
        NetworkJson::parse(message.payload(), {MaxReplyBytes, MaxReplyDepth}, &why);
    if (!reply || !reply->is_object())
        return fail(
            Failure::BadReply,
            tr("The gate's reply cannot be read: %1").arg(reply ? tr("it is not a JSON object") : why));
    const Json *query = jsonMember(*reply, "query");
    const bool mine = correlation || (query && query->is_string() &&
                                      QString::fromStdString(query->get<std::string>()) == m_pageId);
    if (!mine)
        return;
    handleReply(*reply);
}

void GateAuditQuery::handleReply(const Json &reply)
{
    m_timer.stop();
    if (const Json *error = jsonMember(reply, "error")) {
        if (!error->is_string())
            return fail(Failure::BadReply, tr("The gate's reply has an \"error\" that is not text."));
        const QString text = QString::fromStdString(error->get<std::string>()).left(1024);
        const std::optional<qint64> retryMs = integer(jsonMember(reply, "retryAfterMs"));
        if (retryMs && *retryMs >= 0 && *retryMs <= 60000 && m_retries < MaxRetries) {
            // Too many queries at once: the gate says when it takes the next one.
            ++m_retries;
            m_stage = Stage::Pausing;
            m_timer.start(int(*retryMs));
            return;
        }
        return fail(Failure::Refused, tr("The gate refused the query: %1").arg(text));
    }
    const Json *entries = jsonMember(reply, "entries");
    if (!entries || !entries->is_array())
        return fail(Failure::BadReply, tr("The gate's reply has no list of entries."));
    if (entries->size() > size_t(m_asked))
        return fail(Failure::BadReply, tr("The gate's reply has %1 entries where at most %2 were asked for.")
                                           .arg(entries->size())
                                           .arg(m_asked));
    std::optional<qint64> next;
    if (const Json *value = jsonMember(reply, "next"); value && !value->is_null()) {
        next = integer(value);
        if (!next)
            return fail(Failure::BadReply,
                        tr("The gate's reply has a \"next\" that is not a sequence number."));
    }
    QList<Entry> page;
    page.reserve(qsizetype(entries->size()));
    qint64 last = m_after;
    for (const Json &item : *entries) {
        QString why;
        std::optional<Entry> entry = fromJson(item, &why);
        if (!entry)
            return fail(Failure::BadReply, tr("The gate's reply has a malformed entry: %1").arg(why));
        // Strictly increasing, and after what was asked for: a page sent twice cannot be counted twice.
        if (entry->seq <= last)
            return fail(Failure::BadReply,
                        tr("The gate's reply is out of order: entry %1 after %2.").arg(entry->seq).arg(last));
        last = entry->seq;
        page.append(std::move(*entry));
    }
    if (next && (*next < last || *next <= m_after))
        return fail(Failure::BadReply,
                    tr("The gate's reply points back: next %1 after entry %2.").arg(*next).arg(last));
    ++m_pages;
    m_retries = 0;
    m_entries.append(page);
    if (!next) {
        m_next = 0;
        return finish();
    }
    if (m_entries.size() >= m_maxEntries || m_pages >= MaxPages) {
        m_next = *next;
        return finish();
    }
    m_after = *next;
    sendPage();
}

void GateAuditQuery::finish()
{
    m_stage = Stage::Done;
    m_timer.stop();
    Q_EMIT finished(m_entries);
}

void GateAuditQuery::fail(Failure failure, const QString &message)
{
    m_stage = Stage::Done;
    m_timer.stop();
    m_failure = failure;
    m_error = message;
    Q_EMIT failed(message);
}

void GateAuditQuery::failLater(Failure failure, const QString &message)
{
    m_stage = Stage::Done;
    m_failure = failure;
    m_error = message;
    QTimer::singleShot(0, this, [this] {
        if (!m_cancelled)
            Q_EMIT failed(m_error);
    });
}

Json GateAuditQuery::toJson(const Entry &e)
{
    return {{"seq", e.seq},
            {"time", e.time},
            {"actor", e.actor.toStdString()},
            {"action", e.action.toStdString()},
            {"requester", e.requester.toStdString()},
            {"id", e.id.toStdString()},
            {"topic", e.topic.toStdString()},
            {"detail", e.detail.toStdString()}};
}

std::optional<GateAuditQuery::Entry> GateAuditQuery::fromJson(const Json &json, QString *why)
{
    const auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return std::nullopt;
    };
    if (!json.is_object())
        return refuse(tr("not a JSON object"));
    Entry e;
    const std::optional<qint64> seq = integer(jsonMember(json, "seq"));
    if (!seq || *seq <= 0)
        return refuse(tr("\"seq\" is not a positive integer"));
    const std::optional<qint64> time = integer(jsonMember(json, "time"));
    if (!time)
        return refuse(tr("\"time\" is not an integer"));
    e.seq = *seq;
    e.time = *time;
    for (const auto &[key, field] :
         {std::pair{"actor", &e.actor}, std::pair{"action", &e.action}, std::pair{"requester", &e.requester},
          std::pair{"id", &e.id}, std::pair{"topic", &e.topic}, std::pair{"detail", &e.detail}}) {
        const Json *value = jsonMember(json, key);
        if (!value || !value->is_string())
            return refuse(tr("\"%1\" is not text").arg(QLatin1StringView(key)));
        const std::string &text = value->get_ref<const std::string &>();
        // A UTF-16 unit takes one to three UTF-8 bytes: the byte count bounds the conversion's cost first.
        if (text.size() > size_t(MaxTextChars) * 3)
            return refuse(
                tr("\"%1\" is longer than %2 characters").arg(QLatin1StringView(key)).arg(MaxTextChars));
        *field = QString::fromStdString(text);
        if (field->size() > MaxTextChars)
            return refuse(
                tr("\"%1\" is longer than %2 characters").arg(QLatin1StringView(key)).arg(MaxTextChars));
    }
    return e;
}

std::optional<qint64> GateAuditQuery::parseSince(const QString &text, qint64 nowMs)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    static const QRegularExpression duration(u"^(?:\\d{1,9}[smhdw])+$"_s);
    if (duration.match(t).hasMatch()) {
        static const QRegularExpression part(u"(\\d+)([smhdw])"_s);
        qint64 ms = 0;
        for (auto it = part.globalMatch(t); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            qint64 unit = 1000;
            switch (m.captured(2).at(0).unicode()) {
            case u'w':
                unit *= 7;
                [[fallthrough]];
            case u'd':
                unit *= 24;
                [[fallthrough]];
            case u'h':
                unit *= 60;
                [[fallthrough]];
            case u'm':
                unit *= 60;
                break;
            default:
                break;
            }
            ms += m.captured(1).toLongLong() * unit;
            if (ms > nowMs)
                return std::nullopt; // before the epoch: a typo, not a time
        }
        if (ms <= 0)
            return std::nullopt;
        return nowMs - ms;
    }
    QDateTime at = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!at.isValid()) {
        const QDate day = QDate::fromString(t, Qt::ISODate);
        if (day.isValid())
            at = day.startOfDay();
    }
    if (!at.isValid() || at.toMSecsSinceEpoch() <= 0)
        return std::nullopt;
    return at.toMSecsSinceEpoch();
}

} // namespace fleet
