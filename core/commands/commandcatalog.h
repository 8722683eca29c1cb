#pragma once

#include "commands/commandspec.h"
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

    // nullptr for an unknown name. Deprecated commands are found too: check CommandSpec::deprecated.
    const CommandSpec *find(const QString &name) const;

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

    QList<CommandSpec> m_commands;
    RawCommands m_rawCommands = RawCommands::Sensitive;
    QStringList m_sensitiveDesired;
};

} // namespace fleet
