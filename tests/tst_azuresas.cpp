// AzureSas: IoT Hub shared access signatures. A known answer, signatures checked against the openssl command
// line for random keys and resources, parsing in any field order, and every way verify() must refuse.

#include "dialects/azuresas.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using fleet::AzureSas;

namespace {

const QByteArray Key = "EDJQV2nsq9FBabAtBMXsB9SMmiYogSrDJPIE+zi0GvE="_ba;
const QString Resource = u"myhub.azure-devices.net/devices/dev-1"_s;
constexpr qint64 Expiry = 1'700'000'000;

// The hex HMAC-SHA256 of message under key, from `openssl dgst`, or an empty string when it failed.
QByteArray opensslHmac(const QByteArray &key, const QByteArray &message)
{
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"dgst"_s, u"-sha256"_s, u"-mac"_s, u"HMAC"_s, u"-macopt"_s,
                                 u"hexkey:"_s + QString::fromLatin1(key.toHex())});
    if (!openssl.waitForStarted())
        return {};
    openssl.write(message);
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished() || openssl.exitCode() != 0)
        return {};
    // "HMAC-SHA256(stdin)= 3f…" or "SHA2-256(stdin)= 3f…", depending on the version.
    const QByteArray out = openssl.readAllStandardOutput().trimmed();
    const qsizetype at = out.lastIndexOf("= ");
    return at < 0 ? QByteArray() : out.mid(at + 2);
}

} // namespace

