// DeviceTableModel: columns, headers, display text and raw roles, inserts and changes batched as the registry
// batches them (one dataChanged per contiguous run), 10,000 devices, and a registry that goes away.

#include "fleet/fleetregistry.h"
#include "models/devicetablemodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::Device;
using fleet::DeviceTableModel;
using fleet::FleetRegistry;
using fleet::MqttMessage;

namespace {

constexpr qint64 Now = 1'700'000'000'000;

MqttMessage message(const QString &topic, const QByteArray &payload, bool retain = false)
{
    return MqttMessage(topic, payload, 0, retain);
}

MqttMessage presence(const QString &id, const QByteArray &state, bool retain = false)
{
    return message(u"presence/"_s + id, state, retain);
}

MqttMessage telemetry(const QString &id)
{
    return message(u"telemetry/"_s + id, R"({"ts":1})"_ba);
}

// A classic shadow update/documents message; desired and reported are JSON objects.
MqttMessage shadow(const QString &id, const QByteArray &desired, const QByteArray &reported, qint64 version)
{
    const QByteArray state = R"({"desired":)"_ba + desired + R"(,"reported":)"_ba + reported + "}"_ba;
    const QByteArray body = R"({"previous":{"state":)"_ba + state + R"(,"metadata":{},"version":)"_ba +
                            QByteArray::number(version - 1) + R"(},"current":{"state":)"_ba + state +
                            R"(,"metadata":{},"version":)"_ba + QByteArray::number(version) +
                            R"(},"timestamp":1700000000})"_ba;
    return message(u"$aws/things/"_s + id + u"/shadow/update/documents"_s, body);
}

// The date and time the model's display role shows: the model has no clock, so nothing relative.
QString timeText(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

struct Fixture
{
    Fixture()
    {
        registry.setClock([this] { return now; });
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    QVariant data(int row, int column, int role = Qt::DisplayRole) const
    {
        return model.data(model.index(row, column), role);
    }

    qint64 now = Now;
    FleetRegistry registry;
    DeviceTableModel model{&registry};
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

class TestDeviceTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void emptyRegistry()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.columnCount(), int(DeviceTableModel::ColumnCount));
        QCOMPARE(f.model.columnCount(), 7);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 0);
    }

    void headers()
    {
        Fixture f;
        const QStringList expected = {u"Id"_s,     u"Connectivity"_s,     u"Last seen"_s, u"Groups"_s,
                                      u"Shadow"_s, u"Pending commands"_s, u"Dialect"_s};
        for (int column = 0; column < expected.size(); ++column)
            QCOMPARE(f.model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    }

    void rawRoles()
    {
        QCOMPARE(DeviceTableModel::rawRole(DeviceTableModel::IdColumn), int(DeviceTableModel::IdRole));
        QCOMPARE(DeviceTableModel::rawRole(DeviceTableModel::PendingCommandsColumn),
                 int(DeviceTableModel::PendingCommandsRole));
        QCOMPARE(DeviceTableModel::rawRole(DeviceTableModel::ColumnCount), -1);
    }

    void existingDevicesAreRows()
    {
        FleetRegistry registry;
        QVERIFY(registry.ingest(presence(u"dev-1"_s, "online"_ba)));
        QVERIFY(registry.ingest(presence(u"dev-2"_s, "online"_ba)));
        registry.flush();
        DeviceTableModel model(&registry);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data().toString(), u"dev-2"_s);
    }

    void insertsAreBatched()
    {
        Fixture f;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(f.registry.ingest(presence(u"dev-1"_s, "online"_ba, true)));
        QVERIFY(f.registry.ingest(presence(u"dev-2"_s, "offline"_ba, true)));
        QVERIFY(f.registry.ingest(telemetry(u"dev-3"_s)));
        QVERIFY(f.registry.ingest(telemetry(u"dev-1"_s))); // new this turn: no change signal
        // Nothing is announced before the flush, and the model does not show unannounced rows.
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(f.model.rowCount(), 0);
        f.registry.flush();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.data(0, DeviceTableModel::IdColumn).toString(), u"dev-1"_s);
        QCOMPARE(f.data(2, DeviceTableModel::IdColumn).toString(), u"dev-3"_s);

