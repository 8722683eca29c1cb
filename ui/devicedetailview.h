#pragma once

#include "common/json.h"

#include "commands/operatoractions.h"
#include "models/trafficmodel.h" // complete: QPointer<TrafficModel> converts with a static_cast
#include "shadow/shadowclient.h"

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <optional>
#include <variant>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QSplitter;
class QTreeView;

namespace fleet {

class ConflictDialog;
class ConnectivityView;
class FleetSession;
class JsonTreeModel;
class ShadowHistoryView;
class TelemetryPlot;
class TrafficView;

// One device in depth: its connectivity, last sighting and groups; its classic shadow, or one of its named
// shadows, as desired, reported and delta side by side with the rows the device has not reached highlighted;
// an editor for the desired state; the shadow versions received while shown, with their differences; its
// numbers over time; and its connectivity over time (the changes FleetRegistry kept).
//
// The shadow selector lists the classic shadow and the named shadows the session has seen for the device
// (FleetSession::shadowNames(): AWS has no MQTT call that lists them), and "Open named shadow…" opens one by
// name. Whichever shadow is shown, the editor works the same way, through the same OperatorActions path.
//
// The editor holds the whole desired document. Apply sends only what changed (keys removed in the editor
// are sent as null, which removes them), against the version the editor was based on, so that an update
// made meanwhile by someone else is refused (409) instead of silently overwritten; the operator then sees
// both documents in a ConflictDialog and can apply a merge. What the service would refuse (invalid JSON,
// too deep, more than 8 KB of state) is refused here before anything is sent, with ShadowDocument's own
// rules. An applied update is recorded in the session's RollbackLog with the desired state before it, as
// fleetctl shadow update does.
//
// While the operator has not touched the editor it follows the shadow; once they have, it keeps their text
// and says that the shadow moved on.
class DeviceDetailView final : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceDetailView(FleetSession *session, QWidget *parent = nullptr);
    ~DeviceDetailView() override;

    // Watches the device's classic shadow (and stops watching the previous one, if this view started that
    // watch). Empty shows nothing.
    void setDevice(const QString &id);
    QString device() const { return m_device; }
    // Shows one of the device's shadows: empty for the classic one, else a named shadow, which is watched
    // (and the previous one let go, if this view started its watch). An edit not applied is dropped.
    void setShadowName(const QString &name);
    QString shadowName() const { return m_shadowName; }
    // setShadowName() for a name the operator typed, which is remembered among the device's named shadows.
    // False, with error set and nothing changed, for a name AWS would refuse (1-64 of a-z A-Z 0-9 : _ - $).
    bool openNamedShadow(const QString &name, QString *error = nullptr);
    // "Classic" and the device's known named shadows (the item data is the name, empty for the classic).
    QComboBox *shadowSelector() const { return m_shadowSelector; }
    ConnectivityView *connectivityView() const { return m_connectivityView; }

    // Sends the editor's desired state. False, with the reason shown, when it is refused before sending.
    bool applyDesired();
    // Puts the shadow's current desired state back into the editor.
    void revertEditor();

