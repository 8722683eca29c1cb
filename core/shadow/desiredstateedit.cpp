#include "shadow/desiredstateedit.h"

#include "common/jsontext.h"
#include "shadow/mergepatch.h"
#include "shadow/shadowdocument.h"

#include <variant>

namespace fleet {

DesiredStateEdit::Check DesiredStateEdit::check(const QString &text, const Json &baseDesired,
                                                const Json &reported)
{
    auto parsed = JsonText::parse(text);
    if (const auto *error = std::get_if<JsonText::Error>(&parsed)) {
        Check result;
        result.problem = error->message;
        result.errorPosition = error->position;
        return result;
    }
    return check(std::get<Json>(parsed), baseDesired, reported);
}

DesiredStateEdit::Check DesiredStateEdit::check(const Json &edited, const Json &baseDesired,
                                                const Json &reported)
{
    Check result;
    if (!edited.is_object()) {
        result.problem = tr("The desired state must be a JSON object.");
        return result;
    }
    Json patch = MergePatch::between(baseDesired, edited);
    result.edited = edited;
    if (patch.empty()) {
        result.problem = tr("No change to apply.");
        return result;
    }
    Json request = Json::object();
    request["state"]["desired"] = patch;
    const auto parsedUpdate = ShadowDocument::parseUpdate(compactJsonBytes(request));
    if (const auto *error = std::get_if<ShadowError>(&parsedUpdate)) {
        result.problem = tr("The service would refuse this: %1").arg(error->message);
        return result;
    }
    const qsizetype bytes = ShadowDocument::stateBytes(MergePatch::apply(baseDesired, patch), reported);
    if (bytes > ShadowDocument::MaxStateBytes) {
        result.problem = tr("Too large: desired and reported would take %1 bytes; a shadow holds at most %2.")
                             .arg(bytes)
                             .arg(ShadowDocument::MaxStateBytes);
        return result;
    }
    result.patch = std::move(patch);
    return result;
}

} // namespace fleet
