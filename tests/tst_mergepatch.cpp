// MergePatch: the shadow's merge rules on one section, and the smallest patch between two sections (which
// both a desired-state edit and its rollback send).

#include "shadow/mergepatch.h"
#include "testutil.h"

#include <QTest>

using fleet::Json;
using fleet::MergePatch;

class TestMergePatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("after");
        QTest::newRow("adds") << R"({"a":1})"
                              << R"({"b":2})"
                              << R"({"a":1,"b":2})";
        QTest::newRow("replaces") << R"({"a":1})"
                                  << R"({"a":"x"})"
                                  << R"({"a":"x"})";
        QTest::newRow("null removes") << R"({"a":1,"b":2})"
                                      << R"({"a":null})"
                                      << R"({"b":2})";
        QTest::newRow("objects merge") << R"({"o":{"x":1,"y":2}})"
                                       << R"({"o":{"y":3}})"
                                       << R"({"o":{"x":1,"y":3}})";
        QTest::newRow("arrays replace whole") << R"({"l":[1,2,3]})"
                                              << R"({"l":[4]})"
                                              << R"({"l":[4]})";
        QTest::newRow("removal under a missing key changes nothing") << R"({"a":1})"
                                                                     << R"({"o":{"x":null}})"
                                                                     << R"({"a":1})";
        QTest::newRow("null section removes it all") << R"({"a":1})"
                                                     << "null"
                                                     << "{}";
        QTest::newRow("not an object counts as empty") << "[1]"
                                                       << R"({"a":1})"
                                                       << R"({"a":1})";
    }

    void apply()
    {
        QFETCH(QString, before);
        QFETCH(QString, patch);
        QFETCH(QString, after);
        QCOMPARE_JSON(MergePatch::apply(Json::parse(before.toStdString()), Json::parse(patch.toStdString())),
                      Json::parse(after.toStdString()));
    }

    void between_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("patch");
        QTest::newRow("same") << R"({"a":1})"
                              << R"({"a":1})"
                              << "{}";
        QTest::newRow("changed") << R"({"a":1,"b":2})"
                                 << R"({"a":1,"b":3})"
                                 << R"({"b":3})";
        QTest::newRow("removed becomes null") << R"({"a":1,"b":2})"
                                              << R"({"a":1})"
                                              << R"({"b":null})";
        QTest::newRow("added") << R"({"a":1})"
                               << R"({"a":1,"c":[1]})"
                               << R"({"c":[1]})";
        QTest::newRow("nested, member by member") << R"({"o":{"x":1,"y":2}})"
                                                  << R"({"o":{"x":1,"y":5,"z":0}})"
                                                  << R"({"o":{"y":5,"z":0}})";
        QTest::newRow("object replaced by a scalar") << R"({"o":{"x":1}})"
                                                     << R"({"o":7})"
                                                     << R"({"o":7})";
        QTest::newRow("the target's order, then removals") << R"({"a":1,"b":2,"c":3})"
                                                           << R"({"c":4,"a":5})"
                                                           << R"({"c":4,"a":5,"b":null})";
    }

    void between()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, patch);
        const Json source = Json::parse(from.toStdString());
        const Json target = Json::parse(to.toStdString());
        const Json computed = MergePatch::between(source, target);
        QCOMPARE_JSON(computed, Json::parse(patch.toStdString()));
        // The patch does what it says: merged over the source it gives the target (as a set of members).
        const Json merged = MergePatch::apply(source, computed);
        QVERIFY(nlohmann::json::parse(merged.dump()) == nlohmann::json::parse(target.dump()));
    }
};

QTEST_APPLESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
