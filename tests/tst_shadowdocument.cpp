#include "shadow/shadowdocument.h"

#include "common/json.h"

#include <QTest>

#include <optional>
#include <string>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::ShadowDocument;
using fleet::ShadowError;

Q_DECLARE_METATYPE(fleet::ShadowError)

// Dumps both sides so a failure shows the documents; ordered_json compares key order too, which is intended:
// devices see keys in the order they first arrived.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QCOMPARE(QString::fromStdString((actual).dump()), QString::fromStdString((expected).dump()))

namespace {

constexpr qint64 T1 = 1'700'000'000;
constexpr qint64 T2 = T1 + 60;
constexpr qint64 T3 = T1 + 120;

Json j(const char *text)
{
    return Json::parse(text);
}

Json j(const QByteArray &text)
{
    return Json::parse(text.constBegin(), text.constEnd());
}

// The /update/documents body, which apply() returns as text.
Json documentsOf(const ShadowDocument::UpdateResult &result)
{
    return Json::parse(result.documents);
}

Json ts(qint64 t)
{
    return Json{{"timestamp", t}};
}

// Parses and applies one update; false (with the error in *error) when either step refuses it.
bool update(ShadowDocument &doc, const QByteArray &payload, qint64 now,
            ShadowDocument::UpdateResult *result = nullptr, ShadowError *error = nullptr)
{
    const auto parsed = ShadowDocument::parseUpdate(payload);
    if (const auto *e = std::get_if<ShadowError>(&parsed)) {
        if (error)
            *error = *e;
        return false;
    }
    auto applied = doc.apply(std::get<ShadowDocument::UpdateRequest>(parsed), now);
    if (const auto *e = std::get_if<ShadowError>(&applied)) {
        if (error)
            *error = *e;
        return false;
    }
    if (result)
        *result = std::move(std::get<ShadowDocument::UpdateResult>(applied));
    return true;
}

QByteArray nested(int depth)
{
    // depth 1: {"a":1}; depth 2: {"a":{"a":1}}; ...
    QByteArray text = "1";
    for (int i = 0; i < depth; ++i)
        text = "{\"a\":" + text + "}";
    return text;
}

QByteArray desiredUpdate(const QByteArray &desired)
{
    return R"({"state":{"desired":)" + desired + "}}";
}

QByteArray tokenUpdate(const QByteArray &token)
{
    return R"({"state":{"reported":{"x":1}},"clientToken":")" + token + "\"}";
}

QByteArray blobUpdate(qsizetype length)
{
    return R"({"state":{"desired":{"blob":")" + QByteArray(length, 'x') + "\"}}}";
}

// The blob length at which {"desired":{"blob":"…"},"reported":{}} is exactly MaxStateBytes.
qsizetype blobAtLimit()
{
    return ShadowDocument::MaxStateBytes - ShadowDocument::stateBytes(j(R"({"blob":""})"), Json::object());
}

} // namespace

class TestShadowDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultDocument();

    void parseUpdateRejects_data();
    void parseUpdateRejects();
    void parseUpdateAccepts_data();
    void parseUpdateAccepts();
    void parseTokenOnly_data();
    void parseTokenOnly();
    void clientTokenOf_data();
    void clientTokenOf();

    void merge_data();
    void merge();
    void metadata_data();
    void metadata();
    void metadataFollowsChanges();

    void versions();
    void awsVersionExample();
    void versionOnMissingShadow_data();
    void versionOnMissingShadow();
    void rejectedUpdateChangesNothing();

    void size_data();
    void size();
    void sizeCountsMergedState();
    void stateBytesCountsUtf8Bytes();

    void delta_data();
    void delta();
    void deltaIsWholeNotThisUpdate();
    void deltaPublish_data();
    void deltaPublish();

    void acceptedBody();
    void acceptedBodyWithoutToken();
    void documentsBody();
    void documentsOfNewShadow();
    void getAccepted_data();
    void getAccepted();
    void removeKeepsVersion();

    void storedRoundTrip_data();
    void storedRoundTrip();
    void storedDamage_data();
    void storedDamage();

    void depthOf_data();
    void depthOf();
    void containsNullInArray_data();
    void containsNullInArray();
};

void TestShadowDocument::defaultDocument()
{
    const ShadowDocument doc;
    QVERIFY(!doc.exists());
    QCOMPARE(doc.version(), 0);
    QCOMPARE(doc.timestamp(), 0);
    QCOMPARE_JSON(doc.desired(), Json::object());
    QCOMPARE_JSON(doc.reported(), Json::object());
    QCOMPARE_JSON(doc.metadata(), Json::object());
    QCOMPARE_JSON(doc.delta(), Json::object());
    QCOMPARE_JSON(doc.deltaMetadata(), Json::object());
}

