#include "shadow/shadowtopic.h"

#include <QStringList>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

bool isNameCharacter(QChar c, bool allowDollar)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u':' ||
           u == u'_' || u == u'-' || (allowDollar && u == u'$');
}

bool isValidName(const QString &name, int maxLength, bool allowDollar)
{
    if (name.isEmpty() || name.size() > maxLength)
        return false;
    for (QChar c : name) {
        if (!isNameCharacter(c, allowDollar))
            return false;
    }
    return true;
}

constexpr std::array<std::pair<ShadowTopic::Operation, const char16_t *>, 3> Operations{{
    {ShadowTopic::Operation::Get, u"get"},
    {ShadowTopic::Operation::Update, u"update"},
    {ShadowTopic::Operation::Delete, u"delete"},
}};

constexpr std::array<std::pair<ShadowTopic::Reply, const char16_t *>, 5> Replies{{
    {ShadowTopic::Reply::None, u""},
    {ShadowTopic::Reply::Accepted, u"accepted"},
    {ShadowTopic::Reply::Rejected, u"rejected"},
    {ShadowTopic::Reply::Delta, u"delta"},
    {ShadowTopic::Reply::Documents, u"documents"},
}};

} // namespace

ShadowTopic::ShadowTopic(QString thingName, QString shadowName, Operation operation, Reply reply)
    : m_thingName(std::move(thingName))
    , m_shadowName(std::move(shadowName))
    , m_operation(operation)
    , m_reply(reply)
{}

std::optional<ShadowTopic> ShadowTopic::parse(const QString &topic)
{
    const QStringList levels = topic.split(u'/');
    // $aws/things/T/shadow/op[/reply] or $aws/things/T/shadow/name/S/op[/reply]
    if (levels.size() < 5 || levels.at(0) != "$aws"_L1 || levels.at(1) != "things"_L1 ||
        levels.at(3) != "shadow"_L1)
        return std::nullopt;
    const QString &thing = levels.at(2);
    if (!isValidThingName(thing))
        return std::nullopt;
    qsizetype next = 4;
    QString shadow;
    if (levels.at(4) == "name"_L1) {
        if (levels.size() < 7)
            return std::nullopt;
        shadow = levels.at(5);
        if (!isValidShadowName(shadow))
            return std::nullopt;
        next = 6;
    }
    const qsizetype rest = levels.size() - next;
    if (rest != 1 && rest != 2)
        return std::nullopt;

    std::optional<Operation> operation;
    for (const auto &[op, name] : Operations) {
        if (levels.at(next) == QStringView(name))
            operation = op;
    }
    if (!operation)
        return std::nullopt;

    Reply reply = Reply::None;
    if (rest == 2) {
        std::optional<Reply> found;
        for (const auto &[r, name] : Replies) {
            if (r != Reply::None && levels.at(next + 1) == QStringView(name))
                found = r;
        }
        if (!found)
            return std::nullopt;
        // Only an update has a delta and a documents stream.
        if ((*found == Reply::Delta || *found == Reply::Documents) && *operation != Operation::Update)
            return std::nullopt;
        reply = *found;
    }
    return ShadowTopic(thing, shadow, *operation, reply);
}

bool ShadowTopic::isValidThingName(const QString &name)
{
    return isValidName(name, 128, false);
}

bool ShadowTopic::isValidShadowName(const QString &name)
{
    return isValidName(name, 64, true);
}

QString ShadowTopic::prefix(const QString &thingName, const QString &shadowName)
{
    if (shadowName.isEmpty())
        return u"$aws/things/%1/shadow"_s.arg(thingName);
    return u"$aws/things/%1/shadow/name/%2"_s.arg(thingName, shadowName);
}

QString ShadowTopic::classicRequestFilter()
{
    return u"$aws/things/+/shadow/+"_s;
}

QString ShadowTopic::namedRequestFilter()
{
    return u"$aws/things/+/shadow/name/+/+"_s;
}

QString ShadowTopic::toString() const
{
    return replyTopic(m_reply);
}

QString ShadowTopic::requestTopic() const
{
    return prefix(m_thingName, m_shadowName) + u'/' + operationName(m_operation);
}

QString ShadowTopic::replyTopic(Reply reply) const
{
    if (reply == Reply::None)
        return requestTopic();
    return requestTopic() + u'/' + replyName(reply);
}

QString ShadowTopic::operationName(Operation operation)
{
    for (const auto &[op, name] : Operations) {
        if (op == operation)
            return QString::fromUtf16(name);
    }
    return {};
}

QString ShadowTopic::replyName(Reply reply)
{
    for (const auto &[r, name] : Replies) {
        if (r == reply)
            return QString::fromUtf16(name);
    }
    return {};
}

} // namespace fleet
