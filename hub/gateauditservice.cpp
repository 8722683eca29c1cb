#include "gateauditservice.h"

#include "commands/gateauditquery.h"
#include "common/networkjson.h"
#include "shadowservice.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Each text field of a reply's entry, at most: the gate writes details of at most 1024 characters, so this
// cuts nothing it wrote, and any single entry then fits a reply (8 fields × 4096 characters × 6 bytes for the
// longest JSON escape is under 200 KB).
constexpr qsizetype MaxFieldChars = 4096;
// A reply's bytes besides its entries: the query id (128 characters, up to 6 bytes each escaped), the keys
// and "next".
constexpr qsizetype EnvelopeBytes = 1024;
// How soon waiting queries are looked at again while a transaction of the gate is open.
constexpr int TransactionRetryMs = 10;

std::optional<qint64> integer(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const quint64 u = value->get<quint64>();
        if (u > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(u);
    }
    if (value->is_number_integer())
        return value->get<qint64>();
    return std::nullopt;
}

// The query's id when it is one (text of at most MaxQueryIdChars), else null: a reply echoes only that.
Json queryIdOf(const Json &query)
{
    const Json *id = jsonMember(query, "query");
    if (!id || !id->is_string() ||
        QString::fromStdString(id->get<std::string>()).size() > GateAuditService::MaxQueryIdChars)
        return nullptr;
    return *id;
}

} // namespace

GateAuditService::GateAuditService(MqttClient *client, GateStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    m_clock.start();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &GateAuditService::handleWaiting);
    m_sweepTimer.setSingleShot(true);
    m_sweepTimer.setInterval(1000);
    connect(&m_sweepTimer, &QTimer::timeout, this, &GateAuditService::sweep);
    connect(m_client, &MqttClient::messageReceived, this, &GateAuditService::onMessage);
    connect(m_client, &MqttClient::connected, this, &GateAuditService::flush);
    connect(m_client, &MqttClient::readyToPublish, this, &GateAuditService::flush);
}

GateAuditService::~GateAuditService() = default;

QString GateAuditService::queryFilter()
{
    return GateAuditQuery::queryTopic(u"+"_s);
}

bool GateAuditService::start()
{
    if (!m_client->subscribe(queryFilter(), 1)) {
        m_error = m_client->errorString();
        return false;
    }
    return true;
}

void GateAuditService::onMessage(const MqttMessage &message)
{
    const QString prefix = GateAuditQuery::queryTopic({});
    if (!message.topic().startsWith(prefix))
        return;
    const QString user = message.topic().mid(prefix.size());
    // A retained query comes again at every reconnect of the hub: it was answered when it was published.
    if (user.isEmpty() || user.contains(u'/') || message.retain())
        return;
    bool tellLimit = false;
    qint64 retryAfterMs = 0;
    if (!admit(user, &tellLimit, &retryAfterMs)) {
        if (tellLimit) {
            const std::optional<Json> query =
                NetworkJson::parse(message.payload(), {MaxQueryBytes, MaxQueryDepth});
            replyError(user, message, query ? queryIdOf(*query) : Json(nullptr),
                       tr("Too many queries: at most %1 a second per account.").arg(MaxQueriesPerSecond),
                       retryAfterMs);
        }
        return;
    }
    if (m_waiting.size() >= MaxWaiting) {
        ++m_droppedWaiting;
        if (!m_sweepTimer.isActive())
            m_sweepTimer.start();
        return;
    }
    m_waiting.append({user, message});
    if (!m_batchTimer.isActive())
        m_batchTimer.start(0);
}

bool GateAuditService::admit(const QString &user, bool *tellLimit, qint64 *retryAfterMs)
{
    const qint64 now = m_clock.elapsed();
    auto it = m_rates.find(user);
    if (it == m_rates.end()) {
        it = m_rates.insert(user, {now, 0, 0, false});
        if (!m_sweepTimer.isActive())
            m_sweepTimer.start();
    } else if (now - it->windowStart >= 1000) {
        if (it->dropped > 0)
            qCWarning(lcHub).noquote()
                << tr("Dropped %n audit query(ies) of %1: more than %2 in a second.", nullptr, it->dropped)
                       .arg(user, QString::number(MaxQueriesPerSecond));
        *it = {now, 0, 0, false};
    }
    if (it->answered < MaxQueriesPerSecond) {
        ++it->answered;
        return true;
    }
    *retryAfterMs = std::max<qint64>(1000 - (now - it->windowStart), 0);
    if (!it->told) {
        it->told = true;
        *tellLimit = true;
        return false;
    }
    ++it->dropped;
    return false;
}