void TestShadowDocument::parseUpdateRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<ShadowError>("error");

    using E = ShadowError;
    // 415 comes first, even for text that is not JSON either.
    QTest::newRow("415 byte ff") << QByteArray(R"({"state":{"desired":{"a":")"
                                               "\xff"
                                               R"("}}})")
                                 << E::unsupportedEncoding();
    QTest::newRow("415 overlong slash") << QByteArray(R"({"state":{"desired":{"a":")"
                                                      "\xc0\xaf"
                                                      R"("}}})")
                                        << E::unsupportedEncoding();
    QTest::newRow("415 encoded surrogate") << QByteArray(R"({"state":{"desired":{"a":")"
                                                         "\xed\xa0\x80"
                                                         R"("}}})")
                                           << E::unsupportedEncoding();
    QTest::newRow("415 truncated sequence")
        << QByteArray("{\"state\":{}}\xe2\x82") << E::unsupportedEncoding();
    QTest::newRow("415 before invalid JSON") << QByteArray("\xff{") << E::unsupportedEncoding();

    QTest::newRow("empty payload") << QByteArray() << E::invalidJson();
    QTest::newRow("truncated") << QByteArray(R"({"state":{"desired":)") << E::invalidJson();
    QTest::newRow("trailing garbage") << QByteArray(R"({"state":{}} x)") << E::invalidJson();
    QTest::newRow("single quotes") << QByteArray("{'state':{}}") << E::invalidJson();
    QTest::newRow("top-level array") << QByteArray(R"([{"state":{}}])") << E::invalidJson();
    QTest::newRow("top-level string") << QByteArray(R"("state")") << E::invalidJson();
    QTest::newRow("top-level number") << QByteArray("42") << E::invalidJson();
    QTest::newRow("top-level null") << QByteArray("null") << E::invalidJson();

    QTest::newRow("no state") << QByteArray("{}") << E::missingState();
    QTest::newRow("sections without state") << QByteArray(R"({"desired":{"a":1}})") << E::missingState();
    QTest::newRow("State capitalised") << QByteArray(R"({"State":{}})") << E::missingState();

    // "state": null is not a removal of everything: AWS calls it an invalid state node.
    QTest::newRow("state null") << QByteArray(R"({"state":null})") << E::stateNotObject();
    QTest::newRow("state array") << QByteArray(R"({"state":[]})") << E::stateNotObject();
    QTest::newRow("state string") << QByteArray(R"({"state":"on"})") << E::stateNotObject();
    QTest::newRow("state number") << QByteArray(R"({"state":5})") << E::stateNotObject();

    QTest::newRow("desired array") << QByteArray(R"({"state":{"desired":[1]}})") << E::desiredNotObject();
    QTest::newRow("desired string") << QByteArray(R"({"state":{"desired":"x"}})") << E::desiredNotObject();
    QTest::newRow("desired number") << QByteArray(R"({"state":{"desired":0}})") << E::desiredNotObject();
    QTest::newRow("desired bool") << QByteArray(R"({"state":{"desired":false}})") << E::desiredNotObject();
    QTest::newRow("reported array") << QByteArray(R"({"state":{"reported":[]}})") << E::reportedNotObject();
    QTest::newRow("reported string") << QByteArray(R"({"state":{"reported":"x"}})") << E::reportedNotObject();
    QTest::newRow("desired checked before reported")
        << QByteArray(R"({"state":{"reported":1,"desired":1}})") << E::desiredNotObject();
    QTest::newRow("desired checked before unknown node")
        << QByteArray(R"({"state":{"foo":1,"desired":1}})") << E::desiredNotObject();

    QTest::newRow("delta in state") << QByteArray(R"({"state":{"delta":{"a":1}}})") << E::invalidNode();
    QTest::newRow("unknown node in state")
        << QByteArray(R"({"state":{"desired":{},"foo":{}}})") << E::invalidNode();
    QTest::newRow("Desired capitalised") << QByteArray(R"({"state":{"Desired":{}}})") << E::invalidNode();

    QTest::newRow("version string") << QByteArray(R"({"state":{},"version":"7"})") << E::invalidVersion();
    QTest::newRow("version negative") << QByteArray(R"({"state":{},"version":-1})") << E::invalidVersion();
    QTest::newRow("version fraction") << QByteArray(R"({"state":{},"version":1.5})") << E::invalidVersion();
    QTest::newRow("version float") << QByteArray(R"({"state":{},"version":2.0})") << E::invalidVersion();
    QTest::newRow("version null") << QByteArray(R"({"state":{},"version":null})") << E::invalidVersion();
    QTest::newRow("version bool") << QByteArray(R"({"state":{},"version":true})") << E::invalidVersion();
    QTest::newRow("version past qint64")
        << QByteArray(R"({"state":{},"version":9223372036854775808})") << E::invalidVersion();
    QTest::newRow("version max uint64")
        << QByteArray(R"({"state":{},"version":18446744073709551615})") << E::invalidVersion();

    QTest::newRow("token 65 bytes") << tokenUpdate(QByteArray(65, 'k')) << E::invalidClientToken();
    // The limit is bytes: 33 two-byte characters are 66 bytes.
    QTest::newRow("token 33 two-byte chars")
        << tokenUpdate(QString(33, u'\u00e9').toUtf8()) << E::invalidClientToken();
    QTest::newRow("token number") << QByteArray(R"({"state":{},"clientToken":7})") << E::invalidClientToken();
    QTest::newRow("token null") << QByteArray(R"({"state":{},"clientToken":null})")
                                << E::invalidClientToken();
    QTest::newRow("token object") << QByteArray(R"({"state":{},"clientToken":{}})")
                                  << E::invalidClientToken();

    QTest::newRow("desired depth 7") << desiredUpdate(nested(7)) << E::tooDeep();
    QTest::newRow("reported depth 7")
        << QByteArray(R"({"state":{"reported":)" + nested(7) + "}}") << E::tooDeep();
    // Arrays are levels too.
    QTest::newRow("depth 7 through arrays") << desiredUpdate(R"({"a":[[[[[[1]]]]]]})") << E::tooDeep();
    QTest::newRow("depth 7 of empty objects")
        << desiredUpdate(R"({"a":{"a":{"a":{"a":{"a":{"a":{}}}}}}})") << E::tooDeep();

    QTest::newRow("null in desired array") << desiredUpdate(R"({"a":[1,null]})") << E::invalidNode();
    QTest::newRow("null in reported array")
        << QByteArray(R"({"state":{"reported":{"a":[null]}}})") << E::invalidNode();
    QTest::newRow("null in nested array") << desiredUpdate(R"({"a":[[1],[null]]})") << E::invalidNode();
    QTest::newRow("null in object in array") << desiredUpdate(R"({"a":[{"b":null}]})") << E::invalidNode();
    QTest::newRow("null in deep array") << desiredUpdate(R"({"a":{"b":{"c":[0,null]}}})") << E::invalidNode();

    // The order of the checks: version, clientToken, depth, null in arrays.
    QTest::newRow("bad version and bad token")
        << QByteArray(R"({"state":{},"version":"1","clientToken":1})") << E::invalidVersion();
    QTest::newRow("bad token and too deep")
        << QByteArray(R"({"state":{"desired":)" + nested(7) + R"(},"clientToken":1})")
        << E::invalidClientToken();
    QTest::newRow("too deep and null in array")
        << QByteArray(R"({"state":{"desired":)" + nested(7) + R"(,"reported":{"a":[null]}}})")
        << E::tooDeep();
    QTest::newRow("bad node before version")
        << QByteArray(R"({"state":{"x":1},"version":"1"})") << E::invalidNode();

    // Too big to be worth parsing at all.
    QTest::newRow("payload over 64 KiB") << QByteArray(64 * 1024 + 1, '{') << E::tooLarge();
}

void TestShadowDocument::parseUpdateRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(ShadowError, error);

    const auto parsed = ShadowDocument::parseUpdate(payload);
    QVERIFY(std::holds_alternative<ShadowError>(parsed));
    QCOMPARE(std::get<ShadowError>(parsed).code, error.code);
    QCOMPARE(std::get<ShadowError>(parsed).message, error.message);
}

void TestShadowDocument::parseUpdateAccepts_data()
{
    QTest::addColumn<QByteArray>("payload");
    // "absent" for a section that is not in the request; otherwise its JSON.
    QTest::addColumn<QByteArray>("desired");
    QTest::addColumn<QByteArray>("reported");
    QTest::addColumn<qint64>("version"); // -1: none
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("hasToken");

    const QByteArray absent = "absent";
    QTest::newRow("empty state") << QByteArray(R"({"state":{}})") << absent << absent << qint64(-1)
                                 << QByteArray() << false;
    QTest::newRow("desired") << QByteArray(R"({"state":{"desired":{"a":1}}})") << QByteArray(R"({"a":1})")
                             << absent << qint64(-1) << QByteArray() << false;
    QTest::newRow("both sections") << QByteArray(R"({"state":{"reported":{"b":[1,2]},"desired":{"a":"x"}}})")
                                   << QByteArray(R"({"a":"x"})") << QByteArray(R"({"b":[1,2]})") << qint64(-1)
                                   << QByteArray() << false;
    QTest::newRow("desired null") << QByteArray(R"({"state":{"desired":null}})") << QByteArray("null")
                                  << absent << qint64(-1) << QByteArray() << false;
    QTest::newRow("reported null") << QByteArray(R"({"state":{"reported":null}})") << absent
                                   << QByteArray("null") << qint64(-1) << QByteArray() << false;
    QTest::newRow("nested nulls remove")
        << QByteArray(R"({"state":{"desired":{"a":null,"b":{"c":null}}}})")
        << QByteArray(R"({"a":null,"b":{"c":null}})") << absent << qint64(-1) << QByteArray() << false;
    QTest::newRow("version 0") << QByteArray(R"({"state":{},"version":0})") << absent << absent << qint64(0)
                               << QByteArray() << false;
    QTest::newRow("version 10") << QByteArray(R"({"state":{},"version":10})") << absent << absent
                                << qint64(10) << QByteArray() << false;
    QTest::newRow("version qint64 max")
        << QByteArray(R"({"state":{},"version":9223372036854775807})") << absent << absent
        << std::numeric_limits<qint64>::max() << QByteArray() << false;
    QTest::newRow("token") << QByteArray(R"({"state":{},"clientToken":"abc"})") << absent << absent
                           << qint64(-1) << QByteArray("abc") << true;
    QTest::newRow("empty token") << QByteArray(R"({"state":{},"clientToken":""})") << absent << absent
                                 << qint64(-1) << QByteArray() << true;
    QTest::newRow("token 64 bytes") << tokenUpdate(QByteArray(64, 'k')) << absent << QByteArray(R"({"x":1})")
                                    << qint64(-1) << QByteArray(64, 'k') << true;
    QTest::newRow("token 32 two-byte chars")
        << tokenUpdate(QString(32, u'\u00e9').toUtf8()) << absent << QByteArray(R"({"x":1})") << qint64(-1)
        << QString(32, u'\u00e9').toUtf8() << true;
    QTest::newRow("depth 6") << desiredUpdate(nested(6)) << nested(6) << absent << qint64(-1) << QByteArray()
                             << false;
    QTest::newRow("depth 6 through arrays")
        << desiredUpdate(R"({"a":[[[[[1]]]]]})") << QByteArray(R"({"a":[[[[[1]]]]]})") << absent << qint64(-1)
        << QByteArray() << false;
    QTest::newRow("arrays of objects")
        << desiredUpdate(R"({"a":[{"b":1},[]]})") << QByteArray(R"({"a":[{"b":1},[]]})") << absent
        << qint64(-1) << QByteArray() << false;
    QTest::newRow("unicode") << desiredUpdate("{\"n\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}")
                             << QByteArray("{\"n\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\"}") << absent << qint64(-1)
                             << QByteArray() << false;
    QTest::newRow("whitespace around")
        << QByteArray(" \n{\"state\" : { } }\n ") << absent << absent << qint64(-1) << QByteArray() << false;
    // Unknown top-level members are not state: ignored, as AWS does with e.g. a client's own "timestamp".
    QTest::newRow("other top-level members ignored")
        << QByteArray(R"({"state":{},"timestamp":5,"metadata":{}})") << absent << absent << qint64(-1)
        << QByteArray() << false;
    QTest::newRow("everything") << QByteArray(
                                       R"({"state":{"desired":{"a":1}},"version":3,"clientToken":"t"})")
                                << QByteArray(R"({"a":1})") << absent << qint64(3) << QByteArray("t") << true;
}

