#pragma once

#include "mqtt/mqttclient.h" // complete: QPointer<MqttClient> converts with a static_cast
#include "mqtt/mqttmessage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QToolButton;
class QTreeView;

namespace fleet {

class FleetSession;
class LastValueModel;
class TrafficFilterProxyModel;
class TrafficModel;

// Live topic traffic of the session's MQTT client: a table of the newest messages (TrafficModel, capped, one
// insert per event-loop turn), a details pane for the selected message (flags, MQTT 5 properties, payload as
// indented JSON, text or hex), the last value of every topic, the message rate, pause, and export to JSON
// lines. Its column widths and splitter positions are remembered by MainWindow, by object name.
//
// The topic filter does two things: it limits what is captured and shown, and it is subscribed on the
// client, so that the operator sees traffic beyond the console's own subscriptions (the registry's, the
// tracker's, the shadows', the approvals'). The view only ever unsubscribes a filter it added itself: a
// filter the console already had is used as is, and left alone when the filter changes again; one that a
// service subscribed after the view did (the client keeps one entry per filter, with the service's QoS) is
// the service's from then on.
//
// Nothing here reacts per message: the model batches rows, the status line and the last values are
// refreshed on timers, and rows are plain model rows with no widget of their own, so 20,000 messages/s cost
// the GUI a few signals per turn of the event loop.
class TrafficView final : public QWidget
{
    Q_OBJECT

public:
    // The decoded property bag of an Azure IoT Hub message's topic, as lines; none for other topics.
    static QStringList azureProperties(const QString &topic);
    // QoS of the subscription the view adds: the broker delivers min(publisher's, this), so 2 shows each
    // message's real QoS, and traffic published at QoS 0 costs nothing more.
    static constexpr int SubscriptionQos = 2;
    // Larger payloads are shown cut in the details pane: formatting megabytes would freeze the window.
    static constexpr qsizetype MaxDetailBytes = 256 * 1024;

    explicit TrafficView(FleetSession *session, QWidget *parent = nullptr);
    ~TrafficView() override;

    TrafficModel *trafficModel() const { return m_model; }
    LastValueModel *lastValueModel() const { return m_lastValues; }
    // What the table shows: trafficModel() through the display filter.
    QSortFilterProxyModel *displayModel() const;

    // Captures and shows only the topics the MQTT filter matches, and subscribes to it unless the client
    // already has that subscription; an empty filter shows everything the console receives. An invalid filter
    // is refused (false, *error translated) and the current one stays.
    bool setTopicFilter(const QString &filter, QString *error = nullptr);
    QString topicFilter() const;
    // The subscription this view added to the client, empty when none.
    QString addedSubscription() const { return m_addedFilter; }

    // Freezes the table; the status line counts what arrives meanwhile.
    void setPaused(bool paused);
    bool isPaused() const;

    // Shows the payload in the details pane as a hex dump instead of JSON or text.
    void setHexMode(bool hex);
    bool hexMode() const;

    // The message the details pane shows, if any.
    std::optional<MqttMessage> selectedMessage() const { return m_selected; }

    // Writes the rows the table shows, oldest first, one JSON object per line: time (ISO 8601, UTC), topic,
    // qos, retained, size, then payload (UTF-8 text) or payloadBase64 (anything else), truncated when the
    // model kept only the payload's head, and the MQTT 5 properties when there are some.
    bool exportTo(const QString &path, QString *error = nullptr) const;

private:
    void applyFilterEdit();
    void onCurrentChanged(const QModelIndex &current);
    void showDetails();
    void updateStatus();
    void exportWithDialog();
    void onSubscriptionFailed(const QString &filter, const QString &message);
    void rememberScrollPosition();
    void followNewRows();

    QPointer<MqttClient> m_client;
    TrafficModel *m_model;
    TrafficFilterProxyModel *m_proxy;
    LastValueModel *m_lastValues;
    QSortFilterProxyModel *m_lastValuesSorted;
    QLineEdit *m_filterEdit;
    QLineEdit *m_searchEdit;
    QToolButton *m_pauseButton;
    QLabel *m_rateLabel;
    QLabel *m_pauseLabel;
    QLabel *m_filterError;
    QTreeView *m_table;
    QTreeView *m_lastValueTable;
    QPlainTextEdit *m_properties;
    QPlainTextEdit *m_payload;
    QCheckBox *m_hexToggle;
    QLabel *m_payloadKind;
    QSplitter *m_mainSplitter;
    QSplitter *m_detailsSplitter;
    QTimer m_statusTimer;
    std::optional<MqttMessage> m_selected;
    qint64 m_selectedReceived = 0;
    qint64 m_selectedSize = 0;
    QString m_addedFilter;
    bool m_atBottom = true;
};

} // namespace fleet
