#pragma once

#include "commands/gatedtopics.h"
#include "commands/operatoractions.h"
#include "commands/publishroute.h"
#include "mqtt/mqttclient.h"
#include "mqtt/publishdraft.h"
#include "mqtt/publishhistory.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTimer;

namespace fleet {

class FleetSession;
class JsonHighlighter;
class PublishHistoryProxyModel;

// "Publish" for field engineers, as MQTTX has it: a topic, a payload typed as text, JSON (checked as it is
// typed, with the error's line and column; Format pretty-prints it) or hex bytes, QoS, retain and the MQTT 5
// properties (content type, response topic, correlation data, user properties in order, duplicates kept,
// message expiry, payload format indicator), sent with the session's MqttClient. The last messages sent are
// listed (a click loads one back into the form), and forms can be saved as favourites; both are kept in the
// settings (PublishHistory).
//
// The outcome is shown as it is: "sent" only once a QoS 0 message has left the client or the broker has
// completed a QoS 1/2 handshake (MqttClient::messageSent); the broker's refusal (MQTT 5 reason codes such as
// not authorized) and the client's own (not connected, payload too large, the in-flight window full) are
// errors. An MQTT 3.1.1 connection carries no properties: their fields are disabled, and it says why.
//
// Nothing typed here goes around fleet-hub's command gate (PublishRoute decides, before sending, and the
// view says it): a message on a device's command request topic is sent as a free-form command through
// OperatorActions::sendCommand, exactly as the command composer sends one (tracked, audited, held for an
// approval when the gate says so); {"state":{"desired":…}} on a shadow's update topic goes through
// OperatorActions::updateDesired; other gated topics (group requests, AWS IoT command requests, shadow
// answers, Azure twins and methods, the gate's own) are refused with a pointer to the view that does it.
class PublishView final : public QWidget
{
    Q_OBJECT

public:
    explicit PublishView(FleetSession *session, QWidget *parent = nullptr);
    ~PublishView() override;

    // The form.
    void setTopic(const QString &topic);
    QString topic() const;
    void setPayloadFormat(PublishDraft::Format format); // converts the payload shown (text <-> hex)
    PublishDraft::Format payloadFormat() const;
    void setPayloadText(const QString &text);
    QString payloadText() const;
    // What the form holds (its properties even on MQTT 3.1.1); nullopt with error when it holds something
    // that cannot be sent (the first problem).
    std::optional<PublishDraft> draft(QString *error = nullptr) const;
    // Fills the form, replacing everything in it.
    void loadDraft(const PublishDraft &draft);
    // A message seen elsewhere (the traffic view), to publish again or edit: binary payloads as hex.
    void loadMessage(const MqttMessage &message);

    // Why Publish is disabled (topic, payload, properties or the route's refusal), empty when it is not.
    QString validationError() const;
    bool canPublish() const;
    // How the message would go, for the current form (PublishRoute).
    PublishRoute route() const;
    // Whether the MQTT 5 property fields are enabled (an MQTT 5 connection).
    bool propertiesEnabled() const;
    // The last publish's outcome, as the status line says it.
    QString statusText() const;

