#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace fleet {

class MqttMessage;

// The named shadows the console knows of, per thing. AWS IoT lists a thing's named shadows over HTTP only
// (ListNamedShadowsForThing), never over MQTT, so the names are learned from the shadow topics that pass the
// console ($aws/things/{thing}/shadow/name/{shadow}/…), and from the operator, who may open a name nobody
// has used yet.
//
// A topic counts when it shows the shadow exists or is being written: an update request, an accepted reply,
// a delta or documents. A get request or a rejection does not (anyone can ask for a name that does not
// exist), nor does a deletion; a name once learned is kept for the session, deleted or not.
//
// Topics come from the broker, and any account that may publish on a thing's shadow topics can make up
// names, so what traffic can make this keep is bounded, and past a bound a new name is refused (counted in
// refusedNames()), never one already known evicted: the names an operator has been choosing from do not move
// under them, and a name traffic did not leave here can still be typed.
// - at most MaxNamesPerThing names per thing (AWS's own default quota is far above what a person picks
//   from in a list, and a device with more is better opened by name);
// - at most MaxEntries thing-and-name pairs in all, about 100 bytes each with the thing's key: a few MB;
// - names are interned, at most MaxDistinctNames of them (a fleet's devices mostly share a handful).
// Names the operator gives (addName()) are kept whatever the bounds: they are the operator's word.
class ShadowNameDirectory final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxNamesPerThing = 100;
    static constexpr int MaxEntries = 200'000;
    static constexpr int MaxDistinctNames = 4096;

    explicit ShadowNameDirectory(QObject *parent = nullptr);
    ~ShadowNameDirectory() override;

    // Reads a message's topic (never its payload). True when it named a shadow not known before, now kept.
    bool ingest(const MqttMessage &message);
    bool ingestTopic(const QString &topic);
    // A name the operator opened. False, with nothing kept, for a thing or shadow name AWS would refuse.
    bool addName(const QString &thing, const QString &shadow);

    // The thing's named shadows, sorted; empty when none is known.
    QStringList names(const QString &thing) const;
    bool contains(const QString &thing, const QString &shadow) const;
    int thingCount() const { return int(m_byThing.size()); }
    int entryCount() const { return m_entries; }
    // Names from traffic refused because a bound was reached, since construction.
    qint64 refusedNames() const { return m_refused; }

    // Emits what is pending now instead of at the next turn of the event loop.
    void flush();

Q_SIGNALS:
    // Things that have new names, once per event-loop turn at most.
    void namesAdded(const QStringList &things);

private:
    // Keeps a pair; bounded says whether traffic's bounds apply.
    bool add(const QString &thing, const QString &shadow, bool bounded);

    QHash<QString, QList<quint32>> m_byThing; // indexes into m_names
    QStringList m_names;
    QHash<QString, quint32> m_nameIndex;
    int m_entries = 0;
    qint64 m_refused = 0;
    QSet<QString> m_pending; // things with new names since the last flush(); bounded by the things kept
    QTimer m_flushTimer;
};

} // namespace fleet
