#include "shadow/shadowdocument.h"

#include "common/json.h"
#include "postgresserver.h"
#include "rawdatabase.h"
#include "shadowstore.h"
#include "store/databaselocation.h"
#include "store/sqlschema.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::Json;
using fleet::ShadowDocument;
using fleet::ShadowError;
using fleet::ShadowStore;
using fleet::test::RawDatabase;

// QCOMPARE cannot take nlohmann values (its overloads probe conversions to Qt types such as qfloat16), so
// JSON values are compared as their compact text, which also shows both sides on failure.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QCOMPARE(QString::fromStdString(Json(actual).dump()), QString::fromStdString(Json(expected).dump()))

namespace {

constexpr qint64 Now = 1700000000;

ShadowDocument::UpdateRequest request(const char *json)
{
    auto parsed = ShadowDocument::parseUpdate(QByteArray(json));
    if (const auto *error = std::get_if<ShadowError>(&parsed))
        qFatal("test request %s refused: %s", json, qPrintable(error->message));
    return std::get<ShadowDocument::UpdateRequest>(parsed);
}

// A request that only needs a version: {"state":{"reported":{key: value}},"version":N}.
ShadowDocument::UpdateRequest counterRequest(const std::string &key, int value,
                                             std::optional<qint64> version = std::nullopt)
{
    ShadowDocument::UpdateRequest r;
    r.reported = Json{{key, value}};
    r.version = version;
    return r;
}

QVariant pragma(const ShadowStore &store, const QString &name)
{
    QSqlQuery query(QSqlDatabase::database(store.connectionName(), false));
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return {};
    return query.value(0);
}

qint64 versionOf(const Json &body)
{
    return body.contains("version") ? body["version"].get<qint64>() : -1;
}

} // namespace

class TestShadowStore final : public QObject
{
    Q_OBJECT

    QString dbPath() const { return fleet::test::hubDatabase(m_dir->filePath(u"shadows.db"_s)); }
    static bool onPostgres() { return fleet::test::testsUsePostgres(); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void openCreatesSchemaWithDurableSettings()
    {
        ShadowStore store;
        store.setBusyTimeout(1234);
        QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
        QVERIFY(store.isOpen());
        QCOMPARE(RawDatabase(dbPath()).schemaVersion(u"fleet-hub-shadows"_s), ShadowStore::SchemaVersion);
        if (onPostgres()) {
            QSqlQuery query(QSqlDatabase::database(store.connectionName(), false));
            QVERIFY(query.exec(u"SELECT current_setting('synchronous_commit'), "
                               "current_setting('lock_timeout')"_s) &&
                    query.next());
            QCOMPARE(query.value(0).toString(), u"on"_s);
            QCOMPARE(query.value(1).toString(), u"1234ms"_s);
        } else {
            QCOMPARE(pragma(store, u"journal_mode"_s).toString(), u"wal"_s);
            QCOMPARE(pragma(store, u"synchronous"_s).toInt(), 2); // FULL
            QCOMPARE(pragma(store, u"busy_timeout"_s).toInt(), 1234);
        }
        RawDatabase raw(dbPath());
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);
    }

