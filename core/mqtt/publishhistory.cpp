#include "mqtt/publishhistory.h"

#include "common/json.h"
#include "common/networkjson.h"
#include "mqtt/mqttpropertiesjson.h"

#include <QMetaEnum>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Enum values by their names in the settings file, so that reordering an enum cannot change what a saved
// entry says.
template<typename E>
QString enumKey(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

template<typename E>
std::optional<E> enumFromKey(const QString &key)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<E>().keyToValue(key.toLatin1().constData(), &ok);
    return ok ? std::optional<E>(E(value)) : std::nullopt;
}

void writeDraft(QSettings &settings, const PublishDraft &draft)
{
    settings.setValue(u"topic"_s, draft.topic);
    settings.setValue(u"payload"_s, draft.payload);
    settings.setValue(u"payloadTruncated"_s, draft.payloadTruncated);
    settings.setValue(u"format"_s, PublishDraft::formatKey(draft.format));
    settings.setValue(u"qos"_s, draft.qos);
    settings.setValue(u"retain"_s, draft.retain);
    if (draft.properties.isEmpty())
        settings.remove(u"properties"_s);
    else
        settings.setValue(u"properties"_s, compactJson(MqttPropertiesJson::toJson(draft.properties)));
}

// nullopt for an entry the file holds in a form this version never writes.
std::optional<PublishDraft> readDraft(const QSettings &settings)
{
    PublishDraft draft;
    draft.topic = settings.value(u"topic"_s).toString();
    draft.payload = settings.value(u"payload"_s).toByteArray();
    draft.payloadTruncated = settings.value(u"payloadTruncated"_s).toBool();
    const std::optional<PublishDraft::Format> format =
        PublishDraft::formatFromKey(settings.value(u"format"_s).toString());
    bool qosOk = false;
    draft.qos = settings.value(u"qos"_s).toInt(&qosOk);
    draft.retain = settings.value(u"retain"_s).toBool();
    if (draft.topic.isEmpty() || !format || !qosOk || draft.qos < 0 || draft.qos > 2)
        return std::nullopt;
    draft.format = *format;
    const QString properties = settings.value(u"properties"_s).toString();
    if (!properties.isEmpty()) {
        const std::optional<Json> json =
            NetworkJson::parse(properties.toUtf8(), {PublishHistory::MaxStoredBytes, 4});
        if (!json || !json->is_object())
            return std::nullopt;
        draft.properties = MqttPropertiesJson::fromJson(*json);
    }
    return draft;
}

} // namespace

PublishHistory::PublishHistory(QObject *parent)
    : PublishHistory(u"publish"_s, parent)
{}

PublishHistory::PublishHistory(const QString &settingsGroup, QObject *parent)
    : QAbstractListModel(parent)
    , m_group(settingsGroup)
{
    load();
}

PublishHistory::~PublishHistory() = default;

int PublishHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PublishHistory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    using namespace PublishHistoryRoles;
    switch (role) {
    case Qt::DisplayRole:
    case TopicRole:
        return e.draft.topic;
    case PayloadRole:
        return e.draft.payload;
    case PayloadTruncatedRole:
        return e.draft.payloadTruncated;
    case FormatRole:
        return int(e.draft.format);
    case QosRole:
        return e.draft.qos;
    case RetainRole:
        return e.draft.retain;
    case HasPropertiesRole:
        return !e.draft.properties.isEmpty();
    case TimeRole:
        return e.time;
    case RouteRole:
        return int(e.route);
    case OutcomeRole:
        return int(e.outcome);
    case DetailRole:
        return e.detail;
    case KeyRole:
        return qulonglong(e.key);
    default:
        return {};
    }
}

QHash<int, QByteArray> PublishHistory::roleNames() const
{
    using namespace PublishHistoryRoles;
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TopicRole, "topic");
    names.insert(PayloadRole, "payload");
    names.insert(PayloadTruncatedRole, "payloadTruncated");
    names.insert(FormatRole, "format");
    names.insert(QosRole, "qos");
    names.insert(RetainRole, "retain");
    names.insert(HasPropertiesRole, "hasProperties");
    names.insert(TimeRole, "time");
    names.insert(RouteRole, "route");
    names.insert(OutcomeRole, "outcome");
    names.insert(DetailRole, "detail");
    names.insert(KeyRole, "key");
    return names;
}

