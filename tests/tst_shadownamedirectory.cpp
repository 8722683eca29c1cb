// ShadowNameDirectory: which shadow topics make a named shadow known (and which do not), names sorted and
// kept once, the batched signal, the operator's own names, and the bounds against made-up names.

#include "mqtt/mqttmessage.h"
#include "shadow/shadownamedirectory.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::MqttMessage;
using fleet::ShadowNameDirectory;

class TestShadowNameDirectory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topics_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("learns");
        const QString named = u"$aws/things/dev-1/shadow/name/config/"_s;
        QTest::newRow("update request") << named + u"update"_s << true;
        QTest::newRow("update accepted") << named + u"update/accepted"_s << true;
        QTest::newRow("update documents") << named + u"update/documents"_s << true;
        QTest::newRow("update delta") << named + u"update/delta"_s << true;
        QTest::newRow("get accepted") << named + u"get/accepted"_s << true;
        QTest::newRow("update rejected") << named + u"update/rejected"_s << false;
        QTest::newRow("get request") << named + u"get"_s << false;
        QTest::newRow("get rejected") << named + u"get/rejected"_s << false;
        QTest::newRow("delete accepted") << named + u"delete/accepted"_s << false;
        QTest::newRow("classic") << u"$aws/things/dev-1/shadow/update/documents"_s << false;
        QTest::newRow("wildcard name") << u"$aws/things/dev-1/shadow/name/+/update"_s << false;
        QTest::newRow("name too long")
            << u"$aws/things/dev-1/shadow/name/%1/update"_s.arg(QString(65, u'x')) << false;
        QTest::newRow("unknown operation") << named + u"list"_s << false;
        QTest::newRow("telemetry") << u"telemetry/dev-1"_s << false;
    }

    void topics()
    {
        QFETCH(QString, topic);
        QFETCH(bool, learns);
        ShadowNameDirectory directory;
        QCOMPARE(directory.ingest(MqttMessage(topic, "{}")), learns);
        QCOMPARE(directory.names(u"dev-1"_s), learns ? QStringList{u"config"_s} : QStringList());
        QCOMPARE(directory.contains(u"dev-1"_s, u"config"_s), learns);
    }

    void namesSortedOnceAndBatched()
    {
        ShadowNameDirectory directory;
        QSignalSpy added(&directory, &ShadowNameDirectory::namesAdded);
        for (const QString &name : {u"ota"_s, u"config"_s, u"ota"_s, u"$package"_s})
            directory.ingestTopic(u"$aws/things/dev-2/shadow/name/%1/update/accepted"_s.arg(name));
        QVERIFY(!directory.ingestTopic(u"$aws/things/dev-2/shadow/name/ota/update/documents"_s));
        directory.ingestTopic(u"$aws/things/dev-1/shadow/name/ota/update/documents"_s);
        QCOMPARE(directory.names(u"dev-2"_s), (QStringList{u"$package"_s, u"config"_s, u"ota"_s}));
        QCOMPARE(directory.names(u"dev-1"_s), QStringList{u"ota"_s});
        QCOMPARE(directory.entryCount(), 4);
        QCOMPARE(directory.thingCount(), 2);
        // One signal for the turn, the things sorted.
        QVERIFY(added.wait());
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.constFirst().constFirst().toStringList(), (QStringList{u"dev-1"_s, u"dev-2"_s}));
        QTest::qWait(10);
        QCOMPARE(added.size(), 1);
    }

    void operatorNames()
    {
        ShadowNameDirectory directory;
        QVERIFY(directory.addName(u"dev-1"_s, u"config"_s));
        QVERIFY(directory.addName(u"dev-1"_s, u"config"_s)); // already there: fine
        QCOMPARE(directory.names(u"dev-1"_s), QStringList{u"config"_s});
        QVERIFY(!directory.addName(u"dev-1"_s, u"a/b"_s));
        QVERIFY(!directory.addName(u"dev-1"_s, u"a+b"_s));
        QVERIFY(!directory.addName(u"dev-1"_s, QString()));
        QVERIFY(!directory.addName(u"dev-1"_s, QString(65, u'x')));
        QVERIFY(!directory.addName(u"bad thing"_s, u"config"_s));
        QCOMPARE(directory.entryCount(), 1);
    }

    // A device account may publish update requests for names it makes up: traffic fills at most the bounds,
    // and what was known first stays.
    void boundedPerThing()
    {
        ShadowNameDirectory directory;
        const auto topic = [](const QString &thing, int n) {
            return u"$aws/things/%1/shadow/name/n%2/update"_s.arg(thing).arg(n);
        };
        for (int n = 0; n < ShadowNameDirectory::MaxNamesPerThing + 20; ++n)
            directory.ingestTopic(topic(u"flooder"_s, n));
        QCOMPARE(directory.names(u"flooder"_s).size(), ShadowNameDirectory::MaxNamesPerThing);
        QVERIFY(directory.contains(u"flooder"_s, u"n0"_s));
        QVERIFY(!directory.contains(u"flooder"_s, u"n%1"_s.arg(ShadowNameDirectory::MaxNamesPerThing)));
        QCOMPARE(directory.refusedNames(), 20);
        // Other things are not held back, and the operator's word is kept past the bound.
        QVERIFY(directory.ingestTopic(topic(u"other"_s, 0)));
        QVERIFY(directory.addName(u"flooder"_s, u"mine"_s));
        QVERIFY(directory.contains(u"flooder"_s, u"mine"_s));
    }

    void boundedDistinctNamesAndEntries()
    {
        ShadowNameDirectory directory;
        const int perThing = ShadowNameDirectory::MaxNamesPerThing;
        int thing = 0;
        for (int n = 0; n < ShadowNameDirectory::MaxDistinctNames; ++n) {
            if (n > 0 && n % perThing == 0)
                ++thing;
            QVERIFY(directory.ingestTopic(u"$aws/things/t%1/shadow/name/n%2/update"_s.arg(thing).arg(n)));
        }
        // The name table is full: a new name is refused, a known one still joins a new thing.
        QVERIFY(!directory.ingestTopic(u"$aws/things/fresh/shadow/name/brand-new/update"_s));
        QVERIFY(directory.ingestTopic(u"$aws/things/fresh/shadow/name/n7/update"_s));
        QCOMPARE(directory.refusedNames(), 1);

        // Pairs in all: up to MaxEntries, made of known names on made-up things.
        int added = directory.entryCount();
        for (int t = 0; added < ShadowNameDirectory::MaxEntries; ++t) {
            if (directory.ingestTopic(u"$aws/things/x%1/shadow/name/n1/update/accepted"_s.arg(t)))
                ++added;
        }
        QCOMPARE(directory.entryCount(), ShadowNameDirectory::MaxEntries);
        QVERIFY(!directory.ingestTopic(u"$aws/things/last/shadow/name/n1/update"_s));
        QCOMPARE(directory.refusedNames(), 2);
        QVERIFY(directory.addName(u"last"_s, u"n1"_s));
        QCOMPARE(directory.entryCount(), ShadowNameDirectory::MaxEntries + 1);
    }
};

QTEST_GUILESS_MAIN(TestShadowNameDirectory)
#include "tst_shadownamedirectory.moc"
