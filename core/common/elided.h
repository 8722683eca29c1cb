#pragma once

#include <QString>
#include <QStringView>

namespace fleet {

// Text from the network quoted in a message or a log line: at most maxChars characters, the last one an
// ellipsis when it was cut, so that a hostile name costs a glance and no more.
inline QString elided(QStringView text, qsizetype maxChars)
{
    return text.size() <= maxChars ? text.toString() : text.left(maxChars).toString() + QChar(0x2026);
}

} // namespace fleet
