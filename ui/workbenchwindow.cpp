#include "workbenchwindow.h"

#include "common/json.h"
#include "common/networkjson.h"
#include "dialects/azurepropertybag.h"
#include "itemviewactions.h"
#include "jsonhighlighter.h"
#include "layoutfit.h"
#include "models/workbencheventmodel.h"
#include "mqtt/passwordstore.h"
#include "tonestyle.h"
#include "workbench/deviceworkbench.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

using Kind = WorkbenchIdentity::Kind;

// Method list columns.
enum MethodColumn { MethodNameColumn, MethodRidColumn, MethodAgeColumn, MethodColumnCount };

// Where the window keeps its own layout. Not under "layout/" by object name as the main window's views
// are: the main window saves every named splitter and view among its descendants when it closes, this
// window included while it is open, and a part must not be written under two keys.
const auto GeometryKey = "workbench/window/geometry"_L1;
const auto ColumnsKey = "workbench/window/columns"_L1;
const auto LogSplitterKey = "workbench/window/logSplitter"_L1;
const auto LogHeaderKey = "workbench/window/logHeader"_L1;

QPlainTextEdit *jsonEditor(QWidget *parent, const QString &name, const QString &text)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(name);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    new JsonHighlighter(edit->document());
    return edit;
}

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

// A label that quotes what the broker, the keychain or the engineer said: never read as markup.
QLabel *messageLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QHBoxLayout *buttonRow(std::initializer_list<QWidget *> left, std::initializer_list<QWidget *> right = {})
{
    auto *row = new QHBoxLayout;
    for (QWidget *w : left)
        row->addWidget(w);
    row->addStretch(1);
    for (QWidget *w : right)
        row->addWidget(w);
    return row;
}

} // namespace

WorkbenchWindow::WorkbenchWindow(QWidget *parent, QSettings *settings)
    : QWidget(parent, Qt::Window)
    , m_ownSettings(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_ownSettings.get())
    , m_workbench(new DeviceWorkbench(this))
    , m_events(new WorkbenchEventModel(this))
    , m_passwords(new PasswordStore(this))
{
    setObjectName(u"workbenchWindow"_s);
    setWindowTitle(tr("Device Workbench"));
    m_passwords->setService(QString::fromLatin1(SecretService));
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &WorkbenchWindow::updateMethodAges);

    auto *actionsPane = new QWidget(this);
    m_actions = new QTabWidget(actionsPane);
    m_actions->setObjectName(u"workbenchActions"_s);
    m_methodsTab = buildMethodsTab();
    m_twinTab = buildTwinTab();
    m_telemetryTab = buildTelemetryTab();
    m_shadowTab = buildShadowTab();
    m_publishTab = buildPublishTab();
    m_actions->addTab(m_methodsTab, tr("Method calls"));
    m_actions->addTab(m_twinTab, tr("Twin"));
    m_actions->addTab(m_telemetryTab, tr("Telemetry"));
    m_actions->addTab(m_shadowTab, tr("Shadow"));
    m_actions->addTab(m_publishTab, tr("Publish"));
    m_actionStatus = messageLabel(actionsPane, u"workbenchActionStatus"_s);
    m_actionProblem = messageLabel(actionsPane, u"workbenchActionProblem"_s);
    ToneStyle::apply(m_actionProblem, ThemeColors::Role::Failure, ToneStyle::Fill::Text);
    auto *actionsLayout = new QVBoxLayout(actionsPane);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->addWidget(m_actions, 1);
    actionsLayout->addWidget(m_actionStatus);
    actionsLayout->addWidget(m_actionProblem);

    m_columns = new QSplitter(Qt::Horizontal, this);
    m_columns->setChildrenCollapsible(false);
    m_columns->addWidget(buildLog());
    m_columns->addWidget(actionsPane);
    m_columns->setStretchFactor(0, 3);
    m_columns->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSignIn());
    layout->addWidget(m_columns, 1);

    connect(m_workbench, &DeviceWorkbench::eventAdded, m_events, &WorkbenchEventModel::append);
    connect(m_workbench, &DeviceWorkbench::stateChanged, this, &WorkbenchWindow::updateState);
    connect(m_workbench, &DeviceWorkbench::tokenRenewed, this, &WorkbenchWindow::updateState);
    connect(m_workbench, &DeviceWorkbench::pendingMethodsChanged, this, &WorkbenchWindow::updateMethods);
    connect(m_workbench, &DeviceWorkbench::twinChanged, this, &WorkbenchWindow::updateTwin);

    reloadIdentities({});
    updateKind();
    updateState();
    restoreLayout();
}

WorkbenchWindow::~WorkbenchWindow()
{
    saveLayout();
    // The session ends with the window: its client must not outlive the widgets its signals update.
    m_workbench->disconnect(this);
    m_workbench->stop();
}

QSettings &WorkbenchWindow::settings() const
{
    return *m_settings;
}

