#include "fleetregistry.h"

#include "common/json.h"
#include "common/networkjson.h"

#include "mqtt/topicfilter.h"
#include "shadow/shadowdocument.h"
#include "shadow/shadowtopic.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QStringView IdPlaceholder = u"{id}";
// Bounds on what untrusted traffic can make the registry keep per device.
constexpr qsizetype MaxIdLength = 256;
constexpr qsizetype MaxAttributes = 32;
constexpr qsizetype MaxAttributeText = 256;
constexpr qsizetype MaxShadowPayload = 256 * 1024;
constexpr qint64 MaxImportBytes = 64 * 1024 * 1024;

bool isDeviceId(QStringView id)
{
    return id.size() <= MaxIdLength && AtlasDialect::isValidId(id);
}

// Discarded for anything not JSON, too large or too deeply nested to be read safely.
Json parseJson(const QByteArray &payload, qsizetype maxBytes = NetworkJson::DefaultMaxBytes)
{
    return NetworkJson::parse(payload, {maxBytes, NetworkJson::DefaultMaxDepth})
        .value_or(Json(Json::value_t::discarded));
}

// A section of a shadow state: an object, or empty when absent.
Json sectionOf(const Json &state, const char *key)
{
    const Json *section = jsonMember(state, key);
    return section && section->is_object() ? *section : Json::object();
}

std::optional<qint64> versionOf(const Json *value)
{
    if (!value || !value->is_number_integer())
        return std::nullopt;
    const qint64 version = value->get<qint64>();
    if (version < 0)
        return std::nullopt;
    return version;
}

std::optional<QVariant> scalar(const Json &value)
{
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        if (qsizetype(text.size()) > MaxAttributeText)
            return std::nullopt;
        return QVariant(QString::fromStdString(text));
    }
    if (value.is_boolean())
        return QVariant(value.get<bool>());
    if (value.is_number_unsigned())
        return QVariant(value.get<quint64>());
    if (value.is_number_integer())
        return QVariant(value.get<qint64>());
    if (value.is_number_float())
        return QVariant(value.get<double>());
    return std::nullopt;
}

bool validGroupName(const QString &group)
{
    return !group.trimmed().isEmpty();
}

void insertSorted(QList<quint32> &list, quint32 value)
{
    const auto it = std::lower_bound(list.begin(), list.end(), value);
    if (it == list.end() || *it != value)
        list.insert(it, value);
}

} // namespace

FleetRegistry::FleetRegistry(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    parseTemplate(u"presence/{id}"_s, &m_presence, nullptr);
    parseTemplate(u"telemetry/{id}"_s, &m_telemetry, nullptr);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &FleetRegistry::flush);
}

FleetRegistry::~FleetRegistry() = default;

bool FleetRegistry::parseTemplate(const QString &pattern, Template *result, QString *error)
{
    const QStringList levels = pattern.split(u'/');
    int placeholders = 0;
    qsizetype at = -1;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        if (levels.at(i) == IdPlaceholder) {
            ++placeholders;
            at = i;
        }
    }
    const QString sample = QString(pattern).replace(IdPlaceholder.toString(), u"x"_s);
    if (placeholders != 1 || pattern.count(IdPlaceholder) != 1 || !TopicFilter::isValidTopicName(sample)) {
        if (error)
            *error =
                tr("The topic template \"%1\" needs exactly one {id} level and no wildcards.").arg(pattern);
        return false;
    }
    Template t;
    t.pattern = pattern;
    t.prefix = levels.mid(0, at).join(u'/');
    if (at > 0)
        t.prefix += u'/';
    t.suffix = levels.mid(at + 1).join(u'/');
    if (at + 1 < levels.size())
        t.suffix.prepend(u'/');
    *result = t;
    return true;
}

QString FleetRegistry::matchTemplate(const Template &t, const QString &topic)
{
    if (topic.size() <= t.prefix.size() + t.suffix.size() || !topic.startsWith(t.prefix) ||
        !topic.endsWith(t.suffix))
        return {};
    const QStringView id =
        QStringView(topic).mid(t.prefix.size(), topic.size() - t.prefix.size() - t.suffix.size());
    return isDeviceId(id) ? id.toString() : QString();
}

