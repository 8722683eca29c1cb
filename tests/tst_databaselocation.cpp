#include "store/databaselocation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::DatabaseLocation;

class TestDatabaseLocation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathIsASqliteFile()
    {
        QString error;
        const auto location = DatabaseLocation::parse(u"/var/lib/fleet-hub/shadows.sqlite"_s, &error);
        QVERIFY(location);
        QCOMPARE(location->kind(), DatabaseLocation::Kind::Sqlite);
        QVERIFY(!location->isPostgres());
        QCOMPARE(location->path(), u"/var/lib/fleet-hub/shadows.sqlite"_s);
        QCOMPARE(location->displayName(), location->path());
        QCOMPARE(location->companion(u"-gate"_s).path(), u"/var/lib/fleet-hub/shadows.sqlite-gate"_s);
    }

    void postgresUrl()
    {
        QString error;
        const auto location = DatabaseLocation::parse(
            u"postgresql://hub@db.example:6543/fleet?sslmode=verify-full&connect_timeout=5"_s, &error);
        QVERIFY2(location, qPrintable(error));
        QVERIFY(location->isPostgres());
        QCOMPARE(location->host(), u"db.example"_s);
        QCOMPARE(location->port(), 6543);
        QCOMPARE(location->userName(), u"hub"_s);
        QCOMPARE(location->databaseName(), u"fleet"_s);
        QCOMPARE(location->connectOptions(), u"sslmode=verify-full;connect_timeout=5"_s);
        QCOMPARE(location->displayName(), u"postgresql://hub@db.example:6543/fleet"_s);
        // Every store of a hub shares the one database (tables of their own).
        QCOMPARE(location->companion(u"-gate"_s).displayName(), location->displayName());
        QVERIFY(location->password().isEmpty());
    }

    void shortSchemeAndDefaults()
    {
        QString error;
        const auto location = DatabaseLocation::parse(u"postgres://localhost/shadows"_s, &error);
        QVERIFY2(location, qPrintable(error));
        QCOMPARE(location->port(), DatabaseLocation::DefaultPostgresPort);
        QVERIFY(location->userName().isEmpty());
        QCOMPARE(location->displayName(), u"postgresql://localhost/shadows"_s);
        QVERIFY(DatabaseLocation::isUrl(u"POSTGRESQL://h/d"_s));
        QVERIFY(!DatabaseLocation::isUrl(u"postgresql.db"_s));
    }

    void passwordIsSetApart()
    {
        QString error;
        auto location = DatabaseLocation::parse(u"postgresql://hub@h/d"_s, &error);
        QVERIFY(location);
        location->setPassword(u"pw"_s);
        QCOMPARE(location->password(), u"pw"_s);
        QVERIFY(!location->displayName().contains(u"pw"_s));
        QVERIFY(!location->connectOptions().contains(u"pw"_s));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("password") << u"postgresql://hub:secret@h/d"_s << u"FLEET_DB_PASSWORD"_s;
        QTest::newRow("no database") << u"postgresql://hub@h"_s << u"names no database"_s;
        QTest::newRow("root only") << u"postgresql://hub@h/"_s << u"names no database"_s;
        QTest::newRow("nested path") << u"postgresql://hub@h/a/b"_s << u"names no database"_s;
        QTest::newRow("unknown option") << u"postgresql://h/d?sslmod=require"_s << u"sslmod"_s;
        QTest::newRow("password option") << u"postgresql://h/d?password=x"_s << u"password"_s;
        QTest::newRow("option injection") << u"postgresql://h/d?sslmode=require%3Bhost%3Devil"_s << u"';'"_s;
        QTest::newRow("other scheme") << u"mysql://h/d"_s << u"postgresql://"_s;
        QTest::newRow("bad port") << u"postgresql://h:99999/d"_s << u"not a valid"_s;
    }

    void refused()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!DatabaseLocation::parse(text, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(u"secret"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLocation)
#include "tst_databaselocation.moc"
