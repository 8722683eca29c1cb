// PublishHistory: what the Publish view sent, newest first, and the favourites, in QSettings. Bounded in
// count (the last 50), per payload (64 KiB, cut and marked) and in total (1 MiB, the oldest go first);
// everything comes back in a new instance, an entry still pending at the close reads back as unknown, and a
// settings file claiming more than the bounds, or holding entries this version never writes, is read within
// them. Favourites are saved, replaced, loaded and deleted by name, and refused past their bounds.

#include "mqtt/publishhistory.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::MqttProperties;
using fleet::PublishDraft;
using fleet::PublishHistory;
using Outcome = PublishHistory::Outcome;
using Route = PublishHistory::Route;
namespace Roles = fleet::PublishHistoryRoles;

namespace {

PublishDraft draftOf(const QString &topic, const QByteArray &payload = "x")
{
    PublishDraft d;
    d.topic = topic;
    d.payload = payload;
    return d;
}

} // namespace

class TestPublishHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QCoreApplication::setApplicationName(u"tst_publishhistory"_s);
    }

    void init() { QSettings().clear(); }

    void recordsNewestFirstAndPersists()
    {
        PublishHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history.rowCount(), 0);
        PublishDraft first = draftOf(u"lab/a"_s, "one");
        first.format = PublishDraft::Format::Json;
        first.qos = 2;
        first.retain = true;
        first.properties.contentType = u"application/json"_s;
        first.properties.responseTopic = u"lab/reply"_s;
        first.properties.correlationData = "\x01\x02"_ba;
        first.properties.messageExpirySeconds = 60;
        first.properties.payloadFormat = MqttProperties::PayloadFormat::Utf8;
        first.properties.userProperties = {{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"a"_s, u"3"_s}};
        QSignalSpy inserted(&history, &PublishHistory::rowsInserted);
        const quint64 a = history.record(first, Route::Direct);
        const quint64 b =
            history.record(draftOf(u"cmd/dev-1/req"_s, "reboot"), Route::Command, Outcome::Held, u"held"_s);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(history.rowCount(), 2);
        QCOMPARE(history.index(0).data(Roles::TopicRole).toString(), u"cmd/dev-1/req"_s);
        QCOMPARE(history.index(0).data(Qt::DisplayRole).toString(), u"cmd/dev-1/req"_s);
        QCOMPARE(history.index(0).data(Roles::RouteRole).toInt(), int(Route::Command));
        QCOMPARE(history.index(1).data(Roles::OutcomeRole).toInt(), int(Outcome::Pending));
        QCOMPARE(history.index(1).data(Roles::QosRole).toInt(), 2);
        QVERIFY(history.index(1).data(Roles::RetainRole).toBool());
        QVERIFY(history.index(1).data(Roles::HasPropertiesRole).toBool());
        QVERIFY(history.index(1).data(Roles::TimeRole).toDateTime().isValid());
        QCOMPARE(history.rowOf(a), 1);
        QCOMPARE(history.rowOf(b), 0);

        QSignalSpy changed(&history, &PublishHistory::dataChanged);
        QVERIFY(history.setOutcome(a, Outcome::Sent, u"acknowledged"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QVERIFY(!history.setOutcome(9999, Outcome::Sent));

        // A new instance (the next start) reads the same.
        PublishHistory again;
        QCOMPARE(again.rowCount(), 2);
        QCOMPARE(again.entry(1)->draft, first);
        QCOMPARE(again.entry(1)->outcome, Outcome::Sent);
        QCOMPARE(again.entry(1)->detail, u"acknowledged"_s);
        QCOMPARE(again.entry(1)->time, history.entry(1)->time);
        QCOMPARE(again.entry(0)->route, Route::Command);
        QCOMPARE(again.entry(0)->outcome, Outcome::Held);
        QVERIFY(again.entry(2) == nullptr);
        QVERIFY(again.entry(-1) == nullptr);
    }

    void pendingAtTheCloseReadsBackUnknown()
    {
        {
            PublishHistory history;
            history.record(draftOf(u"lab/a"_s), Route::Direct);
        }
        PublishHistory again;
        QCOMPARE(again.entry(0)->outcome, Outcome::Unknown);
    }

    void boundedInCount()
    {
        PublishHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < PublishHistory::MaxEntries + 7; ++i)
            history.record(draftOf(u"lab/%1"_s.arg(i)), Route::Direct, Outcome::Sent);
        QCOMPARE(history.rowCount(), PublishHistory::MaxEntries);
        QCOMPARE(history.entry(0)->draft.topic, u"lab/%1"_s.arg(PublishHistory::MaxEntries + 6));
        QCOMPARE(history.entry(PublishHistory::MaxEntries - 1)->draft.topic, u"lab/7"_s);
        PublishHistory again;
        QCOMPARE(again.rowCount(), PublishHistory::MaxEntries);
    }

    void boundedInSize()
    {
        PublishHistory history;
        // A payload past the bound is cut, and says so.
        const QByteArray big(PublishHistory::MaxPayloadBytes + 100, 'b');
        history.record(draftOf(u"lab/big"_s, big), Route::Direct, Outcome::Sent);
        QCOMPARE(history.entry(0)->draft.payload.size(), PublishHistory::MaxPayloadBytes);
        QVERIFY(history.entry(0)->draft.payloadTruncated);
        QVERIFY(history.index(0).data(Roles::PayloadTruncatedRole).toBool());
        // Together at most MaxStoredBytes: the oldest go first.
        for (int i = 0; i < 30; ++i)
            history.record(draftOf(u"lab/%1"_s.arg(i), QByteArray(PublishHistory::MaxPayloadBytes, 'x')),
                           Route::Direct, Outcome::Sent);
        qsizetype total = 0;
        for (int row = 0; row < history.rowCount(); ++row)
            total += PublishHistory::storedBytes(history.entry(row)->draft);
        QVERIFY2(total <= PublishHistory::MaxStoredBytes, qPrintable(QString::number(total)));
        QVERIFY(history.rowCount() >= 14 && history.rowCount() < 31);
        QCOMPARE(history.entry(0)->draft.topic, u"lab/29"_s);
        PublishHistory again;
        QCOMPARE(again.rowCount(), history.rowCount());
    }

    void hostileSettingsAreReadWithinBounds()
    {
        {
            QSettings settings;
            settings.beginGroup(u"publish"_s);
            settings.beginWriteArray(u"history"_s, 3);
            settings.setArrayIndex(0);
            settings.setValue(u"topic"_s, u"ok/1"_s);
            settings.setValue(u"payload"_s, QByteArray(PublishHistory::MaxPayloadBytes * 2, 'p'));
            settings.setValue(u"format"_s, u"text"_s);
            settings.setValue(u"qos"_s, 1);
            settings.setValue(u"route"_s, u"Direct"_s);
            settings.setValue(u"outcome"_s, u"Sent"_s);
            settings.setArrayIndex(1); // an unknown format
            settings.setValue(u"topic"_s, u"bad/1"_s);
            settings.setValue(u"format"_s, u"morse"_s);
            settings.setValue(u"qos"_s, 0);
            settings.setValue(u"route"_s, u"Direct"_s);
            settings.setValue(u"outcome"_s, u"Sent"_s);
            settings.setArrayIndex(2); // QoS out of range
            settings.setValue(u"topic"_s, u"bad/2"_s);
            settings.setValue(u"format"_s, u"hex"_s);
            settings.setValue(u"qos"_s, 3);
            settings.setValue(u"route"_s, u"Direct"_s);
            settings.setValue(u"outcome"_s, u"Sent"_s);
            settings.endArray();
            // A size that no loop should believe.
            settings.setValue(u"history/size"_s, 100000000);
            settings.setValue(u"favourites/size"_s, 100000000);
        }
        PublishHistory history;
        QCOMPARE(history.rowCount(), 1);
        QCOMPARE(history.entry(0)->draft.topic, u"ok/1"_s);
        QCOMPARE(history.entry(0)->draft.payload.size(), PublishHistory::MaxPayloadBytes);
        QVERIFY(history.entry(0)->draft.payloadTruncated);
        QVERIFY(history.favouriteNames().isEmpty());
    }

    void favourites()
    {
        PublishHistory history;
        QSignalSpy changed(&history, &PublishHistory::favouritesChanged);
        PublishDraft hex = draftOf(u"lab/hex"_s, "\xde\xad\xbe\xef"_ba);
        hex.format = PublishDraft::Format::Hex;
        hex.properties.userProperties = {{u"k"_s, u"v"_s}, {u"k"_s, u"w"_s}};
        QString error;
        QVERIFY2(history.saveFavourite(u"  beef  "_s, hex, &error), qPrintable(error));
        QVERIFY(history.saveFavourite(u"Alpha"_s, draftOf(u"lab/a"_s), &error));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(history.favouriteNames(), QStringList({u"Alpha"_s, u"beef"_s}));
        QCOMPARE(*history.favourite(u"beef"_s), hex);
        // The same name replaces.
        QVERIFY(history.saveFavourite(u"Alpha"_s, draftOf(u"lab/a2"_s), &error));
        QCOMPARE(history.favouriteNames().size(), 2);
        QCOMPARE(history.favourite(u"Alpha"_s)->topic, u"lab/a2"_s);

        // Refused: no name, a long name, no topic, a payload past the bound.
        QVERIFY(!history.saveFavourite(u"  "_s, hex, &error));
        QVERIFY(error.contains(u"name"_s));
        QVERIFY(
            !history.saveFavourite(QString(PublishHistory::MaxFavouriteNameChars + 1, u'n'), hex, &error));
        QVERIFY(!history.saveFavourite(u"empty"_s, draftOf(QString()), &error));
        QVERIFY(!history.saveFavourite(
            u"big"_s, draftOf(u"lab/big"_s, QByteArray(PublishHistory::MaxPayloadBytes + 1, 'x')), &error));
        QVERIFY2(error.contains(u"64 KiB"_s), qPrintable(error));

        // A new instance has them; deleting is for good.
        {
            PublishHistory again;
            QCOMPARE(again.favouriteNames(), QStringList({u"Alpha"_s, u"beef"_s}));
            QCOMPARE(*again.favourite(u"beef"_s), hex);
            QVERIFY(again.removeFavourite(u"beef"_s));
            QVERIFY(!again.removeFavourite(u"beef"_s));
        }
        PublishHistory third;
        QCOMPARE(third.favouriteNames(), QStringList{u"Alpha"_s});
        QVERIFY(!third.favourite(u"beef"_s));
    }

    void favouritesAreBounded()
    {
        PublishHistory history;
        QString error;
        for (int i = 0; i < PublishHistory::MaxFavourites; ++i)
            QVERIFY(history.saveFavourite(u"f%1"_s.arg(i), draftOf(u"lab/f"_s), &error));
        QVERIFY(!history.saveFavourite(u"one more"_s, draftOf(u"lab/f"_s), &error));
        QVERIFY2(error.contains(QString::number(PublishHistory::MaxFavourites)), qPrintable(error));
        QVERIFY(history.saveFavourite(u"f0"_s, draftOf(u"lab/g"_s), &error)); // replacing still works
        for (int i = 0; i < PublishHistory::MaxFavourites; ++i)
            QVERIFY(history.removeFavourite(u"f%1"_s.arg(i)));
        // And in bytes.
        int saved = 0;
        while (history.saveFavourite(u"big%1"_s.arg(saved),
                                     draftOf(u"lab/big"_s, QByteArray(PublishHistory::MaxPayloadBytes, 'x')),
                                     &error))
            ++saved;
        QVERIFY(saved >= 14 && saved <= 16);
        QVERIFY2(error.contains(u"KiB"_s), qPrintable(error));
    }

    void clear()
    {
        PublishHistory history;
        history.record(draftOf(u"lab/a"_s), Route::Direct);
        history.clear();
        QCOMPARE(history.rowCount(), 0);
        QCOMPARE(PublishHistory().rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPublishHistory)
#include "tst_publishhistory.moc"
