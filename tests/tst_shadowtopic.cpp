#include "mqtt/topicfilter.h"
#include "shadow/shadowtopic.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::ShadowTopic;
using fleet::TopicFilter;

using Op = ShadowTopic::Operation;
using Reply = ShadowTopic::Reply;

Q_DECLARE_METATYPE(ShadowTopic::Operation)
Q_DECLARE_METATYPE(ShadowTopic::Reply)

namespace {

QString name(qsizetype length, QChar fill = u'a')
{
    return QString(length, fill);
}

} // namespace

class TestShadowTopic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();

    void parseInvalid_data();
    void parseInvalid();

    void thingName_data();
    void thingName();

    void shadowName_data();
    void shadowName();

    void prefix_data();
    void prefix();

    void roundTrip_data();
    void roundTrip();

    void replyTopics();
    void names();
    void requestFilters();
    void defaultConstructed();
};

void TestShadowTopic::parseValid_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("thing");
    QTest::addColumn<QString>("shadow");
    QTest::addColumn<Op>("operation");
    QTest::addColumn<Reply>("reply");

    const QString c = u"$aws/things/dev-1/shadow/"_s;
    const QString n = u"$aws/things/dev-1/shadow/name/cfg/"_s;
    struct Row
    {
        const char *suffix;
        Op op;
        Reply reply;
    };
    const Row rows[] = {
        {"get", Op::Get, Reply::None},
        {"get/accepted", Op::Get, Reply::Accepted},
        {"get/rejected", Op::Get, Reply::Rejected},
        {"update", Op::Update, Reply::None},
        {"update/accepted", Op::Update, Reply::Accepted},
        {"update/rejected", Op::Update, Reply::Rejected},
        {"update/delta", Op::Update, Reply::Delta},
        {"update/documents", Op::Update, Reply::Documents},
        {"delete", Op::Delete, Reply::None},
        {"delete/accepted", Op::Delete, Reply::Accepted},
        {"delete/rejected", Op::Delete, Reply::Rejected},
    };
    for (const Row &row : rows) {
        const QString suffix = QString::fromLatin1(row.suffix);
        QTest::addRow("classic %s", row.suffix)
            << c + suffix << u"dev-1"_s << QString() << row.op << row.reply;
        QTest::addRow("named %s", row.suffix) << n + suffix << u"dev-1"_s << u"cfg"_s << row.op << row.reply;
    }
    QTest::newRow("thing with all allowed chars")
        << u"$aws/things/aZ09:_-/shadow/get"_s << u"aZ09:_-"_s << QString() << Op::Get << Reply::None;
    QTest::newRow("thing 128 chars") << u"$aws/things/%1/shadow/update"_s.arg(name(128)) << name(128)
                                     << QString() << Op::Update << Reply::None;
    QTest::newRow("shadow 64 chars") << u"$aws/things/t/shadow/name/%1/get"_s.arg(name(64)) << u"t"_s
                                     << name(64) << Op::Get << Reply::None;
    QTest::newRow("shadow with $") << u"$aws/things/t/shadow/name/$cfg$/delete/accepted"_s << u"t"_s
                                   << u"$cfg$"_s << Op::Delete << Reply::Accepted;
    QTest::newRow("shadow called name")
        << u"$aws/things/t/shadow/name/name/get"_s << u"t"_s << u"name"_s << Op::Get << Reply::None;
    QTest::newRow("shadow called get")
        << u"$aws/things/t/shadow/name/get/update"_s << u"t"_s << u"get"_s << Op::Update << Reply::None;
    QTest::newRow("thing called shadow")
        << u"$aws/things/shadow/shadow/get"_s << u"shadow"_s << QString() << Op::Get << Reply::None;
}

void TestShadowTopic::parseValid()
{
    QFETCH(QString, topic);
    QFETCH(QString, thing);
    QFETCH(QString, shadow);
    QFETCH(Op, operation);
    QFETCH(Reply, reply);

    const std::optional<ShadowTopic> parsed = ShadowTopic::parse(topic);
    QVERIFY(parsed);
    QCOMPARE(parsed->thingName(), thing);
    QCOMPARE(parsed->shadowName(), shadow);
    QCOMPARE(parsed->isNamed(), !shadow.isEmpty());
    QCOMPARE(parsed->operation(), operation);
    QCOMPARE(parsed->reply(), reply);
    QCOMPARE(*parsed, ShadowTopic(thing, shadow, operation, reply));
    QCOMPARE(parsed->toString(), topic);
}

