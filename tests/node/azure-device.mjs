// A device written against Azure IoT Hub with Microsoft's device SDK (azure-iot-device's Client over the
// azure-iot-device-mqtt transport), pointed at the local TLS listener that fleet-hub serves. The C++ test drives
// it through stdin/stdout, one JSON object per line, so that the C++ side decides what happens and checks every
// step; the script only turns commands into SDK calls and SDK callbacks/events into lines.
//
// Usage: node azure-device.mjs CONNECTION_STRING CA_FILE [WATCHDOG_S]
//   CONNECTION_STRING  as IoT Hub writes it, e.g.
//                      HostName=myhub.local;DeviceId=az-1;SharedAccessKey=<base64>;GatewayHostName=localhost:PORT
//                      The SDK connects to mqtts://GatewayHostName (port included) and keeps HostName for the MQTT
//                      username and the SAS token's audience.
//   CA_FILE            PEM of the CA that signed the listener's certificate. It is handed to the SDK as text, which
//                      makes it the only trusted CA for this connection: NODE_EXTRA_CA_CERTS (set, unset, pointing
//                      anywhere) changes nothing.
//   WATCHDOG_S         the script exits (code 3) after this many seconds whatever happens; default 60.
//
// Commands (stdin, field op):
//   {op:'open', keepalive?: seconds, noRetry?: true}
//                         client.open(); once open, a 'message' listener is added (the SDK then subscribes to
//                         C2D). keepalive replaces the SDK's 180 s; noRetry replaces the SDK's retry policy by one
//                         that never retries (no automatic reconnection: a dropped connection then prints
//                         'disconnect'). Open while connected prints nothing. Note that the SDK connects by itself
//                         for any operation issued while it is not connected (onMethod, getTwin, send...).
//   {op:'getTwin'}        first time client.getTwin() and a 'properties.desired' listener on the twin (the SDK then
//                         subscribes to desired patches); later twin.get() on the same twin. The SDK hands out no
//                         twin until its first GET is answered, so report and desired need an answered getTwin.
//   {op:'report', patch}  twin.properties.reported.update(patch)
//   {op:'onMethod', name, respond: {status, payload} | null}
//                         client.onDeviceMethod(name); with respond each request is answered at once with it, with
//                         null it is kept until a 'respond' command (or never, to provoke the hub's 504).
//   {op:'respond', requestId, status, payload}
//   {op:'send', data, properties: {k: v}, messageId, correlationId, contentType, contentEncoding}
//                         client.sendEvent(new Message(data)) with those fields set when present.
//   {op:'close'}          client.close(), prints closed, exits 0. End of stdin does the same.
// Events (stdout, field event):
//   connected                              each time the transport connects (client 'connect'), reconnections
//                                          included
//   error {op, name, message}              op says what failed: start (arguments, CA file; exits 2), open,
//                                          getTwin, onMethod, client, twin, complete, command, uncaught (an
//                                          exception thrown inside the SDK's MQTT message handling)
//   disconnect {reason}                    client 'disconnect'
//   twin {desired, reported}               after getTwin
//   desired {patch, source}                each 'properties.desired' event of the twin; source 'patch' for a
//                                          notification received from the hub, 'twin' when the SDK replays the
//                                          whole desired section (after every later GET, before 'twin', and
//                                          once after the first 'twin' when the listener is added)
//   reported {ok, error}
//   method {name, payload, requestId}      payload is the parsed JSON body (the SDK answers a body that is not
//                                          JSON, or is empty, with 400 itself and no event is printed)
//   methodResponded {name, requestId, status, ok, error}
//   c2d {data, properties, messageId, correlationId, contentType, contentEncoding}   (the message is completed)
//   sent {ok, error}
//   closed {error}
//   watchdog                               just before the watchdog exits (code 3)
import azureDevice from 'azure-iot-device';
import azureDeviceMqtt from 'azure-iot-device-mqtt';
import fs from 'node:fs';
import readline from 'node:readline';

const { Client, Message } = azureDevice;
const { Mqtt } = azureDeviceMqtt;

const [connectionString, caFile, watchdogArg] = process.argv.slice(2);
const say = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const errorText = (error) => (error ? String(error.message || error) : null);
const sayError = (op, error) => say({ event: 'error', op, name: (error && error.name) || null, message: errorText(error) });

// Never outlive the test that started us.
const watchdogSeconds = Number(watchdogArg || 60);
const watchdog = setTimeout(() => { say({ event: 'watchdog' }); process.exit(3); }, watchdogSeconds * 1000);

// The SDK reports some failures by throwing from inside its MQTT message handlers (a twin response or desired
// patch that is not JSON, a twin response without a body): say so and keep running, the test decides.
process.on('uncaughtException', (error) => sayError('uncaught', error));
process.on('unhandledRejection', (error) => sayError('uncaught', error));

if (!connectionString || !caFile) {
    sayError('start', new Error('usage: node azure-device.mjs CONNECTION_STRING CA_FILE [WATCHDOG_S]'));
    process.exit(2);
}

let ca;
try {
    ca = fs.readFileSync(caFile, 'utf8');
} catch (error) {
    sayError('start', error);
    process.exit(2);
}

const client = Client.fromConnectionString(connectionString, Mqtt);
client.on('connect', () => say({ event: 'connected' }));
client.on('error', (error) => sayError('client', error));
client.on('disconnect', (result) => say({ event: 'disconnect', reason: errorText(result && result.transportObj) }));

const nullIfEmpty = (value) => (value === undefined || value === '' ? null : value);

