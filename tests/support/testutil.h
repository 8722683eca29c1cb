#pragma once

#include "common/json.h"

#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

namespace fleet::test {

// Generous: a loaded machine must not fail a test. Nothing waits this long when all goes well.
inline constexpr int DefaultTimeoutMs = 15000;

} // namespace fleet::test

// QCOMPARE cannot take nlohmann values (its overloads probe conversions to Qt types such as qfloat16), so
// JSON values are compared as their compact text, which also shows both sides on failure.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QCOMPARE(QString::fromStdString(fleet::Json(actual).dump()),                                             \
             QString::fromStdString(fleet::Json(expected).dump()))