        // The event loop flushes too.
        QVERIFY(f.registry.ingest(telemetry(u"dev-4"_s)));
        QTRY_COMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(2).toInt(), 3);
        QCOMPARE(f.model.rowCount(), 4);
    }

    void connectivityColumn()
    {
        Fixture f;
        QVERIFY(f.registry.ingest(presence(u"on"_s, "online"_ba)));
        QVERIFY(f.registry.ingest(presence(u"off"_s, "offline"_ba, true)));
        QVERIFY(f.registry.ingest(shadow(u"unk"_s, "{}"_ba, "{}"_ba, 1)));
        f.registry.flush();
        const int c = DeviceTableModel::ConnectivityColumn;
        QCOMPARE(f.data(0, c).toString(), u"Online"_s);
        QCOMPARE(f.data(1, c).toString(), u"Offline"_s);
        QCOMPARE(f.data(2, c).toString(), u"Unknown"_s);
        QCOMPARE(f.data(0, c, DeviceTableModel::ConnectivityRole).toInt(), int(Device::Connectivity::Online));
        QCOMPARE(f.data(1, c, DeviceTableModel::ConnectivityRole).toInt(),
                 int(Device::Connectivity::Offline));
        QCOMPARE(f.data(2, c, DeviceTableModel::ConnectivityRole).toInt(),
                 int(Device::Connectivity::Unknown));
        QCOMPARE(f.data(0, c, DeviceTableModel::ConnectivitySinceRole).toLongLong(), Now);
        QCOMPARE(f.data(1, c, DeviceTableModel::ConnectivitySinceRole).toLongLong(), 0);
        QCOMPARE(f.data(0, c, Qt::ToolTipRole).toString(), u"Since "_s + timeText(Now));
        QCOMPARE(f.data(1, c, Qt::ToolTipRole).toString(), u"Since unknown"_s);
        QVERIFY(!f.data(0, DeviceTableModel::IdColumn, Qt::ToolTipRole).isValid());
        // Raw roles answer on any column of the row.
        QCOMPARE(f.data(0, DeviceTableModel::ShadowColumn, DeviceTableModel::IdRole).toString(), u"on"_s);
    }

    void lastSeenColumn()
    {
        Fixture f;
        QVERIFY(f.registry.ingest(telemetry(u"seen"_s)));
        QVERIFY(f.registry.ingest(presence(u"never"_s, "online"_ba, true)));
        f.registry.flush();
        const int c = DeviceTableModel::LastSeenColumn;
        QCOMPARE(f.data(0, c).toString(), timeText(Now));
        QCOMPARE(f.data(0, c, DeviceTableModel::LastSeenRole).toLongLong(), Now);
        QCOMPARE(f.data(1, c).toString(), u"Never"_s);
        QCOMPARE(f.data(1, c, DeviceTableModel::LastSeenRole).toLongLong(), 0);
    }

    void groupsColumn()
    {
        Fixture f;
        QVERIFY(f.registry.ingest(telemetry(u"dev-1"_s)));
        f.registry.flush();
        QCOMPARE(f.data(0, DeviceTableModel::GroupsColumn).toString(), QString());
        QVERIFY(f.registry.addToGroup(u"dev-1"_s, u"north"_s));
        QVERIFY(f.registry.addToGroup(u"dev-1"_s, u"east"_s));
        f.registry.flush();
        QCOMPARE(f.data(0, DeviceTableModel::GroupsColumn).toString(), u"east, north"_s);
        QCOMPARE(f.data(0, DeviceTableModel::GroupsColumn, DeviceTableModel::GroupsRole).toStringList(),
                 QStringList({u"east"_s, u"north"_s}));
    }

    // Which dialect each device speaks, from the catalog's profiles (by id or pattern),
    // with the topics in the tooltip; a device no profile matches names the dialects of the commands.
    void dialectColumn()
    {
        Fixture f;
        const int c = DeviceTableModel::DialectColumn;
        for (const QString &id : {u"dev-1"_s, u"sample-1"_s, u"design-1"_s, u"thing-1"_s, u"old-1"_s})
            QVERIFY(f.registry.ingest(telemetry(id)));
        f.registry.flush();
        QCOMPARE(f.data(1, c).toString(), QString()); // no catalog yet: no profiles, no commands
        fleet::CommandCatalog catalog = fleet::CommandCatalog::defaultCatalog();
        QByteArray json = catalog.toJson();
        json.replace(R"("devices": [)", R"("devices": [{"group": "legacy", "dialect": "atlas-text"},)");
        QString error;
        const std::optional<fleet::CommandCatalog> withGroup = fleet::CommandCatalog::fromJson(json, &error);
        QVERIFY2(withGroup, qPrintable(error));
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.model.setCatalog(*withGroup);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(f.data(0, c).toString(), u"Atlas JSON, AWS IoT commands"_s);
        QCOMPARE(f.data(0, c, DeviceTableModel::DialectRole).toString(), QString());
        QCOMPARE(f.data(1, c).toString(), u"Plain text"_s);
        QCOMPARE(f.data(1, c, DeviceTableModel::DialectRole).toString(), u"atlas-text"_s);
        QCOMPARE(f.data(2, c).toString(), u"Atlas JSON"_s);
        QCOMPARE(f.data(2, c, Qt::ToolTipRole).toString(),
                 u"Atlas JSON: requests on commands/design-1, replies on commands/design-1/ack"_s);
        QCOMPARE(f.data(3, c).toString(), u"AWS IoT commands"_s);
        QVERIFY(f.data(3, c, Qt::ToolTipRole).toString().contains(u"$aws/commands/things/thing-1/"_s));
        QVERIFY(f.data(0, c, Qt::ToolTipRole).toString().contains(u"cmd/dev-1/req"_s));
        QCOMPARE(f.data(4, c).toString(), u"Atlas JSON, AWS IoT commands"_s);
        QVERIFY(f.registry.addToGroup(u"old-1"_s, u"legacy"_s));
        f.registry.flush();
        QCOMPARE(f.data(4, c).toString(), u"Atlas JSON, AWS IoT commands"_s); // a group's profile is for its
                                                                              // broadcasts only
        QCOMPARE(DeviceTableModel::rawRole(c), int(DeviceTableModel::DialectRole));
    }

    void shadowColumn()
    {
        Fixture f;
        QVERIFY(f.registry.ingest(telemetry(u"none"_s)));
        QVERIFY(f.registry.ingest(shadow(u"sync"_s, R"({"led":"red"})"_ba, R"({"led":"red","x":1})"_ba, 2)));
        QVERIFY(f.registry.ingest(shadow(u"one"_s, R"({"a":1,"b":2})"_ba, R"({"a":1,"b":0})"_ba, 2)));
        QVERIFY(f.registry.ingest(shadow(u"three"_s, R"({"a":1,"b":2,"c":3})"_ba, "{}"_ba, 2)));
        f.registry.flush();
        const int c = DeviceTableModel::ShadowColumn;
        QCOMPARE(f.data(0, c).toString(), u"No shadow"_s);
        QCOMPARE(f.data(1, c).toString(), u"In sync"_s);
        QCOMPARE(f.data(2, c).toString(), u"1 key pending"_s);
        QCOMPARE(f.data(3, c).toString(), u"3 keys pending"_s);
        QCOMPARE(f.data(0, c, DeviceTableModel::ShadowRole).toInt(), -1);
        QCOMPARE(f.data(1, c, DeviceTableModel::ShadowRole).toInt(), 0);
        QCOMPARE(f.data(2, c, DeviceTableModel::ShadowRole).toInt(), 1);
        QCOMPARE(f.data(3, c, DeviceTableModel::ShadowRole).toInt(), 3);
    }

    void pendingCommandsColumn()
    {
        Fixture f;
        QVERIFY(f.registry.ingest(telemetry(u"dev-1"_s)));
        f.registry.flush();
        const int c = DeviceTableModel::PendingCommandsColumn;
        QCOMPARE(f.data(0, c).toString(), u"0"_s);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(f.registry.setPendingCommands(u"dev-1"_s, 12));
        f.registry.flush();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(f.data(0, c).toString(), u"12"_s);
        QCOMPARE(f.data(0, c, DeviceTableModel::PendingCommandsRole).toInt(), 12);
    }

    void changesAreOneSignalPerRun()
    {
        Fixture f;
        for (int i = 0; i < 10; ++i)
            QVERIFY(f.registry.ingest(presence(u"dev-%1"_s.arg(i), "offline"_ba, true)));
        f.registry.flush();
        QCOMPARE(f.model.rowCount(), 10);

        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.now = Now + 1000;
        for (const int i : {9, 1, 2, 3, 5, 8})
            QVERIFY(f.registry.ingest(telemetry(u"dev-%1"_s.arg(i))));
        QVERIFY(f.registry.ingest(telemetry(u"dev-new"_s)));
        f.registry.flush();

        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 10);
        QCOMPARE(changed.size(), 3);
        const QList<QPair<int, int>> runs = {{1, 3}, {5, 5}, {8, 9}};
        for (int i = 0; i < runs.size(); ++i) {
            const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
            const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
            QCOMPARE(topLeft.row(), runs.at(i).first);
            QCOMPARE(bottomRight.row(), runs.at(i).second);
            QCOMPARE(topLeft.column(), 0);
            QCOMPARE(bottomRight.column(), DeviceTableModel::ColumnCount - 1);
            const auto roles = changed.at(i).at(2).value<QList<int>>();
            QVERIFY(roles.contains(Qt::DisplayRole));
            QVERIFY(roles.contains(DeviceTableModel::LastSeenRole));
        }
        QCOMPARE(f.data(5, DeviceTableModel::ConnectivityColumn).toString(), u"Online"_s);
        QCOMPARE(f.data(5, DeviceTableModel::LastSeenColumn, DeviceTableModel::LastSeenRole).toLongLong(),
                 Now + 1000);
        QCOMPARE(f.data(4, DeviceTableModel::ConnectivityColumn).toString(), u"Offline"_s);
    }

    void tenThousandDevices()
    {
        Fixture f;
        constexpr int N = 10'000;
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < N; ++i)
            QVERIFY(f.registry.ingest(presence(u"dev-%1"_s.arg(i), "online"_ba, true)));
        f.registry.flush();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), N - 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(f.model.rowCount(), N);
        QCOMPARE(f.data(N - 1, DeviceTableModel::IdColumn).toString(), u"dev-9999"_s);

        // Every device goes offline: one run, one signal.
        for (int i = 0; i < N; ++i)
            QVERIFY(f.registry.ingest(presence(u"dev-%1"_s.arg(i), "offline"_ba)));
        f.registry.flush();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), N - 1);

        // Every other device: N / 2 runs of one row. The tester checks the whole model on every
        // dataChanged(), which 5,000 signals would make take tens of seconds, so it stops here.
        f.tester.reset();
        changed.clear();
        for (int i = 0; i < N; i += 2)
            QVERIFY(f.registry.ingest(telemetry(u"dev-%1"_s.arg(i))));
        f.registry.flush();
        QCOMPARE(changed.size(), N / 2);
        QCOMPARE(f.data(N - 2, DeviceTableModel::ConnectivityColumn).toString(), u"Online"_s);
        QCOMPARE(f.data(N - 1, DeviceTableModel::ConnectivityColumn).toString(), u"Offline"_s);
    }

    void registryDestroyed()
    {
        auto registry = std::make_unique<FleetRegistry>();
        QVERIFY(registry->ingest(telemetry(u"dev-1"_s)));
        registry->flush();
        DeviceTableModel model(registry.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        registry.reset();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.registry(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestDeviceTableModel)
#include "tst_devicetablemodel.moc"
