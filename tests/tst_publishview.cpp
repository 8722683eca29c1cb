// PublishView with a real mosquitto, and on a broker secured as `fleet-hub provision` secures one with the
// real fleet-hub and its command gate:
// - every MQTT 5 property set in the form arrives on the wire, as a separate subscriber sees it (content
//   type, response topic, correlation data, user properties in order with a duplicate name, message expiry,
//   payload format), with the QoS and retain flag chosen; hex payloads arrive byte for byte;
// - invalid JSON, hex and topics are refused inline and nothing is published; Format pretty-prints;
// - the history records what was sent and a click loads it back; favourites are saved, loaded, deleted and
//   survive a new view; an MQTT 3.1.1 connection disables the properties and says why;
// - the broker's refusal (an operator's ACL, MQTT 5's "not authorized") is an error, never "sent";
// - THE ATTACK: an operator publishing a sensitive command on a device's request topic lands it in the
//   gate's approvals queue, and the device hears nothing until an approver approves it; a harmless one
//   reaches the device through the gate; a desired change on a shadow's update topic goes through the gate
//   too (held when sensitive), and other gated topics are refused before anything is sent.

#include "brokerobserver.h"
#include "commands/approvalqueue.h"
#include "commands/commandtracker.h"
#include "fleet/fleetsession.h"
#include "mosquittobroker.h"
#include "mqtt/mqttclient.h"
#include "mqtt/publishhistory.h"
#include "mqttpeer.h"
#include "publishview.h"
#include "securedbroker.h"
#include "testutil.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::BrokerProfile;
using fleet::FleetSession;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::MqttProperties;
using fleet::PublishDraft;
using fleet::PublishHistory;
using fleet::PublishView;
using fleet::test::DefaultTimeoutMs;
using fleet::test::MosquittoBroker;
using Outcome = PublishHistory::Outcome;

namespace {

template<typename T>
T *child(const QWidget &parent, const QString &name)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no child %s", qPrintable(name));
    return found;
}

// A subscriber of its own, MQTT 5, at QoS 2 so that the QoS a message was published with is the one it
// arrives with.
struct Subscriber
{
    MqttClient client;
    QList<MqttMessage> received;

    bool start(const BrokerProfile &profile, const QString &filter)
    {
        QObject::connect(&client, &MqttClient::messageReceived,
                         [this](const MqttMessage &m) { received.append(m); });
        client.setProfile(profile);
        return fleet::test::connectAndWait(client) && fleet::test::subscribeAndWait(client, filter, 2);
    }
    std::optional<MqttMessage> waitFor(const QString &topic)
    {
        std::optional<MqttMessage> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const MqttMessage &m : std::as_const(received)) {
                    if (m.topic() == topic)
                        found = m;
                }
                return found.has_value();
            },
            DefaultTimeoutMs);
        return found;
    }
};

} // namespace

