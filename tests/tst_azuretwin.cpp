// AzureTwin: an Azure IoT Hub device twin's desired and reported sections as fleet-hub keeps them. RFC 7386
// merges, $version per section (starting at 1, one more per applied patch, even one that changes nothing),
// the GET body and the desired notification, the stored form, every rule a patch is refused for, and the
// 32 KB section limit measured after the merge.

#include "dialects/azuretwin.h"

#include "common/json.h"

#include <QTest>

#include <cstdio>
#include <string>

using namespace Qt::StringLiterals;
using fleet::AzureTwin;
using fleet::Json;
using Section = AzureTwin::Section;

// QCOMPARE cannot take nlohmann values, so JSON is compared with QVERIFY2 and printed as compact text.
#define QVERIFY_JSON(actual, expected)                                                                       \
    do {                                                                                                     \
        const Json actualValue = (actual);                                                                   \
        const Json expectedValue = (expected);                                                               \
        QVERIFY2(actualValue == expectedValue,                                                               \
                 qPrintable(u"got %1, expected %2"_s.arg(fleet::compactJson(actualValue),                    \
                                                         fleet::compactJson(expectedValue))));               \
    } while (false)

namespace {

Json parsed(const QByteArray &text)
{
    return Json::parse(text.toStdString());
}

QByteArray text(const Json &value)
{
    return QByteArray::fromStdString(value.dump());
}

// {"l1":{"l2":{…{"leaf":"v"}}}}: a patch with `levels` objects below the patch itself (the section).
Json nestedPatch(int levels)
{
    Json inner = Json{{"leaf", "v"}};
    for (int level = levels; level >= 1; --level)
        inner = Json{{"l" + std::to_string(level), inner}};
    return inner;
}

// Azure's own example of the deepest valid twin ("Device twins", "Depth"): ten objects below the section.
Json azureDepthExample()
{
    Json inner = Json{{"property", "value"}};
    for (const char *key : {"ten", "nine", "eight", "seven", "six", "five", "four", "three", "two", "one"})
        inner = Json{{key, inner}};
    return inner;
}

qsizetype compactSize(const Json &value)
{
    return qsizetype(fleet::compactJsonString(value).size());
}

// An object of string members f00, f01, … whose compact text is exactly `bytes` long; every string stays
// under the 4 KB string limit.
Json sectionOfSize(qsizetype bytes)
{
    constexpr qsizetype Chunk = 4000;
    Json section = Json::object();
    for (int i = 0; compactSize(section) < bytes; ++i) {
        char key[16];
        std::snprintf(key, sizeof key, "f%02d", i);
        // "fNN":"…" costs 8 bytes besides the string, and a comma before every member but the first.
        const qsizetype overhead = 8 + (section.empty() ? 0 : 1);
        const qsizetype left = bytes - compactSize(section) - overhead;
        // Leave room for one more whole member rather than a remainder too small to hold one.
        const qsizetype length = left > Chunk + 2 * (overhead + 1) ? Chunk : left;
        section[key] = std::string(std::size_t(length), 'x');
    }
    return section;
}

} // namespace

