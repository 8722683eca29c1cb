#include "shadow/shadowdocument.h"

#include "common/json.h"
#include "common/networkjson.h"

#include <QString>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace fleet {

namespace {

// Bigger requests are refused before parsing: the state limit is 8 KB, and parsing megabytes of JSON only to
// refuse them would let one client stall the hub.
constexpr qsizetype MaxRequestBytes = 64 * 1024;

bool isValidUtf8(const QByteArray &bytes)
{
    // Qt replaces malformed sequences with U+FFFD, so a lossless round trip means the input was valid UTF-8.
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// Callers check the size against their own limit first; nesting past what the checks after parsing can
// measure without exhausting the stack reads as invalid JSON.
Json parseJson(const QByteArray &payload)
{
    return NetworkJson::parse(payload, {std::numeric_limits<qsizetype>::max(), NetworkJson::DefaultMaxDepth})
        .value_or(Json(Json::value_t::discarded));
}

bool isValidToken(const Json &token)
{
    return token.is_string() && token.get_ref<const std::string &>().size() <=
                                    static_cast<size_t>(ShadowDocument::MaxClientTokenBytes);
}

// A version-like number: an integer from 0 to qint64's maximum. nlohmann reads non-negative integers as
// unsigned, so one beyond qint64 must not wrap into a negative version; 1.0 and "1" are not integers.
std::optional<qint64> nonNegativeInteger(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return static_cast<qint64>(n);
    }
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
        return value.get<qint64>();
    return std::nullopt;
}

void putToken(Json &body, const std::optional<std::string> &clientToken)
{
    if (clientToken)
        body["clientToken"] = *clientToken;
}

// The metadata of one value as AWS gives it: a timestamp per leaf, arrays per element.
Json metadataFor(const Json &value, qint64 now)
{
    if (value.is_object()) {
        Json meta = Json::object();
        for (const auto &[key, child] : value.items())
            meta[key] = metadataFor(child, now);
        return meta;
    }
    if (value.is_array()) {
        Json meta = Json::array();
        for (const auto &child : value)
            meta.push_back(metadataFor(child, now));
        return meta;
    }
    return Json{{"timestamp", now}};
}

// True for an object patch that only removes: every member is null or such an object. Applied to a key that
// holds no object, it has nothing to remove, so it must not create an empty object there either.
bool onlyRemoves(const Json &patch)
{
    return patch.is_object() && !patch.empty() && std::all_of(patch.begin(), patch.end(), [](const Json &v) {
               return v.is_null() || onlyRemoves(v);
           });
}

// Merges an update into one section. null removes a key; removing a key that is not there does nothing.
// A parent object emptied by removals stays as {}: AWS's documentation shows no pruning, an empty object is a
// value a device may have set on purpose, and pruning would make a removal also delete a key the update did
// not name. Objects merge recursively; anything else, arrays included, replaces the old value whole (a
// scalar replaces an object, an object replaces a scalar), and its metadata is replaced with it.
void mergeInto(Json &target, Json &meta, const Json &patch, qint64 now)
{
    if (!meta.is_object())
        meta = Json::object();
    for (const auto &[key, value] : patch.items()) {
        if (value.is_null()) {
            target.erase(key);
            meta.erase(key);
        } else if (value.is_object()) {
            const auto existing = target.find(key);
            const bool hasObject = existing != target.end() && existing->is_object();
            if (!hasObject && onlyRemoves(value))
                continue;
            if (!hasObject) {
                target[key] = Json::object();
                meta[key] = Json::object();
            } else if (!meta.contains(key) || !meta[key].is_object()) {
                meta[key] = Json::object();
            }
            mergeInto(target[key], meta[key], value, now);
        } else {
            target[key] = value;
            meta[key] = metadataFor(value, now);
        }
    }
}

// Desired against reported: what the device still has to do. Keys only in reported are not in the delta;
// nested objects keep their path with only the differing leaves; arrays compare whole.
Json deltaOf(const Json &desired, const Json &reported)
{
    Json delta = Json::object();
    for (const auto &[key, want] : desired.items()) {
        const auto have = reported.is_object() ? reported.find(key) : reported.end();
        if (!reported.is_object() || have == reported.end()) {
            delta[key] = want;
        } else if (want.is_object() && have->is_object()) {
            Json sub = deltaOf(want, *have);
            if (!sub.empty())
                delta[key] = std::move(sub);
        } else if (want != *have) {
            delta[key] = want;
        }
    }
    return delta;
}

// The part of `meta` whose keys appear in `shape`.
Json metadataLike(const Json &shape, const Json &meta)
{
    Json out = Json::object();
    if (!meta.is_object())
        return out;
    for (const auto &[key, value] : shape.items()) {
        const auto it = meta.find(key);
        if (it == meta.end())
            continue;
        out[key] = value.is_object() ? metadataLike(value, *it) : *it;
    }
    return out;
}

Json section(const Json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_object() ? *it : Json::object();
}

// section() for an object about to be replaced: the section is moved out, not copied.
Json takeSection(Json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_object() ? std::move(*it) : Json::object();
}

} // namespace

