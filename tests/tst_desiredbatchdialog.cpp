// DesiredBatchDialog offscreen, against a real mosquitto, fleet-hub and two fleet-sim devices: the patch is
// checked as it is typed (JSON, an object, the shadow's limits), the target is the selection or a group's
// members, sending shows N of M and one row per device, and the batch is ONE entry of the rollback history,
// which the Rollback tab shows as one row and rolls back in one action.

#include "brokerobserver.h"
#include "desiredbatchdialog.h"
#include "devicesview.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "fleetfixture.h"
#include "models/rollbackhistorymodel.h"
#include "rollbackview.h"
#include "simdevices.h"
#include "testutil.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::DesiredBatchDialog;
using fleet::FleetSession;
using fleet::RollbackEntry;
using fleet::RollbackHistoryModel;
using fleet::test::DefaultTimeoutMs;

class TestDesiredBatchDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_fleet.start(u"batch"_s, 2), qPrintable(m_fleet.errorString()));
        m_session = std::make_unique<FleetSession>();
        QString error;
        QVERIFY2(m_session->open(m_fleet.filePath(u"ledger.sqlite"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, m_fleet.profile()));
        for (int i = 0; i < 2; ++i)
            QVERIFY(m_session->registry()->addToGroup(m_fleet.devices().id(i), u"coffee"_s));
    }

    void checksThePatchAsItIsTyped()
    {
        DesiredBatchDialog dialog(m_session.get(), {m_fleet.devices().id(0)}, {});
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(dialog.targetLabel()->text().contains(u"1 selected device"_s));
        dialog.patchEdit()->setPlainText(u"{\"limit\":"_s);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY2(dialog.problemLabel()->text().contains(u"Not valid JSON"_s),
                 qPrintable(dialog.problemLabel()->text()));
        dialog.patchEdit()->setPlainText(u"[1, 2]"_s);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(u"JSON object"_s));
        dialog.patchEdit()->setPlainText(u"{\"big\": \"%1\"}"_s.arg(QString(9000, u'x')));
        QVERIFY(!dialog.sendButton()->isEnabled());
        dialog.patchEdit()->setPlainText(u"{\"limit\": 5}"_s);
        QVERIFY2(dialog.sendButton()->isEnabled(), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(dialog.problemLabel()->text().isEmpty());

        // Azure IoT Hub devices in the selection are left out, and the dialog says so before anything is
        // sent.
        DesiredBatchDialog mixed(m_session.get(), {m_fleet.devices().id(0), u"az-1"_s}, {});
        mixed.patchEdit()->setPlainText(u"{\"limit\": 5}"_s);
        QVERIFY(mixed.targetLabel()->text().contains(u"1 selected device"_s));
        QVERIFY2(mixed.targetLabel()->text().contains(u"Left out: az-1"_s),
                 qPrintable(mixed.targetLabel()->text()));
        QVERIFY(mixed.sendButton()->isEnabled());
        DesiredBatchDialog azureOnly(m_session.get(), {u"az-1"_s}, {});
        azureOnly.patchEdit()->setPlainText(u"{\"limit\": 5}"_s);
        QVERIFY(!azureOnly.sendButton()->isEnabled());
        QVERIFY(azureOnly.problemLabel()->text().contains(u"twin"_s));

        DesiredBatchDialog empty(m_session.get(), {}, u"nobody"_s);
        empty.patchEdit()->setPlainText(u"{\"limit\": 5}"_s);
        QVERIFY(!empty.sendButton()->isEnabled());
        QVERIFY(empty.problemLabel()->text().contains(u"nobody"_s));
    }

    void sendsToAGroupWithProgressAndOneRollbackEntry()
    {
        DesiredBatchDialog dialog(m_session.get(), {}, u"coffee"_s);
        dialog.show();
        QVERIFY(dialog.targetLabel()->text().contains(u"2 devices of group coffee"_s));
        dialog.patchEdit()->setPlainText(u"{\"limit\": 5}"_s);
        const qsizetype entries = m_session->rollbacks()->entries().size();
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), DefaultTimeoutMs);
        QCOMPARE(dialog.progressBar()->maximum(), 2);
        QCOMPARE(dialog.progressBar()->value(), 2);
        QCOMPARE(dialog.resultsView()->topLevelItemCount(), 2);
        for (int i = 0; i < 2; ++i)
            QVERIFY2(dialog.resultsView()->topLevelItem(i)->text(1).startsWith(u"Accepted"_s),
                     qPrintable(dialog.resultsView()->topLevelItem(i)->text(1)));
        QVERIFY2(dialog.summaryLabel()->text().contains(u"Rollback entry"_s),
                 qPrintable(dialog.summaryLabel()->text()));
        QCOMPARE(m_session->rollbacks()->entries().size(), entries + 1);
        const RollbackEntry entry = m_session->rollbacks()->entries().constLast();
        QCOMPARE(entry.kind, RollbackEntry::Kind::DesiredBatch);
        QCOMPARE(entry.targets.size(), 2);

        // The Rollback tab: one row, worded for the batch, undone in one action.
        fleet::RollbackView view(m_session.get());
        view.refresh();
        RollbackHistoryModel *model = view.model();
        const int row = model->rowOf(entry.id);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, RollbackHistoryModel::ChangeColumn).data().toString(),
                 u"desired {\"limit\":5} on 2 devices (coffee)"_s);
        QVERIFY(view.selectEntry(entry.id));
        QVERIFY2(view.rollbackButton()->isEnabled(), qPrintable(view.rollbackButton()->toolTip()));
        QVERIFY(view.details()->toPlainText().contains(u"2 devices (group coffee)"_s));
        QTest::mouseClick(view.rollbackButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusLabel()->text().contains(u"rolled back"_s), DefaultTimeoutMs);
        QVERIFY2(view.statusLabel()->text().contains(u"restored on 2 devices"_s),
                 qPrintable(view.statusLabel()->text()));
        QVERIFY(m_session->rollbacks()->entry(entry.id)->isRolledBack());
    }

    void devicesViewOpensItForTheSelectionOrTheGroup()
    {
        fleet::DevicesView view(m_session.get());
        QVERIFY(!view.openDesiredBatch()); // neither a selection nor a group
        view.groupCombo()->setCurrentIndex(view.groupCombo()->findData(u"coffee"_s));
        QVERIFY(view.desiredButton()->isEnabled());
        DesiredBatchDialog *dialog = view.openDesiredBatch();
        QVERIFY(dialog);
        QVERIFY(dialog->targetLabel()->text().contains(u"group coffee"_s));
        dialog->close();
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->disconnectFromBroker();
        m_session.reset();
    }

private:
    fleet::test::FleetFixture m_fleet;
    std::unique_ptr<FleetSession> m_session;
};

QTEST_MAIN(TestDesiredBatchDialog)
#include "tst_desiredbatchdialog.moc"
