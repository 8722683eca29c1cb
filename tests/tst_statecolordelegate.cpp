// StateColorDelegate: which tone each command state, approval state and audit action gets, that the colour
// is the theme's for the palette painted with (so a theme switch recolours), that a selected cell keeps the
// highlighted text, and that the command timeline colours a failed command's row.
//
// With FLEET_THEME_SHOTS set to a directory, the dark timeline is also saved there as PNG, to look at.

#include "commandtimelineview.h"
#include "fleet/fleetsession.h"
#include "models/approvalqueuemodel.h"
#include "models/auditlogmodel.h"
#include "models/commandtimelinemodel.h"
#include "statecolordelegate.h"
#include "store/commandledger.h"
#include "themecontroller.h"

#include <QApplication>
#include <QDateTime>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using fleet::ApprovalRequest;
using fleet::CommandExecution;
using fleet::CommandTimelineModel;
using fleet::StateColorDelegate;
using fleet::ThemeColors;
using fleet::ThemeController;
using Role = ThemeColors::Role;
using State = CommandExecution::State;
using Theme = ThemeController::Theme;

namespace {

// A delegate's initStyleOption() is protected; the text colour it decides is what paint() draws with.
QColor paintedText(const StateColorDelegate &delegate, const QModelIndex &index, const QPalette &palette)
{
    return delegate.foregroundFor(index, palette);
}

CommandExecution execution(const QString &id, const QString &command, State state, qint64 at,
                           const QString &reason = {})
{
    CommandExecution e;
    e.id = id;
    e.tid = id;
    e.command = command;
    e.device = u"sensor-07"_s;
    e.requestedBy = u"alice"_s;
    e.attempts = 1;
    e.moveTo(State::Queued, at);
    e.moveTo(State::Sent, at + 20);
    e.moveTo(state, at + 900, reason);
    e.reason = reason;
    return e;
}

} // namespace

class TestStateColorDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_statecolordelegate"_s);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void commandTones_data()
    {
        QTest::addColumn<State>("state");
        QTest::addColumn<int>("tone");
        QTest::newRow("succeeded") << State::Succeeded << int(Role::Success);
        QTest::newRow("failed") << State::Failed << int(Role::Failure);
        QTest::newRow("timed out") << State::TimedOut << int(Role::Failure);
        QTest::newRow("unreachable") << State::Unreachable << int(Role::Failure);
        QTest::newRow("rejected") << State::Rejected << int(Role::Failure);
        QTest::newRow("awaiting approval") << State::AwaitingApproval << int(Role::Warning);
        QTest::newRow("approved") << State::Approved << int(Role::Warning);
        QTest::newRow("queued") << State::Queued << int(Role::Warning);
        QTest::newRow("sent") << State::Sent << int(Role::Warning);
        QTest::newRow("running") << State::Running << int(Role::Warning);
        QTest::newRow("cancelled") << State::Cancelled << int(Role::Muted);
    }

    void commandTones()
    {
        QFETCH(State, state);
        QFETCH(int, tone);
        QCOMPARE(StateColorDelegate::commandTone(state), Role(tone));
    }

    void approvalAndAuditTones()
    {
        using A = ApprovalRequest::State;
        QCOMPARE(StateColorDelegate::approvalTone(A::Pending), Role::Warning);
        QCOMPARE(StateColorDelegate::approvalTone(A::Approved), Role::Success);
        QCOMPARE(StateColorDelegate::approvalTone(A::Rejected), Role::Failure);
        QCOMPARE(StateColorDelegate::approvalTone(A::Expired), Role::Failure);
        QCOMPARE(StateColorDelegate::approvalTone(A::Withdrawn), Role::Muted);
        QCOMPARE(StateColorDelegate::auditTone(u"refused"_s), Role::Failure);
        QCOMPARE(StateColorDelegate::auditTone(u"held"_s), Role::Warning);
        QCOMPARE(StateColorDelegate::auditTone(u"approved"_s), Role::Success);
        QCOMPARE(StateColorDelegate::auditTone(u"relayed"_s), Role::Success);
        // An action this console does not know keeps the normal text colour.
        QCOMPARE(StateColorDelegate::auditTone(u"something-new"_s), StateColorDelegate::Tone());
    }

    void colourFollowsThePalette()
    {
        QStandardItemModel model(3, 1);
        model.setData(model.index(0, 0), int(State::Failed), CommandTimelineModel::StateRole);
        model.setData(model.index(1, 0), int(State::Succeeded), CommandTimelineModel::StateRole);
        // Row 2 has no state: no colour of its own.
        std::unique_ptr<StateColorDelegate> delegate(StateColorDelegate::forCommandTimeline(nullptr));
        const QPalette light = ThemeController::lightPalette();
        const QPalette dark = ThemeController::darkPalette();
        QCOMPARE(paintedText(*delegate, model.index(0, 0), light), ThemeColors::light().color(Role::Failure));
        QCOMPARE(paintedText(*delegate, model.index(0, 0), dark), ThemeColors::dark().color(Role::Failure));
        QCOMPARE(paintedText(*delegate, model.index(1, 0), dark), ThemeColors::dark().color(Role::Success));
        QVERIFY(!paintedText(*delegate, model.index(2, 0), dark).isValid());

        QStandardItemModel approvals(1, 1);
        approvals.setData(approvals.index(0, 0), int(ApprovalRequest::State::Pending),
                          fleet::ApprovalQueueModel::StateRole);
        std::unique_ptr<StateColorDelegate> approval(StateColorDelegate::forApprovals(nullptr));
        QCOMPARE(paintedText(*approval, approvals.index(0, 0), dark),
                 ThemeColors::dark().color(Role::Warning));

        QStandardItemModel audit(1, 1);
        audit.setData(audit.index(0, 0), u"refused"_s, fleet::AuditLogModel::ActionRole);
        std::unique_ptr<StateColorDelegate> auditDelegate(StateColorDelegate::forAuditLog(nullptr));
        QCOMPARE(paintedText(*auditDelegate, audit.index(0, 0), light),
                 ThemeColors::light().color(Role::Failure));
    }

    void timelineColoursAFailedCommand()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            fleet::CommandLedger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.errorString()));
            QVERIFY(ledger.recordAll({
                execution(u"t-1"_s, u"reboot"_s, State::Succeeded, now - 60000),
                execution(u"t-2"_s, u"set-led"_s, State::Failed, now - 40000, u"simulated failure"_s),
                execution(u"t-3"_s, u"firmware-update"_s, State::TimedOut, now - 20000,
                          u"no reply in 30 s"_s),
                execution(u"t-4"_s, u"ping"_s, State::Cancelled, now - 10000, u"cancelled by alice"_s),
            }));
        }
        ThemeController themes;
        themes.setTheme(Theme::Dark);
        fleet::FleetSession session;
        QString error;
        QVERIFY2(session.open(path, &error), qPrintable(error));
        fleet::CommandTimelineView view(&session);
        view.resize(900, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView *table = view.table();
        auto *delegate = qobject_cast<StateColorDelegate *>(table->itemDelegate());
        QVERIFY(delegate);
        QTRY_COMPARE(table->model()->rowCount(), 4);
        int failedRows = 0;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, CommandTimelineModel::CommandColumn);
            if (State(index.data(CommandTimelineModel::StateRole).toInt()) != State::Failed)
                continue;
            ++failedRows;
            QCOMPARE(delegate->foregroundFor(index, table->palette()),
                     ThemeColors::dark().color(Role::Failure));
        }
        QCOMPARE(failedRows, 1);
        table->selectionModel()->setCurrentIndex(
            table->model()->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (const QString shots = qEnvironmentVariable("FLEET_THEME_SHOTS"); !shots.isEmpty())
            QVERIFY(view.grab().save(shots + u"/timeline-dark.png"_s));
        themes.setTheme(Theme::System);
    }
};

QTEST_MAIN(TestStateColorDelegate)
#include "tst_statecolordelegate.moc"