void GateAuditService::sweep()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_rates.begin(); it != m_rates.end();) {
        if (now - it->windowStart < 1000) {
            ++it;
            continue;
        }
        if (it->dropped > 0)
            qCWarning(lcHub).noquote()
                << tr("Dropped %n audit query(ies) of %1: more than %2 in a second.", nullptr, it->dropped)
                       .arg(it.key(), QString::number(MaxQueriesPerSecond));
        it = m_rates.erase(it);
    }
    if (m_droppedWaiting > 0) {
        qCWarning(lcHub).noquote()
            << tr("Dropped %n audit query(ies): %1 were already waiting for an answer.", nullptr,
                  std::exchange(m_droppedWaiting, 0))
                   .arg(MaxWaiting);
    }
    if (!m_rates.isEmpty())
        m_sweepTimer.start();
}

void GateAuditService::handleWaiting()
{
    // The gate writes a batch in one transaction and publishes only once it committed; a row read inside it
    // could still be rolled back. Both run on this thread, so this is the gate between two turns of the loop.
    if (m_store->inTransaction())
        return m_batchTimer.start(TransactionRetryMs);
    while (!m_waiting.isEmpty() && m_outboxBytes < MaxOutboxBytes) {
        const Waiting next = m_waiting.takeFirst();
        answer(next.user, next.message);
    }
}

void GateAuditService::answer(const QString &user, const MqttMessage &query)
{
    const QByteArray &payload = query.payload();
    if (payload.size() > MaxQueryBytes)
        return replyError(
            user, query, nullptr,
            tr("A query is at most %1 bytes; this one has %2.").arg(MaxQueryBytes).arg(payload.size()));
    QString why;
    const std::optional<Json> body = NetworkJson::parse(payload, {MaxQueryBytes, MaxQueryDepth}, &why);
    if (!body)
        return replyError(user, query, nullptr, tr("The query cannot be read: %1").arg(why));
    if (!body->is_object())
        return replyError(user, query, nullptr,
                          tr("A query is a JSON object: {\"query\", \"after\", \"limit\", \"requester\", "
                             "\"actor\", \"id\", \"since\"}."));
    // The id first, so that every later error carries it.
    const Json queryId = queryIdOf(*body);
    if (queryId.is_null() && jsonMember(*body, "query"))
        return replyError(
            user, query, nullptr,
            tr("\"query\" is the query's id: text of at most %1 characters.").arg(MaxQueryIdChars));
    const std::optional<QByteArray> &correlation = query.properties().correlationData;
    if (correlation && correlation->size() > MaxCorrelationBytes)
        return replyError(user, query, queryId,
                          tr("The correlation data is at most %1 bytes; this one has %2.")
                              .arg(MaxCorrelationBytes)
                              .arg(correlation->size()));

    GateStore::AuditFilter filter;
    filter.scanLimit = ScanSeqs;
    int limit = DefaultLimit;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const std::string &key = it.key();
        const Json *value = &it.value();
        if (key == "query")
            continue;
        if (key == "after" || key == "since") {
            const std::optional<qint64> n = integer(value);
            if (!n || *n < 0)
                return replyError(user, query, queryId,
                                  key == "after"
                                      ? tr("\"after\" is a sequence number: an integer, 0 or more.")
                                      : tr("\"since\" is a time in ms since the epoch: an integer, 0 "
                                           "or more."));
            (key == "after" ? filter.after : filter.since) = *n;
        } else if (key == "limit") {
            const std::optional<qint64> n = integer(value);
            if (!n || *n < 1 || *n > MaxLimit)
                return replyError(user, query, queryId,
                                  tr("\"limit\" is how many entries to send: 1 to %1.").arg(MaxLimit));
            limit = int(*n);
        } else if (key == "requester" || key == "actor" || key == "id") {
            const QString text =
                value->is_string() ? QString::fromStdString(value->get<std::string>()) : QString();
            if (!value->is_string() || text.size() > MaxFilterChars)
                return replyError(user, query, queryId,
                                  tr("\"%1\" is text of at most %2 characters.")
                                      .arg(QString::fromStdString(key))
                                      .arg(MaxFilterChars));
            (key == "requester" ? filter.requester : key == "actor" ? filter.actor : filter.id) = text;
        } else {
            // Strict, so that a misspelt filter does not quietly return everything.
            return replyError(
                user, query, queryId,
                tr("Unknown key \"%1\": a query has query, after, limit, requester, actor, id and "
                   "since.")
                    .arg(QString::fromStdString(key).left(64)));
        }
    }

    const std::optional<GateStore::AuditPage> page = m_store->auditLog(filter, limit);
    if (!page)
        return replyError(user, query, queryId,
                          tr("The gate cannot read its audit log: %1").arg(m_store->errorString()));
    Json entries = Json::array();
    qsizetype bytes = EnvelopeBytes;
    qint64 next = page->next;
    for (qsizetype i = 0; i < page->entries.size(); ++i) {
        const GateStore::AuditEntry &e = page->entries.at(i);
        Json item =
            GateAuditQuery::toJson({e.seq, e.time, e.actor.left(MaxFieldChars), e.action.left(MaxFieldChars),
                                    e.requester.left(MaxFieldChars), e.id.left(MaxFieldChars),
                                    e.topic.left(MaxFieldChars), e.detail.left(MaxFieldChars)});
        const qsizetype size = qsizetype(compactJsonString(item).size()) + 1;
        if (i > 0 && bytes + size > MaxReplyBytes) {
            next = page->entries.at(i - 1).seq; // the rest in the next page
            break;
        }
        bytes += size;
        entries.push_back(std::move(item));
    }
    Json out = Json::object();
    if (!queryId.is_null())
        out["query"] = queryId;
    out["entries"] = std::move(entries);
    out["next"] = next > 0 ? Json(next) : Json(nullptr);
    reply(user, query, out);
}

