// DeviceFilterProxyModel over a DeviceTableModel: the text, connectivity and group filters alone and
// together, rows entering and leaving as the registry changes, sorting on the raw roles, and 10,000 devices.

#include "fleet/fleetregistry.h"
#include "models/devicefilterproxymodel.h"
#include "models/devicetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::DeviceFilter;
using fleet::DeviceFilterProxyModel;
using fleet::DeviceTableModel;
using fleet::FleetRegistry;
using fleet::MqttMessage;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

MqttMessage presence(const QString &id, const QByteArray &state, bool retain = false)
{
    return MqttMessage(u"presence/"_s + id, state, 0, retain);
}

MqttMessage telemetry(const QString &id)
{
    return MqttMessage(u"telemetry/"_s + id, R"({"ts":1})"_ba);
}

MqttMessage shadow(const QString &id, const QByteArray &desired, const QByteArray &reported, qint64 version)
{
    const QByteArray body = R"({"state":{"desired":)"_ba + desired + R"(,"reported":)"_ba + reported +
                            R"(},"metadata":{},"version":)"_ba + QByteArray::number(version) +
                            R"(,"timestamp":1})"_ba;
    return MqttMessage(u"$aws/things/"_s + id + u"/shadow/get/accepted"_s, body);
}

struct Fixture
{
    Fixture()
    {
        registry.setClock([this] { return now; });
        proxy.setSourceModel(&model);
        tester = std::make_unique<QAbstractItemModelTester>(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // The small fleet most tests use:
    //   alpha-1  online   since Now+1, seen Now+1  groups north         shadow in sync   pending 2
    //   beta-2   offline                           groups south         shadow unknown   pending 10
    //   gamma-3  unknown                           groups North-East    shadow 2 keys    pending 9
    //   Delta-4  online   since Now+3, seen Now+3  (none)               shadow unknown   pending 0
    void populate()
    {
        now = Now + 1;
        QVERIFY(registry.ingest(telemetry(u"alpha-1"_s)));
        now = Now + 2;
        QVERIFY(registry.ingest(presence(u"beta-2"_s, "offline"_ba, true)));
        QVERIFY(registry.ingest(shadow(u"gamma-3"_s, R"({"a":1,"b":2})"_ba, "{}"_ba, 1)));
        now = Now + 3;
        QVERIFY(registry.ingest(presence(u"Delta-4"_s, "online"_ba)));
        QVERIFY(registry.ingest(shadow(u"alpha-1"_s, R"({"a":1})"_ba, R"({"a":1})"_ba, 1)));
        QVERIFY(registry.addToGroup(u"alpha-1"_s, u"north"_s));
        QVERIFY(registry.addToGroup(u"beta-2"_s, u"south"_s));
        QVERIFY(registry.addToGroup(u"gamma-3"_s, u"North-East"_s));
        QVERIFY(registry.setPendingCommands(u"alpha-1"_s, 2));
        QVERIFY(registry.setPendingCommands(u"beta-2"_s, 10));
        QVERIFY(registry.setPendingCommands(u"gamma-3"_s, 9));
        registry.flush();
        QCOMPARE(model.rowCount(), 4);
    }

    QStringList ids() const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(); ++row)
            result << proxy.index(row, DeviceTableModel::IdColumn).data().toString();
        return result;
    }

