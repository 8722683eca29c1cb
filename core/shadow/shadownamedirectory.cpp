#include "shadownamedirectory.h"

#include "mqtt/mqttmessage.h"
#include "shadowtopic.h"

#include <algorithm>

namespace fleet {

ShadowNameDirectory::ShadowNameDirectory(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &ShadowNameDirectory::flush);
}

ShadowNameDirectory::~ShadowNameDirectory() = default;

bool ShadowNameDirectory::ingest(const MqttMessage &message)
{
    return ingestTopic(message.topic());
}

bool ShadowNameDirectory::ingestTopic(const QString &topic)
{
    // Most traffic is not a named shadow's: a prefix test before the parse.
    if (!topic.startsWith(u"$aws/things/") || !topic.contains(u"/shadow/name/"))
        return false;
    const std::optional<ShadowTopic> parsed = ShadowTopic::parse(topic);
    if (!parsed || !parsed->isNamed())
        return false;
    using Operation = ShadowTopic::Operation;
    using Reply = ShadowTopic::Reply;
    const Operation operation = parsed->operation();
    const Reply reply = parsed->reply();
    const bool shows = (operation == Operation::Update && reply != Reply::Rejected) ||
                       (operation == Operation::Get && reply == Reply::Accepted);
    return shows && add(parsed->thingName(), parsed->shadowName(), true);
}

bool ShadowNameDirectory::addName(const QString &thing, const QString &shadow)
{
    if (!ShadowTopic::isValidThingName(thing) || !ShadowTopic::isValidShadowName(shadow))
        return false;
    add(thing, shadow, false);
    return true;
}

bool ShadowNameDirectory::add(const QString &thing, const QString &shadow, bool bounded)
{
    const auto known = m_nameIndex.constFind(shadow);
    const auto list = m_byThing.constFind(thing);
    if (known != m_nameIndex.cend() && list != m_byThing.cend() && list->contains(known.value()))
        return false;
    if (bounded &&
        (m_entries >= MaxEntries || (list != m_byThing.cend() && list->size() >= MaxNamesPerThing) ||
         (known == m_nameIndex.cend() && m_names.size() >= MaxDistinctNames))) {
        ++m_refused;
        return false;
    }
    quint32 index;
    if (known != m_nameIndex.cend()) {
        index = known.value();
    } else {
        index = quint32(m_names.size());
        m_names.append(shadow);
        m_nameIndex.insert(shadow, index);
    }
    m_byThing[thing].append(index);
    ++m_entries;
    m_pending.insert(thing);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    return true;
}

QStringList ShadowNameDirectory::names(const QString &thing) const
{
    QStringList result;
    const auto it = m_byThing.constFind(thing);
    if (it == m_byThing.cend())
        return result;
    result.reserve(it->size());
    for (const quint32 index : *it)
        result.append(m_names.at(index));
    result.sort();
    return result;
}

bool ShadowNameDirectory::contains(const QString &thing, const QString &shadow) const
{
    const auto known = m_nameIndex.constFind(shadow);
    const auto list = m_byThing.constFind(thing);
    return known != m_nameIndex.cend() && list != m_byThing.cend() && list->contains(known.value());
}

void ShadowNameDirectory::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QStringList things(m_pending.cbegin(), m_pending.cend());
    m_pending.clear();
    things.sort();
    Q_EMIT namesAdded(things);
}

} // namespace fleet
