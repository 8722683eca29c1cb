#include "connectionsdialog.h"

#include "connectionbadge.h"
#include "mqtt/mqttclient.h"
#include "mqtt/passwordstore.h"
#include "mqtt/profilestore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

} // namespace

ConnectionsDialog::ConnectionsDialog(ProfileStore *profiles, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_passwords(passwords)
    , m_list(new QListWidget(this))
    , m_addButton(new QPushButton(tr("&Add"), this))
    , m_renameButton(new QPushButton(tr("&Rename\u2026"), this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_form(new QWidget(this))
    , m_url(lineEdit(m_form, u"urlEdit"_s))
    , m_clientId(lineEdit(m_form, u"clientIdEdit"_s))
    , m_username(lineEdit(m_form, u"usernameEdit"_s))
    , m_password(lineEdit(m_form, u"passwordEdit"_s))
    , m_version(new QComboBox(m_form))
    , m_environment(new QComboBox(m_form))
    , m_keepAlive(new QSpinBox(m_form))
    , m_caFile(lineEdit(m_form, u"caFileEdit"_s))
    , m_certificateFile(lineEdit(m_form, u"certificateFileEdit"_s))
    , m_keyFile(lineEdit(m_form, u"keyFileEdit"_s))
    , m_insecure(new QCheckBox(tr("Accept any server certificate (insecure)"), m_form))
    , m_insecureWarning(new QLabel(m_form))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_testResult(new QLabel(this))
    , m_keychainStatus(new QLabel(this))
    , m_saveButton(new QPushButton(tr("&Save"), this))
    , m_activateButton(new QPushButton(tr("&Use This Connection"), this))
    , m_newWindowButton(new QPushButton(tr("Open in &New Window"), this))
{
    setObjectName(u"connectionsDialog"_s);
    setWindowTitle(tr("Connections"));
    m_list->setObjectName(u"profileList"_s);
    m_addButton->setObjectName(u"addButton"_s);
    m_renameButton->setObjectName(u"renameButton"_s);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_testButton->setObjectName(u"testButton"_s);
    m_testResult->setObjectName(u"testResultLabel"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychainStatus->setObjectName(u"keychainStatusLabel"_s);
    m_keychainStatus->setWordWrap(true);
    // The test result quotes the broker's reason; both quote names the operator typed.
    m_testResult->setTextFormat(Qt::PlainText);
    m_keychainStatus->setTextFormat(Qt::PlainText);
    m_saveButton->setObjectName(u"saveButton"_s);
    m_activateButton->setObjectName(u"activateButton"_s);
    m_newWindowButton->setObjectName(u"newWindowButton"_s);
    m_newWindowButton->setToolTip(tr("Keep this window's connection and open this one beside it"));

    m_url->setPlaceholderText(u"mqtt://broker.example.com:1883"_s);
    m_url->setToolTip(tr("mqtt://host[:port] for plain MQTT, mqtts://host[:port] for MQTT over TLS"));
    m_clientId->setPlaceholderText(tr("Generated when empty"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the system keychain"));
    m_version->setObjectName(u"versionCombo"_s);
    m_version->addItem(tr("MQTT 5"), int(BrokerProfile::ProtocolVersion::Mqtt5));
    m_version->addItem(tr("MQTT 3.1.1"), int(BrokerProfile::ProtocolVersion::Mqtt311));
    m_environment->setObjectName(u"environmentCombo"_s);
    m_environment->addItem(tr("Not marked"), int(BrokerProfile::Environment::Unmarked));
    for (const auto e : {BrokerProfile::Environment::Development, BrokerProfile::Environment::Staging})
        m_environment->addItem(ConnectionBadge::environmentText(e), int(e));
    m_environment->addItem(tr("Production: confirm everything sent"),
                           int(BrokerProfile::Environment::Production));
    m_environment->setToolTip(tr("Shown in the window's title and in a coloured band above its tabs"));
    m_keepAlive->setObjectName(u"keepAliveSpin"_s);
    m_keepAlive->setRange(0, 65535);
    m_keepAlive->setSuffix(tr(" s", "seconds"));
    m_keepAlive->setSpecialValueText(tr("Off"));
    m_insecure->setObjectName(u"insecureCheck"_s);
    m_insecureWarning->setObjectName(u"insecureWarning"_s);
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setText(
        tr("Warning: the broker's certificate and host name are not checked. Anyone between you and the "
           "broker can pose as it, read the traffic and take the password. Use it only with a lab broker."));
    m_insecureWarning->hide();

    auto withBrowse = [this](QLineEdit *edit, const QString &title, const QString &filter) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto *browse = new QPushButton(tr("Browse\u2026"), m_form);
        browse->setObjectName(edit->objectName() + u"Browse"_s);
        connect(browse, &QPushButton::clicked, this,
                [this, edit, title, filter] { chooseFile(edit, title, filter); });
        row->addWidget(browse);
        return row;
    };
    const QString pemFilter = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    auto *form = new QFormLayout(m_form);
    form->addRow(tr("Broker &URL:"), m_url);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("User &name:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("MQTT &version:"), m_version);
    form->addRow(tr("&Keepalive:"), m_keepAlive);
    form->addRow(tr("CA certificate:"), withBrowse(m_caFile, tr("CA Certificate"), pemFilter));
    form->addRow(tr("Client certificate:"),
                 withBrowse(m_certificateFile, tr("Client Certificate"), pemFilter));
    form->addRow(tr("Client key:"), withBrowse(m_keyFile, tr("Client Private Key"), pemFilter));
    form->addRow(QString(), m_insecure);
    form->addRow(QString(), m_insecureWarning);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_renameButton);
    listButtons->addWidget(m_deleteButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addStretch(1);
    actions->addWidget(m_activateButton);
    actions->addWidget(m_newWindowButton);
    actions->addWidget(m_saveButton);
    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addLayout(actions);
    right->addWidget(m_testResult);
    right->addWidget(m_keychainStatus);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::onCurrentRowChanged);
    connect(m_addButton, &QPushButton::clicked, this, &ConnectionsDialog::addProfile);
    connect(m_renameButton, &QPushButton::clicked, this, &ConnectionsDialog::askRename);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionsDialog::askDelete);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectionsDialog::saveCurrent);
    connect(m_activateButton, &QPushButton::clicked, this, &ConnectionsDialog::activateCurrent);
    connect(m_newWindowButton, &QPushButton::clicked, this, [this] {
        if (saveCurrent())
            Q_EMIT newWindowChosen(formProfile(), formPassword());
    });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);
    connect(m_insecure, &QCheckBox::toggled, this, &ConnectionsDialog::updateInsecureWarning);
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordEdited = true; });
    connect(m_passwords, &PasswordStore::passwordRead, this, &ConnectionsDialog::onPasswordRead);
    connect(m_passwords, &PasswordStore::failed, this,
            [this](int id, const QString &name, PasswordStore::Operation, const QString &message) {
                onKeychainFailed(id, name, message);
            });
    connect(m_profiles, &ProfileStore::activeProfileChanged, this, &ConnectionsDialog::reloadList);

    m_testTimer.setSingleShot(true);
    m_testTimer.setInterval(TestTimeoutMs);
    connect(&m_testTimer, &QTimer::timeout, this, [this] {
        finishTest(false, tr("No answer from the broker within %1 seconds.").arg(TestTimeoutMs / 1000));
    });

    reloadList();
    selectProfile(m_profiles->activeProfileName());
    if (m_current.isEmpty())
        setFormEnabled(false);
}

