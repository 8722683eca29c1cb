// CloudMessageDialog on a real mosquitto with the fleet_iothub plugin and a real fleet-hub: a cloud-to-device
// message with its system and application properties, held by the gate (free-form) until bob approves it,
// then on the device's topic with every property; what the dialog refuses before sending.

#include "brokerobserver.h"
#include "cloudmessagedialog.h"
#include "common/json.h"
#include "dialects/azurepropertybag.h"
#include "fleet/fleetsession.h"
#include "mqtt/mqttclient.h"
#include "securedbroker.h"

#include <QDateTime>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using fleet::CloudMessageDialog;
using fleet::FleetSession;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::test::DefaultTimeoutMs;

class TestCloudMessageDialog final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    std::unique_ptr<MqttClient> m_device;
    QList<MqttMessage> m_received;
    std::unique_ptr<FleetSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stack.start(1, &error, 1), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        m_device = std::make_unique<MqttClient>();
        m_device->setProfile(m_stack.azureDeviceProfile(u"az-1"_s));
        m_device->setPassword(m_stack.azureToken(u"az-1"_s));
        connect(m_device.get(), &MqttClient::messageReceived, this,
                [this](const MqttMessage &m) { m_received.append(m); });
        QSignalSpy connected(m_device.get(), &MqttClient::connected);
        m_device->connectToBroker();
        QVERIFY(connected.wait(DefaultTimeoutMs));
        QVERIFY(fleet::test::subscribeAndWait(*m_device, u"devices/az-1/messages/devicebound/#"_s));

        m_session = std::make_unique<FleetSession>();
        QVERIFY2(m_session->open(m_stack.filePath(u"alice.ledger"_s), &error), qPrintable(error));
        QVERIFY(fleet::test::connectSessionAndWait(
            *m_session, m_stack.profileFor(u"alice"_s, u"alice-console"_s), m_stack.password(u"alice"_s)));
    }

    void sendsWithPropertiesThroughTheGate()
    {
        CloudMessageDialog dialog(m_session.get(), u"az-1"_s);
        dialog.show();
        dialog.payloadEdit()->setPlainText(uR"({"alert":"check the filter"})"_s);
        dialog.messageIdEdit()->setText(u"maint-7"_s);
        dialog.contentTypeEdit()->setText(u"application/json"_s);
        dialog.propertiesEdit()->setPlainText(u"priority=high\nsite = plant 2\n"_s);
        QVERIFY2(dialog.sendButton()->isEnabled(), qPrintable(dialog.problem()));
        QVERIFY(dialog.send());
        // Free-form, so held under the default catalog until another person approves it.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.status().contains(u"Held for an approval"_s), DefaultTimeoutMs);
        QVERIFY(!dialog.sendButton()->isEnabled());

        MqttClient bob;
        bob.setProfile(m_stack.profileFor(u"bob"_s, u"bob-approver"_s));
        bob.setPassword(m_stack.password(u"bob"_s));
        QList<MqttMessage> approvals;
        connect(&bob, &MqttClient::messageReceived, this, [&](const MqttMessage &m) { approvals.append(m); });
        QSignalSpy connected(&bob, &MqttClient::connected);
        bob.connectToBroker();
        QVERIFY(connected.wait(DefaultTimeoutMs));
        QVERIFY(fleet::test::subscribeAndWait(bob, u"fleet/gate/approvals/alice/maint-7"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!approvals.isEmpty(), DefaultTimeoutMs);
        const QByteArray record = approvals.constFirst().payload();
        const Json approval = Json::parse(record.cbegin(), record.cend(), nullptr, false);
        bob.publish(
            u"fleet/gate/decisions/alice/maint-7/bob"_s,
            fleet::compactJsonBytes({{"decision", "approve"}, {"digest", approval.value("digest", "")}}), 1);

        QTRY_VERIFY_WITH_TIMEOUT(dialog.status().contains(u"Sent as message maint-7"_s), DefaultTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 1, DefaultTimeoutMs);
        const MqttMessage &message = m_received.constFirst();
        QCOMPARE(message.payload(), QByteArray(R"({"alert":"check the filter"})"));
        const auto split = fleet::AzurePropertyBag::splitTopic(
            message.topic(), fleet::AzurePropertyBag::Direction::CloudToDevice);
        QVERIFY(split);
        QCOMPARE(split->first, u"az-1"_s);
        QString why;
        const auto bag = fleet::AzurePropertyBag::decode(split->second, &why);
        QVERIFY2(bag, qPrintable(why));
        QVERIFY(bag->system.contains({u"$.mid"_s, u"maint-7"_s}));
        QVERIFY(bag->system.contains({u"$.ct"_s, u"application/json"_s}));
        QVERIFY(bag->application.contains({u"priority"_s, u"high"_s}));
        QVERIFY(bag->application.contains({u"site"_s, u"plant 2"_s}));
    }

    void refusesBeforeSending()
    {
        CloudMessageDialog dialog(m_session.get(), u"az-1"_s);
        dialog.propertiesEdit()->setPlainText(u"ok=1\nnot a property\n"_s);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY2(dialog.problem().contains(u"Line 2"_s), qPrintable(dialog.problem()));
        dialog.propertiesEdit()->clear();
        dialog.payloadEdit()->setPlainText(QString(CloudMessageDialog::MaxPayloadBytes + 1, u'x'));
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(!dialog.send());
        // The message id is the request's id at the gate: one topic level.
        dialog.payloadEdit()->setPlainText(u"again"_s);
        dialog.messageIdEdit()->setText(u"a/b"_s);
        QVERIFY(dialog.sendButton()->isEnabled());
        QVERIFY(!dialog.send());
        QVERIFY(!dialog.problem().isEmpty());
    }
};

QTEST_MAIN(TestCloudMessageDialog)
#include "tst_cloudmessagedialog.moc"