QWidget *WorkbenchWindow::buildSignIn()
{
    auto *box = new QGroupBox(tr("Sign in as"), this);
    m_kind = new QComboBox(box);
    m_kind->setObjectName(u"workbenchKind"_s);
    m_kind->addItem(tr("Azure IoT Hub device"), int(Kind::Azure));
    m_kind->addItem(tr("AWS IoT thing or MQTT device"), int(Kind::AwsThing));
    m_identities = new QComboBox(box);
    m_identities->setObjectName(u"workbenchIdentities"_s);
    m_identities->setToolTip(
        tr("Identities saved on this computer; their secrets are in the system keychain"));
    layoutfit::letShrink(m_identities, 16);
    m_saveIdentity = new QPushButton(tr("&Save\u2026"), box);
    m_saveIdentity->setObjectName(u"workbenchSaveIdentity"_s);
    m_saveIdentity->setToolTip(
        tr("Save these settings under a name; the connection string or password goes to "
           "the system keychain, never to a file"));
    m_forgetIdentity = new QPushButton(tr("&Forget"), box);
    m_forgetIdentity->setObjectName(u"workbenchForgetIdentity"_s);
    m_forgetIdentity->setToolTip(tr("Remove the saved identity and its secret in the keychain"));
    auto *kindLabel = new QLabel(tr("&Kind:"), box);
    kindLabel->setBuddy(m_kind);
    auto *savedLabel = new QLabel(tr("Sa&ved:"), box);
    savedLabel->setBuddy(m_identities);
    auto *top = new QHBoxLayout;
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    top->addSpacing(12);
    top->addWidget(savedLabel);
    top->addWidget(m_identities, 1);
    top->addWidget(m_saveIdentity);
    top->addWidget(m_forgetIdentity);

    // Everything the session is started with; frozen while it runs, since a change would not apply to it.
    m_signInFields = new QWidget(box);
    const auto secretRow = [this](QLineEdit *edit, QToolButton *&toggle) {
        edit->setEchoMode(QLineEdit::Password);
        toggle = new QToolButton(m_signInFields);
        toggle->setObjectName(edit->objectName() + u"Show"_s);
        toggle->setCheckable(true);
        toggle->setText(tr("Show", "reveal a secret field"));
        toggle->setToolTip(tr("Show or hide what the field holds"));
        connect(toggle, &QToolButton::toggled, edit, [edit, toggle](bool shown) {
            edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
            toggle->setText(shown ? tr("Hide", "hide a secret field") : tr("Show", "reveal a secret field"));
        });
        connect(edit, &QLineEdit::textEdited, this, [this] { m_secretEdited = true; });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(toggle);
        return row;
    };
    const auto fileRow = [this](QLineEdit *edit, const QString &title) {
        edit->setClearButtonEnabled(true);
        auto *browse = new QToolButton(m_signInFields);
        browse->setObjectName(edit->objectName() + u"Browse"_s);
        browse->setText(u"\u2026"_s);
        browse->setToolTip(tr("Choose the file"));
        connect(browse, &QToolButton::clicked, this, [this, edit, title] { chooseFile(edit, title); });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        return row;
    };

    m_kindFields = new QStackedWidget(m_signInFields);
    auto *azure = new QWidget(m_kindFields);
    m_connectionString = lineEdit(azure, u"workbenchConnectionString"_s);
    m_connectionString->setPlaceholderText(u"HostName=\u2026;DeviceId=\u2026;SharedAccessKey=\u2026"_s);
    m_connectionString->setToolTip(
        tr("The device's connection string from the Azure portal or CLI: HostName, DeviceId and "
           "SharedAccessKey, SharedAccessSignature or x509=true; GatewayHostName for a gateway"));
    m_tokenLifetime = new QSpinBox(azure);
    m_tokenLifetime->setObjectName(u"workbenchTokenLifetime"_s);
    m_tokenLifetime->setRange(WorkbenchIdentity::MinTokenLifetimeSeconds,
                              WorkbenchIdentity::MaxTokenLifetimeSeconds);
    m_tokenLifetime->setValue(WorkbenchIdentity::DefaultTokenLifetimeSeconds);
    m_tokenLifetime->setSuffix(tr(" s", "seconds"));
    m_tokenLifetime->setGroupSeparatorShown(true);
    m_tokenLifetime->setToolTip(
        tr("How long each SAS token signed from the key is valid; the workbench signs a "
           "new one and reconnects before it expires"));
    auto *azureForm = new QFormLayout(azure);
    azureForm->setContentsMargins(0, 0, 0, 0);
    // The field is in a row with its Show button: the label is made here so that it can have its buddy.
    auto *connectionLabel = new QLabel(tr("C&onnection string:"), azure);
    connectionLabel->setBuddy(m_connectionString);
    azureForm->addRow(connectionLabel, secretRow(m_connectionString, m_showConnectionString));
    azureForm->addRow(tr("&Token lifetime:"), m_tokenLifetime);
    m_kindFields->addWidget(azure);

    auto *aws = new QWidget(m_kindFields);
    m_endpoint = lineEdit(aws, u"workbenchEndpoint"_s);
    m_endpoint->setPlaceholderText(u"mqtts://\u2026-ats.iot.REGION.amazonaws.com:8883"_s);
    m_thingName = lineEdit(aws, u"workbenchThingName"_s);
    m_clientId = lineEdit(aws, u"workbenchClientId"_s);
    m_clientId->setPlaceholderText(tr("The thing name"));
    m_username = lineEdit(aws, u"workbenchUsername"_s);
    m_username->setPlaceholderText(tr("None (certificate)"));
    m_password = lineEdit(aws, u"workbenchPassword"_s);
    m_password->setPlaceholderText(tr("Kept in the system keychain"));
    auto *awsForm = new QFormLayout(aws);
    awsForm->setContentsMargins(0, 0, 0, 0);
    awsForm->addRow(tr("&Endpoint:"), m_endpoint);
    awsForm->addRow(tr("T&hing name:"), m_thingName);
    awsForm->addRow(tr("C&lient ID:"), m_clientId);
    awsForm->addRow(tr("&User name:"), m_username);
    auto *passwordLabel = new QLabel(tr("&Password:"), aws);
    passwordLabel->setBuddy(m_password);
    awsForm->addRow(passwordLabel, secretRow(m_password, m_showPassword));
    m_kindFields->addWidget(aws);

    m_caFile = lineEdit(m_signInFields, u"workbenchCaFile"_s);
    m_caFile->setPlaceholderText(tr("The system's trusted CAs"));
    m_certificateFile = lineEdit(m_signInFields, u"workbenchCertificateFile"_s);
    m_certificateFile->setToolTip(tr("The device's certificate: for an x509=true connection string or an AWS "
                                     "IoT thing"));
    m_keyFile = lineEdit(m_signInFields, u"workbenchKeyFile"_s);
    auto *files = new QFormLayout;
    files->addRow(tr("CA certificate:"), fileRow(m_caFile, tr("CA Certificate")));
    files->addRow(tr("Device certificate:"), fileRow(m_certificateFile, tr("Device Certificate")));
    files->addRow(tr("Device key:"), fileRow(m_keyFile, tr("Device Private Key")));
    auto *fields = new QHBoxLayout(m_signInFields);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addWidget(m_kindFields, 3);
    fields->addSpacing(12);
    fields->addLayout(files, 2);

    m_connect = new QPushButton(tr("&Connect"), box);
    m_connect->setObjectName(u"workbenchConnect"_s);
    m_status = messageLabel(box, u"workbenchStatus"_s);
    m_problem = messageLabel(box, u"workbenchProblem"_s);
    ToneStyle::apply(m_problem, ThemeColors::Role::Failure, ToneStyle::Fill::Text);
    m_problem->hide();
    m_keychain = messageLabel(box, u"workbenchKeychain"_s);
    m_keychain->hide();
    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(m_connect);
    connectRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(top);
    layout->addWidget(m_signInFields);
    layout->addLayout(connectRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_keychain);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &WorkbenchWindow::updateKind);
    connect(m_identities, &QComboBox::activated, this, &WorkbenchWindow::onIdentityChosen);
    connect(m_saveIdentity, &QPushButton::clicked, this, &WorkbenchWindow::askSaveIdentity);
    connect(m_forgetIdentity, &QPushButton::clicked, this, &WorkbenchWindow::askForgetIdentity);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_workbench->state() == MqttClient::State::Disconnected)
            connectToDevice();
        else
            disconnectFromDevice();
    });
    connect(m_connectionString, &QLineEdit::returnPressed, this, &WorkbenchWindow::connectToDevice);
    return box;
}

