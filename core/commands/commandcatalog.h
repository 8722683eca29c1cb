#pragma once

#include "commands/commandspec.h"
#include "commands/deviceprofile.h"
#include "common/json.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// The command types a console knows, read from a JSON file {"version": 1, "commands": [...]} (schema:
// docs/command-catalog.md). Loading is all or nothing: the first problem is reported with the command's
// index and name and the key at fault, and no catalog is returned. Deprecated commands stay in the catalog,
// so that history and undo can still find them; a picker shows only the others.
class CommandCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::CommandCatalog)

public:
    static constexpr int Version = 1;
    static constexpr qsizetype MaxFileBytes = 4 * 1024 * 1024;
    // Where defaultCatalog() reads from, compiled into fleet_core.
    static constexpr auto DefaultCatalogPath = ":/fleet/default-catalog.json";

    static std::optional<CommandCatalog> fromJson(const QByteArray &bytes, QString *error = nullptr);
    static std::optional<CommandCatalog> fromFile(const QString &path, QString *error = nullptr);
    // The catalog matching fleet-sim's built-in commands. It is part of the build and is checked by the
    // tests, so it always loads; a fresh copy each call (no shared instance to mutate).
    static CommandCatalog defaultCatalog();

    // At most this many entries in "devices": each multiplies the forms of every command.
    static constexpr qsizetype MaxProfiles = 256;

    // nullptr for an unknown name. Deprecated commands are found too: check CommandSpec::deprecated.
    const CommandSpec *find(const QString &name) const;
    // The command as it reaches this device (a member of groups): in the form of the first profile that
    // matches it, else as the catalog defines it. nullptr with error set for an unknown name, or a command
    // the device's profile does not take.
    const CommandSpec *find(const QString &name, const QString &device, const QStringList &groups,
                            QString *error = nullptr) const;

    // The catalog's "devices": which dialect and topics devices speak, first match wins (DeviceProfile).
    const QList<DeviceProfile> &profiles() const { return m_profiles; }
    const DeviceProfile *profileFor(const QString &device, const QStringList &groups = {}) const;
    // Whether device is an Azure IoT Hub device (an azure-methods profile matches it): it has a twin, not a
    // shadow, and takes commands as direct methods.
    bool isAzureDevice(const QString &device) const;
    // Every form a command takes: as defined, and as each profile sends it (for the topics to listen on,
    // and for fleet-hub's gate to recognise a request on any of them), with the profile it is for (nullptr
    // for the command's own form).
    struct Form
    {
        const CommandSpec *spec;
        const DeviceProfile *profile;
    };
    QList<Form> forms() const;

    // What fleet-hub's command gate does with a payload that is not one of the catalog's commands.
    enum class RawCommands { Sensitive, Allowed, Refused };
    // From the catalog's "gate" object: {"rawCommands": "sensitive" | "allowed" | "refused",
    // "sensitiveDesired": ["position", …]}. Raw payloads are sensitive unless the catalog says otherwise.
    RawCommands rawCommands() const { return m_rawCommands; }
    // Desired-state keys (top level of "desired") whose change needs an approval, like a sensitive command.
    const QStringList &sensitiveDesiredKeys() const { return m_sensitiveDesired; }
    const QList<CommandSpec> &commands() const { return m_commands; }
    QStringList names(bool includeDeprecated = true) const;
    bool isEmpty() const { return m_commands.isEmpty(); }

    QByteArray toJson() const;

private:
    bool readGate(const Json &gate, QString *error);
    bool readProfiles(const Json &devices, QString *error);

    QList<CommandSpec> m_commands;
    QList<DeviceProfile> m_profiles;
    // [profile][command]: the command in that profile's form, or nullopt when the profile's devices do not
    // take it. Built once at load, so that find() hands out pointers as stable as those to m_commands.
    QList<QList<std::optional<CommandSpec>>> m_forms;
    RawCommands m_rawCommands = RawCommands::Sensitive;
    QStringList m_sensitiveDesired;
};

} // namespace fleet
