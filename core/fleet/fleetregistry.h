#pragma once

#include "common/json.h"

#include "device.h"
#include "dialects/atlasdialect.h"
#include "mqtt/mqttmessage.h"
#include "presencechange.h"
#include "presencehistory.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariant>

#include <functional>
#include <optional>

namespace fleet {

// Every device of the fleet, discovered from its traffic or imported from a file, in the order it was first
// met (rows never move, so a model maps them one to one).
//
// ingest() reads one message:
// - presence (default "presence/{id}"): "online" / "offline", usually retained with "offline" as the Last
//   Will. A retained message gives the state but not since when, and is no sign of life;
// - telemetry (default "telemetry/{id}"): the device is alive;
// - command replies, as the AtlasDialect decodes them (device and group response topics);
// - classic shadow update/documents, get/accepted and delete/accepted: the shadow summary and the reported
//   top-level scalars. A document older than the one already seen is ignored;
// - Azure IoT Hub devices: the broker plugin's presence ($fleet/iothub-presence/{id}, {"connected": …})
//   and their device-to-cloud messages (devices/{id}/messages/events/…, a sign of life), and their twins as
//   fleet-hub answers and announces them ($fleet/twins/{id}/get/accepted, …/documents), which stand for the
//   shadow (version: the sum of the two sections' $version).
// Anything else, malformed payloads and ids that cannot be device ids are ignored, and nothing is created.
//
// Changes are batched: they are collected and announced once per event-loop turn by a zero timer, as
// devicesAdded(first, last) for new rows and devicesChanged(rows) for the others, so a burst of 10,000
// retained presence messages costs a view one insert. For 100,000 devices the storage is one plain record
// per device (no QObject), with group names and attribute keys interned.
//
// Everything from the broker is hostile: any account allowed to publish on telemetry/+ can invent a new id
// per message. So what traffic can make the registry keep is bounded:
// - devices: traffic adds a row for an unknown id only while count() < maxDevices() (DefaultMaxDevices,
//   100,000: the largest fleet the console is measured with, about 60 MB of records). Once the list is
//   full, a message from an unknown id adds nothing and is counted in refusedMessages(), announced by
//   refusedMessagesChanged() at most once per event-loop turn so that a view can say so in one line.
//   Devices already listed keep updating. No row is ever evicted: making room by dropping the devices
//   silent the longest would let a flood push out exactly those an operator must see (the ones gone quiet),
//   and rows would move under the models that map them one to one. Devices the operator names
//   (importData(), addToGroup()) are added even when the list is full: they are the operator's word, not
//   traffic, and a file is capped at MaxImportBytes.
// - per device: an id of at most 256 characters, at most 32 reported attributes, text ones of at most 256
//   characters.
// - attribute names, interned for the whole fleet: at most MaxAttributeKeys names of at most
//   MaxAttributeKeyLength characters. A reported attribute with a longer name, or a new name once the table
//   is full, is not kept, and neither counted nor shown: its device still updates, and the device dock
//   shows the whole shadow from the shadow service; only an attribute group on that name misses it.
// - connectivity history: see PresenceHistory (64 changes per device, 20,000 devices with a history).
class FleetRegistry final : public QObject
{
    Q_OBJECT

public:
    explicit FleetRegistry(QObject *parent = nullptr);
    ~FleetRegistry() override;

    // Templates hold {id} as one whole level. Each setter refuses (and keeps the old one) a template with
    // wildcards or not exactly one {id} level.
    bool setPresenceTemplate(const QString &pattern, QString *error = nullptr);
    bool setTelemetryTemplate(const QString &pattern, QString *error = nullptr);
    QString presenceTemplate() const;
    QString telemetryTemplate() const;
    void setPresencePayloads(const QByteArray &online, const QByteArray &offline);
    // How command replies are read (the device a reply comes from proves it alive): one dialect per response
    // topic template, as the tracker listens on them (CommandTracker::responseRoutes()). An empty list keeps
    // the default.
    void setDialect(const AtlasDialect &dialect) { setDialects({dialect}); }
    // replyFilters, when given, are the filters subscribed to for them (CommandTracker::responseFilters(),
    // which listens on one group's topic where a route's template would say every group's).
    void setDialects(const QList<AtlasDialect> &dialects, const QStringList &replyFilters = {});
    const AtlasDialect &dialect() const { return m_dialects.first(); }
    // Milliseconds since the epoch; tests replace it.
    void setClock(std::function<qint64()> clock);