QString FleetRegistry::filterOf(const Template &t)
{
    return t.prefix + u'+' + t.suffix;
}

QString FleetRegistry::attributeText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    default:
        return value.toString();
    }
}

bool FleetRegistry::setPresenceTemplate(const QString &pattern, QString *error)
{
    return parseTemplate(pattern, &m_presence, error);
}

bool FleetRegistry::setTelemetryTemplate(const QString &pattern, QString *error)
{
    return parseTemplate(pattern, &m_telemetry, error);
}

QString FleetRegistry::presenceTemplate() const
{
    return m_presence.pattern;
}

QString FleetRegistry::telemetryTemplate() const
{
    return m_telemetry.pattern;
}

void FleetRegistry::setPresencePayloads(const QByteArray &online, const QByteArray &offline)
{
    m_online = online;
    m_offline = offline;
}

void FleetRegistry::setDialects(const QList<AtlasDialect> &dialects, const QStringList &replyFilters)
{
    m_dialects = dialects.isEmpty() ? QList<AtlasDialect>{AtlasDialect()} : dialects;
    m_replyFilters = replyFilters;
}

void FleetRegistry::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

QStringList FleetRegistry::subscriptionFilters() const
{
    QStringList filters = {filterOf(m_presence), filterOf(m_telemetry)};
    if (!m_replyFilters.isEmpty()) {
        filters << m_replyFilters;
    } else {
        for (const AtlasDialect &dialect : m_dialects)
            filters << dialect.responseFilter() << dialect.groupResponseFilter();
    }
    const QString shadow = u"$aws/things/+/shadow/"_s;
    filters << shadow + u"update/documents"_s << shadow + u"get/accepted"_s << shadow + u"delete/accepted"_s;
    // Azure IoT Hub devices: the broker plugin's presence (retained, one per provisioned device) and their
    // device-to-cloud messages.
    filters << u"$fleet/iothub-presence/+"_s << u"devices/+/messages/events/#"_s;
    // Their twins, as fleet-hub answers and announces them; the same filters as AzureHubClient's, so that
    // the broker holds one subscription and sends each message once.
    filters << u"$fleet/twins/+/get/+"_s << u"$fleet/twins/+/documents"_s;
    filters.removeDuplicates();
    return filters;
}

bool FleetRegistry::ingest(const MqttMessage &message)
{
    const QString &topic = message.topic();
    if (topic.startsWith(u"$aws/things/"))
        return ingestShadow(message);
    if (topic.startsWith(u"$fleet/twins/"))
        return ingestTwin(message);
    if (topic.startsWith(u"$fleet/iothub-presence/"))
        return ingestAzurePresence(topic.mid(23), message);
    if (topic.startsWith(u"devices/")) {
        // devices/{id}/messages/events/…: a device-to-cloud message of an Azure device is a sign of life.
        const QStringList levels = topic.split(u'/');
        if (levels.size() >= 4 && levels.at(2) == u"messages" && levels.at(3) == u"events" &&
            isDeviceId(levels.at(1)))
            return ingestAlive(levels.at(1), message);
        // Anything else under devices/ may still be a configured template's (below).
    }
    if (const QString id = matchTemplate(m_presence, topic); !id.isEmpty())
        return ingestPresence(id, message);
    if (const QString id = matchTemplate(m_telemetry, topic); !id.isEmpty())
        return ingestAlive(id, message);
    for (const AtlasDialect &dialect : std::as_const(m_dialects)) {
        if (!dialect.deviceFromTopic(topic) && !dialect.groupFromTopic(topic))
            continue;
        const std::optional<AtlasReply> reply = dialect.decodeReply(topic, message.payload());
        if (!reply || !isDeviceId(reply->device))
            return false;
        return ingestAlive(reply->device, message);
    }
    return false;
}

