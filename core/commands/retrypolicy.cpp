#include "commands/retrypolicy.h"

#include "common/json.h"

#include "commands/jsonnumbers.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

int RetryPolicy::delayMs(int attempt, double random01) const
{
    attempt = std::max(attempt, 1);
    if (!std::isfinite(random01))
        random01 = 0;
    random01 = std::clamp(random01, 0.0, 1.0);
    // In double: 2^(attempt - 1) overflows any integer long before MaxAttempts.
    const double factor = schedule == Schedule::Linear ? double(attempt) : std::exp2(attempt - 1);
    const double raw = std::min(double(backoffCapMs), double(backoffBaseMs) * factor);
    const double j = std::clamp(std::isfinite(jitter) ? jitter : 0.0, 0.0, 1.0);
    return int(std::lround(std::max(0.0, raw * (1.0 - j * random01))));
}

bool RetryPolicy::validate(QString *error) const
{
    if (attempts < 1 || attempts > MaxAttempts)
        return fail(error, tr("\"attempts\" must be from 1 to %1, not %2.").arg(MaxAttempts).arg(attempts));
    if (backoffBaseMs < 0 || backoffBaseMs > MaxDelayMs)
        return fail(error,
                    tr("\"backoffBaseMs\" must be from 0 to %1, not %2.").arg(MaxDelayMs).arg(backoffBaseMs));
    if (backoffCapMs < backoffBaseMs || backoffCapMs > MaxDelayMs)
        return fail(error, tr("\"backoffCapMs\" must be from \"backoffBaseMs\" (%1) to %2, not %3.")
                               .arg(backoffBaseMs)
                               .arg(MaxDelayMs)
                               .arg(backoffCapMs));
    if (!std::isfinite(jitter) || jitter < 0 || jitter > 1)
        return fail(error, tr("\"jitter\" must be a number from 0 to 1, not %1.").arg(jitter));
    return true;
}

std::optional<RetryPolicy> RetryPolicy::fromJson(const Json &json, QString *error)
{
    if (!json.is_object()) {
        fail(error, tr("A retry policy must be a JSON object."));
        return std::nullopt;
    }
    RetryPolicy policy;
    for (const auto &[key, value] : json.items()) {
        const QString name = QString::fromStdString(key);
        int *target = nullptr;
        if (key == "attempts")
            target = &policy.attempts;
        else if (key == "backoffBaseMs")
            target = &policy.backoffBaseMs;
        else if (key == "backoffCapMs")
            target = &policy.backoffCapMs;
        if (target) {
            const std::optional<int> n = jsonInt(value);
            if (!n) {
                fail(error, tr("\"%1\" must be an integer.").arg(name));
                return std::nullopt;
            }
            *target = *n;
        } else if (key == "schedule") {
            if (value == "exponential") {
                policy.schedule = Schedule::Exponential;
            } else if (value == "linear") {
                policy.schedule = Schedule::Linear;
            } else {
                fail(error, tr("\"schedule\" must be \"exponential\" or \"linear\"."));
                return std::nullopt;
            }
        } else if (key == "jitter") {
            if (!value.is_number()) {
                fail(error, tr("\"jitter\" must be a number from 0 to 1."));
                return std::nullopt;
            }
            policy.jitter = value.get<double>();
        } else {
            fail(error, tr("Unknown key \"%1\" in a retry policy.").arg(name));
            return std::nullopt;
        }
    }
    if (!policy.validate(error))
        return std::nullopt;
    return policy;
}

Json RetryPolicy::toJson() const
{
    Json json = Json::object();
    json["attempts"] = attempts;
    json["backoffBaseMs"] = backoffBaseMs;
    json["backoffCapMs"] = backoffCapMs;
    json["jitter"] = jitter;
    // Written only when not the default, so that catalogs without it read back as they were.
    if (schedule == Schedule::Linear)
        json["schedule"] = "linear";
    return json;
}

} // namespace fleet
