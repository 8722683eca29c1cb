#include "mqttclient.h"

#include "mosquittolibrary.h"
#include "mosquittoproperties.h"
#include "mqttreasoncodes.h"
#include "topicfilter.h"

#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTimer>

#include <mosquitto.h>
#include <mqtt_protocol.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace fleet {

namespace {

// MQTT's own ceiling for a packet's remaining length is 268,435,455 bytes; the topic and headers share it.
constexpr qsizetype MqttMaximumPacket = 268435455;

} // namespace

// Everything that touches libmosquitto's types stays here, so the header does not include mosquitto.h.
struct MqttClient::Private
{
    // What a callback saw, replayed as Qt signals once libmosquitto has returned and released its locks.
    struct Event
    {
        enum Kind { Connack, Disconnect, Message, Published, Suback, Unsuback };
        explicit Event(Kind k)
            : kind(k)
        {}
        Kind kind;
        int code = 0; // reason code, or libmosquitto error for Disconnect
        int messageId = 0;
        int savedErrno = 0;
        bool flag = false; // session present
        std::vector<int> granted;
        MqttMessage message;
    };

    explicit Private(MqttClient *client)
        : q(client)
        , miscTimer(client)
        , reconnectTimer(client)
    {}

    static void onConnect(mosquitto *, void *obj, int rc, int flags, const mosquitto_property *)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Connack);
        e.code = rc;
        e.flag = flags & 0x01;
        d->events.push_back(std::move(e));
    }
    static void onDisconnect(mosquitto *, void *obj, int rc, const mosquitto_property *)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Disconnect);
        e.code = rc;
        e.savedErrno = errno;
        d->events.push_back(std::move(e));
    }
    static void onPublish(mosquitto *, void *obj, int mid, int reasonCode, const mosquitto_property *)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Published);
        e.messageId = mid;
        e.code = reasonCode;
        d->events.push_back(std::move(e));
    }
    static void onMessage(mosquitto *, void *obj, const mosquitto_message *m, const mosquitto_property *props)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Message);
        e.message.setTopic(QString::fromUtf8(m->topic));
        e.message.setPayload(QByteArray(static_cast<const char *>(m->payload), m->payloadlen));
        e.message.setQos(m->qos);
        e.message.setRetain(m->retain);
        e.message.setMessageId(m->mid);
        if (props) {
            MosquittoProperties::read(props, e.message.properties());
            e.message.setSubscriptionIdentifiers(MosquittoProperties::subscriptionIdentifiers(props));
        }
        d->events.push_back(std::move(e));
    }
    static void onSubscribe(mosquitto *, void *obj, int mid, int count, const int *granted,
                            const mosquitto_property *)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Suback);
        e.messageId = mid;
        e.granted.assign(granted, granted + count);
        d->events.push_back(std::move(e));
    }
    static void onUnsubscribe(mosquitto *, void *obj, int mid, const mosquitto_property *)
    {
        auto *d = static_cast<MqttClient *>(obj)->d.get();
        Event e(Event::Unsuback);
        e.messageId = mid;
        d->events.push_back(std::move(e));
    }
    static void onLog(mosquitto *, void *obj, int level, const char *text)
    {
        // libmosquitto reports OpenSSL's reason for a failed handshake only here; keep it for the error
        // message.
        // The socket pair warning is expected: see socketpair() in mosquittolibrary.cpp.
        if ((level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING)) && !std::strstr(text, "socket pair"))
            static_cast<MqttClient *>(obj)->d->lastLibraryError = QString::fromUtf8(text);
    }
    static int passphraseCallback(char *buf, int size, int, void *userdata)
    {
        // libmosquitto hands OpenSSL its own handle as the callback's user data.
        auto *client = static_cast<MqttClient *>(mosquitto_userdata(static_cast<mosquitto *>(userdata)));
        if (!client || size <= 0)
            return 0;
        const QByteArray &pass = client->d->keyPassphrase;
        const int n = std::min<int>(size - 1, static_cast<int>(pass.size()));
        std::memcpy(buf, pass.constData(), static_cast<size_t>(n));
        buf[n] = '\0';
        return n;
    }

    bool tlsHandshaking() const
    {
        if (!tls || !mosq)
            return false;
        auto *ssl = static_cast<SSL *>(mosquitto_ssl_get(mosq));
        return ssl && !SSL_is_init_finished(ssl);
    }
    bool tlsWantsWrite() const
    {
        auto *ssl = mosq ? static_cast<SSL *>(mosquitto_ssl_get(mosq)) : nullptr;
        return ssl && SSL_want_write(ssl);
    }

    MqttClient *q;
    mosquitto *mosq = nullptr;
    QSocketNotifier *readNotifier = nullptr;
    QSocketNotifier *writeNotifier = nullptr;
    int socket = -1;
    QTimer miscTimer;
    QTimer reconnectTimer;
    // MqttClient::beginWriteBatch() nesting.
    int writeBatchDepth = 0;

    void setCork(bool on) const
    {
        const int fd = mosq ? mosquitto_socket(mosq) : -1;
        if (fd < 0)
            return;
        // Fails, harmlessly, on a Unix socket. A socket that came with a reconnect meanwhile was never
        // corked, and uncorking it changes nothing.
        const int value = on ? 1 : 0;
        ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value);
    }
    std::vector<Event> events;
    QString lastLibraryError;
    QByteArray password;
    QByteArray keyPassphrase;
    std::optional<MqttMessage> will;
    QHash<int, QString> subscribeMids;
    QHash<int, QString> unsubscribeMids;
    QHash<int, bool> inFlightMids;
    QList<Subscription> subscriptions; // in the order the application asked for them
    bool tls = false;
    bool userDisconnect = false;
    bool permanentFailure = false;
    bool everConnected = false;
    bool connackRefused = false; // handleConnack() reported a refusal; the close that follows is not news
    bool inDispatch = false;
};

