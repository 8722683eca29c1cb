#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace fleet {

// A payload shown in one line of a table or tree cell: UTF-8 text with its line breaks and tabs made spaces,
// or hex ("7b 22 ...") when it is not text. Whether it is text is judged on its first PreviewBytes only: a
// cell must not decode a megabyte.
struct PayloadPreview
{
    static constexpr qsizetype PreviewBytes = 1024;

    QString text;       // at most maxCharacters, an ellipsis appended when the payload was longer
    bool isText = true; // false: binary, shown as hex

    // maxCharacters 0 only judges whether the payload is text (text stays empty).
    static PayloadPreview of(const QByteArray &payload, qsizetype maxCharacters);

    // Valid UTF-8 with no control characters other than tab and line breaks. A binary payload that happens
    // to decode would be unreadable as text, or worse, invisible.
    static bool isTextual(QByteArrayView bytes);
};

// Text from the network for Qt::ToolTipRole. A view renders a tool tip as rich text when it looks like HTML
// (Qt::mightBeRichText()), and a topic or payload is whatever anyone published: "<img src=...>" or a huge
// <h1> would be rendered. Text that could look like HTML goes out escaped inside markup that makes it rich
// text for certain, so that it reads exactly as sent; other text stays as it is.
QString plainToolTip(const QString &text);

} // namespace fleet
