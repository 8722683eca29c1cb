#include "commands/commandparameter.h"

#include "common/json.h"

#include "commands/jsonnumbers.h"

#include <array>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr std::array<std::pair<CommandParameter::Type, const char16_t *>, 5> TypeNames{{
    {CommandParameter::Type::String, u"string"},
    {CommandParameter::Type::Integer, u"integer"},
    {CommandParameter::Type::Number, u"number"},
    {CommandParameter::Type::Boolean, u"boolean"},
    {CommandParameter::Type::Enum, u"enum"},
}};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString number(double value)
{
    return QString::number(value, 'g', 17);
}

bool isScalar(const Json &value)
{
    return value.is_string() || value.is_number() || value.is_boolean();
}

} // namespace

QString CommandParameter::typeName(Type type)
{
    for (const auto &[t, name] : TypeNames) {
        if (t == type)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<CommandParameter::Type> CommandParameter::typeFromName(const QString &name)
{
    for (const auto &[t, typeName] : TypeNames) {
        if (name == QStringView(typeName))
            return t;
    }
    return std::nullopt;
}

bool CommandParameter::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        if (!letter && (i == 0 || c < u'0' || c > u'9'))
            return false;
    }
    return true;
}

bool CommandParameter::validate(const Json &value, QString *error) const
{
    switch (type) {
    case Type::String: {
        if (!value.is_string())
            return fail(error, tr("\"%1\" must be a string, not %2.").arg(name, compactJson(value)));
        const qsizetype length = QString::fromStdString(value.get_ref<const std::string &>()).size();
        if (minLength && length < *minLength)
            return fail(error,
                        tr("\"%1\" must be at least %n character(s) long.", nullptr, *minLength).arg(name));
        if (maxLength && length > *maxLength)
            return fail(error,
                        tr("\"%1\" must be at most %n character(s) long.", nullptr, *maxLength).arg(name));
        break;
    }
    case Type::Integer:
    case Type::Number: {
        std::optional<double> n;
        if (type == Type::Integer) {
            if (const std::optional<qint64> i = jsonIntegral(value))
                n = double(*i);
        } else if (value.is_number() && std::isfinite(value.get<double>())) {
            n = value.get<double>();
        }
        if (!n) {
            return fail(error, type == Type::Integer
                                   ? tr("\"%1\" must be an integer, not %2.").arg(name, compactJson(value))
                                   : tr("\"%1\" must be a number, not %2.").arg(name, compactJson(value)));
        }
        if ((minimum && *n < *minimum) || (maximum && *n > *maximum)) {
            const QString lo = minimum ? number(*minimum) : QString();
            const QString hi = maximum ? number(*maximum) : QString();
            if (minimum && maximum)
                return fail(
                    error, tr("\"%1\" must be from %2 to %3, not %4.").arg(name, lo, hi, compactJson(value)));
            if (minimum)
                return fail(error,
                            tr("\"%1\" must be at least %2, not %3.").arg(name, lo, compactJson(value)));
            return fail(error, tr("\"%1\" must be at most %2, not %3.").arg(name, hi, compactJson(value)));
        }
        break;
    }
    case Type::Boolean:
        if (!value.is_boolean())
            return fail(error, tr("\"%1\" must be true or false, not %2.").arg(name, compactJson(value)));
        break;
    case Type::Enum:
        break;
    }
    if (!allowed.empty()) {
        const Json candidate = normalized(value);
        for (const Json &a : allowed) {
            if (a == candidate)
                return true;
        }
        QStringList values;
        for (const Json &a : allowed)
            values.append(compactJson(a));
        return fail(
            error, tr("\"%1\" must be one of %2, not %3.").arg(name, values.join(u", "), compactJson(value)));
    }
    return true;
}

Json CommandParameter::normalized(const Json &value) const
{
    if (type == Type::Integer && value.is_number_float()) {
        if (const std::optional<qint64> i = jsonIntegral(value))
            return *i;
    }
    return value;
}