    PublishHistory *history() const { return m_history; }
    QPushButton *publishButton() const { return m_publish; }

public Q_SLOTS:
    // What the Publish button does; false when nothing went out (the form is refused, or the client or the
    // command path refused at once). The outcome follows in statusText() and the history.
    bool publish();
    // Pretty-prints a JSON payload; false (with the error shown) when it is not JSON.
    bool formatPayload();
    // Favourites: the current form saved under name (replacing one of that name), loaded, deleted.
    bool saveFavourite(const QString &name);
    bool loadFavourite(const QString &name);
    bool deleteFavourite(const QString &name);
    // Loads the history's row (newest first) into the form.
    bool loadHistoryEntry(int row);

Q_SIGNALS:
    void statusChanged(const QString &text);
    // An outcome of something this view sent: as it starts, and as it changes (held, sent, refused).
    void outcomeChanged(quint64 historyKey, fleet::PublishHistory::Outcome outcome, const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Check
    {
        std::optional<PublishDraft> draft;
        QString topicProblem;
        QString payloadProblem;
        int payloadErrorPosition = -1;
        QString propertyProblem;
    };
    // A free-form command under way, followed to its outcome.
    struct Followed
    {
        quint64 key = 0;
        QString device;
        bool held = false;
    };

    Check check() const;
    PublishRoute routeFor(const Check &check) const;
    void revalidate();
    void scheduleRevalidate();
    void updateProtocol();
    void rebuildTopics();
    void onFormatChanged(int index);
    void addUserPropertyRow(const QString &name = {}, const QString &value = {});
    void refreshFavourites();
    MqttProperties formProperties() const;
    void setProperties(const MqttProperties &properties);
    bool isMqtt5() const;

    bool publishDirect(const PublishDraft &draft);
    bool sendCommand(const PublishDraft &draft, const PublishRoute &route);
    bool sendDesired(const PublishDraft &draft, const PublishRoute &route);
    void onMessageSent(int messageId);
    void onPublishFailed(int messageId, MqttClient::Error error, const QString &message);
    // The history entry of a direct publish still followed, no longer followed from now on.
    std::optional<quint64> takeDirect(int messageId);
    void onCommandSent(quint64 key, const QString &device, const OperatorActions::Outcome &outcome);
    void onExecutionChanged(const QString &id);
    void onGateAnswered(const QString &id, const QString &outcome, const QString &reason);
    void onApprovalChanged(const QString &key);
    // Records the outcome in the history and, for the last publish, on the status line.
    void settle(quint64 key, PublishHistory::Outcome outcome, const QString &text);
    void setStatus(const QString &text);

    FleetSession *m_session;
    std::unique_ptr<GatedTopics> m_topics;
    PublishHistory *m_history;
    PublishHistoryProxyModel *m_historyProxy;

    QSplitter *m_splitter;
    QLineEdit *m_topic;
    QLabel *m_topicError;
    QLabel *m_routeNote;
    QLabel *m_routeProblem;
    QLabel *m_ignoredNote;
    QComboBox *m_format;
    QPushButton *m_formatButton;
    QPlainTextEdit *m_payload;
    JsonHighlighter *m_highlighter;
    QLabel *m_payloadError;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QGroupBox *m_properties;
    QLabel *m_propertiesNote;
    QLineEdit *m_contentType;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlation;
    QCheckBox *m_expiryEnabled;
    QSpinBox *m_expiry;
    QComboBox *m_payloadFormatIndicator;
    QTableWidget *m_userProperties;
    QPushButton *m_addUserProperty;
    QPushButton *m_removeUserProperty;
    QLabel *m_propertyError;
    QPushButton *m_publish;
    QLabel *m_status;
    QListView *m_historyView;
    QComboBox *m_favourites;
    QLineEdit *m_favouriteName;
    QPushButton *m_saveFavourite;
    QPushButton *m_loadFavourite;
    QPushButton *m_deleteFavourite;
    QTimer *m_validateTimer;

    PublishDraft::Format m_shownFormat = PublishDraft::Format::Text;
    QString m_validation;
    bool m_canPublish = false;
    // Direct publishes awaiting their acknowledgement: message id -> history key, oldest first in the list
    // (bounded: a broker that never acknowledges must not grow it).
    QHash<int, quint64> m_directIds;
    QList<int> m_directOrder;
    // The client reports a QoS 0 message as sent before publish() returns its id: what arrives during the
    // call is kept here until the id is known.
    bool m_inPublishCall = false;
    QList<int> m_sentDuringCall;
    QHash<int, QString> m_failedDuringCall;
    QHash<QString, Followed> m_commands; // execution id -> its entry (bounded like m_directIds)
    QList<QString> m_commandOrder;
    quint64 m_lastKey = 0;

    static constexpr int MaxFollowed = 1000;
    // Larger payloads are checked after a pause in typing rather than on every key.
    static constexpr int ImmediateCheckChars = 64 * 1024;
    static constexpr int SideBySideWidth = 900;
};

} // namespace fleet
