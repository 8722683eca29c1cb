#pragma once

#include "common/json.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// JSON that came from the network: a broker, a retained message, a device, another console. Anything there
// may be hostile, so its size is checked and its nesting measured before it is parsed, and nothing is built
// that cannot be copied, compared or printed: nlohmann's parser keeps its own stack, but a copy, dump() or
// comparison of the value recurses once per level, and 200,000 levels (400 KB of "[[[[") exhaust a thread's
// stack. Every reader of broker input goes through parse().
class NetworkJson final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::NetworkJson)

public:
    // Far deeper than any format here allows (AWS shadows 6 levels under a state node, Azure twins 10), and
    // far shallower than what would strain a stack.
    static constexpr int DefaultMaxDepth = 64;
    // The largest message a broker delivers to these programs by default (MqttClient's own limit is higher;
    // callers with a protocol limit pass theirs).
    static constexpr qsizetype DefaultMaxBytes = 1024 * 1024;
    // Members of one object. nlohmann's ordered_json (which keeps keys as the device wrote them) inserts each
    // member after a linear search for its key, so an object of n members costs n²/2 key comparisons to
    // parse: 20,000 members took 310 ms (-O2), on the GUI thread or the hub's one thread. At 2,048 one object
    // takes 3 ms, and the worst 1 MB document (about 80 such objects) 160 ms, where 1 MB of one object took
    // seconds; no format here comes close (an AWS shadow is 8 KB).
    static constexpr qsizetype DefaultMaxMembers = 2048;

    struct Limits
    {
        qsizetype maxBytes = DefaultMaxBytes;
        int maxDepth = DefaultMaxDepth;
        qsizetype maxMembers = DefaultMaxMembers; // of any one object
    };

    // The document, or nullopt with error set (translated): over maxBytes, nested deeper than maxDepth, an
    // object of more than maxMembers members, or not valid JSON. Never throws.
    static std::optional<Json> parse(QByteArrayView text, const Limits &limits, QString *error = nullptr);
    static std::optional<Json> parse(QByteArrayView text, QString *error = nullptr)
    {
        return parse(text, Limits{}, error);
    }
    // A payload shown to a person as JSON when it is a document: an object or an array (whitespace around
    // it allowed), within the default limits. A bare number or string is nullopt: shown as the text it is.
    static std::optional<Json> parseDocument(QByteArrayView payload);

    // How deeply text nests arrays and objects (0 for a scalar, 1 for [] or {"a":1}), counting no further
    // than stopAbove + 1. Brackets inside strings do not count. It reads bytes only: it does not check
    // that text is JSON.
    static int nestingDepth(QByteArrayView text, int stopAbove = DefaultMaxDepth);

    // What parsing text would build, read from its bytes in one pass before anything is built (brackets and
    // colons inside strings do not count; it does not check that text is JSON). Past stopAboveDepth levels
    // it stops reading, with depth stopAboveDepth + 1 and the counts so far.
    struct Shape
    {
        int depth = 0;              // 0 for a scalar, 1 for [] or {"a":1}
        qsizetype widestObject = 0; // the most members of any one object
        qsizetype members = 0;      // members of all objects together
    };
    static Shape shapeOf(QByteArrayView text, int stopAboveDepth = DefaultMaxDepth);
};

} // namespace fleet