QWidget *WorkbenchWindow::buildLog()
{
    // No object names on the splitter and the views: see GeometryKey.
    m_logSplitter = new QSplitter(Qt::Vertical, this);
    m_logSplitter->setChildrenCollapsible(false);
    m_log = new QTableView(m_logSplitter);
    m_log->setModel(m_events);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setSelectionMode(QAbstractItemView::SingleSelection);
    m_log->setWordWrap(false);
    m_log->setAlternatingRowColors(true);
    m_log->verticalHeader()->hide();
    // Every row one line high, so that a long log scrolls without measuring its rows.
    m_log->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_log->verticalHeader()->setDefaultSectionSize(m_log->fontMetrics().height() + 6);
    QHeaderView *header = m_log->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->resizeSection(WorkbenchEventModel::SummaryColumn, 40 * m_log->fontMetrics().averageCharWidth());
    layoutfit::fitSectionToTexts(header, WorkbenchEventModel::TimeColumn, {u"88:88:88.888"_s});
    layoutfit::fitSectionToTexts(header, WorkbenchEventModel::DirectionColumn,
                                 {WorkbenchEventModel::directionText(WorkbenchEvent::Direction::FromCloud),
                                  WorkbenchEventModel::directionText(WorkbenchEvent::Direction::ToCloud),
                                  WorkbenchEventModel::directionText(WorkbenchEvent::Direction::Note)});
    layoutfit::fitSectionsToHeaders(header);
    ItemViewActions::addCopy(m_log);

    // Follow new rows only while the engineer is at the end of the log: reading an older event, the view
    // must stay where it is (and the selection with it).
    connect(m_events, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_log->verticalScrollBar();
        m_logAtEnd = bar->value() >= bar->maximum();
    });
    connect(m_events, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_logAtEnd)
            m_log->scrollToBottom();
    });
    connect(m_log->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WorkbenchWindow::showSelectedEvent);
    // The current row changes before the selection follows it: Reply waits for the selection.
    connect(m_log->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkbenchWindow::updateActions);

    auto *detail = new QWidget(m_logSplitter);
    m_detailTopic = messageLabel(detail, u"workbenchDetailTopic"_s);
    m_detailProperties = messageLabel(detail, u"workbenchDetailProperties"_s);
    m_detailPayload = new QPlainTextEdit(detail);
    m_detailPayload->setObjectName(u"workbenchDetailPayload"_s);
    m_detailPayload->setReadOnly(true);
    m_detailPayload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailPayload->setPlaceholderText(
        tr("Select an event in the log to see its topic, properties and payload."));
    new JsonHighlighter(m_detailPayload->document());
    auto *form = new QFormLayout;
    form->addRow(tr("Topic:"), m_detailTopic);
    form->addRow(tr("Properties:"), m_detailProperties);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(form);
    detailLayout->addWidget(m_detailPayload, 1);

    m_logSplitter->addWidget(m_log);
    m_logSplitter->addWidget(detail);
    m_logSplitter->setStretchFactor(0, 3);
    m_logSplitter->setStretchFactor(1, 2);
    return m_logSplitter;
}

