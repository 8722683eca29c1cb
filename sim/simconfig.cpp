#include "simconfig.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <variant>

using namespace Qt::StringLiterals;

namespace fleet::sim {

namespace {

using Json = nlohmann::json;

// Every member a JSON file may set, by its name in the struct, so that the file, the header and the error
// messages all use one vocabulary.
using Member =
    std::variant<int SimConfig::*, quint64 SimConfig::*, double SimConfig::*, QString SimConfig::*>;

struct Field
{
    const char *name;
    Member member;
};

const Field fields[] = {
    {"devices", &SimConfig::devices},
    {"prefix", &SimConfig::prefix},
    {"seed", &SimConfig::seed},
    {"groups", &SimConfig::groups},
    {"presenceTopic", &SimConfig::presenceTopic},
    {"commandRequestTopic", &SimConfig::commandRequestTopic},
    {"commandResponseTopic", &SimConfig::commandResponseTopic},
    {"groupRequestTopic", &SimConfig::groupRequestTopic},
    {"groupResponseTopic", &SimConfig::groupResponseTopic},
    {"telemetryTopic", &SimConfig::telemetryTopic},
    {"logTopic", &SimConfig::logTopic},
    {"telemetryIntervalMs", &SimConfig::telemetryIntervalMs},
    {"runningIntervalMs", &SimConfig::runningIntervalMs},
    {"setPositionMs", &SimConfig::setPositionMs},
    {"rebootOfflineMs", &SimConfig::rebootOfflineMs},
    {"buttonPressIntervalMs", &SimConfig::buttonPressIntervalMs},
    {"rememberedTids", &SimConfig::rememberedTids},
    {"connectsPerSecond", &SimConfig::connectsPerSecond},
    {"keepAliveSeconds", &SimConfig::keepAliveSeconds},
    {"latencyMinMs", &SimConfig::latencyMinMs},
    {"latencyMaxMs", &SimConfig::latencyMaxMs},
    {"failureRate", &SimConfig::failureRate},
    {"silentDeathRate", &SimConfig::silentDeathRate},
    {"duplicateReplyRate", &SimConfig::duplicateReplyRate},
    {"outOfOrderRate", &SimConfig::outOfOrderRate},
    {"offlineEveryMs", &SimConfig::offlineEveryMs},
    {"offlineForMs", &SimConfig::offlineForMs},
    {"slowLinkShare", &SimConfig::slowLinkShare},
    {"slowLinkExtraMs", &SimConfig::slowLinkExtraMs},
    {"flakyLinkShare", &SimConfig::flakyLinkShare},
    {"flakyEveryMs", &SimConfig::flakyEveryMs},
    {"textModeShare", &SimConfig::textModeShare},
    {"sampleShare", &SimConfig::sampleShare},
    {"designShare", &SimConfig::designShare},
    {"thingShare", &SimConfig::thingShare},
    {"azureShare", &SimConfig::azureShare},
    {"executionLogPath", &SimConfig::executionLogPath},
};

// A day: long enough for any simulated delay, short enough that sums of delays cannot overflow an int.
constexpr int MaxMs = 24 * 3600 * 1000;
constexpr int MaxDevices = 100000;
constexpr int MaxThingNameLength = 128; // AWS IoT thing names: 1 to 128 of [a-zA-Z0-9:_-]
// Shares are read from decimal JSON: 0.1 + 0.2 + 0.7 adds up to a hair above 1.
constexpr double ShareTolerance = 1e-9;

// In the order their devices are numbered.
constexpr SimConfig::Kind AllKinds[] = {SimConfig::Kind::Atlas, SimConfig::Kind::Sample,
                                        SimConfig::Kind::Design, SimConfig::Kind::Thing,
                                        SimConfig::Kind::Azure};
constexpr SimConfig::Kind OtherKinds[] = {SimConfig::Kind::Sample, SimConfig::Kind::Design,
                                          SimConfig::Kind::Thing, SimConfig::Kind::Azure};

// An integer that fits an int; nullopt when the value is not one.
std::optional<int> toInt(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        return v <= std::uint64_t(std::numeric_limits<int>::max()) ? std::optional<int>(int(v))
                                                                   : std::nullopt;
    }
    if (value.is_number_integer()) {
        const auto v = value.get<std::int64_t>();
        return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()
                   ? std::optional<int>(int(v))
                   : std::nullopt;
    }
    return std::nullopt;
}

QString typeName(const Json &value)
{
    return QString::fromUtf8(value.type_name());
}

bool isThingNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u':' ||
           c == u'_' || c == u'-';
}

} // namespace

