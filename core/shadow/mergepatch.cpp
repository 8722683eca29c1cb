#include "shadow/mergepatch.h"

#include <algorithm>

namespace fleet {

namespace {

// Whether an object patch only removes members (nulls, at any depth): merged over a missing member it
// changes nothing, as in ShadowDocument.
bool onlyRemoves(const Json &patch)
{
    return std::all_of(patch.begin(), patch.end(), [](const Json &value) {
        return value.is_null() || (value.is_object() && onlyRemoves(value));
    });
}

void mergeInto(Json &target, const Json &patch)
{
    for (const auto &[key, value] : patch.items()) {
        if (value.is_null()) {
            target.erase(key);
        } else if (value.is_object()) {
            const auto existing = target.find(key);
            const bool hasObject = existing != target.end() && existing->is_object();
            if (!hasObject && onlyRemoves(value))
                continue;
            if (!hasObject)
                target[key] = Json::object();
            mergeInto(target[key], value);
        } else {
            target[key] = value;
        }
    }
}

} // namespace

Json MergePatch::apply(const Json &before, const Json &patch)
{
    Json result = before.is_object() ? before : Json::object();
    if (patch.is_null())
        return Json::object();
    if (patch.is_object())
        mergeInto(result, patch);
    return result;
}

Json MergePatch::between(const Json &from, const Json &to)
{
    Json patch = Json::object();
    const Json empty = Json::object();
    const Json &source = from.is_object() ? from : empty;
    const Json &target = to.is_object() ? to : empty;
    // Members in the order the target has them, then the removals: a restored document reads as it did.
    for (const auto &[key, wanted] : target.items()) {
        const auto now = source.find(key);
        if (now == source.end()) {
            patch[key] = wanted;
        } else if (*now == wanted) {
            continue;
        } else if (wanted.is_object() && now->is_object()) {
            Json nested = between(*now, wanted);
            if (!nested.empty())
                patch[key] = std::move(nested);
        } else {
            patch[key] = wanted;
        }
    }
    for (const auto &[key, value] : source.items()) {
        if (!target.contains(key))
            patch[key] = nullptr;
    }
    return patch;
}

} // namespace fleet
