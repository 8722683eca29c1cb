#include "commands/tidgenerator.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QRandomGenerator>

#include <algorithm>
#include <utility>

namespace fleet {

namespace {

// Crockford's base32: ascending in ASCII, so string order is numeric order.
constexpr char Alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

constexpr int TimeChars = 10;
constexpr int CounterChars = 4;
constexpr int NodeChars = 8;
static_assert(TimeChars + CounterChars + NodeChars == TidGenerator::Length);

constexpr qint64 MaxMs = (qint64(1) << 48) - 1;
constexpr quint32 MaxCounter = (1u << (5 * CounterChars)) - 1;
constexpr quint64 NodeMask = (quint64(1) << (5 * NodeChars)) - 1;

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    for (int i = 10; i < 32; ++i) {
        if (u == char16_t(Alphabet[i]))
            return i;
    }
    return -1;
}

void encode(quint64 value, int chars, char *out)
{
    for (int i = chars - 1; i >= 0; --i) {
        out[i] = Alphabet[value & 31];
        value >>= 5;
    }
}

} // namespace

TidGenerator::TidGenerator(Clock clock, std::optional<quint64> nodeId)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_nodeId((nodeId ? *nodeId : QRandomGenerator::system()->generate64()) & NodeMask)
{}

QString TidGenerator::next()
{
    const qint64 now = std::clamp<qint64>(m_clock(), 0, MaxMs);
    QMutexLocker locker(&m_mutex);
    if (now > m_lastMs) {
        m_lastMs = now;
        m_counter = 0;
    } else if (m_counter < MaxCounter) {
        // The same millisecond, or the clock stepped back: count on from the last tid.
        ++m_counter;
    } else {
        // A million tids in one millisecond: borrow the next one. The clock catches up soon enough.
        m_lastMs = std::min(m_lastMs + 1, MaxMs);
        m_counter = 0;
    }

    char text[Length];
    encode(quint64(m_lastMs), TimeChars, text);
    encode(m_counter, CounterChars, text + TimeChars);
    encode(m_nodeId, NodeChars, text + TimeChars + CounterChars);
    return QString::fromLatin1(text, Length);
}

bool TidGenerator::isValid(QStringView tid)
{
    if (tid.size() != Length)
        return false;
    // 48 bits of time in 50: the first digit is below 8.
    if (digitValue(tid.front()) >= 8)
        return false;
    return std::all_of(tid.begin(), tid.end(), [](QChar c) { return digitValue(c) >= 0; });
}

std::optional<qint64> TidGenerator::timestampMs(QStringView tid)
{
    if (!isValid(tid))
        return std::nullopt;
    qint64 ms = 0;
    for (int i = 0; i < TimeChars; ++i)
        ms = ms * 32 + digitValue(tid.at(i));
    return ms;
}

int TidGenerator::compare(QStringView a, QStringView b)
{
    const int c = a.compare(b, Qt::CaseSensitive);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace fleet