void TestShadowTopic::parseInvalid_data()
{
    QTest::addColumn<QString>("topic");

    QTest::newRow("empty") << QString();
    QTest::newRow("$AWS") << u"$AWS/things/t/shadow/get"_s;
    QTest::newRow("aws without $") << u"aws/things/t/shadow/get"_s;
    QTest::newRow("Things") << u"$aws/Things/t/shadow/get"_s;
    QTest::newRow("thing singular") << u"$aws/thing/t/shadow/get"_s;
    QTest::newRow("Shadow") << u"$aws/things/t/Shadow/get"_s;
    QTest::newRow("GET") << u"$aws/things/t/shadow/GET"_s;
    QTest::newRow("Update") << u"$aws/things/t/shadow/Update"_s;
    QTest::newRow("ACCEPTED") << u"$aws/things/t/shadow/get/ACCEPTED"_s;
    QTest::newRow("Name level") << u"$aws/things/t/shadow/Name/s/get"_s;
    QTest::newRow("no operation") << u"$aws/things/t/shadow"_s;
    QTest::newRow("trailing slash after shadow") << u"$aws/things/t/shadow/"_s;
    QTest::newRow("trailing slash after op") << u"$aws/things/t/shadow/get/"_s;
    QTest::newRow("trailing slash after reply") << u"$aws/things/t/shadow/get/accepted/"_s;
    QTest::newRow("extra level") << u"$aws/things/t/shadow/get/accepted/x"_s;
    QTest::newRow("named extra level") << u"$aws/things/t/shadow/name/s/update/delta/x"_s;
    QTest::newRow("missing thing level") << u"$aws/things/shadow/get"_s;
    QTest::newRow("leading slash") << u"/$aws/things/t/shadow/get"_s;
    QTest::newRow("name without shadow") << u"$aws/things/t/shadow/name"_s;
    QTest::newRow("name without op") << u"$aws/things/t/shadow/name/s"_s;
    QTest::newRow("name empty shadow") << u"$aws/things/t/shadow/name//get"_s;
    QTest::newRow("classic get/delta") << u"$aws/things/t/shadow/get/delta"_s;
    QTest::newRow("classic get/documents") << u"$aws/things/t/shadow/get/documents"_s;
    QTest::newRow("classic delete/delta") << u"$aws/things/t/shadow/delete/delta"_s;
    QTest::newRow("classic delete/documents") << u"$aws/things/t/shadow/delete/documents"_s;
    QTest::newRow("named get/delta") << u"$aws/things/t/shadow/name/s/get/delta"_s;
    QTest::newRow("named delete/documents") << u"$aws/things/t/shadow/name/s/delete/documents"_s;
    QTest::newRow("thing +") << u"$aws/things/+/shadow/get"_s;
    QTest::newRow("thing #") << u"$aws/things/#/shadow/get"_s;
    QTest::newRow("thing empty") << u"$aws/things//shadow/get"_s;
    QTest::newRow("thing 129 chars") << u"$aws/things/%1/shadow/get"_s.arg(name(129));
    QTest::newRow("thing with $") << u"$aws/things/$t/shadow/get"_s;
    QTest::newRow("thing with space") << u"$aws/things/a b/shadow/get"_s;
    QTest::newRow("thing with dot") << u"$aws/things/a.b/shadow/get"_s;
    QTest::newRow("thing non-ascii") << u"$aws/things/caf\u00e9/shadow/get"_s;
    QTest::newRow("shadow +") << u"$aws/things/t/shadow/name/+/get"_s;
    QTest::newRow("shadow #") << u"$aws/things/t/shadow/name/#/get"_s;
    QTest::newRow("shadow 65 chars") << u"$aws/things/t/shadow/name/%1/get"_s.arg(name(65));
    QTest::newRow("shadow with dot") << u"$aws/things/t/shadow/name/a.b/get"_s;
    QTest::newRow("unknown operation") << u"$aws/things/t/shadow/list"_s;
    QTest::newRow("unknown named operation") << u"$aws/things/t/shadow/name/s/patch"_s;
    QTest::newRow("wildcard operation") << u"$aws/things/t/shadow/+"_s;
    QTest::newRow("unknown reply") << u"$aws/things/t/shadow/update/done"_s;
    QTest::newRow("reply as operation") << u"$aws/things/t/shadow/accepted"_s;
    QTest::newRow("wildcard reply") << u"$aws/things/t/shadow/update/#"_s;
}