MqttClient::MqttClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    initMosquittoLibrary();
    d->miscTimer.setInterval(1000);
    connect(&d->miscTimer, &QTimer::timeout, this, &MqttClient::onMiscTimer);
    d->reconnectTimer.setSingleShot(true);
    connect(&d->reconnectTimer, &QTimer::timeout, this, &MqttClient::reconnectNow);
}

MqttClient::~MqttClient()
{
    if (d->mosq) {
        // The notifiers must go before the socket they watch is closed by mosquitto_destroy().
        delete d->readNotifier;
        delete d->writeNotifier;
        if (m_state == State::Connected)
            mosquitto_disconnect(d->mosq);
        mosquitto_destroy(d->mosq);
    }
}

void MqttClient::setProfile(const BrokerProfile &profile)
{
    m_profile = profile;
}

void MqttClient::setPassword(const QString &password)
{
    d->password = password.toUtf8();
}

void MqttClient::setKeyPassphrase(const QString &passphrase)
{
    d->keyPassphrase = passphrase.toUtf8();
}

void MqttClient::setWill(const std::optional<MqttMessage> &will)
{
    d->will = will;
}

void MqttClient::setReconnectDelays(int minimumMs, int maximumMs)
{
    m_reconnectMinMs = std::max(1, minimumMs);
    m_reconnectMaxMs = std::max(m_reconnectMinMs, maximumMs);
}

void MqttClient::setMaxInFlight(int count)
{
    m_maxInFlight = std::clamp(count, 1, 65535);
}

void MqttClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

int MqttClient::refuse(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    Q_EMIT errorOccurred(error, message);
    return -1;
}

bool MqttClient::connectToBroker()
{
    if (m_state == State::Connecting || m_state == State::Connected)
        return true;
    d->reconnectTimer.stop();
    d->userDisconnect = false;
    d->permanentFailure = false;
    d->everConnected = false;
    m_reconnectAttempt = 0;
    m_error = Error::NoError;
    m_errorString.clear();
    if (!startSession()) {
        setState(State::Disconnected);
        return false;
    }
    return true;
}

