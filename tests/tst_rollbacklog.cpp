#include "commands/commandcatalog.h"

#include "commands/rollbacklog.h"
#include "common/json.h"
#include "shadow/mergepatch.h"
#include "store/commandledger.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::CommandCatalog;
using fleet::Json;
using fleet::RollbackEntry;
using fleet::RollbackLog;

namespace {

// Json has no QTest::toString(); compared as compact text, a failure shows both documents.
QString dump(const std::optional<Json> &json)
{
    return json ? QString::fromStdString(json->dump()) : u"(none)"_s;
}

Json parse(const QString &text)
{
    return text.isEmpty() ? Json() : Json::parse(text.toStdString());
}

} // namespace

class TestRollbackLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desiredInverse_data();
    void desiredInverse();
    void desiredEntryFields();
    void commandInverse_data();
    void commandInverse();
    void commandWithoutInverse();
    void missingCapturedValue();
    void wrongKind();
    void entriesPerDevice();
    void markRolledBack();
    void persistedInTheLedger();
    void desiredBatch();
    void batchChangedSince_data();
    void batchChangedSince();
};

void TestRollbackLog::desiredInverse_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("inverse");

    QTest::newRow("added key -> null") << u"{\"led\":\"red\"}"_s << u"{\"fan\":2}"_s
                                       << u"{\"led\":\"red\",\"fan\":2}"_s << u"{\"fan\":null}"_s;
    QTest::newRow("changed key -> old value") << u"{\"led\":\"red\",\"fan\":1}"_s << u"{\"led\":\"green\"}"_s
                                              << u"{\"led\":\"green\",\"fan\":1}"_s << u"{\"led\":\"red\"}"_s;
    QTest::newRow("removed key -> old value") << u"{\"led\":\"red\",\"fan\":1}"_s << u"{\"fan\":null}"_s
                                              << u"{\"led\":\"red\"}"_s << u"{\"fan\":1}"_s;
    QTest::newRow("unchanged keys omitted")
        << u"{\"led\":\"red\",\"fan\":1}"_s << u"{\"led\":\"red\",\"fan\":3}"_s
        << u"{\"led\":\"red\",\"fan\":3}"_s << u"{\"fan\":1}"_s;
    QTest::newRow("nothing changed") << u"{\"led\":\"red\"}"_s << u"{\"led\":\"red\"}"_s
                                     << u"{\"led\":\"red\"}"_s << u"{}"_s;
    QTest::newRow("nested") << u"{\"motor\":{\"speed\":1,\"dir\":\"cw\"},\"led\":\"red\"}"_s
                            << u"{\"motor\":{\"speed\":5,\"mode\":\"eco\"}}"_s
                            << u"{\"motor\":{\"speed\":5,\"dir\":\"cw\",\"mode\":\"eco\"},\"led\":\"red\"}"_s
                            << u"{\"motor\":{\"speed\":1,\"mode\":null}}"_s;
    QTest::newRow("nested removal") << u"{\"motor\":{\"speed\":1,\"dir\":\"cw\"}}"_s
                                    << u"{\"motor\":{\"dir\":null}}"_s << u"{\"motor\":{\"speed\":1}}"_s
                                    << u"{\"motor\":{\"dir\":\"cw\"}}"_s;
    QTest::newRow("added section -> null")
        << u"{\"led\":\"red\"}"_s << u"{\"motor\":{\"speed\":1}}"_s
        << u"{\"led\":\"red\",\"motor\":{\"speed\":1}}"_s << u"{\"motor\":null}"_s;
    QTest::newRow("removing a section")
        << u"{\"motor\":{\"speed\":1,\"limits\":{\"max\":9}},\"led\":\"red\"}"_s << u"{\"motor\":null}"_s
        << u"{\"led\":\"red\"}"_s << u"{\"motor\":{\"speed\":1,\"limits\":{\"max\":9}}}"_s;
    QTest::newRow("removing the whole desired section")
        << u"{\"led\":\"red\",\"fan\":1}"_s << u"null"_s << u"{}"_s << u"{\"led\":\"red\",\"fan\":1}"_s;
    QTest::newRow("scalar replaces object") << u"{\"motor\":{\"speed\":1}}"_s << u"{\"motor\":\"off\"}"_s
                                            << u"{\"motor\":\"off\"}"_s << u"{\"motor\":{\"speed\":1}}"_s;
    QTest::newRow("object replaces scalar") << u"{\"motor\":\"off\"}"_s << u"{\"motor\":{\"speed\":1}}"_s
                                            << u"{\"motor\":{\"speed\":1}}"_s << u"{\"motor\":\"off\"}"_s;
    QTest::newRow("arrays are atomic") << u"{\"modes\":[1,2,3]}"_s << u"{\"modes\":[1,2]}"_s
                                       << u"{\"modes\":[1,2]}"_s << u"{\"modes\":[1,2,3]}"_s;
    QTest::newRow("removing a missing key")
        << u"{\"led\":\"red\"}"_s << u"{\"fan\":null,\"x\":{\"y\":null}}"_s << u"{\"led\":\"red\"}"_s
        << u"{}"_s;
    QTest::newRow("no desired before")
        << QString() << u"{\"led\":\"red\"}"_s << u"{\"led\":\"red\"}"_s << u"{\"led\":null}"_s;
}

