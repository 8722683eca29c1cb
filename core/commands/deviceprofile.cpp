#include "commands/deviceprofile.h"

#include "commands/commandspec.h"
#include "common/seterror.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr qsizetype MaxValueLength = 256;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isAtlas(const QString &dialect)
{
    return dialect == "atlas"_L1 || dialect == "atlas-text"_L1;
}

} // namespace

bool DeviceProfile::globMatch(QStringView pattern, QStringView text)
{
    // Iterative, with one backtrack point: linear in practice and never recursive, whatever the pattern.
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool DeviceProfile::matches(const QString &device, const QStringList &groups) const
{
    switch (match) {
    case Match::Device:
        return device == value;
    case Match::Group:
        return groups.contains(value);
    case Match::Pattern:
        return globMatch(value, device);
    }
    return false;
}

std::optional<CommandSpec> DeviceProfile::apply(const CommandSpec &spec, QString *why) const
{
    const bool awsDevice = dialect == "aws-commands"_L1;
    const bool awsCommand = spec.dialect == "aws-commands"_L1;
    if (awsDevice != awsCommand) {
        setError(
            why,
            awsDevice
                ? tr("\"%1\" is not an AWS IoT command, and these devices take nothing else.").arg(spec.name)
                : tr("\"%1\" is an AWS IoT command, and these devices speak %2.").arg(spec.name, dialect));
        return std::nullopt;
    }
    CommandSpec out = spec;
    if (awsDevice)
        return out;
    // An Azure IoT Hub device takes the catalog's commands as direct methods of the same name, with the
    // command's payload as the method's argument (docs/azure.md).
    const bool azureDevice = dialect == "azure-methods"_L1;
    if (azureDevice != (spec.dialect == "azure-methods"_L1) && !(azureDevice && isAtlas(spec.dialect))) {
        setError(why,
                 azureDevice
                     ? tr("\"%1\" is not a command these devices can take as a direct method.").arg(spec.name)
                     : tr("\"%1\" is an Azure direct method, and these devices speak %2.")
                           .arg(spec.name, dialect));
        return std::nullopt;
    }
    if (azureDevice) {
        out.dialect = dialect;
        out.contentType = u"application/json"_s;
        out.groupRequestTopicTemplate.clear(); // one device at a time, through fleet-hub
        return out;
    }
    if (!isAtlas(spec.dialect))
        return out;
    out.dialect = dialect;
    if (dialect == "atlas-text"_L1)
        out.contentType = u"text/plain"_s;
    if (!requestTopicTemplate.isEmpty())
        out.requestTopicTemplate = requestTopicTemplate;
    if (!responseTopicTemplate.isEmpty())
        out.responseTopicTemplate = responseTopicTemplate;
    // A command the catalog keeps from groups stays so: a profile changes where group requests go, not
    // which commands may be sent to a group.
    if (groupRequestTopicTemplate && !spec.groupRequestTopicTemplate.isEmpty())
        out.groupRequestTopicTemplate = *groupRequestTopicTemplate;
    if (!groupResponseTopicTemplate.isEmpty())
        out.groupResponseTopicTemplate = groupResponseTopicTemplate;
    return out;
}

std::optional<DeviceProfile> DeviceProfile::fromJson(const Json &json, QString *error)
{
    const auto refuse = [error](const QString &message) -> std::optional<DeviceProfile> {
        setError(error, message);
        return std::nullopt;
    };
    if (!json.is_object())
        return refuse(
            tr("must be an object such as {\"pattern\": \"sample-*\", \"dialect\": \"atlas-text\"}."));
    DeviceProfile profile;
    int matchKeys = 0;
    bool hasDialect = false;
    for (const auto &[k, v] : json.items()) {
        const QString key = qs(k);
        const auto wrong = [&](const QString &why) { return refuse(u"\"%1\": %2"_s.arg(key, why)); };
        if (!v.is_string())
            return wrong(tr("must be a string."));
        const QString text = qs(v.get_ref<const std::string &>());
        if (k == "device" || k == "group" || k == "pattern") {
            ++matchKeys;
            profile.match = k == "device" ? Match::Device : k == "group" ? Match::Group : Match::Pattern;
            profile.value = text;
            const bool pattern = k == "pattern";
            if (text.isEmpty() || text.size() > MaxValueLength ||
                (pattern ? text.contains(u'/') || text.contains(u'+') || text.contains(u'#') ||
                               text.contains(QChar(0))
                         : !CommandSpec::isValidTopicId(text)))
                return wrong(
                    tr("must be 1 to %1 characters, with no '/', '+', '#' or NUL.").arg(MaxValueLength));
        } else if (k == "dialect") {
            if (!CommandSpec::dialects().contains(text))
                return wrong(tr("must be one of %1.").arg(CommandSpec::dialects().join(u", ")));
            profile.dialect = text;
            hasDialect = true;
        } else if (k == "requestTopic" || k == "responseTopic" || k == "groupResponseTopic" ||
                   (k == "groupRequestTopic" && !text.isEmpty())) {
            const bool group = k == "groupRequestTopic" || k == "groupResponseTopic";
            QString why;
            if (!CommandSpec::isValidTopicTemplate(text, group ? u"{group}"_s : u"{device}"_s, &why))
                return wrong(why);
            // Replies carry their tid in the payload: a reply topic naming {tid} could not be listened to.
            if (k != "requestTopic" && k != "groupRequestTopic" && text.contains(u"{tid}"_s))
                return wrong(tr("must not name {tid}."));
            QString *target = k == "requestTopic"    ? &profile.requestTopicTemplate
                              : k == "responseTopic" ? &profile.responseTopicTemplate
                                                     : &profile.groupResponseTopicTemplate;
            if (k == "groupRequestTopic")
                profile.groupRequestTopicTemplate = text;
            else
                *target = text;
        } else if (k == "groupRequestTopic") {
            profile.groupRequestTopicTemplate = QString(); // given empty: no group sends
        } else {
            return refuse(tr("Unknown key \"%1\".").arg(key));
        }
    }
    if (matchKeys != 1)
        return refuse(tr("needs exactly one of \"device\", \"group\" or \"pattern\"."));
    if (!hasDialect)
        return refuse(tr("\"dialect\" is missing."));
    if (profile.dialect == "aws-commands"_L1 &&
        (!profile.requestTopicTemplate.isEmpty() || !profile.responseTopicTemplate.isEmpty() ||
         profile.groupRequestTopicTemplate || !profile.groupResponseTopicTemplate.isEmpty()))
        return refuse(tr("an aws-commands profile takes no topics: AWS IoT commands have their own."));
    if (profile.dialect == "azure-methods"_L1 &&
        (!profile.requestTopicTemplate.isEmpty() || !profile.responseTopicTemplate.isEmpty() ||
         profile.groupRequestTopicTemplate || !profile.groupResponseTopicTemplate.isEmpty() ||
         profile.match == Match::Group))
        return refuse(
            tr("an azure-methods profile matches a device or a pattern and takes no topics: fleet-hub "
               "calls the methods on IoT Hub's own topics and does not know groups."));
    // fleet-hub starts AWS IoT commands and cannot know a device's groups (they are the console's, or the
    // device's own word in its shadow), so it could not tell whether such a profile applies.
    if (profile.dialect == "aws-commands"_L1 && profile.match == Match::Group)
        return refuse(tr("an aws-commands profile matches a device or a pattern, not a group: fleet-hub "
                         "starts these commands and does not know groups."));
    return profile;
}

Json DeviceProfile::toJson() const
{
    Json json = Json::object();
    const char *key = match == Match::Device ? "device" : match == Match::Group ? "group" : "pattern";
    json[key] = value.toStdString();
    json["dialect"] = dialect.toStdString();
    if (!requestTopicTemplate.isEmpty())
        json["requestTopic"] = requestTopicTemplate.toStdString();
    if (!responseTopicTemplate.isEmpty())
        json["responseTopic"] = responseTopicTemplate.toStdString();
    if (groupRequestTopicTemplate)
        json["groupRequestTopic"] = groupRequestTopicTemplate->toStdString();
    if (!groupResponseTopicTemplate.isEmpty())
        json["groupResponseTopic"] = groupResponseTopicTemplate.toStdString();
    return json;
}

} // namespace fleet
