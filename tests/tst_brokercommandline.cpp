#include "mqtt/brokercommandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::BrokerCommandLine;
using fleet::BrokerProfile;

class TestBrokerCommandLine final : public QObject
{
    Q_OBJECT

private:
    // Parses a command line the way the tools do; returns the error text, empty on success.
    static QString parse(const QStringList &arguments, BrokerProfile *profile, QString *password)
    {
        QCommandLineParser parser;
        BrokerCommandLine::addOptions(parser);
        if (!parser.parse(QStringList{u"tool"_s} + arguments))
            return parser.errorText();
        QString error;
        BrokerCommandLine::read(parser, profile, password, &error);
        return error;
    }

private Q_SLOTS:
    void defaults()
    {
        qunsetenv("FLEET_MQTT_PASSWORD");
        BrokerProfile p;
        QString password = u"stale"_s;
        QCOMPARE(parse({}, &p, &password), QString());
        QCOMPARE(p.host(), u"127.0.0.1"_s);
        QCOMPARE(p.port(), 1883);
        QCOMPARE(p.protocolVersion, BrokerProfile::ProtocolVersion::Mqtt5);
        QCOMPARE(p.keepAliveSeconds, 30);
        QVERIFY(!p.isTls());
        QVERIFY(password.isEmpty());
    }

    void fullProfile()
    {
        QTemporaryFile ca;
        QVERIFY(ca.open());
        BrokerProfile p;
        QString password;
        QCOMPARE(parse({u"--broker"_s, u"mqtts://broker.example:8884"_s, u"--client-id"_s, u"ops-1"_s,
                        u"--username"_s, u"alice"_s, u"--mqtt-version"_s, u"3.1.1"_s, u"--keepalive"_s,
                        u"15"_s, u"--ca"_s, ca.fileName(), u"--insecure-skip-verify"_s},
                       &p, &password),
                 QString());
        QCOMPARE(p.host(), u"broker.example"_s);
        QCOMPARE(p.port(), 8884);
        QCOMPARE(p.clientId, u"ops-1"_s);
        QCOMPARE(p.username, u"alice"_s);
        QCOMPARE(p.protocolVersion, BrokerProfile::ProtocolVersion::Mqtt311);
        QCOMPARE(p.keepAliveSeconds, 15);
        QCOMPARE(p.caFile, ca.fileName());
        QVERIFY(p.insecureSkipVerify);
    }

    void passwordFromEnvironment()
    {
        qputenv("FLEET_MQTT_PASSWORD", "s3cret");
        BrokerProfile p;
        QString password;
        QCOMPARE(parse({}, &p, &password), QString());
        QCOMPARE(password, u"s3cret"_s);
        qunsetenv("FLEET_MQTT_PASSWORD");
    }

    // What systemd's LoadCredentialEncrypted=mqtt-password hands the service (installer/fleet-hub.service).
    void passwordFromSystemdCredential()
    {
        QTemporaryDir credentials;
        QVERIFY(credentials.isValid());
        qputenv("CREDENTIALS_DIRECTORY", credentials.path().toUtf8());
        BrokerProfile p;
        QString password = u"stale"_s;
        QCOMPARE(parse({}, &p, &password), QString()); // no such credential: no password, no error
        QVERIFY(password.isEmpty());

        QFile file(credentials.filePath(u"mqtt-password"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from-systemd\nsecond line ignored\n");
        file.close();
        QCOMPARE(parse({}, &p, &password), QString());
        QCOMPARE(password, u"from-systemd"_s);

        // The environment, set on purpose, still wins.
        qputenv("FLEET_MQTT_PASSWORD", "from-environment");
        QCOMPARE(parse({}, &p, &password), QString());
        QCOMPARE(password, u"from-environment"_s);
        qunsetenv("FLEET_MQTT_PASSWORD");

        // There but unreadable: a clear error, not an empty password that the broker would refuse.
        QVERIFY(QFile::remove(file.fileName()));
        QVERIFY(QDir(credentials.path()).mkdir(u"mqtt-password"_s));
        QVERIFY(parse({}, &p, &password).contains(u"mqtt-password"_s));
        qunsetenv("CREDENTIALS_DIRECTORY");
    }

    void invalidOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad scheme") << QStringList{u"--broker"_s, u"http://x"_s} << u"--broker"_s;
        QTest::newRow("bad version") << QStringList{u"--mqtt-version"_s, u"4.0"_s} << u"--mqtt-version"_s;
        QTest::newRow("keepalive text") << QStringList{u"--keepalive"_s, u"soon"_s} << u"--keepalive"_s;
        QTest::newRow("keepalive tiny") << QStringList{u"--keepalive"_s, u"1"_s} << u"--keepalive"_s;
        QTest::newRow("tls option on plain url") << QStringList{u"--insecure-skip-verify"_s} << u"mqtts://"_s;
        QTest::newRow("cert without key")
            << QStringList{u"--broker"_s, u"mqtts://h"_s, u"--cert"_s, u"/etc/hostname"_s} << u"--key"_s;
        QTest::newRow("unreadable ca")
            << QStringList{u"--broker"_s, u"mqtts://h"_s, u"--ca"_s, u"/nonexistent/ca.pem"_s}
            << u"/nonexistent/ca.pem"_s;
    }

    void invalidOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        BrokerProfile p;
        QString password;
        const QString error = parse(arguments, &p, &password);
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBrokerCommandLine)
#include "tst_brokercommandline.moc"