const PublishHistory::Entry *PublishHistory::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int PublishHistory::rowOf(quint64 key) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).key == key)
            return int(row);
    }
    return -1;
}

qsizetype PublishHistory::storedBytes(const PublishDraft &draft)
{
    const MqttProperties &p = draft.properties;
    qsizetype bytes = draft.topic.size() * 2 + draft.payload.size();
    bytes += p.contentType.value_or(QString()).size() * 2 + p.responseTopic.value_or(QString()).size() * 2 +
             p.correlationData.value_or(QByteArray()).size();
    for (const auto &[name, value] : p.userProperties)
        bytes += (name.size() + value.size()) * 2;
    return bytes;
}

PublishDraft PublishHistory::bounded(PublishDraft draft)
{
    if (draft.payload.size() > MaxPayloadBytes) {
        draft.payload.truncate(MaxPayloadBytes);
        draft.payloadTruncated = true;
    }
    return draft;
}

quint64 PublishHistory::record(const PublishDraft &draft, Route route, Outcome outcome, const QString &detail)
{
    Entry e;
    e.key = m_nextKey++;
    e.draft = bounded(draft);
    e.time = QDateTime::currentDateTimeUtc();
    e.route = route;
    e.outcome = outcome;
    e.detail = detail.left(MaxDetailChars);
    const quint64 key = e.key;
    beginInsertRows({}, 0, 0);
    m_entries.prepend(std::move(e));
    endInsertRows();
    enforceBounds(); // never the newest
    saveHistory();
    return key;
}

bool PublishHistory::setOutcome(quint64 key, Outcome outcome, const QString &detail)
{
    const int row = rowOf(key);
    if (row < 0)
        return false;
    Entry &e = m_entries[row];
    e.outcome = outcome;
    e.detail = detail.left(MaxDetailChars);
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, {PublishHistoryRoles::OutcomeRole, PublishHistoryRoles::DetailRole});
    saveHistory();
    return true;
}

void PublishHistory::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
    saveHistory();
}

void PublishHistory::enforceBounds()
{
    // The newest entry always stays: a single message within the payload bound is within MaxStoredBytes,
    // whatever its topic (at most 64 KiB of UTF-8, 128 KiB counted as UTF-16).
    qsizetype total = 0;
    qsizetype keep = 0;
    for (; keep < m_entries.size() && keep < MaxEntries; ++keep) {
        const qsizetype bytes = storedBytes(m_entries.at(keep).draft);
        if (keep > 0 && total + bytes > MaxStoredBytes)
            break;
        total += bytes;
    }
    if (keep == m_entries.size())
        return;
    beginRemoveRows({}, int(keep), int(m_entries.size() - 1));
    m_entries.resize(keep);
    endRemoveRows();
}

QStringList PublishHistory::favouriteNames() const
{
    QStringList names;
    for (const Favourite &f : m_favourites)
        names.append(f.name);
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

std::optional<PublishDraft> PublishHistory::favourite(const QString &name) const
{
    for (const Favourite &f : m_favourites) {
        if (f.name == name)
            return f.draft;
    }
    return std::nullopt;
}

bool PublishHistory::saveFavourite(const QString &name, const PublishDraft &draft, QString *error)
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return refuse(tr("Give the favourite a name."));
    if (trimmed.size() > MaxFavouriteNameChars)
        return refuse(tr("A favourite's name has at most %1 characters.").arg(MaxFavouriteNameChars));
    if (draft.topic.isEmpty())
        return refuse(tr("A favourite needs a topic."));
    if (draft.payload.size() > MaxPayloadBytes)
        return refuse(tr("A favourite keeps a payload of at most %1 KiB; this one is %2 bytes.")
                          .arg(MaxPayloadBytes / 1024)
                          .arg(draft.payload.size()));
    const auto existing = std::find_if(m_favourites.begin(), m_favourites.end(),
                                       [&](const Favourite &f) { return f.name == trimmed; });
    if (existing == m_favourites.end() && m_favourites.size() >= MaxFavourites)
        return refuse(tr("There are %1 favourites already: delete one first.").arg(MaxFavourites));
    qsizetype total = storedBytes(draft);
    for (const Favourite &f : std::as_const(m_favourites)) {
        if (f.name != trimmed)
            total += storedBytes(f.draft);
    }
    if (total > MaxStoredBytes)
        return refuse(
            tr("The favourites would hold more than %1 KiB: delete some first.").arg(MaxStoredBytes / 1024));
    PublishDraft kept = draft;
    kept.payloadTruncated = false;
    if (existing != m_favourites.end())
        existing->draft = kept;
    else
        m_favourites.append({trimmed, kept});
    saveFavourites();
    Q_EMIT favouritesChanged();
    return true;
}