void TestShadowTopic::parseInvalid()
{
    QFETCH(QString, topic);
    const std::optional<ShadowTopic> parsed = ShadowTopic::parse(topic);
    QVERIFY2(!parsed, qPrintable(u"parsed as "_s + (parsed ? parsed->toString() : QString())));
}

void TestShadowTopic::thingName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("1 char") << u"a"_s << true;
    QTest::newRow("127 chars") << name(127) << true;
    QTest::newRow("128 chars") << name(128) << true;
    QTest::newRow("129 chars") << name(129) << false;
    QTest::newRow("all allowed") << u"AZaz09:_-"_s << true;
    QTest::newRow("dollar") << u"a$b"_s << false;
    QTest::newRow("plus") << u"+"_s << false;
    QTest::newRow("hash") << u"#"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("non-ascii") << u"\u00e9"_s << false;
}

void TestShadowTopic::thingName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ShadowTopic::isValidThingName(name), valid);
    QCOMPARE(ShadowTopic::parse(ShadowTopic::prefix(name) + u"/get"_s).has_value(), valid);
}

void TestShadowTopic::shadowName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("1 char") << u"a"_s << true;
    QTest::newRow("63 chars") << name(63) << true;
    QTest::newRow("64 chars") << name(64) << true;
    QTest::newRow("65 chars") << name(65) << false;
    QTest::newRow("64 dollars") << name(64, u'$') << true;
    QTest::newRow("all allowed") << u"$AZaz09:_-"_s << true;
    QTest::newRow("plus") << u"+"_s << false;
    QTest::newRow("hash") << u"#"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("non-ascii") << u"\u00e9"_s << false;
}

void TestShadowTopic::shadowName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ShadowTopic::isValidShadowName(name), valid);
    if (!name.isEmpty())
        QCOMPARE(ShadowTopic::parse(ShadowTopic::prefix(u"t"_s, name) + u"/get"_s).has_value(), valid);
}

void TestShadowTopic::prefix_data()
{
    QTest::addColumn<QString>("thing");
    QTest::addColumn<QString>("shadow");
    QTest::addColumn<QString>("expected");

    QTest::newRow("classic") << u"dev"_s << QString() << u"$aws/things/dev/shadow"_s;
    QTest::newRow("named") << u"dev"_s << u"cfg"_s << u"$aws/things/dev/shadow/name/cfg"_s;
    QTest::newRow("named with $") << u"dev"_s << u"$x"_s << u"$aws/things/dev/shadow/name/$x"_s;
    QTest::newRow("percent in names") << u"a%1"_s << u"%2b"_s << u"$aws/things/a%1/shadow/name/%2b"_s;
}

void TestShadowTopic::prefix()
{
    QFETCH(QString, thing);
    QFETCH(QString, shadow);
    QFETCH(QString, expected);
    QCOMPARE(ShadowTopic::prefix(thing, shadow), expected);
    if (shadow.isEmpty())
        QCOMPARE(ShadowTopic::prefix(thing), expected);
}

void TestShadowTopic::roundTrip_data()
{
    QTest::addColumn<QString>("thing");
    QTest::addColumn<QString>("shadow");

    QTest::newRow("classic") << u"dev-1"_s << QString();
    QTest::newRow("named") << u"dev-1"_s << u"cfg"_s;
    QTest::newRow("long names") << name(128, u'Z') << name(64, u'$');
}

void TestShadowTopic::roundTrip()
{
    QFETCH(QString, thing);
    QFETCH(QString, shadow);

    const QList<std::pair<Op, Reply>> combos = {
        {Op::Get, Reply::None},        {Op::Get, Reply::Accepted},     {Op::Get, Reply::Rejected},
        {Op::Update, Reply::None},     {Op::Update, Reply::Accepted},  {Op::Update, Reply::Rejected},
        {Op::Update, Reply::Delta},    {Op::Update, Reply::Documents}, {Op::Delete, Reply::None},
        {Op::Delete, Reply::Accepted}, {Op::Delete, Reply::Rejected},
    };
    for (const auto &[op, reply] : combos) {
        const ShadowTopic topic(thing, shadow, op, reply);
        const QString text = topic.toString();
        const std::optional<ShadowTopic> parsed = ShadowTopic::parse(text);
        QVERIFY2(parsed, qPrintable(text));
        QCOMPARE(*parsed, topic);
        QCOMPARE(parsed->toString(), text);
        QVERIFY(text.startsWith(ShadowTopic::prefix(thing, shadow) + u'/'));
        // The request topic is the same shadow's operation without a reply.
        const QString request = topic.requestTopic();
        QCOMPARE(request, ShadowTopic::prefix(thing, shadow) + u'/' + ShadowTopic::operationName(op));
        QCOMPARE(ShadowTopic::parse(request), ShadowTopic(thing, shadow, op, Reply::None));
        QCOMPARE(topic.replyTopic(reply), text);
        QCOMPARE(topic.replyTopic(Reply::None), request);
    }
}

