#include "mqtt/topicfilter.h"

#include <QTest>

#include <memory>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
using fleet::TopicFilter;

namespace {

// The limit is 65535 bytes of UTF-8, so the long strings are built from characters of every UTF-8 width to
// catch a check that counts UTF-16 units instead of bytes.
QString repeated(QStringView unit, qsizetype count)
{
    QString text;
    text.reserve(unit.size() * count);
    for (qsizetype i = 0; i < count; ++i)
        text.append(unit);
    return text;
}

QString withNull(QStringView before, QStringView after)
{
    return before.toString() + QChar(u'\0') + after.toString();
}

const QString Euro = u"\u20ac"_s;     // 3 bytes of UTF-8
const QString EAcute = u"\u00e9"_s;   // 2 bytes of UTF-8
const QString Grin = u"\U0001F600"_s; // a surrogate pair, 4 bytes of UTF-8
const QString LoneHigh = QString(QChar(0xD83D));
const QString LoneLow = QString(QChar(0xDE00));

} // namespace

class TestTopicFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data();
    void matches();
    void matchesView();

    void isValidFilter_data();
    void isValidFilter();

    void isValidTopicName_data();
    void isValidTopicName();

    void accessors_data();
    void accessors();
    void defaultConstructed();

    void copyOutlivesOriginal();
    void assignmentOutlivesSource();
    void moveKeepsMatching();
    void equality();

    void covers_data();
    void covers();
};

void TestTopicFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("expected");

    // MQTT 3.1.1 section 4.7.1 and 4.7.2 examples, in the order the spec gives them.
    QTest::newRow("spec: player1/# matches parent")
        << u"sport/tennis/player1/#"_s << u"sport/tennis/player1"_s << true;
    QTest::newRow("spec: player1/# matches one level")
        << u"sport/tennis/player1/#"_s << u"sport/tennis/player1/ranking"_s << true;
    QTest::newRow("spec: player1/# matches two levels")
        << u"sport/tennis/player1/#"_s << u"sport/tennis/player1/score/wimbledon"_s << true;
    QTest::newRow("spec: sport/# matches sport") << u"sport/#"_s << u"sport"_s << true;
    QTest::newRow("spec: tennis/+ matches player1")
        << u"sport/tennis/+"_s << u"sport/tennis/player1"_s << true;
    QTest::newRow("spec: tennis/+ matches player2")
        << u"sport/tennis/+"_s << u"sport/tennis/player2"_s << true;
    QTest::newRow("spec: tennis/+ not two levels")
        << u"sport/tennis/+"_s << u"sport/tennis/player1/ranking"_s << false;
    QTest::newRow("spec: sport/+ not sport") << u"sport/+"_s << u"sport"_s << false;
    QTest::newRow("spec: sport/+ matches sport/") << u"sport/+"_s << u"sport/"_s << true;
    QTest::newRow("spec: +/+ matches /finance") << u"+/+"_s << u"/finance"_s << true;
    QTest::newRow("spec: /+ matches /finance") << u"/+"_s << u"/finance"_s << true;
    QTest::newRow("spec: + not /finance") << u"+"_s << u"/finance"_s << false;
    QTest::newRow("spec: +/tennis/# mixed") << u"+/tennis/#"_s << u"sport/tennis/player1/ranking"_s << true;
    QTest::newRow("spec: sport/+/player1") << u"sport/+/player1"_s << u"sport/tennis/player1"_s << true;
    QTest::newRow("spec: # not $SYS") << u"#"_s << u"$SYS/monitor/Clients"_s << false;
    QTest::newRow("spec: +/monitor/Clients not $SYS")
        << u"+/monitor/Clients"_s << u"$SYS/monitor/Clients"_s << false;
    QTest::newRow("spec: $SYS/# matches $SYS") << u"$SYS/#"_s << u"$SYS/monitor/Clients"_s << true;
    QTest::newRow("spec: $SYS/monitor/+") << u"$SYS/monitor/+"_s << u"$SYS/monitor/Clients"_s << true;

    // '$' topics beyond the spec's examples.
    QTest::newRow("$: $SYS/# matches $SYS itself") << u"$SYS/#"_s << u"$SYS"_s << true;
    QTest::newRow("$: # not $SYS/x") << u"#"_s << u"$SYS/x"_s << false;
    QTest::newRow("$: + not $SYS") << u"+"_s << u"$SYS"_s << false;
    QTest::newRow("$: +/# not $SYS/x") << u"+/#"_s << u"$SYS/x"_s << false;
    QTest::newRow("$: $ only special at start") << u"a/#"_s << u"a/$SYS/x"_s << true;
    QTest::newRow("$: + matches $ in later level") << u"a/+"_s << u"a/$x"_s << true;
    QTest::newRow("$: literal $SYS") << u"$SYS"_s << u"$SYS"_s << true;

    // AWS IoT device shadow topics: reserved '$aws' topics that devices and consoles subscribe to by name.
    QTest::newRow("aws: # not shadow") << u"#"_s << u"$aws/things/x"_s << false;
    QTest::newRow("aws: + thing accepted") << u"$aws/things/+/shadow/update/accepted"_s
                                           << u"$aws/things/lamp-01/shadow/update/accepted"_s << true;
    QTest::newRow("aws: shadow/# get rejected")
        << u"$aws/things/lamp-01/shadow/#"_s << u"$aws/things/lamp-01/shadow/get/rejected"_s << true;
    QTest::newRow("aws: update/# matches update")
        << u"$aws/things/+/shadow/update/#"_s << u"$aws/things/lamp-01/shadow/update"_s << true;
    QTest::newRow("aws: update not update/delta")
        << u"$aws/things/+/shadow/update"_s << u"$aws/things/lamp-01/shadow/update/delta"_s << false;
    QTest::newRow("aws: named shadow") << u"$aws/things/lamp-01/shadow/name/+/update"_s
                                       << u"$aws/things/lamp-01/shadow/name/config/update"_s << true;
    QTest::newRow("aws: $aws/# matches") << u"$aws/#"_s << u"$aws/things/x/shadow/update"_s << true;
    QTest::newRow("aws: other thing")
        << u"$aws/things/lamp-01/shadow/update"_s << u"$aws/things/lamp-02/shadow/update"_s << false;

    // Shared subscriptions: the topic is matched against the inner filter only.
    QTest::newRow("share: inner #") << u"$share/g/sport/#"_s << u"sport/tennis"_s << true;
    QTest::newRow("share: inner + not parent") << u"$share/g/sport/+"_s << u"sport"_s << false;
    QTest::newRow("share: inner # not $SYS") << u"$share/g/#"_s << u"$SYS/x"_s << false;
    QTest::newRow("share: inner $SYS/#") << u"$share/g/$SYS/#"_s << u"$SYS/x"_s << true;
    QTest::newRow("share: prefix not matched") << u"$share/g/a/b"_s << u"$share/g/a/b"_s << false;
    QTest::newRow("share: inner literal") << u"$share/g/a/b"_s << u"a/b"_s << true;
    QTest::newRow("share: group is not a level") << u"$share/g/+"_s << u"g"_s << true;
    QTest::newRow("share: inner empty levels") << u"$share/g//"_s << u"/"_s << true;

    // Empty levels are levels.
    QTest::newRow("empty: +/+ matches /") << u"+/+"_s << u"/"_s << true;
    QTest::newRow("empty: +/+/+ matches //") << u"+/+/+"_s << u"//"_s << true;
    QTest::newRow("empty: + not /") << u"+"_s << u"/"_s << false;
    QTest::newRow("empty: a//b literal") << u"a//b"_s << u"a//b"_s << true;
    QTest::newRow("empty: a//b not a/b") << u"a//b"_s << u"a/b"_s << false;
    QTest::newRow("empty: a/b not a//b") << u"a/b"_s << u"a//b"_s << false;
    QTest::newRow("empty: a/+/b matches a//b") << u"a/+/b"_s << u"a//b"_s << true;
    QTest::newRow("empty: a/+ matches a/") << u"a/+"_s << u"a/"_s << true;
    QTest::newRow("empty: a/# matches a/") << u"a/#"_s << u"a/"_s << true;
    QTest::newRow("empty: /a not a") << u"/a"_s << u"a"_s << false;
    QTest::newRow("empty: a not /a") << u"a"_s << u"/a"_s << false;
    QTest::newRow("empty: a not a/") << u"a"_s << u"a/"_s << false;
    QTest::newRow("empty: # matches /") << u"#"_s << u"/"_s << true;
    QTest::newRow("empty: /# matches /") << u"/#"_s << u"/"_s << true;
    QTest::newRow("empty: // literal") << u"//"_s << u"//"_s << true;

    // Plain levels.
    QTest::newRow("plain: exact") << u"a/b/c"_s << u"a/b/c"_s << true;
    QTest::newRow("plain: filter longer") << u"a/b/c"_s << u"a/b"_s << false;
    QTest::newRow("plain: topic longer") << u"a/b"_s << u"a/b/c"_s << false;
    QTest::newRow("plain: # matches all") << u"#"_s << u"a/b/c"_s << true;
    QTest::newRow("plain: a/+/c/# parent") << u"a/+/c/#"_s << u"a/x/c"_s << true;
    QTest::newRow("plain: +/# matches one level") << u"+/#"_s << u"a"_s << true;
    QTest::newRow("plain: a/b/# not a") << u"a/b/#"_s << u"a"_s << false;
    QTest::newRow("plain: a/# not prefix ab") << u"a/#"_s << u"ab"_s << false;
    QTest::newRow("plain: a not ab") << u"a"_s << u"ab"_s << false;
    QTest::newRow("plain: ab not a") << u"ab"_s << u"a"_s << false;
    QTest::newRow("plain: +/b not a/bc") << u"+/b"_s << u"a/bc"_s << false;
    QTest::newRow("plain: spaces significant") << u"a /b"_s << u"a/b"_s << false;

    // Case sensitivity.
    QTest::newRow("case: spec ACCOUNTS") << u"ACCOUNTS"_s << u"Accounts"_s << false;
    QTest::newRow("case: Sport/Tennis") << u"Sport/Tennis"_s << u"sport/tennis"_s << false;
    QTest::newRow("case: + keeps literal case") << u"sport/+"_s << u"SPORT/tennis"_s << false;
    QTest::newRow("case: $sys not $SYS") << u"$sys/#"_s << u"$SYS/x"_s << false;

    // Unicode: compared as code points, no normalization.
    QTest::newRow("unicode: literal")
        << u"capteurs/temp\u00e9rature"_s << u"capteurs/temp\u00e9rature"_s << true;
    QTest::newRow("unicode: + over accented") << u"capteurs/+"_s << u"capteurs/temp\u00e9rature"_s << true;
    QTest::newRow("unicode: CJK") << u"\u6570\u636e/+/\u6e29\u5ea6"_s
                                  << u"\u6570\u636e/\u8bbe\u59071/\u6e29\u5ea6"_s << true;
    QTest::newRow("unicode: surrogate pair level")
        << u"home/"_s + Grin + u"/+"_s << u"home/"_s + Grin + u"/x"_s << true;
    QTest::newRow("unicode: pairs differ in low unit")
        << u"home/\U0001F600"_s << u"home/\U0001F601"_s << false;
    QTest::newRow("unicode: no normalization") << u"caf\u00e9"_s << u"cafe\u0301"_s << false;

    // Either side invalid: never a match.
    QTest::newRow("invalid filter sport+") << u"sport+"_s << u"sport+"_s << false;
    QTest::newRow("invalid filter empty") << QString() << u"a"_s << false;
    QTest::newRow("invalid topic empty") << u"#"_s << QString() << false;
    QTest::newRow("invalid topic empty for +") << u"+"_s << QString() << false;
    QTest::newRow("invalid topic with +") << u"a/+"_s << u"a/+"_s << false;
    QTest::newRow("invalid topic with #") << u"#"_s << u"a/#"_s << false;
    QTest::newRow("invalid topic U+0000") << u"#"_s << withNull(u"a", u"b") << false;
    QTest::newRow("invalid topic lone surrogate") << u"#"_s << u"a/"_s + LoneHigh << false;
    QTest::newRow("invalid topic 65536 bytes") << u"#"_s << repeated(u"a", 65536) << false;
    QTest::newRow("valid topic 65535 bytes") << u"#"_s << repeated(u"a", 65535) << true;
}

void TestTopicFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, expected);

    const TopicFilter topicFilter(filter);
    QCOMPARE(topicFilter.matches(topic), expected);
}

void TestTopicFilter::matchesView()
{
    // A view into a longer buffer is not null-terminated where it ends; matching must respect its size.
    const QString buffer = u"sport/tennis/player1/ranking"_s;
    const QStringView topic = QStringView(buffer).first(20); // "sport/tennis/player1"
    QVERIFY(TopicFilter(u"sport/tennis/+"_s).matches(topic));
    QVERIFY(!TopicFilter(u"sport/tennis/player1/ranking"_s).matches(topic));
    QVERIFY(TopicFilter(u"sport/tennis/player1/#"_s).matches(topic));
}

void TestTopicFilter::isValidFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("valid");

    QTest::newRow("valid: plain") << u"sport/tennis/player1"_s << true;
    QTest::newRow("valid: trailing #") << u"sport/tennis/player1/#"_s << true;
    QTest::newRow("valid: # alone") << u"#"_s << true;
    QTest::newRow("valid: + alone") << u"+"_s << true;
    QTest::newRow("valid: + then #") << u"+/tennis/#"_s << true;
    QTest::newRow("valid: + in middle") << u"sport/+/player1"_s << true;
    QTest::newRow("valid: +/+") << u"+/+"_s << true;
    QTest::newRow("valid: /+") << u"/+"_s << true;
    QTest::newRow("valid: / only empty levels") << u"/"_s << true;
    QTest::newRow("valid: a//b empty level") << u"a//b"_s << true;
    QTest::newRow("valid: $SYS/#") << u"$SYS/#"_s << true;
    QTest::newRow("valid: space") << u"room 1/+"_s << true;
    QTest::newRow("valid: unicode") << u"capteurs/temp\u00e9rature/\u6e29\u5ea6"_s << true;
    QTest::newRow("valid: surrogate pair") << u"home/"_s + Grin << true;
    QTest::newRow("valid: 65535 bytes ASCII") << repeated(u"a", 65533) + u"/#"_s << true;
    QTest::newRow("valid: 65535 bytes 3-byte UTF-8") << repeated(Euro, 21845) << true;
    QTest::newRow("valid: 65535 bytes 4-byte UTF-8") << repeated(Grin, 16383) + u"abc"_s << true;

    QTest::newRow("invalid: empty") << QString() << false;
    QTest::newRow("invalid: # not filling level (sport/tennis#)") << u"sport/tennis#"_s << false;
    QTest::newRow("invalid: # not last (sport/tennis/#/ranking)") << u"sport/tennis/#/ranking"_s << false;
    QTest::newRow("invalid: # first not last") << u"#/a"_s << false;
    QTest::newRow("invalid: ## in one level") << u"##"_s << false;
    QTest::newRow("invalid: # before level text") << u"a/#b"_s << false;
    QTest::newRow("invalid: + not filling level (sport+)") << u"sport+"_s << false;
    QTest::newRow("invalid: + before level text") << u"+a/b"_s << false;
    QTest::newRow("invalid: + inside level") << u"a/b+c"_s << false;
    QTest::newRow("invalid: ++ in one level") << u"++"_s << false;
    QTest::newRow("invalid: +# in one level") << u"a/+#"_s << false;
    QTest::newRow("invalid: 65536 bytes ASCII") << repeated(u"a", 65534) + u"/#"_s << false;
    QTest::newRow("invalid: 65536 bytes 2-byte UTF-8") << repeated(EAcute, 32768) << false;
    QTest::newRow("invalid: 65538 bytes 3-byte UTF-8") << repeated(Euro, 21846) << false;
    QTest::newRow("invalid: 65536 bytes 4-byte UTF-8") << repeated(Grin, 16384) << false;
    QTest::newRow("invalid: U+0000") << withNull(u"sport", u"/#") << false;
    QTest::newRow("invalid: U+0000 alone") << QString(QChar(u'\0')) << false;
    QTest::newRow("invalid: lone high surrogate") << u"a/"_s + LoneHigh << false;
    QTest::newRow("invalid: lone low surrogate") << LoneLow + u"/a"_s << false;
    QTest::newRow("invalid: surrogates reversed") << u"a/"_s + LoneLow + LoneHigh << false;

    // Shared subscriptions.
    QTest::newRow("valid: $share/g/#") << u"$share/g/#"_s << true;
    QTest::newRow("valid: $share/group/a/b") << u"$share/group/a/b"_s << true;
    QTest::newRow("valid: $share/g/+/a/#") << u"$share/g/+/a/#"_s << true;
    QTest::newRow("valid: $share/g// inner is /") << u"$share/g//"_s << true;
    QTest::newRow("valid: $share/g/$share/h/x inner not re-parsed") << u"$share/g/$share/h/x"_s << true;
    QTest::newRow("valid: $share alone is a plain filter") << u"$share"_s << true;
    QTest::newRow("valid: $shared/x is not shared") << u"$shared/x"_s << true;
    QTest::newRow("invalid: $share/g no inner filter") << u"$share/g"_s << false;
    QTest::newRow("invalid: $share/g/ empty inner filter") << u"$share/g/"_s << false;
    QTest::newRow("invalid: $share//a empty group") << u"$share//a"_s << false;
    QTest::newRow("invalid: $share/ empty group") << u"$share/"_s << false;
    QTest::newRow("invalid: $share/g+/a + in group") << u"$share/g+/a"_s << false;
    QTest::newRow("invalid: $share/+/a group is +") << u"$share/+/a"_s << false;
    QTest::newRow("invalid: $share/g#/a # in group") << u"$share/g#/a"_s << false;
    QTest::newRow("invalid: $share/#/a group is #") << u"$share/#/a"_s << false;
    QTest::newRow("invalid: $share/g/sport+ bad inner") << u"$share/g/sport+"_s << false;
    QTest::newRow("invalid: $share/g/#/a bad inner") << u"$share/g/#/a"_s << false;
    QTest::newRow("invalid: $share/g/a U+0000") << withNull(u"$share/g/a", u"") << false;
    QTest::newRow("invalid: $share 65536 bytes") << u"$share/g/"_s + repeated(u"a", 65527) << false;
    QTest::newRow("valid: $share 65535 bytes") << u"$share/g/"_s + repeated(u"a", 65526) << true;
}

