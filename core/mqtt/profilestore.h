#pragma once

#include "brokerprofile.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace fleet {

// The operator's named connection profiles, kept in settings: several BrokerProfiles, the active one (what
// the console connects with) and the last one actually used (what it offers first after a restart).
//
// Passwords are never here: BrokerProfile::save() writes none and removes any stray "password" key, and the
// password of a profile lives in the OS keychain (PasswordStore) under the profile's name. Renaming or
// deleting a profile is therefore also a keychain operation, which the caller does (ConnectionsDialog).
//
// The settings object is passed in, so that tests use a temporary file and the console its usual one. Every
// change is written through and synced at once: a console that crashes later loses no profile.
class ProfileStore final : public QObject
{
    Q_OBJECT

public:
    // settings is not owned and must outlive the store.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    QStringList names() const;
    QList<BrokerProfile> profiles() const { return m_profiles; }
    bool contains(const QString &name) const;
    std::optional<BrokerProfile> profile(const QString &name) const;

    // Adds a profile, or replaces the one with the same name. Refused (false, *error translated) when the
    // name is empty or only blanks.
    bool save(const BrokerProfile &profile, QString *error = nullptr);
    // Keeps the active and last used marks on the profile. Refused when `from` does not exist or `to` is
    // empty or taken.
    bool rename(const QString &from, const QString &to, QString *error = nullptr);
    // Returns false when there was no such profile. Removing the active profile leaves none active.
    bool remove(const QString &name);

    // The profile to connect with: the one chosen, or else the last used, or else the first; empty when
    // there is no profile at all.
    QString activeProfileName() const;
    std::optional<BrokerProfile> activeProfile() const;
    // Returns false for an unknown name. An empty name clears the choice.
    bool setActiveProfile(const QString &name);

    // The profile the console last connected with.
    QString lastUsedProfileName() const { return m_lastUsed; }
    bool markUsed(const QString &name);

    // Reads everything again from the settings (another console may have changed them).
    void reload();

Q_SIGNALS:
    void profilesChanged();
    void activeProfileChanged(const QString &name);

private:
    int indexOf(const QString &name) const;
    void write();

    QSettings *m_settings;
    QList<BrokerProfile> m_profiles;
    QString m_active;
    QString m_lastUsed;
};

} // namespace fleet
