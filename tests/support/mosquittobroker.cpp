#include "mosquittobroker.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace fleet::test {

namespace {

constexpr int ToolTimeoutMs = 30000;
constexpr int StopTimeoutMs = 5000;
constexpr int FreePortAttempts = 5;
constexpr int ProbeTimeoutMs = 250;
constexpr int ProbeTraceTimeoutMs = 1000;
constexpr int PollIntervalMs = 20;
constexpr int CertificateDays = 3650;

// Views, not QStrings: no static initialisation order to worry about when a broker is created from a global.
constexpr QStringView LoopbackAddress = u"127.0.0.1";
constexpr QStringView SetupHint = u"run ./fleet setup to install it";

enum CertificateFile {
    CaCert,
    WrongCaCert,
    ServerCert,
    ServerKey,
    ClientCert,
    ClientKey,
    UntrustedClientCert,
    UntrustedClientKey,
};

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        // PATH of a non-login root shell or a CI runner often lacks the sbin directories.
        path = QStandardPaths::findExecutable(
            name, {u"/usr/sbin"_s, u"/usr/bin"_s, u"/usr/local/sbin"_s, u"/usr/local/bin"_s});
    }
    return path;
}

// Runs a short helper (openssl, mosquitto_passwd) to completion; its output goes into *error on failure.
bool runTool(const QString &program, const QStringList &arguments, QString *error)
{
    const QString command = program + u' ' + arguments.join(u' ');
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted(ToolTimeoutMs)) {
        *error = u"could not run %1: %2"_s.arg(command, process.errorString());
        return false;
    }
    if (!process.waitForFinished(ToolTimeoutMs)) {
        process.kill();
        process.waitForFinished(StopTimeoutMs);
        *error = u"%1 did not finish within %2 ms"_s.arg(command).arg(ToolTimeoutMs);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"%1 failed (exit code %2): %3"_s.arg(command, QString::number(process.exitCode()),
                                                       QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QString &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 ||
        !file.flush()) {
        *error = u"could not write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

quint16 findFreePort(QString *error)
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        *error = u"could not bind 127.0.0.1 to find a free port: %1"_s.arg(server.errorString());
        return 0;
    }
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const bool connected = socket.waitForConnected(ProbeTimeoutMs);
    socket.abort();
    return connected;
}

