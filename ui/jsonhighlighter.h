#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace fleet {

// Colours JSON as the operator types it: object keys, string values, numbers, true/false/null and
// punctuation each get a format. It works line by line with no state carried between lines, since a JSON
// string cannot span lines; text that is not JSON is left plain rather than guessed at, so that the error
// the validator reports stays the thing that stands out.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Key, String, Number, Literal, Punctuation, Count };

    explicit JsonHighlighter(QTextDocument *document);

    QTextCharFormat tokenFormat(Token token) const { return m_formats.at(size_t(token)); }

protected:
    void highlightBlock(const QString &text) override;

private:
    void apply(int start, int length, Token token);

    std::array<QTextCharFormat, size_t(Token::Count)> m_formats;
};

} // namespace fleet