int ShadowDocument::depthOf(const Json &value)
{
    if (!value.is_structured())
        return 0;
    int deepest = 0;
    for (const auto &child : value)
        deepest = std::max(deepest, depthOf(child));
    return deepest + 1;
}

namespace {

bool containsNull(const Json &value)
{
    if (value.is_null())
        return true;
    return value.is_structured() && std::any_of(value.begin(), value.end(), containsNull);
}

} // namespace

bool ShadowDocument::containsNullInArray(const Json &value)
{
    // Arrays are stored whole, so a null anywhere inside one (also in an object inside it) could not mean
    // "remove": AWS rejects it rather than store a null.
    if (value.is_array())
        return containsNull(value);
    if (value.is_object())
        return std::any_of(value.begin(), value.end(),
                           [](const Json &child) { return containsNullInArray(child); });
    return false;
}

namespace {

// Counted as the compact dump of {"desired":…,"reported":…} (UTF-8 bytes, both keys always present): the
// state document AWS limits, without metadata, version or token. Summed from the parts' texts rather than
// dumping a copy of both: this runs for every update.
qsizetype stateBytesOfTexts(const std::string &desired, const std::string &reported)
{
    static constexpr qsizetype Frame = sizeof(R"({"desired":,"reported":})") - 1;
    return Frame + static_cast<qsizetype>(desired.size() + reported.size());
}

} // namespace

qsizetype ShadowDocument::stateBytes(const Json &desired, const Json &reported)
{
    return stateBytesOfTexts(desired.dump(), reported.dump());
}

std::optional<std::string> ShadowDocument::clientTokenOf(const QByteArray &payload)
{
    if (payload.size() > MaxRequestBytes)
        return std::nullopt;
    const Json json = parseJson(payload);
    if (!json.is_object())
        return std::nullopt;
    const auto it = json.find("clientToken");
    if (it == json.end() || !isValidToken(*it))
        return std::nullopt;
    return it->get<std::string>();
}