bool FleetRegistry::ingestPresence(const QString &id, const MqttMessage &message)
{
    const QByteArray payload = message.payload().trimmed();
    Device::Connectivity connectivity;
    if (payload == m_online)
        connectivity = Device::Connectivity::Online;
    else if (payload == m_offline)
        connectivity = Device::Connectivity::Offline;
    else
        return false;
    const int row = admit(id);
    if (row < 0)
        return false;
    Record &record = m_records[row];
    const qint64 now = m_clock();
    bool changed = setConnectivity(
        record, connectivity,
        message.retain() ? PresenceChange::Source::Retained : PresenceChange::Source::Live, now);
    // "offline" is usually the broker speaking for the device (its Last Will), so it is no sign of life.
    if (!message.retain() && connectivity == Device::Connectivity::Online) {
        record.lastSeen = now;
        changed = true;
    }
    if (changed)
        markChanged(row);
    return true;
}

bool FleetRegistry::ingestTwin(const MqttMessage &message)
{
    // $fleet/twins/{id}/documents and …/get/accepted: {"desired": {…, "$version"}, "reported": {…,
    // "$version"}}. Only fleet-hub's account writes these topics.
    const QStringList levels = message.topic().split(u'/');
    const bool documents = levels.size() == 4 && levels.at(3) == u"documents";
    const bool got = levels.size() == 5 && levels.at(3) == u"get" && levels.at(4) == u"accepted";
    if ((!documents && !got) || !isDeviceId(levels.at(2)) || message.payload().size() > MaxShadowPayload)
        return false;
    const Json body = parseJson(message.payload());
    const Json *desired = body.is_object() ? jsonMember(body, "desired") : nullptr;
    const Json *reported = body.is_object() ? jsonMember(body, "reported") : nullptr;
    if (!desired || !desired->is_object() || !reported || !reported->is_object())
        return false;
    const std::optional<qint64> desiredVersion = versionOf(jsonMember(*desired, "$version"));
    const std::optional<qint64> reportedVersion = versionOf(jsonMember(*reported, "$version"));
    if (!desiredVersion || !reportedVersion)
        return false;
    Json d = *desired;
    Json r = *reported;
    d.erase("$version");
    r.erase("$version");
    // A twin has a version per section; their sum grows with every change of either, as a shadow's does.
    return applyShadow(levels.at(2), *desiredVersion + *reportedVersion, d, r);
}

bool FleetRegistry::ingestAzurePresence(const QString &id, const MqttMessage &message)
{
    // {"connected": true|false}, from the fleet_iothub broker plugin (no account can publish it).
    const QByteArray payload = message.payload().trimmed();
    if (!isDeviceId(id) || (payload != R"({"connected":true})" && payload != R"({"connected":false})"))
        return false;
    MqttMessage translated = message;
    translated.setPayload(payload == R"({"connected":true})" ? m_online : m_offline);
    return ingestPresence(id, translated);
}

bool FleetRegistry::ingestAlive(const QString &id, const MqttMessage &message)
{
    const int row = admit(id);
    if (row < 0)
        return false;
    if (message.retain())
        return true;
    Record &record = m_records[row];
    const qint64 now = m_clock();
    record.lastSeen = now;
    setConnectivity(record, Device::Connectivity::Online, PresenceChange::Source::Activity, now);
    markChanged(row);
    return true;
}

bool FleetRegistry::setConnectivity(Record &record, Device::Connectivity connectivity,
                                    PresenceChange::Source source, qint64 now)
{
    if (record.connectivity == connectivity)
        return false;
    // The first known state stays in the record alone: a history starts only with a change from one known
    // state to another, so that a fleet coming online (or announced retained at start) keeps none.
    if (record.connectivity != Device::Connectivity::Unknown) {
        const PresenceChange change{connectivity, now, source};
        const PresenceChange before{record.connectivity, record.observed, record.connectivitySource};
        m_presenceHistory.append(record.id, change, &before);
    }
    record.connectivity = connectivity;
    record.connectivitySource = source;
    record.observed = now;
    // A retained message tells the state the broker kept, not when it began.
    record.since = source == PresenceChange::Source::Retained ? 0 : now;
    return true;
}