QWidget *WorkbenchWindow::buildMethodsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"workbenchMethodsTab"_s);
    m_methodList = new QTreeWidget(tab);
    m_methodList->setColumnCount(MethodColumnCount);
    m_methodList->setHeaderLabels({tr("Method"), tr("Request id"), tr("Waiting")});
    m_methodList->setRootIsDecorated(false);
    m_methodList->setUniformRowHeights(true);
    m_methodList->setAllColumnsShowFocus(true);
    m_methodList->setToolTip(tr("Method calls waiting for this device's answer, oldest first"));
    m_methodStatus = new QSpinBox(tab);
    m_methodStatus->setObjectName(u"workbenchMethodStatus"_s);
    m_methodStatus->setRange(100, 599);
    m_methodStatus->setValue(200);
    m_methodStatus->setToolTip(tr("The status the caller gets, as HTTP's: 200 for success"));
    m_methodPayload = jsonEditor(tab, u"workbenchMethodPayload"_s, u"{}"_s);
    m_methodPayload->setToolTip(tr("The answer's JSON, passed to the caller as it is (empty for null)"));
    m_answer = new QPushButton(tr("&Answer"), tab);
    m_answer->setObjectName(u"workbenchAnswer"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Status:"), m_methodStatus);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_methodList, 1);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Answer (JSON):"), tab));
    layout->addWidget(m_methodPayload, 1);
    layout->addLayout(buttonRow({}, {m_answer}));
    connect(m_answer, &QPushButton::clicked, this, &WorkbenchWindow::answerMethod);
    connect(m_methodList, &QTreeWidget::currentItemChanged, this, &WorkbenchWindow::updateActions);
    return tab;
}

QWidget *WorkbenchWindow::buildTwinTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"workbenchTwinTab"_s);
    m_getTwin = new QPushButton(tr("&Get Twin"), tab);
    m_getTwin->setObjectName(u"workbenchGetTwin"_s);
    m_twinView = jsonEditor(tab, u"workbenchTwinView"_s, {});
    m_twinView->setReadOnly(true);
    m_twinView->setPlaceholderText(tr("The twin as this device knows it: the last one IoT Hub sent, with the "
                                      "changes since."));
    m_reported = jsonEditor(tab, u"workbenchReported"_s, u"{}"_s);
    m_reported->setToolTip(tr("A JSON object: the reported properties to change (null removes one)"));
    m_report = new QPushButton(tr("&Report"), tab);
    m_report->setObjectName(u"workbenchReport"_s);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttonRow({m_getTwin}));
    layout->addWidget(m_twinView, 3);
    layout->addWidget(new QLabel(tr("Reported properties to change (JSON):"), tab));
    layout->addWidget(m_reported, 1);
    layout->addLayout(buttonRow({}, {m_report}));
    connect(m_getTwin, &QPushButton::clicked, this, &WorkbenchWindow::requestTwin);
    connect(m_report, &QPushButton::clicked, this, &WorkbenchWindow::reportProperties);
    return tab;
}

QWidget *WorkbenchWindow::buildTelemetryTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"workbenchTelemetryTab"_s);
    m_telemetryPayload = jsonEditor(tab, u"workbenchTelemetryPayload"_s, u"{}"_s);
    m_telemetryPayload->setToolTip(tr("The message, as text (JSON or anything else)"));
    m_contentType = lineEdit(tab, u"workbenchContentType"_s);
    m_contentType->setPlaceholderText(u"application/json"_s);
    m_contentType->setToolTip(tr("Sent as the message's content type ($.ct); empty sends none"));
    m_telemetryProperties = new QPlainTextEdit(tab);
    m_telemetryProperties->setObjectName(u"workbenchTelemetryProperties"_s);
    m_telemetryProperties->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_telemetryProperties->setTabChangesFocus(true);
    m_telemetryProperties->setPlaceholderText(tr("name=value, one per line"));
    m_sendTelemetry = new QPushButton(tr("Se&nd"), tab);
    m_sendTelemetry->setObjectName(u"workbenchSendTelemetry"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Content type:"), m_contentType);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("Message:"), tab));
    layout->addWidget(m_telemetryPayload, 2);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Application properties:"), tab));
    layout->addWidget(m_telemetryProperties, 1);
    layout->addLayout(buttonRow({}, {m_sendTelemetry}));
    connect(m_sendTelemetry, &QPushButton::clicked, this, &WorkbenchWindow::sendTelemetry);
    return tab;
}

QWidget *WorkbenchWindow::buildShadowTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"workbenchShadowTab"_s);
    m_shadowName = lineEdit(tab, u"workbenchShadowName"_s);
    m_shadowName->setPlaceholderText(tr("The classic shadow"));
    m_getShadow = new QPushButton(tr("&Get Shadow"), tab);
    m_getShadow->setObjectName(u"workbenchGetShadow"_s);
    m_shadowReported = jsonEditor(tab, u"workbenchShadowReported"_s, u"{}"_s);
    m_shadowReported->setToolTip(tr("A JSON object, sent as {\"state\": {\"reported\": …}}"));
    m_reportShadow = new QPushButton(tr("&Report"), tab);
    m_reportShadow->setObjectName(u"workbenchReportShadow"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Shadow name:"), m_shadowName);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addLayout(buttonRow({m_getShadow}));
    layout->addWidget(new QLabel(tr("Reported state (JSON):"), tab));
    layout->addWidget(m_shadowReported, 1);
    layout->addLayout(buttonRow({}, {m_reportShadow}));
    connect(m_getShadow, &QPushButton::clicked, this, &WorkbenchWindow::requestShadow);
    connect(m_reportShadow, &QPushButton::clicked, this, &WorkbenchWindow::reportShadow);
    return tab;
}

QWidget *WorkbenchWindow::buildPublishTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"workbenchPublishTab"_s);
    m_publishTopic = lineEdit(tab, u"workbenchPublishTopic"_s);
    m_publishQos = new QComboBox(tab);
    m_publishQos->setObjectName(u"workbenchPublishQos"_s);
    m_publishQos->addItem(tr("0 (at most once)"), 0);
    m_publishQos->addItem(tr("1 (at least once)"), 1);
    m_publishQos->setCurrentIndex(1);
    m_publishPayload = jsonEditor(tab, u"workbenchPublishPayload"_s, {});
    m_publish = new QPushButton(tr("Se&nd"), tab);
    m_publish->setObjectName(u"workbenchPublish"_s);
    m_reply = new QPushButton(tr("&Reply to Selected"), tab);
    m_reply->setObjectName(u"workbenchReply"_s);
    m_reply->setToolTip(
        tr("Fill the topic and payload with a reply to the command request selected in the log"));
    auto *form = new QFormLayout;
    form->addRow(tr("Topic:"), m_publishTopic);
    form->addRow(tr("QoS:"), m_publishQos);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Payload:"), tab));
    layout->addWidget(m_publishPayload, 1);
    layout->addLayout(buttonRow({m_reply}, {m_publish}));
    connect(m_publish, &QPushButton::clicked, this, &WorkbenchWindow::publish);
    connect(m_reply, &QPushButton::clicked, this, &WorkbenchWindow::replyToSelected);
    return tab;
}

