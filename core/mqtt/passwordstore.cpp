#include "passwordstore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace fleet {

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
    , m_service(defaultService())
{}

// Jobs are not children of the store: QtKeychain's backends hold a job until their callback returns, so a
// job must outlive a store destroyed mid-request. Each deletes itself when done (autoDelete), and its
// finished() is connected with the store as context, so a late answer reaches nobody.
PasswordStore::~PasswordStore() = default;

QString PasswordStore::defaultService()
{
    return u"fleet-console"_s;
}

int PasswordStore::readPassword(const QString &profileName)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    return start(job, profileName, Operation::Read);
}

int PasswordStore::writePassword(const QString &profileName, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(password);
    return start(job, profileName, Operation::Write);
}

int PasswordStore::deletePassword(const QString &profileName)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    return start(job, profileName, Operation::Delete);
}

int PasswordStore::readPassword(const QString &profileName, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    return start(job, profileName, Operation::Read, context, std::move(done));
}

int PasswordStore::writePassword(const QString &profileName, const QString &password, QObject *context,
                                 Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(password);
    return start(job, profileName, Operation::Write, context, std::move(done));
}

int PasswordStore::deletePassword(const QString &profileName, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    return start(job, profileName, Operation::Delete, context, std::move(done));
}

int PasswordStore::start(QKeychain::Job *job, const QString &profileName, Operation operation,
                         QObject *context, Callback done)
{
    const int id = m_nextId++;
    m_pending.insert(id, Request{profileName, operation, context, std::move(done)});
    job->setKey(profileName);
    job->setAutoDelete(true);
    // Explicitly off, whatever the library's default: without a keychain the password is not stored, rather
    // than written in plain text next to the settings.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *done) { finish(id, done); });
    if (m_timeoutMs > 0)
        QTimer::singleShot(m_timeoutMs, this, [this, id] { timeOut(id); });
    job->start();
    return id;
}

void PasswordStore::finish(int requestId, QKeychain::Job *job)
{
    const auto found = m_pending.constFind(requestId);
    if (found == m_pending.cend())
        return; // timed out already
    const Request request = found.value();
    m_pending.erase(found);

    const QKeychain::Error error = job->error();
    Result result;
    switch (request.operation) {
    case Operation::Read:
        result.ok = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        result.found = error == QKeychain::NoError;
        if (result.found)
            result.password = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        break;
    case Operation::Write:
        result.ok = error == QKeychain::NoError;
        break;
    case Operation::Delete:
        result.ok = error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        break;
    }
    if (!result.ok)
        result.error = failureMessage(request.operation, request.profileName, error, job->errorString());
    settle(requestId, request, result);
}

void PasswordStore::timeOut(int requestId)
{
    const auto found = m_pending.constFind(requestId);
    if (found == m_pending.cend())
        return;
    const Request request = found.value();
    m_pending.erase(found);
    Result result;
    result.error = failureMessage(request.operation, request.profileName, -1,
                                  tr("no answer after %1 seconds").arg(m_timeoutMs / 1000.0));
    settle(requestId, request, result);
}

void PasswordStore::settle(int requestId, const Request &request, const Result &result)
{
    if (!result.ok) {
        Q_EMIT failed(requestId, request.profileName, request.operation, result.error);
    } else {
        switch (request.operation) {
        case Operation::Read:
            Q_EMIT passwordRead(requestId, request.profileName, result.password, result.found);
            break;
        case Operation::Write:
            Q_EMIT passwordWritten(requestId, request.profileName);
            break;
        case Operation::Delete:
            Q_EMIT passwordDeleted(requestId, request.profileName);
            break;
        }
    }
    if (request.done && request.context)
        request.done(result);
}

QString PasswordStore::failureMessage(Operation operation, const QString &profileName, int error,
                                      const QString &details) const
{
    QString what;
    switch (operation) {
    case Operation::Read:
        what = tr("The password of \"%1\" could not be read from the system keychain").arg(profileName);
        break;
    case Operation::Write:
        what = tr("The password of \"%1\" could not be saved in the system keychain").arg(profileName);
        break;
    case Operation::Delete:
        what = tr("The password of \"%1\" could not be removed from the system keychain").arg(profileName);
        break;
    }
    QString advice;
    switch (error) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        advice = tr("The keychain refused access; unlock it and try again.");
        break;
    default:
        // No backend, no D-Bus session, no Secret Service, or a service that does not answer all look the
        // same from here, and call for the same remedy.
        advice = tr("Is a keychain (GNOME Keyring, KWallet or another Secret Service) running and unlocked? "
                    "Fleet Console stores passwords nowhere else; until then, type the password when "
                    "connecting.");
        break;
    }
    return details.isEmpty() ? tr("%1. %2").arg(what, advice) : tr("%1: %2. %3").arg(what, details, advice);
}

} // namespace fleet
