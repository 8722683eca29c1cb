#include "sqliteschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace fleet {

QString SqliteSchema::errorText(const QSqlError &error)
{
    const QString text = error.text().trimmed();
    return text.isEmpty() ? tr("unknown database error") : text;
}

bool SqliteSchema::migrate(const QString &connectionName, int target, const QList<QStringList> &steps,
                           const QString &newerMessage, QString *error)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const auto exec = [&](const QString &sql) {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        *error = errorText(query.lastError());
        return false;
    };
    const auto rollback = [&] {
        QSqlQuery query(db);
        query.exec(u"ROLLBACK"_s);
    };
    const auto readVersion = [&](int *version) {
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
            *error = errorText(query.lastError());
            return false;
        }
        *version = query.value(0).toInt();
        return true;
    };

    int version = 0;
    if (!readVersion(&version))
        return false;
    if (version == target)
        return true;
    if (!exec(u"BEGIN IMMEDIATE"_s))
        return false;
    if (!readVersion(&version)) {
        rollback();
        return false;
    }
    if (version > target) {
        rollback();
        *error = newerMessage.arg(version).arg(target);
        return false;
    }
    if (version < 0) {
        rollback();
        *error = tr("it has an unknown schema version %1.").arg(version);
        return false;
    }
    for (int from = version; from < target; ++from) {
        for (const QString &sql : steps.at(from)) {
            if (!exec(sql)) {
                rollback();
                return false;
            }
        }
    }
    if (!exec(u"PRAGMA user_version=%1"_s.arg(target)) || !exec(u"COMMIT"_s)) {
        rollback();
        return false;
    }
    return true;
}

} // namespace fleet
