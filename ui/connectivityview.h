#pragma once

#include "fleet/presencechange.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;

namespace fleet {

class ConnectivityTimeline;

// The device page's Connectivity tab: the device's connectivity over the last quarter hour, hour or day as a
// strip (ConnectivityTimeline), and below it every change the console kept, newest first, each with how long
// the state before it lasted ("Offline at 10:05:10 (2 min 41 s online)").
class ConnectivityView final : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectivityView(QWidget *parent = nullptr);

    // Oldest first, as FleetRegistry::presenceHistory() gives them; nowMs is the timeline's right end.
    void setChanges(const QList<PresenceChange> &changes, qint64 nowMs);

    ConnectivityTimeline *timeline() const { return m_timeline; }
    QListWidget *changeList() const { return m_list; }
    QComboBox *windowBox() const { return m_window; }
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillList();

    QLabel *m_summary;
    QComboBox *m_window;
    ConnectivityTimeline *m_timeline;
    QListWidget *m_list;
    QList<PresenceChange> m_changes;
    qint64 m_nowMs = 0;
    qint64 m_listDay = -1; // the day the list's times were written for (times of that day omit the date)
};

} // namespace fleet