void TestRollbackLog::desiredInverse()
{
    QFETCH(QString, before);
    QFETCH(QString, patch);
    QFETCH(QString, after);
    QFETCH(QString, inverse);

    RollbackLog log;
    const qint64 id = log.recordDesiredUpdate(u"dev-1"_s, {}, parse(before), parse(patch));
    const auto entry = log.entry(id);
    QVERIFY(entry);
    QCOMPARE(dump(entry->after), dump(parse(after)));

    QString error;
    const auto result = log.inverseDesiredPatch(id, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(dump(result), dump(parse(inverse)));
    // Applying the inverse restores the previous desired values; a restored key may come back in another
    // position, so the documents are compared without their key order.
    const auto unordered = [](const Json &json) { return nlohmann::json::parse(json.dump()); };
    QVERIFY2(unordered(fleet::MergePatch::apply(entry->after, *result)) == unordered(entry->before),
             qPrintable(dump(fleet::MergePatch::apply(entry->after, *result))));
}

void TestRollbackLog::desiredEntryFields()
{
    RollbackLog log;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 id =
        log.recordDesiredUpdate(u"dev-1"_s, u"config"_s, Json{{"a", 1}}, Json{{"a", 2}}, u"tok-1"_s);
    const auto entry = log.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->id, id);
    QVERIFY(entry->timeMs >= before);
    QCOMPARE(entry->device, u"dev-1"_s);
    QCOMPARE(entry->shadowName, u"config"_s);
    QCOMPARE(entry->kind, RollbackEntry::Kind::DesiredUpdate);
    QCOMPARE(entry->tid, u"tok-1"_s);
    QVERIFY(!entry->isRolledBack());
}

void TestRollbackLog::commandInverse_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("captured");
    QTest::addColumn<QString>("inverseCommand");
    QTest::addColumn<QString>("inverseParameters");

    QTest::newRow("set_led") << u"set_led"_s << u"{\"color\":\"red\"}"_s << u"{\"led\":\"green\",\"x\":1}"_s
                             << u"set_led"_s << u"{\"color\":\"green\"}"_s;
    QTest::newRow("set_position") << u"set_position"_s << u"{\"position\":80}"_s << u"{\"position\":25}"_s
                                  << u"set_position"_s << u"{\"position\":25}"_s;
    QTest::newRow("motor_on -> motor_off")
        << u"motor_on"_s << u"{}"_s << u"{}"_s << u"motor_off"_s << u"{}"_s;
    QTest::newRow("motor_off -> motor_on")
        << u"motor_off"_s << u"{}"_s << u"{\"motor\":\"on\"}"_s << u"motor_on"_s << u"{}"_s;
}

