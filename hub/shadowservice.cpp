#include "shadowservice.h"

#include "common/json.h"

#include "shadow/shadowdocument.h"
#include "shadowstore.h"

#include <QDateTime>
#include <QScopeGuard>

#include <utility>

#include <variant>

using namespace Qt::StringLiterals;

namespace fleet {

Q_LOGGING_CATEGORY(lcHub, "fleet.hub", QtInfoMsg)

namespace {} // namespace

ShadowService::ShadowService(ShadowStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(new MqttClient(this))
{
    // Zero interval: runs once the messages of the current socket read have all been received.
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &ShadowService::handleBatch);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcHub).noquote() << tr("Stopping without waiting any longer for the broker to acknowledge "
                                         "%1 replies.")
                                          .arg(m_outbox.size() + m_client->inFlightCount());
        finishStop();
    });
    connect(m_client, &MqttClient::messageReceived, this, &ShadowService::onMessage);
    connect(m_client, &MqttClient::stateChanged, this, &ShadowService::onStateChanged);
    connect(m_client, &MqttClient::subscribed, this, &ShadowService::onSubscribed);
    connect(m_client, &MqttClient::connected, this, &ShadowService::flush);
    connect(m_client, &MqttClient::readyToPublish, this, &ShadowService::flush);
    connect(m_client, &MqttClient::messageSent, this, &ShadowService::finishStopIfDrained);
    connect(m_client, &MqttClient::unsubscribed, this, [this](const QString &filter) {
        m_granted.removeAll(filter);
        finishStopIfDrained();
    });
    connect(m_client, &MqttClient::errorOccurred, this, [this](MqttClient::Error, const QString &message) {
        // Transient losses are retried by the client with backoff; permanent ones end in Disconnected, which
        // onStateChanged() turns into fatalError().
        qCWarning(lcHub).noquote() << message;
    });
    connect(m_client, &MqttClient::publishFailed, this, [](int, MqttClient::Error, const QString &message) {
        qCWarning(lcHub).noquote() << tr("The broker refused a reply: %1").arg(message);
    });
    connect(m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                // Without its subscriptions the hub answers nothing: that is configuration (an ACL), not
                // weather, so stop rather than sit there looking healthy.
                m_error = tr("Cannot subscribe to \"%1\": %2").arg(filter, message);
                qCCritical(lcHub).noquote() << m_error;
                Q_EMIT fatalError(m_error);
            });
}

ShadowService::~ShadowService() = default;

bool ShadowService::isValidShareGroup(const QString &group)
{
    return !group.isEmpty() && !group.contains(QLatin1Char('/')) && !group.contains(QLatin1Char('+')) &&
           !group.contains(QLatin1Char('#')) && !group.contains(QChar(0));
}

QStringList ShadowService::requestFilters() const
{
    QStringList filters = {ShadowTopic::classicRequestFilter(), ShadowTopic::namedRequestFilter()};
    if (!m_shareGroup.isEmpty()) {
        for (QString &filter : filters)
            filter = u"$share/%1/%2"_s.arg(m_shareGroup, filter);
    }
    return filters;
}

bool ShadowService::start()
{
    m_error.clear();
    if (!m_shareGroup.isEmpty() && !isValidShareGroup(m_shareGroup)) {
        m_error = tr("The share group \"%1\" is not valid: it must be non-empty without '/', '+' or '#'.")
                      .arg(m_shareGroup);
        return false;
    }
    m_stopping = m_stopped = false;
    m_client->setProfile(m_profile);
    m_client->setPassword(m_password);
    const QStringList filters = requestFilters();
    for (const QString &filter : filters) {
        // QoS 1 both ways: a request is delivered at least once and a reply too. The client keeps the
        // subscriptions and sends them again after every reconnect.
        if (!m_client->subscribe(filter, 1)) {
            m_error = m_client->errorString();
            return false;
        }
    }
    m_starting = true;
    const bool ok = m_client->connectToBroker();
    m_starting = false;
    if (!ok || m_client->state() == MqttClient::State::Disconnected) {
        m_error = m_client->errorString();
        return false;
    }
    return true;
}

