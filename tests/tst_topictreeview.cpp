// TopicTreeView on the real widgets against a real mosquitto: counts exact after a burst; a topic's history
// and the diff between two consecutive messages; a numeric field plotted in one click with its history
// already there, then live; search; clearing a retained message after it was retained, and, on a broker
// secured as fleet-hub provisions it, an operator's clear of a device's retained presence refused by the
// broker and shown as refused, the marker kept.

#include "brokerobserver.h"
#include "fleet/fleetsession.h"
#include "models/topictreemodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/trafficcapture.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "testutil.h"
#include "topictreeview.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::FleetSession;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::TopicTreeModel;
using fleet::TopicTreeView;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

bool captureReady(const FleetSession &session)
{
    const MqttClient *client = session.traffic()->client();
    const auto subscriptions = client->subscriptions();
    return client->state() == MqttClient::State::Connected && !subscriptions.isEmpty() &&
           std::all_of(subscriptions.cbegin(), subscriptions.cend(), [](const MqttClient::Subscription &s) {
               return s.state == MqttClient::SubscriptionState::Granted;
           });
}

qint64 countOf(const TopicTreeModel &model, const QString &topic)
{
    return model.indexOfTopic(topic).data(TopicTreeModel::MessageCountRole).toLongLong();
}

} // namespace

