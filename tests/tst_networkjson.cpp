// NetworkJson: the size, depth and width checks made before anything from the network is parsed. The hostile
// documents are the ones that crashed consoles: 400 KB of "[" 200,000 deep, and the same inside an object.

#include "common/networkjson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::NetworkJson;

namespace {

QByteArray nested(int depth, const QByteArray &open = "[", const QByteArray &close = "]")
{
    return open.repeated(depth) + close.repeated(depth);
}

// {"k0":0,"k1":1,…} of members members.
QByteArray wide(qsizetype members)
{
    QByteArray text = "{";
    for (qsizetype i = 0; i < members; ++i)
        text += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":" + QByteArray::number(i);
    return text + "}";
}

} // namespace

class TestNetworkJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestingDepth_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("depth");
        QTest::newRow("scalar") << QByteArray("42") << 0;
        QTest::newRow("string") << QByteArray("\"[[[{{{\"") << 0;
        QTest::newRow("empty array") << QByteArray("[]") << 1;
        QTest::newRow("object") << QByteArray("{\"a\":1}") << 1;
        QTest::newRow("two levels") << QByteArray("{\"a\":{\"b\":[1]}}") << 3;
        QTest::newRow("siblings") << QByteArray("[[1],[2],[[3]]]") << 3;
        QTest::newRow("escaped quote") << QByteArray("{\"a\\\"[[[\":\"\\\\\"}") << 1;
        QTest::newRow("brackets in values") << QByteArray("{\"a\":\"]]]]\",\"b\":{\"c\":\"[[\"}}") << 2;
        QTest::newRow("unbalanced closes") << QByteArray("]]]][") << 1;
        QTest::newRow("unterminated string") << QByteArray("[\"abc") << 1;
    }

    void nestingDepth()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, depth);
        QCOMPARE(NetworkJson::nestingDepth(text), depth);
    }

    void stopsCountingPastTheLimit() { QCOMPARE(NetworkJson::nestingDepth(nested(1000), 10), 11); }

    void readsOrdinaryDocuments()
    {
        QString error;
        const std::optional<Json> json = NetworkJson::parse("{\"b\":1,\"a\":[true,null,\"x\"]}", &error);
        QVERIFY2(json, qPrintable(error));
        QCOMPARE(json->begin().key(), "b"); // ordered, as the device wrote it
        QCOMPARE((*json)["a"].size(), 3u);
        QVERIFY(NetworkJson::parse(nested(NetworkJson::DefaultMaxDepth)));
    }

    void refusesWhatCannotBeReadSafely_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("400 KB of [ 200,000 deep") << nested(200000) << u"deeper"_s;
        QTest::newRow("objects 30,000 deep") << nested(30000, "{\"a\":", "}") << u"deeper"_s;
        QTest::newRow("one level too deep") << nested(NetworkJson::DefaultMaxDepth + 1) << u"deeper"_s;
        QTest::newRow("deep under a string") << ("[\"[[[\"," + nested(5000) + "]") << u"deeper"_s;
        QTest::newRow("over the size limit")
            << ("\"" + QByteArray(NetworkJson::DefaultMaxBytes, 'x') + "\"") << u"bytes"_s;
        QTest::newRow("one object of 2,049 members")
            << wide(NetworkJson::DefaultMaxMembers + 1) << u"members"_s;
        QTest::newRow("a wide object under an array")
            << ("[1,{\"x\":[]}," + wide(NetworkJson::DefaultMaxMembers + 1) + "]") << u"members"_s;
        QTest::newRow("not JSON") << QByteArray("{\"a\":") << u"not valid JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
        QTest::newRow("garbage bytes") << QByteArray("\xff\xfe\x00\x01", 4) << u"not valid JSON"_s;
    }

    void refusesWhatCannotBeReadSafely()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!NetworkJson::parse(text, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
    }

    // Members count per object: many objects of many members each are read, colons in strings and keys
    // do not count, and an object's members end with it.
    void membersPerObject()
    {
        QVERIFY(NetworkJson::parse(wide(NetworkJson::DefaultMaxMembers)));
        QByteArray many = "[";
        for (int i = 0; i < 4; ++i)
            many += wide(NetworkJson::DefaultMaxMembers) + ",";
        many += "{\"a\":{\"b\":1,\"c:d\":\"e:f\"}}]";
        const NetworkJson::Shape shape = NetworkJson::shapeOf(many);
        QCOMPARE(shape.widestObject, NetworkJson::DefaultMaxMembers);
        QCOMPARE(shape.members, 4 * NetworkJson::DefaultMaxMembers + 3);
        QCOMPARE(shape.depth, 3);
        QVERIFY(NetworkJson::parse(many));
        QVERIFY(!NetworkJson::parse(wide(10), {1000, 64, 9}));
    }

    // What a view shows as JSON: an object or an array, whitespace around it; not a bare scalar, and not
    // what parse() refuses.
    void documents()
    {
        QVERIFY(NetworkJson::parseDocument("  {\"a\":1}\n"));
        QVERIFY(NetworkJson::parseDocument("[1,2]"));
        QVERIFY(!NetworkJson::parseDocument("42"));
        QVERIFY(!NetworkJson::parseDocument("\"text\""));
        QVERIFY(!NetworkJson::parseDocument("   "));
        QVERIFY(!NetworkJson::parseDocument("{\"a\":"));
        QVERIFY(!NetworkJson::parseDocument(nested(200000)));
    }

    void limitsAreTheCallers()
    {
        QVERIFY(!NetworkJson::parse("{\"a\":[1]}", {8, 64}));
        QVERIFY(!NetworkJson::parse("{\"a\":[1]}", {100, 1}));
        QVERIFY(NetworkJson::parse("{\"a\":[1]}", {100, 2}));
    }
};

QTEST_GUILESS_MAIN(TestNetworkJson)
#include "tst_networkjson.moc"
