#include "commands/gatedtopics.h"

#include "commands/commandspec.h"
#include "mqtt/topicfilter.h"

#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QLatin1StringView TidPlaceholder{"{tid}"};

// The template as a regular expression: literals escaped, the first {device} (or {group}) and {tid} as named
// groups of one level's characters, any repeat as a back-reference to it.
QRegularExpression templatePattern(const QString &topicTemplate, const QString &placeholder)
{
    QString pattern = u"^"_s;
    bool idSeen = false;
    bool tidSeen = false;
    qsizetype from = 0;
    while (from < topicTemplate.size()) {
        const qsizetype atId = topicTemplate.indexOf(placeholder, from);
        const qsizetype atTid = topicTemplate.indexOf(TidPlaceholder, from);
        qsizetype next = atId < 0 ? atTid : atTid < 0 ? atId : std::min(atId, atTid);
        if (next < 0) {
            pattern += QRegularExpression::escape(topicTemplate.mid(from));
            break;
        }
        pattern += QRegularExpression::escape(topicTemplate.mid(from, next - from));
        if (next == atId) {
            pattern += idSeen ? u"\\k<id>"_s : u"(?<id>[^/+#]+)"_s;
            idSeen = true;
            from = next + placeholder.size();
        } else {
            pattern += tidSeen ? u"\\k<tid>"_s : u"(?<tid>[^/+#]+)"_s;
            tidSeen = true;
            from = next + TidPlaceholder.size();
        }
    }
    pattern += u'$';
    return QRegularExpression(pattern);
}

std::optional<QString> matchPattern(const QRegularExpression &pattern, const QString &topicTemplate,
                                    const QString &placeholder, const QString &topic)
{
    if (!topicTemplate.contains(placeholder))
        return std::nullopt;
    const QRegularExpressionMatch m = pattern.match(topic);
    if (!m.hasMatch())
        return std::nullopt;
    const QString id = m.captured(u"id"_s);
    const QString tid = m.captured(u"tid"_s);
    if (!CommandSpec::isValidTopicId(id) ||
        (topicTemplate.contains(TidPlaceholder) && !CommandSpec::isValidTopicId(tid)))
        return std::nullopt;
    // What CommandSpec::requestTopic() would build for that id and tid must be the topic itself.
    QString expanded = topicTemplate;
    expanded.replace(placeholder, id);
    expanded.replace(TidPlaceholder, tid);
    if (expanded != topic)
        return std::nullopt;
    return id;
}

bool startsWithLevels(const QStringList &levels, std::initializer_list<QLatin1StringView> prefix)
{
    if (levels.size() < qsizetype(prefix.size()))
        return false;
    qsizetype i = 0;
    for (const QLatin1StringView level : prefix) {
        if (levels.at(i++) != level)
            return false;
    }
    return true;
}

} // namespace

GatedTopics::GatedTopics(const CommandCatalog &catalog)
    : m_profiles(catalog.profiles())
{
    QList<Pattern> groups;
    QSet<QString> seen;
    for (const CommandCatalog::Form &form : catalog.forms()) {
        const CommandSpec &spec = *form.spec;
        const std::optional<DeviceProfile> profile =
            form.profile ? std::optional<DeviceProfile>(*form.profile) : std::nullopt;
        // One pattern per template and profile: every command of a form shares its topics.
        const QString profileKey =
            profile ? profile->value + u'\n' + QString::number(int(profile->match)) : QString();
        const QString deviceKey = u"d\n"_s + spec.requestTopicTemplate + u'\n' + profileKey;
        if (!spec.requestTopicTemplate.isEmpty() && !seen.contains(deviceKey)) {
            seen.insert(deviceKey);
            m_patterns.append({spec.requestTopicTemplate, spec.dialect, profile, false,
                               templatePattern(spec.requestTopicTemplate, u"{device}"_s)});
        }
        const QString groupKey = u"g\n"_s + spec.groupRequestTopicTemplate + u'\n' + profileKey;
        if (!spec.groupRequestTopicTemplate.isEmpty() && !seen.contains(groupKey)) {
            seen.insert(groupKey);
            groups.append({spec.groupRequestTopicTemplate, spec.dialect, profile, true,
                           templatePattern(spec.groupRequestTopicTemplate, u"{group}"_s)});
        }
    }
    m_patterns += groups;
}

std::optional<QString> GatedTopics::matchTemplate(const QString &topicTemplate, const QString &placeholder,
                                                  const QString &topic)
{
    return matchPattern(templatePattern(topicTemplate, placeholder), topicTemplate, placeholder, topic);
}

