#pragma once

#include "common/json.h"

#include "shadow/shadowerror.h"

#include <QByteArray>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <variant>

namespace fleet {

// One device shadow (classic or named) with AWS IoT's semantics, shared by fleet-hub (which owns the truth)
// and the console (which keeps a copy): partial merge, null removal, atomic arrays, delta, per-leaf metadata,
// versions, and the size and depth limits. It holds no topic and does no I/O; fleet-hub persists it with
// toStored()/fromStored(). Keys keep the order in which they first arrived (ordered_json), as devices sent
// them.
class ShadowDocument final
{
public:
    static constexpr int MaxStateBytes =
        8 * 1024;                      // desired + reported, serialized compactly; metadata is free
    static constexpr int MaxDepth = 6; // levels of nesting below "desired"/"reported", as AWS says
    static constexpr int MaxClientTokenBytes = 64;

    // A parsed and validated /update request. A section that is absent is nullopt; "desired": null is a Json
    // null (remove the whole section).
    struct UpdateRequest
    {
        std::optional<Json> desired;
        std::optional<Json> reported;
        std::optional<qint64> version;
        std::optional<std::string> clientToken;
    };

    // What an accepted update publishes. accepted: the /update/accepted body; documents: the
    // /update/documents body, already in its compact text (it is mostly the two snapshots, whose sections
    // apply() has as text anyway); delta: the /update/delta body when one is due (see apply()).
    struct UpdateResult
    {
        Json accepted;
        std::string documents;
        std::optional<Json> delta;
    };

    // Parsing checks everything that does not depend on the stored shadow, in AWS's order: 415 for invalid
    // UTF-8, 400 Invalid JSON, then the node checks, version, clientToken, depth, arrays holding null.
    static std::variant<UpdateRequest, ShadowError> parseUpdate(const QByteArray &payload);
    // /get and /delete: an empty body, or an object with at most a clientToken. nullopt token when there is
    // none.
    static std::variant<std::optional<std::string>, ShadowError> parseTokenOnly(const QByteArray &payload);
    // The clientToken of any payload, for echoing it in a rejection even when the rest is invalid.
    static std::optional<std::string> clientTokenOf(const QByteArray &payload);

    bool exists() const { return m_exists; }
    // The version of the last accepted update; 0 before the first. Kept across delete.
    qint64 version() const { return m_version; }
    const Json &desired() const { return m_desired; }   // an object, possibly empty
    const Json &reported() const { return m_reported; } // an object, possibly empty
    // {"desired": {...per-leaf {"timestamp": T}...}, "reported": {...}}
    const Json &metadata() const { return m_metadata; }
    qint64 timestamp() const { return m_timestamp; } // epoch seconds of the last accepted update

    // Every desired attribute that differs from (or is missing in) reported, nested paths kept. An empty
    // object when there is no difference.
    Json delta() const;
    // The metadata of the delta's leaves (desired timestamps), in the delta's shape.
    Json deltaMetadata() const;

    // Applies an update at time `now` (epoch seconds), or returns 409 (version mismatch) or 413 (the merged
    // desired + reported would exceed MaxStateBytes). On success the version goes up by one.
    // A delta is due when the update named "desired" and the resulting delta is not empty. A reported-only
    // update that leaves a difference publishes no delta: AWS's documentation does not settle it, and the
    // device already knows the desired state it has not reached. tst_shadowdocument pins this choice.
    std::variant<UpdateResult, ShadowError> apply(const UpdateRequest &request, qint64 now);

    // /get/accepted body. Callers answer 404 themselves when !exists().
    Json getAccepted(const std::optional<std::string> &clientToken, qint64 now) const;
    // Deletes the shadow: returns the /delete/accepted body (version = the version at deletion). The version
    // counter survives, so a shadow recreated later continues from it.
    Json remove(const std::optional<std::string> &clientToken, qint64 now);

    // The persistent form: {"exists", "version", "timestamp", "state": {"desired", "reported"}, "metadata"}.
    Json toStored() const;
    // nullopt when the stored form is damaged (wrong types, missing members).
    static std::optional<ShadowDocument> fromStored(const Json &stored);
    // The same, taking the sections of a parsed document over instead of copying them.
    static std::optional<ShadowDocument> fromStored(Json &&stored);
    // toStored().dump(), written without building the document first (what the hub stores on every update).
    std::string storedText() const;

    // Helpers shared with the console.
    static int depthOf(const Json &value); // 0 for a scalar, 1 for {"a":1}, 2 for {"a":{"b":1}}, ...
    static bool containsNullInArray(const Json &value);
    static qsizetype stateBytes(const Json &desired, const Json &reported); // as counted for MaxStateBytes

    // The texts kept by sectionText() are a cache, not state: two documents are equal by their content.
    friend bool operator==(const ShadowDocument &a, const ShadowDocument &b)
    {
        return a.m_exists == b.m_exists && a.m_version == b.m_version && a.m_timestamp == b.m_timestamp &&
               a.m_desired == b.m_desired && a.m_reported == b.m_reported && a.m_metadata == b.m_metadata;
    }

private:
    enum Section { Desired, Reported, MetadataDesired, MetadataReported, SectionCount };

    // The compact text of a section ({} when it is absent), dumped once and kept until the section changes:
    // every update needs the current sections for the stored row, the size check and the documents reply,
    // and the previous ones again for the next update's reply.
    const std::string &sectionText(Section section) const;
    // One of "previous" and "current" in /update/documents, from the section texts.
    std::string snapshotText() const;

    bool m_exists = false;
    qint64 m_version = 0;
    qint64 m_timestamp = 0;
    Json m_desired = Json::object();
    Json m_reported = Json::object();
    Json m_metadata = Json::object();
    mutable std::array<std::optional<std::string>, SectionCount> m_texts;
};

} // namespace fleet
