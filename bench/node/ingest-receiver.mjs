// MQTT.js (the engine inside MQTT Explorer and MQTTX) as a subscriber of the ingest benchmark.
//
// Started by bench_ingest: connects with a known client id (the driver waits for the broker to log its
// subscription before it publishes), counts messages until it has --count of them, prints one line of JSON and
// exits. It stops by itself after --idle-ms without a message once the stream has begun, or after --timeout-s in
// all, so a lost message cannot keep it alive.
//
// Only counting, on purpose: it measures the library's ingest path the way mosquitto_sub measures libmosquitto's,
// not what an application later does with the messages.

import mqtt from 'mqtt';
import { performance } from 'node:perf_hooks';

function parseArgs(argv) {
    const args = { host: '127.0.0.1', port: 1883, clientId: '', topic: 'bench/ingest', qos: 0, count: 0,
                   idleMs: 2000, timeoutS: 60 };
    const names = { '--host': 'host', '--port': 'port', '--client-id': 'clientId', '--topic': 'topic',
                    '--qos': 'qos', '--count': 'count', '--idle-ms': 'idleMs', '--timeout-s': 'timeoutS' };
    for (let i = 2; i < argv.length; i += 2) {
        const key = names[argv[i]];
        if (!key || i + 1 >= argv.length)
            throw new Error(`unknown or incomplete option ${argv[i]}`);
        args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
    }
    if (!args.clientId || !(args.count > 0) || ![0, 1, 2].includes(args.qos))
        throw new Error('need --client-id, --count > 0 and --qos 0..2');
    return args;
}

// Wall-clock milliseconds since the epoch with sub-millisecond resolution, comparable with the driver's clock.
const nowMs = () => performance.timeOrigin + performance.now();

let args;
try {
    args = parseArgs(process.argv);
} catch (e) {
    process.stderr.write(`ingest-receiver: ${e.message}\n`);
    process.exit(2);
}

let received = 0;
let firstMs = 0;
let lastMs = 0;
let finished = false;

function finish(reason, exitCode) {
    if (finished)
        return;
    finished = true;
    process.stdout.write(JSON.stringify({
        receiver: 'mqttjs', received, expected: args.count, first_ms: firstMs, last_ms: lastMs, reason,
    }) + '\n');
    // Exit right away: a graceful end() would wait for the socket, and the driver times the process exit.
    client.end(true);
    process.exit(exitCode);
}

const client = mqtt.connect({
    host: args.host,
    port: args.port,
    protocol: 'mqtt',
    protocolVersion: 4, // MQTT 3.1.1, like every receiver of the benchmark
    clientId: args.clientId,
    clean: true,
    keepalive: 60,
    reconnectPeriod: 0, // a benchmark run that loses its connection has failed; do not hide it by reconnecting
    connectTimeout: 10000,
});

client.on('connect', () => {
    client.subscribe(args.topic, { qos: args.qos }, (err) => {
        if (err) {
            process.stderr.write(`ingest-receiver: subscribe failed: ${err.message}\n`);
            finish('subscribe-failed', 1);
        }
    });
});

client.on('message', () => {
    lastMs = nowMs();
    if (received === 0)
        firstMs = lastMs;
    if (++received >= args.count)
        finish('complete', 0);
});

client.on('error', (err) => {
    process.stderr.write(`ingest-receiver: ${err.message}\n`);
    finish('error', 1);
});
client.on('close', () => finish('closed', 1));

// One coarse timer instead of one reset per message: rearming a timer 200,000 times would be measured too.
let seenAtLastTick = -1;
let idleSinceMs = nowMs();
const deadlineMs = nowMs() + args.timeoutS * 1000;
setInterval(() => {
    const now = nowMs();
    if (received !== seenAtLastTick) {
        seenAtLastTick = received;
        idleSinceMs = now;
    } else if (received > 0 && now - idleSinceMs >= args.idleMs) {
        finish('idle', 0);
    }
    if (now >= deadlineMs)
        finish('timeout', 0);
}, 100);
