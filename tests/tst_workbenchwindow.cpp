// WorkbenchWindow on a real mosquitto with the fleet_iothub plugin and a real fleet-hub, driven through its
// widgets as a field engineer would: signing in as az-1 from a connection string (the SAS token signed
// from its key, over TLS to the gateway); alice calling a method and receiving the status and payload typed
// in the window; the twin fetched and a reported patch accepted; a device-to-cloud message with a property on
// the wire; an identity saved with its connection string in the keychain (ctest runs this test inside
// run-with-keyring.sh) and never in the settings file, then loaded again; a malformed connection string
// refused in words with nothing connecting; and the window fitting 1280x800 in English, Spanish and French.

#include "common/json.h"
#include "dialects/azurepropertybag.h"
#include "mainwindow.h"
#include "models/workbencheventmodel.h"
#include "mqtt/mqttclient.h"
#include "mqtt/passwordstore.h"
#include "mqttpeer.h"
#include "securedbroker.h"
#include "testutil.h"
#include "themecontroller.h"
#include "workbench/deviceworkbench.h"
#include "workbenchwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Qt::StringLiterals;
using fleet::DeviceWorkbench;
using fleet::Json;
using fleet::MqttClient;
using fleet::MqttMessage;
using fleet::PasswordStore;
using fleet::WorkbenchEvent;
using fleet::WorkbenchIdentity;
using fleet::WorkbenchWindow;
using fleet::test::DefaultTimeoutMs;
using Peer = fleet::test::MqttPeer;

namespace {

void chooseKind(WorkbenchWindow &window, WorkbenchIdentity::Kind kind)
{
    window.kindCombo()->setCurrentIndex(window.kindCombo()->findData(int(kind)));
}

} // namespace

class TestWorkbenchWindow final : public QObject
{
    Q_OBJECT

private:
    fleet::test::SecuredBroker m_stack;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    Peer m_alice;
    Peer m_monitor;

    QString connectionString(const QString &device) const
    {
        return u"HostName=%1;DeviceId=%2;SharedAccessKey=%3;GatewayHostName=127.0.0.1:%4"_s
            .arg(m_stack.azureHostName(), device, m_stack.azureKey(device))
            .arg(m_stack.broker().port());
    }

    // The engineer's steps: the kind, the connection string, the broker's CA, Connect.
    void fillAzure(WorkbenchWindow &window, const QString &text)
    {
        chooseKind(window, WorkbenchIdentity::Kind::Azure);
        window.connectionStringEdit()->setText(text);
        window.caFileEdit()->setText(m_stack.broker().caFile());
    }

    // A window signed in as az-1 through its widgets (QVERIFY in the caller's stead: check isConnected).
    std::unique_ptr<WorkbenchWindow> connectedWindow()
    {
        auto window = std::make_unique<WorkbenchWindow>(nullptr, m_settings.get());
        window->show();
        fillAzure(*window, connectionString(u"az-1"_s));
        QTest::mouseClick(window->connectButton(), Qt::LeftButton);
        (void)QTest::qWaitFor([&] { return window->workbench()->state() == MqttClient::State::Connected; },
                              DefaultTimeoutMs);
        return window;
    }

    // The log's rows whose summary contains text.
    static int logRows(const WorkbenchWindow &window, const QString &text)
    {
        int rows = 0;
        const fleet::WorkbenchEventModel *model = window.eventModel();
        for (int row = 0; row < model->rowCount(); ++row)
            rows += model->event(row).summary.contains(text);
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setOrganizationName(u"FleetConsoleTest"_s);
        QApplication::setApplicationName(u"tst_workbenchwindow"_s);
        // The main window and windows made without a settings object use the application's QSettings: a
        // test's own, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"console.ini"_s), QSettings::IniFormat);
        QString error;
        QVERIFY2(m_stack.start(1, &error, 2), qPrintable(error));
        QVERIFY2(m_stack.startHub(), qPrintable(m_stack.hub().log()));
        auto alice = m_stack.peer(u"alice"_s, {u"fleet/azure-methods/results/alice"_s});
        QVERIFY(alice);
        m_alice = std::move(*alice);
        // Device-to-cloud messages are ordinary topics the plugin lets the monitor read, as are replies.
        auto monitor = m_stack.peer(u"monitor"_s, {u"devices/+/messages/events/#"_s, u"cmd/dev-1/resp"_s});
        QVERIFY(monitor);
        m_monitor = std::move(*monitor);
    }