std::variant<ShadowDocument::UpdateRequest, ShadowError>
ShadowDocument::parseUpdate(const QByteArray &payload)
{
    if (payload.size() > MaxRequestBytes)
        return ShadowError::tooLarge();
    if (!isValidUtf8(payload))
        return ShadowError::unsupportedEncoding();
    const Json json = parseJson(payload);
    if (json.is_discarded() || !json.is_object())
        return ShadowError::invalidJson();
    const auto state = json.find("state");
    if (state == json.end())
        return ShadowError::missingState();
    if (!state->is_object())
        return ShadowError::stateNotObject();

    UpdateRequest request;
    if (const auto desired = state->find("desired"); desired != state->end()) {
        if (!desired->is_object() && !desired->is_null())
            return ShadowError::desiredNotObject();
        request.desired = *desired;
    }
    if (const auto reported = state->find("reported"); reported != state->end()) {
        if (!reported->is_object() && !reported->is_null())
            return ShadowError::reportedNotObject();
        request.reported = *reported;
    }
    // Only desired and reported are stored; "delta" or anything else in a request is a client bug.
    for (auto it = state->begin(); it != state->end(); ++it) {
        if (it.key() != "desired" && it.key() != "reported")
            return ShadowError::invalidNode();
    }
    if (const auto version = json.find("version"); version != json.end()) {
        const std::optional<qint64> value = nonNegativeInteger(*version);
        if (!value)
            return ShadowError::invalidVersion();
        request.version = value;
    }
    if (const auto token = json.find("clientToken"); token != json.end()) {
        if (!isValidToken(*token))
            return ShadowError::invalidClientToken();
        request.clientToken = token->get<std::string>();
    }
    for (const auto *part : {&request.desired, &request.reported}) {
        if (*part && depthOf(**part) > MaxDepth)
            return ShadowError::tooDeep();
    }
    for (const auto *part : {&request.desired, &request.reported}) {
        if (*part && containsNullInArray(**part))
            return ShadowError::invalidNode();
    }
    return request;
}

std::variant<std::optional<std::string>, ShadowError>
ShadowDocument::parseTokenOnly(const QByteArray &payload)
{
    if (payload.trimmed().isEmpty())
        return std::optional<std::string>();
    if (payload.size() > MaxRequestBytes)
        return ShadowError::tooLarge();
    if (!isValidUtf8(payload))
        return ShadowError::unsupportedEncoding();
    const Json json = parseJson(payload);
    if (json.is_discarded() || !json.is_object())
        return ShadowError::invalidJson();
    const auto token = json.find("clientToken");
    if (token == json.end())
        return std::optional<std::string>();
    if (!isValidToken(*token))
        return ShadowError::invalidClientToken();
    return std::optional<std::string>(token->get<std::string>());
}

Json ShadowDocument::delta() const
{
    return deltaOf(m_desired, m_reported);
}

Json ShadowDocument::deltaMetadata() const
{
    return metadataLike(delta(), section(m_metadata, "desired"));
}