class TestPublishView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_publishview"_s);
        QSettings().clear();
        qRegisterMetaType<MqttMessage>();
        m_broker = std::make_unique<MosquittoBroker>(MosquittoBroker::Options::quiet());
        QVERIFY2(m_broker->start(), qPrintable(m_broker->errorString()));
    }

    void init()
    {
        QSettings().clear();
        m_session = std::make_unique<FleetSession>();
        QVERIFY(fleet::test::connectSessionAndWait(*m_session, fleet::test::profileFor(*m_broker)));
        m_subscriber = std::make_unique<Subscriber>();
        QVERIFY(m_subscriber->start(fleet::test::profileFor(*m_broker), u"lab/#"_s));
    }

    void cleanup()
    {
        m_subscriber.reset();
        m_session.reset();
    }

    void cleanupTestCase() { m_broker.reset(); }

    void everyPropertyOnTheWire()
    {
        PublishView view(m_session.get());
        view.show();
        QVERIFY(view.propertiesEnabled());
        QVERIFY(!child<QLabel>(view, u"propertiesNote"_s)->isVisible());
        QTest::keyClicks(child<QLineEdit>(view, u"publishTopic"_s), u"lab/props"_s);
        view.setPayloadFormat(PublishDraft::Format::Json);
        view.setPayloadText(uR"({"temp": 21.5, "unit": "°C"})"_s);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(2);
        QTest::keyClicks(child<QLineEdit>(view, u"contentType"_s), u"application/json"_s);
        QTest::keyClicks(child<QLineEdit>(view, u"responseTopic"_s), u"lab/replies/7"_s);
        QTest::keyClicks(child<QLineEdit>(view, u"correlationData"_s), u"req-42"_s);
        child<QCheckBox>(view, u"messageExpiryEnabled"_s)->setChecked(true);
        child<QSpinBox>(view, u"messageExpiry"_s)->setValue(300);
        auto *indicator = child<QComboBox>(view, u"payloadFormatIndicator"_s);
        indicator->setCurrentIndex(indicator->findData(2)); // UTF-8
        auto *table = child<QTableWidget>(view, u"userProperties"_s);
        auto *add = child<QPushButton>(view, u"addUserProperty"_s);
        const QList<std::pair<QString, QString>> user = {
            {u"site"_s, u"lab"_s}, {u"bench"_s, u"3"_s}, {u"site"_s, u"annex"_s}};
        for (const auto &[name, value] : user) {
            QTest::mouseClick(add, Qt::LeftButton);
            table->item(table->rowCount() - 1, 0)->setText(name);
            table->item(table->rowCount() - 1, 1)->setText(value);
        }
        // An empty row added by mistake, removed again.
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 4);
        table->setCurrentCell(3, 0);
        QTest::mouseClick(child<QPushButton>(view, u"removeUserProperty"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 3);

        QVERIFY2(view.canPublish(), qPrintable(view.validationError()));
        QCOMPARE(view.publishButton()->text(), u"Publish"_s);
        QVERIFY(!child<QLabel>(view, u"routeNote"_s)->isVisible());
        QTest::mouseClick(view.publishButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(u"Sent"_s), DefaultTimeoutMs);
        QVERIFY2(view.statusText().contains(u"QoS 2"_s), qPrintable(view.statusText()));

        const std::optional<MqttMessage> m = m_subscriber->waitFor(u"lab/props"_s);
        QVERIFY(m);
        QCOMPARE(m->payload(), uR"({"temp": 21.5, "unit": "°C"})"_s.toUtf8());
        QCOMPARE(m->qos(), 2);
        QVERIFY(!m->retain());
        const MqttProperties &p = m->properties();
        QCOMPARE(p.contentType, std::optional<QString>(u"application/json"_s));
        QCOMPARE(p.responseTopic, std::optional<QString>(u"lab/replies/7"_s));
        QCOMPARE(p.correlationData, std::optional<QByteArray>("req-42"_ba));
        QCOMPARE(p.payloadFormat, std::optional(MqttProperties::PayloadFormat::Utf8));
        QVERIFY(p.messageExpirySeconds && *p.messageExpirySeconds <= 300 && *p.messageExpirySeconds >= 290);
        QCOMPARE(p.userProperties, (QList<QPair<QString, QString>>{user.begin(), user.end()}));

        QCOMPARE(view.history()->rowCount(), 1);
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Sent);
        // The history keeps what was set (the broker counts the expiry down on the way).
        const MqttProperties kept = view.history()->entry(0)->draft.properties;
        QCOMPARE(kept.userProperties, p.userProperties);
        QCOMPARE(kept.messageExpirySeconds, std::optional<quint32>(300));
        QCOMPARE(kept.correlationData, p.correlationData);
    }

    void retainAndQosOnTheWire()
    {
        PublishView view(m_session.get());
        view.setTopic(u"lab/retained"_s);
        view.setPayloadText(u"kept"_s);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(1);
        child<QCheckBox>(view, u"retain"_s)->setChecked(true);
        QVERIFY(view.publish());
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(u"Sent"_s), DefaultTimeoutMs);
        // A late subscriber gets it from the broker's retained store.
        Subscriber late;
        QVERIFY(late.start(fleet::test::profileFor(*m_broker), u"lab/retained"_s));
        const std::optional<MqttMessage> m = late.waitFor(u"lab/retained"_s);
        QVERIFY(m);
        QVERIFY(m->retain());
        QCOMPARE(m->qos(), 1);
        QCOMPARE(m->payload(), "kept"_ba);
        QVERIFY(m->properties().isEmpty()); // nothing set, nothing sent
        // QoS 0: "sent" means it left this client, and says so.
        child<QCheckBox>(view, u"retain"_s)->setChecked(false);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(0);
        view.setTopic(u"lab/qos0"_s);
        QVERIFY(view.publish());
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(u"left this client"_s), DefaultTimeoutMs);
        QVERIFY(m_subscriber->waitFor(u"lab/qos0"_s));
        // An empty retained message clears it, for the tests after this one.
        view.setTopic(u"lab/retained"_s);
        view.setPayloadText(QString());
        child<QCheckBox>(view, u"retain"_s)->setChecked(true);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(1);
        QVERIFY(view.publish());
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(u"Sent"_s), DefaultTimeoutMs);
    }

    void hexPayloadBytesExact()
    {
        PublishView view(m_session.get());
        view.setTopic(u"lab/hex"_s);
        view.setPayloadFormat(PublishDraft::Format::Hex);
        view.setPayloadText(u"de ad be ef\n00 ff 7f 80"_s);
        QVERIFY2(view.publish(), qPrintable(view.validationError()));
        std::optional<MqttMessage> m = m_subscriber->waitFor(u"lab/hex"_s);
        QVERIFY(m);
        QCOMPARE(m->payload(), "\xde\xad\xbe\xef\x00\xff\x7f\x80"_ba);
        // Without spaces, upper case.
        view.setTopic(u"lab/hex2"_s);
        view.setPayloadText(u"DEADBEEF"_s);
        QVERIFY(view.publish());
        m = m_subscriber->waitFor(u"lab/hex2"_s);
        QVERIFY(m);
        QCOMPARE(m->payload(), "\xde\xad\xbe\xef"_ba);
        // Text and hex convert into each other; bytes that are not text stay hex.
        view.setPayloadFormat(PublishDraft::Format::Text);
        QCOMPARE(view.payloadFormat(), PublishDraft::Format::Hex);
        QCOMPARE(view.payloadText(), u"DEADBEEF"_s);
        QVERIFY(view.statusText().contains(u"not UTF-8"_s));
        view.setPayloadText(u"41 42 43"_s);
        view.setPayloadFormat(PublishDraft::Format::Text);
        QCOMPARE(view.payloadText(), u"ABC"_s);
        view.setPayloadFormat(PublishDraft::Format::Hex);
        QCOMPARE(view.payloadText(), u"41 42 43"_s);
        // The history keeps the bytes, and the format to show them in.
        QCOMPARE(view.history()->entry(0)->draft.payload, "\xde\xad\xbe\xef"_ba);
        QCOMPARE(view.history()->entry(0)->draft.format, PublishDraft::Format::Hex);
    }

    void invalidInputIsRefusedInline()
    {
        PublishView view(m_session.get());
        view.show();
        auto *payloadError = child<QLabel>(view, u"payloadError"_s);
        auto *topicError = child<QLabel>(view, u"topicError"_s);
        view.setTopic(u"lab/invalid"_s);

        view.setPayloadFormat(PublishDraft::Format::Json);
        view.setPayloadText(u"{\n  \"a\": 1,\n  \"b\": }"_s);
        QVERIFY(payloadError->isVisible());
        QVERIFY2(payloadError->text().startsWith(u"Line 3, column 8"_s), qPrintable(payloadError->text()));
        QVERIFY(!view.publishButton()->isEnabled());
        QVERIFY(!view.publish());
        QVERIFY(view.statusText().startsWith(u"Not sent"_s));
        // Formatting refuses it as well; valid JSON is pretty-printed.
        QVERIFY(!view.formatPayload());
        view.setPayloadText(uR"({"a":1,"b":[true,null]})"_s);
        QVERIFY(!payloadError->isVisible());
        QTest::mouseClick(child<QPushButton>(view, u"formatPayload"_s), Qt::LeftButton);
        QCOMPARE(view.payloadText(), u"{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}"_s);

        view.setPayloadFormat(PublishDraft::Format::Hex);
        view.setPayloadText(u"de ad b"_s);
        QVERIFY(payloadError->isVisible());
        QVERIFY2(payloadError->text().contains(u"odd number"_s), qPrintable(payloadError->text()));
        QVERIFY(!view.publish());
        view.setPayloadText(u"de zz"_s);
        QVERIFY2(payloadError->text().startsWith(u"Line 1, column 4"_s), qPrintable(payloadError->text()));
        QVERIFY(!view.publish());
        view.setPayloadText(u"0x01"_s);
        QVERIFY(!view.canPublish());

        view.setPayloadFormat(PublishDraft::Format::Text);
        view.setPayloadText(u"fine"_s);
        QVERIFY(view.canPublish());
        for (const QString &topic : {u"lab/+/x"_s, u"lab/#"_s, u"#"_s}) {
            view.setTopic(topic);
            QVERIFY(topicError->isVisible());
            QVERIFY2(topicError->text().contains(u"wildcard"_s), qPrintable(topicError->text()));
            QVERIFY(!view.publish());
        }
        view.setTopic(QString());
        QVERIFY(topicError->isVisible());
        QVERIFY(!view.publish());
        // A response topic with a wildcard, and a UTF-8 declaration for bytes that are not.
        view.setTopic(u"lab/invalid"_s);
        child<QLineEdit>(view, u"responseTopic"_s)->setText(u"lab/+"_s);
        QVERIFY(child<QLabel>(view, u"propertyError"_s)->isVisible());
        QVERIFY(!view.publish());
        child<QLineEdit>(view, u"responseTopic"_s)->clear();
        view.setPayloadFormat(PublishDraft::Format::Hex);
        view.setPayloadText(u"ff fe"_s);
        auto *indicator = child<QComboBox>(view, u"payloadFormatIndicator"_s);
        indicator->setCurrentIndex(indicator->findData(2));
        QVERIFY(child<QLabel>(view, u"propertyError"_s)->text().contains(u"UTF-8"_s));
        QVERIFY(!view.publish());

        // Nothing of it was published, nor recorded: the next message is the first the subscriber sees.
        indicator->setCurrentIndex(0);
        view.setTopic(u"lab/sentinel"_s);
        QVERIFY(view.publish());
        QVERIFY(m_subscriber->waitFor(u"lab/sentinel"_s));
        QCOMPARE(m_subscriber->received.size(), 1);
        QCOMPARE(view.history()->rowCount(), 1);
    }

    void notConnectedIsAnErrorNotSent()
    {
        FleetSession offline; // never connected
        PublishView view(&offline);
        view.setTopic(u"lab/offline"_s);
        view.setPayloadText(u"x"_s);
        QVERIFY(!view.publish());
        QVERIFY2(view.statusText().contains(u"not connected"_s), qPrintable(view.statusText()));
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Refused);
    }

    // The client's own refusals: a payload over its limit, the in-flight window full.
    void localRefusalsAreErrors()
    {
        PublishView view(m_session.get());
        view.setTopic(u"lab/local"_s);
        m_session->client()->setMaximumPayloadSize(4);
        view.setPayloadText(u"too long"_s);
        QVERIFY(!view.publish());
        QVERIFY2(view.statusText().startsWith(u"Not sent"_s) && view.statusText().contains(u"exceeds"_s),
                 qPrintable(view.statusText()));
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Refused);
        m_session->client()->setMaximumPayloadSize(1024 * 1024);

        m_session->client()->setMaxInFlight(1);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(1);
        view.setPayloadText(u"first"_s);
        QVERIFY(view.publish()); // under way: its acknowledgement needs the event loop
        QVERIFY(view.statusText().startsWith(u"Waiting for the broker"_s));
        view.setPayloadText(u"second"_s);
        QVERIFY(!view.publish());
        QVERIFY2(view.statusText().contains(u"awaiting acknowledgement"_s), qPrintable(view.statusText()));
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Refused);
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(1)->outcome, Outcome::Sent, DefaultTimeoutMs);
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Refused); // the first's answer is its own
    }

    void historyRecordsAndReloads()
    {
        PublishView view(m_session.get());
        view.resize(1000, 700);
        view.show();
        view.setTopic(u"lab/first"_s);
        view.setPayloadText(u"one"_s);
        child<QLineEdit>(view, u"contentType"_s)->setText(u"text/plain"_s);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(1);
        QVERIFY(view.publish());
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Sent, DefaultTimeoutMs);
        view.setTopic(u"lab/second"_s);
        view.setPayloadFormat(PublishDraft::Format::Json);
        view.setPayloadText(u"[2]"_s);
        child<QLineEdit>(view, u"contentType"_s)->clear();
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(0);
        QVERIFY(view.publish());
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Sent, DefaultTimeoutMs);

        auto *list = child<QListView>(view, u"publishHistory"_s);
        QCOMPARE(list->model()->rowCount(), 2);
        QVERIFY2(list->model()->index(0, 0).data().toString().contains(u"lab/second"_s),
                 qPrintable(list->model()->index(0, 0).data().toString()));
        QVERIFY(list->model()->index(0, 0).data().toString().contains(u"sent"_s));
        QVERIFY(list->model()->index(1, 0).data(Qt::ToolTipRole).toString().contains(u"one"_s));
        // A click on the older one brings it back, properties and all.
        const QRect rect = list->visualRect(list->model()->index(1, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view.topic(), u"lab/first"_s);
        QCOMPARE(view.payloadText(), u"one"_s);
        QCOMPARE(view.payloadFormat(), PublishDraft::Format::Text);
        QCOMPARE(child<QComboBox>(view, u"qos"_s)->currentData().toInt(), 1);
        QCOMPARE(child<QLineEdit>(view, u"contentType"_s)->text(), u"text/plain"_s);
        QVERIFY(view.loadHistoryEntry(0));
        QCOMPARE(view.topic(), u"lab/second"_s);
        QCOMPARE(view.payloadFormat(), PublishDraft::Format::Json);
        QVERIFY(child<QLineEdit>(view, u"contentType"_s)->text().isEmpty());
        QVERIFY(!view.loadHistoryEntry(2));
    }

    void favouritesSurviveANewView()
    {
        PublishDraft saved;
        {
            PublishView view(m_session.get());
            view.setTopic(u"lab/fav"_s);
            view.setPayloadFormat(PublishDraft::Format::Hex);
            view.setPayloadText(u"01 02 03"_s);
            child<QCheckBox>(view, u"retain"_s)->setChecked(true);
            child<QTableWidget>(view, u"userProperties"_s)->setRowCount(0);
            MqttProperties p;
            p.userProperties = {{u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}};
            p.correlationData = "c"_ba;
            PublishDraft d = *view.draft();
            d.properties = p;
            view.loadDraft(d);
            saved = *view.draft();
            QTest::keyClicks(child<QLineEdit>(view, u"favouriteName"_s), u"Bench reset"_s);
            QTest::mouseClick(child<QPushButton>(view, u"saveFavourite"_s), Qt::LeftButton);
            QVERIFY2(view.statusText().contains(u"Saved"_s), qPrintable(view.statusText()));
            QCOMPARE(child<QComboBox>(view, u"favourites"_s)->currentText(), u"Bench reset"_s);
            // The form changes; loading brings the favourite back.
            view.setTopic(u"lab/other"_s);
            view.setPayloadFormat(PublishDraft::Format::Text);
            QVERIFY(view.loadFavourite(u"Bench reset"_s));
            QCOMPARE(*view.draft(), saved);
            QVERIFY(!view.saveFavourite(u"  "_s));
        }
        {
            PublishView again(m_session.get());
            auto *favourites = child<QComboBox>(again, u"favourites"_s);
            QCOMPARE(favourites->count(), 1);
            QCOMPARE(favourites->itemText(0), u"Bench reset"_s);
            QTest::mouseClick(child<QPushButton>(again, u"loadFavourite"_s), Qt::LeftButton);
            QCOMPARE(again.topic(), u"lab/fav"_s);
            QCOMPARE(*again.draft(), saved);
            QCOMPARE(again.payloadText(), u"01 02 03"_s);
            QTest::mouseClick(child<QPushButton>(again, u"deleteFavourite"_s), Qt::LeftButton);
            QCOMPARE(favourites->count(), 0);
            QVERIFY(!again.loadFavourite(u"Bench reset"_s));
        }
        PublishView third(m_session.get());
        QCOMPARE(child<QComboBox>(third, u"favourites"_s)->count(), 0);
    }

    void mqtt311DisablesProperties()
    {
        FleetSession session;
        BrokerProfile profile = fleet::test::profileFor(*m_broker);
        profile.protocolVersion = BrokerProfile::ProtocolVersion::Mqtt311;
        QVERIFY(fleet::test::connectSessionAndWait(session, profile));
        PublishView view(&session);
        view.show();
        QVERIFY(!view.propertiesEnabled());
        QVERIFY(!child<QGroupBox>(view, u"mqtt5Properties"_s)->isEnabled());
        auto *note = child<QLabel>(view, u"propertiesNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"MQTT 3.1.1"_s), qPrintable(note->text()));
        // Properties loaded into the form (from a favourite saved on MQTT 5, say) are not sent: the client
        // would refuse the whole message.
        PublishDraft d;
        d.topic = u"lab/v311"_s;
        d.payload = "old"_ba;
        d.qos = 1;
        d.properties.userProperties = {{u"x"_s, u"y"_s}};
        d.properties.contentType = u"text/plain"_s;
        view.loadDraft(d);
        QVERIFY2(view.publish(), qPrintable(view.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().startsWith(u"Sent"_s), DefaultTimeoutMs);
        QVERIFY2(view.statusText().contains(u"3.1.1"_s), qPrintable(view.statusText()));
        const std::optional<MqttMessage> m = m_subscriber->waitFor(u"lab/v311"_s);
        QVERIFY(m);
        QVERIFY(m->properties().userProperties.isEmpty());
        QVERIFY(!m->properties().contentType);
        QVERIFY(view.history()->entry(0)->draft.properties.isEmpty()); // what was sent
    }

    // An operator may not write lab/…: mosquitto answers the QoS 1 PUBLISH with PUBACK 0x87.
    void brokerRefusalIsAnError()
    {
        fleet::test::SecuredBroker stack;
        QString error;
        QVERIFY2(stack.start(1, &error), qPrintable(error));
        FleetSession session;
        QVERIFY(fleet::test::connectSessionAndWait(session, stack.profileFor(u"alice"_s, u"alice-publish"_s),
                                                   stack.password(u"alice"_s)));
        PublishView view(&session);
        view.setTopic(u"lab/denied"_s);
        view.setPayloadText(u"x"_s);
        child<QComboBox>(view, u"qos"_s)->setCurrentIndex(1);
        QSignalSpy outcomes(&view, &PublishView::outcomeChanged);
        QVERIFY(view.publish());
        QTRY_VERIFY_WITH_TIMEOUT(view.history()->entry(0)->outcome != Outcome::Pending, DefaultTimeoutMs);
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Refused);
        QVERIFY2(view.statusText().startsWith(u"Refused by the broker"_s), qPrintable(view.statusText()));
        QVERIFY2(view.statusText().contains(u"authori"_s, Qt::CaseInsensitive),
                 qPrintable(view.statusText()));
        for (const QList<QVariant> &args : std::as_const(outcomes))
            QVERIFY(args.at(1).value<Outcome>() != Outcome::Sent);
    }

    // THE ATTACK: alice, an operator, types a reboot straight onto dev-1's request topic.
    void requestTopicGoesThroughTheGate()
    {
        fleet::test::SecuredBroker stack;
        QString error;
        QVERIFY2(stack.start(2, &error), qPrintable(error));
        QVERIFY2(stack.startHub(), qPrintable(stack.hub().log()));
        std::optional<fleet::test::MqttPeer> device = stack.peer(u"dev-1"_s, {u"cmd/dev-1/req"_s});
        QVERIFY(device);
        QTemporaryDir dir;
        FleetSession alice;
        QVERIFY2(alice.open(dir.filePath(u"alice.ledger"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(alice, stack.profileFor(u"alice"_s, u"alice-console"_s),
                                                   stack.password(u"alice"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(alice.approvals()->gateEnforced(), DefaultTimeoutMs);

        PublishView view(&alice);
        view.show();
        view.setTopic(u"cmd/dev-1/req"_s);
        auto *note = child<QLabel>(view, u"routeNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"dev-1's command request topic"_s) &&
                     note->text().contains(u"command gate"_s),
                 qPrintable(note->text()));
        QCOMPARE(view.publishButton()->text(), u"Send as command"_s);
        // MQTT 5 properties the command path does not carry are named before sending.
        child<QLineEdit>(view, u"contentType"_s)->setText(u"application/json"_s);
        auto *ignored = child<QLabel>(view, u"ignoredNote"_s);
        QVERIFY(ignored->isVisible());
        QVERIFY2(ignored->text().contains(u"MQTT 5 properties"_s), qPrintable(ignored->text()));

        const QByteArray reboot = R"({"cmd":"reboot","tid":"ATTACK-1","status":"REQUEST"})";
        view.setPayloadFormat(PublishDraft::Format::Json);
        view.setPayloadText(QString::fromUtf8(reboot));
        QVERIFY2(view.publish(), qPrintable(view.statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Held, DefaultTimeoutMs);
        QVERIFY2(view.statusText().contains(u"approval"_s), qPrintable(view.statusText()));
        QCOMPARE(view.history()->entry(0)->route, PublishHistory::Route::Command);
        // What went out: the command path's QoS, none of the form's properties.
        QCOMPARE(view.history()->entry(0)->draft.qos, 1);
        QVERIFY(view.history()->entry(0)->draft.properties.isEmpty());
        QCOMPARE(view.history()->entry(0)->draft.payload, reboot);
        // It is the gate's: in the approvals queue, alice's, for dev-1, with the payload as typed.
        const QList<fleet::CommandExecution> executions = alice.tracker()->executions();
        QCOMPARE(executions.size(), 1);
        QCOMPARE(executions.constFirst().command, QString(fleet::CommandTracker::RawCommand));
        QCOMPARE(executions.constFirst().device, u"dev-1"_s);
        // Tracked as held, not as Sent and waiting for a reply (it used to time out after 10 s).
        QTRY_COMPARE_WITH_TIMEOUT(alice.tracker()->execution(executions.constFirst().id)->state,
                                  fleet::CommandExecution::State::AwaitingApproval, DefaultTimeoutMs);
        const QString key = u"alice/"_s + executions.constFirst().id;
        QTRY_VERIFY_WITH_TIMEOUT(alice.approvals()->request(key).has_value(), DefaultTimeoutMs);
        const fleet::ApprovalRequest held = *alice.approvals()->request(key);
        QCOMPARE(held.state, fleet::ApprovalRequest::State::Pending);
        QCOMPARE(held.device, u"dev-1"_s);
        QCOMPARE(held.topic, u"cmd/dev-1/req"_s);
        // And nothing reached the device.
        QTest::qWait(1000);
        QCOMPARE(device->count(u"cmd/dev-1/req"_s), 0);

        // bob approves it: only now does the gate send it, as typed.
        FleetSession bob;
        QVERIFY2(bob.open(dir.filePath(u"bob.ledger"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(bob, stack.profileFor(u"bob"_s, u"bob-console"_s),
                                                   stack.password(u"bob"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(bob.approvals()->request(key).has_value(), DefaultTimeoutMs);
        QVERIFY2(bob.approvals()->approve(key, u"checked"_s, &error), qPrintable(error));
        const std::optional<MqttMessage> sent = device->take(u"cmd/dev-1/req"_s);
        QVERIFY(sent);
        QCOMPARE(sent->payload(), reboot);
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Sent, DefaultTimeoutMs);
        QVERIFY2(view.statusText().contains(u"bob"_s), qPrintable(view.statusText()));

        // A harmless catalog command typed as a free-form payload: the gate sends it at once.
        const QByteArray led =
            R"({"cmd":"set_led","tid":"LED-1","status":"REQUEST","params":{"color":"red"}})";
        view.setPayloadText(QString::fromUtf8(led));
        QVERIFY(view.publish());
        const std::optional<MqttMessage> relayed = device->take(u"cmd/dev-1/req"_s);
        QVERIFY(relayed);
        QCOMPARE(relayed->payload(), led);
        QCOMPARE(view.history()->entry(0)->outcome, Outcome::Sent);
        QVERIFY(view.history()->entry(0)->detail.contains(u"command gate"_s));
    }

    void shadowAndOtherGatedTopics()
    {
        fleet::test::SecuredBroker stack;
        QString error;
        QVERIFY2(stack.start(1, &error), qPrintable(error));
        QVERIFY2(stack.startHub(), qPrintable(stack.hub().log()));
        std::optional<fleet::test::MqttPeer> device =
            stack.peer(u"dev-1"_s, {u"$aws/things/dev-1/shadow/update/delta"_s});
        QVERIFY(device);
        QTemporaryDir dir;
        FleetSession alice;
        QVERIFY2(alice.open(dir.filePath(u"alice.ledger"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(alice, stack.profileFor(u"alice"_s, u"alice-console"_s),
                                                   stack.password(u"alice"_s)));
        QTRY_VERIFY_WITH_TIMEOUT(alice.approvals()->gateEnforced(), DefaultTimeoutMs);
        PublishView view(&alice);
        view.show();

        // A desired change on the shadow's update topic: through the gate, to the device's delta.
        view.setTopic(u"$aws/things/dev-1/shadow/update"_s);
        view.setPayloadFormat(PublishDraft::Format::Json);
        view.setPayloadText(uR"({"state":{"desired":{"led":"blue"}}})"_s);
        QVERIFY(child<QLabel>(view, u"routeNote"_s)->text().contains(u"desired"_s));
        QCOMPARE(view.publishButton()->text(), u"Send desired change"_s);
        QVERIFY(view.publish());
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Sent, DefaultTimeoutMs);
        QVERIFY2(view.statusText().contains(u"applied at version"_s), qPrintable(view.statusText()));
        QVERIFY(device->take(u"$aws/things/dev-1/shadow/update/delta"_s));
        QCOMPARE(view.history()->entry(0)->route, PublishHistory::Route::Desired);
        // A sensitive desired key (the catalog's "position"): held for an approver, the device told nothing.
        view.setPayloadText(uR"({"state":{"desired":{"position":40}}})"_s);
        QVERIFY(view.publish());
        QTRY_COMPARE_WITH_TIMEOUT(view.history()->entry(0)->outcome, Outcome::Held, DefaultTimeoutMs);
        QTest::qWait(500);
        QCOMPARE(device->count(u"$aws/things/dev-1/shadow/update/delta"_s), 0);

        // Reported state, a group, an AWS IoT command, a twin: refused before anything is sent.
        view.setPayloadText(uR"({"state":{"reported":{"led":"blue"}}})"_s);
        QVERIFY(child<QLabel>(view, u"routeProblem"_s)->isVisible());
        QVERIFY(!view.publishButton()->isEnabled());
        const int rows = view.history()->rowCount();
        for (const QString &topic :
             {u"cmd/group/group-1/req"_s, u"$aws/commands/things/dev-1/executions/x/request/json"_s,
              u"$iothub/twin/PATCH/properties/desired/?$version=2"_s,
              u"fleet/gate/submit/alice/cmd/dev-1/req"_s}) {
            view.setTopic(topic);
            QVERIFY2(!view.canPublish(), qPrintable(topic));
            QVERIFY(!view.publish());
            QVERIFY2(view.statusText().startsWith(u"Not sent"_s), qPrintable(view.statusText()));
        }
        QCOMPARE(view.history()->rowCount(), rows);
    }

private:
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<Subscriber> m_subscriber;
};

QTEST_MAIN(TestPublishView)
#include "tst_publishview.moc"