void TestRollbackLog::commandInverse()
{
    QFETCH(QString, command);
    QFETCH(QString, parameters);
    QFETCH(QString, captured);
    QFETCH(QString, inverseCommand);
    QFETCH(QString, inverseParameters);

    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    RollbackLog log;
    const qint64 id = log.recordCommand(u"dev-1"_s, command, parse(parameters), parse(captured), u"tid-1"_s);
    const auto entry = log.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->kind, RollbackEntry::Kind::Command);
    QCOMPARE(entry->commandName, command);
    QCOMPARE(entry->tid, u"tid-1"_s);
    QCOMPARE(dump(entry->before), dump(parse(captured)));

    QString error;
    const auto inverse = log.inverseCommand(id, catalog, &error);
    QVERIFY2(inverse, qPrintable(error));
    QCOMPARE(inverse->command, inverseCommand);
    QCOMPARE(dump(inverse->parameters), dump(parse(inverseParameters)));
    // The inverse is a valid invocation of its command.
    QString payloadError;
    QVERIFY2(catalog.find(inverse->command)->buildPayload(inverse->parameters, &payloadError),
             qPrintable(payloadError));
}

void TestRollbackLog::commandWithoutInverse()
{
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    RollbackLog log;
    for (const QString &name : {u"reboot"_s, u"upload_log"_s}) {
        const qint64 id = log.recordCommand(u"dev-1"_s, name, Json::object(), Json::object(), u"t"_s);
        QString error;
        QVERIFY(!log.inverseCommand(id, catalog, &error));
        QVERIFY(error.contains(name));
    }
    const qint64 unknown =
        log.recordCommand(u"dev-1"_s, u"no_such"_s, Json::object(), Json::object(), u"t"_s);
    QString error;
    QVERIFY(!log.inverseCommand(unknown, catalog, &error));
    QVERIFY(!error.isEmpty());
}

void TestRollbackLog::missingCapturedValue()
{
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    RollbackLog log;
    const qint64 id =
        log.recordCommand(u"dev-1"_s, u"set_led"_s, Json{{"color", "red"}}, Json{{"fan", 1}}, u"t"_s);
    QString error;
    QVERIFY(!log.inverseCommand(id, catalog, &error));
    QVERIFY(!error.isEmpty());
}