std::optional<CommandParameter> CommandParameter::fromJson(const Json &json, QString *error)
{
    const auto refuse = [error](const QString &message) -> std::optional<CommandParameter> {
        fail(error, message);
        return std::nullopt;
    };
    if (!json.is_object())
        return refuse(tr("A parameter must be a JSON object."));

    CommandParameter p;
    const auto name = json.find("name");
    if (name == json.end() || !name->is_string())
        return refuse(tr("A parameter needs a \"name\" string."));
    p.name = QString::fromStdString(name->get_ref<const std::string &>());
    if (!isValidName(p.name))
        return refuse(
            tr("\"%1\" is not a valid parameter name: use letters, digits and '_', not starting with "
               "a digit, at most 64 characters.")
                .arg(p.name));
    const auto type = json.find("type");
    if (type == json.end() || !type->is_string())
        return refuse(tr("Parameter \"%1\": \"type\" must be one of string, integer, number, boolean, enum.")
                          .arg(p.name));
    const std::optional<Type> t = typeFromName(QString::fromStdString(type->get_ref<const std::string &>()));
    if (!t)
        return refuse(tr("Parameter \"%1\": unknown type %2; use string, integer, number, boolean or enum.")
                          .arg(p.name, compactJson(*type)));
    p.type = *t;
    const bool numeric = p.type == Type::Integer || p.type == Type::Number;

    for (const auto &[k, value] : json.items()) {
        const QString key = QString::fromStdString(k);
        const auto wrong = [&](const QString &why) {
            return refuse(tr("Parameter \"%1\", \"%2\": %3").arg(p.name, key, why));
        };
        if (k == "name" || k == "type") {
            continue;
        } else if (k == "description") {
            if (!value.is_string())
                return wrong(tr("must be a string."));
            p.description = QString::fromStdString(value.get_ref<const std::string &>());
        } else if (k == "descriptions" || k == "labels") {
            QString why;
            std::optional<LocalizedTexts> texts = LocalizedTexts::fromJson(value, &why);
            if (!texts)
                return wrong(why);
            (k == "labels" ? p.labels : p.descriptions) = std::move(*texts);
        } else if (k == "minimum" || k == "maximum") {
            if (!numeric)
                return wrong(tr("applies only to integer and number parameters."));
            if (!value.is_number() || !std::isfinite(value.get<double>()))
                return wrong(tr("must be a number."));
            if (p.type == Type::Integer && !jsonIntegral(value))
                return wrong(tr("must be an integer."));
            (k == "minimum" ? p.minimum : p.maximum) = value.get<double>();
        } else if (k == "minLength" || k == "maxLength") {
            if (p.type != Type::String)
                return wrong(tr("applies only to string parameters."));
            const std::optional<int> n = jsonInt(value);
            if (!n || *n < 0)
                return wrong(tr("must be a non-negative integer."));
            (k == "minLength" ? p.minLength : p.maxLength) = *n;
        } else if (k == "allowed") {
            if (p.type == Type::Boolean)
                return wrong(tr("does not apply to boolean parameters."));
            if (!value.is_array() || value.empty())
                return wrong(tr("must be a non-empty array."));
            for (const Json &a : value) {
                if (!isScalar(a))
                    return wrong(
                        tr("must hold strings, numbers or booleans only, not %1.").arg(compactJson(a)));
            }
            p.allowed = value;
        } else if (k == "default") {
            p.defaultValue = value;
        } else if (k == "required") {
            if (!value.is_boolean())
                return wrong(tr("must be true or false."));
            p.required = value.get<bool>();
        } else {
            return refuse(tr("Parameter \"%1\": unknown key \"%2\".").arg(p.name, key));
        }
    }

    if (p.minimum && p.maximum && *p.minimum > *p.maximum)
        return refuse(tr("Parameter \"%1\": \"minimum\" is greater than \"maximum\".").arg(p.name));
    if (p.minLength && p.maxLength && *p.minLength > *p.maxLength)
        return refuse(tr("Parameter \"%1\": \"minLength\" is greater than \"maxLength\".").arg(p.name));
    if (p.type == Type::Enum && p.allowed.empty())
        return refuse(tr("Parameter \"%1\": an enum needs \"allowed\" values.").arg(p.name));
    if (p.type != Type::Enum) {
        // Each allowed value must be one the parameter's type and range accept; validate() checks against
        // the allowed list too, so check with the list put aside.
        CommandParameter bare = p;
        bare.allowed = Json::array();
        QString why;
        for (Json &a : p.allowed) {
            if (!bare.validate(a, &why))
                return refuse(tr("Parameter \"%1\", \"allowed\": %2").arg(p.name, why));
            a = bare.normalized(a);
        }
    }
    if (p.defaultValue) {
        QString why;
        if (!p.validate(*p.defaultValue, &why))
            return refuse(tr("Parameter \"%1\", \"default\": %2").arg(p.name, why));
        p.defaultValue = p.normalized(*p.defaultValue);
    }
    return p;
}

Json CommandParameter::toJson() const
{
    Json json = Json::object();
    json["name"] = name.toStdString();
    json["type"] = typeName(type).toStdString();
    if (!description.isEmpty())
        json["description"] = description.toStdString();
    if (!descriptions.isEmpty())
        json["descriptions"] = descriptions.toJson();
    if (!labels.isEmpty())
        json["labels"] = labels.toJson();
    const auto bound = [this](double value) -> Json {
        if (type == Type::Integer)
            return qint64(value);
        return value;
    };
    if (minimum)
        json["minimum"] = bound(*minimum);
    if (maximum)
        json["maximum"] = bound(*maximum);
    if (minLength)
        json["minLength"] = *minLength;
    if (maxLength)
        json["maxLength"] = *maxLength;
    if (!allowed.empty())
        json["allowed"] = allowed;
    if (defaultValue)
        json["default"] = *defaultValue;
    if (required)
        json["required"] = true;
    return json;
}

} // namespace fleet
