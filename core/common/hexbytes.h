#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <variant>

namespace fleet {

// Bytes typed as hexadecimal by an operator ("de ad be ef", "deadbeef", one dump line per row) and written
// back the same way. Whitespace separates groups; each group holds whole bytes (an even number of hex
// digits), so that "dea dbeef" is refused rather than read as a guess.
class HexBytes final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::HexBytes)

public:
    struct Error
    {
        int position = 0; // offset in the text, for a cursor
        QString message;  // translated, with the column
    };

    static std::variant<QByteArray, Error> parse(const QString &text);
    // Lowercase byte pairs separated by spaces, bytesPerLine to a line ("de ad be ef").
    static QString format(const QByteArray &bytes, int bytesPerLine = 16);
};

} // namespace fleet
