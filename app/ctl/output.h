#pragma once

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

inline void writeOut(const QString &line)
{
    writeTo(stdout, line + QLatin1Char('\n'));
}

inline void writeErr(const QString &line)
{
    writeTo(stderr, line + QLatin1Char('\n'));
}

inline std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace fleet::ctl
