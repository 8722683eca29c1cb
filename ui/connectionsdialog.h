#pragma once

#include "mqtt/brokerprofile.h"
#include "mqtt/mqttclient.h" // complete: QPointer<MqttClient> converts with a static_cast

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace fleet {

class PasswordStore;
class ProfileStore;

// The operator's broker connections: a list of named profiles (add, rename, delete, choose the active one)
// and a form for the selected one, with a "Test connection" that connects with the form's settings as they
// stand, before anything is saved.
//
// Profiles go to the ProfileStore (settings), passwords to the PasswordStore (the OS keychain) and nowhere
// else: the password field is filled from the keychain when a profile is selected, and written back only
// when the operator changed it. A keychain that cannot be reached is shown in the dialog; the profile is
// still saved without its password.
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT

public:
    // Neither store is owned; both must outlive the dialog.
    ConnectionsDialog(ProfileStore *profiles, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    // The profile being edited (the list's current one), or empty.
    QString currentProfileName() const { return m_current; }
    void selectProfile(const QString &name);

    // The form's settings as a profile, and its password.
    BrokerProfile formProfile() const;
    QString formPassword() const;

    // Creates a profile with a fresh name and default settings, selects it, and returns its name.
    QString addProfile();
    // Renames the profile and moves its keychain entry. Refused (false, *error) for an empty or taken name.
    bool renameProfile(const QString &from, const QString &to, QString *error = nullptr);
    // Removes the profile and its keychain entry, without asking (the Delete button asks first).
    void deleteProfile(const QString &name);
    // Saves the form into the current profile; its password goes to the keychain if it was edited. False
    // (with the reason shown) when the form is not a usable profile.
    bool saveCurrent();
    // Makes the current profile the one the console connects with (saving the form first).
    bool activateCurrent();

    // Connects a temporary client with the form's settings; testFinished() tells the outcome.
    void testConnection();
    bool isTesting() const;

    // How long a test waits for the broker before giving up.
    static constexpr int TestTimeoutMs = 15'000;

Q_SIGNALS:
    void testFinished(bool success, const QString &message);
    // The current profile was saved; passwordSaved() or keychainError() follows when its password changed.
    void profileSaved(const QString &name);
    void passwordSaved(const QString &name);
    void keychainError(const QString &message);
    // The operator chose the profile to connect with (ProfileStore::activeProfileChanged() says it too).
    void activeProfileChosen(const QString &name);
    // The operator chose to open the current profile (saved first) in a window of its own, beside this
    // one's connection; password: the form's, which the keychain may not have stored yet.
    void newWindowChosen(const BrokerProfile &profile, const QString &password);

private:
    void reloadList();
    void onCurrentRowChanged(int row);
    void loadForm(const BrokerProfile &profile);
    // Why the form cannot be used as it stands (translated), empty when it can.
    QString formError(const BrokerProfile &profile) const;
    void setFormEnabled(bool enabled);
    void onPasswordRead(int requestId, const QString &name, const QString &password, bool found);
    void onKeychainFailed(int requestId, const QString &name, const QString &message);
    void finishTest(bool success, const QString &message);
    void chooseFile(QLineEdit *edit, const QString &title, const QString &filter);
    void askRename();
    void askDelete();
    void updateInsecureWarning();
    void showKeychainStatus(const QString &message, bool error);

    ProfileStore *m_profiles;
    PasswordStore *m_passwords;
    QListWidget *m_list;
    QPushButton *m_addButton;
    QPushButton *m_renameButton;
    QPushButton *m_deleteButton;
    QWidget *m_form;
    QLineEdit *m_url;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QComboBox *m_version;
    QComboBox *m_environment;
    QSpinBox *m_keepAlive;
    QLineEdit *m_caFile;
    QLineEdit *m_certificateFile;
    QLineEdit *m_keyFile;
    QCheckBox *m_insecure;
    QLabel *m_insecureWarning;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QLabel *m_keychainStatus;
    QPushButton *m_saveButton;
    QPushButton *m_activateButton;
    QPushButton *m_newWindowButton;
    QPointer<MqttClient> m_testClient;
    QTimer m_testTimer;
    QString m_current;
    // Settings of the current profile the form does not show, kept as they were.
    BrokerProfile m_loaded;
    // The keychain read that will fill the password field, if the operator has not typed meanwhile.
    int m_pendingRead = 0;
    bool m_passwordEdited = false;
    bool m_loading = false;
};

} // namespace fleet