void TestShadowDocument::parseUpdateAccepts()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, desired);
    QFETCH(QByteArray, reported);
    QFETCH(qint64, version);
    QFETCH(QByteArray, token);
    QFETCH(bool, hasToken);

    const auto parsed = ShadowDocument::parseUpdate(payload);
    if (const auto *error = std::get_if<ShadowError>(&parsed))
        QFAIL(qPrintable(u"rejected: %1 %2"_s.arg(error->code).arg(error->message)));
    const auto &request = std::get<ShadowDocument::UpdateRequest>(parsed);
    const auto check = [](const std::optional<Json> &section, const QByteArray &expected) {
        if (expected == "absent")
            return !section.has_value();
        return section.has_value() && *section == j(expected);
    };
    QVERIFY(check(request.desired, desired));
    QVERIFY(check(request.reported, reported));
    QCOMPARE(request.version.has_value(), version >= 0);
    if (version >= 0)
        QCOMPARE(*request.version, version);
    QCOMPARE(request.clientToken.has_value(), hasToken);
    if (hasToken)
        QCOMPARE(QByteArray::fromStdString(*request.clientToken), token);
}

void TestShadowDocument::parseTokenOnly_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code"); // 0: accepted
    QTest::addColumn<bool>("hasToken");
    QTest::addColumn<QByteArray>("token");

    QTest::newRow("empty body") << QByteArray() << 0 << false << QByteArray();
    QTest::newRow("whitespace body") << QByteArray(" \r\n") << 0 << false << QByteArray();
    QTest::newRow("empty object") << QByteArray("{}") << 0 << false << QByteArray();
    QTest::newRow("token") << QByteArray(R"({"clientToken":"g-1"})") << 0 << true << QByteArray("g-1");
    QTest::newRow("token 64 bytes") << QByteArray(R"({"clientToken":")" + QByteArray(64, 't') + "\"}") << 0
                                    << true << QByteArray(64, 't');
    // Only clientToken is read; SDKs may add members of their own.
    QTest::newRow("other members ignored")
        << QByteArray(R"({"clientToken":"a","extra":[1]})") << 0 << true << QByteArray("a");
    QTest::newRow("token 65 bytes") << QByteArray(R"({"clientToken":")" + QByteArray(65, 't') + "\"}") << 400
                                    << false << QByteArray();
    QTest::newRow("token number") << QByteArray(R"({"clientToken":1})") << 400 << false << QByteArray();
    QTest::newRow("invalid JSON") << QByteArray(R"({"clientToken":)") << 400 << false << QByteArray();
    QTest::newRow("array") << QByteArray("[]") << 400 << false << QByteArray();
    QTest::newRow("string") << QByteArray(R"("g-1")") << 400 << false << QByteArray();
    QTest::newRow("invalid UTF-8") << QByteArray("{\"clientToken\":\"\xff\"}") << 415 << false
                                   << QByteArray();
}

void TestShadowDocument::parseTokenOnly()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(bool, hasToken);
    QFETCH(QByteArray, token);

    const auto parsed = ShadowDocument::parseTokenOnly(payload);
    if (code != 0) {
        QVERIFY(std::holds_alternative<ShadowError>(parsed));
        const ShadowError error = std::get<ShadowError>(parsed);
        QCOMPARE(error.code, code);
        if (payload.contains("clientToken\":\"ttt"))
            QCOMPARE(error, ShadowError::invalidClientToken());
        return;
    }
    QVERIFY(std::holds_alternative<std::optional<std::string>>(parsed));
    const auto &result = std::get<std::optional<std::string>>(parsed);
    QCOMPARE(result.has_value(), hasToken);
    if (hasToken)
        QCOMPARE(QByteArray::fromStdString(*result), token);
}

void TestShadowDocument::clientTokenOf_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("hasToken");
    QTest::addColumn<QByteArray>("token");

    QTest::newRow("valid update") << QByteArray(R"({"state":{},"clientToken":"a"})") << true
                                  << QByteArray("a");
    QTest::newRow("invalid state") << QByteArray(R"({"state":5,"clientToken":"b"})") << true
                                   << QByteArray("b");
    QTest::newRow("bad version") << QByteArray(R"({"version":"x","clientToken":"c"})") << true
                                 << QByteArray("c");
    QTest::newRow("no token") << QByteArray(R"({"state":{}})") << false << QByteArray();
    QTest::newRow("invalid JSON") << QByteArray(R"({"clientToken":"d",)") << false << QByteArray();
    QTest::newRow("token too long") << tokenUpdate(QByteArray(65, 'k')) << false << QByteArray();
    QTest::newRow("token not a string") << QByteArray(R"({"clientToken":5})") << false << QByteArray();
    QTest::newRow("empty payload") << QByteArray() << false << QByteArray();
}

void TestShadowDocument::clientTokenOf()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, hasToken);
    QFETCH(QByteArray, token);

    const std::optional<std::string> result = ShadowDocument::clientTokenOf(payload);
    QCOMPARE(result.has_value(), hasToken);
    if (hasToken)
        QCOMPARE(QByteArray::fromStdString(*result), token);
}