// Sleeps in an event loop rather than the thread, so that sockets and timers of this thread keep working.
void processEventsFor(int ms)
{
    if (!QCoreApplication::instance()) {
        QThread::msleep(ms);
        return;
    }
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Generates certificates on first use into a directory that lives as long as the process: the set takes a
// dozen openssl runs, not worth repeating for every test function.
class CertificateStore final
{
public:
    static CertificateStore &instance()
    {
        static CertificateStore store;
        return store;
    }

    QString file(CertificateFile which, const QString &commonName, QString *error)
    {
        const QMutexLocker locker(&m_mutex);
        if (!ensureAuthorities(error)) {
            return {};
        }
        switch (which) {
        case CaCert:
            return path(u"ca.crt"_s);
        case WrongCaCert:
            return path(u"wrong-ca.crt"_s);
        case ServerCert:
            return path(u"server.crt"_s);
        case ServerKey:
            return path(u"server.key"_s);
        case ClientCert:
        case ClientKey:
        case UntrustedClientCert:
        case UntrustedClientKey:
            break;
        }
        if (!ensureClient(commonName, error)) {
            return {};
        }
        const QString tag = clientTag(commonName);
        switch (which) {
        case ClientCert:
            return path(u"client-%1.crt"_s.arg(tag));
        case ClientKey:
            return path(u"client-%1.key"_s.arg(tag));
        case UntrustedClientCert:
            return path(u"untrusted-client-%1.crt"_s.arg(tag));
        default:
            return path(u"untrusted-client-%1.key"_s.arg(tag));
        }
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // File names must stay valid whatever the common name holds; the hash keeps distinct names apart.
    static QString clientTag(const QString &commonName)
    {
        QString tag = commonName.left(40);
        for (QChar &c : tag) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.') {
                c = u'_';
            }
        }
        const QByteArray hash = QCryptographicHash::hash(commonName.toUtf8(), QCryptographicHash::Sha1);
        return tag + u'-' + QString::fromLatin1(hash.toHex().left(8));
    }

    static QString subject(const QString &commonName)
    {
        QString escaped;
        for (const QChar c : commonName) {
            if (c == u'/' || c == u'=' || c == u'+' || c == u'\\') {
                escaped += u'\\';
            }
            escaped += c;
        }
        return u"/CN="_s + escaped;
    }

    static QString randomSerial()
    {
        return u"0x"_s + QString::number(QRandomGenerator::global()->generate64() >> 1, 16);
    }

    bool ensureAuthorities(QString *error)
    {
        if (m_authoritiesReady) {
            return true;
        }
        if (!m_dir.isValid()) {
            *error =
                u"could not create a temporary directory for certificates: %1"_s.arg(m_dir.errorString());
            return false;
        }
        m_openssl = findTool(u"openssl"_s);
        if (m_openssl.isEmpty()) {
            *error = u"openssl not found in PATH: %1"_s.arg(SetupHint);
            return false;
        }
        // Our own config keeps the result independent of the distribution's openssl.cnf defaults.
        const QString config = uR"([req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[authority]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyAgreement
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
[client]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyAgreement
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
)"_s;
        if (!writeFile(path(u"openssl.cnf"_s), config, error) ||
            !makeAuthority(u"ca"_s, u"Fleet Test CA"_s, error) ||
            !makeAuthority(u"wrong-ca"_s, u"Fleet Wrong CA"_s, error) ||
            !makeLeaf(u"server"_s, u"localhost"_s, u"ca"_s, u"server"_s, error)) {
            return false;
        }
        m_authoritiesReady = true;
        return true;
    }

    bool ensureClient(const QString &commonName, QString *error)
    {
        const QString tag = clientTag(commonName);
        if (m_clients.contains(tag)) {
            return true;
        }
        if (!makeLeaf(u"client-"_s + tag, commonName, u"ca"_s, u"client"_s, error) ||
            !makeLeaf(u"untrusted-client-"_s + tag, commonName, u"wrong-ca"_s, u"client"_s, error)) {
            return false;
        }
        m_clients.insert(tag);
        return true;
    }

    bool makeKey(const QString &name, QString *error)
    {
        return runTool(m_openssl,
                       {u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                        u"-out"_s, path(name + u".key"_s)},
                       error);
    }

    bool makeAuthority(const QString &name, const QString &commonName, QString *error)
    {
        return makeKey(name, error) &&
               runTool(m_openssl,
                       {u"req"_s, u"-x509"_s, u"-new"_s, u"-utf8"_s, u"-config"_s, path(u"openssl.cnf"_s),
                        u"-extensions"_s, u"authority"_s, u"-key"_s, path(name + u".key"_s), u"-sha256"_s,
                        u"-days"_s, QString::number(CertificateDays), u"-set_serial"_s, randomSerial(),
                        u"-subj"_s, subject(commonName), u"-out"_s, path(name + u".crt"_s)},
                       error);
    }

    bool makeLeaf(const QString &name, const QString &commonName, const QString &issuer,
                  const QString &extensions, QString *error)
    {
        const QString request = path(name + u".csr"_s);
        const bool made =
            makeKey(name, error) &&
            runTool(m_openssl,
                    {u"req"_s, u"-new"_s, u"-utf8"_s, u"-config"_s, path(u"openssl.cnf"_s), u"-key"_s,
                     path(name + u".key"_s), u"-subj"_s, subject(commonName), u"-out"_s, request},
                    error) &&
            runTool(m_openssl,
                    {u"x509"_s, u"-req"_s, u"-in"_s, request, u"-CA"_s, path(issuer + u".crt"_s), u"-CAkey"_s,
                     path(issuer + u".key"_s), u"-set_serial"_s, randomSerial(), u"-sha256"_s, u"-days"_s,
                     QString::number(CertificateDays), u"-extfile"_s, path(u"openssl.cnf"_s),
                     u"-extensions"_s, extensions, u"-out"_s, path(name + u".crt"_s)},
                    error);
        QFile::remove(request);
        return made;
    }

    QMutex m_mutex;
    QTemporaryDir m_dir{QDir::tempPath() + u"/fleet-test-certs-XXXXXX"_s};
    QString m_openssl;
    bool m_authoritiesReady = false;
    QSet<QString> m_clients;
};

} // namespace

