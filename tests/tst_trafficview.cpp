// TrafficView with a real mosquitto: messages published by another client appear; the topic filters go to
// the session's TrafficCapture, narrow what is shown and leave the services' client alone; requests to a
// device, its replies and its shadow's answers show, each once, with overlapping filters; the search
// narrows both tables; a selected row holds still while the cap evicts rows above it; pause
// freezes the table and counts what arrives; the details pane pretty-prints JSON, dumps binary payloads in
// hex and shows the flags and MQTT 5 properties; export writes JSON lines; auto-scroll follows only at the
// bottom; a burst of 20,000 messages ends with the model at its cap and every topic's last value; and its
// layout is left to MainWindow (tst_mainwindow checks the round trip): every splitter and table is named, and
// the view writes no settings of its own.

#include "brokerobserver.h"
#include "fleet/fleetregistry.h"
#include "fleet/fleetsession.h"
#include "models/lastvaluemodel.h"
#include "models/trafficmodel.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/trafficcapture.h"
#include "testutil.h"
#include "trafficview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::FleetSession;
using fleet::Json;
using fleet::LastValueModel;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::MqttProperties;
using fleet::TrafficModel;
using fleet::TrafficView;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;

namespace {

bool hasSubscription(const MqttClient &client, const QString &filter)
{
    const auto subscriptions = client.subscriptions();
    return std::any_of(subscriptions.cbegin(), subscriptions.cend(),
                       [&](const MqttClient::Subscription &s) { return s.filter == filter; });
}

bool granted(const MqttClient &client, const QString &filter)
{
    const auto subscriptions = client.subscriptions();
    return std::any_of(subscriptions.cbegin(), subscriptions.cend(), [&](const MqttClient::Subscription &s) {
        return s.filter == filter && s.state == MqttClient::SubscriptionState::Granted;
    });
}

} // namespace

