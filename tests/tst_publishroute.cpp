// PublishRoute: the way a composed message leaves the console, decided before it is sent. An ordinary topic
// is published as composed; a device's command request topic becomes a free-form command for that device
// (QoS, retain and MQTT 5 properties it cannot carry named, not dropped in silence); {"state":{"desired":…}}
// on a shadow's update topic becomes a desired change; everything else of the gate's is refused with where
// to go instead, and so is a request topic whose free-form command would go out elsewhere.

#include "commands/commandcatalog.h"
#include "commands/gatedtopics.h"
#include "commands/publishroute.h"
#include "fleet/fleetsession.h"
#include "testutil.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::GatedTopics;
using fleet::Json;
using fleet::PublishDraft;
using fleet::PublishRoute;
using Path = PublishRoute::Path;

namespace {

PublishDraft draftOf(const QString &topic, const QByteArray &payload, int qos = 1, bool retain = false)
{
    PublishDraft d;
    d.topic = topic;
    d.payload = payload;
    d.qos = qos;
    d.retain = retain;
    return d;
}

} // namespace

Q_DECLARE_METATYPE(PublishRoute::Path)

class TestPublishRoute final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordinaryTopicsArePublished()
    {
        const PublishRoute r = PublishRoute::plan(m_topics, draftOf(u"lab/bench-3/led"_s, "on", 0, true));
        QCOMPARE(r.path, Path::Direct);
        QVERIFY(!r.isGated());
        QVERIFY(r.explanation.isEmpty() && r.problem.isEmpty() && r.ignored.isEmpty());
    }

    void requestTopicsBecomeFreeFormCommands()
    {
        const PublishRoute r = PublishRoute::plan(m_topics, draftOf(u"cmd/dev-7/req"_s, "reboot now"));
        QCOMPARE(r.path, Path::Command);
        QCOMPARE(r.command.devices, QStringList{u"dev-7"_s});
        QVERIFY(r.command.command.isEmpty()); // free-form
        QCOMPARE(r.command.raw, "reboot now"_ba);
        QVERIFY2(r.explanation.contains(u"dev-7's command request topic"_s), qPrintable(r.explanation));
        QVERIFY(r.explanation.contains(u"command gate"_s));
        QVERIFY(r.ignored.isEmpty()); // QoS 1, not retained, no properties: nothing set is lost
    }

    void whatTheCommandPathDoesNotCarryIsNamed()
    {
        PublishDraft d = draftOf(u"cmd/dev-7/req"_s, "x", 2, true);
        d.properties.userProperties = {{u"a"_s, u"1"_s}};
        const PublishRoute r = PublishRoute::plan(m_topics, d);
        QCOMPARE(r.path, Path::Command);
        const QString ignored = r.ignored.join(u'\n');
        QVERIFY2(ignored.contains(u"MQTT 5 properties"_s), qPrintable(ignored));
        QVERIFY(ignored.contains(u"Retain"_s));
        QVERIFY(ignored.contains(u"QoS 2"_s));
    }

    void commandPathRefusals()
    {
        // A free-form command is text.
        PublishRoute r = PublishRoute::plan(m_topics, draftOf(u"cmd/dev-7/req"_s, "\xde\xad\xbe\xef"_ba));
        QCOMPARE(r.path, Path::Refused);
        QVERIFY2(r.problem.contains(u"UTF-8"_s), qPrintable(r.problem));

        // With the session's actions: what the command path itself refuses, and where it would send.
        fleet::FleetSession session;
        r = PublishRoute::plan(m_topics, draftOf(u"cmd/dev-7/req"_s, QByteArray()), session.actions());
        QCOMPARE(r.path, Path::Refused);
        QVERIFY2(r.problem.contains(u"payload"_s), qPrintable(r.problem));
        QVERIFY(r.explanation.contains(u"command gate"_s)); // what the topic is, still said
        r = PublishRoute::plan(m_topics, draftOf(u"cmd/dev-7/req"_s, "ok"), session.actions());
        QCOMPARE(r.path, Path::Command);
        // The design page's layout is design-2's request topic, but a free-form command goes out on the
        // command path's own topic: refused rather than sent where design-2 does not listen.
        r = PublishRoute::plan(m_topics, draftOf(u"commands/design-2"_s, "ok"), session.actions());
        QCOMPARE(r.match.kind, GatedTopics::Kind::CommandRequest);
        QCOMPARE(r.path, Path::Refused);
        QVERIFY2(r.problem.contains(u"cmd/design-2/req"_s) && r.problem.contains(u"command composer"_s),
                 qPrintable(r.problem));
        QVERIFY(r.explanation.isEmpty()); // the problem says it all
    }

    void desiredChanges_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<Path>("path");
        QTest::addColumn<QString>("words"); // in the explanation or the problem

        const QString update = u"$aws/things/dev-1/shadow/update"_s;
        QTest::newRow("desired") << update << R"({"state":{"desired":{"led":"red"}}})"_ba << Path::Desired
                                 << u"dev-1's shadow"_s;
        QTest::newRow("desired with a token and version")
            << update << R"({"state":{"desired":{"led":null}},"clientToken":"t","version":4})"_ba
            << Path::Desired << u"rollback"_s;
        QTest::newRow("named shadow")
            << u"$aws/things/dev-1/shadow/name/cfg/update"_s << R"({"state":{"desired":{"mode":"eco"}}})"_ba
            << Path::Desired << u"\"cfg\""_s;
        QTest::newRow("reported") << update << R"({"state":{"reported":{"led":"red"}}})"_ba << Path::Refused
                                  << u"Reported state"_s;
        QTest::newRow("desired and reported")
            << update << R"({"state":{"desired":{"a":1},"reported":{"a":1}}})"_ba << Path::Refused
            << u"Reported state"_s;
        QTest::newRow("whole desired cleared")
            << update << R"({"state":{"desired":null}})"_ba << Path::Refused << u"shadow editor"_s;
        QTest::newRow("something riding along")
            << update << R"({"state":{"desired":{}},"extra":1})"_ba << Path::Refused << u"shadow editor"_s;
        QTest::newRow("not JSON") << update << "led=red"_ba << Path::Refused << u"shadow editor"_s;
        QTest::newRow("bad version") << update << R"({"state":{"desired":{}},"version":"4"})"_ba
                                     << Path::Refused << u"version"_s;
        QTest::newRow("get") << u"$aws/things/dev-1/shadow/get"_s << QByteArray() << Path::Refused
                             << u"device dock"_s;
        QTest::newRow("delete") << u"$aws/things/dev-1/shadow/delete"_s << QByteArray() << Path::Refused
                                << u"approval"_s;
        QTest::newRow("a forged delta") << u"$aws/things/dev-1/shadow/update/delta"_s
                                        << R"({"state":{"led":"red"}})"_ba << Path::Refused << u"forge"_s;
    }

    void desiredChanges()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(Path, path);
        QFETCH(QString, words);
        const PublishRoute r = PublishRoute::plan(m_topics, draftOf(topic, payload));
        QCOMPARE(r.path, path);
        const QString text = path == Path::Refused ? r.problem : r.explanation;
        QVERIFY2(text.contains(words), qPrintable(text));
        if (path == Path::Desired)
            QCOMPARE(r.desired.device, u"dev-1"_s);
    }

    void desiredChangeIsWhatWasTyped()
    {
        const PublishRoute r = PublishRoute::plan(
            m_topics, draftOf(u"$aws/things/dev-1/shadow/name/cfg/update"_s,
                              R"({"state":{"desired":{"led":"red","fan":null}},"version":7})"));
        QCOMPARE(r.path, Path::Desired);
        QCOMPARE(r.desired.shadowName, u"cfg"_s);
        QCOMPARE_JSON(r.desired.patch, Json::parse(R"({"led":"red","fan":null})"));
        QCOMPARE(r.desired.version, std::optional<qint64>(7));
        QVERIFY(!r.desired.before); // read first by OperatorActions, for the rollback entry
    }

    void otherGatedTopicsPointElsewhere_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("words");
        QTest::newRow("group") << u"cmd/group/line-2/req"_s << u"command composer"_s;
        QTest::newRow("aws command") << u"$aws/commands/things/thing-1/executions/e/request/json"_s
                                     << u"command composer"_s;
        QTest::newRow("twin") << u"$iothub/twin/PATCH/properties/reported/?$rid=1"_s << u"Twin tab"_s;
        QTest::newRow("hub twin") << u"$fleet/twins/az-1/update"_s << u"az-1's"_s;
        QTest::newRow("method") << u"$iothub/methods/POST/reboot/?$rid=1"_s << u"fleetctl method"_s;
        QTest::newRow("c2d") << u"devices/az-1/messages/devicebound/"_s << u"Send message"_s;
        QTest::newRow("gate") << u"fleet/gate/submit/alice/cmd/dev-1/req"_s << u"approvals view"_s;
    }

    void otherGatedTopicsPointElsewhere()
    {
        QFETCH(QString, topic);
        QFETCH(QString, words);
        const PublishRoute r = PublishRoute::plan(m_topics, draftOf(topic, "{}"));
        QCOMPARE(r.path, Path::Refused);
        QVERIFY2(r.problem.contains(words), qPrintable(r.problem));
    }

private:
    GatedTopics m_topics{CommandCatalog::defaultCatalog()};
};

QTEST_GUILESS_MAIN(TestPublishRoute)
#include "tst_publishroute.moc"