QString WorkbenchWindow::statusText() const
{
    return m_status->text();
}

QString WorkbenchWindow::problemText() const
{
    return m_problem->text();
}

QString WorkbenchWindow::keychainText() const
{
    return m_keychain->text();
}

QString WorkbenchWindow::actionStatusText() const
{
    return m_actionProblem->text().isEmpty() ? m_actionStatus->text() : m_actionProblem->text();
}

bool WorkbenchWindow::actionFailed() const
{
    return !m_actionProblem->text().isEmpty();
}

void WorkbenchWindow::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void WorkbenchWindow::setKeychainStatus(const QString &text)
{
    m_keychain->setText(text);
    m_keychain->setVisible(!text.isEmpty());
}

void WorkbenchWindow::setActionResult(bool ok, const QString &text)
{
    m_actionStatus->setText(ok ? text : QString());
    m_actionProblem->setText(ok ? QString() : text);
    m_actionStatus->setVisible(ok);
    m_actionProblem->setVisible(!ok);
}

Kind WorkbenchWindow::formKind() const
{
    return Kind(m_kind->currentData().toInt());
}

bool WorkbenchWindow::isConnected() const
{
    return m_workbench->state() == MqttClient::State::Connected;
}

Kind WorkbenchWindow::actionKind() const
{
    // A session that is over (stopped, or given up) no longer decides: the form does.
    return m_workbench->client() && m_workbench->state() != MqttClient::State::Disconnected
               ? m_workbench->identity().kind
               : formKind();
}

WorkbenchIdentity WorkbenchWindow::formIdentity() const
{
    WorkbenchIdentity identity;
    identity.kind = formKind();
    identity.name = m_loadedName;
    identity.connectionString = m_connectionString->text().trimmed();
    identity.tokenLifetimeSeconds = m_tokenLifetime->value();
    // As typed when it is not a broker URL, so that validate() says why rather than that it is missing.
    const QString endpoint = m_endpoint->text().trimmed();
    identity.endpoint = BrokerProfile::parseUrl(endpoint);
    if (identity.endpoint.isEmpty())
        identity.endpoint = QUrl(endpoint);
    identity.thingName = m_thingName->text().trimmed();
    identity.clientId = m_clientId->text().trimmed();
    identity.username = m_username->text();
    identity.password = m_password->text();
    identity.caFile = m_caFile->text().trimmed();
    identity.certificateFile = m_certificateFile->text().trimmed();
    identity.keyFile = m_keyFile->text().trimmed();
    return identity;
}

bool WorkbenchWindow::connectToDevice()
{
    const WorkbenchIdentity identity = formIdentity();
    QString error = identity.validate();
    if (error.isEmpty() && !m_workbench->start(identity, &error) && error.isEmpty())
        error = tr("The connection could not be started.");
    setProblem(error.isEmpty() ? QString() : tr("Not connected: %1").arg(error));
    // A new session starts with no twin; the one shown was the last session's.
    updateTwin();
    updateMethods();
    updateState();
    return error.isEmpty();
}

void WorkbenchWindow::disconnectFromDevice()
{
    m_workbench->stop();
    updateState();
}