class TestTopicTreeView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<MqttMessage>();
        auto options = MosquittoBroker::Options::quiet();
        options.extraConfigLines = {u"max_queued_messages 0"_s};
        m_broker = std::make_unique<MosquittoBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        m_session->setShadowPrefetch(false);
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, fleet::test::profileFor(*m_broker)));
        QVERIFY(m_session->traffic()->setFilters(fleet::TrafficCapture::defaultFilters()));
        m_view = std::make_unique<TopicTreeView>(m_session.get());
        m_view->resize(1200, 700);
        QTRY_VERIFY_WITH_TIMEOUT(captureReady(*m_session), DefaultTimeoutMs);
        m_publisher = std::make_unique<MqttClient>();
        m_publisher->setProfile(fleet::test::profileFor(*m_broker));
        QVERIFY(fleet::test::connectAndWait(*m_publisher));
    }

    void cleanup()
    {
        m_view.reset();
        m_publisher.reset();
        m_session.reset();
    }

    void cleanupTestCase() { m_broker.reset(); }

    void countsAreExactAfterABurst()
    {
        constexpr int Devices = 50;
        constexpr int PerDevice = 40;
        for (int i = 0; i < PerDevice; ++i) {
            for (int d = 0; d < Devices; ++d)
                QVERIFY(m_publisher->publish(u"burst/dev-%1/temp"_s.arg(d), QByteArray::number(i)) > 0);
        }
        TopicTreeModel *model = m_view->model();
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*model, u"burst"_s), qint64(Devices * PerDevice),
                                  4 * DefaultTimeoutMs);
        model->refresh();
        for (int d = 0; d < Devices; ++d)
            QCOMPARE(countOf(*model, u"burst/dev-%1"_s.arg(d)), qint64(PerDevice));
        QCOMPARE(model->indexOfTopic(u"burst"_s).data(TopicTreeModel::ChildTopicCountRole).toInt(), Devices);
        QCOMPARE(
            model->indexOfTopic(u"burst/dev-7/temp"_s).data(TopicTreeModel::LastPayloadRole).toByteArray(),
            QByteArray::number(PerDevice - 1));
    }

    // The engineer's path: find telemetry/dev-7 in the tree, see its history, diff two consecutive
    // messages, plot its temperature with the history already there, and watch the plot follow.
    void historyDiffAndPlot()
    {
        m_view->show();
        const QString topic = u"telemetry/dev-7"_s;
        QVERIFY(m_publisher->publish(topic, R"({"temperature":21.5,"humidity":40,"fw":"1.2"})", 1) > 0);
        QVERIFY(m_publisher->publish(topic, R"({"temperature":22.0,"humidity":40,"fw":"1.2"})", 1) > 0);
        QVERIFY(m_publisher->publish(topic, R"({"temperature":22.5,"humidity":41,"fw":"1.3"})", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*m_view->model(), topic), qint64(3), DefaultTimeoutMs);

        // Found by search, selected.
        m_view->findChild<QLineEdit *>(u"topicSearchEdit"_s)->setText(u"dev-7"_s);
        // Shown at once, under a branch nobody opened: the search scans the topics, not the rows.
        QAbstractItemModel *shown = m_view->treeView()->model();
        QCOMPARE(shown
                     ->match(shown->index(0, 0), TopicTreeModel::TopicRole, topic, 1,
                             Qt::MatchExactly | Qt::MatchRecursive)
                     .size(),
                 1);
        QVERIFY(m_view->selectTopic(topic));
        QCOMPARE(m_view->selectedTopic(), topic);
        QCOMPARE(m_view->treeView()->currentIndex().data(TopicTreeModel::TopicRole).toString(), topic);

        // The newest message against the one before it.
        m_view->selectHistoryRow(0);
        const QString diff = m_view->diffText();
        QVERIFY2(diff.contains(u"~ /temperature: 22.0 \u2192 22.5"_s) ||
                     diff.contains(u"~ /temperature: 22 \u2192 22.5"_s),
                 qPrintable(diff));
        QVERIFY2(diff.contains(u"~ /fw: \"1.2\" \u2192 \"1.3\""_s), qPrintable(diff));
        QVERIFY2(!diff.contains(u"/humidity: 40 \u2192 40"_s), qPrintable(diff));
        m_view->selectHistoryRow(1);
        QVERIFY2(m_view->diffText().contains(u"/temperature"_s) && !m_view->diffText().contains(u"/fw"_s),
                 qPrintable(m_view->diffText()));

        // One click: the numeric fields are offered, the history is plotted at once.
        QCOMPARE(m_view->plottableFields(), (QStringList{u"/temperature"_s, u"/humidity"_s}));
        QVERIFY(m_view->plotField(u"/temperature"_s));
        QCOMPARE(m_view->plottedPoints(), 3);
        QVERIFY(!m_view->plotField(u"/fw"_s)); // not a number
        const QString selectedDiff = m_view->diffText();
        QVERIFY(m_publisher->publish(topic, R"({"temperature":23.0,"humidity":41,"fw":"1.3"})", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->plottedPoints(), 4, DefaultTimeoutMs);
        // The selected message stays selected as a new one arrives above it (it was the row that moved).
        auto *history = m_view->findChild<QListWidget *>(u"topicHistory"_s);
        QTRY_COMPARE_WITH_TIMEOUT(history->count(), 4, DefaultTimeoutMs);
        QCOMPARE(history->currentRow(), 2);
        QCOMPARE(m_view->diffText(), selectedDiff);
    }

    // A hostile last value (400 KB of "[" 200,000 deep, published by a device) is shown bounded: its
    // beginning and its size, not the whole of it laid out in the text pane (which took 10 s).
    void hostileValuesAreShownBounded()
    {
        m_view->show();
        const QString topic = u"telemetry/dev-9"_s;
        QVERIFY(m_publisher->publish(topic, R"({"temperature":21.5})", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*m_view->model(), topic), qint64(1), DefaultTimeoutMs);
        QVERIFY(m_view->selectTopic(topic));
        const QByteArray bomb = QByteArray(200000, '[') + QByteArray(200000, ']');
        QVERIFY(m_publisher->publish(topic, bomb, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(*m_view->model(), topic), qint64(2), DefaultTimeoutMs);
        auto *value = m_view->findChild<QPlainTextEdit *>(u"topicValue"_s);
        QTRY_VERIFY_WITH_TIMEOUT(value->toPlainText().startsWith(u"[[["_s), DefaultTimeoutMs);
        QVERIFY(value->toPlainText().size() < 20000);
        QVERIFY2(value->toPlainText().endsWith(u"(the beginning of a 400,000-byte value)"_s),
                 qPrintable(value->toPlainText().right(80)));
        // Not JSON as far as the console is concerned (too deep): nothing to plot, a text diff.
        QVERIFY(m_view->plottableFields().isEmpty());
        m_view->selectHistoryRow(0);
        QVERIFY2(!m_view->diffText().isEmpty(), "no diff");
    }

    void clearRetained()
    {
        const QString topic = u"retained/lamp"_s;
        MqttMessage retained(topic, "on", 1, true);
        QVERIFY(m_publisher->publish(retained) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_view->model()->indexOfTopic(topic).data(TopicTreeModel::RetainedRole).toBool(),
            DefaultTimeoutMs);
        QVERIFY(m_view->selectTopic(topic));
        m_view->clearRetained(false);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_view->model()->indexOfTopic(topic).data(TopicTreeModel::RetainedRole).toBool(),
            DefaultTimeoutMs);
        QVERIFY2(m_view->statusText().contains(u"accepted"_s), qPrintable(m_view->statusText()));
        // The broker forgot it: a new subscriber receives nothing retained.
        MqttClient late;
        late.setProfile(fleet::test::profileFor(*m_broker));
        QVERIFY(fleet::test::connectAndWait(late));
        QSignalSpy got(&late, &MqttClient::messageReceived);
        QVERIFY(fleet::test::subscribeAndWait(late, topic));
        QTest::qWait(300);
        QCOMPARE(got.count(), 0);
    }

    // An operator may not write a device's presence: the broker refuses the clear, the view says so, and
    // the retained value stays.
    void clearRetainedIsUnderTheAcl()
    {
        fleet::test::SecuredBroker secured;
        QString error;
        QVERIFY2(secured.start(2, &error), qPrintable(error));
        FleetSession session;
        session.setShadowPrefetch(false);
        QVERIFY(fleet::test::connectSessionAndWait(session, secured.profileFor(u"eve"_s, u"eve-console"_s),
                                                   secured.password(u"eve"_s)));
        QVERIFY(session.traffic()->setFilters(fleet::TrafficCapture::defaultFilters()));
        TopicTreeView view(&session);
        QTRY_VERIFY_WITH_TIMEOUT(captureReady(session), DefaultTimeoutMs);
        std::optional<fleet::test::MqttPeer> device = secured.peer(u"dev-1"_s);
        QVERIFY(device);
        MqttMessage presence(u"presence/dev-1"_s, "online", 1, true);
        QVERIFY(device->client->publish(presence) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            view.model()->indexOfTopic(u"presence/dev-1"_s).data(TopicTreeModel::RetainedRole).toBool(),
            DefaultTimeoutMs);
        QVERIFY(view.selectTopic(u"presence/dev-1"_s));
        view.clearRetained(false);
        QTRY_VERIFY2_WITH_TIMEOUT(view.statusText().contains(u"refused"_s), qPrintable(view.statusText()),
                                  DefaultTimeoutMs);
        QTest::qWait(300);
        QVERIFY(view.model()->indexOfTopic(u"presence/dev-1"_s).data(TopicTreeModel::RetainedRole).toBool());
    }

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<TopicTreeView> m_view;
    std::unique_ptr<MqttClient> m_publisher;
};

QTEST_MAIN(TestTopicTreeView)

#include "tst_topictreeview.moc"
