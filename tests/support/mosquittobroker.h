#pragma once

#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace fleet::test {

// One entry of the generated password file.
struct MosquittoUser
{
    QString name;
    QString password;
};

// What goes into the generated mosquitto.conf. The modes combine freely, e.g. mutual TLS with users and an
// ACL.
struct MosquittoBrokerOptions
{
    enum class Tls {
        Off,               // plain TCP listener, url() is mqtt://
        ServerCertificate, // TLS listener presenting serverCertFile(), url() is mqtts://
        Mutual,            // as ServerCertificate, and clients must present a certificate signed by caFile()
    };

    Tls tls = Tls::Off;
    // Non-empty: a password file made with mosquitto_passwd -b, and allow_anonymous false.
    QList<MosquittoUser> users;
    // Non-empty: written verbatim as the acl_file. mosquitto 2.0 checks it on PUBLISH and on delivery but
    // always grants SUBSCRIBE, so a read the ACL denies shows up as messages that never arrive, not as a
    // SUBACK failure.
    QString acl;
    // Non-empty: an existing password file used as it is (made by `fleet-hub provision`, say), with
    // allow_anonymous false. Leave users empty then: the two would name two password files.
    QString passwordFile;
    // Non-empty: an existing acl_file used as it is. Leave acl empty then.
    QString aclFile;
    // persistence true, stored in directory(): a restart keeps retained messages and persistent sessions.
    // mosquitto writes its database when it exits on SIGTERM, so after kill() the changes since start are
    // lost.
    bool persistence = false;
    // log_type values on top of error, warning, notice and information, which start() relies on. "all" logs
    // every PUBLISH: a benchmark that only needs to see subscriptions arrive should use {"subscribe"} (one
    // "<clientid> <qos> <filter>" line per filter) to keep the broker fast. "Received SUBSCRIBE from
    // <clientid>" is a debug line.
    QStringList logTypes = {QStringLiteral("all")};
    // Appended after the listener line, so listener options such as use_identity_as_username apply to it.
    QStringList extraConfigLines;
    // Common name of clientCertFile() and untrustedClientCertFile().
    QString clientCommonName = QStringLiteral("fleet-client");
    // Empty: /usr/sbin/mosquitto, then PATH.
    QString executable;
    // Bound on each start() and restart(): launch, then until mosquitto accepts TCP connections.
    int startTimeoutMs = 10000;
    // How long restart() and later start() calls keep retrying while the port is still busy.
    int samePortRetryMs = 3000;

    // Logs only what start() needs ("all" slows the broker down under a burst of messages).
    static MosquittoBrokerOptions quiet()
    {
        MosquittoBrokerOptions options;
        options.logTypes = {};
        return options;
    }
};

// A real mosquitto for one test: its own temporary directory and a free port on 127.0.0.1 only. It is stopped
// by PID (never by name) in stop(), kill() and the destructor. Create and use it in one thread: on Linux the
// broker gets SIGTERM when the thread that started it exits, so a crashed test leaves no broker behind.
class MosquittoBroker final
{
public:
    using Options = MosquittoBrokerOptions;
    using Tls = MosquittoBrokerOptions::Tls;

    explicit MosquittoBroker(Options options = {});
    ~MosquittoBroker();
    MosquittoBroker(const MosquittoBroker &) = delete;
    MosquittoBroker &operator=(const MosquittoBroker &) = delete;

    // Starts mosquitto and waits, at most options().startTimeoutMs, until it accepts TCP connections. The
    // first start picks a free port (and retries with another one if it is taken meanwhile); later starts
    // reuse it so that clients can reconnect to the same url(). On failure errorString() includes mosquitto's
    // output.
    bool start();
    // SIGTERM, up to 5 s for mosquitto to save and exit, then SIGKILL. Returns false if it had to be killed.
    bool stop();
    // SIGKILL: an abrupt broker death. Nothing is saved.
    void kill();
    // stop(), then start() on the same port.
    bool restart();

    bool isRunning() const;
    qint64 pid() const;   // 0 when not running
    quint16 port() const; // 0 until the first successful start
    QString host() const; // always 127.0.0.1
    QString url() const;  // mqtt://127.0.0.1:PORT or mqtts://127.0.0.1:PORT
    QString errorString() const;
    const Options &options() const;
    QString directory() const; // config, password and ACL files, persistence database, log
    QString configFile() const;

    // Everything mosquitto printed since the first start, later runs appended. Lines starting with "### " are
    // the fixture's: one before each launch, one once the broker is ready. The connection logged just before
    // the latter is start()'s own TCP probe.
    QString log() const;
    // The current length of log(): pass it to waitForLogLine() to ignore what was logged before.
    qsizetype logPosition() const;
    // Waits until text containing needle appears in log() at or after position from, processing events
    // meanwhile so that clients living in this thread keep working. Returns false after timeoutMs.
    bool waitForLogLine(const QString &needle, int timeoutMs = 5000, qsizetype from = 0);

    // EC P-256 certificates made once per process with openssl and shared by all brokers. Empty if that
    // failed (errorString() says why).
    QString caFile() const;
    QString wrongCaFile() const;    // an unrelated CA: verifying the server with it must fail
    QString serverCertFile() const; // subjectAltName IP:127.0.0.1 and DNS:localhost
    QString serverKeyFile() const;
    QString clientCertFile() const; // CN options().clientCommonName, signed by caFile()
    QString clientKeyFile() const;
    QString untrustedClientCertFile() const; // same CN, signed by wrongCaFile(): mutual TLS must refuse it
    QString untrustedClientKeyFile() const;

    // The mosquitto binary start() would run, empty if there is none.
    static QString findMosquitto();
    // The ACL the project ships for the approval queue (docs/approvals.acl), for the tests that attack it.
    static QString shippedApprovalsAcl();

private:
    bool prepare();
    bool launch(quint16 port, int attempt, bool *addressInUse);
    bool startOnSamePort();
    bool writeConfig(quint16 port);
    void waitForProbeTrace(qsizetype runStart) const;
    void appendToLog(const QString &line);
    void readLog() const;
    QString certificate(int which) const;

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_prepared = false;
    QString m_executable;
    QString m_logPath;
    mutable QString m_error;
    mutable QString m_log;
    mutable qint64 m_logFileOffset = 0;
    mutable QStringDecoder m_logDecoder{QStringDecoder::Utf8};
};

} // namespace fleet::test
