#include "azuretwin.h"

namespace fleet {

namespace {

std::optional<QString> checkValue(const Json &value, int depth)
{
    if (value.is_string()) {
        if (qsizetype(value.get_ref<const std::string &>().size()) > AzureTwin::MaxStringBytes)
            return AzureTwin::tr("a string is longer than %1 bytes").arg(AzureTwin::MaxStringBytes);
        return std::nullopt;
    }
    if (value.is_array()) {
        for (const Json &item : value) {
            if (std::optional<QString> why = checkValue(item, depth + 1))
                return why;
        }
        return std::nullopt;
    }
    if (!value.is_object())
        return std::nullopt;
    if (depth > AzureTwin::MaxDepth)
        return AzureTwin::tr("objects nest deeper than %1 levels").arg(AzureTwin::MaxDepth);
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string &key = it.key();
        if (key.empty() || qsizetype(key.size()) > AzureTwin::MaxKeyBytes)
            return AzureTwin::tr("a key is empty or longer than %1 bytes").arg(AzureTwin::MaxKeyBytes);
        for (std::size_t i = 0; i < key.size(); ++i) {
            const char c = key[i];
            const auto byte = static_cast<unsigned char>(c);
            // C1 controls (U+0080 to U+009F) are 0xC2 0x80 to 0xC2 0x9F in UTF-8.
            const bool c1 = byte == 0xc2 && i + 1 < key.size() &&
                            static_cast<unsigned char>(key[i + 1]) >= 0x80 &&
                            static_cast<unsigned char>(key[i + 1]) <= 0x9f;
            if (c == '.' || c == '$' || c == ' ' || byte < 0x20 || byte == 0x7f || c1)
                return AzureTwin::tr("the key \"%1\" holds '.', '$', a space or a control character")
                    .arg(QString::fromUtf8(key.data(), qsizetype(key.size())).left(64));
        }
        if (std::optional<QString> why = checkValue(it.value(), depth + 1))
            return why;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> AzureTwin::checkPatch(const Json &patch)
{
    if (!patch.is_object())
        return tr("a patch must be a JSON object");
    // The patch is the section itself: IoT Hub allows ten levels of objects below it.
    return checkValue(patch, 0);
}

void AzureTwin::merge(Json &target, const Json &patch)
{
    if (!patch.is_object()) {
        target = patch;
        return;
    }
    if (!target.is_object())
        target = Json::object();
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().is_null())
            target.erase(it.key());
        else
            merge(target[it.key()], it.value());
    }
}

std::optional<QString> AzureTwin::apply(Section section, const Json &patch)
{
    if (std::optional<QString> why = checkPatch(patch))
        return why;
    Json merged = section == Section::Desired ? desired : reported;
    merge(merged, patch);
    if (qsizetype(compactJsonString(merged).size()) > MaxSectionBytes)
        return tr("the %1 properties would exceed %2 bytes")
            .arg(section == Section::Desired ? u"desired" : u"reported")
            .arg(MaxSectionBytes);
    if (section == Section::Desired) {
        desired = std::move(merged);
        ++desiredVersion;
    } else {
        reported = std::move(merged);
        ++reportedVersion;
    }
    return std::nullopt;
}

Json AzureTwin::body() const
{
    Json d = desired;
    d["$version"] = desiredVersion;
    Json r = reported;
    r["$version"] = reportedVersion;
    return Json{{"desired", std::move(d)}, {"reported", std::move(r)}};
}

Json AzureTwin::desiredNotification(const Json &patch) const
{
    Json notification = patch;
    notification["$version"] = desiredVersion;
    return notification;
}

Json AzureTwin::toStored() const
{
    return Json{{"desired", desired},
                {"desiredVersion", desiredVersion},
                {"reported", reported},
                {"reportedVersion", reportedVersion}};
}

std::optional<AzureTwin> AzureTwin::fromStored(const Json &stored)
{
    if (!stored.is_object())
        return std::nullopt;
    const auto desired = stored.find("desired");
    const auto reported = stored.find("reported");
    const auto dv = stored.find("desiredVersion");
    const auto rv = stored.find("reportedVersion");
    if (desired == stored.end() || !desired->is_object() || reported == stored.end() ||
        !reported->is_object() || dv == stored.end() || !dv->is_number_integer() || rv == stored.end() ||
        !rv->is_number_integer())
        return std::nullopt;
    AzureTwin twin;
    twin.desired = *desired;
    twin.reported = *reported;
    twin.desiredVersion = dv->get<qint64>();
    twin.reportedVersion = rv->get<qint64>();
    return twin;
}

} // namespace fleet
