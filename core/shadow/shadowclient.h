#pragma once

#include "common/json.h"

#include "mqtt/mqttclient.h" // complete for QPointer<MqttClient>, which includers instantiate
#include "shadow/shadowdocument.h"
#include "shadow/shadowerror.h"
#include "shadow/shadowtopic.h"

#include <QByteArray>
#include <QHash>
#include <QLoggingCategory>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

class QTimer;

namespace fleet {

class MqttMessage;

// Dropped replies, refreshes and subscription trouble ("fleet.shadow.client").
Q_DECLARE_LOGGING_CATEGORY(lcShadowClient)

// The operator side of AWS IoT device shadows: get, update and delete requests with their replies matched by
// clientToken, and a version-aware cache of watched shadows. It speaks to whatever answers on
// $aws/things/.../shadow/... (AWS IoT Core, or fleet-hub on any other broker) through an MqttClient that the
// caller owns and connects.
//
// Requests: every request gets a fresh clientToken, which is also the request id the operation returns. The
// client first subscribes to the shadow's accepted/rejected replies and publishes the request (QoS 1) only
// once the broker has granted them: published earlier, a fast service could answer before the subscription
// exists and the reply would be lost. Every request ends with exactly one requestFinished(), always
// delivered from the event loop (never from inside the call), so the caller knows the token first.
//
// Errors the client makes up itself (no service involved) have Result::local set and one of the LocalError
// codes. They reuse HTTP numbers because the shadow protocol speaks HTTP-like codes, but AWS never sends
// 502, 503 or 504, so those cannot be mistaken for a service reply.
//
// Watching: watch() subscribes to update/accepted, update/documents, update/delta and delete/accepted and
// loads the shadow with a get (again after every reconnect, since messages published while disconnected are
// lost). Messages may arrive out of order (several hubs, retries): anything older than the cached version is
// dropped and counted in droppedStaleCount(), never signalled.
class ShadowClient final : public QObject
{
    Q_OBJECT

public:
    using Operation = ShadowTopic::Operation;

    // Codes of the errors the client reports without a reply from the service (Result::local).
    enum LocalError {
        InvalidRequest = 400,     // an invalid thing or shadow name; nothing was published
        SubscriptionDenied = 403, // the broker refused the subscription to the replies; nothing published
        MalformedReply = 502,  // a reply carried our clientToken but was not a valid accepted/rejected body
        NotSent = 503,         // not connected, or the MqttClient refused the publish
        TimedOut = 504,        // no reply within timeout()
        HeldForApproval = 202, // fleet-hub's command gate holds the change until an approver decides
        RefusedByGate = 451,   // fleet-hub's command gate refused it (message: why)
    };
    Q_ENUM(LocalError)

    // How a request ended.
    struct Result
    {
        Operation operation = Operation::Get;
        QString thing;
        QString shadow; // empty for the classic shadow
        bool ok = false;
        // True when the error comes from this client (a LocalError code, translated message); false for a
        // rejection from the service (AWS's code and untranslated message).
        bool local = false;
        ShadowError error; // code 0 when ok
        // The reply's "version", when it had one (accepted replies; a rejection has none).
        std::optional<qint64> version;
        // The reply as received (accepted or rejected body); null for a local error.
        Json body;
    };

    enum class CacheState {
        Empty,   // the service says this shadow does not exist (404)
        Loading, // the first get is under way, or waits for the connection
        Fresh,   // holds the shadow as of the newest message seen
        Deleted, // a delete/accepted was seen; the version is the one at deletion
    };
    Q_ENUM(CacheState)

    // The cached copy of one watched shadow.
    struct CachedShadow
    {
        CacheState state = CacheState::Loading;
        // desired, reported, metadata, version, timestamp; exists() only while Fresh. The version survives a
        // deletion, as the service's counter does.
        ShadowDocument document;
        Json delta = Json::object(); // document.delta(), kept so that views need not recompute it

        qint64 version() const { return document.version(); }
    };

    static constexpr int DefaultTimeoutMs = 10000;
    // The largest reply read: AWS caps a document's state at 8 KB, and its metadata, version and token
    // stay well within this. A larger reply is dropped and counted as malformed.
    static constexpr qsizetype MaxDocumentBytes = 256 * 1024;
    // A watched shadow's load that timed out is retried after 1 s, 2 s, 4 s, ... at most 30 s apart.
    static constexpr int FirstLoadRetryMs = 1000;
    static constexpr int MaxLoadRetryMs = 30000;

    // The client is not owned; it must outlive this object.
    explicit ShadowClient(MqttClient *client, QObject *parent = nullptr);
    ~ShadowClient() override;

    MqttClient *mqttClient() const { return m_client; }

    // Applies to requests started afterwards; counts from the call that starts the request, so it includes
    // the wait for the subscriptions.
    void setTimeout(int milliseconds);
    // With fleet-hub's command gate (fleet/gate/submit/{user}/), updates and deletes are handed to it; gets
    // still go straight to the shadow service. Empty: everything goes straight.
    void setGatePrefix(const QString &prefix) { m_gatePrefix = prefix; }
    // The gate's answer to a request of ours (token: its clientToken): "held" or "refused" end the request
    // with HeldForApproval or RefusedByGate; "relayed" changes nothing (the service answers).
    void gateAnswered(const QString &token, const QString &outcome, const QString &reason);
    int timeout() const { return m_timeoutMs; }

