#pragma once

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace fleet {

// The one JSON type of the project: ordered, so that an editor or a printout shows keys in the order the
// device (or the operator) wrote them.
using Json = nlohmann::ordered_json;

// The member key of object, or nullptr when object is not an object (network input may be any type) or has
// no such member. Never throws and never copies.
inline const Json *jsonMember(const Json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// One line without spaces. Invalid UTF-8 in a string (anything from a broker may hold it) is replaced by
// U+FFFD instead of throwing, so printing never fails.
inline std::string compactJsonString(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline QString compactJson(const Json &value)
{
    return QString::fromStdString(compactJsonString(value));
}

// Two-space indentation, for a person to read; the same replacement of invalid UTF-8.
inline QString indentedJson(const Json &value)
{
    return QString::fromStdString(value.dump(2, ' ', false, Json::error_handler_t::replace));
}

inline QByteArray compactJsonBytes(const Json &value)
{
    return QByteArray::fromStdString(compactJsonString(value));
}

} // namespace fleet
