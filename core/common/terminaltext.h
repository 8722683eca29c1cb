#pragma once

#include <QString>

namespace fleet {

// Text bound for a terminal, made inert. fleetctl prints device ids, topics, payloads and reasons that any
// device or account could have published; a terminal acts on some of their characters instead of showing
// them: ESC and the other C0 controls (clear the screen, move the cursor, set the window title, in some
// terminals write to the clipboard), DEL, the C1 controls U+0080-U+009F (U+009B is CSI to a terminal that
// reads them in UTF-8), the line and paragraph separators U+2028/U+2029, and the bidi embeddings, overrides
// and isolates U+202A-U+202E and U+2066-U+2069 (which reorder the rest of the line, so that what a person
// reads is not what is there). Each becomes a visible escape.
class TerminalText final
{
public:
    TerminalText() = delete;

    // text with every such character replaced: a C0 control by \xHH (ESC is \x1b), any other by \uXXXX
    // (\u007f, \u009b, \u202e). '\n' and '\t' stay, since human output is laid out with them. Text that
    // holds none comes back as it is, without a copy.
    //
    // The \uXXXX form is deliberate: it is also JSON's escape for the very same character, so escaping the
    // output of the JSON printer (which leaves DEL, C1 and the bidi characters raw inside strings but never a
    // C0 control) gives JSON that parses to the same strings.
    static QString escaped(const QString &text);

    // Whether escaped() replaces c.
    static bool isUnsafe(char16_t c);
};

} // namespace fleet
