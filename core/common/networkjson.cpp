#include "common/networkjson.h"

#include "common/seterror.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>

namespace fleet {

int NetworkJson::nestingDepth(QByteArrayView text, int stopAbove)
{
    return shapeOf(text, stopAbove).depth;
}

NetworkJson::Shape NetworkJson::shapeOf(QByteArrayView text, int stopAboveDepth)
{
    Shape shape;
    // Per open level: its member count so far, or -1 for an array. Never deeper than stopAboveDepth + 1.
    QVarLengthArray<qsizetype, DefaultMaxDepth + 2> open;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            open.append(c == '{' ? 0 : -1);
            if (open.size() > shape.depth) {
                shape.depth = int(open.size());
                if (shape.depth > stopAboveDepth)
                    return shape;
            }
            break;
        case ']':
        case '}':
            // Unbalanced text is the parser's to refuse; never let it go below zero here.
            if (!open.isEmpty())
                open.removeLast();
            break;
        case ':':
            if (!open.isEmpty() && open.last() >= 0) {
                shape.widestObject = std::max(shape.widestObject, ++open.last());
                ++shape.members;
            }
            break;
        default:
            break;
        }
    }
    return shape;
}

std::optional<Json> NetworkJson::parseDocument(QByteArrayView payload)
{
    const QByteArrayView trimmed = payload.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
        return std::nullopt;
    return parse(trimmed);
}

std::optional<Json> NetworkJson::parse(QByteArrayView text, const Limits &limits, QString *error)
{
    if (text.size() > limits.maxBytes) {
        setError(error, tr("The document is %1 bytes; at most %2 are read.")
                            .arg(QLocale().toString(text.size()), QLocale().toString(limits.maxBytes)));
        return std::nullopt;
    }
    const Shape shape = shapeOf(text, limits.maxDepth);
    if (shape.depth > limits.maxDepth) {
        setError(error, tr("The document nests deeper than %1 levels.").arg(limits.maxDepth));
        return std::nullopt;
    }
    if (shape.widestObject > limits.maxMembers) {
        setError(error, tr("An object of the document has more than %1 members.")
                            .arg(QLocale().toString(limits.maxMembers)));
        return std::nullopt;
    }
    Json json = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
        setError(error, tr("The document is not valid JSON."));
        return std::nullopt;
    }
    return json;
}

} // namespace fleet
