// The fixture every integration test stands on: checked against the mosquitto command line clients only, so
// that a bug in the project's own MQTT client cannot hide a bug here (or the reverse).
#include "mosquittobroker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>

using namespace fleet::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int ClientTimeoutMs = 15000;

struct ClientRun
{
    bool finished = false;
    int exitCode = -1;
    QString output;
};

QString describe(const ClientRun &run)
{
    return u"finished %1, exit code %2, output:\n%3"_s.arg(run.finished ? u"yes"_s : u"no"_s,
                                                           QString::number(run.exitCode), run.output);
}

void startClient(QProcess &process, const QString &tool, const QStringList &arguments)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStandardPaths::findExecutable(tool), arguments);
}

ClientRun finishClient(QProcess &process, int timeoutMs = ClientTimeoutMs)
{
    ClientRun run;
    run.finished = process.waitForStarted(ClientTimeoutMs) && process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(ClientTimeoutMs);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = QString::fromLocal8Bit(process.readAll());
    return run;
}

ClientRun runClient(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    startClient(process, tool, arguments);
    return finishClient(process);
}

ClientRun publish(const QStringList &arguments)
{
    return runClient(u"mosquitto_pub"_s, arguments);
}

QStringList connection(const MosquittoBroker &broker)
{
    return {u"-h"_s, broker.host(), u"-p"_s, QString::number(broker.port())};
}

QStringList tlsConnection(const MosquittoBroker &broker)
{
    return connection(broker) + QStringList{u"--cafile"_s, broker.caFile()};
}

QStringList login(const MosquittoBroker &broker, const QString &user, const QString &password)
{
    return connection(broker) + QStringList{u"-u"_s, user, u"-P"_s, password};
}

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// mosquitto_sub in the background. subscribed() returns once the broker has its SUBSCRIBE, so whatever is
// published afterwards reaches it.
class Subscriber final
{
public:
    Subscriber(MosquittoBroker &broker, const QString &clientId, const QStringList &arguments)
        : m_broker(broker)
        , m_clientId(clientId)
        , m_logMark(broker.logPosition())
    {
        startClient(m_process, u"mosquitto_sub"_s, QStringList{u"-i"_s, clientId} + arguments);
    }

    ~Subscriber()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(ClientTimeoutMs);
        }
    }

    bool subscribed()
    {
        return m_broker.waitForLogLine(u"Received SUBSCRIBE from "_s + m_clientId, ClientTimeoutMs,
                                       m_logMark);
    }

    ClientRun finish() { return finishClient(m_process); }

private:
    MosquittoBroker &m_broker;
    QString m_clientId;
    qsizetype m_logMark;
    QProcess m_process;
};

// Publishes one message and returns an empty string if a subscriber on the same connection settings received
// exactly it, what went wrong otherwise.
QString roundTrip(MosquittoBroker &broker, const QStringList &connectionArguments, const QString &clientId,
                  const QString &topic, const QString &payload)
{
    Subscriber subscriber(broker, clientId,
                          connectionArguments +
                              QStringList{u"-t"_s, topic, u"-C"_s, u"1"_s, u"-W"_s, u"10"_s, u"-v"_s});
    if (!subscriber.subscribed()) {
        return u"the subscriber never subscribed (%1)\nbroker log:\n%2"_s.arg(describe(subscriber.finish()),
                                                                              broker.log());
    }
    const ClientRun published = publish(connectionArguments + QStringList{u"-t"_s, topic, u"-m"_s, payload});
    if (published.exitCode != 0) {
        return u"mosquitto_pub failed (%1)"_s.arg(describe(published));
    }
    const ClientRun received = subscriber.finish();
    const QString expected = topic + u' ' + payload;
    if (received.exitCode != 0 || received.output.trimmed() != expected) {
        return u"expected \"%1\" from the subscriber (%2)"_s.arg(expected, describe(received));
    }
    return {};
}

