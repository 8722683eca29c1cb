// WorkbenchIdentity: whom the device workbench signs in as. The connection it makes from an Azure connection
// string (the gateway's host and port, or the hub's on 8883; MQTT 3.1.1, client id = device id, IoT Hub's
// user name, a kept session) and from an AWS thing; what validate() refuses, in words; and that saving an
// identity writes neither its connection string (it holds the key) nor its password.

#include "workbench/workbenchidentity.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::WorkbenchIdentity;

namespace {

const auto Key = "EDJQV2nsq9FBabAtBMXsB9SMmiYogSrDJPIE+zi0GvE="_L1;

WorkbenchIdentity azure(const QString &connectionString)
{
    WorkbenchIdentity identity;
    identity.kind = WorkbenchIdentity::Kind::Azure;
    identity.name = u"bench"_s;
    identity.connectionString = connectionString;
    return identity;
}

} // namespace

class TestWorkbenchIdentity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void azureConnection()
    {
        const WorkbenchIdentity direct =
            azure(u"HostName=myhub.azure-devices.net;DeviceId=dev-1;SharedAccessKey=%1"_s.arg(Key));
        QVERIFY2(direct.validate().isEmpty(), qPrintable(direct.validate()));
        QCOMPARE(direct.deviceId(), u"dev-1"_s);
        const BrokerProfile profile = direct.profile();
        QCOMPARE(profile.url, QUrl(u"mqtts://myhub.azure-devices.net:8883"_s));
        QCOMPARE(profile.clientId, u"dev-1"_s);
        QCOMPARE(profile.username, u"myhub.azure-devices.net/dev-1/?api-version=2021-04-12"_s);
        QCOMPARE(profile.protocolVersion, BrokerProfile::ProtocolVersion::Mqtt311);
        QVERIFY(!profile.cleanStart);
        QCOMPARE(profile.keepAliveSeconds, WorkbenchIdentity::AzureKeepAliveSeconds);
        QVERIFY2(profile.validate().isEmpty(), qPrintable(profile.validate()));

        const WorkbenchIdentity gateway = azure(
            u"HostName=myhub.azure-devices.net;DeviceId=dev-1;SharedAccessKey=%1;GatewayHostName=localhost:18883"_s
                .arg(Key));
        QCOMPARE(gateway.profile().url, QUrl(u"mqtts://localhost:18883"_s));
        // The user name keeps the hub's name: the token is for it.
        QCOMPARE(gateway.profile().username, u"myhub.azure-devices.net/dev-1/?api-version=2021-04-12"_s);
    }

    void azureRefusals_data()
    {
        QTest::addColumn<QString>("connectionString");
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString() << QString() << 3600 << u"connection string"_s;
        QTest::newRow("malformed") << u"HostName=h;DeviceId=d"_s << QString() << 3600 << QString();
        QTest::newRow("x509 without certificate")
            << u"HostName=h.net;DeviceId=d;x509=true"_s << QString() << 3600 << u"x509=true"_s;
        QTest::newRow("certificate with a key") << u"HostName=h.net;DeviceId=d;SharedAccessKey=%1"_s.arg(Key)
                                                << u"/tmp/c.pem"_s << 3600 << u"certificate"_s;
        QTest::newRow("lifetime too short")
            << u"HostName=h.net;DeviceId=d;SharedAccessKey=%1"_s.arg(Key) << QString() << 1 << u"lifetime"_s;
    }

    void azureRefusals()
    {
        QFETCH(QString, connectionString);
        QFETCH(QString, certificate);
        QFETCH(int, lifetime);
        QFETCH(QString, says);
        WorkbenchIdentity identity = azure(connectionString);
        identity.certificateFile = certificate;
        identity.keyFile = certificate;
        identity.tokenLifetimeSeconds = lifetime;
        const QString why = identity.validate();
        QVERIFY(!why.isEmpty());
        QVERIFY2(why.contains(says), qPrintable(why));
    }

    void x509NeedsTheCertificate()
    {
        WorkbenchIdentity identity = azure(u"HostName=h.net;DeviceId=d;x509=true"_s);
        identity.certificateFile = u"/tmp/c.pem"_s;
        QVERIFY(!identity.validate().isEmpty()); // and its key
        identity.keyFile = u"/tmp/k.pem"_s;
        QVERIFY2(identity.validate().isEmpty(), qPrintable(identity.validate()));
        QCOMPARE(identity.profile().certificateFile, u"/tmp/c.pem"_s);
    }

    void awsThing()
    {
        WorkbenchIdentity identity;
        identity.kind = WorkbenchIdentity::Kind::AwsThing;
        QVERIFY(!identity.validate().isEmpty()); // no endpoint
        identity.endpoint = QUrl(u"mqtts://abc-ats.iot.eu-west-1.amazonaws.com:8883"_s);
        QVERIFY(identity.validate().contains(u"thing"_s));
        identity.thingName = u"pump/7"_s;
        QVERIFY(identity.validate().contains(u"'/'"_s));
        identity.thingName = u"pump-7"_s;
        QVERIFY2(identity.validate().isEmpty(), qPrintable(identity.validate()));
        QCOMPARE(identity.profile().clientId, u"pump-7"_s);
        identity.clientId = u"pump-7-bench"_s;
        QCOMPARE(identity.profile().clientId, u"pump-7-bench"_s);
        QCOMPARE(identity.deviceId(), u"pump-7"_s);
        identity.endpoint = QUrl(u"mqtt://127.0.0.1:1883"_s);
        identity.caFile = u"/tmp/ca.pem"_s;
        QVERIFY(!identity.validate().isEmpty()); // TLS files without TLS
        identity.caFile.clear();
        // A password in the URL has a field of its own.
        identity.endpoint = QUrl(u"mqtt://pump:secret@127.0.0.1:1883"_s);
        QVERIFY(identity.validate().contains(u"URL"_s));
        identity.thingName.clear();
        identity.endpoint = QUrl(u"mqtt://127.0.0.1:1883"_s);
        QVERIFY(identity.validate().contains(u"thing"_s)); // a client id alone names no topics
    }

    void savingKeepsTheSecretOut()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"bench.conf"_s);
        WorkbenchIdentity identity =
            azure(u"HostName=myhub.azure-devices.net;DeviceId=dev-1;SharedAccessKey=%1"_s.arg(Key));
        identity.tokenLifetimeSeconds = 600;
        identity.caFile = u"/etc/ca.pem"_s;
        WorkbenchIdentity thing;
        thing.kind = WorkbenchIdentity::Kind::AwsThing;
        thing.endpoint = QUrl(u"mqtts://pump:url-secret@broker.example:8883"_s);
        thing.thingName = u"pump-7"_s;
        thing.username = u"pump"_s;
        thing.password = u"hunter2-secret"_s;
        QCOMPARE(identity.secret(), identity.connectionString);
        QCOMPARE(thing.secret(), thing.password);
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.beginGroup(u"azure"_s);
            identity.save(settings);
            settings.endGroup();
            settings.beginGroup(u"aws"_s);
            thing.save(settings);
            settings.endGroup();
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.contains(QByteArray(Key.data(), Key.size())));
        QVERIFY(!written.contains("SharedAccessKey"));
        QVERIFY(!written.contains("hunter2-secret"));
        QVERIFY(!written.contains("url-secret"));

        QSettings settings(path, QSettings::IniFormat);
        settings.beginGroup(u"azure"_s);
        WorkbenchIdentity loaded = WorkbenchIdentity::load(settings);
        settings.endGroup();
        QCOMPARE(loaded.kind, WorkbenchIdentity::Kind::Azure);
        QCOMPARE(loaded.tokenLifetimeSeconds, 600);
        QCOMPARE(loaded.caFile, u"/etc/ca.pem"_s);
        QVERIFY(loaded.connectionString.isEmpty());
        loaded.setSecret(identity.connectionString);
        QCOMPARE(loaded.deviceId(), u"dev-1"_s);
        settings.beginGroup(u"aws"_s);
        const WorkbenchIdentity loadedThing = WorkbenchIdentity::load(settings);
        QCOMPARE(loadedThing.kind, WorkbenchIdentity::Kind::AwsThing);
        QCOMPARE(loadedThing.endpoint, QUrl(u"mqtts://broker.example:8883"_s));
        QCOMPARE(loadedThing.thingName, u"pump-7"_s);
        QCOMPARE(loadedThing.username, u"pump"_s);
        QVERIFY(loadedThing.password.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchIdentity)
#include "tst_workbenchidentity.moc"