void WorkbenchWindow::updateKind()
{
    const int current = formKind() == Kind::Azure ? 0 : 1;
    m_kindFields->setCurrentIndex(current);
    // The stack is as tall as the page shown, not as its tallest: the Azure page has two rows, the AWS one
    // five, and the log below gets what the shorter page leaves.
    for (int page = 0; page < m_kindFields->count(); ++page) {
        m_kindFields->widget(page)->setSizePolicy(
            QSizePolicy::Preferred, page == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_kindFields->updateGeometry();
    updateActions();
}

void WorkbenchWindow::updateState()
{
    const MqttClient::State state = m_workbench->state();
    const MqttClient *client = m_workbench->client();
    const QString error = client ? client->errorString() : QString();
    const QString where = client ? client->profile().url.toDisplayString() : QString();
    const QString device = m_workbench->deviceId();
    QString text;
    switch (state) {
    case MqttClient::State::Connecting:
        text = tr("Connecting to %1 as %2\u2026").arg(where, device);
        break;
    case MqttClient::State::Connected:
        text = tr("Connected to %1 as %2").arg(where, device);
        break;
    case MqttClient::State::Reconnecting:
        text = error.isEmpty() ? tr("Reconnecting to %1\u2026").arg(where)
                               : tr("Reconnecting to %1\u2026 (%2)").arg(where, error);
        break;
    case MqttClient::State::Disconnected:
        text = error.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(error);
        break;
    }
    const QDateTime expiry = m_workbench->tokenExpiry();
    if (client && m_workbench->isAzure() && expiry.isValid() && state != MqttClient::State::Disconnected)
        text +=
            u"; "_s +
            tr("token valid until %1").arg(QLocale().toString(expiry.toLocalTime(), QLocale::ShortFormat));
    m_status->setText(text);

    const bool idle = state == MqttClient::State::Disconnected;
    m_connect->setText(idle ? tr("&Connect") : tr("&Disconnect"));
    m_kind->setEnabled(idle);
    m_identities->setEnabled(idle);
    m_signInFields->setEnabled(idle);
    setWindowTitle(client && !device.isEmpty() ? tr("Device Workbench: %1").arg(device)
                                               : tr("Device Workbench"));
    updateActions();
}

void WorkbenchWindow::updateActions()
{
    const bool azure = actionKind() == Kind::Azure;
    const bool connected = isConnected();
    m_actions->setTabVisible(m_actions->indexOf(m_methodsTab), azure);
    m_actions->setTabVisible(m_actions->indexOf(m_twinTab), azure);
    m_actions->setTabVisible(m_actions->indexOf(m_telemetryTab), azure);
    m_actions->setTabVisible(m_actions->indexOf(m_shadowTab), !azure);
    for (QWidget *tab : {m_methodsTab, m_twinTab, m_telemetryTab, m_shadowTab, m_publishTab})
        tab->setEnabled(connected);
    m_answer->setEnabled(connected && m_methodList->currentItem());
    const std::optional<WorkbenchEvent> event = selectedEvent();
    m_reply->setEnabled(connected && event && !DeviceWorkbench::replyFor(*event).first.isEmpty());
}

void WorkbenchWindow::updateMethods()
{
    const QString current = m_methodList->currentItem()
                                ? m_methodList->currentItem()->data(MethodNameColumn, Qt::UserRole).toString()
                                : QString();
    const QList<DeviceWorkbench::MethodCall> calls = m_workbench->pendingMethods();
    const QSignalBlocker blocker(m_methodList);
    m_methodList->clear();
    QTreeWidgetItem *select = nullptr;
    for (const DeviceWorkbench::MethodCall &call : calls) {
        auto *item = new QTreeWidgetItem(m_methodList, {call.method, call.rid, QString()});
        item->setData(MethodNameColumn, Qt::UserRole, call.rid);
        item->setData(MethodAgeColumn, Qt::UserRole, call.at);
        if (call.rid == current)
            select = item;
    }
    // The selection stays on the call it was on. A lone call that comes while none is chosen is the one to
    // answer; otherwise the engineer chooses, so that a second click on Answer (the call just answered
    // gone) never answers a call nobody looked at.
    if (!select && current.isEmpty() && calls.size() == 1)
        select = m_methodList->topLevelItem(0);
    m_methodList->setCurrentItem(select);
    updateMethodAges();
    if (calls.isEmpty())
        m_ageTimer.stop();
    else if (!m_ageTimer.isActive())
        m_ageTimer.start();
    updateActions();
}

void WorkbenchWindow::updateMethodAges()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_methodList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_methodList->topLevelItem(i);
        const qint64 seconds =
            std::max<qint64>(0, item->data(MethodAgeColumn, Qt::UserRole).toDateTime().secsTo(now));
        item->setText(MethodAgeColumn, tr("%1 s", "seconds a method call has waited").arg(seconds));
    }
}

void WorkbenchWindow::updateTwin()
{
    const Json &twin = m_workbench->twin();
    m_twinView->setPlainText(twin.is_null() ? QString() : indentedJson(twin));
}

std::optional<WorkbenchEvent> WorkbenchWindow::selectedEvent() const
{
    const QModelIndex current = m_log->selectionModel()->currentIndex();
    if (!current.isValid() || !m_log->selectionModel()->isRowSelected(current.row()))
        return std::nullopt;
    return m_events->event(current.row());
}

void WorkbenchWindow::showSelectedEvent(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_detailTopic->clear();
        m_detailProperties->clear();
        m_detailPayload->clear();
        updateActions();
        return;
    }
    const WorkbenchEvent &event = m_events->event(current.row());
    m_detailTopic->setText(event.topic.isEmpty() ? tr("None (a note about the connection)") : event.topic);
    QStringList properties;
    for (const auto &[name, value] : event.properties)
        properties.append(name + u" = "_s + value);
    m_detailProperties->setText(properties.isEmpty() ? tr("None") : properties.join(u'\n'));
    QString payload;
    if (const std::optional<Json> json = NetworkJson::parse(event.payload); json && !event.truncated)
        payload = indentedJson(*json);
    else
        payload = QString::fromUtf8(event.payload);
    if (event.truncated)
        payload +=
            u"\n\n"_s +
            tr("(The log keeps the first %L1 bytes of a message.)").arg(WorkbenchEvent::MaxPayloadBytes);
    m_detailPayload->setPlainText(payload);
    // A method call chosen in the log is the one the Answer button answers.
    if (event.kind == WorkbenchEvent::Kind::MethodCall) {
        for (int i = 0; i < m_methodList->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_methodList->topLevelItem(i);
            if (item->data(MethodNameColumn, Qt::UserRole).toString() == event.rid)
                m_methodList->setCurrentItem(item);
        }
    }
    updateActions();
}

void WorkbenchWindow::answerMethod()
{
    const QTreeWidgetItem *item = m_methodList->currentItem();
    if (!item) {
        setActionResult(false, tr("Choose the method call to answer."));
        return;
    }
    const QString rid = item->data(MethodNameColumn, Qt::UserRole).toString();
    const QString method = item->text(MethodNameColumn);
    const int status = m_methodStatus->value();
    QString error;
    if (!m_workbench->answerMethod(rid, status, m_methodPayload->toPlainText().toUtf8(), &error)) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true, tr("Answered %1 (request %2) with status %3.").arg(method, rid).arg(status));
}

void WorkbenchWindow::requestTwin()
{
    QString error;
    const QString rid = m_workbench->requestTwin(&error);
    if (rid.isEmpty()) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true, tr("Twin requested (request %1); it shows here when IoT Hub answers.").arg(rid));
}