void TestTopicFilter::isValidFilter()
{
    QFETCH(QString, filter);
    QFETCH(bool, valid);

    QCOMPARE(TopicFilter::isValidFilter(filter), valid);
    const TopicFilter topicFilter(filter);
    QCOMPARE(topicFilter.isValid(), valid);
    QCOMPARE(topicFilter.filter(), filter);
}

void TestTopicFilter::isValidTopicName_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("valid");

    QTest::newRow("valid: plain") << u"sport/tennis/player1"_s << true;
    QTest::newRow("valid: / only empty levels") << u"/"_s << true;
    QTest::newRow("valid: leading /") << u"/finance"_s << true;
    QTest::newRow("valid: trailing /") << u"sport/"_s << true;
    QTest::newRow("valid: a//b empty level") << u"a//b"_s << true;
    QTest::newRow("valid: $SYS") << u"$SYS/monitor/Clients"_s << true;
    QTest::newRow("valid: $aws shadow") << u"$aws/things/x/shadow/update"_s << true;
    QTest::newRow("valid: space") << u"room 1/temp"_s << true;
    QTest::newRow("valid: unicode") << u"capteurs/temp\u00e9rature/\u6e29\u5ea6"_s << true;
    QTest::newRow("valid: surrogate pair") << u"home/"_s + Grin << true;
    QTest::newRow("valid: 65535 bytes") << repeated(u"a", 65535) << true;
    QTest::newRow("valid: 65535 bytes 3-byte UTF-8") << repeated(Euro, 21845) << true;

    QTest::newRow("invalid: empty") << QString() << false;
    QTest::newRow("invalid: + alone") << u"+"_s << false;
    QTest::newRow("invalid: # alone") << u"#"_s << false;
    QTest::newRow("invalid: + level") << u"sport/+"_s << false;
    QTest::newRow("invalid: # level") << u"sport/#"_s << false;
    QTest::newRow("invalid: + inside level") << u"sport+"_s << false;
    QTest::newRow("invalid: # inside level") << u"channel#1"_s << false;
    QTest::newRow("invalid: U+0000") << withNull(u"a", u"b") << false;
    QTest::newRow("invalid: lone high surrogate") << u"a/"_s + LoneHigh << false;
    QTest::newRow("invalid: lone low surrogate") << LoneLow << false;
    QTest::newRow("invalid: 65536 bytes") << repeated(u"a", 65536) << false;
    QTest::newRow("invalid: 65536 bytes 2-byte UTF-8") << repeated(EAcute, 32768) << false;
}

