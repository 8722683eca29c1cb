#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace fleet {

// What changed between two payloads of a topic (two entries of TopicTreeModel's history, say), in the form
// that reads best for them:
// - Json: both parse as JSON (NetworkJson::parse, so depth- and size-limited): a list of changes, each at a
//   JSON Pointer path ("/sensors/0/temp", "" for the whole document), with the old and new values as
//   compact JSON. Objects are compared by key, so key order does not matter; arrays index by index (an
//   element inserted at the front shows as every later element changed and one added at the end, which is
//   what a device resending its array looks like anyway). A member added or removed is one change with its
//   whole value, not one per nested member.
// - Text: both are text (valid UTF-8 without control characters) but not both JSON: a line diff, the
//   longest common subsequence of lines, as Same / Added / Removed lines in order.
// - Binary: either is not text: how many bytes differ (position by position, plus the difference in
//   length) and the first offset where they do.
//
// Bounded whatever the payloads (they come from the network): a text diff reads at most MaxTextBytes and
// MaxLines of each side (its time and memory grow with the product of the two line counts: 2,000 lines a
// side is 4 million cells, a few milliseconds and 8 MB), and at most MaxChanges JSON changes are listed:
// truncated() says when either left something out. Each JSON value is cut to MaxValueCharacters, the last an
// ellipsis. JSON nested deeper than NetworkJson allows (or larger than it reads) is refused by the parser and
// compared as text (NetworkJson bounds the members of one object, whose parse is quadratic), and so is JSON
// of more than MaxJsonMembers object members in all: the differ visits each, on the GUI thread.
class PayloadDiff final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::PayloadDiff)

public:
    enum class Mode { Json, Text, Binary };
    enum class ChangeKind { Added, Removed, Changed };
    enum class LineKind { Same, Added, Removed };

    struct JsonChange
    {
        QString path; // JSON Pointer (RFC 6901); "" for the document itself
        ChangeKind kind = ChangeKind::Changed;
        QString oldValue; // compact JSON, cut to MaxValueCharacters; empty when Added
        QString newValue; // compact JSON, cut to MaxValueCharacters; empty when Removed

        bool operator==(const JsonChange &) const = default;
    };

    struct Line
    {
        LineKind kind = LineKind::Same;
        QString text; // without its line break

        bool operator==(const Line &) const = default;
    };

    static constexpr qsizetype MaxTextBytes = 256 * 1024;
    static constexpr qsizetype MaxLines = 2000;
    static constexpr qsizetype MaxChanges = 1000;
    static constexpr qsizetype MaxValueCharacters = 200;
    // 10,000 members parse in about 0.1 s at -O2.
    static constexpr qsizetype MaxJsonMembers = 10'000;

    static PayloadDiff compare(const QByteArray &before, const QByteArray &after);

    Mode mode() const { return m_mode; }
    // The payloads are equal (Json: equal as JSON, whatever their spacing and key order).
    bool isIdentical() const { return m_identical; }
    // Some of the input or of the result was left out: see the class comment.
    bool truncated() const { return m_truncated; }

    // Json mode.
    const QList<JsonChange> &changes() const { return m_changes; }
    // Text mode; on identical texts every line is Same.
    const QList<Line> &lines() const { return m_lines; }
    // Binary mode: bytes that differ (a longer side's extra bytes included), and the first offset where they
    // do (-1 when identical).
    qint64 differingBytes() const { return m_differingBytes; }
    qint64 firstDifference() const { return m_firstDifference; }

    // One translated line: "3 changes: 1 added, 2 changed", "2 lines added, 1 removed", "Differ in 12 bytes,
    // first at offset 4", "No differences".
    QString summary() const;

private:
    void compareJson(const QByteArray &before, const QByteArray &after, bool *ok);
    void compareText(const QByteArray &before, const QByteArray &after);
    void compareBinary(const QByteArray &before, const QByteArray &after);

    QList<JsonChange> m_changes;
    QList<Line> m_lines;
    qint64 m_differingBytes = 0;
    qint64 m_firstDifference = -1;
    Mode m_mode = Mode::Binary;
    bool m_identical = true;
    bool m_truncated = false;
};

} // namespace fleet
