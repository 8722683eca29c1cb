#include "jsonhighlighter.h"

#include "themecolors.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>
#include <QWidget>

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
    // A QPlainTextEdit's document belongs to its text control, which belongs to the editor.
    for (QObject *ancestor = document ? document->parent() : nullptr; ancestor && !m_editor;
         ancestor = ancestor->parent())
        m_editor = qobject_cast<QWidget *>(ancestor);
    // Only the editor's own events, not the application's: a filter on qApp would see every event.
    if (m_editor)
        m_editor->installEventFilter(this);
    // No rehighlight(): QSyntaxHighlighter's constructor has scheduled the first pass already.
    setFormats(ThemeColors::forPalette(currentPalette()));
}

QPalette JsonHighlighter::currentPalette() const
{
    return m_editor ? m_editor->palette() : QGuiApplication::palette();
}

void JsonHighlighter::setColors(const ThemeColors &colors)
{
    setFormats(colors);
    if (document())
        rehighlight();
}

void JsonHighlighter::setFormats(const ThemeColors &colors)
{
    using Role = ThemeColors::Role;
    auto make = [&colors](Role role, bool bold = false) {
        QTextCharFormat format;
        format.setForeground(colors.color(role));
        if (bold)
            format.setFontWeight(QFont::Bold);
        return format;
    };
    m_formats[size_t(Token::Key)] = make(Role::JsonKey, true);
    m_formats[size_t(Token::String)] = make(Role::JsonString);
    m_formats[size_t(Token::Number)] = make(Role::JsonNumber);
    m_formats[size_t(Token::Literal)] = make(Role::JsonLiteral, true);
    m_formats[size_t(Token::Punctuation)] = make(Role::Muted);
}

bool JsonHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange) {
        // A palette change that keeps the theme (a style's polish) must not re-highlight a long document.
        const ThemeColors colors = ThemeColors::forPalette(currentPalette());
        if (colors.color(ThemeColors::Role::JsonKey) != m_formats[size_t(Token::Key)].foreground().color())
            setColors(colors);
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
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
