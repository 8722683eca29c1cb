// ProfileStore: profiles saved, replaced, renamed and removed in a settings file of the test's own; the
// active and last used profiles, with their signals; a fresh store reads back what an earlier one wrote; and
// no password ever reaches the file.

#include "mqtt/brokerprofile.h"
#include "mqtt/profilestore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::ProfileStore;

namespace {

BrokerProfile makeProfile(const QString &name, const QString &url = u"mqtt://127.0.0.1:1883"_s)
{
    BrokerProfile profile;
    profile.name = name;
    profile.url = BrokerProfile::parseUrl(url);
    profile.username = u"alice"_s;
    return profile;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(u"console.ini"_s);
        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void emptyStore()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.names().isEmpty());
        QVERIFY(store.activeProfileName().isEmpty());
        QVERIFY(!store.activeProfile());
        QVERIFY(!store.profile(u"none"_s));
    }

    void saveAndReadBack()
    {
        BrokerProfile lab = makeProfile(u"lab"_s, u"mqtts://broker.lab:8883"_s);
        lab.caFile = u"/etc/ca.pem"_s;
        lab.keepAliveSeconds = 45;
        lab.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        {
            ProfileStore store(m_settings.get());
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QVERIFY(store.save(makeProfile(u"local"_s)));
            QVERIFY(store.save(lab));
            QCOMPARE(changed.count(), 2);
            QCOMPARE(store.names(), (QStringList{u"local"_s, u"lab"_s}));
        }
        // A new settings object on the same file: what a console restart sees.
        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
        ProfileStore store(m_settings.get());
        QCOMPARE(store.names(), (QStringList{u"local"_s, u"lab"_s}));
        QCOMPARE(*store.profile(u"lab"_s), lab);
    }

    void saveReplacesByName()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(makeProfile(u"a"_s)));
        BrokerProfile changed = makeProfile(u"a"_s, u"mqtt://10.0.0.1:1884"_s);
        QVERIFY(store.save(changed));
        QCOMPARE(store.names(), QStringList{u"a"_s});
        QCOMPARE(store.profile(u"a"_s)->port(), 1884);
    }

    void nameRequired()
    {
        ProfileStore store(m_settings.get());
        QString error;
        QVERIFY(!store.save(makeProfile(u"  "_s), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(store.names().isEmpty());
    }

    void activeAndLastUsed()
    {
        ProfileStore store(m_settings.get());
        QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
        QVERIFY(store.save(makeProfile(u"a"_s)));
        QVERIFY(store.save(makeProfile(u"b"_s)));
        // With no choice made, the first profile is the one to use.
        QCOMPARE(store.activeProfileName(), u"a"_s);
        QVERIFY(store.markUsed(u"b"_s));
        QCOMPARE(store.lastUsedProfileName(), u"b"_s);
        QCOMPARE(store.activeProfileName(), u"b"_s);
        QVERIFY(store.setActiveProfile(u"a"_s));
        QCOMPARE(store.activeProfileName(), u"a"_s);
        QCOMPARE(active.count(), 3); // a (first save), b (used), a (chosen)
        QCOMPARE(active.last().at(0).toString(), u"a"_s);
        QVERIFY(!store.setActiveProfile(u"nope"_s));
        QVERIFY(!store.markUsed(u"nope"_s));

        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
        ProfileStore reread(m_settings.get());
        QCOMPARE(reread.activeProfileName(), u"a"_s);
        QCOMPARE(reread.lastUsedProfileName(), u"b"_s);
    }

    void renameKeepsMarks()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(makeProfile(u"a"_s)));
        QVERIFY(store.save(makeProfile(u"b"_s)));
        QVERIFY(store.setActiveProfile(u"a"_s));
        QVERIFY(store.markUsed(u"a"_s));
        QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
        QString error;
        QVERIFY(!store.rename(u"a"_s, u"b"_s, &error));
        QVERIFY(error.contains(u"b"_s));
        QVERIFY(!store.rename(u"x"_s, u"y"_s, &error));
        QVERIFY(!store.rename(u"a"_s, QString(), &error));
        QVERIFY(store.rename(u"a"_s, u"production"_s));
        QCOMPARE(store.names(), (QStringList{u"production"_s, u"b"_s}));
        QCOMPARE(store.activeProfileName(), u"production"_s);
        QCOMPARE(store.lastUsedProfileName(), u"production"_s);
        QCOMPARE(store.profile(u"production"_s)->name, u"production"_s);
        QCOMPARE(active.count(), 1);
    }

    void removeActive()
    {
        ProfileStore store(m_settings.get());
        QVERIFY(store.save(makeProfile(u"a"_s)));
        QVERIFY(store.save(makeProfile(u"b"_s)));
        QVERIFY(store.setActiveProfile(u"b"_s));
        QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
        QVERIFY(store.remove(u"b"_s));
        QVERIFY(!store.remove(u"b"_s));
        QCOMPARE(store.names(), QStringList{u"a"_s});
        QCOMPARE(store.activeProfileName(), u"a"_s);
        QCOMPARE(active.count(), 1);

        m_settings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
        ProfileStore reread(m_settings.get());
        QCOMPARE(reread.names(), QStringList{u"a"_s});
    }

    // The file is read as bytes, as an attacker with the user's files would: the password is not in it under
    // any key, even after a stray "password" entry was planted by hand.
    void passwordNeverInFile()
    {
        const QByteArray secret = "s3cret-Pa55word";
        m_settings->setValue(u"connections/profiles/1/password"_s, QString::fromLatin1(secret));
        m_settings->setValue(u"connections/profiles/size"_s, 1);
        m_settings->setValue(u"connections/profiles/1/name"_s, u"planted"_s);
        m_settings->sync();
        {
            ProfileStore store(m_settings.get());
            BrokerProfile profile = makeProfile(u"planted"_s);
            QVERIFY(store.save(profile));
            QVERIFY(store.save(makeProfile(u"other"_s)));
        }
        m_settings->sync();
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("planted"));
        QVERIFY2(!content.contains(secret), content.constData());
        QVERIFY2(!content.toLower().contains("password"), content.constData());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
