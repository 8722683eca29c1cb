// ExecutionLog: one line per executed command, flushed at once so that another reader sees it while the
// log is still open, appended to an existing file, and an error for a path that cannot be written.

#include "executionlog.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::sim::ExecutionLog;

namespace {

// Read through a handle of its own, as another process would.
QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"<cannot read>"_s};
    QString text = QString::fromUtf8(file.readAll());
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestExecutionLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesAreReadableWhileTheLogIsOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"exec.log"_s);
        ExecutionLog log;
        QVERIFY(!log.isOpen());
        QString error;
        QVERIFY2(log.open(path, &error), qPrintable(error));
        QVERIFY(log.isOpen());
        QVERIFY(linesOf(path).isEmpty());

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        log.record(u"dev-1"_s, u"CAFED00D"_s, u"reboot"_s);
        QCOMPARE(linesOf(path).size(), 1);
        log.record(u"dev-2"_s, u"0001"_s, u"set_led"_s);
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const QStringList lines = linesOf(path);
        QCOMPARE(lines.size(), 2);

        // <milliseconds since the epoch> TAB <device> TAB <tid> TAB <command>
        const QStringList first = lines.at(0).split(u'\t');
        QCOMPARE(first.size(), 4);
        bool ok = false;
        const qint64 ms = first.at(0).toLongLong(&ok);
        QVERIFY2(ok, qPrintable(lines.at(0)));
        QVERIFY2(ms >= before && ms <= after, qPrintable(lines.at(0)));
        QCOMPARE(first.at(1), u"dev-1"_s);
        QCOMPARE(first.at(2), u"CAFED00D"_s);
        QCOMPARE(first.at(3), u"reboot"_s);
        const QStringList second = lines.at(1).split(u'\t');
        QCOMPARE(second.size(), 4);
        QCOMPARE(second.mid(1), (QStringList{u"dev-2"_s, u"0001"_s, u"set_led"_s}));
        QVERIFY(second.at(0).toLongLong() >= ms);
    }

    void appendsToAnExistingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"exec.log"_s);
        QString error;
        {
            ExecutionLog log;
            QVERIFY2(log.open(path, &error), qPrintable(error));
            log.record(u"dev-1"_s, u"t1"_s, u"motor_on"_s);
        }
        {
            ExecutionLog log;
            QVERIFY2(log.open(path, &error), qPrintable(error));
            log.record(u"dev-1"_s, u"t2"_s, u"motor_off"_s);
        }
        const QStringList lines = linesOf(path);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).endsWith(u"\tdev-1\tt1\tmotor_on"_s));
        QVERIFY(lines.at(1).endsWith(u"\tdev-1\tt2\tmotor_off"_s));
    }

    void recordWithoutOpenDoesNothing()
    {
        ExecutionLog log;
        log.record(u"dev-1"_s, u"t1"_s, u"reboot"_s); // no file: must not crash
        QVERIFY(!log.isOpen());
    }

    void unwritablePathIsAnError_data()
    {
        QTest::addColumn<QString>("relative"); // inside the temporary directory; empty: the directory itself
        QTest::newRow("missing directory") << u"missing/exec.log"_s;
        QTest::newRow("a directory") << QString();
    }

    void unwritablePathIsAnError()
    {
        QFETCH(QString, relative);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = relative.isEmpty() ? dir.path() : dir.filePath(relative);
        ExecutionLog log;
        QString error;
        QVERIFY(!log.open(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!log.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestExecutionLog)

#include "tst_executionlog.moc"