MosquittoBroker::Options authOptions()
{
    MosquittoBroker::Options options;
    options.users = {{u"alice"_s, u"secret"_s}, {u"bob"_s, u"hunter2"_s}};
    options.acl = u"user alice\n"
                  u"topic readwrite fleet/#\n"
                  u"user bob\n"
                  u"topic read fleet/#\n"
                  u"topic write secret/#\n"
                  u"pattern write approvals/decisions/%u\n"_s;
    return options;
}

} // namespace

#define START_BROKER(broker) QVERIFY2((broker).start(), qPrintable((broker).errorString()))

class TestMosquittoBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainStartStopAndRoundTrip();
    void destructorStopsBroker();
    void waitForLogLine();
    void persistenceKeepsRetainedAndSessionsAcrossRestart();
    void restartWithoutPersistenceForgetsRetained();
    void tlsRoundTrip();
    void tlsWrongCaIsRefused();
    void mutualTls();
    void authenticationRefusesWrongPassword();
    void aclFiltersDeliveryAndDeniesPublish();
    void killLeavesNoProcess();
    void restartFailsClearlyWhenPortIsTaken();
    void startFailureIncludesMosquittoOutput();
    void missingExecutableMentionsSetup();
};

void TestMosquittoBroker::initTestCase()
{
    for (const QString &tool : {u"mosquitto_pub"_s, u"mosquitto_sub"_s}) {
        QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                 qPrintable(tool + u" not found in PATH: run ./fleet setup"_s));
    }
    QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(), "mosquitto not found: run ./fleet setup");
}

void TestMosquittoBroker::plainStartStopAndRoundTrip()
{
    MosquittoBroker broker;
    START_BROKER(broker);
    QVERIFY(broker.isRunning());
    QVERIFY(broker.port() > 0);
    QCOMPARE(broker.url(), u"mqtt://127.0.0.1:%1"_s.arg(broker.port()));
    const qint64 pid = broker.pid();
    QVERIFY(processExists(pid));
    QVERIFY(broker.log().contains(u"Opening ipv4 listen socket on port %1."_s.arg(broker.port())));

    // Only loopback: the host's other addresses must not reach the broker.
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : addresses) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol) {
            continue;
        }
        QTcpSocket socket;
        socket.connectToHost(address, broker.port());
        QVERIFY2(!socket.waitForConnected(1000), qPrintable(address.toString() + u" reached the broker"_s));
    }

    const QString failure =
        roundTrip(broker, connection(broker), u"plain-sub"_s, u"fleet/plain"_s, u"hello"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QVERIFY2(broker.stop(), qPrintable(broker.errorString()));
    QVERIFY(!broker.isRunning());
    QCOMPARE(broker.pid(), 0);
    QVERIFY(!processExists(pid));
    QVERIFY2(broker.log().contains(u"terminating"_s), qPrintable(broker.log())); // SIGTERM, a clean exit
}

void TestMosquittoBroker::destructorStopsBroker()
{
    qint64 pid = 0;
    {
        MosquittoBroker broker;
        START_BROKER(broker);
        pid = broker.pid();
        QVERIFY(processExists(pid));
    }
    QVERIFY(!processExists(pid));
}

void TestMosquittoBroker::waitForLogLine()
{
    MosquittoBroker broker;
    START_BROKER(broker);

    const qsizetype mark = broker.logPosition();
    QVERIFY(broker.waitForLogLine(u"Opening ipv4 listen socket"_s, 100));
    QVERIFY(!broker.waitForLogLine(u"Opening ipv4 listen socket"_s, 100, mark));

    // Bounded, and the event loop runs meanwhile (clients in the test's thread depend on it).
    bool timerFired = false;
    QTimer::singleShot(50, [&timerFired] { timerFired = true; });
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!broker.waitForLogLine(u"no such line"_s, 300, mark));
    QVERIFY2(elapsed.elapsed() >= 290 && elapsed.elapsed() < 3000,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(timerFired);
    QVERIFY(broker.errorString().contains(u"no such line"_s));

    // A line that appears only later, as benchmarks use it: the subscriber's SUBSCRIBE reaching the broker.
    QProcess subscriber;
    startClient(subscriber, u"mosquitto_sub"_s,
                connection(broker) +
                    QStringList{u"-i"_s, u"waiting-sub"_s, u"-t"_s, u"fleet/wait"_s, u"-E"_s});
    QVERIFY2(broker.waitForLogLine(u"Received SUBSCRIBE from waiting-sub"_s, 10000, mark),
             qPrintable(broker.log()));
    QVERIFY(broker.log().indexOf(u"Received SUBSCRIBE from waiting-sub"_s) >= mark);
    const ClientRun run = finishClient(subscriber);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
}

