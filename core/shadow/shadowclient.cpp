#include "shadow/shadowclient.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

Q_LOGGING_CATEGORY(lcShadowClient, "fleet.shadow.client")

namespace {

// Empty (a 404) and Deleted both keep the shadow's last version: a document at that version is the shadow as
// it was before it went.
bool isGone(ShadowClient::CacheState state)
{
    return state == ShadowClient::CacheState::Empty || state == ShadowClient::CacheState::Deleted;
}

using Reply = ShadowTopic::Reply;

// JSON merge as the shadow service applies an update: null removes a member, objects merge member by
// member, anything else (arrays included) replaces.
void mergePatch(Json &target, const Json &patch)
{
    for (const auto &item : patch.items()) {
        const Json &value = item.value();
        if (value.is_null()) {
            target.erase(item.key());
        } else if (value.is_object()) {
            Json &slot = target[item.key()];
            if (!slot.is_object())
                slot = Json::object();
            mergePatch(slot, value);
        } else {
            target[item.key()] = value;
        }
    }
}

// Drops metadata whose state member is gone: update/accepted reports a timestamp for a member it removed.
void pruneMetadata(Json &metadata, const Json &state)
{
    if (!metadata.is_object() || !state.is_object())
        return;
    for (auto it = metadata.begin(); it != metadata.end();) {
        const auto member = state.find(it.key());
        if (member == state.end()) {
            it = metadata.erase(it);
            continue;
        }
        if (member->is_object())
            pruneMetadata(*it, *member);
        ++it;
    }
}

// The member as an object, {} when absent; nullopt when it is present with another type.
std::optional<Json> objectMember(const Json &parent, const char *name)
{
    const auto it = parent.find(name);
    if (it == parent.end() || it->is_null())
        return Json::object();
    if (!it->is_object())
        return std::nullopt;
    return *it;
}

std::optional<qint64> integerMember(const Json &parent, const char *name)
{
    const auto it = parent.find(name);
    if (it == parent.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

QString shadowLabel(const ShadowTopic &topic)
{
    return topic.isNamed() ? u"%1/%2"_s.arg(topic.thingName(), topic.shadowName()) : topic.thingName();
}

} // namespace

ShadowClient::ShadowClient(MqttClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(client);
    connect(m_client, &MqttClient::messageReceived, this, &ShadowClient::onMessage);
    connect(m_client, &MqttClient::subscribed, this, &ShadowClient::onSubscribed);
    connect(m_client, &MqttClient::subscriptionFailed, this,
            [this](const QString &filter, MqttClient::Error, const QString &message) {
                onSubscriptionFailed(filter, message);
            });
    connect(m_client, &MqttClient::connected, this, &ShadowClient::onConnected);
    connect(m_client, &MqttClient::stateChanged, this, &ShadowClient::onStateChanged);
    connect(m_client, &MqttClient::readyToPublish, this, &ShadowClient::publishReady);
}

// The subscriptions belong to the MqttClient: leave it without ours, if it is still there.
ShadowClient::~ShadowClient()
{
    if (!m_client)
        return;
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it)
        m_client->unsubscribe(it.key());
}

void ShadowClient::setTimeout(int milliseconds)
{
    m_timeoutMs = qMax(1, milliseconds);
}

QString ShadowClient::get(const QString &thingName, const QString &shadowName, int timeoutMs)
{
    return startRequest(Operation::Get, thingName, shadowName, Json::object(), false, timeoutMs);
}

QString ShadowClient::updateDesired(const QString &thingName, const QString &shadowName, const Json &desired,
                                    std::optional<qint64> version)
{
    Json state = Json::object();
    state["desired"] = desired;
    return update(thingName, shadowName, state, version);
}

QString ShadowClient::update(const QString &thingName, const QString &shadowName, const Json &stateObject,
                             std::optional<qint64> version)
{
    Json body = Json::object();
    body["state"] = stateObject;
    if (version)
        body["version"] = *version;
    return startRequest(Operation::Update, thingName, shadowName, std::move(body));
}

QString ShadowClient::remove(const QString &thingName, const QString &shadowName)
{
    return startRequest(Operation::Delete, thingName, shadowName, Json::object());
}

QString ShadowClient::localErrorMessage(LocalError code)
{
    switch (code) {
    case InvalidRequest:
        return tr("Invalid request");
    case SubscriptionDenied:
        return tr("The broker refused the subscription to the shadow's replies");
    case MalformedReply:
        return tr("Malformed reply from the shadow service");
    case NotSent:
        return tr("Not connected to the broker");
    case TimedOut:
        return tr("Timed out waiting for the shadow service");
    }
    return {};
}

QStringList ShadowClient::watchFilters(const QString &thingName, const QString &shadowName)
{
    const ShadowTopic update(thingName, shadowName, Operation::Update);
    const ShadowTopic remove(thingName, shadowName, Operation::Delete);
    return {update.replyTopic(Reply::Accepted), update.replyTopic(Reply::Documents),
            update.replyTopic(Reply::Delta), remove.replyTopic(Reply::Accepted)};
}

QString ShadowClient::newToken()
{
    // 36 bytes, well within AWS's 64-byte limit, and unique across clients sharing a shadow's reply topics.
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ShadowClient::watchKey(const QString &thing, const QString &shadow)
{
    return ShadowTopic::prefix(thing, shadow);
}

QString ShadowClient::startRequest(Operation operation, const QString &thing, const QString &shadow,
                                   Json body, bool internal, int timeoutMs)
{
    const QString token = newToken();
    Result failure;
    failure.operation = operation;
    failure.thing = thing;
    failure.shadow = shadow;
    failure.local = true;
    if (!ShadowTopic::isValidThingName(thing)) {
        failure.error = {InvalidRequest, tr("\"%1\" is not a valid thing name: 1 to 128 characters from a-z, "
                                            "A-Z, 0-9, ':', '_' and '-'.")
                                             .arg(thing)};
        failLater(token, failure);
        return token;
    }
    if (!shadow.isEmpty() && !ShadowTopic::isValidShadowName(shadow)) {
        failure.error = {InvalidRequest, tr("\"%1\" is not a valid shadow name: 1 to 64 characters from a-z, "
                                            "A-Z, 0-9, ':', '_', '-' and '$'.")
                                             .arg(shadow)};
        failLater(token, failure);
        return token;
    }
    if (!m_client || m_client->state() != MqttClient::State::Connected) {
        failure.error = {NotSent, localErrorMessage(NotSent)};
        failLater(token, failure);
        return token;
    }

    body["clientToken"] = token.toStdString();
    const ShadowTopic topic(thing, shadow, operation);
    Pending request;
    request.operation = operation;
    request.thing = thing;
    request.shadow = shadow;
    request.payload = QByteArray::fromStdString(body.dump());
    request.filters = {topic.replyTopic(Reply::Accepted), topic.replyTopic(Reply::Rejected)};
    request.internal = internal;
    request.timer = new QTimer(this);
    request.timer->setSingleShot(true);
    connect(request.timer, &QTimer::timeout, this, [this, token] {
        finishLocally(token, {TimedOut, localErrorMessage(TimedOut)});
    });
    request.timer->start(timeoutMs > 0 ? timeoutMs : m_timeoutMs);
    m_pending.insert(token, request);
    for (const QString &filter : std::as_const(request.filters))
        acquireFilter(filter);
    tryPublish(token);
    return token;
}

// Always from the event loop: the caller must hold the token before its result arrives.
void ShadowClient::failLater(const QString &token, const Result &result)
{
    qCDebug(lcShadowClient).noquote() << "request" << token << "not sent:" << result.error.message;
    QMetaObject::invokeMethod(
        this, [this, token, result] { Q_EMIT requestFinished(token, result); }, Qt::QueuedConnection);
}

void ShadowClient::tryPublish(const QString &token)
{
    auto it = m_pending.find(token);
    if (it == m_pending.end() || it->published)
        return;
    for (const QString &filter : std::as_const(it->filters)) {
        if (!m_filters.value(filter).granted)
            return; // onSubscribed() comes back here
    }
    // After a connection loss the client resubscribes on reconnect, and onSubscribed() comes back here.
    if (!m_client || m_client->state() != MqttClient::State::Connected)
        return;
    const ShadowTopic topic(it->thing, it->shadow, it->operation);
    const QByteArray payload = it->payload;
    const bool gated = !m_gatePrefix.isEmpty() && it->operation != Operation::Get;
    const int id = m_client->publish((gated ? m_gatePrefix : QString()) + topic.requestTopic(), payload, 1);
    it = m_pending.find(token); // publish() may emit errorOccurred(), whose receivers may do anything
    if (it == m_pending.end())
        return;
    if (id >= 0) {
        it->published = true;
        return;
    }
    if (m_client->error() == MqttClient::Error::InFlightWindowFull) {
        if (!m_windowQueue.contains(token))
            m_windowQueue.append(token);
        return;
    }
    finishLocally(token, {NotSent, m_client->errorString()});
}

void ShadowClient::gateAnswered(const QString &token, const QString &outcome, const QString &reason)
{
    if (outcome == "held"_L1)
        finishLocally(token, {HeldForApproval, tr("Held for approval: %1").arg(reason)});
    else if (outcome == "refused"_L1)
        finishLocally(token, {RefusedByGate, tr("Refused by the command gate: %1").arg(reason)});
}

void ShadowClient::finishLocally(const QString &token, const ShadowError &error)
{
    const auto it = m_pending.constFind(token);
    if (it == m_pending.cend())
        return;
    Result result;
    result.operation = it->operation;
    result.thing = it->thing;
    result.shadow = it->shadow;
    result.local = true;
    result.error = error;
    finish(token, result);
}

void ShadowClient::publishReady()
{
    const QStringList waiting = std::exchange(m_windowQueue, {});
    for (const QString &token : waiting)
        tryPublish(token);
}

void ShadowClient::finish(const QString &token, Result result)
{
    const auto it = m_pending.find(token);
    if (it == m_pending.end())
        return;
    const Pending request = *it;
    m_pending.erase(it);
    m_windowQueue.removeOne(token);
    // finish() may run inside the timer's own timeout().
    request.timer->stop();
    request.timer->deleteLater();
    for (const QString &filter : request.filters)
        releaseFilter(filter);
    if (request.internal)
        loadFinished(request, token, result);
    else
        Q_EMIT requestFinished(token, result);
}

void ShadowClient::acquireFilter(const QString &filter)
{
    Filter &f = m_filters[filter];
    if (f.references++ > 0)
        return;
    f.granted = false;
    if (m_client && !m_client->subscribe(filter, 1))
        qCWarning(lcShadowClient).noquote()
            << "cannot subscribe to" << filter << ":" << m_client->errorString();
}

void ShadowClient::releaseFilter(const QString &filter)
{
    const auto it = m_filters.find(filter);
    if (it == m_filters.end())
        return;
    if (--it->references > 0)
        return;
    m_filters.erase(it);
    if (m_client)
        m_client->unsubscribe(filter);
}

void ShadowClient::onSubscribed(const QString &filter)
{
    const auto it = m_filters.find(filter);
    if (it == m_filters.end() || it->granted)
        return;
    it->granted = true;
    QStringList ready;
    for (auto p = m_pending.cbegin(); p != m_pending.cend(); ++p) {
        if (!p->published && p->filters.contains(filter))
            ready.append(p.key());
    }
    for (const QString &token : std::as_const(ready))
        tryPublish(token);
}

void ShadowClient::onSubscriptionFailed(const QString &filter, const QString &message)
{
    if (!m_filters.contains(filter))
        return;
    qCWarning(lcShadowClient).noquote() << message;
    QList<std::pair<QString, Result>> failed;
    for (auto p = m_pending.cbegin(); p != m_pending.cend(); ++p) {
        if (p->published || !p->filters.contains(filter))
            continue;
        Result result;
        result.operation = p->operation;
        result.thing = p->thing;
        result.shadow = p->shadow;
        result.local = true;
        result.error = {SubscriptionDenied, message};
        failed.append({p.key(), result});
    }
    QPointer<ShadowClient> guard(this);
    for (const auto &[token, result] : std::as_const(failed)) {
        finish(token, result);
        if (!guard)
            return;
    }
}

void ShadowClient::onStateChanged()
{
    if (!m_client || m_client->state() == MqttClient::State::Connected)
        return;
    // The client subscribes again after reconnecting; until each SUBACK, a request must not be published.
    for (Filter &filter : m_filters)
        filter.granted = false;
}

// Messages published while we were away are lost: reload every watched shadow.
void ShadowClient::onConnected()
{
    for (Watch &watch : m_watches)
        load(watch);
}

void ShadowClient::load(Watch &watch)
{
    if (!m_client || m_client->state() != MqttClient::State::Connected)
        return;
    // A load sent before a connection loss may never be answered; its result is ignored once a newer one
    // is under way.
    ++watch.retryGeneration; // a retry scheduled earlier is now moot
    watch.changesAtLoad = watch.changes;
    watch.loadToken = startRequest(Operation::Get, watch.thing, watch.shadow, Json::object(), true);
}

// A load that got no answer (fleet-hub reconnecting after the same broker restart, say) is tried again,
// waiting twice as long each time up to MaxLoadRetryMs: the cache must not stay stale until the next
// change happens to arrive.
void ShadowClient::scheduleReload(Watch &watch)
{
    const int delay = std::min(MaxLoadRetryMs, FirstLoadRetryMs << std::min(watch.loadFailures, 5));
    ++watch.loadFailures;
    const quint64 generation = ++watch.retryGeneration;
    const QString key = watchKey(watch.thing, watch.shadow);
    QTimer::singleShot(delay, this, [this, key, generation] {
        const auto it = m_watches.find(key);
        if (it != m_watches.end() && it->retryGeneration == generation && it->loadToken.isEmpty())
            load(*it);
    });
}

void ShadowClient::loadFinished(const Pending &request, const QString &token, const Result &result)
{
    const auto it = m_watches.find(watchKey(request.thing, request.shadow));
    if (it == m_watches.end() || it->loadToken != token)
        return;
    Watch &watch = *it;
    watch.loadToken.clear();
    if (result.ok || (!result.local && result.error.code == 404))
        watch.loadFailures = 0;
    if (result.ok)
        return; // the get/accepted went through applyToWatch() like any other message
    if (!result.local && result.error.code == 404) {
        CachedShadow &cache = watch.cache;
        if (cache.state == CacheState::Empty || cache.state == CacheState::Deleted)
            return;
        // A 404 carries no version, so it cannot be ordered against what arrived meanwhile: if the cache
        // moved since the get was sent (an update/documents overtook the reply), the 404 may be older than
        // it. A deletion after that arrives as delete/accepted anyway.
        if (watch.changes != watch.changesAtLoad)
            return;
        const qint64 version = cache.version();
        cache.state = CacheState::Empty;
        cache.document = ShadowDocument::fromStored(
                             Json{{"exists", false},
                                  {"version", version},
                                  {"timestamp", cache.document.timestamp()},
                                  {"state", {{"desired", Json::object()}, {"reported", Json::object()}}},
                                  {"metadata", Json::object()}})
                             .value_or(ShadowDocument());
        cache.delta = Json::object();
        ++watch.changes;
        Q_EMIT shadowChanged(watch.thing, watch.shadow);
        return;
    }
    qCWarning(lcShadowClient).noquote() << "loading shadow" << watchKey(watch.thing, watch.shadow)
                                        << "failed:" << result.error.code << result.error.message;
    if (result.local && (result.error.code == TimedOut || result.error.code == NotSent))
        scheduleReload(watch);
    Q_EMIT loadFailed(watch.thing, watch.shadow, result);
}

bool ShadowClient::watch(const QString &thingName, const QString &shadowName)
{
    if (!ShadowTopic::isValidThingName(thingName) ||
        (!shadowName.isEmpty() && !ShadowTopic::isValidShadowName(shadowName)))
        return false;
    const QString key = watchKey(thingName, shadowName);
    if (m_watches.contains(key))
        return true;
    Watch &watch = m_watches[key];
    watch.thing = thingName;
    watch.shadow = shadowName;
    for (const QString &filter : watchFilters(thingName, shadowName))
        acquireFilter(filter);
    load(watch);
    return true;
}

void ShadowClient::unwatch(const QString &thingName, const QString &shadowName)
{
    if (!m_watches.remove(watchKey(thingName, shadowName)))
        return;
    for (const QString &filter : watchFilters(thingName, shadowName))
        releaseFilter(filter);
}

bool ShadowClient::isWatching(const QString &thingName, const QString &shadowName) const
{
    return m_watches.contains(watchKey(thingName, shadowName));
}

std::optional<ShadowClient::CachedShadow> ShadowClient::cached(const QString &thingName,
                                                               const QString &shadowName) const
{
    const auto it = m_watches.constFind(watchKey(thingName, shadowName));
    if (it == m_watches.cend())
        return std::nullopt;
    return it->cache;
}

void ShadowClient::onMessage(const MqttMessage &message)
{
    // Only the exact topics subscribed here: the MqttClient may carry other subscriptions (a traffic view's
    // $aws/things/+/shadow/#, say) whose messages are none of our business.
    if (!m_filters.contains(message.topic()))
        return;
    const std::optional<ShadowTopic> topic = ShadowTopic::parse(message.topic());
    if (!topic || topic->reply() == Reply::None)
        return;
    const QByteArray &payload = message.payload();
    QString why;
    const Json body =
        NetworkJson::parse(payload, {MaxDocumentBytes, NetworkJson::DefaultMaxDepth}, &why).value_or(Json());
    if (!body.is_object()) {
        ++m_malformedCount;
        qCWarning(lcShadowClient).noquote()
            << "dropped a reply on" << message.topic()
            << "that is not a JSON object:" << (why.isEmpty() ? u"another type"_s : why);
        return;
    }

    QPointer<ShadowClient> guard(this);
    bool wellFormed = true;
    const bool watched = m_watches.contains(watchKey(topic->thingName(), topic->shadowName()));
    if (topic->reply() == Reply::Accepted || topic->reply() == Reply::Rejected)
        wellFormed = completeRequest(*topic, body);
    if (!guard)
        return;
    if (watched)
        wellFormed = applyToWatch(*topic, body) && wellFormed;
    if (!guard)
        return;
    if (!wellFormed) {
        ++m_malformedCount;
        qCWarning(lcShadowClient).noquote() << "dropped a malformed reply on" << message.topic();
    }
}

// Returns false for a malformed body; a reply to someone else's request is not ours to judge further.
bool ShadowClient::completeRequest(const ShadowTopic &topic, const Json &body)
{
    const auto tokenIt = body.find("clientToken");
    if (tokenIt == body.end())
        return true; // a request sent without a token, by someone else
    if (!tokenIt->is_string())
        return false;
    const QString token = QString::fromStdString(tokenIt->get<std::string>());
    const auto it = m_pending.constFind(token);
    if (it == m_pending.cend() || !it->published || it->operation != topic.operation() ||
        it->thing != topic.thingName() || it->shadow != topic.shadowName())
        return true;

    Result result;
    result.operation = it->operation;
    result.thing = it->thing;
    result.shadow = it->shadow;
    result.body = body;
    bool wellFormed = true;
    if (const auto version = body.find("version"); version != body.end()) {
        if (version->is_number_integer())
            result.version = version->get<qint64>();
        else
            wellFormed = false;
    }
    if (topic.reply() == Reply::Accepted) {
        result.ok = true;
    } else {
        const auto code = body.find("code");
        const auto message = body.find("message");
        if (code != body.end() && code->is_number_integer() && message != body.end() && message->is_string())
            result.error = {code->get<int>(), QString::fromStdString(message->get<std::string>())};
        else
            wellFormed = false;
        if (!result.error.isError())
            wellFormed = false;
    }
    if (!wellFormed) {
        result.ok = false;
        result.local = true;
        result.error = {MalformedReply, localErrorMessage(MalformedReply)};
    }
    finish(token, result);
    return wellFormed;
}

bool ShadowClient::applyToWatch(const ShadowTopic &topic, const Json &body)
{
    const auto it = m_watches.find(watchKey(topic.thingName(), topic.shadowName()));
    if (it == m_watches.end())
        return true;
    Watch &watch = *it;
    const std::optional<qint64> timestamp = integerMember(body, "timestamp");

    switch (topic.operation()) {
    case Operation::Get: {
        if (topic.reply() != Reply::Accepted)
            return true; // a 404 is handled by the load's result
        const auto version = integerMember(body, "version");
        const auto state = body.find("state");
        if (!version || state == body.end() || !state->is_object())
            return false;
        const auto metadata = objectMember(body, "metadata");
        if (!metadata)
            return false;
        return applyFullDocument(topic, watch, *state, *metadata, *version, timestamp.value_or(0));
    }
    case Operation::Update: {
        if (topic.reply() == Reply::Rejected)
            return true;
        if (topic.reply() == Reply::Documents) {
            const auto current = body.find("current");
            if (current == body.end() || !current->is_object())
                return false;
            const auto version = integerMember(*current, "version");
            const auto state = current->find("state");
            const auto metadata = objectMember(*current, "metadata");
            if (!version || state == current->end() || !state->is_object() || !metadata)
                return false;
            return applyFullDocument(topic, watch, *state, *metadata, *version, timestamp.value_or(0));
        }
        const auto version = integerMember(body, "version");
        const auto state = body.find("state");
        if (!version || state == body.end() || !state->is_object())
            return false;
        if (topic.reply() == Reply::Delta) {
            applyDelta(topic, watch, *state, *version);
            return true;
        }
        return applyPartialUpdate(topic, watch, body, *version, timestamp.value_or(0));
    }
    case Operation::Delete: {
        if (topic.reply() != Reply::Accepted)
            return true;
        const auto version = integerMember(body, "version");
        if (!version)
            return false;
        applyDeletion(topic, watch, *version, timestamp.value_or(0));
        return true;
    }
    }
    return true;
}

void ShadowClient::noteStale(const ShadowTopic &topic, qint64 version, qint64 cachedVersion)
{
    ++m_staleCount;
    qCDebug(lcShadowClient).noquote() << "dropped" << topic.toString() << "version" << version
                                      << "older than the cached version" << cachedVersion;
}

bool ShadowClient::applyFullDocument(const ShadowTopic &topic, Watch &watch, const Json &state,
                                     const Json &metadata, qint64 version, qint64 timestamp)
{
    CachedShadow &cache = watch.cache;
    // A deletion keeps its version: a document at that version is the shadow as it was before it went.
    if (version < cache.version() || (isGone(cache.state) && version == cache.version())) {
        noteStale(topic, version, cache.version());
        return true;
    }
    const auto desired = objectMember(state, "desired");
    const auto reported = objectMember(state, "reported");
    const auto desiredMetadata = objectMember(metadata, "desired");
    const auto reportedMetadata = objectMember(metadata, "reported");
    if (!desired || !reported || !desiredMetadata || !reportedMetadata)
        return false;
    const std::optional<ShadowDocument> document = ShadowDocument::fromStored(
        Json{{"exists", true},
             {"version", version},
             {"timestamp", timestamp},
             {"state", {{"desired", *desired}, {"reported", *reported}}},
             {"metadata", {{"desired", *desiredMetadata}, {"reported", *reportedMetadata}}}});
    if (!document)
        return false;
    // The same version again (update/documents after update/accepted, a get after either): signal only what
    // the partial merge got wrong. Timestamps differ between replies (a get's is the time of the get).
    if (cache.state == CacheState::Fresh && version == cache.version() &&
        document->desired() == cache.document.desired() &&
        document->reported() == cache.document.reported() &&
        document->metadata() == cache.document.metadata())
        return true;
    cache.state = CacheState::Fresh;
    cache.document = *document;
    cache.delta = document->delta();
    ++watch.changes;
    Q_EMIT shadowChanged(watch.thing, watch.shadow);
    return true;
}

bool ShadowClient::applyPartialUpdate(const ShadowTopic &topic, Watch &watch, const Json &body,
                                      qint64 version, qint64 timestamp)
{
    CachedShadow &cache = watch.cache;
    const Json &state = body.at("state");
    const auto metadata = objectMember(body, "metadata");
    if (!metadata)
        return false;
    for (const char *section : {"desired", "reported"}) {
        const auto it = state.find(section);
        if (it != state.end() && !it->is_object() && !it->is_null())
            return false;
    }
    if (version < cache.version() || (isGone(cache.state) && version == cache.version())) {
        noteStale(topic, version, cache.version());
        return true;
    }
    if (version == cache.version())
        return true; // already have it, from update/documents or a get
    // Loading: there is no base to merge into; the load or the update/documents that follows brings the
    // whole shadow. Empty and Deleted: the update creates the shadow afresh.
    if (cache.state == CacheState::Loading)
        return true;
    if (cache.state == CacheState::Fresh && version != cache.version() + 1)
        qCDebug(lcShadowClient).noquote() << topic.toString() << "skipped from version" << cache.version()
                                          << "to" << version << "; merging anyway";

    const bool fresh = cache.state == CacheState::Fresh;
    Json sections[2] = {fresh ? cache.document.desired() : Json::object(),
                        fresh ? cache.document.reported() : Json::object()};
    Json sectionMetadata[2] = {Json::object(), Json::object()};
    if (fresh) {
        sectionMetadata[0] = objectMember(cache.document.metadata(), "desired").value_or(Json::object());
        sectionMetadata[1] = objectMember(cache.document.metadata(), "reported").value_or(Json::object());
    }
    const char *names[2] = {"desired", "reported"};
    for (int i = 0; i < 2; ++i) {
        const auto it = state.find(names[i]);
        if (it == state.end())
            continue;
        if (it->is_null()) {
            sections[i] = Json::object();
            sectionMetadata[i] = Json::object();
            continue;
        }
        mergePatch(sections[i], *it);
        if (const auto patch = objectMember(*metadata, names[i]); patch)
            mergePatch(sectionMetadata[i], *patch);
        pruneMetadata(sectionMetadata[i], sections[i]);
    }
    const std::optional<ShadowDocument> document = ShadowDocument::fromStored(
        Json{{"exists", true},
             {"version", version},
             {"timestamp", timestamp},
             {"state", {{"desired", sections[0]}, {"reported", sections[1]}}},
             {"metadata", {{"desired", sectionMetadata[0]}, {"reported", sectionMetadata[1]}}}});
    if (!document)
        return false;
    cache.state = CacheState::Fresh;
    cache.document = *document;
    cache.delta = document->delta();
    ++watch.changes;
    Q_EMIT shadowChanged(watch.thing, watch.shadow);
    return true;
}

void ShadowClient::applyDelta(const ShadowTopic &topic, Watch &watch, const Json &delta, qint64 version)
{
    const CachedShadow &cache = watch.cache;
    if (version < cache.version() || (isGone(cache.state) && version == cache.version())) {
        noteStale(topic, version, cache.version());
        return;
    }
    Q_EMIT deltaReceived(watch.thing, watch.shadow, delta, version);
}

void ShadowClient::applyDeletion(const ShadowTopic &topic, Watch &watch, qint64 version, qint64 timestamp)
{
    CachedShadow &cache = watch.cache;
    if (version < cache.version()) {
        noteStale(topic, version, cache.version());
        return;
    }
    if (isGone(cache.state) && version == cache.version())
        return;
    cache.state = CacheState::Deleted;
    cache.document = ShadowDocument::fromStored(
                         Json{{"exists", false},
                              {"version", version},
                              {"timestamp", timestamp},
                              {"state", {{"desired", Json::object()}, {"reported", Json::object()}}},
                              {"metadata", Json::object()}})
                         .value_or(ShadowDocument());
    cache.delta = Json::object();
    qCDebug(lcShadowClient).noquote() << shadowLabel(topic) << "deleted at version" << version;
    ++watch.changes;
    Q_EMIT shadowDeleted(watch.thing, watch.shadow);
}

} // namespace fleet
