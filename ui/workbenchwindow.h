#pragma once

#include "workbench/workbenchevent.h"
#include "workbench/workbenchidentity.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace fleet {

class DeviceWorkbench;
class PasswordStore;
class WorkbenchEventModel;

// Tools > Device workbench: the field engineer signs in as one device (an Azure IoT Hub device from its
// connection string, or an AWS IoT thing or any MQTT device with its certificate or password) and acts as
// it by hand, through a DeviceWorkbench: the log shows what the cloud sent the device and what was sent as
// it, and the action tabs answer method calls, report properties, send telemetry, read and report shadows
// and publish anything. It is how a real IoT Hub or AWS IoT Core endpoint is checked, or what a broken
// device does reproduced.
//
// Identities are saved by name in settings without their secret (WorkbenchIdentity::save()); the connection
// string or password goes to the keychain under the service SecretService and nowhere else. A keychain that
// fails is shown in the window, and the secret then stays only in the field.
class WorkbenchWindow final : public QWidget
{
    Q_OBJECT

public:
    // Its own keychain service: a device's connection string is not a broker profile's password, and the
    // console's profiles must not list it.
    static constexpr auto SecretService = "fleet-console-workbench";
    // Where saved identities live: one group per name under it.
    static constexpr auto IdentitiesGroup = "workbench/identities";

    // settings: where identities and the window's layout are kept (not owned, must outlive the window);
    // null means the application's QSettings.
    explicit WorkbenchWindow(QWidget *parent = nullptr, QSettings *settings = nullptr);
    ~WorkbenchWindow() override;

    DeviceWorkbench *workbench() const { return m_workbench; }
    WorkbenchEventModel *eventModel() const { return m_events; }
    PasswordStore *passwordStore() const { return m_passwords; }

