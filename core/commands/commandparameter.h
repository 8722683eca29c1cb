#pragma once

#include "commands/localizedtexts.h"

#include "common/json.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// One typed parameter of a command type, as the catalog declares it: what values a requester may send, and
// what is sent when it sends none. Checks happen on the console's side, before anything is published, so an
// operator learns of a typo at once rather than from a device's FAILURE reply.
class CommandParameter final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::CommandParameter)

public:
    enum class Type {
        String,  // a JSON string; minLength/maxLength count UTF-16 code units, as QString::size() does
        Integer, // an integral JSON number (5.0 is accepted and sent as 5)
        Number,  // any finite JSON number
        Boolean, // true or false
        Enum,    // one of `allowed` (any JSON scalars), compared exactly
    };

    QString name; // [A-Za-z_][A-Za-z0-9_]*, so that "${name}" in a payload template is unambiguous
    Type type = Type::String;
    QString description;
    LocalizedTexts descriptions; // "descriptions": description in other languages
    LocalizedTexts labels;       // "labels": what a form calls it, by language (else its name)
    QString localizedDescription(const QLocale &locale = QLocale()) const
    {
        return descriptions.in(locale, description);
    }
    QString label(const QLocale &locale = QLocale()) const { return labels.in(locale, name); }
    std::optional<double> minimum; // integer and number only, inclusive
    std::optional<double> maximum;
    std::optional<int> minLength; // string only
    std::optional<int> maxLength;
    Json allowed = Json::array(); // when not empty, the only values accepted; required for enum
    std::optional<Json> defaultValue;
    bool required = false; // absent and without a default: refused (when not required, simply left out)

    // Whether value is acceptable for this parameter. error (when given) says why not, naming the parameter.
    bool validate(const Json &value, QString *error = nullptr) const;
    // value as it is sent: an integer given as 5.0 becomes 5. value must have passed validate().
    Json normalized(const Json &value) const;

    // {"name", "type", "description"?, "descriptions"?, "labels"?, "minimum"?, "maximum"?, "minLength"?,
    // "maxLength"?, "allowed"?, "default"?, "required"?}. Refuses unknown keys, keys that do not apply to the
    // type, min > max, an enum without allowed values, and allowed or default values that the parameter
    // itself would refuse.
    static std::optional<CommandParameter> fromJson(const Json &json, QString *error = nullptr);
    Json toJson() const;

    static QString typeName(Type type); // "string", "integer", "number", "boolean", "enum"
    static std::optional<Type> typeFromName(const QString &name);
    static bool isValidName(const QString &name);
};

} // namespace fleet
