#include "topicfilter.h"

namespace fleet {

namespace {

constexpr qsizetype MaxUtf8Length = 65535; // the 16-bit length prefix of an MQTT UTF-8 string
constexpr QStringView SharePrefix = u"$share/";

// The length limit is in UTF-8 bytes, not UTF-16 units, and a lone surrogate has no UTF-8 encoding at all;
// counting by hand avoids encoding the string (an allocation per matched message).
bool isValidMqttString(QStringView text)
{
    // Every UTF-16 unit encodes to at least one byte, so this bounds the loop below and rejects the common
    // oversized case without scanning.
    if (text.isEmpty() || text.size() > MaxUtf8Length)
        return false;
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit == 0)
            return false;
        if (unit < 0x80) {
            bytes += 1;
        } else if (unit < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(unit)) {
            if (i + 1 >= text.size() || !QChar::isLowSurrogate(text[i + 1].unicode()))
                return false;
            bytes += 4;
            ++i;
        } else if (QChar::isLowSurrogate(unit)) {
            return false;
        } else {
            bytes += 3;
        }
        if (bytes > MaxUtf8Length)
            return false;
    }
    return true;
}

// Wildcard placement only; the caller checks the string itself. Plain means "$share/" has no special
// meaning here, as for the inner filter of a shared subscription.
bool isValidPlainFilter(QStringView filter)
{
    if (filter.isEmpty())
        return false;
    qsizetype start = 0;
    for (;;) {
        qsizetype end = filter.indexOf(u'/', start);
        const bool last = end < 0;
        if (last)
            end = filter.size();
        const QStringView level = filter.sliced(start, end - start);
        if (level.contains(u'+') && level != u"+")
            return false;
        if (level.contains(u'#') && (level != u"#" || !last))
            return false;
        if (last)
            return true;
        start = end + 1;
    }
}

// Splits "$share/{group}/{filter}" into group and inner filter; false if the filter does not start with the
// share prefix. The parts are not validated.
bool splitShared(QStringView filter, QStringView *group, QStringView *inner)
{
    if (!filter.startsWith(SharePrefix))
        return false;
    const QStringView rest = filter.sliced(SharePrefix.size());
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0) {
        // "$share/g" still claims to be a shared subscription, so it must not fall back to a plain filter.
        *group = rest;
        *inner = {};
    } else {
        *group = rest.first(slash);
        *inner = rest.sliced(slash + 1);
    }
    return true;
}

} // namespace

TopicFilter::TopicFilter(const QString &filter)
    : m_filter(filter)
    , m_matchFilter(filter)
    , m_valid(isValidFilter(filter))
{
    if (m_valid) {
        QStringView group;
        QStringView inner;
        if (splitShared(m_filter, &group, &inner)) {
            m_shareGroup = group.toString();
            m_matchFilter = inner.toString();
        }

        const QStringView match(m_matchFilter);
        qsizetype start = 0;
        for (;;) {
            qsizetype end = match.indexOf(u'/', start);
            const bool last = end < 0;
            if (last)
                end = match.size();
            Level level{start, end - start, Level::Kind::Literal};
            const QStringView text = match.sliced(start, end - start);
            if (text == u"+")
                level.kind = Level::Kind::SingleLevel;
            else if (text == u"#")
                level.kind = Level::Kind::MultiLevel;
            m_levels.append(level);
            if (last)
                break;
            start = end + 1;
        }
    }
    // Also set for an invalid filter: it describes the text the user typed, which the UI shows either way.
    m_hasWildcards = m_matchFilter.contains(u'+') || m_matchFilter.contains(u'#');
}

bool TopicFilter::matches(QStringView topic) const
{
    if (!m_valid || !isValidTopicName(topic))
        return false;

    // '$' topics are server-specific (statistics, cloud shadows); MQTT keeps them out of wildcard
    // subscriptions unless the filter names the '$' level itself.
    if (topic.startsWith(u'$') && m_levels.first().kind != Level::Kind::Literal)
        return false;

    const QStringView filter(m_matchFilter);
    qsizetype start = 0;
    bool topicHasLevel = true; // "a/" has a second, empty level, so end of string is not end of levels
    for (const Level &level : m_levels) {
        // '#' also matches zero levels, which is how "a/#" matches "a".
        if (level.kind == Level::Kind::MultiLevel)
            return true;
        if (!topicHasLevel)
            return false;
        qsizetype end = topic.indexOf(u'/', start);
        if (end < 0) {
            end = topic.size();
            topicHasLevel = false;
        }
        if (level.kind == Level::Kind::Literal &&
            filter.sliced(level.offset, level.length) != topic.sliced(start, end - start)) {
            return false;
        }
        start = end + 1;
    }
    return !topicHasLevel;
}

bool TopicFilter::covers(const TopicFilter &other) const
{
    if (!m_valid || !other.m_valid || isShared() || other.isShared())
        return false;
    const QStringView mine(m_matchFilter);
    const QStringView theirs(other.m_matchFilter);
    for (qsizetype i = 0; i < m_levels.size(); ++i) {
        const Level &level = m_levels[i];
        // A wildcard first level leaves out the '$' topics, which a literal '$' level of the other includes.
        if (i == 0 && level.kind != Level::Kind::Literal &&
            other.m_levels.first().kind == Level::Kind::Literal && theirs.startsWith(u'$'))
            return false;
        if (level.kind == Level::Kind::MultiLevel)
            return true;
        if (i >= other.m_levels.size())
            return false;
        const Level &theirLevel = other.m_levels[i];
        if (theirLevel.kind == Level::Kind::MultiLevel)
            return false;
        if (level.kind == Level::Kind::SingleLevel)
            continue;
        if (theirLevel.kind != Level::Kind::Literal ||
            mine.sliced(level.offset, level.length) != theirs.sliced(theirLevel.offset, theirLevel.length))
            return false;
    }
    // Out of levels: the other must be too ("a/+" does not cover "a/+/b"), apart from a '#' of its own,
    // which matches more than any filter without one.
    return other.m_levels.size() == m_levels.size();
}

bool TopicFilter::isValidFilter(QStringView filter)
{
    if (!isValidMqttString(filter))
        return false;
    QStringView group;
    QStringView inner;
    if (!splitShared(filter, &group, &inner))
        return isValidPlainFilter(filter);
    if (group.isEmpty() || group.contains(u'+') || group.contains(u'#'))
        return false;
    return isValidPlainFilter(inner);
}

bool TopicFilter::isValidTopicName(QStringView topic)
{
    return isValidMqttString(topic) && !topic.contains(u'+') && !topic.contains(u'#');
}

} // namespace fleet