// Builds a fresh libmosquitto handle from the profile and starts the first connection attempt.
bool MqttClient::startSession()
{
    // MQTT allows an empty client id only with a clean session (3.1.1 section 3.1.3.1): checked first so the
    // caller gets the specific error rather than a generic configuration one.
    if (m_profile.clientId.isEmpty() && !m_profile.cleanStart)
        return refuse(Error::InvalidClientId,
                      tr("A persistent session needs a client id: the broker finds the session by it.")),
               false;
    if (const QString problem = m_profile.validate(); !problem.isEmpty())
        return refuse(Error::InvalidConfiguration, problem), false;

    const bool v5 = m_profile.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5;
    m_clientId = m_profile.clientId;
    if (m_clientId.isEmpty()) {
        // Generated here rather than by the broker so that clientId() is known before CONNACK in both
        // versions.
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
        m_clientId = QStringLiteral("fleet-");
        for (int i = 0; i < 12; ++i)
            m_clientId.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]));
    }
    const QByteArray id = m_clientId.toUtf8();
    if (id.size() > 65535 ||
        mosquitto_validate_utf8(id.constData(), static_cast<int>(id.size())) != MOSQ_ERR_SUCCESS)
        return refuse(Error::InvalidClientId, tr("The client id is not valid UTF-8 of at most 65535 bytes.")),
               false;

    if (d->will) {
        if (!TopicFilter::isValidTopicName(d->will->topic()))
            return refuse(Error::InvalidTopic,
                          tr("The Last Will topic \"%1\" is not a valid topic name.").arg(d->will->topic())),
                   false;
        if (!v5 && !d->will->properties().isEmpty())
            return refuse(Error::PropertiesNotSupported,
                          tr("The Last Will has MQTT 5 properties but the connection uses MQTT 3.1.1.")),
                   false;
    }

    // Discard the previous handle: its socket, queues and callbacks belong to the old settings.
    delete d->readNotifier;
    delete d->writeNotifier;
    d->readNotifier = d->writeNotifier = nullptr;
    d->socket = -1;
    if (d->mosq)
        mosquitto_destroy(d->mosq);
    d->mosq = mosquitto_new(id.constData(), m_profile.cleanStart, this);
    if (!d->mosq)
        return refuse(Error::InvalidConfiguration, tr("The MQTT library could not create a client.")), false;
    mosquitto *m = d->mosq;
    mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, v5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    // libmosquitto keeps at most 20 QoS 1/2 messages in flight unless told otherwise, whatever the protocol
    // version, and queues the rest out of sight, where publish()'s window cannot see them. Over MQTT 5 a
    // broker's Receive Maximum replaces the value at CONNACK (mosquitto announces its
    // max_inflight_messages, 20 by default).
    mosquitto_int_option(m, MOSQ_OPT_SEND_MAXIMUM, m_maxInFlight);
    // Without it Nagle's algorithm holds small packets back by ~40 ms waiting for the peer's delayed ACK.
    mosquitto_int_option(m, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_connect_v5_callback_set(m, &Private::onConnect);
    mosquitto_disconnect_v5_callback_set(m, &Private::onDisconnect);
    mosquitto_publish_v5_callback_set(m, &Private::onPublish);
    mosquitto_message_v5_callback_set(m, &Private::onMessage);
    mosquitto_subscribe_v5_callback_set(m, &Private::onSubscribe);
    mosquitto_unsubscribe_v5_callback_set(m, &Private::onUnsubscribe);
    mosquitto_log_callback_set(m, &Private::onLog);

    applyCredentials();

    d->tls = m_profile.isTls();
    if (d->tls) {
        for (const QString &file : {m_profile.caFile, m_profile.certificateFile, m_profile.keyFile}) {
            if (!file.isEmpty() && !QFileInfo(file).isReadable())
                return refuse(Error::InvalidConfiguration, tr("Cannot read the TLS file \"%1\".").arg(file)),
                       false;
        }
        const QByteArray ca = m_profile.caFile.toUtf8();
        const QByteArray cert = m_profile.certificateFile.toUtf8();
        const QByteArray key = m_profile.keyFile.toUtf8();
        if (ca.isEmpty())
            mosquitto_int_option(m, MOSQ_OPT_TLS_USE_OS_CERTS, 1);
        const int rc = mosquitto_tls_set(
            m, ca.isEmpty() ? nullptr : ca.constData(), ca.isEmpty() ? "/etc/ssl/certs" : nullptr,
            cert.isEmpty() ? nullptr : cert.constData(), key.isEmpty() ? nullptr : key.constData(),
            d->keyPassphrase.isEmpty() ? nullptr : &Private::passphraseCallback);
        if (rc != MOSQ_ERR_SUCCESS)
            return refuse(Error::InvalidConfiguration, tr("The TLS settings were refused: %1")
                                                           .arg(QString::fromUtf8(mosquitto_strerror(rc)))),
                   false;
        if (m_profile.insecureSkipVerify) {
            mosquitto_tls_insecure_set(m, true);
            mosquitto_tls_opts_set(m, 0 /* SSL_VERIFY_NONE */, nullptr, nullptr);
        }
    }

    if (d->will) {
        MosquittoProperties props;
        if (!props.add(d->will->properties()))
            return refuse(Error::InvalidConfiguration, tr("The Last Will's MQTT 5 properties are invalid.")),
                   false;
        const QByteArray topic = d->will->topic().toUtf8();
        const QByteArray &payload = d->will->payload();
        // On success libmosquitto owns the property list; on failure it is still ours to free.
        mosquitto_property *list = props.release();
        const int rc = mosquitto_will_set_v5(m, topic.constData(), static_cast<int>(payload.size()),
                                             payload.constData(), d->will->qos(), d->will->retain(), list);
        if (rc != MOSQ_ERR_SUCCESS) {
            mosquitto_property_free_all(&list);
            return refuse(Error::InvalidConfiguration,
                          tr("The Last Will was refused: %1").arg(QString::fromUtf8(mosquitto_strerror(rc)))),
                   false;
        }
    }

    const QByteArray host = m_profile.host().toUtf8();
    if (v5 && m_profile.sessionExpirySeconds > 0) {
        // libmosquitto 2.0 has no asynchronous connect that takes CONNECT properties, but
        // mosquitto_connect_bind_v5() stores them for every later (re)connect before it validates the host.
        // Giving it no host makes it stop right there, with the properties kept and no blocking connect.
        MosquittoProperties props;
        mosquitto_property_add_int32(props.out(), MQTT_PROP_SESSION_EXPIRY_INTERVAL,
                                     m_profile.sessionExpirySeconds);
        mosquitto_connect_bind_v5(m, nullptr, m_profile.port(), m_profile.keepAliveSeconds, nullptr,
                                  props.get());
    }

    setState(State::Connecting);
    d->lastLibraryError.clear();
    d->connackRefused = false;
    const int rc = mosquitto_connect_bind_async(m, host.constData(), m_profile.port(),
                                                m_profile.keepAliveSeconds, nullptr);
    const int savedErrno = errno;
    if (rc != MOSQ_ERR_SUCCESS) {
        // A synchronous failure (name lookup, an immediate refusal) comes with no disconnect callback.
        handleConnectionLoss(rc, savedErrno);
        return m_state != State::Disconnected || !d->permanentFailure;
    }
    d->miscTimer.start();
    afterLibraryCall();
    return true;
}

