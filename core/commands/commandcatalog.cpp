#include "commands/commandcatalog.h"

#include "common/json.h"

#include <QFile>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString where(std::size_t index, const QString &name)
{
    return name.isEmpty() ? CommandCatalog::tr("Command %1").arg(index)
                          : CommandCatalog::tr("Command %1 (\"%2\")").arg(index).arg(name);
}

} // namespace

std::optional<CommandCatalog> CommandCatalog::fromJson(const QByteArray &bytes, QString *error)
{
    const auto refuse = [error](const QString &message) -> std::optional<CommandCatalog> {
        fail(error, message);
        return std::nullopt;
    };
    Json json;
    try {
        json = Json::parse(bytes.cbegin(), bytes.cend());
    } catch (const Json::parse_error &e) {
        return refuse(tr("The catalog is not valid JSON (byte %1): %2")
                          .arg(qulonglong(e.byte))
                          .arg(QString::fromUtf8(e.what())));
    }
    if (!json.is_object())
        return refuse(tr("The catalog must be a JSON object {\"version\": 1, \"commands\": [...]}."));
    for (const auto &[key, value] : json.items()) {
        if (key != "version" && key != "commands" && key != "gate" && key != "devices")
            return refuse(
                tr("Unknown top-level key \"%1\" in the catalog.").arg(QString::fromStdString(key)));
    }
    const auto version = json.find("version");
    if (version == json.end() || *version != Version)
        return refuse(tr("\"version\" must be %1.").arg(Version));
    const auto commands = json.find("commands");
    if (commands == json.end() || !commands->is_array())
        return refuse(tr("\"commands\" must be an array."));

    CommandCatalog catalog;
    if (const auto gate = json.find("gate"); gate != json.end()) {
        QString why;
        if (!catalog.readGate(*gate, &why))
            return refuse(u"\"gate\": %1"_s.arg(why));
    }
    for (std::size_t i = 0; i < commands->size(); ++i) {
        const Json &entry = (*commands)[i];
        QString name;
        if (entry.is_object()) {
            if (const auto n = entry.find("name"); n != entry.end() && n->is_string())
                name = QString::fromStdString(n->get_ref<const std::string &>());
        }
        QString why;
        std::optional<CommandSpec> spec = CommandSpec::fromJson(entry, &why);
        if (!spec)
            return refuse(u"%1: %2"_s.arg(where(i, name), why));
        if (catalog.find(spec->name))
            return refuse(tr("%1: \"name\": another command has this name.").arg(where(i, name)));
        catalog.m_commands.append(std::move(*spec));
    }

    // What needs the whole catalog: replacements and inverses name commands that exist, and an inverse's
    // parameters are ones its command declares (literals of the right type and range).
    for (qsizetype i = 0; i < catalog.m_commands.size(); ++i) {
        const CommandSpec &spec = catalog.m_commands.at(i);
        const QString at = where(std::size_t(i), spec.name);
        if (!spec.replacement.isEmpty() && !catalog.find(spec.replacement))
            return refuse(tr("%1: \"replacement\": there is no command \"%2\".").arg(at, spec.replacement));
        if (!spec.inverse)
            continue;
        const CommandSpec *inverse = catalog.find(spec.inverse->command);
        if (!inverse)
            return refuse(tr("%1: \"inverse\": there is no command \"%2\".").arg(at, spec.inverse->command));
        for (const auto &[key, value] : spec.inverse->parameters.items()) {
            const QString parameterName = QString::fromStdString(key);
            const CommandParameter *parameter = inverse->parameter(parameterName);
            if (!parameter)
                return refuse(tr("%1: \"inverse\": \"%2\" has no parameter \"%3\".")
                                  .arg(at, inverse->name, parameterName));
            const bool captured = value.is_string() && value.get_ref<const std::string &>().starts_with("${");
            QString why;
            if (!captured && !parameter->validate(value, &why))
                return refuse(tr("%1: \"inverse\": %2").arg(at, why));
        }
        for (const CommandParameter &p : inverse->parameters) {
            if (p.required && !p.defaultValue && !spec.inverse->parameters.contains(p.name.toStdString()))
                return refuse(
                    tr("%1: \"inverse\": \"%2\" needs the parameter \"%3\".").arg(at, inverse->name, p.name));
        }
    }
    if (const auto devices = json.find("devices"); devices != json.end()) {
        QString why;
        if (!catalog.readProfiles(*devices, &why))
            return refuse(why);
    }
    return catalog;
}

bool CommandCatalog::readProfiles(const Json &devices, QString *error)
{
    if (!devices.is_array())
        return fail(error, tr("\"devices\" must be an array of profiles."));
    if (qsizetype(devices.size()) > MaxProfiles)
        return fail(error, tr("\"devices\" holds more than %1 profiles.").arg(MaxProfiles));
    for (std::size_t i = 0; i < devices.size(); ++i) {
        QString why;
        std::optional<DeviceProfile> profile = DeviceProfile::fromJson(devices[i], &why);
        if (!profile)
            return fail(error, tr("Device profile %1: %2").arg(i).arg(why));
        QList<std::optional<CommandSpec>> forms;
        forms.reserve(m_commands.size());
        for (const CommandSpec &spec : std::as_const(m_commands))
            forms.append(profile->apply(spec));
        m_profiles.append(std::move(*profile));
        m_forms.append(std::move(forms));
    }
    return true;
}

