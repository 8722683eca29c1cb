// PasswordStore against a real gnome-keyring (ctest runs this test inside run-with-keyring.sh, its own D-Bus
// session and keyring): store, read back, overwrite, delete, a missing entry, the callback forms; and, in a
// child process whose D-Bus address points nowhere, a clear failure with no file written anywhere.

#include "mqtt/passwordstore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::PasswordStore;

namespace {

// Generous: a loaded machine must not fail the test.
constexpr int DefaultTimeoutMs = 15000;
constexpr char ChildVariable[] = "FLEET_PASSWORDSTORE_CHILD";
const QByteArray Secret = "unavailable-S3cret";

} // namespace

class TestPasswordStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            return;
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session: run through tests/run-with-keyring.sh (ctest does).");
    }

    void storeReadOverwriteDelete()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("child run");
        PasswordStore store;
        QCOMPARE(store.service(), u"fleet-console"_s);
        QSignalSpy read(&store, &PasswordStore::passwordRead);
        QSignalSpy written(&store, &PasswordStore::passwordWritten);
        QSignalSpy deleted(&store, &PasswordStore::passwordDeleted);
        QSignalSpy failed(&store, &PasswordStore::failed);
        const QString profile = u"lab broker"_s;

        const int write = store.writePassword(profile, u"first pässword"_s);
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, DefaultTimeoutMs);
        QCOMPARE(written.at(0).at(0).toInt(), write);
        QCOMPARE(written.at(0).at(1).toString(), profile);

        const int first = store.readPassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, DefaultTimeoutMs);
        QCOMPARE(read.at(0).at(0).toInt(), first);
        QCOMPARE(read.at(0).at(2).toString(), u"first pässword"_s);
        QVERIFY(read.at(0).at(3).toBool());

        // Overwrite, and a read queued right behind it sees the new value: the jobs run in order.
        store.writePassword(profile, u"second"_s);
        store.readPassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, DefaultTimeoutMs);
        QCOMPARE(written.count(), 2);
        QCOMPARE(read.at(1).at(2).toString(), u"second"_s);

        // Entries are per profile.
        store.writePassword(u"other"_s, u"third"_s);
        store.readPassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 3, DefaultTimeoutMs);
        QCOMPARE(read.at(2).at(2).toString(), u"second"_s);

        store.deletePassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, DefaultTimeoutMs);
        store.readPassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 4, DefaultTimeoutMs);
        QVERIFY(!read.at(3).at(3).toBool());
        QVERIFY(read.at(3).at(2).toString().isEmpty());
        // Deleting what is not there is what was asked for.
        store.deletePassword(profile);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 2, DefaultTimeoutMs);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(store.pendingCount(), 0);
    }

    void callbacks()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("child run");
        PasswordStore store;
        std::optional<PasswordStore::Result> result;
        store.writePassword(u"cb"_s, u"value"_s, this, [&](const PasswordStore::Result &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), DefaultTimeoutMs);
        QVERIFY(result->ok);
        result.reset();
        store.readPassword(u"cb"_s, this, [&](const PasswordStore::Result &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), DefaultTimeoutMs);
        QVERIFY(result->ok);
        QVERIFY(result->found);
        QCOMPARE(result->password, u"value"_s);

        // A context destroyed before the answer: the callback never runs.
        bool called = false;
        {
            QObject context;
            store.deletePassword(u"cb"_s, &context, [&](const PasswordStore::Result &) { called = true; });
        }
        QSignalSpy deleted(&store, &PasswordStore::passwordDeleted);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.count(), 1, DefaultTimeoutMs);
        QVERIFY(!called);
    }

    // A store destroyed with a request in flight: the job finishes on its own, nothing crashes.
    void destroyedWhilePending()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("child run");
        {
            PasswordStore store;
            store.writePassword(u"gone"_s, u"x"_s);
        }
        PasswordStore store;
        QSignalSpy read(&store, &PasswordStore::passwordRead);
        store.readPassword(u"gone"_s);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, DefaultTimeoutMs);
    }

    // The keychain is unreachable: this test runs itself again with a D-Bus address that leads nowhere and
    // a home of its own, and checks what the child reports and that it left no file holding the password.
    void keychainUnavailable()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("child run");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildVariable), u"1"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1/no-such-bus"_s.arg(home.path()));
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, home.path());
        env.remove(u"DISPLAY"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"unavailableChild"_s});
        QVERIFY(child.waitForFinished(2 * DefaultTimeoutMs));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestPasswordStore::unavailableChild()"), output.constData());

        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(Secret), qPrintable(file.fileName()));
        }
    }

    void unavailableChild()
    {
        if (!qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("runs in the child process of keychainUnavailable()");
        PasswordStore store;
        QSignalSpy failed(&store, &PasswordStore::failed);
        QSignalSpy written(&store, &PasswordStore::passwordWritten);
        QSignalSpy read(&store, &PasswordStore::passwordRead);
        const int write = store.writePassword(u"p"_s, QString::fromLatin1(Secret));
        const int readId = store.readPassword(u"p"_s);
        store.deletePassword(u"p"_s);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, DefaultTimeoutMs);
        QCOMPARE(written.count(), 0);
        QCOMPARE(read.count(), 0);
        QCOMPARE(failed.at(0).at(0).toInt(), write);
        QCOMPARE(failed.at(0).at(2).value<PasswordStore::Operation>(), PasswordStore::Operation::Write);
        QCOMPARE(failed.at(1).at(0).toInt(), readId);
        const QString message = failed.at(0).at(3).toString();
        qInfo() << "keychain unavailable:" << message;
        QVERIFY2(message.contains(u"keychain"_s), qPrintable(message));
        QVERIFY2(message.contains(u"\"p\""_s), qPrintable(message));
        QVERIFY(!message.contains(QString::fromLatin1(Secret)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordStore)
#include "tst_passwordstore.moc"