    // What a client must subscribe to for ingest() to see everything it reads.
    QStringList subscriptionFilters() const;

    // True when the message was the registry's and changed or confirmed something.
    bool ingest(const MqttMessage &message);

    // A JSON array of {"id": "...", "groups": ["..."]?} (the file starts with '['), or one id per line (blank
    // lines and lines starting with '#' are skipped). All or nothing: on any error nothing is imported and
    // error says where. Imported devices start with unknown connectivity.
    bool importFile(const QString &path, QString *error = nullptr);
    bool importData(const QByteArray &data, QString *error = nullptr);

    // Groups. Names are non-empty; a device's groups() joins every kind: the operator's (manual, pattern,
    // attribute) and those the device announces in its shadow's reported "groups" (an array of names).
    bool addToGroup(const QString &id, const QString &group, QString *error = nullptr);
    bool removeFromGroup(const QString &id, const QString &group);
    // A wildcard pattern on the id: '*' any run of characters, '?' one, [...] a set ("dev-1*").
    bool addPatternGroup(const QString &group, const QString &pattern, QString *error = nullptr);
    // Devices whose reported top-level attribute key equals value (compared as text: "true", "42", "red").
    bool addAttributeGroup(const QString &group, const QString &key, const QString &value,
                           QString *error = nullptr);
    QStringList groupNames() const;
    QStringList devicesInGroup(const QString &group) const;

    // Fed by the command tracker. False for a device the registry does not know.
    bool setPendingCommands(const QString &id, int count);

    static constexpr int DefaultMaxDevices = 100'000;
    static constexpr int MaxAttributeKeys = 4096;
    // Groups a device announces in its reported state ("groups": ["group-3"]): at most MaxReportedGroups per
    // device; names from devices are interned only while the fleet has fewer than MaxGroupNames, of at most
    // MaxGroupNameLength characters (the operator's own groups are not limited).
    static constexpr int MaxReportedGroups = 16;
    static constexpr int MaxGroupNames = 4096;
    static constexpr int MaxGroupNameLength = 128;
    static constexpr int MaxAttributeKeyLength = 128;
    // The most devices traffic can fill the list with. At least 1; a limit under count() removes nothing,
    // it only stops traffic from adding more.
    int maxDevices() const { return m_maxDevices; }
    void setMaxDevices(int devices);
    // Whether traffic from an unknown id is refused.
    bool isFull() const { return count() >= m_maxDevices; }
    // Messages from unknown ids refused because the list was full, since construction.
    qint64 refusedMessages() const { return m_refusedMessages; }

    int count() const { return int(m_records.size()); }
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    // Out of range gives a Device with an empty id.
    Device deviceAt(int row) const;
    // deviceAt() without the groups and attributes, whose lists and map cost most of it: for a table that
    // reads one field at a time, across the whole fleet when it filters or sorts. Out of range as deviceAt().
    Device summaryAt(int row) const;
    // A row's groups of every kind, sorted, as deviceAt() has them; empty out of range.
    QStringList groupsAt(int row) const;
    Device device(const QString &id) const { return deviceAt(indexOf(id)); }
    QList<Device> devices() const;
    Device::Connectivity connectivityAt(int row) const;

    // The device's connectivity changes as the console observed them, oldest first: a presence message
    // that repeats the current state is not a change. The first is how the device was when the console
    // first learned its state (PresenceChange::Source::Retained when the broker's retained presence said so
    // at subscription). Empty for a device never seen, or whose state is unknown. A change marks the row
    // changed (devicesChanged()). At most PresenceHistory::MaxChangesPerDevice; when its history was
    // dropped for room (PresenceHistory), the current state alone.
    QList<PresenceChange> presenceHistory(const QString &id) const;
    // How many devices keep a history of more than their current state (the rest cost nothing).
    int maxPresenceHistories() const { return m_presenceHistory.maxDevices(); }
    void setMaxPresenceHistories(int devices) { m_presenceHistory.setMaxDevices(devices); }