void TestShadowDocument::merge_data()
{
    QTest::addColumn<QByteArray>("initial"); // state of the first update
    QTest::addColumn<QByteArray>("change");  // state of the second update
    QTest::addColumn<QByteArray>("desired");
    QTest::addColumn<QByteArray>("reported");

    QTest::newRow("partial: other keys kept")
        << QByteArray(R"({"desired":{"a":1,"b":2}})") << QByteArray(R"({"desired":{"b":3,"c":4}})")
        << QByteArray(R"({"a":1,"b":3,"c":4})") << QByteArray("{}");
    QTest::newRow("sections independent")
        << QByteArray(R"({"desired":{"a":1},"reported":{"a":0}})") << QByteArray(R"({"reported":{"a":1}})")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1})");
    QTest::newRow("null removes a leaf")
        << QByteArray(R"({"desired":{"a":1,"b":2}})") << QByteArray(R"({"desired":{"a":null}})")
        << QByteArray(R"({"b":2})") << QByteArray("{}");
    QTest::newRow("null removes an object")
        << QByteArray(R"({"desired":{"a":{"x":1},"b":2}})") << QByteArray(R"({"desired":{"a":null}})")
        << QByteArray(R"({"b":2})") << QByteArray("{}");
    // The documented choice: a parent emptied by removals stays as {}.
    QTest::newRow("emptied parent stays")
        << QByteArray(R"({"reported":{"p":{"x":1}}})") << QByteArray(R"({"reported":{"p":{"x":null}}})")
        << QByteArray("{}") << QByteArray(R"({"p":{}})");
    QTest::newRow("null on a missing key")
        << QByteArray(R"({"desired":{"a":1}})") << QByteArray(R"({"desired":{"zz":null}})")
        << QByteArray(R"({"a":1})") << QByteArray("{}");
    QTest::newRow("removal under a missing parent creates nothing")
        << QByteArray(R"({"desired":{"a":1}})") << QByteArray(R"({"desired":{"p":{"q":{"r":null}}}})")
        << QByteArray(R"({"a":1})") << QByteArray("{}");
    QTest::newRow("removal under a scalar leaves it")
        << QByteArray(R"({"desired":{"p":5}})") << QByteArray(R"({"desired":{"p":{"q":null}}})")
        << QByteArray(R"({"p":5})") << QByteArray("{}");
    QTest::newRow("removal and value under a missing parent")
        << QByteArray(R"({"desired":{}})") << QByteArray(R"({"desired":{"p":{"q":null,"r":1}}})")
        << QByteArray(R"({"p":{"r":1}})") << QByteArray("{}");
    QTest::newRow("desired null removes the section")
        << QByteArray(R"({"desired":{"a":1},"reported":{"b":2}})") << QByteArray(R"({"desired":null})")
        << QByteArray("{}") << QByteArray(R"({"b":2})");
    QTest::newRow("reported null removes the section")
        << QByteArray(R"({"desired":{"a":1},"reported":{"b":2}})") << QByteArray(R"({"reported":null})")
        << QByteArray(R"({"a":1})") << QByteArray("{}");
    QTest::newRow("both null empties the shadow")
        << QByteArray(R"({"desired":{"a":1},"reported":{"b":2}})")
        << QByteArray(R"({"desired":null,"reported":null})") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("array replaced whole, shorter")
        << QByteArray(R"({"desired":{"l":[1,2,3]}})") << QByteArray(R"({"desired":{"l":[9]}})")
        << QByteArray(R"({"l":[9]})") << QByteArray("{}");
    QTest::newRow("array of objects replaced whole")
        << QByteArray(R"({"desired":{"l":[{"a":1,"b":2}]}})") << QByteArray(R"({"desired":{"l":[{"a":5}]}})")
        << QByteArray(R"({"l":[{"a":5}]})") << QByteArray("{}");
    QTest::newRow("array emptied") << QByteArray(R"({"desired":{"l":[1]}})")
                                   << QByteArray(R"({"desired":{"l":[]}})") << QByteArray(R"({"l":[]})")
                                   << QByteArray("{}");
    QTest::newRow("objects merged recursively")
        << QByteArray(R"({"desired":{"o":{"a":1,"n":{"x":1,"y":2}}}})")
        << QByteArray(R"({"desired":{"o":{"n":{"y":3,"z":4}}}})")
        << QByteArray(R"({"o":{"a":1,"n":{"x":1,"y":3,"z":4}}})") << QByteArray("{}");
    QTest::newRow("scalar replaces object")
        << QByteArray(R"({"desired":{"o":{"a":1}}})") << QByteArray(R"({"desired":{"o":"off"}})")
        << QByteArray(R"({"o":"off"})") << QByteArray("{}");
    QTest::newRow("object replaces scalar")
        << QByteArray(R"({"desired":{"o":"off"}})") << QByteArray(R"({"desired":{"o":{"a":1}}})")
        << QByteArray(R"({"o":{"a":1}})") << QByteArray("{}");
    QTest::newRow("object replaces array")
        << QByteArray(R"({"desired":{"o":[1]}})") << QByteArray(R"({"desired":{"o":{"a":1}}})")
        << QByteArray(R"({"o":{"a":1}})") << QByteArray("{}");
    QTest::newRow("array replaces object")
        << QByteArray(R"({"desired":{"o":{"a":1}}})") << QByteArray(R"({"desired":{"o":[1]}})")
        << QByteArray(R"({"o":[1]})") << QByteArray("{}");
    QTest::newRow("empty object is a value")
        << QByteArray(R"({"desired":{"a":1}})") << QByteArray(R"({"desired":{"e":{}}})")
        << QByteArray(R"({"a":1,"e":{}})") << QByteArray("{}");
    QTest::newRow("empty object merges into object")
        << QByteArray(R"({"desired":{"o":{"a":1}}})") << QByteArray(R"({"desired":{"o":{}}})")
        << QByteArray(R"({"o":{"a":1}})") << QByteArray("{}");
    QTest::newRow("empty state changes nothing")
        << QByteArray(R"({"desired":{"a":1},"reported":{"b":2}})") << QByteArray("{}")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"b":2})");
    QTest::newRow("empty desired changes nothing")
        << QByteArray(R"({"desired":{"a":1}})") << QByteArray(R"({"desired":{}})") << QByteArray(R"({"a":1})")
        << QByteArray("{}");
    QTest::newRow("key order: existing keys stay, new keys appended")
        << QByteArray(R"({"desired":{"z":1,"a":2}})") << QByteArray(R"({"desired":{"m":3,"z":4}})")
        << QByteArray(R"({"z":4,"a":2,"m":3})") << QByteArray("{}");
    QTest::newRow("value types kept") << QByteArray(R"({"reported":{"b":true,"f":1.5,"s":"x","n":-3}})")
                                      << QByteArray(R"({"reported":{"b":false}})") << QByteArray("{}")
                                      << QByteArray(R"({"b":false,"f":1.5,"s":"x","n":-3})");
}

void TestShadowDocument::merge()
{
    QFETCH(QByteArray, initial);
    QFETCH(QByteArray, change);
    QFETCH(QByteArray, desired);
    QFETCH(QByteArray, reported);

    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":)" + initial + "}", T1));
    QVERIFY(update(doc, R"({"state":)" + change + "}", T2));
    QVERIFY(doc.exists());
    QCOMPARE(doc.version(), 2);
    QCOMPARE_JSON(doc.desired(), j(desired));
    QCOMPARE_JSON(doc.reported(), j(reported));
}

void TestShadowDocument::metadata_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QByteArray>("metadata"); // {"timestamp":T1} written as T

    QTest::newRow("leaves") << QByteArray(R"({"desired":{"a":1,"b":"x"}})")
                            << QByteArray(R"({"desired":{"a":T,"b":T}})");
    QTest::newRow("nested") << QByteArray(R"({"reported":{"o":{"p":{"q":true}}}})")
                            << QByteArray(R"({"reported":{"o":{"p":{"q":T}}}})");
    // As AWS: arrays get one entry per element, objects inside arrays per leaf.
    QTest::newRow("array per element")
        << QByteArray(R"({"desired":{"l":[1,2,3]}})") << QByteArray(R"({"desired":{"l":[T,T,T]}})");
    QTest::newRow("array of objects") << QByteArray(R"({"desired":{"l":[{"a":1},[2]]}})")
                                      << QByteArray(R"({"desired":{"l":[{"a":T},[T]]}})");
    QTest::newRow("empty array") << QByteArray(R"({"desired":{"l":[]}})")
                                 << QByteArray(R"({"desired":{"l":[]}})");
    QTest::newRow("empty object") << QByteArray(R"({"desired":{"e":{}}})")
                                  << QByteArray(R"({"desired":{"e":{}}})");
    QTest::newRow("both sections") << QByteArray(R"({"desired":{"a":1},"reported":{"b":2}})")
                                   << QByteArray(R"({"desired":{"a":T},"reported":{"b":T}})");
    // An empty section has no metadata entry at all.
    QTest::newRow("empty section") << QByteArray(R"({"desired":{}})") << QByteArray("{}");
    QTest::newRow("removals only") << QByteArray(R"({"desired":{"a":null}})") << QByteArray("{}");
}

void TestShadowDocument::metadata()
{
    QFETCH(QByteArray, state);
    QFETCH(QByteArray, metadata);

    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":)" + state + "}", T1));
    const QByteArray expected = metadata.replace("T", ts(T1).dump().c_str());
    QCOMPARE_JSON(doc.metadata(), j(expected));
    QCOMPARE(doc.timestamp(), T1);
}

void TestShadowDocument::metadataFollowsChanges()
{
    ShadowDocument doc;
    QVERIFY(
        update(doc, R"({"state":{"desired":{"a":1,"o":{"x":1,"y":2},"l":[1,2]},"reported":{"r":1}}})", T1));
    QVERIFY(update(doc, R"({"state":{"desired":{"o":{"y":3},"l":[5],"a":null}}})", T2));
    // Untouched leaves keep their time; changed ones get the new one; removed ones lose their metadata;
    // a replaced array gets metadata for its new elements only.
    QCOMPARE_JSON(doc.metadata(), (Json{{"desired", {{"o", {{"x", ts(T1)}, {"y", ts(T2)}}}, {"l", {ts(T2)}}}},
                                        {"reported", {{"r", ts(T1)}}}}));

    // A scalar replacing an object replaces its metadata too, and vice versa.
    QVERIFY(update(doc, R"({"state":{"desired":{"o":7,"l":{"k":1}}}})", T3));
    QCOMPARE_JSON(doc.metadata()["desired"], (Json{{"o", ts(T3)}, {"l", {{"k", ts(T3)}}}}));

    // Deleting a section deletes its metadata.
    QVERIFY(update(doc, R"({"state":{"reported":null}})", T3));
    QVERIFY(!doc.metadata().contains("reported"));
    QVERIFY(update(doc, R"({"state":{"desired":{"o":null,"l":null}}})", T3));
    QCOMPARE_JSON(doc.metadata(), Json::object());
    QCOMPARE_JSON(doc.desired(), Json::object());
}