    // Each returns the request's clientToken. shadowName empty means the classic shadow. A get may have a
    // timeout of its own (timeoutMs > 0) instead of timeout().
    QString get(const QString &thingName, const QString &shadowName = {}, int timeoutMs = 0);
    // Sends {"state": {"desired": desired}}. desired null removes the whole desired section. With a version,
    // the service applies the update only if the shadow is at that version (else 409).
    QString updateDesired(const QString &thingName, const QString &shadowName, const Json &desired,
                          std::optional<qint64> version = std::nullopt);
    // Sends {"state": stateObject}, e.g. {"desired": {...}, "reported": {...}}, as given: the service
    // validates it and rejects what AWS would reject.
    QString update(const QString &thingName, const QString &shadowName, const Json &stateObject,
                   std::optional<qint64> version = std::nullopt);
    QString remove(const QString &thingName, const QString &shadowName = {});

    // Requests sent or waiting for their subscriptions, without a result yet.
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

    // Starts keeping a cached copy of a shadow. Returns false for an invalid name. Watching twice is
    // harmless.
    bool watch(const QString &thingName, const QString &shadowName = {});
    void unwatch(const QString &thingName, const QString &shadowName = {});
    bool isWatching(const QString &thingName, const QString &shadowName = {}) const;
    // nullopt when the shadow is not watched.
    std::optional<CachedShadow> cached(const QString &thingName, const QString &shadowName = {}) const;

    // Watched-shadow messages older than the cached version, dropped.
    qint64 droppedStaleCount() const { return m_staleCount; }
    // Messages on a reply topic this client listens to that were not the JSON object the protocol says,
    // dropped.
    qint64 malformedCount() const { return m_malformedCount; }

    // The topics a watch subscribes to.
    static QStringList watchFilters(const QString &thingName, const QString &shadowName = {});
    // Human text for a local error code.
    static QString localErrorMessage(LocalError code);

Q_SIGNALS:
    void requestFinished(const QString &token, const fleet::ShadowClient::Result &result);
    // A watched shadow's cached copy changed: content, version, or state (the first load included). Not
    // emitted for a deletion: see shadowDeleted().
    void shadowChanged(const QString &thingName, const QString &shadowName);
    // An update/delta for a watched shadow, not older than the cached copy.
    void deltaReceived(const QString &thingName, const QString &shadowName, const Json &delta,
                       qint64 version);
    void shadowDeleted(const QString &thingName, const QString &shadowName);
    // A watched shadow's load (the get that watch() and every reconnect send) failed with something other
    // than 404; the cache keeps what it had. A load that got no answer is tried again with a backoff.
    void loadFailed(const QString &thingName, const QString &shadowName,
                    const fleet::ShadowClient::Result &result);

private:
    struct Pending
    {
        Operation operation = Operation::Get;
        QString thing;
        QString shadow;
        QByteArray payload;
        QStringList filters;
        QTimer *timer = nullptr;
        bool published = false;
        bool internal = false; // a watch's load: updates the cache instead of emitting requestFinished
    };
    struct Filter
    {
        int references = 0;
        bool granted = false;
    };
    struct Watch
    {
        QString thing;
        QString shadow;
        CachedShadow cache;
        QString loadToken;           // the load under way, if any
        int loadFailures = 0;        // consecutive loads without an answer, for the retry's backoff
        quint64 retryGeneration = 0; // a scheduled retry runs only if no load started since
        quint64 changes = 0;         // cache changes signalled so far
        quint64 changesAtLoad = 0;   // ... when the current load was sent
    };

    QString startRequest(Operation operation, const QString &thing, const QString &shadow, Json body,
                         bool internal = false, int timeoutMs = 0);
    void failLater(const QString &token, const Result &result);
    void tryPublish(const QString &token);
    void publishReady();
    void finish(const QString &token, Result result);
    // Ends a pending request with an error of this client's own (no reply from the service).
    void finishLocally(const QString &token, const ShadowError &error);
    void acquireFilter(const QString &filter);
    void releaseFilter(const QString &filter);

    void onMessage(const MqttMessage &message);
    void onSubscribed(const QString &filter);
    void onSubscriptionFailed(const QString &filter, const QString &message);
    void onConnected();
    void onStateChanged();

    bool completeRequest(const ShadowTopic &topic, const Json &body);
    bool applyToWatch(const ShadowTopic &topic, const Json &body);
    bool applyFullDocument(const ShadowTopic &topic, Watch &watch, const Json &state, const Json &metadata,
                           qint64 version, qint64 timestamp);
    bool applyPartialUpdate(const ShadowTopic &topic, Watch &watch, const Json &body, qint64 version,
                            qint64 timestamp);
    void applyDelta(const ShadowTopic &topic, Watch &watch, const Json &delta, qint64 version);
    void applyDeletion(const ShadowTopic &topic, Watch &watch, qint64 version, qint64 timestamp);
    void loadFinished(const Pending &request, const QString &token, const Result &result);
    void load(Watch &watch);
    void scheduleReload(Watch &watch);
    void noteStale(const ShadowTopic &topic, qint64 version, qint64 cachedVersion);

    static QString newToken();
    static QString watchKey(const QString &thing, const QString &shadow);

    // Cleared if the client goes first (a sibling deleted before us), so the destructor does not touch it.
    QPointer<MqttClient> m_client;
    QHash<QString, Pending> m_pending; // by clientToken
    QHash<QString, Filter> m_filters;  // subscriptions shared by requests and watches, reference counted
    QHash<QString, Watch> m_watches;   // by ShadowTopic::prefix()
    QStringList m_windowQueue;         // tokens waiting for room in the client's in-flight window
    QString m_gatePrefix;
    int m_timeoutMs = DefaultTimeoutMs;
    qint64 m_staleCount = 0;
    qint64 m_malformedCount = 0;
};

} // namespace fleet

Q_DECLARE_METATYPE(fleet::ShadowClient::Result)
