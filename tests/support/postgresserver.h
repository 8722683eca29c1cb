#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace fleet::test {

// A real PostgreSQL server for one test process: initdb into a temporary folder, postgres on a free port of
// 127.0.0.1 (and a Unix socket in that folder), stopped by its PID (SIGINT, PostgreSQL's fast shutdown) in
// stop() and the destructor, or killed with kill(). PostgreSQL refuses to run as root, so under root it runs
// as the "postgres" account Debian's package creates (or "nobody"); the folder is handed to that account.
// Authentication is "trust" on loopback (the tests exercise the hub's SQL), unless a password is given: then
// TCP connections must prove it (SCRAM-SHA-256), as on a production server.
class PostgresServer final
{
public:
    explicit PostgresServer(QString password = {});
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Whether this machine has PostgreSQL's server programs (Debian's postgresql-15).
    static bool isInstalled();

    // initdb (the first time) and start, waiting until it accepts connections. On failure errorString()
    // holds the server's output.
    bool start();
    // Fast shutdown by PID; SIGKILL after 10 s. Returns false if it had to be killed.
    bool stop();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // The postmaster's PID (0 when not running); its backends are its children.
    qint64 pid() const;

    // CREATE DATABASE name (fresh for every call with a new name); the URL fleet-hub takes, or an empty
    // string with errorString().
    QString createDatabase(const QString &name);
    // postgresql://fleet@127.0.0.1:PORT/name
    QString url(const QString &database) const;
    // Runs one statement as the superuser on database (for tests that inspect or damage rows).
    bool exec(const QString &database, const QString &sql);
    QString errorString() const { return m_error; }
    QString log() const;

    // The server every test of this process shares when FLEET_TEST_DATABASE=postgresql, started on first
    // use and stopped when the application object goes (qAddPostRoutine).
    static PostgresServer *shared();

private:
    bool initdb();

    QString m_password;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_initialised = false;
    QString m_error;
};

// Where a test puts a hub's database: the SQLite path it names, or, when the environment variable
// FLEET_TEST_DATABASE is "postgresql", a fresh database on the shared PostgresServer, so that the same test
// runs on both engines (tests/CMakeLists.txt registers the hub's suites twice). Each call with a new path
// makes a new database; the same path again gives the same one.
QString hubDatabase(const QString &sqlitePath);
// Whether hubDatabase() hands out PostgreSQL databases in this run.
bool testsUsePostgres();

} // namespace fleet::test