void TestShadowDocument::versions()
{
    ShadowDocument doc;
    for (int i = 1; i <= 5; ++i) {
        ShadowDocument::UpdateResult result;
        QVERIFY(
            update(doc, R"({"state":{"reported":{"n":)" + QByteArray::number(i) + "}}}", T1 + i, &result));
        QCOMPARE(doc.version(), i);
        QCOMPARE(result.accepted["version"].get<qint64>(), i);
        QCOMPARE(documentsOf(result)["current"]["version"].get<qint64>(), i);
        QCOMPARE(documentsOf(result)["previous"]["version"].get<qint64>(), i - 1);
        QCOMPARE(doc.timestamp(), T1 + i);
    }
    // An update that changes nothing is still an accepted update.
    QVERIFY(update(doc, R"({"state":{}})", T2));
    QCOMPARE(doc.version(), 6);
    // A version larger than the current one is a conflict too.
    ShadowError error;
    QVERIFY(!update(doc, R"({"state":{},"version":7})", T2, nullptr, &error));
    QCOMPARE(error, ShadowError::versionConflict());
}

void TestShadowDocument::awsVersionExample()
{
    // The developer guide's example: a shadow at version 10.
    ShadowDocument doc;
    for (int i = 0; i < 10; ++i)
        QVERIFY(update(doc, R"({"state":{"reported":{"i":)" + QByteArray::number(i) + "}}}", T1));
    QCOMPARE(doc.version(), 10);

    ShadowError error;
    QVERIFY(!update(doc, R"({"state":{"desired":{"on":true}},"version":9})", T2, nullptr, &error));
    QCOMPARE(error.code, 409);
    QCOMPARE(error.message, u"Version conflict"_s);
    QCOMPARE(doc.version(), 10);
    QVERIFY(!doc.desired().contains("on"));

    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"desired":{"on":true}},"version":10})", T2, &result));
    QCOMPARE(doc.version(), 11);
    QCOMPARE(result.accepted["version"].get<qint64>(), 11);
    QCOMPARE_JSON(doc.desired(), j(R"({"on":true})"));
}

void TestShadowDocument::versionOnMissingShadow_data()
{
    QTest::addColumn<int>("updatesBeforeDelete"); // -1: never created
    QTest::addColumn<qint64>("requestVersion");
    QTest::addColumn<bool>("accepted");

    // A shadow that does not exist takes the counter it will continue from (0 if it never existed).
    QTest::newRow("never created, version 0") << -1 << qint64(0) << true;
    QTest::newRow("never created, version 1") << -1 << qint64(1) << false;
    QTest::newRow("deleted at 5, version 5") << 5 << qint64(5) << true;
    QTest::newRow("deleted at 5, version 0") << 5 << qint64(0) << false;
    QTest::newRow("deleted at 5, version 6") << 5 << qint64(6) << false;
}

void TestShadowDocument::versionOnMissingShadow()
{
    QFETCH(int, updatesBeforeDelete);
    QFETCH(qint64, requestVersion);
    QFETCH(bool, accepted);

    ShadowDocument doc;
    for (int i = 0; i < updatesBeforeDelete; ++i)
        QVERIFY(update(doc, R"({"state":{"reported":{"x":1}}})", T1));
    if (updatesBeforeDelete >= 0)
        doc.remove(std::nullopt, T1);
    QVERIFY(!doc.exists());
    const qint64 before = doc.version();

    ShadowError error;
    const bool ok =
        update(doc, R"({"state":{"desired":{"a":1}},"version":)" + QByteArray::number(requestVersion) + "}",
               T2, nullptr, &error);
    QCOMPARE(ok, accepted);
    if (accepted) {
        QVERIFY(doc.exists());
        QCOMPARE(doc.version(), before + 1);
    } else {
        QCOMPARE(error, ShadowError::versionConflict());
        QVERIFY(!doc.exists());
        QCOMPARE(doc.version(), before);
    }
}

void TestShadowDocument::rejectedUpdateChangesNothing()
{
    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":1},"reported":{"a":0}}})", T1));
    const ShadowDocument before = doc;

    ShadowError error;
    QVERIFY(!update(doc, R"({"state":{"desired":{"a":2}},"version":0})", T2, nullptr, &error));
    QCOMPARE(error.code, 409);
    QVERIFY(doc == before);
    QVERIFY(!update(doc, blobUpdate(ShadowDocument::MaxStateBytes), T2, nullptr, &error));
    QCOMPARE(error.code, 413);
    QVERIFY(doc == before);
}

void TestShadowDocument::size_data()
{
    QTest::addColumn<qsizetype>("blobLength");
    QTest::addColumn<bool>("accepted");

    const qsizetype limit = blobAtLimit();
    QTest::newRow("well under") << qsizetype(100) << true;
    QTest::newRow("one byte under 8 KB") << limit - 1 << true;
    QTest::newRow("exactly 8 KB") << limit << true;
    QTest::newRow("one byte over 8 KB") << limit + 1 << false;
    QTest::newRow("well over") << qsizetype(20000) << false;
}

void TestShadowDocument::size()
{
    QFETCH(qsizetype, blobLength);
    QFETCH(bool, accepted);

    ShadowDocument doc;
    ShadowError error;
    QCOMPARE(update(doc, blobUpdate(blobLength), T1, nullptr, &error), accepted);
    if (accepted) {
        QVERIFY(ShadowDocument::stateBytes(doc.desired(), doc.reported()) <= ShadowDocument::MaxStateBytes);
    } else {
        QCOMPARE(error.code, 413);
        QCOMPARE(error.message, u"The payload exceeds the maximum size allowed"_s);
        QVERIFY(!doc.exists());
        QCOMPARE(doc.version(), 0);
    }
}

void TestShadowDocument::sizeCountsMergedState()
{
    // Each update is small enough; together they are not. Metadata is not counted: the stored metadata of a
    // full shadow is larger than its state and the update still passes.
    const qsizetype half = ShadowDocument::MaxStateBytes / 2;
    ShadowDocument doc;
    QVERIFY(update(doc, blobUpdate(half), T1));
    ShadowError error;
    QVERIFY(!update(doc, R"({"state":{"reported":{"blob":")" + QByteArray(half, 'y') + "\"}}}", T2, nullptr,
                    &error));
    QCOMPARE(error.code, 413);
    QCOMPARE(doc.version(), 1);
    // Removing desired in the same update makes room.
    QVERIFY(update(doc, R"({"state":{"desired":null,"reported":{"blob":")" + QByteArray(half, 'y') + "\"}}}",
                   T2));
    QCOMPARE(doc.version(), 2);

    ShadowDocument many;
    QByteArray items;
    for (int i = 0; i < 600; ++i)
        items += (i ? "," : "") + QByteArray::number(i % 10);
    QVERIFY(update(many, desiredUpdate(R"({"l":[)" + items + "]}"), T1));
    QVERIFY(qsizetype(many.metadata().dump().size()) > ShadowDocument::MaxStateBytes);
}