void ShadowService::stop()
{
    if (m_stopping || m_stopped)
        return;
    // Requests already received are answered, not dropped.
    handleBatch();
    m_stopping = true;
    if (m_client->state() != MqttClient::State::Connected) {
        finishStop();
        return;
    }
    // Unsubscribe first and wait for the UNSUBACKs: the broker sends everything it routed to us before them,
    // so each request handed to this hub is answered, and after them a share group routes to the others.
    for (const QString &filter : requestFilters())
        m_client->unsubscribe(filter);
    m_drainTimer.start(m_drainTimeoutMs);
    finishStopIfDrained();
}

void ShadowService::finishStopIfDrained()
{
    if (!m_stopping || m_stopped)
        return;
    if (!m_granted.isEmpty() || !m_incoming.isEmpty() || !m_outbox.isEmpty() || m_client->inFlightCount() > 0)
        return;
    finishStop();
}

void ShadowService::finishStop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_stopping = true;
    m_drainTimer.stop();
    if (!m_outbox.isEmpty())
        qCWarning(lcHub).noquote() << tr("%1 replies were not published.").arg(m_outbox.size());
    m_outbox.clear();
    m_serving = false;
    m_granted.clear();
    m_client->disconnectFromBroker();
    Q_EMIT stopped();
}

void ShadowService::onStateChanged(MqttClient::State state)
{
    if (state != MqttClient::State::Connected) {
        m_granted.clear();
        m_serving = false;
    }
    if (state == MqttClient::State::Disconnected && !m_stopping && !m_starting) {
        m_error = m_client->errorString();
        if (m_error.isEmpty())
            m_error = tr("The broker connection ended.");
        qCCritical(lcHub).noquote() << tr("Giving up on the broker: %1").arg(m_error);
        Q_EMIT fatalError(m_error);
    }
    if (state == MqttClient::State::Disconnected && m_stopping)
        finishStop();
}

void ShadowService::onSubscribed(const QString &filter)
{
    const QStringList filters = requestFilters();
    if (!filters.contains(filter) || m_stopping)
        return;
    if (!m_granted.contains(filter))
        m_granted.append(filter);
    if (m_serving || m_granted.size() < filters.size())
        return;
    m_serving = true;
    qCInfo(lcHub).noquote() << tr("Connected to %1; serving shadows on %2")
                                   .arg(m_profile.url.toDisplayString(), filters.join(u", "_s));
    Q_EMIT serving();
}