std::variant<ShadowDocument::UpdateResult, ShadowError> ShadowDocument::apply(const UpdateRequest &request,
                                                                              qint64 now)
{
    // A versioned update must name the current version; for a shadow that does not exist that is the counter
    // it will continue from (0 if it never existed), so a client that read "not found" can still create it
    // safely.
    if (request.version && *request.version != m_version)
        return ShadowError::versionConflict();

    // Only the sections the update names are copied and merged; the others, and their texts, stay as they
    // are. The document itself is left alone until the update is known to be accepted.
    struct Merged
    {
        Json state;
        Json metadata;
        std::string text;
    };
    const auto merge = [this, now](const std::optional<Json> &patch, const Json &current,
                                   const char *name) -> std::optional<Merged> {
        if (!patch)
            return std::nullopt;
        Merged merged{Json::object(), Json::object(), {}};
        if (!patch->is_null()) {
            merged.state = current;
            merged.metadata = section(m_metadata, name);
            mergeInto(merged.state, merged.metadata, *patch, now);
        }
        merged.text = compactJsonString(merged.state);
        return merged;
    };
    std::optional<Merged> desired = merge(request.desired, m_desired, "desired");
    std::optional<Merged> reported = merge(request.reported, m_reported, "reported");
    // stateBytes() from the texts at hand, without dumping again.
    if (stateBytesOfTexts(desired ? desired->text : sectionText(Desired),
                          reported ? reported->text : sectionText(Reported)) > MaxStateBytes)
        return ShadowError::tooLarge();

    UpdateResult result;
    std::string &documents = result.documents;
    documents = R"({"previous":)" + snapshotText();
    // The metadata is rebuilt in its usual order (desired, reported), each section only when not empty.
    Json metaDesired = desired ? std::move(desired->metadata) : takeSection(m_metadata, "desired");
    Json metaReported = reported ? std::move(reported->metadata) : takeSection(m_metadata, "reported");
    m_metadata = Json::object();
    if (!metaDesired.empty())
        m_metadata["desired"] = std::move(metaDesired);
    if (!metaReported.empty())
        m_metadata["reported"] = std::move(metaReported);
    if (desired) {
        m_desired = std::move(desired->state);
        m_texts[Desired] = std::move(desired->text);
        m_texts[MetadataDesired].reset();
    }
    if (reported) {
        m_reported = std::move(reported->state);
        m_texts[Reported] = std::move(reported->text);
        m_texts[MetadataReported].reset();
    }
    m_exists = true;
    ++m_version;
    m_timestamp = now;

    documents += R"(,"current":)" + snapshotText();
    documents += R"(,"timestamp":)" + std::to_string(now);
    if (request.clientToken)
        documents += R"(,"clientToken":)" + compactJsonString(Json(*request.clientToken));
    documents += '}';

    Json acceptedState = Json::object();
    Json acceptedMeta = Json::object();
    if (request.desired) {
        acceptedState["desired"] = *request.desired;
        acceptedMeta["desired"] = metadataFor(*request.desired, now);
    }
    if (request.reported) {
        acceptedState["reported"] = *request.reported;
        acceptedMeta["reported"] = metadataFor(*request.reported, now);
    }
    result.accepted = {{"state", std::move(acceptedState)},
                       {"metadata", std::move(acceptedMeta)},
                       {"version", m_version},
                       {"timestamp", now}};
    putToken(result.accepted, request.clientToken);

    if (request.desired) {
        Json delta = this->delta();
        if (!delta.empty()) {
            Json body = {
                {"state", delta}, {"metadata", deltaMetadata()}, {"version", m_version}, {"timestamp", now}};
            putToken(body, request.clientToken);
            result.delta = std::move(body);
        }
    }
    return result;
}

const std::string &ShadowDocument::sectionText(Section which) const
{
    std::optional<std::string> &text = m_texts[which];
    if (!text) {
        const auto dumpMetadata = [this](const char *name) {
            const auto it = m_metadata.find(name);
            return it != m_metadata.end() ? compactJsonString(*it) : std::string("{}");
        };
        switch (which) {
        case Desired:
            text = compactJsonString(m_desired);
            break;
        case Reported:
            text = compactJsonString(m_reported);
            break;
        case MetadataDesired:
            text = dumpMetadata("desired");
            break;
        case MetadataReported:
        case SectionCount:
            text = dumpMetadata("reported");
            break;
        }
    }
    return *text;
}

// {"state": {"desired", "reported"}, "metadata": {"desired", "reported"}, "version"}: the shape of
// "previous" and "current" in /update/documents. A shadow that did not exist shows an empty state.
std::string ShadowDocument::snapshotText() const
{
    std::string text = R"({"state":{"desired":)";
    text += sectionText(Desired);
    text += R"(,"reported":)";
    text += sectionText(Reported);
    text += R"(},"metadata":{"desired":)";
    text += sectionText(MetadataDesired);
    text += R"(,"reported":)";
    text += sectionText(MetadataReported);
    text += R"(},"version":)";
    text += std::to_string(m_version);
    text += '}';
    return text;
}

Json ShadowDocument::getAccepted(const std::optional<std::string> &clientToken, qint64 now) const
{
    // Empty sections are left out, as AWS does: a device reading "desired" can tell "none" from "{}".
    Json state = Json::object();
    if (!m_desired.empty())
        state["desired"] = m_desired;
    if (!m_reported.empty())
        state["reported"] = m_reported;
    if (Json delta = this->delta(); !delta.empty())
        state["delta"] = std::move(delta);
    Json body = {{"state", state}, {"metadata", m_metadata}, {"version", m_version}, {"timestamp", now}};
    putToken(body, clientToken);
    return body;
}

