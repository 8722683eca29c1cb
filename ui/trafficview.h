#pragma once

#include "mqtt/mqttmessage.h"
#include "mqtt/trafficcapture.h" // complete: QPointer<TrafficCapture> converts with a static_cast

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

// Live topic traffic, as the session's TrafficCapture receives it: a table of the newest messages
// (TrafficModel, capped, one insert per event-loop turn), a details pane for the selected message (flags,
// MQTT 5 properties, payload as indented JSON, text or hex), the last value of every topic, the message rate,
// pause, and export to JSON lines. Its column widths and splitter positions are remembered by MainWindow, by
// object name.
//
// The topic filters are the capture's: what they match is what the broker sends and the table shows, each
// message once. They are the capture's own subscriptions, apart from the console's services, so requests
// to devices show as well as the replies the services subscribe to, and overlapping filters bring no
// duplicates. No filter captures TrafficCapture::defaultFilters().
//
// While a row is selected, or the operator has scrolled up, the table holds still: new rows do not scroll it,
// and rows evicted from the top by the cap do not shift what is on screen.
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
    // Larger payloads are shown cut in the details pane: formatting megabytes would freeze the window.
    static constexpr qsizetype MaxDetailBytes = 256 * 1024;

    explicit TrafficView(FleetSession *session, QWidget *parent = nullptr);
    ~TrafficView() override;

    TrafficModel *trafficModel() const { return m_model; }
    LastValueModel *lastValueModel() const { return m_lastValues; }
    // What the table shows: trafficModel() through the display filter.
    QSortFilterProxyModel *displayModel() const;

    // Captures and shows only the topics the filters (separated by spaces) match; an empty text captures the
    // default filters. An invalid filter is refused (false, *error translated) and the current ones stay.
    bool setTopicFilter(const QString &filters, QString *error = nullptr);
    // The filters in force, separated by spaces; empty for the default ones.
    QString topicFilter() const;

    // Turns the view into one device's traffic (a device page): every captured message on a topic with a
    // level equal to id, in both directions, each reply timed from its request ("After request"), starting
    // with what history (the console's traffic buffer) already holds for it. The capture filters are left to
    // the main traffic view and not shown here. Empty id shows nothing.
    void setDevice(const QString &id, TrafficModel *history);
    QString device() const { return m_device; }

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

Q_SIGNALS:
    // Paused or resumed, from the view's own button or setPaused(): the window's toolbar follows it.
    void pausedChanged(bool paused);

private:
    void applyFilterEdit();
    void onCurrentChanged(const QModelIndex &current);
    void showDetails();
    void updateStatus();
    void exportWithDialog();
    void onSubscriptionFailed(const QString &filter, const QString &message);
    void rememberScrollPosition();
    void followNewRows();
    void rememberTopRow(const QModelIndex &parent, int first);
    void keepTopRow(const QModelIndex &parent, int first, int last);

    QPointer<TrafficCapture> m_capture;
    QString m_filterText;
    QString m_device;
    bool m_deviceMode = false;
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
    bool m_atBottom = true;
    int m_topRowBeforeRemoval = -1;
};

} // namespace fleet
