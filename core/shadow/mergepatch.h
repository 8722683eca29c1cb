#pragma once

#include "common/json.h"

namespace fleet {

// The shadow's merge rules for one section (desired or reported), as plain functions: a patch changes only
// the members it names, null removes a member, an object merges into an object, anything else (arrays
// included) replaces the old value whole.
class MergePatch final
{
public:
    // The section after patch is merged into before. before that is not an object counts as empty; a null
    // patch removes the whole section ("desired": null), which leaves an empty object.
    static Json apply(const Json &before, const Json &patch);
    // The smallest patch that turns from into to (both objects; anything else counts as empty): changed and
    // removed members get their value in to, members only in from get null, nested objects are diffed
    // member by member, unchanged members are left out. apply(from, between(from, to)) == to.
    static Json between(const Json &from, const Json &to);
};

} // namespace fleet