let c2dListening = false;
function listenForC2d() {
    if (c2dListening) return;
    c2dListening = true;
    client.on('message', (message) => {
        const properties = {};
        for (const { key, value } of message.properties.propertyList) properties[key] = value;
        say({
            event: 'c2d',
            data: message.data ? Buffer.from(message.data).toString('utf8') : '',
            properties,
            messageId: nullIfEmpty(message.messageId),
            correlationId: nullIfEmpty(message.correlationId),
            contentType: nullIfEmpty(message.contentType),
            contentEncoding: nullIfEmpty(message.contentEncoding),
        });
        client.complete(message, (error) => { if (error) sayError('complete', error); });
    });
}

let twin = null;
const sayTwin = () => say({ event: 'twin', desired: twin.properties.desired, reported: twin.properties.reported });

function getTwin() {
    if (twin) {
        twin.get((error) => (error ? sayError('getTwin', error) : sayTwin()));
        return;
    }
    client.getTwin((error, newTwin) => {
        if (error) { sayError('getTwin', error); return; }
        twin = newTwin;
        sayTwin();
        twin.on('error', (twinError) => sayError('twin', twinError));
        // Adding this listener is what makes the SDK subscribe to desired-property patches.
        twin.on('properties.desired', (patch) =>
            say({ event: 'desired', patch, source: patch === twin.properties.desired ? 'twin' : 'patch' }));
    });
}

// Method requests that have been announced and not yet answered, by request id.
const pendingMethods = new Map();

// Returns false when the SDK refused the response outright (a status that is not a number, a second answer).
function respond(name, requestId, response, status, payload) {
    const done = (error) => say({ event: 'methodResponded', name, requestId, status, ok: !error, error: errorText(error) });
    try {
        response.send(status, payload === undefined ? null : payload, done);
        return true;
    } catch (error) {
        done(error);
        return false;
    }
}

function onMethod(name, automatic) {
    try {
        client.onDeviceMethod(name, (request, response) => {
            const requestId = request.requestId;
            say({ event: 'method', name, payload: request.payload === undefined ? null : request.payload, requestId });
            if (automatic) respond(name, requestId, response, automatic.status, automatic.payload);
            else pendingMethods.set(requestId, { name, response });
        });
    } catch (error) {
        sayError('onMethod', error);
    }
}

function send(command) {
    const message = new Message(command.data === undefined || command.data === null ? '' : String(command.data));
    for (const [key, value] of Object.entries(command.properties || {})) message.properties.add(key, String(value));
    for (const field of ['messageId', 'correlationId', 'contentType', 'contentEncoding']) {
        if (command[field] !== undefined && command[field] !== null) message[field] = command[field];
    }
    client.sendEvent(message, (error) => say({ event: 'sent', ok: !error, error: errorText(error) }));
}

let closing = false;
function close() {
    if (closing) return;
    closing = true;
    clearTimeout(watchdog);
    // close() waits for the MQTT DISCONNECT to be written; do not hang if the transport is stuck.
    setTimeout(() => { say({ event: 'closed', error: 'close timed out' }); process.exit(0); }, 5000).unref();
    client.close((error) => { say({ event: 'closed', error: errorText(error) }); process.exit(0); });
}

function open(command) {
    if (command.noRetry) client.setRetryPolicy({ shouldRetry: () => false, nextRetryTimeout: () => -1 });
    const connect = () => client.open((error) => {
        if (error) { sayError('open', error); return; }
        listenForC2d();
    });
    if (!command.keepalive) { connect(); return; }
    client.setOptions({ ca, keepalive: Number(command.keepalive) }, (error) => (error ? sayError('open', error) : connect()));
}

function onCommand(line) {
    if (!line.trim()) return;
    let command;
    try {
        command = JSON.parse(line);
    } catch (error) {
        sayError('command', error);
        return;
    }
    const op = command && command.op;
    try {
        switch (op) {
        case 'open':
            open(command);
            break;
        case 'getTwin':
            getTwin();
            break;
        case 'report':
            if (!twin) {
                say({ event: 'reported', ok: false, error: 'no twin: getTwin has not succeeded' });
                break;
            }
            twin.properties.reported.update(command.patch, (error) =>
                say({ event: 'reported', ok: !error, error: errorText(error) }));
            break;
        case 'onMethod':
            onMethod(command.name, command.respond || null);
            break;
        case 'respond': {
            const pending = pendingMethods.get(command.requestId);
            if (!pending) {
                say({ event: 'methodResponded', name: null, requestId: command.requestId, status: command.status,
                    ok: false, error: 'no pending request with this id' });
                break;
            }
            if (respond(pending.name, command.requestId, pending.response, command.status, command.payload)) {
                pendingMethods.delete(command.requestId);
            }
            break;
        }
        case 'send':
            send(command);
            break;
        case 'close':
            close();
            break;
        default:
            sayError('command', new Error(`unknown op ${JSON.stringify(op)}`));
        }
    } catch (error) {
        sayError(op || 'command', error);
    }
}

// The CA goes in before any command is read: every operation of the SDK connects on its own when the client is
// not connected (onMethod, getTwin, send... before open), and such a connection must trust CA_FILE too.
// (setOptions first tries to read its ca as a file name, fails on PEM text and then uses the text itself.)
client.setOptions({ ca }, (error) => {
    if (error) { sayError('start', error); process.exit(2); }
    readline.createInterface({ input: process.stdin }).on('line', onCommand).on('close', close);
});
