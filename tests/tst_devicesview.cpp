// DevicesView: the real widgets over a FleetSession, against a real mosquitto, fleet-hub and in-process
// fleet-sim devices, and over a 100,000-device registry imported from data: devices appear, the text,
// connectivity and group filters, selection and activation signals, the header's saved state, and that the
// table paints only what is visible.

#include "brokerobserver.h"
#include "deviceitemdelegate.h"
#include "devicesview.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "models/devicefilterproxymodel.h"
#include "models/devicetablemodel.h"
#include "mqtt/mqttmessage.h"
#include "shadow/shadowclient.h"
#include "simdevices.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::DeviceItemDelegate;
using fleet::DevicesView;
using fleet::DeviceTableModel;
using fleet::FleetSession;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::SimDevices;

namespace {

// Counts what the table asks of its delegate, passing the work on to the view's own.
class CountingDelegate final : public QStyledItemDelegate
{
public:
    CountingDelegate(QAbstractItemDelegate *inner, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_inner(inner)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++paints;
        m_inner->paint(painter, option, index);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++sizeHints;
        return m_inner->sizeHint(option, index);
    }

    mutable int paints = 0;
    mutable int sizeHints = 0;

private:
    QAbstractItemDelegate *m_inner;
};

fleet::sim::SimConfig configFor(const QString &prefix, int devices)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.groups = 2;
    config.telemetryIntervalMs = 0;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    return config;
}

QByteArray fleetData(int devices)
{
    // Every device in one of ten regions, every hundredth also in "canary".
    QByteArray data = "[";
    data.reserve(devices * 48);
    for (int i = 0; i < devices; ++i) {
        if (i)
            data += ',';
        data += "{\"id\":\"dev-" + QByteArray::number(i).rightJustified(6, '0') + "\",\"groups\":[\"region-" +
                QByteArray::number(i % 10) + '"';
        if (i % 100 == 0)
            data += ",\"canary\"";
        data += "]}";
    }
    data += ']';
    return data;
}

QStringList ids(const QList<QVariant> &arguments)
{
    return arguments.constFirst().toStringList();
}

} // namespace