bool FleetRegistry::ingestShadow(const MqttMessage &message)
{
    const std::optional<ShadowTopic> topic = ShadowTopic::parse(message.topic());
    if (!topic || topic->isNamed() || !isDeviceId(topic->thingName()) ||
        message.payload().size() > MaxShadowPayload)
        return false;
    const auto operation = topic->operation();
    const auto reply = topic->reply();
    const bool documents =
        operation == ShadowTopic::Operation::Update && reply == ShadowTopic::Reply::Documents;
    const bool got = operation == ShadowTopic::Operation::Get && reply == ShadowTopic::Reply::Accepted;
    const bool deleted = operation == ShadowTopic::Operation::Delete && reply == ShadowTopic::Reply::Accepted;
    if (!documents && !got && !deleted)
        return false;
    const Json body = parseJson(message.payload());
    if (!body.is_object())
        return false;

    if (documents) {
        const Json *current = jsonMember(body, "current");
        const Json *state = current ? jsonMember(*current, "state") : nullptr;
        const std::optional<qint64> version =
            current ? versionOf(jsonMember(*current, "version")) : std::nullopt;
        if (!state || !state->is_object() || !version)
            return false;
        return applyShadow(topic->thingName(), *version, sectionOf(*state, "desired"),
                           sectionOf(*state, "reported"));
    }
    const std::optional<qint64> version = versionOf(jsonMember(body, "version"));
    if (!version)
        return false;
    if (got) {
        const Json *state = jsonMember(body, "state");
        if (!state || !state->is_object())
            return false;
        return applyShadow(topic->thingName(), *version, sectionOf(*state, "desired"),
                           sectionOf(*state, "reported"));
    }
    const int row = admit(topic->thingName());
    if (row < 0)
        return false;
    Record &record = m_records[row];
    if (record.shadowKnown && *version < record.shadowVersion)
        return false;
    const bool hadAttributes = !record.attributes.isEmpty();
    record.shadowKnown = false;
    record.shadowVersion = *version;
    record.differingKeys = 0;
    record.attributes.clear();
    if (hadAttributes && !m_attributeGroups.isEmpty())
        updateGroups(record);
    markChanged(row);
    return true;
}

bool FleetRegistry::applyShadow(const QString &id, qint64 version, const Json &desired, const Json &reported)
{
    const Json stored = {{"exists", true},
                         {"version", version},
                         {"timestamp", 0},
                         {"state", {{"desired", desired}, {"reported", reported}}},
                         {"metadata", Json::object()}};
    const std::optional<ShadowDocument> document = ShadowDocument::fromStored(stored);
    if (!document)
        return false;
    const int differing = int(document->delta().size());

    const int row = admit(id);
    if (row < 0)
        return false;
    Record &record = m_records[row];
    if (record.shadowKnown && version < record.shadowVersion)
        return false; // an older document overtaken by a newer one

    // Names are interned only once the document is known to be kept: a refused or outdated one leaves none.
    QList<Attribute> attributes;
    for (auto it = reported.begin(); it != reported.end() && attributes.size() < MaxAttributes; ++it) {
        std::optional<QVariant> value = scalar(*it);
        if (!value)
            continue;
        if (const std::optional<quint32> key = reportedKey(QString::fromStdString(it.key())))
            attributes.append({*key, std::move(*value)});
    }
    QList<quint32> announced;
    if (const Json *list = jsonMember(reported, "groups"); list && list->is_array()) {
        for (const Json &group : *list) {
            if (announced.size() >= MaxReportedGroups)
                break;
            const QString name =
                group.is_string() ? QString::fromStdString(group.get<std::string>()) : QString();
            if (!validGroupName(name) || name.size() > MaxGroupNameLength)
                continue;
            // A device may not fill the fleet's table of names: past the bound, new names are not kept.
            if (!m_groupIndex.contains(name) && m_groupNames.size() >= MaxGroupNames)
                continue;
            insertSorted(announced, intern(name));
        }
    }
    const bool regrouped = announced != record.reportedGroups;
    if (regrouped)
        record.reportedGroups = std::move(announced);
    const auto sameAttributes = [&] {
        return std::equal(
            attributes.cbegin(), attributes.cend(), record.attributes.cbegin(), record.attributes.cend(),
            [](const Attribute &a, const Attribute &b) { return a.key == b.key && a.value == b.value; });
    };
    bool changed =
        !record.shadowKnown || record.shadowVersion != version || record.differingKeys != differing;
    if (regrouped && updateGroups(record))
        changed = true;
    record.shadowKnown = true;
    record.shadowVersion = version;
    record.differingKeys = differing;
    if (!sameAttributes()) {
        record.attributes = std::move(attributes);
        changed = true;
        if (!m_attributeGroups.isEmpty())
            updateGroups(record);
    }
    if (changed)
        markChanged(row);
    return true;
}