void GateAuditService::replyError(const QString &user, const MqttMessage &query, const Json &queryId,
                                  const QString &error, qint64 retryAfterMs)
{
    Json out = Json::object();
    if (!queryId.is_null())
        out["query"] = queryId;
    out["error"] = error.toStdString();
    if (retryAfterMs >= 0)
        out["retryAfterMs"] = retryAfterMs;
    reply(user, query, out);
}

void GateAuditService::reply(const QString &user, const MqttMessage &query, const Json &body)
{
    MqttMessage out(GateAuditQuery::replyTopic(user), compactJsonBytes(body), 1, false);
    if (m_client->profile().protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5) {
        out.properties().contentType = u"application/json"_s;
        const std::optional<QByteArray> &correlation = query.properties().correlationData;
        if (correlation && correlation->size() <= MaxCorrelationBytes)
            out.properties().correlationData = *correlation;
    }
    m_outboxBytes += out.payload().size();
    m_outbox.append(std::move(out));
    flush();
}

void GateAuditService::flush()
{
    // As the gate does: publish until the client refuses for a full window, which is what makes it signal
    // readyToPublish() once there is room.
    while (!m_outbox.isEmpty() && m_client->state() == MqttClient::State::Connected) {
        if (m_client->publish(m_outbox.constFirst()) < 0) {
            if (m_client->error() == MqttClient::Error::InFlightWindowFull ||
                m_client->state() != MqttClient::State::Connected)
                break;
            qCWarning(lcHub).noquote() << tr("Dropped an audit reply on \"%1\": %2")
                                              .arg(m_outbox.constFirst().topic(), m_client->errorString());
        }
        m_outboxBytes -= m_outbox.constFirst().payload().size();
        m_outbox.removeFirst();
    }
    if (!m_waiting.isEmpty() && m_outboxBytes < MaxOutboxBytes && !m_batchTimer.isActive())
        m_batchTimer.start(0);
}

} // namespace fleet
