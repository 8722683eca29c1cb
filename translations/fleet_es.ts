<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>fleet::BrokerProfile</name>
    <message>
        <source>The broker URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use mqtt:// or mqtts://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker URL &quot;%1&quot; has no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the password in the keychain, not in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keepalive must be between 5 and 65535 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With MQTT 5 a persistent session needs a session expiry interval; with 0 the broker ends the session at disconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client certificate needs its private key, and a key its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS files are set but the URL is not mqtts://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleet::MainWindow</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Fleet Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Fleet Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet Console %1
A desktop console for fleets of MQTT devices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleet::MqttClient</name>
    <message>
        <source>A persistent session needs a client id: the broker finds the session by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id is not valid UTF-8 of at most 65535 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Last Will topic &quot;%1&quot; is not a valid topic name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Last Will has MQTT 5 properties but the connection uses MQTT 3.1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MQTT library could not create a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the TLS file &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS settings were refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Last Will&apos;s MQTT 5 properties are invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Last Will was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: a topic name cannot contain the wildcards + or #.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not a valid topic name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS must be 0, 1 or 2, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT 5 properties cannot be sent on an MQTT 3.1.1 connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payload is declared UTF-8 text (payload format indicator) but is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot publish to &quot;%1&quot;: not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages are awaiting acknowledgement; wait for room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message&apos;s MQTT 5 properties are invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts (its Maximum Packet Size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker does not support QoS %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker does not support retained messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribing to &quot;%1&quot; failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused message %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the broker refused it (not authorized, or an invalid filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription to &quot;%1&quot; denied: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused the connection: bad user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (it may require a user name and password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused the connection: not authorized (check the user name and password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused the client id &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker does not support this MQTT version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker is unavailable for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker refused the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot find the host &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker at %1 stopped answering (keepalive timeout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for fleets of MQTT devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language (en, es, fr).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
