#pragma once

#include "common/json.h"

#include <QList>
#include <QWidget>

#include <nlohmann/json.hpp>

class QListWidget;
class QPlainTextEdit;

namespace fleet {

// The versions of one shadow seen while the device detail watched it, newest last, and the difference
// between two of them: select one to compare it with the version before, or two to compare them. The list
// is bounded (maxEntries()): a detail left open on a chatty device must not grow without limit, and the
// operator debugging it cares about the recent past.
class ShadowHistoryView final : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        qint64 version = 0;
        qint64 timestamp = 0;  // the document's, epoch seconds; 0 when it had none
        qint64 receivedMs = 0; // when the console received it
        Json desired = Json::object();
        Json reported = Json::object();
    };

    static constexpr int DefaultMaxEntries = 200;

    explicit ShadowHistoryView(QWidget *parent = nullptr);
    ~ShadowHistoryView() override;

    // Appends a document unless it is the version last appended (a state change without new content).
    void addDocument(const Entry &entry);
    void clear();
    int count() const { return int(m_entries.size()); }
    const QList<Entry> &entries() const { return m_entries; }
    int maxEntries() const { return m_maxEntries; }
    void setMaxEntries(int entries);

    // Selects the entries with these versions (the diff follows the selection). False when one is missing.
    bool selectVersions(qint64 from, qint64 to);
    QString diffText() const;
    QListWidget *listWidget() const { return m_list; }

    // One line per changed leaf of desired and reported: "~ desired/led: "red" → "blue"", "+ path: value",
    // "- path: value". Arrays compare as wholes, as the shadow treats them.
    static QString diff(const Entry &from, const Entry &to);

private:
    void showDiff();
    QString label(const Entry &entry) const;

    QList<Entry> m_entries;
    int m_maxEntries = DefaultMaxEntries;
    QListWidget *m_list;
    QPlainTextEdit *m_diff;
};

} // namespace fleet