void MqttClient::disconnectFromBroker()
{
    d->userDisconnect = true;
    d->reconnectTimer.stop();
    if (d->mosq && (m_state == State::Connected || m_state == State::Connecting)) {
        // Read what the broker already sent (PUBACKs, say) first: closing a socket with unread data makes the
        // kernel send a reset instead of a FIN, and a broker that gets the reset may drop our DISCONNECT with
        // it and publish the Last Will after all.
        if (m_state == State::Connected && mosquitto_socket(d->mosq) >= 0) {
            for (int i = 0; i < 64; ++i) {
                errno = 0;
                if (mosquitto_loop_read(d->mosq, 1) != MOSQ_ERR_SUCCESS || errno == EAGAIN ||
                    errno == EWOULDBLOCK || mosquitto_socket(d->mosq) < 0)
                    break;
            }
        }
        mosquitto_disconnect(d->mosq);
        // The DISCONNECT is queued; flush it now so that the broker discards the Will even if we exit next.
        mosquitto_loop_write(d->mosq, 1);
        afterLibraryCall();
    }
    if (m_state != State::Disconnected) {
        const bool wasConnected = m_state == State::Connected;
        d->miscTimer.stop();
        d->inFlightMids.clear();
        m_inFlight = 0;
        setState(State::Disconnected);
        if (wasConnected)
            Q_EMIT disconnected();
    }
}

void MqttClient::abortConnection()
{
    if (!d->mosq || mosquitto_socket(d->mosq) < 0)
        return;
    // shutdown() rather than close(): the descriptor stays libmosquitto's, which sees end-of-file on its next
    // read and goes through its usual connection-lost path.
    ::shutdown(mosquitto_socket(d->mosq), SHUT_RDWR);
}

int MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    return publish(MqttMessage(topic, payload, qos, retain));
}