int FleetRegistry::findOrCreate(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it != m_index.cend())
        return it.value();
    const int row = int(m_records.size());
    Record record;
    record.id = id;
    updateGroups(record);
    m_records.append(std::move(record));
    m_index.insert(id, row);
    if (m_firstNewRow < 0)
        m_firstNewRow = row;
    scheduleFlush();
    return row;
}

int FleetRegistry::admit(const QString &id)
{
    if (const int row = indexOf(id); row >= 0)
        return row;
    if (isFull()) {
        ++m_refusedMessages;
        m_refusedChanged = true;
        scheduleFlush();
        return -1;
    }
    return findOrCreate(id);
}

void FleetRegistry::setMaxDevices(int devices)
{
    m_maxDevices = std::max(1, devices);
}

void FleetRegistry::markChanged(int row)
{
    // A row added this turn is announced by devicesAdded() with whatever it holds by then.
    if (m_firstNewRow >= 0 && row >= m_firstNewRow)
        return;
    Record &record = m_records[row];
    if (record.dirty)
        return;
    record.dirty = true;
    m_changedRows.append(row);
    scheduleFlush();
}

void FleetRegistry::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FleetRegistry::flush()
{
    m_flushTimer.stop();
    const int first = m_firstNewRow;
    const int last = int(m_records.size()) - 1;
    m_firstNewRow = -1;
    QList<int> rows = std::exchange(m_changedRows, {});
    for (int row : std::as_const(rows))
        m_records[row].dirty = false;
    std::sort(rows.begin(), rows.end());
    if (first >= 0 && first <= last)
        Q_EMIT devicesAdded(first, last);
    if (!rows.isEmpty())
        Q_EMIT devicesChanged(rows);
    if (std::exchange(m_refusedChanged, false))
        Q_EMIT refusedMessagesChanged(m_refusedMessages);
}

quint32 FleetRegistry::intern(const QString &name)
{
    const auto it = m_groupIndex.constFind(name);
    if (it != m_groupIndex.cend())
        return it.value();
    const quint32 index = quint32(m_groupNames.size());
    m_groupNames.append(name);
    m_groupIndex.insert(name, index);
    return index;
}

quint32 FleetRegistry::internKey(const QString &key)
{
    const auto it = m_keyIndex.constFind(key);
    if (it != m_keyIndex.cend())
        return it.value();
    const quint32 index = quint32(m_keyNames.size());
    m_keyNames.append(key);
    m_keyIndex.insert(key, index);
    return index;
}

std::optional<quint32> FleetRegistry::reportedKey(const QString &key)
{
    if (key.size() > MaxAttributeKeyLength)
        return std::nullopt;
    if (const auto it = m_keyIndex.constFind(key); it != m_keyIndex.cend())
        return it.value();
    if (m_keyNames.size() >= MaxAttributeKeys)
        return std::nullopt;
    return internKey(key);
}

bool FleetRegistry::updateGroups(Record &record) const
{
    QList<quint32> groups = record.manualGroups;
    for (const quint32 group : record.reportedGroups)
        insertSorted(groups, group);
    for (const PatternGroup &pattern : m_patternGroups) {
        if (pattern.pattern.match(record.id).hasMatch())
            insertSorted(groups, pattern.group);
    }
    for (const AttributeGroup &attribute : m_attributeGroups) {
        for (const Attribute &a : record.attributes) {
            if (a.key == attribute.key) {
                if (attributeText(a.value) == attribute.value)
                    insertSorted(groups, attribute.group);
                break;
            }
        }
    }
    if (groups == record.groups)
        return false;
    record.groups = groups;
    return true;
}