void WorkbenchWindow::reportProperties()
{
    QString error;
    const QString rid = m_workbench->reportProperties(m_reported->toPlainText().toUtf8(), &error);
    if (rid.isEmpty()) {
        setActionResult(false, error);
        return;
    }
    setActionResult(
        true,
        tr("Reported properties sent (request %1); the twin shows them once IoT Hub accepts them.").arg(rid));
}

void WorkbenchWindow::sendTelemetry()
{
    QString error;
    std::optional<QList<QPair<QString, QString>>> properties =
        AzurePropertyBag::parseLines(m_telemetryProperties->toPlainText(), &error);
    if (!properties) {
        setActionResult(false, tr("Not sent: %1").arg(error));
        return;
    }
    if (const QString type = m_contentType->text().trimmed(); !type.isEmpty())
        properties->prepend({u"$.ct"_s, type});
    if (!m_workbench->sendTelemetry(m_telemetryPayload->toPlainText().toUtf8(), *properties, &error)) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true,
                    tr("Device-to-cloud message sent with %n properties.", nullptr, int(properties->size())));
}

void WorkbenchWindow::requestShadow()
{
    QString error;
    if (!m_workbench->requestShadow(m_shadowName->text().trimmed(), &error)) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true, tr("Shadow requested; the answer shows in the log."));
}

void WorkbenchWindow::reportShadow()
{
    QString error;
    if (!m_workbench->reportShadow(m_shadowName->text().trimmed(), m_shadowReported->toPlainText().toUtf8(),
                                   &error)) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true, tr("Reported state sent; the answer shows in the log."));
}

void WorkbenchWindow::publish()
{
    QString error;
    const QString topic = m_publishTopic->text().trimmed();
    const int qos = m_publishQos->currentData().toInt();
    if (!m_workbench->publish(topic, m_publishPayload->toPlainText().toUtf8(), qos, &error)) {
        setActionResult(false, error);
        return;
    }
    setActionResult(true, tr("Published on %1 (QoS %2).").arg(topic).arg(qos));
}

void WorkbenchWindow::replyToSelected()
{
    const std::optional<WorkbenchEvent> event = selectedEvent();
    const QPair<QString, QByteArray> reply =
        event ? DeviceWorkbench::replyFor(*event) : QPair<QString, QByteArray>();
    if (reply.first.isEmpty()) {
        setActionResult(false, tr("Select a command request in the log to reply to it."));
        return;
    }
    m_publishTopic->setText(reply.first);
    m_publishPayload->setPlainText(QString::fromUtf8(reply.second));
    m_publishQos->setCurrentIndex(m_publishQos->findData(1));
    m_actions->setCurrentWidget(m_publishTab);
    // Nothing is sent yet: the engineer checks the reply (or breaks it on purpose) and sends it.
    setActionResult(true, tr("A reply is ready below; press Send to publish it."));
}

QStringList WorkbenchWindow::savedIdentityNames() const
{
    QSettings &s = settings();
    s.beginGroup(QString::fromLatin1(IdentitiesGroup));
    QStringList names = s.childGroups();
    s.endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

void WorkbenchWindow::reloadIdentities(const QString &select)
{
    const QSignalBlocker blocker(m_identities);
    m_identities->clear();
    m_identities->addItem(tr("New identity"), QString());
    for (const QString &name : savedIdentityNames())
        m_identities->addItem(name, name);
    m_identities->setCurrentIndex(std::max(0, m_identities->findData(select)));
    m_forgetIdentity->setEnabled(!select.isEmpty() && m_identities->currentIndex() > 0);
}

void WorkbenchWindow::onIdentityChosen(int index)
{
    const QString name = m_identities->itemData(index).toString();
    if (name.isEmpty()) {
        // The form stays as it is: it may be the start of a new identity.
        m_loadedName.clear();
        m_forgetIdentity->setEnabled(false);
        return;
    }
    loadIdentity(name);
}

bool WorkbenchWindow::saveIdentity(const QString &typed)
{
    const QString name = typed.trimmed();
    if (name.isEmpty()) {
        setProblem(tr("Give the identity a name."));
        return false;
    }
    // A '/' would make the name a settings group inside another, and '\' is its other spelling.
    if (name.contains(u'/') || name.contains(u'\\')) {
        setProblem(tr("A name cannot hold '/' or '\\'."));
        return false;
    }
    WorkbenchIdentity identity = formIdentity();
    identity.name = name;
    // The secret of this very identity still on its way from the keychain: the empty field says nothing
    // about it, and saving must not delete it.
    const bool secretUnknown = identity.secret().isEmpty() && !m_secretEdited && m_secretReadFor == name;
    QSettings &s = settings();
    s.beginGroup(QString::fromLatin1(IdentitiesGroup) + u'/' + name);
    s.remove(QString()); // what an earlier identity of that name had and this one does not
    identity.save(s);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError) {
        setProblem(tr("The identity could not be written to the settings file %1.").arg(s.fileName()));
        return false;
    }
    setProblem({});
    m_loadedName = name;
    m_secretEdited = false;
    reloadIdentities(name);

    const bool azure = identity.kind == Kind::Azure;
    auto done = [this, name, azure](const PasswordStore::Result &result) {
        if (!result.ok) {
            setProblem(
                azure ? tr("The identity \"%1\" is saved without its connection string: %2 The connection "
                           "string is kept nowhere else; paste it again next time.")
                            .arg(name, result.error)
                      : tr("The identity \"%1\" is saved without its password: %2 The password is kept "
                           "nowhere else; type it again next time.")
                            .arg(name, result.error));
            Q_EMIT keychainError(result.error);
            return;
        }
        setKeychainStatus(
            azure ? tr("Saved \"%1\"; its connection string is in the system keychain.").arg(name)
                  : tr("Saved \"%1\"; its password, if any, is in the system keychain.").arg(name));
        Q_EMIT identitySaved(name);
    };
    // An empty secret removes the stored one rather than storing an empty one.
    if (secretUnknown)
        done(PasswordStore::Result{true, true, {}, {}});
    else if (identity.secret().isEmpty())
        m_passwords->deletePassword(identity.keychainKey(), this, done);
    else
        m_passwords->writePassword(identity.keychainKey(), identity.secret(), this, done);
    return true;
}