void TestShadowDocument::stateBytesCountsUtf8Bytes()
{
    // The compact dump of {"desired":…,"reported":…}, in bytes.
    QCOMPARE(ShadowDocument::stateBytes(Json::object(), Json::object()),
             qsizetype(std::string(R"({"desired":{},"reported":{}})").size()));
    QCOMPARE(ShadowDocument::stateBytes(j(R"({"a":1})"), j(R"({"b":"x"})")),
             qsizetype(std::string(R"({"desired":{"a":1},"reported":{"b":"x"}})").size()));
    QCOMPARE(ShadowDocument::stateBytes(j("{\"a\":\"\xc3\xa9\"}"), Json::object()),
             ShadowDocument::stateBytes(j(R"({"a":"ab"})"), Json::object()));
    // Whitespace in the request does not count.
    ShadowDocument doc;
    QVERIFY(update(doc, "{\"state\":{\"desired\":{ \"a\" :  1 }}}", T1));
    QCOMPARE(ShadowDocument::stateBytes(doc.desired(), doc.reported()),
             qsizetype(std::string(R"({"desired":{"a":1},"reported":{}})").size()));
}

void TestShadowDocument::delta_data()
{
    QTest::addColumn<QByteArray>("desired");
    QTest::addColumn<QByteArray>("reported");
    QTest::addColumn<QByteArray>("delta");

    QTest::newRow("no state") << QByteArray("{}") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("equal") << QByteArray(R"({"a":1,"b":"x"})") << QByteArray(R"({"b":"x","a":1})")
                           << QByteArray("{}");
    QTest::newRow("missing in reported")
        << QByteArray(R"({"a":1})") << QByteArray("{}") << QByteArray(R"({"a":1})");
    QTest::newRow("different value") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"a":1,"b":3})")
                                     << QByteArray(R"({"b":2})");
    QTest::newRow("keys only in reported excluded")
        << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1,"extra":5,"o":{"p":1}})") << QByteArray("{}");
    QTest::newRow("nested path kept, only differing keys")
        << QByteArray(R"({"o":{"a":1,"b":2,"n":{"x":1,"y":2}}})")
        << QByteArray(R"({"o":{"a":1,"b":0,"n":{"x":1,"y":0}}})")
        << QByteArray(R"({"o":{"b":2,"n":{"y":2}}})");
    QTest::newRow("nested object missing in reported")
        << QByteArray(R"({"o":{"a":1}})") << QByteArray(R"({"x":1})") << QByteArray(R"({"o":{"a":1}})");
    QTest::newRow("nested object against scalar")
        << QByteArray(R"({"o":{"a":1,"b":2}})") << QByteArray(R"({"o":5})")
        << QByteArray(R"({"o":{"a":1,"b":2}})");
    QTest::newRow("scalar against object")
        << QByteArray(R"({"o":5})") << QByteArray(R"({"o":{"a":1}})") << QByteArray(R"({"o":5})");
    QTest::newRow("nested equal excluded")
        << QByteArray(R"({"o":{"a":1},"p":2})") << QByteArray(R"({"o":{"a":1,"z":0},"p":3})")
        << QByteArray(R"({"p":2})");
    QTest::newRow("arrays equal") << QByteArray(R"({"l":[1,2]})") << QByteArray(R"({"l":[1,2]})")
                                  << QByteArray("{}");
    QTest::newRow("arrays compared whole")
        << QByteArray(R"({"l":[1,2]})") << QByteArray(R"({"l":[1,2,3]})") << QByteArray(R"({"l":[1,2]})");
    QTest::newRow("array order matters")
        << QByteArray(R"({"l":[1,2]})") << QByteArray(R"({"l":[2,1]})") << QByteArray(R"({"l":[1,2]})");
    QTest::newRow("arrays of objects whole")
        << QByteArray(R"({"l":[{"a":1,"b":2}]})") << QByteArray(R"({"l":[{"a":1,"b":3}]})")
        << QByteArray(R"({"l":[{"a":1,"b":2}]})");
    QTest::newRow("type differs") << QByteArray(R"({"a":"1","b":true})") << QByteArray(R"({"a":1,"b":1})")
                                  << QByteArray(R"({"a":"1","b":true})");
    // JSON numbers compare by value: 1 and 1.0 are the same number.
    QTest::newRow("number forms equal")
        << QByteArray(R"({"a":1.0})") << QByteArray(R"({"a":1})") << QByteArray("{}");
    QTest::newRow("empty desired object against missing")
        << QByteArray(R"({"e":{}})") << QByteArray("{}") << QByteArray(R"({"e":{}})");
    QTest::newRow("empty desired object against object")
        << QByteArray(R"({"e":{}})") << QByteArray(R"({"e":{"x":1}})") << QByteArray("{}");
    QTest::newRow("deep") << QByteArray(R"({"a":{"b":{"c":{"d":{"e":{"f":1}}}}}})")
                          << QByteArray(R"({"a":{"b":{"c":{"d":{"e":{"f":2}}}}}})")
                          << QByteArray(R"({"a":{"b":{"c":{"d":{"e":{"f":1}}}}}})");
    QTest::newRow("desired order kept") << QByteArray(R"({"z":1,"a":2,"m":3})") << QByteArray(R"({"a":0})")
                                        << QByteArray(R"({"z":1,"a":2,"m":3})");
}

void TestShadowDocument::delta()
{
    QFETCH(QByteArray, desired);
    QFETCH(QByteArray, reported);
    QFETCH(QByteArray, delta);

    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"reported":)" + reported + "}}", T1));
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"desired":)" + desired + "}}", T2, &result));
    QCOMPARE_JSON(doc.delta(), j(delta));
    // The delta's metadata has the delta's shape, with desired's timestamps.
    std::function<Json(const Json &)> shape = [&](const Json &value) -> Json {
        if (value.is_object()) {
            Json out = Json::object();
            for (const auto &[key, child] : value.items())
                out[key] = shape(child);
            return out;
        }
        if (value.is_array()) {
            Json out = Json::array();
            for (const auto &child : value)
                out.push_back(shape(child));
            return out;
        }
        return ts(T2);
    };
    QCOMPARE_JSON(doc.deltaMetadata(), shape(doc.delta()));
    // Published exactly when the desired update leaves a delta.
    QCOMPARE(result.delta.has_value(), !doc.delta().empty());
    if (result.delta)
        QCOMPARE_JSON((*result.delta)["state"], doc.delta());
}

void TestShadowDocument::deltaIsWholeNotThisUpdate()
{
    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":1}}})", T1));
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"desired":{"b":2}},"clientToken":"c2"})", T2, &result));
    QVERIFY(result.delta);
    QCOMPARE_JSON(*result.delta, (Json{{"state", {{"a", 1}, {"b", 2}}},
                                       {"metadata", {{"a", ts(T1)}, {"b", ts(T2)}}},
                                       {"version", 2},
                                       {"timestamp", T2},
                                       {"clientToken", "c2"}}));
    // Even a desired update that matches reported publishes the remaining delta.
    QVERIFY(update(doc, R"({"state":{"reported":{"c":3}}})", T2));
    QVERIFY(update(doc, R"({"state":{"desired":{"c":3}}})", T3, &result));
    QVERIFY(result.delta);
    QCOMPARE_JSON((*result.delta)["state"], j(R"({"a":1,"b":2})"));
    QVERIFY(!result.delta->contains("clientToken"));
}

void TestShadowDocument::deltaPublish_data()
{
    QTest::addColumn<QByteArray>("initial");
    QTest::addColumn<QByteArray>("change");
    QTest::addColumn<bool>("published");

    QTest::newRow("desired update leaving a difference")
        << QByteArray(R"({"reported":{"on":false}})") << QByteArray(R"({"desired":{"on":true}})") << true;
    QTest::newRow("desired update on a new key") << QByteArray(R"({"desired":{"a":1},"reported":{"a":1}})")
                                                 << QByteArray(R"({"desired":{"b":1}})") << true;
    QTest::newRow("desired update matching reported")
        << QByteArray(R"({"reported":{"on":true}})") << QByteArray(R"({"desired":{"on":true}})") << false;
    // The pinned choice (protocols.md: not confirmed): a reported-only update never publishes a delta.
    QTest::newRow("reported-only update leaving a difference")
        << QByteArray(R"({"desired":{"on":true}})") << QByteArray(R"({"reported":{"on":false}})") << false;
    QTest::newRow("reported-only update creating a difference")
        << QByteArray(R"({"desired":{"on":true},"reported":{"on":true}})")
        << QByteArray(R"({"reported":{"on":false}})") << false;
    QTest::newRow("reported update resolving the difference")
        << QByteArray(R"({"desired":{"on":true}})") << QByteArray(R"({"reported":{"on":true}})") << false;
    QTest::newRow("desired removal resolving the difference")
        << QByteArray(R"({"desired":{"on":true}})") << QByteArray(R"({"desired":{"on":null}})") << false;
    QTest::newRow("desired section deleted")
        << QByteArray(R"({"desired":{"on":true}})") << QByteArray(R"({"desired":null})") << false;
    QTest::newRow("desired removal leaving another difference")
        << QByteArray(R"({"desired":{"on":true,"lvl":2}})") << QByteArray(R"({"desired":{"on":null}})")
        << true;
    QTest::newRow("empty desired with a standing difference")
        << QByteArray(R"({"desired":{"on":true}})") << QByteArray(R"({"desired":{}})") << true;
    QTest::newRow("empty state") << QByteArray(R"({"desired":{"on":true}})") << QByteArray("{}") << false;
    QTest::newRow("both sections, difference left")
        << QByteArray("{}") << QByteArray(R"({"desired":{"on":true},"reported":{"on":false}})") << true;
    QTest::newRow("both sections, no difference")
        << QByteArray("{}") << QByteArray(R"({"desired":{"on":true},"reported":{"on":true}})") << false;
}

