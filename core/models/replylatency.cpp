#include "replylatency.h"

#include "common/networkjson.h"

using namespace Qt::StringLiterals;

namespace fleet {

namespace {

constexpr QStringView CommandsPrefix = u"$aws/commands/things/";

// $aws/commands/things/{thing}/executions/{id}/…: the execution id names the conversation.
QString executionId(const QString &topic)
{
    if (!topic.startsWith(CommandsPrefix))
        return {};
    const QStringList levels = QStringView(topic).sliced(CommandsPrefix.size()).toString().split(u'/');
    if (levels.size() < 3 || levels.at(1) != "executions"_L1 || levels.at(2).isEmpty())
        return {};
    return levels.at(2);
}

QString textMember(const Json &object, const char *name)
{
    const auto found = object.find(name);
    if (found == object.end() || !found->is_string())
        return {};
    return QString::fromStdString(found->get<std::string>());
}

} // namespace

QString ReplyLatency::keyOf(const MqttMessage &message)
{
    QString key;
    if (message.properties().correlationData && !message.properties().correlationData->isEmpty()) {
        key = u"c:"_s + QString::fromLatin1(message.properties().correlationData->toHex());
    } else if (const QString execution = executionId(message.topic()); !execution.isEmpty()) {
        key = u"x:"_s + execution;
    } else {
        const QByteArray &payload = message.payload();
        const qsizetype start = payload.indexOf('{');
        if (start < 0 || payload.size() > MaxJsonBytes || payload.first(start).trimmed().size() > 0)
            return {};
        const std::optional<Json> document = NetworkJson::parse(payload);
        if (!document || !document->is_object())
            return {};
        if (QString tid = textMember(*document, "tid"); !tid.isEmpty())
            key = u"t:"_s + tid;
        else if (QString token = textMember(*document, "clientToken"); !token.isEmpty())
            key = u"k:"_s + token;
    }
    return key.size() > MaxKeyLength ? key.first(MaxKeyLength) : key;
}

qint64 ReplyLatency::note(const MqttMessage &message, qint64 receivedMs)
{
    const QString key = keyOf(message);
    if (key.isEmpty())
        return -1;
    const auto found = m_first.constFind(key);
    if (found != m_first.cend())
        return std::max<qint64>(0, receivedMs - found.value());
    m_first.insert(key, receivedMs);
    m_order.push_back(key);
    while (m_first.size() > MaxOpenKeys) {
        m_first.remove(m_order.front());
        m_order.pop_front();
    }
    return -1;
}

void ReplyLatency::clear()
{
    m_first.clear();
    m_order.clear();
}

} // namespace fleet
