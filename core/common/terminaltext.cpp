#include "common/terminaltext.h"

#include <algorithm>

namespace fleet {

bool TerminalText::isUnsafe(char16_t c)
{
    if (c < 0x20)
        return c != u'\n' && c != u'\t';
    if (c < 0x7f)
        return false;
    // Every character checked is in the BMP, so a surrogate (half of a character above it) is never one.
    return c <= 0x9f || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

QString TerminalText::escaped(const QString &text)
{
    // A traffic tail prints every message: the usual line, with nothing to replace, is not copied.
    const auto first =
        std::find_if(text.cbegin(), text.cend(), [](QChar c) { return isUnsafe(c.unicode()); });
    if (first == text.cend())
        return text;

    QString out;
    out.reserve(text.size() + 16);
    out.append(QStringView(text.cbegin(), first));
    for (auto it = first; it != text.cend(); ++it) {
        const char16_t c = it->unicode();
        if (!isUnsafe(c))
            out.append(*it);
        else if (c < 0x20)
            out.append(QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
        else
            out.append(QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')));
    }
    return out;
}

} // namespace fleet
