// TwinStore: fleet-hub's Azure device twins in a SQLite file of their own. Writes, finds and counts; a
// missing device; a batch's transaction rolled back or committed; twins kept across a reopen; a file from a
// newer fleet-hub refused; a damaged row read as no twin rather than a crash.

#include "dialects/azuretwin.h"

#include "common/json.h"
#include "postgresserver.h"
#include "rawdatabase.h"
#include "twinstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::AzureTwin;
using fleet::Json;
using fleet::TwinStore;
using fleet::test::RawDatabase;

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

constexpr qint64 NowMs = 1'700'000'000'000;

AzureTwin twinWith(const Json &desired, const Json &reported)
{
    AzureTwin twin;
    if (const auto why = twin.apply(AzureTwin::Section::Desired, desired))
        qFatal("test patch refused: %s", qPrintable(*why));
    if (const auto why = twin.apply(AzureTwin::Section::Reported, reported))
        qFatal("test patch refused: %s", qPrintable(*why));
    return twin;
}

} // namespace

class TestTwinStore final : public QObject
{
    Q_OBJECT

    QString dbPath() const { return fleet::test::hubDatabase(m_dir->filePath(u"twins.db"_s)); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void openCreatesSchema()
    {
        TwinStore store;
        QVERIFY(!store.isOpen());
        QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.count(), 0);
        RawDatabase raw(dbPath());
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.schemaVersion(u"fleet-hub-twins"_s), TwinStore::SchemaVersion);
        if (!raw.isPostgres())
            QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(raw.value(u"SELECT count(*) FROM twins"_s).toInt(), 0);
    }

    void writeFindCount()
    {
        TwinStore store;
        QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
        const AzureTwin one = twinWith(Json{{"fan", {{"speed", 3}}}}, Json{{"temp", 21.5}});
        AzureTwin two = twinWith(Json::object(), Json{{"list", Json::array({1, "two"})}});
        QVERIFY(!two.apply(AzureTwin::Section::Reported, Json{{"ok", true}}));
        QVERIFY2(store.write(u"dev-1"_s, one, NowMs), qPrintable(store.errorString()));
        QVERIFY2(store.write(u"dev-2"_s, two, NowMs + 1), qPrintable(store.errorString()));
        QCOMPARE(store.count(), 2);

        bool ok = false;
        const std::optional<AzureTwin> found = store.find(u"dev-1"_s, &ok);
        QVERIFY(ok);
        QVERIFY(found);
        QVERIFY_JSON(found->toStored(), one.toStored());
        const std::optional<AzureTwin> second = store.find(u"dev-2"_s);
        QVERIFY(second);
        QVERIFY_JSON(second->toStored(), two.toStored());
        QCOMPARE(second->reportedVersion, 3);
        // Device ids are case-sensitive, as IoT Hub's are.
        QVERIFY(!store.find(u"DEV-1"_s));

        // Writing again replaces the row: still two twins, the new document.
        AzureTwin changed = *found;
        QVERIFY(!changed.apply(AzureTwin::Section::Desired, Json{{"fan", nullptr}, {"mode", "eco"}}));
        QVERIFY(store.write(u"dev-1"_s, changed, NowMs + 2));
        QCOMPARE(store.count(), 2);
        const std::optional<AzureTwin> again = store.find(u"dev-1"_s);
        QVERIFY(again);
        QVERIFY_JSON(again->desired, (Json{{"mode", "eco"}}));
        QCOMPARE(again->desiredVersion, 3);

        // The row holds the stored form and the time of the write.
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT updated_ms FROM twins WHERE device = 'dev-1'"_s).toLongLong(), NowMs + 2);
        const QString document = raw.value(u"SELECT document FROM twins WHERE device = 'dev-1'"_s).toString();
        QVERIFY_JSON(Json::parse(document.toStdString()), changed.toStored());
    }

    void missingDevice()
    {
        TwinStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.write(u"dev-1"_s, AzureTwin(), NowMs));
        bool ok = false;
        QVERIFY(!store.find(u"nobody"_s, &ok));
        QVERIFY(ok); // not a failure: there is no such twin
        QVERIFY(!store.find(QString(), &ok));
        QVERIFY(ok);
        QCOMPARE(store.count(), 1);
    }

    void rollbackLeavesNothing()
    {
        TwinStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY2(store.begin(), qPrintable(store.errorString()));
        QVERIFY(store.inTransaction());
        QVERIFY(store.write(u"dev-1"_s, twinWith(Json{{"a", 1}}, Json::object()), NowMs));
        // The batch reads its own write; another connection does not.
        QVERIFY(store.find(u"dev-1"_s));
        QCOMPARE(store.count(), 1);
        {
            RawDatabase other(dbPath());
            QCOMPARE(other.value(u"SELECT count(*) FROM twins"_s).toInt(), 0);
        }
        store.rollback();
        QVERIFY(!store.inTransaction());
        bool ok = false;
        QVERIFY(!store.find(u"dev-1"_s, &ok));
        QVERIFY(ok);
        QCOMPARE(store.count(), 0);
        store.close();

        TwinStore reopened;
        QVERIFY(reopened.open(dbPath()));
        QCOMPARE(reopened.count(), 0);
    }

    void commitKeeps()
    {
        TwinStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.begin());
        QVERIFY(store.write(u"dev-1"_s, twinWith(Json{{"a", 1}}, Json::object()), NowMs));
        QVERIFY(store.write(u"dev-2"_s, twinWith(Json::object(), Json{{"b", 2}}), NowMs));
        QVERIFY2(store.commit(), qPrintable(store.errorString()));
        QVERIFY(!store.inTransaction());
        QCOMPARE(store.count(), 2);
        RawDatabase other(dbPath());
        QCOMPARE(other.value(u"SELECT count(*) FROM twins"_s).toInt(), 2);
        // Outside a batch, a write commits by itself.
        QVERIFY(store.write(u"dev-3"_s, AzureTwin(), NowMs));
        QCOMPARE(other.value(u"SELECT count(*) FROM twins"_s).toInt(), 3);
    }

    void reopenKeepsTwins()
    {
        const AzureTwin one = twinWith(Json{{"fan", {{"speed", 3}}}, {"list", {1, 2}}}, Json{{"temp", 20}});
        {
            TwinStore store;
            QVERIFY(store.open(dbPath()));
            QVERIFY(store.write(u"dev-1"_s, one, NowMs));
            QVERIFY(store.write(u"dev-2"_s, AzureTwin(), NowMs));
            store.close();
            QVERIFY(!store.isOpen());
        }
        TwinStore store;
        QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
        QCOMPARE(store.count(), 2);
        std::optional<AzureTwin> found = store.find(u"dev-1"_s);
        QVERIFY(found);
        QVERIFY_JSON(found->toStored(), one.toStored());
        // Versions go on from the stored ones.
        QVERIFY(!found->apply(AzureTwin::Section::Desired, Json::object()));
        QCOMPARE(found->desiredVersion, one.desiredVersion + 1);
    }

    void refusesNewerSchema()
    {
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.isOpen());
            QVERIFY(raw.setSchemaVersion(u"fleet-hub-twins"_s, TwinStore::SchemaVersion + 1));
        }
        TwinStore store;
        QVERIFY(!store.open(dbPath()));
        QVERIFY(!store.isOpen());
        const QString error = store.errorString();
        QVERIFY2(error.contains(dbPath()), qPrintable(error));
        QVERIFY2(error.contains(u"schema %1"_s.arg(TwinStore::SchemaVersion + 1)), qPrintable(error));
        QVERIFY2(error.contains(u"up to %1"_s.arg(TwinStore::SchemaVersion)), qPrintable(error));
        // Refusing must not have touched the file.
        RawDatabase raw(dbPath());
        QCOMPARE(raw.schemaVersion(u"fleet-hub-twins"_s), TwinStore::SchemaVersion + 1);
        QVERIFY(
            !raw.value(raw.isPostgres()
                           ? u"SELECT count(*) FROM information_schema.tables WHERE table_name = 'twins'"_s
                           : u"SELECT count(*) FROM sqlite_master WHERE name = 'twins'"_s)
                 .toBool());
    }

    void notOpenIsAFailure()
    {
        TwinStore store;
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::prepare: database not open");
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::prepare: database not open");
        bool ok = true;
        QVERIFY(!store.find(u"dev-1"_s, &ok));
        QVERIFY(!ok); // nullopt here says nothing about the twin
        QCOMPARE(store.count(), -1);
        QVERIFY(!store.write(u"dev-1"_s, AzureTwin(), NowMs));
        QVERIFY(!store.begin());
        QVERIFY(!store.errorString().isEmpty());
    }

    void damagedRowIsNoTwin_data()
    {
        QTest::addColumn<QString>("document");
        QTest::newRow("not json") << u"{\"desired\":{},\"desiredVers"_s;
        QTest::newRow("empty") << QString(u""_s);
        QTest::newRow("wrong shape") << u"[1,2,3]"_s;
        QTest::newRow("wrong types") << u"{\"desired\":[],\"desiredVersion\":\"1\",\"reported\":{},"
                                        u"\"reportedVersion\":1}"_s;
        QTest::newRow("missing reported") << u"{\"desired\":{},\"desiredVersion\":1}"_s;
        QTest::newRow("nested too deep") << QString(200, u'[') + QString(200, u']');
    }

    void damagedRowIsNoTwin()
    {
        QFETCH(QString, document);
        TwinStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.write(u"bad"_s, twinWith(Json{{"a", 1}}, Json::object()), NowMs));
        QVERIFY(store.write(u"good"_s, twinWith(Json{{"b", 2}}, Json::object()), NowMs));
        {
            QSqlQuery query(QSqlDatabase::database(store.connectionName()));
            QVERIFY(query.prepare(u"UPDATE twins SET document = ? WHERE device = 'bad'"_s));
            query.addBindValue(document);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            QCOMPARE(query.numRowsAffected(), 1);
        }

        bool ok = false;
        QVERIFY(!store.find(u"bad"_s, &ok));
        QVERIFY2(!ok, "a damaged row is indistinguishable from a missing twin");
        // The rest of the store is unaffected.
        const std::optional<AzureTwin> good = store.find(u"good"_s, &ok);
        QVERIFY(ok);
        QVERIFY(good);
        QVERIFY_JSON(good->desired, (Json{{"b", 2}}));
        QCOMPARE(store.count(), 2);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestTwinStore)
#include "tst_twinstore.moc"