bool SimConfig::applyJson(const QByteArray &json, QString *error)
{
    Json document;
    try {
        document = Json::parse(json.cbegin(), json.cend());
    } catch (const Json::parse_error &e) {
        *error = tr("Not valid JSON (at byte %1).").arg(e.byte);
        return false;
    }
    if (!document.is_object()) {
        *error = tr("Expected a JSON object of settings, not %1.").arg(typeName(document));
        return false;
    }

    // Applied to a copy: a file with an error changes nothing.
    SimConfig result = *this;
    for (const auto &[jsonKey, value] : document.items()) {
        const QString key = QString::fromStdString(jsonKey);
        if (key == "latencyMs"_L1) {
            std::optional<int> minimum, maximum;
            if (value.is_array() && value.size() == 2) {
                minimum = toInt(value[0]);
                maximum = toInt(value[1]);
            }
            if (!minimum || !maximum) {
                *error = tr("\"%1\": expected [minimum, maximum] in whole milliseconds.").arg(key);
                return false;
            }
            result.latencyMinMs = *minimum;
            result.latencyMaxMs = *maximum;
            continue;
        }

        const Field *field = nullptr;
        for (const Field &candidate : fields) {
            if (key == QLatin1StringView(candidate.name)) {
                field = &candidate;
                break;
            }
        }
        if (!field) {
            *error = tr("\"%1\" is not a setting.").arg(key);
            return false;
        }

        if (const auto *member = std::get_if<int SimConfig::*>(&field->member)) {
            const std::optional<int> number = toInt(value);
            if (!number) {
                if (value.is_number_integer())
                    *error =
                        tr("\"%1\": %2 does not fit 32 bits.").arg(key, QString::fromStdString(value.dump()));
                else
                    *error = tr("\"%1\": expected a whole number, not %2.")
                                 .arg(key, value.is_number() ? QString::fromStdString(value.dump())
                                                             : typeName(value));
                return false;
            }
            result.*(*member) = *number;
        } else if (const auto *member = std::get_if<quint64 SimConfig::*>(&field->member)) {
            if (!value.is_number_unsigned()) {
                *error = tr("\"%1\": expected a whole number from 0 to 18446744073709551615.").arg(key);
                return false;
            }
            result.*(*member) = value.get<std::uint64_t>();
        } else if (const auto *member = std::get_if<double SimConfig::*>(&field->member)) {
            if (!value.is_number()) {
                *error = tr("\"%1\": expected a number, not %2.").arg(key, typeName(value));
                return false;
            }
            result.*(*member) = value.get<double>();
        } else if (const auto *member = std::get_if<QString SimConfig::*>(&field->member)) {
            if (!value.is_string()) {
                *error = tr("\"%1\": expected a string, not %2.").arg(key, typeName(value));
                return false;
            }
            result.*(*member) = QString::fromStdString(value.get<std::string>());
        }
    }
    *this = result;
    return true;
}

bool SimConfig::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    QString problem;
    if (!applyJson(file.readAll(), &problem)) {
        *error = tr("%1: %2").arg(path, problem);
        return false;
    }
    return true;
}