MosquittoBroker::MosquittoBroker(Options options)
    : m_options(std::move(options))
    , m_dir(QDir::tempPath() + u"/fleet-mosquitto-XXXXXX"_s)
    , m_logPath(m_dir.filePath(u"mosquitto.log"_s))
{}

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

QString MosquittoBroker::shippedApprovalsAcl()
{
    QFile file(QStringLiteral(FLEET_SOURCE_DIR "/docs/approvals.acl"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read docs/approvals.acl");
    return QString::fromUtf8(file.readAll());
}

QString MosquittoBroker::findMosquitto()
{
    // Debian installs the broker in /usr/sbin, which is not in every user's PATH.
    const QString debianPath = u"/usr/sbin/mosquitto"_s;
    if (QFileInfo(debianPath).isExecutable()) {
        return debianPath;
    }
    return findTool(u"mosquitto"_s);
}

bool MosquittoBroker::start()
{
    m_error.clear();
    if (isRunning()) {
        return true;
    }
    if (!prepare()) {
        return false;
    }
    if (m_port != 0) {
        return startOnSamePort();
    }
    // Another process may take the port between our probe and mosquitto's bind: then try another one.
    for (int attempt = 1; attempt <= FreePortAttempts; ++attempt) {
        const quint16 port = findFreePort(&m_error);
        if (port == 0) {
            return false;
        }
        bool addressInUse = false;
        if (launch(port, attempt, &addressInUse)) {
            return true;
        }
        if (!addressInUse) {
            return false;
        }
    }
    m_error =
        u"no free port on 127.0.0.1 after %1 attempts; last failure: %2"_s.arg(FreePortAttempts).arg(m_error);
    return false;
}

bool MosquittoBroker::startOnSamePort()
{
    // The old listener is gone once stop() returns, but a client may have grabbed the port as an ephemeral
    // one.
    const QDeadlineTimer retryDeadline(m_options.samePortRetryMs);
    for (int attempt = 1;; ++attempt) {
        bool addressInUse = false;
        if (launch(m_port, attempt, &addressInUse)) {
            return true;
        }
        if (!addressInUse) {
            return false;
        }
        if (retryDeadline.hasExpired()) {
            m_error = u"port %1 stayed busy for %2 ms: %3"_s.arg(m_port)
                          .arg(m_options.samePortRetryMs)
                          .arg(m_error);
            return false;
        }
        QThread::msleep(100);
    }
}

bool MosquittoBroker::stop()
{
    if (!m_process) {
        return true;
    }
    bool graceful = true;
    if (m_process->state() != QProcess::NotRunning) {
        // SIGTERM to this PID only: mosquitto saves its persistence database and exits.
        m_process->terminate();
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            graceful = false;
            m_error =
                u"mosquitto (pid %1) ignored SIGTERM for %2 ms and was killed"_s.arg(m_process->processId())
                    .arg(StopTimeoutMs);
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
        }
    }
    readLog();
    m_process.reset();
    return graceful;
}

void MosquittoBroker::kill()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        // Reaps it, so that the PID no longer exists afterwards.
        m_process->waitForFinished(StopTimeoutMs);
    }
    readLog();
    m_process.reset();
}

bool MosquittoBroker::restart()
{
    stop();
    return start();
}

bool MosquittoBroker::isRunning() const
{
    if (!m_process) {
        return false;
    }
    if (m_process->state() == QProcess::Running) {
        // Notices a death the event loop has not reported yet.
        m_process->waitForFinished(0);
    }
    return m_process->state() == QProcess::Running;
}