void TestShadowDocument::deltaPublish()
{
    QFETCH(QByteArray, initial);
    QFETCH(QByteArray, change);
    QFETCH(bool, published);

    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":)" + initial + "}", T1));
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":)" + change + R"(,"clientToken":"d"})", T2, &result));
    QCOMPARE(result.delta.has_value(), published);
    if (published) {
        QCOMPARE_JSON(*result.delta, (Json{{"state", doc.delta()},
                                           {"metadata", doc.deltaMetadata()},
                                           {"version", doc.version()},
                                           {"timestamp", T2},
                                           {"clientToken", "d"}}));
    }
}

void TestShadowDocument::acceptedBody()
{
    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":0,"b":1,"keep":1},"reported":{"r":1}}})", T1));
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc,
                   R"({"state":{"desired":{"a":5,"b":null,"o":{"p":[1,2]}},"reported":null},)"
                   R"("clientToken":"tok-1","version":1})",
                   T2, &result));
    // Only what the request named, nulls included, each with the request's timestamp.
    const Json expected = {{"state", j(R"({"desired":{"a":5,"b":null,"o":{"p":[1,2]}},"reported":null})")},
                           {"metadata",
                            {{"desired", {{"a", ts(T2)}, {"b", ts(T2)}, {"o", {{"p", {ts(T2), ts(T2)}}}}}},
                             {"reported", ts(T2)}}},
                           {"version", 2},
                           {"timestamp", T2},
                           {"clientToken", "tok-1"}};
    QCOMPARE_JSON(result.accepted, expected);
}

void TestShadowDocument::acceptedBodyWithoutToken()
{
    ShadowDocument doc;
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"reported":{"x":1}}})", T1, &result));
    QCOMPARE_JSON(result.accepted, (Json{{"state", {{"reported", {{"x", 1}}}}},
                                         {"metadata", {{"reported", {{"x", ts(T1)}}}}},
                                         {"version", 1},
                                         {"timestamp", T1}}));
    QVERIFY(!documentsOf(result).contains("clientToken"));
    QVERIFY(!result.delta);

    // The token is echoed as sent: 64 bytes of UTF-8.
    const QByteArray token = QString(32, u'\u00e9').toUtf8();
    QVERIFY(update(doc, tokenUpdate(token), T2, &result));
    QCOMPARE(QByteArray::fromStdString(result.accepted["clientToken"].get<std::string>()), token);
    QCOMPARE(QByteArray::fromStdString(documentsOf(result)["clientToken"].get<std::string>()), token);
}

void TestShadowDocument::documentsBody()
{
    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":1},"reported":{"a":0}}})", T1));
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"reported":{"a":1,"b":2}},"clientToken":"docs"})", T2, &result));
    const Json expected = {
        {"previous",
         {{"state", j(R"({"desired":{"a":1},"reported":{"a":0}})")},
          {"metadata", {{"desired", {{"a", ts(T1)}}}, {"reported", {{"a", ts(T1)}}}}},
          {"version", 1}}},
        {"current",
         {{"state", j(R"({"desired":{"a":1},"reported":{"a":1,"b":2}})")},
          {"metadata", {{"desired", {{"a", ts(T1)}}}, {"reported", {{"a", ts(T2)}, {"b", ts(T2)}}}}},
          {"version", 2}}},
        {"timestamp", T2},
        {"clientToken", "docs"}};
    QCOMPARE_JSON(documentsOf(result), expected);
}

void TestShadowDocument::documentsOfNewShadow()
{
    // A shadow that did not exist has an empty previous state, at the version counter it continues from.
    const Json emptySnapshot0 = {{"state", {{"desired", Json::object()}, {"reported", Json::object()}}},
                                 {"metadata", {{"desired", Json::object()}, {"reported", Json::object()}}},
                                 {"version", 0}};
    ShadowDocument doc;
    ShadowDocument::UpdateResult result;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":1}}})", T1, &result));
    QCOMPARE_JSON(documentsOf(result)["previous"], emptySnapshot0);
    QCOMPARE(documentsOf(result)["current"]["version"].get<qint64>(), 1);

    // Delete keeps the counter; the recreated shadow continues from it, and its previous is empty again.
    QVERIFY(update(doc, R"({"state":{"reported":{"a":1}}})", T1));
    QVERIFY(update(doc, R"({"state":{"reported":{"a":2}}})", T1));
    QCOMPARE(doc.version(), 3);
    const Json removed = doc.remove(std::string("del"), T2);
    QCOMPARE_JSON(removed, (Json{{"version", 3}, {"timestamp", T2}, {"clientToken", "del"}}));
    QVERIFY(update(doc, R"({"state":{"reported":{"z":1}}})", T3, &result));
    QCOMPARE(doc.version(), 4);
    QCOMPARE(result.accepted["version"].get<qint64>(), 4);
    Json emptySnapshot3 = emptySnapshot0;
    emptySnapshot3["version"] = 3;
    QCOMPARE_JSON(documentsOf(result)["previous"], emptySnapshot3);
    // The old content is gone: only the new update's state.
    QCOMPARE_JSON(doc.desired(), Json::object());
    QCOMPARE_JSON(doc.reported(), j(R"({"z":1})"));
}

void TestShadowDocument::getAccepted_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QByteArray>("expectedState");

    QTest::newRow("desired and reported with delta")
        << QByteArray(R"({"desired":{"a":1,"b":2},"reported":{"a":1,"b":0,"c":3}})")
        << QByteArray(R"({"desired":{"a":1,"b":2},"reported":{"a":1,"b":0,"c":3},"delta":{"b":2}})");
    QTest::newRow("in sync: no delta") << QByteArray(R"({"desired":{"a":1},"reported":{"a":1}})")
                                       << QByteArray(R"({"desired":{"a":1},"reported":{"a":1}})");
    QTest::newRow("reported only") << QByteArray(R"({"reported":{"a":1}})")
                                   << QByteArray(R"({"reported":{"a":1}})");
    QTest::newRow("desired only") << QByteArray(R"({"desired":{"a":1}})")
                                  << QByteArray(R"({"desired":{"a":1},"delta":{"a":1}})");
    QTest::newRow("empty shadow") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("emptied desired omitted")
        << QByteArray(R"({"desired":null,"reported":{"a":1}})") << QByteArray(R"({"reported":{"a":1}})");
}

void TestShadowDocument::getAccepted()
{
    QFETCH(QByteArray, state);
    QFETCH(QByteArray, expectedState);

    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":)" + state + "}", T1));
    const Json withToken = doc.getAccepted(std::string("g"), T3);
    QCOMPARE_JSON(withToken, (Json{{"state", j(expectedState)},
                                   {"metadata", doc.metadata()},
                                   {"version", 1},
                                   {"timestamp", T3},
                                   {"clientToken", "g"}}));
    const Json withoutToken = doc.getAccepted(std::nullopt, T3);
    QVERIFY(!withoutToken.contains("clientToken"));
    QCOMPARE_JSON(withoutToken["state"], j(expectedState));
}