ConnectionsDialog::~ConnectionsDialog()
{
    // A test still running must not outlive the dialog: its signals would reach a half-destroyed object.
    delete m_testClient;
}

void ConnectionsDialog::reloadList()
{
    const QString active = m_profiles->activeProfileName();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &name : m_profiles->names()) {
        auto *item = new QListWidgetItem(name, m_list);
        // The item's text stays the bare name (tests and the rename code read it); the mark is the font.
        if (name == active) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setToolTip(tr("The console connects with this profile"));
        }
    }
    const QList<QListWidgetItem *> found = m_list->findItems(m_current, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.constFirst());
    m_renameButton->setEnabled(!m_current.isEmpty());
    m_deleteButton->setEnabled(!m_current.isEmpty());
}

void ConnectionsDialog::selectProfile(const QString &name)
{
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
    if (found.isEmpty())
        return;
    if (m_list->currentItem() == found.constFirst())
        onCurrentRowChanged(m_list->row(found.constFirst()));
    else
        m_list->setCurrentItem(found.constFirst());
}

void ConnectionsDialog::onCurrentRowChanged(int row)
{
    QListWidgetItem *item = m_list->item(row);
    const std::optional<BrokerProfile> profile = item ? m_profiles->profile(item->text()) : std::nullopt;
    m_current = profile ? profile->name : QString();
    m_renameButton->setEnabled(profile.has_value());
    m_deleteButton->setEnabled(profile.has_value());
    setFormEnabled(profile.has_value());
    loadForm(profile.value_or(BrokerProfile()));
    m_testResult->clear();
    m_keychainStatus->clear();
    m_password->clear();
    m_passwordEdited = false;
    m_pendingRead = profile ? m_passwords->readPassword(profile->name) : 0;
}

