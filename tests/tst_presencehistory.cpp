// PresenceHistory: changes kept in order with what they started from, packed without losing a field, the
// bound per device (the oldest dropped) and the bound on devices (the history changed the longest ago
// dropped, whatever order the devices came in).

#include "fleet/presencehistory.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::PresenceChange;
using fleet::PresenceHistory;
using Source = PresenceChange::Source;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

PresenceChange change(Device::Connectivity connectivity, qint64 at, Source source = Source::Live)
{
    return PresenceChange{connectivity, at, source};
}

} // namespace

class TestPresenceHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsChangesInOrder()
    {
        PresenceHistory history;
        QVERIFY(!history.contains(u"d"_s));
        QVERIFY(history.changes(u"d"_s).isEmpty());
        const PresenceChange retained = change(Device::Connectivity::Online, Now, Source::Retained);
        const PresenceChange offline = change(Device::Connectivity::Offline, Now + 1000);
        const PresenceChange activity = change(Device::Connectivity::Online, Now + 2000, Source::Activity);
        history.append(u"d"_s, offline, &retained);
        // The state before is taken for a new history only.
        history.append(u"d"_s, activity, &offline);
        QCOMPARE(history.changes(u"d"_s), (QList<PresenceChange>{retained, offline, activity}));
        QVERIFY(history.changes(u"d"_s).constFirst().isRetained());
        QCOMPARE(history.deviceCount(), 1);
        history.append(u"e"_s, offline);
        QCOMPARE(history.changes(u"e"_s), QList<PresenceChange>{offline});
        QCOMPARE(history.deviceCount(), 2);
    }

    // Eight bytes a change: times out of the packed range are clamped, nothing else moves.
    void packing()
    {
        PresenceHistory history;
        history.append(u"d"_s, change(Device::Connectivity::Offline, -5));
        history.append(u"d"_s, change(Device::Connectivity::Online, (qint64(1) << 48) + 7, Source::Activity));
        const QList<PresenceChange> changes = history.changes(u"d"_s);
        QCOMPARE(changes.at(0), change(Device::Connectivity::Offline, 0));
        QCOMPARE(changes.at(1),
                 change(Device::Connectivity::Online, (qint64(1) << 48) - 1, Source::Activity));
    }

    void boundedPerDevice()
    {
        PresenceHistory history;
        const int total = 3 * PresenceHistory::MaxChangesPerDevice + 5;
        for (int i = 0; i < total; ++i)
            history.append(
                u"flapper"_s,
                change(i % 2 ? Device::Connectivity::Offline : Device::Connectivity::Online, Now + i));
        const QList<PresenceChange> changes = history.changes(u"flapper"_s);
        QCOMPARE(changes.size(), PresenceHistory::MaxChangesPerDevice);
        // The newest kept, oldest first.
        QCOMPARE(changes.constLast().observedMs, Now + total - 1);
        QCOMPARE(changes.constFirst().observedMs, Now + total - PresenceHistory::MaxChangesPerDevice);
        for (qsizetype i = 1; i < changes.size(); ++i)
            QVERIFY(changes.at(i - 1).observedMs < changes.at(i).observedMs);
    }

    void boundedDevices()
    {
        PresenceHistory history;
        QCOMPARE(history.maxDevices(), PresenceHistory::DefaultMaxDevices);
        history.setMaxDevices(3);
        history.append(u"a"_s, change(Device::Connectivity::Online, Now));
        history.append(u"b"_s, change(Device::Connectivity::Online, Now + 1));
        history.append(u"c"_s, change(Device::Connectivity::Online, Now + 2));
        // a changes again: b is now the one changed the longest ago, and makes room for d.
        history.append(u"a"_s, change(Device::Connectivity::Offline, Now + 3));
        history.append(u"d"_s, change(Device::Connectivity::Online, Now + 4));
        QCOMPARE(history.deviceCount(), 3);
        QVERIFY(!history.contains(u"b"_s));
        QVERIFY(history.contains(u"a"_s) && history.contains(u"c"_s) && history.contains(u"d"_s));
        QCOMPARE(history.changes(u"a"_s).size(), 2);
        QCOMPARE(history.evictedDevices(), 1);

        // A flood of new devices keeps the table at its bound.
        for (int i = 0; i < 1000; ++i)
            history.append(u"flood-%1"_s.arg(i), change(Device::Connectivity::Online, Now + 10 + i));
        QCOMPARE(history.deviceCount(), 3);
        QVERIFY(history.contains(u"flood-999"_s));
        QCOMPARE(history.evictedDevices(), 1001);

        // A lower bound drops the oldest at once; never below one.
        history.setMaxDevices(1);
        QCOMPARE(history.deviceCount(), 1);
        QVERIFY(history.contains(u"flood-999"_s));
        history.setMaxDevices(0);
        QCOMPARE(history.maxDevices(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPresenceHistory)
#include "tst_presencehistory.moc"
