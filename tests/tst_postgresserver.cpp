#include "postgresserver.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using fleet::test::PostgresServer;

class TestPostgresServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!PostgresServer::isInstalled())
            QFAIL("PostgreSQL's server programs are not installed: run ./fleet setup");
    }

    // Started on a loopback port, a database made, and stopped by its PID: nothing of it is left running.
    void startsServesAndStops()
    {
        PostgresServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.isRunning());
        QVERIFY(server.port() > 0);
        const QString url = server.createDatabase(u"first"_s);
        QCOMPARE(url, u"postgresql://fleet@127.0.0.1:%1/first"_s.arg(server.port()));
        QVERIFY2(server.exec(u"first"_s, u"CREATE TABLE t (x BIGINT)"_s), qPrintable(server.errorString()));
        // Only on loopback.
        QVERIFY(server.log().contains(u"listening on IPv4 address \"127.0.0.1\""_s));
        QVERIFY(server.stop());
        QVERIFY(!server.isRunning());
        // The data stays for a restart on the same port.
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(server.exec(u"first"_s, u"INSERT INTO t VALUES (1)"_s));
        QVERIFY(server.stop());
    }

    void badNamesAndStatementsAreErrors()
    {
        PostgresServer server;
        QVERIFY(server.start());
        QVERIFY(server.createDatabase(u"Robert'); DROP"_s).isEmpty());
        QVERIFY(server.errorString().contains(u"not a plain database name"_s));
        QVERIFY(!server.exec(u"postgres"_s, u"SELECT * FROM no_such_table"_s));
        QVERIFY(server.errorString().contains(u"no_such_table"_s));
    }

    // With a password, TCP connections must give it: without it the server refuses.
    void passwordServerRefusesWithoutIt()
    {
        PostgresServer server(u"pw-123"_s);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY2(!server.createDatabase(u"guarded"_s).isEmpty(), qPrintable(server.errorString()));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"nopassword"_s);
            db.setHostName(u"127.0.0.1"_s);
            db.setPort(server.port());
            db.setUserName(u"fleet"_s);
            db.setDatabaseName(u"guarded"_s);
            QVERIFY(!db.open());
        }
        QSqlDatabase::removeDatabase(u"nopassword"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