    qint64 now = Now;
    FleetRegistry registry;
    DeviceTableModel model{&registry};
    DeviceFilterProxyModel proxy;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestDeviceFilterProxyModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void noFilterShowsAll()
    {
        Fixture f;
        f.populate();
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s, u"beta-2"_s, u"gamma-3"_s, u"Delta-4"_s}));
        QCOMPARE(f.proxy.columnCount(), int(DeviceTableModel::ColumnCount));
    }

    void filterText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString()
                               << QStringList({u"alpha-1"_s, u"beta-2"_s, u"gamma-3"_s, u"Delta-4"_s});
        QTest::newRow("id") << u"beta"_s << QStringList({u"beta-2"_s});
        QTest::newRow("id, other case") << u"ALPHA"_s << QStringList({u"alpha-1"_s});
        QTest::newRow("id, lower for upper") << u"delta"_s << QStringList({u"Delta-4"_s});
        QTest::newRow("id substring")
            << u"a-"_s << QStringList({u"alpha-1"_s, u"beta-2"_s, u"gamma-3"_s, u"Delta-4"_s});
        QTest::newRow("group") << u"south"_s << QStringList({u"beta-2"_s});
        QTest::newRow("group, any case, substring")
            << u"NORTH"_s << QStringList({u"alpha-1"_s, u"gamma-3"_s});
        QTest::newRow("group middle") << u"h-e"_s << QStringList({u"gamma-3"_s});
        QTest::newRow("nothing") << u"zeta"_s << QStringList();
    }

    void filterText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        Fixture f;
        f.populate();
        f.proxy.setFilterText(text);
        QCOMPARE(f.proxy.filterText(), text);
        QCOMPARE(f.ids(), expected);
    }

    void connectivityFilter()
    {
        Fixture f;
        f.populate();
        f.proxy.setConnectivityFilter(Device::Connectivity::Online);
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s, u"Delta-4"_s}));
        f.proxy.setConnectivityFilter(Device::Connectivity::Offline);
        QCOMPARE(f.ids(), QStringList({u"beta-2"_s}));
        f.proxy.setConnectivityFilter(Device::Connectivity::Unknown);
        QCOMPARE(f.ids(), QStringList({u"gamma-3"_s}));
        f.proxy.setConnectivityFilter(std::nullopt);
        QCOMPARE(f.proxy.rowCount(), 4);
    }

    void groupFilter()
    {
        Fixture f;
        f.populate();
        f.proxy.setGroupFilter(u"north"_s); // exact: not North-East
        QCOMPARE(f.proxy.groupFilter(), u"north"_s);
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s}));
        f.proxy.setGroupFilter(u"North-East"_s);
        QCOMPARE(f.ids(), QStringList({u"gamma-3"_s}));
        f.proxy.setGroupFilter(u"nowhere"_s);
        QCOMPARE(f.proxy.rowCount(), 0);
        f.proxy.setGroupFilter(QString());
        QCOMPARE(f.proxy.rowCount(), 4);
    }

    void combinedFilters()
    {
        Fixture f;
        f.populate();
        f.proxy.setFilterText(u"north"_s);
        f.proxy.setConnectivityFilter(Device::Connectivity::Online);
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s}));
        f.proxy.setGroupFilter(u"North-East"_s);
        QCOMPARE(f.proxy.rowCount(), 0);

        DeviceFilter filter;
        filter.text = u"-"_s;
        filter.connectivity = Device::Connectivity::Online;
        f.proxy.setFilter(filter);
        QCOMPARE(f.proxy.filter(), filter);
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s, u"Delta-4"_s}));
    }

    void liveRowsEnterAndLeave()
    {
        Fixture f;
        f.populate();
        f.proxy.setConnectivityFilter(Device::Connectivity::Online);
        QCOMPARE(f.proxy.rowCount(), 2);
        QSignalSpy inserted(&f.proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);

        // A new online device appears; an offline one that comes alive enters; an online one that leaves
        // goes.
        QVERIFY(f.registry.ingest(telemetry(u"epsilon-5"_s)));
        QVERIFY(f.registry.ingest(presence(u"zeta-6"_s, "offline"_ba)));
        f.registry.flush();
        QCOMPARE(f.ids(), QStringList({u"alpha-1"_s, u"Delta-4"_s, u"epsilon-5"_s}));
        QVERIFY(f.registry.ingest(telemetry(u"beta-2"_s)));
        QVERIFY(f.registry.ingest(presence(u"alpha-1"_s, "offline"_ba)));
        f.registry.flush();
        QCOMPARE(f.ids(), QStringList({u"beta-2"_s, u"Delta-4"_s, u"epsilon-5"_s}));
        QVERIFY(inserted.size() >= 2);
        QVERIFY(removed.size() >= 1);

        // A device joins the filtered group.
        f.proxy.setConnectivityFilter(std::nullopt);
        f.proxy.setGroupFilter(u"south"_s);
        QCOMPARE(f.ids(), QStringList({u"beta-2"_s}));
        QVERIFY(f.registry.addToGroup(u"zeta-6"_s, u"south"_s));
        f.registry.flush();
        QCOMPARE(f.ids(), QStringList({u"beta-2"_s, u"zeta-6"_s}));
    }

    void sorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        // Ties keep source order (the sort is stable).
        QTest::newRow("id") << int(DeviceTableModel::IdColumn)
                            << QStringList({u"alpha-1"_s, u"beta-2"_s, u"Delta-4"_s, u"gamma-3"_s});
        QTest::newRow("connectivity") << int(DeviceTableModel::ConnectivityColumn)
                                      << QStringList({u"gamma-3"_s, u"alpha-1"_s, u"Delta-4"_s, u"beta-2"_s});
        QTest::newRow("last seen") << int(DeviceTableModel::LastSeenColumn)
                                   << QStringList({u"beta-2"_s, u"gamma-3"_s, u"alpha-1"_s, u"Delta-4"_s});
        QTest::newRow("groups") << int(DeviceTableModel::GroupsColumn)
                                << QStringList({u"Delta-4"_s, u"alpha-1"_s, u"gamma-3"_s, u"beta-2"_s});
        QTest::newRow("shadow") << int(DeviceTableModel::ShadowColumn)
                                << QStringList({u"beta-2"_s, u"Delta-4"_s, u"alpha-1"_s, u"gamma-3"_s});
        // As numbers: 10 after 9.
        QTest::newRow("pending commands")
            << int(DeviceTableModel::PendingCommandsColumn)
            << QStringList({u"Delta-4"_s, u"alpha-1"_s, u"gamma-3"_s, u"beta-2"_s});
    }

    void sorting()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Fixture f;
        f.proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
        f.populate();
        f.proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(f.ids(), ascending);
        f.proxy.sort(column, Qt::DescendingOrder);
        const QStringList descending = f.ids();
        QCOMPARE(descending.size(), ascending.size());
        // Descending reverses every strict order; only ties may keep their relative order.
        QCOMPARE(descending.first() == ascending.last() || column != DeviceTableModel::IdColumn, true);
        if (column == DeviceTableModel::IdColumn || column == DeviceTableModel::PendingCommandsColumn) {
            QStringList reversed = ascending;
            std::reverse(reversed.begin(), reversed.end());
            QCOMPARE(descending, reversed);
        }
    }

    void sortingFollowsChanges()
    {
        Fixture f;
        f.populate();
        f.proxy.sort(DeviceTableModel::PendingCommandsColumn, Qt::DescendingOrder);
        QCOMPARE(f.ids().first(), u"beta-2"_s);
        QVERIFY(f.registry.setPendingCommands(u"Delta-4"_s, 50));
        f.registry.flush();
        QCOMPARE(f.ids().first(), u"Delta-4"_s);
    }

    // The proxy keeps the sorted column's values per row: they must follow every change the table signals.
    void sortKeysFollowTheSource()
    {
        Fixture f;
        f.populate();
        f.proxy.sort(DeviceTableModel::GroupsColumn, Qt::AscendingOrder);
        QCOMPARE(f.ids(), QStringList({u"Delta-4"_s, u"gamma-3"_s, u"alpha-1"_s, u"beta-2"_s}));
        // A changed group moves its row; a new device is read when it is first compared.
        QVERIFY(f.registry.addToGroup(u"Delta-4"_s, u"west"_s));
        QVERIFY(f.registry.ingest(telemetry(u"epsilon-5"_s)));
        QVERIFY(f.registry.addToGroup(u"epsilon-5"_s, u"east"_s));
        f.registry.flush();
        QCOMPARE(f.ids(),
                 QStringList({u"gamma-3"_s, u"epsilon-5"_s, u"alpha-1"_s, u"beta-2"_s, u"Delta-4"_s}));
        // Another column is another set of keys.
        f.proxy.sort(DeviceTableModel::PendingCommandsColumn, Qt::AscendingOrder);
        QCOMPARE(f.ids().last(), u"beta-2"_s);
        QVERIFY(f.registry.setPendingCommands(u"epsilon-5"_s, 11));
        f.registry.flush();
        QCOMPARE(f.ids().last(), u"epsilon-5"_s);

        // A new source model starts from nothing.
        FleetRegistry other;
        QVERIFY(other.ingest(telemetry(u"b"_s)));
        QVERIFY(other.ingest(telemetry(u"a"_s)));
        other.flush();
        QVERIFY(other.setPendingCommands(u"b"_s, 1));
        other.flush();
        DeviceTableModel otherModel(&other);
        f.proxy.setSourceModel(&otherModel);
        QCOMPARE(f.ids(), QStringList({u"a"_s, u"b"_s}));
        f.proxy.setSourceModel(&f.model);
        QCOMPARE(f.ids().last(), u"epsilon-5"_s);
    }

    void tenThousandDevices()
    {
        Fixture f;
        // The tester re-checks the whole model on every change, which takes minutes at this size.
        f.tester.reset();
        constexpr int N = 10'000;
        QVERIFY(f.registry.addPatternGroup(u"tens"_s, u"dev-*0"_s));
        f.proxy.sort(DeviceTableModel::IdColumn, Qt::DescendingOrder);
        QSignalSpy inserted(&f.proxy, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < N; ++i)
            QVERIFY(
                f.registry.ingest(presence(u"dev-%1"_s.arg(i), i % 2 ? "online"_ba : "offline"_ba, true)));
        f.registry.flush();
        QCOMPARE(f.proxy.rowCount(), N);
        QCOMPARE(f.proxy.index(0, 0).data().toString(), u"dev-9999"_s);
        QCOMPARE(f.proxy.index(N - 1, 0).data().toString(), u"dev-0"_s);

        f.proxy.setFilterText(u"dev-123"_s); // dev-123 and dev-1230..dev-1239
        QCOMPARE(f.proxy.rowCount(), 11);
        QCOMPARE(f.proxy.index(0, 0).data().toString(), u"dev-1239"_s);
        f.proxy.setFilterText(QString());
        f.proxy.setGroupFilter(u"tens"_s);
        QCOMPARE(f.proxy.rowCount(), N / 10);
        f.proxy.setGroupFilter(QString());
        f.proxy.setConnectivityFilter(Device::Connectivity::Online);
        QCOMPARE(f.proxy.rowCount(), N / 2);

        // Everything goes online at once.
        for (int i = 0; i < N; i += 2)
            QVERIFY(f.registry.ingest(presence(u"dev-%1"_s.arg(i), "online"_ba)));
        f.registry.flush();
        QCOMPARE(f.proxy.rowCount(), N);
        QCOMPARE(f.proxy.index(N - 1, 0).data().toString(), u"dev-0"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeviceFilterProxyModel)
#include "tst_devicefilterproxymodel.moc"