qint64 MosquittoBroker::pid() const
{
    return isRunning() ? m_process->processId() : 0;
}

quint16 MosquittoBroker::port() const
{
    return m_port;
}

QString MosquittoBroker::host() const
{
    return LoopbackAddress.toString();
}

QString MosquittoBroker::url() const
{
    const QString scheme = m_options.tls == Tls::Off ? u"mqtt"_s : u"mqtts"_s;
    return u"%1://%2:%3"_s.arg(scheme, LoopbackAddress).arg(m_port);
}

QString MosquittoBroker::errorString() const
{
    return m_error;
}

const MosquittoBroker::Options &MosquittoBroker::options() const
{
    return m_options;
}

QString MosquittoBroker::directory() const
{
    return m_dir.path();
}

QString MosquittoBroker::configFile() const
{
    return m_dir.filePath(u"mosquitto.conf"_s);
}

QString MosquittoBroker::log() const
{
    readLog();
    return m_log;
}

qsizetype MosquittoBroker::logPosition() const
{
    readLog();
    return m_log.size();
}

bool MosquittoBroker::waitForLogLine(const QString &needle, int timeoutMs, qsizetype from)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        readLog();
        if (m_log.indexOf(needle, qMax<qsizetype>(from, 0)) >= 0) {
            return true;
        }
        if (!isRunning()) {
            readLog();
            if (m_log.indexOf(needle, qMax<qsizetype>(from, 0)) >= 0) {
                return true;
            }
            m_error = u"\"%1\" is not in the mosquitto log, and mosquitto is not running"_s.arg(needle);
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = u"\"%1\" did not appear in the mosquitto log within %2 ms"_s.arg(
                needle, QString::number(timeoutMs));
            return false;
        }
        processEventsFor(int(qBound(qint64(1), deadline.remainingTime(), qint64(PollIntervalMs))));
    }
}

QString MosquittoBroker::caFile() const
{
    return certificate(CaCert);
}

QString MosquittoBroker::wrongCaFile() const
{
    return certificate(WrongCaCert);
}

QString MosquittoBroker::serverCertFile() const
{
    return certificate(ServerCert);
}

QString MosquittoBroker::serverKeyFile() const
{
    return certificate(ServerKey);
}

QString MosquittoBroker::clientCertFile() const
{
    return certificate(ClientCert);
}

QString MosquittoBroker::clientKeyFile() const
{
    return certificate(ClientKey);
}

QString MosquittoBroker::untrustedClientCertFile() const
{
    return certificate(UntrustedClientCert);
}

QString MosquittoBroker::untrustedClientKeyFile() const
{
    return certificate(UntrustedClientKey);
}

QString MosquittoBroker::certificate(int which) const
{
    QString error;
    const QString path =
        CertificateStore::instance().file(CertificateFile(which), m_options.clientCommonName, &error);
    if (path.isEmpty()) {
        m_error = u"could not generate test certificates: "_s + error;
    }
    return path;
}

