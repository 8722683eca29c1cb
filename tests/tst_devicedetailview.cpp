// DeviceDetailView against a real mosquitto, a real fleet-hub and in-process fleet-sim devices: the desired
// state edited and applied, the device reporting it back and the delta closing; invalid JSON placed at a line
// and column; what the service would refuse (too large, too deep) refused before sending; a version conflict
// made behind the view's back, shown in the conflict dialog and resolved by a merge; the rollback history;
// the shadow history with a diff; and bad input that must not crash it.

#include "brokerobserver.h"

#include "commands/operatoractions.h"
#include "commands/rollbacklog.h"
#include "common/json.h"
#include "conflictdialog.h"
#include "connectivitytimeline.h"
#include "connectivityview.h"
#include "devicedetailview.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "jsondiffdelegate.h"
#include "models/jsontreemodel.h"
#include "models/trafficmodel.h"
#include "mqtt/mqttclient.h"
#include "mqtt/trafficcapture.h"
#include "securedbroker.h"
#include "shadow/shadowclient.h"
#include "shadow/shadownamedirectory.h"
#include "shadowhistoryview.h"
#include "simdevices.h"
#include "telemetryplot.h"
#include "trafficview.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using fleet::ConflictDialog;
using fleet::DeviceDetailView;
using fleet::FleetSession;
using fleet::Json;
using fleet::JsonTreeModel;
using fleet::ShadowClient;
using fleet::test::DefaultTimeoutMs;
using fleet::test::SimDevices;

namespace {

fleet::sim::SimConfig configFor(const QString &prefix, int devices = 1)
{
    fleet::sim::SimConfig config;
    config.prefix = prefix;
    config.devices = devices;
    config.telemetryIntervalMs = 200;
    config.latencyMinMs = 0;
    config.latencyMaxMs = 5;
    return config;
}

// The row of a top-level key in the tree, invalid when there is none.
QModelIndex rowOf(const JsonTreeModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, JsonTreeModel::KeyColumn);
        if (index.data().toString() == key)
            return index;
    }
    return {};
}

QString cell(const JsonTreeModel &model, const QString &key, int column)
{
    const QModelIndex index = rowOf(model, key);
    return index.isValid() ? model.index(index.row(), column).data(JsonTreeModel::JsonRole).toString()
                           : QString();
}

bool loaded(const DeviceDetailView &view)
{
    return !view.editor()->toPlainText().isEmpty() && !view.validationMessage().contains(u"Loading"_s);
}

} // namespace

