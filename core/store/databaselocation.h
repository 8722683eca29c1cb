#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// Where a fleet-hub store lives, as given to --db: a SQLite file (a path), or a PostgreSQL database
// (postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=…&connect_timeout=…]).
//
// A password is refused in the URL: a command line is readable by every local user (ps, /proc). It comes
// from FLEET_DB_PASSWORD, the systemd credential "db-password", or libpq's own PGPASSWORD and ~/.pgpass;
// the caller sets it with setPassword().
class DatabaseLocation final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::DatabaseLocation)

public:
    enum class Kind { Sqlite, Postgres };

    static constexpr int DefaultPostgresPort = 5432;

    DatabaseLocation() = default;
    static DatabaseLocation sqliteFile(const QString &path);
    // nullopt with *error for a malformed URL, a password in it, or an option libpq does not take here.
    static std::optional<DatabaseLocation> parse(const QString &text, QString *error);
    // Whether text names a server rather than a file (it starts with postgresql:// or postgres://).
    static bool isUrl(const QString &text);

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    QString path() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString userName() const { return m_user; }
    QString databaseName() const { return m_database; }
    QString password() const { return m_password; }
    void setPassword(const QString &password) { m_password = password; }
    // libpq keywords for Qt's QPSQL driver ("sslmode=require;connect_timeout=10"), never the password.
    QString connectOptions() const { return m_connectOptions; }

    // For logs and errors: the path, or the URL without any password.
    QString displayName() const;
    // The location of a companion store (the gate's, the commands'): a file beside the path with suffix
    // appended; on a server, the same database (each store has tables of its own).
    DatabaseLocation companion(const QString &suffix) const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = DefaultPostgresPort;
    QString m_user;
    QString m_database;
    QString m_password;
    QString m_connectOptions;
};

} // namespace fleet