    // (a) The connection string through the widgets: the token signed from the key, TLS to the gateway.
    void connectsFromConnectionString()
    {
        auto window = connectedWindow();
        QCOMPARE(window->workbench()->state(), MqttClient::State::Connected);
        QVERIFY2(window->statusText().startsWith(u"Connected to mqtts://127.0.0.1:"_s),
                 qPrintable(window->statusText()));
        QVERIFY2(window->statusText().contains(u"as az-1"_s), qPrintable(window->statusText()));
        QVERIFY2(window->statusText().contains(u"token valid until "_s), qPrintable(window->statusText()));
        QVERIFY(window->problemText().isEmpty());
        QCOMPARE(window->connectButton()->text(), u"&Disconnect"_s);
        QVERIFY(window->windowTitle().contains(u"az-1"_s));
        // The sign-in fields are frozen while the session runs; the Azure actions are there and enabled.
        QVERIFY(!window->connectionStringEdit()->isEnabled());
        QVERIFY(window->methodsTab()->isEnabled());
        QVERIFY(window->actionTabs()->isTabVisible(window->actionTabs()->indexOf(window->twinTab())));
        QVERIFY(!window->actionTabs()->isTabVisible(window->actionTabs()->indexOf(window->shadowTab())));
        QTRY_VERIFY(logRows(*window, u"Connected as az-1"_s) == 1);

        QTest::mouseClick(window->connectButton(), Qt::LeftButton);
        QCOMPARE(window->workbench()->state(), MqttClient::State::Disconnected);
        QCOMPARE(window->statusText(), u"Disconnected"_s);
        QVERIFY(window->connectionStringEdit()->isEnabled());
        QVERIFY(!window->methodsTab()->isEnabled());
    }

    // (b) alice calls a method; the engineer answers it from the pending list with a status and a payload.
    void answersMethodCall()
    {
        auto window = connectedWindow();
        QCOMPARE(window->workbench()->state(), MqttClient::State::Connected);
        QVERIFY(m_alice.publish(u"fleet/azure-methods/invoke/alice/wb-1"_s,
                                R"({"deviceId":"az-1","methodName":"set_led","payload":{"color":"red"},)"
                                R"("responseTimeoutInSeconds":30})"));
        QTreeWidget *list = window->methodList();
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, DefaultTimeoutMs);
        QTreeWidgetItem *call = list->topLevelItem(0);
        QCOMPARE(call->text(0), u"set_led"_s);
        QVERIFY(!call->text(1).isEmpty());