void TestShadowDocument::removeKeepsVersion()
{
    ShadowDocument doc;
    QVERIFY(update(doc, R"({"state":{"desired":{"a":1},"reported":{"b":2}}})", T1));
    QVERIFY(update(doc, R"({"state":{"desired":{"a":2}}})", T1));
    const Json body = doc.remove(std::nullopt, T2);
    QCOMPARE_JSON(body, (Json{{"version", 2}, {"timestamp", T2}}));
    QVERIFY(!doc.exists());
    QCOMPARE(doc.version(), 2);
    QCOMPARE_JSON(doc.desired(), Json::object());
    QCOMPARE_JSON(doc.reported(), Json::object());
    QCOMPARE_JSON(doc.metadata(), Json::object());
    QCOMPARE_JSON(doc.delta(), Json::object());

    // A versioned update after delete must name the kept counter.
    ShadowError error;
    QVERIFY(!update(doc, R"({"state":{"reported":{"b":1}},"version":0})", T3, nullptr, &error));
    QCOMPARE(error, ShadowError::versionConflict());
    QVERIFY(update(doc, R"({"state":{"reported":{"b":1}},"version":2})", T3));
    QCOMPARE(doc.version(), 3);
    QVERIFY(doc.exists());
}

void TestShadowDocument::storedRoundTrip_data()
{
    QTest::addColumn<QList<QByteArray>>("updates");
    QTest::addColumn<bool>("removeAtEnd");

    QTest::newRow("never created") << QList<QByteArray>{} << false;
    QTest::newRow("one update") << QList<QByteArray>{R"({"state":{"desired":{"a":1}}})"} << false;
    QTest::newRow("rich")
        << QList<
               QByteArray>{R"({"state":{"desired":{"z":1,"a":{"n":[1,{"k":"v"}],"e":{}}},"reported":{"s":"caf\u00e9","f":0.25}}})",
                           R"({"state":{"reported":{"b":false,"neg":-7}}})"}
        << false;
    QTest::newRow("deleted") << QList<QByteArray>{R"({"state":{"desired":{"a":1}}})",
                                                  R"({"state":{"reported":{"a":1}}})"}
                             << true;
}

void TestShadowDocument::storedRoundTrip()
{
    QFETCH(QList<QByteArray>, updates);
    QFETCH(bool, removeAtEnd);

    ShadowDocument doc;
    qint64 now = T1;
    for (const QByteArray &payload : updates)
        QVERIFY(update(doc, payload, now++));
    if (removeAtEnd)
        doc.remove(std::nullopt, now);

    const Json stored = doc.toStored();
    // What the hub writes, from the section texts apply() kept, is the same text.
    QCOMPARE(QString::fromStdString(doc.storedText()), QString::fromStdString(stored.dump()));
    QCOMPARE(stored["exists"].get<bool>(), doc.exists());
    QCOMPARE(stored["version"].get<qint64>(), doc.version());
    // Through text, as the hub stores it.
    const std::optional<ShadowDocument> back = ShadowDocument::fromStored(Json::parse(stored.dump()));
    QVERIFY(back);
    QVERIFY(*back == doc);
    QCOMPARE_JSON(back->toStored(), stored);
    QCOMPARE_JSON(back->delta(), doc.delta());

    // The restored document behaves like the original.
    ShadowDocument copy = *back;
    ShadowDocument::UpdateResult a;
    ShadowDocument::UpdateResult b;
    QVERIFY(update(doc, R"({"state":{"desired":{"q":1}}})", T3, &a));
    QVERIFY(update(copy, R"({"state":{"desired":{"q":1}}})", T3, &b));
    QCOMPARE_JSON(documentsOf(b), documentsOf(a));
    QVERIFY(copy == doc);
    QCOMPARE(QString::fromStdString(copy.storedText()), QString::fromStdString(doc.toStored().dump()));
}

void TestShadowDocument::storedDamage_data()
{
    QTest::addColumn<QByteArray>("stored");

    const QByteArray good =
        R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{"a":1},"reported":{}},)"
        R"("metadata":{"desired":{"a":{"timestamp":5}}}})";
    QVERIFY(ShadowDocument::fromStored(j(good)));

    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("exists missing") << QByteArray(
        R"({"version":2,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("exists string") << QByteArray(
        R"({"exists":"true","version":2,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("version missing") << QByteArray(
        R"({"exists":true,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("version string") << QByteArray(
        R"({"exists":true,"version":"2","timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("version negative") << QByteArray(
        R"({"exists":true,"version":-1,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("version float") << QByteArray(
        R"({"exists":true,"version":2.5,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("timestamp missing")
        << QByteArray(R"({"exists":true,"version":2,"state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("timestamp string") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":"5","state":{"desired":{},"reported":{}},"metadata":{}})");
    QTest::newRow("state missing") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"metadata":{}})");
    QTest::newRow("state array") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"state":[],"metadata":{}})");
    QTest::newRow("desired missing") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"state":{"reported":{}},"metadata":{}})");
    QTest::newRow("desired null") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":null,"reported":{}},"metadata":{}})");
    QTest::newRow("reported array") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{},"reported":[]},"metadata":{}})");
    QTest::newRow("metadata missing")
        << QByteArray(R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{},"reported":{}}})");
    QTest::newRow("metadata string") << QByteArray(
        R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{},"reported":{}},"metadata":"x"})");
    QTest::newRow("metadata section not object")
        << QByteArray(R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{},"reported":{}},)"
                      R"("metadata":{"desired":1}})");
    QTest::newRow("metadata unknown section")
        << QByteArray(R"({"exists":true,"version":2,"timestamp":5,"state":{"desired":{},"reported":{}},)"
                      R"("metadata":{"delta":{}}})");
    QTest::newRow("deleted with state left") << QByteArray(
        R"({"exists":false,"version":2,"timestamp":5,"state":{"desired":{"a":1},"reported":{}},)"
        R"("metadata":{}})");
}

void TestShadowDocument::storedDamage()
{
    QFETCH(QByteArray, stored);
    QVERIFY(!ShadowDocument::fromStored(j(stored)));
}

void TestShadowDocument::depthOf_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("depth");

    QTest::newRow("scalar") << QByteArray("1") << 0;
    QTest::newRow("null") << QByteArray("null") << 0;
    QTest::newRow("empty object") << QByteArray("{}") << 1;
    QTest::newRow("flat") << QByteArray(R"({"a":1})") << 1;
    QTest::newRow("two") << QByteArray(R"({"a":{"b":1}})") << 2;
    QTest::newRow("array") << QByteArray("[1]") << 1;
    QTest::newRow("object in array") << QByteArray(R"({"a":[{"b":1}]})") << 3;
    QTest::newRow("deepest branch counts") << QByteArray(R"({"a":1,"b":{"c":{"d":1}},"e":{"f":1}})") << 3;
    QTest::newRow("six") << nested(6) << 6;
    QTest::newRow("seven") << nested(7) << 7;
}

void TestShadowDocument::depthOf()
{
    QFETCH(QByteArray, value);
    QFETCH(int, depth);
    QCOMPARE(ShadowDocument::depthOf(j(value)), depth);
}

void TestShadowDocument::containsNullInArray_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("contains");

    QTest::newRow("no arrays") << QByteArray(R"({"a":null,"b":{"c":null}})") << false;
    QTest::newRow("clean array") << QByteArray(R"({"a":[1,"x",{"b":2},[3]]})") << false;
    QTest::newRow("null element") << QByteArray(R"({"a":[null]})") << true;
    QTest::newRow("nested array") << QByteArray(R"({"a":[[1,[null]]]})") << true;
    QTest::newRow("object in array") << QByteArray(R"({"a":[{"b":{"c":null}}]})") << true;
    QTest::newRow("deep object") << QByteArray(R"({"a":{"b":{"c":[1,null]}}})") << true;
    QTest::newRow("top-level array") << QByteArray("[null]") << true;
    QTest::newRow("scalar null") << QByteArray("null") << false;
}

void TestShadowDocument::containsNullInArray()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, contains);
    QCOMPARE(ShadowDocument::containsNullInArray(j(value)), contains);
}

QTEST_GUILESS_MAIN(TestShadowDocument)
#include "tst_shadowdocument.moc"