void TestRollbackLog::wrongKind()
{
    const CommandCatalog catalog = CommandCatalog::defaultCatalog();
    RollbackLog log;
    const qint64 desired = log.recordDesiredUpdate(u"dev-1"_s, {}, Json::object(), Json{{"a", 1}});
    const qint64 command =
        log.recordCommand(u"dev-1"_s, u"motor_on"_s, Json::object(), Json::object(), u"t"_s);
    QString error;
    QVERIFY(!log.inverseCommand(desired, catalog, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!log.inverseDesiredPatch(command, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!log.inverseDesiredPatch(999, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!log.entry(999));
}

void TestRollbackLog::entriesPerDevice()
{
    RollbackLog log;
    const qint64 a1 = log.recordDesiredUpdate(u"a"_s, {}, Json::object(), Json{{"x", 1}});
    const qint64 b1 = log.recordCommand(u"b"_s, u"motor_on"_s, Json::object(), Json::object(), u"t1"_s);
    const qint64 a2 = log.recordCommand(u"a"_s, u"motor_off"_s, Json::object(), Json::object(), u"t2"_s);
    QVERIFY(a1 < b1 && b1 < a2);

    const auto forA = log.entries(u"a"_s);
    QCOMPARE(forA.size(), 2);
    QCOMPARE(forA.at(0).id, a1);
    QCOMPARE(forA.at(1).id, a2);
    QCOMPARE(log.entries(u"b"_s).size(), 1);
    QCOMPARE(log.entries(u"c"_s).size(), 0);
    QCOMPARE(log.entries().size(), 3);
}

void TestRollbackLog::markRolledBack()
{
    RollbackLog log;
    const qint64 id = log.recordCommand(u"a"_s, u"motor_on"_s, Json::object(), Json::object(), u"t1"_s);
    QVERIFY(!log.markRolledBack(id, {}));
    QVERIFY(!log.markRolledBack(999, u"t2"_s));
    QVERIFY(log.markRolledBack(id, u"t2"_s));
    QCOMPARE(log.entry(id)->rolledBackBy, u"t2"_s);
    QVERIFY(log.entry(id)->isRolledBack());
    QVERIFY(!log.markRolledBack(id, u"t3"_s));
    QCOMPARE(log.entry(id)->rolledBackBy, u"t2"_s);
}

void TestRollbackLog::persistedInTheLedger()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"ledger.sqlite"_s);
    QList<RollbackEntry> written;
    {
        fleet::CommandLedger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        RollbackLog log;
        QString error;
        QVERIFY2(log.restore(&ledger, &error), qPrintable(error));
        QVERIFY(log.entries().isEmpty());
        const qint64 first =
            log.recordDesiredUpdate(u"dev-1"_s, {}, Json{{"led", "red"}}, Json{{"led", "blue"}});
        log.recordCommand(u"dev-1"_s, u"set_position"_s, Json{{"position", 70}}, Json{{"position", 20}},
                          u"T1"_s);
        log.recordTwinDesired(u"az-1"_s, Json{{"fan", 1}, {"$version", 4}}, Json{{"fan", 2}, {"mode", "eco"}},
                              u"R1"_s);
        QVERIFY(log.ledgerError().isEmpty());
        QVERIFY(log.markRolledBack(first, u"token-2"_s));
        written = log.entries();
    }
    // A new console on the same ledger has the history, rollback marks included, and goes on numbering.
    fleet::CommandLedger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RollbackLog log;
    QVERIFY(log.restore(&ledger));
    QCOMPARE(log.entries(), written);
    QVERIFY(log.entries().first().isRolledBack());
    const qint64 next = log.recordDesiredUpdate(u"dev-2"_s, {}, Json(), Json{{"a", 1}});
    QCOMPARE(next, written.last().id + 1);
    QCOMPARE(ledger.rollbacks(10)->size(), 4);
    // A twin's change: its desired properties without $version, and its inverse as a shadow's.
    const RollbackEntry twin = written.at(2);
    QCOMPARE(twin.kind, RollbackEntry::Kind::TwinDesired);
    QVERIFY(twin.before == Json({{"fan", 1}}));
    QVERIFY(twin.after == Json({{"fan", 2}, {"mode", "eco"}}));
    QVERIFY(*log.inverseDesiredPatch(twin.id) == Json({{"fan", 1}, {"mode", nullptr}}));

    // A ledger that cannot be read is refused and leaves the log as it was.
    fleet::CommandLedger closed;
    RollbackLog other;
    QString error;
    QVERIFY(!other.restore(&closed, &error));
    QVERIFY(!error.isEmpty());
}

void TestRollbackLog::desiredBatch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"ledger.sqlite"_s);
    const Json patch{{"limit", 5}, {"mode", nullptr}};
    qint64 id = 0;
    QList<RollbackEntry> written;
    {
        fleet::CommandLedger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
        RollbackLog log;
        QVERIFY(log.restore(&ledger));
        QCOMPARE(log.recordDesiredBatch({}, u"g"_s, patch, {}), 0); // nothing changed, nothing recorded
        QList<fleet::RollbackTarget> targets;
        targets.append({u"dev-1"_s, Json{{"limit", 2}, {"mode", "eco"}}, {}, u"t1"_s});
        targets.append({u"dev-2"_s, Json::object(), {}, u"t2"_s});
        targets.append({u"dev-3"_s, Json{{"led", "red"}}, {}, u"t3"_s});
        id = log.recordDesiredBatch({}, u"group-3"_s, patch, targets, u"b1"_s);
        const auto entry = log.entry(id);
        QCOMPARE(entry->kind, RollbackEntry::Kind::DesiredBatch);
        QVERIFY(entry->device.isEmpty());
        QCOMPARE(entry->targets.size(), 3);
        QVERIFY(entry->targets.at(0).after == (Json{{"limit", 5}}));
        QVERIFY(RollbackLog::inversePatch(entry->targets.at(0)) == (Json{{"limit", 2}, {"mode", "eco"}}));
        QVERIFY(RollbackLog::inversePatch(entry->targets.at(1)) == (Json{{"limit", nullptr}}));
        QVERIFY(!log.inverseDesiredPatch(id));       // each device has its own
        QCOMPARE(log.entries(u"dev-2"_s).size(), 1); // a device's history shows the batches it was in
        QVERIFY(log.entries(u"dev-9"_s).isEmpty());

        // A rollback that restored one, found one changed since and failed on one leaves the entry open.
        QVERIFY(log.markTargetsRolledBack(id, {{u"dev-1"_s, u"r1"_s}}, {u"dev-2"_s}, u"rb"_s));
        QVERIFY(!log.entry(id)->isRolledBack());
        QVERIFY(log.entry(id)->targets.at(1).changedSince);
        written = log.entries();
    }
    // The ledger gives it back whole.
    fleet::CommandLedger ledger;
    QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
    RollbackLog log;
    QVERIFY(log.restore(&ledger));
    QCOMPARE(log.entries(), written);
    // The second rollback settles the last device: the entry is rolled back.
    QVERIFY(log.markTargetsRolledBack(id, {{u"dev-3"_s, u"r3"_s}}, {}, u"rb2"_s));
    QCOMPARE(log.entry(id)->rolledBackBy, u"rb2"_s);
    QCOMPARE(log.entry(id)->targets.at(0).rolledBackBy, u"r1"_s);
    QVERIFY(!log.markTargetsRolledBack(id, {}, {}, u"rb3"_s));
    QCOMPARE(ledger.rollbacks(10)->constFirst(), *log.entry(id));
}