void TestTopicFilter::isValidTopicName()
{
    QFETCH(QString, topic);
    QFETCH(bool, valid);

    QCOMPARE(TopicFilter::isValidTopicName(topic), valid);
}

void TestTopicFilter::accessors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("shared");
    QTest::addColumn<QString>("shareGroup");
    QTest::addColumn<QString>("matchFilter");
    QTest::addColumn<bool>("wildcards");

    QTest::newRow("plain literal") << u"sport/tennis"_s << true << false << QString() << u"sport/tennis"_s
                                   << false;
    QTest::newRow("plain #") << u"sport/#"_s << true << false << QString() << u"sport/#"_s << true;
    QTest::newRow("plain +") << u"sport/+/player1"_s << true << false << QString() << u"sport/+/player1"_s
                             << true;
    QTest::newRow("plain $SYS") << u"$SYS/broker/uptime"_s << true << false << QString()
                                << u"$SYS/broker/uptime"_s << false;
    QTest::newRow("shared +") << u"$share/g/sport/+"_s << true << true << u"g"_s << u"sport/+"_s << true;
    QTest::newRow("shared #") << u"$share/workers/#"_s << true << true << u"workers"_s << u"#"_s << true;
    QTest::newRow("shared literal") << u"$share/consumers/a/b"_s << true << true << u"consumers"_s << u"a/b"_s
                                    << false;
    QTest::newRow("shared unicode group")
        << u"$share/\u00e9quipe/a"_s << true << true << u"\u00e9quipe"_s << u"a"_s << false;
    QTest::newRow("shared inner $share")
        << u"$share/g/$share/h/+"_s << true << true << u"g"_s << u"$share/h/+"_s << true;
    QTest::newRow("shared inner /") << u"$share/g//"_s << true << true << u"g"_s << u"/"_s << false;
    QTest::newRow("$share alone not shared")
        << u"$share"_s << true << false << QString() << u"$share"_s << false;
    QTest::newRow("$shared not shared")
        << u"$shared/x"_s << true << false << QString() << u"$shared/x"_s << false;
    // An invalid filter is never shared; matchFilter() and hasWildcards() then describe the text as given.
    QTest::newRow("invalid $share//a")
        << u"$share//a"_s << false << false << QString() << u"$share//a"_s << false;
    QTest::newRow("invalid $share/g")
        << u"$share/g"_s << false << false << QString() << u"$share/g"_s << false;
    QTest::newRow("invalid sport+") << u"sport+"_s << false << false << QString() << u"sport+"_s << true;
}