    // Why Apply is not possible now; empty when it is.
    QString validationMessage() const;
    QString statusMessage() const;

    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *treeView() const { return m_treeView; }
    QSplitter *shadowSplitter() const { return m_splitter; }
    // Narrower than this, the desired editor goes under the shadow tree instead of beside it.
    static constexpr int SideBySideWidth = 900;
    JsonTreeModel *treeModel() const { return m_treeModel; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    // An Azure device's "Send message…" (CloudMessageDialog); hidden for other devices.
    QPushButton *sendMessageButton() const { return m_sendMessage; }
    ShadowHistoryView *historyView() const { return m_history; }
    // Every message of the device in both directions, replies timed from their requests.
    TrafficView *trafficView() const { return m_traffic; }
    TelemetryPlot *plot() const { return m_plot; }
    // The console's traffic buffer: a device shown after this starts with what it holds for the device, in
    // its traffic tab and its telemetry chart.
    void setTrafficHistory(TrafficModel *history);
    TelemetryPlot *telemetryPlot() const { return m_plot; }
    // The conflict dialog while one is open.
    ConflictDialog *conflictDialog() const;
    QLabel *connectivityLabel() const { return m_connectivity; }

Q_SIGNALS:
    // The service accepted an update of the device's desired state; version is the shadow's new one.
    void desiredApplied(const QString &id, qint64 version);
    // An applied update went into session->rollbacks() as this entry.
    void rollbackRecorded(qint64 entryId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    bool send(const Json &edited, const Json &baseDesired, const Json &reported, qint64 version);
    void validate();
    void onShadowChanged(const QString &thing, const QString &shadow);
    void onShadowDeleted(const QString &thing, const QString &shadow);
    void onRequestFinished(const QString &token, const ShadowClient::Result &result);
    void onApplied(const OperatorActions::DesiredChange &change, const OperatorActions::Outcome &outcome);
    void onConflictLoaded(const ShadowClient::Result &result);
    void onConflictAccepted();
    void onDevicesChanged(const QList<int> &rows);
    void onDevicesAdded(int first, int last);
    void onShadowNamesAdded(const QStringList &things);
    // Lists the device's named shadows in the selector, the one shown selected.
    void fillShadowSelector();
    // Selects the shown shadow in the selector (listing it first if need be).
    void selectShownShadow();
    // Starts watching the shown shadow, unless someone else already does.
    void watchShadow();
    void unwatchShadow();
    void askForNamedShadow();
    void updateConnectivity();
    void updateHeader();
    void updateShadowLabel();
    void setEditorText(const QString &text);
    // Loads a desired state into the editor as the base of the next edit.
    void loadEditor(const Json &desired, qint64 version);
    void setStatus(const QString &text);
    // After an applied update: its message, and the shadow's current version once it has moved past it.
    void updateAppliedStatus();
    // An Azure IoT Hub device (FleetSession::isAzureDevice()): the same tree, history and editor show its
    // twin, read from and changed through fleet-hub (AzureHubClient) instead of a shadow.
    void loadTwin();
    void showTwin(const Json &twin);
    bool applyTwinDesired();
    struct TwinCheck
    {
        QString problem;
        int errorPosition = -1;
        std::optional<Json> patch;
    };
    TwinCheck checkTwinEdit() const;
    Json twinSection(const char *name) const;
    std::optional<ShadowClient::CachedShadow> cached() const;

    QPointer<FleetSession> m_session;
    QString m_device;
    QString m_shadowName; // empty: the classic shadow
    bool m_ownsWatch = false;

    QLabel *m_title;
    QLabel *m_connectivity;
    QLabel *m_lastSeen;
    QLabel *m_groups;
    QLabel *m_dialects; // how the device is spoken to, on a line of its own
    QLabel *m_shadowState;
    QComboBox *m_shadowSelector;
    QPushButton *m_openNamedShadow;
    QWidget *m_shadowBar;
    QTabWidget *m_tabs;
    JsonTreeModel *m_treeModel;
    QTreeView *m_treeView;
    QSplitter *m_splitter = nullptr;
    QPlainTextEdit *m_editor;
    QLabel *m_validation;
    QLabel *m_status;
    QPushButton *m_revert;
    QPushButton *m_apply;
    QPushButton *m_sendMessage;
    ShadowHistoryView *m_history;
    TelemetryPlot *m_plot;
    TrafficView *m_traffic;
    ConnectivityView *m_connectivityView;
    QPointer<TrafficModel> m_trafficHistory;
    QPointer<ConflictDialog> m_conflictDialog;
    QTimer m_clockTimer; // relative times in the header

    bool m_editorModified = false; // the operator changed the text since it was last loaded
    bool m_settingEditor = false;  // the text is being set by the view, not typed
    // The desired state and version the editor's text started from: Apply sends the operator's changes
    // against them, so that a change someone made meanwhile is a conflict rather than silently undone.
    Json m_editorBase = Json::object();
    qint64 m_editorVersion = -1;
    bool m_valid = false;

    // An update in flight; its answer counts only for the serial it was sent with (not after a device
    // change).
    bool m_applying = false;
    bool m_twinMode = false;
    bool m_twinLoaded = false;
    bool m_rebaseEditor = false; // after a 412: the next twin becomes the edit's base, the text stays
    QString m_twinRequest;       // the twin read in flight
    QString m_twinUpdate;        // the desired change in flight
    Json m_twin;                 // {"desired": {…, "$version"}, "reported": {…, "$version"}}
    quint64 m_applySerial = 0;
    // The last applied update's message and accepted version, while that message is the one shown (-1
    // otherwise).
    QString m_appliedStatus;
    qint64 m_appliedVersion = -1;
    // The get that fetches the current document after a 409, and what it was for.
    QString m_conflictToken;
    Json m_conflictEdited;
    Json m_conflictPatch;
};

} // namespace fleet
