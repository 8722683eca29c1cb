#pragma once

#include "common/json.h"

#include <QLoggingCategory>
#include <QString>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

// What SimDevice's translation units (simdevice*.cpp) share: the clock of its delays, the values it accepts
// for its state (a command and a shadow delta set the same things, within the same bounds), and small
// conversions.

namespace fleet::sim {

Q_DECLARE_LOGGING_CATEGORY(lcSimDevice)

// The built-in commands, by their index in Run::command and Execution::command. simdevice.h's
// BuiltInCommandCount counts them too (simdevicecommands.cpp checks that the two agree). show_message is not
// among them: it is an AWS IoT command (simdeviceaws.cpp) and an Azure direct method (simdeviceazure.cpp).
enum Command : quint8 {
    Reboot,
    SetLed,
    SetTelemetryInterval,
    UploadLog,
    MotorOn,
    MotorOff,
    SetPosition,
    CommandCount,
};

inline constexpr std::array<const char *, CommandCount> CommandNames = {
    "reboot", "set_led", "set_telemetry_interval", "upload_log", "motor_on", "motor_off", "set_position",
};

// The colour is state, so it may not be arbitrarily long.
constexpr qsizetype MaxColorChars = 64;
// What show_message may put on the display, as the default catalog's "text" parameter allows; also what keeps
// the message within an Azure twin's 4 KB per string.
constexpr qsizetype MaxMessageChars = 256;
constexpr int MinTelemetryMs = 100;
constexpr int MaxTelemetryMs = 3600000;
constexpr int MaxPosition = 100;

constexpr auto Firmware = "1.0.0";

inline qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

inline double oneDecimal(double value)
{
    return std::round(value * 10) / 10;
}

// An integral JSON number (1000 and 1000.0 alike), or nothing.
inline std::optional<qint64> integral(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned()) {
        const auto u = value->get<quint64>();
        return u > quint64(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                               : qint64(u);
    }
    if (value->is_number_integer())
        return value->get<qint64>();
    if (value->is_number_float()) {
        const double d = value->get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9e15)
            return qint64(d);
    }
    return std::nullopt;
}

inline std::optional<int> inRange(const Json *value, int lo, int hi)
{
    const std::optional<qint64> n = integral(value);
    if (!n || *n < lo || *n > hi)
        return std::nullopt;
    return int(*n);
}

inline std::optional<QString> color(const Json *value)
{
    if (!value || !value->is_string())
        return std::nullopt;
    const QString c = QString::fromStdString(value->get_ref<const std::string &>());
    if (c.isEmpty() || c.size() > MaxColorChars)
        return std::nullopt;
    return c;
}

inline std::optional<QString> messageText(const Json *value)
{
    if (!value || !value->is_string())
        return std::nullopt;
    const QString text = QString::fromStdString(value->get_ref<const std::string &>());
    if (text.isEmpty() || text.size() > MaxMessageChars)
        return std::nullopt;
    return text;
}

} // namespace fleet::sim