void TestTopicFilter::accessors()
{
    QFETCH(QString, filter);
    QFETCH(bool, valid);
    QFETCH(bool, shared);
    QFETCH(QString, shareGroup);
    QFETCH(QString, matchFilter);
    QFETCH(bool, wildcards);

    const TopicFilter topicFilter(filter);
    QCOMPARE(topicFilter.filter(), filter);
    QCOMPARE(topicFilter.isValid(), valid);
    QCOMPARE(topicFilter.isShared(), shared);
    QCOMPARE(topicFilter.shareGroup(), shareGroup);
    QCOMPARE(topicFilter.matchFilter(), matchFilter);
    QCOMPARE(topicFilter.hasWildcards(), wildcards);
}

void TestTopicFilter::defaultConstructed()
{
    const TopicFilter topicFilter;
    QVERIFY(!topicFilter.isValid());
    QVERIFY(topicFilter.filter().isEmpty());
    QVERIFY(!topicFilter.isShared());
    QVERIFY(topicFilter.shareGroup().isEmpty());
    QVERIFY(topicFilter.matchFilter().isEmpty());
    QVERIFY(!topicFilter.hasWildcards());
    QVERIFY(!topicFilter.matches(u"a"));
    QVERIFY(!topicFilter.matches(u"/"));
}

void TestTopicFilter::copyOutlivesOriginal()
{
    // Built at run time so that no buffer is shared with a static literal that would outlive everything.
    QString text = u"$share/"_s + u"g/sport/+/"_s + u"player1/#"_s;
    auto original = std::make_unique<TopicFilter>(text);
    text.fill(u'x'); // the caller's string changing must not affect the filter
    const TopicFilter copy(*original);
    original.reset();

    QVERIFY(copy.isValid());
    QCOMPARE(copy.shareGroup(), u"g"_s);
    QCOMPARE(copy.matchFilter(), u"sport/+/player1/#"_s);
    QVERIFY(copy.matches(u"sport/tennis/player1"));
    QVERIFY(copy.matches(u"sport/tennis/player1/score/wimbledon"));
    QVERIFY(!copy.matches(u"sport/tennis/player2"));
    QVERIFY(!copy.matches(u"sport/player1"));
}

