// AzureDeviceTopic: the IoT Hub topics from the device's side. What each inbound topic is and carries (the
// status, rid and version of a twin answer, a desired patch's version, a method's name and rid, a
// cloud-to-device message's device and bag), topics that lack what they must carry taken for nothing, and
// the topics a device answers on.

#include "dialects/azuredevicetopic.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AzureDeviceTopic;
using Kind = AzureDeviceTopic::Kind;

Q_DECLARE_METATYPE(Kind)

class TestAzureDeviceTopic final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rid");
        QTest::addColumn<qint64>("version");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("bag");

        QTest::newRow("twin get answer") << u"$iothub/twin/res/200/?$rid=7"_s << Kind::TwinResponse << 200
                                         << u"7"_s << qint64(-1) << QString() << QString() << QString();
        QTest::newRow("reported answer")
            << u"$iothub/twin/res/204/?$rid=abc&$version=12"_s << Kind::TwinResponse << 204 << u"abc"_s
            << qint64(12) << QString() << QString() << QString();
        QTest::newRow("version first") << u"$iothub/twin/res/400/?$version=3&$rid=r"_s << Kind::TwinResponse
                                       << 400 << u"r"_s << qint64(3) << QString() << QString() << QString();
        QTest::newRow("twin answer without rid")
            << u"$iothub/twin/res/200/?$version=3"_s << Kind::Unknown << 0 << QString() << qint64(-1)
            << QString() << QString() << QString();
        QTest::newRow("twin answer without status")
            << u"$iothub/twin/res/ok/?$rid=1"_s << Kind::Unknown << 0 << QString() << qint64(-1) << QString()
            << QString() << QString();
        QTest::newRow("desired") << u"$iothub/twin/PATCH/properties/desired/?$version=5"_s
                                 << Kind::DesiredPatch << 0 << QString() << qint64(5) << QString()
                                 << QString() << QString();
        QTest::newRow("desired, version not a number")
            << u"$iothub/twin/PATCH/properties/desired/?$version=x"_s << Kind::DesiredPatch << 0 << QString()
            << qint64(-1) << QString() << QString() << QString();
        QTest::newRow("negative version")
            << u"$iothub/twin/PATCH/properties/desired/?$version=-4"_s << Kind::DesiredPatch << 0 << QString()
            << qint64(-1) << QString() << QString() << QString();
        QTest::newRow("method") << u"$iothub/methods/POST/reboot/?$rid=1f"_s << Kind::MethodCall << 0
                                << u"1f"_s << qint64(-1) << u"reboot"_s << QString() << QString();
        QTest::newRow("method without rid") << u"$iothub/methods/POST/reboot/"_s << Kind::Unknown << 0
                                            << QString() << qint64(-1) << QString() << QString() << QString();
        QTest::newRow("method without name")
            << u"$iothub/methods/POST//?$rid=1"_s << Kind::Unknown << 0 << QString() << qint64(-1)
            << QString() << QString() << QString();
        QTest::newRow("cloud to device")
            << u"devices/d-1/messages/devicebound/%24.mid=m&k=v"_s << Kind::CloudMessage << 0 << QString()
            << qint64(-1) << QString() << u"d-1"_s << u"%24.mid=m&k=v"_s;
        QTest::newRow("cloud to device, no bag")
            << u"devices/d-1/messages/devicebound"_s << Kind::CloudMessage << 0 << QString() << qint64(-1)
            << QString() << u"d-1"_s << QString();
        QTest::newRow("device to cloud is not for a device")
            << u"devices/d-1/messages/events/a=1"_s << Kind::Unknown << 0 << QString() << qint64(-1)
            << QString() << QString() << QString();
        QTest::newRow("other") << u"telemetry/d-1"_s << Kind::Unknown << 0 << QString() << qint64(-1)
                               << QString() << QString() << QString();
    }

    void parse()
    {
        QFETCH(QString, topic);
        const AzureDeviceTopic parsed = AzureDeviceTopic::parse(topic);
        QTEST(parsed.kind, "kind");
        QTEST(parsed.status, "status");
        QTEST(parsed.rid, "rid");
        QTEST(parsed.version, "version");
        QTEST(parsed.method, "method");
        QTEST(parsed.deviceId, "device");
        QTEST(parsed.bag, "bag");
    }

    void queryValue()
    {
        QCOMPARE(AzureDeviceTopic::queryValue(u"a/?$rid=1&$version=2", u"$version"), u"2"_s);
        QCOMPARE(AzureDeviceTopic::queryValue(u"a/?$rid=1&$version=2", u"$rid"), u"1"_s);
        // A key that only starts like the one asked for is another key.
        QCOMPARE(AzureDeviceTopic::queryValue(u"a/?$ridx=1", u"$rid"), QString());
        QCOMPARE(AzureDeviceTopic::queryValue(u"a/$rid=1", u"$rid"), QString());
        QCOMPARE(AzureDeviceTopic::queryValue(u"a/?$rid=", u"$rid"), QString());
    }

    void topicsADeviceWrites()
    {
        QCOMPARE(AzureDeviceTopic::twinGet(u"3"_s), u"$iothub/twin/GET/?$rid=3"_s);
        QCOMPARE(AzureDeviceTopic::twinReported(u"4"_s), u"$iothub/twin/PATCH/properties/reported/?$rid=4"_s);
        QCOMPARE(AzureDeviceTopic::methodResponse(200, u"5"_s), u"$iothub/methods/res/200/?$rid=5"_s);
        QCOMPARE(AzureDeviceTopic::deviceToCloud(u"d"_s, u"a=1"_s), u"devices/d/messages/events/a=1"_s);
        QCOMPARE(AzureDeviceTopic::deviceToCloud(u"d"_s, QString()), u"devices/d/messages/events/"_s);
        QCOMPARE(AzureDeviceTopic::subscriptions(u"d"_s),
                 (QStringList{u"$iothub/twin/res/#"_s, u"$iothub/methods/POST/#"_s,
                              u"$iothub/twin/PATCH/properties/desired/#"_s,
                              u"devices/d/messages/devicebound/#"_s}));
        // The rid a device puts in its request is the one parse() finds in the answer to it.
        const QString request = AzureDeviceTopic::twinGet(u"a1-9"_s);
        const AzureDeviceTopic answer =
            AzureDeviceTopic::parse(u"$iothub/twin/res/200/"_s + request.mid(request.indexOf(u'?')));
        QCOMPARE(answer.kind, AzureDeviceTopic::Kind::TwinResponse);
        QCOMPARE(answer.rid, u"a1-9"_s);
    }
};

QTEST_GUILESS_MAIN(TestAzureDeviceTopic)
#include "tst_azuredevicetopic.moc"
