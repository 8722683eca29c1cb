// JsonHighlighter: each kind of JSON token gets its own format, keys are told from string values, and text
// that is not JSON is left alone. Also JsonText, which the editors use to place a parse error at a line and a
// column.

#include "jsonhighlighter.h"

#include "common/json.h"
#include "common/jsontext.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::JsonHighlighter;
using fleet::JsonText;
using Token = JsonHighlighter::Token;

namespace {

// The format applied at a character of the first block, and whether any was applied.
std::optional<QTextCharFormat> formatAt(const QTextDocument &document, int blockNumber, int position)
{
    const QTextBlock block = document.findBlockByNumber(blockNumber);
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return std::nullopt;
}

} // namespace

class TestJsonHighlighter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsDiffer()
    {
        QTextDocument document;
        // An editor's document has a layout; without one, edits are not signalled to a highlighter.
        document.documentLayout();
        JsonHighlighter highlighter(&document);
        QSet<QRgb> colours;
        for (int t = 0; t < int(Token::Count); ++t)
            colours.insert(highlighter.tokenFormat(Token(t)).foreground().color().rgb());
        QCOMPARE(colours.size(), int(Token::Count));
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("token"); // -1: no format

        const QString line = u"{\"led\": \"red\", \"n\": -12.5e3, \"on\": true, \"x\": null, \"f\": false}"_s;
        QTest::newRow("brace") << line << 0 << int(Token::Punctuation);
        QTest::newRow("key quote") << line << 1 << int(Token::Key);
        QTest::newRow("key text") << line << 3 << int(Token::Key);
        QTest::newRow("colon") << line << 6 << int(Token::Punctuation);
        QTest::newRow("space") << line << 7 << -1;
        QTest::newRow("string") << line << 9 << int(Token::String);
        QTest::newRow("comma") << line << 13 << int(Token::Punctuation);
        QTest::newRow("number sign") << line << int(line.indexOf(u"-12"_s)) << int(Token::Number);
        QTest::newRow("number exponent") << line << int(line.indexOf(u"e3"_s)) << int(Token::Number);
        QTest::newRow("true") << line << int(line.indexOf(u"true"_s)) << int(Token::Literal);
        QTest::newRow("null") << line << int(line.indexOf(u"null"_s) + 3) << int(Token::Literal);
        QTest::newRow("false") << line << int(line.indexOf(u"false"_s)) << int(Token::Literal);
        QTest::newRow("closing brace") << line << int(line.size() - 1) << int(Token::Punctuation);

        const QString escaped = u"[\"a\\\"b\", 1]"_s; // ["a\"b", 1]
        QTest::newRow("escaped quote stays in the string") << escaped << 4 << int(Token::String);
        QTest::newRow("after an escaped string")
            << escaped << int(escaped.indexOf(u'1')) << int(Token::Number);
        QTest::newRow("bracket") << escaped << 0 << int(Token::Punctuation);

        const QString keySpaced = u"  \"key\"   : 1"_s;
        QTest::newRow("key before spaced colon") << keySpaced << 3 << int(Token::Key);

        QTest::newRow("unknown word left plain") << u"{\"a\": yes}"_s << 7 << -1;
        QTest::newRow("unterminated string") << u"\"abc"_s << 3 << int(Token::String);
    }

    void tokens()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(int, token);

        QTextDocument document;
        // An editor's document has a layout; without one, edits are not signalled to a highlighter.
        document.documentLayout();
        JsonHighlighter highlighter(&document);
        document.setPlainText(text);
        const std::optional<QTextCharFormat> format = formatAt(document, 0, position);
        if (token < 0) {
            QVERIFY2(!format, qPrintable(u"unexpected format at %1"_s.arg(position)));
            return;
        }
        QVERIFY2(format, qPrintable(u"no format at %1"_s.arg(position)));
        QCOMPARE(format->foreground().color(), highlighter.tokenFormat(Token(token)).foreground().color());
        QCOMPARE(format->fontWeight(), highlighter.tokenFormat(Token(token)).fontWeight());
    }

    void multiLineDocument()
    {
        QTextDocument document;
        // An editor's document has a layout; without one, edits are not signalled to a highlighter.
        document.documentLayout();
        JsonHighlighter highlighter(&document);
        document.setPlainText(u"{\n  \"a\": {\n    \"b\": [1, \"two\"]\n  }\n}"_s);
        QCOMPARE(formatAt(document, 1, 3)->foreground().color(),
                 highlighter.tokenFormat(Token::Key).foreground().color());
        QCOMPARE(formatAt(document, 2, 10)->foreground().color(),
                 highlighter.tokenFormat(Token::Number).foreground().color());
        QCOMPARE(formatAt(document, 2, 14)->foreground().color(),
                 highlighter.tokenFormat(Token::String).foreground().color());
        // Typing re-highlights the line.
        QTextCursor cursor(document.findBlockByNumber(2));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(u" true"_s);
        const int at = int(document.findBlockByNumber(2).text().size()) - 2;
        QVERIFY(formatAt(document, 2, at));
        QCOMPARE(formatAt(document, 2, at)->foreground().color(),
                 highlighter.tokenFormat(Token::Literal).foreground().color());
    }

    void garbageDoesNotCrash()
    {
        QTextDocument document;
        // An editor's document has a layout; without one, edits are not signalled to a highlighter.
        document.documentLayout();
        JsonHighlighter highlighter(&document);
        document.setPlainText(u"\"\\"_s); // a lone backslash escaping nothing
        document.setPlainText(u"\\\\\"\"\"::,,]]}}{{\u00e9\u00e9--1e"_s);
        document.setPlainText(QString(5000, u'"'));
        QCOMPARE(document.blockCount(), 1);
    }

    void parseErrorPosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("missing colon") << u"{\"a\" 1}"_s << 1 << 6;
        QTest::newRow("second line") << u"{\n  \"a\": tru\n}"_s << 2 << 11; // where "tru" ended
        QTest::newRow("third line trailing comma") << u"{\n  \"a\": 1,\n}"_s << 3 << 1;
        QTest::newRow("after accents, in characters") << u"{\"\u00e9\u00e9\u00e9\": x}"_s << 1 << 9;
        QTest::newRow("empty") << QString() << 1 << 1;
        QTest::newRow("unterminated") << u"{\"a\": [1, 2"_s << 1 << 12;
    }

    void parseErrorPosition()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);

        const auto parsed = JsonText::parse(text);
        const auto *error = std::get_if<JsonText::Error>(&parsed);
        QVERIFY(error);
        QCOMPARE(error->line, line);
        QCOMPARE(error->column, column);
        QVERIFY2(error->message.contains(u"Line %1, column %2"_s.arg(line).arg(column)),
                 qPrintable(error->message));
        QVERIFY(!error->detail.isEmpty());
    }

    void parsesValidJson()
    {
        const auto parsed = JsonText::parse(u"{\"b\": 1, \"a\": [true, null]}"_s);
        QVERIFY(std::holds_alternative<Json>(parsed));
        // Keys keep their order.
        QCOMPARE(fleet::compactJson(std::get<Json>(parsed)), u"{\"b\":1,\"a\":[true,null]}"_s);
        QCOMPARE(fleet::indentedJson(Json::object()), u"{}"_s);
    }
};

QTEST_MAIN(TestJsonHighlighter)
#include "tst_jsonhighlighter.moc"