void TestTopicFilter::assignmentOutlivesSource()
{
    TopicFilter target(u"unrelated/filter"_s);
    {
        std::optional<TopicFilter> source(std::in_place, u"a/"_s + u"+/c/#"_s);
        target = *source;
        source.reset();
    }
    QVERIFY(target.matches(u"a/b/c"));
    QVERIFY(target.matches(u"a/b/c/d/e"));
    QVERIFY(!target.matches(u"a/b/d"));
    QVERIFY(!target.matches(u"unrelated/filter"));

    // Assigning over a filter that has copies must leave those copies intact.
    const TopicFilter copy = target;
    target = TopicFilter(u"$share/"_s + u"other/x"_s);
    QVERIFY(target.matches(u"x"));
    QVERIFY(!target.matches(u"a/b/c"));
    QVERIFY(copy.matches(u"a/b/c"));
    QVERIFY(!copy.matches(u"x"));

    // A shorter filter replacing a longer one exercises a stale level range reaching past the end.
    TopicFilter shrinking(u"aaaa/bbbb/cccc/dddd"_s);
    shrinking = TopicFilter(u"a/+"_s);
    QVERIFY(shrinking.matches(u"a/b"));
    QVERIFY(!shrinking.matches(u"aaaa/bbbb/cccc/dddd"));
}

void TestTopicFilter::moveKeepsMatching()
{
    TopicFilter source(u"$share/"_s + u"g/+/+"_s);
    TopicFilter moved(std::move(source));
    QVERIFY(moved.matches(u"/"));
    QVERIFY(moved.matches(u"a/b"));
    QVERIFY(!moved.matches(u"a"));

    TopicFilter target;
    target = std::move(moved);
    QVERIFY(target.isShared());
    QVERIFY(target.matches(u"a/b"));
}

void TestTopicFilter::equality()
{
    QVERIFY(TopicFilter(u"a/+"_s) == TopicFilter(u"a/+"_s));
    QVERIFY(!(TopicFilter(u"a/+"_s) == TopicFilter(u"a/#"_s)));
    // A shared subscription is a different subscription from its inner filter.
    QVERIFY(!(TopicFilter(u"$share/g/a"_s) == TopicFilter(u"a"_s)));
}

void TestTopicFilter::covers_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("other");
    QTest::addColumn<bool>("covers");

    QTest::newRow("itself") << u"a/b"_s << u"a/b"_s << true;
    QTest::newRow("hash covers all plain") << u"#"_s << u"a/+/c/#"_s << true;
    QTest::newRow("hash not dollar") << u"#"_s << u"$aws/#"_s << false;
    QTest::newRow("hash covers wildcard first") << u"#"_s << u"+/x"_s << true;
    QTest::newRow("plus not dollar") << u"+/x"_s << u"$SYS/x"_s << false;
    QTest::newRow("dollar hash covers dollar") << u"$aws/#"_s << u"$aws/things/+/shadow/#"_s << true;
    QTest::newRow("a/# covers parent") << u"a/#"_s << u"a"_s << true;
    QTest::newRow("a/# covers deeper") << u"a/#"_s << u"a/+/c"_s << true;
    QTest::newRow("a/# not b") << u"a/#"_s << u"b/#"_s << false;
    QTest::newRow("plus covers literal") << u"a/+"_s << u"a/b"_s << true;
    QTest::newRow("literal not plus") << u"a/b"_s << u"a/+"_s << false;
    QTest::newRow("plus not deeper") << u"a/+"_s << u"a/+/b"_s << false;
    QTest::newRow("plus not hash") << u"a/+"_s << u"a/#"_s << false;
    QTest::newRow("shorter not longer") << u"a"_s << u"a/b"_s << false;
    QTest::newRow("partial overlap") << u"+/dev-7/#"_s << u"telemetry/#"_s << false;
    QTest::newRow("partial overlap reverse") << u"telemetry/#"_s << u"+/dev-7/#"_s << false;
    QTest::newRow("empty level") << u"a/+/b"_s << u"a//b"_s << true;
    QTest::newRow("shared") << u"$share/g/#"_s << u"a"_s << false;
    QTest::newRow("invalid") << u"a/#/b"_s << u"a"_s << false;
}

void TestTopicFilter::covers()
{
    QFETCH(QString, filter);
    QFETCH(QString, other);
    QFETCH(bool, covers);
    QCOMPARE(TopicFilter(filter).covers(TopicFilter(other)), covers);
}

QTEST_APPLESS_MAIN(TestTopicFilter)

#include "tst_topicfilter.moc"
