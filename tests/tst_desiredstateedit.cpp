// DesiredStateEdit: an operator's edit of the desired section, checked as the service would before anything
// is sent: syntax errors with their position, a non-object, no change, removals as nulls, the service's
// nesting and array rules, and the 8 KB limit on what the update would leave.

#include "shadow/desiredstateedit.h"
#include "shadow/shadowdocument.h"
#include "testutil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::DesiredStateEdit;
using fleet::Json;

class TestDesiredStateEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsOnlyWhatChanged()
    {
        const Json base = {{"led", "red"}, {"fan", "low"}};
        const auto check = DesiredStateEdit::check(u"{\"led\": \"blue\"}"_s, base, Json::object());
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        QVERIFY(check.patch);
        QCOMPARE_JSON(*check.patch, (Json{{"led", "blue"}, {"fan", nullptr}}));
        QCOMPARE_JSON(*check.edited, (Json{{"led", "blue"}}));
    }

    void syntaxErrorHasItsPosition()
    {
        const auto check = DesiredStateEdit::check(u"{\n  \"led\": }"_s, Json::object(), Json::object());
        QVERIFY(!check.patch);
        QVERIFY2(check.problem.startsWith(u"Line 2, column 10"_s), qPrintable(check.problem));
        QCOMPARE(check.errorPosition, 11);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an object") << u"[1, 2]"_s << u"must be a JSON object"_s;
        QTest::newRow("no change") << u"{\"led\": \"red\"}"_s << u"No change"_s;
        QTest::newRow("too deep") << u"{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}"_s
                                  << u"levels of nesting"_s;
        QTest::newRow("null in an array") << u"{\"led\": \"red\", \"l\": [1, null]}"_s << u"would refuse"_s;
    }

    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto check = DesiredStateEdit::check(text, Json{{"led", "red"}}, Json::object());
        QVERIFY(!check.patch);
        QVERIFY2(check.problem.contains(expected), qPrintable(check.problem));
    }

    void sizeCountsTheReportedSection()
    {
        const Json reported = {{"blob", std::string(fleet::ShadowDocument::MaxStateBytes - 100, 'x')}};
        const auto small = DesiredStateEdit::check(Json{{"a", 1}}, Json::object(), reported);
        QVERIFY2(small.patch, qPrintable(small.problem));
        const auto large =
            DesiredStateEdit::check(Json{{"a", std::string(200, 'y')}}, Json::object(), reported);
        QVERIFY(!large.patch);
        QVERIFY2(large.problem.startsWith(u"Too large"_s), qPrintable(large.problem));
    }
};

QTEST_APPLESS_MAIN(TestDesiredStateEdit)
#include "tst_desiredstateedit.moc"