QString SimConfig::validate() const
{
    if (devices < 1 || devices > MaxDevices)
        return tr("\"devices\" must be from 1 to %1, not %2.").arg(MaxDevices).arg(devices);
    if (prefix.isEmpty())
        return tr("\"prefix\" must not be empty.");
    if (prefix.contains(u'+') || prefix.contains(u'#') || prefix.contains(u'/'))
        return tr("\"prefix\" must not contain '+', '#' or '/': device ids are used in topics.");
    for (const QChar c : prefix) {
        if (!isThingNameCharacter(c))
            return tr("\"prefix\" may only contain letters, digits, ':', '_' and '-' (device ids are AWS IoT "
                      "thing names), not '%1'.")
                .arg(c);
    }
    // The longest ordinary id there could be; the other kinds' ids are short.
    if (const QString longest = prefix + u'-' + QString::number(devices); longest.size() > MaxThingNameLength)
        return tr("\"prefix\" is too long: device ids such as \"%1\" must have at most %2 characters.")
            .arg(longest)
            .arg(MaxThingNameLength);
    if (groups < 1 || groups > MaxDevices)
        return tr("\"groups\" must be from 1 to %1, not %2.").arg(MaxDevices).arg(groups);

    // Topics: what each template needs, and no wildcards once expanded. The prefix and the group names have
    // none, so checking the template is enough.
    struct Topic
    {
        const char *name;
        const QString *pattern;
        bool needsId;
        bool needsGroup;
        bool subscribed;
    };
    const Topic topics[] = {
        {"presenceTopic", &presenceTopic, true, false, false},
        {"commandRequestTopic", &commandRequestTopic, true, false, true},
        {"commandResponseTopic", &commandResponseTopic, false, false, false},
        {"groupRequestTopic", &groupRequestTopic, false, true, true},
        {"groupResponseTopic", &groupResponseTopic, false, false, false},
        {"telemetryTopic", &telemetryTopic, true, false, false},
        {"logTopic", &logTopic, true, false, false},
    };
    const QString sampleId = deviceId(1);
    const QString sampleGroup = groupOf(1);
    for (const Topic &topic : topics) {
        const QString name = QString::fromLatin1(topic.name);
        const QString &pattern = *topic.pattern;
        if (pattern.isEmpty())
            return tr("\"%1\" must not be empty.").arg(name);
        if (pattern.contains(u'+') || pattern.contains(u'#'))
            return tr("\"%1\" must not contain the wildcards '+' or '#': \"%2\".").arg(name, pattern);
        if (topic.needsId && !pattern.contains("{id}"_L1))
            return tr("\"%1\" must contain {id}, so that every device has its own topic: \"%2\".")
                .arg(name, pattern);
        if (topic.needsGroup && !pattern.contains("{group}"_L1))
            return tr("\"%1\" must contain {group}: \"%2\".").arg(name, pattern);
        if (topic.needsGroup && pattern.contains("{id}"_L1))
            return tr("\"%1\" must not contain {id}: the whole group shares it: \"%2\".").arg(name, pattern);
        if (expand(pattern, sampleId, sampleGroup).toUtf8().size() > 65535)
            return tr("\"%1\" is too long for an MQTT topic.").arg(name);
    }
    // A device must not receive what it publishes itself.
    for (const Topic &in : topics) {
        if (!in.subscribed)
            continue;
        for (const Topic &out : topics) {
            if (!out.subscribed &&
                expand(*in.pattern, sampleId, sampleGroup) == expand(*out.pattern, sampleId, sampleGroup))
                return tr("\"%1\" and \"%2\" must differ.")
                    .arg(QString::fromLatin1(in.name), QString::fromLatin1(out.name));
        }
    }
    if (expand(commandRequestTopic, sampleId, sampleGroup) ==
        expand(groupRequestTopic, sampleId, sampleGroup))
        return tr("\"commandRequestTopic\" and \"groupRequestTopic\" must differ.");

    // Times. Periodic work has a floor, so that a typo cannot make thousands of devices spin.
    struct Interval
    {
        const char *name;
        int value;
        int minimum;
        bool zeroDisables;
    };
    const Interval intervals[] = {
        {"telemetryIntervalMs", telemetryIntervalMs, 100, true},
        {"runningIntervalMs", runningIntervalMs, 50, false},
        {"setPositionMs", setPositionMs, 0, false},
        {"rebootOfflineMs", rebootOfflineMs, 0, false},
        {"buttonPressIntervalMs", buttonPressIntervalMs, 100, true},
        {"latencyMinMs", latencyMinMs, 0, false},
        {"latencyMaxMs", latencyMaxMs, 0, false},
        {"offlineEveryMs", offlineEveryMs, 100, true},
        {"offlineForMs", offlineForMs, 0, false},
        {"slowLinkExtraMs", slowLinkExtraMs, 0, false},
        {"flakyEveryMs", flakyEveryMs, 100, false},
    };
    for (const Interval &interval : intervals) {
        const QString name = QString::fromLatin1(interval.name);
        if (interval.value < 0 || interval.value > MaxMs)
            return tr("\"%1\" must be from 0 to %2 ms, not %3.").arg(name).arg(MaxMs).arg(interval.value);
        if (interval.value < interval.minimum && !(interval.zeroDisables && interval.value == 0))
            return (interval.zeroDisables ? tr("\"%1\" must be 0 (off) or at least %2 ms, not %3.")
                                          : tr("\"%1\" must be at least %2 ms, not %3."))
                .arg(name)
                .arg(interval.minimum)
                .arg(interval.value);
    }
    if (latencyMinMs > latencyMaxMs)
        return tr("\"latencyMinMs\" (%1) must not be above \"latencyMaxMs\" (%2).")
            .arg(latencyMinMs)
            .arg(latencyMaxMs);
    if (rememberedTids < 1 || rememberedTids > 1000000)
        return tr("\"rememberedTids\" must be from 1 to 1000000, not %1.").arg(rememberedTids);
    if (connectsPerSecond < 1 || connectsPerSecond > 1000000)
        return tr("\"connectsPerSecond\" must be from 1 to 1000000, not %1.").arg(connectsPerSecond);
    if (keepAliveSeconds < 5 || keepAliveSeconds > 65535)
        return tr("\"keepAliveSeconds\" must be from 5 to 65535, not %1.").arg(keepAliveSeconds);

    struct Probability
    {
        const char *name;
        double value;
    };
    const Probability probabilities[] = {
        {"failureRate", failureRate},
        {"silentDeathRate", silentDeathRate},
        {"duplicateReplyRate", duplicateReplyRate},
        {"outOfOrderRate", outOfOrderRate},
        {"slowLinkShare", slowLinkShare},
        {"flakyLinkShare", flakyLinkShare},
        {"textModeShare", textModeShare},
        {"sampleShare", sampleShare},
        {"designShare", designShare},
        {"thingShare", thingShare},
        {"azureShare", azureShare},
    };
    for (const Probability &probability : probabilities) {
        // Written so that NaN fails too.
        if (!(probability.value >= 0 && probability.value <= 1))
            return tr("\"%1\" is a probability from 0 to 1, not %2.")
                .arg(QString::fromLatin1(probability.name))
                .arg(probability.value);
    }
    const double shares = sampleShare + designShare + thingShare + azureShare;
    if (!(shares <= 1 + ShareTolerance))
        return tr("\"sampleShare\", \"designShare\", \"thingShare\" and \"azureShare\" add up to %1; "
                  "together they are a share of the fleet, at most 1.")
            .arg(shares);
    int others = 0;
    for (const Kind kind : OtherKinds)
        others += count(kind);
    if (others > devices)
        return tr("Of %1 devices, the shares make %2 sample, design, thing and Azure devices: more than the "
                  "fleet.")
            .arg(devices)
            .arg(others);
    // The other kinds' ids are fixed; an ordinary device named like one would share its client id.
    if (count(Kind::Atlas) > 0) {
        for (const Kind kind : OtherKinds) {
            if (count(kind) > 0 && prefix == kindPrefix(kind))
                return tr("\"prefix\" must not be \"%1\" in a fleet with %1 devices: their ids would "
                          "be the same.")
                    .arg(prefix);
        }
    }
    return {};
}

