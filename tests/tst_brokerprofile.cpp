#include "mqtt/brokerprofile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;

class TestBrokerProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused

        QTest::newRow("mqtt default port") << u"mqtt://broker.local"_s << u"mqtt://broker.local:1883"_s;
        QTest::newRow("mqtts default port") << u"mqtts://broker.local"_s << u"mqtts://broker.local:8883"_s;
        QTest::newRow("explicit port") << u"mqtt://127.0.0.1:18830"_s << u"mqtt://127.0.0.1:18830"_s;
        QTest::newRow("tcp alias") << u"tcp://h:1"_s << u"mqtt://h:1"_s;
        QTest::newRow("ssl alias") << u"ssl://h"_s << u"mqtts://h:8883"_s;
        QTest::newRow("no scheme") << u"localhost:1884"_s << u"mqtt://localhost:1884"_s;
        QTest::newRow("bare host") << u"localhost"_s << u"mqtt://localhost:1883"_s;
        QTest::newRow("ipv6") << u"mqtt://[::1]:1883"_s << u"mqtt://[::1]:1883"_s;
        QTest::newRow("whitespace") << u"  mqtt://h  "_s << u"mqtt://h:1883"_s;
        QTest::newRow("username kept") << u"mqtt://alice@h"_s << u"mqtt://alice@h:1883"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("http scheme") << u"http://h"_s << QString();
        QTest::newRow("no host") << u"mqtt://:1883"_s << QString();
        QTest::newRow("password in url") << u"mqtt://alice:secret@h"_s << QString();
        QTest::newRow("port out of range") << u"mqtt://h:70000"_s << QString();
    }

    void parseUrl()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        const QUrl url = BrokerProfile::parseUrl(text, &error);
        if (expected.isEmpty()) {
            QVERIFY(url.isEmpty());
            QVERIFY2(!error.isEmpty(), "a refusal must say why");
        } else {
            QCOMPARE(url.toString(), expected);
            QVERIFY(error.isEmpty());
        }
    }

    void tlsHostPort()
    {
        BrokerProfile p;
        p.url = BrokerProfile::parseUrl(u"mqtts://example.org"_s);
        QVERIFY(p.isTls());
        QCOMPARE(p.host(), u"example.org"_s);
        QCOMPARE(p.port(), 8883);
        p.url = BrokerProfile::parseUrl(u"mqtt://example.org:1999"_s);
        QVERIFY(!p.isTls());
        QCOMPARE(p.port(), 1999);
    }

    void validate_data()
    {
        QTest::addColumn<BrokerProfile>("profile");
        QTest::addColumn<bool>("valid");

        BrokerProfile ok;
        ok.url = BrokerProfile::parseUrl(u"mqtt://127.0.0.1:1883"_s);
        QTest::newRow("plain") << ok << true;

        BrokerProfile p = ok;
        p.cleanStart = false;
        QTest::newRow("persistent without client id") << p << false;
        p.clientId = u"console-1"_s;
        QTest::newRow("v5 persistent without expiry") << p << false;
        p.sessionExpirySeconds = 3600;
        QTest::newRow("v5 persistent with expiry") << p << true;
        p.sessionExpirySeconds = 0;
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        QTest::newRow("3.1.1 persistent") << p << true;

        p = ok;
        p.keepAliveSeconds = 2;
        QTest::newRow("keepalive too short") << p << false;
        p.keepAliveSeconds = 0;
        QTest::newRow("keepalive off") << p << true;

        p = ok;
        p.certificateFile = u"/tmp/c.pem"_s;
        QTest::newRow("cert without key") << p << false;
        p.url = BrokerProfile::parseUrl(u"mqtts://h"_s);
        p.keyFile = u"/tmp/k.pem"_s;
        QTest::newRow("mutual tls") << p << true;

        p = ok;
        p.caFile = u"/tmp/ca.pem"_s;
        QTest::newRow("ca file on plain url") << p << false;

        p = ok;
        p.url = QUrl();
        QTest::newRow("no url") << p << false;
    }

    void validate()
    {
        QFETCH(BrokerProfile, profile);
        QFETCH(bool, valid);
        const QString problem = profile.validate();
        QVERIFY2(problem.isEmpty() == valid, qPrintable(problem));
    }

    void settingsRoundTripWithoutPassword()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"profiles.ini"_s);

        BrokerProfile p;
        p.name = u"lab"_s;
        p.url = BrokerProfile::parseUrl(u"mqtts://broker.lab:8884"_s);
        p.clientId = u"console-7"_s;
        p.username = u"alice"_s;
        p.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        p.keepAliveSeconds = 45;
        p.cleanStart = false;
        p.sessionExpirySeconds = 600;
        p.caFile = u"/etc/fleet/ca.pem"_s;
        p.certificateFile = u"/etc/fleet/client.pem"_s;
        p.keyFile = u"/etc/fleet/client.key"_s;
        p.insecureSkipVerify = true;
        p.environment = BrokerProfile::Environment::Staging;
        {
            QSettings settings(file, QSettings::IniFormat);
            // A stale password from some older tool must not survive a save.
            settings.setValue(u"profiles/lab/password"_s, u"hunter2"_s);
            settings.beginGroup(u"profiles/lab"_s);
            p.save(settings);
            settings.endGroup();
        }
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY2(!text.contains("hunter2"), text.constData());
        QVERIFY(!text.toLower().contains("password"));

        QSettings settings(file, QSettings::IniFormat);
        settings.beginGroup(u"profiles/lab"_s);
        const BrokerProfile loaded = BrokerProfile::load(settings);
        QCOMPARE(loaded, p);
        QCOMPARE(loaded.passwordKey(), u"fleet-console/lab"_s);
    }

    // The environment marks a connection: production asks before sending. A profile saved before there
    // were environments is unmarked; a value this version does not know is taken as production, so that an
    // unknown mark never silently drops the confirmation.
    void environment()
    {
        QCOMPARE(BrokerProfile().environment, BrokerProfile::Environment::Unmarked);
        QVERIFY(!BrokerProfile().needsSendConfirmation());
        for (const auto e : {BrokerProfile::Environment::Unmarked, BrokerProfile::Environment::Development,
                             BrokerProfile::Environment::Staging, BrokerProfile::Environment::Production})
            QCOMPARE(BrokerProfile::fromEnvironmentName(BrokerProfile::environmentName(e)), e);
        QCOMPARE(BrokerProfile::fromEnvironmentName(u" Production "_s),
                 BrokerProfile::Environment::Production);
        QVERIFY(!BrokerProfile::fromEnvironmentName(u"prod"_s));
        BrokerProfile production;
        production.environment = BrokerProfile::Environment::Production;
        QVERIFY(production.needsSendConfirmation());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"profiles.ini"_s), QSettings::IniFormat);
        settings.setValue(u"old/url"_s, u"mqtt://old:1883"_s);
        settings.setValue(u"odd/url"_s, u"mqtt://odd:1883"_s);
        settings.setValue(u"odd/environment"_s, u"live"_s);
        settings.beginGroup(u"old"_s);
        QCOMPARE(BrokerProfile::load(settings).environment, BrokerProfile::Environment::Unmarked);
        settings.endGroup();
        settings.beginGroup(u"odd"_s);
        QCOMPARE(BrokerProfile::load(settings).environment, BrokerProfile::Environment::Production);
        settings.endGroup();
    }
};

QTEST_APPLESS_MAIN(TestBrokerProfile)
#include "tst_brokerprofile.moc"