void FleetRegistry::regroupAll()
{
    for (int row = 0; row < count(); ++row) {
        if (updateGroups(m_records[row]))
            markChanged(row);
    }
}

bool FleetRegistry::addToGroup(const QString &id, const QString &group, QString *error)
{
    if (!isDeviceId(id)) {
        if (error)
            *error = tr("\"%1\" is not a valid device id.").arg(id);
        return false;
    }
    if (!validGroupName(group)) {
        if (error)
            *error = tr("A group needs a name.");
        return false;
    }
    const quint32 index = intern(group);
    const int row = findOrCreate(id);
    Record &record = m_records[row];
    insertSorted(record.manualGroups, index);
    if (updateGroups(record))
        markChanged(row);
    return true;
}

bool FleetRegistry::removeFromGroup(const QString &id, const QString &group)
{
    const int row = indexOf(id);
    const auto it = m_groupIndex.constFind(group);
    if (row < 0 || it == m_groupIndex.cend())
        return false;
    Record &record = m_records[row];
    if (!record.manualGroups.removeOne(it.value()))
        return false;
    if (updateGroups(record))
        markChanged(row);
    return true;
}

bool FleetRegistry::addPatternGroup(const QString &group, const QString &pattern, QString *error)
{
    const QRegularExpression expression = QRegularExpression::fromWildcard(pattern, Qt::CaseSensitive);
    if (!validGroupName(group) || pattern.isEmpty() || !expression.isValid()) {
        if (error)
            *error = validGroupName(group) ? tr("\"%1\" is not a valid id pattern.").arg(pattern)
                                           : tr("A group needs a name.");
        return false;
    }
    m_patternGroups.append({intern(group), expression});
    regroupAll();
    return true;
}

bool FleetRegistry::addAttributeGroup(const QString &group, const QString &key, const QString &value,
                                      QString *error)
{
    if (!validGroupName(group) || key.isEmpty()) {
        if (error)
            *error = key.isEmpty() ? tr("An attribute group needs an attribute name.")
                                   : tr("A group needs a name.");
        return false;
    }
    m_attributeGroups.append({intern(group), internKey(key), value});
    regroupAll();
    return true;
}

QStringList FleetRegistry::groupNames() const
{
    QStringList names = m_groupNames;
    names.sort();
    return names;
}

QStringList FleetRegistry::devicesInGroup(const QString &group) const
{
    QStringList ids;
    const auto it = m_groupIndex.constFind(group);
    if (it == m_groupIndex.cend())
        return ids;
    for (const Record &record : m_records) {
        if (std::binary_search(record.groups.cbegin(), record.groups.cend(), it.value()))
            ids.append(record.id);
    }
    return ids;
}

bool FleetRegistry::setPendingCommands(const QString &id, int count)
{
    const int row = indexOf(id);
    if (row < 0)
        return false;
    Record &record = m_records[row];
    count = std::max(count, 0);
    if (record.pendingCommands != count) {
        record.pendingCommands = count;
        markChanged(row);
    }
    return true;
}

Device FleetRegistry::deviceAt(int row) const
{
    Device device = summaryAt(row);
    if (row < 0 || row >= count())
        return device;
    const Record &record = m_records.at(row);
    device.groups = groupsAt(row);
    for (const Attribute &attribute : record.attributes)
        device.attributes.insert(m_keyNames.at(attribute.key), attribute.value);
    return device;
}

