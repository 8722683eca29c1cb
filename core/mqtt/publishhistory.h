#pragma once

#include "mqtt/publishdraft.h"
#include "mqtt/publishhistoryroles.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace fleet {

// What the Publish view sent, newest first, and the forms an operator saved under a name (favourites), kept
// in QSettings under one group (the application's organization and name, which main() sets), so that both
// are there at the next start.
//
// Bounded, since every publish adds to it and the settings file is read at every start: the last MaxEntries
// messages, each payload cut to MaxPayloadBytes (and marked), and at most MaxStoredBytes of topics, payloads
// and properties in all (the oldest go first); at most MaxFavourites favourites, each within the same
// bounds, refused past them rather than cut (a favourite is meant to be sent again as it is). Reading the
// settings applies the same bounds, whatever the file holds.
//
// It stores what the form held and nothing else: never the connection's profile, its user name or password
// (those live in the connection settings and the OS keychain).
class PublishHistory final : public QAbstractListModel
{
    Q_OBJECT

public:
    // How the message left: published as typed, or turned into a free-form command or a desired-state
    // change through fleet-hub's gate (a command request or a shadow update topic).
    enum class Route { Direct, Command, Desired };
    Q_ENUM(Route)
    enum class Outcome {
        Pending, // under way: awaiting the broker's acknowledgement, or the command path's answer
        Sent,    // QoS 0 left the client, the QoS 1/2 handshake completed, or the gate took the command
        Held,    // fleet-hub's gate holds it for an approver
        Refused, // refused here (not connected, invalid, window full) or by the broker or the gate
        Unknown, // still pending when the console closed: read back so from the settings
    };
    Q_ENUM(Outcome)

    struct Entry
    {
        quint64 key = 0;
        PublishDraft draft;
        QDateTime time; // UTC
        Route route = Route::Direct;
        Outcome outcome = Outcome::Pending;
        QString detail;
    };

    static constexpr int MaxEntries = 50;
    static constexpr qsizetype MaxPayloadBytes = 64 * 1024;
    static constexpr qsizetype MaxStoredBytes = 1024 * 1024; // the history's, and the favourites' apart
    static constexpr int MaxFavourites = 100;
    static constexpr qsizetype MaxFavouriteNameChars = 100;
    static constexpr qsizetype MaxDetailChars = 1000;

    // Reads the settings group now. The default group is the console's.
    explicit PublishHistory(QObject *parent = nullptr);
    PublishHistory(const QString &settingsGroup, QObject *parent = nullptr);
    ~PublishHistory() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // nullptr for a row out of range.
    const Entry *entry(int row) const;
    // -1 for a key that is not (or no longer) in the history.
    int rowOf(quint64 key) const;

    // Adds a message at the top (the oldest leave past the bounds) and saves. Returns its key.
    quint64 record(const PublishDraft &draft, Route route, Outcome outcome = Outcome::Pending,
                   const QString &detail = {});
    // What became of it; false for a key no longer in the history.
    bool setOutcome(quint64 key, Outcome outcome, const QString &detail = {});
    void clear();

    // Sorted by name, case-insensitively.
    QStringList favouriteNames() const;
    std::optional<PublishDraft> favourite(const QString &name) const;
    // Saves (or replaces) the favourite; false with error (translated) for an empty or overlong name, a
    // payload over MaxPayloadBytes, one favourite too many, or MaxStoredBytes exceeded.
    bool saveFavourite(const QString &name, const PublishDraft &draft, QString *error = nullptr);
    bool removeFavourite(const QString &name);

    // What an entry costs against MaxStoredBytes.
    static qsizetype storedBytes(const PublishDraft &draft);

Q_SIGNALS:
    void favouritesChanged();

private:
    struct Favourite
    {
        QString name;
        PublishDraft draft;
    };

    void load();
    void saveHistory();
    void saveFavourites();
    // Drops the oldest entries past MaxEntries and MaxStoredBytes (with row removals).
    void enforceBounds();
    static PublishDraft bounded(PublishDraft draft);

    // One QSettings for the object's life: a change is written to the file once per event-loop turn (and at
    // the end), not once per setValue(). A history of 1 MiB is a file of a few MB, ~100 ms to write.
    QSettings m_settings;
    QString m_group;
    QList<Entry> m_entries; // newest first
    QList<Favourite> m_favourites;
    quint64 m_nextKey = 1;
};

} // namespace fleet
