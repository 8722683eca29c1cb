#pragma once

#include "common/terminaltext.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace fleet::ctl {

// fleetctl's output: results on stdout, messages on stderr, each line flushed at once, since scripts read
// fleetctl through pipes line by line (a watch, a traffic tail).
inline void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

// What fleetctl prints is mostly what the broker sent (ids, topics, payloads, reasons), so a line is escaped
// before it reaches the terminal (TerminalText says what and why), whether or not stdout is a terminal: a
// pipe often ends in `less -R` or a log that someone cats later.
//
// --json output goes through here too, on purpose. The JSON printer escapes C0 controls itself, but leaves
// DEL, C1 controls and bidi overrides raw inside strings, and `fleetctl ... --json` is read on a terminal as
// often as by jq. Their escape here is \uXXXX, JSON's own escape for the same character, so a JSON consumer
// reads exactly the strings it would have read raw.
inline void writeOut(const QString &line)
{
    writeTo(stdout, TerminalText::escaped(line) + QLatin1Char('\n'));
}

inline void writeErr(const QString &line)
{
    writeTo(stderr, TerminalText::escaped(line) + QLatin1Char('\n'));
}

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace fleet::ctl
