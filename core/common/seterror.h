#pragma once

#include <QString>

namespace fleet {

// For the functions that report why they refused through an optional QString *error.
inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace fleet
