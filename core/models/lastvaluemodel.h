#pragma once

#include "mqtt/mqttmessage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace fleet {

class TrafficModel;

// The last message of every topic a TrafficModel tracks, one row per topic: what a field engineer reads to
// know a device's current telemetry without scrolling the live table.
//
// TrafficModel keeps the last values but signals nothing per message (at 20,000 messages/s nobody could
// watch them change anyway). This model follows it by polling: after each batch of rows the source inserts
// it schedules refresh() no sooner than refreshInterval(), and refresh() compares, inserting new topics at
// the end with one beginInsertRows(), removing the topics the source evicted, and announcing the changed
// rows with one dataChanged() over their range. Rows keep their place; sorting is a proxy's job.
//
// While the source is paused it inserts no rows, so this table holds still too, until refresh() is called.
//
// It keeps no bound of its own because it needs none: its rows are shared copies of the source's last values
// (the same topic strings, payloads and properties, already cut and counted against the source's maxBytes()),
// so they cost the source's budget, not a second one. Only between an eviction in the source and the next
// refresh() does it still hold values the source let go: at most maxTopics() of them, counting at most
// maxBytes().
class LastValueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TopicColumn, QosColumn, RetainedColumn, SizeColumn, PayloadColumn, ColumnCount };

    enum Role {
        TopicRole = Qt::UserRole + 1, // QString
        QosRole,                      // int
        RetainedRole,                 // bool
        PayloadSizeRole,              // qint64, bytes as kept by the source
        PayloadRole,                  // QByteArray
        MessageRole,                  // fleet::MqttMessage
    };

    static constexpr int DefaultRefreshIntervalMs = 250;
    static constexpr int DisplayCharacters = 120;

    explicit LastValueModel(TrafficModel *source, QObject *parent = nullptr);

    int refreshInterval() const { return m_refreshTimer.interval(); }
    void setRefreshInterval(int milliseconds) { m_refreshTimer.setInterval(milliseconds); }

    // Brings the rows in line with the source's last values now.
    void refresh();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void scheduleRefresh();
    void reindex();
    static bool sameMessage(const MqttMessage &a, const MqttMessage &b);

    QPointer<TrafficModel> m_source;
    QList<MqttMessage> m_rows;
    QHash<QString, int> m_rowOfTopic;
    QTimer m_refreshTimer;
};

} // namespace fleet