    void reopenKeepsSchemaAndData()
    {
        {
            ShadowStore store;
            QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
                store.update(u"t1"_s, {}, request(R"({"state":{"desired":{"a":1}}})"), Now)));
        }
        ShadowStore store;
        QVERIFY2(store.open(dbPath()), qPrintable(store.errorString()));
        QCOMPARE(RawDatabase(dbPath()).schemaVersion(u"fleet-hub-shadows"_s), ShadowStore::SchemaVersion);
        const auto loaded = store.load(u"t1"_s, {});
        QVERIFY(std::holds_alternative<ShadowDocument>(loaded));
        QCOMPARE(std::get<ShadowDocument>(loaded).version(), 1);
    }

    void refusesNewerSchema()
    {
        {
            RawDatabase raw(dbPath());
            QVERIFY(raw.isOpen());
            QVERIFY(raw.setSchemaVersion(u"fleet-hub-shadows"_s, ShadowStore::SchemaVersion + 1));
        }
        ShadowStore store;
        QVERIFY(!store.open(dbPath()));
        QVERIFY2(store.errorString().contains(u"newer"_s), qPrintable(store.errorString()));
        QVERIFY(!store.isOpen());
        // Refusing must not have touched the database.
        RawDatabase raw(dbPath());
        QCOMPARE(raw.schemaVersion(u"fleet-hub-shadows"_s), ShadowStore::SchemaVersion + 1);
    }

    // What a PostgreSQL location can get wrong: each is a clear error, and the store answers 500.
    void postgresFailures_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password in the URL")
            << u"postgresql://fleet:secret@127.0.0.1/x"_s << u"FLEET_DB_PASSWORD"_s;
        QTest::newRow("no database") << u"postgresql://fleet@127.0.0.1"_s << u"names no database"_s;
        QTest::newRow("unknown option") << u"postgresql://fleet@127.0.0.1/x?frob=1"_s << u"frob"_s;
        QTest::newRow("other scheme") << u"mysql://fleet@127.0.0.1/x"_s << u"file path"_s;
        // Port 1 on loopback: nothing listens there.
        QTest::newRow("no server") << u"postgresql://fleet@127.0.0.1:1/x"_s << u"127.0.0.1"_s;
    }

    void postgresFailures()
    {
        QFETCH(QString, location);
        QFETCH(QString, expected);
        ShadowStore store;
        QVERIFY(!store.open(location));
        QVERIFY2(store.errorString().contains(expected), qPrintable(store.errorString()));
        QVERIFY(!store.errorString().contains(u"secret"_s));
        QVERIFY(!store.isOpen());
        QCOMPARE(std::get<ShadowError>(store.get(u"t"_s, {}, std::nullopt, Now)).code, 500);
    }

    void postgresMissingDatabase()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL run only (FLEET_TEST_DATABASE=postgresql)");
        const QString url = fleet::test::PostgresServer::shared()->url(u"no_such_database"_s);
        ShadowStore store;
        QVERIFY(!store.open(url));
        QVERIFY2(store.errorString().contains(u"no_such_database"_s), qPrintable(store.errorString()));
    }

    void openFailures_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("directory") << u"directory"_s;
        QTest::newRow("missing parent") << u"missing"_s;
        QTest::newRow("not a database") << u"garbage"_s;
    }

    void openFailures()
    {
        if (onPostgres())
            QSKIP("file errors; postgresFailures covers the server's");
        QFETCH(QString, kind);
        QString path;
        if (kind == u"directory"_s) {
            path = m_dir->path();
        } else if (kind == u"missing"_s) {
            path = m_dir->filePath(u"no/such/dir/shadows.db"_s);
        } else {
            path = m_dir->filePath(u"garbage.db"_s);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
        }
        ShadowStore store;
        QVERIFY(!store.open(path));
        QVERIFY(!store.errorString().isEmpty());
        QVERIFY(!store.isOpen());
        // A failed store answers 500 rather than crashing.
        const auto result = store.get(u"t"_s, {}, std::nullopt, Now);
        QCOMPARE(std::get<ShadowError>(result).code, 500);
    }

    void missingShadows()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        const auto loaded = store.load(u"nobody"_s, {});
        QVERIFY(std::holds_alternative<ShadowDocument>(loaded));
        QVERIFY(!std::get<ShadowDocument>(loaded).exists());
        QCOMPARE(std::get<ShadowDocument>(loaded).version(), 0);

        QCOMPARE(std::get<ShadowError>(store.get(u"nobody"_s, {}, std::nullopt, Now)),
                 ShadowError::thingNotFound());
        QCOMPARE(std::get<ShadowError>(store.get(u"nobody"_s, u"cfg"_s, std::nullopt, Now)),
                 ShadowError::noNamedShadow(u"cfg"_s));
        QCOMPARE(std::get<ShadowError>(store.remove(u"nobody"_s, {}, std::string("tok"), Now)),
                 ShadowError::thingNotFound());
        QCOMPARE(std::get<ShadowError>(store.remove(u"nobody"_s, u"cfg"_s, std::nullopt, Now)),
                 ShadowError::noNamedShadow(u"cfg"_s));
        // A 404 writes nothing.
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);
    }

    void updateGetDeleteRoundTrip()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        auto updated = store.update(u"lamp"_s, {},
                                    request(R"({"state":{"desired":{"on":true}},"clientToken":"a"})"), Now);
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(updated));
        auto first = std::get<ShadowDocument::UpdateResult>(updated);
        QCOMPARE(versionOf(first.accepted), 1);
        QCOMPARE(first.accepted["clientToken"].get<std::string>(), "a");

        updated = store.update(u"lamp"_s, {}, request(R"({"state":{"reported":{"on":false}}})"), Now + 1);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(updated).accepted), 2);

        const auto got = store.get(u"lamp"_s, {}, std::string("g"), Now + 2);
        QVERIFY(std::holds_alternative<Json>(got));
        Json body = std::get<Json>(got);
        QCOMPARE(versionOf(body), 2);
        QCOMPARE_JSON(body["state"]["desired"]["on"], Json(true));
        QCOMPARE_JSON(body["state"]["reported"]["on"], Json(false));
        QCOMPARE_JSON(body["state"]["delta"]["on"], Json(true));
        QCOMPARE(body["clientToken"].get<std::string>(), "g");

        // The stored row mirrors the document and its version.
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT version FROM shadows WHERE thing = 'lamp' AND shadow = ''"_s).toInt(), 2);
        const auto stored = Json::parse(
            raw.value(u"SELECT document FROM shadows WHERE thing = 'lamp'"_s).toString().toStdString());
        QCOMPARE(ShadowDocument::fromStored(stored)->version(), 2);

        auto removed = store.remove(u"lamp"_s, {}, std::string("d"), Now + 3);
        QVERIFY(std::holds_alternative<Json>(removed));
        QCOMPARE(versionOf(std::get<Json>(removed)), 2);
        QCOMPARE(std::get<Json>(removed)["clientToken"].get<std::string>(), "d");
        QCOMPARE(std::get<ShadowError>(store.get(u"lamp"_s, {}, std::nullopt, Now)).code, 404);
        QCOMPARE(std::get<ShadowError>(store.remove(u"lamp"_s, {}, std::nullopt, Now)).code, 404);
    }

    void classicAndNamedShadowsAreSeparate()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
                store.update(u"pump"_s, {}, counterRequest("n", i), Now)));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"pump"_s, u"config"_s, counterRequest("n", 9), Now)));
        QCOMPARE(std::get<ShadowDocument>(store.load(u"pump"_s, {})).version(), 3);
        QCOMPARE(std::get<ShadowDocument>(store.load(u"pump"_s, u"config"_s)).version(), 1);
        QCOMPARE(std::get<ShadowError>(store.get(u"pump"_s, u"other"_s, std::nullopt, Now)),
                 ShadowError::noNamedShadow(u"other"_s));
        QVERIFY(std::holds_alternative<Json>(store.remove(u"pump"_s, u"config"_s, std::nullopt, Now)));
        QCOMPARE(std::get<ShadowDocument>(store.load(u"pump"_s, {})).version(), 3);
        QVERIFY(std::holds_alternative<Json>(store.get(u"pump"_s, {}, std::nullopt, Now)));
    }

    void versionContinuesAfterDelete()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        for (int i = 0; i < 3; ++i)
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
                store.update(u"t"_s, u"s"_s, counterRequest("n", i), Now)));
        QVERIFY(std::holds_alternative<Json>(store.remove(u"t"_s, u"s"_s, std::nullopt, Now)));
        const auto afterDelete = store.load(u"t"_s, u"s"_s);
        QVERIFY(!std::get<ShadowDocument>(afterDelete).exists());
        QCOMPARE(std::get<ShadowDocument>(afterDelete).version(), 3);

        const auto recreated = store.update(u"t"_s, u"s"_s, counterRequest("n", 7), Now);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(recreated).accepted), 4);
        // The recreated shadow starts empty: only the new update's fields.
        Json got = std::get<Json>(store.get(u"t"_s, u"s"_s, std::nullopt, Now));
        QCOMPARE_JSON(got["state"]["reported"], (Json{{"n", 7}}));
        QCOMPARE(versionOf(got), 4);
    }

    void persistsAcrossReopen()
    {
        ShadowDocument before;
        {
            ShadowStore store;
            QVERIFY(store.open(dbPath()));
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(store.update(
                u"valve"_s, u"cfg"_s, request(R"({"state":{"desired":{"pos":{"x":1,"y":[1,2]}}}})"), Now)));
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(store.update(
                u"valve"_s, u"cfg"_s, request(R"({"state":{"reported":{"pos":{"x":1}}}})"), Now + 5)));
            before = std::get<ShadowDocument>(store.load(u"valve"_s, u"cfg"_s));
            store.close();
            QVERIFY(!store.isOpen());
        }
        ShadowStore reopened;
        QVERIFY(reopened.open(dbPath()));
        const ShadowDocument after = std::get<ShadowDocument>(reopened.load(u"valve"_s, u"cfg"_s));
        QVERIFY(after == before);
        QCOMPARE(after.version(), 2);
        const auto next = reopened.update(u"valve"_s, u"cfg"_s, request(R"({"state":{},"version":2})"), Now);
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(next));
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(next).accepted), 3);
    }

    void rejectionsWriteNothing()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        // A version conflict on a shadow that does not exist creates no row.
        QCOMPARE(std::get<ShadowError>(store.update(u"t"_s, {}, counterRequest("n", 1, 5), Now)),
                 ShadowError::versionConflict());
        RawDatabase raw(dbPath());
        QCOMPARE(raw.value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);

        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, counterRequest("n", 1), Now)));
        const QString before = raw.value(u"SELECT document FROM shadows"_s).toString();
        QCOMPARE(std::get<ShadowError>(store.update(u"t"_s, {}, counterRequest("n", 2, 7), Now)),
                 ShadowError::versionConflict());
        // 413: the merged state would exceed the limit.
        ShadowDocument::UpdateRequest big;
        big.desired = Json{{"blob", std::string(ShadowDocument::MaxStateBytes, 'x')}};
        QCOMPARE(std::get<ShadowError>(store.update(u"t"_s, {}, big, Now)).code, 413);
        QCOMPARE(raw.value(u"SELECT document FROM shadows"_s).toString(), before);
        QCOMPARE(std::get<ShadowDocument>(store.load(u"t"_s, {})).version(), 1);
    }

    void damagedRowIsAnErrorNotACrash_data()
    {
        QTest::addColumn<QString>("document");
        QTest::newRow("not json") << u"{\"exists\":true,\"vers"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("wrong shape") << u"[1,2,3]"_s;
        QTest::newRow("wrong types") << u"{\"exists\":\"yes\",\"version\":\"ten\"}"_s;
    }

    void damagedRowIsAnErrorNotACrash()
    {
        QFETCH(QString, document);
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"bad"_s, {}, counterRequest("n", 1), Now)));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"good"_s, {}, counterRequest("n", 1), Now)));
        RawDatabase raw(dbPath());
        QSqlQuery query(QSqlDatabase::database(store.connectionName(), false));
        QVERIFY(query.prepare(u"UPDATE shadows SET document = ? WHERE thing = 'bad'"_s));
        query.addBindValue(document.isNull() ? u""_s : document);
        QVERIFY(query.exec());
        query.finish();

        QCOMPARE(std::get<ShadowError>(store.get(u"bad"_s, {}, std::nullopt, Now)), ShadowError::internal());
        QVERIFY2(store.errorString().contains(u"damaged"_s), qPrintable(store.errorString()));
        QCOMPARE(std::get<ShadowError>(store.load(u"bad"_s, {})), ShadowError::internal());
        QCOMPARE(std::get<ShadowError>(store.update(u"bad"_s, {}, counterRequest("n", 2), Now)),
                 ShadowError::internal());
        QCOMPARE(std::get<ShadowError>(store.remove(u"bad"_s, {}, std::nullopt, Now)),
                 ShadowError::internal());
        // Never overwritten: the operator gets to see what was there.
        QCOMPARE(raw.value(u"SELECT document FROM shadows WHERE thing = 'bad'"_s).toString(),
                 document.isNull() ? u""_s : document);
        // The rest of the store is unaffected, and no transaction was left open.
        const auto good = store.update(u"good"_s, {}, counterRequest("n", 2), Now);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(good).accepted), 2);
    }

    void lockedDatabaseIsAnInternalError()
    {
        ShadowStore store;
        store.setBusyTimeout(100);
        QVERIFY(store.open(dbPath()));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, counterRequest("n", 1), Now)));
        RawDatabase other(dbPath());
        // Another hub in the middle of a write: the write lock of the file, or of the table.
        QVERIFY(other.lockForWriting(u"shadows"_s));
        QCOMPARE(std::get<ShadowError>(store.update(u"t"_s, {}, counterRequest("n", 2), Now)),
                 ShadowError::internal());
        QVERIFY2(store.errorString().contains(u"lock"_s, Qt::CaseInsensitive),
                 qPrintable(store.errorString()));
        // WAL: readers are not blocked by a writer.
        QVERIFY(std::holds_alternative<Json>(store.get(u"t"_s, {}, std::nullopt, Now)));
        QVERIFY(other.rollback());
        const auto next = store.update(u"t"_s, {}, counterRequest("n", 2), Now);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(next).accepted), 2);
    }

    // Group commit: the updates of a batch see each other, a rejected one in the middle leaves the others
    // alone, and nothing is visible to another connection before commitBatch().
    void batchCommitsTogether()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY2(store.beginBatch(), qPrintable(store.errorString()));
        QVERIFY(store.inBatch());
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               store.update(u"t"_s, {}, counterRequest("n", 1), Now))
                               .accepted),
                 1);
        // A conflict in the middle is refused and writes nothing; the batch goes on.
        QCOMPARE(std::get<ShadowError>(store.update(u"t"_s, {}, counterRequest("n", 9, 7), Now)),
                 ShadowError::versionConflict());
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               store.update(u"t"_s, {}, counterRequest("n", 2, 1), Now))
                               .accepted),
                 2);
        QCOMPARE(std::get<ShadowError>(store.remove(u"u"_s, {}, std::nullopt, Now)),
                 ShadowStore::notFound({}));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"u"_s, u"config"_s, counterRequest("m", 1), Now)));
        // Gets inside the batch read its own updates.
        QCOMPARE(versionOf(std::get<Json>(store.get(u"t"_s, {}, std::nullopt, Now))), 2);

        RawDatabase other(dbPath());
        QCOMPARE(other.value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);
        QVERIFY2(store.commitBatch(), qPrintable(store.errorString()));
        QVERIFY(!store.inBatch());
        QCOMPARE(other.value(u"SELECT count(*) FROM shadows"_s).toInt(), 2);
        QCOMPARE(other.value(u"SELECT version FROM shadows WHERE thing = 't'"_s).toInt(), 2);
        // Outside a batch, every update commits by itself again.
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, counterRequest("n", 3), Now)));
        QCOMPARE(other.value(u"SELECT version FROM shadows WHERE thing = 't'"_s).toInt(), 3);
    }

    // Whatever a device puts in its strings reaches the table as it was, also when a batch writes its rows
    // in one statement (PostgreSQL): read back by another store, which has no cache to hide a bad quote.
    void awkwardTextSurvivesABatch()
    {
        const Json reported = {{"quote", "it's"},
                               {"backslash", R"(C:\new\table)"},
                               {"double", R"(say "hi")"},
                               {"sql", "'); DROP TABLE shadows; --"},
                               {"dollar", "$$ $tag$ E'\\x'"},
                               {"unicode", "Ærøskøbing ☃ 𝄞"},
                               {"control", std::string("nul\0tab\t", 9)},
                               // Qt's arg() markers, which a chained arg() would have replaced.
                               {"percent", "%1 %2 %3 %4 %04 %L4 100%"}};
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.beginBatch());
        for (const QString &thing : {u"b"_s, u"a"_s}) {
            ShadowDocument::UpdateRequest r;
            r.reported = reported;
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(store.update(thing, {}, r, Now)));
        }
        QVERIFY(store.lockForBatch({{u"a"_s, {}}}));
        ShadowDocument::UpdateRequest second;
        second.desired = Json{{"it's", "a \"b\""}};
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(store.update(u"a"_s, {}, second, Now)));
        QVERIFY2(store.commitBatch(), qPrintable(store.errorString()));

        ShadowStore fresh;
        QVERIFY(fresh.open(dbPath()));
        for (const QString &thing : {u"a"_s, u"b"_s}) {
            const ShadowDocument document = std::get<ShadowDocument>(fresh.load(thing, {}));
            QCOMPARE_JSON(document.reported(), reported);
        }
        QCOMPARE(std::get<ShadowDocument>(fresh.load(u"a"_s, {})).version(), 2);
        QCOMPARE_JSON(std::get<ShadowDocument>(fresh.load(u"a"_s, {})).desired(), second.desired.value());
        QCOMPARE(fresh.cacheHits(), 0);
    }

    // The parsed-document cache saves the parse of a row the store wrote itself, and only that: a row
    // another writer changed, even to the same version, is read as it is in the database.
    void cacheServesOnlyTheRowItWrote()
    {
        ShadowStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, request(R"({"state":{"reported":{"a":1}}})"), Now)));
        const qint64 before = store.cacheHits();
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, request(R"({"state":{"reported":{"b":2}}})"), Now)));
        QCOMPARE(store.cacheHits(), before + 1);

        // Another writer replaces the document behind the store's back, keeping the version.
        RawDatabase other(dbPath());
        const QString replaced =
            uR"({"exists":true,"version":2,"timestamp":1,"state":{"desired":{},"reported":{"z":9}},)"
            uR"("metadata":{"reported":{"z":{"timestamp":1}}}})"_s;
        QVERIFY(other.exec(u"UPDATE shadows SET document = '%1' WHERE thing = 't'"_s.arg(replaced)));
        const auto updated = store.update(u"t"_s, {}, request(R"({"state":{"reported":{"c":3}}})"), Now);
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(updated));
        QCOMPARE(store.cacheHits(), before + 1);
        const Json current =
            Json::parse(std::get<ShadowDocument::UpdateResult>(updated).documents)["current"];
        QCOMPARE_JSON(current["state"]["reported"], Json::parse(R"({"z":9,"c":3})"));
        QCOMPARE(versionOf(current), 3);

        // A batch rolled back leaves its documents in the cache, but the rows kept their old text.
        QVERIFY(store.beginBatch());
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, request(R"({"state":{"reported":{"d":4}}})"), Now)));
        store.abortBatch();
        const auto got = store.get(u"t"_s, {}, std::nullopt, Now);
        QVERIFY(std::holds_alternative<Json>(got));
        QCOMPARE(versionOf(std::get<Json>(got)), 3);
        QVERIFY(!std::get<Json>(got)["state"]["reported"].contains("d"));
    }

    // A batch cannot start while another connection holds the write lock, and says so; a batch that is
    // never committed leaves nothing behind when the store closes.
    void batchNeedsTheWriteLock()
    {
        ShadowStore store;
        store.setBusyTimeout(100);
        QVERIFY(store.open(dbPath()));
        // PostgreSQL takes row locks as the batch goes, not a lock up front.
        if (!onPostgres()) {
            RawDatabase other(dbPath());
            QVERIFY(other.lockForWriting(u"shadows"_s));
            QVERIFY(!store.beginBatch());
            QVERIFY(!store.inBatch());
            QVERIFY2(store.errorString().contains(u"lock"_s, Qt::CaseInsensitive),
                     qPrintable(store.errorString()));
            QVERIFY(other.rollback());
        }
        QVERIFY(store.beginBatch());
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            store.update(u"t"_s, {}, counterRequest("n", 1), Now)));
        store.close();
        RawDatabase other(dbPath());
        QCOMPARE(other.value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);
    }

    // Two stores on one file, as two hubs would be, taking turns with versioned read-modify-writes: each sees
    // the other's commits, so none is lost and no version is handed out twice.
    void twoStoresInterleaved()
    {
        ShadowStore a;
        ShadowStore b;
        QVERIFY(a.open(dbPath()));
        QVERIFY(b.open(dbPath()));
        QVERIFY(a.connectionName() != b.connectionName());
        QSet<qint64> versions;
        const int rounds = 100;
        for (int i = 0; i < rounds; ++i) {
            for (ShadowStore *store : {&a, &b}) {
                const qint64 current = std::get<ShadowDocument>(store->load(u"t"_s, {})).version();
                const auto result = store->update(u"t"_s, {}, counterRequest("n", i, current), Now);
                QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(result));
                const qint64 v = versionOf(std::get<ShadowDocument::UpdateResult>(result).accepted);
                QCOMPARE(v, current + 1);
                QVERIFY(!versions.contains(v));
                versions.insert(v);
            }
        }
        // A stale version from either side is refused: the database decides, not a cache.
        QCOMPARE(std::get<ShadowError>(a.update(u"t"_s, {}, counterRequest("n", 0, 2 * rounds - 1), Now)),
                 ShadowError::versionConflict());
        QCOMPARE(std::get<ShadowDocument>(a.load(u"t"_s, {})).version(), 2 * rounds);
        QCOMPARE(std::get<ShadowDocument>(b.load(u"t"_s, {})).version(), 2 * rounds);
    }

    // The same with real concurrency: two threads, each with its own store, updating as fast as they can.
    // busy_timeout makes each wait for the other's write lock instead of failing.
    void twoStoresConcurrent()
    {
        const QString path = dbPath();
        {
            ShadowStore init;
            QVERIFY(init.open(path)); // create and migrate once, outside the race
        }
        const int perThread = 150;
        QList<qint64> versions[2];
        int failures[2] = {0, 0};
        QList<QThread *> threads;
        for (int t = 0; t < 2; ++t) {
            threads.append(QThread::create([&, t] {
                ShadowStore store;
                if (!store.open(path)) {
                    failures[t] = perThread;
                    return;
                }
                for (int i = 0; i < perThread; ++i) {
                    const auto result =
                        store.update(u"shared"_s, u"s"_s, counterRequest(t == 0 ? "a" : "b", i), Now);
                    if (const auto *r = std::get_if<ShadowDocument::UpdateResult>(&result))
                        versions[t].append(versionOf(r->accepted));
                    else
                        ++failures[t];
                }
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(failures[0], 0);
        QCOMPARE(failures[1], 0);
        QSet<qint64> all;
        for (const auto &list : versions) {
            for (int i = 1; i < list.size(); ++i)
                QVERIFY(list.at(i) > list.at(i - 1)); // each writer sees its own versions rise
            for (qint64 v : list)
                all.insert(v);
        }
        QCOMPARE(all.size(), 2 * perThread); // no version handed out twice
        ShadowStore check;
        QVERIFY(check.open(path));
        const ShadowDocument last = std::get<ShadowDocument>(check.load(u"shared"_s, u"s"_s));
        QCOMPARE(last.version(), 2 * perThread);
        QCOMPARE_JSON(last.reported().value("a", Json()), Json(perThread - 1));
        QCOMPARE_JSON(last.reported().value("b", Json()), Json(perThread - 1));
    }

    // Two hubs create the same shadow at once (PostgreSQL): both find no row; the second INSERT waits for
    // the first hub's commit, fails on the key, and runs again on the row the first one wrote. The retry is
    // provoked for certain: the first hub holds its batch open until the second is seen waiting.
    void concurrentCreateRunsAgain()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL run only; SQLite's write lock serialises whole transactions");
        const QString location = dbPath();
        ShadowStore a;
        QVERIFY2(a.open(location), qPrintable(a.errorString()));
        QVERIFY(a.beginBatch());
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               a.update(u"new"_s, {}, counterRequest("a", 1), Now))
                               .accepted),
                 1);
        QVERIFY2(a.writeBatch(), qPrintable(a.errorString())); // the INSERT, still uncommitted
        qint64 bVersion = -1;
        qint64 bConflicts = -1;
        QThread *thread = QThread::create([&] {
            ShadowStore b;
            if (!b.open(location))
                return;
            const auto result = b.update(u"new"_s, {}, counterRequest("b", 1), Now);
            if (const auto *r = std::get_if<ShadowDocument::UpdateResult>(&result))
                bVersion = versionOf(r->accepted);
            bConflicts = b.conflictCount();
        });
        thread->start();
        QVERIFY(waitForLockWait(location));
        QVERIFY2(a.commitBatch(), qPrintable(a.errorString()));
        QVERIFY(thread->wait(30000));
        delete thread;
        QCOMPARE(bVersion, 2);
        QCOMPARE(bConflicts, 1);
        const ShadowDocument last = std::get<ShadowDocument>(a.load(u"new"_s, {}));
        QCOMPARE(last.version(), 2);
        QCOMPARE_JSON(last.reported(), (Json{{"a", 1}, {"b", 1}}));
    }

    // A batch writes its rows at its end (PostgreSQL, writeBatch()): a new shadow another hub created and
    // committed meanwhile makes the INSERT fail, which loses the batch; run again, the request finds the
    // other hub's row and continues its version.
    void batchInsertMeetsAnotherHubsRow()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL run only; SQLite writes each request as it runs, under the file's write lock");
        const QString location = dbPath();
        ShadowStore a;
        QVERIFY2(a.open(location), qPrintable(a.errorString()));
        ShadowStore b;
        QVERIFY2(b.open(location), qPrintable(b.errorString()));
        QVERIFY(a.beginBatch());
        QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
            a.update(u"new"_s, {}, counterRequest("a", 1), Now)));
        // Not written yet: the batch reads its own change, the table does not have it.
        QCOMPARE(versionOf(std::get<Json>(a.get(u"new"_s, {}, std::nullopt, Now))), 1);
        QCOMPARE(RawDatabase(location).value(u"SELECT count(*) FROM shadows"_s).toInt(), 0);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               b.update(u"new"_s, {}, counterRequest("b", 1), Now))
                               .accepted),
                 1);
        QVERIFY(!a.writeBatch());
        QVERIFY(a.batchLost());
        a.abortBatch();
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               a.update(u"new"_s, {}, counterRequest("a", 1), Now))
                               .accepted),
                 2);
        const ShadowDocument last = std::get<ShadowDocument>(b.load(u"new"_s, {}));
        QCOMPARE_JSON(last.reported(), (Json{{"b", 1}, {"a", 1}}));
    }

    // Two hubs' batches lock two shadows in opposite orders (PostgreSQL): the server breaks the deadlock by
    // failing one of them. That batch is lost whole (batchLost()), rolled back, and its requests run again
    // one at a time; no update is lost and no version repeats.
    void deadlockedBatchIsLostAndRunsAgain()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL run only; SQLite's write lock serialises whole transactions");
        const QString location = dbPath();
        ShadowStore a;
        openWithTwoShadows(a, location);
        if (QTest::currentTestFailed())
            return;
        // Runs one side's batch of two updates; a lost batch is run again unbatched, as the service does.
        const auto runBatch = [](ShadowStore &store, const QString &first, const QString &second,
                                 const std::string &key, const std::function<void()> &between) {
            bool lost = false;
            store.beginBatch();
            store.update(first, {}, counterRequest(key, 1), Now);
            between();
            store.update(second, {}, counterRequest(key, 1), Now);
            if (store.batchLost()) {
                lost = true;
                store.abortBatch();
                store.update(first, {}, counterRequest(key, 1), Now);
                store.update(second, {}, counterRequest(key, 1), Now);
            } else if (!store.commitBatch()) {
                return -1;
            }
            return lost ? 1 : 0;
        };
        int bLost = -1;
        QThread *thread = QThread::create([&] {
            ShadowStore b;
            if (b.open(location))
                bLost = runBatch(b, u"y"_s, u"x"_s, "b", [] {});
        });
        int aLost = runBatch(a, u"x"_s, u"y"_s, "a", [&] {
            thread->start();
            QVERIFY(waitForLockWait(location)); // b holds y and waits for x
        });
        QVERIFY(thread->wait(30000));
        delete thread;
        QCOMPARE(aLost + bLost, 1); // exactly one side lost its batch
        for (const QString &thing : {u"x"_s, u"y"_s}) {
            const ShadowDocument document = std::get<ShadowDocument>(a.load(thing, {}));
            QCOMPARE(document.version(), 3);
            QCOMPARE_JSON(document.reported(), (Json{{"init", 1}, {"a", 1}, {"b", 1}}));
        }
    }

    // A batch that names its shadows first (lockForBatch) reads and locks them in one statement: requests
    // on them use what it read (a second request on the same shadow sees the first one's write, a shadow
    // without a row is created), and two such batches lock in key order, so they wait instead of
    // deadlocking.
    void lockedBatchReadsOnceAndWaitsInKeyOrder()
    {
        if (!onPostgres())
            QSKIP("PostgreSQL run only; SQLite's batch holds the file's write lock");
        const QString location = dbPath();
        ShadowStore a;
        openWithTwoShadows(a, location);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(a.beginBatch());
        QVERIFY(a.lockForBatch({{u"x"_s, {}}, {u"new"_s, {}}, {u"x"_s, {}}}));
        QCOMPARE(versionOf(
                     std::get<ShadowDocument::UpdateResult>(a.update(u"x"_s, {}, counterRequest("a", 1), Now))
                         .accepted),
                 2);
        QCOMPARE(versionOf(
                     std::get<ShadowDocument::UpdateResult>(a.update(u"x"_s, {}, counterRequest("a", 2), Now))
                         .accepted),
                 3);
        QCOMPARE(versionOf(std::get<ShadowDocument::UpdateResult>(
                               a.update(u"new"_s, {}, counterRequest("a", 1), Now))
                               .accepted),
                 1);
        // A stale version is refused from the locked copy as from the table.
        QCOMPARE(std::get<ShadowError>(a.update(u"x"_s, {}, counterRequest("a", 9, 1), Now)),
                 ShadowError::versionConflict());
        QVERIFY2(a.commitBatch(), qPrintable(a.errorString()));
        QCOMPARE(std::get<ShadowDocument>(a.load(u"x"_s, {})).version(), 3);
        QCOMPARE(std::get<ShadowDocument>(a.load(u"new"_s, {})).version(), 1);

        // Two batches naming x and y in opposite orders: the second waits for the first, nobody is lost.
        bool bLost = true;
        qint64 bConflicts = -1;
        QThread *thread = QThread::create([&] {
            ShadowStore b;
            if (!b.open(location) || !b.beginBatch() || !b.lockForBatch({{u"y"_s, {}}, {u"x"_s, {}}}))
                return;
            b.update(u"y"_s, {}, counterRequest("b", 1), Now);
            b.update(u"x"_s, {}, counterRequest("b", 1), Now);
            bLost = b.batchLost();
            bConflicts = b.conflictCount();
            b.commitBatch();
        });
        QVERIFY(a.beginBatch());
        QVERIFY(a.lockForBatch({{u"x"_s, {}}, {u"y"_s, {}}}));
        thread->start();
        QVERIFY(waitForLockWait(location)); // b waits for a's locks, before taking any
        a.update(u"x"_s, {}, counterRequest("a", 3), Now);
        a.update(u"y"_s, {}, counterRequest("a", 3), Now);
        QVERIFY(!a.batchLost());
        QVERIFY2(a.commitBatch(), qPrintable(a.errorString()));
        QVERIFY(thread->wait(30000));
        delete thread;
        QVERIFY(!bLost);
        QCOMPARE(bConflicts, 0);
        QCOMPARE(std::get<ShadowDocument>(a.load(u"x"_s, {})).version(), 5);
        QCOMPARE(std::get<ShadowDocument>(a.load(u"y"_s, {})).version(), 3);
    }

private:
    // Opens store on location with shadows x and y at version 1.
    static void openWithTwoShadows(ShadowStore &store, const QString &location)
    {
        QVERIFY2(store.open(location), qPrintable(store.errorString()));
        for (const QString &thing : {u"x"_s, u"y"_s})
            QVERIFY(std::holds_alternative<ShadowDocument::UpdateResult>(
                store.update(thing, {}, counterRequest("init", 1), Now)));
    }

    // Until another connection waits for a lock on location's database (at most 10 s).
    static bool waitForLockWait(const QString &location)
    {
        RawDatabase watcher(location);
        for (int i = 0; i < 1000; ++i) {
            if (watcher
                    .value(u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                           "AND datname = current_database()"_s)
                    .toInt() > 0)
                return true;
            QThread::msleep(10);
        }
        return false;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestShadowStore)
#include "tst_shadowstore.moc"
