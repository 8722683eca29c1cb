// ConnectionsDialog against real mosquittos and a real gnome-keyring (ctest runs this test inside
// run-with-keyring.sh): the form filled as an operator would; Test connection succeeding with the right
// password, showing the broker's refusal with a wrong one, succeeding over TLS with the fixture's CA and
// failing without it; saving putting the password in the keychain and never in the settings file; a dialog
// opened later reading it back; rename and delete carrying the keychain entry along; choosing the active
// profile; and File > Connections in a console started with --broker, the chosen profile replacing that
// connection.

#include "brokerobserver.h"
#include "connectionsdialog.h"
#include "fleet/fleetsession.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/passwordstore.h"
#include "mqtt/profilestore.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::ConnectionsDialog;
using fleet::PasswordStore;
using fleet::ProfileStore;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

const QString UserName = u"alice"_s;
const QString RightPassword = u"Right-Pa55"_s;

} // namespace

class TestConnectionsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session: run through tests/run-with-keyring.sh (ctest does).");
        auto options = MosquittoBroker::Options::quiet();
        options.users = {{UserName, RightPassword}};
        m_broker = std::make_unique<MosquittoBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
        auto tlsOptions = MosquittoBroker::Options::quiet();
        tlsOptions.tls = MosquittoBroker::Tls::ServerCertificate;
        m_tlsBroker = std::make_unique<MosquittoBroker>(tlsOptions);
        QVERIFY2(m_tlsBroker->start(), qPrintable(m_tlsBroker->errorString()));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settingsPath = m_dir->filePath(u"console.ini"_s);
        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_passwords = std::make_unique<PasswordStore>();
        m_dialog = std::make_unique<ConnectionsDialog>(m_profiles.get(), m_passwords.get());
        m_dialog->show();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_passwords.reset();
        m_profiles.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void testConnectionWithPassword()
    {
        const QString name = m_dialog->addProfile();
        QCOMPARE(m_dialog->currentProfileName(), name);
        QCOMPARE(m_profiles->names(), QStringList{name});
        fill(m_broker->url(), UserName, RightPassword);
        QVERIFY(runTest());
        QCOMPARE(m_testFinished->at(0).at(0).toBool(), true);
        QVERIFY2(label(u"testResultLabel"_s).contains(u"Connected"_s),
                 qPrintable(label(u"testResultLabel"_s)));
        // Testing saves nothing.
        QVERIFY(!settingsFile().contains(m_broker->url().toUtf8()));
    }

    void wrongPasswordShowsRefusal()
    {
        m_dialog->addProfile();
        fill(m_broker->url(), UserName, u"wrong"_s);
        QVERIFY(runTest());
        QCOMPARE(m_testFinished->at(0).at(0).toBool(), false);
        const QString message = m_testFinished->at(0).at(1).toString();
        // mosquitto 2.0 says "not authorized"; MqttClient words either refusal around the credentials.
        QVERIFY2(message.contains(u"user name"_s), qPrintable(message));
        QVERIFY(label(u"testResultLabel"_s).contains(message));
    }

    void tlsWithTheFixtureCa()
    {
        m_dialog->addProfile();
        fill(m_tlsBroker->url(), QString(), QString());
        QVERIFY(m_tlsBroker->url().startsWith(u"mqtts://"_s));
        // Without the CA: the system's CAs do not know the fixture's, and the TLS error says so.
        QVERIFY(runTest());
        QCOMPARE(m_testFinished->at(0).at(0).toBool(), false);
        QVERIFY2(m_testFinished->at(0).at(1).toString().contains(u"TLS"_s),
                 qPrintable(m_testFinished->at(0).at(1).toString()));

        edit(u"caFileEdit"_s)->setText(m_tlsBroker->caFile());
        QVERIFY(runTest());
        QVERIFY2(m_testFinished->at(0).at(0).toBool(), qPrintable(m_testFinished->at(0).at(1).toString()));

        // The insecure mode also gets in, with its warning shown.
        edit(u"caFileEdit"_s)->clear();
        auto *insecure = m_dialog->findChild<QCheckBox *>(u"insecureCheck"_s);
        auto *warning = m_dialog->findChild<QLabel *>(u"insecureWarning"_s);
        QVERIFY(!warning->isVisible());
        insecure->setChecked(true);
        QVERIFY(warning->isVisible());
        QVERIFY(runTest());
        QVERIFY2(m_testFinished->at(0).at(0).toBool(), qPrintable(m_testFinished->at(0).at(1).toString()));
    }

    void invalidFormIsRefusedBeforeConnecting()
    {
        m_dialog->addProfile();
        fill(u"http://example.com"_s, QString(), QString());
        QVERIFY(runTest());
        QCOMPARE(m_testFinished->at(0).at(0).toBool(), false);
        QVERIFY(m_testFinished->at(0).at(1).toString().contains(u"mqtt://"_s));
        QVERIFY(!m_dialog->saveCurrent());
    }

    void savePutsPasswordInKeychainOnly()
    {
        const QString name = m_dialog->addProfile();
        fill(m_broker->url(), UserName, RightPassword);
        QSignalSpy saved(m_dialog.get(), &ConnectionsDialog::passwordSaved);
        QSignalSpy keychainErrors(m_dialog.get(), &ConnectionsDialog::keychainError);
        click(u"saveButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, DefaultTimeoutMs);
        QCOMPARE(keychainErrors.count(), 0);
        QCOMPARE(m_profiles->profile(name)->username, UserName);
        QCOMPARE(m_profiles->profile(name)->url.toString(), m_broker->url());

        QCOMPARE(readKeychain(name), std::optional(RightPassword));
        const QByteArray file = settingsFile();
        QVERIFY(file.contains(m_broker->url().toUtf8()));
        QVERIFY2(!file.contains(RightPassword.toUtf8()), file.constData());

        // A dialog opened later fills the field from the keychain, and tests with it.
        m_dialog = std::make_unique<ConnectionsDialog>(m_profiles.get(), m_passwords.get());
        m_dialog->show();
        QCOMPARE(m_dialog->currentProfileName(), name);
        QTRY_COMPARE_WITH_TIMEOUT(edit(u"passwordEdit"_s)->text(), RightPassword, DefaultTimeoutMs);
        QVERIFY(runTest());
        QVERIFY2(m_testFinished->at(0).at(0).toBool(), qPrintable(m_testFinished->at(0).at(1).toString()));

        // Saving without touching the password leaves the keychain alone; emptying it removes the entry.
        QSignalSpy savedAgain(m_dialog.get(), &ConnectionsDialog::passwordSaved);
        QVERIFY(m_dialog->saveCurrent());
        QTest::qWait(100);
        QCOMPARE(savedAgain.count(), 0);
        QLineEdit *password = edit(u"passwordEdit"_s);
        password->selectAll();
        QTest::keyClick(password, Qt::Key_Delete);
        QVERIFY(m_dialog->saveCurrent());
        QTRY_COMPARE_WITH_TIMEOUT(savedAgain.count(), 1, DefaultTimeoutMs);
        QCOMPARE(readKeychain(name), std::optional<QString>());
    }

    void renameAndDeleteCarryTheKeychainEntry()
    {
        const QString name = m_dialog->addProfile();
        fill(m_broker->url(), UserName, RightPassword);
        QSignalSpy saved(m_dialog.get(), &ConnectionsDialog::passwordSaved);
        QVERIFY(m_dialog->saveCurrent());
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, DefaultTimeoutMs);

        QString error;
        QVERIFY(!m_dialog->renameProfile(name, QString(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(m_dialog->renameProfile(name, u"production"_s));
        QCOMPARE(m_profiles->names(), QStringList{u"production"_s});
        QCOMPARE(m_dialog->currentProfileName(), u"production"_s);
        QTRY_COMPARE_WITH_TIMEOUT(readKeychain(u"production"_s), std::optional(RightPassword),
                                  DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(readKeychain(name), std::optional<QString>(), DefaultTimeoutMs);
        auto *list = m_dialog->findChild<QListWidget *>(u"profileList"_s);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"production"_s);

        m_dialog->deleteProfile(u"production"_s);
        QVERIFY(m_profiles->names().isEmpty());
        QCOMPARE(list->count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(readKeychain(u"production"_s), std::optional<QString>(), DefaultTimeoutMs);
    }

    void chooseActiveProfile()
    {
        const QString first = m_dialog->addProfile();
        const QString second = m_dialog->addProfile();
        QVERIFY(first != second);
        QCOMPARE(m_profiles->activeProfileName(), first);
        QSignalSpy chosen(m_dialog.get(), &ConnectionsDialog::activeProfileChosen);
        QSignalSpy changed(m_profiles.get(), &ProfileStore::activeProfileChanged);
        m_dialog->selectProfile(second);
        click(u"activateButton"_s);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), second);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_profiles->activeProfileName(), second);
        auto *list = m_dialog->findChild<QListWidget *>(u"profileList"_s);
        QVERIFY(list->findItems(second, Qt::MatchExactly).constFirst()->font().bold());
        QVERIFY(!list->findItems(first, Qt::MatchExactly).constFirst()->font().bold());
    }

    // A console started with --broker (main() connects the session itself, and gives the window the stores
    // all the same): File > Connections opens, and choosing a profile replaces the command line's
    // connection with the profile's, its password read from the keychain.
    void connectionsAfterABrokerStart()
    {
        MosquittoBroker commandLineBroker(MosquittoBroker::Options::quiet());
        QVERIFY2(commandLineBroker.start(), qPrintable(commandLineBroker.errorString()));
        fleet::FleetSession session;
        fleet::BrokerProfile fromCommandLine;
        fromCommandLine.url = QUrl(commandLineBroker.url());
        QVERIFY(fleet::test::connectSessionAndWait(session, fromCommandLine));

        fleet::BrokerProfile saved;
        saved.name = u"production"_s;
        saved.url = QUrl(m_broker->url());
        saved.username = UserName;
        QString error;
        QVERIFY2(m_profiles->save(saved, &error), qPrintable(error));
        std::optional<PasswordStore::Result> written;
        m_passwords->writePassword(saved.name, RightPassword, this,
                                   [&written](const PasswordStore::Result &result) { written = result; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), DefaultTimeoutMs);
        QVERIFY2(written->ok, qPrintable(written->error));

        fleet::MainWindow window(&session);
        window.setConnectionStores(m_profiles.get(), m_passwords.get());
        window.openConnections();
        auto *dialog = window.findChild<ConnectionsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->selectProfile(saved.name);
        QVERIFY(dialog->activateCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(session.client()->profile().url == saved.url &&
                                     session.client()->state() == fleet::MqttClient::State::Connected,
                                 DefaultTimeoutMs);
        QCOMPARE(session.identity(), UserName);
        QCOMPARE(m_profiles->lastUsedProfileName(), saved.name);
    }

private:
    QLineEdit *edit(const QString &name) const
    {
        auto *found = m_dialog->findChild<QLineEdit *>(name);
        if (!found)
            qFatal("no line edit %s", qPrintable(name));
        return found;
    }

    QString label(const QString &name) const { return m_dialog->findChild<QLabel *>(name)->text(); }

    void click(const QString &button) const
    {
        auto *found = m_dialog->findChild<QAbstractButton *>(button);
        QVERIFY(found && found->isEnabled());
        found->click();
    }

    // Typed, as an operator would: the password field only counts as edited when typed into.
    void fill(const QString &url, const QString &user, const QString &password)
    {
        for (const auto &[name, text] : {std::pair{u"urlEdit"_s, url}, std::pair{u"usernameEdit"_s, user},
                                         std::pair{u"passwordEdit"_s, password}}) {
            QLineEdit *line = edit(name);
            line->clear();
            QTest::keyClicks(line, text);
        }
    }

    // Clicks Test connection and waits for its verdict, in m_testFinished.
    bool runTest()
    {
        m_testFinished = std::make_unique<QSignalSpy>(m_dialog.get(), &ConnectionsDialog::testFinished);
        auto *button = m_dialog->findChild<QAbstractButton *>(u"testButton"_s);
        if (!button || !button->isEnabled())
            return false;
        button->click();
        return QTest::qWaitFor([&] { return m_testFinished->count() == 1; }, 2 * DefaultTimeoutMs);
    }

    std::optional<QString> readKeychain(const QString &name) const
    {
        PasswordStore store;
        std::optional<PasswordStore::Result> result;
        QObject context;
        store.readPassword(name, &context, [&](const PasswordStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, DefaultTimeoutMs) || !result->ok)
            return u"<keychain failed>"_s;
        return result->found ? std::optional(result->password) : std::nullopt;
    }

    QByteArray settingsFile() const
    {
        m_settings->sync();
        QFile file(m_settingsPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MosquittoBroker> m_tlsBroker;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<PasswordStore> m_passwords;
    std::unique_ptr<ConnectionsDialog> m_dialog;
    std::unique_ptr<QSignalSpy> m_testFinished;
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