Device FleetRegistry::summaryAt(int row) const
{
    Device device;
    if (row < 0 || row >= count())
        return device;
    const Record &record = m_records.at(row);
    device.id = record.id;
    device.connectivity = record.connectivity;
    device.connectivitySince = record.since;
    device.lastSeen = record.lastSeen;
    device.shadow.known = record.shadowKnown;
    device.shadow.inSync = record.shadowKnown && record.differingKeys == 0;
    device.shadow.differingDesiredKeys = record.differingKeys;
    device.shadow.version = record.shadowVersion;
    device.pendingCommands = record.pendingCommands;
    return device;
}

QStringList FleetRegistry::groupsAt(int row) const
{
    QStringList groups;
    if (row < 0 || row >= count())
        return groups;
    const Record &record = m_records.at(row);
    groups.reserve(record.groups.size());
    for (quint32 group : record.groups)
        groups.append(m_groupNames.at(group));
    groups.sort();
    return groups;
}

QList<Device> FleetRegistry::devices() const
{
    QList<Device> result;
    result.reserve(m_records.size());
    for (int row = 0; row < count(); ++row)
        result.append(deviceAt(row));
    return result;
}

Device::Connectivity FleetRegistry::connectivityAt(int row) const
{
    return row >= 0 && row < count() ? m_records.at(row).connectivity : Device::Connectivity::Unknown;
}

QList<PresenceChange> FleetRegistry::presenceHistory(const QString &id) const
{
    if (m_presenceHistory.contains(id))
        return m_presenceHistory.changes(id);
    const int row = indexOf(id);
    if (row < 0 || m_records.at(row).connectivity == Device::Connectivity::Unknown)
        return {};
    const Record &record = m_records.at(row);
    return {PresenceChange{record.connectivity, record.observed, record.connectivitySource}};
}

bool FleetRegistry::importFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > MaxImportBytes) {
        if (error)
            *error = tr("\"%1\" is larger than %2 MB.").arg(path).arg(MaxImportBytes / (1024 * 1024));
        return false;
    }
    QString reason;
    if (!importData(file.readAll(), &reason)) {
        if (error)
            *error = tr("Cannot import \"%1\": %2").arg(path, reason);
        return false;
    }
    return true;
}

bool FleetRegistry::importData(const QByteArray &data, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError())
        return fail(tr("The file is not valid UTF-8."));

    // Everything is checked before anything is applied, so a bad file imports nothing.
    QList<QPair<QString, QStringList>> entries;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'[') || trimmed.startsWith(u'{')) {
        const Json document = parseJson(data, MaxImportBytes);
        if (!document.is_array())
            return fail(tr("The file is not a valid JSON array."));
        for (qsizetype i = 0; i < qsizetype(document.size()); ++i) {
            const Json &item = document.at(size_t(i));
            const Json *id = jsonMember(item, "id");
            if (!id || !id->is_string())
                return fail(tr("Entry %1 needs an \"id\" string.").arg(i + 1));
            const QString idText = QString::fromStdString(id->get<std::string>());
            if (!isDeviceId(idText))
                return fail(tr("Entry %1: \"%2\" is not a valid device id.").arg(i + 1).arg(idText));
            QStringList groups;
            if (const Json *list = jsonMember(item, "groups")) {
                if (!list->is_array())
                    return fail(tr("Entry %1: \"groups\" must be an array of names.").arg(i + 1));
                for (const Json &group : *list) {
                    const QString name =
                        group.is_string() ? QString::fromStdString(group.get<std::string>()) : QString();
                    if (!validGroupName(name))
                        return fail(tr("Entry %1: every group needs a non-empty name.").arg(i + 1));
                    groups.append(name);
                }
            }
            entries.append({idText, groups});
        }
    } else {
        const QStringList lines = text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            if (!isDeviceId(line))
                return fail(tr("Line %1: \"%2\" is not a valid device id.").arg(i + 1).arg(line));
            entries.append({line, {}});
        }
    }
    if (entries.isEmpty())
        return fail(tr("The file names no devices."));

    for (const auto &[id, groups] : std::as_const(entries)) {
        const int row = findOrCreate(id);
        Record &record = m_records[row];
        for (const QString &group : groups)
            insertSorted(record.manualGroups, intern(group));
        if (updateGroups(record))
            markChanged(row);
    }
    return true;
}

} // namespace fleet
