#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QString>

#include <nlohmann/json.hpp>

#include <variant>

namespace fleet {

// JSON typed by an operator: parsed with the position of the first error given as a line and column of the
// text the operator sees (nlohmann reports a byte offset into UTF-8, which is neither), and documents
// written back in the layout the editors use.
class JsonText final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::JsonText)

public:
    struct Error
    {
        int line = 1;     // from 1
        int column = 1;   // from 1, in characters (UTF-16 code units) of that line
        int position = 0; // offset in the QString, for a cursor
        QString message;  // translated, with the line and column
        QString detail;   // the parser's own words
    };

    static std::variant<Json, Error> parse(const QString &text);
    // The line and column of a byte offset (from 0) into text's UTF-8 form.
    static Error locate(const QString &text, qsizetype byteOffset);
};

} // namespace fleet
