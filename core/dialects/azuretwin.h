#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// An Azure IoT Hub device twin's properties as the service side keeps them (protocols.md C, Azure's "Device
// twins" page): a desired and a reported section, each a JSON object with its own $version, which goes up by
// one with every change of that section. Patches are JSON merge patches (null removes a member, objects
// merge, anything else replaces) and are refused whole when one rule is broken:
//   - a patch is an object; keys are at most 1 KB of UTF-8, without '.', '$', space or control characters;
//   - objects nest at most MaxDepth levels below the section, strings hold at most 4 KB;
//   - a section stays within 32 KB once the patch is applied.
// It does no I/O: fleet-hub's AzureHubService keeps twins in its store and publishes what this class says.
class AzureTwin final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::AzureTwin)

public:
    static constexpr qsizetype MaxSectionBytes = 32 * 1024;
    static constexpr int MaxDepth = 10;
    static constexpr qsizetype MaxKeyBytes = 1024;
    static constexpr qsizetype MaxStringBytes = 4 * 1024;

    enum class Section { Desired, Reported };

    Json desired = Json::object();
    Json reported = Json::object();
    // A new twin's sections start at version 1, as IoT Hub's do.
    qint64 desiredVersion = 1;
    qint64 reportedVersion = 1;

    // Applies patch to one section and raises its version; nullopt on success, else why (the twin is
    // unchanged). A patch that changes nothing still raises the version, as IoT Hub does.
    std::optional<QString> apply(Section section, const Json &patch);
    // Why patch breaks a rule of this class (without the section size, which needs the merged result).
    static std::optional<QString> checkPatch(const Json &patch);
    // RFC 7386 merge of patch into target.
    static void merge(Json &target, const Json &patch);

    // The body of a twin GET reply: {"desired": {…, "$version": n}, "reported": {…, "$version": m}}.
    Json body() const;
    // A desired-properties notification: the patch with the section's new $version.
    Json desiredNotification(const Json &patch) const;

    Json toStored() const;
    static std::optional<AzureTwin> fromStored(const Json &stored);
};

} // namespace fleet
