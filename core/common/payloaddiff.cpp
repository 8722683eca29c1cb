#include "common/payloaddiff.h"

#include "common/elided.h"
#include "common/json.h"
#include "common/networkjson.h"
#include "common/payloadpreview.h"

#include <QHash>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <string_view>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

// Objects up to this size are searched member by member (ordered_json's find() is a linear scan); larger
// ones through a hash, so that two objects of 50,000 members do not cost 2.5 billion comparisons.
constexpr size_t LinearLookupMembers = 16;

QString valueText(const Json &value)
{
    return elided(compactJson(value), PayloadDiff::MaxValueCharacters);
}

QString pointerToken(std::string_view key)
{
    QString token = QString::fromUtf8(key.data(), qsizetype(key.size()));
    token.replace(u'~', u"~0"_s);
    token.replace(u'/', u"~1"_s);
    return token;
}

class JsonDiffer
{
public:
    QList<PayloadDiff::JsonChange> changes;
    bool truncated = false;

    // The document nests at most NetworkJson::DefaultMaxDepth levels, so the recursion is bounded too.
    void diff(const Json &before, const Json &after, const QString &path)
    {
        if (full())
            return;
        if (before.is_object() && after.is_object()) {
            diffObjects(before, after, path);
        } else if (before.is_array() && after.is_array()) {
            const size_t common = std::min(before.size(), after.size());
            for (size_t i = 0; i < common; ++i)
                diff(before[i], after[i], path + u'/' + QString::number(i));
            for (size_t i = common; i < before.size(); ++i)
                add(path + u'/' + QString::number(i), PayloadDiff::ChangeKind::Removed, &before[i], nullptr);
            for (size_t i = common; i < after.size(); ++i)
                add(path + u'/' + QString::number(i), PayloadDiff::ChangeKind::Added, nullptr, &after[i]);
        } else if (before != after) {
            // Scalars, or a value that changed type; 1 and 1.0 are the same number.
            add(path, PayloadDiff::ChangeKind::Changed, &before, &after);
        }
    }

private:
    bool full()
    {
        if (changes.size() < PayloadDiff::MaxChanges)
            return false;
        truncated = true;
        return true;
    }

    void add(const QString &path, PayloadDiff::ChangeKind kind, const Json *before, const Json *after)
    {
        if (full())
            return;
        changes.append(
            {path, kind, before ? valueText(*before) : QString(), after ? valueText(*after) : QString()});
    }

    static const Json *member(const Json &object, std::string_view key,
                              const std::unordered_map<std::string_view, const Json *> &index)
    {
        if (object.size() <= LinearLookupMembers)
            return jsonMember(object, key);
        const auto found = index.find(key);
        return found == index.end() ? nullptr : found->second;
    }

    static std::unordered_map<std::string_view, const Json *> indexOf(const Json &object)
    {
        std::unordered_map<std::string_view, const Json *> index;
        if (object.size() <= LinearLookupMembers)
            return index;
        index.reserve(object.size());
        for (const auto &[key, value] : object.items())
            index.emplace(key, &value);
        return index;
    }

    void diffObjects(const Json &before, const Json &after, const QString &path)
    {
        // Keys in before's order, then the ones only after has, in its order: the order the device wrote.
        const auto afterIndex = indexOf(after);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const std::string &key = it.key();
            const QString memberPath = path + u'/' + pointerToken(key);
            if (const Json *now = member(after, key, afterIndex))
                diff(it.value(), *now, memberPath);
            else
                add(memberPath, PayloadDiff::ChangeKind::Removed, &it.value(), nullptr);
            if (full())
                return;
        }
        const auto beforeIndex = indexOf(before);
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!member(before, it.key(), beforeIndex))
                add(path + u'/' + pointerToken(it.key()), PayloadDiff::ChangeKind::Added, nullptr,
                    &it.value());
            if (full())
                return;
        }
    }
};

// The lines of at most MaxTextBytes and MaxLines of payload; *cut is set when it had more.
QStringList linesOf(const QByteArray &payload, bool *cut)
{
    const QByteArrayView head(payload.constData(), std::min(payload.size(), PayloadDiff::MaxTextBytes));
    if (head.size() < payload.size())
        *cut = true;
    // Stateful: a character cut by the end of head is left out, not turned into U+FFFD.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(head);
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        if (lines.size() == PayloadDiff::MaxLines) {
            *cut = true;
            break;
        }
        qsizetype end = text.indexOf(u'\n', start);
        const qsizetype next = end < 0 ? text.size() : end + 1;
        if (end < 0)
            end = text.size();
        QStringView line = QStringView(text).sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        lines.append(line.toString());
        start = next;
    }
    return lines;
}

} // namespace

PayloadDiff PayloadDiff::compare(const QByteArray &before, const QByteArray &after)
{
    PayloadDiff diff;
    bool json = false;
    diff.compareJson(before, after, &json);
    if (json)
        return diff;
    // Judged on what a text diff would read: a payload whose text part is over the limit is still text.
    if (PayloadPreview::isTextual(QByteArrayView(before).first(std::min(before.size(), MaxTextBytes))) &&
        PayloadPreview::isTextual(QByteArrayView(after).first(std::min(after.size(), MaxTextBytes))))
        diff.compareText(before, after);
    else
        diff.compareBinary(before, after);
    return diff;
}