    // Emits what is pending now instead of at the next turn of the event loop.
    void flush();

Q_SIGNALS:
    // Rows first..last (inclusive) are new. Emitted before devicesChanged() of the same turn.
    void devicesAdded(int first, int last);
    // Rows that existed before this turn and changed, in ascending order.
    void devicesChanged(const QList<int> &rows);
    // refusedMessages() grew this turn; emitted after devicesChanged().
    void refusedMessagesChanged(qint64 total);

private:
    struct Attribute
    {
        quint32 key = 0;
        QVariant value;
    };

    struct Record
    {
        QString id;
        qint64 since = 0;
        qint64 observed = 0; // when the console learned the current connectivity (since is 0 if retained)
        qint64 lastSeen = 0;
        qint64 shadowVersion = 0;
        QList<quint32> manualGroups;   // interned, sorted
        QList<quint32> reportedGroups; // announced by the device (its shadow's reported "groups"), sorted
        QList<quint32> groups;         // every kind, interned, sorted
        QList<Attribute> attributes;
        qint32 pendingCommands = 0;
        qint32 differingKeys = 0;
        Device::Connectivity connectivity = Device::Connectivity::Unknown;
        PresenceChange::Source connectivitySource = PresenceChange::Source::Live;
        bool shadowKnown = false;
        bool dirty = false;
    };

    struct PatternGroup
    {
        quint32 group = 0;
        QRegularExpression pattern;
    };

    struct AttributeGroup
    {
        quint32 group = 0;
        quint32 key = 0;
        QString value;
    };

    // A topic template split around its {id} level.
    struct Template
    {
        QString pattern;
        QString prefix; // up to and including the '/' before {id}
        QString suffix; // from the '/' after {id}
    };

    static bool parseTemplate(const QString &pattern, Template *result, QString *error);
    static QString matchTemplate(const Template &t, const QString &topic);
    static QString filterOf(const Template &t);
    static QString attributeText(const QVariant &value);

    // For the operator's own additions: always finds or creates the row.
    int findOrCreate(const QString &id);
    // For traffic: the row, or -1 (counted in refusedMessages()) for an unknown id when the list is full.
    int admit(const QString &id);
    void markChanged(int row);
    void scheduleFlush();
    bool ingestPresence(const QString &id, const MqttMessage &message);
    bool ingestAzurePresence(const QString &id, const MqttMessage &message);
    bool ingestTwin(const MqttMessage &message);
    bool ingestAlive(const QString &id, const MqttMessage &message);
    // Sets a record's connectivity and keeps its history; false when it was already so.
    bool setConnectivity(Record &record, Device::Connectivity connectivity, PresenceChange::Source source,
                         qint64 now);
    bool ingestShadow(const MqttMessage &message);
    bool applyShadow(const QString &id, qint64 version, const Json &desired, const Json &reported);
    quint32 intern(const QString &name);
    quint32 internKey(const QString &key);
    // internKey() for a name from traffic: none when too long, or new while the table is full.
    std::optional<quint32> reportedKey(const QString &key);
    // Recomputes a record's groups; true when they changed.
    bool updateGroups(Record &record) const;
    void regroupAll();

    QStringList m_replyFilters;
    QList<AtlasDialect> m_dialects = {AtlasDialect()};
    Template m_presence;
    Template m_telemetry;
    QByteArray m_online = QByteArrayLiteral("online");
    QByteArray m_offline = QByteArrayLiteral("offline");
    std::function<qint64()> m_clock;

    QList<Record> m_records;
    QHash<QString, int> m_index;
    PresenceHistory m_presenceHistory;
    QStringList m_groupNames; // interned: a record holds indexes into this
    QHash<QString, quint32> m_groupIndex;
    QStringList m_keyNames;
    QHash<QString, quint32> m_keyIndex;
    QList<PatternGroup> m_patternGroups;
    QList<AttributeGroup> m_attributeGroups;

    QTimer m_flushTimer;
    int m_firstNewRow = -1; // rows from here are new this turn; -1 when none
    QList<int> m_changedRows;
    int m_maxDevices = DefaultMaxDevices;
    qint64 m_refusedMessages = 0;
    bool m_refusedChanged = false; // refusedMessages() grew since the last flush()
};

} // namespace fleet