void WorkbenchWindow::fillForm(const WorkbenchIdentity &identity)
{
    m_loadedName.clear();
    m_kind->setCurrentIndex(m_kind->findData(int(identity.kind)));
    m_connectionString->setText(identity.connectionString);
    m_tokenLifetime->setValue(identity.tokenLifetimeSeconds);
    m_endpoint->setText(identity.endpoint.toString());
    m_thingName->setText(identity.thingName);
    m_clientId->setText(identity.clientId);
    m_username->setText(identity.username);
    m_password->setText(identity.password);
    m_caFile->setText(identity.caFile);
    m_certificateFile->setText(identity.certificateFile);
    m_keyFile->setText(identity.keyFile);
    m_secretEdited = false;
}

bool WorkbenchWindow::loadIdentity(const QString &name)
{
    if (!savedIdentityNames().contains(name))
        return false;
    QSettings &s = settings();
    s.beginGroup(QString::fromLatin1(IdentitiesGroup) + u'/' + name);
    WorkbenchIdentity identity = WorkbenchIdentity::load(s);
    s.endGroup();
    identity.name = name;

    fillForm(identity);
    m_loadedName = name;
    setProblem({});
    setKeychainStatus({});
    // The list is not rebuilt: this may run inside the combo box's own activated().
    {
        const QSignalBlocker blocker(m_identities);
        m_identities->setCurrentIndex(std::max(0, m_identities->findData(name)));
    }
    m_forgetIdentity->setEnabled(true);

    const int generation = ++m_readGeneration;
    m_secretReadFor = name;
    QLineEdit *secretField = identity.kind == Kind::Azure ? m_connectionString : m_password;
    m_passwords->readPassword(
        identity.keychainKey(), this,
        [this, name, generation, secretField](const PasswordStore::Result &result) {
            // Another identity chosen since, or the engineer typed the secret: this answer is not wanted.
            if (generation != m_readGeneration)
                return;
            m_secretReadFor.clear();
            if (!result.ok) {
                setProblem(tr("The secret of \"%1\" could not be read from the keychain: %2")
                               .arg(name, result.error));
                Q_EMIT keychainError(result.error);
                return;
            }
            if (!m_secretEdited)
                secretField->setText(result.password);
            setKeychainStatus(result.found
                                  ? tr("\"%1\" loaded, its secret from the system keychain.").arg(name)
                                  : tr("\"%1\" loaded; the keychain holds no secret for it.").arg(name));
            Q_EMIT identityLoaded(name, result.found);
        });
    return true;
}

void WorkbenchWindow::forgetIdentity(const QString &name)
{
    if (!savedIdentityNames().contains(name))
        return;
    QSettings &s = settings();
    s.remove(QString::fromLatin1(IdentitiesGroup) + u'/' + name);
    s.sync();
    WorkbenchIdentity identity;
    identity.name = name;
    m_passwords->deletePassword(
        identity.keychainKey(), this, [this, name](const PasswordStore::Result &result) {
            if (!result.ok) {
                setProblem(tr("\"%1\" is forgotten, but its secret is still in the keychain: %2")
                               .arg(name, result.error));
                Q_EMIT keychainError(result.error);
                return;
            }
            setKeychainStatus(tr("\"%1\" and its secret are forgotten.").arg(name));
        });
    if (m_loadedName == name)
        m_loadedName.clear();
    reloadIdentities(m_loadedName);
}

void WorkbenchWindow::askSaveIdentity()
{
    bool ok = false;
    const QString suggested = m_loadedName.isEmpty() ? formIdentity().deviceId() : m_loadedName;
    const QString name =
        QInputDialog::getText(this, tr("Save Identity"), tr("Name:"), QLineEdit::Normal, suggested, &ok)
            .trimmed();
    if (!ok)
        return;
    if (name != m_loadedName && savedIdentityNames().contains(name)) {
        // Not QMessageBox::question(): its text is rich when it looks like it, and the name is the
        // engineer's.
        QMessageBox box(QMessageBox::Question, tr("Save Identity"),
                        tr("Replace the saved identity \"%1\"?").arg(name),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    saveIdentity(name);
}

void WorkbenchWindow::askForgetIdentity()
{
    if (m_loadedName.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Forget Identity"),
                    tr("Forget \"%1\" and its secret in the keychain?").arg(m_loadedName),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setTextFormat(Qt::PlainText);
    if (box.exec() == QMessageBox::Yes)
        forgetIdentity(m_loadedName);
}

void WorkbenchWindow::chooseFile(QLineEdit *edit, const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(
        this, title, edit->text(), tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

void WorkbenchWindow::restoreLayout()
{
    const QSettings &s = settings();
    if (!restoreGeometry(s.value(GeometryKey).toByteArray()))
        resize(1100, 720);
    m_columns->restoreState(s.value(ColumnsKey).toByteArray());
    m_logSplitter->restoreState(s.value(LogSplitterKey).toByteArray());
    m_log->horizontalHeader()->restoreState(s.value(LogHeaderKey).toByteArray());
}

void WorkbenchWindow::saveLayout()
{
    QSettings &s = settings();
    s.setValue(GeometryKey, saveGeometry());
    s.setValue(ColumnsKey, m_columns->saveState());
    s.setValue(LogSplitterKey, m_logSplitter->saveState());
    s.setValue(LogHeaderKey, m_log->horizontalHeader()->saveState());
}

} // namespace fleet