QString GatedTopics::dialectOf(const QString &device, const QString &fallback) const
{
    // As the catalog picks a device's profile (first match wins), by id only: the gate knows no groups.
    for (const DeviceProfile &profile : m_profiles) {
        if (profile.match != DeviceProfile::Match::Group && profile.matches(device))
            return profile.dialect;
    }
    return fallback;
}

GatedTopics::Match GatedTopics::match(const QString &topic) const
{
    if (!TopicFilter::isValidTopicName(topic))
        return {};
    if (std::optional<Match> fixed = matchFixed(topic))
        return *fixed;
    for (const Pattern &p : m_patterns) {
        const QString placeholder = p.group ? u"{group}"_s : u"{device}"_s;
        const std::optional<QString> id = matchPattern(p.regex, p.topicTemplate, placeholder, topic);
        if (!id)
            continue;
        Match m;
        m.topicTemplate = p.topicTemplate;
        if (p.group) {
            // A profile by group shapes its own group's requests only.
            if (p.profile && p.profile->match == DeviceProfile::Match::Group && p.profile->value != *id)
                continue;
            m.kind = Kind::GroupRequest;
            m.group = *id;
            m.dialect = p.dialect;
        } else {
            // A profile's topics are request topics of the devices it is about, and of no other.
            if (p.profile && (p.profile->match == DeviceProfile::Match::Group || !p.profile->matches(*id)))
                continue;
            m.kind = Kind::CommandRequest;
            m.device = *id;
            m.dialect = dialectOf(*id, p.dialect);
        }
        return m;
    }
    return {};
}

std::optional<GatedTopics::Match> GatedTopics::matchFixed(const QString &topic) const
{
    const QStringList levels = topic.split(u'/');
    Match m;
    if (startsWithLevels(levels, {"$aws"_L1, "things"_L1})) {
        // Only what the shadow service reads or writes: anything else under $aws/things is no shadow's.
        const std::optional<ShadowTopic> shadow = ShadowTopic::parse(topic);
        if (!shadow)
            return std::nullopt;
        m.kind = shadow->reply() == ShadowTopic::Reply::None ? Kind::ShadowRequest : Kind::ShadowReply;
        m.device = shadow->thingName();
        m.shadow = shadow;
        return m;
    }
    if (startsWithLevels(levels, {"$aws"_L1, "commands"_L1})) {
        // $aws/commands/{things|clients}/{id}/executions/{executionId}/request[/json|/cbor|…]
        if (levels.size() < 7 || (levels.at(2) != "things"_L1 && levels.at(2) != "clients"_L1) ||
            !CommandSpec::isValidTopicId(levels.at(3)) || levels.at(4) != "executions"_L1 ||
            levels.at(5).isEmpty() || levels.at(6) != "request"_L1)
            return std::nullopt;
        m.kind = Kind::AwsCommandRequest;
        m.device = levels.at(3);
        m.dialect = u"aws-commands"_s;
        return m;
    }
    if (levels.constFirst() == "$iothub"_L1) {
        // The device side of IoT Hub, which the broker plugin keeps per connection: no device id in it.
        m.kind = levels.size() > 1 && levels.at(1) == "methods"_L1 ? Kind::AzureMethod : Kind::AzureTwin;
        return m;
    }
    if (startsWithLevels(levels, {"$fleet"_L1, "twins"_L1})) {
        m.kind = Kind::AzureTwin;
        if (levels.size() > 2 && CommandSpec::isValidTopicId(levels.at(2)))
            m.device = levels.at(2);
        return m;
    }
    if (levels.constFirst() == "$fleet"_L1) {
        // fleet-hub's conversations with Azure devices and its own bookkeeping.
        m.kind = Kind::GateService;
        return m;
    }
    if (startsWithLevels(levels, {"fleet"_L1, "azure-methods"_L1})) {
        m.kind = Kind::AzureMethod;
        return m;
    }
    if (startsWithLevels(levels, {"fleet"_L1, "gate"_L1}) ||
        startsWithLevels(levels, {"fleet"_L1, "aws-commands"_L1}) ||
        startsWithLevels(levels, {"fleet"_L1, "approvals"_L1})) {
        m.kind = Kind::GateService;
        return m;
    }
    if (levels.size() >= 4 && levels.at(0) == "devices"_L1 && CommandSpec::isValidTopicId(levels.at(1)) &&
        levels.at(2) == "messages"_L1 && levels.at(3) == "devicebound"_L1) {
        m.kind = Kind::AzureCloudToDevice;
        m.device = levels.at(1);
        m.dialect = u"azure-methods"_s;
        return m;
    }
    return std::nullopt;
}

} // namespace fleet
