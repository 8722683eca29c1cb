#include "mqttreasoncodes.h"

#include <QCoreApplication>

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cerrno>
#include <cstring>

// The messages below were written as MqttClient's tr() strings and are translated in its context
// ("fleet::MqttClient"), where the .ts files hold them.

namespace fleet {

QString mqttReasonText(int reasonCode)
{
    return QString::fromUtf8(mosquitto_reason_string(reasonCode));
}

MqttFailure connackRefusal(int reasonCode, bool v5, bool hasCredentials, const QString &clientId)
{
    using Error = MqttClient::Error;
    Error error = Error::UnknownError;
    bool permanent = true;
    if (!v5) {
        switch (reasonCode) {
        case 1:
            error = Error::ProtocolVersionRejected;
            break;
        case 2:
            error = Error::ClientIdRejected;
            break;
        case 3:
            error = Error::ServerUnavailable;
            permanent = false;
            break;
        case 4:
            error = Error::BadUsernameOrPassword;
            break;
        case 5:
            error = Error::NotAuthorized;
            break;
        default:
            break;
        }
    } else {
        switch (reasonCode) {
        case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION:
            error = Error::ProtocolVersionRejected;
            break;
        case MQTT_RC_CLIENTID_NOT_VALID:
            error = Error::ClientIdRejected;
            break;
        case MQTT_RC_BAD_USERNAME_OR_PASSWORD:
            error = Error::BadUsernameOrPassword;
            break;
        case MQTT_RC_NOT_AUTHORIZED:
        case MQTT_RC_BANNED:
        case MQTT_RC_BAD_AUTHENTICATION_METHOD:
            error = Error::NotAuthorized;
            break;
        case MQTT_RC_SERVER_UNAVAILABLE:
        case MQTT_RC_SERVER_BUSY:
        case MQTT_RC_CONNECTION_RATE_EXCEEDED:
        case MQTT_RC_QUOTA_EXCEEDED:
            error = Error::ServerUnavailable;
            permanent = false;
            break;
        case MQTT_RC_MALFORMED_PACKET:
        case MQTT_RC_PROTOCOL_ERROR:
            error = Error::ProtocolError;
            break;
        default:
            permanent = false;
            break;
        }
    }
    QString message;
    switch (error) {
    case Error::BadUsernameOrPassword:
        message = QCoreApplication::translate(
            "fleet::MqttClient", "The broker refused the connection: bad user name or password.");
        break;
    case Error::NotAuthorized:
        // mosquitto answers a wrong password with "not authorized" rather than "bad user name or password".
        message =
            !hasCredentials
                ? QCoreApplication::translate("fleet::MqttClient",
                                              "The broker refused the connection: not authorized (it may "
                                              "require a user name and password).")
                : QCoreApplication::translate("fleet::MqttClient",
                                              "The broker refused the connection: not authorized (check "
                                              "the user name and password).");
        break;
    case Error::ClientIdRejected:
        message = QCoreApplication::translate("fleet::MqttClient", "The broker refused the client id \"%1\".")
                      .arg(clientId);
        break;
    case Error::ProtocolVersionRejected:
        message = QCoreApplication::translate("fleet::MqttClient",
                                              "The broker does not support this MQTT version.");
        break;
    case Error::ServerUnavailable:
        message = QCoreApplication::translate("fleet::MqttClient", "The broker is unavailable for now.");
        break;
    default:
        message = QCoreApplication::translate("fleet::MqttClient", "The broker refused the connection: %1")
                      .arg(v5 ? mqttReasonText(reasonCode)
                              : QString::fromUtf8(mosquitto_connack_string(reasonCode)));
        break;
    }
    return MqttFailure{error, message, permanent};
}

MqttFailure connectionLossFailure(const MqttConnectionLoss &loss, const BrokerProfile &profile)
{
    using Error = MqttClient::Error;
    MqttFailure failure;
    failure.error = Error::ConnectionLost;
    const QString &detail = loss.libraryError;
    switch (loss.mosqRc) {
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE:
        failure.error = Error::TlsError;
        failure.message =
            QCoreApplication::translate("fleet::MqttClient", "The TLS connection to %1 failed: %2")
                .arg(profile.url.toDisplayString(),
                     detail.isEmpty() ? QCoreApplication::translate("fleet::MqttClient", "handshake refused")
                                      : detail);
        // Verification failures are configuration, not weather: retrying would fail the same way. After a
        // successful connection, though, a TLS error is more likely a broker going down mid-handshake.
        if (loss.handshaking && !loss.everConnected)
            failure.permanent = true;
        break;
    case MOSQ_ERR_EAI:
    case MOSQ_ERR_LOOKUP:
        failure.error = Error::HostNotFound;
        failure.message = QCoreApplication::translate("fleet::MqttClient", "Cannot find the host \"%1\".")
                              .arg(profile.host());
        break;
    case MOSQ_ERR_ERRNO:
    case MOSQ_ERR_CONN_LOST:
    case MOSQ_ERR_NO_CONN:
        if (loss.handshaking && (loss.savedErrno == ECONNREFUSED || loss.mosqRc == MOSQ_ERR_ERRNO)) {
            failure.error =
                loss.savedErrno == ECONNREFUSED ? Error::ConnectionRefused : Error::ConnectionLost;
            failure.message =
                loss.savedErrno == ECONNREFUSED
                    ? QCoreApplication::translate("fleet::MqttClient", "Nothing accepts connections at %1.")
                          .arg(profile.url.toDisplayString())
                    : QCoreApplication::translate("fleet::MqttClient", "Cannot connect to %1: %2")
                          .arg(profile.url.toDisplayString(),
                               QString::fromLocal8Bit(std::strerror(loss.savedErrno)));
        } else if (loss.handshaking && loss.tls && !loss.everConnected && !detail.isEmpty()) {
            // A server that rejects our certificate (or the lack of one) may only show it by closing.
            failure.error = Error::TlsError;
            failure.message =
                QCoreApplication::translate("fleet::MqttClient", "The TLS connection to %1 failed: %2")
                    .arg(profile.url.toDisplayString(), detail);
            failure.permanent = true;
        } else {
            failure.message =
                QCoreApplication::translate("fleet::MqttClient", "The connection to %1 was lost.")
                    .arg(profile.url.toDisplayString());
        }
        break;
    case MOSQ_ERR_KEEPALIVE:
        failure.message = QCoreApplication::translate(
                              "fleet::MqttClient", "The broker at %1 stopped answering (keepalive timeout).")
                              .arg(profile.url.toDisplayString());
        break;
    default:
        failure.message =
            QCoreApplication::translate("fleet::MqttClient", "The connection to %1 was lost: %2")
                .arg(profile.url.toDisplayString(), loss.mosqRc >= 0x80
                                                        ? mqttReasonText(loss.mosqRc)
                                                        : QString::fromUtf8(mosquitto_strerror(loss.mosqRc)));
        break;
    }
    return failure;
}

} // namespace fleet
