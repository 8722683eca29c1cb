#pragma once

#include "common/json.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace fleet {

// An operator's edit of a shadow's desired section, checked before anything is sent: the text must be a JSON
// object; only what differs from the section it was based on goes out (members the operator deleted become
// null, which removes them); the service's own checks (nesting, nulls in arrays) and the 8 KB limit on the
// state the update would leave are applied here, from the same code as fleet-hub, so that an operator
// learns of a refusal as they type rather than from a rejection.
class DesiredStateEdit final
{
    Q_DECLARE_TR_FUNCTIONS(fleet::DesiredStateEdit)

public:
    struct Check
    {
        std::optional<Json> edited; // the edited document, when it is a JSON object
        std::optional<Json> patch;  // what to send; set only when it can be sent
        QString problem;            // translated; empty when patch is set
        int errorPosition = -1;     // a syntax error's offset in the text, for a cursor
    };

    // text: the edited desired section; baseDesired: the section it was edited from; reported: the shadow's
    // reported section (it counts towards the size limit).
    static Check check(const QString &text, const Json &baseDesired, const Json &reported);
    // The same for a document already parsed.
    static Check check(const Json &edited, const Json &baseDesired, const Json &reported);
};

} // namespace fleet
