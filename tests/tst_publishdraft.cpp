// PublishDraft (and the HexBytes it reads hex with): typed text to the bytes it stands for, in each format,
// with the position of the first error; the bytes back to the text the editor shows; JSON pretty-printed.

#include "common/hexbytes.h"
#include "mqtt/publishdraft.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::HexBytes;
using fleet::PublishDraft;
using Format = PublishDraft::Format;

class TestPublishDraft final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("errorPosition"); // -1: none
        QTest::addColumn<QString>("words");

        QTest::newRow("spaced") << u"de ad be ef"_s << "\xde\xad\xbe\xef"_ba << -1 << QString();
        QTest::newRow("packed") << u"deadbeef"_s << "\xde\xad\xbe\xef"_ba << -1 << QString();
        QTest::newRow("upper case, lines, tabs")
            << u"DE AD\n\tBE\r\nEF  "_s << "\xde\xad\xbe\xef"_ba << -1 << QString();
        QTest::newRow("groups of whole bytes")
            << u"dead beef 00"_s << "\xde\xad\xbe\xef\x00"_ba << -1 << QString();
        QTest::newRow("empty") << QString() << QByteArray() << -1 << QString();
        QTest::newRow("odd group") << u"dea dbeef"_s << QByteArray() << 0 << u"odd number"_s;
        QTest::newRow("odd end") << u"de ad b"_s << QByteArray() << 6 << u"Line 1, column 7"_s;
        QTest::newRow("not hex") << u"de zz"_s << QByteArray() << 3 << u"'z'"_s;
        QTest::newRow("0x prefix") << u"0x01"_s << QByteArray() << 1 << u"'x'"_s;
        QTest::newRow("second line") << u"00\n0g"_s << QByteArray() << 4 << u"Line 2, column 2"_s;
    }

    void hex()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(int, errorPosition);
        QFETCH(QString, words);
        const auto parsed = HexBytes::parse(text);
        if (errorPosition < 0) {
            QVERIFY(std::holds_alternative<QByteArray>(parsed));
            QCOMPARE(std::get<QByteArray>(parsed), bytes);
        } else {
            QVERIFY(std::holds_alternative<HexBytes::Error>(parsed));
            const HexBytes::Error &error = std::get<HexBytes::Error>(parsed);
            QCOMPARE(error.position, errorPosition);
            QVERIFY2(error.message.contains(words), qPrintable(error.message));
        }
    }

    void hexFormat()
    {
        QCOMPARE(HexBytes::format("\xde\xad\xbe\xef"_ba), u"de ad be ef"_s);
        QCOMPARE(HexBytes::format(QByteArray()), QString());
        QCOMPARE(HexBytes::format(QByteArray(17, '\x01')),
                 u"01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01\n01"_s);
        QByteArray all;
        for (int b = 0; b < 256; ++b)
            all.append(char(b));
        QCOMPARE(std::get<QByteArray>(HexBytes::parse(HexBytes::format(all))), all);
    }

    void encode()
    {
        QCOMPARE(std::get<QByteArray>(PublishDraft::encode(u"héllo"_s, Format::Text)), u"héllo"_s.toUtf8());
        // JSON is checked and sent as typed, not reformatted.
        QCOMPARE(std::get<QByteArray>(PublishDraft::encode(u"{ \"a\" : 1 }"_s, Format::Json)),
                 "{ \"a\" : 1 }"_ba);
        auto bad = PublishDraft::encode(u"{\"a\": 1,\n \"b\": }"_s, Format::Json);
        QVERIFY(std::holds_alternative<PublishDraft::PayloadError>(bad));
        QVERIFY2(std::get<PublishDraft::PayloadError>(bad).message.startsWith(u"Line 2, column 7"_s),
                 qPrintable(std::get<PublishDraft::PayloadError>(bad).message));
        QCOMPARE(std::get<PublishDraft::PayloadError>(bad).position, 15);
        QVERIFY(
            std::holds_alternative<PublishDraft::PayloadError>(PublishDraft::encode(u"  "_s, Format::Json)));
        // Pasted JSON nested past the bound is refused before it is parsed.
        const QString deep = QString(100, u'[') + QString(100, u']');
        bad = PublishDraft::encode(deep, Format::Json);
        QVERIFY(std::get<PublishDraft::PayloadError>(bad).message.contains(u"deeper"_s));
        QCOMPARE(std::get<QByteArray>(PublishDraft::encode(u"41 42"_s, Format::Hex)), "AB"_ba);
        QVERIFY(
            std::holds_alternative<PublishDraft::PayloadError>(PublishDraft::encode(u"4"_s, Format::Hex)));
    }

    void decodeAndPretty()
    {
        QCOMPARE(PublishDraft::decode("AB"_ba, Format::Hex), u"41 42"_s);
        QCOMPARE(PublishDraft::decode("AB"_ba, Format::Text), u"AB"_s);
        QCOMPARE(PublishDraft::prettyJson(u"{\"a\":[1,{\"b\":null}]}"_s).value_or(QString()),
                 u"{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}"_s);
        PublishDraft::PayloadError error;
        QVERIFY(!PublishDraft::prettyJson(u"{"_s, &error));
        QVERIFY(error.message.startsWith(u"Line 1"_s));
    }

    void keysAndMessage()
    {
        for (const Format f : {Format::Text, Format::Json, Format::Hex})
            QCOMPARE(PublishDraft::formatFromKey(PublishDraft::formatKey(f)), std::optional(f));
        QVERIFY(!PublishDraft::formatFromKey(u"morse"_s));
        PublishDraft d;
        d.topic = u"a/b"_s;
        d.payload = "p"_ba;
        d.qos = 2;
        d.retain = true;
        d.properties.contentType = u"text/plain"_s;
        const fleet::MqttMessage m = d.message();
        QCOMPARE(m.topic(), u"a/b"_s);
        QCOMPARE(m.payload(), "p"_ba);
        QCOMPARE(m.qos(), 2);
        QVERIFY(m.retain());
        QCOMPARE(m.properties().contentType, std::optional<QString>(u"text/plain"_s));
        QVERIFY(d.message(false).properties().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestPublishDraft)
#include "tst_publishdraft.moc"