int MqttClient::publish(const MqttMessage &message)
{
    if (!TopicFilter::isValidTopicName(message.topic()))
        return refuse(Error::InvalidTopic,
                      message.topic().contains(QLatin1Char('+')) || message.topic().contains(QLatin1Char('#'))
                          ? tr("Cannot publish to \"%1\": a topic name cannot contain the wildcards + or #.")
                                .arg(message.topic())
                          : tr("Cannot publish to \"%1\": not a valid topic name.").arg(message.topic()));
    if (message.qos() < 0 || message.qos() > 2)
        return refuse(Error::InvalidConfiguration, tr("QoS must be 0, 1 or 2, not %1.").arg(message.qos()));
    if (message.payload().size() > std::min(m_maxPayload, MqttMaximumPacket - 65535 - 1024))
        return refuse(Error::PayloadTooLarge, tr("The payload of %1 bytes exceeds the limit of %2 bytes.")
                                                  .arg(message.payload().size())
                                                  .arg(m_maxPayload));
    const bool v5 = m_profile.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5;
    const MqttProperties &props = message.properties();
    if (!v5 && !props.isEmpty())
        return refuse(Error::PropertiesNotSupported,
                      tr("MQTT 5 properties cannot be sent on an MQTT 3.1.1 connection."));
    if (props.payloadFormat == MqttProperties::PayloadFormat::Utf8 &&
        mosquitto_validate_utf8(message.payload().constData(), static_cast<int>(message.payload().size())) !=
            MOSQ_ERR_SUCCESS)
        return refuse(
            Error::InvalidPayload,
            tr("The payload is declared UTF-8 text (payload format indicator) but is not valid UTF-8."));
    if (m_state != State::Connected || !d->mosq)
        return refuse(Error::NotConnected,
                      tr("Cannot publish to \"%1\": not connected.").arg(message.topic()));
    if (message.qos() > 0 && m_inFlight >= m_maxInFlight) {
        m_error = Error::InFlightWindowFull;
        m_errorString = tr("%1 messages are awaiting acknowledgement; wait for room.").arg(m_inFlight);
        m_windowWasFull = true;
        return -1;
    }

    MosquittoProperties list;
    if (!list.add(props))
        return refuse(Error::InvalidConfiguration, tr("The message's MQTT 5 properties are invalid."));
    const QByteArray topic = message.topic().toUtf8();
    int mid = 0;
    const int rc =
        mosquitto_publish_v5(d->mosq, &mid, topic.constData(), static_cast<int>(message.payload().size()),
                             message.payload().constData(), message.qos(), message.retain(), list.get());
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_NO_CONN) {
        afterLibraryCall();
        switch (rc) {
        case MOSQ_ERR_PAYLOAD_SIZE:
        case MOSQ_ERR_OVERSIZE_PACKET:
            return refuse(Error::PayloadTooLarge,
                          tr("The message is larger than the broker accepts (its Maximum Packet Size)."));
        case MOSQ_ERR_QOS_NOT_SUPPORTED:
            return refuse(Error::PublishDenied, tr("The broker does not support QoS %1.").arg(message.qos()));
        case MOSQ_ERR_RETAIN_NOT_SUPPORTED:
            return refuse(Error::PublishDenied, tr("The broker does not support retained messages."));
        default:
            return refuse(Error::UnknownError,
                          tr("Publishing failed: %1").arg(QString::fromUtf8(mosquitto_strerror(rc))));
        }
    }
    if (message.qos() > 0) {
        d->inFlightMids.insert(mid, true);
        m_inFlight = static_cast<int>(d->inFlightMids.size());
    }
    afterLibraryCall();
    return mid;
}

bool MqttClient::subscribe(const QString &filter, int qos, quint32 identifier, bool retainAsPublished)
{
    if (!TopicFilter::isValidFilter(filter))
        return refuse(Error::InvalidTopicFilter, tr("\"%1\" is not a valid topic filter.").arg(filter)),
               false;
    if (qos < 0 || qos > 2)
        return refuse(Error::InvalidConfiguration, tr("QoS must be 0, 1 or 2, not %1.").arg(qos)), false;
    if (identifier > MaxSubscriptionIdentifier)
        return refuse(Error::InvalidConfiguration, tr("A subscription identifier is at most %1, not %2.")
                                                       .arg(MaxSubscriptionIdentifier)
                                                       .arg(identifier)),
               false;
    auto it = std::find_if(d->subscriptions.begin(), d->subscriptions.end(),
                           [&](const Subscription &s) { return s.filter == filter; });
    if (it == d->subscriptions.end())
        it = d->subscriptions.insert(d->subscriptions.end(), Subscription{filter, qos});
    it->requestedQos = qos;
    it->identifier = identifier;
    it->retainAsPublished = retainAsPublished;
    it->state = SubscriptionState::Pending;
    if (m_state == State::Connected)
        sendSubscribe(*it);
    return true;
}

void MqttClient::sendSubscribe(const Subscription &subscription)
{
    const QString &filter = subscription.filter;
    int mid = 0;
    const QByteArray f = filter.toUtf8();
    // MQTT 3.1.1 has no subscription identifiers; the library would refuse the whole SUBSCRIBE.
    const bool v5 = m_profile.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5;
    MosquittoProperties properties;
    if (subscription.identifier != 0 && v5)
        mosquitto_property_add_varint(properties.out(), MQTT_PROP_SUBSCRIPTION_IDENTIFIER,
                                      subscription.identifier);
    const int options = subscription.retainAsPublished && v5 ? MQTT_SUB_OPT_RETAIN_AS_PUBLISHED : 0;
    const int rc = mosquitto_subscribe_v5(d->mosq, &mid, f.constData(), subscription.requestedQos, options,
                                          properties.get());
    if (rc == MOSQ_ERR_SUCCESS)
        d->subscribeMids.insert(mid, filter);
    afterLibraryCall();
    if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_NO_CONN) {
        // NO_CONN: the connection just dropped; resubscription on reconnect covers it.
        Q_EMIT subscriptionFailed(
            filter, Error::UnknownError,
            tr("Subscribing to \"%1\" failed: %2").arg(filter, QString::fromUtf8(mosquitto_strerror(rc))));
    }
}

