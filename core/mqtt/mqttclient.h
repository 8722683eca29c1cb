#pragma once

#include "brokerprofile.h"
#include "mqttmessage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace fleet {

// An MQTT 3.1.1 / 5 client on the Qt event loop, over libmosquitto.
//
// libmosquitto runs with no thread of its own: a QSocketNotifier pair drives its reads and writes and a timer
// its keepalive, so every signal is emitted on the thread that owns the client, and a GUI can connect
// directly. libmosquitto invokes its callbacks while holding its own locks, so callbacks only record what
// happened; the client emits the Qt signals after the library call has returned.
//
// The API follows QMqttClient's: a state with stateChanged(), messageReceived(), errorOccurred() with an
// error enum and a translated message, subscriptions with their granted QoS. Beyond it: automatic reconnect
// with exponential backoff and jitter (resubscribing on every reconnect), and a bounded window of QoS 1/2
// publishes in flight, so a fast producer is told to wait instead of queueing without bound inside the
// library.
class MqttClient final : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State {
        Disconnected, // idle, or stopped for good after an error that retrying cannot fix
        Connecting,   // TCP/TLS/CONNECT under way
        Connected,    // CONNACK accepted
        Reconnecting, // lost the connection; waiting for the backoff timer before the next attempt
    };
    Q_ENUM(State)

    enum class Error {
        NoError,
        // Configuration, refused before anything reaches the network.
        InvalidConfiguration,   // unparsable URL, unreadable TLS file, incoherent session settings
        InvalidClientId,        // empty with a persistent session, or not valid UTF-8
        InvalidTopic,           // a publish topic that is empty, too long, or has wildcards
        InvalidTopicFilter,     // a subscription filter that breaks the wildcard rules
        PayloadTooLarge,        // over maximumPayloadSize() or the broker's Maximum Packet Size
        InFlightWindowFull,     // backpressure: wait for readyToPublish()
        PropertiesNotSupported, // MQTT 5 properties on an MQTT 3.1.1 connection
        InvalidPayload,         // declared UTF-8 (payload format indicator) but is not
        NotConnected,
        // Transport.
        HostNotFound,
        ConnectionRefused, // nothing listening, or a firewall said no
        ConnectionLost,
        TlsError, // handshake failed: unknown CA, host name mismatch, certificate required or refused
        // Broker answers (CONNACK, SUBACK, PUBACK/PUBREC reason codes).
        ProtocolVersionRejected,
        ClientIdRejected,
        ServerUnavailable,
        BadUsernameOrPassword,
        NotAuthorized,
        SubscriptionDenied,
        PublishDenied,
        ProtocolError,
        UnknownError,
    };
    Q_ENUM(Error)

    enum class SubscriptionState { Pending, Granted, Denied };
    Q_ENUM(SubscriptionState)

    struct Subscription
    {
        QString filter;
        int requestedQos = 0;
        int grantedQos = -1;    // -1 until granted
        quint32 identifier = 0; // MQTT 5 subscription identifier, 0 for none
        bool retainAsPublished = false;
        SubscriptionState state = SubscriptionState::Pending;
    };

    explicit MqttClient(QObject *parent = nullptr);
    ~MqttClient() override;

    // Connection settings, read at connectToBroker().
    void setProfile(const BrokerProfile &profile);
    const BrokerProfile &profile() const { return m_profile; }
    // Secrets come from the keychain at connect time and are held only in memory. A new password applies
    // from the next connection attempt, automatic reconnects included.
    void setPassword(const QString &password);
    void setKeyPassphrase(const QString &passphrase);
    // The Last Will, published by the broker if this client vanishes without a DISCONNECT.
    void setWill(const std::optional<MqttMessage> &will);

    // Automatic reconnect: after an unexpected loss the next attempt waits a random time between half and all
    // of min(maximum, minimum * 2^attempt). Errors that a retry cannot fix (bad credentials, TLS
    // verification, a refused client id) stop the client instead.
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }
    bool autoReconnect() const { return m_autoReconnect; }
    void setReconnectDelays(int minimumMs, int maximumMs);

    // At most this many QoS 1/2 publishes may await their acknowledgement; publish() refuses more with
    // InFlightWindowFull, and readyToPublish() says when there is room again. The library sends that many
    // before it waits too, instead of its own default of 20, unless an MQTT 5 broker announces a Receive
    // Maximum, which then rules; read at the next connect.
    void setMaxInFlight(int count);
    int maxInFlight() const { return m_maxInFlight; }
    int inFlightCount() const { return m_inFlight; }
    bool canPublish() const { return m_inFlight < m_maxInFlight; }

    void setMaximumPayloadSize(qsizetype bytes) { m_maxPayload = bytes; }
    qsizetype maximumPayloadSize() const { return m_maxPayload; }

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // The client id in use: the profile's, or the one generated for a clean session without one.
    QString clientId() const { return m_clientId; }
    // True when the broker resumed a stored session at the last CONNACK.
    bool sessionPresent() const { return m_sessionPresent; }

    // Starts connecting; returns false (with errorOccurred) when the settings are refused before any I/O.
    bool connectToBroker();
    // Sends DISCONNECT (so no Last Will is published) and stops reconnecting.
    void disconnectFromBroker();
    // Cuts the network connection without a DISCONNECT, as a crash or a pulled cable would: the broker
    // publishes the Last Will. The client then reacts as to any unexpected loss (it reconnects when
    // autoReconnect() is on). Simulated devices use it for their faults.
    void abortConnection();

    // Returns the message id (> 0, echoed by messageSent()), or -1 when refused (see error()). A refusal for
    // bad input also emits errorOccurred(); a full in-flight window does not, it is the caller's cue to wait.
    int publish(const MqttMessage &message);
    int publish(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false);

    // Between beginWriteBatch() and endWriteBatch() (nested pairs count) what the client writes stays in the
    // kernel's socket buffer (TCP_CORK) and leaves together at the end, in as few TCP segments as fit,
    // instead of one segment per packet: a service answering a burst spends far less CPU in the network
    // stack, and so does the broker reading it. The acknowledgements of a burst of incoming messages are
    // batched the same way, inside the client's own read handler. Without effect on a Unix socket.
    void beginWriteBatch();
    void endWriteBatch();

    // Subscriptions persist across reconnects. Returns false (with errorOccurred) for an invalid filter, QoS
    // or identifier. A non-zero identifier (1 to MaxSubscriptionIdentifier) is sent with an MQTT 5
    // SUBSCRIBE, and the broker puts it on every message it delivers for that subscription
    // (MqttMessage::subscriptionIdentifiers()): with overlapping subscriptions, that tells the copies of one
    // message apart. MQTT 3.1.1 has none; the identifier is then not sent. retainAsPublished (MQTT 5 only)
    // keeps the retain flag of live messages as their publisher set it, instead of the broker clearing it,
    // so that a subscriber sees which topics hold a retained value.
    static constexpr quint32 MaxSubscriptionIdentifier = 268'435'455;
    bool subscribe(const QString &filter, int qos = 0, quint32 identifier = 0,
                   bool retainAsPublished = false);
    void unsubscribe(const QString &filter);
    QList<Subscription> subscriptions() const;

