// CommandTimelineModel and CommandTimelineFilterProxyModel over a real CommandTracker, against a real
// mosquitto with fleet-sim devices in process: a row appears one turn after its command and follows it to the
// verdict, a broadcast to 1,000 devices is one insert, filters by device, command, state and broadcast (rows
// entering and leaving as their state changes), durations, the model's own bound, executions the tracker
// dropped, history from the ledger, and a tracker that goes away.

#include "brokerobserver.h"
#include "commands/commandcatalog.h"
#include "commands/commandfilter.h"
#include "commands/commandtracker.h"
#include "models/commandtimelinefilterproxymodel.h"
#include "models/commandtimelinemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "simconfig.h"
#include "simdevice.h"
#include "simdevices.h"
#include "store/commandledger.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using fleet::Json;

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::CommandCatalog;
using fleet::CommandExecution;
using fleet::CommandFilter;
using fleet::CommandLedger;
using fleet::CommandTimelineFilterProxyModel;
using fleet::CommandTimelineModel;
using fleet::CommandTracker;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::sim::SimConfig;
using fleet::sim::SimDevice;
using fleet::test::MosquittoBroker;
using State = CommandExecution::State;
using Tester = QAbstractItemModelTester;

namespace {

constexpr int Timeout = fleet::test::DefaultTimeoutMs;

SimConfig configFor(const QString &prefix, int devices = 1)
{
    SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 0;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    config.keepAliveSeconds = 30;
    return config;
}

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

State stateAt(const QAbstractItemModel &model, int row)
{
    return State(cell(model, row, 0, CommandTimelineModel::StateRole).toInt());
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(cell(model, row, 0, role).toString());
    return values;
}

bool allFinal(const QAbstractItemModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!CommandExecution::isFinal(stateAt(model, row)))
            return false;
    }
    return true;
}

QStringList ghosts(const QString &prefix, int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids.append(u"%1-%2"_s.arg(prefix).arg(i));
    return ids;
}

} // namespace

class TestCommandTimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        // Durations are shown with the locale's decimal separator.
        QLocale::setDefault(QLocale::c());
        QVERIFY2(!MosquittoBroker::findMosquitto().isEmpty(),
                 "mosquitto is not installed: run ./fleet setup");
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_client = std::make_unique<MqttClient>();
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt5;
        m_client->setProfile(profile);
        QVERIFY(fleet::test::connectAndWait(*m_client));
        m_tracker = std::make_unique<CommandTracker>(m_client.get(), CommandCatalog::defaultCatalog());
        QVERIFY(QTest::qWaitFor([this] { return fleet::test::subscriptionsGranted(*m_client); }, Timeout));
    }

    void cleanup()
    {
        m_tracker.reset();
        if (m_client)
            m_client->disconnectFromBroker();
        m_client.reset();
    }

    void cleanupTestCase() { m_broker.reset(); }

    void columnsAndHeaders()
    {
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.tracker(), m_tracker.get());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        const QStringList headers = {u"Created"_s,  u"Device"_s,   u"Command"_s, u"State"_s,
                                     u"Attempts"_s, u"Duration"_s, u"Reason"_s};
        for (int c = 0; c < headers.size(); ++c)
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
        QCOMPARE(CommandTimelineModel::rawRole(CommandTimelineModel::StateColumn),
                 int(CommandTimelineModel::StateRole));
        QCOMPARE(CommandTimelineModel::rawRole(CommandTimelineModel::DurationColumn),
                 int(CommandTimelineModel::DurationRole));
        QCOMPARE(CommandTimelineModel::rawRole(CommandTimelineModel::ColumnCount), -1);
        QCOMPARE(model.roleNames().value(CommandTimelineModel::ExecutionIdRole), "executionId"_ba);
        QCOMPARE(model.rowOf(u"nothing"_s), -1);
    }

    void commandAppearsThenSucceeds()
    {
        fleet::test::SimDevices devices(configFor(u"ok"_s), profile());
        QVERIFY(devices.start());
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        const QString tid = m_tracker->send(devices.id(0), u"set_led"_s, Json{{"color", "red"}});
        QVERIFY(!tid.isEmpty());
        // Announced at the next turn of the event loop, not from inside send().
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, Timeout);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowOf(tid), 0);
        QCOMPARE(cell(model, 0, 0, CommandTimelineModel::ExecutionIdRole).toString(), tid);
        QCOMPARE(cell(model, 0, CommandTimelineModel::DeviceColumn).toString(), devices.id(0));
        QCOMPARE(cell(model, 0, CommandTimelineModel::CommandColumn).toString(), u"set_led"_s);
        // Raw roles answer on any column.
        QCOMPARE(
            cell(model, 0, CommandTimelineModel::ReasonColumn, CommandTimelineModel::DeviceRole).toString(),
            devices.id(0));

        QTRY_COMPARE_WITH_TIMEOUT(stateAt(model, 0), State::Succeeded, Timeout);
        QCOMPARE(inserted.size(), 1); // a known execution changes its row
        QVERIFY(!changed.isEmpty());
        const auto topLeft = changed.last().at(0).value<QModelIndex>();
        const auto bottomRight = changed.last().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 0);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), CommandTimelineModel::ColumnCount - 1);
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(CommandTimelineModel::StateRole));

        const CommandExecution e = *m_tracker->execution(tid);
        QCOMPARE(cell(model, 0, CommandTimelineModel::StateColumn).toString(), u"Succeeded"_s);
        QCOMPARE(cell(model, 0, CommandTimelineModel::AttemptsColumn).toInt(), 1);
        QCOMPARE(cell(model, 0, CommandTimelineModel::ReasonColumn).toString(), QString());
        QCOMPARE(cell(model, 0, 0, CommandTimelineModel::CreatedRole).toLongLong(), e.createdMs());
        // Today's as a time of day; the full time in the tooltip.
        QCOMPARE(cell(model, 0, CommandTimelineModel::CreatedColumn).toString(),
                 QDateTime::fromMSecsSinceEpoch(e.createdMs()).toString(u"HH:mm:ss.zzz"_s));
        QCOMPARE(cell(model, 0, CommandTimelineModel::CreatedColumn, Qt::ToolTipRole).toString(),
                 QDateTime::fromMSecsSinceEpoch(e.createdMs()).toString(Qt::ISODateWithMs));
        const qint64 finished = cell(model, 0, 0, CommandTimelineModel::FinishedRole).toLongLong();
        QCOMPARE(finished, e.transitions.last().timeMs);
        QCOMPARE(cell(model, 0, 0, CommandTimelineModel::DurationRole).toLongLong(),
                 finished - e.createdMs());
        QVERIFY(cell(model, 0, 0, CommandTimelineModel::BroadcastIdRole).toString().isEmpty());
    }

    void failureShowsItsReason()
    {
        SimConfig config = configFor(u"fail"_s);
        config.failureRate = 1;
        fleet::test::SimDevices devices(config, profile());
        QVERIFY(devices.start());
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        m_tracker->send(devices.id(0), u"motor_on"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(stateAt(model, 0), State::Failed, Timeout);
        QCOMPARE(cell(model, 0, CommandTimelineModel::StateColumn).toString(), u"Failed"_s);
        QCOMPARE(cell(model, 0, CommandTimelineModel::ReasonColumn).toString(), u"simulated failure"_s);
        QCOMPARE(cell(model, 0, 0, CommandTimelineModel::ReasonRole).toString(), u"simulated failure"_s);
    }

    void existingExecutionsAreRows()
    {
        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        m_tracker->setDeviceOnline(u"gone-1"_s, false);
        const QString first = m_tracker->send(u"gone-1"_s, u"motor_on"_s);
        const QString second = m_tracker->send(u"gone-1"_s, u"motor_off"_s);
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(column(model, CommandTimelineModel::ExecutionIdRole), QStringList({first, second}));
        QCOMPARE(stateAt(model, 0), State::Failed);
        QCOMPARE(cell(model, 1, CommandTimelineModel::ReasonColumn).toString(), u"device offline"_s);
    }

    void broadcastFollowsEachDevice()
    {
        fleet::test::SimDevices devices(configFor(u"bc"_s, 10), profile());
        QVERIFY(devices.start());
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QString id = m_tracker->sendToDevices(devices.ids(), u"set_led"_s, Json{{"color", "green"}});
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, Timeout);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(column(model, CommandTimelineModel::DeviceRole), devices.ids());
        QCOMPARE(column(model, CommandTimelineModel::BroadcastIdRole), QStringList(10, id));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(model), Timeout);
        for (int row = 0; row < 10; ++row)
            QCOMPARE(stateAt(model, row), State::Succeeded);
        QCOMPARE(inserted.size(), 1);
    }

    // Nested, a selection is one row from the moment it is sent, with its parts under it, and sums them up:
    // progress, what succeeded, the problems by state.
    void nestedSelectionIsOneRowWithProgress()
    {
        fleet::test::SimDevices good(configFor(u"nsg"_s, 4), profile());
        SimConfig failing = configFor(u"nsb"_s);
        failing.failureRate = 1;
        fleet::test::SimDevices bad(failing, profile());
        QVERIFY(good.start());
        QVERIFY(bad.start());
        CommandTimelineModel model(m_tracker.get());
        model.setNested(true);
        QVERIFY(model.isNested());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QVERIFY(!m_tracker->send(good.id(0), u"motor_on"_s).isEmpty());
        const QStringList targets = good.ids() + bad.ids();
        const QString id = m_tracker->sendToDevices(targets, u"set_led"_s, Json{{"color", "green"}});
        QVERIFY(!id.isEmpty());
        // The tracker announces new executions at the end of the turn.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, Timeout);
        const QModelIndex parent = model.indexOf(id);
        QVERIFY(parent.isValid());
        QCOMPARE(parent.row(), 1);
        QVERIFY(parent.data(CommandTimelineModel::IsBroadcastRole).toBool());
        QVERIFY(!model.index(0, 0).data(CommandTimelineModel::IsBroadcastRole).toBool());
        QCOMPARE(model.rowCount(parent), 5);
        QCOMPARE(parent.data(CommandTimelineModel::TotalRole).toInt(), 5);
        QCOMPARE(parent.data(CommandTimelineModel::CommandRole).toString(), u"set_led"_s);
        QCOMPARE(model.index(1, CommandTimelineModel::DeviceColumn).data().toString(), u"5 device(s)"_s);
        QStringList devices;
        for (int row = 0; row < 5; ++row) {
            const QModelIndex part = model.index(row, 0, parent);
            devices.append(part.data(CommandTimelineModel::DeviceRole).toString());
            QCOMPARE(model.parent(part), parent);
            QCOMPARE(model.indexOf(part.data(CommandTimelineModel::ExecutionIdRole).toString()), part);
        }
        QCOMPARE(devices, targets);

        QTRY_COMPARE_WITH_TIMEOUT(model.indexOf(id).data(CommandTimelineModel::DoneRole).toInt(), 5, Timeout);
        const QModelIndex done = model.indexOf(id);
        QCOMPARE(State(done.data(CommandTimelineModel::StateRole).toInt()), State::Failed);
        QCOMPARE(done.data(CommandTimelineModel::SucceededRole).toInt(), 4);
        QVERIFY(done.data(CommandTimelineModel::FinishedRole).toLongLong() > 0);
        QCOMPARE(model.index(1, CommandTimelineModel::StateColumn).data().toString(), u"Failed: 5 of 5"_s);
        QCOMPARE(model.index(1, CommandTimelineModel::ReasonColumn).data().toString(), u"Failed: 1"_s);

        // Flat again: one row each, as a device's own timeline shows them.
        model.setNested(false);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowCount(model.index(1, 0)), 0);
        QVERIFY(!model.indexOf(id).isValid());
    }

    // A group request has its row before any member answers (nobody may), counting down those yet to reply;
    // a filter on a member's id shows the row with that member's part only, the group's name the whole.
    void nestedGroupRequestAndFilters()
    {
        fleet::test::SimDevices devices(configFor(u"ngr"_s, 3), profile());
        QVERIFY(devices.start());
        const QString group = devices.at(0)->group();
        m_tracker->setGroupMembers(group, devices.ids() + QStringList{u"ngr-silent"_s});
        CommandTimelineModel model(m_tracker.get());
        model.setNested(true);
        CommandTimelineFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
        const QString id = m_tracker->sendToGroup(group, u"motor_on"_s);
        QVERIFY(!id.isEmpty());
        model.flush();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.index(0, 0).data(CommandTimelineModel::TotalRole).toInt(), 4);
        QCOMPARE(model.index(0, CommandTimelineModel::DeviceColumn).data().toString(), u"group "_s + group);
        QCOMPARE(model.index(0, CommandTimelineModel::ReasonColumn).data().toString(),
                 u"4 device(s) yet to reply"_s);

        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(model.index(0, 0)), 3, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, 0).data(CommandTimelineModel::SucceededRole).toInt(), 3,
                                  Timeout);
        QCOMPARE(model.index(0, CommandTimelineModel::StateColumn).data().toString(), u"Sent: 3 of 4"_s);
        QCOMPARE(model.index(0, CommandTimelineModel::ReasonColumn).data().toString(),
                 u"1 device(s) yet to reply"_s);

        proxy.setDeviceFilter(devices.id(1));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
        QCOMPARE(proxy.index(0, 0, proxy.index(0, 0)).data(CommandTimelineModel::DeviceRole).toString(),
                 devices.id(1));
        proxy.setDeviceFilter(group);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 3);
        proxy.setDeviceFilter(u"nobody"_s);
        QCOMPARE(proxy.rowCount(), 0);
    }

    // Once every known member has answered, a group request is done, though its window stays open.
    void nestedGroupDoneWhenAllMembersAnswered()
    {
        fleet::test::SimDevices devices(configFor(u"nga"_s, 3), profile());
        QVERIFY(devices.start());
        const QString group = devices.at(0)->group();
        m_tracker->setGroupMembers(group, devices.ids());
        CommandTimelineModel model(m_tracker.get());
        model.setNested(true);
        const QString id = m_tracker->sendToGroup(group, u"motor_off"_s);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(model.indexOf(id).data(CommandTimelineModel::DoneRole).toInt(), 3, Timeout);
        QVERIFY(m_tracker->broadcast(id)->open);
        QCOMPARE(State(model.indexOf(id).data(CommandTimelineModel::StateRole).toInt()), State::Succeeded);
        QVERIFY(model.indexOf(id).data(CommandTimelineModel::FinishedRole).toLongLong() > 0);
        QCOMPARE(model.index(0, CommandTimelineModel::StateColumn).data().toString(), u"Succeeded: 3 of 3"_s);
    }

    // A broadcast's executions are all created in one call: one insert for the thousand, and one change
    // signal when they are all cancelled together.
    void thousandDeviceBroadcastIsOneInsert()
    {
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QStringList targets = ghosts(u"many"_s, 1000);
        const QString id = m_tracker->sendToDevices(targets, u"motor_on"_s);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1000, Timeout);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 999);
        QCOMPARE(column(model, CommandTimelineModel::DeviceRole), targets);

        model.flush();
        changed.clear();
        const QStringList executions = m_tracker->broadcast(id)->executions;
        for (const QString &execution : executions)
            QVERIFY(m_tracker->cancel(execution));
        model.flush();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 999);
        for (int row = 0; row < 1000; ++row)
            QCOMPARE(stateAt(model, row), State::Cancelled);
        QCOMPARE(inserted.size(), 1);
    }

    void filterByDeviceCommandStateAndBroadcast()
    {
        fleet::test::SimDevices good(configFor(u"good"_s, 2), profile());
        SimConfig failing = configFor(u"bad"_s);
        failing.failureRate = 1;
        fleet::test::SimDevices bad(failing, profile());
        QVERIFY(good.start());
        QVERIFY(bad.start());
        CommandTimelineModel model(m_tracker.get());
        CommandTimelineFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, Tester::FailureReportingMode::QtTest);

        m_tracker->send(good.id(0), u"set_led"_s, Json{{"color", "red"}});
        m_tracker->send(good.id(0), u"motor_on"_s);
        m_tracker->send(good.id(1), u"set_led"_s, Json{{"color", "blue"}});
        m_tracker->send(bad.id(0), u"set_led"_s, Json{{"color", "red"}});
        const QString broadcast = m_tracker->sendToDevices(good.ids(), u"motor_off"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(model), Timeout);
        QCOMPARE(proxy.rowCount(), 6);

        proxy.setDeviceFilter(good.id(0));
        QCOMPARE(proxy.deviceFilter(), good.id(0));
        QCOMPARE(column(proxy, CommandTimelineModel::CommandRole),
                 QStringList({u"set_led"_s, u"motor_on"_s, u"motor_off"_s}));
        proxy.setCommandFilter(u"motor_on"_s);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setDeviceFilter(QString());
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setCommandFilter(u"set_led"_s);
        QCOMPARE(column(proxy, CommandTimelineModel::DeviceRole),
                 QStringList({good.id(0), good.id(1), bad.id(0)}));

        proxy.setStateFilter(CommandFilter::problemStates());
        QCOMPARE(column(proxy, CommandTimelineModel::DeviceRole), QStringList({bad.id(0)}));
        QCOMPARE(cell(proxy, 0, CommandTimelineModel::ReasonColumn).toString(), u"simulated failure"_s);
        proxy.setCommandFilter(QString());
        proxy.setStateFilter({State::Succeeded});
        QCOMPARE(proxy.rowCount(), 5);

        CommandFilter filter;
        filter.broadcastId = broadcast;
        proxy.setFilter(filter);
        QCOMPARE(proxy.filter(), filter);
        QCOMPARE(proxy.broadcastFilter(), broadcast);
        QCOMPARE(column(proxy, CommandTimelineModel::DeviceRole), good.ids());
        proxy.setFilter(CommandFilter());
        QCOMPARE(proxy.rowCount(), 6);

        // Sorting on raw roles: device names as text, states in their lifecycle order.
        proxy.sort(CommandTimelineModel::DeviceColumn, Qt::AscendingOrder);
        QCOMPARE(cell(proxy, 0, CommandTimelineModel::DeviceColumn).toString(), bad.id(0));
        proxy.sort(CommandTimelineModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(stateAt(proxy, 0), State::Failed);
    }

    void rowsEnterAndLeaveAStateFilter()
    {
        fleet::test::SimDevices devices(configFor(u"held"_s), profile());
        QVERIFY(devices.start());
        CommandTimelineModel model(m_tracker.get());
        CommandTimelineFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
        proxy.setStateFilter(CommandFilter::unfinishedStates());

        m_tracker->setDeviceOnline(devices.id(0), false);
        const QString tid = m_tracker->send(devices.id(0), u"set_led"_s, Json{{"color", "blue"}});
        QTRY_COMPARE_WITH_TIMEOUT(proxy.rowCount(), 1, Timeout);
        QCOMPARE(stateAt(proxy, 0), State::Queued);
        QCOMPARE(cell(proxy, 0, 0, CommandTimelineModel::FinishedRole).toLongLong(), 0);
        // The device comes back: the command goes out, succeeds, and leaves the "in progress" view.
        m_tracker->setDeviceOnline(devices.id(0), true);
        QTRY_COMPARE_WITH_TIMEOUT(proxy.rowCount(), 0, Timeout);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(m_tracker->execution(tid)->state, State::Succeeded);
        QCOMPARE(stateAt(model, 0), State::Succeeded);
    }

    void durations()
    {
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        qint64 now = 0;
        model.setClock([&now] { return now; });
        model.setDurationRefreshMs(0);
        // Held for an offline device, so that it stays unfinished until cancelled.
        m_tracker->setDeviceOnline(u"away-1"_s, false);
        const QString tid = m_tracker->send(u"away-1"_s, u"motor_on"_s);
        model.flush();
        QCOMPARE(model.rowCount(), 1);
        const qint64 created = cell(model, 0, 0, CommandTimelineModel::CreatedRole).toLongLong();
        QVERIFY(created > 0);

        const int d = CommandTimelineModel::DurationColumn;
        const QList<QPair<qint64, QString>> shown = {
            {0, u"0 ms"_s},        {250, u"250 ms"_s},        {1500, u"1.5 s"_s},
            {59'940, u"59.9 s"_s}, {125'000, u"2 min 5 s"_s}, {3'900'000, u"1 h 5 min"_s}};
        for (const auto &[elapsed, text] : shown) {
            now = created + elapsed;
            QCOMPARE(cell(model, 0, d, CommandTimelineModel::DurationRole).toLongLong(), elapsed);
            QCOMPARE(cell(model, 0, d).toString(), text);
        }
        now = created - 10; // a clock behind the creation time never gives a negative duration
        QCOMPARE(cell(model, 0, d, CommandTimelineModel::DurationRole).toLongLong(), 0);

        // While unfinished, the duration cell is refreshed on its own.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDurationRefreshMs(20);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 2, Timeout);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).value<QModelIndex>().column(), d);
            QCOMPARE(signal.at(1).value<QModelIndex>().column(), d);
            QCOMPARE(signal.at(2).value<QList<int>>(),
                     QList<int>({Qt::DisplayRole, CommandTimelineModel::DurationRole}));
        }

        // The verdict fixes it, whatever the clock says, and the refreshing stops.
        QVERIFY(m_tracker->cancel(tid));
        model.flush();
        QCOMPARE(stateAt(model, 0), State::Cancelled);
        const qint64 finished = cell(model, 0, 0, CommandTimelineModel::FinishedRole).toLongLong();
        QVERIFY(finished >= created);
        now = created + 1'000'000;
        QCOMPARE(cell(model, 0, d, CommandTimelineModel::DurationRole).toLongLong(), finished - created);
        QTest::qWait(100);
        changed.clear();
        QTest::qWait(100);
        QCOMPARE(changed.size(), 0);
    }

    void boundRemovesTheOldestRows()
    {
        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        m_tracker->setDeviceOnline(u"gone-2"_s, false);
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.maxRows(), CommandTimelineModel::DefaultMaxRows);
        model.setMaxRows(5);
        QStringList sent;
        for (int i = 0; i < 3; ++i)
            sent.append(m_tracker->send(u"gone-2"_s, u"motor_on"_s));
        model.flush();
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 4; ++i)
            sent.append(m_tracker->send(u"gone-2"_s, u"motor_on"_s));
        model.flush();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(column(model, CommandTimelineModel::ExecutionIdRole), sent.mid(2));
        QCOMPARE(model.rowOf(sent.at(0)), -1);
        QCOMPARE(model.rowOf(sent.at(2)), 0);
        QCOMPARE(model.rowOf(sent.last()), 4);

        // More in one turn than the bound holds: the newest stay.
        for (int i = 0; i < 7; ++i)
            sent.append(m_tracker->send(u"gone-2"_s, u"motor_on"_s));
        model.flush();
        QCOMPARE(column(model, CommandTimelineModel::ExecutionIdRole), sent.mid(sent.size() - 5));

        model.setMaxRows(2);
        QCOMPARE(column(model, CommandTimelineModel::ExecutionIdRole), sent.mid(sent.size() - 2));
        model.setMaxRows(0);
        QCOMPARE(model.maxRows(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    // The tracker drops its oldest finished executions without a signal: their rows stay as last seen, and
    // those it dropped before the model read them never get one.
    void droppedExecutionsKeepTheirRows()
    {
        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        m_tracker->setDeviceOnline(u"gone-3"_s, false);
        // No tester: it walks the whole model at every signal, which takes long at 10,000 rows.
        CommandTimelineModel model(m_tracker.get());
        QStringList early;
        for (int i = 0; i < 10; ++i)
            early.append(m_tracker->send(u"gone-3"_s, u"motor_on"_s));
        model.flush();
        QCOMPARE(model.rowCount(), 10);

        const int burst = int(CommandTracker::MaxExecutions) + 50;
        QString firstOfBurst;
        for (int i = 0; i < burst; ++i) {
            const QString tid = m_tracker->send(u"gone-3"_s, u"motor_on"_s);
            if (i == 0)
                firstOfBurst = tid;
        }
        QVERIFY(!m_tracker->execution(early.first()));
        QVERIFY(!m_tracker->execution(firstOfBurst));
        model.flush();
        // The ten early rows, and the burst's executions the tracker still had.
        QCOMPARE(model.rowCount(), 10 + int(CommandTracker::MaxExecutions));
        QCOMPARE(model.rowOf(firstOfBurst), -1);
        for (int row = 0; row < 10; ++row) {
            QCOMPARE(cell(model, row, 0, CommandTimelineModel::ExecutionIdRole).toString(), early.at(row));
            QCOMPARE(stateAt(model, row), State::Failed);
            QCOMPARE(cell(model, row, CommandTimelineModel::ReasonColumn).toString(), u"device offline"_s);
        }

        // A change signal for an execution the tracker no longer has keeps the row as it is.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Q_EMIT m_tracker->executionChanged(early.first());
        model.flush();
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.rowOf(early.first()), 0);
        QCOMPARE(stateAt(model, 0), State::Failed);
    }

    void historyFromTheLedger()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CommandLedger ledger;
        QVERIFY2(ledger.open(dir.filePath(u"ledger.db"_s)), qPrintable(ledger.errorString()));
        m_tracker->setLedger(&ledger);
        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        m_tracker->setDeviceOnline(u"old-1"_s, false);
        QStringList history;
        for (const QString &command : {u"motor_on"_s, u"motor_off"_s, u"upload_log"_s})
            history.append(m_tracker->send(u"old-1"_s, command));

        // A console started afterwards: its tracker remembers nothing, the ledger everything.
        auto tracker = std::make_unique<CommandTracker>(m_client.get(), CommandCatalog::defaultCatalog());
        tracker->setLedger(&ledger);
        tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        tracker->setDeviceOnline(u"old-1"_s, false);
        CommandTimelineModel model(tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QSignalSpy announced(tracker.get(), &CommandTracker::executionChanged);
        const QString live = tracker->send(u"old-1"_s, u"motor_on"_s);
        // With a ledger the tracker announces a change once it is committed, at the end of the turn.
        QVERIFY(announced.wait(Timeout));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QString error;
        QCOMPARE(model.loadHistory(ledger, 10, &error), 3);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        model.flush(); // the live one, signalled before the history was loaded, comes after it
        QCOMPARE(column(model, CommandTimelineModel::ExecutionIdRole), history + QStringList(live));
        QCOMPARE(column(model, CommandTimelineModel::CommandRole),
                 QStringList({u"motor_on"_s, u"motor_off"_s, u"upload_log"_s, u"motor_on"_s}));
        QCOMPARE(stateAt(model, 0), State::Failed);
        QCOMPARE(cell(model, 2, CommandTimelineModel::ReasonColumn).toString(), u"device offline"_s);

        QCOMPARE(model.loadHistory(ledger, 10), 0); // every one has its row
        model.setMaxRows(model.rowCount());
        QCOMPARE(model.loadHistory(ledger, 10), 0); // no room
        m_tracker->setLedger(nullptr);              // the ledger goes first
    }

    void trackerGoesAway()
    {
        m_tracker->setOfflinePolicy(CommandTracker::OfflinePolicy::FailFast);
        m_tracker->setDeviceOnline(u"gone-4"_s, false);
        m_tracker->send(u"gone-4"_s, u"motor_on"_s);
        CommandTimelineModel model(m_tracker.get());
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_tracker->send(u"gone-4"_s, u"motor_off"_s); // noted, not yet flushed
        m_tracker.reset();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.tracker(), nullptr);
        model.flush();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterValue()
    {
        CommandExecution e;
        e.device = u"dev-1"_s;
        e.command = u"set_led"_s;
        e.state = State::Running;
        e.broadcastId = u"B"_s;
        CommandFilter filter;
        QVERIFY(filter.isEmpty());
        QVERIFY(filter.accepts(e));
        filter.device = u"dev-1"_s;
        filter.states = CommandFilter::unfinishedStates();
        QVERIFY(!filter.isEmpty());
        QVERIFY(filter.accepts(e));
        filter.command = u"motor_on"_s;
        QVERIFY(!filter.accepts(e));
        filter.command.clear();
        filter.broadcastId = u"C"_s;
        QVERIFY(!filter.accepts(e));
        filter.broadcastId.clear();
        filter.states = CommandFilter::problemStates();
        QVERIFY(!filter.accepts(e));
        // Between them, the two lists name every state but Succeeded, each on its side of isFinal().
        for (const State state : CommandFilter::unfinishedStates())
            QVERIFY(!CommandExecution::isFinal(state));
        for (const State state : CommandFilter::problemStates())
            QVERIFY(CommandExecution::isFinal(state));
        QCOMPARE(CommandFilter::unfinishedStates().size() + CommandFilter::problemStates().size() + 1,
                 int(State::Cancelled) + 1);
    }

private:
    BrokerProfile profile() const { return fleet::test::profileFor(*m_broker); }

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<CommandTracker> m_tracker;
};

QTEST_GUILESS_MAIN(TestCommandTimelineModel)
#include "tst_commandtimelinemodel.moc"