void ShadowService::onMessage(const MqttMessage &message)
{
    // The connection is shared with the command gate: its topics are none of the shadows' business.
    if (m_stopped || !message.topic().startsWith(u"$aws/things/"_s))
        return;
    const std::optional<ShadowTopic> topic = ShadowTopic::parse(message.topic());
    if (!topic) {
        // The filters also match topics that are not requests (an invalid thing or shadow name, an unknown
        // operation). No reply topic can be formed safely from them, so they are dropped.
        qCWarning(lcHub).noquote()
            << tr("Dropped a message on \"%1\": not a valid shadow request topic.").arg(message.topic());
        return;
    }
    if (message.retain()) {
        // Delivered from the broker's retained store, not live: it was handled when it was published, and
        // applying it again on every (re)subscription would bump the version each time the hub restarts.
        qCWarning(lcHub).noquote()
            << tr("Ignored a retained request on \"%1\": requests must not be retained.")
                   .arg(message.topic());
        return;
    }
    if (topic->reply() != ShadowTopic::Reply::None) {
        qCWarning(lcHub).noquote() << tr("Ignored a message on the reply topic \"%1\".").arg(message.topic());
        return;
    }
    m_incoming.append({*topic, message.payload()});
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void ShadowService::handleBatch()
{
    m_batchTimer.stop();
    if (m_incoming.isEmpty())
        return;
    const QList<std::pair<ShadowTopic, QByteArray>> batch = std::exchange(m_incoming, {});
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Without the batch transaction (the write lock is busy past the timeout, say) each request still runs
    // in its own transaction and fails or succeeds alone.
    bool batched = batch.size() > 1 && m_store->beginBatch();
    if (batched) {
        QList<std::pair<QString, QString>> written;
        for (const auto &[topic, payload] : batch) {
            if (topic.operation() != ShadowTopic::Operation::Get)
                written.append({topic.thingName(), topic.shadowName()});
        }
        m_store->lockForBatch(written);
    }
    handleRequests(batch, now);
    // PostgreSQL writes the batch's rows now, in two statements; a failure there loses the batch like any
    // other failed statement.
    if (batched)
        m_store->writeBatch();
    if (batched && m_store->batchLost()) {
        // A statement failed in the batch: a deadlock with another hub's batch (PostgreSQL), say, or a disk
        // error. Nothing of it is published yet: roll it back, forget its answers, and run each request in a
        // transaction of its own, which waits for the other hub instead of deadlocking with it, and fails
        // alone.
        qCInfo(lcHub).noquote() << tr("A batch of %1 requests failed in the database (%2); running them one "
                                      "at a time.")
                                       .arg(batch.size())
                                       .arg(m_store->errorString());
        m_store->abortBatch();
        m_answered.clear();
        m_staged.clear();
        batched = false;
        handleRequests(batch, now);
    }
    const QList<Answered> answers = std::exchange(m_answered, {});
    QList<MqttMessage> replies = std::exchange(m_staged, {});
    if (batched && !m_store->commitBatch()) {
        // Nothing of the batch is on disk, and even its gets may have read its updates: answer all with 500.
        qCWarning(lcHub).noquote()
            << tr("%1 requests answered 500: %2").arg(answers.size()).arg(m_store->errorString());
        for (const Answered &answer : answers) {
            const auto body = rejection(ShadowError::internal(), answer.clientToken, now);
            m_outbox.append(MqttMessage(answer.topic.replyTopic(ShadowTopic::Reply::Rejected),
                                        compactJsonBytes(body), 1, false));
            Q_EMIT requestHandled(answer.topic.toString(), ShadowError::internal().code);
        }
    } else {
        m_outbox.append(replies);
        for (const Answered &answer : answers)
            Q_EMIT requestHandled(answer.topic.toString(), answer.code);
    }
    flush();
}

void ShadowService::handleRequests(const QList<std::pair<ShadowTopic, QByteArray>> &requests, qint64 now)
{
    for (const auto &[topic, payload] : requests) {
        switch (topic.operation()) {
        case ShadowTopic::Operation::Get:
            handleGet(topic, payload, now);
            break;
        case ShadowTopic::Operation::Update:
            handleUpdate(topic, payload, now);
            break;
        case ShadowTopic::Operation::Delete:
            handleDelete(topic, payload, now);
            break;
        }
    }
}

void ShadowService::answered(const ShadowTopic &topic, const std::optional<std::string> &token, int code)
{
    m_answered.append({topic, token, code});
}

void ShadowService::handleGet(const ShadowTopic &topic, const QByteArray &payload, qint64 now)
{
    const auto parsed = ShadowDocument::parseTokenOnly(payload);
    if (const auto *error = std::get_if<ShadowError>(&parsed))
        return reject(topic, *error, ShadowDocument::clientTokenOf(payload), now);
    const auto &token = std::get<std::optional<std::string>>(parsed);
    const auto result = m_store->get(topic.thingName(), topic.shadowName(), token, now);
    if (const auto *error = std::get_if<ShadowError>(&result))
        return reject(topic, *error, token, now);
    queueReply(topic, ShadowTopic::Reply::Accepted, std::get<Json>(result));
    answered(topic, token, 0);
}

void ShadowService::handleUpdate(const ShadowTopic &topic, const QByteArray &payload, qint64 now)
{
    const auto parsed = ShadowDocument::parseUpdate(payload);
    if (const auto *error = std::get_if<ShadowError>(&parsed))
        return reject(topic, *error, ShadowDocument::clientTokenOf(payload), now);
    const auto &request = std::get<ShadowDocument::UpdateRequest>(parsed);
    // Committed inside update(), before anything is queued: see the class comment.
    const auto result = m_store->update(topic.thingName(), topic.shadowName(), request, now);
    if (const auto *error = std::get_if<ShadowError>(&result))
        return reject(topic, *error, request.clientToken, now);
    const auto &replies = std::get<ShadowDocument::UpdateResult>(result);
    // AWS's order: accepted, then delta, then documents.
    queueReply(topic, ShadowTopic::Reply::Accepted, replies.accepted);
    if (replies.delta)
        queueReply(topic, ShadowTopic::Reply::Delta, *replies.delta);
    queueReply(topic, ShadowTopic::Reply::Documents, QByteArray::fromStdString(replies.documents));
    answered(topic, request.clientToken, 0);
}

void ShadowService::handleDelete(const ShadowTopic &topic, const QByteArray &payload, qint64 now)
{
    const auto parsed = ShadowDocument::parseTokenOnly(payload);
    if (const auto *error = std::get_if<ShadowError>(&parsed))
        return reject(topic, *error, ShadowDocument::clientTokenOf(payload), now);
    const auto &token = std::get<std::optional<std::string>>(parsed);
    const auto result = m_store->remove(topic.thingName(), topic.shadowName(), token, now);
    if (const auto *error = std::get_if<ShadowError>(&result))
        return reject(topic, *error, token, now);
    queueReply(topic, ShadowTopic::Reply::Accepted, std::get<Json>(result));
    answered(topic, token, 0);
}

Json ShadowService::rejection(const ShadowError &error, const std::optional<std::string> &clientToken,
                              qint64 now)
{
    Json body = Json::object();
    body["code"] = error.code;
    body["message"] = error.message.toStdString();
    body["timestamp"] = now;
    if (clientToken)
        body["clientToken"] = *clientToken;
    return body;
}

void ShadowService::reject(const ShadowTopic &topic, const ShadowError &error,
                           const std::optional<std::string> &token, qint64 now)
{
    if (error.code >= 500) {
        // The wire says only "Internal service failure"; the operator needs the reason.
        qCWarning(lcHub).noquote() << tr("%1 answered %2 on \"%3\": %4")
                                          .arg(topic.operationName(topic.operation()))
                                          .arg(error.code)
                                          .arg(topic.toString(), m_store->errorString());
    }
    queueReply(topic, ShadowTopic::Reply::Rejected, rejection(error, token, now));
    answered(topic, token, error.code);
}

void ShadowService::queueReply(const ShadowTopic &topic, ShadowTopic::Reply reply, const Json &body)
{
    queueReply(topic, reply, compactJsonBytes(body));
}

void ShadowService::queueReply(const ShadowTopic &topic, ShadowTopic::Reply reply, QByteArray body)
{
    // Never retained: a reply answers one request; a retained one would greet every later subscriber. Held
    // back until the batch is committed.
    m_staged.append(MqttMessage(topic.replyTopic(reply), std::move(body), 1, false));
}

// Publishes queued replies in order until the client's in-flight window is full (readyToPublish() calls
// again) or the connection is down (connected() calls again).
void ShadowService::flush()
{
    // A batch's replies leave in as few TCP segments as fit (MqttClient::beginWriteBatch).
    m_client->beginWriteBatch();
    const auto release = qScopeGuard([this] { m_client->endWriteBatch(); });
    while (!m_outbox.isEmpty() && m_client->state() == MqttClient::State::Connected) {
        if (m_client->publish(m_outbox.constFirst()) < 0) {
            if (m_client->error() == MqttClient::Error::InFlightWindowFull)
                break;
            if (m_client->state() != MqttClient::State::Connected)
                break;
            // Refused for its content (larger than the broker accepts, say): no retry can succeed.
            qCWarning(lcHub).noquote() << tr("Dropped the reply on \"%1\": %2")
                                              .arg(m_outbox.constFirst().topic(), m_client->errorString());
        }
        m_outbox.removeFirst();
    }
    finishStopIfDrained();
}

} // namespace fleet
