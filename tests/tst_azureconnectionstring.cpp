// AzureConnectionString: device connection strings as the Azure portal gives them, in any field order, with a
// key, a SAS token or x509=true; the MQTT user name; toString() round trips; and every malformed string
// refused with an error that says what is wrong.

#include "dialects/azureconnectionstring.h"
#include "dialects/azuresas.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AzureConnectionString;

namespace {

const QString Key = u"EDJQV2nsq9FBabAtBMXsB9SMmiYogSrDJPIE+zi0GvE="_s;

QString sasToken()
{
    return fleet::AzureSas::token(Key.toLatin1(), u"myhub.azure-devices.net/devices/dev-1"_s, 1'700'000'000);
}

} // namespace

class TestAzureConnectionString final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<bool>("x509");
        QTest::addColumn<QString>("gatewayHost");
        QTest::addColumn<int>("gatewayPort");
        const QString base = u"HostName=myhub.azure-devices.net;DeviceId=dev-1;"_s;
        QTest::newRow("key") << base + u"SharedAccessKey="_s + Key << Key << QString() << false << QString()
                             << 0;
        QTest::newRow("any order")
            << u"SharedAccessKey=%1;DeviceId=dev-1;HostName=myhub.azure-devices.net"_s.arg(Key) << Key
            << QString() << false << QString() << 0;
        QTest::newRow("signature") << base + u"SharedAccessSignature="_s + sasToken() << QString()
                                   << sasToken() << false << QString() << 0;
        QTest::newRow("x509") << base + u"x509=true"_s << QString() << QString() << true << QString() << 0;
        QTest::newRow("x509 True") << base + u"x509=True"_s << QString() << QString() << true << QString()
                                   << 0;
        QTest::newRow("gateway") << base + u"SharedAccessKey=%1;GatewayHostName=edge.local"_s.arg(Key) << Key
                                 << QString() << false << u"edge.local"_s << 0;
        QTest::newRow("gateway and port") << u"GatewayHostName=10.0.0.7:18883;"_s + base + u"x509=true"_s
                                          << QString() << QString() << true << u"10.0.0.7"_s << 18883;
        QTest::newRow("trailing ; and blanks") << u"  "_s + base + u"SharedAccessKey="_s + Key + u";\n"_s
                                               << Key << QString() << false << QString() << 0;
        QTest::newRow("key with x509=false")
            << base + u"x509=false;SharedAccessKey="_s + Key << Key << QString() << false << QString() << 0;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(QString, signature);
        QFETCH(bool, x509);
        QFETCH(QString, gatewayHost);
        QFETCH(int, gatewayPort);
        QString error;
        const auto parsed = AzureConnectionString::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->hostName(), u"myhub.azure-devices.net"_s);
        QCOMPARE(parsed->deviceId(), u"dev-1"_s);
        QCOMPARE(parsed->sharedAccessKey(), key);
        QCOMPARE(parsed->sharedAccessSignature(), signature);
        QCOMPARE(parsed->x509(), x509);
        QCOMPARE(parsed->gatewayHost(), gatewayHost);
        QCOMPARE(parsed->gatewayPort(), gatewayPort);
        QCOMPARE(parsed->mqttUsername(), u"myhub.azure-devices.net/dev-1/?api-version=2021-04-12"_s);

        const auto again = AzureConnectionString::parse(parsed->toString(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->hostName(), parsed->hostName());
        QCOMPARE(again->deviceId(), parsed->deviceId());
        QCOMPARE(again->sharedAccessKey(), parsed->sharedAccessKey());
        QCOMPARE(again->sharedAccessSignature(), parsed->sharedAccessSignature());
        QCOMPARE(again->x509(), parsed->x509());
        QCOMPARE(again->gatewayHost(), parsed->gatewayHost());
        QCOMPARE(again->gatewayPort(), parsed->gatewayPort());
        QCOMPARE(again->toString(), parsed->toString());
    }

    void toStringIsCanonical()
    {
        const auto parsed = AzureConnectionString::parse(
            u"SharedAccessKey=%1;GatewayHostName=edge:8884;DeviceId=dev-1;HostName=h.azure-devices.net"_s.arg(
                Key),
            nullptr);
        QVERIFY(parsed);
        QCOMPARE(
            parsed->toString(),
            u"HostName=h.azure-devices.net;DeviceId=dev-1;SharedAccessKey=%1;GatewayHostName=edge:8884"_s.arg(
                Key));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions"); // a word the error must contain
        const QString host = u"HostName=myhub.azure-devices.net"_s;
        const QString device = u"DeviceId=dev-1"_s;
        const QString key = u"SharedAccessKey="_s + Key;
        const auto join = [](const QStringList &fields) { return fields.join(u';'); };
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blanks") << u"  ;"_s << QString();
        QTest::newRow("unknown key") << join({host, device, key, u"Colour=blue"_s}) << u"Colour"_s;
        QTest::newRow("key case") << join({u"hostname=myhub.azure-devices.net"_s, device, key})
                                  << u"hostname"_s;
        QTest::newRow("duplicate") << join({host, device, key, device}) << u"DeviceId"_s;
        QTest::newRow("empty value") << join({host, u"DeviceId="_s, key}) << u"DeviceId"_s;
        QTest::newRow("module") << join({host, device, u"ModuleId=m1"_s, key}) << u"ModuleId"_s;
        QTest::newRow("no =") << join({host, device, key, u"x509"_s}) << u"x509"_s;
        QTest::newRow("empty field") << join({host, device, QString(), key}) << QString();
        QTest::newRow("no host") << join({device, key}) << u"HostName"_s;
        QTest::newRow("no device") << join({host, key}) << u"DeviceId"_s;
        QTest::newRow("no credential") << join({host, device}) << u"SharedAccessKey"_s;
        QTest::newRow("x509 false only") << join({host, device, u"x509=false"_s}) << u"SharedAccessKey"_s;
        QTest::newRow("key and x509") << join({host, device, key, u"x509=true"_s}) << u"x509"_s;
        QTest::newRow("key and signature")
            << join({host, device, key, u"SharedAccessSignature="_s + sasToken()})
            << u"SharedAccessSignature"_s;
        QTest::newRow("x509 maybe") << join({host, device, u"x509=maybe"_s}) << u"maybe"_s;
        QTest::newRow("key not base64")
            << join({host, device, u"SharedAccessKey=not*base64"_s}) << u"SharedAccessKey"_s;
        QTest::newRow("signature not a token")
            << join({host, device, u"SharedAccessSignature=sig=abc"_s}) << u"SharedAccessSignature"_s;
        QTest::newRow("host with path") << join({u"HostName=myhub/x"_s, device, key}) << u"myhub/x"_s;
        QTest::newRow("device with /") << join({host, u"DeviceId=a/b"_s, key}) << u"a/b"_s;
        QTest::newRow("device with +") << join({host, u"DeviceId=a+b"_s, key}) << u"a+b"_s;
        QTest::newRow("device too long")
            << join({host, u"DeviceId="_s + QString(129, u'd'), key}) << QString();
        QTest::newRow("gateway port 0")
            << join({host, device, key, u"GatewayHostName=edge:0"_s}) << u"edge"_s;
        QTest::newRow("gateway port 70000")
            << join({host, device, key, u"GatewayHostName=edge:70000"_s}) << u"edge"_s;
        QTest::newRow("gateway port signed")
            << join({host, device, key, u"GatewayHostName=edge:+88"_s}) << u"edge"_s;
        QTest::newRow("gateway port missing")
            << join({host, device, key, u"GatewayHostName=edge:"_s}) << u"edge"_s;
        QTest::newRow("gateway no host")
            << join({host, device, key, u"GatewayHostName=:8883"_s}) << QString();
        QTest::newRow("huge") << join(
                                     {host, device, key, u"SharedAccessSignature="_s + QString(10'000, u's')})
                              << QString();
    }

    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!AzureConnectionString::parse(text, &error));
        QVERIFY(!error.isEmpty());
        if (!mentions.isEmpty())
            QVERIFY2(error.contains(mentions), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAzureConnectionString)
#include "tst_azureconnectionstring.moc"