void ConnectionsDialog::loadForm(const BrokerProfile &profile)
{
    m_loaded = profile;
    m_url->setText(profile.url.toString());
    m_clientId->setText(profile.clientId);
    m_username->setText(profile.username);
    m_version->setCurrentIndex(m_version->findData(int(profile.protocolVersion)));
    m_environment->setCurrentIndex(m_environment->findData(int(profile.environment)));
    m_keepAlive->setValue(profile.keepAliveSeconds);
    m_caFile->setText(profile.caFile);
    m_certificateFile->setText(profile.certificateFile);
    m_keyFile->setText(profile.keyFile);
    m_insecure->setChecked(profile.insecureSkipVerify);
    updateInsecureWarning();
}

void ConnectionsDialog::setFormEnabled(bool enabled)
{
    m_form->setEnabled(enabled);
    m_testButton->setEnabled(enabled && !m_testClient);
    m_saveButton->setEnabled(enabled);
    m_activateButton->setEnabled(enabled);
    m_newWindowButton->setEnabled(enabled);
}

BrokerProfile ConnectionsDialog::formProfile() const
{
    BrokerProfile profile = m_loaded;
    profile.name = m_current;
    profile.url = BrokerProfile::parseUrl(m_url->text());
    profile.clientId = m_clientId->text().trimmed();
    profile.username = m_username->text();
    profile.protocolVersion = BrokerProfile::ProtocolVersion(m_version->currentData().toInt());
    profile.environment = BrokerProfile::Environment(m_environment->currentData().toInt());
    profile.keepAliveSeconds = m_keepAlive->value();
    profile.caFile = m_caFile->text().trimmed();
    profile.certificateFile = m_certificateFile->text().trimmed();
    profile.keyFile = m_keyFile->text().trimmed();
    profile.insecureSkipVerify = m_insecure->isChecked();
    return profile;
}

QString ConnectionsDialog::formError(const BrokerProfile &profile) const
{
    // formProfile() leaves the URL empty when it does not parse; parsing again gives the reason.
    QString error;
    if (profile.url.isEmpty())
        BrokerProfile::parseUrl(m_url->text(), &error);
    else
        error = profile.validate();
    return error;
}

QString ConnectionsDialog::formPassword() const
{
    return m_password->text();
}

void ConnectionsDialog::onPasswordRead(int requestId, const QString &, const QString &password, bool found)
{
    if (requestId != m_pendingRead)
        return;
    m_pendingRead = 0;
    // What the operator typed meanwhile wins over what the keychain had.
    if (found && !m_passwordEdited)
        m_password->setText(password);
}

void ConnectionsDialog::onKeychainFailed(int requestId, const QString &, const QString &message)
{
    if (requestId == m_pendingRead)
        m_pendingRead = 0;
    showKeychainStatus(message, true);
    Q_EMIT keychainError(message);
}

void ConnectionsDialog::showKeychainStatus(const QString &message, bool error)
{
    m_keychainStatus->setProperty("error", error);
    m_keychainStatus->setText(message);
}

QString ConnectionsDialog::addProfile()
{
    QString name = tr("New connection");
    for (int n = 2; m_profiles->contains(name); ++n)
        name = tr("New connection %1").arg(n);
    BrokerProfile profile;
    profile.name = name;
    profile.url = BrokerProfile::parseUrl(u"mqtt://localhost:1883"_s);
    m_profiles->save(profile);
    reloadList();
    selectProfile(name);
    return name;
}

bool ConnectionsDialog::renameProfile(const QString &from, const QString &to, QString *error)
{
    const QString name = to.trimmed();
    QString why;
    if (!m_profiles->rename(from, name, &why)) {
        if (error)
            *error = why;
        return false;
    }
    if (name != from) {
        // The keychain entry follows the name: read the old one, write it under the new name, then drop the
        // old one, and only once the new one is safely written.
        m_passwords->readPassword(from, this, [this, from, name](const PasswordStore::Result &read) {
            if (!read.ok || !read.found)
                return;
            m_passwords->writePassword(name, read.password, this,
                                       [this, from](const PasswordStore::Result &written) {
                                           if (written.ok)
                                               m_passwords->deletePassword(from);
                                       });
        });
    }
    if (m_current == from)
        m_current = name;
    reloadList();
    return true;
}

