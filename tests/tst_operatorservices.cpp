// OperatorServices without a broker: what open() takes back from the ledger (all, none or the ids asked
// for, which is what the console, `fleetctl send` and `fleetctl status ID --wait` rely on), the rollback
// history restored with it, approvals refused with a reason when there is no username, and pointers that
// survive a catalog change.

#include "commands/approvalqueue.h"
#include "commands/commandcatalog.h"
#include "commands/commandtracker.h"
#include "commands/operatoractions.h"
#include "commands/operatorservices.h"
#include "mqtt/mqttclient.h"
#include "store/commandledger.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fleet::CommandLedger;
using fleet::MqttClient;
using fleet::OperatorActions;
using fleet::OperatorServices;
using Resume = OperatorServices::Resume;

class TestOperatorServices final : public QObject
{
    Q_OBJECT

private:
    // Two commands left pending in a ledger (never connected: they stay queued), and their ids.
    QStringList pendingInLedger(const QString &path)
    {
        MqttClient client;
        CommandLedger ledger;
        if (!ledger.open(path))
            return {};
        OperatorServices services(&client);
        QString error;
        if (!services.open(&ledger, Resume::all(), &error))
            return {};
        QStringList ids;
        for (const QString &device : {u"dev-1"_s, u"dev-2"_s}) {
            OperatorActions::CommandRequest request;
            request.devices = {device};
            request.command = u"upload_log"_s;
            services.actions()->sendCommand(
                request, this, [&ids](const OperatorActions::Outcome &o) { ids += o.executions; });
        }
        services.tracker()->flush();
        return ids;
    }

    int resumed(const QString &path, const Resume &resume)
    {
        MqttClient client;
        CommandLedger ledger;
        if (!ledger.open(path))
            return -1;
        OperatorServices services(&client);
        QString error;
        if (!services.open(&ledger, resume, &error))
            return -1;
        return int(services.tracker()->executions().size());
    }

private Q_SLOTS:
    void resumesWhatItIsAskedFor()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        const QStringList ids = pendingInLedger(path);
        QCOMPARE(ids.size(), 2);
        QCOMPARE(resumed(path, Resume::none()), 0);
        QCOMPARE(resumed(path, Resume::ids({ids.first()})), 1);
        QCOMPARE(resumed(path, Resume::all()), 2);
    }

    void approvalsNeedAUsername()
    {
        MqttClient client;
        OperatorServices services(&client);
        QString problem;
        QVERIFY(!services.startApprovals(&problem));
        QVERIFY(problem.contains(u"username"_s));
        QCOMPARE(services.approvalsProblem(), problem);
        QVERIFY(!services.approvalsStarted());
        // The refusal reaches the operator before anything is sent: a sensitive command says why.
        OperatorActions::CommandRequest request;
        request.devices = {u"dev-1"_s};
        request.command = u"reboot"_s;
        const OperatorActions::Preview preview = services.actions()->preview(request);
        QVERIFY(preview.needsApproval);
        QVERIFY2(preview.problem.contains(u"username"_s), qPrintable(preview.problem));
    }

    void catalogChangeKeepsPointers()
    {
        MqttClient client;
        OperatorServices services(&client);
        fleet::CommandTracker *tracker = services.tracker();
        fleet::ApprovalQueue *approvals = services.approvals();
        QString error;
        const auto catalog = fleet::CommandCatalog::fromJson(
            R"({"version": 1, "commands": [{"name": "ping", "timeoutMs": 1000}]})", &error);
        QVERIFY2(catalog, qPrintable(error));
        services.setCatalog(*catalog);
        QCOMPARE(services.tracker(), tracker);
        QCOMPARE(services.approvals(), approvals);
        QCOMPARE(services.catalog().names(), QStringList{u"ping"_s});
    }

    void unreadableLedgerIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ledger.sqlite"_s);
        MqttClient client;
        CommandLedger ledger;
        QVERIFY(ledger.open(path));
        ledger.close();
        OperatorServices services(&client);
        QString error;
        QVERIFY(!services.open(&ledger, Resume::all(), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOperatorServices)
#include "tst_operatorservices.moc"