void MqttClient::unsubscribe(const QString &filter)
{
    const auto removed = d->subscriptions.removeIf([&](const Subscription &s) { return s.filter == filter; });
    if (removed == 0 || m_state != State::Connected)
        return;
    int mid = 0;
    const QByteArray f = filter.toUtf8();
    if (mosquitto_unsubscribe_v5(d->mosq, &mid, f.constData(), nullptr) == MOSQ_ERR_SUCCESS)
        d->unsubscribeMids.insert(mid, filter);
    afterLibraryCall();
}

QList<MqttClient::Subscription> MqttClient::subscriptions() const
{
    return d->subscriptions;
}

// A reconnect opens a new socket (and a new file descriptor): the notifiers must follow it.
void MqttClient::syncSocket()
{
    const int fd = d->mosq ? mosquitto_socket(d->mosq) : -1;
    if (fd == d->socket)
        return;
    // deleteLater: this may run inside one of the old notifiers' own activation.
    if (d->readNotifier) {
        d->readNotifier->setEnabled(false);
        d->readNotifier->deleteLater();
    }
    if (d->writeNotifier) {
        d->writeNotifier->setEnabled(false);
        d->writeNotifier->deleteLater();
    }
    d->readNotifier = d->writeNotifier = nullptr;
    d->socket = fd;
    if (fd < 0)
        return;
    d->readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(d->readNotifier, &QSocketNotifier::activated, this, &MqttClient::onReadable);
    d->writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    d->writeNotifier->setEnabled(false);
    connect(d->writeNotifier, &QSocketNotifier::activated, this, &MqttClient::onWritable);
}

// Called after every call into libmosquitto: follow the socket, replay the callbacks as signals, and watch
// for writability only while the library has something to send (a writable socket is almost always writable,
// so leaving the notifier on would spin).
void MqttClient::afterLibraryCall()
{
    syncSocket();
    dispatchEvents();
    if (!d->writeNotifier || !d->mosq)
        return;
    bool wantWrite = mosquitto_want_write(d->mosq);
    // During a TLS handshake libmosquitto reports pending output (the queued CONNECT) that it cannot send
    // until the handshake ends, and the handshake only advances when the peer's answer is read. Waiting for
    // writability then would spin; wait for the read notifier unless OpenSSL itself has bytes to send.
    if (wantWrite && d->tlsHandshaking() && !d->tlsWantsWrite())
        wantWrite = false;
    d->writeNotifier->setEnabled(wantWrite);
}

void MqttClient::beginWriteBatch()
{
    if (d->writeBatchDepth++ == 0)
        d->setCork(true);
}

void MqttClient::endWriteBatch()
{
    if (d->writeBatchDepth == 0 || --d->writeBatchDepth > 0)
        return;
    d->setCork(false);
}

void MqttClient::onReadable()
{
    if (!d->mosq)
        return;
    // The PUBACKs of what this reads, and whatever the receivers publish in reply, leave together.
    beginWriteBatch();
    const auto release = qScopeGuard([this] { endWriteBatch(); });
    // Drain what the socket holds, up to a bound so that a flood cannot starve the rest of the event loop.
    // loop_read() handles one packet per call when no QoS 1/2 messages are queued; errno tells when the
    // socket ran dry.
    for (int i = 0; i < 512; ++i) {
        errno = 0;
        const int rc = mosquitto_loop_read(d->mosq, 1);
        if (rc != MOSQ_ERR_SUCCESS) {
            noteSilentClose(rc);
            break;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || mosquitto_socket(d->mosq) < 0)
            break;
        // Hand over large batches early: subscribers see messages sooner and the event vector stays small.
        if (d->events.size() >= 256)
            dispatchEvents();
        if (!d->mosq)
            return;
    }
    afterLibraryCall();
}

void MqttClient::onWritable()
{
    if (!d->mosq)
        return;
    int rc = MOSQ_ERR_SUCCESS;
    if (d->tlsHandshaking())
        rc = mosquitto_loop_read(d->mosq, 1);
    if (rc == MOSQ_ERR_SUCCESS && mosquitto_socket(d->mosq) >= 0)
        rc = mosquitto_loop_write(d->mosq, 1);
    if (rc != MOSQ_ERR_SUCCESS)
        noteSilentClose(rc);
    afterLibraryCall();
}