Json ShadowDocument::remove(const std::optional<std::string> &clientToken, qint64 now)
{
    m_exists = false;
    m_desired = Json::object();
    m_reported = Json::object();
    m_metadata = Json::object();
    m_texts = {};
    m_timestamp = now;
    Json body = {{"version", m_version}, {"timestamp", now}};
    putToken(body, clientToken);
    return body;
}

Json ShadowDocument::toStored() const
{
    return {{"exists", m_exists},
            {"version", m_version},
            {"timestamp", m_timestamp},
            {"state", {{"desired", m_desired}, {"reported", m_reported}}},
            {"metadata", m_metadata}};
}

std::string ShadowDocument::storedText() const
{
    // toStored().dump() from the section texts, which the update that led here has dumped already; the keys
    // in the same order.
    std::string text = R"({"exists":)";
    text += m_exists ? "true" : "false";
    text += R"(,"version":)" + std::to_string(m_version);
    text += R"(,"timestamp":)" + std::to_string(m_timestamp);
    text += R"(,"state":{"desired":)" + sectionText(Desired);
    text += R"(,"reported":)" + sectionText(Reported);
    text += R"(},"metadata":{)";
    // Only the sections present, in the metadata's own order (fromStored() admits no other keys).
    bool first = true;
    for (auto it = m_metadata.begin(); it != m_metadata.end(); ++it) {
        text += first ? R"(")" : R"(,")";
        first = false;
        text += it.key() + R"(":)";
        text += it.key() == "desired" ? sectionText(MetadataDesired) : sectionText(MetadataReported);
    }
    text += "}}";
    return text;
}

std::optional<ShadowDocument> ShadowDocument::fromStored(Json &&stored)
{
    std::optional<ShadowDocument> document = fromStored(std::as_const(stored));
    if (document) {
        // Validated: take the parsed sections over instead of the copies.
        Json &state = stored["state"];
        document->m_desired = std::move(state["desired"]);
        document->m_reported = std::move(state["reported"]);
        document->m_metadata = std::move(stored["metadata"]);
    }
    return document;
}

std::optional<ShadowDocument> ShadowDocument::fromStored(const Json &stored)
{
    if (!stored.is_object())
        return std::nullopt;
    const auto exists = stored.find("exists");
    const auto version = stored.find("version");
    const auto timestamp = stored.find("timestamp");
    const auto state = stored.find("state");
    const auto metadata = stored.find("metadata");
    if (exists == stored.end() || !exists->is_boolean() || version == stored.end() ||
        timestamp == stored.end() || !timestamp->is_number_integer() || state == stored.end() ||
        !state->is_object() || metadata == stored.end() || !metadata->is_object())
        return std::nullopt;
    const std::optional<qint64> versionValue = nonNegativeInteger(*version);
    if (!versionValue)
        return std::nullopt;
    const auto desired = state->find("desired");
    const auto reported = state->find("reported");
    if (desired == state->end() || !desired->is_object() || reported == state->end() ||
        !reported->is_object())
        return std::nullopt;
    // metadata holds at most the two sections, each an object, as apply() writes it.
    for (auto it = metadata->begin(); it != metadata->end(); ++it) {
        if ((it.key() != "desired" && it.key() != "reported") || !it->is_object())
            return std::nullopt;
    }
    // A deleted shadow keeps only its version counter; state left behind means the row was not written by us.
    if (!exists->get<bool>() && (!desired->empty() || !reported->empty() || !metadata->empty()))
        return std::nullopt;
    ShadowDocument document;
    document.m_exists = exists->get<bool>();
    document.m_version = *versionValue;
    document.m_timestamp = timestamp->get<qint64>();
    document.m_desired = *desired;
    document.m_reported = *reported;
    document.m_metadata = *metadata;
    return document;
}

} // namespace fleet