class TestAzureTwin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("null removes") << R"({"a":1,"b":2})"_ba
                                      << R"({"a":null})"_ba
                                      << R"({"b":2})"_ba;
        QTest::newRow("null for a missing member") << R"({"a":1})"_ba
                                                   << R"({"b":null})"_ba
                                                   << R"({"a":1})"_ba;
        QTest::newRow("null removes a whole object") << R"({"a":{"b":1},"c":1})"_ba
                                                     << R"({"a":null})"_ba
                                                     << R"({"c":1})"_ba;
        QTest::newRow("objects merge") << R"({"a":{"b":1,"c":2}})"_ba
                                       << R"({"a":{"b":null,"d":3}})"_ba
                                       << R"({"a":{"c":2,"d":3}})"_ba;
        QTest::newRow("deep merge") << R"({"a":{"b":{"c":1,"d":2}},"e":5})"_ba
                                    << R"({"a":{"b":{"c":9}}})"_ba
                                    << R"({"a":{"b":{"c":9,"d":2}},"e":5})"_ba;
        QTest::newRow("new members are added") << R"({"a":1})"_ba
                                               << R"({"b":{"c":true}})"_ba
                                               << R"({"a":1,"b":{"c":true}})"_ba;
        // RFC 7386: a null inside a new object leaves the object, empty.
        QTest::newRow("null inside a new object") << R"({})"_ba
                                                  << R"({"a":{"b":null}})"_ba
                                                  << R"({"a":{}})"_ba;
        QTest::newRow("arrays replace") << R"({"a":[1,2,3]})"_ba
                                        << R"({"a":[4]})"_ba
                                        << R"({"a":[4]})"_ba;
        QTest::newRow("objects in arrays are not merged") << R"({"a":[{"b":1}]})"_ba
                                                          << R"({"a":[{"c":2}]})"_ba
                                                          << R"({"a":[{"c":2}]})"_ba;
        QTest::newRow("scalar replaces scalar") << R"({"a":"x"})"_ba
                                                << R"({"a":"y"})"_ba
                                                << R"({"a":"y"})"_ba;
        QTest::newRow("scalar replaces object") << R"({"a":{"b":1}})"_ba
                                                << R"({"a":5})"_ba
                                                << R"({"a":5})"_ba;
        QTest::newRow("object replaces scalar") << R"({"a":5})"_ba
                                                << R"({"a":{"b":1}})"_ba
                                                << R"({"a":{"b":1}})"_ba;
        QTest::newRow("array replaces object") << R"({"a":{"b":1}})"_ba
                                               << R"({"a":[1]})"_ba
                                               << R"({"a":[1]})"_ba;
        QTest::newRow("object replaces array") << R"({"a":[1]})"_ba
                                               << R"({"a":{"b":null,"c":1}})"_ba
                                               << R"({"a":{"c":1}})"_ba;
        QTest::newRow("types change") << R"({"a":1,"b":true,"c":"s"})"_ba
                                      << R"({"a":"1","b":0,"c":false})"_ba
                                      << R"({"a":"1","b":0,"c":false})"_ba;
        QTest::newRow("empty patch") << R"({"a":{"b":1}})"_ba
                                     << R"({})"_ba
                                     << R"({"a":{"b":1}})"_ba;
        QTest::newRow("same value") << R"({"a":1})"_ba
                                    << R"({"a":1})"_ba
                                    << R"({"a":1})"_ba;
    }

    void merge()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, expected);
        Json merged = parsed(target);
        AzureTwin::merge(merged, parsed(patch));
        QVERIFY_JSON(merged, parsed(expected));

        // apply() merges the same way, into either section, and leaves the other alone.
        for (const Section section : {Section::Desired, Section::Reported}) {
            AzureTwin twin;
            (section == Section::Desired ? twin.desired : twin.reported) = parsed(target);
            const auto why = twin.apply(section, parsed(patch));
            QVERIFY2(!why, qPrintable(why.value_or(QString())));
            QVERIFY_JSON(section == Section::Desired ? twin.desired : twin.reported, parsed(expected));
            QVERIFY_JSON(section == Section::Desired ? twin.reported : twin.desired, Json::object());
        }
    }

    void mergeNonObjectPatchReplacesTarget()
    {
        Json target = Json{{"a", 1}};
        AzureTwin::merge(target, Json(5));
        QVERIFY_JSON(target, Json(5));
        target = Json(5);
        AzureTwin::merge(target, Json{{"a", 1}, {"b", nullptr}});
        QVERIFY_JSON(target, (Json{{"a", 1}}));
    }

    void versionsStartAtOneAndRiseByOne()
    {
        AzureTwin twin;
        QCOMPARE(twin.desiredVersion, 1);
        QCOMPARE(twin.reportedVersion, 1);
        QVERIFY_JSON(twin.desired, Json::object());
        QVERIFY_JSON(twin.reported, Json::object());

        QVERIFY(!twin.apply(Section::Desired, Json{{"a", 1}}));
        QCOMPARE(twin.desiredVersion, 2);
        QCOMPARE(twin.reportedVersion, 1);
        // The same value again, an empty patch and removing a member that is not there change nothing, and
        // still count, as in IoT Hub.
        QVERIFY(!twin.apply(Section::Desired, Json{{"a", 1}}));
        QCOMPARE(twin.desiredVersion, 3);
        QVERIFY(!twin.apply(Section::Desired, Json::object()));
        QCOMPARE(twin.desiredVersion, 4);
        QVERIFY(!twin.apply(Section::Desired, Json{{"missing", nullptr}}));
        QCOMPARE(twin.desiredVersion, 5);
        QVERIFY_JSON(twin.desired, (Json{{"a", 1}}));
        QCOMPARE(twin.reportedVersion, 1);

        for (int i = 0; i < 3; ++i)
            QVERIFY(!twin.apply(Section::Reported, Json{{"n", i}}));
        QCOMPARE(twin.reportedVersion, 4);
        QCOMPARE(twin.desiredVersion, 5);

        // A refused patch raises nothing.
        QVERIFY(twin.apply(Section::Reported, Json{{"a.b", 1}}));
        QVERIFY(twin.apply(Section::Desired, Json::array()));
        QCOMPARE(twin.reportedVersion, 4);
        QCOMPARE(twin.desiredVersion, 5);
    }

    void bodyShape()
    {
        AzureTwin twin;
        QVERIFY_JSON(twin.body(), parsed(R"({"desired":{"$version":1},"reported":{"$version":1}})"));

        QVERIFY(!twin.apply(Section::Desired, parsed(R"({"fan":{"speed":3},"mode":"eco"})")));
        QVERIFY(!twin.apply(Section::Reported, parsed(R"({"temp":21.5})")));
        QVERIFY(!twin.apply(Section::Reported, parsed(R"({"temp":22,"ok":true})")));
        const Json body = twin.body();
        QVERIFY_JSON(body, parsed(R"({"desired":{"fan":{"speed":3},"mode":"eco","$version":2},)"
                                  R"("reported":{"temp":22,"ok":true,"$version":3}})"));
        // The version lives only in the body, not in the sections.
        QVERIFY(!twin.desired.contains("$version"));
        QVERIFY(!twin.reported.contains("$version"));
    }

    void desiredNotification()
    {
        AzureTwin twin;
        QVERIFY(!twin.apply(Section::Desired, parsed(R"({"a":1,"b":{"c":2}})")));
        const Json patch = parsed(R"({"a":null,"b":{"d":3}})");
        QVERIFY(!twin.apply(Section::Desired, patch));
        // The patch as sent, nulls included (the device hears what was removed), with the new $version.
        QVERIFY_JSON(twin.desiredNotification(patch), parsed(R"({"a":null,"b":{"d":3},"$version":3})"));
        QVERIFY_JSON(twin.desiredNotification(Json::object()), parsed(R"({"$version":3})"));
        // Reported changes do not move the desired version.
        QVERIFY(!twin.apply(Section::Reported, parsed(R"({"x":1})")));
        QVERIFY_JSON(twin.desiredNotification(patch), parsed(R"({"a":null,"b":{"d":3},"$version":3})"));
    }

    void storedRoundTrip()
    {
        AzureTwin twin;
        QVERIFY(!twin.apply(Section::Desired, parsed(R"({"fan":{"speed":3},"list":[1,"two",{"x":null}]})")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!twin.apply(Section::Reported, Json{{"n", i}, {"unicode", "température"}}));
        const Json stored = twin.toStored();
        QVERIFY_JSON(stored, parsed(R"({"desired":{"fan":{"speed":3},"list":[1,"two",{"x":null}]},)"
                                    R"("desiredVersion":2,"reported":{"n":4,"unicode":"température"},)"
                                    R"("reportedVersion":6})"));
        // Through text, as the store keeps it.
        const std::optional<AzureTwin> back = AzureTwin::fromStored(Json::parse(stored.dump()));
        QVERIFY(back);
        QVERIFY_JSON(back->desired, twin.desired);
        QVERIFY_JSON(back->reported, twin.reported);
        QCOMPARE(back->desiredVersion, 2);
        QCOMPARE(back->reportedVersion, 6);
        QVERIFY_JSON(back->body(), twin.body());

        // A new twin round-trips too, and versions go on from the stored ones.
        const std::optional<AzureTwin> fresh = AzureTwin::fromStored(AzureTwin().toStored());
        QVERIFY(fresh);
        QCOMPARE(fresh->desiredVersion, 1);
        AzureTwin next = *back;
        QVERIFY(!next.apply(Section::Desired, Json::object()));
        QCOMPARE(next.desiredVersion, 3);
    }

    void malformedStoredIsRefused_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("array") << R"([1,2])"_ba;
        QTest::newRow("null") << R"(null)"_ba;
        QTest::newRow("string") << R"("twin")"_ba;
        QTest::newRow("empty object") << R"({})"_ba;
        QTest::newRow("no desired") << R"({"desiredVersion":1,"reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("no reported") << R"({"desired":{},"desiredVersion":1,"reportedVersion":1})"_ba;
        QTest::newRow("no desiredVersion") << R"({"desired":{},"reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("no reportedVersion") << R"({"desired":{},"desiredVersion":1,"reported":{}})"_ba;
        QTest::newRow("desired an array")
            << R"({"desired":[],"desiredVersion":1,"reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("desired null")
            << R"({"desired":null,"desiredVersion":1,"reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("reported a string")
            << R"({"desired":{},"desiredVersion":1,"reported":"x","reportedVersion":1})"_ba;
        QTest::newRow("version a string")
            << R"({"desired":{},"desiredVersion":"1","reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("version a fraction")
            << R"({"desired":{},"desiredVersion":1,"reported":{},"reportedVersion":1.5})"_ba;
        QTest::newRow("version a float") << R"({"desired":{},"desiredVersion":2.0,"reported":{},)"
                                            R"("reportedVersion":1})"_ba;
        QTest::newRow("version null")
            << R"({"desired":{},"desiredVersion":null,"reported":{},"reportedVersion":1})"_ba;
        QTest::newRow("version a boolean")
            << R"({"desired":{},"desiredVersion":true,"reported":{},"reportedVersion":1})"_ba;
    }

    void malformedStoredIsRefused()
    {
        QFETCH(QByteArray, stored);
        QVERIFY(!AzureTwin::fromStored(parsed(stored)));
    }

    void checkPatch_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("refusal"); // empty: accepted; else a part of the reason

        const QString notObject = u"JSON object"_s;
        const QString badChar = u"holds '.'"_s;
        const QString badLength = u"empty or longer than 1024"_s;
        const QString tooDeep = u"deeper than 10"_s;
        const QString longString = u"string is longer than 4096"_s;

        QTest::newRow("empty object") << R"({})"_ba << QString();
        QTest::newRow("scalars and null")
            << R"({"a":1,"b":"x","c":true,"d":null,"e":1.5,"f":-3})"_ba << QString();
        QTest::newRow("array value") << R"({"a":[1,"x",{"b":1},null]})"_ba << QString();
        QTest::newRow("key with - _ and digits") << R"({"fan-1_speed":1})"_ba << QString();
        QTest::newRow("non-ASCII key") << R"({"température":1})"_ba << QString();
        QTest::newRow("1024-byte key") << text(Json{{std::string(1024, 'k'), 1}}) << QString();
        const QString twoByte = QString(512, QChar(0xe9)); // é: two bytes of UTF-8 each
        QTest::newRow("1024-byte key of 2-byte characters")
            << text(Json{{twoByte.toStdString(), 1}}) << QString();
        QTest::newRow("4096-byte string") << text(Json{{"s", std::string(4096, 's')}}) << QString();
        QTest::newRow("4096-byte string of 2-byte characters")
            << text(Json{{"s", QString(2048, QChar(0xe9)).toStdString()}}) << QString();
        QTest::newRow("9 levels below the section") << text(nestedPatch(9)) << QString();
        // "objects nest at most MaxDepth levels below the section" (azuretwin.h), Azure's own example.
        QTest::newRow("10 levels below the section (Azure's example)")
            << text(azureDepthExample()) << QString();
        QTest::newRow("10 levels below the section") << text(nestedPatch(10)) << QString();

        QTest::newRow("array patch") << R"([{"a":1}])"_ba << notObject;
        QTest::newRow("string patch") << R"("a")"_ba << notObject;
        QTest::newRow("number patch") << R"(5)"_ba << notObject;
        QTest::newRow("null patch") << R"(null)"_ba << notObject;
        QTest::newRow("key with .") << R"({"a.b":1})"_ba << badChar;
        QTest::newRow("key with $") << R"({"$version":1})"_ba << badChar;
        QTest::newRow("key with a space") << R"({"a b":1})"_ba << badChar;
        QTest::newRow("key with a tab") << R"({"a\tb":1})"_ba << badChar;
        QTest::newRow("key with U+0001") << R"({"a\u0001":1})"_ba << badChar;
        QTest::newRow("key with U+001F") << R"({"\u001fa":1})"_ba << badChar;
        QTest::newRow("key with DEL") << R"({"a\u007f":1})"_ba << badChar;
        // Azure refuses the C1 controls as well as C0 ("Device twins": "UNICODE control characters
        // (segments C0 and C1)"); azuretwin.h says "control characters".
        QTest::newRow("key with C1 U+0085") << R"({"a\u0085b":1})"_ba << badChar;
        QTest::newRow("key with C1 U+009F") << R"({"\u009f":1})"_ba << badChar;
        QTest::newRow("bad key below") << R"({"a":{"b":{"c.d":1}}})"_ba << badChar;
        QTest::newRow("bad key in an array") << R"({"a":[{"$b":1}]})"_ba << badChar;
        QTest::newRow("bad key with a null value") << R"({"a.b":null})"_ba << badChar;
        QTest::newRow("empty key") << R"({"":1})"_ba << badLength;
        QTest::newRow("empty key below") << R"({"a":{"":1}})"_ba << badLength;
        QTest::newRow("1025-byte key") << text(Json{{std::string(1025, 'k'), 1}}) << badLength;
        QTest::newRow("1026-byte key of 2-byte characters")
            << text(Json{{(twoByte + QChar(0xe9)).toStdString(), 1}}) << badLength;
        QTest::newRow("11 levels below the section") << text(nestedPatch(11)) << tooDeep;
        QTest::newRow("4097-byte string") << text(Json{{"s", std::string(4097, 's')}}) << longString;
        QTest::newRow("4097-byte string below")
            << text(Json{{"a", {{"s", std::string(4097, 's')}}}}) << longString;
        QTest::newRow("4097-byte string in an array")
            << text(Json{{"a", Json::array({1, std::string(4097, 's')})}}) << longString;
    }

    void checkPatch()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, refusal);
        const Json value = parsed(patch);
        const std::optional<QString> why = AzureTwin::checkPatch(value);

        QVERIFY2(why.has_value() == !refusal.isEmpty(), qPrintable(why.value_or(u"accepted"_s)));
        if (why && !refusal.isEmpty())
            QVERIFY2(why->contains(refusal), qPrintable(*why));

        // apply() refuses the same patches, whole, and keeps the twin as it was.
        for (const Section section : {Section::Desired, Section::Reported}) {
            AzureTwin twin;
            QVERIFY(!twin.apply(section, Json{{"keep", 1}}));
            const Json before = twin.body();
            const std::optional<QString> applied = twin.apply(section, value);
            QCOMPARE(applied.has_value(), why.has_value());
            if (applied) {
                QCOMPARE(*applied, *why);
                QVERIFY_JSON(twin.body(), before);
            } else {
                QCOMPARE(section == Section::Desired ? twin.desiredVersion : twin.reportedVersion, 3);
            }
        }
    }

    void sectionLimitAfterMerge()
    {
        AzureTwin twin;
        // Exactly 32 KB of compact JSON is allowed.
        const Json full = sectionOfSize(AzureTwin::MaxSectionBytes);
        QCOMPARE(compactSize(full), AzureTwin::MaxSectionBytes);
        QVERIFY(!AzureTwin::checkPatch(full));
        QVERIFY(!twin.apply(Section::Desired, full));
        QCOMPARE(compactSize(twin.desired), AzureTwin::MaxSectionBytes);
        QCOMPARE(twin.desiredVersion, 2);

        // One byte more is refused whole, and the twin is unchanged.
        const Json before = twin.body();
        const std::size_t f00 = twin.desired["f00"].get_ref<const std::string &>().size();
        const Json oneMore = Json{{"f00", std::string(f00 + 1, 'y')}};
        QVERIFY(!AzureTwin::checkPatch(oneMore)); // every rule but the size holds
        const std::optional<QString> why = twin.apply(Section::Desired, oneMore);
        QVERIFY(why);
        QVERIFY2(why->contains(u"desired"_s) && why->contains(u"32768"_s), qPrintable(*why));
        QVERIFY_JSON(twin.body(), before);
        QCOMPARE(twin.desiredVersion, 2);
        // Even a patch that changes nothing is measured after the merge, which fits.
        QVERIFY(!twin.apply(Section::Desired, Json::object()));
        QCOMPARE(twin.desiredVersion, 3);

        // The limit is per section: reported has its own 32 KB.
        QVERIFY(!twin.apply(Section::Reported, full));
        QCOMPARE(twin.reportedVersion, 2);
        const std::optional<QString> reportedWhy = twin.apply(Section::Reported, oneMore);
        QVERIFY(reportedWhy);
        QVERIFY2(reportedWhy->contains(u"reported"_s), qPrintable(*reportedWhy));
        QCOMPARE(twin.reportedVersion, 2);

        // What counts is the merged section, not the patch added to it: removing one member and adding
        // another, which with the current members would be far over 32 KB, fits.
        const Json swap = Json{{"f00", nullptr}, {"big", std::string(3000, 'z')}};
        QVERIFY(compactSize(twin.desired) + compactSize(swap) > AzureTwin::MaxSectionBytes);
        QVERIFY(!twin.apply(Section::Desired, swap));
        QCOMPARE(twin.desiredVersion, 4);
        QVERIFY(!twin.desired.contains("f00"));
        QVERIFY(compactSize(twin.desired) <= AzureTwin::MaxSectionBytes);
    }

    // A twin over the limit (kept by an older build, or written by hand) accepts only patches that bring the
    // section back within it.
    void removingMembersGetsBackUnderTheLimit()
    {
        Json stored = AzureTwin().toStored();
        stored["desired"] = sectionOfSize(40000);
        stored["desiredVersion"] = 7;
        std::optional<AzureTwin> twin = AzureTwin::fromStored(stored);
        QVERIFY(twin);
        const Json before = twin->body();

        QVERIFY(twin->apply(Section::Desired, Json::object()));
        QVERIFY(twin->apply(Section::Desired, Json{{"f00", nullptr}})); // still about 36 KB
        QVERIFY(twin->apply(Section::Desired,
                            Json{{"f00", nullptr}, {"f01", nullptr}, {"new", std::string(1000, 'n')}}));
        QVERIFY_JSON(twin->body(), before);
        QCOMPARE(twin->desiredVersion, 7);

        QVERIFY(!twin->apply(Section::Desired, Json{{"f00", nullptr}, {"f01", nullptr}}));
        QCOMPARE(twin->desiredVersion, 8);
        QVERIFY(compactSize(twin->desired) <= AzureTwin::MaxSectionBytes);
        QVERIFY(!twin->desired.contains("f00"));
        QVERIFY(!twin->desired.contains("f01"));
        QVERIFY(twin->desired.contains("f02"));
    }
};

QTEST_GUILESS_MAIN(TestAzureTwin)
#include "tst_azuretwin.moc"
