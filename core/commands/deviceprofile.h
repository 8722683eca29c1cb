#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

class CommandSpec;

// Which command dialect and topics some devices speak, from the catalog's "devices" list (schema:
// docs/command-catalog.md), so that one fleet can mix the seed's sample devices, the IoT Atlas design page's
// layout and AWS IoT things. A profile matches one device id, the members of one group, or the ids fitting a
// pattern ('*' any run of characters, '?' one); the catalog takes the first profile that matches.
//
// For a device it matches, the profile decides how every command reaches it:
// - "atlas" or "atlas-text": the catalog's Atlas commands, in that form, on the profile's topics (those it
//   leaves out stay the command's own). AWS IoT commands are not for it.
// - "aws-commands": only the catalog's AWS IoT commands, started through fleet-hub; nothing else reaches it.
class DeviceProfile final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::DeviceProfile)

public:
    enum class Match { Device, Group, Pattern };

    Match match = Match::Pattern;
    QString value; // the device id, group name or pattern
    QString dialect;
    // Empty: the command's own. A group request topic that is given but empty means no group sends.
    QString requestTopicTemplate;
    QString responseTopicTemplate;
    std::optional<QString> groupRequestTopicTemplate;
    QString groupResponseTopicTemplate;

    // Whether the profile is about this device, a member of groups.
    bool matches(const QString &device, const QStringList &groups = {}) const;

    // The command as this profile sends it, or nullopt with why set when the profile's devices do not take
    // it (an Atlas command for an AWS thing, or the reverse).
    std::optional<CommandSpec> apply(const CommandSpec &spec, QString *why = nullptr) const;

    // Reads one entry of "devices"; unknown keys, several or no match keys, and bad templates are refused.
    static std::optional<DeviceProfile> fromJson(const Json &json, QString *error = nullptr);
    Json toJson() const;

    // The glob match of a pattern: '*' any run (also empty), '?' one character, anything else itself.
    static bool globMatch(QStringView pattern, QStringView text);
};

} // namespace fleet
