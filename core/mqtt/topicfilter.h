#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace fleet {

// An MQTT topic filter, validated once and matched many times (the traffic view matches every message of a
// '#' subscription against the operator's filters, so matching must not allocate).
//
// Rules (MQTT 3.1.1 section 4.7 and MQTT 5 section 4.7, 4.8.2):
// - topic names and filters are 1 to 65535 bytes of UTF-8 with no U+0000;
// - '+' matches exactly one level and must fill its level; '#' must be the last level, fill it, and also
//   matches the parent ("a/#" matches "a");
// - empty levels are valid and significant ("a//b" has three levels);
// - a filter that starts with a wildcard never matches a topic that starts with '$';
// - "$share/{group}/{filter}" is a shared subscription: the group is non-empty with no '/', '+' or '#', and
//   the topic is matched against the inner filter.
class TopicFilter final
{
public:
    TopicFilter() = default;
    explicit TopicFilter(const QString &filter);

    const QString &filter() const { return m_filter; }
    bool isValid() const { return m_valid; }

    bool isShared() const { return !m_shareGroup.isEmpty(); }
    // The share group of a "$share/{group}/…" filter, empty otherwise.
    const QString &shareGroup() const { return m_shareGroup; }
    // The filter that topics are matched against: the inner filter of a shared subscription, else filter().
    const QString &matchFilter() const { return m_matchFilter; }
    bool hasWildcards() const { return m_hasWildcards; }

    // False for an invalid filter and for an invalid topic name.
    bool matches(QStringView topic) const;

    // True when every topic that `other` matches, this filter matches too ("a/#" covers "a/+/b" and "a",
    // "+/x" covers "b/x" but not "$b/x"). A subscriber holding both would receive each such message twice,
    // so a capture subscribes only the filters no other one covers. False when either is invalid or shared:
    // a share group changes who receives a message, not which topics.
    bool covers(const TopicFilter &other) const;

    static bool isValidFilter(QStringView filter);
    // A topic name may be published to: valid and without wildcards.
    static bool isValidTopicName(QStringView topic);

    bool operator==(const TopicFilter &other) const { return m_filter == other.m_filter; }

private:
    // A level of m_matchFilter as an index range rather than a QStringView, so that copies, assignments and
    // moves of a TopicFilter can never leave it pointing into a buffer that another instance released.
    struct Level
    {
        enum class Kind : quint8 { Literal, SingleLevel, MultiLevel };
        qsizetype offset = 0;
        qsizetype length = 0;
        Kind kind = Kind::Literal;
    };

    QString m_filter;
    QString m_shareGroup;
    QString m_matchFilter;
    QList<Level> m_levels; // empty for an invalid filter
    bool m_valid = false;
    bool m_hasWildcards = false;
};

} // namespace fleet
