#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace fleet {

namespace {

bool isNumberStart(QChar c)
{
    return c.isDigit() || c == u'-';
}

bool isNumberPart(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Two sets of colours, so that a dark theme does not get navy on black.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    auto make = [](const QColor &colour, bool bold = false) {
        QTextCharFormat format;
        format.setForeground(colour);
        if (bold)
            format.setFontWeight(QFont::Bold);
        return format;
    };
    m_formats[size_t(Token::Key)] = make(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x45, 0x8b), true);
    m_formats[size_t(Token::String)] = make(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_formats[size_t(Token::Number)] = make(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_formats[size_t(Token::Literal)] =
        make(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff), true);
    m_formats[size_t(Token::Punctuation)] = make(dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60));
}

void JsonHighlighter::apply(int start, int length, Token token)
{
    setFormat(start, length, m_formats.at(size_t(token)));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const int size = int(text.size());
    int i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == u'"') {
            int end = i + 1;
            while (end < size && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = std::min(end + 1, size); // past the closing quote, or the line's end if there is none
            // A string followed by a colon is a key.
            int next = end;
            while (next < size && text.at(next).isSpace())
                ++next;
            apply(i, end - i, next < size && text.at(next) == u':' ? Token::Key : Token::String);
            i = end;
        } else if (isNumberStart(c)) {
            int end = i + 1;
            while (end < size && isNumberPart(text.at(end)))
                ++end;
            apply(i, end - i, Token::Number);
            i = end;
        } else if (c.isLetter()) {
            int end = i + 1;
            while (end < size && text.at(end).isLetterOrNumber())
                ++end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                apply(i, end - i, Token::Literal);
            i = end;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                apply(i, 1, Token::Punctuation);
            ++i;
        }
    }
}

} // namespace fleet
