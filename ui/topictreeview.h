#pragma once

#include "mqtt/mqttclient.h" // complete: QPointer<MqttClient> converts with a static_cast

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

class QChartView;
class QLabel;
class QLineEdit;
class QLineSeries;
class QListWidget;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace fleet {

class FleetSession;
class TopicTreeModel;

// The topic tree of an MQTT explorer, over what the session's TrafficCapture receives: every topic as a
// branch with its message count, rate, retained marker and last value; for the selected topic its value,
// its recent history with the differences between each message and the one before it (JSON-aware:
// PayloadDiff), a plot of any numeric field of its JSON over that history and onwards, and clearing its
// retained message.
//
// Clearing a retained message publishes an empty retained message with the operator's own account, after a
// confirmation: the broker's access control decides, and its refusal is shown (MQTT 5; MQTT 3.1.1 has no
// way to say no). The marker turns off only when the empty message comes back through the capture, which is
// the proof that the broker cleared it.
//
// Search filters the tree by topic text (branches of a match stay). With 100,000 topics filtering is not
// free, so the proxy is only put between the model and the view while there is search text. It filters the
// branches loaded so far: the model makes a branch's children rows when it is first expanded (see
// TopicTreeModel), so a topic under a branch never opened is not found by the search yet; selectTopic()
// finds any topic.
class TopicTreeView final : public QWidget
{
    Q_OBJECT

public:
    explicit TopicTreeView(FleetSession *session, QWidget *parent = nullptr);
    ~TopicTreeView() override;

    TopicTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }

    // Selects the topic (expanding its branch); false when the tree does not have it (yet).
    bool selectTopic(const QString &topic);
    QString selectedTopic() const { return m_topic; }

    // The numeric fields of the selected topic's last JSON value, as JSON Pointers ("/temperature"); the
    // plot picker lists them.
    QStringList plottableFields() const;
    // Plots the field of the selected topic: its history first, then each new message.
    bool plotField(const QString &pointer);
    QString plottedField() const { return m_plotField; }
    int plottedPoints() const;

    // Selects history rows: the diff pane compares the newer with the one before it.
    void selectHistoryRow(int row);
    QString diffText() const;

    // Asks (unless confirm is false, for tests) and publishes an empty retained message on the selected
    // topic.
    void clearRetained(bool confirm = true);
    QString statusText() const;

private:
    void onCurrentChanged();
    void refreshDetails();
    void refreshHistory();
    void showDiff();
    void applySearch(const QString &text);
    void appendPlotPoints();
    void setStatus(const QString &text);

    QPointer<FleetSession> m_session;
    QPointer<MqttClient> m_client;
    TopicTreeModel *m_model;
    QSortFilterProxyModel *m_search;
    QLineEdit *m_searchEdit;
    QLabel *m_counts;
    QTreeView *m_tree;
    QLabel *m_topicLabel;
    QPlainTextEdit *m_value;
    QListWidget *m_history;
    QPlainTextEdit *m_diff;
    QComboBox *m_fieldPicker;
    QPushButton *m_plotButton;
    QPushButton *m_clearRetained;
    QChartView *m_chart;
    QLineSeries *m_series = nullptr;
    QLabel *m_status;
    QSplitter *m_splitter;
    QTimer m_detailTimer;
    // The topic's message count when the history list was filled: its row 0 is that message.
    qint64 m_shownCount = 0;
    QString m_topic;
    QString m_plotField;
    qint64 m_plottedCount = 0; // the topic's message count when the plot last took points
    qint64 m_shownNewest = -1;
    int m_clearMessageId = -1;
};

} // namespace fleet
