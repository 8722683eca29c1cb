#include "store/databaselocation.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// The libpq connection keywords a URL may carry. Others (host, dbname, user, port) come from the URL's own
// parts; password is refused; anything unknown is a typo the user should hear about rather than a
// connection that silently ignores it.
const QStringList &allowedOptions()
{
    static const QStringList options = {
        u"sslmode"_s,        u"sslrootcert"_s,     u"sslcert"_s,          u"sslkey"_s,
        u"sslcrl"_s,         u"connect_timeout"_s, u"application_name"_s, u"target_session_attrs"_s,
        u"keepalives_idle"_s};
    return options;
}

} // namespace

DatabaseLocation DatabaseLocation::sqliteFile(const QString &path)
{
    DatabaseLocation location;
    location.m_kind = Kind::Sqlite;
    location.m_path = path;
    return location;
}

bool DatabaseLocation::isUrl(const QString &text)
{
    return text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           text.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &text, QString *error)
{
    if (text.isEmpty()) {
        *error = tr("The database is empty: give a file path or a postgresql:// URL.");
        return std::nullopt;
    }
    if (!isUrl(text)) {
        if (text.contains(u"://"_s)) {
            *error = tr("\"%1\" is not a database this program can use: give a file path or a "
                        "postgresql:// URL.")
                         .arg(text);
            return std::nullopt;
        }
        return sqliteFile(text);
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = tr("\"%1\" is not a valid PostgreSQL URL: %2").arg(text, url.errorString());
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        *error = tr("The database URL holds a password, which every local user could read on the command "
                    "line. Give it in FLEET_DB_PASSWORD, the systemd credential \"db-password\", or "
                    "PostgreSQL's own ~/.pgpass.");
        return std::nullopt;
    }
    DatabaseLocation location;
    location.m_kind = Kind::Postgres;
    location.m_host = url.host();
    location.m_user = url.userName();
    location.m_port = url.port(DefaultPostgresPort);
    QString database = url.path();
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    if (database.isEmpty() || database.contains(u'/')) {
        *error = tr("The database URL \"%1\" names no database: postgresql://[USER@]HOST[:PORT]/DATABASE.")
                     .arg(url.toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    location.m_database = database;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowedOptions().contains(key)) {
            *error = tr("The database URL's option \"%1\" is not supported here; supported: %2.")
                         .arg(key, allowedOptions().join(u", "_s));
            return std::nullopt;
        }
        // QPSQL separates options with ';' and passes each to libpq as it is.
        if (value.contains(u';') || value.contains(u' ')) {
            *error = tr("The database URL's option \"%1\" has a value with a space or ';'.").arg(key);
            return std::nullopt;
        }
        options.append(u"%1=%2"_s.arg(key, value));
    }
    location.m_connectOptions = options.join(u';');
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (m_kind == Kind::Sqlite)
        return m_path;
    QString text = u"postgresql://"_s;
    if (!m_user.isEmpty())
        text += m_user + u'@';
    text += m_host;
    if (m_port != DefaultPostgresPort)
        text += u':' + QString::number(m_port);
    return text + u'/' + m_database;
}

DatabaseLocation DatabaseLocation::companion(const QString &suffix) const
{
    if (m_kind == Kind::Postgres)
        return *this;
    return sqliteFile(m_path + suffix);
}

} // namespace fleet