void TestShadowTopic::replyTopics()
{
    const ShadowTopic request(u"t"_s, u"s"_s, Op::Update);
    QCOMPARE(request.reply(), Reply::None);
    QCOMPARE(request.toString(), u"$aws/things/t/shadow/name/s/update"_s);
    QCOMPARE(request.replyTopic(Reply::Accepted), u"$aws/things/t/shadow/name/s/update/accepted"_s);
    QCOMPARE(request.replyTopic(Reply::Rejected), u"$aws/things/t/shadow/name/s/update/rejected"_s);
    QCOMPARE(request.replyTopic(Reply::Delta), u"$aws/things/t/shadow/name/s/update/delta"_s);
    QCOMPARE(request.replyTopic(Reply::Documents), u"$aws/things/t/shadow/name/s/update/documents"_s);

    const ShadowTopic reply(u"t"_s, QString(), Op::Get, Reply::Rejected);
    QCOMPARE(reply.requestTopic(), u"$aws/things/t/shadow/get"_s);
    QCOMPARE(reply.replyTopic(Reply::Accepted), u"$aws/things/t/shadow/get/accepted"_s);
}

void TestShadowTopic::names()
{
    QCOMPARE(ShadowTopic::operationName(Op::Get), u"get"_s);
    QCOMPARE(ShadowTopic::operationName(Op::Update), u"update"_s);
    QCOMPARE(ShadowTopic::operationName(Op::Delete), u"delete"_s);
    QCOMPARE(ShadowTopic::replyName(Reply::None), QString());
    QCOMPARE(ShadowTopic::replyName(Reply::Accepted), u"accepted"_s);
    QCOMPARE(ShadowTopic::replyName(Reply::Rejected), u"rejected"_s);
    QCOMPARE(ShadowTopic::replyName(Reply::Delta), u"delta"_s);
    QCOMPARE(ShadowTopic::replyName(Reply::Documents), u"documents"_s);
}

void TestShadowTopic::requestFilters()
{
    QCOMPARE(ShadowTopic::classicRequestFilter(), u"$aws/things/+/shadow/+"_s);
    QCOMPARE(ShadowTopic::namedRequestFilter(), u"$aws/things/+/shadow/name/+/+"_s);

    const TopicFilter classic(ShadowTopic::classicRequestFilter());
    const TopicFilter named(ShadowTopic::namedRequestFilter());
    QVERIFY(classic.isValid());
    QVERIFY(named.isValid());
    for (Op op : {Op::Get, Op::Update, Op::Delete}) {
        const QString c = ShadowTopic(u"t"_s, QString(), op).toString();
        const QString n = ShadowTopic(u"t"_s, u"s"_s, op).toString();
        QVERIFY2(classic.matches(c), qPrintable(c));
        QVERIFY2(!named.matches(c), qPrintable(c));
        QVERIFY2(named.matches(n), qPrintable(n));
        QVERIFY2(!classic.matches(n), qPrintable(n));
    }
    // Replies are not requests: neither filter sees them.
    QVERIFY(!classic.matches(u"$aws/things/t/shadow/update/accepted"_s));
    QVERIFY(!named.matches(u"$aws/things/t/shadow/name/s/update/accepted/x"_s));
}

void TestShadowTopic::defaultConstructed()
{
    const ShadowTopic topic;
    QVERIFY(topic.thingName().isEmpty());
    QVERIFY(topic.shadowName().isEmpty());
    QVERIFY(!topic.isNamed());
    QCOMPARE(topic.operation(), Op::Get);
    QCOMPARE(topic.reply(), Reply::None);
}

QTEST_GUILESS_MAIN(TestShadowTopic)
#include "tst_shadowtopic.moc"