void PayloadDiff::compareJson(const QByteArray &before, const QByteArray &after, bool *ok)
{
    if (NetworkJson::shapeOf(before).members > MaxJsonMembers ||
        NetworkJson::shapeOf(after).members > MaxJsonMembers)
        return;
    const std::optional<Json> a = NetworkJson::parse(before);
    if (!a)
        return;
    const std::optional<Json> b = NetworkJson::parse(after);
    if (!b)
        return;
    *ok = true;
    m_mode = Mode::Json;
    JsonDiffer differ;
    differ.diff(*a, *b, QString());
    m_changes = std::move(differ.changes);
    m_truncated = differ.truncated;
    m_identical = m_changes.isEmpty();
}

void PayloadDiff::compareText(const QByteArray &before, const QByteArray &after)
{
    m_mode = Mode::Text;
    bool cut = false;
    const QStringList a = linesOf(before, &cut);
    const QStringList b = linesOf(after, &cut);
    m_truncated = cut;

    // The common head and tail need no table: most edits of a document touch a few lines in its middle.
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;

    // lcs[i][j]: the longest common subsequence of the middle lines from i and from j on. At most 2,000 x
    // 2,000 cells of 16 bits; the hashes spare comparing whole lines that differ.
    std::vector<size_t> hashA(static_cast<size_t>(n));
    std::vector<size_t> hashB(static_cast<size_t>(m));
    for (qsizetype i = 0; i < n; ++i)
        hashA[size_t(i)] = qHash(a.at(head + i));
    for (qsizetype j = 0; j < m; ++j)
        hashB[size_t(j)] = qHash(b.at(head + j));
    const auto same = [&](qsizetype i, qsizetype j) {
        return hashA[size_t(i)] == hashB[size_t(j)] && a.at(head + i) == b.at(head + j);
    };
    const size_t width = size_t(m) + 1;
    std::vector<quint16> lcs((size_t(n) + 1) * width, 0);
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            const size_t cell = size_t(i) * width + size_t(j);
            lcs[cell] =
                same(i, j) ? quint16(lcs[cell + width + 1] + 1) : std::max(lcs[cell + width], lcs[cell + 1]);
        }
    }

    m_lines.reserve(head + n + m + tail);
    for (qsizetype i = 0; i < head; ++i)
        m_lines.append({LineKind::Same, a.at(i)});
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(i, j)) {
            m_lines.append({LineKind::Same, a.at(head + i)});
            ++i;
            ++j;
        } else if (j == m || (i < n && lcs[size_t(i + 1) * width + size_t(j)] >=
                                           lcs[size_t(i) * width + size_t(j + 1)])) {
            // Removed before added: a replaced block reads as the old lines, then the new.
            m_lines.append({LineKind::Removed, a.at(head + i)});
            ++i;
        } else {
            m_lines.append({LineKind::Added, b.at(head + j)});
            ++j;
        }
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k)
        m_lines.append({LineKind::Same, a.at(k)});
    // Byte for byte: lines that differ only in their breaks ("\r\n" and "\n") are not the same payload.
    m_identical = before == after;
}

void PayloadDiff::compareBinary(const QByteArray &before, const QByteArray &after)
{
    m_mode = Mode::Binary;
    const qsizetype common = std::min(before.size(), after.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (before.at(i) != after.at(i)) {
            ++m_differingBytes;
            if (m_firstDifference < 0)
                m_firstDifference = i;
        }
    }
    const qsizetype extra = std::max(before.size(), after.size()) - common;
    m_differingBytes += extra;
    if (m_firstDifference < 0 && extra > 0)
        m_firstDifference = common;
    m_identical = m_differingBytes == 0;
}

QString PayloadDiff::summary() const
{
    QString text;
    if (m_identical) {
        text = tr("No differences");
    } else if (m_mode == Mode::Json) {
        qsizetype added = 0;
        qsizetype removed = 0;
        qsizetype changed = 0;
        for (const JsonChange &change : m_changes) {
            if (change.kind == ChangeKind::Added)
                ++added;
            else if (change.kind == ChangeKind::Removed)
                ++removed;
            else
                ++changed;
        }
        QStringList parts;
        if (added > 0)
            parts.append(tr("%n added", "JSON members or elements", int(added)));
        if (removed > 0)
            parts.append(tr("%n removed", "JSON members or elements", int(removed)));
        if (changed > 0)
            parts.append(tr("%n changed", "JSON values", int(changed)));
        // One change apart rather than "%n change(s)": English has no translation file and would show "(s)".
        const int total = int(m_changes.size());
        text = total == 1 ? tr("1 change: %1", "JSON diff").arg(parts.join(u", "_s))
                          : tr("%n changes: %1", "JSON diff (never 1)", total).arg(parts.join(u", "_s));
    } else if (m_mode == Mode::Text) {
        int added = 0;
        int removed = 0;
        for (const Line &line : m_lines) {
            if (line.kind == LineKind::Added)
                ++added;
            else if (line.kind == LineKind::Removed)
                ++removed;
        }
        QStringList parts;
        if (added > 0)
            parts.append(tr("%n added", "lines", added));
        if (removed > 0)
            parts.append(tr("%n removed", "lines", removed));
        if (!parts.isEmpty())
            text = tr("Lines: %1", "text diff").arg(parts.join(u", "_s));
        else if (m_truncated)
            text = tr("No differences in the lines compared");
        else
            text = tr("The lines are the same; only line breaks differ");
    } else {
        text = m_differingBytes == 1 ? tr("Differ in 1 byte, at offset %1").arg(m_firstDifference)
                                     : tr("Differ in %n bytes, first at offset %1", "never 1",
                                          int(std::min<qint64>(m_differingBytes, INT_MAX)))
                                           .arg(m_firstDifference);
    }
    if (m_truncated)
        text += u' ' + tr("(compared in part: the payloads are too long or differ in too many places)");
    return text;
}

} // namespace fleet