    // Sign in as.
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *identityCombo() const { return m_identities; }
    QPushButton *saveIdentityButton() const { return m_saveIdentity; }
    QPushButton *forgetIdentityButton() const { return m_forgetIdentity; }
    QLineEdit *connectionStringEdit() const { return m_connectionString; }
    QToolButton *showConnectionStringButton() const { return m_showConnectionString; }
    QSpinBox *tokenLifetimeSpin() const { return m_tokenLifetime; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *thingNameEdit() const { return m_thingName; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *certificateFileEdit() const { return m_certificateFile; }
    QLineEdit *keyFileEdit() const { return m_keyFile; }
    QPushButton *connectButton() const { return m_connect; }
    QString statusText() const;
    // Why the identity could not be used or saved, or the keychain's failure; empty when all is well.
    QString problemText() const;
    // What became of the last keychain save or read.
    QString keychainText() const;

    // The log and the selected event's details.
    QTableView *logView() const { return m_log; }
    QLabel *detailTopicLabel() const { return m_detailTopic; }
    QLabel *detailPropertiesLabel() const { return m_detailProperties; }
    QPlainTextEdit *detailPayloadView() const { return m_detailPayload; }

    // Actions. Each tab is shown for the kinds it serves and enabled while connected.
    QTabWidget *actionTabs() const { return m_actions; }
    QWidget *methodsTab() const { return m_methodsTab; }
    QWidget *twinTab() const { return m_twinTab; }
    QWidget *telemetryTab() const { return m_telemetryTab; }
    QWidget *shadowTab() const { return m_shadowTab; }
    QWidget *publishTab() const { return m_publishTab; }
    QTreeWidget *methodList() const { return m_methodList; }
    QSpinBox *methodStatusSpin() const { return m_methodStatus; }
    QPlainTextEdit *methodPayloadEdit() const { return m_methodPayload; }
    QPushButton *answerButton() const { return m_answer; }
    QPushButton *getTwinButton() const { return m_getTwin; }
    QPlainTextEdit *twinView() const { return m_twinView; }
    QPlainTextEdit *reportedEdit() const { return m_reported; }
    QPushButton *reportButton() const { return m_report; }
    QPlainTextEdit *telemetryPayloadEdit() const { return m_telemetryPayload; }
    QLineEdit *contentTypeEdit() const { return m_contentType; }
    QPlainTextEdit *telemetryPropertiesEdit() const { return m_telemetryProperties; }
    QPushButton *sendTelemetryButton() const { return m_sendTelemetry; }
    QLineEdit *shadowNameEdit() const { return m_shadowName; }
    QPushButton *getShadowButton() const { return m_getShadow; }
    QPlainTextEdit *shadowReportedEdit() const { return m_shadowReported; }
    QPushButton *reportShadowButton() const { return m_reportShadow; }
    QLineEdit *publishTopicEdit() const { return m_publishTopic; }
    QComboBox *publishQosCombo() const { return m_publishQos; }
    QPlainTextEdit *publishPayloadEdit() const { return m_publishPayload; }
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *replyButton() const { return m_reply; }
    // What the last action did ("sent …") or why nothing was sent.
    QString actionStatusText() const;
    bool actionFailed() const;

    // The form as an identity, secret included; named after the saved identity chosen, if any.
    WorkbenchIdentity formIdentity() const;
    // Validates the form and signs in; false (with problemText() saying why) when nothing connects.
    bool connectToDevice();
    void disconnectFromDevice();

    QStringList savedIdentityNames() const;
    // Saves the form under name: settings without the secret, the secret in the keychain. False (with
    // problemText()) for a name that cannot be one; identitySaved() or keychainError() follows otherwise.
    bool saveIdentity(const QString &name);
    // Fills the form with identity, secret included (nothing is saved).
    void fillForm(const WorkbenchIdentity &identity);
    // Fills the form from the saved identity; identityLoaded() follows once the keychain has answered.
    bool loadIdentity(const QString &name);
    // Removes the saved identity and its keychain entry, without asking (Forget asks first).
    void forgetIdentity(const QString &name);

Q_SIGNALS:
    void identitySaved(const QString &name);
    // found: whether the keychain held a secret for it (the field is filled when it did).
    void identityLoaded(const QString &name, bool found);
    void keychainError(const QString &message);

private:
    QWidget *buildSignIn();
    QWidget *buildLog();
    QWidget *buildMethodsTab();
    QWidget *buildTwinTab();
    QWidget *buildTelemetryTab();
    QWidget *buildShadowTab();
    QWidget *buildPublishTab();
    QSettings &settings() const;
    void reloadIdentities(const QString &select);
    void onIdentityChosen(int index);
    void askSaveIdentity();
    void askForgetIdentity();
    void chooseFile(QLineEdit *edit, const QString &title);
    void setProblem(const QString &text);
    void setKeychainStatus(const QString &text);
    void setActionResult(bool ok, const QString &text);
    void updateKind();
    void updateState();
    void updateActions();
    void updateMethods();
    void updateMethodAges();
    void updateTwin();
    void showSelectedEvent(const QModelIndex &current);
    void answerMethod();
    void requestTwin();
    void reportProperties();
    void sendTelemetry();
    void requestShadow();
    void reportShadow();
    void publish();
    void replyToSelected();
    WorkbenchIdentity::Kind formKind() const;
    bool isConnected() const;
    // The kind the actions serve: the signed-in identity's while a session runs, else the form's.
    WorkbenchIdentity::Kind actionKind() const;
    std::optional<WorkbenchEvent> selectedEvent() const;
    void restoreLayout();
    void saveLayout();

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    DeviceWorkbench *m_workbench = nullptr;
    WorkbenchEventModel *m_events = nullptr;
    PasswordStore *m_passwords = nullptr;

    QComboBox *m_kind = nullptr;
    QComboBox *m_identities = nullptr;
    QPushButton *m_saveIdentity = nullptr;
    QPushButton *m_forgetIdentity = nullptr;
    QStackedWidget *m_kindFields = nullptr;
    QWidget *m_signInFields = nullptr;
    QLineEdit *m_connectionString = nullptr;
    QToolButton *m_showConnectionString = nullptr;
    QSpinBox *m_tokenLifetime = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_thingName = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QToolButton *m_showPassword = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certificateFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_connect = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_keychain = nullptr;

    QSplitter *m_columns = nullptr;
    QSplitter *m_logSplitter = nullptr;
    QTableView *m_log = nullptr;
    QLabel *m_detailTopic = nullptr;
    QLabel *m_detailProperties = nullptr;
    QPlainTextEdit *m_detailPayload = nullptr;
    // Whether the log was scrolled to its end when rows arrived: only then does it follow them.
    bool m_logAtEnd = true;

    QTabWidget *m_actions = nullptr;
    QWidget *m_methodsTab = nullptr;
    QWidget *m_twinTab = nullptr;
    QWidget *m_telemetryTab = nullptr;
    QWidget *m_shadowTab = nullptr;
    QWidget *m_publishTab = nullptr;
    QTreeWidget *m_methodList = nullptr;
    QSpinBox *m_methodStatus = nullptr;
    QPlainTextEdit *m_methodPayload = nullptr;
    QPushButton *m_answer = nullptr;
    QTimer m_ageTimer;
    QPushButton *m_getTwin = nullptr;
    QPlainTextEdit *m_twinView = nullptr;
    QPlainTextEdit *m_reported = nullptr;
    QPushButton *m_report = nullptr;
    QPlainTextEdit *m_telemetryPayload = nullptr;
    QLineEdit *m_contentType = nullptr;
    QPlainTextEdit *m_telemetryProperties = nullptr;
    QPushButton *m_sendTelemetry = nullptr;
    QLineEdit *m_shadowName = nullptr;
    QPushButton *m_getShadow = nullptr;
    QPlainTextEdit *m_shadowReported = nullptr;
    QPushButton *m_reportShadow = nullptr;
    QLineEdit *m_publishTopic = nullptr;
    QComboBox *m_publishQos = nullptr;
    QPlainTextEdit *m_publishPayload = nullptr;
    QPushButton *m_publish = nullptr;
    QPushButton *m_reply = nullptr;
    QLabel *m_actionStatus = nullptr;
    QLabel *m_actionProblem = nullptr;

    // The saved identity the form was filled from ("" for a new one).
    QString m_loadedName;
    // Counts the keychain reads: only the latest fills the secret field, and only if the engineer has not
    // typed in it meanwhile.
    int m_readGeneration = 0;
    QString m_secretReadFor; // the saved identity whose secret the keychain is reading
    bool m_secretEdited = false;
};

} // namespace fleet