void TestRollbackLog::batchChangedSince_data()
{
    QTest::addColumn<Json>("before");
    QTest::addColumn<Json>("patch");
    QTest::addColumn<Json>("now");
    QTest::addColumn<bool>("changed");
    const Json before{{"limit", 2}, {"led", "red"}, {"cfg", {{"a", 1}, {"b", 2}}}};
    QTest::newRow("as the batch left it")
        << before << Json{{"limit", 5}} << Json{{"limit", 5}, {"led", "red"}, {"cfg", {{"a", 1}, {"b", 2}}}}
        << false;
    QTest::newRow("another key changed")
        << before << Json{{"limit", 5}} << Json{{"limit", 5}, {"led", "blue"}} << false;
    QTest::newRow("the batch's key changed")
        << before << Json{{"limit", 5}} << Json{{"limit", 7}, {"led", "red"}} << true;
    QTest::newRow("the batch's key removed") << before << Json{{"limit", 5}} << Json{{"led", "red"}} << true;
    QTest::newRow("a removed key set again")
        << before << Json{{"led", nullptr}} << Json{{"limit", 2}, {"led", "x"}} << true;
    QTest::newRow("a nested sibling changed")
        << before << Json{{"cfg", {{"a", 9}}}} << Json{{"cfg", {{"a", 9}, {"b", 3}}}} << false;
    QTest::newRow("the nested key changed")
        << before << Json{{"cfg", {{"a", 9}}}} << Json{{"cfg", {{"a", 8}, {"b", 2}}}} << true;
}

void TestRollbackLog::batchChangedSince()
{
    QFETCH(Json, before);
    QFETCH(Json, patch);
    QFETCH(Json, now);
    QFETCH(bool, changed);
    fleet::RollbackTarget target{u"dev-1"_s, before, fleet::MergePatch::apply(before, patch)};
    QCOMPARE(RollbackLog::changedSince(target, now), changed);
}

QTEST_GUILESS_MAIN(TestRollbackLog)
#include "tst_rollbacklog.moc"
