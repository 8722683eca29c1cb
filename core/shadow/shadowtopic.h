#pragma once

#include <QString>

#include <optional>

namespace fleet {

// One AWS IoT shadow topic, split into its parts:
//   $aws/things/{thing}/shadow/{operation}[/{reply}]                      (classic shadow)
//   $aws/things/{thing}/shadow/name/{shadow}/{operation}[/{reply}]        (named shadow)
// Topics are case-sensitive; thing and shadow names are validated by AWS's rules, so a topic that merely
// looks like a shadow topic (a wildcard in the thing name, an unknown operation) does not parse.
class ShadowTopic final
{
public:
    enum class Operation { Get, Update, Delete };
    // None: the request topic itself (.../get, .../update, .../delete).
    enum class Reply { None, Accepted, Rejected, Delta, Documents };

    ShadowTopic() = default;
    ShadowTopic(QString thingName, QString shadowName, Operation operation, Reply reply = Reply::None);

    // nullopt for anything that is not exactly a valid shadow request or reply topic. Delta and documents
    // exist only for update.
    static std::optional<ShadowTopic> parse(const QString &topic);

    // AWS limits: thing names 1-128 characters of [a-zA-Z0-9:_-]; shadow names 1-64 of [$a-zA-Z0-9:_-].
    static bool isValidThingName(const QString &name);
    static bool isValidShadowName(const QString &name);

    // "$aws/things/{thing}/shadow" or "$aws/things/{thing}/shadow/name/{shadow}".
    static QString prefix(const QString &thingName, const QString &shadowName = {});

    // The filters a hub subscribes to for every request of every thing: classic and named.
    static QString classicRequestFilter(); // $aws/things/+/shadow/+
    static QString namedRequestFilter();   // $aws/things/+/shadow/name/+/+

    const QString &thingName() const { return m_thingName; }
    const QString &shadowName() const { return m_shadowName; } // empty for the classic shadow
    bool isNamed() const { return !m_shadowName.isEmpty(); }
    Operation operation() const { return m_operation; }
    Reply reply() const { return m_reply; }

    // This topic, and the same shadow's request and reply topics.
    QString toString() const;
    QString requestTopic() const;
    QString replyTopic(Reply reply) const;

    static QString operationName(Operation operation); // "get", "update", "delete"
    static QString replyName(Reply reply);             // "", "accepted", "rejected", "delta", "documents"

    friend bool operator==(const ShadowTopic &, const ShadowTopic &) = default;

private:
    QString m_thingName;
    QString m_shadowName;
    Operation m_operation = Operation::Get;
    Reply m_reply = Reply::None;
};

} // namespace fleet