// libmosquitto closes the socket without calling the disconnect callback when a TLS handshake fails (OpenSSL
// rejected the broker's certificate, say). Without this the client would sit in Connecting forever.
void MqttClient::noteSilentClose(int rc)
{
    if (!d->mosq || mosquitto_socket(d->mosq) >= 0)
        return;
    const bool reported = std::any_of(d->events.begin(), d->events.end(), [](const Private::Event &e) {
        return e.kind == Private::Event::Disconnect;
    });
    if (reported || m_state == State::Disconnected || m_state == State::Reconnecting)
        return;
    Private::Event e(Private::Event::Disconnect);
    e.code = rc;
    e.savedErrno = errno;
    d->events.push_back(std::move(e));
}

void MqttClient::onMiscTimer()
{
    if (!d->mosq)
        return;
    mosquitto_loop_misc(d->mosq);
    afterLibraryCall();
}

void MqttClient::dispatchEvents()
{
    if (d->events.empty())
        return;
    std::vector<Private::Event> batch;
    batch.swap(d->events);
    QPointer<MqttClient> guard(this);
    for (auto &e : batch) {
        switch (e.kind) {
        case Private::Event::Message:
            Q_EMIT messageReceived(e.message);
            break;
        case Private::Event::Connack:
            handleConnack(e.code, e.flag);
            break;
        case Private::Event::Disconnect:
            handleConnectionLoss(e.code, e.savedErrno);
            break;
        case Private::Event::Published: {
            const bool tracked = d->inFlightMids.contains(e.messageId);
            releaseInFlight(e.messageId);
            if (e.code >= 0x80 && tracked) {
                const Error error = e.code == MQTT_RC_NOT_AUTHORIZED     ? Error::PublishDenied
                                    : e.code == MQTT_RC_PACKET_TOO_LARGE ? Error::PayloadTooLarge
                                                                         : Error::PublishDenied;
                Q_EMIT publishFailed(
                    e.messageId, error,
                    tr("The broker refused message %1: %2").arg(e.messageId).arg(mqttReasonText(e.code)));
            } else {
                Q_EMIT messageSent(e.messageId);
            }
            break;
        }
        case Private::Event::Suback: {
            const QString filter = d->subscribeMids.take(e.messageId);
            if (filter.isEmpty())
                break;
            const int granted = e.granted.empty() ? 0x80 : e.granted.front();
            auto it = std::find_if(d->subscriptions.begin(), d->subscriptions.end(),
                                   [&](const Subscription &s) { return s.filter == filter; });
            if (granted >= 0x80) {
                if (it != d->subscriptions.end()) {
                    it->state = SubscriptionState::Denied;
                    it->grantedQos = -1;
                }
                const QString why = granted == 0x80
                                        ? tr("the broker refused it (not authorized, or an invalid filter)")
                                        : mqttReasonText(granted);
                Q_EMIT subscriptionFailed(filter,
                                          granted == MQTT_RC_TOPIC_FILTER_INVALID ? Error::InvalidTopicFilter
                                                                                  : Error::SubscriptionDenied,
                                          tr("Subscription to \"%1\" denied: %2").arg(filter, why));
            } else {
                if (it != d->subscriptions.end()) {
                    it->state = SubscriptionState::Granted;
                    it->grantedQos = granted;
                }
                Q_EMIT subscribed(filter, granted);
            }
            break;
        }
        case Private::Event::Unsuback: {
            const QString filter = d->unsubscribeMids.take(e.messageId);
            if (!filter.isEmpty())
                Q_EMIT unsubscribed(filter);
            break;
        }
        }
        if (!guard)
            return;
    }
}

void MqttClient::releaseInFlight(int messageId)
{
    if (!d->inFlightMids.remove(messageId))
        return;
    m_inFlight = static_cast<int>(d->inFlightMids.size());
    if (m_windowWasFull && m_inFlight < m_maxInFlight) {
        m_windowWasFull = false;
        Q_EMIT readyToPublish();
    }
}