Q_SIGNALS:
    void stateChanged(fleet::MqttClient::State state);
    void connected();
    void disconnected();
    void errorOccurred(fleet::MqttClient::Error error, const QString &message);
    void messageReceived(const fleet::MqttMessage &message);
    // A QoS 0 message left the client, or a QoS 1/2 one completed its handshake.
    void messageSent(int messageId);
    // The broker refused a QoS 1/2 publish with a reason code (MQTT 5 only; 3.1.1 has no way to say it).
    void publishFailed(int messageId, fleet::MqttClient::Error error, const QString &message);
    void subscribed(const QString &filter, int grantedQos);
    void subscriptionFailed(const QString &filter, fleet::MqttClient::Error error, const QString &message);
    void unsubscribed(const QString &filter);
    // The in-flight window was full and has room again.
    void readyToPublish();

private:
    struct Private;
    friend struct Private;

    void setState(State state);
    int refuse(Error error, const QString &message);
    bool startSession();
    void syncSocket();
    void onReadable();
    void onWritable();
    void noteSilentClose(int rc);
    void onMiscTimer();
    void afterLibraryCall();
    void dispatchEvents();
    void handleConnack(int reasonCode, bool sessionPresent);
    void handleConnectionLoss(int mosqRc, int savedErrno);
    void scheduleReconnect();
    void reconnectNow();
    void applyCredentials();
    void sendSubscribe(const Subscription &subscription);
    void releaseInFlight(int messageId);

    std::unique_ptr<Private> d;
    BrokerProfile m_profile;
    QString m_clientId;
    QString m_errorString;
    qsizetype m_maxPayload = 256 * 1024 * 1024 - 1024;
    State m_state = State::Disconnected;
    Error m_error = Error::NoError;
    int m_maxInFlight = 100;
    int m_inFlight = 0;
    int m_reconnectMinMs = 500;
    int m_reconnectMaxMs = 30000;
    int m_reconnectAttempt = 0;
    bool m_autoReconnect = true;
    bool m_sessionPresent = false;
    bool m_windowWasFull = false;
};

} // namespace fleet