        // The call in the log, its payload pretty-printed in the detail pane.
        const fleet::WorkbenchEventModel *model = window->eventModel();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->event(r).kind == WorkbenchEvent::Kind::MethodCall)
                row = r;
        }
        QVERIFY(row >= 0);
        window->logView()->selectRow(row);
        QVERIFY2(window->detailTopicLabel()->text().startsWith(u"$iothub/methods/POST/set_led/"_s),
                 qPrintable(window->detailTopicLabel()->text()));
        QCOMPARE(window->detailPayloadView()->toPlainText(), u"{\n  \"color\": \"red\"\n}"_s);

        window->actionTabs()->setCurrentWidget(window->methodsTab());
        QVERIFY(window->grab().save(QDir::temp().filePath(u"workbench-method-call.png"_s)));
        list->setCurrentItem(call);
        window->methodStatusSpin()->setValue(200);
        window->methodPayloadEdit()->setPlainText(uR"({"ok":true})"_s);
        QVERIFY(window->answerButton()->isEnabled());
        QTest::mouseClick(window->answerButton(), Qt::LeftButton);
        QVERIFY2(!window->actionFailed(), qPrintable(window->actionStatusText()));
        QVERIFY2(window->actionStatusText().contains(u"status 200"_s),
                 qPrintable(window->actionStatusText()));
        QCOMPARE(list->topLevelItemCount(), 0);

        const Json answer = m_alice.waitFor(u"fleet/azure-methods/results/alice"_s,
                                            [](const Json &j) { return j.value("requestId", "") == "wb-1"; });
        QVERIFY2(answer.is_object(), "no answer reached alice");
        QCOMPARE_JSON(answer["status"], 200);
        QCOMPARE_JSON(answer["payload"], Json::parse(R"({"ok":true})"));

        // Nothing is waiting now, so there is nothing to answer.
        QVERIFY(!window->answerButton()->isEnabled());
    }

    // (c) Get twin shows the twin; a reported patch typed in the window is accepted and shown in it.
    void getsTwinAndReports()
    {
        auto window = connectedWindow();
        QCOMPARE(window->workbench()->state(), MqttClient::State::Connected);
        window->actionTabs()->setCurrentWidget(window->twinTab());
        const int requested = logRows(*window, u"Twin requested"_s);
        QTest::mouseClick(window->getTwinButton(), Qt::LeftButton);
        QVERIFY2(!window->actionFailed(), qPrintable(window->actionStatusText()));
        QCOMPARE(logRows(*window, u"Twin requested"_s), requested + 1);
        QTRY_VERIFY_WITH_TIMEOUT(window->twinView()->toPlainText().contains(u"\"desired\""_s),
                                 DefaultTimeoutMs);
        QVERIFY(window->twinView()->toPlainText().contains(u"\"reported\""_s));

        window->reportedEdit()->setPlainText(uR"({"firmware":"x"})"_s);
        QTest::mouseClick(window->reportButton(), Qt::LeftButton);
        QVERIFY2(!window->actionFailed(), qPrintable(window->actionStatusText()));
        QTRY_VERIFY_WITH_TIMEOUT(window->twinView()->toPlainText().contains(u"\"firmware\": \"x\""_s),
                                 DefaultTimeoutMs);
        QTRY_VERIFY(logRows(*window, u"Reported properties accepted"_s) == 1);

        // Not an object: refused before anything is sent, in words.
        window->reportedEdit()->setPlainText(u"[1, 2]"_s);
        QTest::mouseClick(window->reportButton(), Qt::LeftButton);
        QVERIFY(window->actionFailed());
        QVERIFY2(window->actionStatusText().contains(u"JSON object"_s),
                 qPrintable(window->actionStatusText()));
    }

    // (d) A device-to-cloud message with its content type and an application property, on the wire.
    void sendsTelemetryWithProperties()
    {
        auto window = connectedWindow();
        QCOMPARE(window->workbench()->state(), MqttClient::State::Connected);
        window->actionTabs()->setCurrentWidget(window->telemetryTab());
        window->telemetryPayloadEdit()->setPlainText(uR"({"temperature":21.5})"_s);
        window->contentTypeEdit()->setText(u"application/json"_s);
        window->telemetryPropertiesEdit()->setPlainText(u"k=v\n"_s);
        QTest::mouseClick(window->sendTelemetryButton(), Qt::LeftButton);
        QVERIFY2(!window->actionFailed(), qPrintable(window->actionStatusText()));

        const auto message = m_monitor.take(u"devices/az-1/messages/events/"_s);
        QVERIFY(message);
        QCOMPARE(message->payload(), QByteArray(R"({"temperature":21.5})"));
        const auto split = fleet::AzurePropertyBag::splitTopic(
            message->topic(), fleet::AzurePropertyBag::Direction::DeviceToCloud);
        QVERIFY(split);
        QString why;
        const auto bag = fleet::AzurePropertyBag::decode(split->second, &why);
        QVERIFY2(bag, qPrintable(why));
        QVERIFY(bag->application.contains({u"k"_s, u"v"_s}));
        QVERIFY(bag->system.contains({u"$.ct"_s, u"application/json"_s}));

        // A property line that is not name=value: nothing is sent, and the window says which line.
        window->telemetryPropertiesEdit()->setPlainText(u"k=v\nnot a property\n"_s);
        QTest::mouseClick(window->sendTelemetryButton(), Qt::LeftButton);
        QVERIFY(window->actionFailed());
        QVERIFY2(window->actionStatusText().contains(u"Line 2"_s), qPrintable(window->actionStatusText()));
        QTest::qWait(200);
        QCOMPARE(m_monitor.count(u"devices/az-1/messages/events/"_s), 0);
    }

    // (e) The connection string goes to the keychain and never to the settings file; loading the identity
    // fills the fields again; forgetting it removes both.
    void savesIdentityInKeychainOnly()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session: run through tests/run-with-keyring.sh (ctest does).");
        const QString name = u"lab az-1"_s;
        const QString text = connectionString(u"az-1"_s);
        {
            WorkbenchWindow window(nullptr, m_settings.get());
            window.show();
            fillAzure(window, text);
            window.tokenLifetimeSpin()->setValue(600);
            QSignalSpy saved(&window, &WorkbenchWindow::identitySaved);
            QSignalSpy failed(&window, &WorkbenchWindow::keychainError);
            QVERIFY(window.saveIdentity(name));
            QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty() || !failed.isEmpty(), DefaultTimeoutMs);
            QVERIFY2(failed.isEmpty(), qPrintable(window.problemText()));
            QVERIFY(window.keychainText().contains(u"keychain"_s));
            QCOMPARE(window.identityCombo()->currentText(), name);
            QVERIFY(window.forgetIdentityButton()->isEnabled());
        }

        PasswordStore keychain;
        keychain.setService(QString::fromLatin1(WorkbenchWindow::SecretService));
        std::optional<PasswordStore::Result> read;
        keychain.readPassword(u"workbench/"_s + name, this,
                              [&read](const PasswordStore::Result &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), DefaultTimeoutMs);
        QVERIFY2(read->ok, qPrintable(read->error));
        QVERIFY(read->found);
        QCOMPARE(read->password, text);

        m_settings->sync();
        QFile file(m_settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY2(stored.contains("workbench"), stored.constData());
        QVERIFY2(!stored.contains(m_stack.azureKey(u"az-1"_s).toLatin1()), stored.constData());
        QVERIFY2(!stored.contains("SharedAccessKey"), stored.constData());

        {
            WorkbenchWindow window(nullptr, m_settings.get());
            window.show();
            QVERIFY(window.connectionStringEdit()->text().isEmpty());
            QComboBox *saved = window.identityCombo();
            const int index = saved->findText(name);
            QVERIFY(index > 0);
            QSignalSpy loaded(&window, &WorkbenchWindow::identityLoaded);
            saved->setCurrentIndex(index);
            Q_EMIT saved->activated(index); // as a click on the item does
            QVERIFY(loaded.wait(DefaultTimeoutMs));
            QCOMPARE(loaded.constFirst().at(1).toBool(), true);
            QCOMPARE(window.connectionStringEdit()->text(), text);
            QCOMPARE(window.caFileEdit()->text(), m_stack.broker().caFile());
            QCOMPARE(window.tokenLifetimeSpin()->value(), 600);
            QCOMPARE(window.formIdentity().name, name);

            window.forgetIdentity(name);
            QVERIFY(!window.savedIdentityNames().contains(name));
            QCOMPARE(window.identityCombo()->findText(name), -1);
        }
        read.reset();
        keychain.readPassword(u"workbench/"_s + name, this,
                              [&read](const PasswordStore::Result &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), DefaultTimeoutMs);
        QVERIFY2(read->ok, qPrintable(read->error));
        QVERIFY(!read->found);
    }

    // As a thing of the broker (dev-1 with its password): the shadow read and reported through fleet-hub's
    // shadow service, and a reply to a command request prepared from the log and published.
    void actsAsThing()
    {
        WorkbenchWindow window(nullptr, m_settings.get());
        window.show();
        chooseKind(window, WorkbenchIdentity::Kind::AwsThing);
        window.endpointEdit()->setText(m_stack.broker().url());
        window.thingNameEdit()->setText(u"dev-1"_s);
        window.usernameEdit()->setText(u"dev-1"_s);
        window.passwordEdit()->setText(m_stack.password(u"dev-1"_s));
        window.caFileEdit()->setText(m_stack.broker().caFile());
        QTest::mouseClick(window.connectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->state(), MqttClient::State::Connected,
                                  DefaultTimeoutMs);
        QVERIFY2(window.statusText().contains(u"as dev-1"_s), qPrintable(window.statusText()));
        QVERIFY(!window.statusText().contains(u"token"_s));
        QTabWidget *tabs = window.actionTabs();
        QVERIFY(tabs->isTabVisible(tabs->indexOf(window.shadowTab())));
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(window.methodsTab())));
        QVERIFY(window.shadowTab()->isEnabled());

        const auto answers = [&window](const QString &suffix) {
            int rows = 0;
            const fleet::WorkbenchEventModel *model = window.eventModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                const WorkbenchEvent &e = model->event(row);
                rows += e.direction == WorkbenchEvent::Direction::FromCloud && e.topic.endsWith(suffix);
            }
            return rows;
        };
        tabs->setCurrentWidget(window.shadowTab());
        window.shadowReportedEdit()->setPlainText(uR"({"firmware":"x"})"_s);
        QTest::mouseClick(window.reportShadowButton(), Qt::LeftButton);
        QVERIFY2(!window.actionFailed(), qPrintable(window.actionStatusText()));
        QTRY_VERIFY_WITH_TIMEOUT(answers(u"/shadow/update/accepted"_s) == 1, DefaultTimeoutMs);
        QTest::mouseClick(window.getShadowButton(), Qt::LeftButton);
        QVERIFY2(!window.actionFailed(), qPrintable(window.actionStatusText()));
        QTRY_VERIFY_WITH_TIMEOUT(answers(u"/shadow/get/accepted"_s) == 1, DefaultTimeoutMs);

        // Nothing selected: there is nothing to reply to.
        window.logView()->clearSelection();
        QVERIFY(!window.replyButton()->isEnabled());
        // A command request as the hub sends one (put in the log directly: sending one takes the gate).
        WorkbenchEvent request;
        request.at = QDateTime::currentDateTimeUtc();
        request.direction = WorkbenchEvent::Direction::FromCloud;
        request.kind = WorkbenchEvent::Kind::Command;
        request.topic = u"cmd/dev-1/req"_s;
        request.payload = R"({"tid":"t-7","cmd":"set_led"})";
        window.eventModel()->append(request);
        window.logView()->selectRow(window.eventModel()->rowCount() - 1);
        QVERIFY(window.replyButton()->isEnabled());
        QTest::mouseClick(window.replyButton(), Qt::LeftButton);
        QCOMPARE(tabs->currentWidget(), window.publishTab());
        QCOMPARE(window.publishTopicEdit()->text(), u"cmd/dev-1/resp"_s);
        QVERIFY(window.publishPayloadEdit()->toPlainText().contains(u"t-7"_s));
        QVERIFY2(window.actionStatusText().contains(u"press Send"_s), qPrintable(window.actionStatusText()));
        QTest::mouseClick(window.publishButton(), Qt::LeftButton);
        QVERIFY2(!window.actionFailed(), qPrintable(window.actionStatusText()));
        const auto reply = m_monitor.take(u"cmd/dev-1/resp"_s);
        QVERIFY(reply);
        QCOMPARE_JSON(Json::parse(reply->payload().toStdString())["tid"], "t-7");

        // A topic nobody can publish to is refused in words.
        window.publishTopicEdit()->setText(u"cmd/+/resp"_s);
        QTest::mouseClick(window.publishButton(), Qt::LeftButton);
        QVERIFY(window.actionFailed());
        QVERIFY2(window.actionStatusText().contains(u"topic"_s), qPrintable(window.actionStatusText()));
    }

    // (f) What cannot be a connection string is refused in words, and nothing connects.
    void refusesMalformedConnectionString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << QString() << u"connection string"_s;
        QTest::newRow("no credential") << u"HostName=%1;DeviceId=az-1"_s << u"Not connected: "_s;
        QTest::newRow("key not base64")
            << u"HostName=%1;DeviceId=az-1;SharedAccessKey=not*base64"_s << u"Not connected: "_s;
        QTest::newRow("unknown field")
            << u"HostName=%1;DeviceId=az-1;SharedAccessKey=abcd;Color=red"_s << u"Color"_s;
    }

    void refusesMalformedConnectionString()
    {
        QFETCH(QString, text);
        QFETCH(QString, words);
        WorkbenchWindow window(nullptr, m_settings.get());
        window.show();
        fillAzure(window, text.contains(u"%1"_s) ? text.arg(m_stack.azureHostName()) : text);
        QTest::mouseClick(window.connectButton(), Qt::LeftButton);
        QVERIFY2(window.problemText().contains(words), qPrintable(window.problemText()));
        QVERIFY(window.findChild<QLabel *>(u"workbenchProblem"_s)->isVisible());
        QVERIFY(!window.workbench()->client());
        QTest::qWait(100);
        QCOMPARE(window.workbench()->state(), MqttClient::State::Disconnected);
        QCOMPARE(window.connectButton()->text(), u"&Connect"_s);
        QVERIFY(!window.methodsTab()->isEnabled());
    }

    // Tools > Device workbench (Ctrl+Shift+W) opens the window beside the main window, and raises the one
    // already open rather than opening a second connection.
    void opensFromToolsMenu()
    {
        fleet::MainWindow main(nullptr);
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));
        QAction *open = nullptr;
        for (QAction *action : main.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W))
                open = action;
        }
        QVERIFY(open);
        QCOMPARE(open->text(), u"Device &workbench…"_s);
        open->trigger();
        auto *window = main.findChild<WorkbenchWindow *>();
        QVERIFY(window);
        QVERIFY(window->isWindow());
        QVERIFY(window->isVisible());
        QVERIFY(window->testAttribute(Qt::WA_DeleteOnClose));
        open->trigger();
        QCOMPARE(main.findChildren<WorkbenchWindow *>().size(), 1);
        QPointer<WorkbenchWindow> closed = window;
        window->close();
        QTRY_VERIFY(closed.isNull());
        // ./fleet demo hands the console a device through the environment: a new window starts with it.
        const QString demo = connectionString(u"az-2"_s);
        qputenv("FLEET_WORKBENCH_CONNECTION_STRING", demo.toUtf8());
        qputenv("FLEET_WORKBENCH_CA_FILE", "/tmp/demo-ca.crt");
        open->trigger();
        qunsetenv("FLEET_WORKBENCH_CONNECTION_STRING");
        qunsetenv("FLEET_WORKBENCH_CA_FILE");
        window = main.findChild<WorkbenchWindow *>();
        QVERIFY(window);
        QCOMPARE(window->connectionStringEdit()->text(), demo);
        QCOMPARE(window->caFileEdit()->text(), u"/tmp/demo-ca.crt"_s);
        QCOMPARE(window->formIdentity().deviceId(), u"az-2"_s);
    }

    // The window at its default size fits a 1280x800 screen, with no button or label cut off, for either
    // kind, in English, Spanish and French.
    void fitsAt1280InEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("dark");
        bool dark = false;
        for (const QString &language : {u"en"_s, u"es"_s, u"fr"_s}) {
            // Either kind in either theme, across the languages.
            QTest::addRow("%s-azure-%s", qPrintable(language), dark ? "dark" : "light")
                << language << int(WorkbenchIdentity::Kind::Azure) << dark;
            dark = !dark;
            QTest::addRow("%s-aws-%s", qPrintable(language), dark ? "dark" : "light")
                << language << int(WorkbenchIdentity::Kind::AwsThing) << dark;
        }
    }

    void fitsAt1280InEveryLanguage()
    {
        QFETCH(QString, language);
        QFETCH(int, kind);
        QFETCH(bool, dark);
        fleet::ThemeController themes;
        themes.setTheme(dark ? fleet::ThemeController::Theme::Dark : fleet::ThemeController::Theme::Light);
        QTranslator translator;
        if (language != u"en"_s)
            QVERIFY(translator.load(QLocale(language), u"fleet"_s, u"_"_s, QStringLiteral(FLEET_QM_DIR)));
        QCoreApplication::installTranslator(&translator);
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        QSettings settings(m_dir.filePath(u"layout-%1.ini"_s.arg(language)), QSettings::IniFormat);
        WorkbenchWindow window(nullptr, &settings);
        chooseKind(window, WorkbenchIdentity::Kind(kind));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QSize minimum = window.minimumSizeHint();
        QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
                 qPrintable(u"%1x%2"_s.arg(minimum.width()).arg(minimum.height())));
        QVERIFY2(window.width() <= 1280 && window.height() <= 800,
                 qPrintable(u"%1x%2"_s.arg(window.width()).arg(window.height())));
        QTabWidget *tabs = window.actionTabs();
        QStringList clipped;
        for (int tab = 0; tab < tabs->count(); ++tab) {
            if (!tabs->isTabVisible(tab))
                continue;
            tabs->setCurrentIndex(tab);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            if (tabs->tabBar()->width() < tabs->tabBar()->sizeHint().width())
                clipped.append(u"the action tabs (%1 of %2 px)"_s.arg(tabs->tabBar()->width())
                                   .arg(tabs->tabBar()->sizeHint().width()));
            for (const QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
                if (button->isVisible() && !button->text().isEmpty() &&
                    button->width() < button->sizeHint().width())
                    clipped.append(button->text());
            }
            for (const QLabel *label : window.findChildren<QLabel *>()) {
                if (label->isVisible() && !label->wordWrap() && !label->text().isEmpty() &&
                    label->width() < label->minimumSizeHint().width())
                    clipped.append(label->text());
            }
        }
        clipped.removeDuplicates();
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
        QVERIFY(window.grab().save(
            QDir::temp().filePath(u"workbench-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag())))));
    }
};

QTEST_MAIN(TestWorkbenchWindow)
#include "tst_workbenchwindow.moc"
