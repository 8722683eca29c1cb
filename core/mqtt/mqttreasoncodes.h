#pragma once

#include "brokerprofile.h"
#include "mqttclient.h"

#include <QString>

namespace fleet {

// What MqttClient reports when a broker refuses a connection or the connection ends: the error, its message,
// and whether retrying can help. The messages are MqttClient's (translated in its context).
struct MqttFailure
{
    MqttClient::Error error = MqttClient::Error::UnknownError;
    QString message;
    bool permanent = false; // retrying would fail the same way
};

// The circumstances of a lost (or failed) connection, as MqttClient knows them.
struct MqttConnectionLoss
{
    int mosqRc = 0;             // libmosquitto's error, or an MQTT 5 reason code (0x80 and up)
    int savedErrno = 0;         // errno right after the failure
    bool handshaking = false;   // no CONNACK yet
    bool tls = false;           // the session was started with TLS
    bool everConnected = false; // since connectToBroker()
    QString libraryError;       // libmosquitto's last logged error: OpenSSL's reason for a failed handshake
};

// The text of an MQTT 5 reason code.
QString mqttReasonText(int reasonCode);

// A CONNACK that refused the connection: MQTT 3.1.1 return codes 1-5, MQTT 5 reason codes 0x80 and up.
// hasCredentials: the client sent a user name or a password.
MqttFailure connackRefusal(int reasonCode, bool v5, bool hasCredentials, const QString &clientId);

// A connection lost, or never made, for a reason other than our own disconnect. permanent is set only where
// the reason shows that retrying cannot help; otherwise the client's own judgement stands.
MqttFailure connectionLossFailure(const MqttConnectionLoss &loss, const BrokerProfile &profile);

} // namespace fleet