void TestMosquittoBroker::persistenceKeepsRetainedAndSessionsAcrossRestart()
{
    MosquittoBroker::Options options;
    options.persistence = true;
    MosquittoBroker broker(options);
    START_BROKER(broker);
    const quint16 port = broker.port();
    const qint64 firstPid = broker.pid();

    ClientRun run = publish(connection(broker) + QStringList{u"-t"_s, u"fleet/retained"_s, u"-m"_s, u"kept"_s,
                                                             u"-r"_s, u"-q"_s, u"1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    // A persistent session (clean session off), offline while a QoS 1 message is queued for it.
    const QStringList session{u"-i"_s, u"fleet-session"_s, u"-c"_s, u"-q"_s, u"1"_s,
                              u"-t"_s, u"fleet/queued"_s};
    run = runClient(u"mosquitto_sub"_s, connection(broker) + session + QStringList{u"-E"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = publish(connection(broker) +
                  QStringList{u"-t"_s, u"fleet/queued"_s, u"-m"_s, u"while-offline"_s, u"-q"_s, u"1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
    QCOMPARE(broker.port(), port);
    QVERIFY(broker.pid() != firstPid);
    QVERIFY(!processExists(firstPid));

    run = runClient(u"mosquitto_sub"_s, connection(broker) + QStringList{u"-t"_s, u"fleet/retained"_s,
                                                                         u"-C"_s, u"1"_s, u"-W"_s, u"5"_s});
    QVERIFY2(run.exitCode == 0 && run.output.trimmed() == u"kept"_s, qPrintable(describe(run)));
    run = runClient(u"mosquitto_sub"_s,
                    connection(broker) + session + QStringList{u"-C"_s, u"1"_s, u"-W"_s, u"5"_s});
    QVERIFY2(run.exitCode == 0 && run.output.trimmed() == u"while-offline"_s, qPrintable(describe(run)));
}

void TestMosquittoBroker::restartWithoutPersistenceForgetsRetained()
{
    MosquittoBroker broker;
    START_BROKER(broker);
    const quint16 port = broker.port();
    ClientRun run = publish(connection(broker) + QStringList{u"-t"_s, u"fleet/retained"_s, u"-m"_s, u"lost"_s,
                                                             u"-r"_s, u"-q"_s, u"1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
    QCOMPARE(broker.port(), port);

    // A retained message would come right after the SUBACK, before the marker published afterwards.
    Subscriber subscriber(broker, u"retained-check"_s,
                          connection(broker) + QStringList{u"-t"_s, u"fleet/retained"_s, u"-t"_s,
                                                           u"fleet/marker"_s, u"-C"_s, u"1"_s, u"-W"_s,
                                                           u"10"_s, u"-v"_s});
    QVERIFY2(subscriber.subscribed(), qPrintable(broker.log()));
    run = publish(connection(broker) + QStringList{u"-t"_s, u"fleet/marker"_s, u"-m"_s, u"marker"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    run = subscriber.finish();
    QVERIFY2(run.exitCode == 0 && run.output.trimmed() == u"fleet/marker marker"_s,
             qPrintable(describe(run)));
}

void TestMosquittoBroker::tlsRoundTrip()
{
    MosquittoBroker::Options options;
    options.tls = MosquittoBroker::Tls::ServerCertificate;
    MosquittoBroker broker(options);
    START_BROKER(broker);
    QCOMPARE(broker.url(), u"mqtts://127.0.0.1:%1"_s.arg(broker.port()));
    for (const QString &file : {broker.caFile(), broker.wrongCaFile(), broker.serverCertFile(),
                                broker.serverKeyFile(), broker.clientCertFile(), broker.clientKeyFile()}) {
        QVERIFY2(QFileInfo(file).isFile(), qPrintable(file + u": "_s + broker.errorString()));
    }

    const QString failure =
        roundTrip(broker, tlsConnection(broker), u"tls-sub"_s, u"fleet/tls"_s, u"sealed"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // The certificate names localhost too, not only 127.0.0.1.
    QStringList byName = tlsConnection(broker);
    byName[1] = u"localhost"_s;
    ClientRun run = publish(byName + QStringList{u"-t"_s, u"fleet/tls"_s, u"-m"_s, u"by-name"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    // It is a TLS listener: a plain MQTT client does not get through.
    run = publish(connection(broker) + QStringList{u"-t"_s, u"fleet/tls"_s, u"-m"_s, u"plain"_s});
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(describe(run)));
}

void TestMosquittoBroker::tlsWrongCaIsRefused()
{
    MosquittoBroker::Options options;
    options.tls = MosquittoBroker::Tls::ServerCertificate;
    MosquittoBroker broker(options);
    START_BROKER(broker);
    const qsizetype mark = broker.logPosition();

    const ClientRun run = publish(connection(broker) + QStringList{u"--cafile"_s, broker.wrongCaFile(),
                                                                   u"-t"_s, u"fleet/tls"_s, u"-m"_s, u"x"_s});
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(describe(run)));
    QVERIFY2(run.output.contains(u"TLS error"_s), qPrintable(describe(run)));
    QVERIFY2(broker.waitForLogLine(u"unknown ca"_s, 5000, mark), qPrintable(broker.log()));
    QVERIFY(!broker.log().mid(mark).contains(u"New client connected"_s));
}

void TestMosquittoBroker::mutualTls()
{
    MosquittoBroker::Options options;
    options.tls = MosquittoBroker::Tls::Mutual;
    options.extraConfigLines = {u"use_identity_as_username true"_s}; // shows which certificate got in
    MosquittoBroker broker(options);
    START_BROKER(broker);
    const QStringList message{u"-t"_s, u"fleet/mtls"_s, u"-m"_s, u"x"_s};

    ClientRun run = publish(tlsConnection(broker) + message);
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(describe(run)));
    QVERIFY2(broker.waitForLogLine(u"peer did not return a certificate"_s, 5000), qPrintable(broker.log()));

    run = publish(tlsConnection(broker) +
                  QStringList{u"--cert"_s, broker.untrustedClientCertFile(), u"--key"_s,
                              broker.untrustedClientKeyFile()} +
                  message);
    QVERIFY2(run.finished && run.exitCode != 0, qPrintable(describe(run)));
    QVERIFY2(!broker.log().contains(u"New client connected"_s), qPrintable(broker.log()));

    const QStringList withCertificate =
        tlsConnection(broker) +
        QStringList{u"--cert"_s, broker.clientCertFile(), u"--key"_s, broker.clientKeyFile()};
    const QString failure = roundTrip(broker, withCertificate, u"mtls-sub"_s, u"fleet/mtls"_s, u"mutual"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY2(broker.log().contains(u"u'fleet-client'"_s), qPrintable(broker.log()));
}

void TestMosquittoBroker::authenticationRefusesWrongPassword()
{
    MosquittoBroker broker(authOptions());
    START_BROKER(broker);
    const QStringList subscription{u"-t"_s, u"fleet/auth"_s, u"-C"_s, u"1"_s, u"-W"_s, u"5"_s};

    // MQTT 3.1.1 CONNACK return code 5, which mosquitto_sub also uses as its exit code.
    ClientRun run = runClient(u"mosquitto_sub"_s, login(broker, u"alice"_s, u"wrong"_s) + subscription);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.output.contains(u"not authorised"_s), qPrintable(describe(run)));
    // MQTT 5 reason code 0x87 (135), "Not authorized".
    run = runClient(u"mosquitto_sub"_s,
                    login(broker, u"alice"_s, u"wrong"_s) + QStringList{u"-V"_s, u"mqttv5"_s} + subscription);
    QCOMPARE(run.exitCode, 135);
    QVERIFY2(run.output.contains(u"Not authorized"_s), qPrintable(describe(run)));
    // allow_anonymous false
    run = runClient(u"mosquitto_sub"_s, connection(broker) + subscription);
    QCOMPARE(run.exitCode, 5);

    const QString failure = roundTrip(broker, login(broker, u"alice"_s, u"secret"_s), u"auth-sub"_s,
                                      u"fleet/auth"_s, u"welcome"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestMosquittoBroker::aclFiltersDeliveryAndDeniesPublish()
{
    MosquittoBroker broker(authOptions());
    START_BROKER(broker);
    const QStringList alice = login(broker, u"alice"_s, u"secret"_s);
    const QStringList bob = login(broker, u"bob"_s, u"hunter2"_s);

    for (const QString &protocol : {u"mqttv5"_s, u"mqttv311"_s}) {
        const QString clientId = u"alice-acl-"_s + protocol;
        // alice may not read secret/#. mosquitto 2.0's acl_file never checks SUBSCRIBE, so the SUBACK grants
        // it and the broker filters on delivery; a broker that checks would answer 0x87 (v5) or 0x80
        // (v3.1.1).
        Subscriber subscriber(broker, clientId,
                              alice + QStringList{u"-V"_s, protocol, u"-d"_s, u"-v"_s, u"-t"_s, u"secret/#"_s,
                                                  u"-t"_s, u"fleet/done"_s, u"-C"_s, u"1"_s, u"-W"_s,
                                                  u"10"_s});
        QVERIFY2(subscriber.subscribed(), qPrintable(broker.log()));
        // QoS 1: its PUBACK proves the broker handled the message before alice's marker is published.
        ClientRun run =
            publish(bob + QStringList{u"-q"_s, u"1"_s, u"-t"_s, u"secret/plans"_s, u"-m"_s, u"leak"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = publish(alice + QStringList{u"-t"_s, u"fleet/done"_s, u"-m"_s, u"done"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

        run = subscriber.finish();
        QVERIFY2(run.exitCode == 0 && run.output.contains(u"fleet/done done"_s), qPrintable(describe(run)));
        QVERIFY2(!run.output.contains(u"leak"_s), qPrintable(describe(run)));
        const bool granted = run.output.contains(u"Subscribed (mid: 1): 0, 0"_s);
        const bool refused = run.output.contains(u"Subscribed (mid: 1): 135, 0"_s) ||
                             run.output.contains(u"Subscribed (mid: 1): 128, 0"_s);
        QVERIFY2(granted || refused, qPrintable(describe(run)));
        if (refused) {
            qInfo("this mosquitto refuses ACL-denied subscriptions in the SUBACK");
        }
    }

    // A denied QoS 1 PUBLISH: MQTT 5 gets PUBACK reason code 0x87, mosquitto_pub warns but exits 0.
    const qsizetype mark = broker.logPosition();
    ClientRun run = publish(alice + QStringList{u"-V"_s, u"mqttv5"_s, u"-q"_s, u"1"_s, u"-d"_s, u"-t"_s,
                                                u"secret/plans"_s, u"-m"_s, u"nope"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.contains(u"received PUBACK (Mid: 1, RC:135)"_s), qPrintable(describe(run)));
    QVERIFY2(run.output.contains(u"Warning: Publish 1 failed: Not authorized."_s), qPrintable(describe(run)));
    QVERIFY2(broker.waitForLogLine(u"Denied PUBLISH from"_s, 5000, mark), qPrintable(broker.log()));
    // MQTT 3.1.1 has no reason codes: the PUBACK looks like a success and the message is dropped.
    run = publish(alice + QStringList{u"-V"_s, u"mqttv311"_s, u"-q"_s, u"1"_s, u"-d"_s, u"-t"_s,
                                      u"secret/plans"_s, u"-m"_s, u"nope"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.output.contains(u"received PUBACK (Mid: 1, RC:0)"_s), qPrintable(describe(run)));

    // The %u pattern: alice may write her own decisions only (0x10: accepted, no matching subscribers).
    run = publish(alice + QStringList{u"-V"_s, u"mqttv5"_s, u"-q"_s, u"1"_s, u"-d"_s, u"-t"_s,
                                      u"approvals/decisions/alice"_s, u"-m"_s, u"approve"_s});
    QVERIFY2(run.output.contains(u"received PUBACK (Mid: 1, RC:16)"_s), qPrintable(describe(run)));
    run = publish(alice + QStringList{u"-V"_s, u"mqttv5"_s, u"-q"_s, u"1"_s, u"-d"_s, u"-t"_s,
                                      u"approvals/decisions/bob"_s, u"-m"_s, u"approve"_s});
    QVERIFY2(run.output.contains(u"received PUBACK (Mid: 1, RC:135)"_s), qPrintable(describe(run)));
}

void TestMosquittoBroker::killLeavesNoProcess()
{
    MosquittoBroker broker;
    START_BROKER(broker);
    const quint16 port = broker.port();
    const qint64 pid = broker.pid();
    QVERIFY(processExists(pid));

    broker.kill();
    QVERIFY(!broker.isRunning());
    QCOMPARE(broker.pid(), 0);
    errno = 0;
    QCOMPARE(::kill(pid_t(pid), 0), -1);
    QCOMPARE(errno, ESRCH);
    QVERIFY(!broker.log().contains(u"terminating"_s)); // it had no chance to shut down

    // Back after the crash, where the clients expect it.
    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));
    QCOMPARE(broker.port(), port);
    const QString failure =
        roundTrip(broker, connection(broker), u"after-kill"_s, u"fleet/back"_s, u"again"_s);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void TestMosquittoBroker::restartFailsClearlyWhenPortIsTaken()
{
    MosquittoBroker::Options options;
    options.samePortRetryMs = 500;
    MosquittoBroker broker(options);
    START_BROKER(broker);
    const quint16 port = broker.port();
    QVERIFY(broker.stop());

    QTcpServer squatter;
    QVERIFY2(squatter.listen(QHostAddress(QHostAddress::LocalHost), port),
             qPrintable(squatter.errorString()));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!broker.restart());
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(broker.errorString().contains(u"Address already in use"_s), qPrintable(broker.errorString()));
    QVERIFY(!broker.isRunning());

    squatter.close();
    START_BROKER(broker);
    QCOMPARE(broker.port(), port);
}

void TestMosquittoBroker::startFailureIncludesMosquittoOutput()
{
    MosquittoBroker::Options options;
    options.extraConfigLines = {u"no_such_option 1"_s};
    MosquittoBroker broker(options);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!broker.start());
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(broker.errorString().contains(u"no_such_option"_s), qPrintable(broker.errorString()));
    QVERIFY(!broker.isRunning());
    QCOMPARE(broker.pid(), 0);
}

void TestMosquittoBroker::missingExecutableMentionsSetup()
{
    MosquittoBroker::Options options;
    options.executable = u"/nonexistent/mosquitto"_s;
    MosquittoBroker broker(options);
    QVERIFY(!broker.start());
    QVERIFY2(broker.errorString().contains(u"./fleet setup"_s), qPrintable(broker.errorString()));
}

QTEST_GUILESS_MAIN(TestMosquittoBroker)
#include "tst_mosquittobroker.moc"