const DeviceProfile *CommandCatalog::profileFor(const QString &device, const QStringList &groups) const
{
    for (const DeviceProfile &profile : m_profiles) {
        if (profile.matches(device, groups))
            return &profile;
    }
    return nullptr;
}

bool CommandCatalog::isAzureDevice(const QString &device) const
{
    const DeviceProfile *profile = profileFor(device);
    return profile && profile->dialect == "azure-methods"_L1;
}

const CommandSpec *CommandCatalog::find(const QString &name, const QString &device, const QStringList &groups,
                                        QString *error) const
{
    for (qsizetype c = 0; c < m_commands.size(); ++c) {
        if (m_commands.at(c).name != name)
            continue;
        for (qsizetype p = 0; p < m_profiles.size(); ++p) {
            if (!m_profiles.at(p).matches(device, groups))
                continue;
            const std::optional<CommandSpec> &form = m_forms.at(p).at(c);
            if (!form)
                m_profiles.at(p).apply(m_commands.at(c), error); // says why
            return form ? &*form : nullptr;
        }
        return &m_commands.at(c);
    }
    fail(error, tr("Unknown command \"%1\".").arg(name));
    return nullptr;
}

QList<CommandCatalog::Form> CommandCatalog::forms() const
{
    QList<Form> out;
    for (const CommandSpec &spec : m_commands)
        out.append({&spec, nullptr});
    for (qsizetype p = 0; p < m_profiles.size(); ++p) {
        for (const std::optional<CommandSpec> &form : m_forms.at(p)) {
            if (form)
                out.append({&*form, &m_profiles.at(p)});
        }
    }
    return out;
}

bool CommandCatalog::readGate(const Json &gate, QString *error)
{
    if (!gate.is_object())
        return fail(error, tr("must be an object {\"rawCommands\": …, \"sensitiveDesired\": […]}."));
    for (const auto &[key, value] : gate.items()) {
        if (key == "rawCommands") {
            if (value == "sensitive")
                m_rawCommands = RawCommands::Sensitive;
            else if (value == "allowed")
                m_rawCommands = RawCommands::Allowed;
            else if (value == "refused")
                m_rawCommands = RawCommands::Refused;
            else
                return fail(error, tr("\"rawCommands\" must be \"sensitive\", \"allowed\" or \"refused\"."));
        } else if (key == "sensitiveDesired") {
            if (!value.is_array())
                return fail(error, tr("\"sensitiveDesired\" must be an array of key names."));
            for (const Json &name : value) {
                if (!name.is_string() || name.get_ref<const std::string &>().empty())
                    return fail(error, tr("\"sensitiveDesired\" must be an array of key names."));
                m_sensitiveDesired.append(QString::fromStdString(name.get<std::string>()));
            }
        } else {
            return fail(error, tr("unknown key \"%1\".").arg(QString::fromStdString(key)));
        }
    }
    return true;
}

std::optional<CommandCatalog> CommandCatalog::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, tr("Cannot read the catalog %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        fail(error, tr("The catalog %1 is larger than %2 bytes.").arg(path).arg(MaxFileBytes));
        return std::nullopt;
    }
    QString why;
    std::optional<CommandCatalog> catalog = fromJson(file.readAll(), &why);
    if (!catalog)
        fail(error, u"%1: %2"_s.arg(path, why));
    return catalog;
}

CommandCatalog CommandCatalog::defaultCatalog()
{
    QString error;
    std::optional<CommandCatalog> catalog = fromFile(QString::fromLatin1(DefaultCatalogPath), &error);
    // tst_commandcatalog loads it; a broken resource is a build mistake, not a runtime condition.
    Q_ASSERT_X(catalog, "CommandCatalog::defaultCatalog", qPrintable(error));
    return catalog ? std::move(*catalog) : CommandCatalog();
}

const CommandSpec *CommandCatalog::find(const QString &name) const
{
    for (const CommandSpec &spec : m_commands) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QStringList CommandCatalog::names(bool includeDeprecated) const
{
    QStringList out;
    for (const CommandSpec &spec : m_commands) {
        if (includeDeprecated || !spec.deprecated)
            out.append(spec.name);
    }
    return out;
}

QByteArray CommandCatalog::toJson() const
{
    Json json = Json::object();
    json["version"] = Version;
    Json commands = Json::array();
    for (const CommandSpec &spec : m_commands)
        commands.push_back(spec.toJson());
    json["commands"] = std::move(commands);
    const char *raw = m_rawCommands == RawCommands::Allowed   ? "allowed"
                      : m_rawCommands == RawCommands::Refused ? "refused"
                                                              : "sensitive";
    Json sensitiveDesired = Json::array();
    for (const QString &key : m_sensitiveDesired)
        sensitiveDesired.push_back(key.toStdString());
    json["gate"] = {{"rawCommands", raw}, {"sensitiveDesired", std::move(sensitiveDesired)}};
    if (!m_profiles.isEmpty()) {
        Json devices = Json::array();
        for (const DeviceProfile &profile : m_profiles)
            devices.push_back(profile.toJson());
        json["devices"] = std::move(devices);
    }
    return QByteArray::fromStdString(json.dump(2));
}

} // namespace fleet