class TestTrafficView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_trafficview"_s);
        qRegisterMetaType<MqttMessage>();
        auto options = MosquittoBroker::Options::quiet();
        // The burst must reach the view whole: by default mosquitto drops QoS 0 messages past 1,000 queued.
        options.extraConfigLines = {u"max_queued_messages 0"_s, u"set_tcp_nodelay true"_s};
        m_broker = std::make_unique<MosquittoBroker>(options);
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        m_session = std::make_unique<FleetSession>();
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, fleet::test::profileFor(*m_broker)));
        m_view = std::make_unique<TrafficView>(m_session.get());
        m_view->resize(1000, 700);
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

    // MainWindow keeps each splitter's and table's state under its object name: each needs a name of its
    // own, and the names that settings already hold must not change. The view itself writes nothing.
    void layoutPartsAreNamedAndNotSavedHere()
    {
        QStringList names;
        for (const QSplitter *splitter : m_view->findChildren<QSplitter *>())
            names.append(splitter->objectName());
        for (const QTreeView *tree : m_view->findChildren<QTreeView *>())
            names.append(tree->objectName());
        QVERIFY2(!names.contains(QString()), qPrintable(names.join(u", "_s)));
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
        for (const QString &name :
             {u"trafficSplitter"_s, u"trafficDetailsSplitter"_s, u"trafficTable"_s, u"lastValueTable"_s})
            QVERIFY2(names.contains(name), qPrintable(name));

        QSettings().clear();
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->close();
        m_view.reset();
        QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(u", "_s)));
    }

    void publishedMessagesAppear()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        QVERIFY(m_publisher->publish(u"lab/a"_s, "hello", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, DefaultTimeoutMs);
        const QModelIndex index = m_view->displayModel()->index(0, TrafficModel::TopicColumn);
        QCOMPARE(index.data().toString(), u"lab/a"_s);
        QCOMPARE(index.data(TrafficModel::QosRole).toInt(), 1);
        QCOMPARE(m_view->displayModel()->index(0, TrafficModel::PayloadColumn).data().toString(), u"hello"_s);
        // The last value per topic table follows.
        QTRY_COMPARE_WITH_TIMEOUT(m_view->lastValueModel()->rowCount(), 1, DefaultTimeoutMs);
        // The rate is shown.
        auto *rate = m_view->findChild<QLabel *>(u"rateLabel"_s);
        QVERIFY(rate);
        QTRY_VERIFY_WITH_TIMEOUT(rate->text().contains(u"1 received"_s), DefaultTimeoutMs);
    }

    void filterNarrowsTheCapture()
    {
        MqttClient *client = m_session->client();
        const int serviceSubscriptions = int(client->subscriptions().size());
        QVERIFY(useFilter(u"lab/#"_s));
        m_publisher->publish(u"lab/x/temp"_s, "20");
        m_publisher->publish(u"lab/x/hum"_s, "50");
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);

        // Narrower: the old rows that do not match are hidden, and the capture subscribes only the new
        // filter.
        QVERIFY(useFilter(u"lab/+/temp"_s));
        QCOMPARE(shown(), 1);
        QCOMPARE(m_session->traffic()->subscribedFilters(), QStringList{u"lab/+/temp"_s});
        m_publisher->publish(u"lab/y/hum"_s, "51");
        m_publisher->publish(u"lab/y/temp"_s, "21");
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        for (int row = 0; row < shown(); ++row)
            QVERIFY(m_view->displayModel()
                        ->index(row, TrafficModel::TopicColumn)
                        .data()
                        .toString()
                        .endsWith(u"/temp"_s));
        // The console's services keep their own subscriptions, untouched by the view.
        QCOMPARE(int(client->subscriptions().size()), serviceSubscriptions);
        QVERIFY(!hasSubscription(*client, u"lab/+/temp"_s));

        // An invalid filter is refused with a reason, and the current one stays.
        QString error;
        QVERIFY(!m_view->setTopicFilter(u"lab/#/x"_s, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(m_view->topicFilter(), u"lab/+/temp"_s);
        auto *label = m_view->findChild<QLabel *>(u"filterErrorLabel"_s);
        QVERIFY(label && !label->isHidden());
        QCOMPARE(label->text(), error);

        // Several filters typed in the edit, separated by spaces, are applied with Enter.
        auto *edit = m_view->findChild<QLineEdit *>(u"topicFilterEdit"_s);
        edit->setText(u"typed/+  lab/#"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(m_view->topicFilter(), u"typed/+ lab/#"_s);
        QCOMPARE(m_session->traffic()->subscribedFilters(), (QStringList{u"typed/+"_s, u"lab/#"_s}));
        QVERIFY(label->isHidden());

        // Empty: the default filters, every topic and the AWS IoT ones.
        QVERIFY(m_view->setTopicFilter(QString()));
        QCOMPARE(m_session->traffic()->filters(), fleet::TrafficCapture::defaultFilters());
        QCOMPARE(m_view->topicFilter(), QString());
    }

    // Requests sent to a device show as well as its replies and its shadow's answers, each exactly once, in
    // the order they were sent, although the console's services subscribe to the replies and the shadows
    // on their own client.
    void requestsRepliesAndShadowsEachOnce()
    {
        QVERIFY(useFilter(QString()));
        QVERIFY(useFilter(u"cmd/dev-7/# +/dev-7/# $aws/things/dev-7/#"_s));
        // The console reads the shadow of a device it discovers, on the topics captured here: that get is
        // traffic too, but not the one this test is about.
        m_session->setShadowPrefetch(false);
        const QList<std::pair<QString, QByteArray>> sent = {
            {u"cmd/dev-7/req"_s, R"({"cmd":"reboot","tid":"t-1","status":"REQUEST"})"},
            {u"cmd/dev-7/resp"_s, R"({"tid":"t-1","status":"RUNNING"})"},
            {u"cmd/dev-7/resp"_s, R"({"tid":"t-1","status":"SUCCESS"})"},
            {u"$aws/things/dev-7/shadow/update/accepted"_s, R"({"state":{"reported":{"uptime":0}}})"},
            {u"telemetry/dev-7"_s, R"({"temperature":21})"},
        };
        for (const auto &[topic, payload] : sent)
            QVERIFY(m_publisher->publish(topic, payload, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), int(sent.size()), DefaultTimeoutMs);
        QTest::qWait(300);
        QStringList topics;
        for (int row = 0; row < shown(); ++row)
            topics << m_view->displayModel()->index(row, TrafficModel::TopicColumn).data().toString();
        QVERIFY2(shown() == int(sent.size()), qPrintable(topics.join(u", "_s)));
        for (int row = 0; row < shown(); ++row) {
            QCOMPARE(m_view->displayModel()->index(row, TrafficModel::TopicColumn).data().toString(),
                     sent[row].first);
            QCOMPARE(m_view->displayModel()->index(row, 0).data(TrafficModel::PayloadRole).toByteArray(),
                     sent[row].second);
        }
    }

    // The table holds still under a selected row: new rows do not scroll it, and rows the cap evicts from the
    // top do not move what is on screen.
    void selectionHoldsStill()
    {
        constexpr int Cap = 200;
        m_view->trafficModel()->setCapacity(Cap);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(useFilter(u"still/#"_s));
        auto *table = m_view->findChild<QTreeView *>(u"trafficTable"_s);
        publishMany(u"still/s"_s, Cap);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), Cap, DefaultTimeoutMs);
        QTRY_COMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
        select(Cap - 5);
        QVERIFY(m_view->selectedMessage());
        const QByteArray picked = m_view->selectedMessage()->payload();
        QCOMPARE(picked, QByteArray::number(Cap - 5));
        const QString topRowPayload =
            table->indexAt(QPoint(5, 5)).siblingAtColumn(TrafficModel::PayloadColumn).data().toString();

        publishMany(u"still/s"_s, 50);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->trafficModel()->totalMessages(), qint64(Cap + 50),
                                  DefaultTimeoutMs);
        QTRY_COMPARE(m_view->displayModel()->index(Cap - 1, TrafficModel::PayloadColumn).data().toString(),
                     u"49"_s);
        QCoreApplication::processEvents();
        QCOMPARE(m_view->selectedMessage()->payload(), picked);
        QCOMPARE(table->currentIndex().siblingAtColumn(TrafficModel::PayloadColumn).data().toString(),
                 QString::fromUtf8(picked));
        QCOMPARE(table->indexAt(QPoint(5, 5)).siblingAtColumn(TrafficModel::PayloadColumn).data().toString(),
                 topRowPayload);
    }

    void searchNarrowsTheDisplay()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        m_publisher->publish(u"lab/kitchen"_s, "1");
        m_publisher->publish(u"lab/garage"_s, "2");
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->lastValueModel()->rowCount(), 2, DefaultTimeoutMs);
        m_view->findChild<QLineEdit *>(u"searchEdit"_s)->setText(u"KITCH"_s);
        QCOMPARE(shown(), 1);
        QCOMPARE(m_view->trafficModel()->rowCount(), 2);
        // The last values too.
        const QAbstractItemModel *lastValues = m_view->findChild<QTreeView *>(u"lastValueTable"_s)->model();
        QCOMPARE(lastValues->rowCount(), 1);
        QCOMPARE(lastValues->index(0, LastValueModel::TopicColumn).data().toString(), u"lab/kitchen"_s);
    }

    void pauseFreezesAndResumeCatchesUp()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        m_publisher->publish(u"lab/a"_s, "before");
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, DefaultTimeoutMs);
        auto *pause = m_view->findChild<QAbstractButton *>(u"pauseButton"_s);
        QVERIFY(pause);
        pause->click();
        QVERIFY(m_view->isPaused());
        const qint64 total = m_view->trafficModel()->totalMessages();
        for (int i = 0; i < 5; ++i)
            m_publisher->publish(u"lab/a"_s, QByteArray::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->trafficModel()->totalMessages(), total + 5, DefaultTimeoutMs);
        QCOMPARE(shown(), 1);
        auto *label = m_view->findChild<QLabel *>(u"pauseLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"5"_s), DefaultTimeoutMs);
        QVERIFY(label->text().contains(u"Paused"_s));
        // The last value per topic caught up at resume, not message by message.
        pause->click();
        QVERIFY(!m_view->isPaused());
        QCOMPARE(m_view->lastValueModel()->index(0, 0).data(LastValueModel::PayloadRole).toByteArray(),
                 "4"_ba);
        m_publisher->publish(u"lab/a"_s, "after");
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        QCOMPARE(m_view->displayModel()->index(1, TrafficModel::PayloadColumn).data().toString(), u"after"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(u"5 messages arrived while paused"_s),
                                 DefaultTimeoutMs);
    }

    void detailsJsonAndHex()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        m_publisher->publish(u"lab/json"_s, "{\"zeta\":1,\"alpha\":[true,null]}", 1);
        m_publisher->publish(u"lab/bin"_s, QByteArray("\xde\xad\xbe\xef\x00\x01", 6));
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        auto *payload = m_view->findChild<QPlainTextEdit *>(u"detailsPayload"_s);
        auto *kind = m_view->findChild<QLabel *>(u"payloadKindLabel"_s);
        auto *properties = m_view->findChild<QPlainTextEdit *>(u"detailsProperties"_s);

        select(rowOf(u"lab/json"_s));
        // Indented, keys in the order the device sent them.
        QCOMPARE(payload->toPlainText(), u"{\n  \"zeta\": 1,\n  \"alpha\": [\n    true,\n    null\n  ]\n}"_s);
        QCOMPARE(kind->text(), u"JSON"_s);
        QVERIFY(properties->toPlainText().contains(u"Topic: lab/json"_s));
        QVERIFY(properties->toPlainText().contains(u"QoS: 1"_s));
        QVERIFY(properties->toPlainText().contains(u"Retained: no"_s));

        // The hex toggle, on any payload.
        m_view->findChild<QCheckBox *>(u"hexToggle"_s)->setChecked(true);
        QVERIFY(m_view->hexMode());
        QVERIFY(payload->toPlainText().startsWith(u"00000000  7b 22 7a 65"_s));
        m_view->setHexMode(false);

        // A binary payload is dumped in hex whatever the toggle says.
        select(rowOf(u"lab/bin"_s));
        QVERIFY2(payload->toPlainText().startsWith(u"00000000  de ad be ef 00 01"_s),
                 qPrintable(payload->toPlainText()));
        QVERIFY(payload->toPlainText().contains(u"|......|"_s));
        QVERIFY(kind->text().contains(u"hex"_s));

        // A retained message reaches a later subscription flagged as such.
        QSignalSpy sent(m_publisher.get(), &MqttClient::messageSent);
        m_publisher->publish(u"kept/state"_s, "on", 1, true);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 1, DefaultTimeoutMs);
        QVERIFY(useFilter(u"kept/#"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"kept/state"_s) >= 0, DefaultTimeoutMs);
        select(rowOf(u"kept/state"_s));
        QVERIFY(properties->toPlainText().contains(u"Retained: yes"_s));
        // Cleared, so that no other test receives it.
        m_publisher->publish(u"kept/state"_s, QByteArray(), 1, true);
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(), 2, DefaultTimeoutMs);
    }

    // One click on a row shows it, in either table, even the row that was current before a click in the
    // other table; and both tables copy what they show.
    void oneClickShowsTheRowInEitherTable()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(useFilter(u"click/#"_s));
        QVERIFY(m_publisher->publish(u"click/a"_s, "first", 1) > 0);
        QVERIFY(m_publisher->publish(u"click/b"_s, "second", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->lastValueModel()->rowCount(), 2, DefaultTimeoutMs);
        auto *table = m_view->findChild<QTreeView *>(u"trafficTable"_s);
        auto *lastValues = m_view->findChild<QTreeView *>(u"lastValueTable"_s);
        const auto click = [](QTreeView *view, const QModelIndex &index) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        };
        const auto shownTopic = [this] {
            const std::optional<MqttMessage> message = m_view->selectedMessage();
            return message ? message->topic() : QString();
        };
        const QModelIndex a = m_view->displayModel()->index(rowOf(u"click/a"_s), TrafficModel::TopicColumn);
        const QModelIndex b = lastValues->model()->index(1, LastValueModel::TopicColumn); // sorted by topic
        QCOMPARE(b.data().toString(), u"click/b"_s);

        click(table, a);
        QCOMPARE(shownTopic(), u"click/a"_s);
        click(lastValues, b);
        QCOMPARE(shownTopic(), u"click/b"_s);
        QVERIFY(!table->selectionModel()->hasSelection());
        click(table, a);
        QCOMPARE(shownTopic(), u"click/a"_s);
        QVERIFY(!lastValues->selectionModel()->hasSelection());

        for (QTreeView *view : {table, lastValues})
            QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        QAction *copy = table->findChild<QAction *>(u"copyAction"_s);
        QVERIFY(copy && copy->isEnabled());
        QVERIFY(!lastValues->findChild<QAction *>(u"copyAction"_s)->isEnabled());
        copy->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(u"\tclick/a\t"_s) && text.endsWith(u"\tfirst"_s), qPrintable(text));
    }

    // A payload is whatever anyone published: its tool tip shows it as sent, never rendered as HTML.
    void hostileTextIsShownLiterally()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        const QByteArray hostile = "<b>x</b><img src=x> & more";
        QVERIFY(m_publisher->publish(u"lab/html"_s, hostile, 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, DefaultTimeoutMs);
        const QString tip = m_view->displayModel()
                                ->index(rowOf(u"lab/html"_s), TrafficModel::PayloadColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(Qt::mightBeRichText(tip), qPrintable(tip));
        QTextDocument rendered;
        rendered.setHtml(tip);
        QCOMPARE(rendered.toPlainText(), QString::fromUtf8(hostile));
        // Plain text stays plain.
        QVERIFY(m_publisher->publish(u"lab/plain"_s, "21.5", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        QCOMPARE(m_view->displayModel()
                     ->index(rowOf(u"lab/plain"_s), TrafficModel::PayloadColumn)
                     .data(Qt::ToolTipRole)
                     .toString(),
                 u"21.5"_s);

        // A refused filter is quoted back as typed.
        QVERIFY(!m_view->setTopicFilter(u"<b>a</b>/#/x"_s));
        const auto *error = m_view->findChild<QLabel *>(u"filterErrorLabel"_s);
        QCOMPARE(error->textFormat(), Qt::PlainText);
    }

    void mqtt5Properties()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        MqttMessage message(u"lab/props"_s, "{}", 1);
        MqttProperties &p = message.properties();
        p.payloadFormat = MqttProperties::PayloadFormat::Utf8;
        p.contentType = u"application/json"_s;
        p.responseTopic = u"lab/reply"_s;
        p.correlationData = "corr-42";
        p.messageExpirySeconds = 300;
        p.userProperties = {{u"origin"_s, u"test"_s}, {u"origin"_s, u"again"_s}};
        QVERIFY(m_publisher->publish(message) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, DefaultTimeoutMs);
        select(0);
        const QString text = m_view->findChild<QPlainTextEdit *>(u"detailsProperties"_s)->toPlainText();
        QVERIFY2(text.contains(u"Content type: application/json"_s), qPrintable(text));
        QVERIFY(text.contains(u"Response topic: lab/reply"_s));
        QVERIFY(text.contains(u"Correlation data: 63 6f 72 72 2d 34 32 (corr-42)"_s));
        QVERIFY(text.contains(u"Payload format: UTF-8 text"_s));
        QVERIFY(text.contains(u"User property: origin = test"_s));
        QVERIFY(text.contains(u"User property: origin = again"_s));
        QVERIFY(text.contains(u"Message expiry:"_s));
        QCOMPARE(m_view->selectedMessage()->properties().contentType, std::optional(u"application/json"_s));
    }

    // An Azure IoT Hub message's properties, percent-encoded in its topic, are shown decoded. (A
    // cloud-to-device topic: the session's registry also subscribes to device-to-cloud ones, and overlapping
    // subscriptions still deliver twice, which issue 16 is about.)
    void azurePropertyBags()
    {
        QVERIFY(useFilter(u"devices/#"_s));
        const QString topic =
            u"devices/az-7/messages/devicebound/%24.mid=m-1&%24.ct=application%2Fjson&kind=tele%20metry&a%2Bb=c%3Dd"_s;
        QVERIFY(m_publisher->publish(topic, "{}", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, DefaultTimeoutMs);
        select(rowOf(topic));
        const QString text = m_view->findChild<QPlainTextEdit *>(u"detailsProperties"_s)->toPlainText();
        QVERIFY2(text.contains(u"Azure IoT Hub cloud-to-device message for az-7"_s), qPrintable(text));
        QVERIFY(text.contains(u"System property: Message id = m-1"_s));
        QVERIFY(text.contains(u"System property: Content type = application/json"_s));
        QVERIFY(text.contains(u"Application property: kind = tele metry"_s));
        QVERIFY(text.contains(u"Application property: a+b = c=d"_s));
        // A bag that cannot be read says so, and the rest of the details stay.
        QVERIFY(m_publisher->publish(u"devices/az-7/messages/devicebound/bad%zz"_s, "{}", 1) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        select(rowOf(u"devices/az-7/messages/devicebound/bad%zz"_s));
        const QString broken = m_view->findChild<QPlainTextEdit *>(u"detailsProperties"_s)->toPlainText();
        QVERIFY2(broken.contains(u"Its properties cannot be read"_s), qPrintable(broken));
        QVERIFY(broken.contains(u"Topic: devices/az-7/messages/devicebound/bad%zz"_s));
        QCOMPARE(fleet::TrafficView::azureProperties(u"devices/az-7/messages/events/k=v"_s).value(0),
                 u"Azure IoT Hub device-to-cloud message from az-7"_s);
    }

    void exportWritesJsonLines()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        MqttMessage withProperties(u"lab/text"_s, "caf\xc3\xa9", 1);
        withProperties.properties().contentType = u"text/plain"_s;
        m_publisher->publish(withProperties);
        m_publisher->publish(u"lab/bin"_s, QByteArray("\x00\xff", 2));
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 2, DefaultTimeoutMs);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"traffic.jsonl"_s);
        QString error;
        QVERIFY2(m_view->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines, each ended by '\n'
        QVERIFY(lines.at(2).isEmpty());
        const Json first = Json::parse(lines.at(0).toStdString());
        QCOMPARE(QString::fromStdString(first.at("topic")), u"lab/text"_s);
        QCOMPARE(QString::fromStdString(first.at("payload")), u"caf\u00e9"_s);
        QCOMPARE(first.at("qos").get<int>(), 1);
        QCOMPARE(first.at("retained").get<bool>(), false);
        QCOMPARE(first.at("size").get<int>(), 5);
        QVERIFY(QString::fromStdString(first.at("time")).endsWith(u'Z'));
        QCOMPARE(QString::fromStdString(first.at("properties").at("contentType")), u"text/plain"_s);
        const Json second = Json::parse(lines.at(1).toStdString());
        QVERIFY(!second.contains("payload"));
        QCOMPARE(QString::fromStdString(second.at("payloadBase64")), u"AP8="_s);

        QVERIFY(!m_view->exportTo(dir.filePath(u"no/such/dir/x.jsonl"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void autoScrollOnlyAtBottom()
    {
        QVERIFY(useFilter(u"lab/#"_s));
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        auto *table = m_view->findChild<QTreeView *>(u"trafficTable"_s);
        QScrollBar *bar = table->verticalScrollBar();
        publishMany(u"lab/s"_s, 300);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 300, DefaultTimeoutMs);
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        // Scrolled up: the operator is reading, and stays where they are.
        bar->setValue(0);
        publishMany(u"lab/s"_s, 100);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 400, DefaultTimeoutMs);
        QCOMPARE(bar->value(), 0);
        // Back at the bottom: following again.
        bar->setValue(bar->maximum());
        publishMany(u"lab/s"_s, 100);
        QTRY_COMPARE_WITH_TIMEOUT(shown(), 500, DefaultTimeoutMs);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    // 20,000 messages as fast as the publisher can send them: every one is counted, the table holds the
    // cap, the newest rows are the last ones published, and each topic's last value is right.
    void burstIsAbsorbedAtTheCap()
    {
        constexpr int Count = 20'000;
        constexpr int Topics = 50;
        constexpr int Cap = 2'000;
        m_view->trafficModel()->setCapacity(Cap);
        m_view->show();
        QVERIFY(useFilter(u"burst/#"_s));
        int maxRows = 0;
        connect(m_view->displayModel(), &QAbstractItemModel::rowsInserted, this,
                [&] { maxRows = std::max(maxRows, m_view->displayModel()->rowCount()); });
        QSignalSpy inserts(m_view->displayModel(), &QAbstractItemModel::rowsInserted);
        publishMany(u"burst/t"_s, Count, Topics);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->trafficModel()->totalMessages(), qint64(Count),
                                  6 * DefaultTimeoutMs);
        // The last messages counted are rows after the flush that follows.
        QTRY_COMPARE(m_view->displayModel()->index(Cap - 1, TrafficModel::PayloadColumn).data().toString(),
                     QString::number(Count - 1));
        QCOMPARE(shown(), Cap);
        QCOMPARE(maxRows, Cap);
        // Batched: far fewer inserts than messages.
        QVERIFY2(inserts.count() < Count / 10, qPrintable(QString::number(inserts.count())));
        QTRY_COMPARE(m_view->lastValueModel()->rowCount(), Topics);
        const std::optional<MqttMessage> value =
            m_view->trafficModel()->lastValue(u"burst/t/%1"_s.arg(Topics - 1));
        QVERIFY(value);
        QCOMPARE(value->payload(), QByteArray::number(Count - 1));
    }

private:
    // Sets the filters and waits until the broker granted every subscription of the capture.
    bool useFilter(const QString &filter)
    {
        if (!m_view->setTopicFilter(filter))
            return false;
        const MqttClient &client = *m_session->traffic()->client();
        return QTest::qWaitFor(
            [&] {
                const QStringList wanted = m_session->traffic()->subscribedFilters();
                return client.state() == MqttClient::State::Connected &&
                       int(client.subscriptions().size()) == int(wanted.size()) &&
                       std::all_of(wanted.cbegin(), wanted.cend(),
                                   [&](const QString &f) { return granted(client, f); });
            },
            DefaultTimeoutMs);
    }

    int shown() const { return m_view->displayModel()->rowCount(); }

    // The row of the newest message on topic, or -1.
    int rowOf(const QString &topic) const
    {
        QSortFilterProxyModel *model = m_view->displayModel();
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(TrafficModel::TopicRole).toString() == topic)
                return row;
        }
        return -1;
    }

    void select(int row)
    {
        QVERIFY(row >= 0);
        auto *table = m_view->findChild<QTreeView *>(u"trafficTable"_s);
        table->setCurrentIndex(m_view->displayModel()->index(row, 0));
    }

    // count QoS 0 messages, payload the message's number, on prefix/(i % topics).
    void publishMany(const QString &prefix, int count, int topics = 1)
    {
        for (int i = 0; i < count; ++i) {
            const QString topic = topics > 1 ? u"%1/%2"_s.arg(prefix).arg(i % topics) : prefix;
            QVERIFY(m_publisher->publish(topic, QByteArray::number(i)) > 0);
        }
    }

    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<TrafficView> m_view;
    std::unique_ptr<MqttClient> m_publisher;
};

QTEST_MAIN(TestTrafficView)
#include "tst_trafficview.moc"
