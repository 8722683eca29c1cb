#pragma once

#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

class QPalette;
class QWidget;

namespace fleet {

class ThemeColors;

// Colours JSON as the operator types it: object keys, string values, numbers, true/false/null and
// punctuation each get a format. It works line by line with no state carried between lines, since a JSON
// string cannot span lines; text that is not JSON is left plain rather than guessed at, so that the error
// the validator reports stays the thing that stands out.
//
// The colours are ThemeColors' for the palette of the editor that shows the document (the first widget among
// the document's ancestors), re-read and re-applied when that editor's palette changes, so a theme switch
// recolours text already shown. A document with no editor uses the application palette.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Key, String, Number, Literal, Punctuation, Count };

    explicit JsonHighlighter(QTextDocument *document);

    QTextCharFormat tokenFormat(Token token) const { return m_formats.at(size_t(token)); }
    // Sets the formats from colors and highlights the document again.
    void setColors(const ThemeColors &colors);

    bool eventFilter(QObject *watched, QEvent *event) override;

protected:
    void highlightBlock(const QString &text) override;

private:
    void apply(int start, int length, Token token);
    void setFormats(const ThemeColors &colors);
    QPalette currentPalette() const;

    std::array<QTextCharFormat, size_t(Token::Count)> m_formats;
    QPointer<QWidget> m_editor; // whose palette says which colours read
};

} // namespace fleet
