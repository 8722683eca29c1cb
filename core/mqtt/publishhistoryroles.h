#pragma once

#include <Qt>

namespace fleet {

// The roles of PublishHistory's rows (newest first), for the views and delegates that show them without
// including the model. Each answers with the raw value named; wording is the UI's.
namespace PublishHistoryRoles {
enum Role {
    TopicRole = Qt::UserRole + 1, // QString (also Qt::DisplayRole)
    PayloadRole,                  // QByteArray, at most PublishHistory::MaxPayloadBytes
    PayloadTruncatedRole,         // bool: the payload was cut to that bound
    FormatRole,                   // int, a PublishDraft::Format
    QosRole,                      // int, 0-2
    RetainRole,                   // bool
    HasPropertiesRole,            // bool: any MQTT 5 property set
    TimeRole,                     // QDateTime, UTC
    RouteRole,                    // int, a PublishHistory::Route
    OutcomeRole,                  // int, a PublishHistory::Outcome
    DetailRole,                   // QString: the outcome's words (an error, an execution id), may be empty
    KeyRole,                      // qulonglong: the entry's key (PublishHistory::setOutcome)
};
} // namespace PublishHistoryRoles

} // namespace fleet
