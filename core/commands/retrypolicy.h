#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fleet {

// How a requester retries a command that got no final reply in time: up to `attempts` sends in all (the
// first included), every retry with the SAME tid (the device ignores a tid it has already processed), waiting
// an exponential (or linear: the IoT Atlas command design names both), capped and jittered delay between
// them. After the last attempt the device is declared
// unreachable for this command.
class RetryPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::RetryPolicy)

public:
    static constexpr int MaxAttempts = 100;
    static constexpr int MaxDelayMs = 24 * 60 * 60 * 1000; // a day: anything longer is a mistake

    int attempts = 3;         // sends in all, the first included; 1 means no retry
    int backoffBaseMs = 1000; // the delay after the first attempt, before jitter
    int backoffCapMs = 8000;  // no delay exceeds this
    double jitter = 0.3;      // 0..1: the fraction of a delay that is random
    enum class Schedule { Exponential, Linear };
    Schedule schedule = Schedule::Exponential;

    // The wait after attempt number `attempt` (from 1) failed, before the next one:
    //     raw   = min(backoffCapMs, backoffBaseMs * 2^(attempt - 1))   (exponential)
    //     raw   = min(backoffCapMs, backoffBaseMs * attempt)           (linear)
    //     delay = round(raw * (1 - jitter * random01))
    // so a delay lies in [raw * (1 - jitter), raw] and never exceeds the cap: jitter only shortens, which
    // spreads the retries of a fleet that timed out together without making any of them later. random01 is a
    // draw from [0, 1) (clamped into it); attempt below 1 counts as 1.
    int delayMs(int attempt, double random01) const;

    // Checks the ranges: attempts 1..MaxAttempts, 0 <= base <= cap <= MaxDelayMs, jitter within [0, 1].
    bool validate(QString *error = nullptr) const;

    // An object with any of "attempts", "backoffBaseMs", "backoffCapMs", "jitter", "schedule" ("exponential"
    // or "linear"); a missing key keeps its
    // default. Unknown keys, wrong types and invalid ranges are refused with a message naming the key.
    static std::optional<RetryPolicy> fromJson(const Json &json, QString *error = nullptr);
    Json toJson() const;

    friend bool operator==(const RetryPolicy &, const RetryPolicy &) = default;
};

} // namespace fleet