class TestAzureSas final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswer()
    {
        QString error;
        QCOMPARE(AzureSas::token(Key, Resource, Expiry, &error),
                 u"SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev-1"
                 u"&sig=Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4%3D&se=1700000000"_s);
        QVERIFY(error.isEmpty());
        QCOMPARE(AzureSas::resourceUri(u"myhub.azure-devices.net"_s, u"dev-1"_s), Resource);
    }

    void matchesOpenssl()
    {
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("openssl is not installed");
        // A fixed seed: a failure names a key and resource that can be tried again.
        QRandomGenerator random(20240611);
        // Characters each encoder treats differently: '/', '=', '+', blanks, '%', non-ASCII.
        const QList<QString> devices{u"dev-1"_s,  u"a/b"_s,  u"x=y+z"_s,
                                     u"sp ace"_s, u"100%"_s, u"caf\u00e9"_s};
        for (int i = 0; i < 8; ++i) {
            QByteArray rawKey(16 + int(random.bounded(48)), Qt::Uninitialized);
            for (char &c : rawKey)
                c = char(random.bounded(256));
            const QString resource =
                AzureSas::resourceUri(u"hub%1.azure-devices.net"_s.arg(i), devices[i % devices.size()]);
            const qint64 expiry = 1'600'000'000 + random.bounded(400'000'000);
            QString error;
            const QString token = AzureSas::token(rawKey.toBase64(), resource, expiry, &error);
            QVERIFY2(!token.isEmpty(), qPrintable(error));
            const auto parsed = AzureSas::parse(token, &error);
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(parsed->resourceUri, resource);
            QCOMPARE(parsed->expiry, expiry);
            const QByteArray stringToSign =
                QUrl::toPercentEncoding(resource) + '\n' + QByteArray::number(expiry);
            const QByteArray expected = opensslHmac(rawKey, stringToSign);
            QVERIFY2(!expected.isEmpty(), "openssl dgst failed");
            QCOMPARE(parsed->signature.toHex(), expected);
            QVERIFY2(AzureSas::verify(token, rawKey.toBase64(), resource, expiry - 1, &error),
                     qPrintable(error));
        }
    }

    void badKey_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not base64") << "not base64!"_ba;
        QTest::newRow("blank inside") << "EDJQV2ns q9FBabAt"_ba;
        QTest::newRow("only padding") << "===="_ba;
    }

    void badKey()
    {
        QFETCH(QByteArray, key);
        QString error;
        QVERIFY(AzureSas::token(key, Resource, Expiry, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        const QString token = AzureSas::token(Key, Resource, Expiry);
        QVERIFY(!AzureSas::verify(token, key, Resource, 0, &error));
        QVERIFY(!error.isEmpty());
    }

    void badArguments()
    {
        QString error;
        QVERIFY(AzureSas::token(Key, QString(), Expiry, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(AzureSas::token(Key, Resource, -1, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void parseAnyOrder()
    {
        const QString token = u"SharedAccessSignature se=1700000000&skn=device%20policy"
                              u"&sig=Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4%3D"
                              u"&sr=myhub.azure-devices.net%2Fdevices%2Fdev-1"_s;
        QString error;
        const auto parsed = AzureSas::parse(token, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->resourceUri, Resource);
        QCOMPARE(parsed->expiry, Expiry);
        QCOMPARE(parsed->keyName, u"device policy"_s);
        QCOMPARE(parsed->signature, QByteArray::fromBase64("Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4="));
        // The order does not change what was signed.
        QVERIFY2(AzureSas::verify(token, Key, Resource, Expiry - 1, &error), qPrintable(error));
    }

    void parseRefuses_data()
    {
        QTest::addColumn<QString>("token");
        const QString sr = u"sr=myhub.azure-devices.net%2Fdevices%2Fdev-1"_s;
        const QString sig = u"sig=Y3857SSiUAhDMJ1JZs3K5QTnDOjbHqSGC3IQSmAUXB4%3D"_s;
        const QString se = u"se=1700000000"_s;
        const QString prefix = u"SharedAccessSignature "_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("no prefix") << sr + u'&' + sig + u'&' + se;
        QTest::newRow("lowercase prefix") << u"sharedaccesssignature "_s + sr + u'&' + sig + u'&' + se;
        QTest::newRow("no sr") << prefix + sig + u'&' + se;
        QTest::newRow("no sig") << prefix + sr + u'&' + se;
        QTest::newRow("no se") << prefix + sr + u'&' + sig;
        QTest::newRow("sr twice") << prefix + sr + u'&' + sig + u'&' + se + u'&' + sr;
        QTest::newRow("se twice") << prefix + sr + u'&' + sig + u'&' + se + u"&se=1"_s;
        QTest::newRow("empty se") << prefix + sr + u'&' + sig + u"&se="_s;
        QTest::newRow("field without =") << prefix + sr + u'&' + sig + u"&se"_s;
        QTest::newRow("unknown field") << prefix + sr + u'&' + sig + u'&' + se + u"&x=1"_s;
        QTest::newRow("se not a number") << prefix + sr + u'&' + sig + u"&se=soon"_s;
        QTest::newRow("se negative") << prefix + sr + u'&' + sig + u"&se=-5"_s;
        QTest::newRow("se with sign") << prefix + sr + u'&' + sig + u"&se=+5"_s;
        QTest::newRow("se overflows") << prefix + sr + u'&' + sig + u"&se=99999999999999999999"_s;
        QTest::newRow("sig not base64") << prefix + sr + u"&sig=abc!def&"_s + se;
        QTest::newRow("sig bad escape") << prefix + sr + u"&sig=abc%3"_s + u'&' + se;
        QTest::newRow("sr bad escape") << prefix + u"sr=myhub%ZZ&"_s + sig + u'&' + se;
        QTest::newRow("5000 chars") << prefix + sr + u'&' + sig + u'&' + se + u"&skn="_s +
                                           QString(5000, u'a');
    }

    void parseRefuses()
    {
        QFETCH(QString, token);
        QString error;
        QVERIFY(!AzureSas::parse(token, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!AzureSas::verify(token, Key, Resource, 0, &error));
        QVERIFY(!error.isEmpty());
    }

    void verifyAccepts()
    {
        const QString token = AzureSas::token(Key, Resource, Expiry);
        QString error;
        QVERIFY2(AzureSas::verify(token, Key, Resource, Expiry - 1, &error), qPrintable(error));
        // Host names are DNS names, case-insensitive.
        QVERIFY2(AzureSas::verify(token, Key, u"MyHub.Azure-Devices.NET/devices/dev-1"_s, 0, &error),
                 qPrintable(error));
    }

    void verifyRefuses_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<qint64>("now");
        const QString token = AzureSas::token(Key, Resource, Expiry);
        const QByteArray otherKey = QByteArray(32, 'k').toBase64();
        QTest::newRow("wrong key") << token << otherKey << Resource << Expiry - 1;
        QTest::newRow("expires now") << token << Key << Resource << Expiry;
        QTest::newRow("expired") << token << Key << Resource << Expiry + 3600;
        QTest::newRow("other device")
            << token << Key << u"myhub.azure-devices.net/devices/dev-2"_s << qint64(0);
        // Device ids are case-sensitive in IoT Hub.
        QTest::newRow("device case") << token << Key << u"myhub.azure-devices.net/devices/DEV-1"_s
                                     << qint64(0);
        QTest::newRow("other hub") << token << Key << u"other.azure-devices.net/devices/dev-1"_s << qint64(0);
        QTest::newRow("hub-wide resource")
            << AzureSas::token(Key, u"myhub.azure-devices.net"_s, Expiry) << Key << Resource << qint64(0);
        // Signed for another device, then relabelled.
        QString relabelled = AzureSas::token(Key, u"myhub.azure-devices.net/devices/dev-2"_s, Expiry);
        relabelled.replace(u"dev-2"_s, u"dev-1"_s);
        QTest::newRow("relabelled resource") << relabelled << Key << Resource << qint64(0);
        QString extended = token;
        extended.replace(u"se=1700000000"_s, u"se=1800000000"_s);
        QTest::newRow("extended expiry") << extended << Key << Resource << Expiry + 1;
        // One bit of the signature flipped, still valid base64.
        const auto parsed = AzureSas::parse(token, nullptr);
        QByteArray signature = parsed->signature;
        signature[5] = char(signature[5] ^ 0x01);
        const QString tampered = u"SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev-1&sig=%1"
                                 u"&se=1700000000"_s.arg(QString::fromLatin1(
                                     QUrl::toPercentEncoding(QString::fromLatin1(signature.toBase64()))));
        QTest::newRow("tampered sig") << tampered << Key << Resource << qint64(0);
        QTest::newRow("short sig") << u"SharedAccessSignature sr=myhub.azure-devices.net%2Fdevices%2Fdev-1"
                                      u"&sig=Y385&se=1700000000"_s
                                   << Key << Resource << qint64(0);
    }

    void verifyRefuses()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, key);
        QFETCH(QString, resource);
        QFETCH(qint64, now);
        QString error;
        QVERIFY(!AzureSas::verify(token, key, resource, now, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAzureSas)
#include "tst_azuresas.moc"
