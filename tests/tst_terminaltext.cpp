// TerminalText: what fleetctl does to broker text before a terminal sees it. The hostile strings are the
// ones a device or another account can publish: a screen clear, a window-title set, a C1 CSI, a bidi override
// that makes "txt.exe" read as "exe.txt"; what must survive is ordinary text, line breaks and tabs, and JSON
// that still parses to the same strings.

#include "common/json.h"
#include "common/terminaltext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::TerminalText;

class TestTerminalText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain") << u"dev-1 SUCCESS ok"_s << u"dev-1 SUCCESS ok"_s;
        QTest::newRow("newline and tab stay") << u"a\n\tb"_s << u"a\n\tb"_s;
        QTest::newRow("backslash stays") << uR"(C:\x1b)"_s << uR"(C:\x1b)"_s;
        QTest::newRow("non-ASCII stays")
            << u"température 21 °C, 東京, 🚀"_s << u"température 21 °C, 東京, 🚀"_s;
        QTest::newRow("clear screen") << u"\x1b[2Jgone"_s << uR"(\x1b[2Jgone)"_s;
        QTest::newRow("window title") << u"\x1b]0;pwned\x07"_s << uR"(\x1b]0;pwned\x07)"_s;
        QTest::newRow("carriage return") << u"ok\rFAILURE"_s << uR"(ok\x0dFAILURE)"_s;
        QTest::newRow("nul and backspace") << u"a\0b\bc"_s << uR"(a\x00b\x08c)"_s;
        QTest::newRow("unit separator") << u"\x1f"_s << uR"(\x1f)"_s;
        QTest::newRow("del") << u"a\x7f"_s << uR"(a\u007f)"_s;
        QTest::newRow("c1 first") << u"\u0080"_s << uR"(\u0080)"_s;
        QTest::newRow("c1 csi") << u"\u009b2J"_s << uR"(\u009b2J)"_s;
        QTest::newRow("c1 last") << u"\u009f"_s << uR"(\u009f)"_s;
        QTest::newRow("nbsp stays") << u"\u00a0"_s << u"\u00a0"_s;
        QTest::newRow("line separator") << u"a\u2028b\u2029c"_s << uR"(a\u2028b\u2029c)"_s;
        QTest::newRow("bidi override") << u"report\u202etxt.exe"_s << uR"(report\u202etxt.exe)"_s;
        QTest::newRow("bidi embeddings") << u"\u202a\u202b\u202c\u202d"_s << uR"(\u202a\u202b\u202c\u202d)"_s;
        QTest::newRow("bidi isolates") << u"\u2066\u2067\u2068\u2069"_s << uR"(\u2066\u2067\u2068\u2069)"_s;
        QTest::newRow("neighbours stay") << u"\u2027\u202f\u2065\u206a"_s << u"\u2027\u202f\u2065\u206a"_s;
    }

    void escaped()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString result = TerminalText::escaped(text);
        QCOMPARE(result, expected);
        for (const QChar c : result)
            QVERIFY2(!TerminalText::isUnsafe(c.unicode()),
                     qPrintable(u"U+%1"_s.arg(uint(c.unicode()), 4, 16)));
    }

    void safeTextIsNotCopied()
    {
        const QString text = u"devices/dev-1/telemetry {\"t\":21}"_s;
        QCOMPARE(TerminalText::escaped(text).constData(), text.constData());
    }

    // fleetctl --json goes through the same escape: it must still be JSON, with the same strings.
    void jsonStaysTheSameJson()
    {
        const std::string hostile = "\x1b[2J\x7f\xc2\x9b" // ESC, DEL, U+009B
                                    "\xe2\x80\xae"        // U+202E
                                    "\xe2\x80\xa8"        // U+2028
                                    "\\ \"end\"";
        const Json document = {{"reason", hostile}, {"device", "dev-1"}};
        const QString printed = TerminalText::escaped(fleet::compactJson(document));
        for (const QChar c : printed)
            QVERIFY(!TerminalText::isUnsafe(c.unicode()));
        const Json parsed = Json::parse(printed.toStdString(), nullptr, false);
        QVERIFY2(!parsed.is_discarded(), qPrintable(printed));
        QVERIFY(parsed == document);
    }
};

QTEST_APPLESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
