#include "common/networkjson.h"

#include "common/seterror.h"

#include <QLocale>

namespace fleet {

int NetworkJson::nestingDepth(QByteArrayView text, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
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
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > stopAbove)
                    return deepest;
            }
            break;
        case ']':
        case '}':
            // Unbalanced text is the parser's to refuse; never let it go below zero here.
            if (depth > 0)
                --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

std::optional<Json> NetworkJson::parse(QByteArrayView text, const Limits &limits, QString *error)
{
    if (text.size() > limits.maxBytes) {
        setError(error, tr("The document is %1 bytes; at most %2 are read.")
                            .arg(QLocale().toString(text.size()), QLocale().toString(limits.maxBytes)));
        return std::nullopt;
    }
    if (nestingDepth(text, limits.maxDepth) > limits.maxDepth) {
        setError(error, tr("The document nests deeper than %1 levels.").arg(limits.maxDepth));
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
