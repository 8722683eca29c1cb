#include "profilestore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

const QString Group = u"connections"_s;
const QString ProfilesKey = u"profiles"_s;
const QString ActiveKey = u"active"_s;
const QString LastUsedKey = u"lastUsed"_s;

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    reload();
}

void ProfileStore::reload()
{
    m_profiles.clear();
    m_settings->beginGroup(Group);
    const int count = m_settings->beginReadArray(ProfilesKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        BrokerProfile profile = BrokerProfile::load(*m_settings);
        // A hand-edited file may hold nameless or duplicate entries; the first of a name wins.
        if (!profile.name.trimmed().isEmpty() && indexOf(profile.name) < 0)
            m_profiles.append(profile);
    }
    m_settings->endArray();
    m_active = m_settings->value(ActiveKey).toString();
    m_lastUsed = m_settings->value(LastUsedKey).toString();
    m_settings->endGroup();
    if (!contains(m_active))
        m_active.clear();
    if (!contains(m_lastUsed))
        m_lastUsed.clear();
}

void ProfileStore::write()
{
    m_settings->beginGroup(Group);
    // The array is written whole: removing entry i of a QSettings array otherwise leaves a hole.
    m_settings->remove(ProfilesKey);
    m_settings->beginWriteArray(ProfilesKey, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_profiles.at(i).save(*m_settings);
    }
    m_settings->endArray();
    m_settings->setValue(ActiveKey, m_active);
    m_settings->setValue(LastUsedKey, m_lastUsed);
    m_settings->endGroup();
    m_settings->sync();
}

int ProfileStore::indexOf(const QString &name) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

QStringList ProfileStore::names() const
{
    QStringList result;
    result.reserve(m_profiles.size());
    for (const BrokerProfile &profile : m_profiles)
        result.append(profile.name);
    return result;
}

bool ProfileStore::contains(const QString &name) const
{
    return !name.isEmpty() && indexOf(name) >= 0;
}

std::optional<BrokerProfile> ProfileStore::profile(const QString &name) const
{
    const int index = indexOf(name);
    if (index < 0)
        return std::nullopt;
    return m_profiles.at(index);
}

bool ProfileStore::save(const BrokerProfile &profile, QString *error)
{
    if (profile.name.trimmed().isEmpty()) {
        if (error)
            *error = tr("A connection needs a name.");
        return false;
    }
    const int index = indexOf(profile.name);
    if (index >= 0)
        m_profiles[index] = profile;
    else
        m_profiles.append(profile);
    write();
    Q_EMIT profilesChanged();
    // Saving the active profile changes what the console would connect with.
    if (profile.name == activeProfileName())
        Q_EMIT activeProfileChanged(profile.name);
    return true;
}

bool ProfileStore::rename(const QString &from, const QString &to, QString *error)
{
    auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const int index = indexOf(from);
    if (index < 0)
        return failed(tr("There is no connection named \"%1\".").arg(from));
    if (to.trimmed().isEmpty())
        return failed(tr("A connection needs a name."));
    if (to == from)
        return true;
    if (contains(to))
        return failed(tr("There is already a connection named \"%1\".").arg(to));
    const bool wasActive = activeProfileName() == from;
    m_profiles[index].name = to;
    if (m_active == from)
        m_active = to;
    if (m_lastUsed == from)
        m_lastUsed = to;
    write();
    Q_EMIT profilesChanged();
    if (wasActive)
        Q_EMIT activeProfileChanged(to);
    return true;
}

bool ProfileStore::remove(const QString &name)
{
    const int index = indexOf(name);
    if (index < 0)
        return false;
    const QString activeBefore = activeProfileName();
    m_profiles.removeAt(index);
    if (m_active == name)
        m_active.clear();
    if (m_lastUsed == name)
        m_lastUsed.clear();
    write();
    Q_EMIT profilesChanged();
    if (activeProfileName() != activeBefore)
        Q_EMIT activeProfileChanged(activeProfileName());
    return true;
}

QString ProfileStore::activeProfileName() const
{
    if (!m_active.isEmpty())
        return m_active;
    if (!m_lastUsed.isEmpty())
        return m_lastUsed;
    return m_profiles.isEmpty() ? QString() : m_profiles.constFirst().name;
}

std::optional<BrokerProfile> ProfileStore::activeProfile() const
{
    return profile(activeProfileName());
}

bool ProfileStore::setActiveProfile(const QString &name)
{
    if (!name.isEmpty() && !contains(name))
        return false;
    const QString before = activeProfileName();
    m_active = name;
    write();
    if (activeProfileName() != before)
        Q_EMIT activeProfileChanged(activeProfileName());
    return true;
}

bool ProfileStore::markUsed(const QString &name)
{
    if (!contains(name))
        return false;
    const QString before = activeProfileName();
    m_lastUsed = name;
    write();
    if (activeProfileName() != before)
        Q_EMIT activeProfileChanged(activeProfileName());
    return true;
}

} // namespace fleet
