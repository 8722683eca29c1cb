#pragma once

#include <QMutex>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace fleet {

// Transaction ids for commands (IoT Atlas "tid"): globally unique, and ordered, so that a device can tell an
// out-of-order command from a newer one and the console can sort by creation without a second field.
//
// A tid is 22 characters of Crockford's base32 (0-9, A-Z without I, L, O, U), whose ASCII order is the order
// of the digits' values, so comparing tids as strings compares the numbers they spell:
//   10 characters  milliseconds since the Unix epoch (48 bits used of 50)
//    4 characters  a counter within that millisecond (20 bits)
//    8 characters  this generator's node id, random per instance (40 bits)
// Tids of one generator are strictly increasing, even if the wall clock steps back: the generator keeps its
// last millisecond and counts on from it until the clock catches up. Between generators (processes,
// machines) order is that of their clocks; tids made in the same millisecond order by counter, then node,
// arbitrarily but consistently. Uniqueness between generators rests on the 40-bit node id.
//
// Being only [0-9A-Z], a tid is valid everywhere a command id must go: MQTT topics, JSON, file names, AWS
// IoT job and execution ids (at most 64 characters of [0-9A-Za-z_-]).
class TidGenerator final
{
public:
    // Milliseconds since the Unix epoch.
    using Clock = std::function<qint64()>;

    static constexpr int Length = 22;

    // An empty clock is the system's wall clock; an unset node id is drawn from the system's random source.
    explicit TidGenerator(Clock clock = {}, std::optional<quint64> nodeId = std::nullopt);
    TidGenerator(const TidGenerator &) = delete;
    TidGenerator &operator=(const TidGenerator &) = delete;

    // Thread-safe.
    QString next();

    quint64 nodeId() const { return m_nodeId; }

    // Exactly the form next() produces.
    static bool isValid(QStringView tid);
    // When the tid was made (by its generator's clock, or later if that clock stepped back); nullopt if the
    // tid is not valid.
    static std::optional<qint64> timestampMs(QStringView tid);
    // Negative, zero or positive as a was made before, is, or was made after b. For valid tids this is plain
    // string order; anything else compares as text too, so the order stays total.
    static int compare(QStringView a, QStringView b);

private:
    Clock m_clock;
    quint64 m_nodeId;
    QMutex m_mutex;
    qint64 m_lastMs = -1;
    quint32 m_counter = 0;
};

} // namespace fleet