void ConnectionsDialog::deleteProfile(const QString &name)
{
    if (!m_profiles->remove(name))
        return;
    m_passwords->deletePassword(name);
    if (m_current == name)
        m_current.clear();
    reloadList();
    if (m_current.isEmpty() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    else if (m_current.isEmpty())
        onCurrentRowChanged(-1);
}

bool ConnectionsDialog::saveCurrent()
{
    if (m_current.isEmpty())
        return false;
    const BrokerProfile profile = formProfile();
    QString error = formError(profile);
    if (error.isEmpty())
        m_profiles->save(profile, &error);
    if (!error.isEmpty()) {
        m_testResult->setText(error);
        return false;
    }
    m_loaded = profile;
    Q_EMIT profileSaved(profile.name);
    if (!m_passwordEdited)
        return true;
    m_passwordEdited = false;
    const QString name = profile.name;
    auto done = [this, name](const PasswordStore::Result &result) {
        if (!result.ok)
            return; // failed() has shown it already
        showKeychainStatus(tr("The password of \"%1\" is saved in the system keychain.").arg(name), false);
        Q_EMIT passwordSaved(name);
    };
    // An emptied field removes the stored password rather than storing an empty one.
    if (m_password->text().isEmpty())
        m_passwords->deletePassword(name, this, done);
    else
        m_passwords->writePassword(name, m_password->text(), this, done);
    return true;
}

bool ConnectionsDialog::activateCurrent()
{
    if (!saveCurrent())
        return false;
    m_profiles->setActiveProfile(m_current);
    reloadList();
    Q_EMIT activeProfileChosen(m_current);
    return true;
}

void ConnectionsDialog::testConnection()
{
    if (m_testClient)
        return;
    BrokerProfile profile = formProfile();
    if (const QString error = formError(profile); !error.isEmpty()) {
        finishTest(false, error);
        return;
    }
    // A generated client id with a clean start: testing with the profile's own id would make the broker
    // disconnect a console already connected with it, and could touch its persistent session.
    profile.clientId.clear();
    profile.cleanStart = true;
    profile.sessionExpirySeconds = 0;

    m_testClient = new MqttClient(this);
    m_testClient->setProfile(profile);
    m_testClient->setPassword(m_password->text());
    // One attempt: the answer to a test is the first refusal, not a retry loop.
    m_testClient->setAutoReconnect(false);
    connect(m_testClient, &MqttClient::connected, this, [this] {
        const BrokerProfile &p = m_testClient->profile();
        finishTest(true,
                   tr("Connected to %1:%2 with %3.")
                       .arg(p.host())
                       .arg(p.port())
                       .arg(p.protocolVersion == BrokerProfile::ProtocolVersion::Mqtt5 ? tr("MQTT 5")
                                                                                       : tr("MQTT 3.1.1")));
    });
    connect(m_testClient, &MqttClient::errorOccurred, this,
            [this](MqttClient::Error, const QString &message) { finishTest(false, message); });
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1\u2026").arg(profile.url.toString()));
    m_testTimer.start();
    if (!m_testClient->connectToBroker() && m_testClient)
        finishTest(false, m_testClient->errorString());
}

bool ConnectionsDialog::isTesting() const
{
    return !m_testClient.isNull();
}

void ConnectionsDialog::finishTest(bool success, const QString &message)
{
    m_testTimer.stop();
    if (m_testClient) {
        // Later errors of this client (the disconnect itself) are not the answer any more.
        m_testClient->disconnect(this);
        m_testClient->disconnectFromBroker();
        m_testClient->deleteLater();
        m_testClient = nullptr;
    }
    m_testButton->setEnabled(!m_current.isEmpty());
    m_testResult->setProperty("success", success);
    m_testResult->setText(success ? message : tr("Connection failed: %1").arg(message));
    Q_EMIT testFinished(success, message);
}

void ConnectionsDialog::chooseFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

void ConnectionsDialog::askRename()
{
    if (m_current.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename Connection"), tr("New name:"),
                                             QLineEdit::Normal, m_current, &ok);
    if (!ok)
        return;
    QString error;
    if (renameProfile(m_current, to, &error))
        return;
    // Not QMessageBox::warning(): its text is rich when it looks like it, and error quotes the typed name.
    QMessageBox box(QMessageBox::Warning, tr("Rename Connection"), error, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

void ConnectionsDialog::askDelete()
{
    if (m_current.isEmpty())
        return;
    // Not QMessageBox::question(): its text is rich when it looks like it, and the name is the operator's.
    QMessageBox box(QMessageBox::Question, tr("Delete Connection"),
                    tr("Delete the connection \"%1\" and its password in the keychain?").arg(m_current),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setTextFormat(Qt::PlainText);
    if (box.exec() == QMessageBox::Yes)
        deleteProfile(m_current);
}

void ConnectionsDialog::updateInsecureWarning()
{
    m_insecureWarning->setVisible(m_insecure->isChecked());
}

} // namespace fleet
