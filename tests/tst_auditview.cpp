// AuditView offscreen: its columns, the status line (how many entries, how many shown by the filter, why
// there are none), the selected entry in full as plain text; and a refresh against a real mosquitto, once
// with the test answering as the gate (a second refresh asks only for what is new) and once on a broker with
// no gate at all, shown before the connection.

#include "auditview.h"
#include "brokerobserver.h"
#include "commands/gateauditquery.h"
#include "common/json.h"
#include "models/auditlogmodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttmessage.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::AuditLogModel;
using fleet::AuditView;
using fleet::BrokerProfile;
using fleet::GateAuditQuery;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using Entry = GateAuditQuery::Entry;

namespace {

Entry entry(qint64 seq, const QString &actor, const QString &requester, const QString &action)
{
    return {seq,
            1714564800000 + seq * 1000,
            actor,
            action,
            requester,
            u"t%1"_s.arg(seq),
            u"cmd/dev-1/req"_s,
            u"detail of %1"_s.arg(seq)};
}

QStringList headers(const QTableView *table)
{
    QStringList names;
    for (int column = 0; column < table->model()->columnCount(); ++column)
        names << table->model()->headerData(column, Qt::Horizontal).toString();
    return names;
}

} // namespace

class TestAuditView final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MqttClient> connectAs(const MosquittoBroker &broker, const QString &user)
    {
        auto client = std::make_unique<MqttClient>();
        BrokerProfile profile = fleet::test::profileFor(broker);
        profile.username = user;
        client->setProfile(profile);
        return fleet::test::connectAndWait(*client) ? std::move(client) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<MqttMessage>(); }

    void columnsStatusFilterAndDetail()
    {
        MqttClient client; // never connected: the view is filled by hand
        AuditView view(&client, [] { return u"alice"_s; });
        view.resize(900, 500);
        view.show();
        QCOMPARE(headers(view.table()),
                 QStringList({u"Time"_s, u"Actor"_s, u"Action"_s, u"Request"_s, u"Topic"_s, u"Detail"_s}));
        QCOMPARE(view.statusLabel()->textFormat(), Qt::PlainText);
        QCOMPARE(view.statusLabel()->text(), u"0 entry(ies)"_s);

        view.model()->append({entry(1, u"alice"_s, u"alice"_s, u"held"_s),
                              entry(2, u"bob"_s, u"alice"_s, u"approved"_s),
                              entry(3, u"<b>eve</b>"_s, u"eve"_s, u"refused"_s)});
        QCOMPARE(view.statusLabel()->text(), u"3 entry(ies)"_s);
        // The newest on top.
        const QModelIndex top = view.proxy()->index(0, AuditLogModel::ActorColumn);
        QCOMPARE(top.data().toString(), u"<b>eve</b>"_s);
        // The time column to the second, in local time.
        const QModelIndex time = view.proxy()->index(0, AuditLogModel::TimeColumn);
        auto *delegate = qobject_cast<QStyledItemDelegate *>(view.table()->itemDelegateForIndex(time));
        QVERIFY(delegate);
        QCOMPARE(delegate->displayText(time.data(), QLocale()),
                 QDateTime::fromMSecsSinceEpoch(1714564803000).toString(u"yyyy-MM-dd HH:mm:ss"_s));

        view.filterEdit()->setText(u"ALICE"_s); // actor or requester, any case
        QCOMPARE(view.proxy()->rowCount(), 2);
        QCOMPARE(view.statusLabel()->text(), u"2 of 3 entry(ies)"_s);
        view.filterEdit()->setText(u"t3"_s); // the request id
        QCOMPARE(view.proxy()->rowCount(), 1);
        view.filterEdit()->clear();
        QCOMPARE(view.statusLabel()->text(), u"3 entry(ies)"_s);

        view.table()->selectRow(0);
        const QString detail = view.detailView()->toPlainText();
        QVERIFY2(detail.contains(u"Actor: <b>eve</b>"_s), qPrintable(detail));
        QVERIFY2(detail.contains(u"Request: eve/t3"_s), qPrintable(detail));
        QVERIFY2(detail.contains(u"detail of 3"_s), qPrintable(detail));
    }

    // One click on a row shows the entry in full; the table's context menu has Refresh and Copy, which
    // copies the row as shown (the time as the delegate words it).
    void contextMenuAndOneClick()
    {
        MqttClient client;
        AuditView view(&client, [] { return u"alice"_s; });
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.model()->append(
            {entry(1, u"alice"_s, u"alice"_s, u"held"_s), entry(2, u"bob"_s, u"alice"_s, u"approved"_s)});
        QTableView *table = view.table();
        QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
        auto *refresh = table->findChild<QAction *>(u"auditRefreshAction"_s);
        QVERIFY(refresh);
        QCOMPARE(refresh->text(), view.refreshButton()->text());
        auto *copy = table->findChild<QAction *>(u"copyAction"_s);
        QVERIFY(copy && !copy->isEnabled());

        const QModelIndex older = view.proxy()->index(1, AuditLogModel::ActorColumn); // the newest on top
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(older).center());
        QVERIFY2(view.detailView()->toPlainText().startsWith(u"Entry 1,"_s),
                 qPrintable(view.detailView()->toPlainText()));
        QVERIFY(copy->isEnabled());
        copy->trigger();
        const QString time = QDateTime::fromMSecsSinceEpoch(1714564801000).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        QCOMPARE(
            QGuiApplication::clipboard()->text(),
            QStringList({time, u"alice"_s, u"held"_s, u"alice/t1"_s, u"cmd/dev-1/req"_s, u"detail of 1"_s})
                .join(u'\t'));
    }

    void refreshWithoutAConnectionSaysSo()
    {
        MqttClient client;
        AuditView view(&client, [] { return u"alice"_s; });
        QSignalSpy refreshed(&view, &AuditView::refreshed);
        view.refresh();
        QVERIFY(view.isLoading());
        QVERIFY(!view.refreshButton()->isEnabled());
        QVERIFY(refreshed.wait(DefaultTimeoutMs));
        QCOMPARE(refreshed.constFirst().at(0).toBool(), false);
        QVERIFY(view.refreshButton()->isEnabled());
        QVERIFY2(view.statusLabel()->text().contains(u"Not connected"_s),
                 qPrintable(view.statusLabel()->text()));
    }

    void refreshReadsWhatIsNew()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        // The test is the gate: it announces itself and answers each query with what follows "after".
        auto gate = connectAs(broker, u"hub"_s);
        QVERIFY(gate);
        QList<qint64> afters;
        connect(gate.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &query) {
            const QByteArray &p = query.payload();
            const Json body = Json::parse(p.cbegin(), p.cend(), nullptr, false);
            const qint64 after = body.value("after", qint64(-1));
            afters.append(after);
            Json entries = Json::array();
            for (qint64 seq = after + 1; seq <= 4; ++seq)
                entries.push_back(GateAuditQuery::toJson(entry(seq, u"alice"_s, u"alice"_s, u"held"_s)));
            MqttMessage reply(
                GateAuditQuery::replyTopic(u"alice"_s),
                fleet::compactJsonBytes(
                    {{"query", body.value("query", "")}, {"entries", entries}, {"next", nullptr}}),
                1);
            reply.properties().correlationData = query.properties().correlationData;
            gate->publish(reply);
        });
        QVERIFY(fleet::test::subscribeAndWait(*gate, u"fleet/gate/audit/query/+"_s));
        QVERIFY(gate->publish(GateAuditQuery::infoTopic(), R"({"gate":"fleet-hub"})", 1, true) > 0);
        auto alice = connectAs(broker, u"alice"_s);
        QVERIFY(alice);

        AuditView view(alice.get(), [] { return u"alice"_s; });
        QSignalSpy refreshed(&view, &AuditView::refreshed);
        view.show(); // the first show reads the log
        QVERIFY(refreshed.wait(DefaultTimeoutMs));
        QVERIFY2(refreshed.constLast().at(0).toBool(), qPrintable(refreshed.constLast().at(1).toString()));
        QCOMPARE(view.model()->rowCount(), 4);
        QCOMPARE(view.statusLabel()->text(), u"4 entry(ies)"_s);
        view.refresh();
        QVERIFY(refreshed.wait(DefaultTimeoutMs));
        QCOMPARE(afters, (QList<qint64>{0, 4}));
        QCOMPARE(view.model()->rowCount(), 4);
        gate->publish(GateAuditQuery::infoTopic(), QByteArray(), 1, true);
    }

    // Shown before the console connects: the first read waits for the connection, and finds no gate.
    void noGateOnTheBroker()
    {
        MosquittoBroker broker(MosquittoBroker::Options::quiet());
        QVERIFY2(broker.start(), qPrintable(broker.errorString()));
        MqttClient alice;
        BrokerProfile profile = fleet::test::profileFor(broker);
        profile.username = u"alice"_s;
        alice.setProfile(profile);
        AuditView view(&alice, [] { return u"alice"_s; });
        QSignalSpy refreshed(&view, &AuditView::refreshed);
        view.show();
        QVERIFY(refreshed.isEmpty());
        QVERIFY(fleet::test::connectAndWait(alice));
        QVERIFY(refreshed.wait(DefaultTimeoutMs));
        QCOMPARE(refreshed.constFirst().at(0).toBool(), false);
        QCOMPARE(view.statusLabel()->text(),
                 u"No fleet-hub gate on this broker: there is no audit log to read."_s);
        QCOMPARE(view.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
