#include "postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUuid>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fleet::test {

namespace {

constexpr int StartTimeoutMs = 30000;
constexpr int StopTimeoutMs = 10000;
const QString Superuser = u"fleet"_s;

QString binary(const QString &name)
{
    // Debian keeps the server programs out of PATH, in one folder per major version.
    const QDir versions(u"/usr/lib/postgresql"_s);
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &version : std::as_const(found)) {
        const QString path = versions.filePath(version + u"/bin/"_s + name);
        if (QFile::exists(path))
            return path;
    }
    return {};
}

struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
};

// PostgreSQL will not run as root; the account it runs as under root.
std::optional<Account> serverAccount()
{
    if (::geteuid() != 0)
        return std::nullopt;
    for (const char *name : {"postgres", "nobody"}) {
        if (const passwd *entry = ::getpwnam(name))
            return Account{entry->pw_uid, entry->pw_gid};
    }
    return std::nullopt;
}

void runAs(QProcess *process, std::optional<Account> account)
{
    const pid_t parentPid = ::getpid();
    process->setChildProcessModifier([parentPid, account] {
        if (account &&
            (::setgroups(0, nullptr) != 0 || ::setgid(account->gid) != 0 || ::setuid(account->uid) != 0))
            ::_exit(126);
        // After setuid, which clears it: a crashed test must not leave a server running.
        ::prctl(PR_SET_PDEATHSIG, SIGINT);
        if (::getppid() != parentPid)
            ::_exit(127);
    });
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return server.serverPort();
}

} // namespace

PostgresServer::PostgresServer(QString password)
    : m_password(std::move(password))
{}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::isInstalled()
{
    return !binary(u"initdb"_s).isEmpty() && !binary(u"postgres"_s).isEmpty();
}

bool PostgresServer::initdb()
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    const std::optional<Account> account = serverAccount();
    if (account && ::chown(qPrintable(m_dir.path()), account->uid, account->gid) != 0) {
        m_error = u"cannot hand %1 to the server's account"_s.arg(m_dir.path());
        return false;
    }
    QProcess process;
    runAs(&process, account);
    process.setProcessChannelMode(QProcess::MergedChannels);
    // --no-sync: only initdb's own files skip fsync; the server runs with fsync on, as in production.
    QStringList arguments = {
        u"-D"_s,        m_dir.filePath(u"data"_s), u"-U"_s, Superuser, u"-E"_s, u"UTF8"_s, u"--no-sync"_s,
        u"--locale=C"_s};
    if (m_password.isEmpty()) {
        arguments << u"-A"_s << u"trust"_s;
    } else {
        // The superuser's password from a file only the server's account reads, deleted after initdb.
        const QString passwordFile = m_dir.filePath(u"password"_s);
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toUtf8() + '\n') < 0) {
            m_error = u"cannot write %1"_s.arg(passwordFile);
            return false;
        }
        file.close();
        if (account && ::chown(qPrintable(passwordFile), account->uid, account->gid) != 0) {
            m_error = u"cannot hand %1 to the server's account"_s.arg(passwordFile);
            return false;
        }
        arguments << u"--auth-local=trust"_s << u"--auth-host=scram-sha-256"_s << u"--pwfile"_s
                  << passwordFile;
    }
    process.start(binary(u"initdb"_s), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = u"initdb failed: %1"_s.arg(QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    QFile::remove(m_dir.filePath(u"password"_s));
    m_initialised = true;
    return true;
}

bool PostgresServer::start()
{
    if (isRunning())
        return true;
    if (!m_initialised && !initdb())
        return false;
    if (m_port == 0)
        m_port = freePort();
    // The log is appended to across restarts: only what this start writes counts.
    const qsizetype logStart = log().size();
    auto process = std::make_unique<QProcess>();
    runAs(process.get(), serverAccount());
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(m_dir.filePath(u"server.log"_s), QIODevice::Append);
    process->start(binary(u"postgres"_s),
                   {u"-D"_s, m_dir.filePath(u"data"_s), u"-p"_s, QString::number(m_port), u"-k"_s,
                    m_dir.path(), u"-c"_s, u"listen_addresses=127.0.0.1"_s, u"-c"_s, u"max_connections=200"_s,
                    u"-c"_s, u"shared_buffers=32MB"_s, u"-c"_s, u"fsync=on"_s});
    if (!process->waitForStarted(StartTimeoutMs)) {
        m_error = u"cannot start postgres: %1"_s.arg(process->errorString());
        return false;
    }
    m_process = std::move(process);
    for (int waited = 0; waited < StartTimeoutMs; waited += 50) {
        if (log().mid(logStart).contains(u"database system is ready to accept connections"_s))
            return true;
        if (m_process->state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    m_error = u"postgres did not get ready: %1"_s.arg(log());
    stop();
    return false;
}

bool PostgresServer::stop()
{
    if (!m_process)
        return true;
    bool clean = true;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGINT);
        if (!m_process->waitForFinished(StopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(StopTimeoutMs);
            clean = false;
        }
    }
    m_process.reset();
    return clean;
}

qint64 PostgresServer::pid() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool PostgresServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString PostgresServer::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString PostgresServer::url(const QString &database) const
{
    return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(Superuser).arg(m_port).arg(database);
}

bool PostgresServer::exec(const QString &database, const QString &sql)
{
    const QString connection = u"fleet-test-postgres-"_s + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(u"127.0.0.1"_s);
        db.setPort(m_port);
        db.setUserName(Superuser);
        db.setPassword(m_password);
        db.setDatabaseName(database);
        if (!db.open()) {
            m_error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                m_error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString PostgresServer::createDatabase(const QString &name)
{
    static const QRegularExpression valid(u"^[a-z_][a-z0-9_]*$"_s);
    if (!valid.match(name).hasMatch()) {
        m_error = u"not a plain database name: %1"_s.arg(name);
        return {};
    }
    if (!exec(u"postgres"_s, u"CREATE DATABASE %1"_s.arg(name)))
        return {};
    return url(name);
}

PostgresServer *PostgresServer::shared()
{
    static PostgresServer *server = nullptr;
    if (!server) {
        server = new PostgresServer;
        qAddPostRoutine([] {
            delete server;
            server = nullptr;
        });
    }
    if (!server->isRunning() && !server->start())
        qWarning("PostgresServer: %s", qUtf8Printable(server->errorString()));
    return server;
}

bool testsUsePostgres()
{
    return qEnvironmentVariable("FLEET_TEST_DATABASE") == u"postgresql"_s;
}

QString hubDatabase(const QString &sqlitePath)
{
    if (!testsUsePostgres())
        return sqlitePath;
    static QHash<QString, QString> databases;
    if (const auto it = databases.constFind(sqlitePath); it != databases.cend())
        return it.value();
    PostgresServer *server = PostgresServer::shared();
    const QString url = server->createDatabase(u"test_%1"_s.arg(databases.size() + 1));
    if (url.isEmpty())
        qWarning("hubDatabase: %s", qUtf8Printable(server->errorString()));
    databases.insert(sqlitePath, url);
    return url;
}

} // namespace fleet::test