class TestDeviceDetailView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ShadowClient::Result>();
        QVERIFY2(m_fleet.start(), qPrintable(m_fleet.errorString()));
    }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_fleet.filePath(u"ledger-%1.sqlite"_s.arg(++m_ledgers)), &error),
                 qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, m_fleet.profile()));
    }

    void cleanup() { m_session.reset(); }

    // The headline: edit, apply, the device reports it back, the delta closes in the view.
    // In a dock's width the editor goes under the shadow tree, so that the tree's values are not cut off;
    // beside it when the view is wide.
    void editorGoesUnderTheTreeWhenNarrow()
    {
        DeviceDetailView view(m_session.get());
        view.resize(520, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.shadowSplitter()->orientation(), Qt::Vertical);
        view.resize(DeviceDetailView::SideBySideWidth + 100, 700);
        QTRY_COMPARE(view.shadowSplitter()->orientation(), Qt::Horizontal);
    }

    void editApplyAndTheDeltaCloses()
    {
        SimDevices devices(configFor(u"dd"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        DeviceDetailView view(m_session.get());
        view.resize(1100, 700);
        view.show();
        QSignalSpy applied(&view, &DeviceDetailView::desiredApplied);
        QSignalSpy rollback(&view, &DeviceDetailView::rollbackRecorded);
        view.setDevice(id);
        QCOMPARE(view.device(), id);
        QVERIFY(m_session->shadows()->isWatching(id));

        // The shadow the device reported at start: no desired state yet, its reported state in the tree.
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view.treeModel(), u"led"_s, JsonTreeModel::ReportedColumn),
                                  u"\"off\""_s, DefaultTimeoutMs);
        QCOMPARE(view.editor()->toPlainText(), u"{}"_s);
        QVERIFY(!view.applyButton()->isEnabled()); // nothing changed yet
        // No key is cut off: the key column fits the longest ("telemetryInterval").
        QVERIFY(view.treeView()->columnWidth(JsonTreeModel::KeyColumn) >=
                static_cast<const QAbstractItemView *>(view.treeView())
                    ->sizeHintForColumn(JsonTreeModel::KeyColumn));
        QTRY_VERIFY_WITH_TIMEOUT(view.connectivityLabel()->text().startsWith(u"Online"_s), DefaultTimeoutMs);
        QVERIFY(view.findChild<QLabel *>(u"deviceLastSeen"_s)->text().startsWith(u"Last seen: "_s));

        // The operator types a desired state and applies it.
        view.editor()->setFocus();
        view.editor()->selectAll();
        QTest::keyClicks(view.editor(), u"{\"led\": \"blue\", \"position\": 30}"_s);
        QCOMPARE(view.validationMessage(), QString());
        QVERIFY(view.applyButton()->isEnabled());
        QTest::mouseClick(view.applyButton(), Qt::LeftButton);
        QVERIFY(!view.applyButton()->isEnabled()); // one update at a time
        QVERIFY(applied.wait(DefaultTimeoutMs));
        QCOMPARE(applied.constFirst().at(0).toString(), id);
        QVERIFY2(view.statusMessage().startsWith(u"Applied"_s), qPrintable(view.statusMessage()));

        // The device reports it back; the delta closes and no row is highlighted.
        const JsonTreeModel &tree = *view.treeModel();
        QTRY_VERIFY_WITH_TIMEOUT(cell(tree, u"led"_s, JsonTreeModel::ReportedColumn) == u"\"blue\""_s &&
                                     cell(tree, u"position"_s, JsonTreeModel::ReportedColumn) == u"30"_s &&
                                     tree.delta().empty(),
                                 DefaultTimeoutMs);
        QCOMPARE(cell(tree, u"led"_s, JsonTreeModel::DesiredColumn), u"\"blue\""_s);
        QVERIFY(!rowOf(tree, u"led"_s).data(JsonTreeModel::DiffersRole).toBool());
        QVERIFY(m_session->shadows()->cached(id)->delta.empty());
        QTRY_VERIFY_WITH_TIMEOUT(
            view.findChild<QLabel *>(u"deviceShadowState"_s)->text().contains(u"In sync"_s),
            DefaultTimeoutMs);
        // The editor follows the shadow again.
        QTRY_COMPARE(view.editor()->toPlainText(), u"{\n  \"led\": \"blue\",\n  \"position\": 30\n}"_s);

        // Recorded for rollback with the desired state before it.
        QCOMPARE(rollback.size(), 1);
        const QList<fleet::RollbackEntry> entries = m_session->rollbacks()->entries(id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().id, rollback.constFirst().constFirst().toLongLong());
        QCOMPARE_JSON(entries.constFirst().before, Json::object());
        QCOMPARE_JSON(entries.constFirst().after, (Json{{"led", "blue"}, {"position", 30}}));
        QCOMPARE_JSON(*m_session->rollbacks()->inverseDesiredPatch(entries.constFirst().id),
                      (Json{{"led", nullptr}, {"position", nullptr}}));

        // A key the device does not support stays in the delta, and its row is highlighted.
        view.editor()->setPlainText(u"{\"led\": \"blue\", \"position\": 30, \"volume\": 7}"_s);
        QVERIFY(view.applyDesired());
        QVERIFY(applied.wait(DefaultTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(tree, u"volume"_s).isValid(), DefaultTimeoutMs);
        const QModelIndex volume = rowOf(tree, u"volume"_s);
        QVERIFY(volume.data(JsonTreeModel::DiffersRole).toBool());
        QCOMPARE(fleet::JsonDiffDelegate::backgroundFor(volume, view.palette()).color(),
                 fleet::JsonDiffDelegate::differsColour(view.palette()));
        QCOMPARE(fleet::JsonDiffDelegate::backgroundFor(rowOf(tree, u"led"_s), view.palette()).style(),
                 Qt::NoBrush);
        QVERIFY(qobject_cast<fleet::JsonDiffDelegate *>(view.treeView()->itemDelegate()));
        // The tree's context menu copies the current row's path.
        view.treeView()->setCurrentIndex(volume);
        auto *copyPath = view.treeView()->findChild<QAction *>(u"copyPathAction"_s);
        QVERIFY(copyPath && copyPath->isEnabled());
        QVERIFY(view.treeView()->findChild<QAction *>(u"copyAction"_s)->isEnabled());
        copyPath->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"/volume"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            view.findChild<QLabel *>(u"deviceShadowState"_s)->text().contains(u"1 key pending"_s),
            DefaultTimeoutMs);
        QVERIFY(!view.grab().isNull());

        // The history holds every version seen, and shows what changed between two of them.
        fleet::ShadowHistoryView *history = view.historyView();
        QVERIFY(history->count() >= 3);
        const qint64 first = history->entries().constFirst().version;
        const qint64 last = history->entries().constLast().version;
        QVERIFY(first < last);
        for (int i = 1; i < history->count(); ++i)
            QVERIFY(history->entries().at(i - 1).version < history->entries().at(i).version);
        QVERIFY(history->selectVersions(first, last));
        const QString diff = history->diffText();
        QVERIFY2(diff.contains(u"+ desired/led: \"blue\""_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"+ desired/volume: 7"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"~ reported/led: \"off\" \u2192 \"blue\""_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"From version %1 to version %2"_s.arg(first).arg(last)), qPrintable(diff));
        // One selected version compares with the one before.
        history->listWidget()->clearSelection();
        history->listWidget()->item(history->count() - 1)->setSelected(true);
        QVERIFY(history->diffText().contains(u"version %1"_s.arg(last)));
        history->listWidget()->findChild<QAction *>(u"copyAction"_s)->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 history->listWidget()->item(history->count() - 1)->text());
        QVERIFY(!history->selectVersions(first, 999999));

        // The telemetry tab plots the device's numbers and reported fields.
        view.tabs()->setCurrentWidget(view.telemetryPlot());
        QTRY_VERIFY_WITH_TIMEOUT(view.telemetryPlot()->seriesNames().contains(u"temperature"_s),
                                 DefaultTimeoutMs);
        QVERIFY(view.telemetryPlot()->seriesNames().contains(u"reported.position"_s));

        // Another device: the old watch is dropped.
        view.setDevice(QString());
        QVERIFY(!m_session->shadows()->isWatching(id));
        QCOMPARE(view.historyView()->count(), 0);
    }

    // The message after Apply names the version the service accepted, and once the device's report moves the
    // shadow on (the header showing the newer version), it says so: the two never disagree.
    void appliedMessageAgreesWithTheHeader()
    {
        SimDevices devices(configFor(u"dv"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        DeviceDetailView view(m_session.get());
        view.show();
        QSignalSpy applied(&view, &DeviceDetailView::desiredApplied);
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);
        view.editor()->setPlainText(u"{\"led\": \"green\"}"_s);
        QVERIFY(view.applyDesired());
        QVERIFY(applied.wait(DefaultTimeoutMs));
        const qint64 accepted = applied.constFirst().at(1).toLongLong();
        QVERIFY(accepted > 0);
        const QString appliedText = u"Applied at version %1 "_s.arg(accepted);
        QVERIFY2(view.statusMessage().startsWith(appliedText), qPrintable(view.statusMessage()));

        // The device reports the change back: a newer version, which the header shows.
        QTRY_VERIFY_WITH_TIMEOUT(m_session->shadows()->cached(id)->version() > accepted &&
                                     m_session->shadows()->cached(id)->delta.empty(),
                                 DefaultTimeoutMs);
        const qint64 current = m_session->shadows()->cached(id)->version();
        auto *header = view.findChild<QLabel *>(u"deviceShadowState"_s);
        QTRY_VERIFY2(header->text().startsWith(u"Shadow version %1:"_s.arg(current)),
                     qPrintable(header->text()));
        QVERIFY2(view.statusMessage().startsWith(appliedText), qPrintable(view.statusMessage()));
        QVERIFY2(view.statusMessage().endsWith(u"The shadow is at version %1 now."_s.arg(current)),
                 qPrintable(view.statusMessage()));
        QVERIFY(!view.statusMessage().contains(u"is at version %1"_s.arg(accepted)));
    }

    void invalidJsonPointsAtLineAndColumn()
    {
        SimDevices devices(configFor(u"dj"_s), m_fleet.profile());
        QVERIFY(devices.start());
        DeviceDetailView view(m_session.get());
        view.show();
        view.setDevice(devices.id(0));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);

        view.editor()->setPlainText(u"{\n  \"led\": \"red\",\n  \"motor\" \"on\"\n}"_s);
        // Where the parser stopped: the end of the string that should have been a colon.
        QVERIFY2(view.validationMessage().startsWith(u"Line 3, column 14"_s),
                 qPrintable(view.validationMessage()));
        QVERIFY(!view.applyButton()->isEnabled());
        QCOMPARE(view.editor()->extraSelections().size(), 1);
        QCOMPARE(view.editor()->extraSelections().constFirst().cursor.blockNumber(), 2);
        QVERIFY(!view.applyDesired());
        QVERIFY(view.statusMessage().startsWith(u"Not sent"_s));

        view.editor()->setPlainText(u"[1, 2]"_s);
        QVERIFY(view.validationMessage().contains(u"must be a JSON object"_s));
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(view.editor()->extraSelections().isEmpty());

        view.editor()->setPlainText(u"{\"led\": \"red\"}"_s);
        QCOMPARE(view.validationMessage(), QString());
        QVERIFY(view.applyButton()->isEnabled());
        view.revertEditor();
        QCOMPARE(view.editor()->toPlainText(), u"{}"_s);
        QVERIFY(!view.applyButton()->isEnabled());
    }

    void refusedBeforeSending()
    {
        SimDevices devices(configFor(u"dl"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        fleet::test::BrokerObserver observer(m_fleet.broker());
        QVERIFY(observer.connect());
        QVERIFY(observer.subscribe(u"$aws/things/%1/shadow/update"_s.arg(id)));
        DeviceDetailView view(m_session.get());
        view.show();
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);
        QTest::qWait(200); // the device's own reports, if any are still coming
        observer.clear();

        // More than 8 KB of state.
        const QString blob = QString(9000, u'x');
        view.editor()->setPlainText(u"{\"blob\": \"%1\"}"_s.arg(blob));
        QVERIFY2(view.validationMessage().contains(u"8192"_s), qPrintable(view.validationMessage()));
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(!view.applyDesired());
        QVERIFY(view.statusMessage().startsWith(u"Not sent"_s));

        // Deeper than the service allows.
        view.editor()->setPlainText(u"{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": 1}}}}}}}"_s);
        QVERIFY2(view.validationMessage().contains(u"nesting"_s), qPrintable(view.validationMessage()));
        QVERIFY(!view.applyDesired());
        // Six levels are fine.
        view.editor()->setPlainText(u"{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": 1}}}}}}"_s);
        QCOMPARE(view.validationMessage(), QString());

        // Null inside an array.
        view.editor()->setPlainText(u"{\"list\": [1, null]}"_s);
        QVERIFY(!view.validationMessage().isEmpty());
        QVERIFY(!view.applyDesired());

        // Nothing reached the broker.
        QTest::qWait(300);
        QVERIFY(observer.messages().isEmpty());
        QVERIFY(m_session->rollbacks()->entries(id).isEmpty());
    }

    void versionConflictMergeAndRetry()
    {
        SimDevices devices(configFor(u"dc"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        DeviceDetailView view(m_session.get());
        view.resize(1000, 600);
        view.show();
        QSignalSpy applied(&view, &DeviceDetailView::desiredApplied);
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);
        const qint64 base = m_session->shadows()->cached(id)->version();

        // The operator starts editing...
        view.editor()->setPlainText(u"{\"led\": \"green\"}"_s);
        QVERIFY(view.applyButton()->isEnabled());

        // ...while someone else changes the desired state through another client.
        fleet::MqttClient otherClient;
        otherClient.setProfile(m_fleet.profile());
        QVERIFY(fleet::test::connectAndWait(otherClient));
        ShadowClient other(&otherClient);
        QSignalSpy otherDone(&other, &ShadowClient::requestFinished);
        other.updateDesired(id, {}, Json{{"motor", "on"}});
        QVERIFY(otherDone.wait(DefaultTimeoutMs));
        QVERIFY(otherDone.constFirst().at(1).value<ShadowClient::Result>().ok);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->shadows()->cached(id)->version() > base, DefaultTimeoutMs);
        // The operator's text is kept, and they are told.
        QCOMPARE(view.editor()->toPlainText(), u"{\"led\": \"green\"}"_s);
        QVERIFY2(view.statusMessage().contains(u"version %1"_s.arg(base)), qPrintable(view.statusMessage()));

        // Applying meets the conflict: both versions are shown.
        QVERIFY(view.applyDesired());
        QTRY_VERIFY_WITH_TIMEOUT(view.conflictDialog() && view.conflictDialog()->isVisible(),
                                 DefaultTimeoutMs);
        ConflictDialog *dialog = view.conflictDialog();
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(dialog->yoursEdit()->toPlainText().contains(u"green"_s));
        QVERIFY(!dialog->yoursEdit()->toPlainText().contains(u"motor"_s));
        QVERIFY(dialog->currentEdit()->toPlainText().contains(u"\"motor\": \"on\""_s));
        QVERIFY(dialog->currentVersion() > base);
        QCOMPARE_JSON(*dialog->merged(), (Json{{"motor", "on"}, {"led", "green"}}));
        QVERIFY(m_session->rollbacks()->entries(id).isEmpty());

        // An invalid merge cannot be applied; a valid one is sent against the current version.
        dialog->mergedEdit()->setPlainText(u"{\"motor\": \"on\", "_s);
        QVERIFY(!dialog->applyButton()->isEnabled());
        dialog->mergedEdit()->setPlainText(u"{\"motor\": \"on\", \"led\": \"green\", \"position\": 12}"_s);
        QVERIFY(dialog->applyButton()->isEnabled());
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QVERIFY(applied.wait(DefaultTimeoutMs));
        QTRY_VERIFY(!view.conflictDialog());

        // Both changes are in; the device reports them and the delta closes.
        const JsonTreeModel &tree = *view.treeModel();
        QTRY_VERIFY_WITH_TIMEOUT(cell(tree, u"led"_s, JsonTreeModel::ReportedColumn) == u"\"green\""_s &&
                                     cell(tree, u"motor"_s, JsonTreeModel::ReportedColumn) == u"\"on\""_s &&
                                     cell(tree, u"position"_s, JsonTreeModel::ReportedColumn) == u"12"_s &&
                                     tree.delta().empty(),
                                 DefaultTimeoutMs);
        const QList<fleet::RollbackEntry> entries = m_session->rollbacks()->entries(id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE_JSON(entries.constFirst().before, (Json{{"motor", "on"}}));
        QCOMPARE_JSON(entries.constFirst().after,
                      (Json{{"motor", "on"}, {"led", "green"}, {"position", 12}}));

        // A conflict the operator walks away from leaves their edit in the editor.
        view.editor()->setPlainText(u"{\"motor\": \"on\", \"led\": \"red\", \"position\": 12}"_s);
        other.updateDesired(id, {}, Json{{"position", 50}});
        QVERIFY(otherDone.wait(DefaultTimeoutMs));
        QVERIFY(view.applyDesired());
        QTRY_VERIFY_WITH_TIMEOUT(view.conflictDialog() && view.conflictDialog()->isVisible(),
                                 DefaultTimeoutMs);
        view.conflictDialog()->reject();
        QTRY_VERIFY(!view.conflictDialog());
        QVERIFY(view.editor()->toPlainText().contains(u"red"_s));
        QVERIFY(view.statusMessage().contains(u"unresolved"_s));
        QTRY_VERIFY(view.applyButton()->isEnabled());
        QCOMPARE(m_session->rollbacks()->entries(id).size(), 1);
    }

    void shadowThatDoesNotExistYet()
    {
        DeviceDetailView view(m_session.get());
        view.show();
        QSignalSpy applied(&view, &DeviceDetailView::desiredApplied);
        const QString id = u"ghost-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->shadows()->cached(id)->state == ShadowClient::CacheState::Empty,
                                 DefaultTimeoutMs);
        QTRY_VERIFY(view.findChild<QLabel *>(u"deviceShadowState"_s)->text().contains(u"No shadow"_s));
        QVERIFY(view.findChild<QLabel *>(u"deviceConnectivity"_s)->text().contains(u"Not seen"_s));
        QCOMPARE(view.editor()->toPlainText(), u"{}"_s);
        view.editor()->setPlainText(u"{\"mode\": \"eco\"}"_s);
        QVERIFY(view.applyDesired());
        QVERIFY(applied.wait(DefaultTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view.treeModel(), u"mode"_s, JsonTreeModel::DesiredColumn),
                                  u"\"eco\""_s, DefaultTimeoutMs);
        // Nobody reports it: the row differs.
        QVERIFY(rowOf(*view.treeModel(), u"mode"_s).data(JsonTreeModel::DiffersRole).toBool());
    }

    void badInputDoesNotCrash()
    {
        DeviceDetailView view(m_session.get());
        view.show();
        // Not a valid thing name: nothing is watched, and the view says why.
        view.setDevice(u"bad/name+#"_s);
        QVERIFY(view.statusMessage().contains(u"cannot be"_s));
        QVERIFY(!view.applyDesired());

        // Garbage on the shadow topics of a watched device.
        const QString id = u"junk-1"_s;
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->shadows()->cached(id)->state != ShadowClient::CacheState::Loading,
                                 DefaultTimeoutMs);
        fleet::test::BrokerObserver observer(m_fleet.broker());
        QVERIFY(observer.connect());
        const QString prefix = u"$aws/things/%1/shadow"_s.arg(id);
        const QList<QPair<QString, QByteArray>> junk = {
            {prefix + u"/update/documents"_s, "not json"},
            {prefix + u"/update/documents"_s, "[1,2]"},
            {prefix + u"/update/documents"_s, "{\"current\": 5, \"previous\": \"x\"}"},
            {prefix + u"/update/documents"_s, "{\"current\": {\"state\": [1], \"version\": \"nine\"}}"},
            {prefix + u"/update/delta"_s, "{\"state\": 7, \"version\": 99}"},
            {prefix + u"/get/accepted"_s, "{\"state\": {\"desired\": 3}, \"version\": 100}"},
            {u"telemetry/%1"_s.arg(id), "{{{"},
            {u"telemetry/%1"_s.arg(id), "{\"temperature\": \"warm\"}"},
        };
        for (const auto &[topic, payload] : junk)
            QVERIFY(observer.publish(topic, payload));
        QVERIFY(observer.publish(u"telemetry/%1"_s.arg(id), "{\"temperature\": 21}"));
        QTRY_VERIFY_WITH_TIMEOUT(view.telemetryPlot()->pointCount(u"temperature"_s) == 1, DefaultTimeoutMs);
        QVERIFY(!view.grab().isNull());
        view.setDevice(QString());
        QVERIFY(!view.isEnabled());
    }

    // A device id and its telemetry keys are whatever the network said: shown as written, never as HTML.
    void networkTextIsShownLiterally()
    {
        DeviceDetailView view(m_session.get());
        view.show();
        const QString hostile = u"<b>x</b><img src=x>"_s; // not a thing name either: the status quotes it
        view.setDevice(hostile);
        for (const QString &name : {u"deviceTitle"_s, u"deviceConnectivity"_s, u"deviceGroups"_s,
                                    u"deviceShadowState"_s, u"desiredValidation"_s, u"desiredStatus"_s}) {
            const auto *label = view.findChild<QLabel *>(name);
            QVERIFY2(label && label->textFormat() == Qt::PlainText, qPrintable(name));
        }
        QCOMPARE(view.findChild<QLabel *>(u"deviceTitle"_s)->text(), hostile);
        QVERIFY2(view.statusMessage().contains(hostile), qPrintable(view.statusMessage()));

        // The chart's legend draws series names as HTML: a key arrives there escaped.
        const QString id = u"legend-1"_s;
        view.setDevice(id);
        fleet::test::BrokerObserver observer(m_fleet.broker());
        QVERIFY(observer.connect());
        QVERIFY(observer.publish(u"telemetry/%1"_s.arg(id), "{\"<b>t</b>\": 21}"));
        QTRY_VERIFY_WITH_TIMEOUT(view.telemetryPlot()->series(u"<b>t</b>"_s), DefaultTimeoutMs);
        QCOMPARE(view.telemetryPlot()->series(u"<b>t</b>"_s)->name(), u"&lt;b&gt;t&lt;/b&gt;"_s);
    }

    // The header says how the device is spoken to: its commands' dialects, as its catalog profile gives them.
    void headerNamesTheDialect()
    {
        DeviceDetailView view(m_session.get());
        view.show();
        QVERIFY(m_session->registry()->importData("dev-3\nsample-1\n"));
        m_session->registry()->flush();
        const auto *groups = view.findChild<QLabel *>(u"deviceDialects"_s);
        view.setDevice(u"sample-1"_s);
        QVERIFY2(groups->text().contains(u"Speaks: Plain text"_s), qPrintable(groups->text()));
        view.setDevice(u"dev-3"_s);
        QVERIFY2(groups->text().contains(u"Speaks: Atlas JSON"_s), qPrintable(groups->text()));
    }

    // An Azure IoT Hub device (its catalog profile's dialect): the Twin tab shows its twin from fleet-hub,
    // the editor changes its desired properties through the gate, and the device's report closes the delta.
    void azureDeviceTwin()
    {
        fleet::test::SecuredBroker stack;
        QString error;
        QVERIFY2(stack.start(1, &error, 1), qPrintable(error));
        QVERIFY2(stack.startHub(), qPrintable(stack.hub().log()));

        fleet::MqttClient device;
        device.setProfile(stack.azureDeviceProfile(u"az-1"_s));
        device.setPassword(stack.azureToken(u"az-1"_s));
        QSignalSpy received(&device, &fleet::MqttClient::messageReceived);
        QSignalSpy connected(&device, &fleet::MqttClient::connected);
        device.connectToBroker();
        QVERIFY(connected.wait(DefaultTimeoutMs));
        QVERIFY(fleet::test::subscribeAndWait(device, u"$iothub/twin/res/#"_s));
        QVERIFY(fleet::test::subscribeAndWait(device, u"$iothub/twin/PATCH/properties/desired/#"_s));
        device.publish(u"$iothub/twin/PATCH/properties/reported/?$rid=1"_s, R"({"fan":1,"mode":"eco"})", 0);
        QVERIFY(received.wait(DefaultTimeoutMs));

        FleetSession session;
        QVERIFY2(session.open(stack.filePath(u"alice.ledger"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(session, stack.profileFor(u"alice"_s, u"alice-console"_s),
                                                   stack.password(u"alice"_s)));
        QVERIFY(session.isAzureDevice(u"az-1"_s));
        DeviceDetailView view(&session);
        view.resize(900, 700);
        view.show();
        view.setDevice(u"az-1"_s);
        QCOMPARE(view.tabs()->tabText(0), u"Twin"_s);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view.treeModel(), u"fan"_s, JsonTreeModel::ReportedColumn), u"1"_s,
                                  DefaultTimeoutMs);

        // A desired change: through the gate to the hub, then to the device.
        view.editor()->setPlainText(uR"({"fan": 3})"_s);
        QVERIFY2(view.applyButton()->isEnabled(), qPrintable(view.validationMessage()));
        received.clear();
        QVERIFY(view.applyDesired());
        QTRY_VERIFY_WITH_TIMEOUT(view.statusMessage().contains(u"$version 2"_s), DefaultTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(received.cbegin(), received.cend(),
                        [](const QList<QVariant> &args) {
                            return args.at(0).value<fleet::MqttMessage>().topic() ==
                                   u"$iothub/twin/PATCH/properties/desired/?$version=2"_s;
                        }),
            DefaultTimeoutMs);
        QCOMPARE(cell(*view.treeModel(), u"fan"_s, JsonTreeModel::DesiredColumn), u"3"_s);
        QVERIFY(!cell(*view.treeModel(), u"fan"_s, JsonTreeModel::DeltaColumn).isEmpty());

        // The device reports it: the delta closes, live.
        device.publish(u"$iothub/twin/PATCH/properties/reported/?$rid=2"_s, R"({"fan":3})", 0);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view.treeModel(), u"fan"_s, JsonTreeModel::ReportedColumn), u"3"_s,
                                  DefaultTimeoutMs);
        QVERIFY(cell(*view.treeModel(), u"fan"_s, JsonTreeModel::DeltaColumn).isEmpty());

        // The change is in the rollback history; rolling it back removes fan from the desired properties.
        QTRY_VERIFY_WITH_TIMEOUT(!session.rollbacks()->entries(u"az-1"_s).isEmpty(), DefaultTimeoutMs);
        const fleet::RollbackEntry entry = session.rollbacks()->entries(u"az-1"_s).constLast();
        QCOMPARE(entry.kind, fleet::RollbackEntry::Kind::TwinDesired);
        QVERIFY(entry.after["fan"] == fleet::Json(3));
        QVERIFY(!entry.before.contains("fan") && !entry.before.contains("$version"));
        std::optional<fleet::OperatorActions::Outcome> undone;
        session.actions()->rollBack(entry.id, &view,
                                    [&](const fleet::OperatorActions::Outcome &o) { undone = o; });
        QTRY_VERIFY_WITH_TIMEOUT(undone.has_value(), DefaultTimeoutMs);
        QVERIFY2(undone->ok, qPrintable(undone->error));
        QCOMPARE(undone->version, std::optional<qint64>(3));
        QVERIFY(session.rollbacks()->entry(entry.id)->isRolledBack());
        QTRY_VERIFY_WITH_TIMEOUT(cell(*view.treeModel(), u"fan"_s, JsonTreeModel::DesiredColumn).isEmpty(),
                                 DefaultTimeoutMs);

        // What IoT Hub would refuse is refused before sending; a stale edit is a 412 that keeps the text.
        view.editor()->setPlainText(uR"({"a.b": 1})"_s);
        QVERIFY(!view.applyButton()->isEnabled());
        QVERIFY(view.validationMessage().contains(u"a.b"_s));
    }

    // The device page's traffic: what the console's traffic buffer already held for the device, then what
    // comes, on every topic naming it, in order, each message once, the replies timed from their request;
    // and its telemetry chart starts with the history the buffer holds.
    void trafficTabShowsTheDeviceOnceInOrder()
    {
        fleet::TrafficView all(m_session.get());
        DeviceDetailView view(m_session.get());
        view.setTrafficHistory(all.trafficModel());
        QTRY_VERIFY_WITH_TIMEOUT(captureReady(), DefaultTimeoutMs);
        fleet::MqttClient peer;
        peer.setProfile(m_fleet.profile());
        QVERIFY(fleet::test::connectAndWait(peer));

        const QString device = u"page-7"_s;
        QVERIFY(peer.publish(u"telemetry/%1"_s.arg(device), R"({"temperature":21.5})", 1) > 0);
        QVERIFY(peer.publish(u"telemetry/page-8"_s, R"({"temperature":30})", 1) > 0);
        QVERIFY(peer.publish(u"cmd/%1/req"_s.arg(device),
                             R"({"cmd":"reboot","tid":"t-77","status":"REQUEST"})", 1) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(all.trafficModel()->lastValue(u"cmd/%1/req"_s.arg(device)).has_value(),
                                 DefaultTimeoutMs);

        view.setDevice(device);
        const QAbstractItemModel *rows = view.trafficView()->displayModel();
        QCOMPARE(rows->rowCount(), 2); // back-filled, page-8's left out
        QCOMPARE(view.plot()->pointCount(u"temperature"_s), 1);

        QTest::qWait(20);
        QVERIFY(peer.publish(u"cmd/%1/resp"_s.arg(device), R"({"tid":"t-77","status":"RUNNING"})", 1) > 0);
        QVERIFY(peer.publish(u"cmd/%1/resp"_s.arg(device), R"({"tid":"t-77","status":"SUCCESS"})", 1) > 0);
        QVERIFY(peer.publish(u"$aws/things/%1/shadow/update"_s.arg(device),
                             R"({"state":{"reported":{"uptime":0}}})", 1) > 0);
        QVERIFY(peer.publish(u"cmd/page-70/resp"_s, R"({"tid":"t-77","status":"SUCCESS"})", 1) > 0);
        // fleet-hub answers the shadow update and the page's own shadow read on the device's topics too
        // (accepted, documents, get): those are the device's traffic as well. The messages sent here are
        // there once each, in order, and page-70's reply is not.
        const QSet<QString> sentTopics = {u"telemetry/page-7"_s, u"cmd/page-7/req"_s, u"cmd/page-7/resp"_s,
                                          u"$aws/things/page-7/shadow/update"_s};
        QStringList seen;
        QList<int> sentRows;
        const auto collect = [&] {
            seen.clear();
            sentRows.clear();
            for (int row = 0; row < rows->rowCount(); ++row) {
                const QModelIndex index = rows->index(row, 0);
                const QString topic = index.data(fleet::TrafficModel::TopicRole).toString();
                QVERIFY2(fleet::TrafficModel::hasLevel(topic, device), qPrintable(topic));
                if (!sentTopics.contains(topic))
                    continue;
                sentRows << row;
                seen << topic + u' ' +
                            QString::fromUtf8(index.data(fleet::TrafficModel::PayloadRole).toByteArray());
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT((collect(), seen.size() >= 5), DefaultTimeoutMs);
        QTest::qWait(300);
        collect();
        QCOMPARE(seen, (QStringList{
                           u"telemetry/page-7 {\"temperature\":21.5}"_s,
                           u"cmd/page-7/req {\"cmd\":\"reboot\",\"tid\":\"t-77\",\"status\":\"REQUEST\"}"_s,
                           u"cmd/page-7/resp {\"tid\":\"t-77\",\"status\":\"RUNNING\"}"_s,
                           u"cmd/page-7/resp {\"tid\":\"t-77\",\"status\":\"SUCCESS\"}"_s,
                           u"$aws/things/page-7/shadow/update {\"state\":{\"reported\":{\"uptime\":0}}}"_s,
                       }));
        // The request is not timed; each reply is, from the request.
        const auto since = [&](int i) {
            return rows->index(sentRows.at(i), 0).data(fleet::TrafficModel::SinceRequestRole).toLongLong();
        };
        QCOMPARE(since(1), -1);
        QVERIFY2(since(2) >= 20, qPrintable(QString::number(since(2))));
        QVERIFY(since(3) >= since(2));
        QVERIFY(rows->index(sentRows.at(2), fleet::TrafficModel::SinceRequestColumn)
                    .data()
                    .toString()
                    .startsWith(u'+'));
        auto *table = view.trafficView()->findChild<QTreeView *>(u"deviceTrafficTable"_s);
        QVERIFY(table);
        QVERIFY(!table->isColumnHidden(fleet::TrafficModel::SinceRequestColumn));

        // Another device: its own history only.
        view.setDevice(u"page-8"_s);
        QVERIFY(rows->rowCount() >= 1);
        QCOMPARE(rows->index(0, 0).data(fleet::TrafficModel::TopicRole).toString(), u"telemetry/page-8"_s);
        for (int row = 0; row < rows->rowCount(); ++row)
            QVERIFY(fleet::TrafficModel::hasLevel(
                rows->index(row, 0).data(fleet::TrafficModel::TopicRole).toString(), u"page-8"_s));
    }

    // The Connectivity tab: a device that goes offline and comes back shows both changes, newest first,
    // each with how long the state before it lasted, and the strip ends online now.
    void connectivityTabShowsTransitions()
    {
        SimDevices devices(configFor(u"cn"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        DeviceDetailView view(m_session.get());
        view.resize(380, 600);
        view.show();
        view.setDevice(id);
        fleet::ConnectivityView *tab = view.connectivityView();
        view.tabs()->setCurrentWidget(tab);
        QCOMPARE(view.tabs()->tabText(view.tabs()->currentIndex()), u"Connectivity"_s);
        const QListWidget *list = tab->changeList();
        // Online since it started, with the session listening: its state, and no change yet.
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, DefaultTimeoutMs);
        QVERIFY2(list->item(0)->text().startsWith(u"Online at "_s), qPrintable(list->item(0)->text()));
        QVERIFY2(tab->summary().startsWith(u"No change seen since "_s), qPrintable(tab->summary()));

        fleet::sim::SimDevice *device = devices.at(0);
        QSignalSpy stopped(device, &fleet::sim::SimDevice::stopped);
        device->stop();
        QVERIFY(stopped.wait(DefaultTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, DefaultTimeoutMs);
        QTest::qWait(1100); // so that the offline span lasts a second the text can show
        device->start();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 3, DefaultTimeoutMs);

        // Newest first: back online after the offline span, offline after the online one.
        QVERIFY2(list->item(0)->text().startsWith(u"Online at "_s), qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(0)->text().contains(u" s offline)"_s), qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(1)->text().startsWith(u"Offline at "_s), qPrintable(list->item(1)->text()));
        QVERIFY2(list->item(1)->text().contains(u" online)"_s), qPrintable(list->item(1)->text()));
        QVERIFY2(tab->summary().startsWith(u"2 changes seen since "_s), qPrintable(tab->summary()));
        const QList<fleet::PresenceChange> history = m_session->registry()->presenceHistory(id);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(1).connectivity, fleet::Device::Connectivity::Offline);
        QCOMPARE(history.at(2).connectivity, fleet::Device::Connectivity::Online);
        QVERIFY(history.at(0).observedMs <= history.at(1).observedMs &&
                history.at(1).observedMs < history.at(2).observedMs);

        // The strip: unknown before the console learned the state, online, offline, online until now.
        QTRY_VERIFY(tab->timeline()->spans().size() == 4);
        const QList<fleet::ConnectivityTimeline::Span> spans = tab->timeline()->spans();
        QCOMPARE(spans.at(0).connectivity, fleet::Device::Connectivity::Unknown);
        QCOMPARE(spans.at(1).connectivity, fleet::Device::Connectivity::Online);
        QCOMPARE(spans.at(2).connectivity, fleet::Device::Connectivity::Offline);
        QCOMPARE(spans.at(3).connectivity, fleet::Device::Connectivity::Online);
        QVERIFY(spans.at(3).current && !spans.at(2).current);
        QVERIFY2(tab->timeline()->spanText(spans.at(2)).startsWith(u"Offline from "_s),
                 qPrintable(tab->timeline()->spanText(spans.at(2))));
        QVERIFY(tab->timeline()->spanText(spans.at(3)).startsWith(u"Online since "_s));
        // The tooltip at the strip's right end is the current span's, however short it is yet.
        const QPoint end(tab->timeline()->width() - 5, 10);
        QCOMPARE(tab->timeline()->toolTipAt(end), tab->timeline()->spanText(spans.at(3)));
        QVERIFY(tab->timeline()->toolTipAt(QPoint(10, tab->timeline()->height() - 2)).isEmpty());
        QVERIFY(!view.grab().isNull());
    }

    // Named shadows: one created behind the view's back appears in the selector; selected, it shows its
    // state as the classic one does, and a desired edit goes to it through the same path; a name can be
    // opened by hand, and a name AWS would refuse cannot.
    void namedShadowsInTheSelector()
    {
        SimDevices devices(configFor(u"ns"_s), m_fleet.profile());
        QVERIFY(devices.start());
        const QString id = devices.id(0);
        DeviceDetailView view(m_session.get());
        view.resize(900, 700);
        view.show();
        QSignalSpy applied(&view, &DeviceDetailView::desiredApplied);
        view.setDevice(id);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(view), DefaultTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(captureReady(), DefaultTimeoutMs);
        QComboBox *selector = view.shadowSelector();
        QCOMPARE(selector->itemText(0), u"Classic"_s);
        QCOMPARE(selector->findData(u"settings"_s), -1);

        // Someone creates a named shadow: the console sees its topics and lists it, without switching to it.
        fleet::MqttClient peer;
        peer.setProfile(m_fleet.profile());
        QVERIFY(fleet::test::connectAndWait(peer));
        QVERIFY(peer.publish(u"$aws/things/%1/shadow/name/settings/update"_s.arg(id),
                             R"({"state":{"reported":{"mode":"eco","interval":30}}})", 1) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(selector->findData(u"settings"_s) >= 0, DefaultTimeoutMs);
        QCOMPARE(view.shadowName(), QString());
        QCOMPARE(selector->currentIndex(), 0);

        // Selected, it shows its own state; the classic watch, this view's, is let go.
        selector->setCurrentIndex(selector->findData(u"settings"_s));
        QCOMPARE(view.shadowName(), u"settings"_s);
        QVERIFY(m_session->shadows()->isWatching(id, u"settings"_s));
        QVERIFY(!m_session->shadows()->isWatching(id));
        const JsonTreeModel &tree = *view.treeModel();
        QTRY_COMPARE_WITH_TIMEOUT(cell(tree, u"mode"_s, JsonTreeModel::ReportedColumn), u"\"eco\""_s,
                                  DefaultTimeoutMs);
        QCOMPARE(cell(tree, u"interval"_s, JsonTreeModel::ReportedColumn), u"30"_s);
        QVERIFY(!rowOf(tree, u"led"_s).isValid()); // the classic shadow's
        auto *header = view.findChild<QLabel *>(u"deviceShadowState"_s);
        QTRY_VERIFY2(header->text().startsWith(u"Shadow \"settings\" version "_s),
                     qPrintable(header->text()));
        QTRY_COMPARE(view.editor()->toPlainText(), u"{}"_s);

        // A desired edit goes to the named shadow, recorded for rollback under its name.
        view.editor()->setPlainText(u"{\"mode\": \"away\"}"_s);
        QVERIFY2(view.applyButton()->isEnabled(), qPrintable(view.validationMessage()));
        QVERIFY(view.applyDesired());
        QVERIFY(applied.wait(DefaultTimeoutMs));
        QVERIFY2(view.statusMessage().startsWith(
                     u"Applied at version %1 "_s.arg(applied.constFirst().at(1).toLongLong())),
                 qPrintable(view.statusMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(cell(tree, u"mode"_s, JsonTreeModel::DesiredColumn), u"\"away\""_s,
                                  DefaultTimeoutMs);
        const QList<fleet::RollbackEntry> entries = m_session->rollbacks()->entries(id);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().shadowName, u"settings"_s);
        QCOMPARE_JSON(entries.constFirst().after, (Json{{"mode", "away"}}));
        // The classic shadow did not get it.
        fleet::MqttClient otherClient;
        otherClient.setProfile(m_fleet.profile());
        QVERIFY(fleet::test::connectAndWait(otherClient));
        ShadowClient other(&otherClient);
        QSignalSpy got(&other, &ShadowClient::requestFinished);
        other.get(id);
        QVERIFY(got.wait(DefaultTimeoutMs));
        const Json classic = got.constFirst().at(1).value<ShadowClient::Result>().body;
        QVERIFY(!classic["state"].contains("desired") || !classic["state"]["desired"].contains("mode"));

        // A name typed by hand: what AWS would refuse is refused here, and nothing changes.
        QString error;
        for (const QString &bad :
             {u"bad/name"_s, u"a+b"_s, u"#"_s, u"with space"_s, QString(), QString(65, u'x')}) {
            QVERIFY2(!view.openNamedShadow(bad, &error), qPrintable(bad));
            QVERIFY2(error.contains(u"cannot be a shadow name"_s), qPrintable(error));
        }
        QCOMPARE(view.shadowName(), u"settings"_s);
        // Through the dialog: Open only for a valid name.
        QTest::mouseClick(view.findChild<QPushButton *>(u"openNamedShadow"_s), Qt::LeftButton);
        auto *dialog = view.findChild<QInputDialog *>(u"namedShadowDialog"_s);
        QVERIFY(dialog);
        QPushButton *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!open->isEnabled());
        dialog->setTextValue(u"fw/1"_s);
        QVERIFY(!open->isEnabled());
        dialog->setTextValue(u"firmware"_s);
        QVERIFY(open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(view.shadowName(), u"firmware"_s);
        QCOMPARE(selector->currentText(), u"firmware"_s);
        QVERIFY(selector->findData(u"settings"_s) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(header->text(), u"No shadow \"firmware\" yet"_s, DefaultTimeoutMs);
        QVERIFY(m_session->shadowNames()->contains(id, u"firmware"_s));

        // Back to the classic shadow.
        selector->setCurrentIndex(0);
        QCOMPARE(view.shadowName(), QString());
        QVERIFY(!m_session->shadows()->isWatching(id, u"firmware"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cell(tree, u"led"_s, JsonTreeModel::ReportedColumn), u"\"off\""_s,
                                  DefaultTimeoutMs);
        QVERIFY(!rowOf(tree, u"mode"_s).isValid());
        // Another device starts with its classic shadow and its own names.
        view.setDevice(u"other-1"_s);
        QCOMPARE(selector->count(), 1);
        QCOMPARE(view.shadowName(), QString());
    }

    void cleanupTestCase() { m_session.reset(); }

private:
    bool captureReady() const
    {
        const fleet::MqttClient *client = m_session->traffic()->client();
        const auto subscriptions = client->subscriptions();
        return client->state() == fleet::MqttClient::State::Connected && !subscriptions.isEmpty() &&
               std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const auto &s) {
                   return s.state == fleet::MqttClient::SubscriptionState::Granted;
               });
    }

    fleet::test::FleetFixture m_fleet;
    std::unique_ptr<FleetSession> m_session;
    int m_ledgers = 0;
};

QTEST_MAIN(TestDeviceDetailView)
#include "tst_devicedetailview.moc"
