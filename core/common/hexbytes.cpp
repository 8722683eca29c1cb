#include "common/hexbytes.h"

namespace fleet {

namespace {

int nibble(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

std::variant<QByteArray, HexBytes::Error> HexBytes::parse(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    qsizetype groupStart = -1;
    int high = -1; // the first digit of a byte whose second is still to come
    // Line and column from 1, as the JSON editor's errors give them.
    const auto fail = [&text](qsizetype position, const QString &problem) {
        const QStringView before = QStringView(text).left(position);
        const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
        return Error{int(position), tr("Line %1, column %2: %3")
                                        .arg(before.count(u'\n') + 1)
                                        .arg(position - lineStart + 1)
                                        .arg(problem)};
    };
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (end || text.at(i).isSpace()) {
            if (high >= 0)
                return fail(groupStart, tr("\"%1\" has an odd number of hex digits; each byte takes two.")
                                            .arg(text.mid(groupStart, i - groupStart).left(32)));
            groupStart = -1;
            continue;
        }
        const int value = nibble(text.at(i));
        if (value < 0)
            return fail(i, tr("'%1' is not a hex digit (0-9, a-f).").arg(text.at(i)));
        if (groupStart < 0)
            groupStart = i;
        if (high < 0) {
            high = value;
        } else {
            out.append(char((high << 4) | value));
            high = -1;
        }
    }
    return out;
}

QString HexBytes::format(const QByteArray &bytes, int bytesPerLine)
{
    static constexpr char Digits[] = "0123456789abcdef";
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out.append(bytesPerLine > 0 && i % bytesPerLine == 0 ? QLatin1Char('\n') : QLatin1Char(' '));
        const auto b = quint8(bytes.at(i));
        out.append(QLatin1Char(Digits[b >> 4]));
        out.append(QLatin1Char(Digits[b & 0xf]));
    }
    return out;
}

} // namespace fleet