void MqttClient::handleConnack(int reasonCode, bool sessionPresent)
{
    const bool v5 = m_profile.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5;
    if (reasonCode == 0) {
        m_sessionPresent = sessionPresent;
        m_reconnectAttempt = 0;
        d->everConnected = true;
        // The log callback is only needed for the reasons of failed handshakes; while connected, libmosquitto
        // would format a debug line for every packet (about 15% of the CPU time of a QoS 0 flood).
        mosquitto_log_callback_set(d->mosq, nullptr);
        m_error = Error::NoError;
        m_errorString.clear();
        setState(State::Connected);
        // Subscriptions live in the client, not only in the broker's session: a clean session lost them, and
        // a resumed one may predate a subscribe() made while offline. Subscribing again is harmless.
        for (const Subscription &s : std::as_const(d->subscriptions))
            sendSubscribe(s);
        Q_EMIT connected();
        return;
    }
    const MqttFailure refusal =
        connackRefusal(reasonCode, v5, !m_profile.username.isEmpty() || !d->password.isEmpty(), m_clientId);
    d->permanentFailure = refusal.permanent;
    d->connackRefused = true;
    m_error = refusal.error;
    m_errorString = refusal.message;
    Q_EMIT errorOccurred(refusal.error, refusal.message);
}

void MqttClient::handleConnectionLoss(int mosqRc, int savedErrno)
{
    const bool wasConnected = m_state == State::Connected;
    if (d->userDisconnect || mosqRc == MOSQ_ERR_SUCCESS) {
        d->miscTimer.stop();
        setState(State::Disconnected);
        if (wasConnected)
            Q_EMIT disconnected();
        return;
    }
    const bool handshaking = m_state == State::Connecting;
    // A CONNACK refusal was already reported by handleConnack(); the library then closes with CONN_REFUSED
    // (MQTT 3.1.1 return codes) or PROTOCOL (MQTT 5 reason codes, which libmosquitto 2.0 does not map).
    const bool refusalReported = d->connackRefused;
    d->connackRefused = false;
    if (!(refusalReported && handshaking)) {
        // With TLS, a server that refuses the client certificate may only close the socket; OpenSSL's reason
        // then arrives through the log callback.
        const MqttFailure failure =
            connectionLossFailure(MqttConnectionLoss{mosqRc, savedErrno, handshaking, d->tls,
                                                     d->everConnected, d->lastLibraryError},
                                  m_profile);
        if (failure.permanent)
            d->permanentFailure = true;
        m_error = failure.error;
        m_errorString = failure.message;
        Q_EMIT errorOccurred(failure.error, failure.message);
    }
    d->lastLibraryError.clear();

    if (m_profile.cleanStart) {
        // A clean session's unacknowledged messages are gone with it; keeping them would close the window.
        d->inFlightMids.clear();
        m_inFlight = 0;
        if (m_windowWasFull) {
            m_windowWasFull = false;
            Q_EMIT readyToPublish();
        }
    }
    for (Subscription &s : d->subscriptions)
        s.state = SubscriptionState::Pending;
    d->subscribeMids.clear();
    d->unsubscribeMids.clear();

    if (d->permanentFailure || !m_autoReconnect) {
        d->miscTimer.stop();
        setState(State::Disconnected);
    } else {
        scheduleReconnect();
    }
    if (wasConnected)
        Q_EMIT disconnected();
}

void MqttClient::scheduleReconnect()
{
    const int exponent = std::min(m_reconnectAttempt, 20);
    const qint64 ceiling = std::min<qint64>(m_reconnectMaxMs, qint64(m_reconnectMinMs) << exponent);
    // "Equal jitter": half fixed, half random, so that a fleet of consoles does not reconnect in lockstep
    // after a broker restart, yet no attempt comes sooner than half the nominal delay.
    const qint64 delay = ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1);
    ++m_reconnectAttempt;
    setState(State::Reconnecting);
    d->reconnectTimer.start(static_cast<int>(delay));
}

void MqttClient::applyCredentials()
{
    if (m_profile.username.isEmpty() && d->password.isEmpty())
        return;
    const QByteArray user = m_profile.username.toUtf8();
    mosquitto_username_pw_set(d->mosq, user.isEmpty() ? nullptr : user.constData(),
                              d->password.isEmpty() ? nullptr : d->password.constData());
}

void MqttClient::reconnectNow()
{
    if (!d->mosq || d->userDisconnect)
        return;
    setState(State::Connecting);
    d->lastLibraryError.clear();
    d->connackRefused = false;
    mosquitto_log_callback_set(d->mosq, &Private::onLog);
    // The password may have changed since the last attempt: a short-lived token (an Azure SAS) is signed
    // anew before it expires, and a reconnect must present the new one, not the one the session began with.
    applyCredentials();
    const int rc = mosquitto_reconnect_async(d->mosq);
    const int savedErrno = errno;
    if (rc != MOSQ_ERR_SUCCESS) {
        syncSocket();
        handleConnectionLoss(rc, savedErrno);
        return;
    }
    d->miscTimer.start();
    afterLibraryCall();
}

} // namespace fleet