bool MosquittoBroker::prepare()
{
    if (m_prepared) {
        return true;
    }
    if (!m_dir.isValid()) {
        m_error = u"could not create a temporary directory: %1"_s.arg(m_dir.errorString());
        return false;
    }
    if ((!m_options.passwordFile.isEmpty() && !m_options.users.isEmpty()) ||
        (!m_options.aclFile.isEmpty() && !m_options.acl.isEmpty())) {
        m_error = u"give either users or passwordFile, and either acl or aclFile, not both"_s;
        return false;
    }
    m_executable = m_options.executable.isEmpty() ? findMosquitto() : m_options.executable;
    if (m_executable.isEmpty() || !QFileInfo(m_executable).isExecutable()) {
        const QString looked = m_options.executable.isEmpty()
                                   ? u"looked for /usr/sbin/mosquitto and in PATH"_s
                                   : u"%1 is not an executable file"_s.arg(m_options.executable);
        m_error = u"mosquitto broker not found (%1): %2"_s.arg(looked, SetupHint);
        return false;
    }
    if (m_options.tls != Tls::Off &&
        (caFile().isEmpty() || serverCertFile().isEmpty() || serverKeyFile().isEmpty())) {
        return false;
    }
    if (!m_options.users.isEmpty()) {
        const QString passwd = findTool(u"mosquitto_passwd"_s);
        if (passwd.isEmpty()) {
            m_error = u"mosquitto_passwd not found in PATH: %1"_s.arg(SetupHint);
            return false;
        }
        bool first = true;
        for (const MosquittoUser &user : std::as_const(m_options.users)) {
            QStringList arguments;
            if (first) {
                arguments << u"-c"_s;
            }
            arguments << u"-b"_s << m_dir.filePath(u"passwd"_s) << user.name << user.password;
            if (!runTool(passwd, arguments, &m_error)) {
                return false;
            }
            first = false;
        }
    }
    if (!m_options.acl.isEmpty() && !writeFile(m_dir.filePath(u"acl"_s), m_options.acl, &m_error)) {
        return false;
    }
    if (m_options.persistence && !QDir(m_dir.path()).mkpath(u"persistence"_s)) {
        m_error = u"could not create %1"_s.arg(m_dir.filePath(u"persistence"_s));
        return false;
    }
    m_prepared = true;
    return true;
}

bool MosquittoBroker::writeConfig(quint16 port)
{
    QStringList lines{u"# Generated by fleet::test::MosquittoBroker (tests/support/mosquittobroker.cpp)."_s};
    if (::geteuid() == 0) {
        // Started as root, mosquitto switches to user "mosquitto", which cannot read this 0700 directory
        // (mosquitto 2.0.11 then fails with 'Unable to open pwfile'). "user root" makes it keep root.
        lines << u"user root"_s;
    }
    const bool authenticated = !m_options.users.isEmpty() || !m_options.passwordFile.isEmpty();
    lines << (authenticated ? u"allow_anonymous false"_s : u"allow_anonymous true"_s);
    if (!m_options.users.isEmpty()) {
        lines << u"password_file "_s + m_dir.filePath(u"passwd"_s);
    } else if (!m_options.passwordFile.isEmpty()) {
        lines << u"password_file "_s + QFileInfo(m_options.passwordFile).absoluteFilePath();
    }
    if (!m_options.acl.isEmpty()) {
        lines << u"acl_file "_s + m_dir.filePath(u"acl"_s);
    } else if (!m_options.aclFile.isEmpty()) {
        lines << u"acl_file "_s + QFileInfo(m_options.aclFile).absoluteFilePath();
    }
    if (m_options.persistence) {
        // mosquitto appends the file name to the location as is: the trailing slash matters.
        lines << u"persistence true"_s
              << u"persistence_location "_s + m_dir.filePath(u"persistence"_s) + u'/';
    }
    // stderr is unbuffered, unlike stdout to a file, so each line is in the log as soon as mosquitto logs it.
    lines << u"log_dest stderr"_s << u"log_timestamp true"_s << u"log_timestamp_format %Y-%m-%dT%H:%M:%S"_s;
    QStringList logTypes{u"error"_s, u"warning"_s, u"notice"_s, u"information"_s};
    for (const QString &type : std::as_const(m_options.logTypes)) {
        if (!logTypes.contains(type)) {
            logTypes << type;
        }
    }
    for (const QString &type : std::as_const(logTypes)) {
        lines << u"log_type "_s + type;
    }
    lines << u"listener %1 %2"_s.arg(port).arg(LoopbackAddress);
    if (m_options.tls != Tls::Off) {
        lines << u"cafile "_s + caFile() << u"certfile "_s + serverCertFile()
              << u"keyfile "_s + serverKeyFile();
        lines << (m_options.tls == Tls::Mutual ? u"require_certificate true"_s
                                               : u"require_certificate false"_s);
    }
    lines << m_options.extraConfigLines;
    return writeFile(configFile(), lines.join(u'\n') + u'\n', &m_error);
}

