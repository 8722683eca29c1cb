// AzurePropertyBag: IoT Hub's message property bags. System properties apart from application ones,
// percent-decoding only ('+' is a plus), round trips through encode(), the bounds, hostile bags refused
// before any work, and the device id and bag split out of device-to-cloud and cloud-to-device topics.

#include "dialects/azurepropertybag.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::AzurePropertyBag;
using Properties = QList<QPair<QString, QString>>;
using Direction = AzurePropertyBag::Direction;

Q_DECLARE_METATYPE(Direction)

class TestAzurePropertyBag final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseLines()
    {
        QString error;
        const auto parsed =
            AzurePropertyBag::parseLines(u"a=1\n\n  b = two words \nurl=x?y=z\n$.ct=text/plain"_s, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, (Properties{{u"a"_s, u"1"_s},
                                      {u"b"_s, u"two words"_s},
                                      {u"url"_s, u"x?y=z"_s},
                                      {u"$.ct"_s, u"text/plain"_s}}));
        QVERIFY(AzurePropertyBag::parseLines(QString(), &error)->isEmpty());
        QVERIFY(!AzurePropertyBag::parseLines(u"a=1\nnot a property"_s, &error));
        QVERIFY2(error.contains(u"Line 2"_s), qPrintable(error));
        QVERIFY(!AzurePropertyBag::parseLines(u"=value"_s, &error));
    }

    void decode_data()
    {
        QTest::addColumn<QString>("bag");
        QTest::addColumn<Properties>("system");
        QTest::addColumn<Properties>("application");
        QTest::newRow("empty") << QString() << Properties{} << Properties{};
        QTest::newRow("one") << u"a=1"_s << Properties{} << Properties{{u"a"_s, u"1"_s}};
        QTest::newRow("system apart")
            << u"$.mid=m-1&temp=hot&$.ct=application%2Fjson&$.ce=utf-8&$.cid=c-9&$.to=%2Fdevices%2Fd&"
               u"$.exp=2030-01-01T00%3A00%3A00Z&iothub-ack=full&unit=C"_s
            << Properties{{u"$.mid"_s, u"m-1"_s},       {u"$.ct"_s, u"application/json"_s},
                          {u"$.ce"_s, u"utf-8"_s},      {u"$.cid"_s, u"c-9"_s},
                          {u"$.to"_s, u"/devices/d"_s}, {u"$.exp"_s, u"2030-01-01T00:00:00Z"_s},
                          {u"iothub-ack"_s, u"full"_s}}
            << Properties{{u"temp"_s, u"hot"_s}, {u"unit"_s, u"C"_s}};
        QTest::newRow("encoded system key")
            << u"%24.ct=text%2Fplain"_s << Properties{{u"$.ct"_s, u"text/plain"_s}} << Properties{};
        QTest::newRow("plus stays plus")
            << u"a=1+1&b+c=x"_s << Properties{} << Properties{{u"a"_s, u"1+1"_s}, {u"b+c"_s, u"x"_s}};
        QTest::newRow("%2B is plus, %20 a blank")
            << u"a=1%2B1%201"_s << Properties{} << Properties{{u"a"_s, u"1+1 1"_s}};
        QTest::newRow("%2F in a value")
            << u"path=a%2Fb%2Fc"_s << Properties{} << Properties{{u"path"_s, u"a/b/c"_s}};
        QTest::newRow("key without =")
            << u"flag&a=1"_s << Properties{} << Properties{{u"flag"_s, QString()}, {u"a"_s, u"1"_s}};
        QTest::newRow("empty value") << u"a="_s << Properties{} << Properties{{u"a"_s, QString()}};
        QTest::newRow("= in a value") << u"k=a=b"_s << Properties{} << Properties{{u"k"_s, u"a=b"_s}};
        QTest::newRow("empty segments")
            << u"&a=1&&b=2&"_s << Properties{} << Properties{{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}};
        QTest::newRow("utf-8") << u"name=caf%C3%A9&%E2%82%AC=1"_s << Properties{}
                               << Properties{{u"name"_s, u"caf\u00e9"_s}, {u"\u20ac"_s, u"1"_s}};
        QTest::newRow("lowercase hex") << u"a=%2f"_s << Properties{} << Properties{{u"a"_s, u"/"_s}};
        QTest::newRow("duplicates kept")
            << u"a=1&a=2"_s << Properties{} << Properties{{u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}};
        QTest::newRow("64 properties")
            << QStringList(64, u"k=v"_s).join(u'&') << Properties{} << Properties(64, {u"k"_s, u"v"_s});
    }

    void decode()
    {
        QFETCH(QString, bag);
        QFETCH(Properties, system);
        QFETCH(Properties, application);
        QString error;
        const auto decoded = AzurePropertyBag::decode(bag, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->system, system);
        QCOMPARE(decoded->application, application);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("bag");
        QTest::newRow("lone %") << u"a=%"_s;
        QTest::newRow("one hex digit") << u"a=%2"_s;
        QTest::newRow("not hex") << u"a=%zz"_s;
        QTest::newRow("half hex") << u"a=%2G&b=1"_s;
        QTest::newRow("bad escape in key") << u"%x=1"_s;
        QTest::newRow("not utf-8") << u"a=%FF%FE"_s;
        QTest::newRow("truncated utf-8") << u"a=%C3"_s;
        QTest::newRow("no name") << u"=v"_s;
        QTest::newRow("65 properties") << QStringList(65, u"k=v"_s).join(u'&');
        QTest::newRow("8 KB + 1") << u"a="_s + QString(AzurePropertyBag::MaxBagChars - 1, u'x');
    }

    void refuses()
    {
        QFETCH(QString, bag);
        QString error;
        QVERIFY(!AzurePropertyBag::decode(bag, &error));
        QVERIFY(!error.isEmpty());
    }

    void largestAccepted()
    {
        const QString bag = u"a="_s + QString(AzurePropertyBag::MaxBagChars - 2, u'x');
        QString error;
        QVERIFY2(AzurePropertyBag::decode(bag, &error), qPrintable(error));
    }

    void hostile_data()
    {
        QTest::addColumn<QString>("bag");
        QTest::newRow("100,000 chars") << u"a="_s + QString(100'000, u'%');
        QTest::newRow("10,000 properties") << QStringList(10'000, u"k"_s).join(u'&');
        // Under the size bound, so the property count has to stop it.
        QTest::newRow("4,000 properties in 8 KB") << QStringList(4'000, u"k"_s).join(u'&');
    }

    void hostile()
    {
        QFETCH(QString, bag);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!AzurePropertyBag::decode(bag, &error));
        // Refused before any decoding: well under a millisecond here; the bound leaves room for a slow CI.
        QVERIFY2(timer.elapsed() < 50, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QVERIFY(!error.isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<Properties>("properties");
        QTest::newRow("none") << Properties{};
        QTest::newRow("plain") << Properties{{u"a"_s, u"1"_s}, {u"b"_s, u"two"_s}};
        QTest::newRow("separators") << Properties{{u"k&=/"_s, u"v&=/?"_s}, {u"x"_s, u"a=b&c=d"_s}};
        QTest::newRow("wildcards") << Properties{{u"+#"_s, u"1+1#"_s}};
        QTest::newRow("percent") << Properties{{u"p%"_s, u"100%25"_s}};
        QTest::newRow("blanks and unicode") << Properties{{u"na me"_s, u"caf\u00e9 \u20ac"_s}};
        QTest::newRow("empty value") << Properties{{u"flag"_s, QString()}};
        QTest::newRow("system") << Properties{{u"$.ct"_s, u"application/json"_s}, {u"$.ce"_s, u"utf-8"_s}};
    }

    void roundTrip()
    {
        QFETCH(Properties, properties);
        const QString bag = AzurePropertyBag::encode(properties);
        // A topic name may hold no wildcard, and a bag is one topic level.
        QVERIFY2(!bag.contains(u'+') && !bag.contains(u'#') && !bag.contains(u'/'), qPrintable(bag));
        QString error;
        const auto decoded = AzurePropertyBag::decode(bag, &error);
        QVERIFY2(decoded, qPrintable(error));
        Properties all = decoded->system + decoded->application;
        Properties expected;
        for (const auto &p : properties)
            if (AzurePropertyBag::isSystemProperty(p.first))
                expected.append(p);
        for (const auto &p : properties)
            if (!AzurePropertyBag::isSystemProperty(p.first))
                expected.append(p);
        QCOMPARE(all, expected);
    }

    void encodeKeepsSystemKeysReadable()
    {
        QCOMPARE(AzurePropertyBag::encode(
                     {{u"$.ct"_s, u"application/json"_s}, {u"$.ce"_s, u"utf-8"_s}, {u"a b"_s, u"1+1"_s}}),
                 u"$.ct=application%2Fjson&$.ce=utf-8&a%20b=1%2B1"_s);
    }

    void splitTopic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<Direction>("direction");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<QString>("bag");
        const Direction d2c = Direction::DeviceToCloud;
        const Direction c2d = Direction::CloudToDevice;
        QTest::newRow("events with bag")
            << u"devices/dev-1/messages/events/a=1&$.ct=x"_s << d2c << true << u"dev-1"_s << u"a=1&$.ct=x"_s;
        QTest::newRow("events, empty bag")
            << u"devices/dev-1/messages/events/"_s << d2c << true << u"dev-1"_s << QString();
        QTest::newRow("events, no bag")
            << u"devices/dev-1/messages/events"_s << d2c << true << u"dev-1"_s << QString();
        QTest::newRow("bag with /") << u"devices/d/messages/events/a=1/2"_s << d2c << true << u"d"_s
                                    << u"a=1/2"_s;
        QTest::newRow("devicebound") << u"devices/dev-1/messages/devicebound/%24.mid=7&x=y"_s << c2d << true
                                     << u"dev-1"_s << u"%24.mid=7&x=y"_s;
        QTest::newRow("devicebound, no bag")
            << u"devices/dev-1/messages/devicebound"_s << c2d << true << u"dev-1"_s << QString();
        QTest::newRow("wrong direction")
            << u"devices/dev-1/messages/devicebound/a=1"_s << d2c << false << QString() << QString();
        QTest::newRow("wrong direction 2")
            << u"devices/dev-1/messages/events/a=1"_s << c2d << false << QString() << QString();
        QTest::newRow("empty device")
            << u"devices//messages/events/a=1"_s << d2c << false << QString() << QString();
        QTest::newRow("device +") << u"devices/+/messages/events/"_s << d2c << false << QString()
                                  << QString();
        QTest::newRow("device #") << u"devices/a#/messages/events/"_s << d2c << false << QString()
                                  << QString();
        QTest::newRow("eventsX") << u"devices/d/messages/eventsX/a=1"_s << d2c << false << QString()
                                 << QString();
        QTest::newRow("two levels of id")
            << u"devices/a/b/messages/events/"_s << d2c << false << QString() << QString();
        QTest::newRow("no messages") << u"devices/d"_s << d2c << false << QString() << QString();
        QTest::newRow("other prefix")
            << u"$iothub/twin/res/200/?$rid=1"_s << d2c << false << QString() << QString();
        QTest::newRow("Devices") << u"Devices/d/messages/events/"_s << d2c << false << QString() << QString();
    }

    void splitTopic()
    {
        QFETCH(QString, topic);
        QFETCH(Direction, direction);
        QFETCH(bool, matches);
        QFETCH(QString, deviceId);
        QFETCH(QString, bag);
        const auto split = AzurePropertyBag::splitTopic(topic, direction);
        QCOMPARE(split.has_value(), matches);
        if (matches) {
            QCOMPARE(split->first, deviceId);
            QCOMPARE(split->second, bag);
        }
    }
};

QTEST_GUILESS_MAIN(TestAzurePropertyBag)
#include "tst_azurepropertybag.moc"
