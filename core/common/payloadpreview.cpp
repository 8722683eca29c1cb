#include "common/payloadpreview.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QStringView Ellipsis = u"\u2026";

bool isBinaryCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7f;
}

} // namespace

bool PayloadPreview::isTextual(QByteArrayView bytes)
{
    // Stateful: a character cut by the end of bytes is held back, not reported as an error, so that a prefix
    // of a text payload is still text.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError() && std::none_of(text.cbegin(), text.cend(), isBinaryCharacter);
}

PayloadPreview PayloadPreview::of(const QByteArray &payload, qsizetype maxCharacters)
{
    const QByteArrayView head(payload.constData(), std::min(payload.size(), PreviewBytes));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(head);
    PayloadPreview result;
    result.isText = !decoder.hasError() && std::none_of(text.cbegin(), text.cend(), isBinaryCharacter);
    if (maxCharacters <= 0)
        return result;

    if (!result.isText) {
        // Three characters per byte ("ff "), so the hex takes about as much room as text would.
        const qsizetype bytes = std::max<qsizetype>(1, maxCharacters / 3);
        result.text = QString::fromLatin1(payload.first(std::min(payload.size(), bytes)).toHex(' '));
        if (payload.size() > bytes) {
            result.text += u' ';
            result.text += Ellipsis;
        }
        return result;
    }
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    const bool more = text.size() > maxCharacters || payload.size() > head.size();
    if (text.size() > maxCharacters) {
        text.truncate(maxCharacters);
        if (text.back().isHighSurrogate())
            text.chop(1);
    }
    if (more)
        text += Ellipsis;
    result.text = std::move(text);
    return result;
}

QString plainToolTip(const QString &text)
{
    // Only '<' opens a tag and only '&' an entity.
    if (!text.contains(u'<') && !text.contains(u'&'))
        return text;
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

} // namespace fleet