bool MosquittoBroker::launch(quint16 port, int attempt, bool *addressInUse)
{
    *addressInUse = false;
    if (!writeConfig(port)) {
        return false;
    }
    appendToLog(u"### fleet::test::MosquittoBroker: starting %1 -c %2 on %3:%4 (attempt %5)"_s.arg(
        m_executable, configFile(), LoopbackAddress, QString::number(port), QString::number(attempt)));
    const qsizetype runStart = logPosition();

    auto process = std::make_unique<QProcess>();
    process->setProgram(m_executable);
    process->setArguments({u"-c"_s, configFile()});
    process->setStandardInputFile(QProcess::nullDevice());
    // A file rather than a pipe: nobody has to drain it, so mosquitto never blocks on a full pipe while the
    // test sits in a blocking call, and lines are kept in order with everything mosquitto prints before its
    // logging is set up (config errors).
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(m_logPath, QIODevice::Append);
#ifdef Q_OS_LINUX
    // A crashed or killed test must not leave a broker listening forever.
    const pid_t parentPid = ::getpid();
    process->setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parentPid) {
            ::_exit(127);
        }
    });
#endif
    process->start();
    if (!process->waitForStarted(m_options.startTimeoutMs)) {
        m_error = u"could not start %1: %2"_s.arg(m_executable, process->errorString());
        return false;
    }
    m_process = std::move(process);

    // "running" is logged once every listener is bound; before it a probe could reach another process that
    // took the port, and mosquitto would then exit with "Address already in use".
    static const QRegularExpression running(u"mosquitto version \\S+ running"_s);
    const QDeadlineTimer deadline(m_options.startTimeoutMs);
    for (;;) {
        const bool exited =
            m_process->state() == QProcess::NotRunning || m_process->waitForFinished(PollIntervalMs);
        readLog();
        const QString output = m_log.mid(runStart).trimmed();
        if (exited) {
            *addressInUse = output.contains(u"Address already in use"_s);
            m_error =
                u"mosquitto exited while starting on %1:%2 (exit code %3, config %4). Its output:\n%5"_s.arg(
                    LoopbackAddress, QString::number(port), QString::number(m_process->exitCode()),
                    configFile(), output);
            m_process.reset();
            return false;
        }
        if (output.contains(running) && acceptsConnections(port)) {
            m_port = port;
            waitForProbeTrace(runStart);
            appendToLog(u"### fleet::test::MosquittoBroker: ready, pid %1"_s.arg(m_process->processId()));
            readLog();
            return true;
        }
        if (deadline.hasExpired()) {
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
            readLog();
            m_error =
                u"mosquitto did not accept connections on %1:%2 within %3 ms and was killed (config %4). "
                u"Its output:\n%5"_s.arg(LoopbackAddress, QString::number(port),
                                         QString::number(m_options.startTimeoutMs), configFile(),
                                         m_log.mid(runStart).trimmed());
            m_process.reset();
            return false;
        }
    }
}

void MosquittoBroker::waitForProbeTrace(qsizetype runStart) const
{
    // The probe's connection is logged too. Letting its lines arrive first keeps them before any
    // logPosition() taken once start() returns, where they could pass for a test's own client (a TLS test
    // waiting for "Client connection from 127.0.0.1 failed", say). Best effort: nothing fails without them.
    static const QRegularExpression trace(
        u"Client <unknown> (closed its connection|disconnected)|Client connection from 127\\.0\\.0\\.1 failed"_s);
    const QDeadlineTimer deadline(ProbeTraceTimeoutMs);
    for (;;) {
        readLog();
        if (m_log.indexOf(trace, runStart) >= 0 || deadline.hasExpired()) {
            return;
        }
        QThread::msleep(5);
    }
}

void MosquittoBroker::appendToLog(const QString &line)
{
    QFile file(m_logPath);
    if (file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        file.write((line + u'\n').toUtf8());
    }
}

void MosquittoBroker::readLog() const
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() <= m_logFileOffset || !file.seek(m_logFileOffset)) {
        return;
    }
    const QByteArray data = file.read(file.size() - m_logFileOffset);
    m_logFileOffset += data.size();
    m_log += m_logDecoder.decode(data);
}

} // namespace fleet::test