bool PublishHistory::removeFavourite(const QString &name)
{
    const qsizetype removed = m_favourites.removeIf([&](const Favourite &f) { return f.name == name; });
    if (removed == 0)
        return false;
    saveFavourites();
    Q_EMIT favouritesChanged();
    return true;
}

void PublishHistory::load()
{
    QSettings &settings = m_settings;
    settings.beginGroup(m_group);
    // A hostile or corrupt file may claim any size: only the bounded number of entries is read.
    const int entries = settings.beginReadArray(u"history"_s);
    qsizetype total = 0;
    for (int i = 0; i < std::min(entries, MaxEntries); ++i) {
        settings.setArrayIndex(i);
        std::optional<PublishDraft> draft = readDraft(settings);
        const std::optional<Route> route = enumFromKey<Route>(settings.value(u"route"_s).toString());
        std::optional<Outcome> outcome = enumFromKey<Outcome>(settings.value(u"outcome"_s).toString());
        if (!draft || !route || !outcome)
            continue;
        Entry e;
        e.key = m_nextKey++;
        e.draft = bounded(std::move(*draft));
        total += storedBytes(e.draft);
        if (total > MaxStoredBytes && !m_entries.isEmpty())
            break;
        e.time = QDateTime::fromString(settings.value(u"time"_s).toString(), Qt::ISODateWithMs);
        e.route = *route;
        // An entry still pending was left so by a console that closed before its answer came.
        e.outcome = *outcome == Outcome::Pending ? Outcome::Unknown : *outcome;
        e.detail = settings.value(u"detail"_s).toString().left(MaxDetailChars);
        m_entries.append(std::move(e));
    }
    settings.endArray();

    const int favourites = settings.beginReadArray(u"favourites"_s);
    total = 0;
    for (int i = 0; i < std::min(favourites, MaxFavourites); ++i) {
        settings.setArrayIndex(i);
        const QString name = settings.value(u"name"_s).toString().trimmed();
        std::optional<PublishDraft> draft = readDraft(settings);
        if (name.isEmpty() || name.size() > MaxFavouriteNameChars || !draft ||
            draft->payload.size() > MaxPayloadBytes || favourite(name))
            continue;
        total += storedBytes(*draft);
        if (total > MaxStoredBytes)
            break;
        m_favourites.append({name, std::move(*draft)});
    }
    settings.endArray();
    settings.endGroup();
}

void PublishHistory::saveHistory()
{
    QSettings &settings = m_settings;
    settings.beginGroup(m_group);
    settings.remove(u"history"_s);
    settings.beginWriteArray(u"history"_s, int(m_entries.size()));
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        settings.setArrayIndex(int(i));
        writeDraft(settings, e.draft);
        settings.setValue(u"time"_s, e.time.toString(Qt::ISODateWithMs));
        settings.setValue(u"route"_s, enumKey(e.route));
        settings.setValue(u"outcome"_s, enumKey(e.outcome));
        settings.setValue(u"detail"_s, e.detail);
    }
    settings.endArray();
    settings.endGroup();
}

void PublishHistory::saveFavourites()
{
    QSettings &settings = m_settings;
    settings.beginGroup(m_group);
    settings.remove(u"favourites"_s);
    settings.beginWriteArray(u"favourites"_s, int(m_favourites.size()));
    for (qsizetype i = 0; i < m_favourites.size(); ++i) {
        settings.setArrayIndex(int(i));
        settings.setValue(u"name"_s, m_favourites.at(i).name);
        writeDraft(settings, m_favourites.at(i).draft);
    }
    settings.endArray();
    settings.endGroup();
}

} // namespace fleet