class TestDevicesView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString())); }

    void devicesAppear()
    {
        SimDevices devices(configFor(u"dv"_s, 4), m_fleet.profile());
        QVERIFY(devices.start());
        FleetSession session;
        DevicesView view(&session);
        view.resize(900, 400);
        view.show();
        QVERIFY(session.connectToBroker(m_fleet.profile()));

        QTRY_COMPARE_WITH_TIMEOUT(view.proxyModel()->rowCount(), 4, DefaultTimeoutMs);
        QCOMPARE(view.countLabel()->text(), u"4 devices"_s);
        // Online, as their presence says.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < 4; ++row) {
                    const QModelIndex index =
                        view.proxyModel()->index(row, DeviceTableModel::ConnectivityColumn);
                    if (!view.delegate()->textFor(index).startsWith(u"Online"_s))
                        return false;
                }
                return true;
            }(),
            DefaultTimeoutMs);
        // A desired key the device does not support stays pending in its shadow, through fleet-hub.
        const QModelIndexList first = view.proxyModel()->match(
            view.proxyModel()->index(0, 0), DeviceTableModel::IdRole, devices.id(0), 1, Qt::MatchExactly);
        QCOMPARE(first.size(), 1);
        const QModelIndex shadow = first.constFirst().siblingAtColumn(DeviceTableModel::ShadowColumn);
        QCOMPARE(view.delegate()->textFor(shadow), u"No shadow"_s);
        session.shadows()->updateDesired(devices.id(0), {}, nlohmann::ordered_json{{"volume", 3}});
        QTRY_COMPARE_WITH_TIMEOUT(view.delegate()->textFor(shadow), u"1 key pending"_s, DefaultTimeoutMs);
        session.shadows()->updateDesired(devices.id(0), {}, nlohmann::ordered_json{{"volume", nullptr}});
        QTRY_COMPARE_WITH_TIMEOUT(view.delegate()->textFor(shadow), u"In sync"_s, DefaultTimeoutMs);
        // The group combo follows the registry's groups.
        QVERIFY(session.registry()->addPatternGroup(u"first"_s, u"dv-1"_s));
        view.refreshGroups();
        QVERIFY(view.groupCombo()->findText(u"first"_s) > 0); // after "All groups"
        // With the groups the devices announce in their shadows (fleet-sim's "groups").
        const QStringList groups = session.registry()->device(devices.id(0)).groups;
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.constFirst(), u"first"_s);
        QVERIFY2(groups.constLast().startsWith(u"group-"_s), qPrintable(groups.join(u',')));
        QVERIFY(view.groupCombo()->findText(groups.constLast()) > 0);

        // One device goes offline: the view follows.
        devices.at(3)->stop();
        view.connectivityCombo()->setCurrentIndex(
            view.connectivityCombo()->findData(int(Device::Connectivity::Offline)));
        QTRY_COMPARE_WITH_TIMEOUT(view.proxyModel()->rowCount(), 1, DefaultTimeoutMs);
        QCOMPARE(view.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), devices.id(3));
        QCOMPARE(view.countLabel()->text(), u"1 of 4 devices"_s);
        QVERIFY(!view.grab().isNull()); // paints real rows
        session.disconnectFromBroker();
    }

    void filters()
    {
        FleetSession session;
        QVERIFY(session.registry()->importData(
            "[{\"id\":\"pump-1\",\"groups\":[\"north\"]},{\"id\":\"pump-2\",\"groups\":[\"south\"]},"
            "{\"id\":\"valve-1\",\"groups\":[\"north\",\"pilot\"]},{\"id\":\"valve-2\"}]"));
        session.registry()->ingest(MqttMessage(u"presence/pump-1"_s, "online", 1, true));
        session.registry()->ingest(MqttMessage(u"presence/valve-2"_s, "offline", 1, true));
        session.registry()->flush();
        DevicesView view(&session);
        view.show();
        QCOMPARE(view.proxyModel()->rowCount(), 4);

        auto shown = [&] {
            QStringList result;
            for (int row = 0; row < view.proxyModel()->rowCount(); ++row)
                result.append(view.proxyModel()->index(row, 0).data(DeviceTableModel::IdRole).toString());
            return result;
        };

        QTest::keyClicks(view.filterEdit(), u"pump"_s);
        QCOMPARE(shown(), QStringList({u"pump-1"_s, u"pump-2"_s}));
        view.filterEdit()->setText(u"NORTH"_s); // a group's name, case-insensitive
        QCOMPARE(shown(), QStringList({u"pump-1"_s, u"valve-1"_s}));
        view.filterEdit()->clear();
        QCOMPARE(shown().size(), 4);

        QComboBox *connectivity = view.connectivityCombo();
        connectivity->setCurrentIndex(connectivity->findData(int(Device::Connectivity::Online)));
        QCOMPARE(shown(), QStringList({u"pump-1"_s}));
        connectivity->setCurrentIndex(connectivity->findData(int(Device::Connectivity::Offline)));
        QCOMPARE(shown(), QStringList({u"valve-2"_s}));
        connectivity->setCurrentIndex(connectivity->findData(int(Device::Connectivity::Unknown)));
        QCOMPARE(shown(), QStringList({u"pump-2"_s, u"valve-1"_s}));
        connectivity->setCurrentIndex(0);
        QCOMPARE(shown().size(), 4);

        QComboBox *group = view.groupCombo();
        QCOMPARE(group->count(), 4); // all, north, pilot, south
        group->setCurrentIndex(group->findData(u"north"_s));
        QCOMPARE(shown(), QStringList({u"pump-1"_s, u"valve-1"_s}));
        // Filters combine.
        view.filterEdit()->setText(u"valve"_s);
        QCOMPARE(shown(), QStringList({u"valve-1"_s}));
        group->setCurrentIndex(0);
        QCOMPARE(shown(), QStringList({u"valve-1"_s, u"valve-2"_s}));
        QCOMPARE(view.countLabel()->text(), u"2 of 4 devices"_s);

        // A group that appears later is offered after the refresh.
        QVERIFY(session.registry()->addToGroup(u"valve-2"_s, u"east"_s));
        session.registry()->flush();
        QTRY_VERIFY(group->findData(u"east"_s) > 0);
    }

    void presentation()
    {
        // The delegate's text for real cells, as the table would paint them: DeviceText's wording (tested in
        // tst_devicetext), with times relative to the delegate's clock.
        const qint64 now = 1'700'000'000'000;
        FleetSession session;
        qint64 clock = now;
        session.registry()->setClock([&clock] { return clock; });
        QVERIFY(session.registry()->importData("dev-1\n"));
        session.registry()->ingest(MqttMessage(u"presence/dev-1"_s, "online"));
        session.registry()->ingest(MqttMessage(u"telemetry/dev-1"_s, "{}"));
        session.registry()->flush();
        DevicesView view(&session);
        view.delegate()->setClock([&clock] { return clock + 90'000; });
        const auto text = [&](int column) {
            return view.delegate()->textFor(view.proxyModel()->index(0, column));
        };
        QCOMPARE(text(DeviceTableModel::IdColumn), u"dev-1"_s);
        // This session is not connected: all it knows is the last state heard.
        QCOMPARE(text(DeviceTableModel::ConnectivityColumn), u"Online (last known)"_s);
        view.delegate()->setStale(false); // as while connected
        QCOMPARE(text(DeviceTableModel::ConnectivityColumn), u"Online for 1 min"_s);
        QCOMPARE(text(DeviceTableModel::LastSeenColumn), u"1 min ago"_s);
        QCOMPARE(text(DeviceTableModel::ShadowColumn), u"No shadow"_s);
        QCOMPARE(text(DeviceTableModel::PendingCommandsColumn), QString());
        QVERIFY(session.registry()->setPendingCommands(u"dev-1"_s, 2));
        session.registry()->flush();
        QCOMPARE(text(DeviceTableModel::PendingCommandsColumn), u"2"_s);
        QVERIFY(!view.grab().isNull());
    }

    void selectionAndActivation()
    {
        FleetSession session;
        QVERIFY(session.registry()->importData("a-1\na-2\na-3\na-4\n"));
        session.registry()->flush();
        DevicesView view(&session);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.tableView();
        QSignalSpy selection(&view, &DevicesView::selectionChanged);
        QSignalSpy activated(&view, &DevicesView::deviceActivated);

        auto centre = [&](int row) { return table->visualRect(view.proxyModel()->index(row, 0)).center(); };
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre(0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, centre(2));
        QTRY_VERIFY(!selection.isEmpty() && ids(selection.constLast()) == QStringList({u"a-1"_s, u"a-3"_s}));
        QCOMPARE(view.selectedDevices(), QStringList({u"a-1"_s, u"a-3"_s}));
        // Coalesced: one signal per turn of the event loop, not one per range.
        selection.clear();
        table->selectAll();
        QTRY_COMPARE(selection.size(), 1);
        QCOMPARE(ids(selection.constFirst()).size(), 4);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ShiftModifier, centre(1));
        QTRY_VERIFY(ids(selection.constLast()) == QStringList({u"a-3"_s, u"a-2"_s}) ||
                    ids(selection.constLast()).size() == 2);

        // Double-click and Enter activate.
        // A real double-click starts with a click on the same row.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre(3));
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre(3));
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.constFirst().constFirst().toString(), u"a-4"_s);
        table->setFocus();
        table->setCurrentIndex(view.proxyModel()->index(1, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.constLast().constFirst().toString(), u"a-2"_s);
        // Sorted views activate the device under the cursor, not the registry's row.
        table->sortByColumn(DeviceTableModel::IdColumn, Qt::DescendingOrder);
        table->setCurrentIndex(view.proxyModel()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Enter);
        QCOMPARE(activated.constLast().constFirst().toString(), u"a-4"_s);
    }

    void headerStateRoundTrip()
    {
        FleetSession session;
        QVERIFY(session.registry()->importData("b-2\nb-1\nb-3\n"));
        session.registry()->flush();
        QByteArray state;
        {
            DevicesView view(&session);
            view.resize(900, 300);
            view.show();
            // Registry order until a column is chosen.
            QCOMPARE(view.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), u"b-2"_s);
            view.tableView()->horizontalHeader()->resizeSection(DeviceTableModel::IdColumn, 321);
            view.tableView()->horizontalHeader()->resizeSection(DeviceTableModel::GroupsColumn, 77);
            view.tableView()->sortByColumn(DeviceTableModel::IdColumn, Qt::DescendingOrder);
            QCOMPARE(view.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), u"b-3"_s);
            state = view.saveState();
        }
        DevicesView restored(&session);
        restored.resize(900, 300);
        restored.show();
        QVERIFY(restored.restoreState(state));
        QHeaderView *header = restored.tableView()->horizontalHeader();
        QCOMPARE(header->sectionSize(DeviceTableModel::IdColumn), 321);
        QCOMPARE(header->sectionSize(DeviceTableModel::GroupsColumn), 77);
        QCOMPARE(header->sortIndicatorSection(), int(DeviceTableModel::IdColumn));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(restored.proxyModel()->sortColumn(), int(DeviceTableModel::IdColumn));
        QCOMPARE(restored.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), u"b-3"_s);
        QCOMPARE(restored.proxyModel()->index(2, 0).data(DeviceTableModel::IdRole).toString(), u"b-1"_s);

        // Data it did not write changes nothing.
        QVERIFY(!restored.restoreState(QByteArray()));
        QVERIFY(!restored.restoreState("garbage that is not a state"));
        QVERIFY(!restored.restoreState(header->saveState())); // a bare header state lacks the marker
        QCOMPARE(header->sectionSize(DeviceTableModel::IdColumn), 321);
    }

    void hundredThousandDevices()
    {
        constexpr int Devices = 100000;
        FleetSession session;
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(session.registry()->importData(fleetData(Devices), &error), qPrintable(error));
        session.registry()->flush();
        qInfo("import: %lld ms", timer.restart());

        DevicesView view(&session);
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        qInfo("view: %lld ms", timer.restart());
        QCOMPARE(view.proxyModel()->rowCount(), Devices);

        QTableView *table = view.tableView();
        auto *counting = new CountingDelegate(view.delegate(), &view);
        table->setItemDelegate(counting);
        const int visibleRows =
            table->viewport()->height() / table->verticalHeader()->defaultSectionSize() + 2;
        const int bound = visibleRows * DeviceTableModel::ColumnCount;

        // A paint reads only the visible cells.
        QVERIFY(!view.grab().isNull());
        QVERIFY2(counting->paints > 0 && counting->paints <= bound,
                 qPrintable(u"%1 cells painted, bound %2"_s.arg(counting->paints).arg(bound)));
        QVERIFY2(counting->sizeHints <= DeviceTableModel::ColumnCount,
                 qPrintable(u"%1 size hints"_s.arg(counting->sizeHints)));

        // Scrolling to the end costs the same.
        counting->paints = 0;
        table->scrollToBottom();
        QVERIFY(!view.grab().isNull());
        QVERIFY(counting->paints <= bound);
        QVERIFY(table->indexAt(QPoint(5, 5)).isValid());

        // Filtering.
        timer.restart();
        QTest::keyClicks(view.filterEdit(), u"dev-0999"_s);
        qInfo("typing 8 characters: %lld ms", timer.restart());
        QCOMPARE(view.proxyModel()->rowCount(), 100); // dev-099900 .. dev-099999
        view.groupCombo()->setCurrentIndex(view.groupCombo()->findData(u"canary"_s));
        QCOMPARE(view.proxyModel()->rowCount(), 1);
        QCOMPARE(view.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), u"dev-099900"_s);
        view.filterEdit()->clear();
        QCOMPARE(view.proxyModel()->rowCount(), Devices / 100);
        view.groupCombo()->setCurrentIndex(0);
        view.connectivityCombo()->setCurrentIndex(
            view.connectivityCombo()->findData(int(Device::Connectivity::Online)));
        QCOMPARE(view.proxyModel()->rowCount(), 0);
        view.connectivityCombo()->setCurrentIndex(0);
        QCOMPARE(view.proxyModel()->rowCount(), Devices);
        const qint64 filterMs = timer.restart();
        qInfo("group and connectivity filters: %lld ms", filterMs);

        // Sorting on a raw role, then a paint of the first page.
        table->sortByColumn(DeviceTableModel::IdColumn, Qt::DescendingOrder);
        qInfo("sort: %lld ms", timer.restart());
        QCOMPARE(view.proxyModel()->index(0, 0).data(DeviceTableModel::IdRole).toString(), u"dev-099999"_s);
        counting->paints = 0;
        QVERIFY(!view.grab().isNull());
        QVERIFY(counting->paints <= bound);

        // Selecting everything is one signal.
        QSignalSpy selection(&view, &DevicesView::selectionChanged);
        table->selectAll();
        QTRY_COMPARE(selection.size(), 1);
        QCOMPARE(ids(selection.constFirst()).size(), Devices);
    }

private:
    fleet::test::FleetFixture m_fleet;
};

QTEST_MAIN(TestDevicesView)
#include "tst_devicesview.moc"
