// A device written against AWS IoT with the aws-iot-device-sdk package (its thingShadow class), pointed at a
// local mosquitto that fleet-hub serves. tst_awsdevicesdk drives it through stdin/stdout, one JSON object per
// line, so that the C++ side decides what happens and checks every step.
//
// Usage: node aws-shadow-device.mjs HOST PORT CA CERT KEY THING
import awsIot from 'aws-iot-device-sdk';
import readline from 'node:readline';

const [host, port, caPath, certPath, keyPath, thing] = process.argv.slice(2);
const say = (event) => process.stdout.write(JSON.stringify(event) + '\n');

const shadows = awsIot.thingShadow({
    host, port: Number(port), caPath, certPath, keyPath,
    protocol: 'mqtts', clientId: `aws-sdk-${thing}`, keepalive: 30,
    // One attempt: the test fails fast instead of retrying for minutes against a broker that is gone.
    reconnectPeriod: 0,
});

// Never outlive the test that started us.
const watchdog = setTimeout(() => { say({ event: 'watchdog' }); process.exit(3); }, 60000);

shadows.on('connect', () => say({ event: 'connect' }));
shadows.on('error', (error) => say({ event: 'error', message: String(error && error.message || error) }));
shadows.on('status', (name, stat, clientToken, document) => say({ event: 'status', name, stat, clientToken, document }));
shadows.on('delta', (name, document) => say({ event: 'delta', name, document }));
shadows.on('timeout', (name, clientToken) => say({ event: 'timeout', name, clientToken }));

// Commands from the test: register, get, update {...}, delete, end.
readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line);
    switch (command.op) {
    case 'register':
        shadows.register(thing, { persistentSubscribe: true }, (error) =>
            say({ event: 'registered', error: error ? String(error) : null }));
        break;
    case 'get':
        say({ event: 'sent', op: 'get', clientToken: shadows.get(thing) });
        break;
    case 'update':
        say({ event: 'sent', op: 'update', clientToken: shadows.update(thing, command.document) });
        break;
    case 'delete':
        say({ event: 'sent', op: 'delete', clientToken: shadows.delete(thing) });
        break;
    case 'end':
        clearTimeout(watchdog);
        shadows.unregister(thing);
        shadows.end(false, () => process.exit(0));
        break;
    }
});