int SimConfig::count(Kind kind) const
{
    const int total = std::max(0, devices);
    // Written so that a share validate() refuses (NaN, out of range) cannot overflow qRound.
    const auto share = [total](double s) { return s > 0 ? (s < 1 ? qRound(s * total) : total) : 0; };
    switch (kind) {
    case Kind::Sample:
        return share(sampleShare);
    case Kind::Design:
        return share(designShare);
    case Kind::Thing:
        return share(thingShare);
    case Kind::Azure:
        return share(azureShare);
    case Kind::Atlas:
        break;
    }
    return std::max(0,
                    total - share(sampleShare) - share(designShare) - share(thingShare) - share(azureShare));
}

SimConfig::Kind SimConfig::kindOf(int n) const
{
    // Past the fleet's end, n is what the last kind with devices would number next; with no shares, an
    // ordinary device as always.
    Kind last = Kind::Atlas;
    int end = 0;
    for (const Kind kind : AllKinds) {
        const int k = count(kind);
        if (k == 0)
            continue;
        end += k;
        last = kind;
        if (n <= end)
            return kind;
    }
    return last;
}

QString SimConfig::kindPrefix(Kind kind) const
{
    switch (kind) {
    case Kind::Atlas:
        break;
    case Kind::Sample:
        return u"sample"_s;
    case Kind::Design:
        return u"design"_s;
    case Kind::Thing:
        return u"thing"_s;
    case Kind::Azure:
        return u"az"_s;
    }
    return prefix;
}

QString SimConfig::deviceId(int n) const
{
    // k within the kind: n less the devices of the kinds before it.
    const Kind kind = kindOf(n);
    int k = n;
    for (const Kind before : AllKinds) {
        if (before == kind)
            break;
        k -= count(before);
    }
    return kindPrefix(kind) + u'-' + QString::number(k);
}

QString SimConfig::idRange(Kind kind) const
{
    const int k = count(kind);
    if (k == 0)
        return {};
    const QString first = kindPrefix(kind) + u"-1"_s;
    if (k == 1)
        return first;
    return tr("%1 to %2", "the first and last device ids of a kind")
        .arg(first, kindPrefix(kind) + u'-' + QString::number(k));
}

QString SimConfig::groupOf(int n) const
{
    const int count = groups > 0 ? groups : 1;
    return u"group-"_s + QString::number((n - 1) % count + 1);
}

QString SimConfig::expand(const QString &pattern, const QString &id, const QString &group)
{
    // One pass, so that an id or group containing "{group}" or "{id}" is not expanded again.
    QString result;
    result.reserve(pattern.size() + id.size() + group.size());
    qsizetype i = 0;
    while (i < pattern.size()) {
        if (pattern.at(i) == u'{') {
            const QStringView rest = QStringView(pattern).mid(i);
            if (rest.startsWith("{id}"_L1)) {
                result += id;
                i += 4;
                continue;
            }
            if (rest.startsWith("{group}"_L1)) {
                result += group;
                i += 7;
                continue;
            }
        }
        result += pattern.at(i);
        ++i;
    }
    return result;
}

} // namespace fleet::sim
