#include "common/jsontext.h"

#include "common/json.h"

namespace fleet {

std::variant<Json, JsonText::Error> JsonText::parse(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    try {
        return Json::parse(bytes.cbegin(), bytes.cend());
    } catch (const Json::parse_error &e) {
        // e.byte counts from 1 and names the character the parser stopped at (one past the end for input
        // that ended too early).
        Error error = locate(text, qsizetype(e.byte) - 1);
        // what() is "[json.exception.parse_error.101] parse error at line L, column C: syntax error while
        // parsing value - unexpected end of input; ..."; the part after the last " - " is what went wrong,
        // and the position is ours.
        QString detail = QString::fromUtf8(e.what());
        const qsizetype dash = detail.lastIndexOf(QStringLiteral(" - "));
        if (dash >= 0)
            detail = detail.mid(dash + 3);
        error.detail = detail;
        error.message = tr("Line %1, column %2: %3").arg(error.line).arg(error.column).arg(detail);
        return error;
    }
}

JsonText::Error JsonText::locate(const QString &text, qsizetype byteOffset)
{
    const QByteArray bytes = text.toUtf8();
    const qsizetype offset = std::clamp<qsizetype>(byteOffset, 0, bytes.size());
    const QByteArrayView before(bytes.constData(), offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    Error error;
    error.line = int(before.count('\n')) + 1;
    // Characters, not bytes: an accented key must not push the column to the right.
    error.column = int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    error.position = int(QString::fromUtf8(before).size());
    return error;
}

} // namespace fleet
