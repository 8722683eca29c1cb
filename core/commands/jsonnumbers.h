#pragma once

#include "common/json.h"

#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>

namespace fleet {

// An integral JSON number (1000 and 1000.0 alike, as devices and hand-written files mix them), or nothing.
// Values beyond what a double holds exactly (2^53) are refused rather than silently rounded.
inline std::optional<qint64> jsonIntegral(const Json &value)
{
    if (value.is_number_unsigned()) {
        const auto u = value.get<quint64>();
        if (u > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(u);
    }
    if (value.is_number_integer())
        return value.get<qint64>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) <= 9007199254740992.0)
            return qint64(d);
    }
    return std::nullopt;
}

// The same, limited to what an int holds.
inline std::optional<int> jsonInt(const Json &value)
{
    const std::optional<qint64> n = jsonIntegral(value);
    if (!n || *n < std::numeric_limits<int>::min() || *n > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(*n);
}

} // namespace fleet
