// PayloadDiff: JSON changes by path (nested members added, removed and changed; arrays index by index; key
// order and spacing irrelevant), line diffs of text, a summary of binary payloads, the bounds on large
// input, malformed JSON compared as text, and hostile nesting refused by the parser without harm.

#include "common/networkjson.h"
#include "common/payloaddiff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::PayloadDiff;

using Kind = PayloadDiff::ChangeKind;
using LineKind = PayloadDiff::LineKind;

namespace {

PayloadDiff::JsonChange change(const QString &path, Kind kind, const QString &before, const QString &after)
{
    return {path, kind, before, after};
}

QString render(const QList<PayloadDiff::Line> &lines)
{
    QString text;
    for (const PayloadDiff::Line &line : lines) {
        text += line.kind == LineKind::Same ? u' ' : line.kind == LineKind::Added ? u'+' : u'-';
        text += line.text;
        text += u'\n';
    }
    return text;
}

} // namespace

class TestPayloadDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonNestedChanges()
    {
        const PayloadDiff diff = PayloadDiff::compare(
            R"({"id":"dev-1","sensors":[{"temp":21.5,"hum":40},{"temp":19}],"fw":{"version":"1.2","build":7},"old":true})",
            R"({"id":"dev-1","sensors":[{"temp":22,"hum":40},{"temp":19,"unit":"C"}],"fw":{"version":"1.3","build":7},"new":[1,2]})");
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Json);
        QVERIFY(!diff.isIdentical());
        QVERIFY(!diff.truncated());
        const QList<PayloadDiff::JsonChange> expected = {
            change(u"/sensors/0/temp"_s, Kind::Changed, u"21.5"_s, u"22"_s),
            change(u"/sensors/1/unit"_s, Kind::Added, QString(), u"\"C\""_s),
            change(u"/fw/version"_s, Kind::Changed, u"\"1.2\""_s, u"\"1.3\""_s),
            change(u"/old"_s, Kind::Removed, u"true"_s, QString()),
            change(u"/new"_s, Kind::Added, QString(), u"[1,2]"_s),
        };
        QVERIFY(diff.changes() == expected);
        QCOMPARE(diff.summary(), u"5 changes: 2 added, 1 removed, 2 changed"_s);
    }

    void jsonArraysIndexByIndex()
    {
        PayloadDiff diff = PayloadDiff::compare("[1,2,3]", "[1,5]");
        QVERIFY(diff.changes() ==
                (QList<PayloadDiff::JsonChange>{change(u"/1"_s, Kind::Changed, u"2"_s, u"5"_s),
                                                change(u"/2"_s, Kind::Removed, u"3"_s, QString())}));
        diff = PayloadDiff::compare(R"({"a":[]})", R"({"a":[{"x":1},null]})");
        QVERIFY(diff.changes() ==
                (QList<PayloadDiff::JsonChange>{change(u"/a/0"_s, Kind::Added, QString(), u"{\"x\":1}"_s),
                                                change(u"/a/1"_s, Kind::Added, QString(), u"null"_s)}));
        QCOMPARE(diff.summary(), u"2 changes: 2 added"_s);
        // A value that changes type is one change, whole.
        diff = PayloadDiff::compare(R"({"a":{"b":1}})", R"({"a":[1]})");
        QVERIFY(diff.changes() ==
                (QList<PayloadDiff::JsonChange>{change(u"/a"_s, Kind::Changed, u"{\"b\":1}"_s, u"[1]"_s)}));
        QCOMPARE(diff.summary(), u"1 change: 1 changed"_s);
    }

    void jsonKeyOrderAndSpacingDoNotMatter()
    {
        const PayloadDiff diff = PayloadDiff::compare(
            R"({"a":1,"b":{"c":[1,2],"d":"x"}})", "{ \"b\": {\"d\": \"x\", \"c\": [1, 2]},\n \"a\": 1.0 }");
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Json);
        QVERIFY(diff.isIdentical());
        QVERIFY(diff.changes().isEmpty());
        QCOMPARE(diff.summary(), u"No differences"_s);
    }

    void jsonPathsAreJsonPointers()
    {
        const PayloadDiff diff = PayloadDiff::compare(R"({"a/b":{"m~n":1}})", R"({"a/b":{"m~n":2}})");
        QCOMPARE(diff.changes().size(), 1);
        QCOMPARE(diff.changes().at(0).path, u"/a~1b/m~0n"_s);
        // Scalars at the top: the document itself changed.
        const PayloadDiff scalar = PayloadDiff::compare("21.5", "22");
        QCOMPARE(scalar.mode(), PayloadDiff::Mode::Json);
        QVERIFY(scalar.changes() ==
                (QList<PayloadDiff::JsonChange>{change(QString(), Kind::Changed, u"21.5"_s, u"22"_s)}));
    }

    void jsonValuesAreCutAndChangesBounded()
    {
        const QByteArray longString = "\"" + QByteArray(1000, 'v') + "\"";
        PayloadDiff diff = PayloadDiff::compare("{\"s\":\"short\"}", "{\"s\":" + longString + "}");
        QCOMPARE(diff.changes().size(), 1);
        QCOMPARE(diff.changes().at(0).newValue.size(), PayloadDiff::MaxValueCharacters + 1);
        QVERIFY(diff.changes().at(0).newValue.endsWith(QChar(0x2026)));
        QVERIFY(!diff.truncated());

        // 2,000 members each changed: the first MaxChanges are listed, and the diff says it stopped.
        QByteArray before = "{";
        QByteArray after = "{";
        for (int i = 0; i < 2000; ++i) {
            const QByteArray comma = i > 0 ? "," : "";
            before += comma + "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
            after += comma + "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i + 1);
        }
        before += "}";
        after += "}";
        diff = PayloadDiff::compare(before, after);
        QCOMPARE(diff.changes().size(), PayloadDiff::MaxChanges);
        QVERIFY(diff.truncated());
        QCOMPARE(diff.changes().at(999).path, u"/k999"_s);
        QVERIFY(diff.summary().endsWith(
            u"(compared in part: the payloads are too long or differ in too many places)"_s));
    }

    // Large objects are compared as JSON up to what NetworkJson parses (members found through a hash, not
    // by scanning each other); beyond, as text. (What it costs is bench_ui's to measure, not a test's.)
    void largeObjects()
    {
        const auto object = [](int members, bool reversed) {
            QByteArray text = "{";
            for (int i = 0; i < members; ++i)
                text += (i > 0 ? "," : "") +
                        ("\"m" + QByteArray::number(reversed ? members - 1 - i : i) + "\":1");
            return text + "}";
        };
        const int widest = int(fleet::NetworkJson::DefaultMaxMembers);
        PayloadDiff diff = PayloadDiff::compare(object(widest, false), object(widest, true));
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Json);
        QVERIFY(diff.isIdentical());

        // One member more than one object may have: compared as text.
        diff = PayloadDiff::compare(object(widest + 1, false), object(widest + 1, true));
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
        QVERIFY(!diff.isIdentical());
        // More than MaxJsonMembers in all, in objects each small enough: text as well.
        QByteArray many = "[";
        for (qsizetype i = 0; i * 1000 <= PayloadDiff::MaxJsonMembers; ++i)
            many += (i > 0 ? "," : "") + object(1000, false);
        many += "]";
        QCOMPARE(PayloadDiff::compare(many, many + " ").mode(), PayloadDiff::Mode::Text);
        // The count is of members, not of colons inside strings.
        QCOMPARE(PayloadDiff::compare("{\"a\":\"" + QByteArray(20'000, ':') + "\"}", "{\"a\":1}").mode(),
                 PayloadDiff::Mode::Json);
    }

    void textLines()
    {
        const PayloadDiff diff =
            PayloadDiff::compare("mode=eco\nfan=2\nled=on\nend\n", "mode=eco\nfan=3\nled=on\nbeep=1\nend\n");
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
        QVERIFY(!diff.isIdentical());
        QVERIFY(!diff.truncated());
        QCOMPARE(render(diff.lines()), u" mode=eco\n-fan=2\n+fan=3\n led=on\n+beep=1\n end\n"_s);
        QCOMPARE(diff.summary(), u"Lines: 2 added, 1 removed"_s);

        const PayloadDiff same = PayloadDiff::compare("a\r\nb", "a\r\nb");
        QVERIFY(same.isIdentical());
        QCOMPARE(render(same.lines()), u" a\n b\n"_s);
        QCOMPARE(same.summary(), u"No differences"_s);

        const PayloadDiff breaks = PayloadDiff::compare("a\r\nb\r\n", "a\nb\n");
        QVERIFY(!breaks.isIdentical());
        QCOMPARE(breaks.summary(), u"The lines are the same; only line breaks differ"_s);

        const PayloadDiff fromEmpty = PayloadDiff::compare(QByteArray(), "online");
        QCOMPARE(fromEmpty.mode(), PayloadDiff::Mode::Text);
        QCOMPARE(render(fromEmpty.lines()), u"+online\n"_s);
    }

    void malformedJsonFallsBackToText()
    {
        const PayloadDiff diff = PayloadDiff::compare("{\"a\":1,", "{\"a\":2}");
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
        QCOMPARE(render(diff.lines()), u"-{\"a\":1,\n+{\"a\":2}\n"_s);
        // One side JSON is not enough.
        QCOMPARE(PayloadDiff::compare("{\"a\":1}", "not json").mode(), PayloadDiff::Mode::Text);
    }

    void binaryPayloads()
    {
        const QByteArray before("\x00\x01\x02\x03\x04\x05", 6);
        const QByteArray after("\x00\x01\xff\x03\xfe\x05\x06\x07", 8);
        const PayloadDiff diff = PayloadDiff::compare(before, after);
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Binary);
        QCOMPARE(diff.differingBytes(), 4); // two in place, two more at the end
        QCOMPARE(diff.firstDifference(), 2);
        QCOMPARE(diff.summary(), u"Differ in 4 bytes, first at offset 2"_s);

        const PayloadDiff one = PayloadDiff::compare(before, QByteArray("\x00\x01\x02\x03\x04\x06", 6));
        QCOMPARE(one.summary(), u"Differ in 1 byte, at offset 5"_s);
        const PayloadDiff longer = PayloadDiff::compare(before, before + 'x');
        QCOMPARE(longer.firstDifference(), 6);
        const PayloadDiff same = PayloadDiff::compare(before, before);
        QVERIFY(same.isIdentical());
        QCOMPARE(same.firstDifference(), -1);
        QCOMPARE(same.summary(), u"No differences"_s);
        // Invalid UTF-8 on one side only is enough.
        QCOMPARE(PayloadDiff::compare("text", "te\xc3\x28xt").mode(), PayloadDiff::Mode::Binary);
    }

    void longTextIsComparedOnAPrefix()
    {
        QByteArray before;
        QByteArray after;
        for (int i = 0; i < 5000; ++i) {
            before += "line " + QByteArray::number(i) + '\n';
            after += "line " + QByteArray::number(i % 7 == 0 ? -i : i) + '\n';
        }
        PayloadDiff diff = PayloadDiff::compare(before, after);
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
        QVERIFY(diff.truncated());
        qsizetype removed = 0;
        qsizetype same = 0;
        for (const PayloadDiff::Line &line : diff.lines()) {
            removed += line.kind == LineKind::Removed;
            same += line.kind == LineKind::Same;
        }
        // Of the first 2,000 lines, every seventh but line 0 changed (7, 14, ..., 1995: 285 of them).
        QCOMPARE(removed, 285);
        QCOMPARE(same, PayloadDiff::MaxLines - 285);
        QVERIFY(diff.summary().startsWith(u"Lines: 285 added, 285 removed"_s));

        // Over MaxTextBytes in one line: the prefix only.
        diff = PayloadDiff::compare(QByteArray(300'000, 'a'), QByteArray(300'000, 'a') + 'b');
        QVERIFY(diff.truncated());
        QCOMPARE(diff.lines().size(), 1);
        QCOMPARE(diff.lines().at(0).kind, LineKind::Same);
        QCOMPARE(diff.lines().at(0).text.size(), PayloadDiff::MaxTextBytes);
        QCOMPARE(diff.summary(),
                 u"No differences in the lines compared (compared in part: the payloads are too "
                 u"long or differ in too many places)"_s);
    }

    void hostileNestingIsRefusedByTheParser()
    {
        // 200,000 levels: the network parser refuses them before building anything, and the text diff reads
        // a bounded prefix. Nothing here recurses per level.
        const QByteArray deep(200'000, '[');
        const QByteArray deeper = QByteArray(200'000, '[') + QByteArray(200'000, ']');
        PayloadDiff diff = PayloadDiff::compare(deep, deeper);
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
        QCOMPARE(diff.lines().size(), 2);
        QCOMPARE(diff.lines().at(0).kind, LineKind::Removed);
        QCOMPARE(diff.lines().at(1).kind, LineKind::Added);
        QVERIFY(diff.truncated()); // 400,000 bytes: over MaxTextBytes
        QCOMPARE(diff.lines().at(1).text.size(), PayloadDiff::MaxTextBytes);

        diff = PayloadDiff::compare(deep, deep);
        QVERIFY(diff.isIdentical());
        // Deep inside an otherwise valid document too.
        diff =
            PayloadDiff::compare("{\"a\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}", "{\"a\":1}");
        QCOMPARE(diff.mode(), PayloadDiff::Mode::Text);
    }
};

QTEST_GUILESS_MAIN(TestPayloadDiff)
#include "tst_payloaddiff.moc"
