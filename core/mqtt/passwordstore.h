#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace fleet {

// Broker passwords in the OS keychain (the Secret Service on Linux, through QtKeychain), one entry per
// connection profile: service "fleet-console", key the profile's name.
//
// Every operation is asynchronous, because the keychain may be slow, may ask the user to unlock it, or may
// not answer at all: each call returns a request id at once, and exactly one signal carrying that id
// follows, either the result or failed(). A keychain that is missing (no D-Bus session, no Secret Service),
// locked or refusing is reported through failed() with a message the operator can act on. There is never
// a fallback to a file: QtKeychain's "insecure fallback" stays off, so a password is stored in the keychain
// or not at all.
class PasswordStore final : public QObject
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Delete };
    Q_ENUM(Operation)

    static constexpr int DefaultTimeoutMs = 30'000;

    explicit PasswordStore(QObject *parent = nullptr);
    ~PasswordStore() override;

    static QString defaultService();
    // Tests and a second installation may use another service name; the console keeps the default.
    void setService(const QString &service) { m_service = service; }
    QString service() const { return m_service; }

    // A keychain that has not answered after this long is reported as failed (a prompt nobody can see on a
    // headless machine must not leave the console waiting forever). Its late answer is then ignored.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // Each returns the request id echoed by the signal that answers it.
    int readPassword(const QString &profileName);
    int writePassword(const QString &profileName, const QString &password);
    // Deleting an entry that does not exist succeeds: the outcome, no password, is the one asked for.
    int deletePassword(const QString &profileName);

    // The outcome of one request, for the callback forms below.
    struct Result
    {
        bool ok = false;    // false: error says why
        bool found = false; // read: the keychain held a password for the profile
        QString password;   // read: the password, when found
        QString error;      // translated, as in failed()
    };
    using Callback = std::function<void(const Result &)>;

    // The same operations with a callback instead of the signals (which are emitted as well). done runs
    // once, unless context was destroyed first.
    int readPassword(const QString &profileName, QObject *context, Callback done);
    int writePassword(const QString &profileName, const QString &password, QObject *context, Callback done);
    int deletePassword(const QString &profileName, QObject *context, Callback done);

    // Requests started and not answered yet.
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    // found is false (and password empty) when the keychain holds nothing for that profile.
    void passwordRead(int requestId, const QString &profileName, const QString &password, bool found);
    void passwordWritten(int requestId, const QString &profileName);
    void passwordDeleted(int requestId, const QString &profileName);
    // message is translated and says what to do; details carries the keychain's own words.
    void failed(int requestId, const QString &profileName, fleet::PasswordStore::Operation operation,
                const QString &message);

private:
    struct Request
    {
        QString profileName;
        Operation operation = Operation::Read;
        QPointer<QObject> context;
        Callback done;
    };

    int start(QKeychain::Job *job, const QString &profileName, Operation operation,
              QObject *context = nullptr, Callback done = {});
    void finish(int requestId, QKeychain::Job *job);
    void timeOut(int requestId);
    void settle(int requestId, const Request &request, const Result &result);
    QString failureMessage(Operation operation, const QString &profileName, int error,
                           const QString &details) const;

    QString m_service;
    QHash<int, Request> m_pending;
    int m_nextId = 1;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace fleet
